"""Word and Excel input (issue 26): the samples written again as .docx and .xlsx give the text
samples' findings, each at the paragraph or cell a person opens; what a workbook hides, rounds
away or never computed is handled as a reviewer expects; bad files are refused with a reason."""
from __future__ import annotations

import io
import json
import zipfile
from collections import Counter
from pathlib import Path

import pytest
import regex

from auditlint.readers import read_source
from auditlint.readers.numformat import shown
from auditlint.readers.text import UnreadableError
from tests.conftest import SAMPLES
from tests.office import figures, sample_docx, sample_xlsx

PLANTED = SAMPLES / "planted_budget_2025.txt"
PROOFREADING = SAMPLES / "proofreading_2024.txt"
WORD_PLACE = regex.compile(r"^(?:¶\d+|T\d+!R\d+C\d+)$")
SHEET_PLACE = regex.compile(r"^[^!]+![A-Z]+\d+$")
# The planted slips of the narrative (samples/README.md, lines 17 to 63, and the suppression
# comment of line 232): a workbook of the tables has none of them.
NARRATIVE_LINES = {17, 39, 41, 53, 57, 63, 232}


def findings_of(cli, *paths: Path) -> list[dict]:
    return json.loads(cli("--format", "json", "--lang", "en", "--min-level", "note", *paths).stdout)["findings"]


def what(finding: dict) -> tuple:
    """What a finding says, wherever it is: its rule, level and the figures of its message."""
    return finding["rule"], finding["level"], tuple(figures(finding["message"]["en"]))


@pytest.fixture
def planted_docx(tmp_path) -> Path:
    return sample_docx(PLANTED.read_text(encoding="utf-8"), tmp_path / "planted.docx")


@pytest.fixture
def planted_xlsx(tmp_path) -> Path:
    return sample_xlsx(PLANTED.read_text(encoding="utf-8"), tmp_path / "planted.xlsx")


@pytest.mark.parametrize("sample", [PLANTED, PROOFREADING])
def test_a_sample_written_in_word_gives_its_findings_at_paragraphs_and_table_cells(cli, tmp_path, sample):
    text = findings_of(cli, sample)
    word = findings_of(cli, sample_docx(sample.read_text(encoding="utf-8"), tmp_path / "sample.docx"))
    assert Counter(map(what, word)) == Counter(map(what, text))
    places = [f["location"]["anchor"] for f in word] + [r["location"]["anchor"] for f in word for r in f["related"]]
    assert all(WORD_PLACE.match(place) for place in places), places
    # no message names a line of the text as read, which Word does not show
    assert not [f["message"]["en"] for f in word if regex.search(r"\bline \d", f["message"]["en"])]


def test_the_planted_slips_in_word_are_where_the_sample_puts_them(cli, planted_docx):
    found = {(f["rule"], f["location"]["anchor"]) for f in findings_of(cli, planted_docx)}
    # line 17 is the body's 9th paragraph (the title, 第一部分, 一、, its text, 二、, its text,
    # 第二部分, 一、 come before it); 表2 is the second Word table, its 15th row 2101103 and its
    # third column 合计; 表3's row 2101103 is its 16th (two header rows)
    assert ("percentage", "¶9") in found
    assert ("cross-table", "T2!R15C3") in found and ("cross-table", "T2!R15C4") in found
    assert ("sum-of-children", "T2!R13C3") in found  # 21011 行政事业单位医疗, row 13
    cross = next(f for f in findings_of(cli, planted_docx) if f["rule"] == "cross-table")
    assert [r["location"]["anchor"] for r in cross["related"]] == ["T3!R16C3"]


def test_a_workbook_of_the_tables_gives_the_tables_findings_at_their_cells(cli, planted_xlsx):
    text = [f for f in findings_of(cli, PLANTED) if f["location"]["line"] not in NARRATIVE_LINES]
    excel = findings_of(cli, planted_xlsx)
    assert Counter(map(what, excel)) == Counter(map(what, text))
    assert len(excel) == 8  # sums and cross-table (表2, 表3), the 申报表's budget twice, the two form rules
    assert all(SHEET_PLACE.match(f["location"]["anchor"]) for f in excel)
    found = {(f["rule"], f["location"]["anchor"]) for f in excel}
    # sheet 表2: caption, title, unit, header, then 合计 on row 5 … 21011 on row 16, 2101103 on row 18
    assert {("sum-of-children", "表2!C16"), ("sum-of-children", "表2!D16"),
            ("cross-table", "表2!C18"), ("cross-table", "表2!D18")} <= found
    # sheet 表11: caption, title, unit, 项目名称, 项目总预算 (row 5: 56.28 in B5), the text in B6
    budget = next(f for f in excel if f["rule"] == "text-vs-table" and "56.82" in f["message"]["en"])
    assert budget["location"]["anchor"] == "表11!B6"
    assert [r["location"]["anchor"] for r in budget["related"]] == ["表11!E5"]


def test_the_clean_sample_is_clean_in_word_and_in_excel(cli, tmp_path):
    clean = (SAMPLES / "clean_budget_2025.txt").read_text(encoding="utf-8")
    for path in (sample_docx(clean, tmp_path / "clean.docx"), sample_xlsx(clean, tmp_path / "clean.xlsx")):
        result = cli("--lang", "en", "--min-level", "note", path)
        assert result.exit_code == 0 and "clean (16 tables" in " ".join(result.stdout.split()), result.stdout


def test_every_report_names_the_cell_and_the_sarif_is_schema_valid(cli, shared, planted_xlsx, planted_docx):
    import jsonschema

    text = cli("--lang", "en", planted_xlsx).stdout
    assert f"{planted_xlsx}:表2!C18: error cross-table" in text and "表3!C19" in text
    log = json.loads(cli("--format", "sarif", "--lang", "en", planted_xlsx, planted_docx).stdout)
    schema = json.loads((shared / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    assert sorted(jsonschema.Draft4Validator(schema).iter_errors(log), key=str) == []
    results = log["runs"][0]["results"]
    cross = next(r for r in results if r["ruleId"] == "cross-table" and r["locations"][0]["physicalLocation"]
                 ["artifactLocation"]["uri"].endswith("xlsx"))
    assert cross["locations"][0]["logicalLocations"][0] == {
        "name": "C18", "fullyQualifiedName": "表2!C18", "kind": "element", "properties": {"container": "表2"}}
    assert cross["relatedLocations"][0]["logicalLocations"][0]["fullyQualifiedName"] == "表3!C19"
    github = cli("--format", "github", "--lang", "en", planted_docx).stdout
    assert any(line.startswith("::error file=") and "title=auditlint percentage (¶9)" in line and "line=" not in line
               for line in github.splitlines())


def test_show_numbers_the_lines_read_with_the_place_each_starts_at(cli, planted_xlsx):
    shown = cli("show", "--text", planted_xlsx).stdout
    assert regex.search(r"\n\s*\d+ p3  表2!A16  21011\t行政事业单位医疗\t65\.17\t65\.17\n", shown), shown[:2000]


def test_the_html_report_shows_the_place_and_the_lines_read(cli, tmp_path, planted_xlsx):
    out = tmp_path / "report.html"
    cli("--format", "html", "--output", out, planted_xlsx)
    page = out.read_text(encoding="utf-8")
    assert "表2!C18 · " in page and '<pre class="context">' in page and "<img" not in page
    assert '<mark class="stated">28.54</mark>' in page


def _workbook(path: Path, build) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    build(book)
    book.save(str(path))
    return path


def _spending_table(sheet, total: object = 100.0) -> None:
    sheet.title = "支出总表"
    sheet.append(["2025年部门支出总表"])
    sheet.merge_cells("A1:E1")
    sheet.append(["单位：万元"])
    sheet.append(["科目编码", "科目名称", "合计", "基本支出", "项目支出"])
    sheet.append(["", "合计", total, 60.0, 40.0])
    sheet.append(["201", "一般公共服务支出", 100.0, 60.0, 40.0])
    sheet.append(["20101", "人大事务", 70.0, 60.0, 10.0])
    sheet.append(["20102", "政协事务", 30.0, 0.0, 30.0])
    for row in sheet.iter_rows(min_row=4, min_col=3):
        for cell in row:
            cell.number_format = "#,##0.00"


def test_a_formula_never_recalculated_is_unknown_not_zero(cli, tmp_path):
    path = _workbook(tmp_path / "t.xlsx", lambda book: _spending_table(book.active, "=SUM(C6:C7)"))
    findings = findings_of(cli, path)
    # no sum is judged on the blank 合计: a warning "合计 is blank" would be false, and so would
    # any error against 0
    assert [(f["rule"], f["level"], f["location"]["anchor"]) for f in findings] == [("reading-note", "note", "支出总表!C4")]
    assert "1 formula with no computed value (C4): the file was never recalculated" in findings[0]["message"]["en"]
    assert "文件从未重新计算过" in findings[0]["message"]["zh"]
    # the same table with its total typed in is checked (the control: the row is read when known)
    wrong = _workbook(tmp_path / "w.xlsx", lambda book: _spending_table(book.active, 110.0))
    assert "sum-of-children" in {f["rule"] for f in findings_of(cli, wrong)}


def test_a_formula_error_is_an_unknown_figure_not_words_of_the_label(cli, tmp_path):
    def build(book):
        _spending_table(book.active)
        book.active["C6"] = "#DIV/0!"  # as a formula's cached error value is stored
    path = _workbook(tmp_path / "t.xlsx", build)
    findings = findings_of(cli, path)
    assert [(f["rule"], f["location"]["anchor"]) for f in findings] == [("reading-note", "支出总表!C6")]
    assert "1 cell shows a formula error (#DIV/0! C6): these figures are unknown" in findings[0]["message"]["en"]


def test_figures_are_compared_as_displayed_and_the_hidden_decimals_are_remarked(cli, tmp_path):
    def build(book):
        _spending_table(book.active)
        book.active["D6"] = 60.004  # shows 60.00; the parts 60.00 + 0.00 still add up to 60.00 as shown
        book.active["D6"].number_format = "#,##0.00"
    findings = findings_of(cli, _workbook(tmp_path / "t.xlsx", build))
    assert [(f["rule"], f["location"]["anchor"]) for f in findings] == [("reading-note", "支出总表!D6")]
    assert "holds 60.004, shown 60.00): compared as shown" in findings[0]["message"]["en"]


def test_hidden_rows_columns_and_sheets_are_not_read_and_say_so(cli, tmp_path):
    def build(book):
        _spending_table(book.active)
        sheet = book.active
        sheet.append(["20103", "草稿行", 999.0, 999.0, 0.0])  # would break every sum if read
        sheet.row_dimensions[8].hidden = True
        sheet["F3"], sheet["F4"] = "备注", 12345.0
        sheet.column_dimensions["F"].hidden = True
        draft = book.create_sheet("底稿")
        draft.append(["一般公共服务支出", 1.0])
        draft.sheet_state = "hidden"
    path = _workbook(tmp_path / "t.xlsx", build)
    source = read_source(str(path))
    assert "草稿行" not in "\n".join(line.text for line in source.lines) and "12345" not in "\n".join(
        line.text for line in source.lines)
    findings = findings_of(cli, path)
    assert {f["rule"] for f in findings} == {"reading-note"}
    messages = sorted(f["message"]["en"] for f in findings)
    assert messages == ["hidden sheets were not read: 底稿 (hidden content is not published)",
                        "sheet 支出总表: hidden row 8, column F not read (hidden content is not published)"]


def test_merged_cells_numbers_stored_as_text_and_wan_yuan_templates_read_as_shown(tmp_path):
    def build(book):
        sheet = book.active
        sheet.title = "表 1"  # a name with a space is quoted in a reference
        sheet.append(["2025年部门支出总表"])
        sheet.merge_cells("A1:D1")
        sheet.append(["科目名称", "合计", "金额（万元）", None])
        sheet.merge_cells("C2:D2")
        sheet.append(["人大事务", " 1,809.22 ", 18092237, 0.0])
        sheet["C3"].number_format = "0!.0000"  # 元 shown as 万元: 1809.2237
        sheet["D3"].number_format = '_ * #,##0.00_ ;_ * -#,##0.00_ ;_ * "-"??_ ;_ @_ '
    source = read_source(str(_workbook(tmp_path / "t.xlsx", build)))
    lines = [line for line in source.lines if not line.is_blank]
    assert [line.layout for line in lines] == ["prose", "grid", "grid"]
    assert lines[0].text == "2025年部门支出总表"  # a merged title: one cell, read once
    assert [c.text for c in lines[1].cells] == ["科目名称", "合计", "金额（万元）"]  # its merge's second column blank
    assert [c.text for c in lines[2].cells] == ["人大事务", "1,809.22", "1809.2237", "-"]
    assert [c.location.anchor for c in lines[2].cells] == ["'表 1'!A3", "'表 1'!B3", "'表 1'!C3", "'表 1'!D3"]


@pytest.mark.parametrize("value, code, text, hides", [
    (1809.2237, "#,##0.00", "1,809.22", True),
    (1809.22, "0.00", "1809.22", False),
    (2.675, "0.00", "2.68", True),          # Excel rounds the decimal value, not the binary one
    (0.1 + 0.2, "General", "0.3", False),
    (-12.5, "#,##0.00;[Red]-#,##0.00", "-12.50", False),
    (0.07923, "0.00%", "7.92%", True),
    (1234567, "#,##0,", "1,235", True),      # a comma after the digits: in thousands
    (18092237, "0!.0000", "1809.2237", False),
    (0, '_ * #,##0.00_ ;_ * -#,##0.00_ ;_ * "-"??_ ;_ @_ ', "-", False),
    (1809.22, '#,##0.00"万元"', "1,809.22万元", False),
    (12.5, "0.0#", "12.5", False),
])
def test_numbers_render_as_excel_shows_them(value, code, text, hides):
    assert shown(value, code).text == text and shown(value, code).hides_digits is hides


@pytest.mark.parametrize("code", ["0.00E+00", "# ?/?", "[>100]0.00", "yyyy-mm-dd"])
def test_formats_not_rendered_fall_back_to_the_value(code):
    assert shown(3, code) is None


def test_word_merged_cells_hidden_text_tabs_and_deletions(tmp_path):
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    document.add_paragraph("项目\t金额")  # words set apart by tabs: a row of cells
    paragraph = document.add_paragraph("支出合计100.00万元")
    paragraph.add_run("（内部草稿）").font.hidden = True
    paragraph._p.append(parse_xml(f'<w:del {nsdecls("w")} w:id="1" w:author="x"><w:r><w:delText>已删</w:delText></w:r></w:del>'))
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "收入"
    table.cell(0, 2).text = "支出"
    table.cell(1, 0).merge(table.cell(2, 0)).text = "合计"
    table.cell(1, 1).text, table.cell(2, 1).text = "10.00", "20.00"
    path = tmp_path / "t.docx"
    document.save(str(path))
    source = read_source(str(path))
    lines = [line for line in source.lines if not line.is_blank]
    assert [c.text for c in lines[0].cells] == ["项目", "金额"] and lines[0].layout == "grid"
    assert lines[1].text == "支出合计100.00万元"  # no hidden run, no deletion
    assert [c.location.anchor for c in lines[1].cells] == ["¶2"]
    assert [[c.text for c in line.cells] for line in lines[2:]] == [["收入", "", "支出"], ["合计", "10.00", ""],
                                                                  ["", "20.00", ""]]
    assert [c.location.anchor for c in lines[3].cells] == ["T1!R2C1", "T1!R2C2", "T1!R2C3"]
    [remark] = source.remarks
    assert remark.location.anchor == "¶2" and "hidden" in remark.en


def _zip(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return buffer.getvalue()


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504


@pytest.mark.parametrize("name, data, reason", [
    # what Office writes for a file with a password: an OLE compound file whose directory names
    # the EncryptedPackage stream (UTF-16)
    ("locked.xlsx", OLE + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 64, "encrypted Excel file: it needs a password"),
    ("old.docx", OLE + "WordDocument".encode("utf-16-le") + b"\x00" * 64, "an old binary Word file (.doc) named .docx"),
    ("cut.docx", b"PK\x03\x04\x14\x00\x00\x00" + b"\x00" * 40, "not a readable .docx file (damaged, or not a Word file)"),
    ("macro.xlsm", b"PK\x03\x04", "macro-enabled file (.xlsm): auditlint does not open files that carry macros"),
    ("renamed.xlsx", _zip({"[Content_Types].xml": b"<Types/>", "xl/vbaProject.bin": b"\x00"}), "(it holds a VBA project)"),
    ("nothing.xlsx", _zip({"[Content_Types].xml": b"<Types/>"}), "not a readable .xlsx file"),
    ("wrong.docx", _zip({"[Content_Types].xml": b"<Types/>"}), "not a readable .docx file"),
])
def test_bad_office_files_are_refused_with_a_reason_and_the_others_still_linted(cli, tmp_path, name, data, reason):
    (tmp_path / name).write_bytes(data)
    result = cli("--lang", "en", tmp_path / name, PLANTED)
    assert result.exit_code == 2
    assert f"{tmp_path / name}: " in result.stderr and reason in result.stderr, result.stderr
    assert "Traceback" not in result.stderr and f"{PLANTED}:17:71: error percentage" in result.stdout


def test_a_zip_bomb_is_refused_by_its_declared_size_before_it_is_parsed(cli, tmp_path):
    bomb = tmp_path / "bomb.xlsx"
    bomb.write_bytes(_zip({"[Content_Types].xml": b"<Types/>", "xl/worksheets/sheet1.xml": b" " * (20 << 20)}))
    assert bomb.stat().st_size < 200_000  # 20 MB of XML packed small
    result = cli("--lang", "en", "--max-memory", "64", bomb)
    assert result.exit_code == 2
    assert "its parts unpack to 20 MB, more than the memory limit of 64 MB allows" in result.stderr
    with pytest.raises(UnreadableError, match="zip bomb"):
        read_source(str(bomb), {"max_memory": 64})


def test_a_folder_walk_reads_word_and_excel_files(tmp_path, planted_xlsx):
    from auditlint.engine import collect_files

    (tmp_path / "notes.et").write_bytes(b"x")
    files, errors, unsupported = collect_files([str(tmp_path)])
    assert files == [str(planted_xlsx)] and errors == [] and unsupported == [str(tmp_path / "notes.et")]
