"""Build the RKT document: read -> normalise -> check -> context -> render -> package -> write.

Every build writes the check report (and marked-up copies of workbooks with findings) so a
planner always sees the state of the inputs. A build with errors writes no document: the
previous one stays as it was. A rebuild that changes the document keeps the one it replaces
in `sebelumnya/`, so the current build can be compared with the previous (`make diff`).
A draft is written under its own name with a DRAF mark on every page and the findings in an
appendix, so it can never be mistaken for, or overwrite, the document to sign. Beside each
document goes its text twin (Markdown) for `git diff`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

from .checks import run_checks
from .clock import Clock
from .context import build_context, is_revision
from .files import write_bytes, write_text
from .findings import Finding, InputError, has_errors
from .gcpause import frozen
from .model import Office, Plan
from .normalise import load

REPORT_FOLDER = "pemeriksaan"
PREVIOUS_FOLDER = "sebelumnya"  # the document a rebuild replaced, kept for `make diff`


@dataclass(frozen=True)
class BuildResult:
    """What a build did: the document written (None when errors stopped it), every finding, every file."""

    path: Path | None
    findings: list[Finding]
    draft: bool = False
    written: tuple[Path, ...] = ()
    timings: tuple[tuple[str, float], ...] = ()

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


def _write_report(findings: list[Finding], plan: Plan | None, inputs: Path, output: Path, stem: str) -> list[Path]:
    """The check report `<stem>-pemeriksaan.md` and marked copies in `pemeriksaan/<stem>/`."""
    from .report import report_markdown, write_marked_copies

    report = write_text(output / f"{stem}-pemeriksaan.md", report_markdown(findings, plan, str(inputs)))
    return [report, *write_marked_copies(findings, inputs, output / REPORT_FOLDER / stem)]


def _keep_previous(path: Path, docx: bytes) -> None:
    """Before a changed document replaces `path`, keep the old one as `previous/<name>` for `make diff`."""
    if path.is_file() and path.read_bytes() != docx:
        write_bytes(path.parent / PREVIOUS_FOLDER / path.name, path.read_bytes())


def package(docx: bytes, plan: Plan) -> bytes:
    """Rendered bytes made reproducible, with provenance and the plan's snapshot embedded."""
    from .package import finalize
    from .snapshot import snapshot

    office = plan.office
    return finalize(
        docx,
        title=f"Rencana Kinerja Tahunan {office.year} {office.name}",
        subject=f"RKT {office.edition} {office.year}",
        year=office.sign_date.year or office.year,
        month=office.sign_date.month or 1,
        properties={f"sha256 {s.workbook}": s.sha256 for s in plan.sources},
        snap=snapshot(plan),
    )


def build(inputs: Path, output: Path, draft: bool = False, template: Path | None = None,
          edition: str | None = None) -> BuildResult:
    """Build the document of the workbooks in `inputs` into the folder `output`.

    Raises InputError when the workbooks cannot be read (after writing the report of what is
    wrong) and render.TemplateError when the template and the context disagree; findings,
    errors included, are returned, not raised.
    """
    inputs, output = Path(inputs), Path(output)
    clock = Clock()
    try:
        plan = load(inputs, clock)
    except InputError as exc:
        _write_report(exc.findings, None, inputs, output, f"{slug(inputs.resolve().name)}-input")
        raise
    if edition:
        plan = replace(plan, office=replace(plan.office, edition=" ".join(edition.split())))
    with frozen():  # the plan lives to the end of the build: see pipeline/gcpause.py
        return _from_plan(plan, inputs, output, draft, template, clock)


def _from_plan(plan: Plan, inputs: Path, output: Path, draft: bool, template: Path | None,
               clock: Clock) -> BuildResult:
    """The rest of `build`: check -> report -> context -> render -> package -> write."""
    from . import render
    from .twin import docx_to_markdown

    with clock.stage("periksa"):
        findings = run_checks(plan)
    name = document_name(plan.office, draft)
    stem = name.removesuffix(".docx")
    with clock.stage("laporan"):
        written = _write_report(findings, plan, inputs, output, stem)
    if has_errors(findings) and not draft:
        return BuildResult(None, findings, draft, tuple(written), tuple(clock.stages))
    with clock.stage("render"):
        context = build_context(plan, findings, draft=draft)
        docx = package(render.render(context, template or render.TEMPLATE), plan)
    with clock.stage("tulis"):
        _keep_previous(output / name, docx)
        path = write_bytes(output / name, docx)
        twin = write_text(output / f"{stem}.md", docx_to_markdown(docx))
    return BuildResult(path, findings, draft, (path, twin, *written), tuple(clock.stages))


@dataclass(frozen=True)
class OfficeResult:
    """One office of a many-office build: its result, or why it could not be built."""

    inputs: Path
    result: BuildResult | None
    problem: str = ""
    findings: tuple[Finding, ...] = ()

    @property
    def ok(self) -> bool:
        return self.result is not None and self.result.path is not None and not self.result.has_errors


def _build_one(args: tuple[Path, Path, bool, str | None]) -> OfficeResult:
    from .render import TemplateError

    inputs, output, draft, edition = args
    try:
        return OfficeResult(inputs, build(inputs, output, draft=draft, edition=edition))
    except InputError as exc:
        return OfficeResult(inputs, None, "input tidak dapat dibaca", tuple(exc.findings))
    except TemplateError as exc:
        return OfficeResult(inputs, None, f"templat: {exc}")


def build_many(inputs: Sequence[Path], output: Path, draft: bool = False, edition: str | None = None,
               workers: int | None = None) -> list[OfficeResult]:
    """Build several offices into one folder in parallel; one office's bad input does not stop the others."""
    jobs = [(Path(i), Path(output), draft, edition) for i in inputs]
    if len(jobs) == 1 or workers == 1:
        return [_build_one(job) for job in jobs]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(_build_one, jobs))
