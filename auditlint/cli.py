"""The command line: `auditlint [PATHS]...` lints, `auditlint show` prints what was understood,
`auditlint rules` lists the rules and `auditlint explain RULE` documents one.

Thin on purpose: it parses options, resolves them against the configuration file, calls the
engine, prints a report and picks the exit code (0 nothing at or above --fail-on, 1 findings,
2 a file or the configuration could not be used).
"""
from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Any, NoReturn

import click

from auditlint import EXECUTORS, FAIL_ON, LANGS, MIN_LEVELS, PDF_ENGINES, __version__
from auditlint.help_zh import Group, help_lang

if TYPE_CHECKING:
    from auditlint.findings import Level
    from auditlint.result import FileError, LintResult
    from auditlint.plugins import RuleInfo

# The engine, parser and reports are imported by the commands that use them, not here, so that
# `auditlint --version` and `--help` start at once (bench/speed.py measures it).
EXIT_CLEAN, EXIT_FINDINGS, EXIT_UNUSABLE = 0, 1, 2
FORMAT_NAMES = ("github", "html", "json", "json-lines", "sarif", "text")  # auditlint.report.FORMATS, as a test checks
PROGRESS_FROM = 5  # files: below this a progress bar is only noise
# Formats read by programs from stdout; their summary line goes to stderr instead.
SUMMARY_TO_STDERR = frozenset({"html", "json", "json-lines", "sarif"})


def default_lang() -> str:
    """Chinese when the locale says so (LC_ALL, LC_MESSAGES, LANG, in that order), else English:
    for the messages of a command that reads no document (rules, explain, a usage error)."""
    from auditlint.language import locale_lang

    return locale_lang() or "en"


def exit_code(result: LintResult, fail_on: str) -> int:
    from auditlint.findings import Level

    if result.errors:
        return EXIT_UNUSABLE
    if fail_on == "never":
        return EXIT_CLEAN
    threshold = Level.parse(fail_on)
    return EXIT_FINDINGS if any(f.level >= threshold for f in result.findings) else EXIT_CLEAN


def fail(message: str, lang: str = "en") -> NoReturn:
    from auditlint.translate import translate

    click.echo(f"auditlint: {'错误：' if lang == 'zh' else 'error: '}{translate(message, lang)}", err=True)
    sys.exit(EXIT_UNUSABLE)


def configured_lang() -> str | None:
    """The `lang` of the nearest configuration file, if it sets one and can be read."""
    from auditlint.config import ConfigError, resolve

    try:
        return resolve({}).lang
    except ConfigError:
        return None  # the command that needs the configuration says what is wrong with it


def command_lang(given: str | None) -> str:
    """The language of a command that reads no document (rules, explain): --lang, else the
    configuration's `lang`, else the locale's, else English."""
    return given or configured_lang() or default_lang()


LANG_OPTION = click.option("--lang", type=click.Choice(LANGS), default=None,
                           help="Language of messages [default: the configuration's, else the locale's].")


class ProgressBar:
    """A progress bar on stderr, only when stderr is a terminal and there are enough files:
    never in a pipe, a CI log or a report on stdout."""

    def __init__(self) -> None:
        self._bar: Any = None

    def start(self, total: int) -> None:
        if total >= PROGRESS_FROM and sys.stderr.isatty():
            self._bar = click.progressbar(length=total, label="auditlint", file=sys.stderr)
            self._bar.__enter__()

    def advance(self) -> None:
        if self._bar is not None:
            self._bar.update(1)

    def finish(self) -> None:
        if self._bar is not None:
            self._bar.__exit__(None, None, None)
            self._bar = None


class LintByDefault(Group):
    """A group whose default command is `check`, so `auditlint docs/` lints docs/."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or (args[0] not in self.commands and args[0] not in ("--help", "-h", "--version")):
            args = ["check", *args]
        elif args[0] in ("--help", "-h"):
            # `auditlint --help --lang zh`: the group's help in the language asked for; the group
            # itself takes no --lang (its commands do)
            ctx.meta.setdefault("auditlint.lang", help_lang(args))
            args = without_lang(args)
        return super().parse_args(ctx, args)


def without_lang(args: list[str]) -> list[str]:
    """The arguments without their `--lang X` or `--lang=X`."""
    kept: list[str] = []
    skip = False
    for arg in args:
        if skip:
            skip = False
        elif arg == "--lang":
            skip = True
        elif not arg.startswith("--lang="):
            kept.append(arg)
    return kept


@click.group(cls=LintByDefault, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="auditlint")
def main() -> None:
    """Find where a budget or final-account disclosure disagrees with itself.

    `auditlint PATHS...` is `auditlint check PATHS...`; see `auditlint check --help`.
    """


def command() -> NoReturn:
    """The `auditlint` program: main(), then out of the process without tearing the interpreter
    down. A run holds the checks, some 400 patterns and the documents' parses; freeing them
    object by object at exit took a fifth of what `auditlint` spends on a page of text, and the
    operating system frees a process's memory at once. The exit handlers still run (temporary
    files, logging) and the streams are flushed before leaving; a library caller of main() (the
    tests' CliRunner, an application) is left alone."""
    import atexit

    try:
        main()
        code: Any = EXIT_CLEAN
    except SystemExit as exc:
        code = exc.code
    if code is not None and not isinstance(code, int):  # sys.exit("message"): Python's own rule
        print(code, file=sys.stderr)
        code = 1
    atexit._run_exitfuncs()  # noqa: SLF001 - what the interpreter runs at exit, without the teardown
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (BrokenPipeError, ValueError):  # a reader that left (`| head`), a closed stream
            pass
    os._exit(code or 0)


@main.command("check")
@click.argument("paths", nargs=-1, type=click.Path(readable=False))  # an unreadable file is its own line, not a usage error
@click.option("--config", "config", type=click.Path(dir_okay=False),
              help="Configuration file (default: the nearest .auditlint.toml, pyproject.toml or setup.cfg).")
@click.option("--format", "fmt", type=click.Choice(FORMAT_NAMES), default="text", show_default=True,
              help="Report format.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True),
              help="Write the report to this file instead of standard output.")
@click.option("--select", multiple=True, metavar="RULE", help="Run only these rules (repeat or comma-separate).")
@click.option("--extend-select", multiple=True, metavar="RULE", help="Run these rules too.")
@click.option("--ignore", multiple=True, metavar="RULE", help="Do not run these rules (repeat or comma-separate).")
@click.option("--fail-on", type=click.Choice(FAIL_ON), default=None,
              help="Exit 1 when a finding at or above this level is reported [default: error].")
@click.option("--lang", type=click.Choice(LANGS), default=None, help="Language of messages [default: the locale's].")
@click.option("--pdf-engine", type=click.Choice(PDF_ENGINES), default=None,
              help="PDF engine: PDFium (pypdfium2) or pdfminer.six [default: pdfium].")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, help="Files linted at once [default: 1].")
@click.option("--executor", type=click.Choice(EXECUTORS), default=None,
              help="Where files are linted: forked workers here, or a Dask cluster (needs auditlint-budget[dask]) "
                   "[default: local].")
@click.option("--scheduler", metavar="ADDRESS", default=None,
              help="With --executor dask: the scheduler's address (tcp://host:8786) [default: a cluster of "
                   "--jobs workers on this machine].")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=None,
              help="Seconds one document (its files together) may take before it is given up [default: 120].")
@click.option("--max-memory", type=click.IntRange(min=64), default=None,
              help="Megabytes of memory one document (its files together) may use [default: 1024].")
@click.option("--baseline", type=click.Path(dir_okay=False), default=None,
              help="Report only findings this baseline file does not record.")
@click.option("--write-baseline", type=click.Path(dir_okay=False), default=None,
              help="Record the current findings in this file and exit.")
@click.option("--statistics", is_flag=True, help="Count findings per rule and level instead of listing them.")
@click.option("--min-level", type=click.Choice(MIN_LEVELS), default=None,
              help="List only findings at or above this level [default: warning for text, note for the others].")
@click.option("--show-notes", is_flag=True, help="List notes too (--min-level note).")
@click.option("--quiet", "-q", is_flag=True, help="Print only the summary line, and nothing when clean.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings are reported.")
@click.option("--exclude", multiple=True, metavar="GLOB",
              help="Skip these files and directories when walking (replaces the default list).")
@click.option("--extend-exclude", multiple=True, metavar="GLOB", help="Skip these too when walking.")
@click.option("--document", "documents", multiple=True, metavar="FILE,FILE...",
              help="Lint these files (or globs), comma-separated, as one document: a narrative and its tables "
                   "published apart (repeat for each document).")
def check_command(paths: tuple[str, ...], config: str | None, fmt: str, output: str | None,
                  baseline: str | None, write_baseline: str | None, statistics: bool,
                  show_notes: bool, quiet: bool, exit_zero: bool, **options: Any) -> None:
    """Lint the documents (.txt, .md, .pdf) under PATHS."""
    from auditlint.config import ConfigError, resolve
    from auditlint.engine import run
    from auditlint.plugins import PluginError
    from auditlint.report import render
    from auditlint.report.text import summary
    from auditlint.translate import translate

    if not paths and not options["documents"]:
        raise click.UsageError("give at least one file or directory to lint")
    if baseline and write_baseline:
        raise click.UsageError("--baseline and --write-baseline do not go together")
    for key in ("select", "extend_select", "ignore", "exclude", "extend_exclude"):
        options[key] = tuple(_split(options[key])) or None
    options["documents"] = tuple(tuple(_split((value,))) for value in options["documents"]) or None
    # the files of a document named here are linted, as the paths given are
    paths = (*paths, *(path for files in options["documents"] or () for pattern in files for path in _expand(pattern)))
    try:
        settings = resolve(options, config)
        result = run(paths, settings, baseline, ProgressBar())
    except (ConfigError, PluginError) as exc:
        fail(str(exc), options["lang"] or default_lang())  # the configuration's own lang may be what failed
    lang = result.lang
    for error in result.errors:
        click.echo(f"auditlint: {error.path}: {translate(error.reason, lang)}", err=True)
    for notice in result.notices:
        click.echo(f"auditlint: {'警告：' if lang == 'zh' else 'warning: '}{notice.get(lang)}", err=True)
    if write_baseline:
        count = write_baseline_file(write_baseline, result, lang)
        click.echo(f"auditlint: 已在 {write_baseline} 中记录 {count} 条发现" if lang == "zh" else
                   f"auditlint: recorded {count} finding{'s' if count != 1 else ''} in {write_baseline}", err=True)
        sys.exit(EXIT_UNUSABLE if result.errors else EXIT_CLEAN)
    code = exit_code(result, "never" if exit_zero else settings.fail_on)
    if not statistics:
        result = result.listing(min_level(settings.min_level, fmt, show_notes))
    clean = not result.findings and not result.errors
    if quiet and fmt == "text":
        report = "" if clean else summary(result, lang) + "\n"
    else:
        report = render(result, fmt, lang, statistics, colour=not output and wants_colour())
    if output:
        with open(output, "w", encoding="utf-8") as handle:
            handle.write(report)
    else:
        click.echo(report, nl=False)
    if (fmt in SUMMARY_TO_STDERR or output) and not (quiet and clean):
        click.echo(summary(result, lang), err=True)
    sys.exit(code)


def min_level(configured: str | None, fmt: str, show_notes: bool) -> Level:
    """The lowest level listed: notes with --show-notes; else the one set (command line or
    configuration); else warning for the text a person reads, every finding for the machine
    formats (programs filter for themselves)."""
    from auditlint.findings import Level

    if show_notes:
        return Level.NOTE
    return Level.parse(configured or ("warning" if fmt == "text" else "note"))


def wants_colour() -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (no-color.org)."""
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def write_baseline_file(path: str, result: LintResult, lang: str) -> int:
    from auditlint.baseline import write_baseline

    try:
        return write_baseline(path, result.findings)
    except OSError as exc:
        fail(f"{path}: cannot write the baseline: {exc.strerror or exc}", lang)


@main.command("show")
@click.argument("paths", nargs=-1, required=True, type=click.Path(readable=False))
@click.option("--text", "with_text", is_flag=True, help="Also print the lines as read, numbered.")
@click.option("--facts", "with_facts", is_flag=True, help="Also print every amount of the tables as a fact.")
@click.option("--index", "with_index", is_flag=True,
              help="Print the index of the files and folders given: each document's department, level, kind, "
                   "year and role, and which files are linted as one document.")
@click.option("--across", "with_across", is_flag=True,
              help="Print every figure the checks across documents compared among the files and folders given: "
                   "per pair of documents, each figure the later states of the earlier's and the figure it was "
                   "held to.")
@click.option("--pdf-engine", type=click.Choice(PDF_ENGINES), default="pdfium", show_default=True)
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=1, show_default=True,
              help="Files read at once (--index, --across).")
@LANG_OPTION
def show_command(paths: tuple[str, ...], with_text: bool, with_facts: bool, with_index: bool, with_across: bool,
                 pdf_engine: str, jobs: int, lang: str | None) -> None:
    """Print what auditlint understood of PATHS: its tables, as grids, each trusted or not and why.
    Several files are shown as one document (a narrative and its tables published apart); with
    --index, the index of the files and folders given; with --across, the figures compared
    across their documents."""
    from auditlint.language import choose, text_lang
    from auditlint.parse import parse_documents
    from auditlint.readers import UnreadableError, read_source
    from auditlint.show import render_document
    from auditlint.translate import translate

    if with_index:
        show_index(paths, pdf_engine, jobs, lang)
        return
    if with_across:
        show_across(paths, pdf_engine, jobs, lang)
        return
    sources = []
    for path in paths:
        try:
            sources.append(read_source(path, {"pdf_engine": pdf_engine}))
        except UnreadableError as exc:
            click.echo(f"auditlint: {path}: {translate(str(exc), command_lang(lang))}", err=True)
            sys.exit(EXIT_UNUSABLE)
    document = parse_documents(sources)
    lang = choose(lang or configured_lang(), [text_lang("\n".join(line.text for s in sources for line in s.lines))])
    click.echo(render_document(document, with_text, with_facts, lang), nl=False)


def show_index(paths: tuple[str, ...], pdf_engine: str, jobs: int, lang: str | None) -> None:
    """`auditlint show --index`: the index, and a line on standard error per file not read."""
    from auditlint.config import Settings
    from auditlint.engine import build_index
    from auditlint.show import describe_index

    entries, errors = build_index(paths, Settings(pdf_engine=pdf_engine, jobs=jobs), ProgressBar())
    _shown(describe_index(entries), errors, lang)


def show_across(paths: tuple[str, ...], pdf_engine: str, jobs: int, lang: str | None) -> None:
    """`auditlint show --across`: the comparisons a run of the rules across documents makes, and
    a line on standard error per file not read."""
    from auditlint.config import Settings
    from auditlint.engine import across_rules, run
    from auditlint.show import describe_across

    result = run(paths, Settings(pdf_engine=pdf_engine, jobs=jobs, select=across_rules()), progress=ProgressBar())
    _shown(describe_across(result.comparisons), result.errors, lang)


def _shown(text: str, errors: list[FileError], lang: str | None) -> None:
    """What `show --index` or `--across` found, after a line on standard error per file not
    read; exit 2 when any was not."""
    from auditlint.translate import translate

    for error in errors:
        click.echo(f"auditlint: {error.path}: {translate(error.reason, command_lang(lang))}", err=True)
    click.echo(text, nl=False)
    if errors:
        sys.exit(EXIT_UNUSABLE)


def _rules(lang: str) -> list[RuleInfo]:
    from auditlint.engine import all_rules
    from auditlint.plugins import PluginError, load_checks

    try:
        return all_rules(load_checks())
    except PluginError as exc:
        fail(str(exc), lang)


@main.command("rules")
@LANG_OPTION
def rules_command(lang: str | None) -> None:
    """List every rule with its level and one-line summary."""
    lang = command_lang(lang)
    rules = _rules(lang)
    width = max((len(info.id) for info in rules), default=0)
    for info in rules:
        click.echo(f"{info.id:<{width}}  {info.level.label:<7}  {info.summary_in(lang)}")


@main.command("explain")
@click.argument("rule")
@LANG_OPTION
def explain_command(rule: str, lang: str | None) -> None:
    """Print a rule's documentation: what it checks, why it matters, an example, how to suppress it."""
    lang = command_lang(lang)
    rules = {info.id: info for info in _rules(lang)}
    info = rules.get(rule)
    if info is None:
        fail(f"unknown rule {rule!r}; the rules are: {', '.join(rules)}", lang)
    if lang == "zh":
        origin = f"，来自 {info.origin}" if info.origin else ""
        tolerance = "；可在配置中设置 `tolerance`（容差）" if info.tolerance else ""
    else:
        origin = f", from {info.origin}" if info.origin else ""
        tolerance = "; takes a `tolerance` in the configuration" if info.tolerance else ""
    head = f"{info.id}（{info.level.label}{origin}{tolerance}）" if lang == "zh" else \
        f"{info.id} ({info.level.label}{origin}{tolerance})"
    click.echo(f"{head}\n\n{info.summary_in(lang)}\n\n"
               f"{info.description_in(lang)}")


def _expand(pattern: str) -> list[str]:
    """The files a --document pattern names: a glob's matches, or the path itself."""
    import glob

    return sorted(glob.glob(pattern)) if glob.has_magic(pattern) else [pattern]


def _split(values: tuple[str, ...]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]
