"""Write section workbooks laid out by the schema: styled headers, frozen panes, formats, drop-downs.

Used by `rkt blank`, `rkt init` and the test fixtures, so every workbook rkt writes
looks like the ones a planner fills in.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook as XlWorkbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from . import schema
from .files import atomic_write

HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
HEADER_FONT = Font(bold=True)
NUMBER_FORMATS = {schema.INT: "#,##0", schema.MONEY: "#,##0", schema.TARGET: "General", schema.DATE: "d mmmm yyyy"}
WIDTHS = {schema.TEXT: 40, schema.CODE: 14, schema.INT: 10, schema.MONEY: 14, schema.TARGET: 10, schema.DATE: 18}
FIXED_WIDTHS = {"name": 50, "definition": 60, "duty": 60, "goal": 50, "program": 40, "activity": 50}

Rows = Iterable[Mapping[str, Any]]


def _cell_value(value: Any) -> Any:
    """Decimals go to Excel as numbers; everything else as given."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def build_workbook(
    spec: schema.Workbook,
    data: Mapping[str, Any],
    validations: Mapping[str, Mapping[str, list[str]]] | None = None,
) -> XlWorkbook:
    """An openpyxl workbook for `spec` filled with `data`.

    `data` maps a sheet name to a list of row dicts keyed by column key (table sheets)
    or to a dict keyed by field key (form sheets). A row dict may carry `"_total": True`
    to be written as the trailing `Jumlah` row. Sheets absent from `data` are written
    with headers only. `validations` maps sheet name -> column key -> allowed values.
    """
    wb = XlWorkbook()
    wb.remove(wb.active)
    for sheet in spec.sheets:
        ws = wb.create_sheet(sheet.name)
        content = data.get(sheet.name)
        if isinstance(sheet, schema.FormSheet):
            _write_form(ws, sheet, content or {})
        else:
            if content is None and not sheet.required:
                wb.remove(ws)
                continue
            _write_table(ws, sheet, content or [], (validations or {}).get(sheet.name, {}))
    return wb


def write_workbook(path: Path, spec: schema.Workbook, data: Mapping[str, Any], **kwargs: Any) -> Path:
    """Write `spec` filled with `data` to `path` atomically."""
    wb = build_workbook(spec, data, **kwargs)
    with atomic_write(path) as tmp:
        wb.save(tmp)
    return path


def _write_form(ws, sheet: schema.FormSheet, values: Mapping[str, Any]) -> None:
    ws.append(["Isian", "Nilai", "Keterangan"])
    for cell in ws[1]:
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
    for f in sheet.fields:
        value = _cell_value(values.get(f.key))
        ws.append([f.label, value, f.note or ("wajib" if f.required else "opsional")])
        if f.type in NUMBER_FORMATS and value is not None and not isinstance(value, str):
            ws.cell(ws.max_row, 2).number_format = NUMBER_FORMATS[f.type]
    ws.column_dimensions["A"].width = 28
    ws.column_dimensions["B"].width = 70
    ws.column_dimensions["C"].width = 50
    ws.freeze_panes = "A2"


def _write_table(ws, sheet: schema.Sheet, rows: Rows, validations: Mapping[str, list[str]]) -> None:
    cols = sheet.columns
    ws.append([c.header for c in cols])
    for cell in ws[1]:
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for row in rows:
        if row.get("_total"):
            values = ["Jumlah", *(_cell_value(row.get(c.key)) for c in cols[1:])]
        else:
            values = [_cell_value(row.get(c.key)) for c in cols]
        ws.append(values)
        r = ws.max_row
        for i, col in enumerate(cols, start=1):
            cell = ws.cell(r, i)
            if col.type in NUMBER_FORMATS and not isinstance(cell.value, str):
                pct = row.get(f"_{col.key}_percent")
                cell.number_format = "0%" if pct else NUMBER_FORMATS[col.type]
            if col.type == schema.TEXT:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        if row.get("_total"):
            for cell in ws[r]:
                cell.font = HEADER_FONT
    for i, col in enumerate(cols, start=1):
        ws.column_dimensions[get_column_letter(i)].width = FIXED_WIDTHS.get(col.key, WIDTHS[col.type])
    ws.freeze_panes = "A2"
    for key, allowed in validations.items():
        idx = next(i for i, c in enumerate(cols, start=1) if c.key == key)
        letter = get_column_letter(idx)
        dv = DataValidation(
            type="list",
            formula1='"' + ",".join(allowed) + '"',
            allow_blank=True,
            showErrorMessage=True,
            errorTitle="Nilai tidak dikenal",
            error=f"Pilih salah satu: {', '.join(allowed)}",
        )
        dv.add(f"{letter}2:{letter}2000")
        ws.add_data_validation(dv)
