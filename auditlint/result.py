"""What a run found, as reports read it: the findings, the files read and the files that could
not be, and the rules that ran. The engine fills it; reports format it and never run anything."""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from auditlint.findings import Finding, Level, Message
from auditlint.plugins import RuleInfo
from auditlint.understood import Checked, NotUnderstood


@dataclass(frozen=True)
class FileError:
    """A path that could not be linted, and why, in one line."""

    path: str
    reason: str


@dataclass(frozen=True)
class Comparison:
    """Two documents held one to the other by the checks across documents: their files, how
    they relate (prior-year, budget-to-account, unit-document), what each is (its department,
    year and kind), how many figures of the later were compared with the earlier's, how many
    of those differ (a finding of any level) and how many of those are errors."""

    later: tuple[str, ...]
    earlier: tuple[str, ...]
    relation: str
    later_name: str
    earlier_name: str
    compared: int
    differ: int
    errors: int


@dataclass
class LintResult:
    """Everything a report needs: the findings, the files read, the files that could not be.

    `findings` are the ones a report lists; `unlisted` those below the level asked for
    (`--min-level`), which the summary still counts."""

    findings: list[Finding] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    rules: list[RuleInfo] = field(default_factory=list)
    baselined: int = 0  # findings hidden because the baseline records them
    notices: list[Message] = field(default_factory=list)  # remarks on the run as a whole, one line each
    languages: dict[str, str] = field(default_factory=dict)  # each file read: the language it is written in
    lang: str = "en"  # the language of the run's messages (auditlint.language.choose)
    pdf_engine: str = "pdfium"  # the engine the PDFs were read with (a report that reads them again uses it)
    unlisted: list[Finding] = field(default_factory=list)
    unsupported: list[str] = field(default_factory=list)  # files found in formats not read yet
    # per document read, under its first file: its tables and claims
    checked: dict[str, Checked] = field(default_factory=dict)
    # the documents of several files, each its files as linted together (the others are one file each)
    documents: list[tuple[str, ...]] = field(default_factory=list)
    # the pairs of documents the checks across documents compared
    comparisons: list[Comparison] = field(default_factory=list)

    def nothing_checked(self, paths: str | tuple[str, ...]) -> bool:
        """Was nothing checked in a document read (a file, or the files of one): no table, no
        claim, and no finding but the one that says so?"""
        paths = (paths,) if isinstance(paths, str) else paths
        counts = self.checked.get(paths[0])
        return counts is not None and counts.nothing and all(
            f.rule == NotUnderstood.id for f in self.every_finding if f.location.path in paths)

    def by_document(self) -> list[tuple[str, ...]]:
        """Every document read, as its files, in the order of the files read: a document of
        several files where its first file comes."""
        of = {path: members for members in self.documents for path in members}
        return list(dict.fromkeys(of.get(path, (path,)) for path in self.files))

    @property
    def every_finding(self) -> list[Finding]:
        """Listed and unlisted, in report order: what the summary counts."""
        return sorted([*self.findings, *self.unlisted], key=Finding.sort_key)

    def listing(self, min_level: Level) -> "LintResult":
        """This result with only the findings at or above `min_level` listed, the rest counted."""
        every = self.every_finding
        return replace(self, findings=[f for f in every if f.level >= min_level],
                       unlisted=[f for f in every if f.level < min_level])
