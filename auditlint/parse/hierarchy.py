"""Which rows and columns of a table add up to which: the structure sum-of-children and the
facts layer read, never a judgement of whether they do.

Down the rows: a code over the codes that extend it by one level (201 → 20103 → 2010301; 301 →
30101; a department 014 → its units 014001), the table's total over its top-level rows, numbered
items of tables without codes (一、 over （一） over 1.), labels indented by level, a 项目支出表's
groups over their projects, a unit over the detail rows that carry its code. Across the columns:
the identities the column names state (合计 = 基本支出 + 项目支出 …, domain.column_identities),
less a column the table itself shows to be an "of which".
"""
from __future__ import annotations

from typing import Iterator, Sequence

from auditlint import domain
from auditlint.agreement import adds_up
from auditlint.model import Row, Table


def column_identities(table: Table) -> list[tuple[int, tuple[int, ...]]]:
    """(total column, part columns) that must hold in every row of the table: what its column
    names state, less a column the table shows to be an "of which" (as_printed); none when a
    total stands apart from its row's other cells (_split_rows)."""
    identities = as_printed(table, domain.column_identities(list(table.columns)))
    if any(total == 0 for total, _ in identities) and _split_rows(table.rows):
        return []  # a total apart from its row's other cells: rows wrapped over lines, unsure
    return identities


class CodeIndex:
    """The code hierarchy of a table's rows, indexed once, so that a code's children take a
    lookup instead of a pass over every row (a 1 500-row table asks 1 500 times)."""

    def __init__(self, rows: Sequence[Row]) -> None:
        self._below: dict[str, list[Row]] = {}   # every row under each code prefix, in order
        for row in rows:
            if row.code:
                for length in range(1, len(row.code)):
                    self._below.setdefault(row.code[:length], []).append(row)

    def children(self, parent: Row) -> list[Row]:
        """The rows a code adds up from: those whose code extends it by one level, the next
        level printed below it (201 → 20103 → 2010301; 301 → 30101; a department 014 → its
        unit 014001)."""
        below = [r for r in self._below.get(parent.code, ()) if r is not parent] if parent.code else []
        if not below:
            return []
        level = min(len(r.code) for r in below)
        return [r for r in below if len(r.code) == level]


def as_printed(table: Table, identities: list[tuple[int, tuple[int, ...]]]) -> list[tuple[int, tuple[int, ...]]]:
    """The identities without a part the table itself shows to be an "of which": a column whose
    total, in every row where it is not zero (two at least), is the sum of the other parts alone
    (Shenzhen prints 事业单位经营支出 inside 基本支出 and 项目支出, not beside them). One typed
    figure breaks one row, not every row the column has a value in."""
    def of_which(total: int, parts: tuple[int, ...], part: int) -> bool:
        rows = [r for r in table.rows if r.readable and r.amounts[part] is not None and r.amounts[part].value
                and r.amounts[total] is not None]
        others = [p for p in parts if p != part]
        return len(rows) >= 2 and all(adds_up(r.amounts[total].value, [r.amounts[p].value for p in others
                                                                       if r.amounts[p] is not None]) for r in rows)

    pruned = []
    for total, parts in identities:
        kept = tuple(p for p in parts if not of_which(total, parts, p))
        if kept:
            pruned.append((total, kept))
    return pruned


def _split_rows(rows: tuple[Row, ...]) -> bool:
    """Does a row print only its first amount (the total), beside a row that prints every amount
    but the first? That is one row's cells read as two (a cell's number wrapped over lines, the rest
    centred between them), and no row of the table can be trusted to hold its identities. The PDF
    reader joins such a number where rules box the cell (layout.join_wrapped_numbers); text has
    no rules to show which lines are one cell."""
    def total_only(row: Row) -> bool:
        return row.amounts[0] is not None and all(a is None for a in row.amounts[1:])

    def all_but_total(row: Row) -> bool:
        return row.amounts[0] is None and any(a is not None for a in row.amounts[1:])

    return any((total_only(a) and all_but_total(b)) or (all_but_total(a) and total_only(b))
               for a, b in zip(rows, rows[1:]) if len(a.amounts) >= 3)


def hierarchy(rows: tuple[Row, ...], kind: str = "") -> Iterator[tuple[Row, list[Row]]]:
    """(parent, children) pairs that must add up: codes under the code they extend by one level,
    the top-level codes under the table's total row, and in tables without codes the numbered
    items (一、 over （一） over 1.) with their 本年合计 and 总计 rows; in a 项目支出表, its group
    rows over their projects; in a table by unit, a unit over the detail rows that carry its code.
    Pairs with an unreliable member are left out."""
    if kind == "project":
        projects = list(project_hierarchy(rows))
        if projects:
            yield from projects
            return
    groups = subtotal_groups(rows)
    if groups:
        yield from groups
        return
    numbered = list(enumerated_hierarchy(rows))
    yield from numbered
    summed = {id(parent) for parent, _ in numbered}
    yield from ((parent, children) for parent, children in indented_hierarchy(rows) if id(parent) not in summed)
    details = unit_details(rows)
    if details is not None:
        yield from details
        return
    coded = [r for r in rows if r.code]
    units = unit_sections(rows, coded)
    if units is not None:
        yield from units
        return
    yield from _code_pairs(coded)
    total = _total_row(rows)
    if total is not None and coded:
        top = min(len(r.code) for r in coded)
        children = [r for r in coded if len(r.code) == top]
        if _reliable(total, children):
            yield total, children


def _code_pairs(coded: list[Row]) -> Iterator[tuple[Row, list[Row]]]:
    codes = CodeIndex(coded)
    for parent in coded:
        children = codes.children(parent)
        if children and _reliable(parent, children):
            yield parent, children


CLASS_CODE_LENGTHS = (3, 5, 7)  # 类, 款, 项 (function), and class and item (economic: 301, 30101)


def unit_sections(rows: tuple[Row, ...], coded: list[Row]) -> list[tuple[Row, list[Row]]] | None:
    """A table that lists its codes once per unit (a department's tables by 预算单位: the unit's
    name, then its 类, 款 and 项 codes, then the next unit's): the code hierarchy holds within
    each unit, the unit's row is the sum of its top-level codes, and a department's row right
    before its first unit is the sum of its units. A unit starts at a row without a code that
    is followed by a top-level code (a row whose code was lost in the middle of a unit is
    followed by a longer one). None when no code repeats, or the codes are not 类/款/项 codes
    (a year read as one): one hierarchy for the whole table."""
    if len({r.code for r in coded}) == len(coded) or any(len(r.code) not in CLASS_CODE_LENGTHS for r in coded):
        return None
    top = min(len(r.code) for r in coded)
    starts = [i for i, row in enumerate(rows[:-1]) if not row.code and row.label and not _is_total(row)
              and len(rows[i + 1].code) == top]
    if top != CLASS_CODE_LENGTHS[0] or not starts or any(r.code for r in rows[:starts[0]]):
        return None  # no 类 codes under units' names, or codes before the first unit, which no unit owns
    pairs: list[tuple[Row, list[Row]]] = []
    for number, start in enumerate(starts):
        end = starts[number + 1] if number + 1 < len(starts) else len(rows)
        section = [r for r in rows[start + 1:end] if r.code]
        if len({r.code for r in section}) != len(section):
            continue  # a code twice within one unit: its rows are not understood
        pairs.extend(_code_pairs(section))
        tops = [r for r in section if len(r.code) == top]
        uncoded = any(not r.code and any(r.amounts) for r in rows[start + 1:end])  # a code lost, maybe a 类's
        if not uncoded and _reliable(rows[start], tops):
            pairs.append((rows[start], tops))
    department = starts[0] - 1
    if department >= 0 and not rows[department].code and rows[department].label:
        unit_rows = [rows[start] for start in starts]
        if all(r.readable for r in (rows[department], *unit_rows)):
            pairs.append((rows[department], unit_rows))
    return pairs


def unit_details(rows: tuple[Row, ...]) -> list[tuple[Row, list[Row]]] | None:
    """A table by unit whose detail rows each print their unit's code beside their own code
    (Wuhan's 项目支出预算表: 2010306 | 政务公开审批 | 003001 | …本级 | 日常及后勤保障工作; its
    政府购买服务预算表: 003001 | …本级 | 30227 | 委托业务费): a unit's row (its code alone) is the
    sum of the detail rows under it that carry its code, and the units add up by their codes
    (003 = 003001 + …). None unless every row is one or the other, each detail row follows its
    own unit's row, and no detail code extends another (201 over 20103 would be summed twice)."""
    if not any(r.other_codes for r in rows) or any(not r.code for r in rows):
        return None
    units = [r for r in rows if not r.other_codes]
    pairs = list(_code_pairs(units))
    unit_codes = {r.code for r in units}
    owner: Row | None = None
    under: dict[int, list[Row]] = {}
    for row in rows:
        if not row.other_codes:
            owner = row
        elif owner is None or owner.code not in (row.code, *row.other_codes):
            return None
        else:
            under.setdefault(id(owner), []).append(row)
    for unit in units:
        children = under.get(id(unit))
        if not children:
            continue
        own = {code for r in children for code in (r.code, *r.other_codes) if code != unit.code}
        if own & unit_codes or any(a != b and b.startswith(a) for a in own for b in own):
            return None
        if all(r.readable for r in (unit, *children)):
            pairs.append((unit, children))
    return pairs


def _project_level(row: Row) -> int | None:
    """What a 项目支出表 row is, by the first word of its code or label (see PROJECT_ROW_LEVELS)."""
    words = (row.code or row.label).split()
    identifier = words[0] if words else ""
    return next((level for level, pattern in enumerate(domain.PROJECT_ROW_LEVELS) if pattern.match(identifier)), None)


def project_hierarchy(rows: tuple[Row, ...]) -> Iterator[tuple[Row, list[Row]]]:
    """A 项目支出表's rows by what they are (department, unit, group, project): each over the rows
    of the next level printed after it, up to the next row of its own level or above; an
    unnamed first row over the outermost. Only a table whose every other row is one of these
    is read so: a row of unknown kind may be a part nobody can place."""
    total = rows[0] if rows and not rows[0].code and not rows[0].label.strip() else None
    body = rows[1:] if total is not None else rows
    levels = [_project_level(row) for row in body]
    if not body or any(level is None for level in levels):
        return
    if total is not None:
        top = [row for row, level in zip(body, levels) if level == min(levels)]
        if all(r.readable for r in (total, *top)):
            yield total, top
    for index, (row, level) in enumerate(zip(body, levels)):
        below = []
        for other, other_level in zip(body[index + 1:], levels[index + 1:]):
            if other_level <= level:
                break
            below.append((other, other_level))
        nearest = min((other_level for _, other_level in below), default=None)
        children = [other for other, other_level in below if other_level == nearest]
        if children and all(r.readable for r in (row, *children)):
            yield row, children


def _reliable(parent: Row, children: list[Row]) -> bool:
    rows = [parent, *children]
    return all(r.readable for r in rows) and len({r.code for r in children}) == len(children)


def _total_row(rows: tuple[Row, ...]) -> Row | None:
    """The row the top-level codes add up to: one labelled 合计/总计, or the first row when it
    carries no code (a department's name above its coded rows)."""
    for row in rows:
        if not row.code and domain.TOTAL_LABEL.match(row.label.replace(" ", "")):
            return row
    first = rows[0]
    if not first.code and first.label and not first.unplaced and len(rows) > 1 and rows[1].code:
        return first
    return None


def _level(row: Row) -> int | None:
    label = row.label.replace(" ", "")
    for level, pattern in enumerate(domain.ENUMERATOR_LEVELS, start=1):
        if pattern.match(label):
            return level
    return None


def enumerated_hierarchy(rows: tuple[Row, ...]) -> Iterator[tuple[Row, list[Row]]]:
    """Numbered items of a table without codes (the two sides of 收支总表, 财政拨款收支总表):
    an item over the items numbered at the nearest deeper level that follow it (一、 over （一）,
    or over 1. where a template skips a level); 本年收入合计 / 本年支出合计
    over the top-level items before it; 收入总计 / 支出总计 over 本年合计 and the carry-over row
    after it (only when one row at most stands between, so that no parent is added to its own
    unnumbered children), or over the top-level items when there is no 本年合计; a 合计 printed
    first, above every item, over the top-level items."""
    if any(r.code for r in rows) or any(r.unplaced for r in rows):
        return
    levels = [_level(r) for r in rows]
    for i, (row, level) in enumerate(zip(rows, levels)):
        if level is None:
            continue
        below = []
        for other, other_level in zip(rows[i + 1:], levels[i + 1:]):
            if other_level is not None and other_level <= level or _is_total(other):
                break
            if other_level is not None:
                below.append((other, other_level))
        nearest = min((other_level for _, other_level in below), default=None)
        children = [other for other, other_level in below if other_level == nearest]
        if children:
            yield row, children
    head = rows[0].label.replace(" ", "") if rows else ""
    if domain.TOTAL_LABEL.match(head) and not any(_is_total(r) for r in rows[1:]):
        items = [r for r, level in zip(rows[1:], levels[1:]) if level == 1]
        if len(items) >= 2 and _one_side(rows[0], items) and _numbered_from_one(items):
            yield rows[0], items  # a total printed first, above the items it adds up (合计 over 一、 … 九、)
            return
    year_total, start = None, 0
    for i, row in enumerate(rows):
        label = row.label.replace(" ", "")
        if domain.YEAR_TOTAL.match(label):
            items = [r for r, level in zip(rows[start:i], levels[start:i]) if level == 1]
            if len(items) >= 2 and _one_side(row, items) and _numbered_from_one(items):
                yield row, items
            year_total, start = row, i + 1
        elif domain.GRAND_TOTAL.match(label):
            if year_total is not None:
                between = [r for r, level in zip(rows[start:i], levels[start:i])
                           if level is None and any(a is not None for a in r.amounts)]
                if len(between) <= 1:
                    yield row, [year_total, *between]
            else:
                items = [r for r, level in zip(rows[start:i], levels[start:i]) if level == 1]
                if len(items) >= 2 and _numbered_from_one(items):
                    yield row, items
            year_total, start = None, i + 1


_SUBTOTAL = "小计"
_OF_WHICH = "其中"


def subtotal_groups(rows: tuple[Row, ...]) -> list[tuple[Row, list[Row]]]:
    """Groups of rows that each open with their 小计, under a total printed first (收入总计;
    小计 | 公共财政拨款(补助)资金 | 专项收入; 小计 | 专户管理教育收费 | …, the groups' names in a
    column of their own): each 小计 over the rows after it up to the next 小计, an "of which"
    (其中) row aside, and the total over the 小计 rows. Only in a table without codes or
    numbered items, whose first row is its total and whose second opens a group."""
    labels = [r.label.replace(" ", "") for r in rows]
    if len(rows) < 3 or any(r.code or r.unplaced for r in rows) or any(_level(r) is not None for r in rows) \
            or not domain.TOTAL_LABEL.match(labels[0]) or labels[0] == _SUBTOTAL or labels[1] != _SUBTOTAL:
        return []
    heads = [i for i, label in enumerate(labels) if label == _SUBTOTAL]
    if len(heads) < 2 or any(domain.TOTAL_LABEL.match(label) and label != _SUBTOTAL for label in labels[1:]):
        return []
    pairs = [(rows[0], [rows[i] for i in heads])]
    for head, after in zip(heads, [*heads[1:], len(rows)]):
        members = [r for r, label in zip(rows[head + 1:after], labels[head + 1:after]) if not label.startswith(_OF_WHICH)]
        if members:
            pairs.append((rows[head], members))
    return [(parent, children) for parent, children in pairs if all(r.readable for r in (parent, *children))]


INDENT_TOLERANCE = 0.5  # points, or display columns: the labels of one level start at one place
MAX_INDENTS = 4         # 类, 款, 项 under a unit's row: more indents than that are no hierarchy


def indented_hierarchy(rows: tuple[Row, ...]) -> list[tuple[Row, list[Row]]]:
    """Rows of a table without codes whose labels are indented by level, as PDFs set them
    (一、卫生健康支出 over 行政事业单位医疗 over 行政单位医疗; a unit over its economic classes
    over their items): each row over the rows of the next indent that follow it, up to the next
    row at its own indent or further out, or a total row. Only a table whose every label starts
    at one of two to four indents, with at least two rows to an indent on average, is read so:
    labels centred in their cells start anywhere. An "of which" row (其中) is no part of a sum.

    Indents are a reading of the layout, not a statement of the document, so the table's own
    figures must bear it out: at least MIN_CONFIRMING parents add up, and those that do not
    could all be broken by one wrong figure. A slip breaks one sum, or two around its row; a
    wrong reading (wrapped labels, rows that merely line up) breaks many, and then no sum is
    claimed."""
    if any(r.code or r.unplaced or (r.indent is None and r.label) for r in rows):
        return []
    body = [r for r in rows if r.label and not _is_total(r) and not domain.TOTAL_LABEL.match(r.label.replace(" ", ""))]
    indents: list[float] = []
    for x in sorted({r.indent for r in body if r.indent is not None}):
        if not indents or x - indents[-1] > INDENT_TOLERANCE:
            indents.append(x)
    if not 2 <= len(indents) <= MAX_INDENTS or len(body) < 2 * len(indents):
        return []
    depth = {id(r): min(range(len(indents)), key=lambda i: abs(indents[i] - r.indent)) for r in body}
    pairs = []
    for index, row in enumerate(rows):
        if id(row) not in depth:
            continue
        below = []
        for other in rows[index + 1:]:
            if id(other) not in depth or depth[id(other)] <= depth[id(row)]:
                break
            below.append(other)
        nearest = min((depth[id(other)] for other in below), default=None)
        children = [other for other in below if depth[id(other)] == nearest]
        if children and all(r.readable for r in (row, *children)) \
                and not any(c.label.replace(" ", "").startswith("其中") for c in children):
            pairs.append((row, children))
    failing = [(parent, children) for parent, children in pairs if not rows_add_up(parent, children)]
    return pairs if len(pairs) - len(failing) >= MIN_CONFIRMING and _one_row_explains(failing) else []


MIN_CONFIRMING = 3  # parents that add up before a table's indents are taken for its hierarchy


def _one_row_explains(failing: list[tuple[Row, list[Row]]]) -> bool:
    """Could one wrong figure break every failing sum? It breaks at most two: its parent's, and
    its own as the parent of its children; those two share the row."""
    if len(failing) <= 1:
        return True
    members = [{id(parent), *map(id, children)} for parent, children in failing]
    return len(failing) == 2 and bool(members[0] & members[1])


def rows_add_up(parent: Row, children: list[Row]) -> bool:
    """Does the parent equal the sum of its children (within rounding) in every column? A child
    short of a column counts nothing in it."""
    for column, total in enumerate(parent.amounts):
        parts = [c.amounts[column].value for c in children if column < len(c.amounts) and c.amounts[column] is not None]
        if total is None and not parts:
            continue
        if total is None or not adds_up(total.value, parts):
            return False
    return True


def _numbered_from_one(items: list[Row]) -> bool:
    """Are the top-level items 一、 二、 三、 … without a gap? A list that starts at 四、 lost its
    first items (text extracted out of order puts them before the table's title): no total of
    it can be summed."""
    numbers = [domain.chinese_ordinal(item.label.replace(" ", "").partition("、")[0]) for item in items]
    return numbers == list(range(1, len(items) + 1))


def _one_side(total: Row, items: list[Row]) -> bool:
    """Do the items belong to the total's side? 本年收入合计 over items named …支出 (or 本年支出
    合计 over …收入) means the two sides of the table were not told apart: no sum to check."""
    label = total.label.replace(" ", "")
    names = [item.label.replace(" ", "") for item in items]
    if "收入" in label:
        return not any(name.endswith("支出") for name in names)
    if "支出" in label:
        return not any("收入" in name for name in names)
    return True


def _is_total(row: Row) -> bool:
    label = row.label.replace(" ", "")
    return bool(domain.YEAR_TOTAL.match(label) or domain.GRAND_TOTAL.match(label))
