"""The text twin: a built .docx as Markdown, one line per paragraph or table row.

Reviewers keep it beside the document so `git diff` of two builds reads as the change.
It is made from the rendered document itself, so it shows what a reader of the .docx sees.
A vertically merged cell repeats its text on every row it spans, so each table row is a
self-contained line (a changed RO row names its IKK); a cell spanning columns is written once.
Charts appear as their data, one line per series. Read with lxml directly: python-docx's
merged-cell lookup is quadratic and took most of a build. It is read as a stream, a row at a
time, so the twin of a long document needs no more memory than its longest row.
"""

from __future__ import annotations

import io
import re
import zipfile

from lxml import etree

from pipeline.ooxml import NS
from pipeline.ooxml import text as paragraph_text

W, C, R = (f"{{{NS[k]}}}" for k in ("w", "c", "r"))
HEADING = re.compile(r"^(?:Heading|Judul)\s*(\d)$", re.I)
TCPR, GRIDSPAN, VMERGE, VAL = f"{W}tcPr", f"{W}gridSpan", f"{W}vMerge", f"{W}val"
SDT, SDT_CONTENT = f"{W}sdt", f"{W}sdtContent"


def _style(p) -> str:
    style = p.find(f"{W}pPr/{W}pStyle")
    return style.get(f"{W}val", "") if style is not None else ""


def _cell_text(tc) -> str:
    """A cell's paragraphs as read, joined by a space, pipes escaped for Markdown."""
    return paragraph_text(tc).replace("|", "\\|")


def _grid(tbl) -> tuple[str, ...]:
    """A table's column widths: a table right after one on the same grid is its last rows (Word shows one)."""
    return tuple(g.get(f"{W}w", "") for g in tbl.iterfind(f"{W}tblGrid/{W}gridCol"))


def _seam(props, tc) -> bool:
    """An empty merged cell open at the top: a merge of the table above going on in the table of its last rows."""
    top = props.find(f"{W}tcBorders/{W}top")
    return top is not None and top.get(VAL) == "nil" and not paragraph_text(tc)


class _Table:
    """A table's Markdown lines, built row by row as the rows are read."""

    def __init__(self) -> None:
        self.rows: list[list[str]] = []
        self.above: dict[int, str] = {}
        self.grid: tuple[str, ...] = ()
        self.above_table: _Table | None = None  # the table right before it, which it may go on

    def add(self, tr) -> None:
        cells: list[str] = []
        col = 0
        for tc in tr.iterchildren(f"{W}tc"):
            props = next(tc.iterchildren(TCPR), None)
            span_el = None if props is None else next(props.iterchildren(GRIDSPAN), None)
            span = int(span_el.get(VAL, "1")) if span_el is not None else 1
            merge = None if props is None else next(props.iterchildren(VMERGE), None)
            if merge is not None and (merge.get(VAL, "continue") == "continue" or _seam(props, tc)):
                text = self.above.get(col, "")
            else:
                text = _cell_text(tc)
            for i in range(span):
                self.above[col + i] = text
                cells.append(text if i == 0 else "")
            col += span
        if any(cells):
            self.rows.append(cells)

    def lines(self) -> list[str]:
        if not self.rows:
            return []
        width = max(len(r) for r in self.rows)
        lines = ["| " + " | ".join(r + [""] * (width - len(r))) + " |" for r in self.rows]
        return ["", lines[0], "|" + "---|" * width, *lines[1:], ""]


def _charts(zf: zipfile.ZipFile) -> dict[str, list[str]]:
    """Relationship id -> one line per series of the chart part: `series: category value, ...`."""
    rels = etree.fromstring(zf.read("word/_rels/document.xml.rels"))
    out: dict[str, list[str]] = {}
    for rel in rels:
        if not rel.get("Type", "").endswith("/chart"):
            continue
        chart = etree.fromstring(zf.read("word/" + rel.get("Target").lstrip("/").removeprefix("word/")))
        lines = []
        for ser in chart.iter(f"{C}ser"):
            name = " ".join(v.text or "" for v in ser.iterfind(f"{C}tx//{C}v"))
            cats = [(v.text or "").replace("\n", " ") for v in ser.iterfind(f"{C}cat//{C}pt/{C}v")]  # drawn broken
            vals = [v.text or "" for v in ser.iterfind(f"{C}val//{C}pt/{C}v")]
            pairs = ", ".join(f"{c} {v}" for c, v in zip(cats, vals, strict=False))
            lines.append(f"> {name}: {pairs}" if name else f"> {pairs}")
        out[rel.get("Id")] = lines
    return out


def _parts(stream):
    """The body's top-level paragraphs, tables and rows of those tables, each dropped once read.

    Yields `("start", tbl)`, then `("row", tr)` per row, then `("end", tbl)` for a table, and
    `("end", p)` for a paragraph: a long document costs no more memory than its longest row. The
    blocks of a content control (`w:sdt`) at the body's level come in their place.
    Only tables and rows raise parse events (one per element would cost more than the parse);
    the paragraphs before a table are complete when it starts.
    """
    table = None
    events = etree.iterparse(stream, events=("start", "end"), tag=(f"{W}tbl", f"{W}tr"),
                            resolve_entities=False)
    for event, el in events:
        parent = el.getparent()
        if el.tag == f"{W}tbl" and parent.tag == f"{W}body":
            if event == "start":
                yield from _blocks(parent, el)
                table = el
                yield "start", el
            else:
                yield "end", el
                parent.remove(el)
                table = None
        elif el.tag == f"{W}tr" and event == "end" and parent is table:
            yield "row", el
            el.clear()
            parent.remove(el)
    yield from _blocks(events.root.find(f"{W}body"), None)


def _blocks(body, upto):
    for block in list(body):
        if block is upto:
            return
        yield from _whole(block)
        body.remove(block)


def _whole(block):
    """A block already read whole: a content control gives its blocks (LibreOffice keeps a table of
    contents in one), a table in it its rows."""
    if block.tag == SDT:
        content = block.find(SDT_CONTENT)
        for child in content if content is not None else ():
            yield from _whole(child)
    elif block.tag == f"{W}tbl":
        yield "start", block
        for tr in block.iterchildren(f"{W}tr"):
            yield "row", tr
        yield "end", block
    else:
        yield "end", block


def docx_to_markdown(docx: bytes) -> str:
    """Headings, paragraphs and tables of a .docx in body order, as Markdown; charts as their data."""
    lines: list[str] = []
    table = _Table()
    ended: _Table | None = None  # the table just ended: the next, on its grid, goes on in it (its last rows)
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        charts = _charts(zf)
        with zf.open("word/document.xml") as stream:
            for event, block in _parts(stream):
                if event == "start":
                    table, table.above_table, ended = _Table(), ended, None
                    continue
                if event == "row":
                    if table.above_table is not None:
                        if _grid(block.getparent()) == table.above_table.grid:
                            table = table.above_table
                        else:
                            lines += table.above_table.lines()
                        table.above_table = None
                    table.add(block)
                    continue
                if table.above_table is not None:  # a table without rows after a table
                    lines += table.above_table.lines()
                    table.above_table = None
                if ended is not None:
                    lines += ended.lines()
                    ended = None
                if block.tag == f"{W}tbl":
                    table.grid, ended = _grid(block), table
                elif block.tag == f"{W}p":
                    for ref in block.iter(f"{C}chart"):
                        lines += ["", *charts.get(ref.get(f"{R}id"), []), ""]
                    line = paragraph_text(block)
                    if not line:
                        continue
                    style = _style(block)
                    match = HEADING.match(style)
                    if match:
                        lines += ["", "#" * int(match.group(1)) + " " + line, ""]
                    elif style.lower().startswith(("caption", "keterangan")):
                        lines.append(f"*{line}*")
                    else:
                        lines.append(line)
            if ended is not None:
                lines += ended.lines()
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"
