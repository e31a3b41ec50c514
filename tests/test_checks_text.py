"""Text rules: the key term spelled right everywhere, the office called by its current name, wilker counts."""

from __future__ import annotations

import pytest

from pipeline.checks.common import correction, misspellings
from tests.checks_support import findings_for, flat


@pytest.mark.parametrize("text, wrong", [
    ("Balai Kekejarantinaan Kesehatan", ["Kekejarantinaan"]),
    ("Pelayanan Kekearifan di Pintu Masuk", ["Kekearifan"]),
    ("Bidang Kekeparantinaan Kesehatan", ["Kekeparantinaan"]),
    ("alat dan bahan kekarantina kesehatan", ["kekarantina"]),
    ("KEKARANTINAN dan KEKARANTINAN", ["KEKARANTINAN"]),
    ("Kekarantinaan, kekarantinaannya, KEKARANTINAAN", []),
    ("kekebalan, kekeringan, kekerasan, kekeruhan air, tubuh kekar", []),
])
def test_misspellings(text, wrong):
    assert misspellings(text) == wrong


@pytest.mark.parametrize("word, fixed", [("Kekejarantinaan", "Kekarantinaan"), ("kekarantina", "kekarantinaan"),
                                         ("KEKEARIFAN", "KEKARANTINAAN")])
def test_correction_keeps_case_style(word, fixed):
    assert correction(word) == fixed


@pytest.mark.parametrize("workbook, sheet, row, key, text, cell", [
    ("identitas", "Kegiatan", 0, "activity",
     "Dukungan Pelayanan Kekejarantinaan di Pintu Masuk Negara dan Wilayah", "Kegiatan!A2"),
    ("kinerja", "Sasaran", 0, "name", "Meningkatnya pelayanan Kekearifan di Pintu Masuk Negara dan Wilayah",
     "Sasaran!B2"),
    ("identitas", "Identitas", None, "parent_unit", "Direktorat Jenderal P2P / Balai Kekeparantinaan Kesehatan "
     "Kelas II Contoh", "Identitas!B11"),
    ("kinerja", "IKK", 0, "definition", "Status kinerja deteksi dini faktor risiko kekarantina", "IKK!D2"),
    ("pendanaan", "RO", 2, "location", "Kantor kekarantina", "RO!H4"),
])
def test_key_term_misspelled(data, tmp_path, workbook, sheet, row, key, text, cell):
    target = data[workbook][sheet] if row is None else data[workbook][sheet][row]
    target[key] = text
    wrong = misspellings(text)[0]
    assert flat(findings_for(tmp_path, data)) == [("text.spelling", wrong, cell)]


def test_real_words_like_the_key_term_pass(data, tmp_path):
    data["kinerja"]["IKK"][0]["definition"] = "Kekebalan, kekeruhan air dan kekerasan diperiksa; tim kekar"
    assert findings_for(tmp_path, data) == []


@pytest.mark.parametrize("workbook, sheet, row, key, text, mention, cells", [
    ("identitas", "Identitas", None, "parent_unit",
     "Direktorat Jenderal P2P / Kantor Kesehatan Pelabuhan Kelas III Contoh",
     "Kantor Kesehatan Pelabuhan Kelas III Contoh", ("Identitas!B11", "Identitas!B2")),
    ("identitas", "Identitas", None, "parent_unit", "Direktorat Jenderal P2P / Balai Kekarantinaan Kesehatan "
     "Kelas I Contoh", "Balai Kekarantinaan Kesehatan Kelas I Contoh", ("Identitas!B11", "Identitas!B2")),
    ("kinerja", "IKK", 0, "definition", "Status deteksi dini faktor risiko di KKP Kelas III Contoh.",
     "KKP Kelas III Contoh", ("IKK!D2", "Identitas!B3")),
])
def test_other_office_named(data, tmp_path, workbook, sheet, row, key, text, mention, cells):
    target = data[workbook][sheet] if row is None else data[workbook][sheet][row]
    target[key] = text
    assert flat(findings_for(tmp_path, data)) == sorted(("text.office-name", mention, c) for c in cells)


@pytest.mark.parametrize("parent", [
    "Direktorat Jenderal P2P / Balai Kekarantinaan Kesehatan Kelas II Contoh",
    "Direktorat Jenderal P2P / BKK Kelas II Contoh",
    "Direktorat Jenderal P2P / balai kekarantinaan kesehatan kelas II Contoh, Kota Contoh",
])
def test_own_office_named(data, tmp_path, parent):
    data["identitas"]["Identitas"]["parent_unit"] = parent
    assert findings_for(tmp_path, data) == []


def test_misspelled_own_office_is_only_a_spelling_finding(data, tmp_path):
    data["identitas"]["Identitas"]["parent_unit"] = "Ditjen P2P / Balai Kekejarantinaan Kesehatan Kelas II Contoh"
    assert flat(findings_for(tmp_path, data)) == [("text.spelling", "Kekejarantinaan", "Identitas!B11")]


@pytest.mark.parametrize("location, found", [("6 wilker", True), ("6 w ilker", True), ("2 Wilker", False),
                                             ("Kota Contoh", False)])
def test_wilker_count(data, tmp_path, location, found):
    data["pendanaan"]["RO"][0]["location"] = location
    expected = [("text.wilker-count", "QAH.017", "RO!H2"), ("text.wilker-count", "QAH.017", "Wilker")]
    assert flat(findings_for(tmp_path, data)) == (expected if found else [])


def balai_besar(data: dict) -> dict:
    data["identitas"]["Identitas"].update(
        office_name="Balai Besar Kekarantinaan Kesehatan Tanjung Harapan", office_short="BBKK Tanjung Harapan",
        head_title="Kepala Balai Besar Kekarantinaan Kesehatan Tanjung Harapan")
    return data


@pytest.mark.parametrize("duty, mention", [
    ("membantu Balai Besar Kekarantinaan Kesehatan Teluk Biru", "Balai Besar Kekarantinaan Kesehatan Teluk Biru"),
    ("membantu BBKK Teluk Biru", "BBKK Teluk Biru"),
    ("sesuai tugas Kantor Kesehatan Pelabuhan Kelas I Teluk", "Kantor Kesehatan Pelabuhan Kelas I Teluk"),
])
def test_another_balai_besar_named(data, tmp_path, duty, mention):
    balai_besar(data)["identitas"]["Unit"][0]["duty"] = duty
    assert [(f.rule, f.subject) for f in findings_for(tmp_path, data)] == [("text.office-name", mention)]


@pytest.mark.parametrize("duty", ["melakukan administrasi BBKK Tanjung Harapan", "sesuai tugas kepala BBKK sesuai",
                                  "seperti Balai Besar Kekarantinaan Kesehatan lainnya"])
def test_a_balai_besar_naming_itself_or_its_kind(data, tmp_path, duty):
    balai_besar(data)["identitas"]["Unit"][0]["duty"] = duty
    assert findings_for(tmp_path, data) == []
