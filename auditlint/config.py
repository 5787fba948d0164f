"""Settings: defaults, then the nearest configuration file, then the command line.

A configuration lives in `.auditlint.toml` (top-level keys), in `[tool.auditlint]` of a
pyproject.toml, or in `[auditlint]` of a setup.cfg, the places ruff, flake8 and Vale taught users
to look. The nearest directory to the working directory that holds one wins; within a
directory the order is the one just given. Every key is checked here, once: an unknown key or a
bad value is a `ConfigError` naming the file and the key, never a surprise in the middle of a run.
"""
from __future__ import annotations

import configparser
import os
import tomllib
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Callable, Mapping

from auditlint import EXECUTORS, FAIL_ON, LANGS, MIN_LEVELS, PDF_ENGINES

CONFIG_FILES = (".auditlint.toml", "pyproject.toml", "setup.cfg")

DEFAULT_TIMEOUT = 120.0     # seconds per file: a 262-page PDF takes 5 s with PDFium, 20 s with pdfminer
DEFAULT_MAX_MEMORY = 1024   # MB of address space per file: that PDF runs within 256


# What a directory walk never lints (ruff's `exclude`, as globs on each part of a path): the
# tool folders of a code repository, and the files of one that are no documents.
DEFAULT_EXCLUDE = (
    "__pycache__", "node_modules", "venv", ".venv", "*.egg-info", "build", "dist", "site-packages",
    "README*", "CHANGELOG*", "CHANGES*", "HISTORY*", "LICENSE*", "LICENCE*", "COPYING*", "NOTICE*",
    "CONTRIBUTING*", "CODE_OF_CONDUCT*", "SECURITY*", "AUTHORS*",
)


class ConfigError(Exception):
    """The command line or configuration cannot be used (an unknown key, a bad value, …)."""


@dataclass(frozen=True)
class Settings:
    """Everything a run is told, whatever told it. `root` is where relative patterns start."""

    select: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    fail_on: str = "error"
    lang: str | None = None
    pdf_engine: str = "pdfium"
    jobs: int = 1
    tolerance: Mapping[str, Decimal] = field(default_factory=dict)
    timeout: float = DEFAULT_TIMEOUT
    max_memory: int = DEFAULT_MAX_MEMORY
    root: str = "."
    config_path: str | None = None
    min_level: str | None = None  # None: the format's own (warning for text, note for the machine formats)
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    extend_exclude: tuple[str, ...] = ()
    # documents of several files, each its files' absolute paths or globs, in the order given
    documents: tuple[tuple[str, ...], ...] = ()
    executor: str = "local"  # where files are linted: "local" (forked workers) or "dask" (auditlint.cluster)
    scheduler: str | None = None  # the Dask scheduler's address; None: a cluster on this machine, --jobs workers


def find_config(start: Path) -> Path | None:
    """The nearest configuration file at or above `start` that holds auditlint settings."""
    for directory in (start, *start.parents):
        for name in CONFIG_FILES:
            candidate = directory / name
            if candidate.is_file() and _has_section(candidate):
                return candidate
    return None


def _has_section(path: Path) -> bool:
    if path.name == ".auditlint.toml":
        return True
    try:
        return _raw_section(path) is not None
    except ConfigError:
        return True  # a broken file that may hold our section: load it and say what is wrong


def _raw_section(path: Path) -> dict[str, Any] | None:
    """The auditlint settings of one file as written, or None when it has none."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from exc
    if path.suffix == ".toml":
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
        if path.name == "pyproject.toml":
            return data.get("tool", {}).get("auditlint")
        return data
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read_string(text, source=str(path))
    except configparser.Error as exc:
        raise ConfigError(f"{path}: not a valid setup.cfg: {exc}") from exc
    if not parser.has_section("auditlint"):
        return None
    return {key: _ini_value(key, value) for key, value in parser.items("auditlint")}


def _ini_value(key: str, value: str) -> Any:
    """setup.cfg holds only strings: lists are comma- or line-separated, mappings are
    `KEY: VALUE` or `KEY = VALUE` lines (flake8's per-file-ignores style)."""
    if key == "documents":  # a document per line, its files comma-separated
        return [line for line in value.splitlines() if line.strip()]
    if key in ("per-file-ignores", "tolerance"):
        mapping: dict[str, Any] = {}
        for line in value.splitlines():
            if not line.strip():
                continue
            name, sep, rest = line.partition(":") if ":" in line else line.partition("=")
            if not sep:
                raise ConfigError(f"[auditlint] {key}: expected `NAME: VALUE` lines, got {line.strip()!r}")
            mapping[name.strip()] = rest.strip()
        return mapping
    return value.strip()


def load_config(path: Path) -> dict[str, Any]:
    """The validated settings of one configuration file, as `Settings` field names."""
    raw = _raw_section(path) or {}
    values = validate(raw, str(path))
    values["root"] = str(path.parent)
    values["config_path"] = str(path)
    if "documents" in values:
        values["documents"] = anchored(values["documents"], path.parent)
    return values


def anchored(documents: tuple[tuple[str, ...], ...], directory: Path | str) -> tuple[tuple[str, ...], ...]:
    """The documents' file patterns made absolute from `directory` (the configuration file's for
    its own, the working directory's for the command line's)."""
    return tuple(tuple(os.path.join(os.path.abspath(directory), pattern) for pattern in files) for files in documents)


def validate(raw: Mapping[str, Any], origin: str) -> dict[str, Any]:
    """Check every key and value; return them under their `Settings` names."""
    values: dict[str, Any] = {}
    for key, value in raw.items():
        checker = _KEYS.get(key)
        if checker is None:
            known = ", ".join(sorted(_KEYS))
            raise ConfigError(f"{origin}: unknown key {key!r} (known keys: {known})")
        try:
            values[key.replace("-", "_")] = checker(value)
        except (TypeError, ValueError) as exc:
            raise ConfigError(f"{origin}: {key}: {exc}") from exc
    return values


def _strings(what: str) -> Callable[[Any], tuple[str, ...]]:
    """A checker of a list of strings (or one string of them, comma- or line-separated) naming
    `what` in its error."""
    def check(value: Any) -> tuple[str, ...]:
        if isinstance(value, str):
            value = value.replace("\n", ",").split(",")
        if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
            raise ValueError(f"expected a list of {what}")
        return tuple(v.strip() for v in value if v.strip())
    return check


_rules = _strings("rule ids")
_globs = _strings("glob patterns")


def _documents(value: Any) -> tuple[tuple[str, ...], ...]:
    """Documents of several files: `[[tool.auditlint.documents]]` tables, each with its `files`
    (paths or globs; in setup.cfg, a line per document, its files comma-separated)."""
    if not isinstance(value, (list, tuple)):
        raise ValueError("expected a list of documents, each with its `files`")
    documents = []
    for number, item in enumerate(value, start=1):
        if isinstance(item, Mapping):
            unknown = sorted(set(item) - {"files"})
            if unknown or "files" not in item:
                raise ValueError(f"document {number}: expected only the key `files`, got {', '.join(map(repr, item)) or 'none'}")
            item = item["files"]
        files = _globs(item)
        if not files:
            raise ValueError(f"document {number}: no files named")
        documents.append(files)
    return tuple(documents)


def _choice(options: tuple[str, ...]):
    def check(value: Any) -> str:
        if value not in options:
            raise ValueError(f"expected one of {', '.join(options)}, got {value!r}")
        return value
    return check


def _positive_int(value: Any) -> int:
    number = int(value) if isinstance(value, str) and value.strip().isdigit() else value
    if not isinstance(number, int) or isinstance(number, bool) or number < 1:
        raise ValueError(f"expected a whole number of at least 1, got {value!r}")
    return number


def _positive_number(value: Any) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"expected a number, got {value!r}") from None
    if isinstance(value, bool) or not number > 0 or number == float("inf"):
        raise ValueError(f"expected a positive number, got {value!r}")
    return number


def _address(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"expected a scheduler address (tcp://host:8786), got {value!r}")
    return value.strip()


def _per_file_ignores(value: Any) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not isinstance(value, Mapping):
        raise ValueError("expected a mapping of file patterns to lists of rule ids")
    return tuple((str(pattern), _rules(rules)) for pattern, rules in value.items())


def _tolerance(value: Any) -> dict[str, Decimal]:
    if not isinstance(value, Mapping):
        raise ValueError("expected a mapping of rule ids to numbers")
    result = {}
    for rule, amount in value.items():
        try:
            number = Decimal(str(amount))
        except InvalidOperation:
            raise ValueError(f"{rule}: expected a number, got {amount!r}") from None
        if isinstance(amount, bool) or not number.is_finite() or number < 0:
            raise ValueError(f"{rule}: expected a number of at least 0, got {amount!r}")
        result[str(rule)] = number
    return result


_KEYS = {
    "select": _rules,
    "extend-select": _rules,
    "ignore": _rules,
    "per-file-ignores": _per_file_ignores,
    "fail-on": _choice(FAIL_ON),
    "lang": _choice(LANGS),
    "pdf-engine": _choice(PDF_ENGINES),
    "jobs": _positive_int,
    "tolerance": _tolerance,
    "timeout": _positive_number,
    "max-memory": _positive_int,
    "min-level": _choice(MIN_LEVELS),
    "exclude": _globs,
    "extend-exclude": _globs,
    "documents": _documents,
    "executor": _choice(EXECUTORS),
    "scheduler": _address,
}


def resolve(command_line: Mapping[str, Any], config: str | None = None, cwd: str | None = None) -> Settings:
    """The settings of a run: the configuration file (given, or the nearest one), overridden key
    by key by what the command line set (`Settings` field names; None means "not given").
    A `--select` on the command line is the whole selection: the file's ignore list no longer
    applies to it, so `--select split-total` runs split-total whatever the file ignores."""
    path = Path(config) if config else find_config(Path(cwd or os.getcwd()).resolve())
    if config and not path.is_file():
        raise ConfigError(f"{config}: no such configuration file")
    values = load_config(path) if path else {}
    given = {key: value for key, value in command_line.items() if value is not None}
    if "documents" in given:
        given["documents"] = anchored(given["documents"], cwd or os.getcwd())
    if "select" in given:
        values.pop("ignore", None)
    values.update(given)
    return Settings(**values)
