"""What a file gave the checks to check, and the rule that reports a file that gave nothing.

A file in which auditlint read no table and no narrative claim yields no finding, and a report
with no finding reads as clean: a meeting notice, an English report, or a 情况说明 whose tables
are published in another file would each pass as a document that agrees with itself. So every
file's counts are reported, and a file with neither is a warning that says why.
"""
from __future__ import annotations

from dataclasses import dataclass

from auditlint.patterns import compile_lazily
from auditlint.findings import Finding, Level, Message
from auditlint.model import Document, Location
from auditlint.parse.numbers import AMOUNT_TOKEN

MONEY = compile_lazily(rf"{AMOUNT_TOKEN}\s*(?:万元|亿元|元)")  # an amount of money the narrative states


class NotUnderstood:
    """A file in which auditlint found neither a table nor a narrative claim to check.

    What it checks: every file linted, once it is parsed. A file with no table auditlint
    recognised and no narrative claim it could check (a change, a rate, a split, an amount
    restated from a table) is reported at its first line, with the likely reason: not a budget
    or final-account document (no 预算/决算 title), a narrative only (amounts but no table: its
    tables may be published in another file), or no tables found.

    Why it matters: such a file gives no other finding, and would otherwise look clean when
    nothing in it was checked.

    Example (samples/notice_2025.txt): 「关于召开部门预算编制工作会议的通知」, a meeting notice
    with no table and no amount in it.

    Suppress: leave such files out of the walk (`--extend-exclude`), or `--ignore not-understood`.
    """

    id = "not-understood"
    level = Level.WARNING
    summary_zh = "文件中既没有可核对的表格，也没有可核对的说明数字：什么都没有核对，不能算作无问题。"
    explain_zh = """
    核对什么：每个被检查的文件。若 auditlint 在文件中既没认出表格，也没读到可核对的说明
    （增减、比率、构成、与表格对应的金额），就在第一行报告，并给出可能的原因：不是预算或决算文件
    （标题中没有“预算/决算”）、只有说明没有表格（表格可能另行公开），或没有找到表格。

    为什么重要：这样的文件不会有其他发现，若不提示，什么都没核对的文件看起来就像“没有问题”。

    如何抑制：遍历时排除这类文件（--extend-exclude），或 --ignore not-understood。"""


@dataclass(frozen=True)
class Checked:
    """What the checks had to check in one file: its tables, and its narrative claims (the
    changes, rates, splits and shares read, and the amounts linked to a table figure)."""

    tables: int
    claims: int

    @property
    def nothing(self) -> bool:
        return not self.tables and not self.claims


def checked(document: Document) -> Checked:
    """The tables and the narrative claims of a parsed document."""
    linked = sum(1 for link in document.facts.links if link.linked)
    return Checked(len(document.tables), len(document.claims) + linked)


def not_understood(document: Document, counts: Checked) -> Finding | None:
    """The warning for a file that gave the checks nothing, with why; None for any other."""
    if not counts.nothing:
        return None
    amounts = sum(len(MONEY.findall(clean.text)) for _, _, clean in document.facts.sentences)
    if amounts:
        message = Message(f"只有文字说明：读到 {amounts} 个金额，但没有表格（表格可能另文公开：可用 --document 或配置中的 "
                          f"[[tool.auditlint.documents]] 把说明和表格作为同一份文件检查），未核对任何内容",
                          f"narrative only: {amounts} amounts but no table (its tables may be published apart: lint "
                          "them together with --document or [[tool.auditlint.documents]]); nothing was checked")
    elif document.facts.identity is None:
        message = Message("不像部门预算或决算：没有预算/决算标题，没有表格，也没有可核对的说明，未核对任何内容",
                          "not a budget document: no 预算/决算 title, no table and no narrative claim; "
                          "nothing was checked")
    else:
        message = Message("没有找到表格，也没有可核对的说明，未核对任何内容",
                          "no tables found and no narrative claim to check; nothing was checked")
    return Finding(NotUnderstood.id, NotUnderstood.level, message, Location(document.path, 1, 1, 1, 1),
                   logical="not-understood")
