"""The cells of a table's lines as the table parsers see them: pieces with text, location and
extent, gathered into row drafts. Shared by the grid parser (cells with columns) and the flow
parser (tokens in order), and by the finding of tables."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import lru_cache

from auditlint.patterns import compile_lazily
from auditlint.model import GRID, POSITIONED, Line, Location, display_width
from auditlint.parse.numbers import parse_amount

HAN = compile_lazily(r"\p{Han}")
AMOUNT_TEXT = compile_lazily(r"^[-\d][\d,\s]*(?:\.\s?\d+)?$")
CODE_TEXT = compile_lazily(r"^\d{3,7}$")
_TOKEN = compile_lazily(r"\S+")
SPACES = compile_lazily(r"\s+")
LEADING_CODE = compile_lazily(r"^(\d{3,7})\s*(?=\D)")
# A code printed in brackets at the head of its label: [201]一般公共服务支出, 【20132】组织事务.
BRACKETED_CODE = compile_lazily(r"^[\[【［〔]\s*(\d{3,7})\s*[\]】］〕]\s*")
LEADING_YEAR = compile_lazily(r"^\d{4}\s*年")
INTEGER = compile_lazily(r"^\d{1,3}$")
ENUMERATED = compile_lazily(r"^(?:[一二三四五六七八九十廿]+、|[（(][一二三四五六七八九十廿\d]+[)）]|\d{1,2}[.、．](?!\d))")

X_TOLERANCE = 4.0   # how far apart (in the line's units) two cells may sit and still share a column


@dataclass
class Piece:
    """A cell of a table line: text, location, horizontal extent, and grid column once known;
    `ruled` is its cell's box between ruling lines, where a PDF draws one (model.Cell)."""

    text: str
    location: Location
    x0: float
    x1: float
    column: int = -1
    ruled: tuple[float, float] | None = None
    wrapped: bool = False  # a part of a label on a line of its own, beside the line of its row's figures
    span_end: int | None = None  # the last column a merged cell's box reaches over (grid.mark_merged)
    # The amount the cell's whole text prints, if it is one (cell_amount): the table parsers ask
    # it of every cell many times over, and it is found once, when the piece is made.
    amount: Decimal | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.amount = cell_amount(self.text)

    @property
    def place(self) -> float:
        """Where across the line the cell belongs to a column: its middle, or where a wrapped
        part of a label starts (layout text gives such a line the width it takes on the page,
        which can reach over the figures beside it)."""
        return self.x0 if self.wrapped else (self.x0 + self.x1) / 2


@lru_cache(maxsize=1 << 16)
def cell_amount(text: str) -> Decimal | None:
    """The amount a cell's whole text prints, if it is one. Cached by text: the table parsers ask
    for every cell's amount many times, and a document repeats the same few thousand texts."""
    return parse_amount(text) if AMOUNT_TEXT.match(text.strip()) else None


@dataclass
class RowDraft:
    """A data row being assembled from one or more lines (a wrapped label, a code on its own line)."""

    pieces: list[Piece] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)


def amount_line(line: Line) -> bool:
    """is_amount_line(line_pieces(line)), asked of the texts line_pieces would cut, without
    placing them: the finding of tables asks it of most lines several times, and placing every
    cell (its extent, its location) was most of what that cost."""
    return has_amount(_piece_texts(line))


def _piece_texts(line: Line) -> list[str]:
    """The texts of the pieces line_pieces makes of a line, as far as an amount is concerned: a
    cell's code and its name set close (_split_code_cell) are left as one, since the code has no
    point or comma and its name, like the whole, holds a Chinese character, and so no amount."""
    if line.layout in (GRID, POSITIONED) or lone_amount(line):
        return [c.text for c in line.cells]
    return _TOKEN.findall(line.text)


def line_pieces(line: Line) -> list[Piece]:
    """The cells of a line; a PROSE line is cut at single spaces into tokens."""
    if line.layout == GRID:
        return [Piece(c.text, c.location, float(i), float(i) + 1, i) for i, c in enumerate(line.cells)]
    if line.layout == POSITIONED or lone_amount(line):
        return [piece for c in line.cells for piece in _split_code_cell(Piece(c.text, c.location, c.x0, c.x1, ruled=c.ruled))]
    pieces = []
    text, end, end_width = line.text, 0, 0  # each token's start measured from the one before: long prose
    for match in _TOKEN.finditer(text):
        x0 = end_width + display_width(text[end:match.start()])
        location = Location(line.cells[0].location.path, line.number, match.start() + 1, line.number,
                            match.end() + 1, line.page) if line.cells else None
        end, end_width = match.end(), x0 + display_width(match.group())
        pieces.append(Piece(match.group(), location, x0, end_width))
    return pieces


_CODE_THEN_LABEL = compile_lazily(r"^(\d{3,7})\s+(?=\p{Han})")


def _split_code_cell(piece: Piece) -> list[Piece]:
    """A code and its name set close enough to read as one cell ("2080506 机关事业单位") are two
    cells; their extents are shared out by display width."""
    match = _CODE_THEN_LABEL.match(piece.text) if piece.text[:1].isdigit() else None  # most cells open with no digit
    if not match:
        return [piece]
    code, label = match.group(1), piece.text[match.end():]
    width = max(display_width(piece.text), 1)
    split = piece.x0 + (piece.x1 - piece.x0) * display_width(piece.text[:match.end()]) / width
    loc = piece.location
    code_loc = replace(loc, end_column=loc.column + len(code))
    label_loc = replace(loc, column=loc.column + match.end())
    return [Piece(code, code_loc, piece.x0, piece.x0 + (split - piece.x0) * len(code) / match.end()),
            Piece(label, label_loc, split, piece.x1)]


def is_amount_line(pieces: list[Piece]) -> bool:
    """Does a line carry an amount (a number with a decimal point or thousands comma)? A grid cell
    is one value even when OCR split it ("5, 456. 16"); a gapped cell may hold several words
    ("行政运行 707.28 707.28"), so its words are looked at too."""
    return has_amount([piece.text for piece in pieces])


def has_amount(texts: list[str]) -> bool:
    """is_amount_line of pieces with these texts."""
    for text in texts:
        # no word of a piece without a point or a comma is amount-like: such a piece is passed by
        if is_amount_like(text) and any(is_amount_like(word) and parse_amount(word) is not None
                                        for word in (text, *text.split())):
            return True
    return False


# A digit set before a bracketed enumerator ("1（一）一般公共预算资金"): a mark outside the table's
# frame that the text layer keeps and the page does not show. The enumerator opens the label.
_STRAY_DIGIT = compile_lazily(r"^\d{1,2}(?=[（(][一二三四五六七八九十]+[)）])")


def clean_label(label: str) -> str:
    """A label without full-width spaces and without a stray digit before its enumerator."""
    return _STRAY_DIGIT.sub("", label.replace("\u3000", "").strip())


def split_code(code: str, label: str) -> tuple[str, str]:
    """A label that opens with a code ("201一般公共服务", "201 一般公共服务支出", or in brackets,
    "[201]一般公共服务支出" as Guangzhou prints it) gives it up: the row's code is that code, its
    label the rest, so that the code hierarchy is summed. Full-width spaces go."""
    label = clean_label(label)
    if not code:
        match = BRACKETED_CODE.match(label) or LEADING_CODE.match(label)
        if match and not LEADING_YEAR.match(label):
            code, label = match.group(1), label[match.end():].strip()
    return code, label


def bracketed_code_label(word: str) -> bool:
    """A word that is a code in brackets and a name ([201]一般公共服务支出): a row's code and label."""
    match = BRACKETED_CODE.match(word)
    return bool(match) and bool(HAN.search(word[match.end():]))


def draft_location(draft: RowDraft) -> Location:
    first, last = draft.lines[0], draft.lines[-1]
    path = draft.pieces[0].location.path if draft.pieces and draft.pieces[0].location else ""
    return Location(path, first.number, 1, last.number, max(len(last.text), 1) + 1, first.page)


def lone_amount(line: Line) -> bool:
    """A line that is one amount and nothing else fits any layout (a number wrapped in its cell)."""
    return len(line.cells) == 1 and len(line.cells[0].text.split()) == 1


def is_amount_like(text: str) -> bool:
    return "." in text or "," in text
