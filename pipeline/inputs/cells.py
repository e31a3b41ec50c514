"""Typed access to raw cells: every value typed or named as a finding with its cell.

Shared by the normaliser of the five plan workbooks and that of realisasi.xlsx
(pipeline/inputs/realisation.py): a word in a number column, an empty key or a key typed twice
is reported the same way in every workbook.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from pipeline.findings import Finding, Location, error
from pipeline.inputs import schema
from pipeline.inputs.numbers import MAX_EXACT, NotANumber, TooLarge, excel_shown, is_whole, parse_number
from pipeline.inputs.read import RawCell, RawRow, RawTable, RawWorkbook
from pipeline.plan import model
from pipeline.plan.vocabulary import MONTH_ALIASES, MONTHS

MONTH_NUMBERS = {name.casefold(): i + 1 for i, name in enumerate(MONTHS)} | {
    alias.casefold(): i + 1 for i, names in enumerate(MONTH_ALIASES) for alias in names
}


# Keys whose last part may be empty and still name a row (an IKK's own series; an RO's realisation of
# all its sources): two such rows are the same row typed twice.
OPTIONAL_PART_KEYS = (("ikk", "component"), ("code", "source"))


def show(value: Any) -> str:
    """A cell's value in a message: as Excel shows it (never `1.97909032005011e+17`), at most 40 characters."""
    text = excel_shown(value).strip()
    return text if len(text) <= 40 else text[:37] + "..."


class TypedCells:
    """Typed access to cells, collecting a finding for every value that cannot be typed.

    `unread` gathers the cells that could not be read or typed (each then typed as empty), and
    `untrusted` the sheets with such a cell in their key; a cell the reader already reported
    (`read`) is typed as empty without a second finding.
    """

    def __init__(self, read: frozenset[Location] = frozenset()) -> None:
        self.problems: list[Finding] = []
        self.duplicates: list[Finding] = []
        self.read = read
        self.unread: set[Location] = set(read)
        self.untrusted: set[tuple[str, str]] = set()

    def fail(self, cell: RawCell, message: str, rule: str) -> None:
        self.unread.add(cell.location)
        if cell.location not in self.read:
            self.problems.append(error(rule, message, cell.location))

    def text(self, cell: RawCell | None, required: bool = False) -> str:
        if cell is None or cell.value is None:
            value = ""
        elif isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool):
            value = excel_shown(cell.value)
        elif isinstance(cell.value, (dt.datetime, dt.date)):
            value = cell.value.strftime("%Y-%m-%d")
        else:
            value = " ".join(str(cell.value).split())
        if required and not value and cell is not None:
            self.fail(cell, f"'{cell.label}' wajib diisi" if cell.label else "sel ini wajib diisi", "input.empty")
        return value

    def code(self, cell: RawCell | None, required: bool = False) -> str:
        numeric = cell is not None and isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool)
        if numeric and abs(cell.value) >= MAX_EXACT:
            self.fail(cell, f"{show(cell.value)} diketik sebagai angka sehingga digit terakhirnya hilang (Excel "
                            "menyimpan 15 digit); ketik sebagai teks (awali dengan tanda ')", "input.number-as-code")
            return ""
        value = re.sub(r"\s+", "", self.text(cell, required)).upper()
        hidden = [ch for ch in value if unicodedata.category(ch) in ("Cf", "Cc", "Co", "Cn", "Zl", "Zp")]
        if hidden and cell is not None:
            shown = "".join(ch for ch in value if ch not in hidden)
            names = ", ".join(dict.fromkeys(f"U+{ord(ch):04X}" for ch in hidden))
            self.fail(cell, f"kode `{show(shown)}` berisi karakter tak terlihat {names}; hapus isi sel dan "
                            "ketik ulang kodenya", "input.invisible-char")
            return shown
        return value

    def number(self, cell: RawCell | None) -> model.Target | None:
        if cell is None:
            return None
        try:
            parsed = parse_number(cell.value, cell.number_format)
        except TooLarge:
            self.fail(cell, f'"{show(cell.value)}" terlalu besar untuk sebuah angka rencana '
                            "(paling banyak 15 digit)", "input.not-a-number")
            return None
        except NotANumber:
            self.fail(cell, f'"{show(cell.value)}" bukan angka', "input.not-a-number")
            return None
        if parsed is None:
            return None
        return model.Target(parsed.value, parsed.percent, parsed.places, cells={"value": cell.location})

    def whole(self, cell: RawCell | None, required: bool = False, what: str = "bilangan bulat") -> int:
        target = self.number(cell)
        if target is None:
            if required and cell is not None and cell.value is None:
                self.fail(cell, f"'{cell.label}' wajib diisi" if cell.label else "sel ini wajib diisi", "input.empty")
            return 0
        if target.percent or not is_whole(target.value):
            self.fail(cell, f'"{show(cell.value)}" harus {what}', "input.not-whole")
            return 0
        return int(target.value)

    def money(self, cell: RawCell | None) -> int:
        return self.whole(cell, what="bilangan bulat (ribu rupiah)")

    def date(self, cell: RawCell | None) -> model.SignDate:
        if cell is None:
            return model.SignDate(0, 0)
        value = cell.value
        if value is None:
            self.fail(cell, f"'{cell.label}' wajib diisi", "input.empty")
            return model.SignDate(0, 0)
        parsed = sign_date(value)
        if parsed is None:
            self.fail(cell, f'"{show(value)}" bukan tanggal (contoh: "Januari 2024" atau "2 Januari 2024")',
                      "input.not-a-date")
            return model.SignDate(0, 0)
        return parsed


def sign_date(value: Any) -> model.SignDate | None:
    """An Excel date, `Januari 2024`, `2 Januari 2024` or `2/1/2024` as a signing date; None if it is none."""
    if isinstance(value, (dt.datetime, dt.date)):
        return model.SignDate(value.year, value.month, value.day)
    words = str(value or "").replace(",", " ").split()
    try:
        if len(words) == 2:
            return model.SignDate(int(words[1]), MONTH_NUMBERS[words[0].casefold()])
        if len(words) == 3:
            year, month, day = int(words[2]), MONTH_NUMBERS[words[1].casefold()], int(words[0])
            dt.date(year, month, day)  # "31 Februari 2024" is no date
            return model.SignDate(year, month, day)
        day, month, year = (int(p) for p in re.split(r"[/.-]", str(value).strip()))
        dt.date(year, month, day)
        return model.SignDate(year, month, day)
    except (KeyError, ValueError):
        return None


def locations(row: RawRow) -> model.Cells:
    return {key: cell.location for key, cell in row.cells.items()}


def records(
    raw: RawWorkbook | None, sheet: str, c: TypedCells, build: Callable[[RawRow, TypedCells], Any]
) -> tuple[Any, ...]:
    """Build one record per row of a table sheet; a row repeating another's key is reported and left out.

    A row whose key cell could not be read is kept (its key is a stand-in, never a duplicate) and
    makes its sheet untrusted for lookups (`TypedCells.untrusted`).
    """
    table = raw.sheets.get(sheet) if raw is not None else None
    if table is None:
        return ()
    assert isinstance(table, RawTable)
    key = table.spec.key
    built, unknown = [], []  # unknown: the row's key could not be read
    for row in table.rows:
        built.append(build(row, c))
        unknown.append(any(row.cells[k].location in c.unread for k in key if k in row.cells))
        if unknown[-1]:
            c.untrusted.add((table.workbook, sheet))  # the row a lookup looks for may be this one
    if not key:
        return tuple(built)
    seen: dict[tuple, model.Record] = {}
    kept = []
    for rec, stand_in in zip(built, unknown, strict=True):
        value = tuple(getattr(rec, k) for k in key)
        if stand_in:
            kept.append(rec)
            continue
        if value in seen and (key in OPTIONAL_PART_KEYS or not any(v in ("", None, 0) for v in value)):
            first = seen[value]
            shown = " / ".join(str(v) for v in value if v not in (None, ""))
            c.duplicates.append(error(
                "input.duplicate-key",
                f"{', '.join(table.spec.column(k).header for k in key)} {shown} tertulis dua kali; "
                "hanya baris pertama yang dipakai",
                first.loc(key[-1]), rec.loc(key[-1]), subject=shown,
            ))
            continue
        seen.setdefault(value, rec)
        kept.append(rec)
    return tuple(kept)


def stated_total(raw: RawWorkbook | None, sheet: str, c: TypedCells) -> model.StatedTotal | None:
    table = raw.sheets.get(sheet) if raw is not None else None
    if not isinstance(table, RawTable) or table.total is None:
        return None
    numeric = (schema.INT, schema.MONEY, schema.TARGET)
    values: dict[str, Decimal | None] = {}
    for col in table.spec.columns:
        cell = table.total.cells.get(col.key)
        if col.type in numeric and cell is not None:
            number = c.number(cell)
            values[col.key] = number.value if number else None
    return model.StatedTotal(raw.spec.filename, sheet, values, cells=locations(table.total), row=table.total.number)


def extra_cells(row: RawRow) -> tuple[tuple[Location, str], ...]:
    return tuple((cell.location, show(cell.value)) for cell in row.extra)


