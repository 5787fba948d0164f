"""`--statistics`: how many findings per rule and level, instead of the findings themselves.
What a team looks at first when it adopts auditlint on a folder of published documents."""
from __future__ import annotations

import json
from collections import Counter

from tabulate import tabulate

from auditlint.result import LintResult
from auditlint.report.text import summary


def counts(result: LintResult) -> list[tuple[int, str, str]]:
    """(count, rule, level), most frequent first, then by rule and level."""
    tally = Counter((f.rule, f.level.label) for f in result.findings)
    return sorted(((n, rule, level) for (rule, level), n in tally.items()), key=lambda t: (-t[0], t[1], t[2]))


def render(result: LintResult, lang: str, fmt: str = "text") -> str:
    rows = counts(result)
    if fmt in ("json", "json-lines"):
        return json.dumps([{"count": n, "rule": rule, "level": level} for n, rule, level in rows],
                          ensure_ascii=False, indent=2) + "\n"
    headers = ("数量", "规则", "级别") if lang == "zh" else ("count", "rule", "level")
    body = tabulate(rows, headers=headers, tablefmt="simple") + "\n" if rows else ""
    return body + summary(result, lang) + "\n"
