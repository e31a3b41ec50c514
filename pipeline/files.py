"""Files on disk: reading only regular files within a size limit, writing whole or not at all.

Every failure of the operating system becomes a `FileProblem` with a message a planner can act
on (in Bahasa Indonesia, naming the path), never a traceback. A write goes to a temporary file
beside its target and is renamed over it only when complete; an interrupted or failed write
removes the temporary file, so the previous file is always left whole.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import importlib
import io
import os
import signal
import stat
import tempfile
import threading
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any


class FileProblem(Exception):
    """A file or folder cannot be read or written; the message says which and why."""


class TooLarge(FileProblem):
    """A file is larger than the limit it is read with."""

    def __init__(self, path: Path, size: int, limit: int):
        self.size, self.limit = size, limit
        super().__init__(f"{path}: file terlalu besar ({_mb(size)}; batas {_mb(limit)})")


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB" if n >= 1024 * 1024 else f"{n} byte"


_KINDS = (
    (stat.S_ISDIR, "sebuah folder"),
    (stat.S_ISFIFO, "sebuah pipe (FIFO)"),
    (stat.S_ISCHR, "sebuah perangkat"),
    (stat.S_ISBLK, "sebuah perangkat"),
    (stat.S_ISSOCK, "sebuah socket"),
)
_REASONS = {
    errno.ENOENT: "tidak ada",
    errno.EACCES: "tidak diizinkan (periksa hak akses)",
    errno.EPERM: "tidak diizinkan (periksa hak akses)",
    errno.EROFS: "berada di sistem file baca-saja",
    errno.ENOSPC: "disk penuh",
    errno.EDQUOT: "kuota disk habis",
    errno.ENAMETOOLONG: "nama file terlalu panjang untuk sistem file ini",
    errno.ENOTDIR: "salah satu foldernya ternyata sebuah file, bukan folder",
    errno.EISDIR: "adalah sebuah folder, bukan file",
    errno.EEXIST: "sudah ada dan bukan folder",
    errno.EMFILE: "terlalu banyak file terbuka",
    errno.EIO: "kesalahan baca/tulis perangkat",
}


def describe(exc: OSError | UnicodeError, path: Path | str | None = None) -> str:
    """`output/x.docx: disk penuh`: an operating-system failure as a planner reads it."""
    if isinstance(exc, UnicodeError):
        return f"{path or ''}: nama atau isi tidak dapat dituliskan dalam UTF-8".lstrip(": ")
    where = path if path is not None else (exc.filename or "")
    reason = _REASONS.get(exc.errno or 0, exc.strerror or type(exc).__name__)
    return f"{where}: {reason}" if where else reason


def problem(exc: OSError | UnicodeError, path: Path | str | None = None) -> FileProblem:
    return FileProblem(describe(exc, path))


def read_regular(path: Path, limit: int) -> bytes:
    """The bytes of `path`, which must be a regular file of at most `limit` bytes.

    Opened without blocking and checked on the open descriptor, so a FIFO, a device or a folder
    named like a workbook is refused at once instead of hanging or reading forever; at most
    `limit + 1` bytes are ever read, whatever the file claims.
    """
    path = Path(path)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise problem(exc, path) from None
    try:
        mode = os.fstat(fd).st_mode
        for test, kind in _KINDS:
            if test(mode):
                raise FileProblem(f"{path}: {kind}, bukan file biasa")
        chunks, size = [], 0
        while size <= limit and (chunk := os.read(fd, min(1 << 20, limit + 1 - size))):
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise TooLarge(path, max(size, os.fstat(fd).st_size), limit)
        return b"".join(chunks)
    except OSError as exc:
        raise problem(exc, path) from None
    finally:
        os.close(fd)


def zip_members(data: bytes, unpacked_limit: int, ratio: int) -> list[zipfile.ZipInfo]:
    """The members of the zip `data`, refused (TooLarge) when they would unpack beyond the limits.

    `ratio` bounds how much one member of over a megabyte may expand: what a zip bomb does.
    Sizes are the zip directory's; Python's zipfile never unpacks a member past its stated size.
    Raises zipfile.BadZipFile for bytes that are no zip.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        infos = zf.infolist()
    unpacked = sum(i.file_size for i in infos)
    bomb = any(i.file_size > 1 << 20 and i.file_size > ratio * max(i.compress_size, 1) for i in infos)
    if unpacked > unpacked_limit or bomb:
        raise TooLarge("isi file setelah diekstrak (zip bomb?)", unpacked, unpacked_limit)
    return infos


def folder_problem(path: Path) -> str | None:
    """Why `path` cannot be used as an existing folder to read from (None: it can)."""
    try:
        mode = Path(path).stat().st_mode
    except OSError as exc:
        return describe(exc, path)
    return None if stat.S_ISDIR(mode) else f"{path}: bukan folder"


@contextlib.contextmanager
def atomic_write(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside `path`; on success rename it over `path`, on failure remove it.

    OSError and UnicodeError become FileProblem naming `path`. An interruption (KeyboardInterrupt,
    or SIGTERM once the CLI has turned it into an exception) removes the temporary file too.
    """
    path = Path(path)
    tmp: Path | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with hold_signals():  # so an interruption cannot come between creating the file and knowing its name
            fd, name = tempfile.mkstemp(prefix=f".{path.name[:40]}.", suffix=".tmp", dir=path.parent)
            tmp = Path(name)
        os.close(fd)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; outputs are shared documents
        yield tmp
        os.replace(tmp, path)
        tmp = None
    except FileNotFoundError as exc:
        raise problem(exc, path.parent) from None
    except FileExistsError as exc:  # mkdir of a parent that is a file
        raise FileProblem(f"{exc.filename or path.parent}: sudah ada sebagai file, bukan folder") from None
    except (OSError, UnicodeError) as exc:
        raise problem(exc, path) from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                tmp.unlink()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_bytes(path: Path, data: bytes) -> Path:
    """Write `data` to `path` atomically."""
    with atomic_write(path) as tmp:
        tmp.write_bytes(data)
    return path


def write_text(path: Path, text: str) -> Path:
    """Write UTF-8 `text` to `path` atomically, with Unix line endings; unencodable characters as U+FFFD."""
    return write_bytes(path, text.encode("utf-8", errors="replace"))


# --- what differs on Windows ----------------------------------------------------------------------
# The planners' machines run Windows. Each place below works there too: one way for both where
# there is one (signals), else the POSIX way (tested for real here) and the Windows way, chosen by
# what the running Python offers (fcntl or msvcrt) or by WINDOWS, which tests set to walk the
# Windows way on Linux.

WINDOWS = os.name == "nt"
NAME_MAX = 255  # bytes of one name (ext4, NTFS and exFAT alike: 255 characters)
PATH_MAX = 4096  # bytes of a whole path on Linux
WINDOWS_PATH_MAX = 259  # MAX_PATH less its terminating NUL: what Explorer, Word and Excel can open


def _held_signals() -> list[int]:
    return [s for s in (signal.SIGINT, signal.SIGTERM, getattr(signal, "SIGBREAK", None)) if s is not None]


@contextlib.contextmanager
def hold_signals() -> Iterator[None]:
    """Hold Ctrl-C and SIGTERM (and Windows' Ctrl-Break) until the block ends; they are delivered then.

    While the block runs, a handler of rkt's notes each signal; when it ends, the handler that
    was set before gets it (or, for a signal left to the system, the system: it is raised again).
    Handlers, not the thread's signal mask: a library's native threads (numpy's, say) would take
    a blocked signal and Python would still run its handler at once; and Windows has no mask.
    Off the main thread, where no handler can be set, the block runs as it is.
    """
    caught: list[int] = []
    previous: dict[int, Any] = {}
    if threading.current_thread() is threading.main_thread():
        for signum in _held_signals():
            handler = signal.getsignal(signum)
            if handler is None:  # set outside Python: it could not be given back
                continue
            with contextlib.suppress(OSError, ValueError):
                signal.signal(signum, lambda n, _frame: caught.append(n))
                previous[signum] = handler
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        for signum in dict.fromkeys(caught):
            handler = previous[signum]
            if callable(handler):
                handler(signum, None)
            elif handler == signal.SIG_DFL:
                signal.raise_signal(signum)


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on the file `path` (made if missing) until the block ends.

    POSIX: fcntl.flock; Windows (no fcntl): msvcrt.locking of the first byte, tried again until
    it is free. Either way the system releases the lock of a process that dies, so a killed build
    never leaves a folder locked.
    """
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o666)
    except OSError as exc:
        raise problem(exc, path) from None
    try:
        fcntl, msvcrt = _module("fcntl"), None
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX)
        elif (msvcrt := _module("msvcrt")) is not None:
            while True:
                os.lseek(fd, 0, os.SEEK_SET)
                try:
                    msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
                    break
                except OSError:
                    time.sleep(0.1)
        try:
            yield
        finally:
            if fcntl is not None:
                fcntl.flock(fd, fcntl.LOCK_UN)
            elif msvcrt is not None:
                os.lseek(fd, 0, os.SEEK_SET)
                with contextlib.suppress(OSError):
                    msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    finally:
        os.close(fd)


def _module(name: str) -> Any:
    """The module `name`, or None where this system has none (fcntl on Windows, msvcrt elsewhere)."""
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


def make_read_only(path: Path) -> None:
    """Make a file or folder read-only for everyone.

    POSIX: no write permission. Windows: the read-only attribute, on files only, since Windows
    ignores it on a folder (os.chmod can set no more there).
    """
    mode = os.lstat(path).st_mode
    if WINDOWS:
        if not stat.S_ISDIR(mode):
            os.chmod(path, stat.S_IREAD)
        return
    os.chmod(path, stat.S_IMODE(mode) & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


def make_writable(path: Path) -> None:
    """Give the owner write permission again (the read-only attribute cleared, on Windows)."""
    mode = os.lstat(path).st_mode
    if WINDOWS:
        os.chmod(path, stat.S_IREAD | stat.S_IWRITE)
        return
    os.chmod(path, stat.S_IMODE(mode) | stat.S_IWUSR)


def remove_tree(path: Path) -> None:
    """Remove the folder `path` and everything in it, read-only files included; symlinks are removed, not followed."""
    path = Path(path)
    if path.is_symlink() or not path.is_dir():
        path.unlink()
        return
    make_writable(path)
    for child in path.iterdir():
        if child.is_dir() and not child.is_symlink():
            remove_tree(child)
        else:
            if not WINDOWS or not child.is_symlink():
                make_writable(child)
            child.unlink()
    path.rmdir()


def editor_locks(path: Path) -> list[Path]:
    """The lock files beside `path` that say a person has it open: Excel's `~$name`, Word's (`~$` over the
    first characters of a long name) and LibreOffice's `.~lock.name#`."""
    path = Path(path)
    name = path.name
    candidates = [f"~${name}", f".~lock.{name}#"]
    if path.suffix.lower() in (".docx", ".doc"):
        candidates += [f"~${name[1:]}", f"~${name[2:]}"]
    return [path.with_name(c) for c in dict.fromkeys(candidates) if os.path.lexists(path.with_name(c))]


def refuse_open(path: Path) -> None:
    """FileProblem when a person has `path` open in Excel, Word or LibreOffice (its lock file is there)."""
    found = editor_locks(path)
    if found:
        raise FileProblem(
            f"{path} sedang dibuka (ada file kunci {found[0].name}); tutup dulu di Excel, Word atau LibreOffice, "
            f"supaya simpanan berikutnya di sana tidak menimpa hasil rkt. Bila tidak sedang dibuka, hapus file "
            f"kunci {found[0]} yang tertinggal, lalu ulangi")


def path_problem(path: Path) -> str | None:
    """Why `path` cannot be made on this system (None: it can): a name or the whole path too long, or
    characters the file system cannot hold. Windows: a path longer than MAX_PATH (259 characters),
    which Word and Excel cannot open even where Windows could write it."""
    text = os.path.abspath(path)
    try:
        encoded = os.fsencode(text)
    except UnicodeError:
        return f"{path}: nama tidak dapat dituliskan oleh sistem file ini"
    parts = Path(text).parts
    if WINDOWS:
        if len(text) > WINDOWS_PATH_MAX:
            return (f"{path}: jalur terlalu panjang untuk Windows ({len(text)} karakter; batas {WINDOWS_PATH_MAX}); "
                    "pilih folder yang lebih pendek")
        too_long = next((p for p in parts if len(p) > NAME_MAX), None)
    else:
        if len(encoded) >= PATH_MAX:
            return f"{path}: jalur terlalu panjang ({len(encoded)} byte; batas {PATH_MAX - 1})"
        too_long = next((p for p in parts if len(os.fsencode(p)) > NAME_MAX), None)
    if too_long is not None:
        return f"{path}: nama {too_long[:40]}... terlalu panjang untuk sistem file ini (batas {NAME_MAX})"
    return None


def rel_problem(root: Path, rel: str) -> str | None:
    """Why `rel` (a name relative to `root`, `/` between folders) may not be written under `root` (None: it may).

    It must stay inside `root` (no `..`, no absolute path), every folder on the way that exists
    must be a real folder (rkt never writes through a symlink) and the target no symlink, and the
    whole fit the file system's limits.
    """
    parts = rel.split("/")
    if rel.startswith("/") or any(p in ("", ".", "..") or "\\" in p or ":" in p for p in parts):
        return f"{rel}: bukan nama di dalam {root}"
    path = Path(root)
    for i, part in enumerate(parts):
        path = path / part
        try:
            mode = os.lstat(path).st_mode
        except FileNotFoundError:
            break
        except OSError as exc:
            return describe(exc, path)
        if stat.S_ISLNK(mode):
            return f"{path} adalah symlink; rkt tidak menulis melalui symlink: pindahkan atau hapus dulu"
        if i < len(parts) - 1 and not stat.S_ISDIR(mode):
            return f"{path}: sudah ada sebagai file, bukan folder"
    return path_problem(Path(root) / rel)


# --- several files, all or nothing ------------------------------------------------------------------

def on_step(step: str) -> None:
    """Called before every change a Changeset makes on disk, with what it is about to do.

    Nothing happens here; a test replaces it to stop a publish at any step (raise, or kill the process).
    """


@dataclass(frozen=True)
class _Change:
    op: str  # "write", "remove" or "seal" (a new folder put in place whole and made read-only)
    rel: str
    data: bytes = b""
    folder: dict[str, bytes] | None = None


class Changeset:
    """Files to write, files to remove and new read-only folders under `root`, put in place all together or not at all.

    `stage()` writes everything new into `staging` (a folder under `root`, so on the same disk)
    and keeps a hard link (or a copy) of every file it will replace: nothing anyone sees has
    changed, and a full disk or an interruption stops it there. It returns the journal: what was
    staged, where, and each new file's SHA-256. `apply()` then renames each into place, quickly
    and with signals held. `recover(root, journal)` undoes whatever part of `apply` was done, by
    the digests: after a failure, and after a process killed in the middle (the caller keeps the
    journal on disk while applying). `discard()` removes the staging folder.
    """

    def __init__(self, root: Path, staging: Path):
        self.root, self.staging = Path(root), Path(staging)
        self.changes: list[_Change] = []
        self.journal: dict[str, Any] = {}

    def write(self, rel: str, data: bytes) -> None:
        self.changes.append(_Change("write", rel, data))

    def remove(self, rel: str) -> None:
        self.changes.append(_Change("remove", rel))

    def seal(self, rel: str, files: dict[str, bytes]) -> None:
        self.changes.append(_Change("seal", rel, folder=files))

    def stage(self) -> dict[str, Any]:
        """Write everything new into the staging folder; FileProblem (staging removed) when it cannot."""
        entries, folders = [], []
        current = self.root  # named in the message when the disk fails
        try:
            on_step("stage")
            if os.path.lexists(self.staging):
                remove_tree(self.staging)
            self.staging.mkdir(parents=True)
            for i, change in enumerate(self.changes):
                target = current = self.root / change.rel
                entry: dict[str, Any] = {"op": change.op, "rel": change.rel, "staged": f"{change.op[0]}{i}"}
                staged = self.staging / entry["staged"]
                if change.op == "write":
                    on_step(f"stage {change.rel}")
                    _write_new(staged, change.data)
                    entry["sha256"] = hashlib.sha256(change.data).hexdigest()
                    if os.path.lexists(target):
                        on_step(f"keep {change.rel}")
                        entry["backup"] = f"b{i}"
                        _keep(target, self.staging / entry["backup"])
                elif change.op == "seal":
                    on_step(f"stage {change.rel}")
                    staged.mkdir()
                    for name, data in sorted(change.folder.items()):
                        _write_new(staged / name, data, parents=True)
                    for path in sorted(staged.rglob("*"), reverse=True):
                        make_read_only(path)
                if change.op != "remove":
                    folders += [f for f in _missing_folders(self.root, change.rel) if f not in folders]
                entries.append(entry)
            _sync_folder(self.staging)
        except BaseException as exc:
            self.discard()
            if isinstance(exc, (OSError, UnicodeError)):
                raise problem(exc, current) from None
            raise
        self.journal = {"staging": self.staging.relative_to(self.root).as_posix(), "changes": entries,
                        "folders": folders}
        return self.journal

    def apply(self) -> None:
        """Rename everything staged into place (each folder missing on the way made first); raises OSError
        naming the target it failed at."""
        current = self.root
        try:
            for folder in self.journal["folders"]:
                on_step(f"folder {folder}")
                current = self.root / folder
                os.mkdir(current)
            for entry in self.journal["changes"]:
                current, staged = self.root / entry["rel"], self.staging / entry["staged"]
                if entry["op"] == "write":
                    on_step(f"publish {entry['rel']}")
                    os.replace(staged, current)
                elif entry["op"] == "remove":
                    on_step(f"remove {entry['rel']}")
                    os.replace(current, staged)
                else:
                    on_step(f"issue {entry['rel']}")
                    if os.path.lexists(current):  # POSIX would put a folder over an empty one
                        raise FileExistsError(errno.EEXIST, "sudah ada")
                    os.rename(staged, current)
                    make_read_only(current)
        except OSError as exc:
            exc.filename, exc.filename2 = str(current), None
            raise

    def discard(self) -> None:
        """Remove the staging folder (what is left of it); a failure is left for the next run to clean."""
        with contextlib.suppress(OSError):
            if os.path.lexists(self.staging):
                on_step("clean")
                remove_tree(self.staging)


def recover(root: Path, journal: dict[str, Any]) -> None:
    """Undo what part of a Changeset's `apply` was done: each file back as it was, by its digest.

    A file that holds the new bytes gets its kept link back (or is removed, if there was none);
    a removed file that is still staged comes back; a sealed folder that was put in place goes
    back to staging; folders made for it are removed when empty. Whatever cannot be undone (a
    disk failing now) is left as it is: the caller reconciles its records with what is there.
    """
    root = Path(root)
    staging = root / journal.get("staging", "")
    for entry in reversed(journal.get("changes", [])):
        target, staged = root / entry["rel"], staging / entry["staged"]
        with contextlib.suppress(OSError):
            if entry["op"] == "write" and digest(target) == entry.get("sha256"):
                backup = staging / entry["backup"] if entry.get("backup") else None
                on_step(f"undo {entry['rel']}")
                if backup is None:
                    target.unlink()
                elif os.path.lexists(backup):
                    os.replace(backup, target)
            elif entry["op"] == "remove" and not os.path.lexists(target) and os.path.lexists(staged):
                on_step(f"undo {entry['rel']}")
                os.replace(staged, target)
            elif entry["op"] == "seal" and os.path.lexists(target) and not os.path.lexists(staged):
                on_step(f"undo {entry['rel']}")
                make_writable(target)
                os.rename(target, staged)
    for folder in reversed(journal.get("folders", [])):
        with contextlib.suppress(OSError):
            os.rmdir(root / folder)


def digest(path: Path) -> str | None:
    """The SHA-256 of the regular file at `path` (a symlink is not followed), or None when there is none."""
    try:
        if not stat.S_ISREG(os.lstat(path).st_mode):
            return None
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return None


def write_all(files: dict[Path, bytes], root: Path) -> list[Path]:
    """Write every file of `files` (each under the folder `root`) or none: staged, then renamed in
    together with signals held; a failure puts back what was there. Raises FileProblem."""
    root = Path(root)
    changes = Changeset(root, root / f".rkt-{os.getpid()}-{time.monotonic_ns()}.tmp")
    for path in files:
        why = rel_problem(root, Path(path).relative_to(root).as_posix())
        if why:
            raise FileProblem(why)
    try:
        root.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise FileProblem(f"{root}: sudah ada sebagai file, bukan folder") from None
    except OSError as exc:
        raise problem(exc, root) from None
    for path, data in files.items():
        changes.write(Path(path).relative_to(root).as_posix(), data)
    journal = changes.stage()
    try:
        with hold_signals():
            try:
                changes.apply()
            except BaseException:
                recover(root, journal)
                raise
    except OSError as exc:
        raise problem(exc, getattr(exc, "filename", None) or root) from None
    finally:
        changes.discard()
    return [Path(p) for p in files]


def _write_new(path: Path, data: bytes, parents: bool = False) -> None:
    """Write a new file whole and on the disk (fsync) before anything refers to it."""
    if parents:
        path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666 & ~_umask())
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        os.fsync(fd)
    finally:
        os.close(fd)


def _keep(target: Path, backup: Path) -> None:
    """A second name for the file at `target` (a hard link), or a copy where the file system has no links."""
    try:
        os.link(target, backup, follow_symlinks=False)
    except OSError:
        _write_new(backup, Path(target).read_bytes())


def _missing_folders(root: Path, rel: str) -> list[str]:
    """The folders on the way to `rel` that do not exist yet, outermost first."""
    parts = rel.split("/")[:-1]
    return ["/".join(parts[:i]) for i in range(1, len(parts) + 1) if not os.path.lexists(Path(root, *parts[:i]))]


def _sync_folder(folder: Path) -> None:
    """Put a folder's entries on the disk (POSIX; Windows cannot open a folder, and needs not)."""
    if WINDOWS:
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
