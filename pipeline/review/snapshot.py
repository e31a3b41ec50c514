"""A canonical, JSON-ready view of a Plan keyed by code, for diffs and for embedding in the .docx.

Everything a reviewer compares between two editions is here, keyed by what does not move
(RO code, IKK number, NIP, table cell), never by position. Decimals are written as
canonical strings so the JSON is stable byte for byte.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pipeline import __version__
from pipeline.plan import tables
from pipeline.plan.model import MonthlyTarget, Plan, Target

SNAPSHOT_VERSION = 1


def _num(value: Decimal | int | None) -> str | int | None:
    if value is None:
        return None
    if isinstance(value, int):
        return value
    return int(value) if value == value.to_integral_value() else format(value.normalize(), "f")


def _target(t: Target | None) -> str | None:
    if t is None:
        return None
    return f"{_num(t.value)}%" if t.percent else str(_num(t.value))


def _series(m: MonthlyTarget | None) -> dict[str, Any] | None:
    if m is None:
        return None
    return {"name": m.name, "absolute": _target(m.absolute), "months": [_num(v) for v in m.months]}


def _crosstab(tab: tables.CrossTab) -> dict[str, int]:
    return {f"{r}|{c}" if c else r: n for (r, c), n in sorted(tab.counts.items())}


def snapshot(plan: Plan) -> dict[str, Any]:
    """The plan as nested dicts of plain values, keyed by stable identifiers."""
    schedule = {s.code: s for s in plan.schedule}
    kros = {k.code: k.name for k in plan.kros}
    ros = {}
    for ro in sorted(plan.ros, key=lambda r: r.code):
        row = schedule.get(ro.code)
        ros[ro.code] = {
            "name": ro.name, "kro": kros.get(ro.kro, ""), "volume": ro.volume, "unit": ro.unit,
            "rm": ro.rm, "pnbp": ro.pnbp, "phln": ro.phln, "amount": ro.amount,
            "location": ro.location, "pj": ", ".join(ro.pj),
            "next_volume": ro.next_volume, "next_amount": ro.next_amount,
            "months": list(row.months) if row else None,
        }
    ikks = {}
    for ikk in sorted(plan.indicators, key=lambda i: i.no):
        own, comps = tables.series_of(plan, ikk)
        ikks[str(ikk.no)] = {
            "name": ikk.name, "goal": ikk.goal, "target": _target(ikk.target), "unit": ikk.unit,
            "absolute": _target(ikk.absolute), "ros": [r.code for r in tables.ros_of(plan, ikk.no)],
            "allocation": tables.ikk_allocation(plan, ikk.no),
            "monthly": _series(own),
            "components": {str(c.component): _series(c) for c in comps},
        }
    counts = tables.headcount(plan)
    office = plan.office
    return {
        "snapshot": SNAPSHOT_VERSION,
        "rkt": __version__,
        "office": {
            "name": office.name, "short_name": office.short_name, "year": office.year, "edition": office.edition,
            "address": office.address, "head_name": office.head.name, "head_nip": office.head.nip,
            "head_title": office.head.title, "sign_place": office.sign_place,
        },
        "ro": ros,
        "ikk": ikks,
        "staff": {
            "total": counts["total"],
            "by_status": {s: counts[s] for s in tables.STATUSES},
            "by_position_type": {p: counts[p] for p in tables.POSITION_TYPES},
            "tabel1": _crosstab(tables.staff_by_grade(plan)),
            "tabel2": _crosstab(tables.staff_by_education(plan)),
            "tabel3": _crosstab(tables.staff_by_unit(plan)),
        },
        "nip": {
            e.nip: {"name": e.name, "status": e.status, "position_type": e.position_type, "position": e.position,
                    "grade": e.grade, "education": e.education, "unit": e.unit}
            for e in sorted(plan.staff, key=lambda e: e.nip)
        },
        "totals": {**tables.source_totals(plan), "months": list(tables.schedule_totals(plan))},
        "sources": {s.workbook: s.sha256 for s in sorted(plan.sources, key=lambda s: s.workbook)},
    }
