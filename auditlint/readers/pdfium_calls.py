"""The PDFium calls the reader makes per page, per object and per character, as bare prototypes.

pypdfium2.raw declares every handle as a pointer to its own struct type and every out-argument as
a typed pointer, so each call converts and checks each argument: on a document of 160 000
characters that conversion costs about a third of what reading costs. Here the same functions of
the same loaded library are declared again with every pointer a `c_void_p`: handles travel as
plain integers (a page's and a text page's as Handle objects, below), out-arguments as the
addresses of buffers made once. The signatures are PDFium's
(its public headers); tests/test_readers_pdf.py holds them to pypdfium2.raw's declarations of
the pinned pypdfium2, argument by argument, so a change of the library's interface fails there
and not in a reader that silently passes the wrong thing.

Even a bare prototype costs: ctypes converts every argument through its declared type, a
tenth of a microsecond each, as much as PDFium's own work for a character's box (measured: a
character's box 0.32 µs declared, 0.21 µs unchecked; CountRects 0.41 and 0.21). The calls made
per character and per object (UNCHECKED) are therefore made without argument types: a Python int
passes as a C int, and a handle as the `Handle` (a c_void_p) that PDFium's result was declared
as, with no conversion at all. Only functions whose every argument is a pointer or a C int may be
unchecked (the test holds them to it); the rest keep their argument types.

The library is pypdfium2's own (its loaded `libpdfium`), so documents opened by pypdfium2 and
the handles it returns are valid here; pypdfium2 still opens the document (and initialises
PDFium), which turns a bad file into a readable error.
"""
from __future__ import annotations

from ctypes import CDLL, addressof, c_float, c_int, c_uint, c_ulong, c_void_p, cast
from functools import lru_cache
from types import SimpleNamespace


class Handle(c_void_p):
    """A page or text page handle as a function declared to return one returns it: ctypes keeps
    a c_void_p subclass as the object it is (a plain c_void_p result becomes an int), so an
    unchecked call takes it as a pointer, and a checked one as it takes any c_void_p."""


# name: (result, arguments); every pointer (handle, buffer, out-argument) is c_void_p
PROTOTYPES: dict[str, tuple[type | None, tuple[type, ...]]] = {
    "FPDF_GetPageCount": (c_int, (c_void_p,)),
    "FPDF_LoadPage": (Handle, (c_void_p, c_int)),
    "FPDF_ClosePage": (None, (c_void_p,)),
    "FPDF_GetPageHeightF": (c_float, (c_void_p,)),
    "FPDFPage_GetRotation": (c_int, (c_void_p,)),
    "FPDFPage_GetMediaBox": (c_int, (c_void_p, c_void_p, c_void_p, c_void_p, c_void_p)),
    "FPDFPage_CountObjects": (c_int, (c_void_p,)),
    "FPDFPage_GetObject": (c_void_p, (c_void_p, c_int)),
    "FPDFPageObj_GetType": (c_int, (c_void_p,)),
    "FPDFPageObj_GetBounds": (c_int, (c_void_p, c_void_p, c_void_p, c_void_p, c_void_p)),
    "FPDFFormObj_CountObjects": (c_int, (c_void_p,)),
    "FPDFFormObj_GetObject": (c_void_p, (c_void_p, c_ulong)),
    "FPDFText_LoadPage": (Handle, (c_void_p,)),
    "FPDFText_ClosePage": (None, (c_void_p,)),
    "FPDFText_CountChars": (c_int, (c_void_p,)),
    "FPDFText_GetText": (c_int, (c_void_p, c_int, c_int, c_void_p)),
    "FPDFText_GetUnicode": (c_uint, (c_void_p, c_int)),
    "FPDFText_GetLooseCharBox": (c_int, (c_void_p, c_int, c_void_p)),
    "FPDFText_GetCharOrigin": (c_int, (c_void_p, c_int, c_void_p, c_void_p)),
    "FPDFText_CountRects": (c_int, (c_void_p, c_int, c_int)),
}

# called per character or per object, without argument types: handles are passed as Handle
# objects, out-arguments as c_void_p addresses, indices as ints
UNCHECKED = frozenset({"FPDFPage_GetObject", "FPDFText_GetUnicode", "FPDFText_GetLooseCharBox",
                       "FPDFText_GetCharOrigin", "FPDFText_CountRects"})


def library() -> CDLL:
    """pypdfium2's loaded PDFium."""
    from pypdfium2_raw.bindings import _libs

    return _libs["pdfium"]


@lru_cache(maxsize=1)
def calls() -> SimpleNamespace:
    """The functions of PROTOTYPES, declared bare (UNCHECKED ones without argument types);
    made once per process (a forked worker inherits them). `CDLL[name]` makes a new function
    object, so pypdfium2's own declarations are left as they are."""
    lib = library()
    functions = {}
    for name, (result, arguments) in PROTOTYPES.items():
        function = lib[name]
        function.argtypes, function.restype = (None if name in UNCHECKED else arguments), result
        functions[name] = function
    return SimpleNamespace(**functions)


def handle(pointer: object) -> int:
    """A pypdfium2 handle (a typed pointer) as the integer the bare calls take."""
    return cast(pointer, c_void_p).value or 0  # type: ignore[arg-type]


def address(value: object) -> c_void_p:
    """The address of a ctypes buffer, as an unchecked call takes an out-argument."""
    return c_void_p(addressof(value))  # type: ignore[arg-type]
