"""Kind ``near``: a term and a trigger word close together in one sentence ("cuts your risk of diabetes").

Regulators read a disease claim wherever an effect word governs a disease, whatever the grammar:
"cures colds", "colds? gone in a day", "keeps the flu away", "my anemia was gone". This kind flags
a ``terms`` match (the disease) with a ``near`` match (the effect) within ``window`` words, in
either order (or the one ``order`` names), inside one sentence (or across ``across`` sentence
ends); a question mark does not end the
sentence, so "Heartburn? Gut Ease calms it" counts. Compliance lexicons call this NEAR.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from voicelint import context  # a module import: context imports the kinds package
from voicelint.analysis import CLAUSE, LINE, STOP, breaks
from voicelint.kinds.base import (
    BuildContext,
    Check,
    Hit,
    KindError,
    Param,
    PostContext,
    inside,
    needing,
    string_list,
)
from voicelint.nlp import Match, PatternError

NAME = "near"
ORDERS = ("either", "near_first", "terms_first")
PARAMS = {
    "terms": Param(
        (list,), "what the claim is about (a disease, a symptom); $lists allowed", required=True
    ),
    "near": Param(
        (list,),
        "the words that make it a claim (cure, prevent, gone); $lists allowed",
        required=True,
    ),
    "term_patterns": Param(
        (list,),
        "token patterns that also count as terms, e.g. a medical suffix: [{LOWER: {REGEX: 'itis$'}}]",
    ),
    "near_patterns": Param(
        (list,),
        'token patterns that also count as triggers, e.g. "never" and "again" a few words '
        "apart: [{LOWER: never}, {IS_ALPHA: true, OP: '{1,4}'}, {LOWER: again}]",
    ),
    "window": Param((int,), "the most words between the two (default 6)"),
    "across": Param(
        (int,),
        "how many sentence ends may stand between the two (default 0: one sentence; 1: the "
        'trigger may close the next sentence, "ends tonight. It\'s never coming back")',
    ),
    "order": Param((str,), "either (default), near_first or terms_first", choices=ORDERS),
    "exceptions": Param(
        (list,), "phrases within which a term or trigger is another sense (cold brew)"
    ),
}
MESSAGE_VARS = frozenset({"match"})
# A question does not end the span ("Heartburn? Gut Ease calms it"); a clause's ";" does.
NEAR_BREAKS = frozenset({STOP, LINE, CLAUSE})


def build(params: Mapping[str, Any], ctx: BuildContext) -> Check:
    terms = string_list(params, "terms")
    triggers = string_list(params, "near")
    window = params.get("window", 6)
    if isinstance(window, bool) or window < 0:
        raise KindError("window", "window must be a number of words, 0 or more")
    order = params.get("order", "either")
    across = params.get("across", 0)
    if isinstance(across, bool) or across < 0:
        raise KindError("across", "across must be a number of sentence ends, 0 or more")
    term_key = ctx.bank.add_phrases(ctx.rule_id + ":terms", terms)
    pattern_key = _patterns(ctx, params, "term_patterns", ":term-patterns")
    trigger_key = ctx.bank.add_phrases(ctx.rule_id + ":near", triggers)
    near_pattern_key = _patterns(ctx, params, "near_patterns", ":near-patterns")
    exception_key = ctx.bank.add_phrases(ctx.rule_id + ":except", string_list(params, "exceptions"))

    def check(post: PostContext) -> list[Hit]:
        candidates = post.matches_for(term_key) + (
            post.matches_for(pattern_key) if pattern_key else []
        )
        if not candidates:
            return []  # no term: nothing to be near (most posts, for most rules)
        exceptions = post.matches_for(exception_key)
        found = sorted(
            (
                m
                for m in set(candidates)
                if not inside(m, exceptions) and not _in_saying(post.doc, m)
            ),
            key=lambda m: (m.start, -m.end),
        )
        near = [
            m
            for m in post.matches_for(trigger_key)
            + (post.matches_for(near_pattern_key) if near_pattern_key else [])
            if not inside(m, exceptions)
            and not _is_name(post.doc, m)
            and not _readers_own(post.doc, m)
            and not _denied(post.doc, m)
        ]
        if not found or not near:
            return []
        hits: list[Hit] = []
        taken_until = -1
        counts = _running_counts(post.doc)
        for term in found:
            partner = _closest(counts, term, near, window, order, across)
            if partner is None:
                continue
            start, end = min(term.start, partner.start), max(term.end, partner.end)
            if start < taken_until:
                continue  # one finding per stretch of text
            hits.append(Hit(start, end))
            taken_until = end
        return hits

    return needing(check, term_key, pattern_key)


def _patterns(ctx: BuildContext, params: Mapping[str, Any], name: str, suffix: str) -> Any:
    """The bank key of a rule's token patterns (``term_patterns``, ``near_patterns``), or None."""
    if not params.get(name):
        return None
    try:
        return ctx.bank.add_patterns(ctx.rule_id + suffix, params[name])
    except PatternError as error:
        raise KindError(name, f"the pattern is refused: {error}") from None


def _closest(
    counts: tuple[list[int], list[int]],
    term: Match,
    near: list[Match],
    window: int,
    order: str,
    across: int = 0,
) -> Match | None:
    best: tuple[int, Match] | None = None
    for trigger in near:
        if trigger.end_token <= term.first_token:
            if order == "terms_first":
                continue
            gap = _words_between(counts, trigger.end_token, term.first_token, across)
        elif term.end_token <= trigger.first_token:
            if order == "near_first":
                continue
            gap = _words_between(counts, term.end_token, trigger.first_token, across)
        elif term.end <= trigger.start or trigger.end <= term.start:
            gap = 0  # two words joined in one token: "#reversediabetes"
        else:
            continue  # overlapping: the same words, not two
        if gap is not None and gap <= window and (best is None or gap < best[0]):
            best = (gap, trigger)
    return best[1] if best else None


# A trigger denied by the words just before it is no claim: "there's no cure yet", "no known
# cure", "is not curable", "we can't cure it". "never" is left out: it is part of promises
# ("never come back") and of claims ("you'll never suffer").
DENIALS = frozenset({"no", "not", "n't", "cannot"})
DENIAL_REACH = 2  # words before the trigger: "no known cure"


def _denied(doc: Any, match: Match) -> bool:
    """Whether a denial stands at most ``DENIAL_REACH`` words before a trigger, in its clause."""
    seen, i = 0, match.first_token - 1
    while i >= 0 and seen < DENIAL_REACH:
        token = doc[i]
        if token.is_punct:
            return False
        if not token.is_space:
            if token.norm_ in DENIALS:
                return True
            seen += 1
        i -= 1
    return False


def _in_saying(doc: Any, match: Match) -> bool:
    """A term inside a "no A, no B" saying ("no pain, no gain") names no condition."""
    cue = match.first_token - 1
    return cue >= 0 and context.in_proverb(doc, cue, match.end_token)


def _is_name(doc: Any, match: Match) -> bool:
    """A capitalised trigger inside a sentence is a name ("Gut Ease", "Cold Shield"), not a verb."""
    token = doc[match.first_token]
    if not token.is_title or match.first_token == 0:
        return False
    previous = doc[match.first_token - 1]
    if (
        breaks(doc)[previous.i] in NEAR_BREAKS
        or previous.text in {"?", ":", '"', "'"}
        or previous.is_space
        # an emoji or a symbol opens a new line of thought: "...attached! 📦 Just book"
        or not (previous.is_punct or any(c.isalnum() for c in previous.text))
    ):
        return False
    return not _headline(doc, match.first_token)


def _headline(doc: Any, i: int) -> bool:
    """Whether the words around token ``i`` are in headline case ("Exercises to Combat Colds"):
    there every long word is capitalised, so a capital marks no name."""
    words = [t for t in doc[max(0, i - 8) : i + 8] if t.is_alpha and len(t.text) > 3]
    return len(words) >= 3 and all(t.is_title or t.is_upper for t in words)


def _running_counts(doc: Any) -> tuple[list[int], list[int]]:
    """Words and sentence ends before each token, counted once per post: the words between two
    matches are then a subtraction, not a walk (a walk per pair took minutes on a repeated claim)."""
    words, ends = [0], [0]
    cut = breaks(doc)
    for token in doc:
        ends.append(ends[-1] + (cut[token.i] in NEAR_BREAKS))
        words.append(words[-1] + (not token.is_punct and not token.is_space))
    return words, ends


# What makes the reader's doing the product's: "helps you manage", "lets you beat"
ENABLING = frozenset(
    {"help", "helps", "helping", "helped", "let", "lets", "make", "makes", "get", "gets"}
    | {"enable", "enables", "allow", "allows", "keep", "keeps", "so", "and"}
)
READER_SUBJECT = (("you", "'re"), ("you", "are"), ("if", "you"), ("when", "you"))


def _readers_own(doc: Any, match: Match) -> bool:
    """The reader as the subject of the effect word ("if you're managing diabetes", "when you
    treat a cold at home"): what the reader does, not what the product does; not after a word
    that makes it the product's doing ("helps you manage diabetes")."""
    i = match.first_token
    before = tuple(t.lower_ for t in doc[max(0, i - 3) : i])
    if before[-2:] not in READER_SUBJECT and before[-1:] != ("you",):
        return False
    if before[-2:] in (("if", "you"), ("when", "you")):
        return True
    k = len(before) - (2 if before[-2:] in READER_SUBJECT else 1) - 1
    return k < 0 or before[k] not in ENABLING


def _words_between(
    counts: tuple[list[int], list[int]], start: int, end: int, across: int = 0
) -> int | None:
    """Words in tokens ``[start, end)``; None when more than ``across`` sentences end between
    them."""
    words, ends = counts
    if end <= start:
        return 0
    if ends[end] - ends[start] > across:
        return None
    return words[end] - words[start]
