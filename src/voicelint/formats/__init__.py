"""Report formats: for CI, SARIF 2.1.0 (code scanning), GitHub workflow commands and JUnit XML; for
the client, one self-contained HTML page."""

from __future__ import annotations

from voicelint.formats.github import render_github
from voicelint.formats.html import render_html
from voicelint.formats.junit import render_junit
from voicelint.formats.sarif import render_sarif

__all__ = ["render_github", "render_html", "render_junit", "render_sarif"]
