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

from auditlint.model import Source
from auditlint.readers.layout import Glyph, PageLayout, Rule, make_glyph, make_glyphs, page_lines
from auditlint.readers.text import UnreadableError

RULE_THICKNESS = 2.0  # points: a path this thin in one direction is a ruling line


def _rule(x0: float, top: float, x1: float, bottom: float) -> Rule | None:
    width, height = x1 - x0, bottom - top
    if min(width, height) <= RULE_THICKNESS and max(width, height) > 3 * RULE_THICKNESS:
        return Rule(x0, top, x1, bottom)
    return None


def pdfium_pages(data: bytes) -> Iterator[PageLayout]:
    """Glyphs and rules of every page, as PDFium sees them.

    Raw PDFium calls throughout: reading a 262-page document asks for 160 000 character boxes,
    and pypdfium2's object wrappers would cost more than PDFium's own work. The text of a page
    comes in one call; the box and origin of each visible character take one call each.
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
                height = page.get_height()
                yield PageLayout(tuple(_pdfium_glyphs(page.raw, height)), tuple(_pdfium_rules(page.raw, height)))
            finally:
                page.close()
    finally:
        document.close()


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


def _pdfium_glyphs(page: object, height: float) -> list[Glyph]:
    import ctypes

    import pypdfium2.raw as raw

    textpage = raw.FPDFText_LoadPage(page)
    if not textpage:
        return []
    try:
        text = _pdfium_text(textpage, raw.FPDFText_CountChars(textpage))
        box, origin_x, origin_y = raw.FS_RECTF(), ctypes.c_double(), ctypes.c_double()
        box_ref, x_ref, y_ref = ctypes.byref(box), ctypes.byref(origin_x), ctypes.byref(origin_y)
        char_box, char_origin = raw.FPDFText_GetLooseCharBox, raw.FPDFText_GetCharOrigin
        glyphs = []
        for i, char in enumerate(text):
            if not char.strip():
                continue  # PDFium's generated characters are all whitespace
            char_box(textpage, i, box_ref)
            char_origin(textpage, i, x_ref, y_ref)
            glyphs.append(make_glyph(char, box.left, height - box.top, box.right, height - box.bottom,
                                     height - origin_y.value))
        return glyphs
    finally:
        raw.FPDFText_ClosePage(textpage)


def _pdfium_rules(page: object, height: float, max_depth: int = 15) -> list[Rule]:
    """Thin path objects of the page, Form XObjects included (as deep as pypdfium2 goes)."""
    import ctypes

    import pypdfium2.raw as raw

    left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    refs = [ctypes.byref(v) for v in (left, bottom, right, top)]
    rules: list[Rule] = []

    def visit(count: int, get: Callable[[int], object], depth: int) -> None:
        for i in range(count):
            obj = get(i)
            kind = raw.FPDFPageObj_GetType(obj)
            if kind == raw.FPDF_PAGEOBJ_PATH and raw.FPDFPageObj_GetBounds(obj, *refs):
                rule = _rule(left.value, height - top.value, right.value, height - bottom.value)
                if rule is not None:
                    rules.append(rule)
            elif kind == raw.FPDF_PAGEOBJ_FORM and depth < max_depth:
                visit(raw.FPDFFormObj_CountObjects(obj), lambda j, form=obj: raw.FPDFFormObj_GetObject(form, j), depth + 1)

    visit(raw.FPDFPage_CountObjects(page), lambda i: raw.FPDFPage_GetObject(page, i), 0)
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
