"""The Check protocol and how checks are found.

Built-in checks are registered in the `auditlint.checks` entry-point group exactly as a
third-party plugin is (the flake8 model): the core knows no rule by name, so a plugin is a
first-class citizen and a built-in rule has no private back door.
"""
from __future__ import annotations

import textwrap
from dataclasses import dataclass
from typing import Any, Iterator, Protocol, runtime_checkable

from auditlint.agreement import Options
from auditlint.findings import Finding, Level
from auditlint.model import Document
from auditlint.registry import load, registered

ENTRY_POINT_GROUP = "auditlint.checks"


@runtime_checkable
class Check(Protocol):
    """A rule: an id, a default level, and a read-only pass over a Document.

    The class docstring is the rule's documentation: its first line is the one-line summary that
    `auditlint rules` prints, the rest is the full description. Optional class attributes give
    them in Chinese (`--lang zh`): `summary_zh`, one line, and `explain_zh`, at least what the rule
    checks, why it matters and how to suppress it; without them the English is shown.
    """

    id: str
    level: Level

    def check(self, doc: Document, options: Options) -> Iterator[Finding]: ...


class PluginError(Exception):
    """A registered check could not be loaded or does not follow the protocol."""


@dataclass(frozen=True)
class RuleInfo:
    """What reports and `auditlint rules` say about a rule, taken from its check class."""

    id: str
    name: str  # the check's class name, a PascalCase identifier as SARIF wants
    level: Level
    summary: str
    description: str
    origin: str  # the distribution that registered it
    tolerance: bool = False  # takes a configured tolerance (its check sets `takes_tolerance`)
    summary_zh: str = ""  # the summary in Chinese, when the check gives one
    description_zh: str = ""  # its explanation in Chinese, when the check gives one

    def summary_in(self, lang: str) -> str:
        """The one-line summary in `lang`, in English where the check gives no Chinese."""
        return self.summary_zh if lang == "zh" and self.summary_zh else self.summary

    def description_in(self, lang: str) -> str:
        """The documentation in `lang`: in Chinese, the Chinese text then the full English one
        (the Chinese gives what, why and how to suppress; the English every detail)."""
        if lang == "zh" and self.description_zh:
            return f"{self.description_zh}\n\n详细说明（英文）：\n\n{self.description}"
        return self.description


def describe(rule: Any, origin: str = "") -> RuleInfo:
    """Split a rule's docstring into its one-line summary and the rest. `rule` is a check, or
    any object with an id, a level and a documented class (the engine's own rules)."""
    doc = (type(rule).__doc__ or rule.id).strip()
    summary, _, rest = doc.partition("\n")
    return RuleInfo(rule.id, type(rule).__name__, rule.level, summary.strip(), textwrap.dedent(rest).strip(),
                    origin, bool(getattr(rule, "takes_tolerance", False)),
                    str(getattr(rule, "summary_zh", "")).strip(),
                    textwrap.dedent(str(getattr(rule, "explain_zh", ""))).strip())


def load_checks() -> list[tuple[Check, RuleInfo]]:
    """Instantiate every registered check, sorted by rule id.

    Raises PluginError when two checks claim one id or an entry point does not give a Check:
    silently dropping a rule would make a clean report meaningless. The same object registered
    twice under one id (an installed distribution's metadata next to a renamed one's) is one
    check.
    """
    loaded: dict[str, tuple[Check, RuleInfo]] = {}
    sources: dict[str, str] = {}  # the object each id loads ("auditlint.checks.x:X")
    for ep in registered(ENTRY_POINT_GROUP):
        if sources.get(ep.name) == ep.value:
            continue  # the same check listed twice (metadata left by a renamed distribution): one rule
        try:
            factory = load(ep.value)
            check = factory()
        except Exception as exc:  # a broken plugin must name itself, not crash the run
            raise PluginError(f"cannot load check {ep.name!r} ({ep.value}): {exc}") from exc
        if not isinstance(check, Check) or not isinstance(check.level, Level):
            raise PluginError(f"{ep.value} is not an auditlint check (needs id, level, check())")
        if check.id != ep.name:
            raise PluginError(f"entry point {ep.name!r} loads a check whose id is {check.id!r}")
        info = describe(check, ep.distribution)
        if check.id in loaded and loaded[check.id][1].origin != info.origin:
            raise PluginError(f"two checks claim the id {check.id!r}")
        loaded[check.id] = (check, info)
        sources[check.id] = ep.value
    return [loaded[key] for key in sorted(loaded)]
