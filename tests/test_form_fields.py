"""Performance forms read as forms: their labelled boxes and their indicator grid, in each layout
the documents print them (tabs, gaps of spaces, running text, a PDF), and what is left as a doubt."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from auditlint.parse import parse_document
from auditlint.parse.form_fields import GRID_FLATTENED, GRID_HEADER_SCRAMBLED, GRID_IN_PROSE, NO_NAME, ROW_NOT_PLACED
from auditlint.readers import read_source
from auditlint.readers.text import read_text
from auditlint.show import render_document
from tests.conftest import seed_path

TITLE = "某区某局2025年部门预算\n\n"


def forms(text: str):
    return parse_document(read_text("f.txt", (TITLE + text).encode())).facts.forms


def values(form) -> dict[str, str]:
    return {f.name: f.text for f in form.fields}


TABBED = """项目支出绩效目标申报表
项目名称\t档案数字化\t项目代码\t
项目主管部门\t某区某局\t项目执行单位\t档案室
起始年度\t2025\t终止年度\t2025
项目总预算\t120.00\t项目当年预算\t86.40
年度绩效目标\t完成十万卷档案的扫描与著录。
年度绩效目标表
目标名称\t一级指标\t二级指标\t三级指标\t指标值\t指标值确定依据
年度目标1\t产出指标\t数量指标\t扫描档案卷数\t≥10万卷\t计划数据
\t\t质量指标\t著录差错率\t≤1%\t计划数据
\t满意度指标\t服务对象满意度指标\t查档群众满意度\t≥95%\t计划数据

"""


def test_a_tabbed_project_form_and_its_continued_grid_are_one_form():
    [form] = forms(TABBED)
    assert not form.doubts
    assert values(form) == {"项目名称": "档案数字化", "主管部门": "某区某局", "实施单位": "档案室", "起始年度": "2025",
                            "终止年度": "2025", "项目总预算": "120.00", "当年预算": "86.40",
                            "年度目标": "完成十万卷档案的扫描与著录。"}
    assert form.field("当年预算").amount.value == Decimal("86.40")
    assert form.field("当年预算").location.line == 7
    assert [(i.level1, i.level2, i.name, i.target) for i in form.indicators] == [
        ("产出指标", "数量指标", "扫描档案卷数", "≥10万卷"), ("产出指标", "质量指标", "著录差错率", "≤1%"),
        ("满意度指标", "服务对象满意度指标", "查档群众满意度", "≥95%")]


def test_fields_in_running_text_end_at_the_next_label_and_a_label_note_is_no_value():
    [form] = forms("项目支出绩效目标申报表\n项目名称 档案数字化 项目代码\n"
                   "项目主管部门 某区某局 项目执行单位 档案室\n"
                   "项目总预算 （延续性项目填写） 项目当年预算 86.40万元\n"
                   "二级指标 三级指标 指标值 指标值说明\n数量指标 扫描档案卷数 ≥10万卷 计划数据\n")
    assert values(form) == {"项目名称": "档案数字化", "主管部门": "某区某局", "实施单位": "档案室", "当年预算": "86.40万元"}
    assert form.field("当年预算").amount.value == Decimal("86.40")
    assert form.doubts == (GRID_IN_PROSE,)
    assert form.indicators == ()


def test_a_self_evaluation_reads_points_after_names_actuals_and_scores():
    [form] = forms("项目支出绩效自评表\n项目名称\t\t档案数字化\t\t\n"
                   "年度绩效目标 (80 分)\t一级指标\t二级指标\t三级指标\t年初目标值 (A)\t实际完成值 (B)\t得分\n"
                   "45 分\t产出指标\t数量指标\t扫描档案卷数 (5 分)\t10万卷\t10.2万卷\t5\n"
                   "\t\t\t著录差错率 (4 分)\t≤1%\t2%\t3\n总分\t8\n")
    assert not form.doubts
    first, second = form.indicators
    assert (first.name, first.target, first.actual, first.weight.value, first.score.value) == \
        ("扫描档案卷数", "10万卷", "10.2万卷", 5, 5)
    assert (second.level2, second.weight.value, second.score.value) == ("数量指标", 4, 3)
    assert "年度目标" not in values(form)  # the grid's header is no box


def test_the_target_of_the_year_is_the_sub_header_column_naming_the_current_year():
    [form] = forms("项目支出绩效目标申报表\n项目名称\t档案数字化\n"
                   "目标名称\t一级指标\t二级指标\t三级指标\t指标值\t\t\t指标值确定依据\n"
                   "\t\t\t\t前年\t上年\t预计当年实现\t\n"
                   "年度目标\t产出指标\t数量指标\t扫描档案卷数\t8万卷\t9万卷\t10万卷\t历史数据\n")
    [indicator] = form.indicators
    assert indicator.target == "10万卷"


def test_a_sub_header_without_the_current_year_is_a_doubt_not_a_guess():
    [form] = forms("项目支出绩效目标申报表\n项目名称\t档案数字化\n"
                   "目标名称\t一级指标\t二级指标\t三级指标\t指标值\t\t指标值确定依据\n"
                   "\t\t\t\t近两年指标值\t\t\n"
                   "年度目标\t产出指标\t数量指标\t扫描档案卷数\t8万卷\t9万卷\t历史数据\n")
    assert form.indicators == ()
    assert GRID_HEADER_SCRAMBLED in form.doubts


def test_a_row_moved_left_is_put_back_by_its_group_and_one_moved_right_is_a_doubt():
    [form] = forms("项目支出绩效目标申报表\n项目名称\t档案数字化\n"
                   "目标名称\t一级指标\t二级指标\t三级指标\t指标值\n"
                   "年度目标\t产出指标\t数量指标\t扫描档案卷数\t≥10万卷\n"
                   "\t时效指标\t按时完成率\t100%\t计划数据\n"
                   "\t\t质量指标\t时效指标\t按时完成率\n")
    assert [(i.level1, i.level2, i.name, i.target) for i in form.indicators] == [
        ("产出指标", "数量指标", "扫描档案卷数", "≥10万卷"), ("产出指标", "时效指标", "按时完成率", "100%")]
    assert form.doubts == (ROW_NOT_PLACED,)


def test_a_sub_header_over_two_lines_and_the_term_of_each_grid():
    [form] = forms("项目支出绩效目标申报表\n项目名称\t档案数字化\n"
                   "长期绩效目标表\n"
                   "目标名称\t一级指标\t二级指标\t三级指标\t指标值\t指标值确定依据\n"
                   "长期绩效目标\t产出指标\t数量指标\t扫描档案卷数\t≥30万卷\t计划数据\n"
                   "年度目标1:\t完成十万卷档案的扫描。\n"
                   "目标名称\t一级指标\t二级指标\t三级指标\t指标值\t\t指标值确定依据\t\n"
                   "\t\t\t\t近两年指标值\t\t\t\n"
                   "\t\t\t\t前年\t上年\t预期当年实现值\t\n"
                   "年度绩效目标1\t产出指标\t数量指标\t扫描档案卷数\t8万卷\t9万卷\t≥10万卷\t计划数据\n")
    assert not form.doubts
    assert [(i.name, i.target, i.term, i.grid) for i in form.indicators] == [
        ("扫描档案卷数", "≥30万卷", "长期", 6), ("扫描档案卷数", "≥10万卷", "年度", 9)]


def test_a_form_naming_no_project_or_unit_is_kept_with_a_doubt():
    [form] = forms("部门整体支出绩效目标表\n填报人\t张三\n财政拨款\t300.00\n")
    assert form.doubts[0] == NO_NAME
    assert form.field("财政拨款").amount.value == Decimal("300.00")


def test_a_grid_header_row_gives_no_fields():
    [form] = forms("部门整体支出绩效目标表\n部门名称\t某区某局\n"
                   "项目支出情况\t项目名称\t项目类别\t项目总预算\t项目本年度预算\t主要用途\n"
                   "\t项目1：档案数字化\t特定目标类\t120.00\t86.40\t用于扫描\n")
    assert values(form) == {"单位名称": "某区某局"}


def test_each_project_form_is_one_form_and_show_prints_it():
    text = TABBED + TABBED.replace("档案数字化", "政务热线").replace("86.40", "50.00")
    first, second = forms(text)
    assert (first.field("项目名称").text, second.field("项目名称").text) == ("档案数字化", "政务热线")
    assert second.field("当年预算").amount.value == Decimal("50.00")
    shown = render_document(parse_document(read_text("f.txt", (TITLE + text).encode())))
    assert "当年预算: 86.40  = 86.40  (line 7)" in shown
    assert "扫描档案卷数" in shown


def test_a_pdf_form_is_read_by_position(tmp_path: Path):
    from tests.pdfs import positioned_pdf
    lines = [[(60, "项目名称", "l"), (160, "档案数字化", "l")],
             [(60, "项目当年预算", "l"), (200, "86.40", "r")],
             [(60, "一级指标", "l"), (140, "二级指标", "l"), (230, "三级指标", "l"), (380, "指标值", "l")],
             [(60, "产出指标", "l"), (140, "数量指标", "l"), (230, "扫描档案卷数", "l"), (380, "≥10万卷", "l")],
             [(60, "效益指标", "l"), (140, "社会效益指标", "l"), (230, "查档便利度", "l"), (380, "提升", "l")]]
    path = positioned_pdf(tmp_path / "form.pdf", "项目支出绩效目标表", "单位：万元", lines)
    [form] = parse_document(read_source(str(path), {})).facts.forms
    assert form.field("项目名称").text == "档案数字化"
    assert form.field("当年预算").amount.value == Decimal("86.40")
    assert [(i.level2, i.name, i.target) for i in form.indicators] == [
        ("数量指标", "扫描档案卷数", "≥10万卷"), ("社会效益指标", "查档便利度", "提升")]


CONTENTS = """北京市某局
2026 年度部门预算信息公开
目  录
第二部分 2026 年度部门预算报表
一、收支总表
十二、项目支出绩效目标表
十三、部门整体支出绩效目标表
-  2  -
一、部门情况说明
（一）本部门职责情况
北京市某局主要职责包括：
1.承担全面依法治市重大问题的政策研究，协调有关方面提出全面依法治市中长期规划建议。
"""


def test_entries_of_a_table_of_contents_are_no_tables_nor_forms():
    # Beijing's PDFs list forms published in other files: the entries are no forms to read
    doc = parse_document(read_text("f.txt", CONTENTS.encode()))
    assert doc.tables == () and doc.facts.forms == []
    # an entry with only a page number under it before the narrative's first part, as well
    alone = "目  录\n十三、部门整体支出绩效目标表\n-  2  -\n第一部分 2026 年度部门预算情况说明\n"
    assert parse_document(read_text("f.txt", alone.encode())).tables == ()


# The seeds (skipped without ../shared): one layout family each, fields checked by hand.


def seed_forms(shared, number: int):
    return parse_document(read_source(str(seed_path(shared, number)), {})).facts.forms


def named(forms_read, name: str):
    return next(f for f in forms_read if f.field("项目名称") is not None and f.field("项目名称").text == name)


def test_seed_001_tabbed_forms(shared):
    form = named(seed_forms(shared, 1), "政务服务工作经历费（一级）")
    assert form.field("当年预算").amount.value == Decimal("672.85")
    assert form.field("项目总预算").amount.value == Decimal("672.85")
    assert form.field("起始年度").text == "2026"
    limit = named(seed_forms(shared, 1), "机构运转工作经费（一级）")
    assert ("经费使用限额", "≤452.81万元") in [(i.name, i.target) for i in limit.indicators]


def test_seed_000_forms_in_running_text(shared):
    form = named(seed_forms(shared, 0), "一网通办工作经费")
    assert form.field("当年预算").amount.value == Decimal("286.77")
    assert form.field("实施单位").text == "大数据管理科"
    assert form.field("项目总预算") is None  # printed as （延续性项目填写）: no value
    assert form.indicators == () and GRID_IN_PROSE in form.doubts


def test_seed_002_self_evaluations(shared):
    form = named(seed_forms(shared, 2), "政务中心业务经费")
    assert form.field("主管部门").text == "武汉市硚口区行政审批局"
    assert form.indicators and all(i.weight is not None for i in form.indicators)
    first = named(seed_forms(shared, 2), "政务大厅“三免”服务")
    mail = next(i for i in first.indicators if i.name == "商事主体免费邮寄份数")
    assert (mail.target, mail.weight.value, mail.score.value) == ("12000 份", 4, 4)


def test_seed_003_ocr_forms(shared):
    form = named(seed_forms(shared, 3), "信息化工作经费")
    assert form.field("项目总预算").amount.value == Decimal("978")
    assert form.field("主管部门").text == "行政审批局"


def test_seed_004_flattened_self_evaluations_are_read_word_by_word_with_a_doubt(shared):
    forms = seed_forms(shared, 4)
    assert len(forms) == 9  # 附件1-1 … 1-8 (titled "…费用自评表") and the department's 整体绩效自评表
    first = named(forms, "深圳特发公司第三方费用")
    assert GRID_FLATTENED in first.doubts
    cost = next(i for i in first.indicators if i.name == "预算控制数")
    assert (cost.level2, cost.target, cost.actual) == ("成本指标", "121926.11 元", "182755.15 元")
    counted = next(i for i in named(forms, "新市民中心日常运转及创文费用").indicators if i.name == "公示栏")
    assert (counted.target, counted.actual) == ("5 个", "不足 5 个")
    overall = next(f for f in forms if f.table.title == "整体绩效自评表")
    assert overall.field("单位名称").text == "鄂州葛店经济技术开发区行政审批局本级"
    assert overall.field("项目支出总额").amount.value == Decimal("310.18")
    assert overall.field("基本支出总额").amount.value == Decimal("262.97")
    rate = next(i for i in overall.indicators if i.name == "公用经费控制率")
    assert (rate.target, rate.actual) == ("≦100%", "69%")
