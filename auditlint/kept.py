"""The parses a run keeps between its two passes, so that no file is read or parsed twice.

A run lints every file once to learn what it is (auditlint.index): a narrative and its table set
published apart are only known to be one document once both are parsed. A file that may be half
of such a document (its profile says a narrative or a table set, with its department, kind and
year read) is not linted then: its child keeps what it read and parsed (its Source and its
FileParse, pickled) in a folder private to the run, and the second pass lints it, alone or with
its other half, from that. Pickling and loading cost a quarter of reading and parsing again
(Jiangsu's twelve files: 0.12 CPU-s, against 0.47). The folder is made with mkdtemp (readable by its owner only) and removed when
the run ends; only auditlint's own objects are ever written there and loaded from it.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import tempfile

from auditlint.model import Source
from auditlint.parse import FileParse


class Kept:
    """A run's folder of kept parses, one file per document file, named by its path's digest."""

    def __init__(self, folder: str) -> None:
        self.folder = folder

    @classmethod
    def create(cls) -> "Kept":
        return cls(tempfile.mkdtemp(prefix="auditlint-parsed-"))

    def _file(self, path: str) -> str:
        return os.path.join(self.folder, hashlib.sha256(os.path.abspath(path).encode()).hexdigest() + ".pickle")

    def save(self, path: str, raw: Source, parsed: FileParse) -> None:
        """Keep a file's source as read and its parse (written whole, then renamed, so that a
        child stopped while writing leaves no half)."""
        target = self._file(path)
        with open(target + ".part", "wb") as out:
            pickle.dump((raw, parsed), out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(target + ".part", target)

    def load(self, path: str) -> tuple[Source, FileParse] | None:
        """A file's source and parse as kept, or None when none is (the file is then read)."""
        try:
            with open(self._file(path), "rb") as kept:
                raw, parsed = pickle.load(kept)
        except (OSError, EOFError, pickle.UnpicklingError):
            return None
        return raw, parsed

    def remove(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)
