"""Read posts from CSV: a header row naming post keys, then one post a row.

Values come from the ``csv`` module; a small scanner over the raw text finds where each row and
cell starts, for line numbers and source maps. The two must agree on the shape of the file.
"""

from __future__ import annotations

import csv
import io
import re
from typing import Any

import yaml

from voicelint.errors import InputError
from voicelint.model import POST_KEYS, Post, SourceFile, TextMap
from voicelint.readers.maps import (
    LineCursor,
    MapBuilder,
    align_map,
    copy_lines,
    shift_map,
)
from voicelint.readers.problems import NotPosts, Problems, Unreadable, attempt
from voicelint.readers.records import Field, build_post
from voicelint.readers.yaml_posts import LOADER

DELIMITERS = (",", ";", "\t")
COLUMN_ALIASES = {"message": "text", "date": "publish_at"}
_QUOTED = re.compile(r'"[^"]*"')
_FIRST_LINE = re.compile(r"[^\r\n]*")
_QUOTE_HINT = (
    "quote cells that contain the delimiter, quotes or line breaks,"
    ' and write a quote inside a quoted cell as ""'
)

Cell = tuple[int, int, bool]  # start, end (quotes included), quoted


class _ScanError(Exception):
    def __init__(self, offset: int, message: str) -> None:
        super().__init__(message)
        self.offset = offset
        self.message = message


def sniff_delimiter(header_line: str) -> str:
    """The most frequent of ``,`` ``;`` and tab outside quotes (``,`` on a tie or when none)."""
    bare = _QUOTED.sub("", header_line)
    counts = [bare.count(d) for d in DELIMITERS]
    best = max(counts)
    return DELIMITERS[counts.index(best)] if best else ","


def scan_rows(text: str, delimiter: str) -> list[tuple[int, list[Cell]]]:
    """Each row's start offset and its cells, read as ``csv.reader(strict=True)`` reads them."""
    size = len(text)
    unquoted = re.compile(f"[^{re.escape(delimiter)}\r\n]*")
    rows: list[tuple[int, list[Cell]]] = []
    index = 0
    while index < size:
        row_start = index
        cells: list[Cell] = []
        if text[index] not in "\r\n":
            while True:
                if index < size and text[index] == '"':
                    search = index + 1
                    while True:
                        quote = text.find('"', search)
                        if quote == -1:
                            raise _ScanError(index, "a quoted cell is never closed")
                        if text.startswith('""', quote):
                            search = quote + 2
                            continue
                        break
                    cells.append((index, quote + 1, True))
                    index = quote + 1
                    if index < size and text[index] != delimiter and text[index] not in "\r\n":
                        raise _ScanError(
                            index, f"text after a closing quote; expected {delimiter!r}"
                        )
                else:
                    end = unquoted.match(text, index).end()
                    cells.append((index, end, False))
                    index = end
                if index < size and text[index] == delimiter:
                    index += 1
                    continue
                break
        rows.append((row_start, cells))
        if index < size:
            index += 2 if text.startswith("\r\n", index) else 1
    return rows


def cell_map(src: str, cell: Cell, value: str) -> tuple[TextMap, bool]:
    """Map of a cell's value (line breaks already turned into ``\\n``); True when exact."""
    start, end, quoted = cell
    builder = MapBuilder(src)
    if quoted:
        index, close = start + 1, end - 1
        while True:
            quote = src.find('"', index, close)
            if quote == -1:
                copy_lines(builder, index, close)
                break
            copy_lines(builder, index, quote)
            builder.emit('"', quote)
            index = quote + 2
    else:
        copy_lines(builder, start, end)
    if builder.verify(value, start, max(end, start + 1)):
        return builder.text_map(start + quoted), True
    return align_map(src, value, start, end), False


def _normalize(value: str) -> str:
    return value.replace("\r\n", "\n").replace("\r", "\n") if "\r" in value else value


def _text_field(src: str, cell: Cell | None, value: str, line: int) -> Field:
    value = _normalize(value)
    text = value.strip()
    skip = len(value) - len(value.lstrip())

    def build() -> TextMap:
        if cell is None:
            return align_map(src, text, 0, len(src))
        return shift_map(cell_map(src, cell, value)[0], skip)

    return Field("text", text, line, line, text_map=build)


def _suppressions(path: str, value: str, line: int) -> Any:
    try:
        return yaml.load(value, Loader=LOADER)
    except yaml.YAMLError as error:
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise InputError(
            path,
            line,
            f'invalid "voicelint" cell: {problem}',
            "write it as YAML, e.g. {disable: [rule-id]}",
        ) from None


def _columns(path: str, header: list[str], line: int) -> list[str | None]:
    """The post key of each column; None for a column voicelint does not use.

    A scheduler's export has columns of its own (``Link``, ``Image URL``, ``Status``): they are
    ignored, not refused, so the export can be checked as it is.
    """
    columns: list[str | None] = []
    seen: dict[str, str] = {}
    for name in header:
        written = name.strip()
        key = COLUMN_ALIASES.get(written.lower(), written.lower())
        if key not in POST_KEYS:
            columns.append(None)  # unnamed (after a trailing delimiter) or not a post key
            continue
        if key in seen:
            raise InputError(
                path,
                line,
                f'duplicate column "{written}" (same as "{seen[key]}")',
                "keep one of them",
            )
        seen[key] = written
        columns.append(key)
    return columns


def _empty(path: str) -> NotPosts:
    return NotPosts(
        path, 1, "empty CSV file: no header row", 'start with a header row, e.g. "text,platform"'
    )


def read_csv(source: SourceFile, *, explicit: bool, problems: Problems = None) -> list[Post]:
    """The posts of a CSV file; a file that is not a post file gives ``[]`` unless ``explicit``.

    With ``problems``, a bad row is recorded there and the other rows still read.
    """
    try:
        return scan_csv(source, problems)
    except NotPosts:
        if explicit:
            raise
        return []


def scan_csv(source: SourceFile, problems: Problems) -> list[Post]:
    """Like ``read_csv``; a file that is not a post file raises ``NotPosts``."""
    path, text = source.path, source.text
    first = re.search(r"\S", text)
    if first is None:
        raise _empty(path)
    line_start = text.rfind("\n", 0, first.start()) + 1
    delimiter = sniff_delimiter(_FIRST_LINE.match(text, line_start).group())

    try:
        raw_rows: list[tuple[int, list[Cell]]] | None = scan_rows(text, delimiter)
    except _ScanError as error:
        line = source.line_col(error.offset)[0]
        raise Unreadable(path, line, f"malformed CSV: {error.message}", _QUOTE_HINT) from None
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        values = list(reader)
    except csv.Error as error:
        raise Unreadable(
            path, reader.line_num or 1, f"malformed CSV: {error}", _QUOTE_HINT
        ) from None
    if len(raw_rows) != len(values) or any(
        len(cells) != len(row) for (_, cells), row in zip(raw_rows, values, strict=True)
    ):
        raw_rows = None  # should not happen; fall back to aligned maps

    line_of = LineCursor(source)
    header_index = next((i for i, row in enumerate(values) if any(c.strip() for c in row)), None)
    if header_index is None:
        raise _empty(path)
    header_line = line_of(raw_rows[header_index][0]) if raw_rows else source.line_col(line_start)[0]
    header = values[header_index]
    if not any(COLUMN_ALIASES.get(h.strip().lower(), h.strip().lower()) == "text" for h in header):
        raise NotPosts(
            path,
            header_line,
            'no "text" column in the CSV header',
            'name the column that holds the drafts "text" or "message"',
        )
    columns = _columns(path, header, header_line)

    posts = []
    number = 0  # of the post a row holds: a bad row keeps its number
    for row_index in range(header_index + 1, len(values)):
        row = values[row_index]
        if not any(cell.strip() for cell in row):
            continue
        raw = raw_rows[row_index] if raw_rows else None
        line = line_of(raw[0]) if raw else header_line + row_index - header_index
        number += 1

        def build(row: list[str] = row, raw: Any = raw, line: int = line, n: int = number) -> Post:
            return _row_post(source, columns, delimiter, row, raw, line, n)

        post = attempt(problems, str(number), build)
        if post is not None:
            posts.append(post)
    return posts


def _row_post(
    source: SourceFile,
    columns: list[str | None],
    delimiter: str,
    row: list[str],
    raw: Any,
    line: int,
    index: int,
) -> Post:
    path, text = source.path, source.text
    if len(row) > len(columns) and any(cell.strip() for cell in row[len(columns) :]):
        raise InputError(
            path,
            line,
            f"row has {len(row)} cells but the header names {len(columns)} columns",
            "quote cells that contain " + ("tabs" if delimiter == "\t" else f'"{delimiter}"'),
        )
    fields: dict[str, Field] = {}
    for column, value in enumerate(row):
        key = columns[column] if column < len(columns) else None
        if key is None or not value.strip():
            continue
        if key == "text":
            cell = raw[1][column] if raw else None
            fields[key] = _text_field(text, cell, value, line)
        elif key == "voicelint":
            fields[key] = Field(key, _suppressions(path, value, line), line, line)
        else:
            fields[key] = Field(key, value.strip(), line, line)
    return build_post(source, index, line, fields, fmt="csv")
