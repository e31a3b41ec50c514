"""The plan measured against its realisation: capaian, categories, absorption and IKPA's deviation."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pipeline.plan.realisation import (
    ACHIEVED,
    MISSED,
    NEARLY,
    NO_TARGET,
    NOT_REPORTED,
    Period,
    PeriodError,
    capaian,
    category,
    deviation,
    measure,
    period,
)
from tests.builders import mini_data, mini_realisation, plan_of

D = Decimal


@pytest.mark.parametrize(("target", "realised", "lower", "expected"), [
    (D("0.99"), D("0.99"), False, D(100)),
    (D(40), D(38), False, D(95)),
    (D(20), D(25), False, D(125)),
    (D(10), D(5), True, D(150)),  # lower is better: half the cases allowed
    (D(10), D(10), True, D(100)),
    (D(10), D(25), True, D(0)),  # never below 0
    (D(0), D(0), True, D(100)),
    (D(0), D(2), True, D(0)),
    (D(0), D(3), False, None),  # no target to reach
    (D(5), None, False, None),
    (D(3), D(1), False, D("33.33")),
])
def test_capaian(target, realised, lower, expected):
    assert capaian(target, realised, lower) == expected


@pytest.mark.parametrize(("value", "realised", "expected"), [
    (D(100), D(1), ACHIEVED), (D("120.5"), D(1), ACHIEVED), (D("99.99"), D(1), NEARLY), (D(80), D(1), NEARLY),
    (D("79.99"), D(1), MISSED), (None, None, NOT_REPORTED), (None, D(0), NO_TARGET)])
def test_category(value, realised, expected):
    assert category(value, realised) == expected


@pytest.mark.parametrize(("planned", "realised", "expected"), [
    (10_000, 10_000, D(0)), (10_000, 9_000, D(10)), (10_000, 11_000, D(10)), (10_000, 40_000, D(100)),
    (0, 0, D(0)), (0, 5, D(100))])
def test_deviation_of_a_month(planned, realised, expected):
    assert deviation(planned, realised) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Juni", Period(6)), ("jun", Period(6)), ("6", Period(6)), ("Desember", Period(12)), ("TW II", Period(6, 2)),
    ("Triwulan 4", Period(12, 4)), ("q1", Period(3, 1)), ("triwulan iii", Period(9, 3))])
def test_period(text, expected):
    assert period(text) == expected


@pytest.mark.parametrize("text", ["13", "Juni 2024", "TW V", "", "semester 1"])
def test_a_period_that_is_none(text):
    with pytest.raises(PeriodError):
        period(text)


def test_period_labels():
    assert Period(6, 2).label == "Triwulan II (s.d. Juni)" and Period(5).label == "s.d. Mei"
    assert Period(5).in_quarter == 2


@pytest.fixture
def plan():
    data = mini_data()
    data["realisasi"] = mini_realisation()
    return plan_of(data)


def test_every_ikk_measured_against_its_period_target(plan):
    result = measure(plan, period("Juni"))
    own, first, second, ikk2 = result.measures
    assert (own.pk_target, own.period_target, own.realised, own.capaian, own.category) == (
        D("0.99"), D("0.99"), D("0.99"), D(100), ACHIEVED)  # an index without a series holds its Target PK
    assert (first.pk_target, first.period_target, first.realised) == (D(20), D(10), D(10))
    assert (second.component, second.period_target, second.realised) == (2, D(4), D(4))
    assert (ikk2.pk_target, ikk2.period_target, ikk2.realised, ikk2.capaian, ikk2.category) == (
        D(96), D(40), D(38), D(95), NEARLY)
    assert ikk2.percent and result.indicators[1].problems.startswith("Dua paket")
    assert str(ikk2.cells["realised"]) == "realisasi.xlsx, sheet Realisasi IKK, sel I5"


def test_a_month_not_yet_reported(plan):
    result = measure(plan, period("Juli"))
    assert {m.category for m in result.measures} == {NOT_REPORTED}
    assert result.budget_reported == 6 and result.ikk_reported == 6
    assert result.indicators[1].problems == ""  # no explanation for the third quarter


def test_budget_lines_through_june(plan):
    result = measure(plan, period("Juni"))
    ros = {s.key: s for s in result.ros}
    qah = ros["QAH.017"]
    assert (qah.allocation, qah.planned_to_date, qah.realised_to_date) == (120_000, 50_000, 49_500)
    assert (qah.absorption, qah.planned_absorption) == (D("41.25"), D("41.67"))
    # Feb-Jun planned 10.000 each, realised 9.000, 10.000, 11.000, 10.000, 9.500: 10, 0, 10, 0, 5; January 0 of 0
    assert qah.mean_deviation == D("4.17")
    assert (qah.volume, qah.volume_done, qah.volume_capaian) == (8, 4, D(50))
    assert ros["QAH.U14"].realised_to_date == 21_500  # its RM and PNBP rows together
    total = result.total
    assert total.allocation == 1_351_500 and total.realised_to_date == 49_500 + 21_500 + 596_000
    ikk2 = result.ikks[1]
    assert ikk2.allocation == 1_351_500 and ikk2.realised_to_date == total.realised_to_date
    assert result.ikks[0].realised_to_date == 49_500 + 21_500


def test_sources_attribute_only_what_can_be(plan):
    result = measure(plan, period("Juni"))
    rm, pnbp, phln = result.sources.lines
    assert (rm.allocation, rm.realised_to_date) == (1_230_000, 596_000 + 20_000)
    assert (pnbp.allocation, pnbp.realised_to_date) == (121_500, 49_500 + 1_500)
    assert phln.realised_to_date == 0 and rm.planned is None
    assert result.sources.unattributed == 0


def test_an_ro_of_two_sources_without_rows_per_source_is_left_unattributed():
    data = mini_data()
    data["realisasi"] = mini_realisation()
    budget = data["realisasi"]["Realisasi Anggaran"]
    budget[:] = [b for b in budget if b["code"] != "QAH.U14"] + [{"code": "QAH.U14", "m03": 9_000}]
    result = measure(plan_of(data), period("Juni"))
    assert (result.sources.unattributed, result.sources.unattributed_codes) == (9_000, ("QAH.U14",))
    assert sum(s.realised_to_date for s in result.sources.lines) + 9_000 == result.total.realised_to_date


def test_a_plan_without_realisation_measures_as_not_reported():
    result = measure(plan_of(mini_data()), period("TW I"))
    assert {m.category for m in result.measures} == {NOT_REPORTED}
    assert result.total.realised_to_date == 0 and result.total.planned_to_date == 331_500
