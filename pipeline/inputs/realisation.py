"""Type realisasi.xlsx: the realisation an office reports during the year, every value with its cell.

The sixth workbook is optional; `normalise` types it with the same cell collector as the other
five, so a word in a number column or a key typed twice is reported the same way. The budget
sheet also takes rows pasted from the budget system's export: a long budget code whose last two
parts are KRO.RO (`024.05.WA.4249.QAH.017`) is read as that KRO.RO, and the cell keeps what was
typed; any other code is kept as typed, so the checks name it (`realisation.unknown-ro`).
"""

from __future__ import annotations

import re
from typing import Any

from pipeline.findings import Location, error
from pipeline.inputs.cells import TypedCells, extra_cells, locations, records, stated_total
from pipeline.inputs.read import RawCell, RawForm, RawRow, RawTable, RawWorkbook
from pipeline.plan import model

MONTH_KEYS = tuple(f"m{i:02d}" for i in range(1, 13))
# A budget code ending in KRO.RO: the parts before (unit, program, activity codes) are digits or capitals.
_BUDGET_CODE = re.compile(r"^(?:[0-9A-Z]{2,6}\.)+([A-Z]{3}\.[A-Z0-9]{3})$")
_QUARTER = re.compile(r"^(?:TRIWULAN|TW|TRW|Q)?\s*(IV|III|II|I|[1-4])$")
ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}


def ro_code(typed: str) -> str:
    """The KRO.RO of a code as typed: `QAH.017` as it is, `024.05.WA.4249.QAH.017` -> `QAH.017`; else as typed."""
    match = _BUDGET_CODE.match(typed)
    return match.group(1) if match else typed


def quarter(text: str) -> int | None:
    """`II`, `2`, `TW II`, `Triwulan 2` -> 2; None when it names no quarter."""
    match = _QUARTER.match(" ".join(text.upper().split()))
    if match is None:
        return None
    value = match.group(1)
    return int(value) if value.isdigit() else ROMAN[value]


def _months(row: RawRow, convert) -> tuple[Any, ...]:
    """The twelve months of a row; a month whose column the sheet does not have is None."""
    return tuple(convert(row.cells[k]) if k in row.cells else None for k in MONTH_KEYS)


def _component(cell: RawCell | None, c: TypedCells) -> int | str | None:
    text = c.text(cell)
    if not text:
        return None
    if text.casefold() in ("jumlah", "total"):
        return "Jumlah"
    return c.whole(cell) or None


def _ikk_row(row: RawRow, c: TypedCells) -> model.IkkRealisation:
    values = _months(row, c.number)
    return model.IkkRealisation(
        ikk=c.whole(row.cells["ikk"], required=True), component=_component(row.cells.get("component"), c),
        name=c.text(row.cells.get("name")), months=tuple(v.value if v else None for v in values),
        percent=any(v.percent for v in values if v),
        places=max((v.places or 0 for v in values if v), default=0) or None,
        extra=extra_cells(row), cells=locations(row), row=row.number)


def _whole_or_none(c: TypedCells, what: str):
    """A converter that keeps an empty month empty (not reported) and types the others as whole numbers."""

    def convert(cell: RawCell) -> int | None:
        if c.number(cell) is None:
            return None
        return c.whole(cell, what=what)

    return convert


def _budget_row(row: RawRow, c: TypedCells) -> model.BudgetRealisation:
    g = row.cells.get
    typed = c.code(g("code"), required=True)
    source = c.text(g("source")).upper()
    pagu = c.number(g("pagu")) if g("pagu") is not None else None
    return model.BudgetRealisation(
        code=ro_code(typed), name=c.text(g("name")), source=source,
        months=_months(row, _whole_or_none(c, "bilangan bulat (ribu rupiah)")), typed=typed,
        pagu=c.money(g("pagu")) if pagu is not None else None,
        extra=extra_cells(row), cells=locations(row), row=row.number)


def _volume_row(row: RawRow, c: TypedCells) -> model.VolumeRealisation:
    g = row.cells.get
    return model.VolumeRealisation(
        code=ro_code(c.code(g("code"), required=True)), name=c.text(g("name")),
        months=_months(row, _whole_or_none(c, "bilangan bulat")), extra=extra_cells(row), cells=locations(row),
        row=row.number)


def _explanation(row: RawRow, c: TypedCells) -> model.Explanation:
    g = row.cells.get
    cell = g("quarter")
    text = c.text(cell, required=True)
    number = quarter(text) if text else None
    if text and number is None:
        c.fail(cell, f'"{text}" bukan triwulan (tulis I, II, III atau IV)', "input.not-a-quarter")
    return model.Explanation(ikk=c.whole(g("ikk"), required=True), quarter=number or 0,
                             problems=c.text(g("problems")), actions=c.text(g("actions")),
                             cells=locations(row), row=row.number)


def _earlier(row: RawRow, c: TypedCells) -> model.EarlierResult:
    g = row.cells.get
    result = c.number(g("realisation"))
    if result is None and g("realisation") is not None:
        c.fail(g("realisation"), "'Realisasi' wajib diisi", "input.empty")
    return model.EarlierResult(ikk=c.whole(g("ikk"), required=True), year=c.whole(g("year"), required=True),
                               target=c.number(g("target")), realisation=result, cells=locations(row), row=row.number)


def _months_present(table: RawTable | None, c: TypedCells) -> None:
    """A budget or volume sheet with data has a month column: otherwise none of its rows could be read."""
    if table is None or not table.rows or any(k in table.rows[0].cells for k in MONTH_KEYS):
        return
    c.problems.append(error(
        "input.missing-column",
        "kolom bulan (Jan, Feb, ... Des, atau Januari, ... Desember) tidak ditemukan di baris judul; "
        "realisasi tidak dapat dibaca per bulan",
        Location(table.workbook, table.spec.name, f"{table.header_row}:{table.header_row}")))


def realisation_of(raw: RawWorkbook, c: TypedCells) -> model.Realisation:
    """The typed realisation of realisasi.xlsx; values that cannot be typed are collected in `c`."""
    form = raw.sheets.get("Laporan")
    fields = form.fields if isinstance(form, RawForm) else {}
    for name in ("Realisasi IKK", "Realisasi Anggaran", "Volume RO"):
        table = raw.sheets.get(name)
        _months_present(table if isinstance(table, RawTable) else None, c)
    return model.Realisation(
        year=c.whole(fields.get("year"), required=True),
        note=c.text(fields.get("note")),
        ikk=records(raw, "Realisasi IKK", c, _ikk_row),
        budget=records(raw, "Realisasi Anggaran", c, _budget_row),
        volume=records(raw, "Volume RO", c, _volume_row),
        explanations=records(raw, "Penjelasan", c, _explanation),
        earlier=records(raw, "Tahun Lalu", c, _earlier),
        total=stated_total(raw, "Realisasi Anggaran", c),
        cells={key: cell.location for key, cell in fields.items()},
        source=model.Source(raw.spec.filename, str(raw.path), raw.sha256),
    )

