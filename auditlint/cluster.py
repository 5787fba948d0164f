"""Linting past one machine: files sent to a Dask cluster (`--executor dask`, `auditlint[dask]`).

A national year is some 10^5 PDFs; one machine lints them in a day, a cluster in an hour. The
files are sent in tasks of a few; on its Dask worker a task lints them as `--jobs` does on this
machine: in a forked process, each file within the same per-file limits (auditlint.runner), so a
file that hangs, eats memory or crashes costs its own line and never the worker. The task returns its outcome as JSON
text, the same plain data a local worker sends over its pipe; here the outcomes are put back in
the order of the files, and the report is byte for byte the one `--jobs N` prints.

The workers read the files by the paths given here (and findings name them so): they must see
the same paths (a shared file system, the same working directory for relative ones), and have
the same auditlint installed.
"""
from __future__ import annotations

import json
from typing import Any, Callable, Sequence

from auditlint.config import ConfigError
from auditlint.runner import Limits, Outcome, run_jobs

INSTALL_HINT = "--executor dask needs Dask: pip install 'auditlint-budget[dask]'"


def outcome_data(outcome: Outcome) -> dict[str, Any]:
    """An outcome as plain data: {"path", "result"} or {"path", "error"}."""
    if outcome.error is not None:
        return {"path": outcome.path, "error": outcome.error}
    return {"path": outcome.path, "result": outcome.result}


# Files per task: a few, so that a task's forked worker lints several in turn (warm, as `--jobs`'s
# do), and many tasks still, so that a cluster's workers share the files out evenly.
MAX_BATCH = 8
TASKS_PER_WORKER = 4


def lint_on_worker(paths: list[str], linter: Callable[[str], Any], timeout: float, max_memory: int) -> str:
    """The task a Dask worker runs: a few files, each linted within its limits by a worker
    forked here (auditlint.runner), their outcomes as JSON text. The checks and the PDF engine
    are loaded and the patterns compiled first, in the Dask worker's own process, so the fork
    inherits them (and the next task finds them ready)."""
    from auditlint.patterns import compile_all

    prepare = getattr(linter, "prepare", None)
    if prepare is not None:
        prepare(paths)
    compile_all()
    outcomes = run_jobs(paths, linter, 1, Limits(timeout, max_memory))
    return json.dumps([outcome_data(outcome) for outcome in outcomes], ensure_ascii=False)


def _for(linter: Any, batch: list[str]) -> Any:
    """What a task is sent: a linter of documents knows only its batch's (not a national year's)."""
    only = getattr(linter, "only", None)
    return only({first: linter.documents.get(first, (first,)) for first in batch}) if only is not None else linter


def dask_outcomes(paths: Sequence[str], linter: Any, scheduler: str | None,
                  done: Callable[[], None] = lambda: None) -> list[Outcome]:
    """Lint `paths` on the Dask cluster at `scheduler` (or on one started here with
    `linter.settings.jobs` workers); outcomes in the order of `paths`."""
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError as exc:
        raise ConfigError(INSTALL_HINT) from exc
    settings = linter.settings
    cluster = None
    try:
        if scheduler:
            client = Client(scheduler)
        else:
            cluster = LocalCluster(n_workers=settings.jobs, threads_per_worker=1, processes=True,
                                   dashboard_address=None)
            client = Client(cluster)
    except OSError as exc:
        raise ConfigError(f"cannot reach the Dask scheduler {scheduler}: {exc}") from exc
    try:
        workers = max(1, sum(client.nthreads().values()))
        size = max(1, min(MAX_BATCH, -(-len(paths) // (workers * TASKS_PER_WORKER))))
        batches = [list(paths[i:i + size]) for i in range(0, len(paths), size)]
        futures = [client.submit(lint_on_worker, batch, _for(linter, batch), settings.timeout, settings.max_memory,
                                 pure=False) for batch in batches]
        sizes = {future.key: len(batch) for future, batch in zip(futures, batches)}
        for future in as_completed(futures):
            for _ in range(sizes[future.key]):
                done()
        outcomes = []
        for batch, text in zip(batches, client.gather(futures)):
            for path, data in zip(batch, json.loads(text)):  # plain JSON, never a pickle of the worker's making
                outcomes.append(Outcome(path, result=data.get("result"), error=data.get("error")))
        return outcomes
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
