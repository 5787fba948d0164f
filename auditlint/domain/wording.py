"""The words and number shapes of the narrative, as data: how an amount is printed, which words
say a figure went up or down or deny a comparison, what an amount in 元 looks like, what a clause
may hold. The patterns of claims, splits and rules are made of these pieces."""
from __future__ import annotations

from auditlint.patterns import compile_lazily

NUMBER = r"(?<![\d.])(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"  # never the tail of a number (".22")
UP = "增加|增长|上升|提高"
DOWN = "减少|下降|降低|减"
# Words that name a change's percentage by itself, not its direction: "增幅6.8%", "减幅7.1%".
RATE = "增幅|减幅|降幅|涨幅|增长率|下降率|增减幅度|变动幅度"
# Words that open a list of what an amount is made of: "其中：", "主要包括：", "主要用于：".
LIST_OPENS = "(?:其中|(?:主要|具体)?包括|主要用于)"
# A change of nothing: "与上年持平" (not "基本持平", which is no figure).
LEVEL = "(?<!基本)持平"
# Words that deny or bound the comparison after them: "不超过71.7万元" is a ceiling, "未超过预算" says
# it did not exceed; neither says that one figure is larger than the other.
NEGATION = "不得|不应|不能|不会|不宜|不可|不|未|没有|无|非"

# The names a sentence gives the figures it states, by which it may compare them after both
# ("预算数为10.00万元，决算数为8.00万元，决算数大于预算数"): longest first.
FIGURE_TERMS = "上年决算数|年初预算数|全年预算数|调整预算数|预算安排数|预算数|决算数|执行数|上年数|本年数"

# An amount in 元 (not 万元, 亿元 or 千元), and not a price (元/套, 元每…).
YUAN = compile_lazily(rf"(?P<amount>{NUMBER})\s*(?<![万亿千])元(?!\s*[/每])")

# A character of one clause: no sentence or clause mark, but a thousands comma (20,292.85) is none.
CLAUSE = r"(?:[^。；;，,]|(?<=\d),(?=\d{3}))"
