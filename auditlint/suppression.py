"""Suppression comments in text and Markdown documents, and the rule that reports unused ones.

    <!-- auditlint: disable=percentage,split-total -->   … until enable, or the end of the file
    <!-- auditlint: enable=percentage -->                (or `enable` alone: every rule)
    <!-- auditlint: disable-next-line=cross-table -->    the next line that is not blank

An HTML comment is invisible in rendered Markdown and harmless in plain text, the convention of
markdownlint and textlint. A suppression that suppresses nothing is reported itself
(`unused-suppression`, as ruff's RUF100): stale suppressions otherwise pile up and hide the next
real slip. PDFs cannot carry comments; a baseline does that job for them.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from auditlint.patterns import compile_lazily
from auditlint.findings import Finding, Level, Message
from auditlint.model import Location, Source
from auditlint.parse import is_comment_line

DIRECTIVE = compile_lazily(
    r"<!--\s*auditlint:\s*(?P<kind>disable-next-line|disable|enable)\s*(?:=\s*(?P<rules>[\w\-,\s]*?))?\s*-->")
ALL_RULES = "*"


class UnusedSuppression:
    """A suppression comment that suppresses nothing.

    What it checks: every `<!-- auditlint: disable=RULE -->`, `disable-next-line=RULE` and bare
    `disable` in a text or Markdown document, once all the other rules have run. A suppression
    whose range holds no finding of its rule, or that names a rule auditlint does not know, is
    reported at the comment. Rules that did not run (not selected) are not held against it.

    Why it matters: a suppression outlives the slip it was written for; left in place, it hides
    the next real error at that spot.

    Example (samples/planted_budget_2025.txt): 「<!-- auditlint: disable-next-line=percentage -->」
    left above a sentence that has no percentage (any more).

    Suppress: delete the comment, or `--ignore unused-suppression`.
    """

    id = "unused-suppression"
    level = Level.WARNING
    summary_zh = "一条没有抑制任何发现的抑制注释"
    explain_zh = """
        检查内容：文本或 Markdown 文件中每条 `<!-- auditlint: disable=规则 -->`、
        `disable-next-line=规则` 和不带规则的 `disable`：其范围内没有该规则的发现，
        或所写的规则 auditlint 不认识，就在注释处报告。未运行（未选中）的规则不计。

        为什么重要：抑制注释比它所针对的差错活得久；留着不删，会把这个位置下一次真正的错误藏起来。

        如何抑制：删除该注释，或使用 `--ignore unused-suppression`。
    """


@dataclass
class Suppression:
    """One rule (or every rule) silenced over a range of lines by one comment."""

    rule: str
    first_line: int
    last_line: int
    location: Location
    used: bool = False

    def covers(self, finding: Finding) -> bool:
        return (self.rule in (ALL_RULES, finding.rule) and finding.rule != UnusedSuppression.id
                and self.first_line <= finding.location.line <= self.last_line)


def parse_suppressions(source: Source) -> list[Suppression]:
    """Every suppression the comments of a text or Markdown source set up."""
    if source.kind == "pdf":
        return []
    lines = source.lines
    result: list[Suppression] = []
    open_ranges: dict[str, Suppression] = {}
    last = lines[-1].number if lines else 0
    for index, line in enumerate(lines):
        for match in DIRECTIVE.finditer(line.text):
            location = Location(source.path, line.number, match.start() + 1, line.number, match.end() + 1, line.page)
            rules = tuple(r.strip() for r in (match["rules"] or "").split(",") if r.strip()) or (ALL_RULES,)
            kind = match["kind"]
            if kind == "disable-next-line":
                target = next((l.number for l in lines[index + 1:] if not l.is_blank and not is_comment_line(l.text)),
                              line.number + 1)
                result.extend(Suppression(rule, target, target, location) for rule in rules)
            elif kind == "disable":
                for rule in rules:
                    if rule not in open_ranges:
                        open_ranges[rule] = Suppression(rule, line.number, last, location)
                        result.append(open_ranges[rule])
            else:
                for rule in (list(open_ranges) if ALL_RULES in rules else rules):
                    if rule in open_ranges:
                        open_ranges.pop(rule).last_line = line.number
    return result


def apply_suppressions(findings: Iterable[Finding], suppressions: list[Suppression], ran: set[str],
                       known: set[str], report_unused: bool) -> list[Finding]:
    """The findings no suppression covers, and, if `report_unused`, an `unused-suppression`
    finding for every suppression of a rule that ran (or of an unknown rule) that covered none."""
    kept = []
    for finding in findings:
        covering = [s for s in suppressions if s.covers(finding)]
        for suppression in covering:
            suppression.used = True
        if not covering:
            kept.append(finding)
    if report_unused:
        kept.extend(_unused(s, known) for s in suppressions
                    if not s.used and (s.rule == ALL_RULES or s.rule in ran or s.rule not in known))
    return kept


def _unused(suppression: Suppression, known: set[str]) -> Finding:
    rule = suppression.rule
    if rule != ALL_RULES and rule not in known:
        message = Message(f"抑制注释中的规则 {rule} 不存在", f"the suppression names an unknown rule: {rule}")
    else:
        name = "所有规则" if rule == ALL_RULES else rule
        message = Message(f"对 {name} 的抑制没有抑制任何问题，可以删除",
                          f"this suppression of {'every rule' if rule == ALL_RULES else rule} suppresses nothing")
    return Finding(UnusedSuppression.id, UnusedSuppression.level, message, suppression.location,
                   logical=f"suppression:{rule}")
