"""The `text-vs-table` rule: a figure in the narrative differs from the table figure it restates."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Iterator, Sequence

from auditlint.agreement import Options, amount_verdict, fact_in_wan_yuan, in_wan_yuan, radius
from auditlint.findings import Finding, Level, Message, Related, discrepancy, figure_text, shape_hint
from auditlint.model import Amount, BudgetRestatement, Document, Doubt, Fact, FormMoney


class TextVsTable:
    """A figure in the narrative differs from the table figure it restates.

    What it checks: an amount in a sentence whose subject (the words right before it) names a row
    of the tables that means one thing in the whole document: a function class (卫生健康支出), an
    economic class (对个人和家庭的补助), a project of the 项目支出表, a column of the one-row 三公
    table (公务接待费; 三公经费 is its 合计, unless the table is printed in blocks of years or of
    budget and actual; 机关运行经费 where the table prints it, as Shanghai's does), or one of the
    document's totals (收支总预算, 基本支出, 项目支出, 人员经费, 公用经费, and 政府采购预算 against
    the 合计 of the 政府采购预算表, the one table that states it). It is compared with that figure
    when every table that states it agrees and the table prints the name once. Names of 款 and 项
    and of sub-items are left alone: they recur under other units and parents. So is a figure
    whose sentence speaks of an earlier year than the document's, and one the sentence calls a
    budget (预算) when the table's title says it holds actuals (决算), or the other way round.

    Units and trust: the table's figure is converted to 万元 from the unit its table prints (a
    narrative of 万元 against tables in 元), each figure keeping its rounding; a gap is an error
    only when every table it restates is trusted (its unit printed, no code read as an amount,
    its sums holding but for a slip or two), else a note that says what could not be confirmed.

    Scope: a total (基本支出, 项目支出 …) is the department's, of all its funds, and is compared
    with the tables of all funds, unless its sentence says 一般公共预算; in a paragraph about
    一般公共预算 money whose sentence does not say, when a table of another scope prints the very
    figure, and when fewer than two tables of its scope print the total, nothing is claimed. A
    name the narrative gives three or more different amounts (per-unit paragraphs: 本级…项目支出,
    中心…项目支出) names no single figure and is left alone.

    A project's paragraph that states its 预算数 or 执行数 ("政务中心业务经费项目绩效自评综述：项目全年
    预算数为 103.3 万元，执行数为 103.3 万元") is held to the execution row of that project's
    绩效自评表 (预算数（A） 执行数（B） 执行率（B/A）), when the sentence names this project and no
    other form's; a form that prints no unit gives a note. The narrative's 基本支出 and 项目支出,
    where no table prints them, are held to a department's self-evaluation (整体绩效自评表, its
    基本支出总额 and 项目支出总额; a note, as the template counts 财政资金 only). A project form's
    budget of the year (its 当年预算, or the 项目总预算 of a project of that year only) is held to the
    form's own sentences and history box that restate it ("2025年预算为86.40万", "2023年计30万,
    2024年30万,2025年30万"), and the change they state against an earlier year.

    Why it matters: the narrative is what most readers read; a figure mistyped there (51.63 for
    15.63) misinforms them, and the tables prove which one is right.

    Hints: two digits swapped, one digit off, a factor of 10 000, one cent of rounding (a note).

    Example (samples/planted_budget_2025.txt): the text has 「数据治理外包服务65.28万元」, 表7
    「数据治理外包服务 其他运转类 56.28」.

    Suppress: in a text or Markdown document, `<!-- auditlint: disable-next-line=text-vs-table -->`.
    """

    id = "text-vs-table"
    level = Level.ERROR
    summary_zh = "说明中的数字与它所重述的表格数字不同"
    explain_zh = """
        检查内容：说明中一个金额，其主语是表中在全文只有一个含义的行（功能分类类级科目、经济分类、
        项目支出表中的项目、“三公”经费各项，或收支总预算、基本支出、项目支出、人员经费、公用经费、
        政府采购预算等总数），与该表格数字比较（按各表单位换算为万元）；说明中某项目的预算数、执行数
        与该项目绩效自评表的预算执行情况比较；表中未列的基本支出、项目支出与整体绩效自评表的支出总额比较（提示）；
        项目绩效表的当年预算与表内文字及“前两年预算及当年预算变动情况”中所写的当年金额比较。

        为什么重要：读者读的是说明，核对的是表格；两者不一致，公开材料就自相矛盾。

        如何抑制：文本或 Markdown 文件中，在该行前加
        `<!-- auditlint: disable-next-line=text-vs-table -->`；
        PDF 不能加注释，用基线（`--write-baseline` 记录、`--baseline` 隐藏已记录的发现）。
    """
    takes_tolerance = True

    def check(self, doc: Document, options: Options) -> Iterator[Finding]:
        extra = options.tolerance
        restated: dict[int, _Restated | None] = {}  # by the figures', shared by every sentence naming them
        for subject, stated, found in doc.facts.restated_figures:
            if id(found) not in restated:
                restated[id(found)] = _Restated.of(found, doc)
            finding = self._compare(subject, stated, restated[id(found)], extra)
            if finding is not None:
                yield finding
        for restatement in doc.facts.budget_restatements:
            yield from self._form_budget(restatement, extra)
        for money in doc.facts.form_money:
            if money.narrative is not None:
                finding = self._form_narrative(money, extra)
                if finding is not None:
                    yield finding

    def _form_narrative(self, money: FormMoney, extra: Decimal) -> Finding | None:
        """A project's paragraph against its self-evaluation's execution row (the 预算数 or 执行数
        each states), or the narrative's 基本支出 and 项目支出 against a department's
        self-evaluation; in 万元 (the form's unit unknown: a note)."""
        stated, form = money.narrative, money.field
        assert stated is not None and stated.amount is not None and form.amount is not None
        converted = in_wan_yuan(form.amount.value, money.unit) or (form.amount.value, radius(form.amount.value))
        # whose figure it is: a project's (its 预算数), or the department's (基本支出 names itself)
        whose_zh, whose_en = ("", "") if money.subject == stated.name else (f"「{money.subject}」", f" of {money.subject}")
        return discrepancy(
            self.id, amount_verdict(stated.amount.value - converted[0], radius(stated.amount.value) + converted[1], extra),
            Message(f"正文中{whose_zh}的{stated.name}为 {stated.text} 万元，而《{money.form.table.name}》为 {form.text}",
                    f"the text gives the {stated.name}{whose_en} as {stated.text} 万元, "
                    f"{money.form.table.name} as {form.text}"),
            stated.location, stated.text, form.text, stated.amount.value - converted[0],
            related=(Related(form.location, Message(f"《{money.form.table.name}》{stated.name}", f"{money.form.table.name}: {stated.name}")),),
            logical=f"form-narrative:{money.subject}:{stated.name}", hint=shape_hint(stated.amount.value, converted[0]),
            doubts=money.doubts)

    def _form_budget(self, form: BudgetRestatement, extra: Decimal) -> Iterator[Finding]:
        """A project form's sentence that restates its budget field, and the change it derives."""
        stated, field = form.stated, form.field
        restated = discrepancy(
            self.id, amount_verdict(stated.value - field.value, radius(stated.value) + radius(field.value), extra),
            Message(f"《{form.form.name}》中写当年预算为 {stated.text} 万元，而该表“当年预算”栏为 {field.text}",
                    f"{form.form.name} states this year's budget as {stated.text} in its text and as "
                    f"{field.text} in its budget field"),
            stated.location, stated.text, field.text, stated.value - field.value,
            related=(Related(field.location, Message("当年预算栏", "the budget field")),),
            logical=f"form-budget:{form.form.name}:{field.text}", hint=shape_hint(stated.value, field.value),
            doubts=form.doubts)
        if restated is not None:
            yield restated
        if form.change is None or form.earlier is None:
            return
        sign = -1 if form.decrease else 1
        expected = sign * (field.value - form.earlier.value)
        spread = radius(form.change.value) + radius(field.value) + radius(form.earlier.value)
        derived = sign * (stated.value - form.earlier.value) == form.change.value
        verb = ("减少", "a decrease") if form.decrease else ("增加", "an increase")
        change = discrepancy(
            self.id, amount_verdict(form.change.value - expected, spread, extra),
            Message(f"{verb[0]} {form.change.text} 万元与 {form.earlier.text} 和当年预算 {field.text} 不符（应为 {expected}）",
                    f"{verb[1]} of {form.change.text} does not follow from {form.earlier.text} and this "
                    f"year's budget {field.text} (that is {expected})"),
            form.change.location, form.change.text, str(expected), form.change.value - expected,
            related=(Related(form.earlier.location, Message("上年预算", "the earlier year's budget")),
                     Related(field.location, Message("当年预算栏", "the budget field")),
                     Related(stated.location, Message("文中的当年预算", "this year's budget in the text"))),
            logical=f"form-change:{form.form.name}:{form.change.text}",
            hint=Message(f"{form.change.text} 是按文中误写的 {stated.text} 算出的", f"{form.change.text} was computed "
                         f"from the mistyped {stated.text}") if derived and stated.value != field.value else None)
        if change is not None:
            yield change

    def _compare(self, subject: str, stated: Amount, found: _Restated | None, extra: Decimal) -> Finding | None:
        """A narrative figure (in 万元) against the table figures it restates, each converted from its
        table's unit. An error needs every one of those tables trusted (its unit printed, its sums
        holding); otherwise the gap is a note that says what could not be confirmed."""
        if found is None:
            return None  # the tables disagree among themselves: cross-table's business
        value = found.value
        verdict = amount_verdict(stated.value - value, radius(stated.value) + found.spread, extra)
        return discrepancy(
            self.id, verdict,
            Message(f"正文中{subject}为 {stated.text} 万元，而{found.tables_zh}为 {found.figure}",
                    f"the text gives {subject} as {stated.text} 万元, the tables ({found.tables_en}) as {found.figure}"),
            stated.location, stated.text, found.expected, stated.value - value,
            related=found.related, logical=f"text:{subject}", hint=shape_hint(stated.value, value),
            doubts=list(found.doubts))


@dataclass(frozen=True)
class _Restated:
    """What the narrative is held to when it restates a set of table figures, worked out once
    for every sentence that names them: a name the narrative repeats is linked to the very same
    figures each time, and rebuilding all this per sentence made a long document cost the
    square of its length."""

    value: Decimal
    spread: Decimal
    expected: str
    figure: str
    tables_zh: str
    tables_en: str
    related: tuple[Related, ...]
    doubts: tuple[Doubt, ...]

    @staticmethod
    def of(found: Sequence[Fact], doc: Document) -> _Restated | None:
        """The figures in 万元, or None when the tables disagree among themselves."""
        converted = [fact_in_wan_yuan(f) for f in found]
        if len({value for value, _ in converted}) > 1:
            return None
        value, spread = converted[0]
        return _Restated(
            value, spread, found[0].amount.text, figure_text(found[0]),
            "、".join(dict.fromkeys(f"《{f.table.name}》" for f in found)),
            ", ".join(dict.fromkeys(f.table.name for f in found)),
            tuple(Related(f.amount.location, Message(f"《{f.table.name}》", f.table.name)) for f in found),
            tuple(dict.fromkeys(d for f in found for d in doc.facts.reading(f.table).doubts)))
