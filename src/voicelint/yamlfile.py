"""Load a configuration YAML file (policy, pack, config) safely, remembering the line of every key.

Parsing YAML with the line of every key is the larger part of loading a policy that extends every
pack (PyYAML builds a node per scalar, then the data). A run that caches (``parses_cached``) keeps
each document it parsed as JSON under the cache directory, keyed by a digest of its text and of
voicelint's code, and reads it back instead of parsing again (``voicelint.parsecache``).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import yaml

from voicelint import parsecache
from voicelint.errors import PolicyError, VoicelintError, did_you_mean
from voicelint.files import note_input

MAX_CONFIG_BYTES = 5 * 1024 * 1024

# Path of keys and list indexes inside the document -> 1-based line.
Lines = dict[tuple[Any, ...], int]

# libyaml's parser when PyYAML was built with it (its wheels are): the same safe loader, in C.
SAFE_LOADER: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_config_text(path: Path, display: str, error: type[VoicelintError] = PolicyError) -> str:
    """A configuration file's text, refusing missing, binary, huge and non-UTF-8 files."""
    note_input(path)  # never to be overwritten by a report
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise error(display, None, "no such file", "check the path") from None
    except IsADirectoryError:
        raise error(display, None, "is a directory, not a file", "name a .yaml file") from None
    except OSError as exc:
        raise error(
            display, None, f"cannot read the file: {exc.strerror}", "check its permissions"
        ) from None
    if len(raw) > MAX_CONFIG_BYTES:
        raise error(display, None, "file too large for a policy", "keep policies under 5 MiB")
    if b"\x00" in raw[:8192]:
        raise error(display, None, "binary file, not YAML", "name a policy .yaml file")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise error(display, line, "not valid UTF-8", "save the file as UTF-8") from None


# Where parsed documents are kept while a run caches (``parses_cached``); None: parse every time.
_parsed: parsecache.ParseCache | None = None


@contextlib.contextmanager
def parses_cached(directory: Path | None, salt: str) -> Iterator[None]:
    """Within the block, keep parsed documents under ``directory`` and read them back; ``salt``
    (a digest of voicelint's code and libraries) is part of every key. None: no cache."""
    global _parsed
    before = _parsed
    _parsed = parsecache.ParseCache(directory, salt) if directory is not None else None
    try:
        yield
    finally:
        _parsed = before


# What to do about a word YAML read as a boolean ("allowed_caps: [FDA, ON]" holds ``True``): one
# hint for policies, packs and word lists alike.
QUOTE_WORDS = (
    'YAML reads an unquoted yes, no, on or off as true or false: put such a word in quotes ("ON")'
)


def load_yaml(
    text: str,
    display: str,
    error: type[VoicelintError] = PolicyError,
    aliases: bool = False,
) -> tuple[Any, Lines]:
    """Parse one YAML document with the safe loader; returns the data and the line of each key.

    Aliases are refused unless ``aliases`` (eval corpora, often written by ``yaml.dump``), and
    then only while the document, every alias expanded, stays under MAX_NODES nodes. Only a
    document that parsed without an error is cached, so a cached one passed every check.
    """
    cache = _parsed
    if cache is None:
        return _parse(text, display, error, aliases)
    reader = f"{SAFE_LOADER.__name__} {yaml.__version__} {aliases} {MAX_DEPTH} {MAX_NODES}"
    key = cache.key(text, reader)
    found = cache.get(key)
    if found is not None:
        return found
    data, lines = _parse(text, display, error, aliases)
    cache.put(key, data, lines)
    return data, lines


def _parse(
    text: str, display: str, error: type[VoicelintError], aliases: bool
) -> tuple[Any, Lines]:
    _check_structure(text, display, error, aliases)
    loader = SAFE_LOADER(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, {}
        data = loader.construct_document(node)
    except yaml.constructor.ConstructorError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = (exc.problem or "").split(";")[0]
        if "tag" in problem:
            raise error(
                display,
                line,
                f"YAML {problem} is not allowed",
                "policies hold plain data; remove the tag",
            ) from None
        raise error(display, line, f"invalid YAML: {problem}", "fix the syntax") from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise error(
            display,
            line,
            f"invalid YAML: {exc.problem or exc.context}",
            "fix the syntax at that line",
        ) from None
    except yaml.YAMLError as exc:
        raise error(display, None, f"invalid YAML: {exc}", "fix the syntax") from None
    finally:
        loader.dispose()
    lines: Lines = {}
    _record_lines(node, data, (), lines, display, error)
    return data, lines


# Deeper than any policy or pack needs; far below what libyaml's recursive composer survives.
MAX_DEPTH = 64
# Nodes of a document with every alias expanded: a large eval corpus has a few thousand.
MAX_NODES = 200_000


def _check_structure(
    text: str, display: str, error: type[VoicelintError], aliases: bool = False
) -> None:
    """Refuse aliases (or, with ``aliases``, a document that expands past MAX_NODES), and a
    document nested deeper than MAX_DEPTH, reading its events: they never recurse and never
    expand an alias, so a YAML bomb is measured without being built.

    Policies, packs and the configuration are plain data written by hand (STYLE.md: no anchors
    or merge keys), so there an alias is refused outright: nine levels of nine aliases expand to
    9^7 nodes, and no count of aliases tells a bomb from a harmless reuse.
    """
    depth = 0
    sizes: dict[str, int] = {}  # anchor -> nodes of the anchored value, expanded
    open_sizes: list[list[Any]] = []  # [nodes so far, anchor] of each collection being read
    try:
        for event in yaml.parse(text, Loader=SAFE_LOADER):
            if isinstance(event, yaml.AliasEvent) and not aliases:
                raise error(
                    display,
                    event.start_mark.line + 1,
                    "YAML aliases (*name) are not allowed here",
                    "write the value out in full; policies, packs and the configuration"
                    " hold plain data",
                )
            size = 0
            if isinstance(event, yaml.AliasEvent):
                size = sizes.get(event.anchor or "", 1)
            elif isinstance(event, yaml.ScalarEvent):
                size = 1
                if event.anchor:
                    sizes[event.anchor] = 1
            elif isinstance(event, yaml.CollectionStartEvent):
                open_sizes.append([1, event.anchor])
            elif isinstance(event, yaml.CollectionEndEvent) and open_sizes:
                size, anchor = open_sizes.pop()
                if anchor:
                    sizes[anchor] = size
            if size and open_sizes:
                open_sizes[-1][0] += size
                if open_sizes[-1][0] > MAX_NODES:
                    raise error(
                        display,
                        event.start_mark.line + 1,
                        f"YAML aliases expand to more than {MAX_NODES:,} nodes",
                        "write the values out instead of repeating aliases of aliases",
                    )
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    raise error(
                        display,
                        event.start_mark.line + 1,
                        f"YAML nested more than {MAX_DEPTH} levels deep",
                        "flatten the structure",
                    )
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.MarkedYAMLError as exc:
        # libyaml 0.2.6+ (PyYAML 6.0.3+) refuses deep flow nesting in its scanner, in its own
        # words; the user sees ours whichever parser answers first
        if "nest" in f"{exc.problem} {exc.context}":
            mark = exc.problem_mark or exc.context_mark
            raise error(
                display,
                mark.line + 1 if mark else None,
                f"YAML nested more than {MAX_DEPTH} levels deep",
                "flatten the structure",
            ) from None
        return  # the loader reports the syntax error with its place
    except yaml.YAMLError:
        return


def _record_lines(
    node: Any,
    data: Any,
    path: tuple[Any, ...],
    lines: Lines,
    display: str,
    error: type[VoicelintError],
) -> None:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode) and isinstance(data, dict):
        seen: set[Any] = set()
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                continue
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            key = _find_key(data, key)
            if key in seen:
                raise error(
                    display,
                    key_node.start_mark.line + 1,
                    f'duplicate key "{key}"',
                    "keep one of them",
                )
            seen.add(key)
            if key in data:
                lines[(*path, key)] = key_node.start_mark.line + 1
                _record_lines(value_node, data[key], (*path, key), lines, display, error)
    elif isinstance(node, yaml.SequenceNode) and isinstance(data, list):
        for index, (item_node, item) in enumerate(zip(node.value, data, strict=False)):
            _record_lines(item_node, item, (*path, index), lines, display, error)


def _find_key(data: dict[Any, Any], raw: str | None) -> Any:
    """The constructed key for a scalar key node (YAML may turn '1' into 1 or 'yes' into True)."""
    if raw is None or raw in data:
        return raw
    for key in data:
        if str(key).lower() == raw.lower():
            return key
    return raw


def line_of(lines: Lines, *path: Any) -> int | None:
    """The line of the deepest known prefix of a key path."""
    for end in range(len(path), -1, -1):
        if path[:end] in lines:
            return lines[path[:end]]
    return None


def reject_unknown(
    key: Any,
    allowed: Iterable[str],
    display: str,
    line: int | None,
    what: str = "key",
    error: type[VoicelintError] = PolicyError,
) -> None:
    """An unknown key is an error that names its line and the nearest valid name."""
    if key not in allowed:
        raise error(display, line, f'unknown {what} "{key}"', did_you_mean(str(key), allowed))
