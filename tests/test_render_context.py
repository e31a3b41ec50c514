"""build_context: plain values in Indonesian formats, every figure from tables.py."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from pipeline.document.context import build_context, edition_title, month_values, text, unit_sentence
from pipeline.findings import Location, error, warning
from pipeline.formatting import sign_date_text, target_text
from pipeline.inputs.normalise import load
from pipeline.plan.model import Head, Office, SignDate, Target
from tests.builders import mini_data, write_inputs

D = Decimal


def office(**changes) -> Office:
    fields = dict(name="Balai X", short_name="BKK X", address="", postcode="", phone="", fax="", year=2024,
                  edition="Awal Tahun", ministry="", parent_unit="", head=Head("N", "1", "T"), sign_place="X",
                  sign_date=SignDate(2024, 1))
    fields.update(changes)
    return Office(**fields)


@pytest.mark.parametrize("edition, title", [
    ("Awal Tahun", "RKT AWAL TAHUN 2024"),
    ("Revisi 1", "RKT REVISI 1 TAHUN 2024"),
    ("revisi  2", "RKT REVISI 2 TAHUN 2024"),
])
def test_edition_title(edition, title):
    assert edition_title(office(edition=edition)) == title


@pytest.mark.parametrize("name, duty, sentence", [
    ("Subbagian Administrasi Umum", "melakukan koordinasi penyusunan rencana",
     "Subbagian Administrasi Umum, mempunyai tugas melakukan koordinasi penyusunan rencana."),
    ("Instalasi", "unit pelayanan non struktural.", "Instalasi, merupakan unit pelayanan non struktural."),
    ("Instalasi", "merupakan unit pelayanan non struktural", "Instalasi, merupakan unit pelayanan non struktural."),
    ("Kelompok", "mempunyai tugas memberikan pelayanan", "Kelompok, mempunyai tugas memberikan pelayanan."),
    ("Wilayah Kerja", "", "Wilayah Kerja."),
])
def test_unit_sentence(name, duty, sentence):
    assert unit_sentence(name, duty) == sentence


@pytest.mark.parametrize("target, shown", [
    (Target(D("0.99")), "0,99"),
    (Target(D(97), percent=True), "97%"),
    (Target(D(87)), "87"),
    (Target(D(1170587)), "1.170.587"),
    (None, ""),
])
def test_target_text(target, shown):
    assert target_text(target) == shown


@pytest.mark.parametrize("date, shown", [
    (SignDate(2024, 1), "Januari 2024"),
    (SignDate(2024, 7, 2), "2 Juli 2024"),
    (SignDate(0, 0), ""),  # a date that could not be read
])
def test_sign_date_text(date, shown):
    assert sign_date_text(date) == shown


def test_month_values_keep_zero_and_mark_empty_months():
    assert month_values([D(0), None, D("1.5")] + [D(1)] * 9)[:3] == ["0", "-", "1,5"]
    assert month_values([D(97)] * 12, is_percent=True)[0] == "97%"


def test_text_drops_characters_invalid_in_xml():
    assert text("A\x07B\x0bC\tD") == "ABC\tD"


@pytest.fixture
def plan(tmp_path):
    return load(write_inputs(tmp_path / "in"))


def test_context_is_plain_values(plan):
    """The renderer's only input: JSON-serialisable, so no model object or Decimal leaks through."""
    context = build_context(plan)
    assert json.loads(json.dumps(context)) == context


def test_staff_figures(plan):
    staff = build_context(plan)["staff"]
    assert staff["total_phrase"] == "4 (empat) orang ASN"  # PNS and PPPK together
    assert staff["status_phrase"] == "3 orang PNS dan 1 orang PPPK"
    assert staff["words"] == {"pelaksana": "JFU"}  # the mini roster's word
    assert [p["count"] for p in staff["by_position"]] == ["1 orang", "2 orang", "1 orang"]
    (table,) = staff["unit_tables"]  # four work units fit the page in one part
    assert [{k: g[k] for k in ("label", "span", "first")} for g in table["groups"]] == [
        {"label": "TU", "span": 2, "first": True}, {"label": "PRL dan KLW", "span": 4, "first": True},
        {"label": "PKSE", "span": 2, "first": True}]
    assert [u["first"] for u in table["units"]] == [False, True, True, False]
    assert table["last"] and not table["continued"]
    assert staff["unit_legend"].startswith("TU = Tata Usaha; PRL = Pengendalian Risiko Lingkungan")


def test_money_in_thousands_and_pagu(plan):
    context = build_context(plan)
    assert context["pagu"] == "1.351.500"
    assert context["sources"]["total"] == {"rm": "1.230.000", "pnbp": "121.500", "phln": "-", "amount": "1.351.500"}
    heads = [r for r in context["ikk_table"]["rows"] if r["first"]]
    assert [(r["no"], r["target"], r["amount"]) for r in heads] == [("1", "0,99", "151.500"), ("2", "96%", "1.351.500")]


def test_sum_label_gets_its_own_row(tmp_path):
    data = mini_data()
    ikk2 = data["kinerja"]["IKK"][1]
    ikk2["sum_label"] = "Jumlah komponen"
    data["kinerja"]["Target Bulanan"].append(
        {"ikk": 2, "component": 1, "name": "Komponen", "absolute": None,
         **{f"m{i:02d}": D(i) for i in range(1, 13)}})
    rows = build_context(load(write_inputs(tmp_path / "in", data)))["target_annexes"][0]["rows"]
    own = [r for r in rows if r["ikk"].startswith("2.")]
    assert own[0]["months"][-1] == "96"
    after = rows[rows.index(own[0]) + 1:]
    assert after[0]["definition"] == "Jumlah komponen" and after[0]["months"][:3] == ["1", "2", "3"]
    assert after[1]["definition"] == "1. Komponen"


def test_jadwal_shows_an_ro_without_schedule_as_empty_months(tmp_path):
    data = mini_data()
    data["jadwal"]["Jadwal"] = [r for r in data["jadwal"]["Jadwal"] if r.get("code") != "EBA.994"]
    rows = build_context(load(write_inputs(tmp_path / "in", data)))["schedule"]["rows"]
    office_row = next(r for r in rows if r.get("code") == "EBA.994")
    assert office_row["months"] == ["-"] * 12 and office_row["amount"] == "-"


def test_findings_listed_only_in_a_draft(plan):
    found = [error("money.schedule-sum", "jadwal tidak sama", Location("jadwal.xlsx", "Jadwal", "C2")),
             warning("text.spelling", "ejaan", Location("identitas.xlsx"))]
    assert build_context(plan, found)["findings"] == []
    listed = build_context(plan, found, draft=True)["findings"]
    assert listed[0] == {"no": "1", "severity": "Galat", "rule": "money.schedule-sum", "message": "jadwal tidak sama",
                         "where": "jadwal.xlsx, sheet Jadwal, sel C2"}
    assert listed[1]["severity"] == "Peringatan"
