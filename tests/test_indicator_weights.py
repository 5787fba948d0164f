"""indicator-weights: a performance form's indicator groups against the points of their indicators."""
from __future__ import annotations

from auditlint.agreement import Options
from auditlint.parse import parse_document
from auditlint.readers.text import read_text
from auditlint.checks.indicator_weights import IndicatorWeights
from auditlint.findings import Level
from tests.conftest import SAMPLES, seed_path

HEAD = ("项目支出绩效自评表\n项目名称\t档案数字化\n"
        "年度绩效目标（90分）\t一级指标\t二级指标\t三级指标\t年初目标值\t实际完成值\t得分\n")
OUTPUT = ("50分\t产出指标\t数量指标（30分）\t扫描页数（15分）\t20万页\t21万页\t15\n"
          "\t\t\t著录条目（15分）\t5万条\t5万条\t15\n"
          "\t\t质量指标（10分）\t差错率（10分）\t≤1%\t0.6%\t10\n"
          "\t\t成本指标（10分）\t每页成本（10分）\t≤0.5元\t0.48元\t10\n")
REST = ("30分\t效益指标\t社会效益指标（30分）\t档案查阅时间缩短（30分）\t明显\t明显\t28\n"
        "10分\t满意度指标\t服务对象满意度指标（10分）\t查档群众满意度（10分）\t≥90%\t95%\t10\n总分\t98\n")


def findings(text: str):
    return list(IndicatorWeights().check(parse_document(read_text("f.txt", text.encode())), Options()))


def test_groups_whose_indicators_carry_their_points_give_nothing():
    # 产出 50 = 15 + 15 + 10 + 10, 成本指标 being one of its second levels; 效益 30 and 满意度 10 alone.
    assert findings(HEAD + OUTPUT + REST) == []


def test_a_group_whose_indicators_carry_more_points_is_an_error_at_its_points():
    # 产出 45 is short of its indicators' 50, and the section's 90 of its first levels' 45 + 30 + 10
    section, error = findings(HEAD + OUTPUT.replace("50分", "45分") + REST)
    assert (section.location.line, section.stated, section.expected) == (3, "90", "85")
    assert (error.location.line, error.stated, error.expected) == (4, "45", "50")
    assert [r.message.en for r in error.related] == ["扫描页数", "著录条目", "差错率", "每页成本"]
    [error] = findings(HEAD + OUTPUT.replace("数量指标（30分）", "数量指标（25分）") + REST)
    assert (error.location.line, error.stated, error.expected) == (4, "25", "30")


def test_a_group_with_an_indicator_without_points_is_not_summed():
    # 著录条目 without its points: 产出 and 数量指标 hold one part unknown.
    assert findings(HEAD + OUTPUT.replace("著录条目（15分）", "著录条目").replace("50分", "45分") + REST) == []


def test_a_group_whose_end_was_lost_is_not_summed():
    # The 效益指标 row lost in extraction: its 社会效益指标 would read as 产出's.
    lost = HEAD + OUTPUT + REST.replace("30分\t效益指标\t", "\t\t")
    assert findings(lost) == []
    assert findings(lost.replace("50分", "45分")) == []


def test_the_proofreading_sample_has_its_planted_slip():
    [finding] = findings((SAMPLES / "proofreading_2024.txt").read_text(encoding="utf-8"))
    assert (finding.location.line, finding.stated, finding.expected) == (152, "15", "20")


def test_seed_002s_self_evaluation_forms(shared):
    # Checked by hand: 45 against 5+4+4+4+4+4+4+4+4+4+5 = 46; 40 against nine of 5 = 45; 质量指标
    # 10 against 5+5+5; 社会效益指标 21 against 5+5+5; 可持续影响指标 9 against 10.
    text = seed_path(shared, 2).read_text(encoding="utf-8")
    assert sorted((f.location.line, f.stated, f.expected) for f in findings(text)) == [
        (1270, "45", "46"), (1306, "40", "45"), (1376, "10", "15"), (1381, "21", "15"), (1384, "9", "10")]


SCORED = ("项目支出绩效自评表\n项目名称\t\t档案数字化\t\t\n"
          "年度绩效目标 (80 分)\t一级指标\t二级指标\t三级指标\t年初目标值 (A)\t实际完成值 (B)\t得分\n"
          "45 分\t产出指标\t数量指标\t扫描档案卷数 (5 分)\t10万卷\t10.2万卷\t5\n"
          "\t\t\t著录差错率 (4 分)\t≤1%\t2%\t3\n总分\t8\n")


def scores(text: str):
    return [f for f in findings(text) if f.logical.startswith("score:")]


def test_a_section_whose_first_levels_carry_other_points_is_an_error_at_its_points():
    [error] = findings(HEAD.replace("（90分）", "（80分）") + OUTPUT + REST)
    assert (error.location.line, error.stated, error.expected) == (3, "80", "90")
    assert [r.message.en for r in error.related] == ["产出指标", "效益指标", "满意度指标"]


def test_a_section_whose_first_level_row_was_lost_is_not_summed():
    # The 效益指标 row (30分) lost: its second level is read inside 产出指标, so neither sums.
    assert findings(HEAD.replace("（90分）", "（60分）") + OUTPUT + REST.replace("30分\t效益指标\t", "\t\t")) == []


def test_an_indicator_scored_within_its_points_gives_nothing():
    assert scores(SCORED) == []


def test_an_indicator_scored_above_its_points_is_an_error_at_its_row():
    # 著录差错率 is worth 4 分 and scored 6: the form gives more than the indicator can earn.
    [error] = scores(SCORED.replace("2%\t3", "2%\t6"))
    assert (error.level, error.location.line, error.stated, error.expected) == (Level.ERROR, 5, "6", "≤ 4")


def test_a_score_above_its_points_in_a_form_read_with_doubts_is_a_note():
    # This form has a row whose cells cannot be placed under the header: it is read with a doubt.
    [note] = scores(HEAD + OUTPUT.replace("0.6%\t10", "0.6%\t12") + REST)
    assert note.level == Level.NOTE


def execution(score: str, rate: str = "93.50%") -> str:
    """A self-evaluation whose budget execution header states how the row is scored."""
    return ("项目支出绩效自评表\n项目名称\t档案数字化\n"
            "预算执行情况（万元）（20分）\t\t预算数（A）\t执行数（B）\t执行率（B/A）\t得分（20分*执行率）\n"
            f"\t年度财政资金总额\t100.00\t93.50\t{rate}\t{score}\n\n")


def execution_findings(text: str):
    return [f for f in findings(text) if f.logical.startswith("execution-score")]


def test_an_execution_score_is_the_points_times_the_rate():
    assert execution_findings(execution("18.70")) == []  # 20 × 93.50% = 18.70
    [wrong] = execution_findings(execution("20.00"))  # full points for 93.50% spent
    assert (wrong.level, wrong.stated, wrong.expected) == (Level.ERROR, "20.00", "18.7")


def test_an_execution_score_never_exceeds_its_points():
    over = execution("20.00", rate="105.00%").replace("93.50", "105.00")
    [row] = parse_document(read_text("f.txt", over.encode())).facts.execution_scores
    assert (row.points.text, row.rate.text, row.score.text) == ("20", "105.00", "20.00")
    assert execution_findings(over) == []  # 20 × 105% is capped at its 20 points


def scales(section_points: str) -> list:
    text = ("项目支出绩效自评表\n项目名称\t档案数字化\n"
            "预算执行情况（万元）（20分）\t\t预算数（A）\t执行数（B）\t执行率（B/A）\t得分（20分*执行率）\n"
            "\t年度财政资金总额\t100.00\t100.00\t100.00%\t20.00\n"
            + HEAD.split("\n", 2)[2].replace("年度绩效目标（90分）", f"年度绩效目标（{section_points}分）") + OUTPUT + REST)
    return [f for f in findings(text) if f.logical.startswith("scale:")]


def test_a_self_evaluations_execution_and_targets_make_100_points():
    assert scales("80") == []
    [finding] = scales("90")  # 20 + 90
    assert (finding.level, finding.stated, finding.expected) == (Level.ERROR, "110", "100")
