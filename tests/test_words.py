"""The words of today's civil service: PNS, PPPK and PPPK Paruh Waktu, Pelaksana, IKK scales, Plt./Plh.

Workbooks of earlier versions (ASN for PNS, JFU for Pelaksana, no Skala, no Plt./Plh.) still read and
print as before.
"""

from __future__ import annotations

import pytest

from pipeline.plan import tables
from pipeline.plan.vocabulary import position_word, status_of
from pipeline.review.snapshot import snapshot, upgrade
from tests.builders import plan_of
from tests.checks_support import findings_for, flat
from tests.offices import small_kelas_ii

SITI, PPPK = "198503122010012001", "199505052023212004"  # mini roster rows 3 (ASN, JFT) and 5 (PPPK)


def staff(data) -> list[dict]:
    return data["pegawai"]["Pegawai"]


# --- reading: old words and new ------------------------------------------------------------------------

@pytest.mark.parametrize("typed, status", [("ASN", "PNS"), ("asn", "PNS"), ("PNS", "PNS"), ("pppk", "PPPK"),
                                           ("PPPK  paruh waktu", "PPPK Paruh Waktu"), ("Honorer", "Honorer")])
def test_a_status_reads_as_its_one_spelling(typed, status):
    assert status_of(typed) == status


def test_a_roster_of_an_earlier_version_reads_asn_as_pns_and_jfu_as_pelaksana(data):
    plan = plan_of(data)
    assert {e.status for e in plan.staff} == {"PNS", "PPPK"}
    assert "JFU" not in {e.position_type for e in plan.staff}
    counts = tables.headcount(plan)
    assert counts["ASN"] == counts["PNS"] + counts["PPPK"] == counts["total"]
    assert tables.position_word(plan) == "JFU"  # printed as the roster says it


@pytest.mark.parametrize("typed, year, word", [
    (["JFU", "JFU"], 2026, "JFU"), (["Pelaksana", "JFU", "Pelaksana"], 2024, "Pelaksana"),
    ([], 2024, "JFU"), ([], 2025, "Pelaksana"), (["JFU", "Pelaksana"], 2026, "Pelaksana")])
def test_the_word_printed_for_pelaksana_is_the_rosters_with_a_default_by_year(typed, year, word):
    assert position_word(typed, year) == word


def test_pppk_paruh_waktu_is_checked_as_pppk(data, tmp_path):
    staff(data)[3]["status"] = "PPPK Paruh Waktu"
    assert findings_for(tmp_path, data) == []
    staff(data)[3]["nip"] = "199505052023012004"  # not a NI PPPK
    assert flat(findings_for(tmp_path, data)) == [("staff.nip-status", "199505052023012004", "Pegawai!A5"),
                                                  ("staff.nip-status", "199505052023012004", "Pegawai!C5")]


def test_a_pppk_paruh_waktu_with_a_pns_grade_is_an_error(data, tmp_path):
    staff(data)[3].update(status="PPPK Paruh Waktu", grade="III/a")
    assert flat(findings_for(tmp_path, data)) == [("staff.grade-status", PPPK, "Pegawai!C5"),
                                                  ("staff.grade-status", PPPK, "Pegawai!F5")]


def test_an_unknown_status_names_the_three(data, tmp_path):
    staff(data)[1]["status"] = "Honorer"
    [finding] = findings_for(tmp_path, data)
    assert finding.rule == "staff.status" and "PNS, PPPK atau PPPK Paruh Waktu" in finding.message


# --- scales ----------------------------------------------------------------------------------------------

def _index_on_1_to_5(data, target, scale="1-5"):
    ikk = data["kinerja"]["IKK"][0]
    ikk.update(target=target, scale=scale)
    for row in data["kinerja"]["Target Bulanan"]:
        if row["ikk"] == ikk["no"] and row.get("component") is None:
            row.update({f"m{m:02d}": target for m in range(1, 13)})
    return ikk


def test_a_declared_scale_takes_the_place_of_the_satuans(data, tmp_path):
    from decimal import Decimal
    ikk = _index_on_1_to_5(data, Decimal("3.25"))
    assert ikk["unit"] == "Indeks"
    assert flat(findings_for(tmp_path, data), "targets.range", "targets.scale") == []
    _index_on_1_to_5(data, Decimal("5.5"))
    assert flat(findings_for(tmp_path, data), "targets.range") == [
        ("targets.range", "IKK 1", "IKK!E2"), ("targets.range", "IKK 1", "IKK!G2")]


def test_an_index_without_a_scale_is_still_0_to_1(data, tmp_path):
    from decimal import Decimal
    _index_on_1_to_5(data, Decimal("3.25"), scale=None)
    assert ("targets.range", "IKK 1", "IKK!E2") in flat(findings_for(tmp_path, data))


@pytest.mark.parametrize("scale", ["5-1", "satu sampai lima", "1-"])
def test_a_scale_that_is_no_range_is_an_error(data, tmp_path, scale):
    data["kinerja"]["IKK"][0]["scale"] = scale
    assert flat(findings_for(tmp_path, data), "targets.scale") == [("targets.scale", "IKK 1", "IKK!G2")]


# --- acting officials -------------------------------------------------------------------------------------

def test_acting_is_read_in_its_one_spelling_and_an_unknown_one_is_an_error(data, tmp_path):
    data["identitas"]["Identitas"].update(head_acting="plt", superior_acting="PLH.")
    plan = plan_of(data)
    assert (plan.office.head.acting, plan.office.superior_acting) == ("Plt.", "Plh.")
    assert findings_for(tmp_path, data) == []
    data["identitas"]["Identitas"]["head_acting"] = "Pjs."
    assert [(f.rule, f.severity, f.subject) for f in findings_for(tmp_path, data)] == [
        ("identity.acting", "error", "Plt./Plh. Kepala")]


def test_a_title_that_already_says_plt_is_a_warning(data, tmp_path):
    identitas = data["identitas"]["Identitas"]
    identitas["head_title"] = "Plt. " + identitas["head_title"]
    assert [(f.rule, f.severity) for f in findings_for(tmp_path, data)] == [("identity.acting", "warning")]


# --- a diff against an edition of an earlier version ------------------------------------------------------

def test_a_snapshot_of_an_earlier_version_reads_in_todays_words(data):
    now = snapshot(plan_of(data))
    old = {**now, "snapshot": 2, "values": {
        "Pegawai": {nip: {**row, "Status": "ASN" if row["Status"] == "PNS" else row["Status"],
                          "Jenis Jabatan": "JFU" if row["Jenis Jabatan"] == "Pelaksana" else row["Jenis Jabatan"]}
                    for nip, row in now["values"]["Pegawai"].items()},
        "Ringkasan": {"": {("Pegawai ASN" if k == "Pegawai PNS" else "Pegawai JFU" if k == "Pegawai Pelaksana"
                            else k): v for k, v in now["values"]["Ringkasan"][""].items()}},
    }}
    assert "ASN" in {r["Status"] for r in old["values"]["Pegawai"].values()}
    upgraded = upgrade(old)["values"]
    assert upgraded["Pegawai"] == now["values"]["Pegawai"]
    assert upgraded["Ringkasan"] == now["values"]["Ringkasan"]


def test_a_fixture_office_in_the_words_of_earlier_versions_still_prints_jfu():
    plan = plan_of(small_kelas_ii())
    assert tables.position_word(plan) == "JFU"
    assert {e.status for e in plan.staff} == {"PNS", "PPPK"}
