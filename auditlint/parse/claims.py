"""Claims of the narrative: what a sentence says about amounts, in a form a check can recompute.

A change ("比2023年预算减少1000.07万元，下降28.39%"), a completion rate ("预算数为5万元，执行数为
4.76万元，完成预算94%"), a share ("其中：基本支出1004.47万元，占28.51%") and a split ("X万元，
其中：当年预算A万元…；上年结转B万元"). Each keeps the amounts it was read from, with their
locations. How splits are read is splits.py; the cleaned sentences are wording.py.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Sequence
from decimal import Decimal

import regex

from auditlint.patterns import compile_lazily
from auditlint.model import Amount, Change, Claim, Completion, Paragraph, Sentence, Share
from auditlint.parse.context import context_of, section_scopes
from auditlint.parse.splits import OPENS_LIST, inline_splits, listed_splits, sentence_total, split_of, subtotal_split
from auditlint.domain.wording import CLAUSE, DOWN, LEVEL, LIST_OPENS, NUMBER, RATE, UP
from auditlint.parse.wording import CleanText, Cleaned, Shifted

# The percentage after a change's amount, named by the direction or as a rate: "，增长13.11%",
# "，增幅6.8%", "（下降5%）", "，增长率为5%".
_PERCENT_AFTER = rf"\s*[，,（(]?\s*(?:{UP}|{DOWN}|{RATE})了?(?:为|是|达到?)?\s*(?P<percent>{NUMBER})\s*[%％]"
# What a change is compared with: "比2023年预算", "较上年", "同比", "与上年相比" (and the subject named
# after it: "与2022年度相比，收、支总计各增加…"). The reference may name the prior year's amount.
_COMPARISON = (rf"(?:同比|比|较|与)(?P<reference>{CLAUSE}{{0,40}}?)"
               rf"(?:(?:相比|相较|比较)\s*[，,]\s*{CLAUSE}{{0,24}}?)?")
# The change after its comparison: the direction and its amount, then the percentage; or the
# percentage first and the amount after it ("增长13.11%，增加3205.79万元", "下降5%（减少12万元）").
_TAILS = (rf"(?P<direction>{UP}|{DOWN})了?\s*(?P<delta>{NUMBER})\s*万元(?:{_PERCENT_AFTER})?",
          rf"(?P<direction>{UP}|{DOWN})了?\s*(?P<percent>{NUMBER})\s*[%％]\s*[，,（(]\s*"
          rf"(?:(?:{UP}|{DOWN})了?)?\s*(?P<delta>{NUMBER})\s*万元")
# "X万元，比2023年预算减少D万元，下降P%", the comparison naming the prior year's amount or not
# ("比2025年年初预算数14708.87万元增加185.92万元"), a share of the amount between them ("支出573.15
# 万元，占本年支出合计的100%，与…").
_CURRENT = rf"(?P<current>{NUMBER})\s*万元(?:\s*[，,]\s*占[^。；;，,]{{0,16}}?[%％])?[^。；;\d]{{0,40}}?"
_CHANGES = tuple(compile_lazily(_CURRENT + _COMPARISON + tail) for tail in _TAILS)
# A sentence that opens with its comparison ("与上年相比增加2241.75万元，增长11.12%", "较2025年年初
# 预算增加197.71万元，增幅6.8%", "与上年相比，财政拨款支出增加…"): the amount compared is the one
# the sentence before states. Only there may the change be none (与2025年预算数84.50万元持平):
# the same in one sentence is comparison-word's "A与B持平".
_OPENS_WITH = r"^\s*(?:(?:此外|另外|同时)\s*[，,]?\s*)?"
_CHANGES_OPENING = tuple(compile_lazily(_OPENS_WITH + _COMPARISON + tail)
                         for tail in (*_TAILS, rf"(?P<direction>{LEVEL})"))
# The total of a sentence that lists what it is made of ("口岸管理业务40,000.70万元，主要包括：…"):
# the amount a change after the list is of.
_LIST_TOTAL = compile_lazily(rf"(?P<current>{NUMBER})\s*万元\s*[，,]?\s*{LIST_OPENS}")
# The amount a sentence ends on, a share of it aside ("支出573.15万元，占本年支出合计的100%。").
_ENDING = compile_lazily(rf"(?P<current>{NUMBER})\s*万元(?:\s*[，,]\s*占[^。；;，,]{{0,16}}?[%％])?\s*[。！]?\s*$")
# Text that ends on a direction of change: the amount after it is a change, never compared.
_ENDS_IN_CHANGE = compile_lazily(rf"(?:{UP}|{DOWN})了?\s*$")
# The prior year's amount, when the comparison names it: "比2025年年初预算数14708.87万元".
_PRIOR = compile_lazily(rf"(?P<prior>{NUMBER})\s*万元\s*(?:相比|相较|比较)?\s*$")
# A base a comparison names without its amount, and the subjects that state that amount earlier in
# the sentence ("单位预算安排1192.54万元，财政下达预算指标795.28万元，较年初预算数调减了402.26万元").
# Only a budget stage: "上年" could name 上年结转 as well as last year's total. Spending compared with
# its budget ("预算数为100.00万元，执行数为95.00万元，较预算数减少5.00万元") names it so too.
_NAMED_BASES = ((compile_lazily(r"年初预算"), compile_lazily(r"年初预算|预算安排")),
                (compile_lazily(r"全年预算|调整后?预算"), compile_lazily(r"全年预算|调整后?预算")),
                (compile_lazily(r"预算(?:数|安排)"), compile_lazily(r"预算(?:数|安排)")))
# A subject ending in 增加/减少: the figure is a change, never the base (年初预算减少127.45万元).
_CHANGE_WORD = compile_lazily(rf"(?:{UP}|{DOWN})了?$")
# A completion rate: the budget, what was spent and the rate, in either order ("预算数为5万元，执行数
# 为4.76万元，完成预算94%", "调整后预算456.1万元，实际发生277.22万元，执行率为61%", "实际预算执行数
# 为2,897.43万元，预算数为2,897.43万元，预算执行率为100.00%", "公用经费…控制率为69%", "年初预算为
# 959.4万元，支出决算为972.48万元，完成年初预算的101.36%", "全年预算为…，为全年预算的…%"), or the
# budget inside the rate ("执行数95.00万元，为预算安排100.00万元的95%"). The rate may name the budget
# it is of (`base`: 年初预算, 全年预算 …).
_BUDGET_NAME = r"(?:调整后|年初|全年)?预算(?:数|金额|安排)?"
_BUDGET_STATED = rf"{_BUDGET_NAME}(?:为|是)?\s*(?P<budget>{NUMBER})\s*万元"
_SPENT_STATED = rf"(?:执行数|支出数|实际支出|实际发生|支出决算数?|决算数?)(?:为|是)?\s*(?P<actual>{NUMBER})\s*万元"
_RATE_STATED = (rf"[^。；;%％]{{0,16}}?(?:(?:完成|为|占|达到?)(?P<base>{_BUDGET_NAME})的?|执行率|控制率|完成率)"
                rf"(?:为|是|达到?)?\s*(?P<percent>{NUMBER})\s*[%％]")
_RATE_OF_STATED = (rf"[^。；;%％]{{0,16}}?(?:完成|为|占|达到?)(?P<base>{_BUDGET_NAME})(?:为|是)?\s*(?P<budget>{NUMBER})"
                   rf"\s*万元的\s*(?P<percent>{NUMBER})\s*[%％]")
_COMPLETIONS = (compile_lazily(rf"{_BUDGET_STATED}[^。；;]{{0,20}}?{_SPENT_STATED}{_RATE_STATED}"),
                compile_lazily(rf"{_SPENT_STATED}[^。；;]{{0,20}}?{_BUDGET_STATED}{_RATE_STATED}"),
                compile_lazily(rf"{_SPENT_STATED}{_RATE_OF_STATED}"))
# What was left of a budget and the execution it makes ("截至11月底线上余额14.1万元，预算执行进度达
# 96.62%"), the budget stated before it in the sentence or in the one before ("2023年预算数为115万元。").
_LEFT = compile_lazily(rf"余额\s*(?P<left>{NUMBER})\s*万元[^。；;%％]{{0,12}}?执行(?:进度|率)(?:达到?|为)?\s*(?P<percent>{NUMBER})\s*[%％]")
_BUDGET = compile_lazily(_BUDGET_STATED)
# An amount's share of a total named without its amount: "资金315.80万元，占一般公共预算项目支出总额的
# 55.1%". A total of another year (占上年…, 占2022年…) is no figure of the tables.
_SHARE_OF_NAMED = compile_lazily(rf"(?P<amount>{NUMBER})\s*万元\s*[，,]?\s*占(?P<base>[\p{{Han}}]{{2,20}}?)的?\s*"
                                 rf"(?P<percent>{NUMBER})\s*[%％]")
# A figure of the narrative: the words right before it are its subject ("卫生健康支出 74.72 万元").
# A 计 after 总 or 合 is the subject's own word (收入预算总计, 支出合计), not the verb of 共计 or 计.
FIGURE = compile_lazily(rf"(?P<subject>[\p{{Han}}（）()“”‘’\"']{{2,30}}?)\s*(?:为|是|达|共|(?<![总合])计)?\s*"
                        rf"(?P<amount>{NUMBER})\s*万元")


# How many sentences after a list may go on with its items, one a sentence.
MAX_LIST_SENTENCES = 12


def extract(paragraphs: tuple[Paragraph, ...], cleaned: Cleaned, document_year: int | None = None,
            sections: dict[int, str] | None = None) -> tuple[Claim, ...]:
    """Every claim of every sentence, in document order, each with the year and the scope of
    its main amount (a change's current amount, a completion's budget, a split's total, a
    share's amount)."""
    claims: list[Claim] = []
    before: tuple[Paragraph, CleanText] | None = None  # the sentence before, when in the same paragraph
    stated: tuple[Amount, str] | None = None  # the one amount (and its name) of the last sentence that was no list
    for index, (paragraph, sentence, clean) in enumerate(cleaned):
        if before is None or before[0] is not paragraph:
            before, stated = None, None
        following = [(p, c) for p, _, c in cleaned[index + 1:index + 1 + MAX_LIST_SENTENCES]]
        claims.extend(sentence_claims(paragraph, sentence, clean, before[1] if before else None, following))
        before = (paragraph, clean)
        if stated is not None:
            claims.extend(subtotal_split(stated[0], paragraph, sentence, clean))
        opening = OPENS_LIST.match(clean.text)
        if opening is None:
            stated = sentence_total(paragraph, clean)
        elif stated is not None:
            claims.extend(split_of(*stated, paragraph, sentence, clean, opening.end(), following))
    claims.extend(listed_splits(paragraphs, cleaned))
    paragraph_of = {id(sentence): paragraph for paragraph, sentence, _ in cleaned}
    sections = section_scopes(paragraphs) if sections is None else sections
    return tuple(_placed(claim, paragraph_of[id(claim.sentence)], document_year, sections) for claim in claims)


def _placed(claim: Claim, paragraph: Paragraph, document_year: int | None, sections: dict[int, str]) -> Claim:
    """The claim with the year and scope its main amount is stated for."""
    anchor = claim.current if isinstance(claim, Change) else claim.budget if isinstance(claim, Completion) \
        else claim.amount if isinstance(claim, Share) else claim.total
    context = context_of(paragraph, anchor.location, document_year, sections.get(id(paragraph)))
    return replace(claim, year=context.year, scope=context.scope)


_DOWNWARD = compile_lazily(DOWN)  # a direction of change that lowers
_PERCENT_SIGN = compile_lazily(r"[%％]")  # what each of _COMPLETIONS, _LEFT and _SHARE_OF_NAMED ends on


def sentence_claims(paragraph: Paragraph, sentence: Sentence, clean: CleanText,
                    before: CleanText | None = None, following: Sequence[tuple[Paragraph, CleanText]] = ()) -> list[Claim]:
    """What one sentence claims by itself (and with the sentence before it, for 与…相比 and for a
    budget whose remainder it states; with the sentences after it, for a list whose items end
    in full stops): its changes, completion rates, shares and splits."""
    claims: list[Claim] = list(_changes(paragraph, sentence, clean, before))
    if not _DIGIT.search(clean.text):
        return claims  # every other claim reads a figure of the sentence's own: most sentences have none
    if _PERCENT_SIGN.search(clean.text):  # a completion rate and a share end on their percentage
        for match in (m for pattern in _COMPLETIONS for m in pattern.finditer(clean.text)):
            claims.append(Completion(clean.amount(paragraph, match, "budget"), clean.amount(paragraph, match, "actual"),
                                     clean.amount(paragraph, match, "percent"), sentence, base=match.group("base") or ""))
        claims.extend(_completions_from_what_is_left(paragraph, sentence, clean, before))
        claims.extend(Share(clean.amount(paragraph, match, "amount"), match.group("base"),
                            clean.amount(paragraph, match, "percent"), sentence)
                      for match in _SHARE_OF_NAMED.finditer(clean.text) if "上年" not in match.group("base"))
    claims.extend(inline_splits(paragraph, sentence, clean, following))
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


def _changes(paragraph: Paragraph, sentence: Sentence, clean: CleanText, before: CleanText | None,
             bare: bool = False) -> list[Change]:
    """The changes a sentence states, with what they are compared to: its own amount before the
    comparison (never itself a change: 增加10万元，较年初预算减少5万元), or, for a sentence that
    opens with its comparison, the amount the sentence before states (_compared_before). With
    `bare`, also those that state neither a percentage nor the prior amount (see bare_changes)."""
    changes = []
    for pattern in _CHANGES if _DIGIT.search(clean.text) else ():  # each opens with the current figure
        for match in pattern.finditer(clean.text):
            if _ENDS_IN_CHANGE.search(clean.text, 0, match.start("current")):
                continue
            current = clean.amount(paragraph, match, "current")
            change = _change(paragraph, sentence, clean, match, current, _named_base(clean, match), bare)
            changes.extend([change] if change else [])
    if before is None:
        return changes
    # the sentence before is read only for a sentence that opens with its comparison (few do)
    opening = [match for pattern in _CHANGES_OPENING if (match := pattern.match(clean.text))]
    current = _compared_before(paragraph, before) if opening else None
    for match in opening if current else ():
        change = _change(paragraph, sentence, clean, match, current, bare=bare)
        changes.extend([change] if change else [])
    return changes


def bare_changes(paragraph: Paragraph, sentence: Sentence, clean: CleanText, before: CleanText | None) -> list[Change]:
    """The changes a sentence states with neither a percentage nor the prior year's amount
    ("公务接待费预算支出412.50万元，比上年预算减少31万元"): nothing in the sentence recomputes them,
    so they are no claim of the document, but they state the prior year's amount (this year's
    less the change), which that year's document printed (auditlint.parse.across)."""
    return [change for change in _changes(paragraph, sentence, clean, before, bare=True)
            if change.percent is None and change.prior is None]


def _change(paragraph: Paragraph, sentence: Sentence, clean: CleanText, match: regex.Match, current: Amount,
            stated_before: regex.Match | None = None, bare: bool = False) -> Change | None:
    """The change a match states of `current`, with the prior year's amount its comparison names
    or the base stated before it; None when neither that nor a percentage gives anything to
    recompute it against (unless `bare`). A change of nothing (持平) is a change of 0, at that word."""
    prior = _PRIOR.search(match.group("reference"))
    stated_before = None if prior else stated_before
    percent = match.groupdict().get("percent")
    if percent is None and prior is None and stated_before is None and not bare:
        return None
    if "delta" in match.groupdict():
        delta = clean.amount(paragraph, match, "delta")
    else:
        delta = Amount(Decimal(0), "0", clean.locate(paragraph, match.start("direction"), match.end("direction")))
    return Change(
        current, delta, not _DOWNWARD.match(match.group("direction")),
        clean.amount(paragraph, match, "percent") if percent else None, sentence,
        clean.amount(paragraph, Shifted(prior, match.start("reference")), "prior") if prior
        else clean.amount(paragraph, stated_before, "amount") if stated_before else None)


def _compared_before(paragraph: Paragraph, before: CleanText) -> Amount | None:
    """The amount a sentence that opens with its comparison is about, as the sentence before
    states it: its one amount (a change or a prior year's aside: "基本支出预算数为11700.63万元。"
    and its explanation, "…3894.09万元，主要用于…的提租补贴。"); else the total it lists the parts of
    ("40,000.70万元，主要包括：…"); else the amount it ends on ("…支出573.15万元，占…的100%。").
    None when the sentence states none of these once."""
    stated = sentence_total(paragraph, before)
    if stated is not None:
        return stated[0]
    for pattern in (_LIST_TOTAL, _ENDING):
        found = list(pattern.finditer(before.text))
        if len(found) == 1:
            return before.amount(paragraph, found[0], "current")
    return None


_DIGIT = compile_lazily(r"\d")  # what every figure (NUMBER) opens with


def _named_base(text: CleanText, match: regex.Match) -> regex.Match | None:
    """The amount a comparison's named base (较年初预算数) was stated as earlier in its clause:
    the one figure before the compared amount whose subject names that base, itself no change
    (年初预算减少127.45万元). A base with a year (较2025年年初预算) is another year's, which
    the clause does not state; none either when no figure or several name the base."""
    reference = match.group("reference")
    subjects = next((names for base, names in _NAMED_BASES if base.search(reference)), None)
    if subjects is None or _DIGIT.search(reference):
        return None
    start = max(text.text.rfind(mark, 0, match.start("current")) for mark in "。；;") + 1
    stated = [f for f in FIGURE.finditer(text.text, start, match.start("current"))
              if subjects.search(f.group("subject")) and not _CHANGE_WORD.search(f.group("subject"))]
    return stated[0] if len(stated) == 1 else None

