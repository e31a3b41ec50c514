"""The archive of issued editions: what was signed, kept whole, read-only and never replaced.

`rkt build --final` (the edition about to be signed) puts the documents (RKT and PK; `rkt lakin
--final` the LAKIN, in `<year>-LAKIN`), their text twins, the check report and the input workbooks
it was built from into `<output>/terbit/<year>-<edition>/`, read-only, as one folder renamed into
place whole (pipeline/outputs.py). Its mark `.rkt-terbit` records the SHA-256 of every file in
it. The same edition issued again from the same workbooks is already there; from other workbooks
it is refused: a signed edition changes only by a revision (`rkt revisi`). Ordinary builds never
write here, and nothing in rkt removes it.

An edition counts only when it is a real folder inside a real `terbit/` folder whose files
match its mark (an edition from before marks held digests has an empty mark and is taken as
it is). Anything else at that name (a symlink, a folder whose mark was lost or whose files
changed) is never written into, and never taken for the issued edition.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.files import FileProblem, digest
from pipeline.names import (
    ARCHIVE_FOLDER,
    ARCHIVE_INPUTS,
    ARCHIVE_MARK,
    KINDS,
    document_pattern,
    is_edition_name,
)
from pipeline.outputs import OutputRefused

ABSENT, ISSUED, DAMAGED = "belum terbit", "terbit", "rusak"


@dataclass(frozen=True)
class Archived:
    """What the archive holds under one edition's name: nothing, the issued edition, or something rkt
    cannot vouch for (`reason` says why). `inputs`: the SHA-256 of each workbook it was issued from."""

    where: Path
    state: str
    reason: str = ""
    inputs: dict[str, str] = field(default_factory=dict)

    def document(self, name: str) -> bytes | None:
        """The bytes of the file `name` in the edition's folder, or None when there is no such regular file."""
        path = self.where / name
        try:
            return path.read_bytes() if stat.S_ISREG(os.lstat(path).st_mode) else None
        except OSError:
            return None


def folder(output: Path, name: str) -> Path:
    """`<output>/terbit/<name>`: where issued edition `name` is kept."""
    return Path(output) / ARCHIVE_FOLDER / name


def vet(name: str) -> str:
    """`name` when it names an edition folder (`2025-Awal-Tahun`), else FileProblem: no `..`, path or long name."""
    if not is_edition_name(name):
        shown = name if len(name) <= 60 else name[:57] + "..."
        raise FileProblem(f"'{shown.encode('utf-8', 'replace').decode('utf-8')}' bukan nama edisi terbit "
                          "(contoh: 2025-Awal-Tahun, 2025-Revisi-1)")
    return name


def state(output: Path, name: str) -> Archived:
    """What `<output>/terbit/<name>` is: ABSENT, ISSUED (verified against its mark) or DAMAGED (with the reason)."""
    top, where = Path(output) / ARCHIVE_FOLDER, folder(output, vet(name))
    for path in (top, where):
        try:
            mode = os.lstat(path).st_mode
        except FileNotFoundError:
            return Archived(where, ABSENT)
        except OSError as exc:
            return Archived(where, DAMAGED, f"{path} tidak dapat dibaca ({exc.strerror})")
        if stat.S_ISLNK(mode) or not stat.S_ISDIR(mode):
            return Archived(where, DAMAGED, f"{path} bukan folder biasa (symlink atau file)")
    try:
        mode = os.lstat(where / ARCHIVE_MARK).st_mode
        mark = (where / ARCHIVE_MARK).read_bytes() if stat.S_ISREG(mode) else None
    except OSError:
        mark = None
    if mark is None:
        return Archived(where, DAMAGED, f"tanda edisi terbit {ARCHIVE_MARK} tidak ada di {where} (hilang saat "
                                        "disalin?)")
    if not mark.strip():  # an edition issued before marks held digests
        return Archived(where, ISSUED, inputs=_digests(where / ARCHIVE_INPUTS))
    try:
        recorded = json.loads(mark)["files"]
    except (ValueError, KeyError, TypeError, IndexError):
        recorded = None
    if not isinstance(recorded, dict) or not all(isinstance(v, str) for v in recorded.values()):
        return Archived(where, DAMAGED, f"tanda edisi terbit {where / ARCHIVE_MARK} rusak")
    for rel, sha in sorted(recorded.items()):
        parts = rel.split("/")
        if any(p in ("", ".", "..") for p in parts) or digest(where.joinpath(*parts)) != sha:
            return Archived(where, DAMAGED, f"{where / rel} hilang atau berubah sejak terbit")
    inputs = {rel.split("/", 1)[1]: sha for rel, sha in recorded.items() if rel.startswith(ARCHIVE_INPUTS + "/")}
    return Archived(where, ISSUED, inputs=inputs)


def _digests(path: Path) -> dict[str, str]:
    return {p.name: d for p in sorted(path.glob("*.xlsx")) if (d := digest(p)) is not None}


def contents(files: dict[str, bytes], sources: dict[str, bytes]) -> dict[str, bytes]:
    """Everything an issued edition's folder holds: `files` (documents, twins, report), the input
    workbooks in `input/`, and the mark recording the SHA-256 of each."""
    kept = {**files, **{f"{ARCHIVE_INPUTS}/{n}": data for n, data in sorted(sources.items())}}
    digests = {rel: hashlib.sha256(data).hexdigest() for rel, data in sorted(kept.items())}
    return {**kept, ARCHIVE_MARK: json.dumps({"files": digests}, indent=1).encode() + b"\n"}


def changed_inputs(archived: Archived, sources: dict[str, bytes]) -> list[str]:
    """The workbooks that differ between the issued edition and `sources`."""
    wanted = {n: hashlib.sha256(data).hexdigest() for n, data in sources.items()}
    return sorted(n for n in set(archived.inputs) | set(wanted) if archived.inputs.get(n) != wanted.get(n))


def issued_documents(output: Path, name: str) -> dict[str, Path]:
    """The documents of issued edition `name` by kind, the RKT first (`rkt diff terbit:2025-Awal-Tahun ...`);
    the LAKIN of an issued `2024-LAKIN`.

    FileProblem when `name` is no edition's name, or the archive holds no verified edition by it.
    """
    archived = state(output, name)
    if archived.state == DAMAGED:
        raise FileProblem(f"edisi terbit '{name}' tidak dapat dipakai: {archived.reason}")
    where = archived.where
    docs = {kind: doc for kind in KINDS for doc in sorted(where.glob(document_pattern(kind)))[:1]} \
        if archived.state == ISSUED else {}
    if not docs:
        top = Path(output) / ARCHIVE_FOLDER
        known = sorted(p.name for p in top.iterdir() if p.is_dir() and not p.is_symlink()) \
            if top.is_dir() and not top.is_symlink() else []
        shown = ", ".join(known) if known else "belum ada"
        raise FileProblem(f"tidak ada edisi terbit '{name}' di {top} (yang ada: {shown})")
    return docs


def refuse_other(archived: Archived, documents: dict[str, bytes], sources: dict[str, bytes], label: str,
                 advice: str) -> None:
    """OutputRefused unless each of `documents` (by file name) is the very document issued under that name.

    An issued name belongs to the issued document: no build writes other bytes under it, be it
    an ordinary build from changed workbooks or `--final` again. `label` names the issue
    (`edisi Awal Tahun 2025`, `LAKIN 2024`); `advice` says what to run instead, naming the
    folders actually used.
    """
    if archived.state == ABSENT:
        return
    differing = [name for name, data in documents.items() if archived.document(name) != data]
    if not differing:
        return
    if archived.state == DAMAGED:
        raise OutputRefused(
            f"{label} ada di {archived.where} tetapi tidak dapat dipastikan isinya: {archived.reason}. "
            f"Dokumen bernama {differing[0]} hanya untuk edisi yang ditandatangani, jadi tidak ditulis. Pulihkan "
            "folder itu dari salinannya (termasuk file tandanya), atau pindahkan bila itu bukan edisi terbit")
    changed = changed_inputs(archived, sources)
    why = (f"dari workbook lain (berbeda: {', '.join(changed)})" if changed else
           "dari workbook yang sama, tetapi dokumennya kini berbeda (templat atau versi rkt berubah)")
    raise OutputRefused(f"{label} sudah terbit ({archived.where}) {why}; nama {differing[0]} hanya untuk dokumen "
                        f"yang ditandatangani, jadi tidak ditimpa. {advice}")
