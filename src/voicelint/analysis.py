"""One analysis per post: sentences, and per sentence its speech act, who it is about, valence and certainty.

Every rule reads the same value, computed once per post and only as far as some rule asks (each
part is computed on first use). The customer's message (``in_reply_to``) is analysed in the same
pass, with the same splitter and lexicons.

- **Sentences** come from one splitter (``breaks``): a sentence ends at ``.``, ``!``, ``?``,
  ``…`` (a run of them ends it at the last) or a line break that does not wrap a sentence.
  ``;`` ends a clause, not a sentence.
- **Speech act**: ``question`` (ends with ``?`` or opens with an auxiliary or wh-word),
  ``request`` (opens with a verb in the imperative, or "please", "could you", "can you"),
  ``statement`` otherwise.
- **About**: the people a sentence speaks of, from its pronouns and nouns: ``reader`` (you, your;
  "someone", "some people" standing for the reader), ``brand`` (we, our), ``competitor`` (a name
  the policy lists, or "they"/"their" after one), ``third_party`` (he, she, a named person).
- **Valence** comes from VADER's lexicon (Hutto and Gilbert 2014, validated on social-media text;
  MIT licence, shipped in the ``vaderSentiment`` package), not from our lists: the sentence's
  compound score and the words that carry negative valence outside a negation's scope.
- **Certainty**: ``absolute`` markers (guarantee, always, certain, proven, 100%, never fail...) and
  ``hedges`` (may, might, can help, up to, results vary...), from ``lexicons/analysis.yaml``.
- **Negation scope**: the tokens a negation cue governs (NegEx, as ``context.negation_cue``).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from typing import Any

from voicelint import lexicon as lexicon_file
from voicelint.nlp import PhraseList, doc_text, is_wrapped_line, tokens

SENTENCE_MARKS = frozenset(".!?…")
NEGATIVE_WORD = (
    -1.5
)  # VADER valence at or below which a word reads as negative (its scale is -4..4)
# Forms of "be" that link a subject to what it is said to be ("it's a tax credit", "it is on the site")
COPULAS = frozenset({"is", "are", "was", "were", "'s", "'re", "been", "be"})
NEGATIVE_SENTENCE = -0.3  # VADER compound at or below which a sentence reads as negative
VADER_WORDS = 200  # longest text VADER scores in one piece (see valence_of_text)
# Quotation marks: straight double, curly double and curly single. A straight single quote only
# opens after a space and closes before one, so apostrophes (it's, Dunkin') are not quotes.
QUOTED = re.compile(r"\"[^\"\n]+\"|“[^”\n]+”|‘[^’\n]+’|(?<![\w])'[^'\n]+'(?![\w])")


# words after a feeling that name what caused it ("frustrated by the wait")
CAUSES = frozenset({"by", "with", "about", "at", "over", "that", "when", "because", "to"})


def non_apology(norms: Sequence[str]) -> bool:
    """Whether words apologise for the reader's feelings, not for what happened ("sorry you
    feel that way", "sorry if you were offended"; ``non_apologies``)."""
    text = f" {' '.join(norms)} "
    if any(f" {p} " in text for p in lexicon()["non_apologies"]):
        return True
    # "sorry you were upset", "we're sorry you felt let down": the reader's feeling, by its word
    words = lexicon()
    for k, word in enumerate(norms):
        if word != "sorry":
            continue
        rest = [w for w in norms[k + 1 : k + 5] if w not in {"that", "if"}]
        feeling = next(
            (
                j
                for j in range(k + 1, min(len(norms), k + 7))
                if norms[j] in words["feelings_of_offence"]
            ),
            None,
        )
        if (
            feeling is not None
            and len(rest) >= 3
            and rest[0] in {"you", "u"}
            and rest[1] in {"were", "are", "'re", "felt", "feel", "got", "became", "have", "'ve"}
            and any(w in words["feelings_of_offence"] for w in rest[2:4])
            # "frustrated by the wait" names what happened: an apology for it
            and not any(w in CAUSES for w in norms[feeling + 1 : feeling + 3])
        ):
            return True
    return False


def _a_choice(norms: Sequence[str], i: int, end: int, words: Mapping[str, Any]) -> bool:
    """ "Whatever you want" leaves a choice to the reader; it promises nothing ("whatever your
    credit history" does)."""
    return (
        norms[i] == "whatever"
        and i + 2 < end
        and norms[i + 1] in {"you", "u"}
        and norms[i + 2] in words["choice_verbs"]
    )


# An amount of money in a text: a currency sign next to a figure ("$89", "CA$189", "£299pp",
# "€ 59") or a figure and a currency ("30 USD"); read by the pii kind (one person's charge) and
# the ``priced`` condition (a price shown).
MONEY = re.compile(
    r"[$£€¥₹]\s?\d|\d\s?(?:usd|gbp|eur|cad|aud|dollars|pounds|euros|bucks)\b", re.IGNORECASE
)


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of the quoted stretches of a text, quotation marks included."""
    return [m.span() for m in QUOTED.finditer(text)]


@cache
def lexicon() -> dict[str, Any]:
    """The analysis word classes (pronoun groups, speech-act openers, certainty and hedge cues)."""
    data = lexicon_file.load("analysis")
    return {
        key: frozenset(value) if isinstance(value, list) else value for key, value in data.items()
    }


@cache
def _vader() -> Any:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def valence_of_word(lower: str) -> float:
    """A word's valence in VADER's lexicon (-4 to 4; 0 when it has none)."""
    return float(_vader().lexicon.get(lower, 0.0))


def word_valence(norm: str, lemma: str) -> float:
    """A token's valence: its own form's in VADER's lexicon, else its lemma's ("crashes" reads
    as "crash", which VADER lists; its lexicon holds few inflected forms)."""
    lexicon = _vader().lexicon
    if norm in lexicon:
        return float(lexicon[norm])
    return float(lexicon.get(lemma, 0.0))


def valence_of_text(text: str) -> float:
    """VADER's compound score of a stretch of text (-1 to 1), with its negation and booster rules."""
    words = text.split()
    if len(words) > VADER_WORDS:
        return min(valence_of_text(" ".join(words[i : i + VADER_WORDS])) for i in _chunks(words))
    return _compound(text)


@lru_cache(maxsize=8192)
def _compound(text: str) -> float:
    """VADER's compound score of at most ``VADER_WORDS`` words, kept per text: VADER reads word
    by word in Python, and drafts repeat their stock sentences ("Link in bio.", "DM us.")."""
    return float(_vader().polarity_scores(text)["compound"])


def _chunks(words: Sequence[str]) -> range:
    # VADER's negation check re-reads the whole text for every word: quadratic, so a hostile
    # 20,000-word sentence is scored in pieces, its most negative piece counting.
    return range(0, len(words), VADER_WORDS)


BREAKS_KEY = "voicelint.breaks"
STOP, QUESTION, LINE, CLAUSE = "stop", "question", "line", "clause"
SENTENCE_BREAKS = frozenset({STOP, QUESTION, LINE})


# marks that set lines side by side within one line ("Bet now | 21+ | Gambling problem? Call..."):
# each part is a sentence of its own
SEPARATORS = frozenset({"|", "||", "•"})


def breaks(doc: Any) -> tuple[str | None, ...]:
    """Per token, the break it ends, if any: the one splitter behind every sentence and clause.

    ``stop`` (``.``, ``!``, ``…``, a separator: ``|``, ``•``), ``question`` (``?``; a run such as ``?!`` or ``!!`` ends at
    its last mark, a question if it holds ``?``), ``line`` (a line break, unless a single break
    wraps a sentence onto a line that goes on in lower case, as YAML block scalars and CSV cells
    wrap long lines) and ``clause`` (``;``: it ends a clause, not a sentence). Computed once per
    Doc and kept in ``doc.user_data``; rules choose which breaks they honour (``sentences``,
    ``clauses``), never their own marks."""
    found = doc.user_data.get(BREAKS_KEY)
    if found is None:
        texts = tokens(doc).texts
        n = len(texts)
        # a token of marks only: its first character tells most tokens apart without a set
        marks = [
            bool(text) and text[0] in SENTENCE_MARKS and set(text) <= SENTENCE_MARKS
            for text in texts
        ]
        result: list[str | None] = [None] * n
        question = False
        for i, text in enumerate(texts):
            if marks[i]:
                question = question or "?" in text
                if i + 1 < n and marks[i + 1]:
                    continue  # "?!" and "!!" end the sentence at their last mark
                result[i] = QUESTION if question else STOP
                question = False
            elif text in SEPARATORS:
                result[i] = STOP  # "21+ | Gambling problem? Call...": a separator ends a sentence
            elif text == ";":
                result[i] = CLAUSE
            elif (
                not text.strip() and ("\n" in text or "\r" in text) and not is_wrapped_line(doc, i)
            ):
                result[i] = LINE
        found = doc.user_data[BREAKS_KEY] = tuple(result)
    return found


def _split(doc: Any, honoured: frozenset[str]) -> list[tuple[int, int]]:
    texts = tokens(doc).texts
    spans: list[tuple[int, int]] = []
    first = 0
    for i, kind in enumerate(breaks(doc)):
        if kind in honoured:
            spans.append((first, i + 1))
            first = i + 1
    if first < len(texts):
        spans.append((first, len(texts)))
    return [(a, b) for a, b in spans if any(t.strip() for t in texts[a:b])]


def split_sentences(doc: Any) -> list[tuple[int, int]]:
    """Token ranges ``[first, end)`` of a Doc's sentences: the one splitter every rule uses."""
    return _split(doc, SENTENCE_BREAKS)


def split_clauses(doc: Any) -> list[tuple[int, int]]:
    """Token ranges of a Doc's clauses: its sentences, cut again at ``;``."""
    return _split(doc, SENTENCE_BREAKS | {CLAUSE})


@dataclass(frozen=True)
class Sentence:
    """One sentence of a post or of the customer's message, and what the analysis says of it."""

    first: int  # token range [first, end)
    end: int
    start: int  # character range [start, stop) in the analysed text
    stop: int
    text: str
    act: str  # question | request | statement
    about: frozenset[str]  # reader, brand, competitor, third_party, group
    valence: float  # VADER compound, -1..1
    negative_words: tuple[int, ...]  # token indexes of negative words outside a negation's scope
    absolute: tuple[int, ...]  # token indexes of certainty markers outside a negation's scope
    hedged: bool
    negated: frozenset[int]  # token indexes inside a negation's scope

    @property
    def negative(self) -> bool:
        return self.valence <= NEGATIVE_SENTENCE or bool(self.negative_words)


@dataclass
class TextAnalysis:
    """The analysis of one text (a draft or the customer's message), computed part by part."""

    doc: Any
    competitor_tokens: frozenset[int] = frozenset()
    _sentences: list[Sentence] | None = field(default=None, repr=False)

    @cached_property
    def text(self) -> str:
        return str(doc_text(self.doc))  # spaCy joins the tokens again on each Doc.text

    @property
    def sentences(self) -> list[Sentence]:
        if self._sentences is None:
            self._sentences = [self._nth(i) for i in range(len(self.bounds))]
        return self._sentences

    @cached_property
    def bounds(self) -> list[tuple[int, int, int, int]]:
        """Each sentence's token range and character range ``(first, end, start, stop)``, without
        analysing it: a rule of kind sentence lists its candidates from these, and a sentence is
        analysed only when a condition asks about it."""
        doc, found = self.doc, []
        for first, end in split_sentences(doc):
            last = end - 1
            while last > first and not doc[last].text.strip():
                last -= 1
            found.append((first, end, doc[first].idx, doc[last].idx + len(doc[last].text)))
        return found

    def _nth(self, index: int) -> Sentence:
        cache = self.__dict__.setdefault("_analysed", {})
        if index not in cache:
            cache[index] = self._sentence(*self.bounds[index])
        return cache[index]

    def previous(self, sentence: Sentence) -> Sentence | None:
        """The sentence before ``sentence``, analysed alone (not every sentence of the post)."""
        index = bisect_left(self.bounds, (sentence.first,))
        return self._nth(index - 1) if index > 0 else None

    def following(self, sentence: Sentence) -> Sentence | None:
        """The sentence after ``sentence``, analysed alone (not every sentence of the post)."""
        index = bisect_left(self.bounds, (sentence.first,))
        return self._nth(index + 1) if index + 1 < len(self.bounds) else None

    def sentence_at(self, token: int) -> Sentence | None:
        """The sentence holding token index ``token``."""
        for sentence in self.sentences:
            if sentence.first <= token < sentence.end:
                return sentence
        return None

    def sentence_around(self, start: int, end: int) -> Sentence | None:
        """The sentence holding the character range ``[start, end)`` (its first character)."""
        # sentences are in text order and do not overlap: bisect, so that a rule of kind sentence
        # on a post of 20,000 sentences stays linear
        index = bisect_right(self.starts, start) - 1
        if index >= 0:
            _, _, begins, stop = self.bounds[index]
            if begins <= start < max(stop, begins + 1):
                return self._nth(index)
        return None

    @cached_property
    def starts(self) -> list[int]:
        return [begins for _, _, begins, _ in self.bounds]

    @cached_property
    def valence(self) -> float:
        return valence_of_text(self.text) if self.text.strip() else 0.0

    def _after_competitor(self, first: int) -> bool:
        """Whether the sentence before the one starting at token ``first`` names a competitor."""
        if not self.competitor_tokens:
            return False
        index = bisect_left(self.bounds, (first,))  # bounds are in text order
        if index == 0:
            return False
        before_first, before_end = self.bounds[index - 1][:2]
        return any(before_first <= i < before_end for i in self.competitor_tokens)

    def _sentence(self, first: int, end: int, start: int, stop: int) -> Sentence:
        table, words = tokens(self.doc), lexicon()
        norms, lemmas = table.norms, table.lemmas
        text = self.text[start:stop]
        negated = frozenset(_negation_scope(norms, first, end, words))
        about = set(_about(norms, first, end, words))
        if any(first <= i < end for i in self.competitor_tokens):
            about.add("competitor")
        elif "they" in about and self.competitor_tokens and min(self.competitor_tokens) < first:
            about.add("competitor")  # "they" after a named competitor
        elif "brand" not in about and self._after_competitor(first):
            # the sentence right after one that names a competitor, with the brand not in it,
            # goes on about them: "Tried Glowlab's serum? Sorry about your face 💀"
            about.add("competitor")
        about.discard("they")
        negative_words = tuple(
            i
            for i in range(first, end)
            if i not in negated and word_valence(norms[i], lemmas[i]) <= NEGATIVE_WORD
        )
        absolute = tuple(
            i
            for i in range(first, end)
            if i not in negated
            and (norms[i] in words["absolute"] or lemmas[i] in words["absolute"])
            and not _a_choice(norms, i, end, words)
        )
        absolute += tuple(
            span.first
            for span in phrase_list("absolute_phrases").find(self.doc, first, end)
            if span.first not in negated and not _proportion(norms, span.end, end, words)
        )
        hedged = any(
            norms[i] in words["hedges"] or lemmas[i] in words["hedges"] for i in range(first, end)
        ) or phrase_list("hedge_phrases").any_in(self.doc, first, end)
        return Sentence(
            first,
            end,
            start,
            stop,
            text,
            _act(norms, first, end, words),
            frozenset(about),
            valence_of_text(text) if text.strip() else 0.0,
            negative_words,
            tuple(sorted(set(absolute))),
            hedged,
            negated,
        )


def _content(norms: Sequence[str], first: int, end: int) -> list[int]:
    return [i for i in range(first, end) if norms[i].strip() and norms[i] not in {'"', "“", "'"}]


def _act(norms: Sequence[str], first: int, end: int, words: dict[str, Any]) -> str:
    content = _content(norms, first, end)
    if not content:
        return "statement"
    if "?" in norms[content[-1]]:
        return "question"
    opener = norms[content[0]]
    if opener in words["greetings"]:
        # "Hi Sam, check your inbox": the act is what follows the greeting and the name
        marks = [k for k, i in enumerate(content[:5]) if norms[i] in {",", "!", "-", "—"}]
        content = content[marks[0] + 1 :] if marks else content[1:]
        if not content:
            return "statement"
        opener = norms[content[0]]
    if opener == "please" or opener in words["imperatives"]:
        return "request"
    pair = " ".join(norms[i] for i in content[:2])
    if pair in words["request_openers"]:
        return "request"
    return "statement"


def _about(norms: Sequence[str], first: int, end: int, words: dict[str, Any]) -> Iterable[str]:
    for i in range(first, end):
        word = norms[i]
        if word in words["reader"]:
            yield "reader"
        elif word in words["brand"]:
            yield "brand"
        elif word in words["third_party"]:
            yield "third_party"
        elif word in words["they"]:
            yield "they"
        elif word in words["stand_ins"] or (
            word == "some" and i + 1 < end and norms[i + 1] in words["group_nouns"]
        ):
            yield "reader"  # "someone", "some people": the reader, not named
            yield "group"


def _negation_scope(
    norms: Sequence[str], first: int, end: int, words: dict[str, Any]
) -> Iterable[int]:
    """Tokens a negation cue governs: up to six words after it, to the end of its clause."""
    i = first
    while i < end:
        if norms[i] in words["negators"]:
            j, counted = i + 1, 0
            while j < end and counted < 6:
                if norms[j] in words["clause_breaks"]:
                    break
                if norms[j].strip():
                    counted += 1
                yield j
                j += 1
        i += 1


def _proportion(norms: Sequence[str], after: int, end: int, words: Mapping[str, Any]) -> bool:
    """Whether "of" follows a marker: "100% of the profits" is a share, not a certainty; but
    "100% of our students" is every one of them (``all_of_people``)."""
    if not (after < end and norms[after] == "of"):
        return False
    return not any(
        norms[i] in words["all_of_people"] for i in range(after + 1, min(end, after + 4))
    )


@cache
def phrase_list(name: str) -> PhraseList:
    """A phrase class of ``lexicons/analysis.yaml`` (certainty and hedge phrases: "every time",
    "results vary"), matched on lemmas by the one matcher engine."""
    return PhraseList(sorted(lexicon()[name]), name=f"analysis:{name}")


@dataclass(frozen=True)
class Customer:
    """What the customer's message says: its routing intents (from the routing lexicon), its
    valence, and whether it complains (an intent, a negative feeling, or a negative word)."""

    analysis: TextAnalysis
    intents: frozenset[str]

    @cached_property
    def valence(self) -> float:
        return self.analysis.valence

    @cached_property
    def complaint(self) -> bool:
        if self.intents or self.valence <= -0.05:
            return True
        if any(s.negative_words or s.negative for s in self.analysis.sentences):
            return True
        # a price called a rip-off: words VADER scores neutral, unless denied ("not a rip-off")
        for span in phrase_list("grievances").find(self.analysis.doc):
            sentence = self.analysis.sentence_at(span.first)
            if sentence is None or span.first not in sentence.negated:
                return True
        return grievance_marks(self.analysis)


def grievance_marks(analysis: TextAnalysis) -> bool:
    """Marks of a complaint in words VADER scores neutral: a message shouted (most of its words,
    at least four, in capitals: "THIS IS THE THIRD TIME MY BROADBAND HAS GONE DOWN"), indignant
    punctuation ("?!", "!?"), a price questioned ("$90 for this?", "costs $25??"), an excess
    ("way too firm", "too small"), or a failure counted ("the third time this week")."""
    doc = analysis.doc
    table = tokens(doc)
    texts, norms = table.texts, table.norms
    letters = [t for t in texts if sum(c.isalpha() for c in t) >= 2]
    capitals = [t for t in letters if t.isupper()]
    if len(capitals) >= 4 and len(capitals) >= 0.6 * len(letters):
        return True
    text = analysis.text
    if "?!" in text or "!?" in text:
        return True
    for first, end, start, stop in analysis.bounds:  # the analysis' one split, not another
        said = [n for n in norms[first:end] if n.strip()]
        if not said:
            continue
        marks = "".join(said).count("?")
        priced = MONEY.search(text[start:stop])
        if priced and (marks >= 2 or (marks and _for_this(said))):
            return True  # "$90 for this?", "shipping costs $25??"
        for k, word in enumerate(said[:-1]):
            following = said[k + 1]
            if word == "too" and following.isalpha() and following not in NOT_EXCESS and not marks:
                return True  # "way too firm"; "is it too big for a toddler?" asks
            if word in ORDINALS and following in {"time", "times"}:
                return True  # "the third time this week"
    return False


def _for_this(said: list[str]) -> bool:
    return any(
        w == "for" and k + 1 < len(said) and said[k + 1] in {"this", "that", "a", "an", "one"}
        for k, w in enumerate(said)
    )


# "too" before these is no excess: "me too", "too bad" (VADER scores it), "too good to miss"
NOT_EXCESS = frozenset({"good", "cute", "kind", "sweet", "funny", "lol", "haha", "bad"})
ORDINALS = frozenset(
    {"second", "third", "fourth", "fifth", "sixth", "nth", "2nd", "3rd", "4th", "5th", "6th"}
)
