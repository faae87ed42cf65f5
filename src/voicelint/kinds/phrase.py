"""Kind ``phrase``: words and phrases, matched on whole tokens in any inflection, longest match first."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from voicelint.kinds.base import (
    NEIGHBOUR_PARAMS,
    BuildContext,
    Check,
    Hit,
    KindError,
    Param,
    PostContext,
    needing,
    neighbour_filter,
    string_list,
)
from voicelint.nlp import Match, adjective_forms, longest_first

NAME = "phrase"
PARAMS = {
    "terms": Param(
        (list,), "words or phrases to flag; every inflection matches (cure: cures, cured)"
    ),
    "terms_from": Param((str,), "a policy setting that holds the terms, e.g. voice.banned_terms"),
    "case": Param(
        (str,), "insensitive (default) or sensitive", choices=("insensitive", "sensitive")
    ),
    "inflect": Param(
        (bool,), "match inflections (default true); false matches the words as written"
    ),
    "exceptions": Param(
        (list,), "phrases within which a match is not a finding (green tea, cured ham)"
    ),
    **NEIGHBOUR_PARAMS,
}
MESSAGE_VARS = frozenset({"match"})


def build(params: Mapping[str, Any], ctx: BuildContext) -> Check:
    terms = phrase_terms(params, ctx)
    exceptions = string_list(params, "exceptions")
    sensitive = params.get("case", "insensitive") == "sensitive"
    attr = "LEMMA" if params.get("inflect", True) else ("ORTH" if sensitive else "LOWER")
    if sensitive:
        # One key per term, so a match can be checked against the case of the term it came from.
        term_keys = {ctx.bank.add_phrases(ctx.rule_id, [term], attr): term for term in terms}
    else:
        term_keys = {ctx.bank.add_phrases(ctx.rule_id, terms, attr): ""}
    if attr == "LEMMA":
        # lemmas never read an adjective's degrees ("best" must not be "good"), so "cheap" names
        # its regular "cheaper" and "cheapest" itself
        for term in terms:
            forms = adjective_forms(term.lower()) if " " not in term.strip() else ()
            if forms:
                key = ctx.bank.add_phrases(ctx.rule_id + ":degree", forms, "LOWER")
                term_keys[key] = term if sensitive else ""
    exception_key = ctx.bank.add_phrases(ctx.rule_id + ":except", exceptions, attr)
    keep = neighbour_filter(params)

    def check(post: PostContext) -> list[Hit]:
        found: list[Match] = []
        for key, term in term_keys.items():
            for match in post.matches_for(key):
                if not sensitive or same_case(post.post.text[match.start : match.end], term):
                    found.append(match)
        hits = drop_excepted(found, post.matches_for(exception_key))
        return [Hit(m.start, m.end) for m in hits if keep(post.doc, m)]

    return needing(check, *term_keys)


def phrase_terms(params: Mapping[str, Any], ctx: BuildContext) -> list[str]:
    """The rule's own terms plus those from the policy setting named by ``terms_from``."""
    terms = string_list(params, "terms")
    source = params.get("terms_from")
    if source:
        value = ctx.setting(source)
        if value is not None:
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise KindError(
                    "terms_from", f"the policy's {source} must be a list of words or phrases"
                )
            terms = terms + value
    elif not terms:
        raise KindError("terms", "a phrase rule needs terms (or terms_from)")
    return terms


def drop_excepted(found: list[Match], exceptions: list[Match]) -> list[Match]:
    """Longest matches first, without those that lie inside an exception phrase (or are one:
    "without a fee" excepted whole)."""
    return [
        m
        for m in longest_first(found)
        if not any(e.start <= m.start and m.end <= e.end for e in exceptions)
    ]


def same_case(matched: str, term: str) -> bool:
    """Whether matched words keep the capitalisation of the term's words (AI vs ai, Apple vs apple)."""
    for got, want in zip(matched.split(), term.split(), strict=False):
        if want.isupper() and len(want) > 1 and not got.isupper():
            return False
        if want[:1].isupper() != got[:1].isupper():
            return False
    return True
