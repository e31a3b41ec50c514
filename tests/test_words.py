"""The words of today's civil service: PNS, PPPK and PPPK Paruh Waktu, Pelaksana, IKK scales, Plt./Plh.

Workbooks of earlier versions (ASN for PNS, JFU for Pelaksana, no Skala, no Plt./Plh.) still read and
print as before; an office of 2026 in today's words (tests/offices.py `civil_service_2026`) is built and
read back as a person reads it (tests/test_offices.py lays out its PDF).
"""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from pipeline.build import build
from pipeline.cli import cli
from pipeline.document.twin import docx_to_markdown
from pipeline.plan import tables
from pipeline.plan.vocabulary import position_word, status_of
from pipeline.review.snapshot import snapshot, upgrade
from tests.builders import plan_of, write_inputs
from tests.checks_support import findings_for, flat
from tests.docx_reading import body_text, find_table, open_docx, row_with, table_rows
from tests.offices import civil_service_2026, realisation, small_kelas_ii
from tests.test_charts import chart_series, label_problems, parts

SITI, PPPK = "198503122010012001", "199505052023212004"  # mini roster rows 3 (ASN, JFT) and 5 (PPPK)
HEAD = "Plt. Kepala Balai Kekarantinaan Kesehatan Kelas I Selat Biru"
SUPERIOR = "Plh. Direktur Jenderal Penanggulangan Penyakit"


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


# --- an office of 2026 in today's words, built and read back ------------------------------------------------

@pytest.fixture(scope="module")
def office_2026(tmp_path_factory):
    folder = tmp_path_factory.mktemp("asn-2026")
    result = build(write_inputs(folder / "inputs", civil_service_2026()), folder / "output")
    assert result.path is not None and [f for f in result.findings if f.severity == "error"] == []
    return result.path.read_bytes(), result.agreement.read_bytes()


def test_the_2026_office_checks_clean():
    assert findings_for(None, civil_service_2026()) == []


def test_the_headcount_sentence_calls_pns_and_pppk_together_asn(office_2026):
    text = body_text(open_docx(office_2026[0]))
    assert ("sebanyak 262 (dua ratus enam puluh dua) orang ASN terdiri dari 180 orang PNS, 64 orang PPPK, dan "
            "18 orang PPPK Paruh Waktu, dengan rincian") in text
    assert re.search(r"Jabatan Pelaksana\s*:\s*70 orang", text)
    assert "JFU" not in text and "Fungsional Umum" not in text


def test_tabel_1_keeps_pppk_paruh_waktu_in_rows_of_their_own(office_2026):
    doc = open_docx(office_2026[0])
    table = find_table(doc, "Golongan")
    rows = {r[0]: r for r in table_rows(table)}
    assert rows["V (PPPK)"][-1] == "11" and rows["V (PPPK Paruh Waktu)"][-1] == "6"
    paruh_waktu = sum(int(r[-1]) for label, r in rows.items() if label.endswith("(PPPK Paruh Waktu)"))
    pppk = sum(int(r[-1]) for label, r in rows.items() if label.endswith("(PPPK)"))
    assert (pppk, paruh_waktu) == (64, 18)
    assert table_rows(table)[-1][-1] == "262"


def test_tabel_2_and_3_head_the_pelaksana_column_with_the_rosters_word(office_2026):
    doc = open_docx(office_2026[0])
    tabel_2 = find_table(doc, "No", "Kualifikasi Pendidikan", "Pelaksana", "JFT", "Struktural", "Jumlah")
    assert table_rows(tabel_2)[-1][-4:] == ["70", "190", "2", "262"]
    headers = [table_rows(t)[2] for t in doc.tables if len(table_rows(t)) > 2 and "TU" in table_rows(t)[0]]
    assert headers and all("Pelaksana" in h and "JFU" not in h for h in headers)


def test_grafik_1_and_2_chart_pelaksana_and_pppk_paruh_waktu(office_2026):
    grafik_1 = chart_series(office_2026[0], 1)["Jumlah pegawai"]
    assert grafik_1 == (["Struktural", "JFT", "Pelaksana"], [2, 190, 70])
    grafik_2 = chart_series(office_2026[0], 2)
    categories, values = grafik_2["PPPK Paruh Waktu"]
    assert sum(values) == 18 and sum(grafik_2["PPPK"][1]) == 64
    assert dict(zip(categories, values, strict=True))["V (PPPK Paruh Waktu)"] == 6


def test_grafik_2_and_4_labels_break_only_between_words_and_the_twin_keeps_them_whole(office_2026):
    """Issue 24: LibreOffice broke `(PPPK` over `)` where a label was wider than its category's share."""
    files = parts(office_2026[0])
    assert [label_problems(files[f"word/charts/chart{n}.xml"]) for n in (2, 4)] == [[], []]
    assert "\n" in files["word/charts/chart2.xml"].decode()
    assert "IV (PPPK) 13, V (PPPK) 11" in docx_to_markdown(office_2026[0])


def test_tabel_4_and_the_pk_show_the_scale_of_an_index(office_2026):
    rkt, pk = (open_docx(d) for d in office_2026)
    spip = "Indeks maturitas Sistem Pengendalian Intern Pemerintah (SPIP)"
    tabel_4 = find_table(rkt, "No", "Rincian Output", "Indikator Kinerja Kegiatan")
    assert row_with(tabel_4, spip)[3] == "3,25 (skala 1-5)"
    assert row_with(find_table(pk, "No", "Sasaran", "Indikator Kinerja", "Target"), spip)[-1] == "3,25 (skala 1-5)"


def test_every_signature_names_the_acting_officials(office_2026):
    rkt, pk = (open_docx(d) for d in office_2026)
    signatures = [t for t in rkt.tables if "NIP " in " ".join(c for r in table_rows(t) for c in r)]
    assert len(signatures) >= 3  # the Kata Pengantar and every lampiran
    for table in signatures:
        lines = [line for r in table_rows(table) for c in r for line in c.splitlines()]
        assert HEAD in lines, lines
    assert "Kepala Balai Kekarantinaan Kesehatan Kelas I Selat Biru" not in [
        line for t in signatures for r in table_rows(t) for c in r for line in c.splitlines() if HEAD not in line]
    pk_signatures = [table_rows(t) for t in pk.tables if any(r[:1] == ["Pihak Kedua,"] for r in table_rows(t))]
    assert len(pk_signatures) == 2
    for rows in pk_signatures:
        assert [SUPERIOR, HEAD] in rows
    parties = [table_rows(t) for t in pk.tables if table_rows(t)[-1][:1] == ["Jabatan"]]
    assert [p[-1][-1] for p in parties] == [HEAD, SUPERIOR]


def test_a_fixture_office_in_the_words_of_earlier_versions_still_prints_jfu():
    plan = plan_of(small_kelas_ii())
    assert tables.position_word(plan) == "JFU"
    assert {e.status for e in plan.staff} == {"PNS", "PPPK"}


def test_rkt_check_asks_for_the_texts_of_a_period_rkt_cannot_know(tmp_path):
    data = civil_service_2026()
    data["identitas"]["Identitas"].update(vision="", renstra_regulation="")
    result = CliRunner().invoke(cli, ["check", "--inputs", str(write_inputs(tmp_path / "2026", data))])
    asked = [line for line in result.output.splitlines() if "[identity.national-text]" in line]
    assert result.exit_code == 0 and len(asked) == 2
    assert any("Visi Presiden periode 2025-2029" in line for line in asked)
    assert any("Peraturan Renstra periode 2025-2029" in line for line in asked)
    typed = CliRunner().invoke(cli, ["check", "--inputs", str(write_inputs(tmp_path / "typed", civil_service_2026()))])
    assert typed.exit_code == 0 and "identity.national-text" not in typed.output


def test_the_lakin_prints_the_scale_beside_the_target_as_the_pk_does(tmp_path):
    data = civil_service_2026()
    data["realisasi"] = realisation(plan_of(data), 6, "asn-2026-realisasi")
    folder = write_inputs(tmp_path / "inputs", data)
    result = CliRunner().invoke(cli, ["lakin", "--inputs", str(folder), "--output", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    (lakin,) = (tmp_path / "out").glob("*.docx")
    rows = table_rows(find_table(open_docx(lakin), "No", "Indikator Kinerja", "Target PK"))
    spip = "Indeks maturitas Sistem Pengendalian Intern Pemerintah (SPIP)"
    assert [r[2] for r in rows if r[1] == spip] == ["3,25 (skala 1-5)"]
