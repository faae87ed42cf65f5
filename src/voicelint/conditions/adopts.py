"""``adopts_testimony``: the hit's sentence offers the reader a result a quoted customer reports.

A testimonial of a result ("Dropped two sizes in six weeks" - Jess) tells the reader that the
result is typical (FTC Endorsement Guides, 16 CFR 255.2(b): an endorsement that conveys a result
must show what people generally achieve, or say clearly what they can expect). A sentence after
it that offers the same result to the reader adopts it as the brand's promise: "Could you be
next?", "Your turn", "That's the Acme effect", "Join Jess today".

The testimony is a quotation before the sentence of at least five words that holds a quantity: a
number, "double", "half", "zero" or "a penny". The offer is a cue from
``lexicons/claims/topics.yaml`` (``adoption``) in the sentence, or "join" with the name that
signs the quotation (`" - Jess`, `" Margaret, Leeds`). A rule says ``unless: [{states:
typical_results}]`` so that "results vary" keeps the testimonial honest.
"""

from __future__ import annotations

import re
from typing import Any

from voicelint.conditions.topics import lexicon

NAME = "adopts_testimony"
VALUES = ()
QUOTE = re.compile(r"[\"“]([^\"“”\n]{12,600})[\"”]")
QUANTITY = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
    r"forty|fifty|hundred|thousand|double|twice|triple|half|zero|penny|pennies)\b",
    re.IGNORECASE,
)
SIGNER = re.compile(r"\s*(?:[-–—]\s*([A-Z][a-z]+)|([A-Z][a-z]+),)")
KEY = "voicelint.adopts.testimonies"


def testimonies(analysis: Any) -> list[tuple[int, str]]:
    """Each quotation that reports a quantified result: where it ends (a character offset) and
    the name it is signed with ("" when none). Read once per post."""
    known = analysis.__dict__.get(KEY)
    if known is None:
        text = analysis.text
        known = []
        for found in QUOTE.finditer(text):
            said = found.group(1)
            if len(said.split()) < 5 or not QUANTITY.search(said):
                continue
            signed = SIGNER.match(text, found.end())
            name = (signed.group(1) or signed.group(2)).lower() if signed else ""
            known.append((found.end(), name))
        analysis.__dict__[KEY] = known
    return known


def holds(view: Any, value: Any = None) -> bool:
    if not testimonies(view.analysis):
        return False  # most posts quote nobody: no sentence is analysed for them
    sentence = view.sentence
    if sentence is None:
        return False
    quoted = [(end, name) for end, name in testimonies(view.analysis) if end < sentence.stop]
    if not quoted:
        return False
    doc = view.analysis.doc
    first_end = min(end for end, _ in quoted)
    cues = lexicon()["adoption"].find(doc, sentence.first, sentence.end)
    if any(doc[span.first].idx >= first_end for span in cues):
        return True  # an offer after the quotation, not a word inside it
    words = view.words
    return "join" in words and any(name and name in words for _, name in quoted)
