"""From lines to blocks: tables apart, prose joined into paragraphs and cut into sentences.

A PDF wraps a paragraph at the page margin, and text extraction keeps the wrap (sometimes with a
blank line after every line). A reader joins a line to the next when it runs to the margin and
does not end a sentence; this module does the same, using the width of the document's own full
lines as the margin, so that a sentence split over two lines is still one sentence.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from auditlint.patterns import compile_lazily
from auditlint.model import Block, Cell, Line, Location, Paragraph, Sentence, Source, TableBlock, TextMap, TextPiece, display_width
from auditlint.parse.numbers import NUMERIC_ROW_TAIL

# Characters that end a sentence, optionally followed by closing quotes or brackets.
_SENTENCE_END = compile_lazily(r"[。！？!?]+[”’」』）)]*")
_LINE_END_CLOSES = compile_lazily(r"[。！？!?][”’」』）)]*\s*$")
# Page furniture that sits between the lines of a paragraph: "- 5 -", "第 3 页", "3/20"; a PDF's
# page number may arrive with its digits apart ("— 1  6 —"), or run into the next page's table
# caption ("- 16 -表 3").
_PAGE_NUMBER = compile_lazily(r"^\s*(?:[-—–－]\s*\d(?:\s*\d){0,3}\s*[-—–－](?:\s*表\s*\d{1,2})?"
                          r"|第\s*\d{1,4}\s*页(?:\s*共\s*\d+\s*页)?|\d{1,4}\s*/\s*\d{1,4}|\d{1,4})\s*$")
# A heading opens with an enumerator: 一、 （一） 1. 1、 (1) 第一部分 … An enumerator "2." may be
# followed by a year ("2.2026 年，…"), but "12.50" or "14708.87" opening a line is an amount. The
# page number before it may have run into the heading ("- 6 -一、…").
# A page number that ran into the text after it ("- 6 -一、…", "- 16 -表 3").
RUN_IN_PAGE_NUMBER = r"[-—–－]\s*\d{1,4}\s*[-—–－]\s*"
_HEADING = compile_lazily(rf"^\s*(?:{RUN_IN_PAGE_NUMBER})?(?:第[一二三四五六七八九十百]+[部分章节]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d{{1,2}}、|\d{{1,2}}[.．](?!\d{{1,2}}(?!\d))|#+\s)")

FULL_LINE_RATIO = 0.8
_CLAUSE_MARK = compile_lazily(r"[，。；：,;:]")


# What opens the text after a gap in a justified sentence that the reader cut there, between a
# figure and its unit ("增长 0.59  %，结合…"): a unit and a clause mark, which no table cell opens with.
_UNIT_CARRIED_ON = compile_lazily(r"^(?:%|％|万元|元)[，。；、,;]")
_ENDS_IN_FIGURE = compile_lazily(r"\d$")


def is_table_line(line: Line) -> bool:
    """A line laid out as a table row: explicit cells, or a run of amounts at its end. A
    sentence cut only where a figure meets its unit is no row."""
    return (line.delimited and not _cut_at_units(line)) or bool(NUMERIC_ROW_TAIL.search(line.text))


def _cut_at_units(line: Line) -> bool:
    """Is every cell boundary of the line a gap between a figure and the unit that carries it on?"""
    return all(_ENDS_IN_FIGURE.search(before.text) and _UNIT_CARRIED_ON.match(after.text)
               for before, after in zip(line.cells, line.cells[1:]))


def is_page_furniture(line: Line) -> bool:
    return bool(_PAGE_NUMBER.match(line.text))


@dataclass(frozen=True)
class Margin:
    """Where a full line of this document's prose stands: its display width, and the left and
    right edges it spans (in the reader's units: display columns of a text, points of a PDF). A
    line of half-width figures ("项目支出预算数为 4,968.34 万元。与上年相比增加") is narrower in
    characters than a line of words, yet spans the same measure."""

    width: int
    left: float | None = None
    right: float | None = None


def margin_of(prose: list[Line]) -> Margin:
    """The width of a full line of this document's prose (margin_width), and the edges its
    lines of that width span: the medians of their left and right ends."""
    width = margin_width(prose)
    full = [line.cells for line in prose if line.cells and display_width(line.text.strip()) >= FULL_LINE_RATIO * width]
    if not full:
        return Margin(width)
    lefts, rights = sorted(cells[0].x0 for cells in full), sorted(cells[-1].x1 for cells in full)
    return Margin(width, lefts[len(lefts) // 2], rights[len(rights) // 2])


def is_full(line: Line, margin: Margin) -> bool:
    """Does a line fill the measure: as wide as a full line, or spanning it, from where the
    prose's lines start (or their first lines' indent) to within a character of where they end?
    A narrow column's lines end at the page's edge too, but start far from its left."""
    if display_width(line.text.strip()) >= FULL_LINE_RATIO * margin.width:
        return True
    if margin.left is None or margin.right is None or not line.cells:
        return False
    em = _em(line.cells[-1])
    return line.cells[0].x0 <= margin.left + MAX_INDENT_SHIFT * em and line.cells[-1].x1 >= margin.right - em


def margin_width(prose: list[Line]) -> int:
    """The width of a full line of this document's prose: its 90th percentile width, or the
    median width of its lines with sentence punctuation if that is more; but where most lines of
    sentences are of a measure narrower than a full line of that width, that measure's. Text that puts a table
    one cell per line (plain pdftotext) has thousands of short lines that are no prose; they
    would make every short cell or heading look like a full line that goes on."""
    widths = sorted(display_width(line.text.strip()) for line in prose)
    if not widths:
        return 0
    full = widths[min(len(widths) - 1, int(len(widths) * 0.9))]
    sentences = sorted(display_width(line.text.strip()) for line in prose if _SENTENCE_MARK.search(line.text))
    width = max(full, sentences[len(sentences) // 2]) if sentences else full
    most = _densest(sentences)
    # the body's lines, most of the prose, all short of a full line: the wider ones are another
    # measure (a landscape annex of forms), and the body's full lines are its own
    return most if most is not None and most < FULL_LINE_RATIO * width else width


# How far the widths of full lines of one measure spread: lines of half-width figures and words
# are narrower in characters than lines of words alone.
_MEASURE_SPREAD = 0.1


def _densest(widths: list[int]) -> int | None:
    """The right edge of the widths most lines of sentences share (within _MEASURE_SPREAD), of
    those at least half as wide as the widest tenth: where a measure's full lines end."""
    if not widths:
        return None
    wide = [w for w in widths if w >= 0.5 * widths[min(len(widths) - 1, int(len(widths) * 0.9))]]  # sorted
    def band(w: int) -> int:  # the index past the last width of the band that starts at w
        return bisect_right(wide, w * (1 + _MEASURE_SPREAD))
    start = max(range(len(wide)), key=lambda i: (band(wide[i]) - i, wide[i]))
    return wide[band(wide[start]) - 1]


_SENTENCE_MARK = compile_lazily(r"[，。；]")  # full-width: an amount's comma is no sentence


_CONTINUATION_BULLET = compile_lazily(r"^\s*[-*]\s+(?=万元|元|%|％|[，,、；;）)])")
# What opens a line that carries on the sentence before, wherever the line starts: a unit, a
# clause mark, a full stop, the decimals of a figure cut in two (".79 万元").
_CONTINUATION = compile_lazily(r"^\s*(?:[-*]\s+)?(?:万元|元|%|％|[，,、；;）)。]|\.\d)")


def continues(lines: list[Line], margin: Margin, following: Line | None = None) -> bool:
    """Does the paragraph of these lines go on after its last line? If that line fills the line
    and ends no sentence: a full stop inside a bracketed note that the sentence opened
    (…万元（…比上年增加24.29万元。）) ends the note, not the sentence. If it ends on a clause mark
    (，；：、), whatever its width: the sentence goes on, as a list does whose items stand on
    lines of their own ("其中：" / "基本支出…万元，占42.30%；" / "项目支出…"). And if a full line
    ends a sentence where the paragraph's first line is indented and the line after is set
    flush with its other lines, not indented as a new paragraph's first line would be. A
    numbered heading without a comma ("一、深圳市某局（本级）") is a line of its own, however
    long: the paragraph under it often repeats its name."""
    text = lines[-1].text.strip()
    if _HEADING.match(text) and not _CLAUSE_MARK.search(text):
        return False
    if _LINE_END_CLOSES.search(text) and not (_NOTE_CLOSES.search(text) and _closes_a_note("".join(l.text.strip() for l in lines))):
        return following is not None and is_full(lines[-1], margin) and _set_under_an_indent(lines, following)
    if _ENDS_IN_CLAUSE.search(text):
        return True
    return is_full(lines[-1], margin)


# A line that ends on a clause mark: its sentence goes on after it.
_ENDS_IN_CLAUSE = compile_lazily(r"[，,；;：:、]$")


def _set_under_an_indent(lines: list[Line], following: Line) -> bool:
    """Is the line after a paragraph set where the paragraph's lines after its first are, with
    that first line indented (by a character or more): a line of the same paragraph, not the
    indented first line of the next?"""
    if len(lines) < 2 or not all(line.cells for line in (lines[0], lines[-1], following)):
        return False
    first, rest, next_start = lines[0].cells[0], lines[-1].cells[0], following.cells[0]
    em = _em(rest)
    return first.x0 - rest.x0 >= em * 0.9 and abs(next_start.x0 - rest.x0) < em / 2


_NOTE_CLOSES = compile_lazily(r"[。！？!?][）)]$")


def _closes_a_note(text: str) -> bool:
    """Does the bracket that ends the text close a note opened inside a sentence, after its first
    word (not a bracketed sentence of its own, "（注：…。）")?"""
    pair = next((pair for pair in bracket_pairs(text) if pair[1] == len(text) - 1), None)
    if pair is None:
        return False
    sentence_start = max(text.rfind(mark, 0, pair[0]) for mark in "。！？!?") + 1
    return bool(text[sentence_start:pair[0]].strip())


# How far (in the width of a character) a line may start left or right of the line before and
# still go on its paragraph: a first line's indent is two characters, a hanging indent under
# "（一）" about three.
MAX_INDENT_SHIFT = 4
# How many lines before and after a line are looked at for others that start where it starts.
COLUMN_WINDOW = 6


def other_column(lines: tuple[Line, ...], before: int, index: int) -> bool:
    """Does line `index` start in another column than line `before`, the paragraph's last? Text
    wrapped inside the cells of a table or form (a project's name in one column, its goal in
    the next) comes out as lines of one cell each, the columns' lines interleaved; the cells are
    no sentence, and joining them makes sentences of neither ("完成《广州市" + "广州市河道水污染
    巡查"), whatever the line opens with (a cell's text may open with 。 or 、). Both lines must
    start at a column's edge, where another line near each starts too: a justified line that a
    text extraction cut in two puts its second piece anywhere, once."""
    first, second = lines[before].cells, lines[index].cells
    if not first or not second:
        return False
    em = max(_em(first[0]), _em(second[0]))
    return abs(second[0].x0 - first[0].x0) > MAX_INDENT_SHIFT * em \
        and _column_edge(lines, before, first[0].x0, em) and _column_edge(lines, index, second[0].x0, em)


def _em(cell: Cell) -> float:
    """The width of one Chinese character in a cell's units (points, or display columns)."""
    return 2 * (cell.x1 - cell.x0) / max(display_width(cell.text), 1)


def _column_edge(lines: tuple[Line, ...], index: int, x0: float, em: float) -> bool:
    """Does another line near line `index` have a cell starting at `x0` (within a character)?"""
    near = lines[max(index - COLUMN_WINDOW, 0):index] + lines[index + 1:index + 1 + COLUMN_WINDOW]
    return any(abs(cell.x0 - x0) <= em for line in near for cell in line.cells)


_BLANK, _FURNITURE, _TABLE, _PROSE = range(4)


def _kind_of(line: Line) -> int:
    """What a line is to the segmenting: blank, page furniture, a table's line, or prose."""
    if line.is_blank:
        return _BLANK
    if is_page_furniture(line):
        return _FURNITURE
    return _TABLE if is_table_line(line) else _PROSE


def segment(source: Source) -> tuple[Block, ...]:
    """Cut a source's lines into table blocks and paragraphs, in document order."""
    lines = source.lines
    kinds = [_kind_of(line) for line in lines]  # asked twice of each line below: found once
    prose_lines = [line for line, kind in zip(lines, kinds) if kind == _PROSE]
    margin = margin_of(prose_lines)
    blocks: list[Block] = []
    table: list[Line] = []
    paragraph: list[Line] = []

    def flush_table() -> None:
        if table:
            blocks.append(TableBlock(tuple(table)))
            table.clear()

    def flush_paragraph() -> None:
        if paragraph:
            blocks.append(build_paragraph(paragraph, source.path))
            paragraph.clear()

    next_text: list[Line | None] = [None] * len(lines)  # the next non-blank line after each line
    upcoming: Line | None = None
    last_prose = 0  # the index of the paragraph's last line
    for index in range(len(lines) - 1, -1, -1):
        next_text[index] = upcoming
        if not lines[index].is_blank:
            upcoming = lines[index]
    for index, (line, kind) in enumerate(zip(lines, kinds)):
        if kind in (_BLANK, _FURNITURE):
            following = next_text[index]
            carried = following is not None and _CONTINUATION.match(following.text)
            if paragraph and not continues(paragraph, margin, following) and not carried:
                flush_paragraph()
            continue
        if kind == _TABLE:
            flush_paragraph()
            table.append(line)
            continue
        flush_table()
        carries_on = bool(_CONTINUATION.match(line.text)) and not _LINE_END_CLOSES.search(paragraph[-1].text) if paragraph else False
        if paragraph and (other_column(lines, last_prose, index)
                          or not carries_on and (not continues(paragraph, margin, line) or _HEADING.match(line.text))):
            flush_paragraph()
        paragraph.append(line)
        last_prose = index
    flush_paragraph()
    flush_table()
    return tuple(blocks)


def build_paragraph(lines: list[Line], path: str) -> Paragraph:
    """Join wrapped lines into one text that remembers where each character came from."""
    parts: list[str] = []
    pieces: list[TextPiece] = []
    offset = 0
    for line in lines:
        bullet = _CONTINUATION_BULLET.match(line.text) if parts else None
        lead = bullet.end() if bullet else len(line.text) - len(line.text.lstrip())
        stripped = line.text[lead:].strip()
        if parts and _needs_space(parts[-1], stripped):
            parts.append(" ")
            offset += 1
        location = Location(path, line.number, lead + 1, line.number, lead + 1 + len(stripped), line.page)
        pieces.append(TextPiece(offset, location))
        parts.append(stripped)
        offset += len(stripped)
    body = TextMap("".join(parts), tuple(pieces))
    return Paragraph(body, split_sentences(body))


def _needs_space(before: str, after: str) -> bool:
    return bool(before) and bool(after) and before[-1].isascii() and before[-1].isalnum() \
        and after[0].isascii() and after[0].isalnum()


def split_sentences(body: TextMap) -> tuple[Sentence, ...]:
    """Sentences end at 。！？ (with any closing quote) and at the end of the paragraph, but not
    inside brackets that the sentence opened after its first word: "公务用车购置及运行维护费
    567.72万元（公务用车购置费230.55万元…；公务用车运行维护费337.17万元…。）比上年增加…" goes on
    after the bracket, whose 。 ends the note inside it. A bracketed sentence of its own ("（注：
    …。）") opens with its bracket and ends with it."""
    text = body.text
    brackets = bracket_pairs(text)
    openings = [open_at for open_at, _ in brackets]
    sentences = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        opened = _WORD.search(text, start).start()  # the sentence's first character
        inside = brackets[bisect_right(openings, opened):bisect_left(openings, match.start())]
        if any(match.start() < close_at for _, close_at in inside):
            continue  # a mark inside a bracket of the sentence's own: the sentence goes on after it
        sentences.append(_sentence(body, start, match.end()))
        start = match.end()
    if start < len(text):
        sentences.append(_sentence(body, start, len(text)))
    return tuple(s for s in sentences if s is not None)


_WORD = compile_lazily(r"\S")
_OPENING, _CLOSING = "（(", "）)"
_BRACKET = compile_lazily(r"[（(）)]")  # any of _OPENING and _CLOSING
MAX_BRACKETED = 200  # characters a bracketed note may run to; a longer "pair" is a stray bracket


def bracket_pairs(text: str) -> list[tuple[int, int]]:
    """(opening, closing) offsets, in order of opening, of the round brackets of a text that
    close each other, innermost as well as outermost; a bracket left open or closing none (lost
    in extraction) pairs with nothing, and a pair further apart than a note runs is none either."""
    pairs, stack = [], []
    for match in _BRACKET.finditer(text):  # most texts have few brackets: only they are walked
        index, char = match.start(), match.group()
        if char in _OPENING:
            stack.append(index)
        elif char in _CLOSING and stack:
            opening = stack.pop()
            if index - opening <= MAX_BRACKETED:
                pairs.append((opening, index))
    return sorted(pairs)


def _sentence(body: TextMap, start: int, end: int) -> Sentence | None:
    raw = body.text[start:end]
    lead = len(raw) - len(raw.lstrip())
    start += lead
    end = start + len(raw.strip())
    if end <= start:
        return None
    return Sentence(body.text[start:end], start, end, body.locate(start, end))
