"""What a spreadsheet cell shows for a number: its value rendered through its number format.

A reviewer reads a workbook as Excel or WPS displays it, and a disclosure is published as
displayed: 1809.2237 formatted `#,##0.00` is 1,809.22 to everyone who reads it, so auditlint
compares 1,809.22, and the reader says where the file holds more decimals than it shows. The
formats of budget tables are few: fixed decimals with or without thousands separators
(`0.00`, `#,##0.00`), an accounting format whose zero is a dash, a percentage, and the digit
templates offices use to show 元 as 万元 (`0!.0000`: 18092237 shows as 1809.2237). Those are
rendered here as Excel renders them (rounding half away from zero on the value's 15
significant digits, as Excel does); a format this module does not know (scientific, fractions,
conditions) gives None, and the caller shows the value as the General format would.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

PLACEHOLDERS = "0#?"
# Letters that make a section a date or time format (openpyxl turns such cells into datetimes).
_DATE_LETTERS = set("yYmMdDhHsS")
_UNRENDERED = set("eE/")  # scientific notation and fractions


@dataclass(frozen=True)
class Shown:
    """A number as its cell shows it, and whether the file holds digits the display drops."""

    text: str
    hides_digits: bool


def exact(value: float | int) -> Decimal:
    """A cell's value as Excel holds it: a double, good to 15 significant digits (so 0.1 + 0.2
    is 0.3 and 2.675 is 2.675, not the binary fraction below it)."""
    if isinstance(value, int):
        return Decimal(value)
    return Decimal(f"{value:.15g}")


def general(value: float | int) -> str:
    """The General format: the value with the digits it has, no separators."""
    number = exact(value)
    text = f"{number.normalize():f}" if number != number.to_integral_value() else f"{number.to_integral_value():f}"
    return "0" if text in ("-0", "") else text


def shown(value: float | int, code: str | None) -> Shown | None:
    """The text a cell of this value shows under this number format code, or None when the
    format is one this module does not render."""
    if not code or code.lower() in ("general", "@"):
        return Shown(general(value), False)
    sections = _sections(code)
    number = exact(value)
    if number < 0 and len(sections) >= 2:
        section, number, sign = sections[1], -number, ""
    elif number == 0 and len(sections) >= 3:
        section, sign = sections[2], ""
    else:
        section, sign = sections[0], "-" if number < 0 else ""
        number = abs(number)
    tokens = _tokens(section)
    if tokens is None:
        return None
    rendered = _render(number, tokens)
    if rendered is None:
        return None
    text, hides = rendered
    digits = any(ch.isdigit() for ch in text)
    return Shown((sign if digits and text.strip("0.,% ") else "") + text.strip(), hides)


def _sections(code: str) -> list[str]:
    """A code's sections (positive; negative; zero; text), split at semicolons outside quotes."""
    sections, current, quoted, escaped = [], [], False, False
    for ch in code:
        if escaped:
            current.append(ch)
            escaped = False
        elif ch in "\\!" and not quoted:
            current.append(ch)
            escaped = True
        elif ch == '"':
            quoted = not quoted
            current.append(ch)
        elif ch == ";" and not quoted:
            sections.append("".join(current))
            current = []
        else:
            current.append(ch)
    sections.append("".join(current))
    return sections


# A token: ("digit", placeholder), ("point", "."), ("comma", ","), ("percent", "%") or ("literal", text).
Token = tuple[str, str]


def _tokens(section: str) -> list[Token] | None:
    """A section as placeholders and literals; None for what is not rendered here (dates,
    scientific notation, fractions, conditions). Colours, locales, padding and fill are dropped:
    they change how a cell looks, not what it says."""
    tokens: list[Token] = []
    index = 0
    while index < len(section):
        ch = section[index]
        if ch == '"':
            end = section.find('"', index + 1)
            end = len(section) if end < 0 else end
            tokens.append(("literal", section[index + 1:end]))
            index = end + 1
            continue
        if ch in "\\!":
            tokens.append(("literal", section[index + 1:index + 2]))
            index += 2
            continue
        if ch in "_*":
            index += 2  # padding to the width of the next character; a fill character
            continue
        if ch == "[":
            end = section.find("]", index)
            inner = section[index + 1:end] if end > 0 else ""
            if inner[:1] in "<>=" and inner:
                return None  # a condition
            index = (end if end > 0 else len(section)) + 1
            continue
        if ch in _DATE_LETTERS or ch in _UNRENDERED:
            return None
        if ch in PLACEHOLDERS:
            tokens.append(("digit", ch))
        elif ch == ".":
            tokens.append(("point", ch))
        elif ch == ",":
            tokens.append(("comma", ch))
        elif ch == "%":
            tokens.append(("percent", ch))
        elif ch == "@":
            tokens.append(("literal", ""))
        else:
            tokens.append(("literal", ch))
        index += 1
    return tokens


def _render(number: Decimal, tokens: list[Token]) -> tuple[str, bool] | None:
    """The number through a section's tokens: the literals before and after its placeholders
    kept, its integer digits grouped where a comma stands between placeholders, scaled by a
    thousand for each comma after the last integer placeholder and by a hundred for each %."""
    digit_at = [i for i, (kind, _) in enumerate(tokens) if kind == "digit"]
    if not digit_at:
        return "".join(text for kind, text in tokens if kind in ("literal", "percent")), False
    first, last = digit_at[0], digit_at[-1]
    point = next((i for i in range(first, last + 1) if tokens[i][0] == "point"), None)
    integer_part = tokens[first:point if point is not None else last + 1]
    decimal_part = tokens[point + 1:last + 1] if point is not None else []
    if any(kind in ("literal", "comma", "point") for kind, _ in decimal_part):
        return None  # literals or separators among the decimals
    after = last + 1
    while after < len(tokens) and tokens[after][0] == "comma":
        after += 1
    scale = (after - last - 1) + _trailing_commas(integer_part)  # each comma after the digits: a thousand
    percent = sum(1 for kind, _ in tokens if kind == "percent")
    scaled = number * Decimal(100) ** percent / Decimal(1000) ** scale
    fraction = [text for _, text in decimal_part]
    rounded = scaled.quantize(Decimal(1).scaleb(-len(fraction)), rounding=ROUND_HALF_UP)
    whole, _, decimals = f"{rounded:f}".partition(".")
    integer_part = integer_part[:len(integer_part) - _trailing_commas(integer_part)]
    if any(kind == "literal" for kind, _ in integer_part):
        body = _template(whole, [token for token in integer_part if token[0] != "comma"])
    else:
        minimum = sum(1 for kind, text in integer_part if kind == "digit" and text == "0")
        body = _integer(whole, minimum, any(kind == "comma" for kind, _ in integer_part))
    if point is not None:
        body += "." + _trim(decimals, fraction)
    before = "".join(text for kind, text in tokens[:first] if kind in ("literal", "percent"))
    tail = "".join(text for kind, text in tokens[after:] if kind in ("literal", "percent"))
    return before + body + tail, rounded != scaled


def _trailing_commas(integer_part: list[Token]) -> int:
    count = 0
    for kind, _ in reversed(integer_part):
        if kind != "comma":
            break
        count += 1
    return count


def _trim(decimals: str, fraction: list[str]) -> str:
    """Decimals as the placeholders show them: a 0 always, a # or ? only when not a trailing zero."""
    required = max((i + 1 for i, ch in enumerate(fraction) if ch == "0"), default=0)
    kept = decimals.rstrip("0")
    return kept + "0" * max(0, required - len(kept)) if len(kept) < required else kept


def _integer(whole: str, minimum: int, grouped: bool) -> str:
    """The integer digits, padded to the placeholders' required zeros, grouped by thousands."""
    digits = whole.lstrip("0")
    digits = digits.rjust(minimum, "0") if minimum else digits
    if grouped and digits:
        head = len(digits) % 3 or 3
        digits = ",".join([digits[:head]] + [digits[i:i + 3] for i in range(head, len(digits), 3)])
    return digits


def _template(whole: str, template: list[Token]) -> str:
    """The integer digits filled into a template of placeholders and literals from the right
    (`0!.0000` shows 18092237 as 1809.2237), the digits left over before it."""
    digits = list(whole.lstrip("0"))
    out: list[str] = []
    for kind, text in reversed(template):
        if kind == "digit":
            out.append(digits.pop() if digits else ("0" if text == "0" else ""))
        else:
            out.append(text)
    return "".join(digits) + "".join(reversed(out))
