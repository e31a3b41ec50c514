"""rkt as a library: analyse an inputs folder, compose its edition in memory, publish it to an output folder.

    from pipeline.edition import analyse, compose, publish

    analysis = analyse("inputs")             # read, normalise, check; nothing written
    plan, findings = analysis                # it unpacks
    edition = compose(analysis, draft=True)  # every file of the build as bytes (edition.files); nothing written
    result = publish(edition, "output")      # with `preview`, the only code that writes an output folder

`rkt check`, `rkt build`, `rkt diff` and `rkt rekap` are callers of these three; so can be a web
page, which may keep an edition in memory and never publish it. `rkt templat` writes an edition's
documents as a preview (`preview`).
"""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline import archive
from pipeline.checks import run_checks
from pipeline.checks.identity import NATIONAL_TEXT
from pipeline.checks.report import report_markdown
from pipeline.clock import Clock
from pipeline.document import pdf
from pipeline.findings import Finding, InputError, format_locations, has_errors, sort_findings
from pipeline.inputs.normalise import read_all, typed
from pipeline.inputs.read import LIMITS, Limits, workbook_bytes
from pipeline.inputs.schema import ALL_WORKBOOKS
from pipeline.names import (
    LAKIN,
    PK,
    PLAN_KINDS,
    RKT,
    document_name,
    input_report_stem,
    issue_name,
    marked_folder,
    marked_name,
    owner,
    preview_name,
    previous_name,
    report_name,
    report_stem,
    superseded,
    twin_name,
)
from pipeline.outputs import OutputFolder, OutputRefused, Publication, check_folders
from pipeline.plan.model import Office, Plan
from pipeline.review.snapshot import snapshot
from pipeline.workbooks.marked import marked_copies


class EditionMismatch(ValueError):
    """The edition asked for (`rkt build --edition`) is not the identity workbook's."""


@dataclass(frozen=True)
class Analysis:
    """An inputs folder read, normalised and checked: its plan and every finding.

    `plan` is None when the inputs could not be read: `problems` then say why, and `findings`
    hold them together with the rules' findings on everything that could be read. `limits`
    are the ones the workbooks were read within, kept to read them again for the marked
    copies and the archive. Unpacks as `plan, findings = analyse(folder)`.
    """

    plan: Plan | None
    findings: list[Finding]
    inputs: Path
    limits: Limits = LIMITS
    problems: tuple[Finding, ...] = ()  # why the inputs could not be read (among `findings`)

    def __iter__(self) -> Iterator[Any]:
        return iter((self.plan, self.findings))

    @property
    def has_errors(self) -> bool:
        return self.plan is None or has_errors(self.findings)


@dataclass(frozen=True)
class Edition:
    """Every file a build of one analysis writes, as bytes; nothing written.

    `documents` and `twins` are the .docx and the text twin of each kind (RKT, PK), none when
    errors stopped them (a draft is made all the same); `report` is the check report and
    `marked` the marked copy of each workbook with findings. `files` names them all as they
    lie in the output folder. `sources` are the input workbooks read again (for the marked
    copies and the archive); one saved since it was analysed is left out and named in `changed`.
    `plan` is None when the inputs could not be read: then the report alone is made.
    """

    plan: Plan | None
    findings: list[Finding]
    inputs: Path
    report: bytes
    marked: dict[str, bytes] = field(default_factory=dict)
    documents: dict[str, bytes] = field(default_factory=dict)
    twins: dict[str, bytes] = field(default_factory=dict)
    draft: bool = False
    sources: dict[str, bytes] = field(default_factory=dict)
    changed: tuple[str, ...] = ()
    kinds: tuple[str, ...] = PLAN_KINDS  # the documents it makes: the RKT and the PK (`rkt build`), the LAKIN

    @property
    def office(self) -> Office | None:
        return None if self.plan is None else self.plan.office

    @property
    def owner(self) -> str:
        """Whom the files are for, as the output folder's manifest records it: the office by its name."""
        if self.plan is None:
            return f"folder input {Path(self.inputs).resolve()}"
        return owner(self.plan.office)

    @property
    def stem(self) -> str:
        """The name the report and the marked copies go by: its first document's."""
        if self.plan is None:
            return input_report_stem(self.inputs)
        return report_stem(self.plan.office, self.draft, self.kinds[0])

    def name(self, kind: str = RKT) -> str:
        """The file name of the document of `kind` (the edition's office, year, edition, draft or not)."""
        return document_name(self.plan.office, self.draft, kind)

    @property
    def snapshot(self) -> dict[str, Any] | None:
        """What its first document carries for `rkt diff`: every value it shows (None when the inputs could not
        be read)."""
        return None if self.plan is None else snapshot(self.plan, self.kinds[0])

    @property
    def checks(self) -> dict[str, bytes]:
        """The check report, then the marked copies, by name in the output folder."""
        return {report_name(self.stem): self.report,
                **{marked_name(self.stem, wb): data for wb, data in self.marked.items()}}

    @property
    def files(self) -> dict[str, bytes]:
        """Every file of the edition by its name in the output folder: the checks, then each document and its twin."""
        files = self.checks
        for kind, docx in self.documents.items():
            files[self.name(kind)] = docx
            files[twin_name(self.name(kind))] = self.twins[kind]
        return files


@dataclass(frozen=True)
class BuildResult:
    """What a publish did: the documents written (None when errors stopped them), every finding, every file.

    `path` is the first document (the RKT; the LAKIN of `rkt lakin`), `agreement` the PK written beside the
    RKT, `report` the check report. `problem` stays empty: a publish writes its whole set or raises (kept
    for callers of the earlier face, which wrote a draft without its report).
    """

    path: Path | None
    findings: list[Finding]
    draft: bool = False
    written: tuple[Path, ...] = ()
    timings: tuple[tuple[str, float], ...] = ()
    problem: str = ""
    issued: Path | None = None  # the archive folder of an edition issued with --final
    agreement: Path | None = None
    report: Path | None = None

    @property
    def has_errors(self) -> bool:
        return has_errors(self.findings)


def analyse(inputs: Path | str, *, edition: str | None = None, limits: Limits = LIMITS,
            clock: Clock | None = None, realisation: bool = False) -> Analysis:
    """Read, normalise and check the workbooks in `inputs`: every problem at once, none raised.

    When a cell cannot be read (a word in a number column, an empty required cell, a formula
    never calculated, a NIP typed as a number), the plan is None and the findings are those
    problems together with the rules' findings on every other cell: a cell that could not be
    read is typed as empty and what a rule would say about it is withheld (`Plan.unread`).
    When a workbook, sheet, column or field is missing or damaged, the rules do not run
    (they would report the missing part over and over): the findings are the problems of all
    the workbooks. Raises EditionMismatch when `edition` is given and is not the workbook's:
    the workbook alone says which edition it is, so its cover, file name and archive agree
    (`rkt revisi` raises it). With `realisation`, realisasi.xlsx is read and checked too when
    the folder has it (documents never need it).
    """
    clock = clock or Clock()
    with clock.stage("baca"):
        raw, read_problems = read_all(inputs, limits, realisation)
        plan, problems = typed(raw, read_problems)
    cells = {f for wb in raw.values() for f in wb.problems}
    if any(f not in cells for f in read_problems):  # a workbook, sheet, column or field is missing
        return Analysis(None, sort_findings(problems), Path(inputs), limits, tuple(sort_findings(problems)))
    if not problems and edition and \
            " ".join(edition.split()).casefold() != " ".join(plan.office.edition.split()).casefold():
        raise EditionMismatch(
            f"edisi di {Path(inputs) / 'identitas.xlsx'} adalah '{plan.office.edition}', bukan '{edition}'; untuk "
            f"memulai revisi jalankan rkt revisi --inputs {inputs}")
    with clock.stage("periksa"):
        findings = run_checks(plan)
    if problems:
        return Analysis(None, sort_findings([*problems, *findings]), Path(inputs), limits,
                        tuple(sort_findings(problems)))
    return Analysis(plan, findings, Path(inputs), limits)


def compose(analysis: Analysis, *, draft: bool = False, templates: Path | None = None,
            clock: Clock | None = None, kinds: tuple[str, ...] = PLAN_KINDS, issued: tuple[Plan, ...] = ()) -> Edition:
    """Everything a build of `analysis` writes, in memory: the check report, the marked copies and,
    when no error stops them or as a `draft` (DRAF on every page, the findings in an appendix),
    the documents of `kinds` (the RKT and the PK; `(LAKIN,)` for `rkt lakin`, from an analysis with its
    realisation, annexing the PK of each plan in `issued`) with their text twins.

    `templates` is a folder holding copies of rkt.docx, pk.docx or lakin.docx (None, or a template the
    folder lacks: rkt's own). Raises render.TemplateError, carrying findings that name each problem's
    paragraph, when a template cannot be filled: then no document is made.
    """
    clock = clock or Clock()
    plan, findings = analysis
    with clock.stage("laporan"):
        sources, changed = _read_sources(analysis)
        named = {loc.workbook for f in findings for loc in f.locations}
        marked = marked_copies(findings, {name: data for name, data in sources.items() if name in named})
        report = report_markdown(findings, plan, str(analysis.inputs)).encode("utf-8", "replace")
    documents: dict[str, bytes] = {}
    twins: dict[str, bytes] = {}
    if plan is not None and (draft or not has_errors(findings)):
        # start-up: docxtpl and python-docx load only when a document is made (rkt check never makes one)
        from pipeline.document.documents import documents as render_documents
        from pipeline.document.twin import docx_to_markdown

        with clock.stage("render"):
            for kind, docx in render_documents(plan, findings, draft, templates, kinds, issued).items():
                documents[kind], twins[kind] = docx, docx_to_markdown(docx).encode("utf-8", "replace")
    return Edition(plan, findings, analysis.inputs, report, marked=marked, documents=documents, twins=twins,
                   draft=draft, sources=sources, changed=changed, kinds=tuple(kinds))


def _read_sources(analysis: Analysis) -> tuple[dict[str, bytes], tuple[str, ...]]:
    """The bytes of the input workbooks, read again within the same limits, and those that changed since.

    A workbook whose bytes changed since it was analysed (a planner saved it meanwhile) is left
    out: its marks would land on the wrong cells, and an archive would not hold what the
    documents were made from. Of inputs that could not be read, the workbooks the findings name
    are read as they are now.
    """
    if analysis.plan is None:
        wanted = {loc.workbook: "" for f in analysis.findings for loc in f.locations if loc.workbook.endswith(".xlsx")}
    else:
        wanted = {s.workbook: s.sha256 for s in analysis.plan.sources}
        realised = analysis.plan.realisation.source if analysis.plan.realisation is not None else None
        if realised is not None:  # read with its realisation (`rkt lakin`): realisasi.xlsx is an input too
            wanted[realised.workbook] = realised.sha256
    found: dict[str, bytes] = {}
    for name in sorted(wanted):
        if Path(name).name != name:
            continue
        try:
            data = workbook_bytes(Path(analysis.inputs) / name, name, analysis.limits)
        except InputError:
            continue
        if not wanted[name] or wanted[name] == hashlib.sha256(data).hexdigest():
            found[name] = data
    return found, tuple(name for name, digest in sorted(wanted.items()) if digest and name not in found)


def publish(edition: Edition, output: Path | str, *, final: bool = False, clock: Clock | None = None) -> BuildResult:
    """Write `edition` into the folder `output`, all or nothing: with `preview`, the only code that writes an
    output folder or the archive.

    The whole set (the report, the marked copies, the documents and their twins, the documents
    they replace, kept in `sebelumnya/`, and with `final` the issued edition) is staged, then put
    in place together (pipeline/outputs.py): when any file may not be written (nothing rkt did
    not write is replaced or removed) or the disk fails, nothing is, and FileProblem
    (`OutputRefused` among them) says why. The drafts this build makes stale are removed
    (`names.superseded`), and the marked copies no finding needs any more.

    An issued name belongs to the issued document: when the edition's year and edition are
    issued, the documents must be the very ones issued, or the build is refused with the way
    to start a revision (`archive.refuse_other`); a draft, named and marked DRAF, is free.
    `final` issues the edition into the archive (pipeline/archive.py), with the PDF of each document
    when LibreOffice is installed; refused, before anything is written, when a workbook changed
    since it was analysed or a national text is still rkt's default (`identity.national-text`).
    """
    output = Path(output)
    clock = clock or Clock()
    check_folders(edition.inputs, output)
    inputs = [Path(edition.inputs) / wb.filename for wb in ALL_WORKBOOKS]
    out = OutputFolder(output, edition.owner, edition.inputs, inputs)
    if final and edition.documents:
        guessed = [f for f in edition.findings if f.rule == NATIONAL_TEXT]
        if guessed:
            raise OutputRefused("edisi final ditolak: teks nasional masih bawaan rkt, bukan teks resminya: "
                                + "; ".join(f"{f.subject} ({format_locations(f.locations)})" for f in guessed)
                                + f"; isi teksnya di workbook lalu ulangi rkt build --final --inputs {edition.inputs}")
    if final and edition.documents and edition.changed:
        raise OutputRefused(f"workbook input berubah selama build ({', '.join(edition.changed)}); ulangi "
                            f"rkt build --final --inputs {edition.inputs} --output {output}")
    issued = None
    with clock.stage("tulis"), out.transaction() as publication:
        files = dict(edition.checks)
        previous: set[str] = set()  # the documents replaced, kept in sebelumnya/
        for kind, docx in edition.documents.items():
            name = edition.name(kind)
            replaced = publication.read(name)
            if replaced is not None and replaced != docx:
                previous.add(previous_name(name))
                files[previous_name(name)] = replaced
            files[name], files[twin_name(name)] = docx, edition.twins[kind]
        if edition.documents:
            issued = _issued_name_rule(edition, output, publication, final, files, previous)
            stale, folders = superseded(edition.office, edition.draft, edition.kinds)
            stale_names = {rel.casefold() for rel in stale}
            prefixes = tuple(f"{folder.casefold()}/" for folder in folders)
            for rel in sorted(publication.files):
                if rel not in files and (rel.casefold() in stale_names or rel.casefold().startswith(prefixes)):
                    publication.remove(rel)
        publication.remove_stale(marked_folder(edition.stem), files)
        for rel, data in files.items():
            publication.write(rel, data)
    written = {rel: output / rel for rel in files}
    names = [edition.name(kind) for kind in edition.documents]
    main = names[0] if names else ""
    pk = edition.name(PK) if PK in edition.documents else ""
    first = [rel for name in names for rel in (name, twin_name(name)) if rel in written]
    order = first + [rel for rel in written if rel not in first and rel not in previous]
    return BuildResult(written.get(main), edition.findings, edition.draft, tuple(written[rel] for rel in order),
                       tuple(clock.stages), "", issued, written.get(pk), written.get(report_name(edition.stem)))


def _issued_name_rule(edition: Edition, output: Path, publication: Publication, final: bool,
                      files: dict[str, bytes], previous: set[str]) -> Path | None:
    """Refuse documents other than the issued ones under an issued edition's names; with `final`,
    add the edition's archive folder to the publication (unless issued already). The archive
    folder of the edition issued, or None."""
    if edition.draft:
        return None
    office = edition.office
    archived = archive.state(output, issue_name(office, edition.kinds[0]))
    documents = {edition.name(kind): docx for kind, docx in edition.documents.items()}
    archive.refuse_other(archived, documents, edition.sources, _label(edition), _advice(edition, output))
    if not final:
        return None
    if archived.state == archive.DAMAGED:
        raise OutputRefused(f"{_label(edition)} tidak dapat diterbitkan ke {archived.where}: "
                            f"{archived.reason}. Pulihkan folder itu dari salinannya, atau pindahkan bila itu bukan "
                            "edisi terbit, lalu ulangi")
    if archived.state == archive.ABSENT:
        kept = {rel: data for rel, data in files.items()
                if rel in documents or rel in {twin_name(n) for n in documents} or rel == report_name(edition.stem)}
        kept.update(issued_pdfs(documents))
        publication.seal(archived.where.relative_to(output).as_posix(), archive.contents(kept, edition.sources))
    return archived.where


def _label(edition: Edition) -> str:
    """`edisi Revisi 1 2025`, `LAKIN 2024`: what a message calls the edition's issue."""
    office = edition.office
    return f"LAKIN {office.year}" if edition.kinds[0] == LAKIN else f"edisi {office.edition} {office.year}"


def _advice(edition: Edition, output: Path) -> str:
    """What to run instead of replacing an issued document, with the folders this build used."""
    where = f"--inputs {edition.inputs} --output {output}"
    if edition.kinds[0] == LAKIN:
        return f"Untuk melihat hasilnya tanpa menerbitkan: rkt lakin --draft {where}"
    return (f"Untuk perubahan, mulai revisi: rkt revisi --inputs {edition.inputs} --tanggal \"<tanggal>\", lalu "
            f"rkt build --final {where}; untuk melihat hasilnya tanpa menerbitkan: rkt build --draft {where}")


def issued_pdfs(documents: dict[str, bytes]) -> dict[str, bytes]:
    """The PDF of each document of an issued edition (`RKT-....pdf`, table of contents with page numbers), by
    name, when LibreOffice is installed; none without it, or for a document it could not convert (the
    CLI says the issued edition has no PDF). Converted from the bytes about to be published, in a
    temporary folder, so the archive's set is whole before anything is put in place."""
    if pdf.soffice() is None:
        return {}
    out = {}
    with tempfile.TemporaryDirectory(prefix="rkt-terbit-") as tmp:
        for name, docx in documents.items():
            target = Path(name).with_suffix(".pdf")
            source = Path(tmp) / Path(name).name
            source.write_bytes(docx)
            try:
                out[str(target)] = pdf.to_pdf(source, Path(tmp) / target.name).read_bytes()
            except (pdf.PdfError, OSError):
                continue
    return out


def preview(edition: Edition, output: Path | str) -> list[Path]:
    """Write `edition`'s documents and their twins into `output` as previews (`pratinjau-RKT-....docx`):
    an edited template seen before a build uses it. Nothing else is written: no report, no marked
    copies, nothing kept in `sebelumnya/`; nothing rkt did not write is replaced.
    """
    output = Path(output)
    check_folders(edition.inputs, output)
    inputs = [Path(edition.inputs) / wb.filename for wb in ALL_WORKBOOKS]
    out = OutputFolder(output, edition.owner, edition.inputs, inputs)
    files = {}
    for kind, docx in edition.documents.items():
        name = preview_name(edition.name(kind))
        files[name], files[twin_name(name)] = docx, edition.twins[kind]
    with out.transaction() as publication:
        for rel, data in files.items():
            publication.write(rel, data)
    return [output / rel for rel in files]
