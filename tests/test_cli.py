"""The command line: exit codes, formats, bad paths beside good ones, rule listing, language."""
from __future__ import annotations

import json

from tests.conftest import SAMPLES

PLANTED = SAMPLES / "planted_budget_2025.txt"
CLEAN = SAMPLES / "clean_budget_2025.txt"


# The slips planted in samples/planted_budget_2025.txt (samples/README.md), by line and rule.
PLANTED_SLIPS = {
    (17, "percentage"), (39, "duplicate-sentence"), (41, "restated-figure"), (41, "text-vs-table"),
    (53, "duplicate-sentence"), (53, "text-vs-table"),
    (57, "unit-mismatch"), (63, "split-total"), (97, "sum-of-children"), (99, "cross-table"),
    (218, "text-vs-table"), (232, "unused-suppression"), (241, "form-restatement"),
    (251, "duplicate-indicator"),
}


def test_planted_sample_has_findings_and_exits_1(cli):
    result = cli("--lang", "en", PLANTED)
    assert result.exit_code == 1
    assert "planted_budget_2025.txt:39:" in result.stdout
    findings = json.loads(cli("--format", "json", PLANTED).stdout)["findings"]
    assert {(f["location"]["line"], f["rule"]) for f in findings} == PLANTED_SLIPS


def test_clean_sample_exits_0(cli):
    result = cli(CLEAN)
    assert result.exit_code == 0, result.stdout


def test_fail_on_never_exits_0_even_with_findings(cli):
    assert cli("--fail-on", "never", PLANTED).exit_code == 0


def test_bad_paths_exit_2_with_one_line_each_and_good_files_are_still_linted(cli, tmp_path):
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"\x00\x01\x02PK\x03\x04" * 100)
    empty = tmp_path / "empty"
    empty.mkdir()
    missing = tmp_path / "missing.txt"
    result = cli("--lang", "en", missing, binary, empty, PLANTED)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 3
    assert f"{missing}: no such file or directory" in lines[0]
    assert f"{empty}: no .txt, .md, .pdf, .docx or .xlsx files" in lines[1]
    assert f"{binary}: binary file" in lines[2]
    assert "planted_budget_2025.txt:39:" in result.stdout
    assert "Traceback" not in result.stderr


def test_select_and_ignore_pick_rules_and_unknown_ids_exit_2(cli):
    every_rule = ",".join(sorted({rule for _, rule in PLANTED_SLIPS}))
    assert cli("--ignore", every_rule, PLANTED).exit_code == 0
    assert cli("--ignore", "duplicate-sentence", PLANTED).exit_code == 1
    only_repeats = cli("--select", "duplicate-sentence", PLANTED)
    assert only_repeats.exit_code == 1 and "sum-of-children" not in only_repeats.stdout
    result = cli("--select", "no-such-rule", PLANTED)
    assert result.exit_code == 2
    assert "unknown rule id(s): no-such-rule" in result.stderr


def test_json_carries_every_field_and_both_languages(cli):
    data = json.loads(cli("--format", "json", PLANTED).stdout)
    first = next(f for f in data["findings"] if f["rule"] == "duplicate-sentence")
    assert set(first) >= {"rule", "level", "message", "location", "related", "logical", "stated",
                          "expected", "difference", "hint", "fingerprint"}
    assert first["level"] == "error"
    assert set(first["message"]) == {"zh", "en"}
    assert first["location"]["line"] == 39


def test_output_option_writes_the_report_to_a_file(cli, tmp_path):
    target = tmp_path / "report.json"
    result = cli("--format", "json", "--output", target, PLANTED)
    assert result.stdout == ""
    assert json.loads(target.read_text(encoding="utf-8"))["findings"]


def test_lang_picks_the_message_language(cli, monkeypatch):
    assert "文字重复" in cli("--lang", "zh", PLANTED).stdout
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    assert "文字重复" in cli(PLANTED).stdout
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    assert "Repeated text" in cli(PLANTED).stdout


def test_rules_lists_every_rule_with_its_summary(cli):
    result = cli("rules")
    assert result.exit_code == 0
    assert "duplicate-sentence" in result.stdout
    assert "repeated back to back" in result.stdout


def test_version(cli):
    from auditlint import __version__
    assert __version__ in cli("--version").stdout


def test_no_paths_is_a_usage_error(cli):
    assert cli().exit_code == 2


def test_a_command_imports_only_what_it_uses(tmp_path):
    """Linting a text file into the text report imports no PDF engine, no other report format
    and no table printer; `--version` not even the engine. Checked in a fresh interpreter."""
    import subprocess
    import sys

    document = tmp_path / "doc.txt"
    document.write_text("住房公积金87.39万元，主要是人员异动。\n", encoding="utf-8")
    probe = ("import sys\n"
             "sys.argv = ['auditlint', *sys.argv[1:]]\n"
             "from auditlint.cli import main\n"
             "try:\n    main()\n"  # the command's main: command() itself leaves by os._exit
             "except SystemExit:\n    pass\n"
             "print(' '.join(sorted(sys.modules)), file=sys.stderr)\n")
    def imported(*arguments: str) -> set[str]:
        run = subprocess.run([sys.executable, "-c", probe, *arguments], capture_output=True, text=True)
        return set(run.stderr.strip().splitlines()[-1].split())
    linted = imported("--fail-on", "never", str(document))
    assert "auditlint.engine" in linted
    assert not {"pypdfium2", "pdfminer", "auditlint.readers.pdf", "auditlint.report.html", "auditlint.report.sarif",
                "auditlint.report.pictures", "tabulate", "PIL"} & linted
    assert "auditlint.engine" not in imported("--version")
