"""Project forms (项目支出绩效目标申报表 and the like): the budget a form states in its field, and
the sentences inside the same form that restate it.

A form is not a grid of amounts, so the table parser leaves its rows alone (FORM_NOTE). But a
project form states the project's budget for the year once, in a labelled field ("项目当年预算
672.85"), and its 当年预算变动情况 restates it in a sentence ("2026年预算为762.85万，比2025年减少
181.14万"). Both are the form's own words about one project, so they must agree; and a change
the sentence computes from a mistyped figure is wrong with it.

A form's region runs from its title to the next table's title: a form's labelled boxes are cut
into many lines, and its narrative boxes read as paragraphs between them.

A self-evaluation form (绩效自评表) states its budget execution in a row under a header that
gives the formula: 预算数（A） 执行数（B） 执行率（B/A）. That row is a completion rate like the
narrative's, and is read as one (`execution_rates`).
"""
from __future__ import annotations

import math
from bisect import bisect_right
from typing import Iterator

import regex

from auditlint.patterns import compile_lazily
from auditlint.model import Amount, BudgetRestatement, Completion, Document, Doubt, ExecutionScore, Line, Location, Sentence, Source, Table
from auditlint import domain
from auditlint.domain.wording import NUMBER
from auditlint.parse.identity import document_year
from auditlint.parse.numbers import parse_amount

# The field that holds the project's budget for the document's year, its amount right after the
# label (in the next cell, or in the same one with 万元).
CURRENT_BUDGET_FIELD = compile_lazily(rf"(?<!\p{{Han}})(?:项目)?当年预算(?:数)?\s*[：:]?\s*(?P<amount>{NUMBER})(?![\d.%％年])")
# "2026年预算为762.85万", "2024年预算数为286.77万元", "2025年预算943.99万": a year's budget.
# A form's box of its budget's history lists the years' amounts bare ("2021年计30万,2022年30万,2023年30万"):
# a year then an amount in 万 that no word follows (not "2023年30万户").
YEAR_BUDGET = compile_lazily(rf"(?P<year>20\d{{2}})\s*年\s*(?:(?:项目)?预算(?:数)?\s*(?:为|是)?\s*(?P<amount>{NUMBER})\s*万"
                             rf"|计?\s*(?P<amount>{NUMBER})\s*万(?!\p{{Han}}))")
# "比2025年减少181.14万", "较2023年增加130.45万元": the change against an earlier year.
CHANGE = compile_lazily(rf"(?:比|较)\s*(?P<year>20\d{{2}})\s*年(?:预算)?\s*(?P<direction>增加|减少)\s*(?P<delta>{NUMBER})\s*万")


# The columns of a form's budget execution header, in the order printed: the budget (A), what was
# spent (B) and the rate B/A, with the columns that may stand among them (年初预算数, 分值, 得分).
_EXECUTION_COLUMN = compile_lazily(
    r"(?P<budget>(?:全年)?预算数\s*[（(]\s*A\s*[)）])|(?P<actual>(?:全年)?执行数\s*[（(]\s*B\s*[)）])"
    r"|(?P<rate>执行率\s*[（(]\s*B\s*/\s*A\s*[)）])|(?P<score>得分)|(?P<other>年初预算数|分值)")
# The word the header of the rate column prints (its `rate` group above), which every header must.
_RATE_WORD = "执行率"
# The rule a header gives the execution row's score by: "得分（20 分*执行率）", the points times the rate.
SCORE_RULE = compile_lazily(r"得分\s*[（(]\s*(?P<points>\d+(?:\.\d+)?)\s*分\s*[*×xX]\s*执行率\s*[)）]")
# The figures of a row, after its label: amounts, one of them a percentage.
_ROW_TAIL = compile_lazily(r"[^\p{Han}A-Za-z]*$")
_PERCENT = compile_lazily(r"[%％]")
_ROW_FIGURE = compile_lazily(rf"(?P<amount>{NUMBER})\s*(?P<percent>[%％])?")
# How many lines below its header the execution row may be: its label (年度财政资金总额) is
# often wrapped over the lines between.
EXECUTION_ROW_REACH = 8


def form_regions(doc: Document) -> Iterator[tuple[Table, tuple[Line, ...]]]:
    """Each form table with its lines, from its title to the next table's title in its file."""
    kinds = {kind.id for kind in domain.TABLE_KINDS if kind.form}
    starts: dict[str, list[int]] = {}  # each file's table title lines, sorted
    for table in doc.tables:
        starts.setdefault(table.location.path, []).append(table.location.line)
    for lines in starts.values():
        lines.sort()
    for table in doc.tables:
        if table.kind not in kinds:
            continue
        here = starts[table.location.path]
        after = bisect_right(here, table.location.line)
        end = here[after] - 1 if after < len(here) else math.inf
        yield table, doc.lines_between(table.location.path, table.location.line, end)


def budget_restatements(doc: Document, read: dict[Location, tuple[Amount, tuple[Doubt, ...]]] | None = None
                        ) -> Iterator[BudgetRestatement]:
    """Every sentence of a project form that states the budget of the document's year, with the
    form's field for it: its 当年预算 as printed beside the label, else `read`, the year's budget
    its form read as fields states (by the place of the form's table, with the form's doubts). A
    form with no field, or with two different ones, is left alone."""
    year = document_year(doc)
    if year is None:
        return
    for table, lines in form_regions(doc):
        path = table.location.path
        fields = [_amount(path, line, match, "amount")
                  for line in lines for match in CURRENT_BUDGET_FIELD.finditer(line.text)]
        doubts: tuple[Doubt, ...] = ()
        if not fields and read and table.location in read:
            field, doubts = read[table.location]
            fields = [field]
        if not fields or len({f.value for f in fields}) > 1:
            continue
        budgets = [(int(match.group("year")), _amount(path, line, match, "amount"), line)
                   for line in lines for match in YEAR_BUDGET.finditer(line.text)]
        by_year: dict[int, list[Amount]] = {}
        for stated_year, amount, _ in budgets:
            by_year.setdefault(stated_year, []).append(amount)
        for stated_year, stated, line in budgets:
            if stated_year != year:
                continue
            change = next((m for m in CHANGE.finditer(line.text) if m.start() > stated.location.column - 1), None)
            earlier_years = by_year.get(int(change.group("year")), []) if change else []
            earlier = earlier_years[0] if len({a.value for a in earlier_years}) == 1 else None
            yield BudgetRestatement(table, fields[0], stated, earlier,
                                    _amount(path, line, change, "delta") if change and earlier else None,
                                    bool(change) and change.group("direction") == "减少", doubts)


def _amount(path: str, line: Line, match: regex.Match, group: str) -> Amount:
    text, start = match.group(group), match.start(group)
    location = Location(path, line.number, start + 1, line.number, start + 1 + len(text), line.page)
    value = parse_amount(text)
    assert value is not None, text  # the patterns only match numbers
    return Amount(value, text, location)


def execution_rates(doc: Document) -> Iterator[Completion]:
    """Each budget execution row of a form read as a completion rate."""
    year = document_year(doc)
    for path, row, amounts, _ in _execution_rows(doc):
        location = Location(path, row.number, 1, row.number, len(row.text) + 1, row.page)
        yield Completion(amounts["budget"], amounts["actual"], amounts["rate"],
                         Sentence(row.text, 0, len(row.text), location), year=year)


def execution_scores(doc: Document) -> Iterator[ExecutionScore]:
    """Each budget execution row whose header gives the rule of its score ("得分（20 分*执行率）"),
    with the score the row prints."""
    for path, _, amounts, header in _execution_rows(doc):
        rule = SCORE_RULE.search(header.text)
        if rule is not None and "score" in amounts:
            points = _amount(path, header, rule, "points")
            yield ExecutionScore(points, amounts["rate"], amounts["score"])


def _execution_rows(doc: Document) -> Iterator[tuple[str, Line, dict[str, Amount], Line]]:
    """Each budget execution row of a form, with its file's path, its figures by column, and its
    header (in each file of the document)."""
    for source in doc.sources:
        yield from _execution_rows_of(source)


def _execution_rows_of(source: Source) -> Iterator[tuple[str, Line, dict[str, Amount], Line]]:
    """The execution rows of one file: under a header naming the budget (A), the spending (B)
    and the rate (B/A), the first line with a percentage, when its figures are one per header
    column with the rate's the only percentage. A header or a row that extraction scrambled (a
    marker moved to the next column, a figure lost, the figures printed among the header's
    words) gives nothing."""
    lines = [line for line in source.lines if not line.is_blank]
    for index, line in enumerate(lines):
        if _RATE_WORD not in line.text:  # no header of the rate column: most lines, passed by at once
            continue
        columns = [match.lastgroup for match in _EXECUTION_COLUMN.finditer(line.text)]
        if any(columns.count(column) != 1 for column in ("budget", "actual", "rate")) or columns.count("score") > 1 \
                or _PERCENT.search(line.text):
            continue
        row = next((l for l in lines[index + 1:index + 1 + EXECUTION_ROW_REACH] if _PERCENT.search(l.text)), None)
        if row is None:
            continue
        tail = _ROW_TAIL.search(row.text)
        figures = list(_ROW_FIGURE.finditer(row.text, tail.start()))
        if len(figures) != len(columns) or [bool(f.group("percent")) for f in figures] != [c == "rate" for c in columns]:
            continue
        yield source.path, row, {column: _amount(source.path, row, figure, "amount")
                                 for column, figure in zip(columns, figures)}, line
