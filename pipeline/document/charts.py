"""Grafik 1-4 as native Word charts and Bagan 1 as a table: the figures the renderer places.

A chart is a DrawingML chart part (`word/charts/chartN.xml`) with its values cached in the
XML (`c:strCache`, `c:numCache`), so Word and LibreOffice draw it without recalculating, and
an embedded workbook holding the same figures, so Word's "Edit Data" works.

Why python-pptx writes the chart XML: the chart schema is the same in PowerPoint and Word,
large and order-sensitive (a misplaced element makes Word refuse the whole document), and
the formulas in the chart (`Sheet1!$B$2:$B$5`) must point at the cells of the embedded
workbook. python-pptx's `ChartXmlWriter` and `CategoryWorkbookWriter` are a tested pair
that write both from one `CategoryChartData`, so caches, formulas and workbook cannot
disagree; its chart object model then sets fonts, labels and colours without string edits.
Hand-written chart XML would re-implement all of that and be checked by nobody. Only three
small things python-pptx has no API for are set on the tree here: the chart's language
(Indonesian), square corners and a chart area without a frame.

python-pptx is imported lazily, inside the function that needs it: `rkt check` never loads
it. Everything here is pure: same figures, same bytes
(the embedded workbook's creation date is fixed; xlsxwriter would stamp the clock).

The organisation chart (Bagan 1) is a borderless table: bordered cells are the boxes,
single cell borders are the connectors. Word and LibreOffice lay tables out alike, so it
looks the same in both, reflows with the data and stays editable as text.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from xml.sax.saxutils import escape, quoteattr

from lxml import etree

from pipeline.document import layout
from pipeline.library_hooks import dated_chart_data
from pipeline.ooxml import NS

EMU_PER_CM = 360_000
TWIPS_PER_CM = 567
WORKBOOK_CREATED = datetime(2000, 1, 1)  # any fixed date: the workbook's bytes must not depend on the clock
FONT = "Arial"
COLOURS = ("4472C4", "ED7D31", "A5A5A5", "FFC000", "5B9BD5", "70AD47")
HIDE_ZERO = "0;-0;;"  # a count of 0 gets no data label (stacked and clustered bars)

NS_W, NS_WP, NS_A, NS_C, NS_R, NS_MC = (NS[k] for k in ("w", "wp", "a", "c", "r", "mc"))
CHART_URI = NS_C

KINDS = ("pie", "column", "stacked", "bar")
# The width of a column chart's plot area: the 15 cm chart less its value axis labels and LibreOffice's
# margins (it draws about 13.8 cm with two-digit values); each category gets an equal share of it.
PLOT_CM = 13.0
LABEL_SIZES = (9.0, 8.0, 7.0)  # category labels shrink to the first size at which every word fits its share


class ChartSpecError(ValueError):
    """A chart spec the renderer cannot draw: unknown kind, or series and categories out of step."""


@dataclass(frozen=True)
class ChartPart:
    """A chart ready to embed: its part XML, its workbook and its size in EMU."""

    xml: bytes
    workbook: bytes
    width: int
    height: int


def size(spec: Mapping) -> tuple[int, int]:
    """Width and height in EMU: 15 cm wide; a horizontal bar chart grows with its categories."""
    n = len(spec["categories"])
    height = {"pie": 7.5, "column": 8.0, "stacked": 8.0}.get(spec["kind"], max(6.0, 1.2 + 0.45 * n))
    return round(15 * EMU_PER_CM), round(height * EMU_PER_CM)


def _validate(spec: Mapping) -> None:
    if spec.get("kind") not in KINDS:
        raise ChartSpecError(f"jenis grafik tidak dikenal: {spec.get('kind')!r}")
    n = len(spec["categories"])
    for s in spec["series"]:
        if len(s["values"]) != n:
            raise ChartSpecError(f"seri {s['name']!r} punya {len(s['values'])} nilai untuk {n} kategori")


def _wrap(label: str, room: float, size: float) -> list[str] | None:
    """`label` as lines broken at spaces, each at most `room` twips at `size` points; None when a word is wider."""
    out: list[str] = []
    for word in label.split():
        if layout.text_width(word, size) * layout.SAFETY > room:
            return None
        joined = f"{out[-1]} {word}" if out else word
        if out and layout.text_width(joined, size) * layout.SAFETY <= room:
            out[-1] = joined
        else:
            out.append(word)
    return out


def category_labels(spec: Mapping) -> tuple[list[str], float]:
    """The category labels as drawn, with line breaks, and their type size in points.

    A column chart gives each category an equal share of its width; where a label does not fit
    there, LibreOffice breaks it by itself, inside a word when a word is wider than the share
    (`(PPPK` over `)`). So the labels are broken here, between words, with a `\n` that Word and
    LibreOffice both draw as a line break, at the largest of `LABEL_SIZES` at which every word fits.
    A label that fits nowhere is left whole at the largest size: nothing can do better short of
    renaming it. Pie and bar charts have the room of a line: their labels are left as they are.
    """
    labels = [" ".join(c.split()) for c in spec["categories"]]
    if spec["kind"] not in ("column", "stacked") or not labels:
        return labels, LABEL_SIZES[0]
    room = PLOT_CM * layout.TWIPS_PER_CM / len(labels)
    for pt in LABEL_SIZES:
        wrapped = [_wrap(c, room, pt) for c in labels]
        if all(w is not None for w in wrapped):
            return ["\n".join(w) for w in wrapped], pt
    return labels, LABEL_SIZES[0]


def _chart_data(spec: Mapping):
    """python-pptx chart data whose workbook is dated `WORKBOOK_CREATED`, not now."""
    data = dated_chart_data(WORKBOOK_CREATED, number_format="0")
    data.categories = category_labels(spec)[0]
    for s in spec["series"]:
        data.add_series(s["name"], [int(v) for v in s["values"]])
    return data


def _style(chart, spec: Mapping) -> None:
    """Fonts, labels, legend and colours through python-pptx's chart object model."""
    # start-up: python-pptx loads only when a chart is drawn, not for a build that stops at its checks
    from pptx.dml.color import RGBColor
    from pptx.enum.chart import XL_LABEL_POSITION, XL_LEGEND_POSITION, XL_TICK_LABEL_POSITION
    from pptx.util import Pt

    kind = spec["kind"]
    chart.has_title = False
    chart.font.name = FONT
    chart.font.size = Pt(9)
    plot = chart.plots[0]
    plot.has_data_labels = True
    labels = plot.data_labels
    labels.font.name = FONT
    labels.font.size = Pt(9)
    labels.number_format_is_linked = False

    def fill(fmt, i: int) -> None:
        fmt.fill.solid()
        fmt.fill.fore_color.rgb = RGBColor.from_string(COLOURS[i % len(COLOURS)])

    if kind == "pie":
        labels.number_format = "0%"  # whole percents: a decimal mark would follow the reader's locale, not id-ID
        labels.show_value = False
        labels.show_category_name = True
        labels.show_percentage = True
        labels.position = XL_LABEL_POSITION.OUTSIDE_END
        chart.has_legend = False  # each slice is labelled with its category
        for i, point in enumerate(plot.series[0].points):
            fill(point.format, i)
            point.format.line.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
        return

    labels.number_format = HIDE_ZERO
    labels.show_value = True
    labels.position = XL_LABEL_POSITION.CENTER if kind == "stacked" else XL_LABEL_POSITION.OUTSIDE_END
    plot.gap_width = 60 if kind in ("stacked", "bar") else 80
    if kind == "stacked":
        plot.overlap = 100
    for i, series in enumerate(plot.series):
        fill(series.format, i)
    multi = len(spec["series"]) > 1
    chart.has_legend = multi
    if multi:
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
    values = chart.value_axis
    values.minimum_scale = 0
    values.has_major_gridlines = True
    values.major_gridlines.format.line.color.rgb = RGBColor(0xD9, 0xD9, 0xD9)
    values.tick_labels.number_format = "0"
    values.tick_labels.number_format_is_linked = False
    values.format.line.fill.background()
    if kind == "bar":
        values.visible = False
        values.has_major_gridlines = False
        chart.category_axis.reverse_order = True  # first category on top, as in the table
    chart.category_axis.tick_label_position = XL_TICK_LABEL_POSITION.LOW
    size = category_labels(spec)[1]
    if size != LABEL_SIZES[0]:
        chart.category_axis.tick_labels.font.name = FONT
        chart.category_axis.tick_labels.font.size = Pt(size)
    chart.category_axis.format.line.color.rgb = RGBColor(0xA6, 0xA6, 0xA6)


def _settings(chart_space) -> None:
    """Indonesian as the chart's language, square corners, no frame (python-pptx has no API for these)."""
    def child(tag: str, successors: tuple[str, ...]):
        found = chart_space.find(f"{{{NS_C}}}{tag}")
        if found is None:
            found = etree.Element(f"{{{NS_C}}}{tag}")
            later = {f"{{{NS_C}}}{t}" for t in successors} | {f"{{{NS_MC}}}AlternateContent"}
            next(el for el in chart_space if el.tag in later).addprevious(found)
        return found

    after_rounded = ("style", "clrMapOvr", "pivotSource", "protection", "chart")
    child("lang", ("roundedCorners", *after_rounded)).set("val", "id-ID")
    child("roundedCorners", after_rounded).set("val", "0")
    for old in chart_space.findall(f"{{{NS_C}}}spPr"):
        chart_space.remove(old)
    chart_space.chart.addnext(etree.fromstring(
        f'<c:spPr xmlns:c="{NS_C}" xmlns:a="{NS_A}"><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>'))


def chart_part(spec: Mapping) -> ChartPart:
    """The chart part of `spec`: `kind` (pie, column, stacked, bar), `categories`, `series`.

    Each series is `{"name": str, "values": [int, ...]}`, one value per category. The part
    refers to its workbook through relationship `rId1` (`c:externalData`).
    """
    # start-up: python-pptx loads only when a chart is drawn, not for a build that stops at its checks
    from pptx.chart.chart import Chart
    from pptx.chart.xmlwriter import ChartXmlWriter
    from pptx.enum.chart import XL_CHART_TYPE
    from pptx.oxml import parse_xml

    _validate(spec)
    chart_type = {
        "pie": XL_CHART_TYPE.PIE,
        "column": XL_CHART_TYPE.COLUMN_CLUSTERED,
        "stacked": XL_CHART_TYPE.COLUMN_STACKED,
        "bar": XL_CHART_TYPE.BAR_CLUSTERED,
    }[spec["kind"]]
    data = _chart_data(spec)
    chart_space = parse_xml(ChartXmlWriter(chart_type, data).xml.encode("utf-8"))
    _style(Chart(chart_space, None), spec)
    _settings(chart_space)
    chart_space.get_or_add_externalData().rId = "rId1"
    xml = etree.tostring(chart_space, xml_declaration=True, encoding="UTF-8", standalone=True)
    width, height = size(spec)
    return ChartPart(xml, data.xlsx_blob, width, height)


def inline_xml(rid: str, shape_id: int, name: str, descr: str, width: int, height: int) -> str:
    """A run holding a chart inline with the text: `w:drawing/wp:inline/.../c:chart r:id`."""
    return (
        f'<w:r xmlns:w="{NS_W}"><w:rPr><w:noProof/></w:rPr><w:drawing>'
        f'<wp:inline xmlns:wp="{NS_WP}" distT="0" distB="0" distL="0" distR="0">'
        f'<wp:extent cx="{width}" cy="{height}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f"<wp:docPr id=\"{shape_id}\" name={quoteattr(name)} descr={quoteattr(descr)}/><wp:cNvGraphicFramePr/>"
        f'<a:graphic xmlns:a="{NS_A}"><a:graphicData uri="{CHART_URI}">'
        f'<c:chart xmlns:c="{NS_C}" xmlns:r="{NS_R}" r:id="{rid}"/>'
        "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
    )


# ---------------------------------------------------------------- Bagan 1: the organisation chart

LINE = 'w:val="single" w:sz="8" w:space="0" w:color="404040"'
HEAD_FILL = "DEEAF6"
BOX_FILL = "F2F2F2"
ALL_SIDES = frozenset({"top", "left", "bottom", "right"})


def cm(value: float) -> int:
    """Centimetres to twips (twentieths of a point), Word's unit for table widths."""
    return round(value * TWIPS_PER_CM)


@dataclass(frozen=True)
class _Cell:
    """A cell from x0 to x1 (twips), with the borders it draws and the paragraphs it holds."""

    x0: int
    x1: int
    sides: frozenset[str] = frozenset()
    paras: str = ""
    fill: str | None = None
    merge: str | None = None


@dataclass(frozen=True)
class _Row:
    """A row of cells; `height` (twips) is exact for a connector row, a minimum otherwise."""

    cells: tuple[_Cell, ...]
    height: int | None = None
    exact: bool = False


def _para(text: str = "", bold: bool = False, size: float = 8.5) -> str:
    """A centred paragraph kept with the next one, so the chart never splits across pages."""
    rpr = f'<w:rPr>{"<w:b/><w:bCs/>" if bold else ""}<w:sz w:val="{round(size * 2)}"/>' \
          f'<w:szCs w:val="{round(size * 2)}"/></w:rPr>'
    ppr = ('<w:pPr><w:keepNext/><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'
           '<w:jc w:val="center"/></w:pPr>')
    body = f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>' if text else ""
    return f"<w:p>{ppr}{body}</w:p>"


def _box(x0: int, x1: int, box: Mapping, fill: str = BOX_FILL, merge: str | None = None) -> _Cell:
    paras = _para(box["name"], bold=True) + "".join(_para(line, size=7.5) for line in box.get("lines", ()))
    return _Cell(x0, x1, ALL_SIDES, paras, fill, merge)


def _fill(width: int, *cells: _Cell) -> tuple[_Cell, ...]:
    """`cells` in order, with empty borderless cells in the gaps so the row spans [0, width)."""
    out, x = [], 0
    for c in sorted(cells, key=lambda c: c.x0):
        if c.x0 > x:
            out.append(_Cell(x, c.x0))
        out.append(c)
        x = c.x1
    if x < width:
        out.append(_Cell(x, width))
    return tuple(out)


def _line(width: int, x: int, height: int) -> _Row:
    """A connector row: one vertical line at `x`, drawn on both cells that meet there."""
    return _Row((_Cell(0, x, frozenset({"right"})), _Cell(x, width, frozenset({"left"}))), height, exact=True)


def _cell_xml(c: _Cell, grid: Sequence[int]) -> str:
    span = sum(1 for x in grid[:-1] if c.x0 <= x < c.x1)
    tcpr = f'<w:tcW w:w="{c.x1 - c.x0}" w:type="dxa"/>'
    if span > 1:
        tcpr += f'<w:gridSpan w:val="{span}"/>'
    if c.merge == "restart":
        tcpr += '<w:vMerge w:val="restart"/>'
    elif c.merge == "continue":
        tcpr += "<w:vMerge/>"
    if c.sides:
        tcpr += "<w:tcBorders>" + "".join(
            f"<w:{s} {LINE}/>" for s in ("top", "left", "bottom", "right") if s in c.sides) + "</w:tcBorders>"
    if c.fill:
        tcpr += f'<w:shd w:val="clear" w:color="auto" w:fill="{c.fill}"/>'
    if c.paras:
        tcpr += '<w:tcMar><w:top w:w="70" w:type="dxa"/><w:bottom w:w="70" w:type="dxa"/></w:tcMar>'
    tcpr += '<w:vAlign w:val="center"/>'
    paras = c.paras if c.paras and c.merge != "continue" else _para()
    return f"<w:tc><w:tcPr>{tcpr}</w:tcPr>{paras}</w:tc>"


def _row_xml(row: _Row, grid: Sequence[int]) -> str:
    trpr = "<w:cantSplit/>"
    if row.height:
        trpr += f'<w:trHeight w:val="{row.height}" w:hRule="{"exact" if row.exact else "atLeast"}"/>'
    return f"<w:tr><w:trPr>{trpr}</w:trPr>{''.join(_cell_xml(c, grid) for c in row.cells)}</w:tr>"


def org_rows(bagan: Mapping, width: int) -> list[_Row]:
    """The rows of Bagan 1: head, then the structural units in pairs on branches either side of the
    trunk (reading left to right; a unit left alone goes on the right), then the other units on a bus below."""
    centre = width // 2
    link = cm(0.4)
    units = list(bagan.get("units", ()))
    side = list(bagan.get("side", ()))
    rows = [_Row(_fill(width, _box(centre - cm(4.3), centre + cm(4.3), {"name": bagan["head"]}, HEAD_FILL)))]
    x0, x1 = centre + cm(1.2), min(width, centre + cm(7.2))
    l0, l1 = max(0, centre - cm(7.2)), centre - cm(1.2)
    for i in range(0, len(side), 2):
        left, right = (side[i], side[i + 1]) if i + 1 < len(side) else (None, side[i])
        on = bool(units) or i + 2 < len(side)  # the trunk goes on below this pair
        rows.append(_line(width, centre, link))
        upper = [_Cell(centre, x0, frozenset({"left", "bottom"})), _box(x0, x1, right, merge="restart")]
        lower = [_Cell(centre, x0, frozenset({"left", "top"} if on else {"top"})),
                 _Cell(x0, x1, ALL_SIDES, fill=BOX_FILL, merge="continue")]
        if left is None:
            upper.insert(0, _Cell(0, centre, frozenset({"right"})))
            lower.insert(0, _Cell(0, centre, frozenset({"right"}) if on else frozenset()))
        else:
            upper[:0] = [_box(l0, l1, left, merge="restart"), _Cell(l1, centre, frozenset({"right", "bottom"}))]
            lower[:0] = [_Cell(l0, l1, ALL_SIDES, fill=BOX_FILL, merge="continue"),
                         _Cell(l1, centre, frozenset({"right", "top"} if on else {"top"}))]
        rows.append(_Row(_fill(width, *upper), cm(0.45)))
        rows.append(_Row(_fill(width, *lower), cm(0.45)))
    if not units:
        return rows
    n, gap = len(units), cm(0.35)
    box_w = (width - (n - 1) * gap) // n
    starts = [i * (box_w + gap) for i in range(n)]
    mids = [s + box_w // 2 for s in starts]
    rows.append(_line(width, centre, link))
    if n > 1:
        bus = [_Cell(mids[i], mids[i + 1], frozenset({"top", "left"})) for i in range(n - 1)]
        bus.append(_Cell(mids[-1], width, frozenset({"left"})))
        rows.append(_Row((_Cell(0, mids[0], frozenset({"right"})), *bus), link, exact=True))
    rows.append(_Row(_fill(width, *(_box(s, s + box_w, u) for s, u in zip(starts, units, strict=True)))))
    return rows


def org_chart_xml(bagan: Mapping, width_cm: float = 15.5) -> str:
    """Bagan 1 as a borderless `w:tbl`: the head on top, staff units beside the trunk, the others below.

    `bagan` is `{"head": str, "side": [box, ...], "units": [box, ...]}`, a box being
    `{"name": str, "lines": [str, ...]}` (lines: the wilker listed in the Wilayah Kerja box).
    """
    width = cm(width_cm)
    rows = org_rows(bagan, width)
    grid = sorted({x for row in rows for c in row.cells for x in (c.x0, c.x1)})
    cols = "".join(f'<w:gridCol w:w="{b - a}"/>' for a, b in zip(grid, grid[1:], strict=False))
    nil = "".join(f'<w:{e} w:val="nil"/>' for e in ("top", "left", "bottom", "right", "insideH", "insideV"))
    tblpr = (
        f'<w:tblW w:w="{width}" w:type="dxa"/><w:jc w:val="center"/><w:tblBorders>{nil}</w:tblBorders>'
        '<w:tblLayout w:type="fixed"/>'
        '<w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar>'
        '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
        'w:noHBand="1" w:noVBand="1"/>'
    )
    body = "".join(_row_xml(row, grid) for row in rows)
    return f'<w:tbl xmlns:w="{NS_W}"><w:tblPr>{tblpr}</w:tblPr><w:tblGrid>{cols}</w:tblGrid>{body}</w:tbl>'
