"""What the tables state, by the name the narrative would use for it.

A sentence restates a table figure by naming it: a function or economic class (卫生健康支出), a
project, one of the document's totals (基本支出, 项目支出…), or a column of a one-row table (the
三公 table's 公务接待费). Only names that mean one thing in a document are indexed: names of 款
and 项 and of sub-items recur under other units and parents.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import regex

from typing import Iterator

from auditlint.model import Amount, Document, Row, Table
from auditlint.parse import domain
from auditlint.parse.claims import FIGURE, CleanText

_YEAR = regex.compile(r"(\d{4})\s*年")
_LEADING = regex.compile(r"^(?:其中|包括|主要是|主要|安排|全年|本年|当年|年度|年|部门|单位|本部门|本单位)+")
_ENUMERATOR = regex.compile(r"^(?:[一二三四五六七八九十廿]+、|[（(][一二三四五六七八九十廿\d]+[)）]|\d+[、.．])")
_SPACE = regex.compile(r"\s+")
MIN_LABEL = 4  # a row label of fewer characters (合计, 其他) names nothing the narrative restates
# One-row tables whose columns name the figures (the 三公 table's 因公出国（境）费, 公务接待费 …).
NAMED_BY_COLUMN = frozenset({"sangong"})


@dataclass(frozen=True)
class TableFigure:
    """A figure a table states: which table, and the amount with its location."""

    table: Table
    amount: Amount


# Subjects the narrative uses for the document's totals, and the quantity they name.
CONCEPTS: tuple[tuple[regex.Pattern, str], ...] = (
    (regex.compile(r"^(?:收支总预算|收入预算|支出预算|收支预算总额)$"), "total"),  # all funds, not 财政拨款
    (regex.compile(r"^(?:一般公共预算)?基本支出$"), "basic"),
    (regex.compile(r"^(?:一般公共预算)?项目支出$"), "project"),
    (regex.compile(r"^人员经费$"), "personnel"),
    (regex.compile(r"^公用经费$"), "public"),
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
        if table.kind in NAMED_BY_COLUMN and len(table.rows) == 1 and table.rows[0].readable:
            for name, amount in zip(table.columns, table.rows[0].amounts):
                label = normalise(name.rpartition("/")[2])
                if amount is not None and len(label) >= MIN_LABEL and not any(p.match(label) for p, _ in CONCEPTS):
                    rows.setdefault(label, []).append(TableFigure(table, amount))
    return Figures(rows, totals)


_TOP_LEVEL = regex.compile(r"^\s*[一二三四五六七八九十廿]+、")


def _names_one_thing(table: Table, row: Row) -> bool:
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


def earlier_year(before: str, year: int | None) -> bool:
    """Does the text before a figure name an earlier year than the document's (比2023年…)?"""
    found = [int(y) for y in _YEAR.findall(before)]
    return year is not None and bool(found) and found[-1] < year


def named_figures(doc: Document, pattern: regex.Pattern = FIGURE) -> Iterator[tuple[str, Amount, list[TableFigure]]]:
    """Each amount of the narrative (as `pattern` finds it, with a `subject` and an `amount`
    group) whose subject names figures of the tables: the subject, the amount, those figures.
    Amounts in a sentence about an earlier year than the document's are not the tables' figures."""
    figures = table_figures(doc)
    if not figures.rows and not figures.totals:
        return
    year = document_year(doc)
    for paragraph in doc.paragraphs:
        for sentence in paragraph.sentences:
            clean = CleanText.of(paragraph, sentence)
            for match in pattern.finditer(clean.text):
                if earlier_year(clean.text[:match.start("amount")], year):
                    continue
                subject = normalise(match.group("subject"))
                found = figures.get(subject)
                if found:
                    yield subject, clean.amount(paragraph, match, "amount"), found
