"""The `budget-to-account` rule: a final account's budget figures against the year's budget."""
from __future__ import annotations

from typing import Callable

from auditlint.findings import AcrossDocuments, Level, Message
from auditlint.model import Ledger, Stated

BUDGET_TO_ACCOUNT = "budget-to-account"


class BudgetToAccount(AcrossDocuments):
    """A final account's 年初预算 that the budget of its year did not print.

    What it checks: a final account (决算) prints, beside what was spent, the budget it was
    spent against: its 年初预算数 columns (and 预算数 beside 决算数), of each function code, class
    and total. Each is held to the figure the budget document of the same department and year
    (matched by the index) printed as its own for the same code or name, quantity and money, in
    万元 whatever unit each table is printed in. An adjusted budget (调整预算数, 全年预算数) is not
    the budget as passed and is not held to it.

    Its narrative too: a sentence that states a figure's 年初预算 beside what was spent
    ("行政运行（项）年初预算为485.20万元，支出决算为480.10万元", "年初预算数310.00万元，决算数298.60万元",
    either first; the shapes are data in auditlint.domain.across) states the budget of the table
    figure of what was spent of that value whose row its words name (the longest such name), and
    is held to the budget's figure of that code. A sentence whose amount and words name no such
    figure is not compared.

    Each figure stands for its rounding: a gap within it is a note. A contradiction is an error
    only when both tables are trusted, both figures hold their tables' sums and the column says
    年初预算; a column of 预算数 alone, which a final account may use for the adjusted budget,
    gives a note.

    Why it matters: a final account's completion rates and its explanations of over- and
    under-spending are computed on this budget; a budget that is not the one published makes
    them all wrong.

    Example (samples/across/account_2024.txt against samples/across/budget_2024.txt): the final
    account prints 「2080506 机关事业单位职业年金缴费支出 13.20」 as its 年初预算数, where the 2024
    budget printed 31.20 万元.

    Suppress: with a baseline, `per-file-ignores`, or `--ignore budget-to-account`.
    """

    id = "budget-to-account"
    level = Level.ERROR
    relation = BUDGET_TO_ACCOUNT
    takes_tolerance = True
    summary_zh = "决算所列年初预算数与同年预算文件所印数字不符"
    explain_zh = """
        检查内容：决算文件各表的“年初预算数”列（及与“决算数”并列的“预算数”列），与同一部门
        同一年度预算文件中同一科目编码（或行名）、同一口径、折算为万元后的本年预算数核对。
        调整预算数、全年预算数不是年初预算，不予比对。正文中与决算数并列的年初预算
        （如“行政运行（项）年初预算为485.20万元，支出决算为480.10万元”）同样核对：按决算数的数值和
        句中所称的行名找到表中对应的科目，再与预算文件中该科目的预算数核对；找不到的不予比对。
        按印出的精度考虑四舍五入。
        只有两份文件的表格都可信、且列名确指年初预算时才报错误，否则为提示。

        为什么重要：决算的完成率、超支和结余的说明都以年初预算为基数；基数不是所公开的预算，
        这些都跟着错。

        如何抑制：用基线（`--write-baseline`、`--baseline`），或 per-file-ignores，
        或 `--ignore budget-to-account`。
    """

    def message(self, later: Ledger, earlier: Ledger) -> Callable[[Stated, Stated], Message]:
        def say(stated: Stated, source: Stated) -> Message:
            return Message(f"{later.year}年决算所列 {stated.label} 年初预算为 {stated.text}，"
                           f"{earlier.year}年预算文件印的是 {source.text}",
                           f"the {later.year} final account gives the budget of {stated.label} as {stated.text}; "
                           f"the {earlier.year} budget prints {source.text}")
        return say
