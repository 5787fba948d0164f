"""Performance forms read as forms: their labelled boxes (fields) and their indicator grid.

A form (项目支出绩效目标申报表, 部门整体支出绩效目标表, 绩效自评表) is no grid of amounts: the table
parser leaves its rows alone (FORM_NOTE). It is boxes, each a label and its value ("项目名称 | 档案
数字化", "项目当年预算 86.40万元"), and a grid of indicators under a header naming 三级指标 and
指标值. A project's form is often printed as several tables (the 申报表, then its 长期绩效目标表 and
年度绩效目标表): a form table that names no project or unit, printed right after another form
table, goes on with that form.

A field's value is what follows its label in the same cell (or, in running text, up to the next
label), else the next cell of its line; a label alone on its line gives nothing (a value wrapped
onto the next lines cannot be told from the next box). An indicator row is a line under the
header whose cells stand under the header's columns: by index where tabs cut the cells, by
position across the page where gaps do. What cannot be read so is a doubt of the form, never a
guess.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import TYPE_CHECKING, Iterator, Sequence

from auditlint.patterns import compile_lazily
from auditlint import domain
from auditlint.domain import forms as words
from auditlint.model import GRID, PROSE, Amount, Cell, Document, Form, FormField, Indicator, Line, \
    Location, Table
from auditlint.parse.forms import form_regions
from auditlint.parse.numbers import parse_amount

if TYPE_CHECKING:
    from auditlint.parse.form_list import FormList

NO_NAME = "没有读到项目名称或单位名称，表单内容不作核对"
GRID_IN_PROSE = "指标表头在连续文本中，列无法区分，指标未读取"
GRID_HEADER_SCRAMBLED = "指标表头残缺或错乱（同一列出现两次，或当年指标值列无法确定），指标未读取"
GRID_NOT_READ = "表中印有指标，但未找到可读的指标表头（三级指标与指标值），指标未读取"
ROW_NOT_PLACED = "指标行的单元格无法对应到表头各列，该行未读取"
GRID_FLATTENED = "指标表的表头与各行在连续文本中，各列按词序读出"

# A note in brackets right after a label ("项目总预算 （延续性项目填写）", "(80 分)"): no value.
_LABEL_NOTE = compile_lazily(r"^\s*[（(][^）)]*[)）]\s*")
# An amount with its unit ("286.77万元"): the number is the field's amount.
_WITH_UNIT = compile_lazily(r"^(?P<number>[\d,.\s]+?)\s*(?:万元|万|元)?$")
# Several figures after a label ("财政拨款 3523.09 100% 4523.16"): a row of a grid, not a box's value.
_FIGURES_ROW = compile_lazily(r"^[\d,.]+%?(?:\s+[\d,.]+%?)+$")
_INDICATOR_WORDS = compile_lazily(r"三级指标|指标值")


@dataclass
class _Draft:
    """A form being read: its first table, its lines (of all its tables) and where it starts."""

    table: Table
    lines: list[Line] = field(default_factory=list)


def read_forms(doc: Document, lists: Sequence[FormList] = ()) -> list[Form]:
    """Every performance form of a document, read as fields and an indicator grid, and the rows
    of its lists of forms (auditlint.parse.form_list), in the order printed."""
    taken = frozenset().union(*(found.lines for found in lists))
    boxed = [_form(draft.table.location.path, draft) for draft in _drafts(doc, taken)]
    order = {path: index for index, path in enumerate(doc.paths)}
    return sorted([*boxed, *(form for found in lists for form in found.forms)],
                  key=lambda f: (order.get(f.location.path, len(order)), f.location.line))


def _drafts(doc: Document, taken: frozenset[tuple[str, int]] = frozenset()) -> Iterator[_Draft]:
    """The forms of a document: each form table's region (less the lines a list of forms takes),
    a region naming no project or unit joined to the form table printed right before it, and a
    region naming two projects cut at the second's 项目名称."""
    order = {id(table): index for index, table in enumerate(doc.tables)}
    drafts: list[_Draft] = []
    previous = -2
    for table, region in form_regions(doc):
        lines = tuple(line for line in region if (table.location.path, line.number) not in taken)
        if not any(line.text.strip() for line in lines):
            continue
        index = order[id(table)]
        if drafts and index == previous + 1 and drafts[-1].table.location.path == table.location.path \
                and not any(_names_whose(line) for line in lines):
            drafts[-1].lines.extend(lines)
        else:
            drafts.append(_Draft(table, list(lines)))
        previous = index
    for draft in drafts:
        starts = [i for i, line in enumerate(draft.lines) if _names_whose(line, ("项目名称",))]
        cuts = [0, *starts[1:], len(draft.lines)]
        for begin, end in zip(cuts, cuts[1:]):
            yield _Draft(draft.table, draft.lines[begin:end])


def _names_whose(line: Line, names: tuple[str, ...] = words.NAME_FIELDS) -> bool:
    """Does a line state whose form it is (项目名称 or 单位名称, with a value)?"""
    return any(f.name in names for f in _line_fields("", line))


def _form(path: str, draft: _Draft) -> Form:
    """A form's indicators (its grids first: their lines are no boxes) and fields, with doubts."""
    indicators: list[Indicator] = []
    doubts: list[str] = []
    in_grid: set[int] = set()
    lines = draft.lines
    for index, line in enumerate(lines):
        if line.number in in_grid:
            continue
        header = _header(line)
        if header is None:
            wrapped = _wrapped_header(lines, index)
            if wrapped is None:
                continue
            rows, used, doubt = _flat_grid(path, lines, *wrapped)
        else:
            rows, used, doubt = _grid(path, lines, index, header)
        indicators.extend(rows)
        in_grid.update(used)
        if doubt and doubt not in doubts:
            doubts.append(doubt)
    fields = [f for line in lines if line.number not in in_grid and domain.table_kind(line.text) is None
              for f in _line_fields(path, line)]
    fields = [f for f in fields if f.name] + list(_wrapped_amounts(path, lines, in_grid))
    if not any(f.name in words.NAME_FIELDS for f in fields):
        doubts.insert(0, NO_NAME)
    if not indicators and not doubts and any(_INDICATOR_WORDS.search(line.text) for line in lines):
        doubts.append(GRID_NOT_READ)
    location = draft.table.location
    if lines:
        location = Location(path, lines[0].number, 1, lines[-1].number, len(lines[-1].text) + 1, lines[0].page)
    return Form(draft.table, tuple(fields), tuple(indicators), location, tuple(doubts))


# --------------------------------------------------------------------------------------------
# Fields


def _line_fields(path: str, line: Line) -> list[FormField]:
    """The boxes of one line: each label with the value after it in its cell, else in the next
    cell. A box the model does not keep (项目代码) is returned with an empty name: it ends the
    value before it."""
    cells = [cell for cell in line.cells if cell.text.strip()]
    if any(_is_label(a.text) and _is_label(b.text) for a, b in zip(cells, cells[1:])):
        return []  # a grid's header (项目名称 | 项目类别 | 项目总预算 …), not boxes
    found: list[FormField] = []
    for index, cell in enumerate(cells):
        segments = list(_segments(cell, line.layout))
        for position, (name, start, end) in enumerate(segments):
            value_start, value = _value(cell.text, start, end)
            target = cell
            if not value and position == len(segments) - 1 and index + 1 < len(cells) \
                    and not _is_label(cells[index + 1].text):
                target = cells[index + 1]
                value_start, value = _value(target.text, 0, len(target.text))
            if name and value and not value.endswith(("：", ":")) and not _FIGURES_ROW.match(value) \
                    and not words.WRAPPED_UNIT_NOTE.match(_SPACE.sub("", value)):
                found.append(_field(path, line, target, name, value, value_start))
            elif not name:
                found.append(FormField("", value, None, cell.location))
    return found


def _wrapped_amounts(path: str, lines: Sequence[Line], in_grid: set[int]) -> Iterator[FormField]:
    """Money boxes whose label stands alone on its line, wrapped with its unit note, and whose
    amount stands alone below it ("基本支出总额" / "（万元）" / "262.97"): nothing but the pieces of
    the note may come between, so the amount can be no other box's."""
    shown = [line for line in lines if not line.is_blank and line.number not in in_grid]
    for index, line in enumerate(shown):
        label = words.LABEL.match(line.text.strip())
        if label is None or words.field_of(label.group("label")) not in words.AMOUNT_FIELDS:
            continue
        rest = line.text.strip()[label.end():]
        if rest and not words.WRAPPED_UNIT_NOTE.match(_SPACE.sub("", rest)):
            continue
        for below in shown[index + 1:index + 2 + words.WRAPPED_VALUE_REACH]:
            text = below.text.strip()
            if words.LONE_AMOUNT.match(text):
                cell = below.cells[0] if below.cells else None
                if cell is not None:
                    yield _field(path, below, cell, words.field_of(label.group("label")) or "", text,
                                 cell.text.find(text))
                break
            if not words.WRAPPED_UNIT_NOTE.match(_SPACE.sub("", text)):
                break


def _segments(cell: Cell, layout: str) -> Iterator[tuple[str, int, int]]:
    """The labels of a cell, each with where its value runs (to the next label or the cell's end).
    A label starts the cell, or, in running text or a positioned line, follows a space; it is
    followed by its end, a space, a colon or a bracketed note."""
    text = cell.text
    starts: list[tuple[str, int, int]] = []
    for match in words.LABEL.finditer(text):
        before = text[:match.start()]
        if before.strip() and (layout == GRID or not before[-1].isspace()):
            continue
        after = text[match.end("label"):match.end("label") + 1]
        if after and not (after.isspace() or after in "（(：:"):
            continue
        name = words.field_of(match.group())
        if name is not None:
            starts.append((name, match.start(), match.end()))
    if not starts or text[:starts[0][1]].strip():
        return
    for (name, _, end), following in zip(starts, [*starts[1:], None]):
        yield name, end, following[1] if following else len(text)


def _value(text: str, start: int, end: int) -> tuple[int, str]:
    """A value in text[start:end], without a leading bracketed note of its label, and where it starts."""
    segment = text[start:end]
    note = _LABEL_NOTE.match(segment)
    offset = note.end() if note else 0
    value = segment[offset:]
    stripped = value.lstrip(" ：:")
    return start + offset + len(value) - len(stripped), stripped.rstrip()


def _is_label(text: str) -> bool:
    """Is a cell a label (a box's, or an indicator grid's header word), so no value of the box before it?"""
    clean = text.strip()
    return bool(words.LABEL.match(clean)) or words.indicator_column(clean) is not None or clean.endswith(("：", ":"))


def _field(path: str, line: Line, cell: Cell, name: str, value: str, start: int) -> FormField:
    """A field with its value's location, and its amount when the field holds money."""
    column = cell.location.column + start
    location = Location(path, line.number, column, line.number, column + len(value), line.page)
    amount = None
    if name in words.AMOUNT_FIELDS:
        number = _WITH_UNIT.match(value)
        parsed = parse_amount(number.group("number").strip()) if number else None
        if parsed is not None:
            text = number.group("number").strip()
            amount = Amount(parsed, text, Location(path, line.number, column, line.number, column + len(text), line.page))
    return FormField(name, value, amount, location)


# --------------------------------------------------------------------------------------------
# The indicator grid


@dataclass(frozen=True)
class _Column:
    """A header cell of the grid: what it names (None for columns the model does not keep), its
    index among the line's cells and its extent across the page."""

    role: str | None
    index: int
    x0: float
    x1: float


def _header(line: Line) -> list[_Column] | None:
    """The columns of a grid header: a line whose cells name at least the indicator and its target."""
    columns = [_Column(words.indicator_column(cell.text), index, cell.x0, cell.x1)
               for index, cell in enumerate(line.cells) if cell.text.strip()]
    roles = {c.role for c in columns}
    if {"name", "target"} <= roles:
        return columns
    if line.layout == PROSE and "三级指标" in line.text and "指标值" in line.text:
        return []
    return None


def _grid(path: str, lines: Sequence[Line], index: int, header: list[_Column]
          ) -> tuple[list[Indicator], set[int], str | None]:
    """The indicator rows under a header at lines[index], the line numbers the grid takes, and a
    doubt when it could not be read."""
    used = {lines[index].number}
    if not header:
        return [], used, GRID_IN_PROSE
    roles = [c.role for c in header if c.role]
    if len(roles) != len(set(roles)):
        return [], used, GRID_HEADER_SCRAMBLED
    start = index + 1
    subs = _sub_header(lines, start)
    if subs:
        current = [(sub, cell) for sub in subs for cell in sub.cells if words.CURRENT_YEAR_COLUMN.search(cell.text)]
        used.update(sub.number for sub in subs)
        if len(current) != 1 or any(sub.layout == PROSE for sub in subs):
            return [], used, GRID_HEADER_SCRAMBLED
        sub, cell = current[0]
        target = _Column("target", list(sub.cells).index(cell), cell.x0, cell.x1)
        # The sub-header is the finer row: a header cell over the same column (指标值确定依据 of a
        # merged 指标值 printed with too few tabs) gives way to it.
        header = [c for c in header if c.role != "target" and c.index != target.index] + [target]
        start += len(subs)
    term = _term(lines, index, start)
    indicators: list[Indicator] = []
    doubt = None
    level1 = level2 = ""
    for line in lines[start:]:
        if line.is_blank:
            continue
        if line.layout == PROSE or _header(line) is not None or words.GRID_END.match(line.text.strip()):
            break
        placed = _place(header, _aligned(header, line))
        if placed is None:
            doubt = ROW_NOT_PLACED
            used.add(line.number)
            continue
        if _moved(placed):
            doubt = ROW_NOT_PLACED
            used.add(line.number)
            continue
        name, target = placed.get("name", ""), placed.get("target", "")
        if not name or not target:
            break
        used.add(line.number)
        level1 = _without_points(placed.get("level1", "")) or level1
        level2 = _without_points(placed.get("level2", "")) or level2
        indicators.append(_indicator(path, line, placed, level1, level2, (lines[index].number, term)))
    return indicators, used, doubt


def _sub_header(lines: Sequence[Line], start: int) -> list[Line]:
    """The lines of a sub-header under 指标值 naming its years: one line (前年 | 上年 | 当年), or
    two when the template prints 近两年指标值 above 前年 | 上年 and 预期当年实现值 on either."""
    subs: list[Line] = []
    for line in lines[start:start + 2]:
        if not words.SUB_HEADER_YEARS.search(line.text) and not (subs and words.CURRENT_YEAR_COLUMN.search(line.text)):
            break
        subs.append(line)
    return subs


_SPACE = compile_lazily(r"\s")


def _term(lines: Sequence[Line], header: int, first_row: int) -> str:
    """Which targets a grid states, "长期" or "年度": from its title or goal line right above the
    header (长期绩效目标表, 年度目标4:), the goal named in its first row (长期绩效目标1) and a
    sub-header of years (an annual grid's); "" when none says or two disagree."""
    said: set[str] = set()
    above = next((line for line in reversed(lines[max(0, header - 2):header]) if not line.is_blank), None)
    texts = [above.text if above is not None else ""]
    if first_row < len(lines):
        texts.append(lines[first_row].text)
    for text in texts:
        term = words.TERM.match(_SPACE.sub("", text))
        if term:
            said.add(term.group("term"))
    if first_row > header + 1:
        said.add(words.ANNUAL)
    return said.pop() if len(said) == 1 else ""


def _aligned(header: list[_Column], line: Line) -> Line:
    """A tabbed row whose cells moved left of the header's columns (a merged cell printed without
    its tab), put back where its second-level group says: a second-level group's name under the
    first level's column moves the row one column right. Any other row is returned as it is."""
    level1 = next((c for c in header if c.role == "level1"), None)
    level2 = next((c for c in header if c.role == "level2"), None)
    if line.layout != GRID or level1 is None or level2 is None or level2.index <= level1.index:
        return line
    cells = list(line.cells)
    if level1.index >= len(cells) or words.group_level(_without_points(cells[level1.index].text)) != 2:
        return line
    shift = level2.index - level1.index
    if any(cell.text.strip() for cell in cells[:level1.index]):
        return line
    blank = [replace(cells[0], text="") for _ in range(shift)]
    return replace(line, cells=tuple(blank + cells))


def _place(header: list[_Column], line: Line) -> dict[str, str] | None:
    """The text of a row under each column of the header: by index when tabs cut the cells, by
    overlap across the page when gaps do. None when two cells fall under one column."""
    placed: dict[str, str] = {}
    taken: set[int] = set()
    for index, cell in enumerate(line.cells):
        if not cell.text.strip():
            continue
        if line.layout == GRID:
            column = next((c for c in header if c.index == index), None)
        else:
            column = _under(header, cell)
        if column is None:
            continue
        if column.index in taken:
            return None
        taken.add(column.index)
        if column.role:
            placed[column.role] = cell.text.strip()
    return placed


def _moved(placed: dict[str, str]) -> bool:
    """Does a row name a group under another level's column (数量指标3 under 一级指标, 时效指标 under
    三级指标): its cells moved a column, and its name and target are not where the header says."""
    return words.group_level(_without_points(placed.get("level1", ""))) == 2 or \
        words.group_level(_without_points(placed.get("level2", ""))) == 1 or \
        words.is_group(_without_points(placed.get("name", "")))


def _under(header: list[_Column], cell: Cell) -> _Column | None:
    """The header column a positioned cell stands under: the one it overlaps most, else none."""
    overlaps = [(min(cell.x1, c.x1) - max(cell.x0, c.x0), c) for c in header]
    best = max(overlaps, key=lambda pair: pair[0], default=None)
    return best[1] if best is not None and best[0] > 0 else None


def _without_points(text: str) -> str:
    return words.NAME_POINTS.sub("", text).strip()


def _indicator(path: str, line: Line, placed: dict[str, str], level1: str, level2: str,
               grid: tuple[int, str]) -> Indicator:
    """An indicator of a row: its points from its column, else from "(5 分)" after its name; its
    grid (the header's line) and the grid's term."""
    location = Location(path, line.number, 1, line.number, len(line.text) + 1, line.page)
    name = placed["name"]
    weight = _number(placed.get("weight"), location)
    points = words.NAME_POINTS.search(name)
    if points:
        name = name[:points.start()].strip()
        if weight is None:
            weight = _number(points.group("points"), location)
    return Indicator(level1, level2, name, placed["target"], placed.get("actual"), weight,
                     _number(placed.get("score"), location), location, grid[0], grid[1])


def _number(text: str | None, location: Location) -> Amount | None:
    """A cell's number (points, a score), or None when it is no single number."""
    if not text:
        return None
    value: Decimal | None = parse_amount(text.rstrip("分％% ").strip())
    return Amount(value, text, location) if value is not None else None


# --------------------------------------------------------------------------------------------
# A grid in running text: its header wrapped over lines, its rows words in order


def _wrapped_header(lines: Sequence[Line], index: int) -> tuple[list[str | None], int, int] | None:
    """A grid header whose words are wrapped over the lines around lines[index] (the line naming
    三级指标 without its target): its columns' roles in order, and where it starts and ends. The
    header is the widest run of lines around it whose words, joined, are header words only."""
    if "三级指标" not in lines[index].text and "指标名称" not in lines[index].text:
        return None
    near = [i for i in range(max(0, index - words.WRAPPED_HEADER_REACH), min(len(lines), index + words.WRAPPED_HEADER_REACH))
            if not lines[i].is_blank]
    at = near.index(index)
    for width in range(len(near), 0, -1):
        for start in range(max(0, at - width + 1), min(at, len(near) - width) + 1):
            run = near[start:start + width]
            roles = _header_roles("".join(_SPACE.sub("", lines[i].text) for i in run))
            if roles is not None:
                return roles, run[0], run[-1]
    return None


def _header_roles(text: str) -> list[str | None] | None:
    """The roles of a wrapped header's columns, when its text is header words only and names the
    indicator, its target and its actual value once each."""
    roles: list[str | None] = []
    position = 0
    for match in words.WRAPPED_HEADER_WORD.finditer(text):
        if match.start() != position:
            return None
        roles.append(match.lastgroup)
        position = match.end()
    kept = [role for role in roles if role]
    if position != len(text) or not {"name", "target", "actual"} <= set(kept) or len(kept) != len(set(kept)):
        return None
    return roles


def _flat_grid(path: str, lines: Sequence[Line], roles: list[str | None], first: int, last: int
               ) -> tuple[list[Indicator], set[int], str | None]:
    """The rows under a wrapped header: a line whose words, right-aligned under the header's
    columns, fill every column from the indicator's name on. Lines of fewer words are cells
    wrapped over lines (a group's name, a long target) and are not read."""
    used = {line.number for line in lines[first:last + 1]}
    needed = len(roles) - roles.index("name")
    indicators: list[Indicator] = []
    for line in lines[last + 1:]:
        text = line.text.strip()
        if words.GRID_END.match(text) or "。" in text:
            break
        cells = _flat_cells(text)
        if not needed <= len(cells) <= len(roles):
            continue
        placed = {role: cell for role, cell in zip(roles[len(roles) - len(cells):], cells) if role}
        if words.is_group(placed["name"]) or words.QUANTITY.match(placed["name"].split()[0]):
            continue
        used.add(line.number)
        # a group's name wrapped over lines of its own cannot be told from a row's words: a row
        # has the groups it prints, none carried down
        indicators.append(_indicator(path, line, placed, placed.get("level1", ""), placed.get("level2", ""),
                                     (lines[first].number, "")))
    return indicators, used, GRID_FLATTENED if indicators else GRID_IN_PROSE


def _flat_cells(text: str) -> list[str]:
    """The cells of a grid row in running text: its words, a quantity's unit joined to its number."""
    cells: list[str] = []
    qualified = False  # the cell before is a word that qualifies the quantity to come
    for word in text.split():
        if cells and words.QUANTITY.match(cells[-1].split()[-1]) and words.QUANTITY_UNIT.match(word):
            cells[-1] = f"{cells[-1]} {word}"
        elif qualified and words.QUANTITY.match(word):
            cells[-1] = f"{cells[-1]} {word}"
        else:
            cells.append(word)
        qualified = bool(words.QUANTITY_WORD.match(word))
    return cells
