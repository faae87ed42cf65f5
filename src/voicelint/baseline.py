"""Baselines: record today's findings, then report only the new ones.

A finding is known to a baseline by its rule, its file, its post's id and a fingerprint of the
matched words and the sentence they stand in (both normalised: case, Unicode compatibility forms,
punctuation and spacing do not count), never by its line, so an edit elsewhere in the file (a
post added above, another post rewritten) does not bring it back. A fingerprint recorded N times
suppresses at most N findings. Paths are written relative to the baseline file's folder, so the
baseline holds whether voicelint runs from the repository root or below it.

Findings of a file or post that could not be read (``format.invalid-post``,
``format.unreadable-file``) are never baselined: a broken input must not pass a gate silently.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from voicelint.errors import UsageError
from voicelint.model import Finding

if TYPE_CHECKING:
    from voicelint.report import Report

VERSION = 1
# the readers' findings: never baselined, never deselected (see voicelint.process.FORMAT_RULES)
UNBASELINED = frozenset({"format.invalid-post", "format.unreadable-file"})
HINT = "rewrite the baseline with --write-baseline"

_WORD = re.compile(r"\w+")
# a sentence ends at . ! ? or … followed by a space, or at a line break (as voicelint.analysis
# splits them, without the NLP pass: a fingerprint must not need spaCy, nor change with it)
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s)|[\r\n]+")


def normalised(text: str) -> str:
    """The words of ``text``, NFKC-folded and case-folded, one space apart."""
    return " ".join(_WORD.findall(unicodedata.normalize("NFKC", text).casefold()))


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence(s) of ``text`` holding characters ``[start, end)``."""
    first, last = 0, len(text)
    for match in _SENTENCE_END.finditer(text):
        if match.end() <= start:
            first = match.end()
        elif match.start() >= max(end, start + 1):
            last = match.end()
            break
    return text[first:last].strip()


def fingerprint(rule: str, text: str, start: int, end: int, match: str) -> str:
    """16 hex digits naming a finding by its rule, its words and their sentence; a finding about
    the whole post (no match) is named by its rule alone."""
    sentence = sentence_around(text, start, end) if match else ""
    key = "\0".join((rule, normalised(match), normalised(sentence)))
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]


Key = tuple[str, str, str, str]  # (rule, path from the baseline's folder, post id, fingerprint)


@dataclass(frozen=True)
class Baseline:
    """The findings a baseline file records, as a multiset of keys."""

    path: Path
    keys: Counter[Key]

    def place(self, path: str) -> str:
        return relative_path(path, self.path)


def relative_path(path: str, baseline: Path) -> str:
    """``path`` from the baseline file's folder, with ``/``; ``<stdin>`` stays as it is."""
    if path.startswith("<"):
        return path
    base = Path(os.path.abspath(baseline)).parent.resolve()
    return Path(os.path.relpath(Path(path).resolve(), base)).as_posix()


def load_baseline(path: Path) -> Baseline:
    """Read a baseline file; anything missing, unreadable or not of voicelint's shape is a
    UsageError (one line, exit 2)."""
    shown = str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise UsageError(
            shown, None, "baseline file not found", f"write one with --write-baseline {shown}"
        ) from None
    except IsADirectoryError:
        raise UsageError(shown, None, "the baseline is a directory, not a file", HINT) from None
    except OSError as error:
        raise UsageError(
            shown, None, f"cannot read the baseline: {error.strerror or error}", "check the path"
        ) from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise UsageError(shown, None, "the baseline is not UTF-8 text", HINT) from None
    except json.JSONDecodeError as error:
        raise UsageError(
            shown, error.lineno, f"the baseline is not valid JSON: {error.msg}", HINT
        ) from None
    except RecursionError:
        raise UsageError(shown, None, "the baseline nests too deeply", HINT) from None
    return Baseline(path, Counter(_keys(data, shown)))


_ENTRY_KEYS = ("rule", "path", "post", "fingerprint")


def _keys(data: Any, shown: str) -> Iterator[Key]:
    if not isinstance(data, dict) or "version" not in data:
        raise UsageError(shown, None, "not a voicelint baseline (no version key)", HINT)
    if data["version"] != VERSION:
        raise UsageError(
            shown,
            None,
            f"baseline version {data['version']!r} is not supported (this voicelint reads {VERSION})",
            HINT,
        )
    findings = data.get("findings")
    if not isinstance(findings, list):
        raise UsageError(shown, None, "the baseline has no findings list", HINT)
    for number, item in enumerate(findings, 1):
        if not isinstance(item, dict) or not all(
            isinstance(item.get(key), str) for key in _ENTRY_KEYS
        ):
            raise UsageError(
                shown,
                None,
                f"baseline finding {number} lacks one of {', '.join(_ENTRY_KEYS)}",
                HINT,
            )
        yield (item["rule"], item["path"], item["post"], item["fingerprint"])


def baseline_chunks(
    report: Report, findings: Iterable[Finding], path: Path
) -> tuple[list[str], int]:
    """The baseline of ``findings`` as JSON, and how many it records: sorted, with no date or
    version of voicelint in it, so the same findings always give the same file (a clean diff)."""
    places: dict[str, str] = {}
    keys = [
        (_key(report, finding, path, places), finding.match)
        for finding in findings
        if finding.rule not in UNBASELINED
    ]
    rows = sorted((where, post, rule, mark, match) for (rule, where, post, mark), match in keys)
    entries = [
        {"path": where, "post": post, "rule": rule, "fingerprint": mark, "match": match}
        for where, post, rule, mark, match in rows
    ]
    document = {"version": VERSION, "tool": "voicelint", "findings": entries}
    return [json.dumps(document, ensure_ascii=False, indent=2) + "\n"], len(entries)


def fixed_note(fixed: int) -> str:
    """``3 baseline findings no longer occur; rewrite the baseline with --write-baseline``."""
    if fixed == 1:
        return f"1 baseline finding no longer occurs; {HINT}"
    return f"{fixed} baseline findings no longer occur; {HINT}"


def _key(report: Report, finding: Finding, baseline: Path, places: dict[str, str]) -> Key:
    where = places.get(finding.path)
    if where is None:
        where = places[finding.path] = relative_path(finding.path, baseline)
    return (finding.rule, where, finding.post, report.fingerprints.get(finding, ""))


def apply_baseline(
    report: Report, baseline: Baseline, selected: Callable[[str], bool] | None = None
) -> int:
    """Drop the report's findings the baseline holds; return how many baseline findings no longer
    occur, counting only files this run checked and rules it reports (``selected(rule_id)``)."""
    left = Counter(baseline.keys)
    kept: list[Finding] = []
    places: dict[str, str] = {}
    for finding in report.ordered():
        key = _key(report, finding, baseline.path, places)
        if finding.rule not in UNBASELINED and left[key] > 0:
            left[key] -= 1
            report.baselined += 1
        else:
            kept.append(finding)
    report.findings[:] = kept
    checked = {places.get(p) or baseline.place(p) for p in {c.path for c in report.checked}}
    report.fixed = sum(
        count
        for (rule, where, _post, _mark), count in left.items()
        if count > 0 and where in checked and (selected is None or selected(rule))
    )
    return report.fixed
