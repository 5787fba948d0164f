"""Numbers as the documents print them: 2,877.94, 2877.94, 28.39%, and OCR's "4, 461. 66".

Amounts are Decimals, never floats: a total is compared with its parts to the cent, and a printed
value with d decimals stands for the interval [v − ½·10^−d, v + ½·10^−d].
"""
from __future__ import annotations

from decimal import Decimal, InvalidOperation
from functools import lru_cache

from auditlint.patterns import compile_lazily


# One printed amount: digits with optional thousands commas and decimals, or a bare integer.
AMOUNT_TOKEN = r"-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"

# Two or more amounts, separated by spaces, closing a line: how a table row reads when its
# extraction lost the column gaps ("201 一般公共服务支出 3,225.90 707.28 2,518.62").
NUMERIC_ROW_TAIL = compile_lazily(rf"(?:^|\s){AMOUNT_TOKEN}(?:\s+{AMOUNT_TOKEN})+\s*$")

_DECORATION = compile_lazily(r"</?u>|_+")
# OCR splits a number at its separators: "4, 461. 66", "1191. 58", "5456. 16".
_OCR_AMOUNT = compile_lazily(r"^-?\d{1,3}(?:,\s?\d{3})*(?:\.\s?\d+)?$|^-?\d+(?:\.\s?\d+)?$")
# OCR also reads a decimal point as a comma: "4, 461, 66" is 4461.66 (the last group has 2 digits).
_COMMA_DECIMAL = compile_lazily(r"^(-?\d{1,3}(?:,\s?\d{3})*),\s?(\d{2})$")
# A template may misplace the first thousands comma ("19349,057" for 19,349,057, Shanghai's 基本支出
# 表): groups of three digits after it still make one number.
_LOOSE_GROUPS = compile_lazily(r"^-?\d{4,}(?:,\d{3})+(?:\.\d+)?$")


@lru_cache(maxsize=1 << 16)
def parse_amount(text: str) -> Decimal | None:
    """The value of a printed amount, or None when the text is not one number. Cached: a
    document prints the same cell texts (0.00, 合计, a class name) thousands of times."""
    cleaned = _DECORATION.sub("", text).strip()
    if not cleaned or not (_OCR_AMOUNT.match(cleaned) or _LOOSE_GROUPS.match(cleaned)):
        comma = _COMMA_DECIMAL.match(cleaned)
        if not comma:
            return None
        cleaned = f"{comma.group(1)}.{comma.group(2)}"
    try:
        return Decimal(cleaned.replace(",", "").replace(" ", ""))
    except InvalidOperation:
        return None
