"""rkt installed as a planner installs it (pip or pipx, not editable) works in any folder.

The project is copied aside, installed into a fresh virtual environment as a regular package (its
templates and every file it needs at run time inside it), and run from an empty folder far from
any clone. The libraries come from the project's own environment (a path file), so the test needs
no network; the wheel is built by the setuptools the build-system asks for, as pip would.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from pipeline.build import build

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "inputs"
SOURCES = ("pyproject.toml", "README.md", "pipeline", "templates")


def _run(cmd: list, cwd: Path, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run([str(c) for c in cmd], cwd=cwd, capture_output=True, text=True, check=check, timeout=300)


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> dict[str, Path]:
    """A fresh venv with rkt installed from a copy of the project (non-editable): its python and scripts folder."""
    tmp = tmp_path_factory.mktemp("install")
    src = tmp / "src"
    src.mkdir()
    for name in SOURCES:
        path = ROOT / name
        if path.is_dir():
            shutil.copytree(path, src / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(path, src / name)
    venv = tmp / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", venv], tmp)
    python = next(p for p in (venv / "bin" / "python", venv / "Scripts" / "python.exe") if p.exists())
    paths = _run([python, "-c", "import sysconfig; print(sysconfig.get_path('purelib')); "
                  "print(sysconfig.get_path('scripts'))"], tmp).stdout.split("\n")
    site, scripts = Path(paths[0]), Path(paths[1])
    (site / "rkt-libraries.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    _run([sys.executable, "-m", "pip", "--python", python, "install", "--quiet", "--no-deps", "--no-index",
          "--no-build-isolation", src], tmp)
    shutil.rmtree(src)  # nothing of the copy may be needed once installed
    return {"python": python, "scripts": scripts, "site": site}


@pytest.mark.slow
def test_the_installed_package_carries_its_templates(installed):
    found = _run([installed["python"], "-c", "import pipeline.document.render as r; print(r.TEMPLATE)"],
                 installed["site"].parent).stdout.strip()
    template = Path(found)
    assert template.is_file()
    assert installed["site"] in template.parents  # inside the installed package, not a clone's templates/


@pytest.mark.slow
def test_an_installed_rkt_builds_in_an_empty_folder_the_same_bytes(installed, tmp_path):
    office = shutil.copytree(SHIPPED, tmp_path / "kantor", ignore=shutil.ignore_patterns("~$*"))
    somewhere = tmp_path / "kosong"
    somewhere.mkdir()
    rkt = next(p for p in (installed["scripts"] / "rkt", installed["scripts"] / "rkt.exe") if p.exists())
    done = _run([rkt, "build", "--inputs", office, "--output", "hasil"], somewhere, check=False)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    expected = build(office, tmp_path / "editable")
    built = somewhere / "hasil" / expected.path.name
    assert built.read_bytes() == expected.path.read_bytes()
    assert (somewhere / "hasil" / expected.agreement.name).read_bytes() == expected.agreement.read_bytes()


@pytest.mark.slow
def test_an_installed_rkt_serves_its_page_and_speaks_indonesian(installed, tmp_path):
    office = shutil.copytree(SHIPPED, tmp_path / "kantor", ignore=shutil.ignore_patterns("~$*"))
    script = ("import sys; from pipeline.web.app import create_app; c = create_app([sys.argv[1]]).test_client(); "
              "page = c.get('/kantor/kantor/'); css = c.get('/static/rkt.css'); js = c.get('/static/rkt.js'); "
              "print(page.status_code, css.status_code, js.status_code, 'Temuan' in page.get_data(as_text=True))")
    done = _run([installed["python"], "-c", script, office], tmp_path)
    assert done.stdout.split() == ["200", "200", "200", "True"]
    rkt = next(p for p in (installed["scripts"] / "rkt", installed["scripts"] / "rkt.exe") if p.exists())
    helped = _run([rkt, "serve", "--help"], tmp_path)
    assert "Pemakaian: rkt serve [OPSI]" in helped.stdout and "Usage" not in helped.stdout
