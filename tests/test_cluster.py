"""Past one machine: `auditlint.lint_file` lints one file into plain data, and the Dask
executor (`--executor dask`) sends files to a cluster and reports what `--jobs` reports, byte
for byte, with the same per-file limits. The cluster tests start a LocalCluster of two worker
processes, and skip where Dask's distributed is not installed (`auditlint-budget[dask]`)."""
from __future__ import annotations

import json
import pickle

import pytest

import auditlint
from auditlint.config import Settings
from auditlint.engine import run
from auditlint.findings import Finding
from auditlint.report import render
from conftest import SAMPLES

SLIP = "住房公积金87.39万元，主要是主要是人员异动。\n"


def documents(tmp_path) -> list[str]:
    """The samples, a PDF made here, and a file that cannot be read."""
    paths = sorted(str(p) for p in SAMPLES.glob("*.txt"))
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\nnot really a PDF")
    paths.append(str(broken))
    try:
        from tests.pdfs import table_pdf
    except ImportError:  # reportlab is a test dependency; without it the text files do
        return paths
    pdf = table_pdf(tmp_path / "table.pdf", "部门支出总表", ("科目编码", "科目名称", "合计", "基本支出", "项目支出"),
                    [("", "合计", "1,809.22", "982.82", "826.40"), ("201", "一般公共服务支出", "1,510.37", "683.97", "826.40")],
                    [50, 110, 260, 340, 420], narrative="本年支出预算1809.22万元。")
    return [*paths, str(pdf)]


def test_lint_file_gives_plain_data_that_travels(tmp_path):
    doc = tmp_path / "doc.txt"
    doc.write_text(SLIP, encoding="utf-8")
    data = auditlint.lint_file(doc)
    assert json.loads(json.dumps(data)) == data and pickle.loads(pickle.dumps(data)) == data
    findings = [Finding.from_data(f) for f in data["result"]["findings"]]
    assert findings == auditlint.lint(doc).findings  # fingerprinted and ordered as a run's
    assert data["path"] == str(doc) and data["result"]["language"] == "zh"


def test_lint_file_names_why_a_file_cannot_be_read(tmp_path):
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\nnot really a PDF")
    data = auditlint.lint_file(broken)
    assert set(data) == {"path", "error"} and "not a readable PDF" in data["error"]
    doc = tmp_path / "doc.txt"
    doc.write_text(SLIP * 200, encoding="utf-8")
    assert auditlint.lint_file(doc, timeout=0.001)["error"].startswith("gave up after the time limit")


@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as local:
        yield local


def test_a_dask_cluster_reports_byte_for_byte_what_jobs_2_reports(tmp_path, cluster):
    paths = documents(tmp_path)
    local = run(paths, Settings(jobs=2))
    remote = run(paths, Settings(executor="dask", scheduler=cluster.scheduler_address))
    assert [e.path for e in local.errors] == [e.path for e in remote.errors] == [str(tmp_path / "broken.pdf")]
    for fmt in ("json", "sarif", "text"):
        assert render(remote, fmt, "zh") == render(local, fmt, "zh")
    assert len(remote.findings) > 10


def test_a_file_past_its_time_limit_on_the_cluster_costs_its_own_line(tmp_path, cluster):
    paths = documents(tmp_path)
    result = run(paths, Settings(executor="dask", scheduler=cluster.scheduler_address, timeout=0.001))
    assert {e.path for e in result.errors} == set(paths)
    assert all(e.reason.startswith(("gave up after the time limit", "not a readable PDF")) for e in result.errors)
    assert run(paths[:1], Settings(executor="dask", scheduler=cluster.scheduler_address)).files == paths[:1]


def test_the_command_line_lints_on_a_cluster(tmp_path, cluster, cli):
    doc = tmp_path / "doc.txt"
    doc.write_text(SLIP, encoding="utf-8")
    local = cli("--format", "json", "--jobs", "2", doc)
    remote = cli("--format", "json", "--executor", "dask", "--scheduler", cluster.scheduler_address, doc)
    assert remote.exit_code == local.exit_code == 1 and remote.stdout == local.stdout
