"""The `reading-note` rule: what the reader of a Word or Excel file did that a reviewer should know."""
from __future__ import annotations

from typing import Iterator

from auditlint.agreement import Options
from auditlint.findings import Finding, Level, Message
from auditlint.model import Document


class ReadingNote:
    """Content of a Word or Excel file read otherwise than the file holds it, or not read.

    What it checks: nothing of the figures; it reports what the reader of an office file did
    that changes what the other rules saw. Hidden rows, columns and sheets of a workbook, and
    text formatted hidden in a Word document, are not read (hidden content is not published).
    A number whose cell shows fewer decimals than the file holds (1809.2237 formatted
    `#,##0.00` shows 1,809.22) is compared as shown. A formula with no computed value (a
    workbook written by a program and never opened in Excel or WPS) is an unknown figure, not
    a zero: no sum uses its row, and the note names its cells.

    Why it matters: a reviewer checks the document people will read. A hidden row that is still
    in the sums, figures that only add up with the decimals nobody sees, or a total that is blank
    until the file is recalculated, each changes what can be said of the document; the note says
    what was and was not checked.

    Example (tests/test_readers_office.py): a workbook whose 合计 row is `=SUM(C5:C6)` written
    by a program and never opened in Excel: `tables.xlsx:支出总表!C4: note reading-note sheet
    支出总表: 1 formula with no computed value (C4): the file was never recalculated …`, and no
    sum of the table is judged on its blank.

    Suppress: `--ignore reading-note`, or a baseline; recalculating and saving the workbook, or
    deleting the hidden rows, makes the note go away.
    """

    id = "reading-note"
    level = Level.NOTE
    summary_zh = "Word 或 Excel 文件中未读取或未按文件原值读取的内容（隐藏内容、显示的小数位、未计算的公式）"
    explain_zh = """
        检查内容：不核对数字，只说明读取 Word、Excel 文件时做了什么：工作簿中隐藏的行、列和工作表，
        以及 Word 中设为隐藏的文字，不读取（隐藏的内容不会公开）；单元格显示的小数位少于文件中存的值时
        （如 1809.2237 设为 `#,##0.00` 显示为 1,809.22），按显示的数字核对；没有计算结果的公式
        （由程序生成、从未在 Excel 或 WPS 中打开过的工作簿）视为未知的数字，而不是 0，其所在行不参与合计核对。

        为什么重要：审核的是读者将看到的文件。隐藏行仍计入合计、只有加上看不见的小数位才对得上的数字、
        需要重新计算才有值的合计，都会改变核对的结论；本提示说明哪些内容核对了，哪些没有。

        如何抑制：`--ignore reading-note` 或基线；在 Excel 或 WPS 中重新计算并保存，或删除隐藏行后，
        提示即消失。
    """

    def check(self, doc: Document, options: Options) -> Iterator[Finding]:
        for remark in (remark for source in doc.sources for remark in source.remarks):
            yield Finding(
                rule=self.id,
                level=self.level,
                message=Message(remark.zh, remark.en),
                location=remark.location,
                logical=f"reading-note:{remark.kind}:{remark.location.anchor}",
            )
