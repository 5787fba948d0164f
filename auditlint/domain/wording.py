"""The words and number shapes of the narrative, as data: how an amount is printed, which words
say a figure went up or down, what an amount in 元 looks like, what a clause may hold. The
patterns of claims, splits and rules are made of these pieces."""
from __future__ import annotations

import regex

NUMBER = r"(?<![\d.])(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"  # never the tail of a number (".22")
UP = "增加|增长|上升|提高"
DOWN = "减少|下降|降低|减"

# An amount in 元 (not 万元, 亿元 or 千元), and not a price (元/套, 元每…).
YUAN = regex.compile(rf"(?P<amount>{NUMBER})\s*(?<![万亿千])元(?!\s*[/每])")

# A character of one clause: no sentence or clause mark, but a thousands comma (20,292.85) is none.
CLAUSE = r"(?:[^。；;，,]|(?<=\d),(?=\d{3}))"
