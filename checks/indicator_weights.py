"""The `indicator-weights` rule: a performance form's group of indicators whose points do not add up."""
from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from auditlint.agreement import Options
from auditlint.findings import Finding, Level, Message, Place, Related
from auditlint.model import Document


class IndicatorWeights:
    """A group of a performance form's indicators whose points do not add up to the group's.

    What it checks: in a 绩效自评表 that states points for its indicators, a first-level group
    ("45 分 | 产出指标") and a second-level group ("质量指标（10 分）") against the points of the
    indicators listed under it ("物业管理绩效考核达标率(5分)" …). Only a group read whole: an
    indicator without points, or a row of another group read inside it (a row lost in
    extraction), leaves it unchecked.

    Why it matters: the points are the form's scale. When a group's indicators carry more points
    than the group, the form scores out of more than its 年度绩效目标 allows, and the self-rating
    it publishes is not on the scale it claims.

    Example (samples/proofreading_2024.txt): the project form's 「质量指标（15分）」 over 平台可用率（10分）
    and 数据更新及时率（10分）, which make 20.

    Suppress: in a text or Markdown document, `<!-- auditlint: disable-next-line=indicator-weights -->`
    before the group's line.
    """

    id = "indicator-weights"
    level = Level.ERROR
    summary_zh = "绩效表中一组指标的分值之和与该组的分值不符"
    explain_zh = """
        检查内容：绩效自评表中标明分值的一级指标（如“产出指标 45分”）和二级指标（如“质量指标（10分）
        ”），与其下各指标分值之和比较。只检查完整读出的组。

        为什么重要：分值是评分的尺度；组内指标分值超过该组，自评结果就不在它所声称的尺度上。

        如何抑制：文本或 Markdown 文件中，在该行前加
        `<!-- auditlint: disable-next-line=indicator-weights -->`；
        PDF 不能加注释，用基线（`--write-baseline` 记录、`--baseline` 隐藏已记录的发现）。
    """

    def check(self, doc: Document, options: Options) -> Iterator[Finding]:
        for group in doc.facts.weight_groups:
            assert group.points is not None  # weight_groups yields only groups that state their points
            computed = sum((points.value for _, points in group.parts), Decimal(0))
            if computed == group.points.value:
                continue
            parts = " + ".join(points.text for _, points in group.parts)
            if len(group.parts) > 1:
                parts += f" = {computed}"
            yield Finding(
                rule=self.id,
                level=self.level,
                message=Message(
                    f"{group.name}为 {group.points.text} 分，其下各指标分值之和为 {parts} 分",
                    f"{group.name} is worth {group.points.text} points, but its indicators' points add up to {parts}"),
                location=group.points.location,
                related=tuple(Related(points.location, Message(name, name)) for name, points in group.parts),
                logical=f"weights:{group.name}:{group.points.location.line}",
                place=Place("", group.name, "分值"),
                stated=group.points.text,
                expected=str(computed),
                difference=str(group.points.value - computed),
            )
