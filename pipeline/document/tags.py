"""The tags of a Word template as a planner finds them: each in its paragraph, and what is wrong with one.

`rkt templat` lists every tag of a template with the text around it, and reports what would stop a
build or print the wrong thing: a tag an editor broke (braces parted by a space, a tag run into the
next paragraph), a name the context does not have (the contract, pipeline/document/contract.py), a
block left open or closed in another table than it opened in, a row or cell tag outside a table.
`rkt build` reports a template that cannot be filled with the same findings. Each finding names the
template and the paragraph (its number, the heading above it, its text) or the table cell the tag is
in, never a line of the Jinja source docxtpl makes of the template.

The template is read as docxtpl reads it: the text of its runs joined (Word splits a tag across runs
as one types; docxtpl joins them again), straight quotes for curly ones inside a tag, and each part
(the body, each header and footer) on its own.
"""

from __future__ import annotations

import bisect
import difflib
import re
import typing
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from jinja2 import nodes
from lxml import etree

from pipeline.document import contract
from pipeline.document.render import environment
from pipeline.findings import Finding, Location, error, warning
from pipeline.names import LAKIN, PK, RKT
from pipeline.ooxml import NS, parse, qn

TEMPLATE_PROBLEMS: dict[str, str] = {
    "templat.berkas": "Templat tidak dapat dibuka: bukan dokumen Word (.docx) atau rusak.",
    "templat.tag-rusak": "Tag yang tidak terbaca sebagai tag: kurung kurawal terpisah spasi atau teks, tag yang "
                         "dibuka tanpa ditutup, atau sisa tag.",
    "templat.tag-terbelah": "Tag yang berlanjut ke paragraf berikutnya: kedua paragraf digabung saat build.",
    "templat.sintaks": "Isi tag tidak dapat dibaca (salah ketik kata kunci atau tanda baca).",
    "templat.tag-tak-dikenal": "Tag {% ... %} yang tidak dikenal rkt (mis. {% vmerge %} yang tidak dipakai lagi).",
    "templat.nama": "Tag memakai nama atau isian yang tidak ada dalam data dokumen.",
    "templat.filter": "Tag memakai filter (|nama) yang tidak dikenal.",
    "templat.blok": "Blok {% for %}/{% if %} yang tidak ditutup, ditutup tanpa dibuka, atau ditutup dengan "
                    "penutup yang salah.",
    "templat.tempat": "Tag di tempat yang tidak bisa: {%tr %} di luar baris tabel, {%tc %} di luar sel, atau blok "
                      "yang dibuka dan ditutup di tabel, baris atau sel yang berbeda.",
    "templat.teks-hilang": "Teks yang berbagi paragraf, sel atau baris dengan tag {%p %}, {%tc %} atau {%tr %}: "
                           "teks itu hilang saat build.",
    "templat.isi": "Templat tidak dapat diisi dengan data dokumen.",
}

# the context each document's template is filled with
SHAPES = {RKT: contract.RktContext, PK: contract.PkContext, LAKIN: contract.LakinContext}

W = f"{{{NS['w']}}}"
P, T, TBL, TR, TC = qn("w:p"), qn("w:t"), qn("w:tbl"), qn("w:tr"), qn("w:tc")
_HEADING = re.compile(r"^(?:Heading|Judul)\s*\d$", re.I)
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
# What is left of a tag an editor broke: a whole one with a space between its braces, else a piece of one.
_FRAGMENT = re.compile(r"\{\s*[{%#][^{}]*?[}%#]\s*\}|\{\s+[{%#]|[}%#]\s+\}|\{\{|\}\}|\{%|%\}|\{#|#\}")
_PREFIX = re.compile(r"^\{[{%](p|tr|tc|r)\s")  # docxtpl's paragraph, row, cell and run tags: `{%p if x %}`
_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"})
OPENERS = {"for", "if", "macro", "call", "filter", "with", "raw", "autoescape"}
DOCXTPL = {"colspan", "cellbg", "vm", "hm"}  # docxtpl's own cell tags
NEAR = 40  # characters of neighbouring text shown around a tag


# ---------------------------------------------------------------- where a tag is

@dataclass(frozen=True, eq=False)
class Paragraph:
    """A paragraph of a template part as a planner finds it: its number in the part, the heading above it,
    the table cell it is in, its text."""

    part: str  # "isi" (the body), "header 1", "footer 2"
    number: int  # 1-based, counting every paragraph of the part in order, those in tables too
    heading: str
    cell: tuple[int, int, int] | None  # (table, row, column), 1-based, for a paragraph in a table
    text: str
    element: etree._Element = field(repr=False)

    @property
    def place(self) -> str:
        """`paragraf 41 (tabel 2, baris 1, kolom 3) di bawah «BAB II ...»`: what a Location shows."""
        where = f"paragraf {self.number}" + ("" if self.part == "isi" else f" di {self.part}")
        if self.cell:
            where += " (tabel {}, baris {}, kolom {})".format(*self.cell)
        return where + (f" di bawah «{_short(self.heading, 50)}»" if self.heading else "")


@dataclass(frozen=True)
class Tag:
    """A tag as typed (`{{ office.name }}`), the paragraph it starts in and the one it ends in."""

    text: str
    paragraph: Paragraph
    end: Paragraph
    start: int  # where it starts in its paragraph's text

    @property
    def near(self) -> str:
        """The tag in its neighbouring text: `…Tugas pokok ⟨{{ office.name }}⟩ adalah melaksanakan…`."""
        text = self.paragraph.text
        before = text[max(0, self.start - NEAR):self.start]
        after = text[self.start + len(self.text):self.start + len(self.text) + NEAR]
        return (("…" if self.start > NEAR else "") + before + f"⟨{self.text}⟩" + after
                + ("…" if self.start + len(self.text) + NEAR < len(text) else ""))


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _parts(path: Path) -> list[tuple[str, etree._Element]]:
    """The parts docxtpl fills: the body, then each header and footer, as XML roots."""
    with zipfile.ZipFile(path) as zf:
        names = zf.namelist()
        out = [("isi", parse(zf.read("word/document.xml")))]
        for kind in ("header", "footer"):
            numbered = {int(m.group(1)): n for n in names if (m := re.fullmatch(rf"word/{kind}(\d+)\.xml", n))}
            out += [(f"{kind} {i}", parse(zf.read(numbered[i]))) for i in sorted(numbered)]
    return out


def paragraphs(part: str, root) -> list[Paragraph]:
    """Every paragraph of a part in order, with the text of its own runs (not of a text box inside it)."""
    tables = {tbl: i for i, tbl in enumerate(root.iter(TBL), start=1)}
    out, heading = [], ""
    for number, p in enumerate(root.iter(P), start=1):
        text = "".join(t.text or "" for t in p.iter(T) if next(t.iterancestors(P), None) is p)
        cell = None
        tc = next(p.iterancestors(TC), None)
        if tc is not None:
            tr, tbl = tc.getparent(), tc.getparent().getparent()
            cell = (tables.get(tbl, 0), list(tbl.iterchildren(TR)).index(tr) + 1,
                    list(tr.iterchildren(TC)).index(tc) + 1)
        out.append(Paragraph(part, number, heading, cell, text, p))
        style = p.find(f"{W}pPr/{W}pStyle")
        if style is not None and _HEADING.match(style.get(f"{W}val", "")) and text.strip():
            heading = text.strip()
    return out


def _scan(paras: Sequence[Paragraph], template: str) -> tuple[list[Tag], list[Finding]]:
    """The tags of one part's paragraphs, read across paragraph ends as docxtpl does, and what is left
    of broken ones."""
    text = "".join(p.text for p in paras)
    starts, offset = [], 0
    for p in paras:
        starts.append(offset)
        offset += len(p.text)

    def at(pos: int) -> tuple[Paragraph, int]:
        """The paragraph holding character `pos` of the part's text, and where in it."""
        i = max(0, bisect.bisect_right(starts, pos) - 1)
        return paras[i], pos - starts[i]

    tags, found, last = [], [], 0
    for m in _TAG.finditer(text):
        first, where = at(m.start())
        end, _ = at(m.end() - 1)
        tag = Tag(m.group(0), first, end, where)
        tags.append(tag)
        if end is not first:
            found.append(warning("templat.tag-terbelah", f"tag {_short(tag.text, 60)} berlanjut ke paragraf "
                                 f"{end.number}: kedua paragraf digabung saat build; ketik tag dalam satu paragraf",
                                 _location(template, first), subject=tag.text))
        found += _fragments(text[last:m.start()], last, at, template)
        last = m.end()
    found += _fragments(text[last:], last, at, template)
    return tags, found


def _fragments(text: str, offset: int, at, template: str) -> list[Finding]:
    """What looks like part of a tag in text outside the tags: `{ {`, a lone `}}`, a `{%` never closed."""
    out = []
    for m in _FRAGMENT.finditer(text):
        p, where = at(offset + m.start())
        near = _short(p.text[max(0, where - NEAR):where + NEAR], 2 * NEAR)
        out.append(error("templat.tag-rusak", f"'{_short(m.group(0), 60)}' bukan tag yang utuh: tag ini tidak "
                         f"diisi dan tercetak apa adanya; ketik ulang tagnya tanpa spasi di antara kurung kurawal, "
                         f"dalam satu paragraf («{near}»)", _location(template, p), subject=m.group(0)))
    return out


def _location(template: str, p: Paragraph) -> Location:
    return Location(template, place=p.place)


def _where(path: Path) -> str:
    """The template's path as a planner typed it or finds it: relative to the working folder when inside it."""
    path = Path(path)
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(path)


# ---------------------------------------------------------------- what each tag says

@dataclass
class _Block:
    keyword: str
    tag: Tag
    container: etree._Element | None
    scope: dict[str, object]


ANY = object()  # a value whose shape the check does not know: anything may follow it


class _Checker:
    """Walks a part's tags in order: blocks opened and closed where they may be, names the context has."""

    def __init__(self, template: str, root_type, env: jinja2.Environment, macros: set[str]) -> None:
        self.template = template
        self.root = typing.get_type_hints(root_type) if root_type is not None else None
        self.env = env
        self.macros = macros
        self.stack: list[_Block] = []
        self.names: dict[str, object] = {}  # set at the part's top level
        self.found: list[Finding] = []

    def problem(self, rule: str, tag: Tag, message: str, severity: str = "error") -> None:
        make = error if severity == "error" else warning
        self.found.append(make(rule, f"{message}: «{tag.near}»", _location(self.template, tag.paragraph),
                               subject=tag.text))

    # --- a tag

    def tag(self, tag: Tag) -> None:
        kind = tag.text[:2]
        if kind == "{#":
            return
        prefix = _PREFIX.match(tag.text)
        level = prefix.group(1) if prefix else ""
        body = tag.text[prefix.end() if prefix else 2:-2].translate(_QUOTES).strip().strip("-").strip()
        self._placed(tag, level)
        if kind == "{{":
            self.expression(tag, body)
            return
        keyword = body.split(None, 1)[0] if body else ""
        rest = body[len(keyword):].strip()
        if keyword in OPENERS or (keyword == "set" and "=" not in rest):
            self.open(tag, keyword, rest, level)
        elif keyword in ("else", "elif"):
            self.middle(tag, keyword, rest)
        elif keyword.startswith("end") and keyword[3:] in OPENERS | {"set"}:
            self.close(tag, keyword[3:], level)
        elif keyword == "set":
            self.statement(tag, body)
        elif keyword in DOCXTPL:
            if rest:
                self.expression(tag, rest)
        elif keyword == "vmerge":
            self.problem("templat.tag-tak-dikenal", tag, "{% vmerge %} tidak dipakai lagi: tabel data ditulis rkt "
                         "sendiri; ganti seluruh tabel dengan satu paragraf berisi placeholdernya, mis. "
                         "{{ tables.tabel_4|table }} (docs/templates.md)")
        else:
            self.problem("templat.tag-tak-dikenal", tag, f"tag {{% {keyword} %}} tidak dikenal")

    def _placed(self, tag: Tag, level: str) -> None:
        """A row tag in a table row, a cell tag in a cell; text sharing its paragraph, cell or row is lost."""
        p = tag.paragraph.element
        if level in ("tr", "tc") and next(p.iterancestors(TC), None) is None:
            what = "baris tabel" if level == "tr" else "sel tabel"
            self.problem("templat.tempat", tag, f"tag {{%{level} ... %}} hanya berlaku di dalam {what}; di luar "
                         "tabel pakai {%p ... %} di paragraf tersendiri")
            return
        holder = {"p": p, "tr": next(p.iterancestors(TR), None), "tc": next(p.iterancestors(TC), None)}.get(level)
        if holder is not None:
            rest = _TAG.sub("", "".join(t.text or "" for t in holder.iter(T))).strip()
            if rest:
                what = {"p": "paragraf", "tr": "baris tabel", "tc": "sel"}[level]
                self.problem("templat.teks-hilang", tag, f"teks «{_short(rest, 40)}» berada di {what} yang sama "
                             f"dengan tag {{%{level} %}} dan hilang saat build; pindahkan ke {what} lain",
                             severity="warning")

    def container(self, tag: Tag, level: str):
        """Where a block must close where it opened: the table of a row tag, the row of a cell tag, the
        paragraph of an inline tag, else whatever holds the paragraph (the body, a cell, a header)."""
        p = tag.paragraph.element
        if level == "tr":
            return next(p.iterancestors(TBL), None)
        if level == "tc":
            return next(p.iterancestors(TR), None)
        if level in ("", "r"):
            return p
        return p.getparent()

    # --- blocks

    def open(self, tag: Tag, keyword: str, rest: str, level: str) -> None:
        scope: dict[str, object] = {}
        closing = {"raw": "", "set": "{% endset %}"}.get(keyword, f"{{% end{keyword} %}}")
        source = f"{{% {keyword} {rest} %}}{closing}" if keyword != "raw" else ""
        if source:
            tree = self.parse(tag, source)
            if tree is None:
                scope = {"*": ANY}
            else:
                node = tree.body[0]
                if isinstance(node, nodes.For):
                    self.walk(tag, node.iter)
                    scope = {n.name: ANY for n in node.target.find_all(nodes.Name)}
                    if isinstance(node.target, nodes.Name):
                        scope[node.target.name] = _item(self.type_of(node.iter, quiet=True))
                    scope["loop"] = ANY
                    if node.test is not None:
                        self.stack.append(_Block(keyword, tag, None, scope))
                        self.walk(tag, node.test)
                        self.stack.pop()
                elif isinstance(node, nodes.Macro):
                    scope = {a.name: ANY for a in node.args} | {"caller": ANY, "varargs": ANY, "kwargs": ANY}
                    for default in node.defaults:
                        self.walk(tag, default)
                else:
                    for child in node.iter_child_nodes(exclude=("body", "else_", "elif_")):
                        self.walk(tag, child)
                    if isinstance(node, nodes.With):
                        scope = {n.name: ANY for t in node.targets for n in t.find_all(nodes.Name)}
        self.stack.append(_Block(keyword, tag, self.container(tag, level), scope))

    def middle(self, tag: Tag, keyword: str, rest: str) -> None:
        top = self.stack[-1] if self.stack else None
        if top is None or top.keyword not in (("if",) if keyword == "elif" else ("if", "for")):
            self.problem("templat.blok", tag, f"{{% {keyword} %}} tanpa {{% if %}} yang terbuka")
            return
        if keyword == "elif":
            tree = self.parse(tag, f"{{% if {rest} %}}{{% endif %}}")
            if tree is not None:
                self.walk(tag, tree.body[0].test)

    def close(self, tag: Tag, keyword: str, level: str) -> None:
        if not self.stack:
            self.problem("templat.blok", tag, f"{{% end{keyword} %}} tanpa {{% {keyword} %}} yang membukanya")
            return
        top = self.stack[-1]
        if top.keyword != keyword:
            opened = top.tag
            self.problem("templat.blok", tag, f"{{% end{keyword} %}} menutup {{% {top.keyword} %}} yang dibuka di "
                         f"{opened.paragraph.place} ({_short(opened.text, 40)}); tutup dengan {{% end{top.keyword} %}}")
            if keyword not in {b.keyword for b in self.stack}:
                return
            while self.stack and self.stack[-1].keyword != keyword:
                self.stack.pop()
            top = self.stack[-1]
        self.stack.pop()
        if top.container is not self.container(tag, level) and "*" not in top.scope:
            self._misplaced(top.tag, tag)

    def _misplaced(self, opened: Tag, closed: Tag) -> None:
        a, b = opened.paragraph, closed.paragraph
        inline = not _PREFIX.match(opened.text)
        if inline and a.element.getparent() is b.element.getparent():
            self.problem("templat.tempat", closed, f"blok {_short(opened.text, 40)} dibuka di paragraf {a.number} "
                         f"dan ditutup di paragraf lain: paragraf-paragraf itu digabung saat build; pakai "
                         "{%p ... %} di paragraf tersendiri", severity="warning")
            return

        def side(p: Paragraph) -> str:
            return "tabel {}, baris {}, kolom {}".format(*p.cell) if p.cell else "di luar tabel"

        self.problem("templat.tempat", closed, f"blok {_short(opened.text, 40)} dibuka di {a.place} ({side(a)}) "
                     f"tetapi ditutup di sini ({side(b)}): buka dan tutup sebuah blok di tempat yang sama (keduanya "
                     "di luar tabel, atau di sel yang sama; {%tr %} di tabel yang sama)")

    def finish(self) -> None:
        for block in self.stack:
            self.problem("templat.blok", block.tag, f"{{% {block.keyword} %}} tidak ditutup: tambahkan "
                         f"{{% end{block.keyword} %}} (di paragraf tersendiri untuk {{%p ... %}})")
        self.stack.clear()

    # --- expressions

    def statement(self, tag: Tag, body: str) -> None:
        tree = self.parse(tag, f"{{% {body} %}}")
        if tree is not None:
            node = tree.body[0]
            self.walk(tag, node.node)
            for name in node.target.find_all(nodes.Name):
                (self.stack[-1].scope if self.stack else self.names)[name.name] = ANY

    def expression(self, tag: Tag, body: str) -> None:
        tree = self.parse(tag, f"{{{{ {body} }}}}")
        if tree is not None:
            for node in tree.body[0].nodes:
                self.walk(tag, node)

    def parse(self, tag: Tag, source: str) -> nodes.Template | None:
        try:
            return self.env.parse(source)
        except jinja2.TemplateSyntaxError as exc:
            self.problem("templat.sintaks", tag, f"isi tag tidak terbaca ({exc.message})")
            return None

    def walk(self, tag: Tag, node: nodes.Node) -> None:
        """Check the names, fields and filters of an expression."""
        if isinstance(node, nodes.Test) and node.name in ("defined", "undefined"):
            return
        if isinstance(node, nodes.Filter | nodes.Test):
            known = self.env.filters if isinstance(node, nodes.Filter) else self.env.tests
            if node.name not in known:
                what = "filter" if isinstance(node, nodes.Filter) else "tes"
                self.problem("templat.filter", tag, f"{what} '{node.name}' tidak dikenal (yang dikenal: "
                             f"{', '.join(_OWN_FILTERS)} dan filter bawaan Jinja)")
        if isinstance(node, nodes.Name | nodes.Getattr | nodes.Getitem):
            self.type_of(node, tag=tag)
            return
        for child in node.iter_child_nodes():
            self.walk(tag, child)

    def lookup(self, name: str):
        for block in reversed(self.stack):
            if "*" in block.scope:
                return ANY
            if name in block.scope:
                return block.scope[name]
        if name in self.names or name in self.macros or name in self.env.globals:
            return ANY
        if self.root is None:
            return ANY
        return self.root.get(name)

    def type_of(self, node: nodes.Node, tag: Tag | None = None, quiet: bool = False):
        """The contract type `node` reads (ANY when unknown); a name or field the contract lacks is a finding."""
        if isinstance(node, nodes.Name):
            found = self.lookup(node.name)
            if found is None:
                if not quiet and tag is not None:
                    self.problem("templat.nama", tag, f"'{node.name}' tidak ada dalam data dokumen"
                                 + _guess(node.name, self.root))
                return ANY
            return found
        if isinstance(node, nodes.Getattr | nodes.Getitem):
            base = self.type_of(node.node, tag, quiet)
            if isinstance(node, nodes.Getitem):
                if tag is not None and not quiet:
                    self.walk(tag, node.arg)
                key = node.arg.value if isinstance(node.arg, nodes.Const) else None
            else:
                key = node.attr
            return self._field(base, key, node, tag, quiet)
        if tag is not None and not quiet:
            self.walk(tag, node)
        return ANY

    def _field(self, base, key, node, tag: Tag | None, quiet: bool):
        if base is ANY or key is None:
            return ANY
        if typing.get_origin(base) is list:
            return typing.get_args(base)[0] if isinstance(key, int) else ANY
        if typing.is_typeddict(base):
            hints = typing.get_type_hints(base)
            if key in hints:
                return hints[key]
            if not quiet and tag is not None and isinstance(key, str):
                self.problem("templat.nama", tag, f"'{_path(node)}' tidak ada dalam data dokumen"
                             + _guess(key, hints) + f"; '{_path(node.node)}' berisi {', '.join(hints)}")
        return ANY


_OWN_FILTERS = ("number", "plain", "percent", "words", "count", "month", "chart", "orgchart", "table")


def _guess(name: str, known) -> str:
    """` (maksudnya 'office'?)`: the known name closest to a misspelt one, if any is close."""
    close = difflib.get_close_matches(name, list(known or ()), n=1, cutoff=0.6)
    return f" (maksudnya '{close[0]}'?)" if close else ""


def _item(hint):
    """The type of an item of a list of type `hint` (ANY when it is not a known list)."""
    return typing.get_args(hint)[0] if typing.get_origin(hint) is list else ANY


def _path(node: nodes.Node) -> str:
    """`office.nama` of a Getattr chain, as typed."""
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Getattr):
        return f"{_path(node.node)}.{node.attr}"
    if isinstance(node, nodes.Getitem):
        arg = node.arg.value if isinstance(node.arg, nodes.Const) else "…"
        return f"{_path(node.node)}[{arg!r}]" if isinstance(arg, str) else f"{_path(node.node)}[{arg}]"
    return "…"


def _macros(tags: Sequence[Tag]) -> set[str]:
    """The names of the macros a part defines (callable before or after their definition in the text)."""
    found = set()
    for tag in tags:
        m = re.match(r"\{%-?\s*(?:p\s+)?macro\s+(\w+)", tag.text)
        if m:
            found.add(m.group(1))
    return found


# ---------------------------------------------------------------- the check

@dataclass(frozen=True)
class Report:
    """What `check` found in one template: its tags in order and the findings."""

    template: str
    tags: tuple[Tag, ...]
    findings: tuple[Finding, ...]


def check(path: Path, root_type=None) -> Report:
    """The tags of the template at `path` and everything wrong with them; `root_type` is the context's
    TypedDict (contract.RktContext, contract.PkContext) whose names the tags may use (None: any name)."""
    template = _where(path)
    try:
        parts = _parts(Path(path))
    except (OSError, KeyError, zipfile.BadZipFile, etree.XMLSyntaxError) as exc:
        problem = error("templat.berkas", f"templat tidak dapat dibuka: {exc}", Location(template))
        return Report(template, (), (problem,))
    env = environment()
    tags: list[Tag] = []
    found: list[Finding] = []
    for part, root in parts:
        part_tags, broken = _scan(paragraphs(part, root), template)
        checker = _Checker(template, root_type, env, _macros(part_tags))
        for tag in part_tags:
            checker.tag(tag)
        checker.finish()
        tags += part_tags
        found += broken + checker.found
    return Report(template, tuple(tags), tuple(_ordered(found)))


def _ordered(found: Sequence[Finding]) -> list[Finding]:
    """Each finding once, in the order of the template (errors and warnings as they come)."""
    return list(dict.fromkeys(found))


def tag_lines(report: Report) -> Iterator[str]:
    """One line per tag: where it is and the text around it."""
    for tag in report.tags:
        yield f"{tag.paragraph.place}: {tag.near}"


def located(exc: Exception, path: Path, root_type=None) -> list[Finding]:
    """The findings of a template that could not be filled: what `check` finds, else the error itself,
    placed at the paragraph whose tags name what was missing when that can be told."""
    report = check(path, root_type)
    errors = [f for f in report.findings if f.severity == "error"]
    if errors:
        return errors
    message = str(exc)
    missing = re.search(r"variabel '([^']+)'", message)
    if missing:
        for tag in report.tags:
            if re.search(rf"\b{re.escape(missing.group(1))}\b", tag.text):
                return [error("templat.isi", f"{message}: {tag.near}", _location(report.template, tag.paragraph),
                              subject=tag.text)]
    return [error("templat.isi", message, Location(report.template))]
