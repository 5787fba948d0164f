"""Tables as a person reads them: title, kind, unit, header, columns and rows, in every layout.

A table starts at a line whose title names a standard table (domain.TABLE_KINDS) and runs to the
next title or to the first line of narrative; a table continued on the next page (its title
repeated) is merged back into one. Its lines are read by the grid parser (auditlint.parse.grid)
when its amounts sit in cells of their own, else by the flow parser (auditlint.parse.flow); a
table either cannot read with confidence is kept with a note and no rows, so that no check
relies on a guess."""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace
from typing import Sequence

import regex

from auditlint.patterns import compile_lazily

from auditlint.model import GRID, POSITIONED, PROSE, UNCOMPUTED, Line, Location, Row, Source, Table
from auditlint import domain
from auditlint.parse.flow import flow_table
from auditlint.parse.grid import ONE_SIDED_NOTE, both_sides, grid_tables
from auditlint.parse.narrative import RUN_IN_PAGE_NUMBER, is_page_furniture
from auditlint.parse.numbers import parse_amount
from auditlint.parse.pieces import (CODE_TEXT, ENUMERATED, HAN, INTEGER, SPACES, Piece, RowDraft, bracketed_code_label,
                                    amount_line, has_amount, is_amount_like, is_amount_line, line_pieces,
                                    lone_amount)


_NARRATIVE = compile_lazily(r"[，。；]")
_NOTE_START = compile_lazily(r"^\s*(?:注|备注|说明)\s*[：:]|^\s*\d\s*[.、．]\s*本")
_SECTION = compile_lazily(r"^\s*第[一二三四五六七八九十]+部分")
_DEPARTMENT_LINE = compile_lazily(r"^(?:部门(?:名称)?|单位|填报单位|编制单位|预算单位)\s*[：:]")
_COLUMN_NUMBERS = compile_lazily(r"^(?:栏\s*次|行\s*次)$")
FORM_NOTE = "表单式表格（绩效目标等），不按行列核算"
SPLIT_AMOUNTS_NOTE = "金额的整数与小数被提取到了不同行（如“14,770”与“.62”），不按行列核算"
# A decimal part standing alone ("  .62"): the extraction cut amounts in two across lines.
_ORPHAN_DECIMALS = compile_lazily(r"(?:^|\s)\.\d{1,2}(?=\s|$)")
MIN_ORPHAN_DECIMALS = 2


# --------------------------------------------------------------------------------------------
# Finding the tables of a source


def _title_at(lines: Sequence[Line], index: int) -> tuple[str, domain.TableKind] | None:
    """A line that names a standard table (a title may arrive in several cells: 年财政拨款 三公
    经费支出情况表); a line with an amount is a row, not a title. The unit printed on the
    title's line (at its right end, or in brackets after it) is no part of the title, nor is the
    mark of a table continued from the page before (（续）, 续表), so that its pages are one table."""
    line = lines[index]
    if line.is_blank:
        return None
    text = " ".join(c.text for c in line.cells) if line.cells else line.text
    if domain.TITLE_WORD not in text:  # most lines: what follows only takes words away
        return None
    text = _CONTINUED.sub("", domain.without_unit(text))
    kind = domain.table_kind(text)
    if kind is None or amount_line(line):
        return None
    return text.strip(), kind


def _is_narrative(line: Line) -> bool:
    """A line of the narrative, which ends a table: a long sentence, not a note."""
    text = line.text.strip()
    if line.layout == GRID or _NOTE_START.match(text):
        return False
    if _SECTION.match(text):
        return True
    if len(line.cells) > 1 or not _NARRATIVE.search(text):  # the cheap tests first: most lines fail one
        return False
    amounts = sum(1 for word in text.split() if is_amount_like(word) and parse_amount(word) is not None)
    return len(HAN.findall(text)) >= 18 and amounts < 4


def _is_section_heading(line: Line) -> bool:
    """A heading of the narrative (其他相关情况说明, 一、2026年“三公”经费预算情况说明, 名词解释):
    after a table's rows it ends the table, though it is no sentence."""
    text = SPACES.sub("", line.text)
    return bool(domain.SECTION_HEADING.search(text)) and not amount_line(line)


# The mark of a table continued from the page before: 一般公共预算支出表（续）, 表5(续表), 续表5, 续：….
_CONTINUED = compile_lazily(r"\s*[（(]\s*续\s*表?\s*[)）]|^\s*续(?=\s*表\s*\d)|^\s*续\s*[：:]\s*")


def _continued(lines: Sequence[Line], title: int) -> bool:
    """Does a title, or the caption above it, say that the table goes on from the page before
    (一般公共预算支出表（续）, 续表5)? Then it continues the table of its title, though the first
    page printed a caption and this one none."""
    return any(_CONTINUED.search(lines[index].text) for index in (title - 2, title - 1, title) if 0 <= index < len(lines))


# A title of a table auditlint does not know (部门预算支出经济分类情况表, 十一、国有资产占用情况表):
# a short line of words that ends in 表, perhaps with a bracketed qualifier after it.
_TITLE_LIKE = compile_lazily(r"^[^，。；：:]{2,38}表(?:[（(][^（()）]{1,12}[)）])?$")


def _opens_unknown_table(lines: Sequence[Line], index: int) -> bool:
    """Does the line open a table of no standard kind (its title, or its caption 表6 over a title
    that names no standard table)? After a table's rows it ends that table, whose rows its own
    would otherwise join (its economic codes summed into a table by function)."""
    line = lines[index]
    text = line.text.strip()
    if not text or len(line.cells) > 1 or amount_line(line) or _NOTE_START.match(text) \
            or domain.EMPTY_NOTE.search(text):
        return False
    if domain.TABLE_NUMBER.match(_CONTINUED.sub("", _PAGE_NUMBER_BEFORE.sub("", text))):
        following = [i for i in range(index + 1, min(index + 4, len(lines))) if not lines[i].is_blank][:1]
        return not any(_title_at(lines, i) for i in following)
    return bool(_TITLE_LIKE.match(SPACES.sub("", text)))


def _caption(lines: Sequence[Line], title: int) -> str:
    """The numbered caption beside a title (预算07表, 表 3, 公开 01 表), if there is one; a
    continued table's (表5（续）, 续表5) is its first page's."""
    for index in (title - 1, title + 1, title - 2, title + 2):
        caption = _CONTINUED.sub("", _PAGE_NUMBER_BEFORE.sub("", lines[index].text)) if 0 <= index < len(lines) else ""
        if domain.TABLE_NUMBER.match(caption):
            return SPACES.sub("", caption)
    return ""


# A page number the caption of the next page's table ran into ("- 16 -表 3").
_PAGE_NUMBER_BEFORE = compile_lazily(rf"^\s*{RUN_IN_PAGE_NUMBER}")


def find_tables(source: Source) -> tuple[Table, ...]:
    """Every standard table of a source. A table continued on the next page repeats its title and
    caption; its pages are read as one table, so that rows on two pages still add up. A form
    (绩效目标表) is never continued that way: each project has its own, under the same title."""
    lines = source.lines
    starts = [(i, found) for i in range(len(lines)) if (found := _title_at(lines, i))]
    extents: list[tuple[str, str, domain.TableKind, Line, list[Line]]] = []
    contents = -1  # the line of the last entry of a table of contents met
    for number, (start, (title, kind)) in enumerate(starts):
        end = starts[number + 1][0] if number + 1 < len(starts) else len(lines)
        body: list[Line] = []
        figures = False  # whether a line of the body so far carries an amount
        for index in range(start + 1, end):
            line = lines[index]
            if _is_narrative(line) or (figures and (_is_section_heading(line) or _opens_unknown_table(lines, index))):
                break
            body.append(line)
            figures = figures or amount_line(line)
        if not any(line.text.strip() and not is_page_furniture(line) for line in body) \
                or _closes_contents(lines, contents, start, body):
            contents = start  # an entry of the table of contents, not a table
            continue
        caption = _caption(lines, start)
        previous = extents[-1] if extents else None
        if previous and _same_title(previous[0], title) and (previous[1] == caption or not caption and _continued(lines, start)) \
                and previous[4] and not kind.form \
                and previous[2] == kind and previous[4][-1].number >= start - 3:  # a form's title repeats for each project
            previous[4].extend(_without_repeated_header(previous[4], body, title))
        else:
            extents.append((title, caption, kind, lines[start], body))
    running = running_lines(lines)
    title_indices = [i for i, _ in starts]
    tables = [_with_trailing_note(table, source, title_line, body, title_indices) for title, _, kind, title_line, body in extents
              for table in parse_table(title, kind, title_line, body, _unit_above(source, title_line), running)]
    prose = {line.number for line in lines if not line.delimited}
    unknown = {place.line for remark in source.remarks if remark.kind == UNCOMPUTED for place in remark.places}
    return tuple(mark_unknown(mark_truncated_codes(t, prose), unknown)
                 for t in tables if t.rows or t.empty_note or t.notes or t.unit)


MARGIN_LINES = 2  # the lines at the top and at the foot of a page where running headers and footers stand
_DIGITS_AND_SPACES = compile_lazily(r"[\d\s]+")


def running_lines(lines: Sequence[Line]) -> frozenset[int]:
    """The numbers of the lines that are a running header or footer: words without an amount
    among the first or last lines of a page, printed alike (page numbers aside) at the top or
    foot of another page, and no table's title. Between a table's rows they are no part of any
    row (a running header read as the label of the row below, or as its code)."""
    by_page: dict[int, list[Line]] = {}
    for line in lines:
        if line.text.strip():
            by_page.setdefault(line.page, []).append(line)
    pages_of: dict[str, set[int]] = {}
    margins: list[tuple[str, Line]] = []
    for page, printed in by_page.items():
        for line in {id(l): l for l in printed[:MARGIN_LINES] + printed[-MARGIN_LINES:]}.values():
            key = _DIGITS_AND_SPACES.sub("", line.text)
            if len(HAN.findall(key)) >= 2 and not amount_line(line) and not domain.table_kind(line.text):
                pages_of.setdefault(key, set()).add(page)
                margins.append((key, line))
    return frozenset(line.number for key, line in margins if len(pages_of[key]) >= 2)


def _unit_above(source: Source, title_line: Line) -> str:
    """The unit printed on the line above a title with the table's caption, or alone there
    ("公开05表                单位：万元"), as some templates set the head of a table."""
    lines, index = source.lines, source.index_of(title_line.number)
    above = [line for line in lines[max(0, index - 3):index] if line.text.strip()][-2:]
    for line in reversed(above):
        rest = domain.without_unit(line.text)
        if not rest or domain.TABLE_NUMBER.match(rest):
            return domain.unit_named(line.text)
    return ""


def _closes_contents(lines: Sequence[Line], contents: int, start: int, body: list[Line]) -> bool:
    """Is a title the last entry of a table of contents: printed right after another entry (page
    numbers aside), with only running text under it (the narrative the contents open on), no
    figure and no cell?"""
    return 0 <= contents < start and all(line.is_blank or is_page_furniture(line) for line in lines[contents + 1:start]) \
        and all(line.layout == PROSE and not amount_line(line)
                for line in body if line.text.strip() and not is_page_furniture(line))


# The fewest characters of a title that a page printing only the table's last columns may keep.
MIN_TITLE_TAIL = 8


def _same_title(first: str, title: str) -> bool:
    """Is `title` the title of the table before, repeated on its next page? A spreadsheet printed
    across pages puts its last columns on a page of their own, under the part of the centred
    title that falls on that page ("26年预算单位收入预算总表" under "2026年预算单位收入预算总表")."""
    return title == first or (len(title) >= MIN_TITLE_TAIL and first.endswith(title))


TRAILING_NOTE_LINES = 3  # non-blank lines after an empty table where its note may stand


def _with_trailing_note(table: Table, source: Source, title_line: Line, body: list[Line],
                        title_indices: list[int]) -> Table:
    """An empty table whose note ("本部门无政府性基金预算财政拨款收入支出。") is a sentence right
    after it: the note is the table's, though a sentence ends the table's lines."""
    if table.rows or table.empty_note:
        return table
    end = (body[-1] if body else title_line).number
    lines, after_end = source.lines, source.index_of(end + 1)
    at = bisect_left(title_indices, after_end)
    following = title_indices[at] if at < len(title_indices) else len(lines)
    after = [line for line in lines[after_end:following] if line.text.strip()][:TRAILING_NOTE_LINES]
    note = next((line.text.strip() for line in after if domain.EMPTY_NOTE.search(line.text)), "")
    return replace(table, empty_note=note) if note else table


def _without_repeated_header(first: list[Line], continued: list[Line], title: str) -> list[Line]:
    """A continued page's lines without what it repeats of the first page's head: the title, and
    the header lines before its first row with amounts (部门名称…单位：万元, the column names), which
    would otherwise run into the label of the next row."""
    head = set()
    for line in first:
        if amount_line(line):
            break
        head.add(line.text.strip())
    lines = [line for line in continued if line.text.strip() != title]
    start = 0
    while start < len(lines) and lines[start].text.strip() in head and not amount_line(lines[start]):
        start += 1
    return lines[start:]


def mark_truncated_codes(table: Table, prose_lines: set[int]) -> Table:
    """A 6-digit code under a 5-digit one (201030 under 20103), or a 4-digit one under a 3-digit
    one (3010 under 301), was cut short by extraction. A 6-digit unit code (014001 under 014) is
    whole: no 5-digit code is its prefix. A coded row of plain text (no cells) with no amount at
    all, where most coded rows have amounts, lost them in extraction; a row whose cells are there
    (tabs, positions, a PDF's runs) and empty is a blank row, and adds nothing."""
    codes = {row.code for row in table.rows}
    coded = [row for row in table.rows if row.code]
    with_amounts = sum(1 for row in coded if any(row.amounts) or row.unplaced)
    rows = tuple(_marked(row, len(row.code) in (4, 6) and row.code[:len(row.code) - 1] in codes,
                         bool(row.code) and not any(row.amounts) and not row.unplaced
                         and with_amounts > len(coded) // 2 and row.location.line in prose_lines)
                 for row in table.rows)
    return replace(table, rows=rows)


def _marked(row: Row, truncated: bool, lost: bool) -> Row:
    """The row with these marks; the row itself when it has them already (most rows: a
    dataclass's replace costs more than the rest of the marking)."""
    return row if (row.truncated, row.lost) == (truncated, lost) else replace(row, truncated=truncated, lost=lost)


def mark_unknown(table: Table, unknown: set[int]) -> Table:
    """A row printed on a line with a figure whose value the file does not hold (a spreadsheet
    formula never calculated) is read as lost: its blank is no zero, so no sum may use it."""
    if not unknown:
        return table
    return replace(table, rows=tuple(replace(row, lost=True) if unknown & set(range(row.location.line, row.location.end_line + 1))
                                     else row for row in table.rows))


# --------------------------------------------------------------------------------------------
# One table: header, rows, columns


def _join_lines(group: list[Line]) -> Line:
    """The lines of one ruled row as one line: its cells in reading order, its first line's place."""
    first = group[0]
    cells = tuple(cell for line in group for cell in line.cells)
    return replace(first, text="  ".join(line.text for line in group), cells=cells,
                   layout=POSITIONED if len(cells) > 1 else first.layout)


class _Carries:
    """Whether each line of a table carries an amount (pieces.amount_line), found once for the
    table's lines: the parsing of a table asks it of each line three times. A line not among
    them (the lines of a ruled row joined into one) is asked afresh. The table's lines are held
    while it is parsed, so no other line can share the identity of one of them."""

    def __init__(self, lines: list[Line]) -> None:
        self._lines = lines
        self._carries = {id(line): amount_line(line) for line in lines}

    def __call__(self, line: Line) -> bool:
        found = self._carries.get(id(line))
        return amount_line(line) if found is None else found


def _rows_by_band(body: list[Line], carries: _Carries) -> tuple[list[list[Line]], bool]:
    """Lines grouped into rows by the ruling lines between them, when the rules do separate rows
    (no two lines with amounts between the same two rules); else each line stands alone. And
    whether the rules were gone by: then a group is a whole row, even one without figures."""
    amount_bands = [l.band for l in body if l.band is not None and carries(l)]
    use_bands = bool(amount_bands) and len(amount_bands) == len(set(amount_bands))
    groups: list[list[Line]] = []
    for line in body:
        if use_bands and line.band is not None and groups and groups[-1][-1].band == line.band:
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups, use_bands


def parse_table(title: str, kind: domain.TableKind, title_line: Line, body: list[Line], unit_above: str = "",
                running: frozenset[int] = frozenset()) -> list[Table]:
    """The tables a title's lines hold (one per side or panel). The unit is the one printed on
    the title's line, above it with its caption, on a line of the table's head (单位：万元, at
    the right end of the 编制单位 line too), or in brackets in its column headers (预算数（万元））.
    A running header or footer between its rows (`running`, the numbers of such lines) is no
    part of them; a row does not run on over a page break (a page's first label is no end of
    the label of the last row of the page before)."""
    unit = domain.unit_named(title_line.text) or unit_above
    empty_note = ""
    header: list[list[Piece]] = []
    header_lines: list[Line] = []
    drafts: list[RowDraft] = []
    page_headers: dict[int, list[list[Piece]]] = {}  # the header rows each later page repeats
    pending = RowDraft()
    owed = 0  # lines of words the last row's label still has below its figures
    lines = [line for line in body if not is_page_furniture(line)]
    carries = _Carries(lines)
    groups, by_band = _rows_by_band(lines, carries)
    for group in groups:
        line = group[0] if len(group) == 1 else _join_lines(group)
        text = line.text.strip()
        if not text:
            continue
        found_unit = _unit_on(text)
        if found_unit:
            unit = unit or found_unit.group(1)
        if domain.EMPTY_NOTE.search(text):
            empty_note = text
        if kind.form:
            continue  # a form is read for its unit and its note only (FORM_NOTE): its rows are no grid
        pieces = line_pieces(line)
        amounts = carries(line) if len(group) == 1 else is_amount_line(pieces)  # asked below up to four times
        if is_page_furniture(line) or _NOTE_START.match(text) or _is_caption(text) \
                or (found_unit and not amounts):
            continue
        if pieces and _COLUMN_NUMBERS.match(pieces[0].text) or (_DEPARTMENT_LINE.match(text) and not amounts):
            continue
        if drafts and line.number in running and not _repeats_header(pieces, header):
            continue
        if owed and not amounts and line.page == drafts[-1].lines[-1].page \
                and (not _opens_row(line, pieces, header) or _code_and_label(text) and _lacks_code(drafts[-1])):
            drafts[-1].pieces.extend(pieces)  # the end of a label wrapped around its row's figures (with its code)
            drafts[-1].lines.append(line)
            owed -= 1
            continue
        owed = 0
        if pending.pieces and drafts and ENUMERATED.match(text):
            drafts[-1].pieces.extend(pending.pieces)  # a numbered line starts a row: what waited
            drafts[-1].lines.extend(pending.lines)    # before it ends the label of the row above
            pending = RowDraft()
        if _lone_code(pieces) and not pending.pieces and drafts and _lacks_code(drafts[-1]):
            drafts[-1].pieces.extend(pieces)  # a code set lower than its row's label and amounts
            drafts[-1].lines.append(line)
            continue
        if amounts and not pending.pieces and drafts and _only_amounts(pieces) \
                and _label_only(drafts[-1]) and line.page == drafts[-1].lines[-1].page:
            owed = len(drafts[-1].lines)  # as many lines of its label below its figures as above
            drafts[-1].pieces.extend(pieces)  # the amounts of a row whose label stands on the line above
            drafts[-1].lines.append(line)
        elif amounts:
            if not drafts and not pending.pieces and header and _label_above_first_figures(header_lines[-1], header[-1], line, pieces):
                pending = RowDraft(header.pop(), [header_lines.pop()])  # the first row's label, not a header
            owed = len(pending.lines) if _only_amounts(pieces) else 0
            pending.pieces.extend(pieces)
            pending.lines.append(line)
            drafts.append(pending)
            pending = RowDraft()
        elif not drafts:
            header.append(pieces)
            header_lines.append(line)
        elif _repeats_header(pieces, header):
            page_headers.setdefault(line.page, []).append(pieces)
        elif not pending.pieces and (line.layout == GRID or ENUMERATED.match(text) or _code_and_label(text)
                                     or by_band and line.band is not None):
            drafts.append(RowDraft(pieces, [line]))  # a row whose amounts are all blank (ruled apart: 上年结转资金)
        else:
            pending.pieces.extend(pieces)  # a code or label fragment of the next row
            pending.lines.append(line)
    last = body[-1] if body else title_line
    location = Location(title_line.cells[0].location.path, title_line.number, 1, last.number,
                        max(len(last.text), 1) + 1, title_line.page)
    if kind.form:
        return [Table(title, kind.id, unit, (), (), location, notes=(FORM_NOTE,), empty_note=empty_note)]
    if sum(len(_ORPHAN_DECIMALS.findall(line.text)) for line in body) >= MIN_ORPHAN_DECIMALS:
        return [Table(title, kind.id, unit, (), (), location, notes=(SPLIT_AMOUNTS_NOTE,), empty_note=empty_note)]
    if not any(is_amount_line(d.pieces) for d in drafts):
        return [Table(title, kind.id, unit, (), (), location, empty_note=empty_note)]
    header = [row for row in header if not _is_column_numbers(row)]
    unit = _unit_of_columns(header, unit)
    header = _without_units(header)
    page_headers = {page: _without_units(rows) for page, rows in page_headers.items()}
    amount_lines = [line for draft in drafts for line in draft.lines if carries(line)]
    layouts = {line.layout for line in amount_lines if not lone_amount(line)}
    if layouts <= {GRID, POSITIONED} and all(_amounts_in_own_cells(line) for line in amount_lines):
        tables = grid_tables(title, kind, unit, location, header, drafts, empty_note, positioned=GRID not in layouts,
                             page_headers=page_headers)
    else:
        tables = flow_table(title, kind, unit, location, header, drafts, empty_note)
    return [_sides_told_apart(table) if kind.two_sided else table for table in tables]


def _unit_on(text: str) -> regex.Match | None:
    """The unit a line of a table's head names (单位：万元, letter-spaced or not, a bracketed unit
    aside). A line without 元 names none: most lines, a table's rows, are passed by at once."""
    if "元" not in text:  # every unit domain.UNIT reads is 元 or 万元, and the cleaning only takes away
        return None
    return domain.UNIT.search(domain.BRACKETED_UNIT.sub("", SPACES.sub("", text)))


def _is_caption(text: str) -> bool:
    """A line that is a table's numbered caption (预算01表, 表 3, 表5（续）): each names 表, which
    most lines, a table's rows, do not."""
    return domain.TITLE_WORD in text and bool(domain.TABLE_NUMBER.match(_CONTINUED.sub("", text)))


def _unit_of_columns(header: list[list[Piece]], unit: str) -> str:
    """The table's unit, given the units its column headers print in brackets (预算数（万元）,
    金额(元)): theirs when the head printed none, and none when they name two, or another than
    the head's (no guess)."""
    named = {m.group(1) for row in header for piece in row for m in domain.BRACKETED_UNIT.finditer(piece.text)}
    if not named:
        return unit
    return named.pop() if len(named) == 1 and (not unit or unit in named) else ""


def _without_units(header: list[list[Piece]]) -> list[list[Piece]]:
    """Header rows without the units printed in their cells: a column is 预算数, not
    预算数（万元）, and a unit wrapped onto a line of its own names no column."""
    rows = [[replace(piece, text=domain.without_unit(piece.text)) for piece in row] for row in header]
    rows = [[piece for piece in row if piece.text or piece.column >= 0] for row in rows]  # a grid's cell keeps its place
    return [row for row in rows if any(piece.text for piece in row)]


def _sides_told_apart(table: Table) -> Table:
    """A 收支 table read as one list holding rows of both sides: the sides ran together, and no
    sum over its rows means anything."""
    if table.side or not both_sides(table.rows):
        return table
    return replace(table, columns=(), rows=(), notes=(*table.notes, ONE_SIDED_NOTE))


def _amounts_in_own_cells(line: Line) -> bool:
    """Every amount of the line is a cell of its own (not "行政运行 707.28" run into one cell)."""
    return line.layout == GRID or all(
        len(cell.text.split()) == 1 or not has_amount([cell.text])
        for cell in line.cells)


def _code_and_label(text: str) -> bool:
    """A code followed by its name: a whole row even when no amount follows on the line, or when
    its amounts are small integers, which print without a thousands separator (302 | 04 | 手续费
    | 500 in a table in 元). The code may be printed in parts, 类 | 款 | 项 (208 05 02), or in
    brackets before the name ([201]一般公共服务支出)."""
    words = text.split()
    if words and bracketed_code_label(words[0]):
        return True
    parts = 1
    while parts < len(words) and parts <= 2 and domain.CODE_PART.match(words[parts]):
        parts += 1
    return len(words) > parts and bool(CODE_TEXT.match(words[0])) and bool(HAN.search(words[parts]))


def _opens_row(line: Line, pieces: list[Piece], header: list[list[Piece]]) -> bool:
    """Does a line of words start a row (or repeat the header) rather than end a label? A grid
    line, a numbered label, a total's, a code."""
    text = line.text.strip()
    return (line.layout == GRID or bool(ENUMERATED.match(text)) or bool(domain.TOTAL_LABEL.match(text.split()[0]))
            or _code_and_label(text) or _lone_code(pieces) or _repeats_header(pieces, header))


def _label_above_first_figures(above: Line, words: list[Piece], line: Line, figures: list[Piece]) -> bool:
    """Is the line of words right above the table's first line of bare figures that row's label,
    wrapped around its figures (深圳市发展和改革委员会（本 / figures / 级）), rather than the last
    line of the header? One cell of words, no column's heading, wholly left of the figures."""
    texts = [p.text.strip() for p in words if p.text.strip()]
    return (len(texts) == 1 and bool(HAN.search(texts[0])) and _only_amounts(figures)
            and not domain.LABEL_HEADERS.match(SPACES.sub("", texts[0])) and line.number - above.number <= 2
            and max(p.x1 for p in words) < min(p.x0 for p in figures if p.amount is not None))


def _only_amounts(pieces: list[Piece]) -> bool:
    """A line of figures (and perhaps its code) and no word."""
    return all(p.amount is not None for p in pieces if p.text.strip())


def _label_only(draft: RowDraft) -> bool:
    """A row of words with neither figure nor code (a numbered label): a line of bare figures
    right below it gives its amounts, set between the lines of its wrapped label."""
    return any(HAN.search(p.text) for p in draft.pieces) and not any(p.amount is not None for p in draft.pieces)


def _lone_code(pieces: list[Piece]) -> bool:
    texts = [p.text.strip() for p in pieces if p.text.strip()]
    return len(texts) == 1 and bool(CODE_TEXT.match(texts[0]))


def _lacks_code(draft: RowDraft) -> bool:
    """A row with amounts, no code and no total's label: the row a lone code below it belongs to."""
    words = [w for p in draft.pieces for w in p.text.split()]
    return (is_amount_line(draft.pieces) and not any(CODE_TEXT.match(w) or bracketed_code_label(w) for w in words)
            and not any(domain.TOTAL_LABEL.match(w) for w in words) and not ENUMERATED.match(words[0] if words else ""))


def _is_column_numbers(row: list[Piece]) -> bool:
    """The header row that numbers the columns (栏次 1 2 3 …): it names nothing."""
    texts = [p.text.strip() for p in row if p.text.strip()]
    return any(_COLUMN_NUMBERS.match(t) for t in texts) and sum(1 for t in texts if INTEGER.match(t)) >= 2


def _repeats_header(pieces: list[Piece], header: list[list[Piece]]) -> bool:
    texts = [p.text for p in pieces]
    return any(texts == [p.text for p in row] for row in header)


