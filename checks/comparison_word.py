"""The `comparison-word` rule: a comparison word that contradicts the two numbers it compares."""
from __future__ import annotations

from decimal import Decimal
from typing import Iterator

import regex

from auditlint.patterns import compile_lazily
from auditlint.agreement import Options, radius
from auditlint.findings import Finding, Level, Message, Related
from auditlint.model import Amount, Document, Location
from auditlint.domain.wording import FIGURE_TERMS, NEGATION, NUMBER

# What each word says of the first number against the second: 1 larger, -1 smaller, 0 equal.
WORDS = {"大于": 1, "高于": 1, "超过": 1, "多于": 1, "超出": 1, "小于": -1, "低于": -1, "少于": -1,
         "等于": 0, "持平": 0, "一致": 0, "相等": 0}
CHANGE_WORDS = {"增加": 1, "增长": 1, "上升": 1, "提高": 1, "减少": -1, "下降": -1, "降低": -1}
_WORD = "|".join(WORDS)
_CHANGE = "|".join(CHANGE_WORDS)
_GAP = r"(?:[^。；;，,\d%％]|\d{4}\s*年度?){0,16}?"  # words, and years ("比2024年的…"), but no other number

# "支出决算1511.89万元，大于年初预算1560.05万元": A (unit) … WORD … B (unit), nothing numeric between.
# A word denied or bounded (不超过, 未超过, 不一致) claims no order: "≤71.7万元，年度指标值：不超过
# 71.7万元" states a ceiling twice.
_COMPARED = compile_lazily(rf"(?P<a>{NUMBER})\s*(?P<ua>万元|元)\s*[，,]?{_GAP}(?<!{NEGATION})(?P<word>{_WORD}){_GAP}"
                           rf"(?P<b>{NUMBER})\s*(?P<ub>万元|元)")
# "A与B持平", "A与B一致": the word after both numbers.
_EQUALLED = compile_lazily(rf"(?P<a>{NUMBER})\s*(?P<ua>万元|元)\s*[，,]?\s*(?:与|和|同){_GAP}(?P<b>{NUMBER})\s*(?P<ub>万元|元){_GAP}"
                           rf"(?<!{NEGATION})(?P<word>持平|一致|相等)")
# "预算数为10.00万元，决算数为8.00万元，决算数大于预算数": the two figures named after both, by the
# names the sentence gave them before their amounts.
_NAMED = compile_lazily(rf"(?P<na>{FIGURE_TERMS})\s*(?<!{NEGATION})(?P<word>{_WORD})\s*(?P<nb>{FIGURE_TERMS})")
# A figure by its name and its amount: "决算数为8.00万元".
_NAMED_AMOUNT = compile_lazily(rf"(?P<name>{FIGURE_TERMS})\s*(?:为|是|达到?|共计?)?\s*(?P<v>{NUMBER})\s*(?P<u>万元|元)")
# "支出1809.22万元，比上年的1952.60万元增加…": both years' amounts, then the direction.
_CHANGED = compile_lazily(rf"(?P<a>{NUMBER})\s*(?P<ua>万元|元)\s*[，,]?\s*(?:比|较){_GAP}(?P<b>{NUMBER})\s*(?P<ub>万元|元)\s*(?P<word>{_CHANGE})")


class ComparisonWord:
    """A comparison word that contradicts the two numbers it compares.

    What it checks: a sentence that states two amounts in the same unit and a word comparing
    them: 大于/高于/超过/多于 (the first is larger), 小于/低于/少于 (smaller), 等于/持平/一致 (equal),
    and 增加/增长 or 减少/下降 after "A比B" (A is this year's amount, B the one it is compared
    with). "支出决算1511.89万元，大于年初预算1560.05万元" says larger of a smaller number. The
    word may also follow both figures, naming them as the sentence did before their amounts
    ("预算数为10.00万元，决算数为8.00万元，决算数大于预算数"). A word
    denied or bounded (不超过, 未超过, 不低于, 不一致) claims no order. The amount after a named
    figure may be the difference ("本年数小于上年预算数30万元": smaller by 30), so only what no
    such reading explains is reported: larger than a figure by more than oneself. Both numbers
    must be in the sentence with nothing numeric between them and the word; each is taken within
    its rounding, so "equal" holds for 12.30 and 12.3.

    Why it matters: the word is what a reader takes away; when it says the opposite of the
    figures, one of the three is wrong.

    Example (samples/proofreading_2024.txt): 「支出决算1511.89万元，大于年初预算1560.05万元」.

    Suppress: in a text or Markdown document, `<!-- auditlint: disable-next-line=comparison-word -->`.
    """

    id = "comparison-word"
    level = Level.ERROR
    summary_zh = "比较用语与其比较的两个数字相矛盾（如“大于”一个更大的数）"
    explain_zh = """
        检查内容：同一句中两个同单位金额与比较词（大于/高于/超过、小于/低于/少于、等于/持平，
        以及“A比B增加/减少”）。例如“支出决算1511.89万元，大于年初预算1560.05万元”。

        为什么重要：读者记住的是那个比较词；它与数字相反时，三者中必有一个是错的。

        如何抑制：文本或 Markdown 文件中，在该行前加
        `<!-- auditlint: disable-next-line=comparison-word -->`；
        PDF 不能加注释，用基线（`--write-baseline` 记录、`--baseline` 隐藏已记录的发现）。
    """

    def check(self, doc: Document, options: Options) -> Iterator[Finding]:
        for paragraph, _, clean in doc.facts.sentences:
            if "元" not in clean.text:
                continue  # every comparison held to its numbers is of amounts in 元 or 万元
            # cheaper than letting the patterns try every number of the sentence
            compares = any(map(clean.text.__contains__, WORDS))
            changes = any(map(clean.text.__contains__, CHANGE_WORDS))
            for pattern, meaning, said in ((_COMPARED, WORDS, compares), (_EQUALLED, WORDS, compares),
                                           (_CHANGED, CHANGE_WORDS, changes)):
                if not said:
                    continue
                for match in pattern.finditer(clean.text):
                    if match.group("ua") != match.group("ub"):
                        continue
                    a, b = clean.amount(paragraph, match, "a"), clean.amount(paragraph, match, "b")
                    word = match.group("word")
                    actual = _order(a.value, b.value)
                    if actual == meaning[word] or (pattern is _COMPARED and _may_be_the_difference(match, meaning[word], actual)):
                        continue
                    yield self._contradicted(word, "", a, "", b, actual, clean.locate(paragraph, match.start("word"), match.end("word")))
            if not compares:
                continue
            # A comparison of two figures by the names the sentence gave them before their
            # amounts ("预算数为10.00万元，决算数为8.00万元，决算数大于预算数"): each name's last
            # amount before the comparison, in one unit.
            for match in _NAMED.finditer(clean.text):
                if match.group("na") == match.group("nb"):
                    continue
                found = [_named_amount(clean.text, match.group(name), match.start()) for name in ("na", "nb")]
                if None in found or found[0].group("u") != found[1].group("u"):
                    continue
                a, b = (clean.amount(paragraph, m, "v") for m in found)
                word = match.group("word")
                actual = _order(a.value, b.value)
                if actual == WORDS[word]:
                    continue
                yield self._contradicted(match.group(), f"{match.group('na')} ", a, f"{match.group('nb')} ", b, actual,
                                         clean.locate(paragraph, match.start("word"), match.end("word")))

    def _contradicted(self, said: str, name_a: str, a: Amount, name_b: str, b: Amount, actual: int,
                      location: Location) -> Finding:
        """The finding of a comparison (`said`) that the order of its figures (`actual`) denies."""
        relation = {1: ("大于", "larger than"), -1: ("小于", "smaller than"), 0: ("等于", "equal to")}[actual]
        return Finding(
            rule=self.id,
            level=self.level,
            message=Message(f"“{said}”与数字不符：{name_a}{a.text} {relation[0]} {name_b}{b.text}",
                            f"“{said}” contradicts its numbers: {name_a}{a.text} is {relation[1]} {name_b}{b.text}"),
            location=location,
            related=(Related(a.location, Message(a.text, a.text)), Related(b.location, Message(b.text, b.text))),
            logical=f"compare:{a.text}:{said}:{b.text}",
            stated=said,
            expected=relation[0],
        )


def _named_amount(text: str, name: str, end: int) -> regex.Match | None:
    """The last amount before `end` that the sentence names `name` ("决算数为8.00万元"); each name
    is read whole (决算数 is not the tail of 上年决算数)."""
    found = [m for m in _NAMED_AMOUNT.finditer(text, 0, end) if m.group("name") == name]
    return found[-1] if found else None


def _may_be_the_difference(match: regex.Match, meaning: int, actual: int) -> bool:
    """May the second amount be by how much the first differs, which the sentence then reads
    consistently? "本年数小于上年预算数30万元" is smaller than last year's by 30: the amount after
    a named figure (上年预算数, 年初预算) may be the difference, not the figure. Smaller by any
    amount is always possible; larger by as much as the amount itself (the figure named would
    be 0) is possible; larger by more would make the figure named less than nothing, so
    "支出决算1511.89万元，大于年初预算1560.05万元" still contradicts itself."""
    named = _HAN.search(match.string, match.end("word"), match.start("b")) is not None
    return named and (meaning == -1 or (meaning == 1 and actual == 0))


_HAN = compile_lazily(r"\p{Han}")


def _order(a: Decimal, b: Decimal) -> int:
    """1 when a > b, -1 when a < b, 0 when their printed values may be equal (within rounding)."""
    if abs(a - b) <= max(radius(a), radius(b)):
        return 0
    return 1 if a > b else -1
