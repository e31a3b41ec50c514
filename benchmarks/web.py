"""How long the page of `rkt serve` makes a planner wait, request by request, on the shipped office.

    python -m benchmarks.web [--runs N] [--record]      (or: make bench-web)

`rkt serve` runs as a planner starts it (its own process, waitress) on a copy of the shipped
inputs; a client with a session and the page's CSRF token sends what a browser sends, timing each
request from the first byte sent to the last byte received. Each round: the page with nothing
cached (a workbook touched, so the office is read and checked again), the page again (cached),
its findings filtered, an upload of a broken jadwal.xlsx (checked at once, the previous version
kept, the diff of its values shown), the marked copy of that workbook, the fix uploaded, a
workbook downloaded, a build (started, then polled until done) and the RKT downloaded.

Target (issue 23): every request under 1 s on the shipped office, a build aside (its time is
reported, from the press of the button to the job's end). Exits 1 when a target fails. `--record`
writes the report into benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import io
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(ROOT))

from benchmarks.run import machine, record  # noqa: E402

README = ROOT / "benchmarks" / "README.md"
START, END = "<!-- bench-web:start -->", "<!-- bench-web:end -->"
LIMIT = 1.0  # seconds, every request but a build
BUILD = "build (press to done)"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    """A redirect is the answer being timed, not a second request."""

    def redirect_request(self, *args, **kwargs):
        return None


class Client:
    """What a browser sends: its session cookie and the page's CSRF token."""

    def __init__(self, base: str):
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()),
                                                  NoRedirect())
        self.token = ""

    def send(self, path: str, data: bytes | None = None, headers: dict | None = None) -> tuple[float, int, str, bytes]:
        """Seconds, status, Location and body of one request."""
        request = urllib.request.Request(self.base + path.lstrip("/"), data=data, headers=headers or {})
        start = time.perf_counter()
        try:
            with self.opener.open(request) as response:
                body, status, location = response.read(), response.status, response.headers.get("Location", "")
        except urllib.error.HTTPError as exc:
            body, status, location = exc.read(), exc.code, exc.headers.get("Location", "")
        seconds = time.perf_counter() - start
        found = re.search(rb'name="csrf" value="([^"]+)"', body)
        if found:
            self.token = found.group(1).decode()
        return seconds, status, location, body

    def form(self, path: str, fields: dict) -> tuple[float, int, str, bytes]:
        data = urllib.parse.urlencode({**fields, "csrf": self.token}).encode()
        return self.send(path, data, {"Content-Type": "application/x-www-form-urlencoded"})

    def upload(self, path: str, name: str, content: bytes) -> tuple[float, int, str, bytes]:
        boundary = uuid.uuid4().hex
        body = io.BytesIO()
        body.write(f'--{boundary}\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n{self.token}\r\n'.encode())
        body.write(f'--{boundary}\r\nContent-Disposition: form-data; name="berkas"; filename="{name}"\r\n'
                   "Content-Type: application/octet-stream\r\n\r\n".encode())
        body.write(content + f"\r\n--{boundary}--\r\n".encode())
        return self.send(path, body.getvalue(), {"Content-Type": f"multipart/form-data; boundary={boundary}"})


def rkt() -> list[str]:
    found = shutil.which("rkt", path=str(Path(sys.executable).parent))
    return [found] if found else [sys.executable, "-c", "from pipeline.cli import main; main()"]


def broken(schedule: Path) -> bytes:
    """jadwal.xlsx with January's disbursement of its first RO raised: the months no longer add up."""
    import openpyxl

    book = openpyxl.load_workbook(schedule)
    sheet = book["Jadwal"]
    sheet["C2"] = (sheet["C2"].value or 0) + 99999
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def expect(answer: tuple[float, int, str, bytes], status: int, what: str) -> float:
    seconds, got, _, body = answer
    if got != status:
        raise SystemExit(f"{what}: HTTP {got}, expected {status}: {body[:300]!r}")
    return seconds


def one_round(client: Client, office: Path, shipped: bytes, wrong: bytes, times: dict[str, list[float]]) -> None:
    def timed(label: str, answer, status: int = 200) -> tuple[float, int, str, bytes]:
        times.setdefault(label, []).append(expect(answer, status, label))
        return answer

    os.utime(office / "pegawai.xlsx")  # the office changed on disk: read and check it again
    timed("office page, first view after a change", client.send("/kantor/jambi/"))
    timed("office page, again", client.send("/kantor/jambi/"))
    timed("findings filtered (errors only)", client.send("/kantor/jambi/?tingkat=galat"))
    sent = timed("upload a broken jadwal.xlsx (checked at once)", client.upload("/kantor/jambi/unggah/jadwal.xlsx",
                                                                               "jadwal.xlsx", wrong), 302)
    timed("page after the upload (its findings and diff)", client.send(sent[2].split("#")[0]))
    timed("marked copy of jadwal.xlsx", client.send("/kantor/jambi/unduh/bertanda/jadwal.xlsx"))
    timed("upload the fixed jadwal.xlsx", client.upload("/kantor/jambi/unggah/jadwal.xlsx", "jadwal.xlsx",
                                                        shipped), 302)
    timed("download a workbook (realisasi.xlsx)", client.send("/kantor/jambi/unduh/workbook/realisasi.xlsx"))
    start = time.perf_counter()
    _, _, job, _ = timed("press build (the job starts)", client.form("/kantor/jambi/build", {"mode": "build"}), 302)
    job = urllib.parse.urlparse(job).path
    while True:
        _, _, _, body = timed("build progress (job status)", client.send(job + ".json"))
        if b'"running":false' in body.replace(b" ", b""):
            break
        time.sleep(0.2)
    times.setdefault(BUILD, []).append(time.perf_counter() - start)
    timed("job page when done", client.send(job))
    name = re.search(rb'unduh/(output/RKT-[^"]+\.docx)"', client.send("/kantor/jambi/")[3]).group(1).decode()
    timed("download the RKT", client.send("/kantor/jambi/unduh/" + name))


def benchmark(runs: int, work: Path, log) -> dict:
    office = shutil.copytree(ROOT / "inputs", work / "jambi")
    shipped = (office / "jadwal.xlsx").read_bytes()
    wrong = broken(office / "jadwal.xlsx")
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    server = subprocess.Popen([*rkt(), "serve", "--inputs", str(office), "--port", "0", "--no-browser"], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, encoding="utf-8")
    try:
        line = server.stdout.readline()
        found = re.search(r"http://\S+/", line)
        if not found:
            raise SystemExit(f"rkt serve did not start: {line}")
        client = Client(found.group(0))
        times: dict[str, list[float]] = {}
        times["front page (redirect to the office)"] = [expect(client.send("/"), 302, "front page")]
        for n in range(runs):
            log(f"round {n + 1}/{runs}")
            one_round(client, office, shipped, wrong, times)
    finally:
        server.terminate()
        server.wait(timeout=60)
    return {"times": times, "runs": runs}


def report(result: dict, info: dict[str, str] | None = None) -> tuple[str, bool]:
    """The Markdown table of `result` and whether every request met its target; `info`: the machine."""
    info = dict(info or machine())
    lines = [f"Measured {info.pop('date')} at commit {info.pop('commit')}: {result['runs']} rounds against one "
             "`rkt serve` of the shipped office; seconds per request, from sending it to its last byte received.",
             "",
             "| machine | |", "|---|---|"]
    lines += [f"| {k} | {v} |" for k, v in info.items()]
    lines += ["", "| request | median | slowest | target | result |", "|---|--:|--:|---|---|"]
    passed = True
    for label, values in result["times"].items():
        slowest = max(values)
        if label == BUILD:
            lines.append(f"| {label} | {statistics.median(values):.2f} | {slowest:.2f} | (reported) | |")
            continue
        ok = slowest < LIMIT
        passed &= ok
        lines.append(f"| {label} | {statistics.median(values):.3f} | {slowest:.3f} | < {LIMIT:.0f} s | "
                     f"{'PASS' if ok else 'FAIL'} |")
    return "\n".join(lines) + "\n", passed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="rounds (default 5)")
    parser.add_argument("--record", action="store_true", help="write the report into benchmarks/README.md")
    args = parser.parse_args(argv)

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    with tempfile.TemporaryDirectory(prefix="rkt-bench-web-") as tmp:
        result = benchmark(args.runs, Path(tmp), log)
    markdown, passed = report(result)
    print(markdown)
    if args.record:
        record(markdown, START, END, "## Results: the page (rkt serve)")
        log(f"recorded in {README.relative_to(ROOT)}")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
