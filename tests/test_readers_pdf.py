"""The PDF reader on PDFs generated here: tables read through either engine, and PDFs that cannot
be used refused with their reason."""
from __future__ import annotations

import pytest

pytest.importorskip("reportlab")

from auditlint.agreement import Options
from auditlint.parse import parse_document  # noqa: E402
from auditlint.readers import UnreadableError, read_source  # noqa: E402
from auditlint.readers.layout import normalise_glyph_text  # noqa: E402
from auditlint.checks.sum_of_children import SumOfChildren  # noqa: E402
from tests.pdfs import image_only_pdf, ruled_table_pdf, spaced_text_pdf, table_pdf, turned_page_pdf  # noqa: E402

HEADER = ("科目编码", "科目名称", "合计", "基本支出", "项目支出")
ROWS = [
    ("", "合计", "1,809.22", "982.82", "826.40"),
    ("201", "一般公共服务支出", "1,510.37", "683.97", "826.40"),
    ("2010301", "行政运行", "468.35", "468.35", ""),
    ("2010302", "一般行政管理事务", "826.40", "", "826.40"),
]
COLUMNS = [50, 110, 260, 340, 420]


@pytest.fixture
def budget_pdf(tmp_path):
    return table_pdf(tmp_path / "table.pdf", "部门支出总表", HEADER, ROWS, COLUMNS,
                     narrative="本年支出预算1809.22万元。")


@pytest.mark.parametrize("engine", ["pdfium", "pdfminer"])
def test_a_generated_table_is_read_with_blanks_in_place(budget_pdf, engine):
    [table] = parse_document(read_source(str(budget_pdf), {"pdf_engine": engine})).tables
    assert (table.kind, table.unit) == ("expenditure", "万元")
    assert table.columns == ("合计", "基本支出", "项目支出")
    rows = {r.code or r.label: [a.text if a else None for a in r.amounts] for r in table.rows}
    assert rows == {
        "合计": ["1,809.22", "982.82", "826.40"],
        "201": ["1,510.37", "683.97", "826.40"],
        "2010301": ["468.35", "468.35", None],
        "2010302": ["826.40", None, "826.40"],
    }


# 基本支出总表 as Shenzhen sets it: 财政拨款 a merged cell over its 小计 and two sources.
GROUPED_HEADER = ("支出项目类别", "总计", "小计", "一般公共预算拨款", "政府性基金预算拨款", "单位资金")
GROUPED_ROWS = [
    ("工资福利支出", "100.00", "80.00", "80.00", "0.00", "20.00"),
    ("商品和服务支出", "50.00", "50.00", "30.00", "20.00", "0.00"),
    ("对个人和家庭的补助", "30.00", "25.00", "25.00", "0.00", "6.00"),  # 25.00 + 6.00 is 31.00
]
GROUPED_EDGES = [40, 140, 200, 260, 360, 470, 530]


@pytest.mark.parametrize("engine", ["pdfium", "pdfminer"])
def test_a_merged_header_cell_heads_every_column_its_rules_enclose(tmp_path, engine):
    path = ruled_table_pdf(tmp_path / "grouped.pdf", "基本支出总表", [("财政拨款", 2, 4)], GROUPED_HEADER,
                           GROUPED_ROWS, GROUPED_EDGES)
    document = parse_document(read_source(str(path), {"pdf_engine": engine}))
    [table] = document.tables
    assert table.columns == ("总计", "财政拨款/小计", "财政拨款/一般公共预算拨款", "财政拨款/政府性基金预算拨款", "单位资金")
    errors = [f for f in SumOfChildren().check(document, Options()) if f.level.name == "ERROR"]
    assert [(f.location.line, f.stated, f.expected) for f in errors] == [(table.rows[2].location.line, "30.00", "31.00")]


def test_without_rules_inside_the_table_a_header_word_heads_only_the_columns_under_it(tmp_path):
    path = ruled_table_pdf(tmp_path / "framed.pdf", "基本支出总表", [("财政拨款", 2, 4)], GROUPED_HEADER,
                           GROUPED_ROWS, GROUPED_EDGES, inner_rules=False)
    [table] = parse_document(read_source(str(path), {})).tables
    assert (table.columns[0], table.columns[1], table.columns[4]) == ("总计", "小计", "单位资金")


def test_both_engines_give_the_same_lines(budget_pdf):
    lines = {engine: [l.text for l in read_source(str(budget_pdf), {"pdf_engine": engine}).lines]
             for engine in ("pdfium", "pdfminer")}
    assert lines["pdfium"] == lines["pdfminer"]
    assert lines["pdfium"][0] == "本年支出预算1809.22万元。"


@pytest.mark.parametrize("engine", ["pdfium", "pdfminer"])
@pytest.mark.parametrize("rotation", [90, 270])
def test_a_page_turned_by_its_rotation_reads_as_it_is_shown(tmp_path, engine, rotation):
    # Read in the page's own space, each line would run down the page a character a line.
    path = turned_page_pdf(tmp_path / "turned.pdf", ["Contents", "Total 1,809.22", "Basic 982.82"], rotation)
    assert [l.text for l in read_source(str(path), {"pdf_engine": engine}).lines] == [
        "Contents", "Total 1,809.22", "Basic 982.82"]


@pytest.mark.parametrize("engine", ["pdfium", "pdfminer"])
def test_letter_spaced_lines_read_as_words(tmp_path, engine):
    path = spaced_text_pdf(tmp_path / "spaced.pdf", [("新生儿疾病筛查工作", 3.0), ("增长24.3%，减少1,809.22万元", 1.0)])
    assert [l.text for l in read_source(str(path), {"pdf_engine": engine}).lines] == [
        "新生儿疾病筛查工作", "增长24.3%，减少1,809.22万元"]


@pytest.mark.parametrize("engine", ["pdfium", "pdfminer"])
def test_a_pdf_without_text_is_refused_as_a_scan(tmp_path, engine):
    with pytest.raises(UnreadableError, match="no text layer"):
        read_source(str(image_only_pdf(tmp_path / "scan.pdf")), {"pdf_engine": engine})


@pytest.mark.parametrize("engine", ["pdfium", "pdfminer"])
def test_an_encrypted_pdf_is_refused(tmp_path, engine):
    path = table_pdf(tmp_path / "locked.pdf", "部门支出总表", HEADER, ROWS, COLUMNS, encrypt="secret")
    with pytest.raises(UnreadableError, match="encrypted"):
        read_source(str(path), {"pdf_engine": engine})


@pytest.mark.parametrize("engine", ["pdfium", "pdfminer"])
def test_a_truncated_pdf_is_refused_with_a_reason(budget_pdf, tmp_path, engine):
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(budget_pdf.read_bytes()[:300])
    with pytest.raises(UnreadableError):
        read_source(str(broken), {"pdf_engine": engine})


def test_noise_named_pdf_is_refused(tmp_path):
    noise = tmp_path / "noise.pdf"
    noise.write_bytes(b"\x00\x01" * 500)
    with pytest.raises(UnreadableError, match="not a PDF"):
        read_source(str(noise))


def test_kangxi_radicals_become_ordinary_ideographs():
    assert normalise_glyph_text("\u2F00\u2EDA\u2ED4（２０２４）") == "一页门（２０２４）"


def test_every_engine_the_options_offer_has_an_adapter():
    from auditlint import PDF_ENGINES
    from auditlint.readers.pdf import ADAPTERS, ENGINE_MODULES
    assert set(PDF_ENGINES) == set(ADAPTERS) == set(ENGINE_MODULES)


def test_a_ruled_column_no_row_fills_keeps_its_header_to_itself(tmp_path):
    # No row has 政府性基金 money: its column is empty, and its name must not join 单位资金's.
    rows = [tuple("" if i == 4 else cell for i, cell in enumerate(row)) for row in GROUPED_ROWS]
    path = ruled_table_pdf(tmp_path / "empty.pdf", "基本支出总表", [("财政拨款", 2, 4)], GROUPED_HEADER, rows, GROUPED_EDGES)
    document = parse_document(read_source(str(path), {}))
    [table] = document.tables
    assert table.columns == ("总计", "财政拨款/小计", "财政拨款/一般公共预算拨款", "财政拨款/政府性基金预算拨款", "单位资金")
    assert [a.text if a else None for a in table.rows[0].amounts] == ["100.00", "80.00", "80.00", None, "20.00"]


def test_an_empty_ruled_column_keeps_its_header_when_the_name_wraps_onto_a_second_line(tmp_path):
    # 政府性基金 / 预算拨款 on two lines of one ruled cell is one cell, not two cells side by side:
    # the box still marks a column of its own, though no row fills it.
    header = tuple("政府性基金\n预算拨款" if i == 4 else cell for i, cell in enumerate(GROUPED_HEADER))
    rows = [tuple("" if i == 4 else cell for i, cell in enumerate(row)) for row in GROUPED_ROWS]
    path = ruled_table_pdf(tmp_path / "wrapped.pdf", "基本支出总表", [("财政拨款", 2, 4)], header, rows, GROUPED_EDGES)
    [table] = parse_document(read_source(str(path), {})).tables
    assert table.columns == ("总计", "财政拨款/小计", "财政拨款/一般公共预算拨款", "财政拨款/政府性基金预算拨款", "单位资金")
    assert [a.text if a else None for a in table.rows[0].amounts] == ["100.00", "80.00", "80.00", None, "20.00"]


def test_the_bare_pdfium_prototypes_are_pypdfium2s_signatures():
    """The reader's bare prototypes (every pointer a c_void_p) declare the very functions
    pypdfium2.raw declares, argument by argument: a pointer where it has a pointer, the same
    integer or float type where it has one, the same result. A PDFium or pypdfium2 upgrade that
    changes a signature fails here, not in a reader passing the wrong thing."""
    import ctypes

    import pypdfium2.raw as raw

    from auditlint.readers.pdfium_calls import PROTOTYPES, calls

    def kind(ctype: object) -> object:
        if ctype is None:
            return None
        if isinstance(ctype, type) and issubclass(ctype, (ctypes.c_void_p, ctypes._Pointer)):
            return "pointer"
        return ctypes.sizeof(ctype), getattr(ctype, "_type_", None)

    for name, (result, arguments) in PROTOTYPES.items():
        theirs = getattr(raw, name)
        assert [kind(a) for a in arguments] == [kind(a) for a in theirs.argtypes], name
        assert kind(result) == kind(theirs.restype), name
        ours = getattr(calls(), name)
        assert ours is not theirs and theirs.argtypes != ours.argtypes  # pypdfium2's own left as they were


def test_only_calls_whose_arguments_pass_unconverted_go_unchecked():
    """An unchecked call passes a Python int as a C int and a ctypes object as the pointer it
    holds: right for a C int or a pointer argument, wrong for any other (a long, a float, an
    unsigned long), which must keep its declared types. Handles that unchecked calls take
    come back from PDFium as Handle objects, never as ints, which would pass as C ints."""
    import ctypes

    from auditlint.readers.pdfium_calls import PROTOTYPES, UNCHECKED, Handle, calls

    assert UNCHECKED <= PROTOTYPES.keys()
    for name in UNCHECKED:
        _, arguments = PROTOTYPES[name]
        assert all(a is ctypes.c_void_p or a is ctypes.c_int for a in arguments), name
        assert getattr(calls(), name).argtypes is None, name
    for name in ("FPDF_LoadPage", "FPDFText_LoadPage"):
        assert PROTOTYPES[name][0] is Handle and calls().__dict__[name].restype is Handle
    assert not Handle()  # a NULL handle is false, as a failed load is tested


def test_pages_read_with_bare_calls_are_those_the_wrapper_reads(tmp_path):
    """Glyphs and rules of every page through the bare calls, against pypdfium2's own page
    objects and typed calls on the same file: the same glyphs, the same rules."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    from auditlint.readers.pdf import pdfium_pages

    path = ruled_table_pdf(tmp_path / "ruled.pdf", "基本支出总表", [("财政拨款", 2, 4)], GROUPED_HEADER, GROUPED_ROWS,
                           GROUPED_EDGES)
    pages = list(pdfium_pages(path.read_bytes()))
    document = pdfium.PdfDocument(str(path))
    assert len(pages) == len(document)
    for page, layout in zip(document, pages):
        textpage = page.get_textpage()
        text = textpage.get_text_range()
        assert "".join(g.text for g in layout.glyphs) == "".join(text.split())
        bounds = [page_object.get_bounds() for page_object in page.get_objects(max_depth=15)
                  if page_object.type == raw.FPDF_PAGEOBJ_PATH]
        height = page.get_height()
        assert sorted((r.x0, r.top, r.x1, r.bottom) for r in layout.rules) == sorted(
            (left, height - top, right, height - bottom) for left, bottom, right, top in bounds
            if min(right - left, top - bottom) <= 2.0 and max(right - left, top - bottom) > 6.0)
        textpage.close()
        page.close()
    document.close()


def test_a_character_box_is_read_in_one_call_as_its_four_fields():
    """The reader unpacks PDFium's FS_RECTF as four C floats, left, top, right, bottom: the
    structure pypdfium2 declares must be laid out so."""
    import ctypes

    import pypdfium2.raw as raw

    from auditlint.readers.pdf import _CORNERS

    assert [(name, kind) for name, kind in raw.FS_RECTF._fields_] == [
        ("left", ctypes.c_float), ("top", ctypes.c_float), ("right", ctypes.c_float), ("bottom", ctypes.c_float)]
    box = raw.FS_RECTF(94.104, 712.5, 100.0625, 700.1)
    assert _CORNERS(box) == (box.left, box.top, box.right, box.bottom)
