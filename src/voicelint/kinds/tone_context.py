"""What the tone kinds share: word lists shipped as data, registers, sentences, who words point at.

The lexicons are YAML files in ``voicelint/lexicons/`` (each says its source), read once per process.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from typing import Any

from voicelint import lexicon as lexicon_file
from voicelint.analysis import QUESTION, STOP, breaks, split_sentences
from voicelint.kinds.base import BuildContext, KindError, PostContext

REGISTERS = ("formal", "neutral", "casual")  # most formal first
DEFAULT_REGISTER = "neutral"

SECOND_PERSON = frozenset(
    {"you", "your", "yours", "yourself", "yourselves", "u", "ur", "ya", "y'", "you're", "youre"}
)
FIRST_PERSON = frozenset({"we", "our", "ours", "us", "ourselves", "i", "my", "me", "mine"})
CLAUSE_BREAK = frozenset({",", ";", ":", "—", "–", "-", "(", ")", '"', "“", "”"})
# Quotation marks: straight double, curly double and curly single. A straight single quote only
# opens after a space and closes before one, so apostrophes (it's, Dunkin') are not quotes.
QUOTED = re.compile(r"\"[^\"\n]+\"|“[^”\n]+”|‘[^’\n]+’|(?<![\w])'[^'\n]+'(?![\w])")


@cache
def lexicon(name: str) -> Mapping[str, Any]:
    """A shipped word list by file name (``register`` reads ``lexicons/register.yaml``)."""
    if "/" in name or not (lexicon_file.LEXICONS / f"{name}.yaml").is_file():
        known = ", ".join(sorted(p.stem for p in lexicon_file.LEXICONS.glob("*.yaml")))
        raise KindError("lexicon", f'no shipped lexicon "{name}" (shipped: {known})')
    return lexicon_file.load(name)


def allowed_terms(ctx: BuildContext, source: str | None) -> frozenset[str]:
    """Lower-cased words the policy lets its copy use anyway (voice.allowed_terms)."""
    if not source:
        return frozenset()
    value = ctx.setting(source) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise KindError("allow_from", f"the policy's {source} must be a list of words or phrases")
    return frozenset(" ".join(v.lower().split()) for v in value)


def register_for(ctx: BuildContext, platform: str | None) -> str:
    """The register a post is held to: the platform's override, else the policy's, else neutral."""
    by_platform = ctx.setting("voice.register_by_platform")
    if isinstance(by_platform, Mapping) and platform in by_platform:
        return str(by_platform[platform])
    register = ctx.setting("voice.register")
    return register if register in REGISTERS else DEFAULT_REGISTER


def more_formal(register: str, than: str) -> bool:
    return REGISTERS.index(register) < REGISTERS.index(than)


def sentences(doc: Any) -> list[tuple[int, int]]:
    """Token ranges ``[first, end)`` of the sentences of a Doc: the analysis's one splitter."""
    return split_sentences(doc)


def quoted_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in QUOTED.finditer(text)]


def echoes_customer(post: PostContext, start: int, end: int) -> bool:
    """Whether words are the customer's own, quoted back in a reply ("sorry the lid felt 'useless'")."""
    said = post.post.in_reply_to
    if not said:
        return False
    words = post.post.text[start:end].lower()
    if words not in said.lower():
        return False
    return any(a <= start and end <= b for a, b in quoted_spans(post.post.text))


def is_name_case(doc: Any, index: int) -> bool:
    """A capitalised word inside a sentence reads as a name (Stan, Ty, Dick Francis), not a word."""
    token = doc[index]
    if not token.text[:1].isupper() or token.text.isupper():
        return False
    if index == 0:
        return False
    previous = doc[index - 1]
    ends = breaks(doc)[index - 1] in (STOP, QUESTION)
    return not (ends or (previous.is_punct and previous.text in {":", '"', "“", "(", "#"}))
