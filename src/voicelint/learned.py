"""The learned draft classifier: how likely a reviewer is to flag a draft, per category.

One small bag-of-words model (spaCy's TextCatBOW over each word's folded lower case and each pair
of words, see ``voicelint.nlp.text_classifier``) with one output per category: ``claims``,
``tone``, ``routing``. It reads the draft's words and, marked apart (``c:refund``), the words of
the customer's message it answers, so that "here's 20% off" reads differently after "I burned my
hand" than after "any deals on?". It is trained by ``scripts/train_learned.py`` on the labelled
drafts of the development corpora (``tests/corpus``, ``tests/corpus-tuning``), written by people
who never saw the rules, and never on the blind sets, which measure it. It ships inside the
package (``models/drafts.bin.gz``, no download) and is deterministic.

It is one condition among the others (``conditions/learned.py``), not a judge: the rules that read
it are fallbacks, reported only when no other rule of their category fires on the post, and name
the sentence the model scores highest. A post is scored once (about 20 microseconds), and its
sentences only when the post's score passes the threshold.
"""

from __future__ import annotations

import gzip
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

from voicelint.nlp import classify, text_classifier, tokens, words_doc

LABELS = ("claims", "tone", "routing")
MODEL_PATH = Path(__file__).resolve().parent / "models" / "drafts.bin.gz"
# A post counts when its score reaches its category's threshold. Chosen on the development corpora
# by cross-validation over whole sets (each set scored by a model trained without it): the recall
# the rules miss that the model adds, against the false alarms it adds on clean drafts. On 7,500
# development drafts: claims at 0.7 found 81 of the rules' 225 misses for 6 more false alarms on
# 3,557 clean drafts; tone at 0.65, 45 of 164 for 5; routing at 0.65, 64 of 164 for 5.
THRESHOLDS = {"claims": 0.85, "tone": 0.8, "routing": 0.7}
SCORES_KEY = "voicelint_learned"
# the sentences a post's top one is chosen among: a hostile post of 100,000 sentences is scored on
# its first thousand, so that it costs milliseconds
MAX_SENTENCES = 1000
FRAGMENT_WORDS = 3  # a sentence of fewer words is a fragment of the one before
CUSTOMER = "c:"  # the customer's words, marked apart from the draft's
NO_CUSTOMER = "c:none"
SEPARATOR = "||"


@cache
def model() -> Any:
    """The shipped classifier, loaded once per process."""
    component = text_classifier(LABELS)
    component.from_bytes(gzip.decompress(MODEL_PATH.read_bytes()), exclude=["vocab"])
    return component


def features(words: Sequence[str], said: Sequence[str] | None) -> Any:
    """What the classifier reads: the draft's words (folded lower case), then the customer's,
    marked apart; a draft that answers no one says so."""
    tail = [CUSTOMER + w for w in said if w.strip()] if said else [NO_CUSTOMER]
    return words_doc([w or "_" for w in words] + [SEPARATOR, *tail])


def said_words(context: Any) -> list[str] | None:
    """The customer's message's words, or None for a post that answers no one."""
    customer = context.customer
    return None if customer is None else list(tokens(customer.analysis.doc).norms)


def post_scores(context: Any) -> dict[str, float]:
    """The post's score per label, read once and kept on its Doc."""
    doc = context.doc
    found = doc.user_data.get(SCORES_KEY)
    if found is None:
        row = classify(model(), [features(tokens(doc).norms, said_words(context))])[0]
        found = doc.user_data[SCORES_KEY] = dict(zip(LABELS, row, strict=True))
    return found


def top_sentence(context: Any, label: str) -> int | None:
    """The index (in the analysis's ``bounds``) of the sentence the model scores highest for
    ``label``, or None when the post's own score is under the label's threshold."""
    if post_scores(context)[label] < THRESHOLDS[label]:
        return None
    tops = context.doc.user_data.setdefault(SCORES_KEY + ":top", {})
    if label not in tops:
        analysis = context.analysis
        norms = tokens(context.doc).norms
        candidates = [
            (index, first, end)
            for index, (first, end, start, stop) in enumerate(analysis.bounds)
            if stop > start
        ][:MAX_SENTENCES]
        # a fragment ("Every." "Single." "Time.") finishes the sentence before it: the finding
        # names the sentence with words enough to say something, when there is one
        worded = [c for c in candidates if _words(norms, c[1], c[2]) >= FRAGMENT_WORDS]
        candidates = worded or candidates
        if len(candidates) <= 1:
            tops[label] = candidates[0][0] if candidates else None
        else:
            said = said_words(context)
            rows = classify(model(), [features(norms[a:b], said) for _, a, b in candidates])
            column = LABELS.index(label)
            best = max(range(len(rows)), key=lambda k: rows[k][column])
            tops[label] = candidates[best][0]
    return tops[label]


def _words(norms: Sequence[str], first: int, end: int) -> int:
    return sum(1 for i in range(first, end) if any(ch.isalnum() for ch in norms[i]))
