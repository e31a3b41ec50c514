"""Tracked-changes redline: the new RKT carrying native Word revisions (w:ins/w:del) against the old.

Word's own Compare aligns by position and drowns a reviewer in noise. Here the two documents
are aligned the way the RKT is made: body blocks in order (paragraphs by their text), tables
by position (or caption and header row when one side has more tables), rows by what names
them (an RO code such as `QAH.017`, else the first label cell, else the row text), and cells
by column. Only what differs is marked, word by word inside a paragraph, so a reviewer steps
through exactly the changes in Word's review pane and accepts or rejects each.

The output is the NEW document; old text appears only inside deletions. Revision ids are
numbered in document order and nothing depends on the clock, so the same two documents give
the same bytes.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Iterable
from difflib import SequenceMatcher
from pathlib import Path
from typing import NamedTuple

from lxml import etree

from pipeline.files import write_bytes
from pipeline.ooxml import NS, read_zip, write_zip
from pipeline.outputs import OutputRefused, refuse_inside, resolved
from pipeline.review.diff import Side, compared

W_NS, R_NS, W14_NS, MC_NS = NS["w"], NS["r"], NS["w14"], NS["mc"]
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


P, R, T, TAB, TBL, TR, TC = (_w(t) for t in ("p", "r", "t", "tab", "tbl", "tr", "tc"))
PPR, RPR, TRPR, TCPR, SECTPR = (_w(t) for t in ("pPr", "rPr", "trPr", "tcPr", "sectPr"))
INS, DEL, DELTEXT, INSTR, DELINSTR = (_w(t) for t in ("ins", "del", "delText", "instrText", "delInstrText"))
HYPERLINK, GRIDCOL, GRIDSPAN = _w("hyperlink"), _w("gridCol"), _w("gridSpan")
#: inline containers whose runs are part of the paragraph's text flow and are marked with it
INLINE = tuple(_w(t) for t in ("hyperlink", "smartTag", "customXml", "fldSimple", "sdtContent", "dir", "bdo"))
ID = _w("id")

#: the parts whose text a reader sees and that are diffed; others are the new document's as they are
TEXT_PART = re.compile(r"^word/(?:document|header\d*|footer\d*)\.xml$")
#: an RO or KRO code (`QAH.017`, `EBA.994`, `4815.QAH.017`): a row that carries one is keyed by it
CODE = re.compile(r"^(?=[A-Z0-9.]*[A-Z])[A-Z0-9]{2,6}(?:\.[A-Z0-9]{2,6})+$")
LETTER = re.compile(r"[^\W\d_]")
TOKEN = re.compile(r"\s+|\S+")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
#: two paragraphs (or rows) at the same place are one edited item when at least this similar
SIMILAR = 0.5
#: how far a changed region is searched for the partner of an item before it counts as added or removed
LOOKAHEAD = 4
PENDING = "pending"  # the w:id of a mark until the document is numbered
#: what an old block may not bring into the new document: anchors and references whose ids or
#: relationships belong to the old package (bookmarks, comments, notes, drawings), section breaks
_FOREIGN = etree.XPath(
    ".//w:bookmarkStart|.//w:bookmarkEnd|.//w:commentRangeStart|.//w:commentRangeEnd|.//w:commentReference"
    "|.//w:footnoteReference|.//w:endnoteReference|.//w:drawing|.//w:pict|.//w:object|.//mc:AlternateContent"
    "|.//w:pPr/w:sectPr|.//w:proofErr|.//w:permStart|.//w:permEnd|.//w:del|.//w:moveFrom"
    "|.//w:rPrChange|.//w:pPrChange|.//w:tblPrChange|.//w:trPrChange|.//w:tcPrChange",
    namespaces={"w": W_NS, "mc": MC_NS},
)


def edition_date(year: int, month: int = 1, day: int = 1) -> str:
    """The w:date of the marks: the new edition's signing date (the 1st when it names no day), never the clock."""
    return f"{year:04d}-{max(month, 1):02d}-{max(day, 1):02d}T00:00:00Z"


def redline(old_docx: bytes, new_docx: bytes, author: str = "rkt", date: str | None = None) -> bytes:
    """NEW as a .docx whose differences from OLD are Word tracked changes by `author` on `date`.

    `date` is a W3C date-time such as `2024-01-01T00:00:00Z` (see `edition_date`); None leaves
    the marks undated. Identical documents give NEW's parts unchanged (no marks).
    """
    if date is not None and not DATE.match(date):
        raise ValueError(f"date must look like 2024-01-01T00:00:00Z, not {date!r}")
    old_parts = read_zip(old_docx)
    new_parts = read_zip(new_docx)
    marker = _Redliner(author, date, _numbering_ids(new_parts.get("word/numbering.xml")))
    changed: dict[str, etree._Element] = {}
    for name in _text_parts(new_parts):
        if name not in old_parts:
            continue
        old_root, new_root = _parse(old_parts[name]), _parse(new_parts[name])
        container = new_root.find(_w("body")) if new_root.tag == _w("document") else new_root
        old_container = old_root.find(_w("body")) if old_root.tag == _w("document") else old_root
        if container is None or old_container is None:
            continue
        before = marker.count
        marker.container(old_container, container)
        if marker.count != before:
            changed[name] = new_root
    next_id = 1 + max((int(n) for name, data in new_parts.items() if name.startswith("word/") and name.endswith(".xml")
                       for n in re.findall(rb'w:id="(\d+)"', data)), default=0)
    for name in _text_parts(new_parts):
        if name in changed:
            for mark in changed[name].iter(INS, DEL):
                if mark.get(ID) == PENDING:
                    mark.set(ID, str(next_id))
                    next_id += 1
            new_parts[name] = etree.tostring(changed[name], xml_declaration=True, encoding="UTF-8", standalone=True)
    return write_zip(new_parts)


def write_redline(old: Side, new: Side, out: Path, author: str = "rkt") -> Path:
    """Write the redline of NEW's document against OLD's to `out` atomically; its path.

    The sides are those `rkt diff` compared (pipeline/review/diff.py), so their documents are
    reused, never made again: the RKT when both have it, else the one document they share. The
    marks are dated from the new edition's signing date. Refused (OutputRefused) when `out` is a
    file either side was read from, or lies in an issued edition.
    """
    out = Path(out)
    if resolved(out) in old.read | new.read:
        raise OutputRefused(f"redline {out} akan menimpa salah satu yang dibandingkan; pilih nama file lain")
    refuse_inside(out, "redline")
    kind = compared(old, new)[0]
    date = edition_date(*new.snapshot["office"]["sign_date"])
    return write_bytes(out, redline(old.documents[kind], new.documents[kind], author=author, date=date))


class _Redliner:
    """Marks the differences between two containers in place, in the new one, and counts the marks."""

    def __init__(self, author: str, date: str | None, numbering: set[str]) -> None:
        self.author, self.date, self.numbering = author, date, numbering
        self.count = 0

    # -- marks ---------------------------------------------------------------------------------

    def mark(self, tag: str) -> etree._Element:
        """A w:ins or w:del; its id is given when the whole document is numbered, in reading order."""
        el = etree.Element(tag)
        el.set(ID, PENDING)
        el.set(_w("author"), self.author)
        if self.date:
            el.set(_w("date"), self.date)
        self.count += 1
        return el

    def mark_paragraph(self, p: etree._Element, tag: str) -> None:
        """Mark the paragraph mark itself (w:pPr/w:rPr/w:ins|w:del), so the paragraph, not just its text, is tracked."""
        ppr = p.find(PPR)
        if ppr is None:
            ppr = etree.Element(PPR)
            p.insert(0, ppr)
        rpr = ppr.find(RPR)
        if rpr is None:
            rpr = etree.Element(RPR)
            later = next((c for c in ppr if c.tag in (SECTPR, _w("pPrChange"))), None)
            if later is not None:
                later.addprevious(rpr)
            else:
                ppr.append(rpr)
        if rpr.find(INS) is None and rpr.find(DEL) is None:
            rpr.insert(0, self.mark(tag))  # CT_ParaRPr: ins/del come before any formatting

    def wrap_runs(self, p: etree._Element, tag: str) -> None:
        """Put every run of `p` (and of its hyperlinks, fields, content controls) inside one w:ins or
        w:del per stretch of runs."""
        for parent in [p, *p.iter(*INLINE)]:
            stretch: list[etree._Element] = []
            for child in [*parent, None]:
                if child is not None and child.tag == R:
                    stretch.append(child)
                    continue
                if any(map(_has_content, stretch)):
                    wrapper = self.mark(tag)
                    stretch[0].addprevious(wrapper)
                    for r in stretch:
                        wrapper.append(r)
                        if tag == DEL:
                            _as_deleted(r)
                stretch = []

    def mark_row(self, tr: etree._Element, tag: str) -> None:
        """A whole row added or removed: w:trPr/w:ins|w:del, and its text in w:ins|w:del runs."""
        trpr = tr.find(TRPR)
        if trpr is None:
            trpr = etree.Element(TRPR)
            ex = tr.find(_w("tblPrEx"))
            if ex is not None:
                ex.addnext(trpr)
            else:
                tr.insert(0, trpr)
        change = trpr.find(_w("trPrChange"))
        mark = self.mark(tag)
        if change is not None:
            change.addprevious(mark)
        else:
            trpr.append(mark)
        for p in list(tr.iter(P)):
            self.wrap_runs(p, tag)

    # -- blocks --------------------------------------------------------------------------------

    def container(self, old: etree._Element, new: etree._Element) -> None:
        """Mark the differences between two block containers (body, cell, header): NEW's blocks stay
        where they are, OLD's removed blocks are copied in, marked deleted, where they stood."""
        olds = [c for c in old if c.tag in (P, TBL)]
        news = [c for c in new if c.tag in (P, TBL)]
        pending: list[etree._Element] = []
        deleted_tables: list[etree._Element] = []
        for kind, o, n in _align_blocks(olds, news):  # "same": untouched, an anchor for deletions
            if kind == "del":
                pending.append(self.deleted_block(o))
                if o.tag == TBL:
                    deleted_tables.append(pending[-1])
                continue
            for d in pending:
                n.addprevious(d)
            pending = []
            if kind == "pair":
                if n.tag == P:
                    self.paragraph(o, n)
                else:
                    self.table(o, n)
            elif kind == "ins":
                self.inserted_block(n)
        if pending:
            if news:
                for d in reversed(pending):
                    news[-1].addnext(d)
            else:
                sect = new.find(SECTPR)
                for d in pending:
                    if sect is not None:
                        sect.addprevious(d)
                    else:
                        new.append(d)
        for t in deleted_tables:
            self.separate(t)
        self.last_mark(new)

    def inserted_block(self, el: etree._Element) -> None:
        if el.tag == P:
            self.wrap_runs(el, INS)
            self.mark_paragraph(el, INS)
        else:
            for tr in el.iterchildren(TR):
                self.mark_row(tr, INS)

    def deleted_block(self, el: etree._Element) -> etree._Element:
        """A copy of an old block, stripped of what belongs to the old package, marked deleted."""
        el = self.foreign_free(copy.deepcopy(el))
        if el.tag == P:
            self.wrap_runs(el, DEL)
            self.mark_paragraph(el, DEL)
        else:
            for tr in el.iterchildren(TR):
                self.mark_row(tr, DEL)
        return el

    def separate(self, table: etree._Element) -> None:
        """Word joins adjacent tables into one: keep a deleted table apart from its neighbour by a
        deleted empty paragraph (gone once the deletion is accepted)."""
        for side in ("getprevious", "getnext"):
            neighbour = getattr(table, side)()
            if neighbour is not None and neighbour.tag == TBL:
                p = etree.Element(P)
                self.mark_paragraph(p, DEL)
                (table.addprevious if side == "getprevious" else table.addnext)(p)

    def last_mark(self, container: etree._Element) -> None:
        """The last paragraph mark of a cell or document cannot be added or removed in Word: move its
        mark to the nearest earlier paragraph whose mark is untouched (the text stream is the same)."""
        blocks = [c for c in container if c.tag in (P, TBL)]
        if not blocks or blocks[-1].tag != P:
            return
        mark = _paragraph_mark(blocks[-1])
        if mark is None or mark.get(ID) != PENDING:
            return
        rpr = mark.getparent()
        rpr.remove(mark)
        if len(rpr) == 0:
            rpr.getparent().remove(rpr)
        self.count -= 1
        for p in reversed(blocks[:-1]):
            if p.tag == TBL:
                return
            if _paragraph_mark(p) is None:
                self.mark_paragraph(p, mark.tag)
                return

    def foreign_free(self, el: etree._Element) -> etree._Element:
        """Drop from an old copy what would dangle in the new package (see _FOREIGN), unwrap
        hyperlinks (their targets are old relationships) and revisions OLD carried as accepted,
        and drop list numbering NEW lacks."""
        for bad in _FOREIGN(el):
            if bad.getparent() is not None:
                bad.getparent().remove(bad)
        for link in list(el.iter(HYPERLINK, INS, _w("moveTo"))):
            parent = link.getparent()
            for child in list(link):
                link.addprevious(child)
            parent.remove(link)
        for e in el.iter():
            for attr in [a for a in e.attrib if a.startswith(f"{{{R_NS}}}") or a.startswith(f"{{{W14_NS}}}")]:
                del e.attrib[attr]
        for num in list(el.iter(_w("numPr"))):
            num_id = num.find(_w("numId"))
            if num_id is None or num_id.get(_w("val")) not in self.numbering:
                num.getparent().remove(num)
        return el

    # -- paragraphs ----------------------------------------------------------------------------

    def paragraph(self, old: etree._Element, new: etree._Element) -> None:
        """Mark the words that differ between two versions of one paragraph; equal runs stay as they are.

        Only plain text runs (w:t, w:tab) are compared and rewritten: fields, drawings, breaks,
        hyperlinks and bookmarks keep their place and are never marked.
        """
        a, b = _text(old), _text(new)
        if a == b:
            return
        inserted = [False] * len(b)
        deletions: dict[int, str] = {}
        for start, end, gone in _edits(a, b):
            for k in range(start, end):
                inserted[k] = True
            if gone:
                deletions[start] = gone
        cuts = {k for k in range(1, len(b)) if inserted[k] != inserted[k - 1]} | set(deletions)
        fallback = _first_rpr(new)
        if fallback is None:
            fallback = _first_rpr(old)
        out: list[etree._Element] = []
        pos, after_text, last_rpr = 0, None, fallback
        for child in [c for c in new if c.tag != PPR]:
            length = _run_length(child) if child.tag == R else 0
            if not length:
                out.append(child)
                continue
            end = pos + length
            touched = any(inserted[pos:end]) or any(pos < k < end for k in cuts)
            if not touched:
                if pos in deletions:
                    out.append(self.deleted_run(deletions.pop(pos), child.find(RPR)))
                out.append(child)
            else:
                out += self.split_run(child, pos, inserted, deletions, cuts)
            pos, after_text, last_rpr = end, len(out), child.find(RPR)
        if deletions:  # what was removed at the very end of the text
            at = after_text if after_text is not None else len(out)
            out[at:at] = [self.deleted_run(deletions.pop(k), last_rpr) for k in sorted(deletions)]
        for child in [c for c in new if c.tag != PPR]:
            new.remove(child)
        new.extend(out)

    def split_run(self, run, pos, inserted, deletions, cuts) -> list[etree._Element]:
        """Rebuild one run whose text is partly changed as untouched, inserted and deleted runs."""
        rpr = run.find(RPR)
        pieces: list[tuple[str, etree._Element | str]] = []  # ("eq"|"ins", element) or ("del", text)
        for child in run:
            if child.tag == RPR:
                continue
            if child.tag == TAB:
                if pos in deletions:
                    pieces.append(("del", deletions.pop(pos)))
                pieces.append(("ins" if inserted[pos] else "eq", copy.deepcopy(child)))
                pos += 1
            elif child.tag == T:
                text = child.text or ""
                k = 0
                while k < len(text):
                    if pos + k in deletions:
                        pieces.append(("del", deletions.pop(pos + k)))
                    e = k + 1
                    while e < len(text) and pos + e not in cuts:
                        e += 1
                    t = etree.Element(T)
                    t.set(XML_SPACE, "preserve")
                    t.text = text[k:e]
                    pieces.append(("ins" if inserted[pos + k] else "eq", t))
                    k = e
                pos += len(text)
            else:
                pieces.append(("eq", copy.deepcopy(child)))
        out: list[etree._Element] = []
        last_kind, current = None, None
        for kind, item in pieces:
            if kind == "del":
                out.append(self.deleted_run(item, rpr))
                last_kind = None
                continue
            if kind != last_kind:
                current = etree.Element(R, dict(run.attrib))
                if rpr is not None:
                    current.append(copy.deepcopy(rpr))
                if kind == "ins":
                    wrapper = self.mark(INS)
                    wrapper.append(current)
                    out.append(wrapper)
                else:
                    out.append(current)
                last_kind = kind
            current.append(item)
        return out

    def deleted_run(self, text: str, rpr: etree._Element | None) -> etree._Element:
        """`<w:del><w:r>rPr <w:delText>text</w:delText></w:r></w:del>`, tabs as w:tab."""
        wrapper = self.mark(DEL)
        run = etree.SubElement(wrapper, R)
        if rpr is not None:
            run.append(copy.deepcopy(rpr))
        for k, part in enumerate(text.split("\t")):
            if k:
                etree.SubElement(run, TAB)
            if part:
                t = etree.SubElement(run, DELTEXT)
                t.set(XML_SPACE, "preserve")
                t.text = part
        return wrapper

    # -- tables --------------------------------------------------------------------------------

    def table(self, old: etree._Element, new: etree._Element) -> None:
        """Rows matched by their key, then cells by column; rows only on one side are whole insertions/deletions."""
        orows, nrows = [_Row.of(r) for r in old.iterchildren(TR)], [_Row.of(r) for r in new.iterchildren(TR)]
        pending: list[etree._Element] = []
        for kind, o, n in _align(orows, nrows, [r.key for r in orows], [r.key for r in nrows], _rows_alike):
            if kind == "del":
                pending.append(self.deleted_row(o.el))
                continue
            for d in pending:
                n.el.addprevious(d)
            pending = []
            if kind == "ins":
                self.mark_row(n.el, INS)
            elif kind == "pair" or o.text != n.text:
                self.row(o.el, n.el)
        if pending and nrows:
            for d in reversed(pending):
                nrows[-1].el.addnext(d)

    def deleted_row(self, tr: etree._Element) -> etree._Element:
        tr = self.foreign_free(copy.deepcopy(tr))
        self.mark_row(tr, DEL)
        return tr

    def row(self, old: etree._Element, new: etree._Element) -> None:
        """Cells compared by column; a row whose cells are laid out differently is replaced whole."""
        ocells, ncells = list(old.iterchildren(TC)), list(new.iterchildren(TC))
        if [_span(c) for c in ocells] != [_span(c) for c in ncells]:
            new.addprevious(self.deleted_row(old))
            self.mark_row(new, INS)
            return
        for a, b in zip(ocells, ncells, strict=True):
            if _cell_text(a) != _cell_text(b):
                self.container(a, b)


# -- alignment ---------------------------------------------------------------------------------

Op = tuple[str, "etree._Element | None", "etree._Element | None"]


def _align(olds: list, news: list, okeys: list, nkeys: list, alike: Callable[[object, object, bool], bool]) -> list[Op]:
    """Items in order, matched on equal keys (SequenceMatcher); in a changed stretch, items that
    `alike` calls one edited item are paired, the rest are deletions and insertions."""
    ops: list[Op] = []
    matcher = SequenceMatcher(None, okeys, nkeys, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            ops += [("same", olds[i1 + k], news[j1 + k]) for k in range(i2 - i1)]
        else:
            ops += _pair_region(olds[i1:i2], news[j1:j2], alike)
    return ops


def _pair_region(olds: list, news: list, alike) -> list[Op]:
    """Pair the items of a changed stretch in order; an item without a partner nearby is added or removed."""
    same_size = len(olds) == len(news)
    ops: list[Op] = []
    i = j = 0
    while i < len(olds) and j < len(news):
        if alike(olds[i], news[j], same_size):
            ops.append(("pair", olds[i], news[j]))
            i, j = i + 1, j + 1
            continue
        k = next((k for k in range(j + 1, min(len(news), j + 1 + LOOKAHEAD)) if alike(olds[i], news[k], False)), None)
        if k is not None:
            ops += [("ins", None, n) for n in news[j:k]]
            j = k
            continue
        k = next((k for k in range(i + 1, min(len(olds), i + 1 + LOOKAHEAD)) if alike(olds[k], news[j], False)), None)
        if k is not None:
            ops += [("del", o, None) for o in olds[i:k]]
            i = k
            continue
        ops += [("del", olds[i], None), ("ins", None, news[j])]
        i, j = i + 1, j + 1
    ops += [("del", o, None) for o in olds[i:]]
    ops += [("ins", None, n) for n in news[j:]]
    return ops


def _align_blocks(olds: list, news: list) -> list[Op]:
    """Tables paired first (they anchor the document); the paragraphs between two anchors aligned on their text."""
    ot = [i for i, b in enumerate(olds) if b.tag == TBL]
    nt = [i for i, b in enumerate(news) if b.tag == TBL]
    pairs = _pair_tables(olds, ot, news, nt)
    ops: list[Op] = []
    po = pn = 0
    for oi, ni in [*pairs, (len(olds), len(news))]:
        seg_o, seg_n = olds[po:oi], news[pn:ni]
        okeys = [("p", _text(b)) if b.tag == P else ("old table", k) for k, b in enumerate(seg_o)]
        nkeys = [("p", _text(b)) if b.tag == P else ("new table", k) for k, b in enumerate(seg_n)]
        ops += _align(seg_o, seg_n, okeys, nkeys, _blocks_alike)
        if oi < len(olds):
            ops.append(("pair", olds[oi], news[ni]))
        po, pn = oi + 1, ni + 1
    return ops


def _pair_tables(olds: list, ot: list[int], news: list, nt: list[int]) -> list[tuple[int, int]]:
    """Tables by position when both sides have as many; else by caption and header row. Tables whose
    grids differ in width are never paired (their rows cannot be compared cell by cell)."""
    if len(ot) == len(nt):
        pairs = list(zip(ot, nt, strict=True))
    else:
        okeys = [_table_key(olds, i) for i in ot]
        nkeys = [_table_key(news, i) for i in nt]
        pairs = []
        for tag, i1, i2, j1, j2 in SequenceMatcher(None, okeys, nkeys, autojunk=False).get_opcodes():
            if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
                pairs += [(ot[i1 + k], nt[j1 + k]) for k in range(i2 - i1)]
    return [(i, j) for i, j in pairs if _grid_width(olds[i]) == _grid_width(news[j])]


def _blocks_alike(o, n, same_size: bool) -> bool:
    if o.tag != n.tag:
        return False
    if o.tag == TBL:
        return same_size and _grid_width(o) == _grid_width(n)
    return same_size or _similar(_text(o), _text(n))


def _rows_alike(o: _Row, n: _Row, same_size: bool) -> bool:
    """Two rows are one edited row unless either is keyed by a code (a different code is a different RO)."""
    if CODE.match(o.key) or CODE.match(n.key):
        return False
    return same_size or _similar(o.text, n.text)


def _similar(a: str, b: str) -> bool:
    m = SequenceMatcher(None, a, b, autojunk=False)
    return m.real_quick_ratio() >= SIMILAR and m.quick_ratio() >= SIMILAR and m.ratio() >= SIMILAR


def _edits(a: str, b: str) -> list[tuple[int, int, str]]:
    """Word-level changes from `a` to `b`: (start, end) of the inserted text in `b` and the text
    removed from `a` at that place. Whitespace left alone between two changes joins them, so a
    reviewer reads "old words" -> "new words", not a word-and-space patchwork."""
    ta, tb = TOKEN.findall(a), TOKEN.findall(b)
    oa, ob = _offsets(ta), _offsets(tb)
    ops = SequenceMatcher(None, ta, tb, autojunk=False).get_opcodes()
    groups: list[list[int]] = []
    for k, (tag, i1, i2, j1, j2) in enumerate(ops):
        bridge = (tag == "equal" and 0 < k < len(ops) - 1 and "".join(ta[i1:i2]).isspace())
        if tag != "equal" or bridge:
            if groups and groups[-1][1] == i1 and groups[-1][3] == j1:
                groups[-1][1], groups[-1][3] = i2, j2
            else:
                groups.append([i1, i2, j1, j2])
    return [(ob[j1], ob[j2], a[oa[i1]:oa[i2]]) for i1, i2, j1, j2 in groups]


def _offsets(tokens: list[str]) -> list[int]:
    out = [0]
    for t in tokens:
        out.append(out[-1] + len(t))
    return out


# -- reading the XML ---------------------------------------------------------------------------

def _text(p: etree._Element) -> str:
    """The paragraph's plain text: its own runs' w:t and w:tab (what a redline can rewrite)."""
    return "".join((c.text or "") if c.tag == T else "\t"
                   for r in p.iterchildren(R) for c in r if c.tag == T or c.tag == TAB)


def _run_length(run: etree._Element) -> int:
    return sum(len(c.text or "") if c.tag == T else 1 for c in run if c.tag == T or c.tag == TAB)


def _has_content(run: etree._Element) -> bool:
    """A run that shows something: not only formatting or an empty w:t (those are left unmarked)."""
    return any(c.tag != RPR and not (c.tag == T and not c.text) for c in run)


def _first_rpr(p: etree._Element) -> etree._Element | None:
    return next((r.find(RPR) for r in p.iterchildren(R) if r.find(RPR) is not None), None)


def _paragraph_mark(p: etree._Element) -> etree._Element | None:
    rpr = p.find(f"{PPR}/{RPR}")
    if rpr is None:
        return None
    return next((c for c in rpr if c.tag in (INS, DEL)), None)


def _cell_text(tc: etree._Element) -> tuple[str, ...]:
    return tuple(_text(b) if b.tag == P else "\n".join(_row_text(r) for r in b.iterchildren(TR))
                 for b in tc if b.tag in (P, TBL))


def _row_cells(tr: etree._Element) -> list[str]:
    return [" ".join(t for t in _cell_text(tc) if t).strip() for tc in tr.iterchildren(TC)]


def _row_text(tr: etree._Element) -> str:
    return " | ".join(_row_cells(tr))


class _Row(NamedTuple):
    """A table row with what it is matched on, read once."""

    el: etree._Element
    key: str
    text: str

    @classmethod
    def of(cls, tr: etree._Element) -> _Row:
        cells = _row_cells(tr)
        return cls(tr, _row_key(cells), " | ".join(cells))


def _row_key(cells: list[str]) -> str:
    """What names a row: the first cell holding a code (`QAH.017`), else the first cell with a
    letter in it (an IKK, a KRO, an education, `Jumlah`); numbering such as `1.` never names a row."""
    for text in cells:
        if CODE.match(text):
            return text
    return next((text for text in cells if LETTER.search(text)), " | ".join(cells))


def _table_key(blocks: list, i: int) -> str:
    """A table's caption (the nearest text paragraph before it) and its header row."""
    caption = ""
    for b in reversed(blocks[:i]):
        if b.tag == TBL:
            break
        caption = _text(b).strip()
        if caption:
            break
    rows = list(blocks[i].iterchildren(TR))
    return caption + "\n" + (_row_text(rows[0]) if rows else "")


def _grid_width(tbl: etree._Element) -> int:
    grid = tbl.find(_w("tblGrid"))
    return 0 if grid is None else len(grid.findall(GRIDCOL))


def _span(tc: etree._Element) -> int:
    span = tc.find(f"{TCPR}/{GRIDSPAN}")
    return 1 if span is None else int(span.get(_w("val"), "1"))


def _as_deleted(run: etree._Element) -> None:
    """Inside w:del, text is w:delText and field code w:delInstrText."""
    for el in run.iter(T, INSTR):
        el.tag = DELTEXT if el.tag == T else DELINSTR
        el.set(XML_SPACE, "preserve")


# -- the package -------------------------------------------------------------------------------

def _parse(data: bytes) -> etree._Element:
    return etree.fromstring(data, etree.XMLParser(remove_blank_text=False, resolve_entities=False, huge_tree=True))


def _text_parts(parts: Iterable[str]) -> list[str]:
    """The body first, then headers and footers by name: the order revision ids are given in."""
    names = [n for n in parts if TEXT_PART.match(n)]
    return sorted(names, key=lambda n: (n != "word/document.xml", n))


def _numbering_ids(data: bytes | None) -> set[str]:
    if not data:
        return set()
    return {v.decode() for v in re.findall(rb'<w:num\b[^>]*\bw:numId="(\d+)"', data)}
