"""The built document in a real office suite: LibreOffice converts it to PDF, TOC filled.

Skipped where LibreOffice is not installed, except in CI (env CI set), where a missing
soffice is a failure: CI installs it so this test runs.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from pipeline.build import build
from pipeline.document.context import build_context
from pipeline.document.pdf import to_pdf
from pipeline.inputs.normalise import load
from tests.builders import write_inputs

pytestmark = pytest.mark.office

SHIPPED = Path(__file__).resolve().parent.parent / "inputs"


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> Path:
    """The shipped workbooks of the 2024 edition when present, else the mini office."""
    if (SHIPPED / "identitas.xlsx").is_file():
        return SHIPPED
    return write_inputs(tmp_path_factory.mktemp("mini") / "inputs")


@pytest.fixture(scope="module")
def built(office_tools, inputs, tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    result = build(inputs, out)
    assert result.path is not None, [str(f) for f in result.findings if f.severity == "error"]
    pdf = to_pdf(result.path)
    pages = int(re.search(r"^Pages:\s+(\d+)", subprocess.run(
        ["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout, re.M).group(1))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return build_context(load(inputs)), pages, text


def flat(text: str) -> str:
    return " ".join(text.split())


def test_pdf_has_a_sensible_page_count(built, inputs):
    context, pages, _ = built
    ros = sum(1 for r in context["schedule"]["rows"] if not r["heading"])
    # cover, foreword, TOC, three chapters, one page per annex at least; at most ~4 Jadwal rows a page
    assert 10 <= pages <= 20 + ros // 4, pages


def test_pdf_shows_the_key_figures(built):
    context, _, text = built
    assert context["pagu"] in text
    assert context["staff"]["total_phrase"] in flat(text)
    row = next(r for r in context["schedule"]["rows"] if not r["heading"] and r["months"].count("-") < 12)
    jadwal = text[text.rindex("Jadwal Pelaksanaan Kegiatan Tahun"):]
    line = next(line for line in jadwal.splitlines() if row["code"] in line and row["amount"] in line)
    shown = [m for m in row["months"] if m != "-"]
    assert all(m in line for m in shown), (line, row["months"])


def test_pdf_table_of_contents_is_filled(built):
    _, _, text = built
    page = next(p for p in text.split("\f") if "DAFTAR ISI" in p)
    assert "Daftar isi diperbarui otomatis" not in page
    assert re.search(r"BAB I PENDAHULUAN\s*\.{3,}\s*1\b", page), page
    assert re.search(r"2\. Sumber Pendanaan\s*\.{3,}\s*\d+", page)
    assert re.search(r"LAMPIRAN\s*\.{3,}\s*\d+", page)
