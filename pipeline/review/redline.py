"""Tracked-changes redline: a new document carrying native Word revisions (w:ins/w:del) against the old.

Word's own Compare aligns by position and drowns a reviewer in noise. Here the two documents
are aligned the way rkt makes them: body blocks in order (paragraphs by their text), tables
by position (or caption and header row when one side has more tables), rows by what names
them (an RO code such as `QAH.017`, else the first label cell, else the row text), and cells
by column; content controls (w:sdt) and custom XML around blocks, rows, cells and runs are
looked through, as Word shows their content.

What a reviewer reads decides how a change is marked:

- A value in a table cell is deleted and inserted whole: the old value struck through, the new
  one on its own line (a line break at the start of the insertion). A cell paragraph is a value
  when, on either side, it is one token (`10.420.435`, `QAH.017`, `III/c`, `97%`), a date
  (`2 Juli 2025`, `Januari 2025`), a figure with its unit (`8 Layanan`) or a short text (at most
  three words and 32 characters). The column is then widened, taking room from columns that can
  spare it, until neither the old nor the new value breaks (`_fit_columns`).
- Any other paragraph is marked word by word. A figure, a code or a date inside it is one word,
  and a replaced stretch keeps the space after (or before) it on both sides, so the old and
  the new words read apart.
- A chart (a native chart part, Grafik 1-4) whose data changed has its caption deleted and
  inserted: Word's review pane lists it, and accepting or rejecting leaves the caption as it is.

The output is the NEW document; old text appears only inside deletions. Revision ids are
numbered in document order and nothing depends on the clock, so the same two documents give
the same bytes. `write_redlines` writes one redline per document both editions have (RKT, PK),
each headed by the two editions it compares instead of any draft mark.
"""

from __future__ import annotations

import copy
import posixpath
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from difflib import SequenceMatcher
from pathlib import Path
from types import SimpleNamespace
from typing import NamedTuple

from lxml import etree

from pipeline.document.layout import SAFETY, text_width
from pipeline.files import write_bytes
from pipeline.names import document_name, redline_name
from pipeline.ooxml import NS, read_zip, write_zip
from pipeline.outputs import OutputRefused, refuse_inside, resolved
from pipeline.plan.vocabulary import MONTHS
from pipeline.review.diff import Side, compared

W_NS, R_NS, W14_NS, MC_NS = NS["w"], NS["r"], NS["w14"], NS["mc"]
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


P, R, T, TAB, TBL, TR, TC = (_w(t) for t in ("p", "r", "t", "tab", "tbl", "tr", "tc"))
PPR, RPR, TRPR, TCPR, SECTPR = (_w(t) for t in ("pPr", "rPr", "trPr", "tcPr", "sectPr"))
INS, DEL, DELTEXT, INSTR, DELINSTR = (_w(t) for t in ("ins", "del", "delText", "instrText", "delInstrText"))
HYPERLINK, GRIDCOL, GRIDSPAN = _w("hyperlink"), _w("gridCol"), _w("gridSpan")
SDT, SDTCONTENT, CUSTOMXML, BR = _w("sdt"), _w("sdtContent"), _w("customXml"), _w("br")
#: inline containers whose runs are part of the paragraph's text flow and are marked with it
INLINE = tuple(_w(t) for t in ("hyperlink", "smartTag", "customXml", "fldSimple", "sdtContent", "dir", "bdo"))
ID, VAL = _w("id"), _w("val")
C_NS = NS["c"]

#: the parts whose text a reader sees and that are diffed; others are the new document's as they are
TEXT_PART = re.compile(r"^word/(?:document|header\d*|footer\d*)\.xml$")
HEADER_PART = re.compile(r"^word/header\d*\.xml$")
#: an RO or KRO code (`QAH.017`, `EBA.994`, `4815.QAH.017`): a row that carries one is keyed by it
CODE = re.compile(r"^(?=[A-Z0-9.]*[A-Z])[A-Z0-9]{2,6}(?:\.[A-Z0-9]{2,6})+$")
LETTER = re.compile(r"[^\W\d_]")
#: a date as the documents print it (`2 Juli 2025`, `Januari 2025`): one word to the redline
DATE_PHRASE = rf"(?<!\S)(?:\d{{1,2}}\s)?(?:{'|'.join(MONTHS)})\s\d{{4}}\b"
TOKEN = re.compile(rf"{DATE_PHRASE}|\s+|\S+")
#: a table cell paragraph that is deleted and inserted whole (see the module's docstring)
VALUE = re.compile(rf"\S+|{DATE_PHRASE}|[-+(]?(?:Rp)?\d[\d.,]*%?\)?\s+\S+")
SHORT_WORDS, SHORT_CHARS = 3, 32
#: where a line may break inside a cell (as pipeline/document/layout.py measures): spaces, after / and -
BREAKABLE = re.compile(r"[^\s/\-]+[/\-]?|[/\-]")
DEFAULT_CELL_MARGIN = 108  # twips each side when a table names none (Word's 0,19 cm)
DEFAULT_SIZE = 11.0  # points, when neither a run nor its styles give one
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


def redline(old_docx: bytes, new_docx: bytes, author: str = "rkt", date: str | None = None,
            header: Sequence[str] | None = None) -> bytes:
    """NEW as a .docx whose differences from OLD are Word tracked changes by `author` on `date`.

    `date` is a W3C date-time such as `2024-01-01T00:00:00Z` (see `edition_date`); None leaves
    the marks undated. `header`, when given, replaces the content of every header of NEW (a
    draft mark among it) with these lines, unmarked: the redline's own heading. Identical
    documents give NEW's parts unchanged (no marks) but for that header.
    """
    if date is not None and not DATE.match(date):
        raise ValueError(f"date must look like 2024-01-01T00:00:00Z, not {date!r}")
    old_parts = read_zip(old_docx)
    new_parts = read_zip(new_docx)
    marker = _Redliner(author, date, _numbering_ids(new_parts.get("word/numbering.xml")))
    changed: dict[str, etree._Element] = {}
    for name in _text_parts(new_parts):
        if header is not None and HEADER_PART.match(name):
            changed[name] = _headed(_parse(new_parts[name]), header)
            continue
        if name not in old_parts:
            continue
        old_root, new_root = _parse(old_parts[name]), _parse(new_parts[name])
        container = new_root.find(_w("body")) if new_root.tag == _w("document") else new_root
        old_container = old_root.find(_w("body")) if old_root.tag == _w("document") else old_root
        if container is None or old_container is None:
            continue
        before = marker.count
        marker.container(old_container, container)
        if name == "word/document.xml":
            marker.charts(_charts(old_root, old_parts, name), _charts(new_root, new_parts, name))
        _fit_columns(marker, _Styles(new_parts.get("word/styles.xml")))
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


def redline_header(old: Side, new: Side, kind: str) -> list[str]:
    """The redline's own heading: which two editions of document `kind` it compares, and which of them has errors.

    `Perubahan: RKT Awal Tahun 2025 (Januari 2025) → RKT Revisi 1 2025 (2 Juli 2025)`, from each
    side's snapshot; a second line when an edition's inputs have errors (a draft), in place of
    the draft's own mark.
    """
    lines = [f"Perubahan: {kind} {_edition(old)} \u2192 {kind} {_edition(new)}"]
    if old.errors and new.errors:
        lines.append("Kedua edisi memuat galat pemeriksaan: keduanya draf, bukan edisi untuk ditandatangani")
    elif new.errors:
        lines.append("Edisi baru memuat galat pemeriksaan: draf, belum dapat ditandatangani")
    elif old.errors:
        lines.append("Edisi lama memuat galat pemeriksaan (draf)")
    return lines


def _edition(side: Side) -> str:
    """`Revisi 1 2025 (2 Juli 2025)`: a side's edition and year, and its signing date as the document prints it."""
    office = side.snapshot.get("office", {})
    signed = side.snapshot.get("values", {}).get("Identitas", {}).get("", {}).get("Tanggal Penandatanganan", "")
    if not signed and office.get("sign_date"):
        year, month = office["sign_date"][:2]
        signed = f"{MONTHS[month - 1]} {year}" if 1 <= month <= 12 else ""
    text = " ".join(f"{office.get('edition', '')} {office.get('year', '')}".split())
    return f"{text} ({signed})" if signed else text


def write_redline(old: Side, new: Side, out: Path, author: str = "rkt", kind: str | None = None) -> Path:
    """Write the redline of NEW's document `kind` against OLD's to `out` atomically; its path.

    The sides are those `rkt diff` compared (pipeline/review/diff.py), so their documents are
    reused, never made again: `kind` None is the RKT when both have it, else the one document
    they share. The marks are dated from the new edition's signing date; the header names both
    editions (`redline_header`). Refused (OutputRefused) when `out` is a file either side was
    read from, or lies in an issued edition.
    """
    out = Path(out)
    if resolved(out) in old.read | new.read:
        raise OutputRefused(f"redline {out} akan menimpa salah satu yang dibandingkan; pilih nama file lain")
    refuse_inside(out, "redline")
    kind = kind or compared(old, new)[0]
    date = edition_date(*new.snapshot["office"]["sign_date"])
    return write_bytes(out, redline(old.documents[kind], new.documents[kind], author=author, date=date,
                                    header=redline_header(old, new, kind)))


def write_redlines(old: Side, new: Side, folder: Path, author: str = "rkt") -> dict[str, Path]:
    """One redline per document both sides have (the RKT, the PK), into `folder`, by kind.

    Each is named after NEW's document (`redline-PK-2025-Revisi-1-BKK-....docx`, pipeline/names.py).
    Every name is checked before the first is written.
    """
    office = SimpleNamespace(**{"name": "", "short_name": "", "year": 0, "edition": "", **new.snapshot["office"]})
    targets = {kind: Path(folder) / redline_name(document_name(office, False, kind)) for kind in compared(old, new)}
    for out in targets.values():
        if resolved(out) in old.read | new.read:
            raise OutputRefused(f"redline {out} akan menimpa salah satu yang dibandingkan; pilih folder lain")
        refuse_inside(out, "redline")
    return {kind: write_redline(old, new, out, author, kind) for kind, out in targets.items()}


class _Redliner:
    """Marks the differences between two containers in place, in the new one, and counts the marks."""

    def __init__(self, author: str, date: str | None, numbering: set[str]) -> None:
        self.author, self.date, self.numbering = author, date, numbering
        self.count = 0
        self.values: list[_Value] = []  # the cell values deleted and inserted whole, to be fitted
        self.deleted_rows: list[etree._Element] = []  # old rows copied in, to be fitted too

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

    def container(self, old: etree._Element, new: etree._Element, cell: bool = False) -> None:
        """Mark the differences between two block containers (body, cell, header): NEW's blocks stay
        where they are, OLD's removed blocks are copied in, marked deleted, where they stood.
        `cell`: the containers are table cells, whose values are replaced whole."""
        olds = list(_content(old, (P, TBL)))
        news = list(_content(new, (P, TBL)))
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
                    self.paragraph(o, n, cell)
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
            for tr in _content(el, (TR,)):
                self.mark_row(tr, INS)

    def deleted_block(self, el: etree._Element) -> etree._Element:
        """A copy of an old block, stripped of what belongs to the old package, marked deleted."""
        el = self.foreign_free(copy.deepcopy(el))
        if el.tag == P:
            self.wrap_runs(el, DEL)
            self.mark_paragraph(el, DEL)
        else:
            for tr in _content(el, (TR,)):
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
        blocks = list(_content(container, (P, TBL)))
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
        for sdt in list(el.iter(SDT)):  # a content control of the old package: its content alone
            content = sdt.find(SDTCONTENT)
            for child in (list(content) if content is not None else []):
                sdt.addprevious(child)
            sdt.getparent().remove(sdt)
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

    def paragraph(self, old: etree._Element, new: etree._Element, cell: bool = False) -> None:
        """Mark what differs between two versions of one paragraph; equal runs stay as they are.

        In a table cell, a value is replaced whole (`whole`); elsewhere the words that differ are
        marked. Only plain text (w:t, w:tab, in runs of the paragraph's text flow) is compared and
        rewritten: fields, drawings, breaks, hyperlinks and bookmarks keep their place and are
        never marked.
        """
        a, b = _text(old), _text(new)
        if a == b:
            return
        if cell and (_is_value(a) or _is_value(b)) and _plain(old) and _plain(new):
            self.whole(old, new, a, b)
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
        pos, last, last_rpr = 0, None, fallback
        for run in list(_runs(new)):
            length = _run_length(run)
            if not length:
                continue
            end = pos + length
            rpr = run.find(RPR)
            if not (any(inserted[pos:end]) or any(pos < k < end for k in cuts)):
                if pos in deletions:
                    run.addprevious(self.deleted_run(deletions.pop(pos), rpr))
                last = run
            else:
                pieces = self.split_run(run, pos, inserted, deletions, cuts)
                for piece in pieces:
                    run.addprevious(piece)
                run.getparent().remove(run)
                last = pieces[-1]
            pos, last_rpr = end, rpr
        for k in sorted(deletions, reverse=True):  # what was removed at the very end of the text
            gone = self.deleted_run(deletions.pop(k), last_rpr)
            if last is not None:
                last.addnext(gone)
            else:
                new.append(gone)

    def whole(self, old: etree._Element, new: etree._Element, a: str, b: str, fit: bool = True) -> None:
        """Replace a paragraph's text whole: OLD's text `a` deleted, NEW's runs (text `b`) inserted after a
        line break; `fit`: a cell value, whose column must then hold both on one line."""
        old_rpr, new_rpr = _first_rpr(old), _first_rpr(new)
        gone = self.deleted_run(a, old_rpr if old_rpr is not None else new_rpr) if a else None
        if b:
            self.wrap_runs(new, INS)
            first = next(new.iter(INS))
            if gone is not None:
                br = etree.Element(R)
                if new_rpr is not None:
                    br.append(copy.deepcopy(new_rpr))
                etree.SubElement(br, BR)
                first.insert(0, br)
                first.addprevious(gone)
        elif gone is not None:
            new.append(gone)
        if fit:
            self.values.append(_Value(new, a, b))

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
        orows, nrows = [_Row.of(r) for r in _content(old, (TR,))], [_Row.of(r) for r in _content(new, (TR,))]
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
        self.deleted_rows.append(tr)
        return tr

    def row(self, old: etree._Element, new: etree._Element) -> None:
        """Cells compared by column; a row whose cells are laid out differently is replaced whole."""
        ocells, ncells = list(_content(old, (TC,))), list(_content(new, (TC,)))
        if [_span(c) for c in ocells] != [_span(c) for c in ncells]:
            new.addprevious(self.deleted_row(old))
            self.mark_row(new, INS)
            return
        for a, b in zip(ocells, ncells, strict=True):
            if _cell_text(a) != _cell_text(b):
                self.container(a, b, cell=True)

    # -- charts --------------------------------------------------------------------------------

    def charts(self, olds: list[_Chart], news: list[_Chart]) -> None:
        """Mark the caption of every chart of NEW whose data differs from its partner's in OLD.

        Charts are paired by name (`Grafik 2`) when both sides name each once, else in order.
        The caption (the first paragraph with text after the chart's, else before it) is deleted
        and inserted whole, unless the text diff marked it already.
        """
        by_name = {c.name: c for c in olds}
        named = len(by_name) == len(olds) and len({c.name for c in news}) == len(news) and all(c.name for c in news)
        for i, chart in enumerate(news):
            partner = by_name.get(chart.name) if named else (olds[i] if i < len(olds) else None)
            if partner is None or partner.data == chart.data:
                continue
            caption = _caption(chart.paragraph)
            if caption is None or any(True for _ in caption.iter(INS, DEL)):
                continue
            text = _text(caption)
            if text and _plain(caption):
                self.whole(caption, caption, text, text, fit=False)


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
    reviewer reads "old words" -> "new words", not a word-and-space patchwork; a date is one word
    (TOKEN). A replacement takes the space after it (or, at the end, before it) into both its
    deletion and its insertion, so the old and the new words never touch: "8 orang" -> "9 orang"
    reads `8 9 orang`, not `89 orang`, and accepting or rejecting still gives either text."""
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
    for g in groups:
        i1, i2, j1, j2 = g
        if i1 == i2 or j1 == j2:
            continue  # only added or only removed: nothing to keep apart
        if i2 < len(ta) and j2 < len(tb) and ta[i2].isspace() and ta[i2] == tb[j2]:
            g[1], g[3] = i2 + 1, j2 + 1
        elif i1 > 0 and j1 > 0 and ta[i1 - 1].isspace() and ta[i1 - 1] == tb[j1 - 1] \
                and not any(o[1] == i1 for o in groups):
            g[0], g[2] = i1 - 1, j1 - 1
    return [(ob[j1], ob[j2], a[oa[i1]:oa[i2]]) for i1, i2, j1, j2 in groups]


def _offsets(tokens: list[str]) -> list[int]:
    out = [0]
    for t in tokens:
        out.append(out[-1] + len(t))
    return out


# -- reading the XML ---------------------------------------------------------------------------

def _content(el: etree._Element, tags: tuple[str, ...]) -> Iterator[etree._Element]:
    """The children of `el` with one of `tags` (blocks, rows or cells), looking through content
    controls (w:sdt) and custom XML wrapped around them, as Word shows their content."""
    for child in el:
        if child.tag in tags:
            yield child
        elif child.tag == SDT:
            content = child.find(SDTCONTENT)
            if content is not None:
                yield from _content(content, tags)
        elif child.tag == CUSTOMXML:
            yield from _content(child, tags)


def _runs(p: etree._Element) -> Iterator[etree._Element]:
    """The runs of a paragraph's text flow in order: its own, and those in hyperlinks, fields,
    content controls and other inline wrappers (never those of a text box inside a drawing)."""
    for child in p:
        if child.tag == R:
            yield child
        elif child.tag == SDT:
            content = child.find(SDTCONTENT)
            if content is not None:
                yield from _runs(content)
        elif child.tag in INLINE:
            yield from _runs(child)


def _text(p: etree._Element) -> str:
    """The paragraph's plain text: its runs' w:t and w:tab (what a redline can rewrite)."""
    return "".join((c.text or "") if c.tag == T else "\t" for r in _runs(p) for c in r if c.tag == T or c.tag == TAB)


_PLAIN = frozenset((RPR, T, TAB))


def _plain(p: etree._Element) -> bool:
    """Whether every run of the paragraph holds text alone (no field, drawing, break or symbol)."""
    return all(c.tag in _PLAIN for r in _runs(p) for c in r)


def _is_value(text: str) -> bool:
    """A cell paragraph that is one value (see the module's docstring): replaced whole, never word by word."""
    text = text.strip()
    if not text:
        return False
    return bool(VALUE.fullmatch(text)) or (len(text.split()) <= SHORT_WORDS and len(text) <= SHORT_CHARS)


def _run_length(run: etree._Element) -> int:
    return sum(len(c.text or "") if c.tag == T else 1 for c in run if c.tag == T or c.tag == TAB)


def _has_content(run: etree._Element) -> bool:
    """A run that shows something: not only formatting or an empty w:t (those are left unmarked)."""
    return any(c.tag != RPR and not (c.tag == T and not c.text) for c in run)


def _first_rpr(p: etree._Element) -> etree._Element | None:
    return next((r.find(RPR) for r in _runs(p) if r.find(RPR) is not None), None)


def _paragraph_mark(p: etree._Element) -> etree._Element | None:
    rpr = p.find(f"{PPR}/{RPR}")
    if rpr is None:
        return None
    return next((c for c in rpr if c.tag in (INS, DEL)), None)


def _cell_text(tc: etree._Element) -> tuple[str, ...]:
    return tuple(_text(b) if b.tag == P else "\n".join(_row_text(r) for r in _content(b, (TR,)))
                 for b in _content(tc, (P, TBL)))


def _row_cells(tr: etree._Element) -> list[str]:
    return [" ".join(t for t in _cell_text(tc) if t).strip() for tc in _content(tr, (TC,))]


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
    rows = list(_content(blocks[i], (TR,)))
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


# -- values, widths, charts, headers -----------------------------------------------------------

class _Value(NamedTuple):
    """A cell paragraph whose value was deleted and inserted whole."""

    paragraph: etree._Element
    old: str
    new: str


def _size(rpr: etree._Element | None) -> float | None:
    sz = rpr.find(_w("sz")) if rpr is not None else None
    try:
        return int(sz.get(VAL)) / 2 if sz is not None else None
    except (TypeError, ValueError):
        return None


def _bold(rpr: etree._Element | None) -> bool | None:
    b = rpr.find(_w("b")) if rpr is not None else None
    return None if b is None else b.get(VAL, "1") not in ("0", "false", "off")


class _Styles:
    """The type size, weight and indentation a paragraph's text is set in: from the run, else its
    paragraph style and the styles that one is based on, else the document's defaults."""

    def __init__(self, xml: bytes | None) -> None:
        self.styles: dict[str, etree._Element] = {}
        self.default: str | None = None
        self.size, self.bold = DEFAULT_SIZE, False
        if not xml:
            return
        root = _parse(xml)
        for style in root.iter(_w("style")):
            if style.get(_w("type")) == "paragraph":
                self.styles[style.get(_w("styleId"), "")] = style
                if style.get(_w("default")) in ("1", "true", "on"):
                    self.default = style.get(_w("styleId"))
        defaults = root.find(f"{_w('docDefaults')}/{_w('rPrDefault')}/{RPR}")
        self.size = _size(defaults) or DEFAULT_SIZE
        self.bold = bool(_bold(defaults))

    def _chain(self, p: etree._Element) -> Iterator[etree._Element]:
        ref = p.find(f"{PPR}/{_w('pStyle')}")
        name = ref.get(VAL) if ref is not None else self.default
        seen: set[str] = set()
        while name and name not in seen and name in self.styles:
            seen.add(name)
            yield self.styles[name]
            based = self.styles[name].find(_w("basedOn"))
            name = based.get(VAL) if based is not None else None

    def font(self, p: etree._Element, rpr: etree._Element | None) -> tuple[float, bool]:
        """(points, bold) of a run with `rpr` in paragraph `p`."""
        size, bold = _size(rpr), _bold(rpr)
        for style in self._chain(p):
            size = size if size is not None else _size(style.find(RPR))
            bold = bold if bold is not None else _bold(style.find(RPR))
        return size or self.size, bool(self.bold if bold is None else bold)

    def indent(self, p: etree._Element) -> int:
        """Twips the paragraph's text is kept from the cell's edges (left, right, first line)."""
        ind = p.find(f"{PPR}/{_w('ind')}")
        for style in self._chain(p):
            if ind is not None:
                break
            ind = style.find(f"{PPR}/{_w('ind')}")
        if ind is None:
            return 0
        total = 0
        for names in (("left", "start"), ("right", "end"), ("firstLine",)):
            value = next((ind.get(_w(n)) for n in names if ind.get(_w(n)) is not None), "0")
            total += max(int(value) if value.lstrip("-").isdigit() else 0, 0)
        return total


def _margins(tc: etree._Element, tbl: etree._Element) -> int:
    """The cell's left and right margins in twips (its own, else the table's, else Word's default)."""
    total = 0
    for side in (("left", "start"), ("right", "end")):
        found = None
        for where in (tc.find(f"{TCPR}/{_w('tcMar')}"), tbl.find(f"{_w('tblPr')}/{_w('tblCellMar')}")):
            if where is None:
                continue
            found = next((el for el in (where.find(_w(n)) for n in side) if el is not None), None)
            if found is not None:
                break
        value = found.get(_w("w")) if found is not None else None
        total += int(value) if value is not None and value.isdigit() else DEFAULT_CELL_MARGIN
    return total


def _deleted_text(el: etree._Element) -> str:
    return "".join(t.text or "" for t in el.iter(DELTEXT))


def _shown_text(el: etree._Element) -> str:
    """The text a reader sees once the changes are accepted: unchanged and inserted runs alike."""
    return "".join(t.text or "" for t in el.iter(T))


def _width(units: Iterable[tuple[str, float, bool]]) -> float:
    """The widest of (text, points, bold) set on one line, in twips, with layout's safety margin."""
    return max((text_width(t, size, bold) for t, size, bold in units if t), default=0.0) * SAFETY


def _fit_columns(marker: _Redliner, styles: _Styles) -> None:
    """Widen the columns where a value replaced whole, or an old row copied in, would break.

    A column needs the width of the widest old or new value on one line; the room comes from the
    columns of the same table that have more than their own widest word needs (so nothing else
    breaks either), and only when they have too little does the table grow. The grid, every
    cell's width and the table's width are set alike. Forgets the marks it fitted.
    """
    needs: dict[etree._Element, dict[tuple[int, int], float]] = {}

    def need(tc: etree._Element, p: etree._Element, units: list[tuple[str, float, bool]]) -> None:
        tbl = next(tc.iterancestors(TBL), None)
        if tbl is None:
            return
        place = _place(tc)
        width = _width(units) + _margins(tc, tbl) + styles.indent(p)
        wanted = needs.setdefault(tbl, {})
        wanted[place] = max(wanted.get(place, 0.0), width)

    for value in marker.values:
        tc = next(value.paragraph.iterancestors(TC), None)
        if tc is None:
            continue
        gone = next(value.paragraph.iter(DEL), None)
        came = next(value.paragraph.iter(INS), None)
        units = []
        if gone is not None:
            units.append((value.old, *styles.font(value.paragraph, gone.find(f"{R}/{RPR}"))))
        if came is not None:
            run = next((r for r in came.iter(R) if _run_length(r)), None)
            units.append((value.new, *styles.font(value.paragraph, run.find(RPR) if run is not None else None)))
        need(tc, value.paragraph, units)
    for tr in marker.deleted_rows:
        for tc in _content(tr, (TC,)):
            for p in tc.iter(P):
                text = _deleted_text(p)
                rpr = next((r.find(RPR) for r in p.iter(R)), None)
                size, bold = styles.font(p, rpr)
                pieces = [text] if _is_value(text) else BREAKABLE.findall(text)
                need(tc, p, [(piece, size, bold) for piece in pieces])
    marker.values, marker.deleted_rows = [], []
    joined: dict[etree._Element, tuple[list[etree._Element], dict[tuple[int, int], float]]] = {}
    for tbl, wanted in needs.items():
        tables = _joined(tbl)
        merged = joined.setdefault(tables[0], (tables, {}))[1]
        for place, width in wanted.items():
            merged[place] = max(merged.get(place, 0.0), width)
    for tables, wanted in joined.values():
        _widen(tables, wanted, styles)


def _grid(tbl: etree._Element) -> list[str]:
    grid = tbl.find(_w("tblGrid"))
    return [c.get(_w("w"), "") for c in grid.findall(GRIDCOL)] if grid is not None else []


def _joined(tbl: etree._Element) -> list[etree._Element]:
    """The table with the tables right before and after it on the same grid: a table's last rows written
    as a table of their own (kept with what follows) read as one table, so their columns widen alike."""
    grid = _grid(tbl)
    first = tbl
    while (before := first.getprevious()) is not None and before.tag == TBL and _grid(before) == grid:
        first = before
    tables = [first]
    while (after := tables[-1].getnext()) is not None and after.tag == TBL and _grid(after) == grid:
        tables.append(after)
    return tables


def _place(tc: etree._Element) -> tuple[int, int]:
    """(first grid column, columns spanned) of a cell."""
    tr = tc.getparent()
    while tr is not None and tr.tag != TR:
        tr = tr.getparent()
    start = 0
    for cell in _content(tr, (TC,)) if tr is not None else ():
        if cell is tc:
            break
        start += _span(cell)
    return start, _span(tc)


def _widen(tables: list[etree._Element], wanted: dict[tuple[int, int], float], styles: _Styles) -> None:
    """Widen the columns of `tables` (one table, or one and its tail on the same grid) to what is wanted."""
    grids = [t.find(_w("tblGrid")) for t in tables]
    cols = [g.findall(GRIDCOL) if g is not None else [] for g in grids]
    try:
        widths = [int(c.get(_w("w"))) for c in cols[0]]
    except (TypeError, ValueError):
        return
    deficit: dict[int, int] = {}
    for (start, span), width in wanted.items():
        if start + span > len(widths):
            continue
        short = round(width) - sum(widths[start:start + span])
        last = start + span - 1
        if short > 0:
            deficit[last] = max(deficit.get(last, 0), short)
    if not deficit:
        return
    # What each column's own widest word needs, its inserted words and the values fitted here
    # included: a column whose new value already fits has no room to spare below that value.
    floor = [0.0] * len(widths)
    for (start, span), width in wanted.items():
        if span == 1 and start < len(widths):
            floor[start] = max(floor[start], width)
    cells = [(tbl, tc, *_place(tc)) for tbl in tables for tr in _content(tbl, (TR,)) for tc in _content(tr, (TC,))]
    for tbl, tc, start, span in cells:
        if span != 1 or start >= len(widths):
            continue
        for p in tc.iter(P):
            rpr = next((r.find(RPR) for r in p.iter(R)), None)
            size, bold = styles.font(p, rpr)
            words = BREAKABLE.findall(_shown_text(p)) + BREAKABLE.findall(_deleted_text(p))
            floor[start] = max(floor[start], _width((w, size, bold) for w in words) + _margins(tc, tbl)
                               + styles.indent(p))
    spare = {i: max(0, w - round(floor[i])) for i, w in enumerate(widths) if i not in deficit}
    room, short = sum(spare.values()), sum(deficit.values())
    taken = min(room, short)
    for i, slack in spare.items():
        widths[i] -= slack * taken // room if room else 0
    for i, more in deficit.items():
        widths[i] += more
    for col, width in ((c, w) for grid in cols for c, w in zip(grid, widths, strict=True)):
        col.set(_w("w"), str(width))
    for _, tc, start, span in cells:
        tcw = tc.find(f"{TCPR}/{_w('tcW')}")
        if tcw is not None and tcw.get(_w("type"), "dxa") == "dxa":
            tcw.set(_w("w"), str(sum(widths[start:start + span])))
    for tbl in tables:
        tblw = tbl.find(f"{_w('tblPr')}/{_w('tblW')}")
        if tblw is not None and tblw.get(_w("type")) == "dxa":
            tblw.set(_w("w"), str(sum(widths)))


class _Chart(NamedTuple):
    """A chart of a document: its name (`Grafik 2`), its cached data, the paragraph that holds it."""

    name: str
    data: tuple[str, ...]
    paragraph: etree._Element | None


def _charts(root: etree._Element, parts: dict[str, bytes], part: str) -> list[_Chart]:
    """The charts drawn in `part`, in order, each with the values its chart part caches."""
    rels_name = posixpath.join(posixpath.dirname(part), "_rels", posixpath.basename(part) + ".rels")
    targets = {}
    if rels_name in parts:
        for rel in _parse(parts[rels_name]):
            targets[rel.get("Id")] = rel.get("Target", "")
    found = []
    for drawing in root.iter(_w("drawing")):
        chart = drawing.find(f".//{{{C_NS}}}chart")
        if chart is None:
            continue
        target = targets.get(chart.get(f"{{{R_NS}}}id"), "")
        name = posixpath.normpath(posixpath.join(posixpath.dirname(part), target)) if target else ""
        data = tuple(v.text or "" for v in _parse(parts[name]).iter(f"{{{C_NS}}}v")) if name in parts else ()
        docpr = drawing.find(f".//{{{NS['wp']}}}docPr")
        found.append(_Chart(docpr.get("name", "") if docpr is not None else "", data,
                            next(drawing.iterancestors(P), None)))
    return found


def _caption(p: etree._Element | None) -> etree._Element | None:
    """A chart's caption: the first paragraph with text after the chart's paragraph, else before it."""
    if p is None:
        return None
    for preceding in (False, True):
        for sibling in p.itersiblings(preceding=preceding):
            if sibling.tag == TBL:
                break
            if sibling.tag == P and _text(sibling).strip():
                return sibling
    return None


def _headed(root: etree._Element, lines: Sequence[str]) -> etree._Element:
    """A header part holding `lines` alone (the redline's heading), the first in bold, the others in red."""
    for child in list(root):
        root.remove(child)
    for k, line in enumerate(lines):
        p = etree.SubElement(root, P)
        etree.SubElement(etree.SubElement(p, PPR), _w("pStyle")).set(VAL, "Header")
        r = etree.SubElement(p, R)
        rpr = etree.SubElement(r, RPR)
        etree.SubElement(rpr, _w("b"))
        if k:
            etree.SubElement(rpr, _w("color")).set(VAL, "C00000")
        t = etree.SubElement(r, T)
        t.set(XML_SPACE, "preserve")
        t.text = line
    if not lines:
        etree.SubElement(root, P)
    return root


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
