"""The one-row 三公 table names its figures by column: the 三公经费 total in its 合计, and
机关运行经费 in the last column of Shanghai's “三公”经费和机关运行经费 table, under either of
its names."""
from __future__ import annotations

from auditlint.agreement import Options
from auditlint.findings import Level
from auditlint.parse import parse_document
from auditlint.domain import table_kind
from auditlint.readers.text import read_text
from auditlint.checks.sum_of_children import SumOfChildren
from auditlint.checks.text_vs_table import TextVsTable

TITLE = "2025年部门“三公”经费和机关运行经费预算表"
TABLE = ("{title}\n单位：万元\n"
         "合计\t因公出国（境）费\t公务接待费\t公务用车购置及运行费\t\t\t{column}\n"
         "\t\t\t小计\t购置费\t运行费\t\n"
         "{total}\t0.00\t2.60\t15.80\t0.00\t15.80\t236.75\n\n")


def findings(sentence: str, check=TextVsTable(), title: str = TITLE, column: str = "机关运行经费",
             total: str = "18.40") -> list[tuple[Level, str | None, str | None]]:
    text = sentence + "\n\n" + TABLE.format(title=title, column=column, total=total)
    doc = parse_document(read_text("a.txt", text.encode("utf-8")))
    return [(f.level, f.stated, f.expected) for f in check.check(doc, Options())]


def test_the_narratives_figure_is_held_to_the_tables_column():
    assert findings("2025年本部门机关运行经费财政拨款预算236.75万元，主要用于办公、水电等。") == []
    assert findings("2025年本部门机关运行经费预算为236.57万元。") == [(Level.ERROR, "236.57", "236.75")]


def test_the_column_may_be_headed_by_the_shorter_name():
    assert findings("2025年本部门机关运行经费预算为263.75万元。", column="机关运行费") == [
        (Level.ERROR, "263.75", "236.75")]


def test_a_budget_is_not_held_to_a_final_accounts_figure():
    title = "2025年度“三公”经费和机关运行经费决算表"
    assert findings("2025年机关运行经费预算数为250.00万元。", title=title) == []
    assert findings("2025年机关运行经费支出决算为263.75万元。", title=title) == [(Level.ERROR, "263.75", "236.75")]


def test_another_figure_whose_name_starts_alike_is_not_the_tables():
    assert findings("2025年机关运行经费结余20.00万元。") == []


def test_the_table_is_the_three_public_table_and_its_parts_are_added_up():
    assert table_kind(TITLE).id == "sangong"
    assert findings("", SumOfChildren()) == []
    [(level, stated, expected)] = findings("", SumOfChildren(), total="19.40")
    assert (level, stated, expected) == (Level.ERROR, "19.40", "18.40")


def test_the_three_public_total_is_the_tables_first_column_however_the_name_is_quoted():
    assert findings("2025年“三公”经费财政拨款预算18.40万元。") == []
    assert findings("2025年'三公'经费预算18.04万元。") == [(Level.ERROR, "18.04", "18.40")]


def test_a_table_printed_in_blocks_of_years_has_no_one_total():
    blocks = ("2025年“三公”经费支出表\n单位：万元\n2024年预算数\t\t\t2025年预算数\t\t\n"
              "合计\t因公出国（境）费\t公务接待费\t合计\t因公出国（境）费\t公务接待费\n"
              "20.40\t0.00\t2.60\t18.40\t0.00\t2.60\n\n")
    doc = parse_document(read_text("b.txt", ("2025年“三公”经费预算18.40万元。\n\n" + blocks).encode("utf-8")))
    assert list(TextVsTable().check(doc, Options())) == []


def test_a_table_printed_in_blocks_of_years_names_this_years_figures():
    # 公务接待费 is 3.10 in 2024's block and 2.60 in 2025's: the 2025 narrative restates 2.60.
    blocks = ("2025年“三公”经费支出表\n单位：万元\n2024年预算数\t\t\t\t2025年预算数\t\t\t\n"
              "合计\t因公出国（境）费\t公务用车购置及运行维护费\t公务接待费\t合计\t因公出国（境）费\t公务用车购置及运行维护费\t公务接待费\n"
              "20.90\t10.00\t7.80\t3.10\t18.40\t9.00\t6.80\t2.60\n\n")

    def found(amount: str):
        doc = parse_document(read_text("b.txt", (f"2025年公务接待费预算{amount}万元。\n\n" + blocks).encode("utf-8")))
        return [(f.level, f.stated, f.expected) for f in TextVsTable().check(doc, Options())]
    assert found("2.60") == []
    assert found("3.10") == [(Level.ERROR, "3.10", "2.60")]
