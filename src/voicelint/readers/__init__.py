"""Find post files and read them into ``Post``s whose text maps exactly back to the source.

Formats: YAML and JSON (a ``posts:`` list with file-level defaults, a list of posts, or a single
post), CSV (one post a row), Markdown (optional front matter, the body is the text) and plain
text. Any problem with the input is an ``InputError`` naming the file, the line and what to do:
``read_file`` raises the first; ``read_posts`` keeps reading past a bad post and returns them all.

A directory walk reads only regular files inside the walked directory: FIFOs, devices and
sockets are never opened, and a symlink whose target leaves the directory is refused unread.
"""

from __future__ import annotations

import gc
import os
import stat
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from voicelint.errors import InputError, UsageError
from voicelint.model import Post, SourceFile
from voicelint.readers.csv_posts import read_csv, scan_csv
from voicelint.readers.decode import check_file, check_text, decode_bytes, read_source
from voicelint.readers.json_posts import read_json, scan_json
from voicelint.readers.markdown_posts import read_markdown, scan_markdown
from voicelint.readers.problems import NotPosts, Problem, Unreadable
from voicelint.readers.text_posts import read_txt
from voicelint.readers.yaml_posts import read_yaml, scan_yaml

__all__ = [
    "FORMATS",
    "POST_FILE_EXTENSIONS",
    "SKIPPED_DIRECTORIES",
    "Candidate",
    "FileRead",
    "NotPosts",
    "Problem",
    "Unreadable",
    "collect_files",
    "display_name",
    "find_inputs",
    "read_bytes",
    "read_file",
    "read_posts",
    "read_source",
    "read_stdin",
    "read_text",
]

FORMATS = {
    ".yaml": "yaml",
    ".yml": "yaml",
    ".json": "json",
    ".csv": "csv",
    ".md": "md",
    ".markdown": "md",
    ".txt": "txt",
}
POST_FILE_EXTENSIONS: tuple[str, ...] = tuple(FORMATS)
SKIPPED_DIRECTORIES = frozenset({"node_modules", "__pycache__", ".venv", "venv"})
_FORMAT_NAMES = {"yaml": "yaml", "yml": "yaml", "json": "json", "csv": "csv"}
_FORMAT_NAMES |= {"md": "md", "markdown": "md", "txt": "txt", "text": "txt"}


def _skipped(name: str) -> bool:
    return name.startswith(".") or name in SKIPPED_DIRECTORIES


def display_name(path: Path | str) -> str:
    """A path as text every output format can hold: bytes of a file name that are not UTF-8
    (kept by Python as lone surrogates) are shown as ``\\xNN``."""
    return os.fspath(path).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


@dataclass
class Candidate:
    """A file to read, or one found and refused unread (``refused`` says why)."""

    path: Path
    display: str
    explicit: bool  # named on the command line
    arguments: list[int] = field(default_factory=list)  # which command-line paths reach it
    refused: str | None = None


def _within(target: str, root: str) -> bool:
    return target == root or target.startswith(root.rstrip(os.sep) + os.sep)


def _refusal(path: Path, root: str | None) -> str | None:
    """Why a walked (or, with ``root``, a named) file must not be opened, or None.

    ``lstat`` first: a symlink is judged by where it resolves, and only then is its target
    stat-ed, so a link to ``/etc/shadow`` or a FIFO is never opened.
    """
    link = False
    try:
        link = stat.S_ISLNK(path.lstat().st_mode)
        if link and root is not None and not _within(os.path.realpath(path), root):
            return "symlink to a file outside the checked directory, not read"
        mode = path.stat().st_mode
    except OSError:
        return "broken symlink" if link else "cannot be read"
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "a FIFO, not read"
    if stat.S_ISSOCK(mode):
        return "a socket, not read"
    return "a device, not read" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "not a file"


def _walk(directory: Path) -> list[Candidate]:
    root = os.path.realpath(directory)
    found = []
    for base_name, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not _skipped(d))
        base = Path(base_name)
        for name in files:
            if _skipped(name) or os.path.splitext(name)[1].lower() not in FORMATS:
                continue
            path = base / name
            found.append(Candidate(path, display_name(path), False, [], _refusal(path, root)))
    return sorted(found, key=lambda candidate: candidate.path.parts)


def find_inputs(paths: Sequence[str], *, contain_named: bool = False) -> list[Candidate]:
    """The files the command-line ``paths`` name or hold, in order, each once.

    Directories are walked: hidden files and directories and ``node_modules``, ``__pycache__``,
    ``.venv`` and ``venv`` are skipped; FIFOs, devices, sockets and symlinks whose target leaves
    the walked directory are listed as refused. A file named on the command line is read wherever
    a symlink takes it, if it is a regular file within the size limit; with ``contain_named`` (the
    pre-commit hook, which is handed whatever a commit holds) a named symlink that leaves the
    current directory is refused as in a walk. A missing path is an ``InputError``.
    """
    result: list[Candidate] = []
    position: dict[Path, int] = {}
    here = os.path.realpath(os.curdir) if contain_named else None
    for argument, name in enumerate(paths):
        path = Path(name)
        if path.is_dir():
            found = _walk(path)
        elif path.exists() or path.is_symlink():
            # named: a FIFO or device is read as an unreadable file (a finding), never opened
            refused = _refusal(path, here) if here is not None else None
            found = [Candidate(path, display_name(path), True, [], refused)]
        else:
            raise InputError(
                display_name(name), None, "no such file or directory", "check the path"
            )
        for candidate in found:
            key = Path(os.path.normpath(candidate.path))
            if key in position:
                kept = result[position[key]]
                kept.explicit = kept.explicit or candidate.explicit
                kept.arguments.append(argument)
                continue
            position[key] = len(result)
            candidate.arguments.append(argument)
            result.append(candidate)
    return result


def collect_files(paths: Sequence[str]) -> list[tuple[Path, bool]]:
    """The files to read: ``(path, explicit)``; directories are searched for post files.

    ``explicit`` is True for a file named on the command line. Hidden files and directories and
    ``node_modules``, ``__pycache__``, ``.venv`` and ``venv`` are skipped while searching, and so
    are the files a walk refuses (see ``find_inputs``). A file reached twice is listed once, as
    explicit if it was ever named.
    """
    return [
        (candidate.path, candidate.explicit)
        for candidate in find_inputs(paths)
        if candidate.refused is None or candidate.explicit
    ]


def _unsupported(display: str, suffix: str) -> InputError:
    what = f'unsupported file type "{suffix}"' if suffix else "file has no extension"
    return InputError(
        display,
        None,
        what,
        "post files end in " + ", ".join(POST_FILE_EXTENSIONS[:-1]) + " or .txt",
    )


@contextmanager
def _gc_paused() -> Iterator[None]:
    # Reading makes millions of small objects and no garbage cycles; without this, the cyclic
    # collector's repeated passes over them cost a third of the time on a large file.
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _read(source: SourceFile, fmt: str, explicit: bool) -> list[Post]:
    with _gc_paused():
        return _read_format(source, fmt, explicit)


def _read_format(source: SourceFile, fmt: str, explicit: bool) -> list[Post]:
    if fmt == "yaml":
        return read_yaml(source, explicit=explicit)
    if fmt == "json":
        return read_json(source, explicit=explicit)
    if fmt == "csv":
        return read_csv(source, explicit=explicit)
    if fmt == "md":
        return read_markdown(source, explicit=explicit)
    return read_txt(source)


@dataclass
class FileRead:
    """What reading one file gave: its posts, the problems of its bad posts (or of the whole
    file), or why it holds no posts (``skipped``: a file found in a walk that is not a post file).
    """

    display: str
    posts: list[Post] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    source: SourceFile | None = None
    skipped: str | None = None


def read_posts(path: Path, *, explicit: bool, display_path: str | None = None) -> FileRead:
    """Read one file, going on past a bad post: each bad post, and a file that cannot be read or
    parsed, is a ``Problem`` of the result, never an exception.

    A file that is not a post file is ``skipped`` when it was found in a walk (``explicit`` is
    False) and raises ``NotPosts`` when it was named; so does an unsupported extension.
    """
    path = Path(path)
    display = display_path if display_path is not None else display_name(path)
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        if not explicit:
            return FileRead(display, skipped="not a post file type")
        check_file(path, display)
        raise _unsupported(display, path.suffix)
    try:
        source = read_source(path, display)
    except Unreadable as error:
        return FileRead(display, problems=[Problem(error)])
    return _posts_of(source, fmt, explicit)


def read_stdin(
    data: bytes, *, display_path: str = "<stdin>", fmt: str = "txt", explicit: bool = True
) -> FileRead:
    """Like ``read_posts`` for raw bytes (stdin, an editor's buffer): named (``explicit``), not
    posts raises; else it is ``skipped``, as in a walk."""
    name = _format(fmt)
    try:
        source = SourceFile(display_path, decode_bytes(data, display_path))
    except Unreadable as error:
        return FileRead(display_path, problems=[Problem(error)])
    return _posts_of(source, name, explicit)


def _posts_of(source: SourceFile, fmt: str, explicit: bool) -> FileRead:
    result = FileRead(source.path, source=source)
    try:
        with _gc_paused():
            result.posts = _scan(source, fmt, explicit, result.problems)
    except NotPosts as error:
        if explicit:
            raise
        result.skipped = error.message
    except InputError as error:  # the whole file: a syntax error, "posts" that is not a list
        result.problems.append(Problem(error))
    return result


def _scan(source: SourceFile, fmt: str, explicit: bool, problems: list[Problem]) -> list[Post]:
    if fmt == "yaml":
        return scan_yaml(source, problems)
    if fmt == "json":
        return scan_json(source, problems)
    if fmt == "csv":
        return scan_csv(source, problems)
    if fmt == "md":
        return scan_markdown(source, walked=not explicit)
    return read_txt(source)


def read_file(path: Path, *, explicit: bool = True, display_path: str | None = None) -> list[Post]:
    """Read the posts in one file; ``display_path`` (default: ``str(path)``) names it in errors.

    When ``explicit`` is False (the file was found in a directory), a YAML or JSON file that is
    not a post file, a CSV file without a text column, or a Markdown file without front matter
    (a README, a changelog) gives ``[]`` instead of an error.
    """
    path = Path(path)
    display = display_path if display_path is not None else str(path)
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        if not explicit:
            return []
        check_file(path, display)  # a missing file is reported as missing, not as unsupported
        raise _unsupported(display, path.suffix)
    return _read(read_source(path, display), fmt, explicit)


def _format(fmt: str) -> str:
    name = _FORMAT_NAMES.get(fmt.lower().lstrip("."))
    if name is None:
        raise UsageError(
            None, None, f'unknown input format "{fmt}"', "use yaml, json, csv, md or txt"
        )
    return name


def read_text(text: str, *, display_path: str = "<stdin>", fmt: str = "txt") -> list[Post]:
    """Read posts from text already in memory (stdin); ``fmt`` is yaml, json, csv, md or txt."""
    name = _format(fmt)
    return _read(SourceFile(display_path, check_text(text, display_path)), name, True)


def read_bytes(data: bytes, *, display_path: str = "<stdin>", fmt: str = "txt") -> list[Post]:
    """Like ``read_text`` for raw bytes, with the binary, size and UTF-8 checks of a file."""
    name = _format(fmt)
    return _read(SourceFile(display_path, decode_bytes(data, display_path)), name, True)
