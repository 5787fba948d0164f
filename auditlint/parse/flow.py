"""PROSE table lines: tokens in order, without positions.

Single spaces, as many extraction tools leave them, give only an order of tokens: amounts are
placed into columns by count, or by the identities that hold between the columns (合计 = 基本支出 +
项目支出, 小计 = 人员经费 + 公用经费); where that leaves a choice, the row says so and no check
relies on the guess."""
from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from itertools import combinations, product
from typing import Sequence

from auditlint.patterns import compile_lazily
from auditlint.model import PROSE, Amount, Location, Row, Table, display_width
from auditlint import domain
from auditlint.parse.grid import UNNAMED_NOTE, meaningful
from auditlint.parse.numbers import parse_amount
from auditlint.parse.pieces import (CODE_TEXT, ENUMERATED, HAN, Piece, RowDraft, clean_label, draft_location,
                                    is_amount_like, line_pieces, split_code)


def _tokens(draft: RowDraft) -> list[Piece]:
    """Every whitespace-separated token of a draft's lines, whatever their layout."""
    return [piece for line in draft.lines for piece in line_pieces(replace(line, layout=PROSE))]


FLATTENED_NOTE = "表格被压平为一行（提取时丢失了行列），不按行列核算"


def _is_flattened(tokens: list[Piece]) -> bool:
    """A whole table on one line: amounts followed by further labels more than twice over."""
    switches, seen_amount = 0, False
    for token in tokens:
        if token.amount is not None:
            seen_amount = True
        elif seen_amount and HAN.search(token.text):
            switches += 1
            seen_amount = False
    return switches > 2


PANELS_NOTE = "并列的几栏被提取到同一行（如人员经费与公用经费），无法分开，不按行列核算"


def _panels_on_one_line(draft: RowDraft) -> bool:
    """Does a line of the row go on with words and figures after its figures (301 工资福利支出
    100.00 302 商品和服务支出 50.00)? Side-by-side panels read as text without the gaps between
    them: one line holds a row of each, and which figures are whose cannot be told by their order.
    (Words after the last figure only, a column of text such as 绩效目标, open no second panel.)"""
    for line in draft.lines:
        tokens = [p for p in line_pieces(replace(line, layout=PROSE)) if p.text.strip("\u3000 ")]
        figures = [i for i, token in enumerate(tokens) if token.amount is not None and is_amount_like(token.text)]
        if figures and any(HAN.search(token.text) for token in tokens[figures[0] + 1:figures[-1]]):
            return True
    return False


def flow_table(title: str, kind: domain.TableKind, unit: str, location: Location, header: list[list[Piece]],
                drafts: list[RowDraft], empty_note: str) -> list[Table]:
    if any(_is_flattened(_tokens(d)) for d in drafts):
        return [Table(title, kind.id, unit, (), (), location, "", (FLATTENED_NOTE,), empty_note)]
    if not kind.two_sided and any(_panels_on_one_line(d) for d in drafts):
        return [Table(title, kind.id, unit, (), (), location, "", (PANELS_NOTE,), empty_note)]
    if kind.two_sided:
        return _flow_two_sided(title, kind, unit, location, header, drafts, empty_note)
    parsed = [_flow_tokens(_tokens(d)) for d in drafts]
    width = max(len(values) for _, _, values in parsed)
    names = _flow_header(header, width)
    identities = domain.column_identities(names)
    candidates = [_placements(values, width, identities) for _, _, values in parsed]
    unfit = [_every_placement(values, width) if identities and not fits and 0 < len(values) < width else []
             for fits, (_, _, values) in zip(candidates, parsed)]
    placed, inferred = resolve_by_hierarchy([(code, label) for code, label, _ in parsed], candidates, unfit, identities)
    rows, notes = [], []
    for index, (draft, (code, label, values), row_values) in enumerate(zip(drafts, parsed, placed)):
        rows.append(Row(code, label, row_values or (None,) * width, draft_location(draft),
                        unplaced=() if row_values is not None else tuple(values)))
        if row_values is None:
            notes.append(f"第{draft.lines[-1].number}行的金额无法确定所在列")
        elif index in inferred:
            notes.append(f"第{draft.lines[-1].number}行自身各列不相加，按同级与上级合计确定其所在列")
    if not any(names):
        notes.insert(0, UNNAMED_NOTE)
    column_names = tuple(n or f"列{i + 1}" for i, n in enumerate(names))
    return [Table(title, kind.id, unit, column_names, tuple(rows), location, "", tuple(notes), empty_note)]


def _flow_two_sided(title: str, kind: domain.TableKind, unit: str, location: Location, header: list[list[Piece]],
                    drafts: list[RowDraft], empty_note: str) -> list[Table]:
    """收入 | 支出 flattened onto one line, or set by position with an amount run into the next
    label ("17,312,300 一、社会保障和就业支出"): read it as (label, amount) pairs.

    Where the lines that print both sides show where the expenditure side's labels start, each
    word and figure goes to its side by where it starts, and each side is read down its own
    lines: a label left without an amount takes the figures of the next row when that row's side
    opens with figures (a long label set above and below its amounts). Otherwise each row's
    pairs are read in order, the first on the income side, and a lone pair goes to the side its
    label names (…支出 is expenditure)."""
    placed = [_placed_tokens(draft) for draft in drafts]
    panels = _panel_boundaries(placed)
    if panels:
        return _flow_panels(title, kind, unit, location, header, placed, panels, empty_note)
    boundary = _side_boundary(placed)
    sides: dict[str, list[Row]] = {"收入": [], "支出": []}
    if boundary is not None:
        for side in sides:
            sides[side] = _side_rows([[t for t in tokens if (t.x0 >= boundary) == (side == "支出")] for tokens in placed])
    else:
        for draft, tokens in zip(drafts, placed):
            pairs = _label_amount_pairs(tokens)
            where = draft_location(draft)
            if len(pairs) == 1:
                sides["支出" if "支出" in pairs[0].label else "收入"].append(Row("", pairs[0].label, (pairs[0].amount,), where))
            elif len(pairs) == 2:
                for side, pair in zip(("收入", "支出"), pairs):
                    sides[side].append(Row("", pair.label, (pair.amount,), where))
    return [Table(title, kind.id, unit, (_side_column(header, side),), tuple(rows), location, side, (), empty_note)
            for side, rows in sides.items() if rows]


def _side_column(header: list[list[Piece]], side: str) -> str:
    """The name of a side's amount column: the heading over that side (财政拨款支出 over the
    expenditure side, 本年收入 over the income side), else the first header word that names an
    amount at all."""
    words = [w for row in header for p in row for w in p.text.split()
             if len(w) > 1 and meaningful([w]) and w not in ("收入", "支出")]
    own = [w for w in words if (match := domain.SIDE_HEADING.match(w)) and match.group(1) == side]
    return next(iter(own or words), "金额")


# Rows that print both sides needed to tell where the expenditure side starts.
MIN_TWO_SIDED_ROWS = 2


def _side_boundary(placed: list[list[Piece]]) -> float | None:
    """Where the expenditure side starts across the line: the leftmost start of its labels in the
    rows that print both sides, when every income word and figure of those rows lies left of it."""
    income_ends, expenditure_starts = [], []
    for tokens in placed:
        pairs = _label_amount_pairs(tokens)
        if len(pairs) == 2:
            second = tokens.index(pairs[1].words[0])
            income_ends.append(max(t.x0 for t in tokens[:second]))
            expenditure_starts.append(pairs[1].words[0].x0)
    if len(expenditure_starts) < MIN_TWO_SIDED_ROWS or max(income_ends) >= min(expenditure_starts):
        return None
    return min(expenditure_starts)


def _panel_boundaries(placed: list[list[Piece]]) -> list[float]:
    """Where each panel after the first starts across the line, in a 收支 table of more than two
    panels (收入 | 支出 by 功能分类 | 支出 by 支出用途): the rows that print a numbered item in
    every panel show it, as the rows of both sides show a two-sided table's boundary. Empty
    when fewer than MIN_TWO_SIDED_ROWS rows print three pairs or more, or their panels overlap."""
    full = [(tokens, pairs) for tokens in placed if len(pairs := _label_amount_pairs(tokens)) >= 3
            and all(ENUMERATED.match(pair.label) for pair in pairs)]
    counts = {len(pairs) for _, pairs in full}
    if len(full) < MIN_TWO_SIDED_ROWS or len(counts) != 1:
        return []
    boundaries = []
    for k in range(1, counts.pop()):
        ends, starts = [], []
        for tokens, pairs in full:
            opening = tokens.index(pairs[k].words[0])
            ends.append(max(t.x0 for t in tokens[:opening]))
            starts.append(pairs[k].words[0].x0)
        if max(ends) >= min(starts) or (boundaries and min(starts) <= boundaries[-1]):
            return []
        boundaries.append(min(starts))
    return boundaries


def _flow_panels(title: str, kind: domain.TableKind, unit: str, location: Location, header: list[list[Piece]],
                 placed: list[list[Piece]], boundaries: list[float], empty_note: str) -> list[Table]:
    """A 收支 table of several panels, each read down its own lines (_side_rows): the first is
    the income side, the others spending by different classifications, each under its own
    heading. A total's label printed across panels with one figure after it (当年支出小计 … 9,146.79
    over both panels of spending) is the total of each (_shared_totals)."""
    panels: list[list[list[Piece]]] = [[] for _ in range(len(boundaries) + 1)]
    for tokens in placed:
        parts = [[t for t in tokens if _panel_of(t.x0, boundaries) == n] for n in range(len(panels))]
        for panel, part in zip(panels, _shared_totals(parts)):
            panel.append(part)
    edges = [float("-inf"), *boundaries, float("inf")]
    tables = []
    for number, lines in enumerate(panels):
        rows = _side_rows(lines)
        if rows:
            side = "收入" if number == 0 else "支出"
            column = _panel_heading(header, edges[number], edges[number + 1]) or "金额"
            tables.append(Table(title, kind.id, unit, (column,), tuple(rows), location, side, (), empty_note))
    return tables


def _panel_of(x: float, boundaries: list[float]) -> int:
    return sum(1 for b in boundaries if x >= b)


def _shared_totals(parts: list[list[Piece]]) -> list[list[Piece]]:
    """A panel whose words end with a total's name and no figure, beside a panel of figures and
    no words: the name stands over both, and the figure is each panel's."""
    parts = [list(p) for p in parts]
    for n in range(len(parts) - 1):
        mine, theirs = parts[n], parts[n + 1]
        words = [t for t in mine if t.amount is None]
        if words and mine[-1].amount is None and domain.TOTAL_LABEL.match(words[-1].text.strip("\u3000 ")) \
                and theirs and all(t.amount is not None for t in theirs):
            parts[n] = mine + theirs
            parts[n + 1] = [mine[-1], *theirs]
    return parts


def _panel_heading(header: list[list[Piece]], left: float, right: float) -> str:
    """The header word that names a panel's figures (功能分类, 支出用途): one that starts over the
    panel, names an amount, and is no side's name."""
    words = [p for row in header for p in row if left <= p.x0 < right and len(p.text.strip()) > 1
             and meaningful([p.text.strip()]) and p.text.strip() not in ("收入", "支出", "金额")]
    return words[0].text.strip() if len(words) == 1 else ""


def _side_rows(side_tokens: list[list[Piece]]) -> list[Row]:
    """The rows of one side from its words and figures, row by row: a label with no amount
    waits for the next row, which takes it when it opens with figures and has no label of its
    own before them; else the label is a row with a blank amount."""
    rows: list[Row] = []
    carried: list[Piece] = []
    for tokens in side_tokens:
        if carried and tokens and tokens[0].amount is not None:
            tokens = carried + tokens
        elif carried:
            rows.extend(_pair_row(pair) for pair in _label_amount_pairs(carried))
        carried = []
        pairs = _label_amount_pairs(tokens)
        if pairs and pairs[-1].amount is None:
            carried = list(pairs.pop().words)
        rows.extend(_pair_row(pair) for pair in pairs)
    rows.extend(_pair_row(pair) for pair in _label_amount_pairs(carried))
    return rows


def _pair_row(pair: "_Pair") -> Row:
    last = pair.amount.location if pair.amount is not None else pair.words[-1].location
    return Row("", pair.label, (pair.amount,), pair.words[0].location.covering(last))


def _placed_tokens(draft: RowDraft) -> list[Piece]:
    """Every word and figure of a draft's lines with where it starts across the line: a cell of
    several words is cut at its spaces, each word placed by the characters before it (layout
    text set by character) or by their display width."""
    tokens = []
    for line in draft.lines:
        for piece in line_pieces(line):
            text, width = piece.text, piece.x1 - piece.x0
            measure = len if abs(width - len(text)) < 0.5 else display_width
            scale = width / max(measure(text), 1)
            for match in _WORD.finditer(text):
                if not match.group().strip("\u3000"):
                    continue
                location = replace(piece.location, column=piece.location.column + match.start(),
                                   end_column=piece.location.column + match.end()) if piece.location else None
                x0 = piece.x0 + scale * measure(text[:match.start()])
                tokens.append(Piece(match.group(), location, x0, x0 + scale * measure(match.group())))
    return tokens


_WORD = compile_lazily(r"\S+")


@dataclass(frozen=True)
class _Pair:
    """A label, the amount after it (None for a blank cell), and the words of the label."""

    label: str
    amount: Amount | None
    words: tuple[Piece, ...]


def _label_amount_pairs(tokens: list[Piece]) -> list[_Pair]:
    """Group tokens into (label, amount) pairs: a pair ends at an amount, or where a new
    enumerated label (一、 （二） …) or a total (收入总计) begins. Words on a line below the last
    pair's amount, which start no item of their own, end that pair's label: a long label wraps
    around its amounts (四、灾害防治及应急管理 / 13,371,300 / 支出)."""
    pairs: list[_Pair] = []
    words: list[Piece] = []
    for token in tokens:
        text = token.text.strip("\u3000 ")
        value = token.amount
        if value is not None and words:
            pairs.append(_Pair(_joined(words), Amount(value, text, token.location), tuple(words)))
            words = []
        elif value is None:
            if words and _opens_item(text):
                pairs.append(_Pair(_joined(words), None, tuple(words)))
                words = []
            words.append(token)
    if words and pairs and pairs[-1].amount is not None and _continues(words, pairs[-1]):
        last = pairs.pop()
        pairs.append(_Pair(last.label + _joined(words), last.amount, last.words + tuple(words)))
    elif words:
        pairs.append(_Pair(_joined(words), None, tuple(words)))
    return pairs


def _joined(words: list[Piece]) -> str:
    return clean_label("".join(w.text.strip("\u3000 ") for w in words))


def _opens_item(text: str) -> bool:
    """Does a word open an item of its own: an enumerator (一、 （二） 1.) or a total's name?"""
    return bool(ENUMERATED.match(text) or domain.TOTAL_LABEL.match(text))


def _continues(words: list[Piece], pair: _Pair) -> bool:
    """Do trailing words, on lines below the pair's amount, end its label? Not when they open
    an item of their own."""
    return words[0].location.line > pair.amount.location.line and not _opens_item(words[0].text.strip("\u3000 "))


def _flow_tokens(tokens: list[Piece]) -> tuple[str, str, list[Amount]]:
    """Code, label and trailing amounts of a row read as a sequence of tokens: the amounts are the
    numbers after the last word (a number inside the label, as in 2024年, is no amount)."""
    tokens = [p for p in tokens if p.text.strip("\u3000 ")]
    end = len(tokens)
    while end > 0 and tokens[end - 1].amount is not None:
        end -= 1
    values = [Amount(p.amount, p.text.strip(), p.location) for p in tokens[end:]]
    words = [p.text.strip("\u3000 ") for p in tokens[:end]]
    code = words.pop(0) if words and (CODE_TEXT.match(words[0]) or domain.CATALOGUE_CODE.match(words[0])) else ""
    code, label = split_code(code, "".join(words))
    return code, label, values


def _flow_header(header: list[list[Piece]], width: int) -> list[str]:
    """Column names from header words in reading order: all of them when their count fits the
    data, else the run of `width` words that starts at a total (合计 …), the columns to its right
    being blank in every row."""
    words = [w for row in header for p in row for w in p.text.split()]
    names = domain_expand([w for w in words if meaningful([w]) and parse_amount(w) is None])
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
    return [row for row in _every_placement(values, width) if all(_holds(list(row), total, parts) for total, parts in identities)]


def _every_placement(values: list[Amount], width: int) -> list[tuple[Amount | None, ...]]:
    """Every way to put k < width amounts into `width` columns, in order."""
    every = []
    for chosen in combinations(range(width), len(values)):
        row: list[Amount | None] = [None] * width
        for column, amount in zip(chosen, values):
            row[column] = amount
        every.append(tuple(row))
    return every


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


def resolve_by_hierarchy(rows: list[tuple[str, str]], candidates: list[list[tuple]], unfit: list[list[tuple]],
                         identities: list[tuple[int, tuple[int, ...]]]) -> tuple[list[tuple | None], set[int]]:
    """Fix each row's placement: a row with one candidate is fixed; the children of a fixed parent
    are fixed together when exactly one combination of their candidates adds up to the parent in
    every column. What stays open is None: no check may use it.

    A row that no placement makes add up across its own columns (`unfit`: its every placement)
    holds a wrong figure, or was misread. It is placed only when exactly one combination puts it
    among its siblings so that the family adds up in every column but one, and putting the
    parent's figure in that one cell would make the row add up across as well: one typed figure
    explains both, and the checks then report it. Such rows are returned apart."""
    fixed: list[tuple | None] = [c[0] if len(c) == 1 else None for c in candidates]
    inferred: set[int] = set()
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
            choices = [[fixed[k]] if fixed[k] is not None else candidates[k] or unfit[k] for k in kids]
            slipped = [k for k in kids if fixed[k] is None and not candidates[k]]
            total = 1
            for c in choices:
                total *= len(c)
            if total > MAX_PLACEMENTS or any(not c for c in choices) or len(slipped) > 1:
                continue
            if slipped:
                at = kids.index(slipped[0])
                fits = [combo for combo in product(*choices)
                        if _one_cell_off(fixed[parent], combo, at, identities)]
            else:
                fits = [combo for combo in product(*choices) if _adds_up(fixed[parent], combo)]
            if len(fits) == 1:
                for k, placement in zip(kids, fits[0]):
                    fixed[k] = placement
                inferred.update(slipped)
                changed = True
    return fixed, inferred


def _one_cell_off(parent: tuple, children: Sequence[tuple], at: int, identities: list[tuple[int, tuple[int, ...]]]) -> bool:
    """Do the children add up to the parent in every column but one, a column where children[at]
    prints a figure, and would the figure that makes that column add up make children[at] add
    up across its own columns too?"""
    tolerance = Decimal("0.005") * (len(children) + 1)
    off = []
    for column, total in enumerate(parent):
        value = total.value if total is not None else Decimal(0)
        parts = sum((c[column].value for c in children if c[column] is not None), Decimal(0))
        if abs(value - parts) > tolerance:
            off.append((column, value - parts))
    if len(off) != 1 or children[at][off[0][0]] is None:
        return False
    column, gap = off[0]
    mended = list(children[at])
    mended[column] = Amount(mended[column].value + gap, "", mended[column].location)
    return all(_holds(mended, total, parts) for total, parts in identities)


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

