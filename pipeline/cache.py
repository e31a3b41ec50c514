"""A small disk cache for bytes that cost more to make than to read: the prepared template, chart parts.

Every key is a hash of all that decides the bytes (the input and the version of the code that
makes them), so an entry is never stale: changed figures or a changed template are a new key.
The cache only saves time; a build gives the same document with or without it. Each entry carries
the digest of its bytes, so a damaged entry is made afresh rather than used. When the folder
cannot be written (a read-only home, a sandbox) everything is made afresh, and `RKT_NO_CACHE=1`
turns it off (the benchmark measures both).

The folder is `$XDG_CACHE_HOME/rkt/<kind>` (default `~/.cache/rkt/<kind>`); deleting it is always safe.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
from pathlib import Path

from .files import FileProblem, write_bytes


@functools.cache
def folder(kind: str) -> Path | None:
    """The writable cache folder for `kind`, or None when caching is off or impossible."""
    if os.environ.get("RKT_NO_CACHE"):
        return None
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "rkt" / kind
    try:
        base.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return base if os.access(base, os.W_OK) else None


def key(*parts: bytes | str) -> str:
    """A hash of the parts, each length-prefixed so that no two different lists collide."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


_DIGEST = 32  # every entry ends with the SHA-256 of its bytes


def get(kind: str, name: str) -> bytes | None:
    """The bytes stored under `name`, or None when absent, unreadable or not what was stored."""
    base = folder(kind)
    if base is None:
        return None
    try:
        entry = (base / name).read_bytes()
    except OSError:
        return None
    data, digest = entry[:-_DIGEST], entry[-_DIGEST:]
    return data if len(entry) >= _DIGEST and hashlib.sha256(data).digest() == digest else None


def put(kind: str, name: str, data: bytes) -> None:
    """Store `data` with its digest, written atomically: a reader never sees half an entry, and a
    damaged one is read as absent. Failure to write is not an error."""
    base = folder(kind)
    if base is None:
        return
    with contextlib.suppress(OSError, FileProblem):
        write_bytes(base / name, data + hashlib.sha256(data).digest())


def source_version(module_file: str | None) -> bytes:
    """The bytes of a source file, as the version of the code in it (b"" if unreadable)."""
    try:
        return Path(module_file or "").read_bytes()
    except OSError:
        return b""
