"""form-restatement: an indicator's target restated differently by the department's overall form
or another form of its project; targets of another term, another year's column, an equal figure
in another unit and a form read with doubts are no contradiction. duplicate-indicator: a row a
grid lists twice. indicator-met: a score that says the opposite of the actual value."""
from __future__ import annotations

from auditlint.agreement import Options
from auditlint.checks.duplicate_indicator import DuplicateIndicator
from auditlint.checks.form_restatement import FormRestatement
from auditlint.checks.indicator_met import IndicatorMet
from auditlint.findings import Level
from auditlint.parse import parse_document
from auditlint.parse.indicators import same_target, target
from auditlint.readers.text import read_text

TITLE = "某区某局2025年部门预算\n\n"

OVERALL = """部门整体支出绩效目标表
部门名称\t某区某局
长期目标1:\t建成档案数字化体系。
目标名称\t一级指标\t二级指标\t三级指标\t指标值\t指标值确定依据
长期绩效目标1\t产出指标\t数量指标\t扫描档案卷数\t≥30万卷\t计划数据
\t\t质量指标\t著录差错率\t≤1%\t计划数据
\t成本指标\t经济成本指标\t经费使用限额\t≤86.4万元\t计划数据
年度目标1:\t完成十万卷档案的扫描。
目标名称\t一级指标\t二级指标\t三级指标\t指标值\t\t\t指标值确定依据
\t\t\t\t前年\t上年\t预期当年实现值\t
年度绩效目标1\t产出指标\t数量指标\t扫描档案卷数\t6万卷\t8万卷\t{annual}\t计划数据
\t\t质量指标\t著录差错率\t2%\t1.5%\t0.01\t计划数据
\t成本指标\t经济成本指标\t经费使用限额\t80万元\t{prior}\t864000元\t计划数据

"""

PROJECT = """项目支出绩效目标申报表
项目名称\t档案数字化（一级）
项目当年预算\t86.40
长期绩效目标表
目标名称\t一级指标\t二级指标\t三级指标\t指标值\t指标值确定依据
长期绩效目标\t产出指标\t数量指标\t扫描档案卷数\t≥30万卷\t计划数据
\t\t质量指标\t著录差错率\t≤1%\t计划数据
\t成本指标\t经济成本指标\t经费使用限额\t≤86.4万元\t计划数据
年度绩效目标表
目标名称\t一级指标\t二级指标\t三级指标\t指标值\t\t\t指标值确定依据
\t\t\t\t前年\t上年\t预计当年实现\t
年度绩效目标\t产出指标\t数量指标\t扫描档案卷数\t6万卷\t9万卷\t≥10万卷\t计划数据
\t\t质量指标\t著录差错率\t2%\t1.5%\t≤1%\t计划数据
\t成本指标\t经济成本指标\t经费使用限额\t80万元\t85万元\t86.4万元\t计划数据
"""


def findings(text: str):
    return list(FormRestatement().check(parse_document(read_text("f.txt", (TITLE + text).encode())), Options()))


def test_the_overall_forms_annual_target_against_the_projects():
    [finding] = findings(OVERALL.format(annual="≥8万卷", prior="85万元") + PROJECT)
    assert finding.level == Level.ERROR
    assert (finding.location.line, finding.stated, finding.expected) == (13, "≥8万卷", "≥10万卷")
    assert finding.related[0].location.line == 28
    assert "档案数字化（一级）" in finding.message.zh


def test_the_same_figures_in_other_units_another_years_column_and_the_long_term_agree():
    # 上年 80万元 against the project's 85万元 is another year's figure; 864000元 is 86.4万元,
    # 0.01 is 1%; the long-term ≥30万卷 is not the year's ≥10万卷.
    assert findings(OVERALL.format(annual="≥10万卷", prior="80万元") + PROJECT) == []


def test_a_form_read_with_doubts_is_not_compared():
    doubtful = OVERALL.format(annual="≥8万卷", prior="85万元").replace(
        "\t成本指标\t经济成本指标\t经费使用限额\t80万元", "\t\t成本指标\t经济成本指标\t经费使用限额\t80万元")
    assert findings(doubtful + PROJECT) == []


def test_a_project_restated_by_its_self_evaluation_of_the_same_term():
    later = PROJECT.replace("项目支出绩效目标申报表", "项目支出绩效目标表").replace("≥10万卷", "≥12万卷")
    [finding] = findings(PROJECT + "\n" + later)
    assert (finding.stated, finding.expected) == ("≥12万卷", "≥10万卷")


def test_a_bare_number_that_rounds_the_other_is_a_warning():
    assert same_target(target("26"), target("≤26.07万")) is False
    assert same_target(target("26"), target("26万")) is True
    assert same_target(target("≥4次/年"), target("≥4个")) is None
    assert target("≤3个工作日/5个工作日") is None and target("提升") is None


def duplicates(text: str):
    return list(DuplicateIndicator().check(parse_document(read_text("f.txt", (TITLE + text).encode())), Options()))


def test_an_indicator_row_listed_twice_in_one_grid_under_two_groups():
    repeated = PROJECT.replace("\t\t质量指标\t著录差错率\t2%\t1.5%\t≤1%\t计划数据\n",
                               "\t\t质量指标\t著录差错率\t2%\t1.5%\t≤1%\t计划数据\n"
                               "\t\t时效指标\t著 录差错率\t2%\t1.5%\t≤1%\t计划数据\n")
    [finding] = duplicates(repeated)
    assert (finding.location.line, finding.related[0].location.line, finding.level) == (16, 15, Level.WARNING)


def test_the_same_indicator_in_two_grids_or_with_another_target_is_no_repeat():
    assert duplicates(PROJECT) == []  # long-term and annual grids name the same indicators
    other = PROJECT.replace("\t\t质量指标\t著录差错率\t2%\t1.5%\t≤1%\t计划数据\n",
                            "\t\t质量指标\t著录差错率\t2%\t1.5%\t≤1%\t计划数据\n"
                            "\t\t时效指标\t著录差错率\t2%\t1.5%\t≤2%\t计划数据\n")
    assert duplicates(other) == []


SELF_EVALUATION = """项目支出绩效自评表
项目名称\t档案数字化
年度绩效目标 (80 分)\t一级指标\t二级指标\t三级指标\t年初目标值 (A)\t实际完成值 (B)\t得分
45 分\t产出指标\t质量指标\t著录合格率 (5 分)\t≥95%\t{actual}\t{score}
\t\t\t差错率 (5 分)\t≤1%\t0.8%\t5
\t\t\t按时完成率 (5 分)\t100%\t100%\t5
\t\t\t扫描档案卷数 (5 分)\t10万卷\t9万卷\t5
\t\t\t查档便利度 (5 分)\t提升\t有所提升\t4
总分\t24
"""


def scored(actual: str, score: str):
    text = SELF_EVALUATION.format(actual=actual, score=score)
    return [(f.location.line, f.stated) for f in
            IndicatorMet().check(parse_document(read_text("f.txt", (TITLE + text).encode())), Options())]


def test_an_indicator_scored_full_though_its_actual_misses_the_target():
    assert scored("93%", "5") == [(6, "5")]


def test_an_indicator_marked_down_though_its_actual_meets_the_target():
    assert scored("96%", "3") == [(6, "3")]


def test_a_score_that_agrees_and_targets_saying_neither_at_least_nor_at_most_give_nothing():
    # 9万卷 against 10万卷 says no direction; 提升 is words; 0.8% meets ≤1%.
    assert scored("93%", "3") == [] and scored("96%", "5") == []
