"""All or nothing: a publish interrupted or failing at any of its write steps leaves the previous set whole,
and the next build succeeds without anyone cleaning up.

The scenario: an output folder holding a clean build and the report and marked copies of a later
build that errors stopped (the previous set); then the edition of changed workbooks is published
with --final, which replaces the documents (keeping the old ones in sebelumnya/) and the report,
removes the marked copies no finding needs any more, and issues the archive folder: every kind
of change a publish makes.
Each write step is made observable by `files.on_step`, which a test replaces to raise, to send
SIGTERM or to kill the process with SIGKILL at step k, for every k in turn.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import pickle
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline import files
from pipeline.cli import cli
from pipeline.edition import analyse, compose, publish
from pipeline.files import FileProblem
from pipeline.outputs import OutputFolder
from tests.builders import mini_data, write_inputs
from tests.test_reproducible import move_1000

STEM = "RKT-2024-BKK-Kelas-II-Contoh"
ROOT = Path(__file__).resolve().parent.parent


def tree(folder: Path) -> dict[str, str]:
    """Every file anyone sees in the output folder (rkt's own state aside) and the SHA-256 of its bytes."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and ".rkt" not in p.relative_to(folder).parts}


def manifest(folder: Path) -> dict:
    return json.loads((folder / ".rkt" / "manifest.json").read_text("utf-8"))


def assert_recorded(folder: Path) -> None:
    """The manifest agrees with the files: nothing pending, each recorded file there with its digest, each
    file outside the archive recorded, no staging left."""
    data = manifest(folder)
    assert "pending" not in data
    seen = {rel: digest for rel, digest in tree(folder).items() if not rel.startswith("terbit/")}
    assert {rel: entry["sha256"] for rel, entry in data["files"].items()} == seen
    assert not (folder / ".rkt" / "staging").exists()


def broken() -> dict:
    data = mini_data()
    data["jadwal"]["Jadwal"][0]["m02"] = 10_001
    return data


@pytest.fixture(scope="module")
def scenario(tmp_path_factory):
    """(the previous set's folder, the edition to publish with --final, the folder it gives when published whole)."""
    with pytest.MonkeyPatch.context() as patch:  # module-scoped: conftest's no-LibreOffice patch does not reach here
        patch.setattr("pipeline.document.pdf.soffice", lambda: None)  # its PDFs differ run to run; trees compared
        return _scenario(tmp_path_factory)


def _scenario(tmp_path_factory):
    base = tmp_path_factory.mktemp("scenario")
    inputs, before = write_inputs(base / "inputs"), base / "before"
    assert publish(compose(analyse(inputs)), before).path is not None
    write_inputs(inputs, broken())
    assert publish(compose(analyse(inputs)), before).path is None
    assert (before / "pemeriksaan" / STEM / "jadwal.xlsx").is_file()
    data = mini_data()
    move_1000(data)
    write_inputs(inputs, data)
    edition = compose(analyse(inputs))
    after = base / "after"
    shutil.copytree(before, after, symlinks=True)
    publish(edition, after, final=True)
    assert (after / "terbit" / "2024-Awal-Tahun" / f"{STEM}.docx").is_file()
    assert not (after / "pemeriksaan").exists()
    assert (after / "sebelumnya" / f"{STEM}.docx").is_file()
    return before, edition, after


def steps_of(scenario, tmp_path) -> list[str]:
    before, edition, _ = scenario
    seen: list[str] = []
    folder = tmp_path / "steps"
    shutil.copytree(before, folder, symlinks=True)
    real, files.on_step = files.on_step, seen.append
    try:
        publish(edition, folder, final=True)
    finally:
        files.on_step = real
    return seen


def test_every_kind_of_change_is_a_step(scenario, tmp_path):
    steps = steps_of(scenario, tmp_path)
    kinds = {step.split()[0] for step in steps}
    assert kinds == {"stage", "keep", "journal", "folder", "publish", "remove", "issue", "record", "clean"}
    assert steps.index("journal") < steps.index("record") < steps.index("clean")


@pytest.mark.parametrize("fault", [KeyboardInterrupt, SystemExit, OSError])
def test_an_interruption_or_failure_at_any_step_leaves_the_previous_set_whole(scenario, tmp_path, monkeypatch, fault):
    before, edition, after = scenario
    steps = steps_of(scenario, tmp_path)
    for k, label in enumerate(steps):
        folder = tmp_path / f"k{k}"
        shutil.copytree(before, folder, symlinks=True)
        count = iter(range(len(steps) + 100))

        def on_step(step, k=k, count=count):
            if next(count) == k:
                raise fault(errno.ENOSPC, os.strerror(errno.ENOSPC)) if fault is OSError else fault()

        monkeypatch.setattr(files, "on_step", on_step)
        try:
            publish(edition, folder, final=True)
            assert fault is OSError and label == "clean", label  # a failed clean-up is left for the next run
        except (KeyboardInterrupt, SystemExit, FileProblem) as exc:
            assert not isinstance(exc, FileProblem) or "disk penuh" in str(exc), exc
        monkeypatch.setattr(files, "on_step", lambda step: None)
        assert tree(folder) == tree(after if label == "clean" else before), label
        publish(edition, folder, final=True)  # the next build needs no cleaning by hand
        assert tree(folder) == tree(after), label
        assert_recorded(folder)


KILL = """
import os, pickle, signal, sys
from pipeline import cli, files
from pipeline.document import pdf
from pipeline.edition import publish
pdf.soffice = lambda: None  # as in the scenario: no PDF, whose bytes differ run to run
edition = pickle.loads(open(sys.argv[1], "rb").read())
k, how = int(sys.argv[3]), sys.argv[4]
seen = []
def on_step(step):
    seen.append(step)
    if len(seen) == k + 1:
        os.kill(os.getpid(), signal.SIGKILL if how == "kill" else signal.SIGTERM)
signal.signal(signal.SIGTERM, cli._interrupted)  # as the rkt command sets it
files.on_step = on_step
publish(edition, sys.argv[2], final=True)
"""


@pytest.mark.slow
@pytest.mark.parametrize("how", ["kill", "term"])
def test_a_process_killed_or_terminated_at_any_step_leaves_a_folder_the_next_build_puts_right(scenario, tmp_path, how):
    """SIGKILL (a power cut, the task manager): the next command on the folder puts back the previous set.
    SIGTERM: delivered while staging, it stops the publish; while the files are put in place, it waits."""
    before, edition, after = scenario
    steps = steps_of(scenario, tmp_path)
    pickled = tmp_path / "edition.pickle"
    pickled.write_bytes(pickle.dumps(edition))
    committed = steps.index("journal")
    for k, label in enumerate(steps):
        folder = tmp_path / f"k{k}"
        shutil.copytree(before, folder, symlinks=True)
        done = subprocess.run([sys.executable, "-c", KILL, str(pickled), str(folder), str(k), how], cwd=ROOT,
                              capture_output=True, text=True, timeout=120)
        assert "Traceback" not in done.stderr, done.stderr
        if how == "kill":
            assert done.returncode == -signal.SIGKILL, label
            data = manifest(folder)
            known = {rel: {e["sha256"] for e in (data["files"].get(rel), data.get("pending", {}).get("files", {})
                                                 .get(rel)) if e} for rel in tree(folder)}
            assert all(digest in known[rel] for rel, digest in tree(folder).items() if not rel.startswith("terbit/")), \
                f"{label}: a file rkt wrote but did not record"
            with OutputFolder(folder, edition.owner, edition.inputs).transaction():
                pass  # the next command on the folder, before it does anything
            assert tree(folder) == tree(after if label == "clean" else before), label
        else:
            assert done.returncode == 128 + signal.SIGTERM, (label, done.stderr)
            assert tree(folder) == tree(after if k >= committed else before), label
        publish(edition, folder, final=True)
        assert tree(folder) == tree(after), label
        assert_recorded(folder)


@pytest.mark.parametrize("call", ["write", "replace"])
def test_a_disk_failing_at_any_system_call_leaves_the_previous_set_whole(scenario, tmp_path, monkeypatch, call):
    """ENOSPC from os.write (the disk fills while a file is staged) or a refusal from os.replace (Windows,
    when Word holds the file open) at every call in turn."""
    before, edition, after = scenario
    real = getattr(os, call)
    for k in range(40):
        folder = tmp_path / f"k{k}"
        shutil.copytree(before, folder, symlinks=True)
        calls = iter(range(1000))

        def failing(*args, k=k, calls=calls):
            if next(calls) == k:
                raise OSError(errno.ENOSPC, "No space left on device") if call == "write" else \
                    PermissionError(errno.EACCES, "Permission denied")
            return real(*args)

        monkeypatch.setattr(os, call, failing)
        try:
            publish(edition, folder, final=True)
        except FileProblem as exc:
            assert ("disk penuh" if call == "write" else "tidak diizinkan") in str(exc)
        else:
            monkeypatch.setattr(os, call, real)
            assert tree(folder) == tree(after)
            assert k > 0, "the failure was injected"
            break
        finally:
            monkeypatch.setattr(os, call, real)
        assert tree(folder) == tree(before), k
        publish(edition, folder, final=True)
        assert tree(folder) == tree(after) and (folder / ".rkt" / "manifest.json").is_file()
        assert_recorded(folder)
    else:
        pytest.fail("every call failed")


def used_kb(folder: Path) -> int:
    st = os.statvfs(folder)
    return (st.f_blocks - st.f_bfree) * st.f_frsize // 1024


def test_a_full_disk_refuses_the_whole_set_and_the_next_build_succeeds(scenario, small_disk):
    before, edition, after = scenario
    disk, mount = small_disk
    folder = disk / "output"
    shutil.copytree(before, folder, symlinks=True)
    assert mount(used_kb(disk) + 60, remount=True), "room for a part of the new set only"
    result = CliRunner().invoke(cli, ["build", "--final", "--inputs", str(edition.inputs), "--output", str(folder)])
    assert result.exit_code == 2 and "disk penuh" in result.output and "Traceback" not in result.output
    assert tree(folder) == tree(before) and not (folder / ".rkt" / "staging").exists()
    assert mount(4096, remount=True)
    publish(edition, folder, final=True)
    assert tree(folder) == tree(after)
    assert_recorded(folder)
