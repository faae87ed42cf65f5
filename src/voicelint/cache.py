"""Findings of unchanged post files, kept on disk so a re-run answers without parsing anything.

An entry holds the results of one post file. Its key is a digest of everything the results depend
on: voicelint's own code and data (so an upgrade, a pack or a lexicon edit misses), the versions of
Python and of the libraries that shape a finding (spaCy, lemminflect, emoji, PyYAML), the file's
resolved path and content, the policy of each post (its rules, settings and packs as loaded), and
the date when a post's exceptions can expire. A changed policy or pack gives another key, never a
stale answer.

The cache lives in the user's cache directory, outside any work tree: entries committed to a
repository could be forged to hide findings from CI, so a directory git tracks is not used.
Entries are JSON, written to a temporary file and renamed into place, so a crash or a concurrent
run never leaves a half-written entry to be read; an entry that cannot be read, or does not have
exactly the shape voicelint writes, is a miss.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import os
import subprocess
import sys
from collections.abc import Sequence
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

from voicelint import __version__
from voicelint.data import data_dir
from voicelint.files import write_atomically
from voicelint.model import SEVERITY_RANK, Finding
from voicelint.results import PostResult, Suppression

ENV_DIR = "VOICELINT_CACHE_DIR"
FORMAT = 2  # bumped when the layout of an entry changes
# The libraries whose upgrade can change a finding (tokens, lemmas, emoji, how YAML reads).
LIBRARIES = ("spacy", "lemminflect", "emoji", "PyYAML")


def default_directory() -> Path:
    """``voicelint`` in the user's cache directory: $XDG_CACHE_HOME, else ~/.cache (the XDG base
    directory rule; a relative $XDG_CACHE_HOME is ignored, as the specification says)."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):
        base = os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "voicelint"


def tracked_by_git(directory: Path) -> bool:
    """Whether git tracks any file under ``directory`` (False when it is no work tree, or git is
    missing)."""
    if not directory.is_dir():
        return False
    try:
        done = subprocess.run(
            # safe.directory: a checkout owned by another user (CI running as root) still answers
            ["git", "-c", "safe.directory=*", "-C", str(directory), "ls-files", "-z", "--", "."],
            capture_output=True,
            timeout=30,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0 and bool(done.stdout)


@cache
def code_digest() -> str:
    """voicelint's version, code, lexicons, built-in packs and data (the word table, the learned
    classifier: ``.gz``), as one digest."""
    digest = hashlib.sha256(f"voicelint {__version__} cache {FORMAT}".encode())
    digest.update(f"\0python {sys.implementation.name} {sys.version}".encode())
    for library in LIBRARIES:
        digest.update(f"\0{library} {_version(library)}".encode())
    package = Path(__file__).resolve().parent
    roots = [package, data_dir("rules"), data_dir("policies")]
    for root in dict.fromkeys(roots):
        for path in sorted(root.rglob("*")):
            if path.suffix in (".py", ".yaml", ".yml", ".gz") and path.is_file():
                digest.update(str(path.relative_to(root)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def _version(library: str) -> str:
    try:
        return metadata.version(library)
    except metadata.PackageNotFoundError:
        return "-"


def policy_digest(policy: Any) -> str:
    """A digest of a loaded policy: every rule with its parameters, and every setting."""
    return hashlib.sha256(repr(policy).encode()).hexdigest()


def file_key(path: str, content: str, policy_digests: Sequence[str], today: dt.date | None) -> str:
    """The key of a file's results; ``data/week.yaml`` and its absolute path share it."""
    digest = hashlib.sha256(code_digest().encode())
    where = path if path.startswith("<") else os.path.realpath(path)
    for part in (where, content, *policy_digests, today.isoformat() if today else "-"):
        digest.update(b"\0" + part.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


class ResultCache:
    """Post results by key, one JSON file per post file, under ``directory``."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def get(
        self, key: str, path: str | None = None, posts: int | None = None
    ) -> list[PostResult] | None:
        """The results stored under ``key``, placed in ``path`` as this run names the file, or
        None when there are none of the expected shape (``posts`` results)."""
        try:
            data = json.loads(self._path(key).read_text(encoding="utf-8"))
            results = data["results"]
            if not isinstance(results, list) or (posts is not None and len(results) != posts):
                return None
            return [_result_from(entry, path) for entry in results]
        except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
            return None  # missing, unreadable or malformed: linted again and rewritten

    def put(self, key: str, results: Sequence[PostResult]) -> None:
        """Store the results; a cache that cannot be written is skipped, never an error."""
        path = self._path(key)
        # ASCII: a lone surrogate (a file name that is not UTF-8) is kept as an escape
        text = json.dumps({"results": [_result_to(r) for r in results]})
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._ignore_in_git()
            write_atomically(path, [text])
        except OSError:
            pass

    def _ignore_in_git(self) -> None:
        marker = self.directory / ".gitignore"
        if not marker.exists():
            marker.write_text(
                "# written by voicelint: the cache is not part of the repository\n*\n"
            )


def _result_to(result: PostResult) -> dict[str, Any]:
    return {
        "findings": [dataclasses.asdict(f) for f in result.findings],
        "suppressed": [
            {
                **{f.name: getattr(s, f.name) for f in dataclasses.fields(s)},
                "expires": s.expires.isoformat() if s.expires else None,
                "finding": dataclasses.asdict(s.finding) if s.finding else None,
            }
            for s in result.suppressed
        ],
    }


def _result_from(data: Any, path: str | None) -> PostResult:
    """A stored result, checked field by field; ValueError (or TypeError) for any other shape."""
    _expect(data, {"findings": list, "suppressed": list})
    suppressed = []
    for entry in data["suppressed"]:
        _expect(entry, _SUPPRESSION_FIELDS)
        expires = entry["expires"]
        finding = entry["finding"]
        values = {**entry}
        if path is not None:
            values["path"] = path
        values["expires"] = dt.date.fromisoformat(expires) if expires is not None else None
        values["finding"] = _finding_from(finding, path) if finding is not None else None
        suppressed.append(Suppression(**values))
    return PostResult([_finding_from(f, path) for f in data["findings"]], suppressed)


def _finding_from(data: Any, path: str | None) -> Finding:
    _expect(data, _FINDING_FIELDS)
    if data["severity"] not in SEVERITY_RANK:
        raise ValueError("unknown severity")
    return Finding(**{**data, "path": path} if path is not None else data)


_OPTIONAL_TEXT = (str, type(None))
_FINDING_FIELDS: dict[str, Any] = {
    "path": str,
    "post": str,
    "client": _OPTIONAL_TEXT,
    "rule": str,
    "category": str,
    "severity": str,
    "message": str,
    "line": int,
    "column": int,
    "end_line": int,
    "end_column": int,
    "start": int,
    "end": int,
    "match": str,
    "fix": _OPTIONAL_TEXT,
    "author": _OPTIONAL_TEXT,
    "campaign": _OPTIONAL_TEXT,
    "entry": _OPTIONAL_TEXT,
}
_SUPPRESSION_FIELDS: dict[str, Any] = {
    "path": str,
    "post": str,
    "rule": str,
    "line": int,
    "reason": _OPTIONAL_TEXT,
    "approved_by": _OPTIONAL_TEXT,
    "expires": _OPTIONAL_TEXT,
    "finding": (dict, type(None)),
}


def _expect(data: Any, fields: dict[str, Any]) -> None:
    """``data`` is a mapping of exactly these keys, each of its type (a bool is no number)."""
    if not isinstance(data, dict) or data.keys() != fields.keys():
        raise ValueError("not the shape of an entry")
    for name, kind in fields.items():
        value = data[name]
        if not isinstance(value, kind) or (isinstance(value, bool) and kind is int):
            raise ValueError(f"{name} has the wrong type")
