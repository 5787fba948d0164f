"""Nothing understood is not clean: every file's tables and claims are counted, a file with
neither is a `not-understood` warning that says why, and documents in formats not read yet
are listed with what to do."""
from __future__ import annotations

import json

from tests.conftest import SAMPLES

NARRATIVE = ("2025年某市某某局部门预算\n\n一、部门预算收支情况\n\n"
             "2025年部门预算收入1234.56万元，支出1234.56万元。一般公共预算拨款收入1000.00万元。\n")
NO_TABLES = "2025年某市某某局部门预算\n\n本部门的主要职能是负责全市的某某工作。\n"
ENGLISH = "Annual report 2025\n\nThe department spent a great deal this year.\n"


def test_a_file_with_no_table_and_no_claim_is_a_warning_with_its_reason(cli, tmp_path):
    for name, text in (("narrative.txt", NARRATIVE), ("no_tables.txt", NO_TABLES), ("english.txt", ENGLISH)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    data = json.loads(cli("--format", "json", tmp_path).stdout)
    reasons = {f["location"]["path"].rsplit("/", 1)[-1]: f["message"]["en"] for f in data["findings"]}
    assert {f["rule"] for f in data["findings"]} == {"not-understood"}
    assert {f["level"] for f in data["findings"]} == {"warning"}
    assert reasons["narrative.txt"].startswith("narrative only: 3 amounts but no table")
    assert reasons["no_tables.txt"].startswith("no tables found")
    assert reasons["english.txt"].startswith("not a budget document")
    assert all(c == {"tables": 0, "claims": 0} for c in data["checked"].values())
    text = " ".join(cli("--lang", "en", tmp_path / "english.txt").stdout.split())  # lines wrap
    assert f"{tmp_path / 'english.txt'}: nothing checked, so not clean (1 warning)" in text
    assert cli("--ignore", "not-understood", tmp_path).exit_code == 0


def test_each_file_says_what_was_checked_and_the_clean_sample_is_clean(cli):
    text = " ".join(cli("--lang", "en", SAMPLES).stdout.split())  # lines wrap
    assert f"{SAMPLES / 'clean_budget_2025.txt'}: clean (16 tables, 44 claims checked)" in text
    assert f"{SAMPLES / 'notice_2025.txt'}: nothing checked, so not clean (1 warning)" in text
    assert "README.md" not in text  # the folder's README is no document
    checked = json.loads(cli("--format", "json", SAMPLES / "clean_budget_2025.txt").stdout)["checked"]
    assert list(checked.values()) == [{"tables": 16, "claims": 44}]


def test_formats_not_read_in_a_folder_are_listed_with_what_to_do_and_word_excel_are_read(cli, tmp_path):
    (tmp_path / "budget.txt").write_text(NO_TABLES, encoding="utf-8")
    for name in ("预算.docx", "表格.xlsx", "old.doc", "x.ofd"):
        (tmp_path / name).write_bytes(b"PK\x03\x04")
    result = cli("--lang", "en", tmp_path)
    text = " ".join(result.stdout.split())
    assert ("2 files not read (save Word and WPS documents as .docx and spreadsheets as .xlsx, or convert them "
            "to PDF):") in text
    assert all(name in text for name in ("old.doc", "x.ofd"))
    # a .docx or .xlsx is read now: these four bytes are no zip, and each is refused with that reason
    assert result.exit_code == 2 and "预算.docx: not a readable .docx file (damaged, or not a Word file)" in result.stderr
    assert "表格.xlsx: not a readable .xlsx file (damaged, or not an Excel file)" in result.stderr
    named = cli("--lang", "en", tmp_path / "old.doc")
    assert named.exit_code == 2 and ".doc files are not read: save it as .docx in Word or WPS" in named.stderr
    assert json.loads(cli("--format", "json", tmp_path).stdout)["unsupported"] == sorted(
        str(tmp_path / n) for n in ("old.doc", "x.ofd"))


def test_a_file_in_which_a_rule_found_something_had_something_to_check(cli, tmp_path):
    # No table and no claim, but a comparison contradicted: that is a finding, and the file is no
    # "nothing checked" one (nor clean).
    (tmp_path / "compare.txt").write_text("本年决算数为12.00万元，上年决算数为10.00万元，决算数小于上年决算数。\n", encoding="utf-8")
    data = json.loads(cli("--format", "json", tmp_path).stdout)
    assert [f["rule"] for f in data["findings"]] == ["comparison-word"]
    text = " ".join(cli("--lang", "en", tmp_path).stdout.split())
    assert "compare.txt: 1 error (0 tables, 0 claims checked)" in text
