"""The vocabulary every layer shares: where text is, what a document is made of.

Everything here is a frozen dataclass built from the standard library only, so readers, the
parser, checks and reports can pass these objects around without importing each other. Every
piece of text keeps its `Location` from the reader to the report: a finding can only be trusted
when the user can see the exact characters it is about.
"""
from __future__ import annotations

import unicodedata
from bisect import bisect_left, bisect_right
from decimal import Decimal
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any, Callable, Union


def decimal_places(value: Decimal) -> int:
    """How many decimals a printed value had (2 for 12.30, 0 for 12): its rounding unit."""
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def radius(value: Decimal) -> Decimal:
    """Half of the last printed digit: the rounding radius of a printed value (0.005 for 12.30,
    0.5 for 12). A bare 0 is exact: "政府性基金 0 万元" says there is none, where 0.00 is a
    figure rounded to the cent like its neighbours. (auditlint.agreement's arithmetic rests on
    it; it is here so that a Ledger need not write a figure's radius when it is this.)"""
    places = decimal_places(value)
    if value == 0 and not places:
        return Decimal(0)
    return _RADII[places] if places < len(_RADII) else Decimal(5).scaleb(-places - 1)


# The radius of a value printed to 0, 1, 2 … decimals, made once: the arithmetic asks it of every
# figure of every sum.
_RADII = tuple(Decimal(5).scaleb(-places - 1) for places in range(8))


class _CellWidths(dict):
    """Each character's width in Latin character cells, found once per character met: the
    parser measures every line and cell of a document, hundreds of thousands of characters."""

    def __missing__(self, char: str) -> int:
        width = self[char] = 2 if unicodedata.east_asian_width(char) in "WF" else 1
        return width


_CELL_WIDTHS = _CellWidths()


@lru_cache(maxsize=1 << 16)
def display_width(text: str) -> int:
    """Width in Latin character cells: East Asian wide and full-width characters count two, as
    they are set on the page (used to join wrapped lines and to place cells under headers).
    Cached by text: the narrative measures each line and cell several times (its margin, whether
    it is full, the width of its characters)."""
    if text.isascii():  # figures and codes: one cell a character, without looking each up
        return len(text)
    return sum(map(_CELL_WIDTHS.__getitem__, text))


def slot_stores(cls: type, names: str) -> tuple[Callable[[Any, Any], None], ...]:
    """The stores of a frozen slotted data class's fields `names` (space-separated, in order):
    each slot descriptor's own `__set__`. A data class's constructor stores through
    `object.__setattr__`, which looks each name up again (0.70 µs for a Location, against 0.42
    through the descriptors): the records a page is made of by the thousand (Location, Cell,
    Line) are built through these instead. tests/test_model.py holds each such constructor to
    its data class's fields and defaults."""
    return tuple(getattr(cls, name).__set__ for name in names.split())


@dataclass(frozen=True, slots=True)
class Location:
    """A span of characters in a source file.

    Lines and columns are 1-based and count Unicode code points; `end_column` is exclusive, as in
    SARIF. `page` is the 1-based page (form feeds in text, pages in a PDF, sheets of a workbook).

    `anchor` is where a person opens the place in an office file, whose lines are the reader's
    and not the file's: a Word paragraph (`¶12`) or table cell (`T2!R3C4`), an Excel cell
    (`收支总表!C7`); "" for text and PDF. Readers set it on their cells and the engine on a
    finding's locations (auditlint.engine.anchored); it is not compared, so a location rebuilt
    from a line and a column (which every parse step does) equals the cell's own.
    """

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    page: int = 1
    anchor: str = field(default="", compare=False)

    def within(self, other: "Location") -> bool:
        """Is this place inside the lines of `other`, in the same file?"""
        return self.path == other.path and other.line <= self.line <= other.end_line

    def covering(self, other: "Location") -> "Location":
        """The smallest span that contains both locations (same file)."""
        start = min((self.line, self.column), (other.line, other.column))
        end = max((self.end_line, self.end_column), (other.end_line, other.end_column))
        return Location(self.path, start[0], start[1], end[0], end[1], min(self.page, other.page))


_LOCATION_STORES = slot_stores(Location, "path line column end_line end_column page anchor")


def _location(self: Location, path: str, line: int, column: int, end_line: int, end_column: int, page: int = 1,
              anchor: str = "") -> None:
    """Location's constructor, through its slots (slot_stores)."""
    store_path, store_line, store_column, store_end_line, store_end_column, store_page, store_anchor = _LOCATION_STORES
    store_path(self, path)
    store_line(self, line)
    store_column(self, column)
    store_end_line(self, end_line)
    store_end_column(self, end_column)
    store_page(self, page)
    store_anchor(self, anchor)


Location.__init__ = _location  # type: ignore[method-assign]


@dataclass(frozen=True, slots=True)
class Cell:
    """One cell of a source line: the original text, where it is, and its horizontal extent.

    `x0`/`x1` place the cell across the page: display columns for text (a wide character counts
    two), points for PDFs. Tables use them to put a cell under its column header. `ruled` is the
    box the ruling lines draw around the cell (the vertical rules left and right of it on its
    line), when a PDF has both: a merged header cell (财政拨款 over 小计, 一般公共预算, …) prints its
    words in the middle of a box as wide as the columns it heads.
    """

    text: str
    location: Location
    x0: float = 0.0
    x1: float = 0.0
    ruled: tuple[float, float] | None = None


_CELL_STORES = slot_stores(Cell, "text location x0 x1 ruled")


def _cell(self: Cell, text: str, location: Location, x0: float = 0.0, x1: float = 0.0,
          ruled: tuple[float, float] | None = None) -> None:
    """Cell's constructor, through its slots (slot_stores)."""
    store_text, store_location, store_x0, store_x1, store_ruled = _CELL_STORES
    store_text(self, text)
    store_location(self, location)
    store_x0(self, x0)
    store_x1(self, x1)
    store_ruled(self, ruled)


Cell.__init__ = _cell  # type: ignore[method-assign]


GRID = "grid"              # cells cut by tabs or pipes: a cell's index is its column
POSITIONED = "positioned"  # cells cut by wide gaps (text) or by position (PDF): x decides the column
PROSE = "prose"            # no cell boundary seen: one cell of running text


@dataclass(frozen=True, slots=True)
class Line:
    """One physical line of a source, split into cells by its reader.

    `layout` says how the reader found the cells (GRID, POSITIONED or PROSE), which is what tells
    a table row from a line of prose and how to find each cell's column. `band` numbers the space
    between two horizontal ruling lines: lines of one band are one table row, however their cells
    were wrapped or vertically centred. `top` and `bottom` place a PDF line on its page.
    """

    number: int
    page: int
    text: str
    cells: tuple[Cell, ...]
    layout: str
    band: int | None = None  # the space between two ruling lines this line sits in (PDF), if any
    # Where the line's glyphs sit on its page (PDF, points from the page's top edge): what a report
    # needs to draw a box round a figure. Not compared: engines differ by a fraction of a point.
    top: float = field(default=0.0, compare=False)
    bottom: float = field(default=0.0, compare=False)

    @property
    def is_blank(self) -> bool:
        return not self.text.strip()

    @property
    def delimited(self) -> bool:
        return self.layout != PROSE


_LINE_STORES = slot_stores(Line, "number page text cells layout band top bottom")


def _line(self: Line, number: int, page: int, text: str, cells: tuple[Cell, ...], layout: str,
          band: int | None = None, top: float = 0.0, bottom: float = 0.0) -> None:
    """Line's constructor, through its slots (slot_stores)."""
    store_number, store_page, store_text, store_cells, store_layout, store_band, store_top, store_bottom = _LINE_STORES
    store_number(self, number)
    store_page(self, page)
    store_text(self, text)
    store_cells(self, cells)
    store_layout(self, layout)
    store_band(self, band)
    store_top(self, top)
    store_bottom(self, bottom)


Line.__init__ = _line  # type: ignore[method-assign]


@dataclass(frozen=True, slots=True)
class Remark:
    """What a reader did with a file that a reviewer should know, in both languages: content it
    did not read (hidden rows, columns and sheets of a workbook), figures it read as shown
    where the file holds more decimals, formulas with no computed value (`kind` UNCOMPUTED: the
    file was never recalculated, and their values are unknown, not blank). `location` is the
    first place it concerns, `places` every place (the cells of every uncomputed formula)."""

    kind: str
    zh: str
    en: str
    location: Location
    places: tuple[Location, ...] = ()


HIDDEN = "hidden"            # hidden rows, columns or sheets, left unread
DISPLAYED = "displayed"      # a number read as its format shows it, the file holding more decimals
UNCOMPUTED = "uncomputed"    # a formula whose computed value the file does not hold


@dataclass(frozen=True, slots=True)
class Source:
    """What a reader produces: the lines of one file, with how the file was decoded, and the
    reader's remarks on it (office files; see Remark)."""

    path: str
    kind: str  # "text", "markdown", "pdf", "docx" or "xlsx"
    encoding: str
    lines: tuple[Line, ...]
    remarks: tuple[Remark, ...] = ()
    _numbers: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_numbers", tuple(line.number for line in self.lines))

    def between(self, first: float, last: float) -> tuple[Line, ...]:
        """The lines numbered first to last (both included), found by bisection: a pass that
        asks for each table's or form's lines must not walk the whole document each time, or a
        long document costs the square of its length."""
        return self.lines[bisect_left(self._numbers, first):bisect_right(self._numbers, last)]

    def index_of(self, number: int) -> int:
        """Where the first line numbered `number` or more stands in `lines` (len(lines) if none)."""
        return bisect_left(self._numbers, number)


@dataclass(frozen=True, slots=True)
class TextPiece:
    """A run of characters of a joined text that comes from one place in one line."""

    offset: int
    location: Location


@dataclass(frozen=True, slots=True)
class TextMap:
    """Text joined from several lines, able to say where any of its characters came from."""

    text: str
    pieces: tuple[TextPiece, ...]
    _starts: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", tuple(p.offset for p in self.pieces))

    def _position(self, offset: int) -> tuple[Location, int]:
        index = max(bisect_right(self._starts, offset) - 1, 0)
        piece = self.pieces[index]
        return piece.location, piece.location.column + (offset - piece.offset)

    def offset_of(self, location: Location) -> int | None:
        """Where in the text the characters at `location` start (the inverse of `locate`), or
        None when they are not part of it."""
        for piece in self.pieces:
            here = piece.location
            if here.line == location.line and here.column <= location.column < here.end_column:
                return piece.offset + location.column - here.column
        return None

    def locate(self, start: int, end: int) -> Location:
        """The location of `text[start:end]` (end exclusive, end > start)."""
        first, column = self._position(start)
        last, end_column = self._position(end - 1)
        return Location(first.path, first.line, column, last.line, end_column + 1, first.page)


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the narrative, cut at 。！？ or at the end of its paragraph."""

    text: str
    start: int  # offset in the paragraph's text
    end: int
    location: Location


@dataclass(frozen=True, slots=True)
class Paragraph:
    """Consecutive prose lines read as one text (wrapped lines joined, as a reader would)."""

    body: TextMap
    sentences: tuple[Sentence, ...]

    @property
    def text(self) -> str:
        return self.body.text


@dataclass(frozen=True, slots=True)
class TableBlock:
    """Consecutive lines laid out as a table (cells, codes, columns of numbers)."""

    lines: tuple[Line, ...]


Block = Union[Paragraph, TableBlock]


@dataclass(frozen=True, slots=True)
class Amount:
    """A printed amount: its exact value, the text it was printed as, and where."""

    value: Decimal
    text: str
    location: Location


@dataclass(frozen=True, slots=True)
class Row:
    """One row of a table: its code (function, economic or unit code; "" if none), its label,
    and one amount per column of the table (None where the cell is blank).

    `truncated` marks a code cut short by extraction (201030 for 2010301): such a row is no
    sibling of its neighbours and no parent of anything. `unplaced` holds amounts whose column
    could not be decided (a row of single-space text with blank cells); such a row's blanks are
    unknown, not zero, and no sum may use it. `lost` marks a coded row whose every amount is blank
    in a table whose other coded rows have amounts: a table lists a code to give its amounts, so
    they were lost in extraction (drawn as paths, or in a font without a Unicode map).
    `indent` is where the label starts across the page (PDF points, or display columns of
    positioned text), when the table was read by position: tables without codes show their
    hierarchy by indenting the labels (一、卫生健康支出 over 行政事业单位医疗 over 行政单位医疗).
    `other_codes` are the codes of the row's further code columns: a table by unit prints the
    unit's code beside each detail row's own 科目编码, and so shows whose detail the row is.
    """

    code: str
    label: str
    amounts: tuple[Amount | None, ...]
    location: Location
    truncated: bool = False
    unplaced: tuple[Amount, ...] = ()
    lost: bool = False  # a coded row printed with no amount at all: its numbers did not survive
    indent: float | None = None
    other_codes: tuple[str, ...] = ()

    @property
    def readable(self) -> bool:
        """Whether a sum may use this row: its amounts are where they belong, none lost."""
        return not (self.truncated or self.unplaced or self.lost)


@dataclass(frozen=True, slots=True)
class Table:
    """A table as a person reads it: title, kind, unit, amount columns and rows.

    A two-sided table (收入 | 支出) or a table of side-by-side panels becomes one Table per side,
    with `side` naming it. `notes` say what could not be read with confidence; a check must not
    guess where a note says so.
    """

    title: str
    kind: str
    unit: str
    columns: tuple[str, ...]
    rows: tuple[Row, ...]
    location: Location
    side: str = ""
    notes: tuple[str, ...] = ()
    empty_note: str = ""

    @property
    def name(self) -> str:
        return f"{self.title}（{self.side}）" if self.side else self.title


@dataclass(frozen=True, slots=True)
class Change:
    """A year-on-year change: this year's amount, the change, its direction, its percentage, and
    the prior year's amount when the sentence states it too ("比2025年年初预算数14708.87万元增加
    185.92万元"). At least one of percent and prior is there: without either there is nothing to
    recompute."""

    current: Amount
    delta: Amount
    increase: bool
    percent: Amount | None
    sentence: Sentence
    prior: Amount | None = None
    year: int | None = None  # the year of the current amount (see auditlint.parse.context)
    scope: str = "all"       # the money it is about: all, fiscal, gpb, gov_fund, state_capital, "" unknown


@dataclass(frozen=True, slots=True)
class Completion:
    """A completion rate: the budget, what was spent, and the stated percentage. When the text
    states what was left of the budget (余额) instead of what was spent, `left` is that amount
    and `actual` the budget less it, computed (its text shows the subtraction). `base` is the
    budget the rate names, when it names one ("完成年初预算的93.8%": 年初预算)."""

    budget: Amount
    actual: Amount
    percent: Amount
    sentence: Sentence
    year: int | None = None
    scope: str = "all"
    left: Amount | None = None
    base: str = ""


@dataclass(frozen=True, slots=True)
class Part:
    """One part listed after 其中: its label, its amount, and the share stated for it, if any."""

    label: str
    amount: Amount
    share: Amount | None


@dataclass(frozen=True, slots=True)
class Split:
    """A total and the parts the sentence lists after 其中; `complete` when the parts' labels make
    a whole (本年 + 上年结转, 基本 + 项目, 人员 + 公用)."""

    total: Amount
    parts: tuple[Part, ...]
    complete: bool
    sentence: Sentence
    year: int | None = None
    scope: str = "all"


@dataclass(frozen=True, slots=True)
class Share:
    """An amount stated as a share of a total the sentence names without its amount ("资金315.80
    万元，占一般公共预算项目支出总额的55.1%"): the total is the tables' figure of that name."""

    amount: Amount
    base: str  # the total's name as printed (一般公共预算项目支出总额)
    percent: Amount
    sentence: Sentence
    year: int | None = None
    scope: str = "all"


Claim = Change | Completion | Split | Share


@dataclass(frozen=True, slots=True)
class KindAwarded:
    """One kind of procurement (货物, 工程, 服务): its amount, and the share of it the paragraph
    says was awarded to small and medium enterprises ("货物采购授予中小企业合同金额占货物支出金额的0%")."""

    kind: str
    amount: Amount
    percent: Amount


@dataclass(frozen=True, slots=True)
class AwardedToSmes:
    """What a procurement paragraph says went to small and medium enterprises: the contracts
    awarded them (授予中小企业合同金额), the procurement total, and each kind's share: the kinds'
    shares of their amounts must add up to what was awarded."""

    awarded: Amount
    total: Amount | None
    kinds: tuple[KindAwarded, ...]


@dataclass(frozen=True, slots=True)
class Fact:
    """One printed amount of a table, as read: its table (kind, title, page through its
    location), its row (None for a column of a one-row table; its code and label), its column's
    name and what the column states (`concept`: a quantity, total, basic, project, personnel,
    public, or the source of money it is, gpb, gov_fund, state_capital, fiscal; "" when the name
    says none), the money it covers (`scope`: all, fiscal, gpb, gov_fund, state_capital; ""
    unknown), the year's figure it is (`year`: "current", "prior" for a column of the year
    before, "initial_budget" and "final" for a final account's budget and actuals), the unit it
    is printed in (元, 万元; "" not printed), the row it adds
    up into (`parent`) and how deep its row stands in the table's hierarchy (`level`: 0 for a
    row that adds up into none, 1 for its parts, …), and whether its row holds its own table's
    sums (of two figures that disagree, the one that breaks its table's sums is the likelier
    slip)."""

    table: Table
    amount: Amount
    row: Row | None = None
    column: str = ""
    scope: str = "all"
    fits_its_table: bool = True
    concept: str = ""
    year: str = "current"
    unit: str = ""
    parent: Row | None = None
    level: int = 0


@dataclass(frozen=True, slots=True)
class Link:
    """An amount of the narrative that names a quantity, and the table figures it restates: it
    is linked (and checked) when `reason` is empty, else `reason` says why it could not be (an
    earlier year's figure, money the sentence does not name, no table prints it, the tables
    disagree on it, one table only prints that total, the name is given several amounts).
    `budget_unit` is the unit whose section of the narrative the amount is in (its printed name;
    "" for the department's figures): the amount restates that unit's rows, and its subject
    says so (项目支出 [深圳市劳动人事争议仲裁院])."""

    subject: str
    amount: Amount
    facts: tuple[Fact, ...] = ()
    reason: str = ""
    budget_unit: str = ""

    @property
    def linked(self) -> bool:
        return bool(self.facts) and not self.reason


@dataclass(frozen=True, slots=True)
class Doubt:
    """Why a reading cannot be trusted, in both languages; `kind` says what it is about ("unit":
    its unit is not printed; "sums": too many sums fail; "reading": the parser was unsure)."""

    kind: str
    zh: str
    en: str


@dataclass(frozen=True, slots=True)
class Sum:
    """One sum a table's figures must hold, as printed: a total and its parts, with the blank
    parts left out. Across a row (`part_columns`: 合计 = 基本支出 + 项目支出 in `row`), or down a
    column (`children`: a parent row over the rows that add up to it, in `column`). The total
    is None where its cell is blank."""

    row: Row
    column: int
    total: Amount | None
    parts: tuple[Amount, ...]
    part_columns: tuple[int, ...] = ()
    children: tuple[Row, ...] = ()

    @property
    def across(self) -> bool:
        return bool(self.part_columns)


@dataclass(frozen=True, slots=True)
class TableReading:
    """A table as parse understood it: the identities across its columns (total column, part
    columns), its families down the rows (a row and the rows that add up to it), how many of
    those sums were checked and how many fail beyond rounding, and the doubts about the reading.

    A table is trusted when nothing is in doubt: its figures may then be held against other
    tables and the narrative. Its own sums may be judged when every doubt is about its unit only
    (a sum within one table needs no unit). `sums` are every sum the identities and families
    give, across each row first, then down each family's columns."""

    table: Table
    identities: tuple[tuple[int, tuple[int, ...]], ...]
    families: tuple[tuple[Row, tuple[Row, ...]], ...]
    sums: tuple[Sum, ...]
    failing: int
    doubts: tuple[Doubt, ...] = ()
    off: frozenset[Location] = frozenset()  # where each figure of a failing sum is printed
    # rows of a table whose 合计 = A + B (three columns) that print two amounts of unknown column
    two_of_three: tuple[Row, ...] = ()

    def holds(self, amount: Amount) -> bool:
        """Does a figure of this table hold every sum it is part of?"""
        return not self.off or amount.location not in self.off  # most tables fail none: no location to hash

    @property
    def checked(self) -> int:
        """How many of its sums print their total, and so can hold or fail."""
        return sum(1 for s in self.sums if s.total is not None)

    @property
    def trusted(self) -> bool:
        return not self.doubts

    @property
    def sums_trusted(self) -> bool:
        return all(doubt.kind == "unit" for doubt in self.doubts)


@dataclass(frozen=True, slots=True)
class BudgetRestatement:
    """A form's budget field, a sentence of the same form that restates it, and the change the
    sentence states against an earlier year's budget (itself stated in the form), if any. The
    field is the form's 当年预算 as printed next to its label, else the year's budget its form
    read as fields states (a one-year project's 项目总预算)."""

    form: Table
    field: Amount
    stated: Amount
    earlier: Amount | None = None
    change: Amount | None = None
    decrease: bool = False
    doubts: tuple["Doubt", ...] = ()  # why a gap may be a misreading: the field read from a form read with doubts


@dataclass(frozen=True, slots=True)
class FormField:
    """A labelled box of a performance form: the field it is (auditlint.domain.forms.FIELDS: 项目名称,
    主管部门, 当年预算 …), its value as printed, the amount it states when the field holds money
    and its value is one number, and where the value is printed."""

    name: str
    text: str
    amount: Amount | None
    location: Location


@dataclass(frozen=True, slots=True)
class Indicator:
    """One row of a form's indicator grid: its first- and second-level groups (carried down from
    the rows above where the cell is merged), its name, its target (指标值, 年度指标值, 年初目标值),
    the value achieved (实际完成值, a self-evaluation's), its points (分值/权重, or "(5 分)" after
    its name) and its score (得分). `grid` is the line of its grid's header (the rows of one grid
    are one goal's), `term` what the grid states: 长期 (the long-term targets), 年度 (the year's),
    or "" when the form does not say; `long_term` the whole term's target where the row prints
    it beside the year's (a list's 实施周期指标值 and 年度指标值)."""

    level1: str
    level2: str
    name: str
    target: str
    actual: str | None
    weight: Amount | None
    score: Amount | None
    location: Location
    grid: int = 0
    term: str = ""
    long_term: str = ""  # the whole term's target (实施周期指标值), where a row prints it beside the year's


@dataclass(frozen=True, slots=True)
class Target:
    """An indicator's target read as one number (auditlint.parse.indicators): as printed, its value times its multiplier (万, 亿), its unit (元,
    件, %, "" when none is printed) and the words before it (≥, 不低于, 合同金额=)."""

    text: str
    value: Decimal
    scaled: Decimal
    unit: str
    bare: bool  # neither multiplier nor unit printed ("26")
    before: str = ""


@dataclass(frozen=True, slots=True)
class TwinRatio:
    """A ratio a clause states (`percent`) that its counts do not give (`found`, the sum of its
    listed counts over its total), where a twin clause of the same words (`twin`) gives its own."""

    percent: Amount
    found: Any  # auditlint.agreement.Ratio: the exact ratio and its interval
    counts: tuple[Amount, ...]
    total: Amount
    twin: Amount
    words: str


@dataclass(frozen=True, slots=True)
class NarratedIndicator:
    """A sentence of the narrative stating a self-evaluated indicator's result (a rate by its
    name, or its quality denied), and whether that agrees with the actual value its form reports."""

    form: "Form"
    indicator: Indicator
    stated: str
    location: Location
    agrees: bool


@dataclass(frozen=True, slots=True)
class ExecutionScore:
    """A self-evaluation's budget execution row scored by the rule its header states ("得分（20
    分*执行率）"): the points the rule gives, the row's execution rate (in percent) and the score
    it prints."""

    points: Amount
    rate: Amount
    score: Amount


@dataclass(frozen=True, slots=True)
class Scored:
    """A self-evaluated indicator whose score says the opposite of its actual value: full points
    for a target missed (`met` False), or points taken off a target met (`met` True)."""

    indicator: Indicator
    met: bool


@dataclass(frozen=True, slots=True)
class IndicatorRestatement:
    """An indicator restated in another grid: `stated` where it is restated (the department's
    form, or the later form of a project), `source` the project grid it restates, `whose` the
    project's name; each one's target read as a number, and whether they state one figure
    (None when their units are of two kinds)."""

    stated: Indicator
    source: Indicator
    whose: str
    stated_target: Target
    source_target: Target
    agrees: bool | None


@dataclass(frozen=True, slots=True)
class Form:
    """A performance form read as a form: its table (title, kind, location), its labelled boxes and
    its indicator grid. `doubts` say what could not be read with confidence (no field naming the
    project or unit, a grid whose header or rows are scrambled); a check must not guess there.
    A form printed as a row of a list (auditlint.parse.form_list) knows its list's money
    `columns` (a money field of them it lacks was printed blank: 0) and its list (`list_line`):
    two rows of one list are two projects, whatever their names."""

    table: Table
    fields: tuple[FormField, ...]
    indicators: tuple[Indicator, ...]
    location: Location
    doubts: tuple[str, ...] = ()
    columns: tuple[str, ...] = ()  # a list's row: the money fields its list prints a column for
    list_line: int = 0             # a list's row: the line of its list's header (0: a form of boxes)

    def field(self, name: str) -> FormField | None:
        """The form's field of that name, if it states it."""
        return next((f for f in self.fields if f.name == name), None)

    @property
    def read(self) -> bool:
        """Whether anything of the form was read: a field or an indicator."""
        return bool(self.fields or self.indicators)


# What keeps a contradiction a performance form states from being an error: the form was read
# with doubts (auditlint.parse.form_fields), so a field or a row may stand under another label.
FORM_DOUBTED = Doubt("reading", "该绩效表读取有疑问", "the form was read with doubts")


@dataclass(frozen=True, slots=True)
class ListTotal:
    """A row of a list of forms that sums other rows (auditlint.parse.form_list): the 合计 over
    the units' rows, a unit's row over its projects'. Each is read as a Form of its own (its name
    and money fields), `parts` the rows it sums."""

    total: Form
    parts: tuple[Form, ...]
    label: str = ""  # what the row prints for its name (合计, the unit's name)


@dataclass(frozen=True, slots=True)
class FormMoney:
    """A performance form's money field and what it must equal elsewhere in the document: the
    tables' figures it restates (`facts`: a project form's 当年预算 and its row of the 项目支出表,
    an overall form's 财政拨款 and the department's total), or the form's own figures it is the
    sum of (`parts`: 资金总额 = 财政拨款 + 其他资金), or the narrative's statement of it
    (`narrative`: a self-evaluation's 预算数 and the 预算数 its project's paragraph states), or the
    form's own statement of it (`own`). `subject` names what it is; `unit` is the
    form's unit (元, 万元; "" when the form does not print it); `doubts` say why a gap cannot be
    claimed as an error (the form or the field read with doubts, the unit unknown)."""

    form: Form
    field: FormField
    subject: str
    unit: str
    facts: tuple[Fact, ...] = ()
    parts: tuple[FormField, ...] = ()
    doubts: tuple[Doubt, ...] = ()
    narrative: FormField | None = None  # the narrative's statement of the same figure, in 万元
    # The form's own statement of the same figure elsewhere in it, in the form's unit: a cost
    # indicator naming the budget (预算控制数) against the execution row's 预算数 or 执行数.
    own: FormField | None = None


@dataclass(frozen=True, slots=True)
class Document:
    """What the checks read: the source, its blocks in document order, its tables, the claims its
    narrative makes, and `facts`, what parse read of it all (auditlint.parse.facts.Facts: built
    once per document, it answers every question a check asks of the document's figures).

    A document published as several files (a narrative and its tables apart) has its first file
    as `source` and the others as `companions`. Each line keeps its own file's numbers and every
    Location its own file's path, so two lines of one document may share a number: whatever
    looks lines up by number asks `lines_of` the file its location names."""

    source: Source
    blocks: tuple[Block, ...]
    tables: tuple[Table, ...] = ()
    claims: tuple[Claim, ...] = ()
    facts: Any = field(default=None, compare=False, repr=False)
    companions: tuple[Source, ...] = ()

    @property
    def path(self) -> str:
        """The first file's path: where a finding about the whole document is reported."""
        return self.source.path

    @property
    def sources(self) -> tuple[Source, ...]:
        """Every file of the document, the first one first."""
        return (self.source, *self.companions)

    @property
    def paths(self) -> tuple[str, ...]:
        return tuple(source.path for source in self.sources)

    def lines_of(self, path: str) -> tuple[Line, ...]:
        """The lines of the document's file at `path` (none for a path not of this document)."""
        return next((source.lines for source in self.sources if source.path == path), ())

    def lines_between(self, path: str, first: float, last: float) -> tuple[Line, ...]:
        """The lines of the file at `path` numbered first to last, both included, found by
        bisection (Source.between): asked once per table or form, a walk of the whole file each
        time would cost a long document the square of its length."""
        source = next((source for source in self.sources if source.path == path), None)
        return source.between(first, last) if source is not None else ()

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        return tuple(b for b in self.blocks if isinstance(b, Paragraph))


# What a figure kept for the checks across documents is of (auditlint.parse.across): the budget
# (预算: a budget's own figures, a later budget's 上年预算, a final account's 年初预算), the
# budget as adjusted during the year (调整预算, 全年预算), or what was spent (决算, 执行数).
BUDGET, ADJUSTED, FINAL = "budget", "adjusted", "final"


@dataclass(frozen=True, slots=True)
class Stated:
    """A figure one document states, kept so that another document can be held to it: what it
    is (`subject`: a code, a row's name, or `=quantity` for one of the document's totals;
    `column`: the quantity its column states, or the column's name; `scope`: the money it is
    of; `owner`: "" for the document's own body, else the key of the budget unit whose row it
    is), of which year and `basis` (BUDGET, ADJUSTED, FINAL; "" when its words do not say), its
    value and rounding radius in 万元, as printed and where, what the document calls it (the
    `table` it is printed in, or that a sentence's figure restates, and there its `row`, code
    and name, and the `heading` of its column), how it was read (`how`: "table", a column of
    the tables; "change", this year's amount less the change a sentence states; "stated", the
    prior year's amount a sentence names, or a final account's 年初预算 beside what was spent;
    "unchanged", this year's amount a sentence says is last year's too (与上年预算数一致)), and why it cannot prove an error (`doubts`).
    Statements of one `group` (> 0) are the readings of one sentence's figure, of which any may
    be meant.

    Small and plain: a document's statements travel from its child process to the parent as
    JSON (Ledger.to_data), and only they are kept across documents."""

    subject: str
    column: str
    scope: str
    owner: str
    year: int
    basis: str
    value: Decimal
    radius: Decimal
    text: str
    location: Location
    table: str
    row: str
    heading: str
    how: str = "table"
    doubts: tuple[Doubt, ...] = ()
    group: int = 0

    @property
    def key(self) -> tuple[str, str, str, str]:
        """What the figure is of, whatever year: two documents' figures of one key are comparable."""
        return (self.subject, self.column, self.scope, self.owner)

    @property
    def label(self) -> str:
        """What the document calls the figure, for a message: its table's name, its row and column."""
        return f"{self.table}: {self.row} / {self.heading}" if self.row else f"{self.table}: {self.heading}"


@dataclass(frozen=True, slots=True)
class Ledger:
    """What a document keeps for the checks across documents: whose it is (its department's or
    unit's name and key, its level 部门/单位), what (its kind 预算/决算 and year), its files, and
    its statements (Stated): its own figures, of its year and kind, and those it states of
    another year or basis (上年预算数, 年初预算数, the base of a change) or of a unit it lists."""

    paths: tuple[str, ...]
    department: str
    key: str
    level: str
    kind: str
    year: int | None
    figures: tuple[Stated, ...] = ()

    @property
    def basis(self) -> str:
        """What the document's own figures are: the budget's, or what was spent (决算)."""
        return FINAL if self.kind == "决算" else BUDGET

    @property
    def path(self) -> str:
        return self.paths[0]

    def is_own(self, figure: Stated) -> bool:
        """Is a figure one of the document's own: a table's, of its year and basis, of its own body?"""
        return figure.year == self.year and figure.basis == self.basis and not figure.owner and figure.how == "table"

    def own(self) -> dict[tuple[str, str, str, str], list["Stated"]]:
        """The document's own figures, by key."""
        found: dict[tuple[str, str, str, str], list[Stated]] = {}
        for figure in self.figures:
            if self.is_own(figure):
                found.setdefault(figure.key, []).append(figure)
        return found

    @property
    def units(self) -> frozenset[str]:
        """The keys of the budget units whose rows its tables print."""
        return frozenset(figure.owner for figure in self.figures if figure.owner)

    def restatements(self, earlier: "Ledger", owner: str = "") -> list["Restatement"]:
        """What this document states of the earlier one's own figures: its statements of the
        earlier one's year and stage (or of no stage said, as from 与上年相比), of its own body
        or (`owner`) of a unit, each with the earlier document's figures of the same key. A
        sentence's statements (one group) are one restatement, of any of their keys. Statements
        of another stage of that year (调整预算, 执行数 against a budget) are not the same
        quantity and are left out; so are those whose key the earlier document does not print."""
        sources = earlier.own()
        groups: dict[tuple[int, int], list[Stated]] = {}
        for number, figure in enumerate(self.figures):
            if figure.owner != owner or figure.year != earlier.year or figure.basis not in (earlier.basis, ""):
                continue
            if not owner and self.is_own(figure):
                continue  # its own figure, not a restatement
            if (figure.subject, figure.column, figure.scope, "") in sources:
                groups.setdefault((figure.group, number if not figure.group else 0), []).append(figure)
        found = []
        for statements in groups.values():
            held = tuple((s, tuple(sources[(s.subject, s.column, s.scope, "")])) for s in statements)
            found.append(Restatement(tuple(statements), tuple(pair for pair in held if pair[1])))
        return [r for r in found if r.sources]

    def to_data(self) -> dict[str, Any]:
        """The ledger as JSON data, each thing written once. Every name a figure has (its key's
        subject, column, money and owner; its table's, row's and column heading's) is in
        `names` once, and the figure names them by index: `k` [subject, column, money, owner],
        `n` [table, row, heading]; its doubts likewise in `doubts`, `d` [index …]. Its other
        fields under short keys: `t` text, `at` location ([file (index in paths), line, column,
        lines further it ends, end column, page], and its anchor when it has one), and only
        when they are not what the rest says: `v` value (when the text does not begin with it),
        `r` radius (when not its value's printed digit's), `y` year and `b` basis (when not the
        document's), `h` how (when not "table"), `d` doubts (when any), `g` group (when > 0)."""
        files = {path: n for n, path in enumerate(self.paths)}
        names: dict[str, int] = {}
        doubts: dict[Doubt, int] = {}
        figures = []
        for f in self.figures:
            at = f.location
            data: dict[str, Any] = {
                "k": [names.setdefault(name, len(names)) for name in f.key],
                "n": [names.setdefault(name, len(names)) for name in (f.table, f.row, f.heading)],
                "t": f.text, "at": [files[at.path], at.line, at.column, at.end_line - at.line, at.end_column, at.page,
                                    *([at.anchor] if at.anchor else [])]}
            if str(f.value) != _leading_number(f.text):
                data["v"] = str(f.value)
            if f.radius != radius(f.value):
                data["r"] = str(f.radius)
            if f.year != self.year:
                data["y"] = f.year
            if f.basis != self.basis:
                data["b"] = f.basis
            if f.how != "table":
                data["h"] = f.how
            if f.doubts:
                data["d"] = [doubts.setdefault(d, len(doubts)) for d in f.doubts]
            if f.group:
                data["g"] = f.group
            figures.append(data)
        return {"paths": list(self.paths), "department": self.department, "key": self.key, "level": self.level,
                "kind": self.kind, "year": self.year, "names": list(names),
                "doubts": [[d.kind, d.zh, d.en] for d in doubts], "figures": figures}

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> "Ledger":
        """The ledger to_data wrote; its figures share their files', names' and doubts' objects."""
        paths, names = tuple(data["paths"]), data["names"]
        doubts = [Doubt(*d) for d in data["doubts"]]
        kept = cls(paths, data["department"], data["key"], data["level"], data["kind"], data["year"])
        figures = []
        for f in data["figures"]:
            path, line, column, lines, end_column, page, *anchor = f["at"]
            value = Decimal(f.get("v") or _leading_number(f["t"]))
            figures.append(Stated(*(names[n] for n in f["k"]), f.get("y", kept.year), f.get("b", kept.basis), value,
                                  Decimal(f["r"]) if "r" in f else radius(value), f["t"],
                                  Location(paths[path], line, column, line + lines, end_column, page, *anchor),
                                  *(names[n] for n in f["n"]), f.get("h", "table"),
                                  tuple(doubts[n] for n in f.get("d", ())), f.get("g", 0)))
        return replace(kept, figures=tuple(figures))


def _leading_number(text: str) -> str:
    """The number a figure's text begins with, without its thousands separators ("24,458.43 万元":
    24458.43), which is its value whenever it is printed in 万元."""
    return text.split(" ", 1)[0].replace(",", "")


@dataclass(frozen=True, slots=True)
class Restatement:
    """A figure one document states of another's (Ledger.restatements): its readings (one, or
    the keys one sentence's figure may be of), each with the other document's figures of its
    key (`sources`: (reading, figures) for the readings the other document prints)."""

    statements: tuple[Stated, ...]
    sources: tuple[tuple[Stated, tuple[Stated, ...]], ...]
