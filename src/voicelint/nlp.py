"""The one spaCy pipeline and the matchers compiled from rules; the only module that imports spaCy.

The pipeline is a blank English tokenizer plus a lemma component fed by lemminflect's dictionary,
so nothing is downloaded at run time and rules match inflections ("cure" finds "cures", "cured").
Rules do not hold matchers of their own: each registers its phrases and token patterns in a
``MatcherBank``, which runs one PhraseMatcher per attribute and one Matcher over a post's Doc.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import spacy
from lemminflect import getAllLemmas, getAllLemmasOOV
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc

# Token attributes that need a trained tagger or parser; the default pipeline has none, so a
# pattern using them would silently never match.
TRAINED_ATTRIBUTES = frozenset(
    {"POS", "TAG", "DEP", "MORPH", "ENT_TYPE", "ENT_IOB", "ENT_ID", "SENT_START"}
)
PHRASE_ATTRIBUTES = ("LEMMA", "LOWER", "ORTH")


class PatternError(ValueError):
    """A token pattern that spaCy refuses, with spaCy's reason."""


@lru_cache(maxsize=200_000)
def lemma_of(lower: str) -> str:
    """The lemma of a lower-cased word, preferring verb then noun readings.

    Adjective and adverb readings are never used: "best" must not become "good", or a rule about
    "best" would fire on "good". Words the dictionary lacks keep their form, except plural-looking
    ones, which get lemminflect's noun rules ("ads" -> "ad").
    """
    if not lower.isalpha():
        return lower
    lemmas = getAllLemmas(lower)
    for upos in ("VERB", "AUX", "NOUN"):
        if upos in lemmas:
            return lemmas[upos][0]
    if not lemmas and len(lower) > 3 and lower.endswith("s") and not lower.endswith("ss"):
        oov = getAllLemmasOOV(lower, "NOUN").get("NOUN")
        if oov:
            return oov[0]
    return lower


@lru_cache(maxsize=50_000)
def is_dictionary_word(lower: str) -> bool:
    """Whether a lower-cased word is in the English dictionary (acronyms and tickers are not)."""
    return bool(getAllLemmas(lower))


@Language.component("voicelint_lemmas")
def _set_lemmas(doc: Doc) -> Doc:
    for token in doc:
        token.lemma_ = lemma_of(token.lower_)
    return doc


@lru_cache(maxsize=1)
def pipeline() -> Language:
    """The shared pipeline, built once per process."""
    nlp = spacy.blank("en")
    nlp.add_pipe("voicelint_lemmas")
    return nlp


def parse(text: str) -> Doc:
    return pipeline()(text)


@dataclass(frozen=True)
class Match:
    """A matched stretch of a post: character offsets and token indices."""

    start: int
    end: int
    first_token: int
    end_token: int


class MatcherBank:
    """Every phrase list and token pattern of one policy, matched in one pass per Doc."""

    def __init__(self) -> None:
        nlp = pipeline()
        self._vocab = nlp.vocab
        self._phrase = {attr: PhraseMatcher(nlp.vocab, attr=attr) for attr in PHRASE_ATTRIBUTES}
        self._used_attrs: set[str] = set()
        self._tokens = Matcher(nlp.vocab, validate=True)
        self._has_tokens = False
        self._count = 0

    def _new_key(self, name: str) -> str:
        self._count += 1
        return f"{name}#{self._count}"

    def add_phrases(self, name: str, phrases: Iterable[str], attr: str = "LEMMA") -> str:
        """Register phrases under a new key; returns the key to look the matches up by."""
        if attr not in PHRASE_ATTRIBUTES:
            raise ValueError(f"unknown phrase attribute {attr}")
        key = self._new_key(name)
        docs = list(pipeline().pipe([p for p in phrases if p.strip()]))
        if docs:
            self._phrase[attr].add(key, docs)
            self._used_attrs.add(attr)
        return key

    def add_patterns(self, name: str, patterns: Sequence[Sequence[dict[str, Any]]]) -> str:
        """Register spaCy token patterns under a new key; raises PatternError if spaCy refuses."""
        for pattern in patterns:
            for token_spec in pattern:
                if not isinstance(token_spec, dict):
                    raise PatternError(
                        f"each token in a pattern must be a mapping, got {token_spec!r}"
                    )
                trained = TRAINED_ATTRIBUTES.intersection(str(k).upper() for k in token_spec)
                if trained:
                    raise PatternError(
                        f"{', '.join(sorted(trained))} needs a trained spaCy model, which the default "
                        "pipeline does not have; use LEMMA, LOWER, ORTH, TEXT, SHAPE, IS_* or LIKE_*"
                    )
        key = self._new_key(name)
        try:
            self._tokens.add(key, [list(p) for p in patterns])
        except (ValueError, KeyError, TypeError) as error:
            raise PatternError(_first_line(str(error))) from None
        self._has_tokens = True
        return key

    def run(self, doc: Doc) -> dict[str, list[Match]]:
        """All matches in a Doc by key, each key's list sorted by position."""
        found: dict[str, list[Match]] = {}
        strings = self._vocab.strings
        raw: list[tuple[int, int, int]] = []
        for attr in self._used_attrs:
            raw.extend(self._phrase[attr](doc))
        if self._has_tokens:
            raw.extend(self._tokens(doc))
        for match_id, first, end in raw:
            span = doc[first:end]
            found.setdefault(strings[match_id], []).append(
                Match(span.start_char, span.end_char, first, end)
            )
        for matches in found.values():
            matches.sort(key=lambda m: (m.start, -m.end))
        return found


def longest_first(matches: Iterable[Match]) -> list[Match]:
    """Non-overlapping matches, longest first then earliest, returned in text order.

    The same rule as ``spacy.util.filter_spans``, applied to our Match values.
    """
    kept: list[Match] = []
    taken: set[int] = set()
    for match in sorted(
        set(matches), key=lambda m: (m.end_token - m.first_token, -m.start), reverse=True
    ):
        tokens = range(match.first_token, match.end_token)
        if not taken.intersection(tokens):
            kept.append(match)
            taken.update(tokens)
    return sorted(kept, key=lambda m: m.start)


def token_texts(doc: Doc) -> list[tuple[str, int, int]]:
    """(text, start_char, end_char) of every token, for kinds that look at words one by one."""
    return [(t.text, t.idx, t.idx + len(t.text)) for t in doc]


def _first_line(text: str) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return " ".join(lines[:3])[:300] if lines else "spaCy refused the pattern"
