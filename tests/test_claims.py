"""Claims of the narrative, and the percentage and split-total rules that recompute them."""
from __future__ import annotations

import re

from auditlint.agreement import Options
from auditlint.findings import Level
from auditlint.model import Change, Completion, Split
from auditlint.parse import parse_document
from auditlint.readers.text import read_text
from auditlint.checks.percentage import Percentage
from auditlint.checks.split_total import SplitTotal


def doc(text: str):
    return parse_document(read_text("n.txt", text.encode()))


def test_a_change_is_read_through_decorations_and_a_wrapped_line():
    [change] = doc("基本支出_1191.58_万元,比 2022年预算增加 21.53\n\n- 万元,增长_0.40_%,主要原因：增加人员。\n").claims
    assert isinstance(change, Change)
    assert (change.current.text, change.delta.text, change.increase, change.percent.text) == ("1191.58", "21.53", True, "0.40")
    assert (change.percent.location.line, change.delta.location.line) == (3, 1)


def test_a_decrease_divided_by_this_year_is_an_error_with_the_wrong_base_named():
    [finding] = Percentage().check(doc("2024年收支总预算3523.09万元，比2023年预算减少1000.07万元，下降28.39%。\n"), Options())
    assert (finding.stated, finding.expected) == ("28.39%", "22.11%")
    assert "this year's 3523.09" in finding.hint.en


def test_a_correct_change_and_a_rounded_one_pass():
    text = ("公用经费186.28万元，比2022年预算增加5.32万元，增长2.94%。"
            "一般公共预算4461.66万元，比2022年预算减少898.96万元，下降16.77%。\n")
    assert list(Percentage().check(doc(text), Options())) == []


def test_a_change_that_names_the_prior_year_must_be_their_difference():
    # 14894.79 − 14708.87 = 185.92 and 185.92 / 14708.87 = 1.26%: all four agree.
    right = "2026年收入预算14894.79万元，比2025年年初预算数14708.87万元增加185.92万元，增长1.26%。\n"
    [change] = doc(right).claims
    assert (change.prior.text, change.current.text, change.delta.text) == ("14708.87", "14894.79", "185.92")
    assert list(Percentage().check(doc(right), Options())) == []
    # This year mistyped: 14844.79 − 14708.87 = 135.92; 1.26% still fits 185.92 on 14708.87, so
    # the finding points at 14844.79 and names 14894.79.
    [finding] = Percentage().check(doc(right.replace("14894.79", "14844.79")), Options())
    assert (finding.stated, finding.expected) == ("14844.79", "14894.79")
    assert finding.location.column == 10
    assert "14844.79 should be 14894.79" in finding.hint.en


def test_the_amount_compared_is_the_one_right_before_the_comparison():
    # 515,665.27 is the whole; the change is of 19,828.57, against 20,292.85 (thousands commas).
    text = ("2026 年收入预算 515,665.27 万元，其中:一般公共预算收入 19,828.57 万元比 2025 年初预算数 "
            "20,292.85 万元减少 464.28 万元，降低 2.29%。\n")
    [change] = [c for c in doc(text).claims if isinstance(c, Change)]
    assert (change.current.text, change.prior.text, change.delta.text) == ("19,828.57", "20,292.85", "464.28")
    assert list(Percentage().check(doc(text), Options())) == []
    # 2.29% fits 464.28 and 464.10 on 20,292.85 alike: which figure slipped is not said.
    [finding] = Percentage().check(doc(text.replace("19,828.57", "19,828.75")), Options())
    assert (finding.stated, finding.expected) == ("464.28", "464.10")
    assert [r.message.en for r in finding.related] == ["19,828.75", "20,292.85"]


def test_a_change_with_its_prior_year_needs_no_percentage():
    text = "支出预算29956.27万元，比2025年年初预算数28479.84万元增加1476.73万元。\n"
    [finding] = Percentage().check(doc(text), Options())
    # 29956.27 − 28479.84 = 1476.43, not the 1476.73 stated; without a percentage nothing says
    # which figure is wrong, so the finding stays on the change, with the shape of the slip.
    assert (finding.stated, finding.expected) == ("1476.73", "1476.43")
    assert finding.hint.en == "1476.73 and 1476.43 differ in one digit"
    assert list(Percentage().check(doc(text.replace("1476.73", "1476.43")), Options())) == []


def test_a_change_against_the_initial_budget_stated_earlier_in_its_clause():
    # 860.00 − 615.40 = 244.60: the budget cut stated as 254.60 is 10.00 off.
    text = "2024年单位预算安排860.00万元，财政下达预算指标615.40万元，较年初预算数调减了{}万元，预算调整率为28%。\n"
    [change] = doc(text.format("244.60")).claims
    assert (change.prior.text, change.current.text, change.delta.text) == ("860.00", "615.40", "244.60")
    assert list(Percentage().check(doc(text.format("244.60")), Options())) == []
    [finding] = Percentage().check(doc(text.format("254.60")), Options())
    assert (finding.stated, finding.expected) == ("254.60", "244.60")
    # A base of another year is not the one stated in the clause; nor is a figure that is itself a change.
    assert doc("2026年预算安排80.00万元，调整后预算数60.00万元，较2025年年初预算减少5.00万元。\n").claims == ()
    assert doc("购置费较年初预算减少12.00万元，运行维护费22.00万元，较年初预算增加1.00万元。\n").claims == ()


def test_the_final_accounts_template_compares_with_the_sentence_before():
    text = ("2023年度收、支总计均为 573.15 万元。与 2022年度相比，收、支总计各增加 366.26 万元，增长了 177.04 %。\n"
            "2023年度一般公共预算财政拨款支出 573.15 万元，占本年支出合计的 100 %。与 2022年度相比，"
            "一般公共预算财政拨款支出增加 366.26 万元，增长了 177.04 %。\n")
    changes = [c for c in doc(text).claims if isinstance(c, Change)]
    assert [(c.current.text, c.delta.text, c.percent.text) for c in changes] == [("573.15", "366.26", "177.04")] * 2
    # 366.26 / (573.15 − 366.26 = 206.89) = 177.031%, which rounds to 177.03: 177.04 is within the
    # rounding of the printed figures (366.265 / 206.88 = 177.042%), a note for each, never more.
    findings = list(Percentage().check(doc(text), Options()))
    assert [(f.level, f.stated, f.expected) for f in findings] == [(Level.NOTE, "177.04%", "177.03%")] * 2


def test_an_increase_larger_than_the_year_it_led_to_is_an_error():
    text = "2023年度收入合计 573.15 万元，与 2022年度相比，收入合计增加 636.26 万元，增长了 177.04 %。\n"
    [finding] = Percentage().check(doc(text), Options())
    assert (finding.stated, finding.expected) == ("636.26", "≤ 573.15")
    assert "-63.11" in finding.message.en


def test_a_split_after_a_change_belongs_to_the_amount_that_changed():
    text = ("2026年“三公”经费预算 394.49 万元，较 2025 年减少 2.48 万元，其中：因公出国（境）费用 184.49 万元；"
            "公务接待费 10 万元；公务用车运行维护费 200.00 万元；公务用车购置费 0 万元。\n")
    [split] = [c for c in doc(text).claims if isinstance(c, Split)]
    assert split.total.text == "394.49"
    assert list(SplitTotal().check(doc(text), Options())) == []
    # Nothing says what 2.48 is the change of: no split is read.
    assert not [c for c in doc(text.replace("394.49 万元，", "")).claims if isinstance(c, Split)]


def test_a_completion_rate():
    [claim] = doc("项目全年预算数为 5 万元，执行数为 4.76 万元，完成预算 94％。\n").claims
    assert isinstance(claim, Completion)
    [finding] = Percentage().check(doc("项目全年预算数为 5 万元，执行数为 4.76 万元，完成预算 94％。\n"), Options())
    # A whole budget beside a spending printed to the cent is exact: 4.76 / 5 = 95.2%, an error.
    assert (finding.level, finding.expected) == (Level.ERROR, "95.20%")
    assert list(Percentage().check(doc("预算数为 20 万元，执行数为 5.44 万元，完成预算 27%。\n"), Options())) == []
    # In a narrative of whole amounts each is rounded: 5 stands for 4.5 to 5.5, and 94% is within.
    [whole] = Percentage().check(doc("项目全年预算数为 5 万元，执行数为 5 万元，完成预算 94％。\n"), Options())
    assert whole.level == Level.NOTE


def test_execution_and_control_rates_in_either_order():
    # 318.4 / 402.5 = 79.11%; 9.26 / 12.4 = 74.68%.
    for text in ("调整后预算数 402.5 万元，预算执行数 318.4 万元，预算执行率为 {}%。\n",
                 "实际预算执行数为 318.4 万元，预算数为 402.5 万元，预算执行率为 {}%。\n"):
        assert list(Percentage().check(doc(text.format("79.11")), Options())) == []
        [finding] = Percentage().check(doc(text.format("97.11")), Options())
        assert finding.expected == "79.11%"
    control = "公用经费预算 12.4 万元，实际支出 9.26 万元，则公用经费控制率为 {}%。\n"
    assert list(Percentage().check(doc(control.format("75")), Options())) == []
    assert [f.expected for f in Percentage().check(doc(control.format("57")), Options())] == ["74.68%"]


def test_shares_in_a_split_are_parts_of_its_total():
    text = "支出预算3523.09万元，其中：基本支出1004.47万元，占28.51%；项目支出2518.62万元，占71.50%。\n"
    [split] = doc(text).claims
    assert isinstance(split, Split) and split.complete
    [finding] = Percentage().check(doc(text), Options())
    assert (finding.stated, finding.expected) == ("71.50%", "71.49%")


def test_an_amount_and_a_colon_open_the_breakdown_of_a_plans_item():
    # a project plan's item: the cost, a colon, what it is made of
    over = "3、大厅复印及文具耗材14.00万元：窗口年需文具用品3.00万元，印刷耗材费用12.00万元。\n"
    [split] = doc(over).claims
    assert isinstance(split, Split) and split.total.text == "14.00" and [p.amount.text for p in split.parts] == ["3.00", "12.00"]
    [finding] = SplitTotal().check(doc(over), Options())
    assert (finding.level, finding.stated, finding.expected) == (Level.ERROR, "14.00", "15.00")
    assert list(SplitTotal().check(doc(over.replace("14.00", "15.00")), Options())) == []


def test_subtotals_of_a_list_make_the_amount_of_the_sentence_before():
    text = ("外包服务人员经费181.35万元。外包服务人员共24人，其中：1名项目经理，每人全年费用9.58万元，小计9.58万元；"
            "3名网维人员，每人全年费用9.58万元，小计28.74万元；20名服务人员，每人全年费用7.15万元，小计143.00万元。\n")
    [split] = [c for c in doc(text).claims if isinstance(c, Split)]
    assert split.complete and [(p.label, p.amount.text) for p in split.parts] == [
        ("1名项目经理", "9.58"), ("3名网维人员", "28.74"), ("20名服务人员", "143.00")]
    [finding] = SplitTotal().check(doc(text), Options())  # 9.58 + 28.74 + 143.00 = 181.32
    assert (finding.stated, finding.expected) == ("181.35", "181.32")
    assert list(SplitTotal().check(doc(text.replace("181.35", "181.32")), Options())) == []


def test_a_complete_split_must_add_up():
    text = "一般公共预算财政拨款支出预算_4461.66___万元, 其中: 当年预算_4461.66_万元, 比 2022 年预算减少_898.96 万元; 上年结转_994.50__万元。\n"
    [finding] = SplitTotal().check(doc(text), Options())
    assert (finding.stated, finding.expected) == ("4461.66", "5456.16")


def test_an_open_list_may_fall_short_but_never_exceed():
    short = "政府采购预算100.00万元，其中：办公设备30.00万元、印刷服务20.00万元。\n"
    over = "转移支付资金18.00万元，其中：安排公共卫生35.00万元。\n"
    assert list(SplitTotal().check(doc(short), Options())) == []
    [finding] = SplitTotal().check(doc(over), Options())
    assert "more than their total" in finding.message.en


def test_a_parts_own_list_inside_a_list_cut_by_semicolons():
    # The inner 其中 runs to the end of its clause: 基本支出's own parts; the outer list goes on after ；.
    text = "支出100.00万元，其中：基本支出60.00万元，其中：人员经费50.00万元、公用经费{}万元；项目支出40.00万元。\n"
    splits = [c for c in doc(text.format("10.00")).claims if isinstance(c, Split)]
    assert [(s.total.text, [p.amount.text for p in s.parts], s.complete) for s in splits] == [
        ("100.00", ["60.00", "40.00"], True), ("60.00", ["50.00", "10.00"], True)]
    assert list(SplitTotal().check(doc(text.format("10.00")), Options())) == []
    [finding] = SplitTotal().check(doc(text.format("19.00")), Options())
    assert (finding.stated, finding.expected) == ("60.00", "69.00")
    # 包括： opens the last part's own list, to the end of the sentence.
    words = "项目支出100.00万元，主要用于：办公楼维修40.00万元；信息化建设60.00万元，包括：系统运维50.00万元、网络租用10.00万元。\n"
    splits = [c for c in doc(words).claims if isinstance(c, Split)]
    assert [(s.total.text, [p.amount.text for p in s.parts]) for s in splits] == [
        ("100.00", ["40.00"]), ("60.00", ["50.00", "10.00"])]
    # After a ； its items and the outer list's look alike (办公楼维修 may be 信息化建设's): not read.
    either = "项目支出100.00万元，主要用于：信息化建设60.00万元，包括：系统运维50.00万元、网络租用10.00万元；办公楼维修40.00万元。\n"
    assert [c for c in doc(either).claims if isinstance(c, Split)] == []
    # With no ； nothing tells where the part's own list ends: the list is not read.
    flat = "支出100.00万元，其中：基本支出60.00万元，其中：人员经费50.00万元、公用经费10.00万元，项目支出40.00万元。\n"
    assert [c for c in doc(flat).claims if isinstance(c, Split) and c.total.text == "100.00"] == []


def test_a_bracketed_list_after_a_part_is_that_parts_own_split():
    # The car total's note lists its two parts: they are no siblings of the three kinds of 三公,
    # which add up (40 + 567.72 + 19.28 = 627), and they add up to it (230.55 + 337.17 = 567.72).
    text = ("2026年“三公”经费627万元，比上年增加46.49万元。其中：因公出国（境）费40万元，比上年增加0万元；"
            "公务用车购置及运行维护费567.72万元（公务用车购置费230.55万元，比上年增加49.45万元；"
            "公务用车运行维护费337.17万元，比上年减少2.96万元。）比上年增加46.49万元；公务接待费19.28万元。\n")
    splits = [c for c in doc(text).claims if isinstance(c, Split)]
    assert [(s.total.text, [p.amount.text for p in s.parts], s.complete) for s in splits] == [
        ("627", ["40", "567.72", "19.28"], True), ("567.72", ["230.55", "337.17"], True)]
    assert list(SplitTotal().check(doc(text), Options())) == []
    # A slip inside the note is still found, against the part it divides.
    [finding] = SplitTotal().check(doc(text.replace("230.55", "203.55")), Options())
    assert (finding.stated, finding.expected) == ("567.72", "540.72")
    # The same with 其中 inside the brackets and commas between the parts.
    inner = ("“三公”经费预算627万元，其中：因公出国（境）费40万元，公务用车购置及运行维护费567.72万元"
             "（其中：公务用车购置费230.55万元，公务用车运行维护费337.17万元），公务接待费19.28万元。\n")
    splits = [c for c in doc(inner).claims if isinstance(c, Split)]
    assert [(s.total.text, len(s.parts), s.complete) for s in splits] == [("627", 3, True), ("567.72", 2, True)]
    [finding] = SplitTotal().check(doc(inner.replace("19.28", "91.28")), Options())
    assert (finding.stated, finding.expected) == ("627", "699.00")


def test_amounts_in_a_bracketed_note_of_no_part_leave_the_list_open():
    text = "支出100.00万元，其中：基本支出（含人员经费50.00万元）60.00万元，项目支出30.00万元。\n"
    [split] = [c for c in doc(text).claims if isinstance(c, Split)]
    assert not split.complete
    assert list(SplitTotal().check(doc(text), Options())) == []


def test_each_claim_has_the_year_and_the_money_its_main_amount_is_stated_for():
    text = ("2025年部门预算\n\n"
            "2024年一般公共预算财政拨款支出1000.00万元，比2023年预算减少100.00万元，下降9.09%。\n\n"
            "收支总预算1200.00万元，比2024年预算增加100.00万元，增长9.09%。\n\n"
            "政府性基金预算情况如下。本年支出300.00万元，其中：基本支出100.00万元，项目支出200.00万元。\n")
    gpb, total, fund = doc(text).claims
    assert (gpb.current.text, gpb.year, gpb.scope) == ("1000.00", 2024, "gpb")
    assert (total.current.text, total.year, total.scope) == ("1200.00", 2025, "all")  # the title's year
    # The paragraph speaks of 政府性基金, the sentence does not say: its money is unknown.
    assert (fund.total.text, fund.year, fund.scope) == ("300.00", 2025, "")


def test_show_lists_claims_and_matched_figures():
    from auditlint.show import render_document
    from tests.conftest import SAMPLES
    from auditlint.readers import read_source
    shown = render_document(parse_document(read_source(str(SAMPLES / "planted_budget_2025.txt"))))
    assert "claims:" in shown and "1809.22 -143.38, 7.92%" in shown and "7.34% of prior 1952.60" in shown
    assert "数据治理外包服务" in shown and "项目支出表 56.28 (line 181)" in shown
    # Each claim with its year, its money and the table figure its amount restates.
    change = next(line for line in shown.splitlines() if "1809.22 -143.38, 7.92%" in line)
    assert change.split()[:4] == ["17", "change", "2025", "全部资金"]
    # 收支总预算 is the 收支总表's 本年支出合计 (line 78) and 支出总计 (line 80), and the 部门支出总表's
    # 合计 (line 86): the first of them is shown.
    assert re.search(r"  1809\.22 = \S+ 1,809\.22 \(line (?:78|80|86)\)$", change)


LISTED = ("2024年一般公共预算基本支出1004.47万元，按经济分类包括：\n\n"
          "（一）工资福利支出854.43万元，主要用于基本工资。\n\n"
          "（二）对个人和家庭的补助{second}万元，主要用于退休费。\n\n"
          "（三）商品和服务支出134.41万元。主要用于办公费。\n\n")


def test_a_total_announcing_a_numbered_list_is_split_over_the_paragraphs_that_follow():
    [split] = [c for c in doc(LISTED.format(second="51.63")).claims if isinstance(c, Split)]
    assert [(p.label, p.amount.text, p.amount.location.line) for p in split.parts] == [
        ("工资福利支出", "854.43", 3), ("对个人和家庭的补助", "51.63", 5), ("商品和服务支出", "134.41", 7)]
    [finding] = SplitTotal().check(doc(LISTED.format(second="51.63")), Options())
    assert (finding.stated, finding.expected, finding.location.line) == ("1004.47", "1040.47", 1)
    assert list(SplitTotal().check(doc(LISTED.format(second="15.63")), Options())) == []  # 1004.47 exactly


def test_a_numbered_list_ends_where_its_numbering_breaks():
    text = LISTED.format(second="15.63").replace("（三）商品和服务支出134.41", "（五）资本性支出934.41")
    [split] = [c for c in doc(text).claims if isinstance(c, Split)]
    assert [p.amount.text for p in split.parts] == ["854.43", "15.63"]
    assert list(SplitTotal().check(doc(text), Options())) == []


def test_a_numbered_item_that_states_a_change_is_no_part():
    text = LISTED.format(second="15.63").replace("（二）对个人和家庭的补助15.63万元", "（二）比上年增加2000.00万元")
    assert [c for c in doc(text).claims if isinstance(c, Split)] == []


# The income section of a Beijing-style budget: a total, headings that open with their amounts,
# and under them items numbered on across the headings (4. follows 3.).
OUTLINE = ("2026 年度收入预算 {total} 万元，比 2025 年年初预算数 115041.34 万元减少 4144.72 万元，下降 3.60%。\n"
           "（一）本年财政拨款收入 {grant} 万元\n"
           "1.一般公共预算拨款收入 {general} 万元。\n"
           "2.政府性基金预算拨款收入 0 万元。\n"
           "3.国有资本经营预算拨款收入 0 万元。\n"
           "（二）本年其他资金收入 6.00 万元\n"
           "4.事业收入 2.00 万元。\n"
           "5.其他收入 4.00 万元。\n"
           "（三）上年结转结余 508.64 万元\n"
           "6.上年结转结余 508.64 万元。\n"
           "图 1：收入预算\n")


def outline_splits(**figures):
    values = {"total": "110902.62", "grant": "110387.98", "general": "110387.98", **figures}
    return [c for c in doc(OUTLINE.format(**values)).claims if isinstance(c, Split)]


def test_headings_that_open_with_amounts_are_complete_splits_of_the_total_before_them():
    splits = outline_splits()
    assert [(s.total.text, [p.amount.text for p in s.parts], s.complete) for s in splits] == [
        ("110902.62", ["110387.98", "6.00", "508.64"], True),   # 本年… + 本年… + 上年结转
        ("110387.98", ["110387.98", "0", "0"], True),           # 一般公共预算 + 政府性基金 + 国有资本经营
        ("6.00", ["2.00", "4.00"], True),                       # … + 其他收入
        ("508.64", ["508.64"], True),                           # one item under the heading's own name
    ]
    assert list(SplitTotal().check(doc(OUTLINE.format(total="110902.62", grant="110387.98", general="110387.98")), Options())) == []


def test_a_mistyped_item_under_a_heading_is_found():
    text = OUTLINE.format(total="110902.62", grant="110387.98", general="110387.48")
    [finding] = SplitTotal().check(doc(text), Options())
    assert (finding.stated, finding.expected, finding.location.line) == ("110387.98", "110387.48", 2)


def test_a_list_announced_without_an_amount_divides_the_one_amount_of_the_sentence_before():
    text = ("2024 年项目支出 300.00 万元，其中：一般公共预算本年拨款 300.00 万元。具体使用情况如下：\n"
            "1.政务大厅运行经费 200.00 万元，主要用于大厅日常运转。\n"
            "2.档案数字化经费 {second} 万元，主要用于档案扫描。\n")
    assert list(SplitTotal().check(doc(text.format(second="100.00")), Options())) == []
    [finding] = SplitTotal().check(doc(text.format(second="1000.00")), Options())
    assert (finding.stated, finding.expected, finding.location.line) == ("300.00", "1200.00", 1)
    # A sentence before with two different amounts says not which one the list divides.
    two = text.format(second="1000.00").replace("本年拨款 300.00", "本年拨款 250.00")
    assert list(SplitTotal().check(doc(two), Options())) == []


def test_a_zero_part_may_be_written_in_yuan():
    # Beijing's template prints an empty source as "0 元"; a zero is the same in either unit.
    text = OUTLINE.format(total="110902.62", grant="110387.98", general="110387.48").replace("0 万元", "0 元")
    [finding] = SplitTotal().check(doc(text), Options())
    assert (finding.stated, finding.expected, finding.location.line) == ("110387.98", "110387.48", 2)
    # Any other amount in 元 is no part in 万元: the list ends there, and nothing is claimed.
    assert list(SplitTotal().check(doc(text.replace("收入 0 元", "收入 500 元", 1)), Options())) == []


def test_a_heading_restated_by_its_one_item_must_agree():
    text = OUTLINE.format(total="110902.62", grant="110387.98", general="110387.98").replace(
        "6.上年结转结余 508.64", "6.上年结转结余 508.46")
    [finding] = SplitTotal().check(doc(text), Options())
    assert (finding.stated, finding.expected) == ("508.64", "508.46")


def test_a_heading_total_needs_parts_that_make_a_whole():
    # Projects listed under 项目支出 are an open list: they may fall short of it, no finding.
    text = ("（二）项目支出 500.00 万元\n"
            "1.信息系统运维 100.00 万元。\n"
            "2.办公楼维修 50.00 万元。\n")
    assert [c for c in doc(text).claims if isinstance(c, Split)] == []


def test_a_list_cut_short_by_an_item_not_read_is_no_whole():
    # (二) states no amount where it opens: the parts read, 人员经费 alone, say nothing of the total.
    text = ("单位预算 4,720.86 万元。\n"
            "（一）在职人员经费 2,215.05 万元，主要是工资福利。\n"
            "（二）公用经费，主要包括公用综合定额经费 163.75 万元。\n"
            "（三）项目支出 2,149.05 万元。\n")
    assert list(SplitTotal().check(doc(text), Options())) == []


def test_a_list_in_commas_and_a_list_with_an_explanation():
    procurement = ("政府采购预算总额5554.97万元，其中：政府采购货物预算 567.94 万元，"
                   "政府采购工程预算 0 万元，政府采购服务预算 4987.03 万元。\n")
    [split] = doc(procurement).claims
    assert ([p.amount.text for p in split.parts], split.complete) == (["567.94", "0", "4987.03"], True)
    [finding] = SplitTotal().check(doc(procurement.replace("4987.03", "4987.30")), Options())
    assert finding.expected == "5555.24"
    # What follows 主要用于 explains the part before it and is no part of its own; a thousands
    # comma is no clause boundary.
    explained = "转移支付资金 1,000.00 万元，其中：公共卫生方向 35,541.80 万元，主要用于疫苗 40.00 万元。\n"
    [split] = doc(explained).claims
    assert [p.amount.text for p in split.parts] == ["35,541.80"]


def test_a_list_opening_its_sentence_divides_the_one_amount_of_the_sentence_before():
    text = ("2023年度收入合计 573.15 万元，与 2022年度相比，收入合计增加 366.26 万元，增长了 177.04 %。"
            "其中：财政拨款收入 573.15 万元，占本年收入 100%；上级补助收入 0 万元，占本年收入 0%；"
            "其他收入 0 万元，占本年收入 0%。\n")
    [split] = [c for c in doc(text).claims if isinstance(c, Split)]
    assert (split.total.text, [p.amount.text for p in split.parts], split.complete) == ("573.15", ["573.15", "0", "0"], True)
    # The first part mistyped: its share and the sum both say so.
    slipped = text.replace("财政拨款收入 573.15", "财政拨款收入 537.15")
    assert [f.expected for f in SplitTotal().check(doc(slipped), Options())] == ["537.15"]
    assert [f.expected for f in Percentage().check(doc(slipped), Options()) if f.level > Level.NOTE] == ["93.72%"]


def test_a_list_after_a_sentence_of_two_amounts_has_no_total():
    # 年初预算 3090.37 and 支出决算 2897.43: which one the list divides is not said.
    text = ("支出年初预算为 3090.37 万元，支出决算为 2897.43 万元，完成年初预算的 93.8%。"
            "其中：基本支出 1362.34 万元，项目支出 1535.09 万元。\n")
    assert [c for c in doc(text).claims if isinstance(c, Split)] == []


def test_lists_of_income_and_of_expenditure_both_divide_the_total_before_them():
    text = ("2023年财政拨款收支总预算 5456.16 万元。收入包括：本年收入 4461.66 万元、上年结转 994.50 万元。"
            "支出包括：基本支出 1191.58 万元，项目支出 4264.58 万元。\n")
    splits = [c for c in doc(text).claims if isinstance(c, Split)]
    assert [(s.total.text, s.complete) for s in splits] == [("5456.16", True), ("5456.16", True)]
    assert list(SplitTotal().check(doc(text), Options())) == []
    assert [f.expected for f in SplitTotal().check(doc(text.replace("4264.58", "4964.58")), Options())] == ["6156.16"]


def test_items_in_commas_inside_clauses_and_what_is_no_part():
    text = ("（一）收入预算：2026 年年初预算数 45,369.18 万元，其中：一般公共预算拨款 37,891.58 万元，"
            "政府性基金预算拨款 4,066.60 万元，事业收入资金 2,898.00 万元，其他收入资金 513.00 万元；"
            "收入比 2025 年增加 2,734.52 万元，主要是一般公共预算拨款增加 800.94 万元。\n")
    [split] = [c for c in doc(text).claims if isinstance(c, Split)]
    # The changes after ； are no parts; the four sources, the last of them 其他…, make the whole.
    assert ([p.amount.text for p in split.parts], split.complete) == (
        ["37,891.58", "4,066.60", "2,898.00", "513.00"], True)
    assert [f.expected for f in SplitTotal().check(doc(text.replace("4,066.60", "4,866.60")), Options())] == ["46169.18"]


def test_an_amount_not_read_as_a_part_leaves_the_list_open():
    # A page number run into 公务用车运行维护费 hides its 32.5 from the parts: 120 + 54.96 + 0 falls
    # short of 207.46, and no finding may say so.
    text = ("2026 年“三公”经费预算 207.46 万元，比 2025 年减少 48.3 万元。其中：因公出国（境）费用 120 万元，"
            "与上年持平；公务接待费 54.96 万元；公务用车运行维护费— 4 —32.5 万元；公务用车购置费 0 万元。\n")
    [split] = [c for c in doc(text).claims if isinstance(c, Split)]
    assert not split.complete
    assert list(SplitTotal().check(doc(text), Options())) == []


def test_a_completion_rate_against_the_final_accounts():
    [claim] = doc("年初预算为 1137.18 万元，支出决算为 458.27 万元，完成年初预算的 40.30%。\n").claims
    assert isinstance(claim, Completion) and (claim.budget.text, claim.actual.text) == ("1137.18", "458.27")


def test_shares_of_numbered_items_are_shares_of_the_total_announcing_them():
    text = ("2024 年度一般公共预算财政拨款支出 2897.43 万元，主要用于以下方面：\n\n"
            "1. 一般公共服务支出类支出 2507.57 万元，占 86.54%。主要是用于行政运行。\n"
            "2. 社会保障和就业支出类支出 105.46 万元，占 3.64%。主要是用于养老保险。\n"
            "3. 卫生健康支出类支出 137.96 万元，占 4.77%。主要是用于医疗保险。\n"
            "4. 住房保障支出类支出 146.44 万元，占 5.05%。主要是用于公积金。\n")
    [split] = [c for c in doc(text).claims if isinstance(c, Split)]
    assert [p.share.text for p in split.parts] == ["86.54", "3.64", "4.77", "5.05"]
    # 137.96 / 2897.43 = 4.7615%: 4.77% is beyond its rounding.
    [finding] = Percentage().check(doc(text), Options())
    assert (finding.stated, finding.expected, finding.location.line) == ("4.77%", "4.76%", 5)


def test_an_execution_rate_stated_with_what_is_left_of_the_budget():
    # (260 − 13.5) / 260 = 94.81%; 97.40% is what (260 − 6.76) / 260 would give.
    text = ("2.2025年预算数为260万元。截至2025年10月底余额13.5万元，预算执行进度达{rate}%。\n\n"
            "3.本年预算数为88万元，上年预算数为92万元。截至10月底余额4.2万元，执行率为95.23%。\n")
    # The second paragraph states two budgets: which one the 4.2 is left of, it does not say.
    [claim] = [c for c in doc(text.format(rate="94.81")).claims if isinstance(c, Completion)]
    assert (claim.budget.text, claim.left.text, claim.year) == ("260", "13.5", 2025)
    assert list(Percentage().check(doc(text.format(rate="94.81")), Options())) == []
    [finding] = Percentage().check(doc(text.format(rate="97.40")), Options())
    assert (finding.stated, finding.expected, finding.location.line) == ("97.40%", "94.81%", 1)


def test_parts_that_exceed_their_total_by_a_sub_item_read_flat_prove_nothing():
    # The sub-item (运行维护费 337.17) listed as a sibling right after its own larger part: a note.
    flat = ("2026年“三公”经费预算627万元，其中：因公出国（境）费40万元，公务用车购置及运行维护费567.72万元，"
            "公务用车运行维护费337.17万元。\n")
    assert [(f.level, f.stated) for f in SplitTotal().check(doc(flat), Options())] == [(Level.NOTE, "627")]
    # A part larger than the whole total has nothing to nest under: an error.
    alone = "转移支付资金18,225.94万元，其中：安排基本公共卫生服务方向35,541.8万元，主要用于免费服务。\n"
    assert [f.level for f in SplitTotal().check(doc(alone), Options())] == [Level.ERROR]
    # A mistyped part that no smaller neighbour explains is still an error.
    slipped = flat.replace("公务用车运行维护费337.17万元", "公务接待费19.28万元").replace("40万元", "90万元")
    assert [f.level for f in SplitTotal().check(doc(slipped), Options())] == [Level.ERROR]


def test_a_total_that_leaves_out_a_part_is_no_flat_reading():
    # 4461.66 + 994.50 = 5456.16: the carry-over is no item of 当年预算, whose name it does not repeat.
    text = "2023年部门预算收入4461.66万元，其中：当年预算4461.66万元，上年结转994.50万元。\n"
    assert [f.level for f in SplitTotal().check(doc(text), Options())] == [Level.ERROR]


def changes_of(text: str) -> list[tuple[str, str, bool, str | None, str | None]]:
    return [(c.current.text, c.delta.text, c.increase, c.percent.text if c.percent else None,
             c.prior.text if c.prior else None) for c in doc(text).claims if isinstance(c, Change)]


def test_a_change_in_the_sentence_after_its_amount_and_the_explanation_of_it():
    # Jiangsu: the amount, what it is for, then 与上年相比 opening the next sentence, with no comma.
    text = ("3．住房保障（类）支出3894.09万元，主要用于按照国家政策规定，为职工缴纳的住房公积金和发放的提租补贴。"
            "与上年相比增加878.93万元，增长{}%。主要原因是住房公积金政策性调增。\n")
    assert changes_of(text.format("29.15")) == [("3894.09", "878.93", True, "29.15", None)]
    assert list(Percentage().check(doc(text.format("29.15")), Options())) == []
    # 878.93 / (3894.09 − 878.93 = 3015.16) = 29.15%: a stated 30% is no rounding of it.
    [finding] = Percentage().check(doc(text.format("30")), Options())
    assert (finding.level, finding.stated, finding.expected) == (Level.ERROR, "30%", "29.15%")
    assert finding.location.line == 1 and [r.message.en for r in finding.related] == ["3894.09", "878.93"]
    # The amount stated alone in its sentence: "基本支出预算数为11700.63万元。与上年相比增加…"
    alone = "此外，基本支出预算数为11700.63万元。与上年相比增加1297.52万元，增长12.47%。\n"
    assert changes_of(alone) == [("11700.63", "1297.52", True, "12.47", None)]


def test_a_change_named_by_its_rate_or_with_its_percentage_first():
    # Shenzhen: "较2025年年初预算增加197.71万元，增幅6.8%"; 197.71 / 2901.22 = 6.81%.
    rate = "（一）在职人员经费 3,098.93 万元，主要是在职人员工资福利。较 2025 年年初预算增加 197.71万元，增幅 {}%。\n"
    assert changes_of(rate.format("6.8")) == [("3,098.93", "197.71", True, "6.8", None)]
    assert [f.expected for f in Percentage().check(doc(rate.format("8.6")), Options())] == ["6.81%"]
    assert changes_of("增人增资 371.58 万元，主要用于晋级增资。较2025 年年初预算减少 28.42 万元，减幅 7.1%。\n") == [
        ("371.58", "28.42", False, "7.1", None)]
    # The percentage before the amount, and 同比.
    assert changes_of("2024年收支总预算3523.09万元，比2023年预算下降22.11%，减少1000.07万元。\n") == [
        ("3523.09", "1000.07", False, "22.11", None)]
    assert changes_of("公用经费186.28万元，同比增加5.32万元，增长2.94%。\n") == [("186.28", "5.32", True, "2.94", None)]
    # 与2025年预算相比, the subject named after the comma, in the sentence after the amount.
    assert changes_of("2026年部门预算支出500.00万元。与2025年预算相比，部门预算支出减少50.00万元，下降9.09%。\n") == [
        ("500.00", "50.00", False, "9.09", None)]


def test_a_change_after_a_list_is_of_the_total_the_list_divides():
    # 569.63 / (40,000.70 − 569.63) = 1.44%: the change is of the item, not of its last part.
    text = ("2.口岸管理业务 40,000.70 万元,主要包括：口岸管养工作 38,297.20 万元，用于口岸管理维护；"
            "口岸发展及法务工作 1,703.50 万元，用于优化营商环境。较 2025 年年初预算增加 569.63万元，增幅 1.4%。\n")
    assert changes_of(text) == [("40,000.70", "569.63", True, "1.4", None)]
    assert list(Percentage().check(doc(text), Options())) == []
    # A sentence before of two amounts and no list says not which one changed: nothing is read.
    two = ("免除查验没有问题作业服务费 7,083.34 万元，上年结转 564.09万元，用于开展吊装移位仓储工作。"
           "较2025 年年初预算增加 3,567.18 万元，增幅 53.1%。\n")
    assert changes_of(two) == []


def test_an_amount_that_is_itself_a_change_is_compared_with_nothing():
    assert changes_of("公用经费比上年增加10.00万元，较年初预算减少5.00万元，下降2%。\n") == []


def test_a_change_of_nothing_against_a_named_prior_year_in_the_sentence_after():
    text = "2026年因公出国（境）费预算数为{}万元。与2025年预算数84.50万元持平。\n"
    assert changes_of(text.format("84.50")) == [("84.50", "0", True, None, "84.50")]
    assert list(Percentage().check(doc(text.format("84.50")), Options())) == []
    [finding] = Percentage().check(doc(text.format("84.00")), Options())
    assert finding.level == Level.ERROR and "84.00 - 84.50 = -0.50" in finding.message.en
    # "基本持平" is no figure; nor is 持平 with no prior year's amount to hold it to.
    assert changes_of(text.format("84.00").replace("持平", "基本持平")) == []
    assert changes_of("2026年公务接待费预算数为6.00万元。与2025年预算持平。\n") == []


def test_completion_and_change_of_spending_against_the_budget_it_names():
    # 决算 against 年初预算 or 全年预算, the rate worded 完成…的 or 为…的; 972.48 / 959.4 = 101.36%.
    for text in ("年初预算为 959.4 万元，支出决算为 972.48 万元，完成年初预算的 {}%。\n",
                 "全年预算为 959.4 万元，决算数为 972.48 万元，为全年预算的 {}%。\n",
                 "执行数为 972.48 万元，为预算安排 959.4 万元的 {}%。\n"):
        [claim] = doc(text.format("101.36")).claims
        assert isinstance(claim, Completion) and (claim.budget.text, claim.actual.text) == ("959.4", "972.48")
        assert [f.expected for f in Percentage().check(doc(text.format("110.36")), Options())] == ["101.36%"]
    # 执行数 against 预算数 stated before it: 95.00 − 100.00 = −5.00, 5.00 / 100.00 = 5%.
    text = "2024年项目预算数为100.00万元，执行数为95.00万元，较预算数减少{}万元，下降5%。\n"
    assert changes_of(text.format("5.00")) == [("95.00", "5.00", False, "5", "100.00")]
    [finding] = Percentage().check(doc(text.format("4.00")), Options())
    assert (finding.stated, finding.expected) == ("4.00", "5.00")


def test_a_rate_of_a_base_of_nothing_names_the_wrong_base():
    # Nothing budgeted, nothing spent, 0%: the template's wording, nothing to say.
    nothing = "“三公”经费全年预算为 0.00 万元，支出决算为 0.00 万元，完成全年预算的 {}%。\n"
    assert list(Percentage().check(doc(nothing.format("0.00")), Options())) == []
    [rate] = Percentage().check(doc(nothing.format("5.00")), Options())
    assert rate.level == Level.WARNING and "names the wrong base" in rate.message.en and "全年预算" in rate.message.en
    # Spending against an initial budget of 0: the rate must be of another budget.
    [warning] = Percentage().check(doc("年初预算为 0 万元，支出决算为 45.00 万元，完成年初预算的 90%。\n"), Options())
    assert (warning.level, warning.stated) == (Level.WARNING, "90%") and "年初预算, which is 0" in warning.message.en
    # A base that rounding only may make 0 (10 − 9 = 1, printed whole) is no base of nothing: 900% stands.
    assert list(Percentage().check(doc("2025年支出预算10万元，比上年增加9万元，增长900%。\n"), Options())) == []
    # A change from nothing: 100% is the change over this year's amount (a note); 50% is nothing (a warning).
    new = "安全生产专项经费 40.00 万元，主要用于设施采购。较 2025 年年初预算增加 40.00 万元，增幅 {}%。\n"
    [habit] = Percentage().check(doc(new.format("100.0")), Options())
    assert habit.level == Level.NOTE and "this year's 40.00" in habit.hint.en
    [odd] = Percentage().check(doc(new.format("50")), Options())
    assert odd.level == Level.WARNING and "no percentage follows from a base of 0" in odd.message.en


def test_a_list_of_shares_whose_items_end_in_full_stops_goes_on_over_its_sentences():
    # Jiangsu 2017: each item a sentence on a line of its own; 147.20 / 20849.45 = 0.71%.
    text = ("  本表反映部门年度总体收入预算情况，填列数应与部门收支预算总表收入数一致。\n"
            "  省委办公厅本年收入预算合计 20849.45 万元，其中：\n"
            "  一般公共预算收入 20702.25 万元，占 99.29%。\n"
            "  财政专户管理资金 147.20 万元，占 {}%。\n"
            "  三、支出预算情况说明\n")
    [split] = [c for c in doc(text.format("0.71")).claims if isinstance(c, Split)]
    assert [(p.amount.text, p.share.text) for p in split.parts] == [("20702.25", "99.29"), ("147.20", "0.71")]
    assert list(Percentage().check(doc(text.format("0.71")), Options())) == []
    assert [f.expected for f in Percentage().check(doc(text.format("0.17")), Options())] == ["0.71%"]
    # An item opening its sentence with "其中，" (a comma for the colon) divides the sentence before.
    comma = ("2017 年度部门政府采购预算总金额为 1,271.22 万元。其中，货物类政府采购支出预算 259.32 万元,占 20.40%；"
             "服务类政府采购支出预算 1,011.90 万元,占 {}%；工程类政府采购支出预算 0 万元。\n")
    [split] = [c for c in doc(comma.format("79.60")).claims if isinstance(c, Split)]
    assert (split.total.text, [p.amount.text for p in split.parts]) == ("1,271.22", ["259.32", "1,011.90", "0"])
    assert [f.expected for f in Percentage().check(doc(comma.format("76.90")), Options())] == ["79.60%"]


SMES = ("本部门政府采购支出总额300.00万元，其中：政府采购货物支出100.00万元、政府采购工程支出0万元、政府采购服务支出"
        "200.00万元。授予中小企业合同金额{awarded}万元，占政府采购支出总额的{whole}%。货物采购授予中小企业合同金额占货物支出"
        "金额的{goods}%，工程采购授予中小企业合同金额占工程支出金额的0%，服务采购授予中小企业合同金额占服务支出金额的{services}%。\n")


def test_the_kinds_shares_awarded_to_small_enterprises_add_up_to_what_was_awarded():
    def found(**figures):
        return [(f.level, f.stated, f.expected) for f in Percentage().check(doc(SMES.format(**figures)), Options())]
    # All of it awarded: every kind with an amount went whole (工程 of 0 at 0% is the template's).
    assert found(awarded="300.00", whole="100", goods="100", services="100") == []
    assert found(awarded="300.00", whole="100", goods="0", services="99.44") == [
        (Level.ERROR, "0%", "100%"), (Level.ERROR, "99.44%", "100%")]
    # Part of it: 100.00 × 50% + 200.00 × 75% = 200.00.
    assert found(awarded="200.00", whole="66.67", goods="50", services="75") == []
    assert found(awarded="210.00", whole="70", goods="50", services="75") == [(Level.ERROR, "210.00", "200.00")]


# A narrative whose tables are published apart (none here): its income all 财政拨款, its 项目支出
# stated on its own line, and a share of "一般公共预算项目支出总额" that divides by the income.
NARRATED = ("某局2025年度部门决算\n\n2025年度收入合计500.00万元，其中：财政拨款收入500.00万元，事业收入0万元，其他收入0万元。\n\n"
            "2025年度项目支出300.00万元。\n\n本部门对项目支出全面开展绩效自评，资金300.00万元，占一般公共预算项目支出总额的{share}。\n")


def test_a_share_of_a_total_no_table_prints_is_held_to_the_narratives_own_figure():
    [finding] = Percentage().check(doc(NARRATED.format(share="60%")), Options())
    assert (finding.level, finding.stated, finding.expected) == (Level.NOTE, "60%", "100.00%")
    assert "300.00 over 500.00" in finding.hint.en  # the share divides by the income, not by 项目支出
    assert list(Percentage().check(doc(NARRATED.format(share="100%")), Options())) == []


def test_a_total_stated_for_all_funds_is_no_base_of_one_money_when_other_money_comes_in():
    other_money = NARRATED.replace("事业收入0万元", "事业收入50.00万元").replace("财政拨款收入500.00", "财政拨款收入450.00")
    assert list(Percentage().check(doc(other_money.format(share="60%")), Options())) == []


TWINS = ("本级材料总数 6102 个，其中“硬减” 262 个，“免提交” 1526 个，减材料比例 29.3%；"
         "全区材料总数 21587 个，其中“硬减” 362 个，“免提交” 7151 个，减材料比例 {second}%。\n")


def test_a_ratio_of_counts_is_held_to_the_formula_its_twin_clause_shows():
    # (262 + 1526) / 6102 = 29.30%: the ratio is the listed counts over the total; so the twin's
    # is (362 + 7151) / 21587 = 34.80%
    [finding] = [f for f in Percentage().check(doc(TWINS.format(second="26.9")), Options()) if "twin" in f.logical]
    assert (finding.level, finding.stated, finding.expected) == (Level.WARNING, "26.9%", "34.80%")
    assert [f for f in Percentage().check(doc(TWINS.format(second="34.8")), Options()) if "twin" in f.logical] == []


def test_a_ratio_of_counts_alone_is_not_read():
    alone = "全区材料总数 21587 个，其中“硬减” 362 个，“免提交” 7151 个，减材料比例 26.9%。\n"
    assert [f for f in Percentage().check(doc(alone), Options()) if "twin" in f.logical] == []
