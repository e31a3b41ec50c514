"""Read section workbooks into raw tables: cells with their addresses, nothing typed yet.

The only module that opens workbooks. It finds each sheet's header row (tolerating title
rows above it, merged header cells, case and spacing differences), skips blank rows,
recognises a trailing `Jumlah` row, and refuses files that are not usable `.xlsx` with a
message naming the file. Workbooks are opened read-only in memory; nothing is written back.
"""

from __future__ import annotations

import hashlib
import io
import re
import warnings
import zipfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from . import schema
from .findings import InputError, Location, error

HEADER_SCAN_ROWS = 12
TOTAL_WORDS = {"jumlah", "total", "jumlahtotal", "grandtotal"}
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 400 * 1024 * 1024
MAX_ROWS = 100_000
MAX_COLUMNS = 200
_DIMENSION = re.compile(rb'<dimension ref="[A-Z]+\d+:([A-Z]+)(\d+)"')


@dataclass(frozen=True)
class RawCell:
    value: Any
    number_format: str
    location: Location
    label: str = ""


@dataclass
class RawRow:
    number: int
    cells: dict[str, RawCell]
    extra: list[RawCell] = field(default_factory=list)


@dataclass
class RawTable:
    spec: schema.Sheet
    workbook: str
    header_row: int
    rows: list[RawRow]
    total: RawRow | None = None


@dataclass
class RawForm:
    spec: schema.FormSheet
    workbook: str
    fields: dict[str, RawCell]


@dataclass
class RawWorkbook:
    spec: schema.Workbook
    path: Path
    sha256: str
    sheets: dict[str, RawTable | RawForm]


def norm_header(text: Any) -> str:
    """Header text reduced to lower-case letters and digits: `No. IKK ` -> `noikk`."""
    if text is None:
        return ""
    return re.sub(r"[^0-9a-z]", "", str(text).casefold())


def read_inputs(folder: Path, workbooks: tuple[schema.Workbook, ...] = schema.WORKBOOKS) -> dict[str, RawWorkbook]:
    """Read every section workbook of `folder`; raise InputError listing every unusable one."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError([error("input.folder", f"folder input {folder} tidak ada", Location(str(folder)))])
    result: dict[str, RawWorkbook] = {}
    problems = []
    for spec in workbooks:
        try:
            result[spec.key] = read_workbook(folder / spec.filename, spec)
        except InputError as exc:
            problems.extend(exc.findings)
    if problems:
        raise InputError(problems)
    return result


def read_workbook(path: Path, spec: schema.Workbook) -> RawWorkbook:
    """Read one workbook by its schema."""
    data = _load_bytes(path, spec.filename)
    book = _open(data, spec.filename)
    formulas = _has_formulas(book)
    cached = _open(data, spec.filename, data_only=True) if formulas else None
    sheets: dict[str, RawTable | RawForm] = {}
    problems = []
    names = {norm_header(n): n for n in book.sheetnames}
    for sheet_spec in spec.sheets:
        actual = names.get(norm_header(sheet_spec.name))
        if actual is None:
            if isinstance(sheet_spec, schema.Sheet) and not sheet_spec.required:
                continue
            problems.append(error(
                "input.missing-sheet",
                f"sheet '{sheet_spec.name}' tidak ada (yang ada: {', '.join(book.sheetnames)})",
                Location(spec.filename),
            ))
            continue
        grid = _Grid(book[actual], cached[actual] if cached else None, spec.filename, sheet_spec.name)
        try:
            if isinstance(sheet_spec, schema.FormSheet):
                sheets[sheet_spec.name] = _read_form(grid, sheet_spec)
            else:
                sheets[sheet_spec.name] = _read_table(grid, sheet_spec)
        except InputError as exc:
            problems.extend(exc.findings)
    if problems:
        raise InputError(problems)
    return RawWorkbook(spec, path, hashlib.sha256(data).hexdigest(), sheets)


def _load_bytes(path: Path, name: str) -> bytes:
    where = Location(name)
    if not path.exists():
        siblings = sorted(p.name for p in path.parent.glob(path.stem + ".*")) if path.parent.is_dir() else []
        hint = f"; ditemukan {', '.join(siblings)}: simpan ulang sebagai .xlsx (Excel Workbook)" if siblings else ""
        message = f"workbook {name} tidak ditemukan di {path.parent}{hint}"
        raise InputError([error("input.missing-workbook", message, where)])
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise InputError([error(
            "input.too-large",
            f"file terlalu besar ({size // (1024 * 1024)} MB; batas {MAX_FILE_BYTES // (1024 * 1024)} MB)",
            where,
        )])
    data = path.read_bytes()
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise InputError([error(
            "input.not-xlsx",
            "file ini dilindungi password atau berformat .xls lama; buka di Excel, hapus password, "
            "lalu simpan sebagai .xlsx (Excel Workbook)",
            where,
        )])
    if data[:2] != b"PK":
        raise InputError([error(
            "input.not-xlsx",
            "bukan file .xlsx (mungkin CSV atau teks yang diberi nama .xlsx); simpan ulang sebagai .xlsx",
            where,
        )])
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
            if sum(i.file_size for i in infos) > MAX_UNCOMPRESSED_BYTES:
                message = "isi file terlalu besar setelah diekstrak (zip bomb?)"
                raise InputError([error("input.too-large", message, where)])
            if "xl/workbook.xml" not in {i.filename for i in infos}:
                raise InputError([error("input.not-xlsx", "file zip ini bukan workbook Excel (.xlsx)", where)])
            for info in infos:
                if info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml"):
                    rows = _count_rows(zf, info)
                    if rows > MAX_ROWS:
                        raise InputError([error(
                            "input.too-large",
                            f"sheet berisi lebih dari {MAX_ROWS:,} baris; file sebesar ini ditolak".replace(",", "."),
                            where,
                        )])
    except zipfile.BadZipFile:
        message = "file rusak atau terpotong; simpan ulang dari Excel"
        raise InputError([error("input.corrupt", message, where)]) from None
    return data


def _count_rows(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> int:
    """Rows of a sheet, from its `<dimension>` or by counting `<row` tags, stopping past the limit.

    Done on the raw XML before openpyxl builds cell objects, so an absurd sheet is refused in
    milliseconds instead of filling memory.
    """
    with zf.open(info) as stream:
        head = stream.read(4096)
        match = _DIMENSION.search(head)
        if match:
            return int(match.group(2))
        count, tail = head.count(b"<row"), head[-4:]
        while count <= MAX_ROWS and (chunk := stream.read(1 << 20)):
            count += (tail + chunk).count(b"<row") - tail.count(b"<row")
            tail = chunk[-4:]
        return count


def _open(data: bytes, name: str, data_only: bool = False):
    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return load_workbook(io.BytesIO(data), data_only=data_only, read_only=False)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise InputError([error("input.corrupt", f"file tidak dapat dibaca sebagai .xlsx ({type(exc).__name__})",
                                Location(name))]) from None


def _has_formulas(book) -> bool:
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    return True
    return False


class _Grid:
    """A worksheet seen as values, with merged ranges filled from their top-left cell."""

    def __init__(self, ws, cached_ws, workbook: str, sheet: str):
        self.ws, self.cached, self.workbook, self.sheet = ws, cached_ws, workbook, sheet
        self.merged: dict[tuple[int, int], tuple[int, int]] = {}
        for rng in ws.merged_cells.ranges:
            top = (rng.min_row, rng.min_col)
            for r in range(rng.min_row, rng.max_row + 1):
                for c in range(rng.min_col, rng.max_col + 1):
                    self.merged[(r, c)] = top
        self.max_row = ws.max_row
        self.max_col = min(ws.max_column, MAX_COLUMNS)

    def loc(self, r: int, c: int) -> Location:
        from openpyxl.utils import get_column_letter

        return Location(self.workbook, self.sheet, f"{get_column_letter(c)}{r}")

    def cell(self, r: int, c: int) -> RawCell:
        src = self.merged.get((r, c), (r, c))
        cell = self.ws.cell(*src)
        value = cell.value
        if cell.data_type == "f" or (isinstance(value, str) and value.startswith("=")):
            value = self.cached.cell(*src).value if self.cached is not None else None
            if value is None:
                raise InputError([error(
                    "input.formula-without-value",
                    f"rumus {cell.value} belum punya nilai tersimpan; buka dan simpan ulang file di Excel",
                    self.loc(r, c),
                )])
        if isinstance(value, str):
            value = value.replace("\u00a0", " ")
        return RawCell(value, cell.number_format or "General", self.loc(r, c))

    def text(self, r: int, c: int) -> str:
        src = self.merged.get((r, c), (r, c))
        value = self.ws.cell(*src).value
        return "" if value is None else str(value)


def _is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _find_header(grid: _Grid, spec: schema.Sheet) -> tuple[int, dict[str, int]]:
    wanted = {c.key: {norm_header(n) for n in c.names} for c in spec.columns}
    best: tuple[int, int, dict[str, int]] = (-1, 0, {})
    for r in range(1, min(grid.max_row, HEADER_SCAN_ROWS) + 1):
        found: dict[str, int] = {}
        for c in range(1, grid.max_col + 1):
            name = norm_header(grid.text(r, c))
            if not name:
                continue
            for key, names in wanted.items():
                if key not in found and name in names:
                    found[key] = c
                    break
        required = [c.key for c in spec.columns if c.required]
        if all(k in found for k in required):
            return r, found
        if len(found) > best[0]:
            best = (len(found), r, found)
    _, r, found = best
    missing = [c.header for c in spec.columns if c.required and c.key not in found]
    where = Location(grid.workbook, grid.sheet, f"{r}:{r}" if r else "")
    raise InputError([error(
        "input.missing-column",
        f"kolom {', '.join(repr(m) for m in missing)} tidak ditemukan di baris judul",
        where,
    )])


def _read_table(grid: _Grid, spec: schema.Sheet) -> RawTable:
    header_row, columns = _find_header(grid, spec)
    known = set(columns.values())
    first_col = min(known)
    rows: list[RawRow] = []
    total: RawRow | None = None
    problems = []
    for r in range(header_row + 1, grid.max_row + 1):
        if all(_is_blank(grid.ws.cell(r, c).value) for c in range(1, grid.max_col + 1)):
            continue
        try:
            cells = {key: replace(grid.cell(r, c), label=spec.column(key).header) for key, c in columns.items()}
            extra = [
                grid.cell(r, c)
                for c in range(first_col, grid.max_col + 1)
                if c not in known and (r, c) not in grid.merged and not _is_blank(grid.ws.cell(r, c).value)
            ]
        except InputError as exc:
            problems.extend(exc.findings)
            continue
        row = RawRow(r, cells, extra)
        words = {norm_header(cell.value) for cell in cells.values() if isinstance(cell.value, str)}
        if spec.total_row and words & TOTAL_WORDS:
            total = row
            continue
        if all(_is_blank(cell.value) for cell in cells.values()):
            continue
        rows.append(row)
    if problems:
        raise InputError(problems)
    return RawTable(spec, grid.workbook, header_row, rows, total)


def _read_form(grid: _Grid, spec: schema.FormSheet) -> RawForm:
    labels = {norm_header(n): f.key for f in spec.fields for n in f.names}
    fields: dict[str, RawCell] = {}
    problems = []
    for r in range(1, grid.max_row + 1):
        key = labels.get(norm_header(grid.text(r, 1)))
        if key is None or key in fields:
            continue
        try:
            fields[key] = replace(grid.cell(r, 2), label=grid.text(r, 1).strip())
        except InputError as exc:
            problems.extend(exc.findings)
    for f in spec.fields:
        if f.required and f.key not in fields:
            problems.append(error(
                "input.missing-field",
                f"isian '{f.label}' tidak ada (kolom A berisi nama isian, kolom B nilainya)",
                Location(grid.workbook, grid.sheet),
            ))
    if problems:
        raise InputError(problems)
    return RawForm(spec, grid.workbook, fields)
