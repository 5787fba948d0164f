"""Run one job per file, each within limits of its own, in worker processes, `jobs` at a time.

A document downloaded from anywhere can make a PDF engine loop, allocate gigabytes or crash in
C code, where no Python exception can stop it. So files are read in forked workers with an
address-space limit (RLIMIT_AS: what the worker started with, plus the limit), each file with a
deadline: a file that overruns either is killed with its worker and reported with that reason,
and the other files go on in a new one.

A worker is forked once and lints file after file: what every file needs (the engine imported
and initialised, patterns compiled, caches warm) is paid once per worker, not once per file,
which is what linting many small files costs. A worker that has grown past a share of the
memory limit retires after its file; and a file that dies or runs out of memory in a worker
that linted others before is tried again, once, in a fresh one: its outcome is what a process
of its own gives, whatever ran before it, so `--jobs 1` and `--jobs N` cannot differ.

Results come back over a pipe as JSON, never as pickles: nothing a worker sends can make the
parent execute code. Where `fork` does not exist (Windows), files are linted in this process,
without the limits.
"""
from __future__ import annotations

import faulthandler
import gc
import json
import math
import multiprocessing
import os
import signal
import time
from collections import deque
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any, Callable, Sequence

try:
    import resource
except ImportError:  # not on Windows, where files are linted in process anyway
    resource = None  # type: ignore[assignment]

MB = 1024 * 1024
EXIT_GRACE = 5.0  # seconds a child that has sent its result may take to exit


class JobFailed(Exception):
    """A job could not finish for a reason that belongs to its input: said in one line."""


@dataclass(frozen=True)
class Limits:
    """Per-file bounds: seconds of wall time and megabytes of address space."""

    timeout: float
    max_memory: int


@dataclass(frozen=True)
class Outcome:
    """What one job gave: its JSON-ready result, or the one-line reason it has none."""

    path: str
    result: Any = None
    error: str | None = None


Job = Callable[[str], Any]


def run_jobs(paths: Sequence[str], job: Job, jobs: int, limits: Limits,
             done: Callable[[], None] = lambda: None, size: Callable[[str], int] | None = None) -> list[Outcome]:
    """Run `job(path)` for every path; outcomes in the order of `paths`.

    The largest jobs start first (by `size`, the file's size unless told) so that one big PDF
    does not run alone at the end; the order of the outcomes does not depend on it.
    """
    if not hasattr(os, "fork"):
        return [_in_process(path, job, limits, done) for path in paths]
    size = size or file_size
    pending = deque(sorted(range(len(paths)), key=lambda i: (-size(paths[i]), i)))
    outcomes: list[Outcome | None] = [None] * len(paths)
    fresh_only: set[int] = set()  # files to try again in a worker of their own
    idle: list[_Worker] = []
    busy: dict[Connection, _Worker] = {}
    try:
        while pending or busy:
            while pending and len(busy) < max(1, jobs):
                index = pending.popleft()
                worker = idle.pop() if idle else _Worker.start(job, limits)
                if index in fresh_only and worker.linted:
                    idle.append(worker)
                    worker = _Worker.start(job, limits)
                worker.give(index, paths[index], limits)
                busy[worker.connection] = worker
            nearest = min(worker.deadline for worker in busy.values())
            wait(list(busy), timeout=max(0.0, nearest - time.monotonic()))
            for connection, worker in list(busy.items()):
                index = worker.index
                outcome = worker.collect(paths[index], limits)
                if outcome is None:
                    continue
                del busy[connection]
                if worker.gone:
                    worker.stop()
                else:
                    idle.append(worker)
                if worker.suspect and index not in fresh_only:
                    fresh_only.add(index)  # it may have died of what the files before it left behind
                    pending.appendleft(index)
                    continue
                outcomes[index] = outcome
                done()
    finally:
        for worker in busy.values():
            worker.stop(kill=True)
        for worker in idle:
            worker.stop()
    return [outcome for outcome in outcomes if outcome is not None]


# A worker whose address space has grown by this share of the memory limit lints no more files:
# what a large document left behind must not shrink the room the next file has.
RETIRE_SHARE = 0.5


class _Worker:
    """One forked worker and the file it is linting.

    Forked with os.fork, not multiprocessing.Process: a worker may itself run inside a process
    that multiprocessing calls a daemon (a Dask worker's), where multiprocessing refuses to
    start children; and a fork is all it needs. Its death is seen as the end of its pipe."""

    def __init__(self, pid: int, connection: Connection) -> None:
        self.pid, self.connection = pid, connection
        self.exitcode: int | None = None
        self.index, self.deadline = -1, math.inf
        self.linted = 0          # files it has finished
        self.gone = False        # it died, was killed, or retired: no more files
        self.suspect = False     # the current file died or ran out of memory after other files

    @staticmethod
    def start(job: Job, limits: Limits) -> _Worker:
        ours, theirs = multiprocessing.Pipe(duplex=True)
        pid = os.fork()
        if pid == 0:  # the worker: it never returns from here
            try:
                _serve(theirs, ours, job, limits)
            finally:
                os._exit(1)
        theirs.close()
        return _Worker(pid, ours)

    def alive(self) -> bool:
        return not self._reaped(block=False)

    def _reaped(self, block: bool) -> bool:
        """Whether it has exited (its exit code kept), waiting for it if `block`."""
        if self.exitcode is None:
            pid, status = os.waitpid(self.pid, 0 if block else os.WNOHANG)
            if pid == 0:
                return False
            self.exitcode = os.waitstatus_to_exitcode(status)
        return True

    def give(self, index: int, path: str, limits: Limits) -> None:
        self.index, self.deadline, self.suspect = index, time.monotonic() + limits.timeout, False
        try:
            self.connection.send_bytes(path.encode("utf-8", "surrogateescape"))
        except OSError:
            self.gone = True  # it died idle: collect() reports it, and the file is tried again

    def collect(self, path: str, limits: Limits) -> Outcome | None:
        """The outcome of the current file if there is one now, else None (still working)."""
        if self.connection.poll():
            try:
                payload = json.loads(self.connection.recv_bytes())
            except (EOFError, OSError, ValueError):
                payload = None
            if not isinstance(payload, dict) or not ("result" in payload or "error" in payload):
                return self._died(path, limits)
            self.suspect = bool(payload.get("memory")) and self.linted > 0
            self.linted += 1
            if payload.get("retire") or payload.get("memory"):
                self.gone = True
            if "error" in payload:
                return Outcome(path, error=str(payload["error"]))
            return Outcome(path, result=payload["result"])
        if not self.alive():
            return self._died(path, limits)
        if time.monotonic() >= self.deadline:  # out of time in a fresh worker too: no second try
            self.stop(kill=True)
            return Outcome(path, error=_out_of_time(limits))
        return None

    def _died(self, path: str, limits: Limits) -> Outcome:
        self._reaped(block=True)
        self.gone, self.suspect = True, self.linted > 0
        return Outcome(path, error=_death(self.exitcode, limits))

    def stop(self, kill: bool = False) -> None:
        """No more files: told so, it exits; one that does not within EXIT_GRACE (or one told to
        stop working) is killed."""
        self.gone = True
        if not kill:
            try:
                self.connection.send_bytes(b"")  # the word to stop
                self.connection.poll(EXIT_GRACE)  # its end of the pipe closes as it exits
            except OSError:
                pass  # it is gone already
        self.connection.close()
        grace = time.monotonic() + (0 if kill else EXIT_GRACE)
        while not self._reaped(block=False) and time.monotonic() < grace:
            time.sleep(0.001)
        if self.exitcode is None:
            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self._reaped(block=True)


def _out_of_time(limits: Limits) -> str:
    return f"gave up after the time limit of {limits.timeout:g} s (see --timeout)"


def _death(exitcode: int | None, limits: Limits) -> str:
    if exitcode is not None and exitcode < 0:
        name = signal.Signals(-exitcode).name if -exitcode in signal.valid_signals() else str(-exitcode)
        return (f"the reader died on this file ({name}); it may need more than the memory limit of "
                f"{limits.max_memory} MB (see --max-memory)")
    return f"the reader stopped without a result (exit status {exitcode})"


# A document's parse makes millions of small objects that live until the document is done: the
# youngest generation is collected every so many allocations rather than Python's 700. Each
# collection walks the young objects, nearly all of them still alive: over the corpus, 24
# collections at 50,000 took 2.3% of a lint, 2 at 300,000 took 1.2%, and a worker's peak memory
# stayed at 126 MB (at 500,000 and more it grows, by 15 MB).
YOUNG_GENERATION = 300_000


def tune_collector() -> None:
    """The garbage collector as a worker runs it: what the worker inherits from the process that
    forked it (the engine's modules, the checks, their patterns) is never garbage, so it is frozen
    out of the collector's walks (which would also copy the pages the fork shares), and the
    youngest generation is collected less often (YOUNG_GENERATION). Over the corpus, the
    collector's share of a lint fell from 7.9% to 1.2%. Only in a worker or a
    benchmark standing for one: an application calling the library keeps its own settings."""
    gc.freeze()
    gc.set_threshold(YOUNG_GENERATION, *gc.get_threshold()[1:])


def _serve(connection: Connection, parents_end: Connection, job: Job, limits: Limits) -> None:
    """In a forked worker: bound the address space, then lint each path the parent sends, one
    JSON message back for each, until it sends an empty one or the pipe closes (the parent's end,
    inherited by the fork, is closed here so that the parent's death closes it). A crash is
    reported by the parent in one line; a fault handler's dump would only be noise."""
    parents_end.close()
    faulthandler.disable()
    tune_collector()
    # The limit is what a file may take beyond what the worker starts with: forked from a large
    # process (a Dask worker's, an application's), an absolute bound would leave a file no room.
    start = _address_space()
    if resource is not None:
        size = start + limits.max_memory * MB
        try:
            resource.setrlimit(resource.RLIMIT_AS, (size, size))
        except (ValueError, OSError):
            pass  # no limit where the platform refuses one; the deadline still holds
    while True:
        try:
            message = connection.recv_bytes()
        except (EOFError, OSError):
            break
        if not message:
            break
        path = message.decode("utf-8", "surrogateescape")
        started = time.monotonic()
        payload = _attempt(path, job, limits)
        if time.monotonic() - started > limits.timeout:
            # past the limit, though the parent has not killed it yet (its deadline is read when
            # it next looks): the limit decides, not how soon the parent looked
            payload = {"error": _out_of_time(limits)}
        if _address_space() - start > RETIRE_SHARE * limits.max_memory * MB:
            payload["retire"] = True
        try:
            connection.send_bytes(json.dumps(payload, ensure_ascii=False).encode("utf-8"))
        except MemoryError:
            os._exit(3)
        if payload.get("retire") or payload.get("memory"):
            break
    connection.close()
    os._exit(0)


def _address_space() -> int:
    """The bytes of address space this process holds (what RLIMIT_AS bounds); 0 where the
    platform does not say."""
    try:
        with open("/proc/self/statm", "rb") as statm:  # bytes: a worker may not be able to import a codec
            return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _attempt(path: str, job: Job, limits: Limits) -> dict[str, Any]:
    """Run the job: {"result": …}, or {"error": a one-line reason}, whatever it raises."""
    try:
        return {"result": job(path)}
    except JobFailed as exc:
        return {"error": str(exc)}
    except MemoryError:
        return {"error": f"needs more than the memory limit of {limits.max_memory} MB (see --max-memory)", "memory": True}
    except RecursionError:
        return {"error": "nested too deeply to read"}
    except Exception as exc:  # a bug must cost this file one line, not a traceback
        return {"error": f"internal error: {type(exc).__name__}: {exc}"}


def _in_process(path: str, job: Job, limits: Limits, done: Callable[[], None]) -> Outcome:
    payload = _attempt(path, job, limits)
    done()
    return Outcome(path, result=payload.get("result"), error=payload.get("error"))


def file_size(path: str) -> int:
    """A file's size in bytes (0 when it cannot be told): what orders jobs, largest first."""
    try:
        return os.path.getsize(path)
    except OSError:
        return 0
