"""The streamed body writer: the same document however the rendered text is cut, fixed as a whole tree would be."""

from __future__ import annotations

import io
import zipfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from pipeline import render
from pipeline.body import BodyWriter
from pipeline.context import build_context
from pipeline.normalise import load
from tests.builders import mini_data, write_inputs

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
SHELL = (f'<?xml version=\'1.0\' encoding=\'UTF-8\' standalone=\'yes\'?>\n'
         f'<w:document xmlns:w="{W}" xmlns:wp="{WP}"><w:body/></w:document>').encode()
BODY = f'<w:body xmlns:w="{W}" xmlns:wp="{WP}">'


def _cell(text: str, width: int = 1000, props: str = "") -> str:
    return (f'<w:tc><w:tcPr>{props}<w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>'
            f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>")


def _body(rows: int) -> str:
    """Prose, a table whose rows have more cells than its grid (a column loop), prose after it."""
    head = "<w:tr>" + _cell("Kode", 3000, '<w:gridSpan w:val="2"/>') + _cell("Pagu", 2000) + "</w:tr>"
    body = "".join(f"<w:tr>{_cell(f'R{i}', 1500)}{_cell('x', 1500)}{_cell(str(i), 2000)}</w:tr>" for i in range(rows))
    drawing = '<w:p><w:r><w:drawing><wp:inline><wp:docPr id="7" name="a"/></wp:inline></w:drawing></w:r></w:p>'
    return (f'{BODY}<w:p><w:r><w:t>Pendahuluan</w:t></w:r></w:p>{drawing}'
            f'<w:tbl><w:tblPr><w:tblW w:w="0" w:type="dxa"/></w:tblPr>'
            f'<w:tblGrid><w:gridCol w:w="2500"/><w:gridCol w:w="2500"/></w:tblGrid>{head}{body}</w:tbl>'
            f'<w:p><w:r><w:t>Penutup</w:t></w:r></w:p>{drawing}<w:sectPr/></w:body>')


def _write(body: str, cuts: list[int] | None = None, figure=None) -> bytes:
    out = io.BytesIO()
    writer = BodyWriter(out, SHELL, "\u27e6rkt-", figure)
    data = body.encode()
    at = 0
    for cut in sorted(cuts or []):
        writer.feed(data[at:cut])
        at = cut
    writer.feed(data[at:])
    writer.close()
    return out.getvalue()


def _tree(xml: bytes):
    return etree.fromstring(xml)


def q(tag: str) -> str:
    prefix, name = tag.split(":")
    return f"{{{ {'w': W, 'wp': WP}[prefix]}}}{name}"


def test_the_table_grid_follows_its_widest_row_and_its_finest_widths():
    root = _tree(_write(_body(3)))
    tbl = root.find(f"{q('w:body')}/{q('w:tbl')}")
    assert [c.get(q("w:w")) for c in tbl.iter(q("w:gridCol"))] == ["1500", "1500", "2000"]
    assert tbl.find(f"{q('w:tblPr')}/{q('w:tblW')}").get(q("w:w")) == "5000"
    assert len(tbl.findall(q("w:tr"))) == 4


def test_a_table_inside_a_cell_gets_its_grid_fitted_too():
    inner = (f'<w:tbl><w:tblPr/><w:tblGrid><w:gridCol w:w="4000"/></w:tblGrid>'
             f"<w:tr>{_cell('a', 1000)}{_cell('b', 3000)}</w:tr></w:tbl><w:p/>")
    body = _body(1).replace("<w:p><w:r><w:t>R0</w:t></w:r></w:p>", inner)
    root = _tree(_write(body))
    nested = root.find(f".//{q('w:tc')}/{q('w:tbl')}")
    assert [c.get(q("w:w")) for c in nested.iter(q("w:gridCol"))] == ["1000", "3000"]


def test_a_table_of_rows_only_keeps_its_rows():
    body = f'{BODY}<w:tbl><w:tr>{_cell("a")}</w:tr><w:tr>{_cell("b")}</w:tr></w:tbl><w:sectPr/></w:body>'
    tbl = _tree(_write(body)).find(f"{q('w:body')}/{q('w:tbl')}")
    assert ["".join(tr.itertext()) for tr in tbl] == ["a", "b"]


def test_cell_properties_come_out_in_schema_order():
    root = _tree(_write(_body(1)))
    first = root.find(f".//{q('w:tcPr')}")
    assert [el.tag for el in first] == [q("w:tcW"), q("w:gridSpan")]


def test_drawings_are_numbered_in_document_order():
    root = _tree(_write(_body(2)))
    assert [d.get("id") for d in root.iter(q("wp:docPr"))] == ["1001", "1002"]


def test_blocks_keep_their_order_and_carry_no_repeated_namespace_declarations():
    xml = _write(_body(2))
    root = _tree(xml)
    assert [el.tag.split("}")[1] for el in root.find(q("w:body"))] == ["p", "p", "tbl", "p", "p", "sectPr"]
    assert xml.count(b'xmlns:w="') == 1


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(min_value=1, max_value=len(_body(40).encode()) - 1), max_size=30))
def test_the_same_bytes_however_the_stream_is_cut(cuts):
    assert _write(_body(40), cuts) == _write(_body(40))


def test_a_marked_paragraph_is_handed_to_the_figure_callback_in_place():
    seen = []

    def figure(p, new_id):
        seen.append("".join(p.itertext()))
        table = etree.fromstring(f'<w:tbl xmlns:w="{W}"><w:tr>{_cell("Kepala")}</w:tr></w:tbl>')
        p.addprevious(table)
        p.getparent().remove(p)

    body = _body(1).replace("Penutup", "\u27e6rkt-orgchart:1\u27e7")
    root = _tree(_write(body, figure=figure))
    assert seen == ["\u27e6rkt-orgchart:1\u27e7"]
    blocks = root.find(q("w:body"))
    assert [el.tag.split("}")[1] for el in blocks] == ["p", "p", "tbl", "tbl", "p", "sectPr"]
    assert "".join(blocks[3].itertext()) == "Kepala"


@pytest.fixture(scope="module")
def mini_context(tmp_path_factory):
    return build_context(load(write_inputs(tmp_path_factory.mktemp("body") / "inputs", mini_data())))


def test_the_rendered_document_does_not_depend_on_the_piece_size(mini_context, monkeypatch):
    def body(docx: bytes) -> bytes:
        with zipfile.ZipFile(io.BytesIO(docx)) as zf:
            return zf.read("word/document.xml")

    whole = body(render.render(mini_context))
    monkeypatch.setattr(render, "PIECE", 97)
    assert body(render.render(mini_context)) == whole
