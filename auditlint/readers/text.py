"""Plain text: decoding decided per file, cells from tabs and wide gaps, pages from form feeds.

Text extracted from PDFs by other tools comes in every encoding a Chinese office uses and lays
tables out with tabs (copy-paste from a spreadsheet) or with runs of spaces (`pdftotext -layout`).
Lines are numbered exactly as an editor numbers them (only "\\n" ends a line), so the line numbers
in a finding are the ones the user sees.
"""
from __future__ import annotations

import codecs
from dataclasses import replace

import regex

from auditlint.patterns import compile_lazily
from auditlint.model import GRID, POSITIONED, PROSE, Cell, Line, Location, Source, display_width

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Characters that never occur in a real document; a file with many of them is binary.
_CONTROL = compile_lazily(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")

# A cell boundary: a tab, or a gap of two or more spaces (an ideographic space counts as two, as
# it is as wide as two Latin spaces on the page).
_GAP = compile_lazily(r"\t+|[ \u3000]*(?:\u3000[ \u3000]*|  +)")


class UnreadableError(Exception):
    """The file cannot be linted; the message says why in one line."""


def decode(data: bytes) -> tuple[str, str]:
    """Decode bytes as a Chinese office would have written them: BOM, else UTF-8, else GB18030."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise UnreadableError(f"invalid {encoding.upper()} text after its byte-order mark ({exc.reason})") from exc
    if b"\x00" in data:
        raise UnreadableError("binary file (contains NUL bytes and no UTF-16 byte-order mark)")
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise UnreadableError("not text: neither valid UTF-8 nor valid GB18030")


def check_is_text(text: str) -> None:
    """Refuse decoded text that is mostly control characters (binary that happened to decode)."""
    sample = text[:65536]
    if sample and len(_CONTROL.findall(sample)) > max(8, len(sample) // 100):
        raise UnreadableError("binary file (too many control characters for a text document)")


def text_line(text: str, path: str, number: int, page: int) -> Line:
    """Cut one line into cells at tabs (GRID) or wide gaps (POSITIONED); else it is PROSE.

    Leading indentation is not a boundary. Empty cells between consecutive tabs are kept (a blank
    amount must stay in its column); gaps of spaces never produce empty cells.
    """
    if "\t" in text:
        cells, position = [], 0
        for part in text.split("\t"):
            cells.append(_cell(text, part, path, number, page, position))
            position += len(part) + 1
        return Line(number, page, text, tuple(cells), GRID)
    cells = []
    start = len(text) - len(text.lstrip(" \u3000"))
    for gap in _GAP.finditer(text, start):
        if gap.start() > start:
            cells.append(_cell(text, text[start:gap.start()], path, number, page, start))
        start = gap.end()
    if start < len(text):
        cells.append(_cell(text, text[start:], path, number, page, start))
    cells = [c for c in cells if c.text]
    return Line(number, page, text, tuple(cells), POSITIONED if len(cells) > 1 else PROSE)


def _cell(line: str, part: str, path: str, number: int, page: int, offset: int) -> Cell:
    """A cell for `part`, found at `offset` in `line`, with its location and display extent."""
    inner = part.strip(" \u3000\r")
    start = offset + len(part) - len(part.lstrip(" \u3000"))
    x0 = display_width(line[:start])
    location = Location(path, number, start + 1, number, start + 1 + max(len(inner), 1), page)
    return Cell(inner, location, x0, x0 + display_width(inner))


def physical_lines(text: str) -> list[tuple[int, int, str]]:
    """(line number, page, text) for every line; a form feed starts a new page.

    A final newline ends the last line rather than starting an empty one, as in an editor.
    """
    result = []
    page = 1
    raw_lines = text.split("\n")
    if len(raw_lines) > 1 and raw_lines[-1] == "":
        raw_lines.pop()
    for number, raw in enumerate(raw_lines, start=1):
        line = raw.rstrip("\r")
        if "\f" in line:
            page += line.count("\f")
            line = line.replace("\f", "")
        result.append((number, page, line))
    return result


_NUMBER_CELL = compile_lazily(r"^-?[\d,]+(?:\.\d+)?$")


def align_by_characters(lines: list[Line]) -> list[Line]:
    """Place cells by character count instead of display width when that lines columns up better.

    Layout tools disagree on how wide a Chinese character is: some (pdftotext -layout) give it one
    column, others two. Right-aligned numbers share their right edge under the right convention
    and scatter under the wrong one, so the convention with fewer distinct right edges wins.

    Under the character convention a cell starts at its character column, which is where it
    starts on the page. A line of words only (a header) keeps the width the words take on the
    page, a Chinese character two columns, so that a header is placed over the numbers it names
    and not left of them. In a line with numbers a label is cut to its characters: the tool
    squeezed it there, and its page width would reach over the numbers beside it.
    """
    numbers = [c for line in lines if line.layout == POSITIONED for c in line.cells if _NUMBER_CELL.match(c.text)]
    by_width = {c.x1 for c in numbers}
    by_characters = {c.location.end_column for c in numbers}
    if len(numbers) < 10 or len(by_characters) >= len(by_width):
        return lines
    return [_by_characters(line) if line.layout == POSITIONED else line for line in lines]


def _by_characters(line: Line) -> Line:
    words_only = not any(_NUMBER_CELL.match(c.text) for c in line.cells)
    return replace(line, cells=tuple(
        replace(c, x0=float(c.location.column - 1),
                x1=float(c.location.column - 1 + (display_width(c.text) if words_only else len(c.text))))
        for c in line.cells))


# The longest line a document has: a long paragraph or a flattened table is a few thousand
# characters. Beyond this the file is no disclosure, and reading it would only cost time.
MAX_LINE = 200_000


def check_line_lengths(numbered: list[tuple[int, int, str]]) -> None:
    for number, _, line in numbered:
        check_line_length(number, line)


def check_line_length(number: int, line: str) -> None:
    if len(line) > MAX_LINE:
        raise UnreadableError(f"line {number} has {len(line):,} characters (a document line has at most "
                              f"{MAX_LINE:,}): not a document auditlint can read")


# A number's decimals alone (" .62"), and a whole number alone ("14,770"), each between spaces.
_DECIMALS = compile_lazily(r"(?:^|(?<=[ \u3000]))\.\d{1,2}(?=[ \u3000]|$)")
_WHOLE = compile_lazily(r"(?:^|(?<=[ \u3000]))-?\d{1,3}(?:,\d{3})*(?=[ \u3000]|$)")
# A figure right after a decimal part, with nothing but blanks between: the next column's figure
# set a line lower than the one before (a staircase).
_FIGURE_NEXT = compile_lazily(r"[ \u3000]*-?\d")
# A number cut after a thousands separator ("47,"), the rest of it on the lines below.
_CUT_AT_COMMA = compile_lazily(r"(?:^|(?<=[ \u3000]))\d{1,3}(?:,\d{3})*,(?=[ \u3000]|$)")


def join_wrapped_decimals(numbered: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Numbers whose decimals a layout tool set on a line of their own, back in one piece.

    pdftotext -layout cuts a number too wide for its cell after its integer part and sets the
    decimals (".62") under it, in the same columns ("14,770" over ".62"); a label of the next row
    may then run into them. A decimal part joins the one whole number it lies under, on the line
    right above, overlapping its columns; when there is none, the one right below (a number set
    lower than its decimals). A decimal part near no number is left as it is. Where two
    decimal parts would join one number, the joined number would overwrite anything but spaces,
    a figure follows the decimals on their line (a row's figures set in a staircase, each column
    a line lower), or a number of the page is cut in three ("1" / "47," / "502" / ".38"),
    nothing is joined on that page: a guess is worse than a table left unread."""
    texts = [text for _, _, text in numbered]
    edited = list(texts)
    starts = [i for i, (_, page, _) in enumerate(numbered) if i == 0 or numbered[i - 1][1] != page]
    for first, end in zip(starts, [*starts[1:], len(numbered)]):  # each page's lines, in one pass
        joins = _page_joins(texts, first, end)
        for (line, start), (at, low, high) in (joins or {}).items():
            whole = _WHOLE.match(texts[line], start)
            number = whole.group() + texts[at][low:high]
            end = max(whole.end(), high)
            edited[line] = edited[line][:end - len(number)] + number + edited[line][end:]
            edited[at] = edited[at][:low] + " " * (high - low) + edited[at][high:]
    return [(number, page, text if text == original else text.rstrip())
            for (number, page, original), text in zip(numbered, edited)]


def _page_joins(texts: list[str], first: int, end: int) -> dict[tuple[int, int], tuple[int, int, int]] | None:
    """(line, start of a whole number) → (line, start, end of its decimals) for one page's lines
    (first to end), or None when a join is in doubt."""
    joins: dict[tuple[int, int], tuple[int, int, int]] = {}
    if any(_CUT_AT_COMMA.search(texts[index]) for index in range(first, end)):
        return None  # a number cut in three ("1" / "47," / "502" / ".38"): its pieces cannot be told apart
    for index in range(first, end):
        for decimals in _DECIMALS.finditer(texts[index]):
            above = _overlapping(texts, index - 1, decimals) if index > first else []
            whole = above or (_overlapping(texts, index + 1, decimals) if index + 1 < end else [])
            if not whole:
                continue
            if len(whole) > 1 or whole[0] in joins or not _fits(texts[whole[0][0]], whole[0][1], decimals) \
                    or _FIGURE_NEXT.match(texts[index], decimals.end()):
                return None
            joins[whole[0]] = (index, decimals.start(), decimals.end())
    return joins


def _overlapping(texts: list[str], line: int, decimals: regex.Match) -> list[tuple[int, int]]:
    """The whole numbers of a line whose columns overlap the decimals', as (line, start)."""
    return [(line, m.start()) for m in _WHOLE.finditer(texts[line])
            if m.start() < decimals.end() and m.end() > decimals.start()]


def _fits(text: str, start: int, decimals: regex.Match) -> bool:
    """Can the whole number take its decimals in place, ending where the decimals end or where it
    ends, without overwriting anything but the blanks left of it?"""
    whole = _WHOLE.match(text, start)
    end = max(whole.end(), decimals.end())
    begin = end - (whole.end() - whole.start()) - (decimals.end() - decimals.start())
    return begin >= 0 and not text[begin:whole.start()].strip() and not text[whole.end():end].strip() \
        and (begin == 0 or not text[begin - 1].strip())


def read_text(path: str, data: bytes) -> Source:
    """Read a .txt file into lines of cells."""
    text, encoding = decode(data)
    check_is_text(text)
    numbered = physical_lines(text)
    check_line_lengths(numbered)
    numbered = join_wrapped_decimals(numbered)
    lines = [text_line(line, path, number, page) for number, page, line in numbered]
    return Source(path, "text", encoding, tuple(align_by_characters(lines)))
