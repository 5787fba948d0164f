"""Claims of the narrative: what a sentence says about amounts, in a form a check can recompute.

A change ("比2023年预算减少1000.07万元，下降28.39%"), a completion rate ("预算数为5万元，执行数为
4.76万元，完成预算94%"), a share ("其中：基本支出1004.47万元，占28.51%") and a split ("X万元，
其中：当年预算A万元…；上年结转B万元"). Each keeps the amounts it was read from, with their
locations. Text decorations of extracted documents (underscores, <u> tags, spaces inside OCR'd
numbers) are read through, and every location still points at the original characters.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import regex

from auditlint.model import Amount, Change, Claim, Completion, Location, Paragraph, Part, Sentence, Split

_DECORATION = regex.compile(r"</?u>|_+")
# OCR's spaces inside a number ("4, 461. 66") and between two characters of a word ("基本 支出").
_SPLIT_BY_OCR = regex.compile(r"(?<=\d[,.])\s+(?=\d)|(?<=\p{Han})\s+(?=\p{Han})")
NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_UP = "增加|增长|上升|提高"
_DOWN = "减少|下降|降低|减"

_CHANGE = regex.compile(
    rf"(?P<current>{NUMBER})\s*万元[^。；;]{{0,40}}?(?:比|较|与)[^。；;，,]{{0,24}}?"
    rf"(?P<direction>{_UP}|{_DOWN})了?\s*(?P<delta>{NUMBER})\s*万元\s*[，,]?\s*(?:{_UP}|{_DOWN})了?\s*"
    rf"(?P<percent>{NUMBER})\s*[%％]")
_COMPLETION = regex.compile(
    rf"预算(?:数|金额)?(?:为|是)?\s*(?P<budget>{NUMBER})\s*万元[^。；;]{{0,20}}?(?:执行数|支出数|实际支出|决算数)(?:为|是)?\s*"
    rf"(?P<actual>{NUMBER})\s*万元[^。；;]{{0,12}}?完成(?:年初)?预算(?:的)?\s*(?P<percent>{NUMBER})\s*[%％]")
# A figure of the narrative: the words right before it are its subject ("卫生健康支出 74.72 万元").
FIGURE = regex.compile(rf"(?P<subject>[\p{{Han}}（）()]{{2,30}}?)\s*(?:为|是|达|共|计)?\s*(?P<amount>{NUMBER})\s*万元")
_SPLIT = regex.compile(rf"(?P<total>{NUMBER})\s*万元\s*[，,]?\s*其中\s*[：:]")
_PART = regex.compile(rf"(?P<label>[\p{{Han}}（）()]{{2,24}}?)\s*(?P<amount>{NUMBER})\s*万元(?:\s*[，,]\s*占\s*(?P<share>{NUMBER})\s*[%％])?")

# Parts that together make the whole of their total (DOMAIN.md "Splits"): label words of each part.
COMPLETE_SPLITS: tuple[tuple[str, ...], ...] = (
    ("当年|本年", "上年结转|上年结余"),
    ("基本支出", "项目支出"),
    ("人员经费", "公用经费"),
    ("货物", "工程", "服务"),
)


@dataclass(frozen=True)
class CleanText:
    """A sentence's text without decorations, mapping each character back to the paragraph."""

    text: str
    origin: tuple[int, ...]

    @classmethod
    def of(cls, paragraph: Paragraph, sentence: Sentence) -> "CleanText":
        raw = paragraph.text[sentence.start:sentence.end]
        keep = [True] * len(raw)
        for match in _DECORATION.finditer(raw):
            for i in range(match.start(), match.end()):
                keep[i] = False
        # OCR splits numbers at their separators ("4, 461. 66" reads as 4,461.66) and words at
        # random ("基本 支出" reads as 基本支出).
        for match in _SPLIT_BY_OCR.finditer(raw):
            for i in range(match.start(), match.end()):
                keep[i] = False
        kept = [i for i, k in enumerate(keep) if k]
        return cls("".join(raw[i] for i in kept), tuple(sentence.start + i for i in kept))

    def locate(self, paragraph: Paragraph, start: int, end: int) -> Location:
        """Where `text[start:end]` (end > start) was printed."""
        return paragraph.body.locate(self.origin[start], self.origin[end - 1] + 1)

    def amount(self, paragraph: Paragraph, match: regex.Match, group: str) -> Amount:
        text = match.group(group)
        location = self.locate(paragraph, match.start(group), match.end(group))
        return Amount(Decimal(text.replace(",", "")), text, location)


# The last narrative cleaned: its paragraphs (kept, so that their identities stay theirs) and
# its sentences. The parser and half the rules walk the same sentences of one document.
_cleaned: tuple[tuple[Paragraph, ...], list[tuple[Paragraph, Sentence, CleanText]]] = ((), [])


def sentences(paragraphs: tuple[Paragraph, ...]) -> list[tuple[Paragraph, Sentence, CleanText]]:
    """Every sentence of the narrative with its paragraph (to locate matches) and its clean
    text, cleaned once per document however many rules ask."""
    global _cleaned
    kept, cleaned = _cleaned
    if len(kept) != len(paragraphs) or any(a is not b for a, b in zip(kept, paragraphs)):
        cleaned = [(p, s, CleanText.of(p, s)) for p in paragraphs for s in p.sentences]
        _cleaned = (tuple(paragraphs), cleaned)
    return cleaned


def extract(paragraphs: tuple[Paragraph, ...]) -> tuple[Claim, ...]:
    """Every claim of every sentence, in document order."""
    claims: list[Claim] = []
    for paragraph, sentence, clean in sentences(paragraphs):
        for match in _CHANGE.finditer(clean.text):
            claims.append(Change(clean.amount(paragraph, match, "current"), clean.amount(paragraph, match, "delta"),
                                 regex.match(_UP, match.group("direction")) is not None,
                                 clean.amount(paragraph, match, "percent"), sentence))
        for match in _COMPLETION.finditer(clean.text):
            claims.append(Completion(clean.amount(paragraph, match, "budget"), clean.amount(paragraph, match, "actual"),
                                     clean.amount(paragraph, match, "percent"), sentence))
        claims.extend(_splits(paragraph, sentence, clean))
    claims.extend(_listed_splits(paragraphs))
    return tuple(claims)


# A sentence that ends by announcing a list: "基本支出1004.47万元，按经济分类包括：".
_LIST_TOTAL = regex.compile(rf"(?P<total>{NUMBER})\s*万元[^。；;：:]{{0,30}}?(?:包括|其中|分别为|具体如下)\s*[：:]\s*$")
# An item of a numbered list, opening its paragraph: "（二）对个人和家庭的补助 51.63 万元".
_LIST_ITEM = regex.compile(rf"^\s*(?P<number>[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、|\d{{1,2}}[.、．])\s*"
                           rf"(?P<label>[\p{{Han}}（）()]{{2,24}}?)\s*(?P<amount>{NUMBER})\s*万元")
_NUMERALS = "一二三四五六七八九十"
_CHANGE_WORDS = regex.compile(rf"(?:比|较).{{0,20}}(?:{_UP}|{_DOWN})")


def _listed_splits(paragraphs: tuple[Paragraph, ...]) -> list[Split]:
    """A total whose sentence ends with 包括： and the numbered paragraphs after it that each open
    with a part: （一）工资福利支出854.43万元 … （二）… The list ends at the first paragraph that is
    not its next item, so the parts read are never more than the list has."""
    clean_of = {id(sentence): clean for _, sentence, clean in sentences(paragraphs)}  # cleaned once already
    splits = []
    for index, paragraph in enumerate(paragraphs):
        if not paragraph.sentences:
            continue
        sentence = paragraph.sentences[-1]
        clean = clean_of[id(sentence)]
        total = _LIST_TOTAL.search(clean.text)
        if total is None:
            continue
        parts, expected = [], 1
        for item_paragraph in paragraphs[index + 1:]:
            item_clean = clean_of[id(item_paragraph.sentences[0])] if item_paragraph.sentences else None
            item = _LIST_ITEM.match(item_clean.text) if item_clean else None
            if item is None or _ordinal(item.group("number")) != expected or _CHANGE_WORDS.search(item.group("label")):
                break  # not the next item, or an item that states a change (比上年增加…), no part
            parts.append(Part(item.group("label"), item_clean.amount(item_paragraph, item, "amount"), None))
            expected += 1
        if len(parts) >= 2:
            splits.append(Split(clean.amount(paragraph, total, "total"), tuple(parts), _complete(parts), sentence))
    return splits


def _ordinal(number: str) -> int:
    """The ordinal an enumerator gives (（三） → 3, 2. → 2), for 一 to 十 and 1 to 99."""
    digits = regex.sub(r"\D", "", number)
    if digits:
        return int(digits)
    numeral = regex.sub(r"[^一二三四五六七八九十]", "", number)
    return _NUMERALS.index(numeral) + 1 if len(numeral) == 1 else 0


def _splits(paragraph: Paragraph, sentence: Sentence, clean: CleanText) -> list[Split]:
    splits = []
    for match in _SPLIT.finditer(clean.text):
        rest = clean.text[match.end():]
        if "其中" in rest:
            continue  # a nested 其中: which total each part belongs to is not said
        parts = []
        for segment_start, segment in _segments(rest):
            part = _PART.search(segment)
            if part is None or regex.search(rf"(?:比|较).{{0,20}}(?:{_UP}|{_DOWN})\s*$", segment[:part.start("amount")]):
                continue
            offset = match.end() + segment_start
            shifted = _Shifted(part, offset)
            share = clean.amount(paragraph, shifted, "share") if part.group("share") else None
            parts.append(Part(part.group("label"), clean.amount(paragraph, shifted, "amount"), share))
        if parts:
            splits.append(Split(clean.amount(paragraph, match, "total"), tuple(parts), _complete(parts), sentence))
    return splits


def _segments(text: str) -> list[tuple[int, str]]:
    """The clauses of a list: cut at ；; and 、 (a comma may belong to a part's share)."""
    result, start = [], 0
    for separator in regex.finditer(r"[；;、]", text):
        result.append((start, text[start:separator.start()]))
        start = separator.end()
    result.append((start, text[start:]))
    return result


def _complete(parts: list[Part]) -> bool:
    for pattern in COMPLETE_SPLITS:
        if len(parts) == len(pattern) and all(regex.search(p, part.label) for p, part in zip(pattern, parts)):
            return True
    return False


class _Shifted:
    """A match inside a slice of the text, answering positions in the whole text."""

    def __init__(self, match: regex.Match, offset: int) -> None:
        self._match, self._offset = match, offset

    def start(self, group: str) -> int:
        return self._match.start(group) + self._offset

    def end(self, group: str) -> int:
        return self._match.end(group) + self._offset

    def group(self, group: str) -> str:
        return self._match.group(group)
