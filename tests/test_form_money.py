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


# The money grid of an overall form (部门总体资金情况), tabbed as Wuhan's 部门整体支出绩效目标申报表.
MONEY_GRID = ("部门整体支出绩效目标申报表\n部门（单位）名称\t某区某局\t\t\t\t\t\n"
              "部门总体资金情况（万元）\t总体资金情况\t\t当年金额\t占比\t近两年收支金额\t\n"
              "\t收入构成\t财政拨款\t2877.94\t100.00%\t3178.38\t3185.47\n"
              "\t\t财政专户资金\t\t\t\t\n"
              "\t\t单位资金\t\t\t\t\n"
              "\t\t合计\t2877.94\t\t3178.38\t3185.47\n"
              "\t支出构成\t人员类项目支出\t1040.44\t36.15%\t1,167.39\t1082.9\n"
              "\t\t运转类项目支出\t443.37\t15.41%\t458.94\t430.57\n"
              "\t\t特定目标类项目支出\t1394.13\t48.44%\t1,552.05\t1672\n"
              "\t\t合计\t2877.94\t100%\t3178.38\t3185.47\n"
              "部门职能概述\t负责全区行政审批制度改革工作。\n")


def grid_findings(text: str, title: str = "某区某局2026年部门预算\n\n"):
    doc = parse_document(read_text("f.txt", (title + text).encode()))
    return form_findings(SumOfChildren(), doc)


def test_a_money_grid_whose_groups_add_up_and_balance_gives_nothing():
    assert grid_findings(MONEY_GRID) == []


def test_a_money_grid_total_off_its_rows_is_an_error_at_the_total():
    [error] = grid_findings(MONEY_GRID.replace("\t合计\t2877.94\t100%\t3178.38\t3185.47", "\t合计\t2877.94\t100%\t3178.38\t3158.47"))
    assert (error.level, error.location.line, error.stated, error.expected) == (Level.ERROR, 13, "3158.47", "3185.47")


def test_a_budgets_income_and_spending_of_the_year_must_balance():
    # Both groups add up (2887.94 of income is 2877.94 + 10 of 单位资金), but income exceeds spending.
    text = MONEY_GRID.replace("\t\t单位资金\t\t\t\t\n\t\t合计\t2877.94", "\t\t单位资金\t10\t\t\t\n\t\t合计\t2887.94")
    [error] = grid_findings(text)
    assert (error.level, error.stated, error.expected) == (Level.ERROR, "2887.94", "2877.94")
    assert "平衡" in error.message.zh
    # a final account's income and spending need not balance
    assert grid_findings(text, "某区某局2026年部门决算\n\n") == []


def test_a_money_grid_group_with_a_row_not_read_by_column_is_not_summed():
    # Running text: a row printing three of four figures cannot be placed under its columns.
    spaced = MONEY_GRID.replace("\t", " ").replace("特定目标类项目支出 1394.13", "特定目标类项目支出 1494.13")
    [error] = grid_findings(spaced)
    assert (error.stated, error.expected) == ("2877.94", "2977.94")
    assert grid_findings(spaced.replace("人员类项目支出 1040.44 36.15% 1,167.39 1082.9", "人员类项目支出 1040.44 36.15% 1,167.39")) == []


def test_a_money_grid_reads_no_header_of_years_and_no_item_of_a_row_as_parts():
    text = MONEY_GRID.replace("\t收入构成\t财政拨款\t2877.94\t100.00%\t3178.38\t3185.47\n",
                              "\t\t近两年收支金额\t\t\t2025\t2024\n"
                              "\t收入构成\t财政拨款\t2877.94\t100.00%\t3178.38\t3185.47\n"
                              "\t\t其中：一般公共预算\t2877.94\t100.00%\t3178.38\t3185.47\n")
    assert grid_findings(text) == []


def test_a_project_forms_total_budget_is_the_years_only_when_the_project_runs_that_year_only():
    # No 当年预算: 项目总预算 may be the budget of several years, so its gap is a note, until the
    # form says the project starts and ends in the document's year.
    text = CLEAN.replace(PROJECT_BUDGET, "项目期\t2025-2027").replace("项目总预算\t56.28", "项目总预算\t168.84")
    [note] = form_findings(CrossTable(), document(text))
    assert note.level == Level.NOTE
    one_year = text.replace("项目期\t2025-2027", "起始年度\t2025年\t终止年度\t2025年")
    [error] = form_findings(CrossTable(), document(one_year))
    assert error.level == Level.ERROR


# A 决算 whose project paragraph restates its self-evaluation's execution row (as Wuhan's print it).
SELF_EVALUATION = ("某区某局2024年度部门决算\n\n"
                   "第一部分 部门决算情况说明\n\n"
                   "档案数字化项目绩效自评综述：项目全年预算数为 103.3 万元，执行数为 96.5 万元，完成预算的 93.42%。\n\n"
                   "项目支出绩效自评表\n"
                   "项目名称\t档案数字化\t\t\t\n"
                   "预算执行情况 (万元) (20 分)\t\t预算数 (A)\t执行数 (B)\t执行率 (B/A)\t得分 (20 分*执行率)\n"
                   "\t年度财政资金总额\t103.30\t96.50\t93.42%\t18.68\n"
                   "年度绩效目标 (80 分)\t一级指标\t二级指标\t三级指标\t年初目标值 (A)\t实际完成值 (B)\t得分\n"
                   "80 分\t产出指标\t数量指标\t扫描档案卷数 (80 分)\t10万卷\t10万卷\t80\n总分\t98.68\n")


def narrative_findings(text: str):
    from auditlint.checks.text_vs_table import TextVsTable
    doc = parse_document(read_text("f.txt", text.encode()))
    return [f for f in TextVsTable().check(doc, Options()) if f.logical.startswith("form-narrative")]


def test_a_project_paragraph_agreeing_with_its_self_evaluation_gives_nothing():
    assert narrative_findings(SELF_EVALUATION) == []


def test_a_project_paragraph_stating_another_execution_than_its_self_evaluation():
    [finding] = narrative_findings(SELF_EVALUATION.replace("执行数为 96.5 万元", "执行数为 69.5 万元"))
    assert (finding.stated, finding.expected, finding.location.line) == ("69.5", "96.50", 5)
    assert finding.level == Level.ERROR
    # a sentence that also names another form's project is no statement of this one's
    two = SELF_EVALUATION.replace("执行数为 96.5 万元", "执行数为 69.5 万元").replace(
        "总分\t98.68\n", "总分\t98.68\n\n项目支出绩效自评表\n项目名称\t档案数字化二期\t\t\t\n")
    assert narrative_findings(two.replace("档案数字化项目绩效自评综述", "档案数字化与档案数字化二期项目绩效自评综述")) == []


# A self-evaluation as running text flattens it (the seeds' layout): its boxes' labels wrapped
# over lines, its grid's header a word or two a line, each row its cells' words in order.
FLAT_SELF_EVALUATION = (
    "附件1\n2025 年度档案数字化费用自评表\n项目名称 档案数字化\n预算执行情况\n（万元）\n"
    "预算数（A） 执行数（B） 执行率（B/A）\n年度财政\n资金总额\n30.5 28.6 94%\n"
    "一级\n指标\n二级指标 三级指标\n年初目标值\n（A）\n实际完成值\n（B）\n产出\n指标\n"
    "数量指标 数字化卷数 ≥1200 卷 1250 卷\n成本指标 预算控制数 {target} 元 {actual} 元\n\n")


def test_a_cost_indicator_naming_the_budget_is_held_to_the_execution_row():
    # 305000 元 is the 预算数 30.5 万元; 310000 元 spent is 31 万元, not the 执行数 28.6
    doc = with_form(FLAT_SELF_EVALUATION.format(target="305000", actual="310000"))
    [finding] = [f for f in form_findings(CrossTable(), doc) if "form-cost" in f.logical]
    assert finding.level == Level.WARNING  # never an error: a cost target may be set apart from the budget
    assert (finding.stated, finding.expected) == ("310000 元", "28.6")
    assert finding.related[0].location.line == finding.location.line - 11  # the execution row


def test_a_cost_indicator_in_yuan_that_rounds_to_the_execution_row_agrees():
    # 286012.40 元 is 28.601240 万元, 28.60 to the hundred: the row's 28.6
    doc = with_form(FLAT_SELF_EVALUATION.format(target="305000", actual="286012.40"))
    assert [f for f in form_findings(CrossTable(), doc) if "form-cost" in f.logical] == []


# A department's self-evaluation states what it spent of each kind, its labels wrapped in their
# boxes; the clean sample's tables print 基本支出 982.82 and 项目支出 826.40.
OVERALL_SELF_EVALUATION = ("整体绩效自评表\n单位名称 临港区数据资源管理局\n基本支出总额\n（万元）\n{basic}\n"
                           "项目支出总额（万\n元）\n{projects}\n年度目标\n保障数据资源管理工作。\n\n")


def test_a_self_evaluations_spending_totals_are_held_to_the_documents():
    doc = with_form(OVERALL_SELF_EVALUATION.format(basic="982.82", projects="862.40"))
    found = [f for f in form_findings(CrossTable(), doc) if f.stated in ("982.82", "862.40")]
    assert [(f.stated, f.expected) for f in found] == [("862.40", "826.40")]
    # the template says these are 财政资金's; a document of other money too spends more: a note
    assert found[0].level == Level.NOTE
