"""The money of performance forms: a project form's budget against its row of the 项目支出表, an
overall form's 财政拨款 and total against the document's totals (cross-table), and a form's total
against its sources (sum-of-children). The forms are written in the tabbed layout the form reader
reads (tests/test_form_fields.py), appended to the clean sample, whose tables are trusted."""
from __future__ import annotations

from auditlint.agreement import Options
from auditlint.checks.cross_table import CrossTable
from auditlint.checks.sum_of_children import SumOfChildren
from auditlint.findings import Level
from auditlint.parse import parse_document
from auditlint.readers.text import read_text
from tests.conftest import SAMPLES

CLEAN = (SAMPLES / "clean_budget_2025.txt").read_text(encoding="utf-8")
GLOSSARY = "第四部分 名词解释"
# The clean sample's project form prints 项目当年预算 56.28, as 表7 prints 数据治理外包服务.
PROJECT_BUDGET = "项目当年预算\t56.28"
OVERALL = ("表12\n部门整体支出绩效目标表\n单位：万元\n部门名称\t临港区数据资源管理局\n"
           "资金总额\t1809.22\n财政拨款\t1809.22\n其他资金\t0\n\n")
PROJECT = "表12\n项目支出绩效目标申报表\n单位：万元\n项目名称\t档案数字化\n年度资金总额\t120.00\n财政拨款\t100.00\n其他资金\t20.00\n\n"


def document(text: str):
    assert GLOSSARY in CLEAN and PROJECT_BUDGET in CLEAN
    return parse_document(read_text("f.txt", text.encode()))


def with_form(form: str, text: str = CLEAN):
    return document(text.replace(GLOSSARY, form + GLOSSARY))


def form_findings(check, doc):
    return [f for f in check.check(doc, Options()) if "form" in f.logical]


def test_a_project_form_whose_budget_is_its_project_row_gives_nothing():
    assert form_findings(CrossTable(), document(CLEAN)) == []
    assert [m.subject for m in document(CLEAN).facts.form_money] == ["数据治理外包服务"]


def test_a_project_form_whose_budget_differs_from_its_project_row_is_an_error_at_the_field():
    doc = document(CLEAN.replace(PROJECT_BUDGET, "项目当年预算\t65.28"))
    [error] = form_findings(CrossTable(), doc)
    assert error.level == Level.ERROR
    assert (error.stated, error.expected) == ("65.28", "56.28")
    assert error.location.line == next(i for i, line in enumerate(CLEAN.splitlines(), 1) if PROJECT_BUDGET in line)
    assert "项目支出表" in error.message.zh


def test_a_project_form_of_another_year_is_not_held_to_this_years_table():
    text = CLEAN.replace(PROJECT_BUDGET, "项目当年预算\t65.28").replace("项目支出绩效目标申报表", "2024年项目支出绩效目标申报表")
    assert form_findings(CrossTable(), document(text)) == []


def test_a_gap_of_a_form_read_with_doubts_is_a_note():
    # An indicator header in running text: the form is read with a doubt, so its gap is no error.
    text = CLEAN.replace(PROJECT_BUDGET, "项目当年预算\t65.28").replace(
        "项目支出明细预算", "二级指标 三级指标 指标值 指标值说明\n项目支出明细预算", 1)
    [note] = form_findings(CrossTable(), document(text))
    assert note.level == Level.NOTE


def test_an_overall_forms_fiscal_money_against_the_documents_totals():
    assert form_findings(CrossTable(), with_form(OVERALL)) == []
    [error] = form_findings(CrossTable(), with_form(OVERALL.replace("财政拨款\t1809.22", "财政拨款\t1890.22")))
    assert error.level == Level.ERROR
    assert (error.stated, error.expected) == ("1890.22", "1,809.22")


def test_a_form_total_against_its_sources():
    assert form_findings(SumOfChildren(), with_form(PROJECT)) == []
    [error] = form_findings(SumOfChildren(), with_form(PROJECT.replace("其他资金\t20.00", "其他资金\t2.00")))
    assert error.level == Level.ERROR
    assert (error.stated, error.expected) == ("120.00", "102.00")
    # the overall form's 资金总额 1809.22 = 1809.22 + 0; off by one cent of rounding is a note
    assert form_findings(SumOfChildren(), with_form(OVERALL)) == []
    [note] = form_findings(SumOfChildren(), with_form(PROJECT.replace("财政拨款\t100.00", "财政拨款\t99.99")))
    assert note.level == Level.NOTE
