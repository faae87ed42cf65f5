"""Shared helpers: write a policy or post file in a temporary directory, lint a draft in one call."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest

from voicelint.engine import compile_policy, lint_post
from voicelint.model import Finding, Post, SourceFile, TextMap
from voicelint.policy import build_policy, load_policy


def write(directory: Path, name: str, text: str) -> Path:
    path = directory / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def draft(text: str, **fields: object) -> Post:
    return Post(
        source=SourceFile("<draft>", text),
        index=1,
        id="1",
        text=text,
        text_map=TextMap.identity(),
        line=1,
        **fields,  # type: ignore[arg-type]
    )


def lint(text: str, policy: dict | None = None, **fields: object) -> list[Finding]:
    """Findings for one draft under a policy given as a mapping (core checks only by default)."""
    compiled = compile_policy(build_policy(dict(policy or {}), {}, "<test policy>", None, None))
    return lint_post(compiled, draft(text, **fields)).findings


def lint_file(policy_path: Path, text: str, **fields: object) -> list[Finding]:
    return lint_post(compile_policy(load_policy(policy_path)), draft(text, **fields)).findings


def rules_of(findings: list[Finding]) -> list[str]:
    return [f.rule for f in findings]


def run_cli(args: list[str], cwd: Path, stdin: str | bytes | None = None):
    """Run the voicelint CLI in a working directory, as a user at that prompt would."""
    from click.testing import CliRunner

    from voicelint.cli import main

    old = Path.cwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(main, args, input=stdin, catch_exceptions=False)
    finally:
        os.chdir(old)


@pytest.fixture
def tmp(tmp_path: Path) -> Path:
    return tmp_path


@pytest.fixture(autouse=True)
def private_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Each test caches results in a directory of its own, outside the directories it checks:
    a test never reads another's results, and never finds a cache it did not make."""
    directory = tmp_path_factory.mktemp("voicelint-cache")
    monkeypatch.setenv("VOICELINT_CACHE_DIR", str(directory))
    return directory
