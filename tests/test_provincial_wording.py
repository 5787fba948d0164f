"""The wording of the provincial template (Jiangsu's 2017-2019 情况说明, published apart from their
tables): a class named with its level (一般公共服务（类）支出), totals named 收入预算总计, 本年支出
预算合计 and 收入、支出预算总计. Each is linked to the table figure it restates, in a narrative
linted with its tables as one document."""
from __future__ import annotations

from auditlint.parse import parse_documents
from auditlint.parse.claims import FIGURE
from auditlint.readers.text import read_text

NARRATIVE = """滨江市水务局2018年度部门预算公开

一、收支预算总体情况说明
滨江市水务局2018年度收入、支出预算总计1,200.00万元。
（一）收入预算总计1,200.00万元。
（二）支出预算总计1,200.00万元。包括：
1．农林水（类）支出1,000.00万元，主要用于河道管护。
2．住房保障支出（类）200.00万元，主要用于住房公积金。
二、收入预算情况说明
滨江市水务局本年收入预算合计1,200.00万元。
三、支出预算情况说明
滨江市水务局本年支出预算合计1,200.00万元，其中：基本支出500.00万元，占41.67%；项目支出700.00万元，占58.33%。
"""

TABLES = """收支预算总表
部门：滨江市水务局\t单位：万元
收入\t\t支出\t
项目名称\t金额\t项目名称\t金额
一、一般公共预算\t1,200.00\t一、农林水支出\t1,000.00
\t\t二、住房保障支出\t200.00
当年收入小计\t1,200.00\t当年支出小计\t1,200.00
收入合计\t1,200.00\t支出合计\t1,200.00

支出预算总表
部门：滨江市水务局\t单位：万元
科目编码\t科目名称\t合计\t基本支出\t项目支出
\t合计\t1,200.00\t500.00\t700.00
213\t农林水支出\t1,000.00\t300.00\t700.00
21303\t水利\t1,000.00\t300.00\t700.00
2130301\t行政运行\t300.00\t300.00\t
2130306\t水利工程运行与维护\t700.00\t\t700.00
221\t住房保障支出\t200.00\t200.00\t
22102\t住房改革支出\t200.00\t200.00\t
2210201\t住房公积金\t200.00\t200.00\t

财政拨款收支预算总表
部门：滨江市水务局\t单位：万元
收入\t\t支出\t
项目\t金额\t项目\t金额
一、一般公共预算\t1,200.00\t一、基本支出\t500.00
\t\t二、项目支出\t700.00
收入合计\t1,200.00\t支出合计\t1,200.00
"""


def linked() -> dict[tuple[int, str], str]:
    doc = parse_documents([read_text("n.txt", NARRATIVE.encode()), read_text("t.txt", TABLES.encode())])
    return {(link.amount.location.line, link.subject): link.amount.text for link in doc.facts.links if link.linked}


def test_a_class_named_with_its_level_is_linked_to_its_row():
    found = linked()
    assert found[(7, "农林水支出")] == "1,000.00"
    assert found[(8, "住房保障支出")] == "200.00"


def test_the_templates_totals_are_linked():
    found = {line for line, _ in linked()}
    assert {4, 5, 6, 10, 12} <= found  # 收入、支出预算总计, 收入预算总计, 支出预算总计, 本年收入/支出预算合计


def test_total_and_sum_keep_their_ji_while_ji_alone_is_a_verb():
    subjects = [m.group("subject") for m in FIGURE.finditer("支出预算总计1,200.00万元，收入合计1,200.00万元，项目计12.00万元")]
    assert subjects == ["支出预算总计", "收入合计", "项目"]
