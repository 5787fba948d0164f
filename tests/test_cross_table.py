"""cross-table: the same figure in two tables of one scope; the odd one out is the finding."""
from __future__ import annotations

from auditlint.agreement import Options
from auditlint.findings import Level
from auditlint.parse import parse_document
from auditlint.readers.text import read_text
from auditlint.checks.cross_table import CrossTable

INCOME = ("部门收入总表\n单位：万元\n单位编码\t单位名称\t合计\t一般公共预算\t上年结转\n"
          "\t合计\t100.00\t100.00\t\n\n")
CARRY_OVER = ("部门收入总表\n单位：万元\n单位编码\t单位名称\t合计\t一般公共预算\t上年结转\n"
              "\t合计\t100.00\t90.00\t10.00\n\n")


def table(title: str, rows: str) -> str:
    return f"{title}\n单位：万元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n{rows}\n"


ALL_FUNDS = table("部门支出总表", "\t合计\t100.00\t60.00\t40.00\n201\t一般公共服务支出\t100.00\t60.00\t40.00\n")
GPB_SAME = table("一般公共预算支出表", "\t合计\t100.00\t60.00\t40.00\n201\t一般公共服务支出\t100.00\t60.00\t40.00\n")
GPB_LESS = table("一般公共预算支出表", "\t合计\t90.00\t60.00\t30.00\n201\t一般公共服务支出\t90.00\t60.00\t30.00\n")


def findings(text: str):
    return list(CrossTable().check(parse_document(read_text("d.txt", text.encode())), Options()))


def test_tables_that_agree_give_nothing():
    assert findings(INCOME + ALL_FUNDS + GPB_SAME) == []


def test_a_difference_in_a_single_scope_document_is_an_error():
    found = findings(INCOME + ALL_FUNDS + GPB_LESS)
    assert {(f.stated, f.expected, f.level) for f in found} == {("90.00", "100.00", Level.ERROR),
                                                               ("30.00", "40.00", Level.ERROR)}


def test_other_funds_explain_a_difference_between_scopes():
    assert findings(CARRY_OVER + ALL_FUNDS + GPB_LESS) == []


def test_one_figure_against_two_points_at_the_one():
    third = table("一般公共预算基本支出表", "").replace("基本支出表\n", "基本支出表\n")
    summary = ("部门收支总表\n单位：万元\n收入\t\t支出\t\n项目\t预算数\t项目\t预算数\n"
               "一、一般公共预算拨款收入\t100.00\t一、一般公共服务支出\t100.00\n\n")
    found = findings(INCOME + summary + ALL_FUNDS + GPB_LESS + third)
    totals = [f for f in found if "201" in f.logical and f.logical.endswith("total")]
    assert [(f.stated, f.expected) for f in totals] == [("90.00", "100.00")]
    assert len(totals[0].related) == 2


def test_a_tie_is_broken_by_the_table_whose_own_sums_hold():
    wrong = table("部门支出总表", "201\t一般公共服务支出\t10.00\t10.00\t\n20103\t某款\t10.00\t10.00\t\n"
                  "2010301\t行政运行\t6.30\t6.30\t\n2010302\t某项\t4.00\t4.00\t\n")
    right = table("一般公共预算支出表", "201\t一般公共服务支出\t10.00\t10.00\t\n20103\t某款\t10.00\t10.00\t\n"
                  "2010301\t行政运行\t6.00\t6.00\t\n2010302\t某项\t4.00\t4.00\t\n")
    found = findings(INCOME + wrong + right)
    assert {(f.location.line, f.stated) for f in found} == {(wrong.count("\n", 0, wrong.index("6.30")) + INCOME.count("\n") + 1, "6.30")}


def test_a_one_cent_gap_is_a_note():
    cent = table("一般公共预算支出表", "\t合计\t100.01\t60.00\t40.00\n201\t一般公共服务支出\t100.01\t60.00\t40.00\n")
    found = findings(INCOME + ALL_FUNDS + cent)
    assert found and all(f.level == Level.NOTE for f in found)


def test_one_code_with_two_names_is_a_warning_but_a_shortened_name_is_not():
    one = table("部门支出总表", "20103\t政府办公厅（室）及相关机构运行\t10.00\t10.00\t\n")
    other = table("一般公共预算支出表", "20103\t政府办公厅（室）及相关机构事务\t10.00\t10.00\t\n")
    [finding] = findings(INCOME + one + other)
    assert finding.level == Level.WARNING and finding.stated.endswith("事务")
    cut = table("一般公共预算支出表", "20103\t政府办公厅（室）及相关\t10.00\t10.00\t\n")
    assert findings(INCOME + one + cut) == []


def test_words_of_a_wrapped_cell_before_a_name_are_no_other_name():
    from auditlint.model import Location, Row
    from auditlint.parse.statements import _same_name

    one_line = Row("205", "教育支出", (), Location("t.txt", 10, 1, 10, 5))
    wrapped = Row("205", "河办公室）教育支出", (), Location("t.txt", 20, 1, 21, 5))
    assert _same_name(one_line, wrapped)
    assert not _same_name(one_line, Row("205", "其他教育支出", (), Location("t.txt", 30, 1, 30, 7)))


# Shenzhen's two views of the basic expenditure by economic item: 基本支出总表 names the items
# and splits them by source; 一般公共预算支出表（按经济分类） gives their codes and 基本支出.
BASIC_BY_SOURCE = ("基本支出总表\n单位：万元\n支出项目类别\t总计\t一般公共预算拨款\t单位资金\n"
                   "工资福利支出\t80.00\t70.00\t10.00\n基本工资\t50.00\t45.00\t5.00\n津贴补贴\t30.00\t25.00\t5.00\n\n")


def by_economic_class(salary: str) -> str:
    return ("一般公共预算支出表（按经济分类）\n单位：万元\n科目编码\t科目名称\t支出总计\t基本支出\t项目支出\n"
            f"301\t工资福利支出\t70.00\t70.00\t0.00\n30101\t基本工资\t{salary}\t{salary}\t0.00\n"
            "30102\t津贴补贴\t25.00\t25.00\t0.00\n\n")


def test_an_economic_items_general_budget_basic_expenditure_agrees_across_its_two_tables():
    assert findings(BASIC_BY_SOURCE + by_economic_class("45.00")) == []
    # 54.00 for 45.00: the class row 301 (70.00 = 54.00 + 25.00 fails) shows the economic table is wrong.
    [error] = findings(BASIC_BY_SOURCE + by_economic_class("54.00"))
    assert (error.stated, error.expected, error.level) == ("54.00", "45.00", Level.ERROR)
    assert error.place.table == "一般公共预算支出表（按经济分类）"


def test_a_fund_named_under_the_fiscal_group_is_other_money():
    # Guangzhou heads its income columns 财政拨款收入/一般公共预算, 财政拨款收入/政府性基金预算: the
    # department has 政府性基金 money, which the all-funds table holds and the 一般公共预算 one not.
    grouped = ("部门收入总表\n单位：万元\n单位名称\t合计\t财政拨款收入\t\n\t\t一般公共预算\t政府性基金预算\n"
               "合计\t100.00\t90.00\t10.00\n\n")
    assert findings(grouped + ALL_FUNDS + GPB_LESS) == []
    assert {f.level for f in findings(grouped.replace("\t10.00\n", "\t0.00\n") + ALL_FUNDS + GPB_LESS)} == {Level.ERROR}


def test_tables_in_yuan_and_in_wan_yuan_state_the_same_figure():
    in_yuan = table("一般公共预算支出表", "\t合计\t1000000\t600000\t400000\n201\t一般公共服务支出\t1000000\t600000\t400000\n"
                    ).replace("单位：万元", "单位：元")
    assert findings(INCOME + ALL_FUNDS + in_yuan) == []


def test_a_table_whose_unit_is_not_printed_proves_no_error():
    unknown = GPB_LESS.replace("单位：万元\n", "")
    assert {f.level for f in findings(INCOME + ALL_FUNDS + unknown)} == {Level.NOTE}


def test_a_difference_between_tables_in_yuan_and_in_wan_yuan_is_told_in_wan_yuan():
    in_yuan = table("一般公共预算支出表", "\t合计\t1,009,000\t600,000\t409,000\n201\t一般公共服务支出\t1,009,000\t600,000\t409,000\n"
                    ).replace("单位：万元", "单位：元")
    found = [f for f in findings(INCOME + ALL_FUNDS + in_yuan) if f.level == Level.ERROR]
    assert {(f.stated, f.difference) for f in found} == {("1,009,000", "0.9000"), ("409,000", "0.9000")}
    assert all("(= 100.9 万元)" in f.message.en or "(= 40.9 万元)" in f.message.en for f in found)
