"""sum-of-children: totals against their parts, rounding as notes, only where the parts are known."""
from __future__ import annotations

from decimal import Decimal

from auditlint.agreement import Options
from auditlint.findings import Level, shape_hint
from auditlint.parse import parse_document
from auditlint.readers.text import read_text
from auditlint.checks.sum_of_children import SumOfChildren

HEADER = "部门支出总表\n单位：万元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
TOTAL_ONLY = "部门支出总表\n单位：万元\n科目编码\t科目名称\t合计\n"


def findings(rows: str, header: str = HEADER):
    doc = parse_document(read_text("t.txt", (header + rows).encode()))
    return list(SumOfChildren().check(doc, Options()))


def test_a_consistent_table_gives_nothing():
    rows = ("\t合计\t100.00\t60.00\t40.00\n201\t一般公共服务支出\t100.00\t60.00\t40.00\n"
            "20103\t政府办公厅（室）及相关机构事务\t100.00\t60.00\t40.00\n"
            "2010301\t行政运行\t60.00\t60.00\t\n2010302\t一般行政管理事务\t40.00\t\t40.00\n")
    assert findings(rows) == []


def test_a_parent_that_differs_from_its_children_is_an_error_pointing_at_the_parent():
    parent = "20103\t政府办公厅（室）及相关机构事务\t100.00\t60.00\t40.00"
    rows = parent + "\n2010301\t行政运行\t60.00\t60.00\t\n2010302\t一般行政管理事务\t04.00\t\t04.00\n"
    found = findings(rows)
    assert [(f.level, f.stated, f.expected) for f in found] == [
        (Level.ERROR, "100.00", "64.00"), (Level.ERROR, "40.00", "4.00")]
    first = found[0]
    assert (first.location.line, first.location.column) == (4, parent.index("100.00") + 1)
    assert [r.location.line for r in first.related] == [5, 6]


def test_a_one_cent_gap_within_rounding_is_a_note():
    rows = ("\t合计\t2877.94\n201\t一般公共服务支出\t2561.10\n208\t社会保障和就业支出\t84.78\n"
            "210\t卫生健康支出\t83.88\n221\t住房保障支出\t148.19\n")
    [note] = findings(rows, TOTAL_ONLY)
    assert note.level == Level.NOTE
    assert note.difference == "-0.01"
    assert "rounding" in note.message.en


def test_two_cents_over_one_part_is_beyond_rounding():
    rows = "20103\t某款\t10.02\n2010301\t某项\t10.00\n"
    [error] = findings(rows, TOTAL_ONLY)
    assert error.level == Level.ERROR


def test_truncated_codes_are_not_summed():
    rows = ("20103\t政府办公厅（室）及相关机构事务\t100.00\n"
            "201030\t行政运行\t60.00\n201030\t一般行政管理事务\t30.00\n")
    assert findings(rows, TOTAL_ONLY) == []


def test_unit_codes_add_up_to_their_department():
    header = "一般公共预算支出表\n单位：万元\n单位编码\t单位名称\t合计\t基本支出\t项目支出\n"
    rows = "014\t某局\t10.00\t10.00\t\n014001\t某局本级\t9.00\t9.00\t\n"
    assert [f.expected for f in findings(rows, header)] == ["9.00", "9.00"]


def test_numbered_items_of_a_two_sided_table():
    header = "部门收支总表\n单位：万元\n收入\t\t支出\t\n项目\t预算数\t项目\t预算数\n"
    rows = ("一、一般公共预算拨款收入\t100.00\t一、一般公共服务支出\t70.00\n"
            "二、事业收入\t\t二、卫生健康支出\t20.00\n"
            "本年收入合计\t100.00\t本年支出合计\t100.00\n"
            "上年结转结余\t\t年终结转结余\t\n收入总计\t100.00\t支出总计\t100.00\n")
    [error] = findings(rows, header)
    assert (error.stated, error.expected) == ("100.00", "90.00")
    assert "本年支出合计" in error.message.zh


def test_top_level_items_that_do_not_start_at_one_are_not_summed():
    # Text extracted out of order left 一、 and 二、 above the title: 三、 alone is no part list of
    # 本年支出合计, and nothing is claimed; with 一、 to 三、 in place the sum is checked.
    header = "部门收支总表\n单位：万元\n收入\t\t支出\t\n项目\t预算数\t项目\t预算数\n"
    rows = ("一、一般公共预算拨款收入\t100.00\t三、住房保障支出\t10.00\n"
            "二、事业收入\t\t四、其他支出\t5.00\n"
            "本年收入合计\t100.00\t本年支出合计\t100.00\n")
    assert findings(rows, header) == []
    whole = rows.replace("三、住房保障支出", "一、一般公共服务支出").replace("四、其他支出", "二、卫生健康支出")
    assert [(f.stated, f.expected) for f in findings(whole, header)] == [("100.00", "15.00")]


def test_hints_name_the_shape_of_a_wrong_number():
    assert "swapped" in shape_hint(Decimal("762.85"), Decimal("672.85")).en
    assert "one digit" in shape_hint(Decimal("65.26"), Decimal("65.28")).en
    assert "10 000" in shape_hint(Decimal("23000"), Decimal("2.30")).en
    assert shape_hint(Decimal("4461.66"), Decimal("5456.16")) is None


def test_a_row_whose_columns_do_not_add_up():
    rows = "\t合计\t100.00\t60.00\t30.00\n"
    [error] = findings(rows)
    assert (error.level, error.stated, error.expected) == (Level.ERROR, "100.00", "90.00")
    assert [r.message.en for r in error.related] == ["[基本支出]", "[项目支出]"]


def test_basic_expenditure_is_personnel_plus_public_funds():
    header = "一般公共预算支出表\n单位：万元\n科目编码\t科目名称\t合计\t基本支出\t\t\t项目支出\n\t\t\t小计\t人员经费\t公用经费\t\n"
    rows = "\t合计\t100.00\t60.00\t40.00\t20.01\t40.00\n"
    [note] = findings(rows, header)
    assert note.level == Level.NOTE and note.stated == "60.00" and note.expected == "60.01"


def test_a_column_of_another_kind_stops_the_identity():
    header = "部门支出总表\n单位：万元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\t政府采购\n"
    assert findings("\t合计\t100.00\t60.00\t40.00\t55.00\n", header) == []


def test_the_three_public_expenses_add_up_to_their_total():
    header = ("一般公共预算“三公”经费支出表\n单位：万元\n合计\t因公出国（境）费\t公务用车购置及运行维护费\t\t\t公务接待费\n"
              "\t\t小计\t公务用车购置费\t公务用车运行维护费\t\n")
    [error] = findings("6.80\t0.00\t4.50\t0.00\t4.50\t3.20\n", header)
    assert (error.stated, error.expected) == ("6.80", "7.70")
    assert findings("6.80\t0.00\t4.50\t0.00\t4.50\t2.30\n", header) == []


def test_two_amounts_of_unknown_columns_must_be_equal_in_a_three_column_table():
    # Single spaces: the columns of the two amounts cannot be told; 合计 = 人员经费 + 公用经费
    # needs them equal whichever part the second is, unless the total was left blank.
    # With no total row above them, 303's two amounts stay of unknown columns.
    header = "一般公共预算基本支出表\n单位：万元\n科目编码 科目名称 合计 人员经费 公用经费\n"
    rows = ("302 商品和服务支出 1.00 0.50 0.50\n"
            "303 对个人和家庭的补助 15.69 15.63\n30302 退休费 12.00 12.00\n30307 医疗费补助 3.63 3.63\n")
    found = findings(rows, header)
    assert [(f.level, f.stated, f.expected, f.location.line) for f in found] == [(Level.WARNING, "15.69", "15.63", 5)]
    assert findings(rows.replace("15.69", "15.63"), header) == []


def test_a_row_that_cannot_add_up_across_is_placed_by_its_family():
    # 303 prints 15.69 and 15.63: no columns make it add up across. Under 合计 (100.00 84.37 15.63)
    # beside 301 (84.37 in 合计 and 人员经费) only one reading leaves a single cell off: 15.69 in
    # 合计, 15.63 in 公用经费, where 100.00 − 84.37 = 15.63 would mend both the column and the row.
    header = "一般公共预算基本支出表\n单位：万元\n科目编码 科目名称 合计 人员经费 公用经费\n"
    rows = ("合计 100.00 84.37 15.63\n301 工资福利支出 84.37 84.37\n"
            "303 对个人和家庭的补助 15.69 15.63\n30302 退休费 12.00 12.00\n30307 医疗费补助 3.63 3.63\n")
    found = [f for f in findings(rows, header) if f.level != Level.NOTE]
    assert [(f.level, f.stated, f.expected, f.location.line) for f in found] == [(Level.ERROR, "15.69", "15.63", 6)]
    assert findings(rows.replace("15.69", "15.63"), header) == []
    # Two cells off (15.69 and 15.66): no single slip explains the row, and nothing is claimed of it.
    assert [f.level for f in findings(rows.replace("15.69 15.63", "15.69 15.66"), header)
            if f.location.line == 6 and f.level == Level.ERROR] == []


GROUPED = ("一般公共预算基本支出表\n单位：万元\n部门预算支出经济分类科目\t本年一般公共预算基本支出\n"
           "科目编码\t科目名称\t合计\t人员经费\t公用经费\n")


def test_columns_under_one_group_header_keep_their_identity():
    # Every column sits under 本年一般公共预算基本支出: 合计 = 人员经费 + 公用经费 still holds.
    rows = "\t合计\t20.00\t\t20.00\n302\t商品和服务支出\t20.00\t\t20.00\n30209\t物业管理费\t12.00\t\t21.00\n"
    across = [f for f in findings(rows, GROUPED) if "=columns" in f.logical]
    assert [(f.level, f.stated, f.expected) for f in across] == [(Level.ERROR, "12.00", "21.00")]


def test_a_basic_expenditure_group_over_its_total_keeps_its_identity():
    # 基本支出 heads 总计, 人员经费 and 公用经费 alike (Chongqing's 一般公共预算基本支出情况表).
    header = "一般公共预算基本支出情况表\n单位：万元\n经济分类科目\t\t基本支出\t\t\n科目编码\t科目名称\t总计\t人员经费\t公用经费\n"
    across = [f for f in findings("\t合计\t20.00\t8.00\t13.00\n", header) if "=columns" in f.logical]
    assert [(f.level, f.stated, f.expected) for f in across] == [(Level.ERROR, "20.00", "21.00")]


def test_a_blank_row_with_its_cells_is_a_part_of_nothing_not_a_lost_one():
    # 30202 prints empty cells between its tabs: a blank row, so 302 can still be summed.
    rows = ("\t合计\t20.00\t\t20.00\n302\t商品和服务支出\t20.00\t\t20.00\n30202\t印刷费\t\t\t\n"
            "30209\t物业管理费\t12.00\t\t12.00\n")
    errors = [f for f in findings(rows, GROUPED) if f.level == Level.ERROR]
    assert [(f.place.row, f.place.column, f.stated, f.expected) for f in errors] == [
        ("302", "本年一般公共预算基本支出/合计", "20.00", "12.00"),
        ("302", "本年一般公共预算基本支出/公用经费", "20.00", "12.00")]


def test_a_table_continued_on_the_next_page_repeats_its_head_and_still_adds_up():
    # Plain text of a PDF: the page number runs into the next caption ("- 16 -表 3"), and the next
    # page repeats the title and the header lines before its first row (20806).
    text = ("表 3\n支出总表\n部门名称：某局 单位：万元\n科目编码 科目名称 合计 基本支出 项目支出\n"
            "208 社会保障和就业支出 30.00 20.00 10.00\n20805 行政事业单位养老支出 20.00 20.00 0.00\n"
            "- 16 -表 3\n支出总表\n部门名称：某局 单位：万元\n科目编码 科目名称 合计 基本支出 项目支出\n"
            "20806 企业改革补助 10.00 0.00 10.00\n")
    doc = parse_document(read_text("t.txt", text.encode()))
    [table] = doc.tables
    assert [(r.code, r.label) for r in table.rows] == [
        ("208", "社会保障和就业支出"), ("20805", "行政事业单位养老支出"), ("20806", "企业改革补助")]
    assert list(SumOfChildren().check(doc, Options())) == []


def test_a_total_is_the_sum_of_the_sources_of_money_in_its_row():
    header = ("项目支出表\n单位：万元\n单位编码\t单位名称\t合计\t本年拨款\t\t财政拨款结转结余\t\t单位资金\n"
              "\t\t\t一般公共预算\t政府性基金预算\t一般公共预算\t政府性基金预算\t\n")
    rows = "014\t某局\t1,348.00\t1,438.00\t\t\t\t\n014001\t某局本级\t1,438.00\t1,438.00\t\t\t\t\n"
    across = [f for f in findings(rows, header) if "=columns" in f.logical]
    assert [(f.stated, f.expected, f.location.line) for f in across] == [("1,348.00", "1438.00", 5)]
    # An "of which" column among them is no source: nothing is claimed across.
    other = header.replace("\t单位资金\n", "\t其中：教育收费\n")
    assert [f for f in findings(rows, other) if "=columns" in f.logical] == []


def test_subtotals_of_sources_add_up_to_the_total_and_from_their_group():
    header = ("部门收入总表\n单位：万元\n科目编码\t科目名称\t合计\t本年收入\t\t\t上年结转结余\t\t\n"
              "\t\t\t小计\t一般公共预算\t政府性基金预算\t小计\t一般公共预算\t政府性基金预算\n")
    rows = "\t合计\t110.00\t100.00\t90.00\t10.00\t10.00\t10.00\t\n"
    assert [f for f in findings(rows, header) if f.level != Level.NOTE] == []
    # 本年收入/小计 mistyped: it no longer makes the total with the carry-over, nor comes from its sources.
    slipped = [(f.stated, f.expected) for f in findings(rows.replace("\t100.00\t", "\t160.00\t"), header)
               if "=columns" in f.logical]
    assert sorted(slipped) == [("110.00", "170.00"), ("160.00", "100.00")]


def test_group_rows_of_a_project_table_are_the_sum_of_their_projects(shared):
    # Seed 001's 项目支出表: 22 其他运转类 43.87 over 17.80 + 26.07, 31 本级支出项目 1,394.13 over
    # 452.81 + 268.47 + 672.85, and 014001 1,438.00 over 43.87 + 1,394.13. It adds up as printed;
    # with 22's figure typed 43.77 the group and the unit above it both say so.
    from tests.conftest import seed_path
    text = seed_path(shared, 1).read_text(encoding="utf-8")
    line = "22\t其他运转类\t\t43.87\t43.87"
    assert line in text

    def project_errors(content: str) -> list[tuple[str, str, str]]:
        doc = parse_document(read_text("s.txt", content.encode()))
        return [(f.place.row, f.stated, f.expected) for f in SumOfChildren().check(doc, Options())
                if f.level == Level.ERROR and f.place is not None and f.place.table == "项目支出表"]

    assert project_errors(text) == []
    assert sorted(project_errors(text.replace(line, line.replace("43.87", "43.77")))) == [
        ("014001", "1,438.00", "1437.90"), ("014001", "1,438.00", "1437.90"),
        ("22", "43.77", "43.87"), ("22", "43.77", "43.87")]


INDENTED = ("基本支出总表\n单位：万元\n"
            "项目                      总计        财政拨款\n"
            "某某局                    200.00      200.00\n"
            "  工资福利支出            100.00      100.00\n"
            "    基本工资               60.00       60.00\n"
            "    津贴补贴               40.00       40.00\n"
            "  商品和服务支出           50.00       50.00\n"
            "    办公费                 30.00       30.00\n"
            "    印刷费                 20.00       20.00\n"
            "  对个人和家庭的补助       30.00       30.00\n"
            "    退休费                 18.00       18.00\n"
            "    生活补助               12.00       12.00\n"
            "  资本性支出               20.00       20.00\n"
            "    办公设备购置           12.00       12.00\n"
            "    专用设备购置            8.00        8.00\n")


def test_indented_labels_without_codes_add_up_by_level():
    assert findings(INDENTED, "") == []
    # 印刷费 printed 25.00 in 总计: 商品和服务支出 (50.00) no longer adds up there; four other
    # parents still do, which is what shows the indents are the table's hierarchy.
    [error] = findings(INDENTED.replace("印刷费                 20.00", "印刷费                 25.00"), "")
    assert (error.level, error.location.line, error.stated, error.expected) == (Level.ERROR, 8, "50.00", "55.00")


def test_indents_the_figures_do_not_bear_out_are_no_hierarchy():
    # Two parents off: the indents are not read as the hierarchy, and nothing is claimed.
    broken = INDENTED.replace("办公费                 30.00", "办公费                 35.00") \
        .replace("退休费                 18.00", "退休费                 28.00")
    assert [f for f in findings(broken, "") if f.level != Level.NOTE] == []


def test_a_slip_in_a_middle_row_breaks_two_sums_and_both_are_reported():
    # 商品和服务支出 printed 55.00: off its parent's sum (某某局 180.00) and off its own items.
    found = findings(INDENTED.replace("商品和服务支出           50.00", "商品和服务支出           55.00"), "")
    assert sorted((f.location.line, f.stated, f.expected) for f in found if f.level == Level.ERROR) == [
        (4, "200.00", "205.00"), (8, "55.00", "50.00")]


BY_UNIT = ("\t某某局\t100.00\t60.00\t40.00\n"
           "\t某某局（本级）\t70.00\t40.00\t30.00\n"
           "201\t一般公共服务支出\t70.00\t40.00\t30.00\n20103\t政府办公厅（室）及相关机构事务\t70.00\t40.00\t30.00\n"
           "2010301\t行政运行\t40.00\t40.00\t0.00\n2010302\t一般行政管理事务\t30.00\t0.00\t30.00\n"
           "\t某某中心\t30.00\t20.00\t10.00\n"
           "201\t一般公共服务支出\t30.00\t20.00\t10.00\n20103\t政府办公厅（室）及相关机构事务\t30.00\t20.00\t10.00\n"
           "2010301\t行政运行\t20.00\t20.00\t0.00\n2010302\t一般行政管理事务\t10.00\t0.00\t10.00\n")


def test_codes_listed_once_per_unit_add_up_within_each_unit():
    assert findings(BY_UNIT) == []
    # 某某中心's 行政运行 printed 25.00 (合计 and 基本支出): its 20103 no longer adds up; the 本级's same codes do.
    slipped = BY_UNIT.replace("2010301\t行政运行\t20.00\t20.00", "2010301\t行政运行\t25.00\t25.00")
    assert sorted((f.location.line, f.stated, f.expected) for f in findings(slipped) if f.level == Level.ERROR) == [
        (12, "20.00", "25.00"), (12, "30.00", "35.00")]
    # The department is the sum of its units.
    [error] = findings(BY_UNIT.replace("\t某某局\t100.00", "\t某某局\t110.00"))
    assert (error.location.line, error.stated, error.expected) == (4, "110.00", "100.00")
    # A unit whose 类 code was lost in extraction is not summed: its top-level parts are unknown.
    lost = BY_UNIT + ("\t某某所\t30.00\t20.00\t10.00\n"
                      "208\t社会保障和就业支出\t10.00\t0.00\t10.00\n20805\t行政事业单位养老支出\t10.00\t0.00\t10.00\n"
                      "\t一般公共服务支出\t20.00\t20.00\t0.00\n"
                      "20103\t政府办公厅（室）及相关机构事务\t20.00\t20.00\t0.00\n2010301\t行政运行\t20.00\t20.00\t0.00\n")
    assert [f for f in findings(lost.replace("\t某某局\t100.00\t60.00\t40.00", "\t某某局\t130.00\t80.00\t50.00"))
            if f.level != Level.NOTE] == []


def test_columns_repeated_under_each_year_hold_their_identities_within_the_year():
    header = ("一般公共预算支出表\n单位：万元\n科目编码\t科目名称\t2025年预算数\t2026年预算数\t\t\t\t\n"
              "\t\t\t总计\t基本支出\t\t\t项目支出\n\t\t\t\t小计\t人员经费\t公用经费\t\n")
    rows = "201\t一般公共服务支出\t90.00\t100.00\t60.00\t40.00\t20.00\t40.00\n"
    assert findings(rows, header) == []  # 90.00 last year is no part of this year's total
    slipped = [(f.stated, f.expected) for f in findings(rows.replace("\t20.00\t", "\t02.00\t"), header)]
    assert slipped == [("60.00", "42.00")]


def test_the_three_public_expenses_add_up_within_each_source_of_money():
    # Shenzhen heads every 三公 column by its kind, then by the source of its money.
    sources = "一般公共预算\t政府性基金预算"
    header = ("一般公共预算“三公”经费支出表\n单位：万元\n"
              "总计\t\t因公出国(境)费\t\t公务接待费\t\t公务用车购置及运行维护费\t\t\t\t\t\n"
              "\t\t\t\t\t\t小计\t\t公务用车购置费\t\t公务用车运行维护费\t\n" + "\t".join([sources] * 6) + "\n")
    rows = "10.00\t1.00\t2.00\t0.00\t3.00\t0.00\t5.00\t1.00\t1.00\t0.00\t4.00\t1.00\n"
    assert findings(rows, header) == []
    slipped = [(f.place.column, f.stated, f.expected) for f in findings(rows.replace("10.00", "11.00", 1), header)]
    assert slipped == [("总计/一般公共预算", "11.00", "10.00")]


def test_the_parts_of_a_total_end_where_another_group_begins():
    # 政府采购's 小计 and its "of which" columns follow the parts of 支出总计: they are no part of it.
    header = "部门支出总表\n单位：万元\n科目编码\t科目名称\t支出总计\t基本支出\t项目支出\t小计\t其中：预留给中小企业\n"
    assert findings("\t合计\t100.00\t60.00\t40.00\t55.00\t20.00\n", header) == []
    [error] = findings("\t合计\t100.00\t60.00\t04.00\t55.00\t20.00\n", header)
    assert (error.stated, error.expected) == ("100.00", "64.00")


def test_a_column_every_row_shows_to_be_an_of_which_is_no_part():
    # 事业单位经营支出 is, in every row where it has a value, already inside 基本支出 + 项目支出.
    header = "部门支出总表\n单位：万元\n科目编码\t科目名称\t支出总计\t基本支出\t项目支出\t事业单位经营支出\n"
    rows = ("221\t住房保障支出\t398.06\t398.06\t0.00\t357.08\n22102\t住房改革支出\t398.06\t398.06\t0.00\t357.08\n"
            "2210201\t住房公积金\t125.32\t125.32\t0.00\t125.32\n2210203\t购房补贴\t272.74\t272.74\t0.00\t231.76\n")
    assert findings(rows, header) == []
    # In one row only, the extra column is a slip like any other: the row does not add up.
    one = "2210201\t住房公积金\t125.32\t125.32\t0.00\t125.32\n"
    [error] = findings(one, header)
    assert (error.stated, error.expected) == ("125.32", "250.64")


def test_a_total_read_apart_from_the_rest_of_its_row_claims_nothing_across():
    # A narrow cell wraps 138,907.24 over two lines; the row's other cells sit between them.
    header = ("项目支出总表\n单位：万元\n项目名称\t总计\t一般公共预算\t单位资金\t上年结转\n")
    rows = "\t138,907.2\t\t\t\n某局\t\t104,340.46\t21,839.32\t12,727.46\n"
    assert [f for f in findings(rows, header) if f.level != Level.NOTE] == []


def test_a_subtotal_over_sources_named_as_appropriations():
    # 财政拨款收入支出决算总表's expenditure side: 小计 = 一般公共预算财政拨款 + 政府性基金预算财政拨款.
    header = "财政拨款收入支出决算总表\n单位：万元\n项目\t决算数\t\t\n\t小计\t一般公共预算财政拨款\t政府性基金预算财政拨款\n"
    [error] = findings("一、一般公共服务支出\t2,507.57\t2,507.75\t0.00\n", header)
    assert (error.stated, error.expected) == ("2,507.57", "2507.75")


def test_a_prior_year_figure_alone_on_its_row_is_no_split_row():
    # 20101 had a budget last year only; 20102 is new this year. Only the 2025 column is printed
    # on the first row and every column but it on the second, yet no total stands apart.
    header = ("一般公共预算支出表\n单位：万元\n科目编码\t科目名称\t2025年预算数\t2026年预算数\t\t\n"
              "\t\t\t总计\t基本支出\t项目支出\n")
    rows = "20101\t行政运行\t90.00\t\t\t\n20102\t一般行政管理事务\t\t100.00\t60.00\t04.00\n"
    [error] = findings(rows, header)
    assert (error.stated, error.expected) == ("100.00", "64.00")


BY_UNIT_DETAILS = ("2025年项目支出预算表\n单位：万元\n"
                   "科目编码\t科目名称\t单位编码\t单位名称\t项目名称\t总计\t一般公共预算\t其他资金\n"
                   "018\t某某区某某局\t\t\t\t300.00\t260.00\t40.00\n"
                   "018001\t某某区某某局本级\t\t\t\t300.00\t260.00\t40.00\n"
                   "2130101\t行政运行\t018001\t某某区某某局本级\t信息系统运维\t120.00\t80.00\t40.00\n"
                   "2130101\t行政运行\t018001\t某某区某某局本级\t档案数字化\t100.00\t100.00\t\n"
                   "2130104\t事业运行\t018001\t某某区某某局本级\t专项调研\t80.00\t80.00\t·\n")


def test_a_units_row_is_the_sum_of_the_detail_rows_that_carry_its_code():
    # 120.00 + 100.00 + 80.00 = 300.00; 80.00 + 100.00 + 80.00 = 260.00; 40.00 alone.
    assert findings(BY_UNIT_DETAILS, "") == []
    # 专项调研 typed 85.00 in both columns: its row holds, the unit's row is off by 5.00 in both.
    slipped = BY_UNIT_DETAILS.replace("专项调研\t80.00\t80.00", "专项调研\t85.00\t85.00")
    assert sorted((f.location.line, f.stated, f.expected) for f in findings(slipped, "")) == [
        (5, "260.00", "265.00"), (5, "300.00", "305.00")]


def test_detail_rows_printed_in_yuan_under_a_unit_in_wanyuan_say_so():
    # 政府购买服务预算表 whose detail rows were typed in 元: 1,200,000 + 300,000 = 150.00 万元.
    table = ("2025年政府购买服务预算表\n单位：万元\n"
             "单位编码\t单位名称\t科目编码\t科目名称\t购买服务内容\t总计\t一般公共预算\n"
             "018\t某某区某某局\t\t\t\t150.00\t150.00\n"
             "018001\t某某区某某局本级\t\t\t\t150.00\t150.00\n"
             "018001\t某某区某某局本级\t30227\t委托业务费\t档案整理\t1200000\t1200000\n"
             "018001\t某某区某某局本级\t30299\t其他商品和服务支出\t系统运维\t300000\t300000\n")
    errors = findings(table, "")
    assert [(f.location.line, f.expected, f.hint.en) for f in errors] == [
        (5, "1500000", "a factor of 10 000: 元 written for 万元?")] * 2


def test_detail_codes_that_extend_each_other_are_not_summed_under_their_unit():
    # A unit's 类 and its 款 beside it: adding both would count 300.00 twice.
    table = ("2025年一般公共预算基本支出表\n单位：万元\n单位编码\t单位名称\t科目编码\t科目名称\t合计\n"
             "018001\t某某区某某局本级\t\t\t300.00\n"
             "018001\t某某区某某局本级\t201\t一般公共服务支出\t300.00\n"
             "018001\t某某区某某局本级\t20103\t政府办公厅（室）及相关机构事务\t300.00\n")
    assert findings(table, "") == []


def test_a_page_of_a_tables_last_columns_under_the_tail_of_its_title_continues_it():
    # A spreadsheet printed across pages: its last column, empty, and the unit stand on a page of
    # their own, under the part of the centred title that falls on that page.
    text = ("2026年预算单位收入预算总表\n编制单位：某局\n项目    合计    财政拨款收入\n"
            "合计    100.00    100.00\n\f26年预算单位收入预算总表\n                    单位：元\n"
            "              收入预算\n                    其他收入\n")
    [table] = parse_document(read_text("t.txt", text.encode())).tables
    assert (table.title, table.unit, len(table.rows)) == ("2026年预算单位收入预算总表", "元", 1)


def test_failing_sums_no_slip_or_two_explain_make_the_table_a_misreading():
    # Three families off by 1.00, 2.00 and 3.00, sharing no figure: three slips at least, more
    # than a published table carries. The table is not trusted, and one note says so.
    header = "部门支出总表\n单位：万元\n科目编码\t科目名称\t合计\n"
    rows = ("\t合计\t60.00\n201\t一般公共服务支出\t10.00\n20101\t人大事务\t5.00\n20102\t政协事务\t6.00\n"
            "205\t教育支出\t20.00\n20501\t教育管理事务\t12.00\n20502\t普通教育\t6.00\n"
            "208\t社会保障和就业支出\t30.00\n20801\t人力资源事务\t27.00\n")
    found = findings(rows, header)
    assert [f.level for f in found] == [Level.NOTE] and "more than a slip or two explain" in found[0].message.en
    # With 205's family mended, two families fail: two slips, each an error.
    mended = rows.replace("20502\t普通教育\t6.00", "20502\t普通教育\t8.00")
    assert [f.level for f in findings(mended, header)] == [Level.ERROR, Level.ERROR]
