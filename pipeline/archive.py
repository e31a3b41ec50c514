"""The archive of issued editions: what was signed, kept whole, read-only and never replaced.

`rkt build --final` (the edition about to be signed) copies the documents (RKT and PK; `rkt lakin --final`
the LAKIN, in `<year>-LAKIN`), their text
twins, the check report and the input workbooks it was built from into `<output>/terbit/<year>-<edition>/`
and makes them read-only. The same edition issued again from the same workbooks is already
there; from other workbooks it is refused: a signed edition changes only by a revision
(`rkt revisi`). Ordinary builds never write here, and nothing in rkt removes it.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from pipeline.files import FileProblem, make_read_only, problem, write_bytes
from pipeline.names import ARCHIVE_FOLDER, ARCHIVE_INPUTS, ARCHIVE_MARK, KINDS, document_pattern
from pipeline.outputs import OutputRefused


def folder(output: Path, name: str) -> Path:
    """`<output>/terbit/<name>`: where issued edition `name` is kept."""
    return Path(output) / ARCHIVE_FOLDER / name


def _digests(path: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(path.glob("*.xlsx"))}


def check(output: Path, name: str, sources: dict[str, bytes]) -> bool:
    """Whether the edition is already issued from exactly these workbooks (True), or not at all (False).

    Raises OutputRefused when it was issued from other workbooks.
    """
    where = folder(output, name)
    if not (where / ARCHIVE_MARK).exists():  # never issued, or an issue interrupted before it was complete
        return False
    try:
        issued = _digests(where / ARCHIVE_INPUTS)
    except OSError as exc:
        raise problem(exc, where) from None
    wanted = {n: hashlib.sha256(data).hexdigest() for n, data in sorted(sources.items())}
    if issued == wanted:
        return True
    changed = sorted(n for n in set(issued) | set(wanted) if issued.get(n) != wanted.get(n))
    edition = name.split("-", 1)[1].replace("-", " ")
    raise OutputRefused(
        f"edisi {edition} {name.split('-', 1)[0]} sudah terbit ({where}) dari workbook lain (berbeda: "
        f"{', '.join(changed)}); edisi yang sudah ditandatangani tidak ditimpa. Untuk perubahan, mulai revisi: "
        "rkt revisi --inputs <folder>, lalu rkt build --final")


def issue(output: Path, name: str, files: dict[str, bytes], sources: dict[str, bytes]) -> Path:
    """Write the issued edition: `files` (document, twin, report) and the input workbooks, all read-only."""
    where = folder(output, name)
    try:
        inputs = {f"{ARCHIVE_INPUTS}/{n}": data for n, data in sources.items()}
        for rel, data in [*files.items(), *inputs.items(), (ARCHIVE_MARK, b"")]:
            write_bytes(where / rel, data)
        for path in sorted(where.rglob("*"), reverse=True):
            make_read_only(path)
        make_read_only(where)
    except OSError as exc:
        raise problem(exc, where) from None
    return where


def issued_documents(output: Path, name: str) -> dict[str, Path]:
    """The documents of issued edition `name` by kind, the RKT first (`rkt diff terbit:2025-Awal-Tahun ...`);
    the LAKIN of an issued `2024-LAKIN`."""
    where = folder(output, name)
    docs = {kind: doc for kind in KINDS for doc in sorted(where.glob(document_pattern(kind)))[:1]} \
        if where.is_dir() else {}
    if not docs:
        known = sorted(p.name for p in (Path(output) / ARCHIVE_FOLDER).iterdir() if p.is_dir()) \
            if (Path(output) / ARCHIVE_FOLDER).is_dir() else []
        shown = ", ".join(known) if known else "belum ada"
        raise FileProblem(f"tidak ada edisi terbit '{name}' di {Path(output) / ARCHIVE_FOLDER} (yang ada: {shown})")
    return docs
