"""Findings as data: a rule, a severity, a message a planner reads, and the cells involved."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Location:
    """A cell in a section workbook, as an Excel user names it.

    `cell` is an A1 address, or empty when the finding is about a whole sheet or workbook.
    """

    workbook: str
    sheet: str = ""
    cell: str = ""

    def __str__(self) -> str:
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
        where = "; ".join(str(loc) for loc in self.locations)
        return f"{where}: {self.message}" if where else self.message

    def to_dict(self) -> dict:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "subject": self.subject,
            "locations": [asdict(loc) for loc in self.locations],
        }

    def sort_key(self) -> tuple:
        first = self.locations[0] if self.locations else Location("")
        return (self.severity != "error", first.workbook, first.sheet, _cell_order(first.cell), self.rule, self.subject)


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
        super().__init__("\n".join(str(f) for f in self.findings))
