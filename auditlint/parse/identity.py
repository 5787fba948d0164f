"""What a document is: a 预算 or a 决算, and of which year, as its title says.

The title is the first short line near the top that names a year and 预算 or 决算 ("2024 年度
武汉市硚口区行政审批局部门决算", "2026年部门预算公开目录"). Rules that hold a document to its own
year or kind (year-mismatch, required-tables) only run when the title says both: a guess from the
body could be wrong, and a rule that reports must have the text that proves its claim.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from itertools import islice
from typing import Iterator

import regex

from auditlint.patterns import compile_lazily
from auditlint.model import PROSE, Document, Line, Location

TITLE_SCAN_LINES = 60    # the title is among the first lines of a document
MAX_TITLE_WIDTH = 60     # characters: a title is short
_TITLE = compile_lazily(r"(?P<year>20\d{2})\s*年\s*度?(?P<rest>.{0,40}?)(?P<kind>预算|决算)")
# A heading the template fixes: the year, then the document's kind, then what the part is.
TEMPLATE_HEADING = compile_lazily(r"(?P<year>20\d{2})\s*年\s*度?(?P<rest>.{0,30}?)(?P<kind>预算|决算)"
                                  r".{0,12}?(?:情况说明|说明|表|公开|报告|目录)")
_SENTENCE = compile_lazily(r"[。；，,：:]")
_YEAR = compile_lazily(r"(\d{4})\s*年")
_COMPARISON = compile_lazily(r"比|较|与|同比|上年|以前|执行|调整")


@dataclass(frozen=True)
class Identity:
    """The document's kind (预算 or 决算) and year, and the title line that states them."""

    kind: str
    year: int
    location: Location


@dataclass(frozen=True)
class Heading:
    """A heading that names a year and a kind for itself, and where its year is printed."""

    text: str
    year: int
    kind: str
    year_location: Location


def reads_as_title(text: str) -> bool:
    """Short, with no sentence punctuation."""
    return bool(text.strip()) and len(text.strip()) <= MAX_TITLE_WIDTH and not _SENTENCE.search(text)


def _year_and_kind(text: str, pattern: regex.Pattern) -> regex.Match | None:
    match = pattern.search(text)
    if match is None or _COMPARISON.search(match.group("rest")):
        return None  # none named, or another year by comparison (比2022年…, 上年…执行情况)
    return match


def identify(doc: Document) -> Identity | None:
    """The document's kind and year from its title, or None when no title states them. A
    document of several files has its title in the first file that prints one."""
    for source in doc.sources:
        for line in islice((l for l in source.lines if not l.is_blank), TITLE_SCAN_LINES):
            match = _year_and_kind(line.text, _TITLE) if line.layout == PROSE and reads_as_title(line.text) else None
            if match is not None:
                location = Location(source.path, line.number, match.start() + 1, line.number, match.end() + 1, line.page)
                return Identity(match.group("kind"), int(match.group("year")), location)
    return None


def document_year(doc: Document) -> int | None:
    """The year a document is about: its title's, else the one its table titles name most
    often (a document cut from a larger one may have lost its title)."""
    identity = identify(doc)
    if identity is not None:
        return identity.year
    years = Counter(int(y) for t in doc.tables for y in _YEAR.findall(t.title))
    return years.most_common(1)[0][0] if years else None


def template_headings(doc: Document) -> Iterator[Heading]:
    """Headings of the template that name their year and kind ("2023年度部门决算情况说明",
    "2023年度收入支出决算总表"): paragraphs of one short line without sentence punctuation (a
    line cut from a wrapped sentence is no heading), and table titles."""
    for paragraph in doc.paragraphs:
        text = paragraph.text
        if reads_as_title(text):
            match = _year_and_kind(text, TEMPLATE_HEADING)
            if match is not None:
                yield Heading(text.strip(), int(match.group("year")), match.group("kind"),
                              paragraph.body.locate(match.start("year"), match.end("year")))
    lines: dict[tuple[str, int], Line] | None = None  # made for the first title that names a year and a kind
    for table in doc.tables:
        match = _year_and_kind(table.title, TEMPLATE_HEADING)
        if match is not None and lines is None:
            lines = {(source.path, line.number): line for source in doc.sources for line in source.lines}
        line = lines.get((table.location.path, table.location.line)) if lines is not None else None
        at = line.text.find(match.group("year")) if match is not None and line is not None else -1
        if at >= 0:
            yield Heading(table.title, int(match.group("year")), match.group("kind"),
                          Location(table.location.path, line.number, at + 1, line.number, at + 5, line.page))
