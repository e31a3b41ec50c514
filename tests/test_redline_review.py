"""The redline a reviewer reads: values replaced whole, every document redlined, charts marked, its own header.

Built documents of the mini office (and, in the office suite, of the Balai Besar of tests/offices.py)
are changed the way a planner changes a workbook and redlined; the marks are read back as Word
shows them, and one PDF per document is read for figures broken over lines (tests/layout.py).
"""

from __future__ import annotations

import io
import re
import subprocess
import zipfile
from decimal import Decimal

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from lxml import etree

from pipeline.build import build
from pipeline.cli import cli
from pipeline.document.columns import RO_STYLES, STYLES
from pipeline.document.layout import SAFETY, text_width
from pipeline.formatting import number
from pipeline.review.diff import load_side
from pipeline.review.redline import _edits, _is_value, redline, redline_header, write_redlines
from tests.builders import mini_data, write_inputs
from tests.layout import layout_problems
from tests.offices import OFFICES

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MONTHS = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")
FIGURE = re.compile(r"-|\d{1,3}(?:\.\d{3})*")


# -- reading the marks -------------------------------------------------------------------------

def part(docx: bytes, name: str = "word/document.xml") -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        return etree.fromstring(zf.read(name))


def names(docx: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        return zf.namelist()


def deleted(el) -> str:
    return "".join(t.text or "" for t in el.iter(W + "delText"))


def inserted(el) -> str:
    return "".join(t.text or "" for i in el.iter(W + "ins") for t in i.iter(W + "t"))


def text(el) -> str:
    return "".join(t.text or "" for t in el.iter(W + "t"))


def marked(el) -> bool:
    return any(True for _ in el.iter(W + "ins", W + "del"))


def row_marked(tr) -> bool:
    return tr.find(f"{W}trPr/{W}ins") is not None or tr.find(f"{W}trPr/{W}del") is not None


def grid_cells(tr) -> dict[int, etree._Element]:
    out, col = {}, 0
    for tc in tr.iter(W + "tc"):
        if next(tc.iterancestors(W + "tr")) is not tr:
            continue
        out[col] = tc
        span = tc.find(f"{W}tcPr/{W}gridSpan")
        col += 1 if span is None else int(span.get(W + "val"))
    return out


def table_after(root, caption: str):
    """The first table after the paragraph that starts with `caption` (not its entry in the table of contents)."""
    body = root.find(W + "body")
    seen = False
    for block in body:
        style = block.find(f"{W}pPr/{W}pStyle")
        in_toc = style is not None and style.get(W + "val", "").upper().startswith("TOC")
        if block.tag == W + "p" and not in_toc and text(block).startswith(caption):
            seen = True
        elif seen and block.tag == W + "tbl":
            return block
    raise AssertionError(f"no table after {caption!r}")


def rows_of(table) -> list[etree._Element]:
    """The rows of `table` and of the tables right after it (its last rows, a table of their own)."""
    rows = list(table.iter(W + "tr"))
    following = table.getnext()
    while following is not None and following.tag == W + "tbl":
        rows += list(following.iter(W + "tr"))
        following = following.getnext()
    return rows


def schedule_cells(root, code: str, month: int) -> list[etree._Element]:
    """The Jadwal cells of RO `code` in `month` (1-12): one per IKK the RO serves."""
    rows = rows_of(table_after(root, "Lampiran 2. Jadwal"))
    header = next(r for r in rows if "Mei" in text(r))
    column = {text(tc): col for col, tc in grid_cells(header).items()}[MONTHS[month - 1]]
    return [grid_cells(r)[column] for r in rows if code in text(r) and not row_marked(r)]


def value_paragraphs(root) -> list[etree._Element]:
    """The marked paragraphs of table cells in rows that are neither added nor removed."""
    return [p for p in root.iter(W + "p") if marked(p) and any(True for _ in p.iterancestors(W + "tc"))
            and not any(row_marked(tr) for tr in p.iterancestors(W + "tr"))]


def assert_replaced_whole(p) -> None:
    """The paragraph's old text is one deletion and its new text one insertion that starts on a new line."""
    dels, inss = p.findall(W + "del"), list(p.iter(W + "ins"))
    assert len(dels) <= 1 and len(inss) <= 1, etree.tostring(p)
    assert text(p) == inserted(p), "no unmarked text is left beside the value"
    if dels and inss:
        first = inss[0].find(W + "r")
        assert first is not None and first.find(W + "br") is not None, "the new value starts on its own line"
        assert dels[0].getnext() is inss[0], "the old value right before the new one"


# -- the workbooks as a planner changes them ---------------------------------------------------

def set_amount(data: dict, ro: int, month: int, amount: int) -> int:
    """RO `ro`'s disbursement in `month` set to `amount`, its allocation and every typed total with it.
    Returns the old amount."""
    row = data["jadwal"]["Jadwal"][ro]
    key = f"m{month:02d}"
    old = row[key] or 0
    row[key] = amount
    delta = amount - old
    for total in (r for r in data["jadwal"]["Jadwal"] if r.get("_total")):
        total[key] += delta
    funded = data["pendanaan"]["RO"][ro]
    for source in sorted(("rm", "pnbp", "phln"), key=lambda s: -(funded[s] or 0)):
        change = max(delta, -(funded[source] or 0))
        funded[source] = (funded[source] or 0) + change
        for total in (r for r in data["pendanaan"]["RO"] if r.get("_total")):
            total[source] += change
        delta -= change
        if not delta:
            break
    return old


places = st.one_of(
    st.builds(lambda n, w: f"{n} {w}", st.integers(1, 99), st.sampled_from(["wilker", "pelabuhan", "bandara", "pos"])),
    st.sampled_from(["Kota Jambi", "Talang Duku", "Muara Sabak", "Kuala Tungkal", "Nipah Panjang", "Seluruh wilker"]),
)


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    """The mini office as one side of a diff (its RKT and PK made once)."""
    return load_side(write_inputs(tmp_path_factory.mktemp("base")))


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ro=st.integers(0, 2), month=st.integers(1, 12), amount=st.integers(0, 99_999_999), place=places)
def test_a_changed_amount_and_a_changed_text_cell_are_deleted_and_inserted_whole(
        base, tmp_path_factory, ro, month, amount, place):
    data = mini_data()
    old = set_amount(data, ro, month, amount)
    funded = data["pendanaan"]["RO"][ro]
    old_place, funded["location"] = funded["location"] or "", place
    after = load_side(write_inputs(tmp_path_factory.mktemp("case"), data))
    assert not after.errors, "the change keeps the office consistent: a clean edition"
    root = part(redline(base.documents["RKT"], after.documents["RKT"], header=redline_header(base, after, "RKT")))
    code = funded["code"]
    if old != amount:
        cells = schedule_cells(root, code, month)
        assert cells and {(deleted(tc), inserted(tc)) for tc in cells} == {(number(old), number(amount))}
    places_table = table_after(root, "Tabel 6.")
    lokasi = [grid_cells(tr)[max(grid_cells(tr))] for tr in rows_of(places_table) if code in text(tr)]
    assert lokasi and {(deleted(tc), inserted(tc)) for tc in lokasi} == {(old_place, place)}
    values = value_paragraphs(root)
    assert values, "something is marked"
    for p in values:
        assert_replaced_whole(p)
        for shown in (deleted(p), inserted(p)):
            assert not shown or FIGURE.fullmatch(shown) or shown in (old_place, place), shown


def test_a_pk_target_change_gives_a_pk_redline(base, tmp_path):
    data = mini_data()
    data["kinerja"]["IKK"][0]["target"] = Decimal("0.95")
    data["kinerja"]["Target Bulanan"][0]["m12"] = 20  # the series still ends at its absolute target
    after = load_side(write_inputs(tmp_path / "new", data))
    written = write_redlines(base, after, tmp_path / "redline")
    assert sorted(written) == ["PK", "RKT"]
    assert [p.name for p in sorted((tmp_path / "redline").iterdir())] == [
        "redline-PK-2024-BKK-Kelas-II-Contoh.docx", "redline-RKT-2024-BKK-Kelas-II-Contoh.docx"]
    for kind in ("PK", "RKT"):
        root = part(written[kind].read_bytes())
        pairs = {(deleted(p), inserted(p)) for p in value_paragraphs(root)}
        assert ("0,99", "0,95") in pairs, (kind, pairs)
        for p in value_paragraphs(root):
            assert_replaced_whole(p)


def test_a_changed_chart_has_its_caption_marked(base, tmp_path):
    """A golongan changed: Tabel 1 and Grafik 2 change; Grafik 1, 3 and 4 do not."""
    data = mini_data()
    data["pegawai"]["Pegawai"][1]["grade"] = "III/d"
    after = load_side(write_inputs(tmp_path / "new", data))
    root = part(redline(base.documents["RKT"], after.documents["RKT"]))
    captions = {text(p)[:9]: p for p in root.iter(W + "p") if re.match(r"Grafik \d\.", text(p) + deleted(p))}
    assert sorted(captions) == ["Grafik 1.", "Grafik 2.", "Grafik 3.", "Grafik 4."]
    changed = captions.pop("Grafik 2.")
    assert deleted(changed) == inserted(changed) == text(changed), "deleted and inserted whole: accepting keeps it"
    assert_replaced_whole(changed)
    assert not any(marked(p) for p in captions.values())


def test_clean_editions_give_a_redline_headed_by_both_and_no_draft_mark(base, tmp_path):
    data = mini_data()
    data["identitas"]["Identitas"]["edition"] = "Revisi 1"
    data["identitas"]["Identitas"]["sign_date"] = "2 Juli 2024"
    after = load_side(write_inputs(tmp_path / "new", data))
    assert not base.errors and not after.errors
    written = write_redlines(base, after, tmp_path / "redline")
    assert written["RKT"].name == "redline-RKT-2024-Revisi-1-BKK-Kelas-II-Contoh.docx"
    for kind, path in written.items():
        docx = path.read_bytes()
        headers = [n for n in names(docx) if re.fullmatch(r"word/header\d*\.xml", n)]
        assert headers
        for name in headers:
            header = part(docx, name)
            assert text(header) == (f"Perubahan: {kind} Awal Tahun 2024 (Januari 2024) \u2192 "
                                    f"{kind} Revisi 1 2024 (2 Juli 2024)")
            assert b"DRAF" not in etree.tostring(header) and header.find(f".//{W}pict") is None
    root = part(written["RKT"].read_bytes())
    pairs = {(deleted(m), inserted(m.getnext())) for m in root.iter(W + "del")
             if m.getnext() is not None and m.getnext().tag == W + "ins"}
    assert ("AWAL ", "REVISI 1 ") in pairs, "the cover's title, word by word, old and new apart"
    assert ("Contoh, Januari 2024", "Contoh, 2 Juli 2024") in pairs, "a signature's place and date: a short cell"


def test_a_draft_side_is_named_in_the_header_not_marked_draft(base, tmp_path):
    data = mini_data()
    data["jadwal"]["Jadwal"][0]["m05"] -= 1_000  # the schedule no longer adds up: errors
    folder = write_inputs(tmp_path / "new", data)
    draft = build(folder, tmp_path / "out", draft=True).path
    after = load_side(draft)
    assert after.errors
    docx = write_redlines(base, after, tmp_path / "redline")["RKT"].read_bytes()
    header = part(docx, "word/header1.xml")
    assert [text(p) for p in header.iter(W + "p")] == [
        "Perubahan: RKT Awal Tahun 2024 (Januari 2024) \u2192 RKT Awal Tahun 2024 (Januari 2024)",
        "Edisi baru memuat galat pemeriksaan: draf, belum dapat ditandatangani"]
    assert header.find(f".//{W}pict") is None, "no DRAF watermark"


def test_cli_redline_to_a_folder_writes_every_document_and_to_a_file_the_rkt(base, tmp_path):
    old = write_inputs(tmp_path / "old")
    data = mini_data()
    data["kinerja"]["IKK"][0]["target"] = Decimal("0.95")
    data["kinerja"]["Target Bulanan"][0]["m12"] = 20
    new = write_inputs(tmp_path / "new", data)
    result = CliRunner().invoke(cli, ["diff", str(old), str(new), "--redline", str(tmp_path / "r")])
    assert result.exit_code == 1, result.output
    assert sorted(p.name for p in (tmp_path / "r").iterdir()) == [
        "redline-PK-2024-BKK-Kelas-II-Contoh.docx", "redline-RKT-2024-BKK-Kelas-II-Contoh.docx"]
    result = CliRunner().invoke(cli, ["diff", str(old), str(new), "--redline", str(tmp_path / "one.docx")])
    assert result.exit_code == 1, result.output
    assert (tmp_path / "one.docx").is_file() and "redline PK tidak ditulis" in result.stderr


# -- the rules, on text ------------------------------------------------------------------------

@pytest.mark.parametrize("cell, whole", [
    ("10.420.435", True), ("QAH.017", True), ("III/c", True), ("97%", True), ("-", True),
    ("2 Juli 2025", True), ("8 Layanan", True), ("Subbag Adum", True), ("Substansi PRL&KLW, PKSE", True),
    ("Layanan pemeriksaan orang, barang, alat angkut", False), ("", False),
])
def test_which_cell_paragraphs_are_values(cell, whole):
    assert _is_value(cell) is whole


def test_prose_keeps_old_and_new_words_apart_and_a_date_whole():
    a, b = "sebanyak 68 orang pada Januari 2024.", "sebanyak 69 orang pada 2 Juli 2024."
    edits = [(b[s:e], gone) for s, e, gone in _edits(a, b)]
    assert edits == [("69 ", "68 "), (" 2 Juli 2024", " Januari 2024")]


def test_a_total_that_grows_by_digits_keeps_room_in_a_column_that_needed_no_widening(base, tmp_path):
    """Tabel 6's PNBP total grows from 121.500 to 10.000.000 (bold) and needs just the width its column
    already has, while the Rupiah Murni and Lokasi columns need more: their room must come from the
    text columns, not from the PNBP column (whose new value the width measure once overlooked)."""
    data = mini_data()
    for ro, (month, amount) in enumerate([(1, 9_878_500), (1, 0), (1, 0)]):
        set_amount(data, ro, month, amount)
    data["pendanaan"]["RO"][0]["location"] = "Talang Duku"
    after = load_side(write_inputs(tmp_path / "in", data))
    root = part(write_redlines(base, after, tmp_path / "redline")["RKT"].read_bytes())
    sizes = {style: size for size, style in (*STYLES.items(), *RO_STYLES.items())}
    checked = set()
    for p in value_paragraphs(root):
        tc = next(p.iterancestors(W + "tc"))
        size = sizes[p.find(f"{W}pPr/{W}pStyle").get(W + "val")]
        bold = p.find(f".//{W}rPr/{W}b") is not None
        margins = next(tc.iterancestors(W + "tbl")).find(f"{W}tblPr/{W}tblCellMar")
        need = (max(text_width(v, size, bold) for v in (deleted(p), inserted(p))) * SAFETY
                + sum(int(m.get(W + "w")) for m in margins))
        assert int(tc.find(f"{W}tcPr/{W}tcW").get(W + "w")) >= round(need), (deleted(p), inserted(p))
        checked.add(inserted(p))
    assert "10.000.000" in checked


def test_a_table_and_its_last_rows_widen_alike(base, tmp_path):
    """Tabel 6's last rows (a table of their own, kept with what follows) change with the rows above:
    their columns stay on the one grid, so the two still read as one table."""
    data = mini_data()
    for ro, (month, amount) in enumerate([(1, 9_878_500), (1, 0), (1, 0)]):
        set_amount(data, ro, month, amount)
    data["pendanaan"]["RO"][0]["location"] = "Talang Duku"
    after = load_side(write_inputs(tmp_path / "in", data))
    root = part(write_redlines(base, after, tmp_path / "redline")["RKT"].read_bytes())
    table = table_after(root, "Tabel 6.")
    tables = [table]
    while (following := tables[-1].getnext()) is not None and following.tag == W + "tbl":
        tables.append(following)
    grids = [[c.get(W + "w") for c in t.iter(W + "gridCol")] for t in tables]
    assert len(tables) > 1 and all(g == grids[0] for g in grids), grids
    assert any(marked(p) for p in tables[0].iter(W + "p")) and any(marked(p) for p in tables[-1].iter(W + "p"))


# -- content controls (the tables may come wrapped in them) ------------------------------------

def sdt(inner: str) -> str:
    """`inner` in a content control (its id: any number unique in the document)."""
    return f'<w:sdt><w:sdtPr><w:id w:val="{len(inner)}"/></w:sdtPr><w:sdtContent>{inner}</w:sdtContent></w:sdt>'


def wrapped_table(amount: str) -> bytes:
    """A one-row table whose rows, cells and runs sit in content controls, as a code-written table may."""
    from docx import Document

    doc = Document()
    doc.add_paragraph("Tabel 9. Contoh")
    body = doc.element.body
    run = f'<w:r><w:t>{amount}</w:t></w:r>'
    cell = f'<w:tc><w:tcPr><w:tcW w:w="400" w:type="dxa"/></w:tcPr><w:p>{sdt(run)}</w:p></w:tc>'
    label = '<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr><w:p><w:r><w:t>Jumlah</w:t></w:r></w:p></w:tc>'
    xml = (f'<w:tbl xmlns:w="{W[1:-1]}"><w:tblPr><w:tblW w:w="2400" w:type="dxa"/></w:tblPr>'
           f'<w:tblGrid><w:gridCol w:w="2000"/><w:gridCol w:w="400"/></w:tblGrid>'
           f'{sdt("<w:tr>" + label + sdt(cell) + "</w:tr>")}</w:tbl>')
    body.insert(1, etree.fromstring(xml))
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def test_values_inside_content_controls_are_replaced_whole_and_their_column_widened():
    root = part(redline(wrapped_table("9.000"), wrapped_table("74.308.227")))
    p = next(p for p in root.iter(W + "p") if marked(p))
    assert (deleted(p), inserted(p)) == ("9.000", "74.308.227")
    assert_replaced_whole(p)
    widths = [int(c.get(W + "w")) for c in root.iter(W + "gridCol")]
    assert widths[1] > 400 and sum(widths) == 2400, "the figure's column widened from the label's spare room"
    assert [int(w.get(W + "w")) for w in root.iter(W + "tcW")] == widths


# -- in a real office suite --------------------------------------------------------------------

def _balai_besar_changed() -> dict:
    """The Balai Besar with the changes that are hardest to print: a figure that grows by two digits in
    the twelve-month Jadwal, Tabel 1-3 counts and a chart, an IKK target (the PK too) and a place."""
    data = OFFICES["balai-besar"]()
    set_amount(data, 0, 5, 99_876_543)
    set_amount(data, 3, 11, 0)
    staff = data["pegawai"]["Pegawai"]
    staff[7]["grade"], staff[7]["education"] = "III/d", staff[2]["education"]
    data["kinerja"]["IKK"][0]["target"] = Decimal("0.9")
    data["pendanaan"]["RO"][1]["location"] = "Seluruh wilayah kerja"
    return data


@pytest.mark.office
@pytest.mark.slow
def test_the_pdf_of_each_redline_breaks_no_figure(tmp_path, office_tools):
    from pipeline.document.pdf import to_pdf

    old = load_side(write_inputs(tmp_path / "old", OFFICES["balai-besar"]()))
    after = load_side(write_inputs(tmp_path / "new", _balai_besar_changed()))
    assert not old.errors and not after.errors
    for kind, path in write_redlines(old, after, tmp_path / "redline").items():
        pairs = {(deleted(p), inserted(p)) for p in value_paragraphs(part(path.read_bytes()))}
        pdf = to_pdf(path)
        problems = [p for p in layout_problems(pdf) if p.kind != "near-empty-page" and not stacked(p, pairs)]
        assert problems == [], (kind, problems[:5])
        shown = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                                        check=True).stdout.split())
        if kind == "RKT":
            assert "99.876.543" in shown and "116.665.177" in shown and "Seluruh wilayah kerja" in shown
        assert ("0,99", "0,9") in pairs


def stacked(problem, pairs: set[tuple[str, str]]) -> bool:
    """A 'split number' that is an old value struck above its new one (`20` over `19` reads as a broken 2019)."""
    fragments = problem.detail.partition(": ")[2].partition(" (")[0].split(" / ")
    return problem.kind == "split-number" and tuple(fragments) in pairs


@pytest.mark.office
@pytest.mark.slow
@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(changes=st.lists(st.tuples(st.integers(1, 12), st.integers(0, 99_999_999)), min_size=3, max_size=3),
       place=places)
@example(changes=[(1, 9_878_500), (1, 0), (1, 0)], place="Talang Duku")  # Tabel 6's PNBP total once broke
def test_the_pdf_of_a_redline_of_random_amounts_shows_both_figures_whole(
        base, tmp_path_factory, office_tools, changes, place):
    """Every RO of the mini office gets a random amount in a random month; printed, each old and new
    figure reads whole, and no figure of the redline breaks over a line."""
    from pipeline.document.pdf import to_pdf

    data = mini_data()
    figures = set()
    for ro, (month, amount) in enumerate(changes):
        old = set_amount(data, ro, month, amount)
        if old != amount:
            figures |= {number(old), number(amount)}
    data["pendanaan"]["RO"][0]["location"] = place
    folder = tmp_path_factory.mktemp("pdf")
    after = load_side(write_inputs(folder / "in", data))
    path = write_redlines(base, after, folder / "redline")["RKT"]
    pairs = {(deleted(p), inserted(p)) for p in value_paragraphs(part(path.read_bytes()))}
    pdf = to_pdf(path)
    problems = [p for p in layout_problems(pdf) if p.kind != "near-empty-page" and not stacked(p, pairs)]
    assert problems == []
    shown = set(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split())
    assert figures <= shown, figures - shown
