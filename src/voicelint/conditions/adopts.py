"""``adopts_testimony``: the hit's sentence offers the reader a result a quoted customer reports.

A testimonial of a result ("Dropped two sizes in six weeks" - Jess) tells the reader that the
result is typical (FTC Endorsement Guides, 16 CFR 255.2(b): an endorsement that conveys a result
must show what people generally achieve, or say clearly what they can expect). A sentence after
it that offers the same result to the reader adopts it as the brand's promise: "Could you be
next?", "Your turn", "That's the Acme effect", "Join Jess today".

The testimony is a quotation before the sentence of at least five words that holds a quantity: a
number, "double", "half", "zero" or "a penny". The offer is a cue from
``lexicons/claims/topics.yaml`` (``adoption``) in the sentence, or "join" with the name that
signs the quotation (`" - Jess`, `" Margaret, Leeds`). A result told without quotation marks
counts too when a cue offers it outright (``adoption_direct``: "you're next", "your turn") and
the story before the cue sizes a result: a percentage, points, pounds or a sum of money that is
not a price ("Dana's bill fell 40% this year. You're next"; "20% off. Your turn" is a discount).
A rule says ``unless: [{states: typical_results}]`` so that "results vary" keeps the testimonial
honest.
"""

from __future__ import annotations

import re
from typing import Any

from voicelint.analysis import quoted_spans
from voicelint.conditions.topics import lexicon
from voicelint.nlp import is_word

NAME = "adopts_testimony"
VALUES = ()
QUANTITY = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
    r"forty|fifty|hundred|thousand|double|twice|triple|half|zero|penny|pennies)\b",
    re.IGNORECASE,
)
SIGNER = re.compile(r"\s*(?:[-–—]\s*([A-Z][a-z]+)|([A-Z][a-z]+),)")
# A sized result told without quotation marks: "up 120 points", "cut their bill by 92%", "lost
# 30 lbs", "$1,200 back"; not a price or an offer's own figure ("20% off", "4.9% APR").
SIZED_RESULT = re.compile(
    r"(?:[$£€]\s?\d[\d,.]*(?:k\b)?|\b\d[\d,.]*\s?(?:%|percent\b|points?\b|pts\b|lbs?\b|"
    r"pounds\b|kg\b|kilos?\b|sizes?\b|inches\b))"
    r"(?!\s*(?:off|discount|apr|apy|interest|cashback|cash back|fee|fees|a month|/mo|per)\b)",
    re.IGNORECASE,
)
# ...and told as a change: "up", "cut", "lost", "saved", "by", "more" near the figure ("$5
# lattes all week. Your turn" is a price, not a result).
CHANGE = re.compile(
    r"\b(?:up|down|by|more|less|fewer|higher|lower|back|sav\w*|lost|los\w*|earn\w*|made|"
    r"mak\w*|cut\w*|dropp\w*|drops?|fell|fall\w*|gain\w*|grew|grow\w*|rais\w*|boost\w*|"
    r"shed|paid off|jump\w*|climb\w*)\b",
    re.IGNORECASE,
)
READER = frozenset({"you", "you'll", "your", "yours", "u"})
CHANGE_REACH = 40  # characters before a figure (and 15 after) a change word is looked for in
KEY = "voicelint.adopts.testimonies"
STORIES = "voicelint.adopts.stories"


def testimonies(analysis: Any) -> list[tuple[int, str]]:
    """Each quotation that reports a quantified result: where it ends (a character offset) and
    the name it is signed with ("" when none). Read once per post."""
    known = analysis.__dict__.get(KEY)
    if known is None:
        text = analysis.text
        known = []
        for start, stop in quoted_spans(text):  # double, curly and single quotation marks
            said = text[start + 1 : stop - 1]
            if len(said) < 12 or len(said.split()) < 5 or not QUANTITY.search(said):
                continue
            signed = SIGNER.match(text, stop)
            name = (signed.group(1) or signed.group(2)).lower() if signed else ""
            known.append((stop, name))
        analysis.__dict__[KEY] = known
    return known


def stories(analysis: Any) -> list[int]:
    """Where each sized result told without quotation marks ends (character offsets)."""
    known = analysis.__dict__.get(STORIES)
    if known is None:
        text = analysis.text
        known = [
            found.end()
            for found in SIZED_RESULT.finditer(text)
            if CHANGE.search(text, max(0, found.start() - CHANGE_REACH), found.end() + 15)
        ]
        analysis.__dict__[STORIES] = known
    return known


def _told(view: Any) -> bool:
    """A cue that offers a result outright after an unquoted story that sizes one."""
    sentence = view.sentence
    told = [end for end in stories(view.analysis) if end < sentence.stop]
    if not told:
        return False
    doc = view.analysis.doc
    cues = lexicon()["adoption_direct"].find(doc, sentence.first, sentence.end)
    return any(doc[span.first].idx >= min(told) for span in cues)


def _too(words: list[str]) -> bool:
    """A clause that opens with the reader and ends with "too" ("You'll save thousands too");
    not the reader as an object ("we love you too")."""
    said = [i for i, w in enumerate(words) if is_word(w)]
    if len(said) < 3 or words[said[-1]] != "too":
        return False
    for i in said[-6:-1]:
        if words[i] in READER and (i == 0 or not is_word(words[i - 1]) or words[i - 1][-1] == "."):
            return True
    return False


def post_holds(post: Any, value: Any = None) -> bool:
    """The post-wide part, tested before a rule's check: the post quotes a result or tells a
    sized one (most posts do neither, and the rule then lists no sentence)."""
    return bool(testimonies(post.analysis)) or bool(stories(post.analysis))


def holds(view: Any, value: Any = None) -> bool:
    if not testimonies(view.analysis):
        # most posts quote nobody and tell no sized result: no sentence is analysed for them
        return bool(stories(view.analysis)) and view.sentence is not None and _told(view)
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
    if _told(view):
        return True
    words = view.words
    if _too(words):
        return True  # the result given to the reader as well: "You'll save thousands too"
    return "join" in words and any(name and name in words for _, name in quoted)
