"""Baselines: accept today's findings, report only new ones.

A baseline is what lets a team adopt auditlint on 300 published PDFs without fixing them first,
and what suppresses a finding in a PDF, which cannot carry a comment. It records fingerprints,
which come from the rule, the file, the logical location and the values, never from line
numbers, so it survives edits above a finding. The file is JSON, sorted by file, rule and place,
one key per line, and written atomically, so that it diffs well in review and a killed run never leaves
half a file.

Files are named relative to the baseline file's folder (format 2), so a baseline committed with
the documents matches whatever the working directory and however the paths are given
(`auditlint docs/`, `auditlint ./docs/a.pdf`, an absolute path in CI). A baseline of format 1 named
files as the command line did, absolute or relative to where it ran; it is still read.
"""
from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from auditlint.config import ConfigError
from auditlint.findings import Finding
from auditlint.whole import write_whole

FORMAT_VERSION = 2
READABLE_VERSIONS = (1, 2)


@dataclass(frozen=True)
class Baseline:
    """The fingerprints a baseline file records. `folder` is the absolute folder its paths are
    relative to; `recorded_paths` (format 1 only) are the paths as they were recorded, whose
    fingerprints were taken with the path as written."""

    folder: str
    fingerprints: frozenset[str]
    version: int = FORMAT_VERSION
    recorded_paths: tuple[str, ...] = ()

    def split(self, findings: list[Finding]) -> tuple[list[Finding], int]:
        """The findings the baseline does not record, and how many it did record. `findings` are
        in the engine's final order, where the occurrence of each repeated finding is counted."""
        kept = [finding for finding, occurrence in occurrences(findings) if not self.records(finding, occurrence)]
        return kept, len(findings) - len(kept)

    def records(self, finding: Finding, occurrence: int) -> bool:
        if self.version >= 2:
            return finding.fingerprint_at(relative_path(finding.location.path, self.folder), occurrence) in self.fingerprints
        same_file = [p for p in self.recorded_paths if os.path.abspath(p) == os.path.abspath(finding.location.path)]
        return any(finding.fingerprint_at(p, occurrence) in self.fingerprints
                   for p in (finding.location.path, *same_file))


def relative_path(path: str, folder: str) -> str:
    """`path` relative to `folder`, with forward slashes (the same on every system)."""
    return os.path.relpath(os.path.abspath(path), folder).replace(os.sep, "/")


def occurrences(findings: Iterable[Finding]) -> Iterator[tuple[Finding, int]]:
    """Each finding with the number of identical ones (rule, file, place) before it, as the
    engine counts them for fingerprints (engine.finalize)."""
    seen: Counter[tuple[str, str, str]] = Counter()
    for finding in findings:
        key = (finding.rule, finding.location.path, finding.logical)
        yield finding, seen[key]
        seen[key] += 1


def _folder(path: str) -> str:
    return os.path.dirname(os.path.abspath(path))


def write_baseline(path: str, findings: Iterable[Finding]) -> int:
    """Record the findings' fingerprints in `path`, files named relative to its folder; return
    how many were recorded."""
    folder = _folder(path)
    entries = []
    for finding, occurrence in occurrences(findings):
        relative = relative_path(finding.location.path, folder)
        entries.append({"fingerprint": finding.fingerprint_at(relative, occurrence), "rule": finding.rule,
                        "path": relative, "where": finding.logical})
    entries.sort(key=lambda e: (e["path"], e["rule"], e["where"], e["fingerprint"]))
    text = json.dumps({"auditlint-baseline": FORMAT_VERSION, "findings": entries},
                      ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    write_whole(path, text)
    return len(entries)


def read_baseline(path: str) -> Baseline:
    """What a baseline file records (either format)."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the baseline: {exc.strerror or exc}") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(f"{path}: not an auditlint baseline (invalid JSON: {exc})") from exc
    if not isinstance(data, dict) or data.get("auditlint-baseline") not in READABLE_VERSIONS \
            or not isinstance(data.get("findings"), list):
        versions = " or ".join(str(v) for v in sorted(READABLE_VERSIONS))
        raise ConfigError(f"{path}: not an auditlint baseline (version {versions} expected)")
    try:
        fingerprints = frozenset(str(entry["fingerprint"]) for entry in data["findings"])
    except (TypeError, KeyError) as exc:
        raise ConfigError(f"{path}: a baseline entry has no fingerprint") from exc
    version = data["auditlint-baseline"]
    recorded = tuple(sorted({str(e["path"]) for e in data["findings"] if "path" in e})) if version == 1 else ()
    return Baseline(_folder(path), fingerprints, version, recorded)
