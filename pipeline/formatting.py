"""Indonesian number, date and word formats for documents and messages (Babel, num2words)."""

from __future__ import annotations

from decimal import Decimal

from babel.numbers import format_decimal

from .schema import MONTHS

LOCALE = "id_ID"


def number(value: int | Decimal | None, nil: str = "-") -> str:
    """`1240458` -> `1.240.458`; `0.99` -> `0,99`; None or 0 -> `-`."""
    if value is None or value == 0:
        return nil
    return format_decimal(value, format="#,##0.##########", locale=LOCALE)


def plain(value: int | Decimal | None, nil: str = "-") -> str:
    """Like `number` but 0 is shown as `0` (counts, where zero is a value, not nil)."""
    if value is None:
        return nil
    return format_decimal(value, format="#,##0.##########", locale=LOCALE)


def percent(value: int | Decimal | None, nil: str = "-") -> str:
    """`97` -> `97%` (the value is already on the 0-100 scale)."""
    if value is None:
        return nil
    return f"{plain(value)}%"


def words(value: int) -> str:
    """`68` -> `enam puluh delapan`."""
    from num2words import num2words

    return num2words(int(value), lang="id")


def count_phrase(value: int, noun: str = "orang") -> str:
    """`68` -> `68 (enam puluh delapan) orang`."""
    return f"{plain(value)} ({words(value)}) {noun}"


def month_name(month: int) -> str:
    return MONTHS[month - 1]
