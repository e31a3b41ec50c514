"""The last step before writing: make a rendered .docx reproducible and self-describing.

Word packages are zip files whose entry times, order and document properties change on
every save. Here they are fixed: entries in a canonical order with a fixed timestamp,
core properties dated from the edition, and the provenance (rkt version, SHA-256 of each
input workbook) in custom properties. The plan's snapshot travels inside the package as
a custom XML part, so `rkt diff` can compare two built documents by RO code.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, unescape

from pipeline import __version__
from pipeline.files import FileProblem, TooLarge, read_regular, zip_members
from pipeline.ooxml import write_zip

SNAPSHOT_PART = "customXml/rkt-snapshot.xml"
CUSTOM_PROPS_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
CUSTOM_XML_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml"


class NotAnRktDocument(ValueError):
    """The .docx was not built by rkt (it carries no snapshot)."""


def _core_xml(title: str, subject: str, stamp: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{escape(title)}</dc:title><dc:subject>{escape(subject)}</dc:subject>"
        "<dc:creator>rkt</dc:creator><cp:lastModifiedBy>rkt</cp:lastModifiedBy><cp:revision>1</cp:revision>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
        "</cp:coreProperties>"
    ).encode()


def _custom_xml(props: dict[str, str]) -> bytes:
    items = "".join(
        f'<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="{pid}" name="{escape(name)}">'
        f"<vt:lpwstr>{escape(value)}</vt:lpwstr></property>"
        for pid, (name, value) in enumerate(sorted(props.items()), start=2)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        f"{items}</Properties>"
    ).encode()


def _snapshot_xml(snap: dict[str, Any]) -> bytes:
    text = json.dumps(snap, ensure_ascii=False, separators=(",", ":"))  # in the order made: the schema's
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<rkt:snapshot xmlns:rkt="urn:rkt:snapshot:1">{escape(text)}</rkt:snapshot>'
    ).encode()


def _add_override(types: bytes, part: str, content_type: str) -> bytes:
    if f'PartName="/{part}"'.encode() in types:
        return types
    entry = f'<Override PartName="/{part}" ContentType="{content_type}"/>'.encode()
    return types.replace(b"</Types>", entry + b"</Types>")


def _add_relationship(rels: bytes, rel_type: str, target: str) -> bytes:
    if f'Target="{target}"'.encode() in rels:
        return rels
    ids = {int(n) for n in re.findall(rb'Id="rId(\d+)"', rels)}
    rid = max(ids, default=0) + 1
    entry = f'<Relationship Id="rId{rid}" Type="{rel_type}" Target="{target}"/>'.encode()
    return rels.replace(b"</Relationships>", entry + b"</Relationships>")


def finalize(parts: dict[str, bytes], *, title: str, subject: str, year: int, month: int,
             properties: dict[str, str], snap: dict[str, Any]) -> bytes:
    """The rendered parts as one deterministic .docx, with provenance and the embedded snapshot.

    The only place a document is zipped, and the only place its properties are set.
    """
    parts = dict(parts)
    stamp = f"{year:04d}-{month:02d}-01T00:00:00Z"
    parts["docProps/core.xml"] = _core_xml(title, subject, stamp)
    parts["docProps/custom.xml"] = _custom_xml({"rkt_version": __version__, **properties})
    parts[SNAPSHOT_PART] = _snapshot_xml(snap)
    types = parts["[Content_Types].xml"]
    types = _add_override(types, "docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml")
    types = _add_override(types, "docProps/custom.xml",
                          "application/vnd.openxmlformats-officedocument.custom-properties+xml")
    parts["[Content_Types].xml"] = _add_override(types, SNAPSHOT_PART, "application/xml")
    parts["_rels/.rels"] = _add_relationship(parts["_rels/.rels"], CUSTOM_PROPS_TYPE, "docProps/custom.xml")
    doc_rels = "word/_rels/document.xml.rels"
    parts[doc_rels] = _add_relationship(parts[doc_rels], CUSTOM_XML_TYPE, "../" + SNAPSHOT_PART)
    return write_zip(parts)


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


def read_snapshot(docx_path) -> dict[str, Any]:
    """The snapshot embedded by `finalize`; NotAnRktDocument if the file has none, FileProblem if unreadable."""
    data = read_docx(docx_path)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            xml = zf.read(SNAPSHOT_PART).decode("utf-8")
        body = re.search(r"<rkt:snapshot[^>]*>(.*)</rkt:snapshot>", xml, re.S)
        if not body:
            raise NotAnRktDocument(str(docx_path))
        return json.loads(unescape(body.group(1)))
    except (KeyError, zipfile.BadZipFile, UnicodeError, ValueError, EOFError) as exc:
        raise NotAnRktDocument(str(docx_path)) from exc


def custom_properties(docx_path) -> dict[str, str]:
    """The custom document properties (provenance) of a .docx."""
    with zipfile.ZipFile(docx_path) as zf:
        try:
            xml = zf.read("docProps/custom.xml").decode("utf-8")
        except KeyError:
            return {}
    return {unescape(n): unescape(v) for n, v in re.findall(r'name="([^"]*)"><vt:lpwstr>([^<]*)</vt:lpwstr>', xml)}
