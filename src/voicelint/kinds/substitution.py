"""Kind ``substitution``: a term the client replaces with a preferred one, reported with the fix."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from voicelint.kinds.base import BuildContext, Check, Hit, KindError, Param, PostContext
from voicelint.nlp import longest_first

NAME = "substitution"
PARAMS = {
    "swap": Param((dict,), "a mapping of term to preferred term, e.g. {sign up: open an account}"),
    "swap_from": Param(
        (str,), "a policy setting that holds the mapping, e.g. voice.preferred_terms"
    ),
}
MESSAGE_VARS = frozenset({"match", "replacement"})


def build(params: Mapping[str, Any], ctx: BuildContext) -> Check:
    swaps = dict(_mapping(params.get("swap") or {}, "swap"))
    source = params.get("swap_from")
    if source:
        swaps.update(_mapping(ctx.setting(source) or {}, "swap_from", source))
    elif not swaps:
        raise KindError("swap", "a substitution rule needs swap (or swap_from)")
    # The preferred terms join the same longest-match contest, so that with {"gap pad": "thermal gap
    # pad"} the text "thermal gap pad" wins as a whole and is not flagged for its "gap pad".
    wrong_keys = {
        ctx.bank.add_phrases(ctx.rule_id, [term]): (term, good) for term, good in swaps.items()
    }
    preferred_key = ctx.bank.add_phrases(ctx.rule_id + ":preferred", list(swaps.values()))

    def check(post: PostContext) -> list[Hit]:
        owner = {}
        for key, pair in wrong_keys.items():
            for match in post.matches_for(key):
                owner[match] = pair
        preferred = post.matches_for(preferred_key)
        hits = []
        for match in longest_first([*owner, *preferred]):
            if match not in owner:
                continue
            term, good = owner[match]
            matched = post.post.text[match.start : match.end]
            if matched.lower() == good.lower():
                continue  # the preferred term is an inflection of the banned one
            fix = match_case(good, matched) if matched.lower() == term.lower() else None
            hits.append(Hit(match.start, match.end, fix=fix, values={"replacement": good}))
        return hits

    return check


def _mapping(value: Any, param: str, source: str | None = None) -> dict[str, str]:
    if not isinstance(value, Mapping) or not all(
        isinstance(k, str) and k.strip() and isinstance(v, str) and v.strip()
        for k, v in value.items()
    ):
        where = f"the policy's {source}" if source else param
        raise KindError(param, f"{where} must map each term to its preferred term")
    return dict(value)


def match_case(replacement: str, matched: str) -> str:
    """The replacement written in the case of the words it replaces (Sign up -> Open an account)."""
    if matched.isupper() and len(matched) > 1:
        return replacement.upper()
    if matched[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement
