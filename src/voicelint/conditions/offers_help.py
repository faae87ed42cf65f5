"""``offers_help``: the post offers help or hands the matter to a channel (DM us, call, we'll fix it).

Bare (``unless: [offers_help]``) it reads the whole draft; ``offers_help: here`` reads only the
hit's sentence, for a rule whose fault help elsewhere in the reply does not undo ("most people
top up before returning the car 😉 DM us the receipt" still blames).

Read from the whole draft: the brand as subject of a future or offering verb ("we'll", "we can",
"let us"), or a request that sends the reader to a channel (``lexicons/analysis.yaml``:
``help_verbs``, ``channels``). An offer the sentence negates ("we can't help", "we won't refund")
offers nothing, and a verb of making alone is no offer: "we make the rules" asserts authority;
"we'll see who's right" waits and sees, "we would suggest reading the terms" advises, "we would ask you to wait" demands; "please check your inbox" points at the reader's own mail,
not at the brand. "Please let us know if you need any help" sends the reader to the brand.
"""

from __future__ import annotations

from typing import Any

from voicelint import care
from voicelint.analysis import lexicon
from voicelint.nlp import tokens

NAME = "offers_help"
VALUES = ("here",)
BARE = True  # written bare, it reads the whole draft


def holds(view: Any, value: Any = None) -> bool:
    words = lexicon()
    norms = tokens(view.analysis.doc).norms
    sentences = view.analysis.sentences
    if value == "here":
        sentences = [view.sentence] if view.sentence is not None else []
    for sentence in sentences:
        span = norms[sentence.first : sentence.end]
        if "brand" in sentence.about and any(
            w in words["help_verbs"]
            and not _follows_rules(span, k)
            and _brand_acts(span, k, words)
            and k + sentence.first not in sentence.negated
            and not _refused(span, k)
            for k, w in enumerate(span)
        ):
            return True
        if sentence.act == "request" and _sends_to_brand(span, words):
            return True
    return False


def _sends_to_brand(span: list[str], words: Any) -> bool:
    """A request that sends the reader to the brand's channel: a contact verb opens it ("DM us",
    "call", "email the team"), or the brand is whom the channel reaches ("send us a message").
    "Please check your inbox" points at the reader's own mail: it offers nothing."""
    content = [w for w in span if w.strip() and w not in {"please", ",", "pls", "plz"}]
    if any(content[i : i + 3] == ["let", "us", "know"] for i in range(len(content))):
        return True  # "please let us know if you need any help": the reader sent to the brand
    if not any(w in words["channels"] for w in content):
        return False
    if any(w in COPULAS for w in content[1:3]):
        return False  # "Call volumes are high": the channel is what the sentence is about
    if content and content[0] in words["channels"]:
        return True
    return any(w in {"us", "our", "we"} for w in content)


COPULAS = frozenset({"is", "are", "was", "were", "'s", "'re"})
MODALS = frozenset({"'ll", "’ll", "will", "can", "'d", "’d", "would"})
# verbs after the brand's modal that wait, advise or opine rather than offer: "we'll see", "we
# would suggest", "we'd say"
NOT_OFFERS = frozenset(
    {"see", "suggest", "recommend", "advise", "urge", "encourage", "say", "think", "expect"}
    | {"ask", "remind", "request", "require", "insist", "prefer"}
)
ADVERBS = frozenset({"gently", "strongly", "just", "kindly", "simply", "also", "really", "only"})


def _brand_acts(span: list[str], k: int, words: Any) -> bool:
    """The brand is who the help word belongs to: "we'll", "we can", "let us help" (a modal right
    after the brand; another help verb within three words of it), or the brand's people ("our
    team can"), not "your followers will"."""
    before = [w for w in span[max(0, k - 3) : k] if w.strip()]
    brand = words["brand"] | {"i", "let", "happy", "glad"}
    if span[k] in MODALS:
        after = [w for w in span[k + 1 : k + 4] if w.strip() and w not in ADVERBS]
        if after[:1] and after[0] in NOT_OFFERS:
            return False  # "we'll see who's right", "we'd gently suggest reading": no offer
        if before and _staff(before[-1]) and "our" in span[max(0, k - 5) : k]:
            return True  # "our assistance team can talk you through it"
        return bool(before) and before[-1] in brand
    return any(w in brand or w in MODALS for w in before)


def _staff(word: str) -> bool:
    """One of the brand's people, or a group of them ("team", "nurses": ``replies.yaml``
    ``staff``)."""
    staff = care.lexicon("replies")["staff"]
    return word in staff or (word.endswith("s") and word[:-1] in staff)


def _follows_rules(span: list[str], k: int) -> bool:
    """ "Our engineers follow strict procedures" keeps rules; "we'll follow up" offers help."""
    return span[k] == "follow" and (k + 1 >= len(span) or span[k + 1] != "up")


def _refused(span: list[str], k: int) -> bool:
    """ "we can't", "we won't": a modal followed by a negator refuses rather than offers."""
    return k + 1 < len(span) and span[k + 1].replace("’", "'") in {"n't", "not", "never"}
