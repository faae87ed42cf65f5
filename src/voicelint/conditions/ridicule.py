"""``ridicule: laughter | scare_quotes | rhetorical | stand_in | sarcasm | irony``: the hit's sentence mocks.

Marks of ridicule that need no listed insult (word classes in ``lexicons/analysis.yaml``):

- ``laughter``: laughing, eye-rolling or an ironic emoji (lol, haha, 😂, 🙄, 🙃, 🤷, 💅:
  ``lexicons/tone.yaml``), at a message that complains or asks (an ironic emoji alone not at a
  plain question: "it's on our list 👀" teases one); not where the customer laughs
  too (a laugh, not their own 🙃), nor where another sentence of the reply is warmly glad for the
  reader ("so glad you enjoyed them"): laughter shared is rapport. At a report of an injury, a
  hazard or despair, any laugh ridicules, shared or not, a sheepish 😅 included.
- ``scare_quotes``: the customer's own words set in quotation marks in a sentence that is not an
  instruction ("your 'urgent' request"); pair it with ``unless: [apology]``, since quoting a
  customer to apologise ("sorry the wait felt 'ridiculous'") is kind.
- ``rhetorical``: a question aimed at the reader that expects no answer: "did you even...",
  "what did you expect", "have you actually...", a bare "Really?" or "First time?"; at a
  complaint, also "did you expect/think..." and "what part of ... was unclear?".
- ``stand_in``: "someone", "some people", "the person who" standing for the reader ("someone
  didn't read the menu"); not the brand's own someone ("someone from our team will call") and not
  a third party beside the reader ("someone should have told you").
- ``sarcasm``: mock praise or mock grief at a complaint: a sentence that opens with an
  interjection ("wow", "congrats", "oh") or praises the reader's complaint itself ("thanks for the
  lovely review": a praising word after a determiner; "thanks for your message" praises nothing),
  in a reply to a grievance that apologises and sympathises nowhere, and that does not thank the
  brand (tears of joy: "got the keys!!! thank you 😭"). Not "oh no" or "oh dear" (real dismay),
  and not "congrats" at news the customer shares ("we're pregnant": ``good_news``). Gladness at the
  reader's enjoyment, said to praise that was sarcastic (an ironic emoji, or praise beside a
  problem the message reports: "been waiting 3 weeks. Amazing service."), mocks too, and so
  does a count made much of at a grievance ("twelve whole minutes.").
- ``irony``: liking said of a nuisance ("for people who enjoy waiting", "if you love hidden fees").
- ``belittling``: the reader made small: their audience counted ("your 320 followers"), or their
  ignorance mocked ("you forgot fridges existed").
- ``complainers``: complaining mocked as what a group does, with a concession that it changes
  nothing ("no matter how much they complain, they still come back"); not the brand's own
  customers thanked for complaining, and not a sentence with the brand as who acts on it.
- ``crowing``: dominance claimed over the addressee ("you know we're the boss around here").
- ``parody``: the customer's own words turned back on them as an order: an imperative "next
  time" advice whose verb and another word come from their message ("bring your own X next
  time" to "I'll bring my own Y next time").
- ``sneer``: a competitor's own words set in scare quotes ("X says it 'settles claims fast'"),
  in a sentence about the competitor that is not warm; or a sarcastic concession in a sentence
  about a competitor or right after one ("Sure, and...", "Bold, for a...", a bare "ok sure.").
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from voicelint import care
from voicelint import lexicon as lexicon_file
from voicelint.analysis import (
    NEGATIVE_WORD,
    lexicon,
    quoted_spans,
    valence_of_text,
    valence_of_word,
)
from voicelint.nlp import like_num, tokens

NAME = "ridicule"
VALUES = (
    "laughter",
    "scare_quotes",
    "rhetorical",
    "stand_in",
    "sarcasm",
    "irony",
    "belittling",
    "complainers",
    "crowing",
    "parody",
    "sneer",
)
HARMS = frozenset(care.HARM_INTENTS)  # what the customer reports that no laugh may answer
GROUP_SUBJECTS = frozenset(
    {"they", "people", "customers", "passengers", "guests", "folks", "users"}
)
ACTING_BRAND = frozenset({"we", "we'll", "we're", "we've"})  # the brand as who acts
BRAND_SIDE = frozenset({"from", "at", "on", "in", "will", "'ll", "can", "could", "would", "'d"})
WH = frozenset({"what", "why", "how"})
AUXILIARIES = frozenset(
    {"did", "do", "does", "have", "has", "had", "were", "was", "are", "is", "can", "could"}
    | {"would", "should", "will", "'d"}
)
QUOTES = frozenset({'"', "“", "”", "'", "‘", "’"})
# the frames of mock grief, with a negative word close after them at a sentence's start
EXCLAMATIVE = frozenset({"what", "such", "truly", "how", "oh", "the", "utter", "absolute"})
# "some customers may be eligible" informs; "some people never read the banner" sneers
MODAL_HEDGES = frozenset({"may", "might", "could", "can", "often", "usually", "sometimes"})
RAPPORT = 0.5  # VADER compound of a sentence glad for the reader
PRAISING = 1.5  # VADER valence of a verb that praises whoever does it ("appreciates", "loves")


def holds(view: Any, value: str) -> bool:
    span = view.words
    if not span or not _cue(value, span):
        return False  # no word that could carry it: leave the sentence unanalysed
    return bool(CHECKS[value](view, span))


def _cue(value: str, span: list[str]) -> bool:
    """A cheap test on the sentence's words: could it carry this mark at all?"""
    words = lexicon()
    if value in NEW_CUES:
        return any(w.replace("’", "'") in words[NEW_CUES[value]] for w in span) or (
            value == "parody" and "next" in span
        )
    if value == "laughter":
        return any(
            w in words["laughter"] or w in words["nervous_laughter"] or _is_laugh(w) for w in span
        )
    if value == "scare_quotes":
        return any(w in QUOTES for w in span)
    if value == "sneer":
        return any(w in QUOTES for w in span) or span[0] in words["sarcastic_concessions"]
    if value == "rhetorical":
        return any("?" in w for w in span)
    if value == "stand_in":
        return any(
            w in words["stand_ins"] or w in {"some", "whoever"} or w in words["stand_in_nouns"]
            for w in span
        )
    if value == "sarcasm":
        if span[0] in words["mock_openers"] or any(w in words["gladness"] for w in span[:4]):
            return True
        if "whole" in span:
            return True
        for k, word in enumerate(span):
            near = span[max(0, k - 3) : k]
            if valence_of_word(word) <= NEGATIVE_WORD and any(w in EXCLAMATIVE for w in near):
                return True
            if word in words["reader_things"] and any(valence_of_word(w) >= 1.5 for w in near):
                return True
        return False
    return any(w in words["liking_verbs"] for w in span)


def _laughter(view: Any, span: list[str]) -> bool:
    words = lexicon()
    laughs = words["laughter"]
    said = view.post.customer
    if (
        said is not None
        and said.intents & HARMS
        and any(w in words["nervous_laughter"] for w in span)
    ):
        return True  # "strong coffee 😅" to a cut foot
    if not any(w in laughs or _is_laugh(w) for w in span):
        return False
    if _agrees(span):
        return False  # "haha, you're not wrong": laughing along while conceding the point
    sentence = view.sentence
    if sentence is not None and "competitor" in sentence.about:
        return True  # laughing at a competitor needs no complaint
    if not _unhappy_or_asking(said):
        return False  # laughter at the reader needs something to laugh at: a complaint, a question
    if not said.intents and care.grievance_at_home(said.analysis.doc):
        return False  # "my boyfriend keeps stealing my lip balm 😤": laughing along at him
    if not any(w in laughs or _is_haha(w) for w in span):
        asks = "?" in tokens(said.analysis.doc).norms
        if asks and not (care.complains(said) or _negative(said)):
            return False  # an ironic emoji alone teases a question ("on our list 👀"), mocks a complaint
    if said.intents & HARMS:
        return True  # laughter at an injury, a hazard or despair is never shared fun
    if _rapport(view):
        return False
    theirs = tokens(said.analysis.doc).norms
    # shared laughter is rapport; the customer's eye-roll or upside-down face (🙃) is not a laugh
    return not any(w in laughs or _is_haha(w) for w in theirs)


def _is_laugh(word: str) -> bool:
    return _is_haha(word) or is_irony_mark(word)


def _is_haha(word: str) -> bool:
    return "haha" in word and set(word) <= {"b", "h", "a"}


def is_irony_mark(word: str) -> bool:
    """An emoji that winks, shrugs or rolls its eyes (``lexicons/tone.yaml``: ``irony_marks``),
    with its skin tone or gender sign ("🤷‍♀️")."""
    return bool(word) and not word.isascii() and any(m in word for m in _irony_marks())


@cache
def _irony_marks(key: str = "irony_marks") -> tuple[str, ...]:
    return tuple(lexicon_file.load("tone")[key])


def is_mock_regret(word: str) -> bool:
    """An emoji that turns a "sorry" beside it into mock regret (🙃, 🤷, 💅: ``mock_regret``)."""
    return bool(word) and not word.isascii() and any(m in word for m in _irony_marks("mock_regret"))


def _rapport(view: Any) -> bool:
    """Another sentence of the reply is warmly glad for the reader ("so glad you enjoyed
    them"): the laughter is shared, not aimed."""
    words = lexicon()
    analysis = view.analysis
    norms = tokens(analysis.doc).norms
    here = view.sentence
    for sentence in analysis.sentences:
        first, valence = sentence.first, sentence.valence
        if here is not None and sentence.first == here.first:
            # within the laughing sentence, only what follows the last laugh
            laughs = [
                i
                for i in range(sentence.first, sentence.end)
                if norms[i] in words["laughter"] or _is_laugh(norms[i])
            ]
            first = laughs[-1] + 1 if laughs else sentence.end
            rest = analysis.doc[first : sentence.end].text if first < sentence.end else ""
            valence = valence_of_text(rest) if rest.strip() else 0.0
        if valence >= RAPPORT and any(
            norms[i] in words["reader"] for i in range(first, sentence.end)
        ):
            return True
    return False


def _scare_quotes(view: Any, span: list[str]) -> bool:
    said = view.post.post.in_reply_to
    if not said or _sympathises(view) or _agrees(span):
        return False  # quoting the customer to apologise or to agree is kind
    sentence = view.sentence
    if sentence is None or sentence.act == "request":
        return False  # quoting the customer to apologise or to agree is kind
    text = view.analysis.text
    theirs = set(re.findall(r"[\w']+", said.lower()))
    for start, stop in quoted_spans(text):
        if sentence.start <= start < sentence.stop:
            inner = re.findall(r"[\w']+", text[start + 1 : stop - 1].lower())
            if inner and len(inner) <= 4 and all(w in theirs for w in inner):
                return True  # every quoted word is the customer's own
    return False


def _rhetorical(view: Any, span: list[str]) -> bool:
    if "?" not in span[-1]:
        return False  # the analysis's act: a question ends with "?"
    if (
        _tag_question(span)
        and view.post.customer is not None
        and care.complains(view.post.customer)
        and not _concedes(span)
    ):
        return True  # "not exactly the end of the world, is it?", "bit dramatic, no?"
    words = lexicon()
    content = [w for w in span if w not in {"?", "!", ".", "…", ",", "😂", "🙄"}]
    if " ".join(content) in words["disbelief"]:
        return True
    if (
        content[-2:] == ["this", "time"]
        and content[:1]
        and content[0] in WH | {"what's", "whats"}
        and view.post.customer is not None
        and care.complains(view.post.customer)
    ):
        return True  # "what's the issue this time?": the customer's complaint made a habit
    complaint = view.post.customer is not None and care.complains(view.post.customer)
    if content[:3] == ["what", "part", "of"] and complaint:
        return True  # "what part of 'no refunds' was unclear?": no answer expected
    reader = [i for i, w in enumerate(content) if w in words["reader"]]
    if not reader:
        return False
    you = reader[0]
    before, after = content[:you], content[you + 1 : you + 4]
    if any(w in words["rhetorical_markers"] for w in after) and (
        not before or before[-1] in AUXILIARIES
    ):
        return True  # "did you even read", "have you actually looked"
    if (
        before in (["did"], ["were"], ["do"])
        and after[:1]
        and after[0] in words["expectation_verbs"]
        and after[1:2] != ["about"]  # "did you think about our app?" suggests
        and complaint
    ):
        return True  # "did you expect us to swim it over?", at a complaint
    return bool(
        before and before[0] in WH and any(w in words["expectation_verbs"] for w in after)
    )  # "what did you expect", "what were you thinking"


CONCEDE_REACH = 2  # words between "not" and the praise it denies: "not nearly good enough"


def _concedes(span: list[str]) -> bool:
    """The tagged statement denies praise of what happened, so it agrees with the customer: "that's
    not good enough, is it?" ("not exactly the end of the world, is it?" denies no praise)."""
    for k, word in enumerate(span):
        if word in {"not", "n't"} and any(
            valence_of_word(w) > 0 for w in span[k + 1 : k + 2 + CONCEDE_REACH]
        ):
            return True
    return False


TAG_AUXILIARIES = AUXILIARIES | {"wo", "ca"}
TAG_SUBJECTS = frozenset({"it", "you", "u", "they", "that", "there", "we", "he", "she"})
TAG_WORDS = frozenset({"no", "right", "eh", "huh"})
OPINION_TAGS = (
    ("do", "n't", "you", "think"),
    ("would", "n't", "you", "say"),
    ("wouldn't", "you", "say"),
)


def _tag_question(span: list[str]) -> bool:
    """A statement with a question tagged on: "..., is it?", "..., isn't it?", "..., no?",
    "..., don't you think?". The statement comes first (not "is it working?")."""
    words = [w.replace("’", "'") for w in span if w.strip() and "?" not in w]
    if len(words) < 4 or words[0] in TAG_AUXILIARIES:
        return False
    if any(tuple(words[-len(t) :]) == t for t in OPINION_TAGS):
        return True
    if "," not in words[:-1]:
        return False
    tag = words[len(words) - 1 - words[::-1].index(",") + 1 :]
    if not tag:
        return False  # "0, 0,?": the comma closes the words, no tag follows it
    if len(tag) == 1:
        return tag[0] in TAG_WORDS
    if tag[-1] == "n't":
        return False
    return (
        2 <= len(tag) <= 3
        and tag[0] in TAG_AUXILIARIES
        and tag[-1] in TAG_SUBJECTS
        and (len(tag) == 2 or tag[1] == "n't")
    )


def _stand_in(view: Any, span: list[str]) -> bool:
    words = lexicon()
    if any(w in words["reader"] or w in MODAL_HEDGES for w in span):
        return False  # "someone should have told you": a third party beside the reader
    for k, word in enumerate(span):
        following = span[k + 1] if k + 1 < len(span) else ""
        if word in words["stand_ins"] or word == "whoever":
            if valence_of_word(following) >= PRAISING:
                continue  # "glad someone appreciates it": praise for that someone
            if following in BRAND_SIDE or (k and span[k - 1] in {"get", "have", "send"}):
                continue  # "someone from our team will call", "we'll get someone to look"
            if k and span[k - 1] in words["brand"] | {"to", "with", "for"}:
                continue
            return True
        if word == "some" and following in words["group_nouns"]:
            return not _owned_with_feeling(span)
        relative = k + 2 < len(span) and span[k + 2] in {"who", "that"}
        if word in {"the", "that", "this"} and following in words["stand_in_nouns"] and relative:
            return True  # "the genius who ordered 40 bottles"
    return False


EMPATHY_VERBS = frozenset({"know", "understand", "realise", "realize", "sorry"})
# what the customers went through: "had trouble logging in", "couldn't check out"
TROUBLE = frozenset({"trouble", "issue", "issues", "problem", "problems", "difficulty", "outage"})
TROUBLE |= {"disruption", "delays", "delay", "errors", "error", "affected", "disrupted", "unable"}
TROUBLE |= {"couldn't", "could", "can't", "cannot", "weren't", "wasn't"}


def _owned_with_feeling(span: list[str]) -> bool:
    """The brand tells, with feeling, the trouble some customers went through ("some clients had
    trouble logging in this morning, and we know how stressful that is"): a report of its own
    incident, not a stand-in for the reader. Not what they expect or do ("we appreciate that
    some clients expect an answer at any hour"), nor with an ironic emoji."""
    words = lexicon()
    return (
        any(w in words["brand"] for w in span)
        and any(w in EMPATHY_VERBS for w in span)
        and any(w in TROUBLE for w in span)
        and not any(is_irony_mark(w) for w in span)
    )


def _sarcasm(view: Any, span: list[str]) -> bool:
    customer = view.post.customer
    if not _unhappy_or_asking(customer) or _sympathises(view) or care.thanks_brand(customer):
        return False
    sentence = view.sentence
    if sentence is None:
        return False
    norms = tokens(view.analysis.doc).norms
    words = lexicon()
    if span[:1] == ["oh"] and (span[1] if len(span) > 1 else "") in {"no", "dear"}:
        return False  # "oh no, poor thing", "oh dear": real dismay
    for i in sentence.negative_words:
        before = [w for w in norms[max(sentence.first, i - 3) : i] if w.strip()]
        if i - sentence.first <= 4 and any(
            w in EXCLAMATIVE and (w != "the" or _ends_sentence(norms, i + 1, sentence.end))
            for w in before
        ):
            return True  # mock grief: "truly a catastrophe", "what a disaster", "the horror"
    if _taken_literally(span, customer):
        return True  # "glad you're enjoying the romantic ambience" to a sarcastic power-cut post
    if _mock_emphasis(span) and _mock_praise_target(customer):
        return True  # "twelve whole minutes.": the complaint made small by mock emphasis
    if not _mock_praise_target(customer):
        return False  # "great question" answers a question; "congrats!" answers news
    opener = span[0] if span else ""
    news = any(w in words["good_news"] for w in tokens(customer.analysis.doc).norms)
    if (
        opener in words["mock_openers"]
        and not news
        and (sentence.valence >= 0.3 or sentence.negative_words)
    ):
        return True  # "wow, what a tragedy", "congrats on discovering the terms page"
    return _praises_complaint(span)


def _ends_sentence(norms: list[str], start: int, end: int) -> bool:
    """Whether nothing but punctuation or emoji follows: "the horror." exclaims, "the Problem
    Gambling Helpline is there 24/7" names a service."""
    return not any(any(c.isalnum() for c in w) for w in norms[start:end])


def _mock_emphasis(span: list[str]) -> bool:
    """A count made much of: a number, then "whole", then a unit of time or money ("twelve whole
    minutes", "5 whole dollars"), "whole" standing for what the customer called too much."""
    for k, word in enumerate(span[1:-1], start=1):
        before = span[k - 1]
        if word == "whole" and span[k + 1] in UNITS and like_num(before):
            return True
    return False


UNITS = frozenset(
    {"minute", "minutes", "mins", "hour", "hours", "hrs", "day", "days", "week", "weeks"}
    | {"month", "months", "seconds", "dollars", "pounds", "euros", "cents", "pence", "quid"}
)


def _praises_complaint(span: list[str]) -> bool:
    """Praise of the complaint itself, "thanks for the lovely review", "what a lovely comment":
    a praising word between a determiner and the reader's thing. Thanks alone praise nothing
    ("thanks for your message"), nor does a verb before the thing ("we'd recommend deleting this
    post")."""
    words = lexicon()
    for k, word in enumerate(span):
        if word not in words["reader_things"]:
            continue
        for j in range(max(1, k - 2), k):
            if (
                valence_of_word(span[j]) >= 1.5
                and span[j] not in care.GRATITUDE
                and span[j - 1] in DETERMINERS
            ):
                return True
    return False


DETERMINERS = frozenset(
    {"the", "your", "that", "this", "such", "a", "an", "what", "so", "very", "really", "truly"}
)


def _taken_literally(span: list[str], customer: Any) -> bool:
    """Gladness at the reader's enjoyment, said to a message whose praise was sarcastic (an
    ironic emoji, "totally not annoying at all": ``care.sarcastic``): the reply takes the
    sarcasm at its word to mock it. "We're glad you" within the first words,
    then a verb of liking or feeling."""
    if not care.sarcastic(tokens(customer.analysis.doc).norms) and not _praise_at_a_problem(
        customer
    ):
        return False
    words = lexicon()
    enjoying = words["liking_verbs"] | {"feel"}
    for k, word in enumerate(span[:4]):
        if word in words["gladness"]:
            rest = [w for w in span[k + 1 : k + 5] if w not in {"to", "that", "see", "hear"}]
            if rest[:1] == ["you"] and any(w in enjoying for w in rest[1:3]):
                return True
    return False


def _praise_at_a_problem(customer: Any) -> bool:
    """Praise beside a problem the same message reports ("Been waiting 3 weeks for a technician.
    Amazing service."): the contrast of a positive sentiment with a negative situation, the mark
    of sarcasm Riloff et al. (2013) describe. A sentence of praise with no negative word, in a
    message that reports a problem."""
    analysis = customer.analysis
    if not care.reports_problem(analysis.doc):
        return False
    return any(
        s.valence >= RAPPORT and not s.negative_words and s.act != "question"
        for s in analysis.sentences
    )


def _irony(view: Any, span: list[str]) -> bool:
    words = lexicon()
    for k, word in enumerate(span):
        if word in words["liking_verbs"]:
            ahead = span[k + 1 : k + 4]
            if any(w in words["nuisances"] for w in ahead) and not _negated_before(span, k):
                return True
    return False


def _negated_before(span: list[str], k: int) -> bool:
    return any(w in lexicon()["negators"] for w in span[max(0, k - 3) : k])


def _agrees(span: list[str]) -> bool:
    joined = f" {' '.join(span)} ".replace(" n't ", " not ")
    return any(f" {w} " in joined for w in lexicon()["agreement"])


def _unhappy_or_asking(customer: Any) -> bool:
    """A message that complains or asks: anything but plain praise (and not no message at all)."""
    if customer is None:
        return False
    return care.complains(customer) or customer.valence <= 0.3


def _mock_praise_target(customer: Any) -> bool:
    """A message mock praise can answer: an unhappy one (``_negative``), not a question that asks
    leave or asks ahead ("is it safe with a pacemaker? the magnets worry me": "good question" is
    sincere), and not banter (a laugh, no routing intent, no problem, no sarcasm)."""
    if not _negative(customer):
        return False
    doc = customer.analysis.doc
    if care.asks_leave(doc) or care.asks_ahead(doc):
        return False
    norms = tokens(doc).norms
    laughs = any(n in lexicon()["laughter"] for n in norms)
    return not (
        laughs
        and not customer.intents
        and not care.reports_problem(doc)
        and not care.sarcastic(norms)
    )


def _negative(customer: Any) -> bool:
    """A message that reads as unhappy (not merely a question): mock praise needs one."""
    return (
        customer.valence <= -0.3
        or any(s.negative_words for s in customer.analysis.sentences)
        or care.reports_problem(customer.analysis.doc)
    )


def _sympathises(view: Any) -> bool:
    """Whether the reply apologises or sympathises anywhere (sarcasm needs it not to)."""
    from voicelint.conditions.apology import apologises

    norms = tokens(view.analysis.doc).norms
    return any(apologises(norms[s.first : s.end]) for s in view.analysis.sentences)


def _belittling(view: Any, span: list[str]) -> bool:
    words = lexicon()
    span = [w.replace("’", "'") for w in span]
    for k, word in enumerate(span):
        counted = k >= 2 and span[k - 2] in words["reader"] and _is_count(span[k - 1])
        if word in words["audience_nouns"] and counted:
            return True  # "your 320 followers"
        if word in words["forgetting_verbs"] and any(w in words["reader"] for w in span[:k]):
            if any(w in words["conditionals"] for w in span[:k]):
                continue  # "if you forgot your password": help, not mockery
            rest = span[k + 1 : k + 5]
            if (
                len(rest) >= 2
                and rest[0] not in {"to", "your", "ur"}
                and any(w in words["existence_verbs"] for w in rest[1:])
            ):
                return True  # "you forgot refrigerators existed"
    return False


def _is_count(word: str) -> bool:
    return word.replace(",", "").replace(".", "").isdigit() or word in {"few", "dozen", "handful"}


def _complainers(view: Any, span: list[str]) -> bool:
    words = lexicon()
    span = [w.replace("’", "'") for w in span]
    if any(w in ACTING_BRAND for w in span):
        return False  # "we hear customers complain about queues, so we added tills"
    text = f" {' '.join(span)} "
    for k, word in enumerate(span):
        if word in words["complain_verbs"]:
            subject = [w for w in span[max(0, k - 3) : k] if w in GROUP_SUBJECTS]
            if subject and any(f" {c} " in text for c in words["concessives"]):
                return True
    return False


def _crowing(view: Any, span: list[str]) -> bool:
    words = lexicon()
    span = [w.replace("’", "'") for w in span]
    for k, word in enumerate(span):
        if word not in words["dominance_nouns"] or k < 2:
            continue
        before = span[max(0, k - 4) : k]
        claimed = any(w in {"we", "we're", "i'm"} for w in before) and (
            "the" in before or any(w in {"'re", "are", "'m"} for w in before)
        )
        addressed = any(w in words["reader"] for w in span[:k]) or "around" in span[k + 1 : k + 3]
        if claimed and addressed:
            return True  # "you know we're the boss around here"
    return False


def _parody(view: Any, span: list[str]) -> bool:
    said = view.post.post.in_reply_to
    sentence = view.sentence
    if not said or sentence is None:
        return False
    words = lexicon()
    text = f" {' '.join(span)} "
    if not any(f" {h} " in text for h in words["hindsight"]) or any(
        w in words["brand"] for w in span
    ):
        return False
    theirs = set(re.findall(r"[\w']+", said.lower()))
    verb = span[0]
    if verb not in words["imperatives"] and verb not in theirs:
        return False
    echoed = [w for w in span[1:] if w in theirs and w not in {"next", "time", "the", "a", "to"}]
    return verb in theirs and bool(echoed)  # "bring your own plane next time" to "bring my own"


NEW_CUES = {
    "belittling": "reader",
    "complainers": "complain_verbs",
    "crowing": "dominance_nouns",
    "parody": "hindsight",
}

WARM = 0.3  # VADER compound of a sentence that praises: "congrats to X on 'Bank of the Year'"
CONCESSION_LINKS = frozenset({"and", "for"})


def _sneer(view: Any, span: list[str]) -> bool:
    sentence = view.sentence
    if sentence is None:
        return False
    analysis = view.analysis
    about_competitor = "competitor" in sentence.about
    if about_competitor and sentence.valence < WARM:
        text = analysis.text
        if any(sentence.start <= start < sentence.stop for start, _ in quoted_spans(text)):
            return True  # "Harborline says it 'settles claims in record time'"
    if not (about_competitor or _after_competitor(analysis, sentence)):
        return False
    words = lexicon()
    content = [w for w in span if w.isalnum()]
    concessions = words["sarcastic_concessions"]
    if content and all(w in concessions for w in content) and len(content) <= 3:
        return True  # a bare "ok sure."
    if _brand_commits(span, words):
        return False  # "Sure, and from June so will we": a concession the brand lives up to
    return (
        len(span) > 2 and span[0] in concessions and span[1] == "," and span[2] in CONCESSION_LINKS
    )  # "Sure, and our CFO is a golden retriever", "Bold, for an app that freezes"


COMMITTING = frozenset({"will", "'ll", "’ll", "can", "shall"})


def _brand_commits(span: list[str], words: Any) -> bool:
    """The brand next to a modal of the future or of ability: "so will we", "we'll", "we can"."""
    return any(
        w in COMMITTING
        and (
            (k and span[k - 1] in words["brand"])
            or (k + 1 < len(span) and span[k + 1] in words["brand"])
        )
        for k, w in enumerate(span)
    )


def _after_competitor(analysis: Any, sentence: Any) -> bool:
    """Whether the sentence before this one is about a competitor (only that one is analysed)."""
    before = analysis.previous(sentence)
    return before is not None and "competitor" in before.about


CHECKS = {
    "belittling": _belittling,
    "complainers": _complainers,
    "crowing": _crowing,
    "parody": _parody,
    "sneer": _sneer,
    "laughter": _laughter,
    "scare_quotes": _scare_quotes,
    "rhetorical": _rhetorical,
    "stand_in": _stand_in,
    "sarcasm": _sarcasm,
    "irony": _irony,
}
