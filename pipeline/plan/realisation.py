"""The plan measured against its realisation up to a month: capaian per IKK, absorption and deviation.

Pure functions of a `model.Plan` that carries its realisation (`plan.realisation`). `measure`
returns one `Capaian`, the model every report of the period renders from (the capaian workbook
now, a short report and the Laporan Kinerja later): each figure is computed once, here.

The rules, in the words a planner reads them (docs in README and the workbook's Keterangan sheet):

- Target PK is the IKK's Target PK; the period's target is the cumulative monthly target of the
  period's last month (Target Bulanan). An IKK measured on a scale with no series of its own (an
  index built from components) holds its Target PK in every period. A component's Target PK is
  its Target Absolut, or its December target.
- Capaian = realisation / target x 100 where higher is better (Arah `Naik`, the default). Where
  lower is better (Arah `Turun`: a count of cases, a deviation) the direction reverses:
  capaian = (2 x target - realisation) / target x 100, so realising exactly the target is 100, half
  of it 150, twice it 0; never below 0. A target of zero gives no capaian where higher is better
  (`Tanpa target`); where lower is better, realising zero is 100 and anything more 0.
- Category (`CATEGORIES`): at least 100 `Tercapai`; at least 80 `Hampir tercapai`; below
  `Tidak tercapai`; no realisation reported for the month `Belum dilaporkan`.
- Absorption (penyerapan) = cumulative realisation / allocation x 100; the plan's own absorption
  is the cumulative Jadwal over the allocation.
- Deviation from the disbursement plan, as IKPA measures the Halaman III DIPA indicator
  (Perdirjen Perbendaharaan PER-5/PB/2024, Pasal 7: the ratio of the deviation of realisation from
  the monthly disbursement plan, RPD, to that plan, month by month, averaged over the months
  measured; DJPb's guidance puts the average to aim for at 5% at most): for month n,
  |realisation_n - plan_n| / plan_n x 100. IKPA weighs the months' deviation over the kinds of
  spending (belanja pegawai, barang, modal) by their share of the pagu; rkt's Jadwal is per RO and
  knows no kinds of spending, so rkt computes the deviation of each RO, of each IKK's ROs together
  and of the office's whole plan: the office figure approximates IKPA's, it does not reproduce it.
  Where the regulation text was not at hand, rkt chooses, and says so: a month planned at zero
  with realisation counts 100, with none 0; a month's deviation counts at most 100.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from pipeline.findings import Location
from pipeline.plan import tables, vocabulary
from pipeline.plan.model import IkkRealisation, Indicator, MonthlyTarget, Office, Plan, Ro

HUNDRED = Decimal(100)
CENT = Decimal("0.01")
ACHIEVED, NEARLY, MISSED = "Tercapai", "Hampir tercapai", "Tidak tercapai"
NOT_REPORTED, NO_TARGET = "Belum dilaporkan", "Tanpa target"
# (lowest capaian, category), highest first; below the last: MISSED
CATEGORIES: tuple[tuple[Decimal, str], ...] = ((HUNDRED, ACHIEVED), (Decimal(80), NEARLY))
DEVIATION_AIM = Decimal(5)  # IKPA's aim for the average monthly deviation, in percent
QUARTER_NAMES = vocabulary.QUARTERS
_MONTHS = {name.casefold(): i + 1 for i, names in enumerate(vocabulary.MONTH_ALIASES) for name in names} | {
    name.casefold(): i + 1 for i, name in enumerate(vocabulary.MONTHS)}
_QUARTER = re.compile(r"^(?:triwulan|tw|trw|q)\s*(iv|iii|ii|i|[1-4])$")


class PeriodError(ValueError):
    """Text that names no month or quarter."""


@dataclass(frozen=True)
class Period:
    """The months measured: 1 through `month`; `quarter` when the period was asked for as a quarter."""

    month: int
    quarter: int | None = None

    @property
    def label(self) -> str:
        """`Triwulan II (s.d. Juni)`, `s.d. Mei`."""
        through = f"s.d. {vocabulary.MONTHS[self.month - 1]}"
        return f"Triwulan {QUARTER_NAMES[self.quarter - 1]} ({through})" if self.quarter else through

    @property
    def in_quarter(self) -> int:
        """The quarter the last month falls in (1-4)."""
        return (self.month - 1) // 3 + 1


def period(text: str) -> Period:
    """`Juni`, `Jun`, `6` -> through June; `TW II`, `Triwulan 2`, `Q2` -> the second quarter (through June)."""
    words = " ".join(str(text).casefold().split())
    if words in _MONTHS:
        return Period(_MONTHS[words])
    if words.isdigit() and 1 <= int(words) <= 12:
        return Period(int(words))
    match = _QUARTER.match(words)
    if match:
        value = match.group(1)
        quarter = int(value) if value.isdigit() else QUARTER_NAMES.index(value.upper()) + 1
        return Period(quarter * 3, quarter)
    raise PeriodError(f"'{text}' bukan bulan atau triwulan (contoh: Juni, Jun, 6, TW II, Triwulan 2)")


# --- capaian ---------------------------------------------------------------------------------------

def lower_is_better(indicator: Indicator) -> bool:
    """Whether the IKK's Arah says lower is better (`Turun`); empty or `Naik`: higher is better."""
    return indicator.direction.casefold() == vocabulary.LOWER.casefold()


def capaian(target: Decimal | None, realised: Decimal | None, lower: bool = False) -> Decimal | None:
    """Capaian in percent, two decimals; None when it cannot be said (no realisation, or no target to reach)."""
    if realised is None or target is None:
        return None
    if target == 0:
        if not lower:
            return None
        return HUNDRED if realised <= 0 else Decimal(0)
    value = (2 * target - realised) / target * HUNDRED if lower else realised / target * HUNDRED
    return max(value, Decimal(0)).quantize(CENT, ROUND_HALF_UP)


def category(value: Decimal | None, realised: Decimal | None) -> str:
    """The category of a capaian: Tercapai, Hampir tercapai, Tidak tercapai, Belum dilaporkan or Tanpa target."""
    if realised is None:
        return NOT_REPORTED
    if value is None:
        return NO_TARGET
    return next((name for lowest, name in CATEGORIES if value >= lowest), MISSED)


@dataclass(frozen=True)
class Measure:
    """One series measured at the period's last month: an IKK's own, or one of its components.

    Values are on the series' own scale (an index 0,99; a percentage 97 for 97%; a count).
    The cells say where each figure was read, so a report can point back to them.
    """

    ikk: int
    component: int | None
    name: str
    pk_target: Decimal | None
    period_target: Decimal | None
    realised: Decimal | None
    capaian: Decimal | None
    category: str
    percent: bool = False
    places: int | None = None
    cells: dict[str, Location] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class IkkMeasure:
    """An IKK at the end of the period: its own measure, its components', the tim kinerja's explanation."""

    indicator: Indicator
    goal: str
    own: Measure
    components: tuple[Measure, ...]
    problems: str = ""
    actions: str = ""
    explanation_cells: tuple[Location, ...] = ()

    @property
    def lower_is_better(self) -> bool:
        return lower_is_better(self.indicator)


def _at(values: Sequence[Decimal | None], month: int) -> Decimal | None:
    return values[month - 1] if 1 <= month <= len(values) else None


def _own_measure(indicator: Indicator, own: MonthlyTarget | None, realised: IkkRealisation | None,
                 month: int) -> Measure:
    lower = lower_is_better(indicator)
    target = indicator.target
    period_target = _at(own.months, month) if own is not None else target.value
    value = _at(realised.months, month) if realised is not None else None
    key = f"m{month:02d}"
    cells = {"target": indicator.loc("target")}
    if own is not None:
        cells["period_target"] = own.loc(key)
    if realised is not None:
        cells["realised"] = realised.loc(key)
    result = capaian(period_target, value, lower)
    return Measure(indicator.no, None, indicator.name, target.value, period_target, value, result,
                   category(result, value), target.percent, target.places, cells)


def _component_measure(indicator: Indicator, row: MonthlyTarget, realised: IkkRealisation | None,
                       month: int) -> Measure:
    lower = lower_is_better(indicator)
    pk = row.absolute.value if row.absolute is not None else row.months[-1]
    period_target = _at(row.months, month)
    value = _at(realised.months, month) if realised is not None else None
    key = f"m{month:02d}"
    cells = {"period_target": row.loc(key)}
    if realised is not None:
        cells["realised"] = realised.loc(key)
    result = capaian(period_target, value, lower)
    assert isinstance(row.component, int)
    return Measure(indicator.no, row.component, row.name, pk, period_target, value, result,
                   category(result, value), row.percent, row.places, cells)


def _realised_rows(plan: Plan) -> dict[tuple[int, int | str | None], IkkRealisation]:
    rows: dict[tuple[int, int | str | None], IkkRealisation] = {}
    for row in plan.realisation.ikk if plan.realisation is not None else ():
        rows.setdefault((row.ikk, row.component), row)
    return rows


def ikk_measures(plan: Plan, month: int) -> tuple[IkkMeasure, ...]:
    """Every IKK of the plan measured at `month`, in the order of the IKK sheet."""
    realised = _realised_rows(plan)
    goals = {g.no: g.name for g in plan.goals}
    notes = {(e.ikk, e.quarter): e for e in plan.realisation.explanations} if plan.realisation else {}
    quarter = (month - 1) // 3 + 1
    out = []
    for indicator in plan.indicators:
        own, comps = tables.series_of(plan, indicator)
        note = notes.get((indicator.no, quarter))
        out.append(IkkMeasure(
            indicator, goals.get(indicator.goal, ""), _own_measure(indicator, own, realised.get((indicator.no, None)),
                                                                   month),
            tuple(_component_measure(indicator, c, realised.get((indicator.no, c.component)), month) for c in comps),
            note.problems if note else "", note.actions if note else "",
            note.locs("problems", "actions") if note else ()))
    return tuple(out)


# --- money -----------------------------------------------------------------------------------------

def deviation(planned: int, realised: int) -> Decimal:
    """One month's deviation from the disbursement plan, percent: |realised - planned| / planned x 100, at most 100.

    A month planned at zero counts 100 when money was spent, 0 when none was.
    """
    if planned == 0:
        return Decimal(0) if realised == 0 else HUNDRED
    return min(Decimal(abs(realised - planned)) / Decimal(planned) * HUNDRED, HUNDRED)


def _percent(part: int, whole: int) -> Decimal | None:
    return (Decimal(part) / Decimal(whole) * HUNDRED).quantize(CENT, ROUND_HALF_UP) if whole else None


@dataclass(frozen=True)
class Spending:
    """One budget line through the period: an RO, an IKK's ROs, a source, or the office.

    `planned` and `realised` are monthly amounts (not cumulative), thousands of rupiah; a source
    has no plan (`planned` None): the Jadwal is per RO, not per source.
    """

    key: str
    name: str
    allocation: int
    realised: tuple[int, ...]
    month: int
    planned: tuple[int, ...] | None = None
    volume: int | None = None
    unit: str = ""
    volume_done: int | None = None

    @property
    def realised_to_date(self) -> int:
        return sum(self.realised[:self.month])

    @property
    def planned_to_date(self) -> int | None:
        return sum(self.planned[:self.month]) if self.planned is not None else None

    @property
    def absorption(self) -> Decimal | None:
        """Cumulative realisation over the allocation, percent."""
        return _percent(self.realised_to_date, self.allocation)

    @property
    def planned_absorption(self) -> Decimal | None:
        """Cumulative plan over the allocation, percent: what the Jadwal meant to have spent."""
        return _percent(self.planned_to_date, self.allocation) if self.planned is not None else None

    @property
    def deviations(self) -> tuple[Decimal, ...]:
        """Each month's deviation from the plan, months 1..period."""
        if self.planned is None:
            return ()
        return tuple(deviation(self.planned[m], self.realised[m]) for m in range(self.month))

    @property
    def mean_deviation(self) -> Decimal | None:
        """The average monthly deviation over the period, percent (IKPA's Deviasi Halaman III DIPA)."""
        values = self.deviations
        if not values:
            return None
        return (sum(values, Decimal(0)) / len(values)).quantize(CENT, ROUND_HALF_UP)

    @property
    def volume_capaian(self) -> Decimal | None:
        """Output volume achieved over the planned volume, percent."""
        if self.volume_done is None or not self.volume:
            return None
        return _percent(self.volume_done, self.volume)


def _sum_months(rows: Sequence[Sequence[int]]) -> tuple[int, ...]:
    return tuple(sum(r[m] for r in rows) for m in range(12))


def ro_realised(plan: Plan) -> dict[str, tuple[int, ...]]:
    """Each RO's realisation per month, every row of its code added (all its sources); unreported months 0."""
    out: dict[str, list[int]] = {}
    for row in plan.realisation.budget if plan.realisation is not None else ():
        months = out.setdefault(row.code, [0] * 12)
        for m, v in enumerate(row.months):
            months[m] += v or 0
    return {code: tuple(v) for code, v in out.items()}


def _volumes(plan: Plan, month: int) -> dict[str, int | None]:
    out = {}
    for row in plan.realisation.volume if plan.realisation is not None else ():
        out.setdefault(row.code, row.months[month - 1])
    return out


def ro_spending(plan: Plan, month: int) -> tuple[Spending, ...]:
    """Every RO of the plan through `month`, in the order of the RO sheet."""
    realised = ro_realised(plan)
    schedule = {s.code: s.months for s in plan.schedule}
    volumes = _volumes(plan, month)
    return tuple(Spending(ro.code, ro.name, ro.amount, realised.get(ro.code, (0,) * 12), month,
                          schedule.get(ro.code, (0,) * 12), ro.volume, ro.unit, volumes.get(ro.code))
                 for ro in plan.ros)


def ikk_spending(plan: Plan, month: int, ros: Sequence[Spending]) -> tuple[Spending, ...]:
    """Each IKK's ROs together (an RO serving two IKKs counts in both, as in the allocation per IKK)."""
    by_code = {s.key: s for s in ros}
    out = []
    for indicator in plan.indicators:
        mine = [by_code[ro.code] for ro in tables.ros_of(plan, indicator.no) if ro.code in by_code]
        out.append(Spending(f"IKK {indicator.no}", indicator.name, tables.ikk_allocation(plan, indicator.no),
                            _sum_months([s.realised for s in mine]), month,
                            _sum_months([s.planned or (0,) * 12 for s in mine])))
    return tuple(out)


SOURCE_KEYS = {"RM": "rm", "PNBP": "pnbp", "PHLN": "phln"}


def _single_source(ro: Ro) -> str | None:
    funded = [name for name, key in SOURCE_KEYS.items() if getattr(ro, key)]
    return funded[0] if len(funded) == 1 else None


@dataclass(frozen=True)
class Sources:
    """Realisation by funding source, and what could not be attributed to one."""

    lines: tuple[Spending, ...]
    unattributed: int  # realisation of ROs funded by several sources typed without Sumber Dana
    unattributed_codes: tuple[str, ...] = ()


def source_spending(plan: Plan, month: int) -> Sources:
    """RM, PNBP and PHLN: allocation and realisation.

    A row with Sumber Dana counts for that source; a row without it counts for the RO's source when
    the RO has one, and is otherwise left unattributed (rkt does not split it by guesswork).
    """
    ros = {ro.code: ro for ro in plan.ros}
    realised = {name: [0] * 12 for name in SOURCE_KEYS}
    loose = [0] * 12
    codes: list[str] = []
    for row in plan.realisation.budget if plan.realisation is not None else ():
        ro = ros.get(row.code)
        source = row.source if row.source in SOURCE_KEYS else (_single_source(ro) if ro is not None else None)
        target = realised[source] if source else loose
        if not source and row.code not in codes and any(row.months[:month]):
            codes.append(row.code)
        for m, v in enumerate(row.months):
            target[m] += v or 0
    totals = tables.source_totals(plan)
    lines = tuple(Spending(name, name, totals[key], tuple(realised[name]), month)
                  for name, key in SOURCE_KEYS.items())
    return Sources(lines, sum(loose[:month]), tuple(codes))


# --- the whole period ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Capaian:
    """The office's period: every IKK measured, every budget line, as one model for every report."""

    office: Office
    period: Period
    indicators: tuple[IkkMeasure, ...]
    ros: tuple[Spending, ...]
    ikks: tuple[Spending, ...]
    sources: Sources
    total: Spending
    budget_reported: int  # the last month with any budget realisation typed (0: none)
    ikk_reported: int  # the last month with any IKK realisation typed (0: none)
    workbooks: tuple[tuple[str, str], ...] = ()  # (workbook, sha256) read

    @property
    def measures(self) -> tuple[Measure, ...]:
        """Every IKK's own measure and its components', in order."""
        return tuple(m for i in self.indicators for m in (i.own, *i.components))


def _last_month(rows) -> int:
    return max((m + 1 for row in rows for m, v in enumerate(row.months) if v is not None), default=0)


def measure(plan: Plan, at: Period) -> Capaian:
    """The plan measured through `at`: its IKKs, ROs, IKKs' budgets, sources and office total."""
    month = at.month
    ros = ro_spending(plan, month)
    realisation = plan.realisation
    total = Spending("Kantor", plan.office.name, tables.pagu(plan), _sum_months([s.realised for s in ros]), month,
                     tables.schedule_totals(plan))
    sources = [(s.workbook, s.sha256) for s in plan.sources]
    if realisation is not None and realisation.source is not None:
        sources.append((realisation.source.workbook, realisation.source.sha256))
    budget, ikk = (realisation.budget, realisation.ikk) if realisation is not None else ((), ())
    return Capaian(
        plan.office, at, ikk_measures(plan, month), ros, ikk_spending(plan, month, ros), source_spending(plan, month),
        total, _last_month(budget), _last_month(ikk), tuple(sorted(sources)))


def reported_period(plan: Plan) -> Period:
    """The months the LAKIN measures: through the last month either realisation reports (the whole year once
    December is in; through December when nothing is reported yet, so every IKK reads Belum dilaporkan)."""
    realisation = plan.realisation
    if realisation is None:
        return Period(12)
    last = max(_last_month(realisation.budget), _last_month(realisation.ikk))
    return Period(last or 12)
