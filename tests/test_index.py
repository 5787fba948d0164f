"""The index (issue 28's, which grouping stands on): each document's department, level, kind,
year and role from what it prints, never its file name; which files are one document, with
certainty; the uncertain candidates, listed and never used; departments across years and kinds;
units matched to the department that lists them."""
from __future__ import annotations

import pytest

from auditlint.domain.departments import department_key, is_name
from auditlint.index import Entry, group, series, units_listed
from auditlint.parse import parse_document
from auditlint.parse.profile import NARRATIVE, OTHER, TABLES, WHOLE, profile
from auditlint.readers.text import read_text
from tests.conftest import SHARED

SENTENCES = "2019年收入预算1,000.00万元，比上年增加100.00万元，增长11.11%。\n"
TABLE = "部门收支总表\n{header}\n收入\t\t支出\t\n项目\t预算数\t项目\t预算数\n本年收入合计\t1,000.00\t本年支出合计\t1,000.00\n"


def profiled(text: str, name: str = "some_file_name_2001.txt"):
    return profile(parse_document(read_text(name, text.encode("utf-8"))))


@pytest.mark.parametrize("names", [
    ("中国共产党江苏省委员会办公厅", "中共江苏省委办公厅", "江苏省委办公厅"),
    ("中国人民政治协商会议江苏省委员会办公厅", "江苏省政协办公厅"),
    ("北京市人民政府办公厅", "北京市政府办公厅"),
    ("深圳市公安局（本级）", "深圳市公安局", "深圳市 公安局"),
])
def test_every_printed_form_of_one_name_has_one_key(names):
    assert len({department_key(name) for name in names}) == 1


def test_two_bodies_keep_two_keys():
    assert department_key("江苏省委办公厅") != department_key("江苏省政协办公厅")
    assert department_key("北京市公安局") != department_key("北京市公安局交通管理局")


@pytest.mark.parametrize("text, expected", [
    ("江苏省政协办公厅", True), ("上海市统计和大数据研究院（上海市统计数据管理中心）", True), ("江苏省", False),
    ("万元", False), ("市级", False), ("上海水产老干部活动室", True),
])
def test_a_name_ends_in_an_organ_word(text, expected):
    assert is_name(text) is expected


def test_a_title_over_two_lines_names_the_department_before_its_year():
    found = profiled("江苏省政协办公厅 2019 年度\n部门预算公开\n\n一、收入预算情况\n" + SENTENCES)
    assert (found.department.name, found.department.origin) == ("江苏省政协办公厅", "title")
    assert (found.level, found.kind, found.year, found.role) == ("部门", "预算", 2019, NARRATIVE)


def test_a_title_names_the_department_after_its_year():
    found = profiled("2026年\n广州市司法局部门预算\n\n" + SENTENCES)
    assert found.department.name == "广州市司法局" and found.department.location.line == 2


def test_a_table_set_is_named_by_its_headers_not_by_the_unit_of_money():
    text = "收支预算总表\n" + TABLE.format(header="部门：中国共产党江苏省委员会办公厅\t单位：万元") + \
        "2019年政府采购预算表\n部门：中国共产党江苏省委员会办公厅\t单位：万元\n项目\t金额\n合计\t0.00\n"
    found = profiled(text)
    assert (found.department.name, found.department.origin) == ("中国共产党江苏省委员会办公厅", "tables")
    assert found.department.key == "江苏省委办公厅"
    assert (found.level, found.kind, found.year, found.role) == ("部门", "预算", 2019, TABLES)


def test_a_unit_budget_is_a_units_whatever_its_file_is_called():
    text = "上海市2026年市级单位预算\n预算单位：上海市花卉良种试验场\n\n" + TABLE.format(header="单位：万元") + SENTENCES
    found = profiled(text, "2026年上海市国有资产监督管理委员会部门预算.txt")
    assert (found.department.name, found.level, found.year, found.role) == ("上海市花卉良种试验场", "单位", 2026, WHOLE)


def test_a_narrative_without_a_named_title_is_named_by_its_own_sentences():
    text = "目录\n第二部分 2019 年度部门预算表\n\n江苏省政协办公厅 2019 年度收入、支出预算总计 1,000.00 万元。\n" + SENTENCES
    found = profiled(text)
    assert (found.department.name, found.department.origin, found.level) == ("江苏省政协办公厅", "narrative", "部门")


def test_a_file_with_neither_tables_nor_claims_is_other():
    found = profiled("关于召开部门预算编制工作会议的通知\n各科室：定于下周一开会。\n")
    assert found.role == OTHER and found.department is None


def entries(*rows) -> list[Entry]:
    """Entries from (path, department, role, year) with kind 预算 and level 部门."""
    return [Entry(path, department, "title", "部门", "预算", year, role) for path, department, role, year in rows]


def test_one_narrative_and_one_table_set_of_one_department_kind_and_year_in_one_folder_are_one_document():
    found = entries(("a/n.txt", "江苏省委办公厅", NARRATIVE, 2018), ("a/t.txt", "中共江苏省委办公厅", TABLES, 2018),
                    ("a/n17.txt", "江苏省委办公厅", NARRATIVE, 2017), ("b/t17.txt", "江苏省委办公厅", TABLES, 2017),
                    ("a/w.txt", "江苏省政协办公厅", WHOLE, 2018))
    grouping = group(found)
    assert grouping.documents == [("a/n.txt", "a/t.txt")]  # 2017's halves are in two folders
    assert grouping.uncertain == []


@pytest.mark.parametrize("rows, reason", [
    ((("a/n1.txt", "X局", NARRATIVE, 2018), ("a/n2.txt", "X局", NARRATIVE, 2018), ("a/t.txt", "X局", TABLES, 2018)),
     "2 narrative, 1 tables"),
    ((("a/w.txt", "X局", WHOLE, 2018), ("a/t.txt", "X局", TABLES, 2018)), "1 tables, 1 whole"),
    ((("a/n.txt", "", NARRATIVE, 2018), ("a/t.txt", "X局", TABLES, 2018)), "its department not read"),
    ((("a/n.txt", "市X局", NARRATIVE, 2018), ("a/t.txt", "滨江市X局", TABLES, 2018)), "names differ: 市X局 / 滨江市X局"),
])
def test_an_uncertain_grouping_is_listed_and_not_used(rows, reason):
    grouping = group(entries(*rows))
    assert grouping.documents == []
    [candidate] = grouping.uncertain
    assert reason in candidate.reason and set(candidate.paths) == {row[0] for row in rows}


def test_a_pair_another_file_may_belong_to_is_uncertain_too():
    rows = (("a/n.txt", "滨江市X局", NARRATIVE, 2018), ("a/t.txt", "滨江市X局", TABLES, 2018),
            ("a/n2.txt", "", NARRATIVE, 2018))
    grouping = group(entries(*rows))
    assert grouping.documents == []
    assert {(u.paths, u.reason) for u in grouping.uncertain} == {
        (("a/n.txt", "a/t.txt"), "another file may belong with them"), (("a/n2.txt", "a/t.txt"), "its department not read")}


def test_levels_in_conflict_are_no_document():
    found = [Entry("a/n.txt", "X局", "title", "部门", "预算", 2018, NARRATIVE), Entry("a/t.txt", "X局", "tables", "单位", "预算", 2018, TABLES)]
    grouping = group(found)
    assert grouping.documents == [] and "of levels 单位 and 部门" in grouping.uncertain[0].reason


def test_a_department_is_matched_across_years_and_kinds_by_its_key():
    found = entries(("n18.txt", "中共江苏省委办公厅", NARRATIVE, 2018), ("n17.txt", "江苏省委办公厅", NARRATIVE, 2017),
                    ("x.txt", "江苏省政协办公厅", WHOLE, 2018))
    assert {key: [e.path for e in e_] for key, e_ in series(found).items()} == {
        "江苏省委办公厅": ["n17.txt", "n18.txt"], "江苏省政协办公厅": ["x.txt"]}


def test_a_unit_is_matched_to_the_department_that_lists_it():
    department = Entry("d.txt", "深圳市水务局", "title", "部门", "预算", 2026, WHOLE, units=("深圳市水务局（本级）", "深圳市水文水质中心"))
    unit = Entry("u.txt", "深圳市水文水质中心", "tables", "单位", "预算", 2026, WHOLE)
    named_after = Entry("v.txt", "深圳市水务局执法支队", "tables", "单位", "预算", 2026, WHOLE)
    listed, uncertain = units_listed([department, unit, named_after])
    assert listed == {"u.txt": [department]}
    assert [(u.paths, u.reason) for u in uncertain] == [
        (("v.txt", "d.txt"), "深圳市水务局执法支队 is named after 深圳市水务局, which lists no such unit")]


def test_an_entry_travels_as_json_data():
    entry = Entry("a.pdf", "X局", "title", "部门", "预算", 2018, NARRATIVE, 0, 3, ("Y中心",))
    assert Entry.from_data(entry.to_data()) == entry


def test_the_jiangsu_narratives_and_table_sets_are_grouped_per_year():
    if not (SHARED / "corpus" / "jiangsu").is_dir():
        pytest.skip("../shared/corpus is absent")
    from auditlint.engine import build_index

    found, errors = build_index([str(SHARED / "corpus" / "jiangsu")])
    assert errors == []
    by_path = {e.path.rsplit("/", 1)[-1]: e for e in found}
    grouping = group(found)
    assert grouping.uncertain == []
    pairs = {(by_path[n.rsplit("/", 1)[-1]].department, by_path[n.rsplit("/", 1)[-1]].year,
              n.rsplit("/", 1)[-1], t.rsplit("/", 1)[-1]) for n, t in grouping.documents}
    assert pairs == {
        ("江苏省委办公厅", 2017, "江苏省委办公厅2017年部门预算.pdf", "江苏省委办公厅2017年预算公开表格.pdf"),
        ("江苏省委办公厅", 2018, "江苏省委办公厅2018年度部门预算公开文件.pdf", "江苏省委办公厅2018年度部门预算公开表.pdf"),
        ("江苏省委办公厅", 2019, "江苏省委办公厅2019年度部门预算公开文件.pdf", "江苏省委办公厅2019年度部门预算公开表格.pdf"),
        ("江苏省政协办公厅", 2017, "江苏省政协办公厅2017年度部门预算.pdf", "江苏省政协办公厅2017年度部门预算公开表.pdf"),
        ("江苏省政协办公厅", 2018, "江苏省政协办公厅2018年度部门预算.pdf", "江苏省政协办公厅2018度部门预算公开表.pdf"),
        ("江苏省政协办公厅", 2019, "江苏省政协办公厅2019年度部门预算.pdf", "江苏省政协办公厅2019年预算公开表.pdf"),
    }
    # the table sets name the department 中共江苏省委办公厅 or 中国共产党江苏省委员会办公厅 in their headers
    assert {by_path[t.rsplit("/", 1)[-1]].origin for _, t in grouping.documents} == {"tables"}
