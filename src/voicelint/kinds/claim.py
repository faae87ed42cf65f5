"""Kind ``claim``: a certainty marker attached to an outcome in one clause, whatever the words.

The claim grammar. A claim is a result promised as sure: a certainty marker from the post
analysis (guaranteed, always, 100%, every, whatever, a lock, "can't lose", or a future auxiliary
before a result verb: "you'll save") and an outcome of one of the classes the rule names
(``lexicons/claims/outcomes.yaml``: ``returns``, ``approval``, ``savings``, ``winning``,
``health``, ``performance``, ``development``, ``social``), in one clause. An outcome is a result
word ("approval", "weight loss") or a result verb acting on one of its class's objects ("save ...
energy bill", "reads a grade ahead"); a class may also need its topic somewhere in the post
("approved" is a credit outcome only in a post about credit).

What does not count, from the analysis: a marker in a negation's scope ("we can't guarantee
approval"), a clause that hedges ("may", "could", "up to", "typically", "if eligible") or a
sentence that qualifies ("results vary", "terms apply"). Disclaimers, warnings about others'
claims and attributed or cited results are left to the rule's ``spared_by``; a marker in a
question asks, it does not promise. A short sentence that is only a marker ("Can't lose.") tags
the sentence before it; with no marker, a quantified result stated as fact for the reader or the
customers ("members earn $500 a month") is a claim too. A finding quotes the marker and the
outcome and names the class (``{outcome}``).

Every lookup is bounded by the window and cached per clause, so a hostile post of thousands of
markers and outcomes stays linear.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from voicelint import lexicon as lexicon_file
from voicelint.analysis import Sentence, valence_of_word
from voicelint.analysis import lexicon as analysis_lexicon
from voicelint.conditions import pitch
from voicelint.kinds.base import BuildContext, Check, Hit, KindError, Param, PostContext
from voicelint.nlp import Match, PhraseList, is_dictionary_word, tokens

NAME = "claim"
PARAMS = {
    "outcomes": Param(
        (list,),
        "outcome classes that make a claim with a certainty marker: returns, approval, savings, "
        "winning, health, performance, development, social",
        required=True,
    ),
    "window": Param((int,), "the most words between the marker and the outcome (default 12)"),
}
MESSAGE_VARS = frozenset({"match", "outcome"})
DENIAL_WORDS = 5  # the most words between an absolute denial and the loss it governs
ZERO_WORDS = 2  # "zero" governs its own noun phrase only: "zero false alarms", "zero food waste"
LOSS_VALENCE = -1.0  # a word this negative (VADER) is a loss or a harm when denied outright
# what a booking's terms allow or not ("non-refundable rates cannot be cancelled"): after "cannot",
# a restriction on the reader, not a harm denied ("your flight will never be cancelled" still is)
BOOKING_TERMS = frozenset({"cancel", "cancelled", "canceled"})
NOT_PERMITTED = (("cannot",), ("ca", "n't"), ("can", "not"), ("can", "n't"))
TAG_WORDS = 5  # a sentence this short that holds a marker tags the one before ("Guaranteed.")
WIDE = 40  # tokens either side of an outcome a marker or a subject is looked for in
# A clause ends at these; a comma only separates parts of one clause (see _parts).
CLAUSE_BREAKS = frozenset(";:—–()") | {"but", "however", "although", "though", "whereas", "unless"}
CLAUSE_BREAKS |= {"except", "while"}
SUBJECTS = frozenset({"i", "we", "you", "he", "she", "it", "they", "this", "that", "there"})
# Sentence hedges that only qualify as a phrase ("terms apply"); alone they are ordinary words
# ("apply today", "the terms").
PHRASE_ONLY = frozenset({"apply", "applies", "terms", "conditions", "subject", "individual"})
NOT_HEDGES_BEFORE = frozenset({"n't", "not", "never"})  # "can't lose" is no hedge
# Money quantifies a result; a percentage is usually a product's own term (a rate, a discount).
CURRENCY = frozenset({"$", "£", "€", "usd", "gbp", "eur"})
DETERMINERS = frozenset({"the", "a", "an", "its", "their"})  # "this clears acne": a pronoun
STATED_OF_READER = (["you", "'re"], ["you", "are"], ["'ll", "be"], ["will", "be"], ["ll", "be"])
OURS = frozenset({"our", "these", "its"})  # the product's own: "our picks hit"
CHANGES = frozenset({"more", "less", "fewer", "lower", "higher", "better"})
# Comparatives that are a performance result as adverbs ("run faster"), and the words that may
# follow one ("faster than ever", "higher and longer").
ADVERB_RESULTS = frozenset(
    {"faster", "higher", "longer", "harder", "stronger", "further", "farther", "quicker"}
    | {"heavier", "better"}
)
AFTER_ADVERB = frozenset(
    {"than", "and", "or", "with", "after", "before", "every", "each", "in", "on", "at", "for"}
    | {"by", "from", "when", "while", "too", "today", "tonight", "overnight", "ever", "within"}
    | {"again", "now", "forever", "instantly", "immediately", "straight", "all"}
)
ASKING = frozenset(  # openers of a question that asks, whatever marks end it
    {"do", "does", "did", "is", "are", "was", "were", "can", "could", "will", "would", "should"}
    | {"what", "why", "how", "who", "when", "where", "which", "have", "has"}
)
PROMISED_PATH = frozenset({"a", "an", "the", "you", "your", "every", "each", "all", "more"})
UNITS = frozenset({"%", "x", "percent", "points", "point", "pts"})
# Objects that are the person a result happens to ("approve you", "accepts everyone"): a result
# only after its verb, never an outcome a promising verb takes on its own.
PEOPLE_OBJECTS = frozenset({"you", "u", "everyone", "everybody", "anyone"})
# Prepositions that take the noun after them away from a verb before them.
GOVERNING = frozenset({"around", "about", "into", "onto", "towards", "toward", "beside"})
PAST_UNITS = frozenset(
    {"year", "spring", "summer", "fall", "autumn", "winter", "month", "week", "season", "night"}
    | {"weekend", "time", "january", "february", "march", "april", "may", "june", "july"}
    | {"august", "september", "october", "november", "december", "christmas", "term"}
)
PROVEN = frozenset({"proven", "clinically", "scientifically"})  # proof claimed for a result
PLAYTHROUGH = frozenset({"wagering", "playthrough", "rollover", "play-through"})
SHARE_OF = frozenset({"the", "their", "your", "his", "her", "its", "our", "total", "starting"})
# Words between a subject and its denial ("we will never", "Acme does not"), and the subjects
# whose denial is their own conduct or story.
AUXILIARIES = frozenset(
    {"will", "'ll", "ll", "would", "'d", "does", "do", "did", "is", "are", "was", "has", "have"}
    | {"had", "can", "could", "should", "also", "still", "just", "really", "ever", "literally"}
)
WRITER = frozenset({"we", "i", "me", "us", "my"})
# A question reported inside a statement: the verb that reports it and the word that opens it.
REPORTING_VERBS = frozenset(
    {"explain", "ask", "tell", "confirm", "discuss", "check", "know", "understand", "wonder"}
    | {"clarify", "walk"}
)
WH_WORDS = frozenset({"how", "whether", "what", "when", "which", "if"})
SHARE_REACH = 8  # the most words from a share of the customers to the result they get
REPORTED_REACH = 8  # the most words between the question's opener and the outcome
NEW_PREDICATE = frozenset({"is", "are", "was", "were", "'s"})  # a verb that opens another predicate
PEOPLE_AGENTS = frozenset({"we", "they", "we're", "they're"})  # agents that are people
COUNTERFACTUAL = frozenset({"should", "would", "could", "must", "might"})
# What may stand between "and" and the result it promises after an order ("and your battery
# lasts longer", "and you will retire with more", "and those lines are history").
RESULT_SUBJECTS = frozenset(
    {"you", "your", "ur", "those", "these", "the", "it", "its", "all", "watch", "then", "'ll"}
)
CONDITION_STOPS = frozenset({";", ":", "!", "?", ".", "or", "but", "if", "unless", "when"})
CONDITION_WORDS = 6  # the most words between the "and" and the outcome it promises
# Verbs of an offer's terms: "order today and get 20% off" states a price, not a result.
OFFER_VERBS = frozenset({"get", "receive", "claim", "enjoy", "grab", "unlock", "take", "bag"})
MEANS = frozenset({"with", "using", "through", "via"})  # "with our serum", "using Parlo"
READER_OWNS = frozenset({"your", "ur", "yer"})  # "your skin clears up": the reader's body
# Words that may open a clause before its subject ("and wrinkles vanish", "then your skin...").
OPENERS = frozenset({"and", "then", "so", "the", "all", "those", "any", "stubborn", "now", "just"})


WORRIES = frozenset({"worry", "worries", "worried", "stress", "stressed"})
WORRY_ABOUT = frozenset({"about", "over"})
STAFF_REACH = 10  # words before a result in which the brand's staff may be its subject


@cache
def _staff_words() -> frozenset[str]:
    """The brand's people (``lexicons/routing/replies.yaml``: ``staff`` and ``professions``), less
    the words that name customers: the claim grammar's subjects ("members", "drivers") and the
    customer roles pii's staff check leaves out too (``routing/pii.yaml``: ``customer_roles``)."""
    words = lexicon_file.load("routing/replies")
    customers = set(_customer_words())
    customers |= {str(w) for w in lexicon_file.load("routing/pii")["customer_roles"]}
    return frozenset(str(w) for w in [*words["staff"], *words["professions"]]) - customers


@cache
def _customer_words() -> frozenset[str]:
    """The words of the customers a result may be promised to (the grammar's ``subjects`` and
    ``quantified_people``: "members", "women", "kid")."""
    grammar = lexicon_file.load("claims/outcomes")
    return frozenset(str(w) for w in [*grammar["subjects"], *grammar["quantified_people"]])


@cache
def lexicon() -> dict[str, Any]:
    """The outcome classes and the grammar's own markers (``lexicons/claims/outcomes.yaml``)."""
    data = dict(lexicon_file.load("claims/outcomes"))
    for name, spec in data["classes"].items():
        for key in ("results", "verbs", "objects", "topic"):
            if any(not isinstance(w, str) for w in spec.get(key) or []):
                raise ValueError(
                    f"lexicons/claims/outcomes.yaml: {name}.{key} has a word YAML did not read as text"
                )
    for key in (
        "hedges",
        "hedge_phrases",
        "future",
        "adverbs",
        "subjects",
        "quantifiers",
        "quantified_people",
        "quantified_times",
        "deadline_leads",
        "deadline_fillers",
        "deadline_units",
        "appearance_verbs",
        "causatives",
        "agents",
        "timed_results",
        "timed_verbs",
        "means_classes",
        "priced_verbs",
        "promise_verbs",
        "soft_hedges",
        "promising_verbs",
        "comparatives",
        "denial_reversers",
    ):
        data[key] = frozenset(data[key])
    data["deadline_dates"] = tuple(tuple(str(w).split()) for w in data["deadline_dates"])
    for key in ("deadline_phrases", "measures", "denials", "denial_puffery"):
        data[key] = tuple(str(w) for w in data[key])
    return data


@dataclass(frozen=True)
class OutcomeKeys:
    """The matcher keys of one outcome class."""

    name: str
    summary: str
    results: str
    verbs: str
    objects: str
    topic: str | None
    denied: bool = False  # found only where an absolute denial governs it ("never at risk")


def entries(params: Mapping[str, Any]) -> list[tuple[str, str]]:
    """The rule's outcome classes, each ``(id, summary)``: a finding names its class."""
    classes = lexicon()["classes"]
    names = params.get("outcomes")
    if not isinstance(names, list):
        return []
    return [(n, classes[n]["summary"]) for n in names if isinstance(n, str) and n in classes]


def build(params: Mapping[str, Any], ctx: BuildContext) -> Check:
    words = lexicon()
    classes = words["classes"]
    names = params["outcomes"]
    if not isinstance(names, list) or not names or not all(isinstance(n, str) for n in names):
        raise KindError("outcomes", "outcomes must be a list of outcome classes")
    for name in names:
        if name not in classes:
            known = ", ".join(classes)
            raise KindError("outcomes", f'unknown outcome class "{name}" (known: {known})')
    window = params.get("window", 12)
    if isinstance(window, bool) or not isinstance(window, int) or window < 1:
        raise KindError("window", "window must be a number of words, 1 or more")
    bank = ctx.bank
    outcome_keys = []
    for name in names:
        spec = classes[name]

        def key(part: str, spec: Mapping[str, Any] = spec, name: str = name) -> str:
            return bank.shared_phrases(f"claim:{name}:{part}", spec.get(part) or [], "LEMMA")

        topic = key("topic") if spec.get("topic") else None
        outcome_keys.append(
            OutcomeKeys(
                name,
                spec["summary"],
                key("results"),
                key("verbs"),
                key("objects"),
                topic,
                bool(spec.get("denied")),
            )
        )
    marker_key = bank.shared_phrases("claim:markers", words["marker_phrases"], "LEMMA")
    brand_key = bank.shared_phrases("claim:brand", brand_names(ctx.setting("brand") or ()), "LOWER")
    comparatives = words["comparatives"]
    grammar = Grammar(
        frozenset(words["future"]),
        frozenset(words["adverbs"]),
        frozenset(words["subjects"]),
        (analysis_lexicon()["hedges"] - PHRASE_ONLY) | words["hedges"],
        PhraseList(
            sorted(analysis_lexicon()["hedge_phrases"] | words["hedge_phrases"]),
            name="claim:hedge_phrases",
        ),
        window,
        words["quantifiers"],
        words["quantified_people"] | words["quantified_times"] | words["subjects"],
        deadlines(),
        words["appearance_verbs"],
        words["causatives"],
        words["agents"],
        words["timed_results"],
        words["timed_verbs"],
        words["means_classes"],
        words["priced_verbs"],
        words["promise_verbs"],
        words["soft_hedges"],
        words["promising_verbs"],
        PhraseList(exact=words["denials"], name="claim:denials"),
        PhraseList(exact=words["denial_puffery"], name="claim:denial_puffery"),
        words["denial_reversers"],
    )

    def read(post: PostContext) -> Reading:
        brand = frozenset(
            i for m in post.matches_for(brand_key) for i in range(m.first_token, m.end_token)
        )
        return Reading(post, grammar, post.matches_for(marker_key), brand)

    def check(post: PostContext) -> list[Hit]:
        found: list[tuple[int, int, OutcomeKeys]] = []
        bare: set[tuple[int, int, str]] = set()  # verbs with no object: a result only if timed
        strong: set[tuple[int, int, str]] = set()  # "pass", "win" alone: only with a strong marker
        denied: list[tuple[int, int, OutcomeKeys]] = []
        reading: Reading | None = None  # built once, when a class needs it
        for outcome in outcome_keys:
            if outcome.topic is not None and not post.matches_for(outcome.topic):
                continue
            if outcome.denied:
                if grammar.denials.find(post.doc):
                    reading = reading or read(post)
                    denied.extend((a, b, outcome) for a, b in reading.denied_losses(outcome))
                continue
            results = post.matches_for(outcome.results)
            verbs = _as_verbs(post, post.matches_for(outcome.verbs))
            objects = [m for m in post.matches_for(outcome.objects) if not _worth(post, m)]
            if results or (verbs and objects):
                spans = _outcome_spans(results, verbs, objects, window, tokens(post.doc).norms)
                found.extend((a, b, outcome) for a, b in spans)
            found.extend((a, b, outcome) for a, b in _compared(post, objects, comparatives))
            found.extend(
                (a, b, outcome)
                for a, b in _promised(post, objects, grammar)
                # the object of an outcome already found ("save ... on your energy bill, guaranteed")
                if not any(x <= a <= y + 2 for x, y, _o in found)
            )
            if outcome.name in grammar.priced_verbs:
                # "our customers save $500 a year": the verb and its amount, with no object
                have = {a for a, _b, o in found if o is outcome}
                found.extend((a, b, outcome) for a, b in _priced(post, verbs) if a not in have)
            if outcome.name in grammar.timed_verbs:
                alone = [(m.first_token, m.end_token) for m in verbs]
                bare.update((a, b, outcome.name) for a, b in alone)
                found.extend((a, b, outcome) for a, b in alone)
            table_ = tokens(post.doc)
            for m in verbs:  # "guaranteed to pass", "you'll 100% pass": the verb is the result
                lemma_, norm_ = table_.lemmas[m.first_token], table_.norms[m.first_token]
                if norm_.endswith("ed") or norm_ == "won":
                    continue  # "just passed": a story, not a promise
                before = table_.norms[m.first_token - 1] if m.first_token else ""
                after = table_.norms[m.end_token] if m.end_token < len(table_.norms) else ""
                if (
                    before in NOUN_BEFORE
                    or (not before.isalpha() and before not in {"%", "'ll"})
                    or after in {"for", "holder", "holders"}
                ):
                    continue  # "a free jump pass for every kid": the noun
                if after in OBJECT_STARTS:
                    continue  # "we'll pass your feedback on", "win the kids over": not bare
                if lemma_ in _marked_verbs() and not any(
                    x <= m.first_token < y for x, y, _o in found
                ):
                    strong.add((m.first_token, m.end_token, outcome.name))
                    found.append((m.first_token, m.end_token, outcome))
        hits: list[Hit] = []
        taken: set[int] = set()
        if not found:
            return [_hit(post, first, end, outcome) for first, end, outcome in denied]
        reading = reading or read(post)
        for first, end, outcome in sorted(found, key=lambda f: (f[0], f[1])):
            if taken.intersection(range(first, end)):
                continue
            if _in_condition(tokens(post.doc).norms, first):
                continue  # "if it wins, a $100 bet pays $150": the outcome is what is supposed
            if (first, end, outcome.name) in bare:
                marker = reading.timed(first, end)
            else:
                marker = reading.marker_for(first, end, outcome)
            if marker is None:
                continue
            if (first, end, outcome.name) in strong and not _strong(post, marker):
                continue  # "you'll pass the bakery": only a strong marker makes a bare "pass" one
            start_token, end_token = min(first, marker[0]), max(end, marker[1])
            if taken.intersection(range(start_token, end_token)):
                continue  # one finding per marker and outcome
            taken.update(range(start_token, end_token))
            hits.append(_hit(post, start_token, end_token, outcome))
        for first, end, outcome in denied:  # a denied loss the findings above do not hold
            if not taken.intersection(range(first, end)):
                hits.append(_hit(post, first, end, outcome))
        return sorted(hits, key=lambda h: h.start)

    return check


SUPPOSING = frozenset({"if", "unless", "whether"})
# "once" and "when" suppose a case when a subject follows ("once you earn"), not "once a week"
TIME_CONDITIONS = frozenset({"once", "when", "until"})
CONDITION_SUBJECTS = frozenset({"you", "your", "u", "i", "we", "they", "he", "she", "it"})
CONDITION_REACH = 8  # words between "if" and the outcome it supposes


def _in_condition(norms: Sequence[str], first: int) -> bool:
    """Whether the outcome at ``first`` is itself what a condition supposes: "if" (or "unless",
    "whether") before it in its own clause ("if it wins, a $100 bet pays $150"; "if you invest
    $100, you'll earn $500" still promises: the result is after the comma)."""
    words = 0
    for i in range(first - 1, -1, -1):
        word = norms[i]
        if word in SUPPOSING:
            return True
        if word in TIME_CONDITIONS and i + 1 < first and norms[i + 1] in CONDITION_SUBJECTS:
            return True  # "then $450 a month once you earn $50,000 a year": the plan's term
        if word in CLAUSE_ENDS:
            return False
        if word.strip():
            words += 1
            if words > CONDITION_REACH:
                return False
    return False


def brand_names(given: Sequence[Any]) -> list[str]:
    """The brand's names as a post writes them: the policy's name and client id in full, and
    their first word when no dictionary holds it ("Parlo" of "Parlo Languages", not "Green" of
    "Green Leaf Dental")."""
    names: list[str] = []
    for value in given if isinstance(given, list | tuple) else ():
        text = " ".join(str(value).replace("-", " ").replace("_", " ").split())
        if not text:
            continue
        names.append(text)
        first = text.split()[0]
        if len(first) >= 3 and first.isalpha() and not is_dictionary_word(first.lower()):
            names.append(first)
    return sorted(set(names))


def _hit(post: PostContext, first: int, end: int, outcome: OutcomeKeys) -> Hit:
    last = post.doc[end - 1]
    return Hit(
        post.doc[first].idx,
        last.idx + len(last.text),
        values={"outcome": outcome.summary, "entry": outcome.name},
    )


@dataclass(frozen=True)
class Grammar:
    """The grammar's word classes and window, built once per rule."""

    future: frozenset[str]
    adverbs: frozenset[str]
    subjects: frozenset[str]
    hedges: frozenset[str]
    hedge_phrases: PhraseList
    window: int
    quantifiers: frozenset[str]  # "every", "each": certainty only over these nouns
    quantified: frozenset[str]
    deadlines: Deadlines
    appearance: frozenset[str]
    causatives: frozenset[str]
    agents: frozenset[str]
    timed_results: frozenset[str]
    timed_verbs: frozenset[str]
    means_classes: frozenset[str]
    priced_verbs: frozenset[str]
    promise_verbs: frozenset[str]
    soft_hedges: frozenset[str]
    promising_verbs: frozenset[str]
    denials: PhraseList
    puffery: PhraseList
    reversers: frozenset[str]


# words that open an object or a particle after "pass" or "win": the verb is not a bare result
OBJECT_STARTS = frozenset(
    {
        "your",
        "the",
        "it",
        "this",
        "that",
        "these",
        "those",
        "them",
        "on",
        "along",
        "by",
        "our",
        "my",
        "his",
        "her",
        "their",
        "a",
        "an",
        "through",
        "over",
        "round",
        "around",
        "back",
    }
)


@cache
def _marked_verbs() -> frozenset[str]:
    """Verbs that are a result with no object when a strong marker binds them ("guaranteed to
    pass", "you'll 100% win"): ``lexicons/claims/outcomes.yaml``, ``marked_verbs``."""
    return frozenset(lexicon_file.load("claims/outcomes")["marked_verbs"])


# what stands before "pass" or "win" when it is a noun: "a day pass", "the win", "jump pass"
NOUN_BEFORE = frozenset(
    {
        "a",
        "an",
        "the",
        "this",
        "that",
        "your",
        "our",
        "their",
        "my",
        "his",
        "her",
        "its",
        "free",
        "day",
        "jump",
        "bus",
        "boarding",
        "season",
        "backstage",
        "guest",
        "big",
        "easy",
        "first",
    }
)
# the absolute words split into tokens: "100%" is "100" and "%"
STRONG_EXTRA = frozenset({"100", "%", "each"})


def _strong(post: PostContext, marker: tuple[int, int]) -> bool:
    """Whether a certainty marker is more than a future ("you'll pass" may give directions): one
    of the analysis's absolute words ("guaranteed", "100%", "definitely", "every")."""
    norms = tokens(post.doc).norms
    strong = _absolute_words() | STRONG_EXTRA
    return any(norms[i] in strong for i in range(*marker))


@cache
def _remedy_phrases() -> tuple[PhraseList, PhraseList]:
    """A guarantee's remedies (the phrase list ``seals`` reads: ``lexicons/claims/topics.yaml``)
    and an offer's terms (``lexicons/claims/outcomes.yaml``: ``offer_terms``)."""
    from voicelint.conditions.topics import lexicon as topics

    terms = lexicon_file.load("claims/outcomes")["offer_terms"]
    return topics()["remedies"], PhraseList(list(terms), name="claim:offer_terms")


@cache
def _absolute_words() -> frozenset[str]:
    """The analysis's certainty words ("guaranteed", "certain", "always"), read once."""
    return frozenset(analysis_lexicon()["absolute"])


# quantifiers of a part of the customers: a result said of them is no promise to the reader
PARTIAL = frozenset({"some", "many", "few", "several", "plenty", "others"})
DENIED_REACH = 4  # words after an outcome where a negated certainty word denies it
DENIAL_STOPS = frozenset({",", ";", ":", ".", "!", "?", "but", "and"})
# where an "if" clause ends before the outcome it would suppose (_in_condition)
CLAUSE_ENDS = DENIAL_STOPS | {"—", "–", "then", "so"}


@cache
def deadlines() -> Deadlines:
    """The grammar's deadlines ("in 7 days", "by summer", "overnight", "in half"), built once."""
    words = lexicon()
    return Deadlines(
        words["deadline_leads"],
        words["deadline_fillers"],
        words["deadline_units"],
        words["deadline_dates"],
        PhraseList(exact=words["deadline_phrases"] + words["measures"], name="claim:deadlines"),
    )


@dataclass(frozen=True)
class Deadlines:
    """What binds a result to a deadline or a size: "in 7 days", "overnight", "by summer", "in half"."""

    leads: frozenset[str]
    fillers: frozenset[str]
    units: frozenset[str]
    dates: tuple[tuple[str, ...], ...]
    phrases: PhraseList  # fixed deadlines and sizes: "overnight", "in half"

    def find(self, doc: Any) -> list[tuple[int, int]]:
        """Token ranges of the deadlines and sizes in a post, in text order."""
        found = [(span.first, span.end) for span in self.phrases.find(doc)]
        norms = tokens(doc).norms
        n = len(norms)
        for i, word in enumerate(norms):
            if word in {"by", "before"}:
                j = i + 1
                if j < n and norms[j] in {"the", "this", "next", "your"}:
                    j += 1
                for run in self.dates:
                    if tuple(norms[j : j + len(run)]) == run:
                        found.append((i, j + len(run)))
            if (
                word == "from"
                and i + 2 < n
                and norms[i + 1] in self.units
                and norms[i + 2] in {"one", "1"}
            ):
                found.append((i, i + 3))  # "from night one"
            if (
                word == "than"
                and 0 < i < n - 1
                and not _number(norms[i + 1])
                and norms[i - 1] in ADVERB_RESULTS
                and norms[i + 1] not in {"ever", "before"}
            ):
                found.append((i - 1, i + 2))  # "builds muscle faster than whey"
            if word in self.leads:
                j = i + 1
                while j < n and j - i <= 5 and (norms[j] in self.fillers or _number(norms[j])):
                    j += 1
                if j < n and norms[j] in self.units:
                    found.append((i, j + 1))
        return sorted(set(found))


@dataclass
class Reading:
    """One post read by the grammar: its sentences, clauses and markers, each computed once."""

    post: PostContext
    grammar: Grammar
    marker_matches: Sequence[Match]
    brand: frozenset[int] = frozenset()  # tokens that name the brand ("Parlo")
    _clauses: dict[int, tuple[int, int]] = field(default_factory=dict)
    _starts: dict[str, frozenset[int]] = field(default_factory=dict)
    _hedged: dict[tuple[Any, ...], bool] = field(default_factory=dict)
    _markers: dict[tuple[tuple[int, int], str], list[tuple[int, int]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.norms = tokens(self.post.doc).norms
        self.sentences = self.post.analysis.sentences
        self.sentence_of = [-1] * len(self.norms)
        for k, sentence in enumerate(self.sentences):
            for i in range(sentence.first, sentence.end):
                self.sentence_of[i] = k
        self.extra = sorted((m.first_token, m.end_token) for m in self.marker_matches)
        self._deadlines: list[tuple[int, int]] | None = None
        self.object_ends: dict[int, int] = {}
        self._selling: bool | None = None
        self._once: dict[tuple[str, int], Any] = {}
        self.lemmas = tokens(self.post.doc).lemmas

    def marker_for(self, first: int, end: int, outcome: OutcomeKeys) -> tuple[int, int] | None:
        """The marker that makes the outcome ``[first, end)`` a claim, or the outcome itself when
        it is a result stated as fact; None when it is no claim."""
        k = self.sentence_of[first]
        if k < 0:
            return None
        sentence = self.sentences[k]
        clause = self.clause(sentence, first)
        if end > clause[1] or self.disowned(sentence, clause, first):
            return None  # a verb and an object in two sentences ("drop in May. Sizes XS-3X")
        if self._reported_question(clause, first):
            return None  # "we'll explain how the missed content will be covered": it asks
        if not sentence.absolute and self._told_of_the_past(sentence):
            return None  # "finished her first 10K in 58 minutes last spring": a story, no promise
        verbs = self.starts(outcome.verbs)
        if not self._compared_of_someone(clause, first, end):
            return None
        if self.hedged(sentence, clause):
            if self.hedged(sentence, clause, soft=False) or self.asks(sentence):
                return None
            # only "helps": a deadline still binds ("helps you fall asleep in minutes"), and so
            # does proof claimed ("clinically proven to help you sleep better")
            if not any(self.norms[i] in PROVEN for i in range(*clause)):
                return self.timed_outcome(sentence, clause, first, end, verbs, outcome)
        if self._certainty_denied(sentence, first, end):
            return None  # "approval isn't guaranteed, and anyone who says so...": denied
        markers = self.markers(sentence, clause, outcome.name, verbs | self.starts(outcome.results))
        marker = _attached(self.norms, clause, markers, first, end, self.grammar.window)
        if marker is not None:
            return None if sentence.act == "question" else marker  # a question asks
        if k + 1 < len(self.sentences):
            marker = self.tag(self.sentences[k + 1], outcome.name in self.grammar.timed_results)
            if marker is not None:
                return marker
        if self.asks(sentence) or first in sentence.negated:
            return None
        if any(self.norms[i] in PARTIAL for i in range(max(clause[0], first - STAFF_REACH), first)):
            return None  # "some learners pass first time": a part, not what everyone gets
        marker = self.timed_outcome(sentence, clause, first, end, verbs, outcome)
        if marker is not None:
            return marker
        objects = self.starts(outcome.objects)
        if self._of_staff(clause, first):
            return None  # "every tutor passes a background check": the staff's, not a result
        if _stated_as_fact(
            self.norms, sentence, clause, first, end, verbs, objects, self.grammar.subjects
        ) or self.done_to_reader(sentence, clause, first, end, verbs, objects, outcome):
            return (first, end)  # the result itself, quantified or stated as fact, is the claim
        share = self._share_of_people(clause, first) if sentence.act == "statement" else None
        if share is not None:
            return (share, share + 1)  # "87% of our clients get approved": the share is the claim
        return None

    def _of_staff(self, clause: tuple[int, int], first: int) -> bool:
        """Whether the clause's subject, before the result, is the brand's staff ("every tutor
        holds a degree and passes a background check"): what they do is no customer's result."""
        staff = _staff_words()
        return any(
            (self.norms[i] in staff or self.lemmas[i] in staff) and i not in self.brand
            for i in range(max(clause[0], first - STAFF_REACH), first)
        ) and not any(
            self.norms[i] in READER_OWNS or self.norms[i] in {"you", "u"}
            for i in range(max(clause[0], first - STAFF_REACH), first)
        )

    def denied_losses(self, outcome: OutcomeKeys) -> list[tuple[int, int]]:
        """Spans from an absolute denial to the loss or harm it governs: "your capital is never
        at risk", "cannot fall in value", "our chargers can't harm your battery", "zero chance of
        irritation". A loss is a word of the class or any word of negative valence, at most
        ``DENIAL_WORDS`` words after the cue in its clause. Not when the brand denies its own
        conduct ("we never share your data"), in a question that asks, a hedged or disowned
        clause, or a denial that is puffery ("never disappoints", "won't break the bank")."""
        losses = {
            m.first_token: m.end_token
            for key in (outcome.results, outcome.verbs)
            for m in self.post.matches_for(key)
        }
        puffery = {span.first for span in self.grammar.puffery.find(self.post.doc)}
        found = []
        for cue in self.grammar.denials.find(self.post.doc):
            k = self.sentence_of[cue.first]
            if k < 0:
                continue
            sentence = self.sentences[k]
            clause = self.clause(sentence, cue.first)
            if self.asks(sentence) or self.hedged(sentence, clause, False, (cue.first, cue.end)):
                continue
            if self.disowned(sentence, clause, cue.first) or self._own_conduct(clause, cue.first):
                continue
            if self._regret(cue.first, cue.end):
                continue  # "that should never have gone up": a wrong owned, not a loss denied
            if self._a_persons_record(sentence):
                continue  # "22,000 hours and zero missed birthdays": her story, no promise
            reach = ZERO_WORDS if self.norms[cue.first] == "zero" else DENIAL_WORDS
            end = self._loss_after(cue.end, clause[1], losses, puffery, reach)
            if end is None or self._reversed(cue.end, end):
                continue
            worry = (
                cue.end + 1 < clause[1]
                and self.norms[cue.end] in WORRIES
                and self.norms[cue.end + 1] in WORRY_ABOUT
            )
            if self._advice(sentence, clause, cue) and cue.end not in losses and not worry:
                continue  # "never chase losses": an order whose verb is no loss is advice
            found.append((cue.first, end))
        return found

    def _share_of_people(self, clause: tuple[int, int], first: int) -> int | None:
        """A share of the customers before the result: "87% of our clients get approved", "9 out
        of 10 women saw younger-looking skin", "4 in 5 users". A typical result stated as fact,
        which needs the survey it rests on (FTC, 16 CFR 255.2(b)); a cited one is spared by
        attribution."""
        norms, people = self.norms, _customer_words()
        lo = max(clause[0], first - SHARE_REACH)
        for i in range(lo, first):
            share = (norms[i] == "%" and norms[i + 1 : i + 2] == ["of"]) or (
                _number(norms[i]) and norms[i + 1 : i + 3] in (["out", "of"], ["in"])
            )
            if share and any(
                norms[k] in people or self.lemmas[k] in people for k in range(i + 1, first)
            ):
                return i if norms[i] != "%" else max(clause[0], i - 1)
        return None

    def _reported_question(self, clause: tuple[int, int], first: int) -> bool:
        """The outcome inside a question reported by a verb of telling or asking ("we'll explain
        how your fees will be covered", "ask whether you qualify"): what is to be found out, not
        a promise. Not "see how much you'll save", which invites the reader to a sure result."""
        norms, lemmas = self.norms, self.lemmas
        for i in range(max(clause[0], first - REPORTED_REACH), first):
            if norms[i] in WH_WORDS and any(
                lemmas[j] in REPORTING_VERBS for j in range(max(clause[0], i - 3), i)
            ):
                return True
        return False

    def _a_persons_record(self, sentence: Sentence) -> bool:
        """A sentence about one person (he, she, his, her) and not the reader: a tribute's record
        ("thousands of crawlspaces, zero complaints about his jokes"), not a result promised."""
        words = self.norms[sentence.first : sentence.end]
        people = analysis_lexicon()  # the analysis's own word classes: he, she...; you, your...
        return any(w in people["third_party"] for w in words) and not any(
            w in people["reader"] for w in words
        )

    def _regret(self, first: int, end: int) -> bool:
        """A denial in a modal perfect ("should never have", "shouldn't have"): what ought not to
        have happened, owned in the past."""
        norms = self.norms
        before = norms[first - 1] if first else ""
        after = norms[end] if end < len(norms) else ""
        return before in COUNTERFACTUAL and after in {"have", "'ve", "of"}

    def _reversed(self, start: int, end: int) -> bool:
        """A verb between the denial and the loss that itself takes the loss away: "it can't
        prevent every injury" admits the risk it names."""
        reversers = self.grammar.reversers
        return any(
            self.lemmas[i] in reversers or self.norms[i] in reversers for i in range(start, end)
        )

    def _advice(self, sentence: Sentence, clause: tuple[int, int], cue: Any) -> bool:
        """The denial is an order: it opens its clause ("never share your PIN") or follows
        another order ("set a budget and never chase losses")."""
        if self.norms[cue.first] != "never":
            return False
        if not any(self.norms[i].isalnum() for i in range(clause[0], cue.first)):
            return True
        before = cue.first - 1
        return self.norms[before] in {"and", "or", "then"} and self._ordered(sentence, before)

    def _own_conduct(self, clause: tuple[int, int], cue: int) -> bool:
        """The brand or the writer is the subject of the denial: a commitment about its own
        conduct ("we'll never sell your data", "Acme never charges you to apply") or the writer's
        own story ("my knees have never felt better"), not a promise about a result."""
        norms = self.norms
        i = cue - 1
        while i >= clause[0] and norms[i] in AUXILIARIES:
            i -= 1
        if i >= clause[0] and (norms[i] in WRITER or self._brand_subject(clause, i)):
            return True
        return any(norms[k] in {"my", "i"} for k in range(max(clause[0], cue - 3), cue))

    def _brand_subject(self, clause: tuple[int, int], i: int) -> bool:
        """Token ``i`` ends the brand's name standing as the subject ("Acme never charges"), not
        as the object of a word before it ("your deposit with Acme is never at risk")."""
        if i not in self.brand:
            return False
        while i - 1 >= clause[0] and i - 1 in self.brand:
            i -= 1
        return i == clause[0] or not self.norms[i - 1].isalnum() or self.norms[i - 1] in OPENERS

    def _loss_after(
        self,
        start: int,
        stop: int,
        losses: Mapping[int, int],
        puffery: set[int],
        reach: int = DENIAL_WORDS,
    ) -> int | None:
        """Where the loss the denial at ``start`` governs ends, at most ``reach`` words on, or
        None."""
        norms, lemmas = self.norms, self.lemmas
        words = 0
        for i in range(start, min(stop, start + 2 * reach)):
            if i in puffery:
                if i + 1 < stop and norms[i + 1] in WORRY_ABOUT and norms[i] in WORRIES:
                    # "never worry about a breakdown again": the worry's object is the loss
                    # denied; "never worry about a thing" stays puffery (no loss after it)
                    continue
                return None
            if i in losses:
                return losses[i]
            word = norms[i]
            if not word.strip():
                continue
            if word in {",", ";", ":", "!", "?", "."} or word in {"but", "if", "unless"}:
                return None
            if word in NEW_PREDICATE and words:
                return None  # "gems that never show up is the worst": "worst" is another clause's
            if valence_of_word(word) <= LOSS_VALENCE or valence_of_word(lemmas[i]) <= LOSS_VALENCE:
                if lemmas[i] in BOOKING_TERMS and self._not_permitted(start):
                    return None  # "Basic fares cannot be cancelled": a term, not a harm denied
                return i + 1
            words += 1
            if words >= reach:
                return None
        return None

    def _not_permitted(self, cue_end: int) -> bool:
        """Whether the denial that ends at ``cue_end`` is "cannot" / "can't": what is not
        allowed, not what never happens."""
        words = [w for w in self.norms[max(0, cue_end - 3) : cue_end] if w.strip()]
        return any(tuple(words[-len(form) :]) == form for form in NOT_PERMITTED)

    def timed_outcome(
        self,
        sentence: Sentence,
        clause: tuple[int, int],
        first: int,
        end: int,
        verbs: frozenset[int],
        outcome: OutcomeKeys,
    ) -> tuple[int, int] | None:
        """A deadline bound to the outcome: "raise your score in 30 days" and "clear skin in a
        week" are results bound to a deadline; "approved in minutes", "bonus bets expire in 7
        days" and "skin feels smoother in two weeks" are not."""
        if self.asks(sentence) or first in sentence.negated:
            return None
        span_verbs = [i for i in verbs if first <= i < end]
        state = any(w == "free" or w.endswith("-free") for w in self.norms[first:end])
        if not (span_verbs or state or outcome.name in self.grammar.timed_results) or any(
            self.lemmas[i] in self.grammar.appearance for i in span_verbs
        ):
            return None
        if span_verbs and all(self._past(i) for i in span_verbs):
            return None  # "the canopy kept the rain off, ... first go": a report, not a promise
        return self.deadline(sentence, clause, first, end)

    def _compared_of_someone(self, clause: tuple[int, int], first: int, end: int) -> bool:
        """An outcome that ends in a bare comparative ("run faster", "train harder") is a result
        only said of the reader or the customers ("you'll run faster"), and only as an adverb:
        "run longer hours" is a timetable, "the team will train harder" a plan."""
        norms = self.norms
        if norms[end - 1] not in ADVERB_RESULTS:
            return True
        if end < clause[1] and norms[end].isalpha() and norms[end] not in AFTER_ADVERB:
            return False
        return any(
            norms[i] in self.grammar.subjects for i in range(max(clause[0], first - WIDE), first)
        )

    def disowned(self, sentence: Sentence, clause: tuple[int, int], first: int) -> bool:
        """A denied promise before the outcome takes back the whole clause: "we can't promise
        you'll sleep through the night", "we don't claim it makes your hair grow"."""
        return any(
            self.lemmas[i] in self.grammar.promise_verbs and i in sentence.negated
            for i in range(max(clause[0], first - WIDE), first)
        )

    def _told_of_the_past(self, sentence: Sentence) -> bool:
        """A sentence dated in the past: "last spring", "two years ago", "yesterday" (read once
        per sentence: every outcome in it asks)."""
        key = ("past", sentence.first)
        if key not in self._once:
            norms, end = self.norms, sentence.end
            self._once[key] = any(
                norms[i] in {"ago", "yesterday"}
                or (norms[i] == "last" and i + 1 < end and norms[i + 1] in PAST_UNITS)
                for i in range(sentence.first, end)
            )
        return bool(self._once[key])

    def asks(self, sentence: Sentence) -> bool:
        """A question that asks: not a statement ending in "??" ("it actually fixed my sleep??"),
        which exclaims."""
        if sentence.act != "question":
            return False
        key = ("asks", sentence.first)
        if key not in self._once:
            self._once[key] = self._asks(sentence)
        return self._once[key]

    def _asks(self, sentence: Sentence) -> bool:
        marks = [w for w in self.norms[sentence.first : sentence.end] if w.strip()]
        opener = next((w for w in marks if w.isalpha()), "")
        exclaims = len(marks) > 1 and marks[-1] == "?" and marks[-2] in {"?", "!"}
        exclaims = exclaims or (bool(marks) and len(marks[-1]) > 1 and set(marks[-1]) <= {"?", "!"})
        return not exclaims or opener in ASKING

    def _past(self, verb: int) -> bool:
        """A verb form that is neither the base form, the third person nor "-ing": "kept",
        "cleared" (a past or a participle)."""
        word, lemma = self.norms[verb], self.lemmas[verb]
        return not (_present(word, lemma) or word.endswith("ing"))

    def _testimony(self, verb: int, end: int) -> bool:
        """A result verb in the past acting on the writer's own: "fixed my sleep", "cleared my
        skin"."""
        word, lemma = self.norms[verb], self.lemmas[verb]
        if word == lemma or _third_person(word, lemma) or word.endswith("ing"):
            return False
        return any(self.norms[i] == "my" for i in range(verb + 1, min(end, verb + 3)))

    def _sells(self) -> bool:
        """The post is paid for, or sells to the reader (a code, a link, "try it")."""
        if self._selling is None:
            self._selling = bool(self.post.post.sponsored) or pitch.holds(self.post)
        return self._selling

    def _by_our_means(self, clause: tuple[int, int], end: int) -> bool:
        """ "with our ...", "using our ...", "thanks to our ..." after the outcome, in its clause."""
        return any(self._means_at(i) for i in range(end, min(clause[1], end + 6) - 1))

    def _means_at(self, i: int, means: frozenset[str] = MEANS) -> bool:
        """ "with our", "using this", "with Parlo" at token ``i``: the product as the means."""
        following = i + 1
        return self.norms[i] in means and (
            self.norms[following] in OURS | {"this", "these"} or following in self.brand
        )

    def _conditioned(self, sentence: Sentence, first: int, verbs: frozenset[int]) -> bool:
        """The outcome is the second half of "ORDER and RESULT" (or "with our X and RESULT"): an
        "and" at most ``CONDITION_WORDS`` words before it, then the result's own subject ("your
        battery", "you will") or the result verb itself. An offer ("and get 20% off") is a term,
        not a result."""
        norms = self.norms
        j, seen = first - 1, 0
        while j >= sentence.first and norms[j] != "and":
            if norms[j] in CONDITION_STOPS:
                return False
            seen += 1 if norms[j].strip() else 0
            if seen > CONDITION_WORDS:
                return False
            j -= 1
        if j < sentence.first or j == sentence.first:
            return False
        if j + 1 == first:
            if first not in verbs:
                return False
        elif norms[j + 1] not in RESULT_SUBJECTS:
            return False
        if self.lemmas[j + 1] in OFFER_VERBS:
            return False
        return self._ordered(sentence, j) or self._by_our_means_opening(sentence, j)

    def _by_our_means_opening(self, sentence: Sentence, before: int) -> bool:
        """The sentence opens, with no subject, on the product as the means: "Seven nights with
        our serum and ...", "With Parlo and ..."."""
        for i in range(sentence.first, before - 1):
            if self.norms[i] in SUBJECTS:
                return False
            if self._means_at(i, MEANS | {"on"}):
                return True
        return False

    def _ordered(self, sentence: Sentence, before: int) -> bool:
        """Whether the sentence opens with an order, with no subject before ``before``: "Invest
        $500 today and ...". The analysis reads a request from its list of imperatives; an order
        of any verb in its base form counts here."""
        if sentence.act == "request":
            return True
        opener, subject = self._opening(sentence)
        if opener is None or opener > before or (subject is not None and subject <= before):
            return False
        return self.norms[opener] == self.lemmas[opener] and self.norms[opener] not in OPENERS

    def _opening(self, sentence: Sentence) -> tuple[int | None, int | None]:
        """The sentence's first word and its first subject pronoun (computed once)."""
        key = ("opening", sentence.first)
        if key not in self._once:
            words = [i for i in range(sentence.first, sentence.end) if self.norms[i].isalpha()]
            subject = next((i for i in words if self.norms[i] in SUBJECTS), None)
            self._once[key] = (words[0] if words else None, subject)
        return self._once[key]

    def timed(self, first: int, end: int) -> tuple[int, int] | None:
        """A deadline on a result verb with no object ("reading by spring"), in a statement that
        does not hedge or negate it."""
        k = self.sentence_of[first]
        if k < 0:
            return None
        sentence = self.sentences[k]
        clause = self.clause(sentence, first)
        if self.asks(sentence) or first in sentence.negated:
            return None
        if self.disowned(sentence, clause, first):
            return None
        if self.hedged(sentence, clause):
            return None
        return self.deadline(sentence, clause, first, end)

    def deadline(
        self, sentence: Sentence, clause: tuple[int, int], first: int, end: int
    ) -> tuple[int, int] | None:
        """A deadline or a size attached to the outcome in its clause: "clears acne in 7 days",
        "cut your bill in half", "a six-pack by summer"."""
        if self._deadlines is None:
            self._deadlines = self.grammar.deadlines.find(self.post.doc)
        a, b = clause
        spans = [
            (i, j)
            for i, j in self._deadlines[
                bisect_left(self._deadlines, (a, 0)) : bisect_left(self._deadlines, (b, 0))
            ]
            if j <= b and i not in sentence.negated
        ]
        return _attached(self.norms, clause, spans, first, end, self.grammar.window)

    def done_to_reader(
        self,
        sentence: Sentence,
        clause: tuple[int, int],
        first: int,
        end: int,
        verbs: frozenset[int],
        objects: frozenset[int],
        outcome: OutcomeKeys,
    ) -> bool:
        """A result stated as fact, in the present tense, with no marker: the reader's body or
        money as the subject of a result verb ("your skin clears up", "wrinkles vanish"), or the
        product as the doer of one ("our panels slash your bill", "it melts belly fat", "makes
        you look younger"). A request is an offer, a past tense a story, "feels" and "looks" an
        appearance."""
        norms, lemmas, g = self.norms, self.lemmas, self.grammar
        name = outcome.name
        self.object_ends = {
            m.first_token: m.end_token for m in self.post.matches_for(outcome.objects)
        }
        before = [norms[i] for i in range(max(clause[0], first - 4), first) if norms[i].strip()]
        inner = [i for i in verbs if first <= i < end]
        if (
            inner
            and before
            and before[-1] not in {"to", "and"}
            and any(w in g.causatives for w in before[-3:])
        ):
            return True  # "makes you look ten years younger", "watch the money roll in"
        if first in verbs and self._testimony(first, end) and self._sells():
            return True  # "this mattress actually fixed my sleep schedule", in a post that sells
        if self._conditioned(sentence, first, verbs):
            # "invest today and retire a millionaire", "plug in and your battery lasts longer",
            # "seven nights with our serum and those lines are history": a consequence promised
            return True
        if (
            name in g.means_classes
            and first in verbs
            and self._ordered(sentence, first)
            and any(norms[i] in READER_OWNS for i in range(first, end))
            and self._by_our_means(clause, end)
        ):
            return True  # "boost your child's IQ with our games": the product as the means
        if sentence.act != "statement":
            return False
        if not self.post.post.in_reply_to and before[-2:] in STATED_OF_READER:
            return True  # a result stated of the reader: "you're approved", "you'll be debt-free"
        inner = [i for i in inner if i > first]
        if first in objects and inner and first not in verbs:
            verb = min(inner)
            if verb != self.object_ends.get(first) or lemmas[verb] in g.appearance:
                return False  # "savings account earns": the object only names the subject's kind
            if not _present(norms[verb], lemmas[verb]):
                return False
            before = [norms[i] for i in range(max(clause[0], first - 3), first)]
            return any(w in READER_OWNS or w in OURS for w in before) or not any(
                norms[i].isalnum() and norms[i] not in OPENERS
                for i in range(max(clause[0], first - WIDE), first)
            )
        if first not in verbs:
            return False
        word = norms[first]
        if lemmas[first] in g.appearance:
            return False
        if before and before[-1] in {"to", "and", "or"} | g.subjects:
            return False  # "to double" is a goal; "you lose" is a quantified fact or nothing
        if word != lemmas[first] and _third_person(word, lemmas[first]):
            # "Erases dark spots", "this balm clears acne", "Parlo lands you the job"
            return (
                not before
                or any(w in g.agents or w[:1].isupper() for w in before)
                or any(i in self.brand for i in range(max(clause[0], first - 4), first))
            )
        if word != lemmas[first] or not any(w in g.agents for w in before):
            return False
        if before[-1] in PEOPLE_AGENTS:
            # "we slash your bills" promises the reader a result; "we pay off the loan and apply
            # any equity to your purchase" describes the service
            return any(
                norms[i] in READER_OWNS or norms[i] in {"you", "u"} for i in range(first, end)
            )
        return True

    def starts(self, key: str) -> frozenset[int]:
        """First tokens of a matcher key's matches (computed once per key)."""
        if key not in self._starts:
            self._starts[key] = frozenset(m.first_token for m in self.post.matches_for(key))
        return self._starts[key]

    def clause(self, sentence: Sentence, token: int) -> tuple[int, int]:
        """Token range of the clause that holds ``token`` (computed once per clause)."""
        if token not in self._clauses:
            norms = self.norms
            start = token
            while start > sentence.first and not _breaks(norms, start - 1):
                start -= 1
            stop = token + 1
            while stop < sentence.end and not _breaks(norms, stop):
                stop += 1
            for i in range(start, stop):
                self._clauses[i] = (start, stop)
        return self._clauses[token]

    def hedged(
        self,
        sentence: Sentence,
        clause: tuple[int, int],
        soft: bool = True,
        skip: tuple[int, int] = (0, 0),
    ) -> bool:
        """A hedge word in the clause, or a qualifying phrase anywhere in the sentence; with
        ``soft=False``, "helps" and its kin do not count; words in ``skip`` do not count either
        (a cue that holds a hedge word: "zero chance of")."""
        key = (clause, soft, skip)
        if key not in self._hedged:
            norms, hedges = self.norms, self.grammar.hedges
            if not soft:
                hedges = hedges - self.grammar.soft_hedges
            self._hedged[key] = any(
                norms[i] in hedges
                and not skip[0] <= i < skip[1]
                # "can't lose" is no hedge; "may never", before the skipped denial, is one, but
                # "can never" denies the possibility outright
                and not (
                    i + 1 < len(norms) and norms[i + 1] in NOT_HEDGES_BEFORE and i + 1 != skip[0]
                )
                and not (norms[i] == "can" and i + 1 == skip[0])
                for i in range(*clause)
            ) or self._qualified(sentence)
        return self._hedged[key]

    def _qualified(self, sentence: Sentence) -> bool:
        """A qualifying phrase in the sentence ("results vary"), an offer's terms ("10x
        playthrough within 14 days": the period is a term's), or a guarantee that states its
        remedy on a condition ("if a repair leaks within 10 years, we fix it at no charge")."""
        key = ((sentence.first, -1), True)
        if key not in self._hedged:
            doc, a, b = self.post.doc, sentence.first, sentence.end
            remedies, terms = _remedy_phrases()
            self._hedged[key] = (
                self.grammar.hedge_phrases.any_in(doc, a, b)
                or terms.any_in(doc, a, b)
                or ("if" in self.norms[a:b] and remedies.any_in(doc, a, b))
            )
        return self._hedged[key]

    def markers(
        self, sentence: Sentence, clause: tuple[int, int], name: str, verbs: frozenset[int]
    ) -> list[tuple[int, int]]:
        """Token ranges of the certainty markers in a clause, outside a negation's scope."""
        key = (clause, name)
        if key not in self._markers:
            a, b = clause
            norms, future, adverbs = self.norms, self.grammar.future, self.grammar.adverbs
            absolute = sentence.absolute[
                bisect_left(sentence.absolute, a) : bisect_left(sentence.absolute, b)
            ]
            found = [(i, i + 1) for i in absolute if self._certain(i, b)]
            extra = self.extra[bisect_left(self.extra, (a, 0)) : bisect_left(self.extra, (b, 0))]
            found += [(i, j) for i, j in extra if i not in sentence.negated]
            for i in range(a, b):
                if norms[i] in future and i not in sentence.negated:
                    j = i + 1
                    while j < b and norms[j] in adverbs:
                        j += 1
                    if j + 1 < b and norms[j] == "be" and norms[j + 1].endswith("ing"):
                        j += 1  # the progressive: "will be reading chapter books"
                    if j < b and j in verbs and not self._looks(j, b):
                        found.append((i, j + 1))  # "'ll save", "will easily read", "will 10x"
            self._markers[key] = sorted(found, key=lambda m: (m[0], -m[1]))  # longest first
        return self._markers[key]

    def _certainty_denied(self, sentence: Sentence, first: int, end: int) -> bool:
        """A certainty word negated right after the outcome ("approval isn't guaranteed", "results
        are not certain"): the writer denies the claim, whatever follows in the sentence."""
        absolute = _absolute_words()
        for i in range(end, min(sentence.end, end + DENIED_REACH)):
            if self.norms[i] in absolute or self.lemmas[i] in absolute:
                return i in sentence.negated
            if self.norms[i] in DENIAL_STOPS:
                return False
        return False

    def _looks(self, verb: int, stop: int) -> bool:
        """An appearance verb with no size after it: "your hair will look amazing" is puffery,
        "you'll look 10 years younger" a result."""
        if self.lemmas[verb] not in self.grammar.appearance:
            return False
        return not any(_number(self.norms[i]) for i in range(verb + 1, min(stop, verb + 4)))

    def _certain(self, i: int, stop: int) -> bool:
        """Whether an absolute word is certainty: "every" and "each" are only when they quantify
        who gets the result or when it comes ("every kid", "every time"), not any noun
        ("every lender")."""
        if self.norms[i] not in self.grammar.quantifiers:
            return True
        j = i + 1
        while j < stop and (
            not self.norms[j].strip() or self.norms[j] == "single" or j in self.brand
        ):
            j += 1  # "every single student", "every Lumen student"
        if j >= stop:
            return False
        return self.norms[j] in self.grammar.quantified or self.lemmas[j] in self.grammar.quantified

    def tag(self, following: Sentence, timed: bool = False) -> tuple[int, int] | None:
        """A certainty marker standing alone as the next sentence ("Parlay tonight? Can't lose."),
        or, for a class whose results take a deadline (``timed``), a deadline standing alone
        ("Plumper skin. Overnight."): the short sentence finishes the one before."""
        if following.act == "question":
            return None
        content = [i for i in range(following.first, following.end) if self.norms[i].isalnum()]
        if not content or len(content) > TAG_WORDS:
            return None
        whole = (following.first, following.end)
        markers = self.markers(following, whole, "", frozenset())
        if markers:
            return markers[0]
        if not timed or self.hedged(following, whole):
            return None
        if self._deadlines is None:
            self._deadlines = self.grammar.deadlines.find(self.post.doc)
        for i, j in self._deadlines:
            if (
                following.first <= i <= content[0]
                and j <= following.end
                and i not in following.negated
            ):
                return (i, j)  # the tag opens with its deadline
        return None


def _outcome_spans(
    results: Sequence[Match],
    verbs: Sequence[Match],
    objects: Sequence[Match],
    window: int,
    norms: Sequence[str],
) -> list[tuple[int, int]]:
    """Token ranges of a class's outcomes: a result, or a verb and its object close after it
    (or just before it: "bills? slashed", "pounds lost"); not an object a preposition governs
    ("builds a plan around your knees": the plan is what is built)."""
    spans = [(m.first_token, m.end_token) for m in results]
    starts = [m.first_token for m in objects]
    for verb in verbs:
        if any(
            o.first_token <= verb.first_token
            and verb.end_token <= o.end_token
            and o.end_token - o.first_token > verb.end_token - verb.first_token
            for o in objects
        ):
            continue  # "skin tone": the verb's word is part of an object's name
        after = bisect_left(starts, verb.end_token)
        if (
            after < len(starts)
            and starts[after] - verb.end_token <= window
            and not any(norms[i] in GOVERNING for i in range(verb.end_token, starts[after]))
            and not _recipient(norms, verb.first_token, verb.end_token, starts[after])
            and not _next_order(norms, verb.end_token, starts[after])
        ):
            spans.append((verb.first_token, objects[after].end_token))
            continue
        before = bisect_right(starts, verb.first_token - 1) - 1
        if before >= 0 and 0 <= verb.first_token - objects[before].end_token <= 3:
            spans.append((objects[before].first_token, verb.end_token))
    return spans


@cache
def _imperatives() -> frozenset[str]:
    """The analysis's verbs of an order to the reader (``imperatives``: dm, call, contact...)."""
    return frozenset(analysis_lexicon()["imperatives"])


def _next_order(norms: Sequence[str], start: int, obj: int) -> bool:
    """A second order between a verb and the object after it: "keep everyone clear and call our
    safety line", where the line is what to call, not what clears."""
    orders = _imperatives()
    return any(
        norms[i] in {"and", "then", "&"} and i + 1 < obj and norms[i + 1] in orders
        for i in range(start, obj)
    )


# verbs of talk: "speak to a native speaker" names who is spoken to, not a result
TALK_VERBS = frozenset({"talk", "speak", "talks", "speaks", "talking", "speaking"})
# verbs that hand something on to someone: "pass your feedback to our clinical lead"
HANDING_VERBS = TALK_VERBS | {"pass", "passes", "passing"}


def _recipient(norms: Sequence[str], verb: int, verb_end: int, obj: int) -> bool:
    """An object after "to" that receives what a verb of handing on or of talk passes: "pass
    your feedback to our clinical lead", "speak to a native speaker"; not "adds $25,000 to your
    home's value" or "climb to the top spot", where what follows "to" is the result."""
    if norms[verb] not in HANDING_VERBS:
        return False
    return any(
        norms[i] == "to" and (i > verb_end or norms[verb] in TALK_VERBS)
        for i in range(verb_end, obj)
    )


def _stated_as_fact(
    norms: Sequence[str],
    sentence: Sentence,
    clause: tuple[int, int],
    first: int,
    end: int,
    verbs: frozenset[int],
    objects: frozenset[int],
    subjects: frozenset[str],
) -> bool:
    """A result stated as fact with no marker: a statement whose subject is the reader or the
    customers, with a result verb acting on a quantified object ("members earn $500 a month",
    "customers lose 10 pounds"). An offer ("Save $5 today") is a request, not a statement."""
    if sentence.act != "statement":
        return False
    lo, hi = max(clause[0], first - WIDE), min(clause[1], end + WIDE)
    if not any(norms[i] in subjects for i in range(lo, hi)):
        return False
    if not (first in verbs or end - 1 in verbs):
        # a result word with its size: "clients see 3x more leads", "members report 40% fewer"
        # a bare percentage is a product's own term ("members earn 4% APY"), a change is not;
        # nor is a bonus's playthrough ("15x wagering")
        if norms[first] in PLAYTHROUGH:
            return False
        return first > clause[0] and (
            _number(norms[first - 1]) or (norms[first - 1] == "%" and norms[first] in CHANGES)
        )
    for i in range(first, min(end + 4, clause[1])):
        if norms[i] in CURRENCY or (norms[i][:1].isdigit() and _sized(norms, i, objects)):
            return True
    return any(norms[i] in CURRENCY for i in range(max(first - 2, clause[0]), first))


def _compared(
    post: PostContext, objects: Sequence[Match], comparatives: frozenset[str]
) -> list[tuple[int, int]]:
    """Token ranges of a comparative and the class object after it: a result named as a change
    ("thicker hair", "fewer wrinkles", "higher grades")."""
    norms = tokens(post.doc).norms
    return [
        (m.first_token - 1, m.end_token)
        for m in objects
        if m.first_token > 0 and norms[m.first_token - 1] in comparatives
    ]


def _promised(
    post: PostContext, objects: Sequence[Match], grammar: Grammar
) -> list[tuple[int, int]]:
    """Token ranges of a class object that a promising verb takes as its own object: "we
    guarantee a grade 9", "promises lower bills"."""
    table = tokens(post.doc)
    found = []
    for m in objects:
        if table.norms[m.first_token] in PEOPLE_OBJECTS:
            continue  # "anyone promising a yes" promises nothing to anyone
        if m.first_token > 1 and table.norms[m.first_token - 1] == "-":
            continue  # "a money-back guarantee": the end of a compound names the guarantee
        after = m.end_token
        while after < len(table.norms) and table.norms[after] in {",", "-", "—", "–"}:
            after += 1
        if after < len(table.norms) and table.lemmas[after] in grammar.promising_verbs:
            found.append((m.first_token, m.end_token))  # "all-day energy, guaranteed"
            continue
        for i in range(max(0, m.first_token - 4), m.first_token):
            if table.lemmas[i] in grammar.promising_verbs and all(
                table.norms[j] in PROMISED_PATH or _number(table.norms[j])
                for j in range(i + 1, m.first_token)
            ):
                found.append((m.first_token, m.end_token))
                break
    return found


def _priced(post: PostContext, verbs: Sequence[Match]) -> list[tuple[int, int]]:
    """Token ranges of a result verb and the sum of money right after it ("save $500")."""
    norms = tokens(post.doc).norms
    found = []
    for m in verbs:
        i = m.end_token
        while i < len(norms) and i - m.end_token < SUM_FILLERS_MAX and norms[i] in SUM_FILLERS:
            i += 1  # "save an average of $800", "save at least £300", "save over $1,000"
        if i + 1 < len(norms) and norms[i] in CURRENCY and _number(norms[i + 1]):
            found.append((m.first_token, i + 2))
    return found


# Words between a result verb and its sum that state the sum, not hedge it ("an average of",
# "at least", "over", "more than"; "up to" is a hedge the analysis reads).
SUM_FILLERS = frozenset({"an", "average", "of", "at", "least", "over", "more", "than", "a"})
SUM_FILLERS_MAX = 3


def _as_verbs(post: PostContext, verbs: Sequence[Match]) -> Sequence[Match]:
    """Result verbs used as verbs: after a determiner the word is a noun ("the look of fine
    lines", "a cut above", "your drop"), and before a hyphen the first part of a compound
    ("ride-share codes", "run-down")."""
    norms = tokens(post.doc).norms
    last = len(norms) - 1
    kept = [
        m
        for m in verbs
        if (m.first_token == 0 or norms[m.first_token - 1] not in DETERMINERS)
        and not (m.end_token <= last and norms[m.end_token] == "-")
    ]
    return kept if len(kept) < len(verbs) else verbs


def _sized(norms: Sequence[str], i: int, objects: frozenset[int]) -> bool:
    """A number that sizes a class object: "10 pounds", "20% higher", "200 points higher", or a
    share of one: "20% of their body weight"."""
    if i + 1 in objects:
        return True
    if not (i + 1 < len(norms) and norms[i + 1] in UNITS):
        return False
    if i + 2 in objects:
        return True
    j = i + 2
    if j < len(norms) and norms[j] == "of":
        j += 1
        while j < min(len(norms), i + 6) and norms[j] in SHARE_OF:
            j += 1
        return j in objects
    return False


def _worth(post: PostContext, match: Match) -> bool:
    """A price before "value" or "worth" is what a thing is worth ("two pillows free, a $90
    value"), not money the reader makes."""
    norms = tokens(post.doc).norms
    i = match.first_token
    return (
        match.end_token - i == 1
        and norms[i] in {"value", "worth"}
        and i > 0
        and (_number(norms[i - 1]) or norms[i - 1].startswith(("$", "£", "€")))
    )


def _number(word: str) -> bool:
    return word[:1].isdigit()


def _present(word: str, lemma: str) -> bool:
    """A verb form that can state a present fact: the base form or the third person ("clear",
    "clears"), not a past or a participle ("cleared", "clearing")."""
    return word == lemma or _third_person(word, lemma)


def _third_person(word: str, lemma: str) -> bool:
    return word in {lemma + "s", lemma + "es", lemma[:-1] + "ies"} and word != lemma


def _breaks(norms: Sequence[str], i: int) -> bool:
    word = norms[i]
    if word in CLAUSE_BREAKS:
        return True
    # ", so plan for a two-day job": a consequence after a comma is a clause of its own
    if word == "so" and i > 0 and norms[i - 1] == ",":
        return True
    # "..., and it cures colds": a new clause with its own subject
    return word in {"and", "or", "so"} and i + 1 < len(norms) and norms[i + 1] in SUBJECTS


def _attached(
    norms: Sequence[str],
    clause: tuple[int, int],
    markers: Sequence[tuple[int, int]],
    first: int,
    end: int,
    window: int,
) -> tuple[int, int] | None:
    """The marker that governs the outcome ``[first, end)``: in its part of the clause or in a
    neighbouring one (", guaranteed", "whatever your credit history,"), within ``window`` words."""
    lo = bisect_left(markers, (first - WIDE, 0))
    hi = bisect_right(markers, (end + WIDE, 0))
    best: tuple[int, tuple[int, int]] | None = None
    for marker in markers[lo:hi]:
        if marker[0] < end and first < marker[1] and marker != (first, end):
            distance = 0  # the marker is part of the outcome ("guaranteed approval")
        else:
            distance = _words(norms, min(marker[1], end), max(marker[0], first))
        if distance > window:
            continue
        between = range(min(marker[0], first), max(marker[1], end))
        if sum(1 for i in between if norms[i] == ",") > 1:
            continue  # more than one comma away: another part of the clause
        if best is None or distance < best[0]:
            best = (distance, marker)
    return best[1] if best else None


def _words(norms: Sequence[str], start: int, end: int) -> int:
    return sum(1 for i in range(start, end) if norms[i].strip() and norms[i] != ",")
