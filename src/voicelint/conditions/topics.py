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
    "topics",
)


@cache
def lexicon() -> dict[str, Any]:
    """``pitch_verbs`` as a set of words; every other class as a phrase list (``topics`` one per
    topic)."""
    data = load("claims/topics", SECTIONS)
    out: dict[str, Any] = {"pitch_verbs": frozenset(str(w) for w in data["pitch_verbs"])}
    for key, value in data.items():
        if key == "pitch_verbs":
            continue
        if isinstance(value, dict):
            out[key] = {name: _phrases(f"{key}:{name}", words) for name, words in value.items()}
        else:
            out[key] = _phrases(key, value)
    return out


def _phrases(name: str, words: list[Any]) -> PhraseList:
    words = [str(w) for w in words]  # the loader refuses what YAML did not read as a word
    return PhraseList([w for w in words if " " not in w], words, name=f"topics:{name}")
