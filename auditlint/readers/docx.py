"""Word (.docx): the body's paragraphs and tables in document order, as lines of cells.

A paragraph is a PROSE line anchored `¶N` (the N-th paragraph of the body, outside tables, empty
ones counted); a paragraph that sets words apart with tabs is a row of cells, as a tab-separated
text line is. A table row is a GRID line, one cell per column of the table's grid, anchored
`TN!RrCc` (the N-th table of the body, its row r and grid column c): a cell spanning columns
prints its text in its first column and leaves the others blank, and a cell merged down from the
row above is blank, as the page shows it once. The text is what the page shows: tracked
deletions, field codes and text formatted hidden are left out (a hidden run is remarked on),
text boxes are not read. Nothing in the document is run; python-docx only parses its XML.
"""
from __future__ import annotations

import io
from typing import Iterator

from auditlint.model import GRID, HIDDEN, Location, Remark, Source
from auditlint.readers.office import Lines, joined, open_package
from auditlint.readers.text import UnreadableError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
P, TBL, TR, TC, R, T, SDT, CONTENT = (f"{W}{name}" for name in ("p", "tbl", "tr", "tc", "r", "t", "sdt", "sdtContent"))
BREAKS = {f"{W}tab": "\t", f"{W}br": "\n", f"{W}cr": "\n", f"{W}noBreakHyphen": "-"}
# What the page does not show as the paragraph's own text: deletions tracked, a text box's
# paragraphs (and their copy for older readers), a field's instruction.
SKIPPED = {f"{W}del", f"{W}moveFrom", f"{W}txbxContent", f"{MC}Fallback", f"{W}instrText", f"{W}delText"}
VAL = f"{W}val"


def read_docx(path: str, data: bytes, max_memory_mb: int | None = None) -> Source:
    """Read a .docx into lines of cells; refuse one that cannot be read safely, or holds no text."""
    open_package(data, ".docx", max_memory_mb).close()
    import docx

    try:
        body = docx.Document(io.BytesIO(data)).element.body
    except Exception as exc:  # noqa: BLE001 - a damaged package raises from zip, XML or python-docx's own layer
        raise UnreadableError(f"not a readable .docx file (damaged, or not a Word file): {type(exc).__name__}: {exc}") from exc
    reader = _Body(path)
    reader.blocks(body)
    if all(line.is_blank for line in reader.out.lines):
        raise UnreadableError("the Word document has no text: auditlint cannot read it")
    return Source(path, "docx", "python-docx", tuple(reader.out.lines), tuple(reader.remarks()))


class _Body:
    """The body read in order, paragraphs and tables numbered as they come."""

    def __init__(self, path: str) -> None:
        self.out = Lines(path)
        self.paragraphs = 0
        self.tables = 0
        self.hidden: list[Location] = []  # the paragraphs with text formatted hidden

    def blocks(self, parent: object) -> None:
        for child in parent:
            if child.tag == P:
                self.paragraph(child)
            elif child.tag == TBL:
                self.table(child)
            elif child.tag == SDT:  # a content control: its content is the body's
                content = child.find(CONTENT)
                if content is not None:
                    self.blocks(content)

    def paragraph(self, element: object) -> None:
        self.paragraphs += 1
        anchor = f"¶{self.paragraphs}"
        text, hidden = paragraph_text(element)
        text = text.strip(" \t\u3000")
        if "\t" in text:  # words set apart by tabs: a row of cells, and the rows of such paragraphs one table
            if not (self.out.lines and self.out.lines[-1].layout == GRID):
                self.out.apart(1)
            location = self.out.row([(part, anchor) for part in text.split("\t")])[0]
        else:
            location = self.out.prose(text, anchor)
        if hidden:
            self.hidden.append(location or Location(self.out.path, max(self.out.next_number - 1, 1), 1,
                                                    max(self.out.next_number - 1, 1), 1, 1, anchor))

    def table(self, element: object) -> None:
        self.tables += 1
        self.out.apart(1)
        for number, row in enumerate(element.iterchildren(TR), start=1):
            self.out.row(list(self._cells(row, f"T{self.tables}!R{number}")))
        self.out.apart(1)

    def _cells(self, row: object, anchor: str) -> Iterator[tuple[str, str]]:
        """A row's cells by grid column: (text, anchor); blank for the columns a cell spans
        after its first, for a cell merged down from above, and for the grid columns the row
        leaves out before its first cell."""
        column = 1
        for _ in range(_property(row, "trPr", "gridBefore", 0)):
            yield "", f"{anchor}C{column}"
            column += 1
        for cell in row.iterchildren(TC):
            span = max(_property(cell, "tcPr", "gridSpan", 1), 1)
            text = "" if _merged_from_above(cell) else cell_text(cell)
            for offset in range(span):
                yield (text if offset == 0 else ""), f"{anchor}C{column + offset}"
            column += span

    def remarks(self) -> Iterator[Remark]:
        if self.hidden:
            places = ", ".join(location.anchor for location in self.hidden[:5]) + (" …" if len(self.hidden) > 5 else "")
            yield Remark(HIDDEN, f"格式设为隐藏的文字未读取（{places}）：隐藏的内容不会公开",
                         f"text formatted hidden was not read ({places}): hidden content is not published",
                         self.hidden[0])


def paragraph_text(paragraph: object) -> tuple[str, bool]:
    """The text a paragraph shows, and whether it holds text formatted hidden (left out)."""
    parts: list[str] = []
    hidden = False

    def walk(element: object) -> None:
        nonlocal hidden
        for child in element:
            tag = child.tag
            if not isinstance(tag, str) or tag in SKIPPED:
                continue
            if tag == R and _is_hidden(child):
                hidden = hidden or any(t.text for t in child.iter(T))
                continue
            if tag == T:
                parts.append(child.text or "")
            elif tag in BREAKS:
                parts.append(BREAKS[tag])
            else:
                walk(child)

    walk(paragraph)
    return "".join(parts), hidden


def cell_text(cell: object) -> str:
    """A table cell's paragraphs (those of a table inside it too) as one line of text."""
    return joined([paragraph_text(p)[0].replace("\t", " ") for p in cell.iter(P)])


def _is_hidden(run: object) -> bool:
    vanish = run.find(f"{W}rPr/{W}vanish")
    return vanish is not None and vanish.get(VAL, "true") not in ("0", "false", "off")


def _merged_from_above(cell: object) -> bool:
    """A cell that continues a vertical merge: its text is the top cell's."""
    merge = cell.find(f"{W}tcPr/{W}vMerge")
    return merge is not None and merge.get(VAL, "continue") == "continue"


def _property(element: object, group: str, name: str, default: int) -> int:
    """A whole-number property of a row or cell (gridBefore, gridSpan)."""
    found = element.find(f"{W}{group}/{W}{name}")
    try:
        return int(found.get(VAL)) if found is not None else default
    except (TypeError, ValueError):
        return default
