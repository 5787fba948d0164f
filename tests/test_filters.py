"""What the report lists: --min-level (and its config key), --show-notes, -q, --exit-zero; the
machine formats keep every finding unless a level is set; the walk skips what is no document."""
from __future__ import annotations

import json
import os
import re

from auditlint.engine import collect_files

# Two rounding notes (177.04% for 177.031%) and one error (a repeated phrase).
NOTES = ("2023年度收、支总计均为 573.15 万元。与 2022年度相比，收、支总计各增加 366.26 万元，增长了 177.04 %。\n"
         "2023年度一般公共预算财政拨款支出 573.15 万元，占本年支出合计的 100 %。与 2022年度相比，"
         "一般公共预算财政拨款支出增加 366.26 万元，增长了 177.04 %。\n")
ERROR = "住房公积金87.39万元，比上年减少4.86万元，主要是主要是人员异动。\n"


FINDING_LINE = re.compile(r"^\S+?:(?:p\d+:)?\d+:\d+: (error|warning|note) ")


def levels(report: str) -> list[str]:
    """The level word of each finding line of a text report."""
    return [m.group(1) for m in map(FINDING_LINE.match, report.splitlines()) if m]


def test_notes_are_counted_but_listed_only_when_asked(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    doc = tmp_path / "doc.txt"
    doc.write_text(NOTES, encoding="utf-8")
    default = cli("--lang", "en", doc)
    assert levels(default.stdout) == []
    assert "2 notes not listed (--min-level note lists them)" in " ".join(default.stdout.split())
    assert levels(cli("--lang", "en", "--show-notes", doc).stdout) == ["note", "note"]
    assert levels(cli("--lang", "en", "--min-level", "note", doc).stdout) == ["note", "note"]
    assert len(json.loads(cli("--format", "json", doc).stdout)["findings"]) == 2  # programs get every finding
    assert json.loads(cli("--format", "json", "--min-level", "warning", doc).stdout)["findings"] == []
    (tmp_path / ".auditlint.toml").write_text('min-level = "note"\n', encoding="utf-8")
    assert levels(cli("--lang", "en", doc).stdout) == ["note", "note"]


def test_min_level_error_hides_warnings_and_fail_on_still_counts_everything(cli, tmp_path):
    doc = tmp_path / "doc.txt"
    doc.write_text(NOTES + ERROR, encoding="utf-8")
    result = cli("--lang", "en", "--min-level", "error", "--fail-on", "note", doc)
    assert levels(result.stdout) == ["error"]
    assert result.exit_code == 1


def test_quiet_prints_the_summary_only_and_nothing_when_clean(cli, tmp_path):
    doc = tmp_path / "doc.txt"
    doc.write_text(NOTES, encoding="utf-8")
    assert cli("-q", doc).stdout == ""
    doc.write_text(NOTES + ERROR, encoding="utf-8")
    quiet = cli("-q", "--lang", "en", doc)
    assert quiet.stdout.startswith("3 findings: 1 error, 0 warnings, 2 notes;") and quiet.stdout.count("\n") <= 2
    assert quiet.exit_code == 1
    assert cli("--exit-zero", doc).exit_code == 0


def test_a_walk_skips_the_files_of_a_code_repository_and_what_exclude_names(tmp_path):
    for name in ("README.md", "CHANGELOG.md", "LICENSE.txt", "budget.txt", "pkg.egg-info/SOURCES.txt",
                 "node_modules/x/readme.md", ".venv/lib/a.txt", "build/a.txt", "archive/2019/old.txt",
                 "archive/2020/new.txt", "__pycache__/a.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    def walked(*exclude: str) -> list[str]:
        from auditlint.config import DEFAULT_EXCLUDE
        files, _, _ = collect_files([str(tmp_path)], (*DEFAULT_EXCLUDE, *exclude))
        return [os.path.relpath(f, tmp_path).replace(os.sep, "/") for f in files]
    assert walked() == ["archive/2019/old.txt", "archive/2020/new.txt", "budget.txt"]
    assert walked("2019") == ["archive/2020/new.txt", "budget.txt"]
    assert walked("archive/2020/*.txt") == ["archive/2019/old.txt", "budget.txt"]
    # a file named on the command line is linted whatever the globs say
    assert collect_files([str(tmp_path / "README.md")], ("README*",))[0] == [str(tmp_path / "README.md")]


def test_exclude_on_the_command_line_replaces_the_defaults_and_extend_exclude_adds(cli, tmp_path):
    (tmp_path / "README.md").write_text(ERROR, encoding="utf-8")
    (tmp_path / "a.txt").write_text(ERROR, encoding="utf-8")
    def linted(*args: str) -> set[str]:
        data = json.loads(cli("--format", "json", *args, tmp_path).stdout)
        return {os.path.basename(p) for p in data["files"]}
    assert linted() == {"a.txt"}
    assert linted("--exclude", "*.pdf") == {"a.txt", "README.md"}
    assert linted("--extend-exclude", "a.*") == set()
