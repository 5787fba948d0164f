"""Numbers as the documents print them: 2,877.94, 2877.94, 28.39%, and OCR's "4, 461. 66".

Amounts are Decimals, never floats: a total is compared with its parts to the cent, and a printed
value with d decimals stands for the interval [v − ½·10^−d, v + ½·10^−d].
"""
from __future__ import annotations

from decimal import Decimal, InvalidOperation
from functools import lru_cache

import regex

from auditlint.model import decimal_places

# One printed amount: digits with optional thousands commas and decimals, or a bare integer.
AMOUNT_TOKEN = r"-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"

# Two or more amounts, separated by spaces, closing a line: how a table row reads when its
# extraction lost the column gaps ("201 一般公共服务支出 3,225.90 707.28 2,518.62").
NUMERIC_ROW_TAIL = regex.compile(rf"(?:^|\s){AMOUNT_TOKEN}(?:\s+{AMOUNT_TOKEN})+\s*$")

_DECORATION = regex.compile(r"</?u>|_+")
# OCR splits a number at its separators: "4, 461. 66", "1191. 58", "5456. 16".
_OCR_AMOUNT = regex.compile(r"^-?\d{1,3}(?:,\s?\d{3})*(?:\.\s?\d+)?$|^-?\d+(?:\.\s?\d+)?$")
# OCR also reads a decimal point as a comma: "4, 461, 66" is 4461.66 (the last group has 2 digits).
_COMMA_DECIMAL = regex.compile(r"^(-?\d{1,3}(?:,\s?\d{3})*),\s?(\d{2})$")


@lru_cache(maxsize=1 << 16)
def parse_amount(text: str) -> Decimal | None:
    """The value of a printed amount, or None when the text is not one number. Cached: a
    document prints the same cell texts (0.00, 合计, a class name) thousands of times."""
    cleaned = _DECORATION.sub("", text).strip()
    if not cleaned or not _OCR_AMOUNT.match(cleaned):
        comma = _COMMA_DECIMAL.match(cleaned)
        if not comma:
            return None
        cleaned = f"{comma.group(1)}.{comma.group(2)}"
    try:
        return Decimal(cleaned.replace(",", "").replace(" ", ""))
    except InvalidOperation:
        return None


def half_unit(value: Decimal) -> Decimal:
    """Half of the last printed digit: the rounding radius of the printed value."""
    return Decimal(5).scaleb(-decimal_places(value) - 1)


CENT_RADIUS = Decimal("0.005")


def narrative_radius(value: Decimal) -> Decimal:
    """How far an amount of running text may be from its true value: half its last printed digit,
    but a whole number ("预算数为5万元", "公务接待费 10 万元", "0 万元") is a round figure, exact to
    the cent."""
    return half_unit(value) if decimal_places(value) else CENT_RADIUS


def within_rounding(stated: Decimal, expected: Decimal, extra: Decimal = Decimal(0)) -> bool:
    """Can two printed values stand for the same amount: is their gap within the sum of their
    rounding radii (plus a configured tolerance)?"""
    return abs(stated - expected) <= half_unit(stated) + half_unit(expected) + extra


def sum_gap(total: Decimal, parts: list[Decimal]) -> tuple[Decimal, Decimal]:
    """(difference, rounding radius) of a total against its parts.

    Each printed value v with d decimals stands for [v − ½·10^−d, v + ½·10^−d] (as XBRL
    Calculations 1.1 treats rounded facts); the total and the sum agree when those intervals
    overlap, i.e. when |difference| is within the sum of the radii.
    """
    difference = total - sum(parts, Decimal(0))
    radius = half_unit(total) + sum((half_unit(p) for p in parts), Decimal(0))
    return difference, radius


def adds_up(total: Decimal, parts: list[Decimal]) -> bool:
    """Does the total equal its parts, within the rounding of every printed figure (sum_gap)?"""
    difference, radius = sum_gap(total, parts)
    return abs(difference) <= radius
