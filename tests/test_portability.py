"""Nothing POSIX-only without a fallback: locks, signals, permissions and path lengths on Windows too.

Windows cannot run here: each fallback is walked on Linux by taking away what Windows lacks
(fcntl) or by setting `files.WINDOWS`, and the POSIX way is tested for real beside it.
"""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import types
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline import files
from pipeline.build import build
from pipeline.cli import cli
from tests.builders import write_inputs

ROOT = Path(__file__).resolve().parent.parent


def fake_msvcrt(busy: int = 0) -> types.ModuleType:
    """A stand-in for Windows' msvcrt: records each locking call; the first `busy` tries find the byte locked."""
    module = types.ModuleType("msvcrt")
    module.LK_NBLCK, module.LK_UNLCK = 2, 0
    module.calls = []

    def locking(fd: int, mode: int, nbytes: int) -> None:
        module.calls.append((mode, os.lseek(fd, 0, os.SEEK_CUR), nbytes))
        if mode == module.LK_NBLCK and sum(c[0] == module.LK_NBLCK for c in module.calls) <= busy:
            raise OSError(36, "Resource deadlock avoided")

    module.locking = locking
    return module


def test_rkt_starts_without_fcntl():
    """`import fcntl` fails on Windows: no module of rkt may need it to load."""
    code = "import sys; sys.modules['fcntl'] = None; import pipeline.cli, pipeline.outputs, pipeline.edition"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_a_build_locks_its_output_folder_with_msvcrt_where_there_is_no_fcntl(tmp_path, monkeypatch):
    msvcrt = fake_msvcrt(busy=2)
    monkeypatch.setitem(sys.modules, "fcntl", None)
    monkeypatch.setitem(sys.modules, "msvcrt", msvcrt)
    monkeypatch.setattr(files.time, "sleep", lambda s: None)
    result = build(write_inputs(tmp_path / "in"), tmp_path / "out")
    assert result.path.is_file()
    tries = [c for c in msvcrt.calls if c[0] == msvcrt.LK_NBLCK]
    assert len(tries) >= 3 and all(c[1:] == (0, 1) for c in tries), "the first byte, tried again until free"
    assert msvcrt.calls[-1] == (msvcrt.LK_UNLCK, 0, 1)


def test_the_posix_lock_excludes_another_process(tmp_path):
    fcntl = pytest.importorskip("fcntl")
    lock = tmp_path / "lock"
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys; from pathlib import Path; from pipeline.files import locked\n"
         "with locked(Path(sys.argv[1])):\n    print('held', flush=True); sys.stdin.read()", str(lock)],
        cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        fd = os.open(lock, os.O_RDWR)
        try:
            with pytest.raises(BlockingIOError):
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        finally:
            os.close(fd)
    finally:
        holder.communicate("", timeout=30)
    with files.locked(lock):  # released when its holder ended
        pass


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_held_signals_are_delivered_when_the_block_ends(sig):
    got: list[tuple[str, int]] = []
    before = signal.signal(sig, lambda n, f: got.append(("handler", n)))
    try:
        with files.hold_signals():
            os.kill(os.getpid(), sig)
            for _ in range(1000):  # Python runs handlers between bytecodes: give it many chances
                pass
            got.append(("block", 0))
        assert got == [("block", 0), ("handler", sig)]
    finally:
        signal.signal(sig, before)


def test_held_signals_hold_where_a_native_thread_could_take_them():
    """A blocked signal mask is per thread; a library's native thread would take the signal and Python
    would run the handler at once. Held by handler instead, it waits (tested in a process with such a thread)."""
    code = """
import os, signal, threading
from pipeline.files import hold_signals
order = []
signal.signal(signal.SIGTERM, lambda n, f: order.append("handler"))
stop = threading.Event()
worker = threading.Thread(target=stop.wait)
worker.start()
with hold_signals():
    os.kill(os.getpid(), signal.SIGTERM)
    for _ in range(100000):
        pass
    order.append("block")
stop.set()
worker.join()
print(order)
"""
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "['block', 'handler']", done.stderr


def test_a_signal_left_to_the_system_is_raised_again_after_the_block(tmp_path):
    code = ("import os, signal\nfrom pipeline.files import hold_signals\n"
            "signal.signal(signal.SIGTERM, signal.SIG_DFL)\n"
            "with hold_signals():\n    os.kill(os.getpid(), signal.SIGTERM)\n    print('finished', flush=True)\n"
            "print('after')\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.stdout == "finished\n" and done.returncode == -signal.SIGTERM


def test_read_only_on_windows_is_the_files_attribute(tmp_path, monkeypatch):
    folder, file = tmp_path / "edisi", tmp_path / "edisi" / "RKT.docx"
    folder.mkdir()
    file.write_bytes(b"x")
    calls = []
    monkeypatch.setattr(files, "WINDOWS", True)
    monkeypatch.setattr(files.os, "chmod", lambda path, mode: calls.append((Path(path).name, mode)))
    files.make_read_only(folder)
    files.make_read_only(file)
    files.make_writable(file)
    assert calls == [("RKT.docx", stat.S_IREAD), ("RKT.docx", stat.S_IREAD | stat.S_IWRITE)], \
        "Windows ignores a folder's read-only attribute: only files get it"


def test_read_only_on_posix_takes_every_write_permission(tmp_path):
    file = tmp_path / "RKT.docx"
    file.write_bytes(b"x")
    os.chmod(file, 0o664)
    files.make_read_only(file)
    assert stat.S_IMODE(file.stat().st_mode) == 0o444
    files.make_writable(file)
    assert stat.S_IMODE(file.stat().st_mode) == 0o644


def test_a_path_too_long_for_windows_is_refused_before_anything_is_written(tmp_path, monkeypatch):
    inputs = write_inputs(tmp_path / "in")
    deep = tmp_path / ("folder-dengan-nama-yang-panjang-" * 5)
    monkeypatch.setattr(files, "WINDOWS", True)
    result = CliRunner().invoke(cli, ["build", "--inputs", str(inputs), "--output", str(deep)])
    assert result.exit_code == 2 and "jalur terlalu panjang untuk Windows" in result.output
    assert "batas 259" in result.output and not any(p.is_file() for p in deep.rglob("*") if ".rkt" not in p.parts)
    monkeypatch.setattr(files, "WINDOWS", False)
    assert build(inputs, deep).path.is_file(), "Linux allows it"


@pytest.mark.parametrize("name, why", [
    ("x" * 256, "terlalu panjang untuk sistem file ini"),
    ("bagian/" * 700 + "x", "jalur terlalu panjang"),
])
def test_names_past_the_file_systems_limits_are_a_message(tmp_path, name, why):
    assert why in files.path_problem(tmp_path / name)


@pytest.mark.parametrize("rel", ["../x", "/etc/x", "a/../../x", "a//b", "a\\b", "c:x", "."])
def test_a_name_leading_out_of_its_folder_is_refused(tmp_path, rel):
    assert "bukan nama di dalam" in files.rel_problem(tmp_path, rel)


def test_no_write_goes_through_a_symlink(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    (out / "pemeriksaan").symlink_to(elsewhere)
    assert "symlink" in files.rel_problem(out, "pemeriksaan/RKT/jadwal.xlsx")
    (out / "RKT.docx").symlink_to(elsewhere / "doc.docx")
    assert "symlink" in files.rel_problem(out, "RKT.docx")
