"""The library API behind `auditlint.lint`: the command line's run, as a function."""
from __future__ import annotations

import os
from dataclasses import fields
from typing import Any, Iterable, Mapping

from auditlint.config import Settings, resolve
from auditlint.engine import run
from auditlint.result import LintResult

RULE_LISTS = ("select", "extend_select", "ignore")
# Settings that describe where a configuration came from, not what a caller may ask for.
NOT_OPTIONS = ("root", "config_path")
OPTIONS = tuple(f.name for f in fields(Settings) if f.name not in NOT_OPTIONS)


def lint(paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]], *, config: str | None = None,
         baseline: str | None = None, **options: Any) -> LintResult:
    """Lint every document under `paths` (see `auditlint.lint`)."""
    unknown = sorted(set(options) - set(OPTIONS))
    if unknown:
        raise TypeError(f"lint() got unknown option(s): {', '.join(unknown)} (known: {', '.join(OPTIONS)})")
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    settings = resolve(_normalized(options), config)
    return run([os.fspath(path) for path in paths], settings, baseline)


def _normalized(options: Mapping[str, Any]) -> dict[str, Any]:
    """Options as the command line gives them to `resolve`: rule lists as tuples of ids (a
    string may hold several, comma-separated), mappings as the configuration's types."""
    given = dict(options)
    for key in RULE_LISTS:
        value = given.get(key)
        if isinstance(value, str):
            value = value.split(",")
        if value is not None:
            given[key] = tuple(rule.strip() for rule in value if rule.strip())
    if given.get("tolerance") is not None or given.get("per_file_ignores") is not None:
        from auditlint.config import validate

        raw = {key.replace("_", "-"): given.pop(key) for key in ("tolerance", "per_file_ignores")
               if given.get(key) is not None}
        given.update(validate(raw, "lint()"))
    return given
