"""Run a check: post files -> posts -> each post's policy, compiled once -> findings -> a report."""

from __future__ import annotations

import datetime as dt
import os
import signal
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from voicelint.cache import ResultCache, code_digest, file_key, policy_digest
from voicelint.data import check_client_id
from voicelint.errors import InputError, UsageError, did_you_mean
from voicelint.model import Post
from voicelint.policy import (
    Policy,
    default_policy,
    find_client_policy,
    known_clients,
    load_policy,
)
from voicelint.policycache import PolicyCache
from voicelint.readers import (
    FORMATS,
    FileRead,
    display_name,
    find_inputs,
    read_posts,
    read_stdin,
)
from voicelint.report import Report
from voicelint.results import PostResult
from voicelint.schedule import check_schedule
from voicelint.yamlfile import parses_cached

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

    # the engine (its kinds, spaCy) is imported only when a post is linted: a run answered from
    # the cache never needs it
    from voicelint.engine import CompiledPolicy


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
    cache_dir: Path | None = None  # where results of unchanged files are kept; None: no cache
    jobs: int | None = None  # processes that lint; None: every core, for large inputs only
    # a path given that yields no posts passes (else exit 2: a mistyped path must not pass a gate)
    allow_empty: bool = False
    keep_posts: bool = False  # the report keeps every post, for a format that shows the drafts


# Below this many posts to lint, the default is one process: each worker starts with cold
# caches (word folds, matchers per anchor set) and the posts go to it pickled, which cost 16% more
# CPU at 3,000 posts and 3% at 10,000 (bench/README.md); a second core paid for itself at 10,000.
PARALLEL_MIN_POSTS = 5000


def compile_policy(policy: Policy) -> CompiledPolicy:
    """``engine.compile_policy``, the engine imported on first use: a run the cache answers
    whole never imports it (nor its kinds, nor spaCy)."""
    from voicelint.engine import compile_policy as compile_

    return compile_(policy)


def lint_post(compiled: CompiledPolicy, post: Post, now: dt.datetime | None) -> PostResult:
    """``engine.lint_post``, the engine imported on first use (see ``compile_policy``)."""
    from voicelint.engine import lint_post as lint

    return lint(compiled, post, now)


class PolicyResolver:
    """Finds and loads each client's policy once, and compiles it only when a post needs linting;
    ``--policy`` gives one policy to every post."""

    def __init__(self, options: CheckOptions, cache: PolicyCache | None = None) -> None:
        self._options = options
        self._cache = cache  # loaded policies kept on disk, read back while no file changed
        self._policies: dict[str | None, Policy] = {}
        self._digests: dict[str | None, str] = {}
        self._compiled: dict[str | None, CompiledPolicy] = {}
        self._found: dict[str, Path | None] = {}

    def policy(self, key: str | None) -> Policy:
        return self._policies[key]

    def digest(self, key: str | None) -> str:
        if key not in self._digests:
            self._digests[key] = policy_digest(self._policies[key])
        return self._digests[key]

    def compiled(self, key: str | None) -> CompiledPolicy:
        if key not in self._compiled:
            self._compiled[key] = compile_policy(self._policies[key])
        return self._compiled[key]

    def compiled_policies(self) -> dict[str | None, CompiledPolicy]:
        """The policies compiled so far, by key."""
        return self._compiled

    def given_policy(self) -> None:
        """Load ``--policy`` now: a broken policy is an error (exit 2) even when no post of the
        run can be read to ask for it."""
        if self._options.policy_file is not None:
            self._given(self._options.policy_file)

    def _given(self, path: Path) -> str | None:
        return self._load(None, path, str(path), None)

    def key_for(self, post: Post) -> str | None:
        """Which policy the post is checked against (loading it the first time)."""
        options = self._options
        if options.policy_file is not None:
            return self._given(options.policy_file)
        client = (
            options.client
            or post.client
            or client_for_path(post.path, options.path_clients, options.root)
            or options.default_client
        )
        if client is None:
            if None not in self._policies:
                cache = self._cache
                self._policies[None] = (
                    default_policy()
                    if cache is None
                    else cache.load(None, "<defaults>", None, default_policy)
                )
            return None
        if client not in self._found:
            # --client has no place in a file; a post's client: is at the post
            check_client_id(client, *((None, None) if options.client else (post.path, post.line)))
            self._found[client] = find_client_policy(client, list(options.policy_dirs))
        path = self._found[client]
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
        return self._load(client, path, str(path), path.stem)

    def _load(self, key: str | None, path: Path, display: str, expected: str | None) -> str | None:
        if key not in self._policies:
            load = partial(load_policy, path, display, expected_client=expected)
            cache = self._cache
            self._policies[key] = (
                load() if cache is None else cache.load(path, display, expected, load)
            )
        return key


def run_check(options: CheckOptions) -> Report:
    """Lint every post of every input; raises a VoicelintError on input the user must fix.

    Files are read, linted and reported as a stream: a file is handed to the linter as soon as it
    is read, and reported (in input order) as soon as its results are back, so memory holds the
    posts in flight, not every post of a large run, and reading and reporting overlap the linting
    the worker processes do.
    """
    if options.cache_dir is None:
        return _run_check(options, None, PolicyResolver(options))
    # Policies are read back whole from the cache while no file they read changed; packs and
    # lexicons that must be read are parsed from JSON, not YAML. With every result in the cache,
    # nothing is compiled and neither the engine nor spaCy is imported.
    salt = code_digest()
    resolver = PolicyResolver(options, PolicyCache(options.cache_dir, salt))
    with parses_cached(options.cache_dir, salt):
        return _run_check(options, ResultCache(options.cache_dir), resolver)


def _run_check(
    options: CheckOptions, cache: ResultCache | None, resolver: PolicyResolver
) -> Report:
    report = Report(kept=[] if options.keep_posts else None)
    resolver.given_policy()
    linter = Linter(resolver, options.now, options.jobs)
    pending: deque[_File] = deque()
    try:
        for posts, problems in _inputs(options, report):
            keys = [resolver.key_for(post) for post in posts]
            entry = _entry(posts, [resolver.digest(k) for k in keys], options.now)
            found = (
                cache.get(entry, posts[0].path, len(posts))
                if cache is not None and entry is not None and posts
                else None
            )
            file = _File(posts, keys, entry, found, problems)
            if file.results is None:
                file.fresh = True
                linter.submit(file)
            pending.append(file)
            # report what is done; wait for the oldest file only when too many posts are in flight
            while pending and (pending[0].done() or linter.in_flight > IN_FLIGHT_POSTS):
                _report_file(pending.popleft(), linter, resolver, cache, report, options)
        linter.flush()
        while pending:
            _report_file(pending.popleft(), linter, resolver, cache, report, options)
    finally:
        linter.close()
    return report


def check_buffer(
    path: str, text: str, options: CheckOptions, resolver: PolicyResolver | None = None
) -> Report:
    """Lint one post file's text as an editor holds it (not as saved at ``path``), as ``check``
    lints that file in a walk: a file that holds no posts (a README, a CI config) is skipped.
    A ``resolver`` kept between calls keeps its policies compiled."""
    resolver = resolver or PolicyResolver(options)
    report = Report()
    fmt = FORMATS.get(Path(path).suffix.lower())
    if fmt is None:
        report.skip(path, "not a post file type")
        return report
    data = text.encode("utf-8", "surrogatepass")
    read = read_stdin(data, display_path=path, fmt=fmt, explicit=False)
    if read.skipped is not None:
        report.skip(read.display, read.skipped)
        return report
    report.files += 1
    problems = partial(_add_problems, report, read) if read.problems else None
    keys = [resolver.key_for(post) for post in read.posts]
    file = _File(read.posts, keys, None, None, problems, fresh=True)
    linter = Linter(resolver, options.now, 1)
    try:
        linter.submit(file)
        linter.flush()
        _report_file(file, linter, resolver, None, report, options)
    finally:
        linter.close()
    return report


# Posts read but not yet reported, at most: enough to keep every worker busy, few enough that
# 100,000 posts do not sit in memory at once.
IN_FLIGHT_POSTS = 2 * PARALLEL_MIN_POSTS
# Posts a worker lints in one task: large enough that sending them costs little, small enough
# that the workers finish together.
CHUNK_POSTS = 64


@dataclass
class _File:
    posts: list[Post]
    keys: list[str | None]  # each post's policy
    entry: str | None  # its cache key
    results: list[PostResult] | None  # from the cache, or once linted
    problems: Callable[[], None] | None = None  # reports the file's bad posts, in file order
    futures: list[Future[list[PostResult]]] = field(default_factory=list)  # chunks in workers
    waiting: bool = False  # handed to the linter, which has not linted it yet
    fresh: bool = False  # linted in this run (not from the cache)

    def done(self) -> bool:
        return not self.waiting and all(future.done() for future in self.futures)


def _inputs(
    options: CheckOptions, report: Report
) -> Iterator[tuple[list[Post], Callable[[], None] | None]]:
    """The posts of stdin, then of each file, read one file at a time.

    A bad post or a file that cannot be read is an error finding, and reading goes on; a file
    a walk finds that is not a post file, or must not be opened, is noted as skipped. A path
    given that yields neither posts nor findings stops the run, unless ``allow_empty``.
    """
    if "-" in options.paths:
        if options.stdin_bytes is None:
            raise UsageError(None, None, "no input on stdin", "pipe a draft in, or name files")
        report.files += 1
        read = read_stdin(options.stdin_bytes, display_path="<stdin>", fmt=options.stdin_format)
        yield read.posts, partial(_add_problems, report, read) if read.problems else None
    named = [p for p in options.paths if p != "-"]
    found = [False] * len(named)
    for candidate in find_inputs(named, contain_named=options.skip_non_posts):
        if candidate.refused is not None:
            report.skip(candidate.display, candidate.refused)
            continue
        explicit = candidate.explicit and not options.skip_non_posts
        read = read_posts(candidate.path, explicit=explicit, display_path=candidate.display)
        if read.skipped is not None:
            report.skip(read.display, read.skipped)
            continue
        report.files += 1
        if read.posts or read.problems:
            for argument in candidate.arguments:
                found[argument] = True
        yield read.posts, partial(_add_problems, report, read) if read.problems else None
    if not options.allow_empty:
        for name, yielded in zip(named, found, strict=True):
            if not yielded:
                shown = display_name(name)
                raise UsageError(
                    shown,
                    None,
                    f"no posts found in {shown}",
                    "name post files or use --allow-empty",
                )


def _add_problems(report: Report, read: FileRead) -> None:
    for problem in read.problems:
        report.add_problem(read.display, problem, read.source)


def _entry(posts: list[Post], policy_digests: list[str], now: dt.datetime | None) -> str | None:
    """The cache key of one file's results, or None for a file with no posts."""
    if not posts:
        return None
    # an exception with an expiry date gives another answer tomorrow
    today = (
        (now or dt.datetime.now(dt.UTC)).date()
        if any(post.suppressions is not None for post in posts)
        else None
    )
    return file_key(posts[0].path, posts[0].source.text, policy_digests, today)


def _report_file(
    file: _File,
    linter: Linter,
    resolver: PolicyResolver,
    cache: ResultCache | None,
    report: Report,
    options: CheckOptions,
) -> None:
    """Report one file: its bad posts, then each post's findings; store fresh results."""
    if file.problems is not None:
        file.problems()
    if file.fresh:
        file.results = linter.results(file)
        if cache is not None and file.entry is not None:
            cache.put(file.entry, file.results)
    assert file.results is not None
    for post, key, result in zip(file.posts, file.keys, file.results, strict=True):
        policy = resolver.policy(key)
        findings = [*result.findings, *check_schedule(policy, post, options.now)]
        report.add(post, PostResult(findings, result.suppressed), policy.rules, policy.client)
    file.futures = []


class Linter:
    """Lints files in this process, or in one pool of worker processes for the whole run.

    Files wait here until ``PARALLEL_MIN_POSTS`` posts are pending or the input ends; then the
    number of processes is decided (``_processes``). A pool is forked once, after the policies
    pending so far are compiled, so every worker starts with them ready; a policy first met
    later is compiled once in each worker that needs it. Each file's posts go to the workers in
    chunks while reading and reporting go on, and come back in order, so the output is the same
    as one process's. A worker that dies fails the run (concurrent.futures notices, where
    multiprocessing.Pool waits for it for ever); Ctrl-C stops the workers, which ignore it, and
    reaches the command line as one KeyboardInterrupt.
    """

    def __init__(self, resolver: PolicyResolver, now: dt.datetime | None, jobs: int | None) -> None:
        self._resolver = resolver
        self._now = now
        self._jobs = jobs
        self._waiting: list[_File] = []
        self._processes: int | None = None  # decided once enough posts are pending
        self._pool: ProcessPoolExecutor | None = None
        self._forked_with: frozenset[str | None] = frozenset()  # policies the workers inherited
        self._sent: set[str | None] = set()
        self.in_flight = 0  # posts handed over and not yet reported

    def submit(self, file: _File) -> None:
        self.in_flight += len(file.posts)
        if self._processes is None:
            file.waiting = True
            self._waiting.append(file)
            if sum(len(f.posts) for f in self._waiting) >= PARALLEL_MIN_POSTS:
                self._start(PARALLEL_MIN_POSTS)
        else:
            self._dispatch(file)

    def flush(self) -> None:
        """The input has ended: decide for what is pending."""
        if self._processes is None:
            self._start(sum(len(f.posts) for f in self._waiting))

    def _start(self, posts: int) -> None:
        self._processes = _processes(self._jobs, posts)
        if self._processes > 1:
            # imported here: a run in one process (most runs, and every one the cache answers)
            # does without them
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            global _COMPILED, _NOW
            for file in self._waiting:
                for key in file.keys:
                    self._resolver.compiled(key)
            _COMPILED, _NOW = dict(self._resolver.compiled_policies()), self._now
            self._forked_with = frozenset(_COMPILED)
            self._pool = ProcessPoolExecutor(
                self._processes,
                mp_context=multiprocessing.get_context("fork"),
                initializer=_ignore_interrupts,
            )
        waiting, self._waiting = self._waiting, []
        for file in waiting:
            file.waiting = False
            self._dispatch(file)

    def _dispatch(self, file: _File) -> None:
        if self._pool is None:
            resolver = self._resolver
            file.results = [
                lint_post(resolver.compiled(key), post, self._now)
                for post, key in zip(file.posts, file.keys, strict=True)
            ]
            return
        from concurrent.futures.process import BrokenProcessPool

        for start in range(0, len(file.posts), CHUNK_POSTS):
            keys = file.keys[start : start + CHUNK_POSTS]
            policies = {
                key: self._resolver.policy(key)
                for key in set(keys)
                if key not in self._forked_with and key not in self._sent
            }
            self._sent.update(policies)
            chunk = (file.posts[start : start + CHUNK_POSTS], keys, policies)
            try:
                file.futures.append(self._pool.submit(_lint_chunk, chunk))
            except BrokenProcessPool:
                raise _died() from None

    def results(self, file: _File) -> list[PostResult]:
        """A dispatched file's results, in post order (waiting for its workers)."""
        self.in_flight -= len(file.posts)
        if file.waiting:  # not decided yet: decide for what is pending
            self.flush()
        if file.results is not None:
            return file.results
        from concurrent.futures.process import BrokenProcessPool

        try:
            return [result for future in file.futures for result in future.result()]
        except BrokenProcessPool:
            raise _died() from None

    def close(self) -> None:
        global _COMPILED, _NOW
        if self._pool is not None:
            _stop(self._pool)
            self._pool = None
        _COMPILED, _NOW = {}, None


def _died() -> UsageError:
    return UsageError(
        None,
        None,
        "a worker process died before it finished (killed, or out of memory)",
        "run again, or with --jobs 1",
    )


# In a worker: the policies compiled before the fork, and those compiled since.
_COMPILED: dict[str | None, CompiledPolicy] = {}
_NOW: dt.datetime | None = None


def _lint_chunk(
    chunk: tuple[list[Post], list[str | None], dict[str | None, Policy]],
) -> list[PostResult]:
    posts, keys, policies = chunk
    for key, policy in policies.items():
        if key not in _COMPILED:
            _COMPILED[key] = compile_policy(policy)
    return [lint_post(_COMPILED[key], post, _NOW) for post, key in zip(posts, keys, strict=True)]


def _ignore_interrupts() -> None:
    # Ctrl-C reaches every process of the terminal's group: the parent alone answers it
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _stop(pool: ProcessPoolExecutor) -> None:
    """Shut the pool down without waiting for runs still going (after an error or Ctrl-C)."""
    workers = list((getattr(pool, "_processes", None) or {}).values())
    # shutdown(wait=False) forgets the pool's manager thread; it must still be waited for, or the
    # interpreter's exit hook wakes it through a pipe it is closing ("Bad file descriptor")
    manager = getattr(pool, "_executor_manager_thread", None)
    pool.shutdown(wait=False, cancel_futures=True)
    for worker in workers:
        if worker.is_alive():
            worker.terminate()
    for worker in workers:
        worker.join(timeout=5)
    if manager is not None:
        manager.join(timeout=10)
    pool.shutdown(wait=True)


def _processes(jobs: int | None, posts: int) -> int:
    """How many processes lint ``posts`` posts: ``jobs`` if given, else every core when it pays;
    never more than the cores this process may run on, nor than the posts."""
    if jobs is not None:
        wanted = max(1, min(jobs, posts, _cores()))
    else:
        wanted = 1 if posts < PARALLEL_MIN_POSTS else _cores()
    if wanted > 1:
        import multiprocessing

        if "fork" not in multiprocessing.get_all_start_methods():
            return 1  # without fork each worker would compile every policy again
    return wanted


def _cores() -> int:
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


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


def glob_regex(pattern: str) -> Glob:
    """A path glob as gitignore and pre-commit users write it: ``*`` stays within a directory,
    ``**`` crosses directories, ``?`` is one character; a trailing ``/`` means everything below.

    Matched by walking the pattern's states along the path once (linear in both), not by a
    backtracking regex, which a glob of many ``**`` made take forever."""
    if pattern.endswith("/"):
        pattern += "**"
    tokens: list[str] = []
    index = 0
    while index < len(pattern):
        for token in ("**/", "**", "*", "?"):
            if pattern.startswith(token, index):
                break
        else:
            token = pattern[index]
        tokens.append(token)
        index += len(token)
    return Glob(tuple(tokens))


@dataclass(frozen=True)
class Glob:
    """A compiled path glob; ``fullmatch`` says whether a whole ``/``-separated path matches."""

    tokens: tuple[str, ...]

    def fullmatch(self, path: str) -> bool:
        # a state is (token index, inside a "**/" that has consumed something)
        states = self._closure({(0, False)})
        for char in path:
            moved: set[tuple[int, bool]] = set()
            for at, _inside in states:
                if at == len(self.tokens):
                    continue
                token = self.tokens[at]
                if token == "**/":
                    moved.add((at, True))
                    if char == "/":
                        moved.add((at + 1, False))
                elif token == "**" or (token == "*" and char != "/"):
                    moved.add((at, False))
                elif token == char or (token == "?" and char != "/"):
                    moved.add((at + 1, False))
            states = self._closure(moved)
            if not states:
                return False
        return (len(self.tokens), False) in states

    def _closure(self, states: set[tuple[int, bool]]) -> set[tuple[int, bool]]:
        """Add the states reached by letting ``*``, ``**`` and ``**/`` match nothing."""
        todo = list(states)
        while todo:
            at, inside = todo.pop()
            if (
                at < len(self.tokens)
                and (self.tokens[at] in ("*", "**") or (self.tokens[at] == "**/" and not inside))
                and (at + 1, False) not in states
            ):
                states.add((at + 1, False))
                todo.append((at + 1, False))
        return states
