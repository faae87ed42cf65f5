"""Findings of unchanged post files, kept on disk so a re-run answers without parsing anything.

An entry holds the results of one post file. Its key is a digest of everything the results depend
on: voicelint's own code and data (so an upgrade, a pack or a lexicon edit misses), the file's path
and content, the policy of each post (its rules, settings and packs as loaded), and the date when a
post's exceptions can expire. A changed policy or pack gives another key, never a stale answer.

Entries are JSON, written to a temporary file and renamed into place, so a crash or a concurrent
run never leaves a half-written entry to be read; an entry that cannot be read is a miss.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

from voicelint import __version__
from voicelint.data import data_dir
from voicelint.engine import PostResult, Suppression
from voicelint.files import write_atomically
from voicelint.model import Finding

DEFAULT_DIR = ".voicelint_cache"
ENV_DIR = "VOICELINT_CACHE_DIR"
FORMAT = 1  # bumped when the layout of an entry changes


@cache
def code_digest() -> str:
    """voicelint's version, code, lexicons and built-in packs, as one digest."""
    digest = hashlib.sha256(f"voicelint {__version__} cache {FORMAT}".encode())
    package = Path(__file__).resolve().parent
    roots = [package, data_dir("rules"), data_dir("policies")]
    for root in dict.fromkeys(roots):
        for path in sorted(root.rglob("*")):
            if path.suffix in (".py", ".yaml", ".yml") and path.is_file():
                digest.update(str(path.relative_to(root)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def policy_digest(policy: Any) -> str:
    """A digest of a loaded policy: every rule with its parameters, and every setting."""
    return hashlib.sha256(repr(policy).encode()).hexdigest()


def file_key(path: str, content: str, policy_digests: Sequence[str], today: dt.date | None) -> str:
    digest = hashlib.sha256(code_digest().encode())
    for part in (path, content, *policy_digests, today.isoformat() if today else "-"):
        digest.update(b"\0" + part.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


class ResultCache:
    """Post results by key, one JSON file per post file, under ``directory``."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def get(self, key: str) -> list[PostResult] | None:
        try:
            data = json.loads(self._path(key).read_text(encoding="utf-8"))
            return [_result_from(entry) for entry in data["results"]]
        except (OSError, ValueError, KeyError, TypeError):
            return None  # missing, or unreadable: linted again and rewritten

    def put(self, key: str, results: Sequence[PostResult]) -> None:
        """Store the results; a cache that cannot be written is skipped, never an error."""
        path = self._path(key)
        text = json.dumps({"results": [_result_to(r) for r in results]}, ensure_ascii=False)
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


def _result_from(data: dict[str, Any]) -> PostResult:
    suppressed = []
    for entry in data["suppressed"]:
        expires = entry["expires"]
        finding = entry["finding"]
        suppressed.append(
            Suppression(
                **{
                    **entry,
                    "expires": dt.date.fromisoformat(expires) if expires else None,
                    "finding": Finding(**finding) if finding else None,
                }
            )
        )
    return PostResult([Finding(**f) for f in data["findings"]], suppressed)
