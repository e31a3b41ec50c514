"""Shared fixtures: a consistent mini office written as real workbooks."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.builders import mini_data, write_inputs


@pytest.fixture(autouse=True)
def _no_libreoffice_unless_asked(request, monkeypatch):
    """`rkt build --final` converts the issued documents to PDF with LibreOffice: only tests marked `office`
    pay for that; the others see a machine without it."""
    if request.node.get_closest_marker("office") is None:
        monkeypatch.setattr("pipeline.document.pdf.soffice", lambda: None)


@pytest.fixture
def data():
    """The mini office's contents, to change before writing."""
    return mini_data()


@pytest.fixture
def mini_inputs(tmp_path):
    """A folder with the five workbooks of the unchanged mini office."""
    return write_inputs(tmp_path / "inputs")


@pytest.fixture(scope="session")
def office_tools():
    """LibreOffice and poppler's tools, or a skip (a failure under CI, which must install them)."""
    missing = [tool for tool in ("soffice", "pdfinfo", "pdftotext") if shutil.which(tool) is None]
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI must install LibreOffice and poppler-utils; missing: {', '.join(missing)}")
        pytest.skip(f"not installed: {', '.join(missing)}")


@pytest.fixture
def committed_inputs(tmp_path, monkeypatch):
    """The mini office committed in a fresh git repository (the working directory); returns inputs/."""
    repo = tmp_path / "repo"
    folder = write_inputs(repo / "inputs")
    for name in [n for n in os.environ if n.startswith("GIT_")]:  # `git rebase --exec make test` exports GIT_DIR:
        monkeypatch.delenv(name)  # without this the commits below would land in rkt's own repository
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    subprocess.run([*git, "add", "."], cwd=repo, check=True)
    subprocess.run([*git, "commit", "-qm", "inputs"], cwd=repo, check=True)
    monkeypatch.chdir(repo)
    return folder


def pytest_sessionfinish(session, exitstatus):
    """When every rule test ran and passed, every rule must have fired in one of them."""
    from pipeline.checks import RULES
    from tests.checks_support import FIRED

    ran = {Path(str(item.fspath)).name for item in session.items}
    families = {f"test_checks_{r.split('.')[0]}.py" for r in RULES}
    if exitstatus == 0 and families <= ran:
        silent = sorted(set(RULES) - FIRED)
        if silent:
            session.config.get_terminal_writer().line(
                f"rules no rule test made fire (add a breaking case): {', '.join(silent)}", red=True)
            session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture
def small_disk(tmp_path):
    """A tmpfs of a few hundred kilobytes at tmp_path/disk and a function to resize it (root on Linux only)."""
    disk = tmp_path / "disk"
    disk.mkdir()

    def mount(size_kb: int, remount: bool = False) -> bool:
        options = f"{'remount,' if remount else ''}size={size_kb}k"
        args = ["mount", "-o", options, str(disk)] if remount else ["mount", "-t", "tmpfs", "-o", options, "tmpfs",
                                                                     str(disk)]
        return shutil.which("mount") is not None and subprocess.run(args, capture_output=True).returncode == 0

    if os.geteuid() != 0 or not mount(2048):
        pytest.skip("a small tmpfs cannot be mounted here (needs root on Linux)")
    yield disk, mount
    subprocess.run(["umount", "-l", str(disk)], capture_output=True)
