"""SARIF 2.1.0, for code-review annotations (GitHub code scanning and others).

Columns count Unicode code points (`columnKind`), as the readers do. Related locations carry every
other number or sentence a finding involves; `partialFingerprints` come from the finding's
fingerprint, which never depends on line numbers, so annotations survive edits above them.
A Word or Excel location's region is a line of the text auditlint read (as a PDF's is), and its
place in the file itself is a logical location: `Sheet1!C7` (a cell of a sheet), `¶12` (a
paragraph), `T2!R3C4` (a cell of a Word table).
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import quote

from auditlint import __version__
from auditlint.result import LintResult
from auditlint.findings import Finding
from auditlint.model import Location
from auditlint.plugins import RuleInfo

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/auditlint/"
FINGERPRINT_KEY = "auditlint/v1"


def artifact_uri(path: str) -> str:
    """A URI reference for a path: file URIs for absolute paths, percent-encoded relative ones."""
    candidate = Path(path)
    if candidate.is_absolute():
        return candidate.as_uri()
    return quote(candidate.as_posix())


def physical(location: Location) -> dict[str, Any]:
    return {
        "artifactLocation": {"uri": artifact_uri(location.path)},
        "region": {
            "startLine": location.line,
            "startColumn": location.column,
            "endLine": location.end_line,
            "endColumn": location.end_column,
        },
    }


def rule_descriptor(info: RuleInfo) -> dict[str, Any]:
    full = info.description or info.summary
    return {
        "id": info.id,
        "name": info.name,
        "shortDescription": {"text": info.summary},
        "fullDescription": {"text": full},
        "help": {"text": f"{info.summary}\n\n{full}\n\nMore: auditlint explain {info.id}"},
        "defaultConfiguration": {"level": info.level.label},
    }


def anchored(location: Location) -> list[dict[str, Any]]:
    """The place an office file has, as a logical location ([] for text and PDF)."""
    if not location.anchor:
        return []
    sheet, _, cell = location.anchor.rpartition("!")
    return [{"name": cell, "fullyQualifiedName": location.anchor, "kind": "element",
             **({"properties": {"container": sheet}} if sheet else {})}]


def result_object(finding: Finding, rule_index: dict[str, int], lang: str) -> dict[str, Any]:
    primary: dict[str, Any] = {"physicalLocation": physical(finding.location)}
    logical = anchored(finding.location)
    if finding.place is not None:
        place = finding.place
        logical.append({
            "name": place.column, "fullyQualifiedName": f"{place.table}/{place.row}/{place.column}", "kind": "element",
            "properties": {"table": place.table, "row": place.row, "column": place.column}})
    elif finding.logical:
        logical.append({"name": finding.logical, "kind": "object"})
    if logical:
        primary["logicalLocations"] = logical
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "level": finding.level.label,
        "message": {"text": finding.message.get(lang)},
        "locations": [primary],
        "partialFingerprints": {FINGERPRINT_KEY: finding.fingerprint},
        "properties": {
            "page": finding.location.page,
            **{key: value for key, value in (("stated", finding.stated), ("expected", finding.expected),
                                             ("difference", finding.difference)) if value is not None},
        },
    }
    if finding.rule in rule_index:
        result["ruleIndex"] = rule_index[finding.rule]
    if finding.hint is not None:
        result["properties"]["hint"] = finding.hint.get(lang)
    if finding.related:
        result["relatedLocations"] = [
            {"id": number, "physicalLocation": physical(r.location), "message": {"text": r.message.get(lang)},
             **({"logicalLocations": anchored(r.location)} if r.location.anchor else {})}
            for number, r in enumerate(finding.related, start=1)
        ]
    return result


def render(result: LintResult, lang: str) -> str:
    rule_index = {info.id: i for i, info in enumerate(result.rules)}
    run: dict[str, Any] = {
        "tool": {"driver": {
            "name": "auditlint",
            "version": __version__,
            "informationUri": INFORMATION_URI,
            "rules": [rule_descriptor(info) for info in result.rules],
        }},
        "columnKind": "unicodeCodePoints",
        "results": [result_object(f, rule_index, lang) for f in result.findings],
        "invocations": [{
            "executionSuccessful": not result.errors,
            "toolExecutionNotifications": [
                {"level": "error", "message": {"text": f"{e.path}: {e.reason}"},
                 "locations": [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(e.path)}}}]}
                for e in result.errors
            ],
        }],
    }
    log = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
