"""The narrative's account of a self-evaluation's indicators, against the values the forms report.

A department's 绩效自评报告 explains each indicator of its self-evaluation in a sentence of its
own ("则公用经费控制率为 69%", "测算依据不够充分，预算编制不够合理"), and its 整体绩效自评表
reports the same indicator's actual value (公用经费控制率 | ≦100% | 69%; 预算编制合理性 | 合理 |
合理). The two are one statement of one result and must agree: a rate the sentence states for
the indicator by its name, and a quality the indicator's name asserts (…合理性, …健全性: the
sentence saying 不够合理 where the form reports 合理).

Only indicators of self-evaluations (an actual value reported), named once across the forms,
and sentences outside the forms are read.
"""
from __future__ import annotations

from typing import Iterator, Sequence

import regex

from auditlint.domain import forms as words
from auditlint.domain.wording import NUMBER
from auditlint.model import Form, Indicator, NarratedIndicator, Paragraph
from auditlint.parse.indicators import indicator_name, target
from auditlint.parse.numbers import parse_amount
from auditlint.parse.wording import Cleaned, CleanText


def narrated_indicators(forms: Sequence[Form], sentences: Cleaned) -> Iterator[NarratedIndicator]:
    """Each sentence of the narrative that states a self-evaluated indicator's result, with the
    indicator and whether the two agree."""
    reported = _reported(forms)
    if not reported:
        return
    for paragraph, sentence, clean in sentences:
        if any(sentence.location.within(form.location) for form in forms):
            continue
        compact = regex.sub(r"\s", "", clean.text)
        for name, (form, indicator) in reported.items():
            if name in compact:
                yield from _rate(form, indicator, name, paragraph, clean)
            yield from _quality(form, indicator, name, paragraph, clean)


def _reported(forms: Sequence[Form]) -> dict[str, tuple[Form, Indicator]]:
    """The self-evaluated indicators by name: those with an actual value, named once."""
    found: dict[str, list[tuple[Form, Indicator]]] = {}
    for form in forms:
        for indicator in form.indicators:
            if indicator.actual and len(indicator_name(indicator.name)) >= MIN_NAME:
                found.setdefault(indicator_name(indicator.name), []).append((form, indicator))
    return {name: pairs[0] for name, pairs in found.items() if len(pairs) == 1}


# An indicator's name shorter than this (满意度) is a word of many sentences.
MIN_NAME = 4


def _rate(form: Form, indicator: Indicator, name: str, paragraph: Paragraph, clean: CleanText) -> Iterator[NarratedIndicator]:
    """A rate the sentence states for the indicator by its name ("公用经费控制率为 69%") against
    the actual percentage the form reports."""
    actual = target(indicator.actual or "")
    if actual is None or actual.unit not in ("%", "％") or actual.before:
        return
    pattern = regex.compile(r"\s*".join(map(regex.escape, name)) + rf"\s*(?:为|达到|达|是|[：:])?\s*(?P<n>{NUMBER})\s*[%％]")
    for match in pattern.finditer(clean.text):
        value = parse_amount(match.group("n"))
        if value is None:
            continue
        location = clean.locate(paragraph, match.start("n"), match.end("n"))
        yield NarratedIndicator(form, indicator, f"{match.group('n')}%", location, value == actual.value)


def _quality(form: Form, indicator: Indicator, name: str, paragraph: Paragraph, clean: CleanText) -> Iterator[NarratedIndicator]:
    """A quality the indicator's name asserts (预算编制合理性: 合理), reported as its actual value,
    that the sentence denies of the same subject ("预算编制不够合理")."""
    actual = regex.sub(r"\s", "", indicator.actual or "")
    quality = words.QUALITY_NAME.match(name)
    if quality is None or quality.group("quality") != actual:
        return
    subject = quality.group("subject")
    pattern = regex.compile("(?P<said>" + r"\s*".join(map(regex.escape, subject)) + rf"\s*(?:{words.DENIAL})\s*{regex.escape(actual)})")
    for match in pattern.finditer(clean.text):
        location = clean.locate(paragraph, match.start("said"), match.end("said"))
        yield NarratedIndicator(form, indicator, match.group("said"), location, False)

