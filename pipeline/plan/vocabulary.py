"""The words every stage shares: months, staff statuses, position types and grades, satuan, unit kinds, editions,
an IKK's direction, quarters and funding sources.

One home, so the schema's drop-downs and Petunjuk sheets, the checks, the tables and the documents
read the same lists. The schema's columns name them as their choices (`Column.choices`); nothing
here knows a workbook or a document.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pipeline.plan.model import Office

MONTHS = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)
MONTH_SHORT = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")
# each month as a planner may type it: short name, full name, then the other spellings in use
MONTH_ALIASES = tuple(
    (short, full, *extra)
    for short, full, extra in zip(  # noqa: B905 - both tuples have 12 entries
        MONTH_SHORT,
        MONTHS,
        ((), (), (), (), (), ("juni",), ("juli",), ("agus", "agt", "ags"), ("sept",), (), ("nop", "nopember"), ()),
    )
)

STATUSES = ("ASN", "PPPK")
POSITION_TYPES = ("Struktural", "JFT", "JFU")
POSITION_TYPE_NAMES = {
    "Struktural": "Jabatan Struktural",
    "JFT": "Jabatan Fungsional Tertentu",
    "JFU": "Jabatan Fungsional Umum",
}
PNS_GRADES = (
    *(f"{rank}/{ruang}" for rank in ("I", "II", "III") for ruang in "abcd"),
    *(f"IV/{ruang}" for ruang in "abcde"),
)
PPPK_GRADES = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV",
               "XVI", "XVII")
GRADES = (*PNS_GRADES, *PPPK_GRADES)  # two scales: a PPPK of grade IV is not golongan IV

RO_UNITS = ("Orang", "Layanan", "Dokumen", "Laporan", "Unit", "Paket", "Kegiatan", "Bulan Layanan", "Sarana")
SCALE_UNITS = ("Indeks", "Persen")  # an IKK on a scale: 0-1, 0-100
IKK_UNITS = (*SCALE_UNITS, "Nilai", "Dokumen", "Laporan", "Kegiatan", "Layanan", "Orang", "Kali", "Unit")

STRUCTURAL_KINDS = ("Bagian", "Bidang", "Subbagian", "Seksi")  # drawn on the structural line of Bagan 1
UNIT_KINDS = (*STRUCTURAL_KINDS, "Instalasi", "Wilayah Kerja", "Kelompok Jabatan Fungsional")

HIGHER, LOWER = "Naik", "Turun"  # an IKK's direction (Arah): which way is better; empty means Naik
DIRECTIONS = (HIGHER, LOWER)
QUARTERS = ("I", "II", "III", "IV")  # Triwulan, as e-Performance and e-Monev name them
FUNDING_SOURCES = ("RM", "PNBP", "PHLN")

FIRST_EDITION = "Awal Tahun"
EDITIONS = (FIRST_EDITION, *(f"Revisi {n}" for n in range(1, 10)))  # the drop-down; any `Revisi N` is an edition
EDITION = re.compile(r"^(?:Awal Tahun|Revisi ([1-9][0-9]*))$")


def revision(edition: str) -> int | None:
    """The edition's revision number: 0 for `Awal Tahun`, N for `Revisi N`, None for no edition."""
    match = EDITION.match(" ".join(edition.split()).title())
    if match is None:
        return None
    return int(match.group(1)) if match.group(1) else 0


def is_revision(office: Office) -> bool:
    """Whether the office's edition is a `Revisi N` (not the first edition, nor an unknown one)."""
    return bool(revision(office.edition))
