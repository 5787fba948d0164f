"""The `sum-of-children` rule: a total in a table differs from the sum of its parts."""
from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from auditlint.agreement import Options, adds_up, sum_gap
from auditlint.findings import Finding, Level, Message, Place, Related, shape_hint
from auditlint.model import Amount, Document, Row, Table
from auditlint import domain

# Tables whose rows are free text (绩效 forms) or whose rows are not a hierarchy of amounts.
SKIPPED_KINDS = frozenset({"performance"})
# A published table rarely has more than a couple of slips; past this, suspect the reading.
MAX_ERRORS_PER_TABLE = 4
UNRELIABLE_SHARE = 0.25


class SumOfChildren:
    """A total in a table differs from the sum of its parts.

    What it checks, in every table it could read with confidence. Across columns, in every row:
    合计 = 基本支出 + 项目支出 (+ 经营支出, 上缴上级支出, 对附属单位补助支出), or the economic
    classes; 基本支出 = 人员经费 + 公用经费 (the columns named as parts, nothing unknown between);
    in income and project tables, 合计 = the sources of money (一般公共预算 + 政府性基金 + … +
    单位资金 + 上年结转); and the same identities within each group of a set of columns repeated
    per year or per source of money (Shenzhen's 三公 table, one column per source under each
    kind). A column every row shows to be an "of which" is no part (as_printed), and a table
    whose totals were read apart from their rows claims nothing across (_split_rows).

    Down the rows, in every amount column: a 类 function code against the sum of its 款 codes
    and a 款 against its 项 codes (201 = 20101 + 20103 + …, 20103 = 2010301 + …); an economic
    class against its items (301 = 30101 + …); a department code against its units (126 =
    126001 + …); in a table listing its codes once per unit, the codes within each unit, the
    unit's row against its 类 codes and the department's row against its units; in a
    项目支出表, a group row (22 其他运转类) against its projects and a unit against its groups;
    in a table by unit whose detail rows print their unit's code beside their own (a project, a
    purchase), the unit's row against those rows (a factor of 10 000 there says 元 for 万元);
    and the 合计 or department row against the sum of the top-level codes (numbered items only
    when they run from 一、 without a gap). In a table without codes, read from a PDF or
    positioned text, labels indented by level (a class over its items) are a hierarchy too, once
    nearly every parent of it adds up (indented_hierarchy). A parent is only summed when it has
    children in the table and none of them was cut short by extraction (201030 for 2010301) or
    has amounts of uncertain column.

    Why it matters: the parts of a total are printed beside it, so a total that does not add up is
    a contradiction any reader can see; it usually means a typed figure or a row left out.

    A total printed over parts that are all blank in its column, or a blank total over printed
    parts, is a warning, not an error: a blank cell is no claim that the value is 0, and a value
    may have been lost in extraction rather than left out of the document.

    Misreadings are notes, never errors: a parent off its parts in several columns by different
    amounts (one typed figure is off by the same amount wherever it is added; rows read into the
    wrong columns are not), a table where many totals fail at once, and the parts of a row that
    does not add up across its own columns (that row is reported once, across).

    A row of a three-column table (合计 = 人员经费 + 公用经费) read with two amounts whose columns
    cannot be told (a flattened line): whichever part the second is, the total must equal it. Two
    different amounts there are a warning (a total left blank would explain them).

    Rounding: each printed value v with d decimals stands for v ± ½·10^−d. When the total and the
    sum are within the sum of those half-units (2877.94 against 2561.10 + 84.78 + 83.88 + 148.19 =
    2877.95), the gap is rounding: reported as a note, never an error.

    Example (samples/planted_budget_2025.txt): 表2 prints 「21011 行政事业单位医疗 65.17」 over
    「2101101 行政单位医疗 36.72」 and 「2101103 公务员医疗补助 28.54」, which make 65.26.

    Suppress: in a text or Markdown document, `<!-- auditlint: disable-next-line=sum-of-children -->`
    before the total's line; for a PDF, a baseline.
    """

    id = "sum-of-children"
    level = Level.ERROR
    takes_tolerance = True

    def check(self, doc: Document, options: Options) -> Iterator[Finding]:
        extra = options.tolerance
        for table in doc.tables:
            if table.kind in SKIPPED_KINDS or not table.rows:
                continue
            found, checked = [], 0
            across: set[int] = set()  # rows that do not add up across their own columns
            identities = as_printed(table, domain.column_identities(list(table.columns)))
            if any(total == 0 for total, _ in identities) and _split_rows(table.rows):
                identities = []  # a total apart from its row's other cells: rows wrapped over lines, unsure
            for total, parts in identities:
                for row in table.rows:
                    if row.readable and (row.amounts[total] is not None or any(row.amounts[p] for p in parts)):
                        checked += 1
                        finding = self._compare_columns(table, row, total, parts, extra)
                        if finding is not None:
                            found.append(finding)
                            if finding.level == Level.ERROR:
                                across.add(id(row))
            found.extend(self._two_of_three(table, identities))
            for parent, children in hierarchy(table.rows, table.kind):
                if any(id(row) in across for row in (parent, *children)):
                    continue  # already reported across; or misread, its amounts under other columns
                family = []
                for column in range(len(table.columns)):
                    checked += 1
                    finding = self._compare(table, parent, children, column, extra)
                    if finding is not None:
                        family.append(finding)
                found.extend(self._one_slip_or_misread(table, parent, family))
            errors = [f for f in found if f.level == Level.ERROR]
            if len(errors) > max(MAX_ERRORS_PER_TABLE, UNRELIABLE_SHARE * checked):
                yield self._unreliable(table, len(errors), checked)
            else:
                yield from found

    def _two_of_three(self, table: Table, identities: list[tuple[int, tuple[int, ...]]]) -> Iterator[Finding]:
        """A row of a three-column table (合计 = A + B) printed with two different amounts whose
        columns are unknown: whichever part the second one is, the total must equal it, unless
        the total itself was left blank. Likely a slip, so a warning, wherever it sits."""
        if len(table.columns) != 3 or (0, (1, 2)) not in identities:
            return
        for row in table.rows:
            if len(row.unplaced) != 2 or any(row.amounts):
                continue
            first, second = row.unplaced
            if adds_up(first.value, [second.value]):
                continue
            name = row.code or row.label
            yield Finding(
                rule=self.id,
                level=Level.WARNING,
                message=Message(
                    f"《{table.name}》{name} 印有 {first.text} 与 {second.text} 两个数：无论后者属于哪一列，"
                    f"「{table.columns[0]}」都应等于它（除非合计栏空缺）",
                    f"{table.name}: {name} prints {first.text} and {second.text}; whichever column the second "
                    f"is in, [{table.columns[0]}] should equal it (unless the total was left blank)"),
                location=first.location,
                related=(Related(second.location, Message(second.text, second.text)),),
                logical=f"{table.name}/{name}/two-of-three",
                stated=first.text,
                expected=second.text,
                difference=str(first.value - second.value),
                hint=shape_hint(first.value, second.value),
            )

    def _one_slip_or_misread(self, table: Table, parent: Row, family: list[Finding]) -> list[Finding]:
        """A parent off its children in several columns by different amounts is no typed slip
        (one wrong figure is off by the same amount wherever it is added): its rows were read
        into the wrong columns. One note says so instead of the errors."""
        errors = [f for f in family if f.level == Level.ERROR]
        if len(errors) < 2 or len({f.difference for f in errors}) == 1:
            return family
        name = parent.code or parent.label
        note = Finding(
            rule=self.id,
            level=Level.NOTE,
            message=Message(f"《{table.name}》{name} 有 {len(errors)} 列与下级之和不符且差额各不相同，更可能是行列读错，"
                            f"请用 auditlint show 核对",
                            f"{table.name}: {name} disagrees with its parts in {len(errors)} columns by different "
                            f"amounts; its rows were more likely misread than mis-added: check it with auditlint show"),
            location=errors[0].location,
            logical=f"{table.name}/{name}/misread",
        )
        return [f for f in family if f.level != Level.ERROR] + [note]

    def _unreliable(self, table: Table, errors: int, checked: int) -> Finding:
        """Many totals failing at once in one table mean the table was misread, not mis-added:
        one note says so, and no error is claimed."""
        return Finding(
            rule=self.id,
            level=Level.NOTE,
            message=Message(
                f"《{table.name}》有 {errors}/{checked} 处合计与下级之和不符，更可能是表格未能正确读取（如行列错位），"
                f"请用 auditlint show 核对后人工检查",
                f"{table.name}: {errors} of {checked} totals disagree with their parts; the table was more likely "
                f"misread (rows or columns out of place) than mis-added; check it with auditlint show"),
            location=table.location,
            logical=f"{table.name}/unreliable",
        )

    def _compare(self, table: Table, parent: Row, children: list[Row], column: int, extra: Decimal) -> Finding | None:
        total = parent.amounts[column]
        parts = [child.amounts[column] for child in children]
        present = [p for p in parts if p is not None]
        if total is None and not present:
            return None
        stated = total.value if total is not None else Decimal(0)
        computed = sum((p.value for p in present), Decimal(0))
        difference, radius = sum_gap(stated, [p.value for p in present]) if total is not None else (-computed, Decimal(0))
        if difference == 0:
            return None
        if abs(difference) <= radius + extra:
            level = Level.NOTE
        elif total is None or not present:
            level = Level.WARNING  # a blank total, or every part blank: perhaps a value lost
        else:
            level = Level.ERROR
        return self._finding(table, parent, children, column, total, present, stated, computed, difference, level)

    def _compare_columns(self, table: Table, row: Row, total_column: int, parts: tuple[int, ...],
                         extra: Decimal) -> Finding | None:
        """A row's total column against the columns that make it up (合计 = 基本支出 + 项目支出)."""
        total = row.amounts[total_column]
        present = [row.amounts[p] for p in parts if row.amounts[p] is not None]
        stated = total.value if total is not None else Decimal(0)
        computed = sum((p.value for p in present), Decimal(0))
        difference, radius = sum_gap(stated, [p.value for p in present])
        if difference == 0:
            return None
        if total is None:
            level = Level.WARNING  # a blank cell is no claim that the value is 0: perhaps a value lost
        else:
            level = Level.NOTE if abs(difference) <= radius + extra else Level.ERROR
        name = row.code or row.label
        total_name = table.columns[total_column]
        part_names = " + ".join(table.columns[p] for p in parts)
        parts_text = " + ".join(p.text for p in present) or "0"
        stated_text = total.text if total is not None else "（空）"
        rounding = level == Level.NOTE
        return Finding(
            rule=self.id,
            level=level,
            message=Message(
                f"《{table.name}》{name}：「{total_name}」为 {stated_text}，而 {part_names} = {parts_text} = {computed}，"
                f"相差 {difference}" + ("（在四舍五入误差之内）" if rounding else ""),
                f"{table.name}: {name} [{total_name}] is {stated_text}, but {part_names} = {parts_text} = {computed} "
                f"(difference {difference})" + (", within rounding" if rounding else "")),
            location=total.location if total is not None else row.location,
            related=tuple(Related(p.location, Message(f"「{table.columns[i]}」", f"[{table.columns[i]}]"))
                          for i in parts if (p := row.amounts[i]) is not None),
            logical=f"{table.name}/{name}/{total_name}=columns",
            place=Place(table.name, name, total_name),
            stated=stated_text,
            expected=str(computed),
            difference=str(difference),
            hint=None if rounding else shape_hint(stated, computed),
        )

    def _finding(self, table: Table, parent: Row, children: list[Row], column: int, total: Amount | None,
                 present: list[Amount], stated: Decimal, computed: Decimal, difference: Decimal,
                 level: Level) -> Finding:
        name = parent.code or parent.label
        column_name = table.columns[column]
        parts_text = " + ".join(p.text for p in present) or "0"
        stated_text = total.text if total is not None else "（空）"
        rounding = level == Level.NOTE
        zh = (f"《{table.name}》{name}「{column_name}」为 {stated_text}，下级各项之和为 {parts_text} = {computed}，"
              f"相差 {difference}" + ("（在各数四舍五入的误差之内）" if rounding else ""))
        en = (f"{table.name}: {name} [{column_name}] is {stated_text}, but its parts add up to {parts_text} = "
              f"{computed} (difference {difference})" + (", within the rounding of the printed figures" if rounding else ""))
        location = total.location if total is not None else parent.location
        related = tuple(Related(p.location, Message(f"下级项目 {c.code or c.label}", f"part {c.code or c.label}"))
                        for c, p in ((c, c.amounts[column]) for c in children) if p is not None)
        return Finding(
            rule=self.id,
            level=level,
            message=Message(zh, en),
            location=location,
            related=related,
            logical=f"{table.name}/{name}/{column_name}",
            place=Place(table.name, name, column_name),
            stated=stated_text,
            expected=str(computed),
            difference=str(difference),
            hint=None if rounding else shape_hint(stated, computed),
        )


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
    codes = domain.CodeIndex(coded)
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
    an item over the items numbered one level deeper that follow it; 本年收入合计 / 本年支出合计
    over the top-level items before it; 收入总计 / 支出总计 over 本年合计 and the carry-over row
    after it (only when one row at most stands between, so that no parent is added to its own
    unnumbered children), or over the top-level items when there is no 本年合计."""
    if any(r.code for r in rows) or any(r.unplaced for r in rows):
        return
    levels = [_level(r) for r in rows]
    for i, (row, level) in enumerate(zip(rows, levels)):
        if level is None:
            continue
        children = []
        for other, other_level in zip(rows[i + 1:], levels[i + 1:]):
            if other_level is not None and other_level <= level or _is_total(other):
                break
            if other_level == level + 1:
                children.append(other)
        if children:
            yield row, children
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
    failing = [(parent, children) for parent, children in pairs if not _adds_up(parent, children)]
    return pairs if len(pairs) - len(failing) >= MIN_CONFIRMING and _one_row_explains(failing) else []


MIN_CONFIRMING = 3  # parents that add up before a table's indents are taken for its hierarchy


def _one_row_explains(failing: list[tuple[Row, list[Row]]]) -> bool:
    """Could one wrong figure break every failing sum? It breaks at most two: its parent's, and
    its own as the parent of its children; those two share the row."""
    if len(failing) <= 1:
        return True
    members = [{id(parent), *map(id, children)} for parent, children in failing]
    return len(failing) == 2 and bool(members[0] & members[1])


def _adds_up(parent: Row, children: list[Row]) -> bool:
    """Does the parent equal the sum of its children (within rounding) in every column?"""
    for column, total in enumerate(parent.amounts):
        parts = [c.amounts[column].value for c in children if c.amounts[column] is not None]
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
