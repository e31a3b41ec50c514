"""Findings as data: a rule, a severity, a message a planner reads, and the cells involved."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Location:
    """A cell in a section workbook, as an Excel user names it; or a place in a Word template.

    `cell` is an A1 address, or empty when the finding is about a whole sheet or workbook.
    `place` says where in a document that is not a workbook (a template's paragraph: `paragraf 12
    di bawah «KATA PENGANTAR»: «...»`); `workbook` is then the document's file.
    """

    workbook: str
    sheet: str = ""
    cell: str = ""
    place: str = ""

    def __str__(self) -> str:
        if self.place:
            return f"{self.workbook}, {self.place}"
        parts = [self.workbook]
        if self.sheet:
            parts.append(f"sheet {self.sheet}")
        if self.cell and ":" in self.cell:
            parts.append(f"baris {self.cell.split(':')[0]}")
        elif self.cell:
            parts.append(f"sel {self.cell}")
        return ", ".join(parts)


@dataclass(frozen=True)
class Finding:
    """One problem found in the inputs. Errors stop a build; warnings are reported only."""

    rule: str
    severity: Severity
    message: str
    subject: str = ""
    locations: tuple[Location, ...] = field(default_factory=tuple)

    def __str__(self) -> str:
        where = format_locations(self.locations)
        return f"{where}: {self.message}" if where else self.message

    def to_dict(self) -> dict:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "subject": self.subject,
            "locations": [{k: v for k, v in asdict(loc).items() if k != "place" or v} for loc in self.locations],
        }

    def sort_key(self) -> tuple:
        first = self.locations[0] if self.locations else Location("")
        return (self.severity != "error", first.workbook, first.sheet, _cell_order(first.cell), self.rule, self.subject)


def _split(cell: str) -> tuple[str, int] | None:
    letters = cell.rstrip("0123456789")
    digits = cell[len(letters):]
    if not letters.isalpha() or not digits:
        return None
    return letters, int(digits)


def _col(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def cell_ranges(cells: list[str]) -> list[str]:
    """`C18 D18 E18` -> `C18:E18`; `B37 B38 B39` -> `B37:B39`; other cells as they are."""
    parsed = [(_split(c), c) for c in cells]
    plain = [c for p, c in parsed if p is None]
    rows: dict[int, list[str]] = {}
    for p, _ in parsed:
        if p is not None:
            rows.setdefault(p[1], []).append(p[0])
    spans: list[tuple[str, str, int]] = []  # (first column, last column, row)
    for row in sorted(rows):
        cols = sorted(set(rows[row]), key=_col)
        start = prev = cols[0]
        for col in cols[1:] + [None]:
            if col is not None and _col(col) == _col(prev) + 1:
                prev = col
                continue
            spans.append((start, prev, row))
            start = prev = col
    merged: list[list] = []
    for first, last, row in spans:
        match = next((m for m in merged if m[0] == first and m[1] == last and m[3] == row - 1), None)
        if match:
            match[3] = row
        else:
            merged.append([first, last, row, row])
    out = [f"{a}{r1}" if (a, r1) == (b, r2) else f"{a}{r1}:{b}{r2}" for a, b, r1, r2 in merged]
    return out + plain


def format_locations(locations: tuple[Location, ...]) -> str:
    """Locations grouped by workbook and sheet with cell ranges collapsed, as a planner reads them."""
    groups: dict[tuple[str, str], list[str]] = {}
    placed = [str(loc) for loc in locations if loc.place]
    for loc in locations:
        if loc.place:
            continue
        groups.setdefault((loc.workbook, loc.sheet), [])
        if loc.cell:
            groups[(loc.workbook, loc.sheet)].append(loc.cell)
    parts = []
    for (workbook, sheet), cells in groups.items():
        if not cells:
            parts.append(str(Location(workbook, sheet)))
        elif len(cells) == 1:
            parts.append(str(Location(workbook, sheet, cells[0])))
        else:
            parts.append(f"{Location(workbook, sheet)}, sel {', '.join(cell_ranges(cells))}")
    return "; ".join(parts + placed)


def _cell_order(cell: str) -> tuple[int, str]:
    letters = cell.rstrip("0123456789")
    digits = cell[len(letters):]
    return (int(digits) if digits else 0, letters.rjust(3))


def error(rule: str, message: str, *locations: Location, subject: str = "") -> Finding:
    return Finding(rule, "error", message, subject, tuple(locations))


def warning(rule: str, message: str, *locations: Location, subject: str = "") -> Finding:
    return Finding(rule, "warning", message, subject, tuple(locations))


def has_errors(findings: list[Finding]) -> bool:
    return any(f.severity == "error" for f in findings)


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """Errors first, then by workbook, sheet and cell, so output is stable between runs."""
    return sorted(set(findings), key=Finding.sort_key)


class InputError(Exception):
    """The inputs cannot be read into a model at all (exit code 2). Carries every problem found."""

    def __init__(self, findings: list[Finding]):
        self.findings = sort_findings(findings)
        self.report = ""  # where the report of these problems was written (or why it was not), if it was
        super().__init__("\n".join(str(f) for f in self.findings))
