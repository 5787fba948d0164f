"""PDF reading: one adapter per engine, each reporting glyphs and rules; layout.py does the rest.

PDFium (pypdfium2) is the default: fast, robust on malformed files, correct Unicode for Type 3
fonts. pdfminer.six sits behind the same adapter interface (`--pdf-engine pdfminer`). Engines are
imported only when a PDF is read, so linting text never pays for them. A PDF that cannot be used
(encrypted with a password, damaged, or a scan with no text layer) raises UnreadableError with
that reason: a scan must never pass as a clean document.
"""
from __future__ import annotations

import logging
import struct
from typing import TYPE_CHECKING, Callable, Iterator

from auditlint.patterns import compile_lazily
from auditlint.model import Source
from auditlint.readers.layout import EM_SHARE, Glyph, PageLayout, Rule, make_glyph, make_glyphs, make_run, page_lines
from auditlint.readers.text import UnreadableError

if TYPE_CHECKING:
    from auditlint.readers.pdfium_calls import Handle

RULE_THICKNESS = 2.0  # points: a path this thin in one direction is a ruling line


def _rule(x0: float, top: float, x1: float, bottom: float) -> Rule | None:
    width, height = x1 - x0, bottom - top
    if min(width, height) <= RULE_THICKNESS and max(width, height) > 3 * RULE_THICKNESS:
        return Rule(x0, top, x1, bottom)
    return None


def pdfium_pages(data: bytes) -> Iterator[PageLayout]:
    """Glyphs and rules of every page, as PDFium sees them.

    Bare PDFium calls throughout (pdfium_calls): a 262-page document has 160 000 characters, and
    pypdfium2's object wrappers, or even its typed prototypes, would cost more than PDFium's own
    work. pypdfium2 opens the document (a password or a damaged file is then a reason, not a
    crash); pages are loaded and closed here, one at a time. The text of a page comes in one
    call; boxes are asked for a run of characters at a time (_pdfium_glyphs).
    """
    import pypdfium2 as pdfium

    from auditlint.readers.pdfium_calls import calls, handle

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise UnreadableError(_pdfium_reason(exc)) from exc
    pdf = calls()
    try:
        raw_document = handle(document.raw)
        for index in range(pdf.FPDF_GetPageCount(raw_document)):
            page = pdf.FPDF_LoadPage(raw_document, index)
            if not page:
                raise UnreadableError(f"not a readable PDF (damaged or not a PDF): page {index + 1} cannot be loaded")
            try:
                rotation = _rotation(pdf.FPDFPage_GetRotation(page), index)
                if rotation:
                    shown = _as_shown(rotation, _media_box(page))
                    yield PageLayout(tuple(_pdfium_turned_glyphs(page, shown)), tuple(_pdfium_rules(page, shown=shown)))
                else:
                    height = pdf.FPDF_GetPageHeightF(page)
                    yield PageLayout(tuple(_pdfium_glyphs(page, height)), tuple(_pdfium_rules(page, height=height)))
            finally:
                pdf.FPDF_ClosePage(page)
    finally:
        document.close()


_DEGREES = {0: 0, 1: 90, 2: 180, 3: 270}  # PDFium's rotation, in quarter turns clockwise


def _rotation(quarters: int, index: int) -> int:
    if quarters not in _DEGREES:
        raise UnreadableError(f"not a readable PDF (damaged or not a PDF): page {index + 1} has no rotation PDFium can read")
    return _DEGREES[quarters]


def _media_box(page: Handle) -> tuple[float, float, float, float]:
    """The page's media box (left, bottom, right, top); US Letter where none is set, as
    pypdfium2 says."""
    import ctypes

    from auditlint.readers.pdfium_calls import calls

    box = [ctypes.c_float() for _ in range(4)]
    if not calls().FPDFPage_GetMediaBox(page, *(ctypes.addressof(v) for v in box)):
        return (0.0, 0.0, 612.0, 792.0)
    return (box[0].value, box[1].value, box[2].value, box[3].value)


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


def _pdfium_turned_glyphs(page: Handle, shown: Point) -> list[Glyph]:
    """The glyphs of a turned page, each character read on its own and turned as the page is
    shown (its baseline from its origin): such pages are few, and a run's two ends say nothing
    of a line that runs down the page's own space."""
    import ctypes

    import pypdfium2.raw as raw

    from auditlint.readers.pdfium_calls import address, calls

    pdf = calls()
    textpage = pdf.FPDFText_LoadPage(page)
    if not textpage:
        return []
    try:
        text = _pdfium_text(textpage, pdf.FPDFText_CountChars(textpage))
        box, x, y = raw.FS_RECTF(), ctypes.c_double(), ctypes.c_double()
        box_at, x_at, y_at = address(box), address(x), address(y)
        glyphs = []
        for index, char in enumerate(text):
            if char.isspace():
                continue
            pdf.FPDFText_GetLooseCharBox(textpage, index, box_at)
            pdf.FPDFText_GetCharOrigin(textpage, index, x_at, y_at)
            (ax, ay), (bx, by) = shown(box.left, box.bottom), shown(box.right, box.top)
            glyphs.append(make_glyph(char, min(ax, bx), min(ay, by), max(ax, bx), max(ay, by), shown(x.value, y.value)[1]))
        return glyphs
    finally:
        pdf.FPDFText_ClosePage(textpage)


TEXT_CHECK_STEP = 32  # every so many characters, the bulk text is checked against the character


def _pdfium_text(textpage: Handle, count: int) -> str:
    """The page's characters, one per character index. PDFium gives the whole text in one call,
    but as UTF-16 and with characters it may leave out or add; when that text does not line up
    with the character list (its length, or a sample of characters, differs), the characters
    are asked for one by one."""
    import ctypes

    from auditlint.readers.pdfium_calls import calls

    pdf = calls()
    buffer = (ctypes.c_ushort * (count + 1))()
    written = pdf.FPDFText_GetText(textpage, 0, count, ctypes.addressof(buffer))
    text = bytes(buffer)[:2 * count].decode("utf-16-le", errors="replace")
    samples = [*range(0, count, TEXT_CHECK_STEP), count - 1] if count else []
    unicode = pdf.FPDFText_GetUnicode
    if written == count + 1 and all(ord(text[i]) == unicode(textpage, i) for i in samples):
        return text
    return "".join(chr(unicode(textpage, i)) for i in range(count))


_WORD = compile_lazily(r"\S+")
# A character box (FS_RECTF: left, top, right, bottom, each a C float) read in one call: four
# attribute reads of the ctypes structure cost half again as much, for every character and run.
_CORNERS = struct.Struct("4f").unpack_from


def _pdfium_glyphs(page: Handle, height: float) -> list[Glyph]:
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
    from auditlint.readers.pdfium_calls import calls

    pdf = calls()
    textpage = pdf.FPDFText_LoadPage(page)
    if not textpage:
        return []
    try:
        reader = _PdfiumCharacters(textpage, height)
        words = [(w.start(), w.end()) for w in _WORD.finditer(reader.text)]
        if 2 * pdf.FPDFPage_CountObjects(page) >= sum(end - start for start, end in words):
            for start, end in words:
                reader.add_characters(start, end)
        else:
            reader.add_runs(words)
        return reader.glyphs
    finally:
        pdf.FPDFText_ClosePage(textpage)


class _PdfiumCharacters:
    """The characters of one PDFium text page, turned into glyphs a run or a character at a time."""

    def __init__(self, textpage: Handle, height: float) -> None:
        import ctypes

        import pypdfium2.raw as raw

        from auditlint.readers.pdfium_calls import address, calls

        pdf = calls()
        self.textpage, self.height = textpage, height
        self.text = _pdfium_text(textpage, pdf.FPDFText_CountChars(textpage))
        self.glyphs: list[Glyph] = []
        self._box, self._x, self._y = raw.FS_RECTF(), ctypes.c_double(), ctypes.c_double()
        # out-arguments as addresses: the unchecked calls take them as they are
        self._box_ref, self._x_ref, self._y_ref = address(self._box), address(self._x), address(self._y)
        self._char_box, self._char_origin = pdf.FPDFText_GetLooseCharBox, pdf.FPDFText_GetCharOrigin
        self._count_rects = pdf.FPDFText_CountRects
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
        char_box, append, new, share, corners = self._char_box, self.glyphs.append, tuple.__new__, EM_SHARE, _CORNERS
        last_top, last_bottom, baseline = self._last
        for index in range(start, end):
            char_box(textpage, index, box_ref)
            left, top, right, bottom = corners(box)
            char = text[index]
            if top != last_top or bottom != last_bottom:
                baseline, last_top, last_bottom = self._baseline(index, top, bottom), top, bottom
            # make_glyph, built as the tuple it is: a call less per character
            append(new(Glyph, (char, left, height - top, right, height - bottom, baseline, (right - left) / share[char])))

    def add_runs(self, words: list[tuple[int, int]]) -> None:
        """The characters of each word (start to end, exclusive), a glyph for each text object's
        run of them: a word is one run unless PDFium counts more than one rectangle in it (a
        zero-width character makes none). A run is one glyph, from the boxes of its two ends; its
        characters are read one by one where the ends are not side by side on one line (or it
        has one character). Written as one loop: a page of words has thousands of runs."""
        count_rects, textpage, char_box, box, box_ref = (self._count_rects, self.textpage, self._char_box,
                                                         self._box, self._box_ref)
        text, height, append, corners = self.text, self.height, self.glyphs.append, _CORNERS
        for start, end in words:
            while start < end:
                length = end - start
                if count_rects(textpage, start, length) > 1:
                    length = _longest(lambda n, first=start: count_rects(textpage, first, n) <= 1, length)
                last = start + length - 1
                if length > 1:
                    char_box(textpage, start, box_ref)
                    left, top, right, bottom = corners(box)
                    char_box(textpage, last, box_ref)
                    last_left, last_top, last_right, last_bottom = corners(box)
                    if last_top == top and last_bottom == bottom and last_left >= right - 0.01 * (right - left):
                        append(make_run(text[start:last + 1], left, height - top, last_right, height - bottom,
                                        self._baseline(start, top, bottom)))
                    else:
                        self.add_characters(start, last + 1)
                else:
                    self.add_characters(start, last + 1)
                start += length


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


def _pdfium_rules(page: Handle, shown: Point | None = None, height: float = 0.0, max_depth: int = 15) -> list[Rule]:
    """Thin path objects of the page, Form XObjects included (as deep as pypdfium2 goes), where
    the page shows them: turned by `shown` (a point of the page's own space to where it is
    shown), or, on a page that is not turned, only flipped to run down from the top (`height`).
    The objects are walked by index, a form's inside it as it is met, in the page's order: no
    list of every object. A table is drawn in thousands of paths, so the flip and the test of
    thinness are written out in the loop (what _rule does, to the same floats)."""
    import ctypes

    import pypdfium2.raw as raw

    from auditlint.readers.pdfium_calls import calls

    pdf = calls()
    left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    at_left, at_bottom, at_right, at_top = (ctypes.addressof(v) for v in (left, bottom, right, top))
    get_type, get_bounds, path_type, form_type = (pdf.FPDFPageObj_GetType, pdf.FPDFPageObj_GetBounds,
                                                  raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_FORM)
    thin, long = RULE_THICKNESS, 3 * RULE_THICKNESS
    rules: list[Rule] = []
    append, new = rules.append, tuple.__new__

    def visit(count: Callable[[int], int], get: Callable[[int, int], int | None], parent: Handle | int,
              depth: int) -> None:
        for index in range(count(parent)):
            obj = get(parent, index)
            kind = get_type(obj)
            if kind == path_type:
                if not get_bounds(obj, at_left, at_bottom, at_right, at_top):
                    continue
                if shown is not None:
                    (ax, ay), (bx, by) = shown(left.value, bottom.value), shown(right.value, top.value)
                    rule = _rule(min(ax, bx), min(ay, by), max(ax, bx), max(ay, by))
                    if rule is not None:
                        append(rule)
                    continue
                ax, bx, ay, by = left.value, right.value, height - bottom.value, height - top.value
                # min and max as the builtins pick (the first of equals), then _rule's test
                x0, x1, y0, y1 = (bx if bx < ax else ax), (bx if bx > ax else ax), (by if by < ay else ay), (by if by > ay else ay)
                wide, tall = x1 - x0, y1 - y0
                if (tall if tall < wide else wide) <= thin and (tall if tall > wide else wide) > long:
                    append(new(Rule, (x0, y0, x1, y1)))
            elif kind == form_type and depth < max_depth:
                visit(pdf.FPDFFormObj_CountObjects, pdf.FPDFFormObj_GetObject, obj, depth + 1)

    visit(pdf.FPDFPage_CountObjects, pdf.FPDFPage_GetObject, page, 0)
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
    """Import an engine ahead of time, and for PDFium declare its calls: a run about to fork
    its workers pays once, not once per worker."""
    import importlib

    for module in ENGINE_MODULES[engine]:
        importlib.import_module(module)
    if engine == "pdfium":
        from auditlint.readers.pdfium_calls import calls

        calls()


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
