"""Compiled `re` patterns kept between runs, as Python keeps compiled modules in `.pyc` files.

The standard library compiles a pattern in two steps: Python code parses it and writes the
matching engine's program (a list of integers), which is slow; then `_sre.compile` builds the
pattern object from that program, which is fast. A page of text uses some 150 of the engine's
`re` patterns: the first step took 20 ms of a 170 ms run, the second takes 0.3 ms for all 450.
So the programs are kept in a file, one per interpreter (a program is only valid for the engine
that wrote it: the file is named by the interpreter's exact version and the engine's MAGIC), and
a pattern found there is built by the second step alone.

What is kept is proven: a program is written only when the pattern it builds equals, by the
engine's own comparison (its source, flags and every word of its program), the one
`re.compile` gives on this interpreter. What is read is JSON, and `_sre.compile` validates every
program it is given and refuses a malformed one; then, as on any other failure here, the
pattern is compiled as usual. The cache never changes what a pattern matches, only how soon it
is ready. Like Python's own `__pycache__`, the folder is trusted: whoever can write in it can
change how a pattern matches, as whoever can write in site-packages can change the code.

Where: `$AUDITLINT_CACHE_DIR`, else `$XDG_CACHE_HOME/auditlint`, else `~/.cache/auditlint`.
`AUDITLINT_CACHE_DIR=` (empty) keeps nothing. A folder that cannot be written only means
patterns are compiled as before.
"""
from __future__ import annotations

import base64
import json
import os
import re
import sys
from array import array
from pathlib import Path
from typing import Any

from auditlint.whole import write_whole

try:  # CPython's engine and compiler; elsewhere patterns are compiled as usual
    import _sre
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - not CPython
    _sre = None  # type: ignore[assignment]

CACHE_VARIABLE = "AUDITLINT_CACHE_DIR"

Key = tuple[int, str]  # the flags a pattern is compiled with, and its source
# [flags, source, the pattern's flags, program (base64), groups, groupindex, indexgroup]; for a
# pattern `re` cannot read, [flags, source] alone
Entry = list[Any]


class Refused:
    """What get() gives for a pattern `re` was found unable to read (it needs `regex`): asking
    `re` again would only fail again, after parsing it."""


REFUSED = Refused()


def cache_folder() -> Path | None:
    """The folder the programs are kept in, or None when nothing is to be kept."""
    chosen = os.environ.get(CACHE_VARIABLE)
    if chosen is not None:
        return Path(chosen) if chosen else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "auditlint"


def _interpreter() -> str | None:
    """What a program is valid for: None where the engine is not CPython's own."""
    if _sre is None or sys.implementation.name != "cpython" or array("I").itemsize != _sre.CODESIZE:
        return None
    return f"{sys.implementation.cache_tag}-{'.'.join(map(str, sys.version_info[:3]))}-{_sre.MAGIC}"


class ProgramCache:
    """The programs kept for this interpreter: read on first use, and those this process had to
    compile written back by save()."""

    def __init__(self) -> None:
        self.interpreter = _interpreter()
        self._path: Path | None | bool = False  # False: not yet looked up (the environment is read on first use)
        self._kept: dict[Key, Entry] | None = None
        self._new: dict[Key, Entry] = {}

    @property
    def path(self) -> Path | None:
        """The file of this interpreter's programs, or None when nothing is to be kept."""
        if self._path is False:
            folder = cache_folder()
            self._path = folder / f"patterns-{self.interpreter}.json" if folder is not None and self.interpreter else None
        return self._path  # type: ignore[return-value]

    def get(self, source: str, flags: int) -> re.Pattern[str] | Refused | None:
        """The pattern `source` compiled by `re` from its kept program, REFUSED when `re` cannot
        read it, or None when nothing usable is kept."""
        if self.path is None:
            return None
        entry = self._programs().get((int(flags), source))
        if entry is None:
            return None
        if len(entry) == 2:
            return REFUSED
        try:
            return _built(entry)
        except Exception:  # a program this engine refuses: compiled as usual, and kept anew
            return None

    def add(self, source: str, flags: int, compiled: re.Pattern[str]) -> None:
        """Keep the program of `compiled`, what `re.compile` made of `source`, if building from
        it gives an equal pattern."""
        if self.path is not None:
            entry = _entry(source, int(flags), compiled)
            if entry is not None:
                self._new[(int(flags), source)] = entry

    def refuse(self, source: str, flags: int) -> None:
        """Keep that `re` cannot read `source`."""
        if self.path is not None:
            self._new[(int(flags), source)] = [int(flags), source]

    def save(self) -> None:
        """Add the programs this process compiled to the file (merged with what other
        processes wrote meanwhile; replaced whole, so a reader never sees half a file)."""
        if not self._new or self.path is None:
            return
        try:
            merged = {**_read(self.path), **self._new}
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_whole(self.path, json.dumps({"interpreter": self.interpreter, "patterns": list(merged.values())},
                                              ensure_ascii=False))
        except (OSError, ValueError):
            return  # a cache that cannot be written costs only the time it would have saved
        self._kept = merged
        self._new = {}

    def _programs(self) -> dict[Key, Entry]:
        if self._kept is None:
            self._kept = _read(self.path) if self.path is not None else {}
        return self._kept


def _read(path: Path) -> dict[Key, Entry]:
    """The entries of a cache file: none when it is missing, unreadable or of another shape."""
    try:
        with open(path, encoding="utf-8") as kept:
            data = json.load(kept)
        return {(entry[0], entry[1]): entry for entry in data["patterns"]
                if isinstance(entry, list) and len(entry) in (2, 7) and isinstance(entry[0], int)
                and isinstance(entry[1], str)}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def _built(entry: Entry) -> re.Pattern[str]:
    _flags, source, pattern_flags, program, groups, groupindex, indexgroup = entry
    code = array("I")
    code.frombytes(base64.b64decode(program))
    return _sre.compile(source, pattern_flags, code.tolist(), groups, groupindex, tuple(indexgroup))


def _entry(source: str, flags: int, compiled: re.Pattern[str]) -> Entry | None:
    """The program of `compiled`, as the standard library writes it, if building from it gives
    a pattern equal to `compiled` (else None: nothing is kept that could differ)."""
    try:
        parsed = _parser.parse(source, flags)
        code = _compiler._code(parsed, flags)
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, index in parsed.state.groupdict.items():
            indexgroup[index] = name
        entry = [flags, source, int(flags | parsed.state.flags),
                 base64.b64encode(array("I", code).tobytes()).decode("ascii"),
                 parsed.state.groups - 1, dict(parsed.state.groupdict), indexgroup]
        return entry if _built(entry) == compiled else None
    except Exception:  # an internal the engine no longer has: nothing kept
        return None


PROGRAMS = ProgramCache()
