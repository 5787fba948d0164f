"""Paragraphs and sentences: wrapped lines are joined as a reader joins them."""
from __future__ import annotations

from auditlint.model import Paragraph, TableBlock
from auditlint.parse import parse_document
from auditlint.readers.text import read_text

WRAPPED = """一、收支预算总体安排情况

2024 年收支总预算 3523.09 万元,比 2023 年预算减少 1000.07

万元，下降 28.39%，变动的主要原因是压减非刚性、非急需的项目

支出。

二、收入预算安排情况
科目编码\t科目名称\t合计
201\t一般公共服务支出\t3,225.90
- 5 -
2024 年收入预算 3523.09 万元。
"""


def parse(text: str):
    return parse_document(read_text("w.txt", text.encode()))


def test_wrapped_lines_join_into_one_paragraph_even_across_blank_lines():
    doc = parse(WRAPPED)
    texts = [b.text for b in doc.blocks if isinstance(b, Paragraph)]
    assert texts == [
        "一、收支预算总体安排情况",
        "2024 年收支总预算 3523.09 万元,比 2023 年预算减少 1000.07万元，下降 28.39%，"
        "变动的主要原因是压减非刚性、非急需的项目支出。",
        "二、收入预算安排情况",
        "2024 年收入预算 3523.09 万元。",
    ]


def test_tables_are_blocks_of_their_own():
    doc = parse(WRAPPED)
    tables = [b for b in doc.blocks if isinstance(b, TableBlock)]
    assert [[l.number for l in t.lines] for t in tables] == [[10, 11]]


def test_a_sentence_knows_the_lines_and_columns_it_spans():
    doc = parse(WRAPPED)
    paragraph = doc.paragraphs[1]
    sentence = paragraph.sentences[0]
    assert sentence.text.endswith("项目支出。")
    loc = sentence.location
    assert (loc.line, loc.column, loc.end_line, loc.end_column) == (3, 1, 7, 4)
    start = paragraph.text.index("1000.07")
    piece = paragraph.body.locate(start, start + len("1000.07"))
    assert (piece.line, piece.column, piece.end_column) == (3, 37, 44)


def test_sentences_split_at_full_stops_and_keep_closing_quotes():
    doc = parse("响应“过紧日子。”号召。压减支出！最后一句\n")
    assert [s.text for s in doc.paragraphs[0].sentences] == ["响应“过紧日子。”", "号召。", "压减支出！", "最后一句"]


def test_an_amount_opening_a_wrapped_line_is_no_numbered_heading():
    # "14708.87" is not the enumerator "1." of a new paragraph: the sentence goes on.
    text = ("2026 年收入预算 14894.79 万元，比 2025 年年初预算数，按部门预算口径计算为\n"
            "14708.87 万元增加 185.92 万元，增长 1.26%。\n"
            "1.一般公共预算拨款收入 14864.40 万元。\n")
    assert [p.body.pieces[0].location.line for p in parse(text).paragraphs] == [1, 3]


def test_a_heading_with_the_page_number_run_into_it_is_still_a_heading():
    # Raw text of a PDF: the page's number ran into the next heading, and the paragraph under it
    # repeats its name; the two are no sentence said twice.
    text = ("- 6 -一、深圳市某某综合管理服务局（本级）\n"
            "深圳市某某管理局（本级）预算 156,491.01 万\n"
            "元，包括在职人员经费 8,657.53 万元、公用\n"
            "经费 3,045.77 万元，主要用于保障正常运转。\n")
    assert [p.text[:5] for p in parse(text).paragraphs] == ["- 6 -", "深圳市某某"]


def test_a_justified_line_cut_between_a_figure_and_its_unit_is_still_prose():
    # A PDF reader may leave a wide gap before the % of a justified line; the line is no table row,
    # and the sentence keeps its change.
    text = ("2026 年“三公”经费预算 86.40 万元，比 2025 年\n"
            "“三公”经费年初预算增加 1.92 万元，增长 2.27  %，主\n"
            "要原因是公务用车更新。\n")
    doc = parse(text)
    assert not [b for b in doc.blocks if isinstance(b, TableBlock)]
    [paragraph] = doc.paragraphs
    assert "增长 2.27  %，主要原因" in paragraph.text
    # A row whose second cell holds a figure stays a row.
    assert [b for b in parse("公务接待费  2.30\n").blocks if isinstance(b, TableBlock)]


def test_a_full_stop_inside_a_bracketed_note_does_not_end_its_sentence():
    # The note's 。 ends the note; the sentence goes on after its bracket, also when the note
    # closes a line. A bracketed sentence of its own still is one.
    text = ("其中：公务用车购置及运行维护费 34.29 万元（公务用车购置费 0 万元；公务用车运行维护费 34.29 万元。）\n"
            "比上年增加 24.29 万元；公务接待费 11.92 万元。（注：本表无数据。）下一句。\n")
    [paragraph] = parse(text).paragraphs
    assert [s.text for s in paragraph.sentences] == [
        "其中：公务用车购置及运行维护费 34.29 万元（公务用车购置费 0 万元；公务用车运行维护费 34.29 万元。）"
        "比上年增加 24.29 万元；公务接待费 11.92 万元。", "（注：本表无数据。）", "下一句。"]


# A table whose name and goal cells wrap, as pdftotext -layout prints it: the cells' lines of
# two columns interleave, each a line of one cell.
CELLS_INTERLEAVED = """\
                                                    完成50宗水利工程的现场复核工作；完成12份《水利工
  广州市河道维修养护工                              程现场复核报告》；完成《广州市河道维修养护工作水
                   235.46     235.46      235.46
作水平技术测评工作经费                              平技术测评年度问题分析及建议报告》，提高广州市水
                                                    利工程的管理水平。
                                                    通过河涌抽查，督查复核问题办结情况，完成《广州市
  广州市河道水污染巡查
                   55.74      55.74       55.74     河道水污染巡查督查项目年度总结》，推动河涌问题整
督查项目工作经费
                                                    改。
"""


def test_lines_of_cells_in_two_columns_are_not_joined_into_one_sentence():
    texts = [p.text for p in parse(CELLS_INTERLEAVED).paragraphs]
    assert "通过河涌抽查，督查复核问题办结情况，完成《广州市" in texts
    assert not any("《广州市广州市" in text or "广州市河道水污染巡查督查" in text for text in texts)


# A form's goal and indicator columns, their lines interleaved; a goal's last line is its 。.
FORM_COLUMNS_INTERLEAVED = """\
                                                    流合作，扩大“无废”宣传范围，提高固体废物环
                                                                           量；实施周期指标值：不少于3部，年度指标值：完成
                                                    境风险管控能力，开展广州特色的“无废全运”，
                                                                           “无废”主题宣传视频制作1部；4、4－成本指标，41－
                                                    总结凝练“无废”赛事经验。2026年支付合同尾款
                                                                           经济成本指标，预算成本控制数；实施周期指标值：
                                                    。
                                                                           预算成本不超出预算，年度指标值：预算成本不超出
"""


def test_a_cell_line_opening_with_a_full_stop_carries_on_no_line_of_another_column():
    texts = [p.text for p in parse(FORM_COLUMNS_INTERLEAVED).paragraphs]
    assert not any("：。" in text for text in texts)


def test_a_justified_line_cut_by_the_extraction_still_goes_on_wherever_its_piece_starts():
    # pdftotext puts the second piece of a wide-spaced line where it stood on the page, once: no
    # column starts there, and the sentence goes on.
    text = ("   2026 年财政拨款“三公”经费预算 175.42 万元，比 2025\n"
            "年财政拨款“三公”经费年初预算减少 10.13 万元，\n"
            "                          下降 5.46%，\n"
            "主要原因：落实政府“过紧日子”要求，进一步压减一般性\n")
    first = parse(text).paragraphs[0]
    assert first.text.startswith("2026 年") and "万元，下降 5.46%，" in first.text


def test_a_line_opening_with_a_figures_decimals_or_a_full_stop_carries_the_sentence_on():
    # pdftotext cut figures at their decimal points and set the pieces where they fell; and set a
    # sentence's full stop on a line of its own.
    text = ("  2026年一般公共预算财政拨款支出 192,446\n"
            "                                                    .79 万元,比 2025 年减少 8,648\n"
            "       .06万元。\n"
            "算安排中，购置单位价值 100 万元以上的设备 8 台（套）\n"
            "                             。\n")
    assert [p.text for p in parse(text).paragraphs] == [
        "2026年一般公共预算财政拨款支出 192,446.79 万元,比 2025 年减少 8,648.06万元。",
        "算安排中，购置单位价值 100 万元以上的设备 8 台（套）。"]


# Jiangsu's item paragraphs: the first line indented, the others flush; a sentence may end at the
# end of a full line, and the next sentence of the paragraph starts the next line flush.
INDENTED = ("  2．社会保障和就业（类）支出1374.63万元，主要用于离退\n"
            "休人员支出、缴纳在职人员基本养老保险和职业年金的支出。\n"
            "与上年相比增加85.11万元，增长6.60%。主要原因是因增设机\n"
            "构而增加了在职人数，基本养老保险和职业年金有所增长。\n"
            "  3．住房保障（类）支出3894.09万元，主要用于按照国家政\n"
            "策规定，为职工缴纳的住房公积金和发放的提租补贴。\n")


def test_a_full_line_that_ends_a_sentence_goes_on_where_the_next_line_is_set_flush_under_an_indent():
    texts = [p.text for p in parse(INDENTED).paragraphs]
    assert len(texts) == 2
    assert "职业年金的支出。与上年相比增加85.11万元" in texts[0] and texts[1].startswith("3．住房保障")
    # Without an indented first line nothing tells a paragraph's next line from the next paragraph.
    flush = "\n".join(line.strip() for line in INDENTED.splitlines())
    assert [p.text[:2] for p in parse(flush).paragraphs] == ["2．", "与上", "3．"]


def test_lines_that_end_on_a_clause_mark_go_on_however_short():
    # A list whose items stand on lines of their own, each ending on ；.
    text = ("  江苏省委办公厅2019年度部门预算支出安排情况说明如下，各项均按规定编制。\n"
            "  江苏省委办公厅本年支出预算合计27664.22万元，其中：\n"
            "  基本支出11700.63万元，占42.30 %；\n"
            "  项目支出13025.38万元，占47.08%；\n"
            "  单位预留机动经费2938.21万元，占10.62%。\n"
            "  四、财政拨款收支预算总体情况说明\n")
    texts = [p.text for p in parse(text).paragraphs]
    assert texts[1] == ("江苏省委办公厅本年支出预算合计27664.22万元，其中：基本支出11700.63万元，占42.30 %；"
                        "项目支出13025.38万元，占47.08%；单位预留机动经费2938.21万元，占10.62%。")
    assert texts[2] == "四、财政拨款收支预算总体情况说明"


def test_a_justified_line_of_figures_spans_the_measure_though_narrower_in_characters(tmp_path):
    from auditlint.readers import read_source
    from tests.pdfs import justified_pdf
    lines = [(80, "江苏省政协办公厅本年度部门预算按照有关规定编制，各项支出均已", True),
             (60, "纳入预算管理，预算安排与单位职能和年度工作任务相适应，具体如下。", False),
             (80, "项目支出预算数为 4,968.34 万元。与上年相比增加", True),
             (60, "1,653.66 万元，增长 49.89%。主要原因是根据单位任务变化，增加", True),
             (60, "了部分项目支出，保障了各项重点工作的顺利开展和单位正常运转。", False)]
    doc = parse_document(read_source(str(justified_pdf(tmp_path / "j.pdf", lines))))
    assert [p.text[:8] for p in doc.paragraphs] == ["江苏省政协办公厅", "项目支出预算数为"]
    assert "与上年相比增加1,653.66 万元" in doc.paragraphs[1].text
