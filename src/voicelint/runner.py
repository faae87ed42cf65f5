"""Run a check: post files -> posts -> each post's policy, compiled once -> findings -> a report."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from voicelint.engine import CompiledPolicy, compile_policy, lint_post
from voicelint.errors import InputError, UsageError, did_you_mean
from voicelint.model import Post
from voicelint.policy import default_policy, find_client_policy, known_clients, load_policy
from voicelint.readers import collect_files, read_bytes, read_file
from voicelint.report import Report
from voicelint.schedule import check_schedule


@dataclass(frozen=True)
class CheckOptions:
    paths: Sequence[str]
    policy_file: Path | None = None
    policy_dirs: Sequence[Path] = field(default_factory=tuple)
    client: str | None = None
    default_client: str | None = None
    stdin_bytes: bytes | None = None
    stdin_format: str = "txt"
    # (glob, client) from the configuration, globs relative to ``root``; the first match wins
    path_clients: Sequence[tuple[str, str]] = field(default_factory=tuple)
    root: Path | None = None
    # a file named on the command line that holds no posts is skipped, as in a directory walk
    skip_non_posts: bool = False
    now: dt.datetime | None = None  # the current time, injectable for tests and previews


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
        client = (
            options.client
            or post.client
            or client_for_path(post.path, options.path_clients, options.root)
            or options.default_client
        )
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
        explicit = explicit and not options.skip_non_posts
        posts = read_file(path, explicit=explicit)
        if posts or explicit:
            report.files += 1
        inputs.append(posts)
    for posts in inputs:
        for post in posts:
            compiled = resolver.for_post(post)
            result = lint_post(compiled, post, options.now)
            policy = compiled.policy
            result.findings.extend(check_schedule(policy, post, options.now))
            report.add(post, result, policy.rules, policy.client)
    return report


def client_for_path(
    path: str, path_clients: Sequence[tuple[str, str]], root: Path | None
) -> str | None:
    """The client of the first configured glob that matches the post file's path from ``root``."""
    if not path_clients or path.startswith("<"):
        return None
    absolute = Path(path).resolve()
    base = (root or Path.cwd()).resolve()
    try:
        relative = absolute.relative_to(base).as_posix()
    except ValueError:
        relative = Path(os.path.relpath(absolute, base)).as_posix()
    for pattern, client in path_clients:
        if glob_regex(pattern).fullmatch(relative):
            return client
    return None


def glob_regex(pattern: str) -> re.Pattern[str]:
    """A path glob as gitignore and pre-commit users write it: ``*`` stays within a directory,
    ``**`` crosses directories, ``?`` is one character; a trailing ``/`` means everything below."""
    if pattern.endswith("/"):
        pattern += "**"
    out = []
    index = 0
    while index < len(pattern):
        if pattern.startswith("**/", index):
            out.append("(?:.*/)?")
            index += 3
        elif pattern.startswith("**", index):
            out.append(".*")
            index += 2
        elif pattern[index] == "*":
            out.append("[^/]*")
            index += 1
        elif pattern[index] == "?":
            out.append("[^/]")
            index += 1
        else:
            out.append(re.escape(pattern[index]))
            index += 1
    return re.compile("".join(out))
