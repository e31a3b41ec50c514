"""`rkt capaian`: read the plan and its realisation -> check -> measure the period -> write the workbook and its
short Word report (pipeline/document/documents.py `capaian_report`), from the same measure.

The capaian of a period is only as true as its inputs: when the checks find an error (in the plan
or in realisasi.xlsx) nothing is written, as for the RKT. The workbook goes into the output folder
through `OutputFolder`, so rkt replaces only a capaian workbook it wrote, never an input or a
planner's file, and the previous one stays whole when writing fails.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pipeline.edition import analyse
from pipeline.findings import Finding, InputError, Location, error, has_errors
from pipeline.inputs.schema import ALL_WORKBOOKS, REALISASI
from pipeline.names import DOCX, capaian_name, owner
from pipeline.outputs import OutputFolder, check_folders
from pipeline.plan.realisation import Capaian, Period, measure
from pipeline.plan.vocabulary import MONTHS
from pipeline.workbooks.capaian import workbook_bytes


@dataclass(frozen=True)
class CapaianResult:
    """What `rkt capaian` did: the workbook written (None when errors stopped it), the findings, the model,
    the report written beside the workbook."""

    path: Path | None
    findings: list[Finding]
    capaian: Capaian | None = None
    report: Path | None = None

    @property
    def lagging(self) -> list[str]:
        """What was not reported through the period's last month, as a planner reads it."""
        if self.capaian is None:
            return []
        month, out = self.capaian.period.month, []
        for what, last in (("realisasi anggaran", self.capaian.budget_reported),
                           ("realisasi IKK", self.capaian.ikk_reported)):
            if last < month:
                out.append(f"{what} baru dilaporkan s.d. {MONTHS[last - 1]}" if last else f"{what} belum diisi")
        return out


def capaian(inputs: Path, output: Path, at: Period) -> CapaianResult:
    """Measure `inputs` through `at` and write the capaian workbook into the folder `output`.

    Raises InputError when the inputs cannot be read, FileProblem (OutputRefused among them) when
    the output cannot be written; findings, errors included, are returned.
    """
    inputs, output = Path(inputs), Path(output)
    check_folders(inputs, output)
    plan, findings = analyse(inputs, realisation=True)
    if plan is None:
        raise InputError(findings)
    if plan.realisation is None:
        raise InputError([error("input.missing-workbook", f"workbook {REALISASI.filename} tidak ditemukan di {inputs}; "
                                "capaian diukur dari realisasi (rkt blank menulis workbook kosongnya)",
                                Location(REALISASI.filename))])
    if has_errors(findings):
        return CapaianResult(None, findings)
    # start-up: docxtpl and python-docx load only when a report is made
    from pipeline.document.documents import capaian_report

    result = measure(plan, at)
    name, report = capaian_name(plan.office, at), capaian_name(plan.office, at, DOCX)
    out = OutputFolder(output, owner(plan.office), inputs, [inputs / wb.filename for wb in ALL_WORKBOOKS])
    data, document = workbook_bytes(result, plan.realisation.note), capaian_report(plan, result)
    out.claim([name, report])
    return CapaianResult(out.write(name, data), findings, result, out.write(report, document))
