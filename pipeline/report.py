"""What a planner reads after a check: a report grouped by workbook and sheet, and marked-up workbook copies.

Both are pure functions of the findings (and the inputs' bytes, for the copies), with no
timestamps, so the same inputs give the same report byte for byte. They return bytes; the
build writes them (pipeline/outputs.py), so the originals are never written.
"""

from __future__ import annotations

import io
import re
import warnings
from collections import defaultdict
from collections.abc import Iterable

from . import schema
from .findings import Finding, Location, cell_ranges, format_locations, sort_findings
from .model import Plan
from .read import norm_header

LABELS = {"error": "galat", "warning": "peringatan"}
FILLS = {"error": "FFC7CE", "warning": "FFEB9C"}  # Excel's light red and light yellow
NOTES_SHEET = "Temuan rkt"
COMMENT_AUTHOR = "rkt"
WORKBOOK_ORDER = tuple(wb.filename for wb in schema.WORKBOOKS)
SHEET_ORDER = {wb.filename: tuple(s.name for s in wb.sheets) for wb in schema.WORKBOOKS}
_A1 = re.compile(r"^[A-Z]{1,3}[0-9]+$")


def summary(findings: Iterable[Finding]) -> str:
    """`3 galat, 1 peringatan`."""
    findings = list(findings)
    errors = sum(f.severity == "error" for f in findings)
    return f"{errors} galat, {len(findings) - errors} peringatan"


def _workbook_key(name: str) -> tuple[int, str]:
    return (WORKBOOK_ORDER.index(name) if name in WORKBOOK_ORDER else len(WORKBOOK_ORDER), name)


def _sheet_key(workbook: str, sheet: str) -> tuple[int, int, str]:
    order = SHEET_ORDER.get(workbook, ())
    return (0 if sheet else 1, order.index(sheet) if sheet in order else len(order), sheet)


def _cell_key(cell: str) -> tuple[int, int, str]:
    letters = cell.rstrip("0123456789")
    digits = cell[len(letters):]
    column = 0
    for ch in letters:
        column = column * 26 + ord(ch) - 64 if ch.isalpha() else column
    return (int(digits) if digits and letters.isalpha() else 0, column, cell)


def _md(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def _cells_text(cells: list[str]) -> str:
    if not cells:
        return "-"
    rows = [c for c in cells if ":" in c and not _A1.match(c.split(":")[0])]
    plain = [c for c in cells if c not in rows]
    return ", ".join(cell_ranges(plain) + [f"baris {c.split(':')[0]}" for c in rows])


def _by_place(findings: list[Finding]) -> dict[str, dict[str, list[tuple[Finding, list[str]]]]]:
    """workbook -> sheet -> (finding, its cells on that sheet), each finding once per sheet it touches."""
    places: dict[str, dict[str, list[tuple[Finding, list[str]]]]] = defaultdict(lambda: defaultdict(list))
    for f in findings:
        seen: dict[tuple[str, str], list[str]] = {}
        for loc in f.locations:
            cells = seen.setdefault((loc.workbook, loc.sheet), [])
            if loc.cell and loc.cell not in cells:
                cells.append(loc.cell)
        for (workbook, sheet), cells in seen.items():
            places[workbook][sheet].append((f, cells))
    return places


def report_markdown(findings: list[Finding], plan: Plan | None, inputs_label: str) -> str:
    """The check report in Bahasa Indonesia: a summary, then every finding under its workbook and sheet.

    A finding that names cells in several sheets is listed under each, with the other places
    named beside it. `plan` is None when the inputs could not be read; the report then lists
    only the input problems.
    """
    findings = sort_findings(findings)
    lines = ["# Laporan pemeriksaan RKT", "", f"- Input: `{_md(inputs_label)}`"]
    if plan is not None:
        office = plan.office
        lines.append(f"- Kantor: {_md(office.name)}")
        lines.append(f"- Dokumen: RKT {_md(office.edition)} {office.year}")
        for source in sorted(plan.sources, key=lambda s: _workbook_key(s.workbook)):
            lines.append(f"- `{source.workbook}` (sha256 `{source.sha256[:12]}`)")
    lines += ["", f"**{summary(findings)}.**"]
    if not findings:
        lines += ["", "Tidak ada temuan: semua aturan pemeriksaan terpenuhi."]
        return "\n".join(lines) + "\n"
    lines += ["", "Galat harus diperbaiki sebelum dokumen disusun; peringatan perlu ditinjau dan boleh dibiarkan "
              "bila memang benar. Setiap temuan tercantum di setiap sheet yang terlibat."]
    places = _by_place(findings)
    for workbook in sorted(places, key=_workbook_key):
        lines += ["", f"## {workbook}"]
        for sheet in sorted(places[workbook], key=lambda s: _sheet_key(workbook, s)):
            entries = sorted(places[workbook][sheet], key=lambda e: (
                _cell_key(e[1][0]) if e[1] else (0, 0, ""), e[0].severity != "error", e[0].rule, e[0].subject,
                e[0].message))
            lines += ["", f"### Sheet {sheet}" if sheet else "### Seluruh workbook", "",
                      "| Sel | Jenis | Aturan | Subjek | Temuan |", "|---|---|---|---|---|"]
            for f, cells in entries:
                others = tuple(loc for loc in f.locations if (loc.workbook, loc.sheet) != (workbook, sheet))
                also = f" (juga: {_md(format_locations(others))})" if others else ""
                lines.append(f"| {_cells_text(cells)} | {LABELS[f.severity]} | `{f.rule}` | {_md(f.subject) or '-'} "
                             f"| {_md(f.message)}{also} |")
    unplaced = [f for f in findings if not f.locations]
    if unplaced:
        lines += ["", "## Tanpa lokasi", "", "| Jenis | Aturan | Subjek | Temuan |", "|---|---|---|---|"]
        for f in unplaced:
            lines.append(f"| {LABELS[f.severity]} | `{f.rule}` | {_md(f.subject) or '-'} | {_md(f.message)} |")
    return "\n".join(lines) + "\n"


def _comment_line(f: Finding) -> str:
    subject = f" {f.subject}" if f.subject else ""
    return f"{LABELS[f.severity].upper()} [{f.rule}]{subject}: {f.message}"


def _target_cell(ws, address: str):
    """The cell to mark: a merged cell is marked at the top-left of its range."""
    cell = ws[address]
    for rng in ws.merged_cells.ranges:
        if address in rng:
            return ws.cell(rng.min_row, rng.min_col)
    return cell


def _mark(wb, workbook: str, findings: list[Finding]) -> list[tuple[Finding, Location]]:
    """Fill and comment every cell of `workbook` named by a finding; return what has no cell to mark."""
    from openpyxl.comments import Comment
    from openpyxl.styles import PatternFill

    from .xlsx import sheet_text

    sheets = {norm_header(name): name for name in wb.sheetnames}
    marks: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    unmarked: list[tuple[Finding, Location]] = []
    for f in findings:
        here = [loc for loc in f.locations if loc.workbook == workbook]
        cells = [loc for loc in here if loc.cell and _A1.match(loc.cell) and norm_header(loc.sheet) in sheets]
        for loc in cells:
            cell = _target_cell(wb[sheets[norm_header(loc.sheet)]], loc.cell)
            if f not in marks[(cell.parent.title, cell.coordinate)]:
                marks[(cell.parent.title, cell.coordinate)].append(f)
        if not cells:
            unmarked.append((f, here[0]))
    for (title, coordinate), found in marks.items():
        cell = wb[title][coordinate]
        severity = "error" if any(f.severity == "error" for f in found) else "warning"
        cell.fill = PatternFill(fill_type="solid", start_color=FILLS[severity], end_color=FILLS[severity])
        text = sheet_text("\n\n".join(_comment_line(f) for f in found))
        if cell.comment is not None and cell.comment.author != COMMENT_AUTHOR:
            text = f"{cell.comment.text}\n\n{text}"
        lines = sum(len(part) // 50 + 1 for part in text.split("\n"))
        cell.comment = Comment(text, COMMENT_AUTHOR, height=min(20 * lines + 20, 600), width=360)
    return unmarked


def _notes_sheet(wb, unmarked: list[tuple[Finding, Location]]) -> None:
    """A first sheet listing the findings that name no cell of this workbook."""
    from openpyxl.styles import Alignment, Font

    from .xlsx import append_row

    ws = wb.create_sheet(NOTES_SHEET, 0)
    append_row(ws, ["Jenis", "Aturan", "Subjek", "Lokasi", "Temuan"])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for f, loc in unmarked:
        append_row(ws, [LABELS[f.severity], f.rule, f.subject, str(loc), f.message])
        for cell in ws[ws.max_row]:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for col, width in zip("ABCDE", (12, 28, 24, 40, 90), strict=True):
        ws.column_dimensions[col].width = width
    for sheet in wb.worksheets:  # else Excel opens with two tabs selected (grouped)
        sheet.sheet_view.tabSelected = sheet is ws
    wb.active = 0


def marked_copies(findings: list[Finding], sources: dict[str, bytes]) -> dict[str, bytes]:
    """For each input workbook with findings, the bytes of a copy with the cells marked.

    `sources` holds the bytes of the input workbooks as read (by file name); a workbook with
    findings but no bytes, or that openpyxl cannot open, is not copied. Errors are filled light
    red, warnings light yellow, and each marked cell carries the messages as a comment by "rkt".
    Findings that name no cell of a workbook (a whole sheet, a missing row) are listed on a first
    sheet "Temuan rkt", written as text: no message ever becomes a formula.
    """
    by_workbook: dict[str, list[Finding]] = defaultdict(list)
    for f in sort_findings(findings):
        for workbook in dict.fromkeys(loc.workbook for loc in f.locations):
            by_workbook[workbook].append(f)
    copies: dict[str, bytes] = {}
    for workbook in sorted(by_workbook, key=_workbook_key):
        data = sources.get(workbook)
        if data is not None:
            copy = _marked_copy(workbook, data, by_workbook[workbook])
            if copy is not None:
                copies[workbook] = copy
    return copies


def _marked_copy(workbook: str, data: bytes, findings: list[Finding]) -> bytes | None:
    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            wb = load_workbook(io.BytesIO(data))
    except Exception:  # a damaged file is reported by the reader; there is nothing to mark
        return None
    if NOTES_SHEET in wb.sheetnames:  # a marked copy fed back as input
        del wb[NOTES_SHEET]
    unmarked = _mark(wb, workbook, findings)
    if unmarked:
        _notes_sheet(wb, unmarked)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
