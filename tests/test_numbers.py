"""Indonesian number parsing: what planners type, and what is refused."""

from decimal import Decimal

import pytest

from pipeline.inputs.numbers import NotANumber, parse_number


@pytest.mark.parametrize(
    ("raw", "fmt", "value", "percent"),
    [
        ("1.240.458", "General", Decimal(1240458), False),
        ("0,99", "General", Decimal("0.99"), False),
        ("97%", "General", Decimal(97), True),
        (" 12 ", "General", Decimal(12), False),
        ("1.240", "General", Decimal(1240), False),
        ("12,5 %", "General", Decimal("12.5"), True),
        ("0.99", "General", Decimal("0.99"), False),
        ("Rp 1.000", "General", Decimal(1000), False),
        ("(1.000)", "General", Decimal(-1000), False),
        ("-5", "General", Decimal(-5), False),
        ("1\u00a0240", "General", Decimal(1240), False),
        (1240458, "#,##0", Decimal(1240458), False),
        (1240458.0, "General", Decimal(1240458), False),
        (0.97, "0%", Decimal(97), True),
        (0.1 + 0.2, "General", Decimal("0.3"), False),
    ],
)
def test_parses_what_planners_type(raw, fmt, value, percent):
    parsed = parse_number(raw, fmt)
    assert (parsed.value, parsed.percent) == (value, percent)


@pytest.mark.parametrize("raw", [None, "", "-", " - ", "–", "nihil"])
def test_nil(raw):
    assert parse_number(raw) is None


@pytest.mark.parametrize("raw", ["seribu", "1,2,3", "12a", "1.2.3.4,5,6", True, "1.24.458"])
def test_refuses_non_numbers(raw):
    with pytest.raises(NotANumber):
        parse_number(raw)
