"""The library API behind `auditlint.lint`: the command line's run, as a function."""
from __future__ import annotations

import os
from dataclasses import fields
from typing import Any, Iterable

from auditlint.config import Settings, resolve, validate
from auditlint.findings import Level
from auditlint.engine import run
from auditlint.result import LintResult

# Settings that describe where a configuration came from, not what a caller may ask for.
NOT_OPTIONS = ("root", "config_path")
OPTIONS = tuple(f.name for f in fields(Settings) if f.name not in NOT_OPTIONS)


def lint(paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]], *, config: str | None = None,
         baseline: str | None = None, **options: Any) -> LintResult:
    """Lint every document under `paths` (see `auditlint.lint`). Every option is checked as the
    configuration file's key of its name is (a bad value raises ConfigError); `min_level` lists
    only the findings at or above it, the others counted as `unlisted`."""
    unknown = sorted(set(options) - set(OPTIONS))
    if unknown:
        raise TypeError(f"lint() got unknown option(s): {', '.join(unknown)} (known: {', '.join(OPTIONS)})")
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    given = validate({key.replace("_", "-"): value for key, value in options.items() if value is not None}, "lint()")
    settings = resolve(given, config)
    result = run([os.fspath(path) for path in paths], settings, baseline)
    return result.listing(Level.parse(settings.min_level)) if settings.min_level else result
