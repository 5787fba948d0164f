"""PDFs made at test time with reportlab (its built-in STSong-Light CID font needs no system font)."""
from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))

Row = tuple[str, ...]


def table_pdf(path: Path, title: str, header: Row, rows: list[Row], column_x: list[float],
              narrative: str = "", encrypt: str | None = None) -> Path:
    """One page: a narrative line, a title, 单位：万元, a header and rows; text left-aligned in its
    column, amounts right-aligned at the column's right edge, as budget tables are set."""
    pdf = canvas.Canvas(str(path), pagesize=A4, encrypt=encrypt)
    pdf.setFont(FONT, 10)
    y = 800
    if narrative:
        pdf.drawString(60, y, narrative)
        y -= 30
    pdf.setFont(FONT, 14)
    pdf.drawString(200, y, title)
    pdf.setFont(FONT, 10)
    y -= 20
    pdf.drawString(460, y, "单位：万元")
    for cells in [header, *rows]:
        y -= 18
        for x, text in zip(column_x, cells):
            if text and text.replace(",", "").replace(".", "").isdigit():
                pdf.drawRightString(x + 60, y, text)
            elif text:
                pdf.drawString(x, y, text)
    pdf.save()
    return path


def image_only_pdf(path: Path) -> Path:
    """A page with only a drawing on it, as a scan has only an image: no text layer."""
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.rect(100, 100, 300, 300, fill=1)
    pdf.save()
    return path


def spaced_text_pdf(path: Path, lines: list[tuple[str, float]]) -> Path:
    """One line per (text, character spacing in points), as justified paragraphs are set."""
    pdf = canvas.Canvas(str(path), pagesize=A4)
    y = 800
    for text, spacing in lines:
        line = pdf.beginText(60, y)
        line.setFont(FONT, 10)
        line.setCharSpace(spacing)
        line.textLine(text)
        pdf.drawText(line)
        y -= 20
    pdf.save()
    return path


def ruled_table_pdf(path: Path, title: str, groups: list[tuple[str, int, int]], header: Row, rows: list[Row],
                    edges: list[float], inner_rules: bool = True) -> Path:
    """A ruled table with a two-row header: each group's name (name, first column, last column)
    centred in a merged cell over its columns, the column names centred below, each row a label
    and amounts set right; `edges` are the x of the
    vertical rules between columns. A column name with a line break in it is set on two lines of
    its cell, as a long name wraps in a narrow column. The merged cells have no rules inside them; without
    `inner_rules` only the table's frame is drawn, as some producers do."""
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont(FONT, 14)
    pdf.drawString(200, 800, title)
    pdf.setFont(FONT, 9)
    pdf.drawString(edges[-1] - 50, 780, "单位：万元")
    top, height = 770, 18
    bottoms = [top - height * (i + 1) for i in range(2 + len(rows))]
    for y in [top, *bottoms]:
        pdf.line(edges[0], y, edges[-1], y)
    inside_group = {i for _, first, last in groups for i in range(first + 1, last + 1)}
    for i, x in enumerate(edges):
        outer = i in (0, len(edges) - 1)
        if outer or inner_rules:
            pdf.line(x, top if i not in inside_group else top - height, x, bottoms[-1])
    for name, first, last in groups:
        pdf.drawCentredString((edges[first] + edges[last + 1]) / 2, top - height + 5, name)
    for column, text in enumerate(header):
        parts = text.split("\n")
        for part, y in zip(parts, [top - 2 * height + 5] if len(parts) == 1 else [top - 2 * height + 10, top - 2 * height + 1]):
            pdf.drawCentredString((edges[column] + edges[column + 1]) / 2, y, part)
    for row_index, cells in enumerate(rows):
        y = top - height * (row_index + 3) + 5
        pdf.drawString(edges[0] + 3, y, cells[0])
        for column, text in enumerate(cells[1:], start=1):
            pdf.drawRightString(edges[column + 1] - 3, y, text)
    pdf.save()
    return path


def turned_page_pdf(path: Path, lines: list[str], rotation: int = 90) -> Path:
    """A portrait page that its /Rotate (90 or 270) shows as landscape, its lines drawn turned
    the other way so that they read upright as shown: a landscape table in a portrait template.
    In Helvetica: PDFium finds no characters of the built-in CID font once they are turned."""
    width, height = A4
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setPageRotation(rotation)
    for number, text in enumerate(lines):
        pdf.saveState()
        if rotation == 90:  # shown 60 points from the top, each line below the last
            pdf.translate(60 + 20 * number, 80)
        else:
            pdf.translate(width - 60 - 20 * number, height - 80)
        pdf.rotate(rotation)
        pdf.setFont("Helvetica", 12)
        pdf.drawString(0, 0, text)
        pdf.restoreState()
    pdf.save()
    return path


def positioned_pdf(path: Path, title: str, unit: str, lines: list[list[tuple[float, str, str]]]) -> Path:
    """One page without rules: a title, the unit at the right, then each line's cells, (x, text,
    "l") set from x or (x, text, "r") ending at x, as a producer sets a table it does not rule."""
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont(FONT, 14)
    pdf.drawString(120, 800, title)
    pdf.setFont(FONT, 9)
    pdf.drawString(520, 780, unit)
    y = 760
    for cells in lines:
        for x, text, align in cells:
            (pdf.drawRightString if align == "r" else pdf.drawString)(x, y, text)
        y -= 18
    pdf.save()
    return path


Cell = tuple[float, float, str]  # left rule, right rule, text (an amount is set right, words left)


def boxed_rows_pdf(path: Path, title: str, rows: list[list[Cell]]) -> Path:
    """One page: a title, 单位：万元, then rows of boxed cells, each row ruled above and below and
    each cell between its own two vertical rules, so that a cell may be merged over the columns
    of the rows above (a total's label over two panels' columns)."""
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont(FONT, 14)
    pdf.drawString(200, 800, title)
    pdf.setFont(FONT, 9)
    pdf.drawString(480, 780, "单位：万元")
    top, height = 770, 18
    left, right = min(c[0] for r in rows for c in r), max(c[1] for r in rows for c in r)
    for index, cells in enumerate(rows):
        y = top - height * index
        pdf.line(left, y, right, y)
        pdf.line(left, y - height, right, y - height)
        for x0, x1, text in cells:
            pdf.line(x0, y, x0, y - height)
            pdf.line(x1, y, x1, y - height)
            if text and text.replace(",", "").replace(".", "").isdigit():
                pdf.drawRightString(x1 - 3, y - height + 5, text)
            elif text:
                pdf.drawString(x0 + 3, y - height + 5, text)
    pdf.save()
    return path


PlacedCell = tuple[float, str, str]  # (x, text, "l" set from x | "r" ending at x)


def pages_pdf(path: Path, pages: list[list[list[PlacedCell]]], top: float = 800, leading: float = 18) -> Path:
    """Pages of lines without rules, each line's cells set from (or ending at) their x, one line
    every `leading` points from `top` down: a layout of any head (a title with its unit on its
    line, a caption, a running header, a page number) as a producer sets it."""
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for number, lines in enumerate(pages):
        if number:
            pdf.showPage()
        pdf.setFont(FONT, 9)
        y = top
        for cells in lines:
            for x, text, align in cells:
                (pdf.drawRightString if align == "r" else pdf.drawString)(x, y, text)
            y -= leading
    pdf.save()
    return path


def justified_pdf(path: Path, lines: list[tuple[float, str, bool]], right: float = 480) -> Path:
    """Prose set as a producer sets it: each line from its x (an indented first line further
    right), and a justified line spaced out to end at `right`, however many of its characters
    are half-width figures; a paragraph's last line left ragged."""
    pdf = canvas.Canvas(str(path), pagesize=A4)
    y = 800
    for x, text, justified in lines:
        line = pdf.beginText(x, y)
        line.setFont(FONT, 10)
        if justified and len(text) > 1:
            line.setCharSpace((right - x - pdfmetrics.stringWidth(text, FONT, 10)) / (len(text) - 1))
        line.textLine(text)
        pdf.drawText(line)
        y -= 20
    pdf.save()
    return path


def ruled_rows_pdf(path: Path, title: str, header: list[PlacedCell], rows: list[list[list[PlacedCell]]],
                   leading: float = 11) -> Path:
    """One page: a title, 单位：万元, then a header and rows, each ruled above and below across the
    page and no rule between its columns, each row's lines set one under another inside its rules
    (a row's cells set in the middle of its box: a long name wrapped above and below its figures)."""
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont(FONT, 12)
    pdf.drawString(120, 800, title)
    pdf.setFont(FONT, 8)
    pdf.drawString(500, 785, "单位：万元")
    left, right, y = 30, 580, 775
    for lines in [[header], *rows]:
        pdf.line(left, y, right, y)
        for index, cells in enumerate(lines):
            baseline = y - leading * (index + 1)
            for x, text, align in cells:
                (pdf.drawRightString if align == "r" else pdf.drawString)(x, baseline, text)
        y -= leading * len(lines) + 4
    pdf.line(left, y, right, y)
    pdf.save()
    return path
