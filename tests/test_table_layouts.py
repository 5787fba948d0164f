"""Table layouts of real documents, each read as a person reads it: a code printed in 类 | 款 | 项
columns, small figures without a thousands separator, a label wrapped around its row's figures,
the two sides of a 收支 table set close, a table continued on pages that layout text set each in
its own grid, a 三公 table followed by the narrative's heading. Every input is written here in
the layout it stands for (pdftotext -layout text, tab-separated cells, or a PDF made with
reportlab)."""
from __future__ import annotations

import pytest

from auditlint import domain
from auditlint.agreement import Options
from auditlint.checks.cross_table import CrossTable
from auditlint.checks.sum_of_children import SumOfChildren
from auditlint.findings import Level
from auditlint.parse import parse_document
from auditlint.parse.numbers import parse_amount
from auditlint.plugins import load_checks
from auditlint.readers import read_source
from auditlint.readers.text import read_text
from tests.conftest import at, rows_of


def document(text: str):
    return parse_document(read_text("d.txt", text.encode("utf-8")))


def errors(doc) -> list[str]:
    return [f.message.en for check, _ in load_checks() for f in check.check(doc, Options()) if f.level == Level.ERROR]


# Shanghai's 功能分类 table: the code in three columns 类 | 款 | 项, figures in 元 (500 has no comma).
SPLIT_CODES = "\n".join([
    "2026年预算单位一般公共预算支出功能分类预算表",
    at((0, "编制单位：某中心"), (70, "单位：元")),
    at((19, "项目"), (46, "一般公共预算支出")),
    "功能分类科目编码",
    at((20, "功能分类科目名称"), (42, "合计"), (56, "基本支出")),
    at((0, "类"), (6, "款"), (11, "项")),
    at((0, "208"), (16, "社会保障和就业支出"), (46, "3,197,380", "r"), (61, "3,197,380", "r")),
    at((0, "208"), (6, "05"), (16, "行政事业单位养老支出"), (46, "3,197,380", "r"), (61, "3,197,380", "r")),
    at((0, "208"), (6, "05"), (11, "02"), (16, "事业单位离退休"), (46, "360,480", "r"), (61, "360,480", "r")),
    at((0, "208"), (6, "05"), (11, "05"), (16, "机关事业单位基本养老保险缴费支出"), (46, "2,836,400", "r"),
       (61, "2,836,400", "r")),
    at((0, "208"), (6, "05"), (11, "99"), (16, "其他行政事业单位养老支出"), (46, "500", "r"), (61, "500", "r")),
    at((21, "合计"), (46, "3,197,380", "r"), (61, "3,197,380", "r")),
    ""])


def test_a_code_printed_in_class_item_columns_is_one_code_and_never_an_amount():
    [table] = document(SPLIT_CODES).tables  # one table: no panel of codes beside the labels
    assert table.columns == ("合计", "一般公共预算支出/基本支出")
    assert rows_of(table) == [
        ("208", "社会保障和就业支出", ["3,197,380", "3,197,380"]),
        ("20805", "行政事业单位养老支出", ["3,197,380", "3,197,380"]),
        ("2080502", "事业单位离退休", ["360,480", "360,480"]),
        ("2080505", "机关事业单位基本养老保险缴费支出", ["2,836,400", "2,836,400"]),
        ("2080599", "其他行政事业单位养老支出", ["500", "500"]),
        ("", "合计", ["3,197,380", "3,197,380"]),
    ]
    assert errors(document(SPLIT_CODES)) == []


def test_code_columns_in_a_tab_separated_table_are_one_code():
    text = ("部门支出总表\n单位：元\n类\t款\t项\t科目名称\t合计\t基本支出\n"
            "208\t\t\t社会保障和就业支出\t3,000\t3,000\n208\t05\t\t行政事业单位养老支出\t3,000\t3,000\n"
            "208\t05\t02\t事业单位离退休\t1,000\t1,000\n208\t05\t05\t机关事业单位基本养老保险缴费支出\t2,000\t2,000\n")
    [table] = document(text).tables
    assert [r.code for r in table.rows] == ["208", "20805", "2080502", "2080505"]
    assert table.columns == ("合计", "基本支出")


def test_one_code_column_reads_as_before():
    text = ("部门支出总表\n单位：元\n科目编码\t科目名称\t合计\t基本支出\n"
            "208\t社会保障和就业支出\t3,000\t3,000\n20805\t行政事业单位养老支出\t3,000\t3,000\n"
            "2080502\t事业单位离退休\t1,000\t1,000\n2080505\t机关事业单位基本养老保险缴费支出\t2,000\t2,000\n")
    [table] = document(text).tables
    assert [r.code for r in table.rows] == ["208", "20805", "2080502", "2080505"]


@pytest.mark.parametrize("engine", ["pdfium", "pdfminer"])
def test_code_columns_of_a_pdf_are_one_code_through_either_engine(tmp_path, engine):
    pytest.importorskip("reportlab")
    from tests.pdfs import positioned_pdf
    lines = [
        [(60, "经济分类科目编码", "l")],
        [(200, "部门经济分类科目名称", "l"), (380, "合计", "l"), (450, "人员经费", "l"), (520, "公用经费", "l")],
        [(62, "类", "l"), (100, "款", "l")],
        [(60, "301", "l"), (140, "工资福利支出", "l"), (420, "1,440", "r"), (490, "1,440", "r")],
        [(60, "301", "l"), (100, "99", "l"), (140, "其他工资福利支出", "l"), (420, "1,440", "r"), (490, "1,440", "r")],
        [(60, "302", "l"), (140, "商品和服务支出", "l"), (420, "6,700", "r"), (560, "6,700", "r")],
        [(60, "302", "l"), (100, "04", "l"), (140, "手续费", "l"), (420, "500", "r"), (560, "500", "r")],
        [(60, "302", "l"), (100, "05", "l"), (140, "水费", "l"), (420, "6,200", "r"), (560, "6,200", "r")],
        [(140, "合计", "l"), (420, "8,140", "r"), (490, "1,440", "r"), (560, "6,700", "r")],
    ]
    path = positioned_pdf(tmp_path / "codes.pdf", "2026年预算单位一般公共预算基本支出部门预算经济分类预算表", "单位：元", lines)
    document = parse_document(read_source(str(path), {"pdf_engine": engine}))
    [table] = document.tables
    assert table.columns == ("合计", "人员经费", "公用经费")
    assert rows_of(table) == [
        ("301", "工资福利支出", ["1,440", "1,440", None]),
        ("30199", "其他工资福利支出", ["1,440", "1,440", None]),
        ("302", "商品和服务支出", ["6,700", None, "6,700"]),
        ("30204", "手续费", ["500", None, "500"]),
        ("30205", "水费", ["6,200", None, "6,200"]),
        ("", "合计", ["8,140", "1,440", "6,700"]),
    ]
    assert errors(document) == []


def test_a_misplaced_thousands_comma_still_makes_one_number():
    assert parse_amount("19349,057") == 19349057  # as Shanghai's template prints 19,349,057
    assert parse_amount("2019,20") is None


# The wrapped label: its first part above the figures, its end (with the code) below them.
WRAPPED = "\n".join([
    "部门收入总表",
    at((0, "单位：万元")),
    at((0, "科目编码"), (12, "科目名称"), (34, "合计"), (44, "一般公共预算"), (58, "其他收入")),
    at((1, "20805"), (10, "行政事业单位养老支出"), (38, "4,820.62", "r"), (49, "3,481.41", "r"), (62, "1,339.21", "r")),
    at((11, "机关事业单位基本养老保")),
    at((38, "3,043.23", "r"), (49, "2,468.91", "r"), (62, "574.32", "r")),
    at((0, "2080505"), (10, "险缴费支出")),
    at((11, "机关事业单位职业年金缴")),
    at((38, "1,777.39", "r"), (49, "1,012.50", "r"), (62, "764.89", "r")),
    at((0, "2080506"), (10, "费支出")),
    at((11, "合计"), (38, "4,820.62", "r"), (49, "3,481.41", "r"), (62, "1,339.21", "r")),
    ""])


def test_a_label_wrapped_around_its_figures_keeps_its_end_and_its_code():
    [table] = document(WRAPPED).tables
    assert rows_of(table)[1:3] == [
        ("2080505", "机关事业单位基本养老保险缴费支出", ["3,043.23", "2,468.91", "574.32"]),
        ("2080506", "机关事业单位职业年金缴费支出", ["1,777.39", "1,012.50", "764.89"]),
    ]


# A 收支 table whose income figure runs into the expenditure label, and whose expenditure label
# wraps with its figures beside the income side's next row.
CLOSE_SIDES = "\n".join([
    "2026年预算单位财政拨款收支预算总表",
    at((0, "编制单位：某局"), (60, "单位：元")),
    at((5, "财政拨款收入"), (49, "财政拨款支出")),
    at((4, "项目"), (15, "预算数"), (31, "项目"), (41, "合计"), (54, "一般公共预算")),
    at((0, "一、一般公共预算"), (16, "21,143,300 一、一般公共服务支出"), (51, "17,441,140", "r"), (65, "17,441,140", "r")),
    at((31, "二、社会保障和就业支")),
    at((0, "二、政府性基金预算"), (51, "2,056,660", "r"), (65, "2,056,660", "r")),
    at((31, "出")),
    at((0, "三、国有资本经营预算"), (31, "三、卫生健康支出"), (51, "1,069,600", "r"), (65, "1,069,600", "r")),
    at((31, "四、住房保障支出"), (51, "575,900", "r"), (65, "575,900", "r")),
    at((3, "收入总计"), (26, "21,143,300", "r"), (31, "支出总计"), (51, "21,143,300", "r"), (65, "21,143,300", "r")),
    ""])


def test_the_sides_of_a_two_sided_table_set_close_are_told_apart_by_where_they_start():
    doc = document(CLOSE_SIDES)
    income, expenditure = doc.tables
    assert (income.side, expenditure.side) == ("收入", "支出")
    assert rows_of(income) == [("", "一、一般公共预算", ["21,143,300"]), ("", "二、政府性基金预算", [None]),
                               ("", "三、国有资本经营预算", [None]), ("", "收入总计", ["21,143,300"])]
    assert rows_of(expenditure) == [
        ("", "一、一般公共服务支出", ["17,441,140"]), ("", "二、社会保障和就业支出", ["2,056,660"]),
        ("", "三、卫生健康支出", ["1,069,600"]), ("", "四、住房保障支出", ["575,900"]), ("", "支出总计", ["21,143,300"])]
    assert expenditure.columns == ("财政拨款支出",)
    assert errors(doc) == []


# An expenditure label set above and below its figures, on lines of their own.
AROUND_FIGURES = "\n".join([
    "2026年预算单位财政拨款收支预算总表",
    at((0, "编制单位：某局"), (60, "单位：元")),
    at((5, "财政拨款收入"), (49, "财政拨款支出")),
    at((4, "项目"), (15, "预算数"), (31, "项目"), (41, "合计"), (54, "一般公共预算")),
    at((0, "一、一般公共预算"), (16, "3,941,000 一、社会保障和就业支出"), (51, "1,220,000", "r"), (65, "1,220,000", "r")),
    at((0, "二、政府性基金预算"), (31, "二、卫生健康支出"), (51, "671,000", "r"), (65, "671,000", "r")),
    at((0, "三、国有资本经营预算"), (31, "三、住房保障支出"), (51, "620,000", "r"), (65, "620,000", "r")),
    at((31, "四、灾害防治及应急管理")),
    at((51, "1,430,000", "r"), (65, "1,430,000", "r")),
    at((31, "支出")),
    at((3, "收入总计"), (25, "3,941,000", "r"), (31, "支出总计"), (51, "3,941,000", "r"), (65, "3,941,000", "r")),
    ""])


def test_a_label_set_above_and_below_its_figures_is_one_row_on_its_side():
    doc = document(AROUND_FIGURES)
    _, expenditure = doc.tables
    assert rows_of(expenditure)[3:] == [("", "四、灾害防治及应急管理支出", ["1,430,000"]), ("", "支出总计", ["3,941,000"])]
    assert errors(doc) == []


def test_the_income_table_total_row_is_the_one_labelled_so_wherever_it_stands():
    # Shanghai prints 合计 last: its first row (all 财政拨款) does not say the department has no
    # other money; 其他收入 in the total row does, and the two tables' scopes differ by it.
    text = ("部门收入总表\n单位：元\n科目编码\t科目名称\t合计\t财政拨款收入\t其他收入\n"
            "201\t一般公共服务支出\t10,000\t10,000\t\n205\t教育支出\t5,000\t3,000\t2,000\n"
            "\t合计\t15,000\t13,000\t2,000\n\n"
            "部门支出总表\n单位：元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
            "201\t一般公共服务支出\t10,000\t10,000\t\n205\t教育支出\t5,000\t5,000\t\n\t合计\t15,000\t15,000\t\n\n"
            "一般公共预算支出表\n单位：元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
            "201\t一般公共服务支出\t10,000\t10,000\t\n205\t教育支出\t3,000\t3,000\t\n\t合计\t13,000\t13,000\t\n")
    assert [f.message.en for f in CrossTable().check(document(text), Options()) if f.level == Level.ERROR] == []


def economic_page(lines: list[str], header: tuple[int, int, int, int, int], rows: list[tuple]) -> list[str]:
    """One page of a 基本支出 table by economic code as layout text sets it: the header's 合计,
    人员经费 and 公用经费 at their places on this page, and each row's figures right-aligned there."""
    total, personnel, public, code_part, label = header
    lines += [at((23, "项目"), (53, "一般公共预算基本支出")), "经济分类科目编码",
              at((label + 10, "部门经济分类科目名称"), (total, "合计"), (personnel, "人员经费"), (public, "公用经费")),
              at((1, "类"), (code_part, "款"))]
    for code, part, name, *figures in rows:
        cells = [(code_part - 6, code), (label, name)] + ([(code_part, part)] if part else [])
        cells += [(edge, figure, "r") for edge, figure in figures]
        lines.append(at(*sorted(cells)))
    return lines


def test_each_page_of_a_table_is_read_under_its_own_repeated_header():
    # Layout text sets each page in its own grid: on the second page 合计 is two characters left
    # of the first page's, 人员经费 three and 公用经费 five, and the codes one.
    first = economic_page(["2026年预算单位一般公共预算基本支出部门预算经济分类预算表", at((0, "编制单位：某中心"), (66, "单位：元"))],
                          (36, 50, 64, 7, 12),
                          [("301", "", "工资福利支出", (46, "4,500,000"), (61, "4,500,000")),
                           ("301", "01", "基本工资", (46, "4,000,000"), (61, "4,000,000")),
                           ("301", "02", "津贴补贴", (46, "500,000"), (61, "500,000")),
                           ("302", "", "商品和服务支出", (46, "1,350,000"), (74, "1,350,000")),
                           ("302", "01", "办公费", (46, "520,000"), (74, "520,000"))])
    second = economic_page(["\f"], (34, 47, 59, 6, 11),
                           [("302", "02", "印刷费", (44, "20,000"), (69, "20,000")),
                            ("302", "05", "水费", (44, "30,000"), (69, "30,000")),
                            ("302", "06", "电费", (44, "780,000"), (69, "780,000")),
                            ("303", "", "对个人和家庭的补助", (44, "860,800"), (58, "860,800")),
                            ("303", "02", "退休费", (44, "860,800"), (58, "860,800"))])
    total = [at((23, "合计"), (44, "6,710,800", "r"), (58, "5,360,800", "r"), (69, "1,350,000", "r")), ""]
    doc = document("\n".join(first + second + total))
    [table] = doc.tables
    assert table.columns == ("合计", "一般公共预算基本支出/人员经费", "一般公共预算基本支出/公用经费")
    rows = {code or label: figures for code, label, figures in rows_of(table)}
    assert rows["30202"] == ["20,000", None, "20,000"]
    assert rows["303"] == ["860,800", "860,800", None]
    assert rows["合计"] == ["6,710,800", "5,360,800", "1,350,000"]
    assert [f.message.en for f in SumOfChildren().check(doc, Options()) if f.level == Level.ERROR] == []


# The same table continued on a page that layout text set further left, its labels indented by level.
INDENTED_PAGES = "\n".join([
    "收入总表",
    "单位：万元",
    at((2, "项目"), (40, "合计"), (52, "一般公共预算")),
    at((2, "一、教育支出"), (44, "12.23", "r"), (58, "12.23", "r")),
    at((5, "进修及培训"), (44, "12.23", "r"), (58, "12.23", "r")),
    at((2, "二、卫生健康支出"), (44, "117.60", "r"), (58, "117.60", "r")),
    at((5, "行政事业单位医疗"), (44, "117.60", "r"), (58, "117.60", "r")),
    "\f" + at((0, "项目"), (34, "合计"), (46, "一般公共预算")),
    at((2, "行政单位医疗"), (38, "117.60", "r"), (52, "117.60", "r")),
    at((0, "三、住房保障支出"), (38, "1,450.81", "r"), (52, "1,450.81", "r")),
    at((2, "住房改革支出"), (38, "1,450.81", "r"), (52, "1,450.81", "r")),
    ""])


def test_labels_of_pages_set_in_their_own_grids_give_no_indents_to_compare():
    [table] = document(INDENTED_PAGES).tables
    assert all(row.indent is None for row in table.rows)


THREE_PUBLIC = "\n".join([
    "2026年单位“三公”经费和机关运行经费预算表",
    at((0, "编制单位：某中心"), (60, "单位:万元")),
    at((3, "合计"), (14, "因公出国(境)费"), (32, "公务接待费"), (46, "公务用车购置及运行费")),
    at((9, "16.80", "r"), (26, "10.00", "r"), (39, "0.50", "r"), (54, "6.30", "r")),
    at((28, "其他相关情况说明")),
    "",
    at((1, "一、2026年“三公”经费预算情况说明")),
    at((4, "2026年“三公”经费预算数为16.80万元，比2025年预算减少15.50万元。")),
    ""])


def test_the_narratives_heading_after_a_table_ends_it():
    [table] = document(THREE_PUBLIC).tables
    assert [(r.label, [a.text if a else None for a in r.amounts]) for r in table.rows] == [
        ("", ["16.80", "10.00", "0.50", "6.30"])]
    assert table.location.end_line == 4


def test_the_three_public_table_with_meeting_and_training_fees_is_recognised():
    kind = domain.table_kind("“三公”经费、会议费、培训费支出预算表（一般公共预算）")
    assert kind is not None and kind.id == "sangong"


def test_the_car_columns_under_their_group_add_up_whatever_their_short_names():
    names = ["“三公”经费预算数/合计", "“三公”经费预算数/因公出国(境)费", "“三公”经费预算数/公务接待费",
             "“三公”经费预算数/公务用车购置及运行费/小计", "“三公”经费预算数/公务用车购置及运行费/购置费",
             "“三公”经费预算数/公务用车购置及运行费/运行费", "机关运行经费预算数"]
    assert sorted(domain.column_identities(names)) == [(0, (1, 2, 3)), (3, (4, 5))]


# A 政府采购 table whose levels are columns: 大类, then 专项名称 | 经济科目 together, then the items.
# The 培训费 row's 专项名称 is the merged cell above it: it is a sibling of 商品和服务支出 | 会议费.
PROCUREMENT = "\n".join([
    "2018年政府采购预算表",
    at((0, "部门：某部门"), (78, "单位：万元")),
    at((0, "采购品目大类"), (14, "专项名称"), (32, "经济科目"), (44, "采购物品名称"), (60, "采购组织形式"), (80, "总计")),
    at((0, "三、服务C"), (84, "167.60", "r")),
    at((14, "省政协业务工作经费"), (32, "培训费"), (84, "81.60", "r")),
    at((44, "会议服务"), (60, "分散自行组织"), (84, "6.40", "r")),
    at((44, "住宿服务"), (60, "分散自行组织"), (84, "54.40", "r")),
    at((44, "餐饮服务"), (60, "分散自行组织"), (84, "20.80", "r")),
    at((14, "商品和服务支出"), (32, "会议费"), (84, "70.00", "r")),
    at((44, "住宿服务"), (60, "分散自行组织"), (84, "35.00", "r")),
    at((44, "餐饮服务"), (60, "分散自行组织"), (84, "35.00", "r")),
    at((32, "培训费"), (84, "16.00", "r")),
    at((44, "住宿服务"), (60, "分散自行组织"), (84, "8.00", "r")),
    at((44, "餐饮服务"), (60, "分散自行组织"), (84, "8.00", "r")),
    ""])


def test_a_row_under_a_merged_cell_is_a_sibling_of_the_row_above():
    doc = document(PROCUREMENT)
    [table] = doc.tables
    indents = {(r.label, r.amounts[0].text): r.indent for r in table.rows}
    assert indents[("培训费", "16.00")] == indents[("商品和服务支出/会议费", "70.00")] \
        == indents[("省政协业务工作经费/培训费", "81.60")]
    assert [f.message.en for f in SumOfChildren().check(doc, Options()) if f.level != Level.NOTE] == []


def test_a_stray_digit_before_an_enumerator_is_no_part_of_the_label():
    from auditlint.parse.pieces import clean_label
    assert clean_label("1（一）一般公共预算资金") == "（一）一般公共预算资金"
    assert clean_label("2024年（一）") == "2024年（一）"


def test_a_totals_label_over_the_code_columns_leaves_them_code_columns():
    text = SPLIT_CODES.replace(at((21, "合计")), at((11, "合计")))
    [table] = document(text).tables
    assert [r.code for r in table.rows] == ["208", "20805", "2080502", "2080505", "2080599", ""]
    assert table.rows[-1].label == "合计"
