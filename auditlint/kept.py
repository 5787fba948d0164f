"""The parses a run keeps between its two passes, so that no file is read or parsed twice.

A run lints every file once to learn what it is (auditlint.index): a narrative and its table set
published apart are only known to be one document once both are parsed. A file that may be half
of such a document (its profile says a narrative or a table set, with its department, kind and
year read) is not linted then: its child keeps what it read and parsed (its Source and its
FileParse) in a folder private to the run, and the second pass lints it, alone or with its other
half, from that. The folder is made with mkdtemp (readable by its owner only) and removed when
the run ends.

What is kept is JSON, never a pickle: a file is only ever turned back into the data classes of
auditlint's own model (KEPT_CLASSES), field by field, and no code named by the file runs. A
parse holding anything else is not kept (Unkeepable), and its file is linted at once, as any
other. Objects shared within a parse (the paragraph a sentence and the blocks both hold) are
written once and shared again when read, so the parse read back is the one written.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from decimal import Decimal
from typing import Any

from auditlint import model
from auditlint.model import Source
from auditlint.parse import FileParse
from auditlint.whole import write_whole
from auditlint.parse.wording import CleanText

# The classes a kept parse is made of: the model's data classes, a file's parse, a sentence's text.
KEPT_CLASSES: dict[str, type] = {
    cls.__name__: cls for cls in (*(value for value in vars(model).values()
                                    if isinstance(value, type) and dataclasses.is_dataclass(value)
                                    and value.__module__ == model.__name__), FileParse, CleanText)}
_FIELDS = {cls: tuple(f.name for f in dataclasses.fields(cls)) for cls in KEPT_CLASSES.values()}

# How each value is written: a JSON array opening with its tag; str, int, float, bool and None as
# they are.
_TUPLE, _LIST, _DICT, _DECIMAL, _OBJECT, _SAME, _FROZENSET = range(7)


class Unkeepable(Exception):
    """A parse holds a value the kept format does not write."""


def encode(value: Any) -> Any:
    """A value as JSON data (see the module's docstring)."""
    seen: dict[int, int] = {}

    def write(value: Any) -> Any:
        kind = type(value)
        if value is None or kind in (str, bool, int, float):  # exactly: an enum's member is no str
            return value
        if kind is tuple:
            return [_TUPLE, *map(write, value)]
        if kind is list:
            return [_LIST, *map(write, value)]
        if kind is dict:
            return [_DICT, *(write(x) for pair in value.items() for x in pair)]
        if kind is Decimal:
            return [_DECIMAL, str(value)]
        if kind is frozenset:
            return [_FROZENSET, *map(write, value)]
        fields = _FIELDS.get(kind)
        if fields is None or KEPT_CLASSES.get(kind.__name__) is not kind:
            raise Unkeepable(f"a {kind.__module__}.{kind.__name__} is not kept")
        number = seen.get(id(value))
        if number is not None:
            return [_SAME, number]
        seen[id(value)] = len(seen)
        return [_OBJECT, kind.__name__, *(write(getattr(value, name)) for name in fields)]

    return write(value)


def decode(data: Any) -> Any:
    """The value JSON data written by `encode` stands for; only KEPT_CLASSES are made."""
    made: list[Any] = []

    def read(data: Any) -> Any:
        if not isinstance(data, list):
            return data
        tag = data[0]
        if tag == _TUPLE:
            return tuple(map(read, data[1:]))
        if tag == _LIST:
            return list(map(read, data[1:]))
        if tag == _DICT:
            items = list(map(read, data[1:]))
            return dict(zip(items[::2], items[1::2]))
        if tag == _DECIMAL:
            return Decimal(data[1])
        if tag == _FROZENSET:
            return frozenset(map(read, data[1:]))
        if tag == _SAME:
            return made[data[1]]
        if tag == _OBJECT:
            cls = KEPT_CLASSES[data[1]]  # a KeyError for any other name: never made
            value = object.__new__(cls)
            made.append(value)
            for name, field in zip(_FIELDS[cls], data[2:], strict=True):
                object.__setattr__(value, name, read(field))
            return value
        raise ValueError(f"unknown tag {tag!r}")

    return read(data)


class Kept:
    """A run's folder of kept parses, one file per document file, named by its path's digest."""

    def __init__(self, folder: str) -> None:
        self.folder = folder

    @classmethod
    def create(cls) -> "Kept":
        import tempfile  # here: only a run of several files keeps parses, and a run's start is shorter without

        return cls(tempfile.mkdtemp(prefix="auditlint-parsed-"))

    def _file(self, path: str) -> str:
        return os.path.join(self.folder, hashlib.sha256(os.path.abspath(path).encode()).hexdigest() + ".json")

    def save(self, path: str, raw: Source, parsed: FileParse) -> None:
        """Keep a file's source as read and its parse (written whole, then renamed, so that a
        child stopped while writing leaves no half). Unkeepable when the parse holds a value
        the format does not write."""
        text = json.dumps(encode((raw, parsed)), ensure_ascii=False, separators=(",", ":"))
        write_whole(self._file(path), text)

    def load(self, path: str) -> tuple[Source, FileParse] | None:
        """A file's source and parse as kept, or None when none is (the file is then read)."""
        try:
            with open(self._file(path), encoding="utf-8") as kept:
                raw, parsed = decode(json.load(kept))
        except (OSError, ValueError, KeyError, TypeError):
            return None
        return raw, parsed

    def remove(self) -> None:
        import shutil

        shutil.rmtree(self.folder, ignore_errors=True)
