"""unit-mismatch: a 万元 figure written in 元; a correct conversion is no slip."""
from __future__ import annotations

from auditlint.parse import parse_document
from auditlint.readers.text import read_text
from checks.text_vs_table import TextVsTable
from checks.unit_mismatch import UnitMismatch

SANGONG = ("一般公共预算“三公”经费支出表\n单位：万元\n合计\t因公出国（境）费\t公务接待费\n"
           "6.80\t4.50\t2.30\n\n")


def findings(sentence: str, check=UnitMismatch):
    return list(check().check(parse_document(read_text("u.txt", (SANGONG + sentence + "\n").encode())), {}))


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
