"""The words every stage shares: months, staff statuses, position types and grades, satuan, unit kinds, editions,
an IKK's direction, quarters and funding sources.

One home, so the schema's drop-downs and Petunjuk sheets, the checks, the tables and the documents
read the same lists. The schema's columns name them as their choices (`Column.choices`); nothing
here knows a workbook or a document.
"""

from __future__ import annotations

import re
from decimal import Decimal
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

# ASN is PNS and PPPK together (UU 5/2014, UU 20/2023); PPPK Paruh Waktu are appointed from 2025.
PNS, PPPK, PPPK_PART_TIME = "PNS", "PPPK", "PPPK Paruh Waktu"
STATUSES = (PNS, PPPK, PPPK_PART_TIME)
PPPK_STATUSES = (PPPK, PPPK_PART_TIME)  # NI PPPK numbers and the PPPK grade scale I-XVII
STATUS_ALIASES = {"ASN": PNS}  # workbooks of earlier versions asked for "ASN" where they meant PNS

# Pelaksana (jabatan pelaksana, UU 5/2014) is what older records call JFU (jabatan fungsional umum): one category,
# printed with the word the office's roster uses (`position_word`).
STRUCTURAL, FUNCTIONAL, PELAKSANA = "Struktural", "JFT", "Pelaksana"
POSITION_TYPES = (STRUCTURAL, FUNCTIONAL, PELAKSANA)
POSITION_TYPE_ALIASES = {"JFU": PELAKSANA}
POSITION_TYPE_NAMES = {
    STRUCTURAL: "Jabatan Struktural",
    FUNCTIONAL: "Jabatan Fungsional Tertentu",
    PELAKSANA: "Jabatan Pelaksana",
    "JFU": "Jabatan Fungsional Umum",
}
PELAKSANA_WORD_UNTIL = 2024  # a roster without anyone in the category prints JFU up to this year, Pelaksana after
PNS_GRADES = (
    *(f"{rank}/{ruang}" for rank in ("I", "II", "III") for ruang in "abcd"),
    *(f"IV/{ruang}" for ruang in "abcde"),
)
PPPK_GRADES = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV",
               "XVI", "XVII")
GRADES = (*PNS_GRADES, *PPPK_GRADES)  # two scales: a PPPK of grade IV is not golongan IV


def canonical(value: str, choices: tuple[str, ...], aliases: dict[str, str]) -> str:
    """A typed controlled value as its one spelling (`asn` -> `PNS`, `jfu` -> `Pelaksana`); else as typed."""
    key = " ".join(value.split()).casefold()
    for choice in choices:
        if choice.casefold() == key:
            return choice
    return next((v for k, v in aliases.items() if k.casefold() == key), value)


def status_of(value: str) -> str:
    """A roster status as its one spelling: PNS, PPPK or PPPK Paruh Waktu (`ASN` of earlier versions is PNS)."""
    return canonical(value, STATUSES, STATUS_ALIASES)


def position_type_of(value: str) -> str:
    """A position type as its one spelling: Struktural, JFT or Pelaksana (`JFU` is Pelaksana)."""
    return canonical(value, POSITION_TYPES, POSITION_TYPE_ALIASES)


def position_word(typed: list[str] | tuple[str, ...], year: int) -> str:
    """The word printed for the Pelaksana category: the one most of the roster typed (JFU or Pelaksana).

    Nobody in the category (or a tie): JFU up to `PELAKSANA_WORD_UNTIL`, Pelaksana after.
    """
    words = [" ".join(t.split()).casefold() for t in typed]
    jfu, pelaksana = words.count("jfu"), words.count(PELAKSANA.casefold())
    if jfu != pelaksana:
        return "JFU" if jfu > pelaksana else PELAKSANA
    return "JFU" if year <= PELAKSANA_WORD_UNTIL else PELAKSANA


RO_UNITS = ("Orang", "Layanan", "Dokumen", "Laporan", "Unit", "Paket", "Kegiatan", "Bulan Layanan", "Sarana")
SCALE_UNITS = ("Indeks", "Persen")  # an IKK on a scale: 0-1, 0-100 unless its Skala says otherwise
DEFAULT_SCALES = {"Indeks": "0-1", "Persen": "0-100"}
SCALES = ("0-1", "1-5", "0-100")  # the drop-down of an IKK's Skala; any `low-high` is a scale
SCALE = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*[-\u2013]\s*(\d+(?:[.,]\d+)?)\s*$")
IKK_UNITS = (*SCALE_UNITS, "Nilai", "Dokumen", "Laporan", "Kegiatan", "Layanan", "Orang", "Kali", "Unit")

STRUCTURAL_KINDS = ("Bagian", "Bidang", "Subbagian", "Seksi")  # drawn on the structural line of Bagan 1
UNIT_KINDS = (*STRUCTURAL_KINDS, "Instalasi", "Wilayah Kerja", "Kelompok Jabatan Fungsional")

ACTING = ("Plt.", "Plh.")  # an acting official: pelaksana tugas, pelaksana harian; printed before the title


def acting_of(value: str) -> str:
    """`plt`, `PLT.`, `Plt` -> `Plt.`; empty stays empty; anything else as typed (the checks name it)."""
    key = value.strip().rstrip(".").casefold()
    return next((a for a in ACTING if a.rstrip(".").casefold() == key), value.strip())


HIGHER, LOWER = "Naik", "Turun"  # an IKK's direction (Arah): which way is better; empty means Naik
DIRECTIONS = (HIGHER, LOWER)
QUARTERS = ("I", "II", "III", "IV")  # Triwulan, as e-Performance and e-Monev name them
FUNDING_SOURCES = ("RM", "PNBP", "PHLN")

FIRST_EDITION = "Awal Tahun"
EDITIONS = (FIRST_EDITION, *(f"Revisi {n}" for n in range(1, 10)))  # the drop-down; any `Revisi N` is an edition
EDITION = re.compile(r"^(?:Awal Tahun|Revisi ([1-9][0-9]*))$")


def scale_bounds(scale: str) -> tuple[Decimal, Decimal] | None:
    """`1-5` -> (1, 5); `0,5-1` -> (0.5, 1); None for anything that is not a scale with low below high."""
    match = SCALE.match(scale or "")
    if match is None:
        return None
    low, high = (Decimal(g.replace(",", ".")) for g in match.groups())
    return (low, high) if low < high else None


def revision(edition: str) -> int | None:
    """The edition's revision number: 0 for `Awal Tahun`, N for `Revisi N`, None for no edition."""
    match = EDITION.match(" ".join(edition.split()).title())
    if match is None:
        return None
    return int(match.group(1)) if match.group(1) else 0


def is_revision(office: Office) -> bool:
    """Whether the office's edition is a `Revisi N` (not the first edition, nor an unknown one)."""
    return bool(revision(office.edition))
