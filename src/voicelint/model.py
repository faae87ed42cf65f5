"""The data that crosses modules: source files, posts with their source maps, and findings."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any

PLATFORMS = (
    "x",
    "instagram",
    "facebook",
    "linkedin",
    "tiktok",
    "threads",
    "youtube",
    "bluesky",
    "mastodon",
    "pinterest",
)
PLATFORM_ALIASES = {"twitter": "x"}
KINDS = ("post", "reply")
POST_KEYS = (
    "id",
    "client",
    "platform",
    "kind",
    "in_reply_to",
    "sponsored",
    "publish_at",
    "author",
    "campaign",
    "text",
    "voicelint",
)
# Customer-message intents a policy routes, most serious first.
INTENTS = (
    "crisis",
    "distress",
    "legal_threat",
    "injury",
    "safety_hazard",
    "adverse_event",
    "medical_question",
    "press_inquiry",
    "privacy",
    "account_security",
    "billing",
    "order_status",
)
_LINE_BREAK = re.compile(r"\r\n?|\n")
SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"info": 1, "warning": 2, "error": 3}
CATEGORIES = ("claims", "disclosure", "tone", "routing", "format")


@dataclass(frozen=True)
class SourceFile:
    """One input as read: its display path and decoded text, with a line index."""

    path: str
    text: str
    line_starts: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        starts = [0]
        text = self.text
        if "\r" in text:  # a lone CR (old Mac line endings) ends a line too, as in YAML and CSV
            starts.extend(match.end() for match in _LINE_BREAK.finditer(text))
        else:
            index = text.find("\n")
            while index != -1:
                starts.append(index + 1)
                index = text.find("\n", index + 1)
        object.__setattr__(self, "line_starts", tuple(starts))

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in characters) of a character offset into the source."""
        offset = max(0, min(offset, len(self.text)))
        line_index = bisect.bisect_right(self.line_starts, offset) - 1
        return line_index + 1, offset - self.line_starts[line_index] + 1

    def line_text(self, line: int) -> str:
        """The source line ``line`` (1-based) without its line break."""
        if line < 1 or line > len(self.line_starts):
            return ""
        start = self.line_starts[line - 1]
        end = self.line_starts[line] if line < len(self.line_starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")


@dataclass(frozen=True)
class TextMap:
    """Where each character of a post's text stands in its source file.

    ``runs`` is a sorted tuple of ``(text_offset, source_offset)`` pairs: from ``text_offset`` on,
    text character ``i`` is source character ``source_offset + (i - text_offset)``, until the next
    run. One run describes a verbatim copy; escapes, folded lines and stripped indentation start
    new runs.
    """

    runs: tuple[tuple[int, int], ...]
    _starts: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.runs:
            raise ValueError("a TextMap needs at least one run")
        object.__setattr__(self, "_starts", tuple(run[0] for run in self.runs))

    @classmethod
    def identity(cls, source_offset: int = 0) -> TextMap:
        return cls(((0, source_offset),))

    def source_offset(self, text_offset: int) -> int:
        index = max(bisect.bisect_right(self._starts, text_offset) - 1, 0)
        start, source = self.runs[index]
        return source + (text_offset - start)


@dataclass(frozen=True)
class Post:
    """One drafted post or reply, with everything needed to place a finding in its source."""

    source: SourceFile
    index: int  # 1-based position in its file
    id: str
    text: str
    text_map: TextMap
    line: int  # line where the post starts in the source, for messages about the whole post
    client: str | None = None
    platform: str | None = None
    kind: str = "post"
    in_reply_to: str | None = None
    sponsored: bool = False
    publish_at: str | None = None
    author: str | None = None
    campaign: str | None = None
    suppressions: Any = None  # the raw ``voicelint:`` mapping, validated by the engine

    @property
    def path(self) -> str:
        return self.source.path

    def place(self, start: int, end: int) -> tuple[int, int, int, int]:
        """Source ``(line, column, end_line, end_column)`` of text characters ``[start, end)``."""
        line, column = self.source.line_col(self.text_map.source_offset(start))
        last = max(start, end - 1)
        end_line, end_column = self.source.line_col(self.text_map.source_offset(last) + 1)
        return line, column, end_line, end_column


@dataclass(frozen=True, slots=True)  # slots: a large run holds tens of thousands
class Finding:
    """One problem in one post, placed in the source file."""

    path: str
    post: str
    client: str | None
    rule: str
    category: str
    severity: str
    message: str
    line: int
    column: int
    end_line: int
    end_column: int
    start: int
    end: int
    match: str
    fix: str | None = None
    # the post's own keys, reported back (stamped by the report)
    author: str | None = None
    campaign: str | None = None
    # the rule entry that fired, "<rule id>/<entry id>" (tone.hostile-reply/blame-fault), or None
    # for a rule without entries
    entry: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "post": self.post,
            "client": self.client,
            "author": self.author,
            "campaign": self.campaign,
            "rule": self.rule,
            "entry": self.entry,
            "category": self.category,
            "severity": self.severity,
            "message": self.message,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "start": self.start,
            "end": self.end,
            "match": self.match,
            "fix": self.fix,
        }
