"""The `unit-mismatch` rule: an amount written in 元 that the document gives elsewhere in 万元."""
from __future__ import annotations

from functools import cache, partial
from typing import Callable, Iterator

from auditlint.patterns import compile_lazily
from auditlint.agreement import Options, claim_amounts, claim_fits
from auditlint.findings import Finding, Level, Message, Related
from auditlint.model import Amount, Document, Location
from auditlint.domain.wording import NUMBER, YUAN

# A number of this many significant digits (1.55, 14.8, 2,877.94) printed under both units is
# one figure with a slipped unit; 40.00 or 1,200.00 may well be two figures.
MIN_SIGNIFICANT = 3
# The hint every finding of this rule carries.
TEN_THOUSANDFOLD = Message("元与万元相差一万倍", "元 and 万元 differ by a factor of 10 000")
MIN_SHARED_FIGURES = 2  # numbers a table in 元 must share with the 万元 figures before its unit is doubted
_WAN_YUAN = compile_lazily(rf"(?<![\d.,])(?P<amount>{NUMBER})\s*万元")


def _key(text: str) -> str:
    return text.replace(",", "")


def significant_digits(text: str) -> int:
    """Digits that carry information: 14.8 has 3, 40.00 and 100 have 1, 2,877.94 has 6."""
    return len(_key(text).replace(".", "").strip("0"))


# Where each number is printed in 万元, by the number as printed.
InWan = dict[str, list[Location]]


def wan_yuan_figures(doc: Document) -> InWan:
    """Where each number is printed in 万元: in the narrative before 万元, and in tables in 万元."""
    found: dict[str, list[Location]] = {}
    for paragraph, _, clean in doc.facts.sentences:
        for match in _WAN_YUAN.finditer(clean.text):
            amount = clean.amount(paragraph, match, "amount")
            found.setdefault(_key(amount.text), []).append(amount.location)
    for table in doc.tables:
        if table.unit == "万元":
            for amount in doc.facts.printed(table):
                found.setdefault(_key(amount.text), []).append(amount.location)
    return found


# An amount in 元 (not 万元, 亿元 or 千元), with the words before it as its subject.
_YUAN_FIGURE = compile_lazily(rf"(?P<subject>[\p{{Han}}（）()]{{2,30}}?)\s*(?:为|是|达|共|计)?\s*(?P<amount>{NUMBER})\s*(?<![万亿千])元")
# What every such amount holds, found far faster: a 元 after no 万, 亿 or 千.
_BARE_YUAN = compile_lazily(r"(?<![万亿千])元")


class UnitMismatch:
    """An amount written in 元 that the document gives elsewhere, as the same number, in 万元.

    What it checks: an amount in the narrative written in 元 whose subject names a figure of the
    tables (a class, a project, a 三公 item …) stated in 万元 as the very same number: "公务接待费
    2.30元" where the 三公 table gives 2.30 万元. The same number under another unit is a slip of
    the unit, not of the figure: 2.30 元 would be 0.00023 万元. An amount in 元 that equals the
    table figure times 10 000 is a correct conversion and is left alone. And, whatever its
    subject, a number of three significant digits or more (1.55, 2,877.94; not 40.00) printed in
    元 here and in 万元 elsewhere in the document, in its narrative or in a table in 万元. And an
    amount in 元 in a sentence whose own figures (a completion rate, a split, a change) all fit
    only when it is read in 万元: "年初预算为1137.18元，支出决算为458.27万元，完成年初预算的
    40.30%", where 458.27 / 1137.18 = 40.30%. And a table headed 单位：元 that prints, as the very
    same numbers, two or more figures the document gives in 万元: its unit line is the slip.

    Why it matters: a unit slip changes the figure ten-thousandfold for the reader.

    Example (samples/planted_budget_2025.txt): 「公务接待费2.30元」 where 表5 gives 2.30 万元.

    Suppress: in a text or Markdown document, `<!-- auditlint: disable-next-line=unit-mismatch -->`.
    """

    id = "unit-mismatch"
    level = Level.ERROR
    summary_zh = "以“元”写出的金额，文件别处以“万元”给出同一数字"
    explain_zh = """
        检查内容：说明中以元为单位的金额，而表格或说明别处以万元给出了完全相同的数字（如“公务接待费2.30
        元”而表中为 2.30 万元）；以及句中其他数字只有按万元理解才算得通的金额，和标为“单位：
        元”却印着以万元给出的数字的表。

        为什么重要：单位写错，数字对读者来说就差了一万倍。

        如何抑制：文本或 Markdown 文件中，在该行前加
        `<!-- auditlint: disable-next-line=unit-mismatch -->`；
        PDF 不能加注释，用基线（`--write-baseline` 记录、`--baseline` 隐藏已记录的发现）。
    """

    def check(self, doc: Document, options: Options) -> Iterator[Finding]:
        reported = set()
        for finding in self._by_subject(doc):
            reported.add(finding.location)
            yield finding
        for finding in self._by_arithmetic(doc, reported):
            reported.add(finding.location)
            yield finding
        in_wan = cache(partial(wan_yuan_figures, doc))  # asked by both ways below, made at most once
        yield from self._by_number(doc, reported, in_wan)
        yield from self._table_in_yuan(doc, in_wan)

    def _by_arithmetic(self, doc: Document, reported: set) -> Iterator[Finding]:
        """An amount in 元 in a sentence whose figures all fit only when it is read in 万元: "年初
        预算为1137.18元，支出决算为458.27万元，完成年初预算的40.30%" (458.27 / 1137.18 = 40.30%),
        a split whose parts make their total with it, a change its two years give. In 元 it would
        be ten thousand times smaller, and nothing in the sentence would hold."""
        for sentence, starts, claims in doc.facts.claims_read_in_wan_yuan():
            in_yuan = set(starts)
            for claim in claims:
                slipped = [a for a in claim_amounts(claim) if a.value != 0 and a.location not in reported
                           and (a.location.line, a.location.column) in in_yuan]
                if not slipped or not claim_fits(claim):
                    continue
                stated = slipped[0]
                reported.add(stated.location)
                yield Finding(
                    rule=self.id,
                    level=self.level,
                    message=Message(f"{stated.text} 写作元，但只有按万元计，本句的数字才相符：单位应为万元？",
                                    f"{stated.text} is written in 元, but the sentence's figures only agree with it "
                                    f"in 万元: 万元 meant?"),
                    location=stated.location,
                    related=tuple(Related(a.location, Message(f"{a.text} 万元", f"{a.text} 万元"))
                                  for a in claim_amounts(claim) if a is not stated),
                    logical=f"unit:{sentence.text[:40]}",
                    stated=f"{stated.text}元",
                    expected=f"{stated.text}万元",
                    hint=TEN_THOUSANDFOLD,
                )

    def _by_number(self, doc: Document, reported: set, figures: Callable[[], InWan]) -> Iterator[Finding]:
        """The same number printed in 元 here and in 万元 elsewhere (the narrative, or a table in
        万元), whatever the words around it: a number of three significant digits or more does
        not recur by chance under the other unit."""
        in_yuan = [stated for paragraph, _, clean in doc.facts.sentences if "元" in clean.text  # what YUAN ends on
                   for match in YUAN.finditer(clean.text)
                   if (stated := clean.amount(paragraph, match, "amount")).location not in reported
                   and significant_digits(stated.text) >= MIN_SIGNIFICANT]
        in_wan = figures() if in_yuan else {}  # most documents state nothing in 元
        for stated in in_yuan:
            others = in_wan.get(_key(stated.text), [])
            if others:
                yield Finding(
                    rule=self.id,
                    level=self.level,
                    message=Message(f"{stated.text} 此处写作元，文件其他处为 {stated.text} 万元：单位应为万元？",
                                    f"{stated.text} is written in 元 here and in 万元 elsewhere in the document: 万元 meant?"),
                    location=stated.location,
                    related=tuple(Related(location, Message(f"{stated.text} 万元", f"{stated.text} 万元"))
                                  for location in others[:5]),
                    logical=f"unit:{stated.text}",
                    stated=f"{stated.text}元",
                    expected=f"{stated.text}万元",
                    hint=TEN_THOUSANDFOLD,
                )

    def _table_in_yuan(self, doc: Document, figures: Callable[[], InWan]) -> Iterator[Finding]:
        """A table headed 单位：元 that prints, as the very same numbers, figures the document gives
        in 万元 elsewhere: its unit line is the slip. Two such numbers at least, each of three
        significant digits or more, so that no coincidence makes the claim."""
        in_yuan = [t for t in doc.tables if t.unit == "元"]
        in_wan = figures() if in_yuan else {}
        for table in in_yuan:
            shared: dict[str, Amount] = {}
            for amount in doc.facts.printed(table):
                if significant_digits(amount.text) >= MIN_SIGNIFICANT and _key(amount.text) in in_wan:
                    shared.setdefault(_key(amount.text), amount)
            if len(shared) < MIN_SHARED_FIGURES:
                continue
            figures = "、".join(a.text for a in shared.values())
            yield Finding(
                rule=self.id,
                level=self.level,
                message=Message(f"《{table.name}》标明单位为元，但其中 {figures} 在文件其他处均为万元：单位应为万元？",
                                f"{table.name} is headed 单位：元, but {figures} are given in 万元 elsewhere in the "
                                f"document: 万元 meant?"),
                location=table.location,
                related=tuple(Related(location, Message(f"{key} 万元", f"{key} 万元"))
                              for key in shared for location in in_wan[key][:1]),
                logical=f"unit:table:{table.name}",
                stated="元",
                expected="万元",
                hint=TEN_THOUSANDFOLD,
            )

    def _by_subject(self, doc: Document) -> Iterator[Finding]:
        if not any(_BARE_YUAN.search(clean.text) for _, _, clean in doc.facts.sentences):
            return  # nothing in 元 for the narrative's links to find (most documents)
        for subject, stated, found in doc.facts.named_figures(_YUAN_FIGURE):
            if {f.table.unit for f in found} != {"万元"} or stated.value == 0:
                continue
            if {f.amount.value for f in found} != {stated.value}:
                continue  # another figure, or a correct conversion (× 10 000)
            yield Finding(
                rule=self.id,
                level=self.level,
                message=Message(
                    f"正文写作 {subject} {stated.text} 元，而表格为 {found[0].amount.text} 万元：单位应为万元？",
                    f"the text gives {subject} as {stated.text} 元, the tables as {found[0].amount.text} 万元: "
                    f"万元 meant?"),
                location=stated.location,
                related=tuple(Related(f.amount.location, Message(f"《{f.table.name}》（万元）", f"{f.table.name} (万元)"))
                              for f in found),
                logical=f"unit:{subject}",
                stated=f"{stated.text}元",
                expected=f"{found[0].amount.text}万元",
                hint=TEN_THOUSANDFOLD,
            )
