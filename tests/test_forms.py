"""A project form's budget field against the sentences of the same form that restate it."""
from __future__ import annotations

from auditlint.agreement import Options
from auditlint.parse import parse_document
from auditlint.parse.forms import budget_restatements, execution_rates
from auditlint.readers.text import read_text
from auditlint.checks.text_vs_table import TextVsTable

TITLE = "某区某局2025年部门预算\n\n"


def form(field: str, sentence: str, title: str = "项目支出绩效目标申报表") -> str:
    return (f"{title}\n单位：万元\n项目名称\t档案数字化\t\t项目类别\t特定目标类\n{field}\n"
            f"项目前两年预算及当年预算变动情况\t{sentence}\n\n")


def document(*forms: str):
    return parse_document(read_text("f.txt", (TITLE + "".join(forms)).encode()))


def findings(*forms: str):
    return list(TextVsTable().check(document(*forms), Options()))


FIELD = "项目总预算\t120.00\t\t项目当年预算\t86.40"


def test_a_restated_budget_that_differs_from_the_field_is_an_error_with_its_derived_change():
    budget, change = findings(form(FIELD, "2024年预算92.10万。2025年预算为68.40万，比2024年减少23.70万。"))
    assert (budget.stated, budget.expected) == ("68.40", "86.40")
    assert budget.related[0].location.line == 6  # the field, on the line before the sentence
    assert (change.stated, change.expected) == ("23.70", "5.70")  # 92.10 − 86.40
    assert "68.40" in change.hint.en  # 92.10 − 68.40 = 23.70: computed from the mistyped figure


def test_an_agreeing_form_and_one_in_the_same_cell_with_its_unit_pass():
    assert findings(form(FIELD, "2024年预算92.10万。2025年预算为86.40万，比2024年减少5.70万。")) == []
    assert findings(form("项目总预算 （延续性项目填写） 项目当年预算 86.40万元",
                         "2025年预算数为86.40万元，较2024年增加1.20万元。2024年预算数为85.20万元。")) == []


def test_a_wrong_change_alone_is_reported_without_the_derivation_hint():
    [change] = findings(form(FIELD, "2024年预算80.00万。2025年预算为86.40万，比2024年增加4.60万。"))
    assert (change.stated, change.expected) == ("4.60", "6.40")
    assert change.hint is None


def test_other_years_two_fields_and_forms_without_a_field_are_left_alone():
    assert findings(form(FIELD, "2024年预算为68.40万。")) == []  # not the document's year
    assert findings(form(FIELD + "\n项目当年预算\t90.00", "2025年预算为68.40万。")) == []
    assert findings(form("项目总预算\t120.00", "2025年预算为68.40万。")) == []


def test_each_form_is_held_to_its_own_field():
    first = form(FIELD, "2025年预算为86.40万。")
    second = form("项目总预算\t50.00\t\t项目当年预算\t50.00", "2025年预算为86.40万。")
    [finding] = findings(first, second)
    assert (finding.stated, finding.expected) == ("86.40", "50.00")
    assert len(list(budget_restatements(document(first, second)))) == 2


def execution_form(header: str, row: str) -> str:
    return ("2024年度项目支出绩效自评表\n\n项目名称\t档案数字化\n\n预算执行情况\n\n（万元）\n\n"
            f"{header}\n\n年度财政\n\n资金总额\n{row}\n\n年度目标\t完成档案数字化\n")


def rate_findings(header: str, row: str):
    from auditlint.checks.percentage import Percentage
    doc = parse_document(read_text("e.txt", ("某区某局2024年度部门决算\n\n" + execution_form(header, row)).encode()))
    return [(f.stated, f.expected) for f in Percentage().check(doc, Options())]


def test_a_self_evaluation_forms_execution_rate_is_spending_over_budget():
    header = "预算数（A） 执行数（B） 执行率（B/A）"
    assert rate_findings(header, "8 7.62 95%") == []                  # 95.25% rounds to 95%
    assert rate_findings(header, "8 7.62 92%") == [("92%", "95.25%")]
    # The national template: 年初预算数 and 分值 stand among them, 得分 after.
    wide = "年初预算数 全年预算数（A） 全年执行数（B） 分值 执行率（B/A） 得分"
    assert rate_findings(wide, "10 8 7.62 10 95.25% 9.53") == []
    assert rate_findings(wide, "10 8 7.62 10 88.00% 8.80") == [("88.00%", "95.25%")]


def test_an_execution_row_that_does_not_fit_its_header_is_left_alone():
    header = "预算数（A） 执行数（B） 执行率（B/A）"
    assert rate_findings(header, "7.62 92%") == []                    # the budget's figure lost
    assert rate_findings("预算数（A） （B） 执行数 (B/A)", "8 7.62 92%") == []  # the markers moved
    # The header's own line holds its figures: the next line with a percentage is another row.
    assert rate_findings(header + " 8 7.62 95%", "\n数量指标\t数字化完成率\t100\t95\t90%") == []


def test_seed_004s_execution_rows_one_of_which_is_off(shared):
    # Checked by hand: 18.24/18.27 = 99.8% (100%), 275.67/452.24 = 61.0%, 5.44/20 = 27.2%,
    # 0.83/5 = 16.6%, 3/3, 0.69/5 = 13.8%, 1.55/3.7 = 41.9% (42%); 4.76/5 = 95.2%, printed 94%.
    from auditlint.readers import read_source
    from auditlint.checks.percentage import Percentage
    from tests.conftest import seed_path
    doc = parse_document(read_source(str(seed_path(shared, 4))))
    rows = [(c.budget.text, c.actual.text, c.percent.text) for c in execution_rates(doc)]
    assert rows == [("18.27", "18.24", "100"), ("452.24", "275.67", "61"), ("20", "5.44", "27"), ("5", "0.83", "17"),
                    ("3", "3", "100"), ("5", "0.69", "14"), ("5", "4.76", "94"), ("3.7", "1.55", "42")]
    rates = [f for f in Percentage().check(doc, Options()) if "4.76" in f.message.en]
    # The narrative's 完成预算 94% (line 383) and the form's row.
    assert [(f.location.line, f.level.label, f.stated, f.expected) for f in rates] == [
        (383, "error", "94%", "95.20%"), (2015, "error", "94%", "95.20%")]


ONE_YEAR = "起始年度\t2025年\t终止年度\t2025年\n项目总预算\t0.9"


def test_a_history_box_listing_the_years_bare_is_held_to_a_one_year_projects_total():
    # the box lists each year's amount bare ("2025年30万"); a project of 2025 only budgets its 项目总预算 0.9 that year
    [budget] = findings(form(ONE_YEAR, "2023年计30万,2024年30万,2025年30万"))
    assert (budget.stated, budget.expected) == ("30", "0.9")
    assert findings(form(ONE_YEAR, "2023年计30万,2024年30万,2025年0.9万")) == []


def test_a_bare_year_and_amount_of_something_else_is_no_budget():
    assert findings(form(ONE_YEAR, "2025年服务30万户")) == []
    assert findings(form(ONE_YEAR, "2025年30万户次")) == []


def test_a_project_of_several_years_states_no_budget_of_the_year_in_its_total():
    several = "起始年度\t2024年\t终止年度\t2026年\n项目总预算\t0.9"
    assert findings(form(several, "2023年计30万,2024年30万,2025年30万")) == []
