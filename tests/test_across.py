"""Checks across documents (issue 28): what a document states of another year's, another
stage's or a unit's figures, held to that document's own. samples/across/ holds a fictional
档案局's 2024 and 2025 budgets and its 2024 final account, with slips planted across them
(samples/README.md); each file alone agrees with itself."""
from __future__ import annotations

import json
import shutil
from decimal import Decimal

from auditlint.engine import HeldLedger, run
from auditlint.index import BUDGET_TO_ACCOUNT, PRIOR_YEAR, UNIT_DOCUMENT, Described, pairs
from auditlint.model import ADJUSTED, BUDGET, Doubt, Ledger, Location, Stated
from auditlint.parse import parse_documents
from auditlint.parse.across import _held_to, ledger
from auditlint.parse.profile import profile
from auditlint.readers import read_source
from tests.conftest import SAMPLES

ACROSS = SAMPLES / "across"
RULES = {"prior-year", "budget-to-account", "unit-document"}

# The planted slips, each checked by hand: file, line, rule, level, the figure stated of the
# other document (in 万元), the figure that document prints.
SLIPS = {
    # 2025's 上年预算数 column: 行政运行 495.20 (with its 款 and 类, 805.20), 2024 printed 485.20 (795.20)
    ("budget_2025.txt", 87, "prior-year", "error", "805.20", "795.20"),
    ("budget_2025.txt", 88, "prior-year", "error", "805.20", "795.20"),
    ("budget_2025.txt", 89, "prior-year", "error", "495.20", "485.20"),
    # 一般公共服务支出830.60万元，比上年预算增加45.40万元: 785.20; 2024's 一般公共服务支出 795.20
    ("budget_2025.txt", 19, "prior-year", "error", "785.20", "795.20"),
    # 公务接待费预算支出2.80万元，比上年预算减少0.40万元: 3.20; 2024's 三公 table 3.00
    ("budget_2025.txt", 25, "prior-year", "error", "3.20", "3.00"),
    # 卫生健康支出25.90万元，与上年预算数一致: 25.90; 2024's 卫生健康支出 24.80
    ("budget_2025.txt", 21, "prior-year", "error", "25.90", "24.80"),
    # 基本支出674.30万元，与上年相比增加25.90万元: 648.40; 2024's 650.40, but 与上年相比 does not
    # say budget: a note
    ("budget_2025.txt", 15, "prior-year", "note", "648.40", "650.40"),
    # the 2024 final account's 年初预算数 of 职业年金 13.20 (its 款 and 类 75.60); the budget 31.20 (93.60)
    ("account_2024.txt", 24, "budget-to-account", "error", "75.60", "93.60"),
    ("account_2024.txt", 25, "budget-to-account", "error", "75.60", "93.60"),
    ("account_2024.txt", 27, "budget-to-account", "error", "13.20", "31.20"),
    # its narrative: 职业年金缴费支出（项）年初预算为13.20万元，支出决算为31.20万元; the budget 31.20
    ("account_2024.txt", 11, "budget-to-account", "error", "13.20", "31.20"),
}


def across(result) -> set[tuple[str, int, str, str, str, str]]:
    return {(f.location.path.rsplit("/", 1)[-1], f.location.line, f.rule, f.level.label, f.stated, f.expected)
            for f in result.findings if f.rule in RULES}


def doc_ledger(*paths) -> Ledger:
    doc = parse_documents([read_source(str(p)) for p in paths])
    return ledger(doc, profile(doc))


def test_each_sample_alone_agrees_with_itself():
    for path in ACROSS.glob("*.txt"):
        result = run([str(path)])
        assert result.findings == [] and result.comparisons == [], path


def test_the_folder_finds_every_planted_slip_and_nothing_else():
    result = run([str(ACROSS)])
    assert across(result) == SLIPS
    assert [f for f in result.findings if f.rule not in RULES] == []
    related = {f.location.line: f.related[0].location for f in result.findings}
    assert related[89].path.endswith("budget_2024.txt") and related[89].line == 87  # 2024's 行政运行 485.20
    assert related[25].path.endswith("budget_2024.txt") and related[25].line == 113  # 2024's 三公 row, 公务接待费 3.00


def test_the_comparisons_are_counted_per_pair():
    result = run([str(ACROSS)])
    made = {(c.relation, c.later_name, c.earlier_name): (c.differ, c.errors) for c in result.comparisons}
    assert made == {(PRIOR_YEAR, "滨江市临港区档案局 2025 预算", "滨江市临港区档案局 2024 预算"): (7, 6),
                    (BUDGET_TO_ACCOUNT, "滨江市临港区档案局 2024 决算", "滨江市临港区档案局 2024 预算"): (4, 4)}
    # the final account's 14 rows of 年初预算数 (its 合计 row names no code), and the two 年初预算 its
    # narrative states (行政运行 485.20, agreeing; 职业年金 13.20); its 调整预算数 are not compared
    assert {c.relation: c.compared for c in result.comparisons}[BUDGET_TO_ACCOUNT] == 16


def test_an_adjusted_budget_is_not_last_years_budget():
    later = doc_ledger(ACROSS / "budget_2025.txt")
    adjusted = [f for f in later.figures if f.basis == ADJUSTED]
    assert {(f.location.line, f.value) for f in adjusted} == {(17, Decimal("320.00"))}  # 328.00 − 8.00
    earlier = doc_ledger(ACROSS / "budget_2024.txt")
    held = {s.location.line for r in later.restatements(earlier) for s in r.statements}
    assert 17 not in held and {15, 19, 25, 87, 88, 89} <= held


def test_a_folder_with_an_unrelated_document_makes_no_pair(tmp_path):
    for name in ("budget_2025.txt",):
        shutil.copy(ACROSS / name, tmp_path)
    shutil.copy(SAMPLES / "clean_budget_2025.txt", tmp_path)  # another department's 2025 budget
    shutil.copy(SAMPLES / "notice_2025.txt", tmp_path)
    result = run([str(tmp_path)])
    assert result.comparisons == [] and across(result) == set()


def test_the_ledger_is_small_and_travels_as_json():
    kept = doc_ledger(ACROSS / "budget_2025.txt")
    data = json.dumps(kept.to_data(), ensure_ascii=False)
    assert Ledger.from_data(json.loads(data)) == kept
    assert kept.year == 2025 and kept.kind == "预算" and kept.key == "滨江市临港区档案局"
    own = kept.own()
    assert [f.value for f in own[("2012601", "total", "gpb", "")]] == [Decimal("502.60")]
    assert [f.value for f in own[("公务接待费", "", "", "")]] == [Decimal("2.80")]


def test_a_ledger_keeps_one_own_figure_per_key():
    # 201 一般公共服务支出 830.60 of all the money: the 部门收入总表 (line 46) and the 部门支出总表
    # (line 67) print it; the first is kept, the one a statement of that key is held to
    kept = doc_ledger(ACROSS / "budget_2025.txt")
    assert [f.location.line for f in kept.figures if f.key == ("201", "total", "all", "") and kept.is_own(f)] == [46]
    # its statements of 2024 are all kept: the 一般公共预算支出表's 上年预算数 (line 87) and the
    # base of the narrative's change (line 19)
    assert {f.location.line for f in kept.figures if f.subject == "201" and f.year == 2024} == {87, 19}


def stated(line: int, value: str = "830.60", doubts=(), year: int = 2025, **fields) -> Stated:
    return Stated(**{"subject": "201", "column": "total", "scope": "all", "owner": "", "year": year, "basis": BUDGET,
                     "value": Decimal(value), "radius": Decimal("0.005"), "text": f"{value} 万元",
                     "location": Location("b.txt", line, 5, line, 11), "table": "部门支出总表", "row": "201 一般公共服务支出",
                     "heading": "合计", "doubts": doubts, **fields})


def test_of_a_key_the_figure_kept_is_the_first_in_no_doubt_and_of_a_key_of_two_values_none():
    doubt = Doubt("unit", "未注明金额单位", "its unit is not printed")
    figures = (stated(10, doubts=(doubt,)), stated(20), stated(30),
               stated(40, subject="202"), stated(50, "800.00", subject="202"),
               stated(60, year=2024), stated(70, year=2024))
    kept = _held_to(Ledger(("b.txt",), "甲局", "甲局", "部门", "预算", 2025, figures))
    # 201's 830.60: the second (the first is in doubt); 202 printed as 830.60 and 800.00: no
    # statement is held to it (auditlint.agreement.restatement_verdict), none kept; both
    # statements of 2024 kept
    assert [f.location.line for f in kept] == [20, 60, 70]


def test_the_ledger_travels_as_json_stating_each_thing_once():
    kept = doc_ledger(ACROSS / "budget_2025.txt")
    text = json.dumps(kept.to_data(), ensure_ascii=False)
    assert Ledger.from_data(json.loads(text)) == kept
    assert text.count("budget_2025.txt") == 1 and text.count("部门支出总表") == 1
    assert text.count("未说明是上年预算数还是执行数") == 1  # the doubt of every 与上年相比, once
    # every field that is not the document's or its figure's own printing, read back as it was
    doubt = Doubt("stage", "未说明", "unsaid")
    figures = (stated(3, year=2024, basis="", how="change", group=2, doubts=(doubt,), radius=Decimal("0.010")),
               stated(4, year=2024, basis=ADJUSTED, how="stated", group=2, doubts=(doubt,)),
               stated(5, "70.04", owner="甲局中心", text="700,400 元", radius=Decimal("0.00005")),
               stated(6, location=Location("c.xlsx", 6, 2, 7, 9, 3, "收支总表!C7")))
    sent = Ledger(("b.txt", "c.xlsx"), "甲局", "甲局", "部门", "预算", 2025, figures)
    back = Ledger.from_data(json.loads(json.dumps(sent.to_data(), ensure_ascii=False)))
    assert back == sent and back.figures[3].location.anchor == "收支总表!C7"
    assert back.figures[0].location.path is back.paths[0]  # the files' names are shared, not copied


def test_a_run_holds_a_ledger_as_its_json_text_until_a_pair_reads_it(tmp_path):
    (tmp_path / "dept.txt").write_text(DEPARTMENT, encoding="utf-8")
    kept = doc_ledger(tmp_path / "dept.txt")
    held = HeldLedger.of(json.dumps(kept.to_data(), ensure_ascii=False))
    assert isinstance(held.data, bytes) and held.ledger() == kept
    # what the pairing reads: whose, what, and the units its tables list (its 本级 row is its own)
    assert (held.described.key, held.described.kind, held.described.year, held.described.units) == \
        ("滨江市临港区文旅局", "预算", 2025, frozenset({"滨江市临港区图书馆", "滨江市临港区文旅局"}))


def test_a_change_whose_words_say_budget_is_certain_and_one_that_does_not_is_in_doubt():
    kept = doc_ledger(ACROSS / "budget_2025.txt")
    stated = {f.location.line: f for f in kept.figures if f.how == "change"}
    assert stated[25].basis == BUDGET and stated[25].doubts == () and stated[25].value == Decimal("3.20")
    assert stated[15].basis == "" and [d.kind for d in stated[15].doubts] == ["stage"]


def described(key: str, kind: str, year: int, level: str = "部门", units=frozenset(), path: str = "") -> Described:
    return Described((path or f"{key}{year}{kind}",), key, key, level, kind, year, frozenset(units))


def test_pairs_match_years_kinds_and_units_and_list_the_uncertain():
    docs = [described("甲局", "预算", 2025), described("甲局", "预算", 2024), described("甲局", "决算", 2024),
            described("乙局", "预算", 2025, units={"乙局中心"}), described("乙局中心", "预算", 2025, "单位"),
            described("丙局", "预算", 2025), described("丙局", "预算", 2025, path="copy"), described("丙局", "预算", 2024)]
    found, uncertain = pairs(docs)
    assert {(p.later, p.earlier, p.relation) for p in found} == {
        (0, 1, PRIOR_YEAR), (2, 1, BUDGET_TO_ACCOUNT), (3, 4, UNIT_DOCUMENT)}
    # 丙局's two 2025 budgets: which is its own is not certain, so neither is held to 2024's
    assert [u.paths for u in uncertain] == [("丙局2025预算", "copy")]


def test_a_unit_listed_by_two_departments_is_uncertain():
    docs = [described("乙局", "预算", 2025, units={"乙局中心"}), described("丁局", "预算", 2025, units={"乙局中心"}),
            described("乙局中心", "预算", 2025, "单位")]
    found, uncertain = pairs(docs)
    assert found == [] and len(uncertain) == 1


DEPARTMENT = """滨江市临港区文旅局2025年部门预算

表1
项目支出表
部门：滨江市临港区文旅局\t单位：万元
项目名称\t合计\t一般公共预算
滨江市临港区文旅局\t300.00\t300.00
滨江市临港区文旅局本级\t120.00\t120.00
文旅宣传推广\t120.00\t120.00
滨江市临港区图书馆\t180.00\t180.00
图书采购\t100.00\t100.00
数字阅读推广\t80.00\t80.00
"""

UNIT = """滨江市临港区图书馆2025年单位预算

表1
项目支出表
单位：滨江市临港区图书馆\t单位：万元
项目名称\t合计\t一般公共预算
合计\t{total}\t{total}
图书采购\t{books}\t{books}
数字阅读推广\t80.00\t80.00
"""


def test_a_units_row_in_its_departments_tables_is_held_to_the_units_own_document(tmp_path):
    (tmp_path / "dept.txt").write_text(DEPARTMENT, encoding="utf-8")
    (tmp_path / "unit.txt").write_text(UNIT.format(total="180.00", books="100.00"), encoding="utf-8")
    result = run([str(tmp_path)])
    assert result.findings == []
    [made] = result.comparisons
    assert (made.relation, made.later_name, made.earlier_name) == (UNIT_DOCUMENT, "滨江市临港区文旅局 2025 预算",
                                                                   "滨江市临港区图书馆 2025 预算")
    # 图书采购 and 数字阅读推广, by name under the unit's row, and the unit's 项目支出 180.00, which its
    # own document prints only as its 项目支出表's 合计 row
    assert made.compared == 3
    # the unit publishes 图书采购 110.00 (and so 合计 190.00) where its department printed 100.00 (180.00)
    (tmp_path / "unit.txt").write_text(UNIT.format(total="190.00", books="110.00"), encoding="utf-8")
    found = sorted(run([str(tmp_path)]).findings, key=lambda f: f.location.line)
    assert [(f.rule, f.level.label, f.location.line, f.stated, f.expected) for f in found] == \
        [("unit-document", "error", 10, "180.00", "190.00"), ("unit-document", "error", 11, "100.00", "110.00")]
    assert [(f.related[0].location.path.rsplit("/", 1)[-1], f.related[0].location.line) for f in found] == \
        [("unit.txt", 7), ("unit.txt", 8)]


def test_a_comment_suppresses_a_finding_across_documents_and_is_not_unused(tmp_path):
    shutil.copy(ACROSS / "budget_2024.txt", tmp_path)
    lines = (ACROSS / "budget_2025.txt").read_text(encoding="utf-8").splitlines()
    lines.insert(24, "<!-- auditlint: disable-next-line=prior-year -->")  # above the 公务接待费 sentence
    # above the title: suppresses nothing, yet is no unused suppression (the rule runs across documents)
    lines.insert(0, "<!-- auditlint: disable-next-line=prior-year -->")
    (tmp_path / "budget_2025.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run([str(tmp_path)])
    # every line below the title is one further down, the table's two: 25 is suppressed, the others stay
    assert {(f.location.line, f.rule) for f in result.findings} == {(16, "prior-year"), (20, "prior-year"), (22, "prior-year"),
                                                                     (89, "prior-year"), (90, "prior-year"),
                                                                     (91, "prior-year")}


def test_show_across_lists_every_figure_compared_and_what_it_was_held_to(cli, tmp_path):
    shown = cli("show", "--across", ACROSS).stdout
    # the counts the report gives per pair, and one line per figure compared
    assert "滨江市临港区档案局 2025 预算 held to 滨江市临港区档案局 2024 预算 (prior-year): 20 figures compared, 7 differ" in shown
    assert "滨江市临港区档案局 2024 决算 held to 滨江市临港区档案局 2024 预算 (budget-to-account): 16 figures compared, 4 differ" in shown
    # and a line per further reading of a sentence's figure: four read three ways, one two
    assert shown.count("held to budget_2024.txt:") == 16 + 20 + 4 * 2 + 1
    # the planted 公务接待费: 2.80 + 0.40 of 2025 against 2024's 三公 table, 3.00
    lines = shown.splitlines()
    stated = next(n for n, line in enumerate(lines) if line.strip().startswith("19. budget_2025.txt:25 p1  3.20 万元 (2.80 + 0.40)"))
    assert lines[stated + 1].strip().startswith("held to budget_2024.txt:113 p1  3.00 万元")
    assert lines[stated + 1].endswith("differs by +0.20")
    (tmp_path / "budget_2025.txt").write_text((ACROSS / "budget_2025.txt").read_text(encoding="utf-8"), encoding="utf-8")
    assert cli("show", "--across", tmp_path).stdout == "compared across documents: none\n"
