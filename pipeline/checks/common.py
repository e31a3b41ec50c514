"""Helpers shared by the rule families: NIP anatomy, name comparison, spelling of key terms, labels."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from pipeline.findings import Location
from pipeline.formatting import plain
from pipeline.plan.model import MonthlyTarget, Plan, Record, StatedTotal

# --- NIP -------------------------------------------------------------------------------------------

PPPK_MONTH = 21  # PPPK numbers carry 21 where a PNS number carries the appointment month


@dataclass(frozen=True)
class Nip:
    """The parts of an 18-digit NIP: birth date, appointment year and month (21 for PPPK), sex, sequence."""

    birth: str
    appointed_year: int
    appointed_month: int
    sex: str

    @property
    def pppk(self) -> bool:
        return self.appointed_month == PPPK_MONTH


def parse_nip(nip: str) -> Nip | None:
    """The parts of a NIP, or None when it is not 18 digits."""
    if not re.fullmatch(r"\d{18}", nip):
        return None
    return Nip(nip[:8], int(nip[8:12]), int(nip[12:14]), nip[14])


def nip_problems(nip: str, plan_year: int) -> list[str]:
    """What is wrong with a NIP, in Bahasa Indonesia; empty when it is well formed.

    Checks what the number itself can tell: 18 digits, a real birth date, an appointment month
    01-12 (or 21 for PPPK) not after the plan year and at age 18 or more, a sex digit 1 or 2.
    A `plan_year` of 0 is not known (its cell could not be read): the appointment is not compared with it.
    """
    parts = parse_nip(nip)
    if parts is None:
        return [f"harus 18 digit angka, tertulis {len(nip)} karakter"]
    problems = []
    try:
        born = dt.date(int(parts.birth[:4]), int(parts.birth[4:6]), int(parts.birth[6:8]))
    except ValueError:
        born = None
        problems.append(f"tanggal lahir {parts.birth} (digit 1-8) bukan tanggal yang ada")
    month_ok = 1 <= parts.appointed_month <= 12 or parts.pppk
    if not month_ok:
        problems.append(f"bulan pengangkatan {parts.appointed_month:02d} (digit 13-14) harus 01-12, atau 21 untuk PPPK")
    if plan_year and parts.appointed_year > plan_year:
        problems.append(f"tahun pengangkatan {parts.appointed_year} (digit 9-12) sesudah tahun rencana {plan_year}")
    if born is not None and month_ok:
        # PPPK numbers carry no month, so only the year can be compared.
        months_old = (parts.appointed_year - born.year) * 12 + (
            0 if parts.pppk else parts.appointed_month - born.month)
        if months_old < 18 * 12:
            problems.append(f"diangkat {parts.appointed_year} pada umur {max(months_old, 0) // 12} tahun "
                            f"(lahir {born.year}); paling muda 18 tahun")
    if parts.sex not in "12":
        problems.append(f"digit jenis kelamin {parts.sex} (digit 15) harus 1 (laki-laki) atau 2 (perempuan)")
    return problems


# --- comparing names -------------------------------------------------------------------------------

def same_text(a: str, b: str) -> bool:
    """Equal ignoring case and spacing: how two cells naming the same thing must agree."""
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


def loose(text: str) -> str:
    """Letters and digits only, lower case, key terms spelled right: `HIV/AIDS` and `HIV AIDS` agree."""
    return re.sub(r"[^0-9a-z]", "", fix_spelling(text).casefold())


def loose_words(text: str) -> str:
    """Words of letters and digits, lower case, key terms spelled right, separated by one space."""
    return " ".join(re.findall(r"[0-9a-z]+", fix_spelling(text).casefold()))


# --- spelling of the office's key term -------------------------------------------------------------

KEY_TERM = "kekarantinaan"
# Real Indonesian words that begin like the key term and must not be flagged (ke-...-an of a ke- root).
REAL_WORDS = frozenset({
    "kekar", "kekebalan", "kekeringan", "kekerasan", "kekeluargaan", "kekeliruan", "kekecewaan", "kekekalan",
    "kekerabatan", "kekeruhan", "kekerapan", "kekerdilan", "kekejaman", "kekesalan", "kekenyangan",
    "kekeramatan", "kekentalan", "kekenyalan", "kekelaman",
})
_WORD = re.compile(r"[^\W\d_]+")
_SUFFIXES = ("nya", "lah", "kah")


def _root(word: str) -> tuple[str, str]:
    low = word.casefold()
    for suffix in _SUFFIXES:
        if low.endswith(suffix) and len(low) > len(suffix) + 5:
            return low[: -len(suffix)], word[-len(suffix):]
    return low, ""


def is_misspelled(word: str) -> bool:
    """A word that looks like the key term but is not: any `keke...` or `kekar...` word that is not a real word."""
    root, _ = _root(word)
    return root != KEY_TERM and root.startswith(("keke", "kekar")) and root not in REAL_WORDS


def correction(word: str) -> str:
    """The key term in the case style of `word`: `KEKEJARANTINAAN` -> `KEKARANTINAAN`."""
    _, suffix = _root(word)
    if word.isupper():
        fixed = KEY_TERM.upper()
    elif word[:1].isupper():
        fixed = KEY_TERM.capitalize()
    else:
        fixed = KEY_TERM
    return fixed + suffix


def misspellings(text: str) -> list[str]:
    """The misspelled forms of the key term in `text`, each once, in order of appearance."""
    found: list[str] = []
    if "kek" not in text.casefold():  # every misspelling begins so; most cells hold none
        return found
    for m in _WORD.finditer(text):
        if is_misspelled(m.group()) and m.group() not in found:
            found.append(m.group())
    return found


def fix_spelling(text: str) -> str:
    return _WORD.sub(lambda m: correction(m.group()) if is_misspelled(m.group()) else m.group(), text)


# --- labels for messages ---------------------------------------------------------------------------

def month_key(index: int) -> str:
    """0-based month index -> the column key `m01`."""
    return f"m{index + 1:02d}"


def series_label(row: MonthlyTarget) -> str:
    """`IKK 1`, `IKK 1 komponen 2`, `IKK 1 Jumlah`: the subject of a monthly series."""
    if row.component is None:
        return f"IKK {row.ikk}"
    if row.component == "Jumlah":
        return f"IKK {row.ikk} Jumlah"
    return f"IKK {row.ikk} komponen {row.component}"


def shown(value: Decimal | int | None) -> str:
    """A figure as a planner reads it; an empty cell as `kosong`."""
    return "kosong" if value is None else plain(value)


# --- every text cell -------------------------------------------------------------------------------

OFFICE_FIELDS = {"name": "office_name", "short_name": "office_short", "address": "address", "ministry": "ministry",
                 "parent_unit": "parent_unit", "sign_place": "sign_place", "edition": "edition"}


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


def text_cells(plan: Plan) -> Iterator[tuple[str, str, Location]]:
    """(field key, text, cell) of every non-empty text cell of the plan."""
    office = plan.office
    for attr, key in OFFICE_FIELDS.items():
        yield key, getattr(office, attr), office.loc(key)
    yield "head_name", office.head.name, office.head.loc("name")
    yield "head_title", office.head.title, office.head.loc("title")
    for f in dataclasses.fields(plan):
        records = getattr(plan, f.name)
        if not isinstance(records, tuple):
            continue
        for rec in records:
            if not isinstance(rec, Record) or isinstance(rec, StatedTotal):
                continue
            for name in _field_names(type(rec)):
                value = getattr(rec, name)
                if isinstance(value, tuple) and value and all(isinstance(v, str) for v in value):
                    value = ", ".join(value)
                if isinstance(value, str) and value:
                    yield name, value, rec.loc(name)
