"""The tracked-changes redline, read back from real built documents of the mini office.

Each case builds the mini office and a changed copy into .docx files, redlines them and
reads the marks a reviewer would step through in Word: which text is deleted and inserted,
where, by whom and when, and that nothing else is marked.
"""

from __future__ import annotations

import io
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from pipeline.build import build
from pipeline.cli import cli
from pipeline.review.diff import load_side
from pipeline.review.redline import edition_date, redline, redline_header, write_redline
from tests.builders import mini_data, write_inputs

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DATE = "2024-01-01T00:00:00Z"
SHIPPED = Path(__file__).resolve().parent.parent / "inputs"


def move_month(d):
    """1.000 moved from May to June in the first RO and in the Jadwal total."""
    for row in (d["jadwal"]["Jadwal"][0], d["jadwal"]["Jadwal"][-1]):
        row["m05"] -= 1_000
        row["m06"] += 1_000


def swap_ro(d):
    """QAH.U14 removed and QAH.U15 added in its place (same money)."""
    ro = d["pendanaan"]["RO"][1]
    ro["code"], ro["name"] = "QAH.U15", "Layanan survei faktor risiko penyakit TB"
    for link in d["pendanaan"]["IKK-RO"]:
        if link["code"] == "QAH.U14":
            link["code"], link["name"] = "QAH.U15", None
    d["jadwal"]["Jadwal"][1]["code"], d["jadwal"]["Jadwal"][1]["name"] = "QAH.U15", None


def rename(d):
    """A new office address and a corrected head name (cover paragraph, signature cells)."""
    d["identitas"]["Identitas"]["address"] = "Jl. Pelabuhan No. 7, Kota Contoh"
    d["identitas"]["Identitas"]["head_name"] = "Dr. Budiman Santosa, SKM, MKM"
    d["pegawai"]["Pegawai"][0]["name"] = "Dr. Budiman Santosa, SKM, MKM"


def add_wilker(d):
    """One more wilayah kerja: one more list paragraph, and the count in the sentence before it."""
    d["identitas"]["Wilker"].append({"no": 3, "name": "Pelabuhan Baru"})


CHANGES = {"base": None, "move": move_month, "swap": swap_ro, "rename": rename, "wilker": add_wilker}


@pytest.fixture(scope="module")
def docs(tmp_path_factory) -> dict[str, bytes]:
    """The mini office and each changed copy, built into real .docx files (draft: the base as a draft)."""
    root = tmp_path_factory.mktemp("redline")
    out = {}
    for name, change in CHANGES.items():
        data = mini_data()
        if change:
            change(data)
        folder = write_inputs(root / name, data)
        result = build(folder, root / f"out-{name}")
        assert result.path is not None, [str(f) for f in result.findings]
        out[name] = result.path.read_bytes()
    out["draft"] = build(root / "base", root / "out-draft", draft=True).path.read_bytes()
    return out


def part(docx: bytes, name: str = "word/document.xml") -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        return etree.fromstring(zf.read(name))


def parts(docx: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def marks(root) -> list:
    return list(root.iter(W + "ins", W + "del"))


def deleted(el) -> str:
    return "".join(t.text or "" for t in el.iter(W + "delText"))


def inserted(el) -> str:
    return "".join(t.text or "" for i in el.iter(W + "ins") for t in i.iter(W + "t"))


def text(el) -> str:
    return "".join(t.text or "" for t in el.iter(W + "t"))


def view(root, accept: bool) -> str:
    """The document's text with every change accepted (or every change rejected)."""
    root = etree.fromstring(etree.tostring(root))
    for m in list(root.iter(W + ("del" if accept else "ins"))):
        m.getparent().remove(m)
    return "".join(t.text or "" for t in root.iter(W + "t", W + "delText"))


def grid_cells(tr) -> dict[int, etree._Element]:
    """A row's cells by the grid column they start at (a cell spanning columns counts once)."""
    out, col = {}, 0
    for tc in tr.iterchildren(W + "tc"):
        out[col] = tc
        span = tc.find(f"{W}tcPr/{W}gridSpan")
        col += 1 if span is None else int(span.get(W + "val"))
    return out


def table_headed(root, first: str):
    return next(t for t in root.iter(W + "tbl") if text(t.find(W + "tr")).startswith(first))


def assert_valid_order(root) -> None:
    """The element order Word insists on, and every mark well formed."""
    for p in root.iter(W + "p"):
        assert all(k.tag != W + "pPr" for k in p[1:]), "w:pPr must come first in w:p"
        for m in p.iterchildren(W + "ins", W + "del"):
            assert all(k.tag == W + "r" for k in m), "a run-level mark holds runs only"
    for tc in root.iter(W + "tc"):
        assert all(k.tag != W + "tcPr" for k in tc[1:]), "w:tcPr must come first in w:tc"
        assert tc[-1].tag == W + "p", "a cell ends with a paragraph"
        assert tc[-1].find(f"{W}pPr/{W}rPr/{W}ins") is None and tc[-1].find(f"{W}pPr/{W}rPr/{W}del") is None
    for r in root.iter(W + "r"):
        assert all(k.tag != W + "rPr" for k in r[1:]), "w:rPr must come first in w:r"
    for ppr in root.iter(W + "pPr"):
        rpr = ppr.find(W + "rPr")
        if rpr is not None:
            later = [k.tag for k in rpr.itersiblings()]
            assert set(later) <= {W + "sectPr", W + "pPrChange"}, later
            tags = [k.tag for k in rpr]
            first_other = next((i for i, t in enumerate(tags) if t not in (W + "ins", W + "del")), len(tags))
            assert all(t not in (W + "ins", W + "del") for t in tags[first_other:]), tags
    for trpr in root.iter(W + "trPr"):
        tags = [k.tag for k in trpr]
        for i, t in enumerate(tags):
            if t in (W + "ins", W + "del"):
                assert set(tags[i + 1:]) <= {W + "trPrChange"}, tags
    for d in root.iter(W + "del"):
        assert not list(d.iter(W + "t")), "deleted text is w:delText"
    for i in root.iter(W + "ins"):
        assert not list(i.iter(W + "delText"))
    for t in root.iter(W + "delText"):
        assert any(a.tag == W + "del" for a in t.iterancestors()), "w:delText outside w:del"
    ids = [m.get(W + "id") for m in marks(root)]
    assert all(i and i.isdigit() for i in ids), ids
    assert len(ids) == len(set(ids)), "revision ids must be unique"


# -- what is marked ----------------------------------------------------------------------------

def test_moved_month_marks_exactly_the_changed_jadwal_cells(docs):
    root = part(redline(docs["base"], docs["move"], date=DATE))
    found = marks(root)
    assert {m.get(W + "author") for m in found} == {"rkt"}
    assert {m.get(W + "date") for m in found} == {DATE}
    # QAH.017 is shown under both of its IKK, plus the Jumlah row: 6 cells, one deletion and one insertion each
    assert sorted(m.tag[len(W):] for m in found) == ["del"] * 6 + ["ins"] * 6

    jadwal = table_headed(root, "IKK")
    rows = list(jadwal.iterchildren(W + "tr"))
    following = jadwal.getnext()
    while following is not None and following.tag == W + "tbl":  # its last rows, a table of their own
        rows += list(following.iterchildren(W + "tr"))
        following = following.getnext()
    month = {text(tc): col for col, tc in grid_cells(rows[1]).items()}
    ro_rows = [r for r in rows if "QAH.017" in text(r)]
    total = next(r for r in rows if text(r).startswith("Jumlah"))
    assert len(ro_rows) == 2
    expected = {(id(r), month["Mei"]): ("10.000", "9.000") for r in ro_rows}
    expected |= {(id(r), month["Jun"]): ("10.000", "11.000") for r in ro_rows}
    expected[(id(total), month["Mei"])] = ("110.000", "109.000")
    expected[(id(total), month["Jun"])] = ("120.000", "121.000")
    changed = {}
    for r in rows:
        for col, tc in grid_cells(r).items():
            if marks(tc):
                changed[(id(r), col)] = (deleted(tc), inserted(tc))
    assert changed == expected


def test_unchanged_text_keeps_its_runs(docs):
    base, moved = part(docs["move"]), part(redline(docs["base"], docs["move"], date=DATE))
    # every cell but the six marked ones is byte for byte the built document's
    assert len([tc for tc in moved.iter(W + "tc") if marks(tc)]) == 6
    theirs = [etree.tostring(tc) for tc in base.iter(W + "tc")]
    ours = [etree.tostring(tc) for tc in moved.iter(W + "tc")]
    assert sum(a != b for a, b in zip(theirs, ours, strict=True)) == 6


def test_added_ro_is_an_inserted_row_and_the_removed_one_a_deleted_row(docs):
    root = part(redline(docs["base"], docs["swap"], date=DATE))
    added = [tr for tr in root.iter(W + "tr") if tr.find(f"{W}trPr/{W}ins") is not None]
    removed = [tr for tr in root.iter(W + "tr") if tr.find(f"{W}trPr/{W}del") is not None]
    # Tabel 6 and the Jadwal show each RO under each of its two IKK
    assert [inserted(tr).split("-")[0] for tr in added] == ["QAH.U15"] * 4
    assert [deleted(tr).split("-")[0] for tr in removed] == ["QAH.U14"] * 4
    for tr in added:
        assert text(tr) == inserted(tr), "all text of an inserted row is inside w:ins"
        assert tr.find(f"{W}trPr/{W}ins").get(W + "author") == "rkt"
    for tr in removed:
        assert text(tr) == "" and "HIV AIDS" in deleted(tr)
        assert tr.getnext().find(f"{W}trPr/{W}ins") is not None, "the deleted row stands where it was"
    # rows named without a code (Tabel 4, Tabel 5) are the same row, edited word by word: the
    # replaced words keep the space before them, so old and new read apart
    words = {(deleted(m), inserted(m)) for m in root.iter(W + "del", W + "ins") if m.getparent().tag == W + "p"}
    assert (" HIV AIDS", "") in words and ("", " TB") in words


def test_paragraph_and_cell_edits_are_word_level(docs):
    root = part(redline(docs["base"], docs["rename"], date=DATE))
    pairs = []
    for p in root.iter(W + "p"):
        for m in p.iterchildren(W + "del"):
            pairs.append((deleted(m), inserted(m.getnext()) if m.getnext().tag == W + "ins" else None))
    # the cover's address, and the head's name on the foreword and both Lampiran signatures: two
    # changed words with only a space between read as one change, and the space after them goes
    # with both, so the old and the new words never touch
    assert sorted(pairs) == [("1, ", "7, ")] + [("Budi Santoso, ", "Budiman Santosa, ")] * 3
    cover = next(p for p in root.iter(W + "p") if "Jl. Pelabuhan" in text(p))
    assert text(cover) == "Jl. Pelabuhan No. 7, Kota Contoh 12345"
    assert re.sub(r"\s", "", view(cover, accept=False)) == "Jl.PelabuhanNo.1,KotaContoh12345"
    # the inserted words keep the paragraph's formatting
    ins_run = next(cover.iter(W + "ins")).find(W + "r")
    assert etree.tostring(ins_run.find(W + "rPr")) == etree.tostring(cover.find(f"{W}r/{W}rPr"))


def test_inserted_and_deleted_paragraphs_mark_the_paragraph_mark(docs):
    body = part(redline(docs["base"], docs["wilker"], date=DATE)).find(W + "body")
    new = [p for p in body.iterchildren(W + "p") if p.find(f"{W}pPr/{W}rPr/{W}ins") is not None]
    assert [inserted(p) for p in new] == ["c.Wilayah Kerja Pelabuhan Baru"]
    assert text(new[0]) == inserted(new[0])
    body = part(redline(docs["wilker"], docs["base"], date=DATE)).find(W + "body")
    gone = [p for p in body.iterchildren(W + "p") if p.find(f"{W}pPr/{W}rPr/{W}del") is not None]
    assert [deleted(p) for p in gone] == ["c.Wilayah Kerja Pelabuhan Baru"]
    assert text(gone[0]) == ""


def test_a_paragraph_added_at_the_end_of_a_cell_marks_the_mark_before_it(docs):
    """Word cannot add or remove a cell's last paragraph mark: the one before it carries the change."""
    for old, new, tag in (("base", "wilker", "ins"), ("wilker", "base", "del")):
        root = part(redline(docs[old], docs[new], date=DATE))
        cells = [tc for tc in root.iter(W + "tc") if "Pelabuhan Baru" in text(tc) + deleted(tc)]
        assert cells, "the organisation chart lists the wilayah kerja"
        for tc in cells:
            paras = list(tc.iterchildren(W + "p"))
            assert "Pelabuhan Baru" in (inserted if tag == "ins" else deleted)(paras[-1])
            assert paras[-1].find(f"{W}pPr/{W}rPr/{W}{tag}") is None
            assert paras[-2].find(f"{W}pPr/{W}rPr/{W}{tag}") is not None


@pytest.mark.parametrize("old,new", [("base", "move"), ("base", "swap"), ("swap", "base"), ("base", "rename"),
                                     ("base", "wilker"), ("wilker", "base"), ("base", "draft"), ("swap", "wilker")])
def test_accepting_gives_new_and_rejecting_gives_old(docs, old, new):
    result = redline(docs[old], docs[new], date=DATE)
    for name in ("word/document.xml", "word/header1.xml"):
        root = part(result, name)
        assert_valid_order(root)
        assert view(root, accept=True) == text(part(docs[new], name))
        assert view(root, accept=False) == text(part(docs[old], name))


def test_the_draft_header_is_tracked_too(docs):
    result = redline(docs["base"], docs["draft"], date=DATE)
    header = part(result, "word/header1.xml")
    assert "DRAF" in inserted(header)
    ids = [m.get(W + "id") for name in ("word/document.xml", "word/header1.xml") for m in marks(part(result, name))]
    assert len(ids) == len(set(ids)), "ids are unique across the document and its headers"


@pytest.mark.slow
def test_shipped_edition_against_the_mini_office(docs, tmp_path):
    """Two documents with almost nothing in common still give a valid redline that reads both ways."""
    if not (SHIPPED / "identitas.xlsx").is_file():
        pytest.skip("shipped inputs not present")
    shipped = build(SHIPPED, tmp_path).path.read_bytes()
    for old, new in ((shipped, docs["base"]), (docs["base"], shipped)):
        root = part(redline(old, new, date=DATE))
        assert_valid_order(root)
        assert view(root, accept=True) == text(part(new))
        assert view(root, accept=False) == text(part(old))


# -- paragraph mechanics, on small python-docx documents ---------------------------------------

def docx_of(fill) -> bytes:
    """A .docx made with python-docx, its body filled by `fill(document)`."""
    from docx import Document

    doc = Document()
    fill(doc)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def runs(*parts):
    """A paragraph filler: (text, bold) runs, in order."""
    def fill(doc):
        p = doc.add_paragraph()
        for t, bold in parts:
            p.add_run(t).bold = bold
    return fill


def test_text_removed_at_a_run_boundary_keeps_the_next_run_whole():
    old = docx_of(runs(("Kepala ", False), ("Balai ", True), ("Contoh", False)))
    new = docx_of(runs(("Kepala ", False), ("Contoh", False)))
    root = part(redline(old, new, date=DATE))
    p = root.find(f"{W}body/{W}p")
    assert [k.tag[len(W):] for k in p if k.tag != W + "pPr"] == ["r", "del", "r"]
    assert deleted(p) == "Balai " and text(p) == "Kepala Contoh"
    assert view(root, accept=False) == "Kepala Balai Contoh"


def test_fields_keep_their_place_and_only_text_is_marked():
    from docx.oxml import OxmlElement

    def page_field(prefix):
        def fill(doc):
            p = doc.add_paragraph()
            p.add_run(prefix)
            for kind, instr in (("begin", None), (None, " PAGE "), ("separate", None)):
                r = p.add_run()._r
                el = OxmlElement("w:fldChar" if kind else "w:instrText")
                if kind:
                    el.set(f"{W}fldCharType", kind)
                else:
                    el.text = instr
                r.append(el)
            p.add_run("3")
            end = OxmlElement("w:fldChar")
            end.set(f"{W}fldCharType", "end")
            p.add_run()._r.append(end)
            p.add_run(" dari 12")
        return fill

    root = part(redline(docx_of(page_field("Halaman ")), docx_of(page_field("Hal. ")), date=DATE))
    p = root.find(f"{W}body/{W}p")
    assert (deleted(p), inserted(p)) == ("Halaman ", "Hal. ")
    kinds = [f.get(f"{W}fldCharType") for f in p.iter(W + "fldChar")]
    assert kinds == ["begin", "separate", "end"]
    for el in [*p.iter(W + "fldChar"), *p.iter(W + "instrText")]:
        assert not any(a.tag in (W + "ins", W + "del") for a in el.iterancestors())
    assert text(p) == "Hal. 3 dari 12"


def test_a_table_with_other_columns_is_replaced_and_kept_apart_from_its_successor():
    def tables(cols):
        def fill(doc):
            doc.add_paragraph("Tabel 3. Pegawai menurut unit")
            t = doc.add_table(rows=2, cols=cols)
            for i, cell in enumerate(t.rows[0].cells):
                cell.text = f"Unit {i}"
            doc.add_paragraph("Sumber: SDM")
        return fill

    root = part(redline(docx_of(tables(2)), docx_of(tables(3)), date=DATE))
    assert_valid_order(root)
    body = root.find(W + "body")
    kinds = [k.tag[len(W):] for k in body if k.tag != W + "sectPr"]
    assert kinds == ["p", "tbl", "p", "tbl", "p"], "a deleted paragraph keeps Word from joining the two tables"
    gone, between, came = body[1], body[2], body[3]
    assert all(tr.find(f"{W}trPr/{W}del") is not None for tr in gone.iter(W + "tr"))
    assert between.find(f"{W}pPr/{W}rPr/{W}del") is not None
    assert all(tr.find(f"{W}trPr/{W}ins") is not None for tr in came.iter(W + "tr"))
    assert view(root, accept=True) == "Tabel 3. Pegawai menurut unitUnit 0Unit 1Unit 2Sumber: SDM"
    assert view(root, accept=False) == "Tabel 3. Pegawai menurut unitUnit 0Unit 1Sumber: SDM"


# -- no noise, no randomness -------------------------------------------------------------------

def test_a_document_against_itself_has_no_marks(docs):
    result = redline(docs["base"], docs["base"], date=DATE)
    assert parts(result) == parts(docs["base"])
    assert marks(part(result)) == []


def test_same_inputs_give_the_same_bytes(docs):
    first = redline(docs["base"], docs["swap"], date=DATE)
    assert redline(docs["base"], docs["swap"], date=DATE) == first
    ids = [int(m.get(W + "id")) for m in marks(part(first))]
    assert ids == sorted(ids) and len(set(ids)) == len(ids), "numbered in reading order"


@pytest.mark.parametrize("date", ["2024-01-01", "today", "2024-01-01T00:00:00+07:00"])
def test_a_date_that_is_not_w3c_utc_is_refused(docs, date):
    with pytest.raises(ValueError, match="date"):
        redline(docs["base"], docs["move"], date=date)


def test_edition_date():
    assert edition_date(2025) == "2025-01-01T00:00:00Z"


# -- folders, files and the command ------------------------------------------------------------

def test_write_redline_reuses_the_documents_the_diff_made_of_inputs_with_findings(tmp_path):
    old = write_inputs(tmp_path / "old")
    data = mini_data()
    data["jadwal"]["Jadwal"][0]["m05"] -= 1_000  # the RO's months no longer add up: an error finding
    new = write_inputs(tmp_path / "new", data)
    before, after = load_side(old), load_side(new)
    out = write_redline(before, after, tmp_path / "r" / "redline.docx")
    root = part(out.read_bytes())
    assert {m.get(W + "date") for m in marks(root)} == {"2024-01-01T00:00:00Z"}, "dated from the new edition"
    assert ("10.000", "9.000") in {(deleted(tc), inserted(tc)) for tc in root.iter(W + "tc") if marks(tc)}
    assert [p.name for p in (tmp_path / "r").iterdir()] == ["redline.docx"], "written atomically, nothing left"
    assert out.read_bytes() == redline(before.documents["RKT"], after.documents["RKT"], date=DATE,
                                       header=redline_header(before, after, "RKT")), \
        "the very documents the diff compared"


def test_write_redline_never_replaces_what_it_compares(tmp_path):
    old = write_inputs(tmp_path / "old")
    data = mini_data()
    move_month(data)
    new = write_inputs(tmp_path / "new", data)
    built = build(new, tmp_path / "out")
    for before, after, target in [(old, new, new / "jadwal.xlsx"), (old, built.path, built.path),
                                  (built.path, old, built.path)]:
        kept = target.read_bytes()
        result = CliRunner().invoke(cli, ["diff", str(before), str(after), "--redline", str(target)])
        assert result.exit_code == 2, result.output
        assert "akan menimpa salah satu yang dibandingkan" in result.stderr
        assert target.read_bytes() == kept


def test_cli_diff_writes_the_redline(tmp_path):
    old = write_inputs(tmp_path / "old")
    data = mini_data()
    move_month(data)
    new = write_inputs(tmp_path / "new", data)
    out = tmp_path / "redline.docx"
    result = CliRunner().invoke(cli, ["diff", str(old), str(new), "--redline", str(out)])
    assert result.exit_code == 1, result.output
    assert "Mei: 10.000 -> 9.000" in result.stdout
    assert str(out) in result.stderr
    assert len(marks(part(out.read_bytes()))) == 12


def test_cli_diff_redline_with_rev(committed_inputs):
    repo = committed_inputs.parent
    data = mini_data()
    rename(data)
    write_inputs(committed_inputs, data)
    result = CliRunner().invoke(cli, ["diff", "--rev", "HEAD", "inputs", "--redline", "redline.docx"])
    assert result.exit_code == 1, result.output
    root = part((repo / "redline.docx").read_bytes())
    assert ("1, ", "7, ") in {(deleted(m), inserted(m.getnext())) for m in root.iter(W + "del")
                            if m.getnext() is not None and m.getnext().tag == W + "ins"}


# -- in a real office suite --------------------------------------------------------------------

@pytest.mark.office
def test_libreoffice_converts_the_redline_showing_old_and_new(docs, tmp_path, office_tools):
    from pipeline.document.pdf import to_pdf

    docx = tmp_path / "redline.docx"
    docx.write_bytes(redline(docs["base"], docs["rename"], date=DATE))
    pdf = to_pdf(docx)
    shown = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = " ".join(shown.split())
    # LibreOffice prints a tracked deletion as struck text beside the insertion, a space apart
    assert "Dr. Budi Santoso, Budiman Santosa, SKM, MKM" in flat  # a changed signature cell
    assert "Jl. Pelabuhan No. 1, 7, Kota Contoh" in flat  # a changed paragraph
