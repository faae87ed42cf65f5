"""Calendar: a post scheduled inside a client's blackout window is an error, in the past a warning."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from conftest import draft, run_cli, write
from voicelint.policy import build_policy
from voicelint.schedule import check_schedule

NOW = dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.UTC)
CALENDAR = {
    "blackout": [
        {"from": dt.date(2026, 11, 26), "to": dt.date(2026, 11, 27), "reason": "Day of mourning"},
        {
            "from": "2026-12-01T09:00:00+00:00",
            "to": "2026-12-01T17:00:00+00:00",
            "reason": "Outage review",
            "applies_to": "all",
        },
    ]
}


def schedule(publish_at: str | None, kind: str = "post", calendar: dict | None = CALENDAR):
    data = {} if calendar is None else {"calendar": calendar}
    policy = build_policy(data, {}, "<test policy>", None, None)
    return [
        (f.rule, f.severity)
        for f in check_schedule(policy, draft("Hello.", publish_at=publish_at, kind=kind), NOW)
    ]


@pytest.mark.parametrize(
    "publish_at",
    ["2026-11-26T00:00:00-05:00", "2026-11-27T23:59:00+09:00", "2026-11-26", "2026-11-27T12:00"],
)
def test_inside_a_window_of_whole_days_is_an_error(publish_at):
    assert schedule(publish_at) == [("process.blackout", "error")]


@pytest.mark.parametrize("publish_at", ["2026-11-25T23:59:00-05:00", "2026-11-28T00:00:00Z"])
def test_outside_the_window_passes(publish_at):
    assert schedule(publish_at) == []


def test_a_window_of_times_compares_instants():
    assert schedule("2026-12-01T09:59:00+01:00") == []  # 08:59 UTC
    assert schedule("2026-12-01T10:00:00+01:00") == [("process.blackout", "error")]  # the start
    assert schedule("2026-12-01T17:30:00Z") == []


def test_promotional_windows_let_replies_through_but_all_stops_them():
    assert schedule("2026-11-26T10:00:00Z", kind="reply") == []
    assert schedule("2026-12-01T12:00:00Z", kind="reply") == [("process.blackout", "error")]


def test_a_publish_at_in_the_past_is_a_warning():
    assert schedule("2026-11-23T11:59:00Z") == [("process.publish-in-past", "warning")]
    assert schedule("2026-11-23T12:01:00Z") == []


def test_past_can_be_raised_or_turned_off():
    assert schedule("2020-01-01", calendar={"past": "error"}) == [
        ("process.publish-in-past", "error")
    ]
    assert schedule("2020-01-01", calendar={"past": False}) == []


def test_no_calendar_section_means_no_calendar_checks():
    assert schedule("2020-01-01", calendar=None) == []


def test_no_publish_at_means_no_calendar_checks():
    assert schedule(None) == []


def run(args: list[str], cwd: Path, stdin: str | None = None):
    return run_cli(args, cwd, stdin)


def test_cli_places_the_blackout_finding_at_publish_at(tmp_path):
    write(
        tmp_path,
        "policies/acme.yaml",
        """
        client: acme
        calendar:
          blackout:
            - {from: 2026-11-26, to: 2026-11-27, reason: National day of mourning}
        """,
    )
    write(
        tmp_path,
        "posts.yaml",
        """
        client: acme
        posts:
          - id: p-1
            publish_at: 2026-11-26T10:00:00-05:00
            text: Our holiday hours are here.
          - id: p-2
            publish_at: 2026-11-20T10:00:00-05:00
            text: Our holiday hours are here.
        """,
    )
    result = run(
        ["check", "posts.yaml", "--format", "json", "--now", "2026-11-23T00:00Z"], tmp_path
    )
    assert result.exit_code == 1
    findings = json.loads(result.stdout)["findings"]
    assert [(f["post"], f["rule"], f["severity"], f["line"], f["column"]) for f in findings] == [
        ("p-1", "process.blackout", "error", 4, 5),
        ("p-2", "process.publish-in-past", "warning", 7, 5),
    ]
    assert findings[0]["message"] == (
        "Scheduled for 2026-11-26T10:00:00-05:00, inside the blackout 2026-11-26 to 2026-11-27: "
        "National day of mourning; move or hold the post."
    )


@pytest.mark.parametrize(
    ("calendar", "message"),
    [
        ("calendar: {blackout: [{to: 2026-11-27, reason: x}]}", "a blackout needs from:"),
        (
            "calendar: {blackout: [{from: 2026-11-28, to: 2026-11-27, reason: x}]}",
            "ends before it starts",
        ),
        ("calendar: {blackout: [{from: 2026-11-26, to: 2026-11-27}]}", "a blackout needs a reason"),
        (
            "calendar: {blackout: [{from: 2026-11-26, to: 2026-11-27, reason: x, applies_to: ads}]}",
            'applies_to "ads" is not valid',
        ),
        (
            "calendar: {blackouts: []}",
            'unknown calendar key "blackouts" (did you mean "blackout"?)',
        ),
    ],
)
def test_a_bad_calendar_is_a_policy_error_at_its_line(tmp_path, calendar, message):
    write(tmp_path, "policies/acme.yaml", f"client: acme\n{calendar}\n")
    result = run(["validate", "policies/acme.yaml"], tmp_path)
    assert result.exit_code == 2
    assert result.stderr.startswith("voicelint: policies/acme.yaml:2: ")
    assert message in result.stderr
