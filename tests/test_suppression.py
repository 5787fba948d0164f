"""Suppression comments: disable/enable ranges, disable-next-line, and unused suppressions."""
from __future__ import annotations

import json

SLIP = "住房公积金87.39万元，主要是主要是人员异动。"
SLIP2 = "公用经费12.30万元，主要用于主要用于办公。"
CLEAN = "住房公积金87.39万元，主要是人员异动。"


def findings(cli, path, *args) -> list[tuple[int, str]]:
    # a few lines of narrative are also a file with nothing to check (not-understood): not these tests' business
    data = json.loads(cli("--format", "json", "--ignore", "not-understood", *args, path).stdout)["findings"]
    return [(f["location"]["line"], f["rule"]) for f in data]


def write(tmp_path, *lines: str, name: str = "doc.md"):
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_disable_next_line_hides_that_line_only(cli, tmp_path):
    doc = write(tmp_path, "<!-- auditlint: disable-next-line=duplicate-sentence -->", "", SLIP, "", SLIP2)
    assert findings(cli, doc) == [(5, "duplicate-sentence")]


def test_disable_holds_until_enable(cli, tmp_path):
    doc = write(tmp_path, "<!-- auditlint: disable=duplicate-sentence,percentage -->", SLIP, "",
                SLIP2, "<!-- auditlint: enable -->", "", SLIP)
    assert findings(cli, doc, "--ignore", "unused-suppression") == [(7, "duplicate-sentence")]


def test_a_bare_disable_silences_every_rule_to_the_end(cli, tmp_path):
    doc = write(tmp_path, SLIP, "<!-- auditlint: disable -->", SLIP2, name="doc.txt")
    assert findings(cli, doc) == [(1, "duplicate-sentence")]


def test_a_suppression_that_suppresses_nothing_is_reported_where_it_is(cli, tmp_path):
    doc = write(tmp_path, "前言。", "<!-- auditlint: disable-next-line=duplicate-sentence -->", CLEAN)
    result = json.loads(cli("--format", "json", "--ignore", "not-understood", doc).stdout)["findings"]
    assert [(f["rule"], f["level"], f["location"]["line"]) for f in result] == [("unused-suppression", "warning", 2)]
    assert "duplicate-sentence" in result[0]["message"]["en"]


def test_a_suppression_of_an_unknown_rule_is_reported(cli, tmp_path):
    doc = write(tmp_path, "<!-- auditlint: disable-next-line=no-such-rule -->", SLIP)
    assert findings(cli, doc) == [(1, "unused-suppression"), (2, "duplicate-sentence")]


def test_rules_that_did_not_run_hold_nothing_against_their_suppressions(cli, tmp_path):
    doc = write(tmp_path, "<!-- auditlint: disable-next-line=percentage -->", SLIP)
    assert findings(cli, doc, "--select", "duplicate-sentence,unused-suppression") == [(2, "duplicate-sentence")]
    assert findings(cli, doc, "--ignore", "unused-suppression") == [(2, "duplicate-sentence")]


def test_a_comment_inside_a_wrapped_paragraph_leaves_it_one_sentence(cli, tmp_path):
    # The sentence wraps over lines 1 and 3; the comment between them must not cut it in two,
    # or the repeat "主要是主要是" would be split across two paragraphs and lost.
    doc = write(tmp_path, "住房公积金87.39万元，主要是", "<!-- auditlint: disable-next-line=percentage -->",
                "主要是人员异动。", name="doc.txt")
    rules = findings(cli, doc, "--select", "duplicate-sentence")
    assert rules == [(3, "duplicate-sentence")]
