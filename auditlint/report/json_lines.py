"""JSON Lines: one finding per line, every field, for `jq`, `grep` and streaming consumers."""
from __future__ import annotations

import json

from auditlint.result import LintResult


def render(result: LintResult, lang: str) -> str:
    return "".join(json.dumps(f.to_data(), ensure_ascii=False, sort_keys=True) + "\n" for f in result.findings)
