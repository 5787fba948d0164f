"""Which money a narrative figure is about: the words of its own item of a list, else those of
the total the list is of; and a procurement paragraph's kinds held to the 政府采购预算表's rows."""
from __future__ import annotations

from auditlint.agreement import Options
from auditlint.checks.text_vs_table import TextVsTable
from auditlint.findings import Level
from auditlint.parse import parse_document
from auditlint.parse.context import sentence_scope
from auditlint.readers.text import read_text


def document(text: str):
    return parse_document(read_text("c.txt", text.encode("utf-8")))


def test_an_item_of_a_list_is_of_the_money_its_own_words_or_its_totals_name():
    income = "收入预算14,770.62万元，其中：一般公共预算拨款12,672.73万元，政府性基金预算拨款579.89万元，事业收入资金"
    assert sentence_scope(income) is None  # a sibling's 政府性基金 is not its money
    assert sentence_scope(income.partition("，政府性基金")[0].replace("12,672.73万元", "")) == "gpb"
    nested = ("政府采购预算总额712.49万元：政府采购货物预算486.50万元、政府采购服务预算225.99万元；"
              "其中一般公共预算拨款政府采购504.98万元：政府采购货物预算480.50万元、政府采购服务预算")
    assert sentence_scope(nested) == "gpb"
    assert sentence_scope(nested.partition("；")[0]) is None
    # a list whose total another sentence states: its items name their own money only
    assert sentence_scope("其中：一般公共预算拨款12,672.73万元，事业收入资金") is None
    # in a sentence of no list, the amount after a figure is of the money named before it
    assert sentence_scope("一般公共预算财政拨款支出12,672.73万元，比2025年增加") == "gpb"


PROCUREMENT = ("2026年政府采购预算明细表\n单位：万元\n项目编号\t项目\t总计\t一般公共预算拨款收入\t事业收入\n"
               "\t合计\t300.00\t200.00\t100.00\nA\t货物\t100.00\t50.00\t50.00\nC\t服务\t200.00\t150.00\t50.00\n\n")
NARRATIVE = ("政府采购预算总额300.00万元：政府采购货物预算100.00万元、政府采购工程预算0万元、政府采购服务预算{}万元；"
             "其中一般公共预算拨款政府采购200.00万元：政府采购货物预算50.00万元、政府采购服务预算150.00万元。\n\n")


def test_a_kind_of_procurement_is_held_to_the_procurement_tables_row():
    table = document(PROCUREMENT).tables[0]
    assert [(row.code, row.label) for row in table.rows] == [("", "合计"), ("A", "货物"), ("C", "服务")]
    links = {(link.subject, link.amount.text): link.linked for link in document(NARRATIVE.format("200.00") + PROCUREMENT).facts.links}
    assert links[("政府采购货物", "100.00")] and links[("政府采购服务", "200.00")]
    # 一般公共预算's share of a kind is no figure of the table's 总计 column
    assert not links[("政府采购货物", "50.00")] and not links[("政府采购服务", "150.00")]
    assert list(TextVsTable().check(document(NARRATIVE.format("200.00") + PROCUREMENT), Options())) == []
    [finding] = TextVsTable().check(document(NARRATIVE.format("210.00") + PROCUREMENT), Options())
    assert finding.level == Level.ERROR and (finding.stated, finding.expected) == ("210.00", "200.00")


def test_a_narrative_of_lines_narrower_than_an_annexs_is_read_in_paragraphs_of_its_own_measure():
    # The body's lines are of one measure; a landscape annex of forms prints wider ones with commas.
    body = ["  （二）政府采购情况。所属各预算单位政府采购预算总额 300.00 万元：政府采购货",
            "物预算 100.00 万元、政府采购工程预算 0 万元、政府采购服务预算 200.00 万元。"]
    filler = ["本部门认真贯彻落实各项决策部署，持续深化改革，强化预算管理，提高资金使用效益，推进工作。"] * 12
    annex = ["一是开展国土空间规划编制与实施管理重点专项工作，开展全市和跨区域国土空间开发利用保护的市级专项规划统筹，"
             "开展近期建设规划、韧性城市规划等重要规划工作。"] * 8
    text = "\n".join(filler + body + filler + annex) + "\n"
    [paragraph] = [b.text for b in document(text).blocks if hasattr(b, "sentences") and "政府采购预算总额" in b.text]
    assert "政府采购服务预算 200.00 万元。" in paragraph


def test_a_markdown_headings_money_is_its_sections():
    text = "# 2025年某局部门预算\n\n## （二）一般公共预算拨款结构情况\n\n基本支出60.00万元，占66.67%。\n"
    doc = parse_document(read_text("h.md", text.encode("utf-8")))
    assert set(doc.facts.sections.values()) == {"gpb"}
