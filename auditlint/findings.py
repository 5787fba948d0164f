"""What a check reports: a `Finding`, its `Level`, and a fingerprint that survives edits.

A finding carries everything a reader needs to verify it by hand: the message in both languages,
the primary location, a related location for every other number or sentence involved, and the
values (stated, expected, difference). Reports only format these fields; they never compute.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, fields, replace
from decimal import Decimal
from enum import IntEnum
from typing import Any, Callable, Iterable, Iterator

from auditlint.agreement import Verdict, restatement_verdict
from auditlint.model import Doubt, Fact, Ledger, Location, Restatement, Stated, decimal_places


class Level(IntEnum):
    """How sure and how serious: `error` is a proven contradiction, `note` what rounding explains."""

    NOTE = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, name: str) -> "Level":
        return cls[name.upper()]


@dataclass(frozen=True, slots=True)
class Message:
    """The same text in Chinese and English; `--lang` picks one."""

    zh: str
    en: str

    def get(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


@dataclass(frozen=True, slots=True)
class Related:
    """Another place a finding involves (the first copy of a repeat, a part of a sum, …)."""

    location: Location
    message: Message


@dataclass(frozen=True, slots=True)
class Place:
    """Where a finding sits in a table, by name: what a PDF's line number cannot say to a reader
    (SARIF `logicalLocations`)."""

    table: str
    row: str
    column: str


@dataclass(frozen=True, slots=True)
class Finding:
    """One inconsistency, with the evidence that proves it.

    `logical` names the place without line numbers (a table, row and column, or a quoted text);
    together with the rule, the file and the values it makes the fingerprint, so that a baseline
    still matches after lines above the finding were inserted or deleted.
    """

    rule: str
    level: Level
    message: Message
    location: Location
    related: tuple[Related, ...] = ()
    logical: str = ""
    stated: str | None = None
    expected: str | None = None
    difference: str | None = None
    hint: Message | None = None
    place: Place | None = None
    fingerprint: str = field(default="", compare=False)

    def with_fingerprint(self, occurrence: int = 0) -> "Finding":
        """This finding with its fingerprint set; `occurrence` tells identical findings apart."""
        return replace(self, fingerprint=self.fingerprint_at(self.location.path, occurrence))

    def fingerprint_at(self, path: str, occurrence: int = 0) -> str:
        """The fingerprint this finding has when its file is named `path`: a baseline names files
        relative to itself, not as the command line named them."""
        parts = (self.rule, path, self.logical, self.stated or "", self.expected or "", str(occurrence))
        return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]

    def to_data(self, with_related: bool = True) -> dict[str, Any]:
        """Plain JSON-ready data: how a finding leaves a worker process and enters a report. Built
        field by field, as dataclasses.asdict would build it (its related places a list, as JSON
        has them), without its deep copies: a finding may name hundreds of related places."""
        return {
            "rule": self.rule, "level": self.level.label, "message": _message_data(self.message),
            "location": _location_data(self.location),
            "related": [_related_data(r) for r in self.related] if with_related else [],
            "logical": self.logical, "stated": self.stated, "expected": self.expected, "difference": self.difference,
            "hint": None if self.hint is None else _message_data(self.hint),
            "place": None if self.place is None else {"table": self.place.table, "row": self.place.row,
                                                       "column": self.place.column},
            "fingerprint": self.fingerprint}

    @classmethod
    def from_data(cls, data: dict[str, Any], places: list[Related] | None = None) -> "Finding":
        """The inverse of `to_data` (worker results travel as JSON, never as pickles). With
        `places`, the related places are numbers into it (see pack_findings)."""
        def message(value: dict[str, str] | None) -> Message | None:
            return Message(**value) if value is not None else None

        related = tuple(places[i] for i in data["related"]) if places is not None else \
            tuple(Related(Location(**r["location"]), Message(**r["message"])) for r in data["related"])
        return cls(
            rule=data["rule"], level=Level.parse(data["level"]), message=Message(**data["message"]),
            location=Location(**data["location"]), related=related,
            logical=data["logical"], stated=data["stated"], expected=data["expected"],
            difference=data["difference"], hint=message(data["hint"]),
            place=Place(**data["place"]) if data["place"] is not None else None, fingerprint=data["fingerprint"])

    def sort_key(self) -> tuple:
        loc = self.location
        return (loc.path, loc.page, loc.line, loc.column, self.rule, self.logical, self.message.en)


def pack_findings(findings: Iterable[Finding]) -> dict[str, Any]:
    """A file's findings as plain data, each related place sent once: `{"findings": [finding
    data, its related places as numbers], "places": [related place data]}`. A figure that many
    sentences restate is a related place of each of their findings; listed whole in every one,
    a document that repeats its tables sends (and holds) the square of its length."""
    numbers: dict[tuple[Related, str], int] = {}  # a location's anchor is not compared: it is a key of its own
    packed = []
    for finding in findings:
        data = finding.to_data(with_related=False)
        data["related"] = [numbers.setdefault((place, place.location.anchor), len(numbers)) for place in finding.related]
        packed.append(data)
    return {"findings": packed, "places": [_related_data(place) for place, _ in numbers]}


def unpack_findings(data: dict[str, Any]) -> list[Finding]:
    """The findings pack_findings packed, each related place one shared object."""
    places = [Related(Location(**p["location"]), Message(**p["message"])) for p in data["places"]]
    return [Finding.from_data(finding, places) for finding in data["findings"]]


def _related_data(related: Related) -> dict[str, Any]:
    return {"location": _location_data(related.location), "message": _message_data(related.message)}


def _message_data(message: Message) -> dict[str, str]:
    return {"zh": message.zh, "en": message.en}


_LOCATION_FIELDS = tuple(f.name for f in fields(Location))


def _location_data(location: Location) -> dict[str, Any]:
    return {name: getattr(location, name) for name in _LOCATION_FIELDS}


def shape_hint(stated: Decimal, expected: Decimal) -> Message | None:
    """Name the telltale shape of a wrong number, when it has one: two adjacent digits swapped,
    one digit off, a factor of 10 000 (元 for 万元), a cent of rounding."""
    if stated == expected:
        return None
    if abs(stated - expected) == Decimal("0.01"):
        return Message("相差一分钱，像是四舍五入造成的", "one cent apart: looks like rounding")
    if expected and (stated == expected * 10000 or stated * 10000 == expected):
        return Message("相差一万倍：元与万元混用？", "a factor of 10 000: 元 written for 万元?")
    places = max(decimal_places(stated), decimal_places(expected))
    a, b = f"{abs(stated):.{places}f}", f"{abs(expected):.{places}f}"
    if len(a) != len(b) or (stated < 0) != (expected < 0):
        return None
    diff = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
    if len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]:
        return Message(f"{a} 与 {b} 像是相邻两位数字颠倒", f"{a} and {b} look like two adjacent digits swapped")
    if len(diff) == 1:
        return Message(f"{a} 与 {b} 只差一位数字", f"{a} and {b} differ in one digit")
    return None



def figure_text(fact: Fact) -> str:
    """A table's figure as printed, with its unit, and in 万元 when printed in 元 (the unit the
    narrative and most tables use): "700,400 元 (= 70.04 万元)"."""
    unit = fact.unit or fact.table.unit
    text = f"{fact.amount.text} {unit}".rstrip()
    if unit == "元":
        text += f" (= {(fact.amount.value / 10000).normalize():f} 万元)"
    return text


WITHIN_ROUNDING = Message("，相差在四舍五入误差之内", "; the gap is within rounding")
CLOSE_TO = Message("，相差不足 0.1 个百分点", "; less than 0.1 point apart")


def unconfirmed(doubts: tuple[Doubt, ...] | list[Doubt]) -> Message:
    """What keeps a contradiction from being an error: the doubts about its reading."""
    return Message("，但未能确认：" + "；".join(d.zh for d in doubts),
                   "; not confirmed: " + "; ".join(d.en for d in doubts))


def discrepancy(rule: str, verdict: Verdict, message: Message, location: Location, stated: str, expected: str,
                difference: Decimal | None, *, related: tuple[Related, ...] = (), logical: str = "",
                place: Place | None = None, hint: Message | None = None,
                doubts: tuple[Doubt, ...] | list[Doubt] = (), rounded: Message = WITHIN_ROUNDING) -> Finding | None:
    """The one way a rule reports a stated figure against the figure the document's own numbers
    give. The verdict (auditlint.agreement) decides the level: none when they agree; a note when
    the rounding of the printed figures explains the gap (`rounded` says so); a warning when it
    is close, or when a figure was left blank beside printed parts (a value may have been lost);
    an error when nothing explains it and the reading behind it is corroborated, else a note that
    names what could not be confirmed (`doubts`). The hint names the telltale shape of a wrong
    number, never of a rounding."""
    if verdict == Verdict.AGREES:
        return None
    if verdict == Verdict.ROUNDING:
        level, suffix, hint = Level.NOTE, rounded, None
    elif verdict == Verdict.CLOSE:
        level, suffix = Level.WARNING, CLOSE_TO
    elif verdict == Verdict.BLANK:
        level, suffix = Level.WARNING, None
    elif doubts:
        level, suffix = Level.NOTE, unconfirmed(doubts)
    else:
        level, suffix = Level.ERROR, None
    if suffix is not None:
        message = Message(message.zh + suffix.zh, message.en + suffix.en)
    return Finding(rule=rule, level=level, message=message, location=location, related=related, logical=logical,
                   stated=stated, expected=expected, difference=None if difference is None else str(difference),
                   hint=hint, place=place)


def restated_figure(rule: str, restatement: Restatement, message: Callable[[Stated, Stated], Message],
                    tolerance: Decimal = Decimal(0)) -> Finding | None:
    """The finding on a figure one document states of another's (a checks-across-documents
    rule's): none when any of its readings agrees with the other document's figure of that key,
    or when the other document prints none of them as one figure; else the reading least in
    doubt against that figure, judged as every figure is (discrepancy: rounding a note, a
    contradiction an error unless a reading or a figure it was held to is in doubt). `message`
    says it from the statement and the figure it was held to."""
    judged = [(found[0], statement, found[1]) for statement, sources in restatement.sources
              if (found := restatement_verdict(statement, sources, tolerance)) is not None]
    if not judged or any(verdict == Verdict.AGREES for verdict, _, _ in judged):
        return None
    verdict, statement, source = min(judged, key=lambda j: (j[0], len(j[1].doubts) + len(j[2].doubts)))
    # a contradiction is proven only when every reading of the figure is: any may be the one meant
    doubts = tuple(dict.fromkeys(d for _, s, src in judged for d in (*s.doubts, *src.doubts)))
    difference = statement.value - source.value
    return discrepancy(rule, verdict, message(statement, source), statement.location, f"{statement.value:f}",
                       f"{source.value:f}", difference,
                       related=(Related(source.location, Message(f"所对照的数字：{source.label} {source.text}",
                                                                 f"the figure it was held to: {source.label} {source.text}")),),
                       logical=f"{rule}:{statement.subject}|{statement.column}|{statement.scope}|{statement.owner}|"
                               f"{statement.year}",
                       hint=shape_hint(statement.value, source.value), doubts=doubts)


class AcrossDocuments:
    """What every rule across documents does alike: nothing within one document, and, for a
    pair the index makes of its `relation`, a finding (restated_figure) for each restatement of
    the earlier document's figures by the later one. A rule says its `message` (from the two
    documents, the statement and the figure it was held to), and whether the later document
    states the earlier one's figures as those of a unit it lists (`of_a_unit`)."""

    id: str
    of_a_unit = False

    def check(self, doc: Any, options: Any) -> Iterator[Finding]:
        """Nothing within one document: the rule holds a document to another (`across`)."""
        return iter(())

    def across(self, later: Ledger, earlier: Ledger, options: Any) -> Iterator[Finding]:
        """Every figure `later` states of `earlier`'s against `earlier`'s own."""
        say = self.message(later, earlier)
        for restatement in later.restatements(earlier, owner=earlier.key if self.of_a_unit else ""):
            finding = restated_figure(self.id, restatement, say, options.tolerance)
            if finding is not None:
                yield finding

    def message(self, later: Ledger, earlier: Ledger) -> Callable[[Stated, Stated], Message]:
        """How the rule words a finding of this pair, from the statement and its figure."""
        raise NotImplementedError


def compared(restatement: Restatement) -> bool:
    """Was a restatement held to the other document's figure: does that document print one of
    its keys as one figure?"""
    return any(restatement_verdict(statement, sources) is not None for statement, sources in restatement.sources)
