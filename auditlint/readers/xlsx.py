"""Excel (.xlsx): every visible sheet's rows as lines of cells, each cell as it is displayed.

openpyxl reads the workbook in read-only mode, values not formulas (a formula's value is the one
the file cached when it was last calculated); one streaming pass per sheet, through openpyxl's
own sheet parser, also gives what read-only mode leaves out: which rows and columns are hidden,
and which cells hold a formula. What a reviewer expects of each:
- a number is read as its cell displays it (auditlint.readers.numformat): 1809.2237 formatted
  `#,##0.00` is 1,809.22, and a remark says that the file holds more decimals than it shows;
- a merged cell's text is read once, at its first cell, where the sheet shows it;
- hidden rows, columns and sheets are not read (hidden content is not published), and a
  remark says which;
- a number stored as text is read as the text it shows;
- a formula with no cached value (a file written by a program and never opened in Excel or WPS)
  is no zero: its cell is blank, a remark of kind UNCOMPUTED names it, and the parser uses no
  sum of its row; so is a formula whose value is an error (#DIV/0!, #REF!).
A sheet is a page (its 1-based place in the workbook); a row is a line, GRID when it has two
cells or more, PROSE when its only text is one cell (a title, a unit, a note); a cell's anchor is
`Sheet!C7`, as Excel names it. Nothing in the workbook is run or followed: no macro (a workbook
with one is refused), no external link, no formula.
"""
from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any, Iterator

from auditlint.patterns import compile_lazily
from auditlint.model import DISPLAYED, HIDDEN, UNCOMPUTED, Location, Remark, Source
from auditlint.readers.numformat import general, shown
from auditlint.readers.office import Lines, open_package
from auditlint.readers.text import UnreadableError

SHOWN_IN_REMARK = 5  # cells a remark names before "…"


def read_xlsx(path: str, data: bytes, max_memory_mb: int | None = None) -> Source:
    """Read an .xlsx into lines of cells; refuse one that cannot be read safely, or shows nothing."""
    open_package(data, ".xlsx", max_memory_mb).close()
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True, keep_links=False)
    except Exception as exc:  # noqa: BLE001 - a damaged package raises from zip, XML or openpyxl's own layer
        raise UnreadableError(f"not a readable .xlsx file (damaged, or not an Excel file): {type(exc).__name__}: {exc}") from exc
    out = Lines(path)
    remarks: list[Remark] = []
    try:
        hidden_sheets = []
        for page, sheet in enumerate(book.worksheets, start=1):
            if sheet.sheet_state != "visible":
                hidden_sheets.append(sheet.title)
                continue
            try:
                grid = read_grid(sheet)
            except Exception as exc:  # noqa: BLE001 - as above, for a sheet's own part
                raise UnreadableError(f"sheet {sheet.title}: not readable (damaged?): {type(exc).__name__}: {exc}") from exc
            remarks.extend(write_sheet(out, grid, page))
    finally:
        book.close()
    if hidden_sheets:
        names = "、".join(hidden_sheets)
        remarks.insert(0, Remark(HIDDEN, f"隐藏的工作表未读取：{names}（隐藏的内容不会公开）",
                                 f"hidden sheets were not read: {', '.join(hidden_sheets)} (hidden content is not published)",
                                 Location(path, 1, 1, 1, 1, 1, f"{sheet_ref(hidden_sheets[0])}!A1")))
    if all(line.is_blank for line in out.lines):
        raise UnreadableError("the workbook shows no cell with content: auditlint cannot read it")
    return Source(path, "xlsx", "openpyxl", tuple(out.lines), tuple(remarks))


@dataclass(frozen=True)
class SheetCell:
    """A cell as read: its text as displayed, whether the file holds more digits than the
    display shows (with the value it holds), and whether it is a formula with no value."""

    text: str
    held: str = ""            # the value the file holds, where the display drops digits of it
    uncomputed: bool = False
    error: str = ""           # the error a formula gave (#DIV/0!, #REF!): its figure is unknown too


@dataclass
class SheetGrid:
    """One sheet: its cells with text (or an uncomputed formula) by (row, column), 1-based, and
    its hidden rows and columns."""

    name: str
    cells: dict[tuple[int, int], SheetCell] = field(default_factory=dict)
    hidden_rows: set[int] = field(default_factory=set)
    hidden_columns: set[int] = field(default_factory=set)


def read_grid(sheet: Any) -> SheetGrid:
    """A read-only sheet's cells, hidden rows and hidden columns, in one pass of openpyxl's sheet
    parser (read-only mode's own rows keep neither what is hidden nor which cells are formulas)."""
    from openpyxl.cell.read_only import ReadOnlyCell
    from openpyxl.utils import column_index_from_string
    from openpyxl.worksheet._reader import FORMULA_TAG, WorkSheetParser

    class Parser(WorkSheetParser):
        def parse_cell(self, element: Any) -> dict[str, Any]:
            cell = super().parse_cell(element)
            cell["formula"] = element.find(FORMULA_TAG) is not None
            return cell

    book = sheet.parent
    grid = SheetGrid(sheet.title)
    with sheet._get_source() as source:
        parser = Parser(source, sheet._shared_strings, data_only=True, epoch=book.epoch,
                        date_formats=book._date_formats, timedelta_formats=book._timedelta_formats)
        for _, cells in parser.parse():
            for cell in cells:
                found = _sheet_cell(cell, ReadOnlyCell(sheet, cell["row"], cell["column"], cell["value"],
                                                       cell["data_type"], cell["style_id"]))
                if found is not None:
                    grid.cells[(cell["row"], cell["column"])] = found
    grid.hidden_rows = {int(row) for row, attrs in parser.row_dimensions.items() if _true(attrs.get("hidden"))}
    for attrs in parser.column_dimensions.values():
        if _true(attrs.get("hidden")):
            low = int(attrs.get("min") or column_index_from_string(attrs["index"]))
            grid.hidden_columns.update(range(low, int(attrs.get("max") or low) + 1))
    return grid


def _true(value: Any) -> bool:
    return str(value).lower() in ("1", "true")


def _sheet_cell(cell: dict[str, Any], styled: Any) -> SheetCell | None:
    """A parsed cell as displayed, or None for an empty one."""
    value = cell["value"]
    if value is None:
        return SheetCell("", uncomputed=True) if cell.get("formula") else None
    if cell["data_type"] == "e":  # blank for the parser, which would take the error's text for words of the label
        return SheetCell("", error=str(value))
    if isinstance(value, bool):
        return SheetCell("TRUE" if value else "FALSE")
    if isinstance(value, (int, float)):
        display = shown(value, styled.number_format)
        if display is None:
            return SheetCell(general(value))
        return SheetCell(display.text, general(value) if display.hides_digits else "")
    if isinstance(value, datetime):
        return SheetCell(value.date().isoformat() if value.time() == time(0) else value.isoformat(sep=" "))
    if isinstance(value, (date, time)):
        return SheetCell(value.isoformat())
    text = str(value).strip()
    return SheetCell(text) if text else None


_PLAIN_NAME = compile_lazily(r"^[\p{L}_][\p{L}\p{N}_.]*$")


def sheet_ref(name: str) -> str:
    """A sheet's name as a cell reference writes it: quoted when it has spaces or marks."""
    return name if _PLAIN_NAME.match(name) else "'" + name.replace("'", "''") + "'"


def column_letter(index: int) -> str:
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def write_sheet(out: Lines, grid: SheetGrid, page: int) -> Iterator[Remark]:
    """A sheet's visible rows as lines (a blank line for each run of empty rows; a row of one
    cell of text PROSE, any other GRID from the sheet's first column), then its remarks: hidden
    rows and columns left unread, figures shown with fewer decimals than held, formulas without
    a value."""
    ref = sheet_ref(grid.name)
    visible = {key: cell for key, cell in grid.cells.items()
               if key[0] not in grid.hidden_rows and key[1] not in grid.hidden_columns}
    used = {column for (_, column) in visible}
    # every column between the first and the last with content, an empty one too: a column is a
    # place in the grid whether or not this sheet fills it (a merged cell's second column)
    columns = [c for c in range(min(used), max(used) + 1) if c not in grid.hidden_columns] if used else []
    placed: dict[tuple[int, int], Location] = {}
    previous = None
    out.apart(page)
    for row in sorted({row for (row, _) in visible}):
        if previous is not None and row > previous + 1:
            out.apart(page)
        previous = row
        filled = [column for column in columns if (row, column) in visible]
        if len(filled) == 1 and visible[(row, filled[0])].text:  # a title, a unit, a note: running text
            location = out.prose(visible[(row, filled[0])].text, f"{ref}!{column_letter(filled[0])}{row}", page)
            if location is not None:
                placed[(row, filled[0])] = location
            continue
        span = [column for column in columns if column <= filled[-1]]
        cells = [(visible[(row, column)].text if (row, column) in visible else "", f"{ref}!{column_letter(column)}{row}")
                 for column in span]
        placed.update(zip(((row, column) for column in span), out.row(cells, page)))
    first = next(iter(placed.values()), Location(out.path, max(len(out.lines), 1), 1, max(len(out.lines), 1), 1, page))
    yield from _remarks(grid, ref, placed, first)


def _remarks(grid: SheetGrid, ref: str, placed: dict[tuple[int, int], Location], first: Location) -> Iterator[Remark]:
    hidden = sorted(key for key in grid.cells if key[0] in grid.hidden_rows or key[1] in grid.hidden_columns)
    if hidden:
        rows = sorted({row for row, _ in hidden if row in grid.hidden_rows})
        columns = sorted({column for _, column in hidden if column in grid.hidden_columns})
        what_zh = "、".join([*(f"第 {row} 行" for row in rows), *(f"{column_letter(c)} 列" for c in columns)])
        what_en = ", ".join([*(f"row {row}" for row in rows), *(f"column {column_letter(c)}" for c in columns)])
        row, column = hidden[0]
        yield Remark(HIDDEN, f"工作表 {grid.name} 中隐藏的{what_zh}未读取（隐藏的内容不会公开）",
                     f"sheet {grid.name}: hidden {what_en} not read (hidden content is not published)",
                     _at(first, f"{ref}!{column_letter(column)}{row}"))
    shortened = [(key, cell) for key, cell in sorted(grid.cells.items()) if cell.held and key in placed]
    if shortened:
        (row, column), cell = shortened[0]
        where = f"{ref}!{column_letter(column)}{row}"
        yield Remark(DISPLAYED, f"工作表 {grid.name} 中 {len(shortened)} 个数字的小数位多于显示的位数（如 {where} 存的是 "
                                f"{cell.held}，显示为 {cell.text}）：按显示的数字核对",
                     f"sheet {grid.name}: {len(shortened)} figure{'s hold' if len(shortened) != 1 else ' holds'} more decimals "
                     f"than shown (e.g. {where} holds {cell.held}, shown {cell.text}): compared as shown",
                     placed[(row, column)])
    errors = [(key, cell.error) for key, cell in sorted(grid.cells.items()) if cell.error and key in placed]
    if errors:
        names = ", ".join(f"{error} {column_letter(c)}{r}" for (r, c), error in errors[:SHOWN_IN_REMARK])
        names += " …" if len(errors) > SHOWN_IN_REMARK else ""
        yield Remark(UNCOMPUTED, f"工作表 {grid.name} 中 {len(errors)} 个单元格显示公式错误（{names}）：这些数字未知，所在行不参与合计核对",
                     f"sheet {grid.name}: {len(errors)} cell{'s show' if len(errors) != 1 else ' shows'} a formula error "
                     f"({names}): these figures are unknown, and no sum uses their rows",
                     placed[errors[0][0]], tuple(placed[key] for key, _ in errors))
    uncomputed = [key for key, cell in sorted(grid.cells.items()) if cell.uncomputed and key in placed]
    if uncomputed:
        names = ", ".join(f"{column_letter(c)}{r}" for r, c in uncomputed[:SHOWN_IN_REMARK])
        names += " …" if len(uncomputed) > SHOWN_IN_REMARK else ""
        yield Remark(UNCOMPUTED, f"工作表 {grid.name} 中 {len(uncomputed)} 个公式没有计算结果（{names}）：文件从未重新计算过，"
                                 f"这些数字未知，所在行不参与合计核对；请在 Excel 或 WPS 中打开并保存后再检查",
                     f"sheet {grid.name}: {len(uncomputed)} formula{'s' if len(uncomputed) != 1 else ''} with no computed "
                     f"value ({names}): the file was never recalculated, so these figures are unknown and no sum "
                     f"uses their rows; open and save it in Excel or WPS, then check it again",
                     placed[uncomputed[0]], tuple(placed[key] for key in uncomputed))


def _at(location: Location, anchor: str) -> Location:
    return Location(location.path, location.line, location.column, location.end_line, location.end_column,
                    location.page, anchor)
