"""Ratios of counts that twin clauses state alike, one of which its own figures do not give.

A performance narrative reports counts with a ratio of some of them, clause after clause in the
same words: "区本级业务办理项材料总数 6102 个，其中“硬减” 262 个，“免提交” 1526 个，减材料比例
29.3%；全区…材料总数 21587 个，其中“硬减” 362 个，“免提交” 7151 个，减材料比例 26.9%". Which
counts the ratio is of the words do not say; but when one clause's ratio is its listed counts
over its total ((262 + 1526) / 6102 = 29.3%), the document has said how it computes the ratio,
and a twin clause of the same words is held to that formula ((362 + 7151) / 21587 = 34.8%, not
26.9%). A clause alone is never read: its formula would be a guess.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Iterator

import regex

from auditlint.patterns import compile_lazily
from auditlint.agreement import Ratio, Verdict, ratio, ratio_verdict
from auditlint.domain.wording import NUMBER
from auditlint.model import Amount, Paragraph, TwinRatio
from auditlint.parse.numbers import parse_amount
from auditlint.parse.wording import Cleaned, CleanText

# A clause: a total count, 其中 and counts of the same measure, then a ratio (比例, 占比, 率).
_CLAUSE = compile_lazily(
    rf"(?P<total>{NUMBER})\s*(?P<measure>个|件|项|户|人次|人|次|家|份|套)\s*[，,]\s*其中\s*[：:]?"
    rf"(?P<parts>(?:[^，,；;。%％]{{1,16}}?{NUMBER}\s*(?P=measure)\s*[，,、]\s*){{1,6}})"
    rf"(?P<words>[^，,；;。\d]{{1,12}}?(?:比例|占比|比率|率))\s*(?:为|达到?|是)?\s*(?P<percent>{NUMBER})\s*[%％]")
_PART = compile_lazily(rf"(?P<count>{NUMBER})\s*(?:个|件|项|户|人次|人|次|家|份|套)")
# Two clauses state their ratio alike when their words before it are the same (减材料比例).
_NOISE = compile_lazily(r"[\s“”\"']")


def twin_ratios(sentences: Cleaned) -> Iterator[TwinRatio]:
    """Each clause whose ratio its listed counts over its total do not give, in a paragraph
    where a twin clause of the same words does."""
    by_paragraph: dict[int, list[tuple[str, Amount, tuple[Amount, ...], Amount, Ratio]]] = {}
    for paragraph, sentence, clean in sentences:
        if "其中" not in clean.text:
            continue  # every clause lists its counts after 其中
        for match in _CLAUSE.finditer(clean.text):
            counts = tuple(_amount(clean, paragraph, m, match.start("parts"))
                           for m in _PART.finditer(match.group("parts")))
            total = clean.amount(paragraph, match, "total")
            found = ratio(sum((c.value for c in counts), Decimal(0)), total.value)
            if found is None:
                continue
            words = _NOISE.sub("", match.group("words"))
            by_paragraph.setdefault(id(paragraph), []).append(
                (words, clean.amount(paragraph, match, "percent"), counts, total, found))
    for clauses in by_paragraph.values():
        for words, percent, counts, total, found in clauses:
            twins = [p for w, p, _, _, f in clauses if w == words and p is not percent and _gives(p, f)]
            if twins and not _gives(percent, found):
                yield TwinRatio(percent, found, counts, total, twins[0], words)


def _gives(percent: Amount, found: Ratio) -> bool:
    """Does the ratio give the percentage, to its printed decimals or within their rounding?"""
    return ratio_verdict(percent, found) <= Verdict.ROUNDING


def _amount(clean: CleanText, paragraph: Paragraph, match: regex.Match, offset: int) -> Amount:
    """A listed count, located in its sentence."""
    text = match.group("count")
    value = parse_amount(text)
    assert value is not None, text  # the pattern only matches numbers
    return Amount(value, text, clean.locate(paragraph, offset + match.start("count"), offset + match.end("count")))
