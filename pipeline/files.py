"""Files on disk: reading only regular files within a size limit, writing whole or not at all.

Every failure of the operating system becomes a `FileProblem` with a message a planner can act
on (in Bahasa Indonesia, naming the path), never a traceback. A write goes to a temporary file
beside its target and is renamed over it only when complete; an interrupted or failed write
removes the temporary file, so the previous file is always left whole.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import signal
import stat
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path


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
        with _signals_held():  # so an interruption cannot come between creating the file and knowing its name
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


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Hold SIGINT and SIGTERM until the block ends (they are delivered then); a no-op off the main thread."""
    held = {signal.SIGINT, signal.SIGTERM}
    try:
        before = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    except (AttributeError, OSError, ValueError):
        yield
        return
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


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
