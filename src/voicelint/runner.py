"""Run a check: post files -> posts -> each post's policy, compiled once -> findings -> a report."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from voicelint.engine import CompiledPolicy, compile_policy, lint_post
from voicelint.errors import InputError, UsageError, did_you_mean
from voicelint.model import Post
from voicelint.policy import default_policy, find_client_policy, known_clients, load_policy
from voicelint.readers import collect_files, read_bytes, read_file
from voicelint.report import Report


@dataclass(frozen=True)
class CheckOptions:
    paths: Sequence[str]
    policy_file: Path | None = None
    policy_dirs: Sequence[Path] = field(default_factory=tuple)
    client: str | None = None
    default_client: str | None = None
    stdin_bytes: bytes | None = None
    stdin_format: str = "txt"


class PolicyResolver:
    """Finds and compiles each client's policy once; ``--policy`` gives one policy to every post."""

    def __init__(self, options: CheckOptions) -> None:
        self._options = options
        self._compiled: dict[str | None, CompiledPolicy] = {}

    def for_post(self, post: Post) -> CompiledPolicy:
        options = self._options
        if options.policy_file is not None:
            return self._get(
                None,
                lambda: load_policy(
                    options.policy_file, str(options.policy_file), expected_client=None
                ),
            )
        client = options.client or post.client or options.default_client
        if client is None:
            return self._get(None, default_policy)
        path = find_client_policy(client, list(options.policy_dirs))
        if path is None:
            names = known_clients(list(options.policy_dirs))
            where = ", ".join(str(d) for d in options.policy_dirs) or "./policies"
            hint = (
                did_you_mean(client, names)
                if names
                else f"add {where}/{client}.yaml (voicelint init {client})"
            )
            raise InputError(
                post.path, post.line, f'no policy for client "{client}" in {where}', hint
            )
        return self._get(client, lambda: load_policy(path))

    def _get(self, key: str | None, load) -> CompiledPolicy:  # type: ignore[no-untyped-def]
        if key not in self._compiled:
            self._compiled[key] = compile_policy(load())
        return self._compiled[key]


def run_check(options: CheckOptions) -> Report:
    """Lint every post of every input; raises a VoicelintError on input the user must fix."""
    resolver = PolicyResolver(options)
    report = Report()
    inputs: list[list[Post]] = []
    paths = [p for p in options.paths if p != "-"]
    if "-" in options.paths:
        if options.stdin_bytes is None:
            raise UsageError(None, None, "no input on stdin", "pipe a draft in, or name files")
        inputs.append(
            read_bytes(options.stdin_bytes, display_path="<stdin>", fmt=options.stdin_format)
        )
        report.files += 1
    for path, explicit in collect_files(paths):
        posts = read_file(path, explicit=explicit)
        if posts or explicit:
            report.files += 1
        inputs.append(posts)
    for posts in inputs:
        for post in posts:
            report.add(post, lint_post(resolver.for_post(post), post))
    return report
