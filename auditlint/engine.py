"""Files in, findings out: read, parse, run the selected checks, order and fingerprint findings.

One bad file costs one line of explanation and never the rest of the run: every failure to read
a file, and every exception a check raises on a document, becomes a `FileError` for that file
while the other files are still linted.
"""
from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping

from auditlint.findings import Finding
from auditlint.parse import parse_document
from auditlint.plugins import Check, RuleInfo, load_checks
from auditlint.readers import SUFFIXES, UnreadableError, read_source


class ConfigError(Exception):
    """The command line or configuration cannot be used (an unknown rule id, …)."""


@dataclass(frozen=True)
class FileError:
    """A path that could not be linted, and why, in one line."""

    path: str
    reason: str


@dataclass
class LintResult:
    """Everything a report needs: the findings, the files read, the files that could not be."""

    findings: list[Finding] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    rules: list[RuleInfo] = field(default_factory=list)


def collect_files(paths: Iterable[str]) -> tuple[list[str], list[FileError]]:
    """Expand the paths given: files as they are, directories walked for documents.

    Hidden directories are skipped and symbolic links to directories are not followed, so a
    symlink loop cannot make the walk endless.
    """
    files: list[str] = []
    errors: list[FileError] = []
    for path in paths:
        if os.path.isdir(path):
            found = sorted(_walk(path))
            if not found:
                errors.append(FileError(path, "no .txt, .md or .pdf files in this directory"))
            files.extend(found)
        elif os.path.lexists(path) and not os.path.exists(path):
            errors.append(FileError(path, "broken symbolic link"))
        elif os.path.exists(path):
            files.append(path)
        else:
            errors.append(FileError(path, "no such file or directory"))
    return list(dict.fromkeys(files)), errors


def _walk(root: str) -> Iterable[str]:
    for directory, subdirs, names in os.walk(root, followlinks=False):
        subdirs[:] = sorted(d for d in subdirs if not d.startswith("."))
        for name in names:
            if Path(name).suffix.lower() in SUFFIXES and not name.startswith("."):
                yield os.path.join(directory, name)


def select_checks(available: list[tuple[Check, RuleInfo]], select: Iterable[str] = (),
                  ignore: Iterable[str] = ()) -> list[tuple[Check, RuleInfo]]:
    """The checks to run: all, or those selected, less those ignored. Unknown ids are an error."""
    known = {info.id for _, info in available}
    select, ignore = list(select), list(ignore)
    unknown = sorted({rule for rule in select + ignore if rule not in known})
    if unknown:
        raise ConfigError(f"unknown rule id(s): {', '.join(unknown)} (see `auditlint rules`)")
    chosen = set(select) if select else known
    return [(check, info) for check, info in available if info.id in chosen and info.id not in ignore]


def lint_file(path: str, checks: list[tuple[Check, RuleInfo]], options: Mapping[str, Any]) -> list[Finding]:
    """All findings of the given checks on one file. Raises UnreadableError for a bad file."""
    document = parse_document(read_source(path, dict(options)))
    findings: list[Finding] = []
    for check, info in checks:
        try:
            findings.extend(check.check(document, options))
        except Exception as exc:  # a bug in one rule must not hide the other rules' findings
            raise UnreadableError(f"internal error in rule {info.id}: {type(exc).__name__}: {exc}") from exc
    return findings


def finalize(findings: Iterable[Finding]) -> list[Finding]:
    """Deduplicate, order deterministically, and give every finding its fingerprint."""
    unique = {(f.rule, f.location, f.logical, f.message): f for f in findings}
    ordered = sorted(unique.values(), key=Finding.sort_key)
    seen: Counter[tuple[str, str, str]] = Counter()
    result = []
    for finding in ordered:
        key = (finding.rule, finding.location.path, finding.logical)
        result.append(finding.with_fingerprint(seen[key]))
        seen[key] += 1
    return result


def run(paths: Iterable[str], select: Iterable[str] = (), ignore: Iterable[str] = (),
        options: Mapping[str, Any] | None = None) -> LintResult:
    """Lint every document under `paths` with the selected rules."""
    options = dict(options or {})
    checks = select_checks(load_checks(), select, ignore)
    files, errors = collect_files(paths)
    result = LintResult(errors=errors, rules=[info for _, info in checks])
    findings: list[Finding] = []
    for path in files:
        try:
            findings.extend(lint_file(path, checks, options))
            result.files.append(path)
        except UnreadableError as exc:
            result.errors.append(FileError(path, str(exc)))
    result.findings = finalize(findings)
    return result
