"""The entry points of a group, read once while the installed distributions stay as they are.

Finding the checks (plugins.load_checks) needs importlib.metadata: its import (email, zipfile,
csv and more) and the reading of each distribution's metadata took 19 ms of the 160 that
`auditlint` takes on a page of text, on every run. So what it finds is kept, with what it was
found in: the metadata folder of every distribution on sys.path (its `.dist-info`, or
`.egg-info`), each with the time it was last modified. Installing, upgrading or removing a
distribution makes or removes its metadata folder (pip makes it anew even to reinstall the same
version); a run that finds the same folders at the same times takes the entry points as kept,
and any other run reads them anew and keeps them. What is kept is JSON, in the
folder compiled patterns are kept in (auditlint.compiled.cache_folder; `AUDITLINT_CACHE_DIR=`
keeps nothing), one file per sys.path. An object is loaded as importlib.metadata's
EntryPoint.load loads it.
"""
from __future__ import annotations

import hashlib
import importlib
import json
import os
import re
import sys
from functools import reduce
from pathlib import Path
from typing import Any, NamedTuple

from auditlint.compiled import cache_folder
from auditlint.whole import write_whole


class Registered(NamedTuple):
    """One entry point: its name, the object it names (`module:attribute`), and the name of the
    distribution that registered it ("" for none)."""

    name: str
    value: str
    distribution: str


def registered(group: str) -> list[Registered]:
    """The entry points of `group`, in importlib.metadata's order."""
    found = _fingerprint()
    path = _kept_file()
    kept = _read(path, group, found) if path is not None else None
    if kept is not None:
        return kept
    from importlib.metadata import entry_points

    names: dict[int, str] = {}  # each distribution's name, read once: its metadata is parsed anew each time
    entries = []
    for ep in entry_points(group=group):
        if ep.dist is not None and id(ep.dist) not in names:
            names[id(ep.dist)] = ep.dist.name
        entries.append(Registered(ep.name, ep.value, names[id(ep.dist)] if ep.dist is not None else ""))
    if path is not None:
        _write(path, group, found, entries)
    return entries


# importlib.metadata's own reading of an object reference: module, attribute, extras
_REFERENCE = re.compile(r"(?P<module>[\w.]+)\s*(:\s*(?P<attr>[\w.]+)\s*)?((?P<extras>\[.*\])\s*)?$")


def load(value: str) -> Any:
    """The object `value` names (`module:attribute.path`), as EntryPoint.load gives it."""
    match = _REFERENCE.match(value)
    if match is None:
        raise ValueError(f"not an object reference: {value!r}")
    module = importlib.import_module(match.group("module"))
    return reduce(getattr, filter(None, (match.group("attr") or "").split(".")), module)


METADATA_SUFFIXES = (".dist-info", ".egg-info")  # what importlib.metadata finds a distribution by


def _fingerprint() -> list[list[Any]]:
    """What the entry points are found in: for every entry of sys.path, the distributions'
    metadata folders (and files) in it, each with the time it was last modified (a folder that
    is no distribution's, as a run's working directory is, may change as it likes); a file (a
    zip of packages) by its own time; None where the entry is missing."""
    stamps: list[list[Any]] = []
    for entry in sys.path:
        try:
            with os.scandir(entry or ".") as listing:
                found = sorted([item.name, item.stat().st_mtime_ns] for item in listing
                               if item.name.lower().endswith(METADATA_SUFFIXES))
        except NotADirectoryError:
            try:
                found = os.stat(entry).st_mtime_ns
            except OSError:
                found = None
        except OSError:
            found = None
        stamps.append([entry, found])
    return stamps


def _kept_file() -> Path | None:
    folder = cache_folder()
    if folder is None:
        return None
    key = hashlib.sha256("\0".join(sys.path).encode("utf-8", "surrogateescape")).hexdigest()[:16]
    return folder / f"entry-points-{key}.json"


def _read(path: Path, group: str, found: list[list[Any]]) -> list[Registered] | None:
    try:
        with open(path, encoding="utf-8") as kept:
            data = json.load(kept)
        if data["sys.path"] != found:
            return None
        return [Registered(*map(str, entry)) for entry in data["groups"][group]]
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _write(path: Path, group: str, found: list[list[Any]], entries: list[Registered]) -> None:
    """Keep the entry points (replaced whole: a reader never sees half a file); a folder that
    cannot be written costs only the time it would have saved."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_whole(path, json.dumps({"sys.path": found, "groups": {group: [list(entry) for entry in entries]}},
                                     ensure_ascii=False))
    except (OSError, ValueError):  # ValueError: a path of sys.path no encoding writes
        pass
