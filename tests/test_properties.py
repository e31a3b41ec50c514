"""Property-based: whatever planners put in cells, the readers give a model or located findings.

Never a traceback: random values, types and sheet shapes go into real workbooks, and the
result is either an analysis without a plan whose every read problem names its workbook (and
which makes no document), or a `Plan` that checks and builds (as a draft) into a document.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from pipeline.edition import analyse, compose, publish
from pipeline.plan.model import Plan
from tests.builders import SPECS, mini_data, mini_realisation, write_inputs

cell_values = st.one_of(
    st.none(),
    st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), max_size=12),
    st.integers(min_value=-(10**18), max_value=10**18),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(min_value=dt.date(1900, 3, 1), max_value=dt.date(2100, 1, 1)),
    st.sampled_from(["1.240.458", "0,99", "97%", "-", " ", "Jumlah", "QAH.017", "=1+1", "seribu", "1,2,3", "IV/b"]),
)
edits = st.lists(
    st.tuples(st.integers(min_value=1, max_value=8), st.integers(min_value=1, max_value=18), cell_values),
    min_size=1, max_size=8,
)
shapes = st.sampled_from(["none", "insert_row", "delete_row", "delete_col", "insert_col", "rename", "clear"])


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    data = mini_data()
    data["realisasi"] = mini_realisation()  # realisasi.xlsx takes the same random cells as the five
    return write_inputs(tmp_path_factory.mktemp("pristine"), data)


def _assert_model_or_located_findings(folder: Path) -> None:
    analysis = analyse(folder, realisation=True)
    if analysis.plan is None:
        assert analysis.problems and set(analysis.problems) <= set(analysis.findings)
        for f in analysis.problems:
            assert f.locations and f.locations[0].workbook.endswith(".xlsx") or f.rule == "input.folder"
            assert f.message
        assert compose(analysis, draft=True).documents == {}, "no document, not even a draft, from unreadable inputs"
        return
    assert isinstance(analysis.plan, Plan)
    for f in analysis.findings:
        assert f.rule and f.message and f.severity in ("error", "warning")
    result = publish(compose(analysis, draft=True), folder.parent / f"{folder.name}-out")
    assert result.path.is_file() and not list(result.path.parent.rglob("*.tmp"))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(workbook=st.sampled_from(sorted(SPECS)), changes=edits, shape=shapes, data=st.data())
def test_random_cells_never_crash(pristine, tmp_path_factory, workbook, changes, shape, data):
    folder = tmp_path_factory.mktemp("case")
    shutil.copytree(pristine, folder, dirs_exist_ok=True)
    path = folder / SPECS[workbook].filename
    wb = load_workbook(path)
    ws = wb[data.draw(st.sampled_from(wb.sheetnames))]
    if shape == "insert_row":
        ws.insert_rows(1)
    elif shape == "delete_row":
        ws.delete_rows(1)
    elif shape == "delete_col":
        ws.delete_cols(data.draw(st.integers(1, 6)))
    elif shape == "insert_col":
        ws.insert_cols(1)
    elif shape == "rename":
        ws.title = "Lain"
    elif shape == "clear":
        for row in ws.iter_rows():
            for cell in row:
                cell.value = None
    for r, c, value in changes:
        ws.cell(r, c).value = value
    wb.save(path)
    _assert_model_or_located_findings(folder)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(junk=st.binary(max_size=3000), keep=st.integers(min_value=0, max_value=6000))
def test_random_bytes_never_crash(pristine, tmp_path_factory, junk, keep):
    folder = tmp_path_factory.mktemp("bytes")
    shutil.copytree(pristine, folder, dirs_exist_ok=True)
    path = folder / "jadwal.xlsx"
    path.write_bytes(path.read_bytes()[:keep] + junk)
    _assert_model_or_located_findings(folder)
