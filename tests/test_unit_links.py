"""A narrative amount in a budget unit's section restates that unit's rows of the per-unit tables
(a department's 项目支出总表 prints a row per unit, its projects under it), not the department's."""
from __future__ import annotations

from auditlint.agreement import Options
from auditlint.checks.text_vs_table import TextVsTable
from auditlint.findings import Level
from auditlint.parse import parse_document
from auditlint.parse.figures import SEVERAL_AMOUNTS, UNIT_UNPRINTED
from auditlint.readers.text import read_text

# Two units; the department's row first, each unit's row over its projects (no codes).
PROJECTS = ("项目支出总表\n单位：万元\n单位名称（项目名称）\t总计\t一般公共预算拨款\t单位资金\n"
            "示范市环境保护局\t1,300.00\t1,200.00\t100.00\n"
            "示范市环境保护局（本级）\t1,000.00\t900.00\t100.00\n"
            "环境监测管理\t600.00\t600.00\t0.00\n"
            "污染防治专项\t400.00\t300.00\t100.00\n"
            "示范市环境监测中心\t300.00\t300.00\t0.00\n"
            "环境监测管理\t300.00\t300.00\t0.00\n\n")


def narrative(own_project: str = "1,000.00", other_monitoring: str = "300.00", third: str = "") -> str:
    return ("第三部分 部门预算支出具体情况\n"
            "一、示范市环境保护局（本级）\n"
            f"示范市环境保护局本级预算1,500.00万元，其中项目支出{own_project}万元。\n"
            "1.环境监测管理600.00万元，主要用于水质监测。\n"
            "2.污染防治专项400.00万元，主要用于污染治理。\n"
            "二、示范市环境监测中心\n"
            "示范市环境监测中心项目支出300.00万元。\n"
            f"1.环境监测管理{other_monitoring}万元，主要用于监测站运行。\n"
            f"{third}"
            "第四部分 政府采购预算情况\n"
            "本部门政府采购预算50.00万元。\n\n")


def document(text: str):
    return parse_document(read_text("u.txt", text.encode()))


def links(text: str) -> dict[tuple[int, str], object]:
    return {(link.amount.location.line, link.subject): link for link in document(text).facts.links}


def test_each_units_project_spending_links_to_its_own_row():
    found = links(narrative() + PROJECTS)
    own = found[(3, "项目支出 [示范市环境保护局（本级）]")]
    other = found[(7, "项目支出 [示范市环境监测中心]")]
    assert own.linked and [f.amount.text for f in own.facts] == ["1,000.00"]
    assert other.linked and [f.amount.text for f in other.facts] == ["300.00"]
    assert own.budget_unit == "示范市环境保护局（本级）"


def test_a_name_in_two_units_with_two_amounts_is_each_units_own():
    found = links(narrative() + PROJECTS)
    first = found[(4, "环境监测管理 [示范市环境保护局（本级）]")]
    second = found[(8, "环境监测管理 [示范市环境监测中心]")]
    assert first.linked and second.linked and SEVERAL_AMOUNTS not in (first.reason, second.reason)
    assert [f.amount.text for f in first.facts] == ["600.00"] and [f.amount.text for f in second.facts] == ["300.00"]


def test_a_mistyped_unit_figure_is_a_text_vs_table_error():
    assert list(TextVsTable().check(document(narrative() + PROJECTS), Options())) == []
    [error] = TextVsTable().check(document(narrative(own_project="1,100.00") + PROJECTS), Options())
    assert (error.stated, error.expected, error.level) == ("1,100.00", "1,000.00", Level.ERROR)
    [error] = TextVsTable().check(document(narrative(other_monitoring="360.00") + PROJECTS), Options())
    assert (error.stated, error.expected) == ("360.00", "300.00")


def test_the_units_section_ends_at_an_outer_heading():
    found = links(narrative() + PROJECTS)
    assert not any(link.budget_unit for (line, _), link in found.items() if line > 10)


def test_a_unit_of_no_row_is_not_linked_and_says_why():
    # a table by unit prints the third unit's 基本支出, the project table no row of it: its
    # 项目支出 is nowhere printed
    basic = ("一般公共预算基本支出表\n单位：万元\n科目编码\t科目名称\t合计\t人员经费\t公用经费\n"
             "\t示范市环境保护局\t600.00\t400.00\t200.00\n"
             "\t示范市环境保护局（本级）\t500.00\t300.00\t200.00\n"
             "301\t工资福利支出\t500.00\t300.00\t200.00\n"
             "\t示范市生态资料馆\t100.00\t100.00\t0.00\n"
             "301\t工资福利支出\t100.00\t100.00\t0.00\n\n")
    third = "三、示范市生态资料馆\n示范市生态资料馆项目支出20.00万元。\n"
    found = links(narrative(third=third) + PROJECTS + basic)
    link = next(link for (_, subject), link in found.items() if subject == "项目支出 [示范市生态资料馆]")
    assert (link.linked, link.reason) == (False, UNIT_UNPRINTED)


def test_a_text_opens_with_the_longest_unit_name_whole_or_from_its_place_level():
    from auditlint.parse.units import Units
    labels = {key: key for key in ("深圳市建筑工务署", "深圳市建筑工务署本级", "深圳市环境监测中心站", "广州市环境监测中心站")}
    units = Units(labels, frozenset(), {}, {})
    assert units.opening("深圳市建筑工务署本级预算100万元") == ("深圳市建筑工务署本级", "预算100万元")
    assert units.opening("市建筑工务署本级预算") == ("深圳市建筑工务署本级", "预算")  # the city dropped
    assert units.opening("建筑工务署预算") is None  # no level character to start from
    # two units of one shortened name: the first of them, as they are listed
    assert units.opening("市环境监测中心站项目支出") == ("深圳市环境监测中心站", "项目支出")
    assert units.opening("") is None and units.opening("示范局") is None
