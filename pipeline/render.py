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
chart (a table). The filters leave a marker; each marked paragraph of the body is replaced
as it is written (pipeline/charts.py draws). Parts and ids are numbered in document order,
so the same context gives the same bytes.

The body is never held whole: Jinja's output is streamed through `body.BodyWriter` into
the zip, a paragraph or table row at a time, so memory does not grow with the document.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from collections.abc import Callable, Iterator, Mapping
from functools import lru_cache
from pathlib import Path

import docxtpl
import jinja2
import markupsafe
from docx.oxml.ns import qn
from docxtpl import DocxTemplate
from lxml import etree

from . import cache, formatting
from .body import BodyWriter

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
    """docxtpl with the `{% vmerge %}` cell tag."""

    def patch_xml(self, src_xml: str) -> str:
        return _VMERGE_CELL.sub(_vmerge, super().patch_xml(src_xml))


_MARKER = "\u27e6rkt-"
_MARK = re.compile("\u27e6rkt-(chart|orgchart):(\\d+)\u27e7")


def _figure_filter(kind: str, figures: dict[str, tuple[str, Mapping]]):
    """A filter that keeps its value in `figures` and leaves a marker for `_place_figures`."""

    def mark(spec: Mapping) -> str:
        key = str(len(figures) + 1)
        figures[key] = (kind, spec)
        return f"\u27e6rkt-{kind}:{key}\u27e7"

    return mark


class _Environment(jinja2.Environment):
    """Jinja whose compiled document parts are cached on disk, keyed by a hash of their XML.

    Compiling the template's XML is a third of a render and gives the same code every time
    the template is unchanged; the bytecode cache checks the source checksum, so an edited
    template is compiled afresh.
    """

    def __init__(self, **options):
        self._sources: dict[str, str] = {}
        folder = cache.folder("jinja")
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


def _as_typed(value) -> markupsafe.Markup:
    """A value escaped for XML, so that docxtpl's clean-up after rendering leaves it as typed.

    docxtpl turns `{_{`, `}_}`, `{_%` and `%_}` back into Jinja braces in the whole rendered
    document; a cell holding such text would lose its underscores. Written as the character
    reference `&#95;`, the underscore escapes that clean-up and reads back as `_`.
    """
    text = markupsafe.escape(value)
    if "{_" in text or "_}" in text:
        text = markupsafe.Markup(str(text).replace("{_", "{&#95;").replace("_}", "&#95;}"))
    return text


def environment(figures: dict | None = None) -> jinja2.Environment:
    """Autoescaping, strict Jinja with the Indonesian formats and the figure markers as filters.

    `figures` collects what the `chart` and `orgchart` filters are given (None: discarded).
    """
    figures = {} if figures is None else figures
    env = _Environment(autoescape=True, undefined=jinja2.StrictUndefined, finalize=_as_typed)
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


def _text(p) -> str:
    return "".join(t.text or "" for t in p.iter(qn("w:t")))


def _clear(p) -> None:
    """Remove a paragraph's content, keeping its properties."""
    for child in list(p):
        if child.tag != qn("w:pPr"):
            p.remove(child)


class _Figures:
    """Puts each marked paragraph's chart (a run in it) or organisation chart (a table) in its place.

    Chart parts are `word/charts/chartN.xml` with relationship ids `rIdChartN`, N counting
    the charts in document order; each chart's workbook is related to it as `rId1`.
    """

    def __init__(self, document, figures: dict[str, tuple[str, Mapping]]) -> None:
        self.document = document
        self.figures = figures
        self.charts = 0

    def __call__(self, p, new_id: Callable[[], int]) -> None:
        from docx.oxml import parse_xml

        from . import charts

        match = _MARK.fullmatch(_text(p).strip())
        if match is None or match.group(2) not in self.figures:
            raise TemplateError(f"grafik atau bagan harus sendirian di paragrafnya: {_text(p)[:80]!r}")
        kind, spec = self.figures[match.group(2)]
        try:
            if kind == "orgchart":
                p.addprevious(parse_xml(charts.org_chart_xml(spec)))
                if p.getnext() is None and p.getparent().tag == qn("w:tc"):
                    _clear(p)  # a cell must end with a paragraph
                else:
                    p.getparent().remove(p)
                return
            part = charts.cached_chart_part(spec)
        except (KeyError, TypeError, charts.ChartSpecError) as exc:
            raise TemplateError(f"{kind} tidak dapat digambar: {exc}") from exc
        self.charts += 1
        rid = self._relate(part)
        _clear(p)
        name = str(spec.get("name") or f"Grafik {self.charts}")
        p.append(parse_xml(charts.inline_xml(rid, new_id(), name, name, part.width, part.height)))

    def _relate(self, part) -> str:
        from docx.opc.constants import CONTENT_TYPE as CT
        from docx.opc.constants import RELATIONSHIP_TYPE as RT
        from docx.opc.part import Part

        package = self.document.part.package
        chart = Part(package.next_partname("/word/charts/chart%d.xml"), CT.DML_CHART, part.xml, package)
        rid = f"rIdChart{self.charts}"
        self.document.part.rels.add_relationship(RT.CHART, chart, rid)
        workbook = Part(package.next_partname("/word/embeddings/Microsoft_Excel_Worksheet%d.xlsx"), CT.SML_SHEET,
                        part.workbook, package)
        chart.rels.add_relationship(RT.PACKAGE, workbook, "rId1")
        return rid


DOCUMENT_PART = "word/document.xml"
PIECE = 1 << 16  # characters of rendered body parsed at a time
_PARAGRAPH = re.compile(r"<w:p([ >])")
_NEWLINE_P = re.compile(r"\n<w:p([ >])")


def _member(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def _paragraph_cut(text: str) -> int:
    """Where the last paragraph of the template starts in `text` (0: none yet)."""
    at = len(text)
    while (at := text.rfind("\n<w:p", 0, at)) > 0:
        if text[at + 5:at + 6] in (" ", ">"):
            return at
    return 0


def _pieces(tpl: _Template, chunks: Iterator[str]) -> Iterator[str]:
    """Jinja's output in pieces of whole paragraphs, with docxtpl's fixes after rendering.

    docxtpl runs its fixes (`{_{` escapes back to braces, tabs and line breaks typed in a
    value made Word runs) over the whole output; each works within a paragraph, so the
    same fixes on pieces cut where a template paragraph starts give the same text.
    """
    buffer: list[str] = []
    length, limit = 0, PIECE
    for chunk in chunks:
        buffer.append(chunk)
        length += len(chunk)
        if length < limit:
            continue
        text = "".join(buffer)
        cut = _paragraph_cut(text)
        if cut:
            yield _after_jinja(tpl, text[:cut])
            text = text[cut:]
        buffer, length, limit = [text], len(text), max(PIECE, 2 * len(text))
    yield _after_jinja(tpl, "".join(buffer))


def _after_jinja(tpl: _Template, text: str) -> str:
    text = _NEWLINE_P.sub(r"<w:p\1", text)
    text = text.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
    if any(c in text for c in "\t\a\n\f"):
        text = tpl.resolve_listing(text)
    return text


def _body_source(tpl: _Template) -> str:
    """The template's body as Jinja source: docxtpl's preparation (`patch_xml`) and the `vmerge` tag.

    Cached by the template's bytes and the code that prepares it: the regex passes cost more
    than the rest of loading the template, and give the same source every time.
    """
    path = Path(tpl.template_file)
    name = cache.key(path.read_bytes(), docxtpl.__version__, cache.source_version(__file__)) + ".xml"
    found = cache.get("templates", name)
    if found is not None:
        return found.decode("utf-8")
    # docxtpl's own step: a line per paragraph, so an error's line number points near its text
    source = _PARAGRAPH.sub(r"\n<w:p\1", tpl.patch_xml(tpl.get_xml()))
    cache.put("templates", name, source.encode("utf-8"))
    return source


def _write_body(tpl: _Template, context: dict, env: jinja2.Environment, figures: dict, out) -> None:
    """Render the body with Jinja and write the document part, streamed through `BodyWriter`."""
    source = _body_source(tpl)
    root = tpl.docx.element
    root.replace(root.body, root.body.makeelement(root.body.tag, {}))
    shell = etree.tostring(root, encoding="UTF-8", standalone=True)
    try:
        template = env.from_string(source)
        writer = BodyWriter(out, shell, _MARKER, _Figures(tpl.docx, figures))
        for piece in _pieces(tpl, template.generate(context)):
            writer.feed(piece.encode("utf-8"))
        writer.close()
    except jinja2.TemplateError as exc:
        lineno = getattr(exc, "lineno", None)
        if lineno:
            lines = source.splitlines()[max(lineno - 4, 0):lineno + 3]
            exc.docx_context = [re.sub(r"<[^>]+>", "", line) for line in lines]
        raise


def render(context: Mapping, template_path: Path = TEMPLATE) -> bytes:
    """The filled template as .docx bytes; `TemplateError` if the template and context disagree.

    The body is streamed (pipeline/body.py) straight into its compressed zip member; headers,
    footers and properties are small and filled by docxtpl as they are.
    """
    path = Path(template_path)
    tpl = _Template(str(path))
    tpl.render_init()
    figures: dict[str, tuple[str, Mapping]] = {}
    env = environment(figures)
    context = dict(context)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        try:
            for uri in (tpl.HEADER_URI, tpl.FOOTER_URI):
                for rel_key, xml in tpl.build_headers_footers_xml(context, uri, env):
                    tpl.map_headers_footers_xml(rel_key, xml)
            tpl.render_properties(context, env)
            tpl.render_footnotes(context, env)  # before the body is taken out: it walks the sections
            with zf.open(_member(DOCUMENT_PART), "w") as part:
                _write_body(tpl, context, env, figures, part)
            tpl.is_rendered = True
        except jinja2.UndefinedError as exc:
            where = " ".join(" ".join(getattr(exc, "docx_context", []) or []).split())[:160]
            raise TemplateError(
                f"templat {path.name} memakai variabel '{_missing(exc)}' yang tidak ada di konteks"
                + (f" (dekat: {where})" if where else "")
            ) from exc
        except jinja2.TemplateSyntaxError as exc:
            raise TemplateError(f"templat {path.name} rusak: {exc.message} (baris {exc.lineno})") from exc
        except etree.XMLSyntaxError as exc:  # e.g. a `|safe` value, or tags that cut a paragraph apart
            raise TemplateError(f"templat {path.name} menghasilkan XML yang rusak: {exc.msg}") from exc
        rest = io.BytesIO()  # document properties are written once, by pipeline/package.py
        tpl.save(rest)
        with zipfile.ZipFile(rest) as src:
            for name in src.namelist():
                if name != DOCUMENT_PART:
                    zf.writestr(_member(name), src.read(name))
    return out.getvalue()
