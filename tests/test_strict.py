"""A workbook saved as Strict Open XML (Excel: Save As > Strict Open XML Spreadsheet) reads as the ordinary one.

Strict keeps every part of the workbook and renames its namespaces and relationship types
(ISO/IEC 29500-1 against the Transitional names of 29500-4). `strict()` below saves a workbook
the way Excel does, renaming each; openpyxl alone sees no sheet in the result, which is what
planners met ("sheet 'KRO' tidak ada (yang ada: )").
"""

from __future__ import annotations

import hashlib
import io
import warnings
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from pipeline.checks import run_checks
from pipeline.cli import cli
from pipeline.findings import InputError
from pipeline.inputs import read
from pipeline.inputs.normalise import load
from pipeline.review.snapshot import snapshot
from tests.builders import mini_data, write_inputs

T, S = b"http://schemas.openxmlformats.org/", b"http://purl.oclc.org/ooxml/"
RENAMES = (  # Transitional -> Strict, the most specific first
    (T + b"officeDocument/2006/relationships/extended-properties",
     S + b"officeDocument/relationships/extendedProperties"),
    (T + b"officeDocument/2006/extended-properties", S + b"officeDocument/extendedProperties"),
    (T + b"officeDocument/2006/", S + b"officeDocument/"),
    (T + b"spreadsheetml/2006/main", S + b"spreadsheetml/main"),
    (T + b"drawingml/2006/", S + b"drawingml/"),
)


def strict(data: bytes) -> bytes:
    """The workbook `data` saved as Strict Open XML."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            part = src.read(info)
            for old, new in RENAMES:
                part = part.replace(old, new)
            if info.filename == "xl/workbook.xml":
                part = part.replace(b"<workbook ", b'<workbook conformance="strict" ', 1)
            dst.writestr(info, part)
    return out.getvalue()


@pytest.fixture
def strict_inputs(tmp_path) -> tuple[Path, Path]:
    """(the mini office with data problems, the same saved as Strict)."""
    data = mini_data()
    data["jadwal"]["Jadwal"][0]["m02"] += 1  # a finding, so the comparison covers the checks too
    plain, stricter = write_inputs(tmp_path / "plain", data), write_inputs(tmp_path / "strict", data)
    for path in stricter.glob("*.xlsx"):
        path.write_bytes(strict(path.read_bytes()))
    return plain, stricter


def test_the_fixture_is_what_openpyxl_cannot_read(strict_inputs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        book = load_workbook(strict_inputs[1] / "kinerja.xlsx", read_only=True)
    assert book.sheetnames == []
    assert read.is_strict((strict_inputs[1] / "kinerja.xlsx").read_bytes())
    assert not read.is_strict((strict_inputs[0] / "kinerja.xlsx").read_bytes())


def test_a_strict_workbook_reads_as_the_ordinary_one(strict_inputs):
    plain, stricter = (load(folder) for folder in strict_inputs)
    assert {k: v for k, v in snapshot(stricter).items() if k != "sources"} == \
        {k: v for k, v in snapshot(plain).items() if k != "sources"}
    assert [(f.rule, f.locations) for f in run_checks(stricter)] == [(f.rule, f.locations) for f in run_checks(plain)]
    assert {s.workbook: s.sha256 for s in stricter.sources} == \
        {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in strict_inputs[1].glob("*.xlsx")}, \
        "the digest is the file's own"


def test_check_and_build_read_strict_workbooks(strict_inputs, tmp_path):
    result = CliRunner().invoke(cli, ["build", "--draft", "--inputs", str(strict_inputs[1]),
                                      "--output", str(tmp_path / "out")])
    assert result.exit_code == 1 and "money.schedule-sum" in result.output, result.output
    marked = load_workbook(tmp_path / "out" / "pemeriksaan" / "RKT-2024-BKK-Kelas-II-Contoh-DRAF" / "jadwal.xlsx")
    assert "Jadwal" in marked.sheetnames, "the marked copy of a Strict workbook is an ordinary one, marked"


def test_revisi_on_a_strict_identity_workbook(strict_inputs):
    result = CliRunner().invoke(cli, ["revisi", "--inputs", str(strict_inputs[1]), "--tanggal", "2 Juli 2024"])
    assert result.exit_code == 0, result.output
    assert load(strict_inputs[1]).office.edition == "Revisi 1"


def test_a_strict_workbook_not_read_is_refused_naming_the_format(strict_inputs, monkeypatch):
    monkeypatch.setattr(read, "transitional", lambda data: data)
    with pytest.raises(InputError) as caught:
        load(strict_inputs[1])
    messages = [str(f) for f in caught.value.findings]
    assert len(messages) == 5 and all("Strict Open XML" in m and "Excel Workbook" in m for m in messages), messages
