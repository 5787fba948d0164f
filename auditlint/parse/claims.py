"""Claims of the narrative: what a sentence says about amounts, in a form a check can recompute.

A change ("比2023年预算减少1000.07万元，下降28.39%"), a completion rate ("预算数为5万元，执行数为
4.76万元，完成预算94%"), a share ("其中：基本支出1004.47万元，占28.51%") and a split ("X万元，
其中：当年预算A万元…；上年结转B万元"). Each keeps the amounts it was read from, with their
locations. How splits are read is splits.py; the cleaned sentences are wording.py.
"""
from __future__ import annotations

from dataclasses import replace

import regex

from auditlint.model import Amount, Change, Claim, Completion, Paragraph, Sentence, Share
from auditlint.parse.context import context_of
from auditlint.parse.splits import OPENS_LIST, inline_splits, listed_splits, sentence_total, split_of
from auditlint.domain.wording import CLAUSE, DOWN, NUMBER, UP
from auditlint.parse.wording import CleanText, Cleaned, Shifted

_PERCENT_AFTER = rf"\s*[，,]?\s*(?:{UP}|{DOWN})了?\s*(?P<percent>{NUMBER})\s*[%％]"
# "X万元，比2023年预算减少D万元，下降P%", the comparison naming the prior year's amount or not
# ("比2025年年初预算数14708.87万元增加185.92万元").
_CHANGE = regex.compile(
    rf"(?P<current>{NUMBER})\s*万元[^。；;\d]{{0,40}}?(?:比|较|与)(?P<reference>{CLAUSE}{{0,40}}?)"
    rf"(?P<direction>{UP}|{DOWN})了?\s*(?P<delta>{NUMBER})\s*万元(?:{_PERCENT_AFTER})?")
# The final accounts' template: "收、支总计均为573.15万元。与2022年度相比，收、支总计各增加
# 366.26万元，增长了177.04%", the amount compared in the sentence before, or in the same one
# before a share ("支出573.15万元，占本年支出合计的100%。与2022年度相比，…").
_CHANGE_ACROSS = regex.compile(
    rf"(?P<current>{NUMBER})\s*万元(?:\s*[，,]\s*占[^。；;，,]{{0,16}}?[%％])?\s*[。，,]\s*"
    rf"与(?P<reference>{CLAUSE}{{0,24}}?)相比\s*[，,]{CLAUSE}{{0,24}}?"
    rf"(?P<direction>{UP}|{DOWN})了?\s*(?P<delta>{NUMBER})\s*万元{_PERCENT_AFTER}")
# The prior year's amount, when the comparison names it: "比2025年年初预算数14708.87万元".
_PRIOR = regex.compile(rf"(?P<prior>{NUMBER})\s*万元\s*$")
# A base a comparison names without its amount, and the subjects that state that amount earlier in
# the sentence ("单位预算安排1192.54万元，财政下达预算指标795.28万元，较年初预算数调减了402.26万元").
# Only a budget stage: "上年" could name 上年结转 as well as last year's total.
_NAMED_BASES = ((regex.compile(r"年初预算"), regex.compile(r"年初预算|预算安排")),)
# A subject ending in 增加/减少: the figure is a change, never the base (年初预算减少127.45万元).
_CHANGE_WORD = regex.compile(rf"(?:{UP}|{DOWN})了?$")
_COMPARED_BEFORE = regex.compile(r"^与[^。；;，,]{0,24}?相比")
# A completion rate: the budget, what was spent and the rate, in either order ("预算数为5万元，执行数
# 为4.76万元，完成预算94%", "调整后预算456.1万元，实际发生277.22万元，执行率为61%", "实际预算执行数
# 为2,897.43万元，预算数为2,897.43万元，预算执行率为100.00%", "公用经费…控制率为69%").
_BUDGET_STATED = rf"(?:调整后)?预算(?:数|金额)?(?:为|是)?\s*(?P<budget>{NUMBER})\s*万元"
_SPENT_STATED = rf"(?:执行数|支出数|实际支出|实际发生|支出决算数?|决算数?)(?:为|是)?\s*(?P<actual>{NUMBER})\s*万元"
_RATE_STATED = (rf"[^。；;%％]{{0,16}}?(?:完成(?:年初)?预算(?:的)?|执行率|控制率)(?:为|是|达到?)?\s*"
                rf"(?P<percent>{NUMBER})\s*[%％]")
_COMPLETIONS = (regex.compile(rf"{_BUDGET_STATED}[^。；;]{{0,20}}?{_SPENT_STATED}{_RATE_STATED}"),
                regex.compile(rf"{_SPENT_STATED}[^。；;]{{0,20}}?{_BUDGET_STATED}{_RATE_STATED}"))
# What was left of a budget and the execution it makes ("截至11月底线上余额14.1万元，预算执行进度达
# 96.62%"), the budget stated before it in the sentence or in the one before ("2023年预算数为115万元。").
_LEFT = regex.compile(rf"余额\s*(?P<left>{NUMBER})\s*万元[^。；;%％]{{0,12}}?执行(?:进度|率)(?:达到?|为)?\s*(?P<percent>{NUMBER})\s*[%％]")
_BUDGET = regex.compile(_BUDGET_STATED)
# An amount's share of a total named without its amount: "资金315.80万元，占一般公共预算项目支出总额的
# 55.1%". A total of another year (占上年…, 占2022年…) is no figure of the tables.
_SHARE_OF_NAMED = regex.compile(rf"(?P<amount>{NUMBER})\s*万元\s*[，,]?\s*占(?P<base>[\p{{Han}}]{{2,20}}?)的?\s*"
                                rf"(?P<percent>{NUMBER})\s*[%％]")
# A figure of the narrative: the words right before it are its subject ("卫生健康支出 74.72 万元").
FIGURE = regex.compile(rf"(?P<subject>[\p{{Han}}（）()“”‘’\"']{{2,30}}?)\s*(?:为|是|达|共|计)?\s*(?P<amount>{NUMBER})\s*万元")


def extract(paragraphs: tuple[Paragraph, ...], cleaned: Cleaned, document_year: int | None = None) -> tuple[Claim, ...]:
    """Every claim of every sentence, in document order, each with the year and the scope of
    its main amount (a change's current amount, a completion's budget, a split's total, a
    share's amount)."""
    claims: list[Claim] = []
    before: tuple[Paragraph, CleanText] | None = None  # the sentence before, when in the same paragraph
    stated: tuple[Amount, str] | None = None  # the one amount (and its name) of the last sentence that was no list
    for paragraph, sentence, clean in cleaned:
        if before is None or before[0] is not paragraph:
            before, stated = None, None
        claims.extend(sentence_claims(paragraph, sentence, clean, before[1] if before else None))
        before = (paragraph, clean)
        opening = OPENS_LIST.match(clean.text)
        if opening is None:
            stated = sentence_total(paragraph, clean)
        elif stated is not None:
            claims.extend(split_of(*stated, paragraph, sentence, clean, opening.end()))
    claims.extend(listed_splits(paragraphs, cleaned))
    paragraph_of = {id(sentence): paragraph for paragraph, sentence, _ in cleaned}
    return tuple(_placed(claim, paragraph_of[id(claim.sentence)], document_year) for claim in claims)


def _placed(claim: Claim, paragraph: Paragraph, document_year: int | None) -> Claim:
    """The claim with the year and scope its main amount is stated for."""
    anchor = claim.current if isinstance(claim, Change) else claim.budget if isinstance(claim, Completion) \
        else claim.amount if isinstance(claim, Share) else claim.total
    context = context_of(paragraph, anchor.location, document_year)
    return replace(claim, year=context.year, scope=context.scope)


def sentence_claims(paragraph: Paragraph, sentence: Sentence, clean: CleanText,
                    before: CleanText | None = None) -> list[Claim]:
    """What one sentence claims by itself (and with the sentence before it, for 与…相比 and for a
    budget whose remainder it states): its changes, completion rates, shares and splits."""
    claims: list[Claim] = list(_changes(paragraph, sentence, clean, before))
    for match in (m for pattern in _COMPLETIONS for m in pattern.finditer(clean.text)):
        claims.append(Completion(clean.amount(paragraph, match, "budget"), clean.amount(paragraph, match, "actual"),
                                 clean.amount(paragraph, match, "percent"), sentence))
    claims.extend(_completions_from_what_is_left(paragraph, sentence, clean, before))
    claims.extend(Share(clean.amount(paragraph, match, "amount"), match.group("base"),
                        clean.amount(paragraph, match, "percent"), sentence)
                  for match in _SHARE_OF_NAMED.finditer(clean.text) if "上年" not in match.group("base"))
    claims.extend(inline_splits(paragraph, sentence, clean))
    return claims


def _completions_from_what_is_left(paragraph: Paragraph, sentence: Sentence, clean: CleanText,
                                   before: CleanText | None) -> list[Completion]:
    """Execution rates stated with what is left of the budget: the budget is the one the
    sentence states before it, or else the one the sentence before states; none when either
    states two."""
    claims = []
    for match in _LEFT.finditer(clean.text):
        budgets = list(_BUDGET.finditer(clean.text, 0, match.start()))
        text, shift = clean, 0
        if not budgets and before is not None:
            text, shift = CleanText(before.text + clean.text, before.origin + clean.origin), len(before.text)
            budgets = list(_BUDGET.finditer(before.text))
        if len(budgets) != 1:
            continue
        found = Shifted(match, shift)
        left, percent = text.amount(paragraph, found, "left"), text.amount(paragraph, found, "percent")
        budget = text.amount(paragraph, budgets[0], "budget")
        spent = Amount(budget.value - left.value, f"({budget.text} − {left.text})", left.location)
        claims.append(Completion(budget, spent, percent, sentence, left=left))
    return claims


def _changes(paragraph: Paragraph, sentence: Sentence, clean: CleanText, before: CleanText | None) -> list[Change]:
    """The changes a sentence states, with what they are compared to: its own amount, or, for a
    sentence that opens with 与…相比, the amount the sentence before ends on."""
    found = [(clean, match) for pattern in (_CHANGE, _CHANGE_ACROSS) for match in pattern.finditer(clean.text)]
    if before is not None and _COMPARED_BEFORE.match(clean.text):
        joined = CleanText(before.text + clean.text, before.origin + clean.origin)
        found += [(joined, match) for match in _CHANGE_ACROSS.finditer(joined.text)
                  if match.start("current") < len(before.text) <= match.start("delta")]
    changes = []
    for text, match in found:
        prior = _PRIOR.search(match.group("reference"))
        stated_before = None if prior else _named_base(text, match)
        if match.group("percent") is None and prior is None and stated_before is None:
            continue  # nothing stated to recompute the change against
        changes.append(Change(
            text.amount(paragraph, match, "current"), text.amount(paragraph, match, "delta"),
            regex.match(UP, match.group("direction")) is not None,
            text.amount(paragraph, match, "percent") if match.group("percent") else None, sentence,
            text.amount(paragraph, Shifted(prior, match.start("reference")), "prior") if prior
            else text.amount(paragraph, stated_before, "amount") if stated_before else None))
    return changes


def _named_base(text: CleanText, match: regex.Match) -> regex.Match | None:
    """The amount a comparison's named base (较年初预算数) was stated as earlier in its clause:
    the one figure before the compared amount whose subject names that base, itself no change
    (年初预算减少127.45万元). A base with a year (较2025年年初预算) is another year's, which
    the clause does not state; none either when no figure or several name the base."""
    reference = match.group("reference")
    subjects = next((names for base, names in _NAMED_BASES if base.search(reference)), None)
    if subjects is None or regex.search(r"\d", reference):
        return None
    start = max(text.text.rfind(mark, 0, match.start("current")) for mark in "。；;") + 1
    stated = [f for f in FIGURE.finditer(text.text, start, match.start("current"))
              if subjects.search(f.group("subject")) and not _CHANGE_WORD.search(f.group("subject"))]
    return stated[0] if len(stated) == 1 else None

