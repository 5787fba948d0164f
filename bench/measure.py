"""A command line run as the operating system measures it: exit code, standard error, wall
seconds, peak resident memory and CPU seconds from wait4 (the process's reaped workers
included). CPU time is what a shared machine's load leaves alone: wall time waits for the
cores the others use.

The command is started from a small helper process, not from the benchmark: Linux keeps a
process's peak RSS across fork and exec, so a direct child would inherit the benchmark's own
memory (its generators, its imports) as if it were auditlint's.
"""
from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass

HELPER = """
import json, os, subprocess, sys, time
started = time.monotonic()
process = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
stderr = process.stderr.read()
_, status, usage = os.wait4(process.pid, 0)
print(json.dumps([os.waitstatus_to_exitcode(status), stderr.decode("utf-8", "replace"),
                  time.monotonic() - started, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime]))
"""


@dataclass(frozen=True)
class Measured:
    exit_code: int
    stderr: str
    seconds: float
    peak_mb: float
    cpu: float = 0.0


def measure(command: list[str]) -> Measured:
    output = subprocess.run([sys.executable, "-c", HELPER, *command], capture_output=True, text=True, check=True).stdout
    return Measured(*json.loads(output))
