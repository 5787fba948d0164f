"""The language of messages: --lang or the lang key, else the locale, else the documents'."""
from __future__ import annotations

from auditlint.language import choose, documents_lang, locale_lang, text_lang
from tests.conftest import SAMPLES

PLANTED = SAMPLES / "planted_budget_2025.txt"


def test_a_locale_that_names_no_language_gives_no_preference():
    assert locale_lang({"LANG": "C.UTF-8"}) is None
    assert locale_lang({"LC_ALL": "POSIX", "LANG": "zh_CN.UTF-8"}) is None  # LC_ALL decides
    assert locale_lang({}) is None
    assert locale_lang({"LANG": "zh_CN.UTF-8"}) == "zh"
    assert locale_lang({"LC_MESSAGES": "en_GB.UTF-8", "LANG": "zh_CN.UTF-8"}) == "en"


def test_the_documents_language_decides_when_nothing_else_does():
    assert text_lang("2025年部门预算公开，单位：万元 1,234.56") == "zh"
    assert text_lang("Notice of the annual meeting of the board, 12 March 2025") == "en"
    assert documents_lang(["zh", "en"]) == "zh" and documents_lang([]) is None
    assert choose(None, ["zh"], {"LANG": "C.UTF-8"}) == "zh"
    assert choose(None, ["zh"], {"LANG": "en_US.UTF-8"}) == "en"
    assert choose("en", ["zh"], {"LANG": "zh_CN.UTF-8"}) == "en"
    assert choose(None, [], {"LANG": "C"}) == "en"


def test_on_a_c_locale_a_chinese_document_gets_chinese_messages(cli, monkeypatch, tmp_path):
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert "文字重复" in cli(PLANTED).stdout
    english = tmp_path / "notice.txt"
    english.write_text("Notice of the annual meeting. The meeting is held on 12 March 2025.\n", encoding="utf-8")
    assert "not a budget document" in cli(english).stdout


def test_only_ideographs_and_ascii_letters_are_counted():
    # 4 letters per character: one ideograph (of extension A, or the last of the block) weighs "abcd"
    assert text_lang("\u3400abcd") == "zh" and text_lang("\u3400abcde") == "en"
    assert text_lang("\u9fffABCD") == "zh" and text_lang("\u4dbfABCDE") == "en"
    # full-width letters, accented letters, digits and kana count for neither
    assert text_lang("年ｅｅｅｅｅéééééあいう12345") == "zh"
    assert text_lang("ｅｅé") == "en"  # no ideograph at all
