"""Kind ``claim``: a certainty marker attached to an outcome in one clause, whatever the words.

The claim grammar. A claim is a result promised as sure: a certainty marker from the post
analysis (guaranteed, always, 100%, every, whatever, a lock, "can't lose", or a future auxiliary
before a result verb: "you'll save") and an outcome of one of the classes the rule names
(``lexicons/claims/outcomes.yaml``: ``returns``, ``approval``, ``savings``, ``winning``,
``health``, ``performance``, ``development``, ``social``), in one clause. An outcome is a result
word ("approval", "weight loss") or a result verb acting on one of its class's objects ("save ...
energy bill", "reads a grade ahead"); a class may also need its topic somewhere in the post
("approved" is a credit outcome only in a post about credit).

What does not count, from the analysis: a marker in a negation's scope ("we can't guarantee
approval"), a clause that hedges ("may", "could", "up to", "typically", "if eligible") or a
sentence that qualifies ("results vary", "terms apply"). Disclaimers, warnings about others'
claims and attributed or cited results are left to the rule's ``spared_by``; questions to its
``unless``. A finding quotes the marker and the outcome and names the class (``{outcome}``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from voicelint.analysis import Sentence
from voicelint.analysis import lexicon as analysis_lexicon
from voicelint.kinds.base import BuildContext, Check, Hit, KindError, Param, PostContext
from voicelint.nlp import Match, tokens
from voicelint.yamlfile import SAFE_LOADER

NAME = "claim"
LEXICON = Path(__file__).resolve().parent.parent / "lexicons" / "claims" / "outcomes.yaml"
PARAMS = {
    "outcomes": Param(
        (list,),
        "outcome classes that make a claim with a certainty marker: returns, approval, savings, "
        "winning, health, performance, development, social",
        required=True,
    ),
    "window": Param((int,), "the most words between the marker and the outcome (default 12)"),
}
MESSAGE_VARS = frozenset({"match", "outcome"})
TAG_WORDS = 4  # a sentence this short that holds a marker tags the one before ("Guaranteed.")
# A clause ends at these; a comma only separates parts of one clause (see _parts).
CLAUSE_BREAKS = frozenset(";:—–()") | {"but", "however", "although", "though", "whereas", "unless"}
CLAUSE_BREAKS |= {"except", "while"}
SUBJECTS = frozenset({"i", "we", "you", "he", "she", "it", "they", "this", "that", "there"})
# Sentence hedges that only qualify as a phrase ("terms apply"); alone they are ordinary words
# ("apply today", "the terms").
PHRASE_ONLY = frozenset({"apply", "applies", "terms", "conditions", "subject", "individual"})
NOT_HEDGES_BEFORE = frozenset({"n't", "not", "never"})  # "can't lose" is no hedge
# Money quantifies a result; a percentage is usually a product's own term (a rate, a discount).
CURRENCY = frozenset({"$", "£", "€", "usd", "gbp", "eur"})


@cache
def lexicon() -> dict[str, Any]:
    """The outcome classes and the grammar's own markers (``lexicons/claims/outcomes.yaml``)."""
    with LEXICON.open(encoding="utf-8") as handle:
        data = yaml.load(handle, Loader=SAFE_LOADER)
    for name, spec in data["classes"].items():
        for key in ("results", "verbs", "objects", "topic"):
            if any(not isinstance(w, str) for w in spec.get(key) or []):
                raise ValueError(f"{LEXICON}: {name}.{key} has a word YAML did not read as text")
    for key in ("hedges", "hedge_phrases", "future", "adverbs", "subjects"):
        data[key] = frozenset(data[key])
    return data


@dataclass(frozen=True)
class OutcomeKeys:
    """The matcher keys of one outcome class."""

    name: str
    summary: str
    results: str
    verbs: str
    objects: str
    topic: str | None


def build(params: Mapping[str, Any], ctx: BuildContext) -> Check:
    words = lexicon()
    classes = words["classes"]
    names = params["outcomes"]
    if not isinstance(names, list) or not names or not all(isinstance(n, str) for n in names):
        raise KindError("outcomes", "outcomes must be a list of outcome classes")
    for name in names:
        if name not in classes:
            known = ", ".join(classes)
            raise KindError("outcomes", f'unknown outcome class "{name}" (known: {known})')
    window = params.get("window", 12)
    if isinstance(window, bool) or not isinstance(window, int) or window < 1:
        raise KindError("window", "window must be a number of words, 1 or more")
    bank = ctx.bank
    outcome_keys = []
    for name in names:
        spec = classes[name]

        def key(part: str, spec: Mapping[str, Any] = spec, name: str = name) -> str:
            return bank.shared_phrases(f"claim:{name}:{part}", spec.get(part) or [], "LEMMA")

        topic = key("topic") if spec.get("topic") else None
        outcome_keys.append(
            OutcomeKeys(name, spec["summary"], key("results"), key("verbs"), key("objects"), topic)
        )
    marker_key = bank.shared_phrases("claim:markers", words["marker_phrases"], "LEMMA")
    future = frozenset(words["future"])
    adverbs = frozenset(words["adverbs"])
    subjects = frozenset(words["subjects"])

    def check(post: PostContext) -> list[Hit]:
        analysis = post.analysis
        norms = tokens(post.doc).norms
        extra = [(m.first_token, m.end_token) for m in post.matches_for(marker_key)]
        found: list[tuple[int, int, OutcomeKeys]] = []
        for outcome in outcome_keys:
            if outcome.topic is not None and not post.matches_for(outcome.topic):
                continue
            results = post.matches_for(outcome.results)
            verbs = post.matches_for(outcome.verbs)
            objects = post.matches_for(outcome.objects)
            if not results and not (verbs and objects):
                continue
            for sentence in analysis.sentences:
                spans = _outcome_spans(sentence, results, verbs, objects, window)
                found.extend((a, b, outcome) for a, b in spans)
        if not found:
            return []
        hits: list[Hit] = []
        taken: set[int] = set()
        for first, end, outcome in sorted(found, key=lambda f: (f[0], f[1])):
            sentence = analysis.sentence_at(first)
            if sentence is None or taken.intersection(range(first, end)):
                continue
            clause = _clause(norms, sentence, first)
            if _hedged(norms, sentence, clause):
                continue
            verbs = verbs_at(post, outcome)
            markers = _markers(norms, sentence, clause, extra, future, adverbs, verbs)
            marker = _attached(norms, clause, markers, first, end, window)
            if marker is not None and sentence.act == "question":
                continue  # "Is approval guaranteed?" asks, it does not promise
            if marker is None:
                marker = _tag_after(norms, analysis.sentences, sentence, extra, future, adverbs)
            if marker is None and _stated_as_fact(
                norms, sentence, clause, first, end, verbs, objects_at(post, outcome), subjects
            ):
                marker = (first, end)  # the result itself, quantified, is the claim
            if marker is None:
                continue
            start_token, end_token = min(first, marker[0]), max(end, marker[1])
            if taken.intersection(range(start_token, end_token)):
                continue  # one finding per marker and outcome
            taken.update(range(start_token, end_token))
            doc = post.doc
            last = doc[end_token - 1]
            hits.append(
                Hit(
                    doc[start_token].idx,
                    last.idx + len(last.text),
                    values={"outcome": outcome.summary, "entry": outcome.name},
                )
            )
        return sorted(hits, key=lambda h: h.start)

    return check


def verbs_at(post: PostContext, outcome: OutcomeKeys) -> frozenset[int]:
    return frozenset(m.first_token for m in post.matches_for(outcome.verbs))


def objects_at(post: PostContext, outcome: OutcomeKeys) -> frozenset[int]:
    return frozenset(m.first_token for m in post.matches_for(outcome.objects))


def _stated_as_fact(
    norms: Sequence[str],
    sentence: Sentence,
    clause: tuple[int, int],
    first: int,
    end: int,
    verbs: frozenset[int],
    objects: frozenset[int],
    subjects: frozenset[str],
) -> bool:
    """A result stated as fact with no marker: a statement whose subject is the reader or the
    customers, with a result verb acting on a quantified object ("members earn $500 a month",
    "customers lose 10 pounds"). An offer ("Save $5 today") is a request, not a statement."""
    if sentence.act != "statement" or not (first in verbs or end - 1 in verbs):
        return False
    if not any(norms[i] in subjects for i in range(*clause)):
        return False
    for i in range(first, min(end + 4, clause[1])):
        if norms[i] in CURRENCY or (norms[i][:1].isdigit() and i + 1 in objects):
            return True
    return any(norms[i] in CURRENCY for i in range(max(first - 2, clause[0]), first))


def _outcome_spans(
    sentence: Sentence,
    results: Sequence[Match],
    verbs: Sequence[Match],
    objects: Sequence[Match],
    window: int,
) -> list[tuple[int, int]]:
    """Token ranges of the class's outcomes in one sentence: a result, or a verb and its object."""
    inside = [m for m in results if sentence.first <= m.first_token < sentence.end]
    spans = [(m.first_token, m.end_token) for m in inside]
    for verb in verbs:
        if not sentence.first <= verb.first_token < sentence.end:
            continue
        for obj in objects:
            if not sentence.first <= obj.first_token < sentence.end:
                continue
            if obj.first_token >= verb.end_token and obj.first_token - verb.end_token <= window:
                spans.append((verb.first_token, obj.end_token))
                break
            if verb.first_token >= obj.end_token and verb.first_token - obj.end_token <= 3:
                spans.append((obj.first_token, verb.end_token))  # "bills? slashed", "pounds lost"
                break
    return spans


def _clause(norms: Sequence[str], sentence: Sentence, token: int) -> tuple[int, int]:
    """Token range of the clause of ``sentence`` that holds ``token``."""
    start = token
    while start > sentence.first and not _breaks(norms, start - 1):
        start -= 1
    stop = token + 1
    while stop < sentence.end and not _breaks(norms, stop):
        stop += 1
    return start, stop


def _breaks(norms: Sequence[str], i: int) -> bool:
    word = norms[i]
    if word in CLAUSE_BREAKS:
        return True
    # "..., and it cures colds": a new clause with its own subject
    return word in {"and", "or", "so"} and i + 1 < len(norms) and norms[i + 1] in SUBJECTS


def _parts(norms: Sequence[str], clause: tuple[int, int]) -> list[tuple[int, int]]:
    """The comma-separated parts of a clause."""
    parts, start = [], clause[0]
    for i in range(clause[0], clause[1]):
        if norms[i] == ",":
            parts.append((start, i))
            start = i + 1
    parts.append((start, clause[1]))
    return [p for p in parts if p[1] > p[0]]


def _hedged(norms: Sequence[str], sentence: Sentence, clause: tuple[int, int]) -> bool:
    """A hedge word in the clause, or a qualifying phrase anywhere in the sentence."""
    words = analysis_lexicon()
    hedges = (words["hedges"] - PHRASE_ONLY) | lexicon()["hedges"]
    for i in range(*clause):
        if norms[i] in hedges and not (i + 1 < len(norms) and norms[i + 1] in NOT_HEDGES_BEFORE):
            return True
    text = " " + " ".join(norms[i] for i in range(sentence.first, sentence.end)) + " "
    phrases = words["hedge_phrases"] | lexicon()["hedge_phrases"]
    return any(f" {p} " in text for p in phrases)


def _markers(
    norms: Sequence[str],
    sentence: Sentence,
    clause: tuple[int, int],
    extra: Sequence[tuple[int, int]],
    future: frozenset[str],
    adverbs: frozenset[str],
    verbs: frozenset[int],
) -> list[tuple[int, int]]:
    """Token ranges of the certainty markers in a clause, outside a negation's scope."""
    a, b = clause
    found = [(i, i + 1) for i in sentence.absolute if a <= i < b]
    found += [(i, j) for i, j in extra if a <= i < b and i not in sentence.negated]
    for i in range(a, b):
        if norms[i] in future and i not in sentence.negated:
            j = i + 1
            while j < b and norms[j] in adverbs:
                j += 1
            if j < b and j in verbs:
                found.append((i, j + 1))  # "'ll save", "will easily read"
    return found


def _tag_after(
    norms: Sequence[str],
    sentences: Sequence[Sentence],
    sentence: Sentence,
    extra: Sequence[tuple[int, int]],
    future: frozenset[str],
    adverbs: frozenset[str],
) -> tuple[int, int] | None:
    """A certainty marker standing alone as the next sentence ("Parlay tonight? Can't lose.")."""
    following = next((s for s in sentences if s.first >= sentence.end), None)
    if following is None or following.act == "question":
        return None
    content = [i for i in range(following.first, following.end) if norms[i].isalnum()]
    if not content or len(content) > TAG_WORDS:
        return None
    markers = _markers(
        norms, following, (following.first, following.end), extra, future, adverbs, frozenset()
    )
    return markers[0] if markers else None


def _attached(
    norms: Sequence[str],
    clause: tuple[int, int],
    markers: Sequence[tuple[int, int]],
    first: int,
    end: int,
    window: int,
) -> tuple[int, int] | None:
    """The marker that governs the outcome ``[first, end)``: in its part of the clause, or alone in
    a neighbouring part (", guaranteed", "whatever your credit history,"), within ``window`` words."""
    parts = _parts(norms, clause)
    home = next((k for k, p in enumerate(parts) if p[0] <= first < p[1]), None)
    if home is None:
        return None
    best: tuple[int, tuple[int, int]] | None = None
    for marker in markers:
        if marker[0] < end and first < marker[1] and marker != (first, end):
            distance = 0  # the marker is part of the outcome ("guaranteed approval")
        else:
            distance = _words(norms, min(marker[1], end), max(marker[0], first))
        where = next((k for k, p in enumerate(parts) if p[0] <= marker[0] < p[1]), None)
        if where is None or distance > window:
            continue
        if where != home and abs(where - home) > 1:
            continue
        if best is None or distance < best[0]:
            best = (distance, marker)
    return best[1] if best else None


def _words(norms: Sequence[str], start: int, end: int) -> int:
    return sum(1 for i in range(start, end) if norms[i].strip() and norms[i] != ",")
