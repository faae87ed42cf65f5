"""Collect findings into a report and render it as text (like ruff) or JSON; decide the exit code.

The CI formats (SARIF, GitHub, JUnit) live in ``voicelint.formats`` and read the same ``Report``.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from voicelint import __version__
from voicelint.baseline import fingerprint
from voicelint.model import SEVERITY_RANK, Finding, Post, SourceFile
from voicelint.packs import RuleSpec
from voicelint.process import INVALID_POST, PROCESS_RULES, UNREADABLE_FILE
from voicelint.readers import Problem, Unreadable
from voicelint.results import PostResult, Suppression

COLORS = {"error": "red", "warning": "yellow", "info": "blue"}
SKIPPED_SHOWN = 10  # skipped files named in the text summary; JSON lists them all
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@dataclass(frozen=True, slots=True)
class CheckedPost:
    """A post that was checked, findings or not (JUnit reports one test case per post)."""

    path: str
    post: str
    line: int
    client: str | None


@dataclass
class Report:
    files: int = 0
    posts: int = 0
    findings: list[Finding] = field(default_factory=list)
    suppressed: list[Suppression] = field(default_factory=list)
    # the source line of each finding, for the text output's excerpt (not whole files: a large
    # run would hold every file it read)
    lines: dict[tuple[str, int], str] = field(default_factory=dict)
    checked: list[CheckedPost] = field(default_factory=list)
    # every rule that ran, by id (the first policy's version when policies differ), for SARIF
    rules: dict[str, RuleSpec] = field(
        default_factory=lambda: {rule.id: rule for rule in PROCESS_RULES}
    )
    # files found but not checked, and why: not post files (a CI config, a site's page), a FIFO,
    # a symlink out of the checked tree
    skipped: list[tuple[str, str]] = field(default_factory=list)
    # every post checked, in order, for a report that shows the drafts (HTML); None: not kept,
    # as a large run in another format need not hold every post
    kept: list[Post] | None = None
    # each finding's fingerprint (voicelint.baseline), for baselines and SARIF: computed here,
    # where the post's text is at hand
    fingerprints: dict[Finding, str] = field(default_factory=dict)
    # with a baseline: how many findings it held back, and how many of its findings no longer occur
    baselined: int = 0
    fixed: int | None = None
    # the absolute address of docs/rules.md, for SARIF's helpUri; None: no helpUri
    rules_url: str | None = None

    def add_problem(self, path: str, problem: Problem, source: SourceFile | None) -> None:
        """A bad post (``format.invalid-post``) or a file that cannot be read or parsed
        (``format.unreadable-file``): an error finding at its line, line 1 when unknown."""
        error = problem.error
        spec = UNREADABLE_FILE if isinstance(error, Unreadable) else INVALID_POST
        line = error.line or 1
        message = f"{error.message} ({error.hint})" if error.hint else error.message
        post = _printable(problem.post)
        finding = Finding(
            path=path,
            post=post,
            client=None,
            rule=spec.id,
            category=spec.category,
            severity=spec.severity,
            message=_printable(message),
            line=line,
            column=1,
            end_line=line,
            end_column=1,
            start=0,
            end=0,
            match="",
        )
        self.findings.append(finding)
        self.checked.append(CheckedPost(path, post, line, None))
        if source is not None and (path, line) not in self.lines:
            self.lines[(path, line)] = source.line_text(line)

    def skip(self, path: str, reason: str) -> None:
        self.skipped.append((path, reason))

    def add(
        self,
        post: Post,
        result: PostResult,
        rules: tuple[RuleSpec, ...] = (),
        client: str | None = None,
    ) -> None:
        self.posts += 1
        if self.kept is not None:
            self.kept.append(post)
        findings, suppressed = result.findings, result.suppressed
        if post.author is not None or post.campaign is not None:
            findings = [_stamped(f, post) for f in findings]
            suppressed = [
                dataclasses.replace(s, finding=_stamped(s.finding, post)) if s.finding else s
                for s in suppressed
            ]
        self.findings.extend(findings)
        self.suppressed.extend(suppressed)
        self.checked.append(CheckedPost(post.path, post.id, post.line, client))
        for rule in rules:
            self.rules.setdefault(rule.id, rule)
        for finding in [*findings, *(s.finding for s in suppressed if s.finding is not None)]:
            self.fingerprints[finding] = fingerprint(
                finding.rule, post.text, finding.start, finding.end, finding.match
            )
        for finding in result.findings:
            place = (finding.path, finding.line)
            if place not in self.lines:
                self.lines[place] = post.source.line_text(finding.line)

    def ordered(self) -> list[Finding]:
        """The findings by file, then line, then column, in every format (sorted in place: a
        sorted list sorts again in one pass)."""
        self.findings.sort(key=lambda f: (f.path, f.line, f.column))
        return self.findings

    def summary(self) -> dict[str, Any]:
        return (
            {
                "files": self.files,
                "posts": self.posts,
                "findings": len(self.findings),
                "by_severity": dict(Counter(f.severity for f in self.findings)),
                "by_category": dict(Counter(f.category for f in self.findings)),
                "by_rule": dict(Counter(f.rule for f in self.findings)),
                "suppressed": [_suppression_dict(s) for s in self.suppressed],
            }
            | (
                {"skipped": [{"path": p, "reason": r} for p, r in self.skipped]}
                if self.skipped
                else {}
            )
            | (
                {"baseline": {"held_back": self.baselined, "no_longer_occur": self.fixed}}
                if self.fixed is not None
                else {}
            )
        )


def _printable(text: str) -> str:
    """``text`` with control characters as ``\\xNN``: quoted from a bad file, they would break
    a terminal or the XML of the JUnit report."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def _stamped(finding: Finding, post: Post) -> Finding:
    return dataclasses.replace(finding, author=post.author, campaign=post.campaign)


# A lone surrogate (a JSON \ud800 escape, or a file name that is not UTF-8) cannot be written as
# UTF-8; XML 1.0 also forbids most control characters.
_SURROGATES = re.compile("[\ud800-\udfff]")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def writable(text: str) -> str:
    """``text`` with each lone surrogate replaced by U+FFFD, so any UTF-8 output accepts it."""
    return _SURROGATES.sub("\ufffd", text)


def xml_text(text: str) -> str:
    """``text`` with every character XML 1.0 forbids replaced by U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def _suppression_dict(suppression: Suppression) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "path": suppression.path,
        "post": suppression.post,
        "rule": suppression.rule,
        "line": suppression.line,
        "reason": suppression.reason,
        "approved_by": suppression.approved_by,
    }
    if suppression.expires is not None:
        entry["expires"] = suppression.expires.isoformat()
    return entry


def statistics(report: Report) -> list[tuple[int, str, str, str]]:
    """``(count, rule, severities, category)`` per rule, most frequent first; a rule whose
    severity differs between policies shows each (``error/warning``)."""
    counts: Counter[str] = Counter()
    severities: dict[str, set[str]] = {}
    categories: dict[str, str] = {}
    for finding in report.ordered():
        counts[finding.rule] += 1
        severities.setdefault(finding.rule, set()).add(finding.severity)
        categories[finding.rule] = finding.category
    return sorted(
        (
            (
                count,
                rule,
                "/".join(sorted(severities[rule], key=lambda s: -SEVERITY_RANK[s])),
                categories[rule],
            )
            for rule, count in counts.items()
        ),
        key=lambda row: (-row[0], row[1]),
    )


def render_statistics(report: Report) -> str:
    """Counts per rule, then per category, like ``ruff --statistics``."""
    rows = statistics(report)
    if not rows:
        return "No findings.\n"
    width = len(str(rows[0][0]))
    rule_width = max(len(row[1]) for row in rows)
    severity_width = max(len(row[2]) for row in rows)
    out = [
        f"{count:>{width}}  {rule:<{rule_width}}  {severity:<{severity_width}}  {category}"
        for count, rule, severity, category in rows
    ]
    out.append("")
    categories = Counter(f.category for f in report.findings)
    width = len(str(max(categories.values())))
    for category, count in sorted(categories.items(), key=lambda item: (-item[1], item[0])):
        out.append(f"{count:>{width}}  {category}")
    return "\n".join(out) + "\n"


def exit_code(report: Report, fail_on: str) -> int:
    """1 when a finding is at or above the fail level, else 0."""
    if fail_on == "never":
        return 0
    threshold = SEVERITY_RANK[fail_on]
    return int(any(SEVERITY_RANK[f.severity] >= threshold for f in report.findings))


def render_json(report: Report) -> str:
    return "".join(json_chunks(report))


def json_chunks(report: Report) -> Iterator[str]:
    """The report as ``json.dumps(document, indent=2)`` writes it, a finding at a time: on a run
    of 100,000 posts the whole text at once would cost hundreds of megabytes."""
    yield json.dumps({"voicelint": __version__}, ensure_ascii=False, indent=2)[:-2]
    findings = report.ordered()
    if not findings:
        yield ',\n  "findings": []'
    else:
        yield ',\n  "findings": ['
        for index, finding in enumerate(findings):
            yield ("\n    " if index == 0 else ",\n    ") + _nested(finding.as_dict(), "    ")
        yield "\n  ]"
    yield f',\n  "summary": {_nested(report.summary(), "  ")}\n}}\n'


def _nested(value: Any, indent: str) -> str:
    """``value`` encoded as it reads nested at ``indent`` inside an indent=2 document."""
    return writable(json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + indent))


def _entry_suffix(finding: Finding) -> str:
    """``/blame-fault`` after the rule id when an entry of the rule fired, so the line names the
    entry's full id (tone.hostile-reply/blame-fault), as a policy switches it off."""
    entry = finding.entry
    if not entry:
        return ""
    return entry[len(finding.rule) :] if entry.startswith(finding.rule + "/") else f" [{entry}]"


def render_text(report: Report, style: Any = None, show_statistics: bool = False) -> str:
    """``path:line:col: severity rule message``, the source line with carets, then a summary line.

    ``style(text, **click_style_kwargs)`` colours parts; None leaves the text plain. With
    ``show_statistics`` the counts per rule and category replace the findings, as in ruff.
    """
    paint = style or (lambda text, **_: text)
    out: list[str] = []
    if show_statistics and report.findings:
        out.append(render_statistics(report))
    for finding in [] if show_statistics else report.ordered():
        out.append(_head(finding, paint))
        line = report.lines.get((finding.path, finding.line))
        if line is not None:
            out.extend(_excerpt(line, finding, paint))
        if finding.fix is not None:
            out.append(f'   = fix: replace with "{finding.fix}"')
        out.append("")
    if report.suppressed:
        out.append("Allowed by exceptions:")
        out.extend(f"  {_suppression_line(s)}" for s in report.suppressed)
        out.append("")
    if report.skipped:
        out.extend(_skipped_lines(report.skipped))
    out.append(_summary_line(report))
    return writable("\n".join(out) + "\n")


def render_human(
    report: Report, fmt: str, style: Any = None, show_statistics: bool = False, quiet: bool = False
) -> str:
    """The ``text`` or ``concise`` format; ``quiet`` keeps only the summary line."""
    if quiet:
        return render_summary(report)
    if fmt == "concise" and not show_statistics:
        return render_concise(report, style)
    return render_text(report, style, show_statistics)


def render_concise(report: Report, style: Any = None) -> str:
    """``path:line:col: severity rule message``, one line a finding, then the summary line."""
    paint = style or (lambda text, **_: text)
    out = [_head(finding, paint) for finding in report.ordered()]
    out.append(_summary_line(report))
    return writable("\n".join(out) + "\n")


def render_summary(report: Report) -> str:
    """The summary line alone (``--quiet``)."""
    return writable(_summary_line(report) + "\n")


def _head(finding: Finding, paint: Any) -> str:
    head = paint(f"{finding.path}:{finding.line}:{finding.column}:", bold=True)
    severity = paint(finding.severity, fg=COLORS[finding.severity], bold=True)
    rule = paint(finding.rule, fg="cyan") + _entry_suffix(finding)
    return f"{head} {severity} {rule} {finding.message}"


def _skipped_lines(skipped: list[tuple[str, str]]) -> list[str]:
    out = [f"Skipped {_plural(len(skipped), 'file')} (not post files, or not read):"]
    out.extend(f"  {path}: {reason}" for path, reason in skipped[:SKIPPED_SHOWN])
    if len(skipped) > SKIPPED_SHOWN:
        out.append(f"  ... and {len(skipped) - SKIPPED_SHOWN} more (--format json lists them all)")
    out.append("")
    return out


def _suppression_line(s: Suppression) -> str:
    approval = f"approved by {s.approved_by}" if s.approved_by else "no approver given"
    reason = f": {s.reason}" if s.reason else ""
    expires = f" (until {s.expires.isoformat()})" if s.expires else ""
    return f"{s.path}:{s.line}: {s.rule} in post {s.post}, {approval}{reason}{expires}"


def _excerpt(source_line: str, finding: Finding, paint: Any) -> list[str]:
    line = source_line.replace("\t", " ")
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
    if report.skipped:
        text += f" {_plural(len(report.skipped), 'file')} skipped."
    if report.baselined:
        text += f" {_plural(report.baselined, 'finding')} held back by the baseline."
    return text


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"
