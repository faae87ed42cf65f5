"""``dismissal: told_before | obvious | closed | indifference | curt | pulling_rank | contradicting | ...``.

The hit's sentence shuts the customer down. Constructions, not listed sentences (word classes in
``lexicons/analysis.yaml``):

- ``told_before``: the brand says it has said it already: "we've explained this three times",
  "as I have already stated", "we covered this in two earlier replies" (the brand, a verb of
  saying and a mark of repetition; "as we mentioned in our last post" without one informs).
- ``obvious``: the reader pointed at what is plainly shown: "it's literally printed on the cup",
  "the hours are clearly posted", "it clearly says"; or, at a complaint, told the answer is
  posted somewhere: "it's on the website", "it's all in your contract", or was given already:
  "as stated in our bio", "as your booking confirmation explains".
- ``closed``: the conversation declared over: "this conversation is over", "nothing further to
  discuss".
- ``indifference``: the problem shrugged off or handed back: a negated burden that is the brand's
  ("not our problem", "none of our concern"), a burden that is the reader's ("that's your
  problem"), the brand negating its caring ("we don't care") or its charge of the matter ("we
  can't control what they do", "we're not responsible for that"), "who cares" said flat, or the reader
  told to put up with it ("deal with it", "get over it"; an imperative, not "we'll deal with it"),
  or told to wait or retry in a reply that apologises nowhere ("just be patient", "try again
  later"; "sorry! please try again in ten minutes" helps).
- ``curt``: the whole reply is a bare refusal or shrug to a customer's message ("No thank you.",
  "Nope.", "Whatever."), mentions and an agent's initials aside.
- ``pulling_rank``: the brand's authority put in place of an answer: the brand as the one who
  sets, makes or decides the rules ("we set the rules", "we make the calls"), a place or rule
  declared the brand's own ("it's our page"), or its decision declared final ("our policy is
  final").
- ``contradicting``: the reader told outright that they are wrong ("you're wrong", "you are
  mistaken", or their side: "your lawyer is mistaken"), or their problem denied by the brand's own experience ("works fine for us", "it's
  working on our end"); "you're not wrong", "if you're wrong" and "isn't working for us
  either" do not count. At a complaint, the customer's account doubted in a question counts too:
  "are you sure it was our engineer?" ("are you sure you want to cancel?" checks a wish).
- ``futility``: the customer's recourse called futile: "you won't win", "reporting us won't change
  anything", "go ahead, you'll lose" (a future negation of a verb of success with the reader or
  their recourse as subject; ``lexicons/tone.yaml``); at a complaint, also whatever the subject
  when the verb's object is futility itself ("it will not change anything", "won't get your dog
  seen any faster": ``futile_objects``).
- ``fatalism``: at a complaint, what happened declared normal or inevitable, so that nobody is
  answerable: a generic subject that "happens" at the head of a sentence ("accidents happen",
  "these things just happen", "it happens": ``mishaps``; not "what happens next", not "it
  happens when...", not "updates happen every Tuesday"), nothing that
  anyone "could have done" or "prevented", the harm declared the product's purpose ("heaters get
  hot, that's kind of their job", "that's what they do"), or an idiom of resignation ("that's
  life", "it is what it is"; ``lexicons/tone.yaml``: ``fatalism``).
- ``defending``: at a complaint, in a reply that apologises nowhere, the brand's defence put in
  place of an answer: the notice it gave ("the $75 fee is listed in our fee schedule", "the risk
  is disclosed before you enable it"), the warnings it had up ("the wet floor sign was out"), the
  care it took ("our hygienist followed protocol", "restraints are checked every morning"), what
  customers are told to do ("riders are asked to keep their heads back"), or its practice
  declared normal ("which is standard"); not negated ("the sign wasn't out" admits), not a
  promise ("the new times will be posted"), its people's conduct declared proper ("our staff
  acted appropriately", "the driver did nothing wrong"), the customer's consent cited back ("you
  agreed to the change when you accepted our terms", "the agreement you signed"), or the advice
  the brand gives everyone ("we always advise members never to..."). ``lexicons/tone.yaml``: ``defence_*``.
- ``daring``: at a complaint, in a reply that apologises nowhere, the customer's recourse
  permitted with a shrug: "be my guest", "do whatever you want", "go ahead" or "feel free to"
  before a recourse ("go ahead and report us") or at a clause's end ("Go ahead, our terms are
  clear"), or a bare "Good luck." (``lexicons/tone.yaml``: ``dares``; "go ahead and DM us" helps).
- ``non_apology``: at a complaint, an apology for the customer's feelings rather than for what
  happened: "sorry you feel that way", "sorry if you were offended" (``lexicons/analysis.yaml``:
  ``non_apologies``, read on the sentence's words); not where the reply hands the matter to a
  channel ("sorry you feel misled. Please have your lawyer write to legal@...").
- ``manner``: at a complaint, the customer's manner policed instead of their problem answered:
  "there's no need to shout", "no need for that tone", "please don't use capitals", "stop
  yelling", "let's keep it civil", "whoa, language" (``lexicons/tone.yaml``: ``manner``; "no need
  to worry" reassures).
- ``elsewhere``: the customer shown the door: sent to other providers (``lexicons/tone.yaml``:
  "there are plenty of other gyms", "feel free to shop elsewhere", "try somewhere else"; not "our other branches"), or the
  brand declared not for them ("maybe we're not for you", "perhaps the club isn't for you then";
  a product that "isn't for you if you're vegan" advises); not where the reply hands the matter
  to a channel ("...find another option. DM us and we'll help you book one").
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Any

from voicelint import care
from voicelint import lexicon as lexicon_file
from voicelint.analysis import COPULAS, lexicon, non_apology

NAME = "dismissal"
VALUES = (
    "told_before",
    "obvious",
    "closed",
    "indifference",
    "curt",
    "pulling_rank",
    "contradicting",
    "elsewhere",
    "futility",
    "fatalism",
    "defending",
    "daring",
    "non_apology",
    "manner",
)
SPEAKERS = frozenset({"we", "i", "our", "my", "'ve", "have", "has", "had"})
NOTHING = frozenset({"nothing", "no"})
FURTHER = frozenset({"further", "more", "else"})
TALK = frozenset({"discuss", "add", "say", "debate", "argue", "comment"})
# several earlier messages: the customer has been answered more than once
MESSAGES = frozenset(
    {"replies", "posts", "messages", "tweets", "emails", "responses", "answers", "comments"}
)
FINITE = frozenset({"says", "said", "states", "stated", "shows", "showed", "lists", "listed"})
NEGATORS = frozenset({"not", "n't", "none", "no", "never"})
BRAND_OWN = frozenset({"our", "my"})
READER_OWN = frozenset({"your", "ur", "yours"})
DEMONSTRATIVES = frozenset({"that", "this", "it", "that's", "it's", "thats", "its"})
CARE = frozenset({"care", "cares", "caring", "bothered"})
# the brand's charge of the matter denied: "we can't control what they do", "we're not liable"
DEFLECTIONS = frozenset({"control", "responsible", "liable", "accountable", "answerable"})
PUNCTUATION = frozenset({".", "!", "?", "…", ",", "..."})
WE = frozenset({"we", "i", "we're", "i'm"})


def holds(view: Any, value: str) -> bool:
    span = view.straight_words  # word cues only: no analysis needed
    if value == "curt":
        return _curt(view)
    if value == "indifference" and span and _puts_up([w for w in span if not w.startswith("@")]):
        return not _apologises_anywhere(view)  # "sorry! please try again in 10 minutes" is help
    if value == "obvious" and span and (_posted_at(span) or _as_stated(span)):
        customer = view.post.customer
        return customer is not None and care.complains(customer)  # at a complaint, not a question
    if value == "fatalism":
        customer = view.post.customer  # said at a complaint or a harm report, not of the weather
        return (
            bool(span)
            and _fatalism(span)
            and customer is not None
            and care.complains(customer)
            # "mistakes happen, and this one was ours. Sorry"; not "sorry! ..., but accidents happen"
            and (not _apologises_anywhere(view) or _taken_back(span))
        )
    if value == "defending":
        return (
            bool(span)
            and _defending(_joined_copulas([w for w in span if w not in PUNCTUATION]))
            and _unanswered_complaint(view)
            and not care.hands_off_in(view.analysis.doc)  # a private route offered: it helps
            # "is there a fee if I'm late?": it answers; "why does the app need my contacts?
            # Deleting. Creepy." asks and complains
            and not (_asked(view.post.customer) and not _complaint(view))
        )
    if value == "non_apology":
        # "sorry you feel misled. Please have your lawyer write to legal@...": a route offered
        return non_apology(span) and _complaint(view) and not care.hands_off_in(view.analysis.doc)
    if value == "elsewhere" and care.hands_off_in(view.analysis.doc):
        return False  # "...find another option. DM us and we'll help you book": not the door
    if value == "contradicting" and span and _doubted(span):
        return _complaint(view)  # "are you sure it was our engineer?", at a complaint
    if value == "manner":
        return bool(span) and _manner(span) and _complaint(view)
    if value == "daring":
        return (
            bool(span)
            and _daring([w for w in span if not w.startswith("@")])
            and _unanswered_complaint(view)
        )
    if value == "futility" and span and not _futility(span) and _futile_object(span):
        customer = view.post.customer  # "it will not change anything", said at a complaint
        return customer is not None and care.complains(customer)
    return bool(span) and CHECKS[value](span)


def _told_before(span: list[str]) -> bool:
    words = lexicon()
    for k, word in enumerate(span):
        if word not in words["statement_verbs"]:
            continue
        before, after = span[max(0, k - 4) : k], span[k + 1 : k + 7]
        if not any(w in words["brand"] or w in {"i", "my"} for w in before + span[:2]):
            continue
        repeated = any(w in words["repetition"] for w in before + after)
        if repeated or any(w in MESSAGES for w in after):
            return True  # "in two earlier replies"; "in our last post" informs
    return False


def _obvious(span: list[str]) -> bool:
    words = lexicon()
    if any(w in words["brand"] and w != "our" for w in span):
        return False  # "we clearly stated the wrong time": the brand owning a mistake
    for k, word in enumerate(span):
        if word in words["obviousness"] and word != "already":
            ahead = span[k + 1 : k + 3]
            stated = k > 0 and span[k - 1] in COPULAS  # "the hours are clearly posted"
            if any(w in FINITE or (stated and w in words["displayed"]) for w in ahead):
                return True  # "it clearly says"; not "with the room clearly marked" (a promise)
    return False


def _closed(span: list[str]) -> bool:
    words = lexicon()
    for k, word in enumerate(span):
        if word in words["closure_nouns"] and any(
            w in words["closed"] for w in span[k + 1 : k + 4]
        ):
            return k > 0 and span[k - 1] in {"this", "the", "that", "our"}
        if word in NOTHING and any(w in FURTHER for w in span[k + 1 : k + 2]):
            rest = span[k + 2 : k + 4]
            if rest[:1] == ["to"] and any(w in TALK for w in rest[1:]):
                return True
    return False


def _indifference(span: list[str]) -> bool:
    words = lexicon()
    content = [w for w in span if w not in PUNCTUATION and not w.startswith("@")]
    if content[:2] == ["who", "cares"] and len(content) <= 3:
        return True  # "who cares", said flat: not "who cares about calories on pizza day"
    for k, word in enumerate(span):
        before = span[max(0, k - 3) : k]
        if word in words["burden_nouns"]:
            owner = span[k - 1] if k else ""
            if owner in BRAND_OWN and any(w in NEGATORS for w in before):
                return True  # "not our problem", "none of our concern"
            handed_back = any(w in COPULAS | DEMONSTRATIVES for w in before[:-1])
            negated = any(w in NEGATORS for w in before)
            conditional = any(w in words["conditionals"] for w in span[:k])
            if owner in READER_OWN and handed_back and not negated and not conditional:
                return True  # "that's your problem", not "if it's your problem, DM us"
        if word in CARE and any(w in NEGATORS for w in before) and any(w in WE for w in before):
            return True  # "we don't care", "I couldn't care less" reads the same
        if (
            word in DEFLECTIONS
            and any(w in NEGATORS for w in before)
            and any(w in WE or w in {"'re", "are"} for w in before)
        ):
            return True  # "we can't control what they do", "we're not responsible for that"
    if _disowned(content):
        return True  # "so it's out of our hands", "the error wasn't on our side"
    first = content[0] if content else ""
    if first in words["endure_verbs"] and len(content) >= 2:
        particle = content[1]
        if particle in words["endure_particles"] and len(content) <= 4:
            return "it" in content or particle in {"over", "up"}  # "deal with it", "get over it"
    return False


# the brand's charge of a matter, and what denies it: "out of our hands", "beyond our control",
# "not on our side", "nothing to do with us", "not down to us"
CHARGE = frozenset({"hands", "control", "side", "remit", "doing", "end"})
OUT_OF = frozenset({"out", "beyond", "outside", "not", "n't", "nothing", "none"})


def _disowned(words: list[str]) -> bool:
    """The matter put outside the brand's charge: a word of denial or of being outside ("not",
    "out", "beyond") at most three words before "our" and a word of charge after it ("hands",
    "control", "side"), or before "us" after "do with" or "down to"."""
    for k, word in enumerate(words):
        before = words[max(0, k - 3) : k]
        if not any(w in OUT_OF for w in before):
            continue
        if word == "our" and k + 1 < len(words) and words[k + 1] in CHARGE:
            return True
        if word == "us" and tuple(words[max(0, k - 2) : k]) in {("do", "with"), ("down", "to")}:
            return True
    return False


def _curt(view: Any) -> bool:
    post = view.post.post
    if post.kind != "reply" or not (post.in_reply_to or "").strip():
        return False
    return _curt_text(view.analysis.text)


@lru_cache(maxsize=256)
def _curt_text(text: str) -> bool:
    """Whether a whole reply is a bare refusal or shrug (``_curt``): the same for every sentence of
    the reply, so read once per reply."""
    kept = [
        w.strip(".!,").lower().replace("’", "'")
        for w in text.split()
        if not w.startswith(("@", "^", "<", "-", "*", "/")) and w.strip(".!,")
    ]
    if not kept or len(kept) > 4 or "?" in text:
        return False
    return " ".join(kept) in lexicon()["refusals"] or (
        kept[0] in {"no", "nope", "nah"} and len(kept) <= 3
    )


def _pulling_rank(span: list[str]) -> bool:
    words = lexicon()
    nouns = words["authority_nouns"]
    for k, word in enumerate(span):
        if word in words["authority_verbs"] and k and span[k - 1] in WE | {"we'll", "'ll"}:
            ahead = span[k + 1 : k + 3]
            if any(w in {"rules", "calls", "shots", "decisions", "terms"} for w in ahead):
                return True  # "we set the rules", "we make the calls"
        if word in BRAND_OWN and k + 1 < len(span) and span[k + 1] in nouns:
            before, after = span[max(0, k - 2) : k], span[k + 2 : k + 5]
            if before and before[-1] in COPULAS and any(w in DEMONSTRATIVES for w in before):
                return True  # "it's our page", "this is our house"
            if after[:1] and after[0] in COPULAS and any(w in words["finality"] for w in after):
                return True  # "our decision is final"
    return False


# who speaks for the reader: telling them their lawyer is wrong tells them they are
PROXIES = frozenset(
    {
        "lawyer",
        "attorney",
        "solicitor",
        "accountant",
        "advisor",
        "adviser",
        "doctor",
        "gp",
        "mechanic",
        "friend",
        "partner",
        "husband",
        "wife",
        "agent",
        "broker",
        "rep",
    }
)


def _contradicting(span: list[str]) -> bool:
    words = lexicon()
    if _works_for_us(span) or _account_denied(span):
        return True
    for k, word in enumerate(span):
        if word not in words["error_words"] or word == "off":
            continue
        before = span[max(0, k - 3) : k]
        if any(w in NEGATORS for w in before) or any(w in words["conditionals"] for w in span[:k]):
            continue  # "you're not wrong", "if we're wrong"
        told = before[-2:] if before else []
        if any(w in {"you're", "youre", "you"} for w in told) or (
            len(told) == 2 and told[0] in {"you", "u"} and told[1] in COPULAS | {"'re", "re"}
        ):
            return True  # "you're wrong", "you are mistaken"
        if (
            len(before) == 3
            and before[0] in {"your", "ur"}
            and before[1] in PROXIES
            and before[2] in COPULAS
        ):
            return True  # "your lawyer is mistaken" (not "your source is wrong": a rumour)
    return False


DENIED_ACCOUNT = frozenset({"true", "accurate", "correct", "factual", "what", "how"})
OCCURRED = frozenset({"happen", "happened", "occur", "occurred"})


INTERJECTIONS = frozenset({"whoa", "woah", "oi", "oy", "yikes", "easy", "ooh", "oof"})
DOUBT = frozenset({"sure", "certain", "positive"})
# what follows "are you sure" when it checks a wish, not the customer's account
WISHES = frozenset({"want", "wanna", "'d", "would", "wish", "like", "need"})


def _doubted(span: list[str]) -> bool:
    """The customer's account doubted in a question: "are you sure it was our engineer?", "you
    sure it wasn't a mouse?" ("are you sure you want to cancel?" checks a wish)."""
    if "?" not in span:
        return False
    for k, word in enumerate(span[:-1]):
        if (
            word in {"you", "u"}
            and span[k + 1] in DOUBT
            and (k == 0 or span[k - 1] in {"are", "r"} or span[k - 1] in PUNCTUATION)
        ):
            rest = span[k + 2 : k + 4]
            return not (rest and rest[0] == "you" and any(w in WISHES for w in rest[1:]))
    return False


MANNER_REACH = 4  # words between "no need to" or "please don't" and the manner it polices


def _manner(span: list[str]) -> bool:
    """The customer's manner policed instead of their problem answered: "there's no need to
    shout", "no need for that tone", "please don't use capitals", "stop yelling" (a word of
    needlessness or a prohibition, then a word of how the customer wrote or felt:
    ``lexicons/tone.yaml``, ``manner``; "no need to worry, it's fixed" reassures)."""
    manner = _tone_words("manner")
    for k, word in enumerate(span):
        opens = (
            (word == "need" and k and span[k - 1] in {"no", "n't", "not"})
            or (word in {"stop", "quit"} and (k == 0 or span[k - 1] in {"please", ",", "so"}))
            or (
                word == "n't"
                and k
                and span[k - 1] == "do"
                and (k < 2 or span[k - 2] in {"please", ","})
            )
            or (word == "not" and k and span[k - 1] == "do" and k < 3)
            or (word == "calm" and span[k + 1 : k + 2] == ["down"])
            # "let's keep it civil", "whoa, language 😬"
            or (
                word == "keep"
                and span[k + 1 : k + 2] == ["it"]
                and (k == 0 or span[k - 1] in {"'s", "lets", "please", ","})
            )
            or word in INTERJECTIONS
        )
        if opens and any(w in manner for w in span[k + 1 : k + 1 + MANNER_REACH]):
            return True
    return False


def _account_denied(span: list[str]) -> bool:
    """The customer's account of events denied outright: "that is not what happened", "that's not
    true", "this never happened" ("that's not right" and "that's not ok" sympathise)."""
    for k, word in enumerate(span):
        if word not in DEMONSTRATIVES or "sorry" in span[:k]:
            continue  # "sorry that wasn't what happened" regrets it
        rest = span[k + 1 : k + 5]
        if word in {"that", "this", "it"} and rest[:1] and rest[0] in COPULAS | {"'s"}:
            rest = rest[1:]
        if len(rest) >= 2 and rest[0] in {"not", "n't", "never"}:
            if rest[1] in OCCURRED:
                return True  # "that never happened"
            if rest[1] in DENIED_ACCOUNT and (
                rest[1] not in {"what", "how"} or (len(rest) > 2 and rest[2] in OCCURRED)
            ):
                return True  # "that's not true", "that is not what happened"
        if rest[:2] in (["did", "n't"], ["didn't"]) and len(rest) > 2 and rest[2] in OCCURRED:
            return True  # "that didn't happen"
    return False


@cache
def _tone(key: str) -> tuple[tuple[str, ...], ...]:
    """A class of ``lexicons/tone.yaml`` as word tuples."""
    return tuple(tuple(str(p).split()) for p in lexicon_file.load("tone")[key])


@cache
def _tone_words(key: str) -> frozenset[str]:
    """A class of ``lexicons/tone.yaml`` whose entries are single words, as a set (read once)."""
    return frozenset(w for (w,) in _tone(key))


def _starts(words: list[str], key: str, at: int = 0) -> bool:
    """Whether a phrase of the class starts at word ``at``."""
    if at < 0:  # counted from the end, as a slice reads it
        return any(tuple(words[at : at + len(p)]) == p for p in _tone(key))
    first = words[at] if at < len(words) else None
    by_first = _tone_by_first(key)
    return any(tuple(words[at : at + len(p)]) == p for p in by_first.get(first, ())) or any(
        tuple(words[at : at + len(p)]) == p for p in by_first.get(None, ())
    )


def _starts_anywhere(words: list[str], key: str) -> bool:
    """Whether a phrase of the class starts at any word (``_starts`` at each)."""
    by_first = _tone_by_first(key)
    if words and None in by_first:
        return True  # an empty phrase starts at every word
    return any(
        tuple(words[at : at + len(p)]) == p
        for at, word in enumerate(words)
        for p in by_first.get(word, ())
    )


@cache
def _tone_by_first(key: str) -> dict[str | None, tuple[tuple[str, ...], ...]]:
    """``_tone(key)`` by each phrase's first word (None: an empty phrase, which starts anywhere):
    a sentence is tried at each word against the phrases that begin with it only."""
    index: dict[str | None, list[tuple[str, ...]]] = {}
    for phrase in _tone(key):
        index.setdefault(phrase[0] if phrase else None, []).append(phrase)
    return {first: tuple(phrases) for first, phrases in index.items()}


def _apologises_anywhere(view: Any) -> bool:
    from voicelint.conditions.apology import apologises_anywhere

    return apologises_anywhere(view)


def _puts_up(content: list[str]) -> bool:
    """The reader told to wait or retry, as the order of the sentence or of its last clause
    ("just be patient", "it'll connect eventually, just be patient")."""
    starts = [0] + [k + 1 for k, w in enumerate(content) if w in {",", ";", "—", "-", ":"}]
    for k in starts:
        while k < len(content) and content[k] in {"just", "please", "so", "simply", "then"}:
            k += 1
        if _starts(content, "put_up_with", k):
            return True
    return False


def _works_for_us(span: list[str]) -> bool:
    """ "Works fine for us": the reader's problem denied by the brand's own experience."""
    for k, word in enumerate(span):
        if word not in {"works", "work", "working", "worked", "loads", "loading", "fine"}:
            continue
        if any(w in NEGATORS for w in span[max(0, k - 3) : k]):
            continue  # "it isn't working for us either": commiseration
        if any(_starts(span, "our_side", j) for j in range(k + 1, min(len(span), k + 4))):
            return True
    return False


def _futility(span: list[str]) -> bool:
    words = lexicon()
    success = _tone_words("success_verbs")
    recourse = _tone_words("recourse")
    span = [w.replace("’", "'") for w in span]
    for k, word in enumerate(span):
        if word not in success or k < 2:
            continue
        before = span[max(0, k - 4) : k]
        future_no = ("n't" in before and any(w in {"wo", "will", "won't"} for w in before)) or (
            "not" in before and any(w in {"will", "going"} for w in before)
        )
        if not future_no:
            continue
        # the verb's own clause: "if your laptop has a hard drive, but it won't change..." is
        # about the drive, not the reader
        start = max((j + 1 for j in range(k) if span[j] in CLAUSE_OPENERS), default=0)
        subject = span[start:k]
        if any(w in words["reader"] for w in subject) or any(w in recourse for w in subject):
            return True  # "you won't win", "reporting us won't change anything"
    return False


# where a clause begins, for the subject of a verb after it
CLAUSE_OPENERS = frozenset(
    {",", ";", ":", "but", "and", "so", "because", "although", "though", "while", "if"}
)


def _complaint(view: Any) -> bool:
    """The reply answers a customer who complains."""
    customer = view.post.customer
    return customer is not None and care.complains(customer)


def _unanswered_complaint(view: Any) -> bool:
    """The reply answers a complaint and apologises nowhere."""
    return _complaint(view) and not _apologises_anywhere(view)


def _daring(span: list[str]) -> bool:
    """A dare: "be my guest", "do whatever you want", "go ahead" before a recourse or a clause's
    end, or "good luck" as the whole sentence (an emoji after it aside: "good luck with that ✌️")."""
    words = [w for w in span if w not in PUNCTUATION and any(c.isalnum() for c in w)]
    if (
        words[:2] == ["good", "luck"]
        and (
            len(words) == 2
            or words[2:] in (["then"], ["with", "that"])
            # wished on the customer's recourse: "good luck in court", "good luck with that letter"
            or (words[2] in {"with", "in"} and any(w in _recourse_words() for w in words[3:6]))
        )
    ):
        return True  # "Good luck.", "good luck with that"
    if _starts_anywhere(span, "dares"):
        return True
    choice = lexicon()["choice_verbs"]
    for k, word in enumerate(words[:-2]):
        chosen = word in {"whatever", "what"} and words[k + 1] in {"you", "u"}
        if (
            chosen
            and words[k + 2] in choice
            and (word == "whatever" or (k and words[k - 1] == "do"))
        ):
            return True  # "do whatever you want", "do what you like"
    recourse = _tone_words("dare_recourse")
    for opener in _tone("dare_openers"):
        n = len(opener)
        for k in range(len(span) - n + 1):
            if tuple(span[k : k + n]) != opener:
                continue
            rest = span[k + n : k + n + 3]
            if not rest or rest[0] in PUNCTUATION:
                return True  # "Go ahead, our terms are clear."
            if rest[0] == "and":
                rest = rest[1:]
            if rest and rest[0] in recourse:
                return True  # "go ahead and report us", "feel free to leave"
    return False


@cache
def _recourse_words() -> frozenset[str]:
    return frozenset(w for (w,) in _tone("recourse"))


def _futile_object(span: list[str]) -> bool:
    """A recourse said to move nothing, whoever its subject: "it will not change anything",
    "won't get your dog seen any faster" (``futile_objects``, after a negated verb of success)."""
    success = _tone_words("success_verbs")
    futile = _tone_words("futile_objects")
    for k, word in enumerate(span):
        if word not in success or k < 2:
            continue
        before = span[max(0, k - 4) : k]
        negated = "n't" in before or "not" in before
        if negated and any(w in futile for w in span[k + 1 : k + 6]):
            return True
    return False


STATED = frozenset(
    {"stated", "mentioned", "explained", "shown", "noted", "outlined", "detailed", "listed"}
    | {"printed", "displayed", "written", "specified", "highlighted", "flagged", "set"}
)
SAYS = frozenset({"explains", "states", "says", "shows", "explained", "stated", "said", "showed"})


def _as_stated(span: list[str]) -> bool:
    """ "as stated in our bio", "as mentioned in your booking email", "as explained at the
    counter", "as your booking confirmation explains": the answer said to have been given
    already, somewhere the customer should have read it."""
    content = [w for w in span if w not in PUNCTUATION]
    documents = _tone_words("documents")
    for k, word in enumerate(content[:-1]):
        if word != "as":
            continue
        nxt = content[k + 1]
        if nxt in STATED and k + 2 < len(content) and content[k + 2] in {"in", "on", "at", "out"}:
            return True
        ahead = content[k + 1 : k + 5]
        if (
            nxt in {"the", "your", "our", "ur"}
            and any(w in documents for w in ahead[1:3])
            and any(w in SAYS for w in ahead[2:])
        ):
            return True
    return False


def _posted_at(span: list[str]) -> bool:
    """ "It's on the website", "it's all in your contract": the answer said to be posted."""
    content = [w for w in span if w not in PUNCTUATION]
    for k, word in enumerate(content):
        if word not in {"on", "in"} or k < 2:
            continue
        before = content[max(0, k - 3) : k]
        if not (any(w in COPULAS for w in before) and any(w in DEMONSTRATIVES for w in before)):
            continue
        rest = content[k + 1 : k + 4]
        documents = _tone_words("documents")
        if (
            len(rest) > 1
            and rest[0] in {"the", "our", "your", "ur"}
            and rest[1] in documents
            and k + 3 >= len(content)
        ):
            return True
    return False


@cache
def _providers() -> frozenset[str]:
    return frozenset(lexicon_file.load("tone")["providers"])


ELSEWHERE = frozenset({"elsewhere"})
OTHER = frozenset({"other", "another"})
MANY = frozenset({"plenty", "lots", "many", "loads", "free", "welcome", "always", "try", "find"})
MAYBE = frozenset({"maybe", "perhaps", "probably", "clearly", "obviously", "just", "simply"})


def _elsewhere(span: list[str]) -> bool:
    words = lexicon()
    if any(w in words["conditionals"] for w in span):
        return False  # "if you'd rather shop elsewhere, DM us for a refund": an option offered
    content = [w for w in span if w not in PUNCTUATION]
    for k, word in enumerate(content):
        before = content[max(0, k - 4) : k]
        if word in ELSEWHERE or (word == "else" and before[-1:] in (["somewhere"], ["someone"])):
            return any(w in MANY or w in words["reader"] for w in before) or (
                k and content[k - 1] in {"go", "shop", "look", "bank", "eat", "fly"}
            )
        if word in OTHER and k + 1 < len(content) and content[k + 1] in _providers():
            if any(w in words["brand"] for w in content[:k]):
                return False  # "our team found another option": the brand at work
            return any(w in MANY for w in before)
        if word == "for" and k + 1 < len(content) and content[k + 1] in {"you", "u"}:
            rest = content[k + 2 :]
            if rest and rest[0] not in {"then", ".", "!"}:
                continue  # "not for you if you're vegan": advice on a product
            said = content[max(0, k - 4) : k]
            if "n't" not in said and "not" not in said:
                continue
            return rest[:1] == ["then"] or any(w in MAYBE for w in content[:k])
    return False


HAPPEN = frozenset({"happen", "happens"})
HAPPEN_BEFORE = frozenset({"just", "sometimes", "do", "does", "will", "can", "always"})
# what stops "X happens" from being resignation: a question word, a condition or time after it
NOT_RESIGNED = frozenset({"what", "how", "why", "where", "when", "if", "whatever", "to", "again"})
COULD = frozenset({"could", "can", "can't", "couldn't", "could've", "would", "would've"})
PREVENTED = frozenset({"done", "do", "prevented", "prevent", "avoided", "avoid", "foreseen"})
NOBODY = frozenset({"nothing", "nobody", "no"})
THAT_IS = frozenset({"that's", "thats", "it's", "its"})
SOFTENERS = frozenset({"kind", "sort", "of", "just", "literally", "basically", "kinda", "sorta"})
THEIR = frozenset({"their", "its", "the", "his", "her"})


def _fatalism(span: list[str]) -> bool:
    """Harm declared normal or inevitable: see the module's docstring."""
    words = [w for w in span if not w.startswith("@")]
    content = _joined_copulas([w for w in words if w not in PUNCTUATION])
    if _starts_anywhere(content, "fatalism"):
        return True
    for clause in _clauses(words):
        if _happens(_joined_copulas([w for w in clause if w not in PUNCTUATION]), 0):
            return True
    for k, word in enumerate(content):
        if word in NOBODY and k + 1 < len(content):
            # "nothing anyone could have done", "no one could have prevented it"
            ahead = content[k + 1 : k + 6]
            modal = next((j for j, w in enumerate(ahead) if w in COULD), None)
            if modal is not None and any(w in PREVENTED for w in ahead[modal + 1 : modal + 3]):
                return True
        if word in THAT_IS:
            # "that's kind of their job", "that's what they do"
            rest = [w for w in content[k + 1 : k + 6] if w not in SOFTENERS]
            if len(rest) >= 2 and rest[0] in THEIR and _starts(rest, "purpose_nouns", 1):
                return True
            if (
                rest[:1] == ["what"]
                and rest[1:2] in (["they"], ["it"])
                and (rest[2:3] in (["do"], ["does"]))
            ):
                return True
    return False


CLAUSE_BREAKS = frozenset({",", ";", ":", "—", "-", "but", "though", "although", "however"})
CONTRASTS = frozenset({"but", "though", "although", "however", "yet"})


def _clauses(words: list[str]) -> list[list[str]]:
    """The sentence's clauses: split at a comma, a colon or a dash and at a contrast ("..., but
    accidents happen"), the contrast word left out."""
    clauses: list[list[str]] = [[]]
    for word in words:
        if word in CLAUSE_BREAKS:
            clauses.append([])
        else:
            clauses[-1].append(word)
    return [c for c in clauses if c]


def _happens(content: list[str], start: int) -> bool:
    """ "Accidents happen", "these things just happen" at the head of the clause that starts at
    ``start`` (after its openers); not "what happens next", not "updates happen on Tuesdays"."""
    while opener := next(
        (p for p in _tone("fatalism_openers") if tuple(content[start : start + len(p)]) == p), None
    ):
        start += len(opener)
    for k in range(start + 1, min(len(content), start + 4)):
        if content[k] not in HAPPEN:
            continue
        subject = [w for w in content[start:k] if w not in HAPPEN_BEFORE]
        after = content[k + 1 : k + 2]
        return (
            bool(subject)
            and _starts(subject, "mishaps", len(subject) - 1)  # "accidents", not "updates"
            and not any(w in NOT_RESIGNED or w in NEGATORS for w in content[start:k])
            and not any(w in NOT_RESIGNED for w in after)
            and not any(w in WE or w in {"you", "us", "me"} for w in subject)
        )
    return False


def _taken_back(span: list[str]) -> bool:
    """Fatalism in a clause after a contrast ("so sorry! the stairs have signs, but accidents
    happen"): the apology before it is taken back, so it does not excuse the shrug."""
    cut = max((k for k, w in enumerate(span) if w in CONTRASTS), default=None)
    return cut is not None and _fatalism(span[cut:])


BE_PASSIVE = frozenset(
    {"is", "are", "was", "were", "been", "be", "'s", "'re", "it's", "that's", "get", "gets"}
)
DEFENCE_ADVERBS = frozenset({"clearly", "already", "fully", "always", "also", "plainly", "all"})
PROMISES = frozenset({"will", "'ll", "wo", "going", "gonna", "shall", "should", "can", "could"})
DEFENCE_REACH = 4  # words between a warning noun and "out" or "up"


def _defending(content: list[str]) -> bool:
    """The brand's defence put to a complaint: see the module's docstring."""
    if _cited_back(content):
        return True
    if any(w in NEGATORS or w in PROMISES or w in {"if", "unless"} for w in content):
        return False  # "the sign wasn't out" admits; "it will be posted" promises
    for k, word in enumerate(content):
        if word == "as" and _starts(content, "defence_notice", k + 1):
            return True  # "check-in is at 3pm, as stated in your confirmation"
        if (
            word in {"which", "that"}
            and k + 2 < len(content)
            and content[k + 1] in {"we", "you"}
            and (
                _starts(content, "defence_notice", k + 2)
                or _starts(content, "defence_consent", k + 2)
            )
        ):
            return True  # "which we explained in September", "which you accepted when you..."
        if word in BE_PASSIVE:
            j = k + 1
            while j < len(content) and content[j] in DEFENCE_ADVERBS:
                j += 1
            if _starts(content, "defence_notice", j) and not any(
                _pointer(w) for w in content[j + 1 : j + 4]
            ):
                return True  # "the fee is listed in our schedule"; not "listed at x.example/fees"
            if _starts(content, "defence_care", j) and any(
                _starts(content, "defence_routine", i) for i in range(j + 1, j + 4)
            ):
                return True  # "restraints are checked every morning"
            if _starts(content, "defence_told", j) and "to" in content[j + 1 : j + 2]:
                people = content[max(0, k - 2) : k]
                if any(
                    _starts(people, "defence_people", i) or _agent_plural(w)
                    for i, w in enumerate(people)
                ):
                    return True  # "riders are asked to keep their head back"
            if _starts(content, "defence_standard", j) and (
                k > 0 and content[k - 1] in {"which", "that", "this", "it"}
            ):
                return True  # "..., which is standard"
            if _starts(content, "defence_warnings_up", j) and any(
                _starts(content, "defence_warnings", i) for i in range(max(0, k - DEFENCE_REACH), k)
            ):
                return True  # "the wet floor sign was out"
        if _brand_before(content, k) and (
            # "our team inspects monthly": the care it takes, in the present
            (
                _starts(content, "defence_care_done", k)
                and any(_starts(content, "defence_routine", i) for i in range(k + 1, k + 4))
            )
            # "our exits meet every code": compliance put in place of an answer
            or (
                _starts(content, "defence_compliance", k)
                and any(_starts(content, "defence_rules", i) for i in range(k + 1, k + 5))
            )
        ):
            return True
        if (
            _starts(content, "defence_conduct", k)
            and any(_starts(content, "defence_conduct_manner", i) for i in range(k + 1, k + 3))
            and not any(w in {"you", "u", "please"} for w in content[max(0, k - 3) : k])
        ):
            return True  # "our staff acted appropriately", "the driver behaved professionally"
        if (
            word == "nothing"
            and content[k + 1 : k + 2] == ["wrong"]
            and k
            and content[k - 1] in {"did", "done"}
            and not any(w in {"you", "u"} for w in content[max(0, k - 3) : k])
        ):
            return True  # "our team did nothing wrong"
        if word in {"followed", "follows", "follow"} and any(
            _starts(content, "defence_protocol", i) for i in range(k + 1, k + 5)
        ):
            subject = content[max(0, k - 4) : k]
            if not any(w in {"you", "please", "to"} for w in subject):
                return True  # "our hygienist followed protocol"; not "please follow the guide"
    return False


def _cited_back(content: list[str]) -> bool:
    """The notice the brand gave, the customer's consent or the brand's standing advice cited at
    them, whatever else the sentence says ("you agreed to it when you accepted our terms, so there's no case", "we
    always advise members never to send money to strangers")."""
    for k, word in enumerate(content):
        if word == "as" and _starts(content, "defence_notice", k + 1):
            return True  # "..., as stated in your confirmation", "as noted on the menu"
        if (
            word in {"you", "u"}
            and _starts(content, "defence_consent", k + 1)
            and not any(w in {"if", "when", "once", "before", "unless"} for w in content[:k])
        ):
            return True  # "you agreed to the change when...", "the agreement you signed"
        if (
            word in {"we", "our"}
            and any(_starts(content, "defence_advice", i) for i in range(k + 1, k + 4))
            and any(
                _starts(content, "defence_people", i) or _agent_plural(w)
                for i, w in enumerate(content[k + 2 : k + 7], start=k + 2)
            )
        ):
            return True  # "we always advise members never to send money to strangers"
    return False


def _brand_before(content: list[str], k: int) -> bool:
    """The brand ("we", "our ...") among the four words before ``k``: who takes the care."""
    return any(w in {"we", "our", "we've", "we're"} for w in content[max(0, k - 4) : k])


def _asked(customer: Any) -> bool:
    """Whether the customer's message only asks how something works (``care.inquiry``)."""
    doc = customer.analysis.doc
    return care.inquiry(doc, 0, len(doc), feelings=False)


def _pointer(word: str) -> bool:
    """A pointer to where something can be read ("x.example/fees", "here", "below"): the reply
    informs, it does not say the customer was told."""
    return word in {"here", "below", "above"} or ("." in word.strip(".") and word[0].isalnum())


def _agent_plural(word: str) -> bool:
    """A plural agent noun: who does something ("paddlers", "climbers", "swimmers")."""
    return len(word) > 5 and word.endswith("ers") and word.isalpha()


def _joined_copulas(words: list[str]) -> list[str]:
    """ "that", "'s" as the one word "that's" (the tokenizer splits the contraction)."""
    joined: list[str] = []
    for word in words:
        if word in {"'s", "is"} and joined and joined[-1] in {"that", "it"}:
            joined[-1] += "'s"
        else:
            joined.append(word)
    return joined


CHECKS = {
    "told_before": _told_before,
    "obvious": _obvious,
    "closed": _closed,
    "indifference": _indifference,
    "pulling_rank": _pulling_rank,
    "contradicting": _contradicting,
    "elsewhere": _elsewhere,
    "futility": _futility,
}
