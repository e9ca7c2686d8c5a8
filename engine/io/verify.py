"""Format readers that check a staged file before it replaces anything.

Each takes a path and raises ValueError when the file is not a complete file of its format:
a disk that filled up half-way leaves a PNG without its end chunk or a PDF without ``%%EOF``.
"""

from __future__ import annotations

import csv
import json
import struct
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable
from pathlib import Path

Verifier = Callable[[Path], None]

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def verify_png(path: Path) -> None:
    """Walk the chunks: a PNG ends with an IEND chunk exactly at the end of the file."""
    data = Path(path).read_bytes()
    if not data.startswith(_PNG_SIGNATURE):
        raise ValueError("not a PNG file")
    offset = len(_PNG_SIGNATURE)
    while offset + 8 <= len(data):
        (length,) = struct.unpack(">I", data[offset : offset + 4])
        kind = data[offset + 4 : offset + 8]
        offset += 12 + length
        if kind == b"IEND":
            if offset != len(data):
                break
            return
    raise ValueError("the PNG file is cut short")


def verify_pdf(path: Path) -> None:
    data = Path(path).read_bytes()
    if not data.startswith(b"%PDF-"):
        raise ValueError("not a PDF file")
    if b"%%EOF" not in data[-1024:]:
        raise ValueError("the PDF file is cut short")


def verify_xml(path: Path) -> None:
    """SVG and HTML-free XML: the parser refuses a file cut short."""
    try:
        ElementTree.parse(path)
    except ElementTree.ParseError as error:
        raise ValueError(f"not well-formed XML: {error}") from error


def verify_gif(path: Path) -> None:
    data = Path(path).read_bytes()
    if not data.startswith((b"GIF87a", b"GIF89a")):
        raise ValueError("not a GIF file")
    if not data.endswith(b";"):
        raise ValueError("the GIF file is cut short")


def verify_json(path: Path) -> None:
    try:
        json.loads(Path(path).read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise ValueError(f"not valid JSON: {error}") from error


def verify_csv(path: Path) -> None:
    """Every row has as many fields as the header."""
    with open(path, newline="", encoding="utf-8") as handle:
        rows = csv.reader(handle)
        header = next(rows, None)
        if not header:
            raise ValueError("the CSV file has no header")
        for number, row in enumerate(rows, start=2):
            if len(row) != len(header):
                raise ValueError(f"row {number} has {len(row)} fields, not {len(header)}")


def verify_python(path: Path) -> None:
    """The generated script at least compiles."""
    compile(Path(path).read_text(encoding="utf-8"), str(path), "exec")


def verify_html(path: Path) -> None:
    text = Path(path).read_text(encoding="utf-8")
    if "</html>" not in text[-256:].lower():
        raise ValueError("the HTML file is cut short")


VERIFIERS: dict[str, Verifier] = {
    "png": verify_png,
    "pdf": verify_pdf,
    "svg": verify_xml,
    "gif": verify_gif,
    "json": verify_json,
    "csv": verify_csv,
    "py": verify_python,
    "html": verify_html,
}


def verifier_for(path: Path) -> Verifier | None:
    """The reader for `path`'s suffix, or None for a format without one."""
    return VERIFIERS.get(Path(path).suffix.lower().lstrip("."))
