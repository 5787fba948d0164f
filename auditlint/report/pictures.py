"""Pictures of the page regions a PDF finding is about, for the HTML report: the stated figure
boxed in one colour, the figures it was held to in another, as PDFium renders the page.

A reviewer checks a finding against the document, not against auditlint's reading of it: the
picture shows the printed page itself. The reader keeps where each line sits on its page and
where each cell sits across it (model.Line.top/bottom, Cell.x0/x1); a figure inside a cell is
found on the page by PDFium's text search near that place. Each page is rendered once; the
file is opened read-only and nothing is written beside it.
"""
from __future__ import annotations

import base64
import io
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable

from auditlint.model import Line, Location
from auditlint.readers.layout import EM_SHARE

if TYPE_CHECKING:
    from PIL import Image

STATED_COLOUR = (215, 25, 28)    # the figure the finding is about
RELATED_COLOUR = (37, 99, 235)   # the figures it was held to
MAX_WIDTH = 1200                 # pixels: a landscape page is scaled down to this
MAX_SCALE = 2.0                  # pixels per point: enough to read a 9-point table cell
MARGIN = 30.0                    # points above and below the boxes
MAX_HEIGHT = 320.0               # points: related figures farther from the stated one are left out
PALETTE = 62                     # colours of the page in the PNG; the two box colours are added
BOX_WIDTH = 3                    # pixels
PAD = 3.0                        # points between a figure and its box
SEARCH_SLACK = 2.0               # points: a text-search hit belongs to a line it overlaps this much


@dataclass(frozen=True, slots=True)
class Box:
    """A rectangle on a page, in points from its top-left corner."""

    x0: float
    top: float
    x1: float
    bottom: float

    def union(self, other: "Box") -> "Box":
        return Box(min(self.x0, other.x0), min(self.top, other.top), max(self.x1, other.x1), max(self.bottom, other.bottom))


def estimated_box(line: Line, location: Location) -> Box | None:
    """Where the characters of `location` sit on their line: the cell that holds them, narrowed
    by the share of the cell's width the characters before them take (a wide character one em,
    any other half). Exact for a figure that is a whole cell, close for one inside a sentence;
    None for a line the reader did not place (text, or a line with no position)."""
    if line.bottom <= line.top:
        return None
    cell = next((c for c in line.cells if c.location.column <= location.column < c.location.end_column), None)
    if cell is None or cell.x1 <= cell.x0:
        return None
    start = location.column - cell.location.column
    end_column = location.end_column if location.end_line == location.line else cell.location.end_column
    end = max(min(end_column, cell.location.end_column) - cell.location.column, start + 1)
    weights = [EM_SHARE[char] for char in cell.text]
    total = sum(weights) or 1.0
    width = cell.x1 - cell.x0
    return Box(cell.x0 + width * sum(weights[:start]) / total, line.top,
               cell.x0 + width * sum(weights[:end]) / total, line.bottom)


class PdfPictures:
    """One PDF, open for reading, its pages rendered as they are first asked for and kept while
    the findings of that page are drawn (callers ask page by page)."""

    def __init__(self, path: str) -> None:
        import pypdfium2 as pdfium

        self._document = pdfium.PdfDocument(path)
        self._page_number = 0
        self._image: Image.Image | None = None
        self._scale = 1.0
        self._size = (0.0, 0.0)
        self._turned = False
        self._textpage = None
        self._page_object = None  # the page rendered last, closed with its text page

    def close(self) -> None:
        self._drop_page()
        self._document.close()

    def _drop_page(self) -> None:
        if self._textpage is not None:
            self._textpage.close()
        if self._page_object is not None:
            self._page_object.close()
        self._textpage, self._page_object, self._image, self._page_number = None, None, None, 0

    def _page(self, number: int) -> None:
        """Render page `number` (1-based), unless it is the one rendered last."""
        if number == self._page_number:
            return
        self._drop_page()
        page = self._page_object = self._document[number - 1]
        self._size = page.get_size()  # as shown, its /Rotate applied, as PDFium renders it
        self._scale = min(MAX_SCALE, MAX_WIDTH / self._size[0])
        self._turned = page.get_rotation() != 0
        self._image = page.render(scale=self._scale).to_pil().convert("RGB")
        self._textpage = page.get_textpage()
        self._page_number = number

    def _found(self, text: str, near: Box) -> Box | None:
        """The printed characters of `text` on the page nearest the estimated box, on its line:
        the reader's estimate of a figure inside a sentence, made exact. None when the page's
        text does not hold them as printed (the reader normalised or spaced them), and on a
        turned page, whose character boxes PDFium gives unturned."""
        text = text.strip()
        if not text or self._textpage is None or self._turned:
            return None
        height = self._size[1]
        searcher = self._textpage.search(text, match_case=True)
        best: tuple[float, Box] | None = None
        try:
            while (hit := searcher.get_next()) is not None:
                index, count = hit
                boxes = [self._textpage.get_charbox(i) for i in range(index, index + count)]
                box = Box(min(b[0] for b in boxes), height - max(b[3] for b in boxes),
                          max(b[2] for b in boxes), height - min(b[1] for b in boxes))
                middle = (box.top + box.bottom) / 2
                if not near.top - SEARCH_SLACK <= middle <= near.bottom + SEARCH_SLACK:
                    continue
                distance = abs((box.x0 + box.x1) - (near.x0 + near.x1))
                if best is None or distance < best[0]:
                    best = (distance, box)
        finally:
            searcher.close()
        return best[1] if best is not None else None

    def locate(self, line: Line, location: Location) -> Box | None:
        """The box of the characters at `location` on their page (which must be rendered); None
        when the reader placed them off the page, where no picture can show them."""
        estimate = estimated_box(line, location)
        width, height = self._size
        if estimate is None or estimate.x1 <= 0 or estimate.x0 >= width or estimate.bottom <= 0 or estimate.top >= height:
            return None
        end = location.end_column if location.end_line == location.line else len(line.text) + 1
        return self._found(line.text[location.column - 1:end - 1], estimate) or estimate

    def picture(self, stated: tuple[Line, Location], related: Iterable[tuple[Line, Location]]) -> str | None:
        """A PNG data URI of the region round the stated figure, boxed, and every related figure
        on the same page near it, boxed in the other colour; None when the figure cannot be
        placed. Pages are rendered once as long as the calls come page by page."""
        line, location = stated
        self._page(location.page)
        main = self.locate(line, location)
        if main is None or self._image is None:
            return None
        others = [box for other_line, other in related if other.page == location.page
                  for box in [self.locate(other_line, other)] if box is not None]
        region = main
        for box in others:
            widened = region.union(box)
            if widened.bottom - widened.top <= MAX_HEIGHT:
                region = widened
        return _data_uri(_draw(self._image, self._scale, region, main, [b for b in others if _inside(b, region)]))


def _inside(box: Box, region: Box) -> bool:
    return box.top >= region.top and box.bottom <= region.bottom


def _draw(page: Image.Image, scale: float, region: Box, main: Box, others: list[Box]) -> Image.Image:
    """The region's band of the page, as wide as what is printed in it (a table row is read
    from its label on the left; the page's blank margins are left out), in a palette of the
    page's colours and the two box colours."""
    from PIL import ImageDraw

    top = max(0, int((region.top - MARGIN) * scale))
    bottom = min(page.height, int((region.bottom + MARGIN) * scale) + 1)
    left, right = _printed(page.crop((0, top, page.width, bottom)), region, scale)
    crop = page.crop((left, top, right, bottom)).quantize(colors=PALETTE)
    palette = (crop.getpalette() or [])[:3 * PALETTE]
    palette += [0] * (3 * PALETTE - len(palette))
    crop.putpalette(palette + [*STATED_COLOUR, *RELATED_COLOUR])
    draw = ImageDraw.Draw(crop)
    for box, colour in [*((b, PALETTE + 1) for b in others), (main, PALETTE)]:
        draw.rectangle(((box.x0 - PAD) * scale - left, (box.top - PAD) * scale - top,
                        (box.x1 + PAD) * scale - left, (box.bottom + PAD) * scale - top), outline=colour, width=BOX_WIDTH)
    return crop


INK = 240  # a grey darker than this is printed matter, lighter is paper


def _printed(band: Image.Image, region: Box, scale: float) -> tuple[int, int]:
    """The left and right edges, in pixels, of what is printed in a band of the page, the
    region's boxes included, with a margin."""
    ink = band.convert("L").point(lambda v: 255 if v < INK else 0).getbbox()
    x0, x1 = region.x0 * scale, region.x1 * scale
    if ink is not None:
        x0, x1 = min(x0, ink[0]), max(x1, ink[2])
    margin = MARGIN * scale / 2
    return max(0, int(x0 - margin)), min(band.width, int(x1 + margin) + 1)


def _data_uri(image: Image.Image) -> str:
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")

