"""Statements across documents read from the narrative (issue 28): a final account's 年初预算
stated beside what was spent (budget-to-account), and a figure stated unchanged from last year
(prior-year). The inputs are the samples of samples/across/ with sentences written here."""
from __future__ import annotations

from decimal import Decimal

import pytest

from auditlint.engine import run
from auditlint.parse import parse_documents
from auditlint.parse.across import ledger
from auditlint.parse.profile import profile
from auditlint.readers.text import read_text
from tests.conftest import SAMPLES

ACROSS = SAMPLES / "across"
ACCOUNT_LINE = "2024年度一般公共预算财政拨款支出决算943.60万元，主要用于机关运转和档案馆的保管、利用工作。\n"
BUDGET_LINE = "1.一般公共服务支出830.60万元，比上年预算增加45.40万元，增长5.78%，主要是档案数字化加工量增加。\n"


def with_sentence(name: str, after: str, sentence: str) -> str:
    text = (ACROSS / name).read_text(encoding="utf-8")
    assert after in text
    return text.replace(after, f"{after}\n{sentence}\n")


def stated(text: str, how: str) -> set[tuple[str, int, str, Decimal, int]]:
    doc = parse_documents([read_text("doc.txt", text.encode())])
    return {(f.subject, f.year, f.basis, f.value, f.location.line)
            for f in ledger(doc, profile(doc)).figures if f.how == how}


@pytest.mark.parametrize("sentence", [
    "档案馆（项）年初预算为301.00万元，支出决算为298.60万元，完成年初预算的99.20%。",
    "档案馆（项）年初预算数301.00万元，决算数298.60万元。",
    "档案馆（项）支出决算为298.60万元，年初预算为301.00万元。",
])
def test_a_final_accounts_sentence_states_the_budget_of_the_code_its_spent_amount_and_name_give(sentence):
    # 298.60 is the 决算数 of 2012604 档案馆: the sentence states that code's 2024 budget
    text = with_sentence("account_2024.txt", ACCOUNT_LINE, sentence)
    assert ("2012604", 2024, "budget", Decimal("301.00"), 11) in stated(text, "stated")


@pytest.mark.parametrize("sentence", [
    "其他事务（项）年初预算为301.00万元，支出决算为298.60万元。",  # no row of that name
    "档案馆（项）年初预算为301.00万元，支出决算为299.60万元。",  # no 决算数 of that value
    "档案馆（项）调整预算为301.00万元，支出决算为298.60万元。",  # not the budget as passed
])
def test_a_sentence_whose_figure_is_not_found_states_nothing(sentence):
    text = with_sentence("account_2024.txt", ACCOUNT_LINE, sentence)
    assert not any(line == 11 for *_, line in stated(text, "stated"))


def test_a_budgets_sentence_of_that_shape_is_no_final_account():
    text = with_sentence("budget_2025.txt", BUDGET_LINE, "档案馆年初预算为310.00万元，决算为298.60万元。")
    assert stated(text, "stated") == set()


def test_a_final_accounts_narrative_budget_is_held_to_the_budget(tmp_path):
    (tmp_path / "budget_2024.txt").write_bytes((ACROSS / "budget_2024.txt").read_bytes())
    (tmp_path / "account_2024.txt").write_text(with_sentence(
        "account_2024.txt", ACCOUNT_LINE, "档案馆（项）年初预算为301.00万元，支出决算为298.60万元。"), encoding="utf-8")
    result = run([str(tmp_path)])
    found = {(f.location.line, f.rule, f.level.label, f.stated, f.expected) for f in result.findings if f.location.line == 11}
    assert found == {(11, "budget-to-account", "error", "301.00", "310.00")}  # the 2024 budget's 档案馆 310.00


UNCHANGED = ("3.卫生健康支出25.90万元，与上年预算数一致。\n\n4.住房保障支出48.60万元，与上年持平。\n\n"
             "5.节能环保支出10.00万元，与上年基本持平。")


def test_a_figure_stated_unchanged_is_last_years_too():
    text = with_sentence("budget_2025.txt", BUDGET_LINE, UNCHANGED)
    read = {(subject, year, basis, value, line) for subject, year, basis, value, line in stated(text, "unchanged")
            if subject.isdigit() and line in (21, 23, 25)}
    # 与上年预算数一致 says last year's budget; 与上年持平 does not say budget or spent; 基本持平 says no figure
    assert read == {("210", 2024, "budget", Decimal("25.90"), 21), ("221", 2024, "", Decimal("48.60"), 23)}


def test_a_figure_stated_unchanged_is_held_to_last_years_budget(tmp_path):
    (tmp_path / "budget_2024.txt").write_bytes((ACROSS / "budget_2024.txt").read_bytes())
    (tmp_path / "budget_2025.txt").write_text(with_sentence("budget_2025.txt", BUDGET_LINE, UNCHANGED), encoding="utf-8")
    result = run([str(tmp_path)])
    found = {(f.location.line, f.level.label, f.stated, f.expected) for f in result.findings
             if f.rule == "prior-year" and f.location.line in (21, 23, 25)}
    # 2024 printed 卫生健康支出 24.80 and 住房保障支出 46.80: an error where the words say budget, else a note
    assert found == {(21, "error", "25.90", "24.80"), (23, "note", "48.60", "46.80")}
