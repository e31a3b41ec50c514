"""Build the RKT document: read -> normalise -> check -> context -> render -> package -> write.

Every build writes the check report (and marked-up copies of workbooks with findings) so a
planner always sees the state of the inputs. A build with errors writes no document: the
previous one stays as it was. A rebuild that changes the document keeps the one it replaces
in `sebelumnya/`, so the current build can be compared with the previous (`make diff`).
A draft is written under its own name with a DRAF mark on every page and the findings in an
appendix, so it can never be mistaken for, or overwrite, the document to sign. Beside each
document goes its text twin (Markdown) for `git diff`.

Everything a build writes is made in memory first, then checked against the output folder
(pipeline/outputs.py: nothing rkt did not write is replaced or removed), then written, each
file atomically. The report and the marked copies go first: when they cannot be written, the
document is not written either, except in a draft.

Two documents come from one plan: the RKT and the Perjanjian Kinerja (PK), each from its own
template, each with its twin. They are made and written together: errors stop both, a template
that cannot be filled stops both, and an issued edition keeps both.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

from pipeline.checks import run_checks
from pipeline.clock import Clock
from pipeline.document.context import build_context
from pipeline.files import FileProblem
from pipeline.findings import Finding, InputError, has_errors
from pipeline.inputs.normalise import load
from pipeline.inputs.read import LIMITS, Limits, workbook_bytes
from pipeline.names import (
    PK,
    PREVIOUS_FOLDER,
    RKT,
    TITLES,
    document_name,
    edition_name,
    input_report_stem,
    marked_folder,
    marked_name,
    previous_name,
    report_name,
    report_stem,
    twin_name,
)
from pipeline.outputs import OutputFolder, OutputRefused, check_folders
from pipeline.plan.model import Office, Plan


@dataclass(frozen=True)
class BuildResult:
    """What a build did: the document written (None when errors stopped it), every finding, every file.

    `problem` is set when a draft was written although its report or marked copies could not be.
    `path` is the RKT, `agreement` the PK written beside it.
    """

    path: Path | None
    findings: list[Finding]
    draft: bool = False
    written: tuple[Path, ...] = ()
    timings: tuple[tuple[str, float], ...] = ()
    problem: str = ""
    issued: Path | None = None  # the archive folder of an edition issued with --final
    agreement: Path | None = None

    @property
    def has_errors(self) -> bool:
        return has_errors(self.findings)


def owner(office: Office) -> str:
    """Whom a build's files are for, as the manifest records it: the office by its name."""
    return " ".join(office.name.split()) or "kantor tanpa nama"


class EditionMismatch(ValueError):
    """The edition asked for on the command line is not the identity workbook's."""


def prepare(inputs: Path, edition: str | None = None, limits: Limits = LIMITS, clock: Clock | None = None) -> Plan:
    """Read and normalise `inputs`; `edition` (from the command line), if given, must be the workbook's.

    The workbook alone says which edition it is, so its cover, file name and archive agree;
    `rkt revisi` raises it.
    """
    with (clock or Clock()).stage("baca"):
        plan = load(inputs, limits)
    if edition and " ".join(edition.split()).casefold() != " ".join(plan.office.edition.split()).casefold():
        raise EditionMismatch(
            f"edisi di {Path(inputs) / 'identitas.xlsx'} adalah '{plan.office.edition}', bukan '{edition}'; untuk "
            f"memulai revisi jalankan rkt revisi --inputs {inputs}")
    return plan


def build(inputs: Path, output: Path, draft: bool = False, template: Path | None = None,
          edition: str | None = None, limits: Limits = LIMITS, final: bool = False) -> BuildResult:
    """Build the document of the workbooks in `inputs` into the folder `output`.

    Raises InputError when the workbooks cannot be read (after writing the report of what is
    wrong), render.TemplateError when the template and the context disagree, and FileProblem
    (OutputRefused among them) when the output cannot be written; findings, errors included,
    are returned, not raised.
    """
    inputs, output = Path(inputs), Path(output)
    check_folders(inputs, output)
    clock = Clock()
    try:
        plan = prepare(inputs, edition, limits, clock)
    except InputError as exc:
        exc.report = write_input_report(exc.findings, inputs, output, limits)
        raise
    return build_plan(plan, inputs, output, draft, template, clock, limits, final)


def write_input_report(findings: list[Finding], inputs: Path, output: Path, limits: Limits = LIMITS) -> str:
    """The report (and marked copies) of inputs that cannot be read; its path, or why it could not be written."""
    from pipeline.checks.report import report_markdown
    from pipeline.workbooks.marked import marked_copies

    stem = input_report_stem(inputs)
    out = OutputFolder(output, f"folder input {Path(inputs).resolve()}", inputs, _input_paths(inputs))
    copies = marked_copies(findings, _sources(_named(findings), inputs, None, limits))
    files = {report_name(stem): report_markdown(findings, None, str(inputs)).encode("utf-8", "replace"),
             **{marked_name(stem, name): data for name, data in copies.items()}}
    try:
        out.claim(files)
        for rel, data in files.items():
            out.write(rel, data)
        out.remove_stale(marked_folder(stem), files)
    except FileProblem as exc:
        return f"laporan tidak ditulis: {exc}"
    return str(output / report_name(stem))


def _input_paths(inputs: Path) -> list[Path]:
    from pipeline.inputs.schema import WORKBOOKS

    return [Path(inputs) / wb.filename for wb in WORKBOOKS]


def _named(findings: list[Finding]) -> set[str]:
    """The workbooks the findings name."""
    return {loc.workbook for f in findings for loc in f.locations if loc.workbook.endswith(".xlsx")}


def _sources(names: set[str], inputs: Path, plan: Plan | None, limits: Limits) -> dict[str, bytes]:
    """The bytes of input workbooks `names`, for marked copies or the archive.

    Read again within the same limits as the first read; when the plan is known, a workbook
    whose bytes changed since (a planner saved it meanwhile) is left out: its marks would land
    on the wrong cells, and an archive would not hold what the document was built from.
    """
    read = {s.workbook: s.sha256 for s in plan.sources} if plan is not None else {}
    found: dict[str, bytes] = {}
    for name in sorted(names):
        if Path(name).name != name:
            continue
        try:
            data = workbook_bytes(Path(inputs) / name, name, limits)
        except InputError:
            continue
        if plan is None or read.get(name) == hashlib.sha256(data).hexdigest():
            found[name] = data
    return found


def build_plan(plan: Plan, inputs: Path, output: Path, draft: bool = False, template: Path | None = None,
               clock: Clock | None = None, limits: Limits = LIMITS, final: bool = False) -> BuildResult:
    """The rest of `build`, from a read plan: check -> report -> context -> render -> package -> write.

    `final` issues the edition: its document, twin, report and input workbooks are also kept in
    the archive (pipeline/archive.py); refused, before anything is written, when that edition was
    issued from other workbooks.
    """
    from pipeline import archive
    from pipeline.checks.report import report_markdown
    from pipeline.workbooks.marked import marked_copies

    clock = clock or Clock()
    with clock.stage("periksa"):
        findings = run_checks(plan)
    name = document_name(plan.office, draft)
    stem = report_stem(plan.office, draft)
    out = OutputFolder(output, owner(plan.office), inputs, _input_paths(inputs))
    with clock.stage("laporan"):
        report = {report_name(stem): report_markdown(findings, plan, str(inputs)).encode("utf-8", "replace")}
        copies = {marked_name(stem, wb): data
                  for wb, data in marked_copies(findings, _sources(_named(findings), inputs, plan, limits)).items()}
    document: dict[str, bytes] = {}
    if not has_errors(findings) or draft:
        with clock.stage("render"):
            for kind, docx in documents(plan, findings, draft, template).items():
                document.update(_with_twin(document_name(plan.office, draft, kind), docx, out))
    issue = None
    if final and document:
        sources = _sources({s.workbook for s in plan.sources}, inputs, plan, limits)
        if len(sources) < len(plan.sources):
            raise OutputRefused("workbook input berubah selama build; ulangi rkt build --final")
        edition = edition_name(plan.office.year, plan.office.edition)
        if not archive.check(output, edition, sources):
            issue = (edition, sources)
    with clock.stage("tulis"):
        out.claim([*report, *copies, *document])
        written: dict[str, Path] = {}
        problem = ""
        try:
            for rel, data in {**report, **copies}.items():
                written[rel] = out.write(rel, data)
            out.remove_stale(marked_folder(stem), copies)
        except FileProblem as exc:
            if not document:
                raise
            problem = f"laporan pemeriksaan tidak ditulis: {exc}"
        for rel, data in document.items():
            written[rel] = out.write(rel, data)
    issued = None
    if final and document:
        edition = edition_name(plan.office.year, plan.office.edition)
        issued = archive.folder(output, edition)
        if issue is not None:
            archive.issue(output, edition, {rel: data for rel, data in {**document, **report}.items()
                                            if not rel.startswith(PREVIOUS_FOLDER + "/")}, issue[1])
    pk = document_name(plan.office, draft, PK)
    first = [r for r in (name, twin_name(name), pk, twin_name(pk)) if r in written]
    order = first + [r for r in written if r not in first and not r.startswith(PREVIOUS_FOLDER + "/")]
    return BuildResult(written.get(name), findings, draft, tuple(written[r] for r in order), tuple(clock.stages),
                       problem, issued, written.get(pk))


def documents(plan: Plan, findings: Sequence[Finding] = (), draft: bool = False,
              template: Path | None = None) -> dict[str, bytes]:
    """The RKT (from `template`, default templates/rkt.docx) and the PK of `plan`, rendered and packaged.

    render.TemplateError when either template cannot be filled: then neither is written.
    """
    from pipeline.document import render
    from pipeline.document.agreement import agreement_context

    return {
        RKT: package(render.render(build_context(plan, findings, draft=draft), template or render.TEMPLATE), plan),
        PK: package(render.render(agreement_context(plan, draft=draft), render.AGREEMENT), plan, PK),
    }


def _with_twin(name: str, docx: bytes, out: OutputFolder) -> dict[str, bytes]:
    """A document and its text twin; and the document it replaces, kept in `sebelumnya/`."""
    from pipeline.document.twin import docx_to_markdown

    files = {name: docx, twin_name(name): docx_to_markdown(docx).encode("utf-8", "replace")}
    previous = out.read(name)
    if previous is not None and previous != docx:
        files = {previous_name(name): previous, **files}
    return files


def package(document, plan: Plan, kind: str = RKT) -> bytes:
    """The rendered python-docx `document` as .docx bytes: reproducible, with provenance and the plan's snapshot."""
    from pipeline.document.package import finalize
    from pipeline.review.snapshot import snapshot

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


def _prepare_one(args: tuple[Path, Path, str | None, Limits]) -> tuple[Path, Plan | None, OfficeResult | None]:
    inputs, output, edition, limits = args
    try:
        check_folders(inputs, output)
        return inputs, prepare(inputs, edition, limits), None
    except InputError as exc:
        return inputs, None, OfficeResult(inputs, None, "input tidak dapat dibaca", tuple(exc.findings))
    except (FileProblem, EditionMismatch) as exc:
        return inputs, None, OfficeResult(inputs, None, str(exc))


def _build_one(args: tuple[Plan, Path, Path, bool]) -> OfficeResult:
    from pipeline.document.render import TemplateError

    plan, inputs, output, draft = args
    try:
        return OfficeResult(inputs, build_plan(plan, inputs, output, draft))
    except TemplateError as exc:
        return OfficeResult(inputs, None, f"templat: {exc}")
    except FileProblem as exc:
        return OfficeResult(inputs, None, str(exc))


def _report_one(args: tuple[OfficeResult, Path, Limits]) -> OfficeResult:
    failed, output, limits = args
    report = write_input_report(list(failed.findings), failed.inputs, output, limits)
    return replace(failed, report=report)


def build_many(inputs: Sequence[Path], output: Path, draft: bool = False, edition: str | None = None,
               workers: int | None = None, limits: Limits = LIMITS) -> list[OfficeResult]:
    """Build several offices into one folder in parallel; one office's bad input does not stop the others.

    Every office is read first; offices that would write the same file (two names that give
    the same file name, the same folder twice) are all refused before anything is written.
    """
    jobs = [(Path(i), Path(output), edition, limits) for i in inputs]
    with _pool(len(jobs), workers) as run:
        prepared = run(_prepare_one, jobs)
        stems: dict[str, list[Path]] = {}
        for folder, plan, failed in prepared:
            if plan is not None:
                stems.setdefault(report_stem(plan.office, draft).casefold(), []).append(folder)
            elif failed is not None and failed.findings:
                stems.setdefault(input_report_stem(folder).casefold(), []).append(folder)
        clash = {folder: folders for folders in stems.values() if len(folders) > 1 for folder in folders}
        results: dict[int, OfficeResult] = {}
        to_build, to_report = [], []
        for i, (folder, plan, failed) in enumerate(prepared):
            if folder in clash:
                shared = ", ".join(map(str, clash[folder]))
                results[i] = OfficeResult(folder, None, f"nama file hasilnya sama untuk folder {shared}: tidak ada "
                                          "yang ditulis; build kantor-kantor ini ke folder --output yang berbeda",
                                          failed.findings if failed else ())
            elif plan is not None:
                to_build.append((i, (plan, folder, Path(output), draft)))
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

