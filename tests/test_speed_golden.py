"""Speed work changes no finding: the findings of fixed inputs match digests recorded before it.

Issue 14 asks that voicelint get faster without any finding changing by a byte. The inputs:

- ``tests/golden/speed/posts*.json``: 360 posts generated once by ``bench/run.py``'s
  ``make_post`` (seed 14), with every violation and reply template, checked under
  ``bench-all.yaml`` (every built-in pack) as ``voicelint check --format json`` prints them;
- every draft of ``tests/corpus`` and ``tests/corpus-public`` under its own policy;
- every ``fire`` and ``pass`` example of every rule, linted with every pack on;
- ``examples/`` under ``policies/``, as the README runs it.

Each post's findings are kept as a digest of their JSON (``tests/golden/speed/digests.json``), not
as text, so that no rule's wording is copied into tests/. When a rule or lexicon changes on
purpose, rewrite the digests with ``VOICELINT_WRITE_GOLDEN=1 python -m pytest
tests/test_speed_golden.py`` and say so in the commit; a speed change must never need that.
The test also holds ``--jobs 2`` and a warm cache to the very same output as ``--jobs 1``.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import shutil
from pathlib import Path

import pytest

from conftest import run_cli
from voicelint import evaluate
from voicelint.engine import compile_policy, example_post, lint_post
from voicelint.policy import load_policy
from voicelint.yamlfile import load_yaml, read_config_text

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden" / "speed"
DIGESTS = GOLDEN / "digests.json"
POST_FILES = ["posts0.json", "posts1.json", "posts2.json"]
NOW = "2026-12-01T00:00:00Z"
WRITE = os.environ.get("VOICELINT_WRITE_GOLDEN") == "1"


def _digest(value: object) -> str:
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def _by_post(report: dict) -> dict[str, str]:
    posts: dict[str, list[dict]] = {}
    for finding in report["findings"]:
        posts.setdefault(f"{finding['path']}#{finding['post']}", []).append(finding)
    found = {key: _digest(findings) for key, findings in posts.items()}
    found["summary"] = _digest(report["summary"])
    return found


def _check(cwd: Path, args: list[str]) -> tuple[int, str]:
    result = run_cli(["check", "--format", "json", "--now", NOW, *args], cwd)
    return result.exit_code, result.stdout


@pytest.fixture(scope="module")
def bench_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("speed-golden")
    for name in [*POST_FILES, "bench-all.yaml"]:
        shutil.copy(GOLDEN / name, directory / name)
    return directory


def _bench(cwd: Path, *extra: str) -> tuple[int, str]:
    return _check(cwd, ["--policy", "bench-all.yaml", *extra, *POST_FILES])


def _corpus() -> dict[str, str]:
    found: dict[str, str] = {}
    files = [
        path
        for folder in ("corpus", "corpus-public")
        for path in sorted((ROOT / "tests" / folder).rglob("*.yaml"))
    ]
    for path in files:
        display = str(path)
        data, lines = load_yaml(read_config_text(path, display), display, aliases=True)
        compiled = evaluate._policy(data.get("policy"), path, lines, [])
        categories = data.get("categories") or []
        for index, item in enumerate(data.get("drafts") or []):
            example, _expect = evaluate._draft(item, display, None, categories)
            result = lint_post(compiled, example_post(example, index + 1))
            key = f"{path.relative_to(ROOT).as_posix()}#{index}"
            found[key] = _digest(
                [[dataclasses.asdict(f) for f in result.findings], len(result.suppressed)]
            )
    return found


def _rule_examples() -> dict[str, str]:
    compiled = compile_policy(load_policy(GOLDEN / "bench-all.yaml"))
    found: dict[str, str] = {}
    for spec in compiled.policy.rules:
        for which, examples in (("fire", spec.fire), ("pass", spec.passes)):
            for index, example in enumerate(examples):
                result = lint_post(compiled, example_post(example, index + 1))
                found[f"{spec.id}#{which}{index}"] = _digest(
                    [dataclasses.asdict(f) for f in result.findings]
                )
    return found


def _examples() -> dict[str, str]:
    code, out = _check(ROOT, ["--policies", "policies", "--no-cache", "-j", "1", "examples"])
    assert code == 1, out
    return _by_post(json.loads(out))


def _golden() -> dict[str, dict[str, str]]:
    return json.loads(DIGESTS.read_text(encoding="utf-8"))


def _compare(name: str, found: dict[str, str]) -> None:
    if WRITE:
        golden = _golden() if DIGESTS.exists() else {}
        golden[name] = found
        DIGESTS.write_text(json.dumps(golden, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        return
    expected = _golden()[name]
    changed = sorted(k for k in expected.keys() | found.keys() if expected.get(k) != found.get(k))
    assert not changed, f"{len(changed)} of {name} changed: {changed[:20]}"


def test_generated_posts_keep_their_findings(bench_copy):
    code, out = _bench(bench_copy, "--no-cache", "-j", "1")
    assert code == 1
    report = json.loads(out)
    assert report["summary"]["posts"] == 360
    _compare("bench", _by_post(report))


def test_two_jobs_and_the_cache_print_what_one_job_prints(bench_copy, tmp_path):
    _code, serial = _bench(bench_copy, "--no-cache", "-j", "1")
    _code, parallel = _bench(bench_copy, "--no-cache", "-j", "2")
    assert parallel == serial
    cache = ["--cache-dir", str(tmp_path / "cache")]
    _code, filling = _bench(bench_copy, *cache)
    _code, cached = _bench(bench_copy, *cache)
    assert filling == cached == serial


def test_corpus_drafts_keep_their_findings():
    _compare("corpus", _corpus())


def test_rule_examples_keep_their_findings():
    _compare("rule-examples", _rule_examples())


def test_examples_keep_their_findings():
    _compare("examples", _examples())
