"""Indonesian number, date and word formats for documents and messages (Babel, num2words).

Every value the documents, the snapshot, the roll-up and the messages print goes through here, so
a target, a date or a month reads the same wherever it appears.
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING

from babel.numbers import format_currency, format_decimal, get_group_symbol

from pipeline.plan.vocabulary import MONTHS

if TYPE_CHECKING:
    from pipeline.plan.model import SignDate, Target

LOCALE = "id_ID"


@lru_cache(maxsize=1)
def _group() -> str:
    return get_group_symbol(LOCALE)


def number(value: int | Decimal | None, nil: str = "-") -> str:
    """`1240458` -> `1.240.458`; `0.99` -> `0,99`; None or 0 -> `-`."""
    if value is None or value == 0:
        return nil
    return plain(value, nil)


def plain(value: int | Decimal | None, nil: str = "-", places: int | None = None) -> str:
    """Like `number` but 0 is shown as `0` (counts, where zero is a value, not nil).

    `places` shows exactly that many decimals (`95,50`), as a planner typed them; otherwise
    only the decimals the value has. Whole numbers, nearly every figure of the document, take
    the locale's group symbol directly: Babel's pattern formatting cost more than the rest of
    the context together.
    """
    if value is None:
        return nil
    if places:
        return format_decimal(value, format="#,##0." + "0" * places, locale=LOCALE)
    if isinstance(value, int) or value == value.to_integral_value():
        return f"{int(value):,}".replace(",", _group())
    return format_decimal(value, format="#,##0.##########", locale=LOCALE)


def percent(value: int | Decimal | None, nil: str = "-", places: int | None = None) -> str:
    """`97` -> `97%` (the value is already on the 0-100 scale); `places` as in `plain`."""
    if value is None:
        return nil
    return f"{plain(value, places=places)}%"


def words(value: int) -> str:
    """`68` -> `enam puluh delapan`."""
    from num2words import num2words  # start-up: it loads every language; rkt check never spells a number

    return num2words(int(value), lang="id")


def rupiah(thousands: int) -> str:
    """An amount in thousands of rupiah in full: `14530796` -> `Rp14.530.796.000`."""
    return format_currency(int(thousands) * 1000, "IDR", format="\u00a4#,##0", locale=LOCALE, currency_digits=False)


def rupiah_words(thousands: int) -> str:
    """An amount in thousands of rupiah in words: `14530796` -> `empat belas miliar ... ribu rupiah`."""
    return f"{words(int(thousands) * 1000)} rupiah"


def count_phrase(value: int, noun: str = "orang") -> str:
    """`68` -> `68 (enam puluh delapan) orang`."""
    return f"{plain(value)} ({words(value)}) {noun}"


def month_name(month: int) -> str:
    """`1` -> `Januari`."""
    return MONTHS[month - 1]


def sign_date_text(date: SignDate) -> str:
    """`Januari 2024` or `2 Januari 2024`; empty when the date could not be read."""
    if not 1 <= date.month <= 12:
        return ""
    day = f"{date.day} " if date.day else ""
    return f"{day}{month_name(date.month)} {date.year}"


def target_text(target: Target | None, nil: str = "") -> str:
    """`0,99`, `97%`, `87`; `nil` when there is no target."""
    if target is None:
        return nil
    return percent(target.value, places=target.places) if target.percent else plain(target.value,
                                                                                     places=target.places)
