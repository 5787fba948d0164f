"""The `unit-mismatch` rule: an amount written in 元 that the tables give in 万元."""
from __future__ import annotations

from typing import Any, Iterator, Mapping

import regex

from auditlint.findings import Finding, Level, Message, Related
from auditlint.model import Document
from auditlint.parse.claims import NUMBER
from auditlint.parse.figures import named_figures

# An amount in 元 (not 万元, 亿元 or 千元), with the words before it as its subject.
_YUAN_FIGURE = regex.compile(rf"(?P<subject>[\p{{Han}}（）()]{{2,30}}?)\s*(?:为|是|达|共|计)?\s*(?P<amount>{NUMBER})\s*(?<![万亿千])元")


class UnitMismatch:
    """An amount written in 元 that the tables give, as the same number, in 万元.

    What it checks: an amount in the narrative written in 元 whose subject names a figure of the
    tables (a class, a project, a 三公 item …) stated in 万元 as the very same number: "公务接待费
    2.30元" where the 三公 table gives 2.30 万元. The same number under another unit is a slip of
    the unit, not of the figure: 2.30 元 would be 0.00023 万元. An amount in 元 that equals the
    table figure times 10 000 is a correct conversion and is left alone.

    Why it matters: a unit slip changes the figure ten-thousandfold for the reader.

    Example (samples/planted_budget_2025.txt): 「公务接待费2.30元」 where 表5 gives 2.30 万元.

    Suppress: in a text or Markdown document, `<!-- auditlint: disable-next-line=unit-mismatch -->`.
    """

    id = "unit-mismatch"
    level = Level.ERROR

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Finding]:
        for subject, stated, found in named_figures(doc, _YUAN_FIGURE):
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
                hint=Message("元与万元相差一万倍", "元 and 万元 differ by a factor of 10 000"),
            )
