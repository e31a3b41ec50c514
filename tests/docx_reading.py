"""Read a built .docx the way a person reads it: paragraph text, table rows, headers."""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn
from docx.table import Table

from pipeline.ooxml import document_parts, write_zip


def open_docx(source):
    """A document from its bytes, its path, or as `render.render` left it (written out and opened again)."""
    if not isinstance(source, bytes | str | Path):
        source = write_zip(document_parts(source))
    return Document(io.BytesIO(source) if isinstance(source, bytes) else str(source))


def seen_text(text: str) -> str:
    """Text as a reader sees it: no zero-width spaces (line-break chances), non-breaking spaces as spaces."""
    return text.replace("\u200b", "").replace("\u00a0", " ")


def row_texts(row) -> list[str]:
    """A row's cell texts, a cell spanning several grid columns counted once."""
    seen, out = set(), []
    for c in row.cells:
        if id(c._tc) in seen:
            continue
        seen.add(id(c._tc))
        out.append(seen_text(c.text).strip())
    return out


def table_rows(table) -> list[list[str]]:
    """The rows of `table` and of the tables right after it (its last rows as a table of their own: Word shows
    one table), a cell going on from the table above (empty, open at the top) with the text above it."""
    rows = [row_texts(r) for r in table.rows]
    following = table._tbl.getnext()
    while following is not None and following.tag == qn("w:tbl"):
        tail = Table(following, table._parent)
        for r in tail.rows:
            texts = row_texts(r)
            for i, tc in enumerate(_unique_cells(r)):
                top = tc.find(f"{qn('w:tcPr')}/{qn('w:tcBorders')}/{qn('w:top')}")
                if top is not None and top.get(qn("w:val")) == "nil" and not texts[i] and rows and i < len(rows[-1]):
                    texts[i] = rows[-1][i]
            rows.append(texts)
        following = following.getnext()
    return rows


def _unique_cells(row) -> list:
    seen, out = set(), []
    for c in row.cells:
        if id(c._tc) not in seen:
            seen.add(id(c._tc))
            out.append(c._tc)
    return out


def find_table(doc, *header: str):
    """The first table whose first row starts with `header` (cell texts)."""
    for t in doc.tables:
        first = row_texts(t.rows[0])
        if first[: len(header)] == list(header):
            return t
    raise AssertionError(f"no table headed {header}; tables: {[row_texts(t.rows[0])[:3] for t in doc.tables]}")


def find_tables(doc, *header: str) -> list:
    return [t for t in doc.tables if row_texts(t.rows[0])[: len(header)] == list(header)]


def row_with(table, text: str) -> list[str]:
    """The first row of `table` with a cell equal to `text`."""
    for r in table_rows(table):
        if text in r:
            return r
    raise AssertionError(f"no row with {text!r}")


def body_text(doc) -> str:
    """All text of the body, tables included, one paragraph per line."""
    return seen_text("\n".join(
        "".join(t.text or "" for t in p.iter(qn("w:t"))) for p in doc.element.body.iter(qn("w:p"))
    ))


def header_text(doc) -> str:
    return "\n".join(p.text for s in doc.sections for p in s.header.paragraphs)


def text_before(doc, table) -> str:
    """The last non-empty body paragraph before `table`: its caption or heading."""
    last = ""
    for child in doc.element.body.iterchildren():
        if child is table._tbl:
            return last
        if child.tag == qn("w:p"):
            text = seen_text("".join(t.text or "" for t in child.iter(qn("w:t")))).strip()
            if text:
                last = text
    raise AssertionError("the table is not a top-level table of the body")
