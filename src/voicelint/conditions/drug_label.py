"""``drug_label``: the hit offers relief of symptoms the way an over-the-counter drug's label does.

An OTC drug may say what its monograph lets it say, "temporarily relieves sneezing and runny
nose", with its directions ("use as directed", "read the label", "see a doctor if symptoms
last"); a supplement may not (21 CFR 101.93(g)). The condition holds when the hit's words offer
relief (``relief_verbs``: relieve, ease, soothe, calm), not a cure, and the post carries the
label's words (``drug_label`` in ``lexicons/claims/topics.yaml``: "temporarily", "use as
directed", "ask your pharmacist"). A disease rule says ``unless: [drug_label]``. "Cures colds. Use
as directed." still cures: the hit holds no relief word, or holds a cure word beside it.
"""

from __future__ import annotations

from typing import Any

from voicelint.analysis import lexicon as analysis_words
from voicelint.conditions.topics import lexicon
from voicelint.nlp import tokens

NAME = "drug_label"
VALUES = ()
CURE_WORDS = frozenset(
    {
        "cure",
        "cures",
        "cured",
        "curing",
        "heal",
        "heals",
        "healed",
        "prevent",
        "prevents",
        "prevented",
        "treat",
        "treats",
        "reverse",
        "reverses",
        "eliminate",
        "eliminates",
        "end",
        "ends",
        "gone",
        "stop",
        "stops",
    }
)


def holds(view: Any, value: Any = None) -> bool:
    words = lexicon()
    norms = tokens(view.analysis.doc).norms
    # a cure denied beside the relief is no cure: "it eases symptoms, it doesn't cure a cold"
    hit = {norms[i] for i in view.tokens if not _denied(norms, i)}
    if not hit & words["relief_verbs"] or hit & CURE_WORDS:
        return False
    return words["drug_label"].any_in(view.analysis.doc)


def _denied(norms: list[str], i: int) -> bool:
    """A negator (the analysis' ``negators``) in the two words before: "doesn't cure"."""
    negators = analysis_words()["negators"]
    return any(norms[k] in negators for k in range(max(0, i - 2), i))
