"""restated-figure: a part a sentence lists, against the numbered paragraph that states it again."""
from __future__ import annotations

from auditlint.agreement import Options
from auditlint.findings import Level
from auditlint.parse import parse_document
from auditlint.readers.text import read_text
from auditlint.checks.restated_figure import RestatedFigure

# A unit's section of a Shenzhen-style 部门预算: the list, then one paragraph per part, in another
# order and with one name worded without 的. The parts add up: 2,416.30 + 318.45 + 96.20 + 60.00
# + 1,209.85 = 4,100.80.
UNIT = ("二、某某检测中心\n"
        "某某检测中心预算 4,100.80 万元，包括在职人员经费 2,416.30 万元、公用经费 318.45 万元、"
        "对个人和家庭的补助支出 96.20 万元、增人增资 60.00 万元、项目支出 1,209.85 万元。\n"
        "（一）在职人员经费 {staff} 万元，主要是在职人员工资福利和社保缴费等相关支出。\n"
        "（二）公用经费 {public} 万元，主要包括公用综合定额经费、水电费和物业管理费。\n"
        "（三）增人增资 60.00 万元，主要用于满足单位在预算执行中的增人增资需求。\n"
        "（四）对个人和家庭补助支出 {family} 万元，主要是离退休人员经费。\n"
        "（五）项目支出 1,209.85 万元，主要用于检测设备运行维护。\n")


def findings(text: str):
    doc = parse_document(read_text("r.txt", text.encode("utf-8")))
    return list(RestatedFigure().check(doc, Options()))


def test_an_item_that_restates_its_listed_part_differently_is_an_error():
    [finding] = findings(UNIT.format(staff="2,416.30", public="381.45", family="96.20"))
    assert (finding.level, finding.stated, finding.expected, finding.location.line) == (Level.ERROR, "381.45", "318.45", 4)
    assert finding.related[0].location.line == 2
    assert "swapped" in finding.hint.en and "add up to their total 4,100.80" in finding.hint.en


def test_an_item_worded_without_its_de_restates_the_part_of_that_name():
    [finding] = findings(UNIT.format(staff="2,416.30", public="318.45", family="69.20"))
    assert (finding.stated, finding.expected, finding.location.line) == ("69.20", "96.20", 6)


def test_items_that_agree_in_any_order_and_precision_are_no_finding():
    assert findings(UNIT.format(staff="2,416.3", public="318.45", family="96.20")) == []


def test_a_gap_within_rounding_is_a_note():
    [finding] = findings(UNIT.format(staff="2,416.30", public="318.4", family="96.20"))
    assert finding.level == Level.NOTE


def test_items_fewer_than_the_parts_are_no_restatement_of_the_list():
    # Without its fifth item, the numbered list may explain something else than the list.
    text = UNIT.format(staff="2,416.30", public="381.45", family="96.20").rsplit("（五）", 1)[0]
    assert findings(text) == []


def test_a_list_that_names_two_parts_alike_says_not_which_item_restates_which():
    text = ("两个项目共 30.00 万元，包括信息系统运维 10.00 万元、信息系统运维 20.00 万元。\n"
            "（一）信息系统运维 10.00 万元，主要用于机房。\n"
            "（二）信息系统运维 20.00 万元，主要用于网络。\n")
    assert findings(text) == []


# A final account's narrative, its tables published apart: its income all 财政拨款, its 公用经费
# stated once in the account of its spending and again where it is rated against its budget.
ACCOUNT = ("某局2025年度部门决算\n\n2025年度收入合计300.00万元，其中：财政拨款收入300.00万元，事业收入0万元，其他收入0万元。\n\n"
           "2025年度一般公共预算财政拨款基本支出250.00万元，其中：人员经费242.24万元，公用经费7.76万元。\n\n"
           "2025年部门公用经费预算11.08万元，实际支出{actual}万元，则公用经费控制率为{rate}%。\n")


def restated_actuals(actual: str, rate: str):
    text = ACCOUNT.format(actual=actual, rate=rate)
    return [f for f in RestatedFigure().check(parse_document(read_text("a.txt", text.encode())), Options())
            if f.logical.startswith("restated-actual")]


def test_a_completions_actual_is_held_to_the_narratives_other_statement_of_it():
    [finding] = restated_actuals("7.7", "69")
    assert (finding.level, finding.stated, finding.expected) == (Level.NOTE, "7.7", "7.76")
    assert finding.related[0].location.line == 5  # 公用经费7.76万元
    assert restated_actuals("7.76", "70") == []
