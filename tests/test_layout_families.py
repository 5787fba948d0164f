"""Layout families of real budget documents, each written here as a person would find it (the
text pdftotext -layout gives, tab-separated text, and where it matters a PDF made with reportlab,
read alike by both engines), with figures that add up. For each: the table is read as a person
reads it, a digit slip planted in it is an error, and the document without the slip has none;
where the layout cannot be read with certainty, the table is left unread with a note."""
from __future__ import annotations

import pytest

from auditlint.agreement import Options
from auditlint.findings import Level
from auditlint.parse import parse_document
from auditlint.plugins import load_checks
from auditlint.readers import read_source
from auditlint.parse.flow import PANELS_NOTE
from auditlint.readers.text import read_text
from tests.conftest import at, rows_of


def document(text: str):
    return parse_document(read_text("d.txt", text.encode("utf-8")))


def pdf_document(path, engine: str):
    return parse_document(read_source(str(path), {"pdf_engine": engine}))


def findings(doc, level: Level = Level.ERROR) -> list:
    return [f for check, _ in load_checks() for f in check.check(doc, Options()) if f.level == level]


def errors(doc) -> list[str]:
    return [f.message.en for f in findings(doc)]


def families_of(doc, table) -> set[tuple[str, tuple[str, ...]]]:
    """(parent, children) by code or label, as the checks sum them."""
    reading = doc.facts.reading(table)
    return {(p.code or p.label, tuple(c.code or c.label for c in children)) for p, children in reading.families}


def slipped(text: str, figure: str, slip: str, occurrence: int = 1) -> str:
    """The text with the `occurrence`-th printing of `figure` typed as `slip` (same width)."""
    assert len(figure) == len(slip)
    start = -1
    for _ in range(occurrence):
        start = text.index(figure, start + 1)
    return text[:start] + slip + text[start + len(figure):]


def found_slip(doc, slip: str) -> bool:
    """Is there an error about the slipped figure (stated as it, or summing it as a part)?"""
    return any(slip in f.message.en for f in findings(doc))


# --------------------------------------------------------------------------------------------
# 1. A code inside a label: [201]一般公共服务支出, 【201】, "201 一般公共服务支出" in one cell.

# (depth, code, name, 合计, 基本支出, 项目支出): Guangzhou's 一般公共预算支出情况表 indents each level.
BRACKETED = [
    (0, "", "合计", "1,982.52", "1,966.27", "16.25"),
    (0, "201", "一般公共服务支出", "16.25", "0.00", "16.25"),
    (1, "20132", "组织事务", "16.25", "0.00", "16.25"),
    (2, "2013299", "其他组织事务支出", "16.25", "0.00", "16.25"),
    (0, "208", "社会保障和就业支出", "1,966.27", "1,966.27", "0.00"),
    (1, "20805", "行政事业单位养老支出", "1,966.27", "1,966.27", "0.00"),
    (2, "2080501", "行政单位离退休", "1,719.07", "1,719.07", "0.00"),
    (2, "2080505", "机关事业单位基本养老保险缴费支出", "247.20", "247.20", "0.00"),
]


def bracketed_layout(brackets: str = "[]") -> str:
    lines = ["一般公共预算支出情况表（按功能分类科目）",
             at((0, "单位名称：某局"), (70, "单位：万元")),
             at((13, "功能科目名称"), (42, "合计"), (54, "基本支出"), (68, "项目支出"))]
    for depth, code, name, *figures in BRACKETED:
        label = f"{brackets[0]}{code}{brackets[1]}{name}" if code else name
        lines.append(at((depth if code else 15, label), (48, figures[0], "r"), (62, figures[1], "r"), (76, figures[2], "r")))
    return "\n".join(lines) + "\n"


EXPECTED_BRACKETED = [(code, name, list(figures)) for _, code, name, *figures in BRACKETED]


@pytest.mark.parametrize("brackets", ["[]", "【】"])
def test_a_code_in_brackets_inside_the_label_is_the_rows_code(brackets):
    doc = document(bracketed_layout(brackets))
    [table] = doc.tables
    assert rows_of(table) == EXPECTED_BRACKETED
    assert {("208", ("20805",)), ("20805", ("2080501", "2080505")), ("合计", ("201", "208"))} <= families_of(doc, table)
    assert doc.facts.reading(table).trusted
    assert errors(doc) == []


def test_a_slip_under_codes_in_brackets_is_an_error_of_their_hierarchy():
    # One column of figures: only the code hierarchy (20805 = 2080501 + 2080505) can find it.
    one_column = "\n".join(line[:48] for line in bracketed_layout().splitlines()) + "\n"
    doc = document(slipped(one_column, "247.20", "274.20"))
    assert [f.location.line for f in findings(doc) if "274.20" in f.message.en] == [9]  # at 20805's figure
    assert errors(document(one_column)) == []


def test_a_code_and_its_name_in_one_tab_separated_cell():
    text = "一般公共预算支出表\n单位：万元\n科目\t合计\t基本支出\t项目支出\n" + "".join(
        f"{f'{code} {name}' if code else name}\t" + "\t".join(figures) + "\n" for _, code, name, *figures in BRACKETED)
    doc = document(text)
    [table] = doc.tables
    assert rows_of(table) == EXPECTED_BRACKETED
    assert errors(doc) == []
    assert found_slip(document(slipped(text, "1,719.07", "1,791.07")), "1,791.07")


def test_a_bracketed_code_over_blank_amounts_opens_a_row():
    text = "\n".join([
        "一般公共预算支出表", at((0, "单位：万元")),
        at((13, "功能科目名称"), (42, "合计"), (54, "基本支出"), (68, "项目支出")),
        at((0, "[201]一般公共服务支出"), (48, "16.25", "r"), (62, "0.00", "r"), (76, "16.25", "r")),
        at((1, "[20132]组织事务")),
        at((2, "[2013299]其他组织事务支出"), (48, "16.25", "r"), (62, "0.00", "r"), (76, "16.25", "r")),
        ""])
    [table] = document(text).tables
    assert [(r.code, r.label) for r in table.rows] == [("201", "一般公共服务支出"), ("20132", "组织事务"),
                                                      ("2013299", "其他组织事务支出")]


@pytest.mark.parametrize("engine", ["pdfium", "pdfminer"])
def test_codes_in_brackets_of_a_pdf_are_read_alike_by_either_engine(tmp_path, engine):
    pytest.importorskip("reportlab")
    from tests.pdfs import positioned_pdf
    lines = [[(140, "功能科目名称", "l"), (330, "合计", "l"), (400, "基本支出", "l"), (480, "项目支出", "l")]]
    for depth, code, name, *figures in BRACKETED:
        label = f"[{code}]{name}" if code else name
        lines.append([(60 + 6 * depth if code else 140, label, "l"), (355, figures[0], "r"), (445, figures[1], "r"),
                      (525, figures[2], "r")])
    path = positioned_pdf(tmp_path / "gz.pdf", "一般公共预算支出情况表（按功能分类科目）", "单位：万元", lines)
    doc = pdf_document(path, engine)
    [table] = doc.tables
    assert rows_of(table) == EXPECTED_BRACKETED
    assert errors(doc) == []


# --------------------------------------------------------------------------------------------
# 2. The unit printed in a column header (预算数（万元）, 金额(元)), on the title's line, beside the
# caption above the title, or at the right end of the 编制单位 / 单位名称 line.

ECONOMIC = [("301", "工资福利支出", "1,296.40"), ("30101", "基本工资", "541.18"), ("30102", "津贴补贴", "755.22"),
            ("302", "商品和服务支出", "203.60"), ("30201", "办公费", "120.35"), ("30211", "差旅费", "83.25"),
            ("", "合计", "1,500.00")]


def economic_layout(head: list[str], figure_header: str = "预算数", rows=ECONOMIC) -> str:
    """A 基本支出 table by economic code in layout text, under `head` (its title and unit lines)."""
    lines = head + [at((0, "科目编码"), (12, "科目名称"), (40, figure_header))]
    lines += [at((0, code), (12, name), (48, figure, "r")) for code, name, figure in rows]
    return "\n".join(lines) + "\n"


TITLE = "一般公共预算基本支出表"
UNIT_PLACES = {
    "a line of its own": [at((18, TITLE)), at((42, "单位：万元"))],
    "the title's line": [at((14, TITLE), (42, "单位：万元"))],
    "brackets after the title": [at((10, TITLE + "（单位：万元）"))],
    "the caption's line above the title": [at((0, "公开06表"), (42, "单位：万元")), at((18, TITLE))],
    "the 单位名称 line": [at((18, TITLE)), at((0, "单位名称：某局"), (42, "单位：万元"))],
    "the 编制单位 line": [at((18, TITLE)), at((0, "编制单位：某局"), (38, "金额单位：万元"))],
}


@pytest.mark.parametrize("place", sorted(UNIT_PLACES))
def test_the_unit_is_read_wherever_the_head_prints_it(place):
    doc = document(economic_layout(UNIT_PLACES[place]))
    [table] = doc.tables
    assert (table.title, table.unit, table.columns) == (TITLE, "万元", ("预算数",))
    assert rows_of(table) == [(code, name, [figure]) for code, name, figure in ECONOMIC]
    assert doc.facts.reading(table).trusted
    assert errors(doc) == []
    assert found_slip(document(slipped(economic_layout(UNIT_PLACES[place]), "83.25", "38.25")), "38.25")


@pytest.mark.parametrize("header", ["预算数（万元）", "预算数(万元)", "预算数（单位：万元）"])
def test_the_unit_in_a_column_header_is_the_tables_and_no_part_of_the_name(header):
    doc = document(economic_layout([at((18, TITLE))], header))
    [table] = doc.tables
    assert (table.unit, table.columns) == ("万元", ("预算数",))
    assert rows_of(table)[0] == ("301", "工资福利支出", ["1,296.40"])
    assert doc.facts.reading(table).trusted
    assert errors(doc) == []
    assert found_slip(document(slipped(economic_layout([at((18, TITLE))], header), "541.18", "514.18")), "514.18")


def test_a_unit_wrapped_under_its_column_name_is_the_tables():
    text = economic_layout([at((18, TITLE))]).replace(
        at((0, "科目编码"), (12, "科目名称"), (40, "预算数")),
        at((0, "科目编码"), (12, "科目名称"), (40, "预算数")) + "\n" + at((39, "（万元）")))
    [table] = document(text).tables
    assert (table.unit, table.columns) == ("万元", ("预算数",))


def test_the_unit_of_a_tab_separated_header_keeps_the_columns_in_place():
    text = ("部门支出总表\n科目编码\t科目名称\t合计(元)\t基本支出(元)\t项目支出(元)\n"
            "201\t一般公共服务支出\t300,000\t100,000\t200,000\n2010301\t行政运行\t100,000\t100,000\t\n"
            "2010302\t一般行政管理事务\t200,000\t\t200,000\n")
    doc = document(text)
    [table] = doc.tables
    assert (table.unit, table.columns) == ("元", ("合计", "基本支出", "项目支出"))
    assert doc.facts.reading(table).identities == ((0, (1, 2)),)
    assert errors(doc) == []
    assert found_slip(document(slipped(text, "100,000", "190,000", 3)), "190,000")


def test_column_headers_that_name_two_units_leave_the_table_without_one():
    # 单价（元） beside 金额（万元）: the table's unit cannot be told, and no sum is claimed as an error.
    text = economic_layout([at((18, TITLE))], "金额（万元）").replace("金额（万元）", "单价（元）  金额（万元）")
    doc = document(text)
    [table] = doc.tables
    assert table.unit == ""
    assert not doc.facts.reading(table).trusted


@pytest.mark.parametrize("engine", ["pdfium", "pdfminer"])
def test_the_unit_on_a_pdf_titles_line_and_in_its_header_through_either_engine(tmp_path, engine):
    pytest.importorskip("reportlab")
    from tests.pdfs import pages_pdf
    head = [[(200, TITLE, "l"), (480, "单位：万元", "l")],
            [(60, "科目编码", "l"), (140, "科目名称", "l"), (400, "预算数（万元）", "l")]]
    lines = head + [[(60, code, "l"), (140, name, "l"), (460, figure, "r")] for code, name, figure in ECONOMIC]
    doc = pdf_document(pages_pdf(tmp_path / "unit.pdf", [lines]), engine)
    [table] = doc.tables
    assert (table.title, table.unit, table.columns) == (TITLE, "万元", ("预算数",))
    assert rows_of(table) == [(code, name, [figure]) for code, name, figure in ECONOMIC]
    assert errors(doc) == []


# --------------------------------------------------------------------------------------------
# 3. A table over a page break: a running header and a page number between its rows, the title
# repeated with （续）, the first row of the next page wrapped around its figures.

RUNNING = at((30, "某局2026年部门预算"))
COLUMNS = at((4, "科目编码"), (14, "科目名称"), (46, "合计"), (58, "基本支出"), (72, "项目支出"))


def coded(code: str, label: str, *figures: str) -> str:
    return at((0, code), (10, label), *((edge, figure, "r") for edge, figure in zip((50, 64, 78), figures)))


def around(label: str, code: str, end: str, *figures: str) -> list[str]:
    """A row whose label wraps around its figures, its code on the figures' line."""
    return [at((10, label)), at((0, code), *((edge, figure, "r") for edge, figure in zip((50, 64, 78), figures))),
            at((10, end))]


def paged(first_page: list[str], next_page: list[str], continued_head: list[str]) -> str:
    """A narrative page, the table's first page, its next page, a closing narrative page: each
    with the running header at its top and its number at its foot, as pdftotext -layout sets
    them (a form feed opens each page)."""
    pages = [["一、部门基本情况", "某局是主管某事务的部门，负责全市某事务的管理工作，内设机构若干个，下属单位两个。"],
             [at((0, "表5")), at((26, "一般公共预算支出表")), at((0, "单位名称：某局"), (72, "单位：万元")), COLUMNS,
              *first_page],
             [*continued_head, *next_page],
             ["二、其他说明", "本部门没有其他需要说明的事项，以上数据均为预算数，如有尾差系四舍五入所致。"]]
    return "\n\f".join("\n".join([RUNNING, "", *page, "", at((38, f"- {number} -"))])
                       for number, page in enumerate(pages, start=1)) + "\n"


FIRST_PAGE = [coded("", "合计", "60.00", "30.00", "30.00"), coded("201", "一般公共服务支出", "40.00", "20.00", "20.00"),
              coded("20101", "人大事务", "40.00", "20.00", "20.00"),
              *around("行政运行（人大", "2010101", "机关）", "20.00", "20.00", "0.00")]
NEXT_PAGE = [*around("一般行政管理事", "2010102", "务", "20.00", "0.00", "20.00"),
             coded("205", "教育支出", "20.00", "10.00", "10.00"), coded("20508", "进修及培训", "20.00", "10.00", "10.00"),
             coded("2050803", "培训支出", "20.00", "10.00", "10.00")]
PAGED_ROWS = [("", "合计", ["60.00", "30.00", "30.00"]), ("201", "一般公共服务支出", ["40.00", "20.00", "20.00"]),
              ("20101", "人大事务", ["40.00", "20.00", "20.00"]), ("2010101", "行政运行（人大机关）", ["20.00", "20.00", "0.00"]),
              ("2010102", "一般行政管理事务", ["20.00", "0.00", "20.00"]), ("205", "教育支出", ["20.00", "10.00", "10.00"]),
              ("20508", "进修及培训", ["20.00", "10.00", "10.00"]), ("2050803", "培训支出", ["20.00", "10.00", "10.00"])]
CONTINUED_HEADS = {
    "nothing repeated": [],
    "the header repeated": [COLUMNS],
    "the title repeated with （续）": [at((24, "一般公共预算支出表（续）")), COLUMNS],
    "the caption repeated with 续表": [at((0, "续表5")), at((26, "一般公共预算支出表")), COLUMNS],
}


@pytest.mark.parametrize("head", sorted(CONTINUED_HEADS))
def test_a_table_over_a_page_break_reads_as_one_without_the_pages_furniture(head):
    text = paged(FIRST_PAGE, NEXT_PAGE, CONTINUED_HEADS[head])
    doc = document(text)
    [table] = doc.tables
    assert rows_of(table) == PAGED_ROWS
    assert ("20101", ("2010101", "2010102")) in families_of(doc, table)
    assert doc.facts.reading(table).trusted
    assert errors(doc) == []
    assert found_slip(document(slipped(text, "20.00", "29.00", 8)), "29.00")  # 2010102's 合计, on the next page


def test_a_running_header_is_furniture_only_where_pages_repeat_it():
    from auditlint.parse.tables import running_lines
    source = read_text("d.txt", paged(FIRST_PAGE, NEXT_PAGE, []).encode("utf-8"))
    assert {line.text.strip() for line in source.lines if line.number in running_lines(source.lines)} == {"某局2026年部门预算"}


# Shenzhen's tables by unit: the unit's name wraps around its figures on the table's first row.
FIRST_ROW_WRAPPED = "\n".join([
    at((50, "支出总表")), at((0, "部门名称：某局（本级）"), (90, "单位：万元")),
    at((5, "预算单位"), (22, "科目编码"), (37, "科目名称"), (56, "支出总计"), (70, "基本支出"), (84, "项目支出")),
    at((0, "某局（本")), at((60, "150.00", "r"), (76, "100.00", "r"), (90, "50.00", "r")), at((0, "级）")),
    at((22, "201"), (32, "一般公共服务支出"), (60, "150.00", "r"), (76, "100.00", "r"), (90, "50.00", "r")),
    at((22, "20104"), (32, "发展与改革事务"), (60, "150.00", "r"), (76, "100.00", "r"), (90, "50.00", "r")),
    at((22, "2010401"), (32, "行政运行"), (60, "100.00", "r"), (76, "100.00", "r"), (90, "0.00", "r")),
    at((22, "2010402"), (32, "一般行政管理事务"), (60, "50.00", "r"), (76, "0.00", "r"), (90, "50.00", "r")),
    ""])


def test_the_first_rows_label_wrapped_around_its_figures_is_no_header():
    doc = document(FIRST_ROW_WRAPPED)
    [table] = doc.tables
    assert table.columns == ("支出总计", "基本支出", "项目支出")
    assert [(code, label) for code, label, _ in rows_of(table)] == [
        ("", "某局（本级）"), ("201", "一般公共服务支出"), ("20104", "发展与改革事务"), ("2010401", "行政运行"),
        ("2010402", "一般行政管理事务")]
    assert errors(doc) == []
    assert found_slip(document(slipped(FIRST_ROW_WRAPPED, "50.00", "59.00", 4)), "59.00")


@pytest.mark.parametrize("engine", ["pdfium", "pdfminer"])
def test_a_pdf_table_over_a_page_break_through_either_engine(tmp_path, engine):
    pytest.importorskip("reportlab")
    from tests.pdfs import pages_pdf

    def row(code: str, label: str, *figures: str) -> list:
        return [(60, code, "l"), (120, label, "l"), *((x, f, "r") for x, f in zip((360, 440, 520), figures))]

    def page(number: int, lines: list[list]) -> list[list]:
        return [[(250, "某局2026年部门预算", "l")], [], *lines, [], [(290, f"- {number} -", "l")]]

    head = [[(70, "科目编码", "l"), (130, "科目名称", "l"), (330, "合计", "l"), (400, "基本支出", "l"), (480, "项目支出", "l")]]
    pages = [page(1, [[(60, "一、部门基本情况", "l")], [(60, "某局是主管某事务的部门，负责全市某事务的管理工作。", "l")]]),
             page(2, [[(220, "一般公共预算支出表", "l")], [(60, "单位名称：某局", "l"), (480, "单位：万元", "l")], *head,
                      *(row(code, label, *figures) for code, label, figures in PAGED_ROWS[:4])]),
             page(3, [[(210, "一般公共预算支出表（续）", "l")], *head,
                      *(row(code, label, *figures) for code, label, figures in PAGED_ROWS[4:])])]
    doc = pdf_document(pages_pdf(tmp_path / "paged.pdf", pages), engine)
    [table] = doc.tables
    assert rows_of(table) == PAGED_ROWS
    assert errors(doc) == []


def test_words_in_the_code_column_name_the_row_and_never_make_its_code():
    text = ("一般公共预算支出表\n单位：万元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
            "合计\t\t60.00\t30.00\t30.00\n201\t一般公共服务支出\t40.00\t20.00\t20.00\n"
            "2010101\t行政运行\t40.00\t20.00\t20.00\n205\t教育支出\t20.00\t10.00\t10.00\n"
            "2050803\t培训支出\t20.00\t10.00\t10.00\n")
    doc = document(text)
    [table] = doc.tables
    assert rows_of(table)[0] == ("", "合计", ["60.00", "30.00", "30.00"])
    assert ("合计", ("201", "205")) in families_of(doc, table)
    assert errors(doc) == []
    assert found_slip(document(slipped(text, "60.00", "66.00")), "66.00")


# --------------------------------------------------------------------------------------------
# 4. A table that starts right after another, without a blank line: its title on the line after
# the last row, or its caption (表6) before it. A title of no standard kind (财政拨款支出预算表
# （功能科目）, as Jiangsu's 2019 template prints it) must end the table before, whose code
# hierarchy its rows would otherwise join.

FUNCTION_ROWS = [("", "合计", "30.00"), ("201", "一般公共服务支出", "30.00"), ("20101", "人大事务", "30.00"),
                 ("2010101", "行政运行", "10.00"), ("2010102", "一般行政管理事务", "20.00")]
ECONOMIC_ROWS = [("", "合计", "25.00"), ("301", "工资福利支出", "15.00"), ("30101", "基本工资", "15.00"),
                 ("302", "商品和服务支出", "10.00"), ("30201", "办公费", "10.00")]


def two_tables(second_head: list[str]) -> str:
    def table(head: list[str], rows: list[tuple[str, str, str]]) -> list[str]:
        return head + [at((60, "单位：万元")), at((0, "科目编码"), (10, "科目名称"), (44, "合计"))] + [
            at((0, code), (10, name), (50, figure, "r")) for code, name, figure in rows]
    return "\n".join(table([at((20, "一般公共预算支出表"))], FUNCTION_ROWS) + table(second_head, ECONOMIC_ROWS)) + "\n"


SECOND_HEADS = {
    "a standard title": [at((20, "一般公共预算基本支出表"))],
    "a standard title under its caption": [at((0, "表6")), at((20, "一般公共预算基本支出表"))],
    "a title of no standard kind": [at((20, "部门预算支出经济分类情况表"))],
    "a numbered title of no standard kind": [at((18, "十一、部门预算支出经济分类情况表"))],
    "a caption over a title of no standard kind": [at((0, "公开06表")), at((20, "部门预算支出经济分类明细"))],
    "a title of no standard kind with a qualifier": [at((20, "财政拨款支出预算表（经济科目）"))],
}


@pytest.mark.parametrize("head", sorted(SECOND_HEADS))
def test_a_table_right_after_another_is_not_swallowed_by_it(head):
    text = two_tables(SECOND_HEADS[head])
    doc = document(text)
    first = doc.tables[0]
    assert rows_of(first) == [(code, name, [figure]) for code, name, figure in FUNCTION_ROWS]
    assert errors(doc) == []
    assert found_slip(document(slipped(text, "10.00", "19.00")), "19.00")


def test_a_standard_title_right_after_rows_starts_its_own_table():
    doc = document(two_tables(SECOND_HEADS["a standard title under its caption"]))
    assert [(t.kind, len(t.rows)) for t in doc.tables] == [("gpb_function", 5), ("gpb_basic", 5)]


def test_a_note_ending_in_biao_after_rows_does_not_end_the_table():
    text = two_tables(SECOND_HEADS["a standard title"]).replace(at((0, "2010102")), "注：本表为部门预算表\n" + at((0, "2010102")), 1)
    assert rows_of(document(text).tables[0]) == [(code, name, [figure]) for code, name, figure in FUNCTION_ROWS]


@pytest.mark.parametrize("engine", ["pdfium", "pdfminer"])
def test_a_pdf_table_right_after_another_through_either_engine(tmp_path, engine):
    pytest.importorskip("reportlab")
    from tests.pdfs import pages_pdf

    def table(title: str, rows) -> list[list]:
        return [[(200, title, "l")], [(480, "单位：万元", "l")],
                [(60, "科目编码", "l"), (140, "科目名称", "l"), (420, "合计", "l")],
                *([(60, code, "l"), (140, name, "l"), (460, figure, "r")] for code, name, figure in rows)]
    lines = table("一般公共预算支出表", FUNCTION_ROWS) + table("部门预算支出经济分类情况表", ECONOMIC_ROWS)
    doc = pdf_document(pages_pdf(tmp_path / "two.pdf", [lines]), engine)
    assert rows_of(doc.tables[0]) == [(code, name, [figure]) for code, name, figure in FUNCTION_ROWS]
    assert errors(doc) == []


# --------------------------------------------------------------------------------------------
# 5. Side-by-side panels: 人员经费 beside 公用经费 in the 基本支出 table of the national 决算
# template, spending by function beside spending by economic class. Read as text, a row of each
# panel shares a line: two lists, never one row.

PERSONNEL = [("301", "工资福利支出", "100.00"), ("30101", "基本工资", "60.00"), ("30102", "津贴补贴", "40.00"),
             ("303", "对个人和家庭的补助", "10.00"), ("30302", "退休费", "10.00")]
PUBLIC = [("302", "商品和服务支出", "50.00"), ("30201", "办公费", "20.00"), ("30211", "差旅费", "30.00"),
          ("310", "资本性支出", "5.00"), ("31002", "办公设备购置", "5.00"), ("31007", "信息网络及软件购置更新", "0.00")]
PANEL_TITLE = "一般公共预算财政拨款基本支出决算表"


def panels_layout() -> str:
    lines = [at((30, PANEL_TITLE)), at((80, "单位：万元")), at((16, "人员经费"), (62, "公用经费")),
             at((0, "科目编码"), (8, "科目名称"), (32, "决算数"), (44, "科目编码"), (52, "科目名称"), (80, "决算数"))]
    for index in range(max(len(PERSONNEL), len(PUBLIC))):
        cells = []
        if index < len(PERSONNEL):
            code, name, figure = PERSONNEL[index]
            cells += [(0, code), (8, name), (38, figure, "r")]
        code, name, figure = PUBLIC[index]
        cells += [(44, code), (52, name), (86, figure, "r")]
        lines.append(at(*cells))
    lines.append(at((4, "人员经费合计"), (38, "110.00", "r"), (48, "公用经费合计"), (86, "55.00", "r")))
    return "\n".join(lines) + "\n"


def panel_rows(rows, total: tuple[str, str]) -> list:
    return [(code, name, [figure]) for code, name, figure in rows] + [("", total[0], [total[1]])]


def test_panels_side_by_side_are_two_lists():
    doc = document(panels_layout())
    personnel, public = doc.tables
    assert (personnel.side, public.side) == ("人员经费", "公用经费")
    assert rows_of(personnel) == panel_rows(PERSONNEL, ("人员经费合计", "110.00"))
    assert rows_of(public) == panel_rows(PUBLIC, ("公用经费合计", "55.00"))
    assert ("310", ("31002", "31007")) in families_of(doc, public)
    assert errors(doc) == []
    assert found_slip(document(slipped(panels_layout(), "20.00", "29.00")), "29.00")  # 30201 办公费


def test_tab_separated_panels_are_two_lists():
    lines = [PANEL_TITLE, "单位：万元", "人员经费\t\t\t公用经费\t\t", "科目编码\t科目名称\t决算数\t科目编码\t科目名称\t决算数"]
    for index, (code, name, figure) in enumerate(PUBLIC):
        left = "\t".join(PERSONNEL[index]) if index < len(PERSONNEL) else "\t\t"
        lines.append(f"{left}\t{code}\t{name}\t{figure}")
    lines.append("\t人员经费合计\t110.00\t\t公用经费合计\t55.00")
    text = "\n".join(lines) + "\n"
    doc = document(text)
    personnel, public = doc.tables
    assert rows_of(personnel) == panel_rows(PERSONNEL, ("人员经费合计", "110.00"))
    assert rows_of(public) == panel_rows(PUBLIC, ("公用经费合计", "55.00"))
    assert errors(doc) == []
    assert found_slip(document(slipped(text, "60.00", "69.00")), "69.00")  # 30101 基本工资


def test_spending_by_function_beside_spending_by_economic_class_are_two_lists():
    function = [("201", "一般公共服务支出", "80.00"), ("20101", "人大事务", "80.00"), ("2010101", "行政运行", "50.00"),
                ("2010102", "一般行政管理事务", "30.00"), ("", "合计", "80.00")]
    economic = [("301", "工资福利支出", "50.00"), ("30101", "基本工资", "50.00"), ("302", "商品和服务支出", "30.00"),
                ("30201", "办公费", "30.00"), ("", "合计", "80.00")]
    lines = [at((30, "一般公共预算支出表")), at((80, "单位：万元")),
             at((10, "支出功能分类科目"), (56, "支出经济分类科目")),
             at((0, "科目编码"), (10, "科目名称"), (34, "金额"), (46, "科目编码"), (56, "科目名称"), (80, "金额"))]
    lines += [at((0, c1), (10, n1), (38, f1, "r"), (46, c2), (56, n2), (84, f2, "r"))
              for (c1, n1, f1), (c2, n2, f2) in zip(function, economic)]
    text = "\n".join(lines) + "\n"
    doc = document(text)
    by_function, by_class = doc.tables
    assert (by_function.side, by_class.side) == ("支出功能分类科目", "支出经济分类科目")
    assert rows_of(by_function) == [(c, n, [f]) for c, n, f in function]
    assert rows_of(by_class) == [(c, n, [f]) for c, n, f in economic]
    assert errors(doc) == []
    assert found_slip(document(slipped(text, "30.00", "39.00", 2)), "39.00")  # 302 商品和服务支出


def test_panels_run_together_on_single_spaced_lines_are_left_unread():
    lines = [PANEL_TITLE, "单位：万元", "人员经费 公用经费", "科目编码 科目名称 决算数 科目编码 科目名称 决算数"]
    lines += [f"{' '.join(p)} {' '.join(g)}" for p, g in zip(PERSONNEL, PUBLIC)]
    text = "\n".join(lines) + "\n"
    [table] = document(text).tables
    assert table.rows == () and table.notes == (PANELS_NOTE,)
    assert errors(document(slipped(text, "60.00", "69.00"))) == []


@pytest.mark.parametrize("engine", ["pdfium", "pdfminer"])
def test_pdf_panels_side_by_side_through_either_engine(tmp_path, engine):
    pytest.importorskip("reportlab")
    from tests.pdfs import pages_pdf
    lines = [[(180, PANEL_TITLE, "l")], [(500, "单位：万元", "l")], [(120, "人员经费", "l"), (380, "公用经费", "l")],
             [(40, "科目编码", "l"), (90, "科目名称", "l"), (230, "决算数", "l"),
              (300, "科目编码", "l"), (350, "科目名称", "l"), (500, "决算数", "l")]]
    for index, (code, name, figure) in enumerate(PUBLIC):
        left = [(40, PERSONNEL[index][0], "l"), (90, PERSONNEL[index][1], "l"), (260, PERSONNEL[index][2], "r")] \
            if index < len(PERSONNEL) else []
        lines.append(left + [(300, code, "l"), (350, name, "l"), (530, figure, "r")])
    lines.append([(60, "人员经费合计", "l"), (260, "110.00", "r"), (320, "公用经费合计", "l"), (530, "55.00", "r")])
    doc = pdf_document(pages_pdf(tmp_path / "panels.pdf", [lines]), engine)
    personnel, public = doc.tables
    assert (personnel.side, public.side) == ("人员经费", "公用经费")
    assert rows_of(personnel) == panel_rows(PERSONNEL, ("人员经费合计", "110.00"))
    assert rows_of(public) == panel_rows(PUBLIC, ("公用经费合计", "55.00"))
    assert errors(doc) == []


# --------------------------------------------------------------------------------------------
# 6. A row under a merged cell (a project's name over its economic items, a procurement category
# over its items) is a sibling of the row above, not its child; and the row that prints the
# merged cell's words is one of its items, not the project: its figure is no project's total.

MERGED_ROWS = [("", "合计", "43.00"), ("信息化运维项目", "办公费", "10.00"), ("", "印刷费", "5.00"),
               ("", "委托业务费", "20.00"), ("培训项目", "培训费", "8.00")]
MERGED_READ = [("", "合计", ["43.00", "0.00", "43.00"]), ("", "信息化运维项目/办公费", ["10.00", "0.00", "10.00"]),
               ("", "印刷费", ["5.00", "0.00", "5.00"]), ("", "委托业务费", ["20.00", "0.00", "20.00"]),
               ("", "培训项目/培训费", ["8.00", "0.00", "8.00"])]
NARRATIVE = ("2026年部门预算\n一、项目支出情况\n2026年项目支出43.00万元，其中：信息化运维项目35.00万元，"
             "主要用于系统运行维护；培训项目8.00万元，主要用于干部培训。\n\n")


def merged_layout(rows=MERGED_ROWS) -> str:
    lines = [at((20, "项目支出表")), at((60, "单位：万元")),
             at((0, "项目名称"), (20, "经济科目"), (40, "合计"), (50, "基本支出"), (60, "项目支出"))]
    for name, item, figure in rows:
        cells = [(0, name)] if name else []
        cells += [(20, item)] if item != "合计" else [(0, item)]
        lines.append(at(*cells, (46, figure, "r"), (56, "0.00", "r"), (66, figure, "r")))
    return NARRATIVE + "\n".join(lines) + "\n"


def test_rows_under_a_merged_project_name_are_its_items_and_siblings():
    doc = document(merged_layout())
    [table] = doc.tables
    assert rows_of(table) == MERGED_READ
    assert len({row.indent for row in table.rows[1:]}) == 1  # one level: no row is another's child
    assert errors(doc) == []  # 信息化运维项目 35.00 is not held to its first item's 10.00
    assert found_slip(document(slipped(merged_layout(), "20.00", "29.00")), "29.00")


def test_a_merged_name_printed_on_its_middle_row_names_that_row_only():
    rows = [("", "合计", "43.00"), ("", "办公费", "10.00"), ("信息化运维项目", "印刷费", "5.00"), ("", "委托业务费", "20.00"),
            ("培训项目", "培训费", "8.00")]
    doc = document(merged_layout(rows))
    [table] = doc.tables
    assert [label for _, label, _ in rows_of(table)] == ["合计", "办公费", "信息化运维项目/印刷费", "委托业务费", "培训项目/培训费"]
    assert len({row.indent for row in table.rows[1:]}) == 1
    assert errors(doc) == []


def test_tab_separated_rows_under_a_merged_cell():
    rows = [f"合计\t\t{figure}\t0.00\t{figure}" if item == "合计" else f"{name}\t{item}\t{figure}\t0.00\t{figure}"
            for name, item, figure in MERGED_ROWS]
    text = NARRATIVE + "项目支出表\n单位：万元\n项目名称\t经济科目\t合计\t基本支出\t项目支出\n" + "\n".join(rows) + "\n"
    doc = document(text)
    [table] = doc.tables
    assert rows_of(table) == MERGED_READ
    assert errors(doc) == []


@pytest.mark.parametrize("engine", ["pdfium", "pdfminer"])
def test_pdf_rows_under_a_merged_cell_through_either_engine(tmp_path, engine):
    pytest.importorskip("reportlab")
    from tests.pdfs import pages_pdf
    lines = [[(60, NARRATIVE.splitlines()[2][:40], "l")], [(60, NARRATIVE.splitlines()[2][40:], "l")], [],
             [(240, "项目支出表", "l")], [(500, "单位：万元", "l")],
             [(60, "项目名称", "l"), (200, "经济科目", "l"), (340, "合计", "l"), (410, "基本支出", "l"), (480, "项目支出", "l")]]
    for name, item, figure in MERGED_ROWS:
        cells = [(60, name, "l")] if name else []
        cells += [(200, item, "l")] if item != "合计" else [(60, item, "l")]
        lines.append(cells + [(370, figure, "r"), (450, "0.00", "r"), (530, figure, "r")])
    doc = pdf_document(pages_pdf(tmp_path / "merged.pdf", [lines]), engine)
    [table] = doc.tables
    assert rows_of(table) == MERGED_READ
    assert errors(doc) == []


# A 政府采购 table: the category (货物, 服务) is a merged cell over its items.
PROCUREMENT_ITEMS = "\n".join([
    at((20, "政府采购预算表")), at((60, "单位：万元")),
    at((0, "采购品目"), (14, "采购项目"), (36, "采购数量"), (50, "预算金额")),
    at((0, "合计"), (56, "95.00", "r")),
    at((0, "货物"), (14, "台式计算机"), (40, "10", "r"), (56, "30.00", "r")),
    at((14, "打印机"), (40, "5", "r"), (56, "15.00", "r")),
    at((0, "服务"), (14, "物业管理服务"), (40, "1", "r"), (56, "50.00", "r")),
    ""])


def test_procurement_items_under_their_merged_category_are_siblings():
    doc = document(PROCUREMENT_ITEMS)
    [table] = doc.tables
    assert [label for _, label, _ in rows_of(table)] == ["合计", "货物/台式计算机", "打印机", "服务/物业管理服务"]
    assert len({row.indent for row in table.rows[1:]}) == 1
    assert errors(doc) == []


# --------------------------------------------------------------------------------------------
# 7. An empty 政府性基金 or 国有资本经营 table whose emptiness the narrative states, before the
# table, right after it, in another section or in another table's note, is in order.

BUDGET_TABLES = "\n".join([
    "表1", "部门收支总表", "单位：万元", "收入\t\t支出\t", "项目\t预算数\t项目\t预算数",
    "一、一般公共预算拨款收入\t100.00\t一、一般公共服务支出\t100.00", "本年收入合计\t100.00\t本年支出合计\t100.00",
    "收入总计\t100.00\t支出总计\t100.00",
    "表2", "部门收入总表", "单位：万元", "科目编码\t科目名称\t合计\t一般公共预算拨款收入", "\t合计\t100.00\t100.00",
    "201\t一般公共服务支出\t100.00\t100.00",
    "表3", "部门支出总表", "单位：万元", "科目编码\t科目名称\t合计\t基本支出\t项目支出", "\t合计\t100.00\t100.00\t",
    "201\t一般公共服务支出\t100.00\t100.00\t", "20101\t人大事务\t100.00\t100.00\t", "2010101\t行政运行\t60.00\t60.00\t",
    "2010102\t一般行政管理事务\t40.00\t40.00\t",
    "表4", "财政拨款收支总表", "单位：万元", "收入\t\t支出\t", "项目\t预算数\t项目\t预算数",
    "一、一般公共预算拨款\t100.00\t一、一般公共服务支出\t100.00", "收入总计\t100.00\t支出总计\t100.00", "{fiscal_note}",
    "表5", "一般公共预算支出表", "单位：万元", "科目编码\t科目名称\t合计\t基本支出\t项目支出", "\t合计\t100.00\t100.00\t",
    "201\t一般公共服务支出\t100.00\t100.00\t", "20101\t人大事务\t100.00\t100.00\t", "2010101\t行政运行\t60.00\t60.00\t",
    "2010102\t一般行政管理事务\t40.00\t40.00\t",
    "表6", "一般公共预算基本支出表", "单位：万元", "科目编码\t科目名称\t合计\t人员经费\t公用经费",
    "\t合计\t100.00\t80.00\t20.00", "301\t工资福利支出\t80.00\t80.00\t", "302\t商品和服务支出\t20.00\t\t20.00",
    "表7", "一般公共预算“三公”经费支出表", "单位：万元", "合计\t因公出国（境）费\t公务用车购置及运行维护费\t公务接待费",
    "1.00\t0.00\t0.50\t0.50",
    "表8", "政府性基金预算支出表", "单位：万元", "科目编码\t科目名称\t合计\t基本支出\t项目支出", "\t合计\t\t\t",
    "{after_fund}",
    "表9", "国有资本经营预算支出表", "单位：万元", "科目编码\t科目名称\t合计\t基本支出\t项目支出", "\t合计\t\t\t",
    "{after_capital}", ""])


def budget(before: str = "", after_fund: str = "", after_capital: str = "", closing: str = "",
           fiscal_note: str = "") -> str:
    """A 2026 部门预算 of all nine standard tables, its 政府性基金 and 国有资本经营 tables empty."""
    return ("某局2026年部门预算\n\n第一部分 部门预算情况说明\n\n一、收支预算总体情况\n"
            "2026年收支总预算100.00万元，全部为一般公共预算拨款。\n\n" + before + "\n第二部分 部门预算表\n\n"
            + BUDGET_TABLES.format(after_fund=after_fund, after_capital=after_capital, fiscal_note=fiscal_note)
            + "\n" + closing)


NONE_STATED = {
    "in the narrative before the tables": {
        "before": "二、政府性基金预算支出情况\n本部门2026年无政府性基金预算收支。\n\n三、国有资本经营预算支出情况\n"
                  "2026年国有资本经营预算支出预算为0万元。\n"},
    "in a sentence wrapped over lines": {
        "before": "二、其他\n本部门2026年没有政府性基\n金预算拨款收入，也没有使用政府性基金预算拨款安排的支出；国有资本经营预算拨款收支均为零。\n"},
    "right after each table": {"after_fund": "政府性基金预算支出为0。", "after_capital": "国有资本经营预算支出为0。"},
    "in a note under each table": {"after_fund": "注：本部门2026年没有使用政府性基金预算拨款安排的支出，本表无数据。",
                                   "after_capital": "注：本单位无国有资本经营预算。"},
    "in a section after the tables": {
        "closing": "第三部分 其他说明\n\n（一）本部门2026年不涉及政府性基金预算支出，也不涉及国有资本经营预算支出。\n"},
    "in another table's note": {"fiscal_note": "注：本部门2026年无政府性基金预算收支和国有资本经营预算收支。"},
    "as tables printed empty": {"before": "二、其他\n本部门2026年政府性基金预算支出表、国有资本经营预算支出表为空表。\n"},
    "as 决算 notes say it": {"closing": "第三部分 其他说明\n\n本部门不存在政府性基金预算收支，本年度未发生国有资本经营预算支出。\n"},
}


def layout_of(text: str) -> str:
    """The same document as pdftotext -layout sets it: cells at fixed places, titles centred."""
    def line(text: str) -> str:
        if "\t" in text:
            return at(*((14 * i, cell) for i, cell in enumerate(text.split("\t")) if cell))
        return at((20, text)) if text.endswith("表") and not text.startswith("表") else text
    return "\n".join(line(text) for text in text.split("\n"))


def required_tables_findings(doc) -> list[str]:
    return [f.message.en for check, _ in load_checks() if check.id == "required-tables"
            for f in check.check(doc, Options())]


@pytest.mark.parametrize("layout", [False, True])
@pytest.mark.parametrize("where", sorted(NONE_STATED))
def test_an_empty_fund_table_is_in_order_wherever_the_document_says_there_is_none(where, layout):
    text = budget(**NONE_STATED[where])
    doc = document(layout_of(text) if layout else text)
    assert {t.kind: len(t.rows) for t in doc.tables}["gov_fund"] == 0
    assert required_tables_findings(doc) == []
    assert findings(doc, Level.WARNING) == [] and errors(doc) == []
    assert found_slip(document(slipped(text, "60.00", "69.00", 2)), "69.00")  # 2010101 in 一般公共预算支出表


def test_an_empty_fund_table_nothing_explains_is_reported():
    assert len(required_tables_findings(document(budget()))) == 2


def test_words_after_a_rows_last_figure_open_no_second_panel():
    # A 绩效目标 set a space after the row's figures is a column of text, not a panel.
    text = ("项目支出表\n单位：万元\n项目名称 合计 一般公共预算 绩效目标\n"
            "机构运行辅助经费 102.10 102.10 通过聘请劳务人员协助开展工作提高业务水平\n"
            "物业行政监管工作经费 14.62 14.62 开展住宅小区物业服务质量评估\n")
    [table] = document(text).tables
    assert PANELS_NOTE not in table.notes and len(table.rows) == 2
