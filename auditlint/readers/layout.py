"""Positioned glyphs and ruling lines into lines of cells: the part of PDF reading both engines share.

An engine adapter only says which glyph is where and where the rules are; everything else is here,
so PDFium and pdfminer.six give the same lines on the same file. Glyphs on one baseline make a
line; a gap wider than a character, or a vertical rule, starts a new cell; a narrower gap is a
space inside the cell. Each line is rendered as text with two spaces between cells, so the text
reader would cut it into the same cells, and locations point into that rendering (what
`auditlint show --text` prints).
"""
from __future__ import annotations

import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter
from itertools import compress
from dataclasses import dataclass
from operator import itemgetter
from typing import Callable, Iterable, NamedTuple
from unicodedata import east_asian_width

from auditlint.patterns import compile_lazily
from auditlint.model import POSITIONED, PROSE, Cell, Line, Location

CELL_GAP = 1.5       # a gap of this many ems separates cells
SPACE_GAP = 0.15     # a gap of this many ems is a space inside a cell (but see _wide)
CELL_SEPARATOR = "  "
_NUMERIC = frozenset("0123456789.,-%")  # a printed number has no space inside: a gap ends it

# Kangxi radicals (U+2F00–2FD5) and CJK radical supplements (U+2E80–2EF3) that broken PDF fonts
# emit instead of the ordinary ideographs. Kept as an explicit table: NFKC would also rewrite
# full-width punctuation and digits, which carry meaning in these documents.
_SUPPLEMENT = {
    0x2E8C: "小", 0x2E8D: "小", 0x2E95: "彐", 0x2E97: "心", 0x2E98: "扌", 0x2E9B: "无", 0x2E9F: "母",
    0x2EA0: "民", 0x2EA4: "爫", 0x2EA7: "牛", 0x2EAE: "竹", 0x2EB3: "网", 0x2EBC: "月", 0x2EBE: "艹",
    0x2EC4: "西", 0x2EC5: "见", 0x2EC6: "角", 0x2EC8: "讠", 0x2ECB: "车", 0x2ECF: "阝", 0x2ED3: "长",
    0x2ED4: "门", 0x2ED6: "阝", 0x2EDA: "页", 0x2EDB: "风", 0x2EDC: "飞", 0x2EDD: "食", 0x2EE0: "饣",
    0x2EE2: "马", 0x2EE4: "鬼", 0x2EE5: "鱼", 0x2EE6: "鸟", 0x2EE7: "卤", 0x2EE9: "黄", 0x2EEA: "黾",
    0x2EEB: "齐", 0x2EED: "齿", 0x2EEF: "龙", 0x2EF0: "龙", 0x2EF3: "龟",
}


def _kangxi_table() -> dict[int, str]:
    table = {code: unicodedata.normalize("NFKC", chr(code)) for code in range(0x2F00, 0x2FD6)}
    table.update(_SUPPLEMENT)
    return table


KANGXI = _kangxi_table()


_RADICALS = compile_lazily("[\u2E80-\u2FDF]")


def normalise_glyph_text(text: str) -> str:
    return text.translate(KANGXI) if _RADICALS.search(text) else text


def _normaliser(glyphs: Iterable["Glyph"]) -> Callable[[str], str]:
    """normalise_glyph_text for a page with a radical anywhere in it, else `str` (a string as
    it is): one search of the page's text instead of one per cell."""
    return normalise_glyph_text if _RADICALS.search("".join(map(_TEXT, glyphs))) else str


class Glyph(NamedTuple):
    """One character, or a run of characters set side by side in one font (make_run), with its
    box and its baseline, in points, from the page's top-left corner.

    The baseline is where the character sits whatever its font: digits and punctuation from
    another font have boxes of another height, but the same baseline as the words beside them.
    A named tuple, not a frozen dataclass: a long document has hundreds of thousands of glyphs,
    and a tuple is built several times faster.
    """

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    baseline: float
    em: float  # the font size, from the advance width (see make_glyphs)


_UNMAPPED = compile_lazily(r"^\(cid:\d+\)$")
_tuple_new = tuple.__new__


def make_glyphs(text: str, x0: float, top: float, x1: float, bottom: float, baseline: float) -> list[Glyph]:
    """The glyphs of one engine character, each with its em: the font size from the advance
    width, a wide character being one em and a narrow one half. Engines agree on widths, not on
    box heights, so every distance is measured in ems.

    An engine character is usually one code point; a ligature ("ﬁ" as "fi") shares its box
    evenly among its letters, and a glyph with no Unicode mapping (pdfminer's "(cid:12)") is
    no text at all and is dropped."""
    if len(text) == 1:
        return [make_glyph(text, x0, top, x1, bottom, baseline)]
    if not text or _UNMAPPED.match(text):
        return []
    step = (x1 - x0) / len(text)
    return [make_glyph(char, x0 + i * step, top, x0 + (i + 1) * step, bottom, baseline) for i, char in enumerate(text)]


def make_glyph(char: str, x0: float, top: float, x1: float, bottom: float, baseline: float) -> Glyph:
    """One character's glyph (see make_glyphs)."""
    return Glyph(char, x0, top, x1, bottom, baseline, _em(char, x1 - x0))


def make_run(text: str, x0: float, top: float, x1: float, bottom: float, baseline: float) -> Glyph:
    """A run of characters set side by side in one font, as one glyph. Its em is the average
    over its characters, measured as make_glyphs measures each one. Built as the tuple it is:
    a named tuple's own constructor is a Python call more, for every run of every page."""
    return _tuple_new(Glyph, (text, x0, top, x1, bottom, baseline, (x1 - x0) / sum(map(EM_SHARE.__getitem__, text))))


def _em(char: str, width: float) -> float:
    return width / EM_SHARE[char]


class _EmShares(dict):
    """How much of an em each character is wide: a wide (CJK) character one, any other half.
    Filled as characters are met, so a run's width is shared out without a call per character."""

    def __missing__(self, char: str) -> float:
        share = self[char] = 1.0 if _wide(char) else 0.5
        return share


EM_SHARE = _EmShares()


def _wide(char: str) -> bool:
    """A wide (CJK) character: Chinese sets no spaces between two of them, so a gap between two
    inside a cell is letter-spacing (a justified line, a spaced-out "合  计"), not a space."""
    return east_asian_width(char) in "WF"


class Rule(NamedTuple):
    """A ruling line (a thin rectangle or a stroked segment), top-left coordinates in points.
    A named tuple for the reason Glyph is one: a ruled table is drawn in tens of thousands of
    short segments."""

    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def vertical(self) -> bool:
        return (self.x1 - self.x0) < (self.bottom - self.top)


@dataclass(frozen=True, slots=True)
class PageLayout:
    """What an engine adapter reports of one page."""

    glyphs: tuple[Glyph, ...]
    rules: tuple[Rule, ...]


BASELINE_TOLERANCE = 0.25  # ems: how far apart two baselines may be on one line
_BASELINE_THEN_X0 = itemgetter(5, 1)  # a Glyph's (baseline, x0), without a Python call per glyph
_TEXT, _X0, _TOP, _BOTTOM, _BASELINE, _EM = (itemgetter(i) for i in (0, 1, 2, 4, 5, 6))


def group_lines(glyphs: Iterable[Glyph]) -> list[list[Glyph]]:
    """Glyphs on one baseline, top to bottom, each line left to right.

    The two lines of a wrapped table cell have baselines a line apart, even where their boxes
    overlap. Whitespace glyphs carry no position worth trusting and are dropped (gaps are measured
    instead).
    """
    visible = sorted([g for g in glyphs if g.x1 > g.x0 and g.text.strip()], key=_BASELINE_THEN_X0)
    lines: list[list[Glyph]] = []
    line: list[Glyph] = []
    # the baseline and em of the first glyph of the line being filled (`line`); the smaller em
    # picked as min() picks, written out: this runs for every glyph of every page
    first_baseline, first_em = float("nan"), 0.0
    for glyph in visible:
        em = glyph.em
        if line and glyph.baseline - first_baseline <= BASELINE_TOLERANCE * (first_em if first_em < em else em):
            line.append(glyph)
        else:
            first_baseline, first_em, line = glyph.baseline, em, [glyph]
            lines.append(line)
    for line in lines:
        line.sort(key=_X0)
    return lines


def _median(values: Iterable[float]) -> float:
    """statistics.median without its generality: it runs twice for every line of every page."""
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


class VerticalRules:
    """The vertical rules of a page, asked line by line, top to bottom, which of them cross the
    line: a ruled table is drawn in thousands of short segments, so the rules are swept once
    from the top of the page, keeping those that have begun and not yet ended. A question
    higher up than the one before starts the sweep again. While no rule begins and none ends
    (a question above the highest bottom of those kept), the answer is the one before, without
    going over the rules kept."""

    def __init__(self, rules: Iterable[Rule]) -> None:
        self._rules = sorted(rules, key=lambda r: r.top)
        self._start()

    def _start(self) -> None:
        self._next, self._active, self._y = 0, [], float("-inf")
        self._xs: list[float] = []  # the sorted x of the active rules, kept while they stay the same
        self._ends = float("inf")  # the highest bottom of the active rules: none ends above it

    def crossing(self, y: float) -> list[float]:
        """The x of every vertical rule that crosses height y, sorted."""
        if y < self._y:
            self._start()
        self._y = y
        rules, before = self._rules, len(self._active)
        if y <= self._ends and (self._next == len(rules) or rules[self._next].top > y):
            return self._xs
        while self._next < len(rules) and rules[self._next].top <= y:
            self._active.append(rules[self._next])
            self._next += 1
        kept = [r for r in self._active if r.bottom >= y]
        if len(kept) != before or len(self._active) != before:
            self._xs = sorted((r.x0 + r.x1) / 2 for r in kept)
        self._active = kept
        self._ends = min([r.bottom for r in kept], default=float("inf"))
        return self._xs


def _rule_between(left: Glyph, right: Glyph, rule_xs: list[float]) -> bool:
    at = bisect_left(rule_xs, left.x1 - 0.5)
    return at < len(rule_xs) and rule_xs[at] <= right.x0 + 0.5


def cut_cells(line: list[Glyph], rule_xs: list[float]) -> list[tuple[str, float, float]]:
    """(text, x0, x1) of each cell of one line of glyphs; `rule_xs` are the vertical rules that
    cross the line."""
    size = _median(map(_EM, line))
    cell_gap, space_gap = CELL_GAP * size, SPACE_GAP * size
    cells: list[tuple[str, float, float]] = []
    left = line[0]
    text, start, end = left.text, left.x0, left.x1
    for right in line[1:]:
        gap = right.x0 - left.x1
        between_numbers = gap >= space_gap and left.text[-1] in _NUMERIC and right.text[0] in _NUMERIC
        if gap >= cell_gap or between_numbers or (rule_xs and _rule_between(left, right, rule_xs)):
            cells.append((text, start, end))
            text, start = right.text, right.x0
        else:
            spaced = gap >= space_gap and not (EM_SHARE[left.text[-1]] == 1.0 and EM_SHARE[right.text[0]] == 1.0)  # both _wide
            text += (" " if spaced else "") + right.text
        if right.x1 > end:
            end = right.x1
        left = right
    cells.append((text, start, end))
    return cells


# Amounts of neighbouring cells set so close that their characters touch, a wide figure
# overflowing its right-aligned cell ("110,344.65101,963.54"): each amount ends two digits after
# its decimal point, so they part there, whichever engine read them.
_TOUCHING_AMOUNTS = compile_lazily(r"(?:\d{1,3}(?:,\d{3})*\.\d{2}){2,}")
_AMOUNT = compile_lazily(r"\d{1,3}(?:,\d{3})*\.\d{2}")


def part_touching_amounts(text: str, x0: float, x1: float) -> list[tuple[str, float, float]]:
    """A cell of touching amounts as one cell per amount, its extent shared out by characters.
    Two amounts have two decimal points: a cell without them is asked no pattern."""
    if text.count(".") < 2 or not _TOUCHING_AMOUNTS.fullmatch(text):
        return [(text, x0, x1)]
    step = (x1 - x0) / len(text)
    return [(m.group(), x0 + m.start() * step, x0 + m.end() * step) for m in _AMOUNT.finditer(text)]


MIN_ROW_RULE = 30.0  # points: a horizontal rule at least this long separates table rows


def _row_rules(horizontal: Iterable[Rule]) -> list[float]:
    """The heights of the horizontal rules that separate rows, sorted, near-duplicates merged."""
    heights: list[float] = []
    for y in sorted((r.top + r.bottom) / 2 for r in horizontal if r.x1 - r.x0 >= MIN_ROW_RULE):
        if not heights or y - heights[-1] > 1.0:
            heights.append(y)
    return heights


def _band(baseline: float, heights: list[float], page_number: int) -> int | None:
    """Which space between two row rules the baseline lies in, unique across pages."""
    if len(heights) < 2 or not heights[0] < baseline < heights[-1]:
        return None
    return page_number * 100_000 + bisect_left(heights, baseline)


def _ruled_box(x0: float, x1: float, rule_xs: list[float]) -> tuple[float, float] | None:
    """The nearest vertical rules left and right of a cell, if both are there."""
    left, right = bisect_right(rule_xs, x0 + 0.5), bisect_left(rule_xs, x1 - 0.5)
    return (rule_xs[left - 1], rule_xs[right]) if left > 0 and right < len(rule_xs) else None


RawCell = tuple[str, float, float, "tuple[float, float] | None"]  # text, x0, x1, ruled box
Span = tuple[float, float]  # the top and bottom of a line's glyphs on its page
RawLine = tuple[list[RawCell], "int | None", Span]  # the cells of a line, its band and its span

# A number cut by the right edge of a narrow ruled cell: its first part ends one digit short of
# its cents or at its point or a comma ("811,669.9"), the rest ("7") set under it, right-aligned.
_NUMBER_HEAD = compile_lazily(r"-?\d{1,3}(?:,\d{3})*(?:,\d{0,2}|\.\d?)")
_NUMBER_TAIL = compile_lazily(r"[\d,.]{1,6}")


def join_wrapped_numbers(page: list[RawLine]) -> list[RawLine]:
    """A number wrapped over two lines of one ruled cell, as one cell again.

    The two parts lie in one box between the same two vertical rules and between the same two
    row rules (one band: one cell of one row), right-aligned, and together they are an amount
    with its cents, too wide for the box; no other text of the band is in that box (a table
    ruled only around its body has a band of many rows, and a box with a cell on each). The
    number goes to the line between its parts, if there is one (the row's other cells,
    vertically centred in their own boxes, are set there), else to the line of its first part;
    a line left empty is dropped."""
    lines = [(list(cells), band, span) for cells, band, span in page]
    in_box = Counter((band, cell[3]) for cells, band, _ in lines for cell in cells)
    for index, (cells, band, _) in enumerate(lines):
        if band is None:
            continue
        for head in list(cells):
            text, x0, x1, box = head
            if box is None or in_box[band, box] != 2 or not _NUMBER_HEAD.fullmatch(text):
                continue
            below = [i for i in (index + 1, index + 2) if i < len(lines) and lines[i][1] == band]
            for tail_index in below:
                tail = next((c for c in lines[tail_index][0] if c[3] == box), None)
                if tail is None:
                    continue
                joined = text + tail[0]
                if _NUMBER_TAIL.fullmatch(tail[0]) and abs(tail[2] - x1) <= 1.0 and _AMOUNT.fullmatch(joined.lstrip("-")) \
                        and _overflows(joined, head):
                    cells.remove(head)
                    lines[tail_index][0].remove(tail)
                    target = lines[index + 1][0] if tail_index == index + 2 else cells
                    target.append((joined, min(x0, tail[1]), x1, box))
                    target.sort(key=lambda c: c[1])
                break
    return [line for line in lines if line[0]]


def _overflows(joined: str, head: RawCell) -> bool:
    """Would the whole number, as wide per character as its first part, be wider than its box
    less the margin the first part keeps from the right rule on both sides? That is why it
    wrapped; a short figure with room to spare did not."""
    text, x0, x1, (left, right) = head
    return (x1 - x0) * len(joined) / len(text) > (right - left) - 2 * (right - x1)


def page_lines(pages: Iterable[PageLayout], path: str) -> list[Line]:
    """All lines of all pages, numbered from 1 across the document, as the text reader numbers."""
    lines: list[Line] = []
    for page_number, page in enumerate(pages, start=1):
        if not page.rules:
            lines.extend(_unruled_lines(page, page_number, len(lines), path))
            continue
        upright = [(r.x1 - r.x0) < (r.bottom - r.top) for r in page.rules]  # Rule.vertical, once a rule
        vertical = VerticalRules(compress(page.rules, upright))
        heights = _row_rules(compress(page.rules, [not up for up in upright]))
        normalise = _normaliser(page.glyphs)
        raw: list[RawLine] = []
        for glyph_line in group_lines(page.glyphs):
            middle = _median(map(_BASELINE, glyph_line))
            rule_xs = vertical.crossing(middle)
            raw.append(([(normalise(text), x0, x1, _ruled_box(x0, x1, rule_xs))
                         for cell in cut_cells(glyph_line, rule_xs) for text, x0, x1 in part_touching_amounts(*cell)],
                        _band(middle, heights, page_number), _span(glyph_line)))
        for cells, band, span in join_wrapped_numbers(raw) if heights else raw:
            lines.append(_line(len(lines) + 1, page_number, cells, band, span, path))
    return lines


def _unruled_lines(page: PageLayout, page_number: int, before: int, path: str) -> list[Line]:
    """The lines of a page without a ruling line (a page of prose, a table drawn without rules):
    page_lines's work less what only rules decide (which rules cross a line, the ruled box of
    each cell, the band between row rules): cells are cut by their gaps alone."""
    lines: list[Line] = []
    normalise = _normaliser(page.glyphs)
    for glyph_line in group_lines(page.glyphs):
        cells: list[RawCell] = [(normalise(text), x0, x1, None)
                                for cell in cut_cells(glyph_line, []) for text, x0, x1 in part_touching_amounts(*cell)]
        lines.append(_line(before + len(lines) + 1, page_number, cells, None, _span(glyph_line), path))
    return lines


def _span(glyph_line: list[Glyph]) -> Span:
    """The top of a line's highest glyph and the bottom of its lowest."""
    return min(map(_TOP, glyph_line)), max(map(_BOTTOM, glyph_line))


def _line(number: int, page_number: int, raw: list[RawCell], band: int | None, span: Span, path: str) -> Line:
    """A line of cells, its text rendered with CELL_SEPARATOR between them and every cell's
    location pointing into that text."""
    cells: list[Cell] = []
    column = 1
    for text, x0, x1, box in raw:
        end = column + len(text)
        cells.append(Cell(text, Location(path, number, column, number, end, page_number), x0, x1, box))
        column = end + len(CELL_SEPARATOR)
    text = CELL_SEPARATOR.join([cell[0] for cell in raw])
    return Line(number, page_number, text, tuple(cells), POSITIONED if len(cells) > 1 else PROSE, band, *span)
