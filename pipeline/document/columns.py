"""Every table of the RKT, the PK, the capaian report and the LAKIN, its columns declared once.

A column says what its cells print (`r.name`, over the row `r`), its header, its alignment, its
width when not measured and how the build measures it. The context measures the tables from what
they hold (`measure`, pipeline/document/layout.py), pipeline/document/table.py writes each table from
its declaration where a template's placeholder paragraph names it (`PLACED`), and
tests/test_contract.py holds each printed value to the template contract. A table is declared as the
writer draws it: header rows (a column's own header, groups spanning columns above it), a row per
item (a KRO heading row first where `headings`), a total row, its paragraph style and the type sizes
it may take.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter

from pipeline.document import layout

PORTRAIT_CM, LANDSCAPE_CM = 15.5, 25.7  # the text width of the template's pages: A4 less the margins
BODY_PT, SMALL_PT, MINI_PT = 8.5, 7.0, 6.0  # the type sizes of the template's table styles
STYLES = {BODY_PT: "IsiTabel", SMALL_PT: "IsiTabelKecil", MINI_PT: "IsiTabelMini"}
RO_STYLES = {BODY_PT: "IsiTabelRO", SMALL_PT: "IsiTabelROKecil", MINI_PT: "IsiTabelROMini"}
AGREEMENT_STYLE = "IsiPK"
# The name a planner sees of each table style, by its id. An editor may give a style another id (LibreOffice
# makes the id from the name: `IsiTabelRincianOutput`); the table writer then finds the style by this name.
STYLE_NAMES = {
    **{STYLES[pt]: f"Isi Tabel{size}" for pt, size in ((BODY_PT, ""), (SMALL_PT, " Kecil"), (MINI_PT, " Mini"))},
    **{RO_STYLES[pt]: f"Isi Tabel Rincian Output{size}"
       for pt, size in ((BODY_PT, ""), (SMALL_PT, " Kecil"), (MINI_PT, " Mini"))},
    AGREEMENT_STYLE: "Isi Tabel PK",
}
ITEM_INDENT, ITEM_HANGING = 0.3, 0.25  # cm: the RO styles' hanging indent of a `- name` list item

LEFT, CENTER, RIGHT = "left", "center", "right"


@dataclass(frozen=True)
class Column:
    """One column: what its cells print, its header, alignment and width, and how it is measured."""

    value: str  # a template expression over the row `r` (or the outer loop's item): `r.name`, `r.months[3]`
    header: str  # its own header; `{{ year }}`-style tags are the context's values
    width: float  # cm: its width in a table the build does not measure (`Table.name` empty, not Tabel 3)
    align: str = LEFT
    merged: str = ""  # merged down over the rows that follow while this flag is false (`r.first`)
    heading: bool = False  # the KRO heading row's name must fit in this column too
    item: bool = False  # printed as a list item (`- name`) in the table's RO style
    total: str = ""  # the total row's figure: a path in the context (`funding.total.amount`)
    joined: bool = False  # no header cell of its own: the next column's header spans both
    wrap: bool = False  # its text may wrap between words (a figure or a code never does)
    minimum: float = 0.0  # cm
    share: float = 1.0  # its weight among the wrapping columns for the width the page leaves over

    def fit(self, texts: Sequence[str], header: str | None = None, minimum: float | None = None) -> layout.Column:
        """What `layout.fit` measures: `texts`, under `header` (default: its own), with its options."""
        return layout.Column(texts, self.header if header is None else header, wrap=self.wrap,
                             minimum=self.minimum if minimum is None else minimum, share=self.share,
                             indent=ITEM_INDENT if self.item else 0.0)


@dataclass(frozen=True)
class Group:
    """A header cell above `span` columns from column `first`: `Tahun {{ year }}` over Volume, Satuan, Alokasi."""

    text: str
    first: int
    span: int


@dataclass(frozen=True)
class Table:
    """A table: its rows in the context, its columns, the header groups above them, and how it is set."""

    rows: str  # where its rows are: `ikk_table.rows`, or `g.rows` of each item of `within`
    columns: tuple[Column, ...]
    groups: tuple[tuple[Group, ...], ...] = ()  # header rows above the columns' own, the top one first
    var: str = "r"  # the name of a row in `Column.value`
    within: str = ""  # `g in target_annexes`: the table is repeated for each item of an outer loop
    name: str = ""  # measured by the build: its widths and styles are the context's `layout.<name>`
    sizes: tuple[float, ...] = (BODY_PT,)  # the type sizes it may take, the largest first
    style: str = ""  # its paragraph style when not one of STYLES (the PK's)
    page: float = PORTRAIT_CM  # the width it fits
    margin: float = 0.1  # cm of cell margin left and right
    headings: bool = False  # each KRO group of RO rows opens with a heading row (`r.heading`, `r.kro`)
    total: str = ""  # the total row's label (its figures are the columns' `total`); "" for none
    total_align: str = LEFT
    split: bool = False  # an item row may break across a page (the total row never does)
    keep_end: bool = False  # its last row, the total or else the last item, stays with what follows
    together: bool = False  # kept on one page

    @property
    def paragraph(self) -> str:
        """The paragraph style of its cells at its largest type size."""
        return self.style or STYLES[self.sizes[0]]

    @property
    def item_style(self) -> str:
        """The paragraph style of its list items (RO names) at its largest type size."""
        return RO_STYLES[self.sizes[0]]


def measure(table: Table, ctx: Mapping) -> list[layout.Column]:
    """The columns of `table` as the context fills them, for `layout.fit`: each column's texts are every
    item's (or, for a merged column, every row's), the KRO headings it must hold, its total."""
    if table.within:
        _, source = table.within.split(" in ")
        outer = value_of(ctx, source)
        rows = [r for o in outer for r in _follow(o, steps(table.rows)[1:])]
    else:
        outer, rows = [], value_of(ctx, table.rows)
    items = [r for r in rows if not r.get("heading")]
    headings = [r["kro"] for r in rows if r.get("heading")]
    measured = []
    for column in table.columns:
        var, *path = steps(column.value)
        value = _getter(tuple(path))
        if var != table.var:
            texts = [value(o) for o in outer]
        else:
            texts = [value(r) for r in (rows if column.merged else items)]
            if column.heading:
                texts += headings
            if column.total:
                texts.append(value_of(ctx, column.total))
        measured.append(column.fit(texts, filled(column.header, ctx)))
    return measured


_STEP = re.compile(r"\.?(\w+)|\[(\d+)\]")
_TAG = re.compile(r"\{\{\s*(.+?)\s*\}\}")


@lru_cache(maxsize=256)
def steps(expr: str) -> tuple[str | int, ...]:
    """The path an expression follows: `funding.years[0]` -> ('funding', 'years', 0)."""
    return tuple(name or int(index) for name, index in _STEP.findall(expr))


@lru_cache(maxsize=256)
def _getter(path: tuple[str | int, ...]):
    """A function following `path` in a row: a row's texts are read as fast as by hand."""
    if len(path) == 1:
        return itemgetter(path[0])
    if len(path) == 2:
        first, second = path
        return lambda value: value[first][second]
    return lambda value: _follow(value, path)


def _follow(value, path: Sequence[str | int]):
    for step in path:
        value = value[step]
    return value


def value_of(ctx: Mapping, expr: str):
    """What `expr` (`funding.total.amount`, `r.months[3]`) reads in `ctx`, a mapping of names."""
    return _follow(ctx, steps(expr))


def filled(text: str, ctx: Mapping) -> str:
    """`Target Tahun {{ year }}` -> `Target Tahun 2024`: a header's tags filled from the context."""
    return _TAG.sub(lambda m: str(value_of(ctx, m.group(1))), text) if "{{" in text else text


def _months(value: str, width: float, total: str = "") -> tuple[Column, ...]:
    """Twelve month columns under the short month names: `value` and `total` take the month's index."""
    return tuple(Column(f"{value}[{m}]", f"{{{{ months_short[{m}] }}}}", width, RIGHT,
                        total=f"{total}[{m}]" if total else "") for m in range(12))


PELAKSANA_HEADER = "{{ staff.words.pelaksana }}"  # JFU or Pelaksana, as the office's roster calls them
ONE_EACH = "(setiap Rincian Output dihitung satu kali)"

# --- BAB I: the staff tables (fixed widths) ---------------------------------------------------------

GRADES = Table(  # Tabel 1: golongan x ruang
    "staff.grade_table.rows",
    (
        Column("r.label", "Golongan", 4.4, CENTER),  # `VII (PPPK Paruh Waktu)` on one line
        *(Column(f"r.cells[{i}]", ruang, 1.8, RIGHT, total=f"staff.grade_table.totals[{i}]")
          for i, ruang in enumerate("ABCD")),
        Column("r.total", "Jumlah", 2.2, RIGHT, total="staff.grade_table.total"),
    ),
    groups=((Group("Ruang", 1, 4),),),
    total="Jumlah", total_align=CENTER, together=True,
)

EDUCATION = Table(  # Tabel 2: education x position type
    "staff.education_table.rows",
    (
        Column("r.no", "No", 1.0, CENTER),
        Column("r.name", "Kualifikasi Pendidikan", 6.4),
        *(Column(f"r.cells[{i}]", kind, width, RIGHT, total=f"staff.education_table.totals[{i}]")
          for i, (kind, width) in enumerate(((PELAKSANA_HEADER, 2.2), ("JFT", 1.8), ("Struktural", 2.2)))),
        Column("r.total", "Jumlah", 1.8, RIGHT, total="staff.education_table.total"),
    ),
    total="Jumlah", total_align=CENTER, together=True,
)

# Tabel 3: education x work unit, in as many parts `t` as the page needs (`context._unit_table` measures
# each part). The Pelaksana/JFT pair `c` repeats per work unit of the part (`r.cells`, and `t.totals` in the total
# row), under the unit's header cells; Struktural and Jumlah end the last part (pipeline/document/table.py).
UNITS = Table(
    "t.rows",
    (
        Column("r.no", "No", 0.8, CENTER),
        Column("r.name", "Kualifikasi Pendidikan", 3.9, wrap=True, minimum=2.5),
        Column("c.jfu", PELAKSANA_HEADER, 0.95, RIGHT, total="c.jfu"),
        Column("c.jft", "JFT", 0.95, RIGHT, total="c.jft"),
        Column("r.structural", "Struktural", 1.7, RIGHT, total="t.structural"),
        Column("r.total", "Jumlah", 1.3, RIGHT, total="t.total"),
    ),
    within="t in staff.unit_tables", sizes=(SMALL_PT,), total="Jumlah", total_align=CENTER, together=True,
)

# --- BAB II: measured by the build -------------------------------------------------------------------

IKK = Table(  # Tabel 4: sasaran kegiatan, RO and funding
    "ikk_table.rows",
    (
        Column("r.no", "No", 0.8, CENTER, merged="r.first"),
        Column("r.name", "Rincian Output", 6.3, item=True, heading=True, wrap=True, share=1.6),
        Column("r.ikk", "Indikator Kinerja Kegiatan", 4.6, merged="r.first", wrap=True, share=0.5),
        Column("r.target", "Target Tahun {{ year }}", 1.5, CENTER, merged="r.first", minimum=1.3),
        Column("r.amount", "Alokasi {{ year }} (000)", 2.3, RIGHT, merged="r.first", total="pagu"),
    ),
    name="t4", sizes=(BODY_PT, SMALL_PT), headings=True,
    total=f"Pagu {{{{ office.short }}}} Tahun {{{{ year }}}} {ONE_EACH}",
)

FUNDING = Table(  # Tabel 5: Perhitungan Pendanaan, this year and the forward estimate
    "funding.rows",
    (
        Column("r.ikk", "Indikator", 2.1, merged="r.first", wrap=True, share=0.4),
        Column("r.name", "Rincian Output", 3.4, item=True, wrap=True, share=1.6),
        Column("r.volume", "Volume", 1.3, RIGHT),
        Column("r.unit", "Satuan", 1.4, wrap=True, share=0.2),
        Column("r.amount", "Alokasi (000)", 1.85, RIGHT, total="funding.total.amount"),
        Column("r.volume", "{{ funding.years[0] }}", 0.85, RIGHT),
        Column("r.next_volume", "{{ funding.years[1] }}", 0.85, RIGHT),
        Column("r.amount", "{{ funding.years[0] }}", 1.85, RIGHT, total="funding.total.amount"),
        Column("r.next_amount", "{{ funding.years[1] }}", 1.85, RIGHT, total="funding.total.next_amount"),
    ),
    groups=((Group("Tahun {{ year }}", 2, 3), Group("Prakiraan Maju", 5, 4)),
            (Group("Volume", 5, 2), Group("Alokasi (000)", 7, 2))),
    name="t5", sizes=(BODY_PT, SMALL_PT), headings=True, total=f"Jumlah {ONE_EACH}",
)

SOURCES = Table(  # Tabel 6: Sumber Pendanaan
    "sources.rows",
    (
        Column("r.ikk", "Indikator", 2.1, merged="r.first", wrap=True, share=0.4),
        Column("r.code", "Kode", 1.4, joined=True),
        Column("r.name", "Rincian Output", 3.45, item=True, wrap=True, share=1.6),
        Column("r.rm", "Rupiah Murni", 1.85, RIGHT, total="sources.total.rm", minimum=1.4),
        Column("r.pnbp", "PNBP", 1.85, RIGHT, total="sources.total.pnbp"),
        Column("r.phln", "PHLN", 1.2, RIGHT, total="sources.total.phln"),
        Column("r.amount", "Jumlah", 1.85, RIGHT, total="sources.total.amount"),
        Column("r.location", "Lokasi", 1.7, wrap=True, share=0.5),
    ),
    groups=((Group("Alokasi (000)", 3, 3),),),
    name="t6", sizes=(BODY_PT, SMALL_PT), headings=True, total=f"Jumlah {ONE_EACH}",
)

# --- Lampiran: landscape, measured by the build ----------------------------------------------------------

TARGETS = Table(  # Target Indikator Kinerja: one table per sasaran
    "g.rows",
    (
        Column("g.no", "NO", 0.6, CENTER, merged="r.goal_first"),
        Column("g.name", "SASARAN KINERJA", 2.2, merged="r.goal_first", wrap=True, share=0.4),
        Column("r.ikk", "INDIKATOR KINERJA KEGIATAN", 2.6, merged="r.first", wrap=True, share=0.6),
        Column("r.definition", "DEFINISI OPERASIONAL IKK SATKER", 3.6, wrap=True, share=1.5),
        Column("r.target", "Target PK {{ year }}", 1.05, CENTER),
        Column("r.absolute", "Target Absolut", 1.25, RIGHT),
        *_months("r.months", 1.2),
    ),
    groups=((Group("TARGET", 6, 12),),),
    within="g in target_annexes", name="target", sizes=(SMALL_PT, MINI_PT), page=LANDSCAPE_CM, margin=0.04,
    keep_end=True,  # the last row goes with the signature, which is never left alone on a page
)

SCHEDULE = Table(  # Jadwal Pelaksanaan Kegiatan
    "schedule.rows",
    (
        Column("r.ikk", "IKK", 2.3, merged="r.first", wrap=True, share=0.4),
        Column("r.code", "Kode", 1.2, joined=True),
        Column("r.name", "Rincian Output", 3.2, heading=True, wrap=True, share=1.5),
        Column("r.target", "Target IKK", 0.9, CENTER, merged="r.first"),
        *_months("r.months", 1.2, total="schedule.total.months"),
        Column("r.amount", "Jumlah", 1.4, RIGHT, total="schedule.total.amount"),
        Column("r.pj", "PJ", 2.3, wrap=True),
    ),
    groups=((Group("Jadwal Pelaksanaan Kegiatan/Penarikan Anggaran (000)", 4, 12),),),
    name="schedule", sizes=(SMALL_PT, MINI_PT), page=LANDSCAPE_CM, margin=0.04, headings=True,
    total=f"Jumlah penarikan satker {ONE_EACH}",
    # Item rows may split at a page foot: with rows merged down and kept whole, LibreOffice cannot move
    # the last row to the signature's page and leaves the signature alone on a page of its own.
    split=True, keep_end=True,
)

FINDINGS = Table(  # a draft's findings
    "findings",
    (
        Column("f.no", "No", 0.8, CENTER),
        Column("f.severity", "Tingkat", 1.8),
        Column("f.rule", "Aturan", 4.0),
        Column("f.message", "Uraian", 12.1),
        Column("f.where", "Lokasi", 7.0),
    ),
    var="f",
)

# --- the Perjanjian Kinerja ------------------------------------------------------------------------------

AGREEMENT = Table(  # the lampiran: No | Sasaran | Indikator Kinerja | Target, the sasaran merged down
    "pk.rows",
    (
        Column("r.no", "No", 1.0, CENTER, merged="r.first"),
        Column("r.goal", "Sasaran", 5.3, merged="r.first"),
        Column("r.ikk", "Indikator Kinerja", 7.2),
        Column("r.target", "Target", 2.0, CENTER),
    ),
    style=AGREEMENT_STYLE,
)

# --- the year measured: the capaian report and the LAKIN (pipeline/document/performance.py) -------------------

CAPAIAN = Table(  # every IKK and component: Target PK, the period's target, realisation, capaian, category
    "capaian.rows",
    (
        Column("r.no", "No", 0.8, CENTER, merged="r.first"),
        Column("r.name", "Indikator Kinerja", 5.1, wrap=True),
        Column("r.target", "Target PK", 1.6, CENTER),
        Column("r.period_target", "Target s.d. {{ capaian.through }}", 1.8, CENTER),
        Column("r.realised", "Realisasi s.d. {{ capaian.through }}", 1.8, CENTER),
        Column("r.capaian", "Capaian", 1.6, RIGHT),
        Column("r.category", "Kategori", 2.3, wrap=True),
    ),
)

YEARS = Table(  # one IKK against earlier years (the Tahun Lalu sheet of realisasi.xlsx) and this year
    "i.years",
    (
        Column("y.year", "Tahun", 2.4, CENTER),
        Column("y.target", "Target", 3.2, CENTER),
        Column("y.realised", "Realisasi", 3.2, CENTER),
        Column("y.capaian", "Capaian", 3.2, RIGHT),
    ),
    var="y", within="i in capaian.ikks", together=True,
)

SPENDING = Table(  # every RO: pagu, plan and realisation through the period, absorption, deviation from the plan
    "capaian.budget",
    (
        Column("r.code", "Kode", 1.5),
        Column("r.name", "Rincian Output", 4.2, wrap=True),
        Column("r.allocation", "Pagu (000)", 2.0, RIGHT, total="capaian.total.allocation"),
        Column("r.planned", "Rencana s.d. {{ capaian.through }} (000)", 2.0, RIGHT, total="capaian.total.planned"),
        Column("r.realised", "Realisasi s.d. {{ capaian.through }} (000)", 2.0, RIGHT,
               total="capaian.total.realised"),
        Column("r.absorption", "Penyerapan", 1.7, RIGHT, total="capaian.total.absorption"),
        Column("r.deviation", "Deviasi", 1.6, RIGHT, total="capaian.total.deviation"),
    ),
    sizes=(SMALL_PT,), total="Jumlah", total_align=CENTER,
)

FUNDS = Table(  # realisation per funding source (the Jadwal has no plan per source)
    "capaian.sources",
    (
        Column("r.name", "Sumber Dana", 4.5),
        Column("r.allocation", "Pagu (000)", 3.0, RIGHT),
        Column("r.realised", "Realisasi s.d. {{ capaian.through }} (000)", 3.0, RIGHT),
        Column("r.absorption", "Penyerapan", 2.5, RIGHT),
    ),
    together=True,
)

ISSUED_PK = Table(  # the LAKIN's lampiran: each issued PK's targets, as its lampiran printed them
    "a.rows",
    AGREEMENT.columns,
    within="a in lampiran", style=AGREEMENT_STYLE,
)

MEASURED = (IKK, FUNDING, SOURCES, TARGETS, SCHEDULE)  # the tables whose widths the context measures
TABLES = (GRADES, EDUCATION, UNITS, *MEASURED, FINDINGS, AGREEMENT, CAPAIAN, YEARS, SPENDING, FUNDS, ISSUED_PK)

# Each table by the name its placeholder gives (`{{ tables.tabel_5|table }}`: the context's `TableRef`).
PLACED = {
    "tabel_1": GRADES, "tabel_2": EDUCATION, "tabel_3": UNITS, "tabel_4": IKK, "tabel_5": FUNDING,
    "tabel_6": SOURCES, "lampiran_target": TARGETS, "jadwal": SCHEDULE, "temuan": FINDINGS,
    "lampiran_pk": AGREEMENT, "capaian": CAPAIAN, "tahun": YEARS, "anggaran": SPENDING, "sumber_dana": FUNDS,
    "lampiran_pk_terbit": ISSUED_PK,
}
