"""Run one job per file, each in a child process of its own, `jobs` at a time, within limits.

A document downloaded from anywhere can make a PDF engine loop, allocate gigabytes or crash in
C code, where no Python exception can stop it. So each file is read in a forked child with an
address-space limit (RLIMIT_AS) and a deadline: a file that overruns either is killed and
reported with that reason, and the other files go on. Forking is cheap next to reading a
document, and the same path serves `--jobs 1` and `--jobs N`, so their output cannot differ.

Results come back over a pipe as JSON, never as pickles: nothing a child sends can make the
parent execute code. Where `fork` does not exist (Windows), files are linted in this process,
without the limits.
"""
from __future__ import annotations

import faulthandler
import json
import multiprocessing
import os
import signal
import time
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
    if "fork" not in multiprocessing.get_all_start_methods():
        return [_in_process(path, job, limits, done) for path in paths]
    size = size or file_size
    order = sorted(range(len(paths)), key=lambda i: (-size(paths[i]), i))
    outcomes: list[Outcome | None] = [None] * len(paths)
    context = multiprocessing.get_context("fork")
    running: dict[Connection, tuple[int, Any, float]] = {}
    try:
        while order or running:
            while order and len(running) < max(1, jobs):
                index = order.pop(0)
                receiver, sender = context.Pipe(duplex=False)
                process = context.Process(target=_child, args=(sender, paths[index], job, limits), daemon=True)
                process.start()
                sender.close()
                running[receiver] = (index, process, time.monotonic() + limits.timeout)
            nearest = min(deadline for _, _, deadline in running.values())
            wait(list(running) + [process.sentinel for _, process, _ in running.values()],
                 timeout=max(0.0, nearest - time.monotonic()))
            for receiver in list(running):
                index, process, deadline = running[receiver]
                outcome = _collect(paths[index], receiver, process, deadline, limits)
                if outcome is not None:
                    del running[receiver]
                    receiver.close()
                    outcomes[index] = outcome
                    done()
    finally:
        for receiver, (_, process, _) in running.items():
            process.kill()
            process.join()
            receiver.close()
    return [outcome for outcome in outcomes if outcome is not None]


def _collect(path: str, receiver: Connection, process: Any, deadline: float, limits: Limits) -> Outcome | None:
    """The outcome of a running child if it has one now, else None (still working)."""
    if receiver.poll():
        try:
            payload = json.loads(receiver.recv_bytes())
        except (EOFError, OSError, ValueError):
            payload = None
        process.join(EXIT_GRACE)
        if process.is_alive():  # it sent its result but does not exit: no reason to wait for it
            process.kill()
            process.join()
        if isinstance(payload, dict) and "error" in payload:
            return Outcome(path, error=str(payload["error"]))
        if isinstance(payload, dict) and "result" in payload:
            return Outcome(path, result=payload["result"])
        return Outcome(path, error=_death(process.exitcode, limits))
    if not process.is_alive():
        process.join()
        return Outcome(path, error=_death(process.exitcode, limits))
    if time.monotonic() >= deadline:
        process.kill()
        process.join()
        return Outcome(path, error=f"gave up after the time limit of {limits.timeout:g} s (see --timeout)")
    return None


def _death(exitcode: int | None, limits: Limits) -> str:
    if exitcode is not None and exitcode < 0:
        name = signal.Signals(-exitcode).name if -exitcode in signal.valid_signals() else str(-exitcode)
        return (f"the reader died on this file ({name}); it may need more than the memory limit of "
                f"{limits.max_memory} MB (see --max-memory)")
    return f"the reader stopped without a result (exit status {exitcode})"


def _child(sender: Connection, path: str, job: Job, limits: Limits) -> None:
    """In the forked child: bound the address space, run the job, send one JSON message.
    A crash is reported by the parent in one line; a fault handler's dump would only be noise."""
    faulthandler.disable()
    if resource is not None:
        size = limits.max_memory * MB
        try:
            resource.setrlimit(resource.RLIMIT_AS, (size, size))
        except (ValueError, OSError):
            pass  # no limit where the platform refuses one; the deadline still holds
    payload = _attempt(path, job, limits)
    try:
        sender.send_bytes(json.dumps(payload, ensure_ascii=False).encode("utf-8"))
    except MemoryError:
        os._exit(3)
    sender.close()


def _attempt(path: str, job: Job, limits: Limits) -> dict[str, Any]:
    """Run the job: {"result": …}, or {"error": a one-line reason}, whatever it raises."""
    try:
        return {"result": job(path)}
    except JobFailed as exc:
        return {"error": str(exc)}
    except MemoryError:
        return {"error": f"needs more than the memory limit of {limits.max_memory} MB (see --max-memory)"}
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
