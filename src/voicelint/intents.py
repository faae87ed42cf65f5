"""Which routing intents a customer's message carries (billing, injury, press inquiry...).

Triggers and look-alikes come from ``lexicons/routing/intents.yaml``. A trigger inside a look-alike
("burnt taste", "French press", "my lawyer friend") does not count; a one-word trigger written as a
proper noun mid-sentence ("my friend Sue") does not count; intents about the customer's own matter
(billing, orders, account security) do not count in a question about the policy in general ("what
is your refund policy?", "how do I cancel?") unless the customer speaks of their own matter,
outside a supposed case ("how do refunds work if I paid by gift card?" asks about the policy),
and not in a message that passes on hearsay ("saw it on reddit", "heard you won't pay out if..."). A
message can carry several intents.

Two mechanisms keep the distress and crisis classes from firing on praise: a `leading` trigger
("can't stop", "addicted") counts only before what one loses control of (betting, spending,
drinking) or at the end of its clause ("I can't stop."), and a `not_praise` intent does not count
in a sentence that praises (a word VADER rates strongly positive, laughter, a smiling emoji):
"I can't stop drinking your cold brew 😍" is a compliment, "I can't stop betting" is not.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from voicelint.analysis import NEGATIVE_WORD, valence_of_text, valence_of_word
from voicelint.analysis import lexicon as analysis_words
from voicelint.care import (
    PERSONAL_INTENTS,
    Phrases,
    Span,
    inquiry,
    lexicon,
    reports_problem,
    sentences,
    tells_event,
)
from voicelint.nlp import doc_text, is_word, parse, tokens

QUESTION_WORDS = frozenset(
    {
        "how",
        "what",
        "when",
        "where",
        "why",
        "which",
        "who",
        "do",
        "does",
        "is",
        "are",
        "can",
        "will",
    }
)


@dataclass(frozen=True)
class IntentSpec:
    name: str
    any: Phrases
    all: tuple[tuple[Phrases, ...], ...]  # conjunctions: one from every group of any one of them
    except_: Phrases
    orth: frozenset[str]
    personal: bool
    whole_message: bool
    leading: Phrases
    objects: Phrases
    not_praise: bool
    # runs: one phrase of each group in order, each within SEQUENCE_WINDOW words of the last
    sequences: tuple[tuple[Phrases, ...], ...] = ()
    # falls: a harm only when said of a person or landing on one (_falls_on_someone)
    falls: Phrases | None = None


# Praise: a word VADER rates at least this positive (love 3.2, delicious 2.7, fun 2.3), except the
# words of a plea or of a bet ("help", "win"), or laughter, or an emoji VADER reads as positive.
PRAISE_WORD = 2.3
PRAISE_EMOJI = 0.4
NOT_PRAISE = frozenset(
    {"win", "winning", "won", "jackpot", "lucky", "luck", "free", "help", "care"}
)
LAUGHTER = frozenset({"lol", "lmao", "rofl", "haha", "hahaha", "hehe", "lmfao"})
LEADING_WINDOW = 3
CLAUSE_ENDS = frozenset({",", ";", ":", ".", "!", "?", "…", "-", "—", "and", "but"})


@lru_cache(maxsize=1)
def specs() -> tuple[IntentSpec, ...]:
    data = lexicon("intents")["intents"]
    return tuple(
        IntentSpec(
            name,
            Phrases(entry.get("any") or ()),
            tuple(
                tuple(Phrases(group) for group in groups)
                for groups in (entry.get("all"), *(entry.get("alternatives") or ()))
                if groups
            ),
            Phrases(entry.get("except") or ()),
            frozenset(entry.get("orth") or ()),
            bool(entry.get("personal")),
            entry.get("scope") == "message",
            Phrases((entry.get("leading") or {}).get("triggers") or ()),
            Phrases((entry.get("leading") or {}).get("objects") or ()),
            bool(entry.get("not_praise")),
            tuple(
                tuple(Phrases(group) for group in groups) for groups in entry.get("sequences") or ()
            ),
            Phrases(entry["falls"]) if entry.get("falls") else None,
        )
        for name, entry in data.items()
    )


@lru_cache(maxsize=1)
def _general_and_personal() -> tuple[Phrases, Phrases]:
    data = lexicon("intents")
    # exact forms: "do you charge" asks about the policy, "did you charge" about the customer's own
    return Phrases(exact=data["general"]), Phrases(data["personal"])


@lru_cache(maxsize=1)
def _hearsay() -> Phrases:
    return Phrases(exact=lexicon("intents")["hearsay"])


# The intents of the customer's messages read so far, by message: a reply's message is read by
# the post's analysis (kinds.PostContext.customer) and by several kinds, and replies repeat them.
_DETECTED: dict[str, frozenset[str]] = {}
_DETECTED_MAX = 4096


def detect(message: str | None) -> frozenset[str]:
    """The intents of a customer's message, in any order."""
    if not message or not message.strip():
        return frozenset()
    found = _DETECTED.get(message)
    if found is None:
        found = message_intents(message, parse(message))
    return found


def message_intents(message: str, doc: Any) -> frozenset[str]:
    """``detect`` for a message already parsed (``doc`` is ``parse(message)``): its intents are
    worked out once, whichever asks first."""
    found = _DETECTED.get(message)
    if found is None:
        if len(_DETECTED) >= _DETECTED_MAX:
            _DETECTED.clear()
        found = _DETECTED[message] = frozenset(intents_of_doc(doc))
    return found


def intents_of_doc(doc: Any) -> set[str]:
    general, personal = _general_and_personal()
    hearsay = _hearsay().any_in(doc)  # "saw it on reddit": the whole message asks about policy
    found: set[str] = set()
    for first, end in sentences(doc):
        own = _own_matter(doc, personal, first, end)
        is_general = hearsay or general.any_in(doc, first, end) or inquiry(doc, first, end)
        praise: bool | None = None
        for spec in specs():
            if spec.name in found:
                continue
            if spec.personal and (is_general or (not own and _question(doc, first, end))):
                continue
            if not _triggered(spec, doc, first, end):
                continue
            if spec.not_praise:
                if praise is None:
                    praise = praises(doc, first, end)
                if praise:
                    continue
            found.add(spec.name)
    for spec in specs():
        if spec.whole_message and spec.name not in found and _triggered(spec, doc, 0, len(doc)):
            found.add(spec.name)
    if "press_inquiry" not in found and _names_outlet(doc):
        found.add("press_inquiry")
    if found and found <= PERSONAL_INTENTS and praise_only(doc):
        return set()  # "got my refund in two days, amazing": thanks, not a matter to route
    if found and found <= CREDITED and _credits_someone(tokens(doc).norms):
        return set()  # "Nurse Abby was an angel when my son needed stitches": the care, praised
    if "press_inquiry" in found:
        found.discard("distress")  # a reporter asking about problem gambling is not in distress
    if "injury" in found and _unhurt(doc):
        found.discard("injury")  # "someone hit my car in your car park, no one hurt"
    for harm in RELAYED & found:
        if _told_only_as_news(doc, harm):
            found.discard(harm)  # "saw Tidewater Inns had bedbugs on the news, glad I'm with you"
    if "injury" in found and _about_a_bill(doc, found) and _illness_as_reason(doc):
        found.discard("injury")  # "can you waive my late fee? I was in hospital for two weeks"
    if found & JOKED_ABOUT and _jokes(doc):
        found -= JOKED_ABOUT  # "if I donate my cooking does that count as hazardous waste 😂"
    return found


# harms a laughing message can only joke about while it tells of nothing that happened
JOKED_ABOUT = frozenset({"injury", "safety_hazard", "distress", "adverse_event"})


def _jokes(doc: Any) -> bool:
    """Whether a message laughs (lol, haha, 😂; not a sheepish 😅) and tells of nothing that
    happened ("if I eat the whole bag do I turn orange? 😂", "I'm dying 😂"): a harm it names is
    a joke. "My son fell off your swing 😂" tells of a fall and stays a harm."""
    norms = tokens(doc).norms
    laughter = analysis_words()["laughter"]
    return any(n in laughter for n in norms) and not tells_event(norms)


OUTLET_REACH = 4  # words between the introduction and the word of the media
SIGNATURE_REACH = 12  # words at a message's start a reporter's signature may end in


@lru_cache(maxsize=1)
def _outlets() -> tuple[Phrases, frozenset[str]]:
    words = lexicon("intents")["outlets"]
    return Phrases(words["introductions"]), frozenset(words["media"])


# what may follow the outlet's name in a signature: "the Northern Echo here", "Post travel desk"
DESK_WORDS = frozenset({"here", "desk", "newsroom", "team", "travel", "news", "business", "city"})


def _names_outlet(doc: Any) -> bool:
    """A reporter naming their outlet: "I'm with KTVX News", "writing for the Riverside Gazette"
    (an introduction, then a word of the media within ``OUTLET_REACH`` words, proper nouns
    included: the outlet's name is the point)."""
    introductions, media = _outlets()
    table = tokens(doc)
    norms = table.norms
    for span in introductions.find(doc, 0, len(doc)):
        ahead = norms[span.end : span.end + OUTLET_REACH + 1]
        if any(w in media for w in ahead):
            return True
    # a signature that opens a question: "Dana Kim, Riverside Tribune. Can you confirm...?",
    # "Jen Ortiz from Channel 8 news": "from" or a comma, then a capitalised outlet's media word
    if "?" not in "".join(norms):
        return False
    for i in range(-1, min(len(norms), SIGNATURE_REACH)):
        if i >= 0 and norms[i] not in {"from", ","}:
            continue  # (-1: the message opens with the outlet: "Denver Post travel desk. Can...")
        ahead = range(i + 1, min(len(norms), i + OUTLET_REACH + 2))
        # the outlet's name ends in its media word ("Riverside Tribune.", not "Daily Special")
        ends = [
            j
            for j in ahead
            if norms[j] in media
            and (j + 1 >= len(norms) or not is_word(norms[j + 1]) or norms[j + 1] in DESK_WORDS)
        ]
        if (
            i < 0
            and ends
            and not all(
                table.texts[j][:1].isupper() for j in range(0, ends[0] + 1) if is_word(norms[j])
            )
        ):
            continue  # an opening outlet is a name in capitals: not "we heard the news, ..."
        if ends and any(table.texts[j][:1].isupper() for j in range(i + 1, ends[0] + 1)):
            return True
    return False


@lru_cache(maxsize=1)
def _trouble() -> frozenset[str]:
    return frozenset(lexicon("intents")["trouble"])


PRAISE_TEXT = 0.5  # VADER's compound score of a message that praises as a whole


def praise_only(doc: Any) -> bool:
    """Whether a message praises and reports nothing: VADER reads it clearly positive, a sentence
    praises, and it holds no negative word, no problem and no mark of trouble or sarcasm; or the
    trouble it names is over ("sorted my missing parcel in a day, great job")."""
    norms = tokens(doc).norms
    if _credits_someone(norms):
        return True  # "shoutout to Marco who got my refund sorted"
    if not praises(doc, 0, len(doc)):
        return False
    if any(w in RESOLVED for w in norms) and not any(w in NOT_YET for w in norms):
        return True  # "sorted my missing parcel in a day, great job": the trouble is over
    if valence_of_text(doc_text(doc)) < PRAISE_TEXT:
        return False
    trouble = _trouble()
    if any(w in trouble or valence_of_word(w) <= NEGATIVE_WORD for w in norms):
        return False
    return not reports_problem(doc)


# a matter the brand has settled, told with praise; not while something is still pending
RESOLVED = frozenset({"sorted", "fixed", "resolved", "solved", "refunded", "replaced", "sorting"})
# Credit given to someone by name or role: a shout-out, thanks, or a person called a star. The
# trouble such a message names is the story of the help (the stitches the nurse was kind through).
# Intents a message that credits someone may tell as the story of the help, not report: a crisis
# or distress is never cleared by thanks.
CREDITED = PERSONAL_INTENTS | {"injury", "adverse_event", "safety_hazard", "medical_question"}


@lru_cache(maxsize=1)
def _credit() -> tuple[frozenset[str], frozenset[tuple[str, ...]]]:
    """``lexicons/routing/intents.yaml``: ``credit``, single words and runs of two."""
    entries = [str(w) for w in lexicon("intents")["credit"]]
    return (
        frozenset(w for w in entries if " " not in w),
        frozenset(tuple(w.split()) for w in entries if " " in w),
    )


def _credits_someone(norms: list[str]) -> bool:
    """A message that credits someone and holds no negative word, nothing pending and no
    sarcasm's "thanks for nothing": praise, whatever trouble its story names."""
    words, pairs = _credit()
    credit = any(w in words for w in norms) or any(
        tuple(norms[i : i + 2]) in pairs for i in range(len(norms) - 1)
    )
    if not credit or any(w in NOT_YET or w == "nothing" for w in norms):
        return False
    return not any(w.isalpha() and valence_of_word(w) <= NEGATIVE_WORD for w in norms)


NOT_YET = frozenset({"still", "yet", "again", "n't", "not", "never", "but", "however"})


# A condition's clause supposes a case ("how do refunds work if I paid with a gift card?"): the
# customer's words in it ask about the policy, not about a matter of their own.
SUPPOSING = frozenset({"if", "whether", "unless", "suppose", "supposing"})


def _own_matter(doc: Any, personal: Phrases, first: int, end: int) -> bool:
    """Whether the customer speaks of their own matter: a personal word outside a supposed case."""
    norms = tokens(doc).norms
    supposed: set[int] = set()
    inside = False
    for i in range(first, end):
        if norms[i] in SUPPOSING:
            inside = True
        elif norms[i] in CLAUSE_ENDS and norms[i] not in ("and", "-"):
            inside = False
        if inside:
            supposed.add(i)
    return any(span.first not in supposed for span in personal.find(doc, first, end))


def praises(doc: Any, first: int, end: int) -> bool:
    """Whether tokens ``[first, end)`` praise: a strongly positive word, laughter, a smiling emoji."""
    norms = tokens(doc).norms
    for i in range(first, end):
        word = norms[i]
        if word in LAUGHTER:
            return True
        if word.isalpha():
            if word not in NOT_PRAISE and valence_of_word(word) >= PRAISE_WORD:
                return True
        elif word.strip() and not word.isascii() and valence_of_text(word) >= PRAISE_EMOJI:
            return True
    return False


def _triggered(spec: IntentSpec, doc: Any, first: int, end: int) -> bool:
    excepted = spec.except_.find(doc, first, end)

    def counts(spans: list[Span]) -> bool:
        return any(
            not _inside(span, excepted) and not _proper_noun(doc, span, first) for span in spans
        )

    if counts(spec.any.find(doc, first, end)):
        return True
    if counts([s for s in spec.leading.find(doc, first, end) if _leads(spec, doc, s, end)]):
        return True
    if any(doc[i].text in spec.orth for i in range(first, end)):
        return True
    if any(_in_sequence(doc, groups, first, end, counts) for groups in spec.sequences):
        return True
    if spec.falls is not None and counts(
        [s for s in spec.falls.find(doc, first, end) if _falls_on_someone(doc, s, first, end)]
    ):
        return True
    return any(all(counts(group.find(doc, first, end)) for group in groups) for groups in spec.all)


# Possessives name whose thing fell, not who fell ("my phone fell in the toilet").
POSSESSIVES = frozenset({"my", "your", "ur", "his", "her", "our", "their", "its", "yours", "mine"})
FALL_STOPS = frozenset({",", ";", ":", ".", "!", "?", "…", "—", "but"})
NEAR_MISS = frozenset({"nearly", "almost", "practically", "narrowly"})
FALL_REACH = 4  # words after a fall in which what fell may land on someone ("fell on my foot")
LANDING_DETERMINERS = POSSESSIVES | {
    "the",
    "a",
    "an",
    "this",
    "that",
    "some",
    "little",
    "poor",
    "'s",
}


@lru_cache(maxsize=1)
def _people() -> frozenset[str]:
    """Words for a person (or a pet) who can fall or be landed on: the analysis' pronouns, close
    people and stand-ins, the customer's own words and ``fallers``, less the possessives."""
    words = analysis_words()
    found = set(lexicon("intents")["fallers"]) | set(lexicon("intents")["personal"])
    for name in ("reader", "brand", "third_party", "they", "stand_ins", "close_people"):
        found |= set(words[name])
    found |= set(words["group_nouns"]) | set(words["stand_in_nouns"]) - {"one"}
    return frozenset(w.lower() for w in found if w.isalpha() or "'" in w) - POSSESSIVES


@lru_cache(maxsize=1)
def _bodies() -> frozenset[str]:
    """The body parts of the injury intent's harm-to-a-body-part conjunction."""
    entry = lexicon("intents")["intents"]["injury"]
    return frozenset(str(w).lower() for w in entry["alternatives"][0][1])


def _falls_on_someone(doc: Any, span: Span, first: int, end: int) -> bool:
    """Whether a fall (``falls``) befalls a person: a person named before it in its clause ("my
    dad fell down", "she slipped"), or nobody named (the writer: "slipped on the wet floor"), or a
    person or a body part just after it ("the shelf fell on my foot", "it fell on me"). A thing
    falling on a thing is not an injury ("a tree fell on my fence", "my phone fell in the
    toilet", "the price slipped")."""
    norms = tokens(doc).norms
    people = _people()
    start = span.first
    while start > first and norms[start - 1] not in FALL_STOPS:
        start -= 1
    before = [norms[i] for i in range(start, span.first) if not doc[i].is_space]
    if before and before[-1] in NEAR_MISS:
        return False  # "I nearly fell": a hazard, nobody hurt
    if not before or any(w in people for w in before):
        return True
    # what it landed on: the first word after the fall and its determiners ("on my foot")
    bodies = _bodies()
    last = ""
    for i in range(span.end, min(end, span.end + FALL_REACH)):
        word = norms[i]
        if doc[i].is_space:
            continue
        if word in LANDING_DETERMINERS:
            last = word
            continue
        # "fell on her and...": "her" was the one landed on, not whose thing
        return word in people or word in bodies or (last == "her" and word in CLAUSE_ENDS)
    return last == "her"


@lru_cache(maxsize=1)
def _unhurt_words() -> dict[str, Phrases]:
    data = lexicon("intents")["unhurt"]
    return {key: Phrases(exact=data[key]) for key in ("nobody", "harm", "everyone", "fine")}


UNHURT_REACH = 3  # words from "nobody" to "hurt", from "everyone" to "fine"


def _unhurt(doc: Any) -> bool:
    """Whether a message says nobody was hurt ("no one hurt", "nobody got injured", "no injuries",
    "everyone's ok"); not "no one else was hurt", said beside the writer's own injury."""
    words = _unhurt_words()
    norms = tokens(doc).norms
    for lead, tail in (("nobody", "harm"), ("everyone", "fine")):
        for span in words[lead].find(doc):
            if span.end < len(norms) and norms[span.end] == "else":
                continue
            if lead == "nobody" and words["harm"].any_in(doc, span.first, span.end):
                return True  # "no injuries", "unhurt"
            stop = min(len(doc), span.end + UNHURT_REACH + 1)
            if any(s.first >= span.end for s in words[tail].find(doc, span.end, stop)):
                return True
    return False


def _illness_as_reason(doc: Any) -> bool:
    """Whether every sentence that tells of an injury or illness leaves the brand out of it (no
    "you", "your", "after", "from"): beside a bill, a hospital stay told is the reason a payment
    was missed, not a harm the brand did ("I was in hospital and missed my payment"); "I got sick
    after your burger, I want a refund" keeps the harm."""
    norms = tokens(doc).norms
    told = _telling(doc, "injury")
    return bool(told) and not any(norms[i] in BRAND_LINKS for a, b in told for i in range(a, b))


def _telling(doc: Any, name: str) -> list[tuple[int, int]]:
    """The sentences of a message that carry the intent ``name``."""
    spec = next(spec for spec in specs() if spec.name == name)
    return [(a, b) for a, b in sentences(doc) if _triggered(spec, doc, a, b)]


# harms a customer may pass on from the news rather than report: "saw on the news that X had
# bedbugs" tells of no hazard the customer is in
RELAYED = frozenset({"safety_hazard", "injury"})
LEARNING = frozenset({"saw", "seen", "read", "heard", "watched", "see", "hear"})
MEDIA = frozenset(
    {
        "news",
        "tv",
        "online",
        "paper",
        "papers",
        "article",
        "twitter",
        "reddit",
        "tiktok",
        "facebook",
        "instagram",
        "radio",
        "headlines",
        "podcast",
    }
)


def _told_only_as_news(doc: Any, name: str) -> bool:
    """Whether every sentence that tells of the harm ``name`` passes it on from the media: a verb
    of learning ("saw", "heard", "read") and a medium ("on the news", "online", "in the paper")."""
    norms = tokens(doc).norms
    told = _telling(doc, name)
    return bool(told) and all(
        any(norms[i] in LEARNING for i in range(a, b))
        and any(norms[i] in MEDIA for i in range(a, b))
        for a, b in told
    )


BILL_WORDS = frozenset(
    {"fee", "fees", "payment", "payments", "bill", "charge", "charges", "invoice"}
)


def _about_a_bill(doc: Any, found: set[str]) -> bool:
    return "billing" in found or any(w in BILL_WORDS for w in tokens(doc).norms)


# words that tie an injury to the brand: "your food", "after the visit", "from the treatment"
BRAND_LINKS = frozenset({"you", "your", "u", "ur", "after", "from", "because", "since", "at"})


SEQUENCE_WINDOW = 3  # words from the end of one phrase of a sequence to the start of the next


def _in_sequence(doc: Any, groups: tuple[Phrases, ...], first: int, end: int, counts: Any) -> bool:
    """Whether a phrase of every group occurs in order, each starting within ``SEQUENCE_WINDOW``
    words after the last ends: "hit my son", "ran over my dog" (not "will my daughter hit a 30?",
    where the person comes first)."""
    ends = [s.end for s in groups[0].find(doc, first, end) if counts([s])]
    for group in groups[1:]:
        if not ends:
            return False
        spans = group.find(doc, first, end)
        ends = [
            s.end
            for s in spans
            if any(e <= s.first and _words_between(doc, e, s.first) < SEQUENCE_WINDOW for e in ends)
            and counts([s])
        ]
    return bool(ends)


def _words_between(doc: Any, start: int, stop: int) -> int:
    return sum(1 for i in range(start, stop) if not doc[i].is_space)


def _leads(spec: IntentSpec, doc: Any, span: Span, end: int) -> bool:
    """A loss-of-control trigger before what is out of control, or closing its clause."""
    following = [i for i in range(span.end, end) if not doc[i].is_space]
    if not following or doc[following[0]].lower_ in CLAUSE_ENDS:
        return True
    window = following[:LEADING_WINDOW]
    return any(s.first in window for s in spec.objects.find(doc, window[0], window[-1] + 1))


def _question(doc: Any, first: int, end: int) -> bool:
    return any(doc[i].text == "?" for i in range(first, end)) or doc[first].lower_ in QUESTION_WORDS


def _inside(span: Span, others: list[Span]) -> bool:
    return any(o.first <= span.first and span.end <= o.end for o in others)


def _proper_noun(doc: Any, span: Span, sentence_start: int) -> bool:
    """A one-word trigger capitalised mid-sentence is a name ("Sue", "Bill"), not the word."""
    if span.end - span.first != 1 or span.first == sentence_start:
        return False
    text = doc[span.first].text
    previous = doc[span.first - 1].text
    return text[:1].isupper() and not text.isupper() and previous not in {'"', "'", "(", "-", "@"}
