"""The `cross-table` rule: the same quantity stated differently in two tables of the same scope."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from typing import Iterator

import regex

from auditlint.agreement import Options, adds_up, same
from auditlint.findings import Finding, Level, Message, Place, Related, shape_hint
from auditlint.model import Amount, Document, Row, Table
from auditlint import domain
from auditlint.parse.figures import SCOPES as FIGURE_SCOPES, has_single_scope


@dataclass(frozen=True)
class Statement:
    """One place a quantity is printed: the table, the row, the column name and the amount."""

    table: Table
    row: Row
    column: str
    amount: Amount
    scope: str


class CrossTable:
    """The same quantity printed differently in two tables.

    What it checks: a function code's total, 基本支出 and 项目支出 wherever the code is printed (部门
    支出总表, 一般公共预算支出表, and the class rows of the two-sided 收支总表 and 财政拨款收支总表,
    matched by the class's name); an economic item's 一般公共预算 basic expenditure in the tables by
    economic class and in the 一般公共预算拨款 column of the 基本支出总表 (matched by the item's
    name); the document's totals of 支出, 基本支出, 项目支出, 人员经费 and 公用经费 across the
    tables that print them. Scope is respected: a table of all funds (部门) and one of 一般公共预算
    only are compared only when the document has no other funds and no carry-overs (its income is
    all 一般公共预算); otherwise each is compared with tables of its own scope.

    The same function code must also carry the same name in every table: "20103 政府办公厅（室）
    及相关机构运行" in one table and "…事务" in another is a warning (names are weaker evidence
    than figures: a name cut short by the layout is not reported).

    Why it matters: the tables restate the same figures by design; a figure that differs from its
    restatements is a typing slip in one of them, and readers cannot tell which one to trust.

    How it reports: when the statements disagree, the figure that stands alone against the others
    is the finding, with every other statement related (one figure against five points at the one).
    Between two tables, the figure that breaks its own table's sums is the one reported; when
    nothing tells them apart, the later table is reported against the first. A difference within
    the rounding of the two printed figures (one cent) is a note. A table column that disagrees
    with the others in three or more codes and in three in ten of those compared was read under
    the wrong header, not mistyped code by code: one note says so instead of the errors.

    Example (samples/planted_budget_2025.txt): 表2 prints 「2101103 公务员医疗补助 28.54」 and 表3
    「2101103 公务员医疗补助 28.45」; 表2's 款 21011 (65.17 = 36.72 + 28.45) shows which is wrong.

    Suppress: fix the figure; in a text or Markdown document, `<!-- auditlint: disable-next-line=
    cross-table -->` before the line; for a PDF, a baseline.
    """

    id = "cross-table"
    level = Level.ERROR
    takes_tolerance = True

    def check(self, doc: Document, options: Options) -> Iterator[Finding]:
        yield from self._names(doc)
        statements = collect(doc)
        single_scope = has_single_scope(doc)
        findings: list[Finding] = []
        compared: Counter[tuple[str, str]] = Counter()  # statements compared, by table and column
        for key, found in sorted(statements.items()):
            groups: dict[str, list[Statement]] = {}
            for statement in found:
                groups.setdefault("all" if single_scope else statement.scope, []).append(statement)
            for group in groups.values():
                if len({id(s.table) for s in group}) > 1:
                    compared.update((s.table.name, s.column) for s in group)
                findings.extend(self._compare(key, group, options.tolerance))
        yield from misread_columns(findings, compared)

    def _names(self, doc: Document) -> Iterator[Finding]:
        """One code, two names: the code table of every table must agree on what a code is called."""
        named: dict[str, list[tuple[Table, Row]]] = {}
        for table in doc.tables:
            if table.kind not in SCOPES or _is_unit_table(table):
                continue
            for row in table.rows:
                if row.code and not row.truncated and len(row.code) in (3, 5, 7) and row.label \
                        and not _DIGIT.search(row.label):  # a label with digits took in a cell beside it
                    named.setdefault(row.code, []).append((table, row))
        for code, found in sorted(named.items()):
            first_table, first = found[0]
            for table, row in found[1:]:
                if not _same_name(first, row):
                    yield Finding(
                        rule=self.id,
                        level=Level.WARNING,
                        message=Message(f"科目 {code} 在《{first_table.name}》中名为「{first.label}」，在《{table.name}》中名为「{row.label}」",
                                        f"code {code} is named “{first.label}” in {first_table.name} and “{row.label}” in {table.name}"),
                        location=row.location,
                        related=(Related(first.location, Message(f"《{first_table.name}》", first_table.name)),),
                        logical=f"name:{code}:{_name(row.label)}",
                        stated=row.label,
                        expected=first.label,
                    )
                    break

    def _compare(self, key: tuple[str, ...], group: list[Statement], extra: Decimal) -> Iterator[Finding]:
        if len({id(s.table) for s in group}) < 2:
            return
        values = Counter(s.amount.value for s in group)
        if len(values) < 2:
            return
        (majority, count), *_ = values.most_common()
        if list(values.values()).count(count) > 1:
            tied = [value for value, n in values.items() if n == count]
            consistent = [value for value in tied
                          if all(adds_up_in_its_table(st) for st in group if st.amount.value == value)]
            # A tie the tables' own sums can break points at the figure that breaks them; else the
            # contradiction is still certain, reported at the later table against the first.
            majority = consistent[0] if len(consistent) == 1 else group[0].amount.value
        for statement in group:
            if statement.amount.value == majority:
                continue
            others = [s for s in group if s is not statement and s.table is not statement.table]
            agreeing = [s for s in others if s.amount.value == majority]
            if not agreeing:
                continue
            yield self._finding(key, statement, agreeing, others, majority, extra)

    def _finding(self, key: tuple[str, ...], statement: Statement, agreeing: list[Statement],
                 others: list[Statement], expected: Decimal, extra: Decimal) -> Finding:
        stated = statement.amount.value
        difference = stated - expected
        rounding = same(stated, expected, extra)
        what = describe_key(key)
        where = "、".join(dict.fromkeys(f"《{s.table.name}》" for s in agreeing))
        zh = (f"《{statement.table.name}》中{what[0]}为 {statement.amount.text}，与{where}的 {agreeing[0].amount.text} 不一致"
              + (f"（{len(agreeing)} 处一致）" if len(agreeing) > 1 else "")
              + ("，相差在四舍五入误差之内" if rounding else ""))
        en = (f"{statement.table.name}: {what[1]} is {statement.amount.text}, while "
              f"{', '.join(dict.fromkeys(s.table.name for s in agreeing))} print {agreeing[0].amount.text}"
              + (f" ({len(agreeing)} statements agree)" if len(agreeing) > 1 else "")
              + ("; the gap is within rounding" if rounding else ""))
        related = tuple(Related(s.amount.location, Message(f"《{s.table.name}》{s.amount.text}", f"{s.table.name}: {s.amount.text}"))
                        for s in others)
        return Finding(
            rule=self.id,
            level=Level.NOTE if rounding else Level.ERROR,
            message=Message(zh, en),
            location=statement.amount.location,
            related=related,
            logical=f"{statement.table.name}/{'/'.join(key)}",
            place=Place(statement.table.name, statement.row.code or statement.row.label, statement.column),
            stated=statement.amount.text,
            expected=agreeing[0].amount.text,
            difference=str(difference),
            hint=None if rounding else shape_hint(stated, expected),
        )


# --------------------------------------------------------------------------------------------
# What the tables state


# The tables compared code by code, with the money each covers (all funds, 财政拨款, 一般公共预算).
SCOPES = {kind: FIGURE_SCOPES[kind] for kind in ("expenditure", "summary", "fiscal_summary", "gpb_function", "gpb_basic")}

_ENUMERATOR = regex.compile(r"^(?:[一二三四五六七八九十廿]+、|[（(][一二三四五六七八九十廿]+[)）])")
_SPACE = regex.compile(r"\s+")
_DIGIT = regex.compile(r"\d")

# Disagreements of one table's column with the others: this many, in this share of the codes
# compared, mean the column was misread (a header one column off), not mistyped figures.
MISREAD_AT_LEAST = 3
MISREAD_SHARE = 0.3


def misread_columns(findings: list[Finding], compared: Counter[tuple[str, str]]) -> Iterator[Finding]:
    """The findings, except that a table column disagreeing with the other tables in many of
    the codes they share gives one note instead: a slip changes a figure or two, a column read
    under the wrong header changes them all."""
    errors: dict[tuple[str, str], list[Finding]] = {}
    for finding in findings:
        if finding.level == Level.ERROR and finding.place is not None:
            errors.setdefault((finding.place.table, finding.place.column), []).append(finding)
    misread = {key for key, found in errors.items()
               if len(found) >= MISREAD_AT_LEAST and len(found) >= MISREAD_SHARE * compared[key]}
    for finding in findings:
        if finding.place is None or (finding.place.table, finding.place.column) not in misread:
            yield finding
    for table, column in sorted(misread):
        found = errors[(table, column)]
        yield Finding(
            rule=CrossTable.id,
            level=Level.NOTE,
            message=Message(f"《{table}》「{column}」列有 {len(found)}/{compared[(table, column)]} 处与其他表格不一致，"
                            f"更可能是该列读错（如表头错位），请用 auditlint show 核对",
                            f"{table} [{column}] disagrees with the other tables in {len(found)} of "
                            f"{compared[(table, column)]} figures; the column was more likely misread (a header one "
                            f"column off) than mistyped: check it with auditlint show"),
            location=found[0].location,
            logical=f"{table}/{column}/misread",
        )


def adds_up_in_its_table(statement: Statement) -> bool:
    """Whether the statement's row fits its own table: its parent code's figure in that column
    equals the sum of the parent's children (within rounding). A row with no parent fits."""
    table, row = statement.table, statement.row
    column = table.columns.index(statement.column)
    codes = domain.CodeIndex(table.rows)
    parent = codes.parent(row)
    if parent is None:
        return True
    children = codes.children(parent)
    if parent.amounts[column] is None or not all(r.readable for r in (parent, *children)):
        return True
    parts = [r.amounts[column].value for r in children if r.amounts[column] is not None]
    difference = parent.amounts[column].value - sum(parts, Decimal(0))
    return abs(difference) <= Decimal("0.005") * (len(parts) + 1)


def adds_up_across(row: Row, identities: list[tuple[int, tuple[int, ...]]]) -> bool:
    """Does the row hold its table's column identities (合计 = 基本支出 + 项目支出 …) within rounding?"""
    for total, parts in identities:
        amount = row.amounts[total]
        present = [row.amounts[p].value for p in parts if row.amounts[p] is not None]
        if amount is not None and present and not adds_up(amount.value, present):
            return False
    return True


def describe_key(key: tuple[str, ...]) -> tuple[str, str]:
    names = {"total": ("合计", "total"), "basic": ("基本支出", "基本支出"), "project": ("项目支出", "项目支出"),
             "personnel": ("人员经费", "人员经费"), "public": ("公用经费", "公用经费")}
    kind, subject, quantity = key
    zh_q, en_q = names[quantity]
    if kind == "code":
        return f"科目 {subject} 的{zh_q}", f"code {subject} [{en_q}]"
    if kind == "economic":
        return f"「{subject}」的一般公共预算{zh_q}", f"the 一般公共预算 {en_q} of “{subject}”"
    return f"支出{zh_q}", f"the document's {en_q} of expenditure"


def _label(row: Row) -> str:
    return _ENUMERATOR.sub("", _SPACE.sub("", row.label))


def collect(doc: Document) -> dict[tuple[str, ...], list[Statement]]:
    """Every statement of a code's amounts and of the document's totals, by what it states."""
    statements: dict[tuple[str, ...], list[Statement]] = {}
    class_codes: dict[str, str] = {}
    usable = [t for t in doc.tables if t.kind in SCOPES and t.rows]
    for table in usable:
        for row in table.rows:
            if len(row.code) == 3 and row.readable and row.label:
                class_codes.setdefault(_label(row), row.code)
    for table in usable:
        scope = SCOPES[table.kind]
        if _is_unit_table(table):
            continue
        repeated = {code for code, n in Counter(r.code for r in table.rows if r.code).items() if n > 1}
        identities = domain.column_identities(list(table.columns))
        for row in table.rows:
            if not row.readable or row.code in repeated:
                continue  # a code printed under several units names no single quantity
            if not adds_up_across(row, identities):
                continue  # sum-of-children reports the row; its figures, perhaps misread, prove nothing here
            if table.side:
                code = class_codes.get(_label(row)) if table.side == "支出" else None
                subject = ("code", code) if code else ("total", "expenditure") if domain.YEAR_TOTAL.match(_label(row)) and table.side == "支出" else None
                if subject and row.amounts and row.amounts[0] is not None:
                    statements.setdefault((*subject, "total"), []).append(Statement(table, row, table.columns[0], row.amounts[0], scope))
                continue
            subject = ("code", row.code) if row.code and not row.truncated else ("total", "expenditure") if _is_total_row(table, row) else None
            if subject is None:
                continue
            for index, quantity in domain.column_quantities(table.columns, table.kind).items():
                amount = row.amounts[index]
                if amount is not None:
                    statements.setdefault((*subject, quantity), []).append(
                        Statement(table, row, table.columns[index], amount, scope))
    for key, statement in _economic_statements(doc):
        statements.setdefault(key, []).append(statement)
    return {key: found for key, found in statements.items() if len({id(s.table) for s in found}) > 1}


# An economic item's 一般公共预算 basic expenditure (工资福利支出, 30101 基本工资 …) is printed in the
# 基本支出 column of the 一般公共预算 tables by economic class, with its code, and in the
# 一般公共预算拨款 column of the 基本支出总表, often by name alone: the items are matched by name.
_ECONOMIC_CODE = regex.compile(r"^[35]\d{2}(?:\d{2})?$")
_GPB_SOURCE = regex.compile(r"^一般公共预算(?:财政)?拨款(?:收入)?$")


def _economic_statements(doc: Document) -> Iterator[tuple[tuple[str, ...], Statement]]:
    """Each economic item's 一般公共预算 basic expenditure, keyed by the item's name."""
    for table in doc.tables:
        if table.kind in ("gpb_economic", "gpb_basic"):
            column = next((i for i, q in domain.column_quantities(table.columns, table.kind).items() if q == "basic"), None)
            rows = [r for r in table.rows if _ECONOMIC_CODE.match(r.code)]
        elif table.kind == "basic_summary":
            column = next((i for i, c in enumerate(table.columns) if _GPB_SOURCE.match(_SPACE.sub("", c.rpartition("/")[2]))),
                          None)
            rows = [r for r in table.rows if not r.code or _ECONOMIC_CODE.match(r.code)]
        else:
            continue
        if column is None or _is_unit_table(table):
            continue
        printed = Counter(_name(r.label) for r in table.rows)
        identities = domain.column_identities(list(table.columns))
        for row in rows:
            name = _name(row.label)
            amount = row.amounts[column] if row.readable else None
            if amount is not None and name and printed[name] == 1 and not _DIGIT.search(name) \
                    and adds_up_across(row, identities):
                yield ("economic", name, "basic"), Statement(table, row, table.columns[column], amount, "gpb")


def _name(label: str) -> str:
    """A row's name without spaces, brackets' width or a trailing 支出 (printed or not)."""
    text = _SPACE.sub("", label).replace("(", "（").replace(")", "）")
    return regex.sub(r"支出$", "", _ENUMERATOR.sub("", text))


def _same_name(first: Row, other: Row) -> bool:
    """Do two rows of one code name it alike? One name may stop short of the other (a label cut
    at the cell's edge); a label read from several lines may also carry, before the name, words
    of a wrapped cell beside it (a unit's name ending “…河办公室）”)."""
    a, b = _name(first.label), _name(other.label)
    if a == b or a.startswith(b) or b.startswith(a):
        return True
    wrapped = [row for row in (first, other) if row.location.end_line > row.location.line]
    return bool(wrapped) and (a.endswith(b) or b.endswith(a))


def _is_unit_table(table: Table) -> bool:
    """A table by unit (部门 → 单位 codes) states the same totals but no function codes."""
    codes = [r.code for r in table.rows if r.code]
    return bool(codes) and all(len(c) in (3, 6) for c in codes) and any(len(c) == 6 for c in codes)


def _is_total_row(table: Table, row: Row) -> bool:
    return not row.code and (domain.TOTAL_LABEL.match(_label(row)) is not None or row is table.rows[0])

