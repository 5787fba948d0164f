"""Bad input: every file of the suite (tests/badfiles.py) gives findings or one line and exit 2,
within the limits, on one command line, and nothing a document names is ever executed."""
from __future__ import annotations

import json
import sys

import pytest

from tests.badfiles import SUITE, as_unprivileged, cmap_pickle_pdf, make_suite

pytest.importorskip("reportlab")


@pytest.fixture(scope="module")
def suite(tmp_path_factory):
    return make_suite(tmp_path_factory.mktemp("bad"))


def test_every_bad_input_costs_one_line_and_the_others_are_still_linted(suite, tmp_path):
    import subprocess
    paths = [str(path) for item, path in suite if item.name != "no-permission.txt"]
    out = tmp_path / "report.json"
    run = subprocess.run([sys.executable, "-m", "auditlint", "--format", "json", "-o", str(out), "--jobs", "2",
                          "--timeout", "60", *paths], capture_output=True, text=True, timeout=600)
    assert run.returncode == 2
    assert "Traceback" not in run.stderr
    report = json.loads(out.read_text(encoding="utf-8"))
    reasons = {entry["path"]: entry["reason"] for entry in report["unreadable"]}
    for item, path in suite:
        if item.name == "no-permission.txt":
            continue
        if item.reason is None:
            assert str(path) not in reasons, (item.name, reasons.get(str(path)))
            assert any(f == str(path) or f.startswith(str(path) + "/") for f in report["files"]), item.name
        else:
            assert item.reason in reasons.get(str(path), ""), (item.name, reasons.get(str(path)))
    # the slips planted in the re-encoded samples are found through the encodings
    found = {(f["location"]["path"].rsplit("/", 1)[-1], f["rule"]) for f in report["findings"]}
    assert {("gb18030.txt", "split-total"), ("utf16.txt", "split-total"), ("doc.txt", "split-total"),
            ("planted.docx", "split-total"), ("planted.xlsx", "cross-table")} <= found
    notices = ("auditlint: warning: ", "auditlint: 警告：")
    lines = [line for line in run.stderr.splitlines() if line.startswith("auditlint: ") and not line.startswith(notices)]
    assert len(lines) == len(reasons) == sum(1 for item in SUITE if item.reason and item.name != "no-permission.txt")
    # the planted sample's tables alone (planted.xlsx) beside whole copies of it may be one
    # document with one of them: said in a notice, and linted apart
    [notice] = [line for line in run.stderr.splitlines() if line.startswith(notices)]
    assert "planted.xlsx" in notice


def test_a_file_without_read_permission_is_refused_and_the_others_still_linted():
    import shutil
    import tempfile
    from pathlib import Path

    from click.testing import CliRunner

    from auditlint.cli import main
    directory = Path(tempfile.mkdtemp())
    try:
        directory.chmod(0o755)  # as root the check runs as nobody, who must reach the files
        [locked] = [item.make(directory / item.name) for item in SUITE if item.name == "no-permission.txt"]
        control = directory / "readable.txt"
        control.write_text("住房公积金87.39万元，主要是主要是人员异动。", encoding="utf-8")
        control.chmod(0o644)
        CliRunner().invoke(main, [str(control)])  # import everything before privileges are dropped

        def attempt() -> list:
            result = CliRunner().invoke(main, ["--lang", "en", "--format", "json", str(locked), str(control)])
            report = json.loads(result.stdout)
            return [result.exit_code, report["unreadable"], report["files"], result.stderr.splitlines()[0]]
        code, unreadable, files, first = as_unprivileged(attempt)
        assert code == 2
        assert unreadable == [{"path": str(locked), "reason": "permission denied"}]
        assert files == [str(control)]
        assert first == f"auditlint: {locked}: permission denied"
    finally:
        shutil.rmtree(directory)


@pytest.mark.parametrize("engine", ["pdfium", "pdfminer"])
def test_a_cmap_named_by_the_document_never_loads_a_pickle(cli, tmp_path, engine):
    marker = tmp_path / "pwned"
    pdf = cmap_pickle_pdf(tmp_path / "cmap.pdf", marker)
    result = cli("--pdf-engine", engine, pdf)
    assert result.exit_code in (0, 2)
    assert not marker.exists()


def test_no_code_of_ours_imports_a_deserialiser_that_executes_code():
    import re
    from pathlib import Path
    root = Path(__file__).resolve().parent.parent
    sources = [p for d in ("auditlint", "checks") for p in (root / d).rglob("*.py")]
    assert len(sources) > 20
    unsafe = re.compile(r"^\s*(?:import|from)\s+(?:c?pickle|dill|marshal|shelve|yaml)\b|\b(?:eval|exec)\(", re.M)
    assert [p.name for p in sources if unsafe.search(p.read_text(encoding="utf-8"))] == []
