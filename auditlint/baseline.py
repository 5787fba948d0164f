"""Baselines: accept today's findings, report only new ones.

A baseline is what lets a team adopt auditlint on 300 published PDFs without fixing them first,
and what suppresses a finding in a PDF, which cannot carry a comment. It records fingerprints,
which come from the rule, the file, the logical location and the values, never from line
numbers, so it survives edits above a finding. The file is JSON, sorted by file, rule and place,
one key per line, and written atomically, so that it diffs well in review and a killed run never leaves
half a file.
"""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Iterable

from auditlint.config import ConfigError
from auditlint.findings import Finding

FORMAT_VERSION = 1


def write_baseline(path: str, findings: Iterable[Finding]) -> int:
    """Record the findings' fingerprints in `path`; return how many were recorded."""
    entries = sorted(
        ({"fingerprint": f.fingerprint, "rule": f.rule, "path": f.location.path, "where": f.logical} for f in findings),
        key=lambda e: (e["path"], e["rule"], e["where"], e["fingerprint"]))
    text = json.dumps({"auditlint-baseline": FORMAT_VERSION, "findings": entries},
                      ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=directory)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, target)
    except BaseException:
        os.unlink(temporary)
        raise
    return len(entries)


def read_baseline(path: str) -> frozenset[str]:
    """The fingerprints a baseline file records."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the baseline: {exc.strerror or exc}") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(f"{path}: not an auditlint baseline (invalid JSON: {exc})") from exc
    if not isinstance(data, dict) or data.get("auditlint-baseline") != FORMAT_VERSION \
            or not isinstance(data.get("findings"), list):
        raise ConfigError(f"{path}: not an auditlint baseline (version {FORMAT_VERSION} expected)")
    try:
        return frozenset(str(entry["fingerprint"]) for entry in data["findings"])
    except (TypeError, KeyError) as exc:
        raise ConfigError(f"{path}: a baseline entry has no fingerprint") from exc
