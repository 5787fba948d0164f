"""Configuration: where it is found, what it may say, and that the command line wins."""
from __future__ import annotations

import json
from decimal import Decimal

import pytest

from auditlint.config import ConfigError, find_config, resolve
from tests.conftest import SAMPLES

PLANTED = SAMPLES / "planted_budget_2025.txt"


def rules_reported(cli, *args) -> set[str]:
    return {f["rule"] for f in json.loads(cli("--format", "json", *args).stdout)["findings"]}


def test_the_nearest_directory_wins_and_within_it_auditlint_toml_first(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.auditlint]\nlang = "zh"\n')
    inner = tmp_path / "docs" / "2025"
    inner.mkdir(parents=True)
    (inner.parent / "setup.cfg").write_text("[auditlint]\nlang = en\n")
    (inner.parent / ".auditlint.toml").write_text('jobs = 2\n')
    assert find_config(inner) == inner.parent / ".auditlint.toml"
    assert find_config(tmp_path) == tmp_path / "pyproject.toml"


def test_files_without_an_auditlint_section_are_passed_over(tmp_path):
    (tmp_path / "setup.cfg").write_text("[auditlint]\nfail-on = warning\n")
    inner = tmp_path / "inner"
    inner.mkdir()
    (inner / "pyproject.toml").write_text('[tool.black]\nline-length = 100\n')
    (inner / "setup.cfg").write_text("[flake8]\nmax-line-length = 100\n")
    assert find_config(inner) == tmp_path / "setup.cfg"
    assert resolve({}, cwd=str(inner)).fail_on == "warning"


def test_every_key_is_read_from_setup_cfg(tmp_path):
    (tmp_path / "setup.cfg").write_text(
        "[auditlint]\nselect = percentage, split-total\nextend-select = cross-table\nignore = split-total\n"
        "per-file-ignores =\n    old/*.pdf: cross-table,percentage\nfail-on = note\nlang = zh\n"
        "pdf-engine = pdfminer\njobs = 3\ntimeout = 12.5\nmax-memory = 512\ntolerance =\n    sum-of-children = 0.01\n")
    settings = resolve({}, cwd=str(tmp_path))
    assert settings.select == ("percentage", "split-total")
    assert settings.extend_select == ("cross-table",)
    assert settings.ignore == ("split-total",)
    assert settings.per_file_ignores == (("old/*.pdf", ("cross-table", "percentage")),)
    assert (settings.fail_on, settings.lang, settings.pdf_engine, settings.jobs) == ("note", "zh", "pdfminer", 3)
    assert (settings.timeout, settings.max_memory) == (12.5, 512)
    assert settings.tolerance == {"sum-of-children": Decimal("0.01")}
    assert settings.root == str(tmp_path)


def test_the_command_line_overrides_the_file_key_by_key(tmp_path):
    (tmp_path / ".auditlint.toml").write_text('lang = "zh"\nfail-on = "warning"\n')
    settings = resolve({"lang": "en", "fail_on": None}, cwd=str(tmp_path))
    assert (settings.lang, settings.fail_on) == ("en", "warning")


@pytest.mark.parametrize("text, complaint", [
    ('colour = "red"\n', "unknown key 'colour'"),
    ('jobs = 0\n', "jobs: expected a whole number of at least 1"),
    ('fail-on = "sometimes"\n', "fail-on: expected one of error, warning, note, never"),
    ('select = 3\n', "select: expected a list of rule ids"),
    ('[tolerance]\npercentage = -1\n', "expected a number of at least 0"),
    ('timeout = "soon"\n', "timeout: expected a number"),
    ('lang = \n', "not valid TOML"),
])
def test_bad_keys_and_values_are_named(tmp_path, text, complaint):
    (tmp_path / ".auditlint.toml").write_text(text)
    with pytest.raises(ConfigError, match=complaint):
        resolve({}, cwd=str(tmp_path))


def test_a_bad_configuration_exits_2_with_one_clear_line(cli, tmp_path):
    config = tmp_path / "cfg.toml"
    config.write_text('ignore = ["no-such-rule"]\n')
    result = cli("--config", config, PLANTED)
    assert result.exit_code == 2
    assert "unknown rule id(s): no-such-rule" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_tolerance_for_a_rule_that_compares_no_amounts_is_refused(cli, tmp_path):
    config = tmp_path / "cfg.toml"
    config.write_text('[tolerance]\nduplicate-sentence = 1\n')
    result = cli("--config", config, PLANTED)
    assert result.exit_code == 2
    assert "no tolerance to set for: duplicate-sentence" in result.stderr


def test_select_ignore_and_per_file_ignores_from_the_file_shape_the_run(cli, tmp_path, monkeypatch):
    docs = tmp_path / "docs"
    docs.mkdir()
    copy = docs / "planted.txt"
    copy.write_text(PLANTED.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / ".auditlint.toml").write_text(
        'select = ["percentage", "cross-table", "split-total"]\nignore = ["split-total"]\n'
        '[per-file-ignores]\n"docs/*.txt" = ["cross-table"]\n')
    monkeypatch.chdir(tmp_path)
    assert rules_reported(cli, "docs") == {"percentage"}
    assert rules_reported(cli, "--select", "split-total", "docs") == {"split-total"}
    assert rules_reported(cli, "--extend-select", "duplicate-sentence", "docs") == {"percentage", "duplicate-sentence"}


def test_a_tolerance_turns_a_small_gap_into_a_note(cli, tmp_path):
    # The planted 表2 row 21011 is 0.09 off its children: an error, a note with a 0.10 tolerance.
    config = tmp_path / "cfg.toml"
    config.write_text('select = ["sum-of-children"]\n[tolerance]\nsum-of-children = 0.1\n')
    strict = json.loads(cli("--format", "json", "--select", "sum-of-children", PLANTED).stdout)["findings"]
    tolerant = json.loads(cli("--format", "json", "--config", config, PLANTED).stdout)["findings"]
    assert {f["level"] for f in strict} == {"error"}
    assert [f["difference"] for f in tolerant] == [f["difference"] for f in strict] == ["-0.09", "-0.09"]
    assert {f["level"] for f in tolerant} == {"note"}
