"""Access keys: one per office folder, set by whoever runs the server, kept only as a hash.

The hash is werkzeug's (scrypt, salted: a standard key-derivation function, from the library Flask
is built on) and lives in the office folder (`.rkt-kunci`), so the folder carries its key wherever
it goes and `rkt kunci` changes it without a restart. A browser that gave the key holds, in its
signed session, a fingerprint of the hash it matched: a key changed since signs it out.
"""

from __future__ import annotations

import hashlib
import secrets
from pathlib import Path

from werkzeug.security import check_password_hash, generate_password_hash

from pipeline.files import FileProblem, problem, write_text
from pipeline.names import ACCESS_KEY

SHORTEST = 8  # characters of a key a person types


def key_file(inputs: Path) -> Path:
    return Path(inputs) / ACCESS_KEY


def stored(inputs: Path) -> str | None:
    """The stored hash of the office's key, or None when it has none."""
    try:
        text = key_file(inputs).read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise problem(exc, key_file(inputs)) from None
    return text or None


def fingerprint(hashed: str) -> str:
    """What a session keeps of the hash it was let in by: enough to notice a new key, nothing to guess it from."""
    return hashlib.sha256(hashed.encode("utf-8")).hexdigest()[:16]


def matches(inputs: Path, key: str) -> str | None:
    """The fingerprint of the office's key when `key` is it, else None (also when the office has no key)."""
    hashed = stored(inputs)
    if hashed is None or not key:
        return None
    try:
        return fingerprint(hashed) if check_password_hash(hashed, key) else None
    except (ValueError, TypeError):  # a hash file edited by hand into something else
        return None


def new_key() -> str:
    """A key nobody will guess: 16 random characters a person can still type."""
    return secrets.token_urlsafe(12)


def set_key(inputs: Path, key: str) -> Path:
    """Store the hash of `key` as the office's access key (replacing any); FileProblem when it is too short."""
    if len(key) < SHORTEST:
        raise FileProblem(f"kunci akses minimal {SHORTEST} karakter")
    if not Path(inputs).is_dir():
        raise FileProblem(f"{inputs}: bukan folder")
    return write_text(key_file(inputs), generate_password_hash(key) + "\n")


def remove_key(inputs: Path) -> bool:
    """Remove the office's access key; whether it had one."""
    try:
        key_file(inputs).unlink()
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise problem(exc, key_file(inputs)) from None
    return True
