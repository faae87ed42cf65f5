"""The calendar check: a post scheduled inside a client's blackout window, or in the past."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from voicelint.model import Finding, Post
from voicelint.policy import Blackout, Policy
from voicelint.process import BLACKOUT, PUBLISH_IN_PAST, process_finding

OFF = "off"


def check_schedule(policy: Policy, post: Post, now: dt.datetime | None = None) -> list[Finding]:
    """Calendar findings for one post; only a policy with a ``calendar:`` section has any.

    A time without a UTC offset is compared as written (wall-clock time) with the other side's
    wall-clock time, so a blackout given as dates covers those days wherever the post is dated.
    """
    calendar = policy.settings.get("calendar") or {}
    if not calendar or not post.publish_at:
        return []
    when = _parse(post.publish_at)
    if when is None:
        return []
    findings = []
    for window in calendar.get("blackout", ()):
        if window.applies_to == "promotional" and post.kind == "reply":
            continue  # customer care goes on during a blackout
        if _inside(when, window):
            values = {
                "publish_at": post.publish_at,
                "window": f"{window.start.isoformat()} to {window.end.isoformat()}",
                "reason": window.reason,
            }
            findings.append(process_finding(post, BLACKOUT, policy.client, values, "publish_at"))
    past = calendar.get("past", PUBLISH_IN_PAST.severity)
    current = now or dt.datetime.now(dt.UTC)
    if past != OFF and _before(when, current):
        finding = process_finding(
            post, PUBLISH_IN_PAST, policy.client, {"publish_at": post.publish_at}, "publish_at"
        )
        findings.append(_with_severity(finding, past))
    return findings


def _parse(written: str) -> dt.datetime | None:
    text = written.strip()
    if text[-1:] in ("z", "Z"):
        text = text[:-1] + "+00:00"
    try:
        if len(text) == 10:
            return dt.datetime.combine(dt.date.fromisoformat(text), dt.time())
        return dt.datetime.fromisoformat(text)
    except ValueError:
        return None


def _inside(when: dt.datetime, window: Blackout) -> bool:
    start = window.start
    end = window.end
    if not isinstance(start, dt.datetime):
        start = dt.datetime.combine(start, dt.time())
    if not isinstance(end, dt.datetime):  # a date names the whole day
        end = dt.datetime.combine(end, dt.time()) + dt.timedelta(days=1)
        return _compare(start, when) <= 0 and _compare(when, end) < 0
    return _compare(start, when) <= 0 and _compare(when, end) <= 0


def _before(when: dt.datetime, now: dt.datetime) -> bool:
    return _compare(when, now) < 0


def _compare(a: dt.datetime, b: dt.datetime) -> int:
    """-1, 0 or 1; aware times compare as instants, otherwise as wall-clock times."""
    if (a.tzinfo is None) != (b.tzinfo is None):
        a, b = a.replace(tzinfo=None), b.replace(tzinfo=None)
    return (a > b) - (a < b)


def _with_severity(finding: Finding, severity: str) -> Finding:
    return replace(finding, severity=severity)
