"""Markdown: pipe tables become GRID lines of cells; everything else is read as text.

Many offices now keep their disclosures as Markdown before they are typeset; a pipe table is an
explicit grid, so its cells are exact. The delimiter row (|---|:---:|) carries no data: it stays a
line of the table with no cells, keeping line numbers intact.
"""
from __future__ import annotations

from auditlint.patterns import compile_lazily
from auditlint.model import GRID, Cell, Line, Location, Source
from auditlint.readers.text import check_is_text, check_line_lengths, decode, physical_lines, text_line

_DELIMITER_ROW = compile_lazily(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_PIPE = compile_lazily(r"(?<!\\)\|")


def is_pipe_row(line: str) -> bool:
    stripped = line.strip()
    return stripped.startswith("|") and stripped.endswith("|") and len(stripped) > 1


def pipe_cells(line: str, path: str, number: int, page: int) -> tuple[Cell, ...]:
    """The cells of `| a | b |`, each located at its own characters; empty cells are kept."""
    bounds = [m.start() for m in _PIPE.finditer(line)]
    cells = []
    for left, right in zip(bounds, bounds[1:]):
        raw = line[left + 1:right]
        inner = raw.strip().replace("\\|", "|")
        start = left + 1 + (len(raw) - len(raw.lstrip())) + 1
        cells.append(Cell(inner, Location(path, number, start, number, start + max(len(inner), 1), page),
                          float(len(cells)), float(len(cells)) + 1))
    return tuple(cells)


def read_markdown(path: str, data: bytes) -> Source:
    """Read a .md file: pipe rows as tables, other lines as text lines."""
    text, encoding = decode(data)
    check_is_text(text)
    numbered = physical_lines(text)
    check_line_lengths(numbered)
    lines = []
    for number, page, line in numbered:
        if _DELIMITER_ROW.match(line) and "|" in line:
            lines.append(Line(number, page, line, (), GRID))
        elif is_pipe_row(line):
            lines.append(Line(number, page, line, pipe_cells(line, path, number, page), GRID))
        else:
            lines.append(text_line(line, path, number, page))
    return Source(path, "markdown", encoding, tuple(lines))
