"""The documents of a plan: the RKT and the PK, the LAKIN, the capaian report, each filled from its template and
packaged with its snapshot.

The one way a plan becomes documents: a build and `rkt lakin` (pipeline/edition.py), the capaian
report (pipeline/capaian.py) and a diff of an inputs folder (pipeline/review/diff.py) all come here.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.document import contract, render, tags
from pipeline.document.agreement import agreement_context
from pipeline.document.context import build_context
from pipeline.document.package import finalize
from pipeline.document.performance import capaian_context, lakin_context
from pipeline.files import FileProblem
from pipeline.findings import Finding
from pipeline.names import LAKIN, PK, PLAN_KINDS, RKT, TEMPLATES, TITLES
from pipeline.plan.model import Plan
from pipeline.plan.realisation import Capaian, measure, reported_period
from pipeline.review.snapshot import snapshot

if TYPE_CHECKING:
    from docx.document import Document


class TemplateFolderProblem(FileProblem):
    """A template folder that is not one, or holds neither template."""


def template_paths(folder: Path | None = None) -> dict[str, Path]:
    """The template of each document: `folder`'s rkt.docx and pk.docx where it holds them, rkt's own
    (templates/) for the others and when `folder` is None. A planner edits copies in a folder of her
    own; rkt's own templates are never written."""
    shipped = {RKT: render.TEMPLATE, PK: render.AGREEMENT, LAKIN: render.LAKIN}
    if folder is None:
        return shipped
    folder = Path(folder)
    if not folder.is_dir():
        raise TemplateFolderProblem(f"folder templat {folder} tidak ada, atau bukan folder")
    found = {kind: folder / name for kind, name in TEMPLATES.items() if (folder / name).is_file()}
    if not found:
        raise TemplateFolderProblem(f"folder templat {folder} tidak berisi {' maupun '.join(TEMPLATES.values())}")
    return {**shipped, **found}


def documents(plan: Plan, findings: Sequence[Finding] = (), draft: bool = False,
              templates: Path | None = None, kinds: Sequence[str] = PLAN_KINDS,
              issued: Sequence[Plan] = ()) -> dict[str, bytes]:
    """The documents of `kinds` of `plan` (default the RKT and the PK) as .docx bytes, by kind; `findings`
    are listed only in a draft's RKT.

    The LAKIN measures the plan through the last month its realisation reports (`reported_period`) and
    annexes the PK of each plan in `issued` (the editions issued in terbit/; none: the current PK).
    `templates` is a folder holding copies of the templates (`template_paths`; None: rkt's own).
    render.TemplateError when a template cannot be filled, carrying the findings that say which
    paragraph of which template is wrong (pipeline/document/tags.py): then none is made.
    """
    paths = template_paths(templates)
    contexts = {
        RKT: lambda: build_context(plan, findings, draft=draft),
        PK: lambda: agreement_context(plan, draft=draft),
        LAKIN: lambda: lakin_context(plan, measure(plan, reported_period(plan)), draft=draft, issued=issued),
    }
    return {kind: package(_rendered(contexts[kind](), paths[kind], tags.SHAPES[kind]), plan, kind) for kind in kinds}


def capaian_report(plan: Plan, result: Capaian, draft: bool = False) -> bytes:
    """The short capaian report of the period `result` measured, as .docx bytes (templates/capaian.docx)."""
    document = _rendered(capaian_context(plan, result, draft=draft), render.CAPAIAN, contract.CapaianContext)
    office = plan.office
    return finalize(
        document,
        title=f"Capaian Kinerja {office.year} {office.name} {result.period.label}",
        subject=f"Capaian {result.period.label} {office.year}",
        year=office.year,
        month=result.period.month,
        properties={f"sha256 {workbook}": digest for workbook, digest in result.workbooks},
        snap=snapshot(plan, LAKIN),
    )


def _rendered(context, path: Path, shape) -> Document:
    """The template at `path` filled with `context` (of the contract type `shape`); when it cannot be, its
    problems as findings."""
    try:
        return render.render(context, path)
    except render.TemplateError as exc:
        exc.findings = tags.located(exc, path, shape)
        raise


def package(document: Document, plan: Plan, kind: str = RKT) -> bytes:
    """The rendered python-docx `document` as .docx bytes: reproducible, with provenance and the plan's snapshot."""
    office = plan.office
    return finalize(
        document,
        title=f"{TITLES[kind]} {office.year} {office.name}",
        subject=f"{kind} {office.edition} {office.year}",
        year=office.sign_date.year or office.year,
        month=office.sign_date.month or 1,
        properties={f"sha256 {s.workbook}": s.sha256 for s in plan.sources},
        snap=snapshot(plan, kind),
    )
