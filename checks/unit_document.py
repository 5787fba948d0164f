"""The `unit-document` rule: a unit's row in its department's tables against the unit's own document."""
from __future__ import annotations

from typing import Callable

from auditlint.findings import AcrossDocuments, Level, Message
from auditlint.model import Ledger, Stated

UNIT_DOCUMENT = "unit-document"


class UnitDocument(AcrossDocuments):
    """A unit's figure in its department's tables that the unit's own document did not print.

    What it checks: a department's tables by unit (支出总表, 基本支出表, 项目支出表 with a row per
    budget unit) print each unit's 基本支出, 项目支出 and total, and its projects. Each is held to
    the figure the unit's own document of the same year and kind (matched by the index: a unit
    document whose name the department's tables list) prints as its own total or project row,
    of the same money, in 万元 whatever unit each table is printed in. A unit's totals are those
    its narrative names, or those its tables print in their 合计 row only: its 项目支出表's 合计 is
    its 项目支出, its 基本支出表's its 基本支出, its 支出总表's its total and both.

    Each figure stands for its rounding: a gap within it is a note. A contradiction is an error
    only when both tables are trusted and both figures hold their tables' sums. A unit that two
    departments list, or whose name only begins with a department's, is not matched (the index
    lists it as uncertain).

    Why it matters: a department's budget is the sum of its units'; a unit that publishes other
    figures than its department printed for it leaves one of the two wrong.

    Example (tests/test_across.py): a department's table prints a unit's row at 100.00 万元 where the
    unit's own document prints 110.00 万元 (the samples have no unit document).

    Suppress: with a baseline, `per-file-ignores`, or `--ignore unit-document`.
    """

    id = "unit-document"
    level = Level.ERROR
    relation = UNIT_DOCUMENT
    of_a_unit = True
    takes_tolerance = True
    summary_zh = "部门表中某单位的数字与该单位自己的文件不符"
    explain_zh = """
        检查内容：部门按单位列示的表格（支出总表、基本支出表、项目支出表等）中某单位的基本支出、
        项目支出、合计及项目金额，与该单位同年度同类文件自身所印的数字（同一口径，折算为万元）核对。
        单位文件的基本支出、项目支出、合计取正文所称的数字，或其表格“合计”行所印的数字（项目支出表的
        合计即项目支出，基本支出表的合计即基本支出，支出总表的合计及其基本支出、项目支出列）。
        按印出的精度考虑四舍五入；只有两份文件的表格都可信时才报错误，否则为提示。

        为什么重要：部门预算是所属单位预算的汇总；单位公开的数字与部门所列不同，必有一处错。

        如何抑制：用基线（`--write-baseline`、`--baseline`），或 per-file-ignores，
        或 `--ignore unit-document`。
    """

    def message(self, later: Ledger, earlier: Ledger) -> Callable[[Stated, Stated], Message]:
        def say(stated: Stated, source: Stated) -> Message:
            return Message(f"{later.department}的表格所列{earlier.department}的 {stated.label} 为 {stated.text}，"
                           f"该单位自己的文件印的是 {source.text}",
                           f"{later.department}'s tables give {earlier.department}'s {stated.label} as {stated.text}; "
                           f"the unit's own document prints {source.text}")
        return say
