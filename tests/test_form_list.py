"""Performance forms printed as a list, a row per project (auditlint.parse.form_list): Guangzhou's
项目支出绩效目标表 (cells set in the middle of each row's box, units' rows over their projects, the
indicators flattened in one cell) and Shenzhen's 重点项目绩效目标 (cells set from the top of each
box, under no table title), in the pdftotext -layout text of each and in a PDF; the sums of a
list's rows, a project's money against its row of the 项目支出表, and what stays a doubt."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from auditlint.agreement import Options
from auditlint.checks.cross_table import CrossTable
from auditlint.checks.form_restatement import FormRestatement
from auditlint.checks.sum_of_children import SumOfChildren
from auditlint.findings import Level
from auditlint.parse import parse_document
from auditlint.parse.form_list import FIGURE_PLACE_DOUBT, INDICATOR_NOT_READ, PAGE_NOT_PLACED
from auditlint.readers import read_source
from auditlint.readers.text import read_text


def at(*cells: tuple[int, str]) -> str:
    """A line of cells each set from its character column, as pdftotext -layout sets them (a
    Chinese character one column)."""
    line = ""
    for column, text in cells:
        assert len(line) <= column, (line, text)
        line = line.ljust(column) + text
    return line


def right(end: int, figure: str) -> tuple[int, str]:
    """A figure set right, ending before column `end`."""
    return end - len(figure), figure


TOTAL, FISCAL, OTHER = 25, 38, 59  # where the figures of 总计, 财政拨款 and 其他资金 end

# Guangzhou's layout, its columns where its first page prints them: the 合计, a unit's row, its
# projects (each name wrapped above and below its figures, the goal and the indicators beside
# them, one space parting them where text ran them together), and a second unit with a project
# of the same name as the first unit's.
GUANGZHOU = [
    at((30, "某市生态环境局2026年项目支出绩效目标表（含转移支付项目）")),
    "",
    at((0, "部门名称：某市生态环境局"), (105, "单位：万元")),
    at((0, "项目名称（资金使用单位）"), (16, "总计："), (28, "财政拨款"), (41, "财政专户拨款"), (50, "其他资金"),
       (71, "绩效目标"), (96, "绩效指标")),
    "",
    at((4, "合计："), right(TOTAL, "1,010.00"), right(FISCAL, "1,000.00"), right(OTHER, "10.00")),
    "",
    at((2, "某市生态环境局"), right(TOTAL, "810.00"), right(FISCAL, "800.00"), right(OTHER, "10.00")),
    "",
    at((84, "1.1－产出指标，11－数量指标，巡查企业数量；实施")),
    at((62, "通过开展环境执法巡查，提升基层环保工作水平，")) + " " + "周期指标值：≥200家，年度指标值：≥100家；2、",
    at((0, "环境执法巡查"), (62, "保障辖区环境安全。"), (84, "2－效益指标，22－社会效益，投诉办结率；实")),
    at(right(TOTAL, "600.00"), right(FISCAL, "600.00")),
    at((1, "专项经费"), (84, "施周期指标值：≥90%，年度指标值：≥90%;")),
    "",
    at((84, "1.1－产出指标，11－数量指标，服务车辆台数；实")),
    at((2, "其他运行经费"), right(TOTAL, "210.00"), right(FISCAL, "200.00"), right(OTHER, "10.00"),
       (62, "保障机关正常运行。"), (84, "施周期指标值：7台，年度指标值：7台；")),
    "",
    at((2, "某市生态环境局甲分局"), right(TOTAL, "200.00"), right(FISCAL, "200.00")),
    "",
    at((84, "1.1－产出指标，11－数量指标，服务车辆台数；实")),
    at((2, "其他运行经费"), right(TOTAL, "200.00"), right(FISCAL, "200.00"), (62, "保障分局正常运行。"),
       (84, "施周期指标值：3台，年度指标值：3台；")),
]


def document(lines: list[str], after: str = ""):
    return parse_document(read_text("f.txt", ("\n".join(lines) + "\n" + after).encode()))


def values(form) -> dict[str, str]:
    return {f.name: f.text for f in form.fields}


def findings(check, doc, level: Level | None = None):
    found = [f for f in check.check(doc, Options()) if "form" in f.logical]
    return [f for f in found if level is None or f.level == level]


def test_each_project_of_a_list_is_a_form_with_its_unit_money_goal_and_indicators():
    doc = document(GUANGZHOU)
    first, second, third = doc.facts.forms
    assert values(first) == {"项目名称": "环境执法巡查专项经费", "实施单位": "某市生态环境局", "当年预算": "600.00",
                             "财政拨款": "600.00", "绩效目标": "通过开展环境执法巡查，提升基层环保工作水平，保障辖区环境安全。"}
    assert first.doubts == () and first.columns == ("当年预算", "财政拨款", "财政专户拨款", "其他资金")
    assert [(i.level1, i.level2, i.name, i.long_term, i.target, i.term) for i in first.indicators] == [
        ("产出指标", "数量指标", "巡查企业数量", "≥200家", "≥100家", "年度"),
        ("效益指标", "社会效益", "投诉办结率", "≥90%", "≥90%", "年度")]
    # each where it is printed: the name's first line, the figures' line, an indicator where it starts
    assert (first.field("项目名称").location.line, first.field("当年预算").location.line) == (12, 13)
    assert (first.field("当年预算").location.column, first.indicators[1].location.line) == (20, 11)
    assert values(second)["其他资金"] == "10.00" and values(third)["实施单位"] == "某市生态环境局甲分局"
    assert "财政专户拨款" not in values(second)  # printed blank: a list's blank is 0


def test_a_header_printed_again_inside_the_list_goes_on_with_it():
    again = GUANGZHOU[:15] + ["\f" + GUANGZHOU[3], ""] + GUANGZHOU[15:]  # a new page, its header printed anew
    names = [values(form)["项目名称"] for form in document(again).facts.forms]
    assert names == [values(form)["项目名称"] for form in document(GUANGZHOU).facts.forms] and len(names) == 3


def test_a_list_whose_rows_add_up_gives_nothing_and_a_slip_is_an_error_at_its_row():
    assert findings(SumOfChildren(), document(GUANGZHOU)) == []
    # a unit's 总计 off: against its projects' (810.00), its own sources (800.00 + 10.00) and,
    # as a part, the 合计's sum of the units (1,010.00), each an error where it is printed
    slipped = [line.replace("810.00", "801.00") for line in GUANGZHOU]
    errors = findings(SumOfChildren(), document(slipped))
    assert sorted((e.level, e.location.line, e.stated, e.expected) for e in errors) == [
        (Level.ERROR, 6, "1,010.00", "1001.00"), (Level.ERROR, 8, "801.00", "810.00"), (Level.ERROR, 8, "801.00", "810.00")]
    assert any("「某市生态环境局」的当年预算 801.00，而 环境执法巡查专项经费 600.00 + 其他运行经费 210.00" in e.message.zh
               for e in errors)
    # a project's 总计 off its sources (210.00 = 200.00 + 10.00): an error naming the project
    slipped = [line.replace(" 10.00", "  1.00") if "其他运行经费" in line else line for line in GUANGZHOU]
    errors = findings(SumOfChildren(), document(slipped), Level.ERROR)
    assert any("「其他运行经费」的当年预算 210.00" in e.message.zh for e in errors)


def test_a_list_whose_sums_fail_more_than_a_slip_explains_gives_notes():
    # a unit's row printing another's figures (its own sources still adding up): four sums off,
    # the unit's and the 合计's in two columns, more than a slip explains: a list misread
    unit = GUANGZHOU.index(at((2, "某市生态环境局"), right(TOTAL, "810.00"), right(FISCAL, "800.00"), right(OTHER, "10.00")))
    slipped = list(GUANGZHOU)
    slipped[unit] = at((2, "某市生态环境局"), right(TOTAL, "710.00"), right(FISCAL, "700.00"), right(OTHER, "10.00"))
    found = findings(SumOfChildren(), document(slipped))
    assert len(found) == 4 and all(f.level == Level.NOTE for f in found)


PROJECT_TABLE = ("表7\n项目支出表\n单位：万元\n项目名称\t项目类别\t合计\t一般公共预算\n合计\t\t800.00\t800.00\n"
                 "环境执法巡查专项经费\t特定目标类\t600.00\t600.00\n其他运行经费\t其他运转类\t200.00\t200.00\n")


def test_a_projects_money_is_held_to_its_row_of_the_project_table_by_name():
    # the department's 项目支出表 in the same text (a document of several files, grouped)
    assert findings(CrossTable(), document(GUANGZHOU, PROJECT_TABLE)) == []
    doc = document(GUANGZHOU, PROJECT_TABLE.replace("600.00\t600.00", "650.00\t650.00").replace("800.00", "850.00"))
    [error] = findings(CrossTable(), doc)
    assert error.level == Level.ERROR and (error.stated, error.expected) == ("600.00", "650.00")
    assert "环境执法巡查专项经费" in error.message.zh and error.location.line == 13
    # 其他运行经费 is two units' projects (210.00 and 200.00): the name alone finds neither's row
    assert [m.subject for m in doc.facts.form_money if m.facts] == ["环境执法巡查专项经费"]


def test_a_list_in_the_second_file_of_a_document_is_read_from_its_own_lines():
    # the department's 项目支出表 in one file, its list of forms in another (a document of several files)
    from auditlint.parse import parse_documents
    tables = read_text("tables.txt", PROJECT_TABLE.replace("600.00\t600.00", "650.00\t650.00").replace("800.00", "850.00").encode())
    forms = read_text("forms.txt", ("\n".join(GUANGZHOU) + "\n").encode())
    doc = parse_documents([tables, forms])
    assert {form.location.path for form in doc.facts.forms} == {"forms.txt"}
    [error] = findings(CrossTable(), doc)
    assert (error.location.path, error.location.line, error.related[0].location.path) == ("forms.txt", 13, "tables.txt")


def test_two_rows_of_one_list_are_two_projects_whatever_their_names():
    # 服务车辆台数 7台 and 3台 under two units' 其他运行经费: no restatement of one another
    assert list(FormRestatement().check(document(GUANGZHOU), Options())) == []


def test_a_figure_set_askew_between_two_columns_is_a_doubt_and_its_sums_notes():
    askew = [at(right(TOTAL, "600.00"), right(FISCAL + 4, "600.00")) if line == at(right(TOTAL, "600.00"), right(FISCAL, "600.00"))
             else line for line in GUANGZHOU]
    doc = document(askew)
    assert FIGURE_PLACE_DOUBT in doc.facts.forms[0].doubts
    found = findings(SumOfChildren(), document([line.replace("810.00", "801.00") for line in askew]))
    [unit] = [f for f in found if "环境执法巡查专项经费" in f.message.zh]
    assert unit.level == Level.NOTE  # the unit's sum of a row read with a doubt


def test_an_indicator_not_in_the_flattened_shape_is_a_doubt():
    broken = [line.replace("施周期指标值：3台", "施周期指标值》3台") for line in GUANGZHOU]
    third = document(broken).facts.forms[2]
    assert INDICATOR_NOT_READ in third.doubts and third.indicators == ()


def test_the_list_is_read_from_its_pdf_by_its_ruled_rows(tmp_path: Path):
    from tests.pdfs import ruled_rows_pdf
    header = [(40, "项目名称（资金使用单位）", "l"), (150, "总计：", "l"), (200, "财政拨款", "l"), (255, "财政专户拨款", "l"),
              (325, "其他资金", "l"), (420, "绩效目标", "l"), (520, "绩效指标", "l")]
    rows = [[[(60, "合计：", "l"), (185, "610.00", "r"), (245, "600.00", "r"), (370, "10.00", "r")]],
            [[(45, "某市生态环境局", "l"), (185, "610.00", "r"), (245, "600.00", "r"), (370, "10.00", "r")]],
            [[(380, "通过开展环境执法", "l"), (470, "1.1－产出指标，11－数", "l")],
             [(45, "环境执法巡查", "l"), (380, "巡查，提升基层环", "l"), (470, "量指标，巡查企业数量；", "l")],
             [(185, "600.00", "r"), (245, "600.00", "r"), (380, "保工作水平。", "l"), (470, "实施周期指标值：≥200", "l")],
             [(45, "专项经费", "l"), (470, "家，年度指标值：≥100家；", "l")]],
            [[(470, "1.1－产出指标，11－数", "l")],
             [(45, "其他运行经费", "l"), (185, "10.00", "r"), (370, "10.00", "r"), (380, "保障运行。", "l"),
              (470, "量指标，车辆台数；实施", "l")],
             [(470, "周期指标值：7台，年度", "l")],
             [(470, "指标值：7台；", "l")]]]
    path = ruled_rows_pdf(tmp_path / "list.pdf", "某市生态环境局2026年项目支出绩效目标表", header, rows)
    doc = parse_document(read_source(str(path), {}))
    first, second = doc.facts.forms
    assert values(first) == {"项目名称": "环境执法巡查专项经费", "实施单位": "某市生态环境局", "当年预算": "600.00",
                             "财政拨款": "600.00", "绩效目标": "通过开展环境执法巡查，提升基层环保工作水平。"}
    assert [(i.name, i.long_term, i.target) for i in first.indicators] == [("巡查企业数量", "≥200家", "≥100家")]
    assert first.field("当年预算").location.line == first.field("项目名称").location.line + 1
    assert values(second)["其他资金"] == "10.00" and "财政拨款" not in values(second)
    assert findings(SumOfChildren(), doc) == []


# Shenzhen's layout: a grid in the narrative, its header stacked over three lines, each row set
# from the top of its box, a unit's and a project's names wrapped under their first line, a row
# going on over a page (its page number between; text sets that page's columns apart, as the
# line of its next row shows), the grid ended by its note.
SHENZHEN = [
    "  2026 年深圳市某某局部门预算",
    "  第七部分      重点项目预算绩效情况说明",
    "   2026 年，本单位重点项目绩效目标情况如下：",
    at((0, "二级预算"), (17, "预算数")),
    at((7, "一级项目名称"), (31, "绩效目标")),
    at((0, "单位名称"), (16, "（万元）")),
    at((0, "深圳市某"), (7, "社工服务项"), right(23, "498.82"), (28, "通过预算投入，采购社工 23 名，")),
    at((0, "某局（本"), (7, "目"), (28, "确保社工资质达标率达 100%。")),
    at((0, "级）")),
    at((0, "深圳市某"), (7, "政务信息化项"), right(23, "0.44"), (28, "本次资金用于支付 2025 年度")),
    at((0, "某局（本"), (7, "目（运营服"), (28, "政务信息系统运营服务项目")),
    "",
    "                    - 7 -",
    "\f" + at((28, "尾款。")),
    at((0, "级）"), (7, "务）")),
    at((0, "深圳市某"), (7, "综合管理"), right(23, "17.91"), (28, "完成修缮事项。")),
    at((0, "某局（本")),
    at((0, "级）")),
    "   备注：无。",
    "     第八部分      其他需要说明情况",
    "  2026 年本单位机关运行经费财政拨款预算 357.43 万元，较 2025 年减少 16.16 万元。",
]


# The department's 项目支出总表 after the narrative: a unit's row over its projects.
PROJECTS_BY_UNIT = "\n".join([
    "", at((30, "项目支出总表")), at((60, "单位：万元")),
    at((0, "项目名称"), (30, "总计"), (42, "一般公共预算拨款"), (60, "上年结余、结转")),
    at((0, "深圳市某某局（本级）"), right(36, "517.17"), right(52, "516.73"), right(68, "0.44")),
    at((2, "社工服务项目"), right(36, "498.82"), right(52, "498.82"), right(68, "0.00")),
    at((2, "政务信息化项目（运营服务）"), right(36, "0.44"), right(52, "0.00"), right(68, "0.44")),
    at((2, "综合管理"), right(36, "17.91"), right(52, "17.91"), right(68, "0.00")), ""])


def test_a_grid_of_key_projects_in_the_narrative_is_read_as_forms_with_their_locations():
    doc = document(SHENZHEN, PROJECTS_BY_UNIT)
    first, second, third = doc.facts.forms
    assert values(first) == {"项目名称": "社工服务项目", "实施单位": "深圳市某某局（本级）", "当年预算": "498.82",
                             "绩效目标": "通过预算投入，采购社工 23 名，确保社工资质达标率达 100%。"}
    assert values(second) == {"项目名称": "政务信息化项目（运营服务）", "实施单位": "深圳市某某局（本级）", "当年预算": "0.44",
                              "绩效目标": "本次资金用于支付 2025 年度政务信息系统运营服务项目尾款。"}
    assert first.table.title == "重点项目绩效目标" and first.table.unit == "万元"
    assert (second.field("当年预算").location.line, second.field("当年预算").location.column) == (10, 20)
    assert second.location.end_line == 15 and second.location.page == 1
    assert values(third)["当年预算"] == "17.91" and values(third)["实施单位"] == "深圳市某某局（本级）"
    assert first.doubts == second.doubts == third.doubts == ()


def test_words_on_a_page_whose_columns_text_cannot_tell_are_a_doubt_not_a_guess():
    # the page going on with the second row prints neither the header nor a row filling every
    # column: its words are not put under the first page's columns
    lines = [line for line in SHENZHEN if "综合管理" not in line]
    lines = lines[:lines.index("   备注：无。") - 2] + lines[lines.index("   备注：无。"):]
    first, second = document(lines, PROJECTS_BY_UNIT).facts.forms
    assert first.doubts == () and PAGE_NOT_PLACED in second.doubts
    assert values(second)["绩效目标"] == "本次资金用于支付 2025 年度政务信息系统运营服务项目"


def test_a_key_projects_budget_is_held_to_its_units_row_of_the_project_table():
    doc = document(SHENZHEN, PROJECTS_BY_UNIT)
    assert [(m.subject, m.field.text, m.facts[0].amount.text) for m in doc.facts.form_money if m.facts] == [
        ("社工服务项目", "498.82", "498.82"), ("政务信息化项目（运营服务）", "0.44", "0.44"), ("综合管理", "17.91", "17.91")]
    assert findings(CrossTable(), doc) == []
    [error] = findings(CrossTable(), document([line.replace("498.82", "489.82") for line in SHENZHEN], PROJECTS_BY_UNIT))
    assert error.level == Level.ERROR and (error.stated, error.expected) == ("489.82", "498.82")
    assert "重点项目绩效目标" in error.message.zh and error.location.line == 7


def test_a_header_inside_a_table_of_another_kind_is_that_tables():
    # a 项目支出表 printing a 绩效目标 column beside its money is no list of forms
    table = ("项目支出表\n单位：万元\n" + at((0, "项目名称"), (16, "总计："), (28, "财政拨款"), (50, "其他资金"), (71, "绩效目标")) + "\n"
             + at((2, "某项目"), right(TOTAL, "10.00"), right(FISCAL, "10.00"), (62, "完成某事。")) + "\n")
    assert document(["某市某局2026年部门预算", ""], table).facts.forms == []


def test_a_list_row_shows_its_whole_terms_target_beside_the_years():
    from auditlint.show import render_document
    shown = render_document(document(GUANGZHOU))
    assert "whole term" in shown and "≥200家" in shown and "≥100家" in shown
    assert Decimal("600.00") == document(GUANGZHOU).facts.forms[0].field("当年预算").amount.value


def test_a_tabbed_list_is_not_read_by_place():
    # cells cut by tabs stand in their column by index, not by place: no list is read from them
    tabbed = ["某市生态环境局2026年项目支出绩效目标表", "单位：万元",
              "项目名称（资金使用单位）\t总计：\t财政拨款\t财政专户拨款\t其他资金\t绩效目标\t绩效指标",
              "某市生态环境局\t600.00\t600.00\t\t\t\t",
              "环境执法巡查专项经费\t600.00\t600.00\t\t\t保障辖区环境安全。\t1.1－产出指标，11－数量指标，巡查企业数量；实施周期指标值：≥200家，年度指标值：≥100家；"]
    assert document(tabbed).facts.form_lists == []  # its lines are left to the reader of boxes and grids
