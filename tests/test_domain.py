"""Domain data, table-driven: what a column's header says of its figures (money, year, codes)."""
from __future__ import annotations

import pytest

from auditlint import domain
from auditlint.domain.scope import ALL, FISCAL, GOV_FUND, GPB, STATE_CAPITAL, column_scope


@pytest.mark.parametrize("name, scope", [
    ("合计", ALL),
    ("财政拨款收入/一般公共预算", GPB),
    ("财政拨款收入/政府性基金预算", GOV_FUND),        # the fund under the group decides, not 财政拨款
    ("本年收入/财政拨款/国有资本经营预算拨款", STATE_CAPITAL),
    ("财政拨款/小计", FISCAL),                         # a subtotal counts as its group
    ("财政拨款", FISCAL),
    ("其他资金收入/事业收入", None),                  # a source outside 财政拨款
    ("上年结转", None),
])
def test_a_column_counts_by_its_most_specific_words(name, scope):
    assert column_scope(name) == scope


def test_columns_of_an_earlier_year_state_no_quantity_of_the_tables_year():
    blocks = ("2025年预算数/合计", "2025年预算数/基本支出", "2025年预算数/项目支出",
              "2026年预算数/合计", "2026年预算数/基本支出", "2026年预算数/项目支出")
    assert domain.prior_columns(blocks) == {0, 1, 2}
    # the year's 合计 is the table's total (its first column of the table's year)
    assert domain.column_quantities(blocks, "expenditure") == {3: "total", 4: "basic", 5: "project"}
    # 上年结转 is money carried into this year, no column of the year before.
    assert domain.prior_columns(["合计", "上年结转", "上年预算数", "本年预算数"]) == {2}


@pytest.mark.parametrize("name, codes", [
    ("经济分类科目编码", True), ("功能分类科目编码/类", True), ("单位代码", True), ("项", True),
    ("项目支出", False), ("合计", False), ("一般公共预算基本支出/人员经费", False),
])
def test_a_code_column_is_named_as_one(name, codes):
    assert domain.names_codes(name) is codes


def test_a_column_under_a_group_that_names_a_source_is_one_of_its_kinds():
    # Guangzhou's income table: 财政专户拨款收入/教育收费 and 其他资金收入/… are sources by their group.
    columns = ["合计", "财政拨款收入/一般公共预算", "财政拨款收入/政府性基金预算", "财政专户拨款收入/教育收费",
               "财政专户拨款收入/其他专户收入拨款", "其他资金收入/事业收入", "其他资金收入/其他收入", "上年结转结余"]
    assert domain.column_identities(columns) == [(0, (1, 2, 3, 4, 5, 6, 7))]
    # A column of no source under no source group still leaves the identity unknown.
    assert domain.column_identities(["合计", "财政拨款收入/一般公共预算", "备注/说明"]) == []


def test_a_percentage_is_judged_once():
    from decimal import Decimal
    from auditlint.agreement import Verdict, ratio, ratio_verdict
    from auditlint.model import Amount, Location

    def stated(text):
        return Amount(Decimal(text), text, Location("t", 1, 1, 1, 2))
    # 1297.83 / 8072.29 = 16.0778%: 16.08 rounds, 16.07 truncates (a note), 16.05 is close (a
    # warning), 15.08 is off.
    found = ratio(Decimal("1297.83"), Decimal("8072.29"))
    assert [ratio_verdict(stated(p), found) for p in ("16.08", "16.07", "16.05", "15.08")] == [
        Verdict.AGREES, Verdict.ROUNDING, Verdict.CLOSE, Verdict.CONTRADICTS]
    # A whole base of 50 brings ±0.5: 10 / 50 = 20%, and 19.8% is within 10 / 50.5.
    assert ratio_verdict(stated("19.8"), ratio(Decimal("10"), Decimal("50"))) == Verdict.ROUNDING


def test_the_year_a_column_prints():
    assert domain.column_years(["年初预算数", "调整预算数", "决算数", "2025年预算数", "2026年预算数", "合计", "上年结转"]) == [
        "initial_budget", "initial_budget", "final", "prior", "current", "current", "current"]


def test_the_total_of_a_table_whose_first_column_is_the_year_before():
    from auditlint.domain import column_quantities
    # Chongqing prints last year's total first: the table's own total is the first of its year.
    columns = ("2025年预算数", "2026年预算数/总计", "2026年预算数/基本支出/小计", "2026年预算数/项目支出")
    assert column_quantities(columns, "gpb_function") == {1: "total", 2: "basic", 3: "project"}
    # A first column of no year that names no total is still no total.
    assert 0 not in column_quantities(("项目名称", "基本支出", "项目支出"), "expenditure")
