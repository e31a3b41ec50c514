"""The output folder: rkt writes there only files it may replace, removes only files it wrote, and
publishes each command's files all together or not at all.

Every file a build writes goes through an `OutputFolder`. It keeps a manifest
(`.rkt/manifest.json`) of each file it wrote: its SHA-256 and the office it was written for.
A file is replaced only when it is absent, or unchanged since rkt wrote it for the same office
(or, for a file from before the manifest, an rkt document or a file at a name rkt gives);
removed only when the manifest records it and it is unchanged. A planner's edit to a marked
copy, a document edited in Word, another office's document, a file open in Word or Excel, a
symlink on the way: all are refused before anything is written, with a message saying what to do.

A command's files are one `Publication` (`OutputFolder.transaction()`), made under the folder's
lock: every file is first staged in `.rkt/staging/` (a full disk or an interruption stops it
there, nothing visible changed); then the manifest records the staged digests as pending, the
files are renamed into place with Ctrl-C and SIGTERM held, and the manifest records them done.
A process killed between the two leaves the pending record: the next command on the folder puts
back what was there before anything else, so the folder never holds a half-published set that
rkt does not recognise, and never needs cleaning by hand.

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
import stat
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from pipeline import files as files_module
from pipeline.files import (
    Changeset,
    FileProblem,
    atomic_write,
    describe,
    digest,
    editor_locks,
    hold_signals,
    locked,
    problem,
    recover,
    rel_problem,
    remove_tree,
)
from pipeline.names import (
    ARCHIVE_MARK,
    LOCK,
    MANAGED,
    MANIFEST,
    REPORT_FOLDER,
    SNAPSHOT_PART,
    STAGING,
    STATE_FOLDER,
)


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
    """The issued edition `path` is in (or is), if any: no command writes or edits there.

    An issued edition is a real folder holding its mark as a regular file.
    """
    try:
        path = Path(path).resolve()
    except (OSError, RuntimeError):
        return None
    return next((p for p in (path, *path.parents) if _is_mark(p / ARCHIVE_MARK)), None)


def _is_mark(path: Path) -> bool:
    try:
        return stat.S_ISREG(os.lstat(path).st_mode) and stat.S_ISDIR(os.lstat(path.parent).st_mode)
    except OSError:
        return False


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
    """One command's view of its output folder, for one owner (an office, or an unreadable input folder).

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

    def _manifest(self) -> dict[str, Any]:
        """The manifest as stored: `files` (each file rkt wrote) and, while a publish is under way or was
        killed, `pending` (what it is putting in place)."""
        try:
            data = json.loads((self._state / MANIFEST).read_text("utf-8"))
        except (OSError, ValueError, UnicodeError):
            return {"files": {}}
        data = data if isinstance(data, dict) else {}
        files = data.get("files")
        files = {k: v for k, v in files.items() if isinstance(v, dict)} if isinstance(files, dict) else {}
        pending = data.get("pending")
        return {"files": files, **({"pending": pending} if isinstance(pending, dict) else {})}

    def _load(self) -> dict[str, dict]:
        """Each file rkt wrote; a file a publish under way put in place counts as written with its new digest."""
        data = self._manifest()
        files = dict(data["files"])
        for rel, entry in (data.get("pending") or {}).get("files", {}).items():
            if isinstance(entry, dict) and digest(self.root / rel) == entry.get("sha256"):
                files[rel] = entry
        return files

    def _save(self, files: dict[str, dict], pending: dict[str, Any] | None = None) -> None:
        body = {"files": dict(sorted(files.items())), **({"pending": pending} if pending else {})}
        with atomic_write(self._state / MANIFEST) as tmp:
            tmp.write_text(json.dumps(body, ensure_ascii=False, indent=1) + "\n", "utf-8", errors="replace")

    def entry(self, data: bytes) -> dict[str, str]:
        """What the manifest records of a file written for this owner."""
        return {"sha256": sha256(data), "owner": self.owner, "inputs": str(self.origin)}

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        """Hold the output folder's lock: builds of several offices publish into one folder, one at a time."""
        why = rel_problem(self.root, f"{STATE_FOLDER}/{LOCK}")
        if why:
            raise OutputRefused(why)
        try:
            self._state.mkdir(parents=True, exist_ok=True)
        except FileExistsError:
            raise FileProblem(f"{self.root}: sudah ada sebagai file, bukan folder") from None
        except OSError as exc:
            raise problem(exc, self._state) from None
        with locked(self._state / LOCK):
            yield

    def _recover(self) -> dict[str, dict]:
        """Put back what a publish killed half-way had put in place, and clear its staging; the files rkt wrote."""
        data = self._manifest()
        files, pending = data["files"], data.get("pending")
        if pending:
            recover(self.root, pending.get("journal", {}))
            files = self._reconcile(files, pending)
            self._save(files)
        staging = self._state / STAGING
        if os.path.lexists(staging):
            with contextlib.suppress(OSError):
                remove_tree(staging)
        return files

    def _reconcile(self, files: dict[str, dict], pending: dict[str, Any]) -> dict[str, dict]:
        """The manifest's files as they are on disk after an undo: a new file that could not be put back
        counts as written, a removed one that could not be put back as gone."""
        files = dict(files)
        for rel, entry in pending.get("files", {}).items():
            now = digest(self.root / rel)
            if isinstance(entry, dict) and now == entry.get("sha256"):
                files[rel] = entry
            elif entry is None and now is None:
                files.pop(rel, None)
        return files

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Publication]:
        """A Publication under the folder's lock: what the block adds to it is published when the block ends
        (all or nothing), nothing when the block raises."""
        with self._locked():
            publication = Publication(self, self._recover())
            yield publication
            publication.commit()

    # --- what may be written --------------------------------------------------------------------

    def refusal(self, rel: str, files: dict[str, dict] | None = None) -> str | None:
        """Why `rel` may not be written now (None: it may)."""
        path = self.root / rel
        why = rel_problem(self.root, rel)
        if why:
            return why
        if resolved(path) in self.inputs:
            return f"{path} adalah workbook input yang sedang dibaca; rkt tidak menimpa input"
        locks = editor_locks(path)
        if locks:
            return (f"{path} sedang dibuka (ada file kunci {locks[0].name}); tutup dulu di Word, Excel atau "
                    f"LibreOffice (bila tidak sedang dibuka, hapus file kunci {locks[0]} yang tertinggal), lalu "
                    "build lagi")
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

    # --- one file at a time (each its own publication) ------------------------------------------

    def write(self, rel: str, data: bytes) -> Path:
        """Write `data` to `rel` (refused as `claim` would) and record it."""
        with self.transaction() as publication:
            publication.write(rel, data)
        return self.root / rel

    def read(self, rel: str) -> bytes | None:
        """The current bytes of `rel`, or None when it is not a file."""
        path = self.root / rel
        try:
            return path.read_bytes() if path.is_file() else None
        except OSError as exc:
            raise problem(exc, path) from None

    def remove_stale(self, folder: str, keep: Iterable[str]) -> list[Path]:
        """Remove the files of `folder` that rkt wrote, still unchanged, and that are not in `keep`."""
        with self.transaction() as publication:
            return publication.remove_stale(folder, keep)


class Publication:
    """The files one command writes to an output folder and the files it removes, published together.

    Made by `OutputFolder.transaction()`; `write`, `remove` and `seal` (a new read-only folder: an
    issued edition) only collect; `commit` refuses the whole set before anything is written when
    any file may not be written, then stages it and puts it in place (see the module's docstring).
    """

    def __init__(self, folder: OutputFolder, files: dict[str, dict]):
        self.folder = folder
        self.files = files  # what the manifest records now
        self.writes: dict[str, bytes] = {}
        self.removes: list[str] = []
        self.forget: list[str] = []  # recorded files no longer there
        self.seals: dict[str, dict[str, bytes]] = {}

    def read(self, rel: str) -> bytes | None:
        return self.folder.read(rel)

    def write(self, rel: str, data: bytes) -> None:
        self.writes[rel] = data

    def seal(self, rel: str, files: dict[str, bytes]) -> None:
        """Put the folder `rel` in place whole with `files` in it, read-only; it must not exist."""
        self.seals[rel] = files

    def remove(self, rel: str) -> bool:
        """Remove `rel` if rkt wrote it for this owner and it is unchanged since (else leave it); whether it will go."""
        entry, path = self.files.get(rel), self.folder.root / rel
        if entry is None or entry.get("owner") != self.folder.owner or rel in self.writes:
            return False
        if rel_problem(self.folder.root, rel) or resolved(path) in self.folder.inputs:
            return False
        now = digest(path)
        if now is None and not os.path.lexists(path):
            self.forget.append(rel)
            return False
        if now != entry.get("sha256"):
            return False
        self.removes.append(rel)
        return True

    def remove_stale(self, folder: str, keep: Iterable[str]) -> list[Path]:
        """Remove the files of `folder` that rkt wrote, still unchanged, and that are not in `keep`."""
        keep, prefix = set(keep), folder.rstrip("/") + "/"
        return [self.folder.root / rel for rel in sorted(self.files)
                if rel.startswith(prefix) and rel not in keep and self.remove(rel)]

    def commit(self) -> None:
        """Publish the set: refused whole (OutputRefused) or put in place whole; FileProblem when the disk
        fails, the folder then as it was."""
        out = self.folder
        reasons = [r for rel in self.writes if (r := out.refusal(rel, self.files))]
        reasons += [r for rel in self.seals if (r := rel_problem(out.root, rel) or (
            f"{out.root / rel} sudah ada" if os.path.lexists(out.root / rel) else None))]
        if reasons:
            raise OutputRefused("; ".join(dict.fromkeys(reasons)))
        files = dict(self.files)
        for rel in [*self.removes, *self.forget]:
            files.pop(rel, None)
        files.update({rel: out.entry(data) for rel, data in self.writes.items()})
        if not self.writes and not self.removes and not self.seals:
            if files != self.files:
                out._save(files)
            return
        changes = Changeset(out.root, out._state / STAGING)
        for rel in self.removes:
            changes.remove(rel)
        for rel, data in self.writes.items():
            changes.write(rel, data)
        for rel, folder in self.seals.items():
            changes.seal(rel, folder)
        journal = changes.stage()
        pending = {"files": {**dict.fromkeys(self.removes), **{rel: files[rel] for rel in self.writes}},
                   "journal": journal}
        try:
            with hold_signals():
                try:
                    files_module.on_step("journal")
                    out._save(self.files, pending)
                    changes.apply()
                    files_module.on_step("record")
                    out._save(files)
                except BaseException:
                    self._undo(pending)
                    raise
        except OSError as exc:
            raise problem(exc, getattr(exc, "filename", None) or out.root) from None
        finally:
            changes.discard()
        for rel in self.removes:  # a folder of rkt's left empty (marked copies, sebelumnya/) goes with its last file
            parts = rel.split("/")[:-1]
            with contextlib.suppress(OSError):
                for i in range(len(parts), 0, -1):
                    (out.root / "/".join(parts[:i])).rmdir()

    def _undo(self, pending: dict[str, Any]) -> None:
        """Put back what was there; the manifest then says so. Should the disk fail meanwhile, the
        pending record stays and the next command on the folder finishes the undo."""
        out = self.folder
        with contextlib.suppress(OSError, FileProblem):
            recover(out.root, pending["journal"])
            out._save(out._reconcile(self.files, pending))


def _is_rkt_document(path: Path) -> bool:
    """A .docx that rkt built (it carries rkt's snapshot part)."""
    try:
        with zipfile.ZipFile(path) as zf:
            return SNAPSHOT_PART in zf.namelist()
    except (OSError, zipfile.BadZipFile, ValueError):
        return False
