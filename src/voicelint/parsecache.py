"""Parsed YAML documents kept on disk as JSON, so that a run reads a pack back instead of parsing it.

An entry holds what ``yamlfile.load_yaml`` returns for one text: the data and the line of every key.
Its key is a digest of the text and of a salt that names voicelint's code and the YAML library, so
an edited pack, an upgrade or another parser is a miss, never a stale answer. Only a document that
parsed without an error is stored, and only when reading the entry back gives the very same data
and lines (same types, same order); a value JSON cannot hold exactly is not stored.

A cache directory may be written by someone else: an entry is JSON, never pickle, and is read back
field by field; anything of another shape is a miss (the text is parsed again and the entry
rewritten), never an error. Entries are written to a temporary file and renamed into place.

The encoding: ``None``, booleans, numbers and strings are themselves; a list is a JSON array; a
mapping is ``{"m": [[key, value], ...]}`` in its order; a date ``{"d": "2026-12-01"}`` and a
date-time ``{"t": "2026-12-01T09:00:00+00:00"}``. The lines are ``[[parent, key, line], ...]`` in
the order ``load_yaml`` records them: entry 0 is the document (parent -1), each other entry's path
is its parent's path plus its key.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import math
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from voicelint.files import write_atomically

FORMAT = 1  # bumped when the layout of an entry changes
SUFFIX = ".parsed"  # not .json: the result cache's entries are the *.json files of the directory
FOLDER = "yaml"


class _NotStored(Exception):
    """A value the encoding cannot hold exactly (a set, bytes, a tuple): the entry is not written."""


class ParseCache:
    """Parsed documents by key under ``directory/yaml``."""

    def __init__(self, directory: Path, salt: str) -> None:
        self.directory = directory
        self.salt = salt

    def key(self, text: str, reader: str) -> str:
        """The key of ``text`` read by ``reader`` (the loader, its version and its limits)."""
        digest = hashlib.sha256(f"parsed {FORMAT}\0{self.salt}\0{reader}\0".encode())
        digest.update(text.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.directory / FOLDER / key[:2] / f"{key}{SUFFIX}"

    def get(self, key: str) -> tuple[Any, dict[tuple[Any, ...], int]] | None:
        """The data and lines stored under ``key``, or None when there are none of the right shape."""
        try:
            entry = json.loads(self._path(key).read_text(encoding="utf-8"))
            if not isinstance(entry, dict) or entry.keys() != {"format", "data", "lines"}:
                return None
            if entry["format"] != FORMAT:
                return None
            return decode(entry["data"]), decode_lines(entry["lines"])
        except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
            return None  # missing, unreadable or malformed: parsed again and rewritten

    def put(self, key: str, data: Any, lines: dict[tuple[Any, ...], int]) -> None:
        """Store a parse; one the encoding cannot hold exactly, or a cache that cannot be
        written, is skipped, never an error."""
        try:
            entry = {"format": FORMAT, "data": encode(data), "lines": encode_lines(lines)}
            text = json.dumps(entry, separators=(",", ":"))
            # held to the parse: the same values of the same types in the same order
            same_data = repr(decode(entry["data"])) == repr(data)
            if not same_data or repr(decode_lines(entry["lines"])) != repr(lines):
                return
        except (_NotStored, ValueError, TypeError, RecursionError):
            return
        store(self.directory, self._path(key), text)


def store(directory: Path, path: Path, text: str) -> None:
    """One entry written whole under a git-ignored cache directory; a write that fails is
    skipped (a cache is an optimisation, never an error)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        ignore_in_git(directory)
        write_atomically(path, [text])
    except OSError:
        pass


def ignore_in_git(directory: Path) -> None:
    """A ``.gitignore`` of ``*`` at the top of the cache, so no entry is ever committed."""
    marker = directory / ".gitignore"
    if not marker.exists():
        marker.write_text("# written by voicelint: the cache is not part of the repository\n*\n")


def encode(value: Any, classes: Mapping[str, type] | None = None) -> Any:
    """A value as JSON data (see the module's docstring); _NotStored for anything else. A tuple
    is ``{"u": [...]}``; an instance of one of ``classes`` (frozen dataclasses, by name)
    ``{"c": name, "f": {field: value, ...}}``."""
    kind = type(value)
    if value is None or kind is bool or kind is int or kind is str:
        return value
    if kind is float:
        if not math.isfinite(value):
            raise _NotStored("not a finite number")  # JSON has no NaN or infinity
        return value
    if kind is list:
        return [encode(item, classes) for item in value]
    if kind is dict:
        return {"m": [[encode(k, classes), encode(v, classes)] for k, v in value.items()]}
    if kind is tuple:
        return {"u": [encode(item, classes) for item in value]}
    if kind is dt.datetime:
        return {"t": value.isoformat()}
    if kind is dt.date:
        return {"d": value.isoformat()}
    if classes is not None and classes.get(kind.__name__) is kind:
        fields = {f.name: encode(getattr(value, f.name), classes) for f in dataclasses.fields(kind)}
        return {"c": kind.__name__, "f": fields}
    raise _NotStored(kind.__name__)


def decode(value: Any, classes: Mapping[str, type] | None = None) -> Any:
    """The value ``encode`` was given; ValueError or TypeError for any other shape (an instance
    must have exactly its class's fields)."""
    kind = type(value)
    if value is None or kind is bool or kind is int or kind is str:
        return value
    if kind is float:
        if not math.isfinite(value):
            raise ValueError("not a finite number")
        return value
    if kind is list:
        return [decode(item, classes) for item in value]
    if kind is not dict or len(value) not in (1, 2):
        raise ValueError("not an encoded value")
    if len(value) == 2:
        if classes is None or value.keys() != {"c", "f"} or type(value["f"]) is not dict:
            raise ValueError("not an encoded value")
        cls = classes.get(value["c"]) if type(value["c"]) is str else None
        if cls is None:
            raise ValueError("not a known class")
        names = [f.name for f in dataclasses.fields(cls)]
        if list(value["f"]) != names:
            raise ValueError(f"not the fields of {cls.__name__}")
        return cls(**{name: decode(item, classes) for name, item in value["f"].items()})
    ((tag, inner),) = value.items()
    if tag == "m" and type(inner) is list:
        mapping: dict[Any, Any] = {}
        for pair in inner:
            if type(pair) is not list or len(pair) != 2:
                raise ValueError("not a key and a value")
            key = decode(pair[0], classes)
            if key in mapping:
                raise ValueError("a key twice")
            mapping[key] = decode(pair[1], classes)
        return mapping
    if tag == "u" and type(inner) is list:
        return tuple(decode(item, classes) for item in inner)
    if tag == "t" and type(inner) is str:
        return dt.datetime.fromisoformat(inner)
    if tag == "d" and type(inner) is str:
        return dt.date.fromisoformat(inner)
    raise ValueError("not an encoded value")


def encode_lines(lines: dict[tuple[Any, ...], int]) -> list[list[Any]]:
    """The lines as ``[parent, key, line]`` entries (see the module's docstring)."""
    index: dict[tuple[Any, ...], int] = {}
    rows: list[list[Any]] = []
    for path, line in lines.items():
        if type(line) is not int:
            raise _NotStored("a line that is not a number")
        if path:
            parent = index.get(path[:-1])
            if parent is None:
                raise _NotStored("a path whose parent has no line")
            rows.append([parent, encode(path[-1]), line])
        else:
            rows.append([-1, None, line])
        index[path] = len(rows) - 1
    return rows


def decode_lines(rows: Any) -> dict[tuple[Any, ...], int]:
    """The lines ``encode_lines`` was given; ValueError or TypeError for any other shape."""
    if type(rows) is not list:
        raise ValueError("not a list of lines")
    paths: list[tuple[Any, ...]] = []
    lines: dict[tuple[Any, ...], int] = {}
    for row in rows:
        if type(row) is not list or len(row) != 3:
            raise ValueError("not a line entry")
        parent, key, line = row
        if type(parent) is not int or type(line) is not int or not -1 <= parent < len(paths):
            raise ValueError("not a line entry")
        path = () if parent < 0 else (*paths[parent], decode(key))
        paths.append(path)
        lines[path] = line
    return lines
