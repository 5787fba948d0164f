"""One child process per file: same output at any --jobs, and a file that hangs, eats memory or
crashes costs one line."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from auditlint.runner import JobFailed, Limits, run_jobs
from tests.conftest import SAMPLES

LIMITS = Limits(timeout=5, max_memory=1024)


def test_jobs_2_and_jobs_1_give_byte_identical_sarif_on_the_seeds(cli, shared):
    seeds = sorted((shared / "seeds").glob("*.txt"))
    one = cli("--format", "sarif", "--jobs", "1", *seeds, SAMPLES)
    two = cli("--format", "sarif", "--jobs", "2", *seeds, SAMPLES)
    assert one.exit_code == two.exit_code == 1
    assert one.stdout == two.stdout
    assert one.stdout.count('"ruleId"') > 10


def test_outcomes_come_back_in_the_order_given_whatever_finishes_first(tmp_path):
    paths = []
    for name, size in (("small", 1), ("large", 5000), ("medium", 100)):
        path = tmp_path / name
        path.write_text("x" * size)
        paths.append(str(path))

    def job(path: str) -> str:
        time.sleep(0.2 if path.endswith("small") else 0)
        return os.path.basename(path)

    for jobs in (1, 2, 3):
        assert [o.result for o in run_jobs(paths, job, jobs, LIMITS)] == ["small", "large", "medium"]


def test_a_job_past_its_time_limit_is_killed_and_named(tmp_path):
    def job(path: str) -> str:
        if "slow" in path:
            time.sleep(60)
        return "done"

    started = time.monotonic()
    outcomes = run_jobs(["slow", "fast"], job, 2, Limits(timeout=1, max_memory=1024))
    assert time.monotonic() - started < 10
    assert outcomes[0].error == "gave up after the time limit of 1 s (see --timeout)"
    assert outcomes[1].result == "done"


def test_a_job_past_its_memory_limit_fails_with_that_reason():
    def job(path: str) -> int:
        hog = bytearray(2048 * 1024 * 1024)
        return len(hog)

    [outcome] = run_jobs(["big"], job, 1, Limits(timeout=30, max_memory=512))
    assert outcome.error == "needs more than the memory limit of 512 MB (see --max-memory)"


def test_a_crash_in_native_code_and_a_failure_cost_one_line_each():
    def job(path: str) -> str:
        if path == "crash":
            os.kill(os.getpid(), signal.SIGSEGV)
        if path == "bad":
            raise JobFailed("not a PDF")
        if path == "bug":
            raise KeyError("x")
        return "ok"

    outcomes = run_jobs(["crash", "bad", "bug", "good"], job, 2, LIMITS)
    assert outcomes[0].error.startswith("the reader died on this file (SIGSEGV)")
    assert outcomes[1].error == "not a PDF"
    assert outcomes[2].error == "internal error: KeyError: 'x'"
    assert outcomes[3].result == "ok"


def test_progress_is_told_once_per_file():
    ticks = []
    run_jobs(["a", "b", "c"], lambda p: p, 2, LIMITS, lambda: ticks.append(1))
    assert len(ticks) == 3


def test_reports_are_byte_identical_run_after_run_whatever_the_hash_seed(tmp_path):
    pytest.importorskip("reportlab")
    from tests.pdfs import table_pdf
    pdf = table_pdf(tmp_path / "t.pdf", "部门支出总表", ("科目编码", "科目名称", "合计", "基本支出", "项目支出"),
                    [("", "合计", "1,809.22", "982.82", "826.40"), ("201", "一般公共服务支出", "1,510.37", "683.97", "826.40"),
                     ("2010301", "行政运行", "468.35", "468.35", "")], [50, 110, 260, 340, 420])
    outputs = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run([sys.executable, "-m", "auditlint", "--format", "sarif", str(SAMPLES), str(pdf)],
                             capture_output=True, env=env)
        assert run.returncode == 1
        outputs.add(run.stdout)
    assert len(outputs) == 1


def test_a_worker_lints_file_after_file_in_a_process_of_its_own():
    outcomes = run_jobs(["a", "b", "c"], lambda path: os.getpid(), 1, LIMITS)
    pids = {outcome.result for outcome in outcomes}
    assert len(pids) == 1 and os.getpid() not in pids


def test_a_file_that_dies_after_other_files_is_tried_again_in_a_fresh_worker():
    """Its outcome is the one a process of its own gives, whatever ran before it."""
    seen: list[str] = []  # in each worker, the files it has linted

    def job(path: str) -> int:
        seen.append(path)
        if path == "fragile" and len(seen) > 1:
            os.kill(os.getpid(), signal.SIGSEGV)
        if path == "crash":
            os.kill(os.getpid(), signal.SIGSEGV)
        return len(seen)

    outcomes = run_jobs(["first", "fragile", "crash", "last"], job, 1, LIMITS)
    assert outcomes[1].result == 1  # alone in its worker, it lints
    assert outcomes[2].error.startswith("the reader died on this file (SIGSEGV)")  # dies alone too: said once
    assert outcomes[0].result == 1 and outcomes[3].result == 1


def test_a_worker_that_grew_past_half_the_memory_limit_lints_no_more_files():
    kept: list[bytearray] = []

    def job(path: str) -> int:
        if path == "hog":
            kept.append(bytearray(300 * 1024 * 1024))
        return os.getpid()

    outcomes = run_jobs(["hog", "next"], job, 1, Limits(timeout=30, max_memory=512))
    assert outcomes[0].result != outcomes[1].result


def test_the_memory_limit_counts_from_what_a_worker_starts_with():
    """Forked from a process that already holds more than the limit (an application, a Dask
    worker), a file still has the limit's room to itself, and no more."""
    held = bytearray(600 * 1024 * 1024)  # the parent's own, beyond the 512 MB limit

    def job(path: str) -> int:
        return len(bytearray((100 if path == "small" else 700) * 1024 * 1024))

    small, large = run_jobs(["small", "large"], job, 1, Limits(timeout=30, max_memory=512))
    assert small.result == 100 * 1024 * 1024
    assert large.error == "needs more than the memory limit of 512 MB (see --max-memory)"
    del held


def _collector(path: str) -> list[int]:
    import gc

    return [gc.get_threshold()[0], gc.get_freeze_count()]


def test_a_worker_freezes_what_it_inherits_and_collects_its_young_less_often():
    from auditlint.runner import YOUNG_GENERATION

    [outcome] = run_jobs(["a"], _collector, 1, Limits(30, 512))
    threshold, frozen = outcome.result
    assert threshold == YOUNG_GENERATION > 700 and frozen > 10_000  # the engine's modules at least


class _Clock:
    """A monotonic clock that only the job moves: the parent's deadline never passes, the
    worker sees its file take longer than the limit."""

    now = 0.0

    @classmethod
    def monotonic(cls) -> float:
        return cls.now

    @staticmethod
    def sleep(seconds: float) -> None:
        time.sleep(seconds)


def _slow(path: str) -> str:
    _Clock.now += 10.0  # the file took ten seconds
    return path


def test_a_file_that_took_longer_than_the_limit_gave_up_however_soon_the_parent_looked(monkeypatch):
    from auditlint import runner

    monkeypatch.setattr(runner, "time", _Clock)
    [outcome] = run_jobs(["a"], _slow, 1, Limits(5, 512))
    assert outcome.result is None and outcome.error == "gave up after the time limit of 5 s (see --timeout)"
