"""Map each character of a YAML scalar's value back to the source character it came from.

PyYAML gives a scalar's value and the span of source it was read from, but not how the two line
up. This module re-reads the span by the YAML rules for the scalar's style (plain, single- or
double-quoted, literal or folded block) and records a ``TextMap``: verbatim stretches become
runs, an escape maps to its backslash, a space made by line folding maps to the line break it
replaced, and a newline made by a blank line maps to that line's break. The result is checked
against the parser's value; if the two disagree (an input the walker does not model), a greedy
alignment is used instead so that a finding is still placed near its text.
"""

from __future__ import annotations

import re

from voicelint.model import TextMap
from voicelint.readers.maps import (
    BREAK as _BREAK,
)
from voicelint.readers.maps import (
    BREAK_CHARS,
    KEPT_BREAKS,
    MapBuilder,
    MapMismatch,
    align_map,
    break_char,
    break_offset,
)

_BLANKS = re.compile(r"[ \t]*")
_SPACES = re.compile(r" *")
_NOT_SPACE = re.compile(r"[^ \t\r\n\x85\u2028\u2029]*")
_DQ_SPECIAL = re.compile(r"[\\\r\n\x85\u2028\u2029]")
_SQ_SPECIAL = re.compile(r"['\r\n\x85\u2028\u2029]")

ESCAPES = {
    "0": "\0",
    "a": "\x07",
    "b": "\x08",
    "t": "\t",
    "\t": "\t",
    "n": "\n",
    "v": "\x0b",
    "f": "\x0c",
    "r": "\r",
    "e": "\x1b",
    " ": " ",
    '"': '"',
    "/": "/",
    "\\": "\\",
    "N": "\x85",
    "_": "\xa0",
    "L": "\u2028",
    "P": "\u2029",
}
HEX_ESCAPES = {"x": 2, "u": 4, "U": 8}


def _fold(builder: MapBuilder, breaks: list[tuple[int, str]]) -> None:
    """Line folding: one break becomes a space, each further (blank) line a newline."""
    position, first = breaks[0]
    if first in KEPT_BREAKS:
        builder.emit(first, position)
    elif len(breaks) == 1:
        builder.emit(" ", break_offset(position, first))
    for position, line_break in breaks[1:]:
        builder.emit(break_char(line_break), break_offset(position, line_break))


def skip_properties(src: str, index: int, end: int) -> int:
    """Skip a node's anchor and tag (``&a !!str``) and the space after them."""
    while index < end and src[index] in "&!":
        index = _NOT_SPACE.match(src, index, end).end()
        while index < end:
            char = src[index]
            if char in " \t" or char in BREAK_CHARS:
                index += 1
            elif char == "#":
                match = _BREAK.search(src, index, end)
                index = match.start() if match else end
            else:
                break
    return index


def _walk_plain(builder: MapBuilder, src: str, start: int, end: int) -> None:
    position = start
    first = True
    breaks: list[tuple[int, str]] = []
    while True:
        match = _BREAK.search(src, position, end)
        line_end = match.start() if match else end
        content_start = position if first else _BLANKS.match(src, position, line_end).end()
        content_end = line_end
        while content_end > content_start and src[content_end - 1] in " \t":
            content_end -= 1
        if content_start < content_end:
            if breaks:
                _fold(builder, breaks)
                breaks = []
            builder.copy(content_start, content_end)
        first = False
        if match is None:
            return
        breaks.append((match.start(), match.group()))
        position = match.end()


def _flow_breaks(src: str, index: int, end: int) -> tuple[int, list[tuple[int, str]]]:
    """Blank lines inside a quoted scalar: their breaks, and where the next content starts."""
    breaks: list[tuple[int, str]] = []
    while True:
        index = _BLANKS.match(src, index, end).end()
        match = _BREAK.match(src, index, end)
        if match is None:
            return index, breaks
        breaks.append((match.start(), match.group()))
        index = match.end()


def _walk_quoted(builder: MapBuilder, src: str, start: int, end: int, double: bool) -> None:
    """``start`` is the opening quote, ``end`` is just past the closing quote."""
    if src[start] != ('"' if double else "'") or src[end - 1] != src[start]:
        raise MapMismatch("quotes not where expected")
    special = _DQ_SPECIAL if double else _SQ_SPECIAL
    index = start + 1
    close = end - 1
    while index < close:
        match = special.search(src, index, close)
        if match is None:
            builder.copy(index, close)
            return
        found = match.start()
        char = src[found]
        if char in BREAK_CHARS:
            content_end = found
            while content_end > index and src[content_end - 1] in " \t":
                content_end -= 1  # blanks before a fold are dropped
            builder.copy(index, content_end)
            line_break = _BREAK.match(src, found, close)
            index, more = _flow_breaks(src, line_break.end(), close)
            _fold(builder, [(found, line_break.group()), *more])
            continue
        builder.copy(index, found)
        index = found
        if char == "'":
            if src[index + 1] != "'":
                raise MapMismatch("lone quote inside a single-quoted scalar")
            builder.emit("'", index)
            index += 2
        else:  # a backslash in a double-quoted scalar
            code = src[index + 1]
            if code in ESCAPES:
                builder.emit(ESCAPES[code], index)
                index += 2
            elif code in HEX_ESCAPES:
                digits = HEX_ESCAPES[code]
                builder.emit(chr(int(src[index + 2 : index + 2 + digits], 16)), index)
                index += 2 + digits
            elif code in BREAK_CHARS:
                # An escaped line break joins the lines with nothing between them.
                match = _BREAK.match(src, index + 1, close)
                index, more = _flow_breaks(src, match.end(), close)
                for position, line_break in more:
                    builder.emit(break_char(line_break), break_offset(position, line_break))
            else:
                raise MapMismatch(f"unknown escape \\{code}")


def _block_breaks(src: str, index: int, indent: int) -> tuple[int, int, list[tuple[int, str]]]:
    """Skip indentation (up to ``indent`` spaces) and empty lines: index, column, breaks."""
    breaks: list[tuple[int, str]] = []
    while True:
        line_start = index
        index = _SPACES.match(src, index, index + indent).end()
        match = _BREAK.match(src, index)
        if match is None:
            return index, index - line_start, breaks
        breaks.append((match.start(), match.group()))
        index = match.end()


def _walk_block(
    builder: MapBuilder, src: str, start: int, parent_indent: int, folded: bool
) -> None:
    """``start`` is the ``|`` or ``>`` indicator; the scalar runs until a less indented line."""
    size = len(src)
    index = start + 1
    chomping = ""
    increment = 0
    for _ in range(2):
        char = src[index : index + 1]
        if char and char in "+-" and not chomping:
            chomping = char
            index += 1
        elif char and char in "123456789" and not increment:
            increment = int(char)
            index += 1
    index = _BLANKS.match(src, index).end()
    if src[index : index + 1] == "#":
        match = _BREAK.search(src, index)
        index = match.start() if match else size
    match = _BREAK.match(src, index)
    if match is None:
        if index < size:
            raise MapMismatch("text after a block scalar indicator")
        return
    index = match.end()

    min_indent = max(parent_indent + 1, 1)
    if increment:
        indent = min_indent + increment - 1
        index, column, breaks = _block_breaks(src, index, indent)
    else:
        max_indent = 0
        breaks = []
        while True:
            line_start = index
            index = _SPACES.match(src, index).end()
            column = index - line_start
            max_indent = max(max_indent, column)
            match = _BREAK.match(src, index)
            if match is None:
                break
            breaks.append((match.start(), match.group()))
            index = match.end()
        indent = max(min_indent, max_indent)

    line_break: tuple[int, str] | None = None
    while column == indent and index < size:
        for position, kind in breaks:
            builder.emit(break_char(kind), break_offset(position, kind))
        leading_non_space = src[index] not in " \t"
        match = _BREAK.search(src, index)
        line_end = match.start() if match else size
        builder.copy(index, line_end)
        if match is None:
            line_break = None
            index = size
        else:
            line_break = (match.start(), match.group())
            index = match.end()
        index, column, breaks = _block_breaks(src, index, indent)
        if not (column == indent and index < size):
            break
        if line_break is None:
            continue
        position, kind = line_break
        if folded and kind not in KEPT_BREAKS and leading_non_space and src[index] not in " \t":
            if not breaks:
                builder.emit(" ", break_offset(position, kind))
        else:
            builder.emit(break_char(kind), break_offset(position, kind))
    if chomping != "-" and line_break is not None:
        position, kind = line_break
        builder.emit(break_char(kind), break_offset(position, kind))
    if chomping == "+":
        for position, kind in breaks:
            builder.emit(break_char(kind), break_offset(position, kind))


def scalar_map(
    src: str,
    value: str,
    start: int,
    end: int,
    style: str | None,
    parent_indents: tuple[int, ...] = (-1,),
) -> tuple[TextMap, bool]:
    """The map of a scalar whose node spans ``src[start:end]``; True when it is exact.

    ``style`` is the event's style (None or "" for plain). ``parent_indents`` are candidates
    for the indentation of the block mapping holding a block scalar, tried in turn.
    """
    content = start
    try:
        content = skip_properties(src, start, end)
        if not style:
            if end - content == len(value) and src.startswith(value, content):
                return TextMap(((0, content),)), True
            builder = MapBuilder(src)
            _walk_plain(builder, src, content, end)
            if builder.verify(value, start, end):
                return builder.text_map(content), True
        elif style in "\"'":
            inner = content + 1
            if end - 1 - inner == len(value) and src.startswith(value, inner):
                return TextMap(((0, inner),)), True
            builder = MapBuilder(src)
            _walk_quoted(builder, src, content, end, style == '"')
            if builder.verify(value, start, end):
                return builder.text_map(inner), True
        else:
            for parent_indent in dict.fromkeys(parent_indents):
                builder = MapBuilder(src)
                _walk_block(builder, src, content, parent_indent, style == ">")
                if builder.verify(value, start, max(end, content + 1)):
                    return builder.text_map(content), True
    except (MapMismatch, IndexError, ValueError, AttributeError):
        pass
    if style and style in "|>":
        line_break = _BREAK.search(src, content, end)
        content = line_break.end() if line_break else content
    return align_map(src, value, content, max(end, content + 1)), False
