"""The `punctuation` rule: doubled punctuation, a percentage without %, an amount without its unit."""
from __future__ import annotations

from typing import Iterator

from auditlint.patterns import compile_lazily
from auditlint.agreement import Options
from auditlint.findings import Finding, Level, Message
from auditlint.model import Document, Location
from auditlint.domain.wording import NUMBER

# The same mark twice ("。。", "，，"); an ellipsis (……) and a dash (——) are doubled by design.
_DOUBLED = compile_lazily(r"([。，、；：！？])\1+|[，、；：][。]|[。][，、；]")
# 增长/下降 take a percentage ("下降28.39%"); 增加/减少 take an amount.
_PERCENT_WORDS = ("增长", "下降", "上升", "降低")
_PERCENT_WORD = compile_lazily(rf"(?:{'|'.join(_PERCENT_WORDS)})了?\s*(?P<number>{NUMBER})(?=\s*[，,。；;]|\s*$)")
# An amount of the narrative: after a word, with two decimals, before a stop.
_BARE_AMOUNT = compile_lazily(r"(?<=[\p{Han}])(?P<number>\d{1,3}(?:,\d{3})+\.\d{2}|\d+\.\d{2})(?=\s*[，,。；;、]|\s*$)")
_AMOUNT_WITH_UNIT = compile_lazily(rf"(?:{NUMBER})\s*万元")


class Punctuation:
    """Doubled punctuation, a percentage without its % sign, an amount without its unit.

    What it checks, in the narrative: the same mark twice in a row ("。。", "，，", "；；") or a
    comma against a full stop ("，。"); a change given with 增长/下降/上升/降低 and a number that
    has no % ("下降28.39，"), since those words take a percentage and 增加/减少 an amount; and an
    amount with two decimals followed directly by punctuation, with no unit, in a sentence whose
    other amounts are in 万元 ("基本支出1004.47万元，项目支出2518.62，").

    Why it matters: a missing % or unit leaves the reader to guess what the number is; doubled
    marks show the text was not proof-read.

    Example (samples/proofreading_2024.txt): 「主要用于信息系统运维。。」, 「下降2.51，」 and
    「项目支出350.20，」.

    Suppress: in a text or Markdown document, `<!-- auditlint: disable-next-line=punctuation -->`.
    """

    id = "punctuation"
    level = Level.WARNING
    summary_zh = "标点重复、百分比缺 % 号、金额缺单位"
    explain_zh = """
        检查内容：说明中同一标点连用（。。，，）或逗号句号相连（，。）；“增长/下降”后的数字缺 %；
        其他金额都以万元计的句子中，一个两位小数的数字后面没有单位。

        为什么重要：缺了 % 或单位，读者只能猜这个数字是什么；标点重复说明文字没有校对。

        如何抑制：文本或 Markdown 文件中，在该行前加
        `<!-- auditlint: disable-next-line=punctuation -->`；
        PDF 不能加注释，用基线（`--write-baseline` 记录、`--baseline` 隐藏已记录的发现）。
    """

    def check(self, doc: Document, options: Options) -> Iterator[Finding]:
        for paragraph in doc.paragraphs:
            for match in _DOUBLED.finditer(paragraph.text):
                yield self._finding(paragraph.body.locate(match.start(), match.end()), match.group(),
                                    "标点重复", "doubled punctuation")
        for paragraph, _, clean in doc.facts.sentences:
            text = clean.text
            percents = set()
            # a word of change first: cheaper than letting the pattern try every number
            changed = _PERCENT_WORD.finditer(text) if any(map(text.__contains__, _PERCENT_WORDS)) else ()
            for match in changed:
                percents.add(match.end("number"))
                yield self._finding(clean.locate(paragraph, match.start("number"), match.end("number")), match.group(),
                                    "百分比缺少 % 号", "a percentage without its % sign")
            if "万元" not in text or not _AMOUNT_WITH_UNIT.search(text):
                continue
            for match in _BARE_AMOUNT.finditer(text):
                if match.end() in percents:
                    continue  # already reported as a percentage without %
                yield self._finding(clean.locate(paragraph, match.start(), match.end()), match.group(),
                                    "金额缺少单位（本句其他金额以万元为单位）", "an amount without its unit (the sentence's others are in 万元)")

    def _finding(self, location: Location, text: str, zh: str, en: str) -> Finding:
        return Finding(self.id, self.level, Message(f"{zh}：“{text}”", f"{en}: “{text}”"), location,
                       logical=f"punctuation:{zh}:{text}", stated=text)
