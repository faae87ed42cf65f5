"""Render a report as GitHub Actions workflow commands, so findings show on the pull request."""

from __future__ import annotations

from voicelint.model import Finding
from voicelint.report import Report, writable

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def render_github(report: Report) -> str:
    """``::error file=...,line=...,col=...,endLine=...,endColumn=...,title=...::message``, one a finding."""
    return writable("".join(_command(finding) + "\n" for finding in report.ordered()))


def _command(finding: Finding) -> str:
    properties = [
        ("file", finding.path),
        ("line", str(finding.line)),
        ("endLine", str(finding.end_line)),
    ]
    if finding.end_line == finding.line:
        # GitHub draws a column range only on one line; a range over lines is given by lines alone
        properties += [("col", str(finding.column)), ("endColumn", str(finding.end_column))]
    properties.append(("title", f"voicelint {finding.rule}"))
    joined = ",".join(f"{name}={escape_property(value)}" for name, value in properties)
    return f"::{COMMANDS[finding.severity]} {joined}::{escape_data(finding.message)}"


def escape_data(text: str) -> str:
    """The escaping of @actions/core's ``escapeData``: a message may hold % and line breaks."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """``escapeProperty``: also ``:`` and ``,``, which would end a property."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
