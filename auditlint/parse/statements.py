"""Facts of one quantity in several tables: a function code's total, 基本支出 and 项目支出
wherever the code is printed; an economic item's 一般公共预算 basic expenditure wherever it is
printed by name; the document's totals across the tables that print them. Each statement keeps
the money its table covers (its scope), so that only statements of one scope are compared.

A row that does not hold its own table's identities across its columns states nothing here: its
figures may be misread, and sum-of-children reports the row.
"""
from __future__ import annotations

from collections import Counter
from typing import Iterator

from auditlint.patterns import compile_lazily
from auditlint import domain
from auditlint.agreement import adds_up
from auditlint.model import Document, Fact, Row, Table, TableReading
from auditlint.domain.scope import TABLE_SCOPES

# The tables compared code by code, with the money each covers (all funds, 财政拨款, 一般公共预算).
SCOPES = {kind: TABLE_SCOPES[kind] for kind in ("expenditure", "summary", "fiscal_summary", "fiscal_function", "gpb_function",
                                                        "fiscal_basic", "gpb_basic")}

_ENUMERATOR = compile_lazily(r"^(?:[一二三四五六七八九十廿]+、|[（(][一二三四五六七八九十廿]+[)）])")


_SPACE = compile_lazily(r"\s+")


_DIGIT = compile_lazily(r"\d")


def _label(row: Row) -> str:
    return _ENUMERATOR.sub("", _SPACE.sub("", row.label))


def collect_statements(doc: Document, readings: dict[int, TableReading]) -> dict[tuple[str, ...], list[Fact]]:
    """Every statement of a code's amounts and of the document's totals, by what it states (a
    key: ("code", 2010301, "total"), ("total", "expenditure", "basic"), ("economic", 基本工资,
    "basic")), kept where two tables or more print it. Each says whether it holds its own table's
    sums (`readings`, by the table's id)."""
    statements: dict[tuple[str, ...], list[Fact]] = {}
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
        reading = readings[id(table)]
        quantities = domain.column_quantities(table.columns, table.kind).items()  # the table's, for each row
        for row in table.rows:
            if not row.readable or row.code in repeated:
                continue  # a code printed under several units names no single quantity
            if not adds_up_across(row, reading.identities):
                continue  # sum-of-children reports the row; its figures, perhaps misread, prove nothing here
            if table.side:
                code = class_codes.get(_label(row)) if table.side == "支出" else None
                subject = ("code", code) if code else ("total", "expenditure") if domain.YEAR_TOTAL.match(_label(row)) and table.side == "支出" else None
                if subject and row.amounts and row.amounts[0] is not None:
                    statements.setdefault((*subject, "total"), []).append(_fact(reading, row, 0, scope))
                continue
            subject = ("code", row.code) if row.code and not row.truncated else ("total", "expenditure") if _is_total_row(table, row) else None
            if subject is None:
                continue
            for index, quantity in quantities:
                amount = row.amounts[index]
                if amount is not None:
                    statements.setdefault((*subject, quantity), []).append(
                        _fact(reading, row, index, scope))
    for key, statement in _economic_statements(doc, readings):
        statements.setdefault(key, []).append(statement)
    return {key: found for key, found in statements.items() if len({id(s.table) for s in found}) > 1}


# An economic item's 一般公共预算 basic expenditure (工资福利支出, 30101 基本工资 …) is printed in the
# 基本支出 column of the 一般公共预算 tables by economic class, with its code, and in the
# 一般公共预算拨款 column of the 基本支出总表, often by name alone: the items are matched by name.
_ECONOMIC_CODE = compile_lazily(r"^[35]\d{2}(?:\d{2})?$")
_GPB_SOURCE = compile_lazily(r"^一般公共预算(?:财政)?拨款(?:收入)?$")


def _economic_statements(doc: Document, readings: dict[int, TableReading]) -> Iterator[tuple[tuple[str, ...], Fact]]:
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
        printed = Counter(row_name(r.label) for r in table.rows)
        identities = readings[id(table)].identities
        for row in rows:
            name = row_name(row.label)
            amount = row.amounts[column] if row.readable else None
            if amount is not None and name and printed[name] == 1 and not _DIGIT.search(name) \
                    and adds_up_across(row, identities):
                yield ("economic", name, "basic"), _fact(readings[id(table)], row, column, "gpb")


def _is_unit_table(table: Table) -> bool:
    """A table by unit (部门 → 单位 codes) states the same totals but no function codes."""
    codes = [r.code for r in table.rows if r.code]
    return bool(codes) and all(len(c) in (3, 6) for c in codes) and any(len(c) == 6 for c in codes)


def _is_total_row(table: Table, row: Row) -> bool:
    return not row.code and (domain.TOTAL_LABEL.match(_label(row)) is not None or row is table.rows[0])


def _fact(reading: TableReading, row: Row, column: int, scope: str) -> Fact:
    amount = row.amounts[column]
    return Fact(reading.table, amount, row, reading.table.columns[column], scope, reading.holds(amount))


def adds_up_across(row: Row, identities: list[tuple[int, tuple[int, ...]]]) -> bool:
    """Does the row hold its table's column identities (合计 = 基本支出 + 项目支出 …) within rounding?"""
    for total, parts in identities:
        amount = row.amounts[total]
        present = [row.amounts[p].value for p in parts if row.amounts[p] is not None]
        if amount is not None and present and not adds_up(amount.value, present):
            return False
    return True




def renamed_codes(doc: Document) -> Iterator[tuple[str, tuple[Table, Row], tuple[Table, Row], str]]:
    """(code, its first row, a row naming it otherwise, that name as compared) for each function
    code two tables name
    differently: "20103 政府办公厅（室）及相关机构运行" and "…事务". Tables by unit and labels that
    took in digits of a cell beside them are left out, and a name cut short by the layout (one
    the start or, wrapped, the end of the other) is the same name."""
    named: dict[str, list[tuple[Table, Row]]] = {}
    for table in doc.tables:
        if table.kind not in SCOPES or _is_unit_table(table):
            continue
        for row in table.rows:
            if row.code and not row.truncated and len(row.code) in (3, 5, 7) and row.label \
                    and not _DIGIT.search(row.label):  # a label with digits took in a cell beside it
                named.setdefault(row.code, []).append((table, row))
    for code, found in sorted(named.items()):
        first = found[0]
        other = next(((table, row) for table, row in found[1:] if not _same_name(first[1], row)), None)
        if other is not None:
            yield code, first, other, row_name(other[1].label)


_SPENDING_SUFFIX = compile_lazily(r"支出$")


def row_name(label: str) -> str:
    """A row's name without spaces, brackets' width or a trailing 支出 (printed or not)."""
    text = _SPACE.sub("", label).replace("(", "（").replace(")", "）")
    return _SPENDING_SUFFIX.sub("", _ENUMERATOR.sub("", text))


def _same_name(first: Row, other: Row) -> bool:
    """Do two rows of one code name it alike? One name may stop short of the other (a label cut
    at the cell's edge); a label read from several lines may also carry, before the name, words
    of a wrapped cell beside it (a unit's name ending “…河办公室）”)."""
    a, b = row_name(first.label), row_name(other.label)
    if a == b or a.startswith(b) or b.startswith(a):
        return True
    wrapped = [row for row in (first, other) if row.location.end_line > row.location.line]
    return bool(wrapped) and (a.endswith(b) or b.endswith(a))
