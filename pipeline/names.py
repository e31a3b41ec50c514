"""The name of everything rkt writes: documents, text twins, reports, folders, the archive, the snapshot part.

One function or constant owns each name, as mkdocs's `File.dest_uri` owns a page's; no other
module spells one. Names are relative to the output folder, with `/` between folders.
Imports nothing above the plan layer, so every stage may ask it.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import replace
from pathlib import Path

from pipeline.plan.model import Office
from pipeline.plan.realisation import Period
from pipeline.plan.vocabulary import FIRST_EDITION, MONTHS, QUARTERS, is_revision, revision

RKT, PK = "RKT", "PK"  # the documents of a build, by the prefix of their file names
LAKIN = "LAKIN"  # the Laporan Kinerja of the year (`rkt lakin`), from the plan and its realisation
PLAN_KINDS = (RKT, PK)  # what `rkt build` makes
KINDS = (*PLAN_KINDS, LAKIN)  # every document rkt makes from templates, by kind
TITLES = {RKT: "Rencana Kinerja Tahunan", PK: "Perjanjian Kinerja", LAKIN: "Laporan Kinerja"}
CAPAIAN_REPORT = "capaian.docx"  # the template of the capaian report beside its workbook
DRAFT = "DRAF"  # the last part of a draft's name
OFFICE_CHARS, EDITION_CHARS = 80, 30  # longer names are shortened (file systems allow 255 bytes)

REPORT_FOLDER = "pemeriksaan"  # the marked copies, one folder per report
PREVIOUS_FOLDER = "sebelumnya"  # the document a rebuild replaced, kept for `make diff`
ARCHIVE_FOLDER = "terbit"  # the issued editions, one folder each
MANAGED = (REPORT_FOLDER, PREVIOUS_FOLDER, ARCHIVE_FOLDER)  # sub-folders rkt writes and may remove from
ARCHIVE_INPUTS = "input"  # in an issued edition: the workbooks it was built from
ARCHIVE_MARK = ".rkt-terbit"  # in every issued edition's folder: nothing rkt runs may write inside it
ARCHIVE_PREFIX = "terbit:"  # `rkt diff terbit:2025-Awal-Tahun ...`: a side that is an issued edition
STATE_FOLDER = ".rkt"  # the output folder's own state
MANIFEST = "manifest.json"  # in STATE_FOLDER: every file rkt wrote
LOCK = "lock"  # in STATE_FOLDER: held while a command publishes into the folder
STAGING = "staging"  # in STATE_FOLDER: a publish's files before they are put in place
SNAPSHOT_PART = "customXml/rkt-snapshot.xml"  # the part of a built .docx that carries its snapshot
# `rkt serve` keeps everything of an office inside its folder, so the folder can be moved or copied whole:
OFFICE_OUTPUT = "output"  # the output folder of the page's builds
KEPT_FOLDER = "versi-lama"  # every workbook version an upload replaced
ACCESS_KEY = ".rkt-kunci"  # the hash of the office's access key (`rkt kunci`)

DOCX, TWIN, REPORT = ".docx", ".md", "-pemeriksaan.md"
PREVIEW = "pratinjau"  # `rkt templat`'s documents: pratinjau-RKT-2024-....docx
TEMPLATES = {RKT: "rkt.docx", PK: "pk.docx", LAKIN: "lakin.docx"}  # each document's template, in templates/ and in
# a folder of copies
REDLINE = "redline-"  # the prefix of a redline's name


def slug(text: str, limit: int = OFFICE_CHARS) -> str:
    """`BKK Kelas II Jambi` -> `BKK-Kelas-II-Jambi`: letters and digits kept (accents dropped), the rest one hyphen.

    Text longer than `limit` is cut and ends with 8 hex digits of its hash, so two long names
    stay apart and the same name always gives the same file name.
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    out = re.sub(r"[^0-9A-Za-z]+", "-", ascii_text).strip("-")
    if len(out) > limit:
        out = out[:limit - 9].rstrip("-") + "-" + _digest(text)
    return out


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", errors="replace")).hexdigest()[:8]


def owner(office: Office) -> str:
    """Whom an office's files are for, as the output folder's manifest records it: the office by its name."""
    return " ".join(office.name.split()) or "kantor tanpa nama"


def capaian_name(office: Office, at: Period, suffix: str = ".xlsx") -> str:
    """`Capaian-2024-TW-II-BKK-Kelas-II-Jambi.xlsx`, `Capaian-2024-Juni-...`; a revised plan adds its edition.

    `suffix` `.docx` names the short report written beside the workbook.
    """
    parts = ["Capaian", str(office.year)]
    if is_revision(office):
        parts.append(slug(office.edition, EDITION_CHARS))
    parts.append(f"TW-{QUARTERS[at.quarter - 1]}" if at.quarter else MONTHS[at.month - 1])
    parts.append(slug(office.short_name or office.name) or "kantor")
    return "-".join(parts) + suffix


def document_name(office: Office, draft: bool = False, kind: str = RKT) -> str:
    """`RKT-2024-BKK-Kelas-II-Jambi.docx` (`kind` PK: `PK-2024-...`); a revision adds its edition, a draft `-DRAF`.

    The LAKIN reports on the year, whichever edition of the plan it ends with: `LAKIN-2024-...`.

    A name with no letter or digit of the Latin alphabet is named `kantor-<hash>`, so two such
    offices still get two documents.
    """
    parts = [kind, str(office.year)]
    if is_revision(office) and kind != LAKIN:
        parts.append(slug(office.edition, EDITION_CHARS))
    name = office.short_name or office.name
    parts.append(slug(name) or (f"kantor-{_digest(name)}" if name.strip() else "kantor"))
    if draft:
        parts.append(DRAFT)
    return "-".join(parts) + DOCX


def document_pattern(kind: str) -> str:
    """The glob that finds the documents of `kind` in a folder (drafts among them: see `is_draft`)."""
    return f"{kind}-*{DOCX}"


def is_draft(document: str) -> bool:
    return document.removesuffix(DOCX).endswith("-" + DRAFT)


def redline_name(document: str) -> str:
    """`redline-RKT-2025-Revisi-1-....docx`: a document's tracked changes against an earlier edition."""
    return REDLINE + document


def twin_name(document: str) -> str:
    """`RKT-2024-....md`: the text twin beside a document."""
    return document.removesuffix(DOCX) + TWIN


def preview_name(document: str) -> str:
    """`pratinjau-RKT-2024-....docx` (or its twin): a document filled from a template being checked."""
    return f"{PREVIEW}-{document}"


def previous_name(document: str) -> str:
    """`sebelumnya/RKT-2024-....docx`: the document a rebuild replaced."""
    return f"{PREVIOUS_FOLDER}/{document}"


def report_stem(office: Office, draft: bool = False, kind: str = RKT) -> str:
    """The name a build's report and marked copies go by: its first document's (the RKT's), without `.docx`."""
    return document_name(office, draft, kind).removesuffix(DOCX)


def input_report_stem(inputs: Path) -> str:
    """The report name of an input folder that cannot be read: after the folder's own name."""
    name = Path(inputs).resolve().name
    return f"{slug(name) or 'input-' + _digest(name)}-input"


def report_name(stem: str) -> str:
    """`RKT-2024-...-pemeriksaan.md`: the check report."""
    return stem + REPORT


def is_report(name: str) -> bool:
    return name.endswith(REPORT)


def marked_folder(stem: str) -> str:
    """`pemeriksaan/RKT-2024-...`: the folder of a report's marked copies."""
    return f"{REPORT_FOLDER}/{stem}"


def marked_name(stem: str, workbook: str) -> str:
    """`pemeriksaan/RKT-2024-.../pegawai.xlsx`: the marked copy of one workbook."""
    return f"{marked_folder(stem)}/{workbook}"


def edition_name(year: int, edition: str) -> str:
    """`2025-Awal-Tahun`, `2025-Revisi-1`: the archive folder of an edition."""
    return f"{year}-{slug(edition, EDITION_CHARS) or 'edisi'}"


def issue_name(office: Office, kind: str = RKT) -> str:
    """The archive folder a `--final` document of `kind` is issued in: its plan edition's (RKT, PK), or
    `2024-LAKIN` for the year's Laporan Kinerja (issued once a year, whatever the plan's edition)."""
    return f"{office.year}-{LAKIN}" if kind == LAKIN else edition_name(office.year, office.edition)


def issued_name(side: str) -> str | None:
    """`2025-Awal-Tahun` of a diff side `terbit:2025-Awal-Tahun`; None when the side names no issued edition."""
    return side.removeprefix(ARCHIVE_PREFIX) if side.startswith(ARCHIVE_PREFIX) else None


def kept_name(workbook: str, stamp: str, n: int = 1) -> str:
    """`versi-lama/jadwal-20250110-103000.xlsx` (`-2`, `-3` ... after a second upload in the same second):
    a workbook version an upload replaced."""
    stem, _, suffix = workbook.rpartition(".")
    return f"{KEPT_FOLDER}/{stem}-{stamp}{'' if n == 1 else f'-{n}'}.{suffix}"


def redline_against_name(kind: str, against: str) -> str:
    """`redline-RKT-terhadap-2025-Awal-Tahun.docx`: document `kind` as it is now (on the page), with tracked
    changes against issued edition `against`."""
    return f"{REDLINE}{kind}-terhadap-{against}{DOCX}"


_EDITION_NAME = re.compile(rf"[0-9]{{1,6}}-[0-9A-Za-z](?:[0-9A-Za-z-]{{0,{EDITION_CHARS - 1}}})")


def is_edition_name(name: str) -> bool:
    """Whether `name` is one `edition_name` gives (`2025-Revisi-1`): a year and letters, digits and hyphens,
    so it names one folder of the archive and nothing outside it."""
    return _EDITION_NAME.fullmatch(name) is not None


def superseded(office: Office, draft: bool, kinds: tuple[str, ...] = PLAN_KINDS) -> tuple[list[str], list[str]]:
    """The drafts a build of `office`'s edition (its documents of `kinds`) makes stale: (files, marked-copy folders).

    A build of an edition replaces the drafts of every earlier edition of its year, and unless
    it is itself a draft, its own edition's draft: their documents, twins, the documents they
    replaced (in `sebelumnya/`), their reports and marked copies. An edition rkt cannot count
    (not `Awal Tahun` nor `Revisi N`) replaces only its own draft, and so does the LAKIN, which
    has one name a year.
    """
    n = revision(office.edition)
    editions = [office.edition] if n is None or LAKIN in kinds else \
        [FIRST_EDITION, *(f"Revisi {i}" for i in range(1, n + 1))]
    files, folders = [], []
    for edition in editions:
        if draft and edition == office.edition:
            continue
        other = replace(office, edition=edition)
        for kind in kinds:
            document = document_name(other, True, kind)
            files += [document, twin_name(document), previous_name(document)]
        stem = report_stem(other, True, kinds[0])
        files.append(report_name(stem))
        folders.append(marked_folder(stem))
    return files, folders
