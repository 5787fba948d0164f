"""Indicator weights of a performance form: each indicator's points and the group they make up.

A 项目支出绩效自评表 shares the points of its 年度绩效目标 among indicators in three levels: a first
level (产出指标, 效益指标, 满意度指标) with its points in a cell of its own ("45 分"), a second
level (数量指标, 社会效益指标, …) with its points, if any, in its cell ("社会效益指标 (15 分)"),
and the indicators themselves ("免费复印及时率 (4 分)"). A group's points are the sum of its
indicators' points, as the parts of a total are.

Forms are laid out loosely: a row's cells may start a column early or late, and a first-level
group's row can be lost in extraction. So cells are read in order, not by column, and a group
is only summed when everything read inside it belongs to it: a second-level name of another
first level inside a group means its end was not read.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Iterator

import regex

from auditlint.patterns import compile_lazily
from auditlint.model import Amount, Cell, Document, Line
from auditlint.parse.forms import form_regions
from auditlint.parse.pieces import SPACES

_POINTS = r"(?P<points>\d{1,3}(?:\.\d{1,2})?)\s*分"
# 年度绩效目标 (80 分), 年度绩效指标 (24分): the points the indicators share.
SECTION = compile_lazily(rf"^年度绩效(?:目标|指标)\s*[（(]\s*{_POINTS}\s*[)）]$")
# "45 分" alone in a cell, before the first-level name.
GROUP_POINTS = compile_lazily(rf"^{_POINTS}$")
# "… (4 分)" ending a cell: an indicator's points, or a second level's.
CELL_POINTS = compile_lazily(rf"[（(]\s*{_POINTS}\s*[)）]$")
SECTION_END = compile_lazily(r"^总\s*分")
# The name a section's group is reported under.
SECTION_NAME = "年度绩效目标"

# The second levels of each first level, as the national template of 绩效自评表 names them.
LEVELS: dict[str, frozenset[str]] = {
    "产出指标": frozenset({"数量指标", "质量指标", "时效指标", "成本指标"}),
    "效益指标": frozenset({"经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"}),
    "满意度指标": frozenset({"服务对象满意度指标"}),
    "成本指标": frozenset({"经济成本指标", "社会成本指标", "生态环境成本指标"}),
}
_FIRST_OF = {second: first for first, seconds in LEVELS.items() for second in seconds}


@dataclass
class WeightGroup:
    """A first- or second-level indicator group: its name, its stated points (None when it states
    none), the points of the indicators read under it, and whether all it holds belongs to it."""

    name: str
    points: Amount | None
    parts: list[tuple[str, Amount]] = field(default_factory=list)
    whole: bool = True


def weight_groups(doc: Document) -> Iterator[WeightGroup]:
    """Every indicator group of every performance form whose points can be summed: it states its
    points, has indicators, and nothing foreign was read inside it."""
    for _, lines in form_regions(doc):
        for group in _groups(lines):
            if group.whole and group.points is not None and group.parts:
                yield group


def _groups(lines: tuple[Line, ...]) -> list[WeightGroup]:
    """The groups of one form's sections, cell by cell: a section opens at 年度绩效目标 (N 分) and
    closes at 总分; in it, points alone in a cell name the first level of the next cell, a
    second-level name opens a group within its first level, and any other cell ending in points
    is an indicator of the groups open. The section itself is a group whose parts are its first
    levels' points. A line with no points at all inside a section (an indicator without points,
    or one wrapped apart from them) leaves the open groups unsure; a first level without points,
    or one whose row was lost (a second level of another first level read inside a group),
    leaves the section unsure."""
    groups: list[WeightGroup] = []
    section: WeightGroup | None = None
    first: WeightGroup | None = None
    second: WeightGroup | None = None
    in_section = False
    pending: Amount | None = None  # a first level's points, waiting for its name in the next cell
    for line in lines:
        cells = [(c, SPACES.sub("", c.text)) for c in line.cells if c.text.strip()] if line.delimited else []
        if in_section and cells and SECTION_END.match(cells[0][1]):
            in_section, first, second = False, None, None
        if in_section and cells and not any(CELL_POINTS.search(text) or GROUP_POINTS.match(text) for _, text in cells):
            for group in (section, first, second):
                if group is not None:
                    group.whole = False  # an indicator without points, or one wrapped apart from them
        for cell, text in cells:
            if (opened := SECTION.match(text)) is not None:
                in_section, first, second, pending = True, None, None, None
                section = WeightGroup(SECTION_NAME, _amount(cell, opened))
                groups.append(section)
                continue
            if not in_section:
                continue
            if pending is not None:
                if text not in LEVELS:
                    in_section = False  # points before something that is no first level: not understood
                    if section is not None:
                        section.whole = False
                    break
                first, second = WeightGroup(text, pending), None
                groups.append(first)
                if section is not None:
                    section.parts.append((text, pending))
                pending = None
                continue
            if (match := GROUP_POINTS.match(text)) is not None:
                pending = _amount(cell, match)
                continue
            weighed = CELL_POINTS.search(text)
            name = text[:weighed.start()] if weighed else text
            points = _amount(cell, weighed) if weighed else None
            if name in LEVELS and not (first is not None and name in LEVELS[first.name]):
                first, second = WeightGroup(name, points), None
                groups.append(first)
                if section is not None:
                    if points is None:
                        section.whole = False
                    else:
                        section.parts.append((name, points))
            elif name in _FIRST_OF:
                if first is None or _FIRST_OF[name] != first.name:
                    if first is not None:
                        first.whole = False  # another first level's part: this group's end was lost
                    if section is not None:
                        section.whole = False  # and that first level's row with its points
                    first = None
                second = WeightGroup(name, points)
                groups.append(second)
            elif points is not None:
                for group in (first, second):
                    if group is not None:
                        group.parts.append((name, points))
    return groups


# The points a self-evaluation gives its budget execution: "预算执行情况（万元）（20 分）".
EXECUTION_POINTS = compile_lazily(rf"^预算执行情况(?:[（(]万元[)）])?\s*[（(]\s*{_POINTS}\s*[)）]$")
def form_scales(doc: Document) -> Iterator[tuple[Amount, Amount]]:
    """Each self-evaluation that prints the points of its budget execution and of its 年度绩效目标,
    once each: the two, which make the form's full score."""
    for _, lines in form_regions(doc):
        execution: list[Amount] = []
        section: list[Amount] = []
        for line in lines:
            for cell in (c for c in line.cells if c.text.strip()) if line.delimited else ():
                text = SPACES.sub("", cell.text)
                if (match := EXECUTION_POINTS.match(text)) is not None:
                    execution.append(_amount(cell, match))
                elif (match := SECTION.match(text)) is not None:
                    section.append(_amount(cell, match))
        if len(execution) == 1 and len(section) == 1:
            yield execution[0], section[0]


def _amount(cell: Cell, match: regex.Match) -> Amount:
    """The points of a match in a cell's compacted text, located at the cell."""
    text = match.group("points")
    return Amount(Decimal(text), text, cell.location)
