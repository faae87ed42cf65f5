"""Render a report as JUnit XML: one test suite per file, one test case per post, a failure per finding."""

from __future__ import annotations

from itertools import groupby
from xml.etree import ElementTree as ET

from voicelint.model import Finding
from voicelint.report import Report


def render_junit(report: Report) -> str:
    by_post: dict[tuple[str, str], list[Finding]] = {}
    for finding in report.findings:
        by_post.setdefault((finding.path, finding.post), []).append(finding)
    root = ET.Element(
        "testsuites",
        name="voicelint",
        tests=str(len(report.checked)),
        failures=str(len(report.findings)),
        errors="0",
    )
    for path, posts in groupby(report.checked, key=lambda checked: checked.path):
        posts = list(posts)
        suite = ET.SubElement(
            root,
            "testsuite",
            name=path,
            tests=str(len(posts)),
            failures=str(sum(len(by_post.get((path, p.post), [])) for p in posts)),
            errors="0",
        )
        for checked in posts:
            case = ET.SubElement(
                suite,
                "testcase",
                classname=path,
                name=f"post {checked.post}",
                file=path,
                line=str(checked.line),
            )
            for finding in by_post.get((path, checked.post), []):
                failure = ET.SubElement(
                    case,
                    "failure",
                    type=finding.rule,
                    message=f"{finding.severity} {finding.rule}: {finding.message}",
                )
                failure.text = (
                    f"{finding.path}:{finding.line}:{finding.column}: "
                    f"{finding.severity} {finding.rule} {finding.message}"
                )
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
