"""Staff rules: each roster row well formed and using the office's own lists."""

from __future__ import annotations

import pytest

from tests.builders import HEAD_NIP
from tests.checks_support import findings_for, flat

SITI, PPPK = "198503122010012001", "199505052023212004"  # roster rows 3 (ASN, JFT) and 5 (PPPK)


def staff(data) -> list[dict]:
    return data["pegawai"]["Pegawai"]


def test_malformed_roster_nip(data, tmp_path):
    staff(data)[1]["nip"] = "19850312201001200"
    assert flat(findings_for(tmp_path, data)) == [("staff.nip", "19850312201001200", "Pegawai!A3")]


@pytest.mark.parametrize("row, nip", [(3, "199505052023012004"), (1, "198503122010212001")])
def test_nip_contradicts_status(data, tmp_path, row, nip):
    staff(data)[row]["nip"] = nip
    sheet_row = row + 2
    assert flat(findings_for(tmp_path, data)) == [
        ("staff.nip-status", nip, f"Pegawai!A{sheet_row}"),
        ("staff.nip-status", nip, f"Pegawai!C{sheet_row}"),
    ]


@pytest.mark.parametrize("key, value, rule, column", [
    ("status", "Honorer", "staff.status", "C"),
    ("position_type", "Fungsional", "staff.position-type", "D"),
    ("grade", "III/e", "staff.grade", "F"),
    ("grade", "3c", "staff.grade", "F"),
    ("education", "S1 Kesmas", "staff.education", "G"),
    ("unit", "PRLX", "staff.unit", "H"),
])
def test_value_outside_the_lists(data, tmp_path, key, value, rule, column):
    staff(data)[1][key] = value
    extra = {"staff.education": [(rule, SITI, "Pendidikan")], "staff.unit": [(rule, SITI, "Unit Kerja")]}
    assert flat(findings_for(tmp_path, data)) == sorted([(rule, SITI, f"Pegawai!{column}3"), *extra.get(rule, [])])


@pytest.mark.parametrize("grade", ["IV/e", "iii/c", "III / c", "I/a"])
def test_grades_accepted(data, tmp_path, grade):
    staff(data)[1]["grade"] = grade
    assert findings_for(tmp_path, data) == []


@pytest.mark.parametrize("row, grade, nip", [(1, "VII", SITI), (3, "III/a", PPPK)])
def test_grade_contradicts_status(data, tmp_path, row, grade, nip):
    staff(data)[row]["grade"] = grade
    assert flat(findings_for(tmp_path, data)) == [
        ("staff.grade-status", nip, f"Pegawai!C{row + 2}"),
        ("staff.grade-status", nip, f"Pegawai!F{row + 2}"),
    ]


def test_no_structural_post(data, tmp_path):
    staff(data)[0]["position_type"] = "JFT"
    assert flat(findings_for(tmp_path, data)) == [
        ("staff.head-structural", HEAD_NIP, "Identitas!B13"),
        ("staff.head-structural", HEAD_NIP, "Pegawai!D2"),
        ("staff.structural", "Struktural", "Pegawai"),
    ]


def test_head_not_structural_while_another_is(data, tmp_path):
    staff(data)[0]["position_type"] = "JFT"
    staff(data)[1]["position_type"] = "Struktural"
    assert flat(findings_for(tmp_path, data)) == [
        ("staff.head-structural", HEAD_NIP, "Identitas!B13"),
        ("staff.head-structural", HEAD_NIP, "Pegawai!D2"),
    ]


def test_same_name_twice(data, tmp_path):
    staff(data)[1]["name"] = "Dr. Budi Santoso, SKM., MKM"
    nips = f"{HEAD_NIP}, {SITI}"
    assert flat(findings_for(tmp_path, data)) == [
        ("staff.duplicate-name", nips, "Pegawai!A2"),
        ("staff.duplicate-name", nips, "Pegawai!A3"),
    ]
