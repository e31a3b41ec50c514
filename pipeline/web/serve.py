"""`rkt serve`: the page on waitress, a production WSGI server in pure Python that also runs on Windows.

Bound to this computer (127.0.0.1) unless `--host` says otherwise; then every office folder must
have an access key first (`rkt kunci`), or the server does not start. The browser opens on the
page unless `--no-browser`. Ctrl+C (or SIGTERM) stops it; a build in progress finishes first.
"""

from __future__ import annotations

import ipaddress
import threading
import webbrowser
from collections.abc import Sequence
from pathlib import Path

import click
from waitress import create_server

from pipeline.files import FileProblem, folder_problem
from pipeline.outputs import resolved
from pipeline.web import keys
from pipeline.web.app import create_app

THREADS = 8  # requests served at once: an upload waiting for its office's build holds one


class ServeError(Exception):
    """The server cannot start: a folder, a missing access key, an address in use."""


def is_loopback(host: str) -> bool:
    """Whether `host` is this computer only (127.0.0.0/8, ::1, localhost)."""
    if host.casefold() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check(folders: Sequence[Path], host: str) -> None:
    """Refuse, before anything starts, folders that are not office folders and a network without keys."""
    seen: dict[Path, Path] = {}
    for folder in folders:
        why = folder_problem(folder)
        if why is not None:
            raise ServeError(f"folder kantor {why}")
        same = seen.setdefault(resolved(folder), folder)
        if same is not folder:
            raise ServeError(f"folder {folder} diberikan dua kali (juga sebagai {same})")
    if is_loopback(host):
        return
    try:
        missing = [str(f) for f in folders if keys.stored(f) is None]
    except FileProblem as exc:
        raise ServeError(str(exc)) from None
    if missing:
        raise ServeError(
            f"--host {host} membuka halaman untuk komputer lain, jadi setiap folder kantor perlu kunci akses; "
            f"belum ada untuk: {', '.join(missing)}. Buat dengan: rkt kunci --inputs <folder> (sekali per kantor)")


def serve(folders: Sequence[Path], host: str = "127.0.0.1", port: int = 8000, browser: bool = True) -> None:
    """Serve the page for `folders` until interrupted."""
    folders = [Path(f) for f in folders]
    check(folders, host)
    app = create_app(folders, loopback=is_loopback(host))
    try:
        server = create_server(app, host=host, port=port, threads=THREADS, ident="rkt")
    except OSError as exc:
        raise ServeError(f"tidak dapat membuka {host}:{port}: {exc.strerror or exc}; coba --port lain") from None
    listening = getattr(server, "effective_listen", None) or [(server.effective_host, server.effective_port)]
    bound, bound_port = listening[0]
    shown = "127.0.0.1" if bound in ("0.0.0.0", "::") else bound
    url = f"http://{'[' + shown + ']' if ':' in str(shown) else shown}:{bound_port}/"
    click.echo(f"rkt melayani {len(folders)} kantor di {url}")
    if not is_loopback(host):
        click.echo(f"Terbuka untuk komputer lain di {host}:{bound_port}; setiap kantor memerlukan kunci aksesnya.")
    click.echo("Tekan Ctrl+C untuk berhenti.")
    if browser:
        threading.Timer(0.5, webbrowser.open, [url]).start()
    try:
        server.run()
    except KeyboardInterrupt:
        click.echo("Berhenti.", err=True)
    finally:
        server.close()
