"""The human format: one table row per finding, then a line of counts."""
from __future__ import annotations

from tabulate import tabulate

from auditlint.result import LintResult
from auditlint.findings import Finding, Level
from auditlint.model import Location

HEADERS = {"zh": ("位置", "级别", "规则", "说明"), "en": ("location", "level", "rule", "message")}


def position(location: Location) -> str:
    return f"{location.path}:{location.line}:{location.column}"


def describe(finding: Finding, lang: str) -> str:
    """The message, then the hint, then where else to look."""
    parts = [finding.message.get(lang)]
    if finding.hint is not None:
        parts.append(finding.hint.get(lang))
    if finding.related:
        see = ", ".join(f"{r.message.get(lang)} {r.location.line}:{r.location.column}" for r in finding.related)
        parts.append(("参见：" if lang == "zh" else "see: ") + see)
    return "\n".join(parts)


def summary(result: LintResult, lang: str) -> str:
    """One line: findings per level, files read and unreadable, findings the baseline hid."""
    counts = {level: sum(1 for f in result.findings if f.level == level) for level in Level}
    if lang == "zh":
        hidden = f"，基线中已有 {result.baselined} 项未列出" if result.baselined else ""
        return (f"共 {len(result.findings)} 项：错误 {counts[Level.ERROR]}，警告 {counts[Level.WARNING]}，"
                f"提示 {counts[Level.NOTE]}（读取 {len(result.files)} 个文件，无法读取 {len(result.errors)} 个{hidden}）")
    hidden = f", {result.baselined} in the baseline not shown" if result.baselined else ""
    return (f"{len(result.findings)} findings: {counts[Level.ERROR]} errors, {counts[Level.WARNING]} warnings, "
            f"{counts[Level.NOTE]} notes ({len(result.files)} files read, {len(result.errors)} unreadable{hidden})")


def render(result: LintResult, lang: str) -> str:
    rows = [(position(f.location), f.level.label, f.rule, describe(f, lang)) for f in result.findings]
    body = tabulate(rows, headers=HEADERS[lang], tablefmt="simple") + "\n" if rows else ""
    return body + summary(result, lang) + "\n"
