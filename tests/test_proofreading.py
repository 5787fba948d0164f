"""The proof-reading rules: comparison-word, year-mismatch, placeholder, punctuation,
required-tables; on the sample written for them and on small texts, the traps included."""
from __future__ import annotations

import json

import pytest

from auditlint import domain
from tests.conftest import SAMPLES

PROOFREADING = SAMPLES / "proofreading_2024.txt"
RULES = "comparison-word,year-mismatch,placeholder,punctuation,required-tables"

# The slips planted in samples/proofreading_2024.txt (samples/README.md), by line and rule.
PLANTED = [
    (1, "required-tables"),    # a 决算 with no 国有资本经营 table and no word on it
    (13, "year-mismatch"),     # 第二部分 2023年度部门决算情况说明, in the 2024 决算
    (17, "placeholder"),       # 增加（减少）
    (17, "placeholder"),       # 财政拨款收支总决算万元
    (21, "comparison-word"),   # 1511.89 大于 1560.05
    (21, "punctuation"),       # 项目支出350.20，
    (21, "punctuation"),       # 。。
    (25, "punctuation"),       # 下降2.51，
    (33, "year-mismatch"),     # 截至2023年12月31日
    (141, "required-tables"),  # 政府性基金 table with neither rows nor note
]


def lint(cli, path, select: str = RULES) -> list[dict]:
    return json.loads(cli("--format", "json", "--select", select, path).stdout)["findings"]


def lines_and_rules(findings) -> list[tuple[int, str]]:
    return sorted((f["location"]["line"], f["rule"]) for f in findings)


def test_the_proofreading_sample_has_each_planted_slip_and_nothing_else(cli):
    assert lines_and_rules(lint(cli, PROOFREADING)) == PLANTED


def test_the_budget_samples_pass_the_proofreading_rules(cli):
    assert lint(cli, SAMPLES / "clean_budget_2025.txt") == []


def write(tmp_path, text: str, name: str = "doc.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("sentence, reported", [
    ("支出决算1511.89万元，大于年初预算1560.05万元。", True),
    ("支出决算1511.89万元，小于年初预算1560.05万元。", False),
    ("支出决算1560.05万元，低于1511.89万元。", True),
    # The amount after a named figure may be the difference: lower than the initial budget by
    # 1511.89, smaller than last year's by 200, beyond a budget of 0 by 100.
    ("支出决算1560.05万元，低于年初预算1511.89万元。", False),
    ("本年收入1000.00万元，小于上年预算数200.00万元。", False),
    ("本年支出100.00万元，超过预算100.00万元。", False),
    ("本年支出1,200.00万元，与上年1200万元持平。", False),
    ("本年支出1210.00万元，与上年1200.00万元持平。", True),
    ("2025年支出1809.22万元，比2024年的1952.60万元增加143.38万元。", True),
    ("2025年支出1809.22万元，比2024年的1952.60万元减少143.38万元。", False),
    ("支出1511.89元，大于预算1560.05万元。", False),  # two units: not comparable as printed
    # A denied or bounded comparison claims no order: a ceiling stated twice, a spending within it.
    ("实施周期指标值：≤71.7万元，年度指标值：不超过71.7万元；", False),
    ("采购成本≤0.3万元，年度指标值：不高于0.3万元。", False),
    ("支出决算1511.89万元，未超过年初预算1560.05万元。", False),
    ("本年支出1210.00万元，与上年1200.00万元不一致。", False),
    # The comparison after both figures, by the names the sentence gave them.
    ("会议费预算数为10.00万元，决算数为8.00万元，决算数大于预算数，主要原因是节约。", True),
    ("会议费预算数为10.00万元，决算数为8.00万元，决算数小于预算数，主要原因是节约。", False),
    ("“三公”经费支出预算数为20.00万元，支出决算数为25.00万元，决算数小于预算数。", True),
    ("会议费预算数为10.00万元，决算数为8.00万元，决算数不大于预算数。", False),
    # each name read whole: 决算数 is not the tail of 上年决算数
    ("本年决算数为8.00万元，上年决算数为10.00万元，决算数小于上年决算数。", False),
    ("本年决算数为12.00万元，上年决算数为10.00万元，决算数小于上年决算数。", True),
])
def test_comparison_words_against_their_numbers(cli, tmp_path, sentence, reported):
    findings = lint(cli, write(tmp_path, sentence), "comparison-word")
    assert bool(findings) is reported, findings


def test_year_mismatch_needs_the_title_and_leaves_comparisons_alone(cli, tmp_path):
    body = ("2024年度某局部门决算\n\n第三部分 2024年度部门决算情况说明\n\n"
            "2024年度支出决算100.00万元，比2023年度决算数增加10.00万元。\n\n"
            "2023年度部门决算执行情况对比\n\n截至2024年12月31日，本部门共有车辆1辆。\n\n"
            "第二部分 2023年度部门决算表\n")
    findings = lint(cli, write(tmp_path, body), "year-mismatch")
    assert [(f["location"]["line"], f["stated"]) for f in findings] == [(11, "2023")]
    # Without a title stating the year, nothing can be held against it.
    untitled = "某局部门决算\n\n2024年度支出决算100.00万元。\n\n截至2023年12月31日，本部门共有车辆1辆。\n"
    assert lint(cli, write(tmp_path, untitled, "untitled.txt"), "year-mismatch") == []


def test_a_budget_counts_its_assets_at_the_end_of_the_year_before(cli, tmp_path):
    body = "2025年某局部门预算\n\n截至2024年12月31日，本部门共有车辆1辆。\n"
    assert lint(cli, write(tmp_path, body), "year-mismatch") == []


@pytest.mark.parametrize("sentence, reported", [
    ("2026年财政拨款收支总预算万元。", True),
    ("本表金额单位为万元。", False),
    ("以下金额以万元为单位。", False),
    ("比上年增加（减少）0万元。", True),
    ("比上年增长（下降）0%。", True),
    ("XX局2024年支出100.00万元。", True),
    ("国有资本经营预算财政拨款收入0万元，比上年增加5.00万元。", False),
    ("如本部门无该项收支，仍保留该表格式，并在本表下方作下述说明。", True),
])
def test_placeholders(cli, tmp_path, sentence, reported):
    findings = lint(cli, write(tmp_path, sentence), "placeholder")
    assert bool(findings) is reported, findings


@pytest.mark.parametrize("text", ["增长（下降）", "减少(增加)", "XX局", "ｘｘ单位", "××中心", "本单位XX", "本单位ＸＸ",
                                  "仍保留该表格式", "并在本表下方作下述说明", "请在此填写", "请在此处说明"])
def test_every_template_text_holds_one_of_the_clues_it_is_looked_for_by(text):
    from auditlint.checks.placeholder import TEMPLATE_TEXT
    found = [(pattern.search(text), clues) for pattern, _, _, clues in TEMPLATE_TEXT]
    assert any(match for match, _ in found), text
    assert all(any(c in match.group() for c in clues) for match, clues in found if match), text


@pytest.mark.parametrize("sentence, reported", [
    ("主要用于信息系统运维。。", True),
    ("主要用于会议、培训……等支出。", False),
    ("数据——共享平台。", False),
    ("支出100.00万元，下降2.51，主要是合同价格下降。", True),
    ("支出100.00万元，下降2.51%，主要是合同价格下降。", False),
    ("支出100.00万元，增加2.51，主要是合同价格上升。", True),  # an amount without its unit
    ("共有车辆3辆，比上年减少1辆。", False),
    ("基本支出100.00万元，项目支出50.25万元。", False),
])
def test_punctuation(cli, tmp_path, sentence, reported):
    findings = lint(cli, write(tmp_path, sentence), "punctuation")
    assert bool(findings) is reported, findings


def test_a_missing_table_is_excused_by_a_sentence_saying_there_is_none(cli, tmp_path):
    text = PROOFREADING.read_text(encoding="utf-8")
    excused = text.replace("五、国有资产占有使用情况", "本部门2024年度无国有资本经营预算财政拨款支出。\n\n五、国有资产占有使用情况")
    rules = lines_and_rules(lint(cli, write(tmp_path, excused), "required-tables"))
    assert [line for line, _ in rules] == [143]  # only the empty 政府性基金 table, two lines lower


def test_an_empty_table_with_its_note_after_it_is_in_order(cli, tmp_path):
    text = PROOFREADING.read_text(encoding="utf-8").replace(
        "\n\n项目支出绩效自评表", "\n本部门2024年度无政府性基金预算财政拨款收入支出。\n\n项目支出绩效自评表")
    rules = lines_and_rules(lint(cli, write(tmp_path, text), "required-tables"))
    assert rules == [(1, "required-tables")]


def test_an_empty_table_is_in_order_when_the_narrative_says_there_is_none_of_it(cli, tmp_path):
    # The sentence stands in the narrative, far from the table, and writes the 0 without a unit.
    text = PROOFREADING.read_text(encoding="utf-8").replace(
        "二、支出决算情况", "政府性基金预算财政拨款支出为0；国有资本经营预算财政拨款支出为0。\n\n二、支出决算情况")
    assert lines_and_rules(lint(cli, write(tmp_path, text), "required-tables")) == []


@pytest.mark.parametrize("text, subject, none", [
    ("政府性基金拨款支出预算为0；国有资本经营预算拨款支出预算为0。", "政府性基金", True),
    ("政府性基金拨款支出预算0万元，与2025年预算持平。", "政府性基金", True),
    ("2026年“三公”经费预算数为0.00万元，比2025年预算减少4.00万元。", "三公", True),
    ("本单位无机关运行经费。", "机关运行经费", True),
    ("政府性基金预算拨款100万元，比上年增加0万元。", "政府性基金", False),  # a change of 0
    ("政府性基金预算拨款增长0%。", "政府性基金", False),
    ("政府性基金预算拨款收入与上年无变化。", "政府性基金", False),
    ("政府性基金预算为0.5万元。", "政府性基金", False),
    ("一般公共预算拨款支出预算为0；政府性基金拨款支出预算21,502万元。", "政府性基金", False),
])
def test_what_says_there_is_none(text, subject, none):
    assert domain.says_none(subject, text) is none
