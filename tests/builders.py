"""A small, fully consistent office written as real workbooks, for tests to break on purpose.

`mini_data()` returns the workbook contents as plain dicts; a test changes what it needs
and calls `write_inputs(folder, data)`. Every figure agrees with every other, so
`rkt check` reports nothing on the unchanged data.
"""

from __future__ import annotations

import copy
from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook

from pipeline.inputs import schema
from pipeline.inputs.normalise import load
from pipeline.workbooks.xlsx import write_workbook

D = Decimal
HEAD_NIP = "197001152000031002"


def _months(*values):
    assert len(values) == 12
    return {f"m{i + 1:02d}": v for i, v in enumerate(values)}


SUPERIOR_NIP = "197001012000031001"  # the second party of the Perjanjian Kinerja

MINI = {
    "identitas": {
        "Identitas": {
            "office_name": "Balai Kekarantinaan Kesehatan Kelas II Contoh",
            "office_short": "BKK Kelas II Contoh",
            "address": "Jl. Pelabuhan No. 1, Kota Contoh",
            "postcode": "12345",
            "phone": "0741-000001",
            "fax": "0741-000002",
            "year": 2024,
            "edition": "Awal Tahun",
            "ministry": "Kementerian Kesehatan",
            "parent_unit": "Direktorat Jenderal Pencegahan dan Pengendalian Penyakit",
            "head_name": "Dr. Budi Santoso, SKM, MKM",
            "head_nip": HEAD_NIP,
            "head_title": "Kepala Balai Kekarantinaan Kesehatan Kelas II Contoh",
            "sign_place": "Contoh",
            "sign_date": "Januari 2024",
            "superior_name": "dr. Andi Wijaya, MPH",
            "superior_nip": SUPERIOR_NIP,
        },
        "Unit": [
            {"no": 1, "name": "Subbagian Administrasi Umum", "kind": "Subbagian", "duty": "melakukan administrasi"},
            {"no": 2, "name": "Instalasi", "kind": "Instalasi", "duty": "unit pelayanan non struktural"},
            {"no": 3, "name": "Wilayah Kerja", "kind": "Wilayah Kerja", "duty": "unit pelayanan di pintu masuk"},
            {"no": 4, "name": "Kelompok Jabatan Fungsional", "kind": "Kelompok Jabatan Fungsional",
             "duty": "memberikan pelayanan fungsional"},
        ],
        "Wilker": [
            {"no": 1, "name": "Bandara Contoh"},
            {"no": 2, "name": "Pelabuhan Contoh"},
        ],
        "Unit Kerja": [
            {"code": "TU", "name": "Tata Usaha", "group": None},
            {"code": "PRL", "name": "Pengendalian Risiko Lingkungan", "group": "PRL dan KLW"},
            {"code": "KLW", "name": "Kesehatan Lintas Wilayah", "group": "PRL dan KLW"},
            {"code": "PKSE", "name": "Pengendalian Karantina dan Surveilans Epidemiologi", "group": None},
        ],
        "PJ": [{"name": "Subbag Adum"}, {"name": "Substansi PRL&KLW"}, {"name": "PKSE"}],
        "Program": [
            {"program": "Pencegahan dan Pengendalian Penyakit", "goal": "Meningkatnya upaya pencegahan penyakit"},
            {"program": "Dukungan Manajemen", "goal": "Meningkatnya koordinasi pelaksanaan tugas"},
        ],
        "Kegiatan": [
            {"activity": "Dukungan Pelayanan Kekarantinaan di Pintu Masuk Negara dan Wilayah",
             "goal": "Meningkatnya pelayanan kekarantinaan di Pintu Masuk Negara dan Wilayah"},
        ],
    },
    "pegawai": {
        "Pegawai": [
            {"nip": HEAD_NIP, "name": "Dr. Budi Santoso, SKM, MKM", "status": "ASN", "position_type": "Struktural",
             "position": "Kepala Balai", "grade": "IV/b", "education": "S2 Kesehatan Masyarakat", "unit": "TU"},
            {"nip": "198503122010012001", "name": "Siti Aminah, SKM", "status": "ASN", "position_type": "JFT",
             "position": "Epidemiolog Kesehatan Ahli Muda", "grade": "III/c", "education": "S1 Kesehatan Masyarakat",
             "unit": "PKSE"},
            {"nip": "199001012015031003", "name": "Andi Wijaya, AMKL", "status": "ASN", "position_type": "JFT",
             "position": "Sanitarian Terampil", "grade": "II/d", "education": "D III Kesehatan Lingkungan",
             "unit": "PRL"},
            {"nip": "199505052023212004", "name": "Dewi Lestari, A.Md.Kep", "status": "PPPK", "position_type": "JFU",
             "position": "Pengadministrasi Umum", "grade": "VII", "education": "D III Kesehatan Lingkungan",
             "unit": "TU"},
        ],
        "Pendidikan": [
            {"no": 1, "name": "S2 Kesehatan Masyarakat"},
            {"no": 2, "name": "S1 Kesehatan Masyarakat"},
            {"no": 3, "name": "D III Kesehatan Lingkungan"},
        ],
    },
    "kinerja": {
        "Sasaran": [{"no": 1, "name": "Meningkatnya pelayanan kekarantinaan di Pintu Masuk Negara dan Wilayah"}],
        "IKK": [
            {"no": 1, "goal": 1, "name": "Indeks deteksi faktor risiko di pelabuhan/bandara/PLBDN",
             "definition": "Status kinerja deteksi dini faktor risiko", "target": D("0.99"), "unit": "Indeks",
             "absolute": D(30)},
            {"no": 2, "goal": 1, "name": "Persentase realisasi anggaran",
             "definition": "Anggaran yang direalisasikan", "target": D("0.96"), "_target_percent": True,
             "unit": "Persen"},
        ],
        "Target Bulanan": [
            {"ikk": 1, "component": 1, "name": "Orang yang diperiksa", "absolute": D(20),
             **_months(*(D(x) for x in (1, 3, 5, 6, 8, 10, 12, 14, 15, 17, 18, 20)))},
            {"ikk": 1, "component": 2, "name": "Alat angkut yang diperiksa", "absolute": D(10),
             **_months(None, None, *(D(x) for x in (1, 2, 3, 4, 5, 6, 7, 8, 9, 10)))},
            {"ikk": 2, "component": None, "name": None,
             **_months(*(D(x) for x in (5, 10, 15, 20, 30, 40, 45, 50, 60, 70, 80, 96)))},
        ],
    },
    "pendanaan": {
        "KRO": [
            {"code": "QAH", "name": "Pelayanan publik lainnya"},
            {"code": "EBA", "name": "Layanan Dukungan Manajemen Internal"},
        ],
        "RO": [
            {"code": "QAH.017", "name": "Layanan pemeriksaan orang, barang, alat angkut", "volume": 8,
             "unit": "Layanan", "rm": 0, "pnbp": 120_000, "phln": 0, "location": "2 wilker",
             "pj": "Substansi PRL&KLW, PKSE", "next_volume": 8, "next_amount": 130_000},
            {"code": "QAH.U14", "name": "Layanan survei faktor risiko penyakit HIV AIDS", "volume": 24,
             "unit": "Layanan", "rm": 30_000, "pnbp": 1_500, "phln": 0, "location": "2 wilker",
             "pj": "Substansi PRL&KLW", "next_volume": 24, "next_amount": 31_500},
            {"code": "EBA.994", "name": "Layanan Perkantoran", "volume": 12, "unit": "Layanan",
             "rm": 1_200_000, "pnbp": 0, "phln": 0, "location": None, "pj": "Subbag Adum",
             "next_volume": 12, "next_amount": 1_300_000},
            {"_total": True, "rm": 1_230_000, "pnbp": 121_500, "phln": 0, "next_amount": 1_461_500},
        ],
        "IKK-RO": [
            {"ikk": 1, "code": "QAH.017", "name": None},
            {"ikk": 1, "code": "QAH.U14", "name": "Layanan survei faktor risiko penyakit HIV AIDS"},
            {"ikk": 2, "code": "QAH.017", "name": None},
            {"ikk": 2, "code": "QAH.U14", "name": None},
            {"ikk": 2, "code": "EBA.994", "name": None},
        ],
    },
    "jadwal": {
        "Jadwal": [
            {"code": "QAH.017", "name": "Layanan pemeriksaan orang, barang, alat angkut",
             **_months(0, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 20_000)},
            {"code": "QAH.U14", "name": "Layanan survei faktor risiko penyakit HIV AIDS",
             **_months(0, 1_500, 10_000, 0, 0, 10_000, 0, 0, 10_000, 0, 0, 0)},
            {"code": "EBA.994", "name": "Layanan Perkantoran",
             **_months(*([100_000] * 12))},
            {"_total": True,
             **_months(100_000, 111_500, 120_000, 110_000, 110_000, 120_000, 110_000, 110_000, 120_000, 110_000,
                       110_000, 120_000)},
        ],
    },
}

# The mini office's realisation through June (realisasi.xlsx), consistent with its plan: every rule
# passes. IKK 2 misses its June target (38% of 40%) and the tim kinerja explains the second quarter.
MINI_REALISATION = {
    "Laporan": {"year": 2024, "note": "Contoh realisasi untuk pengujian"},
    "Realisasi IKK": [
        {"ikk": 1, "component": None, "name": None,
         **_months(*(D(x) for x in ("0.97", "0.98", "0.99", "0.99", "0.99", "0.99")), *[None] * 6)},
        {"ikk": 1, "component": 1, "name": "Orang yang diperiksa",
         **_months(*(D(x) for x in (1, 3, 5, 6, 8, 10)), *[None] * 6)},
        {"ikk": 1, "component": 2, "name": "Alat angkut yang diperiksa",
         **_months(*(D(x) for x in (0, 0, 1, 2, 3, 4)), *[None] * 6)},
        {"ikk": 2, "component": None, "name": None, "_months_percent": True,
         **_months(*(D(x) for x in ("0.04", "0.09", "0.15", "0.20", "0.28", "0.38")), *[None] * 6)},
    ],
    "Realisasi Anggaran": [
        {"code": "QAH.017", "name": "Layanan pemeriksaan orang, barang, alat angkut", "pagu": 120_000,
         **_months(0, 9_000, 10_000, 11_000, 10_000, 9_500, *[None] * 6)},
        {"code": "QAH.U14", "name": None, "source": "RM",
         **_months(0, 0, 9_000, 1_000, 0, 10_000, *[None] * 6)},
        {"code": "QAH.U14", "name": None, "source": "PNBP",
         **_months(0, 1_500, 0, 0, 0, 0, *[None] * 6)},
        {"code": "EBA.994", "name": "Layanan Perkantoran",
         **_months(95_000, 100_000, 102_000, 98_000, 100_000, 101_000, *[None] * 6)},
    ],
    "Volume RO": [
        {"code": "QAH.017", **_months(0, 1, 2, 3, 4, 4, *[None] * 6)},
        {"code": "QAH.U14", **_months(0, 2, 4, 6, 8, 12, *[None] * 6)},
        {"code": "EBA.994", **_months(1, 2, 3, 4, 5, 6, *[None] * 6)},
    ],
    "Penjelasan": [
        {"ikk": 2, "quarter": "II", "problems": "Dua paket pengadaan mundur ke Juli",
         "actions": "Jadwal lelang dipercepat; penarikan Juli ditambah"},
    ],
    "Tahun Lalu": [
        {"ikk": 1, "year": 2023, "target": D("0.98"), "realisation": D("0.97")},
        {"ikk": 2, "year": 2023, "target": D("0.95"), "_target_percent": True, "realisation": D("0.955"),
         "_realisation_percent": True},
    ],
}


def mini_realisation() -> dict:
    """A fresh deep copy of the mini office's realisation (`data["realisasi"]`), safe to change."""
    return copy.deepcopy(MINI_REALISATION)


SPECS = {wb.key: wb for wb in schema.ALL_WORKBOOKS}  # realisasi.xlsx only where `data` has it


def mini_data() -> dict:
    """A fresh deep copy of the mini office, safe to change."""
    return copy.deepcopy(MINI)


def write_inputs(folder: Path, data: dict | None = None) -> Path:
    """Write the five workbooks of `data` (default: the mini office) into `folder`."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    data = mini_data() if data is None else data
    for key, spec in SPECS.items():
        if key in data:
            write_workbook(folder / spec.filename, spec, data[key])
    return folder


def raw_inputs(data: dict | None = None) -> dict:
    """The raw workbooks `write_inputs` would write and `read_inputs` read back, made in memory.

    Cells sit where the workbook writer puts them (headers in row 1, a form's values in column
    B), with the values and number formats openpyxl returns, so a rule test can check a plan
    and name the exact cells without writing a single file (tests/test_builders.py keeps the
    two paths equal).
    """
    from openpyxl.utils import get_column_letter

    from pipeline.findings import Location
    from pipeline.inputs.read import RawCell, RawForm, RawRow, RawTable, RawWorkbook
    from pipeline.workbooks.xlsx import MONTH_KEYS, NUMBER_FORMATS, _cell_value, _percent_format

    data = mini_data() if data is None else data

    def cell(workbook, sheet, column, address, value, percent=False, label=""):
        value = _cell_value(value)
        fmt = "General"
        if column.type in NUMBER_FORMATS and value is not None and not isinstance(value, str):
            fmt = _percent_format(value) if percent else NUMBER_FORMATS[column.type]
        return RawCell(value, fmt, Location(workbook, sheet, address), label)

    raw = {}
    for key, spec in SPECS.items():
        if key not in data:
            continue
        sheets = {}
        for sheet in spec.sheets:
            content = data[key].get(sheet.name)
            if isinstance(sheet, schema.FormSheet):
                values = content or {}
                sheets[sheet.name] = RawForm(sheet, spec.filename, {
                    f.key: cell(spec.filename, sheet.name, f, f"B{r}", values.get(f.key), label=f.label)
                    for r, f in enumerate(sheet.fields, start=2)})
                continue
            if content is None and not sheet.required:
                continue
            rows, total = [], None
            for r, row in enumerate(content or [], start=2):
                cells = {}
                for i, col in enumerate(sheet.columns, start=1):
                    value = "Jumlah" if row.get("_total") and i == 1 else row.get(col.key)
                    percent = row.get(f"_{col.key}_percent") or (col.key in MONTH_KEYS and row.get("_months_percent"))
                    cells[col.key] = cell(spec.filename, sheet.name, col, f"{get_column_letter(i)}{r}", value,
                                          bool(percent), col.header)
                if row.get("_total"):
                    total = RawRow(r, cells)
                elif any(c.value is not None and str(c.value).strip() for c in cells.values()):
                    rows.append(RawRow(r, cells))
            sheets[sheet.name] = RawTable(sheet, spec.filename, 1, rows, total)
        raw[key] = RawWorkbook(spec, Path(spec.filename), "", sheets)
    return raw


def plan_of(data: dict | None = None):
    """The plan of `data` as `load(write_inputs(folder, data))` would give it, without files."""
    from pipeline.inputs.normalise import normalise

    return normalise(raw_inputs(data))


def fill_as_planner(before: Path, after: Path) -> None:
    """Type into `after` (a folder `rkt init` wrote from `before`) what a planner types: each RO's schedule
    spread evenly over the months, and the monthly targets of the year before again."""
    old, new = load(before), load(after)
    jadwal = load_workbook(after / "jadwal.xlsx")
    ws = jadwal["Jadwal"]
    for row in range(2, ws.max_row + 1):
        ro = new.ro(ws.cell(row, 1).value)
        for month in range(3, 15):
            ws.cell(row, month).value = ro.amount // 12 + (ro.amount % 12 if month == 14 else 0)
    jadwal.save(after / "jadwal.xlsx")
    kinerja = load_workbook(after / "kinerja.xlsx")
    ws = kinerja["Target Bulanan"]
    for row, target in zip(range(2, ws.max_row + 1), old.monthly, strict=True):
        for month, value in enumerate(target.months):
            cell = ws.cell(row, 5 + month)
            cell.value = None if value is None else (float(value / 100) if target.percent else int(value))
            cell.number_format = "0%" if target.percent else "General"
    kinerja.save(after / "kinerja.xlsx")
