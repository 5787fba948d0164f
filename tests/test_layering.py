"""The layers of DESIGN.md, held by an ast walk of every module's imports: checks ask the facts
and do arithmetic, so they import only the vocabulary, findings, domain data and the agreement
arithmetic; readers know nothing of budgets; reports know nothing of the engine."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Where each layer lives, and the auditlint modules (by prefix) it may import. auditlint.patterns
# (regular expressions compiled on first use) is below every layer, as the regex module is, and
# auditlint.compiled (their programs kept between runs) below it.
LAYERS = {
    "checks": ("auditlint.model", "auditlint.findings", "auditlint.domain", "auditlint.agreement", "auditlint.patterns"),
    "auditlint/model.py": (),
    "auditlint/patterns.py": ("auditlint.compiled",),
    "auditlint/compiled.py": ("auditlint.whole",),
    "auditlint/whole.py": (),
    "auditlint/domain": ("auditlint.domain", "auditlint.patterns"),
    "auditlint/agreement.py": ("auditlint.model",),
    "auditlint/findings.py": ("auditlint.model", "auditlint.agreement"),
    "auditlint/readers": ("auditlint.model", "auditlint.readers", "auditlint.patterns"),
    "auditlint/parse": ("auditlint.model", "auditlint.domain", "auditlint.agreement", "auditlint.parse",
                        "auditlint.patterns"),
    # The HTML report reads the documents again (readers), to show their own lines and pages; a
    # report prints the readers' reasons in the run's language (translate: a catalogue, no engine).
    "auditlint/report": ("auditlint.findings", "auditlint.result", "auditlint.report", "auditlint.model",
                         "auditlint.plugins", "auditlint.readers", "auditlint.translate"),
}


def imported_modules(path: Path) -> list[str]:
    """Every module a file imports, absolute; a relative import is resolved against its package."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                raise AssertionError(f"{path}: relative import")
            found.append(node.module or "")
            if node.module == "auditlint":  # `from auditlint import domain`: a module, or a name (__version__)
                found.extend(f"auditlint.{alias.name}" for alias in node.names
                             if (ROOT / "auditlint" / alias.name).is_dir() or (ROOT / "auditlint" / f"{alias.name}.py").is_file())
    return found


def files_of(layer: str) -> list[Path]:
    place = ROOT / layer
    return sorted(place.rglob("*.py")) if place.is_dir() else [place]


@pytest.mark.parametrize("layer", sorted(LAYERS))
def test_a_layer_imports_only_what_the_design_allows(layer):
    allowed = LAYERS[layer]
    wrong = [(path.relative_to(ROOT).as_posix(), module) for path in files_of(layer) for module in imported_modules(path)
             if module.startswith("auditlint") and module != "auditlint" and not module.startswith(allowed)]
    assert wrong == []


def test_checks_install_as_auditlint_checks_not_a_top_level_package():
    setup = (ROOT / "setup.cfg").read_text(encoding="utf-8")
    assert "auditlint.checks = checks" in setup
    assert "\n    checks\n" not in setup


def test_show_says_whether_each_table_is_trusted_and_prints_its_facts():
    from auditlint.parse import parse_document
    from auditlint.readers.text import read_text
    from auditlint.show import render_document

    table = ("部门支出总表\n{unit}科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
             "\t合计\t100.00\t60.00\t40.00\n201\t一般公共服务支出\t100.00\t60.00\t40.00\n"
             "20101\t人大事务\t100.00\t60.00\t40.00\n")
    shown = render_document(parse_document(read_text("t.txt", table.format(unit="单位：万元\n").encode())), with_facts=True)
    assert "    trusted: 9/9 sums hold" in shown  # three rows across, two families down three columns
    fact = next(line for line in shown.splitlines() if line.split()[:4] == ["6", "部门支出总表", "20101", "基本支出"])
    assert fact.split()[4:] == ["basic", "全部资金", "current", "万元", "60.00", "201", "2"]
    unknown = render_document(parse_document(read_text("t.txt", table.format(unit="").encode())))
    assert "    not trusted: its unit (元 or 万元) is not printed (9/9 sums hold)" in unknown
