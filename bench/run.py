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
import time
from collections.abc import Callable
from dataclasses import dataclass, field
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
    runs: list[Run] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)


def execute(argv: list[str], cwd: Path, env: dict[str, str], scratch: Path) -> Run:
    """Run ``argv`` to its end; its output goes to files (for both tools alike), not to a pipe."""
    out, err = scratch / "stdout", scratch / "stderr"
    with out.open("wb") as stdout, err.open("wb") as stderr:
        start = time.perf_counter()
        process = subprocess.Popen(argv, cwd=cwd, env=env, stdout=stdout, stderr=stderr)
        # wait4 gives this child's own accounting (with the workers it waited for), not the sum
        # over every child this script has had, as getrusage(RUSAGE_CHILDREN) would.
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes there, KiB here
    return Run(
        wall=wall,
        cpu=usage.ru_utime + usage.ru_stime,
        peak_mb=usage.ru_maxrss / scale,
        code=process.returncode,
        stdout=out.read_text(encoding="utf-8", errors="replace"),
        stderr=err.read_text(encoding="utf-8", errors="replace"),
    )


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
        self.work, self.scratch, self.env, self.sentinels = work, scratch, env, sentinels

    def once(self, command: Command, cwd: Path | None = None, record: bool = True) -> Run:
        cwd = cwd or self.work
        before = sorted(os.listdir(cwd))
        run = execute(command.argv, cwd, self.env, self.scratch)
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

    def rounds(self, commands: list[Command], runs: int, cwd: Path | None = None) -> None:
        """``runs`` rounds of every command, the order reversed every other round (A B, B A...)."""
        for index in range(runs):
            order = commands if index % 2 == 0 else commands[::-1]
            for command in order:
                progress(f"round {index + 1}/{runs}: {command.label}")
                self.once(command, cwd)


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


HEADER = f"{'':<38} {'wall s':>7} {'(min-max)':<13} {'posts/s':>8} {'cpu s':>7} {'peak MB':>7} {'findings':>8}"


def row(command: Command) -> str:
    walls = sorted(run.wall for run in command.runs)
    wall = statistics.median(walls)
    spread = f"({walls[0]:.2f}-{walls[-1]:.2f})"
    return (
        f"{command.label:<38} {wall:7.2f} {spread:<13} "
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


def main() -> None:
    args = arguments()
    voicelint = shutil.which("voicelint")
    if voicelint is None:
        sys.exit("bench: install voicelint first (pip install .)")
    proselint = shutil.which("proselint") if args.proselint != "none" else None
    if args.proselint != "none" and proselint is None:
        sys.exit("bench: pip install proselint (or --proselint none)")
    started = dt.datetime.now(dt.UTC)
    print(f"machine: {started:%Y-%m-%d %H:%M} UTC; {machine()}; load {load()} at start", flush=True)
    with tempfile.TemporaryDirectory(prefix="voicelint-bench-") as tmp:
        root = Path(tmp)
        work, scratch, small_repo = root / "work", root / "scratch", root / "small"
        for folder in (work, scratch, small_repo):
            folder.mkdir()
        texts = write_corpus(work, args.posts, args.per_file)
        files = len(list((work / "posts").iterdir()))
        write_corpus(small_repo, args.cached_posts, per_file=20)
        small_files = len(list((small_repo / "posts").iterdir()))
        if proselint:
            write_prose(work, texts)
        policy = root / "bench-all.yaml"
        policy.write_text(POLICY, encoding="utf-8")
        config = root / "proselint.json"
        config.write_text(json.dumps(PROSELINT_CONFIG), encoding="utf-8")
        # Nothing may answer from a cache or a config the bench did not write: voicelint's cache
        # goes to a directory that must stay absent in --no-cache runs, the XDG homes are empty.
        sentinels = [root / "no-cache", root / "xdg-cache", root / "xdg-config"]
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env.update(
            VOICELINT_CACHE_DIR=str(sentinels[0]),
            XDG_CACHE_HOME=str(sentinels[1]),
            XDG_CONFIG_HOME=str(sentinels[2]),
        )
        bench = Bench(work, scratch, env, sentinels)
        print(
            f"corpus: {args.posts:,} posts (seed 2026), the same texts for both; voicelint: "
            f"{files} JSON file(s), a policy with every pack (core, {', '.join(PACKS)}); "
            f"proselint: one .txt file{', and a .txt file a post' if args.proselint == 'both' else ''}",
            flush=True,
        )
        # As pip installs them: modules compiled once, not in the first timed run.
        execute([voicelint, "--version"], work, env, scratch)
        if proselint:
            execute([proselint, "version"], work, env, scratch)

        lint = [voicelint, "check", "--policy", str(policy), "--format", "json"]
        no_cache = [*lint, "posts", "--no-cache"]
        every = voicelint_check(args.posts, files)
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
        prose = [proselint or "proselint", "check", "-o", "json", "--config", str(config)]
        prose_one = Command(
            "proselint, one file", [*prose, "all.txt"], args.posts, proselint_check(1)
        )
        prose_each = Command(
            "proselint, a file a post", [*prose, "prose"], args.posts, proselint_check(args.posts)
        )
        prose_cold = Command(
            "cold start, one post: proselint", [*prose, "one.txt"], 1, proselint_check(1, (0, 1))
        )

        if proselint:
            bench.rounds([cold, prose_cold], args.runs)
            each = [prose_each] if args.proselint == "both" else []
            bench.rounds([prose_one, one, two, *each], args.runs)
        else:
            bench.rounds([cold], args.runs)
            bench.rounds([one, two], args.runs)

        # The default --jobs, as a user re-runs it; the first run fills the cache and is not timed.
        cache = ["--cache-dir", str(root / "cache")]
        warm = Command("voicelint, warm cache", [*lint, "posts", *cache], args.posts, every)
        small = Command(
            f"voicelint, warm cache, {args.cached_posts:,} posts",
            [*lint, "posts", *cache],
            args.cached_posts,
            voicelint_check(args.cached_posts, small_files),
        )
        progress("filling the cache")
        bench.once(warm, record=False)
        bench.once(small, small_repo, record=False)
        bench.rounds([warm], args.runs)
        bench.rounds([small], args.runs, small_repo)
        same_findings([one, two, warm])

    print(f"load {load()} at the end; each figure the median of {args.runs} runs", flush=True)
    print(HEADER)
    shown = [prose_cold, cold, prose_one, prose_each, one, two, warm, small]
    for command in shown:
        if command.runs:
            print(row(command))
    print(
        "ratios of posts/s, (CPU): of posts a CPU second; each the median of the per-round"
        " ratios; above 1x the first is faster:"
    )
    ratios = [
        ("voicelint --jobs 2 / --jobs 1 (CPU)", paired(two, one, cpu_rate), ""),
        ("voicelint --jobs 2 / --jobs 1", paired(two, one, rate), ">= 1.7x"),
    ]
    if proselint:
        ratios[:0] = [
            ("cold start (one post), voicelint / proselint", paired(cold, prose_cold, rate), ""),
            (
                "voicelint --jobs 1 / proselint, a file a post",
                prose_each.runs and paired(one, prose_each, rate),
                "",
            ),
            (
                "voicelint --jobs 1 / proselint, one file (CPU)",
                paired(one, prose_one, cpu_rate),
                "",
            ),
            (
                "voicelint --jobs 1 / proselint, one file",
                paired(one, prose_one, rate),
                ">= 3x",
            ),
        ]
    for label, value, target in ratios:
        if value:
            print(f"  {label:<48} {value:5.2f}x" + (f"  (issue 14: {target})" if target else ""))


if __name__ == "__main__":
    main()
