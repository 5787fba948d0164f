"""The `form-restatement` rule: the same indicator's target differs where forms restate it."""
from __future__ import annotations

from typing import Iterator

from auditlint.agreement import Options
from auditlint.findings import Finding, Level, Message, Place, Related, shape_hint, unconfirmed
from auditlint.model import FORM_DOUBTED, Document, IndicatorRestatement, NarratedIndicator


class FormRestatement:
    """An indicator whose target one form states differently from the form it restates.

    What it checks: the department's overall form (部门整体支出绩效目标表) copies each project's
    goals, a grid per goal; a project's forms (its 申报表, its self-evaluation) restate its own
    targets. The same indicator (by name, without spaces, numbering and quotes), in grids of
    the same term (long-term with long-term, the year's with the year's: 当年 and 上年 are
    different figures) and the same goal, must state the same number. A department's grid is
    held to the one project grid that shares most of its indicators (at least half). Only
    targets of one number are compared, in one unit (≥7万件 is 70000件; 0.99 is 99%); a form
    read with doubts is not compared.

    Why it matters: the overall form is what the department is held to. A limit of <101.8万 in
    it against the project's own ≤17.8万, or a satisfaction target of ≥95% against the
    project's ≥99%, leaves two commitments for one indicator, and the evaluation at year's end
    cannot be scored against both.

    Hints: a bare number that is the other's rounded ("26" for 26.07万) is a warning.

    The narrative restates a self-evaluation's results too: a sentence stating an indicator's rate
    by its name ("公用经费控制率为 69%") must give the actual value the form reports (an error, a
    note when the form was read with doubts), and one denying the quality an indicator's name
    asserts ("测算依据不够充分，预算编制不够合理" where 预算编制合理性 reports 合理) contradicts it
    (a warning: words, not figures).

    Example (samples/planted_budget_2025.txt): the 部门整体支出绩效目标表 gives 「数据清洗准确率 ≥95%」
    where the project's 年度绩效目标表 gives 「数据清洗准确率 ≥98%」.

    Suppress: in a text or Markdown document, `<!-- auditlint: disable-next-line=form-restatement -->`
    before the restating row.
    """

    id = "form-restatement"
    level = Level.ERROR
    summary_zh = "同一绩效指标在不同表中的指标值不一致（整体绩效目标表与项目表、申报表与自评表）"
    explain_zh = """
        检查内容：部门整体支出绩效目标表逐项照录各项目的绩效目标，项目的申报表与自评表也重述其指标。
        同一指标（按名称，不计空格、编号与引号）在同一期限（长期对长期，年度对年度；当年与上年是不同的数）
        和同一目标下须填同一个指标值。整体表的一组指标对应与之共有指标最多（至少一半）的项目表。
        只比较只有一个数的指标值，单位换算后比较（≥7万件即70000件，0.99即99%）；有疑点的表不比较。
        正文对自评结果的表述也须与自评表一致：按指标名称写出的比率（“公用经费控制率为69%”）须等于自评表的
        实际完成值；正文否定某指标名称所称的性质（“预算编制不够合理”，而自评表“预算编制合理性”填“合理”）为警告。

        为什么重要：整体绩效目标是部门承诺的目标；同一指标两个值（如整体表<101.8万，项目表≤17.8万），
        年终评价无法据以打分。

        如何抑制：文本或 Markdown 文件中，在该行前加
        `<!-- auditlint: disable-next-line=form-restatement -->`；
        PDF 不能加注释，用基线（`--write-baseline` 记录、`--baseline` 隐藏已记录的发现）。
    """

    def check(self, doc: Document, options: Options) -> Iterator[Finding]:
        for restatement in doc.facts.restated_indicators:
            finding = self._finding(restatement)
            if finding is not None:
                yield finding
        for narrated in doc.facts.narrated_indicators:
            if not narrated.agrees:
                yield self._narrated(narrated)

    def _narrated(self, narrated: NarratedIndicator) -> Finding:
        """The narrative stating a self-evaluated indicator's result otherwise than its form: a rate
        (an error when the form was read without doubt, else a note), or the quality the form
        reports denied (a warning: words, not figures)."""
        i = narrated.indicator
        actual = (i.actual or "").strip()
        denied = not narrated.stated.endswith(("%", "％"))
        message = Message(f"正文称{narrated.stated if denied else i.name + '为 ' + narrated.stated}，"
                          f"而《{narrated.form.table.name}》中{i.name}的实际完成值为 {actual}",
                          f"the text says {narrated.stated}{'' if denied else ' for ' + i.name}, while "
                          f"{narrated.form.table.name} reports {i.name}'s actual value as {actual}")
        level = Level.WARNING if denied else self.level
        if not denied and narrated.form.doubts:
            level = Level.NOTE
            message = Message(message.zh + unconfirmed((FORM_DOUBTED,)).zh, message.en + unconfirmed((FORM_DOUBTED,)).en)
        return Finding(
            rule=self.id, level=level, message=message, location=narrated.location,
            related=(Related(i.location, Message(f"《{narrated.form.table.name}》{i.name}", f"{narrated.form.table.name}: {i.name}")),),
            logical=f"form-narrated:{i.name}:{narrated.stated}",
            place=Place("", i.name, "实际完成值"), stated=narrated.stated, expected=actual, difference=None)

    def _finding(self, restatement: IndicatorRestatement) -> Finding | None:
        if restatement.agrees is not False:
            return None
        stated, source = restatement.stated, restatement.source
        a, b = restatement.stated_target, restatement.source_target
        rounded = a.bare and not b.bare and a.value == b.value.to_integral_value() or \
            b.bare and not a.bare and b.value == a.value.to_integral_value()
        term = f"{stated.term}指标值"
        return Finding(
            rule=self.id,
            level=Level.WARNING if rounded else self.level,
            message=Message(
                f"{stated.name}的{term}为 {stated.target.strip()}，而{restatement.whose}的绩效目标表为 {source.target.strip()}",
                f"{stated.name}'s {'long-term' if stated.term == '长期' else 'annual'} target is {stated.target.strip()}, "
                f"but {restatement.whose}'s form gives {source.target.strip()}"),
            location=stated.location,
            related=(Related(source.location, Message(f"{restatement.whose}的{term}", f"{restatement.whose}'s target")),),
            logical=f"form-restatement:{restatement.whose}:{stated.term}:{stated.name}:{stated.target.strip()}",
            place=Place("", stated.name, term),
            stated=stated.target.strip(),
            expected=source.target.strip(),
            difference=None,
            hint=shape_hint(a.scaled, b.scaled) if a.unit == b.unit and not (a.bare or b.bare) else None,
        )
