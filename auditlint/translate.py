"""Chinese for the one-line reasons auditlint gives on standard error: why a file could not be
read, why a configuration, baseline or plugin cannot be used.

These reasons are written in English where they arise (a reader, the runner, the configuration),
deep in code that knows no language, and travel as one line of text, across a process boundary
too. Rather than thread a language through all of it, the line is translated where it is
printed, by this catalogue: a pattern of the English wording and its Chinese, the variable parts
(a path, a number, a library's own message) carried over as they are. A reason no pattern knows
is printed as it is: never lost, only untranslated (tests/test_translate.py holds the catalogue
to every reason auditlint writes).
"""
from __future__ import annotations

from auditlint.patterns import compile_lazily

# (English pattern, Chinese replacement): longer wordings before the shorter ones they contain.
CATALOGUE: tuple[tuple[str, str], ...] = (
    # reading a file (auditlint.readers)
    (r"permission denied", "没有读取权限"),
    (r"is a directory", "是一个目录"),
    (r"empty file \(only whitespace\)", "空文件（只有空白）"),
    (r"empty file", "空文件"),
    (r"invalid (\S+) text after its byte-order mark \((.*)\)", r"字节顺序标记之后不是有效的 \1 文本（\2）"),
    (r"binary file \(contains NUL bytes and no UTF-16 byte-order mark\)", "二进制文件（含 NUL 字节，且没有 UTF-16 字节顺序标记）"),
    (r"binary file \(too many control characters for a text document\)", "二进制文件（控制字符过多，不是文本文件）"),
    (r"not text: neither valid UTF-8 nor valid GB18030", "不是文本：既不是有效的 UTF-8，也不是有效的 GB18030"),
    (r"line (\d+) has ([\d,]+) characters \(a document line has at most ([\d,]+)\): not a document auditlint can read",
     r"第 \1 行有 \2 个字符（文件的一行最多 \3 个）：不是 auditlint 能读取的文件"),
    (r"encrypted PDF: it needs a password to open", "加密的 PDF：需要密码才能打开"),
    (r"not a readable PDF \(damaged or not a PDF\)", "不是可读的 PDF（已损坏或不是 PDF）"),
    (r"cannot open the PDF", "无法打开该 PDF"),
    (r"not a PDF \(no %PDF header\)", "不是 PDF（没有 %PDF 文件头）"),
    (r"no text layer \(a scanned PDF\?\): auditlint cannot read it", "没有文字层（扫描版 PDF？）：auditlint 无法读取"),
    (r"the PDF has no pages: auditlint cannot read it", "该 PDF 没有页面：auditlint 无法读取"),
    # finding files (auditlint.engine)
    (r"no \.txt, \.md, \.pdf, \.docx or \.xlsx files in this directory", "该目录中没有 .txt、.md、.pdf、.docx 或 .xlsx 文件"),
    (r"broken symbolic link", "符号链接已失效"),
    (r"no such file or directory", "文件或目录不存在"),
    # the limits of a file's process (auditlint.runner)
    (r"gave up after the time limit of (\S+) s \(see --timeout\)", r"超过时间限制 \1 秒，已放弃（见 --timeout）"),
    (r"the reader died on this file \((\S+)\); it may need more than the memory limit of (\d+) MB \(see --max-memory\)",
     r"读取该文件时读取程序崩溃（\1）；它可能需要超过 \2 MB 的内存限制（见 --max-memory）"),
    (r"the reader stopped without a result \(exit status (.*)\)", r"读取程序未给出结果就退出了（退出状态 \1）"),
    (r"needs more than the memory limit of (\d+) MB \(see --max-memory\)", r"需要超过 \1 MB 的内存限制（见 --max-memory）"),
    (r"nested too deeply to read", "嵌套过深，无法读取"),
    (r"internal error: ", "内部错误："),
    # the configuration (auditlint.config, auditlint.engine)
    (r": cannot read the baseline: ", "：无法读取基线："),
    (r": cannot write the baseline: ", "：无法写入基线："),
    (r": cannot read: ", "：无法读取："),
    (r": not valid TOML: ", "：不是有效的 TOML："),
    (r": not a valid setup\.cfg: ", "：不是有效的 setup.cfg："),
    (r"expected `NAME: VALUE` lines, got ", "应为“名称: 值”形式的行，实际为 "),
    (r"unknown key (.*) \(known keys: (.*)\)$", r"未知的配置项 \1（可用的配置项：\2）"),
    (r"expected one of (.*), got ", r"应为 \1 之一，实际为 "),
    (r"expected a list of rule ids", "应为规则 ID 的列表"),
    (r"expected a list of glob patterns", "应为 glob 模式的列表"),
    (r"expected a whole number of at least 1, got ", "应为不小于 1 的整数，实际为 "),
    (r"expected a number of at least 0, got ", "应为不小于 0 的数，实际为 "),
    (r"expected a positive number, got ", "应为正数，实际为 "),
    (r"expected a number, got ", "应为数字，实际为 "),
    (r"expected a mapping of file patterns to lists of rule ids", "应为“文件模式 → 规则 ID 列表”的映射"),
    (r"expected a mapping of rule ids to numbers", "应为“规则 ID → 数”的映射"),
    (r": no such configuration file", "：配置文件不存在"),
    (r"unknown rule id\(s\): (.*) \(see `auditlint rules`\)", r"未知的规则 ID：\1（见 `auditlint rules`）"),
    (r"no tolerance to set for: (.*) \(only rules that compare amounts take one\)",
     r"这些规则不能设置容差：\1（只有比较金额的规则可以）"),
    (r"unknown rule (.*); the rules are: ", r"未知的规则 \1；现有规则："),
    # baselines (auditlint.baseline)
    (r"not an auditlint baseline \(invalid JSON: (.*)\)", r"不是 auditlint 基线（JSON 无效：\1）"),
    (r"not an auditlint baseline \(version (.+) expected\)", r"不是 auditlint 基线（应为第 \1 版格式）"),
    # Word and Excel (auditlint.readers.office, docx, xlsx)
    (r"encrypted (Word|Excel) file: it needs a password to open", r"加密的 \1 文件：需要密码才能打开"),
    (r"an old binary (Word|Excel) file \((\.\w+)\) named (\.\w+): save it as (\.\w+) in (?:Word|Excel) or WPS",
     r"旧的二进制 \1 文件（\2 格式）却以 \3 为后缀：请在 \1 或 WPS 中另存为 \4"),
    (r"not a readable (\.\w+) file \(damaged, or not an? (Word|Excel) file\)", r"不是可读的 \1 文件（已损坏，或不是 \2 文件）"),
    (r"a zip of ([\d,]+) parts: not a (Word|Excel) document auditlint can read",
     r"含 \1 个部件的压缩包：不是 auditlint 能读取的 \2 文件"),
    (r"macro-enabled file \((\.\w+)\): auditlint does not open files that carry macros; save it as (.+?) without macros",
     r"启用宏的文件（\1）：auditlint 不打开带宏的文件；请另存为不含宏的 \2"),
    (r" \(it holds a VBA project\)", "（其中有 VBA 工程）"),
    (r"its parts unpack to ([\d,]+) MB, more than the memory limit of (\d+) MB allows \(see --max-memory\): "
     r"too large, or a zip bomb", r"其各部件解压后有 \1 MB，超出内存限制 \2 MB 所允许的（见 --max-memory）：文件过大，或是压缩炸弹"),
    (r"the Word document has no text: auditlint cannot read it", "该 Word 文件没有文字：auditlint 无法读取"),
    (r"the workbook shows no cell with content: auditlint cannot read it", "该工作簿没有显示任何有内容的单元格：auditlint 无法读取"),
    (r"sheet (.+?): not readable \(damaged\?\)", r"工作表 \1：无法读取（已损坏？）"),
    # formats not read (auditlint.readers)
    (r"(\.\w+) files are not read: ", r"不读取 \1 文件："),
    (r"save Word and WPS documents as \.docx and spreadsheets as \.xlsx, or convert them to PDF",
     "请将 Word、WPS 文档另存为 .docx，表格另存为 .xlsx，或转为 PDF"),
    (r"save it as (\.\w+) in Word or WPS", r"请在 Word 或 WPS 中另存为 \1"),
    (r"save it as (\.\w+) in Excel or WPS", r"请在 Excel 或 WPS 中另存为 \1"),
    (r"save it as (\.\w+) in WPS", r"请在 WPS 中另存为 \1"),
    (r"save it as (\.\w+)", r"请另存为 \1"),
    (r"convert it to PDF", "请转为 PDF"),
    (r"a baseline entry has no fingerprint", "基线中有一条记录没有指纹"),
    # plugins (auditlint.plugins)
    (r"cannot load check (\S+) \((.*)\): ", r"无法加载检查 \1（\2）："),
    (r"(\S+) is not an auditlint check \(needs id, level, check\(\)\)", r"\1 不是 auditlint 检查（需要 id、level 和 check()）"),
    (r"entry point (\S+) loads a check whose id is (\S+)", r"入口点 \1 加载的检查的 ID 是 \2"),
    (r"two checks claim the id (\S+)", r"两个检查声明了同一个 ID \1"),
)
COMPILED = tuple((compile_lazily(pattern), replacement) for pattern, replacement in CATALOGUE)


def translate(reason: str, lang: str) -> str:
    """The reason in `lang`: in Chinese, every wording the catalogue knows replaced by its
    Chinese; in English, as it was written."""
    if lang != "zh":
        return reason
    for pattern, replacement in COMPILED:
        reason = pattern.sub(replacement, reason)
    return reason
