"""The engine: which files, which rules, and fingerprints that ignore line numbers."""
from __future__ import annotations

import os

import pytest

from auditlint.config import ConfigError, Settings
from auditlint.engine import all_rules, collect_files, run, select_rules
from auditlint.plugins import load_checks

SLIP = "住房公积金87.39万元，主要是主要是人员异动。\n"
ONLY_SLIPS = Settings(ignore=("not-understood",))  # a line of narrative alone is also a file nothing was checked in


def test_directories_are_walked_for_documents_only_and_in_order(tmp_path):
    (tmp_path / "b.md").write_text("x")
    (tmp_path / "a.TXT").write_text("x")
    (tmp_path / "notes.doc").write_text("x")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "c.txt").write_text("x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.pdf").write_bytes(b"%PDF")
    files, errors, _ = collect_files([str(tmp_path)])
    assert [os.path.relpath(f, tmp_path) for f in files] == ["a.TXT", "b.md", os.path.join("sub", "c.pdf")]
    assert errors == []


def test_a_symlink_loop_does_not_hang_the_walk(tmp_path):
    (tmp_path / "doc.txt").write_text("x")
    (tmp_path / "loop").symlink_to(tmp_path)
    files, _, _ = collect_files([str(tmp_path)])
    assert files == [str(tmp_path / "doc.txt")]


def test_unknown_rule_ids_are_a_configuration_error():
    with pytest.raises(ConfigError, match="nope"):
        select_rules(all_rules(load_checks()), Settings(select=("nope",)))


def test_fingerprints_do_not_depend_on_line_numbers(tmp_path):
    doc = tmp_path / "doc.txt"
    doc.write_text(SLIP, encoding="utf-8")
    [before] = run([str(doc)], ONLY_SLIPS).findings
    doc.write_text("新增的第一段。\n\n新增的第二段。\n\n" + SLIP, encoding="utf-8")
    [after] = run([str(doc)], ONLY_SLIPS).findings
    assert (before.location.line, after.location.line) == (1, 5)
    assert len(before.fingerprint) == 32
    assert before.fingerprint == after.fingerprint


def test_identical_findings_in_one_file_get_distinct_fingerprints(tmp_path):
    doc = tmp_path / "twice.txt"
    doc.write_text(SLIP + "\n" + "其他段落。\n\n" + SLIP, encoding="utf-8")
    findings = run([str(doc)], ONLY_SLIPS).findings
    assert len(findings) == 2
    assert findings[0].fingerprint != findings[1].fingerprint


def test_a_crashing_rule_costs_only_its_own_findings_and_says_so(tmp_path, monkeypatch):
    from auditlint.checks.duplicate_sentence import DuplicateSentence

    def broken(self, doc, options):
        yield from ()
        raise ValueError("boom")
    monkeypatch.setattr(DuplicateSentence, "check", broken)
    doc = tmp_path / "d.txt"
    doc.write_text(SLIP + "\n主要用于信息系统运维。。\n", encoding="utf-8")
    result = run([str(doc)])
    assert result.errors == [] and result.files == [str(doc)]
    assert [(f.rule, f.level.label) for f in result.findings] == [("duplicate-sentence", "warning"), ("punctuation", "warning")]
    failure = result.findings[0]
    assert "failed on this file (ValueError: boom)" in failure.message.en and "\n" not in failure.message.en
    assert "出错" in failure.message.zh
