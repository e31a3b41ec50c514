"""The diff names every value that reaches the document, by sheet, key and column, in Bahasa Indonesia.

Inputs folders here; built documents and issued editions in test_reproducible.py and test_archive.py.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from pipeline.cli import cli
from pipeline.inputs import schema
from pipeline.inputs.normalise import load
from pipeline.review.diff import Side, diff, format_text, load_side
from tests.builders import mini_data, write_inputs

SHIPPED = Path(__file__).resolve().parent.parent / "inputs"


def _pairs(tmp_path, change):
    """The mini office, and a copy with `change` made; only the workbooks it changed are written again
    (a workbook saved twice differs in its save time)."""
    old = write_inputs(tmp_path / "old")
    data, base = mini_data(), mini_data()
    change(data)
    new = Path(shutil.copytree(old, tmp_path / "new"))
    write_inputs(new, {key: value for key, value in data.items() if value != base[key]})
    return old, new


def _flat(old, new, section=None):
    return [(c.section, c.key, c.field, c.old, c.new) for c in diff(load_side(old), load_side(new))
            if section is None or c.section == section]


def run_diff(*args):
    return CliRunner().invoke(cli, ["diff", *map(str, args)])


def test_identical_inputs_have_no_changes(tmp_path):
    old, new = _pairs(tmp_path, lambda d: None)
    assert _flat(old, new) == []
    result = run_diff(old, new)
    assert result.exit_code == 0 and "Tidak ada perubahan pada dokumen." in result.output


def test_moving_money_between_months_shows_exactly_those_two_cells(tmp_path):
    def move(d):
        for row in (d["jadwal"]["Jadwal"][0], d["jadwal"]["Jadwal"][-1]):
            row["m05"] -= 1_000
            row["m06"] += 1_000

    old, new = _pairs(tmp_path, move)
    assert _flat(old, new, "Jadwal") == [("Jadwal", "QAH.017", "Mei", "10.000", "9.000"),
                                         ("Jadwal", "QAH.017", "Jun", "10.000", "11.000")]
    assert ("Ringkasan", "", "Penarikan Mei", "110.000", "109.000") in _flat(old, new)
    result = run_diff(old, new)
    assert result.exit_code == 1
    assert "Jadwal: Kode RO QAH.017\n  Mei: 10.000 -> 9.000 (selisih -1.000)" in result.output


def test_added_and_removed_ro(tmp_path):
    def swap(d):
        ro = d["pendanaan"]["RO"][1]
        ro["code"], ro["name"] = "QAH.U15", "Layanan survei faktor risiko penyakit TB"
        for link in d["pendanaan"]["IKK-RO"]:
            if link["code"] == "QAH.U14":
                link["code"], link["name"] = "QAH.U15", None
        d["jadwal"]["Jadwal"][1].update(code="QAH.U15", name=None)

    old, new = _pairs(tmp_path, swap)
    ro = [(k, f, o is None, n is None) for s, k, f, o, n in _flat(old, new, "RO")]
    assert ro == [("QAH.U14", "", False, True), ("QAH.U15", "", True, False)]
    text = run_diff(old, new).output
    assert "RO: Kode RO QAH.U14\n  dihapus: Rincian Output: Layanan survei faktor risiko penyakit HIV AIDS" in text
    assert "ditambah: Rincian Output: Layanan survei faktor risiko penyakit TB" in text


def test_a_corrected_code_alone_is_one_change(tmp_path):
    def recode(d):
        for sheet in (d["pendanaan"]["RO"], d["pendanaan"]["IKK-RO"], d["jadwal"]["Jadwal"]):
            for row in sheet:
                if row.get("code") == "QAH.U14":
                    row["code"] = "QAH.U41"

    old, new = _pairs(tmp_path, recode)
    assert _flat(old, new, "RO") == [("RO", "QAH.U41", "kunci", "QAH.U14", "QAH.U41")]
    assert "RO: Kode RO QAH.U41\n  kunci: QAH.U14 -> QAH.U41" in run_diff(old, new).output


def test_a_staff_edit_that_the_document_does_not_print_changes_nothing(tmp_path):
    """Staff NIPs are not printed (only counts): the document, and so the diff, stay the same."""
    old, new = _pairs(tmp_path, lambda d: d["pegawai"]["Pegawai"][1].update(nip="198503122010012099"))
    assert _flat(old, new) == []


def test_a_staff_edit_that_moves_a_count_is_named(tmp_path):
    old, new = _pairs(tmp_path, lambda d: d["pegawai"]["Pegawai"][2].update(grade="III/a"))
    assert ("Pegawai", "199001012015031003", "Golongan", "II/d", "III/a") in _flat(old, new)


def test_every_text_a_reviewer_missed_before_is_named(tmp_path):
    """Identity, units, wilker, work units, programs, activities, definitions: all reach the document."""
    def edit(d):
        ident = d["identitas"]["Identitas"]
        ident.update(postcode="12399", phone="0741-999999", fax="0741-999998", ministry="Kementerian Kesehatan RI",
                     parent_unit="Direktorat Jenderal Penanggulangan Penyakit", sign_date="3 Januari 2024")
        d["identitas"]["Wilker"][1]["name"] = "Pelabuhan Baru"
        d["identitas"]["Unit"][0]["duty"] = "melakukan administrasi dan keuangan"
        d["identitas"]["Unit Kerja"][0]["name"] = "Tata Usaha Umum"
        d["identitas"]["Program"][1]["goal"] = "Meningkatnya koordinasi"
        d["identitas"]["Kegiatan"][0]["goal"] = "Meningkatnya pelayanan di pintu masuk"
        d["kinerja"]["IKK"][0]["definition"] = "Status deteksi dini"
        d["pendanaan"]["RO"][0]["pj"] = "PKSE"

    old, new = _pairs(tmp_path, edit)
    fields = {(s, k, f) for s, k, f, *_ in _flat(old, new)}
    for expected in [("Identitas", "", "Kode Pos"), ("Identitas", "", "Telepon"), ("Identitas", "", "Faks"),
                     ("Identitas", "", "Kementerian"), ("Identitas", "", "Unit Organisasi"),
                     ("Identitas", "", "Tanggal Penandatanganan"), ("Wilker", "Pelabuhan Baru", "kunci"),
                     ("Unit", "1", "Tugas"), ("Unit Kerja", "TU", "Nama"), ("Program", "2", "Sasaran Program"),
                     ("Kegiatan", "1", "Sasaran Kegiatan"), ("IKK", "1", "Definisi Operasional"),
                     ("RO", "QAH.017", "PJ")]:
        assert expected in fields
    text = run_diff(old, new).output
    assert "Identitas\n" in text and "  Kode Pos: 12345 -> 12399" in text
    assert "Tanggal Penandatanganan: Januari 2024 -> 3 Januari 2024" in text
    assert "address" not in text and "sign_place" not in text, "labels are the workbook's, in Bahasa Indonesia"


def test_a_value_that_does_not_reach_the_document_changes_nothing(tmp_path):
    old, new = _pairs(tmp_path, lambda d: d["pendanaan"]["IKK-RO"][0].update(name="Nama yang diketik ulang"))
    result = run_diff(old, new)
    assert result.exit_code == 0 and "Tidak ada perubahan pada dokumen." in result.output
    assert "Workbook berbeda: pendanaan.xlsx" in result.output


def test_a_change_of_the_template_prose_is_shown_as_text():
    values = {"values": {"Identitas": {"": {"Nama Kantor": "X"}}}, "sources": {}}
    old = Side(values, {"RKT": "# BAB I\n\nKalimat lama.\n", "PK": "Sama."})
    new = Side(values, {"RKT": "# BAB I\n\nKalimat baru.\n", "PK": "Sama."})
    changes = diff(old, new)
    assert [(c.section, c.key, c.old, c.new) for c in changes] == [
        ("Teks dokumen", "RKT", "Kalimat lama.", "Kalimat baru.")]
    assert "Teks dokumen RKT\n  - Kalimat lama.\n  + Kalimat baru." in format_text(changes, values, values)


def test_json_changes_are_data(tmp_path):
    old, new = _pairs(tmp_path, lambda d: d["pendanaan"]["RO"][0].update(pnbp=121_000))
    payload = json.loads(run_diff(old, new, "--format", "json").stdout)
    assert {"section": "RO", "key": "QAH.017", "field": "PNBP", "old": "120.000", "new": "121.000"} in payload


def test_unusable_side_exits_2(tmp_path):
    old = write_inputs(tmp_path / "old")
    assert run_diff(old, tmp_path / "nothing.docx").exit_code == 2


def test_rev_compares_committed_inputs_with_working_copy(committed_inputs, tmp_path, monkeypatch):
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    tempfile.tempdir = None  # read TMPDIR afresh
    data = mini_data()
    data["pendanaan"]["RO"][2]["next_volume"] = 13
    write_inputs(committed_inputs, {"pendanaan": data["pendanaan"]})  # the other workbooks keep their bytes
    result = CliRunner().invoke(cli, ["diff", "--rev", "HEAD", "inputs"])
    assert result.exit_code == 1, result.output
    assert "RO: Kode RO EBA.994\n  Volume Maju: 12 -> 13 (selisih +1)" in result.output
    assert "Input berbeda: pendanaan.xlsx" in result.output
    result = CliRunner().invoke(cli, ["diff", "--rev", "HEAD", "inputs", "--redline", str(tmp_path / "r.docx")])
    assert result.exit_code == 1 and (tmp_path / "r.docx").is_file()
    tempfile.tempdir = None
    assert list((tmp_path / "tmp").iterdir()) == [], "--rev cleans up after itself"


# --- complete by construction: any single-cell edit of the shipped inputs ------------------------------

def _cells() -> list[tuple[str, str, str, str]]:
    """(workbook, sheet, column key, type) of every column of the shipped workbooks' table and form sheets."""
    out = []
    for wb in schema.WORKBOOKS:
        for sheet in wb.sheets:
            columns = sheet.fields if isinstance(sheet, schema.FormSheet) else sheet.columns
            out += [(wb.filename, sheet.name, c.key, c.type) for c in columns]
    return out


@pytest.fixture(scope="module")
def shipped_side(tmp_path_factory):
    folder = tmp_path_factory.mktemp("shipped")
    shutil.copytree(SHIPPED, folder, dirs_exist_ok=True)
    return folder, load_side(folder), load(folder)


def _edited(value, kind: str):
    if kind in (schema.INT, schema.MONEY):
        return (value or 0) + 1
    if kind == schema.TARGET:
        return None if value is None else value + 1 if isinstance(value, int) else "7"
    if kind == schema.DATE:
        return "3 Februari 2024"
    return f"{value or ''} Baru".strip()


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(where=st.sampled_from(_cells()), pick=st.integers(min_value=0, max_value=10_000))
def test_any_single_cell_edit_that_changes_the_document_is_named(shipped_side, tmp_path_factory, where, pick):
    folder, before, plan = shipped_side
    workbook, sheet, key, kind = where
    records = {"Identitas": [plan.office]}.get(sheet) or [r for r in _records(plan, sheet) if key in r.cells]
    if not records or key in ("head_name", "head_nip", "head_title"):
        return
    record = records[pick % len(records)]
    if key not in record.cells:  # a field the shipped (older) workbook has no row for
        return
    loc = record.loc(key)
    if loc.sheet != sheet:
        return
    new = tmp_path_factory.mktemp("edit")
    shutil.copytree(folder, new, dirs_exist_ok=True)
    wb = load_workbook(new / workbook)
    cell = wb[sheet][loc.cell]
    cell.value = _edited(cell.value, kind)
    wb.save(new / workbook)
    try:
        after = load_side(new)
    except Exception as exc:  # noqa: BLE001 - an edit that makes the inputs unreadable is another test's
        assert type(exc).__name__ == "InputError"
        return
    changes = diff(before, after)
    if before.twins == after.twins:
        assert changes == []
        return
    header = next(c.header for c in _columns(sheet) if c.key == key)
    named = [c for c in changes if c.section == sheet and c.field in (header, "", "kunci")]
    assert named, (sheet, header, changes[:5])
    text = format_text(changes, before.snapshot, after.snapshot)
    assert all(c.field in ("", "kunci") or f"{header}: " in text for c in named)  # and `rkt diff` exits 1


def _columns(sheet: str):
    spec = next(s for wb in schema.WORKBOOKS for s in wb.sheets if s.name == sheet)
    return spec.fields if isinstance(spec, schema.FormSheet) else spec.columns


def _records(plan, sheet: str):
    from pipeline.review.snapshot import RECORDS

    return list(getattr(plan, RECORDS[sheet], ()))
