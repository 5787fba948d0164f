"""Which files a run lints as one document: the documents the configuration and the command line
name (`[[tool.auditlint.documents]]`, `--document`), before the index groups the others.

A document named there is certain whatever its files say: its files are linted as one, in the
order named (the first file's title is the document's unless it prints none). A document with
a file in the run brings its other files with it, so that linting the narrative alone (a
pre-commit hook given the changed file) still holds it to its tables; a document none of whose
files is in the run is left out. A file in two documents is a configuration error.
"""
from __future__ import annotations

import fnmatch
import glob
import os
from typing import Iterable

from auditlint.config import ConfigError


def named_documents(files: Iterable[str], documents: Iterable[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """The documents named (absolute paths or globs per document) that concern the run's files,
    each as its files (spelled as the run spells them, or relative to the working directory when
    the run does not name them), in the order named."""
    spelled = {os.path.abspath(path): path for path in files}
    found: list[tuple[str, ...]] = []
    owner: dict[str, int] = {}
    for number, patterns in enumerate(documents, start=1):
        members = list(dict.fromkeys(path for pattern in patterns for path in _matches(pattern, spelled)))
        if not any(path in spelled for path in members):
            continue
        for path in members:
            if path in owner and owner[path] != number:
                raise ConfigError(f"{spelled.get(path, path)} is named in two documents ({owner[path]} and {number})")
            owner[path] = number
        found.append(tuple(spelled.get(path) or _relative(path) for path in members))
    return found


def _matches(pattern: str, spelled: dict[str, str]) -> list[str]:
    """The absolute paths a document's pattern names: the run's files it matches, and the files
    on disk a glob matches (sorted), or the plain path itself."""
    # a plain path is named whether or not it exists: a missing file is then reported as such
    on_disk = sorted(os.path.abspath(p) for p in glob.glob(pattern)) if glob.has_magic(pattern) else \
        [os.path.abspath(pattern)]
    in_run = [path for path in spelled if fnmatch.fnmatchcase(path, pattern)]
    return list(dict.fromkeys([*in_run, *on_disk]))


def _relative(path: str) -> str:
    """A path as the user would type it: relative to the working directory when under it."""
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative
