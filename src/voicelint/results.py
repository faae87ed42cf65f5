"""What linting one post gives: its findings, and the findings its exceptions allowed.

Kept apart from the engine so that a run answered from the cache (``voicelint.cache``) and the
report read results without importing the engine, its kinds or spaCy.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from voicelint.model import Finding


@dataclass(frozen=True)
class Suppression:
    """A finding a post allowed on purpose, and who said so."""

    path: str
    post: str
    rule: str
    line: int
    reason: str | None
    approved_by: str | None
    expires: dt.date | None = None
    finding: Finding | None = None  # what it would have been, for SARIF's suppressed results


@dataclass
class PostResult:
    findings: list[Finding] = field(default_factory=list)
    suppressed: list[Suppression] = field(default_factory=list)
