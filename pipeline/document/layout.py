"""Column widths computed from what each column holds, so any office's tables fit the page.

A figure or a code (`10.420.435`, `QAH.U07`, `2025`) must never break inside; text may wrap
between words, never inside one. Each column is measured with Arial's metrics (LibreOffice's
Liberation Sans has the same widths): a column that may not wrap is as wide as its widest text,
one that may wrap at least as wide as its widest word; what the page leaves over goes to the
wrapping columns in proportion to their text. Widths are in twips (1/20 pt), as Word stores them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

TWIPS_PER_CM = 567
LINE = 1.149  # a single line of Arial (Liberation Sans) is this many times its type size high
# Where a line may break in wrapping text: at spaces, after a hyphen, and after a slash between words
# (`breakable` puts a zero-width space there), so a word ends there. A count and the word it counts
# (`6 wilker`, `12 bulan`) are measured as one: a column is never so narrow that the count stands alone.
_WORD = re.compile(r"(?<!\S)\d+ [^\s\u200b\-]+|[^\s\u200b\-]+-?|-")
# A slash between words (`pelabuhan/bandara/PLBDN`), where a zero-width space lets the line break: Word and
# LibreOffice do not break after a slash by themselves. Never inside a grade (`III/c`) or a figure.
_SLASH = re.compile(r"(?<=[A-Za-z]{2}/)(?=[A-Za-z]{3})")
ZWSP = "\u200b"
SAFETY = 1.08  # a little room for rounding, kerning and the renderer's own measure

# Advance widths of Arial (= Helvetica, Liberation Sans) in 1/1000 em; others count as an `n`.
_REGULAR = {
    " ": 278, "!": 278, '"': 355, "#": 556, "$": 556, "%": 889, "&": 667, "'": 191, "(": 333, ")": 333,
    "\u200b": 0, "*": 389, "+": 584, ",": 278, "-": 333, ".": 278, "/": 278, ":": 278, ";": 278, "<": 584, "=": 584,
    ">": 584, "?": 556, "@": 1015, "[": 278, "\\": 278, "]": 278, "^": 469, "_": 556, "`": 333, "{": 334,
    "|": 260, "}": 334, "~": 584,
    **dict.fromkeys("0123456789", 556),
    "A": 667, "B": 667, "C": 722, "D": 722, "E": 667, "F": 611, "G": 778, "H": 722, "I": 278, "J": 500,
    "K": 667, "L": 556, "M": 833, "N": 722, "O": 778, "P": 667, "Q": 778, "R": 722, "S": 667, "T": 611,
    "U": 722, "V": 667, "W": 944, "X": 667, "Y": 667, "Z": 611,
    "a": 556, "b": 556, "c": 500, "d": 556, "e": 556, "f": 278, "g": 556, "h": 556, "i": 222, "j": 222,
    "k": 500, "l": 222, "m": 833, "n": 556, "o": 556, "p": 556, "q": 556, "r": 333, "s": 500, "t": 278,
    "u": 556, "v": 500, "w": 722, "x": 500, "y": 500, "z": 500,
}
_BOLD = {**_REGULAR, **dict.fromkeys("ABCDHKNRUV", 722), "G": 778, "J": 556, "L": 611, "M": 833,
         "b": 611, "d": 611, "f": 333, "g": 611, "h": 611, "i": 278, "j": 278, "k": 556, "l": 278, "n": 611,
         "o": 611, "p": 611, "q": 611, "r": 389, "t": 333, "u": 611, "v": 556, "w": 778, "x": 556, "y": 556,
         "z": 500, "%": 889, ":": 333, ";": 333, "(": 333, ")": 333}


def breakable(text: str) -> str:
    """`text` with a zero-width space after each slash between words, where the widths assume a line may break."""
    return _SLASH.sub(ZWSP, text) if "/" in text else text


def lines(text: str, width: float, size: float, bold: bool = False) -> int:
    """How many lines `text` takes in `width` twips at `size` points, wrapped where `breakable` allows."""
    count, used, space = 1, 0.0, text_width(" ", size, bold)
    for word in _WORD.findall(breakable(text)):
        need = text_width(word, size, bold) * SAFETY
        if used and used + space + need > width:
            count, used = count + 1, need
        else:
            used += (space if used else 0) + need
    return count


def text_width(text: str, size: float, bold: bool = False) -> float:
    """The width of `text` set in Arial at `size` points, in twips."""
    return _em(text, bold) * size * 20 / 1000


@lru_cache(maxsize=16384)
def _em(text: str, bold: bool) -> int:
    """The advance width of `text` in 1/1000 em: each table tries two type sizes, and most cells repeat."""
    table = _BOLD if bold else _REGULAR
    return sum(table.get(ch, 556) for ch in text)


@dataclass(frozen=True)
class Column:
    """What one column holds: its texts, the header words above it, whether its texts may wrap."""

    texts: Sequence[str]
    header: str = ""
    wrap: bool = False
    minimum: float = 0.0  # cm
    share: float = 1.0  # weight among the wrapping columns
    indent: float = 0.0  # cm the paragraph style indents the text by (a hanging `- ` list)


def _need(column: Column, size: float, margin: int) -> tuple[int, int]:
    """(smallest, wanted) width in twips: the widest word (or whole text) and the widest whole text."""
    def widest(items: Iterable[str], bold: bool) -> float:
        return max((text_width(t, size, bold) for t in items if t), default=0.0)

    texts = set(column.texts)  # each once: a merged column repeats its text on every row it spans
    header_words = _WORD.findall(breakable(column.header))
    words = {w for t in texts for w in _WORD.findall(breakable(t))} if column.wrap else texts
    least = max(widest(words, False), widest(header_words, True))
    want = max(least, widest(texts, False))
    floor = column.minimum * TWIPS_PER_CM
    pad = 2 * margin + column.indent * TWIPS_PER_CM
    return round(max(least * SAFETY + pad, floor)), round(max(want * SAFETY + pad, floor))


def fit(columns: Sequence[Column], width_cm: float, size: float, margin_cm: float = 0.1) -> list[int] | None:
    """Widths in twips adding up to the page width, or None when the columns cannot fit at all.

    Columns that may not wrap get what their widest text needs; the wrapping columns share the
    rest, each at least its widest word, the surplus in proportion to how much more its text wants.
    """
    total = round(width_cm * TWIPS_PER_CM)
    margin = round(margin_cm * TWIPS_PER_CM)
    needs = [_need(c, size, margin) for c in columns]
    fixed = sum(least if not c.wrap else 0 for c, (least, _) in zip(columns, needs, strict=True))
    flexible = [(i, least, want) for i, ((least, want), c) in enumerate(zip(needs, columns, strict=True)) if c.wrap]
    floor = fixed + sum(least for _, least, _ in flexible)
    if floor > total:
        return None
    widths = [least if not c.wrap else 0 for c, (least, _) in zip(columns, needs, strict=True)]
    room = total - floor
    weights = [(want - least + 1) * columns[i].share for i, least, want in flexible]
    spread = sum(weights) or 1
    for (i, least, _), weight in zip(flexible, weights, strict=True):
        widths[i] = least + int(room * weight / spread)
    if not flexible:  # nothing wraps: the columns widen in proportion to what they hold
        grow = total - fixed
        for i, w in enumerate(widths):
            widths[i] = w + grow * w // (fixed or 1)
    widths[max(range(len(widths)), key=lambda i: widths[i])] += total - sum(widths)
    return widths
