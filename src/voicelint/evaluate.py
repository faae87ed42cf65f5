"""Score the rules on a labelled corpus: recall per category and false alarms on clean drafts.

A corpus file is YAML:

    policy: {extends: [finance]}     # a policy mapping, a path to a policy file, or a client id
    categories: [claims]             # the categories this file scores
    drafts:
      - text: "Guaranteed returns, every year."
        expect: [claims]             # categories a reviewer would flag; [] for a clean hard negative
      - text: "Past performance does not guarantee future results."
        expect: []
        note: disclaimer             # optional; also platform, kind, in_reply_to, sponsored

A draft that expects a category is caught when it gets at least one finding of that category; a
clean draft is a false alarm when it gets any finding in the file's categories.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from voicelint.engine import CompiledPolicy, compile_policy, example_post, lint_post
from voicelint.errors import PolicyError, did_you_mean
from voicelint.model import CATEGORIES, KINDS, PLATFORM_ALIASES, PLATFORMS
from voicelint.packs import Example
from voicelint.policy import build_policy, find_client_policy, known_clients, load_policy
from voicelint.yamlfile import line_of, load_yaml, read_config_text, reject_unknown

CORPUS_KEYS = ("policy", "categories", "drafts", "description")
DRAFT_KEYS = ("text", "expect", "id", "note", "platform", "kind", "in_reply_to", "sponsored")


@dataclass(frozen=True)
class Outcome:
    """One draft of the corpus and what voicelint said of it."""

    path: str
    line: int | None
    text: str
    expect: tuple[str, ...]
    found: tuple[str, ...]  # "category:rule" of each finding in the scored categories


@dataclass
class Score:
    outcomes: list[Outcome] = field(default_factory=list)
    scored: dict[str, set[str]] = field(default_factory=dict)  # file -> categories scored

    def recall(self) -> dict[str, tuple[int, int]]:
        """Category -> (caught, expected)."""
        table: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for outcome in self.outcomes:
            for category in outcome.expect:
                table[category][1] += 1
                if any(f.startswith(category + ":") for f in outcome.found):
                    table[category][0] += 1
        return {category: (c, n) for category, (c, n) in sorted(table.items())}

    def misses(self) -> list[tuple[Outcome, str]]:
        return [
            (o, c)
            for o in self.outcomes
            for c in o.expect
            if not any(f.startswith(c + ":") for f in o.found)
        ]

    def clean(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.expect]

    def false_alarms(self) -> list[Outcome]:
        return [o for o in self.clean() if o.found]


def evaluate(paths: list[Path], policy_dirs: list[Path] | None = None) -> Score:
    """Score every corpus file; a client id in ``policy:`` is looked up in the corpus file's own
    ``policies/`` folder, then in ``policy_dirs`` (the configured policies folder, else
    ./policies), then among the shipped example policies.

    A folder is walked for corpus files: a YAML file in it with no ``drafts:`` (a corpus's own
    ``policies/`` folder) is not one and is passed over, as ``check`` passes over what is not a
    post file; a file named on the command line must be a corpus file, and a folder with none is
    an error."""
    score = Score()
    for path in _corpus_files(paths):
        _evaluate_file(path, score, policy_dirs or [])
    return score


def _corpus_files(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = [p for p in sorted(path.rglob("*.yaml")) if _is_corpus(p)]
            if not found:
                raise PolicyError(
                    str(path),
                    None,
                    "no corpus file (a YAML file with drafts:) here",
                    "check the path",
                )
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            raise PolicyError(str(path), None, "no such corpus file or directory", "check the path")
    return files


def _is_corpus(path: Path) -> bool:
    """Whether a file a walk found is meant as a corpus: it has a top-level ``drafts:`` key (a
    broken one still counts, so that its error is reported)."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return True
    return any(line.startswith("drafts:") for line in text.splitlines())


def _evaluate_file(path: Path, score: Score, policy_dirs: list[Path]) -> None:
    display = str(path)
    data, lines = load_yaml(read_config_text(path, display), display, aliases=True)
    if not isinstance(data, dict):
        raise PolicyError(
            display,
            1,
            "a corpus file is a mapping with policy:, categories: and drafts:",
            "see voicelint/evaluate.py",
        )
    for key in data:
        reject_unknown(key, CORPUS_KEYS, display, line_of(lines, key), "corpus key")
    categories = data.get("categories") or []
    if (
        not isinstance(categories, list)
        or not categories
        or any(c not in CATEGORIES for c in categories)
    ):
        raise PolicyError(
            display,
            line_of(lines, "categories"),
            "categories must list what this file scores",
            "valid: " + ", ".join(CATEGORIES),
        )
    compiled = _policy(data.get("policy"), path, lines, policy_dirs)
    score.scored[display] = set(categories)
    for index, item in enumerate(data.get("drafts") or []):
        line = line_of(lines, "drafts", index)
        example, expect = _draft(item, display, line, categories)
        findings = lint_post(compiled, example_post(example, index + 1)).findings
        found = tuple(f"{f.category}:{f.rule}" for f in findings if f.category in categories)
        score.outcomes.append(Outcome(display, line, example.text, expect, found))


def _policy(value: Any, path: Path, lines: Any, policy_dirs: list[Path]) -> CompiledPolicy:
    display = str(path)
    if isinstance(value, dict):
        return compile_policy(build_policy(value, {}, f"{display} (policy)", path.parent, None))
    if isinstance(value, str):
        candidate = path.parent / value
        if candidate.is_file():
            return compile_policy(load_policy(candidate))
        # a corpus carries its policies with it: its own policies/ folder comes first
        dirs = [path.parent / "policies", *policy_dirs]
        found = find_client_policy(value, dirs)
        if found is not None:
            return compile_policy(load_policy(found))
        raise PolicyError(
            display,
            line_of(lines, "policy"),
            f'no policy "{value}"',
            did_you_mean(value, known_clients(dirs)),
        )
    if value is None:
        return compile_policy(build_policy({}, {}, display, None, None))
    raise PolicyError(
        display, line_of(lines, "policy"), "policy must be a mapping, a path or a client id", ""
    )


def _draft(
    item: Any, display: str, line: int | None, categories: list[str]
) -> tuple[Example, tuple[str, ...]]:
    if not isinstance(item, dict) or not isinstance(item.get("text"), str):
        raise PolicyError(display, line, "each draft is a mapping with text: and expect:", "")
    for key in item:
        reject_unknown(key, DRAFT_KEYS, display, line, "draft key")
    expect = item.get("expect")
    if not isinstance(expect, list) or any(c not in categories for c in expect):
        raise PolicyError(
            display,
            line,
            "expect must list categories this file scores ([] for a clean draft)",
            "scored: " + ", ".join(categories),
        )
    platform = item.get("platform")
    platform = PLATFORM_ALIASES.get(platform, platform) if isinstance(platform, str) else platform
    if platform is not None and platform not in PLATFORMS:
        raise PolicyError(
            display, line, f'unknown platform "{platform}"', did_you_mean(str(platform), PLATFORMS)
        )
    kind = item.get("kind", "post")
    if kind not in KINDS:
        raise PolicyError(display, line, f'unknown kind "{kind}"', did_you_mean(str(kind), KINDS))
    sponsored = item.get("sponsored", False)
    if not isinstance(sponsored, bool):
        raise PolicyError(display, line, "sponsored must be true or false", "write sponsored: true")
    example = Example(item["text"], platform, kind, item.get("in_reply_to"), sponsored)
    return example, tuple(expect)


def render(score: Score, verbose: bool = False) -> str:
    out = ["category     recall"]
    for category, (caught, expected) in score.recall().items():
        out.append(f"{category:<12} {caught / expected:6.1%}  ({caught}/{expected})")
    clean, alarms = len(score.clean()), len(score.false_alarms())
    rate = alarms / clean if clean else 0.0
    out.append(f"false alarms {rate:6.1%}  ({alarms}/{clean} clean drafts)")
    if verbose:
        for outcome, category in score.misses():
            out.append(f"missed {category}: {outcome.path}:{outcome.line}: {outcome.text!r}")
        for outcome in score.false_alarms():
            out.append(
                f"false alarm {', '.join(outcome.found)}: {outcome.path}:{outcome.line}: {outcome.text!r}"
            )
    return "\n".join(out) + "\n"


def false_alarm_rate(score: Score) -> float:
    clean = len(score.clean())
    return len(score.false_alarms()) / clean if clean else 0.0
