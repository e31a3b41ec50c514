"""Every problem at once: what cannot be read and what the rules find, in one run, across all five workbooks.

A cell that cannot be read is typed as empty so the rules still run on every other cell; what
a rule would say about that cell (a sum it is part of, a lookup of its key) is withheld, so the
planner reads one finding per mistake, at the cell where it is.
"""

from __future__ import annotations

from click.testing import CliRunner
from openpyxl import load_workbook

from pipeline.cli import cli
from pipeline.edition import analyse, compose
from tests.builders import mini_data, write_inputs
from tests.checks_support import flat

NIP_AS_EXCEL_SAVES_IT = 1.99001012015031e+17  # 199001012015031003 typed into a number cell


def everything_wrong() -> dict:
    """A read problem and a rule finding in (nearly) every workbook, as the issue reported them."""
    d = mini_data()
    d["identitas"]["Identitas"]["year"] = "dua ribu"  # read: the year every NIP is compared with
    d["pegawai"]["Pegawai"][1]["grade"] = "3/d"  # rule: an unknown golongan
    d["pegawai"]["Pegawai"][2]["nip"] = NIP_AS_EXCEL_SAVES_IT  # read: a NIP typed as a number
    d["kinerja"]["Target Bulanan"][2]["m06"] = 25  # rule: a cumulative target falls (30 in May)
    d["pendanaan"]["RO"][1]["pnbp"] = "seribu lima ratus"  # read: QAH.U14's allocation
    d["pendanaan"]["RO"][2]["unit"] = "Layan"  # rule (warning): an unusual satuan
    d["jadwal"]["Jadwal"][0]["m05"] = "seribu"  # read: QAH.017's May
    d["jadwal"]["Jadwal"][2]["m01"] = 90_000  # rule: EBA.994's months no longer add up, nor January's total
    return d


EXPECTED = [
    ("codes.ro-unit", "EBA.994", "RO!D4"),
    ("input.not-a-number", "", "Identitas!B8"),
    ("input.not-a-number", "", "Jadwal!G2"),
    ("input.not-a-number", "", "RO!F3"),
    ("input.number-as-code", "", "Pegawai!A4"),
    *(("money.schedule-sum", "EBA.994", f"Jadwal!{c}4") for c in "CDEFGHIJKLMN"),
    *(("money.schedule-sum", "EBA.994", f"RO!{c}4") for c in "EFG"),
    *(("money.stated-total", "Jumlah Januari", f"Jadwal!C{r}") for r in (2, 3, 4, 5)),
    ("staff.grade", "198503122010012001", "Pegawai!F3"),
    ("targets.cumulative", "IKK 2", "Target Bulanan!I4"),
    ("targets.cumulative", "IKK 2", "Target Bulanan!J4"),
]


def test_one_analysis_lists_read_problems_and_rule_findings_of_all_five_workbooks(tmp_path):
    analysis = analyse(write_inputs(tmp_path / "in", everything_wrong()))
    assert analysis.plan is None, "inputs with a cell that cannot be read make no plan to build from"
    assert sorted(flat(analysis.findings)) == sorted(EXPECTED)
    assert {loc.workbook for f in analysis.findings for loc in f.locations} == {
        "identitas.xlsx", "pegawai.xlsx", "kinerja.xlsx", "pendanaan.xlsx", "jadwal.xlsx"}
    assert sorted(f.rule for f in analysis.problems) == [
        "input.not-a-number", "input.not-a-number", "input.not-a-number", "input.number-as-code"]


def test_what_rests_on_an_unread_cell_is_withheld(tmp_path):
    """No sum over `seribu`, no NIP compared with an unread year, no schedule for an unread allocation."""
    analysis = analyse(write_inputs(tmp_path / "in", everything_wrong()))
    rules = {f.rule: f for f in analysis.findings}
    assert "staff.nip" not in rules and "identity.head-nip" not in rules, "year 0 is not a year"
    sums = [f for f in analysis.findings if f.rule in ("money.schedule-sum", "money.stated-total")]
    assert [f.subject for f in sums] == ["EBA.994", "Jumlah Januari"], \
        "QAH.017 (its May unread), QAH.U14 (its PNBP unread) and the Jumlah of May and PNBP are not summed"


def test_a_nip_typed_as_a_number_reads_as_excel_shows_it(tmp_path):
    analysis = analyse(write_inputs(tmp_path / "in", everything_wrong()))
    nip = next(f for f in analysis.findings if f.rule == "input.number-as-code")
    assert nip.message.startswith("199001012015031000 diketik sebagai angka"), nip.message
    assert "e+17" not in nip.message


def test_an_unreadable_key_withholds_the_lookups_of_its_sheet(tmp_path):
    """An RO whose code is a formula Excel never calculated: the Jadwal's codes are not called unknown."""
    folder = write_inputs(tmp_path / "in")
    wb = load_workbook(folder / "pendanaan.xlsx")
    wb["RO"]["A3"] = '=UPPER("qah.u14")'
    wb.save(folder / "pendanaan.xlsx")
    analysis = analyse(folder)
    assert flat(analysis.findings) == [("input.formula-without-value", "", "RO!A3")], \
        "the rest of pendanaan.xlsx is read, and QAH.U14 in IKK-RO and Jadwal is not reported unknown"


def test_a_missing_workbook_stops_the_rules_but_not_the_other_workbooks_problems(tmp_path):
    data = mini_data()
    data["jadwal"]["Jadwal"][0]["m05"] = "seribu"
    data["pegawai"]["Pegawai"][1]["grade"] = "3/d"
    folder = write_inputs(tmp_path / "in", data)
    (folder / "kinerja.xlsx").unlink()
    analysis = analyse(folder)
    assert flat(analysis.findings) == [("input.missing-workbook", "", "kinerja.xlsx"),
                                       ("input.not-a-number", "", "Jadwal!G2")]
    assert list(analysis.problems) == analysis.findings


def test_check_lists_everything_and_exits_2(tmp_path):
    folder = write_inputs(tmp_path / "in", everything_wrong())
    result = CliRunner().invoke(cli, ["check", "--inputs", str(folder)])
    assert result.exit_code == 2, result.output
    lines = result.stdout.splitlines()
    assert 'GALAT [input.not-a-number] jadwal.xlsx, sheet Jadwal, sel G2: "seribu" bukan angka' in lines
    assert any(line.startswith("GALAT [staff.grade] pegawai.xlsx, sheet Pegawai, sel F3: golongan '3/d'")
               for line in lines)
    assert "8 galat, 1 peringatan" in result.stderr


def test_build_writes_no_document_not_even_a_draft(tmp_path):
    folder = write_inputs(tmp_path / "in", everything_wrong())
    analysis = analyse(folder)
    assert compose(analysis, draft=True).documents == {}
    for extra in ([], ["--draft"]):
        out = tmp_path / f"out{len(extra)}"
        result = CliRunner().invoke(cli, ["build", "--inputs", str(folder), "--output", str(out), *extra])
        assert result.exit_code == 2, result.output
        assert not list(out.glob("*.docx"))
        report = next(out.glob("*-pemeriksaan.md")).read_text(encoding="utf-8")
        assert "`input.not-a-number`" in report and "`staff.grade`" in report and "`targets.cumulative`" in report


def test_a_formula_never_calculated_keeps_its_workbook_read(tmp_path):
    """Before, one such cell dropped its whole workbook: the word in another of its cells went unseen."""
    data = mini_data()
    data["jadwal"]["Jadwal"][1]["m04"] = "seribu"
    folder = write_inputs(tmp_path / "in", data)
    wb = load_workbook(folder / "jadwal.xlsx")
    wb["Jadwal"]["M4"] = "=SUM(C4:L4)"
    wb.save(folder / "jadwal.xlsx")
    assert flat(analyse(folder).findings) == [("input.formula-without-value", "", "Jadwal!M4"),
                                              ("input.not-a-number", "", "Jadwal!F3")]
