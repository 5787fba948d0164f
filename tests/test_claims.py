"""Claims of the narrative, and the percentage and split-total rules that recompute them."""
from __future__ import annotations

from auditlint.model import Change, Completion, Split
from auditlint.parse import parse_document
from auditlint.readers.text import read_text
from checks.percentage import Percentage
from checks.split_total import SplitTotal


def doc(text: str):
    return parse_document(read_text("n.txt", text.encode()))


def test_a_change_is_read_through_decorations_and_a_wrapped_line():
    [change] = doc("基本支出_1191.58_万元,比 2022年预算增加 21.53\n\n- 万元,增长_0.40_%,主要原因：增加人员。\n").claims
    assert isinstance(change, Change)
    assert (change.current.text, change.delta.text, change.increase, change.percent.text) == ("1191.58", "21.53", True, "0.40")
    assert (change.percent.location.line, change.delta.location.line) == (3, 1)


def test_a_decrease_divided_by_this_year_is_an_error_with_the_wrong_base_named():
    [finding] = Percentage().check(doc("2024年收支总预算3523.09万元，比2023年预算减少1000.07万元，下降28.39%。\n"), {})
    assert (finding.stated, finding.expected) == ("28.39%", "22.11%")
    assert "this year's 3523.09" in finding.hint.en


def test_a_correct_change_and_a_rounded_one_pass():
    text = ("公用经费186.28万元，比2022年预算增加5.32万元，增长2.94%。"
            "一般公共预算4461.66万元，比2022年预算减少898.96万元，下降16.77%。\n")
    assert list(Percentage().check(doc(text), {})) == []


def test_a_completion_rate():
    [claim] = doc("项目全年预算数为 5 万元，执行数为 4.76 万元，完成预算 94％。\n").claims
    assert isinstance(claim, Completion)
    [finding] = Percentage().check(doc("项目全年预算数为 5 万元，执行数为 4.76 万元，完成预算 94％。\n"), {})
    assert finding.expected == "95.20%"
    assert list(Percentage().check(doc("预算数为 20 万元，执行数为 5.44 万元，完成预算 27%。\n"), {})) == []


def test_shares_in_a_split_are_parts_of_its_total():
    text = "支出预算3523.09万元，其中：基本支出1004.47万元，占28.51%；项目支出2518.62万元，占71.50%。\n"
    [split] = doc(text).claims
    assert isinstance(split, Split) and split.complete
    [finding] = Percentage().check(doc(text), {})
    assert (finding.stated, finding.expected) == ("71.50%", "71.49%")


def test_a_complete_split_must_add_up():
    text = "一般公共预算财政拨款支出预算_4461.66___万元, 其中: 当年预算_4461.66_万元, 比 2022 年预算减少_898.96 万元; 上年结转_994.50__万元。\n"
    [finding] = SplitTotal().check(doc(text), {})
    assert (finding.stated, finding.expected) == ("4461.66", "5456.16")


def test_an_open_list_may_fall_short_but_never_exceed():
    short = "政府采购预算100.00万元，其中：办公设备30.00万元、印刷服务20.00万元。\n"
    over = "转移支付资金18.00万元，其中：安排公共卫生35.00万元。\n"
    assert list(SplitTotal().check(doc(short), {})) == []
    [finding] = SplitTotal().check(doc(over), {})
    assert "more than their total" in finding.message.en


def test_a_nested_split_is_not_read():
    text = "支出100.00万元，其中：基本支出60.00万元，其中：人员经费50.00万元、公用经费10.00万元；项目支出40.00万元。\n"
    assert [c for c in doc(text).claims if isinstance(c, Split) and c.total.text == "100.00"] == []


def test_show_lists_claims_and_matched_figures():
    from auditlint.show import render_document
    from tests.conftest import SAMPLES
    from auditlint.readers import read_source
    shown = render_document(parse_document(read_source(str(SAMPLES / "planted_budget_2025.txt"))))
    assert "claims:" in shown and "1809.22 -143.38, 7.92%" in shown and "7.34% of prior 1952.60" in shown
    assert "数据治理外包服务" in shown and "项目支出表 56.28 (line 181)" in shown


LISTED = ("2024年一般公共预算基本支出1004.47万元，按经济分类包括：\n\n"
          "（一）工资福利支出854.43万元，主要用于基本工资。\n\n"
          "（二）对个人和家庭的补助{second}万元，主要用于退休费。\n\n"
          "（三）商品和服务支出134.41万元。主要用于办公费。\n\n")


def test_a_total_announcing_a_numbered_list_is_split_over_the_paragraphs_that_follow():
    [split] = [c for c in doc(LISTED.format(second="51.63")).claims if isinstance(c, Split)]
    assert [(p.label, p.amount.text, p.amount.location.line) for p in split.parts] == [
        ("工资福利支出", "854.43", 3), ("对个人和家庭的补助", "51.63", 5), ("商品和服务支出", "134.41", 7)]
    [finding] = SplitTotal().check(doc(LISTED.format(second="51.63")), {})
    assert (finding.stated, finding.expected, finding.location.line) == ("1004.47", "1040.47", 1)
    assert list(SplitTotal().check(doc(LISTED.format(second="15.63")), {})) == []  # 1004.47 exactly


def test_a_numbered_list_ends_where_its_numbering_breaks():
    text = LISTED.format(second="15.63").replace("（三）商品和服务支出134.41", "（五）资本性支出934.41")
    [split] = [c for c in doc(text).claims if isinstance(c, Split)]
    assert [p.amount.text for p in split.parts] == ["854.43", "15.63"]
    assert list(SplitTotal().check(doc(text), {})) == []


def test_a_numbered_item_that_states_a_change_is_no_part():
    text = LISTED.format(second="15.63").replace("（二）对个人和家庭的补助15.63万元", "（二）比上年增加2000.00万元")
    assert [c for c in doc(text).claims if isinstance(c, Split)] == []
