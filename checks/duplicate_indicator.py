"""The `duplicate-indicator` rule: a performance form's grid lists one indicator row twice."""
from __future__ import annotations

from typing import Iterator

from auditlint.agreement import Options
from auditlint.findings import Finding, Level, Message, Place, Related
from auditlint.model import Document


class DuplicateIndicator:
    """An indicator row that a performance form's grid prints twice.

    What it checks: within one indicator grid (a 绩效目标表's, a 绩效自评表's), two rows naming the
    same indicator (by name, without spaces, numbering and quotes) with the same target and
    the same actual value, under whatever groups. Rows are compared as read: two rows read
    alike are a repeat, whatever else of the form could not be read.

    Why it matters: an indicator listed twice counts twice: its points are scored twice (a
    self-evaluation's groups then carry more points than they are worth), and a row pasted
    over another hides the indicator that was meant to be there.

    Example (samples/planted_budget_2025.txt): the project's 年度绩效目标表 lists
    「数据清洗条数 ≥500万条」 under 数量指标 and again under 时效指标.

    Suppress: in a text or Markdown document, `<!-- auditlint: disable-next-line=duplicate-indicator -->`
    before the repeated row.
    """

    id = "duplicate-indicator"
    level = Level.WARNING
    summary_zh = "绩效表的同一指标行在同一张指标表中出现两次"
    explain_zh = """
        检查内容：同一张指标表（绩效目标表、绩效自评表）中，两行的三级指标名称（不计空格、编号与引号）、
        指标值和实际完成值都相同，不论所属的一、二级指标。

        为什么重要：重复列出的指标会被计分两次（自评表的分组分值因此超出），
        粘贴重复的一行也可能盖住了本应列出的指标。

        如何抑制：文本或 Markdown 文件中，在重复的行前加
        `<!-- auditlint: disable-next-line=duplicate-indicator -->`；
        PDF 不能加注释，用基线（`--write-baseline` 记录、`--baseline` 隐藏已记录的发现）。
    """

    def check(self, doc: Document, options: Options) -> Iterator[Finding]:
        for repeat, first in doc.facts.duplicated_indicators:
            target = repeat.target.strip()
            yield Finding(
                rule=self.id,
                level=self.level,
                # where it was listed first is the related place, which every report names as its
                # format does (a line, a page, a Word or Excel cell), not the message
                message=Message(f"指标「{repeat.name} {target}」在同一指标表中重复列出",
                                f"the indicator row '{repeat.name} {target}' is listed twice in one grid"),
                location=repeat.location,
                related=(Related(first.location, Message("第一次列出", "listed first")),),
                logical=f"duplicate-indicator:{repeat.name}:{target}:{repeat.level2}",
                place=Place("", repeat.name, repeat.level2),
            )
