"""Kind ``platform``: what each platform does to a post: its length as the platform counts it, its hashtag cap, its fold.

The numbers are data (lexicons/platforms.yaml, each with its source), not code. A post with no
platform is not checked: there is nothing to count against.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import Any

from voicelint.kinds.base import BuildContext, Check, Hit, KindError, Param, PostContext
from voicelint.kinds.metric import HASHTAG, URL, emoji_spans
from voicelint.kinds.tone_context import lexicon

NAME = "platform"
MEASURES = ("length", "hashtags", "fold")
PARAMS = {
    "measure": Param(
        (str,),
        "length (as the platform counts it), hashtags (beyond the platform's cap) or fold "
        "(one of the policy's voice.key_messages past the point where the platform cuts the text)",
        required=True,
        choices=MEASURES,
    ),
}
MESSAGE_VARS = frozenset({"match", "count", "max", "platform"})
NAMES = {
    "x": "X",
    "instagram": "Instagram",
    "facebook": "Facebook",
    "linkedin": "LinkedIn",
    "tiktok": "TikTok",
    "threads": "Threads",
    "youtube": "YouTube",
    "bluesky": "Bluesky",
    "mastodon": "Mastodon",
    "pinterest": "Pinterest",
}


def build(params: Mapping[str, Any], ctx: BuildContext) -> Check:
    data = lexicon("platforms")
    platforms: Mapping[str, Any] = data["platforms"]
    measure = params["measure"]
    # Disclosures past the fold belong to the disclosure rules; this is for the client's own words.
    keys = ctx.setting("voice.key_messages") or []
    if not isinstance(keys, list) or not all(isinstance(k, str) and k.strip() for k in keys):
        raise KindError("measure", "the policy's voice.key_messages must be a list of phrases")

    def check(post: PostContext) -> list[Hit]:
        spec = platforms.get(post.post.platform or "")
        if spec is None:
            return []
        text = post.post.text
        name = NAMES.get(post.post.platform or "", post.post.platform)
        if measure == "length":
            return _length(text, spec, name)
        if measure == "hashtags":
            cap = spec.get("max_hashtags")
            tags = [m.span() for m in HASHTAG.finditer(text)]
            if cap is None or len(tags) <= cap:
                return []
            start, end = tags[cap]
            return [Hit(start, end, values={"count": len(tags), "max": cap, "platform": name})]
        return _fold(text, spec, name, keys)

    return check


def weighted_length(text: str, spec: Mapping[str, Any]) -> list[tuple[int, int, int]]:
    """(start, end, weight) of each counted unit of a text, the platform's way."""
    text_units: list[tuple[int, int, int]] = []
    links: dict[int, int] = {}
    if spec.get("link_length"):
        for match in URL.finditer(text):
            links.setdefault(match.start(), match.end())
    counting = spec.get("counting", "codepoints")
    emojis = dict(emoji_spans(text)) if counting in ("weighted", "graphemes") else {}
    ranges = spec.get("weight_1", [])
    weights: dict[str, int] = {}
    i = 0
    while i < len(text):
        if i in links:
            text_units.append((i, links[i], int(spec["link_length"])))
            i = links[i]
            continue
        if i in emojis:
            text_units.append((i, emojis[i], 2 if counting == "weighted" else 1))
            i = emojis[i]
            continue
        char = text[i]
        if counting == "graphemes" and unicodedata.combining(char) and text_units:
            i += 1
            continue
        weight = 1
        if counting == "weighted":
            weight = weights.get(char, 0)
            if not weight:
                point = ord(char)
                weight = weights[char] = 1 if any(a <= point <= b for a, b in ranges) else 2
        text_units.append((i, i + 1, weight))
        i += 1
    return text_units


def _most_weight(text: str, spec: Mapping[str, Any]) -> int:
    """What a text can weigh at most: every character 2 where characters are weighted, every link
    its fixed length (a unit never weighs more than its characters, but a link may)."""
    most = (2 if spec.get("counting") == "weighted" else 1) * len(text)
    if spec.get("link_length"):
        most += int(spec["link_length"]) * sum(1 for _ in URL.finditer(text))
    return most


def _length(text: str, spec: Mapping[str, Any], name: str) -> list[Hit]:
    limit = spec.get("max_length")
    if limit is None or _most_weight(text, spec) <= limit:
        return []
    units = weighted_length(text, spec)
    total = sum(w for _, _, w in units)
    if total <= limit:
        return []
    running = 0
    for start, _, weight in units:
        running += weight
        if running > limit:
            return [Hit(start, len(text), values={"count": total, "max": limit, "platform": name})]
    return []


def _fold(text: str, spec: Mapping[str, Any], name: str, keys: list[str]) -> list[Hit]:
    fold = spec.get("fold")
    if fold is None or len(text) <= fold:
        return []
    hits = []
    lower = text.lower()
    for key in keys:
        pattern = re.compile(r"(?<![\w#])" + re.escape(key.lower()) + r"(?!\w)")
        first = pattern.search(lower)
        if first and first.start() >= fold:
            hits.append(
                Hit(
                    first.start(),
                    first.end(),
                    values={"count": first.start(), "max": fold, "platform": name},
                )
            )
    return sorted(hits, key=lambda h: h.start)
