"""Any office, any year: texts bound to the period and parent unit, categories of other offices, widths
measured from the data. Unit tests on in-memory plans; tests/test_offices.py builds whole documents."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from openpyxl import load_workbook

from pipeline.document import layout
from pipeline.document.columns import STYLES
from pipeline.document.context import build_context
from pipeline.plan import tables
from pipeline.plan.texts import leader_title, parse_period, period_of, texts
from pipeline.workbooks.next_year import init_year
from tests.builders import mini_data, plan_of, write_inputs


def office(**fields) -> dict:
    data = mini_data()
    data["identitas"]["Identitas"].update(fields)
    return data


# --- texts bound to the period and the parent unit --------------------------------------------------

@pytest.mark.parametrize("year, period", [(2020, (2020, 2024)), (2024, (2020, 2024)), (2025, (2025, 2029)),
                                          (2029, (2025, 2029)), (2031, (2030, 2034))])
def test_the_period_of_a_year(year, period):
    assert period_of(year) == period


def test_periods_as_typed():
    assert parse_period("2025 - 2029") == (2025, 2029) and parse_period("2025–2029") == (2025, 2029)
    assert parse_period("lima tahun") is None


@pytest.mark.parametrize("unit, title", [
    ("Direktorat Jenderal Penanggulangan Penyakit", "Direktur Jenderal Penanggulangan Penyakit"),
    ("Badan Kebijakan Pembangunan Kesehatan", "Kepala Badan Kebijakan Pembangunan Kesehatan"),
    ("Sekretariat Jenderal", "Sekretaris Jenderal"),
])
def test_the_leader_of_a_parent_unit(unit, title):
    assert leader_title(unit) == title


def test_a_2026_office_gets_its_own_period_and_no_text_of_2020_2024():
    data = office(year=2026, sign_date="Januari 2026", parent_unit="Direktorat Jenderal Penanggulangan Penyakit")
    t = texts(plan_of(data))
    assert t.period == "2025-2029" and t.vision == ""
    assert "2020" not in " ".join(t.legal_basis) and "2025-2029" in t.renstra_regulation
    assert t.superior_title == "Direktur Jenderal Penanggulangan Penyakit"
    ctx = build_context(plan_of(data))["texts"]
    assert ctx["period"] == "2025-2029" and ctx["superior"] == "Direktur Jenderal Penanggulangan Penyakit"
    assert {"period", "vision", "renstra_regulation", "legal_basis"} <= set(t.defaults)


def test_typed_texts_win_and_the_dasar_hukum_sheet_is_the_legal_basis():
    data = office(period="2025-2029", vision="Visi yang diketik", parent_unit_short="Ditjen P2P", year=2025,
                  sign_date="Januari 2025")
    data["identitas"]["Dasar Hukum"] = [{"no": 2, "text": "Peraturan kedua"}, {"no": 1, "text": "Peraturan pertama"}]
    ctx = build_context(plan_of(data))
    assert ctx["texts"]["vision"] == "Visi yang diketik"
    assert ctx["texts"]["legal_basis"] == "Peraturan pertama dan Peraturan kedua"
    assert ctx["texts"]["superior"] == "Direktur Jenderal Pencegahan dan Pengendalian Penyakit (P2P)"
    assert ctx["texts"]["program"] == "Program Pencegahan dan Pengendalian Penyakit (P2P)"
    assert ctx["texts"]["goals"].startswith("(1) meningkatnya pelayanan kekarantinaan")


def test_init_lists_the_year_bound_texts_and_keeps_percent_formats(tmp_path):
    data = office(period="2020-2024", vision="Visi lama")
    series = data["kinerja"]["Target Bulanan"][2]  # IKK 2 (Persen), typed as percentages
    for m in range(1, 13):
        series[f"m{m:02d}"] = series[f"m{m:02d}"] / 100
        series[f"_m{m:02d}_percent"] = True
    result = init_year(write_inputs(tmp_path / "2024", data), tmp_path / "2025", 2025)
    todo = {t.kind: t.message for t in result.todo}
    assert "periode 2025-2029" in todo["year-texts"] and "tidak disalin" in todo["year-texts"]
    form = load_workbook(tmp_path / "2025" / "identitas.xlsx")["Identitas"]
    ident = {r[0].value: r[1].value for r in form.iter_rows()}
    assert ident["Periode Renstra"] is None and ident["Visi Presiden"] is None  # the new period's defaults
    monthly = load_workbook(tmp_path / "2025" / "kinerja.xlsx")["Target Bulanan"]
    ikk2 = next(row for row in monthly.iter_rows(min_row=2) if row[0].value == 2)
    assert ikk2[4].value is None and ikk2[4].number_format == "0%"  # a pasted 0,97 reads as 97%


# --- categories of other offices --------------------------------------------------------------------

def test_pppk_grades_are_a_scale_of_their_own_in_tabel_1_and_grafik_2():
    data = mini_data()
    data["pegawai"]["Pegawai"][3]["grade"] = "IV"  # a PPPK of grade IV is not golongan IV
    data["pegawai"]["Pegawai"][1]["grade"] = "IV/a"
    plan = plan_of(data)
    tab = tables.staff_by_grade(plan)
    assert tab.rows == ("IV", "II", "PPPK IV") and tab.get("IV", "A") == 1 and tab.get("PPPK IV", "") == 1
    ctx = build_context(plan)
    assert [r["label"] for r in ctx["staff"]["grade_table"]["rows"]] == ["IV", "II", "IV (PPPK)"]
    series = {s["name"]: s["values"] for s in ctx["charts"]["grafik_2"]["series"]}
    assert series["PPPK"] == [0, 0, 1] and series["Ruang A"] == [1, 0, 0]


def test_structural_units_of_a_balai_besar_go_on_the_structural_line():
    data = mini_data()
    data["identitas"]["Unit"] = [
        {"no": 1, "name": "Bagian Umum", "kind": "Bagian", "duty": "melakukan administrasi"},
        {"no": 2, "name": "Bidang Kekarantinaan", "kind": "Bidang", "duty": "melakukan kekarantinaan"},
        {"no": 3, "name": "Bidang Pengendalian Risiko", "kind": "Bidang", "duty": "melakukan pengendalian"},
        {"no": 4, "name": "Instalasi", "kind": "Instalasi", "duty": "unit pelayanan"},
    ]
    bagan = build_context(plan_of(data))["bagan"]
    assert [b["name"] for b in bagan["side"]] == ["Bagian Umum", "Bidang Kekarantinaan", "Bidang Pengendalian Risiko"]
    assert [b["name"] for b in bagan["units"]] == ["Instalasi"]


def test_targets_print_with_the_decimals_typed():
    data = mini_data()
    data["kinerja"]["IKK"][1].pop("_target_percent")
    data["kinerja"]["IKK"][1]["target"] = "95,50%"
    rows = build_context(plan_of(data))["ikk_table"]["rows"]
    assert next(r["target"] for r in rows if r["no"] == "2") == "95,50%"


# --- widths measured from the data --------------------------------------------------------------------

def test_a_column_that_may_not_wrap_is_as_wide_as_its_widest_figure():
    figures = ["1.240.458", "125.400.000"]
    widths = layout.fit([layout.Column(figures, "Alokasi"), layout.Column(["a b c d e f g"] * 3, wrap=True)],
                        10, 8.5)
    assert sum(widths) == round(10 * 567)
    assert widths[0] >= layout.text_width("125.400.000", 8.5) + 2 * 57


def test_columns_that_cannot_fit_say_so():
    assert layout.fit([layout.Column(["1.240.458.000"]) for _ in range(12)], 10, 8.5) is None


def test_text_breaks_after_a_slash_but_a_code_never_breaks():
    narrow = layout.fit([layout.Column(["pelabuhan/bandara/PLBDN"], wrap=True), layout.Column(["QAH.U07"])], 6, 8.5)
    assert narrow[1] >= layout.text_width("QAH.U07", 8.5)


def test_a_count_stays_on_one_line_with_the_word_it_counts():
    """Tabel 6 printed `6` over `wilker`: a column holding `6 wilker` is at least that wide, so it is one line."""
    widths = layout.fit([layout.Column(["6 wilker", ""], "Lokasi", wrap=True, share=0.01),
                         layout.Column(["Layanan pengendalian faktor risiko lingkungan " * 4], wrap=True)], 8, 8.5)
    assert widths[0] >= layout.text_width("6 wilker", 8.5) + 2 * 57
    assert layout.lines("6 wilker", widths[0] - 2 * 57, 8.5) == 1


def test_tabel_4_measures_an_ikk_without_ro_too():
    """Its one row (an empty KRO heading) prints its number, name, target and allocation like any other."""
    data = mini_data()
    data["kinerja"]["IKK"].append({"no": 3, "goal": 1, "name": "Jumlah dokumen", "definition": "",
                                   "target": D(1170587000), "unit": "Dokumen"})
    ctx = build_context(plan_of(data))
    assert [r["target"] for r in ctx["ikk_table"]["rows"] if r["no"] == "3"] == ["1.170.587.000"]
    fitted = ctx["layout"]["t4"]
    size = next(pt for pt, style in STYLES.items() if style == fitted["style"])
    assert fitted["w"][3] >= layout.text_width("1.170.587.000", size) + 2 * 57


def test_tabel_3_splits_when_its_work_units_do_not_fit_the_page():
    data = mini_data()
    data["identitas"]["Unit Kerja"] = [{"code": f"UNIT{i:02d}", "name": f"Unit Kerja {i}", "group": None}
                                       for i in range(12)]
    for i, e in enumerate(data["pegawai"]["Pegawai"]):
        e["unit"] = f"UNIT{i:02d}"
    parts = build_context(plan_of(data))["staff"]["unit_tables"]
    assert len(parts) > 1 and parts[-1]["last"] and not parts[0]["last"] and parts[1]["continued"]
    assert sum(len(p["units"]) for p in parts) == 12
    for part in parts:
        w = part["w"]
        assert w["no"] + w["name"] + sum(p["both"] for p in w["pairs"]) + w["structural"] + w["total"] == 8788
