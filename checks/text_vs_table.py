"""The `text-vs-table` rule: a figure in the narrative differs from the table figure it restates."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any, Iterator, Mapping

import regex

from auditlint.findings import Finding, Level, Message, Related, shape_hint
from auditlint.model import Amount, Document, Table
from auditlint.parse import domain
from auditlint.parse.claims import NUMBER, CleanText
from auditlint.parse.numbers import half_unit

# A figure of the narrative: the words right before it are its subject ("卫生健康支出 74.72 万元").
_FIGURE = regex.compile(rf"(?P<subject>[\p{{Han}}（）()]{{2,30}}?)\s*(?:为|是|达|共|计)?\s*(?P<amount>{NUMBER})\s*万元")
_YEAR = regex.compile(r"(\d{4})\s*年")
_LEADING = regex.compile(r"^(?:其中|包括|主要是|主要|安排|全年|本年|当年|年度|年|部门|单位|本部门|本单位)+")
_ENUMERATOR = regex.compile(r"^(?:[一二三四五六七八九十廿]+、|[（(][一二三四五六七八九十廿\d]+[)）]|\d+[、.．])")
_SPACE = regex.compile(r"\s+")

# Subjects the narrative uses for the document's totals, and the quantity they name.
CONCEPTS: tuple[tuple[regex.Pattern, str], ...] = (
    (regex.compile(r"^(?:收支总预算|收入预算|支出预算|收支预算总额|财政拨款收支总预算)$"), "total"),
    (regex.compile(r"^(?:一般公共预算)?基本支出$"), "basic"),
    (regex.compile(r"^(?:一般公共预算)?项目支出$"), "project"),
    (regex.compile(r"^人员经费$"), "personnel"),
    (regex.compile(r"^公用经费$"), "public"),
)
MIN_LABEL = 4  # a row label of fewer characters (合计, 其他) names nothing the narrative restates


@dataclass(frozen=True)
class TableFigure:
    table: Table
    amount: Amount


class TextVsTable:
    """A figure in the narrative differs from the table figure it restates.

    What it checks: an amount in a sentence whose subject (the words right before it) names a row
    of the tables that means one thing in the whole document: a function class (卫生健康支出), an
    economic class (对个人和家庭的补助), a project of the 项目支出表, or one of the document's totals
    (收支总预算, 基本支出, 项目支出, 人员经费, 公用经费). It is compared with that figure when every
    table that states it agrees and the table prints the name once. Names of 款 and 项 and of
    sub-items are left alone: they recur under other units and parents. So is a figure whose
    sentence speaks of an earlier year than the document's.

    Why it matters: the narrative is what most readers read; a figure mistyped there (51.63 for
    15.63) misinforms them, and the tables prove which one is right.

    Hints: two digits swapped, one digit off, a factor of 10 000, one cent of rounding (a note).

    Example: samples/planted_budget_2025.txt, 数据治理外包服务 65.28 in the text and 56.28 in 表7.

    Suppress: in a text or Markdown document, `<!-- auditlint: disable-next-line=text-vs-table -->`.
    """

    id = "text-vs-table"
    level = Level.ERROR

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Finding]:
        figures = table_figures(doc)
        if not figures.rows and not figures.totals:
            return
        year = document_year(doc)
        for paragraph in doc.paragraphs:
            for sentence in paragraph.sentences:
                clean = CleanText.of(paragraph, sentence)
                for match in _FIGURE.finditer(clean.text):
                    if _earlier_year(clean.text[:match.start("amount")], year):
                        continue
                    subject = normalise(match.group("subject"))
                    found = figures.get(subject)
                    if not found:
                        continue
                    finding = self._compare(subject, clean.amount(paragraph, match, "amount"), found)
                    if finding is not None:
                        yield finding

    def _compare(self, subject: str, stated: Amount, found: list[TableFigure]) -> Finding | None:
        values = Counter(f.amount.value for f in found)
        if len(values) > 1:
            return None  # the tables disagree among themselves: cross-table's business
        expected = found[0].amount
        difference = stated.value - expected.value
        if difference == 0:
            return None
        rounding = abs(difference) <= half_unit(stated.value) + half_unit(expected.value)
        tables = "、".join(dict.fromkeys(f"《{f.table.name}》" for f in found))
        return Finding(
            rule=self.id,
            level=Level.NOTE if rounding else Level.ERROR,
            message=Message(
                f"正文中{subject}为 {stated.text} 万元，而{tables}为 {expected.text}"
                + ("，相差在四舍五入误差之内" if rounding else ""),
                f"the text gives {subject} as {stated.text}, the tables ({', '.join(dict.fromkeys(f.table.name for f in found))}) "
                f"as {expected.text}" + ("; the gap is within rounding" if rounding else "")),
            location=stated.location,
            related=tuple(Related(f.amount.location, Message(f"《{f.table.name}》", f.table.name)) for f in found),
            logical=f"text:{subject}",
            stated=stated.text,
            expected=expected.text,
            difference=str(difference),
            hint=None if rounding else shape_hint(stated.value, expected.value),
        )


def normalise(label: str) -> str:
    """A subject or row label reduced to its words: no spaces, numbering, year or filler words."""
    text = _ENUMERATOR.sub("", _SPACE.sub("", label))
    text = regex.sub(r"^\d{4}年", "", text)
    return _LEADING.sub("", text)


@dataclass(frozen=True)
class Figures:
    """What the tables state, by name: each row under its label, each of the document's totals
    under its quantity (total, basic, project, personnel, public)."""

    rows: dict[str, list[TableFigure]]
    totals: dict[str, list[TableFigure]]

    def get(self, subject: str) -> list[TableFigure]:
        if subject in self.rows:
            return self.rows[subject]
        for pattern, quantity in CONCEPTS:
            if pattern.match(subject):
                return self.totals.get(quantity, [])
        return []


def table_figures(doc: Document) -> Figures:
    """Every figure the tables state under a name: each row by its label, in the table's total
    column; the document's totals from the total rows of the tables of expenditure."""
    rows: dict[str, list[TableFigure]] = {}
    totals: dict[str, list[TableFigure]] = {}
    for table in doc.tables:
        if table.kind == "performance" or not table.rows:
            continue
        quantities = domain.column_quantities(table.columns, table.kind)
        total_column = 0 if table.side or quantities.get(0) in ("total", "basic") else None
        printed = Counter(normalise(r.label) for r in table.rows)
        for index, row in enumerate(table.rows):
            if not row.readable:
                continue
            label = normalise(row.label)
            is_total = domain.TOTAL_LABEL.match(label) is not None or (index == 0 and not row.code and not table.side)
            if total_column is not None and row.amounts and row.amounts[total_column] is not None \
                    and len(label) >= MIN_LABEL and not is_total and printed[label] == 1 and _names_one_thing(table, row):
                rows.setdefault(label, []).append(TableFigure(table, row.amounts[total_column]))
            if is_total and not table.side:
                for column, quantity in quantities.items():
                    amount = row.amounts[column]
                    if amount is not None and (quantity != "total" or table.kind in ("expenditure", "summary")):
                        totals.setdefault(quantity, []).append(TableFigure(table, amount))
    return Figures(rows, totals)


_TOP_LEVEL = regex.compile(r"^\s*[一二三四五六七八九十廿]+、")


def _names_one_thing(table: Table, row) -> bool:
    """Rows whose name means the same wherever the narrative uses it: a function or economic class
    (a 3-digit code), the first level of a two-sided table, a project of a 项目支出表. Names of 款
    and 项, and of sub-items (一般公共预算拨款 under 上年结转), recur under other parents."""
    if table.kind == "project":
        return not row.code
    if table.side:
        return bool(_TOP_LEVEL.match(row.label))
    return len(row.code) == 3


def document_year(doc: Document) -> int | None:
    """The year a document is about: the one its table titles name most often."""
    years = Counter(int(y) for t in doc.tables for y in _YEAR.findall(t.title))
    return years.most_common(1)[0][0] if years else None


def _earlier_year(before: str, year: int | None) -> bool:
    found = [int(y) for y in _YEAR.findall(before)]
    return year is not None and bool(found) and found[-1] < year
