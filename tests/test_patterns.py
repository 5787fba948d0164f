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
    han = compile_lazily(r"\p{Han}+")                 # a Unicode property
    behind = compile_lazily(r"(?<!年度?)预算")           # a lookbehind of varying width
    assert han.findall("预算 2025 年") == ["预算", "年"]
    assert behind.search("年度预算") is None and behind.search("部门预算")
    assert isinstance(vars(han)["compiled"], regex.Pattern) and isinstance(vars(behind)["compiled"], regex.Pattern)
    plain = compile_lazily(r"预算\d+")
    assert plain.match("预算12") and isinstance(vars(plain)["compiled"], re.Pattern)


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
    han = compile_lazily(r"\p{Han}+")
    assert list(han.splititer("预算 2025")) == ["", " 2025"]  # regex's own, not bound on first use
    assert han.search("年") and list(han.splititer("年")) == ["", ""]
    assert compiled == [r"\p{Han}+"]
