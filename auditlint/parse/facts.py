"""The facts layer: what a document states, read once, for every check to ask.

Parse finishes a Document with its `facts`: the narrative's sentences, cleaned; the document's
identity and year; every table's reading (the identities its rows and columns must hold, and
whether they mostly do, so that a misread table is known as such before any check accuses it);
the statements of one quantity in several tables; the narrative figures named after a table
figure; and the restatements that forms and lists make. Everything is computed on first request
and kept for the document, never in a module-level cache of "the last document", so that checks
run in any order, and twice, on any number of documents.

Checks import nothing of parse: they ask these facts and do arithmetic (auditlint.agreement).
"""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from functools import cached_property
from typing import Iterator, Sequence

import regex

from auditlint import domain
from auditlint.agreement import fact_in_wan_yuan, sum_gap
from auditlint.domain.scope import ALL, FISCAL, TABLE_SCOPES, column_scope
from auditlint.domain.concepts import NAMED_BY_COLUMN
from auditlint.model import (FORM_DOUBTED, Amount, AwardedToSmes, BudgetRestatement, Claim, Completion, Document, Doubt, Fact, Form,
                             ExecutionScore, FormMoney, Indicator, NarratedIndicator, TwinRatio,
                             IndicatorRestatement, Link, Location, Part, Row, Sentence, Scored, Split, Sum, Table,
                             TableReading)
from auditlint.parse import hierarchy
from auditlint.parse.claims import FIGURE, sentence_claims
from auditlint.parse.context import is_earlier, section_scopes, unit_sections
from auditlint.parse.figures import (ONE_TABLE, TABLES_DISAGREE, UNPROVEN_COLUMN, Figures, index_figures, is_concept, named_figures,
                                     narrative_single_scope, narrative_total,
                                     named_total, narrative_links, printed_enough)
from auditlint.parse.form_fields import read_forms
from auditlint.parse.form_list import FormList, read_lists
from auditlint.parse.form_money import form_money, year_budget
from auditlint.parse.forms import budget_restatements, execution_scores
from auditlint.parse.narrated import narrated_indicators
from auditlint.parse.terms import RepeatedTerm, repeated_terms
from auditlint.parse.restated import restated_actuals
from auditlint.parse.names import TwoNames, second_names
from auditlint.parse.ratios import twin_ratios
from auditlint.parse.indicators import contradicted_scores, duplicated_indicators, restatements
from auditlint.parse.grid import UNNAMED_NOTE
from auditlint.parse.procurement import awarded_to_smes
from auditlint.parse.identity import Heading, Identity, document_year, identify, template_headings
from auditlint.parse.splits import restated_parts
from auditlint.parse.statements import collect_statements, renamed_codes
from auditlint.parse.units import Units, index_units
from auditlint.parse.weights import WeightGroup, form_scales, weight_groups
from auditlint.parse.wording import Cleaned

# A narrative amount named after table figures: the name, the amount, the figures it restates.
NamedFigure = tuple[str, Amount, Sequence[Fact]]

# Tables whose rows are free text (绩效 forms) or whose rows are not a hierarchy of amounts.
UNSUMMED_KINDS = frozenset({"performance"})
# A published table rarely has more than a couple of slips, each breaking a sum or two: past this
# many failing sums (and this share of those checked), the table was misread, not mis-added.
MAX_SLIP_FAILURES = 4
MISREAD_SHARE = 0.25
# How many mistyped figures a table's failing sums may be explained by before it is taken for
# misread: a published table rarely carries more than a slip or two.
MAX_SLIPS = 2

# The parser's notes on a table it read rows of that put the whole reading in doubt (its other
# notes are about single rows, whose amounts are then left out of every sum).
WHOLE_TABLE_NOTES = frozenset({UNNAMED_NOTE})
UNIT_UNKNOWN = Doubt("unit", "未注明金额单位", "its unit (元 or 万元) is not printed")


def _codes_as_amounts(column: str) -> Doubt:
    return Doubt("columns", f"「{column}」列是编码，却被读作金额", f"the column [{column}] holds codes, read as amounts")


def _misread(failing: int, sums: int) -> Doubt:
    return Doubt("sums", f"{failing}/{sums} 处合计与下级之和不符，非一两处笔误所能解释，更可能是表格读错",
                 f"{failing} of its {sums} sums fail, more than a slip or two explain: more likely misread")


def _uncertain(note: str) -> Doubt:
    return Doubt("reading", f"未能确定地读取：{note}", f"not read with certainty: {note}")


class Facts:
    """What a document states, by what the checks ask (see the module's docstring)."""

    def __init__(self, doc: Document, cleaned: Cleaned, sections: dict[int, str] | None = None) -> None:
        self._doc = doc  # the document as parsed, without its facts
        self.sentences = cleaned  # every sentence of the narrative with its paragraph and clean text
        # the money each narrative paragraph's section heading names, by the paragraph's id
        self.sections = section_scopes(doc.paragraphs) if sections is None else sections

    # ----------------------------------------------------------------------------------------
    # The narrative

    @cached_property
    def identity(self) -> Identity | None:
        """The document's kind (预算/决算) and year, as its title states them."""
        return identify(self._doc)

    @cached_property
    def year(self) -> int | None:
        """The year the document is about: its title's, else its table titles'."""
        return document_year(self._doc)

    @cached_property
    def headings(self) -> list[Heading]:
        """The template's headings that name a year and a kind."""
        return list(template_headings(self._doc))

    def claims_read_in_wan_yuan(self) -> Iterator[tuple[Sentence, list[tuple[int, int]], list[Claim]]]:
        """Each sentence that states an amount in bare 元, read as if it were in 万元: the
        sentence, where (line, column) each such amount starts, and the claims it then makes."""
        for paragraph, sentence, clean in self.sentences:
            reading = clean.in_wan_yuan()
            if reading is None:
                continue
            as_wan, starts = reading
            in_yuan = [(at.line, at.column) for at in (paragraph.body.locate(s, s + 1) for s in starts)]
            yield sentence, in_yuan, sentence_claims(paragraph, sentence, as_wan)

    @cached_property
    def restated_parts(self) -> list[tuple[Split, Part, Part]]:
        """(list, listed part, the numbered paragraph's item) for each part a list restates."""
        splits = [claim for claim in self._doc.claims if isinstance(claim, Split)]
        return restated_parts(self._doc.paragraphs, self.sentences, splits)

    # ----------------------------------------------------------------------------------------
    # The tables

    @cached_property
    def readings(self) -> list[TableReading]:
        """Every table with rows, as read: its identities, its families, and its trust."""
        return [_reading(table) for table in self._doc.tables if table.rows]

    @cached_property
    def table_facts(self) -> list[Fact]:
        """Every amount the tables print in a column, as a fact (see model.Fact)."""
        return [fact for reading in self.readings for fact in _table_facts(reading)]

    def printed(self, table: Table) -> list[Amount]:
        """Every amount a table prints, in its columns or in none (a row's amounts whose columns
        could not be told): what a number of the table is, whatever it states."""
        return [amount for row in table.rows for amount in (*row.amounts, *row.unplaced) if amount is not None]

    def reading(self, table: Table) -> TableReading | None:
        """The reading of a table (None for a table read without rows)."""
        return self._readings_by_table.get(id(table))

    @cached_property
    def _readings_by_table(self) -> dict[int, TableReading]:
        return {id(reading.table): reading for reading in self.readings}

    @cached_property
    def statements(self) -> dict[tuple[str, ...], list[Fact]]:
        """Every statement of a code's amounts and of the document's totals, by what it states,
        printed by two tables or more."""
        return collect_statements(self._doc, self._readings_by_table)

    @cached_property
    def renamed_codes(self) -> list[tuple[str, tuple[Table, Row], tuple[Table, Row], str]]:
        """Function codes two tables name differently (see statements.renamed_codes)."""
        return list(renamed_codes(self._doc))

    @property
    def single_scope(self) -> bool:
        """Whether all the department's money is this year's 一般公共预算 (then tables of every
        scope state the same figures)."""
        return self.figures.single_scope

    @cached_property
    def figures(self) -> Figures:
        """What the tables state under a name the narrative would use."""
        return index_figures(self._doc)

    @cached_property
    def units(self) -> Units:
        """The department's budget units its tables print a row of, with each unit's figures."""
        return index_units(self._doc, self._readings_by_table)

    @cached_property
    def unit_sections(self) -> dict[tuple[int, int], str]:
        """The budget unit each sentence of the narrative speaks of, where it speaks of one
        (context.unit_sections): found once, for the links of every pattern."""
        return unit_sections(self.sentences, self.units.named) if self.units.labels else {}

    @cached_property
    def links(self) -> list[Link]:
        """Every amount the narrative states in 万元 that names a quantity, linked to the table
        figures it restates, or with why it could not be: text-vs-table checks the linked ones."""
        # links of one name share their figures (narrative_links): each set of figures is judged once
        judged: dict[tuple[str, bool, int], tuple[tuple[Fact, ...], str]] = {}
        links = []
        for link in narrative_links(self.figures, self.year, self.sentences, sections=self.sections, units=self.units,
                                    unit_of=self.unit_sections):
            if link.linked:
                key = (link.subject, bool(link.budget_unit), id(link.facts))
                if key not in judged:
                    judged[key] = (link.facts, self._why_not(link))  # the figures kept: their id stays theirs
                reason = judged[key][1]
                link = replace(link, reason=reason) if reason else link
            links.append(link)
        return links

    def _why_not(self, link: Link) -> str:
        """Why text-vs-table cannot hold the narrative to a linked figure ("" when it can): a total
        of the document (基本支出 …) must be printed by enough tables, or by one whose own sums
        prove it (_summed_up; a figure one table prints and nothing corroborates proves little),
        and the tables must agree on it."""
        if not link.budget_unit and is_concept(link.subject) and not printed_enough(link.subject, list(link.facts)) \
                and not all(self._summed_up(fact) for fact in link.facts):
            return ONE_TABLE
        if len({fact_in_wan_yuan(f)[0] for f in link.facts}) > 1:
            return TABLES_DISAGREE
        if any(f.table.kind in NAMED_BY_COLUMN and not self._columns_proven(f) for f in link.facts):
            return UNPROVEN_COLUMN
        return ""

    def _columns_proven(self, fact: Fact) -> bool:
        """Is a figure of a table whose columns name it (the 三公 table's 公务接待费) where its
        column says? When the table is trusted and its sums are checked and all hold (合计 =
        因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费): a header read askew names the
        wrong figures, and breaks the sums, or leaves none to check."""
        reading = self.reading(fact.table)
        return reading is not None and reading.trusted and reading.checked > 0 and reading.failing == 0

    def _summed_up(self, fact: Fact) -> bool:
        """Is a table figure proven by its own table: the table trusted, and the figure the total
        of a sum of its that holds (基本支出 of a 支出总表's 合计 row is the sum of the classes
        above it, and a part of 合计 = 基本支出 + 项目支出)? Such a figure needs no second table to
        be the document's total."""
        reading = self.reading(fact.table)
        if reading is None or not reading.trusted or not reading.holds(fact.amount):
            return False
        return any(s.total is fact.amount and s.parts for s in reading.sums)

    def named_figures(self, pattern: regex.Pattern = FIGURE) -> list[NamedFigure]:
        """Each narrative amount (as `pattern` finds it: in 万元 unless told) named after table
        figures, whether or not they can be compared."""
        if pattern is FIGURE:
            return [(link.subject, link.amount, list(link.facts)) for link in self.links
                    if link.facts and link.reason in ("", ONE_TABLE, TABLES_DISAGREE)]
        return list(named_figures(self.figures, self.year, self.sentences, pattern, self.sections, self.units,
                                  self.unit_sections))

    @cached_property
    def restated_figures(self) -> list[NamedFigure]:
        """The narrative's figures text-vs-table holds to the tables: the linked ones."""
        return [(link.subject, link.amount, link.facts) for link in self.links if link.linked]

    def is_earlier(self, year: int | None) -> bool:
        """Is a figure of this year about a year before the document's? No table states it."""
        return is_earlier(year, self.year)

    def totals(self) -> list[Fact]:
        """Every figure of one of the document's totals (支出, 基本支出, 项目支出 …) the tables print."""
        return [fact for found in self.figures.totals.values() for fact in found]

    def narrative_total(self, name: str) -> list[Amount]:
        """The narrative's statements of a total no table prints (its amounts, all one figure)."""
        return narrative_total(self.links, name, self._one_money)

    @cached_property
    def _one_money(self) -> bool:
        """Is all the department's money one: as its tables say, else (no table printing its
        totals) as its narrative's income split says?"""
        return self.single_scope or (not self.figures.totals and narrative_single_scope(self._doc.claims, self.year))

    @cached_property
    def restated_actuals(self) -> list[tuple[Completion, str, list[Amount]]]:
        """Completion rates whose actual differs from the narrative's other statements of it."""
        return list(restated_actuals(self._doc.claims, self.links, self.year, self._one_money))

    def named_total(self, name: str, scope: str) -> Fact | None:
        """The tables' figure of the total a name means, of the money of `scope`, when enough
        tables print it alike."""
        return named_total(self.figures, name, scope)

    @cached_property
    def budget_restatements(self) -> list[BudgetRestatement]:
        """Project forms' sentences that restate their budget field."""
        read = {}
        for form in self.forms:
            field = year_budget(form, self.year) if self.year is not None else None
            if field is not None and field.amount is not None:
                read[form.table.location] = (field.amount, (FORM_DOUBTED,) if form.doubts else ())
        return list(budget_restatements(self._doc, read))

    @cached_property
    def awarded_to_smes(self) -> list[AwardedToSmes]:
        """Procurement paragraphs that state each kind's share awarded to small and medium enterprises."""
        return list(awarded_to_smes(self.sentences))

    @cached_property
    def form_lists(self) -> list[FormList]:
        """The lists of performance forms, a row per project (parse.form_list)."""
        return read_lists(self._doc)

    @cached_property
    def forms(self) -> list[Form]:
        """Every performance form read as fields and an indicator grid, or with why not (its
        doubts): forms of boxes, and the project rows of lists of forms."""
        return read_forms(self._doc, self.form_lists)

    @cached_property
    def form_money(self) -> list[FormMoney]:
        """Forms' money fields with the tables' figures they restate, forms' totals with their
        sources, and the summing rows of lists of forms with the rows they sum."""
        return list(form_money(self._doc, self.forms, self.figures, self.year,
                               self.identity is not None and self.identity.kind == "预算", self.sentences, self.links,
                               [total for found in self.form_lists for total in found.totals], self.units))

    @cached_property
    def restated_indicators(self) -> list[IndicatorRestatement]:
        """Indicators a form restates of another grid of the same goal and term (parse.indicators)."""
        return list(restatements(self.forms))

    @cached_property
    def duplicated_indicators(self) -> list[tuple[Indicator, Indicator]]:
        """Indicator rows a grid lists twice, each with the row it repeats."""
        return list(duplicated_indicators(self.forms))

    @cached_property
    def twin_ratios(self) -> list[TwinRatio]:
        """Ratios of counts a twin clause's formula does not give."""
        return list(twin_ratios(self.sentences))

    @cached_property
    def second_names(self) -> list[TwoNames]:
        """Department names printed with two different second names in brackets."""
        return list(second_names(self._doc.sources))

    @cached_property
    def repeated_terms(self) -> list[RepeatedTerm]:
        """Terms a numbered list of the narrative defines twice."""
        return list(repeated_terms(self.sentences))

    @cached_property
    def narrated_indicators(self) -> list[NarratedIndicator]:
        """The narrative's sentences that state a self-evaluated indicator's result."""
        return list(narrated_indicators(self.forms, self.sentences))

    @cached_property
    def execution_scores(self) -> list[ExecutionScore]:
        """Self-evaluations' budget execution rows whose header states how their score is computed."""
        return list(execution_scores(self._doc))

    @cached_property
    def contradicted_scores(self) -> list[Scored]:
        """Self-evaluated indicators scored as met though missed, or marked down though met."""
        return list(contradicted_scores(self.forms))

    @cached_property
    def form_scales(self) -> list[tuple[Amount, Amount]]:
        """Self-evaluations' points of their budget execution and of their 年度绩效目标."""
        return list(form_scales(self._doc))

    @cached_property
    def weight_groups(self) -> list[WeightGroup]:
        """Performance forms' indicator groups read whole, with their points."""
        return list(weight_groups(self._doc))


def _reading(table: Table) -> TableReading:
    """A table's identities, families and sums, and the doubts about its reading: notes the
    parser left, a code column read as amounts, a unit not printed, failing sums that no slip or
    two explain."""
    summed = table.kind not in UNSUMMED_KINDS
    identities = tuple(hierarchy.column_identities(table)) if summed else ()
    families = tuple((parent, tuple(children)) for parent, children in hierarchy.hierarchy(table.rows, table.kind)) \
        if summed else ()
    sums = tuple(_sums(table, identities, families))
    failing = [gap for s in sums if s.total is not None for gap in _failing(s.total, list(s.parts))]
    checked = sum(1 for s in sums if s.total is not None)
    doubts = [_uncertain(note) for note in table.notes if note in WHOLE_TABLE_NOTES]
    doubts.extend(_codes_as_amounts(column) for column in table.columns if domain.names_codes(column))
    if not table.unit:
        doubts.append(UNIT_UNKNOWN)
    if len(failing) > max(MAX_SLIP_FAILURES, MISREAD_SHARE * checked) or not _slips_explain(failing):
        doubts.append(_misread(len(failing), checked))
    off = frozenset(location for cells, _ in failing for location in cells)
    return TableReading(table, identities, families, sums, len(failing), tuple(doubts), off,
                        tuple(_two_of_three(table, identities)))


def _two_of_three(table: Table, identities: tuple[tuple[int, tuple[int, ...]], ...]) -> Iterator[Row]:
    """Rows of a three-column table whose 合计 is the sum of the other two, printed with two
    amounts whose columns could not be told (and none placed): whichever part the second is,
    the total must equal it, unless the total was left blank."""
    if len(table.columns) == 3 and (0, (1, 2)) in identities:
        yield from (row for row in table.rows if len(row.unplaced) == 2 and not any(row.amounts))


def _sums(table: Table, identities: tuple[tuple[int, tuple[int, ...]], ...],
          families: tuple[tuple[Row, tuple[Row, ...]], ...]) -> Iterator[Sum]:
    """Every sum of a table that prints a figure: across each readable row, then down each
    family's columns."""
    for total, parts in identities:
        for row in table.rows:
            if not row.readable:
                continue
            printed = tuple([a for p in parts if (a := row.amounts[p]) is not None])
            if row.amounts[total] is not None or printed:
                yield Sum(row, total, row.amounts[total], printed, part_columns=parts)
    for parent, children in families:
        for column, total in enumerate(parent.amounts):
            printed = tuple([a for c in children if (a := c.amounts[column]) is not None])
            if total is not None or printed:
                yield Sum(parent, column, total, printed, children=children)


def _failing(total: Amount, parts: list[Amount | None]) -> list[tuple[frozenset[Location], Decimal]]:
    """The sum of a total and its printed parts when it fails beyond rounding: where its figures
    are printed, and its gap; nothing when it holds."""
    present = [p for p in parts if p is not None]
    values = [p.value for p in present]
    if total.value == sum(values, Decimal(0)):
        return []  # holds to the digit (most sums): no rounding radius to weigh
    difference, spread = sum_gap(total.value, values)
    if abs(difference) <= spread:
        return []
    return [(frozenset(a.location for a in (total, *present)), abs(difference))]


def _slips_explain(failing: list[tuple[frozenset[Location], Decimal]], chosen: tuple[tuple[Location, Decimal], ...] = ()
                   ) -> bool:
    """Could at most MAX_SLIPS mistyped figures break every failing sum? A figure off by d breaks
    each sum it is part of by d (its row across, its family in its column, its own family as a
    parent), or, with another slip in the same sum, by what the two make together: the failing
    sums of a slip or two share their figures. Rows read into the wrong columns break sums that
    share neither. Each slip is looked for among the figures of the first sum left unexplained,
    off by the gap of a sum it is part of."""
    left = [(cells, gap) for cells, gap in failing if not _explained(cells, gap, chosen)]
    if not left:
        return True
    if len(chosen) == MAX_SLIPS:
        return False
    first, _ = left[0]
    return any(_slips_explain(left, (*chosen, (location, gap)))
               for location in first for gap in {gap for cells, gap in left if location in cells})


def _explained(cells: frozenset[Location], gap: Decimal, slips: tuple[tuple[Location, Decimal], ...]) -> bool:
    """Is a failing sum broken by the slips chosen: one of them, off by its gap, or two together?"""
    hits = [slip_gap for location, slip_gap in slips if location in cells]
    return gap in hits or len(hits) >= 2


def _table_facts(reading: TableReading) -> Iterator[Fact]:
    """The facts of one table: each printed amount with what its column states (a quantity, or a
    source of money), its money and year, the table's unit, the row it adds up into and its
    depth in the hierarchy."""
    table = reading.table
    quantities = domain.column_quantities(table.columns, table.kind)
    years = domain.column_years(table.columns)
    table_scope = TABLE_SCOPES.get(table.kind, "")
    named = [column_scope(name) for name in table.columns]
    scopes = [_narrower(table_scope, scope) for scope in named]
    # what a column states: a quantity of spending (total, basic …), or the source of money it is
    concepts = [quantities.get(i) or (scope if scope not in (None, ALL) else "") for i, scope in enumerate(named)]
    parents = {id(child): parent for parent, children in reading.families for child in children}
    for row in table.rows:
        level = _depth(row, parents)
        for index, amount in enumerate(row.amounts):
            if amount is not None:
                yield Fact(table, amount, row, table.columns[index], scopes[index], reading.holds(amount),
                           concepts[index], years[index], table.unit, parents.get(id(row)), level)


def _depth(row: Row, parents: dict[int, Row]) -> int:
    """How many rows a row adds up into, one into the next (0 for a table's total)."""
    depth, seen = 0, {id(row)}
    while id(row) in parents and id(parents[id(row)]) not in seen:
        row = parents[id(row)]
        seen.add(id(row))
        depth += 1
    return depth


def _narrower(table_scope: str, named: str | None) -> str:
    """The money a column covers: what its header names when that is narrower than its table's
    (an all-funds table's 一般公共预算 column), else the table's."""
    if named is None or named == ALL:
        return table_scope
    return named if table_scope in (ALL, FISCAL, "") else table_scope


