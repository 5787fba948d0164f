"""A department's name written with two different second names.

A department of two names prints both, the second in brackets: 武汉市洪山区行政审批局（武汉市洪山区
政务服务局）. Its title, its 概况, every table's 部门： line and every unit row restate the pair;
a second name written two ways (…（武汉市洪山区政务服务中心） on the cover, …（…政务服务局） in the
tables) leaves the reader with two names for one body, one of them not its own.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Iterator

from auditlint import domain
from auditlint.model import Location, Source


@dataclass(frozen=True, slots=True)
class TwoNames:
    """A department's name printed with two second names: the one printed less often (where
    first printed, how often), and the other (where first printed, how often)."""

    name: str
    rare: str
    rare_at: Location
    rare_count: int
    usual: str
    usual_at: Location
    usual_count: int


def second_names(sources: Iterable[Source]) -> Iterator[TwoNames]:
    """Every department name printed with two different second names in brackets, in any of the
    files of a document."""
    seen: dict[str, dict[str, list[Location]]] = {}
    for source, line in ((source, line) for source in sources for line in source.lines):
        if not domain.BODY_BEFORE_BRACKET.search(line.text):
            continue  # no body's name before a bracket: most lines, which the full pattern is slow to rule out
        for match in domain.NAME_WITH_SECOND.finditer(line.text):
            location = Location(source.path, line.number, match.start("second") + 1, line.number,
                                match.end("second") + 1, line.page)
            seen.setdefault(match.group("name"), {}).setdefault(match.group("second"), []).append(location)
    for name, seconds in seen.items():
        if len(seconds) != 2:
            continue  # three or more: a list of units, each its own
        (usual, usual_at), (rare, rare_at) = sorted(seconds.items(), key=lambda pair: (-len(pair[1]), pair[1][0].line))
        yield TwoNames(name, rare, rare_at[0], len(rare_at), usual, usual_at[0], len(usual_at))
