"""Compiled patterns kept between runs (auditlint.compiled): the same patterns, sooner."""
from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from auditlint.compiled import CACHE_VARIABLE, REFUSED, ProgramCache

SOURCE = r"(?P<amount>(?<![\d.])\d{1,3}(?:,\d{3})*(?:\.\d+)?)\s*万元[，,]?(?:比|较)上年(?P<way>增加|减少)"


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv(CACHE_VARIABLE, str(tmp_path))
    return tmp_path


def test_a_kept_program_builds_the_pattern_re_compiles(folder):
    first = ProgramCache()
    assert first.get(SOURCE, re.IGNORECASE) is None  # nothing kept yet
    compiled = re.compile(SOURCE, re.IGNORECASE)
    first.add(SOURCE, re.IGNORECASE, compiled)
    first.save()
    [kept] = folder.glob("patterns-*.json")
    second = ProgramCache()  # another run
    built = second.get(SOURCE, re.IGNORECASE)
    assert built is not compiled and built == compiled  # the engine's own comparison: source, flags, program
    assert built.groupindex == compiled.groupindex and built.groups == compiled.groups
    match = built.search("支出 1,234.5 万元，比上年增加")
    assert match.group("amount", "way") == ("1,234.5", "增加")
    assert second.get(SOURCE, 0) is None  # other flags, another pattern
    assert json.loads(kept.read_text(encoding="utf-8"))["interpreter"] == second.interpreter


def test_a_pattern_re_cannot_read_is_remembered_as_refused(folder):
    first = ProgramCache()
    first.refuse(r"(?<=年度?)预算", 0)
    first.save()
    assert ProgramCache().get(r"(?<=年度?)预算", 0) is REFUSED


def test_what_is_not_a_valid_program_is_compiled_as_usual(folder):
    cache = ProgramCache()
    cache.add(SOURCE, 0, re.compile(SOURCE))
    cache.save()
    [kept] = folder.glob("patterns-*.json")
    data = json.loads(kept.read_text(encoding="utf-8"))
    data["patterns"][0][3] = "AAAAAP////8="  # a program the engine refuses
    kept.write_text(json.dumps(data), encoding="utf-8")
    assert ProgramCache().get(SOURCE, 0) is None
    kept.write_text("{not json", encoding="utf-8")
    assert ProgramCache().get(SOURCE, 0) is None


def test_an_empty_cache_variable_keeps_nothing(monkeypatch, tmp_path):
    monkeypatch.setenv(CACHE_VARIABLE, "")
    cache = ProgramCache()
    cache.add(SOURCE, 0, re.compile(SOURCE))
    cache.save()
    assert cache.path is None and cache.get(SOURCE, 0) is None


def test_a_folder_that_cannot_be_written_costs_nothing_but_time(monkeypatch, tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv(CACHE_VARIABLE, str(blocked / "below"))  # under a file: cannot be made
    cache = ProgramCache()
    cache.add(SOURCE, 0, re.compile(SOURCE))
    cache.save()  # no exception
    assert cache.get(SOURCE, 0) is None


def test_a_run_keeps_the_programs_and_the_next_run_finds_the_same(tmp_path):
    """Two command-line runs on the planted sample: the first writes the programs, the second
    builds its patterns from them; both report the same, to the byte."""
    from conftest import SAMPLES

    environment = {"PATH": "", CACHE_VARIABLE: str(tmp_path / "cache")}
    command = [sys.executable, "-m", "auditlint", "--format", "json", str(SAMPLES / "planted_budget_2025.txt")]
    runs = [subprocess.run(command, capture_output=True, text=True, env=environment) for _ in range(2)]
    [kept] = (tmp_path / "cache").glob("patterns-*.json")
    patterns = json.loads(kept.read_text(encoding="utf-8"))["patterns"]
    assert len(patterns) > 100 and any(len(entry) == 2 for entry in patterns)  # some need `regex`
    assert runs[0].returncode == runs[1].returncode == 1
    assert runs[0].stdout == runs[1].stdout and '"rule"' in runs[0].stdout


def test_a_warm_run_builds_the_engines_patterns_without_compiling_them(tmp_path):
    """The standard library's compiler, counted in a lint of the planted sample when the engine's
    patterns (auditlint.patterns) call it: the first run compiles the patterns the page uses,
    the next builds them from their kept programs."""
    from conftest import SAMPLES

    probe = ("import sys, traceback\n"
             "from re import _compiler\n"
             "calls = []\n"
             "real = _compiler.compile\n"
             "def counted(*a, **k):\n"
             "    if any(f.filename.endswith('patterns.py') for f in traceback.extract_stack()):\n"
             "        calls.append(a[0])\n"
             "    return real(*a, **k)\n"
             "_compiler.compile = counted\n"
             "from auditlint.config import Settings\n"
             "from auditlint.engine import DocumentLinter\n"
             "path = sys.argv[1]\n"
             "linter = DocumentLinter(Settings(), documents={path: (path,)})\n"
             "linter.prepare([path])\n"
             "linter(path)\n"
             "print(len(calls))\n")
    environment = {"PATH": "", CACHE_VARIABLE: str(tmp_path / "cache")}
    command = [sys.executable, "-c", probe, str(SAMPLES / "planted_budget_2025.txt")]
    cold, warm = (int(subprocess.run(command, capture_output=True, text=True, env=environment, check=True).stdout)
                  for _ in range(2))
    assert cold > 100 and warm == 0, (cold, warm)
