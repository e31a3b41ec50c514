"""Blank workbooks: what a new office opens in Excel, and that filled in they pass `rkt check`."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from pipeline.checks import run_checks
from pipeline.cli import cli
from pipeline.findings import InputError
from pipeline.inputs import schema
from pipeline.inputs.normalise import load
from pipeline.inputs.read import read_inputs
from pipeline.workbooks import xlsx
from pipeline.workbooks.blank import WorkbooksExist, write_blank
from tests.builders import mini_data, mini_realisation, plan_of, write_inputs

SPECS = {wb.key: wb for wb in schema.WORKBOOKS}
ALL_SPECS = {wb.key: wb for wb in schema.ALL_WORKBOOKS}


@pytest.fixture(scope="module")
def blank(tmp_path_factory):
    """The six blank workbooks for 2025, written once for the read-only tests."""
    folder = tmp_path_factory.mktemp("blank")
    write_blank(folder, 2025)
    return folder


def validations_at(ws, cell):
    """Every data validation covering `cell`."""
    return [dv for dv in ws.data_validations.dataValidation if cell in dv.sqref]


def dropdown(wb, ws, cell):
    """The values of the drop-down list at `cell`, resolved from the Daftar sheet when referenced there."""
    (dv,) = [dv for dv in validations_at(ws, cell) if dv.type == "list"]
    formula = dv.formula1
    if formula.startswith('"'):
        return formula.strip('"').split(",")
    sheet, col, first, last = re.fullmatch(r"'?([^'!]+)'?!\$([A-Z]+)\$(\d+):\$[A-Z]+\$(\d+)", formula).groups()
    return [wb[sheet][f"{col}{r}"].value for r in range(int(first), int(last) + 1)]


def column_letter(sheet: schema.Sheet, key: str) -> str:
    return get_column_letter(next(i for i, c in enumerate(sheet.columns, start=1) if c.key == key))


def field_row(sheet: schema.FormSheet, key: str) -> int:
    return next(i for i, f in enumerate(sheet.fields, start=2) if f.key == key)


@pytest.mark.parametrize("spec", schema.ALL_WORKBOOKS, ids=lambda s: s.key)
def test_every_schema_sheet_follows_petunjuk_with_headers_and_frozen_pane(blank, spec):
    wb = load_workbook(blank / spec.filename)
    assert wb.sheetnames[0] == "Petunjuk"
    assert wb.active.title == "Petunjuk"
    assert [n for n in wb.sheetnames if n not in ("Petunjuk", "Daftar")] == [s.name for s in spec.sheets]
    for sheet in spec.sheets:
        ws = wb[sheet.name]
        assert ws.freeze_panes == "A2"
        if isinstance(sheet, schema.FormSheet):
            assert [ws.cell(r, 1).value for r in range(2, len(sheet.fields) + 2)] == [f.label for f in sheet.fields]
        else:
            assert [c.value for c in ws[1]] == [c.header for c in sheet.columns]
            assert ws.max_row == 1, "a blank table sheet has no data rows"
            assert all(c.font.bold for c in ws[1])


@pytest.mark.parametrize("spec", schema.ALL_WORKBOOKS, ids=lambda s: s.key)
def test_every_header_has_an_input_message_excel_can_show(blank, spec):
    wb = load_workbook(blank / spec.filename)
    for sheet in spec.sheets:
        ws = wb[sheet.name]
        cells = ([f"B{r}" for r in range(2, len(sheet.fields) + 2)] if isinstance(sheet, schema.FormSheet)
                 else [f"{get_column_letter(i)}1" for i in range(1, len(sheet.columns) + 1)])
        for cell in cells:
            prompts = [dv for dv in validations_at(ws, cell) if dv.showInputMessage and dv.prompt]
            assert len(prompts) == 1, (sheet.name, cell)
            assert len(prompts[0].prompt) <= 255 and len(prompts[0].promptTitle) <= 32
        for dv in ws.data_validations.dataValidation:
            assert len(dv.error or "") <= 255


def test_status_column_offers_pns_pppk_and_pppk_paruh_waktu_only(blank):
    wb = load_workbook(blank / "pegawai.xlsx")
    ws = wb["Pegawai"]
    letter = column_letter(SPECS["pegawai"].sheet("Pegawai"), "status")
    (dv,) = [dv for dv in validations_at(ws, f"{letter}2") if dv.type == "list"]
    assert dv.formula1 == '"PNS,PPPK,PPPK Paruh Waktu"'
    assert dv.showErrorMessage and dv.errorStyle in (None, "stop")
    assert f"{letter}2000" in dv.sqref


@pytest.mark.parametrize(("workbook", "sheet", "key", "expected", "style"), [
    ("pegawai", "Pegawai", "position_type", ["Struktural", "JFT", "Pelaksana"], "stop"),
    ("kinerja", "IKK", "scale", ["0-1", "1-5", "0-100"], "warning"),
    ("pendanaan", "RO", "unit", ["Orang", "Layanan", "Dokumen", "Laporan", "Unit", "Paket", "Kegiatan",
                                  "Bulan Layanan", "Sarana"], "warning"),
    ("kinerja", "IKK", "unit", ["Indeks", "Persen", "Nilai", "Dokumen", "Laporan", "Kegiatan", "Layanan", "Orang",
                                "Kali", "Unit"], "stop"),
    ("identitas", "Unit", "kind", ["Bagian", "Bidang", "Subbagian", "Seksi", "Instalasi", "Wilayah Kerja",
                                   "Kelompok Jabatan Fungsional"], "warning"),
])
def test_controlled_columns_have_their_drop_down(blank, workbook, sheet, key, expected, style):
    """A value the check only warns about is accepted by Excel after a warning, never blocked."""
    wb = load_workbook(blank / SPECS[workbook].filename)
    cell = f"{column_letter(SPECS[workbook].sheet(sheet), key)}2"
    assert dropdown(wb, wb[sheet], cell) == expected
    (dv,) = [dv for dv in validations_at(wb[sheet], cell) if dv.type == "list"]
    assert (dv.errorStyle or "stop") == style


def test_golongan_offers_every_pns_and_pppk_grade_within_excel_limits(blank):
    wb = load_workbook(blank / "pegawai.xlsx")
    ws = wb["Pegawai"]
    cell = f"{column_letter(SPECS['pegawai'].sheet('Pegawai'), 'grade')}2"
    values = dropdown(wb, ws, cell)
    assert values[:5] == ["I/a", "I/b", "I/c", "I/d", "II/a"] and "IV/e" in values and "IV/f" not in values
    assert [v for v in values if "/" not in v] == ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X",
                                                   "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII"]
    (dv,) = [dv for dv in validations_at(ws, cell) if dv.type == "list"]
    assert len(dv.formula1) <= 257  # 255 characters between the quotes, or a short range reference


def test_edition_is_a_drop_down_on_the_identity_form(blank):
    wb = load_workbook(blank / "identitas.xlsx")
    row = field_row(SPECS["identitas"].sheet("Identitas"), "edition")
    assert dropdown(wb, wb["Identitas"], f"B{row}") == ["Awal Tahun", *(f"Revisi {n}" for n in range(1, 10))]
    (dv,) = [dv for dv in validations_at(wb["Identitas"], f"B{row}") if dv.type == "list"]
    assert dv.errorStyle == "warning", "Revisi 12 is an edition too"


VALUE_RULES = {"edition": "identity.edition", "kind": None, "status": "staff.status",
               "position_type": "staff.position-type", "grade": "staff.grade",
               "unit": ("codes.ro-unit", "targets.unit"), "direction": "realisation.direction", "quarter": None,
               "source": "realisation.source", "head_acting": "identity.acting",
               "superior_acting": "identity.acting", "scale": "targets.scale"}


@pytest.mark.parametrize("choice", sorted(xlsx.CHOICES))
def test_every_drop_down_value_is_one_rkt_check_accepts(choice):
    """A value Excel offers is never one the rule on that column then rejects or warns about.

    A funding source is one of RM, PNBP, PHLN; whether it funds the row's RO is the RO's own
    business, so its case takes an RO funded by all three.
    """
    workbook, sheet, key = choice
    rules = VALUE_RULES[key]
    for value in xlsx.CHOICES[choice].values:
        data = mini_data()
        data["realisasi"] = mini_realisation()
        if key == "source":
            data["pendanaan"]["RO"][0].update(rm=1, phln=1)
            data["realisasi"]["Realisasi Anggaran"][0]["pagu"] = None
        target = data[workbook][sheet] if sheet in ("Identitas", "Laporan") else data[workbook][sheet][0]
        target[key] = value
        found = [f for f in run_checks(plan_of(data)) if rules is None or f.rule in rules]
        assert found == [] or rules is None and all(f.severity == "warning" for f in found), (value, found)


def test_kro_of_an_ro_code_is_checked_against_the_kro_sheet(blank):
    wb = load_workbook(blank / "pendanaan.xlsx")
    ro = SPECS["pendanaan"].sheet("RO")
    letter = column_letter(ro, "code")
    (dv,) = [dv for dv in validations_at(wb["RO"], f"{letter}2") if dv.type]
    assert dv.type == "custom"
    assert "'KRO'!$A$2:$A$2000" in dv.formula1 and f"LEFT({letter}2," in dv.formula1
    (link,) = [dv for dv in validations_at(wb["IKK-RO"], "B2") if dv.type]
    assert "'RO'!$A$2:$A$2000" in link.formula1


def test_education_drop_down_reads_the_pendidikan_sheet(blank):
    wb = load_workbook(blank / "pegawai.xlsx")
    letter = column_letter(SPECS["pegawai"].sheet("Pegawai"), "education")
    (dv,) = [dv for dv in validations_at(wb["Pegawai"], f"{letter}2") if dv.type]
    assert (dv.type, dv.formula1) == ("list", "'Pendidikan'!$B$2:$B$2000")


def test_pj_of_an_ro_has_an_input_message_instead_of_a_list(blank):
    wb = load_workbook(blank / "pendanaan.xlsx")
    letter = column_letter(SPECS["pendanaan"].sheet("RO"), "pj")
    (dv,) = validations_at(wb["RO"], f"{letter}2")
    assert dv.type is None and dv.showInputMessage
    assert "PJ" in dv.prompt and "koma" in dv.prompt


def test_untyped_cells_are_formatted_money_as_thousands_and_codes_as_text(blank):
    wb = load_workbook(blank / "pendanaan.xlsx")
    ro = SPECS["pendanaan"].sheet("RO")
    for key in ("rm", "pnbp", "phln", "next_amount"):
        assert wb["RO"].column_dimensions[column_letter(ro, key)].number_format == "#,##0"
    assert wb["RO"].column_dimensions[column_letter(ro, "code")].number_format == "@"
    peg = load_workbook(blank / "pegawai.xlsx")["Pegawai"]
    assert peg.column_dimensions["A"].number_format == "@", "an 18-digit NIP must stay text"
    form = load_workbook(blank / "identitas.xlsx")["Identitas"]
    assert form[f"B{field_row(SPECS['identitas'].sheet('Identitas'), 'head_nip')}"].number_format == "@"


@pytest.mark.parametrize("spec", schema.ALL_WORKBOOKS, ids=lambda s: s.key)
def test_petunjuk_explains_owner_every_sheet_and_column(blank, spec):
    ws = load_workbook(blank / spec.filename)["Petunjuk"]
    text = "\n".join(str(c.value) for row in ws.iter_rows() for c in row if c.value is not None)
    assert spec.owner in text and "RKT" in text and "2025" in text
    assert "'-' atau biarkan sel kosong" in text and "angka turunan" in text
    for sheet in spec.sheets:
        assert f"Sheet {sheet.name}" in text and sheet.purpose in text
        form = isinstance(sheet, schema.FormSheet)
        names = [f.label for f in sheet.fields] if form else [c.header for c in sheet.columns]
        first_column = {ws.cell(r, 1).value for r in range(1, ws.max_row + 1)}
        assert set(names) <= first_column
    if spec.key in ("pendanaan", "jadwal"):
        assert "ribu rupiah" in text


def test_unfilled_blank_is_read_and_only_asks_for_the_identity_fields(blank):
    raw, problems = read_inputs(blank)  # the Petunjuk sheet is skipped: sheets are found by name
    assert problems == [] and len(raw) == 5
    assert all(not t.rows for w in raw.values() for t in w.sheets.values() if hasattr(t, "rows"))
    with pytest.raises(InputError) as exc:
        load(blank)
    found = {(f.rule, f.locations[0].workbook, f.locations[0].sheet) for f in exc.value.findings}
    assert found == {("input.empty", "identitas.xlsx", "Identitas")}
    # Year, edition and signing date are filled in by --year, so they are not asked for.
    asked = {f.locations[0].cell for f in exc.value.findings}
    form = SPECS["identitas"].sheet("Identitas")
    assert not asked & {f"B{field_row(form, k)}" for k in ("year", "edition", "sign_date")}


def fill(folder, data):
    """Type `data` (builders.mini_data() shape) into the blank workbooks of `folder` like a planner would."""
    for key, spec in SPECS.items():
        path = folder / spec.filename
        wb = load_workbook(path)
        for sheet in spec.sheets:
            content = data[key].get(sheet.name)
            if content is None:
                continue
            ws = wb[sheet.name]
            if isinstance(sheet, schema.FormSheet):
                for f in sheet.fields:
                    ws.cell(field_row(sheet, f.key), 2).value = _typed(content.get(f.key), False)
                continue
            for row in content:
                values = [_typed(row.get(c.key), row.get(f"_{c.key}_percent")) for c in sheet.columns]
                if row.get("_total"):
                    values[0] = "Jumlah"
                ws.append(values)
        wb.save(path)


def _typed(value, percent):
    """A value as typed in a cell: percentages as text `96%`, decimals as numbers."""
    if isinstance(value, Decimal):
        if percent:
            return f"{(value * 100).normalize():f}%".replace(".", ",")
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def test_blank_filled_with_the_mini_office_passes_check(tmp_path):
    folder = tmp_path / "kantor"
    write_blank(folder, 2024)
    fill(folder, mini_data())
    result = CliRunner().invoke(cli, ["check", "--inputs", str(folder)])
    assert result.exit_code == 0, result.output
    assert "GALAT" not in result.output
    plan = load(folder)
    assert plan.office.head.nip == "197001152000031002"
    assert plan.indicators[1].target.value == 96 and plan.indicators[1].target.percent
    assert [r.code for r in plan.ros] == ["QAH.017", "QAH.U14", "EBA.994"]
    assert plan.total("jadwal.xlsx", "Jadwal") is not None


def test_filled_blank_keeps_its_drop_downs_after_saving(tmp_path):
    """openpyxl (and so a planner's tools) keeps validations and formats when re-saving."""
    write_blank(tmp_path, 2024)
    fill(tmp_path, mini_data())
    wb = load_workbook(tmp_path / "pegawai.xlsx")
    assert dropdown(wb, wb["Pegawai"], "C3") == ["PNS", "PPPK", "PPPK Paruh Waktu"]
    assert wb["Pegawai"].column_dimensions["A"].number_format == "@"


def test_long_or_comma_lists_go_to_a_hidden_daftar_sheet_the_reader_ignores(tmp_path):
    long_list = [f"Pendidikan contoh nomor {i} yang panjang" for i in range(12)]
    assert len(",".join(long_list)) > 255
    data = mini_data()
    data["pegawai"]["Pendidikan"] = [{"no": i + 1, "name": n} for i, n in enumerate(long_list)]
    for employee in data["pegawai"]["Pegawai"]:
        employee["education"] = long_list[0]
    write_inputs(tmp_path, data)
    spec = SPECS["pegawai"]
    xlsx.write_workbook(tmp_path / spec.filename, spec, data["pegawai"],
                        validations={"Pegawai": {"education": long_list, "name": ["Siti, SKM", "Budi"]}})
    wb = load_workbook(tmp_path / spec.filename)
    assert wb.sheetnames[-1] == "Daftar" and wb["Daftar"].sheet_state == "hidden"
    assert dropdown(wb, wb["Pegawai"], "G2") == long_list
    assert dropdown(wb, wb["Pegawai"], "B2") == ["Siti, SKM", "Budi"]
    assert load(tmp_path).educations[0].name == long_list[0]


def test_short_lists_stay_inline_and_default_workbooks_have_no_guide(tmp_path):
    spec = SPECS["pegawai"]
    xlsx.write_workbook(tmp_path / "p.xlsx", spec, {}, validations={"Pegawai": {"status": ["ASN", "PPPK"]}})
    wb = load_workbook(tmp_path / "p.xlsx")
    assert wb.sheetnames == ["Pegawai", "Pendidikan"]
    assert dropdown(wb, wb["Pegawai"], "C2") == ["ASN", "PPPK"]


def test_blank_refuses_to_overwrite_workbooks_unless_forced(tmp_path):
    write_blank(tmp_path)
    (tmp_path / "pegawai.xlsx").write_bytes(b"planner's work")
    with pytest.raises(WorkbooksExist) as exc:
        write_blank(tmp_path)
    assert "identitas.xlsx" in str(exc.value) and "--force" in str(exc.value)
    assert (tmp_path / "pegawai.xlsx").read_bytes() == b"planner's work"
    write_blank(tmp_path, force=True)
    assert load_workbook(tmp_path / "pegawai.xlsx").sheetnames[0] == "Petunjuk"


def test_blank_without_year_leaves_the_identity_form_empty(tmp_path):
    write_blank(tmp_path)
    ws = load_workbook(tmp_path / "identitas.xlsx")["Identitas"]
    assert all(ws.cell(r, 2).value is None for r in range(2, ws.max_row + 1))


def test_cli_blank_writes_six_workbooks_and_refuses_a_second_time(tmp_path):
    runner = CliRunner()
    first = runner.invoke(cli, ["blank", str(tmp_path / "baru"), "--year", "2025"])
    assert first.exit_code == 0, first.output
    assert sorted(p.name for p in (tmp_path / "baru").iterdir()) == sorted(s.filename for s in schema.ALL_WORKBOOKS)
    assert len(first.stdout.splitlines()) == 6
    second = runner.invoke(cli, ["blank", str(tmp_path / "baru")])
    assert second.exit_code == 2
    assert second.stdout == "" and len(second.stderr.strip().splitlines()) == 1


def test_cli_blank_help_has_an_example():
    result = CliRunner().invoke(cli, ["blank", "--help"])
    assert result.exit_code == 0 and "Contoh:" in result.output and "rkt blank " in result.output


def test_blank_realisation_holds_its_year_and_reads_as_empty(tmp_path):
    write_blank(tmp_path, 2024)
    fill(tmp_path, mini_data())
    plan = load(tmp_path, realisation=True)
    assert (plan.realisation.year, plan.realisation.ikk, plan.realisation.budget) == (2024, (), ())
    wb = load_workbook(tmp_path / "realisasi.xlsx")
    spec = ALL_SPECS["realisasi"]
    assert dropdown(wb, wb["Penjelasan"], f"{column_letter(spec.sheet('Penjelasan'), 'quarter')}2") == [
        "I", "II", "III", "IV"]
    assert dropdown(wb, wb["Realisasi Anggaran"], f"{column_letter(spec.sheet('Realisasi Anggaran'), 'source')}2") \
        == ["RM", "PNBP", "PHLN"]
    text = "\n".join(str(c.value) for row in wb["Petunjuk"].iter_rows() for c in row if c.value is not None)
    assert "opsional" in text and "rkt capaian" in text and "rkt build tidak membacanya" in text
