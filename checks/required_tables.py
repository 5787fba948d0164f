"""The `required-tables` rule: standard tables missing, or present with no data and no note."""
from __future__ import annotations

from typing import Iterator

from auditlint.agreement import Options
from auditlint.findings import Finding, Level, Message, Related
from auditlint.model import Document
from auditlint import domain

# A document that prints at least this many standard tables prints the set; fewer, and its
# tables are published elsewhere (or were not extracted), so no single one is "missing".
MIN_TABLES = 4


class RequiredTables:
    """A standard table that is missing, or present with no data and no note.

    What it checks: a 预算 must publish 部门收支总表, 部门收入总表, 部门支出总表, 财政拨款收支总表,
    一般公共预算支出表, 一般公共预算基本支出表, 一般公共预算“三公”经费支出表, 政府性基金预算支出表,
    国有资本经营预算支出表 and 项目支出表; a 决算 the same set but the 项目支出表 (under 决算 names:
    收入支出决算总表, 收入决算表 …). Tables are recognised by title through the synonyms of
    auditlint's domain data, whatever the city calls them. A table with no data must still be
    printed, with a note (本单位无…/本表无数据): a table printed with neither rows nor such a note
    is reported too. A missing or empty table is not reported when the narrative says the
    department has none of what it is about ("本部门无政府性基金预算收支", "国有资本经营预算拨款
    支出预算为0"): the note is there, only not under a table.
    The kind (预算 or 决算) comes from the document's title; without one, and in a document that
    prints fewer than four standard tables (its tables published apart), the rule says nothing.

    Why it matters: the standard tables are the disclosure; one left out hides the figures the
    public is owed, and an empty table without a word leaves the reader unsure whether it is
    zero or missing.

    Example (samples/proofreading_2024.txt): a 决算 with no 国有资本经营预算财政拨款支出决算表 and
    no word on it, and 「政府性基金预算财政拨款收入支出决算表」 printed with neither rows nor a note.

    Suppress: a baseline (the finding is about the whole document).
    """

    id = "required-tables"
    level = Level.WARNING
    summary_zh = "缺少一张标准表格，或表格既无数据也无说明"
    explain_zh = """
        检查内容：预算应公开部门收支总表、部门收入总表、部门支出总表、财政拨款收支总表、一般公共预算支出表、
        一般公共预算基本支出表、“三公”经费支出表、政府性基金预算支出表、
        国有资本经营预算支出表和项目支出表；决算应公开对应的决算表（项目支出表除外）。
        空表须保留并注明（如“本单位无……”）。说明中已说明没有该项内容的不报。

        为什么重要：标准表格就是公开的内容；漏了一张，就隐去了应向公众公开的数字；空表不加说明，
        读者无法判断是零还是缺失。

        如何抑制：用基线（该发现针对整份文件）：`--write-baseline` 记录、`--baseline` 隐藏已记录的发现。
    """

    def check(self, doc: Document, options: Options) -> Iterator[Finding]:
        identity = doc.facts.identity
        required = domain.REQUIRED_TABLES.get(identity.kind, ()) if identity else ()
        present = {t.kind for t in doc.tables}
        if identity is None or sum(1 for kinds in required if present & set(kinds)) < MIN_TABLES:
            return
        narrative = "".join(p.text for p in doc.paragraphs)
        title = Related(identity.location, Message(f"{identity.year}年{identity.kind}", f"{identity.kind} of {identity.year}"))
        for kinds in required:
            if present & set(kinds) or domain.says_none_of(kinds[0], narrative):
                continue
            name = domain.KINDS_BY_ID[kinds[0]].name
            yield Finding(
                rule=self.id,
                level=self.level,
                message=Message(f"{identity.kind}缺少标准表格《{name}》（也未说明本单位无此项）",
                                f"the standard table {name} is missing from this {identity.kind} (and nothing says there is none)"),
                location=identity.location,
                related=(title,),
                logical=f"missing:{kinds[0]}",
                expected=name,
            )
        for table in doc.tables:
            # A title over a unit line is a table; printed with no rows, it needs its note, which
            # the narrative may give ("政府性基金拨款支出预算为0").
            if table.unit and not table.rows and not table.empty_note and not table.notes \
                    and not domain.says_none_of_title(table.title, narrative):
                yield Finding(
                    rule=self.id,
                    level=self.level,
                    message=Message(f"《{table.title}》没有数据，也没有说明（如“本单位无此项收支”）",
                                    f"{table.title} has no data and no note saying why (such as 本单位无…)"),
                    location=table.location,
                    logical=f"empty:{table.title}",
                )
