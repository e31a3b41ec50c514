"""Code rules: codes well formed and listed, a code has one name and a name one code, PJs and units known."""

from __future__ import annotations

import pytest

from tests.checks_support import findings_for, flat

RO_SOURCES = ("E", "F", "G")


def fund(data, sheet) -> list[dict]:
    return data["pendanaan"][sheet]


def test_malformed_ro_code(data, tmp_path):
    for row in (*fund(data, "RO")[2:3], *fund(data, "IKK-RO")[4:5], *data["jadwal"]["Jadwal"][2:3]):
        row["code"] = "EBA994"
    assert flat(findings_for(tmp_path, data)) == [("codes.ro-format", "EBA994", "RO!A4")]


def test_malformed_kro_code(data, tmp_path):
    fund(data, "KRO")[1]["code"] = "EBAX"
    assert flat(findings_for(tmp_path, data)) == [
        ("codes.kro-exists", "EBA.994", "KRO"),
        ("codes.kro-exists", "EBA.994", "RO!A4"),
        ("codes.kro-format", "EBAX", "KRO!A3"),
    ]


def test_kro_missing(data, tmp_path):
    del fund(data, "KRO")[1]
    assert flat(findings_for(tmp_path, data)) == [("codes.kro-exists", "EBA.994", "KRO"),
                                                  ("codes.kro-exists", "EBA.994", "RO!A4")]


def test_unknown_code_in_ikk_ro(data, tmp_path):
    fund(data, "IKK-RO")[4]["code"] = "EBA.995"
    assert flat(findings_for(tmp_path, data)) == [
        ("codes.unknown-ro", "EBA.995", "IKK-RO!B6"),
        ("codes.unknown-ro", "EBA.995", "RO"),
        ("money.ro-without-ikk", "EBA.994", "IKK-RO"),
        ("money.ro-without-ikk", "EBA.994", "RO!A4"),
    ]


def test_unknown_code_in_schedule(data, tmp_path):
    data["jadwal"]["Jadwal"][0]["code"] = "QAH.018"
    assert flat(findings_for(tmp_path, data)) == [
        ("codes.unknown-ro", "QAH.018", "Jadwal!A2"),
        ("codes.unknown-ro", "QAH.018", "RO"),
        ("money.no-schedule", "QAH.017", "Jadwal"),
        *(("money.no-schedule", "QAH.017", f"RO!{c}2") for c in ("A", *RO_SOURCES)),
    ]


@pytest.mark.parametrize("sheet, row, cell", [("Jadwal", 1, "Jadwal!B3"), ("IKK-RO", 1, "IKK-RO!C3")])
def test_code_attached_to_another_service(data, tmp_path, sheet, row, cell):
    rows = data["jadwal"]["Jadwal"] if sheet == "Jadwal" else fund(data, sheet)
    rows[row]["name"] = "Layanan survei faktor risiko penyakit TB"
    assert flat(findings_for(tmp_path, data)) == [("codes.name", "QAH.U14", cell), ("codes.name", "QAH.U14", "RO!B3")]


@pytest.mark.parametrize("name, expected", [
    ("Layanan survei faktor risiko penyakit HIV/AIDS", "codes.name-variant"),
    ("Layanan survei faktor risiko penyakit HIV-AIDS.", "codes.name-variant"),
    ("layanan survei faktor risiko penyakit hiv aids", "codes.name-variant"),
    ("Layanan  survei faktor risiko penyakit HIV AIDS ", None),
])
def test_name_spelled_differently(data, tmp_path, name, expected):
    data["jadwal"]["Jadwal"][1]["name"] = name
    assert flat(findings_for(tmp_path, data)) == (
        [(expected, "QAH.U14", "Jadwal!B3"), (expected, "QAH.U14", "RO!B3")] if expected else [])


def test_two_codes_one_name(data, tmp_path):
    fund(data, "RO")[1]["name"] = "Layanan Pemeriksaan Orang, Barang, Alat Angkut"
    fund(data, "IKK-RO")[1]["name"] = None
    data["jadwal"]["Jadwal"][1]["name"] = None
    assert flat(findings_for(tmp_path, data)) == [
        ("codes.duplicate-name", "QAH.017, QAH.U14", "RO!B2"),
        ("codes.duplicate-name", "QAH.017, QAH.U14", "RO!B3"),
    ]


def test_unknown_ikk_in_every_sheet(data, tmp_path):
    fund(data, "IKK-RO").append({"ikk": 3, "code": "EBA.994"})
    data["kinerja"]["Target Bulanan"].append({"ikk": 3, **{f"m{i:02d}": i for i in range(1, 13)}})
    data["pendanaan"]["Alokasi IKK"] = [{"ikk": 3, "amount": 1_200_000}]
    assert flat(findings_for(tmp_path, data)) == [
        ("codes.unknown-ikk", "IKK 3", "Alokasi IKK!A2"),
        ("codes.unknown-ikk", "IKK 3", "IKK"),
        ("codes.unknown-ikk", "IKK 3", "IKK"),
        ("codes.unknown-ikk", "IKK 3", "IKK"),
        ("codes.unknown-ikk", "IKK 3", "IKK-RO!A7"),
        ("codes.unknown-ikk", "IKK 3", "Target Bulanan!A5"),
    ]


def test_unknown_goal(data, tmp_path):
    data["kinerja"]["IKK"][1]["goal"] = 2
    assert flat(findings_for(tmp_path, data)) == [("codes.unknown-goal", "IKK 2", "IKK!B3"),
                                                  ("codes.unknown-goal", "IKK 2", "Sasaran")]


def test_unknown_pj(data, tmp_path):
    fund(data, "RO")[0]["pj"] = "Substansi PRL&KLW, FKSE"
    assert flat(findings_for(tmp_path, data)) == [("codes.unknown-pj", "QAH.017", "PJ"),
                                                  ("codes.unknown-pj", "QAH.017", "RO!I2")]


def test_pj_in_other_case(data, tmp_path):
    fund(data, "RO")[1]["pj"] = "substansi PRL&KLW"
    assert flat(findings_for(tmp_path, data)) == [("codes.pj-variant", "QAH.U14", "PJ!A3"),
                                                  ("codes.pj-variant", "QAH.U14", "RO!I3")]


def test_ro_without_pj(data, tmp_path):
    fund(data, "RO")[2]["pj"] = None
    assert flat(findings_for(tmp_path, data)) == [("codes.no-pj", "EBA.994", "RO!I4")]


@pytest.mark.parametrize("unit", ["Keg", "layanan", None])
def test_unusual_ro_unit(data, tmp_path, unit):
    fund(data, "RO")[0]["unit"] = unit
    assert flat(findings_for(tmp_path, data)) == [("codes.ro-unit", "QAH.017", "RO!D2")]
