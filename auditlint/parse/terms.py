"""Terms a numbered list defines twice.

A glossary (名词解释) or a list of the function codes spent on ("5、卫生健康支出(类)行政事业单位
医疗(款)事业单位医疗(项)：指…") defines each term once, an item each. An item pasted in again at
the end of the list ("10.卫生健康支出(类)…事业单位医疗(项)：反映…") defines the term a second time,
often differently: a reader cannot tell which definition holds.

A list is the numbered items (1、 1. 1．) the narrative's sentences open with, in order: an item
numbered 1 starts a new list. An item's term is what it states before its colon.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

import regex

from auditlint.patterns import compile_lazily
from auditlint.model import Location
from auditlint.parse.wording import Cleaned

# A sentence that is an item of a numbered list defining a term: its number, its term (words
# and the brackets of a code's level, 事业单位医疗(项)), its colon.
_ITEM = compile_lazily(r"^\s*(?P<number>\d{1,2})\s*[、.．]\s*(?P<term>[\p{Han}（）()“”]{6,60})\s*[：:]")


@dataclass(frozen=True, slots=True)
class RepeatedTerm:
    """A term a numbered list defines again: the term, and each item's number and location."""

    term: str
    first: tuple[int, Location]
    again: tuple[int, Location]


def repeated_terms(sentences: Cleaned) -> Iterator[RepeatedTerm]:
    """Every term an item of a numbered list defines that an earlier item of the same list defined."""
    defined: dict[str, tuple[int, Location]] = {}
    last = 0
    for paragraph, sentence, clean in sentences:
        item = _ITEM.match(clean.text)
        if item is None:
            continue
        number = int(item.group("number"))
        if number == 1 or number <= last:
            defined = {}  # a new list
        last = number
        term = regex.sub(r"[（(]", "(", regex.sub(r"[）)]", ")", item.group("term")))
        location = clean.locate(paragraph, item.start("term"), item.end("term"))
        if term in defined:
            yield RepeatedTerm(term, defined[term], (number, location))
        else:
            defined[term] = (number, location)
