"""The bad-input suite: files that must each cost one clear line (or give findings), bounded time
and memory, and never a traceback. Generated on demand, by tests/test_badinputs.py and by
bench/badinputs.py, so nothing hostile is stored in the repository.
"""
from __future__ import annotations

import gzip
import os
import random
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
PLANTED = ROOT / "samples" / "planted_budget_2025.txt"


@dataclass(frozen=True)
class BadInput:
    """One hostile input and what must come of it: exit 2 with `reason` in its line, or findings
    (exit 0/1, `reason` None). `heavy` inputs take seconds to make (gigabyte bombs, many pages)."""

    name: str
    make: Callable[[Path], Path]
    reason: str | None
    heavy: bool = False


def pdf_bytes(objects: list[bytes], root: int = 1, trailer_extra: bytes = b"") -> bytes:
    """A PDF from numbered object bodies (object i+1 is objects[i]), with a correct xref table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, trailer_extra, xref)
    return bytes(out)


def stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def one_page_pdf(content: bytes, font: bytes = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
                 page_extra: bytes = b"", catalog_extra: bytes = b"", content_extra: bytes = b"") -> bytes:
    """Catalog, pages, one page with one font and one content stream."""
    return pdf_bytes([
        b"<< /Type /Catalog /Pages 2 0 R %s>>" % catalog_extra,
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 5 0 R %s>>" % page_extra,
        font,
        stream(content, content_extra),
    ])


TEXT = b"BT /F1 12 Tf 72 760 Td (Budget 2025: total 1809.22) Tj ET"


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _noise(path: Path) -> Path:
    return _write(path, random.Random(7).randbytes(200_000))


def _truncated(path: Path) -> Path:
    whole = one_page_pdf(TEXT)
    return _write(path, whole[: len(whole) // 2])


def _encrypted(user_password: str) -> Callable[[Path], Path]:
    def make(path: Path) -> Path:
        from reportlab.lib import pdfencrypt

        from tests.pdfs import table_pdf
        encryption = pdfencrypt.StandardEncryption(user_password, ownerPassword="owner-secret")
        return table_pdf(path, "部门支出总表", ("科目编码", "科目名称", "合计"),
                         [("201", "一般公共服务支出", "1,510.37"), ("20103", "政府办公厅（室）及相关机构事务", "1,510.37")],
                         [50, 110, 300], narrative="本年支出预算1510.37万元。", encrypt=encryption)
    return make


def _image_only(path: Path) -> Path:
    from tests.pdfs import image_only_pdf
    return image_only_pdf(path)


def _broken_xref(path: Path) -> Path:
    whole = one_page_pdf(TEXT)
    start = whole.index(b"xref\n")
    broken = whole[:start] + whole[start:].replace(b" 00000 n ", b" 00000 x ").replace(b"0000000", b"9999999")
    return _write(path, broken)


def _flate_bomb(path: Path) -> Path:
    """A content stream of 8 KB that inflates to 2 GiB of spaces after one line of text."""
    compressor = zlib.compressobj(9)
    chunk = b" " * (1 << 20)
    parts = [compressor.compress(TEXT + b"\n")]
    parts += [compressor.compress(chunk) for _ in range(2048)]
    parts.append(compressor.flush())
    return _write(path, one_page_pdf(b"".join(parts), content_extra=b"/Filter /FlateDecode "))


def _deep_nesting(path: Path) -> Path:
    depth = 100_000
    deep = b"[" * depth + b"]" * depth
    return _write(path, one_page_pdf(TEXT, catalog_extra=b"/Deep " + deep + b" ", page_extra=b"/Deep " + deep + b" "))


def _many_pages(path: Path) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from tests.pdfs import FONT
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for page in range(5000):
        pdf.setFont(FONT, 10)
        pdf.drawString(60, 800, f"第{page + 1}页：本页说明项目支出{page + 1}.00万元。")
        pdf.showPage()
    pdf.save()
    return path


def _long_line(path: Path) -> Path:
    return _write(path, "一般公共服务支出12.50万元，".encode("utf-8") * (50 * 1024 * 1024 // 40))


def _invalid_utf8(path: Path) -> Path:
    return _write(path, "收支总预算1809.22万元。".encode("utf-8") + b"\xff\xfe\xc3\x28 \xe4\xb8" + "其中".encode("utf-8"))


def _encoded(encoding: str) -> Callable[[Path], Path]:
    def make(path: Path) -> Path:
        return _write(path, PLANTED.read_text(encoding="utf-8").encode(encoding))
    return make


def _symlink_loop(path: Path) -> Path:
    path.mkdir()
    (path / "doc.txt").write_text(PLANTED.read_text(encoding="utf-8"), encoding="utf-8")
    (path / "loop").symlink_to(path, target_is_directory=True)
    return path


def _unreadable(path: Path) -> Path:
    path.write_text("收支总预算1809.22万元。", encoding="utf-8")
    path.chmod(0)
    return path


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504  # an OLE compound file's header, as Office writes


def _ole(stream: str) -> Callable[[Path], Path]:
    """An OLE compound file naming a stream (UTF-16, as its directory does): EncryptedPackage is
    what Office writes for a file with a password, WordDocument an old binary .doc."""
    return lambda path: _write(path, OLE + stream.encode("utf-16-le") + b"\x00" * 64)


def _package(parts: dict[str, bytes]) -> Callable[[Path], Path]:
    def make(path: Path) -> Path:
        import zipfile
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
            for name, data in parts.items():
                package.writestr(name, data)
        return path
    return make


def _zip_bomb(path: Path) -> Path:
    """A workbook whose one sheet unpacks to 512 MB of blanks, packed to half a megabyte."""
    import zipfile
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as package:
        package.writestr("[Content_Types].xml", b"<Types/>")
        with package.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            for _ in range(512):
                sheet.write(b" " * (1 << 20))
    return path


def _planted_as(kind: str) -> Callable[[Path], Path]:
    def make(path: Path) -> Path:
        from tests.office import sample_docx, sample_xlsx
        text = PLANTED.read_text(encoding="utf-8")
        return sample_docx(text, path) if kind == "docx" else sample_xlsx(text, path)
    return make


def malicious_pickle(marker: Path) -> bytes:
    """Pickle protocol-0 bytes that, if anything ever unpickled them, would call
    builtins.open(marker, "w") and so leave the marker file behind. Built by hand, never loaded."""
    return (b"cbuiltins\nopen\n(V" + str(marker).encode("raw_unicode_escape") + b"\nVw\ntR.")


def cmap_pickle_pdf(path: Path, marker: Path) -> Path:
    """The pdfminer.six CMap attack of 2025 (CVE-2025-64512): a Type0 font whose /Encoding names
    a CMap by absolute path, next to which a malicious `.pickle.gz` (and `.json.gz`) waits."""
    payload = path.parent / "evil"
    with gzip.open(f"{payload}.pickle.gz", "wb") as handle:
        handle.write(malicious_pickle(marker))
    name = b"/" + str(payload).encode().replace(b"/", b"#2F")
    font = (b"<< /Type /Font /Subtype /Type0 /BaseFont /Evil /Encoding " + name +
            b" /DescendantFonts [<< /Type /Font /Subtype /CIDFontType0 /BaseFont /Evil "
            b"/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> >>] >>")
    return _write(path, one_page_pdf(b"BT /F1 12 Tf 72 760 Td <0001> Tj ET", font=font))


SUITE: tuple[BadInput, ...] = (
    BadInput("empty.txt", lambda p: _write(p, b""), "empty file"),
    BadInput("empty.pdf", lambda p: _write(p, b""), "empty file"),
    BadInput("noise.txt", _noise, "binary file"),
    BadInput("noise.pdf", _noise, "not a PDF"),
    BadInput("truncated.pdf", _truncated, "PDF"),
    BadInput("encrypted.pdf", _encrypted("secret"), "encrypted PDF"),
    BadInput("encrypted-empty-password.pdf", _encrypted(""), None),
    BadInput("image-only.pdf", _image_only, "no text layer"),
    BadInput("broken-xref.pdf", _broken_xref, None),
    BadInput("flate-bomb.pdf", _flate_bomb, "memory limit", heavy=True),
    BadInput("deep-nesting.pdf", _deep_nesting, None),
    BadInput("5000-pages.pdf", _many_pages, None, heavy=True),
    BadInput("one-50MB-line.txt", _long_line, "line", heavy=True),
    BadInput("invalid-utf8.txt", _invalid_utf8, "neither valid UTF-8 nor valid GB18030"),
    BadInput("gb18030.txt", _encoded("gb18030"), None),
    BadInput("utf16.txt", _encoded("utf-16"), None),
    BadInput("symlink-loop", _symlink_loop, None),
    BadInput("no-permission.txt", _unreadable, "permission denied"),
    BadInput("encrypted.xlsx", _ole("EncryptedPackage"), "encrypted Excel file"),
    BadInput("old-binary.docx", _ole("WordDocument"), "an old binary Word file"),
    BadInput("truncated.docx", lambda p: _write(p, b"PK\x03\x04\x14\x00" + b"\x00" * 30), "not a readable .docx"),
    BadInput("macros.xlsm", _package({"xl/vbaProject.bin": b"\x00"}), "macro-enabled file"),
    BadInput("macros-renamed.xlsx", _package({"xl/vbaProject.bin": b"\x00"}), "it holds a VBA project"),
    BadInput("zip-bomb.xlsx", _zip_bomb, "zip bomb", heavy=True),
    BadInput("planted.docx", _planted_as("docx"), None),
    BadInput("planted.xlsx", _planted_as("xlsx"), None),
)


def make_suite(directory: Path, heavy: bool = True) -> list[tuple[BadInput, Path]]:
    """Write every input of the suite (the heavy ones only if asked) into `directory`."""
    directory.mkdir(parents=True, exist_ok=True)
    os.chmod(directory, 0o755)  # readable by the unprivileged user the permission case runs as
    return [(item, item.make(directory / item.name)) for item in SUITE if heavy or not item.heavy]


def as_unprivileged(work: Callable[[], object]) -> object:
    """Run `work` in a forked child that drops root privileges first (root reads any file,
    whatever its mode), and return what it returns, as JSON. Without root, just run it."""
    import json

    if os.geteuid() != 0:
        return work()
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: drop to nobody, run, send the result, exit at once
        os.close(reader)
        try:
            os.setgid(65534)
            os.setuid(65534)
            data = json.dumps({"value": work()})
        except BaseException as exc:  # everything goes back to the parent as data
            data = json.dumps({"error": f"{type(exc).__name__}: {exc}"})
        os.write(writer, data.encode())
        os._exit(0)
    os.close(writer)
    chunks = []
    while chunk := os.read(reader, 65536):
        chunks.append(chunk)
    os.close(reader)
    os.waitpid(pid, 0)
    result = json.loads(b"".join(chunks))
    if "error" in result:
        raise RuntimeError(result["error"])
    return result["value"]
