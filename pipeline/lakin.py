"""`rkt lakin`: read the plan with its realisation -> check -> compose the LAKIN (with the issued PKs) -> publish.

The LAKIN is a document of the edition face like the RKT and the PK (pipeline/edition.py): the same
checks block it (the realisation's among them), a draft is marked DRAF, it has a text twin and a
snapshot for `rkt diff`, and `--final` keeps it read-only in `terbit/<year>-LAKIN/`. Its lampiran is
the PK of each edition issued in `terbit/` for the year (the archive keeps their workbooks), the
current PK last when it was not issued; with nothing issued, the current PK alone.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.edition import BuildResult, analyse, compose, publish
from pipeline.findings import InputError, Location, error
from pipeline.inputs.normalise import load
from pipeline.inputs.schema import REALISASI
from pipeline.names import ARCHIVE_FOLDER, ARCHIVE_INPUTS, ARCHIVE_MARK, LAKIN, PK, document_pattern, issue_name
from pipeline.plan.model import Plan
from pipeline.plan.vocabulary import revision


def _order(plan: Plan) -> int:
    """Awal Tahun 0, Revisi N: N (an edition rkt cannot read last)."""
    found = revision(plan.office.edition)
    return 99 if found is None else found


def issued_plans(output: Path, plan: Plan) -> tuple[Plan, ...]:
    """The plans of the year's editions issued in `output`'s archive whose PK was issued, first to last, then
    `plan` when its edition is not among them; empty when none was issued."""
    root = Path(output) / ARCHIVE_FOLDER
    year = plan.office.year
    found = []
    for where in sorted(root.glob(f"{year}-*")) if root.is_dir() else ():
        if where.name == issue_name(plan.office, LAKIN) or not (where / ARCHIVE_MARK).exists():
            continue
        if not any(where.glob(document_pattern(PK))):
            continue
        found.append(load(where / ARCHIVE_INPUTS))
    if not found:
        return ()
    found.sort(key=_order)
    editions = {" ".join(p.office.edition.split()).casefold() for p in found}
    if " ".join(plan.office.edition.split()).casefold() not in editions:
        found.append(plan)
    return tuple(found)


def lakin(inputs: Path, output: Path, *, draft: bool = False, final: bool = False,
          templates: Path | None = None) -> BuildResult:
    """Write `LAKIN-<year>-<office>.docx` of `inputs` into `output` (unless errors stop it, or as a `draft`).

    Raises InputError when the inputs cannot be read or realisasi.xlsx is missing, render.TemplateError when
    the template cannot be filled, FileProblem (OutputRefused among them) when the output cannot be written.
    """
    analysis = analyse(inputs, realisation=True)
    if analysis.plan is None:
        raise InputError(analysis.findings)
    if analysis.plan.realisation is None:
        raise InputError([error("input.missing-workbook", f"workbook {REALISASI.filename} tidak ditemukan di "
                                f"{inputs}; LAKIN melaporkan realisasi (rkt blank menulis workbook kosongnya)",
                                Location(REALISASI.filename))])
    issued = issued_plans(output, analysis.plan)
    edition = compose(analysis, draft=draft, templates=templates, kinds=(LAKIN,), issued=issued)
    return publish(edition, output, final=final)

