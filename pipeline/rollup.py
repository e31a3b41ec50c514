"""The regional or national roll-up: one Excel workbook comparing many offices (`rkt rekap`).

A regional or national team receives the five workbooks of every office and wants the offices
side by side: pagu and sources, staff, IKK targets, ROs with KRO subtotals, monthly
disbursement. `rollup(folders)` reads each office (in parallel, one process per office) with
the same reader, checks and `plan.tables` as `rkt build`, so every figure equals the office's
own RKT; `write_rollup` writes the workbook.

Why pandas here and nowhere else: this is the one place where rkt holds tables of many offices
at once and reshapes them (the KRO subtotals are a group-by, the views are frames written
straight to sheets by `DataFrame.to_excel`). A single office's document needs none of that, so
`rkt build` and `rkt check` never import pandas; this module imports it only inside the
functions that use it, so importing `pipeline.rollup` stays cheap, and the office jobs return
plain picklable rows, not frames. The `rkt rekap` command is a thin shell in pipeline/cli.py.

Sheets (headers in Bahasa Indonesia, money in whole thousands of rupiah, "(000)"; every figure a
number with a display format, so it sorts and filters; every sheet set up to print A4 landscape, fit
to the page's width, its header row on every page):

- Kantor: one row per folder, an unreadable one included with its status; `Catatan Rekap` flags an
  office whose year or edition differs from what most of the others are.
- IKK: one row per office x IKK; Target PK a number (97% stored as 0,97 in a percent format).
- RO: one row per office x RO in the order of the office's RO sheet, then that office's KRO
  subtotals, one row per KRO in order of first use: `Kode RO` reads `Jumlah KRO QAH`, volume and
  satuan are empty (volumes of different ROs do not add up), the row is bold, and the last
  column `Baris` says `RO` or `Subtotal KRO`, so the autofilter shows either kind alone
  (summing the whole money column without that filter counts every rupiah twice).
- Penarikan: one row per office, the 12 months and their total.
- Grafik: the line chart of Penarikan, alone on its sheet, so it prints whole on one page.
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from collections import Counter
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from openpyxl.chart import LineChart, Reference
from openpyxl.chart.data_source import AxDataSource, StrRef
from openpyxl.utils import get_column_letter

from pipeline.edition import analyse
from pipeline.files import FileProblem, write_bytes
from pipeline.inputs.schema import WORKBOOKS
from pipeline.outputs import refuse_inside
from pipeline.plan import tables
from pipeline.plan.vocabulary import MONTH_SHORT, POSITION_TYPES, STATUSES
from pipeline.workbooks import printing
from pipeline.workbooks.printing import figure
from pipeline.workbooks.xlsx import HEADER_FILL, HEADER_FONT, sheet_text

if TYPE_CHECKING:
    import pandas as pd

UNREADABLE = "input tidak dapat dibaca"
OK, HAS_ERRORS = "OK", "ada galat"
RO_ROW, KRO_ROW = "RO", "Subtotal KRO"

OFFICE, FOLDER = "Kantor", "Folder"
MIXED = "Catatan Rekap"  # an office whose year or edition differs from the others'
KANTOR_COLUMNS = (FOLDER, OFFICE, "Nama Kantor", "Tahun", "Edisi", "Pagu (000)", "RM (000)", "PNBP (000)",
                  "PHLN (000)", "Pegawai", *STATUSES, *POSITION_TYPES, "IKK", "RO", "Galat", "Peringatan", "Status",
                  MIXED)
FORMAT = "_format"  # the display format of each row's Target PK; used when writing, never a column of the sheet
IKK_COLUMNS = (OFFICE, "No IKK", "IKK", "Satuan", "Target PK", "Alokasi (000)", FORMAT)
MONEY = ("RM (000)", "PNBP (000)", "PHLN (000)", "Alokasi (000)")
RO_COLUMNS = (OFFICE, "Kode KRO", "KRO", "Kode RO", "Rincian Output", "Volume", "Satuan", *MONEY, "Baris")
TOTAL = "Jumlah (000)"
PENARIKAN_COLUMNS = (OFFICE, *MONTH_SHORT, TOTAL)
# the text columns of each view; every other column holds whole numbers
KANTOR_TEXT = {FOLDER, OFFICE, "Nama Kantor", "Edisi", "Status", MIXED}
IKK_TEXT = {OFFICE, "IKK", "Satuan", "Target PK", FORMAT}  # Target PK: a number, whole or not (an object column)
RO_TEXT = {OFFICE, "Kode KRO", "KRO", "Kode RO", "Rincian Output", "Satuan", "Baris"}
YEAR_COLUMNS = {"Tahun", "No IKK"}
SHEETS = ("Kantor", "IKK", "RO", "Penarikan")
CHART_SHEET = "Grafik"  # the disbursement chart, on a sheet of its own: it prints whole on one page
WRAP_AT = {FOLDER: 28, "Nama Kantor": 30, "IKK": 40, "KRO": 28, "Rincian Output": 36, "Status": 40, MIXED: 36,
           OFFICE: 24}
TITLE = "Rekap RKT (rkt rekap)"  # the roll-up's own title: a file at --output without it is never replaced
HEADING = "Rekap RKT"  # printed at the top of every page


@dataclass(frozen=True)
class OfficeRows:
    """What one office job returns: plain rows (picklable, no pandas), or why the office could not be read."""

    folder: str
    label: str
    kantor: dict[str, Any]
    ikk: list[dict[str, Any]] = field(default_factory=list)
    ro: list[dict[str, Any]] = field(default_factory=list)
    months: tuple[int, ...] | None = None

    @property
    def readable(self) -> bool:
        return self.months is not None


@dataclass(frozen=True)
class Rollup:
    """The four views, one DataFrame each (the sheets of the workbook), and the folders they came from."""

    folders: tuple[Path, ...]
    kantor: pd.DataFrame
    ikk: pd.DataFrame
    ro: pd.DataFrame
    penarikan: pd.DataFrame

    @property
    def statuses(self) -> list[tuple[str, str]]:
        """(folder, status) per office, in the order given."""
        return list(zip(self.kantor[FOLDER], self.kantor["Status"], strict=True))

    @property
    def flagged(self) -> list[tuple[str, str]]:
        """(folder, why) of each office whose year or edition differs from the others'."""
        return [(f, n) for f, n in zip(self.kantor[FOLDER], self.kantor[MIXED], strict=True) if isinstance(n, str)]

    @property
    def unreadable(self) -> list[str]:
        """The folders whose input could not be read."""
        return [f for f, s in self.statuses if s.startswith(UNREADABLE)]

    def frames(self) -> dict[str, pd.DataFrame]:
        return dict(zip(SHEETS, (self.kantor, self.ikk, self.ro, self.penarikan), strict=True))


# --- reading one office (runs in a worker process) -----------------------------------------------

def read_office(folder: str) -> OfficeRows:
    """One office's rows for every view, from the same plan and tables its own RKT is built from."""
    try:
        analysis = analyse(folder)
    except FileProblem as exc:
        return _unreadable(folder, [str(exc)])
    except (OSError, UnicodeError, ValueError) as exc:  # a folder name no file system takes, say: a row all the same
        return _unreadable(folder, [f"{folder}: {exc}"])
    plan, findings = analysis
    if plan is None:
        return _unreadable(folder, [str(f) for f in analysis.problems])
    errors = sum(f.severity == "error" for f in findings)
    office = plan.office
    sources, staff = tables.source_totals(plan), tables.headcount(plan)
    kantor = {
        FOLDER: folder, "Nama Kantor": office.name, "Tahun": office.year, "Edisi": office.edition,
        "Pagu (000)": tables.pagu(plan), "RM (000)": sources["rm"], "PNBP (000)": sources["pnbp"],
        "PHLN (000)": sources["phln"], "Pegawai": staff["total"],
        **{k: staff[k] for k in (*STATUSES, *POSITION_TYPES)},
        "IKK": len(plan.indicators), "RO": len(plan.ros), "Galat": errors, "Peringatan": len(findings) - errors,
        "Status": HAS_ERRORS if errors else OK,
    }
    ikk = []
    for i in plan.indicators:
        value, fmt = figure(i.target.value, i.target.percent, i.target.places)
        ikk.append({"No IKK": i.no, "IKK": i.name, "Satuan": i.unit, "Target PK": value,
                    "Alokasi (000)": tables.ikk_allocation(plan, i.no), FORMAT: fmt})
    ro = [{"Kode KRO": r.kro, "KRO": plan.kro_name(r.kro) or "", "Kode RO": r.code, "Rincian Output": r.name,
           "Volume": r.volume, "Satuan": r.unit, "RM (000)": r.rm, "PNBP (000)": r.pnbp, "PHLN (000)": r.phln,
           "Alokasi (000)": r.amount, "Baris": RO_ROW} for r in plan.ros]
    label = office.short_name or office.name or Path(folder).name
    return OfficeRows(folder, label, kantor, ikk, ro, tables.schedule_totals(plan))


def _unreadable(folder: str, problems: list[str]) -> OfficeRows:
    """The Kantor row of an office that could not be read: no figures, the first problem as its status."""
    first = problems[0] if problems else ""
    more = f" (dan {len(problems) - 1} masalah lain)" if len(problems) > 1 else ""
    status = f"{UNREADABLE}: {first}{more}" if first else UNREADABLE
    return OfficeRows(folder, Path(folder).name or folder, {FOLDER: folder, "Galat": len(problems), "Status": status})


def _read_all(folders: Sequence[str], workers: int | None) -> list[OfficeRows]:
    """Each office in its own process job (in this process for one office or `workers == 1`), in the order given.

    The pool is shut down with queued jobs cancelled on any exception, Ctrl-C included, so no
    worker outlives the command.
    """
    if len(folders) <= 1 or workers == 1:
        return [read_office(f) for f in folders]
    pool = ProcessPoolExecutor(max_workers=min(workers or os.cpu_count() or 1, len(folders)))
    try:
        return list(pool.map(read_office, folders))
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


# --- the views -----------------------------------------------------------------------------------

def rollup(folders: Sequence[Path], workers: int | None = None) -> Rollup:
    """Read every office of `folders` (in parallel) into the four views; an unreadable office keeps its Kantor row.

    A folder given twice is read once (it would count twice in every total).
    """
    seen: dict[Path, str] = {}
    for f in folders:
        seen.setdefault(_resolved(f), str(f))
    unique = list(seen.values())
    offices = _read_all(unique, workers)
    return _views(tuple(Path(f) for f in unique), offices)


def _labels(offices: Sequence[OfficeRows]) -> list[str]:
    """The office column of every view: its short name, with the folder added where two offices share one."""
    counts: dict[str, int] = {}
    for o in offices:
        counts[o.label] = counts.get(o.label, 0) + 1
    return [f"{o.label} [{o.folder}]" if counts[o.label] > 1 else o.label for o in offices]


def mixed(offices: Sequence[OfficeRows]) -> dict[str, str]:
    """Why an office stands apart from the others rolled up with it: another year, another edition (by folder).

    Figures of different years, or of an Awal Tahun beside a Revisi, do not add up to one picture;
    the roll-up still shows them, flagged, against what most offices are.
    """

    read = [o for o in offices if o.readable]
    notes: dict[str, list[str]] = {}
    for key, what in (("Tahun", "tahun"), ("Edisi", "edisi")):
        counts = Counter(o.kantor.get(key) for o in read)
        if len(counts) < 2:
            continue
        usual = max(counts, key=lambda v: (counts[v], -[o.kantor.get(key) for o in read].index(v)))
        for o in read:
            if o.kantor.get(key) != usual:
                notes.setdefault(o.folder, []).append(f"{what} {o.kantor.get(key)}, kantor lain umumnya {usual}")
    return {folder: "; ".join(parts) for folder, parts in notes.items()}


def _views(folders: tuple[Path, ...], offices: Sequence[OfficeRows]) -> Rollup:
    # start-up: pandas loads once every office is read (and only in this process), never for a refused --output
    import pandas as pd

    labels = _labels(offices)
    flags = mixed(offices)
    kantor = _frame([{**o.kantor, OFFICE: label, MIXED: flags.get(o.folder)}
                     for o, label in zip(offices, labels, strict=True)], KANTOR_COLUMNS, KANTOR_TEXT)
    read = [(o, label) for o, label in zip(offices, labels, strict=True) if o.readable]
    ikk = _frame([{OFFICE: label, **row} for o, label in read for row in o.ikk], IKK_COLUMNS, IKK_TEXT)
    ro = _frame([{OFFICE: label, **row} for o, label in read for row in o.ro], RO_COLUMNS, RO_TEXT)
    penarikan = _frame([{OFFICE: label, **dict(zip(MONTH_SHORT, o.months, strict=True)), TOTAL: sum(o.months)}
                        for o, label in read], PENARIKAN_COLUMNS, {OFFICE})
    if not ro.empty:
        parts = []
        for label, rows in ro.groupby(OFFICE, sort=False):
            subtotals = rows.groupby("Kode KRO", sort=False).agg({"KRO": "first", **dict.fromkeys(MONEY, "sum")})
            subtotals = subtotals.reset_index().assign(**{OFFICE: label, "Baris": KRO_ROW})
            subtotals["Kode RO"] = "Jumlah KRO " + subtotals["Kode KRO"]
            parts += [rows, _frame(subtotals.to_dict("records"), RO_COLUMNS, RO_TEXT)]
        ro = pd.concat(parts, ignore_index=True)
    return Rollup(folders, kantor, ikk, ro, penarikan)


def _frame(rows: list[dict[str, Any]], columns: Sequence[str], text: set[str]) -> pd.DataFrame:
    """Rows in the given column order; numbers as nullable integers, so a missing figure is an empty cell."""
    import pandas as pd  # start-up: see _views

    frame = pd.DataFrame(rows, columns=list(columns))
    for col in columns:
        frame[col] = frame[col].astype(object if col in text else "Int64")
    return frame


# --- the workbook --------------------------------------------------------------------------------

def check_output(path: Path, folders: Sequence[Path]) -> None:
    """Refuse an output that is a folder, not `.xlsx`, an input workbook, in an input folder (of this
    roll-up or any other: a folder holding section workbooks) or issued edition, or an existing file
    that is not an earlier roll-up.

    The input workbooks are only ever read; a roll-up written into an office's folder would
    also be mistaken for one of its section workbooks; and rkt replaces only what it wrote.
    """
    out = _resolved(path)
    if out.is_dir():
        raise FileProblem(f"file rekap {path} adalah sebuah folder; beri nama file, "
                          f"mis. --output {path / 'rekap.xlsx'}")
    if out.suffix.lower() != ".xlsx":
        raise FileProblem(f"file rekap {path} harus berakhiran .xlsx (mis. --output rekap.xlsx)")
    for folder in folders:
        src = _resolved(folder)
        if out in {_resolved(src / wb.filename) for wb in WORKBOOKS}:
            raise FileProblem(f"file rekap {path} adalah workbook input {out.name} dari {folder}; workbook input "
                              "hanya dibaca: pilih file lain untuk --output (mis. rekap.xlsx)")
        if out == src or src in out.parents:
            raise FileProblem(f"file rekap {path} berada di dalam folder input {folder}; tulis rekap di luar "
                              "folder kantor (mis. --output rekap.xlsx)")
    for parent in out.parents:
        held = [wb.filename for wb in WORKBOOKS if os.path.lexists(parent / wb.filename)]
        if held:
            raise FileProblem(f"file rekap {path} berada di dalam {parent}, folder yang berisi workbook seksi "
                              f"({', '.join(held)}); folder kantor hanya untuk workbook inputnya: tulis rekap di "
                              "luar folder kantor (mis. --output rekap.xlsx)")
    refuse_inside(Path(path), "file rekap")
    if out.exists() and not _is_rollup(out):
        raise FileProblem(f"file {path} sudah ada dan bukan rekap buatan rkt rekap; rkt tidak menimpanya: pilih "
                          "nama lain untuk --output, atau pindahkan file itu dulu")


def _is_rollup(path: Path) -> bool:
    """Whether the file at `path` is a roll-up rkt wrote (its title says so); read no further than that."""
    title = re.compile(rf"<dc:title(?: [^>]*)?>{re.escape(escape(TITLE))}</dc:title>")
    try:
        with zipfile.ZipFile(path) as book:
            info = book.getinfo("docProps/core.xml")
            if info.file_size > 1 << 16:
                return False
            return title.search(book.read(info).decode("utf-8", "replace")) is not None
    except (OSError, KeyError, zipfile.BadZipFile, RuntimeError):
        return False


def _resolved(path: Path) -> Path:
    try:
        return Path(path).resolve()
    except (OSError, RuntimeError, ValueError):  # a symlink loop, a name no file system takes
        return Path(os.path.abspath(path))


def write_rollup(result: Rollup, path: Path) -> Path:
    """Write the roll-up workbook atomically: pandas writes the sheets, openpyxl finishes them.

    Every text cell stays text (a name typed as `=HYPERLINK(...)` is never a formula) and holds
    only characters a worksheet can; raises FileProblem when the path is refused or cannot be written.
    """
    import pandas as pd  # start-up: see _views

    path = Path(path)
    check_output(path, result.folders)
    data = io.BytesIO()  # made in memory, so only the one write below meets the disk
    with pd.ExcelWriter(data, engine="openpyxl") as writer:
        writer.book.properties.title, writer.book.properties.creator = TITLE, "rkt"
        for name, frame in result.frames().items():
            shown = frame.drop(columns=[FORMAT]) if FORMAT in frame.columns else frame
            clean = shown.map(lambda v: sheet_text(displayable(v)) if isinstance(v, str) else v)
            clean.to_excel(writer, sheet_name=name, index=False)
            _finish(writer.sheets[name], shown)
            if FORMAT in frame.columns:
                column = list(shown.columns).index("Target PK") + 1
                for r, fmt in enumerate(frame[FORMAT], start=2):
                    writer.sheets[name].cell(r, column).number_format = fmt
        _chart(writer.book, writer.sheets["Penarikan"], len(result.penarikan))
    return write_bytes(path, data.getvalue())


def displayable(text: str) -> str:
    """`text` as a worksheet can hold it: a folder name that is not UTF-8 (undecodable bytes, which Python
    keeps as lone surrogates) with U+FFFD for each such byte."""
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeError:
        return text.encode("utf-8", "replace").decode("utf-8")


def _finish(ws, frame: pd.DataFrame) -> None:
    """Text kept as text, number formats, header style, frozen header, autofilter, widths, bold subtotals, printing."""
    columns = list(frame.columns)
    subtotal = "Baris" in columns
    for row in ws.iter_rows():
        bold = subtotal and row[columns.index("Baris")].value == KRO_ROW
        for cell, col in zip(row, columns, strict=True):
            value = cell.value
            if value == "":
                cell.value = value = None
            if isinstance(value, str):
                if cell.data_type == "f" or value.startswith("="):
                    cell.data_type = "s"
            elif isinstance(value, int) and cell.row > 1:
                cell.number_format = printing.YEAR if col in YEAR_COLUMNS else printing.MONEY
            if bold:
                cell.font = HEADER_FONT
    for cell in ws[1]:
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
    printing.fit_columns(ws, WRAP_AT)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(ws.max_row, 1)}"
    printing.print_setup(ws, f"{HEADING} - {ws.title}")


def _chart(book, ws, offices: int) -> None:
    """A native line chart of monthly disbursement, one line per office, on a sheet of its own (one page)."""
    if not offices:
        return
    chart = LineChart()
    chart.title = "Rencana penarikan bulanan per kantor"
    chart.y_axis.title = "ribu rupiah"
    chart.x_axis.title = "Bulan"
    chart.y_axis.number_format = "#,##0"
    data = Reference(ws, min_col=1, max_col=1 + len(MONTH_SHORT), min_row=2, max_row=1 + offices)
    chart.add_data(data, from_rows=True, titles_from_data=True)
    months = Reference(ws, min_col=2, max_col=1 + len(MONTH_SHORT), min_row=1, max_row=1)
    for series in chart.series:  # the month names are text: a string reference, not set_categories' numRef
        series.cat = AxDataSource(strRef=StrRef(f=str(months)))
        series.smooth = False  # openpyxl smooths lines by default: curves between months invent amounts
    chart.x_axis.delete = chart.y_axis.delete = False  # openpyxl 3.1 omits the element; Excel then hides the axes
    printing.chart_page(book.create_sheet(CHART_SHEET), chart, f"{HEADING} - Penarikan")
