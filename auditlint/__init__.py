"""auditlint: a consistency-audit linter for Chinese budget and final-account disclosures.

As a library: `auditlint.lint(paths, **options)` returns a `LintResult` (README, "As a library").
"""
from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, Iterable

if TYPE_CHECKING:
    from auditlint.result import LintResult

__version__ = "0.2.0"
# The name this project is installed under (setup.cfg): `auditlint` on the public registry belongs
# to another project, so `pip install auditlint` would install a stranger's code.
DISTRIBUTION = "auditlint-budget"

# The values of the options that take one of a few words, shared by the command line and the
# configuration file; here, so that `auditlint --version` need not import the configuration.
FAIL_ON = ("error", "warning", "note", "never")
MIN_LEVELS = ("error", "warning", "note")
LANGS = ("zh", "en")
PDF_ENGINES = ("pdfium", "pdfminer")
EXECUTORS = ("local", "dask")


def lint(paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]], **options: Any) -> LintResult:
    """Lint documents as `auditlint PATHS...` does, and return what was found (a LintResult).

    `paths` is a file or folder, or several. `options` are the command line's, by their Python
    names: select, extend_select, ignore (a rule id, a comma-separated string or a list), lang,
    pdf_engine, jobs, timeout, max_memory, tolerance ({rule: amount}), per_file_ignores
    ({pattern: [rules]}), config (a configuration file; by default the nearest one, as on the
    command line) and baseline (a baseline file: the findings it records are left out).
    `result.lang` is the language chosen for messages (`finding.message.get(result.lang)`). An
    unknown option is a TypeError; a bad value, or a configuration or plugin that cannot be used,
    raises auditlint.config.ConfigError or auditlint.plugins.PluginError.

    The engine, parser and checks are imported here, not at `import auditlint`, so that the
    command line's `--version` stays instant.
    """
    from auditlint.api import lint as run_lint

    return run_lint(paths, **options)


def lint_file(path: str | os.PathLike[str], **options: Any) -> dict[str, Any]:
    """Lint one file and return plain data: what a job scheduler (Dask, Ray, a queue of your own)
    sends back from a worker to lint a national year file by file.

    The file is linted as `auditlint FILE` lints it, in a forked process within the `timeout`
    and `max_memory` limits; `options` are `lint`'s. The result is a dict of strings, numbers,
    lists and dicts only (json.dumps and pickle take it as it is):
    `{"path": …, "result": {"findings": [finding data …], "language": "zh", "tables": n,
    "claims": n}}`, or `{"path": …, "error": "the one-line reason it could not be read"}`. A
    finding's data turns back into a Finding with `auditlint.findings.Finding.from_data`.
    """
    from auditlint.api import lint_file as lint_one

    return lint_one(path, **options)
