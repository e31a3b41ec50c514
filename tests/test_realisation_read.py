"""realisasi.xlsx read like the five: optional, typed with its cells, bad input named by cell, never in the RKT."""

from __future__ import annotations

from decimal import Decimal

import pytest
from click.testing import CliRunner
from openpyxl import Workbook, load_workbook

from pipeline.cli import cli
from pipeline.findings import InputError
from pipeline.inputs.normalise import load
from pipeline.inputs.realisation import quarter, ro_code
from tests.builders import mini_realisation, write_inputs
from tests.checks_support import set_cell


@pytest.fixture
def folder(data, tmp_path):
    data["realisasi"] = mini_realisation()
    return write_inputs(tmp_path / "in", data)


def test_a_folder_without_realisation_reads_as_before(mini_inputs):
    assert load(mini_inputs, realisation=True).realisation is None
    assert load(mini_inputs) == load(mini_inputs, realisation=True)


def test_every_sheet_is_typed_and_keeps_its_cells(folder):
    r = load(folder, realisation=True).realisation
    assert (r.year, r.note) == (2024, "Contoh realisasi untuk pengujian")
    own = next(x for x in r.ikk if x.ikk == 2)
    assert own.months[:6] == tuple(Decimal(v) for v in (4, 9, 15, 20, 28, 38)) and own.months[6:] == (None,) * 6
    assert own.percent and str(own.loc("m06")) == "realisasi.xlsx, sheet Realisasi IKK, sel I5"
    budget = {(b.code, b.source): b for b in r.budget}
    assert budget[("QAH.017", "")].pagu == 120_000 and budget[("QAH.017", "")].through(6) == 49_500
    assert budget[("QAH.U14", "PNBP")].months[:2] == (0, 1_500)
    assert [v.months[5] for v in r.volume] == [4, 12, 6]
    (note,) = r.explanations
    assert (note.ikk, note.quarter, note.problems[:4]) == (2, 2, "Dua ")
    assert [(e.ikk, e.year, e.realisation.value, e.realisation.percent) for e in r.earlier] == [
        (1, 2023, Decimal("0.97"), False), (2, 2023, Decimal("95.5"), True)]


def test_the_realisation_never_reaches_the_plans_sources(folder):
    plan = load(folder, realisation=True)
    assert [s.workbook for s in plan.sources] == ["identitas.xlsx", "pegawai.xlsx", "kinerja.xlsx", "pendanaan.xlsx",
                                                  "jadwal.xlsx"]
    assert plan.realisation.source.workbook == "realisasi.xlsx"


def test_bad_values_are_named_by_cell_with_the_others(folder):
    set_cell("realisasi.xlsx", "Realisasi Anggaran", "F2", "sembilan ribu")(folder)
    set_cell("realisasi.xlsx", "Penjelasan", "B2", "kedua")(folder)
    set_cell("pendanaan.xlsx", "RO", "C2", "banyak")(folder)
    with pytest.raises(InputError) as exc:
        load(folder, realisation=True)
    assert sorted((f.rule, str(f.locations[0])) for f in exc.value.findings) == [
        ("input.not-a-number", "pendanaan.xlsx, sheet RO, sel C2"),
        ("input.not-a-number", "realisasi.xlsx, sheet Realisasi Anggaran, sel F2"),
        ("input.not-a-quarter", "realisasi.xlsx, sheet Penjelasan, sel B2")]


def test_a_row_typed_twice_is_a_finding_and_the_first_is_kept(data, tmp_path):
    data["realisasi"] = mini_realisation()
    data["realisasi"]["Realisasi Anggaran"].append({"code": "QAH.017", "m01": 1})
    data["realisasi"]["Realisasi Anggaran"].append({"code": "QAH.U14", "source": "RM", "m01": 1})
    plan = load(write_inputs(tmp_path, data), realisation=True)
    assert sorted(str(f.locations[1]) for f in plan.input_findings) == [
        "realisasi.xlsx, sheet Realisasi Anggaran, sel C6", "realisasi.xlsx, sheet Realisasi Anggaran, sel C7"]
    assert [b.months[0] for b in plan.realisation.budget] == [0, 0, 0, 95_000]


def test_a_budget_sheet_without_any_month_column_is_refused_at_its_header(folder):
    book = load_workbook(folder / "realisasi.xlsx")
    ws = book["Realisasi Anggaran"]
    for cell in ws[1][4:]:
        cell.value = f"Kolom {cell.column_letter}"
    book.save(folder / "realisasi.xlsx")
    with pytest.raises(InputError) as exc:
        load(folder, realisation=True)
    (problem,) = exc.value.findings
    assert (problem.rule, str(problem.locations[0])) == ("input.missing-column",
                                                         "realisasi.xlsx, sheet Realisasi Anggaran, baris 1")


def test_a_pasted_export_is_read_as_pasted(folder):
    """Title rows above, its own headers, long budget codes, only the months so far, a Jumlah row."""
    book = Workbook()
    ws = book.active
    ws.title = "Realisasi Anggaran"
    ws.append(["Realisasi Belanja per Rincian Output s.d. Juni 2024"])
    ws.append(["Satker 123456 BKK Kelas II Contoh"])
    ws.append(["Kode", "Uraian", "Pagu DIPA", "Realisasi Januari", "Realisasi Februari", "Realisasi Maret"])
    ws.append(["024.05.WA.4249.QAH.017", "Layanan pemeriksaan", 120_000, 0, 9_000, 10_000])
    ws.append(["024.05.WA.4249.EBA.994", "Layanan Perkantoran", 1_200_000, 95_000, 100_000, 102_000])
    ws.append(["Jumlah", None, 1_320_000, 95_000, 109_000, 112_000])
    form = book.create_sheet("Laporan")
    form.append(["Isian", "Nilai"])
    form.append(["Tahun", 2024])
    book.save(folder / "realisasi.xlsx")
    r = load(folder, realisation=True).realisation
    assert [(b.code, b.typed, b.pagu, b.months[:4]) for b in r.budget] == [
        ("QAH.017", "024.05.WA.4249.QAH.017", 120_000, (0, 9_000, 10_000, None)),
        ("EBA.994", "024.05.WA.4249.EBA.994", 1_200_000, (95_000, 100_000, 102_000, None))]
    assert r.total is not None and r.ikk == () and r.volume == ()


def test_a_realisation_saved_as_xls_is_refused_not_skipped(mini_inputs):
    (mini_inputs / "realisasi.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1old")
    with pytest.raises(InputError) as exc:
        load(mini_inputs, realisation=True)
    assert [f.rule for f in exc.value.findings] == ["input.missing-workbook"]
    assert "realisasi.xls" in exc.value.findings[0].message


@pytest.mark.parametrize(("typed", "code"), [("QAH.017", "QAH.017"), ("024.05.WA.4249.QAH.017", "QAH.017"),
                                             ("4249.EBA.994", "EBA.994"), ("QAH.017.051", "QAH.017.051"),
                                             ("525111", "525111")])
def test_ro_code_of_a_budget_code(typed, code):
    assert ro_code(typed) == code


@pytest.mark.parametrize(("typed", "number"), [("II", 2), ("2", 2), ("TW III", 3), ("Triwulan IV", 4),
                                               ("triwulan 1", 1), ("Q4", 4), ("V", None), ("Semester I", None)])
def test_quarter_as_typed(typed, number):
    assert quarter(typed) == number


def test_check_reads_the_realisation_and_build_does_not(folder, tmp_path):
    set_cell("realisasi.xlsx", "Laporan", "B2", 2023)(folder)
    result = CliRunner().invoke(cli, ["check", "--inputs", str(folder)])
    assert result.exit_code == 1 and "[realisation.year]" in result.output
    built = CliRunner().invoke(cli, ["build", "--inputs", str(folder), "--output", str(tmp_path / "out"), "-q"])
    assert built.exit_code == 0, built.output


def test_documents_are_the_same_bytes_with_or_without_realisation(folder, tmp_path):
    from pipeline.build import build

    with_it = build(folder, tmp_path / "a")
    (folder / "realisasi.xlsx").unlink()
    without = build(folder, tmp_path / "b")
    for a, b in ((without.path, with_it.path), (without.agreement, with_it.agreement)):
        assert a.read_bytes() == b.read_bytes()
