"""The machine format: every field of every finding, plus the files read and not read, what each
document gave the checks (under its first file) and the documents of several files linted as one."""
from __future__ import annotations

import json
from auditlint import __version__
from auditlint.result import LintResult

def render(result: LintResult, lang: str) -> str:
    document = {
        "tool": "auditlint",
        "version": __version__,
        "files": result.files,
        "checked": {path: {"tables": c.tables, "claims": c.claims} for path, c in result.checked.items()},
        "documents": [list(paths) for paths in result.documents],
        "unsupported": result.unsupported,
        "unreadable": [{"path": e.path, "reason": e.reason} for e in result.errors],
        "findings": [f.to_data() for f in result.findings],
    }
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
