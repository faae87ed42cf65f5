"""The one spaCy pipeline and the matchers compiled from rules; the only module that imports spaCy.

The pipeline is a blank English tokenizer plus a lemma component fed by lemminflect's dictionary,
so nothing is downloaded at run time and rules match inflections ("cure" finds "cures", "cured").
Rules do not hold matchers of their own: each registers its phrases and token patterns in a
``MatcherBank``, which runs one PhraseMatcher per attribute and one Matcher over a post's Doc.
"""

from __future__ import annotations

import re
import re._constants as _sre  # the parsed form of a regular expression, to refuse slow ones
import re._parser as _sre_parser
import sys
import types
from bisect import bisect_left
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from voicelint.fold import (
    HYPHENS,
    WordView,
    fold_ascii,
    fold_parts,
    fold_word,
    is_gap,
    view_words,
)
from voicelint.wordtable import WordTable
from voicelint.wordtable import table as word_table

# spaCy and lemminflect are imported when first needed, not with this module: importing spaCy
# takes about a second, and a run answered from the cache never needs it.
if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.matcher import Matcher
    from spacy.tokens import Doc

# Token attributes that need a trained tagger or parser; the default pipeline has none, so a
# pattern using them would silently never match.
TRAINED_ATTRIBUTES = frozenset(
    {"POS", "TAG", "DEP", "MORPH", "ENT_TYPE", "ENT_IOB", "ENT_ID", "SENT_START"}
)
PHRASE_ATTRIBUTES = ("LEMMA", "LOWER", "ORTH")
# What rules write as LOWER is matched on NORM, which our lemma component sets to the lower-cased
# word folded for matching (voicelint.fold).
_MATCH_ATTR = {"LOWER": "NORM"}


class PatternError(ValueError):
    """A token pattern that spaCy refuses, with spaCy's reason."""


def _tabled(word: str) -> WordTable | None:
    """The shipped word table, when it can answer for this word (voicelint.wordtable)."""
    if word != word.lower() or " " in word or "\t" in word or "\n" in word:
        return None
    return word_table()


@lru_cache(maxsize=200_000)
def lemma_of(lower: str) -> str:
    """The lemma of a lower-cased word, preferring verb then noun readings.

    Adjective and adverb readings are never used: "best" must not become "good", or a rule about
    "best" would fire on "good". Words the dictionary lacks keep their form, except plural-looking
    ones, which get lemminflect's noun rules ("ads" -> "ad"). Read from the shipped word table
    when it answers (the same answers: voicelint.wordtable).
    """
    if not lower.isalpha():
        return lower
    known = _tabled(lower)
    if known is None:
        return lemma_of_live(lower)
    if lower in known.words:
        return known.lemmas.get(lower, lower)
    return _unknown_word_lemma(lower)


def lemma_of_live(lower: str) -> str:
    """``lemma_of`` asked of lemminflect itself."""
    if not lower.isalpha():
        return lower
    from lemminflect import getAllLemmas

    lemmas = getAllLemmas(lower)
    for upos in ("VERB", "AUX", "NOUN"):
        if upos in lemmas:
            return lemmas[upos][0]
    if not lemmas:
        return _unknown_word_lemma(lower)
    return lower


def _unknown_word_lemma(lower: str) -> str:
    """The lemma of a word the dictionary lacks: its form, or the noun rules' for a plural."""
    if len(lower) > 3 and lower.endswith("s") and not lower.endswith("ss"):
        from lemminflect import getAllLemmasOOV

        oov = getAllLemmasOOV(lower, "NOUN").get("NOUN")
        if oov:
            return oov[0]
    return lower


@lru_cache(maxsize=50_000)
def is_dictionary_word(lower: str) -> bool:
    """Whether a lower-cased word is in the English dictionary (acronyms and tickers are not)."""
    known = _tabled(lower)
    if known is None:
        return is_dictionary_word_live(lower)
    return lower in known.words


def dictionary_keys() -> set[str]:
    """Every word lemminflect's lemma dictionary and its overrides hold (for voicelint.wordtable)."""
    from lemminflect.core.Lemmatizer import Lemmatizer

    lemmatizer = Lemmatizer()
    return set(lemmatizer._getLemmaDict()) | set(lemmatizer._getOverridesDict())


def is_dictionary_word_live(lower: str) -> bool:
    """``is_dictionary_word`` asked of lemminflect itself."""
    from lemminflect import getAllLemmas

    return bool(getAllLemmas(lower))


# Characters a reader never sees: zero-width space, joiner and non-joiner, word joiner, BOM, soft
# hyphen, and the bidi embedding, override and isolate controls. Inside a word they must not hide
# it ("cu\u200bres"): the fold step (voicelint.fold) drops them, with every other format character,
# combining mark and look-alike letter, from the form the matchers read; offsets still index the
# original.
INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


TOKENS_KEY = "voicelint.tokens"


@dataclass(frozen=True)
class TokenTable:
    """A Doc's tokens read once into plain lists: reading a spaCy Token costs about a microsecond,
    and the checks read each post's words many times."""

    texts: list[str]
    lowers: list[str]
    norms: list[str]
    lemmas: list[str]


def tokens(doc: Doc) -> TokenTable:
    """The Doc's token table, made by the pipeline (or now, for a Doc made some other way)."""
    table = doc.user_data.get(TOKENS_KEY)
    if table is None:
        table = doc.user_data[TOKENS_KEY] = TokenTable(
            [t.text for t in doc], [t.lower_ for t in doc], [t.norm_ for t in doc],
            [t.lemma_ for t in doc],
        )  # fmt: skip
    return table


VIEW_KEY = "voicelint.view"


# What the lemma component computes for a word, by the word's ORTH hash: its text, lower case,
# fold, lemma, the hashes of the last two, and whether it is all look-alike letters. A post's words
# are mostly words seen before, so each word type is folded and lemmatised once per process.
_WORDS: dict[int, tuple[str, str, str, str, int, int, bool]] = {}
_WORDS_MAX = 200_000


def _word(orth: int, doc: Doc) -> tuple[str, str, str, str, int, int, bool]:
    entry = _WORDS.get(orth)
    if entry is None:
        if len(_WORDS) > _WORDS_MAX:
            _WORDS.clear()
        strings = doc.vocab.strings
        text = strings[orth]
        lower = doc.vocab[orth].lower_
        skeleton = False
        if text.isascii():
            norm = fold_ascii(lower)
            if norm == "nt":
                norm = (
                    "n't"  # "wasnt", "cant", "didnt" split as "was" + "nt": the clitic, typed bare
                )
        else:
            norm, parts_skeleton = fold_parts(text)
            skeleton = parts_skeleton is not None
        lemma = lemma_of(norm)
        entry = _WORDS[orth] = (
            text, lower, norm, lemma, strings.add(norm), strings.add(lemma), skeleton
        )  # fmt: skip
    return entry


def _set_lemmas(doc: Doc) -> Doc:
    # NORM is what rules call LOWER: the word folded for matching (voicelint.fold): lower-cased,
    # NFKC-normalised, without invisible characters or combining marks, look-alikes made Latin.
    # Each word type is worked out once (_word); NORM and LEMMA are written in one call.
    import numpy
    from spacy.attrs import LEMMA, NORM, ORTH

    known = _WORDS.get
    entries = [known(orth) or _word(orth, doc) for orth in doc.to_array(ORTH).tolist()]
    texts = [entry[0] for entry in entries]
    lowers = [entry[1] for entry in entries]
    norms = [entry[2] for entry in entries]
    lemmas = [entry[3] for entry in entries]
    hashes = [entry[4:6] for entry in entries]
    # words all of look-alike letters: Latin only among Latin words
    skeletons = [index for index, entry in enumerate(entries) if entry[6]]
    if hashes:
        doc.from_array([NORM, LEMMA], numpy.array(hashes, dtype="uint64"))
    if skeletons and _latin_context(texts, norms):
        for index in skeletons:
            norm = fold_word(texts[index], latin_context=True)
            doc[index].norm_ = norms[index] = norm
            doc[index].lemma_ = lemmas[index] = lemma_of(norm)
    doc.user_data[TOKENS_KEY] = TokenTable(texts, lowers, norms, lemmas)
    return doc


def _latin_context(texts: list[str], folded_words: list[str]) -> bool:
    """Whether most words with letters are written in Latin letters (after folding the mixed ones):
    only then is a word made all of look-alikes ("сор") read as the Latin word it resembles."""
    latin = other = 0
    for text, folded in zip(texts, folded_words, strict=True):
        if not any(c.isalpha() for c in text):
            continue
        if folded.isascii():
            latin += 1
        else:
            other += 1
    return latin > other


def word_view(doc: Doc) -> WordView | None:
    """The words the matchers read, or None when they are the Doc's own tokens.

    Whitespace runs, emoji and lone hyphens between words are left out and spaced-out letters
    joined (voicelint.fold), so "guaranteed\n  returns" or "g u a r a n t e e d" still match.
    """
    if VIEW_KEY in doc.user_data:
        return doc.user_data[VIEW_KEY]
    table = tokens(doc)
    texts = table.texts
    gaps = [t in HYPHENS or t.isspace() or (not t.isascii() and is_gap(t)) for t in texts]
    view = None
    spelled = _has_letter_run(table.norms, gaps)
    if spelled or (True in gaps and _joins_words(gaps, texts)):
        from spacy.attrs import SPACY
        from spacy.tokens import Doc as SpacyDoc

        spaces = [bool(s) for s in doc.to_array(SPACY).tolist()] if spelled else []
        words, norms, firsts, ends = view_words(texts, table.norms, spaces, gaps, spelled)
        lemmas = (
            [
                table.lemmas[first] if end == first + 1 else lemma_of(norm)
                for norm, first, end in zip(norms, firsts, ends, strict=True)
            ]
            if spelled
            else [table.lemmas[first] for first in firsts]
        )
        view_doc = SpacyDoc(doc.vocab, words=words, spaces=[True] * len(words), lemmas=lemmas)
        lowers = [w.lower() for w in words]
        for index, (lower, norm) in enumerate(zip(lowers, norms, strict=True)):
            if norm != lower:  # a word's NORM is its lower case unless folded
                view_doc[index].norm_ = norm
        view_doc.user_data[TOKENS_KEY] = TokenTable(words, lowers, norms, lemmas)
        view = WordView(view_doc, firsts, ends)
    doc.user_data[VIEW_KEY] = view
    return view


HASHTAGS_KEY = "voicelint.hashtags"
HASHTAG_PIECES = 4  # a hashtag is read as at most this many words
HASHTAG_MIN = 5  # shorter bodies ("#tbt", "#ootd") are abbreviations, not joined words
CAMEL = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")  # "ReverseDiabetes", "CBD", "2026"


def hashtags(doc: Doc) -> list[tuple[int, tuple[str, ...]]]:
    """The post's hashtags that join several words ("#reversediabetes", "#GuaranteedReturns",
    "#cancer_fighting"): the token index of each body and the words it joins (``split_hashtag``).

    The matchers read each besides the post's words (``MatcherBank``): "#paidpartnership" still
    matches as one word, and "#reversediabetes" also as "reverse diabetes"."""
    if HASHTAGS_KEY not in doc.user_data:
        texts = tokens(doc).texts
        doc.user_data[HASHTAGS_KEY] = [
            (i, pieces)
            for i in range(1, len(texts))
            if texts[i - 1] == "#"
            and len(texts[i]) >= HASHTAG_MIN
            and (pieces := split_hashtag(texts[i]))
        ]
    return doc.user_data[HASHTAGS_KEY]


def _piece_offsets(body: str, pieces: tuple[str, ...]) -> tuple[list[int], list[int]]:
    """Where each word of a hashtag starts and ends in its body (past any underscore)."""
    lower, starts, ends, at = body.lower(), [], [], 0
    for piece in pieces:
        at = lower.find(piece, at)
        starts.append(at)
        ends.append(at + len(piece))
        at += len(piece)
    return starts, ends


@lru_cache(maxsize=8192)
def split_hashtag(body: str) -> tuple[str, ...] | None:
    """The words a hashtag's body joins, or None when it is one word or does not split into
    dictionary words. Capitals and underscores mark the words where the writer gave them
    ("ReverseDiabetes", "cancer_fighting"); a body in one case is split into the fewest
    dictionary words (or spaCy's stop words: "photooftheday") of two letters or more, at most
    ``HASHTAG_PIECES``, the longest first word winning a tie ("neverlose": "never lose")."""
    if not body.replace("_", "").isalnum() or not any(c.isalpha() for c in body):
        return None
    parts = [p for p in body.split("_") if p]
    if len(parts) == 1 and not (body[1:].islower() or body.isupper()):
        parts = CAMEL.findall(body)  # "ReverseDiabetes"
    if 1 < len(parts) <= HASHTAG_PIECES and all(
        p.isupper() or p.isdigit() or is_dictionary_word(p.lower()) or p.lower() in stop_words()
        for p in parts
    ):
        return tuple(p.lower() for p in parts)
    lower = body.lower()
    if not lower.isalpha() or is_dictionary_word(lower):
        return None
    best = _fewest_words(lower)
    return best if best is not None and len(best) > 1 else None


def _fewest_words(lower: str) -> tuple[str, ...] | None:
    """The split of ``lower`` into the fewest dictionary words (see ``split_hashtag``)."""
    n = len(lower)
    # best[i]: the fewest words that spell lower[i:], or None
    best: list[tuple[str, ...] | None] = [None] * (n + 1)
    best[n] = ()
    for i in range(n - 2, -1, -1):
        for j in range(n, i + 1, -1):  # longest first word first
            rest = best[j]
            if rest is None or len(rest) >= HASHTAG_PIECES:
                continue
            word = lower[i:j]
            if not (is_dictionary_word(word) or word in stop_words()):
                continue
            candidate = (word, *rest)
            if best[i] is None or len(candidate) < len(best[i]):
                best[i] = candidate
    return best[0]


def _joins_words(gaps: list[bool], texts: list[str]) -> bool:
    """Whether some gap stands between two words (not after a full stop or before a comma): only
    then can leaving the gaps out make a phrase."""
    previous = False  # whether the last token that was not a gap has a letter or digit
    pending = False
    for gap, text in zip(gaps, texts, strict=True):
        if gap:
            pending = previous
            continue
        wordy = text.isalnum() or any(c.isalnum() for c in text)
        if pending and wordy:
            return True
        previous, pending = wordy, False
    return False


def _has_letter_run(norms: list[str], gaps: list[bool]) -> bool:
    """Three single letters in a row (gaps aside): maybe a word spelled out ("g u a r a n t e e d")."""
    run = 0
    for norm, gap in zip(norms, gaps, strict=True):
        if gap:
            continue
        if len(norm) > 2:
            run = 0
            continue
        single = (len(norm) == 1 and norm.isalpha()) or (
            len(norm) == 2 and norm[1] == "." and norm[0].isalpha()
        )
        run = run + 1 if single else 0
        if run >= 3:
            return True
    return False


def like_num(word: str) -> bool:
    """Whether a word reads as a number ("12", "twelve", "1,000", "third"): spaCy's own English
    reading (``spacy.lang.en.lex_attrs.like_num``), imported here as every spaCy import is."""
    from spacy.lang.en.lex_attrs import like_num as spacy_like_num

    return bool(spacy_like_num(word))


def is_line_break(token: Any) -> bool:
    """A whitespace token holding a line break: LF, CRLF, or a lone CR (old Mac files)."""
    return token.is_space and ("\n" in token.text or "\r" in token.text)


def is_wrapped_line(doc: Doc, index: int) -> bool:
    """A single line break inside a sentence: the next line goes on with a lower-case word, as a
    YAML block scalar or a CSV cell wraps a long line ("our tea cures\ncolds")."""
    token = doc[index]
    breaks = token.text.count("\n") + token.text.replace("\r\n", "\n").count("\r")
    following = doc[index + 1] if index + 1 < len(doc) else None
    return breaks == 1 and following is not None and following.text[:1].islower()


def _import_spacy() -> None:
    """Import spaCy without its command line.

    ``spacy/__init__`` imports ``spacy.cli.info`` for ``spacy.info``, and with it the whole
    command line (typer, requests, the download and training commands): a seventh of spaCy's
    import time, for nothing this pipeline uses. While spaCy is imported, ``spacy.cli`` is an
    empty package and ``spacy.info`` a function that imports the real one when called; then the
    stand-ins are dropped, so ``import spacy.cli`` later gets the real command line.
    """
    if "spacy" in sys.modules:
        return
    cli = types.ModuleType("spacy.cli")
    cli.__path__ = []  # a package of nothing: no real submodule is found through it
    info = types.ModuleType("spacy.cli.info")

    def spacy_info(*args: Any, **kwargs: Any) -> Any:
        from spacy.cli.info import info as real

        return real(*args, **kwargs)

    info.info = spacy_info  # type: ignore[attr-defined]
    sys.modules["spacy.cli"], sys.modules["spacy.cli.info"] = cli, info
    try:
        import spacy
    finally:
        for name, stand_in in (("spacy.cli.info", info), ("spacy.cli", cli)):
            if sys.modules.get(name) is stand_in:
                del sys.modules[name]
    if getattr(spacy, "cli", None) is cli:
        del spacy.cli


@lru_cache(maxsize=1)
def pipeline() -> Language:
    """The shared pipeline, built once per process."""
    _import_spacy()
    import spacy
    from spacy.language import Language

    Language.component("voicelint_lemmas", func=_set_lemmas)
    nlp = spacy.blank("en")
    # spaCy's limit guards the memory of a parser and NER, which this pipeline does not have; the
    # readers already refuse files over 50 MiB.
    nlp.max_length = 60 * 1024 * 1024
    # a measure glued to its number is two words, as spaCy already splits "10kg" and "5km":
    # "lose 10lbs", "in 3hrs" (spaCy's unit list leaves out the plurals and abbreviations)
    suffixes = [*nlp.Defaults.suffixes, GLUED_UNITS]
    nlp.tokenizer.suffix_search = spacy.util.compile_suffix_regex(suffixes).search
    nlp.add_pipe("voicelint_lemmas")
    return nlp


GLUED_UNITS = r"(?<=[0-9])(?:lbs|kgs|kilos|hrs|mins|secs|yrs|wks|mths|mos|inches)"


TEXT_KEY = "voicelint.text"


def parse(text: str) -> Doc:
    doc = pipeline()(text)
    doc.user_data[TEXT_KEY] = text  # spaCy's tokenizer keeps every character: Doc.text == text
    return doc


def doc_text(doc: Doc) -> str:
    """The Doc's text, kept once per Doc: ``Doc.text`` joins every token again on each call (a
    spaCy Token object made for each), and the checks ask for it many times per post."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


@dataclass(frozen=True)
class Match:
    """A matched stretch of a post: character offsets and token indices."""

    start: int
    end: int
    first_token: int
    end_token: int


@dataclass(frozen=True)
class _GatedPattern:
    """One token pattern and what a Doc must contain before it can match.

    ``sets`` holds the bank's bits (``MatcherBank._set_bits``) of the word sets of its required
    tokens that name their words: one word of each must be in the Doc; ``regexes`` the bits
    (``MatcherBank._regex_bits``) of the regular expressions some word of the Doc must satisfy.
    """

    key: str
    pattern: list[dict[str, Any]]
    sets: int = 0
    regexes: int = 0
    literal: bool = False  # names only words: matched on the word view alone (see run)

    def may_match(self, met: int, found: int) -> bool:
        """``met``: the bits of the word sets the Doc's words meet; ``found``: the bits of the
        expressions some word of the Doc satisfies."""
        return met & self.sets == self.sets and found & self.regexes == self.regexes


# Whether a gate's REGEX finds a word is remembered per word type, for at most this many words.
_SEARCHED_MAX = 100_000


class MatcherBank:
    """Every phrase list and token pattern of one policy, matched in one pass per Doc."""

    # spaCy's Matcher costs a few microseconds per pattern per Doc whether or not it matches, so
    # each token pattern runs only on Docs that contain every word it requires; the patterns that
    # may match are compiled together, once per combination seen (most posts need none).
    MATCHER_CACHE = 2048

    def __init__(self) -> None:
        nlp = pipeline()  # imports spaCy (without its command line) first
        from spacy.matcher import PhraseMatcher

        self._vocab = nlp.vocab
        self._phrase = {
            attr: PhraseMatcher(nlp.vocab, attr=_MATCH_ATTR.get(attr, attr))
            for attr in PHRASE_ATTRIBUTES
        }
        self._used_attrs: set[str] = set()
        self._gap_phrase: dict[str, Any] = {}  # PhraseMatchers of phrases of emoji or hyphens only
        self._patterns: list[_GatedPattern] = []
        self._by_anchor: dict[str, list[int]] = {}  # word -> patterns that need it
        self._always: list[int] = []  # patterns no word can rule out
        # each gate's REGEX (what a pattern's word must satisfy) has a bit; a word's bits say
        # which it satisfies, worked out once per word type (a post's words are mostly known)
        self._regex_bits: dict[Any, int] = {}
        self._regex_found: dict[str, int] = {}
        # each word set a pattern needs has a bit too, and each word the bits of the sets it is
        # in: a Doc's words meet a set when the OR of their bits holds the set's bit
        self._set_bits: dict[frozenset[str], int] = {}
        self._word_sets: dict[str, int] = {}
        # what the phrases and patterns match in each hashtag split seen ("reverse diabetes")
        self._hashtag_cache: dict[tuple[str, ...], tuple[tuple[int, int, int], ...]] = {}
        self._matchers: OrderedDict[tuple[int, ...], Matcher] = OrderedDict()
        self._count = 0
        self._shared: dict[str, str] = {}

    @property
    def size(self) -> int:
        """How many phrase lists and pattern sets the bank holds."""
        return self._count

    def _new_key(self, name: str) -> str:
        self._count += 1
        return f"{name}#{self._count}"

    def add_phrases(self, name: str, phrases: Iterable[str], attr: str = "LEMMA") -> str:
        """Register phrases under a new key; returns the key to look the matches up by."""
        self._hashtag_cache.clear()  # what a hashtag matches may change
        if attr not in PHRASE_ATTRIBUTES:
            raise ValueError(f"unknown phrase attribute {attr}")
        key = self._new_key(name)
        docs = []
        for doc in pipeline().pipe([p for p in phrases if p.strip()]):
            view = word_view(doc)
            if view is None:
                docs.append(doc)
            elif len(view.doc):
                docs.append(view.doc)  # matched as the fold step reads a post: see word_view
            else:  # nothing but emoji or hyphens: matched on the post's own tokens
                self._gap_phrase_matcher(attr).add(key, [doc])
        if attr == "LEMMA":
            # A word written as a verb form means that form ("lit" is not "light", "guaranteed" is
            # not "guarantee"); those phrases match word by word, the rest by lemma.
            as_written = [doc for doc in docs if any(is_verb_form(t.norm_) for t in doc)]
            docs = [doc for doc in docs if doc not in as_written]
            if as_written:
                patterns = [
                    [
                        {"NORM": t.norm_} if is_verb_form(t.norm_) else {"LEMMA": t.lemma_}
                        for t in doc
                    ]
                    for doc in as_written
                ]
                self._add_gated(key, patterns)
        if docs:
            self._phrase[attr].add(key, docs)
            self._used_attrs.add(attr)
        return key

    def _gap_phrase_matcher(self, attr: str) -> Any:
        from spacy.matcher import PhraseMatcher

        if attr not in self._gap_phrase:
            self._gap_phrase[attr] = PhraseMatcher(self._vocab, attr=_MATCH_ATTR.get(attr, attr))
        return self._gap_phrase[attr]

    def shared_phrases(self, name: str, phrases: Iterable[str], attr: str = "LEMMA") -> str:
        """Like add_phrases, but registered once per bank however many rules ask (disclaimers...)."""
        if name not in self._shared:
            self._shared[name] = self.add_phrases(name, phrases, attr)
        return self._shared[name]

    def add_patterns(self, name: str, patterns: Sequence[Sequence[dict[str, Any]]]) -> str:
        """Register spaCy token patterns under a new key; raises PatternError if spaCy refuses."""
        self._hashtag_cache.clear()  # what a hashtag matches may change
        for pattern in patterns:
            for token_spec in pattern:
                if not isinstance(token_spec, dict):
                    raise PatternError(
                        f"each token in a pattern must be a mapping, got {token_spec!r}"
                    )
                if _has_boolean_word(token_spec):
                    raise PatternError(
                        "a word in the pattern was read by YAML as true/false: "
                        'quote yes, no, on and off, e.g. {LOWER: "off"}'
                    )
                for regex in _regexes(token_spec):
                    problem = regex_problem(regex)
                    if problem:
                        raise PatternError(problem)
                trained = TRAINED_ATTRIBUTES.intersection(str(k).upper() for k in token_spec)
                if trained:
                    raise PatternError(
                        f"{', '.join(sorted(trained))} needs a trained spaCy model, which the default "
                        "pipeline does not have; use LEMMA, LOWER, ORTH, TEXT, SHAPE, IS_* or LIKE_*"
                    )
        from spacy.matcher import Matcher

        key = self._new_key(name)
        try:
            lemmatized = [[_lemmatized(t) for t in p] for p in patterns]
            Matcher(self._vocab, validate=True).add(key, lemmatized)  # spaCy's own checks
        except (ValueError, KeyError, TypeError) as error:
            raise PatternError(_first_line(str(error))) from None
        # spaCy runs REGEX with Python's re, which can take exponential time; each REGEX becomes
        # a test of which RE2 expressions the token's word satisfies (linear time, see safe_regex).
        linear = [[_through_re2(t) for t in p] for p in lemmatized]
        try:
            Matcher(self._vocab, validate=True).add(key, linear)
        except (ValueError, KeyError, TypeError) as error:
            raise PatternError(_first_line(str(error))) from None
        self._add_gated(key, linear, lemmatized)
        return key

    def _add_gated(
        self,
        key: str,
        patterns: list[list[dict[str, Any]]],
        written: list[list[dict[str, Any]]] | None = None,
    ) -> None:
        """Index patterns by the words they need; ``written`` holds the same patterns as the rule
        wrote them (with REGEX), which say what they need."""
        stop_words = pipeline().Defaults.stop_words
        for pattern, as_written in zip(patterns, written or patterns, strict=True):
            needs = tuple(n for t in as_written if (n := _token_need(t)) is not None)
            index = len(self._patterns)
            word_sets = tuple(n for n in needs if isinstance(n, frozenset))
            sets = 0
            for need in word_sets:
                bit = self._set_bits.get(need)
                if bit is None:
                    bit = self._set_bits[need] = 1 << len(self._set_bits)
                    for word in need:
                        self._word_sets[word] = self._word_sets.get(word, 0) | bit
                sets |= bit
            regexes = 0
            for regex in (n for n in needs if not isinstance(n, frozenset)):
                if regex not in self._regex_bits:
                    self._regex_bits[regex] = 1 << len(self._regex_bits)
                    self._regex_found.clear()  # each word's bits lack the new expression's
                regexes |= self._regex_bits[regex]
            self._patterns.append(_GatedPattern(key, pattern, sets, regexes, _names_words(pattern)))
            if not word_sets:
                self._always.append(index)
                continue
            # index the pattern by its rarest word set: no stop words if possible, then words
            # rather than marks (".", "!", "#" end or open most posts' sentences), then fewest;
            # which set it is changes no match: a pattern runs only once all its sets are met
            anchor = min(
                word_sets,
                key=lambda w: (bool(w & stop_words), not any(v[:1].isalnum() for v in w), len(w)),
            )
            for word in anchor:
                self._by_anchor.setdefault(word, []).append(index)

    def _matcher_for(self, indices: tuple[int, ...]) -> Matcher:
        matcher = self._matchers.get(indices)
        if matcher is None:
            from spacy.matcher import Matcher

            matcher = Matcher(self._vocab)
            for index in indices:
                gated = self._patterns[index]
                matcher.add(gated.key, [gated.pattern])
            self._matchers[indices] = matcher
            if len(self._matchers) > self.MATCHER_CACHE:
                self._matchers.popitem(last=False)
        else:
            self._matchers.move_to_end(indices)
        return matcher

    def run(self, doc: Doc) -> dict[str, list[Match]]:
        """All matches in a Doc by key, each key's list sorted by position.

        Phrases are matched on the words the fold step leaves (``word_view``); token patterns on
        those words and on the Doc's own tokens (a pattern may name a hyphen or an emoji).
        """
        found: dict[str, list[Match]] = {}
        strings = self._vocab.strings
        for match_id, first, end in self._spans(doc):
            last = doc[end - 1]
            found.setdefault(strings[match_id], []).append(
                Match(doc[first].idx, last.idx + len(last.text), first, end)
            )
        for match_id, match in self._hashtag_matches(doc):
            matches = found.setdefault(strings[match_id], [])
            if match not in matches:
                matches.append(match)
        for matches in found.values():
            matches.sort(key=lambda m: (m.start, -m.end))
        return found

    def run_tokens(self, doc: Doc) -> dict[str, list[tuple[int, int]]]:
        """Like ``run``, token ranges only (no character offsets: reading a token is slow)."""
        found: dict[str, list[tuple[int, int]]] = {}
        strings = self._vocab.strings
        for match_id, first, end in self._spans(doc):
            found.setdefault(strings[match_id], []).append((first, end))
        for match_id, match in self._hashtag_matches(doc):
            ranges = found.setdefault(strings[match_id], [])
            if (match.first_token, match.end_token) not in ranges:
                ranges.append((match.first_token, match.end_token))
        for ranges in found.values():
            ranges.sort(key=lambda r: (r[0], -r[1]))
        return found

    def _spans(self, doc: Doc) -> set[tuple[int, int, int]]:
        """(match id, first token, end token) of every match in the Doc."""
        view = word_view(doc)
        target = view.doc if view is not None else doc
        raw: list[tuple[int, int, int]] = []
        viewed: list[tuple[int, int, int]] = []
        into = viewed if view is not None else raw
        for attr in self._used_attrs:
            into.extend(self._phrase[attr](target))
        for matcher in self._gap_phrase.values():
            raw.extend(matcher(doc))
        if self._patterns:
            table = tokens(doc)
            words = frozenset(table.norms).union(table.lemmas)
            texts = words.union(table.texts)
            if view is not None:
                seen = tokens(view.doc)
                words = words.union(seen.norms, seen.lemmas)
                texts = texts.union(words, seen.texts)
            candidates = set(self._always)
            by_anchor = self._by_anchor
            for word in by_anchor.keys() & words:  # the post's anchors, by set intersection
                candidates.update(by_anchor[word])
            if candidates:
                met, satisfied = self._sets_met(words), self._regexes_found(texts)
                viable = tuple(
                    i for i in sorted(candidates) if self._patterns[i].may_match(met, satisfied)
                )
                if viable and view is None:
                    raw.extend(self._matcher_for(viable)(doc))
                elif viable:
                    # every pattern on the word view; those that may name a gap (a hyphen, an
                    # emoji, a space) or use a predicate also on the Doc's own tokens
                    viewed.extend(self._matcher_for(viable)(view.doc))
                    own = tuple(i for i in viable if not self._patterns[i].literal)
                    if own:
                        raw.extend(self._matcher_for(own)(doc))
        spans = {(match_id, first, end) for match_id, first, end in raw}
        if view is not None:
            spans.update(
                (match_id, view.firsts[first], view.ends[end - 1])
                for match_id, first, end in viewed
            )
        return spans

    def _sets_met(self, words: frozenset[str]) -> int:
        """The bits of the patterns' word sets (``_set_bits``) that some of the words are in."""
        met = 0
        word_sets = self._word_sets
        for word in words & word_sets.keys():
            met |= word_sets[word]
        return met

    def _regexes_found(self, texts: Iterable[str]) -> int:
        """The bits of the gates' expressions (``_regex_bits``) that some of the texts satisfy."""
        if not self._regex_bits:
            return 0
        known = self._regex_found
        if len(known) > _SEARCHED_MAX:
            known.clear()
        found = 0
        for text in texts:
            bits = known.get(text)
            if bits is None:
                bits = known[text] = sum(
                    bit for regex, bit in self._regex_bits.items() if regex.search(text) is not None
                )
            found |= bits
        return found

    def _hashtag_matches(self, doc: Doc) -> list[tuple[int, Match]]:
        """(match id, match) of every phrase and pattern matched inside a hashtag that joins words
        ("#reversediabetes" read as "reverse diabetes": ``hashtags``), at the characters of the
        words matched; the token is the hashtag's body. Worked out once per split a bank meets."""
        found: list[tuple[int, Match]] = []
        for i, pieces in hashtags(doc):
            known = self._hashtag_cache.get(pieces)
            if known is None:
                if len(self._hashtag_cache) > self.MATCHER_CACHE * 16:
                    self._hashtag_cache.clear()
                known = self._hashtag_cache[pieces] = tuple(self._matched_words(pieces))
            if not known:
                continue
            token = doc[i]
            starts, ends = _piece_offsets(token.text, pieces)
            found += [
                (match_id, Match(token.idx + starts[a], token.idx + ends[b - 1], i, i + 1))
                for match_id, a, b in known
            ]
        return found

    def _matched_words(self, pieces: tuple[str, ...]) -> list[tuple[int, int, int]]:
        """Every phrase and token pattern matched on a Doc of plain words (a hashtag's words)."""
        from spacy.tokens import Doc as SpacyDoc

        lemmas = [lemma_of(w) for w in pieces]
        words_doc = SpacyDoc(
            self._vocab, words=list(pieces), spaces=[True] * len(pieces), lemmas=lemmas
        )
        words_doc.user_data[TOKENS_KEY] = TokenTable(
            list(pieces), list(pieces), list(pieces), lemmas
        )
        found: list[tuple[int, int, int]] = []
        for attr in self._used_attrs:
            found.extend(self._phrase[attr](words_doc))
        for matcher in self._gap_phrase.values():
            found.extend(matcher(words_doc))
        if self._patterns:
            words = frozenset(pieces).union(lemmas)
            candidates = set(self._always)
            for word in self._by_anchor.keys() & words:
                candidates.update(self._by_anchor[word])
            met, satisfied = self._sets_met(words), self._regexes_found(words)
            viable = tuple(
                i for i in sorted(candidates) if self._patterns[i].may_match(met, satisfied)
            )
            if viable:
                found.extend(self._matcher_for(viable)(words_doc))
        return found


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """spaCy's English stop words ("if", "when", "the"), read when first asked for."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


@dataclass(frozen=True)
class Span:
    """Tokens ``[first, end)`` of a Doc that a phrase matched."""

    first: int
    end: int


LEXICON_MATCHES_KEY = "voicelint.lexicon.matches"


@lru_cache(maxsize=1)
def lexicon_bank() -> MatcherBank:
    """The bank that holds the built-in word lists (care phrases, certainty and hedge phrases,
    topic words): one per process, run once per Doc, matching as a rule's phrases match."""
    return MatcherBank()


class PhraseList:
    """A built-in phrase list, matched by the one matcher engine (``MatcherBank``) as a rule's
    phrases are: ``lemma`` phrases on lemmas ("charge" finds "charged"; a phrase written with a
    verb form means that form), ``exact`` phrases on the folded lower-case word, both on the words
    the fold step leaves ("ch4rge" is "charge"). The bank runs once per Doc for every list.
    """

    def __init__(
        self, lemma: Iterable[str] = (), exact: Iterable[str] = (), *, name: str = "lexicon"
    ) -> None:
        lists = tuple(tuple(str(p).lower() for p in ps if str(p).strip()) for ps in (lemma, exact))
        keys = _REGISTERED.get(lists)
        if keys is None:  # a list asked for again (each policy compiled) is registered once
            keys = _REGISTERED[lists] = _register(name, *lists)
        self._keys = keys

    @classmethod
    def of(cls, value: Any, name: str = "lexicon") -> PhraseList:
        """From a lexicon entry: a list (lemmas) or a mapping with ``lemma:`` and ``exact:`` lists."""
        if isinstance(value, dict):
            return cls(value.get("lemma") or (), value.get("exact") or (), name=name)
        return cls(value or (), name=name)

    def find(self, doc: Doc, first: int = 0, end: int | None = None) -> list[Span]:
        """The matches inside tokens ``[first, end)``, in text order (longer first at one start)."""
        spans = self._in_doc(doc)
        if end is None and first == 0:
            return list(spans)
        end = len(doc) if end is None else end
        found = []
        # sorted by start: bisect to the stretch, so many asks of one long post stay linear
        for k in range(bisect_left(spans, first, key=_span_first), len(spans)):
            span = spans[k]
            if span.first >= end:
                break
            if span.end <= end:
                found.append(span)
        return found

    def _in_doc(self, doc: Doc) -> tuple[Span, ...]:
        # checks ask one list about many stretches of a post: its spans are sorted once per Doc
        found, mine = _lexicon_matches(doc)
        spans = mine.get(self._keys)
        if spans is None:
            ranges = {r for key in self._keys for r in found.get(key, ())}
            spans = mine[self._keys] = tuple(
                Span(a, b) for a, b in sorted(ranges, key=lambda r: (r[0], -r[1]))
            )
        return spans

    def any_in(self, doc: Doc, first: int = 0, end: int | None = None) -> bool:
        return bool(self.find(doc, first, end))


def _span_first(span: Span) -> int:
    return span.first


_REGISTERED: dict[tuple[tuple[str, ...], ...], tuple[str, ...]] = {}


def _register(name: str, lemma: tuple[str, ...], exact: tuple[str, ...]) -> tuple[str, ...]:
    bank = lexicon_bank()
    keys = []
    for attr, written in (("LEMMA", lemma), ("LOWER", exact)):
        # a clitic on its own ("'ve", "'ll") is one token in a sentence, not in isolation
        clitics = [p for p in written if p.startswith("'") and " " not in p]
        whole = [p for p in written if p not in clitics]
        if attr == "LEMMA":
            # a built-in lemma list means every form of each word ("charged twice" finds "charge
            # twice"); the bank reads a verb form as that form, so the base form is added too
            whole += [b for b in (_base_form(p) for p in whole) if b not in whole]
        if whole:
            keys.append(bank.add_phrases(name, list(dict.fromkeys(whole)), attr))
        if clitics:
            keys.append(bank.add_patterns(name, [[{"LOWER": c}] for c in clitics]))
    return tuple(keys)


def _base_form(phrase: str) -> str:
    """The phrase with each verb form replaced by its lemma ("charged twice" -> "charge twice")."""
    return " ".join(lemma_of(w) if is_verb_form(w) else w for w in phrase.split())


def _lexicon_matches(
    doc: Doc,
) -> tuple[dict[str, list[tuple[int, int]]], dict[tuple[str, ...], tuple[Span, ...]]]:
    """The lexicon bank's matches in a Doc by key, run once (again only if a list was added
    since), and each list's spans as sorted so far."""
    bank = lexicon_bank()
    cached = doc.user_data.get(LEXICON_MATCHES_KEY)
    if cached is None or cached[0] != bank.size:
        cached = doc.user_data[LEXICON_MATCHES_KEY] = (bank.size, bank.run_tokens(doc), {})
    return cached[1], cached[2]


def _names_words(pattern: list[dict[str, Any]]) -> bool:
    """Whether every token of a pattern names its words (a string or an IN list), none a gap."""
    for token_spec in pattern:
        for key, value in token_spec.items():
            name = str(key).upper()
            if name == "OP":
                continue
            if name not in _WORD_ATTRIBUTES:
                return False
            values = value.get("IN") if isinstance(value, dict) and len(value) == 1 else [value]
            if not isinstance(values, list) or not all(
                isinstance(v, str) and v and not is_gap(v) for v in values
            ):
                return False
    return True


def longest_first(matches: Iterable[Match]) -> list[Match]:
    """Non-overlapping matches, longest first then earliest, returned in text order.

    The same rule as ``spacy.util.filter_spans``, applied to our Match values.
    """
    distinct = set(matches)
    if not distinct:
        return []  # most rules' matches in most posts: nothing to sort
    kept: list[Match] = []
    taken: set[int] = set()
    for match in sorted(
        distinct, key=lambda m: (m.end_token - m.first_token, -m.start), reverse=True
    ):
        tokens = range(match.first_token, match.end_token)
        if not taken.intersection(tokens):
            kept.append(match)
            taken.update(tokens)
    return sorted(kept, key=lambda m: m.start)


def token_texts(doc: Doc) -> list[tuple[str, int, int]]:
    """(text, start_char, end_char) of every token, for kinds that look at words one by one."""
    return [(t.text, t.idx, t.idx + len(t.text)) for t in doc]


def is_word(norm: str) -> bool:
    """A token that is a word or a number, not punctuation, a space or an emoji."""
    return norm[:1].isalnum()


def is_verb_form(lower: str) -> bool:
    """An inflected form other than a plural: "lit", "guaranteed", "cures" (as a verb), not "effects"."""
    lemma = lemma_of(lower)
    if lemma == lower or not lower.isalpha():
        return False
    plural = lower in {lemma + "s", lemma + "es", lemma[:-1] + "ies"}
    return not plural


_WORD_ATTRIBUTES = frozenset({"LOWER", "ORTH", "TEXT", "LEMMA", "NORM"})


def _token_need(token_spec: dict[str, Any]) -> frozenset[str] | Any | None:
    """What a Doc must contain for this token of a pattern to match, or None if it cannot say.

    Only required tokens (no OP, or "+") that name their words count: a string or an IN list (ORTH
    and TEXT compared case-insensitively here, which only lets more Docs through, never fewer), or
    a REGEX, tried on every word's text, lower-cased form and lemma.
    """
    if token_spec.get("OP", "1") not in ("1", "+"):
        return None
    for key, value in token_spec.items():
        if str(key).upper() not in _WORD_ATTRIBUTES:
            continue
        if isinstance(value, str):
            return frozenset({value.lower()})
        if isinstance(value, dict):
            if isinstance(value.get("IN"), list):
                return frozenset(str(v).lower() for v in value["IN"])
            if isinstance(value.get("REGEX"), str):
                return safe_regex(value["REGEX"])
    return None


def _lemmatized(token_spec: dict[str, Any]) -> dict[str, Any]:
    """LEMMA values put through our own lemmatizer, as the text is: LEMMA: packaging finds "packaging".

    LOWER becomes NORM, the word folded for matching (voicelint.fold).
    """
    spec = {("NORM" if str(k).upper() == "LOWER" else k): v for k, v in token_spec.items()}
    for key in [k for k in spec if str(k).upper() in ("LEMMA", "NORM")]:
        lemma = str(key).upper() == "LEMMA"

        def word(value: Any, lemma: bool = lemma) -> Any:
            if isinstance(value, bool) or not isinstance(value, str | int | float):
                return value
            folded = fold_word(str(value))
            return lemma_of(folded) if lemma else folded

        value = spec[key]
        if isinstance(value, str):
            spec[key] = word(value)
        elif isinstance(value, dict):
            spec[key] = {
                op: [word(v) for v in items] if isinstance(items, list) else items
                for op, items in value.items()
            }
    return spec


def _regexes(token_spec: dict[str, Any]) -> list[Any]:
    """The REGEX values of a token: {LOWER: {REGEX: ...}} or {REGEX: ...}."""
    found = [v for k, v in token_spec.items() if str(k).upper() == "REGEX"]
    for value in token_spec.values():
        if isinstance(value, dict):
            found += [v for k, v in value.items() if str(k).upper() == "REGEX"]
    return found


def regex_problem(regex: Any) -> str | None:
    """Why a rule's regular expression is refused, or None.

    Rules' expressions run with RE2 (``google-re2``), which takes time linear in the word whatever
    the expression, so no policy can hang a run; what RE2 cannot do in linear time (backreferences,
    lookahead and lookbehind) is refused. A repeat inside a repeat ("(a+)+") is refused as well:
    it is what makes such expressions slow elsewhere, and is always better written without.
    """
    if not isinstance(regex, str):
        return f"REGEX must be a string, got {regex!r}"
    try:
        parsed = _sre_parser.parse(regex)
    except re.error as error:
        return f'REGEX "{regex}" is not a valid regular expression: {error}'
    if _nested_repeat(parsed, inside=False):
        return (
            f'REGEX "{regex}" repeats a group that itself repeats, which can take exponential '
            'time on some words; write it without the nesting (e.g. "(ab)+" not "(a+b?)+")'
        )
    try:
        _re2_compile(regex)
    except ValueError as error:
        return (
            f'REGEX "{regex}" uses what a linear-time regex engine cannot run ({error}); '
            "write it without backreferences, lookahead or lookbehind"
        )
    return None


def safe_regex(regex: str) -> Any:
    """A rule's expression compiled with RE2 (linear time); ValueError if RE2 refuses it."""
    return _re2_compile(regex)


@lru_cache(maxsize=4096)
def _re2_compile(regex: str) -> Any:
    import re2

    options = re2.Options()
    options.log_errors = False  # RE2 would print its reason to stderr; ours is the one line
    try:
        return re2.compile(regex, options)
    except re2.error as error:
        reason = error.args[0] if error.args else error
        if isinstance(reason, bytes):
            reason = reason.decode("utf-8", "replace")
        raise ValueError(str(reason)) from None


# Each REGEX of a pattern, by key: which token attribute it reads and its RE2 form. The Matcher
# asks a token's ``voicelint_regex`` extension, the keys whose expression its word satisfies.
REGEX_EXTENSION = "voicelint_regex"
_REGEX_KEYS: dict[tuple[str, str], str] = {}
_REGEX_BY_KEY: dict[str, tuple[str, Any]] = {}
_REGEX_HITS: dict[tuple[str, str, str], tuple[str, ...]] = {}
# the Token attribute each pattern attribute reads (LOWER is already NORM here: see _lemmatized)
_READS = {"ORTH": "text", "TEXT": "text", "LOWER": "norm_"}


def _through_re2(token_spec: dict[str, Any]) -> dict[str, Any]:
    """A token spec whose REGEX predicates are asked of the RE2 extension instead of spaCy's re."""
    keys: list[str] = []
    spec: dict[str, Any] = {}
    for attr, value in token_spec.items():
        name = str(attr).upper()
        if name == "REGEX":
            keys.append(_regex_key("TEXT", value))
            continue
        if isinstance(value, dict) and any(str(k).upper() == "REGEX" for k in value):
            rest = {k: v for k, v in value.items() if str(k).upper() != "REGEX"}
            for k, v in value.items():
                if str(k).upper() == "REGEX":
                    keys.append(_regex_key(name, v))
            if rest:
                spec[attr] = rest
            continue
        spec[attr] = value
    if not keys:
        return token_spec
    _register_extension()
    extensions = dict(spec.get("_", {}))
    extensions[REGEX_EXTENSION] = {"IS_SUPERSET": sorted(set(keys))}
    spec["_"] = extensions
    return spec


def _regex_key(attr: str, regex: str) -> str:
    key = _REGEX_KEYS.get((attr, regex))
    if key is None:
        key = _REGEX_KEYS[(attr, regex)] = f"re{len(_REGEX_KEYS)}"
        _REGEX_BY_KEY[key] = (_READS.get(attr, attr.lower() + "_"), safe_regex(regex))
        _REGEX_HITS.clear()
    return key


def _regex_hits(token: Any) -> list[str]:
    words = (token.text, token.norm_, token.lemma_)  # every attribute a REGEX reads follows
    hits = _REGEX_HITS.get(words)
    if hits is None:
        if len(_REGEX_HITS) > _SEARCHED_MAX:
            _REGEX_HITS.clear()
        hits = _REGEX_HITS[words] = tuple(
            key
            for key, (attr, regex) in _REGEX_BY_KEY.items()
            if regex.search(str(getattr(token, attr))) is not None
        )
    return list(hits)


@lru_cache(maxsize=1)
def _register_extension() -> None:
    from spacy.tokens import Token

    if not Token.has_extension(REGEX_EXTENSION):
        Token.set_extension(REGEX_EXTENSION, getter=_regex_hits)


def _nested_repeat(parsed: Any, inside: bool) -> bool:
    for op, value in parsed:
        if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
            _low, high, body = value
            unbounded = high == _sre.MAXREPEAT or high > 16
            if (inside and unbounded) or _nested_repeat(body, inside or unbounded):
                return True
        elif any(_nested_repeat(child, inside) for child in _groups_in(op, value)):
            return True
    return False


def _groups_in(op: Any, value: Any) -> list[Any]:
    if op is _sre.SUBPATTERN:
        return [value[-1]]
    if op is _sre.BRANCH:
        return list(value[1])
    if op in (_sre.ASSERT, _sre.ASSERT_NOT):
        return [value[1]]
    return []


def _has_boolean_word(token_spec: dict[str, Any]) -> bool:
    """YAML 1.1 reads off, no, yes and on as booleans; in a text attribute that is never meant."""
    for key, value in token_spec.items():
        if str(key).upper() in {
            "OP",
            "IS_ALPHA",
            "IS_DIGIT",
            "IS_PUNCT",
            "IS_SPACE",
            "IS_TITLE",
            "IS_UPPER",
            "IS_LOWER",
            "LIKE_NUM",
            "LIKE_URL",
            "LIKE_EMAIL",
            "IS_STOP",
            "IS_SENT_START",
        } or str(key).upper().startswith("IS_"):
            continue
        values = (
            value.get("IN", []) + value.get("NOT_IN", []) if isinstance(value, dict) else [value]
        )
        if any(isinstance(v, bool) for v in values):
            return True
    return False


def _first_line(text: str) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return " ".join(lines[:3])[:300] if lines else "spaCy refused the pattern"


@lru_cache(maxsize=10_000)
def adjective_forms(lower: str) -> tuple[str, ...]:
    """The comparative and superlative of an adjective in its base form ("cheap": cheaper, cheapest).

    Only regular forms built on the word itself: "good" does not give "better" or "best", which a
    reader takes for other words (and lemma_of never maps "best" back to "good"). Read from the
    shipped word table when it answers (voicelint.wordtable).
    """
    if not lower.isalpha():
        return ()
    known = _tabled(lower)
    if known is None:
        return adjective_forms_live(lower)
    return known.adjective_forms.get(lower, ())


def adjective_forms_live(lower: str) -> tuple[str, ...]:
    """``adjective_forms`` asked of lemminflect itself."""
    if not lower.isalpha():
        return ()
    from lemminflect import getAllInflections, getAllLemmas

    if lower not in getAllLemmas(lower).get("ADJ", ()):
        return ()
    forms = getAllInflections(lower, "ADJ")
    found = [f for tag in ("JJR", "JJS") for f in forms.get(tag, ()) if f != lower]
    return tuple(f for f in found if f.startswith(lower[:-1]) and " " not in f)


# The learned draft classifier (voicelint.learned): a bag of words and word pairs over NORM (the
# folded lower case the rules match on, so "GUARANTEED" and "guaranteed" are one feature), hashed
# into a sparse linear layer with one logistic output per category: spaCy's TextCatBOW, on NORM
# instead of ORTH.
CLASSIFIER_ARCH = "voicelint.NormBOW.v1"


@lru_cache(maxsize=1)
def _register_classifier() -> None:
    _import_spacy()
    import spacy
    from spacy.attrs import NORM
    from spacy.ml.extract_ngrams import extract_ngrams
    from thinc.api import Logistic, SparseLinear_v2, chain, with_cpu

    @spacy.registry.architectures(CLASSIFIER_ARCH)
    def norm_bow(labels: int, ngram_size: int = 2, length: int = 262144) -> Any:
        sparse = SparseLinear_v2(nO=labels, length=length)
        model = chain(extract_ngrams(ngram_size, attr=NORM), sparse, Logistic())
        model = with_cpu(model, model.ops)
        model.attrs["multi_label"] = True
        model.set_ref("output_layer", sparse)
        return model


def text_classifier(labels: Sequence[str], length: int = 262144) -> Any:
    """A new, untrained multi-label text classifier on the shared pipeline's vocabulary (not
    added to the pipeline: it runs only when a rule asks, on the post's own Doc)."""
    _register_classifier()
    config = {"model": {"@architectures": CLASSIFIER_ARCH, "labels": len(labels), "length": length}}
    component = pipeline().create_pipe("textcat_multilabel", config=config)
    for label in labels:
        component.add_label(label)
    return component


def words_doc(words: list[str]) -> Doc:
    """A bare Doc of these words (no lemmas): what the classifier reads of a post or a sentence
    (``voicelint.learned.features``)."""
    from spacy.tokens import Doc as SpacyDoc

    return SpacyDoc(pipeline().vocab, words=words)


def classify(component: Any, docs: Sequence[Doc]) -> list[list[float]]:
    """Each Doc's score per label (0-1), in the component's label order."""
    if not docs:
        return []
    return [[float(x) for x in row] for row in component.predict(list(docs)).tolist()]
