"""Build the RKT document: load -> check -> context -> render -> write, in that order.

A build with errors writes nothing (a previous document stays as it was), unless a draft
is asked for: a draft is written under its own name with a DRAF mark on every page and the
findings in an appendix, so it can never be mistaken for, or overwrite, the document to sign.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .checks import run_checks
from .context import build_context, is_revision
from .files import write_bytes
from .findings import Finding, has_errors
from .model import Office
from .normalise import load


@dataclass(frozen=True)
class BuildResult:
    """What a build did: the document written (None when errors stopped it) and every finding."""

    path: Path | None
    findings: list[Finding]
    draft: bool = False

    @property
    def written(self) -> bool:
        return self.path is not None

    @property
    def has_errors(self) -> bool:
        return has_errors(self.findings)


def slug(text: str) -> str:
    """`BKK Kelas II Jambi` -> `BKK-Kelas-II-Jambi`: letters and digits kept, the rest one hyphen."""
    return re.sub(r"[^0-9A-Za-z]+", "-", text).strip("-")


def document_name(office: Office, draft: bool = False) -> str:
    """`RKT-2024-BKK-Kelas-II-Jambi.docx`; a revision adds its edition, a draft `-DRAF`."""
    parts = ["RKT", str(office.year)]
    if is_revision(office):
        parts.append(slug(office.edition))
    parts.append(slug(office.short_name or office.name) or "kantor")
    if draft:
        parts.append("DRAF")
    return "-".join(parts) + ".docx"


def build(inputs: Path, output: Path, draft: bool = False, template: Path | None = None) -> BuildResult:
    """Build the document of the workbooks in `inputs` into the folder `output`.

    Raises InputError when the workbooks cannot be read and render.TemplateError when the
    template and the context disagree; findings, errors included, are returned, not raised.
    """
    from . import render

    plan = load(inputs)
    findings = run_checks(plan)
    if has_errors(findings) and not draft:
        return BuildResult(None, findings)
    context = build_context(plan, findings, draft=draft)
    data = render.render(context, template or render.TEMPLATE)
    path = write_bytes(Path(output) / document_name(plan.office, draft), data)
    return BuildResult(path, findings, draft)
