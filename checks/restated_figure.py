"""The `restated-figure` rule: a list's part and the numbered paragraph that states it again differ."""
from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from auditlint.agreement import Options, amount_verdict, figure_radius, to_the_cent
from auditlint.findings import Finding, Level, Message, Related, discrepancy, shape_hint
from auditlint.model import Amount, Completion, Document, Doubt, Part, Split


# Two statements of one figure in the narrative that no table prints: nothing proves which is right.
NO_TABLE_PROOF = Doubt("reading", "表中未列此数，无从判断哪一处正确", "no table prints the figure to tell which is right")


class RestatedFigure:
    """A figure the narrative states twice, differently: a part of a list and the numbered
    paragraph after it that explains that part.

    What it checks: a sentence that ends its paragraph by listing parts with their amounts
    ("某中心预算14,765.81万元，包括在职人员经费8,327.50万元、公用经费857.93万元…"), followed by
    numbered paragraphs, one per part, each opening with a part's name and amount ("（二）公用经费
    875.93万元，主要包括…"). Each item is held to the listed part of its name (对个人和家庭的补助支出
    and 对个人和家庭补助支出 are one name), in whatever order the items come. Nothing is read
    unless the items are exactly as many as the parts.

    And a completion rate's actual ("部门公用经费预算 11.08 万元，实际支出 7.7 万元") against what
    the narrative states elsewhere as that total's actual (公用经费 7.76 万元), when no table prints
    it and the narrative's other statements are one figure: a note, as nothing proves which is right.

    Why it matters: per-unit sections of a 部门预算 list a unit's budget and then explain each
    part; a figure mistyped in one of the two leaves the reader with two amounts for one thing.
    When the listed parts add up to their total, the hint says so: then the item is the wrong one.

    Hints: two digits swapped, one digit off; a gap within the rounding of the printed figures is
    a note.

    Example (samples/planted_budget_2025.txt): 「一般公共预算拨款支出1809.22万元，包括一般公共服务支出
    1510.37万元、社会保障和就业支出117.84万元」 then 「2.社会保障和就业支出171.84万元」.

    Suppress: in a text or Markdown document, `<!-- auditlint: disable-next-line=restated-figure -->`.
    """

    id = "restated-figure"
    level = Level.ERROR
    summary_zh = "说明中同一数字说了两遍却不一样：列举中的一项与其后逐项说明的段落"
    explain_zh = """
        检查内容：一句列举各部分金额（如“某中心预算14765.81万元，
        包括在职人员经费8327.50万元、公用经费857.93万元……”），
        其后的编号段落逐项说明（“（二）公用经费875.93万元……”），每项须与列举中同名的金额一致。
        完成率句中的实际支出（“公用经费预算11.08万元，实际支出7.7万元”）与正文他处所写同一总数的实际数
        （表中未列时）不一致的，为提示。

        为什么重要：同一事物出现两个金额，读者不知道哪个是对的。

        如何抑制：文本或 Markdown 文件中，在该行前加
        `<!-- auditlint: disable-next-line=restated-figure -->`；
        PDF 不能加注释，用基线（`--write-baseline` 记录、`--baseline` 隐藏已记录的发现）。
    """
    takes_tolerance = True

    def check(self, doc: Document, options: Options) -> Iterator[Finding]:
        extra = options.tolerance
        for split, listed, item in doc.facts.restated_parts:
            finding = self._finding(split, listed, item, extra)
            if finding is not None:
                yield finding
        for completion, subject, stated in doc.facts.restated_actuals:
            finding = self._actual(completion, subject, stated, extra)
            if finding is not None:
                yield finding

    def _actual(self, completion: Completion, subject: str, stated: list[Amount], extra: Decimal) -> Finding | None:
        """A completion rate's actual against the narrative's other statements of the same
        total's actual, no table printing it: a note, as no table proves which is right and the
        rate's sentence may count its spending otherwise."""
        actual, other = completion.actual, stated[0]
        difference = actual.value - other.value
        finding = discrepancy(
            self.id, amount_verdict(difference, figure_radius(actual.value, False) + figure_radius(other.value, False), extra),
            Message(f"正文在此写{subject}实际支出 {actual.text} 万元，而在他处写 {other.text} 万元",
                    f"the text gives {subject} spent as {actual.text} here and as {other.text} elsewhere"),
            actual.location, actual.text, other.text, difference,
            related=tuple(Related(a.location, Message(f"{subject} {a.text}", f"{subject} {a.text}")) for a in stated),
            logical=f"restated-actual:{subject}:{actual.text}", hint=shape_hint(actual.value, other.value), doubts=(NO_TABLE_PROOF,))
        return finding

    def _finding(self, split: Split, listed: Part, item: Part, extra: Decimal) -> Finding | None:
        difference = item.amount.value - listed.amount.value
        precise = to_the_cent([item.amount, *(p.amount for p in split.parts)])
        verdict = amount_verdict(difference, figure_radius(item.amount.value, precise) + figure_radius(listed.amount.value, precise),
                                 extra)
        sums_exactly = sum(p.amount.value for p in split.parts) == split.total.value  # not only within rounding
        hint = shape_hint(item.amount.value, listed.amount.value)
        if sums_exactly:
            proof = Message(f"所列各项合计恰为 {split.total.text}，列举中的 {listed.amount.text} 与总数相符",
                            f"the listed parts add up to their total {split.total.text}, "
                            f"so the listed {listed.amount.text} agrees with it")
            hint = proof if hint is None else Message(f"{hint.zh}；{proof.zh}", f"{hint.en}; {proof.en}")
        return discrepancy(
            self.id, verdict,
            Message(f"{item.label}在分项说明中为 {item.amount.text} 万元，而上文列举为 {listed.amount.text} 万元",
                    f"{item.label} is {item.amount.text} where its paragraph explains it, and "
                    f"{listed.amount.text} in the list before"),
            item.amount.location, item.amount.text, listed.amount.text, difference,
            related=(Related(listed.amount.location, Message("列举中的数", "the listed figure")),),
            logical=f"restated:{item.label}:{listed.amount.text}", hint=hint)
