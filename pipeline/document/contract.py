"""The template contract: the values `build_context` gives templates/rkt.docx and `agreement_context` templates/pk.docx.

Typed dictionaries, so a reader sees every name a template may use, and the shape of each, in one
place. The builders return plain dicts and nothing checks them while building; the tests do
(tests/test_contract.py): every name a template uses is a key here, and the contexts of the shipped
edition, the as-published figures and the test offices have exactly these keys and types.
Every text is already formatted (Indonesian numbers, `-` for nil); widths are twips.

No `from __future__ import annotations` here: TypedDict reads `NotRequired` from live annotations.
"""

from typing import NotRequired, TypedDict

# --- the identity every document shows (RKT and PK alike) -------------------------------------------


class Office(TypedDict):
    name: str
    name_upper: str
    short: str
    address: str
    postcode: str
    contact: str  # `Telp. ..., Fax. ...`, each only when given
    ministry: str
    ministry_upper: str
    parent_unit: str
    parent_unit_upper: str


class Edition(TypedDict):
    name: str  # `Awal Tahun`, `Revisi 1`
    title: str  # `RKT AWAL TAHUN 2024`
    revision: bool


class Sign(TypedDict):
    """The head of office's signature: place and date, title, name, NIP."""

    place: str
    date: str  # `Januari 2024`, `2 Juli 2024`
    title: str  # `Plt. Kepala ...` when the head is acting
    name: str
    nip: str


class Identity(TypedDict):
    year: str
    next_year: str
    office: Office
    edition: Edition
    sign: Sign


# --- RKT: Kata Pengantar and BAB I ---------------------------------------------------------------------


class Texts(TypedDict):
    """The texts bound to the parent unit and the strategic period (pipeline/plan/texts.py)."""

    period: str
    vision: str
    renstra_regulation: str
    organisation_regulation: str
    legal_basis: str
    parent_unit_short: str
    superior: str
    program: str
    goals: str
    previous_year: str


class Unit(TypedDict):
    no: str
    sentence: str
    wilker: bool  # the Wilayah Kerja unit: its wilker are listed under it


class Wilker(TypedDict):
    letter: str
    name: str


class Box(TypedDict):
    name: str
    lines: list[str]


class Bagan(TypedDict):
    """Bagan 1, drawn by pipeline/document/charts.py."""

    head: str
    side: list[Box]
    units: list[Box]


class Position(TypedDict):
    no: str
    name: str
    count: str


class GradeRow(TypedDict):
    label: str
    cells: list[str]
    total: str


class GradeTable(TypedDict):
    """Tabel 1."""

    rows: list[GradeRow]
    totals: list[str]
    total: str


class EducationRow(TypedDict):
    no: str
    name: str
    cells: list[str]
    total: str


class EducationTable(TypedDict):
    """Tabel 2."""

    rows: list[EducationRow]
    totals: list[str]
    total: str


class PairWidths(TypedDict):
    jfu: int
    jft: int
    both: int


class UnitWidths(TypedDict):
    no: int
    name: int
    pairs: list[PairWidths]
    structural: int
    total: int


class UnitHeader(TypedDict):
    """A group or unit header cell of Tabel 3, spanning `span` columns, merged down while `first` is false."""

    label: str
    span: int
    first: bool
    w: int


class Pair(TypedDict):
    jfu: str
    jft: str


class UnitRow(TypedDict):
    no: str
    name: str
    cells: list[Pair]
    structural: str
    total: str


class TableRef(TypedDict):
    """A data table, as its placeholder names it (`{{ tables.tabel_5|table }}`); pipeline/document/table.py
    writes it from its declaration."""

    name: str  # the declaration's name (pipeline/document/columns.py, `PLACED`)
    item: int  # for a table in a loop (Tabel 3's parts, the target annexes), which item; else 0


class UnitTable(TypedDict):
    """One part of Tabel 3; the last carries the Struktural and Jumlah columns."""

    table: TableRef
    continued: bool
    last: bool
    w: UnitWidths
    groups: list[UnitHeader]
    units: list[UnitHeader]
    rows: list[UnitRow]
    totals: list[Pair]
    structural: str
    total: str


class StaffWords(TypedDict):
    """Words the roster chooses: `pelaksana` is JFU or Pelaksana, as the office's records call that category."""

    pelaksana: str


class Staff(TypedDict):
    total_phrase: str
    status_phrase: str
    by_position: list[Position]
    grade_table: GradeTable
    education_table: EducationTable
    unit_tables: list[UnitTable]
    unit_legend: str
    words: StaffWords


class Series(TypedDict):
    name: str
    values: list[int]


class Chart(TypedDict):
    """A chart spec, drawn by pipeline/document/charts.py."""

    id: str
    name: str
    kind: str  # pie, column, bar, stacked
    categories: list[str]
    series: list[Series]


class Charts(TypedDict):
    grafik_1: Chart
    grafik_2: Chart
    grafik_3: Chart
    grafik_4: Chart


# --- RKT: BAB II ---------------------------------------------------------------------------------------


class Numbered(TypedDict):
    no: str
    name: str


class Grouped(TypedDict):
    """A program or an activity, numbered, with its numbered goals."""

    no: str
    name: str
    goals: list[Numbered]


class IkkRow(TypedDict):
    """A row of Tabel 4: a KRO heading (`kro`) or an RO (`name`); the IKK's cells merged down from `first`."""

    heading: bool
    first: bool
    no: str
    ikk: str
    target: str
    amount: str
    kro: NotRequired[str]
    name: NotRequired[str]


class IkkTable(TypedDict):
    rows: list[IkkRow]


class FundingRow(TypedDict):
    """A row of Tabel 5: a KRO heading (`kro`) or an RO with its figures."""

    heading: bool
    first: bool
    ikk: str
    kro: NotRequired[str]
    name: NotRequired[str]
    volume: NotRequired[str]
    unit: NotRequired[str]
    amount: NotRequired[str]
    next_volume: NotRequired[str]
    next_amount: NotRequired[str]


class FundingTotal(TypedDict):
    amount: str
    next_amount: str


class Funding(TypedDict):
    rows: list[FundingRow]
    years: list[str]  # this year and the next
    total: FundingTotal


class SourceRow(TypedDict):
    """A row of Tabel 6: a KRO heading (`kro`) or an RO with its sources."""

    heading: bool
    first: bool
    ikk: str
    kro: NotRequired[str]
    code: NotRequired[str]
    name: NotRequired[str]
    rm: NotRequired[str]
    pnbp: NotRequired[str]
    phln: NotRequired[str]
    amount: NotRequired[str]
    location: NotRequired[str]


class SourceTotal(TypedDict):
    rm: str
    pnbp: str
    phln: str
    amount: str


class Sources(TypedDict):
    rows: list[SourceRow]
    total: SourceTotal


# --- RKT: Lampiran ---------------------------------------------------------------------------------------


class TargetRow(TypedDict):
    """A row of a target annex: an IKK (`first`), its component sum or a component."""

    first: bool
    goal_first: bool  # the first row of the sasaran: its number and name merge down from here
    ikk: str
    definition: str
    target: str
    absolute: str
    months: list[str]


class TargetAnnex(TypedDict):
    """One Lampiran of monthly targets: one sasaran's IKK."""

    table: TableRef
    lampiran: str
    no: str
    name: str
    title: str
    rows: list[TargetRow]


class ScheduleRow(TypedDict):
    """A row of the Jadwal: a KRO heading (`kro`) or an RO with its twelve months."""

    heading: bool
    first: bool
    ikk: str
    target: str
    kro: NotRequired[str]
    code: NotRequired[str]
    name: NotRequired[str]
    months: NotRequired[list[str]]
    amount: NotRequired[str]
    pj: NotRequired[str]


class ScheduleTotal(TypedDict):
    months: list[str]
    amount: str


class Schedule(TypedDict):
    lampiran: str
    rows: list[ScheduleRow]
    total: ScheduleTotal


class FindingRow(TypedDict):
    """A finding listed at the end of a draft."""

    no: str
    severity: str
    rule: str
    message: str
    where: str


class Fitted(TypedDict):
    """A measured table's column widths and the paragraph styles of the type size they fit at."""

    w: list[int]
    style: str
    ro: str  # the style of its RO names (a hanging `- ` list)


class Layouts(TypedDict):
    t4: Fitted
    t5: Fitted
    t6: Fitted
    target: Fitted
    schedule: Fitted


class RktTables(TypedDict):
    """The data tables of the RKT that stand on their own (Tabel 3 and the target annexes are in loops)."""

    tabel_1: TableRef
    tabel_2: TableRef
    tabel_4: TableRef
    tabel_5: TableRef
    tabel_6: TableRef
    jadwal: TableRef
    temuan: TableRef


class RktContext(Identity):
    """Everything templates/rkt.docx shows (`pipeline.document.context.build_context`)."""

    draft: bool
    tables: RktTables
    texts: Texts
    units: list[Unit]
    wilker: list[Wilker]
    wilker_count: str
    bagan: Bagan
    staff: Staff
    charts: Charts
    programs: list[Grouped]
    activities: list[Grouped]
    activity_goals: list[Numbered]
    ikk_table: IkkTable
    funding: Funding
    sources: Sources
    pagu: str
    target_annexes: list[TargetAnnex]
    schedule: Schedule
    findings: list[FindingRow]
    months_short: list[str]
    layout: Layouts


# --- PK ----------------------------------------------------------------------------------------------------


class Party(TypedDict):
    name: str
    title: str  # `Plt. ...` / `Plh. ...` when acting
    nip: str


class PkRow(TypedDict):
    """A row of the PK's lampiran: an IKK under its sasaran (merged down from `first`)."""

    first: bool
    no: str
    goal: str
    ikk: str
    target: str


class Budget(TypedDict):
    figure: str  # `Rp14.530.796.000`
    words: str
    sources: str  # `, terdiri atas ...` when more than one source funds it, else empty


class Pk(TypedDict):
    edition: str  # the revision's name, upper case; empty for the first edition
    first: Party
    second: Party
    rows: list[PkRow]
    activities: list[Numbered]
    budget: Budget


class PkTables(TypedDict):
    lampiran_pk: TableRef


class PkContext(Identity):
    """Everything templates/pk.docx shows (`pipeline.document.agreement.agreement_context`)."""

    draft: bool
    tables: PkTables
    pk: Pk


# --- the year measured: the capaian report and the LAKIN ----------------------------------------------------


class MeasureRow(TypedDict):
    """A row of the capaian table: an IKK (`first`: its number starts here) or one of its components."""

    first: bool
    no: str
    name: str
    target: str  # Target PK, as the PK prints it
    period_target: str
    realised: str
    capaian: str  # `97,12%`; `-` when it cannot be said
    category: str


class YearRow(TypedDict):
    year: str
    target: str
    realised: str
    capaian: str


class IkkReport(TypedDict):
    """One IKK in BAB III: its figures, its years, the ROs that served it, the tim kinerja's explanation."""

    table: TableRef  # its years (`tahun`)
    no: str
    name: str
    goal: str
    target: str
    period_target: str
    realised: str
    capaian: str
    category: str
    direction: str  # a sentence when lower is better, else empty
    years: list[YearRow]
    earlier: str  # a sentence on the year before, or empty
    renstra: str  # the Target Renstra as typed, or empty when kinerja.xlsx has none
    renstra_capaian: str  # this year's realisation against it
    allocation: str
    spent: str
    absorption: str
    efficiency: str  # capaian against absorption, a sentence
    programmes: list[str]  # the ROs that served it
    problems: str
    actions: str


class BudgetRow(TypedDict):
    code: str
    name: str
    allocation: str
    planned: str
    realised: str
    absorption: str
    deviation: str


class FundRow(TypedDict):
    name: str
    allocation: str
    realised: str
    absorption: str


class Counts(TypedDict):
    total: str
    achieved: str
    nearly: str
    missed: str
    not_reported: str


class Measured(TypedDict):
    """A period measured (pipeline/plan/realisation.py's `Capaian`), every figure as the documents print it."""

    label: str  # `Triwulan II (s.d. Juni)`, `s.d. Juni`
    through: str  # `Juni`
    months: str  # `Januari s.d. Juni 2024`
    complete: bool  # measured through December
    reported: str  # empty when both realisations reach the period's last month, else what lags
    counts: Counts
    rows: list[MeasureRow]
    ikks: list[IkkReport]
    budget: list[BudgetRow]
    total: BudgetRow
    sources: list[FundRow]
    unattributed: str  # realisation no source could be told for, or empty


class MeasuredCharts(TypedDict):
    capaian: Chart  # capaian per IKK
    anggaran: Chart  # the cumulative plan against the cumulative realisation, month by month


class CapaianTables(TypedDict):
    capaian: TableRef
    anggaran: TableRef
    sumber_dana: TableRef


class CapaianContext(Identity):
    """Everything templates/capaian.docx shows (`pipeline.document.performance.capaian_context`)."""

    draft: bool
    tables: CapaianTables
    charts: MeasuredCharts
    capaian: Measured
    made: str  # `Juli 2024`: the month after the period, when the report is made


class IssuedPk(TypedDict):
    """A PK in the LAKIN's lampiran: the current one, or each edition issued in terbit/."""

    table: TableRef
    title: str  # `PERJANJIAN KINERJA TAHUN 2024` and the edition
    date: str
    rows: list[PkRow]
    budget: Budget


class LakinTables(CapaianTables):
    lampiran_pk: TableRef


class Lakin(TypedDict):
    date: str  # the month after the period: the report is signed then
    period: str  # `2020-2024`
    vision: str
    goals: str  # the strategic goals, joined
    achieved_share: str  # `4 dari 6 IKK`
    renstra: str  # the Renstra regulation, or empty


class LakinContext(Identity):
    """Everything templates/lakin.docx shows (`pipeline.document.performance.lakin_context`)."""

    draft: bool
    tables: LakinTables
    charts: MeasuredCharts
    capaian: Measured
    pk: Pk
    lakin: Lakin
    lampiran: list[IssuedPk]
