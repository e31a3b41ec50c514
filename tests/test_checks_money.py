"""Money rules: schedules, stated totals and IKK allocations agree with the RO allocations."""

from __future__ import annotations

import pytest

from tests.checks_support import drop_totals, findings_for, flat, set_cell

MONTH_COLS = "CDEFGHIJKLMN"  # Jadwal: Januari in C .. Desember in N


def ro(data, code) -> dict:
    return next(r for r in data["pendanaan"]["RO"] if r.get("code") == code)


def schedule(data, code) -> dict:
    return next(r for r in data["jadwal"]["Jadwal"] if r.get("code") == code)


def total(data, workbook, sheet) -> dict:
    return next(r for r in data[workbook][sheet] if r.get("_total"))


def test_schedule_does_not_add_up(data, tmp_path):
    schedule(data, "QAH.017")["m12"] += 5_000
    total(data, "jadwal", "Jadwal")["m12"] += 5_000
    rule = "money.schedule-sum"
    assert flat(findings_for(tmp_path, data)) == sorted(
        [(rule, "QAH.017", f"Jadwal!{c}2") for c in MONTH_COLS] + [(rule, "QAH.017", f"RO!{c}2") for c in "EFG"])


def test_schedule_without_allocation(data, tmp_path):
    ro(data, "QAH.U14").update(rm=0, pnbp=0, volume=0)
    total(data, "pendanaan", "RO").update(rm=1_200_000, pnbp=120_000)
    rule = "money.unfunded-schedule"
    assert flat(findings_for(tmp_path, data)) == sorted(
        [(rule, "QAH.U14", f"Jadwal!{c}3") for c in "DEHK"] + [(rule, "QAH.U14", f"RO!{c}3") for c in "EFG"])


def test_allocation_without_schedule(data, tmp_path):
    drop_totals(data)
    data["jadwal"]["Jadwal"].remove(schedule(data, "QAH.U14"))
    assert flat(findings_for(tmp_path, data)) == sorted(
        [("money.no-schedule", "QAH.U14", "Jadwal")] + [("money.no-schedule", "QAH.U14", f"RO!{c}3") for c in "AEFG"])


def test_stated_ro_total(data, tmp_path):
    total(data, "pendanaan", "RO")["rm"] += 1
    assert flat(findings_for(tmp_path, data)) == [("money.stated-total", "Jumlah RM", f"RO!E{r}") for r in (2, 3, 4, 5)]


def test_stated_volume_total_is_not_summed(data, tmp_path):
    total(data, "pendanaan", "RO")["volume"] = 44
    assert findings_for(tmp_path, data) == []


def test_stated_schedule_total(data, tmp_path):
    total(data, "jadwal", "Jadwal")["m03"] += 1
    assert flat(findings_for(tmp_path, data)) == [
        ("money.stated-total", "Jumlah Maret", f"Jadwal!E{r}") for r in (2, 3, 4, 5)]


def test_stated_ikk_allocation(data, tmp_path):
    data["pendanaan"]["Alokasi IKK"] = [{"ikk": 1, "amount": 151_500}, {"ikk": 2, "amount": 1_351_499}]
    rule, ikk = "money.ikk-allocation", "IKK 2"
    assert flat(findings_for(tmp_path, data)) == sorted(
        [(rule, ikk, "Alokasi IKK!B3")] + [(rule, ikk, f"IKK-RO!B{r}") for r in (4, 5, 6)]
        + [(rule, ikk, f"RO!{c}{r}") for c in "EFG" for r in (2, 3, 4)])


@pytest.mark.parametrize("change, expected", [
    (lambda d: schedule(d, "EBA.994").update(m01=-100_000, m02=300_000), ("EBA.994", "Jadwal!C4")),
    (lambda d: ro(d, "EBA.994").update(next_amount=-1), ("EBA.994", "RO!K4")),
])
def test_negative_amounts(data, tmp_path, change, expected):
    drop_totals(data)
    change(data)
    assert flat(findings_for(tmp_path, data)) == [("money.negative", *expected)]


def test_negative_ikk_allocation(data, tmp_path):
    data["pendanaan"]["Alokasi IKK"] = [{"ikk": 1, "amount": -151_500}]
    found = findings_for(tmp_path, data)
    assert flat(found, "money.negative") == [("money.negative", "IKK 1", "Alokasi IKK!B2")]
    assert flat(found, "money.ikk-allocation") == sorted(
        [("money.ikk-allocation", "IKK 1", c) for c in ("Alokasi IKK!B2", "IKK-RO!B2", "IKK-RO!B3")]
        + [("money.ikk-allocation", "IKK 1", f"RO!{c}{r}") for c in "EFG" for r in (2, 3)])
    assert len(found) == 2


def test_allocation_without_volume(data, tmp_path):
    ro(data, "QAH.017")["volume"] = 0
    assert flat(findings_for(tmp_path, data)) == [("money.volume-allocation", "QAH.017", f"RO!{c}2") for c in "CEFG"]


def test_volume_without_allocation(data, tmp_path):
    drop_totals(data)
    ro(data, "EBA.994").update(rm=0)
    data["jadwal"]["Jadwal"].remove(schedule(data, "EBA.994"))
    assert flat(findings_for(tmp_path, data)) == [("money.volume-allocation", "EBA.994", f"RO!{c}4") for c in "CEFG"]


@pytest.mark.parametrize("change", [dict(next_volume=0), dict(next_amount=0)])
def test_forward_estimate_half_filled(data, tmp_path, change):
    drop_totals(data)
    ro(data, "QAH.017").update(change)
    assert flat(findings_for(tmp_path, data)) == [("money.forward-estimate", "QAH.017", f"RO!{c}2") for c in "JK"]


def test_ro_serving_no_ikk(data, tmp_path):
    del data["pendanaan"]["IKK-RO"][4]
    assert flat(findings_for(tmp_path, data)) == [("money.ro-without-ikk", "EBA.994", "IKK-RO"),
                                                  ("money.ro-without-ikk", "EBA.994", "RO!A4")]


def test_ikk_without_ro(data, tmp_path):
    del data["pendanaan"]["IKK-RO"][:2]
    assert flat(findings_for(tmp_path, data)) == [("money.ikk-without-ro", "IKK 1", "IKK!A2"),
                                                  ("money.ikk-without-ro", "IKK 1", "IKK-RO")]


@pytest.mark.parametrize("value, found", [(5_000, True), ("5.000", True), ("-", False), ("lihat catatan", False)])
def test_disbursement_after_december(data, tmp_path, value, found):
    result = flat(findings_for(tmp_path, data, set_cell("jadwal.xlsx", "Jadwal", "O2", value)))
    expected = [("money.after-december", "QAH.017", "Jadwal!N2"), ("money.after-december", "QAH.017", "Jadwal!O2")]
    assert result == (expected if found else [])


def test_no_forward_estimate_at_all(data, tmp_path):
    drop_totals(data)
    for r in data["pendanaan"]["RO"]:
        r.update(next_volume=None, next_amount=None)
    found = findings_for(tmp_path, data)
    assert flat(found) == [("money.no-forward-estimate", "Prakiraan Maju", "RO!J2"),
                           ("money.no-forward-estimate", "Prakiraan Maju", "RO!K2")]
    assert found[0].severity == "warning" and "2025" in found[0].message
