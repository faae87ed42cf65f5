"""Build, check and reshape ``TextMap``s: the pieces every reader uses to map text to source."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from voicelint.model import SourceFile, TextMap

BREAK_CHARS = "\r\n\x85\u2028\u2029"
KEPT_BREAKS = "\u2028\u2029"  # YAML keeps these as themselves; other breaks become "\n"
BREAK = re.compile(r"\r\n?|[\n\x85\u2028\u2029]")
ALIGN_WINDOW = 256


class MapMismatch(Exception):
    """The source does not read as the walker expects; the caller falls back to alignment."""


class MapBuilder:
    """Accumulates a value and its runs while a scalar's source is walked."""

    __slots__ = ("length", "parts", "produced", "runs", "src", "verbatim")

    def __init__(self, src: str) -> None:
        self.src = src
        self.parts: list[str] = []
        self.runs: list[tuple[int, int]] = []
        self.verbatim: list[tuple[int, int, int]] = []  # (text offset, source offset, length)
        self.produced: list[int] = []  # source offsets of characters made by escapes or folds
        self.length = 0

    def copy(self, start: int, end: int) -> None:
        """Append source characters ``[start, end)`` unchanged."""
        if start >= end:
            return
        self._anchor(start)
        self.parts.append(self.src[start:end])
        self.verbatim.append((self.length, start, end - start))
        self.length += end - start

    def emit(self, char: str, at: int) -> None:
        """Append one character produced by an escape or a fold, mapped to source offset ``at``."""
        self._anchor(at)
        self.parts.append(char)
        self.produced.append(at)
        self.length += 1

    def _anchor(self, source_offset: int) -> None:
        runs = self.runs
        if runs:
            text_offset, source = runs[-1]
            if source + self.length - text_offset == source_offset:
                return
        runs.append((self.length, source_offset))

    def text(self) -> str:
        return "".join(self.parts)

    def text_map(self, default_offset: int) -> TextMap:
        return TextMap(tuple(self.runs) if self.runs else ((0, default_offset),))

    def verify(self, value: str, start: int, end: int) -> bool:
        """True when the walk reproduced ``value`` and every copied character is the source's."""
        if self.text() != value:
            return False
        src = self.src
        for text_offset, source_offset, length in self.verbatim:
            if (
                value[text_offset : text_offset + length]
                != src[source_offset : source_offset + length]
            ):
                return False
        return all(start <= offset < end for offset in self.produced)


def break_char(line_break: str) -> str:
    """The character a YAML line break contributes to a value."""
    return line_break if line_break in KEPT_BREAKS else "\n"


def break_offset(position: int, line_break: str) -> int:
    """Where a produced newline maps: the ``\\n`` of a CRLF pair, else the break itself."""
    return position + len(line_break) - 1


def align_map(src: str, value: str, start: int, end: int) -> TextMap:
    """Best-effort map: match each value character to the next equal source character nearby."""
    runs: list[tuple[int, int]] = []
    position = start
    last = max(start, end - 1)
    for offset, char in enumerate(value):
        found = src.find(char, position, min(end, position + ALIGN_WINDOW))
        if found == -1 and char == "\n":
            match = BREAK.search(src, position, min(end, position + ALIGN_WINDOW))
            found = break_offset(match.start(), match.group()) if match else -1
        if found == -1:
            source_offset = min(position, last)
        else:
            source_offset = found
            position = found + 1
        if runs:
            text_offset, source = runs[-1]
            if source + offset - text_offset == source_offset:
                continue
        runs.append((offset, source_offset))
    return TextMap(tuple(runs) if runs else ((0, start),))


def copy_lines(builder: MapBuilder, start: int, end: int) -> None:
    """Copy ``[start, end)`` turning CRLF and lone CR into ``\\n`` (a CRLF maps to its ``\\n``)."""
    src = builder.src
    index = start
    while True:
        cr = src.find("\r", index, end)
        if cr == -1:
            builder.copy(index, end)
            return
        builder.copy(index, cr)
        if cr + 1 < end and src[cr + 1] == "\n":
            index = cr + 1  # the "\n" is copied with what follows
        else:
            builder.emit("\n", cr)
            index = cr + 1


def normalized_text(src: str, start: int, end: int) -> tuple[str, TextMap]:
    """``src[start:end]`` with line breaks as ``\\n``, and its map."""
    if src.find("\r", start, end) == -1:
        return src[start:end], TextMap.identity(start)
    builder = MapBuilder(src)
    copy_lines(builder, start, end)
    return builder.text(), builder.text_map(start)


def shift_map(text_map: TextMap, skip: int) -> TextMap:
    """The map of ``text[skip:]`` given the map of ``text``."""
    if skip <= 0:
        return text_map
    runs = text_map.runs
    kept = [(0, text_map.source_offset(skip))]
    kept.extend((t - skip, s) for t, s in runs if t > skip)
    return TextMap(tuple(kept))


class LineCursor:
    """1-based line of a source offset, cheap when offsets are asked for mostly in order."""

    __slots__ = ("has_cr", "line", "offset", "source")

    def __init__(self, source: SourceFile) -> None:
        self.source = source
        self.offset = 0
        self.line = 1
        self.has_cr = "\r" in source.text  # then only the source's index knows the lone CRs

    def __call__(self, offset: int) -> int:
        if offset < self.offset or self.has_cr:
            return self.source.line_col(offset)[0]
        self.line += self.source.text.count("\n", self.offset, offset)
        self.offset = offset
        return self.line


class LazyTextMap(TextMap):
    """A ``TextMap`` built on first use.

    Most posts have no findings, so most maps are never consulted; building them lazily keeps
    reading a large file fast. A pickled copy is a plain ``TextMap``.
    """

    def __init__(self, build: Callable[[], TextMap]) -> None:
        object.__setattr__(self, "_build", build)

    def __getattr__(self, name: str) -> Any:
        if name not in ("runs", "_starts"):
            raise AttributeError(name)
        built = self._build()
        object.__setattr__(self, "runs", built.runs)
        object.__setattr__(self, "_starts", built._starts)
        return getattr(self, name)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, TextMap) and self.runs == other.runs

    def __hash__(self) -> int:
        return hash((self.runs,))

    def __repr__(self) -> str:
        return f"TextMap(runs={self.runs!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (TextMap, (self.runs,))
