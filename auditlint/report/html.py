"""The HTML report: one self-contained page a reviewer opens in a browser, with no network.

Per document a summary and its findings, grouped by the table they are about (or the narrative);
filters by level and by rule, and a switch between Chinese and English, in plain JavaScript. A PDF
finding shows the page region itself, rendered (report.pictures); a text finding the lines round
it with the figures marked. Unlike the other reports this one opens the documents again, to
show their own text and pages; it reads them only, and everything from them is escaped.
"""
from __future__ import annotations

import html
from collections import Counter, defaultdict
from typing import Iterable

from auditlint.findings import Finding, Level, Message
from auditlint.model import Line, Location
from auditlint.readers import UnreadableError, read_source
from auditlint.report.pictures import RELATED_COLOUR, STATED_COLOUR, PdfPictures
from auditlint.report.text import is_paged
from auditlint.result import LintResult

MAX_PICTURES = 300  # per report, errors first: a page of rounding notes is no reason for 50 MB of HTML
CONTEXT = 1         # lines shown above and below each figure of a text finding
LEVELS = (Level.ERROR, Level.WARNING, Level.NOTE)

WORDS = {
    "title": Message("auditlint 审核报告", "auditlint report"),
    "level": Message("级别", "Level"),
    "rule": Message("规则", "Rule"),
    "document": Message("文件", "Document"),
    "narrative": Message("正文", "Narrative"),
    "table": Message("表", "Table"),
    "error": Message("错误", "error"),
    "warning": Message("警告", "warning"),
    "note": Message("提示", "note"),
    "total": Message("合计", "total"),
    "stated": Message("所列数字", "stated"),
    "expected": Message("应为", "expected"),
    "difference": Message("差额", "difference"),
    "related": Message("相关数字", "related figures"),
    "stated-box": Message("所列数字", "the stated figure"),
    "related-box": Message("与之核对的数字", "the figures it was held to"),
    "other-page": Message("不在图中", "not in the picture"),
    "unreadable": Message("无法读取的文件", "Files that could not be read"),
    "clean": Message("未发现问题", "no findings"),
    "shown": Message("显示", "shown"),
    "no-picture": Message("图片数量已达上限，此处仅列文字", "picture limit reached: the text only"),
    "companions": Message("与下列文件作为同一份文件检查：", "linted as one document with: "),
}


def _both(message: Message) -> str:
    """A text in both languages; the switch shows one."""
    return f'<span class="zh">{html.escape(message.zh)}</span><span class="en">{html.escape(message.en)}</span>'


def _word(key: str) -> str:
    return _both(WORDS[key])


def where(location: Location, kind: str, path: str = "") -> str:
    """A place as a reviewer finds it: the page first for a PDF, the paragraph or cell for a Word
    or Excel file, then line:column of the text as read (which the lines shown are numbered by);
    its file first when that is another file than `path` (a document of several files)."""
    if path and location.path != path:
        return f"{location.path} · {where(location, 'pdf' if is_paged(location.path) else 'text')}"
    page = f"p{location.page} · " if kind == "pdf" else f"{location.anchor} · " if location.anchor else ""
    return f"{page}{location.line}:{location.column}"


class Document:
    """One linted file as the report shows it: its lines, read again, and its findings."""

    def __init__(self, path: str, findings: list[Finding], checked: tuple[int, int] | None = None,
                 pdf_engine: str = "pdfium", companions: tuple[str, ...] = (), wanted: bool = False) -> None:
        self.path = path
        self.findings = findings
        self.checked = checked  # how many tables and narrative claims the checks had in it
        self.companions = companions  # the other files of its document, when it is one of several
        self.kind = "pdf" if is_paged(path) else "text"
        self.lines: dict[int, Line] = {}
        if findings or wanted:
            try:
                # read as the run read it, so that its line numbers are the findings'
                self.lines = {line.number: line for line in read_source(path, {"pdf_engine": pdf_engine}).lines}
            except (UnreadableError, OSError):
                self.lines = {}

    def counts(self) -> Counter:
        return Counter(f.level for f in self.findings)


def _documents(result: LintResult) -> list[Document]:
    """Every file read, in order, each with its findings (a file with none is listed as clean);
    a file another file's findings point into is read too, to show their lines."""
    findings: dict[str, list[Finding]] = defaultdict(list)
    for finding in result.findings:
        findings[finding.location.path].append(finding)
    pointed = {r.location.path for f in result.findings for r in f.related if r.location.path != f.location.path}
    paths = list(dict.fromkeys([*result.files, *findings]))
    counts = {path: (c.tables, c.claims) for path, c in result.checked.items()}
    of = {path: members for members in result.documents for path in members}
    return [Document(path, sorted(findings.get(path, []), key=Finding.sort_key), counts.get(of.get(path, (path,))[0]),
                     result.pdf_engine, tuple(p for p in of.get(path, ()) if p != path), path in pointed)
            for path in paths]


def _pictures(document: Document, budget: int) -> dict[int, str]:
    """Data URIs of the pictures of a PDF's findings, by index, for at most `budget` of them,
    errors first; drawn in page order so that each page is rendered once."""
    if document.kind != "pdf" or not document.lines or budget <= 0:
        return {}
    chosen = sorted(range(len(document.findings)), key=lambda i: -document.findings[i].level)[:budget]
    pictures: dict[int, str] = {}
    try:
        renderer = PdfPictures(document.path)
    except (OSError, RuntimeError):  # read once, but gone or changed since (PdfiumError): text only
        return {}
    try:
        for index in sorted(chosen, key=lambda i: document.findings[i].location.page):
            finding = document.findings[index]
            stated = _placed(document, finding.location)
            if stated is None:
                continue
            related = [placed for r in finding.related for placed in [_placed(document, r.location)] if placed]
            try:
                uri = renderer.picture(stated, related)
            except Exception:  # noqa: BLE001 - a page the engine or Pillow cannot draw: its text instead
                uri = None
            if uri is not None:
                pictures[index] = uri
    finally:
        renderer.close()
    return pictures


def _placed(document: Document, location: Location) -> tuple[Line, Location] | None:
    """The line a location of this file points into, with it, if the file read again still has it."""
    line = document.lines.get(location.line) if location.path == document.path else None
    return (line, location) if line is not None else None


def _marked(line: Line, spans: list[tuple[int, int, str]]) -> str:
    """A line of text, escaped, with the spans (start and end columns, class) in <mark>."""
    out, at = [], 1
    for start, end, kind in sorted(spans):
        if start < at:
            continue  # overlaps a span already marked
        out.append(html.escape(line.text[at - 1:start - 1]))
        out.append(f'<mark class="{kind}">{html.escape(line.text[start - 1:end - 1])}</mark>')
        at = end
    out.append(html.escape(line.text[at - 1:]))
    return "".join(out)


def _context(document: Document, finding: Finding) -> str:
    """The lines round each figure of the finding in this file, the stated one and the related
    ones marked, with an ellipsis between passages apart."""
    spans: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
    for location, kind in [(finding.location, "stated"), *((r.location, "related") for r in finding.related)]:
        if location.path != document.path:
            continue
        end = location.end_column if location.end_line == location.line else 10 ** 6
        spans[location.line].append((location.column, end, kind))
    wanted = sorted({n for line in spans for n in range(line - CONTEXT, line + CONTEXT + 1) if n in document.lines})
    if not wanted:
        return ""
    rows, previous = [], None
    for number in wanted:
        if previous is not None and number != previous + 1:
            rows.append('<span class="gap">…</span>')
        rows.append(f'<span class="ln">{number}</span>{_marked(document.lines[number], spans.get(number, []))}')
        previous = number
    return '<pre class="context">' + "\n".join(rows) + "</pre>"


def _elsewhere(documents: dict[str, Document], document: Document, finding: Finding) -> str:
    """The lines round the finding's figures in the other files of its document (a table
    published apart from its narrative), each under its file's name."""
    parts = []
    for path in dict.fromkeys(r.location.path for r in finding.related if r.location.path != document.path):
        other = documents.get(path)
        lines = _context(other, finding) if other is not None else ""
        if lines:
            parts.append(f'<p class="where">{html.escape(path)}</p>{lines}')
    return "".join(parts)


def _finding(document: Document, finding: Finding, picture: str | None, documents: dict[str, Document]) -> str:
    """One finding as a reviewer checks it: level, rule and place; the message and hint; the
    figures compared; the related places; and the page region, or the lines, that show it, and
    the lines of its figures in another file of its document."""
    level = finding.level.label
    parts = [f'<article class="finding {level}" data-level="{level}" data-rule="{html.escape(finding.rule)}">',
             f'<header><span class="badge {level}">{_word(level)}</span> <code>{html.escape(finding.rule)}</code> '
             f'<span class="where">{html.escape(where(finding.location, document.kind))}</span></header>',
             f'<p class="message">{_both(finding.message)}</p>']
    if finding.hint is not None:
        parts.append(f'<p class="hint">{_both(finding.hint)}</p>')
    values = [(key, getattr(finding, key)) for key in ("stated", "expected", "difference") if getattr(finding, key)]
    if values:
        parts.append('<dl class="values">' + "".join(
            f"<dt>{_word(key)}</dt><dd>{html.escape(value)}</dd>" for key, value in values) + "</dl>")
    if finding.related:
        items = []
        for related in finding.related:
            apart = document.kind == "pdf" and (related.location.page != finding.location.page
                                                 or related.location.path != document.path)
            note = f' <em>({_word("other-page")})</em>' if apart else ""
            place = where(related.location, document.kind, document.path)
            items.append(f'<li><span class="swatch related"></span>{_both(related.message)} '
                         f'<span class="where">{html.escape(place)}</span>{note}</li>')
        parts.append(f'<div class="related"><h4>{_word("related")}</h4><ul>{"".join(items)}</ul></div>')
    if picture is not None:
        alt = html.escape(f"{document.path} p{finding.location.page}")
        parts.append(f'<figure><img src="{picture}" alt="{alt}"><figcaption><span class="swatch stated"></span>'
                     f'{_word("stated-box")} <span class="swatch related"></span>{_word("related-box")}'
                     f'</figcaption></figure>')
    else:
        if document.kind == "pdf" and finding.level >= Level.WARNING and document.lines:
            parts.append(f'<p class="omitted">{_word("no-picture")}</p>')
        parts.append(_context(document, finding))
    parts.append(_elsewhere(documents, document, finding))
    parts.append("</article>")
    return "".join(parts)


def _group_name(finding: Finding) -> str:
    """The table a finding is about, by name; "" for the narrative (or a place no table names)."""
    return finding.place.table if finding.place is not None and finding.place.table else ""


def _document(number: int, document: Document, pictures: dict[int, str], documents: dict[str, Document]) -> str:
    """A document's section: its counts per level, then its findings by table, narrative first."""
    counts = document.counts()
    cells = "".join(f'<td class="{level.label}">{counts[level]}</td>' for level in LEVELS)
    parts = [f'<section class="document" id="doc-{number}"><h2>{html.escape(document.path)}</h2>',
             f'<table class="summary"><tr>{"".join(f"<th>{_word(lv.label)}</th>" for lv in LEVELS)}'
             f'<th>{_word("total")}</th></tr><tr>{cells}<td>{len(document.findings)}</td></tr></table>']
    if document.checked is not None:
        tables, claims = document.checked
        checked = Message(f"核对了 {tables} 张表格、{claims} 处说明", f"{tables} tables and {claims} narrative claims checked")
        parts.append(f'<p class="checked">{_both(checked)}</p>')
    if document.companions:
        parts.append(f'<p class="checked">{_word("companions")}{html.escape(", ".join(document.companions))}</p>')
    if not document.findings:
        parts.append(f'<p class="clean">{_word("clean")}</p>')
    groups: dict[str, list[int]] = defaultdict(list)
    for index, finding in enumerate(document.findings):
        groups[_group_name(finding)].append(index)
    for name in sorted(groups, key=lambda n: (n != "", n)):
        title = f'{_word("table")}: {html.escape(name)}' if name else _word("narrative")
        parts.append(f'<section class="group"><h3>{title} <span class="count"></span></h3>')
        parts.extend(_finding(document, document.findings[i], pictures.get(i), documents) for i in groups[name])
        parts.append("</section>")
    parts.append("</section>")
    return "".join(parts)


def _filters(findings: Iterable[Finding]) -> str:
    """A checkbox per level and per rule found, each with its count (the script applies them)."""
    findings = list(findings)
    levels = Counter(f.level for f in findings)
    rules = Counter(f.rule for f in findings)
    boxes = "".join(f'<label><input type="checkbox" class="level-filter" value="{lv.label}" checked> '
                    f'{_word(lv.label)} ({levels[lv]})</label>' for lv in LEVELS)
    options = "".join(f'<label><input type="checkbox" class="rule-filter" value="{html.escape(rule)}" checked> '
                      f'<code>{html.escape(rule)}</code> ({count})</label>' for rule, count in sorted(rules.items()))
    return (f'<div class="filters"><div><b>{_word("level")}</b> {boxes}</div>'
            f'<div><b>{_word("rule")}</b> {options}</div>'
            f'<div>{_word("shown")}: <span id="shown">{len(findings)}</span> / {len(findings)}</div></div>')


def _nav(documents: list[Document]) -> str:
    """The index: each document, linked to its section, with its counts per level."""
    rows = []
    for number, document in enumerate(documents, start=1):
        counts = document.counts()
        cells = "".join(f'<td class="{level.label}">{counts[level]}</td>' for level in LEVELS)
        rows.append(f'<tr><td><a href="#doc-{number}">{html.escape(document.path)}</a></td>{cells}</tr>')
    head = "".join(f"<th>{_word(level.label)}</th>" for level in LEVELS)
    return f'<table class="index"><tr><th>{_word("document")}</th>{head}</tr>{"".join(rows)}</table>'


def render(result: LintResult, lang: str) -> str:
    """The whole page, shown first in `lang`. Its policy allows no request at all: styles and
    script are inline, pictures data URIs."""
    documents = _documents(result)
    by_path = {document.path: document for document in documents}
    budget, sections = MAX_PICTURES, []
    for number, document in enumerate(documents, start=1):
        pictures = _pictures(document, budget)
        budget -= len(pictures)
        sections.append(_document(number, document, pictures, by_path))
    unreadable = ""
    if result.errors:
        items = "".join(f"<li><code>{html.escape(e.path)}</code>: {html.escape(e.reason)}</li>" for e in result.errors)
        unreadable = f'<section class="unreadable"><h2>{_word("unreadable")}</h2><ul>{items}</ul></section>'
    switch = ('<div class="lang"><button type="button" data-lang="zh">中文</button>'
              '<button type="button" data-lang="en">English</button></div>')
    return (f'<!DOCTYPE html>\n<html lang="{"zh-CN" if lang == "zh" else "en"}" data-lang="{lang}"><head>'
            '<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">'
            '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; img-src data:; '
            'style-src \'unsafe-inline\'; script-src \'unsafe-inline\'">'
            f'<title>{html.escape(WORDS["title"].get(lang))}</title><style>{STYLE}</style></head><body>'
            f'<header class="top"><h1>{_word("title")}</h1>{switch}</header>'
            f'{_filters(result.findings)}{_nav(documents)}{unreadable}{"".join(sections)}'
            f'<script>{SCRIPT}</script></body></html>\n')


_STATED_CSS = "#%02x%02x%02x" % STATED_COLOUR
_RELATED_CSS = "#%02x%02x%02x" % RELATED_COLOUR

STYLE = """
body{font:15px/1.5 system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:0 auto;max-width:1240px;
padding:0 16px;color:#1f2328;background:#fff}
html[data-lang=zh] .en,html[data-lang=en] .zh{display:none}
header.top{display:flex;justify-content:space-between;align-items:center}
.lang button{font:inherit;padding:2px 10px;margin-left:4px;border:1px solid #888;background:#f6f8fa;cursor:pointer}
html[data-lang=zh] .lang [data-lang=zh],html[data-lang=en] .lang [data-lang=en]{background:#1f2328;color:#fff}
.filters{background:#f6f8fa;border:1px solid #d0d7de;padding:8px 12px;margin:8px 0}
.filters label{margin-right:12px;white-space:nowrap}
table{border-collapse:collapse;margin:8px 0}
th,td{border:1px solid #d0d7de;padding:2px 8px;text-align:left}
td.error{color:#a40e26}td.warning{color:#7d4e00}td.note{color:#57606a}
h2{font-size:18px;border-bottom:2px solid #d0d7de;margin-top:32px;word-break:break-all}
h3{font-size:16px;margin:16px 0 4px}
.finding{border:1px solid #d0d7de;border-left:6px solid #8c959f;border-radius:4px;padding:8px 12px;margin:8px 0}
.finding.error{border-left-color:#a40e26}.finding.warning{border-left-color:#bf8700}
.badge{font-weight:bold;padding:0 6px;border-radius:3px;color:#fff;background:#57606a}
.badge.error{background:#a40e26}.badge.warning{background:#9a6700}
.where{color:#57606a;font-family:ui-monospace,monospace;font-size:13px}
.message{margin:6px 0}.hint{margin:4px 0;color:#57606a}
.values{display:flex;flex-wrap:wrap;gap:4px 12px;margin:4px 0}
.values dt{color:#57606a}.values dd{margin:0 12px 0 0;font-family:ui-monospace,monospace}
.related h4{margin:4px 0;font-size:14px}.related ul{margin:0;padding-left:20px}
.swatch{display:inline-block;width:10px;height:10px;margin-right:4px;border:2px solid}
.swatch.stated{border-color:STATED}.swatch.related{border-color:RELATED}
figure{margin:8px 0}figure img{max-width:100%;border:1px solid #d0d7de}
figcaption{font-size:13px;color:#57606a}
pre.context{background:#f6f8fa;padding:6px 8px;overflow-x:auto;font-size:13px}
pre .ln{display:inline-block;min-width:4em;color:#8c959f;user-select:none}
mark.stated{background:#ffd7d5;outline:2px solid STATED}mark.related{background:#ddf4ff;outline:2px solid RELATED}
.gap{color:#8c959f}.omitted{color:#57606a;font-size:13px}
[hidden]{display:none!important}
""".replace("STATED", _STATED_CSS).replace("RELATED", _RELATED_CSS)

SCRIPT = """
(function () {
  "use strict";
  var root = document.documentElement;
  function checked(selector) {
    var values = {};
    document.querySelectorAll(selector).forEach(function (box) { values[box.value] = box.checked; });
    return values;
  }
  function apply() {
    var levels = checked(".level-filter"), rules = checked(".rule-filter"), shown = 0;
    document.querySelectorAll(".finding").forEach(function (finding) {
      var visible = levels[finding.dataset.level] !== false && rules[finding.dataset.rule] !== false;
      finding.hidden = !visible;
      if (visible) { shown += 1; }
    });
    document.querySelectorAll(".group").forEach(function (group) {
      var count = group.querySelectorAll(".finding:not([hidden])").length;
      group.hidden = count === 0;
      group.querySelector(".count").textContent = "(" + count + ")";
    });
    document.getElementById("shown").textContent = String(shown);
  }
  document.querySelectorAll(".level-filter, .rule-filter").forEach(function (box) {
    box.addEventListener("change", apply);
  });
  document.querySelectorAll(".lang button").forEach(function (button) {
    button.addEventListener("click", function () {
      root.dataset.lang = button.dataset.lang;
      root.lang = button.dataset.lang === "zh" ? "zh-CN" : "en";
    });
  });
  apply();
}());
"""
