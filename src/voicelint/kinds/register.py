"""Kind ``register``: slang, textspeak and informal words the brand's register (formal, neutral, casual) rules out."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from voicelint.kinds.base import BuildContext, Check, Hit, KindError, Param, PostContext
from voicelint.kinds.tone_context import (
    REGISTERS,
    allowed_terms,
    echoes_customer,
    is_name_case,
    lexicon,
    more_formal,
    register_for,
)
from voicelint.nlp import Match, PatternError, longest_first

NAME = "register"
PARAMS = {
    "lexicon": Param((str,), "the shipped word list to use (default: register)"),
    "allow_from": Param(
        (str,),
        "a policy setting with words the client's copy may use anyway, e.g. voice.allowed_terms",
    ),
}
MESSAGE_VARS = frozenset({"match", "label", "register", "allowed_on"})


def build(params: Mapping[str, Any], ctx: BuildContext) -> Check:
    data = lexicon(params.get("lexicon", "register"))
    allowed = allowed_terms(ctx, params.get("allow_from"))
    groups = []  # (key, label, allowed_on, unless_next)
    for group in data["groups"]:
        label, allowed_on = group["label"], group["allowed_on"]
        if allowed_on not in REGISTERS:
            raise KindError("lexicon", f"group {label}: allowed_on must be one of {REGISTERS}")
        key = ctx.bank.add_phrases(f"{ctx.rule_id}:{label}", group.get("terms", []), "LOWER")
        groups.append((key, label, allowed_on, frozenset()))
        for entry in group.get("patterns", []):
            try:
                key = ctx.bank.add_patterns(f"{ctx.rule_id}:{label}", [entry["pattern"]])
            except PatternError as error:
                raise KindError("lexicon", f"group {label}: {error}") from None
            groups.append((key, label, allowed_on, frozenset(entry.get("unless_next", []))))

    def check(post: PostContext) -> list[Hit]:
        register = register_for(ctx, post.post.platform)
        doc, text = post.doc, post.post.text
        owner: dict[Match, tuple[str, str]] = {}
        for key, label, allowed_on, unless_next in groups:
            if not more_formal(register, allowed_on):
                continue
            for match in post.matches_for(key):
                if match.end_token < len(doc) and doc[match.end_token].lower_ in unless_next:
                    continue
                owner.setdefault(match, (label, allowed_on))
        hits = []
        for match in longest_first(owner):
            words = " ".join(text[match.start : match.end].lower().split())
            if words in allowed or echoes_customer(post, match.start, match.end):
                continue
            if _mirrored(post.post.in_reply_to, words):
                continue  # "lol we'll pass that on" to "lol your coffee is better than mine"
            single = match.end_token - match.first_token == 1
            if single and is_name_case(doc, match.first_token):
                continue
            if single and _part_of_compound(text, match.start, match.end):
                continue  # the "U" of "U-turn", the "u" of "u.s."
            if single and _credential(doc, match.first_token):
                continue  # "Meet Rosa Delgado, RN": letters after a name, not "rn"
            label, allowed_on = owner[match]
            hits.append(
                Hit(
                    match.start,
                    match.end,
                    values={"label": label, "register": register, "allowed_on": allowed_on},
                )
            )
        return hits

    return check


def _mirrored(said: str | None, words: str) -> bool:
    """Whether the customer used the same informal words first: a reply that answers "lol" with
    "lol" matches the customer's register, which care guides ask for (Sprout Social, Hootsuite:
    mirror the customer's tone), whatever the brand's own posts use."""
    if not said:
        return False
    return re.search(rf"(?<![\w']){re.escape(words)}(?![\w'])", said.lower()) is not None


def _credential(doc: Any, index: int) -> bool:
    """Capitals after a name and a comma: a credential ("Rosa Delgado, RN", "Sam Ortiz, MD")."""
    word = doc[index].text
    return (
        word.isupper()
        and len(word) > 1
        and index > 1
        and doc[index - 1].text == ","
        and doc[index - 2].text[:1].isupper()
        and doc[index - 2].is_alpha
    )


def _part_of_compound(text: str, start: int, end: int) -> bool:
    before = text[start - 1 : start] if start else ""
    after = text[end : end + 2]
    return before in ("-", ".", "/") or (after[:1] in ("-", ".", "/") and after[1:2].isalnum())
