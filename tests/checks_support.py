"""Helpers for the rule tests: write a changed mini office, run every rule, flatten the findings."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from openpyxl import load_workbook

from pipeline.checks import run_checks
from pipeline.findings import Finding, Location
from pipeline.inputs.normalise import load
from tests.builders import plan_of, write_inputs


def ref(loc: Location) -> str:
    """`RO!F3` for a cell, `RO` for a whole sheet, the workbook name for a whole workbook."""
    if loc.cell:
        return f"{loc.sheet}!{loc.cell}"
    return loc.sheet or loc.workbook


def flat(findings: list[Finding], *rules: str) -> list[tuple[str, str, str]]:
    """(rule, subject, cell) of every cell of every finding (of `rules`, if given), sorted."""
    return sorted((f.rule, f.subject, ref(loc)) for f in findings if not rules or f.rule in rules
                  for loc in f.locations)


FIRED: set[str] = set()  # every rule a rule test saw fire (tests/conftest.py asks for all of them)


def findings_for(folder: Path, data: dict, edit: Callable[[Path], None] | None = None) -> list[Finding]:
    """Every finding of `data`: checked in memory, or, when an `edit` of the written workbooks is
    needed (what the builder cannot write), written into `folder`, edited, read and checked."""
    if edit is None:
        found = run_checks(plan_of(data))
    else:
        write_inputs(folder, data)
        edit(folder)
        found = run_checks(load(folder, realisation=True))
    FIRED.update(f.rule for f in found)
    return found


def set_cell(workbook: str, sheet: str, cell: str, value) -> Callable[[Path], None]:
    """An edit that types `value` into one cell of a written workbook (for what the builder cannot write)."""

    def edit(folder: Path) -> None:
        path = folder / workbook
        wb = load_workbook(path)
        wb[sheet][cell] = value
        wb.save(path)

    return edit


def drop_totals(data: dict) -> dict:
    """Remove the typed Jumlah rows, for cases that change figures the totals would also catch."""
    for workbook, sheet in (("pendanaan", "RO"), ("jadwal", "Jadwal")):
        data[workbook][sheet] = [row for row in data[workbook][sheet] if not row.get("_total")]
    return data
