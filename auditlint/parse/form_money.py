"""The money of performance forms, paired with what it must equal.

A project's form restates the project's budget (当年预算, else 年度资金总额/项目总预算) that the
项目支出表 prints in the project's row; a department's overall form (部门整体支出绩效目标表)
restates the department's 财政拨款 and its total, which the budget tables print as the
document's totals; and a form's total is the sum of its sources (资金总额 = 财政拨款 + 其他资金).

Only a form of the document's year is paired (a form whose title names another year is another
year's money), and only a field read as one amount. A project's row is found by the form's
项目名称 as the tables index rows (auditlint.parse.figures), with a bracketed note after the name
("（一级）") left out when the name with it names no row. What could make a gap a misreading
rather than a contradiction is kept as a doubt: the form read with doubts, its unit not printed.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Iterator

from auditlint.domain import forms as words
from auditlint.domain.scope import ALL, FISCAL
from auditlint.model import FORM_DOUBTED, Document, Doubt, Fact, Form, FormField, FormMoney
from auditlint.agreement import fact_in_wan_yuan
from auditlint.parse.figures import Figures, normalise, printed_enough

UNIT_UNKNOWN = Doubt("unit", "绩效表未注明金额单位", "the form does not print its unit")
ONE_TABLE = Doubt("reading", "只有一张表印有该总数", "one table only prints that total")
# The document's totals an overall form's fields restate: the name the tables' totals are found
# under, and the money it is of.
OVERALL_TOTALS = {"财政拨款": ("财政拨款收入", FISCAL), "项目总预算": ("支出预算", ALL)}
# How many lines after a form's first one may state its year ("（2023年度）" under the title).
YEAR_REACH = 4


def form_money(doc: Document, forms: list[Form], figures: Figures, year: int | None) -> Iterator[FormMoney]:
    """Every money field of the document's forms paired with the tables' figures it restates,
    and every form total paired with its sources."""
    if year is None:
        return
    for form in forms:
        if _form_year(doc, form) not in (None, year):
            continue
        for money in (*_against_tables(form, figures), *_against_sources(form)):
            unit = _value_unit(money.field) or _unit(doc, form)
            doubts = (*money.doubts, *(d for d in (FORM_DOUBTED if form.doubts else None, None if unit else UNIT_UNKNOWN) if d))
            yield replace(money, unit=unit, doubts=doubts)


def _against_tables(form: Form, figures: Figures) -> Iterator[FormMoney]:
    """A project form's budget against its row of the project table; an overall form's 财政拨款
    and total against the document's totals."""
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
    facts = _project_row(figures, project.text)
    if facts:
        yield FormMoney(form, field, project.text, "", facts=tuple(facts))


def _against_sources(form: Form) -> Iterator[FormMoney]:
    """A form's total (its year's budget) with its sources, when it prints every one of them."""
    total = _budget(form)
    parts = [_one(form, name) for name in words.SOURCE_PARTS]
    if total is not None and all(part is not None for part in parts):
        yield FormMoney(form, total, total.name, "", parts=tuple(p for p in parts if p is not None))


def _budget(form: Form) -> FormField | None:
    """The form's budget of the year: its 当年预算, else its total (年度资金总额, 项目总预算)."""
    return _one(form, "当年预算") or (None if form.field("当年预算") else _one(form, "项目总预算"))


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


def _is_overall(form: Form) -> bool:
    """Is a form the department's overall one: titled so, and naming no project?"""
    return form.field("项目名称") is None and words.OVERALL_TITLE.search(form.table.title) is not None


def _form_year(doc: Document, form: Form) -> int | None:
    """The year a form's title (or the lines right under it) names, if any."""
    lines = [line.text for line in doc.source.lines
             if form.table.location.line <= line.number < form.table.location.line + YEAR_REACH]
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
    for line in doc.source.lines:
        if form.location.line <= line.number <= form.location.end_line:
            match = words.FORM_UNIT.search(line.text)
            if match:
                return match.group("unit")
    return ""
