"""duplicate-sentence: editing slips repeated back to back, and the repeats that are no slip."""
from __future__ import annotations

from auditlint.agreement import Options
from auditlint.parse import parse_document
from auditlint.readers.text import read_text
from auditlint.checks.duplicate_sentence import DuplicateSentence, find_adjacent_repeats
from auditlint.findings import Level


def findings(text: str):
    doc = parse_document(read_text("d.txt", text.encode()))
    return list(DuplicateSentence().check(doc, Options()))


def test_a_sentence_pasted_twice_is_reported_at_the_second_copy():
    [finding] = findings("3、卫生健康支出65.17万元，用于缴纳医疗保险的支出。用于缴纳医疗保险的支出。\n")
    assert finding.rule == "duplicate-sentence"
    assert finding.expected == "用于缴纳医疗保险的支出。"
    assert (finding.location.line, finding.location.column, finding.location.end_column) == (1, 29, 41)
    first = finding.related[0].location
    assert (first.line, first.column, first.end_column) == (1, 17, 29)


def test_a_phrase_typed_twice_is_reported():
    [finding] = findings("住房公积金87.39万元，比上年减少4.86万元，主要是主要是人员异动。\n")
    assert finding.expected == "主要是"


def test_a_repeat_across_a_wrapped_line_is_found_on_both_lines():
    text = ("一般公共服务支出1510.37万元，主要是用于行政单位医疗保障缴\n\n"
            "费的支出。主要是用于行政单位医疗保障缴费的支出。\n")
    [finding] = findings(text)
    assert finding.related[0].location.line == 1
    assert finding.related[0].location.end_line == 3
    assert finding.location.line == 3


def test_two_identical_consecutive_paragraphs_are_reported():
    sentence = "本部门全部收入和支出都编入部门预算，按照全口径预算的要求编制。\n"
    [finding] = findings(sentence + "\n" + sentence)
    assert finding.location.line == 3
    assert finding.related[0].location.line == 1


def test_list_items_that_share_words_are_no_slip():
    assert findings("主要用于离休费、退休费、退职费、抚恤金。\n") == []
    assert findings("指除“财政拨款收入”、“事业收入”、“事业单位经营收入”等以外的收入。\n") == []


def test_the_same_number_twice_in_a_sentence_is_no_slip():
    assert findings("实际预算执行数为2,897.43万元，预算数为2,897.43万元，预算执行率为100%。\n") == []


def test_table_headers_and_two_sided_tables_are_left_alone():
    text = "项目\t预算数\t项目\t预算数\n收入\t\t支出\t\n"
    assert findings(text) == []
    assert findings("单位：万元 小计 经常性项目 延续性项目 小计 经常性项目 延续性项目 合计\n") == []


def test_boilerplate_at_a_distance_and_page_headers_are_left_alone():
    boiler = "主要原因是本年度增加了人员，相应的经费有所增加。"
    text = (f"一、基本支出增加12.00万元。{boiler}\n\n某局2024年度部门决算\n\n"
            f"二、项目支出增加3.00万元。{boiler}\n\n某局2024年度部门决算\n")
    assert findings(text) == []


def test_two_character_reduplication_is_grammar():
    assert findings("请各科室研究研究，再行上报。\n") == []


def test_repeat_finder_prefers_the_longest_unit_and_needs_a_clause_start():
    assert find_adjacent_repeats("，甲乙丙丁甲乙丙丁") == [(1, 4)]
    assert find_adjacent_repeats("离甲乙丙甲乙丙") == []


def test_a_pasted_sentence_that_contains_a_stutter_is_two_slips():
    sentence = "公积金减少4.86万元，主要是主要是人员异动。"
    text = f"9、住房保障支出，{sentence}{sentence}"
    found = sorted((f.location.column, f.expected) for f in findings(text + "\n"))
    stutter_second_copy = text.index("主要是主要是") + len("主要是") + 1
    sentence_second_copy = len("9、住房保障支出，") + len(sentence) + 1
    assert found == [(stutter_second_copy, "主要是"), (sentence_second_copy, sentence)]


GLOSSARY = ("（七）支出功能分类科目：\n\n1、一般公共服务(类)政府办公厅(室)及相关机构事务(款)行政运行(项)：指用于机关运行的支出。\n\n"
            "2、卫生健康支出(类)行政事业单位医疗(款)事业单位医疗(项)：指用于事业在职人员医疗方面的支出。\n\n"
            "3、住房保障支出(类)住房改革支出(款)住房公积金(项)：指用于住房公积金补助支出。{pasted}\n")


def test_a_list_defining_a_term_twice_is_a_warning_at_the_second():
    text = GLOSSARY.format(pasted="4.卫生健康支出(类)行政事业单位医疗(款)事业单位医疗(项)：反映财政部门集中安排的支出。")
    [finding] = [f for f in findings(text) if f.logical.startswith("term:")]
    assert finding.level == Level.WARNING and (finding.location.line, finding.related[0].location.line) == (7, 5)


def test_two_lists_each_defining_a_term_once_give_nothing():
    # a unit's section restates the glossary from its first item: another list
    text = GLOSSARY.format(pasted="") + "\n" + GLOSSARY.format(pasted="")
    assert [f for f in findings(text) if f.logical.startswith("term:")] == []


def _repeats_by_brute_force(text: str) -> list[tuple[int, int]]:
    """find_adjacent_repeats by its definition: every clause start, every length, then the same
    choice of the longest."""
    from auditlint.checks.duplicate_sentence import MAX_REPEAT, _apart, _nests_in_first_copy, _worth_reporting
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch in "，。；、"]
    candidates = [(s, n) for s in starts for n in range(1, MAX_REPEAT + 1)
                  if s + 2 * n <= len(text) and text[s:s + n] == text[s + n:s + 2 * n] and _worth_reporting(text[s:s + n])]
    accepted: list[tuple[int, int]] = []
    for start, length in sorted(candidates, key=lambda c: (-c[1], c[0])):
        if all(_nests_in_first_copy(start, length, o) or _apart(start, length, o) for o in accepted):
            accepted.append((start, length))
    return sorted(accepted)


def test_repeat_finder_finds_what_its_definition_does():
    import random
    rng = random.Random(27)
    for _ in range(400):
        pieces = ["甲乙丙", "丁戊", "，", "。", "甲", "乙丙丁", "、"]
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 25)))
        text += text[rng.randint(0, len(text)):]  # often a repeat at the end
        assert find_adjacent_repeats(text) == _repeats_by_brute_force(text), text
