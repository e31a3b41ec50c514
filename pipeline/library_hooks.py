"""Every place rkt relies on a library beyond its documented API: here, and nowhere else.

Five needs have no public way in: docxtpl's listing pass skipped when there is nothing to
resolve, and its forgiving parse of the rendered body made strict (overrides of `DocxTemplate`
methods that docxtpl calls on itself); the template's document changed before docxtpl fills it
(docxtpl fills the document `get_docx` loaded); python-pptx's chart workbook dated by rkt instead of the clock
(its private workbook writer); and where a read-only openpyxl worksheet's XML lives (a
private attribute), so merged ranges are read without a second parse.

pyproject.toml holds each of these libraries to the release series the hooks were written
against, and tests/test_library_hooks.py fails when a release renames one, changes its
signature or stops calling it, before a document comes out different.

The libraries are imported where a hook is first used: loading this module loads none of them
(`rkt check` reads workbooks without docxtpl or python-pptx).
"""

from __future__ import annotations

from contextlib import contextmanager
from datetime import datetime
from functools import lru_cache

from lxml import etree

# ---------------------------------------------------------------- docxtpl 0.20

def docx_template(path: str):
    """docxtpl's `DocxTemplate` of `path`, with docxtpl's listing pass only where a value holds a tab,
    newline, `\\a` or `\\f`, and the rendered body parsed strictly."""
    return _template_class()(path)


def loaded_body(template):
    """The body of the document docxtpl's `template` loaded, before it is rendered: what is changed there is
    what `render` fills (docxtpl renders the document `get_docx` loaded, until it has rendered it once)."""
    return template.get_docx().element.body


@lru_cache(maxsize=1)
def _template_class():
    from docxtpl import DocxTemplate  # start-up: docxtpl loads when a template is first filled

    class Template(DocxTemplate):
        def resolve_listing(self, xml: str) -> str:
            """docxtpl turns a tab, newline, `\\a` or `\\f` in a value into runs, breaks or paragraphs by three
            nested regex passes over every paragraph (a tenth of a build); XML holding none of them is
            returned as it is, which is what those passes would give."""
            if "\t" not in xml and "\n" not in xml and "\a" not in xml and "\f" not in xml:
                return xml
            return super().resolve_listing(xml)

        def fix_tables(self, xml: str):
            """docxtpl parses the rendered body in recovery mode, which would mend broken XML silently."""
            etree.fromstring(xml.encode("utf-8"), etree.XMLParser(resolve_entities=False, huge_tree=True))
            return super().fix_tables(xml)

    return Template


# ---------------------------------------------------------------- python-pptx 1.0

def dated_chart_data(created: datetime, number_format: str):
    """python-pptx `CategoryChartData` whose embedded workbook is created at `created`, not now.

    xlsxwriter stamps the clock into a workbook's properties; python-pptx opens the workbook
    in its writer's private `_open_worksheet`, reached through the private `_workbook_writer`.
    """
    return _chart_data_class()(created, number_format)


@lru_cache(maxsize=1)
def _chart_data_class():
    # start-up: python-pptx loads when a chart is first drawn
    from pptx.chart.data import CategoryChartData
    from pptx.chart.xlsx import CategoryWorkbookWriter
    from xlsxwriter import Workbook

    class DatedWriter(CategoryWorkbookWriter):
        def __init__(self, chart_data, created: datetime) -> None:
            super().__init__(chart_data)
            self.created = created

        @contextmanager
        def _open_worksheet(self, xlsx_file):
            workbook = Workbook(xlsx_file, {"in_memory": True})
            workbook.set_properties({"created": self.created})
            yield workbook, workbook.add_worksheet()
            workbook.close()

    class DatedChartData(CategoryChartData):
        def __init__(self, created: datetime, number_format: str) -> None:
            super().__init__(number_format=number_format)
            self.created = created

        @property
        def _workbook_writer(self):
            return DatedWriter(self, self.created)

    return DatedChartData


# ---------------------------------------------------------------- openpyxl 3.1

def worksheet_member(ws) -> str | None:
    """The zip member holding a read-only worksheet's XML (openpyxl's private `_worksheet_path`);
    None when this openpyxl keeps it elsewhere."""
    path = getattr(ws, "_worksheet_path", None)
    return path.lstrip("/") if path else None
