"""Writing a file whole or not at all, and never over what voicelint read or what is not a file."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

# Every configuration file read in this process (policies, packs, voicelint.yaml), by absolute
# path: a report must never be written over one of them.
_READ: set[str] = set()


def note_input(path: Path | str) -> None:
    """Remember that ``path`` was read as configuration, so no report replaces it."""
    _READ.add(os.path.abspath(path))


def inputs_read() -> frozenset[str]:
    return frozenset(_READ)


def write_atomically(path: Path, chunks: Iterable[str], mode: int | None = None) -> None:
    """Write the text to a temporary file beside ``path``, then rename it into place: a crash or
    a concurrent reader never sees half a file. ``mode`` gives the file's permissions (else the
    temporary file's 0600 stays)."""
    directory = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            if mode is not None:
                os.fchmod(handle.fileno(), mode)
            handle.writelines(chunks)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_report(path: Path, chunks: Iterable[str]) -> None:
    """Write a report the way a user expects of ``> path``, but whole or not at all.

    A symlink is written through (the file it points to is replaced, the link stays); a device or
    a FIFO is opened and written in place, never replaced by a regular file; an existing report
    keeps its permissions and owner, a new one gets the umask's. Raises IsADirectoryError for a
    directory, OSError when the file cannot be written.
    """
    target = Path(os.path.realpath(path))
    try:
        found = os.stat(target)
    except FileNotFoundError:
        found = None
    if found is not None and stat.S_ISDIR(found.st_mode):
        raise IsADirectoryError(f"{path} is a directory")
    if found is not None and not stat.S_ISREG(found.st_mode):
        with open(target, "w", encoding="utf-8") as handle:
            handle.writelines(chunks)
        return
    mode = stat.S_IMODE(found.st_mode) if found is not None else 0o666 & ~_umask()
    write_atomically(target, chunks, mode)
    if found is not None and hasattr(os, "geteuid") and os.geteuid() == 0:
        with contextlib.suppress(OSError):
            os.chown(target, found.st_uid, found.st_gid)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def same_file(target: Path, candidates: Iterable[str]) -> str | None:
    """The candidate that ``target`` names, by resolved path or by inode (a hard link), or None."""
    resolved = os.path.realpath(target)
    try:
        found = os.stat(resolved)
        identity = (found.st_dev, found.st_ino)
    except OSError:
        identity = None
    for candidate in candidates:
        if os.path.realpath(candidate) == resolved:
            return candidate
        if identity is not None:
            try:
                other = os.stat(candidate)
            except OSError:
                continue
            if (other.st_dev, other.st_ino) == identity:
                return candidate
    return None
