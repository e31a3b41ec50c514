"""The page: Flask routes over `Office` (pipeline/web/office.py) and the jobs that build (pipeline/web/work.py).

Server-rendered Jinja pages in Bahasa Indonesia, every asset from the package (pages/, static/), a
little script for drag and drop and progress, and every page working without it. The guards:

- an office with an access key (pipeline/web/keys.py) is shown only to a browser that gave it; an
  office without one only on a loopback address (`rkt serve` refuses another host without keys);
- every POST carries the session's CSRF token (a random value in Flask's signed session cookie,
  compared in constant time): the synchronizer-token pattern, a dozen lines here instead of a
  form library;
- every file sent is one the office lists (`Office.downloads`), by name, never by a path typed in;
- uploads are limited as the workbooks are (pipeline/inputs/read.py), their names never used as paths;
- every error is a page with a message, never a trace (the trace goes to the console).
"""

from __future__ import annotations

import hmac
import io
import secrets
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from pathlib import Path

from flask import (
    Blueprint,
    Flask,
    Response,
    abort,
    current_app,
    jsonify,
    redirect,
    render_template,
    request,
    send_file,
    session,
    url_for,
)
from werkzeug.exceptions import HTTPException

from pipeline.document.pdf import soffice
from pipeline.files import FileProblem
from pipeline.inputs.read import LIMITS, Limits
from pipeline.names import slug
from pipeline.web import keys, work
from pipeline.web.jobs import Jobs
from pipeline.web.office import MARKED, Busy, Office, groups

CSRF_FIELD = "csrf"
CSRF_HEADER = "X-CSRF-Token"
SEVERITIES = {"galat": "error", "peringatan": "warning"}
MESSAGES = {
    400: "Permintaan tidak sah. Muat ulang halaman lalu coba lagi.",
    403: "Halaman ini memerlukan kunci akses kantor.",
    404: "Halaman atau file itu tidak ada.",
    405: "Cara membuka halaman itu tidak diizinkan.",
    413: "File terlalu besar untuk diunggah.",
}
pages = Blueprint("rkt", __name__)


@dataclass
class Site:
    """What the server holds: the offices by id, their jobs, and whether it listens on this computer only."""

    offices: dict[str, Office]
    jobs: Jobs
    loopback: bool
    pdf: bool


def site() -> Site:
    return current_app.extensions["rkt"]


def office_ids(folders: list[Path]) -> list[str]:
    """A short, distinct address for each office folder, from its name."""
    ids: list[str] = []
    for folder in folders:
        base = slug(Path(folder).resolve().name).lower() or "kantor"
        ident, n = base, 1
        while ident in ids:
            n += 1
            ident = f"{base}-{n}"
        ids.append(ident)
    return ids


def create_app(folders: list[Path], *, loopback: bool = True, limits: Limits = LIMITS,
               secret: bytes | None = None) -> Flask:
    """The page for the office folders `folders`; `loopback`: the server listens on this computer only."""
    app = Flask(__name__, template_folder="pages", static_folder="static")
    app.secret_key = secret or secrets.token_bytes(32)
    app.config.update(
        MAX_CONTENT_LENGTH=limits.file_bytes + 1024 * 1024,  # the workbook's limit, and room for the form around it
        SESSION_COOKIE_NAME="rkt_sesi", SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax",
    )
    offices = {ident: Office(folder, ident, limits) for ident, folder in zip(office_ids(folders), folders, strict=True)}
    app.extensions["rkt"] = Site(offices, Jobs(), loopback, soffice() is not None)
    app.register_blueprint(pages)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(Exception, _unexpected)
    app.jinja_env.globals.update(csrf_token=csrf_token, CSRF_FIELD=CSRF_FIELD)
    app.jinja_env.filters["nilai"] = value_text
    return app


def value_text(value) -> str:
    """A value of a diff as the page prints it: a whole record as `Kolom: nilai; ...`, nothing as empty."""
    if value is None:
        return ""
    if isinstance(value, dict):
        return "; ".join(f"{k}: {v}" for k, v in value.items() if v) or "(kosong)"
    return str(value)


# --- guards ------------------------------------------------------------------------------------

def csrf_token() -> str:
    token = session.get(CSRF_FIELD)
    if not token:
        token = session[CSRF_FIELD] = secrets.token_urlsafe(32)
    return token


@pages.before_app_request
def _check_csrf() -> None:
    if request.method != "POST":  # the only method that changes anything; others are refused by the routes
        return
    sent = request.form.get(CSRF_FIELD) or request.headers.get(CSRF_HEADER) or ""
    token = session.get(CSRF_FIELD) or ""
    if not token or not hmac.compare_digest(sent.encode(), token.encode()):
        abort(400, "Formulir kedaluwarsa atau tidak berasal dari halaman ini. Muat ulang halaman lalu coba lagi.")


@pages.after_app_request
def _headers(response: Response) -> Response:
    response.headers.setdefault("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'; "
                                                           "form-action 'self'; base-uri 'none'")
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("X-Frame-Options", "DENY")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    if request.endpoint != "static":
        response.headers.setdefault("Cache-Control", "no-store")
    return response


def allowed(office: Office) -> bool:
    """Whether this browser may see `office`: it gave the office's current key, or the office has none and
    the server listens on this computer only."""
    try:
        hashed = keys.stored(office.inputs)
    except FileProblem:
        return False
    if hashed is None:
        return site().loopback
    return session.get("kunci", {}).get(office.id) == keys.fingerprint(hashed)


def office_page(view: Callable) -> Callable:
    """A route of one office: 404 for an unknown one, 403 for one this browser may not see."""

    @wraps(view)
    def guarded(office_id: str, **kwargs):
        office = site().offices.get(office_id)
        if office is None:
            abort(404)
        if not allowed(office):
            return render_template("login.html", office=office, message=MESSAGES[403]), 403
        return view(office, **kwargs)

    return guarded


# --- errors ------------------------------------------------------------------------------------

def _http_error(exc: HTTPException):
    message = exc.description if exc.description and exc.description != type(exc).description else \
        MESSAGES.get(exc.code or 500, "Permintaan tidak dapat dilayani.")
    if exc.code == 413:
        message = f"File terlalu besar untuk diunggah (batas {LIMITS.file_bytes // (1024 * 1024)} MB per workbook)."
    return render_template("message.html", title="Tidak dapat dilayani", message=message), exc.code or 500


def _unexpected(exc: Exception):
    traceback.print_exc(file=sys.stderr)
    return render_template("message.html", title="Kesalahan tak terduga",
                           message=f"Terjadi kesalahan tak terduga ({type(exc).__name__}); rinciannya tercatat di "
                                   "jendela rkt serve. Coba muat ulang halaman."), 500


# --- pages -------------------------------------------------------------------------------------

@pages.get("/")
def index():
    visible = [o for o in site().offices.values() if allowed(o)]
    locked = len(visible) < len(site().offices)
    if len(visible) == 1 and not locked:
        return redirect(url_for("rkt.office", office_id=visible[0].id))
    return render_template("index.html", offices=[(o, o.glance()) for o in visible], locked=locked)


@pages.post("/masuk")
def login():
    """Let this browser see every office whose key was given (the one it came from first)."""
    key = request.form.get("kunci", "")
    first = request.form.get("kantor", "")
    offices = sorted(site().offices.values(), key=lambda o: o.id != first)
    granted = dict(session.get("kunci", {}))
    opened = []
    for office in offices:
        found = keys.matches(office.inputs, key)
        if found:
            granted[office.id] = found
            opened.append(office)
            break  # one key, one office
    if not opened:
        office = site().offices.get(first)
        return render_template("login.html", office=office, message="Kunci akses salah."), 403
    session["kunci"] = granted
    return redirect(url_for("rkt.office", office_id=opened[0].id))


@pages.post("/keluar")
def logout():
    session.pop("kunci", None)
    return redirect(url_for("rkt.index"))


@pages.get("/kantor/<office_id>/")
@office_page
def office(office: Office):
    state = office.state()
    severity = request.args.get("tingkat", "")
    upload = office.upload_result(request.args.get("unggahan", 0, type=int))
    job = site().jobs.get(office.id, request.args.get("tugas", ""))
    return render_template(
        "office.html", office=office, state=state, glance=office.glance(state),
        workbooks=office.workbooks(state), groups=groups(state.findings, SEVERITIES.get(severity)),
        severity=severity if severity in SEVERITIES else "", documents=office.documents(state),
        issued=office.issued(), kept=office.kept(), upload=upload, job=job, running=site().jobs.running(office.id),
        pdf=site().pdf, modes=work.MODES, marked=MARKED)


@pages.post("/kantor/<office_id>/unggah/<workbook>")
@office_page
def upload(office: Office, workbook: str):
    sent = request.files.get("berkas")
    if sent is None or not sent.filename:
        abort(400, "Pilih file workbook (.xlsx) untuk diunggah.")
    data = sent.stream.read(office.limits.file_bytes + 1)
    try:
        done = office.upload(workbook, sent.filename, data)
    except KeyError:
        abort(404)
    except (Busy, FileProblem) as exc:
        return render_template("message.html", title="Unggahan tidak diproses", message=str(exc),
                               back=url_for("rkt.office", office_id=office.id)), 409
    return redirect(url_for("rkt.office", office_id=office.id, unggahan=done.n, _anchor="unggahan"))


def _start(office: Office, title: str, job_work) -> Response:
    job, _ = site().jobs.start(office.id, office.lock, title, job_work)
    return redirect(url_for("rkt.job", office_id=office.id, job_id=job.id))


@pages.post("/kantor/<office_id>/build")
@office_page
def build(office: Office):
    mode = request.form.get("mode", "build")
    if mode not in work.MODES:
        abort(400, "Jenis build tidak dikenal.")
    if mode == "final" and request.form.get("yakin") != "ya":
        abort(400, "Centang pernyataan bahwa edisi terbit tidak dapat diganti, lalu terbitkan lagi.")
    return _start(office, work.MODES[mode], work.build(office, mode))


@pages.post("/kantor/<office_id>/pdf")
@office_page
def make_pdf(office: Office):
    if not site().pdf:
        abort(400, "LibreOffice tidak terpasang di server ini; PDF tidak dapat dibuat.")
    return _start(office, "Buat PDF", work.pdfs(office))


@pages.post("/kantor/<office_id>/banding/<edition>")
@office_page
def compare(office: Office, edition: str):
    if edition not in {name for name, _ in office.issued()}:
        abort(404)
    return _start(office, f"Bandingkan dengan edisi terbit {edition}", work.compare(office, edition))


@pages.get("/kantor/<office_id>/tugas/<job_id>")
@office_page
def job(office: Office, job_id: str):
    found = site().jobs.get(office.id, job_id)
    if found is None:
        abort(404)
    return render_template("job.html", office=office, job=found, documents=office.documents())


@pages.get("/kantor/<office_id>/tugas/<job_id>.json")
@office_page
def job_status(office: Office, job_id: str):
    found = site().jobs.get(office.id, job_id)
    if found is None:
        abort(404)
    return jsonify(found.to_dict())


@pages.get("/kantor/<office_id>/tugas/<job_id>/<name>")
@office_page
def redline(office: Office, job_id: str, name: str):
    found = site().jobs.get(office.id, job_id)
    result = getattr(found, "result", None)
    data = getattr(result, "redlines", {}).get(name)
    if data is None:
        abort(404)
    return send_file(io.BytesIO(data), as_attachment=True, download_name=name,
                     mimetype="application/vnd.openxmlformats-officedocument.wordprocessingml.document")


@pages.get("/kantor/<office_id>/unduh/<path:rel>")
@office_page
def download(office: Office, rel: str):
    state = office.state()
    found = office.downloads(state).get(rel)
    if found is None:
        abort(404)
    if found.path is None:  # a marked copy, made now from the workbook as it is
        workbook = rel.split("/", 1)[1]
        data = office.marked(workbook, state)
        if data is None:
            abort(404)
        name = workbook.replace(".xlsx", "-bertanda.xlsx")
        return send_file(io.BytesIO(data), as_attachment=True, download_name=name,
                         mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    return send_file(found.path, as_attachment=True, download_name=found.path.name, max_age=0)
