"""``blame: failing | hindsight | others_cope``: the hit's sentence puts the problem on the reader.

Read from who does what, not from listed sentences (word classes in ``lexicons/analysis.yaml``):

- ``failing``: the reader as the subject of a failing: a negated or counterfactual verb of
  attending, informing or choosing ("you didn't read the email", "you never told us", "you should
  have checked", "you were the one who ordered it"), or a past condition on the reader with a
  modal perfect after it ("if you'd kept the receipt, we could have waived it"; "if you'd like,
  we could..." offers); a question ("did you get our email?") and "you should have received it"
  (the brand's expectation) are not failings.
  The reader's error presumed counts too: "you must have misunderstood the salesperson", "you
  probably switched on the wrong setting" (``presuming``, ``error_verbs``, ``choice_made``), and
  so does the reader's error given as the cause: "it was rescheduled because you missed the call".
- ``hindsight``: advice to pay attention, about what the reader should have done: "next time,
  read the sign", "check the app before ordering" ("next time, order ahead" is a tip); at a
  complaint, also "it's important to read the terms before you buy", and advice to pay attention
  put as a hedge or a recommendation ("perhaps check whether yours was complete", "might be worth
  checking the meter", "we'd gently suggest reading documents before signing them", "we recommend
  being more careful", "so always watch your step"): a verb of attention right after the hedge,
  "always", "worth" or the recommending verb; or a reminder ("please remember that the sign is
  there for your safety").
  What the reader should do "next time" or "in future", said at a complaint, counts whatever the
  verb ("maybe order a bit earlier next time?", "next time, please book a longer layover"), but
  not a wish about something else ("hopefully the queue is shorter next time") or a goodbye.
- ``guessed``: the cause guessed onto the customer's side, said at a complaint: a guessing word
  ("maybe", "perhaps", "probably") right before someone of the reader's (the reader, "she",
  "someone else", "your son", "someone in the house") and a verb in the past ("Maybe she touched
  something at school?", "perhaps someone else in the house opened it?"), or the problem put
  "on your end".
- ``others_cope``: everyone else copes, so the reader is the problem: "most people figure it out",
  "nobody else had a problem with it", "other customers seem to love it".
- ``this_is_why``: something the brand withholds put down to what customers did: "this is why we
  don't have plugs", "that's why we can't have nice things" (a demonstrative, "why", the brand and
  a negated verb of having or allowing, ending the sentence: "this is why we don't use palm oil,
  it drives deforestation" gives a reason of its own and is left alone).
- ``callout``: a post that calls customers out by what they did and scolds them ("To everyone
  who's been yelling at our staff: do better", "To whoever left a 1-star review: we see you 👀",
  "A gentle reminder to our guests: the towels are not souvenirs 😉"); a post that thanks them is
  no callout.
- ``class``: customers blamed as a class: "people like you", "customers like you" as who causes a
  problem ("people like you are why prices go up"), or customers failing named as the cause
  ("delays are down to customers not sending their documents", "this happens when patients don't
  follow the programme").
"""

from __future__ import annotations

from typing import Any

from voicelint import care
from voicelint.analysis import NEGATIVE_WORD, lexicon, valence_of_word
from voicelint.conditions.apology import apologises_anywhere
from voicelint.nlp import lemma_of

NAME = "blame"
VALUES = ("failing", "hindsight", "others_cope", "this_is_why", "class", "callout", "guessed")
GUESSES = frozenset({"maybe", "perhaps", "probably", "possibly", "prolly", "likely"})
READERS_SIDE = frozenset({"she", "he", "they", "someone", "somebody", "something", "your", "you"})
GUESS_REACH = 4  # words from the person guessed at to the verb: "someone else in the house opened"
YOUR_END = (("on", "your", "end"), ("on", "your", "side"), ("at", "your", "end"))
DEMONSTRATIVE = frozenset({"this", "that", "that's", "this's", "thats"})
BE = frozenset({"is", "'s", "was", "are"})
NEGATION = frozenset({"n't", "not", "never", "no"})
PEOPLE = frozenset(
    {
        "people",
        "customers",
        "folks",
        "guests",
        "passengers",
        "users",
        "ones",
        "members",
        "policyholders",
        "renters",
        "drivers",
        "clients",
        "tenants",
        "patients",
        "riders",
        "players",
        "owners",
        "parents",
        "buyers",
        "shoppers",
    }
)
NEGATED = frozenset({"n't", "not", "never"})
FAILED = frozenset({"failed", "forgot", "neglected", "refused", "chose", "decided"})
COUNTERFACTUAL = frozenset({"should", "could", "shoulda", "coulda", "should've", "could've"})
PERFECT = frozenset({"have", "'ve", "of"})
ONE_WHO = ("the", "one", "who")
# what the reader "should have" had from the brand: the brand's failing, not theirs
EXPECTED = frozenset(
    {"received", "got", "gotten", "been", "heard", "had", "seen", "gone", "arrived", "come"}
    | {"found", "known", "felt"}
)


def holds(view: Any, value: str) -> bool:
    span = view.words
    if value == "failing":
        if not any(w in lexicon()["reader"] for w in span):
            return False  # nobody to blame: leave the sentence unanalysed
        if "?" in span[-1]:
            return False  # a question asks, it does not blame
        return _failing(span) or _counterfactual(span)
    if value == "hindsight" and span and not _hindsight(span):
        if (
            _before_you(span)
            or _advised(span)
            or _told_for_next_time(span)
            or _would_have_spared(span)
            or (_hedged_order(span) and _pointed(view, span) and not apologises_anywhere(view))
        ):
            customer = view.post.customer  # "read the terms before you buy", said at a complaint
            if customer is None or care.asks_leave(customer.analysis.doc):
                return False  # "can I take it with...?": advice to check first is foresight
            return care.complains(customer)
        return False
    if value == "callout":
        return view.post.post.kind != "reply" and _callout(view, span)
    if value == "guessed":
        customer = view.post.customer
        return customer is not None and _guessed(span) and care.complains(customer)
    if value == "others_cope" and view.sentence is not None and view.sentence.act == "request":
        return False  # "please make sure everyone is safe and follow the crew": an instruction
    return bool(span) and CHECKS[value](span)


# wishes after "if you'd": an offer, not a past the reader failed ("if you'd like, we could...")
WISHES = frozenset({"like", "prefer", "rather", "want", "love", "care", "wish", "be"})
MODAL_PERFECT = frozenset({"could", "would", "'d", "might", "wouldn't", "couldn't"})
NOT_PARTICIPLES = frozenset({"it", "them", "one", "a", "an", "the", "you", "to", "that", "this"})


def _counterfactual(span: list[str]) -> bool:
    """ "If you'd kept the receipt, we could have waived it" (or "had you kept the receipt..."):
    the outcome put down to what the reader did not do, in a past condition with a modal perfect
    after it."""
    words = lexicon()
    span = [w.replace("’", "'") for w in span]
    for k, word in enumerate(span[:-3]):
        inverted = (
            word == "had"
            and span[k + 1] in words["reader"]
            and (k == 0 or span[k - 1] in {",", "but", "and"})
        )
        if inverted:
            rest = span[k + 2 :]  # "had you booked earlier, there would have been no fee"
        elif (
            word != "if"
            or span[k + 1] not in words["reader"]
            or span[k + 2] not in {"had", "'d"}
            or span[k + 3] in WISHES
        ):
            continue
        else:
            rest = span[k + 4 :]
        for j, w in enumerate(rest[:-2]):
            if w in MODAL_PERFECT or (w == "n't" and j and rest[j - 1] in {"would", "could", "wo"}):
                after = [x for x in rest[j + 1 : j + 4] if x != "n't"]
                if (
                    after[:1] == ["have"]
                    and len(after) > 1
                    and after[1].isalpha()
                    and after[1] not in NOT_PARTICIPLES
                ):
                    return True
    return False


def _before_you(span: list[str]) -> bool:
    """Advice to pay attention "before you" act, with nobody but the reader in it: "it's
    important to read your policy documents before you buy", or any advice put as a rule of
    prudence ("it's always a good idea to inspect the car before you drive off":
    ``advice_frames``)."""
    words = lexicon()
    if any(w in words["brand"] for w in span):
        return False
    text = f" {' '.join(span)} "
    if not any(w in words["attention_verbs"] for w in span) and not any(
        f" {frame} " in text for frame in words["advice_frames"]
    ):
        return False
    return any(
        w == "before" and k + 1 < len(span) and span[k + 1] in words["reader"]
        for k, w in enumerate(span)
    )


CLAUSE_BREAKS = frozenset({",", ";", ":", "—", "–", "-", ".", "!", "?", "…"})


def _told_for_next_time(span: list[str]) -> bool:
    """What the reader should do "next time" or "in future", said at a complaint: "maybe order
    a bit earlier next time?", "next time, please book a longer layover", "please be more careful
    in future". The clause around "next time" starts with the reader or with a verb said to them,
    after any softener ("maybe", "please", "try": ``advice_softeners``), and is put as advice: a
    softener, or a correction ("earlier", "longer", "more careful", "instead": ``advice_marks``;
    "next time, order ahead and skip the queue!" is a tip); a clause about someone
    or something else ("hopefully the queue is shorter next time", "the wait will be shorter
    next time") or a goodbye ("see you next time": ``farewells``) tells the reader nothing, and
    the brand in the sentence makes it the brand's promise ("next time we'll save you a seat")."""
    words = lexicon()
    if any(w in words["brand"] or w == "i" for w in span):
        return False
    spots = [
        (k, len(phrase.split()))
        for phrase in words["hindsight_future"]
        for k in range(len(span))
        if span[k : k + len(phrase.split())] == phrase.split()
    ]
    for k, size in spots:
        start = k
        while start > 0 and span[start - 1] not in CLAUSE_BREAKS:
            start -= 1
        clause = span[start:k]
        if not clause:  # "Next time, please book...": the advice follows
            stop = k + size
            while stop < len(span) and span[stop] in CLAUSE_BREAKS:
                stop += 1
            clause = span[stop:]
        if "worth" in clause[:4] and clause[:1] == ["it"]:
            clause = clause[clause.index("worth") + 1 :]  # "it might be worth choosing lockers"
            if not clause:
                continue
            clause = ["maybe", *clause]
        if not any(w in words["advice_marks"] for w in clause):
            continue  # "next time, order ahead and skip the queue!": a tip, said plainly
        clause = [w for w in clause if w not in words["advice_softeners"]]
        if not clause:
            continue
        first = clause[0]
        if first in words["reader"]:
            return True
        if (
            first.isalpha()
            and first not in words["not_advice_starts"]
            and first not in (words["farewells"])
        ):
            return True
    return False


# a reminder put to the customer at a complaint: "please remember that...", "please be aware"
REMINDERS = frozenset(
    {("remember", "that"), ("remember", "to"), ("be", "aware"), ("bear", "in"), ("keep", "in")}
)


SPARED = frozenset({"saved", "spared", "avoided", "prevented", "stopped"})


def _would_have_spared(span: list[str]) -> bool:
    """What the reader's own attention would have spared them, said at a complaint: "a quick
    check before leaving home would have saved you the trip" (a verb of attention or its noun,
    then a modal perfect of sparing with the reader as its object)."""
    words = lexicon()
    attention = words["attention_verbs"] | {"glance", "check", "look", "read"}
    for k, word in enumerate(span):
        if word in SPARED and span[k + 1 : k + 2] and span[k + 1] in {"you", "u", "yourself"}:
            before = span[max(0, k - 3) : k]
            if "have" in before and any(w in {"would", "could", "'d"} for w in before):
                return any(w in attention for w in span[:k])
    return False


def _pointed(view: Any, span: list[str]) -> bool:
    """A hedged order aimed at the customer's own doing: it names their things ("maybe upgrade
    your plan") or the reply smirks (an ironic or laughing emoji: ``laughter``, ``smirks``);
    "perhaps try restarting the app this time?" is a tip."""
    words = lexicon()
    if any(w in {"your", "ur", "yours", "yourself"} for w in span):
        return True
    marks = words["laughter"] | words["nervous_laughter"] | words["smirks"]
    return any(t.text in marks for t in view.analysis.doc)


def _hedged_order(span: list[str]) -> bool:
    """The fix put on the customer as a hedged order, said at a complaint: "maybe upgrade your
    internet plan?", "maybe try standing near a window? 🙃", "perhaps consider a later slot": a
    hedge opening a clause (``advice_openers``, not "always") and, after "try" or "consider", a
    clause that starts with a verb said to the reader, as for "next time" advice, in a reply that
    apologises nowhere ("sorry! maybe restart the app" helps). "Maybe it's the router" and
    "perhaps we can check" are not orders to the reader."""
    words = lexicon()
    starts = [0] + [k + 1 for k, w in enumerate(span) if w in CLAUSE_BREAKS]
    for k in starts:
        if k >= len(span) or span[k] not in {"maybe", "perhaps", "possibly"}:
            continue
        rest = [w for w in span[k + 1 : k + 4] if w not in {"just", "try", "trying", "consider"}]
        if not rest:
            continue
        first = rest[0]
        if (
            first.isalpha()
            and first not in words["not_advice_starts"]
            and first not in words["brand"]
            and first not in words["reader"]
            and first not in HEDGE_AUXILIARIES
            and first not in words["farewells"]
        ):
            return True
    return False


# what follows "maybe" when it guesses rather than orders: "maybe it was", "maybe you'd like"
HEDGE_AUXILIARIES = frozenset(
    {
        "is",
        "was",
        "are",
        "were",
        "be",
        "been",
        "will",
        "would",
        "could",
        "can",
        "should",
        "might",
        "may",
        "must",
        "has",
        "had",
        "have",
        "did",
        "do",
        "does",
        "i",
        "i'm",
        "i'll",
        "not",
        "so",
        "because",
        "due",
        "just",
        "later",
        "tomorrow",
        "today",
        "next",
        "soon",
        "once",
        "yes",
    }
)
ADVICE_FILLERS = frozenset(
    {"gently", "strongly", "just", "kindly", "would", "'d", "to", "that", "you"}
)
ADVICE_REACH = 4  # words between the hedge or recommending verb and the verb of attention


def _advised(span: list[str]) -> bool:
    """Advice to pay attention, put as a hedge or a recommendation: "perhaps check whether yours
    was complete", "might be worth checking", "we'd suggest reading the letter", "we recommend
    being more careful". A verb of attention follows within a few words; "perhaps we can check"
    (the brand acting) is an offer."""
    words = lexicon()
    attention = words["attention_verbs"]
    openers = set(words["advice_openers"])
    recommending = set(words["advice_verbs"]) | set(words["advice_worth"])
    for k, word in enumerate(span):
        if word == "please" and tuple(span[k + 1 : k + 3]) in REMINDERS:
            return True  # "please remember that the sign is there for your safety"
        if (
            not (word in openers and (k == 0 or span[k - 1] in {",", "well", "so", "and"}))
            and word not in recommending
        ):
            continue
        after = [w for w in span[k + 1 : k + 1 + ADVICE_REACH] if w not in ADVICE_FILLERS]
        if any(w in words["brand"] or w == "i" for w in after[:1]):
            return False  # "perhaps we could check": the brand offers to act
        if any(w in attention for w in after[:3]):
            return True
    return False


def _failing(span: list[str]) -> bool:
    words = lexicon()
    duties = words["reader_duties"]
    for k, word in enumerate(span):
        if word not in words["reader"] or (k and span[k - 1] in words["conditionals"]):
            continue
        rest = span[k + 1 : k + 7]
        if tuple(rest[1:4]) == ONE_WHO and rest[0] in {"'re", "were", "are", "was"}:
            return any(w in duties for w in rest[4:6])  # "you were the one who ordered it"
        rest = [w for w in rest if w not in {"clearly", "obviously", "just", "simply", "really"}]
        if len(rest) >= 3 and rest[0] in {"did", "do", "have", "had"} and rest[1] in NEGATED:
            return rest[2] in duties or rest[2] == "bother"  # "you didn't read the email"
        if len(rest) >= 2 and rest[0] == "never" and rest[1] in duties:
            return True  # "you never told us"
        if len(rest) >= 3 and rest[0] in FAILED and rest[1] == "to" and rest[2] in duties:
            return True  # "you forgot to check"
        if len(rest) >= 2 and rest[0] in COUNTERFACTUAL:
            perfect = rest[1] in PERFECT and len(rest) > 2
            verb = rest[2] if perfect else rest[1]
            if verb in duties:
                return True  # "you should have read"
            # any act the reader should have done ("you should have turned on backups"), not
            # what they should have had from the brand ("should have received", "been told")
            return perfect and verb not in EXPECTED and lemma_of(verb) != verb
        if _presumed_error(span[k + 1 : k + 9]):
            return True  # "you must have misunderstood", "you probably picked the wrong size"
        if k and span[k - 1] in CAUSAL and rest[:1] and rest[0] in words["error_verbs"]:
            return True  # "it was rescheduled because you missed the call": the reader the cause
    return False


# a connective that makes what follows the cause: "because you missed the call"
CAUSAL = frozenset({"because", "cos", "cause", "'cause", "since"})


def _guessed(span: list[str]) -> bool:
    """A guess that someone of the reader's did it ("maybe she touched something", "perhaps
    someone else opened it"), or a problem put "on your end" beside a guess."""
    guessing = [k for k, w in enumerate(span) if w in GUESSES]
    if not guessing:
        return False
    if any(tuple(span[k : k + 3]) in YOUR_END for k in range(len(span))):
        return True  # "probably an alignment issue on your end"
    close = set(lexicon()["close_people"])
    for k in guessing:
        rest = span[k + 1 : k + 3]
        if not rest or not (rest[0] in READERS_SIDE or rest[0] in close):
            continue
        for verb in span[k + 2 : k + 2 + GUESS_REACH]:
            if verb in lexicon()["brand"]:
                break  # "maybe someone on our team missed it": the brand's own side
            if verb.isalpha() and verb.endswith("ed") and lemma_of(verb) != verb:
                return True
            if verb.isalpha() and verb in IRREGULAR_PAST:
                return True
    return False


# past forms a guess may take: "maybe she left it on", "perhaps your son took it"
IRREGULAR_PAST = frozenset(
    {
        "left",
        "took",
        "forgot",
        "broke",
        "put",
        "let",
        "got",
        "lost",
        "ate",
        "knocked",
        "spilled",
        "spilt",
        "dropped",
        "touched",
        "set",
        "went",
        "came",
        "did",
        "made",
        "threw",
        "hit",
        "bit",
    }
)


def _presumed_error(rest: list[str]) -> bool:
    """The reader's error presumed: a presuming word ("must have", "probably") then a verb of
    error ("misunderstood", "forgot") or a choice made "wrong" ("switched on the wrong setting")."""
    words = lexicon()
    presumed = next((i for i, w in enumerate(rest[:3]) if w in words["presuming"]), None)
    if presumed is None:
        return False
    for i in range(presumed + 1, min(len(rest), presumed + 4)):
        if rest[i] in words["error_verbs"]:
            return True
        if rest[i] in words["choice_made"]:
            return "wrong" in rest[i + 1 : i + 5]
    return False


def _hindsight(span: list[str]) -> bool:
    words = lexicon()
    text = f" {' '.join(span)} "
    if not any(f" {h} " in text for h in words["hindsight"]):
        return False
    if any(w in words["brand"] for w in span):
        return False  # "next time we'll save you a seat": the brand's own promise
    return any(w in words["attention_verbs"] for w in span)


def _others_cope(span: list[str]) -> bool:
    words = lexicon()
    text = " ".join(span[:3])
    for k, word in enumerate(span[:4]):
        majority = word in words["majority"] or (word == "one" and k and span[k - 1] == "no")
        if not majority:
            continue
        rest = span[k + 1 : k + 8]
        if word in {"nobody", "one"} or (rest and rest[0] == "else"):
            # "nobody else had a problem", "no one else complained"
            return any(w in words["trouble"] or w.startswith("complain") for w in rest)
        if "some" in text:
            return False
        return any(w in words["coping"] for w in rest) or (
            "no" in rest and any(w in words["trouble"] for w in rest)
        )
    return False


def _this_is_why(span: list[str]) -> bool:
    words = lexicon()
    span = [w.replace("’", "'") for w in span]
    for k, word in enumerate(span):
        if word != "why" or k == 0:
            continue
        if not (
            span[k - 1] in DEMONSTRATIVE
            or (span[k - 1] in BE and k > 1 and span[k - 2] in DEMONSTRATIVE)
        ):
            continue
        rest = span[k + 1 :]
        if not rest or rest[0] not in words["brand"] | {"i"}:
            continue
        negated = [j for j, w in enumerate(rest[:4]) if w in NEGATION]
        if not negated:
            continue
        tail = [w for w in rest[negated[0] + 1 :] if w not in {".", "!", "…"}]
        if tail and tail[0] in words["withholding_verbs"] and len(tail) <= 4:
            return True  # "this is why we don't have plugs"; nothing after it gives a reason
    return False


CAUSES = (
    "down to",
    "due to",
    "because of",
    "caused by",
    "result of",
    "thanks to",
    "fault of",
    "happens when",  # "this usually happens when patients don't follow the plan"
    "happen when",
)
FAILINGS = frozenset(
    {
        "not",
        "never",
        "failing",
        "forgetting",
        "ignoring",
        "refusing",
        "n't",
        "skip",
        "skipping",
        "skipped",
        "ignore",
        "forget",
        "forgot",
        "miss",
        "missed",
        "neglect",
        "neglecting",
        "rush",
        "rushing",
        "rushed",
        "hurry",
        "hurrying",
    }
)
HAPPEN = frozenset({"happen", "happens", "happened"})
HAPPEN_REACH = 3  # words between "happens" and "when": "happens a lot when people rush"


def _class(span: list[str]) -> bool:
    span = [w.replace("’", "'") for w in span]
    text = f" {' '.join(span)} "
    for cause in CAUSES:
        at = text.find(f" {cause} ")
        if at < 0:
            continue
        k = len(text[:at].split()) + len(cause.split())
        group = [j for j in range(k, min(len(span), k + 2)) if span[j] in PEOPLE]
        if group and any(w in FAILINGS for w in span[group[0] + 1 : group[0] + 4]):
            return True  # "delays are down to customers not sending their documents"
    for k, word in enumerate(span):
        if word not in HAPPEN:
            continue
        when = [j for j in range(k + 2, min(len(span), k + 2 + HAPPEN_REACH)) if span[j] == "when"]
        group = (
            [j for j in range(when[0] + 1, min(len(span), when[0] + 3)) if span[j] in PEOPLE]
            if when
            else []
        )
        if group and any(w in FAILINGS for w in span[group[0] + 1 : group[0] + 4]):
            return True  # "happens a lot when people rush"
    for k, word in enumerate(span[:-2]):
        if word in PEOPLE and span[k + 1] == "like" and span[k + 2] in {"you", "u", "yourself"}:
            rest = span[k + 3 : k + 8]
            return any(w in {"why", "reason", "ruin", "ruins", "problem"} for w in rest)
    return False


ADDRESSEES = frozenset(
    {"everyone", "everybody", "anyone", "anybody", "whoever", "those", "all", "the", "that", "our"}
)
CALLOUT_REACH = 6  # words between "to" and the "who" that names what the customers did


def _callout(view: Any, span: list[str]) -> bool:
    """A post that calls customers out by what they did and scolds them: "To everyone who's been
    yelling at our staff: they are human beings. Do better.", "To whoever left a 1-star review
    because it rained: we see you 👀", "A gentle reminder to our guests: the towels are not
    souvenirs 😉". The sentence opens with an address to people named by an act ("to everyone
    who", "to the person who") or a reminder to the brand's customers, and the post scolds: a
    negative word, a scolding phrase or a one-star rating (``callout_scolds``), a smirk or laughter
    (``smirks``, ``laughter``);
    a post that thanks them ("to everyone who voted for us: thank you!") calls nobody out."""
    words = lexicon()
    address = _addressed(span, words)
    if address is None:
        return False
    doc = view.analysis.doc
    norms = [t.lower_ for t in doc]
    if any(n in words["callout_thanks"] for n in norms):
        return False
    if address == "reminder":  # a reminder scolds only with a smirk: "...since September 🙃"
        return any(n in words["smirks"] for n in norms)
    text = f" {' '.join(norms)} "
    return (
        any(n in words["callout_scolds"] or n in words["smirks"] for n in norms)
        or any(n in words["laughter"] for n in norms)
        # phrases and hyphenated words, as the tokenizer spaces them ("1-star" is "1 - star")
        or any(
            f" {p.replace('-', ' - ')} " in text
            for p in words["callout_scolds"]
            if " " in p or "-" in p
        )
        or any(valence_of_word(n) <= NEGATIVE_WORD for n in norms)
    )


def _addressed(span: list[str], words: Any) -> str | None:
    """How the sentence addresses customers: "to" people named by an act ("to everyone who",
    "a reminder to our guests"), or a reminder or a PSA to all; None if it does not."""
    content = [w for w in span if w not in {'"', "'", "*"}]
    lead = [w for w in content[:4] if w.isalpha()]
    reminder = "reminder" if any(w in {"reminder", "psa"} for w in lead[:3]) else None
    for k, word in enumerate(content[:6]):
        if word != "to":
            continue
        ahead = content[k + 1 : k + 1 + CALLOUT_REACH]
        if (
            ahead
            and ahead[0] in ADDRESSEES
            and any(
                w in {"who", "that", "who've", "who's"} or (w.endswith("ing") and len(w) > 4)
                for w in ahead[1:]
            )
        ):
            return "to"  # "to everyone who", "to the folks review-bombing us", "to whoever left"
        if ahead[:1] == ["whoever"]:
            return "to"
        if (
            k
            and content[k - 1] in {"reminder", "psa", "note", "message"}
            and ahead[:1] in (["our"], ["all"])
        ):
            return "to"  # "a gentle reminder to our guests"
    return reminder


CHECKS = {
    "hindsight": _hindsight,
    "others_cope": _others_cope,
    "this_is_why": _this_is_why,
    "class": _class,
}
