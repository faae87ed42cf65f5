"""--jobs: several processes lint, and the report is the one a single process prints."""

from __future__ import annotations

import json
import random

import pytest

from conftest import run_cli, write
from voicelint import runner

DRAFTS = [
    "Guaranteed returns, every year.",
    "It cures colds overnight.",
    "HUGE SALE TODAY ONLY!!!",
    "Our oat latte is back at every store from Monday.",
    "Reply with your account number and we'll check.",
    "Doors open at nine on Saturday. See you soon!",
    "The #1 coffee in America.",
    "Not our fault you can't read the menu.",
]
CLIENTS = ["acme-bank", "vitality-labs", "harbor-coffee"]


def corpus(tmp, posts: int = 240, files: int = 6) -> None:
    rng = random.Random(7)
    for index in range(files):
        items = []
        for number in range(posts // files):
            post = {
                "id": f"f{index}p{number}",
                "client": rng.choice(CLIENTS),
                "platform": rng.choice(["x", "instagram", "linkedin"]),
                "text": " ".join(rng.sample(DRAFTS, 2)),
            }
            if rng.random() < 0.3:
                post.update(kind="reply", in_reply_to="I was charged twice this month.")
            items.append(post)
        write(tmp, f"posts/batch{index}.json", json.dumps({"posts": items}))


@pytest.mark.parametrize("output_format", ["json", "text", "sarif"])
def test_two_processes_print_what_one_prints(tmp, output_format):
    corpus(tmp)
    serial = run_cli(["check", "posts", "--no-cache", "-j", "1", "--format", output_format], tmp)
    parallel = run_cli(["check", "posts", "--no-cache", "-j", "2", "--format", output_format], tmp)
    assert serial.exit_code == parallel.exit_code == 1
    assert parallel.stdout == serial.stdout
    if output_format == "json":
        assert json.loads(serial.stdout)["summary"]["posts"] == 240


def test_a_bad_post_found_in_a_worker_is_the_same_finding(tmp):
    corpus(tmp, posts=60, files=2)
    write(
        tmp,
        "posts/zz-bad.yaml",
        """
        posts:
          - id: bad
            client: acme-bank
            text: "Hello."
            voicelint: {allow: [tone.shouting], because: "typo"}
        """,
    )
    # issue 12: a bad voicelint: mapping is a finding on its post (it used to stop the run, which
    # this test then checked came back from a worker as the same one line); the workers report it
    # as one process does
    args = ["check", "posts", "--no-cache", "--format", "json", "-j"]
    serial = run_cli([*args, "1"], tmp)
    parallel = run_cli([*args, "2"], tmp)
    assert parallel.exit_code == serial.exit_code == 1
    assert parallel.stderr == serial.stderr == ""
    assert parallel.stdout == serial.stdout
    bad = [f for f in json.loads(parallel.stdout)["findings"] if f["post"] == "bad"]
    assert [(f["rule"], f["line"]) for f in bad] == [("format.invalid-post", 5)]
    assert bad[0]["message"].startswith('unknown key "because" in voicelint:')


def test_jobs_must_be_a_positive_number(tmp):
    result = run_cli(["check", ".", "-j", "0"], tmp)
    assert result.exit_code == 2
    assert "0 is not in the range x>=1" in result.stderr


def test_the_default_uses_every_core_only_for_large_inputs(monkeypatch):
    monkeypatch.setattr(runner.os, "sched_getaffinity", lambda _: {0, 1, 2}, raising=False)
    assert runner._processes(None, runner.PARALLEL_MIN_POSTS - 1) == 1
    assert runner._processes(None, runner.PARALLEL_MIN_POSTS) == 3
    assert runner._processes(2, 5) == 2
    assert runner._processes(8, 3) == 3  # never more processes than posts
