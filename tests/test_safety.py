"""Nothing lost, nothing hostile gets through: one test per class of danger, not per reported case.

Inputs are never changed and what rkt did not write is never replaced or removed; no cell text
becomes a formula; absurd files are refused fast with bounded memory; every operating-system
failure is a message with exit 2; an interrupted build leaves no temporary file; text arrives as
typed; every problem is reported at once.
"""

from __future__ import annotations

import errno
import hashlib
import io
import os
import resource
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from openpyxl.utils.escape import escape as excel_escape

from pipeline import files
from pipeline.build import build
from pipeline.checks import run_checks
from pipeline.cli import cli
from pipeline.findings import InputError
from pipeline.inputs.normalise import load
from pipeline.inputs.read import Limits
from pipeline.names import document_name, slug
from pipeline.review.diff import load_side
from pipeline.workbooks.next_year import init_year
from tests.builders import mini_data, write_inputs
from tests.test_render_context import office
from tests.test_reproducible import move_1000

STEM = "RKT-2024-BKK-Kelas-II-Contoh"
RKT = [str(Path(sys.executable).with_name("rkt"))]


def digests(folder: Path) -> dict[str, str]:
    """Every file under `folder` (the manifest aside) and the SHA-256 of its bytes."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and ".rkt" not in p.parts}


def leftovers(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*.tmp")]


def broken(data: dict | None = None) -> dict:
    """The mini office with one schedule not adding up: errors in jadwal.xlsx and pendanaan.xlsx."""
    data = data or mini_data()
    data["jadwal"]["Jadwal"][0]["m02"] = 10_001
    return data


def revised() -> dict:
    """The mini office with 1.000 of QAH.017 moved from May to June: a clean build of another document."""
    data = mini_data()
    move_1000(data)
    return data


def with_office(name: str, short: str) -> dict:
    data = mini_data()
    ident = data["identitas"]["Identitas"]
    ident.update(office_name=name, office_short=short, head_title=f"Kepala {name}")
    return data


def invoke(*args: str):
    return CliRunner().invoke(cli, [str(a) for a in args])


# --- never delete or overwrite what rkt did not write ----------------------------------------------

def test_rebuilding_from_fixed_marked_copies_is_refused_and_changes_nothing(tmp_path):
    inputs = write_inputs(tmp_path / "inputs", broken())
    out = tmp_path / "output"
    assert invoke("build", "--inputs", inputs, "--output", out).exit_code == 1
    marked = out / "pemeriksaan" / STEM
    for name in ("identitas.xlsx", "pegawai.xlsx", "kinerja.xlsx"):  # the planner completes the folder
        shutil.copy(inputs / name, marked / name)
    wb = load_workbook(marked / "jadwal.xlsx")
    wb["Jadwal"]["D2"] = 10_000  # ... and fixes the cell there
    wb.save(marked / "jadwal.xlsx")
    before = digests(out)
    for folder in (marked, out / "pemeriksaan", out / "sebelumnya" / "x"):
        folder.mkdir(parents=True, exist_ok=True)
        result = invoke("build", "--inputs", folder, "--output", out)
        assert result.exit_code == 2, result.output
        assert "Salin workbook yang sudah diperbaiki" in result.output or "dikelola rkt" in result.output
    assert digests(out) == before


def test_output_folder_may_not_be_the_input_folder(tmp_path):
    inputs = write_inputs(tmp_path / "inputs", broken())
    before = digests(inputs)
    result = invoke("build", "--inputs", inputs, "--output", inputs)
    assert result.exit_code == 2 and "sama dengan folder input" in result.output
    assert digests(inputs) == before


def test_a_planners_edit_to_a_marked_copy_is_never_overwritten(tmp_path):
    inputs, out = write_inputs(tmp_path / "inputs", broken()), tmp_path / "output"
    build(inputs, out)
    copy = out / "pemeriksaan" / STEM / "jadwal.xlsx"
    wb = load_workbook(copy)
    wb["Jadwal"]["D2"] = 10_000
    wb.save(copy)
    before = digests(out)
    result = invoke("build", "--inputs", inputs, "--output", out)
    assert result.exit_code == 2
    assert "diubah setelah ditulis rkt" in result.output and "jadwal.xlsx" in result.output
    assert digests(out) == before


def test_a_document_edited_after_the_build_is_never_overwritten(tmp_path):
    inputs, out = write_inputs(tmp_path / "inputs"), tmp_path / "output"
    path = build(inputs, out).path
    with zipfile.ZipFile(path, "a") as zf:  # as Word would save it: still a document, other bytes
        zf.writestr("word/tanda-tangan.txt", "ditandatangani")
    write_inputs(inputs, revised())
    before = digests(out)
    result = invoke("build", "--inputs", inputs, "--output", out)
    assert result.exit_code == 2 and "diubah setelah ditulis rkt" in result.output
    assert digests(out) == before


def test_stale_copies_are_removed_only_when_rkt_wrote_them_and_they_are_unchanged(tmp_path):
    inputs, out = write_inputs(tmp_path / "inputs", broken()), tmp_path / "output"
    build(inputs, out)
    marked = out / "pemeriksaan" / STEM
    assert sorted(p.name for p in marked.iterdir()) == ["jadwal.xlsx", "pendanaan.xlsx"]
    (marked / "catatan.txt").write_text("punya perencana")
    write_inputs(inputs)  # fixed: no finding, so no copy is current
    assert build(inputs, out).path is not None
    assert sorted(p.name for p in marked.iterdir()) == ["catatan.txt"]


def test_a_stale_copy_the_planner_edited_is_kept(tmp_path):
    inputs, out = write_inputs(tmp_path / "inputs", broken()), tmp_path / "output"
    build(inputs, out)
    copy = out / "pemeriksaan" / STEM / "pendanaan.xlsx"
    copy.write_bytes(copy.read_bytes() + b"\0")
    write_inputs(inputs)
    build(inputs, out)
    assert copy.is_file()


@pytest.mark.parametrize("link", [".rkt", "pemeriksaan", "sebelumnya", "terbit"])
def test_nothing_is_written_through_a_symlink(tmp_path, link):
    inputs, out, elsewhere = write_inputs(tmp_path / "in"), tmp_path / "out", tmp_path / "elsewhere"
    elsewhere.mkdir()
    if link == "sebelumnya":
        build(inputs, out)
        write_inputs(inputs, revised())
    elif link == "pemeriksaan":
        write_inputs(inputs, broken())
    out.mkdir(exist_ok=True)
    (out / link).symlink_to(elsewhere, target_is_directory=True)
    before = digests(out)
    result = invoke("build", "--inputs", inputs, "--output", out, *(["--final"] if link == "terbit" else []))
    assert result.exit_code == 2 and "symlink" in result.output, result.output
    assert list(elsewhere.iterdir()) == [] and digests(out) == before


@pytest.mark.parametrize("names", [
    [("Balai Kekarantinaan Kesehatan Kelas II Jambi", "BKK Kelas II Jambi"),
     ("Balai Kekarantinaan Kesehatan Kelas II (Jambi)", "BKK Kelas II (Jambi)")],
    [("Balai Kekarantinaan Kesehatan Kelas II Jambi", "BKK Kelas II Jambi")] * 2,
])
def test_offices_that_would_write_the_same_file_are_refused_before_anything_is_written(tmp_path, names):
    folders = [write_inputs(tmp_path / f"kantor{i}" / "inputs", with_office(*n)) for i, n in enumerate(names)]
    out = tmp_path / "output"
    result = invoke("build", "--output", out, *(a for f in folders for a in ("--inputs", f)))
    assert result.exit_code == 2
    assert all(str(f) in result.output for f in folders)
    assert not out.exists() or digests(out) == {}


def test_unreadable_offices_in_folders_of_the_same_name_are_refused_too(tmp_path):
    folders = [write_inputs(tmp_path / city / "inputs") for city in ("a", "b")]
    for f in folders:
        (f / "kinerja.xlsx").write_text("bukan workbook")
    out = tmp_path / "output"
    result = invoke("build", "--output", out, "--inputs", folders[0], "--inputs", folders[1])
    assert result.exit_code == 2 and "nama file hasilnya sama" in result.output
    assert not out.exists() or digests(out) == {}


def test_another_office_never_replaces_a_document_in_a_later_run(tmp_path):
    out = tmp_path / "output"
    first = build(write_inputs(tmp_path / "a", with_office("Balai Kekarantinaan Kesehatan Kelas II Jambi",
                                                           "BKK Kelas II Jambi")), out)
    before = digests(out)
    other = write_inputs(tmp_path / "b", with_office("Balai Kekarantinaan Kesehatan Kelas II (Jambi)",
                                                     "BKK Kelas II (Jambi)"))
    result = invoke("build", "--inputs", other, "--output", out)
    assert result.exit_code == 2 and "dua kantor tidak boleh menulis file yang sama" in result.output
    assert str(tmp_path / "a") in result.output and first.path.is_file()
    assert digests(out) == before


@pytest.mark.parametrize("short", ["", "بكك جامبي", "ББКК", "A" * 300, "Å" * 100 + " Jambi"])
def test_every_office_name_gives_a_short_file_name_of_its_own(tmp_path, short):
    name = document_name(office(short_name=short, name=short or "Balai"))
    other = document_name(office(short_name=short + "x", name=short + "x"))
    assert len(name.encode()) <= 120 and name.isascii() and name.endswith(".docx")
    assert short == "" or name != other
    assert name == document_name(office(short_name=short, name=short or "Balai")), "deterministic"


def test_a_long_office_name_builds(tmp_path):
    long = "Balai Kekarantinaan Kesehatan Kelas II " + "Pelabuhan Sangat Panjang " * 12
    result = build(write_inputs(tmp_path / "in", with_office(long.strip(), long.strip())), tmp_path / "out")
    assert result.path is not None and len(result.path.name) < 120


def test_slug_keeps_ascii_letters_and_digits():
    assert slug("  Bálai Kelas II: Jambi (baru) ") == "Balai-Kelas-II-Jambi-baru"


# --- no cell text ever becomes a formula ----------------------------------------------------------

HOSTILE = ["=HYPERLINK(\"http://contoh.invalid\",\"klik\")", "=1+1", "+cmd|' /C calc'!A0", "@SUM(A1:A2)",
           "-2+3", "=DDE(\"cmd\";\"/C calc\";\"x\")"]


def test_workbooks_rkt_writes_hold_cell_text_as_text(tmp_path):
    data = mini_data()
    data["identitas"]["Identitas"]["address"] = HOSTILE[0]
    for i, text in enumerate(HOSTILE[1:]):
        data["identitas"]["Wilker"].append({"no": 3 + i, "name": text})
    data["pegawai"]["Pendidikan"][0]["name"] = HOSTILE[1]
    for e in data["pegawai"]["Pegawai"]:
        if e["education"] == "S2 Kesehatan Masyarakat":
            e["education"] = HOSTILE[1]
    inputs = write_inputs(tmp_path / "in", data)
    for name in ("identitas.xlsx", "pegawai.xlsx"):
        wb = load_workbook(inputs / name)
        assert all(c.data_type != "f" for ws in wb for row in ws.iter_rows() for c in row)
    assert invoke("init", "--year", 2025, "--from", inputs, "--to", tmp_path / "next").exit_code == 0
    assert build(inputs, tmp_path / "out", draft=True).path is not None
    written = [*(tmp_path / "next").glob("*.xlsx"), *(tmp_path / "out").rglob("*.xlsx")]
    for path in written:
        wb = load_workbook(path)
        formulas = [(ws.title, c.coordinate) for ws in wb for row in ws.iter_rows() for c in row if c.data_type == "f"]
        assert formulas == [], path
    wilker = load_workbook(tmp_path / "next" / "identitas.xlsx")["Wilker"]
    assert [c.value for c in wilker["B"][3:]] == HOSTILE[1:]


# --- resource limits on every path ---------------------------------------------------------------

def replace_member(path: Path, member: str, data: bytes) -> None:
    """Rewrite a workbook with one zip member replaced."""
    with zipfile.ZipFile(path) as src:
        items = [(i, src.read(i.filename)) for i in src.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info, content in items:
            dst.writestr(info, data if info.filename == member else content)


def sheet_xml(rows: int, dimension: str = "A1:A1", cols: int = 1) -> bytes:
    cells = lambda i: b"".join(b'<c r="%s%d" t="inlineStr"><is><t>x</t></is></c>' % (bytes([65 + c]), i)  # noqa: E731
                               for c in range(cols))
    body = b"".join(b'<row r="%d">%s</row>' % (i, cells(i)) for i in range(1, rows + 1))
    return (b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
            b'spreadsheetml/2006/main"><dimension ref="' + dimension.encode() + b'"/><sheetData>' + body +
            b"</sheetData></worksheet>")


LIMITED = Limits(file_bytes=200_000, unpacked_bytes=1_000_000, rows=500, cells=2_000)


@pytest.mark.parametrize("case, expect", [
    ("rows", "lebih dari 500 baris"),
    ("cells", "lebih dari 2.000 sel"),
    ("bomb", "zip bomb"),
    ("size", "terlalu besar (0 MB; batas 0 MB)"),
])
def test_limits_hold_for_check_build_init_and_diff(tmp_path, case, expect):
    inputs = write_inputs(tmp_path / "in")
    path = inputs / "jadwal.xlsx"
    if case == "rows":  # behind a dimension that claims one cell
        replace_member(path, "xl/worksheets/sheet1.xml", sheet_xml(600))
    elif case == "cells":
        replace_member(path, "xl/worksheets/sheet1.xml", sheet_xml(400, cols=6))
    elif case == "bomb":
        replace_member(path, "xl/worksheets/sheet1.xml", b" " * 3_000_000)
    else:
        with path.open("ab") as f:
            f.write(os.urandom(250_000))
    calls = [lambda: load(inputs, limits=LIMITED), lambda: build(inputs, tmp_path / "out", limits=LIMITED),
             lambda: init_year(inputs, tmp_path / "next", 2025, limits=LIMITED),
             lambda: load_side(inputs, limits=LIMITED)]
    for call in calls:
        with pytest.raises(InputError) as exc:
            call()
        assert [(f.rule, f.locations[0].workbook) for f in exc.value.findings] == [("input.too-large", "jadwal.xlsx")]
        assert expect in exc.value.findings[0].message
    assert not list((tmp_path / "out" / "pemeriksaan").rglob("*.xlsx")), "no marked copy of a refused workbook"


def test_commands_refuse_a_zip_bomb_with_bounded_memory_in_seconds(tmp_path):
    """A 250 MB sheet packed into a quarter of a megabyte, and 300 000 rows behind a false dimension.

    `check` and `init` read as `build` does (test_limits_hold_for_check_build_init_and_diff)."""
    inputs = write_inputs(tmp_path / "in")
    replace_member(inputs / "pegawai.xlsx", "xl/worksheets/sheet1.xml", b" " * (250 * 1024 * 1024))
    replace_member(inputs / "jadwal.xlsx", "xl/worksheets/sheet1.xml", sheet_xml(300_000))
    docx = tmp_path / "bom.docx"
    with zipfile.ZipFile(docx, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("customXml/rkt-snapshot.xml", b" " * (20 * 1024 * 1024))  # 1 000 times its packed size

    def limited():
        resource.setrlimit(resource.RLIMIT_AS, (500 * 1024 * 1024,) * 2)

    for args in (["build", "--inputs", inputs, "--output", tmp_path / "out"], ["diff", docx, inputs]):
        start = time.perf_counter()
        done = subprocess.run([*RKT, *map(str, args)], capture_output=True, text=True, preexec_fn=limited,
                              timeout=60)
        assert done.returncode == 2, (args, done.stderr)
        assert time.perf_counter() - start < 20
        assert "Traceback" not in done.stderr and "MemoryError" not in done.stderr
        assert "zip bomb" in done.stdout + done.stderr


@pytest.mark.parametrize("kind", ["fifo", "folder", "device", "empty"])
def test_only_regular_files_are_opened(tmp_path, kind):
    inputs = write_inputs(tmp_path / "in")
    path = inputs / "kinerja.xlsx"
    path.unlink()
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    elif kind == "device":
        path.symlink_to("/dev/zero")
    else:
        path.write_bytes(b"")
    done = subprocess.run([*RKT, "check", "--inputs", str(inputs)], capture_output=True, text=True, timeout=30)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    line = next(x for x in done.stdout.splitlines() if "kinerja.xlsx" in x)
    assert ("bukan file .xlsx" if kind == "empty" else "bukan file biasa") in line


def test_an_inputs_path_that_is_a_file_is_not_a_folder(tmp_path):
    (tmp_path / "inputs").write_text("x")
    result = invoke("check", "--inputs", tmp_path / "inputs")
    assert result.exit_code == 2 and "bukan folder" in result.output and "tidak ada" not in result.output


# --- every operating-system failure is a message --------------------------------------------------

def fail_writes(monkeypatch, code: int, where: str = "") -> None:
    """Make every file a publish stages (under `where`, if given), and every other atomic write, fail with
    the errno `code`, as the disk would."""
    real = files.tempfile.mkstemp

    def mkstemp(*args, **kwargs):
        if where in str(kwargs.get("dir", "")):
            raise OSError(code, os.strerror(code))
        return real(*args, **kwargs)

    def on_step(step: str) -> None:
        if step.startswith("stage ") and where in step:
            raise OSError(code, os.strerror(code))

    monkeypatch.setattr(files.tempfile, "mkstemp", mkstemp)
    monkeypatch.setattr(files, "on_step", on_step)


@pytest.mark.parametrize("code, message", [
    (errno.EACCES, "tidak diizinkan"), (errno.EROFS, "baca-saja"), (errno.ENOSPC, "disk penuh"),
    (errno.ENAMETOOLONG, "nama file terlalu panjang"),
])
def test_a_write_that_fails_is_a_message_and_the_previous_document_stays(tmp_path, monkeypatch, code, message):
    inputs, out = write_inputs(tmp_path / "in"), tmp_path / "out"
    first = build(inputs, out)
    before = digests(out)
    write_inputs(inputs, revised())
    fail_writes(monkeypatch, code)
    result = invoke("build", "--inputs", inputs, "--output", out)
    assert result.exit_code == 2 and message in result.output and "Traceback" not in result.output
    assert digests(out) == before and first.path.is_file() and not leftovers(out)


def test_a_draft_is_not_written_without_its_marked_copies(tmp_path, monkeypatch):
    """All or nothing: a draft whose marked copies cannot be written is not written either."""
    inputs, out = write_inputs(tmp_path / "in", broken()), tmp_path / "out"
    fail_writes(monkeypatch, errno.EACCES, where="pemeriksaan")
    result = invoke("build", "--draft", "--inputs", inputs, "--output", out)
    assert result.exit_code == 2 and "tidak diizinkan" in result.output and "pemeriksaan" in result.output
    assert digests(out) == {} and not leftovers(out)


@pytest.mark.parametrize("kind", ["file", "file-parent"])
def test_an_output_folder_that_is_a_file(tmp_path, kind):
    inputs = write_inputs(tmp_path / "in")
    target = tmp_path / "out"
    target.write_text("x")
    out = target if kind == "file" else target / "sub"
    result = invoke("build", "--inputs", inputs, "--output", out)
    assert result.exit_code == 2 and "bukan folder" in result.output
    assert target.read_text() == "x"


def test_text_that_cannot_be_encoded_is_shown_not_a_traceback(tmp_path):
    folder = Path(os.fsdecode(bytes(tmp_path) + b"/kantor-\xff"))
    write_inputs(folder, broken())
    done = subprocess.run([*RKT, "build", "--inputs", str(folder), "--output", str(tmp_path / "out")],
                          capture_output=True, env={**os.environ, "PYTHONIOENCODING": "ascii"}, timeout=60)
    assert done.returncode == 1 and b"Traceback" not in done.stderr
    report = (tmp_path / "out" / f"{STEM}-pemeriksaan.md").read_text("utf-8")
    assert "kantor-" in report


# --- interrupted builds leave nothing behind ------------------------------------------------------

@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_during_a_build_leaves_no_temporary_file_and_whole_documents(tmp_path, sig):
    inputs, out = write_inputs(tmp_path / "in"), tmp_path / "out"
    build(inputs, out)
    old = (out / f"{STEM}.docx").read_bytes()
    write_inputs(inputs, revised())
    for delay in (0.3, 0.7, 1.1):
        proc = subprocess.Popen([*RKT, "build", "--inputs", str(inputs), "--output", str(out)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        time.sleep(delay)
        proc.send_signal(sig)
        _, err = proc.communicate(timeout=60)
        assert b"Traceback" not in err or sig == signal.SIGINT and b"KeyboardInterrupt" in err
        assert not leftovers(out), delay
        current = (out / f"{STEM}.docx").read_bytes()
        assert zipfile.ZipFile(io.BytesIO(current)).testzip() is None
        assert current == old or (out / "sebelumnya" / f"{STEM}.docx").read_bytes() == old


# --- text arrives as typed --------------------------------------------------------------------------

def twin(tmp_path, data) -> str:
    result = build(write_inputs(tmp_path / "in", data), tmp_path / "out", draft=True)
    return result.path.with_suffix(".md").read_text()


def test_excel_escapes_and_jinja_like_text_print_as_typed(tmp_path):
    data = mini_data()
    data["identitas"]["Unit"][0]["name"] = "Subbagian_x000D_Administrasi {_{ x }_} {{ y }} {% z %} _x005F_x000B_ & <b>"
    text = twin(tmp_path, data)
    assert "1. Subbagian Administrasi {_{ x }_} {{ y }} {% z %} _x000B_ & <b>, mempunyai tugas" in text


def test_text_starting_with_an_equals_sign_is_text(tmp_path):
    inputs = write_inputs(tmp_path / "in")
    wb = load_workbook(inputs / "pendanaan.xlsx")
    wb["RO"]["H4"] = "=kantor pusat"
    wb["RO"]["H4"].data_type = "s"
    wb.save(inputs / "pendanaan.xlsx")
    plan = load(inputs)
    assert plan.ro("EBA.994").location == "=kantor pusat"


@pytest.mark.parametrize("char", ["\u200b", "\ufeff", "\u00ad", "\u2060"])
def test_invisible_characters_in_a_code_are_named(tmp_path, char):
    data = mini_data()
    data["pendanaan"]["RO"][0]["code"] = f"QAH.0{char}17"
    with pytest.raises(InputError) as exc:
        load(write_inputs(tmp_path / "in", data))
    found = [f for f in exc.value.findings if f.rule == "input.invisible-char"]
    assert found and f"U+{ord(char):04X}" in found[0].message and "`QAH.017`" in found[0].message
    assert found[0].locations[0].cell == "A2"


@pytest.mark.parametrize("value, rule", [
    ("31 Februari 2024", "input.not-a-date"), ("30/02/2024", "input.not-a-date"), ("Januari 2024", None)])
def test_impossible_dates_in_words_or_figures(tmp_path, value, rule):
    data = mini_data()
    data["identitas"]["Identitas"]["sign_date"] = value
    folder = write_inputs(tmp_path / "in", data)
    if rule is None:
        assert load(folder).office.sign_date.month == 1
        return
    with pytest.raises(InputError) as exc:
        load(folder)
    assert [f.rule for f in exc.value.findings] == [rule]


@pytest.mark.parametrize("value", ["9" * 5000, "1" + "0" * 15, "1.000.000.000.000.000", 1e300])
def test_a_number_too_long_to_be_money_is_refused(tmp_path, value):
    data = mini_data()
    data["pendanaan"]["RO"][0]["pnbp"] = value
    with pytest.raises(InputError) as exc:
        load(write_inputs(tmp_path / "in", data))
    assert any("terlalu besar" in f.message and f.locations[0].cell == "F2" for f in exc.value.findings)


# --- every problem at once --------------------------------------------------------------------------

def test_problems_of_every_workbook_are_reported_together(tmp_path):
    data = mini_data()
    data["jadwal"]["Jadwal"][0]["m02"] = "seribu"
    data["pegawai"]["Pegawai"][1]["nip"] = "198503122010012001"
    data["pegawai"]["Pegawai"][2]["nip"] = "198503122010012001"
    inputs = write_inputs(tmp_path / "in", data)
    (inputs / "kinerja.xlsx").write_text("a,b,c")
    with pytest.raises(InputError) as exc:
        load(inputs)
    assert {f.locations[0].workbook for f in exc.value.findings} == {"jadwal.xlsx", "kinerja.xlsx"}


# --- property-based: hostile text, shapes and kinds for build -------------------------------------

hostile_text = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["_x000B_", "_xD800_", "_x005F_x000D_", "{{ office }}", "{_{ x }_}", "{% if x %}", "=1+1",
                     "@A1", "\u200b", "\ufeff", "\u202e", "<w:t>", "&amp;", "]]>", "\\", "'", '"', "\t\n\r"]),
)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(hostile_text, min_size=1, max_size=4),
       where=st.sampled_from([("identitas", "Unit", 0, "name"), ("pendanaan", "RO", 0, "name"),
                              ("pendanaan", "RO", 1, "code"), ("identitas", "Wilker", 0, "name"),
                              ("kinerja", "IKK", 0, "definition"), ("pegawai", "Pegawai", 0, "name")]))
def test_hostile_cell_text_gives_a_document_or_located_findings(tmp_path_factory, texts, where):
    folder = tmp_path_factory.mktemp("hostile")
    data = mini_data()
    book, sheet, row, key = where
    data[book][sheet][row][key] = excel_escape("".join(texts))  # control characters as Excel stores them
    try:
        result = build(write_inputs(folder / "in", data), folder / "out", draft=True)
    except InputError as exc:
        assert all(f.locations and f.message for f in exc.findings)
        return
    assert result.path.is_file() and not leftovers(folder / "out")
    zipfile.ZipFile(result.path).testzip()
    for f in run_checks(load(folder / "in")):
        assert f.rule and f.message


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kind=st.sampled_from(["csv", "xls", "truncated", "empty", "text-zip", "folder", "symlink-loop", "missing"]),
       workbook=st.sampled_from(["identitas.xlsx", "pegawai.xlsx", "kinerja.xlsx", "pendanaan.xlsx", "jadwal.xlsx"]))
def test_any_kind_of_file_in_place_of_a_workbook_gives_located_findings(tmp_path_factory, kind, workbook):
    folder = write_inputs(tmp_path_factory.mktemp("kinds") / "in")
    path = folder / workbook
    data = path.read_bytes()
    path.unlink()
    if kind == "csv":
        path.write_text("No,Nama\n1,x\n")
    elif kind == "xls":
        path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    elif kind == "truncated":
        path.write_bytes(data[: len(data) // 2])
    elif kind == "empty":
        path.write_bytes(b"")
    elif kind == "text-zip":
        with zipfile.ZipFile(path, "w") as zf:
            zf.writestr("a.txt", "x")
    elif kind == "folder":
        path.mkdir()
    elif kind == "symlink-loop":
        path.symlink_to(path)
    with pytest.raises(InputError) as exc:
        build(folder, folder.parent / "out")
    assert [f.locations[0].workbook for f in exc.value.findings] == [workbook]
    assert exc.value.report.endswith("in-input-pemeriksaan.md")
