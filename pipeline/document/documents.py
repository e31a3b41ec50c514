"""The documents of a plan: the RKT and the PK, each filled from its template and packaged with its snapshot.

The one way a plan becomes documents: a build (pipeline/edition.py) and a diff of an inputs
folder (pipeline/review/diff.py) both come here.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.document import render, tags
from pipeline.document.agreement import agreement_context
from pipeline.document.context import build_context
from pipeline.document.package import finalize
from pipeline.files import FileProblem
from pipeline.findings import Finding
from pipeline.names import PK, RKT, TEMPLATES, TITLES
from pipeline.plan.model import Plan
from pipeline.review.snapshot import snapshot

if TYPE_CHECKING:
    from docx.document import Document


class TemplateFolderProblem(FileProblem):
    """A template folder that is not one, or holds neither template."""


def template_paths(folder: Path | None = None) -> dict[str, Path]:
    """The template of each document: `folder`'s rkt.docx and pk.docx where it holds them, rkt's own
    (templates/) for the others and when `folder` is None. A planner edits copies in a folder of her
    own; rkt's own templates are never written."""
    shipped = {RKT: render.TEMPLATE, PK: render.AGREEMENT}
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
              templates: Path | None = None) -> dict[str, bytes]:
    """The RKT and the PK of `plan` as .docx bytes, by kind; `findings` are listed only in a draft.

    `templates` is a folder holding rkt.docx and/or pk.docx (`template_paths`; None: rkt's own).
    render.TemplateError when either template cannot be filled, carrying the findings that say which
    paragraph of which template is wrong (pipeline/document/tags.py): then neither is made.
    """
    paths = template_paths(templates)
    return {
        RKT: package(_rendered(build_context(plan, findings, draft=draft), paths[RKT], RKT), plan),
        PK: package(_rendered(agreement_context(plan, draft=draft), paths[PK], PK), plan, PK),
    }


def _rendered(context, path: Path, kind: str) -> Document:
    """The template of document `kind` at `path` filled with `context`; when it cannot be, its problems
    as findings."""
    try:
        return render.render(context, path)
    except render.TemplateError as exc:
        exc.findings = tags.located(exc, path, tags.SHAPES[kind])
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
