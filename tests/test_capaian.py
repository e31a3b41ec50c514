"""`rkt capaian`: the period's workbook read back, every target the PK's and every realisation the workbook's."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from pipeline.cli import cli
from pipeline.formatting import plain
from pipeline.inputs.normalise import load
from pipeline.plan import tables
from pipeline.plan.realisation import ACHIEVED, MISSED, NEARLY, NOT_REPORTED
from pipeline.workbooks.capaian import SHEETS
from tests import offices
from tests.builders import mini_data, mini_realisation, write_inputs

SHIPPED = Path(__file__).resolve().parent.parent / "inputs"


def _rows(ws) -> list[dict]:
    """Each row by header, every cell kept (value and number format) under `_cells`."""
    header = [c.value for c in ws[1]]
    out = []
    for row in ws.iter_rows(min_row=2):
        values = dict(zip(header, (c.value for c in row), strict=True))
        values["_cells"] = dict(zip(header, row, strict=True))
        out.append(values)
    return out


def _run(inputs: Path, sampai: str, output: Path):
    return CliRunner().invoke(cli, ["capaian", "--inputs", str(inputs), "--sampai", sampai, "--output", str(output)])


def _shown(cell) -> str:
    """A figure as an Indonesian Excel shows it: its number in its format (percent or decimals)."""
    fmt = cell.number_format
    places = len(fmt.split(".")[1].rstrip("%")) if "." in fmt else None
    value = Decimal(str(cell.value)) * (100 if fmt.endswith("%") else 1)
    return f"{plain(value, places=places)}{'%' if fmt.endswith('%') else ''}"


def _realised(folder: Path) -> dict:
    """realisasi.xlsx read with openpyxl alone: (No IKK, Komponen) -> months, and RO code -> monthly amounts."""
    book = load_workbook(folder / "realisasi.xlsx", data_only=True)
    ikk = {(r["No IKK"], r["Komponen"]): r for r in _rows(book["Realisasi IKK"])}
    budget: dict[str, list[int]] = {}
    for r in _rows(book["Realisasi Anggaran"]):
        months = budget.setdefault(r["Kode RO"], [0] * 12)
        for m, key in enumerate(("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")):
            months[m] += r[key] or 0
    return {"ikk": ikk, "budget": budget}


@pytest.fixture(scope="module")
def shipped(tmp_path_factory):
    """`rkt capaian --sampai Juni` on the shipped office, its PK built from the same inputs, both read back."""
    from pipeline.build import build
    from tests.docx_reading import find_table, open_docx, table_rows

    out = tmp_path_factory.mktemp("capaian")
    result = _run(SHIPPED, "Juni", out)
    built = build(SHIPPED, tmp_path_factory.mktemp("pk"))
    pk = table_rows(find_table(open_docx(built.agreement), "No", "Sasaran", "Indikator Kinerja", "Target"))[1:]
    return {"result": result, "out": out, "book": load_workbook(out / "Capaian-2024-Juni-BKK-Kelas-II-Jambi.xlsx"),
            "pk": {r[2]: r[3] for r in pk}, "plan": load(SHIPPED, realisation=True), "raw": _realised(SHIPPED)}


def test_the_shipped_office_through_june(shipped):
    assert shipped["result"].exit_code == 0, shipped["result"].output
    assert shipped["book"].sheetnames == list(SHEETS)
    assert shipped["result"].output.strip().splitlines()[-2:] == [
        str(shipped["out"] / "Capaian-2024-Juni-BKK-Kelas-II-Jambi.xlsx"),
        str(shipped["out"] / "Capaian-2024-Juni-BKK-Kelas-II-Jambi.docx")]


def test_every_target_pk_is_the_pks(shipped):
    rows = [r for r in _rows(shipped["book"]["Capaian IKK"]) if r["Baris"] == "IKK"]
    assert len(rows) == len(shipped["plan"].indicators) == len(shipped["pk"])
    for row in rows:
        assert _shown(row["_cells"]["Target PK"]) == shipped["pk"][row["Indikator Kinerja"]]


def test_every_period_target_is_junes_monthly_target(shipped):
    plan = shipped["plan"]
    for row in _rows(shipped["book"]["Capaian IKK"]):
        ikk = plan.indicator(row["No IKK"])
        own, comps = tables.series_of(plan, ikk)
        if row["Baris"] == "IKK":
            expected = own.months[5] if own is not None else ikk.target.value
            percent = ikk.target.percent
        else:
            comp = next(c for c in comps if row["Komponen"].startswith(f"{c.component}. "))
            expected, percent = comp.months[5], comp.percent
        assert Decimal(str(row["Target Periode"])) * (100 if percent else 1) == expected


def test_every_realisation_is_the_workbooks(shipped):
    raw = shipped["raw"]["ikk"]
    for row in _rows(shipped["book"]["Capaian IKK"]):
        component = None if row["Baris"] == "IKK" else int(row["Komponen"].split(".")[0])
        typed = raw[(row["No IKK"], component)]["Jun"]
        assert row["Realisasi Periode"] == typed
        target, realised = (row["_cells"][k].number_format for k in ("Target PK", "Realisasi Periode"))
        assert realised.endswith("%") == target.endswith("%") and len(realised) >= len(target)


def test_capaian_and_category_follow_from_target_and_realisation(shipped):
    for row in _rows(shipped["book"]["Capaian IKK"]):
        expected = Decimal(str(row["Realisasi Periode"])) / Decimal(str(row["Target Periode"]))
        assert abs(Decimal(str(row["Capaian"])) - expected) < Decimal("0.00005")
        assert row["_cells"]["Capaian"].number_format == "0.00%"
        level = row["Capaian"] * 100
        assert row["Kategori"] == (ACHIEVED if level >= 100 else NEARLY if level >= 80 else MISSED)


def test_every_budget_line_is_the_plans_and_the_workbooks(shipped):
    plan, raw = shipped["plan"], shipped["raw"]["budget"]
    schedule = {s.code: s.months for s in plan.schedule}
    rows = _rows(shipped["book"]["Anggaran RO"])
    ros = [r for r in rows if r["Baris"] == "RO"]
    assert [r["Kode RO"] for r in ros] == [ro.code for ro in plan.ros]
    for row, ro in zip(ros, plan.ros, strict=True):
        assert row["Pagu (000)"] == ro.amount
        assert row["Rencana s.d. (000)"] == sum(schedule[ro.code][:6])
        assert row["Realisasi s.d. (000)"] == sum(raw[ro.code][:6])
        assert row["_cells"]["Pagu (000)"].number_format == "#,##0"
    (total,) = [r for r in rows if r["Baris"] == "Jumlah"]
    assert total["Pagu (000)"] == tables.pagu(plan) == sum(r["Pagu (000)"] for r in ros)
    assert total["Realisasi s.d. (000)"] == sum(r["Realisasi s.d. (000)"] for r in ros)
    months = _rows(shipped["book"]["Bulanan"])
    assert [m["Bulan"] for m in months] == ["Januari", "Februari", "Maret", "April", "Mei", "Juni"]
    assert months[-1]["Realisasi Kumulatif (000)"] == total["Realisasi s.d. (000)"]
    assert months[-1]["Rencana Kumulatif (000)"] == total["Rencana s.d. (000)"]


def test_the_workbook_says_what_it_measured_and_that_the_example_is_fictional(shipped):
    notes = {r["Keterangan"]: r["Isi"] for r in _rows(shipped["book"]["Keterangan"])}
    assert notes["Periode"] == "s.d. Juni 2024" and notes["Realisasi anggaran dilaporkan s.d."] == "Juni"
    assert notes["Keterangan realisasi.xlsx"].startswith("CONTOH FIKTIF")
    assert "PER-5/PB/2024" in notes["Deviasi"]
    assert notes["SHA-256 realisasi.xlsx"] == load(SHIPPED, realisation=True).realisation.source.sha256


def test_every_sheet_prints_fit_to_width_with_its_header_repeated_and_the_chart_alone(shipped):
    book = shipped["book"]
    for ws in book.worksheets:
        assert ws.page_setup.paperSize == 9 and ws.page_setup.fitToWidth == 1
        assert ws.sheet_properties.pageSetUpPr.fitToPage
    for name in ("Capaian IKK", "Anggaran RO", "Anggaran IKK", "Sumber Dana", "Bulanan"):
        ws = book[name]
        assert ws.page_setup.orientation == "landscape" and ws.print_title_rows == "$1:$1"
        assert ws.freeze_panes == "A2" and ws.auto_filter.ref
    chart = book["Grafik"]
    assert len(chart._charts) == 1 and chart.page_setup.fitToHeight == 1
    assert {s.cat.strRef.f for s in chart._charts[0].series} == {"'Bulanan'!$A$2:$A$7"}


def test_a_whole_year_of_the_balai_besar(tmp_path):
    folder = write_inputs(tmp_path / "besar", offices.balai_besar_year())
    result = _run(folder, "TW IV", tmp_path / "out")
    assert result.exit_code == 0, result.output
    book = load_workbook(tmp_path / "out" / "Capaian-2025-Revisi-2-TW-IV-BBKK-Teluk-Permata.xlsx")
    rows = _rows(book["Capaian IKK"])
    plan = load(folder)
    assert len([r for r in rows if r["Baris"] == "IKK"]) == len(plan.indicators) == 6
    assert NOT_REPORTED not in {r["Kategori"] for r in rows}
    assert len(_rows(book["Bulanan"])) == 12
    missed = [r for r in rows if r["Baris"] == "IKK" and r["Capaian"] < 1]
    assert all(r["Kendala"] and r["Upaya / Tindak Lanjut"] for r in missed)
    sources = {r["Sumber Dana"]: r for r in _rows(book["Sumber Dana"])}
    totals = tables.source_totals(plan)
    assert [sources[s]["Pagu (000)"] for s in ("RM", "PNBP", "PHLN")] == [totals[k] for k in ("rm", "pnbp", "phln")]


def test_a_lower_is_better_ikk_reverses_its_capaian(data, tmp_path):
    data["kinerja"]["IKK"][1]["direction"] = "Turun"
    data["realisasi"] = mini_realisation()
    result = _run(write_inputs(tmp_path / "in", data), "Juni", tmp_path / "out")
    assert result.exit_code == 0, result.output
    row = next(r for r in _rows(load_workbook(next((tmp_path / "out").glob("*.xlsx")))["Capaian IKK"])
               if r["No IKK"] == 2)
    assert (row["Arah"], row["Capaian"], row["Kategori"]) == ("Turun", 1.05, ACHIEVED)  # 38% of 40%: (80 - 38) / 40


def test_errors_write_nothing_and_exit_1(data, tmp_path):
    data["realisasi"] = mini_realisation()
    data["realisasi"]["Laporan"]["year"] = 2023
    result = _run(write_inputs(tmp_path / "in", data), "Juni", tmp_path / "out")
    assert result.exit_code == 1 and "[realisation.year]" in result.output
    assert not list((tmp_path / "out").glob("*.xlsx"))


def test_a_folder_without_realisation_or_a_period_that_is_none_exits_2(mini_inputs, tmp_path):
    result = _run(mini_inputs, "Juni", tmp_path / "out")
    assert result.exit_code == 2 and "realisasi.xlsx tidak ditemukan" in result.output
    folder = write_inputs(tmp_path / "in", {**mini_data(), "realisasi": mini_realisation()})
    result = _run(folder, "Juni 2024", tmp_path / "out")
    assert result.exit_code == 2 and "bukan bulan atau triwulan" in result.output and "Traceback" not in result.output


def test_a_month_not_yet_reported_is_said(tmp_path):
    folder = write_inputs(tmp_path / "in", {**mini_data(), "realisasi": mini_realisation()})
    result = _run(folder, "Agustus", tmp_path / "out")
    assert result.exit_code == 0
    assert "realisasi anggaran baru dilaporkan s.d. Juni" in result.output


def test_the_same_inputs_give_the_same_bytes_and_a_foreign_file_is_never_replaced(tmp_path):
    folder = write_inputs(tmp_path / "in", {**mini_data(), "realisasi": mini_realisation()})
    out = tmp_path / "out"
    assert _run(folder, "TW II", out).exit_code == 0
    (path,) = out.glob("*.xlsx")
    first = path.read_bytes()
    assert _run(folder, "TW II", out).exit_code == 0 and path.read_bytes() == first
    path.write_bytes(b"a planner's own file")
    result = _run(folder, "TW II", out)
    assert result.exit_code == 2 and path.read_bytes() == b"a planner's own file"
