"""Whether a claim's own figures give what it states, within their rounding.

The `percentage` and `split-total` rules report what does not follow, with these tests;
`unit-mismatch` asks the opposite question of a sentence read with 万元 for a bare 元: do its
figures all fit then (`claim_fits`)? Every
printed figure stands for an interval (half its last digit; a whole number in running text is
exact to the cent), and a claim fits when some values within those intervals give it.
"""
from __future__ import annotations

from decimal import Decimal

from auditlint.model import Amount, Change, Claim, Completion, Share, Split
from auditlint.parse.numbers import half_unit, narrative_radius

HUNDRED = Decimal(100)


def ratio_range(part: Decimal, whole_low: Decimal, whole_high: Decimal, part_radius: Decimal) -> tuple[Decimal, Decimal]:
    """The percentages that printed, rounded figures allow: part ± its rounding over the whole's range."""
    low_part, high_part = part - part_radius, part + part_radius
    return HUNDRED * low_part / whole_high, HUNDRED * high_part / whole_low


def allows(stated: Amount, low: Decimal, high: Decimal, extra: Decimal = Decimal(0)) -> bool:
    """Does the stated percentage, within its rounding (and `extra` points), meet [low, high]?"""
    radius = half_unit(stated.value) + extra
    return stated.value + radius >= low and stated.value - radius <= high


def misstated_ratio(percent: Amount, part: Amount, whole: Amount, extra: Decimal = Decimal(0)) -> Decimal | None:
    """The percentage part/whole gives, when the stated one is beyond what rounding allows."""
    spread = narrative_radius(whole.value)
    if whole.value - spread <= 0:
        return None
    low, high = ratio_range(part.value, whole.value - spread, whole.value + spread, narrative_radius(part.value))
    return None if allows(percent, low, high, extra) else HUNDRED * part.value / whole.value


def misstated_completion(claim: Completion, extra: Decimal = Decimal(0)) -> Decimal | None:
    """The completion rate a claim's figures give, when the stated one is beyond rounding. With
    what was left stated, the rate is 100% less the share left: held to that share, each printed
    figure keeps its own rounding."""
    if claim.left is None:
        return misstated_ratio(claim.percent, claim.actual, claim.budget, extra)
    share_left = Amount(HUNDRED - claim.percent.value, claim.percent.text, claim.percent.location)
    expected = misstated_ratio(share_left, claim.left, claim.budget, extra)
    return None if expected is None else HUNDRED - expected


def percent_fits(percent: Amount, change: Decimal, change_radius: Decimal, base: Decimal, spread: Decimal,
                 extra: Decimal = Decimal(0)) -> bool:
    """Does the stated percentage fit change / base, the change within its radius and the base
    within base ± spread (a base that may be 0 or less gives no percentage)?"""
    return base - spread > 0 and allows(percent, *ratio_range(change, base - spread, base + spread, change_radius), extra)


def change_follows(claim: Change, prior: Amount) -> bool:
    """Is this year's amount less the prior year's the change, within the rounding of all three?"""
    sign = 1 if claim.increase else -1
    radius = narrative_radius(claim.current.value) + narrative_radius(prior.value) + narrative_radius(claim.delta.value)
    return abs(claim.current.value - prior.value - sign * claim.delta.value) <= radius


def split_gap(split: Split) -> tuple[Decimal, Decimal, Decimal]:
    """The parts' sum, the total less that sum, and the rounding radius of all the figures."""
    computed = sum((p.amount.value for p in split.parts), Decimal(0))
    radius = sum((narrative_radius(v) for v in (split.total.value, *(p.amount.value for p in split.parts))), Decimal(0))
    return computed, split.total.value - computed, radius


def split_holds(split: Split, extra: Decimal = Decimal(0)) -> bool:
    """Do the parts make their total (a complete decomposition), or stay within it (an open list)?"""
    _, difference, radius = split_gap(split)
    return abs(difference) <= radius + extra or (not split.complete and difference > 0)


def claim_fits(claim: Claim) -> bool:
    """Do the claim's figures give what it states: the change its two years and its percentage,
    the completion rate its budget and spending, the split's parts their total and shares?"""
    if isinstance(claim, Change):
        return _change_fits(claim)
    if isinstance(claim, Completion):
        return claim.budget.value > 0 and misstated_completion(claim) is None
    if isinstance(claim, Share):
        return False  # its total is a table's: the sentence alone proves nothing
    return _split_fits(claim)


def claim_amounts(claim: Claim) -> list[Amount]:
    """The amounts a claim is made of (its percentages aside)."""
    if isinstance(claim, Change):
        return [a for a in (claim.current, claim.delta, claim.prior) if a is not None]
    if isinstance(claim, Completion):
        return [claim.budget, claim.left or claim.actual]
    if isinstance(claim, Share):
        return [claim.amount]
    return [claim.total, *(p.amount for p in claim.parts)]


def _change_fits(claim: Change) -> bool:
    radius = narrative_radius(claim.delta.value)
    if claim.prior is not None:
        if not change_follows(claim, claim.prior):
            return False
        base, spread = claim.prior.value, narrative_radius(claim.prior.value)
    else:
        base = claim.current.value - (1 if claim.increase else -1) * claim.delta.value
        spread = narrative_radius(claim.current.value) + radius
    if claim.percent is None:
        return claim.prior is not None
    return percent_fits(claim.percent, claim.delta.value, radius, base, spread)


def _split_fits(split: Split) -> bool:
    if not split_holds(split):
        return False
    return all(misstated_ratio(p.share, p.amount, split.total) is None for p in split.parts if p.share is not None)
