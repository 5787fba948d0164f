"""Score auditlint against the audited gold lists of the seed documents.

    python bench/accuracy.py [--kinds sum,percent] [--min-confidence medium] [--json]

A gold item is found when a finding touches one of its lines (the primary location or any related
location). The report gives, per seed and overall: recall by kind and by confidence, the rounding
items apart (they should be reported as notes, never as errors), the number of findings at each
level, the findings that match no gold item (candidate false alarms, to read by hand) and the gold
items missed. The seeds and gold lists live in ../shared and are never copied into the project.
"""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from tabulate import tabulate

from auditlint.engine import run
from auditlint.findings import Finding, Level

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
# True findings the gold lists do not have, each read by hand: (seed, line, rule).
BEYOND_GOLD = {(e["seed"], e["line"], e["rule"]) for e in json.loads(
    (Path(__file__).resolve().parent / "beyond_gold.json").read_text(encoding="utf-8"))["findings"]}
CONFIDENCES = ("high", "medium", "low")
CORE_KINDS = ("sum", "percent", "cross_table", "text_table", "duplicate_sentence", "unit")
ROUNDING = "rounding"


@dataclass
class GoldItem:
    seed: str
    id: str
    kind: str
    lines: tuple[int, ...]
    confidence: str
    stated: str

    def touched_by(self, finding: Finding) -> bool:
        return any(_touches(location, self.lines) for location in _locations(finding))


@dataclass
class SeedScore:
    seed: str
    items: list[GoldItem]
    findings: list[Finding]
    found: set[str] = field(default_factory=set)
    unmatched: list[Finding] = field(default_factory=list)
    beyond_gold: list[Finding] = field(default_factory=list)  # true, checked by hand, not in gold


def _locations(finding: Finding):
    yield finding.location
    for related in finding.related:
        yield related.location


def _touches(location, lines: Iterable[int]) -> bool:
    return any(location.line <= line <= location.end_line for line in lines)


def load_gold(shared: Path = SHARED) -> dict[str, tuple[Path, list[GoldItem]]]:
    """Gold items by seed number, with the seed's path."""
    result = {}
    for gold in sorted((shared / "gold").glob("[0-9][0-9][0-9].json")):
        seed = gold.stem
        path = next((shared / "seeds").glob(f"{seed}_*.txt"))
        items = [GoldItem(seed, raw["id"], raw["kind"], tuple(raw["lines"]), raw["confidence"], raw.get("stated", ""))
                 for raw in json.loads(gold.read_text(encoding="utf-8"))]
        result[seed] = (path, items)
    return result


def score(shared: Path = SHARED) -> list[SeedScore]:
    """Lint every seed once and match its findings to its gold items."""
    scores = []
    for seed, (path, items) in load_gold(shared).items():
        result = run([str(path)])
        if result.errors:
            raise SystemExit(f"cannot lint {path}: {result.errors[0].reason}")
        entry = SeedScore(seed, items, result.findings)
        for finding in result.findings:
            matched = [item for item in items if item.touched_by(finding)]
            entry.found.update(item.id for item in matched)
            if matched:
                continue
            if (seed, finding.location.line, finding.rule) in BEYOND_GOLD:
                entry.beyond_gold.append(finding)
            else:
                entry.unmatched.append(finding)
        scores.append(entry)
    return scores


def selected(items: Iterable[GoldItem], kinds: Iterable[str] | None, min_confidence: str) -> list[GoldItem]:
    allowed = CONFIDENCES[:CONFIDENCES.index(min_confidence) + 1]
    kinds = set(kinds) if kinds else None
    return [i for i in items if i.confidence in allowed and (kinds is None or i.kind in kinds)]


def recall(items: list[GoldItem], found: set[str]) -> tuple[int, int]:
    return sum(1 for i in items if i.id in found), len(items)


def core_recall(scores: list[SeedScore]) -> float:
    """The figure the ratchet test guards: core kinds, high and medium confidence, all seeds."""
    hit = total = 0
    for s in scores:
        h, t = recall(selected(s.items, CORE_KINDS, "medium"), s.found)
        hit, total = hit + h, total + t
    return hit / total if total else 0.0


def unmatched_errors(scores: list[SeedScore]) -> list[Finding]:
    return [f for s in scores for f in s.unmatched if f.level == Level.ERROR]


def summarise(scores: list[SeedScore], kinds: list[str] | None, min_confidence: str) -> dict[str, Any]:
    """Everything the report prints, as plain data (also the --json output)."""
    def block(entries: list[SeedScore]) -> dict[str, Any]:
        items = [i for s in entries for i in selected(s.items, kinds, min_confidence) if i.kind != ROUNDING]
        rounding = [i for s in entries for i in s.items if i.kind == ROUNDING]
        found = set().union(*(s.found for s in entries)) if entries else set()
        findings = [f for s in entries for f in s.findings]
        rounding_errors = [f.rule for s in entries for f in s.findings if f.level == Level.ERROR
                           and any(i.touched_by(f) for i in s.items if i.kind == ROUNDING)
                           and not any(i.touched_by(f) for i in s.items if i.kind != ROUNDING)]
        by_kind = {k: recall([i for i in items if i.kind == k], found)
                   for k in sorted({i.kind for i in items})}
        by_confidence = {c: recall([i for i in items if i.confidence == c], found)
                         for c in CONFIDENCES if any(i.confidence == c for i in items)}
        return {
            "recall": recall(items, found),
            "by_kind": by_kind,
            "by_confidence": by_confidence,
            "rounding": recall(rounding, found),
            "rounding_reported_as_error": len(rounding_errors),
            "levels": {level.label: sum(1 for f in findings if f.level == level) for level in reversed(Level)},
            "unmatched": [_describe(f) for s in entries for f in s.unmatched],
            "missed": [f"{i.seed} {i.kind:<18} {i.confidence:<6} L{','.join(map(str, i.lines[:6]))} {i.id}"
                       for s in entries for i in selected(s.items, kinds, min_confidence)
                       if i.id not in s.found and i.kind != ROUNDING],
        }
    return {
        "seeds": {s.seed: block([s]) for s in scores},
        "overall": block(scores),
        "core_recall": core_recall(scores),
        "unmatched_errors": len(unmatched_errors(scores)),
        "beyond_gold": [_describe(f) for s in scores for f in s.beyond_gold],
    }


def _describe(finding: Finding) -> str:
    loc = finding.location
    return f"{Path(loc.path).name[:3]}:{loc.line} {finding.level.label:<7} {finding.rule:<18} {finding.message.en}"


def _ratio(pair: tuple[int, int]) -> str:
    hit, total = pair
    return f"{hit}/{total} ({100 * hit / total:.0f}%)" if total else "-"


def print_report(summary: dict[str, Any]) -> None:
    kinds = sorted({k for block in summary["seeds"].values() for k in block["by_kind"]})
    blocks = [*summary["seeds"].items(), ("overall", summary["overall"])]
    rows = []
    for name, block in blocks:
        rows.append([name, _ratio(block["recall"]), *(_ratio(block["by_kind"].get(k, (0, 0))) for k in kinds),
                     _ratio(block["rounding"]), block["levels"]["error"], block["levels"]["warning"],
                     block["levels"]["note"], len(block["unmatched"])])
    print("Recall by kind (rounding apart); findings by level; findings matching no gold item")
    print(tabulate(rows, headers=["seed", "recall", *kinds, "rounding", "error", "warning", "note", "unmatched"]))
    print()
    overall = summary["overall"]
    print("Overall recall by confidence: " + ", ".join(f"{c} {_ratio(v)}" for c, v in overall["by_confidence"].items()))
    print(f"Rounding items found: {_ratio(overall['rounding'])}; reported as error: {overall['rounding_reported_as_error']}")
    print(f"Core recall (sum, percent, cross_table, text_table, duplicate_sentence, unit; high+medium): "
          f"{100 * summary['core_recall']:.1f}%")
    print(f"Error-level findings matching no gold item: {summary['unmatched_errors']} "
          f"(besides {len(summary['beyond_gold'])} true ones the gold lists lack, bench/beyond_gold.json)")
    print()
    print(f"Findings matching no gold item ({len(overall['unmatched'])}), to read by hand:")
    for line in overall["unmatched"]:
        print("  " + line)
    print()
    print(f"Gold items missed ({len(overall['missed'])}):")
    for line in overall["missed"]:
        print("  " + line)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kinds", help="comma-separated gold kinds to score (default: all)")
    parser.add_argument("--min-confidence", choices=CONFIDENCES, default="low",
                        help="lowest gold confidence to count (default: low, i.e. all)")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    parser.add_argument("--shared", type=Path, default=SHARED, help="the shared folder (default: ../shared)")
    args = parser.parse_args(argv)
    if not (args.shared / "gold").is_dir():
        print(f"no gold lists under {args.shared}", file=sys.stderr)
        return 2
    kinds = [k.strip() for k in args.kinds.split(",")] if args.kinds else None
    summary = summarise(score(args.shared), kinds, args.min_confidence)
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        print_report(summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
