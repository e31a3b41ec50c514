"""Each place rkt relies on a library beyond its public API still holds with the installed release.

pipeline/library_hooks.py overrides or reads what docxtpl, python-pptx and openpyxl do not
document. A release may rename such a method, change its signature or stop calling it without
notice: then a test here fails (the signature, or the hook no longer taking effect) before a
document comes out different.
"""

from __future__ import annotations

import inspect
import io
import tomllib
import zipfile
from datetime import datetime
from importlib.metadata import version
from pathlib import Path

import jinja2
import openpyxl
import pytest
from docx import Document
from docx.oxml.ns import qn
from lxml import etree
from packaging.requirements import Requirement

from pipeline import library_hooks


def parameters(function) -> list[str]:
    return list(inspect.signature(function).parameters)


def template(tmp_path, text: str) -> str:
    """A one-paragraph Word template holding `text`."""
    doc = Document()
    doc.add_paragraph(text)
    path = tmp_path / "templat.docx"
    doc.save(path)
    return str(path)


def rendered(tmp_path, text: str, context: dict):
    tpl = library_hooks.docx_template(template(tmp_path, text))
    tpl.render(context, jinja_env=jinja2.Environment(autoescape=True))
    return tpl.docx


# ---------------------------------------------------------------- docxtpl

def test_docxtpl_still_has_the_methods_rkt_overrides():
    from docxtpl import DocxTemplate

    assert parameters(DocxTemplate.__init__) == ["self", "template_file"]
    assert parameters(DocxTemplate.resolve_listing) == ["self", "xml"]
    assert parameters(DocxTemplate.fix_tables) == ["self", "xml"]


def test_what_is_changed_in_the_loaded_body_is_what_docxtpl_fills(tmp_path):
    tpl = library_hooks.docx_template(template(tmp_path, "ISI"))
    body = library_hooks.loaded_body(tpl)
    body.find(f".//{qn('w:t')}").text = "{{ x }}"
    tpl.render({"x": "diisi"}, jinja_env=jinja2.Environment(autoescape=True))
    assert [p.text for p in tpl.docx.paragraphs] == ["diisi"]


def test_docxtpl_listing_pass_runs_only_for_a_value_that_needs_it(tmp_path, monkeypatch):
    from docxtpl import DocxTemplate

    passes = []
    listing = DocxTemplate.resolve_listing
    monkeypatch.setattr(DocxTemplate, "resolve_listing", lambda self, xml: passes.append(1) or listing(self, xml))
    rendered(tmp_path, "{{ x }}", {"x": "satu baris"})
    assert passes == []
    doc = rendered(tmp_path, "{{ x }}", {"x": "baris satu\nbaris dua"})
    assert passes and doc.element.body.find(f".//{qn('w:br')}") is not None


def test_the_rendered_body_is_parsed_strictly(tmp_path):
    with pytest.raises(etree.XMLSyntaxError):
        rendered(tmp_path, "{{ x|safe }}", {"x": "</w:t>"})


# ---------------------------------------------------------------- python-pptx

def test_python_pptx_still_has_the_workbook_writer_rkt_overrides():
    from pptx.chart.data import CategoryChartData
    from pptx.chart.xlsx import CategoryWorkbookWriter

    assert parameters(CategoryChartData.__init__) == ["self", "number_format"]
    assert "_workbook_writer" in vars(CategoryChartData)
    assert parameters(CategoryWorkbookWriter.__init__) == ["self", "chart_data"]
    assert parameters(CategoryWorkbookWriter._open_worksheet) == ["self", "xlsx_file"]


def test_the_chart_workbook_is_dated_by_rkt_not_by_the_clock():
    data = library_hooks.dated_chart_data(datetime(2000, 1, 1), number_format="0")
    data.categories = ["a", "b"]
    data.add_series("jumlah", [1, 2])
    with zipfile.ZipFile(io.BytesIO(data.xlsx_blob)) as zf:
        core = etree.fromstring(zf.read("docProps/core.xml"))
    assert core.findtext("{http://purl.org/dc/terms/}created") == "2000-01-01T00:00:00Z"
    assert data.categories_ref == "Sheet1!$A$2:$A$3"  # the chart's formulas come from the same writer


# ---------------------------------------------------------------- openpyxl

def test_openpyxl_still_tells_which_part_holds_a_read_only_sheet(tmp_path):
    book = openpyxl.Workbook()
    book.active.merge_cells("A1:B2")
    book.create_sheet("Kedua")
    path = tmp_path / "merged.xlsx"
    book.save(path)
    read_only = openpyxl.load_workbook(path, read_only=True)
    with zipfile.ZipFile(path) as zf:
        first, second = (zf.read(library_hooks.worksheet_member(ws)) for ws in read_only.worksheets)
    read_only.close()
    assert b'<mergeCell ref="A1:B2"/>' in first and b"mergeCell" not in second


# ---------------------------------------------------------------- the pins

PINNED = ("docxtpl", "python-docx", "python-pptx", "openpyxl")


def test_every_pinned_library_is_held_to_the_series_installed_and_locked():
    """A release outside the series is taken on purpose (pyproject.toml says how), never by an install."""
    root = Path(__file__).resolve().parent.parent
    declared = {(r := Requirement(spec)).name: r.specifier
                for spec in tomllib.loads((root / "pyproject.toml").read_text())["project"]["dependencies"]}
    locked = dict(line.split("==") for line in (root / "requirements.lock").read_text().splitlines()
                  if "==" in line and not line.startswith("#"))
    for name in PINNED:
        assert any(s.operator == "<" for s in declared[name]), f"{name} has no upper bound"
        assert version(name) in declared[name] and locked[name] in declared[name], name
