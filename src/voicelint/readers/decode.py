"""Turn a file's bytes into text, refusing binary, oversized and non-UTF-8 input clearly."""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path

from voicelint.errors import InputError
from voicelint.model import SourceFile
from voicelint.readers.problems import Unreadable

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
    return Unreadable(
        path, None, f"file too large ({mib:.0f} MiB)", "post files are limited to 50 MiB; split it"
    )


def _binary(path: str) -> InputError:
    hint = "pass a .yaml, .json, .csv, .md or .txt file"
    return Unreadable(path, None, "binary file, not a post file", hint)


def decode_bytes(data: bytes, path: str) -> str:
    """Decode a post file's bytes as UTF-8 (a BOM is stripped), or raise ``InputError``."""
    if len(data) > MAX_BYTES:
        raise _too_large(path, len(data))
    # UTF-32 LE's BOM starts like UTF-16 LE's, so it is checked first.
    for bom, name in _UTF16_32_BOMS:
        if data.startswith(bom):
            raise Unreadable(path, 1, f"file is encoded as {name}, not UTF-8", "save it as UTF-8")
    if b"\0" in data[:BINARY_PROBE]:
        raise _binary(path)
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, line_start = _line_of_byte(data, error.start)
        column = len(data[line_start : error.start].decode("utf-8", "replace")) + 1
        byte = data[error.start]
        raise Unreadable(
            path,
            line,
            f"not valid UTF-8 (byte 0x{byte:02x} at column {column})",
            "save the file as UTF-8",
        ) from None


def _line_of_byte(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line of a byte offset and where that line starts (CRLF, LF and lone CR break)."""
    head = data[:offset]
    lf, cr, crlf = head.count(b"\n"), head.count(b"\r"), head.count(b"\r\n")
    start = max(head.rfind(b"\n"), head.rfind(b"\r")) + 1
    return lf + cr - crlf + 1, start


def check_text(text: str, path: str) -> str:
    """Apply the checks ``decode_bytes`` makes to text that is already decoded (e.g. stdin)."""
    if len(text) > MAX_BYTES:
        raise _too_large(path, len(text.encode("utf-8", "surrogatepass")))
    if "\0" in text[:BINARY_PROBE]:
        raise _binary(path)
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        line = text.count("\n", 0, error.start) + 1
        raise Unreadable(path, line, "not valid UTF-8", "save the input as UTF-8") from None
    return text


def _os_error(path: str, error: OSError) -> InputError:
    if isinstance(error, FileNotFoundError | NotADirectoryError):
        return Unreadable(path, None, "no such file or directory", "check the path")
    if isinstance(error, PermissionError):
        return Unreadable(path, None, "permission denied", "check the file's permissions")
    reason = error.strerror or str(error)
    return Unreadable(path, None, f"cannot read file: {reason}", "check the path")


def _not_regular(path: str, mode: int) -> InputError:
    if stat.S_ISFIFO(mode):
        what = "a FIFO"
    elif stat.S_ISSOCK(mode):
        what = "a socket"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        what = "a device"
    else:
        what = "not a regular file"
    return Unreadable(path, None, f"{what}, not a post file", "name a regular post file")


def check_file(path: Path, display_path: str) -> int:
    """The size of a readable regular file, or ``InputError`` (missing, a directory, a FIFO or
    device, too large). Symlinks are followed: the limits hold for what they point to."""
    try:
        status = path.stat()
    except OSError as error:
        raise _os_error(display_path, error) from None
    if stat.S_ISDIR(status.st_mode):
        raise InputError(
            display_path, None, "is a directory", "pass a post file, or the directory to search it"
        )
    if not stat.S_ISREG(status.st_mode):
        raise _not_regular(display_path, status.st_mode)
    if status.st_size > MAX_BYTES:
        raise _too_large(display_path, status.st_size)
    return status.st_size


def read_source(path: Path, display_path: str) -> SourceFile:
    """Read and decode one file from disk.

    The file is opened without blocking and checked on the open descriptor, so a FIFO or device
    that replaced it after the check is never read from; at most ``MAX_BYTES + 1`` bytes are read,
    so a file that grows (or claims a small size) cannot fill the memory.
    """
    check_file(path, display_path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as error:
        raise _os_error(display_path, error) from None
    try:
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode):
            raise _not_regular(display_path, status.st_mode)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as error:
        raise _os_error(display_path, error) from None
    finally:
        os.close(fd)
    return SourceFile(display_path, decode_bytes(data, display_path))
