"""Numbers as the documents print them: 2,877.94, 2877.94, 28.39%, and OCR's "4, 461. 66"."""
from __future__ import annotations

import regex

# One printed amount: digits with optional thousands commas and decimals, or a bare integer.
AMOUNT_TOKEN = r"-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"

# Two or more amounts, separated by spaces, closing a line: how a table row reads when its
# extraction lost the column gaps ("201 一般公共服务支出 3,225.90 707.28 2,518.62").
NUMERIC_ROW_TAIL = regex.compile(rf"(?:^|\s){AMOUNT_TOKEN}(?:\s+{AMOUNT_TOKEN})+\s*$")
