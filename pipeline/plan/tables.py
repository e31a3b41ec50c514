"""Figures derived from the model: headcounts, staff tables, allocations per IKK, the pagu.

Never typed by a planner, always computed here, so the document, the checks and the diff
agree by construction. Pure functions of a `model.Plan`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from pipeline.plan import vocabulary
from pipeline.plan.model import Indicator, MonthlyTarget, Plan, Ro
from pipeline.plan.vocabulary import FUNCTIONAL, PELAKSANA, PPPK_STATUSES, STATUSES, STRUCTURAL

PNS_GRADE = re.compile(r"^(I{1,3}|IV)/([a-e])$")
PNS_RANKS = ("IV", "III", "II", "I")
RUANG = ("a", "b", "c", "d")


def split_grade(grade: str) -> tuple[str, str]:
    """`III/c` -> (`III`, `c`); a PPPK grade `VII` -> (`VII`, ``)."""
    grade = grade.replace(" ", "")
    if "/" in grade:
        rank, ruang = grade.split("/", 1)
        return rank.upper(), ruang.lower()
    return grade.upper(), ""


@dataclass(frozen=True)
class CrossTab:
    """A table of counts: rows x columns, with row and column totals."""

    rows: tuple[str, ...]
    columns: tuple[str, ...]
    counts: dict[tuple[str, str], int]

    def get(self, row: str, col: str) -> int:
        return self.counts.get((row, col), 0)

    def row_total(self, row: str) -> int:
        return sum(self.get(row, c) for c in self.columns)

    def col_total(self, col: str) -> int:
        return sum(self.get(r, col) for r in self.rows)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def headcount(plan: Plan) -> Counter:
    """Staff by status (PNS, PPPK, PPPK Paruh Waktu) and by position type, the total under key `total`, ASN
    (PNS and PPPK of both kinds: UU 20/2023) under `ASN`."""
    counts: Counter = Counter()
    for e in plan.staff:
        counts[e.status] += 1
        counts[e.position_type] += 1
    counts["total"] = len(plan.staff)
    counts["ASN"] = sum(counts[s] for s in STATUSES)
    return counts


def position_word(plan: Plan) -> str:
    """The word the document prints for the Pelaksana category: JFU or Pelaksana, as the roster has it."""
    return vocabulary.position_word([e.position_typed for e in plan.staff if e.position_type == PELAKSANA],
                                    plan.office.year)


def grade_row(status: str, grade: str) -> str:
    """The Tabel 1 row of a grade: a PNS golongan (`III`), or a PPPK grade on its own scale (`PPPK IV`,
    `PPPK Paruh Waktu IV`).

    PPPK grades I-XVII are a separate scale: a PPPK of grade IV is not golongan IV; PPPK Paruh Waktu
    are counted apart from full-time PPPK. A grade without ruang held by a PNS keeps its own row too.
    """
    rank, _ = split_grade(grade)
    return f"{status} {rank}" if status in PPPK_STATUSES else rank


def grade_status(row: str) -> str:
    """The PPPK status of a Tabel 1 row (`PPPK Paruh Waktu IV` -> `PPPK Paruh Waktu`); `` for a PNS row."""
    return next((s for s in sorted(PPPK_STATUSES, key=len, reverse=True) if row.startswith(f"{s} ")), "")


def staff_by_grade(plan: Plan) -> CrossTab:
    """Tabel 1: PNS golongan x ruang, then each PPPK grade as a row with its count under `Jumlah`."""
    counts: Counter = Counter()
    rows: list[str] = []
    for e in plan.staff:
        row = grade_row(e.status, e.grade)
        ruang = split_grade(e.grade)[1]
        counts[(row, ruang.upper() if ruang in RUANG and not grade_status(row) else "")] += 1
        if row not in rows:
            rows.append(row)
    pns = [r for r in PNS_RANKS if r in rows]
    order = ("", *PPPK_STATUSES)
    others = sorted((r for r in rows if r not in PNS_RANKS),
                    key=lambda r: (order.index(grade_status(r)), _roman(r.split()[-1])))
    return CrossTab(tuple(pns + others), ("A", "B", "C", "D", ""), dict(counts))


def _roman(text: str) -> int:
    values = {"I": 1, "V": 5, "X": 10}
    total = 0
    for i, ch in enumerate(text):
        v = values.get(ch, 0)
        total += -v if i + 1 < len(text) and values.get(text[i + 1], 0) > v else v
    return total


def education_order(plan: Plan) -> tuple[str, ...]:
    """Qualifications in the order of the Pendidikan sheet, then any others as they appear."""
    order = [e.name for e in sorted(plan.educations, key=lambda e: e.no)]
    for e in plan.staff:
        if e.education not in order:
            order.append(e.education)
    return tuple(order)


def staff_by_education(plan: Plan) -> CrossTab:
    """Tabel 2: education x position type (Pelaksana, JFT, Struktural)."""
    counts = Counter((e.education, e.position_type) for e in plan.staff)
    return CrossTab(education_order(plan), (PELAKSANA, FUNCTIONAL, STRUCTURAL), dict(counts))


def staff_by_unit(plan: Plan) -> CrossTab:
    """Tabel 3: education x (work unit, Pelaksana/JFT); structural posts in one column `Struktural`."""
    counts: Counter = Counter()
    for e in plan.staff:
        col = STRUCTURAL if e.position_type == STRUCTURAL else f"{e.unit}|{e.position_type}"
        counts[(e.education, col)] += 1
    columns = [f"{u.code}|{t}" for u in plan.work_units for t in (PELAKSANA, FUNCTIONAL)]
    return CrossTab(education_order(plan), (*columns, STRUCTURAL), dict(counts))


def ros_of(plan: Plan, ikk: int) -> tuple[Ro, ...]:
    """The ROs serving an IKK, in the order of the IKK-RO sheet (unknown codes skipped)."""
    return tuple(ro for link in plan.links_of(ikk) if (ro := plan.ro(link.code)) is not None)


def ikk_allocation(plan: Plan, ikk: int) -> int:
    """An IKK's allocation: the sum of its ROs."""
    return sum(r.amount for r in ros_of(plan, ikk))


def pagu(plan: Plan) -> int:
    """The office total: every distinct RO counted once."""
    return sum(r.amount for r in plan.ros)


def next_pagu(plan: Plan) -> int:
    return sum(r.next_amount for r in plan.ros)


def source_totals(plan: Plan) -> dict[str, int]:
    return {
        "rm": sum(r.rm for r in plan.ros),
        "pnbp": sum(r.pnbp for r in plan.ros),
        "phln": sum(r.phln for r in plan.ros),
        "amount": pagu(plan),
        "next_amount": next_pagu(plan),
    }


def schedule_totals(plan: Plan) -> tuple[int, ...]:
    """The office's disbursement per month."""
    return tuple(sum(s.months[m] for s in plan.schedule) for m in range(12))


def series_of(plan: Plan, indicator: Indicator) -> tuple[MonthlyTarget | None, tuple[MonthlyTarget, ...]]:
    """An IKK's own monthly series (or None) and its components in order."""
    rows = plan.monthly_of(indicator.no)
    own = next((m for m in rows if m.component is None), None)
    comps = tuple(sorted((m for m in rows if isinstance(m.component, int)), key=lambda m: m.component))
    return own, comps


def component_sums(components: tuple[MonthlyTarget, ...]) -> tuple[Decimal, ...]:
    """The month-by-month sum of an IKK's components (nil counts as 0)."""
    return tuple(sum((c.months[m] or Decimal(0) for c in components), Decimal(0)) for m in range(12))


def component_absolute(components: tuple[MonthlyTarget, ...]) -> Decimal | None:
    values = [c.absolute.value for c in components if c.absolute is not None]
    return sum(values, Decimal(0)) if values else None
