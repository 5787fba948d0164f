"""The HTML report (`--format html`): one self-contained page, a picture of the page region for
each PDF finding with the stated figure and its related figures boxed in two colours, the lines
of a text finding with its figures marked and the document's text escaped; and, in a real
headless Chromium, a page that loads with no console message and shows the boxes."""
from __future__ import annotations

import base64
import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest

pytest.importorskip("reportlab")
from PIL import Image  # noqa: E402

from auditlint.readers import read_source  # noqa: E402
from auditlint.model import Location  # noqa: E402
from auditlint.report.pictures import RELATED_COLOUR, STATED_COLOUR, PdfPictures  # noqa: E402
from tests.pdfs import table_pdf, turned_page_pdf  # noqa: E402

# A table whose row 2010302 says 450.00 where its parts give 400.00, under a sentence whose parts
# (600.00 + 500.00) exceed its total (1000.00) and whose 项目支出 is not the table's: three errors.
HEADER = ("科目编码", "科目名称", "合计", "基本支出", "项目支出")
ROWS = [("", "合计", "1,000.00", "600.00", "400.00"), ("201", "一般公共服务支出", "1,000.00", "600.00", "400.00"),
        ("20103", "政府办公厅（室）及相关机构事务", "1,000.00", "600.00", "400.00"),
        ("2010301", "行政运行", "600.00", "600.00", ""), ("2010302", "一般行政管理事务", "450.00", "", "400.00")]
COLUMNS = [50, 110, 300, 380, 460]
NARRATIVE = "本年支出预算1000.00万元，其中基本支出600.00万元，项目支出500.00万元。"
ARTICLE = re.compile(r'<article class="finding.*?</article>', re.S)


def _pdf(tmp_path: Path) -> Path:
    return table_pdf(tmp_path / "预算.pdf", "部门支出总表", HEADER, ROWS, COLUMNS, narrative=NARRATIVE)


def _report(cli, tmp_path: Path, *paths: Path) -> str:
    out = tmp_path / "report.html"
    result = cli("--format", "html", "--output", out, *paths)
    assert result.exit_code == 1, result.output
    return out.read_text(encoding="utf-8")


def _picture(article: str) -> Image.Image:
    data = re.search(r'<img src="data:image/png;base64,([A-Za-z0-9+/=]+)"', article).group(1)
    return Image.open(io.BytesIO(base64.b64decode(data))).convert("RGB")


def _pixels(image: Image.Image, colour: tuple[int, int, int], tolerance: int = 40) -> list[tuple[int, int]]:
    """Where the image has this colour, give or take (a browser may scale the picture)."""
    raw, width = image.tobytes(), image.width
    return [(i % width, i // width) for i, pixel in enumerate(zip(raw[0::3], raw[1::3], raw[2::3]))
            if sum(abs(a - b) for a, b in zip(pixel, colour)) <= tolerance]


def test_a_pdf_line_knows_where_it_sits_on_its_page(tmp_path):
    lines = read_source(str(_pdf(tmp_path))).lines
    assert all(line.bottom > line.top for line in lines)
    assert [line.top for line in lines] == sorted(line.top for line in lines)


def test_one_self_contained_page_with_one_picture_per_pdf_finding(cli, tmp_path):
    report = _report(cli, tmp_path, _pdf(tmp_path))
    articles = ARTICLE.findall(report)
    assert len(articles) == 3
    assert all(article.count("<img ") == 1 for article in articles)
    assert all(src.startswith("data:image/png;base64,") for src in re.findall(r'src="([^"]*)"', report))
    assert not re.search(r"https?://", report)
    assert "<link" not in report and "@import" not in report
    for article in articles:
        picture = _picture(article)
        assert picture.width <= 1200 and _pixels(picture, STATED_COLOUR, 0)


def test_a_picture_boxes_the_stated_figure_and_its_related_figures_in_two_colours(cli, tmp_path):
    report = _report(cli, tmp_path, _pdf(tmp_path))
    row = next(a for a in ARTICLE.findall(report) if 'data-rule="sum-of-children"' in a)
    picture = _picture(row)
    stated, related = _pixels(picture, STATED_COLOUR, 0), _pixels(picture, RELATED_COLOUR, 0)
    assert stated and related
    # 450.00 stands in 合计, left of the 400.00 of 项目支出 it was held to, on the same row
    assert max(x for x, _ in stated) < min(x for x, _ in related)
    assert abs(sum(y for _, y in stated) / len(stated) - sum(y for _, y in related) / len(related)) < 5


@pytest.mark.parametrize("rotation", [90, 270])
def test_a_turned_page_is_pictured_as_shown_or_not_at_all(tmp_path, rotation):
    path = str(turned_page_pdf(tmp_path / "turned.pdf", ["Contents", "Total 1,809.22", "Basic 982.82"], rotation))
    line = read_source(path).lines[1]
    column = line.text.index("1,809.22") + 1
    pictures = PdfPictures(path)
    try:
        uri = pictures.picture((line, Location(path, 2, column, 2, column + 8, 1)), [])
    finally:
        pictures.close()
    if uri is not None:  # where the reader placed the line on the page as shown, the box is round the figure
        picture = Image.open(io.BytesIO(base64.b64decode(uri.split(",", 1)[1]))).convert("RGB")
        xs, ys = zip(*_pixels(picture, STATED_COLOUR, 0))
        inside = picture.convert("L").crop((min(xs) + 4, min(ys) + 4, max(xs) - 3, max(ys) - 3))
        assert min(inside.tobytes()) < 100
    else:
        assert rotation == 270  # placed off the page by the reader: text only, no wrong picture


def test_the_report_groups_by_table_summarises_and_offers_both_languages_and_filters(cli, tmp_path):
    report = _report(cli, tmp_path, _pdf(tmp_path))
    assert "部门支出总表" in report and 'class="summary"' in report
    assert report.count('class="level-filter"') == 3
    assert {"split-total", "sum-of-children", "text-vs-table"} <= set(re.findall(r'class="rule-filter" value="([^"]+)"', report))
    assert '<span class="zh">' in report and '<span class="en">' in report
    assert "p1 · " in report  # a PDF place names its page first


def test_a_text_finding_shows_its_lines_marked_and_the_documents_text_escaped(cli, tmp_path):
    text = tmp_path / "预算.txt"
    text.write_text(f"<script>alert('x')</script>\n{NARRATIVE}\n", encoding="utf-8")
    report = _report(cli, tmp_path, text)
    assert "<script>alert" not in report and "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in report
    assert '<mark class="stated">' in report and '<mark class="related">' in report
    assert "<img " not in report


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def _boxes_round_ink(image: Image.Image, colour: tuple[int, int, int]) -> int:
    """How many shapes of this colour in a screenshot are boxes (wider than 20 pixels, taller
    than 10) with something dark printed inside: the legend's small swatches are not."""
    found = set(_pixels(image, colour))
    grey = image.convert("L")
    boxes = 0
    while found:
        stack, shape = [found.pop()], []
        while stack:
            x, y = stack.pop()
            shape.append((x, y))
            for near in ((x + 1, y), (x - 1, y), (x, y + 1), (x, y - 1)):
                if near in found:
                    found.remove(near)
                    stack.append(near)
        xs, ys = [x for x, _ in shape], [y for _, y in shape]
        x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
        if x1 - x0 > 20 and y1 - y0 > 10:
            inside = grey.crop((x0 + 4, y0 + 4, x1 - 3, y1 - 3))
            boxes += min(inside.tobytes()) < 100
    return boxes


@pytest.mark.skipif(_chromium() is None, reason="no chromium on PATH")
def test_the_report_loads_in_headless_chromium_with_no_console_message_and_shows_the_boxes(cli, tmp_path):
    report = tmp_path / "report.html"
    cli("--format", "html", "--output", report, _pdf(tmp_path))
    screenshot = tmp_path / "screenshot.png"
    run = subprocess.run([_chromium(), "--headless", "--disable-gpu", "--no-sandbox", "--hide-scrollbars",
                          f"--user-data-dir={tmp_path / 'profile'}", f"--screenshot={screenshot}",
                          "--window-size=1200,2000", "--enable-logging=stderr", "--v=0", report.as_uri()],
                         capture_output=True, text=True, timeout=120)
    console = [line for line in run.stderr.splitlines() if ":CONSOLE" in line or "Uncaught" in line]
    assert console == []
    image = Image.open(screenshot).convert("RGB")
    assert _boxes_round_ink(image, STATED_COLOUR) >= 3
    assert _boxes_round_ink(image, RELATED_COLOUR) >= 3
