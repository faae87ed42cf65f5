"""Read posts from JSON, keeping where each object, key and string value starts in the source.

``json.loads`` validates the document first, so syntax errors carry its line. The document is
then scanned again with the standard library's pure-Python scanner, with object and array
parsers that record positions; strings are decoded by the standard (C) ``scanstring``.
"""

from __future__ import annotations

import json
import re
import sys
from json.decoder import scanstring
from json.scanner import py_make_scanner
from types import SimpleNamespace
from typing import Any

from voicelint.errors import InputError, did_you_mean
from voicelint.model import POST_KEYS, Post, SourceFile, TextMap
from voicelint.readers.maps import LineCursor, MapBuilder, align_map
from voicelint.readers.problems import (
    NotPosts,
    Problem,
    Problems,
    Unreadable,
    attempt,
    without_surrogates,
)
from voicelint.readers.records import (
    DEFAULT_KEYS,
    Field,
    build_post,
    convert_defaults,
    describe,
    index_fields,
)

_WS = re.compile(r"[ \t\n\r]*")
_LONG_NUMBER = re.compile(rf"\d{{{sys.get_int_max_str_digits() + 1},}}")
_SIMPLE_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r"}
_SIMPLE_ESCAPES["t"] = "\t"
_NOT_POSTS_HINT = (
    'write {"posts": [...]} with a list of posts, a list of posts, or a single post with "text"'
)


def _scanstring(s: str, end: int, strict: bool = True) -> tuple[str, int]:
    value, end = scanstring(s, end, strict)
    return without_surrogates(value), end


class JObject:
    """A JSON object: ``(key, key_pos, value, value_pos, value_end)`` entries, in order."""

    __slots__ = ("entries", "start")

    def __init__(self, start: int) -> None:
        self.start = start
        self.entries: list[tuple[str, int, Any, int, int]] = []


class JArray:
    """A JSON array: ``(value, start)`` items."""

    __slots__ = ("items", "start")

    def __init__(self, start: int) -> None:
        self.start = start
        self.items: list[tuple[Any, int]] = []


def _parse_object(
    s_and_end: tuple[str, int], strict: bool, scan_once: Any, *_hooks: Any, **_kw: Any
) -> tuple[JObject, int]:
    s, end = s_and_end
    obj = JObject(end - 1)
    end = _WS.match(s, end).end()
    if s[end] == "}":
        return obj, end + 1
    while True:
        key_pos = end
        key, end = _scanstring(s, end + 1, strict)
        end = _WS.match(s, _WS.match(s, end).end() + 1).end()  # past ":"
        value, value_end = scan_once(s, end)
        obj.entries.append((key, key_pos, value, end, value_end))
        end = _WS.match(s, value_end).end()
        if s[end] == "}":
            return obj, end + 1
        end = _WS.match(s, end + 1).end()  # past ","


def _parse_array(s_and_end: tuple[str, int], scan_once: Any) -> tuple[JArray, int]:
    s, end = s_and_end
    array = JArray(end - 1)
    end = _WS.match(s, end).end()
    if s[end] == "]":
        return array, end + 1
    while True:
        value, value_end = scan_once(s, end)
        array.items.append((value, end))
        end = _WS.match(s, value_end).end()
        if s[end] == "]":
            return array, end + 1
        end = _WS.match(s, end + 1).end()


_CONTEXT = SimpleNamespace(
    parse_object=_parse_object,
    parse_array=_parse_array,
    parse_string=_scanstring,
    strict=True,
    object_hook=None,
    object_pairs_hook=None,
    parse_float=float,
    parse_int=int,
    parse_constant={"NaN": float("nan"), "Infinity": float("inf"), "-Infinity": float("-inf")}.get,
    memo={},
)
_SCAN = py_make_scanner(_CONTEXT)


def string_map(src: str, start: int, end: int, value: str) -> tuple[TextMap, bool]:
    """Map of a JSON string ``src[start:end]`` (quotes included); True when exact."""
    inner, close = start + 1, end - 1
    if src.find("\\", inner, close) == -1:
        return TextMap.identity(inner), True
    builder = MapBuilder(src)
    index = inner
    try:
        while True:
            slash = src.find("\\", index, close)
            if slash == -1:
                builder.copy(index, close)
                break
            builder.copy(index, slash)
            code = src[slash + 1]
            if code in _SIMPLE_ESCAPES:
                builder.emit(_SIMPLE_ESCAPES[code], slash)
                index = slash + 2
                continue
            if code != "u":
                raise ValueError(code)
            point = int(src[slash + 2 : slash + 6], 16)
            index = slash + 6
            if 0xD800 <= point <= 0xDBFF and src.startswith("\\u", index):
                low = int(src[index + 2 : index + 6], 16)
                if 0xDC00 <= low <= 0xDFFF:
                    point = 0x10000 + (((point - 0xD800) << 10) | (low - 0xDC00))
                    index += 6
            if 0xD800 <= point <= 0xDFFF:
                point = 0xFFFD  # a lone surrogate, as _scanstring replaces it
            builder.emit(chr(point), slash)
    except (ValueError, IndexError):
        return align_map(src, value, inner, close), False
    if builder.verify(value, start, end):
        return builder.text_map(inner), True
    return align_map(src, value, inner, close), False


def _to_python(source: SourceFile, line_of: LineCursor, value: Any) -> Any:
    if isinstance(value, JObject):
        fields = _fields(source, line_of, value)
        keys = [entry[0] for entry in value.entries]
        return {key: field.value for key, field in index_fields(source.path, fields, keys).items()}
    if isinstance(value, JArray):
        return [_to_python(source, line_of, item) for item, _ in value.items]
    return value


def _describe(value: Any) -> str:
    if isinstance(value, JObject):
        return "an object"
    if isinstance(value, JArray):
        return "a list"
    return "a string" if isinstance(value, str) else describe(value)


def _fields(
    source: SourceFile, line_of: LineCursor, obj: JObject, skip: str | None = None
) -> list[Field]:
    result = []
    for key, key_pos, value, value_pos, value_end in obj.entries:
        if key == skip:
            continue
        key_line = line_of(key_pos)
        value_line = line_of(value_pos)
        field = Field(key, _to_python(source, line_of, value), value_line, key_line)
        if key == "text" and isinstance(value, str):
            field.text_map = _map_builder(source.text, value_pos, value_end, value)
        result.append(field)
    return result


def _map_builder(src: str, start: int, end: int, value: str) -> Any:
    def build() -> TextMap:
        return string_map(src, start, end, value)[0]

    return build


def _syntax_error(source: SourceFile, error: json.JSONDecodeError) -> InputError:
    line, column = source.line_col(error.pos)  # json counts only "\n" as a line break
    return Unreadable(
        source.path,
        line,
        f"invalid JSON: {error.msg} (column {column})",
        "check for a missing comma, quote or bracket near this line",
    )


def read_json(source: SourceFile, *, explicit: bool, problems: Problems = None) -> list[Post]:
    """The posts of a JSON file; a file that is not a post file gives ``[]`` unless ``explicit``.

    With ``problems``, a bad post or top-level entry is recorded there and the rest still read.
    """
    try:
        return scan_json(source, problems)
    except NotPosts:
        if explicit:
            raise
        return []


def _parse(source: SourceFile) -> tuple[Any, int]:
    path, text = source.path, source.text
    try:
        json.loads(text)
        start = _WS.match(text, 0).end()
        root, _ = _SCAN(text, start)
    except json.JSONDecodeError as error:
        raise _syntax_error(source, error) from None
    except RecursionError:
        raise Unreadable(path, None, "JSON nested too deeply", "flatten the structure") from None
    except ValueError:  # an integer past Python's limit of digits for a conversion
        long_number = _LONG_NUMBER.search(text)
        line = source.line_col(long_number.start() if long_number else 0)[0]
        raise Unreadable(
            path,
            line,
            f"invalid JSON: a number with more than {sys.get_int_max_str_digits():,} digits",
            "write it as a string",
        ) from None
    finally:
        _CONTEXT.memo.clear()
    return root, start


def _is_post_list(root: Any) -> bool:
    """A top-level list is posts when some item is an object with a "text" key."""
    return isinstance(root, JArray) and any(
        isinstance(item, JObject) and any(entry[0] == "text" for entry in item.entries)
        for item, _ in root.items
    )


def scan_json(source: SourceFile, problems: Problems) -> list[Post]:
    """Like ``read_json``; a file that is not a post file raises ``NotPosts``."""
    path = source.path
    root, start = _parse(source)
    line_of = LineCursor(source)
    if _is_post_list(root):
        return _posts(source, line_of, root, {}, problems)
    if not isinstance(root, JObject):
        raise NotPosts(
            path, line_of(start), f"expected posts, found {_describe(root)}", _NOT_POSTS_HINT
        )
    keys = {entry[0] for entry in root.entries}
    if "posts" not in keys and "text" not in keys:
        raise NotPosts(
            path, line_of(root.start), 'not a post file: no "posts" and no "text"', _NOT_POSTS_HINT
        )
    if "posts" not in keys:
        fields = index_fields(path, _fields(source, line_of, root), POST_KEYS)
        return [build_post(source, 1, line_of(root.start), fields, fmt="json")]

    entries = []
    for entry in root.entries:
        key, key_pos = entry[0], entry[1]
        if key in ("text", "id"):
            error = InputError(
                path,
                line_of(key_pos),
                f'"{key}" cannot be set for the whole file',
                'set it in each post under "posts"',
            )
        elif key != "posts" and key not in DEFAULT_KEYS:
            hint = did_you_mean(key, (*DEFAULT_KEYS, "posts"))
            error = InputError(path, line_of(key_pos), f'unknown top-level key "{key}"', hint)
        else:
            entries.append(entry)
            continue
        if problems is None:
            raise error
        problems.append(Problem(error))
    index_fields(path, [Field(e[0], None, None, line_of(e[1])) for e in entries], keys)
    root.entries = entries
    defaults = _fields(source, line_of, root, skip="posts")
    default_values = convert_defaults(
        path, index_fields(path, defaults, DEFAULT_KEYS), "json", problems
    )
    _, _, posts_value, posts_pos, _ = next(e for e in root.entries if e[0] == "posts")
    if not isinstance(posts_value, JArray):
        raise InputError(
            path,
            line_of(posts_pos),
            f'"posts" must be a list of posts, not {_describe(posts_value)}',
            'write "posts": [{"text": "..."}, ...]',
        )
    return _posts(source, line_of, posts_value, default_values, problems)


def _posts(
    source: SourceFile,
    line_of: LineCursor,
    items: JArray,
    default_values: dict[str, Any],
    problems: Problems,
) -> list[Post]:
    path = source.path
    posts = []
    for index, (item, item_pos) in enumerate(items.items, 1):
        line = line_of(item_pos)

        def build(item: Any = item, index: int = index, line: int = line) -> Post:
            if not isinstance(item, JObject):
                raise InputError(
                    path,
                    line,
                    f"post {index} is not an object but {_describe(item)}",
                    'write each post as {"text": "..."}',
                )
            fields = index_fields(path, _fields(source, line_of, item), POST_KEYS)
            return build_post(source, index, line, fields, default_values, fmt="json")

        post = attempt(problems, _item_id(item, index), build)
        if post is not None:
            posts.append(post)
    return posts


def _item_id(item: Any, index: int) -> str:
    """The id a bad post is reported under: its "id" when that is a plain value, else its position."""
    if isinstance(item, JObject):
        for key, _, value, _, _ in item.entries:
            if key == "id" and isinstance(value, str | int) and str(value).strip():
                return str(value).strip()
    return str(index)
