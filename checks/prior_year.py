"""The `prior-year` rule: what a document states of last year against last year's document."""
from __future__ import annotations

from typing import Callable

from auditlint.findings import AcrossDocuments, Level, Message
from auditlint.model import Ledger, Stated

# The pairs of documents this rule holds one to the other (auditlint.index.pairs).
PRIOR_YEAR = "prior-year"


class PriorYear(AcrossDocuments):
    """A figure a document states for the previous year that the previous year's document did not print.

    What it checks: a budget states last year's figures: a column of 上年预算数 (or 2025年预算数)
    beside this year's, and the base of every change its narrative states ("因公出国（境）费预算
    支出106万元，比上年预算增加30万元" states last year's 76万元: this year's amount less the
    increase, or plus the decrease; or the prior amount the sentence names); and each figure it
    states unchanged ("会议费预算支出933.50万元，与上年预算数一致", "…万元。与上年相同。", "与上年
    持平"; "基本持平" says no figure), which is then last year's too. Each is held to the
    figure last year's document of the same department (matched by the index: its name, kind
    and year, read from its title and tables) printed as its own for the same thing: the same
    code (2010201), or row name (基本支出), or column (公务接待费), of the same quantity (合计,
    基本支出 …) and the same money (全部资金, 财政拨款, 一般公共预算), in 万元 whatever unit each
    table is printed in. The narrative's amount is of the table figure it restates (its link, or
    the figure of its value whose row its clause names), so the comparison is of that key.

    A statement that names another stage of last year (上年调整预算, 上年执行数) is not last
    year's budget and is not held to it. Each figure stands for its rounding (a whole 30 万元 for
    29.5 to 30.5): a gap within it is a note. A contradiction is an error only when both
    readings are proven: both tables trusted, the figure holding its table's sums, and the words
    saying last year's budget (上年预算数, 比上年预算); "与上年相比" does not say budget or actual,
    and a figure matched by name and value rather than linked is a reading, not a proof: then a
    note. A figure of one sentence read as several table figures (住房公积金 is a function 项
    and an economic 款 of the same amount) agrees when any of them does.

    Why it matters: a changed base makes every year-on-year percentage wrong while each document
    agrees with itself; only the two documents side by side show it.

    Example (samples/across/budget_2025.txt against samples/across/budget_2024.txt): 「公务接待费
    预算支出2.80万元，比上年预算减少0.40万元」 states 2024's 3.20 万元; the 2024 budget's 三公 table
    prints 公务接待费 3.00 万元.

    Suppress: a finding across documents is at the later document's line: with a baseline
    (`--write-baseline`, `--baseline`), `per-file-ignores`, or `--ignore prior-year`.
    """

    id = "prior-year"
    level = Level.ERROR
    relation = PRIOR_YEAR
    takes_tolerance = True
    summary_zh = "文件所述上年数与上年文件本身所印数字不符（上年预算数列、增减额的基数）"
    explain_zh = """
        检查内容：预算文件所列上年数（“上年预算数”列，正文“比上年预算增加X万元”所隐含的上年数 =
        本年数减增加额或加减少额；“与上年预算数一致”“与上年相同”“与上年持平”所说的上年数即本年数，
        “基本持平”不算），与同一部门上年预算文件中同一科目编码（或行名、列名）、
        同一口径（全部资金/财政拨款/一般公共预算）、同一金额单位（折算为万元）的本年数核对。
        上年调整预算、上年执行数不是上年预算，不予比对。按印出的精度考虑四舍五入。
        只有两份文件的表格都可信、且措辞确指上年预算时才报错误，否则为提示（如“与上年相比”
        未说明是预算数还是执行数）。

        为什么重要：上年基数错了，每个同比百分比都跟着错，而每份文件自身却都对得上。

        如何抑制：用基线（`--write-baseline` 记录、`--baseline` 隐藏），或 per-file-ignores，
        或 `--ignore prior-year`。
    """

    def message(self, later: Ledger, earlier: Ledger) -> Callable[[Stated, Stated], Message]:
        def say(stated: Stated, source: Stated) -> Message:
            how = {"change": ("（本年数与增减额算出）", " (this year's amount less the change)"),
                   "stated": ("（句中所述上年数）", " (as the sentence names it)"),
                   "unchanged": ("（句中称与上年一致的本年数）", " (this year's amount, stated unchanged)")}.get(stated.how, ("", ""))
            return Message(f"{later.year}年文件所述{earlier.year}年的 {stated.label} 为 {stated.text}{how[0]}，"
                           f"{earlier.year}年文件印的是 {source.text}",
                           f"the {later.year} document gives {earlier.year}'s {stated.label} as {stated.text}{how[1]}; "
                           f"the {earlier.year} document prints {source.text}")
        return say
