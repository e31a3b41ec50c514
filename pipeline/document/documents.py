"""The documents of a plan: the RKT and the PK, each filled from its template and packaged with its snapshot.

The one way a plan becomes documents: a build (pipeline/edition.py) and a diff of an inputs
folder (pipeline/review/diff.py) both come here.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.document import render
from pipeline.document.agreement import agreement_context
from pipeline.document.context import build_context
from pipeline.document.package import finalize
from pipeline.findings import Finding
from pipeline.names import PK, RKT, TITLES
from pipeline.plan.model import Plan
from pipeline.review.snapshot import snapshot

if TYPE_CHECKING:
    from docx.document import Document


def documents(plan: Plan, findings: Sequence[Finding] = (), draft: bool = False,
              templates: Path | None = None) -> dict[str, bytes]:
    """The RKT and the PK of `plan` as .docx bytes, by kind; `findings` are listed only in a draft.

    `templates` is a folder holding rkt.docx and pk.docx (None: rkt's own templates/).
    render.TemplateError when either template cannot be filled: then neither is made.
    """
    rkt, pk = (render.TEMPLATE, render.AGREEMENT) if templates is None else \
        (Path(templates) / render.TEMPLATE.name, Path(templates) / render.AGREEMENT.name)
    return {
        RKT: package(render.render(build_context(plan, findings, draft=draft), rkt), plan),
        PK: package(render.render(agreement_context(plan, draft=draft), pk), plan, PK),
    }


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
