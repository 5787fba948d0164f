"""Which year and which money a narrative figure is about, from the words printed before it.

"2024年一般公共预算财政拨款基本支出800万元" is about 2024 and about 一般公共预算 money only; a
figure whose sentence names no year is about the document's year, and one whose sentence names no
source of money is about all the department's money, unless its paragraph has already narrowed
the money down (then the sentence does not say, and the scope is unknown). Claims carry both, and
text-vs-table compares a figure only with tables of its year and scope.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

from auditlint.patterns import compile_lazily
from auditlint.domain.scope import ALL, SCOPE_NAMES, SCOPE_WORDS, UNKNOWN
from auditlint.domain.units import HEADING_LEVELS
from auditlint.domain.wording import LIST_OPENS, NUMBER
from auditlint.model import Location, Paragraph, Sentence

_YEAR = compile_lazily(r"(\d{4})\s*年")
_SPACE = compile_lazily(r"\s+")


def year_of(before: str, document_year: int | None) -> int | None:
    """The year a figure is about: the last year its sentence names before it (2024年…, or the
    比2023年 of a change), else the document's own year. A year compared with (比2025年增加362.10
    万元) is of the figures of its own clause only: "…比2025年增加362.10万元；项目支出9,399.23万元"
    states this year's 项目支出."""
    for match in reversed(list(_YEAR.finditer(before))):
        if _COMPARED_WITH.search(before, 0, match.start()) and _AMOUNT.search(before, match.end()):
            continue
        return int(match.group(1))
    return document_year


# The words before a year a figure is compared with: 比2025年, 较2025年, 与2025年相比.
_COMPARED_WITH = compile_lazily(r"(?:比|较|与|同)\s*$")


def is_earlier(year: int | None, document_year: int | None) -> bool:
    """Is a figure about a year before the document's (比2023年…)? Then no table states it."""
    return year is not None and document_year is not None and year < document_year


def scope_of(before: str, paragraph_before: str, section: str | None = None) -> str:
    """The money a figure is about: the source its sentence names for it (sentence_scope);
    UNKNOWN when only its paragraph does (a later sentence of a paragraph about 一般公共预算 may
    or may not still be about it); else the money its section's heading names (section_scopes),
    or ALL."""
    named = sentence_scope(_SPACE.sub("", before))
    if named:
        return named
    if SCOPE_WORDS.search(_SPACE.sub("", paragraph_before)):
        return UNKNOWN
    return section or ALL


# An amount of a sentence, and what opens a list after it ("…14,770.62万元，其中：", "…万元："):
# the amount is the list's total, and its words name the money of the list's items.
_AMOUNT = compile_lazily(rf"{NUMBER}\s*万?元")
_OPENS_ITEMS = compile_lazily(LIST_OPENS)
# A sentence that opens with a list of what the sentence before states ("…支出12,672.73万元。其中：
# 基本支出…"); not one that names its own total first ("支出包括：…" may list an earlier sentence's).
_OPENS_LIST = compile_lazily(rf"^\s*{LIST_OPENS}\s*[：:，,]")
_LIST_HEAD = compile_lazily(rf"\s*[，,]?\s*(?:{LIST_OPENS}\s*[：:，,]?|[：:])")


def sentence_scope(before: str) -> str | None:
    """The money the words of a sentence before a figure name for it: those of its own item
    (since the amount before it), else those of the total whose list it is an item of (an
    amount followed by 其中 or a colon), outward; the item of a sibling names its own money only
    ("其中：一般公共预算拨款12,672.73万元，政府性基金预算拨款579.89万元，事业收入资金388万元": the
    388 is of no fund). In a sentence of no list, the last source its words name."""
    amounts = list(_AMOUNT.finditer(before))
    own = _last_scope(before[amounts[-1].end():] if amounts else before)
    if own or not amounts:
        return own
    for index in range(len(amounts) - 1, -1, -1):
        if _LIST_HEAD.match(before, amounts[index].end()):
            return sentence_scope(before[:amounts[index].start()])
    if _OPENS_ITEMS.search(before, 0, amounts[0].start()):
        return None  # items of a list whose total another sentence states: siblings name their own
    return _last_scope(before)


def _last_scope(text: str) -> str | None:
    named = list(SCOPE_WORDS.finditer(text))
    return named[-1].lastgroup if named else None


# A heading paragraph: one short line with no full stop or amount; Markdown marks it with #.
_MARKDOWN_HEADING = compile_lazily(r"^#{1,6}")
MAX_HEADING = 40
_NO_HEADING = compile_lazily(r"[。；;]|\d\s*万?元")


def heading_paragraph_level(text: str) -> int | None:
    """The level of a paragraph that is a heading (numbering_level; in Markdown after its #
    marks), or None for one that is no heading."""
    text = _MARKDOWN_HEADING.sub("", _SPACE.sub("", text))
    if len(text) > MAX_HEADING or _NO_HEADING.search(text):
        return None
    return numbering_level(text)


def section_scopes(paragraphs: Iterable[Paragraph]) -> dict[int, str]:
    """The money each paragraph's section is about, by id: the source the innermost heading
    above it names ("（二）一般公共预算拨款结构情况" / "基本支出1004.47万元…" is 一般公共预算 money),
    a heading of another section of its level or above ending it."""
    headings: list[tuple[int, str | None]] = []
    sections: dict[int, str] = {}
    for paragraph in paragraphs:
        level = heading_paragraph_level(paragraph.text)
        if level is not None:
            named = list(SCOPE_WORDS.finditer(_SPACE.sub("", paragraph.text)))
            headings = [h for h in headings if h[0] < level] + [(level, named[-1].lastgroup if named else None)]
            continue
        scope = next((scope for _, scope in reversed(headings) if scope), None)
        if scope is not None:
            sections[id(paragraph)] = scope
    return sections


@dataclass(frozen=True)
class Context:
    """The year and the scope of one figure of the narrative."""

    year: int | None
    scope: str


def context_of(paragraph: Paragraph, location: Location, document_year: int | None,
               section: str | None = None) -> Context:
    """The year and scope of the figure printed at `location` in `paragraph`, from the words of
    its sentence before it (and, for the scope, of its paragraph before that sentence, of the
    sentence a list opened by 其中 lists, or of its `section`'s heading)."""
    offset = paragraph.body.offset_of(location)
    if offset is None:
        return Context(document_year, UNKNOWN)
    start = next((s.start for s in paragraph.sentences if s.start <= offset < s.end), 0)
    before = paragraph.text[start:offset]
    previous = [s.start for s in paragraph.sentences if s.end <= start]
    if previous and _OPENS_LIST.match(before) and not sentence_scope(_SPACE.sub("", before)):
        # "…一般公共预算财政拨款支出12,672.73万元。其中：基本支出5,445.39万元": a list of the
        # sentence before lists that sentence's money
        scope = scope_of(paragraph.text[previous[-1]:start], paragraph.text[:previous[-1]], section)
    else:
        scope = scope_of(before, paragraph.text[:start], section)
    return Context(year_of(before, document_year), scope)


def scoped(subject: str, scope: str) -> str:
    """A name of a total with the money it is of, as a reader would say it: 基本支出 of
    一般公共预算 money is 一般公共预算基本支出."""
    name = SCOPE_NAMES[scope]
    return name + subject if scope not in (ALL, UNKNOWN) and not subject.startswith(name) else subject


_OPENING_YEAR = compile_lazily(r"^\d{4}年(?:度)?")


def numbering_level(text: str) -> int | None:
    """The level of the heading a sentence opens with (0 for 第三部分, 1 for 一、, 2 for （一）,
    3 for 1., 4 for （1）), or None when it opens with no numbering."""
    return next((level for level, pattern in enumerate(HEADING_LEVELS) if pattern.match(text)), None)


def unit_sections(sentences: Iterable[tuple[Paragraph, Sentence, object]],
                  named: Callable[[str], str | None]) -> dict[tuple[int, int], str]:
    """The budget unit each sentence of the narrative speaks of, where it speaks of one: by
    (id of its paragraph, start of the sentence). A unit's section opens at a heading or a
    sentence that opens with the unit's name (`named` says which unit a text opens with:
    "二、深圳市劳动人事争议仲裁院", "深圳市劳动人事争议仲裁院预算4,720.86万元"), and runs until
    another unit's opens or a heading of its own level or an outer one (第四部分, the next 三、)
    that names none. A section opened by a sentence has the level of the heading it is under."""
    sections: dict[tuple[int, int], str] = {}
    unit: str | None = None
    level = 0
    enclosing = 0
    for paragraph, sentence, _ in sentences:
        text = _MARKDOWN_HEADING.sub("", _SPACE.sub("", paragraph.text[sentence.start:sentence.end]))
        heading = numbering_level(text)
        body = _OPENING_YEAR.sub("", HEADING_LEVELS[heading].sub("", text, count=1) if heading is not None else text)
        opened = named(body)
        if opened is not None:
            unit, level = opened, heading if heading is not None else enclosing
        elif heading is not None and heading <= level:
            unit = None
        if heading is not None:
            enclosing = heading
        if unit is not None:
            sections[(id(paragraph), sentence.start)] = unit
    return sections
