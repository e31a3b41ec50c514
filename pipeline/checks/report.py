"""What a planner reads after a check: the report, every finding under its workbook and sheet.

A pure function of the findings, with no timestamps, so the same inputs give the same report
byte for byte. The marked copies of the workbooks are pipeline/workbooks/marked.py's.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from pipeline.findings import Finding, cell_ranges, format_locations, sort_findings
from pipeline.inputs import schema
from pipeline.plan.model import Plan

LABELS = {"error": "galat", "warning": "peringatan"}
WORKBOOK_ORDER = tuple(wb.filename for wb in schema.WORKBOOKS)
SHEET_ORDER = {wb.filename: tuple(s.name for s in wb.sheets) for wb in schema.WORKBOOKS}
_A1 = re.compile(r"^[A-Z]{1,3}[0-9]+$")


def summary(findings: Iterable[Finding]) -> str:
    """`3 galat, 1 peringatan`."""
    findings = list(findings)
    errors = sum(f.severity == "error" for f in findings)
    return f"{errors} galat, {len(findings) - errors} peringatan"


def workbook_key(name: str) -> tuple[int, str]:
    """Workbooks in the schema's order, any other after them by name."""
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
        for source in sorted(plan.sources, key=lambda s: workbook_key(s.workbook)):
            lines.append(f"- `{source.workbook}` (sha256 `{source.sha256[:12]}`)")
    lines += ["", f"**{summary(findings)}.**"]
    if not findings:
        lines += ["", "Tidak ada temuan: semua aturan pemeriksaan terpenuhi."]
        return "\n".join(lines) + "\n"
    lines += ["", "Galat harus diperbaiki sebelum dokumen disusun; peringatan perlu ditinjau dan boleh dibiarkan "
              "bila memang benar. Setiap temuan tercantum di setiap sheet yang terlibat."]
    places = _by_place(findings)
    for workbook in sorted(places, key=workbook_key):
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
