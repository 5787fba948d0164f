"""Tables as a person reads them: title, kind, unit, header, columns and rows, in every layout.

Three layouts reach this module. GRID lines (tabs, pipes) have cells whose index is their column.
POSITIONED lines (wide gaps in text, coordinates in PDFs) have cells with horizontal extents; they
are turned into the same grid by clustering the extents of the data cells into columns, so one
piece of code reads both. PROSE lines inside a table (single spaces, as many extraction tools
leave them) have only an order of tokens: amounts are placed into columns by count, or by the
identities that hold between the columns (合计 = 基本支出 + 项目支出, 小计 = 人员经费 + 公用经费);
where that leaves a choice, the row says so and no check relies on the guess.

A table starts at a line whose title names a standard table (domain.TABLE_KINDS) and runs to the
next title or to the first line of narrative; a table continued on the next page (its title
repeated) is merged back into one.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal
from itertools import combinations, product
from typing import Iterable, Sequence

import regex

from auditlint.model import GRID, POSITIONED, PROSE, Amount, Line, Location, Row, Source, Table, display_width
from auditlint.parse import domain
from auditlint.parse.narrative import is_page_furniture
from auditlint.parse.numbers import parse_amount

_HAN = regex.compile(r"\p{Han}")
_NARRATIVE = regex.compile(r"[，。；]")
_NOTE_START = regex.compile(r"^\s*(?:注|备注|说明)\s*[：:]|^\s*\d\s*[.、．]\s*本")
_SECTION = regex.compile(r"^\s*第[一二三四五六七八九十]+部分")
_DEPARTMENT_LINE = regex.compile(r"^(?:部门(?:名称)?|单位|填报单位|编制单位|预算单位)\s*[：:]")
_AMOUNT_TEXT = regex.compile(r"^[-\d][\d,\s]*(?:\.\s?\d+)?$")
_CODE_TEXT = regex.compile(r"^\d{3,7}$")
_TOKEN = regex.compile(r"\S+")
_SPACES = regex.compile(r"\s+")
_LEADING_CODE = regex.compile(r"^(\d{3,7})\s*(?=\D)")
_LEADING_YEAR = regex.compile(r"^\d{4}\s*年")
_INTEGER = regex.compile(r"^\d{1,3}$")
_COLUMN_NUMBERS = regex.compile(r"^(?:栏\s*次|行\s*次)$")
_ENUMERATED = regex.compile(r"^(?:[一二三四五六七八九十廿]+、|[（(][一二三四五六七八九十廿\d]+[)）]|\d{1,2}[.、．](?!\d))")

FORM_NOTE = "表单式表格（绩效目标等），不按行列核算"
SPLIT_AMOUNTS_NOTE = "金额的整数与小数被提取到了不同行（如“14,770”与“.62”），不按行列核算"
# A decimal part standing alone ("  .62"): the extraction cut amounts in two across lines.
_ORPHAN_DECIMALS = regex.compile(r"(?:^|\s)\.\d{1,2}(?=\s|$)")
MIN_ORPHAN_DECIMALS = 2
X_TOLERANCE = 4.0   # how far apart (in the line's units) two cells may sit and still share a column


@dataclass
class Piece:
    """A cell of a table line: text, location, horizontal extent, and grid column once known."""

    text: str
    location: Location
    x0: float
    x1: float
    column: int = -1

    @property
    def amount(self) -> Decimal | None:
        return parse_amount(self.text) if _AMOUNT_TEXT.match(self.text.strip()) else None


@dataclass
class RowDraft:
    """A data row being assembled from one or more lines (a wrapped label, a code on its own line)."""

    pieces: list[Piece] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)


def _pieces(line: Line) -> list[Piece]:
    """The cells of a line; a PROSE line is cut at single spaces into tokens."""
    if line.layout == GRID:
        return [Piece(c.text, c.location, float(i), float(i) + 1, i) for i, c in enumerate(line.cells)]
    if line.layout == POSITIONED or _lone_amount(line):
        return [piece for c in line.cells for piece in _split_code_cell(Piece(c.text, c.location, c.x0, c.x1))]
    pieces = []
    for match in _TOKEN.finditer(line.text):
        x0 = display_width(line.text[:match.start()])
        location = Location(line.cells[0].location.path, line.number, match.start() + 1, line.number,
                            match.end() + 1, line.page) if line.cells else None
        pieces.append(Piece(match.group(), location, x0, x0 + display_width(match.group())))
    return pieces


_CODE_THEN_LABEL = regex.compile(r"^(\d{3,7})\s+(?=\p{Han})")


def _split_code_cell(piece: Piece) -> list[Piece]:
    """A code and its name set close enough to read as one cell ("2080506 机关事业单位") are two
    cells; their extents are shared out by display width."""
    match = _CODE_THEN_LABEL.match(piece.text)
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


def _is_amount_line(pieces: list[Piece]) -> bool:
    """Does a line carry an amount (a number with a decimal point or thousands comma)? A grid cell
    is one value even when OCR split it ("5, 456. 16"); a gapped cell may hold several words
    ("行政运行 707.28 707.28"), so its words are looked at too."""
    return any(_is_amount_like(text) and parse_amount(text) is not None
               for p in pieces for text in (p.text, *p.text.split()))


# --------------------------------------------------------------------------------------------
# Finding the tables of a source


def _title_at(lines: Sequence[Line], index: int) -> tuple[str, domain.TableKind] | None:
    """A line that names a standard table (a title may arrive in several cells: 年财政拨款 三公
    经费支出情况表); a line with an amount is a row, not a title."""
    line = lines[index]
    if line.is_blank or _is_amount_line(_pieces(line)):
        return None
    text = " ".join(c.text for c in line.cells) if line.cells else line.text
    kind = domain.table_kind(text)
    return (text.strip(), kind) if kind else None


def _is_narrative(line: Line) -> bool:
    """A line of the narrative, which ends a table: a long sentence, not a note."""
    text = line.text.strip()
    if line.layout == GRID or _NOTE_START.match(text):
        return False
    if _SECTION.match(text):
        return True
    amounts = sum(1 for word in text.split() if _is_amount_like(word) and parse_amount(word) is not None)
    return len(_HAN.findall(text)) >= 18 and bool(_NARRATIVE.search(text)) and len(line.cells) <= 1 and amounts < 4


def _caption(lines: Sequence[Line], title: int) -> str:
    """The numbered caption beside a title (预算07表, 表 3, 公开 01 表), if there is one."""
    for index in (title - 1, title + 1, title - 2, title + 2):
        if 0 <= index < len(lines) and domain.TABLE_NUMBER.match(lines[index].text):
            return _SPACES.sub("", lines[index].text)
    return ""


def find_tables(source: Source) -> tuple[Table, ...]:
    """Every standard table of a source. A table continued on the next page repeats its title and
    caption; its pages are read as one table, so that rows on two pages still add up."""
    lines = source.lines
    starts = [(i, found) for i in range(len(lines)) if (found := _title_at(lines, i))]
    extents: list[tuple[str, str, domain.TableKind, Line, list[Line]]] = []
    for number, (start, (title, kind)) in enumerate(starts):
        end = starts[number + 1][0] if number + 1 < len(starts) else len(lines)
        body = []
        for line in lines[start + 1:end]:
            if _is_narrative(line):
                break
            body.append(line)
        if not any(line.text.strip() for line in body):
            continue  # a title with nothing under it is an entry of the table of contents
        caption = _caption(lines, start)
        previous = extents[-1] if extents else None
        if previous and previous[0] == title and previous[1] == caption and previous[4] \
                and previous[4][-1].number >= start - 3:
            previous[4].extend(line for line in body if line.text.strip() != title)
        else:
            extents.append((title, caption, kind, lines[start], body))
    tables = [_with_trailing_note(table, lines, title_line, body, starts) for title, _, kind, title_line, body in extents
              for table in parse_table(title, kind, title_line, body)]
    return tuple(mark_truncated_codes(t) for t in tables if t.rows or t.empty_note or t.notes or t.unit)


TRAILING_NOTE_LINES = 3  # non-blank lines after an empty table where its note may stand


def _with_trailing_note(table: Table, lines: tuple[Line, ...], title_line: Line, body: list[Line],
                        starts: list[tuple[int, object]]) -> Table:
    """An empty table whose note ("本部门无政府性基金预算财政拨款收入支出。") is a sentence right
    after it: the note is the table's, though a sentence ends the table's lines."""
    if table.rows or table.empty_note:
        return table
    end = (body[-1] if body else title_line).number
    after_end = next((i for i, line in enumerate(lines) if line.number > end), len(lines))
    following = next((i for i, _ in starts if i >= after_end), len(lines))
    after = [line for line in lines[after_end:following] if line.text.strip()][:TRAILING_NOTE_LINES]
    note = next((line.text.strip() for line in after if domain.EMPTY_NOTE.search(line.text)), "")
    return replace(table, empty_note=note) if note else table


def mark_truncated_codes(table: Table) -> Table:
    """A 6-digit code under a 5-digit one (201030 under 20103), or a 4-digit one under a 3-digit
    one (3010 under 301), was cut short by extraction. A 6-digit unit code (014001 under 014) is
    whole: no 5-digit code is its prefix. A coded row with no amount at all, where most coded rows
    have amounts, lost them in extraction."""
    codes = {row.code for row in table.rows}
    coded = [row for row in table.rows if row.code]
    with_amounts = sum(1 for row in coded if any(row.amounts) or row.unplaced)
    rows = tuple(replace(row, truncated=len(row.code) in (4, 6) and row.code[:len(row.code) - 1] in codes,
                         lost=bool(row.code) and not any(row.amounts) and not row.unplaced
                         and with_amounts > len(coded) // 2)
                 for row in table.rows)
    return replace(table, rows=rows)


# --------------------------------------------------------------------------------------------
# One table: header, rows, columns


def _join_lines(group: list[Line]) -> Line:
    """The lines of one ruled row as one line: its cells in reading order, its first line's place."""
    first = group[0]
    cells = tuple(cell for line in group for cell in line.cells)
    return replace(first, text="  ".join(line.text for line in group), cells=cells,
                   layout=POSITIONED if len(cells) > 1 else first.layout)


def _rows_by_band(body: list[Line]) -> list[list[Line]]:
    """Lines grouped into rows by the ruling lines between them, when the rules do separate rows
    (no two lines with amounts between the same two rules); else each line stands alone."""
    amount_bands = [l.band for l in body if l.band is not None and _is_amount_line(_pieces(l))]
    use_bands = bool(amount_bands) and len(amount_bands) == len(set(amount_bands))
    groups: list[list[Line]] = []
    for line in body:
        if use_bands and line.band is not None and groups and groups[-1][-1].band == line.band:
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups


def parse_table(title: str, kind: domain.TableKind, title_line: Line, body: list[Line]) -> list[Table]:
    unit = ""
    empty_note = ""
    header: list[list[Piece]] = []
    drafts: list[RowDraft] = []
    pending = RowDraft()
    for group in _rows_by_band([line for line in body if not is_page_furniture(line)]):
        line = group[0] if len(group) == 1 else _join_lines(group)
        text = line.text.strip()
        if not text:
            continue
        found_unit = domain.UNIT.search(_SPACES.sub("", text))
        if found_unit:
            unit = unit or found_unit.group(1)
        if domain.EMPTY_NOTE.search(text):
            empty_note = text
        pieces = _pieces(line)
        if is_page_furniture(line) or _NOTE_START.match(text) or domain.TABLE_NUMBER.match(text) \
                or (found_unit and not _is_amount_line(pieces)):
            continue
        if pieces and _COLUMN_NUMBERS.match(pieces[0].text) or (_DEPARTMENT_LINE.match(text) and not _is_amount_line(pieces)):
            continue
        if pending.pieces and drafts and _ENUMERATED.match(text):
            drafts[-1].pieces.extend(pending.pieces)  # a numbered line starts a row: what waited
            drafts[-1].lines.extend(pending.lines)    # before it ends the label of the row above
            pending = RowDraft()
        if _lone_code(pieces) and not pending.pieces and drafts and _lacks_code(drafts[-1]):
            drafts[-1].pieces.extend(pieces)  # a code set lower than its row's label and amounts
            drafts[-1].lines.append(line)
            continue
        if _is_amount_line(pieces):
            pending.pieces.extend(pieces)
            pending.lines.append(line)
            drafts.append(pending)
            pending = RowDraft()
        elif not drafts:
            header.append(pieces)
        elif _repeats_header(pieces, header):
            continue
        elif not pending.pieces and (line.layout == GRID or _ENUMERATED.match(text) or _code_and_label(text)):
            drafts.append(RowDraft(pieces, [line]))  # a row whose amounts are all blank
        else:
            pending.pieces.extend(pieces)  # a code or label fragment of the next row
            pending.lines.append(line)
    last = body[-1] if body else title_line
    location = Location(title_line.cells[0].location.path, title_line.number, 1, last.number,
                        max(len(last.text), 1) + 1, title_line.page)
    if kind.form:
        return [Table(title, kind.id, unit, (), (), location, notes=(FORM_NOTE,), empty_note=empty_note)]
    if sum(len(_ORPHAN_DECIMALS.findall(line.text)) for line in body) >= MIN_ORPHAN_DECIMALS:
        return [Table(title, kind.id, unit, (), (), location, notes=(SPLIT_AMOUNTS_NOTE,), empty_note=empty_note)]
    if not any(_is_amount_line(d.pieces) for d in drafts):
        return [Table(title, kind.id, unit, (), (), location, empty_note=empty_note)]
    header = [row for row in header if not _is_column_numbers(row)]
    amount_lines = [line for draft in drafts for line in draft.lines if _is_amount_line(_pieces(line))]
    layouts = {line.layout for line in amount_lines if not _lone_amount(line)}
    if layouts <= {GRID, POSITIONED} and all(_amounts_in_own_cells(line) for line in amount_lines):
        tables = _grid_tables(title, kind, unit, location, header, drafts, empty_note, positioned=GRID not in layouts)
    else:
        tables = _flow_table(title, kind, unit, location, header, drafts, empty_note)
    return [_sides_told_apart(table) if kind.two_sided else table for table in tables]


def _sides_told_apart(table: Table) -> Table:
    """A 收支 table read as one list holding rows of both sides: the sides ran together, and no
    sum over its rows means anything."""
    if table.side or not _both_sides(table.rows):
        return table
    return replace(table, columns=(), rows=(), notes=(*table.notes, ONE_SIDED_NOTE))


def _lone_amount(line: Line) -> bool:
    """A line that is one amount and nothing else fits any layout (a number wrapped in its cell)."""
    return len(line.cells) == 1 and len(line.cells[0].text.split()) == 1


def _amounts_in_own_cells(line: Line) -> bool:
    """Every amount of the line is a cell of its own (not "行政运行 707.28" run into one cell)."""
    return line.layout == GRID or all(
        len(cell.text.split()) == 1 or not _is_amount_line([Piece(cell.text, cell.location, 0, 0)])
        for cell in line.cells)


def _code_and_label(text: str) -> bool:
    """A code followed by its name: a whole row even when no amount follows on the line."""
    words = text.split()
    return len(words) >= 2 and bool(_CODE_TEXT.match(words[0])) and bool(_HAN.search(words[1]))


def _lone_code(pieces: list[Piece]) -> bool:
    texts = [p.text.strip() for p in pieces if p.text.strip()]
    return len(texts) == 1 and bool(_CODE_TEXT.match(texts[0]))


def _lacks_code(draft: RowDraft) -> bool:
    """A row with amounts, no code and no total's label: the row a lone code below it belongs to."""
    words = [w for p in draft.pieces for w in p.text.split()]
    return (_is_amount_line(draft.pieces) and not any(_CODE_TEXT.match(w) for w in words)
            and not any(domain.TOTAL_LABEL.match(w) for w in words) and not _ENUMERATED.match(words[0] if words else ""))


def _is_column_numbers(row: list[Piece]) -> bool:
    """The header row that numbers the columns (栏次 1 2 3 …): it names nothing."""
    texts = [p.text.strip() for p in row if p.text.strip()]
    return any(_COLUMN_NUMBERS.match(t) for t in texts) and sum(1 for t in texts if _INTEGER.match(t)) >= 2


def _repeats_header(pieces: list[Piece], header: list[list[Piece]]) -> bool:
    texts = [p.text for p in pieces]
    return any(texts == [p.text for p in row] for row in header)


# --------------------------------------------------------------------------------------------
# GRID and POSITIONED: cells with columns


def _cluster_columns(drafts: list[RowDraft]) -> list[tuple[float, float]]:
    """Columns of a positioned table, from where its data cells sit: amounts are aligned on one
    edge (usually the right), text on the left; a cell joins the column it overlaps most."""
    spans: list[tuple[float, float]] = []
    for piece in sorted((p for d in drafts for p in d.pieces), key=lambda p: p.x0):
        for i, (x0, x1) in enumerate(spans):
            if piece.x0 < x1 + X_TOLERANCE and piece.x1 > x0 - X_TOLERANCE and _aligned(piece, x0, x1):
                spans[i] = (min(x0, piece.x0), max(x1, piece.x1))
                break
        else:
            spans.append((piece.x0, piece.x1))
    spans.sort()
    merged: list[tuple[float, float]] = []
    for x0, x1 in spans:
        if merged and x0 < merged[-1][1] - X_TOLERANCE:  # overlapping, not merely touching
            merged[-1] = (merged[-1][0], max(merged[-1][1], x1))
        else:
            merged.append((x0, x1))
    return merged


MISALIGNED_NOTE = "列位置无法可靠对齐（同一行的两个数落在同一列），不按行列核算"
UNNAMED_NOTE = "表头未能识别，列名按顺序编号"
ONE_SIDED_NOTE = "收支两栏未能分开，不按行列核算"
MIN_ROWS_TO_MERGE = 4


def _merge_complementary(columns: list[tuple[float, float]], drafts: list[RowDraft]) -> list[tuple[float, float]]:
    """Two neighbouring amount columns that no row fills both of, over several rows, are one
    column whose cells drifted sideways (layout text places cells only to the nearest character)."""
    changed = True
    while changed and len(columns) > 1:
        changed = False
        for draft in drafts:
            _assign(draft.pieces, columns)
        for i in range(len(columns) - 1):
            left = {id(d) for d in drafts for p in d.pieces if p.column == i and p.amount is not None}
            right = {id(d) for d in drafts for p in d.pieces if p.column == i + 1 and p.amount is not None}
            others = {id(d) for d in drafts for p in d.pieces if p.column == i + 1 and p.amount is None and p.text.strip()}
            if left and right and not others and not left & right and len(left | right) >= MIN_ROWS_TO_MERGE:
                columns = columns[:i] + [(columns[i][0], max(columns[i][1], columns[i + 1][1]))] + columns[i + 2:]
                changed = True
                break
    return columns


def _collides(drafts: list[RowDraft]) -> bool:
    """Two amounts of one line in one column: the columns were not found right."""
    for draft in drafts:
        for line in draft.lines:
            columns = [p.column for p in draft.pieces if p.amount is not None and p.location.line == line.number]
            if len(columns) != len(set(columns)):
                return True
    return False


def _aligned(piece: Piece, x0: float, x1: float) -> bool:
    return abs(piece.x1 - x1) <= X_TOLERANCE or abs(piece.x0 - x0) <= X_TOLERANCE or (x0 <= piece.x0 and piece.x1 <= x1)


def _assign(pieces: Iterable[Piece], columns: list[tuple[float, float]]) -> None:
    for piece in pieces:
        piece.column = _nearest_column((piece.x0 + piece.x1) / 2, columns)


def _nearest_column(x: float, columns: list[tuple[float, float]]) -> int:
    """The column whose span is nearest to x (the first of equals). A plain loop: it runs for
    every cell of every table, and a min() with a key function was a tenth of a document's time."""
    best, best_distance = 0, float("inf")
    for index, (x0, x1) in enumerate(columns):
        distance = 0.0 if x0 <= x <= x1 else (x0 - x if x < x0 else x - x1)
        if distance < best_distance:
            best, best_distance = index, distance
    return best


def _header_names(header: list[list[Piece]], columns: list[tuple[float, float]] | None, width: int) -> list[list[str]]:
    """For each grid column, the header texts above it, top row first.

    A header cell over several columns (a merged parent such as 基本支出 over 小计/人员经费/公用
    经费) names each of them; in a GRID header a cell with empty cells after it spans them where
    a lower header row has text (that is how a merged cell reads after extraction).
    """
    names: list[list[str]] = [[] for _ in range(width)]
    for depth, row in enumerate(header):
        if columns is not None:
            words: list[str] = ["" for _ in range(width)]  # pieces of one row over one column are one cell
            for piece in row:
                covered = [i for i, (x0, x1) in enumerate(columns) if piece.x0 - X_TOLERANCE <= (x0 + x1) / 2 <= piece.x1 + X_TOLERANCE]
                if not covered:
                    covered = [_nearest_column((piece.x0 + piece.x1) / 2, columns)]
                for i in covered:
                    words[i] += piece.text
            for i, word in enumerate(words):
                if word:
                    names[i].append(word)
            continue
        lower = header[depth + 1:]
        current = ""
        for i in range(width):
            text = row[i].text if i < len(row) else ""
            if text:
                current = text
                names[i].append(text)
            elif current and any(i < len(r) and r[i].text for r in lower):
                names[i].append(current)
            else:
                current = ""
    return [[_SPACES.sub("", n) for n in column if n.strip()] for column in names]


def _grid_tables(title: str, kind: domain.TableKind, unit: str, location: Location, header: list[list[Piece]],
                 drafts: list[RowDraft], empty_note: str, positioned: bool) -> list[Table]:
    columns = None
    if positioned:
        columns = _merge_complementary(_cluster_columns(drafts), drafts)
        for draft in drafts:
            _assign(draft.pieces, columns)
        width = len(columns)
        if _collides(drafts):
            return [Table(title, kind.id, unit, (), (), location, "", (MISALIGNED_NOTE,), empty_note)]
    else:
        width = max(max((p.column for p in d.pieces), default=-1) for d in drafts) + 1
    names = _header_names(header, columns, width)
    roles = _column_roles(drafts, names, width)
    if not positioned:
        names = _align_header(names, roles)
        roles = _column_roles(drafts, names, width)
    sides = _sides(roles)
    tables = []
    used: set[str] = set()
    for number, (start, end) in enumerate(sides):
        if kind.two_sided and len(sides) == 2:
            side = ("收入", "支出")[number]  # the standard layout: income left, expenditure right
        else:
            side = _side_name(header, columns, start, end) if len(sides) > 1 else ""
        if len(sides) > 1 and (not side or side in used):
            first_label = next((r.label for d in drafts if (r := _grid_row(d, roles, [], start, end)) and r.label), "")
            side = first_label or f"第{number + 1}栏"
        used.add(side)
        amount_columns = [i for i in range(start, end) if roles[i] == "amount"]
        column_names = tuple("/".join(_meaningful(names[i])) or f"列{k + 1}" for k, i in enumerate(amount_columns))
        decimals = _decimal_amounts(drafts, amount_columns)
        rows = _join_split_rows([row for draft in drafts
                                 if (row := _grid_row(draft, roles, amount_columns, start, end, decimals))])
        notes = [] if names and any(names[i] for i in amount_columns) else [UNNAMED_NOTE]
        if kind.two_sided and len(sides) == 1 and notes:
            # One side found and no header: the two sides' cells are not told apart.
            tables.append(Table(title, kind.id, unit, (), (), location, "", (ONE_SIDED_NOTE,), empty_note))
            continue
        table = drop_shifted_columns(Table(title, kind.id, unit, column_names, tuple(rows), location, side,
                                           tuple(notes), empty_note))
        tables.append(table)
    return tables


_INCOME_ITEM = regex.compile(r"收入|拨款|资金|结转|结余")
_EXPENDITURE_ITEM = regex.compile(r"支出[\d,.]*$")  # its amount may have run into it


def _both_sides(rows: list[Row]) -> bool:
    """Rows of both sides of a 收支 table in one list: income items (…收入, …拨款) and
    expenditure items (…支出), two of each at least."""
    labels = [_SPACES.sub("", row.label) for row in rows]
    expenditure = sum(1 for label in labels if _EXPENDITURE_ITEM.search(label))
    income = sum(1 for label in labels if _INCOME_ITEM.search(label) and not _EXPENDITURE_ITEM.search(label))
    return expenditure >= 2 and income >= 2


def _decimal_amounts(drafts: list[RowDraft], amount_columns: list[int]) -> bool:
    """Do nine in ten of the table's amounts carry decimals (so that a bare integer is a code)?
    Integers that could be codes are what is in question, and count for neither side."""
    texts = [p.text.strip() for d in drafts for p in d.pieces
             if p.column in amount_columns and p.amount is not None and not _CODE_TEXT.match(p.text.strip())]
    return bool(texts) and sum(1 for t in texts if "." in t) >= 0.9 * len(texts)


def _join_split_rows(rows: list[Row]) -> list[Row]:
    """A row printed over two lines (its first amount, or none, on the label's line and the other
    amounts on the next) arrives as two rows: the second has no code and no label, and fills only
    columns the first left blank. Such a pair is one row."""
    joined: list[Row] = []
    for row in rows:
        previous = joined[-1] if joined else None
        if (previous is not None and not row.code and not row.label and any(row.amounts)
                and all(a is None or b is None for a, b in zip(previous.amounts, row.amounts))):
            merged = tuple(a if a is not None else b for a, b in zip(previous.amounts, row.amounts))
            joined[-1] = replace(previous, amounts=merged, location=previous.location.covering(row.location))
        else:
            joined.append(row)
    return joined


def drop_shifted_columns(table: Table) -> Table:
    """Remove a column that extraction moved up by a row: in most rows it holds the next row's
    first-column value rather than one that fits its own row. Its numbers prove nothing."""
    keep = []
    notes = list(table.notes)
    for column, name in enumerate(table.columns):
        shifted = own = 0
        for row, below in zip(table.rows, table.rows[1:]):
            value, first_below, first_own = row.amounts[column], below.amounts[0], row.amounts[0]
            if column == 0 or value is None or first_below is None or first_own is None:
                continue
            if value.value == first_below.value and value.value != first_own.value:
                shifted += 1
            elif value.value == first_own.value:
                own += 1
        if column and shifted >= 3 and shifted > own:
            notes.append(f"“{name}”列错行（数值与下一行的首列相同），不按该列核算")
        else:
            keep.append(column)
    if len(keep) == len(table.columns):
        return table
    rows = tuple(replace(row, amounts=tuple(row.amounts[i] for i in keep)) for row in table.rows)
    return replace(table, columns=tuple(table.columns[i] for i in keep), rows=rows, notes=tuple(notes))


def _meaningful(names: list[str]) -> list[str]:
    """Header texts that name an amount column (not 项目/科目名称/栏次 spanning the whole table)."""
    return [n for n in dict.fromkeys(names) if not domain.LABEL_HEADERS.match(n) and not domain.ORDINAL_HEADERS.match(n)]


def _column_roles(drafts: list[RowDraft], names: list[list[str]], width: int) -> list[str]:
    """What each grid column holds: "amount", "ordinal" (行次), "code", "label" or "empty"."""
    roles = []
    for i in range(width):
        texts = [p.text.strip() for d in drafts for p in d.pieces if p.column == i and p.text.strip()]
        header = names[i] if i < len(names) else []
        if not texts:
            roles.append("amount" if _meaningful(header) else "empty")
        elif any(domain.ORDINAL_HEADERS.match(h) for h in header) or _looks_ordinal(texts):
            roles.append("ordinal")
        elif _mostly_codes(texts):
            roles.append("code")
        elif sum(1 for t in texts if parse_amount(t) is not None) >= max(1, len(texts) // 2 + 1):
            roles.append("amount")
        else:
            roles.append("label")
    return roles


def _mostly_codes(texts: list[str]) -> bool:
    """A code column: codes, except perhaps a total row's label; never a decimal amount."""
    codes = sum(1 for t in texts if _CODE_TEXT.match(t))
    return codes >= 0.6 * len(texts) and not any(_is_amount_like(t) for t in texts)


def _is_amount_like(text: str) -> bool:
    return "." in text or "," in text


def _looks_ordinal(texts: list[str]) -> bool:
    """行次: small integers counting up by one, no decimals."""
    if len(texts) < 3 or not all(_INTEGER.match(t) for t in texts):
        return False
    values = [int(t) for t in texts]
    return all(b == a + 1 for a, b in zip(values, values[1:]))


def _align_header(names: list[list[str]], roles: list[str]) -> list[list[str]]:
    """Shift the header onto the data when extraction put it one cell off (its first amount name
    sits left of the first amount column, while the number of names matches)."""
    named = [i for i, n in enumerate(names) if _meaningful(n)]
    amounts = [i for i, r in enumerate(roles) if r == "amount"]
    if not named or not amounts or roles.count("ordinal"):
        return names
    shift = amounts[0] - named[0]
    if shift <= 0 or any(i + shift >= len(names) for i in named):
        return names
    shifted: list[list[str]] = [[] for _ in names]
    for i in named:
        shifted[i + shift] = names[i]
    for i, n in enumerate(names):
        if i not in named:
            shifted[i] = shifted[i] or [x for x in n if not _meaningful([x])]
    return shifted


def _sides(roles: list[str]) -> list[tuple[int, int]]:
    """Column ranges of the sides of a two-sided table, or of side-by-side panels: a new side
    starts where a code or label column follows an amount column."""
    starts = [0]
    seen_amount = False
    for i, role in enumerate(roles):
        if role == "amount":
            seen_amount = True
        elif role in ("code", "label") and seen_amount:
            starts.append(i)
            seen_amount = False
        elif role == "ordinal" and seen_amount:
            continue
    ranges = [(s, e) for s, e in zip(starts, starts[1:] + [len(roles)])]
    return [(s, e) for s, e in ranges if any(r == "amount" for r in roles[s:e])]


def _side_name(header: list[list[Piece]], columns: list[tuple[float, float]] | None, start: int, end: int) -> str:
    """收入 / 支出 for a two-sided table, the panel's heading for side-by-side panels: the words
    of the top header row over the side's columns (a letter-spaced 收 入 may be two cells)."""
    if not header:
        return ""
    if columns is None:
        inside = [p for p in header[0] if start <= p.column < end]
    else:
        left, right = columns[start][0], columns[end - 1][1]
        inside = [p for p in header[0] if left - X_TOLERANCE <= (p.x0 + p.x1) / 2 <= right + X_TOLERANCE]
    top = _SPACES.sub("", "".join(p.text for p in inside))
    return top if top and not domain.LABEL_HEADERS.match(top) and len(top) <= 12 else ""


def _grid_row(draft: RowDraft, roles: list[str], amount_columns: list[int], start: int, end: int,
              decimal_amounts: bool = False) -> Row | None:
    """One row from its draft's pieces. In a table whose amounts carry decimals, a bare code in
    an amount column, before any amount, slid there with the cells after it (a page of the
    table laid out further right): its amounts are kept as unplaced, in no column."""
    code = label = ""
    label_column = -1
    slid = False
    values: dict[int, Amount] = {}
    for piece in draft.pieces:
        if not start <= piece.column < end or not piece.text.strip():
            continue
        role = roles[piece.column]
        if role == "code" and not code:
            code = piece.text.strip()
        elif role == "label" and (not label or piece.column == label_column):
            label_column = piece.column  # the first label column names the row; 项目类别 and the like describe it
            label += piece.text.strip()
        elif role == "amount":
            value = piece.amount
            if decimal_amounts and not code and not values and _CODE_TEXT.match(piece.text.strip()):
                code, slid = piece.text.strip(), True
            elif value is not None:
                values[piece.column] = Amount(value, piece.text.strip(), piece.location)
            elif _CODE_TEXT.match(piece.text.strip()) and not code:
                code = piece.text.strip()
            else:
                label += piece.text.strip()
    if not values and not label and not code:
        return None
    code, label = _split_code(code, label)
    line_location = _draft_location(draft)
    if slid:
        return Row(code, label, (None,) * len(amount_columns), line_location, False, unplaced=tuple(values.values()))
    return Row(code, label, tuple(values.get(i) for i in amount_columns), line_location, False)


def _split_code(code: str, label: str) -> tuple[str, str]:
    """A label that opens with a code ("201一般公共服务") gives it up; full-width spaces go."""
    label = label.replace("\u3000", "").strip()
    if not code:
        match = _LEADING_CODE.match(label)
        if match and not _LEADING_YEAR.match(label):
            code, label = match.group(1), label[match.end():].strip()
    return code, label


def _draft_location(draft: RowDraft) -> Location:
    first, last = draft.lines[0], draft.lines[-1]
    path = draft.pieces[0].location.path if draft.pieces and draft.pieces[0].location else ""
    return Location(path, first.number, 1, last.number, max(len(last.text), 1) + 1, first.page)


# --------------------------------------------------------------------------------------------
# PROSE rows: tokens without positions


def _tokens(draft: RowDraft) -> list[Piece]:
    """Every whitespace-separated token of a draft's lines, whatever their layout."""
    return [piece for line in draft.lines for piece in _pieces(replace(line, layout=PROSE))]


FLATTENED_NOTE = "表格被压平为一行（提取时丢失了行列），不按行列核算"


def _is_flattened(tokens: list[Piece]) -> bool:
    """A whole table on one line: amounts followed by further labels more than twice over."""
    switches, seen_amount = 0, False
    for token in tokens:
        if token.amount is not None:
            seen_amount = True
        elif seen_amount and _HAN.search(token.text):
            switches += 1
            seen_amount = False
    return switches > 2


def _flow_table(title: str, kind: domain.TableKind, unit: str, location: Location, header: list[list[Piece]],
                drafts: list[RowDraft], empty_note: str) -> list[Table]:
    if any(_is_flattened(_tokens(d)) for d in drafts):
        return [Table(title, kind.id, unit, (), (), location, "", (FLATTENED_NOTE,), empty_note)]
    if kind.two_sided:
        return _flow_two_sided(title, kind, unit, location, header, drafts, empty_note)
    parsed = [_flow_tokens(_tokens(d)) for d in drafts]
    width = max(len(values) for _, _, values in parsed)
    names = _flow_header(header, width)
    identities = domain.column_identities(names)
    candidates = [_placements(values, width, identities) for _, _, values in parsed]
    placed = resolve_by_hierarchy([(code, label) for code, label, _ in parsed], candidates)
    rows, notes = [], []
    for draft, (code, label, values), row_values in zip(drafts, parsed, placed):
        rows.append(Row(code, label, row_values or (None,) * width, _draft_location(draft),
                        unplaced=() if row_values is not None else tuple(values)))
        if row_values is None:
            notes.append(f"第{draft.lines[-1].number}行的金额无法确定所在列")
    if not any(names):
        notes.insert(0, UNNAMED_NOTE)
    column_names = tuple(n or f"列{i + 1}" for i, n in enumerate(names))
    return [Table(title, kind.id, unit, column_names, tuple(rows), location, "", tuple(notes), empty_note)]


def _flow_two_sided(title: str, kind: domain.TableKind, unit: str, location: Location, header: list[list[Piece]],
                    drafts: list[RowDraft], empty_note: str) -> list[Table]:
    """收入 | 支出 flattened onto one line: read it as (label, amount) pairs, the first pair on
    the income side; a lone pair goes to the side its label names (…支出 is expenditure)."""
    sides: dict[str, list[Row]] = {"收入": [], "支出": []}
    for draft in drafts:
        pairs = _label_amount_pairs(_tokens(draft))
        where = _draft_location(draft)
        if len(pairs) == 1:
            label, amount = pairs[0]
            sides["支出" if "支出" in label else "收入"].append(Row("", label, (amount,), where))
        elif len(pairs) == 2:
            for side, (label, amount) in zip(("收入", "支出"), pairs):
                sides[side].append(Row("", label, (amount,), where))
    words = [w for row in header for p in row for w in p.text.split()]
    column = next((w for w in words if len(w) > 1 and _meaningful([w]) and w not in ("收入", "支出")), "金额")
    return [Table(title, kind.id, unit, (column,), tuple(rows), location, side, (), empty_note)
            for side, rows in sides.items() if rows]


def _label_amount_pairs(tokens: list[Piece]) -> list[tuple[str, Amount | None]]:
    """Group tokens into (label, amount) pairs: a pair ends at an amount, or where a new
    enumerated label (一、 （二） …) begins."""
    pairs: list[tuple[str, Amount | None]] = []
    words: list[str] = []
    for token in tokens:
        text = token.text.strip("\u3000 ")
        value = token.amount
        if value is not None and words:
            pairs.append(("".join(words), Amount(value, text, token.location)))
            words = []
        elif value is None:
            if words and _ENUMERATED.match(text):
                pairs.append(("".join(words), None))
                words = []
            words.append(text)
    if words:
        pairs.append(("".join(words), None))
    return pairs


def _flow_tokens(tokens: list[Piece]) -> tuple[str, str, list[Amount]]:
    """Code, label and trailing amounts of a row read as a sequence of tokens: the amounts are the
    numbers after the last word (a number inside the label, as in 2024年, is no amount)."""
    tokens = [p for p in tokens if p.text.strip("\u3000 ")]
    end = len(tokens)
    while end > 0 and tokens[end - 1].amount is not None:
        end -= 1
    values = [Amount(p.amount, p.text.strip(), p.location) for p in tokens[end:]]
    words = [p.text.strip("\u3000 ") for p in tokens[:end]]
    code = words.pop(0) if words and _CODE_TEXT.match(words[0]) else ""
    code, label = _split_code(code, "".join(words))
    return code, label, values


def _flow_header(header: list[list[Piece]], width: int) -> list[str]:
    """Column names from header words in reading order: all of them when their count fits the
    data, else the run of `width` words that starts at a total (合计 …), the columns to its right
    being blank in every row."""
    words = [w for row in header for p in row for w in p.text.split()]
    names = domain_expand([w for w in words if _meaningful([w]) and parse_amount(w) is None])
    if len(names) == width:
        return names
    for start, name in enumerate(names):
        if domain.TOTAL_LABEL.match(name) and start + width <= len(names):
            window = names[start:start + width]
            return window if domain_expand(window) == window else [""] * width
    return [""] * width


def domain_expand(names: list[str]) -> list[str]:
    """Put second-row header words under their parent: [合计, 基本支出, 项目支出, 小计, 人员经费,
    公用经费] reads as [合计, 基本支出/小计, 基本支出/人员经费, 基本支出/公用经费, 项目支出]."""
    for parent, children in domain.HEADER_CHILDREN.items():
        if parent in names:
            tail = [n for n in names[names.index(parent) + 1:] if n in children]
            if tail and names[-len(tail):] == tail:
                head = names[:len(names) - len(tail)]
                at = head.index(parent)
                return head[:at] + [f"{parent}/{child}" for child in tail] + head[at + 1:]
    return names


MAX_PLACEMENTS = 4096  # combinations tried when siblings are placed together


def _placements(values: list[Amount], width: int, identities: list[tuple[int, tuple[int, ...]]]) -> list[tuple[Amount | None, ...]]:
    """Every way to put k amounts into `width` columns, in order, under which the column
    identities hold (blanks count as zero). With k == width there is exactly one."""
    if len(values) == width:
        return [tuple(values)]
    if len(values) > width or not identities:
        return []
    fits = []
    for chosen in combinations(range(width), len(values)):
        row: list[Amount | None] = [None] * width
        for column, amount in zip(chosen, values):
            row[column] = amount
        if all(_holds(row, total, parts) for total, parts in identities):
            fits.append(tuple(row))
    return fits


def _parent_index(rows: list[tuple[str, str]], index: int) -> int | None:
    """The row a row adds up into: the nearest earlier row whose code is a prefix of its code, or
    the total row (合计) for a top-level code."""
    code = rows[index][0]
    if not code:
        return None
    for j in range(index - 1, -1, -1):
        other = rows[j][0]
        if other and len(other) < len(code) and code.startswith(other):
            return j
        if not other and domain.TOTAL_LABEL.match(rows[j][1]) and len(code) == 3:
            return j
    return None


def resolve_by_hierarchy(rows: list[tuple[str, str]], candidates: list[list[tuple]]) -> list[tuple | None]:
    """Fix each row's placement: a row with one candidate is fixed; the children of a fixed parent
    are fixed together when exactly one combination of their candidates adds up to the parent in
    every column. What stays open is None: no check may use it."""
    fixed: list[tuple | None] = [c[0] if len(c) == 1 else None for c in candidates]
    children: dict[int, list[int]] = {}
    for i in range(len(rows)):
        parent = _parent_index(rows, i)
        if parent is not None:
            children.setdefault(parent, []).append(i)
    changed = True
    while changed:
        changed = False
        for parent, kids in children.items():
            open_kids = [k for k in kids if fixed[k] is None and candidates[k]]
            if fixed[parent] is None or not open_kids:
                continue
            choices = [[fixed[k]] if fixed[k] is not None else candidates[k] for k in kids]
            total = 1
            for c in choices:
                total *= len(c)
            if total > MAX_PLACEMENTS or any(not c for c in choices):
                continue
            fits = [combo for combo in product(*choices) if _adds_up(fixed[parent], combo)]
            if len(fits) == 1:
                for k, placement in zip(kids, fits[0]):
                    fixed[k] = placement
                changed = True
    return fixed


def _adds_up(parent: tuple, children: Sequence[tuple]) -> bool:
    tolerance = Decimal("0.005") * (len(children) + 1)
    for column, total in enumerate(parent):
        value = total.value if total is not None else Decimal(0)
        parts = sum((c[column].value for c in children if c[column] is not None), Decimal(0))
        if abs(value - parts) > tolerance:
            return False
    return True


def _holds(row: list[Amount | None], total: int, parts: tuple[int, ...]) -> bool:
    value = lambda i: row[i].value if row[i] is not None else Decimal(0)  # noqa: E731
    tolerance = Decimal("0.005") * (len(parts) + 1)
    return abs(value(total) - sum(value(i) for i in parts)) <= tolerance
