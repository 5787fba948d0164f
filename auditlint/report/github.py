"""GitHub Actions workflow commands: each finding an annotation on the changed file.

`::error file=…,line=…::message` lines are turned into annotations by the Actions runner itself,
with no upload step; the SARIF format is for code scanning. Values are escaped as the runner
expects (%, CR and LF in messages; also : and , in properties).

A PDF finding is annotated on the file without a line: code review shows a PDF as a binary
file, with no lines to put an annotation beside, and the line auditlint counts is a line of the
text it extracted, not of the file. So the annotation names the file alone (GitHub lists it
with the file's name in the run's annotations), and its title and message start with the page
and the extracted text's line (`p18, text line 433:9`), which is what a reviewer with the PDF
open needs. A Word or Excel file is binary to code review too: its annotation names the place
the file has (`T2!R3C4`, `表2!C7`). Text and Markdown findings keep their lines and columns,
which review shows.
"""
from __future__ import annotations

from auditlint.result import LintResult
from auditlint.findings import Finding, Level
from auditlint.report.text import describe, is_paged, summary

COMMANDS = {Level.ERROR: "error", Level.WARNING: "warning", Level.NOTE: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding, lang: str) -> str:
    loc = finding.location
    message = describe(finding, lang)
    properties: dict[str, object] = {"file": loc.path}
    if is_paged(loc.path) or loc.anchor:
        where = loc.anchor or f"p{loc.page}, text line {loc.line}:{loc.column}"
        properties["title"] = f"auditlint {finding.rule} ({where})"
        message = f"{where}: {message}"
    else:
        properties.update(line=loc.line, endLine=loc.end_line, title=f"auditlint {finding.rule}")
        if loc.line == loc.end_line:  # the runner takes columns only within one line
            properties.update(col=loc.column, endColumn=loc.end_column)
    fields = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{COMMANDS[finding.level]} {fields}::{escape_data(message)}"


def render(result: LintResult, lang: str) -> str:
    lines = [annotation(f, lang) for f in result.findings]
    lines += [f"::error file={escape_property(e.path)},title=auditlint::{escape_data(e.reason)}" for e in result.errors]
    return "\n".join([*lines, summary(result, lang)]) + "\n"
