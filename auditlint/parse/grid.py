"""GRID and POSITIONED table lines: cells with columns.

GRID lines (tabs, pipes) have cells whose index is their column. POSITIONED lines (wide gaps in
text, coordinates in PDFs) have cells with horizontal extents; they are turned into the same grid
by clustering the extents of the data cells into columns, so one piece of code reads both. The
header names the columns; code, label and amount columns are told apart by what they hold; a
table of two sides or side-by-side panels is cut into one table per side."""
from __future__ import annotations

from dataclasses import replace
from typing import Iterable

from auditlint.patterns import compile_lazily
from auditlint.model import Amount, Location, Row, Table
from auditlint import domain
from auditlint.parse.numbers import parse_amount
from auditlint.parse.pieces import (CODE_TEXT, HAN, INTEGER, SPACES, X_TOLERANCE, Piece, RowDraft, draft_location,
                                    is_amount_like, split_code)


def _cluster_columns(drafts: list[RowDraft]) -> list[tuple[float, float]]:
    """Columns of a positioned table, from where its data cells sit: amounts are aligned on one
    edge (usually the right), text on the left; a cell joins the column it overlaps most. Words
    join a column of figures or codes, and figures a column of words, only inside it: a label
    that starts a character or two right of a code column is not in it. A wrapped part of a
    label has no say (see Piece.place), nor has a cell merged over several (_merged_boxes)."""
    spans: list[tuple[float, float, bool]] = []  # left, right, and whether it holds words
    # The spans a cell may still join, in the order they were opened: the cells come from left
    # to right, so a span that ends short of one ends short of all that follow, and grows no more.
    live: list[int] = []
    for piece in sorted((p for d in drafts for p in d.pieces if not p.wrapped and p.span_end is None), key=lambda p: p.x0):
        words = piece.amount is None
        live = [i for i in live if piece.x0 < spans[i][1] + X_TOLERANCE]
        for i in live:
            x0, x1, of_words = spans[i]
            if piece.x1 > x0 - X_TOLERANCE and (
                    _aligned(piece, x0, x1) if words == of_words else x0 <= piece.x0 and piece.x1 <= x1):
                spans[i] = (min(x0, piece.x0), max(x1, piece.x1), of_words)
                break
        else:
            live.append(len(spans))
            spans.append((piece.x0, piece.x1, words))
    spans.sort()
    merged: list[tuple[float, float]] = []
    for x0, x1, _ in spans:
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
    column whose cells drifted sideways (layout text places cells only to the nearest character).
    Every cell is left assigned to the columns returned."""
    changed = True
    assigned = False  # whether the cells stand in the columns as they are now
    while changed and len(columns) > 1:
        changed = False
        assigned = True
        with_amount: list[set[int]] = [set() for _ in columns]
        with_words: list[set[int]] = [set() for _ in columns]
        for draft in drafts:
            _assign(draft.pieces, columns)
            for p in draft.pieces:
                if p.amount is not None:
                    with_amount[p.column].add(id(draft))
                elif p.text.strip() and p.span_end is None:
                    with_words[p.column].add(id(draft))
        for i in range(len(columns) - 1):
            left, right = with_amount[i], with_amount[i + 1]
            if left and right and not with_words[i + 1] and not left & right and len(left | right) >= MIN_ROWS_TO_MERGE:
                columns = columns[:i] + [(columns[i][0], max(columns[i][1], columns[i + 1][1]))] + columns[i + 2:]
                changed, assigned = True, False
                break
    if not assigned:
        for draft in drafts:
            _assign(draft.pieces, columns)
    return columns


def _merged_boxes(drafts: list[RowDraft]) -> set[tuple[float, float]]:
    """The ruled boxes of data cells merged over several columns: a box that holds the boxes of
    two other cells side by side (当年支出小计 over the label and figure columns of the panel of
    spending by function and the label column of the panel beside it, in a three-panel 收支总表).
    Such a cell says nothing of where its columns are."""
    boxes = {p.ruled for d in drafts for p in d.pieces if p.ruled is not None}
    merged = set()
    for box in boxes:
        inside = sorted(b for b in boxes if b != box and box[0] - X_TOLERANCE <= b[0] and b[1] <= box[1] + X_TOLERANCE)
        if any(b[0] >= a[1] - X_TOLERANCE for a, b in zip(inside, inside[1:])):
            merged.add(box)
    return merged


def _mark_merged(drafts: list[RowDraft]) -> None:
    """Mark the words of merged cells (_merged_boxes), for now by a span of -1: the columns they
    reach over are known once the other cells have placed the columns (_place_merged)."""
    merged = _merged_boxes(drafts)
    for draft in drafts:
        for piece in draft.pieces:
            piece.span_end = -1 if piece.ruled in merged and piece.amount is None else None


def _place_merged(drafts: list[RowDraft], columns: list[tuple[float, float]]) -> None:
    """A merged cell's words belong to the first column its box reaches over (a label is read
    from where its cell starts), and it spans to the last (Piece.span_end)."""
    for piece in (p for d in drafts for p in d.pieces if p.span_end is not None):
        low, high = piece.ruled
        covered = [i for i, (x0, x1) in enumerate(columns) if low <= (x0 + x1) / 2 <= high]
        if covered:
            piece.column, piece.span_end = covered[0], covered[-1]
        else:
            piece.span_end = None


def _mark_wrapped(drafts: list[RowDraft]) -> None:
    """Mark the cells of a row's lines of words beside its line of figures: parts of its label
    (or of the next row's) wrapped onto lines of their own."""
    for draft in drafts:
        if len({p.location.line for p in draft.pieces}) < 2:
            continue  # most rows: one line, nothing wrapped
        with_figures = {p.location.line for p in draft.pieces if p.amount is not None and is_amount_like(p.text)}
        if with_figures:
            for piece in draft.pieces:
                piece.wrapped = piece.location.line not in with_figures and piece.amount is None


def _table_columns(drafts: list[RowDraft], header: list[list[Piece]]) -> list[tuple[float, float]]:
    """The columns the data cells of the whole table form, every cell assigned to one."""
    _mark_merged(drafts)
    found = _merge_complementary(_cluster_columns(drafts), drafts)  # every cell assigned to them
    columns = _with_ruled_empty_columns(found, header, drafts)
    if columns is not found:
        for draft in drafts:
            _assign(draft.pieces, columns)
    _place_merged(drafts, columns)
    return columns


def _align_pages_by_their_headers(drafts: list[RowDraft], header: list[list[Piece]],
                                  page_headers: dict[int, list[list[Piece]]], first_page: int) -> bool:
    """Move each figure and code of a later page to where it would stand on the first page, when
    every later page repeats the header: by as much as the header cell nearest to it moved
    between the pages (a figure by the cells that name amounts, 合计 …; a code at the left by the
    others, 类 | 款). Layout text sets each page in its own character grid, and not even by one
    shift (合计 two characters left, 公用经费 eight), so only the page's own header tells which
    column a figure is under."""
    later = {p.location.page for d in drafts for p in d.pieces} - {first_page}
    anchors = {page: _anchors(header, page_headers.get(page, [])) for page in later}
    if not later or not all(named for named, _ in anchors.values()):
        return False
    for draft in drafts:
        for piece in draft.pieces:
            if piece.location.page not in anchors or piece.amount is None:
                continue  # a label starts where its column starts, on every page
            named, others = anchors[piece.location.page]
            centre = (piece.x0 + piece.x1) / 2
            if centre >= min(here.x0 for here, _ in named) - 3 * X_TOLERANCE or not others:
                here, there = min(named, key=lambda anchor: abs((anchor[0].x0 + anchor[0].x1) / 2 - centre))
                shift = (there.x0 + there.x1 - here.x0 - here.x1) / 2  # figures sit under their header's middle
            else:
                here, there = min(others, key=lambda anchor: abs(anchor[0].x0 - piece.x0))
                shift = there.x0 - here.x0  # codes start where their header starts
            piece.x0, piece.x1 = piece.x0 + shift, piece.x1 + shift
    return True


def _anchors(header: list[list[Piece]], repeated: list[list[Piece]]) -> tuple[list[tuple[Piece, Piece]], list[tuple[Piece, Piece]]]:
    """(the cell on its page, the same cell on the first page) of the header rows a page repeats:
    those that name amounts, and the others (项目, 经济分类科目编码, 类, 款)."""
    named, others = [], []
    for row in repeated:
        original = next((first for first in header if [p.text for p in first] == [p.text for p in row]), None)
        for here, there in zip(row, original or []):
            text = SPACES.sub("", here.text)
            (named if meaningful([text]) and not domain.CODE_HEADER.search(text) else others).append((here, there))
    return named, others


def _positioned_columns(drafts: list[RowDraft], header: list[list[Piece]],
                        page_headers: dict[int, list[list[Piece]]] | None = None) -> tuple[list[tuple[float, float]], bool]:
    """The columns of a positioned table, every data cell assigned to one (Piece.column), and
    whether the cells' places across the line compare from page to page.

    A table continued over pages is usually set the same on each, and the columns are found
    from all its rows at once. But layout text places each page in its own character grid, and
    a page can come out a few characters to the left: its figures then fall between the first
    page's columns, or into the wrong one. When each page, clustered alone, has as many columns
    as the first, but some column of a page lies clear of the same column on the first, the
    pages are shifted copies: each page's cells take the column of its own page's clustering,
    and the first page's columns, which its header names, stand for the table, unless two cells
    of a line then share a column. Where every later page repeats the header, its figures are
    first moved under the first page's header by it (_align_pages_by_their_headers). Ruled PDFs
    are read by their rules, page by page already.
    Where pages are shifted copies, a label's place on one page does not compare with a label's
    on another (the pages are not even shifted by one amount: each is set in its own grid), and
    the labels' indents say nothing of their levels."""
    _mark_wrapped(drafts)
    pages = sorted({p.location.page for d in drafts for p in d.pieces})
    one_grid = len(pages) < 2 or any(p.ruled is not None for d in drafts for p in d.pieces)
    if not one_grid and _align_pages_by_their_headers(drafts, header, page_headers or {}, pages[0]):
        return _table_columns(drafts, header), False
    columns = _table_columns(drafts, header)
    if one_grid:
        return columns, True
    by_page: dict[int, list[tuple[float, float]]] = {}
    for page in pages:
        page_drafts = [RowDraft([p for p in d.pieces if p.location.page == page]) for d in drafts]
        page_drafts = [d for d in page_drafts if d.pieces]
        by_page[page] = _cluster_columns(page_drafts)
    first = by_page[pages[0]]
    if any(len(page_columns) != len(first) for page_columns in by_page.values()) \
            or all(_same_place(a, b) for page_columns in by_page.values() for a, b in zip(first, page_columns)):
        return columns, True
    by_own_page = [[_nearest_column(p.place, by_page[p.location.page]) for p in d.pieces] for d in drafts]
    if any(_shares_a_column(draft.pieces, assigned) for draft, assigned in zip(drafts, by_own_page)):
        return columns, True  # a page's own columns are no surer
    for draft, assigned in zip(drafts, by_own_page):
        for piece, column in zip(draft.pieces, assigned):
            piece.column = column
    return first, False


def _shares_a_column(pieces: list[Piece], columns: list[int]) -> bool:
    """Two cells of one line in one column, words or figures."""
    places = [(piece.location.line, column) for piece, column in zip(pieces, columns)]
    return len(places) != len(set(places))


def _same_place(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Two pages' clusterings of one column sit in the same place: they share an edge (text is
    aligned left, amounts right; the other edge follows the longest cell of the page)."""
    return abs(a[0] - b[0]) <= X_TOLERANCE or abs(a[1] - b[1]) <= X_TOLERANCE


def _with_ruled_empty_columns(columns: list[tuple[float, float]], header: list[list[Piece]],
                              drafts: list[RowDraft]) -> list[tuple[float, float]]:
    """The columns found from the rows, and those the rules box under a header cell where no row
    has a figure (a source of money nobody received): without them, that header's words would
    name the column beside it. Only among the amounts (right of the first), and only the
    innermost such boxes: a group over empty columns is not a column of its own."""
    first_amount = min((p.x0 for d in drafts for p in d.pieces if p.amount is not None and is_amount_like(p.text)),
                       default=float("inf"))
    boxes = set()
    for row in header:
        for piece in row:
            box = piece.ruled
            if box is None or box[0] < first_amount - X_TOLERANCE or any(box[0] <= (x0 + x1) / 2 <= box[1] for x0, x1 in columns) \
                    or not _alone_in_box(piece, row):
                continue
            boxes.add(box)
    innermost = [b for b in boxes if not any(o != b and b[0] <= o[0] and o[1] <= b[1] for o in boxes)]
    return sorted([*columns, *innermost]) if innermost else columns


def _alone_in_box(piece: Piece, row: list[Piece]) -> bool:
    """Does the piece's ruled box hold no other cell of its header row? A piece stacked over or
    under it (its extent overlapping the piece's) is its own text wrapped onto the next line
    (政府性基金 / 预算), not another cell; a box as wide as the table holds cells side by side."""
    low, high = piece.ruled
    return not any(other is not piece and other.x1 > low and other.x0 < high
                   and (other.x0 >= piece.x1 or other.x1 <= piece.x0) for other in row)


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
        piece.column = _nearest_column(piece.place, columns)


def _nearest_column(x: float, columns: list[tuple[float, float]]) -> int:
    """The column whose span is nearest to x (the first of equals); columns are sorted by their
    left edge, so the search stops at the first column that starts right of x. A plain loop: it
    runs for every cell of every table, and a min() with a key function was a tenth of a
    document's time."""
    best, best_distance = 0, float("inf")
    for index, (x0, x1) in enumerate(columns):
        if x < x0:
            return index if x0 - x < best_distance else best
        distance = 0.0 if x <= x1 else x - x1
        if distance < best_distance:
            best, best_distance = index, distance
    return best


def _header_box(piece: Piece, row: list[Piece], lower: list[list[Piece]],
                columns: list[tuple[float, float]]) -> tuple[float, float] | None:
    """The ruled box of a header cell, when the rules are what to go by: the box holds no other
    cell of its row, and it holds one column, or it is a merged cell over several (财政拨款 over
    小计, 一般公共预算, …), which the rules prove by boxing the header cells below it in at least
    two boxes of their own. A box as wide as the table, where a PDF draws no rules between its
    columns, proves nothing, and the cell's own extent decides."""
    if piece.ruled is None:
        return None
    if not _alone_in_box(piece, row):
        return None
    low, high = piece.ruled
    if sum(1 for x0, x1 in columns if low <= (x0 + x1) / 2 <= high) <= 1:
        return piece.ruled
    below = {p.ruled for r in lower for p in r if p.ruled is not None and low <= (p.x0 + p.x1) / 2 <= high}
    return piece.ruled if len(below) >= 2 and all(low <= b[0] and b[1] <= high for b in below) else None


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
            apart: list[list[str]] = [[] for _ in range(width)]
            for piece in row:
                low, high = _header_box(piece, row, header[depth + 1:], columns) or (piece.x0 - X_TOLERANCE, piece.x1 + X_TOLERANCE)
                covered = [i for i, (x0, x1) in enumerate(columns) if low <= (x0 + x1) / 2 <= high]
                if not covered:
                    covered = [_nearest_column((piece.x0 + piece.x1) / 2, columns)]
                for i in covered:
                    if meaningful([SPACES.sub("", piece.text)]):
                        words[i] += piece.text
                    else:  # the label column's heading, reaching over an amount column, is no part of its name
                        apart[i].append(piece.text)
            for i, word in enumerate(words):
                names[i].extend(apart[i])
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
    return [[SPACES.sub("", n) for n in column if n.strip()] for column in names]


def grid_tables(title: str, kind: domain.TableKind, unit: str, location: Location, header: list[list[Piece]],
                 drafts: list[RowDraft], empty_note: str, positioned: bool,
                 page_headers: dict[int, list[list[Piece]]] | None = None) -> list[Table]:
    """The tables a grid of cells holds (one per side or panel); `page_headers` are the header
    rows each later page repeats, by page."""
    columns = None
    indents = positioned
    if positioned:
        columns, indents = _positioned_columns(drafts, header, page_headers)
        width = len(columns)
        if _collides(drafts):
            return [Table(title, kind.id, unit, (), (), location, "", (MISALIGNED_NOTE,), empty_note)]
    else:
        width = max(max((p.column for p in d.pieces), default=-1) for d in drafts) + 1
    names = _header_names(header, columns, width)
    roles = _column_roles(drafts, names, width)
    if positioned:
        names = _names_in_order(header, names, roles)
    else:
        names = _align_header(names, roles)
        roles = _column_roles(drafts, names, width)
    roles = _group_columns(drafts, roles)
    sides = _sides(roles)
    spanning = any(p.span_end is not None for d in drafts for p in d.pieces)  # a merged cell: shared by panels
    tables = []
    used: set[str] = set()
    for number, (start, end) in enumerate(sides):
        over = _heading_over(header, columns, start, end) if kind.two_sided and len(sides) > 2 else ""
        if kind.two_sided and len(sides) == 2:
            side = ("收入", "支出")[number]  # the standard layout: income left, expenditure right
        elif over in ("收入", "支出"):
            side = over  # panels of one side (支出 by 功能分类 | by 支出用途) each read as that side
        else:
            side = _side_name(header, columns, start, end) if len(sides) > 1 else ""
        if len(sides) > 1 and (not side or side in used) and not (over and side == over):
            first_label = next((r.label for d in drafts if (r := _grid_row(d, roles, [], start, end)) and r.label), "")
            side = first_label or f"第{number + 1}栏"
        used.add(side)
        amount_columns = [i for i in range(start, end) if roles[i] == "amount"]
        column_names = tuple("/".join(meaningful(names[i])) or f"列{k + 1}" for k, i in enumerate(amount_columns))
        decimals = _decimal_amounts(drafts, amount_columns)
        filled = [_filled_labels(draft, roles, start, end) for draft in drafts]  # each row's, read once
        label_levels = _label_levels(filled)
        levels = _level_starts(drafts, label_levels) if indents else {}
        merged = _under_merged_cells(filled, label_levels)
        side_drafts = [_with_shared_cells(draft, sides, number, roles) for draft in drafts] if spanning else drafts
        rows = _join_split_rows([row for draft in side_drafts
                                 if (row := _grid_row(draft, roles, amount_columns, start, end, decimals, indents, levels,
                                                      merged))])
        notes = [] if names and any(names[i] for i in amount_columns) else [UNNAMED_NOTE]
        if kind.two_sided and len(sides) == 1 and notes:
            # One side found and no header: the two sides' cells are not told apart.
            tables.append(Table(title, kind.id, unit, (), (), location, "", (ONE_SIDED_NOTE,), empty_note))
            continue
        table = drop_shifted_columns(Table(title, kind.id, unit, column_names, tuple(rows), location, side,
                                           tuple(notes), empty_note))
        tables.append(table)
    return tables


def _heading_over(header: list[list[Piece]], columns: list[tuple[float, float]] | None, start: int, end: int) -> str:
    """The words of the top header row whose cell (its ruled box, else its extent) stands over the
    middle of a side's columns: 支出 over both panels of spending (功能分类 | 支出用途)."""
    if not header or columns is None:
        return ""
    middle = (columns[start][0] + columns[end - 1][1]) / 2
    over = [p for p in header[0] if (p.ruled or (p.x0, p.x1))[0] <= middle <= (p.ruled or (p.x0, p.x1))[1]]
    return SPACES.sub("", "".join(p.text for p in over))


def _with_shared_cells(draft: RowDraft, sides: list[tuple[int, int]], number: int, roles: list[str]) -> RowDraft:
    """A row's cells as one panel of a table reads them, where a label is merged over the label
    columns of two panels (当年支出小计 over spending by function and by use) and its figure is
    printed once, after it, in the last panel's column: the label names a row of each panel it
    reaches over, and the figure is that row's in each, when the panels have as many figure
    columns (both add up to the one total)."""
    start, end = sides[number]
    shared = [p for p in draft.pieces if p.span_end is not None and p.column < start <= p.span_end]
    extra = [replace(p, column=start, span_end=None) for p in shared
             if not any(q.column == start and q.text.strip() for q in draft.pieces)]
    reaching = [p for p in draft.pieces if p.span_end is not None and start <= p.column < end <= p.span_end]
    own = [i for i in range(start, end) if roles[i] == "amount"]
    if reaching and not any(p.amount is not None and start <= p.column < end for p in draft.pieces):
        there = next(((s, e) for s, e in sides if s <= reaching[0].span_end < e), None)
        theirs = [i for i in range(*there) if roles[i] == "amount"] if there else []
        if len(theirs) == len(own):
            extra.extend(replace(p, column=own[theirs.index(p.column)]) for p in draft.pieces
                         if p.column in theirs and p.amount is not None)
    return RowDraft([*draft.pieces, *extra], draft.lines) if extra else draft


# The two digits of a code's last part printed in the cell of its name ("04 福利彩票…"), where the
# code's other parts stand in columns of their own.
_PART_BEFORE_NAME = compile_lazily(r"^(\d{2})\s+(?=\p{Han})")

# A cell of marks only ("·", "—"): a speck or a dash for nothing, which says nothing of its column.
_MARKS_ONLY = compile_lazily(r"^[^\p{L}\p{N}]+$")
_INCOME_ITEM = compile_lazily(r"收入|拨款|资金|结转|结余")
_EXPENDITURE_ITEM = compile_lazily(r"支出[\d,.]*$")  # its amount may have run into it


def both_sides(rows: list[Row]) -> bool:
    """Rows of both sides of a 收支 table in one list: income items (…收入, …拨款) and
    expenditure items (…支出), two of each at least."""
    labels = [SPACES.sub("", row.label) for row in rows]
    expenditure = sum(1 for label in labels if _EXPENDITURE_ITEM.search(label))
    income = sum(1 for label in labels if _INCOME_ITEM.search(label) and not _EXPENDITURE_ITEM.search(label))
    return expenditure >= 2 and income >= 2


def _decimal_amounts(drafts: list[RowDraft], amount_columns: list[int]) -> bool:
    """Do nine in ten of the table's amounts carry decimals (so that a bare integer is a code)?
    Integers that could be codes are what is in question, and count for neither side."""
    columns = set(amount_columns)
    texts = [p.text.strip() for d in drafts for p in d.pieces
             if p.column in columns and p.amount is not None and not CODE_TEXT.match(p.text.strip())]
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


def meaningful(names: list[str]) -> list[str]:
    """Header texts that name an amount column (not 项目/科目名称/栏次 spanning the whole table)."""
    return [n for n in dict.fromkeys(names) if not domain.LABEL_HEADERS.match(n) and not domain.ORDINAL_HEADERS.match(n)]


def _column_roles(drafts: list[RowDraft], names: list[list[str]], width: int) -> list[str]:
    """What each grid column holds: "amount", "ordinal" (行次), "code", "code_part" (the 款 or 项
    of a code printed in columns of its own), "label" or "empty"."""
    roles: list[str] = []
    by_column: dict[int, list[str]] = {}  # each column's texts, gathered in one pass over the cells
    for d in drafts:
        for p in d.pieces:
            text = p.text.strip()
            if text and (p.amount is not None or not _MARKS_ONLY.match(text)):  # a figure is never marks only
                by_column.setdefault(p.column, []).append(text)
    for i in range(width):
        texts = by_column.get(i, [])
        header = names[i] if i < len(names) else []
        if texts and roles and roles[-1] in ("code", "code_part") and _code_part_column(texts, header):
            roles.append("code_part")
        elif not texts:
            roles.append("amount" if meaningful(header) else "empty")
        elif any(domain.ORDINAL_HEADERS.match(h) for h in header) or _looks_ordinal(texts):
            roles.append("ordinal")
        elif _mostly_codes(texts):
            roles.append("code")
        elif sum(1 for t in texts if parse_amount(t) is not None) >= max(1, len(texts) // 2 + 1):
            roles.append("amount")
        else:
            roles.append("label")
    return roles


MIN_GROUP_SUBTOTALS = 2  # groups that open with a 小计 before a label column is taken for their names


def _group_columns(drafts: list[RowDraft], roles: list[str]) -> list[str]:
    """A label column that names groups of rows, beside a label column that names each row: the
    column after it opens each group with a 小计 and fills more rows (一般公共预算资金 | 小计,
    公共财政拨款(补助)资金, 专项收入; 政府性基金 | 小计 …, in a cell merged down over its group).
    Its role is "group": a row's name is its own column's."""
    labels = [i for i, role in enumerate(roles) if role == "label"]
    for first, second in zip(labels, labels[1:]):
        if second != first + 1:
            continue
        texts = {i: [SPACES.sub("", p.text) for d in drafts for p in d.pieces if p.column == i and p.text.strip()
                     and p.span_end is None] for i in (first, second)}
        if sum(1 for t in texts[second] if t == "小计") >= MIN_GROUP_SUBTOTALS and len(texts[first]) < len(texts[second]):
            return [("group" if i == first else role) for i, role in enumerate(roles)]
    return roles


def _code_part_column(texts: list[str], header: list[str]) -> bool:
    """A column that continues the code column to its left (类 | 款 | 项, DOMAIN.md): a code
    header (功能分类科目编码, 款) stands over it, and it holds two digits in every row that fills
    it (a total's label, 合计, may stand there too). Its cells are parts of the row's code, never
    amounts, though they read as numbers."""
    parts = [t for t in texts if not domain.TOTAL_LABEL.match(t)]
    return any(domain.CODE_HEADER.search(h) for h in header) and bool(parts) \
        and all(domain.CODE_PART.match(t) for t in parts)


def _filled_labels(draft: RowDraft, roles: list[str], start: int, end: int) -> list[int]:
    """The label columns a row prints words in, left to right."""
    return sorted({p.column for p in draft.pieces if start <= p.column < end and roles[p.column] == "label"
                   and p.text.strip() and not _MARKS_ONLY.match(p.text.strip())})


def _label_levels(filled_rows: list[list[int]]) -> dict[int, int]:
    """Each label column's level, by the level's first column: label columns that rows fill
    together (`filled_rows`, each row's _filled_labels) are one level (专项名称 | 经济科目)."""
    first: dict[int, int] = {}

    def level(column: int) -> int:
        while first.get(column, column) != column:
            column = first[column]
        return column

    for filled in filled_rows:
        for column in filled[1:]:
            a, b = level(filled[0]), level(column)
            first[max(a, b)] = min(a, b)
    return {column: level(column) for column in first}


def _under_merged_cells(filled_rows: list[list[int]], levels: dict[int, int]) -> set[int]:
    """The label columns under a merged cell: a later column of a level (经济科目 beside
    项目名称) that some row fills alone, its earlier column left blank because a cell spanning
    rows (the project's name) prints once. A row that prints both is no more the project than
    the rows below it: it is one of its items (项目名称/经济科目), and they are siblings.
    `filled_rows` are each row's _filled_labels, `levels` their _label_levels."""
    alone = set()
    for filled in filled_rows:
        if filled and levels.get(filled[0], filled[0]) != filled[0]:
            alone.add(filled[0])
    return alone


def _level_starts(drafts: list[RowDraft], levels: dict[int, int]) -> dict[int, float]:
    """Where the level of each label column starts, for the columns that are not the first of
    their level: label columns that rows fill together are one level (专项名称 | 经济科目), and a
    row whose first label is in the later one (its 专项名称 a merged cell over the rows before)
    is a sibling of the rows above it, not their child (DOMAIN.md). The level starts where its
    first column's labels start (`levels`: _label_levels)."""
    starts = {}
    for column, head in levels.items():
        if head == column:
            continue
        xs = [p.x0 for d in drafts for p in d.pieces if p.column == head and p.text.strip()]
        if xs:
            starts[column] = min(xs)
    return starts


def _mostly_codes(texts: list[str]) -> bool:
    """A code column: codes, except perhaps a total row's label; never a decimal amount."""
    if any(is_amount_like(t) for t in texts):  # the cheap test first: a column of figures fails it at once
        return False
    return sum(1 for t in texts if CODE_TEXT.match(t)) >= 0.6 * len(texts)


def _looks_ordinal(texts: list[str]) -> bool:
    """行次: small integers counting up by one, no decimals."""
    if len(texts) < 3 or not all(INTEGER.match(t) for t in texts):
        return False
    values = [int(t) for t in texts]
    return all(b == a + 1 for a, b in zip(values, values[1:]))


def _align_header(names: list[list[str]], roles: list[str]) -> list[list[str]]:
    """Shift the header onto the data when extraction put it one cell off (its first amount name
    sits left of the first amount column, while the number of names matches)."""
    named = [i for i, n in enumerate(names) if meaningful(n)]
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
            shifted[i] = shifted[i] or [x for x in n if not meaningful([x])]
    return shifted


def _names_in_order(header: list[list[Piece]], names: list[list[str]], roles: list[str]) -> list[list[str]]:
    """A one-row header whose names, read by position, do not fall one to each amount column in
    their order, while it has as many names as there are amount columns: the names in order.
    Layout text sets a header in its own character grid, so its words can sit a column off the
    figures under them (支出总计 and 基本支出 both nearest the first column), yet their order holds."""
    named_rows = [row for row in header if any(meaningful([SPACES.sub("", p.text)]) for p in row)]
    if len(named_rows) != 1:
        return names
    amounts = [i for i, role in enumerate(roles) if role == "amount"]
    words = [word for p in sorted(named_rows[0], key=lambda p: p.x0) if meaningful([word := SPACES.sub("", p.text)])]
    if len(words) != len(amounts) or ["".join(meaningful(names[i])) for i in amounts] == words:
        return names
    ordered = [[n for n in column if not meaningful([n])] for column in names]
    for i, word in zip(amounts, words):
        ordered[i].append(word)
    return ordered


def _sides(roles: list[str]) -> list[tuple[int, int]]:
    """Column ranges of the sides of a two-sided table, or of side-by-side panels: a new side
    starts where a code or label column follows an amount column."""
    starts = [0]
    seen_amount = False
    for i, role in enumerate(roles):
        if role == "amount":
            seen_amount = True
        elif role in ("code", "code_part", "label") and seen_amount:
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
    top = SPACES.sub("", "".join(p.text for p in inside))
    return top if top and not domain.LABEL_HEADERS.match(top) and len(top) <= 12 else ""


def _grid_row(draft: RowDraft, roles: list[str], amount_columns: list[int], start: int, end: int,
              decimal_amounts: bool = False, indents: bool = False,
              levels: dict[int, float] | None = None, merged: set[int] | None = None) -> Row | None:
    """One row from its draft's pieces. In a table whose amounts carry decimals, a bare code in
    an amount column, before any amount, slid there with the cells after it (a page of the
    table laid out further right): its amounts are kept as unplaced, in no column. A row read
    by position keeps where its label starts (Row.indent), when places compare across the table
    (`indents`); or where its level starts, when its first label is in a later column of a level
    of several (`levels`). A row that prints a merged cell's words beside a column under it
    (`merged`) is named by both, 项目名称/经济科目: it is one of the cell's items, as the rows
    below it are."""
    code = label = group = ""
    items: list[str] = []  # the words of columns under a merged cell, on a row that prints the cell
    other_codes: list[str] = []
    indent = None
    label_column = -1
    slid = False
    values: dict[int, Amount] = {}
    for piece in draft.pieces:
        if not start <= piece.column < end:
            continue
        text = piece.text.strip()  # what every test below asks of the cell
        if not text:
            continue
        role = roles[piece.column]
        # most cells: asked first (the roles exclude each other); a figure is never marks only
        if role == "amount" and (piece.amount is not None or not _MARKS_ONLY.match(text)):
            value = piece.amount
            if decimal_amounts and not code and not values and CODE_TEXT.match(text):
                code, slid = text, True
            elif value is not None:
                values[piece.column] = Amount(value, text, piece.location)
            elif CODE_TEXT.match(text) and not code:
                code = text
            else:
                label += text
        elif role == "code" and HAN.search(piece.text):
            label += text  # words in the code column (合计 set under 科目编码) name the row
        elif (role == "code" or role == "label" and (CODE_TEXT.match(text)
                                                     or domain.CATALOGUE_CODE.match(text))) and not code:
            code = text  # a code on a line of its own, in a column read as labels
        elif role == "code" and CODE_TEXT.match(text):
            other_codes.append(text)
        elif role == "code_part" and domain.CODE_PART.match(text):
            code += text  # 208 | 05 | 02 is the 项 2080502
        elif role == "code_part":
            label += text  # a total's label set over the code columns
        elif role == "group":
            group += text  # the name of the group of rows it opens; the row's own is beside it
        elif role == "label" and (not label or piece.column == label_column):
            label_column = piece.column  # the first label column names the row; 项目类别 and the like describe it
            if not label and code and "code_part" in roles[start:end] and (part := _PART_BEFORE_NAME.match(text)):
                code, text = code + part.group(1), text[part.end():]  # 229 | 08 | "04 福利彩票…": the 项 set close to its name
            label += text
            indent = (levels or {}).get(piece.column, piece.x0) if indent is None and indents else indent
        elif role == "label" and piece.column in (merged or ()):
            items.append(text)
    label = label or group
    if not values and not label and not code:
        return None
    code, label = split_code(code, label)
    label = "/".join([label, "".join(items)]) if items and label else label
    line_location = draft_location(draft)
    if slid:
        return Row(code, label, (None,) * len(amount_columns), line_location, False, unplaced=tuple(values.values()))
    return Row(code, label, tuple(values.get(i) for i in amount_columns), line_location, False, indent=indent,
               other_codes=tuple(other_codes))


