"""The other report formats: GitHub annotations, JSON Lines, statistics; rules and explain."""
from __future__ import annotations

import json

from auditlint.findings import Finding, Level, Message
from auditlint.model import Location
from auditlint.report.github import annotation
from tests.conftest import ROOT, SAMPLES
from tests.test_cli import PLANTED_SLIPS

PLANTED = SAMPLES / "planted_budget_2025.txt"


def test_github_annotations_escape_what_the_runner_would_misread():
    finding = Finding("percentage", Level.NOTE, Message("z", "50% off,\nsee: a:b"),
                      Location("docs/a,b:c.txt", 3, 5, 3, 9))
    line = annotation(finding, "en")
    assert line == ("::notice file=docs/a%2Cb%3Ac.txt,line=3,endLine=3,title=auditlint percentage,"
                    "col=5,endColumn=9::50%25 off,%0Asee: a:b")


def test_github_format_has_one_annotation_per_finding(cli):
    lines = cli("--format", "github", "--lang", "en", PLANTED).stdout.splitlines()
    annotations = [l for l in lines if l.startswith("::")]
    assert len(annotations) == 17
    assert sum(l.startswith("::error file=") for l in annotations) == 15
    assert sum(l.startswith("::warning file=") for l in annotations) == 2
    assert any(",line=39," in l and "duplicate-sentence" in l for l in annotations)


def test_json_lines_is_one_finding_per_line(cli):
    lines = cli("--format", "json-lines", PLANTED).stdout.splitlines()
    findings = [json.loads(line) for line in lines]
    assert {(f["location"]["line"], f["rule"]) for f in findings} == PLANTED_SLIPS


def test_statistics_count_per_rule_and_level(cli):
    data = json.loads(cli("--statistics", "--format", "json", PLANTED).stdout)
    counts = {(d["rule"], d["level"]): d["count"] for d in data}
    # samples/README.md lists the planted slips: two repeats, two columns each of 21011 and 2101103,
    # and four restatements (a function class and a project's figure in the text, and the project
    # form's budget and change), the function class also against the list it restates, and the
    # overall form's restatement of the project's indicator, and the project's repeated indicator row.
    assert counts == {("duplicate-sentence", "error"): 2, ("sum-of-children", "error"): 2,
                      ("cross-table", "error"): 2, ("percentage", "error"): 1, ("split-total", "error"): 1,
                      ("text-vs-table", "error"): 4, ("unit-mismatch", "error"): 1,
                      ("restated-figure", "error"): 1, ("unused-suppression", "warning"): 1,
                      ("form-restatement", "error"): 1, ("duplicate-indicator", "warning"): 1}
    text = cli("--statistics", "--lang", "en", PLANTED).stdout
    assert text.splitlines()[2].split() == ["4", "text-vs-table", "error"]


def test_machine_formats_keep_the_summary_off_stdout(cli):
    result = cli("--format", "sarif", "--lang", "en", PLANTED)
    json.loads(result.stdout)
    assert "17 findings: 15 errors, 2 warnings, 0 notes; 1 file read, 0 unreadable" in result.stderr


def test_rules_lists_every_rule_and_explain_documents_one(cli):
    rules = cli("rules").stdout.splitlines()
    assert [line.split()[0] for line in rules] == sorted(line.split()[0] for line in rules)
    assert {"sum-of-children", "unused-suppression"} <= {line.split()[0] for line in rules}
    text = cli("explain", "sum-of-children").stdout
    assert text.startswith("sum-of-children (error")
    for section in ("What it checks", "Why it matters", "Example (samples/", "Suppress:"):
        assert section in text
    assert cli("explain", "no-such-rule").exit_code == 2


def test_every_rule_quotes_its_example_from_a_sample_which_it_flags(cli):
    # The 「excerpts」 of each rule's Example must be in the sample it names (whitespace aside,
    # since the docstring wraps them and tables separate cells by tabs), and the rule must fire
    # on that sample. A rule about Word or Excel files, which the samples are not (they are made
    # from the text samples at test time), names the test that makes its example and shows it.
    for line in cli("rules").stdout.splitlines():
        rule = line.split()[0]
        text = cli("explain", rule).stdout
        if "Example (tests/" in text:
            test = text[text.index("Example (tests/") + len("Example ("):]
            assert rule in (ROOT / test[:test.index(")")]).read_text(encoding="utf-8"), rule
            continue
        example = text[text.index("Example (samples/"):text.index("Suppress")]
        # a rule across documents names the later one "against" the earlier: both are linted, the
        # excerpts quoted from either
        named = "".join(example[len("Example ("):example.index(")")].split()).split("against")
        samples = [ROOT / path for path in named]
        printed = "".join("".join(sample.read_text(encoding="utf-8").split()) for sample in samples)
        excerpts = ["".join(q.split()) for q in example.split("「")[1:]]
        excerpts = [q[:q.index("」")] for q in excerpts]
        assert excerpts, rule
        assert all(q in printed for q in excerpts), (rule, [q for q in excerpts if q not in printed])
        flagged = {f["rule"] for f in json.loads(cli("--format", "json", *map(str, samples)).stdout)["findings"]}
        assert rule in flagged, rule


def test_a_progress_bar_only_on_a_terminal_and_only_for_several_files(monkeypatch, capsys):
    import sys

    from auditlint.cli import PROGRESS_FROM, ProgressBar
    for tty, files, shown in ((False, 50, False), (True, PROGRESS_FROM - 1, False), (True, PROGRESS_FROM, True)):
        monkeypatch.setattr(sys.stderr, "isatty", lambda: tty, raising=False)
        bar = ProgressBar()
        bar.start(files)
        for _ in range(files):
            bar.advance()
        bar.finish()
        captured = capsys.readouterr()
        assert ("auditlint" in captured.err) is shown, (tty, files)
        assert captured.out == ""


def test_the_command_line_offers_every_report_format():
    from auditlint.cli import FORMAT_NAMES
    from auditlint.report import FORMATS
    assert sorted(FORMAT_NAMES) == sorted(FORMATS)
