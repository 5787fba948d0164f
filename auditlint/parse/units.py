"""The figures the tables print per budget unit (预算单位), by unit.

A department's 基本支出总表 and 项目支出总表 (and its 支出总表) may print, under the department's
row, a row per unit with no code, its economic classes or projects under it; the narrative then
has a section per unit that restates them ("二、深圳市劳动人事争议仲裁院 … 项目支出2,149.05万元").
A unit's row is known by the table's structure, as parse read it (hierarchy.py): a row without a
code that the department's first row adds up from, and that adds up from rows of its own. Each
unit's figures are indexed under the unit: its 项目支出 (its row of the project table, the 项目支出
column of its row in a table by unit), its 基本支出, its economic classes (the class rows under
it in the table of basic spending) and its projects (the rows under it in the project table).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cached_property

from auditlint.patterns import compile_lazily
from auditlint import domain
from auditlint.domain.concepts import CLASS_NAMES
from auditlint.domain.scope import TABLE_SCOPES, table_scope
from auditlint.domain.units import (CLASS_NAME_FILLERS, CLASS_TABLES, MAX_PLACE_PREFIX, MIN_UNIT_NAME, NAME_NOISE,
                                    PLACE_LEVELS, PROJECT_TABLES, SPENDING_TABLES, UNIT_QUANTITIES, UNIT_TOTAL_COLUMNS,
                                    UNIT_TOTAL_WORDS)
from auditlint.model import Document, Fact, Row, Table, TableReading
from auditlint.parse.hierarchy import rows_add_up


def unit_key(label: str) -> str:
    """A unit's name as the narrative and the tables both print it: no spaces or brackets."""
    return NAME_NOISE.sub("", label)


def class_key(name: str) -> str:
    """An economic class's name without the words the narrative and the tables print it with or
    without (对个人和家庭的补助支出 and 对个人和家庭的补助 are one class)."""
    return CLASS_NAME_FILLERS.sub("", name)


@dataclass(frozen=True)
class Units:
    """The budget units the tables print a row of, and each unit's figures.

    `labels`: each unit's name (its key, unit_key) and its label as printed; `whole`: the keys of
    the rows that are the whole department (a per-unit table's first row: the department, or its
    one unit); `figures`: by (unit, what it states), where what it states is a quantity (basic,
    project), a class (class_key of its name) or a project's name; `printed`: for each unit, the
    quantities the tables print a row of it for."""

    labels: dict[str, str]
    whole: frozenset[str]
    figures: dict[tuple[str, str], list[Fact]]
    printed: dict[str, frozenset[str]]

    def named(self, text: str) -> str | None:
        """The unit a text opens with (the longest name that fits), or None. The narrative may
        drop the city before the name (市建筑工务署本级 for 深圳市建筑工务署（本级）)."""
        opened = self.opening(text)
        return opened[0] if opened else None

    def opening(self, text: str) -> tuple[str, str] | None:
        """The unit a text opens with and the rest of the text (its key's characters gone), or
        None. A unit may also be named by its second name, in brackets (深圳城市职业学院
        （深圳技师学院））."""
        second = _SECOND_NAME.match(text.replace(" ", ""))
        if second is not None and unit_key(second.group(1)) in self.labels:
            return unit_key(second.group(1)), unit_key(text.replace(" ", "")[second.end():])
        text = unit_key(text)
        best: tuple[int, str] | None = None
        for key, forms in self._forms_by_first.get(text[:1], ()):
            length = next((len(form) for form in forms if text.startswith(form)), 0)
            if length and (best is None or length > best[0]):
                best = (length, key)
        return (best[1], text[best[0]:]) if best else None

    @cached_property
    def _forms_by_first(self) -> dict[str, list[tuple[str, tuple[str, ...]]]]:
        """Each unit's forms (_name_forms), by the character they start with: the units a text
        can open with are those of its first character (the narrative asks of every sentence,
        and a department may have dozens of units). Units in their order, forms longest first."""
        index: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        for key in self.labels:
            forms = _name_forms(key)
            for first in dict.fromkeys(form[0] for form in forms):
                index.setdefault(first, []).append((key, tuple(form for form in forms if form[0] == first)))
        return index

    def total_named(self, unit: str, subject: str) -> bool:
        """Does the subject name the unit's whole budget (深圳市劳动人事争议仲裁院预算)?"""
        opened = self.opening(subject)
        return opened is not None and opened[0] == unit and UNIT_TOTAL_WORDS.match(opened[1]) is not None

    def facts(self, unit: str, name: str) -> list[Fact]:
        """The unit's figures of a quantity, a class or a project (by its name as printed)."""
        name = NAME_NOISE.sub("", name)
        return self.figures.get((unit, name), []) or self.figures.get((unit, class_key(name)), [])


# A unit printed under its second name: the narrative's 深圳城市职业学院（深圳技师学院） is the
# tables' 深圳技师学院 (one body with two names, the second in brackets).
_SECOND_NAME = compile_lazily(r"^[^（(]{2,}[（(]([^）)]{%d,})[)）]" % MIN_UNIT_NAME)

NO_UNITS = Units({}, frozenset(), {}, {})


def _name_forms(key: str) -> list[str]:
    """The forms a unit's name `key` may open a text with, longest first: the name whole, and
    the name from a character of an administrative level near its start (市…), long enough to
    name a unit."""
    return [key, *(key[index:] for index in range(1, min(MAX_PLACE_PREFIX, len(key)))
                   if key[index] in PLACE_LEVELS and len(key) - index >= MIN_UNIT_NAME)]


def index_units(doc: Document, readings: dict[int, TableReading]) -> Units:
    """Every unit row of the per-unit tables, with the figures it and the rows under it state."""
    labels: dict[str, str] = {}
    whole: set[str] = set()
    figures: dict[tuple[str, str], list[Fact]] = {}
    printed: dict[str, set[str]] = {}
    for table in doc.tables:
        reading = readings.get(id(table))
        if reading is None or not _by_unit(table):
            continue
        children = {id(parent): list(rows) for parent, rows in reading.families}
        for unit, is_whole, below in unit_rows(table, children):
            key = unit_key(unit.label)
            if len(key) < MIN_UNIT_NAME:
                continue
            labels.setdefault(key, unit.label.replace(" ", ""))
            if is_whole:
                whole.add(key)
            for name, fact in _unit_figures(table, unit, below):
                figures.setdefault((key, name), []).append(fact)
                if name in UNIT_QUANTITIES:
                    printed.setdefault(key, set()).add(name)
    return Units(labels, frozenset(whole), figures, {k: frozenset(v) for k, v in printed.items()})


def _by_unit(table: Table) -> bool:
    """Can the table print a unit's quantities? A one-sided table whose total column states one
    (项目支出总表), or whose columns name them (支出总表: 基本支出 | 项目支出)."""
    if table.side or not table.rows or table.kind not in TABLE_SCOPES and table.kind not in UNIT_TOTAL_COLUMNS:
        return False
    return table.kind in UNIT_TOTAL_COLUMNS or \
        bool(UNIT_QUANTITIES & set(domain.column_quantities(table.columns, table.kind).values()))


def unit_rows(table: Table, children: dict[int, list[Row]]) -> list[tuple[Row, bool, list[Row]]]:
    """The unit rows of a table, each with whether it is the whole department and the rows
    under it: the first row, without a code, is the department's; the rows without a code it
    adds up from are its units, each adding up from rows of its own. A first row that adds up
    from economic classes, codes or projects is the department's one unit; so is a first row
    that the flat rows under it (a project table of one unit) add up to in every column."""
    first = table.rows[0]
    if first.code or not first.readable or domain.TOTAL_LABEL.match(unit_key(first.label)):
        return []
    below = children.get(id(first), [])
    if not below:
        return _flat_units(table) if table.kind in PROJECT_TABLES else []
    units = [row for row in below if not row.code and id(row) in children and not _is_class(row)]
    if units and len(units) == len(below):
        # the department's row over its units has no classes or projects of its own
        return [(first, True, []), *((row, False, children[id(row)]) for row in units)]
    return [(first, True, below)] if not units else []


def _flat_units(table: Table) -> list[tuple[Row, bool, list[Row]]]:
    """The units of a project table printed flat, without codes or indents (a text): the first
    row over the rest when they add up to it (one unit), else the department's row over units
    that each add up from the projects under them till the next unit's row, the units adding up
    to the department in every column. Read from the top: a unit's projects end where they first
    add up to it."""
    first, rest = table.rows[0], list(table.rows[1:])
    if not rest or not all(r.readable and not r.code and r.amounts for r in rest):
        return []
    if rows_add_up(first, rest):
        return [(first, True, rest)]
    units: list[tuple[Row, bool, list[Row]]] = []
    index = 0
    while index < len(rest):
        unit, parts = rest[index], []
        index += 1
        while index < len(rest) and not (parts and rows_add_up(unit, parts)):
            parts.append(rest[index])
            index += 1
        if not parts or not rows_add_up(unit, parts):
            return []
        units.append((unit, False, parts))
    if len(units) < 2 or not rows_add_up(first, [unit for unit, _, _ in units]):
        return []
    return [(first, True, []), *units]


_CLASSES = frozenset(class_key(name) for name in CLASS_NAMES)


def _is_class(row: Row) -> bool:
    """Is the row an economic or function class (工资福利支出 …), named as a narrative would?"""
    return class_key(row.label.replace(" ", "")) in _CLASSES


def unit_quantities(table: Table) -> dict[int, str]:
    """The quantities of a unit (UNIT_QUANTITIES) the columns of a table by unit state, by
    column: its total column's (a 项目支出表's 总计 is the unit's 项目支出) or those its columns
    name (支出总表 by unit: 基本支出, 项目支出), a total only in a table of spending."""
    quantities = dict(domain.column_quantities(table.columns, table.kind))
    if table.kind in UNIT_TOTAL_COLUMNS:
        quantities = {0: UNIT_TOTAL_COLUMNS[table.kind]}
    return {column: quantity for column, quantity in quantities.items()
            if quantity in UNIT_QUANTITIES and (quantity != "total" or table.kind in SPENDING_TABLES)}


def _unit_figures(table: Table, unit: Row, below: list[Row]) -> list[tuple[str, Fact]]:
    """What a unit's row and the rows under it state: the quantity of the table's total column
    (a 项目支出表's 总计 is the unit's 项目支出), the quantities its columns name (支出总表 by
    unit: 基本支出, 项目支出), its classes (a table of basic spending) and its projects (a
    project table), each name under the unit only when printed once there."""
    scope = table_scope(table.kind)
    found: list[tuple[str, Fact]] = []
    for column, quantity in unit_quantities(table).items():
        if column < len(unit.amounts) and unit.amounts[column] is not None:
            found.append((quantity, Fact(table, unit.amounts[column], unit, table.columns[column], scope)))
    if table.kind in CLASS_TABLES:
        names = [class_key(row.label.replace(" ", "")) for row in below]
    elif table.kind in PROJECT_TABLES:
        names = [NAME_NOISE.sub("", row.label) for row in below]
    else:
        return found
    once = Counter(names)
    for name, row in zip(names, below):
        if once[name] == 1 and row.readable and row.amounts and row.amounts[0] is not None and name not in UNIT_QUANTITIES:
            found.append((name, Fact(table, row.amounts[0], row, table.columns[0], scope)))
    return found
