"""The narrative's sentences as the claims and rules read them (the words and number shapes
they are read with are data: auditlint.domain.wording).

Text decorations of extracted documents (underscores, <u> tags, spaces inside OCR'd numbers) are
read through, and every location still points at the original characters.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import regex

from auditlint.patterns import compile_lazily
from auditlint.domain.wording import YUAN
from auditlint.model import Amount, Location, Paragraph, Sentence

_DECORATION = compile_lazily(r"</?u>|_+")
# OCR's spaces inside a number ("4, 461. 66") and between two characters of a word ("基本 支出").
_SPLIT_BY_OCR = compile_lazily(r"(?<=\d[,.])\s+(?=\d)|(?<=\p{Han})\s+(?=\p{Han})")
_BLANK = compile_lazily(r"\s")


@dataclass(frozen=True)
class CleanText:
    """A sentence's text without decorations, mapping each character back to the paragraph."""

    text: str
    origin: tuple[int, ...]

    @classmethod
    def of(cls, paragraph: Paragraph, sentence: Sentence) -> "CleanText":
        raw = paragraph.text[sentence.start:sentence.end]
        # OCR splits numbers at their separators ("4, 461. 66" reads as 4,461.66) and words at
        # random ("基本 支出" reads as 基本支出).
        # each pattern asked only of a sentence with what it cannot match without: "_" or "<",
        # a blank
        dropped = [match.span() for pattern, needs in ((_DECORATION, "_" in raw or "<" in raw),
                                                       (_SPLIT_BY_OCR, _BLANK.search(raw) is not None))
                   if needs for match in pattern.finditer(raw)]
        if not dropped:  # most sentences: kept whole, character for character
            return cls(raw, tuple(range(sentence.start, sentence.end)))
        keep = [True] * len(raw)
        for start, end in dropped:
            for i in range(start, end):
                keep[i] = False
        kept = [i for i, k in enumerate(keep) if k]
        return cls("".join(raw[i] for i in kept), tuple(sentence.start + i for i in kept))

    def locate(self, paragraph: Paragraph, start: int, end: int) -> Location:
        """Where `text[start:end]` (end > start) was printed."""
        return paragraph.body.locate(self.origin[start], self.origin[end - 1] + 1)

    def in_wan_yuan(self) -> tuple["CleanText", list[int]] | None:
        """The sentence read as if each amount in bare 元 were in 万元 ("预算数为5元" as "5万元"),
        and where each such number starts in the paragraph; None when it states none."""
        found = list(YUAN.finditer(self.text)) if "元" in self.text else []  # what YUAN ends on
        if not found:
            return None
        text, origin, start = [], [], 0
        for match in found:
            unit = match.end() - 1  # the 元: 万 goes before it, located where 元 is
            text.append(self.text[start:unit] + "万")
            origin.extend(self.origin[start:unit] + (self.origin[unit],))
            start = unit
        text.append(self.text[start:])
        origin.extend(self.origin[start:])
        return CleanText("".join(text), tuple(origin)), [self.origin[m.start("amount")] for m in found]

    def amount(self, paragraph: Paragraph, match: regex.Match, group: str) -> Amount:
        text = match.group(group)
        location = self.locate(paragraph, match.start(group), match.end(group))
        return Amount(Decimal(text.replace(",", "")), text, location)


# Every sentence of a narrative, with its paragraph (to locate matches) and its clean text.
Cleaned = list[tuple[Paragraph, Sentence, "CleanText"]]


def sentences(paragraphs: tuple[Paragraph, ...]) -> Cleaned:
    """Every sentence of the narrative with its paragraph and its clean text. The parser cleans
    a document's sentences once and hands them to what reads them (claims, splits, the facts)."""
    return [(p, s, CleanText.of(p, s)) for p in paragraphs for s in p.sentences]



class Shifted:
    """A match inside a slice of the text, answering positions in the whole text."""

    def __init__(self, match: regex.Match, offset: int) -> None:
        self._match, self._offset = match, offset

    def start(self, group: str) -> int:
        return self._match.start(group) + self._offset

    def end(self, group: str) -> int:
        return self._match.end(group) + self._offset

    def group(self, group: str) -> str:
        return self._match.group(group)
