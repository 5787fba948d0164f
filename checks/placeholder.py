"""The `placeholder` rule: template text left in, and an amount missing where the sentence needs one."""
from __future__ import annotations

from typing import Iterator

import regex

from auditlint.patterns import compile_lazily
from auditlint.agreement import Options
from auditlint.findings import Finding, Level, Message
from auditlint.model import Document, Location

_CHANGE_WORDS = "增加|增长|上升|减少|下降|降低"

# Template text, each with what it is. The template offers both words of a change ("增加（减少）")
# or names a department by letters ("XX局"); its instructions to the one filling it in end with
# "作下述说明".
# Each with the characters one of which every match contains: a sentence with none of them is
# passed over without running the pattern.
TEMPLATE_TEXT: tuple[tuple[regex.Pattern, str, str, str], ...] = (
    (compile_lazily(rf"(?:{_CHANGE_WORDS})\s*[（(]\s*(?:{_CHANGE_WORDS})\s*[)）]"),
     "模板中的二选一用语未改", "the template's either-or wording was left in", "（("),
    (compile_lazily(r"(?<![A-Za-z])(?:[XＸ]{2,}|[xｘ]{2,}|×{2,})(?![A-Za-z])(?=\s*[\p{Han}（(])|(?<=[\p{Han}])\s*(?:[XＸ]{2,}|×{2,})(?![A-Za-z])"),
     "模板中的占位符未替换", "a template placeholder was not filled in", "XＸxｘ×"),
    (compile_lazily(r"仍保留该表格式|并在本表下方作下述说明|请在此(?:处)?(?:填写|说明)"),
     "模板的填写说明未删除", "the template's instructions to the writer were left in", "格说请"),
)
# An amount missing before its unit: "财政拨款收支总预算万元", "支出决算为万元，".
MISSING_AMOUNT = compile_lazily(r"(?P<word>预算|决算|支出|收入|经费|拨款|合计|总计|共计|为|是)\s*(?P<unit>万元|元)(?=\s*[，,。；;、）)]|\s*$)")
_UNIT_PHRASE = compile_lazily(r"单位\s*(?:为|是)?\s*$|以\s*$|按\s*$")


class Placeholder:
    """Template text left in, or an amount missing where the sentence needs one.

    What it checks, in the narrative: the template's either-or change words ("增加（减少）",
    "下降（增长）"), letters standing for a name ("XX局", "××单位"), the template's instructions to
    the writer ("仍保留该表格式，并在本表下方作下述说明"), and a unit with no amount before it where
    the sentence needs the amount ("2026年财政拨款收支总预算万元。"). A unit that names the unit
    of a table ("单位：万元", "以万元为单位") is no missing amount.

    Why it matters: template text tells the reader the document was not finished, and a missing
    amount leaves out the very figure the sentence is about.

    Example (samples/proofreading_2024.txt): 「比上年决算数增加（减少）0万元」 and
    「财政拨款收支总决算万元」.

    Suppress: in a text or Markdown document, `<!-- auditlint: disable-next-line=placeholder -->`.
    """

    id = "placeholder"
    level = Level.ERROR
    summary_zh = "模板文字未删除，或句子需要金额处缺了金额"
    explain_zh = """
        检查内容：说明中残留的模板“增加（减少）”“下降（增长）”、代替名称的“XX局”“××单位”、
        模板中给填报人的说明，以及单位前缺了金额（如“财政拨款收支总预算万元。”）。

        为什么重要：模板文字说明文件没有完成，缺了的金额恰是这句话要说的数字。

        如何抑制：文本或 Markdown 文件中，在该行前加
        `<!-- auditlint: disable-next-line=placeholder -->`；
        PDF 不能加注释，用基线（`--write-baseline` 记录、`--baseline` 隐藏已记录的发现）。
    """

    def check(self, doc: Document, options: Options) -> Iterator[Finding]:
        for paragraph, _, clean in doc.facts.sentences:
            text = clean.text
            for pattern, zh, en, clues in TEMPLATE_TEXT:
                if not any(map(text.__contains__, clues)):
                    continue
                for match in pattern.finditer(text):
                    yield self._finding(clean.locate(paragraph, match.start(), match.end()), match.group(), zh, en)
            if "元" not in text:
                continue  # no unit, so no amount missing before one
            for match in MISSING_AMOUNT.finditer(text):
                if _UNIT_PHRASE.search(text[:match.start("unit")]) or regex.search(r"[\d%％]\s*$", text[:match.start()]):
                    continue
                yield self._finding(clean.locate(paragraph, match.start(), match.end()), match.group(),
                                    "此处缺少金额", "the amount is missing before its unit")

    def _finding(self, location: Location, text: str, zh: str, en: str) -> Finding:
        return Finding(self.id, self.level, Message(f"{zh}：“{text}”", f"{en}: “{text}”"), location,
                       logical=f"placeholder:{text}", stated=text)
