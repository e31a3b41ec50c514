"""Work that takes longer than a page should wait: a build, the PDFs, a diff with its redlines.

Each runs in its own thread, holding its office's lock (so it waits for an upload in progress, and
an upload waits for it), and reports its stage as it goes; the page polls `Job.to_dict()`. One
office runs one job at a time; other offices never wait. A failure is a message, never a trace:
the library's own problems say what to do, anything else is named and its trace goes to the
console of `rkt serve`, for whoever runs it.
"""

from __future__ import annotations

import secrets
import sys
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pipeline.document.pdf import PdfError
from pipeline.document.render import TemplateError
from pipeline.edition import EditionMismatch
from pipeline.files import FileProblem
from pipeline.findings import InputError

#: the library's own failures: their message tells a planner what to do
KNOWN = (FileProblem, TemplateError, PdfError, EditionMismatch, InputError)
KEEP = 20  # finished jobs remembered per office


@dataclass
class Job:
    """One piece of work on one office: its stages so far, then its outcome."""

    id: str
    office: str
    title: str
    stage: str = "menunggu giliran"
    stages: list[str] = field(default_factory=list)
    started: float = field(default_factory=time.monotonic)
    finished: float | None = None
    ok: bool | None = None
    message: str = ""
    result: Any = None

    @property
    def running(self) -> bool:
        return self.finished is None

    @property
    def seconds(self) -> float:
        return (self.finished or time.monotonic()) - self.started

    def step(self, stage: str) -> None:
        self.stages.append(stage)
        self.stage = stage

    def done(self, ok: bool, message: str, result: Any = None) -> None:
        self.ok, self.message, self.result = ok, message, result
        self.finished = time.monotonic()

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "stage": self.stage, "stages": self.stages,
                "running": self.running, "ok": self.ok, "message": self.message,
                "seconds": round(self.seconds, 1)}


class Jobs:
    """The jobs of every office: start one, find one, at most one running per office."""

    def __init__(self) -> None:
        self._jobs: dict[str, dict[str, Job]] = {}
        self._guard = threading.Lock()

    def running(self, office: str) -> Job | None:
        with self._guard:
            return next((j for j in self._jobs.get(office, {}).values() if j.running), None)

    def get(self, office: str, ident: str) -> Job | None:
        with self._guard:
            return self._jobs.get(office, {}).get(ident)

    def start(self, office: str, lock: threading.Lock, title: str, work: Callable[[Job], None]) -> tuple[Job, bool]:
        """Run `work` in a thread holding `lock`; (the job, True), or (the job already running, False)."""
        with self._guard:
            jobs = self._jobs.setdefault(office, {})
            busy = next((j for j in jobs.values() if j.running), None)
            if busy is not None:
                return busy, False
            job = Job(secrets.token_hex(6), office, title)
            jobs[job.id] = job
            for old in [j for j in jobs.values() if not j.running][:-KEEP]:
                del jobs[old.id]
        threading.Thread(target=_run, args=(job, lock, work), name=f"rkt-{office}-{job.id}").start()
        return job, True


def _run(job: Job, lock: threading.Lock, work: Callable[[Job], None]) -> None:
    with lock:
        try:
            work(job)
            if job.running:
                job.done(True, "selesai")
        except KNOWN as exc:
            job.done(False, str(exc) or type(exc).__name__)
        except Exception as exc:  # anything else: a message on the page, the trace on the console
            traceback.print_exc(file=sys.stderr)
            job.done(False, f"kesalahan tak terduga ({type(exc).__name__}); rinciannya tercatat di jendela "
                            "rkt serve")
