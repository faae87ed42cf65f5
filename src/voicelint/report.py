"""Collect findings into a report and render it as text (like ruff) or JSON; decide the exit code."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from voicelint import __version__
from voicelint.engine import PostResult, Suppression
from voicelint.model import SEVERITY_RANK, Finding, Post, SourceFile

COLORS = {"error": "red", "warning": "yellow", "info": "blue"}


@dataclass
class Report:
    files: int = 0
    posts: int = 0
    findings: list[Finding] = field(default_factory=list)
    suppressed: list[Suppression] = field(default_factory=list)
    sources: dict[str, SourceFile] = field(default_factory=dict)

    def add(self, post: Post, result: PostResult) -> None:
        self.posts += 1
        self.findings.extend(result.findings)
        self.suppressed.extend(result.suppressed)
        if result.findings:
            self.sources.setdefault(post.path, post.source)

    def summary(self) -> dict[str, Any]:
        return {
            "files": self.files,
            "posts": self.posts,
            "findings": len(self.findings),
            "by_severity": dict(Counter(f.severity for f in self.findings)),
            "by_category": dict(Counter(f.category for f in self.findings)),
            "suppressed": [
                {
                    "path": s.path,
                    "post": s.post,
                    "rule": s.rule,
                    "line": s.line,
                    "reason": s.reason,
                    "approved_by": s.approved_by,
                }
                for s in self.suppressed
            ],
        }


def exit_code(report: Report, fail_on: str) -> int:
    """1 when a finding is at or above the fail level, else 0."""
    if fail_on == "never":
        return 0
    threshold = SEVERITY_RANK[fail_on]
    return int(any(SEVERITY_RANK[f.severity] >= threshold for f in report.findings))


def render_json(report: Report) -> str:
    document = {
        "voicelint": __version__,
        "findings": [f.as_dict() for f in report.findings],
        "summary": report.summary(),
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def render_text(report: Report, style: Any = None) -> str:
    """``path:line:col: severity rule message``, the source line with carets, then a summary line.

    ``style(text, **click_style_kwargs)`` colours parts; None leaves the text plain.
    """
    paint = style or (lambda text, **_: text)
    out: list[str] = []
    for finding in report.findings:
        head = paint(f"{finding.path}:{finding.line}:{finding.column}:", bold=True)
        severity = paint(finding.severity, fg=COLORS[finding.severity], bold=True)
        out.append(f"{head} {severity} {paint(finding.rule, fg='cyan')} {finding.message}")
        source = report.sources.get(finding.path)
        if source is not None:
            out.extend(_excerpt(source, finding, paint))
        if finding.fix is not None:
            out.append(f'   = fix: replace with "{finding.fix}"')
        out.append("")
    out.append(_summary_line(report))
    return "\n".join(out) + "\n"


def _excerpt(source: SourceFile, finding: Finding, paint: Any) -> list[str]:
    line = source.line_text(finding.line).replace("\t", " ")
    if not line.strip():
        return []
    gutter = " " * len(str(finding.line))
    end = finding.end_column if finding.end_line == finding.line else len(line) + 1
    width = max(1, end - finding.column)
    carets = " " * (finding.column - 1) + paint("^" * width, fg=COLORS[finding.severity], bold=True)
    return [f" {gutter} |", f" {finding.line} | {line}", f" {gutter} | {carets}"]


def _summary_line(report: Report) -> str:
    posts = _plural(report.posts, "post")
    files = _plural(report.files, "file")
    if not report.findings:
        text = f"No findings in {posts} ({files})."
    else:
        counts = Counter(f.severity for f in report.findings)
        parts = ", ".join(_plural(counts[s], s) for s in ("error", "warning", "info") if counts[s])
        text = f"Found {_plural(len(report.findings), 'finding')} ({parts}) in {posts} ({files})."
    if report.suppressed:
        text += (
            f" {_plural(len(report.suppressed), 'finding')} allowed by a post's voicelint: allow."
        )
    return text


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"
