"""Chinese everywhere a reviewer reads: rules, explain, --help, unreadable files, configuration errors."""
from __future__ import annotations

import regex
import pytest

from auditlint.plugins import load_checks
from auditlint.translate import CATALOGUE, translate
from tests.conftest import SAMPLES

HAN = regex.compile(r"\p{Han}")


def test_every_rule_has_a_chinese_summary_and_explanation(cli):
    from auditlint.engine import all_rules

    for info in all_rules(load_checks()):
        assert HAN.search(info.summary_zh) and "\n" not in info.summary_zh, info.id
        assert "为什么重要" in info.description_zh and "如何抑制" in info.description_zh, info.id
    listed = cli("rules", "--lang", "zh").stdout
    assert "“其中”所列各部分加起来不等于总数" in listed
    explained = cli("explain", "split-total", "--lang", "zh").stdout
    assert "为什么重要" in explained and "What it checks" in explained  # the English details follow
    assert "What it checks" not in cli("explain", "split-total", "--lang", "en").stdout.split("\n\n")[1]


def test_the_configuration_lang_key_speaks_for_rules_and_explain(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    (tmp_path / ".auditlint.toml").write_text('lang = "zh"\n', encoding="utf-8")
    assert "比较用语" in cli("rules").stdout


@pytest.mark.parametrize("args", [("--lang", "zh", "--help"), ("show", "--lang", "zh", "--help"),
                                  ("rules", "--lang=zh", "--help")])
def test_help_is_in_chinese_on_request(cli, args):
    shown = cli(*args).stdout
    assert shown.startswith("用法：") and "显示本帮助并退出" in shown
    assert "Show this message" not in shown


def test_every_option_of_every_command_has_chinese_help():
    from auditlint.cli import main
    from auditlint.help_zh import COMMANDS_ZH, OPTIONS_ZH

    for name, command in main.commands.items():
        assert name in COMMANDS_ZH
        for param in command.params:
            if param.param_type_name == "option":
                assert param.name in OPTIONS_ZH, (name, param.name)


def test_unreadable_files_and_configuration_errors_are_said_in_chinese(cli, tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "fake.pdf").write_bytes(b"not a pdf at all")
    (tmp_path / "nul.txt").write_bytes(b"\x00\x01\x02abc\x00")
    result = cli("--lang", "zh", tmp_path / "empty.txt", tmp_path / "fake.pdf", tmp_path / "nul.txt", tmp_path / "gone.txt")
    lines = result.stderr.splitlines()
    assert any(line.endswith("empty.txt: 空文件") for line in lines), lines
    assert any(line.endswith("fake.pdf: 不是 PDF（没有 %PDF 文件头）") for line in lines), lines
    assert any(line.endswith("gone.txt: 文件或目录不存在") for line in lines), lines
    assert any("nul.txt: 二进制文件" in line for line in lines), lines
    config = tmp_path / "c.toml"
    config.write_text('colour = "red"\n', encoding="utf-8")
    assert "未知的配置项 'colour'" in cli("--lang", "zh", "--config", config, SAMPLES).stderr
    config.write_text('fail-on = "often"\n', encoding="utf-8")
    assert "应为 error, warning, note, never 之一，实际为 'often'" in cli("--lang", "zh", "--config", config, SAMPLES).stderr
    assert "未知的规则 ID：nope" in cli("--lang", "zh", "--select", "nope", SAMPLES).stderr
    assert "配置文件不存在" in cli("--lang", "zh", "--config", tmp_path / "none.toml", SAMPLES).stderr
    assert "unknown rule id(s): nope" in cli("--lang", "en", "--select", "nope", SAMPLES).stderr


def test_every_reason_the_catalogue_knows_becomes_chinese():
    samples = ["line 3 has 200,001 characters (a document line has at most 200,000): not a document auditlint can read",
               "gave up after the time limit of 120 s (see --timeout)",
               "the reader died on this file (SIGKILL); it may need more than the memory limit of 1024 MB (see --max-memory)",
               "no text layer (a scanned PDF?): auditlint cannot read it",
               "x.toml: jobs: expected a whole number of at least 1, got 0",
               "b.json: not an auditlint baseline (version 2 expected)",
               "two checks claim the id 'x'",
               "encrypted Excel file: it needs a password to open",
               "an old binary Word file (.doc) named .docx: save it as .docx in Word or WPS",
               "macro-enabled file (.xlsm): auditlint does not open files that carry macros; save it as .xlsx "
               "without macros (it holds a VBA project)",
               "its parts unpack to 512 MB, more than the memory limit of 1024 MB allows (see --max-memory): "
               "too large, or a zip bomb",
               "a zip of 20,000 parts: not a Word document auditlint can read",
               "the Word document has no text: auditlint cannot read it",
               "the workbook shows no cell with content: auditlint cannot read it",
               ".wps files are not read: save it as .docx in WPS",
               ".ofd files are not read: convert it to PDF"]
    for reason in samples:
        zh = translate(reason, "zh")
        assert HAN.search(zh) and not regex.search(r"\b(?:the|expected|not a|claim|gave)\b", zh), zh
        assert translate(reason, "en") == reason
    assert len(CATALOGUE) == len({pattern for pattern, _ in CATALOGUE})


def test_show_speaks_chinese_on_request_and_for_a_chinese_document_on_a_c_locale(cli, monkeypatch):
    planted = SAMPLES / "planted_budget_2025.txt"
    assert "单位：" in cli("show", "--lang", "zh", planted).stdout
    assert "unit: " in cli("show", "--lang", "en", planted).stdout
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert "可信：" in cli("show", planted).stdout


def test_the_groups_help_takes_the_language_after_it(cli):
    chinese = cli("--help", "--lang", "zh")
    assert chinese.exit_code == 0 and "用法" in chinese.stdout and "找出预算或决算公开文件自相矛盾之处" in chinese.stdout
    english = cli("--help", "--lang=en")
    assert english.exit_code == 0 and english.stdout.startswith("Usage: ") and "用法" not in english.stdout
