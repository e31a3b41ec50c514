"""The check report and the marked-up workbook copies: what a planner reads and opens after a check."""

from __future__ import annotations

import hashlib
import io
import random

import pytest
from openpyxl import load_workbook

from pipeline.checks import run_checks
from pipeline.checks.report import report_markdown
from pipeline.findings import Finding, InputError, Location, error, warning
from pipeline.inputs.normalise import load
from pipeline.workbooks.marked import NOTES_SHEET, marked_copies
from tests.builders import write_inputs


def sha(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.glob("*.xlsx"))}


@pytest.fixture
def broken(data, tmp_path):
    """The mini office with a schedule that does not add up (error) and an RO name variant (warning)."""
    data["jadwal"]["Jadwal"][0]["m12"] = 25_000
    data["jadwal"]["Jadwal"][-1]["m12"] = 125_000
    data["jadwal"]["Jadwal"][1]["name"] = "Layanan survei faktor risiko penyakit HIV/AIDS"
    folder = write_inputs(tmp_path / "inputs", data)
    plan = load(folder)
    return folder, plan, run_checks(plan)


def test_report_without_findings(mini_inputs):
    plan = load(mini_inputs)
    text = report_markdown([], plan, "inputs")
    assert "**0 galat, 0 peringatan.**" in text
    assert "Tidak ada temuan" in text
    assert "- Kantor: Balai Kekarantinaan Kesehatan Kelas II Contoh" in text
    assert "- Dokumen: RKT Awal Tahun 2024" in text


def test_report_groups_by_workbook_then_sheet(broken):
    folder, plan, findings = broken
    text = report_markdown(findings, plan, "inputs")
    assert "**1 galat, 1 peringatan.**" in text
    # workbooks in the order of the input contract, each finding under every sheet it touches
    assert text.index("## pendanaan.xlsx") < text.index("### Sheet RO") < text.index("## jadwal.xlsx")
    assert ("| C2:N2 | galat | `money.schedule-sum` | QAH.017 | jadwal QAH.017 berjumlah 125.000, alokasinya "
            "120.000 (selisih 5.000) (juga: pendanaan.xlsx, sheet RO, sel E2:G2) |") in text
    assert ("| E2:G2 | galat | `money.schedule-sum` | QAH.017 | jadwal QAH.017 berjumlah 125.000, alokasinya "
            "120.000 (selisih 5.000) (juga: jadwal.xlsx, sheet Jadwal, sel C2:N2) |") in text
    assert "| B3 | peringatan | `codes.name-variant` | QAH.U14 |" in text


def test_report_is_deterministic(broken):
    folder, plan, findings = broken
    shuffled = findings[::-1]
    random.Random(1).shuffle(shuffled)
    assert report_markdown(findings, plan, "inputs") == report_markdown(shuffled, plan, "inputs")


def test_report_of_unreadable_inputs(mini_inputs):
    (mini_inputs / "kinerja.xlsx").unlink()
    with pytest.raises(InputError) as exc:
        load(mini_inputs)
    text = report_markdown(exc.value.findings, None, "inputs")
    assert "Kantor:" not in text
    assert "## kinerja.xlsx" in text and "### Seluruh workbook" in text
    assert "| - | galat | `input.missing-workbook` | - | workbook kinerja.xlsx tidak ditemukan" in text


def test_report_lists_findings_without_location_and_escapes_pipes():
    text = report_markdown([warning("x.rule", "a | b")], None, "inputs")
    assert "## Tanpa lokasi" in text and "| peringatan | `x.rule` | - | a \\| b |" in text


def copies(findings, folder) -> dict:
    """The marked copies of the workbooks in `folder`, opened."""
    sources = {p.name: p.read_bytes() for p in folder.glob("*.xlsx")}
    return {name: load_workbook(io.BytesIO(data)) for name, data in marked_copies(findings, sources).items()}


def test_marked_copies_only_of_workbooks_with_findings_and_originals_untouched(broken):
    folder, _, findings = broken
    before = sha(folder)
    assert list(copies(findings, folder)) == ["pendanaan.xlsx", "jadwal.xlsx"]
    assert sha(folder) == before


def test_marked_cell_has_fill_and_comment(broken):
    folder, _, findings = broken
    marked = copies(findings, folder)
    jadwal = marked["jadwal.xlsx"]["Jadwal"]
    cell = jadwal["N2"]
    assert cell.fill.fgColor.rgb.endswith("FFC7CE")
    assert cell.comment.author == "rkt"
    assert cell.comment.text == ("GALAT [money.schedule-sum] QAH.017: jadwal QAH.017 berjumlah 125.000, alokasinya "
                                 "120.000 (selisih 5.000)")
    assert jadwal["B3"].fill.fgColor.rgb.endswith("FFEB9C")
    assert "PERINGATAN [codes.name-variant] QAH.U14" in jadwal["B3"].comment.text
    assert jadwal["N3"].comment is None and jadwal["N3"].value == 0
    ro = marked["pendanaan.xlsx"]["RO"]
    assert ro["F2"].comment.text.startswith("GALAT [money.schedule-sum] QAH.017")
    assert NOTES_SHEET not in marked["pendanaan.xlsx"].sheetnames


def test_findings_without_a_cell_are_listed_on_their_own_sheet(data, tmp_path):
    data["jadwal"]["Jadwal"] = [r for r in data["jadwal"]["Jadwal"] if r.get("code") != "QAH.U14" and
                                not r.get("_total")]
    folder = write_inputs(tmp_path / "inputs", data)
    marked = copies(run_checks(load(folder)), folder)
    wb = marked["jadwal.xlsx"]
    assert wb.sheetnames == [NOTES_SHEET, "Jadwal"]
    rows = list(wb[NOTES_SHEET].iter_rows(values_only=True))
    assert rows[0] == ("Jenis", "Aturan", "Subjek", "Lokasi", "Temuan")
    assert rows[1][:4] == ("galat", "money.no-schedule", "QAH.U14", "jadwal.xlsx, sheet Jadwal")
    assert marked["pendanaan.xlsx"]["RO"]["E3"].comment.text.startswith("GALAT [money.no-schedule]")


def test_findings_sheet_writes_cell_text_as_text_never_as_a_formula(mini_inputs):
    found = [error("codes.unknown-ro", "=HYPERLINK(\"http://contoh\",\"klik\")", Location("jadwal.xlsx", "Jadwal"),
                   subject="=cmd|' /C calc'!A0")]
    ws = copies(found, mini_inputs)["jadwal.xlsx"][NOTES_SHEET]
    assert [(c.value, c.data_type) for c in ws[2]][2:] == [
        ("=cmd|' /C calc'!A0", "s"), ("jadwal.xlsx, sheet Jadwal", "s"), ('=HYPERLINK("http://contoh","klik")', "s")]


def test_merged_cell_is_marked_at_its_top_left(mini_inputs):
    path = mini_inputs / "identitas.xlsx"
    wb = load_workbook(path)
    wb["Program"].merge_cells("A2:A3")
    wb.save(path)
    found = [error("text.spelling", "salah eja", Location("identitas.xlsx", "Program", "A3"), subject="x")]
    ws = copies(found, mini_inputs)["identitas.xlsx"]["Program"]
    assert ws["A2"].comment.text == "GALAT [text.spelling] x: salah eja"


def test_missing_or_damaged_workbook_is_not_copied():
    found = [Finding("input.missing-workbook", "error", "tidak ada", "", (Location("kinerja.xlsx"),)),
             Finding("input.corrupt", "error", "rusak", "", (Location("jadwal.xlsx"),))]
    assert marked_copies(found, {"jadwal.xlsx": b"PK\x03\x04 not really"}) == {}
