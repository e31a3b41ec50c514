"""Absurd inputs are refused quickly with a clear message; inputs are never modified."""

from __future__ import annotations

import time
import zipfile

import pytest

from pipeline.findings import InputError
from pipeline.normalise import load
from pipeline.read import MAX_FILE_BYTES, MAX_ROWS


def _replace_member(path, member, data: bytes):
    """Rewrite a workbook with one zip member replaced."""
    with zipfile.ZipFile(path) as src:
        items = [(i, src.read(i.filename)) for i in src.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info, content in items:
            dst.writestr(info, data if info.filename == member else content)


def _refused(folder, rule="input.too-large"):
    start = time.perf_counter()
    with pytest.raises(InputError) as exc:
        load(folder)
    elapsed = time.perf_counter() - start
    assert [f.rule for f in exc.value.findings] == [rule]
    return exc.value.findings[0], elapsed


def test_sheet_with_a_million_rows_is_refused(mini_inputs):
    rows = b"".join(b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>x</t></is></c></row>' % (i, i)
                    for i in range(1, 1_000_001))
    xml = (b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
           b'spreadsheetml/2006/main"><sheetData>' + rows + b"</sheetData></worksheet>")
    _replace_member(mini_inputs / "jadwal.xlsx", "xl/worksheets/sheet1.xml", xml)
    finding, elapsed = _refused(mini_inputs)
    assert finding.locations[0].workbook == "jadwal.xlsx"
    assert f"{MAX_ROWS:,}".replace(",", ".") in finding.message
    assert elapsed < 5


def test_zip_bomb_is_refused(mini_inputs):
    _replace_member(mini_inputs / "pegawai.xlsx", "xl/worksheets/sheet1.xml", b" " * (450 * 1024 * 1024))
    finding, elapsed = _refused(mini_inputs)
    assert "zip bomb" in finding.message
    assert elapsed < 5


def test_huge_file_is_refused(mini_inputs):
    path = mini_inputs / "kinerja.xlsx"
    with path.open("ab") as f:
        f.truncate(MAX_FILE_BYTES + 1)
    finding, _ = _refused(mini_inputs)
    assert finding.locations[0].workbook == "kinerja.xlsx"
    assert "terlalu besar" in finding.message


def test_workbook_xml_is_parsed_with_defusedxml():
    from openpyxl.xml import DEFUSEDXML

    assert DEFUSEDXML, "defusedxml must be installed so openpyxl refuses XML entity attacks"
