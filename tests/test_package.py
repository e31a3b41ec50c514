"""The package step: rkt's properties, provenance and snapshot set through python-docx, read back."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime

import pytest
from docx import Document
from lxml import etree

from pipeline import __version__
from pipeline.document.package import NotAnRktDocument, custom_properties, finalize, read_snapshot
from pipeline.document.render import render
from pipeline.ooxml import read_zip

TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
CUSTOM_PROPERTIES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
CUSTOM_XML = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml"


def rendered(tmp_path):
    """A one-paragraph template with properties of its own, rendered."""
    tpl = Document()
    tpl.add_paragraph("{{ x }}")
    tpl.core_properties.keywords = "templat"
    tpl.core_properties.comments = "dibuat untuk diisi"
    path = tmp_path / "templat.docx"
    tpl.save(path)
    return render({"x": "isi"}, path)


def finalized(document, **changes) -> bytes:
    args = {"title": "Rencana Kinerja Tahunan 2024 Contoh", "subject": "RKT Awal Tahun 2024", "year": 2024,
            "month": 3, "properties": {"sha256 identitas.xlsx": "ab12"}, "snap": {"snapshot": 2, "x": "<&>\""}}
    return finalize(document, **{**args, **changes})


def content_type(parts: dict[str, bytes], name: str) -> str:
    """The content type the package gives part `name`: its Override, else its extension's Default."""
    types = etree.fromstring(parts["[Content_Types].xml"])
    override = types.find(f"{TYPES}Override[@PartName='/{name}']")
    if override is not None:
        return override.get("ContentType")
    return types.find(f"{TYPES}Default[@Extension='{name.rsplit('.', 1)[1]}']").get("ContentType")


def relationships(parts: dict[str, bytes], rels: str, rel_type: str) -> list[str]:
    return [r.get("Target") for r in etree.fromstring(parts[rels]).iter(REL) if r.get("Type") == rel_type]


def test_core_properties_are_rkts_and_none_of_the_templates(tmp_path):
    props = Document(io.BytesIO(finalized(rendered(tmp_path)))).core_properties
    assert (props.title, props.subject, props.author, props.last_modified_by, props.revision) == (
        "Rencana Kinerja Tahunan 2024 Contoh", "RKT Awal Tahun 2024", "rkt", "rkt", 1)
    assert props.created == props.modified == datetime(2024, 3, 1, tzinfo=UTC)
    assert props.keywords == "" and props.comments == ""


def test_provenance_and_snapshot_are_parts_the_package_relates_and_types(tmp_path):
    docx = tmp_path / "out.docx"
    docx.write_bytes(finalized(rendered(tmp_path)))
    parts = read_zip(docx.read_bytes())
    assert content_type(parts, "docProps/custom.xml") == (
        "application/vnd.openxmlformats-officedocument.custom-properties+xml")
    assert content_type(parts, "customXml/rkt-snapshot.xml") == "application/xml"
    assert relationships(parts, "_rels/.rels", CUSTOM_PROPERTIES) == ["docProps/custom.xml"]
    assert relationships(parts, "word/_rels/document.xml.rels", CUSTOM_XML).count("../customXml/rkt-snapshot.xml") == 1
    assert custom_properties(docx) == {"rkt_version": __version__, "sha256 identitas.xlsx": "ab12"}
    assert read_snapshot(docx) == {"snapshot": 2, "x": "<&>\""}


def test_a_built_document_used_as_a_template_keeps_one_custom_properties_part_and_one_snapshot(tmp_path):
    again = tmp_path / "again.docx"
    first = finalized(rendered(tmp_path))
    again.write_bytes(finalized(Document(io.BytesIO(first)), properties={"sha256 jadwal.xlsx": "cd34"},
                                snap={"snapshot": 2, "x": "baru"}))
    parts = read_zip(again.read_bytes())
    assert relationships(parts, "_rels/.rels", CUSTOM_PROPERTIES) == ["docProps/custom.xml"]
    assert relationships(parts, "word/_rels/document.xml.rels", CUSTOM_XML).count("../customXml/rkt-snapshot.xml") == 1
    assert parts["[Content_Types].xml"].count(b'PartName="/docProps/custom.xml"') == 1
    assert custom_properties(again) == {"rkt_version": __version__, "sha256 jadwal.xlsx": "cd34"}
    assert read_snapshot(again) == {"snapshot": 2, "x": "baru"}


def test_a_property_name_with_quotes_and_ampersands_reads_back(tmp_path):
    docx = tmp_path / "out.docx"
    docx.write_bytes(finalized(rendered(tmp_path), properties={'sha256 "a" & <b>.xlsx': "ef"}))
    assert custom_properties(docx)['sha256 "a" & <b>.xlsx'] == "ef"


def test_a_title_longer_than_word_keeps_is_cut_at_255_characters(tmp_path):
    title = "Rencana Kinerja Tahunan 2024 " + "Balai " * 60
    props = Document(io.BytesIO(finalized(rendered(tmp_path), title=title))).core_properties
    assert props.title == title[:255]


@pytest.mark.parametrize("snapshot", [
    b"<other>{}</other>",  # XML, but not rkt's snapshot
    b'<rkt:snapshot xmlns:rkt="urn:other">{}</rkt:snapshot>',  # the prefix without rkt's namespace
    b'<rkt:snapshot xmlns:rkt="urn:rkt:snapshot:1">{"snapshot": </rkt:snapshot>',  # not JSON
    b"<rkt:snapshot",  # not XML
    b'<!DOCTYPE x [<!ENTITY e "{}">]><rkt:snapshot xmlns:rkt="urn:rkt:snapshot:1">&e;</rkt:snapshot>',
])
def test_a_snapshot_part_that_is_not_rkts_is_refused(tmp_path, snapshot):
    docx = tmp_path / "other.docx"
    with zipfile.ZipFile(docx, "w") as zf:
        zf.writestr("customXml/rkt-snapshot.xml", snapshot)
    with pytest.raises(NotAnRktDocument):
        read_snapshot(docx)
