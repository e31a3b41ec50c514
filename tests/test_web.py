"""rkt serve at the HTTP level (Flask's in-process client): what the page shows, takes and writes.

Real workbooks (the mini office, broken on purpose), real builds; the assertions read the page as
a person does (its text) and the folder as the planner finds it afterwards.
"""

from __future__ import annotations

import io
import shutil
import threading
import zipfile
from pathlib import Path

import pytest

from pipeline.build import build
from pipeline.inputs.read import Limits
from pipeline.web import office as office_module
from tests.builders import write_inputs
from tests.web_support import broken_schedule, moved_office, page_for, text

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def office(tmp_path) -> Path:
    return write_inputs(tmp_path / "contoh")


@pytest.fixture
def page(office):
    return page_for(office)


def test_one_office_opens_on_its_page_at_a_glance(page):
    response = page.get("/")
    assert response.status_code == 302 and response.location == "/kantor/contoh/"
    seen = text(page.get("/kantor/contoh/").data.decode())
    assert "Balai Kekarantinaan Kesehatan Kelas II Contoh" in seen
    for label, value in (("Tahun", "2024"), ("Edisi", "Awal Tahun"), ("Pagu (ribu Rp)", "1.351.500"),
                         ("Pegawai", "4"), ("IKK", "2"), ("RO", "3"), ("Status", "siap")):
        assert f"{label} {value}" in seen
    for owner in ("Subbagian Administrasi Umum (kepegawaian)", "Tim kinerja (perencanaan dan evaluasi)"):
        assert owner in seen


def test_the_shipped_office_is_listed_with_the_others(tmp_path, office):
    shipped = shutil.copytree(ROOT / "inputs", tmp_path / "jambi")
    seen = text(page_for(office, shipped).get("/").data.decode())
    assert f"Balai Kekarantinaan Kesehatan Kelas II Contoh {office} 2024 Awal Tahun 1.351.500 siap" in seen
    assert f"Balai Kekarantinaan Kesehatan Kelas II Jambi {shipped} 2024 Awal Tahun 14.530.796 siap" in seen


def test_findings_are_grouped_by_workbook_with_sheet_and_cell_and_filtered_by_severity(tmp_path, office):
    (office / "jadwal.xlsx").write_bytes(broken_schedule(tmp_path / "rusak"))
    page = page_for(office)
    seen = text(page.get("/kantor/contoh/").data.decode())
    assert "Status ada galat" in seen
    assert "jadwal.xlsx · Subbagian Administrasi Umum (keuangan/anggaran)" in seen
    assert "Galat Jadwal C2:N2 QAH.017: jadwal QAH.017 berjumlah 209.999, alokasinya 120.000" in seen
    assert "money.schedule-sum" in seen
    only_warnings = text(page.get("/kantor/contoh/?tingkat=peringatan").data.decode())
    assert "money.schedule-sum" not in only_warnings and "Tidak ada temuan untuk saringan ini" in only_warnings
    assert "money.schedule-sum" in text(page.get("/kantor/contoh/?tingkat=galat").data.decode())


def test_an_unreadable_workbook_shows_its_problems_not_a_trace(office):
    (office / "pegawai.xlsx").write_text("nip,nama\n1,Budi\n", encoding="utf-8")
    page = page_for(office)
    response = page.get("/kantor/contoh/")
    seen = text(response.data.decode())
    assert response.status_code == 200
    assert "Status ada galat" in seen and "workbook tidak dapat dibaca" in seen
    assert "pegawai.xlsx" in seen and "bukan file .xlsx" in seen and "Traceback" not in seen


def test_the_marked_copy_of_a_workbook_with_findings_is_downloadable(tmp_path, office):
    (office / "jadwal.xlsx").write_bytes(broken_schedule(tmp_path / "rusak"))
    page = page_for(office)
    assert "/kantor/contoh/unduh/bertanda/jadwal.xlsx" in page.get("/kantor/contoh/").data.decode()
    response = page.get("/kantor/contoh/unduh/bertanda/jadwal.xlsx")
    assert response.status_code == 200
    assert "jadwal-bertanda.xlsx" in response.headers["Content-Disposition"]
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(response.data))["Jadwal"]
    assert "money.schedule-sum" in sheet["C2"].comment.text
    assert page.get("/kantor/contoh/unduh/bertanda/pegawai.xlsx").status_code == 404  # nothing to mark


def test_an_upload_replaces_the_workbook_keeps_the_previous_and_shows_what_changed(tmp_path, office):
    page = page_for(office)
    before = (office / "jadwal.xlsx").read_bytes()
    broken = broken_schedule(tmp_path / "rusak")
    response = page.upload("contoh", "jadwal.xlsx", broken, "jadwal (revisi bu Ani).xlsx")
    assert response.status_code == 302
    seen = text(page.get(response.location).data.decode())
    assert ("jadwal (revisi bu Ani).xlsx menggantikan jadwal.xlsx; versi sebelumnya disimpan di "
            "versi-lama/jadwal-") in seen
    assert "Jadwal QAH.017 Mei 10.000 99.999" in seen  # the changed value, by sheet, key and column
    assert "Ringkasan Penarikan Mei 110.000 199.999" in seen
    assert "Galat Jadwal C2:N2" in seen  # checked at once
    assert (office / "jadwal.xlsx").read_bytes() == broken
    kept = list((office / "versi-lama").glob("jadwal-*.xlsx"))
    assert [k.read_bytes() for k in kept] == [before]
    assert sorted(p.name for p in office.iterdir()) == ["identitas.xlsx", "jadwal.xlsx", "kinerja.xlsx",
                                                        "pegawai.xlsx", "pendanaan.xlsx", "versi-lama"]
    assert page.get(f"/kantor/contoh/unduh/versi-lama/{kept[0].name}").data == before


def test_uploading_the_same_workbook_again_replaces_nothing(office):
    page = page_for(office)
    response = page.upload("contoh", "jadwal.xlsx", (office / "jadwal.xlsx").read_bytes())
    seen = text(page.get(response.location).data.decode())
    assert "sama dengan jadwal.xlsx yang sekarang; tidak ada yang diganti" in seen
    assert not (office / "versi-lama").exists()


@pytest.mark.parametrize(("content", "filename", "said"), [
    (b"nip,nama\n1,Budi\n", "pegawai.xlsx", "bukan file .xlsx"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "pegawai.xlsx", "format .xls lama"),
    (b"PK\x03\x04 terpotong", "pegawai.xlsx", "file rusak atau terpotong"),
    (b"PK\x03\x04", "pegawai.xls", "bukan file .xlsx"),
])
def test_an_upload_that_is_no_workbook_is_refused_and_replaces_nothing(office, content, filename, said):
    page = page_for(office)
    before = (office / "pegawai.xlsx").read_bytes()
    response = page.upload("contoh", "pegawai.xlsx", content, filename)
    seen = text(page.get(response.location).data.decode())
    assert said in seen
    assert (office / "pegawai.xlsx").read_bytes() == before
    assert not (office / "versi-lama").exists() and not list(office.glob(".*tmp"))


def test_an_upload_over_the_workbook_limits_is_refused(tmp_path, office):
    rows = page_for(office, limits=Limits(rows=3))
    response = rows.upload("contoh", "pegawai.xlsx", (office / "pegawai.xlsx").read_bytes())
    assert "sheet berisi lebih dari 3 baris" in text(rows.get(response.location).data.decode())
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
        zf.writestr("xl/worksheets/sheet1.xml", b"<" * (3 << 20))
    response = rows.upload("contoh", "pegawai.xlsx", bomb.getvalue())
    assert "zip bomb" in text(rows.get(response.location).data.decode())
    small = page_for(office, limits=Limits(file_bytes=2000))
    response = small.upload("contoh", "pegawai.xlsx", (office / "pegawai.xlsx").read_bytes())
    assert "pegawai.xlsx terlalu besar" in text(small.get(response.location).data.decode())
    response = small.upload("contoh", "pegawai.xlsx", bytes(2 << 20))  # beyond the request's own limit
    assert response.status_code == 413
    assert "File terlalu besar untuk diunggah" in text(response.data.decode())
    assert (office / "pegawai.xlsx").read_bytes()[:2] == b"PK"


def test_uploads_go_only_to_the_office_workbooks(office):
    page = page_for(office)
    assert page.upload("contoh", "rahasia.xlsx", b"PK").status_code == 404
    assert page.upload("contoh", "..%2Fidentitas.xlsx", b"PK").status_code == 404
    response = page.upload("contoh", "jadwal.xlsx", (office / "jadwal.xlsx").read_bytes(), "..\\..\\lain\\jadwal.xlsx")
    assert response.status_code == 302
    assert sorted(p.name for p in office.parent.iterdir()) == ["contoh"]


def test_a_form_without_the_csrf_token_is_refused(tmp_path, office):
    page = page_for(office)
    page.get("/kantor/contoh/")
    before = (office / "jadwal.xlsx").read_bytes()
    response = page.upload("contoh", "jadwal.xlsx", broken_schedule(tmp_path / "rusak"), csrf=False)
    assert response.status_code == 400
    assert "Formulir kedaluwarsa atau tidak berasal dari halaman ini" in text(response.data.decode())
    assert (office / "jadwal.xlsx").read_bytes() == before
    assert page.post("/kantor/contoh/build", {"mode": "build", "csrf": "palsu"}, csrf=False).status_code == 400
    assert not (office / "output").exists()


def test_concurrent_uploads_of_one_workbook_lose_no_version(tmp_path, office):
    original = (office / "jadwal.xlsx").read_bytes()
    versions = [broken_schedule(tmp_path / "mei", "m05"), broken_schedule(tmp_path / "juni", "m06")]
    first, second = page_for(office), page_for(office)
    second.app.extensions["rkt"].offices["contoh"] = first.app.extensions["rkt"].offices["contoh"]  # one server
    responses = []
    threads = [threading.Thread(target=lambda c=c, v=v: responses.append(c.upload("contoh", "jadwal.xlsx", v)))
               for c, v in zip((first, second), versions, strict=True)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [r.status_code for r in responses] == [302, 302]
    kept = [p.read_bytes() for p in (office / "versi-lama").glob("*.xlsx")]
    current = (office / "jadwal.xlsx").read_bytes()
    assert current in versions  # whichever came second is in place, and every other version is kept
    assert sorted([*kept, current]) == sorted([original, *versions])


@pytest.mark.slow
def test_build_from_the_page_gives_the_bytes_of_rkt_build(tmp_path, office):
    page = page_for(office)
    job, status = page.run("/kantor/contoh/build", {"mode": "build"})
    assert status["ok"] and status["stages"] == ["membaca dan memeriksa workbook", "menyusun dokumen RKT dan PK",
                                                 "menulis ke folder output"]
    seen = text(page.get(job).data.decode())
    assert "ditulis: RKT-2024-BKK-Kelas-II-Contoh.docx, PK-2024-BKK-Kelas-II-Contoh.docx" in seen
    downloaded = page.get("/kantor/contoh/unduh/output/RKT-2024-BKK-Kelas-II-Contoh.docx")
    assert downloaded.status_code == 200
    expected = build(office, tmp_path / "cli")
    assert downloaded.data == expected.path.read_bytes()
    assert page.get("/kantor/contoh/unduh/output/PK-2024-BKK-Kelas-II-Contoh.docx").data == \
        expected.agreement.read_bytes()


@pytest.mark.slow
def test_a_build_with_errors_writes_no_document_and_a_draft_does(tmp_path, office):
    (office / "jadwal.xlsx").write_bytes(broken_schedule(tmp_path / "rusak"))
    page = page_for(office)
    _, status = page.run("/kantor/contoh/build", {"mode": "build"})
    assert not status["ok"] and "dokumen tidak ditulis: ada 2 galat" in status["message"]
    assert not list((office / "output").glob("*.docx"))
    _, status = page.run("/kantor/contoh/build", {"mode": "draft"})
    assert "RKT-2024-BKK-Kelas-II-Contoh-DRAF.docx" in status["message"]
    assert "Rencana Kinerja Tahunan (DRAF) .docx" in text(page.get("/kantor/contoh/").data.decode())


@pytest.mark.slow
def test_issue_then_diff_and_redline_against_the_issued_edition(tmp_path, office):
    page = page_for(office)
    assert page.post("/kantor/contoh/build", {"mode": "final"}).status_code == 400  # not confirmed
    _, status = page.run("/kantor/contoh/build", {"mode": "final", "yakin": "ya"})
    assert status["ok"] and "edisi terbit disimpan di output/terbit/2024-Awal-Tahun" in status["message"]
    seen = text(page.get("/kantor/contoh/").data.decode())
    assert "Status terbit" in seen and "2024-Awal-Tahun" in seen
    page.upload("contoh", "identitas.xlsx", moved_office(tmp_path / "pindah"))
    _, status = page.run("/kantor/contoh/build", {"mode": "final", "yakin": "ya"})
    assert not status["ok"] and "sudah terbit" in status["message"] and "rkt revisi" in status["message"]
    assert "sudah terbit dari workbook lain" in text(page.get("/kantor/contoh/").data.decode())
    job, status = page.run("/kantor/contoh/banding/2024-Awal-Tahun")
    assert status["ok"] and "1 perubahan terhadap edisi terbit 2024-Awal-Tahun" in status["message"]
    seen = text(page.get(job).data.decode())
    assert "Identitas Alamat Jl. Pelabuhan No. 1, Kota Contoh Jl. Bandara No. 9, Kota Contoh" in seen
    redline = page.get(f"{job}/redline-RKT-terhadap-2024-Awal-Tahun.docx")
    assert redline.status_code == 200
    with zipfile.ZipFile(io.BytesIO(redline.data)) as zf:
        body = zf.read("word/document.xml")
    assert b"<w:ins " in body and b"<w:del " in body
    assert page.post("/kantor/contoh/banding/2099-Awal-Tahun").status_code == 404


def test_only_the_files_the_office_lists_are_sent(office):
    page = page_for(office)
    (office / "catatan.txt").write_text("pribadi", encoding="utf-8")
    assert page.get("/kantor/contoh/unduh/workbook/jadwal.xlsx").data == (office / "jadwal.xlsx").read_bytes()
    for rel in ("catatan.txt", "workbook/catatan.txt", "workbook/../catatan.txt", "output/../catatan.txt",
                "..%2Fcontoh%2Fcatatan.txt", "workbook/%2E%2E/catatan.txt"):
        assert page.get(f"/kantor/contoh/unduh/{rel}").status_code == 404, rel


def test_every_error_is_a_page_with_a_message(office, monkeypatch):
    page = page_for(office)
    missing = page.get("/kantor/tidak-ada/")
    assert missing.status_code == 404 and "Halaman atau file itu tidak ada." in text(missing.data.decode())
    assert page.client.put("/kantor/contoh/").status_code == 405

    def broken(self, state=None):
        raise RuntimeError("rusak di dalam")

    monkeypatch.setattr(office_module.Office, "glance", broken)
    response = page.get("/kantor/contoh/")
    seen = text(response.data.decode())
    assert response.status_code == 500
    assert "Terjadi kesalahan tak terduga (RuntimeError)" in seen
    assert "Traceback" not in seen and "rusak di dalam" not in seen


def test_pages_carry_their_guards(page):
    response = page.get("/kantor/contoh/")
    assert "default-src 'self'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Frame-Options"] == "DENY"
    assert "HttpOnly" in response.headers["Set-Cookie"] and "SameSite=Lax" in response.headers["Set-Cookie"]
    assert b"<script src=\"/static/rkt.js\"" in response.data and b"<script>" not in response.data
    assert page.get("/static/rkt.css").status_code == 200


def test_one_job_runs_at_a_time_per_office_and_an_upload_waits_for_it(tmp_path, office):
    broken = broken_schedule(tmp_path / "rusak")
    page = page_for(office)
    site = page.app.extensions["rkt"]
    release = threading.Event()
    first, started = site.jobs.start("contoh", site.offices["contoh"].lock, "lama", lambda job: release.wait(10))
    again, started_again = site.jobs.start("contoh", site.offices["contoh"].lock, "lagi", lambda job: None)
    assert started and not started_again and again is first
    assert page.post("/kantor/contoh/build", {"mode": "build"}).location.endswith(first.id)
    upload = threading.Thread(target=page.upload, args=("contoh", "jadwal.xlsx", broken))
    before = (office / "jadwal.xlsx").read_bytes()
    upload.start()
    upload.join(0.5)
    assert upload.is_alive() and (office / "jadwal.xlsx").read_bytes() == before  # waits for the job's end
    release.set()
    upload.join(10)
    assert not upload.is_alive() and (office / "jadwal.xlsx").read_bytes() == broken
