"""The parser's shortcuts (issue 27): each answers as the longer way it replaces, on the lines and
cells that matter and on their edges."""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from auditlint import domain
from auditlint.model import (GRID, POSITIONED, PROSE, Cell, Completion, Line, Location, Paragraph, Row, Sentence, Share, Split, Table,
                             TextMap, TextPiece, display_width)
from auditlint.parse import parse_document
from auditlint.parse.grid import (_cluster_columns, _column_roles, _grid_row, _label_levels, _level_starts, _mark_wrapped, _merge_complementary,
                                  _mostly_codes, _table_columns, _under_merged_cells)
from auditlint.parse.narrative import _BLANK, _FURNITURE, _PROSE, _TABLE, _kind_of, bracket_pairs
from auditlint.parse.pieces import Piece, RowDraft, amount_line, is_amount_line, line_pieces
from auditlint.parse.tables import (FORM_NOTE, _Carries, _is_caption, _is_narrative, _title_at, _unit_on, mark_truncated_codes,
                                     parse_table)
from auditlint.parse.splits import _opening, _openings
from auditlint.parse.wording import CleanText, sentences
from auditlint.readers.text import read_text
from tests.conftest import SAMPLES


def cell(text: str, x0: float, line: int = 1, column: int = 1) -> Cell:
    return Cell(text, Location("t.pdf", line, column, line, column + len(text), 1), x0, x0 + 6 * len(text))


def line_of(texts: list[str], layout: str = POSITIONED, number: int = 1) -> Line:
    cells, x = [], 0.0
    for text in texts:
        cells.append(cell(text, x, number))
        x += 6 * len(text) + 30
    return Line(number, 1, "    ".join(texts), tuple(cells), layout)


LINES = [
    line_of(["2080506 机关事业单位基本养老保险缴费支出", "1,234.56", "0.00"]),  # a code and its name in one cell
    line_of(["201 一般公共服务 3,225.90"]),                                    # a code, a name and a figure in one
    line_of(["行政运行 707.28 707.28"]),                                       # a gapped cell of words and figures
    line_of(["5, 456. 16"]),                                                  # OCR's figure, one cell alone
    line_of(["2080506 机关事业单位", "合计"]),                                  # words and a code only
    line_of(["2080506", "机关事业单位", "12"], GRID),
    line_of(["项目", "3,225.90"], GRID),
    line_of(["一般公共服务支出 3,225.90 万元，比上年增加 1.5 万元。"], PROSE),
    line_of(["说明：本表为空表。"], PROSE),
    line_of(["12.30"], PROSE),                                                # a lone figure fits any layout
    line_of(["1,2,3"], PROSE),
]


@pytest.mark.parametrize("line", LINES, ids=lambda line: line.text[:12])
def test_whether_a_line_carries_an_amount_is_read_as_from_its_pieces(line):
    assert amount_line(line) == is_amount_line(line_pieces(line))


def test_the_lines_with_amounts_are_told_from_those_without():
    assert [amount_line(line) for line in LINES] == [True, True, True, True, False, False, True, True, False, True, False]


def test_every_title_pattern_names_the_title_word():
    for kind in domain.TABLE_KINDS:
        assert all(domain.TITLE_WORD in pattern for pattern in kind.patterns), kind.id
        assert domain.table_kind(kind.name) is not None
        assert domain.table_kind(kind.name.replace(domain.TITLE_WORD, "")) is None


@pytest.mark.parametrize("text", ["预算01表", "公开 02 表", "表1", "表 5-1", "部门3表"])
def test_every_caption_names_the_title_word_and_is_found(text):
    assert domain.TITLE_WORD in text and _is_caption(text) and _is_caption(text + "（续）")
    assert not _is_caption(text.replace(domain.TITLE_WORD, ""))


@pytest.mark.parametrize("text,unit", [("单位：万元", "万元"), ("金额单位: 元", "元"), ("单 位 ： 万 元", "万元"),
                                       ("编制单位：某局  单位（万元）：万元", "万元"), ("单位：某局", None), ("合计 1.00", None)])
def test_the_unit_a_line_of_the_head_names(text, unit):
    found = _unit_on(text)
    assert (found.group(1) if found else None) == unit


def test_a_title_is_found_on_its_line_and_a_line_without_the_title_word_names_none():
    lines = [line_of(["2026年部门收支总表", "单位：万元"]), line_of(["2026年部门收支总情况"]), line_of([""], PROSE)]
    assert _title_at(lines, 0)[1].id == domain.table_kind("部门收支总表").id
    assert _title_at(lines, 1) is None and _title_at(lines, 2) is None


def test_a_line_of_narrative_is_a_long_sentence_of_one_cell_with_few_figures():
    sentence = "本部门二〇二六年一般公共预算财政拨款支出主要用于保障机关正常运转和履行职能，比上年有所增加。"
    assert _is_narrative(line_of([sentence], PROSE))
    assert not _is_narrative(line_of([sentence.replace("，", "").replace("。", "")], PROSE))  # no clause mark
    assert not _is_narrative(line_of([sentence, "12.00"]))                                 # a row of cells
    assert not _is_narrative(line_of(["注：" + sentence], PROSE))                           # a note
    figures = sentence[:20] + " 1.00 2.00 3.00 4.00 " + sentence[20:]
    assert not _is_narrative(line_of([figures], PROSE))                                    # four figures: a row


def row(code: str, line: int, amounts: tuple = ("1.00",)) -> Row:
    return Row(code, "名称", tuple(amounts), Location("t.pdf", line, 1, line, 9, 1), False)


def test_rows_already_marked_as_they_should_be_are_kept_as_they_are():
    rows = (row("201", 1), row("20101", 2), row("201010", 3), row("20102", 4, (None,)))
    table = Table("t", "expenditure", "万元", ("合计",), rows, Location("t.pdf", 1, 1, 4, 9, 1))
    marked = mark_truncated_codes(table, {4}).rows
    assert [(r.truncated, r.lost) for r in marked] == [(False, False), (False, False), (True, False), (False, True)]
    assert marked[0] is rows[0] and marked[1] is rows[1]
    again = mark_truncated_codes(replace(table, rows=marked), {4}).rows
    assert all(a is b for a, b in zip(again, marked))


def piece(text: str, x0: float, line: int, column: int = -1, page: int = 1) -> Piece:
    return Piece(text, Location("t.pdf", line, 1, line, 1 + len(text), page), x0, x0 + 6 * len(text), column)


def test_column_roles_are_read_from_each_columns_cells():
    drafts = [RowDraft([piece("201", 0, 1, 0), piece("一般公共服务", 40, 1, 1), piece("1.00", 120, 1, 2), piece("·", 160, 1, 3)]),
              RowDraft([piece("20101", 0, 2, 0), piece("人大事务", 40, 2, 1), piece("2.00", 120, 2, 2), piece("—", 160, 2, 3)])]
    assert _column_roles(drafts, [[], [], ["合计"], []], 4) == ["code", "label", "amount", "empty"]


def test_label_levels_under_merged_cells_and_level_starts_from_each_rows_filled_columns():
    drafts = [RowDraft([piece("项目甲", 0, 1, 0), piece("办公费", 80, 1, 1)]),
              RowDraft([piece("印刷费", 82, 2, 1)]),
              RowDraft([piece("项目乙", 2, 3, 0)])]
    filled = [[0, 1], [1], [0]]
    levels = _label_levels(filled)
    assert levels == {1: 0}
    assert _under_merged_cells(filled, levels) == {1}
    assert _level_starts(drafts, levels) == {1: 0}


def test_only_a_row_of_several_lines_has_wrapped_parts():
    one = RowDraft([piece("行政运行", 0, 1), piece("1.00", 80, 1)])
    two = RowDraft([piece("机关服务（本", 0, 1), piece("1.00", 80, 2), piece("级）", 0, 3)])
    _mark_wrapped([one, two])
    assert [p.wrapped for p in one.pieces] == [False, False]
    assert [p.wrapped for p in two.pieces] == [True, False, True]


def amount_rows(count: int, x_of: callable) -> list[RowDraft]:
    return [RowDraft([piece("名称", 0, line), piece("1.00", x_of(line), line)]) for line in range(1, count + 1)]


def test_columns_merged_or_not_leave_every_cell_assigned_to_the_columns_returned():
    drifted = amount_rows(6, lambda line: 100 if line % 2 else 130)  # one column, its cells drifting
    columns = _merge_complementary([(0, 12), (100, 124), (130, 154)], drifted)
    assert columns == [(0, 12), (100, 154)]
    assert [p.column for d in drifted for p in d.pieces] == [0, 1] * 6
    single = amount_rows(2, lambda line: 100)
    for d in single:
        for p in d.pieces:
            p.column = 7
    assert _merge_complementary([(0, 124)], single) == [(0, 124)]
    assert {p.column for d in single for p in d.pieces} == {0}


def test_a_tables_columns_assign_every_cell():
    drafts = amount_rows(4, lambda line: 100)
    columns = _table_columns(drafts, [])
    assert len(columns) == 2 and [p.column for d in drafts for p in d.pieces] == [0, 1] * 4


@pytest.mark.parametrize("text,layout,kind", [
    ("", PROSE, _BLANK), ("- 5 -", PROSE, _FURNITURE), ("一般公共服务 1.00 2.00", PROSE, _TABLE),
    ("本部门收入预算为100万元。", PROSE, _PROSE)])
def test_each_line_is_told_blank_furniture_table_or_prose(text, layout, kind):
    assert _kind_of(Line(1, 1, text, (cell(text, 0),) if text else (), layout)) == kind


@pytest.mark.parametrize("text,pairs", [
    ("", []), ("无括号的句子。", []),
    ("支出（其中：基本支出(人员经费)10万元）增加", [(2, 20), (10, 15)]),
    ("只开不闭（一是", []), ("只闭不开）二是(三", []),
    ("（" + "字" * 199 + "）", [(0, 200)]), ("（" + "字" * 200 + "）", []),  # a note runs to MAX_BRACKETED
])
def test_bracket_pairs_are_found_among_the_brackets_alone(text, pairs):
    assert bracket_pairs(text) == pairs


def cleaned(text: str) -> CleanText:
    body = TextMap(text, (TextPiece(0, Location("t.txt", 1, 1, 1, len(text) + 1)),))
    return CleanText.of(Paragraph(body, ()), Sentence(text[2:], 2, len(text), body.locate(2, len(text))))


def test_a_sentence_without_decorations_is_kept_character_for_character():
    clean = cleaned("。。基本支出为10.5万元。")
    assert clean.text == "基本支出为10.5万元。" and clean.origin == tuple(range(2, 14))


def test_decorations_and_ocr_spaces_are_read_through_and_located():
    clean = cleaned("。。基本 支出为<u>4, 461. 66</u>万元__。")
    assert clean.text == "基本支出为4,461.66万元。"
    assert clean.origin[:5] == (2, 3, 5, 6, 7) and clean.origin[5] == 11 and clean.origin[-1] == len("。。基本 支出为<u>4, 461. 66</u>万元__")


@pytest.mark.parametrize("text", ["。。基本支出为10.5万元。", "。。项目_名称", "。。<u>12</u>万元", "。。基本\u3000支出4,\t461. 5",
                                  "。。无空白无修饰", "。。12, 3", "。。__", "。。<i>不是</i>", "。。a b"])
def test_a_decoration_or_ocr_pattern_is_asked_only_of_a_sentence_it_could_change(text):
    from auditlint.parse.wording import _DECORATION, _SPLIT_BY_OCR

    raw = text[2:]
    dropped = {i for pattern in (_DECORATION, _SPLIT_BY_OCR) for m in pattern.finditer(raw) for i in range(*m.span())}
    kept = [i for i in range(len(raw)) if i not in dropped]
    clean = cleaned(text)
    assert clean.text == "".join(raw[i] for i in kept) and clean.origin == tuple(2 + i for i in kept)


def test_a_list_total_or_twin_ratio_pattern_matches_only_what_its_pretest_lets_through():
    """Each pattern is asked only of a text with what it cannot match without (splits._list_total,
    ratios.twin_ratios): over every sentence of the samples and crafted edges, a match implies
    the pretest."""
    from auditlint.parse.ratios import _CLAUSE
    from auditlint.parse.splits import _ANNOUNCES, _COLONS, _FIRST_AMOUNT, _LIST_TOTAL

    texts = ["合计100万元，包括：", "合计100万元，包括： \u3000", "合计100万元，包括：\n", "具体使用情况如下：",
             "包括:", "收入 110387.98 万元", "本年无", "总数6102个，其中硬减262个，免提交1526个，减材料比例29.3%"]
    for path in SAMPLES.rglob("*.txt"):
        document = parse_document(read_text(str(path), path.read_bytes()))
        texts += [clean.text for _, _, clean in document.facts.sentences]
    assert len(texts) > 350
    for text in texts:
        colon = text.rstrip().endswith(_COLONS)
        assert not _LIST_TOTAL.search(text) or (colon and "万元" in text), text
        assert not _ANNOUNCES.match(text) or colon, text
        assert not _FIRST_AMOUNT.search(text) or "万元" in text, text
        assert not _CLAUSE.search(text) or "其中" in text, text
    assert _LIST_TOTAL.search(texts[1]) and _LIST_TOTAL.search(texts[2]) and _ANNOUNCES.match(texts[3])
    assert _CLAUSE.search(texts[7])


@pytest.mark.parametrize("text,width", [("", 0), ("12.50", 5), ("合计", 4), ("合计 12.50", 10), ("ＡＢ", 4),
                                        ("（万元）", 8), ("abc\u3000", 5)])
def test_a_texts_display_width_counts_wide_characters_twice(text, width):
    assert display_width(text) == width
    assert display_width(text) == width  # asked again, answered alike


def test_cells_join_the_span_they_reach_however_many_spans_ended_before_them():
    def draft(line: int, *cells: tuple[str, float, float]) -> RowDraft:
        return RowDraft([Piece(text, Location("t.pdf", line, 1, line, 2, 1), x0, x1) for text, x0, x1 in cells])
    drafts = [draft(1, ("一般公共服务支出", 0, 96), ("1,234.00", 150, 198), ("12.00", 250, 280)),
              draft(2, ("人大事务", 0, 48), ("34.00", 168, 198), ("1.00", 256, 280)),
              draft(3, ("行政运行", 12, 60), ("5.00", 174, 198), ("—", 270, 276))]
    assert _cluster_columns(drafts) == [(0, 96), (150, 198), (250, 280)]


def execution_form(header: str) -> str:
    return ("项目支出绩效自评表\n项目名称\t档案数字化\n"
            f"预算执行情况 (万元)\t\t预算数 (A)\t执行数 (B)\t{header}\n"
            "\t年度财政资金总额\t103.30\t96.50\t93.42%\n")


def test_a_budget_execution_row_is_found_under_its_header_and_under_no_other():
    [rate] = [c for c in parse_document(read_text("f.txt", execution_form("执行率 (B/A)").encode())).claims
              if isinstance(c, Completion)]
    assert (str(rate.budget.value), str(rate.actual.value), str(rate.percent.value)) == ("103.30", "96.50", "93.42")
    assert not [c for c in parse_document(read_text("f.txt", execution_form("完成率 (B/A)").encode())).claims
                if isinstance(c, Completion)]


def test_a_pieces_amount_is_its_own_texts_made_or_replaced():
    figure = piece("1,234.50", 0, 1)
    assert figure.amount == Decimal("1234.50") and piece("合计", 0, 1).amount is None
    assert replace(figure, text="合计").amount is None and replace(figure, x0=5).amount == Decimal("1234.50")


def claims_of(text: str) -> list:
    return list(parse_document(read_text("c.txt", text.encode())).claims)


def test_a_sentence_without_a_figure_claims_nothing_and_the_sentences_around_it_claim_theirs():
    stated = "一般公共预算支出为120.00万元，比上年增加20.00万元，增长20.00%。"
    [change] = claims_of(stated + "\n")
    assert claims_of(stated + "主要用于保障机构正常运转和履行职能。\n") == [change]
    # a sentence of no figure that opens a list still divides the figure of the sentence before it
    listed = "支出合计为120.00万元。其中：基本支出100.00万元，项目支出20.00万元。\n"
    [split] = [c for c in claims_of(listed) if isinstance(c, Split)]
    assert [p.amount.text for p in split.parts] == ["100.00", "20.00"]


def test_whether_a_tables_lines_carry_amounts_is_asked_once_and_of_any_other_line_afresh():
    lines = [line_of(["项目", "合计"], number=1), line_of(["201", "一般公共服务", "1.00"], number=2)]
    carries = _Carries(lines)
    assert [carries(line) for line in lines] == [False, True]
    joined = replace(lines[0], cells=lines[0].cells + lines[1].cells[2:])  # a ruled row's lines joined
    assert carries(joined) is True


def test_a_form_is_read_for_its_unit_and_its_note_alone():
    form = next(kind for kind in domain.TABLE_KINDS if kind.form)
    body = [line_of(["单位：万元"], PROSE, 2), line_of(["项目名称", "某项目"], number=3),
            line_of(["年度目标", "1,000.00"], number=4), line_of(["本表无数据"], PROSE, 5)]
    [table] = parse_table(form.name, form, line_of([form.name], PROSE, 1), body)
    assert (table.unit, table.rows, table.notes, table.empty_note) == ("万元", (), (FORM_NOTE,), "本表无数据")


@pytest.mark.parametrize("texts,codes", [(["201", "20101", "合计"], True), (["201", "20101", "1.00"], False),
                                         (["201", "行政运行", "其他"], False), (["2,010"], False)])
def test_a_code_column_holds_codes_and_never_a_figure(texts, codes):
    assert _mostly_codes(texts) is codes


def test_the_openings_of_paragraphs_are_found_as_asked_and_alike():
    text = "（一）工资福利支出854.43万元。\n\n（二）商品和服务支出100.00万元。\n\n说明文字。\n"
    doc = parse_document(read_text("o.txt", text.encode()))
    paragraphs = tuple(b for b in doc.blocks if isinstance(b, Paragraph))
    cleaned = sentences(paragraphs)
    clean_of, openings = _openings(paragraphs, cleaned)
    assert [o[1] for o in openings.after(0)] == [(1, 2), None]
    assert openings[0][0].text == "（一）工资福利支出854.43万元。" and openings[0][1] == (1, 1)
    assert openings[1] is openings[1] and openings[1] == _opening(paragraphs[1], clean_of)


@pytest.mark.parametrize("sentence,kind", [
    ("预算数为100.00万元，执行数为95.00万元，执行率为95%。", Completion),
    ("基本支出80.00万元，占一般公共预算支出的80.00％。", Share)])
def test_completions_and_shares_are_read_from_sentences_with_their_percentage(sentence, kind):
    assert [type(c) for c in claims_of(sentence + "\n")] == [kind]
    assert claims_of(sentence.replace("%", "").replace("％", "") + "\n") == []


def test_a_cell_of_marks_only_in_an_amount_column_is_no_figure_nor_word():
    drafts = [RowDraft([piece("人大事务", 0, 1, 0), piece("—", 100, 1, 1), piece("-", 140, 1, 2)],
                       [line_of(["人大事务", "—", "-"], number=1)]),
              RowDraft([piece("行政运行", 0, 2, 0), piece("1.00", 100, 2, 1), piece("2.00", 140, 2, 2)],
                       [line_of(["行政运行", "1.00", "2.00"], number=2)])]
    roles = _column_roles(drafts, [[], ["合计"], ["基本支出"]], 3)
    assert roles == ["label", "amount", "amount"]
    row = _grid_row(drafts[0], roles, [1, 2], 0, 3)
    assert (row.label, row.amounts) == ("人大事务", (None, None))
