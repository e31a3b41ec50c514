"""Layout problems of a PDF, read from poppler's word boxes (`pdftotext -bbox-layout`).

A helper for tests and for looking at a built document by hand, not a test itself:

    from tests.layout import layout_problems
    for p in layout_problems(Path("output/RKT-2024-BKK-Kelas-II-Jambi.pdf")):
        print(p)

or `python -m tests.layout FILE.pdf ...` (exit code 1 when any problem is found).

`layout_problems(pdf, margin_cm=1.0, fill=0.4)` returns `LayoutProblem(page, kind, text, detail)`
items, pages 1-based as in a PDF viewer, sorted by page, of these kinds:

- `split-number`: a figure in Indonesian format (`1.240.458`, `0,99`, `97%`) or an RO/KRO code
  (`QAH.017`, `QAH.U07`) broken over lines of one table cell; `text` is the whole token. Two word
  boxes are the end of one line and the start of the next line of one cell when the second lies
  just below the first (its top within 1.35 line heights), they overlap horizontally and share an
  alignment (left edges, right edges or centres within 1.5 pt). Such a pair is a split only when
  the text proves it, since stacked table rows look the same: the concatenation is a complete
  token and the first part is an unfinished number (`10.420.43`, `2.450.`, `3.20`, `0,`) or code
  (`QAH.U0`, `QAH.`, `QAH` + `.U07`), or the second part begins with `.`, `,` or `%`. Two whole
  numbers (`202` + `4`) count only when they make a year 1900-2099, lie closer than one line height,
  have nothing right beside them, and either the second line holds nothing but other split years
  (a wrapped header row: `202 202` / `4 5`) or it does not begin where the first line begins (a
  new table row begins at the row's first cell). Fragments chain: `2.45` / `0.00` / `0` is one
  problem. Known misses: a decimal split after a whole part (`0,9` + `9`); digits that do not make
  a year (`12` + `4`), or a year split one character per line; a split year in a table's first
  column. Known false positive: a cell beginning with `%`, `.` or `,` right under a number.
- `outside-margin`: a word whose box reaches more than 0.5 pt into the `margin_cm` band along any
  page edge (default 1 cm = 28.35 pt), one problem per word. pdftotext drops characters beyond the
  page edge, so a cut word shows as its visible part (`sehatan` for `S2 Kesehatan`), and a column
  wholly off the page is not seen at all (its neighbours are).
- `near-empty-page`: a page whose content ends above `fill` (default 40%) of its height at a
  wasteful break: (1) the next page does not begin with a heading, so what follows was pushed over
  (a table that did not fit), or (2) the page itself does not begin with a heading and continues
  from a previous page that left at least 15% of its height empty (a table's last row carried over
  alone, as Lampiran 2 of the shipped edition). Content excludes page numbers and running header or
  footer lines (repeated on half the pages in the top 8% or bottom 15%: the DRAF mark). A heading is
  a first line set 15% larger than the page's text, all in capitals, or beginning with BAB,
  LAMPIRAN, Lampiran N, Tabel N, Grafik N, Bagan N, KATA, DAFTAR or a list number (`1.`, `a.`); a
  page of at most 3 words or all in capitals is a cover or divider and never counts, nor does the
  first page. Conservative by design: a chapter that ends on a short page is fine, and so is a short
  continuation after a full page. Charts are pictures: only their text labels count as content.

- `split-word`: a word broken inside over two lines of one text block (a table cell, a paragraph):
  the last word of a line and the first word of the next line of the same pdftotext block join into a
  word of the document's own text (`vocabulary`: the words of the text twin beside the PDF, else of the
  PDF) while they are not both words of it (`pelabuhan/bandara/linta` + `s`). A line ending in `/` or `-`
  breaks where a break is allowed and never counts.
- `split-name`: a unit of an office's name parted by a line break: a line of a block ending in `Kelas`,
  or a signature's title line (beginning `Kepala`, `Plt.`, `Plh.`) ending in `Kelas II`, with the block
  going on (`Kepala ... Kesehatan Kelas II` / `Jambi`).
- `lone-signature`: a page whose content is nothing but a signature block (at most 6 lines, one of them
  beginning with `NIP`): the rows or paragraph it signs went onto the page before.

- `clipped-header`: a table's header row shown on a page without all of its words (a repeated header
  row too low for its text, LibreOffice cutting `INDIKATOR KINERJA KEGIATAN` off): the page's first line
  of content is made of the words of a table's top header row (the row above `|---|` in the text twin
  beside the PDF), the text within 4 cm below it holds at least half of that row's words, and some of
  them are missing or show no ink on the rendered page (a cell's clip hides text that pdftotext still
  reads); `text` lists them. With no twin the check is skipped. Known miss: a cut-off word that is also
  printed in full within the 4 cm (`2024` of `Target PK 2024` above a signature dated 2024).

`words(pdf)` gives the parsed pages (`Page` with width, height and `Word` boxes in points from the
top left) for other checks; `parse_bbox(html)` parses saved `-bbox-layout` or `-bbox` output and
`problems_of(pages)` checks parsed pages. pdftotext (poppler-utils) must be installed.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

CM = 72 / 2.54  # points per centimetre
XHTML = "{http://www.w3.org/1999/xhtml}"

# Complete tokens of the two kinds, and the prefixes a line break can leave of them.
NUMBER = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?%?|\d+(?:,\d+)?%?")
CODE = re.compile(r"[A-Z]{3}\.[A-Z0-9]{3}")
NUMBER_PREFIX = re.compile(r"\d{1,3}(?:\.\d{3})*(?:\.\d{0,2}|,\d*)?|\d+,\d*")
CODE_PREFIX = re.compile(r"[A-Z]{1,3}|[A-Z]{3}\.[A-Z0-9]{0,2}")
CONTINUATION = re.compile(r"[.,%]")  # a second fragment that cannot begin a token of its own
YEAR = re.compile(r"(?:19|20)\d\d")

LINE_REACH = 1.35  # next line: its top within this many line heights below the first line's top
TIGHT_PITCH = 0.97  # lines of one paragraph are closer than this many line heights
ALIGN = 1.5  # points: left edges, right edges or centres this close share an alignment
NEIGHBOUR = 0.34  # a word closer than this many line heights beside a fragment continues its line
DIVIDER_WORDS = 3
TOLERANCE = 0.5  # points: a word this close to the margin line is on it (header marks sit at 1 cm)
SLACK = 0.15  # a previous page with this much of its height unused could have held more
HEADING = re.compile(r"^(?:BAB\b|LAMPIRAN\b|Lampiran\s+\d|Tabel\s+\d|Grafik\s+\d|Bagan\s+\d|KATA\b|DAFTAR\b|"
                     r"(?:\d{1,2}|[a-zA-Z])[.)]\s)")
PAGE_NUMBER = re.compile(r"^(?:\d{1,4}|[ivxlcdm]{1,6}|-\s*\d+\s*-)$", re.IGNORECASE)


@dataclass(frozen=True)
class LayoutProblem:
    """One layout defect: its page (1-based), kind, the text concerned and where/why in words."""

    page: int
    kind: str
    text: str
    detail: str

    def __str__(self) -> str:
        return f"p{self.page} {self.kind}: {self.text!r} ({self.detail})"


@dataclass(frozen=True)
class Word:
    """A word box in points from the page's top left; `line` and `block` number pdftotext's groups."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    line: int
    block: int

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass(frozen=True)
class Page:
    number: int
    width: float
    height: float
    words: tuple[Word, ...]

    def lines(self) -> list[list[Word]]:
        """The words grouped by pdftotext's lines, in reading order."""
        grouped: dict[int, list[Word]] = {}
        for w in self.words:
            grouped.setdefault(w.line, []).append(w)
        return list(grouped.values())


def _bbox_html(pdf: Path) -> str:
    exe = shutil.which("pdftotext")
    if exe is None:
        raise RuntimeError("pdftotext (poppler-utils) is not installed")
    with tempfile.TemporaryDirectory(prefix="rkt-layout-") as tmp:
        out = Path(tmp) / "words.html"
        subprocess.run([exe, "-bbox-layout", str(pdf), str(out)], check=True, capture_output=True, timeout=300)
        return out.read_text(encoding="utf-8")


def parse_bbox(html: str) -> list[Page]:
    """The pages of a `pdftotext -bbox-layout` (or `-bbox`) XHTML document."""
    root = ET.fromstring(html)
    pages = []
    line_no = block_no = 0
    for n, page in enumerate(root.iter(f"{XHTML}page"), start=1):
        found: list[Word] = []
        blocks = list(page.iter(f"{XHTML}block"))
        if not blocks:  # -bbox output: words straight under the page; each word its own line
            blocks = [page]
        for block in blocks:
            block_no += 1
            lines = list(block.iter(f"{XHTML}line")) or [block]
            for line in lines:
                line_no += 1
                for w in line.iter(f"{XHTML}word"):
                    text = (w.text or "").strip()
                    if text:
                        found.append(Word(text, float(w.get("xMin")), float(w.get("yMin")), float(w.get("xMax")),
                                          float(w.get("yMax")), line_no if lines != [block] else -1, block_no))
        if found and found[0].line == -1:  # -bbox: make lines from shared baselines
            found = _lines_from_boxes(found)
        pages.append(Page(n, float(page.get("width")), float(page.get("height")), tuple(found)))
    return pages


def _lines_from_boxes(found: list[Word]) -> list[Word]:
    out, line_no, last = [], 0, None
    for w in sorted(found, key=lambda w: (round(w.y1, 1), w.x0)):
        if last is None or abs(w.y1 - last.y1) > 0.2 * w.height or w.x0 < last.x0:
            line_no += 1
        out.append(Word(w.text, w.x0, w.y0, w.x1, w.y1, line_no, w.block))
        last = w
    return out


def words(pdf: Path) -> list[Page]:
    """Every page of `pdf` with its size and word boxes (points, origin top left)."""
    return parse_bbox(_bbox_html(Path(pdf)))


# --- split-number ----------------------------------------------------------------------------------

def _same_line(a: Word, b: Word) -> bool:
    return abs(a.y1 - b.y1) < 0.3 * min(a.height, b.height)


def _aligned(a: Word, b: Word) -> bool:
    return abs(a.x0 - b.x0) <= ALIGN or abs(a.x1 - b.x1) <= ALIGN or abs(a.centre - b.centre) <= ALIGN


class _Index:
    """Words of a page bucketed by vertical position, for neighbour queries."""

    def __init__(self, page: Page) -> None:
        self.words = page.words
        self.rows: dict[int, list[Word]] = {}
        for w in page.words:
            self.rows.setdefault(int(w.y0 // 10), []).append(w)

    def near(self, y0: float, y1: float) -> list[Word]:
        found = []
        for key in range(int(y0 // 10) - 1, int(y1 // 10) + 2):
            found.extend(w for w in self.rows.get(key, ()) if w.y1 > y0 and w.y0 < y1)
        return found

    def beside(self, w: Word, side: int) -> bool:
        """A word on w's line closer than NEIGHBOUR line heights to its right (side 1) or left (side -1)."""
        reach = NEIGHBOUR * w.height
        for o in self.near(w.y0, w.y1):
            if o is w or not _same_line(o, w):
                continue
            gap = o.x0 - w.x1 if side > 0 else w.x0 - o.x1
            if -0.5 <= gap < reach:
                return True
        return False

    def below(self, w: Word) -> Word | None:
        """The word starting the next line of w's cell, if any (see the module docstring)."""
        return self._next(w, 1)

    def above(self, w: Word) -> Word | None:
        """The word ending the previous line of w's cell, if any."""
        return self._next(w, -1)

    def _next(self, w: Word, direction: int) -> Word | None:
        best, reach = None, LINE_REACH * w.height
        low, high = (w.y0 + 0.3 * w.height, w.y0 + reach) if direction > 0 else (w.y0 - reach, w.y0)
        for o in self.near(low, high + w.height):
            if o is w or abs(o.height - w.height) > 0.25 * w.height:
                continue
            dy = (o.y0 - w.y0) * direction
            if not 0.3 * w.height < dy <= reach:
                continue
            if min(o.x1, w.x1) - max(o.x0, w.x0) <= 0 or not _aligned(w, o):
                continue
            if best is None or dy < (best.y0 - w.y0) * direction:
                best = o
        return best

    def line_of(self, w: Word) -> list[Word]:
        """The other words on w's visual line, anywhere across the page."""
        return [o for o in self.near(w.y0, w.y1) if o is not w and _same_line(o, w)]


def _is_complete(text: str) -> bool:
    return bool(NUMBER.fullmatch(text) or CODE.fullmatch(text))


def _is_prefix(text: str) -> bool:
    return bool(NUMBER_PREFIX.fullmatch(text) or CODE_PREFIX.fullmatch(text))


def _split_start(first: Word, second: Word, index: _Index) -> bool:
    """Whether `first` + `second` (the next line's first word) is surely one token broken in two.

    The text itself is the evidence when the first part is unfinished or the second cannot begin
    a token; two whole numbers count only as a year, in a tight pair with nothing beside it.
    """
    a, b = first.text, second.text
    joined = a + b
    if not (_is_complete(joined) or _is_prefix(joined)):
        return False
    if CODE.fullmatch(a) or CODE.fullmatch(b):  # a whole code beside anything: two rows
        return False
    if any(c.isalpha() for c in joined):  # `QAH.U0` + `7`, `QAH.` + `017`, `QA` + `H.017`
        return "." in joined
    if not NUMBER.fullmatch(a):  # `10.420.43`, `2.450.`, `3.20`, `0,`
        return True
    if CONTINUATION.match(b):  # `97` + `%`, `2.450` + `.000`
        return True
    if not _year_split(first, second, index):
        return False
    # A table row under a row holds other cells on its line and begins where the row above began;
    # a wrapped header cell's second line holds only the tails of wrapped neighbours (`202 202` / `4 5`).
    alone = all((u := index.above(o)) is not None and _year_split(u, o, index, strict=False)
                for o in index.line_of(second))
    return alone or not _starts_row(first, second, index)


def _starts_row(first: Word, second: Word, index: _Index) -> bool:
    """Whether the second word's line begins at or left of where the first word's line begins."""
    left1 = min(w.x0 for w in [first, *index.line_of(first)])
    left2 = min(w.x0 for w in [second, *index.line_of(second)])
    return left2 <= left1 + first.height


def _year_split(first: Word, second: Word, index: _Index, strict: bool = True) -> bool:
    """`202` over `4`, as close as the lines of one paragraph; `strict`: nothing right beside either part."""
    a, b = first.text, second.text
    if not (a.isdigit() and b.isdigit() and 2 <= len(a) <= 3 and YEAR.fullmatch(a + b)):
        return False
    tight = second.y0 - first.y0 < TIGHT_PITCH * first.height
    return tight and not (strict and (index.beside(first, 1) or index.beside(second, -1)))


def _joined(chain: list[Word]) -> str:
    return "".join(w.text for w in chain)


def _split_numbers(page: Page, index: _Index) -> list[LayoutProblem]:
    problems, used = [], set()
    for w in page.words:
        if id(w) in used or not (_is_prefix(w.text) or _is_complete(w.text)):
            continue
        nxt = index.below(w)
        if nxt is None or not _split_start(w, nxt, index):
            continue
        chain = [w, nxt]
        while not _is_complete(_joined(chain)) and len(chain) < 4:  # `10.42` / `0.43` / `5`
            more = index.below(chain[-1])
            if more is None or not (_is_complete(_joined(chain) + more.text) or _is_prefix(_joined(chain) + more.text)):
                break
            chain.append(more)
        if not _is_complete(_joined(chain)):
            continue
        while len(chain) < 4:  # `10` / `0` / `%`: the chain found from `0` began a line higher
            up = index.above(chain[0])
            wider = up is not None and up.x1 - up.x0 > chain[0].x1 - chain[0].x0 + 0.2 * up.height
            if (up is None or id(up) in used or not wider or up.y0 < chain[0].y0 - TIGHT_PITCH * up.height
                    or not _is_complete(up.text + _joined(chain))):
                break
            chain.insert(0, up)
        token = _joined(chain)
        used.update(id(x) for x in chain)
        kind = "code" if CODE.fullmatch(token) else "number"
        problems.append(LayoutProblem(page.number, "split-number", token,
                                      f"{kind} broken over {len(chain)} lines: {' / '.join(x.text for x in chain)} "
                                      f"(x {chain[0].x0:.0f}-{chain[0].x1:.0f} pt, y {chain[0].y0:.0f} pt)"))
    return problems


# --- split-word, split-name -----------------------------------------------------------------------

NAME_END = re.compile(r"^Kelas(?: [IVX]+)?$")
TITLE = re.compile(r"^(?:Kepala|Plt\.|Plh\.)$")
SIGNATURE_LINES = 6


def vocabulary_of(pdf: Path, pages: list[Page]) -> set[str]:
    """The words of the document's own text: its twin (`.md` beside the PDF) if there is one, else the PDF's."""
    twin = Path(pdf).with_suffix(".md")
    text = twin.read_text(encoding="utf-8") if twin.exists() else " ".join(w.text for p in pages for w in p.words)
    found = set(text.replace("\u200b", "").replace("\\|", " ").split())
    return found | {w.strip(PUNCTUATION) for w in found}


PUNCTUATION = ".,;:()\"'"


def _block_lines(page: Page) -> list[tuple[list[Word], list[Word]]]:
    """Each pair of consecutive lines of one pdftotext block (a cell's or a paragraph's lines)."""
    lines: dict[tuple[int, int], list[Word]] = {}
    for w in page.words:
        lines.setdefault((w.block, w.line), []).append(w)
    keys = sorted(lines)
    return [(lines[a], lines[b]) for a, b in zip(keys, keys[1:], strict=False) if a[0] == b[0]]


def _split_words(page: Page, vocabulary: set[str]) -> list[LayoutProblem]:
    problems = []
    for first, second in _block_lines(page):
        a, b = first[-1], second[0]
        if a.text.endswith(("/", "-")) or not _same_column(a, b, first, second):
            continue
        joined = (a.text + b.text).strip(PUNCTUATION)
        if joined in vocabulary and not (a.text.strip(PUNCTUATION) in vocabulary
                                         and b.text.strip(PUNCTUATION) in vocabulary):
            problems.append(LayoutProblem(page.number, "split-word", joined,
                                          f"broken over lines: {a.text} / {b.text} (x {a.x0:.0f} pt, y {a.y0:.0f} pt)"))
    for first, second in _block_lines(page):
        tail = " ".join(w.text for w in first[-2:])
        end = next((t for t in (tail, first[-1].text) if NAME_END.match(t)), None)
        if end and end != "Kelas" and not TITLE.match(first[0].text):
            continue  # running text may go on to the place on the next line; a signature's title may not
        if end and _same_column(first[-1], second[0], first, second):
            problems.append(LayoutProblem(page.number, "split-name", f"{end} {second[0].text}",
                                          f"a name parted after {end!r} (y {first[-1].y0:.0f} pt)"))
    return problems


def _same_column(a: Word, b: Word, first: list[Word], second: list[Word]) -> bool:
    """`b` begins the line right below `a`'s line, and both lines start within a line height of each other."""
    below = 0.3 * a.height < b.y0 - a.y0 <= LINE_REACH * a.height
    return below and abs(first[0].x0 - second[0].x0) <= a.height * 2


# --- lone-signature --------------------------------------------------------------------------------

def _lone_signatures(pages: list[Page]) -> list[LayoutProblem]:
    running = running_lines(pages)
    problems = []
    for page in pages[1:]:
        lines = _visual_lines_of(content_words(page, running))
        if 0 < len(lines) <= SIGNATURE_LINES and any(line[0].text == "NIP" for line in lines):
            problems.append(LayoutProblem(page.number, "lone-signature", " ".join(w.text for w in lines[0]),
                                          f"the page holds only a signature block of {len(lines)} lines"))
    return problems


def _visual_lines_of(content: list[Word]) -> list[list[Word]]:
    lines: list[list[Word]] = []
    for w in sorted(content, key=lambda w: (w.y1, w.x0)):
        if lines and _same_line(lines[-1][0], w):
            lines[-1].append(w)
        else:
            lines.append([w])
    return lines


# --- clipped-header --------------------------------------------------------------------------------

HEADER_BAND = 4 * CM  # a table's header rows lie within this far below its first line
_TOKEN = re.compile(r"\w+")


def _tokens(text: str) -> set[str]:
    return {t.lower() for t in _TOKEN.findall(text.replace("\u200b", ""))}


def table_headers(twin: str) -> list[frozenset[str]]:
    """The words of each table's top header row in a text twin: the row above its `|---|` line."""
    lines = twin.splitlines()
    found = [frozenset(_tokens(above)) for above, line in zip(lines, lines[1:], strict=False)
             if line.startswith("|---") and above.startswith("|")]
    return [h for h in found if len(h) >= 2]


def _inked(pdf: Path) -> Callable[[Page, Word], bool]:
    """Whether a word of `pdf` shows any ink on its rendered page: text cut off by a cell's clip is in the
    PDF's text (pdftotext reads it) but not on the page. Each page is rendered once, at 72 dpi in grey."""
    exe = shutil.which("pdftoppm")
    if exe is None:
        raise RuntimeError("pdftoppm (poppler-utils) is not installed")
    rendered: dict[int, tuple[int, int, bytes]] = {}

    def render(number: int) -> tuple[int, int, bytes]:
        with tempfile.TemporaryDirectory(prefix="rkt-layout-") as tmp:
            subprocess.run([exe, "-gray", "-r", "72", "-f", str(number), "-l", str(number), str(pdf),
                            str(Path(tmp) / "page")], check=True, capture_output=True, timeout=300)
            data = next(Path(tmp).glob("page*.pgm")).read_bytes()
        magic, width, height, depth, pixels = data.split(maxsplit=4)
        assert magic == b"P5" and depth == b"255"
        return int(width), int(height), pixels

    def inked(page: Page, word: Word) -> bool:
        if page.number not in rendered:
            rendered[page.number] = render(page.number)
        width, height, pixels = rendered[page.number]
        scale = width / page.width
        xs = range(max(0, int(word.x0 * scale)), min(width, int(word.x1 * scale) + 1))
        ys = range(max(0, int(word.y0 * scale)), min(height, int(word.y1 * scale) + 1))
        dark = {(x, y) for y in ys for x in xs if pixels[y * width + x] < 128}
        # a table's rules crossing the box are not the word's ink: rows or columns dark from end to end
        rules_y = {y for y in ys if all((x, y) in dark for x in xs)}
        rules_x = {x for x in xs if all((x, y) in dark for y in ys)}
        return any(x not in rules_x and y not in rules_y for x, y in dark)

    return inked


def _clipped_headers(pages: list[Page], headers: list[frozenset[str]],
                     inked: Callable[[Page, Word], bool] | None = None) -> list[LayoutProblem]:
    """Pages opening with a table's header row whose words are not all there (see the module docstring)."""
    running = running_lines(pages)
    problems = []
    for page in pages:
        content = content_words(page, running)
        top = _top_line(content)
        first = _tokens(" ".join(w.text for w in top))
        shown = [w for w in content if w.y0 < top[0].y0 + HEADER_BAND] if first else []
        printed = _tokens(" ".join(w.text for w in shown))
        opened = [h for h in headers if first <= h and len(h & printed) * 2 >= len(h)]
        if not opened:
            continue
        if inked is not None:
            shown = [w for w in shown if not _tokens(w.text) & opened[0] or inked(page, w)]
        band = _tokens(" ".join(w.text for w in shown))
        if any(h <= band for h in opened):
            continue
        header = max(opened, key=lambda h: len(h & band) / len(h))
        missing = sorted(header - band)
        problems.append(LayoutProblem(page.number, "clipped-header", " ".join(missing),
                                      f"the header row opening the page lacks {len(missing)} of its "
                                      f"{len(header)} words"))
    return problems


# --- outside-margin --------------------------------------------------------------------------------

def _outside(page: Page, margin: float) -> list[LayoutProblem]:
    problems = []
    for w in page.words:
        over = {"left": margin - w.x0, "right": w.x1 - (page.width - margin), "top": margin - w.y0,
                "bottom": w.y1 - (page.height - margin)}
        beyond = [f"{edge} {by:.1f} pt" for edge, by in over.items() if by > TOLERANCE]
        if beyond:
            problems.append(LayoutProblem(page.number, "outside-margin", w.text,
                                          f"beyond the {margin / CM:.1f} cm margin: {', '.join(beyond)} "
                                          f"(x {w.x0:.0f}-{w.x1:.0f}, y {w.y0:.0f}-{w.y1:.0f} pt)"))
    return problems


# --- near-empty-page -------------------------------------------------------------------------------

def _visual_lines(page: Page) -> list[list[Word]]:
    """The page's words grouped into lines by shared baseline across the whole page width, top to bottom."""
    lines: list[list[Word]] = []
    for w in sorted(page.words, key=lambda w: (w.y1, w.x0)):
        if lines and _same_line(lines[-1][0], w):
            lines[-1].append(w)
        else:
            lines.append([w])
    return [sorted(line, key=lambda w: w.x0) for line in lines]


def _in_margin_band(line: list[Word], page: Page) -> bool:
    return min(w.y0 for w in line) > 0.85 * page.height or max(w.y1 for w in line) < 0.08 * page.height


def _shape(line: list[Word]) -> str:
    return re.sub(r"\d+", "#", " ".join(w.text for w in line))


def running_lines(pages: list[Page]) -> set[str]:
    """Header and footer lines repeated on most pages (a DRAF mark, a running title), digits as `#`."""
    seen: dict[str, int] = {}
    for page in pages:
        for shape in {_shape(line) for line in _visual_lines(page) if _in_margin_band(line, page)}:
            seen[shape] = seen.get(shape, 0) + 1
    return {shape for shape, n in seen.items() if n >= max(3, len(pages) // 2)}


def content_words(page: Page, running: set[str] | frozenset[str] = frozenset()) -> list[Word]:
    """The page's words without its page number and running header or footer.

    Dropped: lines in the top 8% or bottom 15% of the page that are a page number alone (`7`, `iii`)
    or whose text (digits as `#`) is in `running` (see `running_lines`).
    """
    dropped: set[int] = set()
    for line in _visual_lines(page):
        if not _in_margin_band(line, page):
            continue
        text = " ".join(w.text for w in line)
        if PAGE_NUMBER.match(text) or _shape(line) in running:
            dropped.update(id(w) for w in line)
    return [w for w in page.words if id(w) not in dropped]


def _top_line(content: list[Word]) -> list[Word]:
    if not content:
        return []
    top = min(content, key=lambda w: (w.y0, w.x0))
    return sorted((w for w in content if _same_line(w, top)), key=lambda w: w.x0)


def first_line(page: Page, running: set[str] | frozenset[str] = frozenset()) -> str:
    """The text of the page's topmost line of content, left to right."""
    return " ".join(w.text for w in _top_line(content_words(page, running)))


def starts_part(page: Page, running: set[str] | frozenset[str] = frozenset()) -> bool:
    """Whether the page begins with a heading: by its words (`is_heading`) or set larger than the page's text."""
    content = content_words(page, running)
    line = _top_line(content)
    if not line:
        return False
    heights = sorted(w.height for w in content)
    larger = min(w.height for w in line) >= 1.15 * heights[len(heights) // 2]
    return larger or is_heading(" ".join(w.text for w in line))


def _capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def is_heading(text: str) -> bool:
    """A line that starts a new part: all capitals, or BAB/LAMPIRAN/Lampiran N/Tabel N/a section number."""
    return _capitals(text) or bool(HEADING.match(text.strip()))


def _bottom(page: Page, content: list[Word]) -> float | None:
    """Where the page's content ends, as a fraction of its height; None for a cover or divider page."""
    if len(content) <= DIVIDER_WORDS or _capitals(" ".join(w.text for w in content)):
        return None  # a divider such as LAMPIRAN, or a page of nothing but a title
    return max(w.y1 for w in content) / page.height


def _near_empty(pages: list[Page], fill: float) -> list[LayoutProblem]:
    """Short pages at a wasteful break (see the module docstring): before a continuation, or a continuation itself."""
    running = running_lines(pages)
    contents = [content_words(p, running) for p in pages]
    bottoms = [_bottom(p, c) for p, c in zip(pages, contents, strict=True)]
    # How low content reaches on a full page of each size: the document's own printable bottom.
    full: dict[tuple[int, int], float] = {}
    for page, bottom in zip(pages, bottoms, strict=True):
        if bottom is not None:
            size = (round(page.width), round(page.height))
            full[size] = max(full.get(size, 0.0), bottom)
    problems = []
    for i, page in enumerate(pages):
        bottom = bottoms[i]
        if i == 0 or bottom is None or bottom >= fill:
            continue
        nxt = pages[i + 1] if i + 1 < len(pages) else None
        following = first_line(nxt, running) if nxt else ""
        before = bottoms[i - 1]
        room = full[(round(pages[i - 1].width), round(pages[i - 1].height))] - before if before is not None else 0
        if nxt and following and not starts_part(nxt, running):
            why = f"the next page continues with {following[:50]!r}"
        elif not starts_part(page, running) and room >= SLACK:
            why = (f"it continues {first_line(page, running)[:50]!r} from page {page.number - 1}, which left "
                   f"{room:.0%} of its height empty")
        else:
            continue
        tail = " ".join(w.text for w in contents[i][-6:])
        problems.append(LayoutProblem(page.number, "near-empty-page", tail,
                                      f"content ends at {bottom:.0%} of the page height; {why}"))
    return problems


def problems_of(pages: list[Page], margin_cm: float = 1.0, fill: float = 0.4,
                vocabulary: set[str] | None = None, headers: list[frozenset[str]] = (),
                inked: Callable[[Page, Word], bool] | None = None) -> list[LayoutProblem]:
    """The layout problems of parsed pages, by page, then kind; split words only with a `vocabulary`,
    clipped header rows only with the tables' `headers` (`table_headers`), words cut off by a clip
    only with `inked` (a word shows ink on its rendered page)."""
    margin = margin_cm * CM
    found = []
    for page in pages:
        index = _Index(page)
        found.extend(_split_numbers(page, index))
        if vocabulary is not None:
            found.extend(_split_words(page, vocabulary))
        found.extend(_outside(page, margin))
    found.extend(_near_empty(pages, fill))
    found.extend(_lone_signatures(pages))
    found.extend(_clipped_headers(pages, list(headers), inked))
    order = {"split-number": 0, "split-word": 1, "split-name": 2, "outside-margin": 3, "near-empty-page": 4,
             "lone-signature": 5, "clipped-header": 6}
    return sorted(found, key=lambda p: (p.page, order[p.kind]))


def layout_problems(pdf: Path, margin_cm: float = 1.0, fill: float = 0.4) -> list[LayoutProblem]:
    """Every split number, code, word or name, word beyond the margin, near-empty page, lone signature and
    clipped header row of `pdf`."""
    pages = words(pdf)
    twin = Path(pdf).with_suffix(".md")
    headers = table_headers(twin.read_text(encoding="utf-8")) if twin.exists() else []
    return problems_of(pages, margin_cm, fill, vocabulary_of(pdf, pages), headers, _inked(Path(pdf)))


def main(argv: list[str] | None = None) -> int:
    import sys

    args = sys.argv[1:] if argv is None else argv
    total = 0
    for name in args:
        found = layout_problems(Path(name))
        total += len(found)
        for p in found:
            print(f"{name}: {p}")
    return 1 if total else 0


if __name__ == "__main__":
    raise SystemExit(main())
