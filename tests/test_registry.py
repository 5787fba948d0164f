"""Entry points kept while the installed distributions stay as they are (auditlint.registry)."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from auditlint.compiled import CACHE_VARIABLE
from auditlint.registry import load
from tests.test_plugins import install_plugin

PROBE = ("import sys\n"
         "from auditlint.plugins import load_checks\n"
         "ids = [info.id for _, info in load_checks()]\n"
         "print(' '.join(ids), 'importlib.metadata' in sys.modules)\n")


def probe(environment: dict[str, str]) -> tuple[list[str], bool]:
    run = subprocess.run([sys.executable, "-c", PROBE], env=environment, capture_output=True, text=True, check=True)
    *ids, read = run.stdout.split()
    return ids, read == "True"


def test_a_second_run_takes_the_entry_points_as_kept_without_importlib_metadata(tmp_path):
    environment = {**os.environ, CACHE_VARIABLE: str(tmp_path / "cache")}
    first, first_read = probe(environment)
    second, second_read = probe(environment)
    assert first_read and not second_read  # read once, then kept
    assert first == second and "duplicate-sentence" in first
    [kept] = (tmp_path / "cache").glob("entry-points-*.json")
    assert {entry[2] for entry in json.loads(kept.read_text(encoding="utf-8"))["groups"]["auditlint.checks"]} \
        == {"auditlint-budget"}


def test_a_distribution_installed_after_a_run_is_found_by_the_next(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    environment = {**os.environ, CACHE_VARIABLE: str(tmp_path / "cache"), "PYTHONPATH": str(site)}
    before, _ = probe(environment)
    install_plugin(site)  # a new .dist-info in a folder of sys.path: the folder's time changes
    after, read = probe(environment)
    assert "demo-rule" not in before and "demo-rule" in after and read


def test_what_else_changes_in_a_folder_of_sys_path_keeps_them(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    environment = {**os.environ, CACHE_VARIABLE: str(tmp_path / "cache"), "PYTHONPATH": str(site)}
    first, _ = probe(environment)
    (site / "report.sarif").write_text("{}", encoding="utf-8")  # a folder's own time changes, no distribution's
    again, read = probe(environment)
    assert again == first and not read


def test_a_kept_file_that_cannot_be_read_is_read_anew(tmp_path):
    environment = {**os.environ, CACHE_VARIABLE: str(tmp_path / "cache")}
    first, _ = probe(environment)
    [kept] = (tmp_path / "cache").glob("entry-points-*.json")
    kept.write_text("{not json", encoding="utf-8")
    again, read = probe(environment)
    assert again == first and read


def test_with_nothing_kept_every_run_reads_them(tmp_path):
    environment = {**os.environ, CACHE_VARIABLE: ""}
    assert probe(environment)[1] and probe(environment)[1]


def test_an_object_is_loaded_as_importlib_metadata_loads_it():
    from importlib.metadata import EntryPoint

    for value in ("os.path:join", "os.path", "collections:OrderedDict.fromkeys", "json:loads [extra]"):
        assert load(value) == EntryPoint("x", value, "g").load()
    with pytest.raises(ValueError):
        load("not a reference!")
