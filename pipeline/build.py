"""`rkt build`: read -> normalise -> check -> render -> write, for one office or many.

A thin caller of the library face (pipeline/edition.py): `analyse` reads and checks, `compose`
makes every file in memory, `publish` writes them. Every build writes the check report (and
marked-up copies of workbooks with findings) so a planner always sees the state of the inputs.
A build with errors writes no document: the previous one stays as it was. A rebuild that
changes the document keeps the one it replaces in `sebelumnya/`, so the current build can be
compared with the previous (`make diff`). A draft is written under its own name with a DRAF
mark on every page and the findings in an appendix, so it can never be mistaken for, or
overwrite, the document to sign. Beside each document goes its text twin (Markdown) for `git diff`.

Two documents come from one plan: the RKT and the Perjanjian Kinerja (PK), each from its own
template, each with its twin. They are made and written together: errors stop both, a template
that cannot be filled stops both, and an issued edition keeps both.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

from pipeline.clock import Clock
from pipeline.document.render import TemplateError
from pipeline.edition import Analysis, BuildResult, EditionMismatch, analyse, compose, publish
from pipeline.files import FileProblem
from pipeline.findings import Finding, InputError
from pipeline.inputs.read import LIMITS, Limits
from pipeline.names import input_report_stem, report_stem
from pipeline.outputs import check_folders


def build(inputs: Path, output: Path, draft: bool = False, templates: Path | None = None,
          edition: str | None = None, limits: Limits = LIMITS, final: bool = False) -> BuildResult:
    """Build the documents of the workbooks in `inputs` into the folder `output`.

    Raises InputError when the workbooks cannot be read (its findings: every read problem and the
    rules' findings on the rest; after writing the report of them, its path, or why it was not
    written, in the exception's `report`), EditionMismatch,
    render.TemplateError when a template and the context disagree, and FileProblem
    (OutputRefused among them) when the output cannot be written; findings, errors included,
    are returned, not raised. `final` issues the edition (pipeline/archive.py).
    """
    inputs, output = Path(inputs), Path(output)
    check_folders(inputs, output)
    clock = Clock()
    analysis = analyse(inputs, edition=edition, limits=limits, clock=clock)
    if analysis.plan is None:
        exc = InputError(analysis.findings)
        exc.report = write_input_report(analysis.findings, inputs, output, limits)
        raise exc
    return publish(compose(analysis, draft=draft, templates=templates, clock=clock), output, final=final, clock=clock)


def write_input_report(findings: list[Finding], inputs: Path, output: Path, limits: Limits = LIMITS) -> str:
    """The report (and marked copies) of inputs that cannot be read; its path, or why it could not be written."""
    try:
        result = publish(compose(Analysis(None, findings, Path(inputs), limits)), output)
    except FileProblem as exc:
        return f"laporan tidak ditulis: {exc}"
    return str(result.report)


@dataclass(frozen=True)
class OfficeResult:
    """One office of a many-office build: its result, or why it could not be built.

    `report` is the path of the check report written for an office whose inputs cannot be read.
    `unusable` is true when the office could not be read or written at all (the batch exits 2).
    """

    inputs: Path
    result: BuildResult | None
    problem: str = ""
    findings: tuple[Finding, ...] = ()
    report: str = ""

    @property
    def ok(self) -> bool:
        return (self.result is not None and self.result.path is not None and not self.result.has_errors
                and not self.result.problem)

    @property
    def unusable(self) -> bool:
        return self.result is None or bool(self.result.problem)


def _prepare_one(args: tuple[Path, Path, str | None, Limits]) -> tuple[Path, Analysis | None, OfficeResult | None]:
    inputs, output, edition, limits = args
    try:
        check_folders(inputs, output)
        analysis = analyse(inputs, edition=edition, limits=limits)
    except (FileProblem, EditionMismatch) as exc:
        return inputs, None, OfficeResult(inputs, None, str(exc))
    if analysis.plan is None:
        return inputs, None, OfficeResult(inputs, None, "input tidak dapat dibaca", tuple(analysis.findings))
    return inputs, analysis, None


def _build_one(args: tuple[Analysis, Path, bool, Path | None]) -> OfficeResult:
    analysis, output, draft, templates = args
    try:
        return OfficeResult(analysis.inputs, publish(compose(analysis, draft=draft, templates=templates), output))
    except TemplateError as exc:
        return OfficeResult(analysis.inputs, None, f"templat: {exc.findings[0] if exc.findings else exc}")
    except FileProblem as exc:
        return OfficeResult(analysis.inputs, None, str(exc))


def _report_one(args: tuple[OfficeResult, Path, Limits]) -> OfficeResult:
    failed, output, limits = args
    report = write_input_report(list(failed.findings), failed.inputs, output, limits)
    return replace(failed, report=report)


def build_many(inputs: Sequence[Path], output: Path, draft: bool = False, edition: str | None = None,
               workers: int | None = None, limits: Limits = LIMITS,
               templates: Path | None = None) -> list[OfficeResult]:
    """Build several offices into one folder in parallel; one office's bad input does not stop the others.

    Every office is read first; offices that would write the same file (two names that give
    the same file name, the same folder twice) are all refused before anything is written.
    """
    jobs = [(Path(i), Path(output), edition, limits) for i in inputs]
    with _pool(len(jobs), workers) as run:
        prepared = run(_prepare_one, jobs)
        stems: dict[str, list[Path]] = {}
        for folder, analysis, failed in prepared:
            if analysis is not None:
                stems.setdefault(report_stem(analysis.plan.office, draft).casefold(), []).append(folder)
            elif failed is not None and failed.findings:
                stems.setdefault(input_report_stem(folder).casefold(), []).append(folder)
        clash = {folder: folders for folders in stems.values() if len(folders) > 1 for folder in folders}
        results: dict[int, OfficeResult] = {}
        to_build, to_report = [], []
        for i, (folder, analysis, failed) in enumerate(prepared):
            if folder in clash:
                shared = ", ".join(map(str, clash[folder]))
                results[i] = OfficeResult(folder, None, f"nama file hasilnya sama untuk folder {shared}: tidak ada "
                                          "yang ditulis; build kantor-kantor ini ke folder --output yang berbeda",
                                          failed.findings if failed else ())
            elif analysis is not None:
                to_build.append((i, (analysis, Path(output), draft, templates)))
            elif failed is not None and failed.findings:
                to_report.append((i, (failed, Path(output), limits)))
            else:
                results[i] = failed
        for (i, _), res in zip(to_build, run(_build_one, [job for _, job in to_build]), strict=True):
            results[i] = res
        for (i, _), res in zip(to_report, run(_report_one, [job for _, job in to_report]), strict=True):
            results[i] = res
    return [results[i] for i in range(len(jobs))]


class _pool:
    """`run(fn, jobs)` in a process pool (or in this process for one job); queued work cancelled on interrupt."""

    def __init__(self, jobs: int, workers: int | None):
        self.executor = ProcessPoolExecutor(max_workers=workers) if jobs > 1 and workers != 1 else None

    def __enter__(self):
        if self.executor is None:
            return lambda fn, jobs: [fn(job) for job in jobs]
        return lambda fn, jobs: list(self.executor.map(fn, jobs)) if jobs else []

    def __exit__(self, *exc) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=True, cancel_futures=True)

