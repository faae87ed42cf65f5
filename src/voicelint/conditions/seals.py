"""``seals``: the hit is a word that seals the statement it closes as certain ("Guaranteed.",
"..., every single time", "Always.", "Not once.", "Ever.", "Fact.", "No question.").

A certainty marker makes a claim with an outcome the claim grammar knows (``kinds/claim.py``);
a *seal* makes one of any statement, because it stands apart from the words it certifies: a
sentence of seal words alone after a statement ("Our plan keeps your home bug-free all year.
Guaranteed."), or "guaranteed" and "every time" closing a clause after a comma or a dash ("your
piano will arrive in perfect condition, guaranteed"), or "100% guaranteed" opening one ("100%
guaranteed they'll be gone in 48 hours", "Guaranteed to calm a teething baby"), or "guaranteed"
before a result noun ("guaranteed
results", "#GuaranteedGrades"). Such a statement promises a result for every customer on every
occasion: it needs proof that holds every time (FTC Policy Statement Regarding Advertising
Substantiation, 1984; CAP Code 3.7), and a guarantee must say what it covers and what the buyer
gets if it fails (FTC Guides for the Advertising of Warranties and Guarantees, 16 CFR 239.2).

Not a seal: one negated ("not guaranteed", "we can't guarantee"); a statement that is a question,
hedges ("we aim to", "usually", "up to") or has fewer than three words of its own ("Fresh bread,
every time"); a guarantee the statement itself turns into a remedy ("on time or your next hour is
free", "your money back") - the honest form of a guarantee; a rule the brand enforces ("we check
ID every time, it's the law"). A seal other than "guaranteed" needs a statement of a result: a
future, an absolute, a figure, a comparison, a superlative, a deadline or "bug-free"
(``sealed_degree``). Words in ``lexicons/claims/topics.yaml`` (``seal_words``, ``sealed_results``,
``remedies``, ``obligations``, ``sealed_degree``).
"""

from __future__ import annotations

import itertools
from functools import cache
from typing import Any

from voicelint.analysis import valence_of_word
from voicelint.care import NEGATORS
from voicelint.conditions.topics import lexicon as topics
from voicelint.nlp import PhraseList, is_word, split_hashtag, tokens

NAME = "seals"
VALUES = ()
CLAUSE_ENDS = frozenset({",", "-", "—", "–", ":", "...", "…"})
OPENERS = frozenset(  # what opens the clause "100% guaranteed" certifies
    {"they", "you", "your", "it", "we", "the", "our", "everything", "nothing", "every", "this"}
    | {"that", "these", "those", "he", "she", "yours", "no", "zero"}
)
STRONG = frozenset({"100", "%", "absolutely", "totally", "fully", "completely", "100%"})
MIN_WORDS = 3  # words of its own a sealed statement needs
FRAGMENTS = 2  # short sentences before a seal read together as one statement
GUARANTEES = frozenset({"guarantee", "guaranteed"})
TIME_UNITS = frozenset({"minute", "minutes", "hour", "hours", "day", "days", "week", "weeks"})


@cache
def _words() -> tuple[frozenset[str], frozenset[str], PhraseList, PhraseList, frozenset[str]]:
    data = topics()
    return (
        data["seal_words"],
        data["sealed_results"],
        data["remedies"],
        data["obligations"],
        data["sealed_degree"],
    )


def holds(view: Any, value: Any = None) -> bool:
    hit = view.tokens
    table = tokens(view.analysis.doc)
    norms = table.norms
    if hit.start > 0 and norms[hit.start - 1] == "#":
        return _hashtag(norms[hit.start])  # "#GuaranteedResults"
    seal_words, results = _words()[:2]
    seal = hit.stop - 1  # the seal word itself ("100% guaranteed" ends with it)
    guarantee = table.lemmas[seal] == "guarantee"
    alone = _seal_words_only([w for w in view.words if is_word(w)], seal_words)
    apart = hit.start > 0 and norms[hit.start - 1] in CLAUSE_ENDS
    if not (guarantee or alone or apart):
        return False  # "always", "ever", "every time" inside a sentence: read no further
    sentence = view.sentence
    if sentence is None:
        return False
    apart = apart and hit.start > sentence.first
    if hit.start in sentence.negated and not apart:
        return False  # "not guaranteed"; but "without a stain, guaranteed" seals the clause
    if alone:
        # a sentence of seal words alone certifies the statement before it ("Not one. Not ever."
        # looks past "Not one.")
        before = view.analysis.previous(sentence)
        if before is not None and _seal_only(before, norms, seal_words):
            before = view.analysis.previous(before)
        if before is None:
            return False
        first, current = before.first, before
        # a list of fragments is one statement: "Zero damage. Zero stress. Guaranteed."
        for _ in range(FRAGMENTS):
            if sum(1 for i in range(first, before.end) if is_word(norms[i])) >= MIN_WORDS:
                break
            current = view.analysis.previous(current)
            if current is None or current.act == "question":
                break
            first = current.first
        if _harm_denied(view, norms, first, before.end):
            # "Floods? Not in our basements. Ever.", "Our roofs don't leak. Period.": a harm
            # denied for all time
            return _claimable(view, before, first, before.end, True)
        if not guarantee and _commitment(norms, first, before.end):
            return False  # "We'll never sell your email. Ever.": the writer's own conduct
        # a seal spelled out or stacked ("every. single. time.", "every night. no exceptions")
        # certifies any statement, as "guaranteed" does
        strong = guarantee or _stacked(view, sentence, hit.stop, norms, seal_words)
        return _claimable(view, before, first, before.end, strong)
    after = hit.stop
    while after < sentence.end and not norms[after].strip():
        after += 1
    closes = after >= sentence.end or not is_word(norms[after]) or norms[after] == "or"
    if hit.start > sentence.first and norms[hit.start - 1] in CLAUSE_ENDS and closes:
        if after < sentence.end and norms[after] == "or":
            return False  # "on time, guaranteed, or the hour is free": a remedy
        return _claimable(view, sentence, sentence.first, hit.start - 1, guarantee)
    if not guarantee:
        return False
    if after < sentence.end and (norms[after] in results or table.lemmas[after] in results):
        return True  # "guaranteed results", "#GuaranteedGrades"
    # "100% guaranteed they'll be gone": a strong seal opening the sentence certifies the rest
    before = range(sentence.first, seal)
    opens = all(norms[i] in STRONG or not is_word(norms[i]) for i in before)
    to_verb = after + 1 < sentence.end and norms[after] == "to" and norms[after + 1].isalpha()
    yours = any(norms[i] in {"your", "you", "you're", "ur"} for i in range(max(0, seal - 4), seal))
    if to_verb and (opens or yours):
        # "Guaranteed to turn...", "your gift is guaranteed to reach..."; not "our rates are
        # guaranteed to stay fixed" (the brand's own term)
        return _claimable(view, sentence, after, sentence.end, True)
    strong = any(norms[i] in STRONG for i in before)
    if opens and strong and after < sentence.end and norms[after] in OPENERS:
        return _claimable(view, sentence, after, sentence.end, True)
    return False


def _harm_denied(view: Any, norms: Any, first: int, end: int) -> bool:
    """A negation in tokens ``[first, end)`` and a harm named there or in the sentence before
    ("Floods? Not in a Tidewell basement."): not a habit ("not open on Sundays")."""
    negators = [i for i in range(first, end) if norms[i] in NEGATORS]
    if not negators:
        return False
    if _own_conduct(norms, first, negators[0]):
        return False  # "We'll never sell your email. Ever.": a commitment, no harm denied
    start = first
    sentence = view.analysis.sentence_at(first)
    previous = view.analysis.previous(sentence) if sentence is not None else None
    if previous is not None:
        start = previous.first
        words = [norms[i] for i in range(previous.first, previous.end) if is_word(norms[i])]
        if previous.act == "question" and len(words) <= 3 and norms[first] in NEGATORS:
            return True  # "Blackouts? Not in our homes. Ever.": a problem asked, then denied
    return any(valence_of_word(norms[i]) <= HARM for i in range(start, end))


WRITER = frozenset({"we", "i"})
EVERY = frozenset({"every", "everyone", "everybody", "everything"})
AUXILIARIES = frozenset({"will", "'ll", "ll", "would", "'d", "do", "does", "did", "can", "ca"})
AUXILIARIES |= {"could", "should", "have", "has", "had", "'ve", "still", "just", "also"}


def _commitment(norms: Any, first: int, end: int) -> bool:
    """The writer denies its own conduct and names no harm ("we will never sell your data"),
    unlike a failure denied ("we never miss a deadline")."""
    negators = [i for i in range(first, end) if norms[i] in NEGATORS]
    return (
        bool(negators)
        and _own_conduct(norms, first, negators[0])
        and not any(valence_of_word(norms[i]) <= HARM for i in range(first, end))
    )


def _own_conduct(norms: Any, first: int, negator: int) -> bool:
    """The writer denies its own conduct ("we'll never sell your data", "I would never"): a
    commitment, not a harm denied."""
    i = negator - 1
    while i >= first and norms[i] in AUXILIARIES:
        i -= 1
    return i >= first and norms[i] in WRITER


HARM = -0.5  # VADER valence of a word that names a harm ("flood", "leak", "theft")


def _hashtag(body: str) -> bool:
    """A hashtag that joins "guaranteed" and a result noun: "#GuaranteedGrades"."""
    pieces = split_hashtag(body) or ()
    results = _words()[1]
    return any(a in GUARANTEES and b in results for a, b in itertools.pairwise(pieces))


def _seal_words_only(words: list[str], seal_words: frozenset[str]) -> bool:
    """Whether a sentence's words are all seal words ("Not once.", "Every single move,
    guaranteed"): a word after "every", "each" or "single" is the occasion it counts."""
    return bool(words) and all(
        w in seal_words or (k > 0 and words[k - 1] in {"every", "each", "single"})
        for k, w in enumerate(words)
    )


def _stacked(view: Any, sentence: Any, stop: int, norms: Any, seal_words: frozenset[str]) -> bool:
    """Whether a seal runs past its own sentence ("every. single. time.") or another sentence of
    seal words follows it ("every night. no exceptions")."""
    if stop > sentence.end:
        return True
    following = view.analysis.following(sentence)
    if following is None:
        return False
    words = [norms[i] for i in range(following.first, following.end) if is_word(norms[i])]
    return len(words) >= 2 and _seal_words_only(words, seal_words)


def _seal_only(sentence: Any, norms: Any, seal_words: frozenset[str]) -> bool:
    """A short sentence of seal words before the seal ("Not one." before "Not ever.")."""
    words = [norms[i] for i in range(sentence.first, sentence.end) if is_word(norms[i])]
    return len(words) <= 3 and _seal_words_only(words, seal_words)


def _claimable(view: Any, sentence: Any, first: int, end: int, guarantee: bool) -> bool:
    """Whether tokens ``[first, end)`` of ``sentence`` are a statement a seal can certify: a
    guarantee certifies any statement; another seal one that states a result (``sealed_degree``,
    or a state declared free of something or proof against it: "bug-free", "rodent-proof")."""
    if sentence.act == "question" or sentence.hedged:
        return False
    table = tokens(view.analysis.doc)
    norms = table.norms
    if sum(1 for i in range(first, end) if is_word(norms[i])) < MIN_WORDS:
        return False
    if any(i in sentence.negated and norms[i] in GUARANTEES for i in range(first, end)):
        return False
    _, _, remedies, obligations, degree = _words()
    doc = view.analysis.doc
    if remedies.any_in(doc, sentence.first, sentence.end):
        return False
    if obligations.any_in(doc, sentence.first, sentence.end) or any(
        norms[i] in {"id", "ids"} for i in range(sentence.first, sentence.end)
    ):
        return False  # (a lone "id" in a phrase list reads as "I'd": looked for by its word)
    if guarantee:
        return True
    opener = next((i for i in range(first, end) if is_word(norms[i])), first)
    if norms[opener] in WRITER:
        degree = degree - EVERY  # "We answer every message. Always.": the brand's habit
    return any(_degree(table, i, first, end, degree) for i in range(first, end))


def _degree(table: Any, i: int, first: int, end: int, degree: frozenset[str]) -> bool:
    norms = table.norms
    word = norms[i]
    if word == "no":  # "no price rises", not the answer "but no:"
        return i + 1 < end and norms[i + 1].isalpha()
    if word in degree or any(c.isdigit() for c in word):
        return True  # a size or a time: "30%", "before 7am", "in 48 hours"
    if word in {"free", "proof"}:  # "bug-free", "rodent-proof"
        return i > first and norms[i - 1] == "-"
    if word.endswith("est") and table.lemmas[i] != word:
        return True  # a superlative ("the fastest crew"; not "interest", whose lemma it is)
    if word in TIME_UNITS:  # a deadline: "in a week", "within 48 hours"
        return any(norms[j] in {"in", "within"} for j in range(max(first, i - 3), i))
    return False
