"""Whose a document is and what it is: its department or unit, its level (部门/单位), its kind
(预算/决算), its year, and whether it is a narrative, a table set, or both.

What a folder of disclosures needs to know across its files, read from what the document prints,
never from its file name: the title ("江苏省政协办公厅2018年度部门预算"), the tables' headers
("部门：中共江苏省委办公厅  单位：万元") and, failing both, the narrative's own subject
("江苏省政协办公厅 2019 年度收入、支出预算总计…"). Each name keeps where it was read, so that an
index can say why it believes what it says.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from itertools import islice

from auditlint.patterns import compile_lazily
from auditlint.domain import departments
from auditlint.model import PROSE, Document, Line, Location, Source
from auditlint.parse.identity import TITLE_SCAN_LINES, reads_as_title

NARRATIVE, TABLES, WHOLE, OTHER = "narrative", "tables", "whole", "other"
# Where a name was read, most trusted first.
TITLE, HEADER, SUBJECT = "title", "tables", "narrative"

# The title's name, in the title block (its first short lines, joined: a title is often printed
# over two or three lines): before its year ("江苏省政协办公厅 2018 年度", "北京市统计局部门 2026
# 年度"), or between its year and its kind ("2026年北京市交通委员会部门预算").
TITLE_BLOCK = 4  # lines
_NAME_BEFORE_YEAR = compile_lazily(r"^(?P<name>[^\d]{2,50}?)(?:部门|单位)?(?P<year>20\d{2})")
_NAME_AFTER_YEAR = compile_lazily(r"(?P<year>20\d{2})年?度?(?P<name>[^\d]{2,50}?)(?:部门|单位)?(?:汇总)?(?:预算|决算)")
_KIND = compile_lazily(r"预算|决算")
_SPACES = compile_lazily(r"\s+")


@dataclass(frozen=True)
class Named:
    """A body's name as printed, where it was read (title, tables, narrative) and its place."""

    name: str
    origin: str
    location: Location

    @property
    def key(self) -> str:
        return departments.department_key(self.name)


@dataclass(frozen=True)
class Profile:
    """What a document is (see the module's docstring). `role`: a narrative (claims, no table), a
    table set (tables, no narrative claim), whole (both), or other (neither). `units`: the budget
    units its tables print a row of, as printed."""

    department: Named | None
    level: str
    kind: str
    year: int | None
    role: str
    tables: int
    claims: int
    units: tuple[str, ...] = ()


def profile(doc: Document) -> Profile:
    """The profile of a parsed document of one file."""
    tables = sum(1 for table in doc.tables if table.rows)
    claims = len(doc.claims)
    role = WHOLE if tables and claims else TABLES if tables else NARRATIVE if claims else OTHER
    block = _title_block(doc.source)
    headers = _headers(doc.source)
    titled, title_year = _title(doc.source, block)
    department = titled or _most_common([named for _, named in headers]) or _subject_name(doc)
    units = tuple(label for key, label in doc.facts.units.labels.items() if key not in doc.facts.units.whole)
    return Profile(department, _level(doc.source, block[0], headers), _kind(doc, block[0]), doc.facts.year or title_year,
                   role, tables, claims, units)


def _title_block(source: Source) -> tuple[str, list[tuple[int, Line]]]:
    """The title block's text without spaces (its first lines that read as a title, joined), and
    where each line starts in it."""
    text, starts = "", []
    for line in islice((line for line in source.lines if not line.is_blank), TITLE_BLOCK):
        if line.layout != PROSE or not reads_as_title(line.text):
            break
        starts.append((len(text), line))
        text += _SPACES.sub("", line.text)
    return text, starts


def _title(source: Source, block: tuple[str, list[tuple[int, Line]]]) -> tuple[Named | None, int | None]:
    """The name the title block prints with its year, and the year; its place is the line the
    name starts on, where its first characters are printed."""
    text, starts = block
    for pattern in (_NAME_BEFORE_YEAR, _NAME_AFTER_YEAR):
        match = pattern.search(text)
        if match is not None and departments.is_name(match.group("name")):
            name = match.group("name")
            line = next(line for start, line in reversed(starts) if start <= match.start("name"))
            return Named(name, TITLE, _at(source, line, line.text.find(name[:2]), name)), int(match.group("year"))
    return None, None


def _headers(source: Source) -> list[tuple[str, Named]]:
    """Each name a table's header prints after its label (部门：…, 预算单位：…), with the label;
    never a unit of money (单位：万元)."""
    found = []
    for line in source.lines:
        for match in departments.HEADER.finditer(line.text):
            name = match.group("name")
            if not departments.MONEY_UNIT.match(name) and departments.is_name(name):
                found.append((_SPACES.sub("", match.group("label")),
                              Named(name, HEADER, _at(source, line, match.start("name"), name))))
    return found


def _subject_name(doc: Document) -> Named | None:
    """The name the narrative's sentences open with before their year, most often."""
    found = [Named(match.group("name"), SUBJECT, paragraph.body.locate(match.start("name"), match.end("name")))
             for paragraph in doc.paragraphs for match in departments.SUBJECT.finditer(paragraph.text)]
    return _most_common(found)


def _most_common(found: list[Named]) -> Named | None:
    """The first printing of the key printed most often (the first of those tied)."""
    if not found:
        return None
    counts = Counter(named.key for named in found)
    best = max(counts.values())
    return next(named for named in found if counts[named.key] == best)


def _level(source: Source, title: str, headers: list[tuple[str, Named]]) -> str:
    """部门 or 单位: as the title says (部门预算, 单位预算), else as the tables' headers label the
    body (部门：, 预算单位：), else as the first lines say (第二部分 2019 年度部门预算表)."""
    match = departments.TITLE_LEVEL.search(title)
    if match is not None:
        return match.group("level")
    labels = Counter(level for label, _ in headers if (level := departments.HEADER_LEVELS.get(label, "")))
    if labels:
        return labels.most_common(1)[0][0]
    first_lines = islice((line for line in source.lines if not line.is_blank and line.layout == PROSE), TITLE_SCAN_LINES)
    return next((m.group("level") for line in first_lines
                 for m in [departments.TITLE_LEVEL.search(line.text)] if m is not None), "")


def _kind(doc: Document, title: str) -> str:
    """预算 or 决算: the title's, else the title block's word, else the word most of the tables'
    titles print."""
    if doc.facts.identity is not None:
        return doc.facts.identity.kind
    said = _KIND.search(title)
    if said is not None:
        return said.group()
    words = Counter(word for table in doc.tables for word in _KIND.findall(table.title))
    return words.most_common(1)[0][0] if words else ""


def _at(source: Source, line: Line, start: int, text: str) -> Location:
    """Where `text` is printed on a line, from its column `start` (0-based)."""
    start = max(start, 0)
    return Location(source.path, line.number, start + 1, line.number, start + 1 + len(text), line.page)
