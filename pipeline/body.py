"""Write a filled document body block by block, so a build's memory does not grow with the document.

Jinja hands the filled template over as a stream of text (`Template.generate`). It is parsed as
it arrives (lxml's pull parser) and every top-level paragraph, and every row of a top-level
table, is finished and written out as soon as its end tag is read, then dropped. So only one
block is ever held as a tree, plus the written rows of the table being read: a table's grid
comes before its rows but depends on them. (A whole-document tree costs about twelve bytes of
memory per byte of XML; an office fifty times the shipped one has a 50 MB body.)

"Finished" is what docxtpl and python-docx would otherwise do on the whole tree:

- a table's grid follows its rows: as many columns as the widest row (`{%tc for %}` column
  loops, docxtpl's own arithmetic), then each column as wide as its cell in the row with the
  most cells and no spans; a table inside a cell is fitted whole when its row is finished;
- cell properties in schema order (docxtpl's colspan writes `gridSpan` first and rkt's vmerge
  adds `vMerge` last; Word refuses either), sorted only in the cells that have them;
- drawing ids numbered in document order from 1001, as docxtpl does;
- every paragraph holding a figure marker is handed to the caller (`figure`), which puts the
  chart or organisation chart in its place.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import BinaryIO

from lxml import etree

NS_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{NS_W}}}"
NS_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
DOCPR = f"{{{NS_WP}}}docPr"
BODY, TBL, TR, TC, TCPR, P = W + "body", W + "tbl", W + "tr", W + "tc", W + "tcPr", W + "p"
TBLPR, TBLGRID, GRIDCOL, GRIDSPAN, TCW, TBLW = (
    W + "tblPr", W + "tblGrid", W + "gridCol", W + "gridSpan", W + "tcW", W + "tblW")
VAL, WIDTH, TYPE = W + "val", W + "w", W + "type"
CELL_WIDTH = f"{TCPR}/{TCW}"
_CELLS = etree.XPath("w:tc", namespaces={"w": NS_W})
_SPANS = etree.XPath("w:tc/w:tcPr/w:gridSpan/@w:val", namespaces={"w": NS_W})

# Child order of a table cell's properties (ECMA-376 CT_TcPr).
_TCPR_ORDER = {W + n: i for i, n in enumerate((
    "cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar", "textDirection",
    "tcFitText", "vAlign", "hideMark", "headers", "cellIns", "cellDel", "cellMerge", "tcPrChange"))}
_DECLARATION = re.compile(rb' xmlns(?::[\w.-]+)?="[^"]*"')
FIRST_DRAWING_ID = 1000  # docxtpl's: drawings are numbered 1001, 1002, ...


def _tcpr_order(child) -> int:
    return _TCPR_ORDER.get(child.tag, 99)


class _Table:
    """A top-level table while its rows stream by: the rows written so far and what its grid needs."""

    __slots__ = ("rows", "widest", "widest_span", "finest")

    def __init__(self) -> None:
        self.rows: list[bytes] = []
        self.widest = 0  # most cells in a row
        self.widest_span = 0  # most grid columns a row covers
        self.finest: list[tuple[str | None, str | None]] | None = None  # (w, type) of the row with most cells, no spans

    def measure(self, tr) -> None:
        cells = len(_CELLS(tr))
        spans = _SPANS(tr)
        self.widest = max(self.widest, cells)
        self.widest_span = max(self.widest_span, cells + sum(int(s) - 1 for s in spans))
        if not spans and (self.finest is None or cells > len(self.finest)):
            widths = [tc.find(CELL_WIDTH) for tc in tr.iterchildren(TC)]
            self.finest = [(None, None) if w is None else (w.get(WIDTH), w.get(TYPE)) for w in widths]

    def fit(self, tbl) -> None:
        """The grid of the finished table: its columns, then their widths from the finest row."""
        grid = tbl.find(TBLGRID)
        if grid is None:
            return
        _fit_columns(grid, self.widest, self.widest_span)
        cols = grid.findall(GRIDCOL)
        finest = self.finest
        if not finest or len(finest) != len(cols) or any(t != "dxa" or w is None for w, t in finest):
            return
        for col, (width, _) in zip(cols, finest, strict=True):
            col.set(WIDTH, width)
        tblw = tbl.find(f"{TBLPR}/{TBLW}")
        if tblw is not None and tblw.get(TYPE) == "dxa":
            tblw.set(WIDTH, str(sum(int(w) for w, _ in finest)))


def _fit_whole(tbl) -> None:
    """Fit the grid of a table held whole (not a top-level one, whose rows stream)."""
    table = _Table()
    for tr in tbl.iterchildren(TR):
        table.measure(tr)
    table.fit(tbl)


def _fit_columns(grid, widest: int, widest_span: int) -> None:
    """docxtpl's `fix_tables` for one table: add grid columns up to the widest row, drop unused ones.

    The arithmetic is docxtpl's, so the table keeps its total width.
    """
    columns = grid.findall(GRIDCOL)
    to_add = widest - len(columns)
    if to_add > 0:
        width = sum(float(c.get(WIDTH)) for c in columns if c.get(WIDTH) is not None)
        if width > 0:
            old_average, new_average = width / len(columns), width / (len(columns) + to_add)
            for c in columns:
                c.set(WIDTH, str(int(float(c.get(WIDTH)) * new_average / old_average)))
            for _ in range(to_add):
                grid.append(grid.makeelement(GRIDCOL, {WIDTH: str(int(new_average))}))
    columns = grid.findall(GRIDCOL)
    to_remove = len(columns) - widest_span
    if to_remove > 0:
        removed = 0.0
        for c in columns[-to_remove:]:
            removed += float(c.get(WIDTH))
            grid.remove(c)
        left = grid.findall(GRIDCOL)
        extra = int(removed / len(left)) if left else 0
        for c in left:
            c.set(WIDTH, str(int(float(c.get(WIDTH)) + extra)))


class BodyWriter:
    """Parse a rendered `<w:body>` fed in pieces and write the finished document part to `out`.

    `shell` is the serialized document part with an empty `<w:body/>`: what comes before and
    after the body. `marker` is the text a figure filter leaves; `figure(p, new_id)` replaces
    such a paragraph in its tree (anything it puts in the paragraph's place is written instead)
    and numbers the drawings it adds with `new_id()`.
    """

    def __init__(self, out: BinaryIO, shell: bytes, marker: str = "",
                 figure: Callable[[etree._Element, Callable[[], int]], None] | None = None) -> None:
        head, found, self._tail = shell.partition(b"<w:body/>")
        if not found:
            raise ValueError("the document shell has no empty <w:body/>")
        self._declarations = set(_DECLARATION.findall(head))
        self._heads: dict[bytes, bytes] = {}
        self._out = out
        # Events only for tables and rows: an event for every element costs more than the parse.
        # Blocks between tables are finished when the next table starts, or at the end.
        self._parser = etree.XMLPullParser(events=("start", "end"), tag=(TBL, TR), remove_blank_text=True,
                                           resolve_entities=False)
        self._parser.feed(head)
        out.write(head + b"<w:body>")
        self._body = None
        self._table: _Table | None = None
        self._table_el = None
        self._drawings = FIRST_DRAWING_ID
        self._figure = figure
        # drawings, cell properties docxtpl or rkt added to (colspan, vmerge: the only ones that
        # can be out of order), nested tables and text holding a figure marker, in document order
        marked = f" | .//w:t[contains(., '{marker}')]" if marker and figure else ""
        self._to_finish = etree.XPath(f".//wp:docPr | .//w:tcPr[w:gridSpan or w:vMerge] | .//w:tbl{marked}",
                                      namespaces={"w": NS_W, "wp": NS_WP})

    def _new_id(self) -> int:
        self._drawings += 1
        return self._drawings

    def feed(self, xml: bytes) -> None:
        """More of the rendered body, from `<w:body>` to `</w:body>`, cut anywhere."""
        self._parser.feed(xml)
        self._drain()

    def close(self) -> None:
        self._parser.feed(self._tail)
        root = self._parser.close()
        self._drain()
        self._blocks(root.find(BODY), None)
        self._out.write(b"</w:body>" + self._tail)

    def _drain(self) -> None:
        for event, el in self._parser.read_events():
            parent = el.getparent()
            if el.tag == TBL and parent.tag == BODY:
                if event == "start":
                    self._blocks(parent, el)
                    self._table, self._table_el = _Table(), el
                else:
                    self._end_table(el)
            elif el.tag == TR and event == "end" and parent is self._table_el:
                self._table.measure(el)
                self._table_part(el)

    def _blocks(self, body, upto) -> None:
        """Finish, write and drop the body's blocks before `upto` (None: all)."""
        for block in list(body):
            if block is upto:
                return
            after = block.getnext()
            self._finish(block)
            while len(body) and body[0] is not after:  # the block, or what a figure put in its place
                self._out.write(self._serialize(body[0]))
                del body[0]

    def _table_part(self, el) -> None:
        """Finish a row and keep its XML; anything between rows goes with it, in its place."""
        table = self._table_el
        for child in list(table):
            if child.tag not in (TBLPR, TBLGRID):
                if child is not el:
                    self._finish(child)
                    self._table.rows.append(self._serialize(child))
                    table.remove(child)
                    continue
                self._finish(el)
                self._table.rows.append(self._serialize(el))
                el.clear()
                table.remove(el)
                return

    def _end_table(self, tbl) -> None:
        for child in list(tbl):  # what follows the last row
            if child.tag not in (TBLPR, TBLGRID):
                self._finish(child)
                self._table.rows.append(self._serialize(child))
                tbl.remove(child)
        self._table.fit(tbl)
        xml = self._serialize(tbl)
        if xml.endswith(b"/>"):  # nothing left but the rows: `<w:tbl/>`
            xml = xml[:-2] + b"></w:tbl>"
        end = xml.rindex(b"</w:tbl>")
        self._out.write(xml[:end])
        self._out.writelines(self._table.rows)
        self._out.write(xml[end:])
        tbl.getparent().remove(tbl)
        self._table = self._table_el = None

    def _finish(self, el) -> None:
        """Number its drawings, order the cell properties rkt added to, place its figures."""
        paragraphs: list = []
        for node in self._to_finish(el):  # one pass: this runs for every row of every table
            if node.tag == DOCPR:
                node.set("id", str(self._new_id()))
            elif node.tag == TCPR:
                node[:] = sorted(node, key=_tcpr_order)
            elif node.tag == TBL:  # a table inside a cell or a content control: whole, it is small
                _fit_whole(node)
            else:  # a w:t holding a figure marker
                p = next(node.iterancestors(P), None)
                if p is not None and p not in paragraphs:
                    paragraphs.append(p)
        if self._figure is not None:
            for p in paragraphs:
                self._figure(p, self._new_id)

    def _serialize(self, el) -> bytes:
        """The element's XML without the namespace declarations the document root already makes."""
        xml = etree.tostring(el, encoding="UTF-8", xml_declaration=False)
        end = xml.index(b">")
        head = self._heads.get(xml[:end])
        if head is None:  # the start tags of rows and paragraphs repeat: strip each kind once
            head = _DECLARATION.sub(lambda m: b"" if m.group(0) in self._declarations else m.group(0), xml[:end])
            self._heads[xml[:end]] = head
        return head + xml[end:]
