"""PDF reading: one adapter per engine, each reporting glyphs and rules; layout.py does the rest.

PDFium (pypdfium2) is the default: fast, robust on malformed files, correct Unicode for Type 3
fonts. pdfminer.six sits behind the same adapter interface (`--pdf-engine pdfminer`). Engines are
imported only when a PDF is read, so linting text never pays for them. A PDF that cannot be used
(encrypted with a password, damaged, or a scan with no text layer) raises UnreadableError with
that reason: a scan must never pass as a clean document.
"""
from __future__ import annotations

import logging
from typing import Callable, Iterator

import regex

from auditlint.model import Source
from auditlint.readers.layout import EM_SHARE, Glyph, PageLayout, Rule, make_glyph, make_glyphs, make_run, page_lines
from auditlint.readers.text import UnreadableError

RULE_THICKNESS = 2.0  # points: a path this thin in one direction is a ruling line


def _rule(x0: float, top: float, x1: float, bottom: float) -> Rule | None:
    width, height = x1 - x0, bottom - top
    if min(width, height) <= RULE_THICKNESS and max(width, height) > 3 * RULE_THICKNESS:
        return Rule(x0, top, x1, bottom)
    return None


def pdfium_pages(data: bytes) -> Iterator[PageLayout]:
    """Glyphs and rules of every page, as PDFium sees them.

    Raw PDFium calls throughout: a 262-page document has 160 000 characters, and pypdfium2's
    object wrappers would cost more than PDFium's own work. The text of a page comes in one
    call; boxes are asked for a run of characters at a time (_pdfium_glyphs).
    """
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise UnreadableError(_pdfium_reason(exc)) from exc
    try:
        for index in range(len(document)):
            page = document[index]
            try:
                rotation = page.get_rotation()
                if rotation:
                    shown = _as_shown(rotation, page.get_mediabox())
                    yield PageLayout(tuple(_pdfium_turned_glyphs(page.raw, shown)), tuple(_pdfium_rules(page.raw, shown)))
                else:
                    height = page.get_height()
                    yield PageLayout(tuple(_pdfium_glyphs(page.raw, height)),
                                     tuple(_pdfium_rules(page.raw, lambda x, y: (x, height - y))))
            finally:
                page.close()
    finally:
        document.close()


Point = Callable[[float, float], tuple[float, float]]


def _as_shown(rotation: int, box: tuple[float, float, float, float]) -> Point:
    """Where a point of a page's own space (x right, y up, inside its media box) is shown when
    the page's /Rotate turns it clockwise: from the top-left corner of the page as displayed.
    PDFium reports a turned page in its own space, where a landscape table drawn on a portrait
    page runs down the page character by character (pdfminer.six turns it already)."""
    left, bottom, right, top = box
    if rotation == 90:
        return lambda x, y: (y - bottom, x - left)
    if rotation == 180:
        return lambda x, y: (right - x, y - bottom)
    return lambda x, y: (top - y, right - x)  # 270


def _pdfium_turned_glyphs(page: object, shown: Point) -> list[Glyph]:
    """The glyphs of a turned page, each character read on its own and turned as the page is
    shown (its baseline from its origin): such pages are few, and a run's two ends say nothing
    of a line that runs down the page's own space."""
    import ctypes

    import pypdfium2.raw as raw

    textpage = raw.FPDFText_LoadPage(page)
    if not textpage:
        return []
    try:
        text = _pdfium_text(textpage, raw.FPDFText_CountChars(textpage))
        box, x, y = raw.FS_RECTF(), ctypes.c_double(), ctypes.c_double()
        glyphs = []
        for index, char in enumerate(text):
            if char.isspace():
                continue
            raw.FPDFText_GetLooseCharBox(textpage, index, ctypes.byref(box))
            raw.FPDFText_GetCharOrigin(textpage, index, ctypes.byref(x), ctypes.byref(y))
            (ax, ay), (bx, by) = shown(box.left, box.bottom), shown(box.right, box.top)
            glyphs.append(make_glyph(char, min(ax, bx), min(ay, by), max(ax, bx), max(ay, by), shown(x.value, y.value)[1]))
        return glyphs
    finally:
        raw.FPDFText_ClosePage(textpage)


TEXT_CHECK_STEP = 32  # every so many characters, the bulk text is checked against the character


def _pdfium_text(textpage: object, count: int) -> str:
    """The page's characters, one per character index. PDFium gives the whole text in one call,
    but as UTF-16 and with characters it may leave out or add; when that text does not line up
    with the character list (its length, or a sample of characters, differs), the characters
    are asked for one by one."""
    import ctypes

    import pypdfium2.raw as raw

    buffer = (ctypes.c_ushort * (count + 1))()
    written = raw.FPDFText_GetText(textpage, 0, count, buffer)
    text = bytes(buffer)[:2 * count].decode("utf-16-le", errors="replace")
    samples = [*range(0, count, TEXT_CHECK_STEP), count - 1] if count else []
    if written == count + 1 and all(ord(text[i]) == raw.FPDFText_GetUnicode(textpage, i) for i in samples):
        return text
    return "".join(chr(raw.FPDFText_GetUnicode(textpage, i)) for i in range(count))


_WORD = regex.compile(r"\S+")


def _pdfium_glyphs(page: object, height: float) -> list[Glyph]:
    """The page's text as glyphs, each run of characters of one text object one glyph.

    PDFium puts a space into a page's text where characters stand well apart and a line break
    where a line ends, but not always between two table cells that are separate text objects.
    Between two whitespace characters, the characters of one text object (one rectangle, as
    PDFium counts them) are set side by side in one font, so the boxes of the first and the
    last give the run's extent and the characters between need no call of their own: a few
    calls per run instead of two per character, which is what reading costs. Where a run's ends
    disagree (not on one line, not left to right) its characters are read one by one. Some
    producers write every character as an object of its own; on such a page (as many objects as
    half its characters) there are no runs to find, and every character is read directly.
    """
    import pypdfium2.raw as raw

    textpage = raw.FPDFText_LoadPage(page)
    if not textpage:
        return []
    try:
        reader = _PdfiumCharacters(textpage, height)
        words = [(w.start(), w.end()) for w in _WORD.finditer(reader.text)]
        if 2 * raw.FPDFPage_CountObjects(page) >= sum(end - start for start, end in words):
            for start, end in words:
                reader.add_characters(start, end)
        else:
            for start, end in words:
                reader.add_runs(start, end)
        return reader.glyphs
    finally:
        raw.FPDFText_ClosePage(textpage)


class _PdfiumCharacters:
    """The characters of one PDFium text page, turned into glyphs a run or a character at a time."""

    def __init__(self, textpage: object, height: float) -> None:
        import ctypes

        import pypdfium2.raw as raw

        self.textpage, self.height = textpage, height
        self.text = _pdfium_text(textpage, raw.FPDFText_CountChars(textpage))
        self.glyphs: list[Glyph] = []
        self._box, self._x, self._y = raw.FS_RECTF(), ctypes.c_double(), ctypes.c_double()
        self._box_ref, self._x_ref, self._y_ref = ctypes.byref(self._box), ctypes.byref(self._x), ctypes.byref(self._y)
        self._char_box, self._char_origin = raw.FPDFText_GetLooseCharBox, raw.FPDFText_GetCharOrigin
        self._count_rects = raw.FPDFText_CountRects
        self._last = (float("nan"), float("nan"), 0.0)  # (top, bottom, baseline) of the last glyph

    def _baseline(self, index: int, top: float, bottom: float) -> float:
        """Glyphs of one font on one line share a box top and bottom, and so a baseline: the
        origin is asked for only when they change."""
        if self._last[0] != top or self._last[1] != bottom:
            self._char_origin(self.textpage, index, self._x_ref, self._y_ref)
            self._last = (top, bottom, self.height - self._y.value)
        return self._last[2]

    def add_characters(self, start: int, end: int) -> None:
        """Characters start to end (exclusive), each a glyph; locals only, for a page of words in
        mixed fonts has many characters to read one by one."""
        box, height, textpage, text, box_ref = self._box, self.height, self.textpage, self.text, self._box_ref
        char_box, append, new, share = self._char_box, self.glyphs.append, tuple.__new__, EM_SHARE
        last_top, last_bottom, baseline = self._last
        for index in range(start, end):
            char_box(textpage, index, box_ref)
            top, bottom, left, right, char = box.top, box.bottom, box.left, box.right, text[index]
            if top != last_top or bottom != last_bottom:
                baseline, last_top, last_bottom = self._baseline(index, top, bottom), top, bottom
            # make_glyph, built as the tuple it is: a call less per character
            append(new(Glyph, (char, left, height - top, right, height - bottom, baseline, (right - left) / share[char])))

    def add_runs(self, start: int, end: int) -> None:
        """Characters start to end (exclusive), a glyph for each text object's run of them."""
        while start < end:
            length = end - start if self._one_object(start, end - start) \
                else _longest(lambda n, first=start: self._one_object(first, n), end - start)
            self._add_run(start, start + length)
            start += length

    def _one_object(self, start: int, length: int) -> bool:
        return self._count_rects(self.textpage, start, length) <= 1  # a zero-width character makes none

    def _add_run(self, start: int, end: int) -> None:
        last = end - 1
        if start == last:
            self.add_characters(start, end)
            return
        box, height = self._box, self.height
        self._char_box(self.textpage, start, self._box_ref)
        left, right, top, bottom = box.left, box.right, box.top, box.bottom
        self._char_box(self.textpage, last, self._box_ref)
        if box.top == top and box.bottom == bottom and box.left >= right - 0.01 * (right - left):
            self.glyphs.append(make_run(self.text[start:end], left, height - top, box.right, height - bottom,
                                        self._baseline(start, top, bottom)))
        else:
            self.add_characters(start, end)


def _longest(holds: Callable[[int], bool], limit: int) -> int:
    """The largest n ≤ limit for which holds(n), given holds(1) and that it holds up to some n
    and not beyond: a galloping search, a few calls whether the run is 2 characters or 40."""
    good, step = 1, 2
    while step <= limit and holds(step):
        good, step = step, step * 2
    bad = min(step, limit + 1)
    while bad - good > 1:
        middle = (good + bad) // 2
        good, bad = (middle, bad) if holds(middle) else (good, middle)
    return good


def _pdfium_rules(page: object, shown: Point, max_depth: int = 15) -> list[Rule]:
    """Thin path objects of the page, Form XObjects included (as deep as pypdfium2 goes), where
    the page shows them (`shown` turns a point of the page's own space)."""
    import ctypes

    import pypdfium2.raw as raw

    left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    refs = [ctypes.byref(v) for v in (left, bottom, right, top)]
    get_type, get_bounds, path_type, form_type = (raw.FPDFPageObj_GetType, raw.FPDFPageObj_GetBounds,
                                                  raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_FORM)
    rules: list[Rule] = []

    def visit(objects: list[object], depth: int) -> None:
        for obj in objects:
            kind = get_type(obj)
            if kind == path_type and get_bounds(obj, *refs):
                (ax, ay), (bx, by) = shown(left.value, bottom.value), shown(right.value, top.value)
                rule = _rule(min(ax, bx), min(ay, by), max(ax, bx), max(ay, by))
                if rule is not None:
                    rules.append(rule)
            elif kind == form_type and depth < max_depth:
                visit([raw.FPDFFormObj_GetObject(obj, j) for j in range(raw.FPDFFormObj_CountObjects(obj))], depth + 1)

    visit([raw.FPDFPage_GetObject(page, i) for i in range(raw.FPDFPage_CountObjects(page))], 0)
    return rules


def _pdfium_reason(exc: Exception) -> str:
    message = str(exc)
    if "password" in message.lower():
        return "encrypted PDF: it needs a password to open"
    if "format" in message.lower() or "not found" in message.lower():
        return f"not a readable PDF (damaged or not a PDF): {message}"
    return f"cannot open the PDF: {message}"


def pdfminer_pages(data: bytes) -> Iterator[PageLayout]:
    """Glyphs and rules of every page, as pdfminer.six sees them (no layout analysis)."""
    import io

    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTChar, LTContainer, LTCurve
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psparser import PSException

    logging.getLogger("pdfminer").setLevel(logging.ERROR)

    def walk(item, height: float, glyphs: list, rules: list) -> None:
        for child in item:
            if isinstance(child, LTChar):
                baseline = height - child.matrix[5]  # the text matrix's origin: the baseline
                glyphs.extend(make_glyphs(child.get_text(), child.x0, height - child.y1, child.x1, height - child.y0, baseline))
            elif isinstance(child, LTCurve):
                rule = _rule(child.x0, height - child.y1, child.x1, height - child.y0)
                if rule is not None:
                    rules.append(rule)
            elif isinstance(child, LTContainer):
                walk(child, height, glyphs, rules)

    try:
        for page in extract_pages(io.BytesIO(data), laparams=None):
            glyphs: list[Glyph] = []
            rules: list[Rule] = []
            walk(page, page.height, glyphs, rules)
            yield PageLayout(tuple(glyphs), tuple(rules))
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise UnreadableError("encrypted PDF: it needs a password to open") from exc
    except (PDFSyntaxError, PSException) as exc:
        raise UnreadableError(f"not a readable PDF (damaged or not a PDF): {exc}") from exc


ENGINE_MODULES = {"pdfium": ("pypdfium2", "pypdfium2.raw"), "pdfminer": ("pdfminer.high_level", "pdfminer.layout")}


def preload(engine: str) -> None:
    """Import an engine ahead of time: a run about to fork one worker per PDF pays once."""
    import importlib

    for module in ENGINE_MODULES[engine]:
        importlib.import_module(module)


ADAPTERS: dict[str, Callable[[bytes], Iterator[PageLayout]]] = {
    "pdfium": pdfium_pages,
    "pdfminer": pdfminer_pages,
}


def read_pdf(path: str, data: bytes, engine: str = "pdfium") -> Source:
    """Read a PDF into lines of cells; refuse a PDF with no text layer."""
    if not data.lstrip()[:1024].startswith(b"%PDF") and b"%PDF-" not in data[:1024]:
        raise UnreadableError("not a PDF (no %PDF header)")
    pages = list(ADAPTERS[engine](data))
    lines = page_lines(pages, path)
    if not lines:
        reason = "no text layer (a scanned PDF?)" if pages else "the PDF has no pages"
        raise UnreadableError(f"{reason}: auditlint cannot read it")
    return Source(path, "pdf", engine, tuple(lines))
