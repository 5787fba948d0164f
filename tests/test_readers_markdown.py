"""The Markdown reader: pipe tables become exact cells; other lines are text."""
from __future__ import annotations

from auditlint.model import GRID, PROSE
from auditlint.readers.markdown import read_markdown

DOC = """# 2025年部门预算

| 科目编码 | 科目名称 | 合计 |
|---|:---|---:|
| 201 | 一般公共服务支出 | 1,510.37 |
| 20103 | 政府办公厅（室）\\|相关 |  |

正文一句。
"""


def test_pipe_rows_become_cells_with_blanks_kept():
    source = read_markdown("d.md", DOC.encode())
    header, delimiter, row, blank_row = source.lines[2:6]
    assert [c.text for c in header.cells] == ["科目编码", "科目名称", "合计"]
    assert delimiter.layout == GRID and delimiter.cells == ()
    assert [c.text for c in row.cells] == ["201", "一般公共服务支出", "1,510.37"]
    assert [c.text for c in blank_row.cells] == ["20103", "政府办公厅（室）|相关", ""]
    amount = row.cells[2]
    assert row.text[amount.location.column - 1:amount.location.end_column - 1] == "1,510.37"


def test_prose_lines_are_prose():
    source = read_markdown("d.md", DOC.encode())
    assert source.lines[7].layout == PROSE
    assert source.lines[7].text == "正文一句。"
