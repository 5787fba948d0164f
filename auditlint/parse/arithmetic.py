"""Whether a claim's own figures give what it states, within their rounding.

The `percentage` rule reports a percentage that does not follow, with these ratio helpers;
`unit-mismatch` asks the opposite question of a sentence read with 万元 for a bare 元: do its
figures all fit then (`claim_fits`)? Every
printed figure stands for an interval (half its last digit; a whole number in running text is
exact to the cent), and a claim fits when some values within those intervals give it.
"""
from __future__ import annotations

from decimal import Decimal

from auditlint.model import Amount, Change, Claim, Completion, Split
from auditlint.parse.numbers import half_unit, narrative_radius

HUNDRED = Decimal(100)


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
    spread = narrative_radius(whole.value)
    if whole.value - spread <= 0:
        return None
    low, high = ratio_range(part, whole.value - spread, whole.value + spread, narrative_radius(part.value))
    return None if allows(percent, low, high, extra) else HUNDRED * part.value / whole.value


def claim_fits(claim: Claim) -> bool:
    """Do the claim's figures give what it states: the change its two years and its percentage,
    the completion rate its budget and spending, the split's parts their total and shares?"""
    if isinstance(claim, Change):
        return _change_fits(claim)
    if isinstance(claim, Completion):
        return claim.budget.value > 0 and misstated_ratio(claim.percent, claim.actual, claim.budget) is None
    return _split_fits(claim)


def claim_amounts(claim: Claim) -> list[Amount]:
    """The amounts a claim is made of (its percentages aside)."""
    if isinstance(claim, Change):
        return [a for a in (claim.current, claim.delta, claim.prior) if a is not None]
    if isinstance(claim, Completion):
        return [claim.budget, claim.actual]
    return [claim.total, *(p.amount for p in claim.parts)]


def _change_fits(claim: Change) -> bool:
    sign = 1 if claim.increase else -1
    radius = narrative_radius(claim.delta.value)
    if claim.prior is not None:
        spread = narrative_radius(claim.current.value) + narrative_radius(claim.prior.value)
        if abs(claim.current.value - claim.prior.value - sign * claim.delta.value) > spread + radius:
            return False
        base, spread = claim.prior.value, narrative_radius(claim.prior.value)
    else:
        base = claim.current.value - sign * claim.delta.value
        spread = narrative_radius(claim.current.value) + radius
    if claim.percent is None:
        return claim.prior is not None
    return base - spread > 0 and allows(claim.percent, *ratio_range(claim.delta, base - spread, base + spread, radius))


def _split_fits(split: Split) -> bool:
    computed = sum((p.amount.value for p in split.parts), Decimal(0))
    radius = sum((narrative_radius(v) for v in (split.total.value, *(p.amount.value for p in split.parts))), Decimal(0))
    difference = split.total.value - computed
    if abs(difference) > radius and (split.complete or difference < 0):
        return False
    return all(misstated_ratio(p.share, p.amount, split.total) is None for p in split.parts if p.share is not None)
