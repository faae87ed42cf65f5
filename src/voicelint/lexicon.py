"""The one loader of the shipped lexicons (``src/voicelint/lexicons/**.yaml``).

Every lexicon is read the way policies and packs are (``yamlfile.load_yaml``): safe loader, no
aliases, no tags, a duplicate key rejected with its line (one had hidden a rule's patterns). On
top of that, a list item must not be what YAML makes of an unquoted ``no``, ``on``, ``null`` or
``2024-01-01`` (a boolean, nothing, a date): that silently drops a word from matching, so such an
item is an error naming its place. Numbers stay numbers (platform limits). A caller may name the top-level
keys its lexicon may hold; any other key is an error with the nearest valid name, so a misspelt
section cannot be ignored. Errors are ``PolicyError`` (exit 2, one line): a broken lexicon is a
broken install, never a silent pass.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

from voicelint.data import builtin_lists
from voicelint.errors import PolicyError
from voicelint.yamlfile import QUOTE_WORDS, line_of, load_yaml, read_config_text, reject_unknown

LEXICONS = Path(__file__).resolve().parent / "lexicons"


@cache
def load(name: str, keys: Iterable[str] | None = None) -> Any:
    """The lexicon ``lexicons/<name>.yaml`` (``name`` may hold a folder: ``claims/outcomes``).

    ``keys``, when given, are the only top-level keys the lexicon may hold (pass a tuple: the
    result is cached per argument)."""
    path = LEXICONS / f"{name}.yaml"
    display = f"lexicons/{name}.yaml"
    if not path.is_file():
        known = ", ".join(
            sorted(str(p.relative_to(LEXICONS).with_suffix("")) for p in LEXICONS.rglob("*.yaml"))
        )
        raise PolicyError(display, None, f'no shipped lexicon "{name}"', f"shipped: {known}")
    data, lines = load_yaml(path.read_text(encoding="utf-8"), display)
    if keys is not None and isinstance(data, dict):
        allowed = tuple(keys)
        for key in data:
            reject_unknown(key, allowed, display, line_of(lines, key), "lexicon section")
    for where, item in _list_items(data, ()):
        if item is None or isinstance(item, bool | datetime.date):
            raise PolicyError(
                display,
                line_of(lines, *where),
                f"{'.'.join(map(str, where))} holds {item!r}, which YAML did not read as a word",
                "quote it",
            )
    return data


def _list_items(value: Any, path: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...], Any]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _list_items(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, dict | list):
                yield from _list_items(item, (*path, index))
            else:
                yield (*path, index), item


@cache
def word_lists() -> dict[str, tuple[Any, ...]]:
    """Every named list in rules/lists/*.yaml, by name: words, or token patterns."""
    lists: dict[str, tuple[Any, ...]] = {}
    for path in builtin_lists().values():
        data, _ = load_yaml(read_config_text(path, str(path)), str(path))
        for name, items in (data or {}).items():
            if any(isinstance(i, bool) or i is None for i in items):
                raise PolicyError(
                    str(path),
                    None,
                    f"list {name} has an item YAML read as true, false or null",
                    QUOTE_WORDS,
                )
            lists[name] = tuple(str(i) if isinstance(i, int | float) else i for i in items)

    # A list may name another ("$diseases" inside condition_phrases): resolve, refusing cycles.
    def resolve(name: str, seen: tuple[str, ...]) -> tuple[Any, ...]:
        out: list[Any] = []
        for item in lists[name]:
            if (
                isinstance(item, str)
                and item.startswith("$")
                and item[1:] in lists
                and item[1:] not in seen
            ):
                out.extend(resolve(item[1:], (*seen, item[1:])))
            else:
                out.append(item)
        return tuple(out)

    return {name: resolve(name, (name,)) for name in lists}
