"""Target rules: cumulative series, ends at the annual target, component sums, ranges, units."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from tests.checks_support import findings_for, flat, set_cell

COMP1 = (1, 3, 5, 6, 8, 10, 12, 14, 15, 17, 18, 20)
COMP2 = (None, None, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10)


def ikk(data, no) -> dict:
    return data["kinerja"]["IKK"][no - 1]


def monthly(data) -> list[dict]:
    return data["kinerja"]["Target Bulanan"]


def months(values) -> dict:
    return {f"m{i + 1:02d}": None if v is None else D(v) for i, v in enumerate(values)}


def jumlah_row(values, absolute=30) -> dict:
    return {"ikk": 1, "component": "Jumlah", "name": "Jumlah faktor risiko", "absolute": D(absolute), **months(values)}


SUMS = tuple((a or 0) + (b or 0) for a, b in zip(COMP1, COMP2, strict=True))


@pytest.mark.parametrize("row, month, value, cells", [
    (2, "m06", D(25), ("I4", "J4")),  # IKK 2: Mei 30, Juni 25
    (1, "m05", D(1), ("H3", "I3")),  # component 2: April 2, Mei 1
])
def test_cumulative_series_decreases(data, tmp_path, row, month, value, cells):
    monthly(data)[row][month] = value
    subject = "IKK 2" if row == 2 else "IKK 1 komponen 2"
    assert flat(findings_for(tmp_path, data)) == [("targets.cumulative", subject, f"Target Bulanan!{c}") for c in cells]


def test_own_series_does_not_end_at_target(data, tmp_path):
    monthly(data)[2]["m12"] = D(95)
    assert flat(findings_for(tmp_path, data)) == [("targets.own-end", "IKK 2", "IKK!E3"),
                                                  ("targets.own-end", "IKK 2", "Target Bulanan!P4")]


def test_own_series_may_end_at_absolute_target(data, tmp_path):
    monthly(data)[2]["m12"] = D(95)
    ikk(data, 2)["absolute"] = D(95)
    assert findings_for(tmp_path, data) == []


def test_own_series_without_december(data, tmp_path):
    monthly(data)[2]["m12"] = None
    assert flat(findings_for(tmp_path, data)) == [("targets.own-end", "IKK 2", "IKK!E3"),
                                                  ("targets.own-end", "IKK 2", "Target Bulanan!P4")]


def test_component_does_not_end_at_its_absolute(data, tmp_path):
    monthly(data)[0]["absolute"] = D(21)
    assert flat(findings_for(tmp_path, data)) == [
        ("targets.component-end", "IKK 1 komponen 1", "Target Bulanan!D2"),
        ("targets.component-end", "IKK 1 komponen 1", "Target Bulanan!P2"),
    ]


def test_ikk_absolute_is_not_the_component_sum(data, tmp_path):
    ikk(data, 1)["absolute"] = D(31)
    assert flat(findings_for(tmp_path, data)) == [
        ("targets.absolute-sum", "IKK 1", c) for c in ("IKK!H2", "Target Bulanan!P2", "Target Bulanan!P3")]


def test_ikk_absolute_missing_while_components_state_theirs(data, tmp_path):
    ikk(data, 1)["absolute"] = None
    assert flat(findings_for(tmp_path, data)) == [
        ("targets.absolute-missing", "IKK 1", c) for c in ("IKK!H2", "Target Bulanan!D2", "Target Bulanan!D3")]


def test_stated_sum_row_agrees(data, tmp_path):
    monthly(data).append(jumlah_row(SUMS))
    assert findings_for(tmp_path, data) == []


def test_stated_sum_row_differs_in_march(data, tmp_path):
    monthly(data).append(jumlah_row((*SUMS[:2], SUMS[2] + 1, *SUMS[3:])))
    assert flat(findings_for(tmp_path, data)) == [
        ("targets.stated-sum", "IKK 1 Jumlah", f"Target Bulanan!G{r}") for r in (2, 3, 5)]


def test_stated_sum_row_absolute_differs(data, tmp_path):
    monthly(data).append(jumlah_row(SUMS, absolute=29))
    assert flat(findings_for(tmp_path, data)) == [
        ("targets.stated-sum", "IKK 1 Jumlah", f"Target Bulanan!D{r}") for r in (2, 3, 5)]


def test_stated_sum_row_without_components(data, tmp_path):
    monthly(data).append({**jumlah_row(SUMS), "ikk": 2})
    assert flat(findings_for(tmp_path, data)) == [("targets.stated-sum", "IKK 2 Jumlah", "Target Bulanan!B5")]


def test_index_target_above_one(data, tmp_path):
    ikk(data, 1)["target"] = D("1.5")
    assert flat(findings_for(tmp_path, data)) == [("targets.range", "IKK 1", "IKK!E2"),
                                                  ("targets.range", "IKK 1", "IKK!F2")]


def test_negative_monthly_target(data, tmp_path):
    monthly(data)[0]["m01"] = D(-1)
    assert flat(findings_for(tmp_path, data)) == [("targets.range", "IKK 1 komponen 1", "Target Bulanan!E2")]


def test_percent_above_hundred(data, tmp_path):
    ikk(data, 2)["target"] = D("1.2")  # typed with a % format: 120%
    found = findings_for(tmp_path, data)
    assert flat(found, "targets.range") == [("targets.range", "IKK 2", "IKK!E3"), ("targets.range", "IKK 2", "IKK!F3")]
    assert {f.rule for f in found} == {"targets.range", "targets.own-end"}  # and the series ends at 96


def test_percent_typed_for_a_non_percent_unit(data, tmp_path):
    ikk(data, 1).update(unit="Nilai", target=D("0.99"), _target_percent=True)
    assert flat(findings_for(tmp_path, data)) == [("targets.percent-unit", "IKK 1", "IKK!E2"),
                                                  ("targets.percent-unit", "IKK 1", "IKK!F2")]


def test_percent_unit_typed_without_percent(data, tmp_path):
    ikk(data, 2).update(target=D(96), _target_percent=False)
    assert flat(findings_for(tmp_path, data)) == [("targets.percent-unmarked", "IKK 2", "IKK!E3"),
                                                  ("targets.percent-unmarked", "IKK 2", "IKK!F3")]


@pytest.mark.parametrize("unit", ["Index", "persen", None])
def test_unknown_ikk_unit(data, tmp_path, unit):
    ikk(data, 1)["unit"] = unit
    assert flat(findings_for(tmp_path, data)) == [("targets.unit", "IKK 1", "IKK!F2")]


def test_ikk_without_monthly_plan(data, tmp_path):
    del monthly(data)[2]
    assert flat(findings_for(tmp_path, data)) == [("targets.no-plan", "IKK 2", "IKK!A3")]


@pytest.mark.parametrize("value, found", [(96, True), ("-", False)])
def test_target_after_december(data, tmp_path, value, found):
    result = flat(findings_for(tmp_path, data, set_cell("kinerja.xlsx", "Target Bulanan", "Q4", value)))
    expected = [("targets.after-december", "IKK 2", "Target Bulanan!P4"),
                ("targets.after-december", "IKK 2", "Target Bulanan!Q4")]
    assert result == (expected if found else [])
