"""Office Open XML helpers for the document and review stages: namespaces, text, one zip writer.

Word documents are zip packages of XML parts. Everything rkt writes is packed by `write_zip`:
parts in a fixed order with a fixed time, so the same parts give the same bytes.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping

from docx.opc.spec import default_content_types
from lxml import etree

NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "w14": "http://schemas.microsoft.com/office/word/2010/wordml",
}
W = f"{{{NS['w']}}}"
FIRST = ("[Content_Types].xml", "_rels/.rels")
FIXED_TIME = (1980, 1, 1, 0, 0, 0)
_DEFAULTS = frozenset(default_content_types)  # (extension, content type) pairs that need no override


def qn(tag: str) -> str:
    """`w:tbl` -> `{http://...wordprocessingml/2006/main}tbl`."""
    prefix, name = tag.split(":")
    return f"{{{NS[prefix]}}}{name}"


T, TAB, BR, P = qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:p")


ZWSP, NBSP = "\u200b", "\u00a0"


def text(element) -> str:
    """What a reader sees of a paragraph (or cell): tabs and line breaks as spaces, runs of spaces as one,
    no zero-width spaces (the line-break opportunities rkt puts after a `/`), non-breaking spaces as spaces."""
    parts = [(node.text or "") if node.tag == T else " " for node in element.iter(T, TAB, BR, P)]
    return " ".join("".join(parts).replace(ZWSP, "").replace(NBSP, " ").split())


def parse(data: bytes) -> etree._Element:
    """A part's XML; entities are never resolved."""
    return etree.fromstring(data, etree.XMLParser(resolve_entities=False, huge_tree=True))


def read_zip(data: bytes) -> dict[str, bytes]:
    """Every part of a package, by name, in the package's order."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def write_zip(parts: Mapping[str, bytes]) -> bytes:
    """A package of `parts`: content types and package relationships first, then by name, fixed times."""
    order = [n for n in FIRST if n in parts] + sorted(n for n in parts if n not in FIRST)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name in order:
            info = zipfile.ZipInfo(name, FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 0
            zf.writestr(info, parts[name], compresslevel=6)
    return out.getvalue()


def document_parts(document) -> dict[str, bytes]:
    """The parts of a python-docx `Document` as they would be saved, without zipping them.

    What `Document.save` writes: content types composed from the parts (defaults for the
    extensions that carry their type, an override for every other part), the package
    relationships, then each part and its relationships.
    """
    package = document.part.package
    parts = {"_rels/.rels": package.rels.xml}
    defaults = {"rels": "application/vnd.openxmlformats-package.relationships+xml", "xml": "application/xml"}
    overrides = {}
    for part in package.iter_parts():
        name = part.partname
        parts[name.membername] = part.blob
        if len(part.rels):
            parts[name.rels_uri.membername] = part.rels.xml
        if (name.ext.lower(), part.content_type) in _DEFAULTS:
            defaults[name.ext] = part.content_type
        else:
            overrides[str(name)] = part.content_type
    ct = "http://schemas.openxmlformats.org/package/2006/content-types"
    types = etree.Element(f"{{{ct}}}Types", nsmap={None: ct})
    for ext in sorted(defaults):
        etree.SubElement(types, f"{{{ct}}}Default", Extension=ext, ContentType=defaults[ext])
    for name in sorted(overrides):
        etree.SubElement(types, f"{{{ct}}}Override", PartName=name, ContentType=overrides[name])
    parts["[Content_Types].xml"] = etree.tostring(types, encoding="UTF-8", standalone=True)
    return parts

