"""Files in, findings out: read, parse, run the selected checks, suppress, baseline, order.

One bad file costs one line of explanation and never the rest of the run: every failure to read
a file, and every file that overruns its time or memory limit, becomes a `FileError` for that file
while the other files are still linted. A check that raises on a document loses only its own
findings on that file, and a warning finding says so (`run_check`). Each
file is linted in a child process of its own (`auditlint.runner`), so `--jobs N` only changes how
many run at once, never what is reported: findings are ordered and fingerprinted here, after all
files are done.
"""
from __future__ import annotations

import fnmatch
import json
import os
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterable, Protocol

from auditlint import DISTRIBUTION
from auditlint.agreement import Options
from auditlint.baseline import occurrences, read_baseline
from auditlint.config import ConfigError, Settings
from auditlint.findings import Finding, Level, Message, pack_findings, unpack_findings
from auditlint.compiled import PROGRAMS
from auditlint.language import choose, text_lang
from auditlint.documents import named_documents
from auditlint.findings import compared
from auditlint.index import UNIT_DOCUMENT, Described, Entry, Uncertain, entry, group, may_be_grouped, pairs
from auditlint.model import Document, Ledger, Location, Source
from auditlint.parse.across import ledger
from auditlint.kept import Kept, Unkeepable
from auditlint.parse import FileParse, assemble, parse_documents, parse_file
from auditlint.parse.profile import Profile, profile
from auditlint.plugins import Check, RuleInfo, describe, load_checks
from auditlint.result import Comparison, FileError, LintResult
from auditlint.readers import NOT_YET, SUFFIXES, UnreadableError, preload, read_source
from auditlint.runner import JobFailed, Limits, Outcome, file_size, run_jobs
from auditlint.suppression import ALL_RULES, UnusedSuppression, apply_suppressions, parse_suppressions
from auditlint.understood import Checked, NotUnderstood, checked, not_understood


def collect_files(paths: Iterable[str], exclude: Iterable[str] = ()) -> tuple[list[str], list[FileError], list[str]]:
    """Expand the paths given: files as they are, directories walked for documents. Returns the
    files, the paths that cannot be linted, and the files found in formats not read yet.

    Hidden directories and files, and whatever an `exclude` glob matches (a file's or a
    directory's name, or its path below the directory walked), are skipped; symbolic links to
    directories are not followed, so a symlink loop cannot make the walk endless. A file named
    on the command line is linted whatever `exclude` says, as ruff does.
    """
    patterns = tuple(exclude)
    files: list[str] = []
    errors: list[FileError] = []
    unsupported: list[str] = []
    for path in paths:
        if os.path.isdir(path):
            found, others = _walk(path, patterns)
            if not found:
                errors.append(FileError(path, "no .txt, .md, .pdf, .docx or .xlsx files in this directory"))
            files.extend(found)
            unsupported.extend(others)
        elif os.path.lexists(path) and not os.path.exists(path):
            errors.append(FileError(path, "broken symbolic link"))
        elif os.path.exists(path):
            files.append(path)
        else:
            errors.append(FileError(path, "no such file or directory"))
    # a file named twice (walked in a directory and named again, as ./a.txt and a.txt) is one
    once = {os.path.abspath(path): path for path in reversed(files)}
    return list(dict.fromkeys(once[os.path.abspath(path)] for path in files)), errors, list(dict.fromkeys(unsupported))


def excluded(relative: str, patterns: tuple[str, ...]) -> bool:
    """Whether a glob matches the path (relative to the directory walked, with /) or its name."""
    name = relative.rsplit("/", 1)[-1]
    return any(fnmatch.fnmatchcase(name, p) or fnmatch.fnmatchcase(relative, p.strip("/")) for p in patterns)


def _walk(root: str, patterns: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """The documents under root, and the files in formats not read yet, each sorted."""
    found: list[str] = []
    others: list[str] = []
    for directory, subdirs, names in os.walk(root, followlinks=False):
        below = os.path.relpath(directory, root).replace(os.sep, "/")
        below = "" if below == "." else below + "/"
        subdirs[:] = sorted(d for d in subdirs if not d.startswith(".") and not excluded(below + d, patterns))
        for name in names:
            if name.startswith(".") or excluded(below + name, patterns):
                continue
            suffix = Path(name).suffix.lower()
            if suffix in SUFFIXES:
                found.append(os.path.join(directory, name))
            elif suffix in NOT_YET:
                others.append(os.path.join(directory, name))
    return sorted(found), sorted(others)


class Progress(Protocol):
    """Told how many files there are, then once per file done, then that all are done."""

    def start(self, total: int) -> None: ...
    def advance(self) -> None: ...
    def finish(self) -> None: ...


class NoProgress:
    """The progress of a run nobody watches (the library, the tests, a pipe)."""

    def start(self, total: int) -> None:
        pass

    def advance(self) -> None:
        pass

    def finish(self) -> None:
        pass


def all_rules(checks: list[tuple[Check, RuleInfo]]) -> list[RuleInfo]:
    """Every rule a run can report: the registered checks, and the engine's own
    `unused-suppression` and `not-understood`, sorted by id."""
    own = [describe(UnusedSuppression(), DISTRIBUTION), describe(NotUnderstood(), DISTRIBUTION)]
    return sorted([info for _, info in checks] + own, key=lambda i: i.id)


def select_rules(rules: list[RuleInfo], settings: Settings) -> list[RuleInfo]:
    """The rules to run: all, or those selected (plus extend-select), less those ignored.
    Unknown ids, and tolerances for rules that take none, are configuration errors."""
    by_id = {info.id: info for info in rules}
    known = set(by_id)
    patterns = [rule for _, rules_ in settings.per_file_ignores for rule in rules_]
    named = [*settings.select, *settings.extend_select, *settings.ignore, *patterns, *settings.tolerance]
    unknown = sorted({rule for rule in named if rule not in known})
    if unknown:
        raise ConfigError(f"unknown rule id(s): {', '.join(unknown)} (see `auditlint rules`)")
    untolerant = sorted(rule for rule in settings.tolerance if not by_id[rule].tolerance)
    if untolerant:
        raise ConfigError(f"no tolerance to set for: {', '.join(untolerant)} (only rules that compare amounts take one)")
    chosen = (set(settings.select) or known) | set(settings.extend_select)
    return [info for info in rules if info.id in chosen and info.id not in settings.ignore]


def ignored_here(path: str, settings: Settings) -> set[str]:
    """Rules that per-file-ignores turns off for this path. Patterns match the path relative to
    the configuration file's directory, or the file name alone (`*.pdf`)."""
    relative = os.path.relpath(os.path.abspath(path), os.path.abspath(settings.root)).replace(os.sep, "/")
    name = os.path.basename(path)
    return {rule for pattern, rules in settings.per_file_ignores
            if fnmatch.fnmatchcase(relative, pattern) or fnmatch.fnmatchcase(name, pattern) for rule in rules}


@dataclass(frozen=True)
class DocumentOutcome:
    """What linting one document gave: its findings, the language its text is written in, what
    it gave the checks to check (its tables and claims), the files of it that could not be read
    (and why), and, for a document of one file, its entry in the index."""

    findings: list[Finding]
    language: str
    checked: Checked
    unreadable: dict[str, str]
    entry: Entry | None = None
    ledger: Ledger | None = None  # what the checks across documents keep of it, when one runs
    # the suppression comments of the rules across documents, applied once those have run
    suppressed: tuple[tuple[str, str, int, int], ...] = ()


def lint_document(paths: tuple[str, ...], checks: list[tuple[Check, RuleInfo]], settings: Settings,
                  known: set[str], report_unused: bool, report_nothing: bool = True,
                  kept: Kept | None = None) -> DocumentOutcome:
    """All findings of the given checks on one document (one file, or several linted as one),
    less those its files' suppression comments cover and those per-file-ignores turns off for
    the file a finding is in; and what it gave them to check (a `not-understood` finding when
    nothing and `report_nothing`). A file whose parse the run kept (auditlint.kept) is not read
    again.

    A finding belongs to the file of its primary location (a narrative amount held to a table of
    another file is the narrative's): that file's suppressions, per-file-ignores, baseline
    entries and report line are the ones that apply. A file of several that cannot be read is
    said so and the others are linted as one; a document of one file that cannot be read raises
    UnreadableError."""
    raw: list[Source] = []
    parts: list[FileParse] = []
    unreadable: dict[str, str] = {}
    for path in paths:
        loaded = kept.load(path) if kept is not None else None
        if loaded is None:
            try:
                source = _read(path, settings)
            except UnreadableError as exc:
                if len(paths) == 1:
                    raise
                unreadable[path] = str(exc)
                continue
            loaded = (source, parse_file(source))
        raw.append(loaded[0])
        parts.append(loaded[1])
    if not raw:
        return DocumentOutcome([], "", Checked(0, 0), unreadable)
    return lint_parsed(assemble(parts)[0], raw, unreadable, checks, settings, known, report_unused, report_nothing)


def _read(path: str, settings: Settings) -> Source:
    return read_source(path, {"pdf_engine": settings.pdf_engine, "max_memory": settings.max_memory})


def lint_parsed(document: Document, raw: list[Source], unreadable: dict[str, str], checks: list[tuple[Check, RuleInfo]],
                settings: Settings, known: set[str], report_unused: bool, report_nothing: bool = True,
                found: Profile | None = None) -> DocumentOutcome:
    """lint_document's work once the document is parsed (its files' sources as read are `raw`;
    its profile `found`, when already made)."""
    off = {source.path: ignored_here(source.path, settings) for source in raw}
    everywhere = set.intersection(*off.values())
    findings: list[Finding] = []
    for check, info in checks:
        if info.id not in everywhere and not is_across(check):
            findings.extend(run_check(check, info, document, settings))
    findings = [f for f in findings if f.rule not in off.get(f.location.path, set())]
    across = {info.id for check, info in checks if is_across(check)}
    ran = {info.id for _, info in checks} - across  # theirs run later, across documents
    counts = checked(document)
    # a rule that found something had something to check: only a document with no finding at
    # all and nothing read is not understood
    nothing = not_understood(document, counts) if report_nothing and not findings else None
    if nothing is not None and NotUnderstood.id not in off[document.path]:
        findings.append(nothing)
        ran.add(NotUnderstood.id)
    kept = [f for f in findings if f.location.path not in off]
    for source in raw:
        mine = [f for f in findings if f.location.path == source.path]
        kept.extend(apply_suppressions(mine, parse_suppressions(source), ran, known,
                                       report_unused and UnusedSuppression.id not in off[source.path]))
    language = text_lang("\n".join(line.text for source in raw for line in source.lines))
    found = found or profile(document)
    own = entry(raw[0].path, found) if len(raw) == 1 else None
    kept_ledger = ledger(document, found) if across else None
    suppressed = tuple((source.path, s.rule, s.first_line, s.last_line) for source in raw
                       for s in parse_suppressions(source) if s.rule in across or s.rule == ALL_RULES) if across else ()
    return DocumentOutcome(anchored(kept, raw), language, counts, unreadable, own, kept_ledger, suppressed)


def is_across(check: Check) -> bool:
    """Is a check one across documents: one that holds a document to another (`across`) for
    the pairs of a relation (auditlint.index.pairs), and finds nothing within one?"""
    return callable(getattr(check, "across", None)) and isinstance(getattr(check, "relation", None), str)


def across_rules() -> tuple[str, ...]:
    """The ids of the rules across documents registered (`auditlint show --across` runs them alone)."""
    return tuple(info.id for check, info in load_checks() if is_across(check))


def anchored(findings: list[Finding], sources: list[Source]) -> list[Finding]:
    """Findings whose every location names the place a person opens in an office file (its
    anchor: `¶12`, `T2!R3C4`, `Sheet1!C7`), taken from the reader's cell at that line and
    column of the location's own file; the checks build locations from lines and columns, which
    the file itself has not. Text and PDF sources have no anchors, and their findings are
    returned as they are."""
    lines = {(source.path, line.number): line for source in sources for line in source.lines
             if any(cell.location.anchor for cell in line.cells)}
    if not lines:
        return findings

    def place(location: Location) -> Location:
        line = lines.get((location.path, location.line))
        if location.anchor or line is None:
            return location
        cell = next((c for c in reversed(line.cells) if c.location.column <= location.column), line.cells[0])
        return replace(location, anchor=cell.location.anchor)

    return [replace(f, location=place(f.location), related=tuple(replace(r, location=place(r.location)) for r in f.related))
            for f in findings]


def run_check(check: Check, info: RuleInfo, document: Document, settings: Settings) -> list[Finding]:
    """One check's findings on a document. A check that raises (a plugin's bug, or a built-in
    rule's on a layout it never met) loses only its own findings on this file, which one warning
    says, at the start of the file; the other rules' findings on it are reported as usual."""
    options = Options(tolerance=settings.tolerance.get(info.id, Decimal(0)))
    try:
        return list(check.check(document, options))
    except Exception as exc:  # noqa: BLE001 - whatever a rule raises, the file's other findings stand
        reason = f"{type(exc).__name__}: {exc}"
        return [Finding(info.id, Level.WARNING,
                        Message(f"规则 {info.id} 在本文件上出错（{reason}），其发现未能报告；其他规则的发现不受影响",
                                f"the rule {info.id} failed on this file ({reason}): its findings here are lost; "
                                f"the other rules' are reported"),
                        Location(document.path, 1, 1, 1, 1), logical=f"rule-failed:{info.id}")]


def finalize(findings: Iterable[Finding]) -> list[Finding]:
    """Deduplicate, order deterministically, and give every finding its fingerprint."""
    unique = {(f.rule, f.location, f.logical, f.message): f for f in findings}
    return [finding.with_fingerprint(before) for finding, before in occurrences(sorted(unique.values(), key=Finding.sort_key))]


class DocumentLinter:
    """What a worker runs for one document (one file, or several linted as one), as a run's
    settings say: its findings and what it read, as plain data (`{"findings": […], "places": […],
    "language": …, "tables": n, "claims": n, "unreadable": {…}, "entry": …}`, see
    lint_document), or JobFailed with the reason it cannot be read. It is called with the
    document's first file; `documents` gives each first file's members (a file alone is its own).

    With a run's `kept` folder (auditlint.kept), the files of `defer` that the index may group
    (Entry.groupable) are not linted: their parse is kept and only their entry returned, with
    `"deferred": true`; and a file whose parse is kept is linted from it, never read again.

    Picklable, for an executor that sends it to other machines (auditlint.cluster): only the
    settings, the documents and the kept folder travel, and the checks are loaded where it runs,
    once per process."""

    def __init__(self, settings: Settings, loaded: list[tuple[Check, RuleInfo]] | None = None,
                 documents: dict[str, tuple[str, ...]] | None = None, kept: Kept | None = None,
                 defer: frozenset[str] = frozenset()) -> None:
        self.settings = settings
        self.documents = documents or {}
        self.kept = kept
        self.defer = defer if kept is not None else frozenset()
        self._loaded = loaded
        self._chosen: set[str] | None = None
        self._known: set[str] = set()

    def __getstate__(self) -> dict[str, Any]:
        return {"settings": self.settings, "documents": self.documents, "kept": self.kept, "defer": self.defer}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["settings"], documents=state["documents"], kept=state["kept"],  # type: ignore[misc]
                      defer=state["defer"])

    def only(self, documents: dict[str, tuple[str, ...]]) -> DocumentLinter:
        """The same linter for these documents only (what a task of a cluster is sent)."""
        linter = DocumentLinter(self.settings, self._loaded, documents, self.kept, self.defer & set(documents))
        linter._chosen, linter._known = self._chosen, self._known
        return linter

    def deferring(self, files: Iterable[str]) -> DocumentLinter:
        """The same linter, keeping the parse of those of `files` the index may group."""
        linter = DocumentLinter(self.settings, self._loaded, self.documents, self.kept, frozenset(files))
        linter._chosen, linter._known = self._chosen, self._known
        return linter

    def prepare(self, firsts: Iterable[str]) -> None:
        """Load the checks, and a PDF engine if a PDF is among the documents of `firsts`: what
        the workers about to be forked from this process would otherwise each do again."""
        if self._chosen is None:
            if self._loaded is None:
                self._loaded = load_checks()
            rules = all_rules(self._loaded)
            self._chosen = {info.id for info in select_rules(rules, self.settings)}
            self._known = {info.id for info in rules}
        if any(Path(path).suffix.lower() == ".pdf" for first in firsts for path in self.documents.get(first, (first,))):
            preload(self.settings.pdf_engine)

    def __call__(self, first: str) -> dict[str, Any]:
        self.prepare(())
        assert self._loaded is not None and self._chosen is not None
        chosen = self._chosen
        checks = [(check, info) for check, info in self._loaded if info.id in chosen]
        try:
            if first in self.defer:
                source = _read(first, self.settings)
                document, (parsed,) = assemble([parse_file(source)])
                found = profile(document)
                own = entry(first, found)
                if own.groupable and self.kept is not None and _keep(self.kept, first, source, parsed):
                    return {"entry": own.to_data(), "deferred": True}
                outcome = lint_parsed(document, [source], {}, checks, self.settings, self._known,
                                      UnusedSuppression.id in chosen, NotUnderstood.id in chosen, found)
            else:
                outcome = lint_document(self.documents.get(first, (first,)), checks, self.settings, self._known,
                                        UnusedSuppression.id in chosen, NotUnderstood.id in chosen, self.kept)
        except UnreadableError as exc:
            raise JobFailed(str(exc)) from exc
        finally:
            PROGRAMS.save()  # the patterns this file was the first to use, for the runs after this one
        return {**pack_findings(outcome.findings), "language": outcome.language, "tables": outcome.checked.tables,
                "claims": outcome.checked.claims, "unreadable": outcome.unreadable,
                "entry": outcome.entry.to_data() if outcome.entry is not None else None,
                # the ledger as its own JSON text, which the run holds as it is (HeldLedger)
                "ledger": None if outcome.ledger is None else json.dumps(outcome.ledger.to_data(), ensure_ascii=False),
                "suppressed": [list(s) for s in outcome.suppressed]}


def _keep(kept: Kept, path: str, raw: Source, parsed: FileParse) -> bool:
    """Keep a file's parse for the second pass; False when it holds what cannot be kept (the
    file is then linted at once, and read again if grouped)."""
    try:
        kept.save(path, raw, parsed)
    except Unkeepable:
        return False
    return True


def run(paths: Iterable[str], settings: Settings | None = None, baseline: str | None = None,
        progress: Progress | None = None) -> LintResult:
    """Lint every document under `paths`, hiding the findings the baseline file records.

    First every file is read and parsed once: the documents the configuration or the command
    line names as one, and every other file on its own, each returning its entry in the index.
    A file the index may group (a narrative or a table set, Entry.groupable, with another file
    beside it in its folder) is not linted yet: its child keeps its parse in a folder private to
    the run (auditlint.kept). Every other file is linted then. Once the index has grouped the files (a narrative and its table set
    published apart, when that is certain), the files kept are linted from their parses: a
    group's as one document, the others alone. No file is read or parsed twice. The candidates
    the index could not group with certainty are said in a notice and stay linted apart.

    A Dask cluster's workers do not see this machine's folder: there the halves are linted alone
    first, and a group's files read again to be linted as one."""
    settings = settings or Settings()
    loaded = load_checks()
    rules = all_rules(loaded)
    selected = select_rules(rules, settings)
    chosen = {info.id for info in selected}
    recorded = read_baseline(baseline) if baseline else None
    files, errors, unsupported = collect_files(paths, (*settings.exclude, *settings.extend_exclude))
    named = named_documents(files, settings.documents)
    grouped = {path for members in named for path in members}
    first = [*named, *((path,) for path in files if path not in grouped)]
    kept = Kept.create() if settings.executor != "dask" else None
    try:
        linter = DocumentLinter(settings, loaded, kept=kept)
        outcomes = _lint_all(first, linter.deferring(may_be_grouped(path for path in files if path not in grouped)),
                             settings, progress)
        alone = [path for path in files if path not in grouped and outcomes[(path,)].error is None]
        grouping = group(Entry.from_data(outcomes[(path,)].result["entry"]) for path in alone)
        together = {path for members in grouping.documents for path in members}
        second = [*grouping.documents, *((path,) for path in alone
                                         if path not in together and outcomes[(path,)].result.get("deferred"))]
        if second:
            again = _lint_all(second, linter, settings, progress)
            for members in second:
                for path in members:
                    del outcomes[(path,)]
            outcomes.update(again)
    finally:
        if kept is not None:
            kept.remove()
    result = LintResult(errors=errors, rules=selected, unsupported=unsupported, pdf_engine=settings.pdf_engine)
    result.notices.extend(_uncertain_notice(candidate) for candidate in grouping.uncertain)
    findings: list[Finding] = []
    ledgers: list[HeldLedger] = []
    suppressed: list[tuple[str, str, int, int]] = []
    positions = {path: i for i, path in enumerate(files)}
    for members, outcome in sorted(outcomes.items(), key=lambda item: _order(item[0], positions)):
        if outcome.error is not None:
            result.errors.extend(FileError(path, outcome.error) for path in members)
            continue
        data = outcome.result
        read = tuple(path for path in members if path not in data["unreadable"])
        result.errors.extend(FileError(path, reason) for path, reason in data["unreadable"].items())
        if not read:
            continue
        result.files.extend(read)
        if len(read) > 1:
            result.documents.append(read)
        for path in read:
            result.languages[path] = data["language"]
        result.checked[read[0]] = Checked(data["tables"], data["claims"])
        findings.extend(unpack_findings(data))
        if data.get("ledger") is not None:
            ledgers.append(HeldLedger.of(data["ledger"]))
        suppressed.extend(tuple(s) for s in data.get("suppressed", ()))
    across = [(check, info) for check, info in loaded if info.id in chosen and is_across(check)]
    if across:
        found, result.comparisons = compare_across(ledgers, across, settings)
        findings.extend(f for f in found if not _suppressed(f, suppressed))
    result.findings = finalize(findings)
    result.lang = choose(settings.lang, result.languages.values())
    if recorded is not None:
        result.findings, result.baselined = recorded.split(result.findings)
        if recorded.fingerprints and not result.baselined:
            result.notices.append(Message(
                f"基线 {baseline} 记录了 {len(recorded.fingerprints)} 条发现，本次一条也未匹配：文件改了名或移动了？",
                f"the baseline {baseline} records {len(recorded.fingerprints)} finding"
                f"{'s' if len(recorded.fingerprints) != 1 else ''} and matched none of "
                f"this run's: were the files renamed or moved?"))
    return result


@dataclass(frozen=True)
class HeldLedger:
    """A document's ledger as a run holds it until the checks across documents compare it: what
    the pairing reads of it (auditlint.index.Described) and the JSON text its child sent, in
    UTF-8, read again for each pair it is in. Read, a ledger takes five times its text's memory
    (bench/across.py): over thousands of documents, only the text is kept."""

    described: Described
    data: bytes

    @classmethod
    def of(cls, text: str) -> "HeldLedger":
        read = Ledger.from_data(json.loads(text))
        return cls(Described(read.paths, read.department, read.key, read.level, read.kind, read.year, read.units),
                   text.encode("utf-8"))

    def ledger(self) -> Ledger:
        return Ledger.from_data(json.loads(self.data))


def compare_across(ledgers: list[HeldLedger], checks: list[tuple[Check, RuleInfo]], settings: Settings
                   ) -> tuple[list[Finding], list[Comparison]]:
    """The checks across documents, run in this process on the documents' ledgers: each pair
    the index makes (auditlint.index.pairs) held one to the other by the rules of its relation,
    less what per-file-ignores turns off for the later document's file; and, per pair, the
    figures compared and how many differ."""
    found: list[Finding] = []
    comparisons: list[Comparison] = []
    for pair in pairs([held.described for held in ledgers])[0]:
        later, earlier = ledgers[pair.later].ledger(), ledgers[pair.earlier].ledger()
        owner = earlier.key if pair.relation == UNIT_DOCUMENT else ""
        held = later.restatements(earlier, owner)
        differ = errors = 0
        for check, info in checks:
            if check.relation != pair.relation or info.id in ignored_here(later.path, settings):
                continue
            options = Options(tolerance=settings.tolerance.get(info.id, Decimal(0)))
            try:
                new = list(check.across(later, earlier, options))
            except Exception as exc:  # noqa: BLE001 - a rule's failure costs only its own findings
                new = [Finding(info.id, Level.WARNING, Message(f"规则 {info.id} 在此对文件上出错（{exc}）",
                                                               f"the rule {info.id} failed on this pair ({exc})"),
                               Location(later.path, 1, 1, 1, 1), logical=f"rule-failed:{info.id}")]
            differ += len(new)
            errors += sum(1 for f in new if f.level == Level.ERROR)
            found.extend(new)
        comparisons.append(Comparison(later.paths, earlier.paths, pair.relation, f"{later.department} {later.year} {later.kind}",
                                      f"{earlier.department} {earlier.year} {earlier.kind}",
                                      tuple(r for r in held if compared(r)), differ, errors))
    return found, comparisons


def _suppressed(finding: Finding, suppressions: list[tuple[str, str, int, int]]) -> bool:
    """Does a suppression comment of the finding's file cover it (a rule across documents, whose
    findings are made after the files' own were filtered)?"""
    return any(path == finding.location.path and rule in (ALL_RULES, finding.rule) and first <= finding.location.line <= last
               for path, rule, first, last in suppressions)


def build_index(paths: Iterable[str], settings: Settings | None = None,
                progress: Progress | None = None) -> tuple[list[Entry], list[FileError]]:
    """The index of every file under `paths` (auditlint.index): each file read and parsed once,
    in a child of its own within the limits, and only its entry kept; and the files that could
    not be read."""
    settings = settings or Settings()
    files, errors, _ = collect_files(paths, (*settings.exclude, *settings.extend_exclude))
    if any(Path(f).suffix.lower() == ".pdf" for f in files):
        preload(settings.pdf_engine)

    def job(members: tuple[str, ...]) -> dict[str, Any]:
        try:
            document = parse_documents([read_source(members[0], {"pdf_engine": settings.pdf_engine,
                                                                 "max_memory": settings.max_memory})])
        except UnreadableError as exc:
            raise JobFailed(str(exc)) from exc
        return entry(members[0], profile(document)).to_data()

    outcomes = _lint_all([(path,) for path in files], job, settings, progress)
    entries = []
    for path in files:
        outcome = outcomes[(path,)]
        if outcome.error is not None:
            errors.append(FileError(path, outcome.error))
        else:
            entries.append(Entry.from_data(outcome.result))
    return entries, errors


def _lint_all(documents: list[tuple[str, ...]], job: Any, settings: Settings,
              progress: Progress | None) -> dict[tuple[str, ...], Outcome]:
    """Each document linted in a worker, within the limits (which are a document's, whatever its
    number of files): its outcome by its files. A DocumentLinter's documents go where the
    settings' executor sends them (forked workers here, or a Dask cluster); any other job is
    run here."""
    by_first = {members[0]: members for members in documents}
    progress = progress or NoProgress()
    progress.start(len(documents))
    try:
        if isinstance(job, DocumentLinter):
            linter = job.only(by_first)
            if settings.executor == "dask":
                from auditlint.cluster import dask_outcomes

                outcomes = dask_outcomes(list(by_first), linter, settings.scheduler, progress.advance)
            else:
                linter.prepare(by_first)  # before the workers fork
                outcomes = run_jobs(list(by_first), linter, settings.jobs, Limits(settings.timeout, settings.max_memory),
                                    progress.advance, size=lambda first: sum(file_size(path) for path in by_first[first]))
        else:
            outcomes = run_jobs(list(by_first), lambda first: job(by_first[first]), settings.jobs,
                                Limits(settings.timeout, settings.max_memory), progress.advance,
                                size=lambda first: sum(file_size(path) for path in by_first[first]))
    finally:
        progress.finish()
    return {by_first[outcome.path]: outcome for outcome in outcomes}


def _order(members: tuple[str, ...], positions: dict[str, int]) -> int:
    """Where a document comes in the run: where its first file the run named does."""
    return min((positions[path] for path in members if path in positions), default=len(positions))


def _uncertain_notice(candidate: Uncertain) -> Message:
    """A remark on files that may be one document, linted apart: how to lint them as one."""
    names = ", ".join(candidate.paths)
    return Message(f"这些文件可能是同一份文件的几部分，但不能确定（{candidate.reason}），已分别检查：{names}；"
                   f"如属同一份文件，请在配置中用 [[tool.auditlint.documents]] 或 --document 指明",
                   f"these files may be parts of one document, but that is not certain ({candidate.reason}), "
                   f"so they were linted apart: {names}; name them as one document in [[tool.auditlint.documents]] "
                   f"or with --document if they are")
