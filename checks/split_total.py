"""The `split-total` rule: the parts listed after 其中 do not make their total."""
from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from auditlint.agreement import Options, amount_verdict, parts_fit, split_gap
from auditlint.findings import Finding, Level, Message, Related, discrepancy, shape_hint
from auditlint.model import Document, Doubt, Split


def _nested(claim: Split, difference: Decimal, spread: Decimal, extra: Decimal) -> list[Doubt]:
    """A doubt when leaving out one part makes the rest agree with the total, and that part is
    named as an item of the part right before it, which is no smaller (公务用车运行维护费 after
    公务用车购置及运行维护费; 购置费 too): the list was likely read flat."""
    if difference >= 0:
        return []
    for before, part in zip(claim.parts, claim.parts[1:]):
        rest = difference + part.amount.value
        if before.amount.value >= part.amount.value and _names_an_item_of(part.label, before.label) \
                and parts_fit(rest, spread, claim.complete, extra):
            return [Doubt("reading", f"「{part.label}」{part.amount.text} 可能是另一项的其中数",
                          f"{part.label} {part.amount.text} may be an item of a larger part, read as a sibling")]
    return []


def _names_an_item_of(label: str, larger: str) -> bool:
    """Is a label made of the larger part's words, in their order (公务用车运行维护费 of
    公务用车购置及运行维护费, 购置费 of it too)? An item is named after what it is part of."""
    rest = iter(larger)
    return len(label) >= 2 and label != larger and all(char in rest for char in label)


class SplitTotal:
    """The parts listed after 其中 do not make their total.

    What it checks: "X万元，其中：A万元…；B万元" where the parts are a complete decomposition of X
    (本年/当年 + 上年结转, 基本支出 + 项目支出, 人员经费 + 公用经费, 货物 + 工程 + 服务): they must
    add up to X. Parts of any other list are a subset of X and must never exceed it. A list with a
    nested 其中 is not read, and amounts that state a change (比上年增加…) are no parts. A total
    whose sentence ends by announcing a list ("基本支出1004.47万元，按经济分类包括：", or "项目支出
    2518.62万元。具体使用情况如下：") has for parts the amounts that open the numbered paragraphs
    after it (（一）…（二）…), as far as the numbering runs unbroken; so has a heading that opens
    with its amount ("（一）本年财政拨款收入110387.98万元" over "1.一般公共预算拨款收入…"), when
    the parts make a whole (the kinds of a decomposition, or a last 其他…) or restate it under
    its own name. A list opening its sentence (其中：…, 收入包括：…) divides the one amount of the
    sentence before. A decomposition is only complete under a total of its name (人员经费 +
    公用经费 make 基本支出), and never when the list states an amount it does not read as a part.

    Corroboration: when the parts exceed their total only because one of them is counted as well
    as the larger part right before it, whose words its name repeats (公务用车购置及运行维护费
    567.72 and, as a sibling, its own 公务用车运行维护费 337.17), the list was more likely read flat
    than mistyped: a note says so.
    A part larger than its whole total, or a sum no such nesting explains, is an error.

    Why it matters: the split restates the total in the same sentence; when it does not add up,
    one of its figures is wrong, often a total that leaves out the carry-over.

    Example (samples/planted_budget_2025.txt): 「2025年政府采购预算612.36万元，其中：货物类45.80万元、
    工程类0万元、服务类556.56万元」, whose parts make 602.36.

    Suppress: in a text or Markdown document, `<!-- auditlint: disable-next-line=split-total -->`.
    """

    id = "split-total"
    level = Level.ERROR
    summary_zh = "“其中”所列各部分加起来不等于总数"
    explain_zh = """
        检查内容：“X万元，其中：A万元……B万元”，当各部分是 X 的完整分解（本年+上年结转、
        基本支出+项目支出、人员经费+公用经费、货物+工程+服务）时须相加等于 X；
        其他列举的各部分不得超过 X。

        为什么重要：分项在同一句中重述总数；加不上，就有一个数字是错的，常见的是总数漏了上年结转。

        如何抑制：文本或 Markdown 文件中，在该行前加
        `<!-- auditlint: disable-next-line=split-total -->`；
        PDF 不能加注释，用基线（`--write-baseline` 记录、`--baseline` 隐藏已记录的发现）。
    """
    takes_tolerance = True

    def check(self, doc: Document, options: Options) -> Iterator[Finding]:
        for claim in doc.claims:
            if isinstance(claim, Split):
                finding = self._check(claim, options.tolerance)
                if finding is not None:
                    yield finding

    def _check(self, claim: Split, extra: Decimal) -> Finding | None:
        """A complete decomposition must make its total; an open list must not exceed it. A gap
        the rounding of the printed figures explains is a note."""
        computed, difference, spread = split_gap(claim)
        if not claim.complete and difference > 0:
            return None  # an open list falls short of its total by what it does not list
        parts = " + ".join(f"{p.label} {p.amount.text}" for p in claim.parts)
        if claim.complete:
            zh = f"{claim.total.text} 万元的组成部分 {parts} = {computed}，与总数不符（相差 {difference}）"
            en = f"the parts of {claim.total.text} ({parts}) add up to {computed}, not to the total (difference {difference})"
        else:
            zh = f"其中所列各项 {parts} = {computed}，超过了总数 {claim.total.text}"
            en = f"the parts listed ({parts}) add up to {computed}, more than their total {claim.total.text}"
        return discrepancy(
            self.id, amount_verdict(difference, spread, extra), Message(zh, en), claim.total.location,
            claim.total.text, str(computed), difference,
            related=tuple(Related(p.amount.location, Message(p.label, p.label)) for p in claim.parts),
            logical=f"split:{claim.sentence.text[:40]}", hint=shape_hint(claim.total.value, computed),
            doubts=_nested(claim, difference, spread, extra))
