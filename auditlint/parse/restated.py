"""An actual the narrative states twice for one of the document's totals, differently.

A final account's narrative states what was spent of each total (公用经费 7.76 万元) in its
account of the spending, and again where it rates the spending against its budget ("部门公用经费
预算 11.08 万元，实际支出 7.7 万元，则公用经费控制率为 69%"). Where no table prints the total (the
tables published apart, or read as none), the two statements are all a reader has, and they
must agree.

Only a completion rate of the document's year whose budget names one of the document's totals
is read, against the narrative's statements of that total that no table prints, all one figure;
a total named with its money (一般公共预算公用经费) is the same one only when all the money is
that money (`single_scope`).
"""
from __future__ import annotations

from typing import Iterator, Sequence

import regex

from auditlint.patterns import compile_lazily
from auditlint.model import Amount, Claim, Completion, Link
from auditlint.parse.figures import is_concept, narrative_total, normalise

# What a completion's budget is called after the total it is of: 公用经费预算, 公用经费年初预算数.
_BUDGET_WORDS = compile_lazily(r"(?:年初|全年|调整后)?预算(?:数)?(?:为|是)?$")
_CLAUSE_MARK = compile_lazily(r"[，,。；;：:]")


def restated_actuals(claims: Sequence[Claim], links: Sequence[Link], year: int | None,
                     single_scope: bool) -> Iterator[tuple[Completion, str, list[Amount]]]:
    """Each completion rate of the year whose actual differs from what the narrative states
    elsewhere as the actual of the same total, with the total's name and those statements."""
    for claim in claims:
        if not isinstance(claim, Completion) or claim.year != year or claim.left is not None:
            continue
        subject = _subject(claim)
        if subject is None:
            continue
        stated = [a for a in narrative_total(links, subject, single_scope) if a.location != claim.actual.location]
        if stated and stated[0].value != claim.actual.value:
            yield claim, subject, stated


def _subject(claim: Completion) -> str | None:
    """The total a completion's budget is of, from the words of its clause before the budget
    ("2023 年部门公用经费预算 11.08" is 公用经费's), when they name one."""
    text = claim.sentence.text
    at = text.find(claim.budget.text)
    if at < 0:
        return None
    clause = text[max((m.end() for m in _CLAUSE_MARK.finditer(text, 0, at)), default=0):at]
    words = _BUDGET_WORDS.sub("", normalise(regex.sub(r"\s", "", clause)))
    return words if words and is_concept(words) else None

