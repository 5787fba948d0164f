"""The `percentage` rule: a stated percentage that its own numbers do not give."""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Iterator

from auditlint.agreement import (HUNDRED, Options, Ratio, Verdict, amount_verdict, change_base, change_follows, change_ratio,
                                  claim_ratio, completion_ratio, fact_in_wan_yuan, figure_radius, percent_verdict, radius, ratio,
                                  ratio_verdict, to_the_cent)
from auditlint.findings import Finding, Level, Message, Related, discrepancy, figure_text, shape_hint
from auditlint.model import Amount, AwardedToSmes, Change, Completion, Document, Doubt, Fact, Share, Split, TwinRatio, decimal_places

def _whole(fact: Fact) -> tuple[Decimal, None, Decimal]:
    """A table total as the whole of a ratio: its value in 万元, its part's own radius, its radius."""
    value, spread = fact_in_wan_yuan(fact)
    return value, None, spread


TRUNCATED_OR_ROUNDED = Message("（截断或四舍五入所致）", " (truncated or rounded)")


# A share's base read from the narrative's own statements of it, no table printing it.
NARRATED_BASE = Doubt("reading", "基数取自正文（表中未列）", "the base is the text's own figure (no table prints it)")


class Percentage:
    """A percentage that its own figures do not give.

    What it checks: a year-on-year change ("比2023年预算减少1000.07万元，下降28.39%") against the
    change divided by the PRIOR year (this year's amount plus the decrease, or minus the
    increase). When the sentence names the prior year's amount too ("14894.79万元，比2025年年初
    预算数14708.87万元增加185.92万元"), the change must be the difference of the two, and the
    percentage, if it fits only one correction, names the figure that slipped; an increase larger
    than the amount it led to would leave a negative prior year. A base named without its amount
    (较年初预算数调减了402.26万元) is the figure of the clause that states that base (单位预算安排
    1192.54万元). The final accounts' wording ("…573.15万元。与2022年度相比，…增加366.26万元，
    增长177.04%") reads the amount of the sentence before. A completion rate ("预算数为5万元，执行数
    为4.76万元，完成预算94%") against what was spent over the budget, also when the text states
    what is left instead ("预算数为115万元。截至11月底余额14.1万元，预算执行进度达96.62%": (115 −
    14.1) / 115 = 87.74%), and a self-evaluation form's row under 预算数（A） 执行数（B） 执行率（B/A）.
    A rate of a budget of 0 ("全年预算为0.00万元…完成全年预算的0.00%"), or a change's percentage
    from a prior year of 0, names the wrong base, as no rate follows from nothing: a warning, or
    a note where the percentage is the change over this year's amount (增加40万元，增幅100% for
    what is new); 0% of a budget of 0 where nothing was spent is the template's wording, silent;
    a share stated in a split ("其中：基本支出1004.47万元，占28.51%") against the part over the
    split's total; the shares of each kind of procurement awarded to small and medium enterprises
    against the contracts awarded them (Σ kind × share; 100% of each kind when all was awarded). Every figure is taken as printed, rounded (a whole amount among amounts printed
    to the cent is exact; in a narrative of whole amounts it stands for ±0.5): a percentage that
    values within that rounding give, or that the exact ratio truncated gives (10.158% printed
    10.15%), is a note; one less than 0.1 point off is a warning; beyond that, an error. A share
    of a table's total is held to it converted to 万元, and is an error only when that table's
    reading is trusted; a share of a total no table prints (the tables published apart) is held to
    the narrative's own statements of it, when they are one figure (a note, with the narrative's
    total the percentage divides by instead, if one does: 55.1% of 项目支出 is 315.80 over 573.15).
    A ratio of counts (材料总数 21587 个，其中“硬减” 362 个，“免提交” 7151 个，减材料比例 26.9%) is
    read only beside a twin clause of the same words whose ratio is its listed counts over its
    total ((262 + 1526) / 6102 = 29.3%): the document's own formula, which the other must follow
    (a warning).

    Why it matters: percentages are what readers remember, and dividing by this year's amount
    instead of last year's is a common, real error.

    Hint: when the stated change equals the change divided by this year's amount, the finding says
    the wrong base was used.

    Example (samples/planted_budget_2025.txt): 「2025年收支总预算1809.22万元，比2024年预算减少
    143.38万元，下降7.92%」: on the prior year's 1952.60 the decrease is 7.34%; 7.92% divides by
    this year's 1809.22.

    Suppress: in a text or Markdown document, `<!-- auditlint: disable-next-line=percentage -->`.
    """

    id = "percentage"
    level = Level.ERROR
    summary_zh = "百分比与其自身的数字算不出来（增减幅度、完成率、占比）"
    explain_zh = """
        检查内容：同比增减的百分比（按上年数计算：本年数加上减少额或减去增加额）、
        预算完成率（执行数÷预算数）、“其中……占××%”的占比、中小企业采购份额等，与句中的数字核算。
        按印出的精度考虑四舍五入：四舍五入能解释的为提示，相差不足 0.1 个百分点为警告，超出为错误。

        为什么重要：百分比是读者最常引用的数字；算错了，结论就错了。

        如何抑制：文本或 Markdown 文件中，在该行前加
        `<!-- auditlint: disable-next-line=percentage -->`；
        PDF 不能加注释，用基线（`--write-baseline` 记录、`--baseline` 隐藏已记录的发现）。
    """
    takes_tolerance = True  # in percentage points

    def check(self, doc: Document, options: Options) -> Iterator[Finding]:
        extra = options.tolerance
        for claim in doc.claims:
            if isinstance(claim, Change):
                yield from self._change(claim, extra)
            elif isinstance(claim, Completion):
                yield from self._completion(claim, extra)
            elif isinstance(claim, Split):
                yield from self._shares(claim, extra)
            elif isinstance(claim, Share) and not doc.facts.is_earlier(claim.year):
                yield from self._named_share(claim, doc, extra)
        for awarded in doc.facts.awarded_to_smes:
            yield from self._awarded(awarded, extra)
        for twin in doc.facts.twin_ratios:
            yield self._twin(twin)

    def _awarded(self, claim: AwardedToSmes, extra: Decimal) -> Iterator[Finding]:
        """Each kind's share awarded to small and medium enterprises, of its amount, adds up to
        the contracts awarded them: Σ amount × share. Where they were awarded all of it (the
        awarded amount is the procurement total), each kind with an amount went to them whole:
        its share is 100% (what went to them of a kind is part of that kind)."""
        related = (Related(claim.awarded.location, Message("授予中小企业合同金额", "awarded to SMEs")),)
        if claim.total is not None and claim.total.value > 0 and claim.awarded.value == claim.total.value:
            for kind in (k for k in claim.kinds if k.amount.value > 0):
                finding = discrepancy(
                    self.id, percent_verdict(kind.percent, HUNDRED, HUNDRED, HUNDRED, extra),
                    Message(f"授予中小企业合同金额 {claim.awarded.text} 即政府采购总额 {claim.total.text}，{kind.kind}采购"
                            f" {kind.amount.text} 全部授予中小企业，占比应为 100%，而非 {kind.percent.text}%",
                            f"all the procurement ({claim.total.text}) was awarded to small and medium enterprises, so all"
                            f" of its {kind.kind} ({kind.amount.text}) was: 100%, not {kind.percent.text}%"),
                    kind.percent.location, f"{kind.percent.text}%", "100%", kind.percent.value - HUNDRED,
                    related=(*related, Related(kind.amount.location, Message(kind.kind, kind.kind))),
                    logical=f"sme-share:{kind.kind}:{kind.amount.text}")
                if finding is not None:
                    yield finding
            return
        implied = sum((k.amount.value * k.percent.value / HUNDRED for k in claim.kinds), Decimal(0))
        spread = radius(claim.awarded.value) + sum(
            (k.amount.value * radius(k.percent.value) + radius(k.amount.value) * k.percent.value) / HUNDRED for k in claim.kinds)
        parts = " + ".join(f"{k.amount.text} × {k.percent.text}%" for k in claim.kinds)
        finding = discrepancy(
            self.id, amount_verdict(claim.awarded.value - implied, spread),
            Message(f"各类采购授予中小企业的占比合计为 {parts} = {implied:.2f} 万元，而授予中小企业合同金额为 {claim.awarded.text} 万元",
                    f"the kinds' shares awarded to small and medium enterprises give {parts} = {implied:.2f}, "
                    f"not the {claim.awarded.text} awarded them"),
            claim.awarded.location, claim.awarded.text, f"{implied:.2f}", claim.awarded.value - implied,
            related=tuple(Related(k.percent.location, Message(f"{k.kind} {k.percent.text}%", f"{k.kind} {k.percent.text}%"))
                          for k in claim.kinds),
            logical=f"sme-awarded:{claim.awarded.text}")
        if finding is not None:
            yield finding

    def _change(self, claim: Change, extra: Decimal) -> Iterator[Finding]:
        if claim.prior is not None and (finding := self._change_amount(claim, claim.prior, extra)) is not None:
            yield finding
            return  # figures that disagree leave no base to judge the percentage on
        if claim.percent is None:
            return
        prior, spread = change_base(claim)
        if prior + spread < 0:
            yield self._increase_beyond_current(claim, prior)
            return
        found = change_ratio(claim, prior, spread)
        if found is None and claim.delta.value != 0 and prior == 0:
            yield self._change_from_nothing(claim, prior, extra)
            return
        verdict = ratio_verdict(claim.percent, found, extra)
        if verdict == Verdict.AGREES or claim.delta.value == 0:
            return
        wrong_base = ratio_verdict(claim.percent, claim_ratio(claim.delta, claim.current, claim)) <= Verdict.ROUNDING
        word = "增长" if claim.increase else "下降"
        hint = Message(f"{claim.percent.text}% 等于变动额除以本年数 {claim.current.text}，应除以上年数 {prior}",
                       f"{claim.percent.text}% divides the change by this year's {claim.current.text}; the base is "
                       f"the prior year's {prior}") if wrong_base and verdict > Verdict.ROUNDING else None
        expected = found.exact
        yield self._finding(
            verdict, claim.percent, found,
            Message(f"{word} {claim.percent.text}% 与其数字不符：上年数为 {claim.current.text} {'−' if claim.increase else '+'} "
                    f"{claim.delta.text} = {prior}，变动 {claim.delta.text} 为上年的 {expected:.4f}%",
                    f"the change of {claim.percent.text}% does not follow from its figures: the prior year is "
                    f"{claim.current.text} {'-' if claim.increase else '+'} {claim.delta.text} = {prior}, and "
                    f"{claim.delta.text} is {expected:.4f}% of it"),
            (claim.current, claim.delta), hint, claim.sentence.text)

    def _change_amount(self, claim: Change, prior: Amount, extra: Decimal) -> Finding | None:
        """This year against the prior year's stated amount: the difference must be the change.
        The percentage, when given, tells which figure is the odd one out: the one whose
        correction makes it come out right, if only one does."""
        if change_follows(claim, prior, extra):
            return None
        sign = 1 if claim.increase else -1
        difference = claim.current.value - prior.value
        precise = to_the_cent([claim.current, prior, claim.delta])
        spread = figure_radius(claim.current.value, precise) + figure_radius(prior.value, precise)
        corrections = {  # each figure, what it would be were the other two right, and the change and base then
            "current": (claim.current, prior.value + sign * claim.delta.value, claim.delta.value, prior.value),
            "delta": (claim.delta, sign * difference, sign * difference, prior.value),
            "prior": (prior, claim.current.value - sign * claim.delta.value, claim.delta.value,
                      claim.current.value - sign * claim.delta.value),
        }
        verdicts = {name: ratio_verdict(claim.percent, ratio(change, base, figure_radius(claim.delta.value, precise), spread),
                                        extra)
                    for name, (_, corrected, change, base) in corrections.items()
                    if claim.percent is not None and corrected >= 0}
        best = min(verdicts.values(), default=Verdict.CONTRADICTS)  # an exact fit before one rounding explains
        suspects = [name for name, verdict in verdicts.items() if verdict == best <= Verdict.ROUNDING]
        stated, expected = corrections[suspects[0]][:2] if len(suspects) == 1 else (claim.delta, sign * difference)
        word_zh, word_en = ("增加", "increase") if claim.increase else ("减少", "decrease")
        hint = None
        if len(suspects) == 1:
            hint = Message(f"{claim.percent.text}% 与另两个数字相符，{stated.text} 应为 {expected}",
                           f"{claim.percent.text}% agrees with the other two figures: {stated.text} should be {expected}")
        return Finding(
            rule=self.id,
            level=self.level,
            message=Message(f"{word_zh} {claim.delta.text} 与其数字不符：{claim.current.text} − {prior.text} = {difference}",
                            f"the {word_en} of {claim.delta.text} does not follow from its figures: "
                            f"{claim.current.text} - {prior.text} = {difference}"),
            location=stated.location,
            related=tuple(Related(a.location, Message(a.text, a.text))
                          for a in (claim.current, prior, claim.delta) if a is not stated),
            logical=f"change:{claim.sentence.text[:40]}",
            stated=stated.text,
            expected=str(expected),
            difference=str(stated.value - expected),
            hint=hint or shape_hint(stated.value, expected),
        )

    def _increase_beyond_current(self, claim: Change, prior: Decimal) -> Finding:
        """An increase larger than the amount it led to: the prior year would be negative."""
        return Finding(
            rule=self.id,
            level=self.level,
            message=Message(f"增加 {claim.delta.text} 超过本年数 {claim.current.text}：上年数将为 {prior}",
                            f"an increase of {claim.delta.text} exceeds this year's {claim.current.text}: "
                            f"the prior year would be {prior}"),
            location=claim.delta.location,
            related=(Related(claim.current.location, Message(claim.current.text, claim.current.text)),),
            logical=f"change:{claim.sentence.text[:40]}",
            stated=claim.delta.text,
            expected=f"≤ {claim.current.text}",
        )

    def _change_from_nothing(self, claim: Change, prior: Decimal, extra: Decimal) -> Finding:
        """A percentage of a change from a prior year of 0: no percentage follows from a base of
        nothing, and the one stated names another. A note when it is the change over this year's
        amount (增加40万元，增幅100% for what is new: a habit of the documents), else a warning."""
        over_current = ratio_verdict(claim.percent, claim_ratio(claim.delta, claim.current, claim), extra) <= Verdict.ROUNDING
        hint = Message(f"{claim.percent.text}% 等于变动额除以本年数 {claim.current.text}",
                       f"{claim.percent.text}% divides the change by this year's {claim.current.text}") if over_current else None
        return Finding(
            rule=self.id,
            level=Level.NOTE if over_current else Level.WARNING,
            message=Message(f"上年数为 {claim.current.text} {'−' if claim.increase else '+'} {claim.delta.text} = {prior}，"
                            f"以 0 为基数算不出变动率，{claim.percent.text}% 所称基数有误",
                            f"the prior year is {claim.current.text} {'-' if claim.increase else '+'} {claim.delta.text} "
                            f"= {prior}: no percentage follows from a base of 0, so {claim.percent.text}% names the wrong base"),
            location=claim.percent.location,
            related=tuple(Related(a.location, Message(a.text, a.text)) for a in (claim.current, claim.delta)),
            logical=f"percent:{claim.sentence.text[:40]}",
            stated=f"{claim.percent.text}%",
            hint=hint,
        )

    def _rate_of_nothing(self, claim: Completion) -> Finding:
        """A completion rate of a budget of 0 with something spent or a rate above 0: no rate
        follows from a base of nothing, so what was spent, or the rate stated, must be of another
        budget than the one it names."""
        base = claim.base or "预算"
        return Finding(
            rule=self.id,
            level=Level.WARNING,
            message=Message(f"完成{base}的 {claim.percent.text}%，但{base}为 {claim.budget.text}：以 0 为基数算不出完成率，"
                            "所称基数有误",
                            f"a completion rate of {claim.percent.text}% of {base}, which is {claim.budget.text}: no rate "
                            "follows from a base of 0, so the rate names the wrong base"),
            location=claim.percent.location,
            related=tuple(Related(a.location, Message(a.text, a.text)) for a in (claim.budget, claim.left or claim.actual)),
            logical=f"percent:{claim.sentence.text[:40]}",
            stated=f"{claim.percent.text}%",
        )

    def _completion(self, claim: Completion, extra: Decimal) -> Iterator[Finding]:
        held, found = completion_ratio(claim)
        if found is None:
            if claim.actual.value or claim.percent.value:  # 0% of nothing where nothing was spent is the template's wording
                yield self._rate_of_nothing(claim)
            return
        verdict = ratio_verdict(held, found, extra)
        if verdict == Verdict.AGREES:
            return
        rate = found.exact if claim.left is None else HUNDRED - found.exact
        yield self._finding(
            verdict, claim.percent, found,
            Message(f"完成预算 {claim.percent.text}% 与其数字不符：{claim.actual.text} / {claim.budget.text} = {rate:.4f}%",
                    f"the completion rate {claim.percent.text}% does not follow from its figures: "
                    f"{claim.actual.text} / {claim.budget.text} = {rate:.4f}%"),
            (claim.budget, claim.actual), None, claim.sentence.text, rate)

    def _shares(self, claim: Split, extra: Decimal) -> Iterator[Finding]:
        for part in claim.parts:
            if part.share is None:
                continue
            found = claim_ratio(part.amount, claim.total, claim)
            verdict = ratio_verdict(part.share, found, extra)
            if verdict == Verdict.AGREES:
                continue
            yield self._finding(
                verdict, part.share, found,
                Message(f"{part.label} 占 {part.share.text}% 与其数字不符：{part.amount.text} / {claim.total.text} = {found.exact:.4f}%",
                        f"{part.label}'s share of {part.share.text}% does not follow from its figures: "
                        f"{part.amount.text} / {claim.total.text} = {found.exact:.4f}%"),
                (part.amount, claim.total), None, claim.sentence.text)

    def _named_share(self, claim: Share, doc: Document, extra: Decimal) -> Iterator[Finding]:
        """An amount stated as a share of a total the tables print (in their own unit, converted
        to the narrative's 万元); an error needs that table trusted."""
        total = doc.facts.named_total(claim.base, claim.scope)
        if total is None:
            yield from self._narrated_share(claim, doc, extra)
            return
        value, spread = fact_in_wan_yuan(total)
        found = ratio(claim.amount.value, value, whole_radius=spread)
        verdict = ratio_verdict(claim.percent, found, extra)
        if verdict == Verdict.AGREES:
            return
        other = next((f for f in doc.facts.totals() if fact_in_wan_yuan(f)[0] != value and ratio_verdict(
            claim.percent, ratio(claim.amount.value, *_whole(f)), extra) <= Verdict.ROUNDING), None)
        hint = Message(f"{claim.percent.text}% 是 {claim.amount.text} 占《{other.table.name}》{other.amount.text} 的比例",
                       f"{claim.percent.text}% is {claim.amount.text} over {other.amount.text} of {other.table.name}") \
            if other and verdict > Verdict.ROUNDING else None
        yield self._finding(
            verdict, claim.percent, found,
            Message(f"{claim.amount.text} 万元占{claim.base}的 {claim.percent.text}%，但表中该数为 {figure_text(total)}："
                    f"{claim.amount.text} / {value.normalize():f} = {found.exact:.4f}%",
                    f"{claim.amount.text} is stated as {claim.percent.text}% of {claim.base}, which the tables give as "
                    f"{figure_text(total)}: {claim.amount.text} / {value.normalize():f} = {found.exact:.4f}%"),
            (claim.amount, total.amount), hint, claim.sentence.text, doubts=doc.facts.reading(total.table).doubts)

    def _twin(self, twin: TwinRatio) -> Finding:
        """A ratio of counts that its listed counts over its total do not give, where a twin
        clause of the same words gives its own so: a warning (the formula is the document's, shown
        by the twin, not stated)."""
        counts = " + ".join(c.text for c in twin.counts)
        return Finding(
            rule=self.id, level=Level.WARNING,
            message=Message(f"{twin.words} {twin.percent.text}% 与其数字不符：({counts}) / {twin.total.text} = "
                            f"{twin.found.exact:.2f}%，而同样表述的 {twin.twin.text}% 正是这样算出的",
                            f"{twin.words} of {twin.percent.text}% does not follow from its counts: ({counts}) / "
                            f"{twin.total.text} = {twin.found.exact:.2f}%, the way the clause stating {twin.twin.text}% "
                            f"in the same words computes it"),
            location=twin.percent.location,
            related=(Related(twin.twin.location, Message(f"同样表述的 {twin.twin.text}%", f"{twin.twin.text}% in the same words")),
                     Related(twin.total.location, Message(twin.total.text, twin.total.text))),
            logical=f"twin-ratio:{twin.words}:{twin.percent.text}",
            stated=f"{twin.percent.text}%", expected=f"{twin.found.exact:.2f}%")

    def _narrated_share(self, claim: Share, doc: Document, extra: Decimal) -> Iterator[Finding]:
        """An amount stated as a share of a total no table prints, which the narrative states
        itself (一般公共预算项目支出 315.8 where the tables are published apart): a note, the base
        being the narrative's own figure; the hint names the narrative's total the percentage
        divides by instead, if one does."""
        stated = doc.facts.narrative_total(claim.base)
        found = ratio(claim.amount.value, stated[0].value) if stated else None
        if found is None:
            return
        verdict = ratio_verdict(claim.percent, found, extra)
        if verdict == Verdict.AGREES:
            return
        other = next((link.amount for link in doc.facts.links if link.amount.value != stated[0].value and
                      (r := ratio(claim.amount.value, link.amount.value)) is not None and
                      ratio_verdict(claim.percent, r, extra) <= Verdict.ROUNDING), None)
        hint = Message(f"{claim.percent.text}% 是 {claim.amount.text} 占 {other.text}（第 {other.location.line} 行）的比例",
                       f"{claim.percent.text}% is {claim.amount.text} over {other.text} (line {other.location.line})") \
            if other is not None and verdict > Verdict.ROUNDING else None
        finding = self._finding(
            verdict, claim.percent, found,
            Message(f"{claim.amount.text} 万元占{claim.base}的 {claim.percent.text}%，但正文中该数为 {stated[0].text} 万元："
                    f"{claim.amount.text} / {stated[0].text} = {found.exact:.4f}%",
                    f"{claim.amount.text} is stated as {claim.percent.text}% of {claim.base}, which the text gives as "
                    f"{stated[0].text}: {claim.amount.text} / {stated[0].text} = {found.exact:.4f}%"),
            (claim.amount, *stated), hint, claim.sentence.text, doubts=(NARRATED_BASE,))
        if finding is not None:
            # never more than a note: shares a text rounds to make 100% (10.97% + 89.03%) are its
            # own convention, and the base is not proven by a table
            yield replace(finding, level=Level.NOTE)

    def _finding(self, verdict: Verdict, stated: Amount, found: Ratio, message: Message, figures: tuple[Amount, ...],
                 hint: Message | None, sentence: str, expected: Decimal | None = None,
                 doubts: tuple[Doubt, ...] = ()) -> Finding | None:
        """A stated percentage its figures do not give: an error beyond rounding, a warning within
        a tenth of a point (a last digit slipped, or a ratio of figures more precise than those
        printed), a note where a truncated ratio or the rounding of the figures explains it."""
        expected = found.exact if expected is None else expected
        places = max(decimal_places(stated.value), 2)
        return discrepancy(
            self.id, verdict, message, stated.location, f"{stated.text}%", f"{expected:.{places}f}%", None,
            related=tuple(Related(a.location, Message(a.text, a.text)) for a in figures),
            logical=f"percent:{sentence[:40]}", hint=hint, rounded=TRUNCATED_OR_ROUNDED, doubts=doubts)
