"""Money rules: allocations, sources, schedules and totals agree to the last thousand rupiah."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding, error
from ..formatting import number
from ..model import Plan
from . import rule


@rule("money.schedule-sum")
def schedule_matches_allocation(plan: Plan) -> Iterator[Finding]:
    """The 12 months of an RO's schedule add up to its allocation (RM + PNBP + PHLN)."""
    ros = {r.code: r for r in plan.ros}
    for row in plan.schedule:
        ro = ros.get(row.code)
        if ro is None or row.total == ro.amount:
            continue
        yield error(
            "money.schedule-sum",
            f"jadwal {row.code} berjumlah {number(row.total)}, alokasinya {number(ro.amount)} "
            f"(selisih {number(row.total - ro.amount)})",
            *(row.loc(f"m{m:02d}") for m in range(1, 13)), *ro.locs("rm", "pnbp", "phln"),
            subject=row.code,
        )
