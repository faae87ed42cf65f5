"""``compares``: the hit's sentence sets the product above a rival, as a measured fact.

A comparative with "than" and a rival after it ("lower fees than any bank", "better results than
Experian's own tools", "faster than Ohme"), a multiple of a rival ("twice as fast as Pod Point",
"half the price of Northgate", "twice the protection of Coppertide"), or a verb of beating one ("beats every other lender"). A
comparison with a rival is an objective claim: it must be verifiable and needs its basis before
it runs (FTC Statement of Policy Regarding Comparative Advertising, 16 CFR 14.15; CAP Code 3.33
and 3.35; FTC Policy Statement Regarding Advertising Substantiation, 1984).

A rival is a competitor from ``voice.competitors``; any, every, all or other of a kind ("any
bank", "every other app", "all the big lenders", "other providers"); a kind in the plural after
"the" ("the big banks", "the high-street lenders", "the rest", "the competition"); or a name written
with a capital ("Pod Point", "Experian's own tools"). Not a rival: the product's own past or
range ("than ever", "than last year", "than our old plan"), the reader ("than you think"), a
thing of every day ("less than a coffee a day"), a number ("more than 500 reviews").
"""

from __future__ import annotations

from functools import cache
from typing import Any

from voicelint.lexicon import load
from voicelint.nlp import adjective_forms, is_dictionary_word, tokens

NAME = "compares"
VALUES = ()

IRREGULAR = frozenset({"more", "less", "better", "worse", "fewer", "cheaper", "further", "farther"})
UNIVERSAL = frozenset({"any", "every", "all", "other", "others", "anyone", "anybody", "anything"})
KIND_REACH = 5  # tokens after "the" a kind of rival may be named in ("the big-name brands")
RIVAL_WORDS = frozenset({"rest", "competition", "competitors", "rivals", "others", "market"})
OWN = frozenset({"our", "my", "we", "us", "ours", "your", "you", "u", "ur", "yours"})
# the product's own earlier versions: "than the ones they replace", "than the previous model"
OWN_PAST = frozenset({"ones", "old", "previous", "original", "last", "former", "first", "current"})
TIMES = frozenset({"ever", "before", "last", "previous", "yesterday", "usual", "expected"})
MULTIPLES = frozenset({"twice", "thrice", "half", "double", "triple", "quarter", "third"})
BEATING = frozenset({"beat", "beats", "outperform", "outperforms", "outdo", "outdoes", "trump"})
BEATING |= {"trumps", "outsell", "outsells", "outclass", "outclasses", "outshine", "outshines"}
PLACES_OF_COMPARISON = frozenset({"at", "with", "from", "on", "through", "via"})
PRICE_WORDS = frozenset({"price", "cost", "fee", "fees", "rate"})


def holds(view: Any, value: Any = None) -> bool:
    words = view.words
    if "than" not in words and not any(w in BEATING or w in MULTIPLES for w in words):
        return False  # the cheap cue first, before the sentence is analysed
    sentence = view.sentence
    if sentence is None:
        return False
    doc = view.analysis.doc
    table = tokens(doc)
    norms = table.norms
    named = view.analysis.competitor_tokens
    first, end = sentence.first, sentence.end
    for i in range(first, end):
        word = norms[i]
        if word == "than" and i > first and _comparative(norms[i - 1], norms, i - 1, first):
            found = _rival(doc, norms, named, _past_places(norms, i + 1, end), end)
        elif word in BEATING and _beats_as_verb(norms, i, first):
            found = _rival(doc, norms, named, i + 1, end)
        elif word in MULTIPLES:
            found = _multiple_of_rival(doc, norms, named, i + 1, end)
        else:
            continue
        if found and _ours(norms, first, i):
            return True
    return False


def _ours(norms: Any, first: int, i: int) -> bool:
    """Whether what is compared is the brand's: a headline that opens on the comparison ("Lower
    fees than any bank", "Smarter than Pod Point"), or words of the brand, its product or its
    customers before it ("our app syncs twice as fast", "members pay less than..."); not
    another thing set above every product ("training, sleep and food matter more than any
    tub")."""
    before = [w for w in norms[first:i] if w.isalpha()]
    if len(before) <= HEADLINE_WORDS:
        return True
    return any(w in OURS or w in _customers() for w in before)


@cache
def _customers() -> frozenset[str]:
    """The customers a result may be promised to (the claim grammar's ``subjects``)."""
    return frozenset(str(w) for w in load("claims/outcomes")["subjects"])


HEADLINE_WORDS = 3  # "Lower fees than", "Better results than", "Twice as fast as"
OURS = frozenset({"we", "our", "us", "ours", "it", "its", "this", "these", "they", "their"})
OURS |= {"we're", "we've", "it's", "they're"}


def _comparative(word: str, norms: Any, i: int, first: int) -> bool:
    """A comparative at most ``REACH`` words before "than", with what it measures between:
    "lower", "better results", "more reliable", "less hassle". Not "open later" or "book
    earlier" (a time); a number after "than" is left to ``_rival`` ("more than 500")."""
    for k in range(i, max(first - 1, i - REACH), -1):
        word = norms[k]
        if not word.isalpha():
            return False
        if k == i and word in OPINIONS and (k == first or norms[k - 1] in TASTE_PATH):
            return False  # "way better than the clowns at Taco Titan": a taste, not a measure
        if word in IRREGULAR or (is_comparative(word) and word not in TIME_COMPARATIVES):
            return True
    return False


# comparatives of taste, right before "than", with nothing measured between ("better results
# than" measures results)
OPINIONS = frozenset({"better", "worse", "nicer", "cooler", "greater", "tastier", "prettier"})


# what stands before a comparative of taste: a copula, an intensifier, a verb of seeming ("is
# better than", "way better than", "tastes better than"); after a verb of doing it measures how
# well ("picks up speech better than anything Northgate sells")
TASTE_PATH = frozenset(
    {
        "is",
        "are",
        "was",
        "were",
        "'s",
        "'re",
        "be",
        "been",
        "way",
        "so",
        "much",
        "far",
        "even",
        "just",
        "lot",
        "tastes",
        "taste",
        "looks",
        "look",
        "feels",
        "feel",
        "sounds",
        "sound",
        "waaay",
        "miles",
        "heaps",
        "loads",
        "literally",
        "honestly",
        "simply",
        "still",
    }
)
REACH = 3
TIME_COMPARATIVES = frozenset({"later", "earlier", "sooner", "older", "newer"})


@cache
def is_comparative(word: str) -> bool:
    """Whether a word is the regular comparative of an adjective ("lower", "bigger", "happier")."""
    if len(word) < 4 or not word.endswith("er") or not word.isalpha():
        return False
    stem = word[:-2]
    for base in (stem, word[:-1], stem[:-1], stem[:-1] + "y" if stem.endswith("i") else ""):
        if base and is_dictionary_word(base) and word in adjective_forms(base):
            return True
    return False


def _rival(doc: Any, norms: Any, named: Any, i: int, end: int) -> bool:
    """Whether the words from ``i`` name a rival (see the module's docstring)."""
    while i < end and not norms[i].strip():
        i += 1
    if i >= end:
        return False
    word = norms[i]
    if i in named:
        return True
    if word in OWN or word in TIMES or word[:1].isdigit():
        return False
    if word in UNIVERSAL:
        return i + 1 < end and norms[i + 1].isalpha() and norms[i + 1] not in OWN
    if word == "the":
        # a kind of rival, in the plural, after at most a few words that qualify it: "the big
        # banks", "the big-name brands", "the rest"
        for j in range(i + 1, min(end, i + 1 + KIND_REACH)):
            if norms[j] in OWN_PAST:
                return False  # "than the ones they replace", "than the old model"
            if norms[j] in RIVAL_WORDS or _plural(norms[j]):
                return True
            if not (norms[j].isalpha() or norms[j] == "-") or norms[j] in OWN:
                return False
        return False
    text = doc[i].text
    return text[:1].isupper() and doc[i].is_alpha and not doc[i].is_sent_start and word != "i"


def _past_places(norms: Any, i: int, end: int) -> int:
    """The first word after "than" past a place or a means: "less than at any high-street bank",
    "faster than with Ohme"."""
    while i < end and (not norms[i].strip() or norms[i] in PLACES_OF_COMPARISON):
        i += 1
    return i


def _beats_as_verb(norms: Any, i: int, first: int) -> bool:
    """ "beats" as a verb, with the brand, its product or an adverb before it ("our rate beats
    every other lender", "easily beats Quillby"), or opening a headline; not the noun ("sick
    beats from DJ Marisol")."""
    if i == first:
        return True
    before = norms[i - 1]
    return before in OURS or before in BEATING_ADVERBS


BEATING_ADVERBS = frozenset({"easily", "still", "always", "consistently", "regularly", "that"})
BEATING_ADVERBS |= {"which", "who", "and", "simply", "comfortably", "officially"}


def _plural(word: str) -> bool:
    return len(word) > 3 and word.endswith("s") and not word.endswith("ss") and word.isalpha()


def _multiple_of_rival(doc: Any, norms: Any, named: Any, i: int, end: int) -> bool:
    """ "twice as fast as Pod Point", "half the price of both", "a third of the cost of Ohme"."""
    window = [k for k in range(i, min(end, i + 5)) if norms[k].strip()]
    for k in window:
        if norms[k] == "as" and k != window[0]:
            return _rival(doc, norms, named, k + 1, end)
        if norms[k] == "of" and window and norms[window[0]] == "the" and k != window[0]:
            # "twice the protection of Coppertide", "double the meat of the big brands"
            return _rival(doc, norms, named, k + 1, end)
        if norms[k] == "of" and any(norms[j] in PRICE_WORDS for j in range(i, k)):
            return norms[k + 1 : k + 2] == ["both"] or _rival(doc, norms, named, k + 1, end)
    return False
