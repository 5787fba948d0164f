"""When printed figures agree: the one arithmetic of agreement every rule uses.

Every printed value stands for an interval: v printed with d decimals is [v − ½·10^−d, v + ½·10^−d]
(XBRL Calculations 1.1 treats rounded facts the same way), so a figure printed without cents, in a
table or in running text, brings ±0.5 (a bare 0, which says "none", is exact). Two figures agree
when their intervals meet; a total agrees with its parts when the sum's interval meets the total's.
A configured tolerance (`Options`) widens every comparison of a rule by a fixed amount, in the unit
of the compared figures (percentage points for percentages).

A gap is then judged once, here (`Verdict`): none at all; one the rounding of the printed figures
explains (a note, never an error); for a percentage, one that only a truncated ratio explains
(10.158% printed 10.15%: a note too) or a gap under a tenth of a point (a warning); beyond that,
a contradiction. Whether a contradiction is reported as an error is not decided here but by the
check, from whether the reading behind it is corroborated (DESIGN.md).
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import IntEnum

from auditlint.model import Amount, Change, Claim, Completion, Fact, Share, Split, Stated, decimal_places, radius

ZERO = Decimal(0)
HUNDRED = Decimal(100)
# A percentage off by less than this many points, and not by rounding, is a warning, not an error.
CLOSE_POINTS = Decimal("0.1")


@dataclass(frozen=True)
class Options:
    """What a rule is told besides the document: its tolerance, typed once from the configuration."""

    tolerance: Decimal = ZERO


class Verdict(IntEnum):
    """How a stated figure stands to the figure its document's own numbers give."""

    AGREES = 0        # the same, to the printed digit
    ROUNDING = 1      # a gap the rounding of the printed figures (or a truncated ratio) explains
    CLOSE = 2         # a percentage off by less than CLOSE_POINTS: likely a slip of the last digit
    BLANK = 3         # a figure left blank where its parts are printed, or the reverse: perhaps lost
    CONTRADICTS = 4   # beyond any rounding


# Half a cent: how far a figure printed to the cent may be from its true value.
HALF_CENT = Decimal("0.005")


def to_the_cent(amounts: list[Amount]) -> bool:
    """Does a claim of the narrative print any of its amounts with decimals? Then its whole
    numbers are exact too ("预算数为5万元，执行数为4.76万元": the writer rounds none of them), where
    a narrative of whole amounts only (40,870 = 30,441 + 5,000 + 5,428) rounds every one."""
    return any(decimal_places(a.value) for a in amounts)


def figure_radius(value: Decimal, precise: bool) -> Decimal:
    """The rounding radius of a narrative figure among figures printed to the cent (`precise`):
    a whole number there is exact to the cent; elsewhere each figure has its own (radius)."""
    return HALF_CENT if precise and value != 0 and not decimal_places(value) else radius(value)


def sum_gap(total: Decimal, parts: list[Decimal]) -> tuple[Decimal, Decimal]:
    """(difference, rounding radius) of a total against its parts: they agree when the
    difference is within the radius, i.e. when the total's interval meets the sum's."""
    difference = total - sum(parts, ZERO)
    return difference, radius(total) + sum((radius(p) for p in parts), ZERO)


def adds_up(total: Decimal, parts: list[Decimal], tolerance: Decimal = ZERO) -> bool:
    """Does the total equal its parts, within the rounding of every printed figure (sum_gap)?"""
    if total == sum(parts, ZERO) and tolerance >= 0:
        return True  # to the digit, as most sums do: no rounding radius to weigh
    difference, spread = sum_gap(total, parts)
    return abs(difference) <= spread + tolerance


# What one printed unit is worth in 万元: tables print in 元 or 万元, the narrative in 万元.
IN_WAN_YUAN = {"万元": Decimal(1), "元": Decimal("0.0001")}


def in_wan_yuan(value: Decimal, unit: str) -> tuple[Decimal, Decimal] | None:
    """A printed amount in 万元, with its rounding radius scaled alike (1,234,567 元 is 123.4567
    万元 ± 0.00005); None when its unit is not known."""
    scale = IN_WAN_YUAN.get(unit)
    return None if scale is None else (value * scale, radius(value) * scale)


def fact_in_wan_yuan(fact: Fact) -> tuple[Decimal, Decimal]:
    """A table's figure in 万元 with its rounding radius; as printed when its table's unit is not
    known (that table's reading is then in doubt, and no contradiction with it can be an error)."""
    value = fact.amount.value
    return in_wan_yuan(value, fact.unit or fact.table.unit) or (value, radius(value))


def amount_verdict(difference: Decimal, spread: Decimal, tolerance: Decimal = ZERO) -> Verdict:
    """The verdict on a gap between amounts, given the rounding radius of the figures involved."""
    if difference == 0:
        return Verdict.AGREES
    return Verdict.ROUNDING if abs(difference) <= spread + tolerance else Verdict.CONTRADICTS


def percent_verdict(stated: Amount, exact: Decimal, low: Decimal, high: Decimal, tolerance: Decimal = ZERO) -> Verdict:
    """The verdict on a stated percentage against what its figures give: `exact` from the printed
    values, [low, high] from their intervals. The same as `exact` rounded to the stated decimals
    agrees; one that a value of [low, high] rounds or truncates to is rounding; within
    CLOSE_POINTS of [low, high], close; beyond, a contradiction."""
    value, places = stated.value, Decimal(1).scaleb(-decimal_places(stated.value))
    if value == exact.quantize(places, ROUND_HALF_UP):
        return Verdict.AGREES
    half = radius(value) + tolerance
    rounds_to = value - half <= high and value + half >= low
    truncates_to = value - tolerance <= high and value + places + tolerance > low
    if rounds_to or truncates_to:
        return Verdict.ROUNDING
    gap = low - value if value < low else value - high
    return Verdict.CLOSE if gap < CLOSE_POINTS else Verdict.CONTRADICTS


@dataclass(frozen=True)
class Ratio:
    """A percentage that printed figures give: `exact` from the printed values, [low, high] from
    their intervals (the part at its extremes over the whole at the other)."""

    exact: Decimal
    low: Decimal
    high: Decimal


def ratio(part: Decimal, whole: Decimal, part_radius: Decimal | None = None,
          whole_radius: Decimal | None = None) -> Ratio | None:
    """part / whole in percent, with the rounding of both (each its own, unless a radius is given:
    a base derived from two printed figures carries both their radii); None when the whole may
    be 0 or less, which gives no percentage."""
    part_radius = radius(part) if part_radius is None else part_radius
    whole_radius = radius(whole) if whole_radius is None else whole_radius
    if whole - whole_radius <= 0:
        return None
    return Ratio(HUNDRED * part / whole, HUNDRED * (part - part_radius) / (whole + whole_radius),
                 HUNDRED * (part + part_radius) / (whole - whole_radius))


def ratio_verdict(stated: Amount, found: Ratio | None, tolerance: Decimal = ZERO) -> Verdict:
    """percent_verdict of a Ratio; a ratio with no base (None) contradicts nothing."""
    return Verdict.AGREES if found is None else percent_verdict(stated, found.exact, found.low, found.high, tolerance)


def claim_ratio(part: Amount, whole: Amount, claim: Claim) -> Ratio | None:
    """part / whole, two figures of one claim, each with its rounding among the claim's figures."""
    precise = to_the_cent(claim_amounts(claim))
    return ratio(part.value, whole.value, figure_radius(part.value, precise), figure_radius(whole.value, precise))


def completion_ratio(claim: Completion) -> tuple[Amount, Ratio | None]:
    """The percentage a completion claim is held to, and what its figures give. With what was
    left stated, the rate is held as 100% less the share left: each printed figure keeps its own
    rounding."""
    if claim.left is None:
        return claim.percent, claim_ratio(claim.actual, claim.budget, claim)
    share_left = Amount(HUNDRED - claim.percent.value, claim.percent.text, claim.percent.location)
    return share_left, claim_ratio(claim.left, claim.budget, claim)


def change_base(claim: Change) -> tuple[Decimal, Decimal]:
    """The prior year's amount a change implies (this year's less an increase, plus a decrease)
    and its rounding radius, which carries both figures'."""
    sign = -1 if claim.increase else 1
    precise = to_the_cent(claim_amounts(claim))
    return (claim.current.value + sign * claim.delta.value,
            figure_radius(claim.current.value, precise) + figure_radius(claim.delta.value, precise))


def change_follows(claim: Change, prior: Amount, tolerance: Decimal = ZERO) -> bool:
    """Is this year's amount less the prior year's the change, within the rounding of all three?"""
    sign = 1 if claim.increase else -1
    precise = to_the_cent([*claim_amounts(claim), prior])
    spread = sum((figure_radius(a.value, precise) for a in (claim.current, prior, claim.delta)), ZERO)
    return abs(claim.current.value - prior.value - sign * claim.delta.value) <= spread + tolerance


def split_gap(split: Split) -> tuple[Decimal, Decimal, Decimal]:
    """The parts' sum, the total less that sum, and the rounding radius of all the figures."""
    computed = sum((p.amount.value for p in split.parts), ZERO)
    precise = to_the_cent(claim_amounts(split))
    spread = sum((figure_radius(v, precise) for v in (split.total.value, *(p.amount.value for p in split.parts))), ZERO)
    return computed, split.total.value - computed, spread


def parts_fit(difference: Decimal, spread: Decimal, complete: bool, tolerance: Decimal = ZERO) -> bool:
    """Do parts that miss their total by `difference` make it, within the rounding `spread` (a
    complete decomposition), or stay within it (an open list, which may fall short)?"""
    return abs(difference) <= spread + tolerance or (not complete and difference > 0)


def split_holds(split: Split, tolerance: Decimal = ZERO) -> bool:
    """Do the parts make their total (a complete decomposition), or stay within it (an open list)?"""
    _, difference, spread = split_gap(split)
    return parts_fit(difference, spread, split.complete, tolerance)


def claim_fits(claim: Claim) -> bool:
    """Do the claim's figures give what it states, within rounding: the change its two years and
    its percentage, the completion rate its budget and spending, the split's parts their total
    and shares?"""
    if isinstance(claim, Change):
        return _change_fits(claim)
    if isinstance(claim, Completion):
        return claim.budget.value > 0 and ratio_verdict(*completion_ratio(claim)) <= Verdict.ROUNDING
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


def change_ratio(claim: Change, base: Decimal, spread: Decimal) -> Ratio | None:
    """The change over a base of the given radius, the change with its rounding among the claim's
    figures."""
    precise = to_the_cent(claim_amounts(claim))
    return ratio(claim.delta.value, base, figure_radius(claim.delta.value, precise), spread)


def _change_fits(claim: Change) -> bool:
    if claim.prior is not None:
        if not change_follows(claim, claim.prior):
            return False
        base, spread = claim.prior.value, figure_radius(claim.prior.value, to_the_cent(claim_amounts(claim)))
    else:
        base, spread = change_base(claim)
    if claim.percent is None:
        return claim.prior is not None
    found = change_ratio(claim, base, spread)
    return found is not None and ratio_verdict(claim.percent, found) <= Verdict.ROUNDING


def _split_fits(split: Split) -> bool:
    if not split_holds(split):
        return False
    return all(ratio_verdict(p.share, claim_ratio(p.amount, split.total, split)) <= Verdict.ROUNDING
               for p in split.parts if p.share is not None)


def restatement_verdict(stated: Stated, sources: tuple[Stated, ...], tolerance: Decimal = ZERO
                        ) -> tuple[Verdict, Stated] | None:
    """How a figure one document states of another's stands to that document's own figure of
    the same key (both in 万元, each with its rounding radius): the verdict and the figure it was
    held to; None when the other document prints that key as several different figures (it
    disagrees with itself there, which its own rules report; its ledger keeps none of them,
    auditlint.parse.across) or not at all."""
    values = {source.value for source in sources}
    if len(values) != 1:
        return None
    source = next((s for s in sources if not s.doubts), sources[0])
    return amount_verdict(stated.value - source.value, stated.radius + source.radius, tolerance), source
