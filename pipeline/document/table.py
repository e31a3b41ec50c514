"""The data tables of the RKT and the PK as Word XML, written from their declarations: the one place knowing table XML.

A template holds, where a table goes, a paragraph with only its placeholder (`{{ tables.tabel_5|table }}`);
pipeline/document/render.py puts the table there once docxtpl has filled the prose. An editor (Word,
LibreOffice) so never meets a Jinja tag inside a table, where its rewriting of rows and widths would break
the template. Each table is written from its declaration in pipeline/document/columns.py and the rows the
context gives: widths in twips (measured by the context, pipeline/document/layout.py), cells merged as the
data says (gridSpan, vMerge), header rows repeated on every page (tblHeader), and paragraph styles of the
document's own styles.xml, found by name where an editor gave them other ids, so a planner's change of the
style *Isi Tabel* in Word still shows in every table.

Two steps: `rows` lays a table out as rows of cells (text, span, merge, weight, alignment) under the rules
of the page, each rule in one function (`_kept_together`, `_kept_with_next`, the KRO heading kept with its
first RO, item rows kept whole unless the table may split them); `table_xml` writes those rows.
"""

from __future__ import annotations

from collections import ChainMap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from lxml import etree

from pipeline.document import columns, layout
from pipeline.document.columns import CENTER, LEFT, RIGHT, Column, Table
from pipeline.document.layout import TWIPS_PER_CM, breakable
from pipeline.ooxml import NS, qn

HEADER_FILL = "D9D9D9"
BORDER = {qn("w:val"): "single", qn("w:sz"): "4", qn("w:space"): "0", qn("w:color"): "000000"}
_JC = {CENTER: "center", RIGHT: "right"}  # a paragraph's alignment; left is the default


class TableProblem(ValueError):
    """A placeholder names no declared table, or its data does not fit the declaration."""


@dataclass
class Cell:
    """One cell: its text, the grid columns it spans, how it merges with the cells above and below."""

    text: str = ""
    span: int = 1
    merge: str = ""  # "restart": merged with the "continue" cells below it; "" not merged
    bold: bool = False
    align: str = LEFT
    head: bool = False  # a header cell: shaded, centred
    item: bool = False  # a list item (`- name`) in the table's item style
    keep: bool = False  # its paragraph kept with the next (a KRO heading with its first RO)
    open_top: bool = False  # no top border: a merged cell going on from the table above (see `tail`)
    open_bottom: bool = False  # no bottom border: its merged cell goes on in the table below


@dataclass
class Row:
    """One row of cells; `header` rows repeat at the top of every page the table runs onto."""

    cells: list[Cell] = field(default_factory=list)
    header: bool = False
    whole: bool = True  # never broken across a page
    keep: bool = False  # every paragraph kept with the next: the row stays on the page of the next row
    height: int = 0  # twips, at least: a header row tall enough for a header cell merged down over it


@dataclass(frozen=True)
class Styles:
    """The paragraph style ids of a document, found by id or, where an editor changed the ids, by name."""

    ids: frozenset[str]
    by_name: Mapping[str, str]

    @classmethod
    def of(cls, styles_element) -> Styles:
        """The styles of a styles.xml root (`w:styles`)."""
        ids, by_name = set(), {}
        for style in styles_element.iterchildren(qn("w:style")):
            style_id = style.get(qn("w:styleId"))
            name = style.find(qn("w:name"))
            ids.add(style_id)
            if name is not None:
                by_name.setdefault(name.get(qn("w:val"), "").casefold(), style_id)
        return cls(frozenset(ids), by_name)

    def __call__(self, style_id: str) -> str:
        """The id to use for `style_id`: itself, else the id of the style of its name, else itself (Word
        then takes the default style)."""
        if style_id in self.ids:
            return style_id
        return self.by_name.get(columns.STYLE_NAMES.get(style_id, style_id).casefold(), style_id)


# ---------------------------------------------------------------- the rows of a declared table

def rows(table: Table, scope: Mapping, header: list[Row] | None = None) -> list[Row]:
    """The rows of `table` as `scope` (the context, with the outer loop's item where `within`) fills them,
    under `header` (default: the header rows its columns and groups make)."""
    items = columns.value_of(scope, table.rows)
    body = []
    for item in items:
        row_scope = ChainMap({table.var: item}, scope)
        heading = table.headings and item.get("heading")
        body.append(_heading_row(table, row_scope) if heading else _item_row(table, row_scope))
    head = _header_rows(table, scope) if header is None else header
    if table.total:
        body.append(_total_row(table, scope))
    out = head + body
    _kept_with_next(*head)
    if table.together:
        _kept_together(out)
    _last_with_previous(body)
    if table.keep_end:
        _kept_with_next(out[-1])
    return out


def _last_with_previous(body: Sequence[Row]) -> None:
    """The last row never alone on a page: the row before it stays with it (and a KRO heading or a header
    with its first row, by their own keep), so a page never holds only a table's last row."""
    if len(body) >= 2:
        body[-2].keep = True


def _kept_together(rows_: Sequence[Row]) -> None:
    """A short table on one page: every row but the last kept with the next (Word and LibreOffice alike)."""
    for row in rows_[:-1]:
        row.keep = True


def _kept_with_next(*rows_: Row) -> None:
    """Each row on the page of what follows: the header rows with the first item, the table's last row
    (its total, or else its last item) with a signature, which is never left alone on a page."""
    for row in rows_:
        row.keep = True


def _head(text: str, span: int = 1, merge: str = "") -> Cell:
    """A header cell: bold, centred, shaded; its text only where it starts (a merged cell's continuations are empty)."""
    return Cell("" if merge == "continue" else text, span, merge, bold=True, align=CENTER, head=True)


def _header_rows(table: Table, scope: Mapping) -> list[Row]:
    """Each group over its columns, each column's own header below its lowest group and merged down to the
    last header row; a `joined` column under the next column's header."""
    depth = len(table.groups) + 1
    covered = [max((level + 1 for level, groups in enumerate(table.groups) for g in groups
                    if g.first <= i < g.first + g.span), default=0) for i in range(len(table.columns))]
    out = []
    for level in range(depth):
        starts = {g.first: g for g in table.groups[level]} if level < len(table.groups) else {}
        cells, i = [], 0
        while i < len(table.columns):
            if i in starts:
                group = starts[i]
                cells.append(_head(columns.filled(group.text, scope), group.span))
                i += group.span
                continue
            span = 2 if table.columns[i].joined else 1
            merge = "" if depth - covered[i] == 1 else "restart" if level == covered[i] else "continue"
            cells.append(_head(columns.filled(table.columns[i + span - 1].header, scope), span, merge))
            i += span
        out.append(Row(cells, header=True))
    return out


def _merged(column: Column, scope: Mapping) -> str:
    """A merged column's cell: restarting where its flag (`r.first`) is set, else continuing the one above."""
    return "restart" if columns.value_of(scope, column.merged) else "continue"


def _shown(column: Column, scope: Mapping, merge: str) -> str:
    return "" if merge == "continue" else str(columns.value_of(scope, column.value))


def _item_row(table: Table, scope: Mapping) -> Row:
    """An item: each column's value, merged down where declared, an RO name as a list item."""
    cells = []
    for column in table.columns:
        merge = _merged(column, scope) if column.merged else ""
        cells.append(Cell(_shown(column, scope, merge), merge=merge, align=column.align, item=column.item))
    return Row(cells, whole=not table.split)


def _runs(flags: Sequence[bool]) -> list[tuple[int, int, bool]]:
    """(first, span, flag) of each run of equal flags: the columns of a row that share one cell."""
    out: list[tuple[int, int, bool]] = []
    for i, flag in enumerate(flags):
        if out and out[-1][2] == flag:
            out[-1] = (out[-1][0], out[-1][1] + 1, flag)
        else:
            out.append((i, 1, flag))
    return out


def _heading_row(table: Table, scope: Mapping) -> Row:
    """A KRO heading: the merged columns go on, the first run of the others holds the KRO's name (bold,
    kept with the first RO), the later runs are empty."""
    cells, named = [], False
    for first, span, merged in _runs([bool(c.merged) for c in table.columns]):
        if merged:
            for column in table.columns[first:first + span]:
                merge = _merged(column, scope)
                cells.append(Cell(_shown(column, scope, merge), merge=merge, align=column.align))
        else:
            kro = "" if named else str(columns.value_of(scope, f"{table.var}.kro"))
            cells.append(Cell(kro, span, bold=not named, keep=not named))
            named = True
    return Row(cells, whole=not table.split, keep=True)


def _total_row(table: Table, scope: Mapping) -> Row:
    """The label over the columns before the first total, each total in bold, the other columns empty."""
    cells = []
    for first, span, has_total in _runs([bool(c.total) for c in table.columns]):
        if has_total:
            cells += [Cell(str(columns.value_of(scope, c.total)), bold=True, align=RIGHT)
                      for c in table.columns[first:first + span]]
        elif first == 0:
            cells.append(Cell(columns.filled(table.total, scope), span, bold=True, align=table.total_align))
        else:
            cells.append(Cell("", span))
    return Row(cells)


# ---------------------------------------------------------------- Tabel 3: a Pelaksana/JFT pair per work unit

def unit_table(table: Table, part: Mapping) -> Table:
    """The declaration of one part of Tabel 3 with its columns spelled out: No and the qualification, the
    Pelaksana/JFT pair of each work unit of the part, and Struktural and Jumlah in the last part."""
    no, name, jfu, jft, structural, total = table.columns
    pairs = []
    for i in range(len(part["w"]["pairs"])):
        for column in (jfu, jft):
            key = columns.steps(column.value)[-1]
            pairs.append(replace(column, value=f"r.cells[{i}].{key}", total=f"t.totals[{i}].{key}"))
    return replace(table, rows="t.rows", columns=(no, name, *pairs, *((structural, total) if part["last"] else ())),
                   groups=())


def _unit_header(table: Table, part: Mapping, scope: Mapping) -> list[Row]:
    """Three header rows: the unit groups, the units of a group (a unit without one has its code merged
    down from the group row), Pelaksana (or JFU) and JFT; No, Kualifikasi Pendidikan, Struktural and Jumlah
    merged down."""
    no, name, *rest = table.columns
    outer = [no, name], rest[len(part["units"]) * 2:]

    out = []
    for level, merge in enumerate(("restart", "continue", "continue")):
        left, right = ([_head(columns.filled(c.header, scope), merge=merge) for c in cols] for cols in outer)
        if level == 2:
            middle = [_head(columns.filled(c.header, scope)) for c in rest[:len(part["units"]) * 2]]
        else:
            middle = [_head(h["label"], h["span"], "restart" if h["first"] else "continue")
                      for h in part["groups" if level == 0 else "units"]]
        out.append(Row(left + middle + right, header=True))
    return out


def unit_rows(table: Table, part: Mapping, scope: Mapping) -> list[Row]:
    """The rows of one part of Tabel 3."""
    spelled = unit_table(table, part)
    return rows(spelled, ChainMap({"t": part}, scope), header=_unit_header(spelled, part, scope))


def unit_widths(part: Mapping) -> list[int]:
    """A part's column widths (twips), as the context measured them."""
    w = part["w"]
    widths = [w["no"], w["name"]] + [p[k] for p in w["pairs"] for k in ("jfu", "jft")]
    return widths + ([w["structural"], w["total"]] if part["last"] else [])


# ---------------------------------------------------------------- header rows that repeat whole

def header_heights(rows_: Sequence[Row], widths: Sequence[int], size: float, margin: int) -> None:
    """Each header row at least as high as its cells need, a cell merged down over several rows counted on
    the first: LibreOffice repeats header rows at their own heights and clips a merged cell's lines beyond
    them (`INDIKATOR KINERJA` without `KEGIATAN` on the next page)."""
    head = [r for r in rows_ if r.header]
    need = [1] * len(head)
    spans: list[tuple[int, int, int]] = []  # (first row, last row, lines) of each merged header cell
    for i, row in enumerate(head):
        for column, cell in _by_column(row).items():
            width = sum(widths[column:column + cell.span]) - 2 * margin
            count = layout.lines(cell.text, width, size, bold=True) if cell.text else 1
            if cell.merge == "restart":
                last = i
                while last + 1 < len(head) and _by_column(head[last + 1]).get(column, Cell()).merge == "continue":
                    last += 1
                spans.append((i, last, count))
            elif not cell.merge:
                need[i] = max(need[i], count)
    for first, last, count in spans:
        need[first] += max(0, count - sum(need[first:last + 1]))
    line = size * layout.LINE * 20
    for row, count in zip(head, need, strict=True):
        row.height = round(count * line + HEADER_PAD)


HEADER_PAD = 60  # twips: the paragraph spacing of a table style, above and below


# ---------------------------------------------------------------- the last rows in a table of their own

TAIL_ROWS = 2


def tail(rows_: Sequence[Row], keep_end: bool) -> tuple[list[Row], list[Row]]:
    """The rows split into the table and its last `TAIL_ROWS` rows, which go in a table of their own.

    LibreOffice keeps no row of a Word table with the next (only a whole table, or its very last row,
    with what follows), so a table's last row could go alone onto a page, with the signature after it.
    The last rows as a table of their own, every row but its last kept with the next (and its last too,
    where a signature follows), stay together, and with the signature. Word shows the two tables as one.
    A cell merged down over the seam goes on as an empty cell with no border between (as a merged cell
    broken by a page). A table of a few rows, or one kept together anyway, stays one table.
    """
    body = [i for i, r in enumerate(rows_) if not r.header]
    if len(body) <= TAIL_ROWS or all(r.keep for r in rows_[:-1]):
        return list(rows_), []
    cut = len(rows_) - TAIL_ROWS
    head, end = list(rows_[:cut]), [replace(r, cells=[replace(c) for c in r.cells]) for r in rows_[cut:]]
    above = _by_column(head[-1])
    for column, cell in _by_column(end[0]).items():
        if cell.merge == "continue":  # an empty merge of its own in the tail, open towards the one above
            cell.merge, cell.open_top = "restart", True
            above[column].open_bottom = True
    for row in end[:-1]:
        row.keep = True
    end[-1].keep = end[-1].keep or keep_end
    return head, end


def _by_column(row: Row) -> dict[int, Cell]:
    """The cells of a row by the grid column each begins in."""
    out, col = {}, 0
    for cell in row.cells:
        out[col] = cell
        col += cell.span
    return out


# ---------------------------------------------------------------- the XML

def table_xml(rows_: Sequence[Row], widths: Sequence[int], style: str, item_style: str, margin: int,
              styles: Styles) -> etree._Element:
    """A fixed-layout, centred, bordered `w:tbl` of `rows_` on a grid of `widths` (twips), its cells' text in
    paragraph style `style` (list items in `item_style`), `margin` twips of cell margin left and right."""
    style, item_style = styles(style), styles(item_style)
    tbl = etree.Element(qn("w:tbl"), nsmap={"w": NS["w"]})
    pr = _sub(tbl, "w:tblPr")
    _sub(pr, "w:tblW", w=str(sum(widths)), type="dxa")
    _sub(pr, "w:jc", val="center")
    borders = _sub(pr, "w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        etree.SubElement(borders, qn(f"w:{edge}"), BORDER)
    _sub(pr, "w:tblLayout", type="fixed")
    cell_margin = _sub(pr, "w:tblCellMar")
    _sub(cell_margin, "w:left", w=str(margin), type="dxa")
    _sub(cell_margin, "w:right", w=str(margin), type="dxa")
    _sub(pr, "w:tblLook", val="04A0", firstRow="1", lastRow="0", firstColumn="1", lastColumn="0", noHBand="0",
         noVBand="1")
    grid = _sub(tbl, "w:tblGrid")
    for width in widths:
        _sub(grid, "w:gridCol", w=str(width))
    for row in rows_:
        tr = _sub(tbl, "w:tr")
        if row.whole or row.header:
            trpr = _sub(tr, "w:trPr")
            if row.whole:
                _sub(trpr, "w:cantSplit")
            if row.height:
                _sub(trpr, "w:trHeight", val=str(row.height), hRule="atLeast")
            if row.header:
                _sub(trpr, "w:tblHeader")
        col = 0
        for cell in row.cells:
            if col + cell.span > len(widths):
                raise TableProblem(f"baris tabel lebih lebar dari {len(widths)} kolomnya")
            _cell(tr, cell, sum(widths[col:col + cell.span]), item_style if cell.item else style, row.keep)
            col += cell.span
    return tbl


def _cell(tr, cell: Cell, width: int, style: str, keep: bool) -> None:
    tc = _sub(tr, "w:tc")
    pr = _sub(tc, "w:tcPr")
    _sub(pr, "w:tcW", w=str(width), type="dxa")
    if cell.span > 1:
        _sub(pr, "w:gridSpan", val=str(cell.span))
    if cell.merge:
        _sub(pr, "w:vMerge", val=cell.merge)
    if cell.open_top or cell.open_bottom:
        borders = _sub(pr, "w:tcBorders")
        for edge, is_open in (("top", cell.open_top), ("bottom", cell.open_bottom)):
            if is_open:
                _sub(borders, f"w:{edge}", val="nil")
    if cell.head:
        _sub(pr, "w:shd", val="clear", color="auto", fill=HEADER_FILL)
    _sub(pr, "w:vAlign", val="center" if cell.head else "top")
    p = _sub(tc, "w:p")
    ppr = _sub(p, "w:pPr")
    _sub(ppr, "w:pStyle", val=style)
    if keep or cell.keep:
        _sub(ppr, "w:keepNext")
    if cell.align in _JC:
        _sub(ppr, "w:jc", val=_JC[cell.align])
    if cell.text:
        run = _sub(p, "w:r")
        if cell.bold:
            rpr = _sub(run, "w:rPr")
            _sub(rpr, "w:b")
            _sub(rpr, "w:bCs")
        t = _sub(run, "w:t")
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        t.text = breakable(cell.text)


def _sub(parent, tag: str, **attrs: str):
    """A child element `tag` (`w:tcW`) with `w:`-qualified attributes."""
    return etree.SubElement(parent, qn(tag), {qn(f"w:{k}"): v for k, v in attrs.items()})


# ---------------------------------------------------------------- a placeholder's table

def placed(ref: Mapping, ctx: Mapping, styles: Styles) -> list[etree._Element]:
    """The table a placeholder names (`ref`: the context's `TableRef`, its declaration's name in `columns.PLACED`
    and, for a table in a loop, which item of the loop), written from `ctx`, with the table of its last rows
    (`tail`) where it has one."""
    name = ref.get("name") if isinstance(ref, Mapping) else None
    if name not in columns.PLACED:
        known = ", ".join(columns.PLACED)
        raise TableProblem(f"{str(name or ref)[:60]!r} bukan tabel yang dikenal (yang dikenal: {known})")
    table = columns.PLACED[name]
    scope: Mapping = ctx
    if table.within:
        var, source = table.within.split(" in ")
        item = columns.value_of(ctx, source)[ref["item"]]
        scope = ChainMap({var: item}, ctx)
    if table is columns.UNITS:
        widths = unit_widths(item)
        laid = unit_rows(table, item, ctx)
        style, item_style = table.paragraph, table.item_style
    else:
        fitted = ctx["layout"][table.name] if table.name else None
        widths = fitted["w"] if fitted else [round(c.width * TWIPS_PER_CM) for c in table.columns]
        style, item_style = (fitted["style"], fitted["ro"]) if fitted else (table.paragraph, table.item_style)
        laid = rows(table, scope)
    margin = round(table.margin * TWIPS_PER_CM)
    size = next((pt for pt, name in columns.STYLES.items() if name == style), None)
    if size is not None:
        header_heights(laid, widths, size, margin)
    return [table_xml(part, widths, style, item_style, margin, styles) for part in tail(laid, table.keep_end) if part]
