"""The texts of an RKT that change with the parent unit and the strategic period, as one office's values.

A planner may type each in identitas.xlsx (optional fields, and the optional Dasar Hukum sheet);
what is left empty takes a default derived from the year or the parent unit, where one can be
derived honestly. Only the periods whose texts are known are filled in word for word (2020-2024:
the published edition's); for another period the default says what it can (the period itself)
and `rkt init` asks the planner to review it. Pure functions of a `model.Plan`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.plan.model import Plan

FIRST_PERIOD, PERIOD_YEARS = 2020, 5  # RPJMN and Renstra run 2020-2024, 2025-2029, ...

# What is known of a period, by its first year. 2020-2024 is the published edition's wording.
KNOWN = {
    2020: {
        "vision": "Terwujudnya Indonesia Maju yang Berdaulat, Mandiri, dan Berkepribadian Berlandaskan "
                  "Gotong-Royong",
        "renstra_regulation": "Peraturan Menteri Kesehatan Republik Indonesia Nomor 21 Tahun 2020 tentang Rencana "
                              "Strategis Kementerian Kesehatan Tahun 2020-2024",
    },
}
ORGANISATION_2023 = ("Peraturan Menteri Kesehatan Republik Indonesia Nomor 10 Tahun 2023 tentang Organisasi dan "
                     "Tata Kerja Unit Pelaksana Teknis Bidang Kekarantinaan Kesehatan")
STANDING_BASIS = (
    "Undang-Undang Nomor 25 Tahun 2004 tentang Sistem Perencanaan Pembangunan Nasional (SPPN)",
    "Peraturan Pemerintah Nomor 8 Tahun 2006 tentang Pelaporan Keuangan dan Kinerja Instansi Pemerintah",
    "Peraturan Menteri PAN dan Reformasi Birokrasi Republik Indonesia Nomor 53 Tahun 2014 tentang Petunjuk "
    "Teknis Perjanjian Kinerja",
    "Peraturan Menteri Negara Pemberdayaan Aparatur Negara dan Reformasi Birokrasi Nomor 29 Tahun 2010 tentang "
    "Pedoman Penyusunan Penetapan Kinerja dan Pelaporan Akuntabilitas Kinerja Instansi Pemerintah",
)
_LEADERS = (  # an eselon I unit and the title of who leads it
    (re.compile(r"^Direktorat Jenderal\b", re.I), "Direktur Jenderal"),
    (re.compile(r"^Sekretariat Jenderal\b", re.I), "Sekretaris Jenderal"),
    (re.compile(r"^Inspektorat Jenderal\b", re.I), "Inspektur Jenderal"),
    (re.compile(r"^Badan\b", re.I), "Kepala Badan"),
)


def period_of(year: int) -> tuple[int, int]:
    """The strategic period a year falls in: 2024 -> (2020, 2024), 2025 -> (2025, 2029)."""
    start = FIRST_PERIOD + PERIOD_YEARS * ((year - FIRST_PERIOD) // PERIOD_YEARS)
    return start, start + PERIOD_YEARS - 1


def parse_period(text: str) -> tuple[int, int] | None:
    """`2020-2024`, `2020 - 2024`, `2020–2024` -> (2020, 2024); None when it is no period."""
    match = re.fullmatch(r"\s*(\d{4})\s*[-\u2013\u2014]\s*(\d{4})\s*", text or "")
    return (int(match.group(1)), int(match.group(2))) if match else None


def leader_title(parent_unit: str) -> str:
    """`Direktorat Jenderal Pencegahan dan ...` -> `Direktur Jenderal Pencegahan dan ...`."""
    for pattern, title in _LEADERS:
        if pattern.match(parent_unit):
            return pattern.sub(title, parent_unit, count=1)
    return f"Pimpinan {parent_unit}" if parent_unit else ""


@dataclass(frozen=True)
class Texts:
    """Each year-bound text with where it came from: `typed` names the fields taken from the workbook."""

    period: str
    vision: str
    renstra_regulation: str
    organisation_regulation: str
    legal_basis: tuple[str, ...]
    parent_unit_short: str
    superior_title: str
    defaults: tuple[str, ...]  # the fields that took a default (for `rkt init` and reviewers)
    # The national texts that took a default rkt does not know word for word for the period (an empty
    # vision, a Renstra without its regulation): not facts, so `rkt check` warns and `--final` refuses.
    guessed: tuple[str, ...] = ()


def texts(plan: Plan) -> Texts:
    """The year-bound texts of `plan`, typed or derived."""
    office = plan.office
    defaults: list[str] = []

    def pick(key: str, default: str) -> str:
        value = getattr(office, key)
        if not value:
            defaults.append(key)
        return value or default

    start, end = period_of(office.year)
    known = parse_period(office.period) or (start, end)
    period = pick("period", f"{start}-{end}")
    facts = KNOWN.get(known[0], {})
    organisation = pick("organisation_regulation", ORGANISATION_2023 if office.year >= 2024 else "")
    renstra = pick("renstra_regulation", facts.get("renstra_regulation", "")
                   or f"Rencana Strategis Kementerian Kesehatan Tahun {period}")
    basis = tuple(b.text for b in plan.legal_basis)
    if not basis:
        defaults.append("legal_basis")
        basis = tuple(b for b in (*STANDING_BASIS, renstra, organisation) if b)
    vision = pick("vision", facts.get("vision", ""))
    # Facts of the period, word for word, or of the regulation in force since 2024 only within a known period.
    known_texts = {"vision": facts.get("vision"), "renstra_regulation": facts.get("renstra_regulation"),
                   "organisation_regulation": organisation if facts else ""}
    guessed = tuple(key for key, fact in known_texts.items() if key in defaults and not fact)
    return Texts(
        period=period,
        vision=vision,
        renstra_regulation=renstra,
        organisation_regulation=organisation,
        legal_basis=basis,
        parent_unit_short=pick("parent_unit_short", office.parent_unit),
        superior_title=pick("superior_title", leader_title(office.parent_unit)),
        defaults=tuple(defaults),
        guessed=guessed,
    )

