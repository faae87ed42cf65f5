"""Render a report as JUnit XML: one test suite per file, one test case per post, and one failure
for a post with findings, listing them; ``failures`` counts failed posts, as JUnit readers expect."""

from __future__ import annotations

from collections import Counter
from itertools import groupby
from xml.etree import ElementTree as ET

from voicelint.model import SEVERITY_RANK, Finding
from voicelint.report import Report, xml_text


def render_junit(report: Report) -> str:
    by_post: dict[tuple[str, str], list[Finding]] = {}
    for finding in report.ordered():
        by_post.setdefault((finding.path, finding.post), []).append(finding)
    root = _element(
        None,
        "testsuites",
        name="voicelint",
        tests=str(len(report.checked)),
        failures=str(sum(1 for c in report.checked if (c.path, c.post) in by_post)),
        errors="0",
    )
    for path, posts in groupby(report.checked, key=lambda checked: checked.path):
        posts = list(posts)
        suite = _element(
            root,
            "testsuite",
            name=path,
            tests=str(len(posts)),
            failures=str(sum(1 for p in posts if (path, p.post) in by_post)),
            errors="0",
        )
        for checked in posts:
            case = _element(
                suite,
                "testcase",
                classname=path,
                # a file that could not be read has no post: the test case is the file itself
                name=f"post {checked.post}" if checked.post else "the file",
                file=path,
                line=str(checked.line),
            )
            findings = by_post.get((path, checked.post))
            if findings:
                _failure(case, findings)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _failure(case: ET.Element, findings: list[Finding]) -> None:
    """One failure for the post: its worst rule as the type, a count as the message, and each
    finding on a line of the body."""
    worst = max(findings, key=lambda f: SEVERITY_RANK[f.severity])
    counts = Counter(f.severity for f in findings)
    summary = ", ".join(f"{counts[s]} {s}" for s in ("error", "warning", "info") if counts[s])
    message = (
        f"{worst.severity} {worst.rule}: {worst.message}"
        if len(findings) == 1
        else f"{len(findings)} findings ({summary}); first {worst.severity}: {worst.rule}"
    )
    failure = _element(case, "failure", type=worst.rule, message=message)
    failure.text = xml_text(
        "\n".join(
            f"{f.path}:{f.line}:{f.column}: {f.severity} {f.rule} {f.message}" for f in findings
        )
    )


def _element(parent: ET.Element | None, tag: str, **attributes: str) -> ET.Element:
    """An element whose attribute values hold only characters XML 1.0 allows."""
    cleaned = {name: xml_text(value) for name, value in attributes.items()}
    if parent is None:
        return ET.Element(tag, cleaned)
    return ET.SubElement(parent, tag, cleaned)
