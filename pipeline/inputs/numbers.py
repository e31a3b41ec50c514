"""Parse numbers the way Indonesian planners type them: `1.240.458`, `0,99`, `97%`, `-`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

NIL_TEXT = {"", "-", "–", "—", "--", "nihil"}
_GROUPED = re.compile(r"^\d{1,3}(\.\d{3})+$")
_PLAIN = re.compile(r"^\d+$")
_INDONESIAN = re.compile(r"^\d{1,3}(\.\d{3})*(,\d+)?$|^\d+(,\d+)?$")
_DOT_DECIMAL = re.compile(r"^\d+\.\d+$")
# Excel keeps 15 significant digits; a longer whole number typed as a number is already damaged.
MAX_EXACT = 10**15


class NotANumber(ValueError):
    """The text is neither a number nor nil."""


class TooLarge(NotANumber):
    """A number no plan can hold: 10^15 or more (Excel keeps only 15 digits of it anyway)."""


@dataclass(frozen=True)
class Number:
    """A parsed number; `percent` is true when it was typed or formatted as a percentage.

    `places` is how many decimals the planner gave it (`95,50%` has 2; a cell formatted `0.00%`
    too), so it prints as typed; None when nothing says (a General cell, a whole number).
    """

    value: Decimal
    percent: bool = False
    places: int | None = None


def parse_number(raw: object, number_format: str = "General") -> Number | None:
    """A cell value as a Number, or None for nil (empty, `-`). Raises NotANumber otherwise.

    Text uses Indonesian conventions: `.` groups thousands and `,` is the decimal mark.
    A single `.` that is not a thousands group (`0.99`) is read as a decimal point, as
    typed on an English keyboard. A numeric cell with a percent format is scaled to 0-100.
    """
    number = _parse(raw, number_format)
    if number is not None and abs(number.value) >= MAX_EXACT:
        raise TooLarge(str(raw)[:40])
    if number is not None and number.places is None and not isinstance(raw, str):
        shown = _format_places(number_format)
        if shown:
            number = Number(number.value, number.percent, shown)
    return number


def _format_places(number_format: str) -> int | None:
    """The decimals a cell's number format shows: `0.00%` -> 2, `#,##0.0` -> 1, General -> None."""
    match = re.search(r"\.(0+)", number_format.split(";")[0])
    return len(match.group(1)) if match else None


def _parse(raw: object, number_format: str) -> Number | None:
    if raw is None:
        return None
    if isinstance(raw, bool):
        raise NotANumber(str(raw))
    if isinstance(raw, int):
        return Number(Decimal(raw) * (100 if "%" in number_format else 1), "%" in number_format)
    if isinstance(raw, float):
        if raw != raw or raw in (float("inf"), float("-inf")):
            raise NotANumber(str(raw))
        value = Decimal(repr(raw))
        if "%" in number_format:
            return Number(_tidy(value * 100), True)
        return Number(_tidy(value))
    if not isinstance(raw, str):
        raise NotANumber(str(raw))
    text = raw.replace("\u00a0", " ").strip()
    if text.lower() in NIL_TEXT:
        return None
    if len(text) > 40:  # no figure of a plan is this long; refuse before any arithmetic on it
        raise (TooLarge if re.fullmatch(r"[\d.,\s%()-]+", text) else NotANumber)(text[:40])
    percent = text.endswith("%")
    if percent:
        text = text[:-1].strip()
    if text.lower().startswith("rp"):
        text = text[2:].strip().lstrip(".").strip()
    negative = text.startswith("-") or (text.startswith("(") and text.endswith(")"))
    text = text.strip("()").lstrip("-").strip().replace(" ", "")
    if _GROUPED.match(text) or _PLAIN.match(text):
        value = Decimal(text.replace(".", ""))
    elif _INDONESIAN.match(text):
        value = Decimal(text.replace(".", "").replace(",", "."))
    elif _DOT_DECIMAL.match(text):
        value = Decimal(text)
    else:
        raise NotANumber(raw)
    places = len(text.rsplit(",", 1)[1]) if "," in text else len(text.rsplit(".", 1)[1]) if _DOT_DECIMAL.match(
        text) else None
    try:
        value = -value if negative else value
    except InvalidOperation as exc:  # pragma: no cover - Decimal of a matched pattern is valid
        raise NotANumber(raw) from exc
    return Number(_tidy(value), percent, places)


def _tidy(value: Decimal) -> Decimal:
    """Drop float noise and trailing zeros: 0.9900000000000001 -> 0.99, 12.0 -> 12."""
    if value == value.to_integral_value():
        return Decimal(int(value))
    return Decimal(format(value.quantize(Decimal("1e-9")).normalize(), "f"))


def excel_shown(value: object) -> str:
    """A cell's value as Excel's formula bar shows it: a number in at most 15 significant digits, never in
    Python's exponent form (`1.97909032005011e+17` -> `197909032005011000`, `0.30000000000000004` -> `0.3`).

    A whole number stored exactly (an `int`, as other tools write it) keeps all its digits.
    """
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, int):
        return str(value)
    if value != value or value in (float("inf"), float("-inf")):
        return str(value)
    shown = Decimal(f"{value:.15g}")
    if abs(shown) >= Decimal("1e21"):  # Excel too switches to its exponent form here
        return f"{value:.15g}".upper()
    text = format(shown, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def is_whole(value: Decimal) -> bool:
    return value == value.to_integral_value()
