"""What a document keeps for the checks across documents (its Ledger): the few facts another
document can be held to, read in the document's own child process, from what parse read once.

- Its own figures: every amount its tables print of its year and kind (a budget's 本年, a final
  account's 决算数), keyed by what it is, whatever the year: the row's code (2010201), else its
  name when its table prints it once (基本支出, 因公出国（境）费 of a one-row table), the quantity
  its column states (total, basic, project …) and the money it is of; and its totals
  (=total, =basic, =project …) as the narrative names them (auditlint.parse.figures), and, a
  unit's own document, as its tables' 合计 rows print them (for its department's row of it).
- What it states of another year or stage: a column of the year before (上年预算数, 2025年执行数)
  or of its year's budget (a final account's 年初预算数, 调整预算数), under the key of its row; and
  the base of each change its narrative states (this year's amount less the change, or the prior
  amount it names), under the keys of the table figures this year's amount restates, with the
  year and stage the comparison names (比上年预算, 与上年相比, 比2017年执行数); this year's amount
  of each figure it states unchanged (与上年预算数一致, 与上年相同, 与上年持平), which is that year's
  too; and a final account's 年初预算 its sentences state beside what was spent (年初预算为X万元，
  支出决算为Y万元), under the key of the table figure of Y its words name.
- What its tables by unit print of each budget unit (its 基本支出, 项目支出, projects), under the
  unit's key (auditlint.domain.departments), for the unit's own document.

A figure keeps its location, its value in 万元 with its rounding, and the doubts that keep it
from proving an error (its table not trusted, its stage not said). Nothing else of the document
is kept: a ledger is a few kilobytes whatever the document's size.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import replace
from decimal import Decimal
from itertools import count
from typing import Iterator

import regex

from auditlint import domain
from auditlint.agreement import change_base, fact_in_wan_yuan, figure_radius, to_the_cent, claim_amounts
from auditlint.domain.across import (COMPARISON, COLUMN_NOISE, INITIAL, INITIAL_AND_FINAL, OWN_BASIS, UNCHANGED, basis_of,
                                     year_of)
from auditlint.domain.departments import department_key
from auditlint.domain.scope import ALL, TABLE_SCOPES, UNKNOWN
from auditlint.domain.units import UNIT_QUANTITIES
from auditlint.model import BUDGET, FINAL, Amount, Change, Document, Doubt, Fact, Ledger, Paragraph, Sentence, Stated
from auditlint.parse.claims import bare_changes
from auditlint.parse.context import context_of
from auditlint.parse.figures import MIN_LABEL, normalise
from auditlint.parse.numbers import parse_amount
from auditlint.parse.units import unit_quantities
from auditlint.parse.profile import Profile

# A column of a one-row table names its figure in as few characters (会议费, 培训费).
MIN_COLUMN_NAME = 3
# The level of a budget unit's own document (auditlint.parse.profile).
UNIT_LEVEL = "单位"

# Why a figure cannot prove an error across documents.
OFF_ITS_SUMS = Doubt("sums", "该数不合其所在表的勾稽", "it breaks a sum of its own table")
STAGE_UNSAID = Doubt("stage", "未说明是上年预算数还是执行数", "its words do not say whether it is the budget or what was spent")
BUDGET_OR_ADJUSTED = Doubt("stage", "决算中的“预算数”可能是调整后预算", "a final account's 预算数 may be the adjusted budget")


def ledger(doc: Document, found: Profile) -> Ledger | None:
    """The ledger of a parsed document, or None when its kind or year is not known (nothing of
    it can then be placed against another document)."""
    basis = OWN_BASIS.get(found.kind)
    if basis is None or found.year is None:
        return None
    name = found.department.name if found.department else ""
    reader = _Reader(doc, found.year, basis)
    figures = (*reader.table_figures(), *reader.totals(), *reader.change_bases(), *reader.unchanged_bases(),
               *reader.initial_budgets(), *reader.unit_figures(),
               *(reader.total_rows() if found.level == UNIT_LEVEL else ()))
    kept = Ledger(doc.paths, name, department_key(name) if name else "", found.level, found.kind, found.year,
                  tuple(dict.fromkeys(figures)))
    return replace(kept, figures=_held_to(kept))


def _held_to(kept: Ledger) -> tuple[Stated, ...]:
    """A ledger's figures with its own reduced to those a statement can be held to
    (auditlint.agreement.restatement_verdict): of a key the document prints with one value, one
    figure, the first in no doubt, else the first (the same code in three tables of one money
    is one figure); of a key it prints with several values (tables by unit that restart their
    codes in each unit's part), none. Its statements are all kept, each at its own place."""
    chosen: dict[tuple[str, str, str, str], Stated] = {}
    several: set[tuple[str, str, str, str]] = set()
    for figure in kept.figures:
        if not kept.is_own(figure):
            continue
        first = chosen.setdefault(figure.key, figure)
        if figure.value != first.value:
            several.add(figure.key)
        elif first.doubts and not figure.doubts:
            chosen[figure.key] = figure
    one = {id(figure) for key, figure in chosen.items() if key not in several}
    return tuple(figure for figure in kept.figures if not kept.is_own(figure) or id(figure) in one)


class _Reader:
    """Reads one document's statements (see the module's docstring)."""

    def __init__(self, doc: Document, year: int, basis: str) -> None:
        self.doc, self.year, self.basis = doc, year, basis
        self.facts = doc.facts
        self.groups = count(1)
        self.by_location = {fact.amount.location: fact for fact in self.facts.table_facts}
        # asked once per amount the narrative changes: made once, or a long document costs the
        # square of its length
        self._links_at: dict[object, list] = {}
        for link in self.facts.links:
            if link.linked:
                self._links_at.setdefault(link.amount.location, []).append(link)
        # a table's row labels and column names come again with each of its figures: each is
        # normalised once, and each column read once (_quantity_of, _when)
        self._names: dict[str, str] = {}
        self._quantities: dict[tuple[str, str], str] = {}
        self._whens: dict[tuple[str, str], tuple[int, str, tuple[Doubt, ...]] | None] = {}
        self._labels = {id(table): Counter(self._normalised(row.label) for row in table.rows) for table in self.doc.tables}
        self._in_wan: dict[int, tuple[Fact, tuple[Decimal, Decimal]]] = {}  # by the fact's id (_wan_of)
        self._this_year: dict[object, list[Fact]] = {}  # this year's table figures by their value in 万元
        for fact in self.facts.table_facts:
            if fact.year == "current":
                self._this_year.setdefault(self._wan_of(fact)[0], []).append(fact)
        self._totals_at: dict[object, list[str]] = {}
        for quantity, found in self.facts.figures.totals.items():
            for location in dict.fromkeys(f.amount.location for f in found):
                self._totals_at.setdefault(location, []).append(quantity)

    # -- the tables -----------------------------------------------------------------------

    def table_figures(self) -> Iterator[Stated]:
        """Every table figure with a key, of the year and stage its column says."""
        for fact in self.facts.table_facts:
            subject = self._subject(fact, self._labels[id(fact.table)])
            when = self._when(fact)
            if subject is None or when is None:
                continue
            year, basis, doubts = when
            yield self._stated(fact, subject, self._column(fact), year, basis, doubts)

    def _subject(self, fact: Fact, printed: Counter) -> str | None:
        """What a table figure is of: its row's code, else its row's name when the table prints
        it once, else (a one-row table of named columns) its column's name."""
        row = fact.row
        if row is None or row.truncated or not row.readable:
            return None
        if row.code:
            return row.code
        label = self._normalised(row.label)
        if len(label) >= MIN_LABEL and printed[label] == 1 and not domain.TOTAL_LABEL.match(label):
            return label
        if len(fact.table.rows) == 1:
            name = self._normalised(fact.column.rpartition("/")[2])
            return name if len(name) >= MIN_COLUMN_NAME else None
        return None

    def _column(self, fact: Fact) -> str:
        """The quantity a figure's column states (total, basic …), whatever year or stage it is of."""
        if len(fact.table.rows) == 1 and not (fact.row and fact.row.code) and \
                len(self._normalised(fact.row.label if fact.row else "")) < MIN_LABEL:
            return ""  # the column names the figure itself (the 三公 table's 公务接待费)
        if fact.concept:
            return fact.concept
        key = (fact.column, fact.table.kind)
        if key not in self._quantities:
            self._quantities[key] = _quantity_of(fact.column, fact.table.kind)
        return self._quantities[key]

    def _wan_of(self, fact: Fact) -> tuple[Decimal, Decimal]:
        """fact_in_wan_yuan(fact), found once for each of the document's facts (each kept with
        its fact, so that no other object can take its id)."""
        if id(fact) not in self._in_wan:
            self._in_wan[id(fact)] = (fact, fact_in_wan_yuan(fact))
        return self._in_wan[id(fact)][1]

    def _normalised(self, label: str) -> str:
        """normalise(label), found once per document for each label."""
        if label not in self._names:
            self._names[label] = normalise(label)
        return self._names[label]

    def _place(self, fact: Fact) -> tuple[str, str]:
        """Where a table's figure is printed in its table, as a message names it: its row (code
        and name) and its column."""
        return f"{fact.row.code} {self._normalised(fact.row.label)}".strip() if fact.row else "", fact.column

    def _when(self, fact: Fact) -> tuple[int, str, tuple[Doubt, ...]] | None:
        """The year and stage a figure's column prints, and a doubt when its name does not say
        the stage of another year; None for a column of no year the reader can tell. The same for
        every figure of a column (of one year, as the facts read it), so read once per column."""
        key = (fact.column, fact.year)
        if key not in self._whens:
            self._whens[key] = self._when_read(fact.column, fact.year)
        return self._whens[key]

    def _when_read(self, words: str, year_read: str) -> tuple[int, str, tuple[Doubt, ...]] | None:
        """_when of a column's words and the year the facts read it of."""
        said = basis_of(words)
        if year_read in ("current", "final", "initial_budget"):
            if self.basis == FINAL and said == BUDGET and not INITIAL.search(words):
                return self.year, BUDGET, (BUDGET_OR_ADJUSTED,)  # 预算数 beside 决算数
            return self.year, said or self.basis, ()
        year = year_of(words, self.year) or self.year - 1
        return year, said, () if said else (STAGE_UNSAID,)

    def _stated(self, fact: Fact, subject: str, column: str, year: int, basis: str, doubts: tuple[Doubt, ...],
                owner: str = "") -> Stated:
        value, spread = self._wan_of(fact)
        unit = fact.unit or fact.table.unit
        return Stated(subject, column, fact.scope, owner, year, basis, value, spread,
                      f"{fact.amount.text} {unit}".rstrip(), fact.amount.location, fact.table.name, *self._place(fact),
                      "table", (*doubts, *self._doubts(fact)))

    def _doubts(self, fact: Fact) -> tuple[Doubt, ...]:
        """Why a table figure cannot prove an error: its table's doubts, or a sum of its own
        table it breaks."""
        reading = self.facts.reading(fact.table)
        doubts = tuple(reading.doubts) if reading is not None else ()
        if reading is not None and not reading.holds(fact.amount):
            doubts = (*doubts, OFF_ITS_SUMS)
        return doubts

    def totals(self) -> Iterator[Stated]:
        """The document's totals as the narrative names them (=total, =basic, =project …), each
        of its table's money."""
        for quantity, found in self.facts.figures.totals.items():
            for fact in found:
                full = self.by_location.get(fact.amount.location, fact)
                if full.year != "current":
                    continue
                scope = TABLE_SCOPES.get(fact.table.kind, ALL)
                stated = self._stated(full, f"={quantity}", "", self.year, self.basis, ())
                yield replace(stated, scope=scope)

    # -- the narrative --------------------------------------------------------------------

    def change_bases(self) -> Iterator[Stated]:
        """The base of every change the narrative states of this year's figures, under the keys
        of the table figures this year's amount restates."""
        paragraph_of = {id(sentence): paragraph for paragraph, sentence, _ in self.facts.sentences}
        changes = [c for c in self.doc.claims if isinstance(c, Change)]
        before = None
        for paragraph, sentence, clean in self.facts.sentences:
            if before is not None and before[0] is not paragraph:
                before = None
            for change in bare_changes(paragraph, sentence, clean, before[1] if before else None):
                context = context_of(paragraph, change.current.location, self.year)
                changes.append(Change(change.current, change.delta, change.increase, None, sentence,
                                      year=context.year, scope=context.scope))
            before = (paragraph, clean)
        for change in changes:
            paragraph = paragraph_of.get(id(change.sentence))
            if paragraph is not None and change.year == self.year and change.scope != UNKNOWN:
                yield from self._base(change, paragraph)

    def _base(self, change: Change, paragraph: Paragraph) -> Iterator[Stated]:
        words = _comparison(change, paragraph)
        year = year_of(words, self.year) if words is not None else None
        if year is None or year >= self.year:
            return
        basis = basis_of(words)
        if change.prior is not None:
            value, spread, how, where = change.prior.value, \
                figure_radius(change.prior.value, to_the_cent(claim_amounts(change))), "stated", change.prior
        else:
            (value, spread), how, where = change_base(change), "change", change.delta
        text = f"{change.prior.text} 万元" if change.prior is not None else \
            f"{value:f} 万元 ({change.current.text} {'−' if change.increase else '+'} {change.delta.text})"
        found = self._restated(change.current, change.scope, paragraph)
        if not found:
            return
        group = next(self.groups)
        unsaid = () if basis else (STAGE_UNSAID,)
        for subject, column, scope, fact, doubts in found:
            yield Stated(subject, column, scope, "", year, basis, value, spread, text, where.location,
                         fact.table.name, *self._place(fact), how, (*unsaid, *doubts), group)

    def unchanged_bases(self) -> Iterator[Stated]:
        """The figure of a year before each figure the narrative states unchanged gives
        (auditlint.domain.across.UNCHANGED: "会议费预算5.00万元，与上年预算数一致"): this year's
        amount, under the keys of the table figures it restates, as _base reads a change's."""
        for paragraph in self.doc.paragraphs:
            for match in UNCHANGED.finditer(paragraph.text):
                words = match.group("reference")
                year = year_of(words, self.year)
                current = _amount(paragraph, match, "amount")
                if year is None or year >= self.year or current is None:
                    continue
                context = context_of(paragraph, current.location, self.year)
                if context.year != self.year or context.scope == UNKNOWN:
                    continue
                found = self._restated(current, context.scope, paragraph)
                if not found:
                    continue
                group = next(self.groups)
                basis = basis_of(words)
                unsaid = () if basis else (STAGE_UNSAID,)
                for subject, column, scope, fact, doubts in found:
                    yield Stated(subject, column, scope, "", year, basis, current.value, figure_radius(current.value, False),
                                 f"{current.text} 万元", current.location, fact.table.name, *self._place(fact), "unchanged",
                                 (*unsaid, *doubts), group)

    def initial_budgets(self) -> Iterator[Stated]:
        """A final account's sentences that state a figure's 年初预算 beside what was spent
        (auditlint.domain.across.INITIAL_AND_FINAL): the budget, under the keys of the table
        figures of what was spent that its amount and its clause's name give (_spent)."""
        if self.basis != FINAL:
            return
        for paragraph, sentence, _ in self.facts.sentences:
            for pattern in INITIAL_AND_FINAL:
                for match in pattern.finditer(paragraph.text, sentence.start, sentence.end):
                    budget, final = (_amount(paragraph, match, name) for name in ("budget", "final"))
                    if budget is None or final is None:
                        continue
                    found = self._spent(final, paragraph, sentence, min(match.start("budget"), match.start("final")))
                    if not found:
                        continue
                    group = next(self.groups)
                    spread = figure_radius(budget.value, to_the_cent([budget, final]))
                    for subject, column, scope, fact, doubts in found:
                        yield Stated(subject, column, scope, "", self.year, BUDGET, budget.value, spread,
                                     f"{budget.text} 万元", budget.location, fact.table.name, self._place(fact)[0], "年初预算",
                                     "stated", doubts, group)

    def _spent(self, final: Amount, paragraph: Paragraph, sentence: Sentence, end: int
               ) -> list[tuple[str, str, str, Fact, tuple[Doubt, ...]]]:
        """The keys of the table figures of what was spent (决算数) of the amount's value whose
        row's name the sentence's words before the two amounts contain (the longest such name)."""
        clause = normalise(paragraph.text[sentence.start:end])
        candidates = []
        for fact in self.facts.table_facts:
            if fact.year != "final" or fact.row is None or not fact.row.label or fact_in_wan_yuan(fact)[0] != final.value:
                continue
            name = normalise(fact.row.label)
            if len(name) >= MIN_COLUMN_NAME and name in clause:
                candidates.append((len(name), fact))
        longest = max((length for length, _ in candidates), default=0)
        keys = []
        for fact in (fact for length, fact in candidates if length == longest):
            subject = self._subject(fact, self._labels[id(fact.table)])
            if subject is not None:
                keys.append((subject, self._column(fact), fact.scope, fact, self._doubts(fact)))
        return list({key[:3]: key for key in keys}.values())

    def _restated(self, current: Amount, scope: str, paragraph: Paragraph
                  ) -> list[tuple[str, str, str, Fact, tuple[Doubt, ...]]]:
        """The keys of the table figures this year's amount restates: those its link names
        (auditlint.parse.figures), else the table figures of its value whose row's or column's
        name its clause names (the longest such name), of its money."""
        linked = self._links_at.get(current.location, [])
        facts = [self.by_location.get(f.amount.location, f) for link in linked for f in link.facts]
        if not facts:
            facts = self._by_name(current, scope, paragraph)
        once = self._labels
        keys = []
        for fact in facts:
            if fact.year != "current":
                continue
            subject = self._subject(fact, once[id(fact.table)]) if fact.row is not None or len(fact.table.rows) == 1 else None
            totals = self._totals_at.get(fact.amount.location, [])
            own = self._doubts(fact)
            if subject is not None:
                keys.append((subject, self._column(fact), fact.scope, fact, own))
            keys.extend((f"={q}", "", TABLE_SCOPES.get(fact.table.kind, ALL), fact, own) for q in totals)
        return list({key[:3]: key for key in keys}.values())

    def _by_name(self, current: Amount, scope: str, paragraph: Paragraph) -> list[Fact]:
        """The table figures of this year's amount (in 万元, to its printed digit) whose row's or
        column's name the words before it in its clause end with or contain, the longest name
        only, of the change's money (any, when all the department's money is one)."""
        clause = normalise(_clause_before(current, paragraph))
        if not clause:
            return []
        candidates = []
        for fact in self._this_year.get(current.value, []):
            # a table of no known money (the 三公 table) is matched whatever the sentence's
            if not (self.facts.single_scope or fact.scope in (scope, UNKNOWN)):
                continue
            names = [normalise(fact.row.label)] if fact.row is not None and fact.row.label else []
            if len(fact.table.rows) == 1:
                names.append(normalise(fact.column.rpartition("/")[2]))
            best = max((len(n) for n in names if len(n) >= MIN_COLUMN_NAME and n in clause), default=0)
            if best:
                candidates.append((best, fact))
        longest = max((length for length, _ in candidates), default=0)
        return [fact for length, fact in candidates if length == longest]

    # -- units ----------------------------------------------------------------------------

    def total_rows(self) -> Iterator[Stated]:
        """A unit's own totals as its tables print them in their 合计 row: its 项目支出 in a 项目
        支出表's, its 基本支出 in a 基本支出表's, its total and both in a 支出总表's (the columns a
        department's table by unit gives a unit's row, auditlint.parse.units.unit_quantities),
        under the keys that row's figures have (=project …). A unit's document may state its
        totals in no sentence; only so can unit-document hold its department's row to them."""
        for table in self.doc.tables:
            quantities = unit_quantities(table)
            row = next((r for r in table.rows if r.readable and not r.code and domain.TOTAL_LABEL.match(normalise(r.label))),
                       None)
            if not quantities or row is None:
                continue
            for column, quantity in quantities.items():
                amount = row.amounts[column] if column < len(row.amounts) else None
                fact = self.by_location.get(amount.location) if amount is not None else None
                if fact is not None and fact.year == "current":
                    yield self._stated(fact, f"={quantity}", "", self.year, self.basis, ())

    def unit_figures(self) -> Iterator[Stated]:
        """What the tables by unit print of each budget unit other than the department's own
        row: its totals (=basic, =project, =total) and its projects, under the unit's key."""
        units = self.facts.units
        for (unit, name), found in units.figures.items():
            if unit in units.whole:
                continue
            owner = department_key(units.labels[unit])
            for fact in found:
                full = self.by_location.get(fact.amount.location, fact)
                subject = f"={name}" if name in UNIT_QUANTITIES else normalise(name)
                column = "" if name in UNIT_QUANTITIES else self._column(full)
                yield self._stated(full, subject, column, self.year, self.basis, (), owner)


def _quantity_of(column: str, kind: str) -> str:
    """The quantity a column of a table of this kind states (total, basic …), by its last name."""
    rest = COLUMN_NOISE.sub("", column.rpartition("/")[2])
    if not rest or domain.TOTAL_COLUMN.match(rest):
        return "total"
    return domain.column_quantities((rest,), kind).get(0, rest)


def _amount(paragraph: Paragraph, match: regex.Match, name: str) -> Amount | None:
    """The amount a sentence shape's group prints, where it is printed."""
    value = parse_amount(match.group(name).replace("，", ","))
    return None if value is None else Amount(value, match.group(name),
                                              paragraph.body.locate(match.start(name), match.end(name)))


def _comparison(change: Change, paragraph: Paragraph) -> str | None:
    """What a change is compared with (上年预算, 2017年执行数), as the words from this year's
    amount (or the sentence's start, when the amount is the sentence before's) to the change
    say it (auditlint.domain.across.COMPARISON); None when they name nothing compared."""
    body = paragraph.body
    current, delta = body.offset_of(change.current.location), body.offset_of(change.delta.location)
    if delta is None:
        return None
    start = max(current if current is not None else 0, change.sentence.start)
    if current is not None and current < change.sentence.start:
        start = change.sentence.start
    compared = list(COMPARISON.finditer(paragraph.text[start:delta]))
    return compared[-1].group("reference") if compared else None


def _clause_before(current: Amount, paragraph: Paragraph) -> str:
    """The words of this year's amount's clause before it (its subject and what it is)."""
    end = paragraph.body.offset_of(current.location)
    if end is None:
        return ""
    text = paragraph.text
    start = max(text.rfind(mark, 0, end) for mark in "，,；;：:。") + 1
    return text[start:end]

