"""unit-mismatch: a 万元 figure written in 元; a correct conversion is no slip."""
from __future__ import annotations

from auditlint.agreement import Options
from auditlint.parse import parse_document
from auditlint.readers.text import read_text
from auditlint.checks.text_vs_table import TextVsTable
from auditlint.checks.unit_mismatch import UnitMismatch

SANGONG = ("一般公共预算“三公”经费支出表\n单位：万元\n合计\t因公出国（境）费\t公务用车购置及运行维护费\t公务接待费\n"
           "6.80\t4.50\t0.00\t2.30\n\n")


def findings(sentence: str, check=UnitMismatch):
    return list(check().check(parse_document(read_text("u.txt", (SANGONG + sentence + "\n").encode())), Options()))


def test_the_same_number_in_yuan_is_a_unit_slip():
    [finding] = findings("2025年三公经费中，公务接待费2.30元。")
    assert (finding.stated, finding.expected) == ("2.30元", "2.30万元")


def test_a_correct_conversion_to_yuan_is_no_slip():
    assert findings("2025年三公经费中，公务接待费23000元。") == []


def test_the_three_public_table_names_its_figures_by_column():
    [finding] = findings("2025年三公经费中，公务接待费3.20万元。", TextVsTable)
    assert (finding.stated, finding.expected) == ("3.20", "2.30")


def test_a_number_in_yuan_that_the_document_prints_in_wan_yuan_elsewhere_is_a_slip():
    text = "污染防治项目18,686.86元，主要包括水生态环境管理工作3,953.30万元。\n\n项目支出合计18686.86万元。"
    [finding] = findings(text)
    assert (finding.stated, finding.expected) == ("18,686.86元", "18,686.86万元")
    assert len(finding.related) == 1


def test_round_numbers_and_prices_may_be_two_figures():
    assert findings("刻章预算100元/套，共100万元。\n\n会议费40.00元，另有40.00万元。") == []


def test_an_amount_in_yuan_that_only_fits_its_sentence_in_wan_yuan():
    # 458.27 / 1137.18 = 40.30%: the sentence holds with 1137.18 万元, and 1137.18 元 (0.113718 万元)
    # would make the rate 402,990%.
    [finding] = findings("项目年初预算为 1137.18 元，支出决算为 458.27 万元，完成年初预算的 40.30%。")
    assert (finding.stated, finding.expected, finding.location.column) == ("1137.18元", "1137.18万元", 9)
    # A split whose parts make their total only in 万元.
    [finding] = findings("政府采购预算1875.70万元，其中：货物类28.60万元、工程类0万元、服务类1847.10元。")
    assert finding.stated == "1847.10元"
    # A sum in 元 that is meant in 元: nothing fits in 万元, nothing is said.
    assert findings("项目年初预算为 1137.18 万元，其中：差旅费 5000 元。") == []
    assert findings("项目年初预算为 1137.18 元，支出决算为 458.27 万元，完成年初预算的 41.30%。") == []


def test_a_table_headed_in_yuan_that_prints_the_narratives_wan_yuan_figures():
    text = ("2025年支出预算 386.40万元，其中：基本支出 251.16万元，项目支出 135.24万元。\n\n"
            "部门支出总表\n单位：{}\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
            "201\t一般公共服务支出\t{}\n")
    slipped = text.format("元", "386.40\t251.16\t135.24")
    [finding] = UnitMismatch().check(parse_document(read_text("u.txt", slipped.encode())), Options())
    assert (finding.location.line, finding.stated, finding.expected) == (3, "元", "万元")
    assert [r.location.line for r in finding.related] == [1, 1, 1]
    # The same table in 万元, or in 元 with its figures converted, or sharing one figure only: no slip.
    for unit, figures in (("万元", "386.40\t251.16\t135.24"), ("元", "3864000.00\t2511600.00\t1352400.00"),
                          ("元", "386.40\t2511600.00\t1352400.00")):
        assert list(UnitMismatch().check(parse_document(read_text("u.txt", text.format(unit, figures).encode())), Options())) == []


def test_the_quick_test_for_an_amount_in_yuan_passes_every_one_the_pattern_finds():
    from auditlint.checks.unit_mismatch import _BARE_YUAN, _YUAN_FIGURE
    for text in ("基本支出为1,234.56元", "项目支出 88 元，", "会议费共计3.5  元"):
        assert _YUAN_FIGURE.search(text) and _BARE_YUAN.search(text), text
    for text in ("基本支出为1,234.56万元", "共计3亿元", "3千元"):
        assert not _YUAN_FIGURE.search(text) and not _BARE_YUAN.search(text), text
