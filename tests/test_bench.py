"""bench/run.py: its corpus is the same every time, its policy has every pack, and it starts.

Smoke tests only: nothing here is timed; the figures come from running the bench itself.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
RUN = ROOT / "bench" / "run.py"


def load_bench():
    spec = importlib.util.spec_from_file_location("bench_run", RUN)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it runs
    spec.loader.exec_module(module)
    return module


def snapshot(directory: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(directory)): path.read_bytes()
        for path in sorted(directory.rglob("*"))
        if path.is_file()
    }


def test_the_corpus_is_the_same_every_time(tmp_path):
    bench = load_bench()
    first, second = tmp_path / "a", tmp_path / "b"
    texts = bench.write_corpus(first, 45, per_file=20)
    assert bench.write_corpus(second, 45, per_file=20) == texts
    bench.write_prose(first, texts)
    bench.write_prose(second, texts)
    assert snapshot(first) == snapshot(second)
    assert sorted(p.name for p in (first / "posts").iterdir()) == [
        "batch0000.json",
        "batch0001.json",
        "batch0002.json",
    ]


def test_proselint_reads_the_same_texts_as_voicelint(tmp_path):
    bench = load_bench()
    texts = bench.write_corpus(tmp_path, 30, per_file=20)
    bench.write_prose(tmp_path, texts)
    posts = [
        post["text"]
        for name in sorted((tmp_path / "posts").iterdir())
        for post in json.loads(name.read_text(encoding="utf-8"))["posts"]
    ]
    assert posts == texts
    assert (tmp_path / "all.txt").read_text(encoding="utf-8") == "\n\n".join(texts) + "\n"
    assert [p.read_text(encoding="utf-8") for p in sorted((tmp_path / "prose").iterdir())] == [
        text + "\n" for text in texts
    ]


def test_the_bench_policy_extends_every_built_in_pack():
    bench = load_bench()
    packs = {
        yaml.safe_load(path.read_text(encoding="utf-8"))["pack"]
        for path in (ROOT / "rules").glob("*.yaml")
    }
    assert set(bench.PACKS) == packs - {"core"}
    assert yaml.safe_load(bench.POLICY)["extends"] == list(bench.PACKS)


def test_proselint_is_told_not_to_stop_early():
    assert load_bench().PROSELINT_CONFIG["max_errors"] >= 10**9


def test_help_works():
    result = subprocess.run(
        [sys.executable, str(RUN), "--help"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    for option in ("--posts", "--runs", "--proselint", "--per-file"):
        assert option in result.stdout


def test_a_broken_or_partial_run_does_not_count():
    bench = load_bench()
    report = {
        "findings": [{"rule": "tone.emoji"}],
        "summary": {"posts": 10, "files": 1, "findings": 1},
    }

    def run(code, stdout, stderr=""):
        return bench.Run(wall=1.0, cpu=1.0, peak_mb=1.0, code=code, stdout=stdout, stderr=stderr)

    check = bench.voicelint_check(posts=10, files=1)
    assert check(run(1, json.dumps(report))).findings == 1
    for broken in (
        run(2, "", "voicelint: policy.yaml:3: unknown pack"),
        run(0, json.dumps(report)),
        run(1, ""),
        run(1, json.dumps(report), "Traceback (most recent call last):"),
        run(1, json.dumps({**report, "summary": {**report["summary"], "posts": 9}})),
    ):
        with pytest.raises(bench.BenchError):
            check(broken)
    prose = bench.proselint_check(sources=2)
    ok = {"result": {"a": {"diagnostics": [{}]}, "b": {"diagnostics": []}}}
    assert prose(run(1, json.dumps(ok))).findings == 1
    with pytest.raises(bench.BenchError):
        prose(run(1, json.dumps({"result": {"a": {"diagnostics": []}, "b": {"error": {}}}})))


def test_a_no_cache_run_that_writes_a_cache_stops_the_bench(tmp_path):
    bench = load_bench()
    work, scratch, cache = tmp_path / "work", tmp_path / "scratch", tmp_path / "cache"
    work.mkdir()
    scratch.mkdir()
    clean = bench.Command(
        "clean", [sys.executable, "-c", "pass"], 1, lambda run: bench.Outcome(0), True
    )
    writes = [sys.executable, "-c", "open('.voicelint_cache', 'w')"]
    with bench.Bench(work, scratch, env={}, sentinels=[cache]) as runner:
        runner.once(clean)
        assert len(clean.runs) == 1 and clean.runs[0].code == 0 and clean.runs[0].peak_mb > 0
        with pytest.raises(SystemExit, match="--no-cache run wrote"):
            runner.once(bench.Command("writes", writes, 1, lambda run: bench.Outcome(0), True))
