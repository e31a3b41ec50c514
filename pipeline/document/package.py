"""The last step before writing: make a rendered .docx reproducible and self-describing.

Word packages are zip files whose entry times, order and document properties change on
every save. Here they are fixed: entries in a canonical order with a fixed timestamp,
core properties dated from the edition, and the provenance (rkt version, SHA-256 of each
input workbook) in custom properties. The plan's snapshot travels inside the package as
a custom XML part, so `rkt diff` can compare two built documents by RO code.

Everything goes through python-docx's package, the way the renderer adds its chart parts: the
core properties through its core-properties API, the custom-properties and snapshot parts as
parts related through its relationships; the content types then follow from the package.
"""

from __future__ import annotations

import io
import json
import zipfile
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from lxml import etree

from pipeline import __version__
from pipeline.files import FileProblem, TooLarge, read_regular, zip_members
from pipeline.names import SNAPSHOT_PART
from pipeline.ooxml import document_parts, parse, write_zip

if TYPE_CHECKING:
    from docx.document import Document

CUSTOM_PART = "docProps/custom.xml"
SNAPSHOT_NS = "urn:rkt:snapshot:1"
SNAPSHOT = f"{{{SNAPSHOT_NS}}}snapshot"
CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
USER_DEFINED = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"  # the format id of a custom property a user adds
# The declaration rkt's own parts have always carried (lxml would write it in single quotes).
DECLARATION = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
CORE_TEXT_LIMIT = 255  # python-docx refuses a longer title or subject


class NotAnRktDocument(ValueError):
    """The .docx was not built by rkt (it carries no snapshot)."""


def _set_core_properties(document: Document, title: str, subject: str, stamp: datetime) -> None:
    """Title, subject, author and dates; nothing of the template's own (its keywords, description...) stays.

    python-docx writes each property where it is first set, so the order here is core.xml's order.
    """
    props = document.core_properties  # python-docx adds the part when the template has none
    del document.part.package.part_related_by(RT.CORE_PROPERTIES).element[:]
    props.title = title[:CORE_TEXT_LIMIT]
    props.subject = subject[:CORE_TEXT_LIMIT]
    props.author = "rkt"
    props.last_modified_by = "rkt"
    props.revision = 1
    props.created = stamp
    props.modified = stamp


def _custom_xml(props: dict[str, str]) -> bytes:
    root = etree.Element(f"{{{CUSTOM_NS}}}Properties", nsmap={None: CUSTOM_NS, "vt": VT_NS})
    for pid, (name, value) in enumerate(sorted(props.items()), start=2):
        prop = etree.SubElement(root, f"{{{CUSTOM_NS}}}property", {"fmtid": USER_DEFINED, "pid": str(pid),
                                                                   "name": name})
        etree.SubElement(prop, f"{{{VT_NS}}}lpwstr").text = value
    return DECLARATION + etree.tostring(root, encoding="UTF-8")


def _snapshot_xml(snap: dict[str, Any]) -> bytes:
    root = etree.Element(SNAPSHOT, nsmap={"rkt": SNAPSHOT_NS})
    root.text = json.dumps(snap, ensure_ascii=False, separators=(",", ":"))  # in the order made: the schema's
    return DECLARATION + etree.tostring(root, encoding="UTF-8")


def _relate(source, part: Part, reltype: str) -> None:
    """Relate `part` from `source` (the package or one of its parts) in place of a part of the same
    name that `source` already relates that way (a template may carry its own custom properties)."""
    for rid, rel in list(source.rels.items()):
        if rel.reltype == reltype and not rel.is_external and rel.target_part.partname == part.partname:
            del source.rels[rid]
    source.relate_to(part, reltype)


def finalize(document: Document, *, title: str, subject: str, year: int, month: int,
             properties: dict[str, str], snap: dict[str, Any]) -> bytes:
    """The rendered python-docx `document` as one deterministic .docx, with provenance and the embedded snapshot.

    The only place a document is zipped, and the only place its properties are set.
    """
    package = document.part.package
    _set_core_properties(document, title, subject, datetime(year, month, 1))
    custom = _custom_xml({"rkt_version": __version__, **properties})
    _relate(package, Part(PackURI(f"/{CUSTOM_PART}"), CT.OFC_CUSTOM_PROPERTIES, custom, package),
            RT.CUSTOM_PROPERTIES)
    _relate(document.part, Part(PackURI(f"/{SNAPSHOT_PART}"), CT.XML, _snapshot_xml(snap), package), RT.CUSTOM_XML)
    return write_zip(document_parts(document))


DOCX_BYTES = 100 * 1024 * 1024  # a built RKT is well under a megabyte
DOCX_UNPACKED = 500 * 1024 * 1024
DOCX_RATIO = 500


def read_docx(path: Path) -> bytes:
    """The bytes of a .docx to compare, refused (FileProblem) unless a regular file within the limits."""
    data = read_regular(Path(path), DOCX_BYTES)
    try:
        zip_members(data, DOCX_UNPACKED, DOCX_RATIO)
    except zipfile.BadZipFile:
        raise NotAnRktDocument(str(path)) from None
    except TooLarge:
        raise FileProblem(f"{path}: isi file terlalu besar setelah diekstrak (zip bomb?)") from None
    return data


def read_snapshot(docx_path, data: bytes | None = None) -> dict[str, Any]:
    """The snapshot embedded by `finalize`; NotAnRktDocument if the file has none, FileProblem if unreadable.

    `data` is the file's bytes when they were read already (`read_docx`).
    """
    data = read_docx(docx_path) if data is None else data
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            root = parse(zf.read(SNAPSHOT_PART))
        if root.tag != SNAPSHOT:
            raise NotAnRktDocument(str(docx_path))
        return json.loads(root.text or "")
    except (KeyError, zipfile.BadZipFile, etree.XMLSyntaxError, ValueError, EOFError) as exc:
        raise NotAnRktDocument(str(docx_path)) from exc


def custom_properties(docx_path) -> dict[str, str]:
    """The custom document properties (provenance) of a .docx: those holding text."""
    with zipfile.ZipFile(docx_path) as zf:
        try:
            root = parse(zf.read(CUSTOM_PART))
        except KeyError:
            return {}
    text = f"{{{VT_NS}}}lpwstr"
    return {prop.get("name"): prop.findtext(text) for prop in root.iter(f"{{{CUSTOM_NS}}}property")
            if prop.find(text) is not None}
