"""Text rules: the office's key term spelled right, the office called by its current name, counts in words true.

They read every text cell of the model, so a misspelling is caught wherever a planner typed it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pipeline.checks import rule
from pipeline.checks.common import correction, loose_words, misspellings, text_cells
from pipeline.findings import Finding, Location, error, warning
from pipeline.plan.model import Plan

_LONG_MENTION = re.compile(r"\b(?:Balai|Kantor)\b(?:\s+\S+){0,5}?\s+Kelas\s+[IVX]+\b", re.IGNORECASE)
_SHORT_MENTION = re.compile(r"\b(?:BBKK|BKK|KKP)\s+Kelas\s+[IVX]+\b", re.IGNORECASE)
_CLASS = re.compile(r"\bKelas\s+[IVX]+\b(.*)$", re.IGNORECASE)
_WILKER = re.compile(r"(\d+)(?:wilker|wilayahkerja)")


@rule("text.spelling")
def key_term_spelled(plan: Plan) -> Iterator[Finding]:
    """The key term is spelled Kekarantinaan (not Kekejarantinaan, Kekearifan, Kekeparantinaan, kekarantina, ...)."""
    for _, text, loc in text_cells(plan):
        for word in misspellings(text):
            yield error("text.spelling", f"'{word}' salah eja; seharusnya '{correction(word)}'", loc, subject=word)


def _place_words(name: str) -> int:
    """How many words name the place after `Kelas II` in the office's name."""
    tail = _CLASS.search(name)
    return len(tail.group(1).split()) if tail else 1


def _mentions(text: str, pattern: re.Pattern, name: str, place_words: int) -> Iterator[str]:
    """The office names mentioned in `text` by `pattern` that are not `name` (spelling slips forgiven)."""
    for m in pattern.finditer(text):
        place = [w.strip(".,;:()") for w in text[m.end():].split()[:place_words]]
        mention = " ".join([m.group(0), *place]).strip()
        if loose_words(mention) != loose_words(name):
            yield mention


@rule("text.office-name")
def office_called_by_its_name(plan: Plan) -> Iterator[Finding]:
    """A text naming an office of some class (Balai/Kantor ... Kelas II X, BKK Kelas II X) names this office."""
    office = plan.office
    names = [(pattern, name, cell, _place_words(name)) for pattern, name, cell in (
        (_LONG_MENTION, office.name, "office_name"), (_SHORT_MENTION, office.short_name, "office_short"))]
    for key, text, loc in text_cells(plan):
        if key in ("office_name", "office_short", "head_title"):  # the names themselves; the title: identity.head-title
            continue
        if "kelas" not in text.casefold():  # both patterns need it; most cells hold none
            continue
        for pattern, name, cell, place_words in names:
            for mention in _mentions(text, pattern, name, place_words):
                yield error("text.office-name", f"menyebut '{mention}', padahal nama kantor '{name}'", loc,
                            office.loc(cell), subject=mention)


@rule("text.wilker-count")
def wilker_count_true(plan: Plan) -> Iterator[Finding]:
    """A location given as "N wilker" names as many work areas as the Wilker sheet lists."""
    count = len(plan.wilker)
    sheet = plan.wilker[0].loc("name") if plan.wilker else Location("identitas.xlsx", "Wilker")
    for ro in plan.ros:
        m = _WILKER.fullmatch(re.sub(r"\s+", "", ro.location.casefold()))
        if m and int(m.group(1)) != count:
            yield warning("text.wilker-count", f"lokasi RO {ro.code} '{ro.location}', padahal sheet Wilker berisi "
                          f"{count} wilayah kerja", ro.loc("location"), Location(sheet.workbook, sheet.sheet),
                          subject=ro.code)
