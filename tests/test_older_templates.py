"""Older templates (收支预算总表 of three panels, 财政拨款 tables, totals worded 当年收入小计 and
收入合计): read as a person reads them, so that a slip in them is found and nothing else is."""
from __future__ import annotations

import pytest

from auditlint import domain
from auditlint.agreement import Options
from auditlint.findings import Level
from auditlint.parse import parse_document
from auditlint.plugins import load_checks
from auditlint.readers import read_source
from auditlint.readers.text import read_text
from tests.pdfs import boxed_rows_pdf
from tests.test_table_layouts import at, rows_of


def errors(doc) -> list[str]:
    return [f.message.en for check, _ in load_checks() for f in check.check(doc, Options()) if f.level == Level.ERROR]


@pytest.mark.parametrize("title, kind", [
    ("财政拨款支出预算表", "fiscal_function"),
    ("2026年预算单位财政拨款支出预算表", "fiscal_function"),
    ("财政拨款基本支出预算表", "fiscal_basic"),
    ("一般公共预算机关运行经费支出预算表", "agency_operation"),
    ("财政拨款收支预算总表", "fiscal_summary"),
    ("财政拨款政府性基金支出预算表", "gov_fund"),
    ("一般公共预算支出预算表", "gpb_function"),
])
def test_the_fiscal_tables_of_older_templates_have_kinds_of_their_own(title, kind):
    assert domain.table_kind(title).id == kind


@pytest.mark.parametrize("label", ["当年收入小计", "当年支出小计", "本年收入合计"])
def test_the_years_totals_in_older_wording(label):
    assert domain.YEAR_TOTAL.match(label) and domain.TOTAL_LABEL.match(label)


@pytest.mark.parametrize("label", ["收入合计", "支出合计", "收入总计", "总计"])
def test_the_grand_totals_in_older_wording(label):
    assert domain.GRAND_TOTAL.match(label) and domain.TOTAL_LABEL.match(label)


# The three panels of an older 收支预算总表: 收入 | 支出 by 功能分类 | 支出 by 支出用途. The totals'
# labels of spending are merged over both panels' label columns, their figure printed once.
INCOME, FUNCTION, FIGURE, USE, USE_FIGURE = (90, 200), (200, 320), (320, 370), (370, 470), (470, 520)
SPENDING_LABEL = (FUNCTION[0], USE[1])


def _panels(use_total: str = "9,146.79") -> list[list[tuple[float, float, str]]]:
    def row(income, income_amount, function, function_amount, use, use_amount):
        return [(*INCOME, income), (INCOME[1], FUNCTION[0], income_amount), (*FUNCTION, function),
                (*FIGURE, function_amount), (*USE, use), (*USE_FIGURE, use_amount)]

    def total(income, income_amount, spending, amount):
        return [(*INCOME, income), (INCOME[1], FUNCTION[0], income_amount), (*SPENDING_LABEL, spending),
                (*USE_FIGURE, amount)]

    return [
        [(INCOME[0], FUNCTION[0], "收入"), (FUNCTION[0], USE_FIGURE[1], "支出")],
        row("项目名称", "金额", "功能科目名称", "金额", "项目名称", "金额"),
        row("一、财政拨款", "9,066.79", "一、一般公共服务支出", "6,543.55", "一、基本支出", "5,916.27"),
        row("1.一般公共预算", "9,066.79", "二、外交支出", "", "二、项目支出", "3,123.68"),
        row("2.政府性基金预算", "", "三、社会保障和就业支出", "1,509.72", "三、单位预留机动经费", "106.84"),
        row("二、其他资金", "80.00", "四、住房保障支出", "1,093.52", "", ""),
        total("当年收入小计", "9,146.79", "当年支出小计", use_total),
        total("上年结转资金", "", "结转下年资金", ""),
        total("收入合计", "9,146.79", "支出合计", "9,146.79"),
    ]


def test_a_three_panel_summary_reads_each_panel_with_the_totals_they_share(tmp_path):
    doc = parse_document(read_source(str(boxed_rows_pdf(tmp_path / "t.pdf", "收支预算总表", _panels())), {}))
    income, by_function, by_use = doc.tables
    assert [t.side for t in doc.tables] == ["收入", "支出", "支出"]
    assert [(label, amounts) for _, label, amounts in rows_of(by_function)] == [
        ("一、一般公共服务支出", ["6,543.55"]), ("二、外交支出", [None]), ("三、社会保障和就业支出", ["1,509.72"]),
        ("四、住房保障支出", ["1,093.52"]), ("当年支出小计", ["9,146.79"]), ("结转下年资金", [None]),
        ("支出合计", ["9,146.79"])]
    assert [label for _, label, _ in rows_of(by_use)][-3:] == ["当年支出小计", "结转下年资金", "支出合计"]
    assert [label for _, label, _ in rows_of(income)][-3:] == ["当年收入小计", "上年结转资金", "收入合计"]
    for table in doc.tables:
        reading = doc.facts.reading(table)
        assert reading.trusted and reading.checked >= 2 and reading.failing == 0
    assert errors(doc) == []


def test_a_slip_in_a_shared_total_of_a_three_panel_summary_is_an_error(tmp_path):
    doc = parse_document(read_source(str(boxed_rows_pdf(tmp_path / "t.pdf", "收支预算总表", _panels("9,164.79"))), {}))
    assert len([e for e in errors(doc) if "9,164.79" in e]) >= 2  # against both panels of spending


# The same three panels as pdftotext -layout sets them: each figure run into the next panel's label.
THREE_PANELS_TEXT = "\n".join([
    "收支预算总表",
    at((0, "部门：某厅"), (70, "单位：万元")),
    at((9, "收入"), (47, "支出")),
    at((35, "功能分类"), (63, "支出用途")),
    at((6, "项目名称"), (19, "金额")),
    at((28, "功能科目名称"), (47, "金额"), (60, "项目名称"), (75, "金额")),
    at((0, "一、财政拨款"), (20, "9,066.79", "r"), (21, "一、一般公共服务支出"), (53, "6,543.55", "r"), (54, "一、基本支出"),
       (80, "5,916.27", "r")),
    at((1, "1.一般公共预算"), (20, "9,066.79", "r"), (21, "二、外交支出"), (54, "二、项目支出"), (80, "3,123.68", "r")),
    at((1, "2.政府性基金预算"), (21, "三、社会保障和就业支出"), (53, "1,509.72", "r"), (54, "三、单位预留机动经费"),
       (80, "106.84", "r")),
    at((0, "二、其他资金"), (20, "80.00", "r"), (21, "四、住房保障支出"), (53, "1,093.52", "r")),
    at((4, "当年收入小计"), (20, "9,146.79", "r"), (40, "当年支出小计"), (80, "9,146.79", "r")),
    at((4, "上年结转资金"), (40, "结转下年资金")),
    at((5, "收入合计"), (20, "9,146.79", "r"), (41, "支出合计"), (80, "9,146.79", "r")),
    ""])


def test_a_three_panel_summary_in_layout_text_reads_each_panel_down_its_own_lines():
    doc = parse_document(read_text("d.txt", THREE_PANELS_TEXT.encode("utf-8")))
    income, by_function, by_use = doc.tables
    assert [t.side for t in doc.tables] == ["收入", "支出", "支出"]
    assert (by_function.columns, by_use.columns) == (("功能分类",), ("支出用途",))
    assert [(label, amounts) for _, label, amounts in rows_of(by_function)][-3:] == [
        ("当年支出小计", ["9,146.79"]), ("结转下年资金", [None]), ("支出合计", ["9,146.79"])]
    assert [(label, amounts) for _, label, amounts in rows_of(by_use)][:3] == [
        ("一、基本支出", ["5,916.27"]), ("二、项目支出", ["3,123.68"]), ("三、单位预留机动经费", ["106.84"])]
    for table in doc.tables:
        assert doc.facts.reading(table).failing == 0
    assert errors(doc) == []
    slipped = parse_document(read_text("d.txt", THREE_PANELS_TEXT.replace("1,509.72", "1,590.72").encode("utf-8")))
    assert any("1,590.72" in e or "9,146.79" in e for e in errors(slipped))


def test_an_item_numbered_one_level_further_in_is_still_a_part():
    """一、财政拨款 over 1.一般公共预算 and 2.政府性基金预算: the template skips （一）."""
    doc = parse_document(read_text("d.txt", THREE_PANELS_TEXT.replace("9,066.79", "9,060.79", 1).encode("utf-8")))
    assert any("9,060.79" in e for e in errors(doc))


def test_the_older_spending_table_adds_its_reserve_and_carry_over_to_its_total():
    names = ["合计", "基本支出", "项目支出", "单位预留机动经费", "结转下年资金"]
    assert domain.column_identities(names) == [(0, (1, 2, 3, 4))]


# A 项 set so close to its name that they read as one cell, beside the 类 and 款 of columns of their own.
PART_IN_NAME = "\n".join([
    "2026年预算单位收入预算总表",
    at((0, "编制单位：某中心"), (70, "单位：元")),
    at((0, "功能分类科目编码"), (20, "功能分类科目名称"), (46, "合计"), (60, "财政拨款收入")),
    at((0, "类"), (6, "款"), (11, "项")),
    at((0, "229"), (16, "其他支出"), (50, "216,801,570", "r"), (66, "216,801,570", "r")),
    at((0, "229"), (6, "08"), (16, "彩票发行销售机构业务费安排的支出"), (50, "215,020,000", "r"), (66, "215,020,000", "r")),
    at((0, "229"), (6, "08"), (11, "04 福利彩票销售机构的业务费支出"), (50, "215,020,000", "r"), (66, "215,020,000", "r")),
    at((0, "229"), (6, "99"), (16, "其他支出"), (50, "1,781,570", "r"), (66, "1,781,570", "r")),
    at((0, "229"), (6, "99"), (11, "99 其他支出"), (50, "1,781,570", "r"), (66, "1,781,570", "r")),
    at((21, "合计"), (50, "216,801,570", "r"), (66, "216,801,570", "r")),
    ""])


def test_a_code_part_set_in_its_names_cell_completes_the_code():
    doc = parse_document(read_text("d.txt", PART_IN_NAME.encode("utf-8")))
    [table] = doc.tables
    assert [(code, label) for code, label, _ in rows_of(table)][2:5] == [
        ("2290804", "福利彩票销售机构的业务费支出"), ("22999", "其他支出"), ("2299999", "其他支出")]
    slipped = parse_document(read_text("d.txt", PART_IN_NAME.replace("215,020,000", "125,020,000", 3).encode("utf-8")))
    assert any("125,020,000" in e for e in errors(slipped))


def test_a_total_under_two_headers_over_every_column_adds_up_its_parts():
    """本年支出 / 预算数 over every column of a 收支总表's spending side (合计, 人员经费, 公用经费, 项目支出)."""
    names = ["本年支出/预算数/合计", "本年支出/预算数/基本支出/人员经费", "本年支出/预算数/基本支出/公用经费",
             "本年支出/预算数/项目支出"]
    assert domain.column_identities(names) == [(0, (1, 2, 3))]


# pdftotext -layout cuts numbers too wide for their cells after the integer part, the decimals
# under it; the next row's label may run into them.
WRAPPED_DECIMALS = "\n".join([
    "2026 年部门收支总体情况表",
    at((0, "单位名称:某局"), (80, "单位:万元")),
    at((16, "收入"), (60, "支出")),
    at((6, "项    目"), (26, "预 算 数"), (50, "项    目"), (74, "预 算 数")),
    at((7, "合   计"), (40, "174,900", "r")),
    at((37, ".64"), (49, "合    计"), (84, "174,900", "r")),
    at((81, ".64")),
    at((0, "一、一般公共预算资金"), (40, "100,000", "r")),
    at((37, ".00"), (42, "一、一般公共服务支出"), (84, "23,103", "r")),
    at((81, ".76")),
    at((0, "二、政府性基金预算资金"), (40, "24,900", "r")),
    at((37, ".64"), (42, "二、教育支出"), (84, "100,000", "r")),
    at((81, ".00")),
    at((0, "三、国有资本经营预算资金"), (42, "三、社会保障和就业支出"), (84, "7,686", "r")),
    at((81, ".68")),
    at((0, "四、财政专户管理资金"), (42, "四、卫生健康支出"), (84, "4,110", "r")),
    at((81, ".20")),
    at((0, "五、事业收入资金"), (40, "50,000", "r"), (42, "五、住房保障支出"), (84, "40,000", "r")),
    at((37, ".00"), (81, ".00")),
    ""])


def test_decimals_set_under_their_numbers_are_joined_back():
    doc = parse_document(read_text("d.txt", WRAPPED_DECIMALS.encode("utf-8")))
    income, spending = doc.tables
    assert [amounts for _, _, amounts in rows_of(income)] == [["174,900.64"], ["100,000.00"], ["24,900.64"], [None],
                                                              [None], ["50,000.00"]]
    assert [amounts for _, _, amounts in rows_of(spending)] == [["174,900.64"], ["23,103.76"], ["100,000.00"],
                                                                ["7,686.68"], ["4,110.20"], ["40,000.00"]]
    assert errors(doc) == []
    slipped = parse_document(read_text("d.txt", WRAPPED_DECIMALS.replace(".68", ".86").encode("utf-8")))
    assert any("7,686.86" in e for e in errors(slipped))


# A row's figures set in a staircase, each column a line lower, a number cut in three: no guess.
STAIRCASE = "\n".join([
    "2026 年一般公共预算支出情况表",
    at((0, "单位名称:某局"), (80, "单位:万元")),
    at((0, "科目编码"), (20, "科目名称"), (40, "合计"), (55, "基本支出"), (70, "项目支出")),
    at((0, "206"), (16, "科学技术支出"), (32, "1", "r")),
    at((44, "47,", "r")),
    at((46, "502", "r")),
    at((48, ".38"), (58, "3,770", "r")),
    at((56, ".98"), (72, "143,731", "r")),
    at((70, ".40")),
    ""])


def test_figures_in_a_staircase_are_not_joined():
    doc = parse_document(read_text("d.txt", STAIRCASE.encode("utf-8")))
    assert "502.38" not in "\n".join(line.text for line in doc.source.lines)
    assert all(not t.rows for t in doc.tables) and errors(doc) == []


@pytest.mark.parametrize("line", ["款收入数、支出安排数应与《省委办公厅部门收支预算总表》",
                                  "十二、政府采购预算表情况说明", "预算公开06表财政拨款基本支出预算表”中实际发生经济分类"])
def test_a_table_cited_by_the_narrative_is_no_title(line):
    assert domain.table_kind(line) is None


def test_the_three_public_group_beside_meeting_and_training_fees_adds_up():
    names = ["合计", "“三公”经费/小计", "“三公”经费/因公出国（境）费", "“三公”经费/公务用车购置及运行维护费/小计",
             "“三公”经费/公务用车购置及运行维护费/公务用车购置费", "“三公”经费/公务用车购置及运行维护费/公务用车运行维护费",
             "“三公”经费/公务接待费", "会议费", "培训费"]
    assert domain.column_identities(names) == [(0, (1, 7, 8)), (1, (2, 3, 6)), (3, (4, 5))]


# The older 收入预算总表: the groups' names in a column of their own, each group opening with its 小计.
GROUP, NAME, AMOUNT = (90, 250), (250, 450), (450, 560)


def _nested(first_subtotal: str = "9,066.79") -> list[list[tuple[float, float, str]]]:
    def row(group, name, amount=""):
        return [(*GROUP, group), (*NAME, name), (*AMOUNT, amount)]

    return [
        [(GROUP[0], NAME[1], "项目名称"), (*AMOUNT, "金额")],
        [(GROUP[0], NAME[1], "收入总计"), (*AMOUNT, "9,146.79")],
        row("", "小计", first_subtotal), row("一般公共预算资金", "公共财政拨款(补助)资金", "9,066.79"), row("", "专项收入"),
        row("政府性基金", "小计"),
        row("", "小计"), row("财政专户管理资金", "专户管理教育收费"), row("", "其他非税收入"),
        row("", "小计", "80.00"), row("", "事业收入"), row("其他资金", "经营收入"), row("", "其他收入", "80.00"),
        row("", "小计"), row("上年结转和结余资金", "其中：动用上年结转和结余资金"),
    ]


def test_an_income_table_of_groups_names_each_row_by_its_own_column_and_adds_up_each_group(tmp_path):
    doc = parse_document(read_source(str(boxed_rows_pdf(tmp_path / "t.pdf", "收入预算总表", _nested())), {}))
    [table] = doc.tables
    assert [label for _, label, _ in rows_of(table)][:5] == ["收入总计", "小计", "公共财政拨款(补助)资金", "专项收入", "小计"]
    reading = doc.facts.reading(table)
    assert reading.trusted and reading.checked >= 3 and reading.failing == 0
    assert errors(doc) == []
    slipped = parse_document(read_source(str(boxed_rows_pdf(tmp_path / "s.pdf", "收入预算总表", _nested("9,060.79"))), {}))
    assert any("9,060.79" in e for e in errors(slipped))
