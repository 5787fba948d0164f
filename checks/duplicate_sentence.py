"""The `duplicate-sentence` rule: text repeated back to back by an editing slip."""
from __future__ import annotations

from typing import Iterator

from auditlint.patterns import compile_lazily
from auditlint.agreement import Options
from auditlint.findings import Finding, Level, Message, Related
from auditlint.model import Document, Location, Paragraph

_HAN = compile_lazily(r"\p{Han}")
_PROSE_PUNCTUATION = compile_lazily(r"[，。；：、！？]")
_PUNCTUATION = compile_lazily(r"\p{P}")
_HAN_GAP_HAN = compile_lazily(r"\p{Han}\s+(?=\p{Han})")

MIN_HAN = 3          # 主要是主要是 is the shortest slip worth a finding; 研究研究 is grammar
MAX_REPEAT = 400     # longest repeated unit looked for (a long sentence)
QUOTE = 40           # characters of the repeated text quoted in a message


class DuplicateSentence:
    """Text repeated back to back: a sentence, clause or phrase pasted or typed twice.

    What it checks: a run of text immediately followed by the same run again ("主要是用于医疗保障
    缴费的支出。主要是用于医疗保障缴费的支出。", "主要是主要是人员异动"), inside a paragraph
    or as two consecutive identical paragraphs. Wrapped lines are joined first, so a repeat that
    crosses a line break is found; whitespace is ignored.

    Why it matters: a doubled sentence or phrase is an editing slip that a reader notices at once
    and that makes the whole disclosure look unchecked.

    What it leaves alone: repeats shorter than three Chinese characters (研究研究 is grammar);
    runs that do not start a clause (list items sharing words: 离休费、退休费、退职费) or whose
    copies are apart (预算数 预算数, a flattened two-sided table header);
    table rows and headers (a two-sided table repeats 项目 预算数 by design); text laid out as
    space-separated words (a table header flattened by extraction); text repeated at a distance,
    such as boilerplate restated in another section, indicator labels recurring in several
    tables, and page headers and footers.

    And a numbered list (a glossary, the function codes spent on) that defines the same term in
    two of its items ("5、…事业单位医疗(项)：指…" and "10.…事业单位医疗(项)：反映…"): a warning, as
    the second item may be meant for another term whose name was pasted from the first.

    Example (samples/planted_budget_2025.txt): 「政务数据共享平台运行维护386.52万元，主要用于主要用于平台
    软硬件运行维护」.

    Suppress: fix the text; in a text or Markdown document, `<!-- auditlint: disable-next-line=
    duplicate-sentence -->` before the line.
    """

    id = "duplicate-sentence"
    level = Level.ERROR
    summary_zh = "文字紧接着重复：一句、一个分句或一个短语被粘贴或录入了两遍"
    explain_zh = """
        检查内容：一段文字紧接着又出现一次（如“主要是主要是人员异动”），包括跨行的重复和相邻两段完全相同。
        三个汉字以下的重复（研究研究）、表格行和表头、相隔较远的重复（各部分的固定表述、页眉页脚）不报。
        编号列表（名词解释、支出科目说明）中同一名词被两项重复解释的，为警告。

        为什么重要：重复的句子是一眼可见的编辑差错，会让读者觉得整份公开材料没有校对过。

        如何抑制：改正文字；文本或 Markdown 文件中，在该行前加
        `<!-- auditlint: disable-next-line=duplicate-sentence -->`。
    """

    def check(self, doc: Document, options: Options) -> Iterator[Finding]:
        yield from self._terms(doc)
        previous: tuple[Paragraph, str] | None = None
        for paragraph in doc.paragraphs:
            compact = "".join(paragraph.text.split())  # whitespace gone, as str.isspace says
            yield from self._within(paragraph, compact)
            if previous is not None and _is_repeated_paragraph(previous[1], compact):
                yield self._finding(paragraph.body.locate(0, len(paragraph.text)),
                                    previous[0].body.locate(0, len(previous[0].text)), compact)
            previous = paragraph, compact

    def _terms(self, doc: Document) -> Iterator[Finding]:
        """A numbered list defining a term again (a warning: the second item may be meant as
        another term, whose name was pasted from the first)."""
        for repeated in doc.facts.repeated_terms:
            (first, at), (again, location) = repeated.first, repeated.again
            yield Finding(
                rule=self.id, level=Level.WARNING,
                message=Message(f"列表第 {again} 项再次解释「{repeated.term}」（第 {first} 项已解释）",
                                f"item {again} of the list defines “{repeated.term}” again (item {first} did)"),
                location=location, related=(Related(at, Message(f"第 {first} 项", f"item {first}")),),
                logical=f"term:{repeated.term}", stated=repeated.term, expected="")

    def _within(self, paragraph: Paragraph, compact: str) -> Iterator[Finding]:
        repeats = find_adjacent_repeats(compact)
        if not repeats:
            return
        origin = [i for i, ch in enumerate(paragraph.text) if not ch.isspace()]
        for start, length in repeats:
            unit = compact[start:start + length]
            first = (origin[start], origin[start + length - 1] + 1)
            second = (origin[start + length], origin[start + 2 * length - 1] + 1)
            if origin[start + length] != first[1] or not _reads_as_prose(paragraph.text, *second):
                continue
            yield self._finding(paragraph.body.locate(*second), paragraph.body.locate(*first), unit)

    def _finding(self, second: Location, first: Location, unit: str) -> Finding:
        quoted = unit if len(unit) <= QUOTE else unit[:QUOTE] + "…"
        return Finding(
            rule=self.id,
            level=self.level,
            message=Message(
                zh=f"文字重复：「{quoted}」紧接着又出现了一次",
                en=f"Repeated text: “{quoted}” appears twice in a row",
            ),
            location=second,
            related=(Related(first, Message(zh="第一次出现", en="first occurrence")),),
            logical=f"repeat:{unit}",
            stated=unit + unit,
            expected=unit,
        )


def find_adjacent_repeats(text: str) -> list[tuple[int, int]]:
    """(start, length) of every run immediately followed by itself, in text order.

    A slip's first copy starts a clause (_clause_starts), so candidates are looked for from
    those starts only: the next places, at most MAX_REPEAT on, where the start's first three
    characters come again, which keeps the work linear in the text for ordinary prose. Longer
    repeats win: a shorter one is kept only when it lies inside the first copy of a longer one
    (a stutter inside a pasted sentence is two slips) and dropped when it lies in the second
    copy (the same stutter, pasted) or straddles a copy.
    """
    candidates: list[tuple[int, int]] = []
    for start in _clause_starts(text):
        trigram = text[start:start + 3]
        if len(trigram) < 3:
            continue
        end = start + MAX_REPEAT + 3  # a second copy starts at most MAX_REPEAT on
        again = text.find(trigram, start + 1, end)
        while again != -1:
            length = again - start
            if text[start:again] == text[again:again + length] and _worth_reporting(text[start:again]):
                candidates.append((start, length))
            again = text.find(trigram, again + 1, end)
    accepted: list[tuple[int, int]] = []
    for start, length in sorted(candidates, key=lambda c: (-c[1], c[0])):
        if all(_nests_in_first_copy(start, length, other) or _apart(start, length, other) for other in accepted):
            accepted.append((start, length))
    return sorted(accepted)


def _nests_in_first_copy(start: int, length: int, outer: tuple[int, int]) -> bool:
    return outer[0] <= start and start + 2 * length <= outer[0] + outer[1]


def _apart(start: int, length: int, other: tuple[int, int]) -> bool:
    return start + 2 * length <= other[0] or other[0] + 2 * other[1] <= start


def _clause_starts(text: str) -> list[int]:
    """Where a clause starts: a slip repeats a whole clause or phrase, so its first copy starts
    at the text's start or after a punctuation mark. Runs that repeat because list items share
    words (离休费、退休费、退职费 repeats "休费、退") start in the middle of a word and are no slip.
    """
    return [0, *(mark.end() for mark in _PUNCTUATION.finditer(text))]


def _worth_reporting(unit: str) -> bool:
    return len(_HAN.findall(unit)) >= MIN_HAN and len(set(unit)) > 1


def _reads_as_prose(text: str, start: int, end: int) -> bool:
    """Prose has punctuation and no spaces between its words; a flattened table header has both
    the other way round. `start:end` is one copy: one stray space per copy is OCR, not layout."""
    span = text[start:end]
    if len(_HAN_GAP_HAN.findall(span)) >= 2:
        return False
    return bool(_PROSE_PUNCTUATION.search(text))


def _is_repeated_paragraph(first: str, second: str) -> bool:
    """Two paragraphs in a row, the same once whitespace is gone (both given without it)."""
    return first == second and len(_HAN.findall(first)) >= 8 and bool(_PROSE_PUNCTUATION.search(first))
