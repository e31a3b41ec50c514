"""The capaian workbook of a period (`rkt capaian`): every IKK measured and every budget line, to sort and print.

Renders a `plan.realisation.Capaian` and nothing else: no figure is computed here. Figures are
numbers with display formats (pipeline/workbooks/printing.py), so a regional team sorts and
filters them and an Indonesian Excel shows 1.240.458, 0,99 and 97,12%; the rows can be pasted
into e-Performance and e-Monev as they are. Every sheet prints A4 landscape, fit to the page's
width, its header row repeated; the chart of plan against realisation is a chart sheet of its
own, so it prints whole on one page. The same workbook is written for the same inputs and period,
byte for byte.

Sheets: Capaian IKK (each IKK, then its components, told apart by `Baris`), Anggaran RO,
Anggaran IKK, Sumber Dana, Bulanan (the office's months), Grafik, Keterangan (what was measured,
from which workbooks, by which rules).
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.chart import LineChart, Reference
from openpyxl.chart.data_source import AxDataSource, StrRef
from openpyxl.utils import get_column_letter

from pipeline import __version__
from pipeline.ooxml import read_zip, write_zip
from pipeline.plan.realisation import (
    CATEGORIES,
    DEVIATION_AIM,
    MISSED,
    NO_TARGET,
    NOT_REPORTED,
    Capaian,
    IkkMeasure,
    Measure,
    Spending,
)
from pipeline.plan.vocabulary import HIGHER, MONTHS
from pipeline.workbooks import printing
from pipeline.workbooks.printing import MONEY, PERCENT, YEAR, decimals, figure, share
from pipeline.workbooks.xlsx import HEADER_FILL, HEADER_FONT, append_row

TITLE = "Capaian Kinerja (rkt capaian)"  # the workbook's own title: rkt replaces only a file that carries it
IKK_ROW, COMPONENT_ROW, RO_ROW, TOTAL_ROW = "IKK", "Komponen", "RO", "Jumlah"

CAPAIAN_COLUMNS = ("No IKK", "Sasaran", "Indikator Kinerja", "Komponen", "Satuan", "Arah", "Target PK",
                   "Target Periode", "Realisasi Periode", "Capaian", "Kategori", "Kendala", "Upaya / Tindak Lanjut",
                   "Baris")
RO_COLUMNS = ("Kode KRO", "Kode RO", "Rincian Output", "Pagu (000)", "Rencana s.d. (000)", "Realisasi s.d. (000)",
              "Sisa Pagu (000)", "Rencana", "Penyerapan", "Deviasi Rata-rata", "Volume", "Volume Tercapai", "Satuan",
              "Capaian Volume", "Baris")
IKK_BUDGET_COLUMNS = ("No IKK", "Indikator Kinerja", "Pagu (000)", "Rencana s.d. (000)", "Realisasi s.d. (000)",
                      "Rencana", "Penyerapan", "Deviasi Rata-rata")
SOURCE_COLUMNS = ("Sumber Dana", "Pagu (000)", "Realisasi s.d. (000)", "Penyerapan")
MONTH_COLUMNS = ("Bulan", "Rencana (000)", "Realisasi (000)", "Rencana Kumulatif (000)",
                 "Realisasi Kumulatif (000)", "Deviasi")
SHEETS = ("Capaian IKK", "Anggaran RO", "Anggaran IKK", "Sumber Dana", "Bulanan", "Grafik", "Keterangan")

Cell = tuple[Any, str]  # (value, number format); text and empty cells carry "General"


def _text(value: str | None) -> Cell:
    return (value or None, "General")


def _money(value: int | None) -> Cell:
    return (value, MONEY)


def _pct(value) -> Cell:
    return (share(value), PERCENT)


def _measure_row(ikk: IkkMeasure, m: Measure) -> list[Cell]:
    """One row of Capaian IKK: a target and its realisation in the series' own format."""
    own = m.component is None
    indicator = ikk.indicator
    direction = indicator.direction or HIGHER
    # Target PK as the PK prints it; the period's figures with at least its decimals, so 0,99 and 1,00 align
    pk_places = m.places if m.places is not None else (decimals(m.pk_target) if m.pk_target is not None else 0)
    places = max([pk_places, *(decimals(v) for v in (m.period_target, m.realised) if v is not None)])
    row = [
        (indicator.no, YEAR), _text(ikk.goal), _text(indicator.name),
        _text(None if own else f"{m.component}. {m.name}".rstrip(". ")),
        _text(indicator.unit if own else None), _text(direction.title() if own else None),
        figure(m.pk_target, m.percent, pk_places), figure(m.period_target, m.percent, places),
        figure(m.realised, m.percent, places), _pct(m.capaian), _text(m.category),
        _text(ikk.problems if own else None), _text(ikk.actions if own else None),
        _text(IKK_ROW if own else COMPONENT_ROW),
    ]
    return row


def _budget_row(line: Spending, kro: str, kind: str) -> list[Cell]:
    return [
        _text(kro), _text(line.key if kind == RO_ROW else None), _text(line.name), _money(line.allocation),
        _money(line.planned_to_date), _money(line.realised_to_date), _money(line.allocation - line.realised_to_date),
        _pct(line.planned_absorption), _pct(line.absorption), _pct(line.mean_deviation),
        (line.volume, MONEY) if kind == RO_ROW else _text(None),
        (line.volume_done, MONEY) if kind == RO_ROW else _text(None), _text(line.unit or None),
        _pct(line.volume_capaian), _text(kind),
    ]


def _rows(result: Capaian) -> dict[str, tuple[Sequence[str], list[list[Cell]]]]:
    """Every table sheet's header and rows, from the model alone."""
    capaian = [_measure_row(ikk, m) for ikk in result.indicators for m in (ikk.own, *ikk.components)]
    ros = [_budget_row(line, line.key.split(".", 1)[0], RO_ROW) for line in result.ros]
    total = result.total
    ros.append(_budget_row(Spending("", f"Jumlah {total.name}", total.allocation, total.realised, total.month,
                                    total.planned), "", TOTAL_ROW))
    ikks = [[(int(line.key.split()[-1]), YEAR), _text(line.name), _money(line.allocation), _money(line.planned_to_date),
             _money(line.realised_to_date), _pct(line.planned_absorption), _pct(line.absorption),
             _pct(line.mean_deviation)] for line in result.ikks]
    sources = [[_text(line.key), _money(line.allocation), _money(line.realised_to_date), _pct(line.absorption)]
               for line in result.sources.lines]
    if result.sources.unattributed:
        codes = ", ".join(result.sources.unattributed_codes)
        sources.append([_text(f"Tanpa rincian sumber ({codes})"), _text(None), _money(result.sources.unattributed),
                        _text(None)])
    months, planned, realised = [], 0, 0
    for m in range(total.month):
        planned += total.planned[m]
        realised += total.realised[m]
        months.append([_text(MONTHS[m]), _money(total.planned[m]), _money(total.realised[m]), _money(planned),
                       _money(realised), _pct(total.deviations[m])])
    return {"Capaian IKK": (CAPAIAN_COLUMNS, capaian), "Anggaran RO": (RO_COLUMNS, ros),
            "Anggaran IKK": (IKK_BUDGET_COLUMNS, ikks), "Sumber Dana": (SOURCE_COLUMNS, sources),
            "Bulanan": (MONTH_COLUMNS, months)}


def notes(result: Capaian, note: str = "") -> list[tuple[str, str]]:
    """The Keterangan sheet: what was measured, from what, by which rules (Bahasa Indonesia)."""
    office, at = result.office, result.period
    lowest = ", ".join(f"{name} >= {int(limit)}%" for limit, name in CATEGORIES)
    budget = MONTHS[result.budget_reported - 1] if result.budget_reported else "belum ada"
    ikk = MONTHS[result.ikk_reported - 1] if result.ikk_reported else "belum ada"
    rows = [
        ("Kantor", office.name), ("Tahun", str(office.year)), ("Edisi rencana", office.edition),
        ("Periode", f"{at.label} {office.year}"),
        ("Realisasi anggaran dilaporkan s.d.", budget), ("Realisasi IKK dilaporkan s.d.", ikk),
    ]
    if note:
        rows.append(("Keterangan realisasi.xlsx", note))
    rows += [
        ("Target PK", "Target PK di kinerja.xlsx (sama dengan Perjanjian Kinerja); komponen: Target Absolut, atau "
                      "target Desember"),
        ("Target Periode", "target kumulatif bulan terakhir periode (sheet Target Bulanan); IKK berskala tanpa deret "
                           "sendiri: Target PK"),
        ("Capaian", "Arah Naik (bawaan): realisasi / target x 100%. Arah Turun (makin rendah makin baik): "
                    "(2 x target - realisasi) / target x 100%, paling kecil 0%"),
        ("Kategori", f"{lowest}; di bawahnya {MISSED}; {NOT_REPORTED}: realisasi bulan itu kosong; {NO_TARGET}: "
                     "target periode nol"),
        ("Penyerapan", "realisasi kumulatif / pagu x 100%; Rencana: jadwal penarikan kumulatif / pagu x 100%"),
        ("Deviasi", "rata-rata deviasi bulanan |realisasi - rencana| / rencana x 100% (indikator Deviasi Halaman III "
                    "DIPA, PER-5/PB/2024 Pasal 7; sasaran rata-rata paling tinggi "
                    f"{int(DEVIATION_AIM)}%); bulan tanpa rencana: 0% bila tanpa realisasi, 100% bila ada; paling "
                    "tinggi 100% per bulan. rkt menghitung per RO, per IKK dan kantor tanpa pembobotan jenis belanja, "
                    "sehingga angka kantor mendekati, tidak sama persis dengan, nilai IKPA"),
        ("Anggaran IKK", "jumlah RO yang mendukung IKK (RO yang mendukung beberapa IKK dihitung di setiap IKK)"),
        ("Sumber Dana", "realisasi per sumber dari baris bersumber dana, atau dari RO bersumber tunggal; jadwal "
                        "penarikan tidak dirinci per sumber, sehingga tidak ada rencana per sumber"),
        ("Uang", "ribu rupiah"),
        ("Dibuat dengan", f"rkt {__version__}"),
    ]
    rows += [(f"SHA-256 {workbook}", digest) for workbook, digest in result.workbooks]
    return rows


# Where long text wraps, by column header (characters); other columns fit their values.
WRAP_AT = {"Sasaran": 24, "Indikator Kinerja": 36, "Komponen": 28, "Kendala": 28, "Upaya / Tindak Lanjut": 28,
           "Rincian Output": 36, "Keterangan": 34, "Isi": 90, "Sumber Dana": 30}


def build_workbook(result: Capaian, note: str = ""):
    """The openpyxl workbook of `result` (not saved)."""


    wb = Workbook()
    wb.remove(wb.active)
    wb.properties.title, wb.properties.creator = TITLE, "rkt"
    office, at = result.office, result.period
    heading = f"Capaian {office.short_name or office.name} {office.year} {at.label}"
    for name, (columns, rows) in _rows(result).items():
        ws = wb.create_sheet(name)
        append_row(ws, columns)
        for row in rows:
            append_row(ws, [value for value, _ in row])
            bold = row[-1][0] == TOTAL_ROW
            for cell, (_, fmt) in zip(ws[ws.max_row], row, strict=True):
                if fmt != "General":
                    cell.number_format = fmt
                if bold:
                    cell.font = HEADER_FONT
        _finish(ws, heading)
    _chart(wb, result, heading)
    ws = wb.create_sheet("Keterangan")
    append_row(ws, ("Keterangan", "Isi"))
    for row in notes(result, note):
        append_row(ws, row)
    _finish(ws, heading, filters=False, landscape=False)
    return wb


def _finish(ws, heading: str, filters: bool = True, landscape: bool = True) -> None:
    """Header style, widths and wrapping, frozen header, filters, and the print setup."""


    for cell in ws[1]:
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
    printing.fit_columns(ws, WRAP_AT)
    ws.freeze_panes = "A2"
    if filters:
        ws.auto_filter.ref = f"A1:{get_column_letter(ws.max_column)}{max(ws.max_row, 1)}"
    printing.print_setup(ws, f"{heading} - {ws.title}", landscape=landscape)


def _chart(wb, result: Capaian, heading: str) -> None:
    """Plan against realisation, cumulative by month, on a sheet of its own that prints as one page."""

    ws = wb["Bulanan"]
    page = wb.create_sheet("Grafik")
    chart = LineChart()
    chart.title = f"Rencana dan realisasi anggaran kumulatif {result.period.label} {result.office.year}"
    chart.y_axis.title, chart.x_axis.title = "ribu rupiah", "Bulan"
    chart.y_axis.number_format = MONEY
    if ws.max_row >= 2:
        chart.add_data(Reference(ws, min_col=4, max_col=5, min_row=1, max_row=ws.max_row), titles_from_data=True)
        months = Reference(ws, min_col=1, min_row=2, max_row=ws.max_row)
        for series in chart.series:
            series.cat = AxDataSource(strRef=StrRef(f=str(months)))
            series.smooth = False  # straight lines between months: no invented amounts
    chart.x_axis.delete = chart.y_axis.delete = False  # openpyxl 3.1 omits the element; Excel then hides the axes
    printing.chart_page(page, chart, f"{heading} - Grafik")


def workbook_bytes(result: Capaian, note: str = "") -> bytes:
    """The workbook as bytes, the same for the same result: fixed zip times and document dates."""

    wb = build_workbook(result, note)
    stamp = dt.datetime(result.office.year or 2000, result.period.month, 1)
    wb.properties.created = stamp
    out = io.BytesIO()
    wb.save(out)
    parts = read_zip(out.getvalue())
    iso = stamp.strftime("%Y-%m-%dT%H:%M:%SZ")
    parts["docProps/core.xml"] = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                                        rb"\g<1>" + iso.encode() + rb"\g<2>", parts["docProps/core.xml"])
    return write_zip(parts)
