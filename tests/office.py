"""Word and Excel files made at test time (python-docx, openpyxl) from a text sample's own content.

A text sample is written as a draft is: its non-blank lines without tabs are paragraphs, its runs
of tab-separated lines are tables. `sample_docx` writes it as one Word document (paragraphs, and
Word tables whose cells are the tab-separated cells); `sample_xlsx` writes its tables as a
finance office's workbook does: a cover sheet with the document's title, then one sheet per
table (named after its 表N caption), the lines above a table's rows (caption, title, unit) and
the note under it as rows of one cell, the narrative left to the Word document. Amounts are written as numbers with the number format
they are printed in (`#,##0.00` for 1,809.22, `0.00` for 56.28), so that the reader has to
render them as Excel does.
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Callable, Iterator

import regex

AMOUNT = regex.compile(r"^-?(?:\d{1,3}(?:,\d{3})+|\d+)\.\d+$")

Block = tuple[str, list[str]]  # ("p", [text]) or ("table", [tab-separated lines])


def blocks(text: str) -> Iterator[Block]:
    """A text sample's paragraphs and tables, in order."""
    rows: list[str] = []
    for line in text.split("\n"):
        if "\t" in line:
            rows.append(line)
            continue
        if rows:
            yield "table", rows
            rows = []
        if line.strip():
            yield "p", [line]
    if rows:
        yield "table", rows


def sample_docx(text: str, path: Path) -> Path:
    """The sample as a Word document: paragraphs, and a Word table per run of tab-separated lines."""
    import docx

    document = docx.Document()
    for kind, lines in blocks(text):
        if kind == "p":
            document.add_paragraph(lines[0])
            continue
        cells = [line.split("\t") for line in lines]
        table = document.add_table(rows=len(cells), cols=max(len(row) for row in cells))
        for row, values in zip(table.rows, cells):
            for cell, value in zip(row.cells, values):
                cell.text = value
    document.save(str(path))
    return path


def number_format(text: str) -> str:
    return "#,##0.00" if "," in text else "0.00"


Value = Callable[[str], object]


def as_number(text: str) -> object:
    """A printed amount as the number a spreadsheet holds (other text as it is)."""
    return float(text.replace(",", "")) if AMOUNT.match(text) else text


def sample_xlsx(text: str, path: Path, value: Value = as_number) -> Path:
    """The sample's tables as a workbook, one sheet per table: everything from a 表N caption up to
    the next caption or the next part of the narrative (第四部分 …), its one-line paragraphs
    (caption, title, unit, a note, a form's sub-title) as one-cell rows and its tab-separated
    lines cell by cell. `value` turns a printed cell into what is written."""
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "封面"
    book.active.append([text.split("\n", 1)[0]])  # a cover with the document's title, which names its year
    sheet = None
    for kind, lines in blocks(text):
        if kind == "p" and regex.match(r"^表\d+$", lines[0]):
            sheet = book.create_sheet(lines[0])
        elif kind == "p" and regex.match(r"^第[一二三四五六七八九十]+部分", lines[0]):
            sheet = None
        if sheet is None:
            continue
        for line in lines:
            cells = line.split("\t")
            sheet.append([value(cell) for cell in cells])
            for cell, printed in zip(sheet[sheet.max_row], cells):
                if isinstance(cell.value, float):
                    cell.number_format = number_format(printed)
    book.save(str(path))
    return path


def figures(message: str) -> list[Decimal]:
    """The figures a finding's message states, in order: what a finding on a .docx or .xlsx must
    share with the same finding on the text."""
    return [Decimal(m.replace(",", "")) for m in regex.findall(r"-?\d[\d,]*\.\d+|-?\d+(?=%)", message)]
