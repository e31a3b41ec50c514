"""The table of contents filled at build time, so a document is right when signed without a field update.

The template holds a TOC field (`TOC \\o "1-3"`) whose result is a placeholder sentence. The headings
are known once the template is filled: each Heading 1-3 paragraph of the body becomes an entry of its
level (style TOC1-TOC3) in the field's result, without a page number (rkt does not lay pages out). The
field stays marked dirty, so Word fills the page numbers when it updates fields, and LibreOffice's PDF
export (pipeline/document/pdf.py) updates the index with them. No entry is left as a placeholder.
"""

from __future__ import annotations

import re

from lxml import etree

from pipeline.ooxml import P, qn, text

HEADING = re.compile(r"^(?:Heading|Judul)\s*([1-3])$", re.IGNORECASE)
FLDCHAR, INSTR, RUN, PPR, PSTYLE = qn("w:fldChar"), qn("w:instrText"), qn("w:r"), qn("w:pPr"), qn("w:pStyle")
TYPE = qn("w:fldCharType")


def _style(p) -> str:
    style = p.find(f"{PPR}/{PSTYLE}")
    return style.get(qn("w:val"), "") if style is not None else ""


def _toc_paragraph(body):
    """The paragraph holding a TOC field's begin, instruction, separator and end, or None: at the body's level,
    or in a content control (LibreOffice saves a table of contents in one)."""
    for p in body.iter(P):
        instr = "".join(i.text or "" for i in p.iter(INSTR))
        kinds = [f.get(TYPE) for f in p.iter(FLDCHAR)]
        if instr.strip().startswith("TOC") and kinds == ["begin", "separate", "end"]:
            return p
    return None


def headings(body) -> list[tuple[int, str]]:
    """(level, text) of each Heading 1-3 paragraph of the body, in order."""
    found = []
    for p in body.iterchildren(P):
        match = HEADING.match(_style(p))
        words = text(p) if match else ""
        if words:
            found.append((int(match.group(1)), words))
    return found


def fill(body) -> bool:
    """Put an entry per heading in the result of the body's TOC field; False when it has none."""
    p = _toc_paragraph(body)
    if p is None:
        return False
    entries = headings(body)
    if not entries:
        return False
    runs = list(p.iterchildren(RUN))
    separate = next(i for i, r in enumerate(runs) if (f := r.find(FLDCHAR)) is not None and f.get(TYPE) == "separate")
    end = runs[-1]
    for r in runs[separate + 1:-1]:
        p.remove(r)
    last = p
    for n, (level, words) in enumerate(entries):
        target = p if n == 0 else _paragraph(last, level)
        if n == 0:
            _set_style(p, level)
        run = etree.Element(RUN)
        etree.SubElement(run, qn("w:t")).text = words
        if n == 0:
            end.addprevious(run)
        else:
            target.append(run)
            last = target
    if last is not p:
        last.append(end)
    return True


def _paragraph(after, level: int):
    p = etree.Element(P)
    _set_style(p, level)
    after.addnext(p)
    return p


def _set_style(p, level: int) -> None:
    ppr = p.find(PPR)
    if ppr is None:
        ppr = etree.Element(PPR)
        p.insert(0, ppr)
    style = ppr.find(PSTYLE)
    if style is None:
        style = etree.Element(PSTYLE)
        ppr.insert(0, style)
    style.set(qn("w:val"), f"TOC{level}")
