"""Tables of the real seeds (skipped without ../shared), checked against the seed text by hand.

Each expectation is the row as printed in the seed (quoted in the comment), with every amount
column in order and None where the cell is blank.
"""
from __future__ import annotations

from decimal import Decimal as D

from auditlint.parse import parse_document
from auditlint.readers import read_source
from tests.conftest import seed_path

_CACHE: dict[int, object] = {}


def tables_of(shared, number: int):
    if number not in _CACHE:
        _CACHE[number] = parse_document(read_source(str(seed_path(shared, number)))).tables
    return _CACHE[number]


def table(shared, number: int, kind: str, *, side: str = "", nth: int = 0):
    found = [t for t in tables_of(shared, number) if t.kind == kind and t.side == side]
    assert len(found) > nth, f"no {kind} {side} table #{nth} in seed {number}"
    return found[nth]


def row(tbl, *, code: str = "", label: str = ""):
    for r in tbl.rows:
        if (not code or r.code == code) and (not label or r.label.replace(" ", "") == label):
            return r
    raise AssertionError(f"no row {code or label} in {tbl.name}")


def amounts(r) -> list[str | None]:
    assert not r.unplaced, f"row {r.code} {r.label} left unplaced"
    return [a.text if a is not None else None for a in r.amounts]


# Seed 000: single-space text; blank cells are simply absent, so placement is inferred.

def test_000_expenditure_summary(shared):
    t = table(shared, 0, "expenditure")
    assert t.columns == ("合计", "基本支出", "项目支出")
    assert t.unit == "万元"
    assert amounts(row(t, code="201")) == ["3,225.90", "707.28", "2,518.62"]      # L595
    assert amounts(row(t, code="2010301")) == ["707.28", "707.28", None]         # L603
    assert amounts(row(t, code="2010302")) == ["2,518.62", None, "2,518.62"]     # L605
    assert row(t, code="2080505").label == "机关事业单位基本养老保险缴费支出"         # wrapped over L613-616


def test_000_function_table_puts_0_52_under_public_funds(shared):
    t = table(shared, 0, "gpb_function", nth=0)
    assert t.columns == ("合计", "基本支出/小计", "基本支出/人员经费", "基本支出/公用经费", "项目支出")
    assert amounts(row(t, code="2080501")) == ["12.00", "12.00", "12.00", None, None]   # L745
    assert amounts(row(t, code="2080599")) == ["0.52", "0.52", None, "0.52", None]      # L749 (gold: 公用经费)


def test_000_basic_table_spans_its_two_pages(shared):
    t = table(shared, 0, "gpb_basic")
    assert t.columns == ("合计", "人员经费", "公用经费")
    assert amounts(row(t, code="302")) == ["134.41", None, "134.41"]   # L823
    assert amounts(row(t, code="303")) == ["15.63", "15.63", None]     # L851, page two
    assert (t.location.line, t.location.end_line) == (793, 860)


def test_000_two_sided_summary(shared):
    income = table(shared, 0, "summary", side="收入")
    spending = table(shared, 0, "summary", side="支出")
    assert amounts(row(income, label="一、一般公共预算拨款收入")) == ["3,523.09"]   # L472
    assert amounts(row(spending, label="十七、住房保障支出")) == ["138.96"]          # L504
    assert amounts(row(spending, label="二、公共安全支出")) == [None]                # L474


def test_000_empty_tables_keep_their_notes(shared):
    assert "无“三公”经费支出" in table(shared, 0, "sangong").empty_note


# Seed 001: tab-separated; every blank cell is an empty field.

def test_001_expenditure_summary_keeps_the_label_as_printed(shared):
    t = table(shared, 1, "expenditure")
    assert t.columns == ("合计", "基本支出", "项目支出", "事业单位经营支出", "上缴上级支出", "对附属单位补助支出")
    r = row(t, code="20103")                                                     # L154
    assert r.label == "政府办公厅（室）及相关机构运行"
    assert amounts(r) == ["2561.10", "1123.10", "1438.00", None, None, None]


def test_001_function_table_with_a_merged_header(shared):
    t = table(shared, 1, "gpb_function", nth=0)
    assert t.columns == ("合计", "基本支出/小计", "基本支出/人员经费", "基本支出/公用经费", "项目支出")
    assert amounts(row(t, code="2010301")) == ["816.90", "816.90", "420.04", "396.86", None]   # L231
    assert amounts(row(t, code="2010350")) == ["306.20", "306.20", "306.20", None, None]       # L233


def test_001_unit_table_is_not_mistaken_for_truncated_codes(shared):
    t = table(shared, 1, "gpb_function", nth=1)
    r = row(t, code="014001")
    assert not r.truncated
    assert amounts(r) == ["2,877.94", "1,439.94", "1,040.45", "399.50", "1,438.00"]


def test_001_basic_table(shared):
    t = table(shared, 1, "gpb_basic")
    assert amounts(row(t, code="30112")) == ["14.61", "14.61", None]   # L286
    assert amounts(row(t, code="302")) == ["399.50", None, "399.50"]   # L288
    assert amounts(row(t, code="30202")) == [None, None, None]         # 印刷费, all blank


def test_001_two_sided_summary(shared):
    t = table(shared, 1, "fiscal_summary", side="支出")
    assert amounts(row(t, label="（八）卫生健康支出")) == ["83.88"]    # L193


# Seed 002: tab-separated final accounts with 行次 columns, truncated codes and three panels.

def test_002_row_numbers_are_no_amounts(shared):
    spending = table(shared, 2, "summary", side="支出")
    income = table(shared, 2, "summary", side="收入")
    assert spending.columns == ("金额",)
    assert amounts(row(spending, label="一、一般公共服务支出")) == ["2,507.57"]   # L124, not 31
    assert amounts(row(income, label="一、一般公共预算财政拨款收入")) == ["2,897.43"]
    assert amounts(row(spending, label="十、节能环保支出")) == [None]            # L133, not 40


def test_002_truncated_codes_are_flagged(shared):
    t = table(shared, 2, "income")
    r = row(t, label="行政运行")                                                  # L173
    assert (r.code, r.truncated) == ("201030", True)
    assert amounts(r)[:2] == ["972.48", "972.48"]
    assert not row(t, code="20103").truncated


def test_002_header_one_cell_off_is_realigned(shared):
    t = table(shared, 2, "expenditure")
    assert t.columns[:3] == ("本年支出合计", "基本支出", "项目支出")
    assert amounts(row(t, code="2010302"))[:3] == ["1,535.09", None, "1,535.09"]   # L207


def test_002_three_side_by_side_panels(shared):
    panels = {t.side: t for t in tables_of(shared, 2) if t.kind == "gpb_basic"}
    assert set(panels) == {"人员经费", "公用经费", "资本性支出"}
    assert amounts(row(panels["人员经费"], code="301")) == ["1,260.52"]            # L315
    assert amounts(row(panels["人员经费"], label="基本工资")) == ["235.25"]         # L316
    assert row(panels["人员经费"], label="基本工资").truncated                       # 3010
    assert amounts(row(panels["公用经费"], label="印刷费")) == ["0.02"]             # L317
    assert amounts(row(panels["资本性支出"], code="310")) == [None]


def test_002_fiscal_summary_spending_side_has_four_columns(shared):
    t = table(shared, 2, "fiscal_summary", side="支出")
    assert len(t.columns) == 4
    assert amounts(row(t, label="八、社会保障和就业支出")) == ["105.46", "105.46", None, None]   # L244


# Seed 003: OCR'd; split numbers, a shifted column and flattened tables.

def test_003_split_numbers_are_read_and_the_shifted_column_is_dropped(shared):
    [t] = [t for t in tables_of(shared, 3) if t.title == "2023年一般公共预算支出表(功能分类项级)"]
    assert "政府经济分类支出" not in t.columns
    assert any("错行" in note for note in t.notes)
    r = row(t, code="2010306")                                                    # L260
    assert [a.value for a in r.amounts[:3]] == [D("5188.13"), D("737.26"), D("4447.26")]  # '5188. 13'
    assert amounts(row(t, code="2080501"))[:4] == ["7.06", None, None, "7.06"]   # L263


def test_003_flattened_tables_are_noted_not_read(shared):
    flattened = [t for t in tables_of(shared, 3) if t.kind in ("summary", "fiscal_summary", "expenditure")]
    assert flattened and all(not t.rows and any("压平" in n for n in t.notes) for t in flattened)


def test_003_income_table(shared):
    t = table(shared, 3, "income")
    r = row(t, code="003")                                                        # L236
    assert [a.value if a else None for a in r.amounts[:3]] == [D("5456.16"), D("4461.66"), D("4461.66")]
    assert any(a is not None and a.value == D("994.50") for a in r.amounts[3:])
