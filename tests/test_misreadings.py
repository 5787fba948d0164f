"""A table misread by extraction must give a note, never an error: amounts cut in two across
lines, a blank total, columns read under the wrong header, the two sides of a table run
together, a code slid into an amount column; and a narrative total compared only with a table
of its own scope."""
from __future__ import annotations

from auditlint.agreement import Options
from auditlint.findings import Level
from auditlint.parse import parse_document
from auditlint.parse.tables import ONE_SIDED_NOTE, SPLIT_AMOUNTS_NOTE
from auditlint.plugins import load_checks
from auditlint.readers.text import read_text
from auditlint.checks.cross_table import CrossTable
from auditlint.checks.sum_of_children import SumOfChildren
from auditlint.checks.text_vs_table import TextVsTable

HEADER = "部门支出总表\n单位：万元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n"


def document(text: str):
    return parse_document(read_text("d.txt", text.encode("utf-8")))


def levels(check, text: str) -> list[tuple[Level, str]]:
    return [(f.level, f.message.en) for f in check.check(document(text), Options())]


def errors(text: str) -> list[str]:
    doc = document(text)
    return [f.message.en for check, _ in load_checks() for f in check.check(doc, Options()) if f.level == Level.ERROR]


def test_amounts_cut_in_two_across_lines_make_the_table_a_note():
    text = ("部门支出总表\n单位：万元\n科目编码        科目名称                合计          基本支出\n"
            "201             一般公共服务支出        1,200\n"
            "                                          .50         1,100\n"
            "                                                         .50\n"
            "20103           政府办公厅（室）及相关机构事务   900\n"
            "                                          .50         900\n"
            "                                                         .50\n")
    [table] = document(text).tables
    assert table.notes == (SPLIT_AMOUNTS_NOTE,) and table.rows == ()
    assert errors(text) == []


def test_a_blank_total_is_no_claim_of_zero():
    rows = "201\t一般公共服务支出\t\t60.00\t40.00\n2010301\t行政运行\t60.00\t60.00\t\n"
    found = levels(SumOfChildren(), HEADER + rows)
    assert found and {level for level, _ in found} == {Level.WARNING}


def test_a_parent_off_in_several_columns_by_different_amounts_is_a_misreading():
    # 201 adds up across (80 + 30 = 110), but is 10 over its children in 合计, 20 over in 基本支出
    # and 10 under in 项目支出: no single typed figure does that.
    rows = ("201\t一般公共服务支出\t110.00\t80.00\t30.00\n"
            "2010301\t行政运行\t60.00\t60.00\t\n2010302\t一般行政管理事务\t40.00\t\t40.00\n")
    found = levels(SumOfChildren(), HEADER + rows)
    assert len(found) == 1 and found[0][0] == Level.NOTE and "misread" in found[0][1]


def test_one_typed_figure_is_still_an_error_in_every_column_it_reaches():
    rows = ("201\t一般公共服务支出\t130.00\t90.00\t40.00\n"
            "2010301\t行政运行\t60.00\t60.00\t\n2010302\t一般行政管理事务\t40.00\t\t40.00\n")
    found = levels(SumOfChildren(), HEADER + rows)
    assert [level for level, _ in found] == [Level.ERROR, Level.ERROR]  # 合计 and 基本支出, both off by 30


def code_rows(values: list[tuple[str, int, int]]) -> str:
    return "".join(f"{code}\t科目{code}\t{basic + project}.00\t{basic}.00\t{project}.00\n" for code, basic, project in values)


def test_a_column_that_disagrees_with_the_other_tables_in_most_codes_is_a_misreading():
    codes = [("2010301", 10, 1), ("2010302", 20, 2), ("2010303", 30, 3), ("2010304", 40, 4)]
    swapped = [(code, project, basic) for code, basic, project in codes]  # 基本支出 and 项目支出 read crosswise
    expenditure = "部门支出总表\n单位：万元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n" + code_rows(codes)
    gpb = "\n一般公共预算支出表\n单位：万元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n" + code_rows(swapped)
    income = "\n部门收入总表\n单位：万元\n单位编码\t单位名称\t合计\t一般公共预算\n\t合计\t100.00\t100.00\n"
    found = levels(CrossTable(), expenditure + gpb + income)
    assert found and all(level == Level.NOTE for level, _ in found)


def test_two_sides_run_together_under_no_header_are_a_note():
    text = ("部门收支总表\n单位：万元\n"
            "一、财政拨款              100.00     一、一般公共服务支出      80.00\n"
            "二、单位资金               20.00\n"
            "                                    二、教育支出               40.00\n"
            "本年收入合计              120.00     本年支出合计              120.00\n")
    tables = document(text).tables
    assert any(ONE_SIDED_NOTE in t.notes for t in tables) or all(t.side for t in tables)
    assert errors(text) == []


BUDGET = ("部门支出总表\n单位：万元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
          "\t合计\t100.00\t70.00\t30.00\n201\t一般公共服务支出\t100.00\t70.00\t30.00\n\n"
          "一般公共预算支出表\n单位：万元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
          "\t合计\t90.00\t60.00\t30.00\n201\t一般公共服务支出\t90.00\t60.00\t30.00\n\n"
          "部门收入总表\n单位：万元\n单位编码\t单位名称\t合计\t一般公共预算\t上年结转\n"
          "\t合计\t100.00\t90.00\t10.00\n\n")


# One scope: all the money is 一般公共预算, and two tables print the department's totals.
SINGLE_SCOPE = ("部门收入总表\n单位：万元\n单位编码\t单位名称\t合计\t一般公共预算\n\t合计\t100.00\t100.00\n\n"
                + "".join(f"{title}\n单位：万元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
                          f"\t合计\t100.00\t70.00\t30.00\n201\t一般公共服务支出\t100.00\t70.00\t30.00\n\n"
                          for title in ("部门支出总表", "一般公共预算支出表")))


def text_findings(narrative: str) -> list[tuple[Level, str]]:
    return levels(TextVsTable(), narrative + "\n\n" + BUDGET)


def test_a_total_is_the_departments_unless_its_sentence_says_general_budget():
    # Two scopes, one table each: a table's total its own sums prove (70.00 = the classes' 70.00, and
    # 100.00 = 70.00 + 30.00) is the department's; 75.00 is neither money's.
    [(level, message)] = text_findings("本年基本支出75.00万元。")
    assert level == Level.ERROR and "(部门支出总表) as 70.00" in message
    # A total no sum of its table proves is held to nothing.
    unproven = BUDGET.replace("201\t一般公共服务支出\t100.00\t70.00", "201\t一般公共服务支出\t100.00\t90.00")
    assert levels(TextVsTable(), "本年基本支出75.00万元。\n\n" + unproven) == []
    # One scope (all the money is 一般公共预算): both tables print the totals, and they hold.
    found = levels(TextVsTable(), "本年基本支出75.00万元。\n\n" + SINGLE_SCOPE)
    assert [level for level, _ in found] == [Level.ERROR]
    assert levels(TextVsTable(), "一般公共预算拨款支出100.00万元，其中：基本支出70.00万元。\n\n" + SINGLE_SCOPE) == []


def test_a_total_of_money_the_sentence_or_its_paragraph_narrows_is_not_the_departments():
    assert [level for level, _ in levels(TextVsTable(), "本年基本支出75.00万元。\n\n" + SINGLE_SCOPE)] == [Level.ERROR]
    # 政府性基金's 基本支出 is no figure of these tables, whether the sentence or its paragraph says so.
    assert levels(TextVsTable(), "政府性基金预算支出中，基本支出75.00万元。\n\n" + SINGLE_SCOPE) == []
    assert levels(TextVsTable(), "本部门政府性基金预算支出情况如下。本年基本支出75.00万元。\n\n" + SINGLE_SCOPE) == []


def test_a_total_printed_by_a_table_of_another_scope_claims_nothing():
    # 60.00 is the 一般公共预算 table's 基本支出: the sentence speaks of that money, unsaid.
    assert text_findings("本年基本支出60.00万元。") == []


def test_a_name_given_three_different_amounts_names_no_single_figure():
    narrative = "本级项目支出10.00万元。\n\n中心项目支出12.00万元。\n\n站项目支出8.00万元。"
    assert text_findings(narrative) == []


def test_a_code_slid_into_an_amount_column_keeps_its_amounts_out_of_every_sum():
    # The last row's page was laid out further right: its code sits where 合计 is printed.
    lines = ["科目编码        科目名称                  合计          基本支出",
             "301             工资福利支出              60.00         60.00",
             "30101           基本工资                  40.00         40.00",
             "                                          30102         20.00         20.00"]
    doc = document("一般公共预算基本支出表\n单位：万元\n" + "\n".join(lines) + "\n")
    [table] = doc.tables
    slid = [row for row in table.rows if row.code == "30102"]
    assert slid and not slid[0].readable
    assert errors("一般公共预算基本支出表\n单位：万元\n" + "\n".join(lines) + "\n") == []


def test_a_header_run_together_names_no_quantity():
    from auditlint.domain import column_quantities
    assert column_quantities(("合计", "基本支出", "人员经费/公用经费"), "gpb_function") == {0: "total", 1: "basic"}


def test_a_row_that_does_not_add_up_across_proves_nothing_in_another_table():
    expenditure = ("部门支出总表\n单位：万元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
                   "201\t一般公共服务支出\t100.00\t60.00\t40.00\n\n")
    misread = ("一般公共预算支出表\n单位：万元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
               "201\t一般公共服务支出\t100.00\t75.00\t40.00\n\n")
    income = "部门收入总表\n单位：万元\n单位编码\t单位名称\t合计\t一般公共预算\n\t合计\t100.00\t100.00\n\n"
    assert levels(CrossTable(), expenditure + misread + income) == []


def test_a_numbered_heading_without_a_comma_is_a_line_of_its_own():
    # Plain pdftotext: table cells one per line make the prose margin short; the heading must not
    # run into the paragraph that repeats its name.
    cells = "".join(f"单元{i}\n" for i in range(60))
    text = (cells + "\n一、深圳市某某局（本级）\n深圳市某某局（本级）预算156,491.01万元，包括在职人员经费8,657.53万元、"
            "公用经费3,045.77万元。\n")
    assert errors(text) == []


def test_a_code_on_a_line_of_its_own_in_the_label_column_is_the_rows_code():
    from auditlint.model import POSITIONED, Line, Location
    from auditlint.parse.grid import _grid_row
    from auditlint.parse.pieces import Piece, RowDraft

    where = Location("t.pdf", 5, 1, 5, 10)
    draft = RowDraft([Piece("机关事业单位基本养老保险缴费", where, 148, 282, 0), Piece("2080505", where, 92, 129, 0),
                      Piece("支出", where, 148, 167, 0), Piece("3,720.78", where, 300, 341, 1)],
                     [Line(5, 1, "2080505  3,720.78", (), POSITIONED)])
    row = _grid_row(draft, ["label", "amount"], [1], 0, 2)
    assert (row.code, row.label, row.amounts[0].text) == ("2080505", "机关事业单位基本养老保险缴费支出", "3,720.78")


# pdftotext -layout sets a header in its own character grid: here 支出总计 sits nearer the figures
# of the first column than 基本支出 does of the second, and both are nearest the first.
LAYOUT_TABLE = (
    "一般公共预算支出表（按功能分类）\n"
    "单位：万元\n"
    "         科目编码             科目名称        支出总计               基本支出              项目支出\n"
    "\n"
    "         201              一般公共服务支出                      3,310.40          2,980.15          330.25\n"
    "         2010301          行政运行                              2,980.15          2,980.15            0.00\n"
    "         2010302          一般行政管理事务                        330.25              0.00          330.25\n"
)


def test_a_layout_header_a_column_off_its_figures_names_them_in_order():
    [table] = document(LAYOUT_TABLE).tables
    assert table.columns == ("支出总计", "基本支出", "项目支出")
    assert [a.text for a in table.rows[0].amounts] == ["3,310.40", "2,980.15", "330.25"]


# The same table continued on a page that layout text set further left: its figures would form
# columns of their own beside the first page's.
SHIFTED_PAGES = (
    "一般公共预算支出表\n"
    "单位：万元\n"
    "  科目编码        科目名称                总计          基本支出         项目支出\n"
    " 201       一般公共服务支出             1,200.00        700.00        500.00\n"
    " 2010301   行政运行                       700.00        700.00\n"
    " 2010302   一般行政管理事务               500.00                      500.00\n"
    "\f  科目编码        科目名称        总计      基本支出     项目支出\n"
    " 208       社会保障和就业支出    300.00     300.00\n"
    " 20805     行政事业单位养老支出  300.00     300.00\n"
    " 213       农林水支出             90.00                 90.00\n"
    " 21301     农业农村               90.00                 90.00\n"
)


def test_a_page_set_further_left_keeps_its_figures_under_the_first_pages_columns():
    [table] = document(SHIFTED_PAGES).tables
    assert table.columns == ("总计", "基本支出", "项目支出")
    rows = {row.code: [a.text if a else None for a in row.amounts] for row in table.rows}
    assert rows["2010302"] == ["500.00", None, "500.00"]
    assert rows["208"] == ["300.00", "300.00", None]
    assert rows["213"] == ["90.00", None, "90.00"]


def test_a_speck_in_a_column_does_not_hide_its_one_figure():
    # OCR leaves a "·" in an empty 其他资金 cell; the column's one figure, 15.00, is still read there.
    table = document("项目支出表\n单位：万元\n项目名称\t总计\t一般公共预算\t其他资金\n"
                     "信息系统运维\t50.00\t35.00\t15.00\n档案数字化\t20.00\t20.00\t·\n").tables[0]
    assert table.columns == ("总计", "一般公共预算", "其他资金")
    assert [[a.text if a else None for a in row.amounts] for row in table.rows] == [
        ["50.00", "35.00", "15.00"], ["20.00", "20.00", None]]


def test_a_share_of_a_total_named_without_its_amount_is_held_to_the_tables_figure():
    from auditlint.checks.percentage import Percentage
    sentence = "纳入绩效自评的项目资金30.00万元，占一般公共预算项目支出总额的{}%。\n\n"
    assert levels(Percentage(), sentence.format("100") + SINGLE_SCOPE) == []
    [finding] = Percentage().check(document(sentence.format("30") + SINGLE_SCOPE), Options())
    assert (finding.stated, finding.expected) == ("30%", "100.00%")
    assert "30.00 over 100.00" in finding.hint.en  # the department's total, not its 项目支出
    # Without two tables that print the total, nothing is claimed.
    assert levels(Percentage(), sentence.format("30") + SINGLE_SCOPE.split("一般公共预算支出表")[0]) == []


def test_the_procurement_total_is_held_to_the_one_table_that_states_it():
    table = ("政府采购预算明细表\n单位：万元\n单位名称\t总计\t一般公共预算拨款收入\t事业收入\n"
             "合计\t245.60\t200.00\t45.60\n某某中心\t245.60\t200.00\t45.60\n\n")
    assert levels(TextVsTable(), "所属各预算单位政府采购预算总额245.60万元。\n\n" + table) == []
    [(level, message)] = levels(TextVsTable(), "所属各预算单位政府采购预算总额254.60万元。\n\n" + table)
    assert level == Level.ERROR and "245.60" in message
    # A share of it, of 一般公共预算 money only, is no figure of the table's 总计.
    assert levels(TextVsTable(), "其中一般公共预算拨款政府采购预算254.60万元。\n\n" + table) == []


def test_a_narrative_in_wan_yuan_restates_tables_in_yuan():
    # Shanghai prints its tables in 元 and its narrative in whole 万元: 70 万元 is 700,400 元 rounded.
    in_yuan = SINGLE_SCOPE.replace("单位：万元", "单位：元").replace("100.00", "1,000,400").replace(
        "70.00", "700,400").replace("30.00", "300,000")
    assert [level for level, _ in levels(TextVsTable(), "本年基本支出70万元。\n\n" + in_yuan)] == [Level.NOTE]
    [(level, message)] = levels(TextVsTable(), "本年基本支出72万元。\n\n" + in_yuan)
    assert level == Level.ERROR and "700,400 元 (= 70.04 万元)" in message


def test_a_table_whose_unit_is_not_printed_proves_nothing_against_the_narrative():
    unknown = SINGLE_SCOPE.replace("单位：万元\n", "")
    [(level, message)] = levels(TextVsTable(), "本年基本支出75.00万元。\n\n" + unknown)
    assert level == Level.NOTE and "not confirmed: its unit (元 or 万元) is not printed" in message


def test_the_income_budget_is_the_income_tables_total_and_the_summarys():
    # 收入预算 restates the 部门收入总表's 合计 and the 收支总表's 收入 side; a slip in it is found.
    tables = ("部门收支总表\n单位：万元\n收入\t\t支出\t\n项目\t预算数\t项目\t预算数\n"
              "一、一般公共预算拨款收入\t100.00\t一、一般公共服务支出\t100.00\n"
              "本年收入合计\t100.00\t本年支出合计\t100.00\n收入总计\t100.00\t支出总计\t100.00\n\n"
              "部门收入总表\n单位：万元\n单位编码\t单位名称\t合计\t一般公共预算\n\t合计\t100.00\t100.00\n\n")
    assert levels(TextVsTable(), "2025年收入预算100.00万元。\n\n" + tables) == []
    [(level, message)] = levels(TextVsTable(), "2025年收入预算106.00万元。\n\n" + tables)
    assert level == Level.ERROR and "收入预算 as 106.00" in message


def test_a_share_of_a_total_the_tables_print_in_yuan():
    from auditlint.checks.percentage import Percentage
    in_yuan = SINGLE_SCOPE.replace("单位：万元", "单位：元").replace("100.00", "1,000,000").replace(
        "70.00", "700,000").replace("30.00", "300,000")
    assert levels(Percentage(), "信息化项目资金9.00万元，占一般公共预算项目支出总额的30%。\n\n" + in_yuan) == []
    [(level, message)] = levels(Percentage(), "信息化项目资金9.00万元，占一般公共预算项目支出总额的40%。\n\n" + in_yuan)
    assert level == Level.ERROR and "300,000 元 (= 30 万元)" in message and "9.00 / 30 = 30.0000%" in message


def test_every_narrative_amount_naming_a_quantity_is_linked_or_says_why_not():
    narrative = ("本年基本支出70.00万元。2024年基本支出60.00万元。本部门政府性基金预算支出情况如下。本年项目支出"
                 "30.00万元。卫生健康支出5.00万元。\n\n")
    links = {(link.subject, link.amount.text): ("linked" if link.linked else link.reason)
             for link in document("2025年某局部门预算\n\n" + narrative + SINGLE_SCOPE).facts.links}
    assert links == {("基本支出", "70.00"): "linked", ("基本支出", "60.00"): "an earlier year's figure",
                     ("项目支出", "30.00"): "its money is not named in its sentence",
                     ("卫生健康支出", "5.00"): "no table prints it"}


def test_a_class_named_in_the_narrative_is_held_to_the_tables_of_its_money():
    # BUDGET: 201 is 100.00 of all funds, 90.00 of 一般公共预算; the sentence speaks of all funds.
    doc = document("2025年某局部门预算\n\n一般公共服务支出100.00万元。\n\n" + BUDGET)
    [link] = doc.facts.links
    assert link.linked and {f.table.title for f in link.facts} == {"部门支出总表"}
    [(level, _)] = levels(TextVsTable(), "2025年某局部门预算\n\n一般公共服务支出101.00万元。\n\n" + BUDGET)
    assert level == Level.ERROR


def test_a_header_over_every_column_names_none_of_them():
    from auditlint.domain import column_quantities
    assert column_quantities(("支出预算/合计", "支出预算/基本支出", "支出预算/项目支出"), "expenditure") == {
        0: "total", 1: "basic", 2: "project"}


def test_a_sections_heading_names_the_money_of_its_sentences():
    # BUDGET: 基本支出 is 70.00 of all funds, 60.00 of 一般公共预算; the heading says which.
    under = "（二）一般公共预算拨款结构情况\n\n基本支出{}万元，占66.67%。\n\n"
    assert levels(TextVsTable(), under.format("60.00") + BUDGET) == []
    [(level, message)] = levels(TextVsTable(), under.format("66.00") + BUDGET)
    assert level == Level.ERROR and "as 60.00" in message
    # A heading of another section of its level ends it: its sentences are of all funds again.
    after = under.format("60.00") + "（三）部门支出情况\n\n基本支出70.00万元。\n\n"
    assert levels(TextVsTable(), after + BUDGET) == []


def test_a_list_opened_by_its_own_sentence_lists_the_money_of_the_sentence_before():
    # "…一般公共预算财政拨款支出90.00万元。其中：基本支出60.00万元": 一般公共预算's 基本支出.
    narrative = "2025年一般公共预算财政拨款支出90.00万元，比上年增加5.00万元。其中：基本支出{}万元，项目支出30.00万元。\n\n"
    assert levels(TextVsTable(), narrative.format("60.00") + BUDGET) == []
    [(level, message)] = levels(TextVsTable(), narrative.format("61.00") + BUDGET)
    assert level == Level.ERROR and "as 60.00" in message


def test_a_funds_own_table_prints_that_funds_money_of_a_class():
    # The 政府性基金 table's 教育支出 (8.00) is no figure of all funds: the 支出总表's 20.00 is.
    tables = ("部门支出总表\n单位：万元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
              "\t合计\t20.00\t12.00\t8.00\n205\t教育支出\t20.00\t12.00\t8.00\n\n"
              "政府性基金预算支出表\n单位：万元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
              "\t合计\t8.00\t0.00\t8.00\n205\t教育支出\t8.00\t0.00\t8.00\n\n")
    [link] = document("教育支出20.00万元。\n\n" + tables).facts.links
    assert link.linked and {f.table.title for f in link.facts} == {"部门支出总表"}


def test_a_figure_the_three_public_table_names_by_its_column_needs_the_tables_sum():
    # 合计 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费 proves which figure each column holds.
    table = ("一般公共预算“三公”经费支出表\n单位：万元\n合计\t因公出国（境）费\t公务用车购置及运行维护费\t\t\t公务接待费\n"
             "\t\t小计\t公务用车购置费\t公务用车运行维护费\t\n{}\n\n")
    holds = table.format("7.70\t1.00\t4.50\t0.00\t4.50\t2.20")
    narrative = "“三公”经费预算7.70万元，其中因公出国(境)费用1.00万元，公务用车运行维护费{}万元，公务接待费2.20万元。\n\n"
    assert levels(TextVsTable(), narrative.format("4.50") + holds) == []
    [(level, message)] = levels(TextVsTable(), narrative.format("5.40") + holds)
    assert level == Level.ERROR and "公务用车运行维护费 as 5.40" in message
    # Figures under a header read askew break the table's sum: none of them is held to the text.
    askew = table.format("7.70\t1.00\t4.50\t0.00\t2.20\t4.50")
    links = {link.subject: link.reason for link in document(narrative.format("5.40") + askew).facts.links}
    assert links["公务用车运行维护费"] == "no sum of its table proves its column"
    assert [level for level, _ in levels(TextVsTable(), narrative.format("5.40") + askew)] == []


def test_a_year_compared_with_is_of_its_own_clauses_figures():
    # "…比2024年增加5.00万元；项目支出30.00万元": this year's 项目支出, not 2024's.
    narrative = "2025年一般公共预算财政拨款支出90.00万元。其中：基本支出60.00万元，比2024年增加5.00万元；项目支出{}万元。\n\n"
    assert levels(TextVsTable(), narrative.format("30.00") + BUDGET) == []
    [(level, message)] = levels(TextVsTable(), narrative.format("33.00") + BUDGET)
    assert level == Level.ERROR and "as 30.00" in message
