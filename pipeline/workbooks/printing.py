"""Workbooks a team sorts, filters and prints: figures stored as numbers with display formats, a print setup.

Used by every workbook rkt writes for reading rather than filling in (`rkt rekap`, `rkt capaian`).
Excel's format codes are written in one notation and shown in the reader's locale: `#,##0` shows
1.240.458 and `0.00` shows 0,99 in an Indonesian Excel or LibreOffice, so a figure is stored as a
number (it sorts and filters) and the format code only says how many decimals and whether it is
a percentage. A percentage is stored as its fraction (97% as 0.97), as Excel does.
"""

from __future__ import annotations

import math
from decimal import Decimal

from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter

MONEY = "#,##0"  # thousands of rupiah, counts
YEAR = "0"  # 2025, not 2.025
PERCENT = "0.00%"  # capaian, absorption, deviation: two decimals
A4 = 9  # openpyxl's paperSize for A4


def decimals(value: Decimal) -> int:
    """How many decimals a value has: 0,99 -> 2, 97 -> 0, 95,5 -> 1."""
    exponent = value.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def figure(value: Decimal | int | None, percent: bool = False, places: int | None = None
           ) -> tuple[int | float | None, str]:
    """A target or realisation as (number to store, format code): 97% -> (0.97, `0%`), 0,99 -> (0.99, `#,##0.00`).

    `places` is the decimals the planner typed, when known; otherwise the value's own.
    """
    if value is None:
        return None, "General"
    value = Decimal(value)
    shown = places if places is not None else decimals(value)
    if percent:
        fraction = value / 100
        number: int | float = int(fraction) if fraction == fraction.to_integral_value() else float(fraction)
        return number, "0%" if not shown else "0." + "0" * shown + "%"
    if value == value.to_integral_value() and not shown:
        return int(value), MONEY
    return float(value), MONEY + "." + "0" * shown


def share(value: Decimal | None) -> float | None:
    """A percentage computed on the 0-100 scale (capaian 95,00) as the fraction a `PERCENT` cell holds."""
    return None if value is None else float(value / 100)


def header_text(text: str) -> str:
    """Text for a page header or footer: `&` doubled, since Excel reads `&` as a code there."""
    return text.replace("&", "&&")


def print_setup(ws, title: str, landscape: bool = True, title_rows: str | None = "1:1") -> None:
    """A4, fit to the page's width (as many pages down as needed), header rows repeated on every page,
    the title in the page header and `Halaman n dari m` in the footer."""
    ws.page_setup.paperSize = A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    if title_rows:
        ws.print_title_rows = title_rows
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.75  # inches; the page header sits above the table
    ws.page_margins.header = ws.page_margins.footer = 0.3
    ws.oddHeader.center.text = header_text(title)
    ws.oddFooter.right.text = "Halaman &P dari &N"


LINE_HEIGHT = 15  # points per line of 11-point text
NUMBER_WIDTH = 14  # characters: 125.400.000 or 100,00%


def fit_columns(ws, wrap_at: dict[str, int], widest: int = 24) -> None:
    """Column widths from what the cells hold, text wrapped at its column's width, rows as tall as their text.

    `wrap_at` gives a text column (by its header) the width at which it wraps; any other column is
    as wide as its longest value up to `widest`. Row heights are set, since not every spreadsheet
    grows a row for wrapped text by itself, and a printed row must show all of its text; the cells
    of such a row are aligned to its top. One pass over the cells: a roll-up holds thousands.
    """


    header = ws[1]
    limits = [wrap_at.get(str(c.value), widest) for c in header]
    longest = [len(str(c.value or "")) for c in header]
    rows = list(ws.iter_rows(min_row=2))
    for row in rows:
        for i, cell in enumerate(row):
            value = cell.value
            if value is not None:
                size = len(value) if isinstance(value, str) else NUMBER_WIDTH
                if size > longest[i]:
                    longest[i] = size
    widths = [max(min(longest[i], limits[i]), 6) for i in range(len(limits))]
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width + 2
    wrapped, top = Alignment(wrap_text=True, vertical="top"), Alignment(vertical="top")
    centred = Alignment(wrap_text=True, vertical="center")
    for row in (header, *rows):
        long = [(cell, width) for cell, width in zip(row, widths, strict=False)
                if isinstance(cell.value, str) and len(cell.value) > width]
        if not long:
            continue
        for cell in row:
            cell.alignment = centred if cell.row == 1 else top
        for cell, _ in long:
            cell.alignment = centred if cell.row == 1 else wrapped
        lines = max(math.ceil(len(cell.value) / width) for cell, width in long)
        ws.row_dimensions[row[0].row].height = LINE_HEIGHT * lines


def chart_page(ws, chart, title: str) -> None:
    """A sheet holding one chart, sized and set up to print whole on one A4 landscape page."""
    chart.width, chart.height = 25, 15  # centimetres: the printable area of an A4 landscape page
    ws.add_chart(chart, "A1")
    print_setup(ws, title, title_rows=None)
    ws.page_setup.fitToHeight = 1
