"""Render a report as SARIF 2.1.0, for GitHub code scanning and other SARIF viewers."""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import quote

from voicelint import __version__
from voicelint.baseline import fingerprint
from voicelint.engine import Suppression
from voicelint.model import Finding
from voicelint.packs import RuleSpec
from voicelint.report import Report, writable

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/voicelint/"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
# partialFingerprints key: versioned, so a change of fingerprint never matches old alerts wrongly
FINGERPRINT_KEY = "voicelint/v1"
# rules with an entry in docs/rules.md (the built-in packs and the readers' format rules)
DOCUMENTED = ("<built-in pack ", "<built-in checks of post files>")


def render_sarif(report: Report) -> str:
    """One run; ``tool.driver.rules`` lists the rules the results refer to, with their help."""
    allowed = [(s, s.finding) for s in report.suppressed if s.finding is not None]
    used = list(dict.fromkeys([f.rule for f in report.findings] + [f.rule for _, f in allowed]))
    index = {rule_id: position for position, rule_id in enumerate(used)}
    seen: Counter[tuple[str, str]] = Counter()
    results = [_result(f, index[f.rule], _mark(report, f, seen)) for f in report.ordered()]
    results += [
        _suppressed(s, _result(f, index[f.rule], _mark(report, f, seen))) for s, f in allowed
    ]
    document = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "voicelint",
                        "version": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": [
                            _rule(report.rules.get(rule_id), rule_id, report.rules_url)
                            for rule_id in used
                        ],
                    }
                },
                # voicelint counts columns in characters, not UTF-16 code units
                "columnKind": "unicodeCodePoints",
                "results": results,
                "properties": {
                    "posts": report.posts,
                    "files": report.files,
                    "suppressed": report.summary()["suppressed"],
                },
            }
        ],
    }
    return writable(json.dumps(document, ensure_ascii=False, indent=2)) + "\n"


def _mark(report: Report, finding: Finding, seen: Counter[tuple[str, str]]) -> str:
    """The result's partial fingerprint: the baseline's fingerprint of its rule, words and
    sentence, with its post, then which occurrence of it in the file it is (``hash:n``, as
    GitHub's own primaryLocationLineHash)."""
    mark = report.fingerprints.get(finding) or fingerprint(finding.rule, "", 0, 0, "")
    digest = hashlib.sha256(f"{finding.post}\0{mark}".encode("utf-8", "surrogatepass"))
    value = digest.hexdigest()[:16]
    seen[(finding.path, value)] += 1
    return f"{value}:{seen[(finding.path, value)]}"


def rule_anchor(rule_id: str) -> str:
    """The anchor GitHub gives the rule's heading in docs/rules.md (`` ### `claims.superlative` ``
    -> ``claimssuperlative``): lower case, punctuation other than ``-`` and ``_`` dropped."""
    return re.sub(r"[^\w\- ]", "", rule_id.lower()).replace(" ", "-")


def _rule(spec: RuleSpec | None, rule_id: str, rules_url: str | None = None) -> dict[str, Any]:
    if spec is None:  # not expected: every finding's rule ran in some policy
        return {"id": rule_id}
    help_text = f"{spec.summary}\n\nWhy: {spec.why}"
    flags = "".join(f"\n- {e.text}" for e in spec.fire)
    passes = "".join(f"\n- {e.text}" for e in spec.passes)
    if flags:
        help_text += f"\n\nFlags:{flags}"
    if passes:
        help_text += f"\n\nLeaves alone:{passes}"
    documented = {}
    if rules_url and spec.origin.startswith(DOCUMENTED):
        documented["helpUri"] = f"{rules_url}#{rule_anchor(spec.id)}"
    return {
        "id": spec.id,
        "name": spec.id.rsplit(".", 1)[-1],
        "shortDescription": {"text": spec.summary},
        "fullDescription": {"text": spec.why},
        **documented,
        "help": {"text": help_text},
        "defaultConfiguration": {"level": LEVELS[spec.severity]},
        "properties": {
            "category": spec.category,
            "pack": spec.pack,
            "citation": spec.why,
            "tags": [spec.category, spec.pack],
        },
    }


def _result(finding: Finding, rule_index: int, mark: str) -> dict[str, Any]:
    region: dict[str, Any] = {
        "startLine": finding.line,
        "startColumn": finding.column,
        "endLine": finding.end_line,
        "endColumn": finding.end_column,
    }
    if finding.match:
        region["snippet"] = {"text": finding.match}
    properties: dict[str, Any] = {
        "post": finding.post,
        "client": finding.client,
        "author": finding.author,
        "campaign": finding.campaign,
        "category": finding.category,
        "severity": finding.severity,
        "entry": finding.entry,
    }
    if finding.fix is not None:
        properties["fix"] = finding.fix
    return {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": _uri(finding.path)},
                    "region": region,
                }
            }
        ],
        "partialFingerprints": {FINGERPRINT_KEY: mark},
        "properties": properties,
    }


def _suppressed(suppression: Suppression, result: dict[str, Any]) -> dict[str, Any]:
    """A finding a post allowed, marked as suppressed in source with who approved it and why."""
    entry: dict[str, Any] = {"kind": "inSource", "status": "accepted"}
    if suppression.reason:
        entry["justification"] = suppression.reason
    properties = {"approved_by": suppression.approved_by}
    if suppression.expires is not None:
        properties["expires"] = suppression.expires.isoformat()
    entry["properties"] = properties
    return {**result, "suppressions": [entry]}


def _uri(path: str) -> str:
    """A relative path stays relative (code scanning resolves it against the checkout); a file
    name that is not UTF-8 keeps its bytes, percent-encoded."""
    if path.startswith("<"):  # <stdin>
        return quote(writable(path.strip("<>")))
    as_path = Path(path)
    encoded = quote(_name_bytes(as_path.as_posix()))
    return f"file://{encoded}" if as_path.is_absolute() else encoded


# The readers show a byte that is not UTF-8 in a file name as \xNN (readers.display_name); the
# URI carries the byte itself, so code scanning finds the file on disk.
_ESCAPED_BYTE = re.compile(rb"\\x([0-9a-f]{2})")


def _name_bytes(name: str) -> bytes:
    try:
        raw = os.fsencode(name)  # the bytes on disk, for a name read with surrogateescape
    except UnicodeEncodeError:
        return writable(name).encode("utf-8")
    return _ESCAPED_BYTE.sub(lambda m: bytes([int(m.group(1), 16)]), raw)
