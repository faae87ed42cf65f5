"""``referred``: the hit is a question handed to a health professional, not a claim made.

The hit's sentence asks it, directly ("Is it used off-label? That's one for your prescriber.") or
as a reported question, with a word that opens one before the hit ("ask your doctor whether...",
"if", "wondering",
"questions about off-label use go to your pharmacist"); and that sentence or the next names a
health professional (``lexicons/claims/topics.yaml``: ``professionals``). A statement with a stock
referral after it still claims: "Ozempic also works for cravings, ask your doctor!" does.
"""

from __future__ import annotations

from typing import Any

from voicelint.conditions import professional
from voicelint.nlp import tokens

NAME = "referred"
VALUES = ()
# words that open a reported question before what it asks about
# ("ask your doctor about Ozempic, which also curbs cravings" is a pitch with a referral: "ask"
# alone does not open a question)
ASKING = frozenset({"whether", "if", "question", "questions", "wonder", "wondering", "wonders"})


def holds(view: Any, value: Any = None) -> bool:
    sentence = view.sentence
    if sentence is None or not professional.names_one(view):
        return False
    if sentence.act == "question":
        return True
    norms = tokens(view.analysis.doc).norms
    return any(norms[i] in ASKING for i in range(sentence.first, view.tokens.start))
