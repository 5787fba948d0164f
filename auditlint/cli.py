"""The command line: `auditlint [PATHS]...` lints, `auditlint show` prints what was understood,
`auditlint rules` lists the rules.

Thin on purpose: it parses options, calls the engine, prints a report and picks the exit code
(0 nothing at or above --fail-on, 1 findings, 2 a file or the configuration could not be used).
"""
from __future__ import annotations

import os
import sys

import click

from auditlint import __version__
from auditlint.engine import ConfigError, LintResult, run
from auditlint.findings import Level
from auditlint.parse import parse_document
from auditlint.plugins import PluginError, load_checks
from auditlint.readers import ENGINES, UnreadableError, read_source
from auditlint.report import FORMATS, render
from auditlint.show import render_document

EXIT_CLEAN, EXIT_FINDINGS, EXIT_UNUSABLE = 0, 1, 2
FAIL_ON = ("error", "warning", "note", "never")


def default_lang() -> str:
    """Chinese when the locale says so (LC_ALL, LC_MESSAGES, LANG, in that order), else English."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def exit_code(result: LintResult, fail_on: str) -> int:
    if result.errors:
        return EXIT_UNUSABLE
    if fail_on == "never":
        return EXIT_CLEAN
    threshold = Level.parse(fail_on)
    return EXIT_FINDINGS if any(f.level >= threshold for f in result.findings) else EXIT_CLEAN


class LintByDefault(click.Group):
    """A group whose default command is `check`, so `auditlint docs/` lints docs/."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or (args[0] not in self.commands and args[0] not in ("--help", "-h", "--version")):
            args = ["check", *args]
        return super().parse_args(ctx, args)


@click.group(cls=LintByDefault, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="auditlint")
def main() -> None:
    """Find where a budget or final-account disclosure disagrees with itself.

    `auditlint PATHS...` is `auditlint check PATHS...`; see `auditlint check --help`.
    """


@main.command("check")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(sorted(FORMATS)), default="text", show_default=True,
              help="Report format.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True),
              help="Write the report to this file instead of standard output.")
@click.option("--select", multiple=True, metavar="RULE", help="Run only these rules (repeat or comma-separate).")
@click.option("--ignore", multiple=True, metavar="RULE", help="Do not run these rules (repeat or comma-separate).")
@click.option("--fail-on", type=click.Choice(FAIL_ON), default="error", show_default=True,
              help="Exit 1 when a finding at or above this level is reported.")
@click.option("--lang", type=click.Choice(["zh", "en"]), default=None,
              help="Language of messages (default: from the locale).")
@click.option("--pdf-engine", type=click.Choice(ENGINES), default="pdfium", show_default=True,
              help="PDF engine: PDFium (pypdfium2) or pdfminer.six.")
def check_command(paths: tuple[str, ...], fmt: str, output: str | None, select: tuple[str, ...],
                  ignore: tuple[str, ...], fail_on: str, lang: str | None, pdf_engine: str) -> None:
    """Lint the documents (.txt, .md, .pdf) under PATHS."""
    if not paths:
        raise click.UsageError("give at least one file or directory to lint")
    lang = lang or default_lang()
    try:
        result = run(paths, _split(select), _split(ignore), {"pdf_engine": pdf_engine})
    except (ConfigError, PluginError) as exc:
        click.echo(f"auditlint: error: {exc}", err=True)
        sys.exit(EXIT_UNUSABLE)
    for error in result.errors:
        click.echo(f"auditlint: {error.path}: {error.reason}", err=True)
    report = render(result, fmt, lang)
    if output:
        with open(output, "w", encoding="utf-8") as handle:
            handle.write(report)
    else:
        click.echo(report, nl=False)
    sys.exit(exit_code(result, fail_on))


@main.command("show")
@click.argument("path", type=click.Path())
@click.option("--text", "with_text", is_flag=True, help="Also print the lines as read, numbered.")
@click.option("--pdf-engine", type=click.Choice(ENGINES), default="pdfium", show_default=True)
def show_command(path: str, with_text: bool, pdf_engine: str) -> None:
    """Print what auditlint understood of PATH: its tables, as grids."""
    try:
        document = parse_document(read_source(path, {"pdf_engine": pdf_engine}))
    except UnreadableError as exc:
        click.echo(f"auditlint: {path}: {exc}", err=True)
        sys.exit(EXIT_UNUSABLE)
    click.echo(render_document(document, with_text), nl=False)


@main.command("rules")
def rules_command() -> None:
    """List every rule with its level and one-line summary."""
    try:
        checks = load_checks()
    except PluginError as exc:
        click.echo(f"auditlint: error: {exc}", err=True)
        sys.exit(EXIT_UNUSABLE)
    width = max((len(info.id) for _, info in checks), default=0)
    for _, info in checks:
        click.echo(f"{info.id:<{width}}  {info.level.label:<7}  {info.summary}")


def _split(values: tuple[str, ...]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]
