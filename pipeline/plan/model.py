"""The typed model of one office's RKT: what the normaliser builds and every later stage reads.

Each record keeps, per field, the cell it came from (`loc(field)`), so a check can name the
exact cell and a diff can say which cell changed. Records hold only typed facts; figures
derived from them (headcounts, totals, allocations per IKK) live in `tables.py`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from pipeline.findings import Finding, Location

Cells = dict[str, Location]


@dataclass(frozen=True)
class Record:
    """Base of every row: the row's cells by field key."""

    cells: Cells = field(default_factory=dict, compare=False, repr=False, kw_only=True)
    row: int = field(default=0, compare=False, repr=False, kw_only=True)

    def loc(self, key: str) -> Location:
        """The cell a field came from; for a field with no cell, the record's first known cell."""
        if key in self.cells:
            return self.cells[key]
        return next(iter(self.cells.values()), Location(""))

    def locs(self, *keys: str) -> tuple[Location, ...]:
        return tuple(self.loc(k) for k in keys)


@dataclass(frozen=True)
class Target(Record):
    """A performance target: `0,99` (index), `97%` (percent), `87` (value)."""

    value: Decimal
    percent: bool = False
    places: int | None = None  # decimals as the planner typed them (`95,50%`: 2)


@dataclass(frozen=True)
class SignDate:
    """The signing date; `day` is None when only month and year are given ("Januari 2024")."""

    year: int
    month: int
    day: int | None = None


@dataclass(frozen=True)
class Head(Record):
    name: str
    nip: str
    title: str
    acting: str = ""  # Plt. or Plh. (vocabulary.ACTING), printed before the title; empty: definitive


@dataclass(frozen=True)
class Office(Record):
    name: str
    short_name: str
    address: str
    postcode: str
    phone: str
    fax: str
    year: int
    edition: str
    ministry: str
    parent_unit: str
    head: Head
    sign_place: str
    sign_date: SignDate
    # optional, year- and parent-bound (pipeline/plan/texts.py gives each its default)
    parent_unit_short: str = ""
    superior_title: str = ""
    superior_name: str = ""
    superior_nip: str = ""
    superior_acting: str = ""  # Plt. or Plh. before the superior's title
    period: str = ""
    vision: str = ""
    renstra_regulation: str = ""
    organisation_regulation: str = ""


@dataclass(frozen=True)
class Unit(Record):
    no: int
    name: str
    kind: str
    duty: str = ""


@dataclass(frozen=True)
class Wilker(Record):
    no: int
    name: str


@dataclass(frozen=True)
class WorkUnit(Record):
    code: str
    name: str
    group: str = ""


@dataclass(frozen=True)
class Pj(Record):
    name: str


@dataclass(frozen=True)
class LegalBasis(Record):
    """A regulation the RKT is based on (Bab I), in the order of the Dasar Hukum sheet."""

    no: int
    text: str


@dataclass(frozen=True)
class ProgramGoal(Record):
    program: str
    goal: str


@dataclass(frozen=True)
class ActivityGoal(Record):
    activity: str
    goal: str


@dataclass(frozen=True)
class Employee(Record):
    """A roster row. `status` and `position_type` in their one spelling (vocabulary.py): `ASN` of earlier
    versions is PNS, `JFU` is Pelaksana; `position_typed` is the position type as typed, for the word printed."""

    nip: str
    name: str
    status: str
    position_type: str
    position: str
    grade: str
    education: str
    unit: str
    position_typed: str = ""


@dataclass(frozen=True)
class Education(Record):
    no: int
    name: str


@dataclass(frozen=True)
class Goal(Record):
    no: int
    name: str


@dataclass(frozen=True)
class Indicator(Record):
    """An IKK. `unit` is its Satuan (Indeks, Persen, Nilai, ...), `scale` the range it is measured on."""

    no: int
    goal: int
    name: str
    definition: str
    target: Target
    unit: str
    absolute: Target | None = None
    sum_label: str = ""
    direction: str = ""  # Arah: Naik (empty: higher is better) or Turun (lower is better)
    renstra: Target | None = None  # Target Renstra: the target at the end of the strategic period (the LAKIN's)
    scale: str = ""  # Skala as declared (`1-5`); empty: the satuan's own (vocabulary.DEFAULT_SCALES)


@dataclass(frozen=True)
class MonthlyTarget(Record):
    """A row of cumulative monthly targets.

    `component` is None for the IKK's own series, a number for a component, and
    "Jumlah" for a stated sum of the components (kept only to be checked).
    `extra` holds values typed beyond December (a 13th month), for checking.
    """

    ikk: int
    component: int | str | None
    name: str
    absolute: Target | None
    months: tuple[Decimal | None, ...]
    percent: bool = False
    places: int | None = None  # the most decimals typed in any month, so the series prints alike
    extra: tuple[tuple[Location, str], ...] = ()


@dataclass(frozen=True)
class Kro(Record):
    code: str
    name: str


@dataclass(frozen=True)
class Ro(Record):
    """A Rincian Output with its funding (thousands of rupiah) and next year's forward estimate."""

    code: str
    name: str
    volume: int
    unit: str
    rm: int
    pnbp: int
    phln: int
    location: str
    pj: tuple[str, ...]
    next_volume: int
    next_amount: int

    @property
    def amount(self) -> int:
        """The allocation: the sum of its sources, never typed separately."""
        return self.rm + self.pnbp + self.phln

    @property
    def kro(self) -> str:
        return self.code.split(".", 1)[0]


@dataclass(frozen=True)
class IkkRo(Record):
    """An RO serving an IKK. `name` is the name typed beside the code, if any (checked)."""

    ikk: int
    code: str
    name: str = ""


@dataclass(frozen=True)
class IkkAllocation(Record):
    """An allocation per IKK stated in the inputs (optional; checked against its ROs)."""

    ikk: int
    amount: int


@dataclass(frozen=True)
class ScheduleRow(Record):
    """The monthly disbursement plan of one RO, thousands of rupiah."""

    code: str
    name: str
    months: tuple[int, ...]
    extra: tuple[tuple[Location, str], ...] = ()

    @property
    def total(self) -> int:
        return sum(self.months)


@dataclass(frozen=True)
class StatedTotal(Record):
    """A `Jumlah` row typed in a sheet: the totals a planner states, by field key."""

    workbook: str
    sheet: str
    values: dict[str, Decimal | None]


@dataclass(frozen=True)
class Source:
    """An input workbook as read: where it is and what its bytes hash to."""

    workbook: str
    path: str
    sha256: str


@dataclass(frozen=True)
class Unread:
    """What of the workbooks could not be read: cells whose value is not known (a word in a number
    column, a formula never calculated, an empty required cell), and sheets a lookup cannot trust
    because a key cell of theirs (a code, a NIP, an IKK number) is one of those cells.

    Such a cell is typed as empty (0, no target, no text) so that every other cell can be checked;
    a rule's finding that names it, or names a whole sheet that cannot be trusted, rests on that
    stand-in and is withheld (`hides`): the read problem at the cell is the finding a planner needs.
    """

    cells: frozenset[Location] = frozenset()
    sheets: frozenset[tuple[str, str]] = frozenset()  # (workbook, sheet)

    def __bool__(self) -> bool:
        return bool(self.cells or self.sheets)

    def hides(self, finding: Finding) -> bool:
        """Whether `finding` rests on a value that could not be read."""
        return any(loc in self.cells or (not loc.cell and (loc.workbook, loc.sheet) in self.sheets)
                   for loc in finding.locations)


@dataclass(frozen=True)
class Plan:
    """Everything one office's RKT says, as read from its five workbooks."""

    office: Office
    units: tuple[Unit, ...]
    wilker: tuple[Wilker, ...]
    work_units: tuple[WorkUnit, ...]
    pjs: tuple[Pj, ...]
    programs: tuple[ProgramGoal, ...]
    activities: tuple[ActivityGoal, ...]
    staff: tuple[Employee, ...]
    educations: tuple[Education, ...]
    goals: tuple[Goal, ...]
    indicators: tuple[Indicator, ...]
    monthly: tuple[MonthlyTarget, ...]
    kros: tuple[Kro, ...]
    ros: tuple[Ro, ...]
    ikk_ros: tuple[IkkRo, ...]
    ikk_allocations: tuple[IkkAllocation, ...]
    schedule: tuple[ScheduleRow, ...]
    legal_basis: tuple[LegalBasis, ...] = ()
    totals: tuple[StatedTotal, ...] = ()
    sources: tuple[Source, ...] = ()
    input_findings: tuple[Finding, ...] = ()  # problems of the rows as typed (a key typed twice)
    realisation: Realisation | None = None  # realisasi.xlsx, when read (rkt check, rkt capaian; never rkt build)
    unread: Unread = Unread()  # what could not be read, typed as empty (a plan never made into documents)

    @cached_property
    def _ros_by_code(self) -> dict[str, Ro]:
        return {r.code: r for r in self.ros}

    @cached_property
    def _indicators_by_no(self) -> dict[int, Indicator]:
        return {i.no: i for i in self.indicators}

    @cached_property
    def _by_ikk(self) -> dict[int, tuple[list[IkkRo], list[MonthlyTarget]]]:
        index: dict[int, tuple[list[IkkRo], list[MonthlyTarget]]] = {}
        for link in self.ikk_ros:
            index.setdefault(link.ikk, ([], []))[0].append(link)
        for row in self.monthly:
            index.setdefault(row.ikk, ([], []))[1].append(row)
        return index

    @cached_property
    def _kro_names(self) -> dict[str, str]:
        return {k.code: k.name for k in self.kros}

    def ro(self, code: str) -> Ro | None:
        return self._ros_by_code.get(code)

    def kro_name(self, code: str) -> str | None:
        """The name of a KRO code in the KRO sheet (None if it is not there)."""
        return self._kro_names.get(code)

    def indicator(self, no: int) -> Indicator | None:
        return self._indicators_by_no.get(no)

    def links_of(self, ikk: int) -> list[IkkRo]:
        """The IKK-RO rows of an IKK, in sheet order."""
        return self._by_ikk.get(ikk, ([], []))[0]

    def monthly_of(self, ikk: int) -> list[MonthlyTarget]:
        """The monthly target rows of an IKK, in sheet order."""
        return self._by_ikk.get(ikk, ([], []))[1]

    def total(self, workbook: str, sheet: str) -> StatedTotal | None:
        return next((t for t in self.totals if t.workbook == workbook and t.sheet == sheet), None)


# --- realisation: what the office reports during the year (realisasi.xlsx) -----------------------

@dataclass(frozen=True)
class IkkRealisation(Record):
    """A row of cumulative monthly realisation, in the shape of `MonthlyTarget`.

    `component` is None for the IKK's own realisation (in the IKK's unit), a number for a
    component, "Jumlah" for a typed sum (refused by the checks: rkt adds components itself).
    A month not reported yet is None.
    """

    ikk: int
    component: int | str | None
    name: str
    months: tuple[Decimal | None, ...]
    percent: bool = False
    places: int | None = None
    extra: tuple[tuple[Location, str], ...] = ()


@dataclass(frozen=True)
class BudgetRealisation(Record):
    """One RO's budget realisation per month (not cumulative), thousands of rupiah; None: not reported.

    `code` is the KRO.RO read from the cell, `typed` the code as typed (a pasted export's long
    budget code); `source` is RM, PNBP or PHLN when the row is one source's, empty for the whole
    RO; `pagu` the allocation a pasted export states, if any.
    """

    code: str
    name: str
    source: str
    months: tuple[int | None, ...]
    typed: str = ""
    pagu: int | None = None
    extra: tuple[tuple[Location, str], ...] = ()

    def through(self, month: int) -> int:
        """Realisation of months 1..`month`, cumulative."""
        return sum(v or 0 for v in self.months[:month])


@dataclass(frozen=True)
class VolumeRealisation(Record):
    """One RO's output volume achieved, cumulative per month, in the RO's satuan; None: not reported."""

    code: str
    name: str
    months: tuple[int | None, ...]
    extra: tuple[tuple[Location, str], ...] = ()


@dataclass(frozen=True)
class Explanation(Record):
    """The tim kinerja's explanation of an IKK's result in a quarter (1-4)."""

    ikk: int
    quarter: int
    problems: str
    actions: str


@dataclass(frozen=True)
class EarlierResult(Record):
    """An IKK's realisation (and target) in an earlier year, for comparison."""

    ikk: int
    year: int
    target: Target | None
    realisation: Target | None


@dataclass(frozen=True)
class Realisation:
    """Everything realisasi.xlsx says, as read; every record keeps its cells."""

    year: int
    note: str
    ikk: tuple[IkkRealisation, ...] = ()
    budget: tuple[BudgetRealisation, ...] = ()
    volume: tuple[VolumeRealisation, ...] = ()
    explanations: tuple[Explanation, ...] = ()
    earlier: tuple[EarlierResult, ...] = ()
    total: StatedTotal | None = None  # a Jumlah row typed (or pasted) under Realisasi Anggaran
    cells: Cells = field(default_factory=dict, compare=False, repr=False)
    source: Source | None = None

    def loc(self, key: str) -> Location:
        return self.cells.get(key, Location("realisasi.xlsx", "Laporan"))
