"""department-name: a department's second name, in brackets, written two ways."""
from __future__ import annotations

import pytest

from auditlint.agreement import Options
from auditlint.checks.department_name import DepartmentName
from auditlint.findings import Level
from auditlint.parse import parse_document
from auditlint.readers.text import read_text
from tests.conftest import SAMPLES


def findings(text: str):
    return list(DepartmentName().check(parse_document(read_text("d.txt", text.encode())), Options()))


COVER = "{cover}2026年部门预算\n\n一、部门概况\n\n{usual}负责全区行政审批。\n\n部门：{usual}\t单位：万元\n"


def test_a_second_name_written_two_ways_is_a_warning_where_the_rarer_is_first_printed():
    [finding] = findings(COVER.format(cover="某区行政审批局（某区政务服务中心）", usual="某区行政审批局（某区政务服务局）"))
    assert (finding.level, finding.location.line, finding.stated, finding.expected) == (
        Level.WARNING, 1, "某区政务服务中心", "某区政务服务局")
    assert finding.related[0].location.line == 5


def test_one_second_name_throughout_and_a_list_of_units_give_nothing():
    assert findings(COVER.format(cover="某区行政审批局（某区政务服务局）", usual="某区行政审批局（某区政务服务局）")) == []
    units = "某区教育局（某区教育基金会）\n某区教育局（某区招生考试院）\n某区教育局（某区教研中心）\n"
    assert findings(units) == []


def test_the_proofreading_sample_has_its_planted_slip():
    [finding] = findings((SAMPLES / "proofreading_2024.txt").read_text(encoding="utf-8"))
    assert (finding.location.line, finding.stated) == (1, "临港区政务数据中心")


def test_a_second_name_written_two_ways_across_the_files_of_one_document():
    from auditlint.parse import parse_documents

    narrative = read_text("n.txt", "某区行政审批局（某区政务服务中心）2026年部门预算\n\n一、部门概况\n".encode())
    tables = read_text("t.txt", "部门：某区行政审批局（某区政务服务局）\t单位：万元\n部门：某区行政审批局（某区政务服务局）\n".encode())
    [finding] = DepartmentName().check(parse_documents([narrative, tables]), Options())
    assert (finding.location.path, finding.stated, finding.expected) == ("n.txt", "某区政务服务中心", "某区政务服务局")
    assert finding.related[0].location.path == "t.txt"


@pytest.mark.parametrize("text", ["武汉市洪山区行政审批局（武汉市洪山区政务服务局）", "2024年度临港区管理委员会(临港区人民政府)部门决算",
                                  "某某市档案局（某某市档案中心）", "深圳城市职业学院（深圳技师学院）"])
def test_the_quick_test_before_the_name_pattern_passes_every_name_it_finds(text):
    from auditlint import domain
    assert domain.NAME_WITH_SECOND.search(text) and domain.BODY_BEFORE_BRACKET.search(text)
    assert not domain.BODY_BEFORE_BRACKET.search("收入预算（一般公共预算）")  # no body's name, no second name
