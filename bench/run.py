"""Benchmark voicelint against proselint on the same seeded texts, like for like, and print both sides.

    python bench/run.py                                     # 10,000 posts, 5 rounds
    python bench/run.py --posts 100000 --runs 1 --proselint one-file   # peak memory at 100,000

The corpus is generated from templates with a fixed seed: posts and replies of 10 to 80 words with
emoji, hashtags, mentions and links, and a few per cent of drafts that break a rule. voicelint reads
them as JSON post files (500 posts a file) under a policy that extends every built-in pack;
proselint reads the same texts as one .txt file (its fastest way, with `max_errors` raised so that
it does not stop at its default 1,000 findings) and as one .txt file a post (its slowest way).

Every command is a fresh process timed from outside (wall clock, the CPU and the peak memory the
operating system accounts to it). The commands compared run in rounds, one of each per round, in
alternating order (A B, B A, A B...), and each ratio is the median of the per-round ratios, so a
machine whose speed drifts moves both sides alike. Every run's output is checked: the exit code,
the number of posts, the findings (identical for --jobs 1, --jobs 2 and the cache), and that a
--no-cache run wrote no cache. See bench/README.md for what each figure means.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from importlib import metadata
from pathlib import Path

CLIENTS = ("acme-bank", "vitality-labs", "harbor-coffee")
PLATFORMS = ("x", "instagram", "facebook", "linkedin", "tiktok", "threads")
OPENERS = [
    "Big news for {season}:",
    "Good morning!",
    "Quick update:",
    "Thanks for all the love this week.",
    "New on the menu:",
    "Did you know?",
    "Weekend plans?",
    "Heads up:",
    "We hear you.",
    "Fresh today:",
]
BODIES = [
    "our {product} is back at every store from Monday",
    "we're open until 9pm this Friday",
    "the {product} pairs well with a slow afternoon",
    "our team spent months getting the {product} right",
    "you can now order the {product} in the app",
    "members get early access to the {product}",
    "we've updated our hours for the holidays",
    "the {product} comes in three new flavors",
    "our branch on Main Street has a new ATM",
    "tap the link to see what's new",
    "we're hiring baristas and tellers in three cities",
    "come say hi to the team at the market",
]
CLOSERS = [
    "See you soon!",
    "Tell us what you think.",
    "Link in bio.",
    "More at the link below.",
    "Cheers!",
    "",
]
PRODUCTS = [
    "oat latte",
    "Holiday Saver account",
    "elderberry gummies",
    "cold brew",
    "mobile app",
    "magnesium blend",
]
EMOJI = ["☕", "🎉", "🍂", "👨‍👩‍👧", "🇺🇸", "👍🏽", "💚", "✨", ""]
HASHTAGS = ["#coffee", "#fall", "#banking", "#wellness", "#morning", "#local", "#news"]
VIOLATIONS = [
    "Guaranteed returns, every year.",
    "It cures colds overnight.",
    "100% eco-friendly cups!",
    "The #1 coffee in America.",
    "Reply with your account number and we'll check.",
    "HUGE SALE TODAY ONLY!!!",
]
REPLIES = [
    "I was charged twice this month.",
    "Is the Main St branch open Sunday?",
    "My order never arrived.",
    "Love the new latte!",
]


def make_post(rng: random.Random, index: int) -> dict:
    words = []
    while len(words) < rng.randint(10, 80):
        sentence = " ".join(
            (rng.choice(OPENERS), rng.choice(BODIES), rng.choice(CLOSERS), rng.choice(EMOJI))
        ).format(season=rng.choice(["fall", "winter", "spring"]), product=rng.choice(PRODUCTS))
        words.extend(sentence.split())
    text = " ".join(words)
    if rng.random() < 0.3:
        text += " " + " ".join(rng.sample(HASHTAGS, rng.randint(1, 3)))
    if rng.random() < 0.2:
        text += " https://example.com/p/" + str(index)
    if rng.random() < 0.04:
        text = rng.choice(VIOLATIONS) + " " + text
    post = {
        "id": f"p{index}",
        "client": rng.choice(CLIENTS),
        "platform": rng.choice(PLATFORMS),
        "text": text,
    }
    if rng.random() < 0.2:
        post.update(kind="reply", in_reply_to=rng.choice(REPLIES))
    return post


def write_corpus(directory: Path, posts: int, per_file: int = 500, seed: int = 2026) -> list[str]:
    """JSON post files of ``per_file`` posts under ``directory/posts`` for voicelint; returns the texts."""
    rng = random.Random(seed)
    texts = []
    (directory / "posts").mkdir(parents=True)
    for start in range(0, posts, per_file):
        batch = [make_post(rng, i) for i in range(start, min(posts, start + per_file))]
        texts.extend(p["text"] for p in batch)
        with (directory / "posts" / f"batch{start // per_file:04d}.json").open(
            "w", encoding="utf-8"
        ) as out:
            json.dump({"posts": batch}, out, ensure_ascii=False)
    (directory / "one.txt").write_text(texts[0], encoding="utf-8")
    return texts


def write_prose(directory: Path, texts: list[str]) -> None:
    """The same texts for proselint: ``all.txt`` (a blank line between posts) and ``prose/`` (a file a post)."""
    (directory / "all.txt").write_text("\n\n".join(texts) + "\n", encoding="utf-8")
    folder = directory / "prose"
    folder.mkdir()
    for index, text in enumerate(texts):
        (folder / f"{index:06d}.txt").write_text(text + "\n", encoding="utf-8")


# Every built-in pack but core, which is always on (a test keeps this list equal to rules/).
PACKS = (
    "finance",
    "health",
    "food",
    "cosmetics",
    "alcohol",
    "environmental",
    "endorsements",
    "customer-care",
    *("betting", "lending", "charity", "healthcare-providers", "crypto-investing"),
    *("home-energy", "travel", "prescription-drugs", "children"),
)
# A voice, channels and routing for every intent, so that the voice and care rules have work too.
POLICY = f"""\
# Every built-in pack (bench/run.py writes this file).
client: bench-all
extends: [{", ".join(PACKS)}]
voice:
  register: neutral
  max_exclamations: 2
  max_emoji: {{default: 3, linkedin: 1}}
  max_hashtags: 3
  banned_terms: [awesome, cheap, miracle, no-brainer]
  preferred_terms: {{"sign up": "open an account", "drive thru": "drive-through"}}
  competitors: [Southbank, Starbucks]
channels:
  support: "@BenchHelp"
  phone: "1-800-555-0100"
  email: care@bench.example
  press: press@bench.example
routing:
  billing: dm
  order_status: dm
  account_security: phone
  legal_threat: legal
  injury: safety
  adverse_event: safety
  medical_question: support
  press_inquiry: press
  crisis: phone
"""
# proselint stops after max_errors findings a file (1,000 by default), which makes one big file
# look fast: it skips the checks it has not reached yet.
PROSELINT_CONFIG = {"max_errors": 1_000_000_000}


class BenchError(Exception):
    """A run that failed or printed something other than a whole report: it must not count."""


@dataclass
class Run:
    """One finished process: wall and CPU seconds, peak memory, exit code and what it printed."""

    wall: float
    cpu: float
    peak_mb: float
    code: int
    stdout: str
    stderr: str


@dataclass
class Outcome:
    """What a run reported: its findings and, for voicelint, a digest of them to compare runs by."""

    findings: int
    digest: str = ""


@dataclass
class Command:
    label: str
    argv: list[str]
    posts: int
    check: Callable[[Run], Outcome]
    no_cache: bool = False
    cwd: Path | None = None  # the bench's working directory when None
    # run before each run, untimed: e.g. forget the cached results so the post is linted again
    prepare: Callable[[], None] | None = None
    runs: list[Run] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)


# Each command is started by a small process of its own, not by this script: Linux carries a
# process's peak memory across exec, so a command forked from this script (which has held whole
# reports) would count this script's size as its own peak. wait4 gives that one child's own
# accounting (with the workers it waited for), where getrusage(RUSAGE_CHILDREN) would give the
# largest of every child this process has had.
LAUNCHER = r"""
import json, os, subprocess, sys, time
for line in sys.stdin:
    job = json.loads(line)
    with open(job["stdout"], "wb") as out, open(job["stderr"], "wb") as err:
        start = time.perf_counter()
        child = subprocess.Popen(job["argv"], cwd=job["cwd"], env=job["env"], stdout=out, stderr=err)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    cpu = usage.ru_utime + usage.ru_stime
    print(json.dumps([wall, cpu, usage.ru_maxrss, child.returncode]), flush=True)
"""


class Launcher:
    """Runs commands one at a time to their end; their output goes to files (for both tools alike)."""

    def __init__(self, scratch: Path) -> None:
        self.scratch = scratch
        self.process = subprocess.Popen(
            [sys.executable, "-c", LAUNCHER],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def run(self, argv: list[str], cwd: Path, env: dict[str, str]) -> Run:
        out, err = self.scratch / "stdout", self.scratch / "stderr"
        job = {"argv": argv, "cwd": str(cwd), "env": env, "stdout": str(out), "stderr": str(err)}
        assert self.process.stdin and self.process.stdout
        self.process.stdin.write(json.dumps(job) + "\n")
        self.process.stdin.flush()
        answer = self.process.stdout.readline()
        if not answer:
            sys.exit(f"bench: could not start {' '.join(argv)}")
        wall, cpu, peak, code = json.loads(answer)
        scale = (
            1024 * 1024 if sys.platform == "darwin" else 1024
        )  # ru_maxrss: bytes there, KiB here
        return Run(
            wall=wall,
            cpu=cpu,
            peak_mb=peak / scale,
            code=code,
            stdout=out.read_text(encoding="utf-8", errors="replace"),
            stderr=err.read_text(encoding="utf-8", errors="replace"),
        )

    def close(self) -> None:
        assert self.process.stdin
        self.process.stdin.close()
        self.process.wait()


def voicelint_check(
    posts: int, files: int, codes: tuple[int, ...] = (1,)
) -> Callable[[Run], Outcome]:
    """A check of ``voicelint check --format json``: whole report, every post, the findings it counts."""

    def check(run: Run) -> Outcome:
        if run.code not in codes or "Traceback" in run.stderr:
            raise BenchError(
                f"exit code {run.code} (expected {codes}): {run.stderr.strip()[-500:]}"
            )
        try:
            report = json.loads(run.stdout)
        except json.JSONDecodeError as error:
            raise BenchError(f"no JSON report ({error})") from None
        summary, findings = report["summary"], report["findings"]
        if (summary["posts"], summary["files"]) != (posts, files):
            raise BenchError(
                f"checked {summary['posts']} posts in {summary['files']} files, not {posts} in {files}"
            )
        if summary["findings"] != len(findings) or (codes == (1,) and not findings):
            raise BenchError(f"{len(findings)} findings listed, {summary['findings']} counted")
        digest = hashlib.sha256(json.dumps(findings, sort_keys=True).encode()).hexdigest()
        return Outcome(len(findings), digest)

    return check


def proselint_check(sources: int, codes: tuple[int, ...] = (1,)) -> Callable[[Run], Outcome]:
    """A check of ``proselint check -o json``: every file linted, none failed, the findings it counts."""

    def check(run: Run) -> Outcome:
        if run.code not in codes:
            raise BenchError(
                f"exit code {run.code} (expected {codes}): {run.stderr.strip()[-500:]}"
            )
        try:
            results = json.loads(run.stdout)["result"]
        except (json.JSONDecodeError, KeyError) as error:
            raise BenchError(f"no JSON result ({error!r})") from None
        failed = [source for source, result in results.items() if "error" in result]
        if len(results) != sources or failed:
            raise BenchError(f"{len(results)} files reported of {sources}; failed: {failed[:3]}")
        return Outcome(sum(len(result["diagnostics"]) for result in results.values()))

    return check


class Bench:
    """Runs commands in one working directory and checks each run before it counts."""

    def __init__(self, work: Path, scratch: Path, env: dict[str, str], sentinels: list[Path]):
        self.work, self.env, self.sentinels = work, env, sentinels
        self.launcher = Launcher(scratch)

    def __enter__(self) -> Bench:
        return self

    def __exit__(self, *exc: object) -> None:
        self.launcher.close()

    def execute(self, argv: list[str]) -> Run:
        return self.launcher.run(argv, self.work, self.env)

    def once(self, command: Command, record: bool = True) -> Run:
        cwd = command.cwd or self.work
        if command.prepare is not None:
            command.prepare()
        before = sorted(os.listdir(cwd))
        run = self.launcher.run(command.argv, cwd, self.env)
        try:
            outcome = command.check(run)
            if command.no_cache:
                self._no_cache_written(cwd, before)
        except BenchError as error:
            sys.exit(f"bench: {command.label}: {' '.join(command.argv)}: {error}")
        if record:
            command.runs.append(run)
            command.outcomes.append(outcome)
        return run

    def _no_cache_written(self, cwd: Path, before: list[str]) -> None:
        created = sorted(set(os.listdir(cwd)) - set(before))
        written = [str(p) for p in self.sentinels if p.exists() and any(p.iterdir())]
        if created or written:
            raise BenchError(f"a --no-cache run wrote {created + written}: its time may hide work")

    def rounds(self, commands: list[Command], runs: int) -> None:
        """``runs`` rounds of every command, the order reversed every other round (A B, B A...)."""
        for index in range(runs):
            order = commands if index % 2 == 0 else commands[::-1]
            for command in order:
                progress(f"round {index + 1}/{runs}: {command.label}")
                self.once(command)


def progress(message: str) -> None:
    print(f"bench: {message}", file=sys.stderr, flush=True)


def same_findings(commands: list[Command]) -> None:
    """Every run of these commands reported the very same findings, or the bench stops."""
    seen = {(c.label, o.findings, o.digest) for c in commands for o in c.outcomes}
    if len({(findings, digest) for _, findings, digest in seen}) > 1:
        counts = sorted((label, findings) for label, findings, _ in seen)
        sys.exit(f"bench: the findings differ between runs: {counts}")


def paired(a: Command, b: Command, measure: Callable[[Run, int], float]) -> float:
    """The median over the rounds of measure(a's run) / measure(b's run, same round)."""
    return statistics.median(
        measure(x, a.posts) / measure(y, b.posts) for x, y in zip(a.runs, b.runs, strict=True)
    )


def rate(run: Run, posts: int) -> float:
    return posts / run.wall


def cpu_rate(run: Run, posts: int) -> float:
    return posts / run.cpu


def version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "not installed here"


def machine() -> str:
    """The machine and the versions, for the first line of the report."""
    cores = os.cpu_count() or 0
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else cores
    model = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        lines = cpuinfo.read_text().splitlines()
        names = [line.split(":", 1)[1].strip() for line in lines if line.startswith("model name")]
        model = names[0] if names else model
    memory = ""
    if "SC_PHYS_PAGES" in getattr(os, "sysconf_names", {}):
        memory = f", {os.sysconf('SC_PHYS_PAGES') * os.sysconf('SC_PAGE_SIZE') / 2**30:.0f} GiB"
    return (
        f"{platform.system()} {platform.release()}, {model}, {cores} cores ({usable} usable)"
        f"{memory}; Python {platform.python_version()}; voicelint {version('voicelint')}, "
        f"spaCy {version('spacy')}, proselint {version('proselint')}"
    )


def load() -> str:
    """The one-minute load average: above the core count, other work shares the machine."""
    return f"{os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else "?"


HEADER = f"{'':<38} {'wall s':>7} {'(min-max)':<15} {'posts/s':>8} {'cpu s':>7} {'peak MB':>7} {'findings':>8}"


def row(command: Command) -> str:
    walls = sorted(run.wall for run in command.runs)
    wall = statistics.median(walls)
    spread = f"({walls[0]:.2f}-{walls[-1]:.2f})"
    return (
        f"{command.label:<38} {wall:7.2f} {spread:<15} "
        f"{f'{command.posts / wall:,.0f}' if command.posts > 1 else '-':>8} "
        f"{statistics.median(run.cpu for run in command.runs):7.2f} "
        f"{statistics.median(run.peak_mb for run in command.runs):7.0f} "
        f"{command.outcomes[-1].findings:8,}"
    )


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=10_000, help="posts in the corpus (10,000)")
    parser.add_argument("--runs", type=int, default=5, help="rounds of each comparison (5)")
    parser.add_argument("--per-file", type=int, default=500, help="posts a voicelint file (500)")
    parser.add_argument(
        "--proselint",
        choices=("both", "one-file", "none"),
        default="both",
        help="proselint on one file and on a file a post (both), on one file only, or not at all",
    )
    parser.add_argument(
        "--cached-posts", type=int, default=1_000, help="posts of the small cached re-run (1,000)"
    )
    return parser.parse_args()


@dataclass
class Commands:
    """What the bench runs: the cold starts, the like-for-like comparison, the cache re-runs."""

    cold: list[Command]
    compared: list[Command]
    warm: Command
    small: Command


def commands(
    args: argparse.Namespace, root: Path, voicelint: str, proselint: str | None
) -> Commands:
    """Writes the corpus, the policy and proselint's config under ``root``; the commands over them."""
    work, small_repo = root / "work", root / "small"
    texts = write_corpus(work, args.posts, args.per_file)
    files = len(list((work / "posts").iterdir()))
    write_corpus(small_repo, args.cached_posts, per_file=20)
    if proselint:
        write_prose(work, texts)
    policy = root / "bench-all.yaml"
    policy.write_text(POLICY, encoding="utf-8")
    config = root / "proselint.json"
    config.write_text(json.dumps(PROSELINT_CONFIG), encoding="utf-8")

    lint = [voicelint, "check", "--policy", str(policy), "--format", "json"]
    every = voicelint_check(args.posts, files)
    no_cache = [*lint, "posts", "--no-cache"]
    one = Command(
        "voicelint --jobs 1 --no-cache", [*no_cache, "--jobs", "1"], args.posts, every, True
    )
    two = Command(
        "voicelint --jobs 2 --no-cache", [*no_cache, "--jobs", "2"], args.posts, every, True
    )
    cold = Command(
        "cold start, one post: voicelint",
        [*lint, "one.txt", "--no-cache"],
        1,
        voicelint_check(1, 1, (0, 1)),
        True,
    )
    # One post not linted before, as a pre-commit hook meets an edited draft: the policy, its
    # packs and the lexicons are read back from the start-up caches (filled by an untimed run),
    # the post's result is forgotten before every run.
    start = root / "start-cache"
    new_post = Command(
        "cold start, one new post, policy cached",
        [*lint, "one.txt", "--cache-dir", str(start)],
        1,
        voicelint_check(1, 1, (0, 1)),
        prepare=partial(forget_results, start),
    )
    # The default --jobs, as a user re-runs it; the first run fills the cache and is not timed.
    cache = [*lint, "posts", "--cache-dir", str(root / "cache")]
    warm = Command("voicelint, warm cache", cache, args.posts, every)
    small = Command(
        f"voicelint, warm cache, {args.cached_posts:,} posts",
        cache,
        args.cached_posts,
        voicelint_check(args.cached_posts, len(list((small_repo / "posts").iterdir()))),
        cwd=small_repo,
    )
    if not proselint:
        return Commands([cold, new_post], [one, two], warm, small)
    prose = [proselint, "check", "-o", "json", "--config", str(config)]
    prose_one = Command("proselint, one file", [*prose, "all.txt"], args.posts, proselint_check(1))
    prose_cold = Command(
        "cold start, one post: proselint", [*prose, "one.txt"], 1, proselint_check(1, (0, 1))
    )
    compared = [prose_one, one, two]
    if args.proselint == "both":
        compared.append(
            Command(
                "proselint, a file a post",
                [*prose, "prose"],
                args.posts,
                proselint_check(args.posts),
            )
        )
    return Commands([prose_cold, cold, new_post], compared, warm, small)


def forget_results(cache: Path) -> None:
    """Delete the result entries (``*.json``) of a voicelint cache, keeping the policies and the
    parsed packs and lexicons (``policies/``, ``yaml/``)."""
    for entry in cache.rglob("*.json"):
        entry.unlink()


def report(runs: Commands) -> None:
    """The table, then the ratios: voicelint against proselint, two processes against one."""
    print(HEADER)
    by_label = {c.label: c for c in [*runs.cold, *runs.compared, runs.warm, runs.small]}
    for command in sorted(by_label.values(), key=lambda c: (c.posts > 1, c.label)):
        print(row(command))
    one, two = by_label["voicelint --jobs 1 --no-cache"], by_label["voicelint --jobs 2 --no-cache"]
    pairs = [
        (
            "cold start (one post), voicelint / proselint",
            "cold start, one post: voicelint",
            "cold start, one post: proselint",
            rate,
            "",
        ),
        (
            "voicelint --jobs 1 / proselint, a file a post",
            one.label,
            "proselint, a file a post",
            rate,
            "",
        ),
        (
            "voicelint --jobs 1 / proselint, one file (CPU)",
            one.label,
            "proselint, one file",
            cpu_rate,
            "",
        ),
        (
            "voicelint --jobs 1 / proselint, one file",
            one.label,
            "proselint, one file",
            rate,
            ">= 3x",
        ),
        ("voicelint --jobs 2 / --jobs 1 (CPU)", two.label, one.label, cpu_rate, ""),
        ("voicelint --jobs 2 / --jobs 1", two.label, one.label, rate, ">= 1.7x"),
    ]
    print(
        "ratios of posts/s ((CPU): of posts a CPU second), each the median of the per-round"
        " ratios; above 1x the first is faster:"
    )
    for label, a, b, measure, target in pairs:
        if a in by_label and b in by_label:
            value = paired(by_label[a], by_label[b], measure)
            print(f"  {label:<48} {value:5.2f}x" + (f"  (issue 14: {target})" if target else ""))


def main() -> None:
    args = arguments()
    voicelint = shutil.which("voicelint")
    if voicelint is None:
        sys.exit("bench: install voicelint first (pip install .)")
    proselint = shutil.which("proselint") if args.proselint != "none" else None
    if args.proselint != "none" and proselint is None:
        sys.exit("bench: pip install proselint (or --proselint none)")
    # proselint merges these under --config: one could switch checks off and make it look fast.
    for other in (Path("/etc/proselintrc"), Path.home() / ".proselintrc.json"):
        if proselint and other.exists():
            sys.exit(f"bench: proselint would also read {other}; move it away for the bench")
    started = dt.datetime.now(dt.UTC)
    print(f"machine: {started:%Y-%m-%d %H:%M} UTC; {machine()}; load {load()} at start", flush=True)
    with tempfile.TemporaryDirectory(prefix="voicelint-bench-") as tmp:
        root = Path(tmp)
        for folder in ("work", "scratch", "small"):
            (root / folder).mkdir()
        runs = commands(args, root, voicelint, proselint)
        fed = {
            "both": "one .txt file, and a .txt file a post",
            "one-file": "one .txt file",
            "none": "not run",
        }
        print(
            f"corpus: {args.posts:,} posts (seed 2026), the same texts for both; voicelint: JSON "
            f"files of {args.per_file} posts, a policy with every pack (core, {', '.join(PACKS)}); "
            f"proselint: {fed[args.proselint]}",
            flush=True,
        )
        # Nothing may answer from a cache or a config the bench did not write: voicelint's cache
        # goes to a directory that must stay absent in --no-cache runs, the XDG homes are empty.
        sentinels = [root / "no-cache", root / "xdg-cache", root / "xdg-config"]
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env.update(
            VOICELINT_CACHE_DIR=str(sentinels[0]),
            XDG_CACHE_HOME=str(sentinels[1]),
            XDG_CONFIG_HOME=str(sentinels[2]),
        )
        with Bench(root / "work", root / "scratch", env, sentinels) as bench:
            # As pip installs them: modules compiled once, not in the first timed run.
            bench.execute([voicelint, "--version"])
            if proselint:
                bench.execute([proselint, "version"])
            floor = bench.execute([sys.executable, "-c", ""]).peak_mb
            for command in runs.cold:
                if command.prepare is not None:  # fills the start-up caches
                    bench.once(command, record=False)
            bench.rounds(runs.cold, args.runs)
            bench.rounds(runs.compared, args.runs)
            progress("filling the cache")
            bench.once(runs.warm, record=False)
            bench.once(runs.small, record=False)
            bench.rounds([runs.warm], args.runs)
            bench.rounds([runs.small], args.runs)
        same_findings([c for c in runs.compared if c.label.startswith("voicelint")] + [runs.warm])
    print(
        f"load {load()} at the end; each figure the median of {args.runs} runs; peak memory: the "
        f"largest single process (an empty Python reads {floor:.0f} MB)",
        flush=True,
    )
    report(runs)


if __name__ == "__main__":
    main()
