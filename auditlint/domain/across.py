"""What a document says of another year's or another stage's figures, as data: the words that
name the year a comparison is with (上年, 2017年, 同比) and what of that year it is (预算, 调整预算,
执行数/决算), in a change's comparison ("比上年预算增加30万元") and in a column's name (上年预算数,
2025年执行数, 年初预算数, 调整预算数, 决算数).

A budget's figure of last year is only the figure last year's budget printed when it is last
year's budget (上年预算数, 年初预算), not the budget as adjusted during the year (调整预算) nor
what was spent (上年执行数, 决算). Words that say neither leave it unsaid, and a contradiction
read through them is no error.
"""
from __future__ import annotations

import regex

from auditlint.patterns import compile_lazily

# The stages a figure is of, as auditlint.model names them (domain data imports no model).
BUDGET, ADJUSTED, FINAL = "budget", "adjusted", "final"

# What of a year a comparison or a column names, tried in this order: the adjusted budget (调整
# 预算, 调整后预算, 全年预算, 预算调整), what was spent (执行数, 决算, 实际, 完成数), the budget (年初
# 预算, 预算数, 预算).
BASIS_WORDS: tuple[tuple[regex.Pattern, str], ...] = (
    (compile_lazily(r"调整(?:后)?(?:的)?预算|全年预算|预算调整|变动后预算"), ADJUSTED),
    (compile_lazily(r"执行|决算|实际|完成数|支出数"), FINAL),
    (compile_lazily(r"预算"), BUDGET),
)

# The budget as passed at the start of the year (年初预算), which the year's budget document printed.
INITIAL = compile_lazily(r"年\s*初")

# The year a comparison is with: the year before (上年, 上年度, 去年, 同比), or one it names.
PREVIOUS_YEAR = compile_lazily(r"上\s*年(?!\s*结)(?:度)?|去年|同比")
NAMED_YEAR = compile_lazily(r"(?P<year>20\d{2})\s*年")

# A change's comparison: what it is compared with (`reference`: 上年, 上年预算数, 2017年执行数),
# after 比, 较, 与 or 同比 and before 相比 or the direction of the change. The words around it
# are the subject's (与上年相比收、支预算总计各增加: the 预算 is the subject's, not the base's).
COMPARISON = compile_lazily(r"(?:同比|比|较|与)(?P<reference>[^，,。；;比较与]{0,24}?)"
                            r"(?:相比|相较|比较|对比|(?=增加|增长|上升|提高|减少|下降|降低|持平|一致|$))")

# The basis a document's own figures are of, by its kind.
OWN_BASIS = {"预算": BUDGET, "决算": FINAL}

# Words a column's name prints besides the quantity it states, dropped to read that quantity
# (2025年预算数/合计 is the total; 上年预算数 alone is too).
COLUMN_NOISE = compile_lazily(r"20\d{2}\s*年度?|上年度?|本年度?|年初|调整(?:后)?|全年|预算数?|决算数?|执行数?|"
                              r"金额|数|[（(]万?元[)）]|\s+")


def basis_of(words: str) -> str:
    """What of a year the words name (ADJUSTED, FINAL, BUDGET), or "" when they name none."""
    return next((basis for pattern, basis in BASIS_WORDS if pattern.search(words)), "")


def year_of(words: str, document_year: int) -> int | None:
    """The year a comparison's words name: the document's year less one for 上年, the year
    printed, or None when they name none."""
    if PREVIOUS_YEAR.search(words):
        return document_year - 1
    named = [int(m.group("year")) for m in NAMED_YEAR.finditer(words)]
    return named[-1] if named else None

# A final account's sentence stating a figure's budget as passed beside what was spent, of the
# same thing (its subject the words before them): "行政运行（项）年初预算为485.20万元，支出决算为
# 480.10万元", "年初预算数310.00万元，决算数298.60万元", and what was spent first ("支出决算为
# 480.10万元，年初预算为485.20万元"). `budget` is the 年初预算, `final` what was spent; both in 万元.
_AMOUNT = r"\d[\d,，]*(?:\.\d+)?"
_SAID = r"(?:数)?\s*(?:为|是)?\s*"
_INITIAL_BUDGET = rf"年\s*初\s*预\s*算{_SAID}(?P<budget>{_AMOUNT})\s*万\s*元"
_FINAL = rf"(?:支出)?决\s*算{_SAID}(?P<final>{_AMOUNT})\s*万\s*元"
INITIAL_AND_FINAL: tuple[regex.Pattern, ...] = (
    compile_lazily(rf"{_INITIAL_BUDGET}\s*[，,]\s*{_FINAL}"),
    compile_lazily(rf"{_FINAL}\s*[，,]\s*{_INITIAL_BUDGET}"),
)

# A figure stated with no change from a year before (its amount, then what it is compared with,
# then the words that say it is the same): "会议费预算5.00万元，与上年预算数一致", "…，本年数与上年
# 预算数一致", "…万元。与上年相同。" (a sentence of its own that says only that), "与上年持平".
# The figure is then that year's too. "基本持平" (about level) says no figure, and is not read.
UNCHANGED = compile_lazily(rf"(?P<amount>{_AMOUNT})\s*万\s*元\s*(?:[，,]\s*(?:本年(?:预算)?数?)?|。(?=\s*(?:与|和|同)\s*上))?"
                           r"\s*(?:与|和|同|较|比)(?P<reference>[^，,。；;与和同较比]{0,12}?)(?<!基本)"
                           r"(?:一致|持平|相同|没有变化|无变化)(?=\s*[，,。；;]|\s*$)")
