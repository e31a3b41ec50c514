"""Fill a Word template (the RKT's, the PK's, the LAKIN's, the capaian report's): the only module using docxtpl.

Jinja runs with autoescape (a `&` or `<` in a name is written as text, never as XML) and
StrictUndefined (a value the template uses but the context lacks stops the build with a
`TemplateError` naming it, instead of leaving a blank in a signed document). Values are
inserted, never evaluated, so `{{ x }}` typed in a cell appears as typed.

rkt adds three filters for what is written in code: a paragraph holding only
`{{ charts.grafik_1|chart }}` becomes a native Word chart of that spec, one holding only
`{{ bagan|orgchart }}` the organisation chart (a table), one holding only
`{{ tables.tabel_5|table }}` the data table it names (pipeline/document/table.py writes it from its
declaration). The filters leave a marker; once docxtpl's public `render()` has filled the
template, each marked paragraph is replaced (pipeline/document/charts.py draws). Parts and ids are
numbered in document order, so the same context gives the same bytes.

Before docxtpl reads a template, what an editor put where the build would lose it goes back where
it was meant (`as_meant`: the page break LibreOffice moves into a tag's paragraph).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import jinja2
import markupsafe
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part
from docx.oxml import parse_xml
from lxml import etree

from pipeline import formatting, library_hooks
from pipeline.document import charts, contents, table
from pipeline.ooxml import NS, P, T, qn, text

if TYPE_CHECKING:
    from docx.document import Document


def own_templates() -> Path:
    """The folder of rkt's own templates (rkt.docx, pk.docx).

    An installed rkt (pip or pipx) carries them as package data, `pipeline/templates/`; in a clone
    (an editable install) they are the repository's `templates/`, where planners edit them.
    """
    installed = Path(str(resources.files("pipeline"))) / "templates"
    return installed if (installed / "rkt.docx").is_file() else Path(__file__).resolve().parents[2] / "templates"


TEMPLATE = own_templates() / "rkt.docx"
AGREEMENT = TEMPLATE.with_name("pk.docx")  # the Perjanjian Kinerja's
LAKIN = TEMPLATE.with_name("lakin.docx")  # the Laporan Kinerja's
CAPAIAN = TEMPLATE.with_name("capaian.docx")  # the capaian report's (`rkt capaian`)


class TemplateError(Exception):
    """The template cannot be filled: a variable missing from the context, or a broken tag.

    `findings` say where (pipeline/document/tags.py): the build sets them, naming the paragraph.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.findings: list = []


def _template(path: Path):
    """docxtpl's template of `path` (docxtpl's methods rkt overrides are in pipeline/library_hooks.py)."""
    return library_hooks.docx_template(str(path))


_MARKER = "\u27e6rkt-"
_MARK = re.compile("\u27e6rkt-(chart|orgchart|table):(\\d+)\u27e7")


FIGURES = "_rkt_figures"  # the context key under which a render collects its figures


def _figure_filter(kind: str):
    """A filter that keeps its value in the render's figures and leaves a marker for `_Figures`."""

    @jinja2.pass_context
    def mark(context, spec: Mapping) -> str:
        figures = context[FIGURES]
        key = str(len(figures) + 1)
        figures[key] = (kind, spec)
        return f"\u27e6rkt-{kind}:{key}\u27e7"

    return mark


class _Environment(jinja2.Environment):
    """Jinja that compiles each distinct piece of template once per process.

    docxtpl hands every part over as a string; compiling the body is a sixth of a build and
    gives the same code every time, so a batch of offices (or a second build in one process)
    reuses it. A compiled template holds no state between renders.
    """

    def __init__(self, **options):
        super().__init__(**options)
        self._compiled: dict[str, jinja2.Template] = {}

    def from_string(self, source, globals=None, template_class=None):
        if globals is not None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        if source not in self._compiled:
            if len(self._compiled) >= 16:
                self._compiled.clear()
            self._compiled[source] = super().from_string(source)
        return self._compiled[source]


def _as_typed(value):
    """A value that docxtpl's clean-up after rendering leaves as typed (autoescape then escapes it).

    docxtpl turns `{_{`, `}_}`, `{_%` and `%_}` back into Jinja braces in the whole rendered
    document; a cell holding such text would lose its underscores. Written as the character
    reference `&#95;`, the underscore escapes that clean-up and reads back as `_`. Any other
    value is handed on as text, unescaped: autoescape escapes it, and escaping it here too
    would build every output of the document twice.
    """
    text = value if isinstance(value, str) else str(value)
    if "{_" in text or "_}" in text:
        return markupsafe.Markup(str(markupsafe.escape(text)).replace("{_", "{&#95;").replace("_}", "&#95;}"))
    return text


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """Autoescaping, strict Jinja with the Indonesian formats and the figure markers as filters.

    The `chart`, `orgchart` and `table` filters collect their specs in the render's context (`FIGURES`).
    """
    env = _Environment(autoescape=True, undefined=jinja2.StrictUndefined, finalize=_as_typed)
    env.filters.update({
        "number": formatting.number,
        "plain": formatting.plain,
        "percent": formatting.percent,
        "words": formatting.words,
        "count": formatting.count_phrase,
        "month": formatting.month_name,
        "chart": _figure_filter("chart"),
        "orgchart": _figure_filter("orgchart"),
        "table": _figure_filter("table"),
    })
    return env


@lru_cache(maxsize=8)
def _variables(path: str, mtime: float) -> frozenset[str]:
    return frozenset(_template(path).get_undeclared_template_variables(environment()))


def template_variables(template_path: Path = TEMPLATE) -> frozenset[str]:
    """The top-level names the template uses (its contract with `build_context`)."""
    path = Path(template_path)
    try:
        return _variables(str(path), path.stat().st_mtime)
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(f"templat {path.name} rusak: {exc.message}") from exc


_MISSING_ATTR = re.compile(r"has no attribute '([^']+)'")
_MISSING_NAME = re.compile(r"'([^']+)' is undefined")


def _missing(exc: jinja2.UndefinedError) -> str:
    text = str(exc)
    found = _MISSING_ATTR.search(text) or _MISSING_NAME.search(text)
    return found.group(1) if found else text


def _clear(p) -> None:
    """Remove a paragraph's content, keeping its properties."""
    for child in list(p):
        if child.tag != qn("w:pPr"):
            p.remove(child)


class _Figures:
    """Puts each marked paragraph's chart (a run in it), organisation chart or data table in its place.

    Chart parts are `word/charts/chartN.xml` with relationship ids `rIdChartN`, N counting
    the charts in document order; each chart's workbook is related to it as `rId1`.
    """

    def __init__(self, document, figures: dict[str, tuple[str, Mapping]], context: Mapping) -> None:
        self.document = document
        self.figures = figures
        self.context = context
        self.charts = 0
        self._styles = None

    @property
    def styles(self) -> table.Styles:
        """The document's paragraph styles, read once, when the first table is written."""
        if self._styles is None:
            self._styles = table.Styles.of(self.document.styles.element)
        return self._styles

    def __call__(self, p) -> None:
        match = _MARK.fullmatch(text(p))
        if match is None or match.group(2) not in self.figures:
            raise TemplateError(f"grafik, bagan atau tabel harus sendirian di paragrafnya: {text(p)[:80]!r}")
        kind, spec = self.figures[match.group(2)]
        try:
            if kind in ("orgchart", "table"):
                if kind == "table":
                    for tbl in table.placed(spec, self.context, self.styles):
                        p.addprevious(tbl)
                else:
                    p.addprevious(parse_xml(charts.org_chart_xml(spec)))
                if p.getnext() is None and p.getparent().tag == qn("w:tc"):
                    _clear(p)  # a cell must end with a paragraph
                else:
                    p.getparent().remove(p)
                return
            part = charts.chart_part(spec)
        except (KeyError, IndexError, TypeError, charts.ChartSpecError, table.TableProblem) as exc:
            raise TemplateError(f"{kind} tidak dapat digambar: {exc}") from exc
        self.charts += 1
        rid = self._relate(part)
        _clear(p)
        name = str(spec.get("name") or f"Grafik {self.charts}")
        p.append(parse_xml(charts.inline_xml(rid, 0, name, name, part.width, part.height)))  # id: see _finish

    def _relate(self, part) -> str:
        package = self.document.part.package
        chart = Part(package.next_partname("/word/charts/chart%d.xml"), CT.DML_CHART, part.xml, package)
        rid = f"rIdChart{self.charts}"
        self.document.part.rels.add_relationship(RT.CHART, chart, rid)
        workbook = Part(package.next_partname("/word/embeddings/Microsoft_Excel_Worksheet%d.xlsx"), CT.SML_SHEET,
                        part.workbook, package)
        chart.rels.add_relationship(RT.PACKAGE, workbook, "rId1")
        return rid


_TCPR_ORDER = {qn(f"w:{n}"): i for i, n in enumerate((
    "cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar", "textDirection",
    "tcFitText", "vAlign", "hideMark", "headers", "cellIns", "cellDel", "cellMerge", "tcPrChange"))}
_MERGED_CELLS = etree.XPath(".//w:tcPr[w:gridSpan or w:vMerge]", namespaces=NS)
_MARKED = etree.XPath(f".//w:t[contains(., '{_MARKER}')]", namespaces=NS)
TBL, TR, TC, GRIDCOL = qn("w:tbl"), qn("w:tr"), qn("w:tc"), qn("w:gridCol")
W_WIDTH, W_TYPE = qn("w:w"), qn("w:type")
_SPANNED = etree.XPath("w:tc/w:tcPr/w:gridSpan", namespaces=NS)  # a row's cells spanning columns
CELL_WIDTH, TABLE_WIDTH = f"{qn('w:tcPr')}/{qn('w:tcW')}", f"{qn('w:tblPr')}/{qn('w:tblW')}"


def _finish(body, document, figures: dict[str, tuple[str, Mapping]], context: Mapping) -> None:
    """What the rendered body still needs after docxtpl: cell properties in schema order, each
    table's grid as wide as its finest row, the figures and data tables in their places, drawings
    numbered, the table of contents filled with the headings (pipeline/document/contents.py).

    rkt's own templates hold no table tag; a planner's may. docxtpl's `{% colspan %}` writes
    `gridSpan` first, which Word refuses out of order; docxtpl keeps the template's column widths
    when a `{%tc for %}` loop adds columns, while the cells carry the widths meant. Drawing ids
    count from 1001 in document order, as docxtpl numbers them.
    """
    for tcpr in _MERGED_CELLS(body):
        tcpr[:] = sorted(tcpr, key=lambda child: _TCPR_ORDER.get(child.tag, 99))
    for tbl in body.iter(TBL):
        _grid_from_cells(tbl)
    place = _Figures(document, figures, context)
    for p in dict.fromkeys(next(t.iterancestors(P), None) for t in _MARKED(body)):
        if p is not None:
            place(p)
    for i, doc_pr in enumerate(body.iter(qn("wp:docPr")), start=1001):
        doc_pr.set("id", str(i))
    contents.fill(body)


def _grid_from_cells(tbl) -> None:
    """Give the grid the widths of the row with the most cells and no spans, when all are in twips."""
    finest = None
    for tr in tbl.iterchildren(TR):
        if _SPANNED(tr):
            continue
        cells = list(tr.iterchildren(TC))
        if finest is None or len(cells) > len(finest):
            finest = cells
    grid = tbl.find(qn("w:tblGrid"))
    if finest is None or grid is None:
        return
    widths = [tc.find(CELL_WIDTH) for tc in finest]
    cols = grid.findall(GRIDCOL)
    if len(cols) != len(widths) or any(w is None or w.get(W_TYPE) != "dxa" or w.get(W_WIDTH) is None
                                       for w in widths):
        return
    for col, width in zip(cols, widths, strict=True):
        col.set(W_WIDTH, width.get(W_WIDTH))
    tblw = tbl.find(TABLE_WIDTH)
    if tblw is not None and tblw.get(W_TYPE) == "dxa":
        tblw.set(W_WIDTH, str(sum(int(w.get(W_WIDTH)) for w in widths)))


# A paragraph the build removes: docxtpl's paragraph tags (`{%p if draft %}`), or a placeholder that becomes a
# table or a chart (`{{ tables.tabel_5|table }}`).
_REMOVED = re.compile(r"\s*(?:\{[%{#]p\s.*?[%}#]\}\s*)+|\s*\{\{[^{}]*\|\s*(?:table|chart|orgchart)\s*\}\}\s*", re.S)
_PAGE_BREAK = etree.XPath("w:r/w:br[@w:type='page']", namespaces=NS)
_BEFORE_BREAK = {qn("w:pStyle"), qn("w:keepNext"), qn("w:keepLines")}  # what precedes pageBreakBefore in a pPr


def _removed(p) -> bool:
    return bool(_REMOVED.fullmatch("".join(t.text or "" for t in p.iter(T))))


def as_meant(body) -> None:
    """The template's body as its editor meant it, before docxtpl reads it.

    LibreOffice saves a paragraph's "page break before" as a break at the end of the paragraph above
    it. When that paragraph is one the build removes (a `{%p %}` tag, a table or chart placeholder),
    the break would go with it and the chapter would run on; it moves to the next paragraph that
    stays, as that paragraph's page break before.
    """
    for p in body.iterchildren(P):
        breaks = _PAGE_BREAK(p)
        if not breaks or not _removed(p):
            continue
        target = next((n for n in p.itersiblings() if n.tag != P or not _removed(n)), None)
        if target is None or target.tag != P:
            continue
        for br in breaks:
            run = br.getparent()
            run.remove(br)
            if not any(child.tag != qn("w:rPr") for child in run):
                p.remove(run)
        ppr = target.find(qn("w:pPr"))
        if ppr is None:
            ppr = etree.SubElement(target, qn("w:pPr"))
            target.insert(0, ppr)
        if ppr.find(qn("w:pageBreakBefore")) is None:
            place = sum(1 for child in ppr if child.tag in _BEFORE_BREAK)
            ppr.insert(place, etree.Element(qn("w:pageBreakBefore")))


def render(context: Mapping, template_path: Path = TEMPLATE) -> Document:
    """The filled template as a python-docx `Document` (pipeline/document/package.py finishes and zips it);
    `TemplateError` if the template and the context disagree."""
    path = Path(template_path)
    tpl = _template(path)
    as_meant(library_hooks.loaded_body(tpl))
    figures: dict[str, tuple[str, Mapping]] = {}
    try:
        tpl.render({**context, FIGURES: figures}, jinja_env=environment())
    except jinja2.UndefinedError as exc:
        where = " ".join(" ".join(getattr(exc, "docx_context", []) or []).split())[:160]
        raise TemplateError(
            f"templat {path.name} memakai variabel '{_missing(exc)}' yang tidak ada di konteks"
            + (f" (dekat: {where})" if where else "")
        ) from exc
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(f"templat {path.name} rusak: {exc.message}") from exc
    except etree.XMLSyntaxError as exc:  # e.g. a `|safe` value, or tags that cut a paragraph apart
        raise TemplateError(f"templat {path.name} menghasilkan XML yang rusak: {exc.msg}") from exc
    _finish(tpl.docx.element.body, tpl.docx, figures, context)
    return tpl.docx
