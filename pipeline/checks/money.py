"""Money rules: allocations, sources, schedules and totals agree to the last thousand rupiah.

The allocation of an RO is RM + PNBP + PHLN and is never typed, so what can still disagree
is the schedule with the allocation, a stated total with the computed one, a stated IKK
allocation with its ROs, and the links between ROs, schedules and IKKs.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from pipeline.checks.common import month_key
from pipeline.checks.registry import rule
from pipeline.findings import Finding, Location, error, warning
from pipeline.formatting import month_name, number, plain
from pipeline.inputs import schema
from pipeline.inputs.numbers import NotANumber, parse_number
from pipeline.plan import tables
from pipeline.plan.model import Plan

SOURCES = ("rm", "pnbp", "phln")
RO_SUMMED = ("rm", "pnbp", "phln", "next_amount")  # volumes of different units are never added up
RO_FIELDS = {"volume": "volume", "rm": "RM", "pnbp": "PNBP", "phln": "PHLN", "next_volume": "volume maju",
             "next_amount": "alokasi maju"}


def typed_beyond(extra: tuple[tuple[Location, str], ...]) -> list[tuple[Location, Decimal]]:
    """The non-zero numbers typed to the right of a row's last month (text notes are left alone)."""
    found = []
    for loc, text in extra:
        try:
            parsed = parse_number(text)
        except NotANumber:
            continue
        if parsed is not None and parsed.value != 0:
            found.append((loc, parsed.value))
    return found


@rule("money.schedule-sum")
def schedule_matches_allocation(plan: Plan) -> Iterator[Finding]:
    """The 12 months of an RO's schedule add up to its allocation (RM + PNBP + PHLN)."""
    ros = {r.code: r for r in plan.ros}
    for row in plan.schedule:
        ro = ros.get(row.code)
        if ro is None or row.total == ro.amount or ro.amount == 0:  # no allocation: money.unfunded-schedule
            continue
        yield error(
            "money.schedule-sum",
            f"jadwal {row.code} berjumlah {number(row.total)}, alokasinya {number(ro.amount)} "
            f"(selisih {number(row.total - ro.amount)})",
            *(row.loc(f"m{m:02d}") for m in range(1, 13)), *ro.locs("rm", "pnbp", "phln"),
            subject=row.code,
        )


@rule("money.unfunded-schedule")
def schedule_needs_allocation(plan: Plan) -> Iterator[Finding]:
    """An RO without allocation has no disbursement in the schedule."""
    ros = {r.code: r for r in plan.ros}
    for row in plan.schedule:
        ro = ros.get(row.code)
        if ro is not None and ro.amount == 0 and row.total != 0:
            yield error(
                "money.unfunded-schedule",
                f"jadwal {row.code} menarik {number(row.total)}, padahal RO ini tidak punya alokasi (RM, PNBP, "
                "PHLN kosong)",
                *(row.loc(month_key(m)) for m in range(12) if row.months[m]), *ro.locs(*SOURCES),
                subject=row.code,
            )


@rule("money.no-schedule")
def allocation_needs_schedule(plan: Plan) -> Iterator[Finding]:
    """An RO with an allocation has a row in the schedule."""
    scheduled = {row.code for row in plan.schedule}
    for ro in plan.ros:
        if ro.amount != 0 and ro.code not in scheduled:
            yield error("money.no-schedule", f"RO {ro.code} beralokasi {number(ro.amount)} tetapi tidak ada di "
                        "jadwal.xlsx", ro.loc("code"), *ro.locs(*SOURCES), Location("jadwal.xlsx", "Jadwal"),
                        subject=ro.code)


@rule("money.stated-total")
def stated_totals_match(plan: Plan) -> Iterator[Finding]:
    """A typed Jumlah row equals the sum of its column (RO sheet: RM, PNBP, PHLN, alokasi maju; Jadwal: each month)."""
    ro_total = plan.total("pendanaan.xlsx", "RO")
    if ro_total is not None:
        sheet = schema.PENDANAAN.sheet("RO")
        for key in RO_SUMMED:
            stated = ro_total.values.get(key)
            computed = sum(getattr(r, key) for r in plan.ros)
            if stated is not None and stated != computed:
                header = sheet.column(key).header
                yield error("money.stated-total", f"Jumlah {header} tertulis {number(stated)}, jumlah RO-nya "
                            f"{number(computed)} (selisih {number(stated - computed)})",
                            ro_total.loc(key), *(r.loc(key) for r in plan.ros), subject=f"Jumlah {header}")
    sched_total = plan.total("jadwal.xlsx", "Jadwal")
    if sched_total is not None:
        computed_months = tables.schedule_totals(plan)
        for m in range(12):
            key = month_key(m)
            stated = sched_total.values.get(key)
            if stated is not None and stated != computed_months[m]:
                yield error("money.stated-total", f"Jumlah {month_name(m + 1)} tertulis {number(stated)}, jumlah "
                            f"jadwalnya {number(computed_months[m])} (selisih {number(stated - computed_months[m])})",
                            sched_total.loc(key), *(s.loc(key) for s in plan.schedule),
                            subject=f"Jumlah {month_name(m + 1)}")


@rule("money.ikk-allocation")
def ikk_allocation_matches(plan: Plan) -> Iterator[Finding]:
    """A stated IKK allocation (Alokasi IKK) equals the sum of the allocations of its ROs."""
    ros = {r.code: r for r in plan.ros}
    for stated in plan.ikk_allocations:
        if plan.indicator(stated.ikk) is None:
            continue  # codes.unknown-ikk
        computed = tables.ikk_allocation(plan, stated.ikk)
        if stated.amount == computed:
            continue
        links = [link for link in plan.ikk_ros if link.ikk == stated.ikk and link.code in ros]
        yield error(
            "money.ikk-allocation",
            f"alokasi IKK {stated.ikk} tertulis {number(stated.amount)}, jumlah {len(links)} RO-nya "
            f"{number(computed)} (selisih {number(stated.amount - computed)})",
            stated.loc("amount"), *(link.loc("code") for link in links),
            *(loc for link in links for loc in ros[link.code].locs(*SOURCES)),
            subject=f"IKK {stated.ikk}",
        )


@rule("money.negative")
def no_negative(plan: Plan) -> Iterator[Finding]:
    """No amount or volume is negative."""
    for ro in plan.ros:
        for key, label in RO_FIELDS.items():
            value = getattr(ro, key)
            if value < 0:
                yield error("money.negative", f"{label} RO {ro.code} negatif: {plain(value)}", ro.loc(key),
                            subject=ro.code)
    for row in plan.schedule:
        for m, value in enumerate(row.months):
            if value < 0:
                yield error("money.negative", f"jadwal {row.code} bulan {month_name(m + 1)} negatif: {plain(value)}",
                            row.loc(month_key(m)), subject=row.code)
    for stated in plan.ikk_allocations:
        if stated.amount < 0:
            yield error("money.negative", f"alokasi IKK {stated.ikk} negatif: {plain(stated.amount)}",
                        stated.loc("amount"), subject=f"IKK {stated.ikk}")


@rule("money.volume-allocation")
def volume_with_allocation(plan: Plan) -> Iterator[Finding]:
    """An RO with an allocation has a volume, and an RO with a volume has an allocation."""
    for ro in plan.ros:
        if ro.amount > 0 and ro.volume == 0:
            yield error("money.volume-allocation", f"RO {ro.code} beralokasi {number(ro.amount)} tetapi volumenya "
                        "kosong", ro.loc("volume"), *ro.locs(*SOURCES), subject=ro.code)
        elif ro.volume > 0 and ro.amount == 0:
            yield error("money.volume-allocation", f"RO {ro.code} bervolume {plain(ro.volume)} {ro.unit} tetapi "
                        "tidak punya alokasi (RM, PNBP, PHLN kosong)", ro.loc("volume"), *ro.locs(*SOURCES),
                        subject=ro.code)


@rule("money.forward-estimate")
def forward_estimate_complete(plan: Plan) -> Iterator[Finding]:
    """A forward estimate has both a volume and an allocation, or neither."""
    for ro in plan.ros:
        if ro.next_amount > 0 and ro.next_volume == 0:
            yield error("money.forward-estimate", f"prakiraan maju RO {ro.code} beralokasi {number(ro.next_amount)} "
                        "tetapi volumenya kosong", *ro.locs("next_volume", "next_amount"), subject=ro.code)
        elif ro.next_volume > 0 and ro.next_amount == 0:
            yield error("money.forward-estimate", f"prakiraan maju RO {ro.code} bervolume {plain(ro.next_volume)} "
                        "tetapi alokasinya kosong", *ro.locs("next_volume", "next_amount"), subject=ro.code)


@rule("money.no-forward-estimate")
def forward_estimates_given(plan: Plan) -> Iterator[Finding]:
    """The forward estimate for the year after the plan is filled in for at least one RO."""
    funded = [ro for ro in plan.ros if ro.amount]
    if funded and not any(ro.next_amount or ro.next_volume for ro in plan.ros):
        yield warning("money.no-forward-estimate", f"prakiraan maju {plan.office.year + 1} (Volume Maju, Alokasi "
                      f"Maju) belum diisi untuk satu RO pun; Tabel 5 akan menampilkan kolom {plan.office.year + 1} "
                      "kosong", *funded[0].locs("next_volume", "next_amount"), subject="Prakiraan Maju")


@rule("money.ro-without-ikk")
def ro_serves_an_ikk(plan: Plan) -> Iterator[Finding]:
    """Every RO serves at least one IKK (IKK-RO sheet)."""
    linked = {link.code for link in plan.ikk_ros}
    for ro in plan.ros:
        if ro.code not in linked:
            yield warning("money.ro-without-ikk", f"RO {ro.code} ({number(ro.amount)}) tidak mendukung IKK mana pun "
                          "(tidak ada di sheet IKK-RO)", ro.loc("code"), Location("pendanaan.xlsx", "IKK-RO"),
                          subject=ro.code)


@rule("money.ikk-without-ro")
def ikk_has_ro(plan: Plan) -> Iterator[Finding]:
    """Every IKK is served by at least one RO (IKK-RO sheet)."""
    linked = {link.ikk for link in plan.ikk_ros}
    for ikk in plan.indicators:
        if ikk.no not in linked:
            yield warning("money.ikk-without-ro", f"IKK {ikk.no} tidak didukung RO mana pun (tidak ada di sheet "
                          "IKK-RO), alokasinya nol", ikk.loc("no"), Location("pendanaan.xlsx", "IKK-RO"),
                          subject=f"IKK {ikk.no}")


@rule("money.after-december")
def no_schedule_after_december(plan: Plan) -> Iterator[Finding]:
    """No disbursement is typed to the right of December (a month after the year's end)."""
    for row in plan.schedule:
        for loc, value in typed_beyond(row.extra):
            yield error("money.after-december", f"jadwal {row.code} berisi {number(value)} sesudah Desember "
                        "(bulan di luar tahun anggaran)", loc, row.loc("m12"), subject=row.code)
