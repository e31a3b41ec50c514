"""Next year's workbooks: forward estimates become the plan, monthly plans empty, the source untouched."""

from __future__ import annotations

import hashlib
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from pipeline.checks import run_checks
from pipeline.cli import cli
from pipeline.findings import Location
from pipeline.inputs import schema
from pipeline.inputs.normalise import load
from pipeline.workbooks.blank import WorkbooksExist
from pipeline.workbooks.next_year import InitError, init_year, split_sources
from tests.builders import fill_as_planner, write_inputs

SHIPPED = Path(__file__).resolve().parent.parent / "inputs"
# What init leaves for the planner: every error on a fresh init result must point at one of these.
LEFT_EMPTY = {("jadwal.xlsx", "Jadwal"), ("kinerja.xlsx", "Target Bulanan")}


def hashes(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


def errors(plan):
    return [f for f in run_checks(plan) if f.severity == "error"]


def points_at_left_empty(finding) -> bool:
    return any((loc.workbook, loc.sheet) in LEFT_EMPTY for loc in finding.locations)


@pytest.mark.parametrize(("old", "amount", "expected", "basis"), [
    ((1_200_000, 0, 0), 1_300_000, (1_300_000, 0, 0), "rm"),
    ((0, 120_000, 0), 130_000, (0, 130_000, 0), "proportional"),
    ((30_000, 1_500, 0), 31_500, (30_000, 1_500, 0), "proportional"),
    # 40.000 x 1.500/31.500 = 1.904,8 -> 1.905; RM, the largest, takes the rest.
    ((30_000, 1_500, 0), 40_000, (38_095, 1_905, 0), "proportional"),
    # Equal thirds of 100: 33 + 33, and the first largest source (RM) takes 34.
    ((10, 10, 10), 100, (34, 33, 33), "proportional"),
    # 10 x 100/400 = 2,5 rounds half up to 3; PHLN takes the rest.
    ((100, 0, 300), 10, (3, 0, 7), "proportional"),
    ((0, 0, 0), 5_000, (5_000, 0, 0), "none"),
    ((0, 0, 0), 0, (0, 0, 0), "none"),
])
def test_split_sources(old, amount, expected, basis):
    assert split_sources(old, amount) == (expected, basis)


@given(st.tuples(*[st.integers(0, 10**9)] * 3), st.integers(0, 10**10))
def test_split_always_adds_up_and_is_never_negative(old, amount):
    sources, basis = split_sources(old, amount)
    assert sum(sources) == amount
    assert all(v >= 0 for v in sources)
    if old[1] == old[2] == 0:
        assert sources == (amount, 0, 0)
    for before, after in zip(old, sources, strict=True):
        if before == 0:
            assert after == 0 or basis == "none"


@pytest.fixture
def mini_next(tmp_path, mini_inputs):
    """The mini office's 2025 workbooks, and the source's hashes taken before init ran."""
    before = hashes(mini_inputs)
    result = init_year(mini_inputs, tmp_path / "2025", 2025)
    return mini_inputs, tmp_path / "2025", result, before


def test_init_moves_forward_estimates_into_next_year(mini_next):
    src, dst, result, _ = mini_next
    old, new = load(src), load(dst)
    assert (new.office.year, new.office.edition) == (2025, "Awal Tahun")
    assert (new.office.sign_date.year, new.office.sign_date.month, new.office.sign_date.day) == (2025, 1, None)
    assert [(r.code, r.volume, r.amount) for r in new.ros] == [(r.code, r.next_volume, r.next_amount) for r in old.ros]
    assert [(r.rm, r.pnbp, r.phln) for r in new.ros] == [(0, 130_000, 0), (30_000, 1_500, 0), (1_300_000, 0, 0)]
    assert all((r.next_volume, r.next_amount) == (0, 0) for r in new.ros)
    assert [(r.unit, r.location, r.pj) for r in new.ros] == [(r.unit, r.location, r.pj) for r in old.ros]
    assert [f.name for f in result.files] == [w.filename for w in schema.ALL_WORKBOOKS]


def test_init_empties_monthly_plans_but_keeps_their_rows(mini_next):
    src, dst, _, _ = mini_next
    old, new = load(src), load(dst)
    assert [s.code for s in new.schedule] == [s.code for s in old.schedule]
    ws = load_workbook(dst / "jadwal.xlsx")["Jadwal"]
    assert all(ws.cell(r, c).value is None for r in range(2, ws.max_row + 1) for c in range(3, 15))
    assert new.total("jadwal.xlsx", "Jadwal") is None, "a Jumlah row of empty months is dropped"
    assert [(m.ikk, m.component, m.name, m.absolute) for m in new.monthly] == [
        (m.ikk, m.component, m.name, m.absolute) for m in old.monthly]
    assert all(v is None for m in new.monthly for v in m.months)


def test_init_keeps_staff_organisation_and_pk_targets(mini_next):
    src, dst, _, _ = mini_next
    old, new = load(src), load(dst)
    for part in ("staff", "educations", "units", "wilker", "work_units", "pjs", "programs", "activities",
                 "goals", "indicators", "kros", "ikk_ros"):
        assert getattr(new, part) == getattr(old, part), part
    assert new.indicators[1].target.value == 96 and new.indicators[1].target.percent
    assert new.office.head == old.office.head and new.office.name == old.office.name


def test_init_restates_the_ro_total_for_the_new_allocations(mini_next):
    _, dst, _, _ = mini_next
    total = load(dst).total("pendanaan.xlsx", "RO")
    assert total.values["rm"] == 1_330_000 and total.values["pnbp"] == 131_500
    assert total.values["next_amount"] is None


def test_init_never_touches_the_source(mini_next):
    src, _, _, before = mini_next
    assert hashes(src) == before


def test_todo_lists_what_to_fill_then_what_to_verify(mini_next):
    _, _, result, _ = mini_next
    by_kind = {t.kind: t for t in result.todo}
    assert list(by_kind)[:3] == ["schedule", "monthly-targets", "forward-estimate"]
    assert by_kind["schedule"].location == Location("jadwal.xlsx", "Jadwal")
    assert str(by_kind["schedule"]).startswith("jadwal.xlsx, sheet Jadwal: isi rencana penarikan 12 bulan untuk 3 RO")
    assert by_kind["monthly-targets"].subjects == ("1", "2")
    assert "Prakiraan Maju 2026" in by_kind["forward-estimate"].message
    # EBA.994 was pure RM; the two with PNBP are split by last year's shares and listed to verify.
    assert by_kind["source-split"].subjects == ("QAH.017", "QAH.U14")
    assert [s.code for s in result.to_verify] == ["QAH.017", "QAH.U14"]
    assert "no-forward-estimate" not in by_kind and "ikk-allocation" not in by_kind


def test_check_on_the_init_result_finds_only_the_empty_monthly_plans(mini_next):
    _, dst, _, _ = mini_next
    plan = load(dst)
    found = errors(plan)
    assert found and all(points_at_left_empty(f) for f in found), [str(f) for f in found if not points_at_left_empty(f)]
    assert {f.subject for f in found if f.rule == "money.schedule-sum"} == {"QAH.017", "QAH.U14", "EBA.994"}
    assert {f.rule for f in found} >= {"money.schedule-sum", "targets.own-end"}
    result = CliRunner().invoke(cli, ["check", "--inputs", str(dst)])
    assert result.exit_code == 1, result.output


def test_init_result_filled_in_by_the_planner_passes_check(mini_next):
    """Once the schedule and monthly targets are typed into the new workbooks, nothing else is missing."""
    src, dst, _, _ = mini_next
    fill_as_planner(src, dst)
    assert errors(load(dst)) == []


def test_proportional_split_and_cleared_ikk_allocations_are_listed(tmp_path, data):
    ro = data["pendanaan"]["RO"][1]
    ro["next_amount"] = 40_000
    data["pendanaan"]["RO"][-1]["next_amount"] = 1_470_000
    data["pendanaan"]["RO"][2]["next_volume"], data["pendanaan"]["RO"][2]["next_amount"] = None, None
    data["pendanaan"]["Alokasi IKK"] = [{"ikk": 1, "amount": 151_500}]
    src = write_inputs(tmp_path / "2024", data)
    result = init_year(src, tmp_path / "2025", 2025)
    new = load(tmp_path / "2025")
    u14 = new.ro("QAH.U14")
    assert (u14.rm, u14.pnbp, u14.phln) == (38_095, 1_905, 0)
    assert new.ikk_allocations == ()
    kinds = {t.kind: t for t in result.todo}
    assert "RM 38.095, PNBP 1.905" in kinds["source-split"].message
    assert kinds["no-forward-estimate"].subjects == ("EBA.994",)
    assert new.ro("EBA.994").amount == 0
    assert kinds["ikk-allocation"].location == Location("pendanaan.xlsx", "Alokasi IKK")


def test_init_refuses_to_overwrite_workbooks_unless_forced(tmp_path, mini_inputs):
    dst = tmp_path / "2025"
    dst.mkdir()
    (dst / "jadwal.xlsx").write_bytes(b"planner's work")
    with pytest.raises(WorkbooksExist):
        init_year(mini_inputs, dst, 2025)
    assert (dst / "jadwal.xlsx").read_bytes() == b"planner's work"
    init_year(mini_inputs, dst, 2025, force=True)
    assert load(dst).office.year == 2025


def test_init_never_writes_over_its_source_even_when_forced(mini_inputs):
    before = hashes(mini_inputs)
    with pytest.raises(InitError):
        init_year(mini_inputs, mini_inputs / ".." / mini_inputs.name, 2025, force=True)
    assert hashes(mini_inputs) == before


def test_init_refuses_a_year_the_forward_estimates_are_not_for(tmp_path, mini_inputs):
    with pytest.raises(InitError, match="2025, bukan 2026"):
        init_year(mini_inputs, tmp_path / "2026", 2026)
    assert not (tmp_path / "2026").exists()


def test_cli_init_prints_the_todo_list(tmp_path, mini_inputs):
    result = CliRunner().invoke(cli, ["init", "--year", "2025", "--from", str(mini_inputs),
                                      "--to", str(tmp_path / "2025")])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert "2025" in lines[0]
    assert lines[1].startswith("1. jadwal.xlsx, sheet Jadwal: isi rencana penarikan")


@pytest.mark.parametrize("args", [
    ["--year", "2025", "--from", "{tmp}/tidak-ada"],
    ["--year", "2026", "--from", "{inputs}"],
    ["--year", "2025", "--from", "{inputs}", "--to", "{inputs}", "--force"],
])
def test_cli_init_stops_with_one_line_and_exit_2(tmp_path, mini_inputs, args):
    args = [a.format(tmp=tmp_path, inputs=mini_inputs) for a in args]
    if "--to" not in args:
        args += ["--to", str(tmp_path / "baru")]
    result = CliRunner().invoke(cli, ["init", *args])
    assert result.exit_code == 2
    assert result.stdout == "" and len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith("GALAT ")


def test_cli_init_on_unreadable_inputs_names_the_problem(tmp_path, mini_inputs):
    (mini_inputs / "kinerja.xlsx").write_text("not a workbook")
    result = CliRunner().invoke(cli, ["init", "--year", "2025", "--from", str(mini_inputs),
                                      "--to", str(tmp_path / "baru")])
    assert result.exit_code == 2
    assert "kinerja.xlsx" in result.stderr and len(result.stderr.strip().splitlines()) == 2


def test_cli_init_help_has_an_example():
    result = CliRunner().invoke(cli, ["init", "--help"])
    assert result.exit_code == 0 and "Contoh:" in result.output and "rkt init --year" in result.output


@pytest.mark.skipif(not all((SHIPPED / w.filename).exists() for w in schema.WORKBOOKS),
                    reason="inputs/ does not hold the five shipped workbooks yet")
def test_init_on_the_shipped_2024_inputs(tmp_path):
    before = hashes(SHIPPED)
    old = load(SHIPPED)
    result = init_year(SHIPPED, tmp_path / "2025", 2025)
    new = load(tmp_path / "2025")
    assert hashes(SHIPPED) == before
    assert new.office.year == 2025 and new.office.edition == "Awal Tahun"
    assert [(r.code, r.volume, r.amount) for r in new.ros] == [(r.code, r.next_volume, r.next_amount) for r in old.ros]
    assert sum(r.amount for r in new.ros) == sum(r.next_amount for r in old.ros)
    assert all(s.total == 0 for s in new.schedule) and len(new.schedule) == len(old.schedule)
    assert all(v is None for m in new.monthly for v in m.months)
    assert new.staff == old.staff
    schedule = next(t for t in result.todo if t.kind == "schedule")
    assert f"untuk {len(old.schedule)} RO" in str(schedule)
    # Errors either point at what init emptied or were already in this year's workbooks.
    carried = {(f.rule, f.subject) for f in errors(old)}
    fresh = [f for f in errors(new) if not points_at_left_empty(f) and (f.rule, f.subject) not in carried]
    assert fresh == [], [str(f) for f in fresh]
    assert {f.subject for f in errors(new) if f.rule == "money.schedule-sum"} == {r.code for r in new.ros if r.amount}
    check = CliRunner().invoke(cli, ["check", "--inputs", str(tmp_path / "2025")])
    assert check.exit_code in (0, 1), check.output


def test_percent_targets_keep_their_value_and_flag(tmp_path, data):
    data["kinerja"]["IKK"][1]["target"] = Decimal("0.975")
    src = write_inputs(tmp_path / "2024", data)
    init_year(src, tmp_path / "2025", 2025)
    target = load(tmp_path / "2025").indicators[1].target
    assert (target.value, target.percent) == (Decimal("97.5"), True)


def test_init_from_a_revision_starts_the_new_year_at_awal_tahun(tmp_path, data):
    data["identitas"]["Identitas"].update(edition="Revisi 2", sign_date="2 Juli 2024")
    src = write_inputs(tmp_path / "2024", data)
    init_year(src, tmp_path / "2025", 2025)
    office = load(tmp_path / "2025").office
    assert office.edition == "Awal Tahun"
    assert (office.sign_date.year, office.sign_date.month, office.sign_date.day) == (2025, 1, None)


def test_init_prepares_next_years_realisation_with_this_years_results(tmp_path):
    from tests.builders import mini_data, mini_realisation

    data = mini_data()
    data["realisasi"] = mini_realisation()
    src = write_inputs(tmp_path / "2024", data)
    result = init_year(src, tmp_path / "2025", 2025)
    new = load(tmp_path / "2025", realisation=True)
    r = new.realisation
    assert r.year == 2025 and all(v is None for row in r.ikk for v in row.months)
    assert [(x.ikk, x.component) for x in r.ikk] == [(1, None), (1, 1), (1, 2), (2, None)]
    assert [b.code for b in r.budget] == [v.code for v in r.volume] == ["QAH.017", "QAH.U14", "EBA.994"]
    assert [(e.ikk, e.year, e.target.value if e.target else None, e.realisation.value, e.realisation.percent)
            for e in r.earlier] == [(1, 2023, Decimal("0.98"), Decimal("0.97"), False),
                                    (1, 2024, Decimal("0.99"), Decimal("0.99"), False),
                                    (2, 2023, Decimal(95), Decimal("95.5"), True),
                                    (2, 2024, Decimal(96), Decimal(38), True)]
    assert not [f for f in run_checks(new) if f.rule.startswith("realisation.")]
    assert any(t.kind == "realisation" and "Tahun Lalu" in t.message for t in result.todo)


def test_an_unreadable_realisation_does_not_stop_init(tmp_path, mini_inputs):
    (mini_inputs / "realisasi.xlsx").write_text("bukan workbook", encoding="utf-8")
    result = init_year(mini_inputs, tmp_path / "2025", 2025)
    assert load(tmp_path / "2025", realisation=True).realisation.earlier == ()
    assert any(t.kind == "realisation-unread" for t in result.todo)
