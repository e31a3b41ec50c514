"""The table writer (pipeline/document/table.py): each declared table written where its placeholder stands."""

from __future__ import annotations

from collections import ChainMap

import pytest
from docx import Document
from docx.oxml.ns import qn
from lxml import etree

from pipeline.document import columns, render, table
from pipeline.document.context import build_context, table_ref
from pipeline.document.render import TemplateError
from tests.builders import plan_of
from tests.docx_reading import find_table, open_docx, table_rows

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def ctx():
    return build_context(plan_of())


def styles(*pairs: tuple[str, str]) -> table.Styles:
    xml = "".join(f'<w:style w:type="paragraph" w:styleId="{i}"><w:name w:val="{n}"/></w:style>' for i, n in pairs)
    return table.Styles.of(etree.fromstring(f'<w:styles xmlns:w="{W[1:-1]}">{xml}</w:styles>'))


def template(tmp_path, *lines: str):
    doc = Document()
    for line in lines:
        doc.add_paragraph(line)
    path = tmp_path / "t.docx"
    doc.save(path)
    return path


def test_a_style_is_found_by_its_id_or_else_by_its_name():
    """LibreOffice gives `Isi Tabel Rincian Output` the id `IsiTabelRincianOutput`: the writer follows."""
    found = styles(("IsiTabel", "Isi Tabel"), ("IsiTabelRincianOutput", "Isi Tabel Rincian Output"))
    assert found("IsiTabel") == "IsiTabel"
    assert found("IsiTabelRO") == "IsiTabelRincianOutput"
    assert found("Unknown") == "Unknown"


def test_widths_are_numbers_and_the_grid_is_the_measured_one(ctx):
    tbl, end = table.placed(ctx["tables"]["tabel_5"], ctx, styles())
    assert [int(g.get(qn("w:w"))) for g in end.iter(qn("w:gridCol"))] == ctx["layout"]["t5"]["w"]
    grid = [int(g.get(qn("w:w"))) for g in tbl.iter(qn("w:gridCol"))]
    assert grid == ctx["layout"]["t5"]["w"]
    assert int(tbl.find(f"{qn('w:tblPr')}/{qn('w:tblW')}").get(qn("w:w"))) == sum(grid)
    for tr in tbl.iter(qn("w:tr")):
        col = 0
        for tc in tr.iter(qn("w:tc")):
            span = tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
            n = int(span.get(qn("w:val"))) if span is not None else 1
            assert int(tc.find(f"{qn('w:tcPr')}/{qn('w:tcW')}").get(qn("w:w"))) == sum(grid[col:col + n])
            col += n
        assert col == len(grid)


def test_header_rows_repeat_and_rows_are_kept_whole(ctx):
    rows = table.rows(columns.FUNDING, ctx)
    assert [r.header for r in rows[:4]] == [True, True, True, False]
    assert all(r.whole for r in rows)
    jadwal = table.rows(columns.SCHEDULE, ctx)
    assert not any(r.whole for r in jadwal[2:-1]), "the Jadwal's items may split at a page foot"
    assert jadwal[-1].whole and jadwal[-1].keep, "its total row stays whole, with the signature"


def test_headers_and_kro_headings_keep_with_the_next_row_and_the_last_row_never_goes_alone(ctx):
    rows = table.rows(columns.IKK, ctx)
    assert rows[0].header and rows[0].keep
    headings = [r for r in rows[1:-1] if r.cells[1].bold]
    assert headings and all(r.keep for r in headings), "a KRO heading stays with its first RO"
    assert rows[-2].keep and not rows[-1].keep, "the last row takes the one before it along"


def test_the_last_rows_are_a_table_of_their_own_kept_together_and_with_the_signature(ctx):
    """LibreOffice keeps no row with the next, only a whole table: the last rows are one, Word shows one table."""
    laid = table.rows(columns.TARGETS, ChainMap({"g": ctx["target_annexes"][0]}, ctx))
    head, end = table.tail(laid, keep_end=True)
    assert head + end != laid and len(head) + len(end) == len(laid)
    assert len(end) == table.TAIL_ROWS and all(r.keep for r in end) and not any(r.header for r in end)
    seam = table._by_column(end[0])
    merged = [column for column, cell in table._by_column(laid[len(head)]).items() if cell.merge == "continue"]
    assert merged, "the fixture's sasaran is merged down over the seam"
    for column in merged:
        assert seam[column].merge == "restart" and seam[column].open_top and seam[column].text == ""
        assert table._by_column(head[-1])[column].open_bottom
    _, none = table.tail(table.rows(columns.GRADES, ctx), keep_end=False)
    assert none == [], "a table kept together stays one table"


def test_a_header_row_is_as_high_as_a_header_cell_merged_down_over_it_needs(ctx):
    """LibreOffice repeats header rows at their own height: a taller merged cell would be clipped."""
    laid = table.rows(columns.TARGETS, ChainMap({"g": ctx["target_annexes"][0]}, ctx))
    narrow = [300] * 18
    table.header_heights(laid, narrow, 7.0, 20)
    one_line = 7.0 * 1.149 * 20
    assert laid[0].height > 3 * one_line and laid[1].height < 2 * one_line


def test_the_ikk_merges_down_over_its_ros_and_a_kro_heading_keeps_with_its_first_ro(ctx):
    rows = table.rows(columns.IKK, ctx)[1:-1]
    assert [r.cells[2].merge for r in rows] == ["restart", "continue", "continue",
                                                "restart", "continue", "continue", "continue", "continue"]
    headings = [r for r in rows if r.cells[1].bold]
    assert [r.cells[1].text for r in headings][:2] == ["Pelayanan publik lainnya", "Pelayanan publik lainnya"]
    assert all(r.cells[1].keep for r in headings)


def test_a_short_table_keeps_together(ctx):
    rows = table.rows(columns.GRADES, ctx)
    assert [r.keep for r in rows] == [True] * (len(rows) - 1) + [False]


def test_a_placeholder_becomes_the_table(tmp_path, ctx):
    path = template(tmp_path, "Sebelum", "{{ tables.tabel_1|table }}", "Sesudah")
    doc = open_docx(render.render(ctx, path))
    assert [p.text for p in doc.paragraphs] == ["Sebelum", "Sesudah"]
    assert table_rows(find_table(doc, "Golongan", "Ruang"))[-1] == ["Jumlah", "-", "1", "1", "1", "4"]


def test_a_placeholder_in_a_loop_writes_each_item_s_table(tmp_path, ctx):
    path = template(tmp_path, "{%p for g in target_annexes %}", "{{ g.table|table }}", "{%p endfor %}")
    doc = open_docx(render.render(ctx, path))
    headed = [t for t in doc.tables if t._tbl.find(f"{qn('w:tr')}/{qn('w:trPr')}/{qn('w:tblHeader')}") is not None]
    assert len(headed) == len(ctx["target_annexes"])


def test_a_table_the_declarations_do_not_know_is_a_template_error(tmp_path, ctx):
    path = template(tmp_path, "{{ office.name|table }}")
    with pytest.raises(TemplateError, match="bukan tabel yang dikenal"):
        render.render(ctx, path)
    bad = dict(ctx, tables={**ctx["tables"], "tabel_1": table_ref("tabel_9")})
    with pytest.raises(TemplateError, match="'tabel_9' bukan tabel yang dikenal"):
        render.render(bad, template(tmp_path, "{{ tables.tabel_1|table }}"))


def test_a_placeholder_shares_its_paragraph_with_nothing(tmp_path, ctx):
    with pytest.raises(TemplateError, match="sendirian"):
        render.render(ctx, template(tmp_path, "Tabel: {{ tables.tabel_1|table }}"))


@pytest.mark.parametrize("name", sorted(columns.PLACED))
def test_every_declared_table_has_a_ref(ctx, name):
    """Each declaration is reachable from a placeholder, standing alone or as the item of its loop."""
    from pipeline.document.agreement import agreement_context
    from pipeline.document.performance import lakin_context
    from pipeline.plan.realisation import Period, measure

    plan = plan_of()
    lakin = lakin_context(plan, measure(plan, Period(12)))
    refs = {**ctx["tables"], **agreement_context(plan)["tables"], **lakin["tables"]}
    refs |= {"tabel_3": ctx["staff"]["unit_tables"][0]["table"],
             "lampiran_target": ctx["target_annexes"][0]["table"],
             "tahun": lakin["capaian"]["ikks"][0]["table"], "lampiran_pk_terbit": lakin["lampiran"][0]["table"]}
    assert refs[name] == table_ref(name, 0)
