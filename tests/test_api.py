"""The library API: `auditlint.lint(paths, **options)` runs what the command line runs."""
from __future__ import annotations

import pytest

import auditlint
from auditlint.config import ConfigError
from auditlint.result import LintResult

SLIP = "住房公积金87.39万元，主要是主要是人员异动。\n\n主要用于信息系统运维。。\n"


def test_lint_returns_the_findings_the_command_line_reports(tmp_path, cli):
    import json

    doc = tmp_path / "doc.txt"
    doc.write_text(SLIP, encoding="utf-8")
    result = auditlint.lint(doc)
    assert isinstance(result, LintResult)
    assert result.files == [str(doc)] and result.errors == []
    expected = json.loads(cli("--format", "json", doc).stdout)["findings"]
    assert [f.fingerprint for f in result.findings] == [f["fingerprint"] for f in expected]


def test_lint_takes_the_command_line_options_by_name(tmp_path):
    doc = tmp_path / "doc.txt"
    doc.write_text(SLIP, encoding="utf-8")
    assert {f.rule for f in auditlint.lint([str(doc)], select="punctuation").findings} == {"punctuation"}
    assert {f.rule for f in auditlint.lint(tmp_path, ignore=["punctuation"], jobs=2).findings} == {"duplicate-sentence"}
    assert auditlint.lint(doc, lang="zh").lang == "zh"
    baseline = tmp_path / "b.json"
    from auditlint.baseline import write_baseline

    write_baseline(str(baseline), auditlint.lint(doc).findings)
    kept = auditlint.lint(doc, baseline=str(baseline))
    assert kept.findings == [] and kept.baselined == 2


def test_lint_refuses_what_it_does_not_know(tmp_path):
    with pytest.raises(TypeError, match="selekt"):
        auditlint.lint(tmp_path, selekt="punctuation")
    # every option's value is checked as the configuration file's is
    for bad in ({"jobs": "two"}, {"lang": "fr"}, {"min_level": "loud"}, {"exclude": 3}):
        with pytest.raises(ConfigError):
            auditlint.lint(tmp_path, **bad)
    with pytest.raises(ConfigError, match="nope"):
        auditlint.lint(tmp_path, select="nope")
