"""The `cross-table` rule: the same quantity stated differently in two tables of the same scope."""
from __future__ import annotations

from collections import Counter
from dataclasses import replace
from decimal import Decimal
from typing import Iterator

from auditlint.agreement import Options, amount_verdict, fact_in_wan_yuan, in_wan_yuan, radius
from auditlint.findings import Finding, Level, Message, Place, Related, discrepancy, figure_text, shape_hint
from auditlint.domain.forms import VALUE_UNIT
from auditlint.model import Document, Fact, FormMoney


class CrossTable:
    """The same quantity printed differently in two tables.

    What it checks: a function code's total, 基本支出 and 项目支出 wherever the code is printed (部门
    支出总表, 一般公共预算支出表, and the class rows of the two-sided 收支总表 and 财政拨款收支总表,
    matched by the class's name); an economic item's 一般公共预算 basic expenditure in the tables by
    economic class and in the 一般公共预算拨款 column of the 基本支出总表 (matched by the item's
    name); the document's totals of 支出, 基本支出, 项目支出, 人员经费 and 公用经费 across the
    tables that print them. Scope is respected: a table of all funds (部门) and one of 一般公共预算
    only are compared only when the document has no other funds and no carry-overs (its income is
    all 一般公共预算); otherwise each is compared with tables of its own scope.

    A performance form restates the tables' money too: a project form's 当年预算 (else its
    年度资金总额, else its 项目总预算, which is the year's only when the form's 起始年度 and 终止年度
    are the document's year) against the row of the 项目支出表 its 项目名称 names (under the form's
    实施单位 where the tables print a row per unit; two rows of one list of forms printing one name
    are two units' projects, which the name alone does not pair), and a department's
    overall form (部门整体) against the document's totals, its 财政拨款 against the 财政拨款 income
    and its 资金总额 against the year's spending; only a form of the document's year (a form whose
    title names another year is left alone). An error needs the form read without doubt, its unit
    printed, the tables trusted and, for a total, two tables printing it; else a note. A
    department's self-evaluation (整体绩效自评表) states what it spent (基本支出总额, 项目支出总额):
    against the tables' 基本支出 and 项目支出, else the narrative's when no table prints them (a
    note: the template counts 财政资金 only). And a self-evaluation's cost indicator that names the
    budget (成本指标 | 预算控制数 | 121926.11 元 | 182755.15 元) against the form's own budget
    execution row (预算数 18.27, 执行数 18.24 万元): its target is the 预算数, its actual value the
    执行数, compared in 万元 (a warning at most: a form may set its cost target apart from its budget).

    The same function code must also carry the same name in every table: "20103 政府办公厅（室）
    及相关机构运行" in one table and "…事务" in another is a warning (names are weaker evidence
    than figures: a name cut short by the layout is not reported).

    Why it matters: the tables restate the same figures by design; a figure that differs from its
    restatements is a typing slip in one of them, and readers cannot tell which one to trust.

    How it reports: when the statements disagree, the figure that stands alone against the others
    is the finding, with every other statement related (one figure against five points at the one).
    Between two tables, the figure that breaks its own table's sums is the one reported; when
    nothing tells them apart, the later table is reported against the first. A difference within
    the rounding of the two printed figures (one cent) is a note. Figures are compared in 万元,
    whatever unit each table prints them in, and a gap is an error only when both tables are
    trusted (unit printed, no code read as an amount, sums holding but for a slip or two); else
    a note says what could not be confirmed. A table column that disagrees with the others in
    three or more codes and in three in ten of those compared was read under the wrong header,
    not mistyped code by code: one note says so instead of the errors.

    Example (samples/planted_budget_2025.txt): 表2 prints 「2101103 公务员医疗补助 28.54」 and 表3
    「2101103 公务员医疗补助 28.45」; 表2's 款 21011 (65.17 = 36.72 + 28.45) shows which is wrong.

    Suppress: fix the figure; in a text or Markdown document, `<!-- auditlint: disable-next-line=
    cross-table -->` before the line; for a PDF, a baseline.
    """

    id = "cross-table"
    level = Level.ERROR
    summary_zh = "同一数字在两张表中印得不一样"
    explain_zh = """
        检查内容：同一功能科目的合计、基本支出、项目支出在各表中的数字；
        同一经济科目在按经济分类的表与基本支出表中的数字；支出、基本支出、项目支出、人员经费、
        公用经费等总数在各表之间。同一科目编码在各表中的名称也须一致（名称不一致为警告）。
        绩效表中的金额：项目绩效表（含逐项目列示的绩效目标表）的当年预算与项目支出表中该项目
        （及其单位）的数字，部门整体绩效表的财政拨款、
        资金总额与全文的财政拨款收入、支出总数（只核对本年度的表；表单读取有疑问或未注明单位时为提示）；
        整体绩效自评表的基本支出总额、项目支出总额与表中（或正文中）的基本支出、项目支出；
        自评表成本指标“预算控制数”的目标值、实际完成值与该表预算执行情况的预算数、执行数（至多为警告）。

        为什么重要：各表按设计重复同一数字；一处与其他不同，就是某张表的录入差错，读者无从判断该信哪一个。

        如何抑制：改正数字；文本或 Markdown 文件中，在该行前加
        `<!-- auditlint: disable-next-line=cross-table -->`；
        PDF 用基线。
    """
    takes_tolerance = True

    def check(self, doc: Document, options: Options) -> Iterator[Finding]:
        yield from self._names(doc)
        statements = doc.facts.statements
        single_scope = doc.facts.single_scope
        findings: list[Finding] = []
        compared: Counter[tuple[str, str]] = Counter()  # statements compared, by table and column
        for key, found in sorted(statements.items()):
            groups: dict[str, list[Fact]] = {}
            for statement in found:
                groups.setdefault("all" if single_scope else statement.scope, []).append(statement)
            for group in groups.values():
                if len({id(s.table) for s in group}) > 1:
                    compared.update((s.table.name, s.column) for s in group)
                findings.extend(self._compare(key, group, doc, options.tolerance))
        yield from misread_columns(findings, compared)
        for money in doc.facts.form_money:
            finding = None
            if money.facts:
                finding = self._form(money, doc, options.tolerance)
            elif money.own is not None:
                finding = self._budget_cost(money, options.tolerance)
            if finding is not None:
                yield finding

    def _budget_cost(self, money: FormMoney, extra: Decimal) -> Finding | None:
        """A cost indicator naming the budget (预算控制数) against its form's execution row, in 万元.
        A warning at most: a form may set its cost target apart from its budget, and an indicator
        read from running text may have moved a column; but a reviewer must see why they differ."""
        own, field = money.own, money.field
        assert own is not None and own.amount is not None and field.amount is not None
        unit = VALUE_UNIT.search(field.text)
        indicator = in_wan_yuan(field.amount.value, unit.group("unit") if unit else "")
        stated = in_wan_yuan(own.amount.value, money.unit)
        if indicator is None or stated is None:
            return None
        if indicator[0].quantize(own.amount.value) == stated[0]:
            return None  # the same money, in 元 to the fen and in 万元 to the hundred
        form = money.form.table.name
        finding = discrepancy(
            self.id, amount_verdict(indicator[0] - stated[0], indicator[1] + stated[1], extra),
            Message(f"《{form}》的成本指标「{field.name}」{'年初目标值' if money.subject == '预算数' else '实际完成值'}为 "
                    f"{field.text}，而该表预算执行情况的{money.subject}为 {own.text} {money.unit}",
                    f"{form}'s cost indicator “{field.name}” gives {field.text} as its "
                    f"{'target' if money.subject == '预算数' else 'actual value'}, its budget execution row "
                    f"{own.text} {money.unit} as the {money.subject}"),
            field.location, field.text, own.text, indicator[0] - stated[0],
            related=(Related(own.location, Message(f"预算执行情况：{money.subject}", f"budget execution: {money.subject}")),),
            logical=f"form-cost:{form}:{money.subject}", hint=shape_hint(indicator[0], stated[0]))
        if finding is not None and finding.level == Level.ERROR:
            finding = replace(finding, level=Level.WARNING)
        return finding

    def _form(self, money: FormMoney, doc: Document, extra: Decimal) -> Finding | None:
        """A form's money field against the tables' figures it restates, in 万元: an error only
        when the form was read without doubt, its unit printed, and every table trusted."""
        converted = in_wan_yuan(money.field.amount.value, money.unit) if money.field.amount else None
        if converted is None:
            converted = (money.field.amount.value, radius(money.field.amount.value))
        stated, stated_radius = converted
        expected, expected_radius = fact_in_wan_yuan(money.facts[0])
        doubts = list(dict.fromkeys((*money.doubts, *(d for f in money.facts for d in doc.facts.reading(f.table).doubts))))
        tables = "、".join(dict.fromkeys(f"《{f.table.name}》" for f in money.facts))
        form = money.form.table.name
        return discrepancy(
            self.id, amount_verdict(stated - expected, stated_radius + expected_radius, extra),
            Message(f"《{form}》中「{money.subject}」的{money.field.name}为 {money.field.text}"
                    f"{'' if money.field.text.endswith('元') else ' ' + money.unit}，而{tables}为 {figure_text(money.facts[0])}",
                    f"{form} gives {money.field.name} of “{money.subject}” as {money.field.text} {money.unit}, the tables "
                    f"({', '.join(dict.fromkeys(f.table.name for f in money.facts))}) as {figure_text(money.facts[0])}"),
            money.field.location, money.field.text, money.facts[0].amount.text, stated - expected,
            related=tuple(Related(f.amount.location, Message(f"《{f.table.name}》", f.table.name)) for f in money.facts),
            logical=f"form:{form}:{money.subject}:{money.field.name}", hint=shape_hint(stated, expected), doubts=doubts)

    def _names(self, doc: Document) -> Iterator[Finding]:
        """One code, two names: the code table of every table must agree on what a code is called."""
        for code, (first_table, first), (table, row), name in doc.facts.renamed_codes:
            yield Finding(
                rule=self.id,
                level=Level.WARNING,
                message=Message(f"科目 {code} 在《{first_table.name}》中名为「{first.label}」，在《{table.name}》中名为「{row.label}」",
                                f"code {code} is named “{first.label}” in {first_table.name} and “{row.label}” in {table.name}"),
                location=row.location,
                related=(Related(first.location, Message(f"《{first_table.name}》", first_table.name)),),
                logical=f"name:{code}:{name}",
                stated=row.label,
                expected=first.label,
            )

    def _compare(self, key: tuple[str, ...], group: list[Fact], doc: Document, extra: Decimal) -> Iterator[Finding]:
        if len({id(s.table) for s in group}) < 2:
            return
        values = Counter(fact_in_wan_yuan(s)[0] for s in group)
        if len(values) < 2:
            return
        (majority, count), *_ = values.most_common()
        if list(values.values()).count(count) > 1:
            tied = [value for value, n in values.items() if n == count]
            consistent = [value for value in tied
                          if all(st.fits_its_table for st in group if fact_in_wan_yuan(st)[0] == value)]
            # A tie the tables' own sums can break points at the figure that breaks them; else the
            # contradiction is still certain, reported at the later table against the first.
            majority = consistent[0] if len(consistent) == 1 else fact_in_wan_yuan(group[0])[0]
        for statement in group:
            if fact_in_wan_yuan(statement)[0] == majority:
                continue
            others = [s for s in group if s is not statement and s.table is not statement.table]
            agreeing = [s for s in others if fact_in_wan_yuan(s)[0] == majority]
            if not agreeing:
                continue
            finding = self._finding(key, statement, agreeing, others, doc, extra)
            if finding is not None:
                yield finding

    def _finding(self, key: tuple[str, ...], statement: Fact, agreeing: list[Fact], others: list[Fact],
                 doc: Document, extra: Decimal) -> Finding | None:
        """The statement against those that agree with each other: an error when nothing but a
        slip explains the gap and both readings are trusted (their units printed, their sums
        holding), else a note that says what could not be confirmed."""
        stated, stated_radius = fact_in_wan_yuan(statement)
        expected, expected_radius = fact_in_wan_yuan(agreeing[0])
        verdict = amount_verdict(stated - expected, stated_radius + expected_radius, extra)
        doubts = list(dict.fromkeys(d for s in (statement, *agreeing) for d in doc.facts.reading(s.table).doubts))
        what = describe_key(key)
        where = "、".join(dict.fromkeys(f"《{s.table.name}》" for s in agreeing))
        zh = (f"《{statement.table.name}》中{what[0]}为 {figure_text(statement)}，与{where}的 {figure_text(agreeing[0])} 不一致"
              + (f"（{len(agreeing)} 处一致）" if len(agreeing) > 1 else ""))
        en = (f"{statement.table.name}: {what[1]} is {figure_text(statement)}, while "
              f"{', '.join(dict.fromkeys(s.table.name for s in agreeing))} print {figure_text(agreeing[0])}"
              + (f" ({len(agreeing)} statements agree)" if len(agreeing) > 1 else ""))
        related = tuple(Related(s.amount.location, Message(f"《{s.table.name}》{s.amount.text}", f"{s.table.name}: {s.amount.text}"))
                        for s in others)
        return discrepancy(
            self.id, verdict, Message(zh, en), statement.amount.location, statement.amount.text,
            agreeing[0].amount.text, stated - expected, related=related,
            logical=f"{statement.table.name}/{'/'.join(key)}",
            place=Place(statement.table.name, statement.row.code or statement.row.label, statement.column),
            hint=shape_hint(stated, expected), doubts=doubts)


# Disagreements of one table's column with the others: this many, in this share of the codes
# compared, mean the column was misread (a header one column off), not mistyped figures.
MISREAD_AT_LEAST = 3
MISREAD_SHARE = 0.3


def misread_columns(findings: list[Finding], compared: Counter[tuple[str, str]]) -> Iterator[Finding]:
    """The findings, except that a table column disagreeing with the other tables in many of
    the codes they share gives one note instead: a slip changes a figure or two, a column read
    under the wrong header changes them all."""
    errors: dict[tuple[str, str], list[Finding]] = {}
    for finding in findings:
        if finding.level == Level.ERROR and finding.place is not None:
            errors.setdefault((finding.place.table, finding.place.column), []).append(finding)
    misread = {key for key, found in errors.items()
               if len(found) >= MISREAD_AT_LEAST and len(found) >= MISREAD_SHARE * compared[key]}
    for finding in findings:
        if finding.place is None or (finding.place.table, finding.place.column) not in misread:
            yield finding
    for table, column in sorted(misread):
        found = errors[(table, column)]
        yield Finding(
            rule=CrossTable.id,
            level=Level.NOTE,
            message=Message(f"《{table}》「{column}」列有 {len(found)}/{compared[(table, column)]} 处与其他表格不一致，"
                            f"更可能是该列读错（如表头错位），请用 auditlint show 核对",
                            f"{table} [{column}] disagrees with the other tables in {len(found)} of "
                            f"{compared[(table, column)]} figures; the column was more likely misread (a header one "
                            f"column off) than mistyped: check it with auditlint show"),
            location=found[0].location,
            logical=f"{table}/{column}/misread",
        )


def describe_key(key: tuple[str, ...]) -> tuple[str, str]:
    names = {"total": ("合计", "total"), "basic": ("基本支出", "基本支出"), "project": ("项目支出", "项目支出"),
             "personnel": ("人员经费", "人员经费"), "public": ("公用经费", "公用经费")}
    kind, subject, quantity = key
    zh_q, en_q = names[quantity]
    if kind == "code":
        return f"科目 {subject} 的{zh_q}", f"code {subject} [{en_q}]"
    if kind == "economic":
        return f"「{subject}」的一般公共预算{zh_q}", f"the 一般公共预算 {en_q} of “{subject}”"
    return f"支出{zh_q}", f"the document's {en_q} of expenditure"


