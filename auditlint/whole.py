"""A file written whole: to a temporary file beside it, then renamed over it, so that a reader
(another worker, a later run) never sees half of it and a writer stopped midway leaves the file
as it was. One mechanism for every file auditlint writes besides its report: a baseline, a kept
parse, the kept pattern programs and entry points."""
from __future__ import annotations

import os
from pathlib import Path


def write_whole(target: str | os.PathLike[str], text: str) -> None:
    """Write `text` in UTF-8 to `target`, replacing it whole. Raises what writing raises (OSError,
    or UnicodeEncodeError for text no UTF-8 writes), the temporary file removed."""
    import tempfile  # here: only writing a file needs it, and a run's start is shorter without

    path = Path(target)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise
