"""One office folder as the page sees it: its analysis, findings, downloads and uploads.

`rkt serve` holds one `Office` per `--inputs` folder. Everything of an office stays inside its
folder, so the folder can be copied or moved whole: the workbooks, `output/` (the page's builds,
as `rkt build --inputs <folder> --output <folder>/output` writes them), `versi-lama/` (each
workbook version an upload replaced) and `.rkt-kunci` (the hash of its access key).

The page calls the library as the CLI does (pipeline/edition.py, pipeline/review/); nothing here
runs a command. Uploads and builds of one office take its `lock` in turn, so no write is lost and
a build never reads a workbook half replaced; other offices never wait for it.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from pipeline import archive
from pipeline.edition import Analysis, analyse
from pipeline.files import FileProblem, atomic_write, problem, read_regular, write_bytes
from pipeline.findings import Finding, InputError, cell_ranges, format_locations, has_errors, sort_findings
from pipeline.formatting import number, plain
from pipeline.inputs.read import LIMITS, Limits, read_workbook
from pipeline.inputs.schema import ALL_WORKBOOKS, WORKBOOKS, Workbook
from pipeline.names import (
    ARCHIVE_FOLDER,
    ARCHIVE_MARK,
    DOCX,
    KEPT_FOLDER,
    KINDS,
    OFFICE_OUTPUT,
    REPORT,
    TITLES,
    document_name,
    document_pattern,
    edition_name,
    input_report_stem,
    kept_name,
    report_name,
    report_stem,
)
from pipeline.plan import tables
from pipeline.plan.model import Plan
from pipeline.review.diff import Change, value_changes
from pipeline.review.snapshot import realisation_snapshot, snapshot
from pipeline.workbooks.marked import marked_copies

#: an upload refused with these is no usable workbook at all: the folder keeps the version it has
FILE_PROBLEMS = frozenset({"input.too-large", "input.not-xlsx", "input.corrupt", "input.unreadable"})
LABELS = {"error": "Galat", "warning": "Peringatan"}
STATUSES = {"siap": "siap", "galat": "ada galat", "terbit": "terbit"}
WAIT = 60.0  # seconds an upload waits for the office's running build before it gives up
PDF = ".pdf"
SUMMARY = "Ringkasan"  # the snapshot's derived figures (pagu, headcounts): shown with every workbook's changes
MARKED = "bertanda"  # the download path of a marked copy, made on request
CURRENT = "workbook"  # the download path of a workbook as it is in the folder


class Busy(Exception):
    """The office is being worked on (a build, another upload) for longer than a request waits."""


class Refused(Exception):
    """An upload that is not a usable workbook: nothing was replaced. `findings` say why."""

    def __init__(self, message: str, findings: tuple[Finding, ...] = ()):
        super().__init__(message)
        self.findings = findings


@dataclass(frozen=True)
class State:
    """The folder read and checked: its analysis (None when it cannot be read) and every finding."""

    analysis: Analysis | None
    findings: tuple[Finding, ...]

    @property
    def plan(self) -> Plan | None:
        return None if self.analysis is None else self.analysis.plan

    @property
    def errors(self) -> int:
        return sum(f.severity == "error" for f in self.findings)

    @property
    def warnings(self) -> int:
        return len(self.findings) - self.errors


@dataclass(frozen=True)
class Glance:
    """The office at a glance, as the page prints it."""

    name: str
    year: str
    edition: str
    pagu: str
    staff: str
    indicators: str
    outputs: str
    status: str  # a key of STATUSES
    note: str = ""

    @property
    def label(self) -> str:
        return STATUSES[self.status]


@dataclass(frozen=True)
class Row:
    """One finding as the page lists it: where in its workbook (sheet and cells), and elsewhere."""

    severity: str
    rule: str
    message: str
    subject: str
    places: tuple[tuple[str, str], ...]  # (sheet, cells) in the finding's workbook
    elsewhere: str

    @property
    def label(self) -> str:
        return LABELS[self.severity]


@dataclass(frozen=True)
class Group:
    """The findings of one workbook, for its owner."""

    workbook: str
    owner: str
    rows: tuple[Row, ...]

    @property
    def errors(self) -> int:
        return sum(r.severity == "error" for r in self.rows)

    @property
    def warnings(self) -> int:
        return len(self.rows) - self.errors


@dataclass(frozen=True)
class Download:
    """A file the page offers: `rel` is its path in the page's address, `path` the file (None: made on request)."""

    rel: str
    label: str
    path: Path | None = None
    size: int = 0
    modified: str = ""


@dataclass(frozen=True)
class WorkbookRow:
    """One workbook of the office: its file, owner, findings, and what can be downloaded of it."""

    spec: Workbook
    present: bool
    modified: str
    errors: int
    warnings: int
    optional: bool

    @property
    def filename(self) -> str:
        return self.spec.filename


@dataclass(frozen=True)
class Upload:
    """What one upload did: replaced the workbook (keeping the previous version) or why not, and what changed."""

    n: int
    workbook: str
    filename: str
    when: str
    replaced: bool
    message: str
    changes: tuple[Change, ...] = ()
    compared: bool = False
    kept: str = ""
    problems: tuple[Finding, ...] = ()


def groups(findings: tuple[Finding, ...] | list[Finding], severity: str | None = None) -> list[Group]:
    """Findings by workbook (in the schema's order, then anything else), for its owner; `severity` filters."""
    order = [wb.filename for wb in ALL_WORKBOOKS]
    owners = {wb.filename: wb.owner for wb in ALL_WORKBOOKS}
    by: dict[str, list[Row]] = {}
    for f in findings:
        if severity and f.severity != severity:
            continue
        workbook = f.locations[0].workbook if f.locations else ""
        here = [loc for loc in f.locations if loc.workbook == workbook]
        sheets: dict[str, list[str]] = {}
        for loc in here:
            sheets.setdefault(loc.sheet, [])
            if loc.cell:
                sheets[loc.sheet].append(loc.cell)
        places = tuple((sheet, ", ".join(cell_ranges(cells))) for sheet, cells in sheets.items() if sheet or cells)
        elsewhere = format_locations(tuple(loc for loc in f.locations if loc.workbook != workbook))
        by.setdefault(workbook, []).append(Row(f.severity, f.rule, f.message, f.subject, places, elsewhere))
    ranked = sorted(by, key=lambda w: (order.index(w) if w in order else len(order), w))
    return [Group(w, owners.get(w, ""), tuple(by[w])) for w in ranked]


def workbook_values(plan: Plan, workbook: str) -> dict[str, dict]:
    """The values of `plan` that come from `workbook` (section -> key -> label -> value), with the summary
    figures they feed: what an upload of that workbook can change."""
    values: dict[str, dict] = {section: dict(records) for section, records in snapshot(plan)["values"].items()}
    for section, records in realisation_snapshot(plan).items():
        merged = values.setdefault(section, {})
        for key, fields in records.items():
            merged[key] = {**merged.get(key, {}), **fields}
    spec = next(wb for wb in ALL_WORKBOOKS if wb.filename == workbook)
    wanted = {sheet.name for sheet in spec.sheets} | ({SUMMARY} if spec in WORKBOOKS else set())
    return {section: records for section, records in values.items() if section in wanted}


def _stamp(path: Path) -> str:
    try:
        return datetime.fromtimestamp(path.stat().st_mtime).strftime("%d-%m-%Y %H:%M")
    except OSError:
        return ""


def _download(rel: str, label: str, path: Path) -> Download | None:
    try:
        info = path.stat()
    except OSError:
        return None
    if not path.is_file():
        return None
    return Download(rel, label, path, info.st_size, datetime.fromtimestamp(info.st_mtime).strftime("%d-%m-%Y %H:%M"))


class Office:
    """An office folder served by the page: read again whenever a workbook changed, written only under `lock`."""

    def __init__(self, inputs: Path, ident: str, limits: Limits = LIMITS):
        self.id = ident
        self.inputs = Path(inputs)
        self.output = self.inputs / OFFICE_OUTPUT
        self.limits = limits
        self.lock = threading.Lock()  # uploads and builds of this office, one at a time
        self.uploads: list[Upload] = []  # the latest first
        self._cache: tuple[tuple, State] | None = None
        self._cache_lock = threading.Lock()
        self._uploads_lock = threading.Lock()

    @property
    def folder_name(self) -> str:
        return self.inputs.resolve().name or str(self.inputs)

    # --- reading ------------------------------------------------------------------------------

    def _key(self) -> tuple:
        """What tells a workbook changed: its size, time and file identity (an upload is a new file)."""
        key = []
        for wb in ALL_WORKBOOKS:
            try:
                info = (self.inputs / wb.filename).stat()
                key.append((info.st_mtime_ns, info.st_size, info.st_ino))
            except OSError:
                key.append(None)
        return tuple(key)

    def state(self) -> State:
        """The folder read and checked as `rkt check` does (realisasi.xlsx included), again only when it changed."""
        key = self._key()
        with self._cache_lock:
            if self._cache is not None and self._cache[0] == key:
                return self._cache[1]
        try:
            analysis = analyse(self.inputs, limits=self.limits, realisation=True)
            state = State(analysis, tuple(sort_findings(analysis.findings)))
        except InputError as exc:
            state = State(None, tuple(exc.findings))
        with self._cache_lock:
            self._cache = (key, state)
        return state

    def glance(self, state: State | None = None) -> Glance:
        state = state or self.state()
        plan = state.plan
        if plan is None:
            return Glance(self.folder_name, "-", "-", "-", "-", "-", "-", "galat", "workbook tidak dapat dibaca")
        office = plan.office
        status, note = ("galat", "") if has_errors(list(state.findings)) else ("siap", "")
        issued = self.issued_from_these(plan)
        if issued is True and status == "siap":
            status = "terbit"
        elif issued is False:
            note = (f"edisi {office.edition} {office.year} sudah terbit dari workbook lain; untuk perubahan mulai "
                    f"revisi (rkt revisi --inputs {self.folder_name})")
        return Glance(office.name, str(office.year), office.edition, number(tables.pagu(plan)),
                      plain(tables.headcount(plan)["total"]), plain(len(plan.indicators)), plain(len(plan.ros)),
                      status, note)

    def issued_from_these(self, plan: Plan) -> bool | None:
        """Whether the plan's edition is issued from these very workbooks (True), from others (False), or not (None)."""
        archived = archive.state(self.output, edition_name(plan.office.year, plan.office.edition))
        if archived.state != archive.ISSUED:
            return None
        built_from = {wb.filename for wb in WORKBOOKS}
        try:
            sources = {s.workbook: read_regular(self.inputs / s.workbook, self.limits.file_bytes)
                       for s in plan.sources if s.workbook in built_from}
        except FileProblem:
            return None
        return not archive.changed_inputs(archived, sources)

    def workbooks(self, state: State | None = None) -> list[WorkbookRow]:
        state = state or self.state()
        counts = {g.workbook: g for g in groups(state.findings)}
        rows = []
        for spec in ALL_WORKBOOKS:
            path = self.inputs / spec.filename
            group = counts.get(spec.filename)
            rows.append(WorkbookRow(spec, path.is_file(), _stamp(path), group.errors if group else 0,
                                    group.warnings if group else 0, spec not in WORKBOOKS))
        return rows

    # --- what can be downloaded ---------------------------------------------------------------

    def documents(self, state: State | None = None) -> list[Download]:
        """The documents, PDFs and check reports of the current workbooks in the output folder, if built."""
        state = state or self.state()
        found: list[Download | None] = []
        if state.plan is None:
            found.append(_download(f"{OFFICE_OUTPUT}/{report_name(input_report_stem(self.inputs))}",
                                   "Laporan pemeriksaan", self.output / report_name(input_report_stem(self.inputs))))
            return [d for d in found if d]
        office = state.plan.office
        for draft in (False, True):
            mark = " (DRAF)" if draft else ""
            for kind in KINDS:
                name = document_name(office, draft, kind)
                found.append(_download(f"{OFFICE_OUTPUT}/{name}", f"{TITLES[kind]}{mark} .docx", self.output / name))
                pdf = name.removesuffix(DOCX) + PDF
                found.append(_download(f"{OFFICE_OUTPUT}/{pdf}", f"{TITLES[kind]}{mark} .pdf", self.output / pdf))
            report = report_name(report_stem(office, draft))
            found.append(_download(f"{OFFICE_OUTPUT}/{report}", f"Laporan pemeriksaan{mark} .md", self.output / report))
        return [d for d in found if d]

    def issued(self) -> list[tuple[str, list[Download]]]:
        """Every issued edition in the output folder's archive, the newest name last, with its files."""
        root = self.output / ARCHIVE_FOLDER
        editions = []
        for folder in sorted(root.iterdir()) if root.is_dir() else ():
            if not (folder / ARCHIVE_MARK).exists():
                continue
            files = []
            for kind in KINDS:
                for doc in sorted(folder.glob(document_pattern(kind)))[:1]:
                    files.append(_download(f"{OFFICE_OUTPUT}/{ARCHIVE_FOLDER}/{folder.name}/{doc.name}",
                                           f"{TITLES[kind]} .docx", doc))
            for report in sorted(folder.glob(f"*{REPORT}"))[:1]:
                files.append(_download(f"{OFFICE_OUTPUT}/{ARCHIVE_FOLDER}/{folder.name}/{report.name}",
                                       "Laporan pemeriksaan .md", report))
            editions.append((folder.name, [f for f in files if f]))
        return editions

    def kept(self) -> list[Download]:
        """The workbook versions uploads replaced, the latest first."""
        folder = self.inputs / KEPT_FOLDER
        paths = sorted(folder.glob("*.xlsx"), key=lambda p: (p.stat().st_mtime, p.name), reverse=True) \
            if folder.is_dir() else []
        found = (_download(f"{KEPT_FOLDER}/{p.name}", p.name, p) for p in paths)
        return [d for d in found if d]

    def downloads(self, state: State | None = None) -> dict[str, Download]:
        """Every file the page may send, by its path in the address: nothing else is ever sent."""
        state = state or self.state()
        found = [*self.documents(state), *(d for _, files in self.issued() for d in files), *self.kept()]
        for spec in ALL_WORKBOOKS:
            current = _download(f"{CURRENT}/{spec.filename}", spec.filename, self.inputs / spec.filename)
            found.append(current)
            if current is not None and any(g.workbook == spec.filename for g in groups(state.findings)):
                found.append(Download(f"{MARKED}/{spec.filename}", f"{spec.filename} bertanda"))
        return {d.rel: d for d in found if d}

    def marked(self, workbook: str, state: State | None = None) -> bytes | None:
        """The workbook as it is now, its cells with findings filled and commented (None: nothing to mark)."""
        state = state or self.state()
        try:
            data = read_regular(self.inputs / workbook, self.limits.file_bytes)
        except FileProblem:
            return None
        return marked_copies(list(state.findings), {workbook: data}).get(workbook)

    # --- uploading ----------------------------------------------------------------------------

    def upload(self, workbook: str, filename: str, data: bytes) -> Upload:
        """Put `data` in place of `workbook`, atomically, keeping the version it replaces in versi-lama/.

        Refused (nothing replaced) when it is no usable .xlsx within the workbooks' limits (size,
        zip ratio, rows, cells): `Refused`. A workbook whose cells have problems is put in place and
        its findings shown, as they would be in Excel's own folder. Raises Busy when a build of
        this office runs longer than an upload waits, FileProblem when the folder cannot be written.
        """
        spec = next((wb for wb in ALL_WORKBOOKS if wb.filename == workbook), None)
        if spec is None:
            raise KeyError(workbook)
        shown = " ".join(Path(filename.replace("\\", "/")).name.split())[:120] or "(tanpa nama)"
        try:
            if not shown.casefold().endswith(".xlsx"):
                raise Refused(f"{shown} bukan file .xlsx: simpan workbook dari Excel sebagai Excel Workbook (.xlsx)")
            if len(data) > self.limits.file_bytes:
                raise Refused(f"{shown} terlalu besar ({len(data) // (1024 * 1024)} MB; batas "
                              f"{self.limits.file_bytes // (1024 * 1024)} MB)")
            if not self.lock.acquire(timeout=WAIT):
                raise Busy("kantor ini sedang dikerjakan (build atau unggahan lain); coba lagi sebentar lagi")
            try:
                return self._replace(spec, shown, data)
            finally:
                self.lock.release()
        except Refused as exc:
            return self._record(workbook, shown, False, str(exc), problems=exc.findings)

    def _replace(self, spec: Workbook, shown: str, data: bytes) -> Upload:
        target = self.inputs / spec.filename
        before = self.state()
        try:
            current = target.read_bytes() if target.is_file() else None
        except OSError as exc:
            raise problem(exc, target) from None
        if current == data:
            return self._record(spec.filename, shown, False, f"{shown} sama dengan {spec.filename} yang sekarang; "
                                "tidak ada yang diganti")
        kept = ""
        with atomic_write(target) as tmp:
            tmp.write_bytes(data)
            try:
                read_workbook(tmp, spec, self.limits)
            except InputError as exc:
                unusable = tuple(f for f in exc.findings if f.rule in FILE_PROBLEMS)
                if unusable:
                    raise Refused(f"{shown} tidak diterima; {spec.filename} tidak diganti", unusable) from None
            if current is not None:
                kept = self._keep(spec.filename, current)
        after = self.state()
        changes: tuple[Change, ...] = ()
        compared = before.plan is not None and after.plan is not None
        if compared:
            changes = tuple(value_changes(workbook_values(before.plan, spec.filename),
                                          workbook_values(after.plan, spec.filename)))
        message = f"{shown} menggantikan {spec.filename}" + (f"; versi sebelumnya disimpan di {kept}" if kept else "")
        return self._record(spec.filename, shown, True, message, changes, compared, kept)

    def _keep(self, workbook: str, data: bytes) -> str:
        """Write the version being replaced to versi-lama/ under a name no earlier version has; its name."""
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        n = 1
        while (self.inputs / kept_name(workbook, stamp, n)).exists():
            n += 1
        rel = kept_name(workbook, stamp, n)
        write_bytes(self.inputs / rel, data)
        return rel

    def _record(self, workbook: str, shown: str, replaced: bool, message: str, changes: tuple[Change, ...] = (),
                compared: bool = False, kept: str = "", problems: tuple[Finding, ...] = ()) -> Upload:
        with self._uploads_lock:
            n = (self.uploads[0].n + 1) if self.uploads else 1
            done = Upload(n, workbook, shown, datetime.now().strftime("%d-%m-%Y %H:%M:%S"), replaced, message,
                          changes, compared, kept, problems)
            self.uploads = [done, *self.uploads][:20]
        return done

    def upload_result(self, n: int) -> Upload | None:
        return next((u for u in self.uploads if u.n == n), None)
