"""Claim context: whether a match is negated, in a disclaimer, reported as a warning, attributed or qualified.

A phrase list alone flags "we can't guarantee returns", the DSHEA disclaimer and "beware of accounts
that promise guaranteed profits". Each rule says how its matches depend on context:

- ``negation``: ``suppress`` (a negated match is no claim: "does not cure"), ``ignore``, or
  ``trigger`` (only the negated form is the claim: "no side effects", "say goodbye to migraines").
- ``spared_by``: contexts that excuse a match: ``disclaimer`` (inside a standard disclaimer sentence),
  ``refusal`` (a warning about others' claims: "beware of...", "anyone who promises..."),
  ``attribution`` (a named source and a date: "Voted Best Coffee by Portland Monthly readers, 2026"),
  ``qualification`` (the post states the specific basis, e.g. "made with 30% recycled fiber").

Negation follows NegEx (Chapman et al., 2001): a cue shortly before the match, in the same clause,
not cut off by a termination word and not a pseudo-negation ("not only").
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import Any

from voicelint import lexicon as lexicon_file
from voicelint.analysis import breaks, quoted_spans
from voicelint.kinds.base import Hit, PostContext
from voicelint.nlp import Match, MatcherBank, doc_text, lemma_of

NEGATION_WINDOW = 6  # words between the cue and the match
ELIMINATOR_WINDOW = 3
YEAR = re.compile(r"\b(?:19|20)\d\d\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b")
SUBJECTS = {"i", "we", "you", "he", "she", "it", "they", "this", "that", "our", "your", "my"}
BOUNDS_KEY = "voicelint.context.bounds"  # doc.user_data keys for what is computed once per Doc
ATTRIBUTED_KEY = "voicelint.context.attributed"


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    data = lexicon_file.load("claims/context")
    for name, words in data.items():
        if any(not isinstance(w, str) for w in words):
            raise ValueError(
                f"lexicons/claims/context.yaml: {name} has a word YAML did not read as text; quote it"
            )
    return data


@cache
def _words(key: str) -> frozenset[str]:
    return frozenset(lexicon()[key])


@lru_cache(maxsize=1)
def _pseudo_negations() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(p.split()) for p in lexicon()["pseudo_negations"])


@dataclass(frozen=True)
class ContextRule:
    """How one rule's matches depend on context, with its matcher keys."""

    negation: str
    spared_by: tuple[str, ...]
    disclaimer_key: str | None
    refusal_key: str | None
    qualifier_key: str | None

    def apply(self, hit: Hit, post: PostContext) -> Hit | None:
        """The hit as context leaves it: None when context excuses it, widened to its cue in trigger mode."""
        if self.negation == "ignore" and not (
            self.disclaimer_key or self.refusal_key or self.qualifier_key or self.spared_by
        ):
            return hit  # nothing to look at (most tone rules): spare the token lookup
        doc = post.doc
        span = _token_span(doc, hit)
        if span is None:
            return hit
        first, end = span
        if _promise_denied(doc, first):
            return None  # "we can't promise a painless visit": whatever the mode, no promise
        if self.negation == "ignore" and _answered_no(doc, first):
            return None  # "Is it painless? Not quite.": the claim asked and turned down
        if self.negation != "ignore":
            cue = negation_cue(doc, first, end, eliminators=self.negation == "trigger")
            if (cue is not None) != (self.negation == "trigger"):
                return None
            if cue is not None and cue < first:
                hit = replace(
                    hit, start=doc[cue].idx
                )  # quote "zero side effects", not "side effects"
        if self.disclaimer_key and _within(hit, post.matches_for(self.disclaimer_key)):
            return None
        if self.refusal_key and _refused(doc, first, post.matches_for(self.refusal_key)):
            return None
        if self.refusal_key and _reported(doc, hit, first):
            return None
        if "attribution" in self.spared_by and is_attributed(doc, first, end):
            return None
        if self.qualifier_key and post.matches_for(self.qualifier_key):
            return None
        return hit


def build(
    bank: MatcherBank,
    rule_id: str,
    negation: str,
    spared_by: Sequence[str],
    qualifiers: Sequence[str],
) -> ContextRule:
    """Register what a rule's context needs in the bank, once, at compile time."""
    disclaimer_key = refusal_key = qualifier_key = None
    if "disclaimer" in spared_by:
        disclaimer_key = bank.shared_phrases(
            "context:disclaimers", lexicon()["disclaimers"], "LOWER"
        )
    if "refusal" in spared_by:
        refusal_key = bank.shared_phrases("context:refusal", lexicon()["refusal_cues"], "LOWER")
    if "qualification" in spared_by and qualifiers:
        qualifier_key = bank.add_phrases(rule_id + ":qualifiers", list(qualifiers), "LEMMA")
    return ContextRule(negation, tuple(spared_by), disclaimer_key, refusal_key, qualifier_key)


def _token_span(doc: Any, hit: Hit) -> tuple[int, int] | None:
    span = doc.char_span(hit.start, hit.end, alignment_mode="expand")
    return (span.start, span.end) if span is not None else None


def _within(hit: Hit, spans: list[Match]) -> bool:
    return any(s.start <= hit.start and hit.end <= s.end for s in spans)


def sentence_bounds(doc: Any, first: int, end: int) -> tuple[int, int]:
    """Token range of the sentence (or line) around tokens ``[first, end)``."""
    starts, stops = _bounds_table(doc)
    return starts[first] if first < len(starts) else first, stops[min(end, len(stops) - 1)]


def _bounds_table(doc: Any) -> tuple[list[int], list[int]]:
    """Per token, where its sentence starts, and per position, the next boundary at or after it:
    computed once per Doc (kept in ``doc.user_data``), so a post of many claims stays linear."""
    table = doc.user_data.get(BOUNDS_KEY)
    if table is None:
        n = len(doc)
        boundary = [kind is not None for kind in breaks(doc)]  # clauses too: ";" cuts a claim
        starts = [0] * n
        for i in range(1, n):
            starts[i] = i if boundary[i - 1] else starts[i - 1]
        stops = list(range(n + 1))
        for i in range(n - 1, -1, -1):
            stops[i] = i if boundary[i] else stops[i + 1]
        table = doc.user_data[BOUNDS_KEY] = (starts, stops)
    return table


def is_negated(doc: Any, first: int, end: int, eliminators: bool = False) -> bool:
    """Whether a negation cue governs the match (see negation_cue)."""
    return negation_cue(doc, first, end, eliminators) is not None


PROMISE_REACH = 5  # words between "can't promise" and the claim it denies


def _promise_denied(doc: Any, first: int) -> bool:
    """A verb of promising, negated, shortly before the match in its clause: "we can't promise a
    painless visit", "nobody can guarantee returns", "we won't pretend rehab is painless". The
    writer refuses the claim (``promise_verbs`` and ``negators`` in ``lexicons/claims/context.yaml``)."""
    verbs, negators = _words("promise_verbs"), _words("negators")
    cut = breaks(doc)
    words = 0
    i = first - 1
    while i >= 0 and words <= PROMISE_REACH:
        if cut[i] is not None or doc[i].text in {":", "—", "–", ";"}:
            return False
        if doc[i].lemma_ in verbs or doc[i].norm_ in verbs:
            before = [t.norm_ for t in doc[max(0, i - 3) : i]]
            return any(w in negators for w in before)
        if not doc[i].is_punct:
            words += 1
        i -= 1
    return False


def negation_cue(doc: Any, first: int, end: int, eliminators: bool = False) -> int | None:
    """The token where a negation cue governing the match starts, or None (NegEx: cue before it, same clause, small window).

    With ``eliminators`` (rules whose claim is the negated form), only words that deny the thing
    itself count, close before it: "no joint pain", "zero side effects", "goodbye to migraines";
    "does not treat cancer" denies the treating, not the cancer, so it does not count.
    """
    if eliminators:
        cues, window = _words("eliminators"), ELIMINATOR_WINDOW
    else:
        cues, window = _words("negators"), NEGATION_WINDOW
    terminators = _words("terminators")
    pseudo = _pseudo_negations()
    words = 0
    i = first - 1
    cut = breaks(doc)
    while i >= 0 and words <= window:
        token = doc[i]
        if cut[i] is not None:
            break
        lower = token.norm_
        if lower in terminators or token.text in {":", "—", "–", "(", ")"}:
            break
        if lower in {"and", "or", ","} and i + 1 < len(doc) and doc[i + 1].norm_ in SUBJECTS:
            break  # "no artificial colours, and it cures colds": a new clause with its own subject
        if lower in cues or token.lemma_ in cues:
            following = tuple(t.norm_ for t in doc[i : i + 3])
            if not any(following[: len(p)] == p for p in pseudo) and not in_proverb(doc, i, end):
                return i
        if _multiword_cue(doc, i, cues):
            return i - 1
        if not token.is_punct:
            words += 1
        i -= 1
    return first if not eliminators and _answered_no(doc, first) else None


def in_proverb(doc: Any, cue: int, end: int) -> bool:
    """A cue that opens a parallel "no A, no B" saying ("no pain, no gain", "no guts, no glory"):
    a proverb about effort, not a product that eliminates A. A saying has two members; a third
    ("no detox, no superfoods, no miracle diets") makes a list of things denied."""
    if doc[cue].norm_ != "no" or end - cue > 3:
        return False
    j = _next_member(doc, end)
    if j is None or _next_member(doc, _member_end(doc, j)) is not None:
        return False
    return _previous_member(doc, cue) is None


SEPARATORS = frozenset({",", "-", "—", "–", "…"})


def _next_member(doc: Any, j: int) -> int | None:
    """Where the next "no X" of a chain starts after token ``j``, or None."""
    while j < len(doc) and (doc[j].text in SEPARATORS or doc[j].is_space):
        j += 1
    if j + 1 < len(doc) and doc[j].norm_ == "no" and doc[j + 1].is_alpha:
        return j
    return None


def _member_end(doc: Any, cue: int) -> int:
    """Where the member "no X" (up to three words: "no miracle diets") starting at ``cue`` ends."""
    j = cue + 1
    while j < min(len(doc), cue + 4) and doc[j].is_alpha:
        j += 1
    return j


def _previous_member(doc: Any, cue: int) -> int | None:
    """Where a "no X" member ends just before the cue ("no A, [no B]"), or None."""
    j = cue - 1
    while j >= 0 and (doc[j].text in SEPARATORS or doc[j].is_space):
        j -= 1
    if j == cue - 1:
        return None  # no separator: not a chain
    for k in range(j, max(j - 3, -1), -1):
        if doc[k].norm_ == "no":
            return k
    return None


def _answered_no(doc: Any, first: int) -> bool:
    """A question whose next sentence starts with "No": "Does it prevent the flu? No, ..."."""
    _, stop = sentence_bounds(doc, first, first + 1)
    if stop >= len(doc) or doc[stop].text != "?":
        return False
    following = [t.norm_ for t in doc[stop + 1 : stop + 4] if not t.is_space]
    if tuple(following[:2]) in AFFIRMING_NO:
        return False  # "Does it work? No doubt!" says yes
    _, answer_end = sentence_bounds(doc, stop + 1, stop + 2)
    if answer_end < len(doc) and doc[answer_end].text == "?":
        return False  # "Bad credit? No credit? No problem!": another question, no answer
    answers = [tuple(a.split()) for a in lexicon()["answers_no"]]
    return any(tuple(following[: len(a)]) == a for a in answers)


AFFIRMING_NO = frozenset(
    {
        ("no", "doubt"),
        ("no", "question"),
        ("no", "wonder"),
        ("no", "kidding"),
        ("no", "joke"),
        ("no", "problem"),
        ("no", "worries"),
    }
)


def _multiword_cue(doc: Any, i: int, cues: frozenset[str]) -> bool:
    """Cues of two words ending at token i ("free of", "goodbye to", "no more")."""
    if i < 1:
        return False
    pair = f"{doc[i - 1].norm_} {doc[i].norm_}"
    return pair in cues


CLAIMANT_REACH = 3  # words between "anyone who" and the verb that makes them a claimant


def _refused(doc: Any, first: int, cues: list[Match]) -> bool:
    """A warning cue earlier in the same sentence: the claim is someone else's, reported as a risk.

    A cue that only names people or firms ("anyone who", "companies that") warns only when they
    make a claim ("anyone who promises...", "companies that claim..."): in "companies that switch
    save $4,000" the firms are the customers the claim is made to (``claimant_verbs``)."""
    start, _ = sentence_bounds(doc, first, first + 1)
    return any(start <= cue.first_token <= first and _warns(doc, cue) for cue in cues)


QUOTES_KEY = "voicelint.context.quotes"
REPORT_REACH = 6  # words between the claimant ("someone promises", "ads for") and the quote


def _reported(doc: Any, hit: Hit, first: int) -> bool:
    """A claim someone else makes, reported: right after someone else and a verb of claiming ("if
    someone promises your bill will be $0"), or in quotation marks a few words after a verb or a
    noun of claiming ("sites selling 'guaranteed pass' packages", "seen ads for oils that 'cure
    baldness'?"; ``claimant_verbs``)."""
    verbs, others = _words("claimant_verbs"), _words("claimants")
    before = [t.lower_ for t in doc[max(0, first - 4) : first + 1]]
    for k, word in enumerate(before):
        if (word in verbs or lemma_of(word) in verbs) and any(
            w in others for w in before[max(0, k - 3) : k]
        ):
            return True  # "if someone promises your bill will be $0"
        if (
            (word in verbs or lemma_of(word) in verbs)
            and k >= 2
            and before[k - 1] in RELATIVE_PRONOUNS
            and _others(before[k - 2], before[: k - 2])
        ):
            return True  # "how to spot programs that promise guaranteed jobs"
    quotes = doc.user_data.get(QUOTES_KEY)
    if quotes is None:
        quotes = doc.user_data[QUOTES_KEY] = quoted_spans(doc_text(doc))  # once per Doc
    k = bisect_left(quotes, (hit.end, 0))
    while k > 0 and quotes[k - 1][1] > hit.start:  # the quotes that overlap the hit, last first
        k -= 1
        start, end = quotes[k]
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        before = doc[max(0, span.start - REPORT_REACH) : span.start]
        if any(t.lemma_ in verbs or t.norm_ in verbs for t in before):
            return True
    return False


RELATIVE_PRONOUNS = frozenset({"that", "which", "who"})
OWN_WORDS = frozenset({"our", "we", "us", "my", "ours"})


def _others(noun: str, before: list[str]) -> bool:
    """A kind of other firms or people in the plural ("programs", "lenders", "apps"), not the
    brand's own ("our plans that guarantee approval")."""
    plural = len(noun) > 3 and noun.isalpha() and noun.endswith("s") and not noun.endswith("ss")
    return plural and not any(w in OWN_WORDS for w in before[-2:])


def _warns(doc: Any, cue: Match) -> bool:
    if doc[cue.end_token - 1].norm_ not in {"who", "that"}:
        return True
    verbs = _words("claimant_verbs")
    return any(
        t.lemma_ in verbs or t.norm_ in verbs
        for t in doc[cue.end_token : cue.end_token + CLAIMANT_REACH]
    )


def is_attributed(doc: Any, first: int, end: int) -> bool:
    """A named source ("by Portland Monthly", "according to J.D. Power") and a date in the sentence."""
    start, stop = sentence_bounds(doc, first, end)
    known = doc.user_data.setdefault(ATTRIBUTED_KEY, {})
    if (start, stop) not in known:
        known[(start, stop)] = _attributed(doc, start, stop)
    return bool(known[(start, stop)])


def _attributed(doc: Any, start: int, stop: int) -> bool:
    sentence = doc[start:stop]
    if not YEAR.search(sentence.text):
        return False
    if _cites_a_study(doc, start, stop) or _data_in_brackets(doc, start, stop):
        return True
    verbs = _words("attribution_verbs")
    if any(t.norm_ in verbs or t.lemma_ in verbs for t in sentence) and (
        _named_award(sentence) or _named_source(sentence)
    ):
        return True  # "voted Best Broker in the Riverside Courier's 2026 Readers' Choice Awards"
    for token in sentence:
        if token.norm_ == "per" and token.i + 1 < stop and _a_name(doc[token.i + 1]):
            return True  # the source as "per": "(by units sold, per Ulta)"
        if token.norm_ in {"by", "from"} or (
            token.norm_ == "to" and token.i > 0 and doc[token.i - 1].norm_ == "according"
        ):
            following = [t for t in doc[token.i + 1 : min(stop, token.i + 4)] if not t.is_punct]
            if any(t.text[:1].isupper() or t.like_num for t in following[:3]) and (
                token.norm_ == "to" or any(t.norm_ in verbs or t.lemma_ in verbs for t in sentence)
            ):
                return True
    return False


def _a_name(token: Any) -> bool:
    """A word written as a name: capitalised, not a whole word in capitals ("per Nielsen", not
    "per MONTH")."""
    return token.is_alpha and token.text[:1].isupper() and not token.text.isupper()


def _data_in_brackets(doc: Any, start: int, stop: int) -> bool:
    """The data and period a ranking rests on, named in brackets: "best-selling style of 2025
    (our order data, Jan-Dec 2025)", "fastest-selling listings (Cascade MLS, Q3 2026)"."""
    sources = _words("data_sources")
    inside = False
    for token in doc[start:stop]:
        if token.text == "(":
            inside = True
        elif token.text == ")":
            inside = False
        elif inside and (token.norm_ in sources or token.lemma_ in sources):
            return True
    return False


AWARD_NOUNS = frozenset({"award", "awards", "rankings", "ranking", "poll", "honours", "honors"})


def _named_source(sentence: Any) -> bool:
    """A source named in capitals inside the sentence, two words or more ("a #1 New York Times
    bestseller (list of March 8, 2026)")."""
    tokens_ = list(sentence)
    return any(
        a.text[:1].isupper()
        and b.text[:1].isupper()
        and a.is_alpha
        and b.is_alpha
        and not a.is_sent_start
        and a.i > sentence.start
        for a, b in itertools.pairwise(tokens_)
    )


def _named_award(sentence: Any) -> bool:
    """An award or ranking named in capitals ("the Readers' Choice Awards", "Best of Boston
    Awards"): its name is the source."""
    return any(token.norm_ in AWARD_NOUNS and token.text[:1].isupper() for token in sentence)


def _cites_a_study(doc: Any, start: int, stop: int) -> bool:
    """A study, trial or survey named with its source in the sentence ("a 2024 Stanford study",
    "a survey of 2,000 parents by YouGov", "Smith et al."): the result is reported, not promised."""
    words = _words("citation_nouns")
    nouns = [t for t in doc[start:stop] if t.norm_ in words or t.lemma_ in words]
    if not nouns:
        return False
    for noun in nouns:
        following = doc[noun.i + 1 : min(stop, noun.i + 3)]
        if len(following) == 2 and following[0].norm_ == "of" and following[1].like_num:
            return True  # its sample: "our 2025 survey of 1,200 customers"
    sources = _words("citation_sources")
    for token in doc[start:stop]:
        if token.norm_ in sources:
            return True
        if token.i > start and token.text[:1].isupper() and not token.is_sent_start:
            previous = doc[token.i - 1]
            if not previous.is_punct and not previous.is_space:
                return True  # a capitalised name inside the sentence: the institution
    return False
