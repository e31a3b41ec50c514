"""The rendered document as a reader sees it, and the contract between template and context."""

from __future__ import annotations

import copy
import importlib.util
from pathlib import Path

import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn

from pipeline.document.context import build_context
from pipeline.document.render import TEMPLATE, TemplateError, render, template_variables
from pipeline.inputs.normalise import load
from pipeline.ooxml import document_parts
from tests.builders import HEAD_NIP, mini_data, write_inputs
from tests.docx_reading import body_text, find_table, find_tables, open_docx, row_with, seen_text, table_rows

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def mini_context(tmp_path_factory):
    return build_context(load(write_inputs(tmp_path_factory.mktemp("mini") / "inputs")))


@pytest.fixture(scope="module")
def doc(mini_context):
    return open_docx(render(mini_context))


def test_headcount_in_words_and_figures(doc):
    text = body_text(doc)
    assert "sebanyak 4 (empat) orang ASN terdiri dari 3 orang PNS dan 1 orang PPPK" in text
    lines = [p.text for p in doc.paragraphs]
    assert "2)\tJabatan Fungsional Tertentu\t: 2 orang" in lines


def test_tabel_1_golongan_by_ruang(doc):
    t = find_table(doc, "Golongan", "Ruang", "Jumlah")
    assert row_with(t, "IV") == ["IV", "-", "1", "-", "-", "1"]
    assert row_with(t, "II") == ["II", "-", "-", "-", "1", "1"]
    assert row_with(t, "VII (PPPK)") == ["VII (PPPK)", "-", "-", "-", "-", "1"]
    assert table_rows(t)[-1] == ["Jumlah", "-", "1", "1", "1", "4"]


def test_tabel_2_and_3_rows_and_totals(doc):
    t2 = find_table(doc, "No", "Kualifikasi Pendidikan", "JFU", "JFT", "Struktural", "Jumlah")
    assert row_with(t2, "D III Kesehatan Lingkungan") == ["3.", "D III Kesehatan Lingkungan", "1", "1", "", "2"]
    assert table_rows(t2)[-1] == ["Jumlah", "1", "2", "1", "4"]
    t3 = find_table(doc, "No", "Kualifikasi Pendidikan", "TU")
    rows = table_rows(t3)
    assert rows[0] == ["No", "Kualifikasi Pendidikan", "TU", "PRL dan KLW", "PKSE", "Struktural", "Jumlah"]
    assert rows[1] == ["No", "Kualifikasi Pendidikan", "TU", "PRL", "KLW", "PKSE", "Struktural", "Jumlah"]
    assert rows[2][2:10] == ["JFU", "JFT"] * 4
    # TU JFU, TU JFT, PRL JFU, PRL JFT, KLW JFU, KLW JFT, PKSE JFU, PKSE JFT, Struktural, Jumlah
    assert row_with(t3, "D III Kesehatan Lingkungan")[2:] == ["1", "", "", "1", "", "", "", "", "", "2"]
    assert rows[-1] == ["Jumlah", "1", "", "", "1", "", "", "", "1", "1", "4"], "a nil total is blank, as the rows"


def test_tabel_3_grid_follows_its_columns(doc):
    """The unit columns are a loop; the grid must then have one column per cell, the page's full width."""
    t3 = find_table(doc, "No", "Kualifikasi Pendidikan", "TU")
    grid = t3._tbl.find(qn("w:tblGrid")).findall(qn("w:gridCol"))
    assert len(grid) == 2 + 2 * 4 + 2
    widths = [int(g.get(qn("w:w"))) for g in grid]
    assert min(widths) > 250 and sum(widths) == round(15.5 * 567)
    assert int(t3._tbl.find(f"{qn('w:tblPr')}/{qn('w:tblW')}").get(qn("w:w"))) == sum(widths)


def test_ikk_table_groups_ros_under_kro_and_merges_the_ikk(doc):
    t = find_table(doc, "No", "Rincian Output", "Indikator Kinerja Kegiatan")
    rows = table_rows(t)
    assert rows[1] == ["1", "Pelayanan publik lainnya", "Indeks deteksi faktor risiko di pelabuhan/bandara/PLBDN",
                       "0,99", "151.500"]
    assert rows[2][1] == "- Layanan pemeriksaan orang, barang, alat angkut"
    kro_rows = [r[1] for r in rows if r[0] == "2"]
    assert kro_rows == ["Pelayanan publik lainnya", "- Layanan pemeriksaan orang, barang, alat angkut",
                        "- Layanan survei faktor risiko penyakit HIV AIDS", "Layanan Dukungan Manajemen Internal",
                        "- Layanan Perkantoran"]
    tail = t._tbl.getnext()  # the last item and the total, a table of their own (table.tail)
    ikk_cells = [r._tr.findall(qn("w:tc"))[2] for r in t.rows[1:]] + [tail.find(qn("w:tr")).findall(qn("w:tc"))[2]]
    merges = [tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}").get(qn("w:val")) for tc in ikk_cells]
    assert merges == ["restart", "continue", "continue", "restart", "continue", "continue", "continue", "restart"]
    seam = ikk_cells[-1].find(f"{qn('w:tcPr')}/{qn('w:tcBorders')}/{qn('w:top')}")
    assert seam.get(qn("w:val")) == "nil" and rows[-2][2] == rows[-3][2], "the IKK goes on over the seam"
    assert rows[-1][-1] == "1.351.500"


def test_funding_tables_carry_every_ro_and_the_pagu(doc):
    funding = find_table(doc, "Indikator", "Rincian Output", "Tahun 2024", "Prakiraan Maju")
    assert table_rows(funding)[2][-4:] == ["2024", "2025", "2024", "2025"]
    assert row_with(funding, "- Layanan Perkantoran")[1:] == [
        "- Layanan Perkantoran", "12", "Layanan", "1.200.000", "12", "12", "1.200.000", "1.300.000"]
    assert table_rows(funding)[-1][-4:] == ["1.351.500", "", "1.351.500", "1.461.500"]
    sources = find_table(doc, "Indikator", "Rincian Output", "Alokasi (000)")
    assert row_with(sources, "QAH.U14")[1:] == [
        "QAH.U14", "- Layanan survei faktor risiko penyakit HIV AIDS", "30.000", "1.500", "-", "31.500", "2 wilker"]
    assert table_rows(sources)[-1][:5] == ["Jumlah (setiap Rincian Output dihitung satu kali)", "1.230.000",
                                           "121.500", "-", "1.351.500"]


def test_jadwal_row_has_its_twelve_months_and_pj(doc):
    t = find_table(doc, "IKK", "Rincian Output", "Target IKK")
    row = row_with(t, "QAH.017")
    assert row[0] == "Indeks deteksi faktor risiko di pelabuhan/bandara/PLBDN"
    assert row[4:] == ["-"] + ["10.000"] * 10 + ["20.000", "120.000", "Substansi PRL&KLW, PKSE"]
    total = table_rows(t)[-1]
    assert total[1:] == ["100.000", "111.500", "120.000", "110.000", "110.000", "120.000", "110.000", "110.000",
                         "120.000", "110.000", "110.000", "120.000", "1.351.500", ""]


def test_target_annex_sums_components_on_the_ikk_row(doc):
    t = find_table(doc, "NO", "SASARAN KINERJA")
    rows = table_rows(t)
    ikk1 = row_with(t, "1. Indeks deteksi faktor risiko di pelabuhan/bandara/PLBDN")
    # no own series, no sum label: the IKK row shows the components' monthly sum and total absolute
    assert ikk1[4:] == ["0,99", "30", "1", "3", "6", "8", "11", "14", "17", "20", "22", "25", "27", "30"]
    assert row_with(t, "2. Alat angkut yang diperiksa")[-12:] == ["-", "-"] + [str(x) for x in range(1, 11)]
    assert row_with(t, "2. Persentase realisasi anggaran")[4:7] == ["96%", "", "5"]
    assert rows[2][:2] == ["1", "Meningkatnya pelayanan kekarantinaan di Pintu Masuk Negara dan Wilayah"]


def test_signature_block_from_the_identity_workbook(doc):
    signatures = [t for t in doc.tables if f"NIP {HEAD_NIP}" in t.cell(0, 0).text]
    assert len(signatures) == 3  # foreword, the one target annex, the Jadwal
    printed = signatures[0].cell(0, 0).text
    block = seen_text(printed).split("\n")
    assert block[:2] == ["Contoh, Januari 2024", "Kepala Balai Kekarantinaan Kesehatan Kelas II Contoh"]
    assert "Kesehatan Kelas\u00a0II\u00a0Contoh" in printed  # the title breaks before the office's class, not in it
    assert block[-2:] == ["Dr. Budi Santoso, SKM, MKM", f"NIP {HEAD_NIP}"]


def test_page_setup_toc_and_page_numbers(doc):
    sections = doc.sections
    assert [s.orientation for s in sections] == [WD_ORIENT.PORTRAIT] * 3 + [WD_ORIENT.LANDSCAPE]
    assert round(sections[0].page_width.cm, 1) == 21.0 and round(sections[0].page_height.cm, 1) == 29.7
    fmts = [s._sectPr.find(qn("w:pgNumType")) for s in sections]
    assert fmts[1].get(qn("w:fmt")) == "lowerRoman" and fmts[2].get(qn("w:start")) == "1"
    instr = " ".join(i.text for i in doc.element.body.iter(qn("w:instrText")))
    assert 'TOC \\o "1-3"' in instr
    assert doc.settings.element.find(qn("w:updateFields")) is None, "a signed document asks no field update"
    footer = " ".join(i.text for i in sections[1].footer._element.iter(qn("w:instrText")))
    assert "PAGE" in footer
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert headings[:3] == ["KATA PENGANTAR", "BAB I PENDAHULUAN", "1. Latar Belakang"]
    assert "Lampiran 2. Jadwal Pelaksanaan Kegiatan Tahun 2024" in headings


def test_the_table_of_contents_is_filled_at_build_time(doc):
    """Each heading an entry of its level in the TOC field's result, never the placeholder; the field stays dirty
    so Word puts in the page numbers (LibreOffice's PDF export does: pipeline/document/pdf.py)."""
    headings = [(p.style.name[-1], p.text) for p in doc.paragraphs if p.style.name.startswith("Heading")]
    entries = [(p.style.name[-1], p.text) for p in doc.paragraphs if p.style.name.lower().startswith("toc")]
    assert entries == headings and "diperbarui otomatis" not in body_text(doc)
    begin = next(doc.element.body.iter(qn("w:fldChar")))
    assert begin.get(qn("w:fldCharType")) == "begin" and begin.get(qn("w:dirty")) == "true"
    kinds = [f.get(qn("w:fldCharType")) for p in doc.paragraphs if p.style.name.lower().startswith("toc")
             for f in p._p.iter(qn("w:fldChar"))]
    assert kinds == ["begin", "separate", "end"], "the entries are the field's result, which Word may update"


def test_wide_tables_repeat_their_header_rows(doc):
    for header in (("NO", "SASARAN KINERJA"), ("IKK", "Rincian Output"), ("Indikator", "Rincian Output")):
        for t in find_tables(doc, *header):
            flags = [r._tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None for r in t.rows]
            assert flags[:2] == [True, True] and not any(flags[3:]), header


def test_no_template_tag_is_left_in_the_document(doc):
    text = body_text(doc)
    assert "{%" not in text and "{{" not in text and "vmerge" not in text


def test_cell_text_appears_literally(tmp_path):
    """`&`, `<`, quotes and Jinja syntax typed in a cell are text, never XML or template code."""
    name = 'A & B <c> "d" {{ x }} {% if %}'
    data = mini_data()
    for ro in data["pendanaan"]["RO"]:
        if ro.get("code") == "QAH.U14":
            ro["name"] = name
    for link in data["pendanaan"]["IKK-RO"]:
        if link["code"] == "QAH.U14":
            link["name"] = None
    for row in data["jadwal"]["Jadwal"]:
        if row.get("code") == "QAH.U14":
            row["name"] = None
    data["identitas"]["Identitas"]["office_short"] = "BKK <Kelas II> & Co"
    doc = open_docx(render(build_context(load(write_inputs(tmp_path / "in", data)))))
    assert row_with(find_table(doc, "IKK", "Rincian Output", "Target IKK"), f"- {name}")
    assert row_with(find_table(doc, "Indikator", "Rincian Output", "Alokasi (000)"), f"- {name}")
    assert "Wilayah kerja BKK <Kelas II> & Co terdiri dari" in body_text(doc)


def test_template_uses_only_what_the_context_provides(mini_context):
    used = template_variables(TEMPLATE)
    assert used, "the template declares no variables: not a template?"
    assert used <= set(mini_context)


@pytest.mark.parametrize("path", [
    ("pagu",),
    ("staff", "total_phrase"),
    ("sign", "nip"),
    ("schedule", "rows", 1, "pj"),
    ("target_annexes", 0, "rows", 0, "definition"),
])
def test_a_missing_value_stops_rendering_and_names_it(mini_context, path):
    context = copy.deepcopy(mini_context)
    holder = context
    for key in path[:-1]:
        holder = holder[key]
    del holder[path[-1]]
    with pytest.raises(TemplateError, match=str(path[-1])):
        render(context)


def test_the_template_script_builds_a_template_that_renders(mini_context, tmp_path):
    """tools/make_template.py is the template's reproducible source: its output fills cleanly too."""
    spec = importlib.util.spec_from_file_location("make_template", ROOT / "tools" / "make_template.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    fresh = tmp_path / "rkt.docx"
    fresh.write_bytes(module.build())
    assert template_variables(fresh) == template_variables(TEMPLATE)
    doc = open_docx(render(mini_context, fresh))
    assert "4 (empat) orang" in body_text(doc)


def test_a_broken_template_is_a_template_error(tmp_path, mini_context):
    from docx import Document

    bad = Document()
    bad.add_paragraph("{% for x in %}")
    path = tmp_path / "bad.docx"
    bad.save(path)
    with pytest.raises(TemplateError, match="bad.docx"):
        render(mini_context, path)


def test_a_template_that_writes_broken_xml_is_a_template_error(tmp_path):
    """Values are escaped; a template that opts out (`|safe`) and breaks the XML is named, not a traceback."""
    from docx import Document

    tpl = Document()
    tpl.add_paragraph("{{ x|safe }}")
    path = tmp_path / "unsafe.docx"
    tpl.save(path)
    with pytest.raises(TemplateError, match="unsafe.docx.*XML"):
        render({"x": "</w:t>"}, path)


def test_indonesian_formats_are_template_filters(tmp_path, mini_context):
    """A planner editing the template can format a raw figure the Indonesian way."""
    from docx import Document

    tpl = Document()
    tpl.add_paragraph("{{ year }}|{{ 1240458|number }}|{{ 0|number }}|{{ 97|percent }}|{{ 68|count }}|{{ 8|month }}")
    path = tmp_path / "filters.docx"
    tpl.save(path)
    assert body_text(open_docx(render({"year": "2024"}, path))) == (
        "2024|1.240.458|-|97%|68 (enam puluh delapan) orang|Agustus")



def test_a_line_break_in_a_value_is_still_a_line_break(tmp_path):
    """docxtpl's listing pass runs only when a value holds a tab or newline; then it still does its work."""
    from docx import Document

    tpl = Document()
    tpl.add_paragraph("{{ x }}")
    path = tmp_path / "listing.docx"
    tpl.save(path)
    body = document_parts(render({"x": "baris satu\nbaris dua"}, path))["word/document.xml"].decode()
    assert "baris satu</w:t><w:br/>" in body and "baris dua" in body
    assert "<w:br/>" not in document_parts(render({"x": "satu baris"}, path))["word/document.xml"].decode()
