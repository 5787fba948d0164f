"""What a run found, as reports read it: the findings, the files read and the files that could
not be, and the rules that ran. The engine fills it; reports format it and never run anything."""
from __future__ import annotations

from dataclasses import dataclass, field

from auditlint.findings import Finding, Message
from auditlint.plugins import RuleInfo


@dataclass(frozen=True)
class FileError:
    """A path that could not be linted, and why, in one line."""

    path: str
    reason: str


@dataclass
class LintResult:
    """Everything a report needs: the findings, the files read, the files that could not be."""

    findings: list[Finding] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    rules: list[RuleInfo] = field(default_factory=list)
    baselined: int = 0  # findings hidden because the baseline records them
    notices: list[Message] = field(default_factory=list)  # remarks on the run as a whole, one line each
    languages: dict[str, str] = field(default_factory=dict)  # each file read: the language it is written in
    lang: str = "en"  # the language of the run's messages (auditlint.language.choose)
