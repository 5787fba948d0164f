"""Checks are found through the `auditlint.checks` entry points, a separate package's included."""
from __future__ import annotations

import json
import os
import subprocess
import sys

from auditlint import DISTRIBUTION
from auditlint.findings import Level
from auditlint.plugins import load_checks

PLUGIN = '''
from auditlint.findings import Finding, Level, Message


class DemoRule:
    """Flags the word 演示 (a rule from a separately installed package)."""

    id = "demo-rule"
    level = Level.WARNING

    def check(self, doc, options):
        for paragraph in doc.paragraphs:
            at = paragraph.text.find("演示")
            if at >= 0:
                yield Finding(self.id, self.level, Message("演示", "demo"), paragraph.body.locate(at, at + 2))
'''


def install_plugin(target) -> None:
    """Lay the plugin out as pip installs a package: its module and a .dist-info with entry points."""
    (target / "auditlint_demo_plugin.py").write_text(PLUGIN, encoding="utf-8")
    info = target / "auditlint_demo_plugin-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: auditlint-demo-plugin\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text("[auditlint.checks]\ndemo-rule = auditlint_demo_plugin:DemoRule\n")


def test_built_in_checks_come_from_entry_points():
    checks = {info.id: info for _, info in load_checks()}
    assert checks["duplicate-sentence"].level is Level.ERROR
    assert checks["duplicate-sentence"].origin == DISTRIBUTION


def test_a_check_from_a_separately_installed_package_is_picked_up(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    install_plugin(site)
    doc = tmp_path / "doc.txt"
    doc.write_text("这是一段演示文字。\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(site)}
    rules = subprocess.run([sys.executable, "-m", "auditlint", "rules"], env=env, capture_output=True, text=True)
    assert "demo-rule" in rules.stdout
    lint = subprocess.run([sys.executable, "-m", "auditlint", "--fail-on", "warning", str(doc)],
                          env=env, capture_output=True, text=True)
    assert lint.returncode == 1, lint.stderr
    assert "demo-rule" in lint.stdout
    assert f"{doc}:1:5" in lint.stdout  # 这是一段 precede 演示


RAISING_PLUGIN = '''
from auditlint.findings import Level


class RaisingRule:
    """A plugin whose check raises on every document."""

    id = "raising-rule"
    level = Level.ERROR

    def check(self, doc, options):
        raise RuntimeError("plugin bug")
'''


def test_a_plugin_that_raises_loses_only_its_own_findings(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "auditlint_raising_plugin.py").write_text(RAISING_PLUGIN, encoding="utf-8")
    info = site / "auditlint_raising_plugin-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: auditlint-raising-plugin\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text("[auditlint.checks]\nraising-rule = auditlint_raising_plugin:RaisingRule\n")
    doc = tmp_path / "doc.txt"
    doc.write_text("住房公积金87.39万元，主要是主要是人员异动。\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(site)}
    lint = subprocess.run([sys.executable, "-m", "auditlint", "--lang", "en", "--format", "json", "--ignore", "not-understood", str(doc)],
                          env=env, capture_output=True, text=True)
    findings = json.loads(lint.stdout)["findings"]
    assert sorted(f["rule"] for f in findings) == ["duplicate-sentence", "raising-rule"], lint.stderr
    [failure] = [f for f in findings if f["rule"] == "raising-rule"]
    assert failure["level"] == "warning" and "RuntimeError: plugin bug" in failure["message"]["en"]
    assert json.loads(lint.stdout)["unreadable"] == []
