"""The result cache: a re-run over unchanged files is answered from disk, never with a stale answer."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import run_cli, write

POLICY = """
client: acme
voice:
  register: formal
  banned_terms: [cheap]
rules:
  tone.banned-term: error
"""
POSTS = """
posts:
  - id: p1
    client: acme
    text: "Our cheap coffee is back."
  - id: p2
    client: acme
    text: "Doors open at nine on Saturday."
"""


def project(tmp: Path) -> Path:
    write(tmp, "policies/acme.yaml", POLICY)
    write(tmp, "posts/week.yaml", POSTS)
    return tmp


def rules_found(tmp: Path, *args: str) -> list[tuple[str, str, int, int]]:
    result = run_cli(["check", "posts", "--format", "json", *args], tmp)
    assert result.exit_code in (0, 1), result.output
    return [
        (f["post"], f["rule"], f["line"], f["column"])
        for f in json.loads(result.stdout)["findings"]
    ]


def entries(cache: Path) -> list[Path]:
    return sorted(cache.rglob("*.json"))


def test_a_second_run_reads_the_cache_and_prints_the_same(tmp, private_cache):
    project(tmp)
    first = run_cli(["check", "posts", "--format", "json"], tmp)
    assert len(entries(private_cache)) == 1
    stamp = entries(private_cache)[0].stat().st_mtime_ns
    second = run_cli(["check", "posts", "--format", "json"], tmp)
    assert second.stdout == first.stdout and second.exit_code == first.exit_code == 1
    assert entries(private_cache)[0].stat().st_mtime_ns == stamp  # read, not rewritten
    assert rules_found(tmp) == [("p1", "tone.banned-term", 4, 16)]


def test_a_cache_hit_does_not_import_spacy(tmp, private_cache):
    project(tmp)
    script = (
        "import sys, runpy\n"
        "sys.argv = ['voicelint', 'check', 'posts', '--format', 'json']\n"
        "try:\n    runpy.run_module('voicelint', run_name='__main__')\n"
        "except SystemExit as done:\n    code = done.code\n"
        "print('spacy' in sys.modules, 'lemminflect' in sys.modules, code, file=sys.stderr)\n"
    )
    env = {**os.environ, "VOICELINT_CACHE_DIR": str(private_cache)}

    def run() -> str:
        done = subprocess.run(
            [sys.executable, "-c", script], cwd=tmp, env=env, capture_output=True, text=True
        )
        return done.stderr.strip().splitlines()[-1]

    assert run() == "True True 1"  # the first run lints
    assert run() == "False False 1"  # the second is answered from the cache


def test_a_changed_policy_is_never_answered_from_the_cache(tmp):
    project(tmp)
    assert [r[1] for r in rules_found(tmp)] == ["tone.banned-term"]
    write(tmp, "policies/acme.yaml", POLICY.replace("[cheap]", "[coffee]"))
    assert rules_found(tmp) == [("p1", "tone.banned-term", 4, 22)]


def test_a_changed_pack_the_policy_extends_is_never_answered_from_the_cache(tmp):
    pack = """
    pack: house
    rules:
      - id: house.no-{word}
        kind: phrase
        category: tone
        severity: error
        summary: "No {word}."
        why: "House style."
        message: "Avoid {{match}}."
        terms: [{word}]
        examples:
          fire: ["A {word} day."]
          pass: ["A good day."]
    """
    write(tmp, "policies/acme.yaml", "client: acme\nextends: [house.yaml]\n")
    write(tmp, "policies/house.yaml", pack.format(word="saturday"))
    write(tmp, "posts/week.yaml", POSTS)
    assert [r[1] for r in rules_found(tmp)] == ["house.no-saturday"]
    write(tmp, "policies/house.yaml", pack.format(word="coffee"))
    assert [r[1] for r in rules_found(tmp)] == ["house.no-coffee"]


def test_a_changed_post_file_is_linted_again(tmp):
    project(tmp)
    assert len(rules_found(tmp)) == 1
    write(tmp, "posts/week.yaml", POSTS.replace("Doors open", "Cheap doors open"))
    assert [(r[0], r[2]) for r in rules_found(tmp)] == [("p1", 4), ("p2", 7)]


def test_a_corrupt_entry_is_a_miss_and_is_rewritten(tmp, private_cache):
    project(tmp)
    expected = rules_found(tmp)
    for entry in entries(private_cache):
        entry.write_text('{"results": [{"findings": [{"path": ', encoding="utf-8")
    assert rules_found(tmp) == expected
    assert all(json.loads(e.read_text())["results"] for e in entries(private_cache))


def test_no_cache_writes_nothing(tmp, private_cache):
    project(tmp)
    assert len(rules_found(tmp, "--no-cache")) == 1
    assert list(private_cache.iterdir()) == []


def test_cache_dir_option_and_default_location(tmp, monkeypatch):
    project(tmp)
    rules_found(tmp, "--cache-dir", "elsewhere")
    assert len(entries(tmp / "elsewhere")) == 1
    monkeypatch.delenv("VOICELINT_CACHE_DIR")
    # issue 12: by default the cache lives in the user's cache directory, not the work tree
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp / "user-cache"))
    rules_found(tmp)
    default = tmp / "user-cache" / "voicelint"
    assert len(entries(default)) == 1
    assert (default / ".gitignore").read_text().splitlines()[-1] == "*"
    assert not (tmp / ".voicelint_cache").exists()


def test_an_unwritable_cache_is_skipped_silently(tmp):
    project(tmp)
    write(tmp, "blocked", "a file where the cache directory would be\n")
    result = run_cli(["check", "posts", "--cache-dir", "blocked/cache"], tmp)
    assert result.exit_code == 1 and "tone.banned-term" in result.stdout


def test_an_exception_that_expires_is_checked_against_the_day(tmp):
    write(tmp, "policies/acme.yaml", POLICY)
    write(
        tmp,
        "posts/week.yaml",
        """
        posts:
          - id: p1
            client: acme
            text: "Our cheap coffee is back."
            voicelint: {allow: [tone.banned-term], reason: "quoted", expires: 2026-12-01}
        """,
    )
    assert rules_found(tmp, "--now", "2026-11-30T09:00Z") == []
    expired = [r[1] for r in rules_found(tmp, "--now", "2026-12-02T09:00Z")]
    assert expired == ["tone.banned-term", "process.exception-expired"]  # by line


def test_concurrent_runs_share_the_cache_safely(tmp, private_cache):
    project(tmp)
    for index in range(20):
        write(tmp, f"posts/day{index:02d}.yaml", POSTS.replace("p1", f"d{index}"))
    env = {**os.environ, "VOICELINT_CACHE_DIR": str(private_cache)}
    command = [sys.executable, "-m", "voicelint", "check", "posts", "--format", "json"]
    runs = [
        subprocess.Popen(command, cwd=tmp, env=env, stdout=subprocess.PIPE, text=True)
        for _ in range(3)
    ]
    outputs = [run.communicate()[0] for run in runs]
    assert [run.returncode for run in runs] == [1, 1, 1]
    assert outputs[0] == outputs[1] == outputs[2]
    assert json.loads(outputs[0])["summary"]["findings"] == 21
    assert not list(private_cache.rglob("*.tmp"))
    again = subprocess.run(command, cwd=tmp, env=env, capture_output=True, text=True)
    assert again.stdout == outputs[0]


def test_a_relative_and_an_absolute_path_share_the_entry(tmp, private_cache):
    # issue 14: the key holds the file's resolved path, not the path as typed
    project(tmp)
    first = run_cli(["check", "posts", "--format", "json"], tmp)
    stamp = entries(private_cache)[0].stat().st_mtime_ns
    absolute = run_cli(["check", str((tmp / "posts").resolve()), "--format", "json"], tmp)
    assert len(entries(private_cache)) == 1
    assert entries(private_cache)[0].stat().st_mtime_ns == stamp  # read, not written again
    assert absolute.exit_code == first.exit_code == 1
    found = json.loads(absolute.stdout)["findings"]
    assert [(f["post"], f["rule"], f["line"]) for f in found] == [("p1", "tone.banned-term", 4)]
    assert found[0]["path"] == str((tmp / "posts" / "week.yaml").resolve())  # as typed this time
