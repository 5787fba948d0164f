"""The `year-mismatch` rule: a year that contradicts the document's own year where the template fixes it."""
from __future__ import annotations

from typing import Iterator

from auditlint.patterns import compile_lazily
from auditlint.agreement import Options
from auditlint.findings import Finding, Level, Message, Related
from auditlint.model import Document, Location

# "截至2023年12月31日": the date a 决算 reports its assets at, which is the end of its own year.
_AS_OF = compile_lazily(r"截至\s*(?P<year>20\d{2})\s*年\s*12\s*月\s*31\s*日")


class YearMismatch:
    """A year that contradicts the document's own year where the template fixes it.

    What it checks: the document's kind and year come from its title (the first short line that
    names a year and 预算 or 决算). Every other heading or table title that names a year for the
    same kind of document ("2023年度部门决算情况说明", "2023年度收入支出决算总表") must name that
    year; and in a 决算, "截至YYYY年12月31日" (the date its assets are counted at) must be the end
    of that year. A heading that compares or looks back (比2023年…, 上年…, …执行情况) is never
    flagged, nor is any sentence that mentions another year. Without a title that states both the
    kind and the year, the rule says nothing.

    Why it matters: a heading or date carried over from last year's document tells the reader the
    figures beneath it may be last year's too.

    Example (samples/proofreading_2024.txt): the title
    「2024年度临港区数据资源管理局（临港区政务数据中心）部门决算」 and the heading 「2023年度部门决算情况说明」.

    Suppress: fix the year; in a text or Markdown document, `<!-- auditlint: disable-next-line=
    year-mismatch -->` before the line.
    """

    id = "year-mismatch"
    level = Level.ERROR
    summary_zh = "与文件自身年度相矛盾的年份（模板固定年份之处）"
    explain_zh = """
        检查内容：文件的种类和年度取自标题（如“2024年度……部门决算”）；
        其他同类标题和表名中的年份须与之相同，决算中“截至YYYY年12月31日”须为该年年末。
        比较或回顾性质的句子（比2023年……、上年……）不报。

        为什么重要：沿用上年的标题或日期，让读者怀疑其下的数字也是上年的。

        如何抑制：改正年份；文本或 Markdown 文件中，在该行前加
        `<!-- auditlint: disable-next-line=year-mismatch -->`。
    """

    def check(self, doc: Document, options: Options) -> Iterator[Finding]:
        identity = doc.facts.identity
        if identity is None:
            return
        title = Related(identity.location, Message(f"标题：{identity.year}年{identity.kind}",
                                                   f"title: {identity.kind} of {identity.year}"))
        for heading in doc.facts.headings:
            if heading.kind == identity.kind and heading.year != identity.year:
                yield self._finding(heading.year_location, heading.year, identity.year, identity.kind, heading.text, title)
        if identity.kind != "决算":
            return
        for paragraph, _, clean in doc.facts.sentences:
            for match in _AS_OF.finditer(clean.text):
                year = int(match.group("year"))
                if year != identity.year:
                    location = clean.locate(paragraph, match.start("year"), match.end("year"))
                    yield self._finding(location, year, identity.year, identity.kind, match.group(), title)

    def _finding(self, location: Location, year: int, expected: int, kind: str, text: str, title: Related) -> Finding:
        return Finding(
            rule=self.id,
            level=self.level,
            message=Message(f"“{text}”写的是 {year} 年，而本文件是 {expected} 年{kind}",
                            f"“{text}” says {year}, but this is the {kind} of {expected}"),
            location=location,
            related=(title,),
            logical=f"year:{text}",
            stated=str(year),
            expected=str(expected),
        )
