"""Text rules: the office's key term spelled right, the office called by its current name, counts in words true.

They read every text cell of the model, so a misspelling is caught wherever a planner typed it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pipeline.checks.common import correction, loose_words, misspellings, text_cells
from pipeline.checks.registry import rule
from pipeline.findings import Finding, Location, error, warning
from pipeline.plan.model import Plan

# An office of the quarantine service by its long or short name, with its class if it has one:
# Balai (Besar) Kekarantinaan Kesehatan [Kelas II], Kantor Kesehatan Pelabuhan [Kelas II] (the old
# name), BBKK, BKK [Kelas II], KKP [Kelas II]. The place words follow.
_LONG_MENTION = re.compile(r"\b(?:Balai\s+(?:Besar\s+)?\S*rantina\S*\s+Kesehatan|Kantor\s+Kesehatan\s+Pelabuhan)"
                           r"(?:\s+Kelas\s+[IVX]+)?\b", re.IGNORECASE)
_SHORT_MENTION = re.compile(r"\b(?:BBKK|(?:BKK|KKP)\s+Kelas\s+[IVX]+)\b", re.IGNORECASE)
_WILKER = re.compile(r"(\d+)(?:wilker|wilayahkerja)")


@rule("text.spelling")
def key_term_spelled(plan: Plan) -> Iterator[Finding]:
    """The key term is spelled Kekarantinaan (not Kekejarantinaan, Kekearifan, Kekeparantinaan, kekarantina, ...)."""
    for _, text, loc in text_cells(plan):
        for word in misspellings(text):
            yield error("text.spelling", f"'{word}' salah eja; seharusnya '{correction(word)}'", loc, subject=word)


def _place_words(name: str, pattern: re.Pattern) -> int:
    """How many words name the place after the office's kind (and class) in its name."""
    found = pattern.search(name)
    return max(len(name[found.end():].split()), 1) if found else 1


def _mentions(text: str, pattern: re.Pattern, name: str, place_words: int) -> Iterator[str]:
    """The office names mentioned in `text` by `pattern` that are not `name` (spelling slips forgiven)."""
    for m in pattern.finditer(text):
        place = [w.strip(".,;:()") for w in text[m.end():].split()[:place_words]]
        if not place or not place[0][:1].isupper():  # "kepala BBKK sesuai ...": the kind of office, not one
            continue
        mention = " ".join([m.group(0), *place]).strip()
        if loose_words(mention) != loose_words(name):
            yield mention


@rule("text.office-name")
def office_called_by_its_name(plan: Plan) -> Iterator[Finding]:
    """A text naming a quarantine office (Balai [Besar] Kekarantinaan Kesehatan X, BKK Kelas II X, BBKK X) is ours."""
    office = plan.office
    names = [(pattern, name, cell, _place_words(name, pattern)) for pattern, name, cell in (
        (_LONG_MENTION, office.name, "office_name"), (_SHORT_MENTION, office.short_name, "office_short"))]
    for key, text, loc in text_cells(plan):
        if key in ("office_name", "office_short", "head_title"):  # the names themselves; the title: identity.head-title
            continue
        low = text.casefold()
        if not any(k in low for k in ("rantina", "bkk", "kkp", "pelabuhan")):  # most cells name no office
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
