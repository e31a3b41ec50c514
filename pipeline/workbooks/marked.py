"""Marked copies of the input workbooks: each cell a finding names filled and commented.

Made from the bytes of the workbooks as read and returned as bytes; the build writes them
(pipeline/outputs.py), so the originals are never written. Text a finding carries is written
as text: no message ever becomes a formula.
"""

from __future__ import annotations

import io
import re
import warnings
from collections import defaultdict

from openpyxl import load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill

from pipeline.checks.report import LABELS, workbook_key
from pipeline.findings import Finding, Location, sort_findings
from pipeline.inputs.read import norm_header, transitional
from pipeline.workbooks.xlsx import append_row, sheet_text

FILLS = {"error": "FFC7CE", "warning": "FFEB9C"}  # Excel's light red and light yellow
NOTES_SHEET = "Temuan rkt"
COMMENT_AUTHOR = "rkt"
_A1 = re.compile(r"^[A-Z]{1,3}[0-9]+$")


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
    for workbook in sorted(by_workbook, key=workbook_key):
        data = sources.get(workbook)
        if data is not None:
            copy = _marked_copy(workbook, data, by_workbook[workbook])
            if copy is not None:
                copies[workbook] = copy
    return copies


def _marked_copy(workbook: str, data: bytes, findings: list[Finding]) -> bytes | None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            wb = load_workbook(io.BytesIO(transitional(data)))  # a Strict workbook is marked as an ordinary one
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
