"""The text reader: encodings decided per file, cells from tabs and gaps, pages from form feeds."""
from __future__ import annotations

import codecs

import pytest

from auditlint.model import GRID, POSITIONED, PROSE
from auditlint.readers.text import UnreadableError, decode, read_text

SAMPLE = "2025年收支总预算1809.22万元\n合计\t1,809.22\t\t826.40\n"


@pytest.mark.parametrize("encoding, prefix, expected", [
    ("utf-8", b"", "utf-8"),
    ("utf-8", codecs.BOM_UTF8, "utf-8-sig"),
    ("utf-16-le", codecs.BOM_UTF16_LE, "utf-16"),
    ("utf-16-be", codecs.BOM_UTF16_BE, "utf-16"),
    ("gb18030", b"", "gb18030"),
])
def test_each_encoding_gives_the_same_text(encoding, prefix, expected):
    text, used = decode(prefix + SAMPLE.encode(encoding))
    assert text == SAMPLE
    assert used == expected


def test_binary_noise_is_refused_with_a_reason():
    with pytest.raises(UnreadableError, match="binary"):
        decode(bytes(range(256)) * 4)


def test_bytes_valid_in_no_encoding_are_refused():
    with pytest.raises(UnreadableError, match="neither valid UTF-8 nor valid GB18030"):
        decode(b"\xff\xfe\xfd abc"[2:] + b"\x80\xff")


def test_tabs_make_cells_and_keep_empty_cells_in_place():
    source = read_text("t.txt", SAMPLE.encode())
    row = source.lines[1]
    assert row.layout == GRID
    assert [c.text for c in row.cells] == ["合计", "1,809.22", "", "826.40"]
    amount = row.cells[3]
    assert (amount.location.line, amount.location.column, amount.location.end_column) == (2, 14, 20)
    assert row.text[amount.location.column - 1:amount.location.end_column - 1] == "826.40"


def test_wide_gaps_make_cells_but_single_spaces_do_not():
    source = read_text("t.txt", "201 一般公共服务支出   3,225.90   707.28\n收支总预算 3523.09 万元\n".encode())
    first, second = source.lines
    assert [c.text for c in first.cells] == ["201 一般公共服务支出", "3,225.90", "707.28"]
    assert first.layout == POSITIONED
    assert (first.cells[1].x0, first.cells[1].x1) == (23, 31)  # 20 wide label + 3-space gap
    assert [c.text for c in second.cells] == ["收支总预算 3523.09 万元"]
    assert second.layout == PROSE


def test_ideographic_space_is_a_gap_but_leading_indentation_is_not():
    source = read_text("t.txt", "　　2010301 　　行政运行 707.28\n".encode())
    cells = source.lines[0].cells
    assert [c.text for c in cells] == ["2010301", "行政运行 707.28"]
    assert cells[0].location.column == 3


def test_form_feeds_start_pages_without_changing_line_numbers():
    source = read_text("t.txt", "第一页\r\n正文\n\f第二页\n\f\f第四页\n".encode())
    assert [(l.number, l.page, l.text) for l in source.lines] == [
        (1, 1, "第一页"), (2, 1, "正文"), (3, 2, "第二页"), (4, 4, "第四页"),
    ]
