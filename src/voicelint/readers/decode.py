"""Turn a file's bytes into text, refusing binary, oversized and non-UTF-8 input clearly."""

from __future__ import annotations

import codecs
from pathlib import Path

from voicelint.errors import InputError
from voicelint.model import SourceFile

MAX_BYTES = 50 * 1024 * 1024
BINARY_PROBE = 8192

_UTF16_32_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)


def _too_large(path: str, size: int) -> InputError:
    mib = size / (1024 * 1024)
    return InputError(
        path, None, f"file too large ({mib:.0f} MiB)", "post files are limited to 50 MiB; split it"
    )


def _binary(path: str) -> InputError:
    hint = "pass a .yaml, .json, .csv, .md or .txt file"
    return InputError(path, None, "binary file, not a post file", hint)


def decode_bytes(data: bytes, path: str) -> str:
    """Decode a post file's bytes as UTF-8 (a BOM is stripped), or raise ``InputError``."""
    if len(data) > MAX_BYTES:
        raise _too_large(path, len(data))
    # UTF-32 LE's BOM starts like UTF-16 LE's, so it is checked first.
    for bom, name in _UTF16_32_BOMS:
        if data.startswith(bom):
            raise InputError(path, 1, f"file is encoded as {name}, not UTF-8", "save it as UTF-8")
    if b"\0" in data[:BINARY_PROBE]:
        raise InputError(
            path,
            None,
            "binary file, not a post file",
            "pass a .yaml, .json, .csv, .md or .txt file",
        )
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        line_start = data.rfind(b"\n", 0, error.start) + 1
        column = len(data[line_start : error.start].decode("utf-8", "replace")) + 1
        byte = data[error.start]
        raise InputError(
            path,
            line,
            f"not valid UTF-8 (byte 0x{byte:02x} at column {column})",
            "save the file as UTF-8",
        ) from None


def check_text(text: str, path: str) -> str:
    """Apply the checks ``decode_bytes`` makes to text that is already decoded (e.g. stdin)."""
    if len(text) > MAX_BYTES:
        raise _too_large(path, len(text.encode("utf-8", "surrogatepass")))
    if "\0" in text[:BINARY_PROBE]:
        raise InputError(
            path,
            None,
            "binary file, not a post file",
            "pass a .yaml, .json, .csv, .md or .txt file",
        )
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        line = text.count("\n", 0, error.start) + 1
        raise InputError(path, line, "not valid UTF-8", "save the input as UTF-8") from None
    return text


def _os_error(path: str, error: OSError) -> InputError:
    if isinstance(error, FileNotFoundError | NotADirectoryError):
        return InputError(path, None, "no such file or directory", "check the path")
    if isinstance(error, PermissionError):
        return InputError(path, None, "permission denied", "check the file's permissions")
    reason = error.strerror or str(error)
    return InputError(path, None, f"cannot read file: {reason}", "check the path")


def check_file(path: Path, display_path: str) -> int:
    """The size of a readable regular file, or ``InputError`` (missing, a directory, too large)."""
    try:
        size = path.stat().st_size
        is_dir = path.is_dir()
    except OSError as error:
        raise _os_error(display_path, error) from None
    if is_dir:
        raise InputError(
            display_path, None, "is a directory", "pass a post file, or the directory to search it"
        )
    if size > MAX_BYTES:
        raise _too_large(display_path, size)
    return size


def read_source(path: Path, display_path: str) -> SourceFile:
    """Read and decode one file from disk."""
    check_file(path, display_path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise _os_error(display_path, error) from None
    return SourceFile(display_path, decode_bytes(data, display_path))
