"""The output folder: rkt writes there only files it may replace, and removes only files it wrote.

Every file a build writes goes through an `OutputFolder`. It keeps a manifest
(`.rkt/manifest.json`) of each file it wrote: its SHA-256 and the office it was written for.
A file is replaced only when it is absent, or unchanged since rkt wrote it for the same office
(or, for a file from before the manifest, an rkt document or a file at a name rkt gives);
removed only when the manifest records it and it is unchanged. A planner's edit to a marked
copy, a document edited in Word, another office's document: all are refused before anything
is written, with a message saying what to do.

An output folder may not be an input folder, and an input folder may not lie inside the
folders rkt manages in its output (the marked copies, the previous documents, the archive):
a build from marked copies would overwrite the very workbooks it reads. Nothing rkt writes
may lie inside an issued edition (pipeline/archive.py): `refuse_inside` guards every command.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from pipeline.files import FileProblem, atomic_write, describe, locked, problem
from pipeline.names import ARCHIVE_MARK, LOCK, MANAGED, MANIFEST, REPORT_FOLDER, SNAPSHOT_PART, STATE_FOLDER


class OutputRefused(FileProblem):
    """The output cannot be written without replacing or removing what rkt may not touch."""


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def resolved(path: Path) -> Path:
    """`path` made absolute, its links followed where they can be (a loop is left as it is)."""
    try:
        return Path(path).resolve()
    except (OSError, RuntimeError):  # a symlink loop
        return Path(os.path.abspath(path))


def inside(path: Path) -> Path | None:
    """The issued edition `path` is in (or is), if any: no command writes or edits there."""
    try:
        path = Path(path).resolve()
    except (OSError, RuntimeError):
        return None
    return next((p for p in (path, *path.parents) if (p / ARCHIVE_MARK).exists()), None)


def refuse_inside(path: Path, what: str) -> None:
    """OutputRefused when `path` lies in an issued edition."""
    edition = inside(path)
    if edition is not None:
        raise OutputRefused(f"{what} {path} berada di dalam edisi terbit {edition}, yang tidak pernah diubah; "
                            "salin dulu ke folder lain")


def check_folders(inputs: Path, output: Path) -> None:
    """Refuse an output folder that is the input folder, or an input folder inside rkt's own folders."""
    refuse_inside(output, "folder output")
    src, out = resolved(inputs), resolved(output)
    if src == out:
        raise OutputRefused(
            f"folder output {output} sama dengan folder input; pilih folder lain untuk hasil build "
            "(mis. --output output), supaya workbook tidak tercampur dengan hasil rkt")
    for managed in MANAGED:
        if _inside(src, out / managed):
            hint = ("workbook di sana adalah salinan bertanda hasil rkt dan akan ditimpa oleh build berikutnya"
                    if managed == REPORT_FOLDER else "folder itu dikelola rkt")
            raise OutputRefused(
                f"folder input {inputs} berada di dalam {output / managed}: {hint}. Salin workbook yang "
                f"sudah diperbaiki ke folder input Anda (mis. inputs/), lalu jalankan "
                f"rkt build --inputs inputs --output {output}")


class OutputFolder:
    """One build's view of its output folder, for one owner (an office, or an unreadable input folder).

    `owner` identifies whom the files are for; `origin` (the input folder) is named in messages.
    `inputs` are the files being read: never written or removed, whatever the paths.
    """

    def __init__(self, root: Path, owner: str, origin: Path, inputs: Iterable[Path] = ()):
        self.root = Path(root)
        self.owner = owner
        self.origin = resolved(origin)
        self.inputs = {resolved(p) for p in inputs}
        self._state = self.root / STATE_FOLDER

    # --- the manifest ---------------------------------------------------------------------------

    def _load(self) -> dict[str, dict]:
        try:
            data = json.loads((self._state / MANIFEST).read_text("utf-8"))
        except (OSError, ValueError, UnicodeError):
            return {}
        files = data.get("files") if isinstance(data, dict) else None
        return {k: v for k, v in files.items() if isinstance(v, dict)} if isinstance(files, dict) else {}

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        """Hold the output folder's lock: builds of several offices update one manifest."""
        try:
            self._state.mkdir(parents=True, exist_ok=True)
        except FileExistsError:
            raise FileProblem(f"{self.root}: sudah ada sebagai file, bukan folder") from None
        except OSError as exc:
            raise problem(exc, self._state) from None
        with locked(self._state / LOCK):
            yield

    def _record(self, rel: str, digest: str | None) -> None:
        with self._locked():
            files = self._load()
            if digest is None:
                files.pop(rel, None)
            else:
                files[rel] = {"sha256": digest, "owner": self.owner, "inputs": str(self.origin)}
            body = json.dumps({"files": dict(sorted(files.items()))}, ensure_ascii=False, indent=1)
            with atomic_write(self._state / MANIFEST) as tmp:
                tmp.write_text(body + "\n", "utf-8", errors="replace")

    # --- what may be written --------------------------------------------------------------------

    def refusal(self, rel: str, files: dict[str, dict] | None = None) -> str | None:
        """Why `rel` may not be written now (None: it may)."""
        path = self.root / rel
        if resolved(path) in self.inputs:
            return f"{path} adalah workbook input yang sedang dibaca; rkt tidak menimpa input"
        try:
            current = path.read_bytes() if path.is_file() else None
        except OSError as exc:
            return describe(exc, path)
        if current is None:
            if path.exists() or path.is_symlink():
                return f"{path} sudah ada tetapi bukan file biasa; pindahkan atau hapus dulu"
            return None
        entry = (self._load() if files is None else files).get(rel)
        if entry is None:  # from before the manifest: only documents rkt can recognise as its own
            foreign = rel.endswith(".xlsx") or rel.endswith(".docx") and not _is_rkt_document(path)
            return f"{path} sudah ada dan tidak ditulis oleh rkt; pindahkan atau hapus dulu" if foreign else None
        if entry.get("owner") != self.owner:
            return (f"{path} ditulis untuk {entry.get('owner')} (dari folder {entry.get('inputs')}), bukan untuk "
                    f"{self.owner} (dari folder {self.origin}): dua kantor tidak boleh menulis file yang sama. "
                    "Pakai --output lain, atau hapus file itu bila memang hendak diganti")
        if entry.get("sha256") != sha256(current):
            what = ("salinan bertanda ini diubah setelah ditulis rkt; salin perbaikannya ke folder input, lalu "
                    "pindahkan atau hapus file ini" if rel.endswith(".xlsx") else
                    "file ini diubah setelah ditulis rkt; simpan perubahannya dengan nama lain atau hapus file ini")
            return f"{path}: {what}, lalu build lagi"
        return None

    def claim(self, rels: Iterable[str]) -> None:
        """Refuse, before anything is written, when any of `rels` may not be written."""
        files = self._load()
        reasons = [r for rel in rels if (r := self.refusal(rel, files))]
        if reasons:
            raise OutputRefused("; ".join(dict.fromkeys(reasons)))

    # --- writing and removing -------------------------------------------------------------------

    def write(self, rel: str, data: bytes) -> Path:
        """Write `data` to `rel` atomically (refused as `claim` would) and record it."""
        reason = self.refusal(rel)
        if reason:
            raise OutputRefused(reason)
        path = self.root / rel
        with atomic_write(path) as tmp:
            tmp.write_bytes(data)
        self._record(rel, sha256(data))
        return path

    def read(self, rel: str) -> bytes | None:
        """The current bytes of `rel`, or None when it is not a file."""
        path = self.root / rel
        try:
            return path.read_bytes() if path.is_file() else None
        except OSError as exc:
            raise problem(exc, path) from None

    def remove_stale(self, folder: str, keep: Iterable[str]) -> list[Path]:
        """Remove the files of `folder` that rkt wrote, still unchanged, and that are not in `keep`."""
        keep = set(keep)
        removed = []
        for rel, entry in sorted(self._load().items()):
            if not rel.startswith(folder.rstrip("/") + "/") or rel in keep or entry.get("owner") != self.owner:
                continue
            path = self.root / rel
            try:
                if not path.is_file():
                    self._record(rel, None)
                    continue
                if sha256(path.read_bytes()) != entry.get("sha256") or resolved(path) in self.inputs:
                    continue
                path.unlink()
            except OSError as exc:
                raise problem(exc, path) from None
            self._record(rel, None)
            removed.append(path)
        return removed


def _is_rkt_document(path: Path) -> bool:
    """A .docx that rkt built (it carries rkt's snapshot part)."""
    try:
        with zipfile.ZipFile(path) as zf:
            return SNAPSHOT_PART in zf.namelist()
    except (OSError, zipfile.BadZipFile, ValueError):
        return False
