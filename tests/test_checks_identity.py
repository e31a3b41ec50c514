"""Identity rules: the head's NIP, the head in the roster, the title, edition, year, signing date, PK parties."""

from __future__ import annotations

import pytest

from pipeline.checks.common import nip_problems
from tests.builders import HEAD_NIP
from tests.checks_support import findings_for, flat

ID = "Identitas"


def identity(data) -> dict:
    return data["identitas"]["Identitas"]


@pytest.mark.parametrize("nip, problem", [
    ("19700115200003100", "18 digit"),
    ("1970011520000310O2", "18 digit"),
    ("197002302000031002", "tanggal lahir 19700230"),
    ("197001152000131002", "bulan pengangkatan 13"),
    ("197001151985031002", "umur 15"),
    ("197001152025031002", "sesudah tahun rencana 2024"),
    ("197001152000033002", "jenis kelamin 3"),
])
def test_nip_problems_name_what_is_wrong(nip, problem):
    problems = nip_problems(nip, 2024)
    assert len(problems) == 1 and problem in problems[0]


@pytest.mark.parametrize("nip", [HEAD_NIP, "199505052023212004", "196704221988031002", "200001012018012001"])
def test_well_formed_nips_including_pppk(nip):
    assert nip_problems(nip, 2024) == []


@pytest.mark.parametrize("nip", ["197002302000031002", "197001152025031002", "197001152000033002"])
def test_head_nip_malformed(data, tmp_path, nip):
    identity(data)["head_nip"] = nip
    data["pegawai"]["Pegawai"][0]["nip"] = nip  # the roster agrees, so only the number itself is wrong
    assert flat(findings_for(tmp_path, data)) == [
        ("identity.head-nip", nip, f"{ID}!B13"),
        ("staff.nip", nip, "Pegawai!A2"),
    ]


def test_head_with_other_nip_in_roster(data, tmp_path):
    data["pegawai"]["Pegawai"][0]["nip"] = "197001152000031003"
    assert flat(findings_for(tmp_path, data)) == [
        ("identity.head-in-roster", HEAD_NIP, f"{ID}!B13"),
        ("identity.head-in-roster", HEAD_NIP, "Pegawai!A2"),
    ]


def test_head_with_other_name_in_roster(data, tmp_path):
    data["pegawai"]["Pegawai"][0]["name"] = "Dr. Budi Santosa, SKM, MKM"
    assert flat(findings_for(tmp_path, data)) == [
        ("identity.head-in-roster", HEAD_NIP, f"{ID}!B12"),
        ("identity.head-in-roster", HEAD_NIP, "Pegawai!B2"),
    ]


def test_head_absent_from_roster(data, tmp_path):
    identity(data).update(head_name="Rina Marlina, SKM", head_nip="198001012005012001")
    assert flat(findings_for(tmp_path, data)) == [
        ("identity.head-in-roster", "198001012005012001", f"{ID}!B13"),
        ("identity.head-in-roster", "198001012005012001", "Pegawai"),
    ]


def test_head_name_compared_without_punctuation(data, tmp_path):
    identity(data)["head_name"] = "dr Budi Santoso, SKM., M.KM"
    assert findings_for(tmp_path, data) == []


def test_head_title_of_the_old_office(data, tmp_path):
    identity(data)["head_title"] = "Kepala Kantor Kesehatan Pelabuhan Kelas III Contoh"
    assert flat(findings_for(tmp_path, data)) == [
        ("identity.head-title", "Jabatan Kepala", f"{ID}!B14"),
        ("identity.head-title", "Jabatan Kepala", f"{ID}!B2"),
    ]


def test_head_title_with_a_spelling_slip_is_only_a_spelling_finding(data, tmp_path):
    identity(data)["head_title"] = "Kepala Balai Kekejarantinaan Kesehatan Kelas II Contoh"
    assert flat(findings_for(tmp_path, data)) == [("text.spelling", "Kekejarantinaan", f"{ID}!B14")]


@pytest.mark.parametrize("edition, ok", [("Perubahan", False), ("Revisi", False), ("Revisi 0", False),
                                         ("Revisi 2", True), ("Awal Tahun", True)])
def test_edition(data, tmp_path, edition, ok):
    identity(data)["edition"] = edition
    assert flat(findings_for(tmp_path, data)) == ([] if ok else [("identity.edition", "Edisi", f"{ID}!B9")])


def test_implausible_year(data, tmp_path):
    identity(data).update(year=2124, sign_date="Januari 2124")
    assert flat(findings_for(tmp_path, data), "identity.year") == [("identity.year", "Tahun", f"{ID}!B8")]


@pytest.mark.parametrize("signed, ok", [("Januari 2022", False), ("Januari 2025", False),
                                        ("Desember 2023", True), ("2 Januari 2024", True)])
def test_sign_date_year(data, tmp_path, signed, ok):
    identity(data)["sign_date"] = signed
    expected = [] if ok else [("identity.sign-date", "Tanggal Penandatanganan", f"{ID}!B17"),
                              ("identity.sign-date", "Tanggal Penandatanganan", f"{ID}!B8")]
    assert flat(findings_for(tmp_path, data)) == sorted(expected)


@pytest.mark.parametrize("parent", [
    "Direktorat Jenderal Pencegahan dan Pengendalian Penyakit",
    "Ditjen P2P / Balai Kekarantinaan Kesehatan Kelas II Contoh",
    "Badan Kebijakan Pembangunan Kesehatan",
])
def test_parent_unit_at_eselon_one(data, tmp_path, parent):
    identity(data)["parent_unit"] = parent
    assert findings_for(tmp_path, data) == []


def test_parent_unit_a_directorate(data, tmp_path):
    identity(data)["parent_unit"] = "Direktorat Pencegahan dan Pengendalian Penyakit / Balai Kekarantinaan " \
                                    "Kesehatan Kelas II Contoh"
    assert flat(findings_for(tmp_path, data)) == [("identity.parent-unit", "Unit Organisasi", f"{ID}!B11")]


def test_parent_unit_a_directorate_called_ditjen_elsewhere(data, tmp_path):
    identity(data)["parent_unit"] = "Direktorat Pencegahan dan Pengendalian Penyakit"
    data["identitas"]["Kegiatan"].append({
        "activity": "Dukungan Manajemen Pelaksanaan Program di Ditjen Pencegahan dan Pengendalian Penyakit",
        "goal": "Meningkatnya dukungan manajemen"})
    assert flat(findings_for(tmp_path, data)) == [("identity.parent-unit", "Unit Organisasi", f"{ID}!B11"),
                                                  ("identity.parent-unit", "Unit Organisasi", "Kegiatan!A3")]


@pytest.mark.parametrize("period, expected", [
    ("2020-2024", []),
    ("2025-2029", [("identity.period", "Periode Renstra", "Identitas!B23"), ("identity.period", "Periode Renstra",
                                                                            "Identitas!B8")]),
    ("lima tahun", [("identity.period", "Periode Renstra", "Identitas!B23")]),
])
def test_typed_period_holds_the_year(data, tmp_path, period, expected):
    data["identitas"]["Identitas"]["period"] = period
    assert flat(findings_for(tmp_path, data), "identity.period") == sorted(expected)


def test_a_perjanjian_kinerja_without_its_second_party_is_a_warning(data, tmp_path):
    del identity(data)["superior_name"]
    found = findings_for(tmp_path, data)
    assert flat(found) == [("identity.superior", "Nama Atasan", f"{ID}!B20")]
    assert found[0].severity == "warning" and "pihak kedua Perjanjian Kinerja" in found[0].message


def test_a_malformed_superior_nip_is_an_error(data, tmp_path):
    identity(data)["superior_nip"] = "197001012000131001"
    found = findings_for(tmp_path, data)
    assert flat(found) == [("identity.superior", "197001012000131001", f"{ID}!B21")]
    assert found[0].severity == "error" and "bulan pengangkatan 13" in found[0].message


NATIONAL = {"vision": "Visi Presiden", "renstra_regulation": "Peraturan Renstra",
            "organisation_regulation": "Peraturan Organisasi"}


def test_national_texts_rkt_does_not_know_for_the_period_are_named_at_their_cells(data, tmp_path):
    identity(data).update(year=2025, sign_date="Januari 2025")
    found = [f for f in findings_for(tmp_path, data) if f.rule == "identity.national-text"]
    assert flat(found) == [("identity.national-text", "Peraturan Organisasi", f"{ID}!B26"),
                           ("identity.national-text", "Peraturan Renstra", f"{ID}!B25"),
                           ("identity.national-text", "Visi Presiden", f"{ID}!B24")]
    assert {f.severity for f in found} == {"warning"}
    assert "Rencana Strategis Kementerian Kesehatan Tahun 2025-2029" in next(
        f.message for f in found if f.subject == "Peraturan Renstra")


def test_typed_national_texts_and_a_known_period_are_no_finding(data, tmp_path):
    assert flat(findings_for(tmp_path, data), "identity.national-text") == []  # 2024: known word for word
    typed = {key: f"{label} resmi" for key, label in NATIONAL.items()}
    identity(data).update(year=2025, sign_date="Januari 2025", **typed)
    assert flat(findings_for(tmp_path, data), "identity.national-text") == []
