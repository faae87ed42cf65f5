"""Kind ``pattern``: spaCy token patterns (LEMMA, LOWER, IS_DIGIT, OP...), longest match first."""

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
from voicelint.kinds.phrase import drop_excepted
from voicelint.nlp import PatternError

NAME = "pattern"
PARAMS = {
    "patterns": Param(
        (list,),
        "spaCy Matcher patterns: a list of patterns, each a list of token mappings "
        "such as {LEMMA: cure} or {LOWER: {IN: [cold, colds]}}",
        required=True,
    ),
    "exceptions": Param((list,), "phrases within which a match is not a finding"),
    **NEIGHBOUR_PARAMS,
}
MESSAGE_VARS = frozenset({"match"})


def build(params: Mapping[str, Any], ctx: BuildContext) -> Check:
    patterns = params["patterns"]
    if (
        not isinstance(patterns, list)
        or not patterns
        or not all(isinstance(p, list) and p for p in patterns)
    ):
        raise KindError(
            "patterns", "patterns must be a list of patterns, each a non-empty list of tokens"
        )
    try:
        key = ctx.bank.add_patterns(ctx.rule_id, patterns)
    except PatternError as error:
        raise KindError("patterns", f"the pattern is refused: {error}") from None
    exception_key = ctx.bank.add_phrases(ctx.rule_id + ":except", string_list(params, "exceptions"))
    keep = neighbour_filter(params)

    def check(post: PostContext) -> list[Hit]:
        hits = drop_excepted(post.matches_for(key), post.matches_for(exception_key))
        return [Hit(m.start, m.end) for m in hits if keep(post.doc, m)]

    return needing(check, key)
