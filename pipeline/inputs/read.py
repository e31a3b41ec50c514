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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.files import FileProblem, TooLarge, folder_problem, read_regular, zip_members
from pipeline.findings import Finding, InputError, Location, error
from pipeline.inputs import schema
from pipeline.library_hooks import worksheet_member

HEADER_SCAN_ROWS = 12
TOTAL_WORDS = {"jumlah", "total", "jumlahtotal", "grandtotal"}
MAX_COLUMNS = 200


@dataclass(frozen=True)
class Limits:
    """What a workbook may hold before it is refused unread: bounds on time and memory, not on offices.

    The largest office has a few thousand cells per workbook; these are orders of magnitude
    beyond it. Rows and cells are counted in the sheet XML itself, never taken from the
    `<dimension>` a workbook claims. `ratio` bounds how much a zip member may expand (a member
    of over a megabyte unpacked only).
    """

    file_bytes: int = 50 * 1024 * 1024
    unpacked_bytes: int = 200 * 1024 * 1024
    ratio: int = 500
    rows: int = 100_000
    cells: int = 300_000


LIMITS = Limits()
_ROW_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row[\s/>]")
_CELL_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c[\s/>]")
_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")
# Strict Open XML (Excel's "Strict Open XML Spreadsheet") names the same elements in other namespaces
_STRICT = re.compile(rb"http://purl\.oclc\.org/ooxml/(spreadsheetml|drawingml|officeDocument)/(\w+)(/\w+)?")
_STRICT_WORDS = {b"extendedProperties": b"extended-properties", b"customProperties": b"custom-properties"}
STRICT_FORMAT = "Strict Open XML Spreadsheet"


def excel_text(value: str) -> str:
    """Cell text as typed: Excel's `_xHHHH_` escapes decoded (`_x000D_` is a line break), no-break spaces plain.

    `_x005F_` escapes the underscore itself, so `_x005F_x000D_` is the literal text `_x000D_`.
    A lone surrogate, which no text can hold, becomes U+FFFD.
    """
    if "_x" in value:
        value = _ESCAPED.sub(_unescape, value)
    return value.replace("\u00a0", " ")


def _unescape(match: re.Match) -> str:
    code = int(match.group(1), 16)
    return "\ufffd" if 0xD800 <= code <= 0xDFFF else chr(code)


@dataclass(frozen=True, slots=True)
class RawCell:
    value: Any
    number_format: str
    location: Location
    label: str = ""


@dataclass(slots=True)
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
    """A workbook read. `problems` are its cells that could not be read (a formula Excel never
    calculated): each is in its sheet with no value, so every other cell is still read."""

    spec: schema.Workbook
    path: Path
    sha256: str
    sheets: dict[str, RawTable | RawForm]
    problems: tuple[Finding, ...] = ()


def norm_header(text: Any) -> str:
    """Header text reduced to lower-case letters and digits: `No. IKK ` -> `noikk`."""
    if text is None:
        return ""
    return re.sub(r"[^0-9a-z]", "", str(text).casefold())


def read_inputs(folder: Path, workbooks: tuple[schema.Workbook, ...] = schema.WORKBOOKS,
                limits: Limits = LIMITS) -> tuple[dict[str, RawWorkbook], list[Finding]]:
    """Read every section workbook of `folder`: those that could be read, and the problems of the others.

    Every workbook is tried, so one unreadable workbook does not hide the problems of another.
    A folder that is missing or not a folder is the only problem then.
    """
    folder = Path(folder)
    why = folder_problem(folder)
    if why is not None:
        rule = "input.folder"
        message = why if not why.endswith("tidak ada") else f"folder input {folder} tidak ada"
        return {}, [error(rule, message, Location(str(folder)))]
    result: dict[str, RawWorkbook] = {}
    problems: list[Finding] = []
    for spec in workbooks:
        try:
            result[spec.key] = read_workbook(folder / spec.filename, spec, limits)
        except InputError as exc:
            problems.extend(exc.findings)
            continue
        problems.extend(result[spec.key].problems)
    return result, problems


def read_workbook(path: Path, spec: schema.Workbook, limits: Limits = LIMITS) -> RawWorkbook:
    """Read one workbook by its schema; InputError when a sheet, column or field is missing or the file
    is damaged. A cell that cannot be read is one of the workbook's `problems`, not a reason to refuse it.

    Speed matters here: reading is most of `rkt check`. The workbook is parsed once in
    openpyxl's read-only (streaming) mode into a grid per sheet; merged ranges, which that
    mode does not report, are taken from the sheet XML; cached formula values are loaded
    (a second, data-only parse) only when a sheet read actually holds a formula.
    """
    original = workbook_bytes(path, spec.filename, limits)
    data = transitional(original)
    book = _open(data, spec.filename)
    if not book.sheetnames and is_strict(original):  # should a Strict part be beyond what transitional() renames
        book.close()
        raise InputError([error("input.not-xlsx", f"workbook ini disimpan sebagai {STRICT_FORMAT} dan tidak dapat "
                                "dibaca; buka di Excel, lalu Save As > Excel Workbook (*.xlsx)",
                                Location(spec.filename))])
    sheets: dict[str, RawTable | RawForm] = {}
    problems = []
    names = {norm_header(n): n for n in book.sheetnames}
    grids: dict[str, _Grid] = {}
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
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
                grids[sheet_spec.name] = _Grid(book[actual], archive, data, spec.filename, sheet_spec.name)
    except Exception as exc:  # a damaged sheet part surfaces only when it is parsed
        raise InputError([error("input.corrupt", f"file tidak dapat dibaca sebagai .xlsx ({type(exc).__name__})",
                                Location(spec.filename))]) from None
    finally:
        book.close()
    if any(grid.formulas for grid in grids.values()):
        _fill_cached(data, spec, names, grids)
    cells: list[Finding] = []
    for sheet_spec in spec.sheets:
        grid = grids.get(sheet_spec.name)
        if grid is None:
            continue
        try:
            if isinstance(sheet_spec, schema.FormSheet):
                sheets[sheet_spec.name] = _read_form(grid, sheet_spec, cells)
            else:
                sheets[sheet_spec.name] = _read_table(grid, sheet_spec, cells)
        except InputError as exc:
            problems.extend(exc.findings)
    if problems:
        raise InputError(problems + cells)
    return RawWorkbook(spec, path, hashlib.sha256(original).hexdigest(), sheets, tuple(cells))


def workbook_bytes(path: Path, name: str, limits: Limits = LIMITS) -> bytes:
    """The bytes of a workbook, refused (InputError naming it) unless a regular `.xlsx` within `limits`.

    Everything about size is decided on the raw bytes and the zip directory, and rows and
    cells are counted in the sheet XML as it is unpacked, before openpyxl builds a single cell
    object: an absurd workbook is refused in a second, whatever its `<dimension>` claims.
    """
    where = Location(name)

    def refuse(rule: str, message: str) -> InputError:
        return InputError([error(rule, message, where)])

    try:
        data = read_regular(path, limits.file_bytes)
    except TooLarge as exc:
        raise refuse("input.too-large", f"file terlalu besar ({exc.size // (1024 * 1024)} MB; batas "
                                        f"{limits.file_bytes // (1024 * 1024)} MB)") from None
    except FileProblem as exc:
        if path.exists() or path.is_symlink():
            raise refuse("input.unreadable", f"tidak dapat dibaca: {exc}") from None
        siblings = sorted(p.name for p in path.parent.glob(path.stem + ".*")) if path.parent.is_dir() else []
        hint = f"; ditemukan {', '.join(siblings)}: simpan ulang sebagai .xlsx (Excel Workbook)" if siblings else ""
        raise refuse("input.missing-workbook", f"workbook {name} tidak ditemukan di {path.parent}{hint}") from None
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise refuse("input.not-xlsx", "file ini dilindungi password atau berformat .xls lama; buka di Excel, "
                                       "hapus password, lalu simpan sebagai .xlsx (Excel Workbook)")
    if data[:2] != b"PK":
        raise refuse("input.not-xlsx", "bukan file .xlsx (mungkin CSV atau teks yang diberi nama .xlsx); "
                                       "simpan ulang sebagai .xlsx")
    try:
        infos = zip_members(data, limits.unpacked_bytes, limits.ratio)
        if "xl/workbook.xml" not in {i.filename for i in infos}:
            raise refuse("input.not-xlsx", "file zip ini bukan workbook Excel (.xlsx)")
        cells = 0
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            for info in infos:
                if info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml"):
                    rows, cells = _count(zf, info, limits, cells)
                    if rows > limits.rows:
                        raise refuse("input.too-large", f"sheet berisi lebih dari {_dotted(limits.rows)} baris; "
                                                        "file sebesar ini ditolak")
                    if cells > limits.cells:
                        raise refuse("input.too-large", f"workbook berisi lebih dari {_dotted(limits.cells)} sel "
                                                        "terisi; file sebesar ini ditolak")
    except TooLarge:
        raise refuse("input.too-large", "isi file terlalu besar setelah diekstrak (zip bomb?); batas "
                                        f"{limits.unpacked_bytes // (1024 * 1024)} MB") from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError, ValueError, OSError):
        raise refuse("input.corrupt", "file rusak atau terpotong; simpan ulang dari Excel") from None
    return data


def is_strict(data: bytes) -> bool:
    """Whether the .xlsx `data` was saved as Strict Open XML (its workbook part in the Strict namespace)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return b"purl.oclc.org/ooxml/spreadsheetml/main" in zf.read("xl/workbook.xml")[:4096]
    except (KeyError, zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError):
        return False


def transitional(data: bytes) -> bytes:
    """The .xlsx `data` as an ordinary (Transitional) workbook: the same, unless it was saved as Strict Open XML.

    Strict names every element and relationship in namespaces of its own
    (`http://purl.oclc.org/ooxml/spreadsheetml/main` for `.../spreadsheetml/2006/main`), which
    openpyxl does not know: it would see a workbook without sheets. The parts are the same
    otherwise, so each namespace is renamed to its Transitional twin (ISO/IEC 29500-4, and the
    two relationship types whose names differ); the workbook's bytes and digest stay the file's.
    """
    if not is_strict(data):
        return data
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            part = src.read(info)
            if info.filename.endswith((".xml", ".rels")):
                part = _STRICT.sub(_transitional_name, part)
            dst.writestr(info, part)
    return out.getvalue()


def _transitional_name(match: re.Match) -> bytes:
    family, name, rest = match.group(1), match.group(2), match.group(3) or b""
    if rest:  # a relationship type: .../officeDocument/relationships/worksheet
        rest = b"/" + _STRICT_WORDS.get(rest[1:], rest[1:])
    return b"http://schemas.openxmlformats.org/%s/2006/%s%s" % (family, _STRICT_WORDS.get(name, name), rest)


def _dotted(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _count(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limits: Limits, cells: int) -> tuple[int, int]:
    """Rows of one sheet, and cells so far in the workbook, counted in the XML as it is unpacked.

    Stops as soon as either passes its limit. Each piece is cut at its last `<`, so no tag is
    ever split between two pieces.
    """
    rows, carry = 0, b""
    with zf.open(info) as stream:
        while rows <= limits.rows and cells <= limits.cells:
            chunk = stream.read(1 << 20)
            if not chunk:
                break
            text = carry + chunk
            cut = text.rfind(b"<")
            text, carry = (text[:cut], text[cut:]) if cut > 0 else (text, b"")
            rows += len(_ROW_TAG.findall(text))
            cells += len(_CELL_TAG.findall(text))
        rows += len(_ROW_TAG.findall(carry + b" "))
        cells += len(_CELL_TAG.findall(carry + b" "))
    return rows, cells


def _open(data: bytes, name: str, data_only: bool = False):
    # start-up: openpyxl loads only when a workbook is read (never for `rkt diff` of two .docx), here and below
    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return load_workbook(io.BytesIO(data), data_only=data_only, read_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise InputError([error("input.corrupt", f"file tidak dapat dibaca sebagai .xlsx ({type(exc).__name__})",
                                Location(name))]) from None


def _fill_cached(data: bytes, spec: schema.Workbook, names: dict[str, str], grids: dict[str, _Grid]) -> None:
    """Give every formula cell read the value Excel saved with it (None when it was never calculated)."""
    book = _open(data, spec.filename, data_only=True)
    try:
        for sheet_name, grid in grids.items():
            if not grid.formulas:
                continue
            ws = book[names[norm_header(sheet_name)]]
            ws.reset_dimensions()
            last = max(r for r, _ in grid.formulas)
            for r, row in enumerate(ws.iter_rows(max_row=last, values_only=True), start=1):
                for c in grid.formulas_by_row.get(r, ()):
                    grid.cached[(r, c)] = row[c - 1] if c <= len(row) else None
    except Exception as exc:  # same damage as the first parse would have shown; be safe anyway
        raise InputError([error("input.corrupt", f"file tidak dapat dibaca sebagai .xlsx ({type(exc).__name__})",
                                Location(spec.filename))]) from None
    finally:
        book.close()


_MERGE = re.compile(
    rb"""<(?:[A-Za-z_][\w.-]*:)?mergeCell\b[^>]*?\bref=["']([A-Za-z]{1,3}\d+(?::[A-Za-z]{1,3}\d+)?)["']"""
)
_COLUMN_LETTERS: list[str] = []


def _letter(c: int) -> str:
    """Column letter of 1-based index `c`, cached (every cell's address needs one)."""
    if c >= len(_COLUMN_LETTERS):
        from openpyxl.utils import get_column_letter  # start-up: see _open

        _COLUMN_LETTERS.extend(get_column_letter(i) if i else "" for i in range(len(_COLUMN_LETTERS), c + 1))
    return _COLUMN_LETTERS[c]


class _Grid:
    """A worksheet read once into rows of cells, with merged ranges filled from their top-left cell.

    `raw(r, c)` is a cell's own value (None inside a merged range, as Excel stores it);
    `cell` and `text` see through merges to the range's top-left value.
    """

    def __init__(self, ws, archive: zipfile.ZipFile, data: bytes, workbook: str, sheet: str):
        from openpyxl.cell.read_only import EMPTY_CELL  # start-up: see _open

        self.workbook, self.sheet = workbook, sheet
        self.empty = EMPTY_CELL
        ws.reset_dimensions()  # the stored <dimension> may be stale; read every row there is
        self.rows: list[tuple] = []
        self.formulas: list[tuple[int, int]] = []
        self.formulas_by_row: dict[int, list[int]] = {}
        self.cached: dict[tuple[int, int], Any] = {}
        width = 0
        for r, row in enumerate(ws.iter_rows(), start=1):
            if len(row) > MAX_COLUMNS:
                row = row[:MAX_COLUMNS]
            self.rows.append(row)
            if len(row) > width:
                width = len(row)
            for cell in row:
                if cell.data_type == "f":
                    self.formulas.append((r, cell.column))
                    self.formulas_by_row.setdefault(r, []).append(cell.column)
        self.max_row = len(self.rows)
        self.max_col = width
        self.merged: dict[tuple[int, int], tuple[int, int]] = {}
        for min_col, min_row, max_col, max_row in _merged_ranges(ws, archive, data):
            top = (min_row, min_col)
            for r in range(min_row, min(max_row, self.max_row) + 1):
                for c in range(min_col, min(max_col, self.max_col) + 1):
                    self.merged[(r, c)] = top

    def _at(self, r: int, c: int):
        if r > len(self.rows):
            return self.empty
        row = self.rows[r - 1]
        return row[c - 1] if c <= len(row) else self.empty

    def raw(self, r: int, c: int) -> Any:
        """The value stored in the cell itself (merges not filled)."""
        if self.merged and self.merged.get((r, c), (r, c)) != (r, c):
            return None
        return self._at(r, c).value

    def loc(self, r: int, c: int) -> Location:
        return Location(self.workbook, self.sheet, f"{_letter(c)}{r}")

    def cell(self, r: int, c: int, label: str = "") -> RawCell:
        src = self.merged.get((r, c), (r, c)) if self.merged else (r, c)
        cell = self._at(*src)
        value = cell.value
        if cell.data_type == "f":  # a formula; text that merely starts with `=` is text
            value = self.cached.get(src)
            if value is None:
                raise InputError([error(
                    "input.formula-without-value",
                    f"rumus {str(cell.value)[:60]} belum punya nilai tersimpan; buka dan simpan ulang file di Excel",
                    self.loc(r, c),
                )])
        if isinstance(value, str):
            value = excel_text(value)
        return RawCell(value, cell.number_format or "General", self.loc(r, c), label)

    def cell_or_none(self, r: int, c: int, problems: list[Finding], label: str = "") -> RawCell:
        """`cell`, or a cell with no value when it cannot be read (its problem added to `problems`)."""
        try:
            return self.cell(r, c, label)
        except InputError as exc:
            problems.extend(exc.findings)
            return RawCell(None, "General", self.loc(r, c), label)

    def text(self, r: int, c: int) -> str:
        src = self.merged.get((r, c), (r, c))
        value = self._at(*src).value
        return "" if value is None else excel_text(str(value))


def _merged_ranges(ws, archive: zipfile.ZipFile, data: bytes) -> list[tuple[int, int, int, int]]:
    """(min_col, min_row, max_col, max_row) of every merged range, read from the sheet's XML.

    openpyxl's read-only mode skips `<mergeCells>`; a regex over the part is far cheaper than
    a second, full parse. Which part is openpyxl's private knowledge (pipeline/library_hooks.py);
    should it be lost, the ranges come from a full load instead.
    """
    from openpyxl.utils.cell import range_boundaries  # start-up: see _open

    member = worksheet_member(ws)
    if member is None:  # pragma: no cover - only with an openpyxl other than the pinned one
        from openpyxl import load_workbook  # start-up: see _open

        full = load_workbook(io.BytesIO(data))[ws.title]
        return [(r.min_col, r.min_row, r.max_col, r.max_row) for r in full.merged_cells.ranges]
    xml = archive.read(member)
    if b"mergeCell" not in xml:
        return []
    found = []
    for match in _MERGE.finditer(xml):
        min_col, min_row, max_col, max_row = range_boundaries(match.group(1).decode().upper())
        found.append((min_col, min_row, max_col, max_row))
    return found


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


def _read_table(grid: _Grid, spec: schema.Sheet, problems: list[Finding]) -> RawTable:
    """The sheet's rows; a cell that cannot be read keeps its row, with no value, its problem in `problems`."""
    header_row, columns = _find_header(grid, spec)
    known = set(columns.values())
    first_col = min(known)
    labels = {c.key: c.header for c in spec.columns}
    wanted = list(columns.items())
    others = [c for c in range(first_col, grid.max_col + 1) if c not in known]
    rows: list[RawRow] = []
    total: RawRow | None = None
    for r in range(header_row + 1, grid.max_row + 1):
        if all(_is_blank(grid.raw(r, c)) for c in range(1, grid.max_col + 1)):
            continue
        cells = {key: grid.cell_or_none(r, c, problems, labels[key]) for key, c in wanted}
        extra = [
            grid.cell_or_none(r, c, problems)
            for c in others
            if (r, c) not in grid.merged and not _is_blank(grid.raw(r, c))
        ]
        row = RawRow(r, cells, extra)
        if spec.total_row and TOTAL_WORDS.intersection(
                norm_header(cell.value) for cell in cells.values() if isinstance(cell.value, str)):
            total = row
            continue
        if all(_is_blank(cell.value) for cell in cells.values()):
            continue
        rows.append(row)
    return RawTable(spec, grid.workbook, header_row, rows, total)


def _read_form(grid: _Grid, spec: schema.FormSheet, cells: list[Finding]) -> RawForm:
    """The sheet's fields; a value that cannot be read is kept with none, its problem in `cells`."""
    labels = {norm_header(n): f.key for f in spec.fields for n in f.names}
    fields: dict[str, RawCell] = {}
    problems = []
    for r in range(1, grid.max_row + 1):
        key = labels.get(norm_header(grid.text(r, 1)))
        if key is None or key in fields:
            continue
        fields[key] = grid.cell_or_none(r, 2, cells, grid.text(r, 1).strip())
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
