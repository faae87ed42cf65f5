"""``affirms``: the reply opens with an unqualified yes ("Yes!", "Absolutely", "100%", "It sure
does!") to the customer's question whether the product brings a result.

A promise needs no certainty word of its own when the customer asked for one: to "will your
protein help me lose weight?" a reply that opens "Yep!" promises the weight loss, and to "does the
spray actually work?" "It sure does!" promises that it works, for this customer, as surely as
"guaranteed" would (FTC Policy Statement Regarding Advertising Substantiation, 1984: the claim is
the net impression, whoever wrote its words). The customer's side is ``asked_result``: the
message's last question asks yes or no ("will", "does", "can", "would"...) whether a result comes,
by a verb of ``asked_results`` ("work", "help", "fix", "pass", "lose", "last"...); a service asked
of the brand ("can you help me?", "will you fix it?") and a product's compatibility ("does it
work with iPhone?", "does it work offline?") are not results. Being accepted or insured is one
only when asked for the customer ("will you insure me?") or of what is to come ("would my cat's
kidneys be covered?"; "is dental covered?" asks what a plan holds).

Not an affirmation: a reply that qualifies its yes anywhere (a hedge of the analysis: "may",
"can", "usually", "results vary"; or ``affirm_softeners``: "most", "many", "if", "as long as");
a yes after a greeting is still read ("Hi Sam! Yes, ..."). Words in
``lexicons/claims/topics.yaml`` (``affirmations``, ``asked_results``, ``affirm_softeners``).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from voicelint.conditions.topics import lexicon as topics
from voicelint.lexicon import load
from voicelint.nlp import PhraseList, is_word, tokens

NAME = "affirms"
VALUES = ()
POST_WIDE = True  # the same for every hit of a post
YES_NO = frozenset(
    {"will", "would", "does", "do", "can", "could", "is", "are", "should", "wo", "ca", "'ll"}
)
OPENING_WORDS = 3  # the auxiliary of a yes-or-no question is among its first words
CONJUNCTIONS = frozenset({"so", "but", "and", "then", "also", "or"})
WH_WORDS = frozenset({"how", "what", "when", "where", "which", "why", "who", "whose"})
THE_BRAND = frozenset({"you", "u", "ya", "y'all"})  # "can you help me?": a service, not a result
ME = frozenset({"me", "us", "my", "mine"})
FUTURE = frozenset({"will", "would", "'ll", "wo"})
# what may follow "work" when it asks for a result: "does it work?", "work for me?", "work on
# crooked teeth?"; not "work with my iPhone", "work offline", "work abroad" (compatibility)
RESULT_AFTER_WORK = frozenset({"for", "on"})
ENDS = frozenset({"?", "!", "."})
DEVICES = frozenset(
    {"iphone", "android", "ipad", "mac", "pc", "windows", "phone", "laptop", "tablet", "tv"}
    | {"kindle", "chromebook", "linux", "alexa", "app", "sale", "items", "orders", "order"}
)
GREETINGS = frozenset({"hi", "hey", "hello", "hiya", "heya", "oh", "omg", "ooh", "aw", "aww"})


@cache
def _words() -> tuple[PhraseList, frozenset[str], PhraseList, frozenset[str]]:
    data = topics()
    softeners = [str(w) for w in load("claims/topics")["affirm_softeners"]]
    return (
        data["affirmations"],
        data["asked_results"],
        PhraseList(exact=softeners, name="affirms:softeners"),  # as written: "lots", not "lot"
        data["asked_approvals"],
    )


def holds(view: Any, value: Any = None) -> bool:
    affirmations, _, softeners, _ = _words()
    doc = view.analysis.doc
    if not affirmations.any_in(doc, 0, len(doc)):
        return False  # the cheap cue first: no yes anywhere in the reply
    customer = view.post.customer
    if customer is None or not asked_result(customer.analysis):
        return False
    analysis = view.analysis
    sentences = analysis.sentences
    if not sentences:
        return False
    norms = tokens(doc).norms
    opening = sentences[0]
    words = [i for i in range(opening.first, opening.end) if is_word(norms[i])]
    if len(sentences) > 1 and words and norms[words[0]] in GREETINGS and len(words) <= 3:
        opening = sentences[1]  # "Hi Sam! Yes, ...": the answer follows the greeting
        words = [i for i in range(opening.first, opening.end) if is_word(norms[i])]
    while words and norms[words[0]] in GREETINGS:
        words = words[1:]
    if not words:
        return False
    if not any(span.first == words[0] for span in affirmations.find(doc)):
        return False
    if any(s.hedged for s in sentences):
        return False
    return not softeners.any_in(doc, 0, len(norms))


@cache
def _comparatives() -> frozenset[str]:
    """Words of a change (``comparatives`` of the claim grammar: "bigger", "better", "lower")."""
    return frozenset(str(w) for w in load("claims/outcomes")["comparatives"])


def asked_result(customer: Any) -> bool:
    """Whether the last question of the customer's message (a ``TextAnalysis``) asks yes or no
    whether a result comes ("will it help me sleep?", "does it actually work??", "will I
    pass?", "will you insure me?")."""
    questions = [s for s in customer.sentences if s.act == "question"]
    if not questions:
        return False
    question = questions[-1]
    table = tokens(customer.doc)
    norms, lemmas = table.norms, table.lemmas
    words = [i for i in range(question.first, question.end) if is_word(norms[i])]
    if not words or norms[words[0]] in WH_WORDS:
        return False
    _, results, _, approvals = _words()
    auxiliary: int | None = None  # the yes-or-no auxiliary of the clause being read
    for k, i in enumerate(words):
        if norms[i] in YES_NO and _opens_clause(norms, words, k):
            auxiliary = k
            continue
        if auxiliary is None:
            continue
        subject = norms[words[auxiliary + 1]] if auxiliary + 1 < len(words) else ""
        lemma = lemmas[i]
        if lemma in approvals:
            after = norms[words[k + 1]] if k + 1 < len(words) else ""
            if after in ME:
                return True  # "will you insure me?": the customer accepted
            if norms[words[k - 1]] == "be" and norms[words[auxiliary]] in FUTURE:
                return True  # "would my cat's kidneys be covered?"; not "is dental covered?"
            continue
        if lemma == "be" and k + 1 < len(words) and norms[words[k + 1]] in _comparatives():
            return True  # "will it definitely be bigger when I retire?": a result asked
        if lemma == "get" and "into" in [norms[j] for j in words[k + 1 : k + 4]]:
            lemma = "pass"  # "will your course get me into a top college?": an admission
        if lemma not in results or subject in THE_BRAND:
            continue  # "can you help me?", "can you make sure she gets help?": a service
        if lemma == "work" and not _works(customer.doc, norms, i, question.end):
            continue
        return True
    return False


def _opens_clause(norms: Any, words: list[int], k: int) -> bool:
    """Whether word ``k`` opens a clause: among the question's first words, or after a comma or
    a conjunction ("my mom flies tomorrow, can you make sure...")."""
    if k < OPENING_WORDS:
        return True
    before = words[k] - 1
    while before >= 0 and not norms[before].strip():
        before -= 1
    if norms[before] in {",", ";", "-", "—"} or norms[words[k - 1]] in CONJUNCTIONS:
        return True
    # the question after its condition, with no comma: "if I move my pension to you will it..."
    return (
        k + 1 < len(words)
        and norms[words[k + 1]] in INVERTED_SUBJECTS
        and any(norms[words[j]] in CONDITION_OPENERS for j in range(k))
    )


INVERTED_SUBJECTS = frozenset({"it", "i", "they", "this", "that", "my", "we", "he", "she"})
CONDITION_OPENERS = frozenset({"if", "when", "once", "after"})


def _works(doc: Any, norms: Any, i: int, end: int) -> bool:
    """ "does it work?", "will it work for me?", "work on crooked teeth?": a result; "work with
    my iPhone", "work offline", "work on Android": a product's compatibility."""
    after = [norms[j] for j in range(i + 1, end) if norms[j].strip()]
    while after and after[0] in {"actually", "really", "even", "at", "all"}:
        after = after[1:]
    if not after or after[0] in ENDS or after[0][0] in ENDS:
        return True
    if after[0] not in RESULT_AFTER_WORK:
        return False
    # "work on Android", "work on Apple Watch": a named product or a device is compatibility
    following = [j for j in range(i + 1, min(end, i + 6)) if is_word(norms[j])][1:4]
    return not any(norms[j] in DEVICES or doc[j].text[:1].isupper() for j in following)
