"""The start-up caches (issue 14): a re-run reads its policy, packs and lexicons back from the cache
as JSON, never a stale copy, and a run whose results are all cached imports no engine and no spaCy."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import run_cli, write
from voicelint import parsecache
from voicelint.yamlfile import load_yaml, parses_cached

POLICY = """
client: acme
extends: [finance, house.yaml]
voice:
  register: formal
  banned_terms: [cheap]
calendar:
  blackout:
    - {from: 2026-12-24, to: 2026-12-26, reason: "holidays"}
"""
PACK = """
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
POSTS = """
posts:
  - id: p1
    client: acme
    text: "Our cheap coffee is back on Saturday."
  - id: p2
    client: acme
    publish_at: 2026-12-25T09:00:00Z
    text: "Earn guaranteed returns with us."
"""


def project(tmp: Path, word: str = "saturday") -> Path:
    write(tmp, "policies/acme.yaml", POLICY)
    write(tmp, "policies/house.yaml", PACK.format(word=word))
    write(tmp, "posts/week.yaml", POSTS)
    return tmp


def check(tmp: Path, *args: str) -> tuple[int, str]:
    result = run_cli(
        ["check", "posts", "--format", "json", "--now", "2026-12-01T00:00Z", *args], tmp
    )
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, result.stdout


def rules(output: str) -> list[str]:
    return sorted(f["rule"] for f in json.loads(output)["findings"])


def kept(cache: Path, folder: str) -> list[Path]:
    return sorted(p for p in (cache / folder).rglob("*") if p.is_file())


def test_a_policy_read_back_from_the_cache_gives_the_same_findings(tmp, private_cache):
    project(tmp)
    first = check(tmp, "--no-cache")
    filling = check(tmp)
    assert kept(private_cache, "policies") and kept(private_cache, "yaml")
    for entry in private_cache.rglob("*.json"):
        entry.unlink()  # the results go: the posts are linted again with the policy read back
    again = check(tmp)
    assert first == filling == again
    assert {"house.no-saturday", "process.blackout", "tone.banned-term"} <= set(rules(first[1]))


def test_a_changed_pack_is_read_again(tmp, private_cache):
    project(tmp)
    assert "house.no-saturday" in rules(check(tmp)[1])
    write(tmp, "policies/house.yaml", PACK.format(word="coffee"))
    found = rules(check(tmp)[1])
    assert "house.no-coffee" in found and "house.no-saturday" not in found
    write(tmp, "policies/house.yaml", PACK.format(word="saturday"))
    assert "house.no-saturday" in rules(check(tmp)[1])


def test_a_changed_policy_is_read_again(tmp, private_cache):
    project(tmp)
    assert "tone.banned-term" in rules(check(tmp)[1])
    write(tmp, "policies/acme.yaml", POLICY.replace("[cheap]", "[plenty]"))
    assert "tone.banned-term" not in rules(check(tmp)[1])


@pytest.mark.parametrize(
    "damage",
    [
        "",
        "{",
        '{"format": 1, "files": [], "policy": {"c": "Policy", "f": {}}}',
        "[1, 2, 3]",
        "\x00\x01binary",
    ],
)
def test_a_corrupt_entry_is_ignored_and_rewritten(tmp, private_cache, damage):
    project(tmp)
    expected = check(tmp)
    for folder in ("policies", "yaml"):
        for entry in kept(private_cache, folder):
            entry.write_text(damage, encoding="utf-8")
    for entry in private_cache.rglob("*.json"):
        entry.unlink()
    assert check(tmp) == expected
    for entry in kept(private_cache, "policies"):
        assert json.loads(entry.read_text(encoding="utf-8"))["format"] == 1


def test_an_entry_of_the_right_shape_with_a_wrong_field_is_ignored(tmp, private_cache):
    project(tmp)
    expected = check(tmp)
    (entry,) = kept(private_cache, "policies")
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["policy"]["f"]["name"] = 42  # a name that is no text
    entry.write_text(json.dumps(data), encoding="utf-8")
    for result in private_cache.rglob("*.json"):
        result.unlink()
    assert check(tmp) == expected


def test_a_run_answered_from_the_cache_imports_neither_the_engine_nor_spacy(tmp, private_cache):
    project(tmp)
    write(tmp, "posts/loose.yaml", "posts:\n  - text: Our cheap coffee.\n")  # no client: defaults
    script = (
        "import sys, runpy\n"
        "sys.argv = ['voicelint', 'check', 'posts', '--format', 'json']\n"
        "try:\n    runpy.run_module('voicelint', run_name='__main__')\n"
        "except SystemExit as done:\n    code = done.code\n"
        "names = ('spacy', 'voicelint.engine', 'voicelint.kinds')\n"
        "print(*[name in sys.modules for name in names], code, file=sys.stderr)\n"
    )
    env = {**os.environ, "VOICELINT_CACHE_DIR": str(private_cache)}

    def run() -> str:
        done = subprocess.run(
            [sys.executable, "-c", script], cwd=tmp, env=env, capture_output=True, text=True
        )
        return done.stderr.strip().splitlines()[-1]

    assert run() == "True True True 1"  # the first run lints
    assert run() == "False False False 1"


def test_no_cache_reads_and_writes_no_start_up_cache(tmp, private_cache):
    project(tmp)
    check(tmp, "--no-cache")
    assert list(private_cache.iterdir()) == []


def test_parsed_yaml_comes_back_exactly(tmp):
    text = """
    name: x
    when: 2026-12-01
    at: 2026-12-01 09:30:00+01:00
    naive: 2026-12-01T09:30:00
    numbers: [1, 1.5, -0.0, 10000000000000000000000, true, null, "1"]
    1: one
    nested: {a: [{b: c}], "yes": no}
    """
    with parses_cached(tmp, "salt"):
        first = load_yaml(text, "<t>")
        second = load_yaml(text, "<t>")
    assert len(list((tmp / "yaml").rglob("*.parsed"))) == 1
    assert repr(second) == repr(first) == repr(load_yaml(text, "<t>"))
    assert isinstance(second[0]["at"], dt.datetime) and second[0]["at"].utcoffset()


def test_a_document_json_cannot_hold_exactly_is_not_stored(tmp):
    for text in ("x: .nan\n", "x: !!binary aGVsbG8=\n", "x: !!set {a, b}\n"):
        with parses_cached(tmp, "salt"):
            assert repr(load_yaml(text, "<t>")) == repr(load_yaml(text, "<t>"))
    assert not (tmp / "yaml").exists()


def test_a_broken_document_is_never_stored_and_still_an_error(tmp):
    from voicelint.errors import PolicyError

    with parses_cached(tmp, "salt"):
        for _ in range(2):
            with pytest.raises(PolicyError):
                load_yaml("a: [1, 2\n", "<t>")
    assert not (tmp / "yaml").exists()


def test_decode_refuses_other_shapes():
    for value in ({"m": [[1]]}, {"x": 1}, {"u": "ab"}, {"c": "Policy", "f": {}}, {"d": 5}):
        with pytest.raises((ValueError, TypeError)):
            parsecache.decode(value)
    with pytest.raises(ValueError):
        parsecache.decode_lines([[5, "a", 1]])  # a parent that does not exist
