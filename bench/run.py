"""Benchmark voicelint on a seeded, realistic corpus: posts per second, cold start, cache, memory, vs proselint.

    python bench/run.py                 # 10,000 posts, 3 runs each
    python bench/run.py --posts 100000 --runs 1

The corpus is generated from templates with a fixed seed: several clients and platforms, posts and
replies of 10 to 80 words with emoji, hashtags, mentions and links, and a few per cent of drafts
that break a rule. Every figure is the median of the runs; the whole `voicelint check` is timed as
a user runs it (a fresh process, all built-in packs through the three example clients): without
the cache in one process and in two (--jobs), and a re-run over 1,000 unchanged posts answered
from the cache.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
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
    """YAML post files for voicelint and the same texts as .txt files for proselint."""
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


# As installed by pip: modules compiled once, not on every start.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def timed(command: list[str], cwd: Path) -> tuple[float, int]:
    """Wall seconds and the exit code of one run."""
    start = time.perf_counter()
    result = subprocess.run(
        command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=ENV
    )
    elapsed = time.perf_counter() - start
    if result.returncode not in (0, 1) or "Traceback" in result.stderr:
        sys.exit(f"bench: {' '.join(command)} failed: {result.stderr.strip()}")
    return elapsed, result.returncode


def median_seconds(command: list[str], cwd: Path, runs: int) -> float:
    return statistics.median(timed(command, cwd)[0] for _ in range(runs))


def peak_child_memory_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def proselint_seconds(texts: list[str], directory: Path, runs: int) -> float | None:
    """The same texts through proselint's command line (one .txt file a post), when it is installed."""
    proselint = shutil.which("proselint")
    if proselint is None:
        return None
    folder = directory / "prose"
    folder.mkdir()
    for index, text in enumerate(texts):
        (folder / f"{index:06d}.txt").write_text(text, encoding="utf-8")
    return median_seconds([proselint, "--output-format", "json", "check", "prose"], directory, runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--proselint-posts", type=int, default=1_000, help="proselint is slow: a sample, scaled"
    )
    args = parser.parse_args()
    voicelint = shutil.which("voicelint")
    if voicelint is None:
        sys.exit("bench: install voicelint first (pip install .)")
    with tempfile.TemporaryDirectory(prefix="voicelint-bench-") as tmp:
        directory = Path(tmp)
        texts = write_corpus(directory, args.posts)
        check = [
            voicelint,
            "check",
            "posts",
            "--format",
            "json",
            "--fail-on",
            "never",
            "--no-cache",
        ]
        print(f"corpus: {args.posts} posts in {len(list((directory / 'posts').iterdir()))} files")
        timed([voicelint, "--version"], directory)  # compile the modules once, as pip install does
        cold = median_seconds(
            [voicelint, "check", "one.txt", "--client", "harbor-coffee", "--no-cache"],
            directory,
            args.runs,
        )
        one = median_seconds([*check, "--jobs", "1"], directory, args.runs)
        memory = peak_child_memory_mb()
        two = median_seconds([*check, "--jobs", "2"], directory, args.runs)
        cached_posts = min(1_000, args.posts)
        cache_repo = directory / "repo"
        write_corpus(cache_repo, cached_posts, per_file=20)
        cached = [voicelint, "check", "posts", "--cache-dir", str(directory / "cache")]
        timed(cached, cache_repo)  # fills the cache
        hit = median_seconds(cached, cache_repo, args.runs)
        sample = texts[: args.proselint_posts]
        prose = proselint_seconds(sample, directory, args.runs)
    rate = args.posts / one
    print(
        f"voicelint check, 1 process: {rate:,.0f} posts/s (median {one:.2f} s over {args.runs} runs)"
    )
    print(
        f"voicelint check, 2 processes: {args.posts / two:,.0f} posts/s ({one / two:.2f}x one process)"
    )
    print(f"cold start, one post:       {cold:.2f} s")
    print(f"re-run from the cache:      {hit:.2f} s for {cached_posts:,} unchanged posts")
    print(f"peak memory (one process):  {memory:.0f} MB")
    if prose is None:
        print("proselint:                  not installed (pip install proselint) - no ratio")
    else:
        prose_rate = len(sample) / prose
        print(
            f"proselint, same texts:      {prose_rate:,.0f} posts/s on {len(sample)} posts; voicelint/proselint = {rate / prose_rate:.1f}x"
        )


if __name__ == "__main__":
    main()
