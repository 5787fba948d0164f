"""Baselines: record today's findings, report only new ones, in a file that diffs well."""
from __future__ import annotations

import json

from tests.conftest import SAMPLES

PLANTED = SAMPLES / "planted_budget_2025.txt"
# A slip of a kind the planted sample does not have yet: a phrase typed twice in a new paragraph.
NEW_SLIP = "\n另外，本单位无政府性基金预算收支，主要是主要是本单位不涉及相关业务。\n"


def test_with_a_baseline_only_the_new_slip_is_reported(cli, tmp_path):
    doc = tmp_path / "planted.txt"
    original = PLANTED.read_text(encoding="utf-8")
    doc.write_text(original, encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    written = cli("--write-baseline", baseline, doc)
    assert written.exit_code == 0
    before = json.loads(cli("--format", "json", doc).stdout)["findings"]
    assert len(json.loads(baseline.read_text(encoding="utf-8"))["findings"]) == len(before) > 0

    # Two lines inserted at the top move every old finding; the slip goes at the end.
    doc.write_text("（修订稿）\n\n" + original + NEW_SLIP, encoding="utf-8")
    result = cli("--format", "json", "--baseline", baseline, doc)
    findings = json.loads(result.stdout)["findings"]
    assert [(f["rule"], f["location"]["line"]) for f in findings] == [
        ("duplicate-sentence", len(original.splitlines()) + 4)]
    assert "主要是" in findings[0]["message"]["en"]
    assert result.exit_code == 1
    text = cli("--lang", "en", "--baseline", baseline, doc).stdout
    assert f"{len(before)} in the baseline not shown" in " ".join(text.split())  # the summary wraps


def test_the_baseline_is_sorted_and_written_whole(cli, tmp_path):
    baseline = tmp_path / "b.json"
    cli("--write-baseline", baseline, PLANTED)
    data = json.loads(baseline.read_text(encoding="utf-8"))
    keys = [(e["path"], e["rule"], e["where"], e["fingerprint"]) for e in data["findings"]]
    assert keys == sorted(keys)
    assert all(set(e) == {"fingerprint", "rule", "path", "where"} for e in data["findings"])
    assert not any("line" in json.dumps(e) for e in data["findings"])
    assert [p.name for p in tmp_path.iterdir()] == ["b.json"]  # no temporary file left behind
    first = baseline.read_bytes()
    cli("--write-baseline", baseline, PLANTED)
    assert baseline.read_bytes() == first


def test_a_file_that_is_no_baseline_exits_2(cli, tmp_path):
    bogus = tmp_path / "b.json"
    bogus.write_text('{"findings": 3}')
    result = cli("--baseline", bogus, PLANTED)
    assert result.exit_code == 2
    assert "not an auditlint baseline" in result.stderr


def test_the_baseline_names_files_relative_to_itself_and_matches_from_anywhere(cli, tmp_path, monkeypatch):
    docs = tmp_path / "repo" / "docs"
    docs.mkdir(parents=True)
    doc = docs / "planted.txt"
    doc.write_text(PLANTED.read_text(encoding="utf-8"), encoding="utf-8")
    baseline = tmp_path / "repo" / "baseline.json"
    monkeypatch.chdir(tmp_path / "repo")
    cli("--write-baseline", "baseline.json", "docs")
    entries = json.loads(baseline.read_text(encoding="utf-8"))["findings"]
    assert entries and {e["path"] for e in entries} == {"docs/planted.txt"}
    monkeypatch.chdir(tmp_path)  # elsewhere, the file named absolutely: everything still matches
    result = cli("--format", "json", "--baseline", baseline, doc.resolve())
    assert json.loads(result.stdout)["findings"] == []
    assert result.exit_code == 0 and "matched none" not in result.stderr


def test_an_old_baseline_of_absolute_paths_is_still_read(cli, tmp_path):
    doc = tmp_path / "planted.txt"
    doc.write_text(PLANTED.read_text(encoding="utf-8"), encoding="utf-8")
    findings = json.loads(cli("--format", "json", doc.resolve()).stdout)["findings"]
    old = {"auditlint-baseline": 1, "findings": [
        {"fingerprint": f["fingerprint"], "rule": f["rule"], "path": str(doc.resolve()), "where": ""} for f in findings]}
    baseline = tmp_path / "old.json"
    baseline.write_text(json.dumps(old), encoding="utf-8")
    result = cli("--format", "json", "--baseline", baseline, doc.resolve())
    assert json.loads(result.stdout)["findings"] == []


def test_a_baseline_that_matches_nothing_says_so_in_one_line(cli, tmp_path):
    doc = tmp_path / "planted.txt"
    doc.write_text(PLANTED.read_text(encoding="utf-8"), encoding="utf-8")
    baseline = tmp_path / "b.json"
    cli("--write-baseline", baseline, doc)
    doc.rename(tmp_path / "renamed.txt")
    result = cli("--lang", "en", "--baseline", baseline, tmp_path / "renamed.txt")
    warnings = [line for line in result.stderr.splitlines() if "matched none" in line]
    assert len(warnings) == 1 and warnings[0].startswith("auditlint: warning: the baseline")
