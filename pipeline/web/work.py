"""What the page's buttons run on an office, in a job (pipeline/web/jobs.py): build, PDF, diff with redlines.

Each is the CLI's command over the same library calls, with the same guarantees: a build writes
through `publish` alone (nothing rkt did not write is replaced, errors write no document, an
issued edition is never replaced), the redline is made from the documents the diff compared.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.build import write_input_report
from pipeline.document import pdf
from pipeline.edition import analyse, compose, publish
from pipeline.findings import InputError
from pipeline.names import ARCHIVE_PREFIX, DOCX, TITLES, redline_against_name
from pipeline.review.diff import Change, compared, diff, format_text, heading, load_side
from pipeline.review.redline import edition_date, redline
from pipeline.web.jobs import Job
from pipeline.web.office import PDF, Office

MODES = {"build": "Build dokumen", "draft": "Build draf", "final": "Terbitkan edisi (final)"}


def build(office: Office, mode: str):
    """`rkt build --inputs <office> --output <office>/output`, with --draft or --final by `mode`."""
    draft, final = mode == "draft", mode == "final"

    def work(job: Job) -> None:
        job.step("membaca dan memeriksa workbook")
        try:
            analysis = analyse(office.inputs, limits=office.limits)
        except InputError as exc:
            write_input_report(exc.findings, office.inputs, office.output, office.limits)
            job.done(False, f"workbook tidak dapat dibaca ({len(exc.findings)} masalah); lihat daftar temuan")
            return
        job.step("menyusun dokumen RKT dan PK" + (" (draf)" if draft else ""))
        edition = compose(analysis, draft=draft)
        job.step("menerbitkan dan menulis ke folder output" if final else "menulis ke folder output")
        result = publish(edition, office.output, final=final)
        errors = sum(f.severity == "error" for f in result.findings)
        if result.path is None:
            job.done(False, f"dokumen tidak ditulis: ada {errors} galat; perbaiki galat di daftar temuan, atau buat "
                            "draf")
            return
        written = ", ".join(p.name for p in (result.path, result.agreement) if p is not None)
        message = f"ditulis: {written}"
        if result.issued is not None:
            message += f"; edisi terbit disimpan di {result.issued.relative_to(office.inputs).as_posix()}"
        if result.problem:
            message += f"; {result.problem}"
        job.done(not result.problem and not result.has_errors, message)

    return work


def pdfs(office: Office):
    """The PDF of each built document (RKT, PK, drafts too) of the current workbooks: LibreOffice, table of
    contents filled (pipeline/document/pdf.py)."""

    def work(job: Job) -> None:
        documents = [d for d in office.documents() if d.path is not None and d.path.suffix == DOCX]
        if not documents:
            job.done(False, "belum ada dokumen; build dulu")
            return
        for doc in documents:
            job.step(f"mengubah {doc.path.name} ke PDF")
            pdf.to_pdf(doc.path, doc.path.with_suffix(PDF))
        job.done(True, "PDF ditulis: " + ", ".join(d.path.with_suffix(PDF).name for d in documents))

    return work


@dataclass(frozen=True)
class Compared:
    """A diff of the workbooks now against an issued edition: the changes, as text, and each redline's bytes."""

    against: str
    changes: tuple[Change, ...]
    text: str
    redlines: dict[str, bytes]

    def rows(self) -> list[tuple[str, Change]]:
        """Each change with the heading of its record (`RO: Kode RO QAH.017`)."""
        return [(heading(c.section, c.key), c) for c in self.changes]


def compare(office: Office, issued: str):
    """`rkt diff terbit:<issued> <office> --redline`: every value that changed, and the tracked changes of
    each document the two share."""

    def work(job: Job) -> None:
        job.step(f"membaca edisi terbit {issued}")
        before = load_side(f"{ARCHIVE_PREFIX}{issued}", output=office.output)
        job.step("menyusun dokumen dari workbook sekarang")
        after = load_side(office.inputs, limits=office.limits)
        job.step("membandingkan")
        changes = diff(before, after)
        date = edition_date(*after.snapshot["office"]["sign_date"])
        redlines = {}
        for kind in compared(before, after):
            job.step(f"menandai perubahan {TITLES[kind]}")
            redlines[redline_against_name(kind, issued)] = redline(before.documents[kind], after.documents[kind],
                                                                   date=date)
        text = format_text(changes, before.snapshot, after.snapshot)
        job.done(True, f"{len(changes)} perubahan terhadap edisi terbit {issued}" if changes else
                 f"sama dengan edisi terbit {issued}", Compared(issued, tuple(changes), text, redlines))

    return work

