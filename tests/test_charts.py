"""Grafik 1-4 as native Word charts and Bagan 1 as a table, read back from the built .docx."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest
from docx import Document
from docx.oxml.ns import qn
from lxml import etree

from pipeline.build import build
from pipeline.document import charts, layout
from pipeline.document.context import build_context
from pipeline.document.render import TemplateError, render
from pipeline.inputs.normalise import load
from pipeline.ooxml import document_parts, write_zip
from pipeline.plan import tables
from tests.builders import mini_data, write_inputs
from tests.docx_reading import open_docx, row_texts, seen_text

SHIPPED = Path(__file__).resolve().parent.parent / "inputs"
C = {"c": charts.NS_C}
CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
CHART_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart"
PACKAGE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/package"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"


def build_docx(folder: Path, data: dict | None = None) -> bytes:
    """Build the (mini) office's document through the whole pipeline and return its bytes."""
    result = build(write_inputs(folder / "inputs", data), folder / "out")
    assert result.path is not None, [str(f) for f in result.findings if f.severity == "error"]
    return result.path.read_bytes()


@pytest.fixture(scope="module")
def mini_docx(tmp_path_factory) -> bytes:
    return build_docx(tmp_path_factory.mktemp("charts"))


def parts(docx: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def series(chart_xml: bytes) -> dict[str, tuple[list[str], list[int]]]:
    """Each series of a chart part by name: its cached categories and values."""
    root = etree.fromstring(chart_xml)
    out = {}
    for ser in root.iterfind(".//c:ser", C):
        name = ser.findtext("c:tx//c:v", namespaces=C)
        # a label's words as a reader reads them: the line breaks `charts.category_labels` puts in are spaces
        cats = [pt.findtext("c:v", namespaces=C).replace("\n", " ")
                for pt in ser.iterfind("c:cat//c:strCache/c:pt", C)]
        vals = [int(float(pt.findtext("c:v", namespaces=C))) for pt in ser.iterfind("c:val//c:numCache/c:pt", C)]
        out[name] = (cats, vals)
    return out


def chart_series(docx: bytes, n: int) -> dict[str, tuple[list[str], list[int]]]:
    return series(parts(docx)[f"word/charts/chart{n}.xml"])


def label_problems(chart_xml: bytes) -> list[str]:
    """Category label lines of a column chart wider than a category's share of the plot, or not whole words.

    The type size is the category axis's own (`c:catAx/c:txPr`), else the chart's; each line is
    measured with Arial's metrics as the tables are, and must be made of the label's whole words.
    """
    root = etree.fromstring(chart_xml)
    sizes = root.xpath("c:chart//c:catAx/c:txPr//a:defRPr/@sz", namespaces={**C, "a": charts.NS_A}) or \
        root.xpath("c:txPr//a:defRPr/@sz", namespaces={**C, "a": charts.NS_A})
    size = int(sizes[0]) / 100
    labels = [pt.findtext("c:v", namespaces=C) for pt in root.find(".//c:ser", C).iterfind("c:cat//c:strCache/c:pt", C)]
    room = charts.PLOT_CM * layout.TWIPS_PER_CM / len(labels)
    problems = []
    for label in labels:
        lines = label.split("\n")
        if [w for line in lines for w in line.split()] != label.replace("\n", " ").split():
            problems.append(f"{label!r}: a word split")
        problems += [f"{line!r} wider than {room:.0f} twips at {size} pt" for line in lines
                     if layout.text_width(line, size) > room]
    return problems


# ---------------------------------------------------------------- package structure

def test_four_chart_parts_related_from_the_document_with_their_workbooks(mini_docx):
    files = parts(mini_docx)
    assert sorted(n for n in files if re.fullmatch(r"word/charts/chart\d+\.xml", n)) == [
        f"word/charts/chart{i}.xml" for i in range(1, 5)]
    types = etree.fromstring(files["[Content_Types].xml"])
    overrides = {o.get("PartName"): o.get("ContentType") for o in types if o.get("PartName")}
    defaults = {d.get("Extension"): d.get("ContentType") for d in types if d.get("Extension")}
    assert all(overrides[f"/word/charts/chart{i}.xml"] == CHART_TYPE for i in range(1, 5))
    assert defaults["xlsx"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    rels = {r.get("Id"): r for r in etree.fromstring(files["word/_rels/document.xml.rels"]).iter(REL)}
    for i in range(1, 5):
        rel = rels[f"rIdChart{i}"]
        assert (rel.get("Type"), rel.get("Target")) == (CHART_REL, f"charts/chart{i}.xml")
        chart_rels = list(etree.fromstring(files[f"word/charts/_rels/chart{i}.xml.rels"]).iter(REL))
        assert [(r.get("Id"), r.get("Type")) for r in chart_rels] == [("rId1", PACKAGE_REL)]
        workbook = "word/" + chart_rels[0].get("Target").removeprefix("../")
        assert files[workbook][:2] == b"PK"
        external = etree.fromstring(files[f"word/charts/chart{i}.xml"]).find("c:externalData", C)
        assert external.get(qn("r:id")) == "rId1"


def test_charts_sit_inline_in_document_order_each_above_its_caption(mini_docx):
    doc = open_docx(mini_docx)
    body = list(doc.element.body.iterchildren())
    placed = []
    for i, el in enumerate(body):
        chart = el.find(".//" + qn("c:chart"))
        if chart is None:
            continue
        caption = seen_text("".join(t.text for t in body[i + 1].iter(qn("w:t"))))
        name = el.find(".//" + qn("wp:docPr")).get("name")
        placed.append((chart.get(qn("r:id")), name, caption.split(".")[0]))
    assert placed == [(f"rIdChart{i}", f"Grafik {i}", f"Grafik {i}") for i in range(1, 5)]
    texts = [seen_text(p.text) for p in doc.paragraphs]
    caption = texts.index("Grafik 1. Persentase Sumber Daya Manusia Balai Kekarantinaan Kesehatan Kelas II Contoh "
                          "Menurut Jabatan Tahun 2024")
    assert texts[caption - 2].endswith("Jabatan Fungsional Umum\t: 1 orang")
    assert texts[caption + 1] == "b.\tMenurut Golongan dan Ruang"


# ---------------------------------------------------------------- cached values

def test_grafik_1_position_types_as_a_pie_with_percent_labels(mini_docx):
    xml = parts(mini_docx)["word/charts/chart1.xml"]
    assert series(xml) == {"Jumlah pegawai": (["Struktural", "JFT", "JFU"], [1, 2, 1])}
    root = etree.fromstring(xml)
    assert root.find(".//c:pieChart", C) is not None
    assert root.find(".//c:dLbls/c:showPercent", C).get("val") == "1"


def test_grafik_2_golongan_by_ruang_with_pppk_as_its_own_series(mini_docx):
    cats = ["IV", "III", "II", "VII (PPPK)"]
    assert chart_series(mini_docx, 2) == {
        "Ruang A": (cats, [0, 0, 0, 0]), "Ruang B": (cats, [1, 0, 0, 0]), "Ruang C": (cats, [0, 1, 0, 0]),
        "Ruang D": (cats, [0, 0, 1, 0]), "PPPK": (cats, [0, 0, 0, 1])}


def test_grafik_3_headcount_per_qualification_in_tabel_2_order(mini_docx):
    assert chart_series(mini_docx, 3) == {"Jumlah pegawai": (
        ["S2 Kesehatan Masyarakat", "S1 Kesehatan Masyarakat", "D III Kesehatan Lingkungan"], [1, 1, 2])}


def test_grafik_4_jfu_and_jft_stacked_per_work_unit_with_structural_posts_apart(mini_docx):
    cats = ["TU", "PRL", "KLW", "PKSE", "Struktural"]
    assert chart_series(mini_docx, 4) == {
        "JFU": (cats, [1, 0, 0, 0, 0]), "JFT": (cats, [0, 1, 0, 1, 0]), "Struktural": (cats, [0, 0, 0, 0, 1])}
    grouping = etree.fromstring(parts(mini_docx)["word/charts/chart4.xml"]).find(".//c:grouping", C)
    assert grouping.get("val") == "stacked"


def test_the_charts_of_the_2024_office_agree_with_its_tables(tmp_path):
    """On the shipped workbooks (68 staff), each chart's cache is the crosstab of its table."""
    if not (SHIPPED / "identitas.xlsx").is_file():
        pytest.skip("inputs/ not present")
    plan = load(SHIPPED)
    docx = write_zip(document_parts(render(build_context(plan))))
    counts = tables.headcount(plan)
    assert chart_series(docx, 1)["Jumlah pegawai"] == (["Struktural", "JFT", "JFU"], [2, 55, 11])
    grade = tables.staff_by_grade(plan)
    grafik_2 = chart_series(docx, 2)
    for ruang in "ABCD":
        assert grafik_2[f"Ruang {ruang}"][1] == [grade.get(r, ruang) for r in grade.rows]
    assert sum(sum(v) for _, v in grafik_2.values()) == counts["total"] == 68
    education = tables.staff_by_education(plan)
    cats, values = chart_series(docx, 3)["Jumlah pegawai"]
    assert len(cats) == 23 and values == [education.row_total(r) for r in cats]
    units = tables.staff_by_unit(plan)
    grafik_4 = chart_series(docx, 4)
    for word, kind in (("JFU", "Pelaksana"), ("JFT", "JFT")):  # JFU, as the 2024 roster calls Pelaksana
        assert grafik_4[word][1][:4] == [units.col_total(f"{u}|{kind}") for u in ("TU", "PRL", "KLW", "PKSE")]
    assert grafik_4["Struktural"][1][-1] == units.col_total("Struktural") == 2


def test_the_embedded_workbook_holds_what_the_chart_shows(mini_docx):
    """Word's "Edit Data" opens the embedded workbook: it must hold the cached figures."""
    files = parts(mini_docx)
    for n in range(1, 5):
        rel = next(etree.fromstring(files[f"word/charts/_rels/chart{n}.xml.rels"]).iter(REL))
        book = openpyxl.load_workbook(io.BytesIO(files["word/" + rel.get("Target").removeprefix("../")]))
        rows = list(book.active.iter_rows(values_only=True))
        cached = series(files[f"word/charts/chart{n}.xml"])
        names = list(rows[0][1:])
        assert names == list(cached)
        for col, name in enumerate(names, 1):
            cats, values = cached[name]
            assert [r[0] for r in rows[1:]] == cats
            assert [r[col] for r in rows[1:]] == values


def test_a_change_in_the_roster_changes_grafik_2(tmp_path, mini_docx):
    data = mini_data()
    andi = next(e for e in data["pegawai"]["Pegawai"] if e["name"].startswith("Andi"))
    andi["grade"] = "II/c"
    changed = chart_series(build_docx(tmp_path, data), 2)
    before = chart_series(mini_docx, 2)
    assert before["Ruang C"][1][2] == 0 and before["Ruang D"][1][2] == 1
    assert changed["Ruang C"][1][2] == 1 and changed["Ruang D"][1][2] == 0


def test_building_twice_gives_the_same_chart_bytes(tmp_path, mini_docx):
    again = parts(build_docx(tmp_path))
    first = parts(mini_docx)
    figures = [n for n in first if n.startswith(("word/charts/", "word/embeddings/"))]
    assert len(figures) == 12  # four charts, their relationships and their workbooks
    assert {n: again[n] for n in figures} == {n: first[n] for n in figures}
    assert again["word/document.xml"] == first["word/document.xml"]


# ---------------------------------------------------------------- Bagan 1

def bagan(doc):
    """The organisation chart: the table after the sentence that introduces it."""
    body = list(doc.element.body.iterchildren())
    intro = next(i for i, el in enumerate(body)
                 if "".join(t.text for t in el.iter(qn("w:t"))).startswith("Berikut ini adalah bagan"))
    assert body[intro + 1].tag == qn("w:tbl")
    caption = seen_text("".join(t.text for t in body[intro + 2].iter(qn("w:t"))))
    return next(t for t in doc.tables if t._tbl is body[intro + 1]), caption


def test_bagan_1_boxes_every_unit_and_lists_every_wilker(mini_docx):
    doc = open_docx(mini_docx)
    table, caption = bagan(doc)
    assert caption == "Bagan 1. Struktur Organisasi Balai Kekarantinaan Kesehatan Kelas II Contoh Tahun 2024"
    rows = [[t for t in row_texts(r) if t] for r in table.rows]
    rows = [r for r in rows if r]
    assert rows[0] == ["Kepala Balai Kekarantinaan Kesehatan Kelas II Contoh"]
    assert rows[1] == ["Subbagian Administrasi Umum"]  # a staff unit, on a branch of the trunk
    assert rows[-1] == ["Instalasi", "Wilayah Kerja\na. Bandara Contoh\nb. Pelabuhan Contoh",
                        "Kelompok Jabatan Fungsional"]
    intro = next(seen_text(p.text) for p in doc.paragraphs if p.text.startswith("Berikut ini adalah bagan"))
    assert intro == "Berikut ini adalah bagan dari struktur organisasi BKK Kelas II Contoh Tahun 2024:"


def test_bagan_1_is_boxes_and_connectors_on_one_grid(mini_docx):
    table, _ = bagan(open_docx(mini_docx))
    tbl = table._tbl
    grid = [int(g.get(qn("w:w"))) for g in tbl.find(qn("w:tblGrid")).iterfind(qn("w:gridCol"))]
    for tr in tbl.iterfind(qn("w:tr")):
        spans = [int(tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}").get(qn("w:val")))
                 if tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}") is not None else 1 for tc in tr.iterfind(qn("w:tc"))]
        assert sum(spans) == len(grid)
    boxes = [tc for tc in tbl.iter(qn("w:tc")) if "".join(t.text for t in tc.iter(qn("w:t")))]
    assert all(len(tc.find(f"{qn('w:tcPr')}/{qn('w:tcBorders')}")) == 4 for tc in boxes)
    connectors = [tc for tc in tbl.iter(qn("w:tc")) if tc not in boxes
                  and tc.find(f"{qn('w:tcPr')}/{qn('w:tcBorders')}") is not None]
    assert len(connectors) >= 6  # the trunk, the branch, the bus and a drop to each unit below


def test_bagan_1_follows_a_renamed_wilker_and_an_added_unit(tmp_path):
    data = mini_data()
    data["identitas"]["Wilker"][1]["name"] = "Pelabuhan Baru"
    data["identitas"]["Unit"].append({"no": 5, "name": "Instalasi Laboratorium", "kind": "Instalasi",
                                      "duty": "unit pelayanan laboratorium"})
    table, _ = bagan(open_docx(build_docx(tmp_path, data)))
    bottom = [t for t in row_texts(table.rows[-1]) if t]
    assert bottom == ["Instalasi", "Wilayah Kerja\na. Bandara Contoh\nb. Pelabuhan Baru",
                      "Kelompok Jabatan Fungsional", "Instalasi Laboratorium"]


@pytest.mark.parametrize("side, units", [(0, 0), (0, 1), (1, 0), (0, 5), (2, 3)])
def test_any_organisation_gives_a_table_whose_rows_fill_the_grid(side, units):
    box = [{"name": f"Unit {i}", "lines": []} for i in range(side + units)]
    xml = charts.org_chart_xml({"head": "Kepala", "side": box[:side], "units": box[side:]})
    tbl = etree.fromstring(xml)
    grid = [int(g.get(qn("w:w"))) for g in tbl.iter(qn("w:gridCol"))]
    assert sum(grid) == charts.cm(15.5) and min(grid) > 0
    for tr in tbl.iter(qn("w:tr")):
        spans = [int(s.get(qn("w:val"))) if (s := tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")) is not None else 1
                 for tc in tr.iter(qn("w:tc"))]
        assert sum(spans) == len(grid)
    names = ["".join(t.text for t in p.iter(qn("w:t"))) for p in tbl.iter(qn("w:p"))]
    assert [n for n in names if n] == ["Kepala"] + [b["name"] for b in box]


# ---------------------------------------------------------------- the figure tags

@pytest.mark.parametrize("command, absent", [
    ("check", ("pptx", "xlsxwriter", "pandas")),
    ("build", ("pandas",)),
])
def test_check_and_build_load_only_what_they_use(mini_inputs, tmp_path, command, absent):
    """python-pptx is imported only when a chart is drawn; pandas (the roll-up's) never by check or build."""
    args = ["check", "--inputs", str(mini_inputs)] if command == "check" else [
        "build", "--inputs", str(mini_inputs), "--output", str(tmp_path / "out")]
    probe = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from pipeline.cli import cli\n"
        f"result = CliRunner().invoke(cli, {args!r})\n"
        "assert result.exit_code == 0, result.output\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {absent!r}))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parent.parent)
    assert out.stdout.strip() == "[]"


def test_a_figure_tag_must_stand_alone_in_its_paragraph(tmp_path):
    context = build_context(load(write_inputs(tmp_path / "in")))
    tpl = Document()
    tpl.add_paragraph("Lihat {{ charts.grafik_1|chart }} di atas")
    path = tmp_path / "inline.docx"
    tpl.save(path)
    with pytest.raises(TemplateError, match="sendirian"):
        render(context, path)


def test_a_chart_of_an_unknown_kind_is_a_template_error(tmp_path):
    context = build_context(load(write_inputs(tmp_path / "in")))
    context["charts"]["grafik_1"]["kind"] = "radar"
    with pytest.raises(TemplateError, match="radar"):
        render(context)


@pytest.mark.parametrize("values", [[1, 2], [1, 2, 3, 4]])
def test_series_out_of_step_with_the_categories_is_refused(values):
    spec = {"kind": "column", "categories": ["a", "b", "c"], "series": [{"name": "s", "values": values}]}
    with pytest.raises(charts.ChartSpecError):
        charts.chart_part(spec)


# ---------------------------------------------------------------- LibreOffice

def region(text: str, after: str, caption: str) -> str:
    """The text drawn between the last `after` before `caption` and the caption: a figure's own labels."""
    before = text[: text.index(caption)]
    return " ".join(before[before.rindex(after):].split())


@pytest.mark.office
def test_charts_and_bagan_survive_the_libreoffice_pdf_conversion(tmp_path, mini_docx, office_tools):
    from pipeline.document.pdf import to_pdf

    docx = tmp_path / "mini.docx"
    docx.write_bytes(mini_docx)
    text = subprocess.run(["pdftotext", "-layout", str(to_pdf(docx)), "-"], capture_output=True, text=True,
                          check=True).stdout
    # each figure's labels, found between the block before it and its caption, so not the table's
    grafik_1 = region(text, "Jabatan Fungsional Umum", "Grafik 1.").split()
    assert {"Struktural", "JFT", "JFU", "25%", "50%"} <= set(grafik_1), grafik_1
    grafik_2 = region(text, "Jumlah", "Grafik 2.")
    assert all(label in grafik_2 for label in ("IV", "VII (PPPK)", "Ruang A", "Ruang D", "PPPK")), grafik_2
    grafik_3 = region(text, "Jumlah", "Grafik 3.")
    assert all(label in grafik_3 for label in ("S2 Kesehatan Masyarakat", "D III Kesehatan Lingkungan")), grafik_3
    grafik_4 = region(text, "Jumlah", "Grafik 4.").split()
    assert {"TU", "PRL", "KLW", "PKSE", "Struktural", "JFU", "JFT"} <= set(grafik_4), grafik_4
    bagan_1 = region(text, "Berikut ini adalah bagan", "Bagan 1.")
    for name in ("Kepala Balai", "Subbagian Administrasi Umum", "Instalasi", "Wilayah Kerja", "a. Bandara Contoh",
                 "b. Pelabuhan Contoh", "Kelompok Jabatan"):
        assert name in bagan_1, (name, bagan_1)


# ---------------------------------------------------------------- category labels break between words

GRADES = ["IV", "III", "II",
          *(f"{g} ({s})" for s in ("PPPK", "PPPK Paruh Waktu") for g in ("IV", "V", "VI", "VII", "IX"))]


def column_spec(categories: list[str], kind: str = "column") -> dict:
    return {"kind": kind, "categories": categories, "series": [{"name": "Jumlah", "values": [1] * len(categories)}]}


def test_thirteen_grade_labels_break_between_words_at_a_size_where_each_word_fits():
    xml = charts.chart_part(column_spec(GRADES)).xml
    assert label_problems(xml) == []
    assert series(xml)["Jumlah"][0] == GRADES  # the same words, read with the breaks as spaces
    labels, size = charts.category_labels(column_spec(GRADES))
    assert size < 9 and labels[3] == "IV\n(PPPK)" and labels[-1].split("\n")[-1] == "Waktu)"


def test_labels_that_fit_their_share_stay_whole_at_the_charts_size():
    spec = column_spec(["IV", "III", "II", "VII (PPPK)"])
    assert charts.category_labels(spec) == (spec["categories"], 9.0)
    root = etree.fromstring(charts.chart_part(spec).xml)
    assert root.find(".//c:catAx/c:txPr", C) is None  # the chart's 9 pt, as before


def test_a_long_label_of_few_categories_breaks_only_at_spaces():
    words = "Instalasi Pelayanan Kesehatan dan Laboratorium Kekarantinaan"
    xml = charts.chart_part(column_spec([words, "TU", "PKSE", "PRL", "KLW", "UKP", "LAB"], "stacked")).xml
    assert label_problems(xml) == []
    assert "\n" in charts.category_labels(column_spec([words, "TU"] * 3))[0][0]


def test_bar_and_pie_labels_are_left_whole():
    long = ["D III Manajemen Informatika", "S2 Kesehatan Masyarakat"] * 7
    assert charts.category_labels(column_spec(long, "bar")) == (long, 9.0)
    assert charts.category_labels(column_spec(long, "pie")) == (long, 9.0)
