"""Loaded policies kept on disk as JSON, so that a re-run reads a policy back instead of building it.

Building a policy that extends every pack means reading and validating every rule of 18 packs and
importing every kind to check their parameters; a run whose posts are all in the result cache
needs none of that, only the policy's rules and settings (for the calendar check and the report).
An entry holds one policy as ``load_policy`` gave it, and the files that load read (the policy, its
packs, the word lists, and every other pack file the process had read, which the loader does not
read twice), each with its resolved path and a digest of its content.

The key is a digest of voicelint's code and libraries (the salt), the policy file's path (as given,
absolute and resolved), how it is named in messages, the client it must be for, and its content. An
entry is used only while every file it lists still has the content it had (read and hashed, never
parsed, and never trusted by its modification time); any other answer, or an entry that cannot be
read or has another shape, is a miss: the policy is loaded as usual and the entry rewritten.

Only a policy that loaded without an error is stored, and only when reading the entry back gives an
equal policy (the same ``repr``, hence the same result-cache key). Entries are JSON (never pickle: a
cache directory may be written by someone else), checked class by class and field by field; an
entry forged with the right shape can still change the rules, as a forged result can hide findings
(see ``voicelint.cache`` on where the cache may live).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from voicelint.files import inputs_read, note_input
from voicelint.packs import AddedEntry, Example, RuleSpec, loaded_pack_files
from voicelint.parsecache import _NotStored, decode, encode, store
from voicelint.policy import Blackout, Policy, PolicyExample

FORMAT = 1
FOLDER = "policies"
SUFFIX = ".policy"  # not .json: the result cache's entries are the *.json files of the directory
CLASSES: dict[str, type] = {
    cls.__name__: cls for cls in (Policy, RuleSpec, Example, AddedEntry, Blackout, PolicyExample)
}
_TEXT = (str,)
_MAYBE_TEXT = (str, type(None))
_MAYBE_LINE = (int, type(None))
# the type of each field of each class stored: an entry of another shape is a miss
FIELD_TYPES: dict[type, dict[str, tuple[type, ...]]] = {
    Policy: {
        "client": _MAYBE_TEXT,
        "name": _TEXT,
        "path": _MAYBE_TEXT,
        "packs": (tuple,),
        "rules": (tuple,),
        "settings": (dict,),
        "approved_claims": (tuple,),
        "entry_settings": (dict,),
    },
    RuleSpec: {
        **dict.fromkeys(
            ("id", "kind", "category", "severity", "summary", "why", "message", "pack"), _TEXT
        ),
        "origin": _TEXT,
        "line": _MAYBE_LINE,
        "params": (dict,),
        "fire": (tuple,),
        "passes": (tuple,),
        "example_policy": (dict,),
        "negation": _TEXT,
        "spared_by": (tuple,),
        "qualifiers": (tuple,),
        "when": (tuple,),
        "unless": (tuple,),
        "added": (tuple,),
    },
    Example: {
        "text": _TEXT,
        "platform": _MAYBE_TEXT,
        "kind": _TEXT,
        "in_reply_to": _MAYBE_TEXT,
        "sponsored": (bool,),
    },
    AddedEntry: {"name": _TEXT, "words": (tuple,), "message": _MAYBE_TEXT},
    Blackout: {
        "start": (dt.date,),
        "end": (dt.date,),
        "reason": _TEXT,
        "applies_to": _TEXT,
        "line": _MAYBE_LINE,
    },
    PolicyExample: {"example": (Example,), "rule": _MAYBE_TEXT, "line": _MAYBE_LINE},
}
# what the tuples of a policy and of a rule hold
ITEM_TYPES: dict[tuple[type, str], type] = {
    (Policy, "packs"): str,
    (Policy, "rules"): RuleSpec,
    (Policy, "approved_claims"): str,
    (RuleSpec, "fire"): Example,
    (RuleSpec, "passes"): Example,
    (RuleSpec, "spared_by"): str,
    (RuleSpec, "qualifiers"): str,
    (RuleSpec, "added"): AddedEntry,
    (AddedEntry, "words"): str,
}


class PolicyCache:
    """Loaded policies by key under ``directory/policies``."""

    def __init__(self, directory: Path, salt: str) -> None:
        self.directory = directory
        self.salt = salt

    def load(
        self,
        path: Path | None,
        display: str,
        expected_client: str | None,
        load: Callable[[], Policy],
    ) -> Policy:
        """The policy ``load`` gives for ``path`` (None: the default policy, core checks only),
        from the cache when no file it read has changed."""
        try:
            content = path.read_bytes() if path is not None else b""
        except OSError:
            return load()  # the loader says what is wrong with the file
        digest = hashlib.sha256(f"policy {FORMAT}\0{self.salt}\0".encode())
        where = (str(path), os.path.abspath(path), os.path.realpath(path)) if path else ("-",) * 3
        for part in (*where, display):
            digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
        digest.update(f"{expected_client!r}\0".encode("utf-8", "surrogatepass"))
        digest.update(content)
        key = digest.hexdigest()
        found = self._get(key)
        if found is not None:
            return found
        before = inputs_read()
        policy = load()
        # What the load read: the files it noted, and every pack file this process has read (a
        # pack read for an earlier policy is not read again, see packs.load_pack).
        read = {*(inputs_read() - before), *loaded_pack_files()}
        if path is not None:
            read.add(os.path.abspath(path))
        self._put(key, policy, sorted(read))
        return policy

    def _path(self, key: str) -> Path:
        return self.directory / FOLDER / key[:2] / f"{key}{SUFFIX}"

    def _get(self, key: str) -> Policy | None:
        try:
            entry = json.loads(self._path(key).read_text(encoding="utf-8"))
            if not isinstance(entry, dict) or entry.keys() != {"format", "files", "policy"}:
                return None
            if entry["format"] != FORMAT or not isinstance(entry["files"], list):
                return None
            files = [_unchanged(item) for item in entry["files"]]
            if not all(files):
                return None
            policy = decode(entry["policy"], CLASSES)
            _check(policy)
        except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
            return None  # missing, unreadable, malformed or out of date: loaded again
        for file in files:
            note_input(file)  # as the loader would: no report may replace a file it read
        return policy

    def _put(self, key: str, policy: Policy, read: list[str]) -> None:
        """Store a policy with the files it was read from; a policy the encoding cannot hold
        exactly, a file gone since, or a cache that cannot be written: nothing is stored."""
        try:
            encoded = encode(policy, CLASSES)
            if repr(decode(encoded, CLASSES)) != repr(policy):
                return
            files = [_fingerprint(name) for name in read]
        except (_NotStored, OSError, ValueError, TypeError, RecursionError):
            return
        text = json.dumps({"format": FORMAT, "files": files, "policy": encoded})
        store(self.directory, self._path(key), text)


def _fingerprint(name: str) -> list[str]:
    return [name, os.path.realpath(name), hashlib.sha256(Path(name).read_bytes()).hexdigest()]


def _unchanged(item: Any) -> str | None:
    """The file an entry lists, if it still resolves to the same file with the same content."""
    if not isinstance(item, list) or len(item) != 3 or not all(isinstance(i, str) for i in item):
        raise ValueError("not a file of an entry")
    try:
        same = _fingerprint(item[0]) == item
    except OSError:
        return None
    return item[0] if same else None


def _check(value: Any) -> None:
    """Every stored object has fields of the types the loader gives them; ValueError if not."""
    fields = FIELD_TYPES.get(type(value))
    if fields is None:
        raise ValueError("not a policy")
    for name, types in fields.items():
        item = getattr(value, name)
        if not isinstance(item, types) or (isinstance(item, bool) and bool not in types):
            raise ValueError(f"{type(value).__name__}.{name} has the wrong type")
        inner = ITEM_TYPES.get((type(value), name))
        if inner is not None and not all(type(element) is inner for element in item):
            raise ValueError(f"{type(value).__name__}.{name} holds the wrong type")
        if inner in FIELD_TYPES:
            for element in item:
                _check(element)
        elif type(item) in FIELD_TYPES:
            _check(item)
    if isinstance(value, Policy):
        calendar = value.settings.get("calendar") or {}
        examples = value.settings.get("examples") or {}
        if not isinstance(calendar, dict) or not isinstance(examples, dict):
            raise ValueError("settings of the wrong shape")
        for item in [*calendar.get("blackout", ()), *(e for v in examples.values() for e in v)]:
            _check(item)
