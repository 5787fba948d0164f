"""Performance forms printed as a list, a row per project.

Guangzhou prints its projects' goals as one list (项目支出绩效目标表: 项目名称（资金使用单位） | 总计 |
财政拨款 | 财政专户拨款 | 其他资金 | 绩效目标 | 绩效指标): a row per project under its unit's row,
the units' rows under a 合计, each cell set in the middle of its row's box, so that a project's
name wraps above and below its figures, and its indicators flattened into one cell ("1、1－产出
指标，11－数量指标，NAME；实施周期指标值：X，年度指标值：Y;2、…"). Shenzhen prints its 重点项目
绩效目标 in its narrative, under no title a table kind knows (二级预算单位名称 | 一级项目名称 | 预算数
（万元） | 绩效目标), each cell set from the top of its box.

A list is found by its header (domain.forms.LIST_COLUMNS): a line, or two or three stacked, whose
every cell names a column, among them the project, its money and its goal or indicators; a
header inside a table of another kind is that table's. The list runs to a line from its left
margin that ends it (a note, a part or heading of the narrative, another table's title); its
header repeated on the next page gives that page's columns.

A row is one box: in a PDF, the band between two rules; in text, the lines between blank lines
when each such run holds one line of figures, else the lines from one line of figures to the
next (rows set from the top of their boxes). Lines at the head of a page with no figures go on
with the row before. A figure stands under the money column whose header's middle is nearest; a
word under the text column it starts in (a text column's words are set from its left edge, left
of its centred header). What cannot be placed so is a doubt of the row's form, never a guess.

Each project's row is a Form (its name, unit, money: 总计 or 预算数 is the year's budget; its goal,
its indicators with the year's target and the whole term's). A row of a list whose project
column names the unit too (项目名称（资金使用单位）) and that prints no goal and no indicators is
its unit's row: it sums the projects under it, and the 合计 sums the units' rows (ListTotal).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from statistics import median
from typing import Iterator, Sequence

import regex

from auditlint.patterns import compile_lazily
from auditlint import domain
from auditlint.domain import forms as words
from auditlint.model import GRID, Amount, Cell, Document, Form, FormField, Indicator, Line, ListTotal, Location, Source, \
    Table, display_width
from auditlint.parse.form_fields import NO_NAME
from auditlint.parse.narrative import is_page_furniture
from auditlint.parse.numbers import parse_amount

FIGURE_PLACE_DOUBT = "金额无法确定属于哪一列（其中点与右端各靠近不同的表头）"
TWO_FIGURES = "同一列读到两个金额，该行金额未读取"
NO_FIGURES = "该行未读到金额"
WORDS_NOT_PLACED = "有文字无法对应到表头各列"
ROWS_NOT_TOLD_APART = "各行的界限无法确定（无分隔行，且金额不在每行的首行）"
PAGE_NOT_PLACED = "续页未再印表头，也没有填满各列的行，该页文字的列无法确定，未读取"
INDICATOR_NOT_READ = "有绩效指标未能按“一级、二级指标，名称，实施周期指标值，年度指标值”读出"

# A figure of a list's money column: an amount to the cent ("1,592.50", "0.44").
_FIGURE = compile_lazily(r"^-?\d{1,3}(?:,\d{3})*\.\d{2}$|^-?\d+\.\d{2}$")
# A line of the department or unit a list is of, under its title ("部门名称：广州市生态环境局  单位：万元").
_WHOSE = compile_lazily(r"^\s*(?:部门(?:名称)?|单位(?:名称)?|编制单位|预算单位)\s*[：:]")
_SINGLE_SPACE = compile_lazily(r"(?<=\S) (?=\S)")
_NAME_MARKS = compile_lazily(r"[：:]\s*$")
# How a part of a cell is placed across the line: by the characters before it (pdftotext -layout,
# a Chinese character one column), by their display width (a Chinese character two), or by its
# share of the cell's width on a PDF's page.
CHARACTERS, DISPLAY, PAGE = "characters", "display", "page"
FILL_SLACK = 2  # display columns a filled line of words may fall short of its column's width: one character
HEADER_LINES = 3  # the most lines a list's header is stacked over (二级预算 / 一级项目名称 / 单位名称)


@dataclass(frozen=True)
class _Column:
    """A column of a list's header: the field its cells are, and its extent across the page."""

    name: str
    x0: float
    x1: float

    @property
    def middle(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass(frozen=True)
class _Header:
    """A list's header as printed on one page: its columns left to right, its lines, whether its
    units are rows of the list, and how far a word may start right of its column's header."""

    columns: tuple[_Column, ...]
    lines: tuple[Line, ...]
    units_as_rows: bool
    tolerance: float

    def named(self, names: Sequence[str]) -> list[_Column]:
        return [c for c in self.columns if c.name in names]

    @cached_property
    def money_start(self) -> float:
        return min(c.x0 for c in self.named(words.LIST_MONEY))

    @cached_property
    def money_end(self) -> float:
        return max(c.middle for c in self.named(words.LIST_MONEY))

    @cached_property
    def text_start(self) -> float:
        """Where the text columns right of the money begin: a figure is no further right."""
        right = [c.x0 for c in self.columns if c.name not in words.LIST_MONEY and c.x0 > self.money_start]
        return min(right, default=float("inf"))


@dataclass
class _Piece:
    """A cell of a row, or a part of one, with its place across the page."""

    text: str
    location: Location
    x0: float
    x1: float


@dataclass
class _Row:
    """A row of a list being read: its lines, the header over them, and its cells by column."""

    header: _Header
    lines: list[Line]
    cells: dict[str, list[_Piece]] = field(default_factory=dict)
    doubts: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class FormList:
    """A list of forms as read: its project forms, its rows that sum others, the lines it takes."""

    forms: tuple[Form, ...]
    totals: tuple[ListTotal, ...]
    lines: frozenset[tuple[str, int]]  # (its file, a line number)


def read_lists(doc: Document) -> list[FormList]:
    """Every list of performance forms in a document (in each of its files), outside the tables
    of other kinds."""
    return [found for source in doc.sources for found in _lists_of(doc, source)]


def _lists_of(doc: Document, source: Source) -> Iterator[FormList]:
    """The lists of performance forms of one file of a document."""
    lines = source.lines
    # a header is printed over at most HEADER_LINES lines, one of them naming LIST_KEY: only a
    # line that near one can start it (most files have none at all)
    keyed = [i for i, line in enumerate(lines) if words.LIST_KEY in line.text.replace(" ", "")]
    if not keyed:
        return
    near = {start for i in keyed for start in range(i - HEADER_LINES + 1, i + 1)}
    elsewhere = _in_other_tables(doc, source.path)
    measure = PAGE if source.kind == "pdf" else CHARACTERS if _by_characters(lines) else DISPLAY
    index = 0
    while index < len(lines):
        header = None if lines[index].number in elsewhere or index not in near else _header_at(lines, index)
        if header is None:
            index += 1
            continue
        end, rows, doubts = _body(lines, index, header, measure, near)
        table = _table_of(doc, source.path, lines[index])
        start = next(i for i, line in enumerate(lines) if line.number == table.location.line) if table else index
        yield _read(doc, source, header, rows, doubts, lines[start:end])
        index = max(end, index + 1)


def _in_other_tables(doc: Document, path: str) -> set[int]:
    """The lines of a file's tables that are no forms: a header there is that table's."""
    forms = {kind.id for kind in domain.TABLE_KINDS if kind.form}
    return {n for t in doc.tables if t.kind not in forms and t.location.path == path
            for n in range(t.location.line, t.location.end_line + 1)}


def _by_characters(lines: Sequence[Line]) -> bool:
    """Does the source place a cell at its character column (pdftotext -layout, a Chinese
    character one column) rather than at its display width? Then a part of a cell starts one
    unit right per character."""
    for line in lines:
        for cell in line.cells:
            before = line.text[:cell.location.column - 1]
            if display_width(before) != len(before):
                return cell.x0 == len(before)
    return False


# --------------------------------------------------------------------------------------------
# The header


def _header_at(lines: Sequence[Line], index: int) -> _Header | None:
    """The list header starting at lines[index]: that line, or it and the lines stacked under it.
    A list whose cells are cut by tabs or a table's grid (GRID: a cell's column is its index, not
    its place) is not read so."""
    if not any(words.LIST_KEY in line.text.replace(" ", "") for line in lines[index:index + HEADER_LINES]) \
            or lines[index].layout == GRID:
        return None
    for count in range(1, HEADER_LINES + 1):
        stack = lines[index:index + count]
        if len(stack) < count or any(line.is_blank for line in stack):
            return None
        header = _header(stack)
        if header is not None:
            return header
    return None


def _header(stack: Sequence[Line]) -> _Header | None:
    """The columns of a header printed over these lines: cells stacked over each other (by more
    than half the narrower's width) are one column's words, read top to bottom."""
    cells = [cell for line in stack for cell in line.cells if cell.text.strip()]
    if not cells or any(_FIGURE.match(cell.text.strip()) for cell in cells):
        return None
    groups: list[list[Cell]] = []
    for cell in cells:
        group = next((g for g in groups if any(_stacked(cell, other) for other in g)), None)
        if group is None:
            groups.append([cell])
        else:
            group.append(cell)
    columns: list[_Column] = []
    units_as_rows = False
    for group in sorted(groups, key=lambda g: min(c.x0 for c in g)):
        named = words.list_column("".join(c.text for c in group))
        if named is None:
            return None
        columns.append(_Column(named[0], min(c.x0 for c in group), max(c.x1 for c in group)))
        units_as_rows = units_as_rows or named[1]
    names = [c.name for c in columns]
    if "项目名称" not in names or not set(names) & set(words.LIST_MONEY) or not set(names) & set(words.LIST_GOALS) \
            or len(names) != len(set(names)):
        return None
    tolerance = 2 * median((c.x1 - c.x0) / max(display_width(c.text), 1) for c in cells)
    return _Header(tuple(columns), tuple(stack), units_as_rows, tolerance)


def _stacked(a: Cell, b: Cell) -> bool:
    overlap = min(a.x1, b.x1) - max(a.x0, b.x0)
    return a.location.line != b.location.line and overlap > min(a.x1 - a.x0, b.x1 - b.x0) / 2


# --------------------------------------------------------------------------------------------
# The rows


def _body(lines: Sequence[Line], index: int, header: _Header, measure: str, near: set[int]
          ) -> tuple[int, list[_Row], list[str]]:
    """Where the list ends, its rows, and the doubts about telling them apart. `near`: the
    lines a header can start at (LIST_KEY within HEADER_LINES), the only ones asked whether
    the header is printed again."""
    blocks: list[list[tuple[Line, _Header]]] = [[]]  # runs of lines, each under its page's header
    position = index + len(header.lines)
    printed = header  # the header as last printed
    unplaced: set[int] = set()  # pages of a text whose columns cannot be told
    while position < len(lines):
        line = lines[position]
        repeated = _header_at(lines, position) if position in near else None
        if repeated is not None:
            header = printed = repeated
            unplaced.discard(line.page)
            blocks.append([])
            position += len(repeated.lines)
            continue
        if measure != PAGE and line.page != lines[position - 1].page:
            derived = _page_header([l for l in lines[position:] if l.page == line.page], printed)
            header = derived or printed
            if derived is None:
                unplaced.add(line.page)
        if _ends(line, header):
            break
        position += 1
        if line.is_blank or is_page_furniture(line) or _WHOSE.match(line.text) \
                or domain.table_kind(line.text) is not None:
            blocks.append([])
            continue
        blocks[-1].append((line, header))
    rows, doubts = _rows([b for b in blocks if b], measure, unplaced)
    return position, rows, doubts


def _page_header(page: Sequence[Line], header: _Header) -> _Header | None:
    """The columns of a page the header is not printed on again, where a text layout places
    them anew (pdftotext moves every column of a page its own way): those of the page's first
    line that fills every column, a figure under each money column and words under the others,
    in the header's order."""
    for line in page:
        cells = [c for c in line.cells if c.text.strip()]
        if len(cells) == len(header.columns) and all(
                bool(_FIGURE.match(cell.text.strip())) == (column.name in words.LIST_MONEY)
                for cell, column in zip(cells, header.columns)):
            columns = tuple(_Column(column.name, cell.x0, cell.x1) for cell, column in zip(cells, header.columns))
            return _Header(columns, (), header.units_as_rows, header.tolerance)
    return None


def _ends(line: Line, header: _Header) -> bool:
    """Does a line end the list: printed from its left margin (left of its money), a note, a part
    or heading of the narrative, a sentence, or the title or caption (表7) of another table?"""
    first = next((c for c in line.cells if c.text.strip()), None)
    if first is None or first.x0 >= header.money_start or _FIGURE.match(first.text.strip()):
        return False
    text = first.text.strip()
    kind = domain.table_kind(text)
    return bool(words.LIST_END.match(text) or domain.TABLE_NUMBER.match(text)) or (kind is not None and not kind.form) \
        or _sentence(text)


_SENTENCE_MARK = compile_lazily(r"[，。；]")
SENTENCE_HAN = 18  # a row's name wraps within its column, well before this many characters


def _sentence(text: str) -> bool:
    return len(regex.findall(r"\p{Han}", text)) >= SENTENCE_HAN and bool(_SENTENCE_MARK.search(text))


def _rows(blocks: list[list[tuple[Line, _Header]]], measure: str, unplaced: set[int]) -> tuple[list[_Row], list[str]]:
    """The list's rows from its runs of lines: by band where rules bound each row (PDF), else by
    run when each run holds one line of figures, else from each line of figures to the next.
    The words of the `unplaced` pages are left out, a doubt of their rows."""
    def where(line: Line, header: _Header) -> tuple[int, int]:
        return id(header), 0 if measure == PAGE else line.page  # text moves a page's columns its own way

    under: dict[tuple[int, int], tuple[_Header, list[Line]]] = {}
    for block in blocks:
        for line, header in block:
            under.setdefault(where(line, header), (header, []))[1].append(line)
    layouts = {key: _layout(header, found, measure) for key, (header, found) in under.items()}
    placing = {line.number: (header, layouts[where(line, header)]) for block in blocks for line, header in block}
    lines_page = {line.number: line.page for block in blocks for line, _ in block}

    def has_figures(line: Line, header: _Header) -> bool:
        return any(figure for _, figure, _ in _words(line, header, layouts[where(line, header)].figures_end, measure))

    if all(line.band is not None for block in blocks for line, _ in block):
        groups = [[pair for pair in block if pair[0].band == band]
                  for block in blocks for band in dict.fromkeys(line.band for line, _ in block)]
        top_aligned = False
    else:
        groups = blocks
        top_aligned = any(sum(has_figures(line, h) for line, h in block) > 1 for block in blocks)
    rows: list[_Row] = []
    doubts: list[str] = []
    for group in groups:
        pieces = [group]
        if top_aligned:
            starts = [i for i, (line, h) in enumerate(group) if has_figures(line, h)]
            cuts = [0, *[s for s in starts if s > 0], len(group)]
            pieces = [group[a:b] for a, b in zip(cuts, cuts[1:])]
        for piece in pieces:
            figures = any(has_figures(line, h) for line, h in piece)
            new_page = not rows or piece[0][0].page != rows[-1].lines[-1].page
            if not figures and rows and new_page:
                rows[-1].lines.extend(line for line, _ in piece)  # the row goes on from the page before
                continue
            if not figures and top_aligned and rows:
                doubts.append(ROWS_NOT_TOLD_APART)
            rows.append(_Row(piece[0][1], [line for line, _ in piece]))
    placeable = {n: placed for n, placed in placing.items() if lines_page[n] not in unplaced}
    for row in rows:
        _place(row, placeable, measure)
    return rows, list(dict.fromkeys(doubts))


def _words(line: Line, header: _Header, figures_end: float, measure: str) -> Iterator[tuple[_Piece, bool, bool]]:
    """The parts of a line's cells (see _parts), each with whether it is a figure of the money (an
    amount starting left of `figures_end`: further right, a goal's "22.45公里" is words) and
    whether it starts its cell's words (its cell's first part, or the first after its figures)."""
    for cell in line.cells:
        if cell.text.strip():
            starts = True
            for piece in _parts(cell, measure):
                figure = bool(_FIGURE.match(piece.text)) and piece.x0 < figures_end
                yield piece, figure, starts and not figure
                starts = starts and figure


@dataclass(frozen=True)
class _Layout:
    """Where each text column's words start under one header (a text column's words are set from
    its left edge, left of its centred header), and how wide its longest line of words alone is
    (in display columns): a cell that text cut at single spaces goes on into the next column
    once its words have filled that width."""

    edges: dict[str, float]
    widths: dict[str, int]
    figures_end: float  # where the text right of the money starts: a figure from there on is words


def _layout(header: _Header, lines: list[Line], measure: str) -> _Layout:
    """The layout of the text columns under one header, from the words that start its lines'
    cells (the header puts each under a column): a column's edge is where the leftmost starts;
    a column with no word starts at its header."""
    edges: dict[str, float] = {}
    widths: dict[str, int] = {}
    for line in lines:
        for piece, _, first in _words(line, header, header.text_start, measure):
            name = _under_header(header, piece.x0) if first else None
            if name is None:
                continue
            edges[name] = min(edges.get(name, piece.x0), piece.x0)
            if piece.text == _cell_of(line, piece).text.strip():
                widths[name] = max(widths.get(name, 0), display_width(piece.text))
    edges = {c.name: edges.get(c.name, c.x0) for c in header.columns if c.name not in words.LIST_MONEY}
    right = [edges[c.name] for c in header.columns if c.name in edges and c.x0 > header.money_start]
    return _Layout(edges, widths, min(right, default=float("inf")) - header.tolerance / 2)


def _cell_of(line: Line, piece: _Piece) -> Cell:
    return next(c for c in line.cells if c.location.column <= piece.location.column < c.location.end_column)


def _under_header(header: _Header, x0: float) -> str | None:
    """The text column a word starting a cell at x0 is under, by the header: on its side of the
    money, the first whose header starts at or right of it."""
    side = _side(header, x0)
    return next((c.name for c in side if c.x0 >= x0 - header.tolerance), side[-1].name if side else None)


def _side(header: _Header, x0: float) -> list[_Column]:
    """The text columns on the side of the money a word starting at x0 is on: left of its first
    header, or right of its last header's middle; none for a word among the money (a figure
    the extraction cut in two)."""
    if header.money_start <= x0 < header.money_end:
        return []
    left = x0 < header.money_start
    return [c for c in header.columns if c.name not in words.LIST_MONEY and (c.x0 < header.money_start) == left]


def _place(row: _Row, placing: dict[int, tuple[_Header, _Layout]], measure: str) -> None:
    """Each cell of a row under its column (by its line's header and the layout of its page; a
    line of a page whose columns cannot be told is left out, a doubt): a figure under the
    nearest money column, a cell's words under the text column they start in (the last on their
    side whose edge is at or left of them). A cell is cut at single spaces first: a goal's last words and the indicators
    beside them, a figure and the goal beside it, are one cell where one space parts them, and
    text squeezes the part after the space left of its column; a part goes on in the next
    column once the words before it have filled their column (or, where no line shows how wide
    the column is, once it starts at the next column's edge)."""
    for line in row.lines:
        if line.number not in placing:
            row.doubts.append(PAGE_NOT_PLACED)
            continue
        header, layout = placing[line.number]
        money = header.named(words.LIST_MONEY)
        slack = header.tolerance / 2  # a character: text squeezes a word a column left of where it stands
        column: _Column | None = None
        filled = 0
        for piece, figure, starts in _words(line, header, layout.figures_end, measure):
            if figure:
                nearest = _nearest(money, (piece.x0 + piece.x1) / 2)
                if _nearest(money, piece.x1) is not nearest:
                    row.doubts.append(FIGURE_PLACE_DOUBT)
                row.cells.setdefault(nearest.name, []).append(piece)
                continue
            side = _side(header, piece.x0)
            if starts or column is None:
                under = [c for c in side if layout.edges[c.name] <= piece.x0 + slack]
                column, filled = (under[-1] if under else side[0] if side else None), 0
            else:
                later = side[side.index(column) + 1:] if column in side else []
                if later and _goes_on(layout, column, later[0], filled, piece.x0 + slack):
                    column, filled = later[0], 0
            if column is None:
                row.doubts.append(WORDS_NOT_PLACED)
                continue
            filled += display_width(piece.text) + 1
            placed = row.cells.setdefault(column.name, [])
            if placed and placed[-1].location.line == line.number:
                last = placed[-1]
                placed[-1] = _Piece(last.text + " " + piece.text, _span(last.location, piece.location, piece.location.end_column),
                                    last.x0, piece.x1)
            else:
                placed.append(piece)


def _goes_on(layout: _Layout, column: _Column, following: _Column, filled: int, x0: float) -> bool:
    """Does a part of a cell go on in the following column: the words before it filled their
    column's width, or, where no line shows that width, it starts at the following column's edge?"""
    width = layout.widths.get(column.name)
    return filled >= width - FILL_SLACK if width else layout.edges[following.name] <= x0


def _nearest(columns: list[_Column], x: float) -> _Column:
    """The column whose header's middle is nearest x. A figure is set right in its column, its
    middle and its right end both nearer its own header than another's, unless it was placed
    askew: then the two disagree."""
    return min(columns, key=lambda c: abs(c.middle - x))


def _parts(cell: Cell, measure: str) -> list[_Piece]:
    """A cell as the parts single spaces cut it into, each with where it starts: one unit right
    per character (CHARACTERS) or per display column (DISPLAY) of the text before it, or its
    share of the cell's width on a PDF's page (PAGE)."""
    whole = _Piece(cell.text.strip(), cell.location, cell.x0, cell.x1)
    if not _SINGLE_SPACE.search(cell.text):
        return [whole]
    scale = (cell.x1 - cell.x0) / display_width(cell.text) if measure == PAGE else 1
    parts: list[_Piece] = []
    start = 0
    for gap in [*_SINGLE_SPACE.finditer(cell.text), None]:
        end = gap.start() if gap else len(cell.text)
        text = cell.text[start:end]
        offset = start if measure == CHARACTERS else display_width(cell.text[:start]) * scale
        column = cell.location.column + start
        location = Location(cell.location.path, cell.location.line, column, cell.location.line, column + len(text),
                            cell.location.page)
        parts.append(_Piece(text, location, cell.x0 + offset, cell.x0 + offset + display_width(text) * scale))
        start = end + 1
    return parts


def _span(first: Location, last: Location, end_column: int) -> Location:
    return Location(first.path, first.line, first.column, last.end_line, end_column, first.page)


# --------------------------------------------------------------------------------------------
# Forms


def _read(doc: Document, source: Source, header: _Header, rows: list[_Row], doubts: list[str],
          lines: Sequence[Line]) -> FormList:
    """The list's rows as forms: projects, units' rows and the 合计, and the sums among them."""
    first = header.lines[0]
    titled = _title(doc, source, first, lines)
    forms: list[Form] = []
    units: list[tuple[Form, list[Form]]] = []
    total: tuple[Form, str] | None = None
    unit_name: FormField | None = None
    for row in rows:
        table = _table_of(doc, source.path, row.lines[0]) or titled
        name = _text_field(row, "项目名称")
        goals = [c for c in words.LIST_GOALS if row.cells.get(c)]
        money = _money_fields(row)
        row_doubts = [*doubts, *row.doubts, *([TWO_FIGURES] if money is None else [NO_FIGURES] if not money else [])]
        common = dict(location=_location(source.path, row), doubts=tuple(dict.fromkeys(row_doubts)),
                      columns=tuple(c.name for c in header.named(words.LIST_MONEY)), list_line=first.number)
        if name is not None and domain.TOTAL_LABEL.match(_NAME_MARKS.sub("", name.text)):
            total = (Form(table, tuple(money or ()), (), **common), _NAME_MARKS.sub("", name.text))
            continue
        if header.units_as_rows and name is not None and not goals:
            unit_name = FormField("实施单位", name.text, None, name.location)
            units.append((Form(table, (unit_name, *(money or ())), (), **common), []))
            continue
        unit = _text_field(row, "实施单位") or unit_name
        indicators, unread = _indicators(row)
        common["doubts"] = (*common["doubts"], *([NO_NAME] if name is None else []), *([INDICATOR_NOT_READ] if unread else []))
        fields = [f for f in (name, unit, *(money or ()), _text_field(row, "绩效目标")) if f is not None]
        form = Form(table, tuple(fields), tuple(indicators), **common)
        forms.append(form)
        if units:
            units[-1][1].append(form)
    totals = [ListTotal(unit, tuple(projects), unit.fields[0].text) for unit, projects in units if projects]
    if total is not None:
        totals.insert(0, ListTotal(total[0], tuple(unit for unit, _ in units) if units else tuple(forms), total[1]))
    return FormList(tuple(forms), tuple(totals), frozenset((source.path, line.number) for line in lines))


def _title(doc: Document, source: Source, first: Line, lines: Sequence[Line]) -> Table:
    """The table a list is printed in; under no title a table kind knows, a table named by the
    words that introduce it ("本单位重点项目绩效目标情况如下：" names 重点项目绩效目标)."""
    table = _table_of(doc, source.path, first)
    if table is not None:
        return table
    above = [line for line in source.lines[:first.number - 1] if not line.is_blank and not is_page_furniture(line)][-1:]
    named = words.LIST_TITLE.search(above[0].text) if above else None
    title = named.group("title") if named else words.UNTITLED_LIST
    unit = next((m.group("unit") for line in (first, *lines[:HEADER_LINES]) if (m := words.LIST_UNIT.search(line.text))), "")
    at = above[0] if above and named else first
    location = Location(source.path, at.number, 1, lines[-1].number if lines else at.number, 1, at.page)
    return Table(regex.sub(r"\s", "", title), "performance", unit, (), (), location)


def _table_of(doc: Document, path: str, line: Line) -> Table | None:
    """The performance table whose region a line of a file is in (its title at or above it, no
    other table's between)."""
    before = [t for t in doc.tables if t.location.path == path and t.location.line <= line.number]
    last = max(before, key=lambda t: t.location.line, default=None)
    return last if last is not None and domain.KINDS_BY_ID[last.kind].form else None


def _location(path: str, row: _Row) -> Location:
    first, last = row.lines[0], row.lines[-1]
    return Location(path, first.number, 1, last.number, len(last.text) + 1, first.page)


def _text_field(row: _Row, name: str) -> FormField | None:
    """A text column's words in a row, joined as wrapped (no space between lines), as a field."""
    pieces = row.cells.get(name)
    if not pieces:
        return None
    text = "".join(p.text for p in pieces)
    return FormField(name, text, None, _span(pieces[0].location, pieces[-1].location, pieces[-1].location.end_column))


def _money_fields(row: _Row) -> list[FormField] | None:
    """A row's figures as fields, one per money column; None when a column holds two."""
    fields: list[FormField] = []
    for name in words.LIST_MONEY:
        pieces = row.cells.get(name, [])
        if len(pieces) > 1:
            return None
        if pieces:
            value = parse_amount(pieces[0].text)
            amount = Amount(value, pieces[0].text, pieces[0].location) if value is not None else None
            fields.append(FormField(name, pieces[0].text, amount, pieces[0].location))
    return fields


def _indicators(row: _Row) -> tuple[list[Indicator], bool]:
    """The indicators flattened in a row's cell, each where it starts; and whether a part of the
    cell could not be read as one."""
    pieces = row.cells.get("绩效指标")
    if not pieces:
        return [], False
    text = ""
    starts: list[tuple[int, _Piece]] = []
    for piece in pieces:
        starts.append((len(text), piece))
        text += piece.text
    found: list[Indicator] = []
    unread = False
    bounds = [m.start() for m in words.FLAT_INDICATOR_START.finditer(text)]
    if not bounds or text[:bounds[0]].strip():
        unread = True
    grid = row.lines[0].number
    for begin, end in zip(bounds, [*bounds[1:], len(text)]):
        match = words.FLAT_INDICATOR.match(text[begin:end])
        if match is None:
            unread = True
            continue
        offset, piece = next((o, p) for o, p in reversed(starts) if o <= begin)
        column = piece.location.column + begin - offset
        location = Location(piece.location.path, piece.location.line, column, piece.location.line, piece.location.end_column, piece.location.page)
        found.append(Indicator(match.group("level1"), match.group("level2"), match.group("name"), match.group("year"),
                               None, None, None, location, grid, words.ANNUAL, match.group("term")))
    return found, unread
