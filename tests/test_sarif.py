"""SARIF 2.1.0: valid against the official schema, with rules, regions, related locations and
fingerprints that do not depend on line numbers."""
from __future__ import annotations

import json

import pytest

from tests.conftest import SAMPLES, seed_path

PLANTED = SAMPLES / "planted_budget_2025.txt"


def sarif_of(cli, *args) -> dict:
    return json.loads(cli("--format", "sarif", "--lang", "en", *args).stdout)


def validator(shared):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((shared / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    return jsonschema.Draft4Validator(schema)


def test_results_carry_rule_level_region_related_and_fingerprint(cli):
    log = sarif_of(cli, PLANTED)
    assert log["version"] == "2.1.0"
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert {"id", "name", "shortDescription", "fullDescription", "help"} <= set(rules[0])
    result = next(r for r in run["results"] if r["ruleId"] == "duplicate-sentence")
    assert rules[result["ruleIndex"]]["id"] == "duplicate-sentence"
    assert result["level"] == "error"
    region = result["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (39, 48)
    assert region["endColumn"] > region["startColumn"]
    related = result["relatedLocations"][0]["physicalLocation"]["region"]
    assert (related["startLine"], related["startColumn"]) == (39, 21)
    assert len(result["partialFingerprints"]["auditlint/v1"]) == 32


def test_planted_sample_report_is_schema_valid(cli, shared):
    errors = sorted(validator(shared).iter_errors(sarif_of(cli, PLANTED)), key=str)
    assert errors == []


def test_seed_000_report_is_schema_valid_and_has_the_repeated_sentence(cli, shared):
    log = sarif_of(cli, seed_path(shared, 0))
    assert sorted(validator(shared).iter_errors(log), key=str) == []
    [result] = [r for r in log["runs"][0]["results"] if r["ruleId"] == "duplicate-sentence"]
    assert result["locations"][0]["physicalLocation"]["region"]["startLine"] == 173
    assert result["relatedLocations"][0]["physicalLocation"]["region"]["startLine"] == 171


def test_unreadable_files_are_schema_valid_notifications(cli, shared, tmp_path):
    missing = tmp_path / "缺失.txt"
    log = sarif_of(cli, missing, PLANTED)
    assert sorted(validator(shared).iter_errors(log), key=str) == []
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert "no such file" in invocation["toolExecutionNotifications"][0]["message"]["text"]


def test_a_pdf_finding_carries_its_page_and_table_row_and_column(cli, shared, tmp_path):
    pytest.importorskip("reportlab")
    from tests.pdfs import table_pdf
    # 201's 合计 printed 1,501.37 where its row, its 项 and the table's 合计 all make 1,510.37: one slip.
    rows = [("", "合计", "1,510.37", "683.97", "826.40"), ("201", "一般公共服务支出", "1,501.37", "683.97", "826.40"),
            ("2010301", "行政运行", "683.97", "683.97", ""), ("2010302", "一般行政管理事务", "826.40", "", "826.40")]
    pdf = table_pdf(tmp_path / "t.pdf", "部门支出总表", ("科目编码", "科目名称", "合计", "基本支出", "项目支出"),
                    rows, [50, 110, 260, 340, 420])
    log = sarif_of(cli, "--select", "sum-of-children", pdf)
    assert sorted(validator(shared).iter_errors(log), key=str) == []
    results = [r for r in log["runs"][0]["results"] if r["level"] == "error"]
    places = {tuple(r["locations"][0]["logicalLocations"][0]["properties"].values()) for r in results}
    assert ("部门支出总表", "201", "合计") in places
    assert {r["properties"]["page"] for r in results} == {1}
