"""The `indicator-weights` rule: a performance form's group of indicators whose points do not add up,
or an indicator scored above its points."""
from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from auditlint.agreement import Options, amount_verdict, radius
from auditlint.findings import Finding, Level, Message, Place, Related, discrepancy, unconfirmed
from auditlint.model import FORM_DOUBTED, Document

# What a self-evaluation is scored out of: its budget execution's points and its indicators'.
FULL_SCORE = Decimal(100)


class IndicatorWeights:
    """A group of a performance form's indicators whose points do not add up to the group's.

    What it checks: in a 绩效自评表 that states points for its indicators, a first-level group
    ("45 分 | 产出指标") and a second-level group ("质量指标（10 分）") against the points of the
    indicators listed under it ("物业管理绩效考核达标率(5分)" …). Only a group read whole: an
    indicator without points, or a row of another group read inside it (a row lost in
    extraction), leaves it unchecked.

    And every indicator of a form read as a grid (auditlint.parse.form_fields) that states its
    points and its score: the score (得分) within the points (分值); a form read with doubts gives
    a note (a row whose cells stand under the wrong columns would swap them). And the budget
    execution row of a self-evaluation whose header states how it is scored ("得分（20 分*执行率）"):
    its score must be the points times its execution rate, never more than the points (a gap
    within the rounding of the printed rate and score is a note); and its points with those of
    its 年度绩效目标 (20 分 + 80 分) must make the 100 a self-evaluation is scored out of.

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
    summary_zh = "绩效表中一组指标的分值之和与该组的分值不符，或指标得分超过分值"
    explain_zh = """
        检查内容：绩效自评表中标明分值的一级指标（如“产出指标 45分”）和二级指标（如“质量指标（10分）
        ”），与其下各指标分值之和比较。只检查完整读出的组。各指标的得分不得超过其分值。
        表头写明得分规则的预算执行情况行（如“得分（20 分*执行率）”），得分须等于分值乘以执行率（不超过分值）；
        预算执行情况的分值与年度绩效目标的分值（如 20 分 + 80 分）须合计 100 分。

        为什么重要：分值是评分的尺度；组内指标分值超过该组，自评结果就不在它所声称的尺度上。

        如何抑制：文本或 Markdown 文件中，在该行前加
        `<!-- auditlint: disable-next-line=indicator-weights -->`；
        PDF 不能加注释，用基线（`--write-baseline` 记录、`--baseline` 隐藏已记录的发现）。
    """

    def check(self, doc: Document, options: Options) -> Iterator[Finding]:
        yield from self._scores(doc)
        yield from self._execution_scores(doc, options.tolerance)
        yield from self._scales(doc)
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

    def _scales(self, doc: Document) -> Iterator[Finding]:
        """A self-evaluation's points for its budget execution and for its 年度绩效目标 must make
        the 100 it is scored out of."""
        for execution, section in doc.facts.form_scales:
            total = execution.value + section.value
            if total == FULL_SCORE:
                continue
            yield Finding(
                rule=self.id, level=self.level,
                message=Message(f"预算执行情况 {execution.text} 分与年度绩效目标 {section.text} 分合计 {total} 分，而自评满分为 100 分",
                                f"the budget execution's {execution.text} points and the 年度绩效目标's {section.text} "
                                f"make {total}, while a self-evaluation is scored out of 100"),
                location=section.location,
                related=(Related(execution.location, Message("预算执行情况", "budget execution")),),
                logical=f"scale:{section.location.line}", stated=str(total), expected=str(FULL_SCORE),
                difference=str(total - FULL_SCORE))

    def _execution_scores(self, doc: Document, extra: Decimal) -> Iterator[Finding]:
        """A budget execution row's score against the rule its header states ("得分（20 分*执行率）"):
        the points times the rate, never above the points; within the rounding of the printed
        rate and score, a note."""
        for row in doc.facts.execution_scores:
            points, rate, score = row.points.value, row.rate.value, row.score.value
            expected = min(points * rate / 100, points)
            spread = radius(score) + points * radius(rate) / 100
            finding = discrepancy(
                self.id, amount_verdict(score - expected, spread, extra),
                Message(f"预算执行得分为 {row.score.text}，而按表头规则 {row.points.text} 分 × 执行率 {row.rate.text}% "
                        f"应为 {expected.normalize():f}",
                        f"the budget execution scores {row.score.text}, while its header's rule, {row.points.text} points "
                        f"× the rate {row.rate.text}%, gives {expected.normalize():f}"),
                row.score.location, row.score.text, f"{expected.normalize():f}", score - expected,
                related=(Related(row.rate.location, Message("执行率", "the execution rate")),
                         Related(row.points.location, Message("得分规则", "the scoring rule"))),
                logical=f"execution-score:{row.score.location.line}")
            if finding is not None:
                yield finding

    def _scores(self, doc: Document) -> Iterator[Finding]:
        """Each indicator of a self-evaluation scored above its points (得分 over 分值): an error
        when the form was read without doubt, else a note (a row whose cells stand under the
        wrong columns would swap them)."""
        for form in doc.facts.forms:
            for indicator in form.indicators:
                weight, score = indicator.weight, indicator.score
                if weight is None or score is None or score.value <= weight.value:
                    continue
                doubts = (FORM_DOUBTED,) if form.doubts else ()
                message = Message(f"指标「{indicator.name}」得分 {score.text}，超过其分值 {weight.text}",
                                  f"indicator {indicator.name} scores {score.text}, more than its {weight.text} points")
                if doubts:
                    message = Message(message.zh + unconfirmed(doubts).zh, message.en + unconfirmed(doubts).en)
                yield Finding(
                    rule=self.id,
                    level=Level.NOTE if doubts else self.level,
                    message=message,
                    location=indicator.location,
                    logical=f"score:{indicator.name}:{indicator.location.line}",
                    place=Place("", indicator.name, "得分"),
                    stated=score.text,
                    expected=f"≤ {weight.text}",
                    difference=str(score.value - weight.value),
                )
