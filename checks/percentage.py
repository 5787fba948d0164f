"""The `percentage` rule: a stated percentage that its own numbers do not give."""
from __future__ import annotations

from decimal import Decimal
from typing import Any, Iterator, Mapping

from auditlint.findings import Finding, Level, Message, Related
from auditlint.model import Amount, Change, Completion, Document, Split
from auditlint.model import decimal_places
from auditlint.parse.numbers import half_unit

HUNDRED = Decimal(100)
CENT = Decimal("0.005")


def radius(amount: Amount) -> Decimal:
    """How far a narrative amount may be from its true value: half its last printed digit, but a
    whole number in running text ("预算数为5万元") is a round figure, exact to the cent."""
    return half_unit(amount.value) if decimal_places(amount.value) else CENT


def ratio_range(part: Amount, whole_low: Decimal, whole_high: Decimal, part_radius: Decimal) -> tuple[Decimal, Decimal]:
    """The percentages that printed, rounded figures allow: part ± its rounding over the whole's range."""
    low_part, high_part = part.value - part_radius, part.value + part_radius
    return HUNDRED * low_part / whole_high, HUNDRED * high_part / whole_low


def allows(stated: Amount, low: Decimal, high: Decimal, extra: Decimal = Decimal(0)) -> bool:
    """Does the stated percentage, within its rounding (and `extra` points), meet [low, high]?"""
    radius = half_unit(stated.value) + extra
    return stated.value + radius >= low and stated.value - radius <= high


def misstated_ratio(percent: Amount, part: Amount, whole: Amount, extra: Decimal = Decimal(0)) -> Decimal | None:
    """The percentage part/whole gives, when the stated one is beyond what rounding allows."""
    spread = radius(whole)
    if whole.value - spread <= 0:
        return None
    low, high = ratio_range(part, whole.value - spread, whole.value + spread, radius(part))
    return None if allows(percent, low, high, extra) else HUNDRED * part.value / whole.value


class Percentage:
    """A percentage that its own figures do not give.

    What it checks: a year-on-year change ("比2023年预算减少1000.07万元，下降28.39%") against the
    change divided by the PRIOR year (this year's amount plus the decrease, or minus the
    increase); a completion rate ("预算数为5万元，执行数为4.76万元，完成预算94%") against what was
    spent over the budget; a share stated in a split ("其中：基本支出1004.47万元，占28.51%")
    against the part over the split's total. Every figure is taken as printed, rounded: a
    percentage is wrong only when no values within the rounding of its figures give it.

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
    takes_tolerance = True  # in percentage points

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Finding]:
        extra = options.get("tolerance", Decimal(0))
        for claim in doc.claims:
            if isinstance(claim, Change):
                yield from self._change(claim, extra)
            elif isinstance(claim, Completion):
                yield from self._completion(claim, extra)
            elif isinstance(claim, Split):
                yield from self._shares(claim, extra)

    def _change(self, claim: Change, extra: Decimal) -> Iterator[Finding]:
        sign = -1 if claim.increase else 1
        prior = claim.current.value + sign * claim.delta.value
        spread = radius(claim.current) + radius(claim.delta)
        if prior - spread <= 0 or claim.delta.value == 0:
            return
        low, high = ratio_range(claim.delta, prior - spread, prior + spread, radius(claim.delta))
        if allows(claim.percent, low, high, extra):
            return
        expected = HUNDRED * claim.delta.value / prior
        wrong_base = allows(claim.percent, *ratio_range(claim.delta, claim.current.value - radius(claim.current),
                                                        claim.current.value + radius(claim.current), radius(claim.delta)))
        word = "增长" if claim.increase else "下降"
        hint = Message(f"{claim.percent.text}% 等于变动额除以本年数 {claim.current.text}，应除以上年数 {prior}",
                       f"{claim.percent.text}% divides the change by this year's {claim.current.text}; the base is "
                       f"the prior year's {prior}") if wrong_base else None
        yield self._finding(
            claim.percent, f"{expected:.2f}",
            Message(f"{word} {claim.percent.text}% 与其数字不符：上年数为 {claim.current.text} {'−' if claim.increase else '+'} "
                    f"{claim.delta.text} = {prior}，变动 {claim.delta.text} 为上年的 {expected:.2f}%",
                    f"the change of {claim.percent.text}% does not follow from its figures: the prior year is "
                    f"{claim.current.text} {'-' if claim.increase else '+'} {claim.delta.text} = {prior}, and "
                    f"{claim.delta.text} is {expected:.2f}% of it"),
            (claim.current, claim.delta), hint, claim.sentence.text)

    def _completion(self, claim: Completion, extra: Decimal) -> Iterator[Finding]:
        expected = misstated_ratio(claim.percent, claim.actual, claim.budget, extra)
        if expected is not None:
            yield self._finding(
                claim.percent, f"{expected:.2f}",
                Message(f"完成预算 {claim.percent.text}% 与其数字不符：{claim.actual.text} / {claim.budget.text} = {expected:.2f}%",
                        f"the completion rate {claim.percent.text}% does not follow from its figures: "
                        f"{claim.actual.text} / {claim.budget.text} = {expected:.2f}%"),
                (claim.budget, claim.actual), None, claim.sentence.text)

    def _shares(self, claim: Split, extra: Decimal) -> Iterator[Finding]:
        for part in claim.parts:
            expected = misstated_ratio(part.share, part.amount, claim.total, extra) if part.share is not None else None
            if expected is not None:
                yield self._finding(
                    part.share, f"{expected:.2f}",
                    Message(f"{part.label} 占 {part.share.text}% 与其数字不符：{part.amount.text} / {claim.total.text} = {expected:.2f}%",
                            f"{part.label}'s share of {part.share.text}% does not follow from its figures: "
                            f"{part.amount.text} / {claim.total.text} = {expected:.2f}%"),
                    (part.amount, claim.total), None, claim.sentence.text)

    def _finding(self, stated: Amount, expected: str, message: Message, figures: tuple[Amount, ...],
                 hint: Message | None, sentence: str) -> Finding:
        return Finding(
            rule=self.id,
            level=self.level,
            message=message,
            location=stated.location,
            related=tuple(Related(a.location, Message(a.text, a.text)) for a in figures),
            logical=f"percent:{sentence[:40]}",
            stated=f"{stated.text}%",
            expected=f"{expected}%",
            hint=hint,
        )
