"""Regular expressions compiled when first used, not when their module is imported.

The engine defines some 400 patterns at module level (domain words, sentence shapes, table
labels), and the `regex` module compiles one in most of a millisecond: compiling them all was
half of what `auditlint` took to start on a page of text, which uses fewer than half of them. A
pattern made here compiles itself the first time it is asked anything; from then on each of its
methods is the compiled pattern's own, bound in its dictionary, so a hot loop pays nothing. A run
that forks its workers compiles what the first file needs once per worker, as a warm process.

A pattern is compiled by the standard library's `re` where `re` reads it (most of them), and by
`regex` where it needs what only `regex` has (Unicode properties such as `\\p{Han}`, a lookbehind
of varying width, a group name used in two branches, keyword options). `re` compiles one in half
the time and matches a short line in about two thirds: over a year's documents, several million
calls. For the patterns both read, `regex` in its default version 0 is written to behave as `re`
does; the engine's findings on the corpus, seeds and samples were the same to the byte with either.
"""
from __future__ import annotations

import re
from typing import Any

import regex

# What is bound on first use: every method and attribute a caller asks of a compiled pattern.
_BOUND = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner", "flags",
          "groups", "groupindex")


class LazyPattern:
    """A pattern that compiles on first use and then behaves as the compiled one (its methods
    bound here). `pattern`, its source, is known without compiling: patterns are built from
    other patterns' sources."""

    def __init__(self, source: str, flags: int = 0, **options: Any) -> None:
        self.__dict__.update(pattern=source, _flags=flags, _options=options)
        _MADE.append(self)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # copy, pickle and the like ask for what no pattern has
            raise AttributeError(name)
        compiled = self.__dict__.get("compiled")
        if compiled is None:  # first use; an attribute not bound here (regex's own) finds it compiled
            compiled = _compile(self.pattern, self._flags, self._options)
            self.__dict__.update((attribute, getattr(compiled, attribute)) for attribute in _BOUND)
            self.__dict__["compiled"] = compiled
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r})"


_MADE: list[LazyPattern] = []  # every pattern made, for compile_all


def _compile(source: str, flags: int, options: dict[str, Any]) -> re.Pattern[str] | regex.Pattern[str]:
    """The pattern compiled by `re` if it reads it (no keyword options, no flag of regex's
    own), else by `regex`."""
    if not options:
        try:
            return re.compile(source, flags)
        except (re.error, ValueError):
            pass
    return regex.compile(source, flags, **options)


def compile_lazily(source: str, flags: int = 0, **options: Any) -> regex.Pattern:
    """The pattern compiled (by `re` or `regex`, see _compile) when it is first used."""
    return LazyPattern(source, flags, **options)  # type: ignore[return-value]


def compile_all() -> None:
    """Compile every pattern made so far, now: for a process that forks a fresh child for each
    file (a Dask worker's task), so that the children inherit them compiled instead of each
    compiling what it uses."""
    for pattern in _MADE:
        if "compiled" not in pattern.__dict__:
            pattern.search  # noqa: B018 - asking compiles it
