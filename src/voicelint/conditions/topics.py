"""Word classes the claim conditions read (``lexicons/claims/topics.yaml``), loaded once."""

from __future__ import annotations

from functools import cache
from typing import Any

from voicelint.lexicon import load

SECTIONS = ("pitch_verbs", "pitch_phrases", "professionals", "topics")


@cache
def lexicon() -> dict[str, Any]:
    """Single words as sets, and multi-word cues as tuples of words, per class."""
    data = load("claims/topics", SECTIONS)
    out: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(value, dict):
            out[key] = {name: _split(words) for name, words in value.items()}
        else:
            out[key] = _split(value)
    return out


def _split(words: list[Any]) -> tuple[frozenset[str], tuple[tuple[str, ...], ...]]:
    words = [str(w) for w in words]  # the loader refuses what YAML did not read as a word
    single = frozenset(w for w in words if " " not in w)
    runs = tuple(tuple(w.split()) for w in words if " " in w)
    return single, runs


def has_word(
    norms: list[str], lemmas: list[str], cls: tuple[frozenset[str], tuple[tuple[str, ...], ...]]
) -> bool:
    """Whether a word of the class, or one of its runs of words, occurs in the tokens."""
    single, runs = cls
    if any(n in single or lemma in single for n, lemma in zip(norms, lemmas, strict=False)):
        return True
    return any(_has_run(norms, run) for run in runs)


def _has_run(norms: list[str], run: tuple[str, ...]) -> bool:
    size = len(run)
    return any(tuple(norms[i : i + size]) == run for i in range(len(norms) - size + 1))
