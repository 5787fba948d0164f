"""What the tables state, by the name the narrative would use for it.

A sentence restates a table figure by naming it: a function or economic class (卫生健康支出), a
project, one of the document's totals (基本支出, 项目支出…), or a column of a one-row table (the
三公 table's 公务接待费). Only names that mean one thing in a document are indexed: names of 款
and 项 and of sub-items recur under other units and parents.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from decimal import Decimal

from typing import Iterable, Iterator, Sequence

import regex

from auditlint.patterns import compile_lazily
from auditlint import domain
from auditlint.model import Amount, Claim, Document, Fact, Link, Paragraph, Row, Sentence, Split, Table
from auditlint.parse.claims import FIGURE
from auditlint.agreement import fact_in_wan_yuan
from auditlint.domain.concepts import (CLASS_LEVEL_MARK, CLASS_NAMES, COLUMN_TOTAL_NAMES, CONCEPTS, FIGURE_NAMES, NAMED_BY_COLUMN, ONE_TABLE_QUANTITIES,
                                       SHORT_ROW_NAMES, TOTAL_SPENDING_TABLES, WHOLE_TABLE_TOTALS)
from auditlint.domain.departments import LEADING_NAME
from auditlint.domain.scope import ALL, FISCAL, GPB, SCOPE_WORDS, TABLE_SCOPES, UNKNOWN, column_scope, table_scope
from auditlint.domain.units import UNIT_QUANTITIES
from auditlint.parse.context import Context, context_of, is_earlier, scoped, unit_sections
from auditlint.parse.units import NO_UNITS, Units
from auditlint.parse.wording import CleanText

_YEAR_PREFIX = compile_lazily(r"^\d{4}年")
_LEADING = compile_lazily(r"^(?:其中|包括|主要是|主要|安排|全年|本年|当年|年度|年|部门|单位|本部门|本单位)+")
_ENUMERATOR = compile_lazily(r"^(?:[一二三四五六七八九十廿]+、|[（(][一二三四五六七八九十廿\d]+[)）]|\d+[、.．])")
_SPACE = compile_lazily(r"[\s“”‘’\"']+")  # also quotes: 三公 is printed “三公”, '三公' or bare
MIN_LABEL = 4  # a row label of fewer characters (合计, 其他) names nothing the narrative restates
_TABLE_TOTAL = compile_lazily(r"^(?:合计|总计)$")
# Headers of a table printed in blocks (2025年预算数 | 2026年预算数, 预算数 | 决算数), each with its 合计.
_BLOCK_HEADER = compile_lazily(r"\d{4}年|预算数|决算数")
_GPB_OR_TOTAL = compile_lazily(r"一般公共预算|财政拨款|合计|总计|小计|财政指标")


_STATED_AS = compile_lazily(r"(?:财政拨款)?(?:支出)?(?:(?P<stated>预算|决算)(?:数|安排)?)?")
_BUDGET_OR_ACTUAL = compile_lazily(r"预算|决算")


def figure_name(subject: str) -> tuple[str, str | None]:
    """The name a subject is indexed under, and whether it says the figure is a budget (预算)
    or an actual (决算); a subject of no other name is its own name."""
    for pattern, name in FIGURE_NAMES:
        match = pattern.match(subject)
        # what follows the name may only say which figure it is: 机关运行经费结余 is another one
        stated = _STATED_AS.fullmatch(subject, match.end()) if match else None
        if stated is not None:
            return name.format(**match.groupdict()), stated.group("stated")
    return subject, None


def _states_as(table: Table, stated: str | None) -> bool:
    """Can the table's figure be what the narrative states as a budget or an actual? Not when
    the table's title says it is the other (a 预算表's figure is no 决算)."""
    said = _BUDGET_OR_ACTUAL.findall(table.title)
    return stated is None or not said or stated in said


def normalise(label: str) -> str:
    """A subject or row label reduced to its words: no spaces, numbering, year, filler words,
    classification level marks, or the department's name before 本年."""
    text = _ENUMERATOR.sub("", CLASS_LEVEL_MARK.sub("", _SPACE.sub("", label)))
    text = LEADING_NAME.sub("", _YEAR_PREFIX.sub("", text))
    return _LEADING.sub("", text)


@dataclass(frozen=True)
class Figures:
    """What the tables state, by name: each row under its label, each of the document's totals
    under its quantity (total, basic, project, personnel, public)."""

    rows: dict[str, list[Fact]]
    totals: dict[str, list[Fact]]
    single_scope: bool  # all the department's money is this year's 一般公共预算

    def get(self, subject: str) -> list[Fact]:
        """The figures of the row a subject names (卫生健康支出, a project)."""
        return self.rows.get(subject, [])

    def total(self, subject: str, scope: str) -> list[Fact]:
        """The figures of the document's total a subject names (项目支出), of the money of `scope`
        (a subject that says 一般公共预算 is of that money whatever its sentence). A table of
        another scope states the same figure only when the department has no other money; a
        total of all funds may also be a row of a two-sided table (一、基本支出)."""
        named = SCOPE_WORDS.match(subject)
        scope = named.lastgroup if named else scope
        if scope == ALL and subject in self.rows:
            return self.rows[subject]
        quantity = _quantity(subject)
        if quantity is None or scope not in TABLE_SCOPES.values():
            return []
        return [f for f in self.totals.get(quantity, []) if self.single_scope or TABLE_SCOPES.get(f.table.kind, ALL) == scope]

    def states_in_another_scope(self, subject: str, value: Decimal, named: list[Fact]) -> bool:
        """Does a table of another scope than the `named` figures' print this value for the total
        the subject names? Then the narrative speaks of that scope's money (its sentence did not
        say so), and no contradiction can be claimed."""
        quantity = _quantity(subject)
        own = {id(f) for f in named}
        return quantity is not None and any(f.amount.value == value and id(f) not in own
                                            for f in self.totals.get(quantity, []))


def _quantity(subject: str) -> str | None:
    """The quantity (total, basic, project, personnel, public) a subject names, if any."""
    return next((quantity for pattern, quantity in CONCEPTS if pattern.match(subject)), None)


def index_figures(doc: Document) -> Figures:
    """Every figure the tables state under a name: each row by its label, in the table's total
    column; the document's totals from the total rows of the tables of expenditure."""
    rows: dict[str, list[Fact]] = {}
    totals: dict[str, list[Fact]] = {}
    for table in doc.tables:
        if table.kind == "performance" or not table.rows:
            continue
        quantities = domain.column_quantities(table.columns, table.kind)
        total_column = 0 if table.side or quantities.get(0) in ("total", "basic") else None
        labels = [normalise(r.label) for r in table.rows]  # each row's, once
        printed = Counter(labels)
        for index, row in enumerate(table.rows):
            if not row.readable:
                continue
            label = labels[index]
            is_total = domain.TOTAL_LABEL.match(label) is not None or (index == 0 and not row.code and not table.side)
            if total_column is not None and row.amounts and row.amounts[total_column] is not None \
                    and len(label) >= MIN_LABEL and not is_total and printed[label] == 1 and _names_one_thing(table, row):
                rows.setdefault(label, []).append(Fact(table, row.amounts[total_column], row, table.columns[total_column], table_scope(table.kind)))
            if is_total and not table.side and table.kind in TABLE_SCOPES:
                for column, quantity in quantities.items():
                    amount = row.amounts[column]
                    if amount is not None and (quantity != "total" or table.kind in TOTAL_SPENDING_TABLES):
                        totals.setdefault(quantity, []).append(Fact(table, amount))
            short = SHORT_ROW_NAMES.get(table.kind)
            named = short[0].match(label) if short else None
            if named and total_column is not None and row.amounts and row.amounts[total_column] is not None:
                rows.setdefault(short[1].format(**named.groupdict()), []).append(
                    Fact(table, row.amounts[total_column], row, table.columns[total_column], table_scope(table.kind)))
            side_total = _side_total(table, label)
            if side_total is not None and row.amounts and row.amounts[0] is not None:
                totals.setdefault(side_total, []).append(Fact(table, row.amounts[0], row))
            if table.kind == "income" and label == "合计" and row.amounts and row.amounts[0] is not None:
                totals.setdefault("income", []).append(Fact(table, row.amounts[0], row))
        first = table.rows[0]
        if table.kind in WHOLE_TABLE_TOTALS and quantities.get(0) == "total" and first.readable and first.amounts \
                and first.amounts[0] is not None and domain.TOTAL_LABEL.match(normalise(first.label)):
            totals.setdefault(WHOLE_TABLE_TOTALS[table.kind], []).append(Fact(table, first.amounts[0], first))
        if table.kind in NAMED_BY_COLUMN and len(table.rows) == 1 and first.readable:
            earlier = domain.prior_columns(table.columns)  # a block of the year before (2025年预算数/公务接待费)
            for index, (name, amount) in enumerate(zip(table.columns, first.amounts)):
                label, _ = figure_name(normalise(name.rpartition("/")[2]))
                if amount is not None and index not in earlier and len(label) >= MIN_LABEL \
                        and not any(p.match(label) for p, _ in CONCEPTS):
                    rows.setdefault(label, []).append(Fact(table, amount))
            total = first.amounts[0] if first.amounts else None
            if table.kind in COLUMN_TOTAL_NAMES and total is not None and _one_total_column(table):
                rows.setdefault(COLUMN_TOTAL_NAMES[table.kind], []).append(Fact(table, total, first))
    return Figures(rows, totals, has_single_scope(doc))


# The totals of a two-sided table's sides: the year's income or spending (本年收入合计) and the
# whole with carry-overs (收入总计). A narrative's 收入预算 or 支出预算 is one of them; when the two
# differ (money carried over), the tables disagree on it and nothing is claimed.
_SIDE_TOTALS = {"收入": "income", "支出": "total"}


def _side_total(table: Table, label: str) -> str | None:
    """The document total a row of a two-sided table of all funds or 财政拨款 states, if any."""
    if table.kind not in ("summary", "fiscal_summary") or table.side not in _SIDE_TOTALS:
        return None
    if domain.YEAR_TOTAL.match(label) or domain.GRAND_TOTAL.match(label):
        return _SIDE_TOTALS[table.side]
    return None


def _one_total_column(table: Table) -> bool:
    """Is the first column the one total of the table? Not when the header is printed in blocks
    of years or of budget and actual, each with a 合计 of its own."""
    totals = [c for c in table.columns if _TABLE_TOTAL.match(normalise(c.rpartition("/")[2]))]
    return bool(table.columns) and _TABLE_TOTAL.match(normalise(table.columns[0])) is not None \
        and len(totals) == 1 and not any(_BLOCK_HEADER.search(c) for c in table.columns)


def has_single_scope(doc: Document) -> bool:
    """True when all the department's money is 一般公共预算 of this year: its income table's total
    row (or the income side of its 收支总表) has nothing in any other source or carry-over. A
    column counts by its most specific words (财政拨款收入/政府性基金预算 is 政府性基金 money);
    a 财政拨款 column that names no fund under it is taken for 一般公共预算. The total row is the
    one labelled 合计 (first or last, as cities print it), else the first."""
    for table in doc.tables:
        if table.kind == "income" and table.rows:
            row = next((r for r in table.rows if domain.TOTAL_LABEL.match(r.label)), table.rows[0])
            others = [a for column, a in zip(table.columns, row.amounts)
                      if a is not None and a.value != 0 and column_scope(column) not in _ONE_SCOPE]
            return not others
    for table in doc.tables:
        if table.kind == "summary" and table.side == "收入":
            others = [r for r in table.rows if r.amounts and r.amounts[0] is not None and r.amounts[0].value != 0
                      and not _is_gpb_or_total(r.label)]
            return not others
    return False


def _is_gpb_or_total(name: str) -> bool:
    return bool(_GPB_OR_TOTAL.search(_SPACE.sub("", name)))


# The scopes of an income column that leave all the money 一般公共预算: its own, a 财政拨款
# column that names no fund, and a total.
_ONE_SCOPE = frozenset({GPB, FISCAL, ALL})


_TOP_LEVEL = compile_lazily(r"^\s*[一二三四五六七八九十廿]+、")


def _names_one_thing(table: Table, row: Row) -> bool:
    """Rows whose name means the same wherever the narrative uses it: a function or economic class
    (a 3-digit code), the first level of a two-sided table, a project of a 项目支出表. Names of 款
    and 项, and of sub-items (一般公共预算拨款 under 上年结转), recur under other parents."""
    if table.kind == "project":
        return not row.code
    if table.side:
        return bool(_TOP_LEVEL.match(row.label))
    return len(row.code) == 3


# The document's totals (基本支出, 项目支出 …) are restated by several tables; a narrative total is
# held against them only when at least this many tables of its scope print it.
MIN_TABLES_FOR_A_TOTAL = 2
# The words a sentence may end a total's name with (项目支出总额): the name is the same total's.
_TOTAL_SUFFIX = compile_lazily(r"(?:总额|总计|合计|总数)$")


def printed_enough(subject: str, found: list[Fact]) -> bool:
    """Do enough tables print the total a subject names to hold the narrative to it: two, or
    the one table that states that total at all (政府采购预算表)?"""
    return _quantity(subject) in ONE_TABLE_QUANTITIES or len({id(f.table) for f in found}) >= MIN_TABLES_FOR_A_TOTAL


def named_total(figures: Figures, name: str, scope: str) -> Fact | None:
    """The tables' figure of the total a name means (一般公共预算项目支出总额), of the money of
    `scope` unless the name says: when enough tables of that scope print it, all alike."""
    subject = normalise(_TOTAL_SUFFIX.sub("", name))
    if not is_concept(subject) or scope == UNKNOWN:
        return None
    found = figures.total(subject, scope)
    if not found or not printed_enough(subject, found) or len({fact_in_wan_yuan(f)[0] for f in found}) != 1:
        return None
    return found[0]


def narrative_total(links: Sequence[Link], name: str, single_scope: bool) -> list[Amount]:
    """The narrative's statements of the total a name means (一般公共预算项目支出总额) where no
    table prints it: every amount the narrative states for it, when they are one figure. A
    statement of the total without the name's money (项目支出) counts when all the money is the
    one the name says (`single_scope`)."""
    subject = normalise(_TOTAL_SUFFIX.sub("", name))
    core = _MONEY_PREFIX.sub("", subject)
    stated = [link.amount for link in links if link.reason == NO_TABLE and not link.budget_unit
              and (link.subject == subject or single_scope and _MONEY_PREFIX.sub("", link.subject) == core)]
    return stated if stated and len({a.value for a in stated}) == 1 else []


def narrative_single_scope(claims: Sequence[Claim], year: int | None) -> bool:
    """Does the narrative say all the year's income is 财政拨款 (a 财政拨款 that names no fund taken
    for 一般公共预算, as has_single_scope does for tables): a complete split of its income sources
    whose parts other than that one are all 0 ("573.15 = 财政拨款收入 573.15 + 事业收入 0 + …")."""
    for claim in claims:
        if not isinstance(claim, Split) or not claim.complete or claim.year != year or len(claim.parts) < 2:
            continue
        if not all(part.label.endswith("收入") for part in claim.parts):
            continue
        spent = [part for part in claim.parts if part.amount.value != 0]
        if len(spent) == 1 and SCOPE_WORDS.search(spent[0].label) and \
                SCOPE_WORDS.search(spent[0].label).lastgroup in ("gpb", "fiscal"):
            return True
    return False


# The money a total's name starts with (一般公共预算项目支出): what is left names the quantity.
_MONEY_PREFIX = compile_lazily(r"^(?:一般公共预算(?:财政拨款)?|财政拨款)")


# A name the narrative gives this many different amounts names no single figure: per-unit
# paragraphs ("本级…项目支出9,866.11万元", "中心…项目支出1,421.35万元") or per-year ones.
AMBIGUOUS_VALUES = 3


# What every amount of money the narrative states ends with (万元, 元).
MONEY_UNIT = "元"

# Why a narrative amount that names a quantity is not linked to the table figures it restates.
EARLIER_YEAR = "an earlier year's figure"
MONEY_UNKNOWN = "its money is not named in its sentence"
ANOTHER_SCOPE = "a table of another money prints it"
NO_TABLE = "no table prints it"
OTHER_MONEY = "the tables print it only for another money"
SEVERAL_AMOUNTS = "the narrative gives the name several amounts"
ONE_TABLE = "one table only prints that total"
TABLES_DISAGREE = "the tables disagree on it"
UNPROVEN_COLUMN = "no sum of its table proves its column"
UNIT_UNPRINTED = "its unit's figures are not printed"
CATEGORY = "its unit's spending by category, which need not be its economic class"


def narrative_links(figures: Figures, year: int | None, sentences: Iterable[tuple[Paragraph, Sentence, CleanText]],
                    pattern: regex.Pattern = FIGURE, sections: dict[int, str] | None = None,
                    units: Units = NO_UNITS, unit_of: dict[tuple[int, int], str] | None = None) -> list[Link]:
    """Every amount of money of the narrative (as `pattern` finds it, with a `subject` and an
    `amount` group, in 万元 or 元) whose subject names a quantity (one of the document's totals, a figure the tables name
    in a row or a column, a 类 of the classifications), with the table figures it restates or why
    it has none. Amounts about an earlier year than the document's are not the tables' figures;
    one of the document's totals (基本支出 …) is the total of the money its sentence speaks of
    (see context.py), and when the sentence does not say, it is not linked; a subject the
    narrative gives several different amounts names no single figure. An amount in the section
    of one of the department's budget units (see context.unit_sections) restates that unit's
    figures (unit_link); in the section of the department's own row, the department's too.
    `unit_of` gives those sections when the caller has found them (unit_sections of `sentences`)."""
    links: list[Link] = []
    sentences = list(sentences)
    if unit_of is None:
        unit_of = unit_sections(sentences, units.named) if units.labels else {}
    money_of = sections or {}
    # A subject the narrative names again and again is linked to the same figures each time: found
    # once per name and money, and shared, or a long document costs the square of its length.
    found_for: dict[tuple[str, str | None, str], tuple[Fact, ...]] = {}
    elsewhere: dict[tuple[str, Decimal, str], bool] = {}
    for paragraph, sentence, clean in sentences:
        if MONEY_UNIT not in clean.text:
            continue  # states no amount of money: most sentences, which the pattern is slow to rule out
        unit = unit_of.get((id(paragraph), sentence.start))
        for match in pattern.finditer(clean.text):
            amount = clean.amount(paragraph, match, "amount")
            subject = normalise(match.group("subject"))
            context = None  # read only for an amount that names a quantity: most do not
            if unit is not None:
                context = context_of(paragraph, amount.location, year, money_of.get(id(paragraph)))
                link = unit_link(figures, units, unit, subject, amount, context, year)
                # the section of the department's row (or of its one unit) may also restate
                # the department's figures as the rest of the narrative does
                if unit not in units.whole or link is not None and link.linked:
                    links.extend([link] if link is not None else [])
                    continue
            concept = is_concept(subject)
            stated = None
            if not concept:
                subject, stated = figure_name(subject)
                if not figures.get(subject) and subject not in CLASS_NAMES:
                    continue  # names no quantity a table could print
            context = context or context_of(paragraph, amount.location, year, money_of.get(id(paragraph)))
            if is_earlier(context.year, year):
                links.append(Link(subject, amount, (), EARLIER_YEAR))
            elif not concept:
                key = (subject, stated, context.scope)
                if key not in found_for:
                    found_for[key] = _of_its_money([f for f in figures.get(subject) if _states_as(f.table, stated)],
                                                   context.scope, figures.single_scope)
                found = found_for[key]
                links.append(Link(subject, amount, found, "" if found else NO_TABLE))
            elif context.scope == UNKNOWN:
                links.append(Link(subject, amount, (), MONEY_UNKNOWN))
            else:
                key = (subject, None, context.scope)
                if key not in found_for:
                    found_for[key] = tuple(figures.total(subject, context.scope))
                found = found_for[key]
                seen = (subject, amount.value, context.scope)
                if seen not in elsewhere:
                    elsewhere[seen] = figures.states_in_another_scope(subject, amount.value, list(found)) and \
                        amount.value not in {f.amount.value for f in found}
                another = elsewhere[seen]
                absent = OTHER_MONEY if figures.totals.get(_quantity(subject)) else NO_TABLE
                links.append(Link(scoped(subject, context.scope), amount, found,
                                  ANOTHER_SCOPE if another else "" if found else absent))
    values: dict[str, set] = {}
    for link in links:
        if link.linked:
            values.setdefault(link.subject, set()).add(link.amount.value)
    return [replace(link, reason=SEVERAL_AMOUNTS) if link.linked and len(values[link.subject]) >= AMBIGUOUS_VALUES
            else link for link in links]


def unit_link(figures: Figures, units: Units, unit: str, subject: str, amount: Amount, context: Context,
              year: int | None) -> Link | None:
    """The link of an amount in a budget unit's section to the unit's own figures (its row of
    the project table for its 项目支出, the class rows under it for a class, the project rows
    under it for a project), never to the department's; None when the subject names no quantity.
    A total of the unit (基本支出, 项目支出) is of the money its sentence names, as a department's
    is; the unit's other totals (人员经费, 公用经费 …) no per-unit table prints."""
    label = units.labels[unit]
    opened = units.opening(subject)
    if opened is not None and opened[0] == unit and opened[1] and not units.total_named(unit, subject):
        subject = normalise(opened[1])  # 示范中心项目支出: the unit's 项目支出
    quantity = "total" if units.total_named(unit, subject) else _quantity(subject)
    if quantity == "total":
        subject = "预算"
    stated = None
    if quantity is None:
        subject, stated = figure_name(subject)
    found = units.facts(unit, quantity or subject)
    if quantity is None and not found and not figures.get(subject) and subject not in CLASS_NAMES:
        return None  # names no quantity a table could print
    named = SCOPE_WORDS.match(subject)
    scope = named.lastgroup if named else context.scope
    name = f"{scoped(subject, scope) if quantity else subject} [{label}]"
    printed = units.printed.get(unit, frozenset())
    if is_earlier(context.year, year):
        return Link(name, amount, (), EARLIER_YEAR, label)
    if quantity is None and subject in CLASS_NAMES:
        # a unit's 基本支出 is told by category (在职人员经费, 公用经费, 对个人和家庭的补助支出),
        # which may cut across the classes: both add up to the unit's 基本支出, yet part of the
        # 对个人和家庭的补助 class can be counted in 公用经费. No class of a unit is claimed.
        return Link(name, amount, (), CATEGORY if "basic" in printed else UNIT_UNPRINTED, label)
    if quantity is None:
        if not found:  # a unit of no rows: not printed
            return Link(name, amount, (), NO_TABLE if printed else UNIT_UNPRINTED, label)
        facts = _of_its_money([f for f in found if _states_as(f.table, stated)], scope, figures.single_scope)
        return Link(name, amount, facts, "" if facts else NO_TABLE, label)
    if quantity not in UNIT_QUANTITIES:
        return Link(name, amount, (), NO_TABLE, label)
    if quantity not in printed:
        return Link(name, amount, (), UNIT_UNPRINTED, label)
    if scope == UNKNOWN:
        return Link(name, amount, (), MONEY_UNKNOWN, label)
    facts = tuple(f for f in found if figures.single_scope or f.scope == scope)
    return Link(name, amount, facts, "" if facts else OTHER_MONEY, label)


def _of_its_money(found: list[Fact], scope: str, single_scope: bool) -> tuple[Fact, ...]:
    """The figures of a named row (a class, a project) that speak of the money its sentence speaks
    of: tables of one scope each print a class's figure of their own money (卫生健康支出 of all
    funds in the 支出总表, of 一般公共预算 in its table), which differ where the department has
    other money. Tables of every scope, when they all agree or all the money is one; but a
    figure of a part of the money (一般公共预算) only from a table of that part."""
    if single_scope or scope == UNKNOWN:
        return tuple(found)
    own = tuple(f for f in found if f.scope == scope)
    if scope != ALL:
        return own  # a part of the money (一般公共预算拨款政府采购…货物预算480.50) is no figure of all funds
    return tuple(found) if len({f.amount.value for f in found}) <= 1 else own


def named_figures(figures: Figures, year: int | None, sentences: Iterable[tuple[Paragraph, Sentence, CleanText]],
                  pattern: regex.Pattern = FIGURE, sections: dict[int, str] | None = None,
                  units: Units = NO_UNITS, unit_of: dict[tuple[int, int], str] | None = None
                  ) -> Iterator[tuple[str, Amount, list[Fact]]]:
    """Each amount of the narrative whose subject names figures of the tables: the subject, the
    amount, those figures (the linked ones of narrative_links)."""
    yield from ((link.subject, link.amount, list(link.facts))
                for link in narrative_links(figures, year, sentences, pattern, sections, units, unit_of) if link.linked)


def is_concept(subject: str) -> bool:
    """Does the subject name one of the document's totals (基本支出, 项目支出 …)?"""
    return _quantity(subject) is not None
