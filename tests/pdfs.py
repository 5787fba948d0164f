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
