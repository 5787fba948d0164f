"""Indicators that forms restate of each other: the same indicator's target in two grids, and
an indicator row a grid lists twice.

A department prints its overall form (部门整体支出绩效目标表) as a copy of its projects' goals, a
grid per goal, long-term and annual, and each project's form prints its own grids; a project's
self-evaluation restates its annual targets. The same indicator (by its name, read without
spaces, numbering and the kind of its brackets) must then state the same target in both.

Two grids restate each other when they state the same term (长期 or 年度: a long-term ≤600万元
does not restate a year's 802万元) and are the same goal: two grids of forms of one project, or a
grid of a form naming no project (the department's) and the one project grid that shares most of
its indicators, at least half of them. A form with doubts is not read so: a row lost or moved
could make two indicators look alike. Only targets that state one number are compared.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Iterator, Sequence

from auditlint.patterns import compile_lazily
from auditlint.domain import forms as words
from auditlint.model import Form, Indicator, IndicatorRestatement, Scored, Target
from auditlint.parse.numbers import parse_amount


_SPACE = compile_lazily(r"\s")


def target(text: str) -> Target | None:
    """The one number of a target with its unit ("≥7万件", "< 101.8万", "合同金额=802万元"), or
    None when it states none or several ("提升", "≤3个工作日/5个工作日")."""
    numbers = words.TARGET_NUMBER.findall(text)
    match = words.TARGET.match(_SPACE.sub("", text).translate(words.BRACKETS))
    if len(numbers) != 1 or match is None:
        return None
    value = parse_amount(match.group("number"))
    if value is None:
        return None
    multiplier = match.group("multiplier") or ""
    unit = match.group("unit") or ""
    return Target(match.group("number"), value, value * words.MULTIPLIERS.get(multiplier, 1), unit,
                  not multiplier and not unit, match.group("before"))


def same_target(a: Target, b: Target) -> bool | None:
    """Whether two targets state one figure; None when they cannot be compared (units of two
    kinds). A bare number agrees with the number printed beside a unit (26 with 26万 would, 26
    with 26.07万 does not), a fraction with its percentage (0.99 with 99%)."""
    if a.bare or b.bare:
        bare, other = (a, b) if a.bare else (b, a)
        return bare.value in (other.value, other.scaled) or (other.unit == "%" and bare.value * 100 == other.value)
    if a.unit and b.unit and a.unit != b.unit:
        return None
    return a.scaled == b.scaled


def indicator_name(name: str) -> str:
    """An indicator's name as compared: without spaces, numbering or quotes, brackets of one kind."""
    return words.INDICATOR_NAME_NOISE.sub("", name).translate(words.BRACKETS)


def restatements(forms: Sequence[Form]) -> Iterator[IndicatorRestatement]:
    """Each indicator restated in another grid of the same goal, with the grid it restates."""
    certain = [form for form in forms if not form.doubts]
    projects: dict[str, list[Form]] = defaultdict(list)
    for form in certain:
        name = form.field("项目名称")
        if name is not None:
            projects[words.project_key(name.text)].append(form)
    for same in projects.values():
        whose = _project(same[0])
        for earlier, later in zip(same, same[1:]):
            if earlier.list_line and earlier.list_line == later.list_line:
                continue  # two rows of one list are two projects (of two units), whatever their names
            for term in {i.term for i in later.indicators if i.term}:
                yield from _pairs(_rows(later, term), _rows(earlier, term), whose)
    project_grids = [(_project(same[0]), grid) for same in projects.values() for form in same for grid in _grids(form)]
    for form in certain:
        if form.field("项目名称") is not None:
            continue
        for grid in _grids(form):
            match = _goal_of(grid, [(name, g) for name, g in project_grids if g[0].term == grid[0].term])
            if match is not None:
                yield from _pairs(grid, match[1], match[0])


def _project(form: Form) -> str:
    """A project's name as its form prints it."""
    field = form.field("项目名称")
    return field.text if field is not None else ""


def _grids(form: Form) -> list[list[Indicator]]:
    """A form's grids of a stated term, each its indicators in order."""
    grids: dict[int, list[Indicator]] = defaultdict(list)
    for indicator in form.indicators:
        if indicator.term:
            grids[indicator.grid].append(indicator)
    return list(grids.values())


def _rows(form: Form, term: str) -> list[Indicator]:
    return [i for i in form.indicators if i.term == term]


def _goal_of(grid: list[Indicator], candidates: list[tuple[str, list[Indicator]]]
             ) -> tuple[str, list[Indicator]] | None:
    """The project grid a department's grid copies: the one sharing most of its indicator names,
    at least two and half of the grid's, and no other sharing as many."""
    names = {indicator_name(i.name) for i in grid}
    scored = sorted(((len(names & {indicator_name(i.name) for i in g}), name, g) for name, g in candidates),
                    key=lambda item: item[0], reverse=True)
    if not scored or scored[0][0] < max(2, (len(names) + 1) // 2):
        return None
    if len(scored) > 1 and scored[1][0] == scored[0][0]:
        return None
    return scored[0][1], scored[0][2]


def _pairs(stated: list[Indicator], source: list[Indicator], whose: str) -> Iterator[IndicatorRestatement]:
    """Each indicator of `stated` with the indicator of its name in `source`, when each grid
    names it once (an indicator named twice with two targets is no single figure) and both
    targets state one number."""
    by_name = _unique(source)
    for name, indicator in _unique(stated).items():
        if name not in by_name:
            continue
        a, b = target(indicator.target), target(by_name[name].target)
        if a is not None and b is not None:
            yield IndicatorRestatement(indicator, by_name[name], whose, a, b, same_target(a, b))


def _unique(grid: list[Indicator]) -> dict[str, Indicator]:
    """The indicators of a grid by name, leaving out a name stated with two different targets."""
    found: dict[str, Indicator] = {}
    clashing: set[str] = set()
    for indicator in grid:
        name = indicator_name(indicator.name)
        if name in found and _compact(found[name].target) != _compact(indicator.target):
            clashing.add(name)
        found.setdefault(name, indicator)
    return {name: indicator for name, indicator in found.items() if name not in clashing}


def duplicated_indicators(forms: Sequence[Form]) -> Iterator[tuple[Indicator, Indicator]]:
    """Each indicator row that repeats an earlier row of its grid (the same name, target and
    actual value, under whatever group), with that earlier row. Two rows read alike are a
    repeat even in a form with doubts: a doubt is about rows not read."""
    for form in forms:
        seen: dict[tuple[int, str, str, str], Indicator] = {}
        for indicator in form.indicators:
            key = (indicator.grid, indicator_name(indicator.name), _compact(indicator.target),
                   _compact(indicator.actual or ""))
            if key in seen:
                yield indicator, seen[key]
            else:
                seen[key] = indicator


def _compact(text: str) -> str:
    return _SPACE.sub("", text)


def target_met(indicator: Indicator) -> bool | None:
    """Whether an indicator's actual value meets its target, or None when it cannot be told: a
    target or an actual of no single number, units of two kinds, or a target that says neither
    at least nor at most (a 100% rate is at least)."""
    goal, actual = target(indicator.target), target(indicator.actual or "")
    if goal is None or actual is None or same_target(goal, actual) is None or goal.bare != actual.bare:
        return None
    said = goal.before + goal.unit  # 以上 and 以内 follow the number
    at_least, at_most = words.AT_LEAST.search(said), words.AT_MOST.search(said)
    if at_least and not at_most or not (at_least or at_most) and goal.unit == "%" and goal.value == 100:
        return actual.scaled >= goal.scaled
    if at_most and not at_least:
        return actual.scaled <= goal.scaled
    return None


def contradicted_scores(forms: Sequence[Form]) -> Iterator[Scored]:
    """Self-evaluated indicators scored against their actual value: full points though the
    target was missed, or less than full though it was met."""
    for form in forms:
        for indicator in form.indicators:
            if indicator.weight is None or indicator.score is None:
                continue
            met = target_met(indicator)
            full = indicator.score.value == indicator.weight.value
            if met is False and full:
                yield Scored(indicator, False)
            elif met is True and indicator.score.value < indicator.weight.value:
                yield Scored(indicator, True)
