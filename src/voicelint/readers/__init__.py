"""Find post files and read them into ``Post``s whose text maps exactly back to the source.

Formats: YAML and JSON (a ``posts:`` list with file-level defaults, or a single post), CSV (one
post a row), Markdown (optional front matter, the body is the text) and plain text. Any problem
with the input is one ``InputError`` naming the file, the line and what to do.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from voicelint.errors import InputError, UsageError
from voicelint.model import Post, SourceFile
from voicelint.readers.csv_posts import read_csv
from voicelint.readers.decode import check_file, check_text, decode_bytes, read_source
from voicelint.readers.json_posts import read_json
from voicelint.readers.markdown_posts import read_markdown
from voicelint.readers.text_posts import read_txt
from voicelint.readers.yaml_posts import read_yaml

__all__ = [
    "FORMATS",
    "POST_FILE_EXTENSIONS",
    "SKIPPED_DIRECTORIES",
    "collect_files",
    "read_bytes",
    "read_file",
    "read_source",
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


def _walk(directory: Path) -> list[Path]:
    found = []
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not _skipped(d))
        base = Path(root)
        found.extend(
            base / name
            for name in files
            if not _skipped(name) and os.path.splitext(name)[1].lower() in FORMATS
        )
    return sorted(found, key=lambda path: path.parts)


def collect_files(paths: Sequence[str]) -> list[tuple[Path, bool]]:
    """The files to read: ``(path, explicit)``; directories are searched for post files.

    ``explicit`` is True for a file named on the command line. Hidden files and directories and
    ``node_modules``, ``__pycache__``, ``.venv`` and ``venv`` are skipped while searching. A file
    reached twice is listed once, as explicit if it was ever named.
    """
    result: list[tuple[Path, bool]] = []
    position: dict[Path, int] = {}
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found = [(file, False) for file in _walk(path)]
        elif path.exists():
            found = [(path, True)]
        else:
            raise InputError(name, None, "no such file or directory", "check the path")
        for file, explicit in found:
            key = Path(os.path.normpath(file))
            if key in position:
                if explicit:
                    result[position[key]] = (result[position[key]][0], True)
                continue
            position[key] = len(result)
            result.append((file, explicit))
    return result


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
