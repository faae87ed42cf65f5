"""What every rule kind shares: parameters, the build and check contexts, and the hit it reports."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any

from voicelint.analysis import Customer, TextAnalysis
from voicelint.intents import message_intents
from voicelint.model import Post
from voicelint.nlp import Match, MatcherBank, parse


class KindError(ValueError):
    """A rule's parameters that its kind cannot build from; ``param`` names the offending key."""

    def __init__(self, param: str | None, message: str) -> None:
        super().__init__(message)
        self.param = param


@dataclass(frozen=True)
class Param:
    """One parameter a kind accepts: its allowed YAML types, whether it is required, its choices."""

    types: tuple[type, ...]
    doc: str
    required: bool = False
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class Hit:
    """A stretch ``[start, end)`` of a post's text that breaks a rule."""

    start: int
    end: int
    fix: str | None = None
    values: Mapping[str, Any] = field(default_factory=dict)


class BuildContext:
    """What a kind may use while compiling a rule: the policy's settings and the matcher bank."""

    def __init__(self, bank: MatcherBank, settings: Mapping[str, Any], rule_id: str) -> None:
        self.bank = bank
        self.rule_id = rule_id
        self._settings = settings

    def setting(self, dotted: str) -> Any:
        """A policy setting such as ``voice.banned_terms``; None when the policy leaves it out."""
        value: Any = self._settings
        for part in dotted.split("."):
            if not isinstance(value, Mapping) or part not in value:
                return None
            value = value[part]
        return value


@dataclass
class PostContext:
    """What a check sees of one post: the post, its parsed Doc and the bank's matches."""

    post: Post
    doc: Any
    matches: Mapping[str, list[Match]]
    competitor_key: str | None = None  # the bank's key for the policy's competitor names

    def matches_for(self, key: str) -> list[Match]:
        return self.matches.get(key, [])

    @cached_property
    def analysis(self) -> TextAnalysis:
        """The post's analysis (sentences, acts, who each is about, valence, certainty)."""
        named = frozenset(
            i
            for m in (self.matches_for(self.competitor_key) if self.competitor_key else ())
            for i in range(m.first_token, m.end_token)
        )
        return TextAnalysis(self.doc, named)

    @cached_property
    def sentence_hits(self) -> tuple[Hit, ...]:
        """A hit for each sentence that holds text, in text order: what every rule of kind
        ``sentence`` lists for its conditions, made once per post (a Hit is never changed)."""
        return tuple(Hit(start, stop) for _, _, start, stop in self.analysis.bounds if stop > start)

    @cached_property
    def customer(self) -> Customer | None:
        """The customer's message analysed in the same pass, or None for a post that answers none."""
        said = self.post.in_reply_to
        if not said or not said.strip():
            return None
        return customer_of(said)


@lru_cache(maxsize=256)
def customer_of(said: str) -> Customer:
    """A customer's message analysed; kept for the other replies to the same message (drafts of
    one answer, a thread's replies), since all that is read of it depends on its text alone."""
    doc = parse(said)
    return Customer(TextAnalysis(doc), message_intents(said, doc))


Check = Callable[[PostContext], list[Hit]]


def needing(check: Check, *keys: str | None) -> Check:
    """``check``, marked with the matcher bank keys its hits come from: it finds nothing in a
    post where none of them matched, and the engine does not call it there (``needs_of``)."""
    check.needs = tuple(key for key in keys if key)  # type: ignore[attr-defined]
    return check


def needs_of(check: Check) -> tuple[str, ...]:
    """The bank keys one of which must have matched for ``check`` to find anything; () when
    its kind does not say (it is called on every post)."""
    return tuple(getattr(check, "needs", ()))


def string_list(params: Mapping[str, Any], name: str) -> list[str]:
    """A parameter that must be a list of non-empty strings."""
    value = params.get(name) or []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise KindError(name, f"{name} must be a list of words or phrases")
    return value


def inside(match: Match, others: list[Match]) -> bool:
    """Whether a match lies within any of the other matches (an exception, a preferred term)."""
    return any(o.start <= match.start and match.end <= o.end and o != match for o in others)


NEIGHBOUR_PARAMS = {
    "not_after": Param(
        (list,),
        "words that, right before a match, make it another sense (our best latte: self-comparison)",
    ),
    "not_before": Param(
        (list,), "words that, right after a match, make it another sense (#1 priority, best wishes)"
    ),
}


def neighbour_filter(params: Mapping[str, Any]) -> Callable[[Any, Match], bool]:
    """Keep a match unless the word just before or after it marks another sense."""
    before = {w.lower() for w in string_list(params, "not_after")}
    after = {w.lower() for w in string_list(params, "not_before")}

    def keep(doc: Any, match: Match) -> bool:
        previous = _word(doc, match.first_token - 1, -1)
        following = _word(doc, match.end_token, 1)
        return previous not in before and following not in after

    return keep


def _word(doc: Any, index: int, step: int) -> str | None:
    """The nearest non-space token from ``index`` in direction ``step``, lower-cased."""
    while 0 <= index < len(doc):
        if not doc[index].is_space:
            return doc[index].norm_
        index += step
    return None
