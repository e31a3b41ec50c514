"""Target rules: cumulative monthly targets climb to the annual target, components add up, ranges hold."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from pipeline.checks.common import month_key, series_label, shown
from pipeline.checks.money import typed_beyond
from pipeline.checks.registry import rule
from pipeline.findings import Finding, error, warning
from pipeline.formatting import month_name, plain
from pipeline.plan import tables
from pipeline.plan.model import Indicator, MonthlyTarget, Plan
from pipeline.plan.vocabulary import IKK_UNITS, SCALES, scale_bounds

RANGES = {"Indeks": (Decimal(0), Decimal(1)), "Persen": (Decimal(0), Decimal(100))}
DECEMBER = 11


def _december(row: MonthlyTarget) -> Decimal | None:
    return row.months[DECEMBER]


@rule("targets.cumulative")
def never_decrease(plan: Plan) -> Iterator[Finding]:
    """A cumulative monthly series never decreases from one month to a later one."""
    for row in plan.monthly:
        last: tuple[int, Decimal] | None = None
        for m, value in enumerate(row.months):
            if value is None:
                continue
            if last is not None and value < last[1]:
                yield error(
                    "targets.cumulative",
                    f"target kumulatif {series_label(row)} turun dari {plain(last[1])} ({month_name(last[0] + 1)}) "
                    f"ke {plain(value)} ({month_name(m + 1)})",
                    row.loc(month_key(last[0])), row.loc(month_key(m)), subject=series_label(row),
                )
            last = (m, value)


@rule("targets.own-end")
def own_series_ends_at_target(plan: Plan) -> Iterator[Finding]:
    """An IKK's own monthly series ends in December at its Target PK (or at its Target Absolut, if it counts that)."""
    for row in plan.monthly:
        ikk = plan.indicator(row.ikk)
        if row.component is not None or ikk is None:
            continue
        december = _december(row)
        ends = [ikk.target.value] + ([ikk.absolute.value] if ikk.absolute is not None else [])
        if december in ends:
            continue
        absolute = f", Target Absolut {plain(ikk.absolute.value)}" if ikk.absolute is not None else ""
        yield error(
            "targets.own-end",
            f"target {series_label(row)} bulan Desember {shown(december)}, Target PK {plain(ikk.target.value)}"
            f"{absolute}",
            row.loc("m12"), ikk.loc("target"), *([ikk.loc("absolute")] if ikk.absolute is not None else []),
            subject=f"IKK {ikk.no}",
        )


@rule("targets.component-end")
def component_ends_at_absolute(plan: Plan) -> Iterator[Finding]:
    """A component's December target equals its Target Absolut when one is given."""
    for row in plan.monthly:
        if not isinstance(row.component, int) or row.absolute is None or _december(row) == row.absolute.value:
            continue
        yield error(
            "targets.component-end",
            f"target {series_label(row)} bulan Desember {shown(_december(row))}, Target Absolutnya "
            f"{plain(row.absolute.value)}",
            row.loc("m12"), row.loc("absolute"), subject=series_label(row),
        )


@rule("targets.absolute-sum")
def absolute_is_component_sum(plan: Plan) -> Iterator[Finding]:
    """An IKK's Target Absolut equals the sum of its components' December targets."""
    for ikk in plan.indicators:
        _, comps = tables.series_of(plan, ikk)
        if ikk.absolute is None or not comps:
            continue
        total = tables.component_sums(comps)[DECEMBER]
        if total != ikk.absolute.value:
            yield error(
                "targets.absolute-sum",
                f"Target Absolut IKK {ikk.no} {plain(ikk.absolute.value)}, jumlah {len(comps)} komponennya bulan "
                f"Desember {plain(total)}",
                ikk.loc("absolute"), *(c.loc("m12") for c in comps), subject=f"IKK {ikk.no}",
            )


@rule("targets.absolute-missing")
def absolute_given_with_components(plan: Plan) -> Iterator[Finding]:
    """An IKK whose components state a Target Absolut states its own (their sum), as the Lampiran prints both."""
    for ikk in plan.indicators:
        _, comps = tables.series_of(plan, ikk)
        total = tables.component_absolute(comps)
        if ikk.absolute is None and total is not None:
            yield warning(
                "targets.absolute-missing",
                f"Target Absolut IKK {ikk.no} kosong, padahal komponennya ber-Target Absolut (jumlah {plain(total)})",
                ikk.loc("absolute"), *(c.loc("absolute") for c in comps if c.absolute is not None),
                subject=f"IKK {ikk.no}",
            )


@rule("targets.stated-sum")
def stated_sum_matches(plan: Plan) -> Iterator[Finding]:
    """A typed Jumlah row of an IKK equals the sum of its components, month by month."""
    for row in plan.monthly:
        if row.component != "Jumlah":
            continue
        ikk = plan.indicator(row.ikk)
        comps = tables.series_of(plan, ikk)[1] if ikk is not None else ()
        if not comps:
            yield error("targets.stated-sum", f"baris Jumlah IKK {row.ikk} tanpa komponen yang dijumlahkan",
                        row.loc("component"), subject=series_label(row))
            continue
        sums = tables.component_sums(comps)
        wrong = [m for m in range(12) if (row.months[m] or Decimal(0)) != sums[m]]
        if wrong:
            detail = "; ".join(f"{month_name(m + 1)} tertulis {shown(row.months[m])}, jumlah komponen {plain(sums[m])}"
                               for m in wrong)
            yield error(
                "targets.stated-sum", f"baris Jumlah IKK {row.ikk} tidak sama dengan jumlah komponennya: {detail}",
                *(row.loc(month_key(m)) for m in wrong), *(c.loc(month_key(m)) for m in wrong for c in comps),
                subject=series_label(row),
            )
        comp_abs = tables.component_absolute(comps)
        if row.absolute is not None and comp_abs is not None and row.absolute.value != comp_abs:
            yield error(
                "targets.stated-sum",
                f"Target Absolut baris Jumlah IKK {row.ikk} {plain(row.absolute.value)}, jumlah Target Absolut "
                f"komponennya {plain(comp_abs)}",
                row.loc("absolute"), *(c.loc("absolute") for c in comps if c.absolute is not None),
                subject=series_label(row),
            )


def _out_of_range(ikk: Indicator) -> str | None:
    declared = scale_bounds(ikk.scale)
    low, high = declared or RANGES.get(ikk.unit, (Decimal(0), None))
    value = ikk.target.value
    if value < low or (high is not None and value > high):
        scale = f"{plain(low)}-{plain(high)}" if high is not None else "tidak negatif"
        where = f"skala {ikk.scale}" if declared else ikk.unit or "target"
        return f"Target PK IKK {ikk.no} {plain(value)} di luar rentang {where} ({scale})"
    return None


@rule("targets.scale")
def scale_well_formed(plan: Plan) -> Iterator[Finding]:
    """An IKK's Skala, when typed, is a range from low to high (0-1, 1-5, 0-100)."""
    for ikk in plan.indicators:
        if ikk.scale and scale_bounds(ikk.scale) is None:
            yield error("targets.scale", f"Skala IKK {ikk.no} '{ikk.scale}' bukan rentang; tulis misalnya "
                        f"{', '.join(SCALES)}", ikk.loc("scale"), subject=f"IKK {ikk.no}")


@rule("targets.range")
def within_range(plan: Plan) -> Iterator[Finding]:
    """Targets lie in their range (the IKK's Skala, else Persen 0-100, Indeks 0-1); % at most 100; none negative."""
    for ikk in plan.indicators:
        problem = _out_of_range(ikk)
        if problem:
            yield error("targets.range", problem, ikk.loc("target"), ikk.loc("scale" if ikk.scale else "unit"),
                        subject=f"IKK {ikk.no}")
        if ikk.absolute is not None and ikk.absolute.value < 0:
            yield error("targets.range", f"Target Absolut IKK {ikk.no} negatif: {plain(ikk.absolute.value)}",
                        ikk.loc("absolute"), subject=f"IKK {ikk.no}")
    for row in plan.monthly:
        bad = [m for m, v in enumerate(row.months) if v is not None and (v < 0 or (row.percent and v > 100))]
        if bad:
            values = ", ".join(f"{month_name(m + 1)} {plain(row.months[m])}" for m in bad)
            scale = "persen 0-100" if row.percent else "tidak negatif"
            yield error("targets.range", f"target {series_label(row)} di luar rentang ({scale}): {values}",
                        *(row.loc(month_key(m)) for m in bad), subject=series_label(row))
        if row.absolute is not None and row.absolute.value < 0:
            yield error("targets.range", f"Target Absolut {series_label(row)} negatif: {plain(row.absolute.value)}",
                        row.loc("absolute"), subject=series_label(row))


@rule("targets.percent-unit")
def percent_means_persen(plan: Plan) -> Iterator[Finding]:
    """A target typed as a percentage (97%) belongs to an IKK whose Satuan is Persen."""
    for ikk in plan.indicators:
        if ikk.target.percent and ikk.unit != "Persen":
            yield error("targets.percent-unit", f"Target PK IKK {ikk.no} diketik sebagai persen "
                        f"({plain(ikk.target.value)}%), tetapi satuannya '{ikk.unit}'",
                        ikk.loc("target"), ikk.loc("unit"), subject=f"IKK {ikk.no}")
    for row in plan.monthly:
        ikk = plan.indicator(row.ikk)
        if row.component is None and row.percent and ikk is not None and ikk.unit != "Persen":
            yield error("targets.percent-unit", f"target bulanan IKK {ikk.no} diketik sebagai persen, tetapi "
                        f"satuannya '{ikk.unit}'", row.loc("m01"), ikk.loc("unit"), subject=f"IKK {ikk.no}")


@rule("targets.percent-unmarked")
def persen_typed_as_percent(plan: Plan) -> Iterator[Finding]:
    """The Target PK of an IKK in Persen is typed as a percentage (97%), so the document prints it with %."""
    for ikk in plan.indicators:
        if ikk.unit == "Persen" and not ikk.target.percent:
            hint = f"; maksudnya {plain(ikk.target.value * 100)}%?" if 0 < ikk.target.value <= 1 else ""
            yield warning("targets.percent-unmarked", f"IKK {ikk.no} bersatuan Persen, tetapi Target PK "
                          f"{plain(ikk.target.value)} tidak diketik sebagai persen (contoh: 97%){hint}",
                          ikk.loc("target"), ikk.loc("unit"), subject=f"IKK {ikk.no}")


@rule("targets.unit")
def ikk_unit_known(plan: Plan) -> Iterator[Finding]:
    """Every IKK's Satuan is one the schema lists (Indeks, Persen, Nilai, Dokumen, ...)."""
    for ikk in plan.indicators:
        if ikk.unit not in IKK_UNITS:
            what = f"'{ikk.unit}'" if ikk.unit else "kosong"
            yield error("targets.unit", f"satuan IKK {ikk.no} {what}; tulis salah satu: {', '.join(IKK_UNITS)}",
                        ikk.loc("unit"), subject=f"IKK {ikk.no}")


@rule("targets.no-plan")
def ikk_has_monthly_plan(plan: Plan) -> Iterator[Finding]:
    """Every IKK has monthly targets (its own series or components) in Target Bulanan."""
    planned = {row.ikk for row in plan.monthly}
    for ikk in plan.indicators:
        if ikk.no not in planned:
            yield error("targets.no-plan", f"IKK {ikk.no} tidak punya target bulanan di sheet Target Bulanan",
                        ikk.loc("no"), subject=f"IKK {ikk.no}")


@rule("targets.after-december")
def no_target_after_december(plan: Plan) -> Iterator[Finding]:
    """No target is typed to the right of December (a planned month after the year's end)."""
    for row in plan.monthly:
        for loc, value in typed_beyond(row.extra):
            yield error("targets.after-december", f"target {series_label(row)} berisi {plain(value)} sesudah "
                        "Desember (bulan di luar tahun rencana)", loc, row.loc("m12"), subject=series_label(row))
