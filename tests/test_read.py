"""Reading and normalising real workbooks: what planners really type, and bad input on purpose."""

from __future__ import annotations

import json
import zipfile
from decimal import Decimal

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from pipeline.checks import run_checks
from pipeline.cli import cli
from pipeline.findings import InputError
from pipeline.inputs.normalise import load
from tests.builders import write_inputs


def edit(path, sheet, change):
    """Open a written workbook, let `change(ws)` edit one sheet, save it back."""
    wb = load_workbook(path)
    change(wb[sheet])
    wb.save(path)


def problems(folder):
    """The (rule, workbook, sheet, cell) of every input problem, and the messages."""
    with pytest.raises(InputError) as exc:
        load(folder)

    def cell(f) -> tuple:
        return (f.locations[0].workbook, f.locations[0].sheet, f.locations[0].cell) if f.locations else ()

    return [(f.rule, *cell(f)) for f in exc.value.findings], [
        str(f) for f in exc.value.findings
    ]


def run_check(folder, *args):
    return CliRunner().invoke(cli, ["check", "--inputs", str(folder), *args])


def test_mini_office_reads_into_typed_model(mini_inputs):
    plan = load(mini_inputs)
    assert plan.office.year == 2024
    assert plan.office.sign_date.month == 1
    ro = plan.ro("QAH.U14")
    assert (ro.rm, ro.pnbp, ro.amount, ro.pj) == (30_000, 1_500, 31_500, ("Substansi PRL&KLW",))
    assert ro.loc("pnbp").cell == "F3"
    assert str(ro.loc("pnbp")) == "pendanaan.xlsx, sheet RO, sel F3"
    ikk = plan.indicator(2)
    assert (ikk.target.value, ikk.target.percent) == (Decimal(96), True)
    assert plan.indicator(1).target.value == Decimal("0.99")
    assert [t.sheet for t in plan.totals] == ["RO", "Jadwal"]
    assert len(plan.sources) == 5 and all(len(s.sha256) == 64 for s in plan.sources)


def test_accepts_what_planners_really_type(mini_inputs):
    path = mini_inputs / "jadwal.xlsx"

    def messy(ws):
        ws.insert_rows(1, 2)  # title rows above the header
        ws["A1"] = "RENCANA PENARIKAN ANGGARAN 2024"
        ws["A3"] = "  kode   RO "  # header case and spacing
        ws["E3"] = "MARET"
        ws.insert_rows(5)  # a blank row between data rows
        ws["A4"] = "  qah.017 "  # stray spaces, lower case
        ws["D4"] = "10.000"  # Indonesian text number
        ws["C4"] = "-"  # nil
        ws["B6"] = "  Layanan   survei faktor risiko penyakit HIV AIDS  "

    edit(path, "Jadwal", messy)
    plan = load(mini_inputs)
    row = plan.schedule[0]
    assert row.code == "QAH.017"
    assert row.months[:3] == (0, 10_000, 10_000)
    assert row.loc("m02").cell == "D4"
    assert plan.schedule[1].name == "Layanan survei faktor risiko penyakit HIV AIDS"
    assert len(plan.schedule) == 3
    assert plan.total("jadwal.xlsx", "Jadwal").values["m01"] == Decimal(100_000)


def test_merged_two_row_header(mini_inputs):
    def two_rows(ws):
        ws.insert_rows(1)
        for col in "ABCDEFGHIJK":
            ws[f"{col}1"] = ws[f"{col}2"].value
        ws["E1"] = "Alokasi (000)"
        ws.merge_cells("E1:G1")
        for col in "ABCD":
            ws.merge_cells(f"{col}1:{col}2")

    edit(mini_inputs / "pendanaan.xlsx", "RO", two_rows)
    plan = load(mini_inputs)
    assert plan.ro("EBA.994").rm == 1_200_000
    assert plan.ro("EBA.994").loc("rm").cell == "E5"


def test_merged_data_cells_carry_down(data, tmp_path):
    folder = write_inputs(tmp_path / "in", data)

    def merge(ws):
        ws["A3"] = None
        ws.merge_cells("A2:A3")

    edit(folder / "identitas.xlsx", "Program", merge)
    plan = load(folder)
    assert plan.programs[1].program == plan.programs[0].program


def test_not_a_number_names_workbook_sheet_cell(mini_inputs):
    edit(mini_inputs / "jadwal.xlsx", "Jadwal", lambda ws: ws.__setitem__("F3", "seribu"))
    found, messages = problems(mini_inputs)
    assert found == [("input.not-a-number", "jadwal.xlsx", "Jadwal", "F3")]
    assert messages == ['jadwal.xlsx, sheet Jadwal, sel F3: "seribu" bukan angka']
    result = run_check(mini_inputs)
    assert result.exit_code == 2
    assert 'jadwal.xlsx, sheet Jadwal, sel F3: "seribu" bukan angka' in result.output


def test_every_bad_cell_is_reported_at_once(mini_inputs):
    def two(ws):
        ws["F3"] = "seribu"
        ws["C2"] = "8 paket"

    edit(mini_inputs / "pendanaan.xlsx", "RO", two)
    found, _ = problems(mini_inputs)
    assert [f[-1] for f in found] == ["C2", "F3"]


def test_fraction_of_thousand_rupiah_is_refused(mini_inputs):
    edit(mini_inputs / "pendanaan.xlsx", "RO", lambda ws: ws.__setitem__("E4", "1.200,5"))
    assert problems(mini_inputs)[0] == [("input.not-whole", "pendanaan.xlsx", "RO", "E4")]


def test_missing_workbook(mini_inputs):
    (mini_inputs / "kinerja.xlsx").unlink()
    found, messages = problems(mini_inputs)
    assert found == [("input.missing-workbook", "kinerja.xlsx", "", "")]
    assert "tidak ditemukan" in messages[0]


@pytest.mark.parametrize("suffix", [".xls", ".csv"])
def test_xls_or_csv_instead_of_xlsx(mini_inputs, suffix):
    (mini_inputs / "jadwal.xlsx").rename(mini_inputs / f"jadwal{suffix}")
    _, messages = problems(mini_inputs)
    assert f"jadwal{suffix}" in messages[0] and "simpan ulang sebagai .xlsx" in messages[0]


def test_csv_named_xlsx(mini_inputs):
    (mini_inputs / "jadwal.xlsx").write_text("Kode RO;Jan\nQAH.017;0\n")
    found, messages = problems(mini_inputs)
    assert found == [("input.not-xlsx", "jadwal.xlsx", "", "")]


def test_password_protected_or_old_xls(mini_inputs):
    (mini_inputs / "pegawai.xlsx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1024)
    found, messages = problems(mini_inputs)
    assert found == [("input.not-xlsx", "pegawai.xlsx", "", "")]
    assert "password" in messages[0]


def test_truncated_file(mini_inputs):
    path = mini_inputs / "pendanaan.xlsx"
    path.write_bytes(path.read_bytes()[:1500])
    found, _ = problems(mini_inputs)
    assert found == [("input.corrupt", "pendanaan.xlsx", "", "")]


def test_zip_that_is_not_a_workbook(mini_inputs):
    path = mini_inputs / "pendanaan.xlsx"
    path.unlink()
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("readme.txt", "hello")
    assert problems(mini_inputs)[0] == [("input.not-xlsx", "pendanaan.xlsx", "", "")]


def test_missing_sheet(mini_inputs):
    edit(mini_inputs / "kinerja.xlsx", "IKK", lambda ws: setattr(ws, "title", "Indikator"))
    found, messages = problems(mini_inputs)
    assert found == [("input.missing-sheet", "kinerja.xlsx", "", "")]
    assert "'IKK'" in messages[0]


def test_missing_column(mini_inputs):
    edit(mini_inputs / "pendanaan.xlsx", "RO", lambda ws: ws.__setitem__("F1", "Penerimaan"))
    found, messages = problems(mini_inputs)
    assert found == [("input.missing-column", "pendanaan.xlsx", "RO", "1:1")]
    assert "'PNBP'" in messages[0]


def test_missing_form_field(mini_inputs):
    edit(mini_inputs / "identitas.xlsx", "Identitas", lambda ws: ws.__setitem__("A8", "Tahun Anggaran Lalu"))
    found, messages = problems(mini_inputs)
    assert found == [("input.missing-field", "identitas.xlsx", "Identitas", "")]
    assert "'Tahun'" in messages[0]


def test_formula_without_cached_value(mini_inputs):
    edit(mini_inputs / "jadwal.xlsx", "Jadwal", lambda ws: ws.__setitem__("M4", "=SUM(C4:L4)"))
    found, messages = problems(mini_inputs)
    assert found == [("input.formula-without-value", "jadwal.xlsx", "Jadwal", "M4")]
    assert "=SUM(C4:L4)" in messages[0]


def test_duplicate_key_names_both_cells_and_hides_no_other_finding(mini_inputs):
    edit(mini_inputs / "pegawai.xlsx", "Pegawai", lambda ws: ws.__setitem__("A3", ws["A2"].value))
    edit(mini_inputs / "jadwal.xlsx", "Jadwal", lambda ws: ws.__setitem__("D2", 10_001))
    findings = run_checks(load(mini_inputs))
    duplicate = next(f for f in findings if f.rule == "input.duplicate-key")
    assert duplicate.severity == "error" and str(duplicate).startswith("pegawai.xlsx, sheet Pegawai, sel A2:A3: ")
    assert "money.schedule-sum" in {f.rule for f in findings}


def test_nip_typed_as_number_loses_digits(mini_inputs):
    edit(mini_inputs / "pegawai.xlsx", "Pegawai", lambda ws: ws.__setitem__("A3", 198503122010012001))
    found, messages = problems(mini_inputs)
    assert found == [("input.number-as-code", "pegawai.xlsx", "Pegawai", "A3")]


def test_empty_required_cell(mini_inputs):
    edit(mini_inputs / "pendanaan.xlsx", "RO", lambda ws: ws.__setitem__("B2", "   "))
    found, messages = problems(mini_inputs)
    assert found == [("input.empty", "pendanaan.xlsx", "RO", "B2")]
    assert "'Rincian Output' wajib diisi" in messages[0]


def test_json_output_of_unusable_input(mini_inputs):
    edit(mini_inputs / "jadwal.xlsx", "Jadwal", lambda ws: ws.__setitem__("F3", "seribu"))
    result = run_check(mini_inputs, "--format", "json")
    assert result.exit_code == 2
    payload = json.loads(result.stdout)
    assert payload == [{
        "rule": "input.not-a-number", "severity": "error", "message": '"seribu" bukan angka', "subject": "",
        "locations": [{"workbook": "jadwal.xlsx", "sheet": "Jadwal", "cell": "F3"}],
    }]


def test_reading_never_changes_inputs(mini_inputs):
    import hashlib

    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in mini_inputs.iterdir()}
    load(mini_inputs)
    run_check(mini_inputs)
    after = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in mini_inputs.iterdir()}
    assert before == after
