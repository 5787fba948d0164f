"""What Word and Excel files share: a zip of XML parts, checked before any library opens it, and
lines of cells built the same way from a document's paragraphs, table rows and sheet rows.

A .docx or .xlsx is refused with its reason, before python-docx or openpyxl sees it, when it is
encrypted (an OLE compound file holding an EncryptedPackage: it needs a password), an old binary
file given the new suffix, damaged (no readable zip), macro-enabled (a vbaProject part: auditlint
never opens what carries code), or a zip whose parts would unpack to more than a share of the
memory limit (a zip bomb is refused by its declared sizes, which the zip reader never exceeds).

The lines of an office file are the reader's own, numbered as `auditlint show --text` prints
them: a paragraph is one PROSE line, a table or sheet row one GRID line whose cells are its
columns (a cell's text at its column's index, blank cells kept, so that the table parser takes
it as it takes a tab-separated row), with a blank line between paragraphs and tables as a text
export has. Every cell's Location carries its anchor (a paragraph, a table cell, a sheet cell),
which is what a finding names for a person to open.
"""
from __future__ import annotations

import io
import zipfile

import regex

from auditlint.patterns import compile_lazily
from auditlint.model import GRID, PROSE, Cell, Line, Location, display_width
from auditlint.readers.text import UnreadableError, check_line_length

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
MB = 1024 * 1024
# Without a run's memory limit (auditlint show, the HTML report), the limit a run has by default.
DEFAULT_MEMORY_MB = 1024
# The XML parts may unpack to at most this share of the memory limit: parsing XML into a tree
# takes a few times its size.
XML_SHARE = 4
MAX_PARTS = 10_000  # a Word or Excel package has tens of parts; a zip of many thousands is no document
MACRO_SUFFIXES = {".docm": ".docx", ".dotm": ".docx", ".xlsm": ".xlsx", ".xltm": ".xlsx", ".xlam": ".xlsx"}
KINDS = {".docx": "Word", ".xlsx": "Excel"}


def macro_refusal(suffix: str) -> str:
    """Why a macro-enabled file is not read, and what to do."""
    plain = MACRO_SUFFIXES.get(suffix, "")
    return (f"macro-enabled file ({suffix}): auditlint does not open files that carry macros; "
            f"save it as {plain or '.docx or .xlsx'} without macros")


def open_package(data: bytes, suffix: str, max_memory_mb: int | None) -> zipfile.ZipFile:
    """The zip of a .docx or .xlsx, once it is known to be safe to hand to its library."""
    kind = KINDS[suffix]
    if data.startswith(OLE_MAGIC):
        if ENCRYPTED_STREAM in data:
            raise UnreadableError(f"encrypted {kind} file: it needs a password to open")
        raise UnreadableError(f"an old binary {kind} file (.{'doc' if kind == 'Word' else 'xls'}) named {suffix}: "
                              f"save it as {suffix} in {kind} or WPS")
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        parts = package.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
        raise UnreadableError(f"not a readable {suffix} file (damaged, or not {'an' if kind == 'Excel' else 'a'} "
                              f"{kind} file): {exc}") from exc
    if len(parts) > MAX_PARTS:
        raise UnreadableError(f"a zip of {len(parts):,} parts: not a {kind} document auditlint can read")
    if any(part.filename.lower().endswith("vbaproject.bin") for part in parts):
        raise UnreadableError(macro_refusal(suffix) + " (it holds a VBA project)")
    limit = max_memory_mb or DEFAULT_MEMORY_MB
    unpacked = sum(part.file_size for part in parts)
    if unpacked * XML_SHARE > limit * MB:
        raise UnreadableError(f"its parts unpack to {unpacked / MB:,.0f} MB, more than the memory limit of {limit} MB "
                              f"allows (see --max-memory): too large, or a zip bomb")
    return package


_CJK = compile_lazily(r"[\p{Han}\p{P}\u3000]")


def joined(pieces: list[str]) -> str:
    """Pieces of one cell's text (its paragraphs, the lines of a wrapped cell) as one line: run
    together between Chinese characters, as the words of a wrapped header are, else with a space."""
    text = ""
    for piece in (p.strip() for p in pieces):
        if not piece:
            continue
        text += piece if not text or (_CJK.match(text[-1]) and _CJK.match(piece[0])) else " " + piece
    return text


def one_line(text: str) -> str:
    """A cell's text without the tabs and line breaks that would cut its line."""
    return joined(regex.split(r"[\t\r\n\v\f]+", text))


class Lines:
    """The lines of an office file, numbered as they are added."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.lines: list[Line] = []

    @property
    def next_number(self) -> int:
        return len(self.lines) + 1

    def apart(self, page: int) -> None:
        """A blank line, unless the last line is blank: paragraphs and tables stand apart."""
        if self.lines and not self.lines[-1].is_blank:
            self.lines.append(Line(self.next_number, page, "", (), PROSE))

    def prose(self, text: str, anchor: str, page: int = 1) -> Location | None:
        """A paragraph (or a lone cell of a sheet) as one line of running text; None if empty."""
        text = one_line(text)
        if not text:
            return None
        self.apart(page)
        number = self.next_number
        check_line_length(number, text)
        location = Location(self.path, number, 1, number, len(text) + 1, page, anchor)
        self.lines.append(Line(number, page, text, (Cell(text, location, 0.0, float(display_width(text))),), PROSE))
        return location

    def row(self, cells: list[tuple[str, str]], page: int = 1) -> list[Location]:
        """A table or sheet row as a GRID line: (text, anchor) per column, blanks kept. Its
        text is the cells joined by tabs, so that a cell's columns are those of its line."""
        texts = [one_line(text) for text, _ in cells]
        number = self.next_number
        line_text = "\t".join(texts)
        check_line_length(number, line_text)
        built, locations, column = [], [], 1
        for index, (text, (_, anchor)) in enumerate(zip(texts, cells)):
            location = Location(self.path, number, column, number, column + max(len(text), 1), page, anchor)
            built.append(Cell(text, location, float(index), float(index) + 1))
            locations.append(location)
            column += len(text) + 1
        self.lines.append(Line(number, page, line_text, tuple(built), GRID))
        return locations

