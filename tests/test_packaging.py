"""Packaging: installed under a name we own, from our own source, at a version the examples name."""
from __future__ import annotations

import configparser
import re
from importlib.metadata import distribution

from auditlint import DISTRIBUTION, __version__
from tests.conftest import ROOT

DOCS = [ROOT / "README.md", ROOT / "README.zh-CN.md", *(ROOT / "docs").glob("**/*.md")]


def test_the_distribution_is_not_the_registry_name_another_project_owns():
    setup = configparser.ConfigParser(interpolation=None)
    setup.read(ROOT / "setup.cfg", encoding="utf-8")
    assert setup["metadata"]["name"] == DISTRIBUTION != "auditlint"
    assert "auditlint = auditlint.cli:command" in setup["options.entry_points"]["console_scripts"]
    assert distribution(DISTRIBUTION).version == __version__


def test_no_document_installs_a_name_we_do_not_own():
    for path in DOCS:
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            assert not re.search(r"pip install (-U |--upgrade )?auditlint\b(?!-budget)", text), path
            assert not re.search(r"pip install git\+", text), path


def test_the_pre_commit_example_names_this_version_and_the_hook_runs_serially():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.findall(r"\brev: (\S+)", readme) == [f"v{__version__}"]
    hooks = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert re.search(r"^\s*require_serial: true\b", hooks, re.M)


def test_the_readmes_document_the_library_the_plugin_model_and_each_other():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "auditlint.lint(" in readme and "doc.facts" in readme and "LintResult" in readme
    assert "README.zh-CN.md" in readme
    chinese = (ROOT / "README.zh-CN.md").read_text(encoding="utf-8")
    assert "pip install ." in chinese and "docs/html-report.png" in chinese
    from auditlint.plugins import load_checks
    assert all(f"**{info.id}（" in chinese for _, info in load_checks())  # a paragraph per rule
