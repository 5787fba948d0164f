"""The `indicator-met` rule: a self-evaluated indicator scored against what its actual value says."""
from __future__ import annotations

from typing import Iterator

from auditlint.agreement import Options
from auditlint.findings import Finding, Level, Message, Place
from auditlint.model import Document


class IndicatorMet:
    """An indicator of a self-evaluation whose score says it was met when its actual value
    misses its target, or the reverse.

    What it checks: a 绩效自评表's rows that state a target (年初目标值), an actual value (实际完成值),
    the indicator's points and its score. A target that says at least (≥95%, 不低于) or at most
    (≤1%, 不超过), or a rate of 100%, is met or missed by the actual value, in one unit. Full
    points for a target missed, or points taken off a target met, contradict the row's own
    figures. Targets of words (提升, 有效保障) and units of two kinds are not read.

    Why it matters: the self-evaluation's score is what the department reports of its year; an
    indicator scored as met with 93% against ≥95% overstates it, and one met but marked down
    hides a result the figures show.

    Example (samples/proofreading_2024.txt): 「使用部门满意度（10分） ≥90% 88% 10」: 88% misses
    ≥90%, scored 10 of 10.

    Suppress: in a text or Markdown document, `<!-- auditlint: disable-next-line=indicator-met -->`
    before the row.
    """

    id = "indicator-met"
    level = Level.WARNING
    summary_zh = "绩效自评表中指标的实际完成值与目标值的比较，与其得分不符（未达成却得满分，或达成却扣分）"
    explain_zh = """
        检查内容：绩效自评表中写明年初目标值、实际完成值、分值和得分的指标行。目标值写明“≥”“不低于”或
        “≤”“不超过”（或为100%的比率）时，由实际完成值可知是否达成（单位相同时）。
        未达成却得满分，或达成却被扣分，与该行自己的数字矛盾。文字目标（提升、有效保障）不读取。

        为什么重要：自评得分是部门对全年绩效的报告；未达成而得满分会夸大成绩，达成而扣分会掩盖成绩。

        如何抑制：文本或 Markdown 文件中，在该行前加
        `<!-- auditlint: disable-next-line=indicator-met -->`；
        PDF 不能加注释，用基线（`--write-baseline` 记录、`--baseline` 隐藏已记录的发现）。
    """

    def check(self, doc: Document, options: Options) -> Iterator[Finding]:
        for scored in doc.facts.contradicted_scores:
            i = scored.indicator
            assert i.weight is not None and i.score is not None and i.actual is not None
            goal, actual = i.target.strip(), i.actual.strip()
            if scored.met:
                message = Message(f"{i.name}的实际完成值 {actual} 达到目标 {goal}，得分却为 {i.score.text}（分值 {i.weight.text}）",
                                  f"{i.name}'s actual {actual} meets its target {goal}, yet it scores "
                                  f"{i.score.text} of {i.weight.text}")
            else:
                message = Message(f"{i.name}的实际完成值 {actual} 未达到目标 {goal}，却得满分 {i.score.text}",
                                  f"{i.name}'s actual {actual} misses its target {goal}, yet it scores full "
                                  f"points ({i.score.text})")
            yield Finding(
                rule=self.id,
                level=self.level,
                message=message,
                location=i.location,
                logical=f"indicator-met:{i.name}:{goal}:{actual}",
                place=Place("", i.name, "得分"),
                stated=i.score.text,
                expected=i.weight.text if scored.met else "",
            )
