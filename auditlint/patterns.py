"""Regular expressions compiled when first used, not when their module is imported.

The engine defines some 400 patterns at module level (domain words, sentence shapes, table
labels), and the `regex` module compiles one in most of a millisecond: compiling them all was
half of what `auditlint` took to start on a page of text, which uses fewer than half of them. A
pattern made here compiles itself the first time it is asked anything; from then on each of its
methods is the compiled pattern's own, bound in its dictionary, so a hot loop pays nothing. A run
that forks its workers compiles what the first file needs once per worker, as a warm process.

A pattern is compiled by the standard library's `re` where `re` reads it (most of them), and by
`regex` where it needs what only `regex` has (Unicode properties other than \\p{Han}, which is
written out for `re` as its code points; a lookbehind of varying width; a group name used in two
branches; keyword options). `re` compiles one in half the time and matches a short line in about
two thirds: over a year's documents, several million calls. For the patterns both read, `regex`
in its default version 0 is written to behave as `re` does; the engine's findings on the corpus,
seeds and samples were the same to the byte with either. What `re` compiles, it compiles once
per interpreter: the programs are kept between runs (auditlint.compiled).
"""
from __future__ import annotations

import re
from typing import Any

import regex

from auditlint.compiled import PROGRAMS, REFUSED

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


# The Han script, as `regex` reads \p{Han} (its Unicode 17 tables; tests/test_patterns.py holds
# the two to each other): code point ranges, first and last.
HAN_SCRIPT = ((0x2E80, 0x2E99), (0x2E9B, 0x2EF3), (0x2F00, 0x2FD5), (0x3005, 0x3005), (0x3007, 0x3007),
              (0x3021, 0x3029), (0x3038, 0x303B), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFA6D),
              (0xFA70, 0xFAD9), (0x16FE2, 0x16FE3), (0x16FF0, 0x16FF6), (0x20000, 0x2A6DF), (0x2A700, 0x2B81E),
              (0x2B820, 0x2CEAD), (0x2CEB0, 0x2EBE0), (0x2EBF0, 0x2EE5D), (0x2F800, 0x2FA1D), (0x30000, 0x3134A),
              (0x31350, 0x33479))
HAN_PROPERTY = r"\p{Han}"
_HAN_RANGES = "".join(chr(first) if first == last else f"{chr(first)}-{chr(last)}" for first, last in HAN_SCRIPT)


def _compile(source: str, flags: int, options: dict[str, Any]) -> re.Pattern[str] | regex.Pattern[str]:
    """The pattern compiled by `re` if it reads it (no keyword options, no flag of regex's
    own; \\p{Han} written out as its code points), else by `regex`."""
    if not options:
        written = han_written_out(source)
        kept = PROGRAMS.get(written, flags)
        if isinstance(kept, re.Pattern):
            return kept
        if kept is not REFUSED:
            try:
                compiled = re.compile(written, flags)
            except (re.error, ValueError):
                PROGRAMS.refuse(written, flags)
            else:
                PROGRAMS.add(written, flags, compiled)
                return compiled
    return regex.compile(source, flags, **options)


def han_written_out(source: str) -> str:
    """`source` with every \\p{Han} replaced by the code points it stands for, which `re` reads
    (its ranges within a character class, a class of them outside one). A third of the
    engine's patterns need `regex` for \\p{Han} alone, and `regex` compiles a pattern in twice
    the time `re` takes."""
    if HAN_PROPERTY not in source:
        return source
    written: list[str] = []
    at, in_class = 0, False
    while at < len(source):
        if source.startswith(HAN_PROPERTY, at):
            written.append(_HAN_RANGES if in_class else f"[{_HAN_RANGES}]")
            at += len(HAN_PROPERTY)
        elif source[at] == "\\":  # an escape, whatever it escapes
            written.append(source[at:at + 2])
            at += 2
        elif source[at] == "[" and not in_class:  # a "]" first in a class, after any "^", is itself
            end = at + 1 + source.startswith("^", at + 1)
            end += source.startswith("]", end)
            written.append(source[at:end])
            at, in_class = end, True
        else:
            in_class = in_class and source[at] != "]"
            written.append(source[at])
            at += 1
    return "".join(written)


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
    PROGRAMS.save()
