"""Fill the Word template with a context: the only module that imports docxtpl.

Jinja runs with autoescape (a `&` or `<` in a name is written as text, never as XML) and
StrictUndefined (a value the template uses but the context lacks stops the build with a
`TemplateError` naming it, instead of leaving a blank in a signed document). Values are
inserted, never evaluated, so `{{ x }}` typed in a cell appears as typed.

rkt adds one tag to docxtpl's: `{% vmerge cond %}` in a table cell merges the cell with
the one above while `cond` is false (docxtpl's own `{% vm %}` can only restart at the first
item of the innermost loop; the RKT's tables merge sasaran and IKK cells across groups).

And two filters for figures: a paragraph holding only `{{ charts.grafik_1|chart }}` becomes
a native Word chart of that spec, one holding only `{{ bagan|orgchart }}` the organisation
chart (a table). The filters leave a marker; after rendering, each marked paragraph of the
body is replaced (pipeline/charts.py draws). Parts and ids are numbered in document order,
so the same context gives the same bytes.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

import jinja2
from docx.oxml.ns import qn
from docxtpl import DocxTemplate

from . import formatting

TEMPLATE = Path(__file__).resolve().parent.parent / "templates" / "rkt.docx"


class TemplateError(Exception):
    """The template cannot be filled: a variable missing from the context, or a broken tag."""


_VMERGE_CELL = re.compile(r"<w:tc[ >](?:(?!<w:tc[ >]).)*?\{%\s*vmerge\s+(.+?)\s*%\}.*?</w:tc>", re.S)
_VMERGE_TAG = re.compile(r"\{%\s*vmerge\s+.+?\s*%\}", re.S)
_TEXT = re.compile(r"(<w:t(?: [^>]*)?>)(.*?)(</w:t>)", re.S)


def _vmerge(match: re.Match) -> str:
    """Give a `{% vmerge cond %}` cell a vMerge flag and show its text only where it restarts."""
    cond = match.group(1)
    xml = _VMERGE_TAG.sub("", match.group(0), count=1)
    flag = f'<w:vMerge w:val="{{% if {cond} %}}restart{{% else %}}continue{{% endif %}}"/>'
    if "</w:tcPr>" in xml:
        xml = re.sub(r"<w:vMerge[^>]*/>", "", xml, count=1).replace("</w:tcPr>", flag + "</w:tcPr>", 1)
    else:
        xml = re.sub(r"(<w:tc[ >][^>]*?>|<w:tc>)", lambda m: m.group(1) + f"<w:tcPr>{flag}</w:tcPr>", xml, count=1)
    return _TEXT.sub(lambda m: f"{m.group(1)}{{% if {cond} %}}{m.group(2)}{{% endif %}}{m.group(3)}", xml)


class _Template(DocxTemplate):
    """docxtpl with the `{% vmerge %}` cell tag, and a body swap that stays linear in its size.

    docxtpl parses the rendered body on its own and moves it into the document; lxml then
    re-homes every node, which grew quadratically (9 s for an office 50 times the shipped
    one). Here the rendered body is parsed in place, inside a copy of the document's own
    root, so nothing moves. (python-docx keeps the root in private attributes; the versions
    are pinned in requirements.lock.)
    """

    def patch_xml(self, src_xml: str) -> str:
        return _VMERGE_CELL.sub(_vmerge, super().patch_xml(src_xml))

    def fix_tables(self, xml: str):
        from docx.oxml.parser import parse_xml
        from lxml import etree

        root = self.docx.element
        root.replace(root.body, etree.SubElement(root, root.body.tag))
        shell = etree.tostring(root)
        at = shell.rfind(b"<w:body/>")
        body = xml.encode("utf-8")
        body = b"<w:body>" + body[body.index(b">") + 1:]  # its namespaces are the root's
        self._rendered_root = parse_xml(shell[:at] + body + shell[at + len(b"<w:body/>"):])
        _fit_grids(self._rendered_root.body)
        return self._rendered_root.body

    def fix_docpr_ids(self, tree) -> None:
        for docpr in tree.iter(qn("wp:docPr")):
            self.docx_ids_index += 1
            docpr.set("id", str(self.docx_ids_index))

    def map_tree(self, tree) -> None:
        root = self._rendered_root
        self.docx._part._element = root
        self.docx._element = root
        self.docx._Document__body = None


_MARK = re.compile("\u27e6rkt-(chart|orgchart):(\\d+)\u27e7")


def _figure_filter(kind: str, figures: dict[str, tuple[str, Mapping]]):
    """A filter that keeps its value in `figures` and leaves a marker for `_place_figures`."""

    def mark(spec: Mapping) -> str:
        key = str(len(figures) + 1)
        figures[key] = (kind, spec)
        return f"\u27e6rkt-{kind}:{key}\u27e7"

    return mark


def _cache_folder() -> Path | None:
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "rkt" / "jinja"
    try:
        base.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return base if os.access(base, os.W_OK) else None


class _Environment(jinja2.Environment):
    """Jinja whose compiled document parts are cached on disk, keyed by a hash of their XML.

    Compiling the template's XML is a third of a render and gives the same code every time
    the template is unchanged; the bytecode cache checks the source checksum, so an edited
    template is compiled afresh.
    """

    def __init__(self, **options):
        self._sources: dict[str, str] = {}
        folder = _cache_folder()
        super().__init__(
            loader=jinja2.FunctionLoader(self._sources.get),
            bytecode_cache=jinja2.FileSystemBytecodeCache(str(folder)) if folder else None,
            **options,
        )

    def from_string(self, source, globals=None, template_class=None):
        if self.bytecode_cache is None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        name = hashlib.sha256(source.encode("utf-8")).hexdigest()
        self._sources[name] = source
        return self.get_template(name, globals=globals)


def environment(figures: dict | None = None) -> jinja2.Environment:
    """Autoescaping, strict Jinja with the Indonesian formats and the figure markers as filters.

    `figures` collects what the `chart` and `orgchart` filters are given (None: discarded).
    """
    figures = {} if figures is None else figures
    env = _Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    env.filters.update({
        "number": formatting.number,
        "plain": formatting.plain,
        "percent": formatting.percent,
        "words": formatting.words,
        "count": formatting.count_phrase,
        "month": formatting.month_name,
        "chart": _figure_filter("chart", figures),
        "orgchart": _figure_filter("orgchart", figures),
    })
    return env


@lru_cache(maxsize=8)
def _variables(path: str, mtime: float) -> frozenset[str]:
    return frozenset(_Template(path).get_undeclared_template_variables(environment()))


def template_variables(template_path: Path = TEMPLATE) -> frozenset[str]:
    """The top-level names the template uses (its contract with `build_context`)."""
    path = Path(template_path)
    try:
        return _variables(str(path), path.stat().st_mtime)
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(f"templat {path.name} rusak: {exc.message} (baris {exc.lineno})") from exc


_MISSING_ATTR = re.compile(r"has no attribute '([^']+)'")
_MISSING_NAME = re.compile(r"'([^']+)' is undefined")


def _missing(exc: jinja2.UndefinedError) -> str:
    text = str(exc)
    found = _MISSING_ATTR.search(text) or _MISSING_NAME.search(text)
    return found.group(1) if found else text


# Child order of a table cell's properties (ECMA-376 CT_TcPr); docxtpl's colspan puts gridSpan first.
_TCPR_ORDER = {qn(f"w:{n}"): i for i, n in enumerate((
    "cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar", "textDirection",
    "tcFitText", "vAlign", "hideMark", "headers", "cellIns", "cellDel", "cellMerge", "tcPrChange"))}


def _span(tc) -> int:
    span = tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
    return int(span.get(qn("w:val"))) if span is not None else 1


def _fit_grids(body) -> None:
    """docxtpl's fix for `{%tc for %}` column loops: as many grid columns as the widest row.

    Columns are added (or removed) keeping the table's total width, the arithmetic as docxtpl's
    own `fix_tables`, which this replaces so the body is fixed where it was parsed.
    """
    w = qn("w:w")
    for tbl in body.iter(qn("w:tbl")):
        grid = tbl.find(qn("w:tblGrid"))
        rows = tbl.findall(f".//{qn('w:tr')}")
        columns = grid.findall(qn("w:gridCol"))
        to_add = max((len(r.findall(qn("w:tc"))) - len(columns) for r in rows), default=0)
        if to_add > 0:
            width = sum(float(c.get(w)) for c in columns if c.get(w) is not None)
            if width > 0:
                old_average, new_average = width / len(columns), width / (len(columns) + to_add)
                for c in columns:
                    c.set(w, str(int(float(c.get(w)) * new_average / old_average)))
                for _ in range(to_add):
                    grid.append(grid.makeelement(qn("w:gridCol"), {w: str(int(new_average))}))
        columns = grid.findall(qn("w:gridCol"))
        to_remove = len(columns) - max((sum(_span(tc) for tc in r.findall(qn("w:tc"))) for r in rows), default=0)
        if to_remove > 0:
            removed = 0.0
            for c in columns[-to_remove:]:
                removed += float(c.get(w))
                grid.remove(c)
            left = grid.findall(qn("w:gridCol"))
            extra = int(removed / len(left)) if left else 0
            for c in left:
                c.set(w, str(int(float(c.get(w)) + extra)))


def _tidy_tables(body) -> None:
    """Keep cell properties in schema order and grids in step with column loops.

    A `{%tc for %}` loop adds cells the template's grid does not know; the grid is then
    taken from the row with the most cells (no spans), so every column keeps its width.
    """
    for tcpr in body.iter(qn("w:tcPr")):
        children = sorted(tcpr, key=lambda el: _TCPR_ORDER.get(el.tag, 99))
        for el in children:
            tcpr.append(el)
    for tbl in body.iter(qn("w:tbl")):
        grid = tbl.find(qn("w:tblGrid"))
        if grid is None:
            continue
        finest = None
        for tr in tbl.findall(qn("w:tr")):
            cells = tr.findall(qn("w:tc"))
            if any(tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}") is not None for tc in cells):
                continue
            if finest is None or len(cells) > len(finest):
                finest = cells
        cols = grid.findall(qn("w:gridCol"))
        if not finest or len(finest) != len(cols):
            continue
        widths = [tc.find(f"{qn('w:tcPr')}/{qn('w:tcW')}") for tc in finest]
        if any(w is None or w.get(qn("w:type")) != "dxa" for w in widths):
            continue
        for col, width in zip(cols, widths, strict=True):
            col.set(qn("w:w"), width.get(qn("w:w")))
        tblw = tbl.find(f"{qn('w:tblPr')}/{qn('w:tblW')}")
        if tblw is not None and tblw.get(qn("w:type")) == "dxa":
            tblw.set(qn("w:w"), str(sum(int(w.get(qn("w:w"))) for w in widths)))


def _text(p) -> str:
    return "".join(t.text or "" for t in p.iter(qn("w:t")))


def _clear(p) -> None:
    """Remove a paragraph's content, keeping its properties."""
    for child in list(p):
        if child.tag != qn("w:pPr"):
            p.remove(child)


def _place_figures(document, figures: dict[str, tuple[str, Mapping]]) -> None:
    """Replace each marked body paragraph by its chart (a run in it) or organisation chart (a table).

    Chart parts are `word/charts/chartN.xml` with relationship ids `rIdChartN`, N counting
    the charts in document order; each chart's workbook is related to it as `rId1`.
    """
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.part import Part
    from docx.oxml import parse_xml

    from . import charts

    body = document.element.body
    marked = [(p, _MARK.fullmatch(_text(p).strip())) for p in body.iter(qn("w:p")) if "\u27e6rkt-" in _text(p)]
    if not marked:
        return
    package = document.part.package
    shape_ids = [int(d.get("id")) for d in body.iter(qn("wp:docPr")) if (d.get("id") or "").isdigit()]
    shape_id = max(shape_ids, default=0)
    count = 0
    for p, match in marked:
        if match is None or match.group(2) not in figures:
            raise TemplateError(f"grafik atau bagan harus sendirian di paragrafnya: {_text(p)[:80]!r}")
        kind, spec = figures[match.group(2)]
        try:
            if kind == "orgchart":
                p.addprevious(parse_xml(charts.org_chart_xml(spec)))
                if p.getnext() is None and p.getparent().tag == qn("w:tc"):
                    _clear(p)  # a cell must end with a paragraph
                else:
                    p.getparent().remove(p)
                continue
            part = charts.chart_part(spec)
        except (KeyError, TypeError, charts.ChartSpecError) as exc:
            raise TemplateError(f"{kind} tidak dapat digambar: {exc}") from exc
        count += 1
        shape_id += 1
        chart = Part(package.next_partname("/word/charts/chart%d.xml"), CT.DML_CHART, part.xml, package)
        rid = f"rIdChart{count}"
        document.part.rels.add_relationship(RT.CHART, chart, rid)
        workbook = Part(package.next_partname("/word/embeddings/Microsoft_Excel_Worksheet%d.xlsx"), CT.SML_SHEET,
                        part.workbook, package)
        chart.rels.add_relationship(RT.PACKAGE, workbook, "rId1")
        _clear(p)
        name = str(spec.get("name") or f"Grafik {count}")
        p.append(parse_xml(charts.inline_xml(rid, shape_id, name, name, part.width, part.height)))


def render(context: Mapping, template_path: Path = TEMPLATE) -> bytes:
    """The filled template as .docx bytes; `TemplateError` if the template and context disagree."""
    path = Path(template_path)
    tpl = _Template(str(path))
    figures: dict[str, tuple[str, Mapping]] = {}
    try:
        tpl.render(dict(context), environment(figures), autoescape=True)
    except jinja2.UndefinedError as exc:
        where = " ".join(" ".join(getattr(exc, "docx_context", []) or []).split())[:160]
        raise TemplateError(
            f"templat {path.name} memakai variabel '{_missing(exc)}' yang tidak ada di konteks"
            + (f" (dekat: {where})" if where else "")
        ) from exc
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(f"templat {path.name} rusak: {exc.message} (baris {exc.lineno})") from exc
    _tidy_tables(tpl.docx.element.body)
    _place_figures(tpl.docx, figures)
    props = tpl.docx.core_properties
    office = context.get("office", {})
    props.title = f"Rencana Kinerja Tahunan {context.get('year', '')} {office.get('name', '')}".strip()
    props.subject = str(context.get("edition", {}).get("title", ""))
    props.author = str(office.get("name", ""))
    props.comments = "Disusun oleh rkt dari workbook seksi."
    out = io.BytesIO()
    tpl.save(out)
    return out.getvalue()
