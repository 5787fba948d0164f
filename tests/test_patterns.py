"""Patterns compiled when first used (auditlint.patterns): starting costs no compiling."""
from __future__ import annotations

import re
import subprocess
import sys

import regex

from auditlint.patterns import LazyPattern, compile_lazily


def test_a_pattern_compiles_on_first_use_and_then_is_the_compiled_one():
    pattern = compile_lazily(r"(?P<amount>\d+(?:\.\d+)?)万元", regex.IGNORECASE)
    assert isinstance(pattern, LazyPattern) and "compiled" not in vars(pattern)
    assert pattern.pattern == r"(?P<amount>\d+(?:\.\d+)?)万元"  # its source, without compiling
    assert "compiled" not in vars(pattern)
    assert pattern.search("共 12.5万元").group("amount") == "12.5"
    compiled = vars(pattern)["compiled"]
    assert compiled == re.compile(r"(?P<amount>\d+(?:\.\d+)?)万元", re.IGNORECASE)  # re reads it
    assert pattern.sub("X", "1万元 2万元") == "X X" and pattern.groupindex == {"amount": 1}
    assert vars(pattern)["search"] == compiled.search  # bound: no lookup through the proxy again


def test_what_only_regex_reads_is_compiled_by_regex():
    letters = compile_lazily(r"\p{L}+")                # a Unicode property
    behind = compile_lazily(r"(?<!年度?)预算")           # a lookbehind of varying width
    assert letters.findall("预算 2025 年") == ["预算", "年"]
    assert behind.search("年度预算") is None and behind.search("部门预算")
    assert isinstance(vars(letters)["compiled"], regex.Pattern) and isinstance(vars(behind)["compiled"], regex.Pattern)
    plain = compile_lazily(r"预算\d+")
    assert plain.match("预算12") and isinstance(vars(plain)["compiled"], re.Pattern)


def test_han_is_written_out_for_re_and_matches_as_regex_reads_it():
    inside = compile_lazily(r"[\p{Han}（）]{2,4}?的")      # within a class
    outside = compile_lazily(r"(?<=\p{Han})\s+(?=\p{Han})")  # a class of its own, in lookarounds
    negated = compile_lazily(r"[^\p{Han}\d]+")
    texts = ["预算（调整）的 12 项", "基本 支出 3,000", "〇 々 abc", "𠀀 𪜀 x"]
    for lazy in (inside, outside, negated):
        assert [lazy.findall(t) for t in texts] == [regex.findall(lazy.pattern, t) for t in texts]
        assert isinstance(vars(lazy)["compiled"], re.Pattern)


def test_han_written_out_reads_escapes_and_classes_as_re_does():
    from auditlint.patterns import han_written_out

    assert han_written_out(r"预算\d+") == r"预算\d+"  # nothing to write out: the source itself
    assert han_written_out(r"\\p{Han}") == r"\\p{Han}"  # an escaped backslash, then letters
    written = han_written_out(r"[]\p{Han}]x\p{Han}")  # "]" first in a class is itself
    assert written.startswith("[]") and written.count("[") == 2 and "\\p" not in written
    assert re.fullmatch(written, "]x年") and re.fullmatch(written, "〇x年") and not re.fullmatch(written, "ax年")


def test_the_han_script_is_the_one_regex_reads():
    """Every code point regex calls Han is in the table, but for those this Python's Unicode
    does not assign yet (a newer regex knows more); every one in the table is Han to regex."""
    import unicodedata

    from auditlint.patterns import HAN_SCRIPT

    table = {point for first, last in HAN_SCRIPT for point in range(first, last + 1)}
    everything = "".join(chr(point) for point in range(0x110000) if not 0xD800 <= point <= 0xDFFF)
    han = {ord(char) for run in regex.findall(r"\p{Han}+", everything) for char in run}
    assert table <= han
    assert {point for point in han - table if unicodedata.category(chr(point)) != "Cn"} == set()


def test_importing_the_engine_and_loading_the_checks_compiles_no_pattern():
    probe = ("import auditlint.engine, auditlint.cli\n"
             "from auditlint.plugins import load_checks\n"
             "from auditlint.patterns import _MADE\n"
             "load_checks()\n"
             "print(len(_MADE), sum('compiled' in vars(pattern) for pattern in _MADE))\n")
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    made, compiled = map(int, run.stdout.split())
    assert made > 300 and compiled <= 1  # a table of unit words built at import


def test_compile_all_compiles_every_pattern_made():
    from auditlint.patterns import compile_all

    pattern = compile_lazily(r"预算\d+")
    compile_all()
    assert "compiled" in vars(pattern) and vars(pattern)["search"]("预算12")


def test_an_attribute_not_bound_is_asked_of_the_pattern_already_compiled(monkeypatch):
    import auditlint.patterns as patterns

    compiled = []
    real = patterns._compile
    monkeypatch.setattr(patterns, "_compile", lambda *a: compiled.append(a[0]) or real(*a))
    letters = compile_lazily(r"\p{L}+")
    assert list(letters.splititer("预算 2025")) == ["", " 2025"]  # regex's own, not bound on first use
    assert letters.search("年") and list(letters.splititer("年")) == ["", ""]
    assert compiled == [r"\p{L}+"]
