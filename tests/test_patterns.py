"""Patterns compiled when first used (auditlint.patterns): starting costs no compiling."""
from __future__ import annotations

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
    assert compiled == regex.compile(r"(?P<amount>\d+(?:\.\d+)?)万元", regex.IGNORECASE)
    assert pattern.sub("X", "1万元 2万元") == "X X" and pattern.groupindex == {"amount": 1}
    assert vars(pattern)["search"] == compiled.search  # bound: no lookup through the proxy again


def test_importing_the_engine_and_loading_the_checks_compiles_no_pattern():
    probe = ("import regex\n"
             "compiled = []\n"
             "original = regex.compile\n"
             "regex.compile = lambda *a, **k: (compiled.append(a[0]), original(*a, **k))[1]\n"
             "import auditlint.engine, auditlint.cli\n"
             "from auditlint.plugins import load_checks\n"
             "load_checks()\n"
             "print(len(compiled))\n")
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert int(run.stdout) <= 2  # the regex module's own, at most


def test_compile_all_compiles_every_pattern_made():
    from auditlint.patterns import compile_all

    pattern = compile_lazily(r"预算\d+")
    compile_all()
    assert "compiled" in vars(pattern) and vars(pattern)["search"]("预算12")
