"""Word classes the claim conditions read (``lexicons/claims/topics.yaml``), loaded once.

Each class is a phrase list of the one matcher engine (``voicelint.nlp.PhraseList``): a word
matches as written (folded) or by its lemma, a run of words as written.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from voicelint.lexicon import load
from voicelint.nlp import PhraseList

SECTIONS = (
    "pitch_verbs",
    "pitch_phrases",
    "professionals",
    "adoption",
    "adoption_direct",
    "seal_words",
    "sealed_results",
    "remedies",
    "obligations",
    "sealed_degree",
    "topics",
    "affirmations",
    "asked_results",
    "asked_approvals",
    "affirm_softeners",
    "riddance",
    "problem_words",
    "wrongdoing",
    "service_verbs",
    "whole_spans",
    "drug_label",
    "relief_verbs",
)
SETS = (
    "pitch_verbs",
    "seal_words",
    "sealed_results",
    "sealed_degree",
    "asked_results",
    "asked_approvals",
    "problem_words",
    "service_verbs",
    "relief_verbs",
)  # read as sets of words, not phrase lists


@cache
def lexicon() -> dict[str, Any]:
    """``SETS`` as sets of words; every other class as a phrase list (``topics`` one per
    topic)."""
    data = load("claims/topics", SECTIONS)
    out: dict[str, Any] = {key: frozenset(str(w) for w in data[key]) for key in SETS}
    for key, value in data.items():
        if key in SETS:
            continue
        if isinstance(value, dict):
            out[key] = {name: _phrases(f"{key}:{name}", words) for name, words in value.items()}
        else:
            out[key] = _phrases(key, value)
    return out


def _phrases(name: str, words: list[Any]) -> PhraseList:
    words = [str(w) for w in words]  # the loader refuses what YAML did not read as a word
    return PhraseList([w for w in words if " " not in w], words, name=f"topics:{name}")
