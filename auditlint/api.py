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
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    settings = _settings("lint", options, config)
    result = run([os.fspath(path) for path in paths], settings, baseline)
    return result.listing(Level.parse(settings.min_level)) if settings.min_level else result


def lint_file(path: str | os.PathLike[str], *, config: str | None = None, **options: Any) -> dict[str, Any]:
    """Lint one file (see `auditlint.lint_file`): plain data, JSON- and pickle-ready."""
    from auditlint.cluster import outcome_data
    from auditlint.engine import DocumentLinter, finalize
    from auditlint.findings import unpack_findings
    from auditlint.runner import Limits, run_jobs

    path = os.fspath(path)
    settings = _settings("lint_file", options, config)
    linter = DocumentLinter(settings, documents={path: (path,)})
    linter.prepare([path])
    [outcome] = run_jobs([path], linter, 1, Limits(settings.timeout, settings.max_memory))
    data = outcome_data(outcome)
    if "result" in data:  # ordered and fingerprinted as a run's report has them, each whole
        result = data["result"]
        findings = finalize(unpack_findings(result))
        data["result"] = {"findings": [finding.to_data() for finding in findings], "language": result["language"],
                          "tables": result["tables"], "claims": result["claims"]}
    return data


def _settings(caller: str, options: dict[str, Any], config: str | None) -> Settings:
    unknown = sorted(set(options) - set(OPTIONS))
    if unknown:
        raise TypeError(f"{caller}() got unknown option(s): {', '.join(unknown)} (known: {', '.join(OPTIONS)})")
    given = validate({key.replace("_", "-"): value for key, value in options.items() if value is not None}, f"{caller}()")
    return resolve(given, config)
