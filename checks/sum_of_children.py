"""The `sum-of-children` rule: a total in a table differs from the sum of its parts."""
from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from auditlint.agreement import Options, Verdict, adds_up, amount_verdict, radius, sum_gap
from auditlint.findings import Finding, Level, Message, Place, Related, discrepancy, shape_hint, unconfirmed
from auditlint.domain.forms import BALANCE
from auditlint.model import Amount, Document, FormMoney, Row, Sum, Table, TableReading



# How many parts a form's sum names in its message; past this (a unit's row over its projects),
# it gives their count and sum, each part being named among the related places.
MAX_NAMED_PARTS = 4


class SumOfChildren:
    """A total in a table differs from the sum of its parts.

    What it checks, in every table it could read with confidence. Across columns, in every row:
    合计 = 基本支出 + 项目支出 (+ 经营支出, 上缴上级支出, 对附属单位补助支出), or the economic
    classes; 基本支出 = 人员经费 + 公用经费 (the columns named as parts, nothing unknown between);
    in income and project tables, 合计 = the sources of money (一般公共预算 + 政府性基金 + … +
    单位资金 + 上年结转); and the same identities within each group of a set of columns repeated
    per year or per source of money (Shenzhen's 三公 table, one column per source under each
    kind). A column every row shows to be an "of which" is no part (as_printed), and a table
    whose totals were read apart from their rows claims nothing across (_split_rows).

    Down the rows, in every amount column: a 类 function code against the sum of its 款 codes
    and a 款 against its 项 codes (201 = 20101 + 20103 + …, 20103 = 2010301 + …); an economic
    class against its items (301 = 30101 + …); a department code against its units (126 =
    126001 + …); in a table listing its codes once per unit, the codes within each unit, the
    unit's row against its 类 codes and the department's row against its units; in a
    项目支出表, a group row (22 其他运转类) against its projects and a unit against its groups;
    in a table by unit whose detail rows print their unit's code beside their own (a project, a
    purchase), the unit's row against those rows (a factor of 10 000 there says 元 for 万元);
    and the 合计 or department row against the sum of the top-level codes (numbered items only
    when they run from 一、 without a gap). In a table without codes, read from a PDF or
    positioned text, labels indented by level (a class over its items) are a hierarchy too, once
    nearly every parent of it adds up (indented_hierarchy). A parent is only summed when it has
    children in the table and none of them was cut short by extraction (201030 for 2010301) or
    has amounts of uncertain column.

    In a performance form (绩效目标表, 绩效自评表), its year's total against its sources as the
    form prints them: 资金总额 (or 当年预算) = 财政拨款 (+ 财政专户拨款) + 其他资金, when it prints both;
    a form read with doubts gives a note. In a list of forms, a row per project (Guangzhou's
    项目支出绩效目标表: 总计 = 财政拨款 + 财政专户拨款 + 其他资金 in every row, a blank cell 0), each
    unit's row against its projects' rows and the 合计 against the units' rows, column by
    column; a list more of whose sums fail than a slip or two explains was misread (a project's
    row taken for a unit's), and gives notes. In the money grid of a department's overall form (部门总体资金情况:
    the sources of income down to their 合计, then the kinds of spending down to theirs, by
    column: the year's amount, the two years before), each 合计 against its rows, and in a budget
    the year's income against its spending (a budget balances). A group with a row whose figures
    cannot be placed under their columns is not summed.

    Why it matters: the parts of a total are printed beside it, so a total that does not add up is
    a contradiction any reader can see; it usually means a typed figure or a row left out.

    A total printed over parts that are all blank in its column, or a blank total over printed
    parts, is a warning, not an error: a blank cell is no claim that the value is 0, and a value
    may have been lost in extraction rather than left out of the document.

    Misreadings are notes, never errors: a parent off its parts in several columns by different
    amounts (one typed figure is off by the same amount wherever it is added; rows read into the
    wrong columns are not), a table where many totals fail at once, and the parts of a row that
    does not add up across its own columns (that row is reported once, across).

    A row of a three-column table (合计 = 人员经费 + 公用经费) read with two amounts whose columns
    cannot be told (a flattened line): whichever part the second is, the total must equal it. Two
    different amounts there are a warning (a total left blank would explain them).

    Rounding: each printed value v with d decimals stands for v ± ½·10^−d. When the total and the
    sum are within the sum of those half-units (2877.94 against 2561.10 + 84.78 + 83.88 + 148.19 =
    2877.95), the gap is rounding: reported as a note, never an error.

    Example (samples/planted_budget_2025.txt): 表2 prints 「21011 行政事业单位医疗 65.17」 over
    「2101101 行政单位医疗 36.72」 and 「2101103 公务员医疗补助 28.54」, which make 65.26.

    Suppress: in a text or Markdown document, `<!-- auditlint: disable-next-line=sum-of-children -->`
    before the total's line; for a PDF, a baseline.
    """

    id = "sum-of-children"
    level = Level.ERROR
    summary_zh = "表中合计数与其各部分之和不符"
    explain_zh = """
        检查内容：在能够可靠读出的每张表中，横向：合计 = 基本支出 + 项目支出，
        基本支出 = 人员经费 + 公用经费，合计 = 各资金来源之和；纵向：类 = 其下各款之和，
        款 = 其下各项之和，经济分类类 = 其下各款之和，部门 = 各单位之和，合计 = 各顶级科目之和；
        绩效表中：资金总额 = 财政拨款 + 其他资金；逐项目列示的绩效目标表中，每行总计 = 各资金来源之和，
        单位行 = 其下各项目之和，合计 = 各单位行之和；部门整体绩效表的资金情况中，收入、支出各自的合计 =
        其各行之和，预算中当年收入合计 = 支出合计。

        为什么重要：表内合计是最基本的勾稽关系；合计不等于各部分之和，说明表中有数字录入错误。

        如何抑制：文本或 Markdown 文件中，在合计所在行前加
        `<!-- auditlint: disable-next-line=sum-of-children -->`；
        PDF 用基线。
    """
    takes_tolerance = True

    def check(self, doc: Document, options: Options) -> Iterator[Finding]:
        for reading in doc.facts.readings:
            found = list(self._table(reading, options.tolerance))
            errors = [f for f in found if f.level == Level.ERROR]
            if errors and not reading.sums_trusted:
                yield self._unconfirmed(reading, len(errors))
            else:
                yield from found
        for money in doc.facts.form_money:
            if money.parts:
                finding = self._form_sources(money, options.tolerance)
                if finding is not None:
                    yield finding

    def _form_sources(self, money: FormMoney, extra: Decimal) -> Finding | None:
        """A performance form's total against its sources as the form prints them (资金总额 =
        财政拨款 + 其他资金), all in the form's unit."""
        amounts = [a for a in (money.field.amount, *(p.amount for p in money.parts)) if a is not None]
        total, parts = amounts[0], amounts[1:]
        computed = sum((a.value for a in parts), Decimal(0))
        spread = sum((radius(a.value) for a in amounts), Decimal(0))
        names = " + ".join(f"{p.name} {p.text}" for p in money.parts) + (f" = {computed}" if len(money.parts) > 1 else "")
        names_en = names
        if len(money.parts) > MAX_NAMED_PARTS:  # a unit's row over its many projects: their sum, named in `related`
            names, names_en = f"其下 {len(money.parts)} 行之和为 {computed}", f"its {len(money.parts)} rows add up to {computed}"
        form = money.form.table.name
        balance = money.subject == BALANCE
        whose = f"「{money.subject}」的" if money.subject not in (money.field.name, BALANCE) else ""
        return discrepancy(
            self.id, amount_verdict(total.value - computed, spread, extra),
            Message(f"《{form}》中{whose}{money.field.name} {money.field.text}，而 {names}" + ("（预算收支应平衡）" if balance else ""),
                    f"{form}: {money.field.name}{f' of {money.subject}' if whose else ''} is {money.field.text}, while {names_en}"
                    + (" (a budget balances)" if balance else "")),
            money.field.location, total.text, str(computed), total.value - computed,
            related=tuple(Related(p.location, Message(p.name, p.name)) for p in money.parts),
            logical=f"form-sources:{form}:{money.field.location.line}", hint=shape_hint(total.value, computed),
            doubts=[d for d in money.doubts if d.kind != "unit"])

    def _table(self, reading: TableReading, extra: Decimal) -> Iterator[Finding]:
        """Every sum of one table, as its reading gives them: across its rows, then down its
        families' columns (a family none of whose rows failed across)."""
        table = reading.table
        across: set[int] = set()  # rows that do not add up across their own columns
        families: dict[tuple[int, int], list[Finding]] = {}  # each family's findings down its columns
        for total in reading.sums:
            if total.across:
                finding = self._compare_columns(table, total, extra)
                if finding is not None:
                    yield finding
                    if finding.level == Level.ERROR:
                        across.add(id(total.row))
                continue
            if across and any(id(row) in across for row in (total.row, *total.children)):
                continue  # already reported across; or misread, its amounts under other columns
            family = families.setdefault((id(total.row), id(total.children)), [])
            finding = self._compare(table, total, extra)
            if finding is not None:
                family.append(finding)
        yield from self._two_of_three(reading)
        for parent, children in reading.families:
            yield from self._one_slip_or_misread(table, parent, families.get((id(parent), id(children)), []))

    def _two_of_three(self, reading: TableReading) -> Iterator[Finding]:
        """A row of a three-column table (合计 = A + B) printed with two different amounts whose
        columns are unknown: whichever part the second one is, the total must equal it, unless
        the total itself was left blank. Likely a slip, so a warning, wherever it sits."""
        table = reading.table
        for row in reading.two_of_three:
            first, second = row.unplaced
            if adds_up(first.value, [second.value]):
                continue
            name = row.code or row.label
            yield Finding(
                rule=self.id,
                level=Level.WARNING,
                message=Message(
                    f"《{table.name}》{name} 印有 {first.text} 与 {second.text} 两个数：无论后者属于哪一列，"
                    f"「{table.columns[0]}」都应等于它（除非合计栏空缺）",
                    f"{table.name}: {name} prints {first.text} and {second.text}; whichever column the second "
                    f"is in, [{table.columns[0]}] should equal it (unless the total was left blank)"),
                location=first.location,
                related=(Related(second.location, Message(second.text, second.text)),),
                logical=f"{table.name}/{name}/two-of-three",
                stated=first.text,
                expected=second.text,
                difference=str(first.value - second.value),
                hint=shape_hint(first.value, second.value),
            )

    def _one_slip_or_misread(self, table: Table, parent: Row, family: list[Finding]) -> list[Finding]:
        """A parent off its children in several columns by different amounts is no typed slip
        (one wrong figure is off by the same amount wherever it is added): its rows were read
        into the wrong columns. One note says so instead of the errors."""
        errors = [f for f in family if f.level == Level.ERROR]
        if len(errors) < 2 or len({f.difference for f in errors}) == 1:
            return family
        name = parent.code or parent.label
        note = Finding(
            rule=self.id,
            level=Level.NOTE,
            message=Message(f"《{table.name}》{name} 有 {len(errors)} 列与下级之和不符且差额各不相同，更可能是行列读错，"
                            f"请用 auditlint show 核对",
                            f"{table.name}: {name} disagrees with its parts in {len(errors)} columns by different "
                            f"amounts; its rows were more likely misread than mis-added: check it with auditlint show"),
            location=errors[0].location,
            logical=f"{table.name}/{name}/misread",
        )
        return [f for f in family if f.level != Level.ERROR] + [note]

    def _unconfirmed(self, reading: TableReading, errors: int) -> Finding:
        """A table whose reading is in doubt (many sums failing at once mean it was misread, not
        mis-added; or the parser was unsure of it): one note says what could not be confirmed,
        and no error is claimed."""
        table = reading.table
        doubts = unconfirmed([d for d in reading.doubts if d.kind != "unit"])
        return Finding(
            rule=self.id,
            level=Level.NOTE,
            message=Message(f"《{table.name}》有 {errors} 处合计与下级之和不符{doubts.zh}。请用 auditlint show 核对后人工检查",
                            f"{table.name}: {errors} totals disagree with their parts{doubts.en}. Check it with "
                            f"auditlint show"),
            location=table.location,
            logical=f"{table.name}/unreliable",
        )

    def _compare(self, table: Table, total: Sum, extra: Decimal) -> Finding | None:
        """A parent's figure in one column against the sum of its children's."""
        present = list(total.parts)
        verdict, stated, computed, difference = _verdict(total.total, present, extra)
        if verdict == Verdict.AGREES:
            return None  # most sums: no message to write
        if verdict == Verdict.CONTRADICTS and (total.total is None or not present):
            verdict = Verdict.BLANK  # a blank total, or every part blank: perhaps a value lost
        parent = total.row
        name = parent.code or parent.label
        column_name = table.columns[total.column]
        parts_text = " + ".join(p.text for p in present) or "0"
        stated_text = total.total.text if total.total is not None else "（空）"
        return discrepancy(
            self.id, verdict,
            Message(f"《{table.name}》{name}「{column_name}」为 {stated_text}，下级各项之和为 {parts_text} = {computed}，"
                    f"相差 {difference}",
                    f"{table.name}: {name} [{column_name}] is {stated_text}, but its parts add up to {parts_text} = "
                    f"{computed} (difference {difference})"),
            total.total.location if total.total is not None else parent.location, stated_text, str(computed), difference,
            related=tuple(Related(p.location, Message(f"下级项目 {c.code or c.label}", f"part {c.code or c.label}"))
                          for c, p in ((c, c.amounts[total.column]) for c in total.children) if p is not None),
            logical=f"{table.name}/{name}/{column_name}", place=Place(table.name, name, column_name),
            hint=shape_hint(stated, computed))

    def _compare_columns(self, table: Table, total: Sum, extra: Decimal) -> Finding | None:
        """A row's total column against the columns that make it up (合计 = 基本支出 + 项目支出)."""
        present = list(total.parts)
        verdict, stated, computed, difference = _verdict(total.total, present, extra)
        if verdict == Verdict.AGREES:
            return None  # most sums: no message to write
        if total.total is None:
            verdict = Verdict.BLANK  # a blank cell is no claim that the value is 0: perhaps a value lost
        row = total.row
        name = row.code or row.label
        total_name = table.columns[total.column]
        part_names = " + ".join(table.columns[p] for p in total.part_columns)
        parts_text = " + ".join(p.text for p in present) or "0"
        stated_text = total.total.text if total.total is not None else "（空）"
        return discrepancy(
            self.id, verdict,
            Message(f"《{table.name}》{name}：「{total_name}」为 {stated_text}，而 {part_names} = {parts_text} = {computed}，"
                    f"相差 {difference}",
                    f"{table.name}: {name} [{total_name}] is {stated_text}, but {part_names} = {parts_text} = {computed} "
                    f"(difference {difference})"),
            total.total.location if total.total is not None else row.location, stated_text, str(computed), difference,
            related=tuple(Related(p.location, Message(f"「{table.columns[i]}」", f"[{table.columns[i]}]"))
                          for i in total.part_columns if (p := row.amounts[i]) is not None),
            logical=f"{table.name}/{name}/{total_name}=columns", place=Place(table.name, name, total_name),
            hint=shape_hint(stated, computed))


def _verdict(total: Amount | None, parts: list[Amount], extra: Decimal) -> tuple[Verdict, Decimal, Decimal, Decimal]:
    """(verdict, stated, computed, difference) of a total against its printed parts; a blank total
    stands for 0, with no rounding of its own."""
    stated = total.value if total is not None else Decimal(0)
    values = [p.value for p in parts]
    computed = sum(values, Decimal(0))
    if stated == computed:  # most sums hold to the digit: no rounding radius to weigh
        return Verdict.AGREES, stated, computed, stated - computed
    difference, spread = sum_gap(stated, values)
    if total is None:
        spread = Decimal(0)  # nothing printed, nothing rounded: any part is a gap
    return amount_verdict(difference, spread, extra), stated, computed, difference
