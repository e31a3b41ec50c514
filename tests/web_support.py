"""Helpers for the page's tests: a browser-like client over Flask's in-process test client, and workbooks to upload."""

from __future__ import annotations

import html
import io
import re
import time
from pathlib import Path

from pipeline.web.app import create_app
from tests.builders import mini_data, write_inputs

TAG = re.compile(r"<[^>]+>")


def text(page: str) -> str:
    """What a reader sees of a page: its text, spaces collapsed."""
    return " ".join(html.unescape(TAG.sub(" ", page)).split())


def broken_schedule(folder: Path, month: str = "m05") -> bytes:
    """jadwal.xlsx of the mini office with one month's disbursement of QAH.017 (May) raised: the months no
    longer add up."""
    data = mini_data()
    data["jadwal"]["Jadwal"][0][month] = 99999
    return (write_inputs(folder, data) / "jadwal.xlsx").read_bytes()


def moved_office(folder: Path) -> bytes:
    """identitas.xlsx of the mini office at a new address: a change with no error."""
    data = mini_data()
    data["identitas"]["Identitas"]["address"] = "Jl. Bandara No. 9, Kota Contoh"
    return (write_inputs(folder, data) / "identitas.xlsx").read_bytes()


class Browser:
    """A client that keeps its session, reads the CSRF token off each page, and waits for jobs."""

    def __init__(self, app):
        self.app = app
        self.client = app.test_client()
        self.token = ""

    def get(self, url: str, **kwargs):
        response = self.client.get(url, **kwargs)
        found = re.search(rb'name="csrf" value="([^"]+)"', response.data)
        if found:
            self.token = found.group(1).decode()
        return response

    def post(self, url: str, data: dict | None = None, csrf: bool = True, **kwargs):
        if not self.token:
            self.get("/", follow_redirects=True)
        data = dict(data or {})
        if csrf:
            data["csrf"] = self.token
        return self.client.post(url, data=data, **kwargs)

    def upload(self, office: str, workbook: str, content: bytes, filename: str | None = None, csrf: bool = True):
        return self.post(f"/kantor/{office}/unggah/{workbook}", {"berkas": (io.BytesIO(content), filename or workbook)},
                         csrf=csrf, content_type="multipart/form-data")

    def run(self, url: str, data: dict | None = None) -> tuple[str, dict]:
        """POST a button that starts a job, wait for the job, and return its page's URL and final status."""
        response = self.post(url, data)
        assert response.status_code == 302, response.data
        job = response.location
        for _ in range(600):
            status = self.client.get(job + ".json").get_json()
            if not status["running"]:
                return job, status
            time.sleep(0.1)
        raise AssertionError(f"job {job} did not finish")


def page_for(*folders: Path, **kwargs) -> Browser:
    return Browser(create_app(list(folders), **kwargs))
