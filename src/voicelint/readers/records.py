"""Validate a post's raw fields, whatever the file format, and build the ``Post``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from voicelint.errors import InputError, did_you_mean, nearest
from voicelint.model import KINDS, PLATFORM_ALIASES, PLATFORMS, POST_KEYS, Post, SourceFile, TextMap
from voicelint.readers.maps import LazyTextMap
from voicelint.readers.problems import Problems, attempt

DEFAULT_KEYS = tuple(key for key in POST_KEYS if key not in ("text", "id"))
FREE_TEXT_KEYS = ("client", "in_reply_to", "author", "campaign")
_PLATFORM_NAMES = {name: name for name in PLATFORMS} | dict(PLATFORM_ALIASES)
_VALID_PLATFORMS = ", ".join(
    name + "".join(f" (or {alias})" for alias, to in PLATFORM_ALIASES.items() if to == name)
    for name in PLATFORMS
)
_CSV_BOOLEANS = {"true": True, "yes": True, "1": True, "false": False, "no": False, "0": False}


@dataclass(slots=True)
class Field:
    """One ``key: value`` as read from a file, before validation.

    ``raw`` is the value as written when the format has a textual form for it (a YAML scalar),
    so that ``id: 007`` stays "007". ``text_map`` builds the source map of a string value; only
    the ``text`` field needs one, so it is built on demand.
    """

    key: str
    value: Any
    line: int | None
    key_line: int | None = None
    raw: str | None = None
    text_map: Callable[[], TextMap] | None = None


def describe(value: Any) -> str:
    """A short name for a value's type, as a user who wrote it would call it."""
    if value is None:
        return "empty (null)"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, dt.date):
        return "a date"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, bytes):
        return "binary data"
    return f"a {type(value).__name__}"


def _shown(field: Field) -> str:
    if field.raw is not None:
        return field.raw
    if isinstance(field.value, bool):
        return "true" if field.value else "false"
    return str(field.value)


def index_fields(
    path: str,
    fields: Iterable[Field],
    allowed: Iterable[str],
    *,
    what: str = "key",
    line: int | None = None,
) -> dict[str, Field]:
    """Fields by key, refusing unknown and repeated keys."""
    allowed = tuple(allowed)
    result: dict[str, Field] = {}
    for field in fields:
        where = field.key_line or field.line or line
        if field.key not in allowed:
            raise InputError(
                path, where, f'unknown {what} "{field.key}"', did_you_mean(field.key, allowed)
            )
        if field.key in result:
            first = result[field.key].key_line or result[field.key].line
            hint = f"it is already set on line {first}; keep one" if first else "keep one"
            raise InputError(path, where, f'duplicate {what} "{field.key}"', hint)
        result[field.key] = field
    return result


def _free_text(path: str, field: Field) -> str | None:
    value = field.value
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, dict | list | tuple | bytes):
        raise InputError(
            path,
            field.line,
            f'"{field.key}" must be a string, not {describe(value)}',
            "write a single value",
        )
    return _shown(field)


def _platform(path: str, field: Field) -> str | None:
    name = _free_text(path, field)
    if name is None or not name.strip():
        return None
    key = name.strip().lower()
    if key in _PLATFORM_NAMES:
        return _PLATFORM_NAMES[key]
    close = nearest(key, _PLATFORM_NAMES)
    hint = f'did you mean "{close}"?' if close else "use one of the valid platforms"
    raise InputError(
        path, field.line, f'unknown platform "{name}"; valid: {_VALID_PLATFORMS}', hint
    )


def _kind(path: str, field: Field) -> str:
    name = _free_text(path, field)
    if name is None or not name.strip():
        return "post"
    key = name.strip().lower()
    if key in KINDS:
        return key
    close = nearest(key, KINDS)
    hint = f'did you mean "{close}"?' if close else 'use "post" or "reply"'
    raise InputError(path, field.line, f'unknown kind "{name}"; valid: {", ".join(KINDS)}', hint)


def _sponsored(path: str, field: Field, fmt: str) -> bool:
    value = field.value
    if value is None:
        return False
    if isinstance(value, bool):
        return value
    if fmt == "csv" and isinstance(value, str):
        flag = _CSV_BOOLEANS.get(value.strip().lower())
        if flag is not None:
            return flag
        raise InputError(
            path,
            field.line,
            f'sponsored must be true or false, not "{value}"',
            "use true/false, yes/no or 1/0",
        )
    raise InputError(
        path,
        field.line,
        f'sponsored must be true or false, not "{_shown(field)}"',
        "write sponsored: true or sponsored: false",
    )


def _publish_at(path: str, field: Field) -> str | None:
    value = field.value
    if value is None:
        return None
    if isinstance(value, dt.date):  # datetime is a date too
        return value.isoformat()
    if isinstance(value, str):
        written = value.strip()
        if not written:
            return None
        candidate = written[:-1] + "+00:00" if written[-1:] in "zZ" else written
        try:
            dt.datetime.fromisoformat(candidate)
        except ValueError:
            pass
        else:
            return written
    raise InputError(
        path,
        field.line,
        f'publish_at is not an ISO 8601 date-time: "{_shown(field)}"',
        "write it like 2025-03-01T09:30:00+01:00",
    )


def _post_id(path: str, field: Field | None, index: int) -> str:
    if field is None:
        return str(index)
    value = _free_text(path, field)
    if value is None or not value.strip():
        return str(index)
    return value.strip()


def _text(path: str, field: Field | None, line: int, fmt: str) -> tuple[str, TextMap]:
    if field is None:
        hint = 'fill in its "text" cell' if fmt == "csv" else "add the draft under a text key"
        raise InputError(path, line, 'post has no "text"', hint)
    value = field.value
    if value is None:
        raise InputError(
            path, field.line, 'post has an empty "text"', 'write the draft after "text:"'
        )
    if not isinstance(value, str):
        quoted = f'"text": "{_shown(field)}"' if fmt == "json" else f'text: "{_shown(field)}"'
        raise InputError(
            path,
            field.line,
            f"text must be a string, not {describe(value)}",
            f"quote it: {quoted}",
        )
    text_map = LazyTextMap(field.text_map) if field.text_map else TextMap.identity(0)
    return value, text_map


def convert_defaults(
    path: str, fields: dict[str, Field], fmt: str, problems: Problems = None
) -> dict[str, Any]:
    """Validate file-level defaults; the result is keyword arguments for ``Post``.

    With ``problems``, a bad default is recorded there and left out; the posts are still read.
    """
    values: dict[str, Any] = {}
    for key, field in fields.items():
        converted = attempt(
            problems, "", lambda key=key, field=field: _convert(path, {key: field}, fmt)
        )
        values.update(converted or {})
    return values


def _convert(path: str, fields: dict[str, Field], fmt: str) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for key, field in fields.items():
        if key in FREE_TEXT_KEYS:
            value = _free_text(path, field)
            if value is not None and key != "in_reply_to":
                value = value.strip()
            values[key] = value if value and value.strip() else None
        elif key == "platform":
            values[key] = _platform(path, field)
        elif key == "kind":
            values[key] = _kind(path, field)
        elif key == "sponsored":
            values[key] = _sponsored(path, field, fmt)
        elif key == "publish_at":
            values[key] = _publish_at(path, field)
        elif key == "voicelint":
            values["suppressions"] = field.value
    return values


def build_post(
    source: SourceFile,
    index: int,
    line: int,
    fields: dict[str, Field],
    defaults: dict[str, Any] | None = None,
    fmt: str = "yaml",
) -> Post:
    """Validate one post's fields (already checked for unknown and repeated keys)."""
    path = source.path
    post_id = _post_id(path, fields.get("id"), index)
    values = dict(defaults) if defaults else {}
    values.update(_convert(path, {k: f for k, f in fields.items() if k not in ("id", "text")}, fmt))
    text, text_map = _text(path, fields.get("text"), line, fmt)
    return Post(
        source=source,
        index=index,
        id=post_id,
        text=text,
        text_map=text_map,
        line=line,
        **values,
    )
