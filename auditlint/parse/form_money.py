"""The money of performance forms, paired with what it must equal.

A project's form restates the project's budget (当年预算, else 年度资金总额/项目总预算) that the
项目支出表 prints in the project's row; a department's overall form (部门整体支出绩效目标表)
restates the department's 财政拨款 and its total, which the budget tables print as the
document's totals; and a form's total is the sum of its sources (资金总额 = 财政拨款 + 其他资金).
An overall form may print its money as a grid (部门总体资金情况): the sources of income down to
their 合计, the kinds of spending down to theirs, in columns of the year's amount, its share and
the two years before; each 合计 is the sum of its rows, and a budget's income of the year is its
spending. A grid row is read by its cells after its label where tabs cut them, else only when
it prints a figure for every column (a blank cannot be told from a lost figure in running text).

Only a form of the document's year is paired (a form whose title names another year is another
year's money), and only a field read as one amount. A project's row is found by the form's
项目名称 as the tables index rows (auditlint.parse.figures), with a bracketed note after the name
("（一级）") left out when the name with it names no row. What could make a gap a misreading
rather than a contradiction is kept as a doubt: the form read with doubts, its unit not printed.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Iterator, Sequence

from auditlint.patterns import compile_lazily
from auditlint.domain import forms as words
from auditlint.domain.scope import ALL, FISCAL
from auditlint.domain.wording import NUMBER
from auditlint.model import FORM_DOUBTED, GRID, Amount, Completion, Document, Doubt, Fact, Form, FormField, FormMoney, Line, \
    Link, ListTotal, Location
from auditlint.agreement import adds_up, fact_in_wan_yuan
from auditlint.parse.form_fields import NO_NAME
from auditlint.parse.figures import NO_TABLE, Figures, normalise, printed_enough
from auditlint.parse.numbers import parse_amount
from auditlint.parse.units import NO_UNITS, Units
from auditlint.parse.wording import Cleaned

UNIT_UNKNOWN = Doubt("unit", "绩效表未注明金额单位", "the form does not print its unit")
SEVERAL_YEARS = Doubt("reading", "项目总预算可能是多个年度的", "the project's total budget may span several years")
ONE_TABLE = Doubt("reading", "只有一张表印有该总数", "one table only prints that total")
# The document's totals an overall form's fields restate: the name the tables' totals are found
# under, and the money it is of.
OVERALL_TOTALS = {"财政拨款": ("财政拨款收入", FISCAL), "年度资金总额": ("支出预算", ALL), "项目总预算": ("支出预算", ALL)}
# A department's self-evaluation states what it spent of each kind; the narrative and the tables
# state the same totals. The template's note says they are of 财政资金: a document with other
# money spends more.
SPENT_TOTALS = {"基本支出总额": "基本支出", "项目支出总额": "项目支出"}
FISCAL_ONLY = Doubt("reading", "整体自评表的支出总额可能只含财政资金", "the self-evaluation's totals may be of 财政资金 only")
# How many lines after a form's first one may state its year ("（2023年度）" under the title).
YEAR_REACH = 4


def form_money(doc: Document, forms: list[Form], figures: Figures, year: int | None, budget: bool,
               sentences: Cleaned = (), links: Sequence[Link] = (), totals: Sequence[ListTotal] = (),
               units: Units = NO_UNITS) -> Iterator[FormMoney]:
    """Every money field of the document's forms paired with the tables' figures it restates,
    and every form total paired with its sources; each summing row of a list of forms with the
    rows it sums (`totals`); `budget` when the document is a 预算 (its income and spending of
    the year balance)."""
    if year is None:
        return
    listed = Counter(_project_key(form) for form in forms if form.list_line)  # two rows of lists: two projects
    for form in forms:
        if _form_year(doc, form) not in (None, year):
            continue
        paired = _against_tables(form, figures, units, listed[_project_key(form)] <= 1)
        for money in (*paired, *_against_sources(form)):
            unit = _value_unit(money.field) or _unit(doc, form)
            doubts = (*money.doubts, *(d for d in (FORM_DOUBTED if form.doubts else None, None if unit else UNIT_UNKNOWN) if d))
            if money.field.name == "项目总预算" and not _is_overall(form) and not _of_one_year(form, year):
                doubts = (*doubts, SEVERAL_YEARS)
            yield replace(money, unit=unit, doubts=doubts)
        yield from _against_narrative(doc, form, forms, sentences, _unit(doc, form))
        yield from _budget_costs(doc, form, _unit(doc, form))
        yield from _spent_totals(doc, form, figures, links)
        # the money grid's reading is its own, not the indicators'; but a form naming no unit may be no form
        unnamed = () if NO_NAME not in form.doubts else (FORM_DOUBTED,)
        yield from (replace(money, unit=_unit(doc, form), doubts=(*money.doubts, *unnamed))
                    for money in _money_grid(doc, form, budget))
    yield from _list_totals(doc, [t for t in totals if _form_year(doc, t.total) in (None, year)])


def _against_tables(form: Form, figures: Figures, units: Units, by_name: bool = True) -> Iterator[FormMoney]:
    """A project form's budget against its row of the project table (under the form's unit where
    the tables print a row per unit, else by its name alone, when `by_name`); an overall form's
    财政拨款 and total against the document's totals."""
    if _is_overall(form):
        for name, (subject, scope) in OVERALL_TOTALS.items():
            field = _one(form, name)
            found = figures.total(subject, scope) if field is not None else []
            if field is not None and found and len({fact_in_wan_yuan(f)[0] for f in found}) == 1:
                doubts = () if printed_enough(subject, found) else (ONE_TABLE,)
                yield FormMoney(form, field, subject, "", facts=tuple(found), doubts=doubts)
        return
    project = form.field("项目名称")
    field = _budget(form)
    if project is None or field is None:
        return
    facts = _unit_row(units, form, project.text) or (_project_row(figures, project.text) if by_name else [])
    if facts:
        yield FormMoney(form, field, project.text, "", facts=tuple(facts))


def _against_sources(form: Form) -> Iterator[FormMoney]:
    """A form's total (its year's budget) with its sources, when it prints every one it must
    (财政拨款 and 其他资金: boxes printed, or a list's columns, whose blank cells are 0)."""
    total = _budget(form)
    printed = {name: _one(form, name) for name in words.SOURCE_PARTS if form.field(name) is not None}
    named = set(form.columns) if form.columns else {name for name, part in printed.items() if part is not None}
    if total is None or not set(words.REQUIRED_SOURCES) <= named or any(part is None for part in printed.values()) \
            or not printed:
        return
    whose = _row_name(form) if form.list_line else ""  # a list's row is its project's, or its unit's
    yield FormMoney(form, total, whose or total.name, "", parts=tuple(p for p in printed.values() if p is not None))


def _project_key(form: Form) -> str:
    """What names a project form's row of the project table: its name, as the tables index rows.
    Rows of lists of forms that print one name are projects of different units, none of which
    the name alone finds."""
    project = form.field("项目名称")
    return normalise(project.text) if project is not None else ""


def _budget(form: Form) -> FormField | None:
    """The form's budget of the year: its 当年预算, else its 年度资金总额, else its total
    (项目总预算, which may be several years')."""
    for name in ("当年预算", "年度资金总额", "项目总预算"):
        if form.field(name) is not None:
            return _one(form, name)
    return None


def year_budget(form: Form, year: int) -> FormField | None:
    """A project form's budget of the document's year read as a field: its 当年预算 or 年度资金总额,
    else its 项目总预算 when the project runs in that year only; None when it states none, or
    two different ones."""
    for name in ("当年预算", "年度资金总额"):
        if form.field(name) is not None:
            return _one(form, name)
    return _one(form, "项目总预算") if _of_one_year(form, year) else None


def _of_one_year(form: Form, year: int) -> bool:
    """Does a project form say it runs in the document's year only (起始年度 and 终止年度 both
    that year)? Then its 项目总预算 is the year's; else it may be the budget of several years."""
    start, end = form.field("起始年度"), form.field("终止年度")
    return start is not None and end is not None and str(year) in start.text and str(year) in end.text


def _one(form: Form, name: str) -> FormField | None:
    """The form's field of that name when it states one amount for it (a field printed twice with
    two amounts, or as words, is none)."""
    found = [f for f in form.fields if f.name == name]
    if not found or any(f.amount is None for f in found):
        return None
    return found[0] if len({f.amount.value for f in found if f.amount}) == 1 else None


def _project_row(figures: Figures, name: str) -> list[Fact]:
    """The project table's figures of the row a form's project name names."""
    for label in dict.fromkeys((normalise(name), normalise(words.NAME_NOTE.sub("", name)))):
        facts = [f for f in figures.get(label) if f.table.kind == "project"]
        if facts:
            return facts
    return []


def _unit_row(units: Units, form: Form, name: str) -> list[Fact]:
    """The figures of a project's row under the form's unit (实施单位) in the per-unit project tables."""
    unit = form.field("实施单位")
    key = units.named(unit.text) if unit is not None else None
    if key is None:
        return []
    return next((facts for label in dict.fromkeys((name, words.NAME_NOTE.sub("", name))) if (facts := units.facts(key, label))), [])


def _is_overall(form: Form) -> bool:
    """Is a form the department's overall one: titled so, and naming no project?"""
    return form.field("项目名称") is None and words.OVERALL_TITLE.search(form.table.title) is not None


def _form_year(doc: Document, form: Form) -> int | None:
    """The year a form's title (or the lines right under it) names, if any."""
    first = form.table.location.line
    lines = [line.text for line in doc.lines_between(form.table.location.path, first, first + YEAR_REACH - 1)]
    for text in (form.table.title, *lines):
        match = words.FORM_YEAR.search(text)
        if match:
            return int(match.group("year"))
    return None


def _value_unit(field: FormField) -> str:
    """The unit a field's value prints after its amount, if any."""
    match = words.VALUE_UNIT.search(field.text)
    return match.group("unit") if match else ""


def _unit(doc: Document, form: Form) -> str:
    """The unit of a form's money: its table's, else the first one its lines print."""
    if form.table.unit:
        return form.table.unit
    for line in doc.lines_between(form.location.path, form.location.line, form.location.end_line):
        match = words.FORM_UNIT.search(line.text)
        if match:
            return match.group("unit")
    return ""


# --------------------------------------------------------------------------------------------
# The money grid of an overall form (部门总体资金情况)

GRID_ROW_UNREAD = Doubt("reading", "资金情况表有一行的金额未能按列读出", "a row of the money grid could not be read by column")
_YEAR = compile_lazily(r"^20\d{2}$")
_FIGURE = compile_lazily(r"^-?[\d,]+(?:\.\s?\d+)?\s*[%％]?$")


@dataclass
class _GridRow:
    """A row of the money grid: its label, its amounts by column (None where blank) and where."""

    label: str
    cells: list[str | None]
    line: Line
    columns: list[int] = field(default_factory=list)  # where each cell starts on the line


def _money_grid(doc: Document, form: Form, budget: bool) -> Iterator[FormMoney]:
    """The money grid of an overall form: each group's 合计 against its rows, column by column,
    and, in a budget, the year's income against its spending (a balanced budget)."""
    if not _is_overall(form):
        return
    groups = _grid_groups(doc, form)
    if len(groups) != 2:
        return
    percent = {i for rows, _ in groups for row in rows for i, cell in enumerate(row.cells) if cell and cell.endswith(("%", "％"))}
    held: list[bool] = []
    for rows, doubts in groups:
        if doubts:  # a row not read by column: the group's sums would miss it
            held.append(False)
            continue
        *parts, total = rows
        fine = True
        for column in range(len(total.cells)):
            if column in percent:
                continue
            total_field = _cell_field(form.location.path, total, column, "合计")
            part_fields = [f for f in (_cell_field(form.location.path, row, column, row.label) for row in parts
                                       if not words.OF_WHICH.match(row.label)) if f is not None]
            if total_field is None or not part_fields:
                continue
            sum_ = sum((f.amount.value for f in part_fields if f.amount), Decimal(0))
            if sum_ != total_field.amount.value:
                fine = False
            yield FormMoney(form, total_field, "合计", "", parts=tuple(part_fields))
        held.append(fine)
    income, spending = (_cell_field(form.location.path, rows[-1], 0, name) for (rows, _), name in zip(groups, ("收入合计", "支出合计")))
    if budget and all(held) and income is not None and spending is not None:
        yield FormMoney(form, income, words.BALANCE, "", parts=(spending,))


def _grid_groups(doc: Document, form: Form) -> list[tuple[list[_GridRow], tuple[Doubt, ...]]]:
    """The rows of the money grid in two groups (income, then spending), each ending at its 合计,
    with a doubt for a group in which a line of figures could not be read by column."""
    lines = list(doc.lines_between(form.location.path, form.location.line, form.location.end_line))
    start = next((i for i, line in enumerate(lines) if words.MONEY_GRID_HEADER.search(line.text)), None)
    if start is None:
        return []
    read = [(line, _grid_row(line)) for line in lines[start + 1:start + 1 + words.MONEY_GRID_REACH]]
    width = max((len(row.cells) for _, row in read if row is not None), default=0)
    groups: list[tuple[list[_GridRow], tuple[Doubt, ...]]] = []
    rows: list[_GridRow] = []
    unsure = False
    for line, row in read:
        if row is None:
            unsure = unsure or any(_FIGURE.match(token) for token in line.text.split())
            continue
        if all(c is None or _YEAR.match(c) for c in row.cells):
            continue  # a header naming the years of its columns (近两年收支金额 2024 2023)
        if line.layout != GRID and len([c for c in row.cells if c]) not in (0, width):
            unsure = True  # its figures cannot be placed under their columns (the row still ends a group)
        row.cells.extend([None] * (width - len(row.cells)))
        rows.append(row)
        if words.MONEY_GRID_TOTAL.match(row.label):
            groups.append((rows, (GRID_ROW_UNREAD,) if unsure else ()))
            rows, unsure = [], False
            if len(groups) == 2:
                break
    return groups


_TOKEN = compile_lazily(r"\S+(?:\.\s\d+)?")
_SPACE = compile_lazily(r"\s")


def _grid_row(line: Line) -> _GridRow | None:
    """A line of the money grid read as a row: the last words before its first figure are its
    label, what follows are its cells (by tab where tabs cut them; else its figures in order)."""
    if line.layout == GRID:
        cells = [c.text.strip() for c in line.cells]
        first = next((i for i, text in enumerate(cells) if _FIGURE.match(text)), None)
        labels = [i for i, text in enumerate(cells[:first]) if text]
        if not labels:
            return None
        label = labels[-1]
        values = cells[label + 1:]
        while values and not values[-1]:
            values.pop()
        if any(v and not _FIGURE.match(v) for v in values):
            return None
        starts = [c.location.column for c in line.cells[label + 1:label + 1 + len(values)]]
        return _GridRow(cells[label], [v or None for v in values], line, starts)
    tokens = list(_TOKEN.finditer(line.text))
    first = next((i for i, t in enumerate(tokens) if _FIGURE.match(t.group())), len(tokens))
    if first == 0 or any(not _FIGURE.match(t.group()) for t in tokens[first:]):
        return None
    return _GridRow(tokens[first - 1].group(), [t.group() for t in tokens[first:]], line,
                    [t.start() + 1 for t in tokens[first:]])


def _cell_field(path: str, row: _GridRow, column: int, name: str) -> FormField | None:
    """A cell of the money grid as a form field (its amount, where it is printed); None when blank."""
    text = row.cells[column] if column < len(row.cells) else None
    value = parse_amount(text) if text else None
    if text is None or value is None:
        return None
    start = row.columns[column]
    location = Location(path, row.line.number, start, row.line.number, start + len(text), row.line.page)
    return FormField(name, text, Amount(value, text, location), location)


# --------------------------------------------------------------------------------------------
# A self-evaluation's execution against its project's paragraph

# What a project's paragraph states of its execution, after the project's name: "项目全年预算数为
# 103.3 万元，执行数为 103.3 万元".
_STATED = {"预算数": compile_lazily(rf"(?<!执行)预算数\s*(?:为|是)?\s*(?P<amount>{NUMBER})\s*万元"),
           "执行数": compile_lazily(rf"执行数\s*(?:为|是)?\s*(?P<amount>{NUMBER})\s*万元")}


def _against_narrative(doc: Document, form: Form, forms: list[Form], sentences: Cleaned, unit: str) -> Iterator[FormMoney]:
    """A self-evaluation's 预算数 and 执行数 (its execution row, read as a completion rate) against
    what a sentence of the narrative, outside the forms, states as that project's 预算数 and 执行数.
    Only a sentence that names this project and no other form's project, and says which figure
    each amount is."""
    project = form.field("项目名称")
    rows = [c for c in doc.claims if isinstance(c, Completion) and c.sentence.location.within(form.location)]
    if project is None or len(rows) != 1 or len(normalise(project.text)) < MIN_PROJECT_NAME:
        return
    name = normalise(project.text)
    others = {normalise(f.field("项目名称").text) for f in forms if f is not form and f.field("项目名称")} - {name}
    doubts = tuple(d for d in (None if unit else UNIT_UNKNOWN,) if d)
    for paragraph, sentence, clean in sentences:
        if any(sentence.location.within(f.location) for f in forms):
            continue
        at = clean.text.find(name)
        if at < 0 or any(other and other in clean.text for other in others):
            continue
        for label, amount in (("预算数", rows[0].budget), ("执行数", rows[0].actual)):
            match = _STATED[label].search(clean.text, at + len(name))
            if match is None:
                continue
            start, end = clean.origin[match.start("amount")], clean.origin[match.end("amount") - 1] + 1
            location = paragraph.body.locate(start, end)
            stated = Amount(parse_amount(match.group("amount")) or Decimal(0), match.group("amount"), location)
            yield FormMoney(form, FormField(label, amount.text, amount, amount.location), project.text, unit,
                            doubts=doubts, narrative=FormField(label, stated.text, stated, location))


# A project name shorter than this (经费) may be a word of any sentence.
MIN_PROJECT_NAME = 4


# --------------------------------------------------------------------------------------------
# A self-evaluation's cost indicator that names the budget, against its execution row


def _budget_costs(doc: Document, form: Form, unit: str) -> Iterator[FormMoney]:
    """A cost indicator naming the project's budget (预算控制数 20 万元 | 5.44 万元): its target is
    the budget the form's execution row states (预算数), its actual value what was spent (执行数).
    Only a value printed as money with its unit, and a form with one execution row."""
    rows = [c for c in doc.claims if isinstance(c, Completion) and c.sentence.location.within(form.location)]
    if len(rows) != 1 or not unit:
        return
    row = rows[0]
    for indicator in form.indicators:
        if not words.BUDGET_COST.match(_SPACE.sub("", indicator.name)):
            continue
        for label, value, stated in (("预算数", indicator.target, row.budget), ("执行数", indicator.actual, row.actual)):
            money = words.MONEY_VALUE.match((value or "").strip())
            amount = parse_amount(money.group("number")) if money else None
            if money is None or amount is None:
                continue
            location = indicator.location
            field = FormField(indicator.name, value or "", Amount(amount, money.group("number"), location), location)
            yield FormMoney(form, field, label, unit, own=FormField(label, stated.text, stated, stated.location))


# --------------------------------------------------------------------------------------------
# A department's self-evaluation: what it spent of each kind


def _spent_totals(doc: Document, form: Form, figures: Figures, links: Sequence[Link]) -> Iterator[FormMoney]:
    """An overall self-evaluation's 基本支出总额 and 项目支出总额 against the document's 基本支出 and
    项目支出: the tables' totals, else the narrative's statements of them when no table prints
    them and every statement gives one amount."""
    if not _is_overall(form):
        return
    unit = _unit(doc, form)
    doubts = tuple(d for d in (FISCAL_ONLY, FORM_DOUBTED if form.doubts else None, None if unit else UNIT_UNKNOWN) if d)
    for name, subject in SPENT_TOTALS.items():
        field = _one(form, name)
        if field is None:
            continue
        found = figures.total(subject, ALL)
        if found:
            if len({fact_in_wan_yuan(f)[0] for f in found}) == 1:
                yield FormMoney(form, field, subject, unit, facts=tuple(found), doubts=doubts)
            continue
        stated = [link.amount for link in links if link.subject == subject and not link.budget_unit
                  and link.reason == NO_TABLE]
        if stated and len({a.value for a in stated}) == 1:
            yield FormMoney(form, field, subject, unit, doubts=doubts,
                            narrative=FormField(subject, stated[0].text, stated[0], stated[0].location))


# --------------------------------------------------------------------------------------------
# The rows of a list of forms that sum others (合计, a unit's row)

LIST_MISREAD = Doubt("reading", "列表中多处单位行与其项目之和不符，单位行的结构可能读错",
                     "several rows of the list do not add up: its units' rows may be misread")
# A list whose summing rows fail this many times was misread (a project's row taken for its
# unit's), not mis-added: a slip breaks a unit's sum and the 合计's, two at most.
MAX_LIST_SLIPS = 2


def _list_totals(doc: Document, totals: Sequence[ListTotal]) -> Iterator[FormMoney]:
    """Each summing row of a list against its own sources (总计 = 财政拨款 + … as a project's),
    and each of its money columns against the rows it sums (a blank cell is 0; a column no part
    prints is not summed), in the list's unit; with a doubt on all of those when more fail than
    a slip or two explains, or when a form involved was read with doubts."""
    found: list[FormMoney] = []
    for total in totals:
        unit = _unit(doc, total.total)
        yield from (replace(money, subject=total.label or money.subject, unit=unit,
                            doubts=(*((FORM_DOUBTED,) if total.total.doubts else ()), *(() if unit else (UNIT_UNKNOWN,))))
                    for money in _against_sources(total.total))
        doubted = any(form.doubts for form in (total.total, *total.parts))
        for name in total.total.columns:
            field = _one(total.total, name)
            parts = [(part, _one(part, name)) for part in total.parts if part.field(name) is not None]
            if field is None or not parts or any(p is None for _, p in parts):
                continue
            fields = tuple(FormField(_row_name(part), p.text, p.amount, p.location) for part, p in parts if p is not None)
            found.append(FormMoney(total.total, field, total.label or field.name, unit, parts=fields,
                                   doubts=(FORM_DOUBTED,) if doubted else ()))
    failing = sum(not adds_up(m.field.amount.value, [p.amount.value for p in m.parts if p.amount]) for m in found if m.field.amount)
    misread = (LIST_MISREAD,) if failing > MAX_LIST_SLIPS else ()
    for money in found:
        yield replace(money, doubts=(*money.doubts, *misread, *(() if money.unit else (UNIT_UNKNOWN,))))


def _row_name(form: Form) -> str:
    """The name a list's row prints: its project's, else its unit's."""
    name = form.field("项目名称") or form.field("实施单位")
    return name.text if name is not None else ""
