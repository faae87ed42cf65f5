"""Kind ``metric``: counts over a post (exclamation marks, capitals, emoji, hashtags, mentions, length)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from typing import Any

from voicelint.kinds.base import (
    BuildContext,
    Check,
    Hit,
    KindError,
    Param,
    PostContext,
    string_list,
)
from voicelint.kinds.tone_context import REGISTERS, register_for
from voicelint.nlp import is_dictionary_word

NAME = "metric"
MEASURES = (
    "exclamations",
    "exclamation_run",
    "capitals",
    "emoji",
    "repeated_emoji",
    "hashtags",
    "mentions",
    "length",
)
PARAMS = {
    "measure": Param(
        (str,), "what to count: " + ", ".join(MEASURES), required=True, choices=MEASURES
    ),
    "max": Param((int, float), "the most allowed (for capitals: the share of words, 0 to 1)"),
    "max_from": Param(
        (str,),
        "a policy setting that overrides max, e.g. voice.max_emoji; it may be a number or a "
        "mapping of platform to number with a 'default'",
    ),
    "max_by_register": Param(
        (dict,),
        "a most allowed per register of the voice (formal, neutral, casual), over max; e.g. "
        "{casual: 2}",
    ),
    "min_words": Param((int,), "capitals: how many shouted words it takes before the share counts"),
    "allow": Param((list,), "capitals: words that may be written in capitals"),
    "allow_from": Param((str,), "capitals: a policy setting with more such words"),
}
MESSAGE_VARS = frozenset({"match", "count", "max", "measure"})

EXCLAMATION = re.compile(r"[!！]")
EXCLAMATION_RUN = re.compile(r"[!！]{2,}")
HASHTAG = re.compile(r"(?<![\w&#])#\w*[^\W\d_]\w*")
MENTION = re.compile(r"(?<![\w.@])@\w+")
WORD = re.compile(r"(?<![\w#@$./])[^\W\d_][^\W\d_'’]*[^\W\d_]")
URL = re.compile(r"https?://\S+|www\.\S+", re.IGNORECASE)
# Two letters in a row that are not lower-case ASCII: every shouted word has such a run, so a post
# with fewer runs than it takes to shout is not read word by word.
UPPER_RUN = re.compile(r"[^\W\d_a-z]{2,}")


def build(params: Mapping[str, Any], ctx: BuildContext) -> Check:
    measure = params["measure"]
    default_max = params.get("max")
    source = params.get("max_from")
    if default_max is None and not source:
        raise KindError("max", "a metric rule needs max (or max_from)")
    if default_max is not None and (isinstance(default_max, bool) or default_max < 0):
        raise KindError("max", "max must be a number of at least 0")
    setting = ctx.setting(source) if source else None
    _check_setting(setting, source)
    allowed = {w.lower() for w in string_list(params, "allow")}
    allow_source = params.get("allow_from")
    if allow_source:
        extra = ctx.setting(allow_source) or []
        if not isinstance(extra, list) or not all(isinstance(w, str) for w in extra):
            raise KindError("allow_from", f"the policy's {allow_source} must be a list of words")
        allowed |= {w.lower() for w in extra}
    by_register = _by_register(params.get("max_by_register"))
    counter = _COUNTERS.get(measure)
    min_words = params.get("min_words", 2)

    def check(post: PostContext) -> list[Hit]:
        limit = _limit_for(setting, post.post.platform, default_max)
        if by_register:
            limit = by_register.get(register_for(ctx, post.post.platform), limit)
        if limit is None:
            return []
        text = post.post.text
        if measure == "capitals":
            return _capitals(text, limit, allowed, min_words)
        if measure == "exclamation_run":
            return [
                Hit(m.start(), m.end(), values={"count": len(m.group()), "max": limit})
                for m in EXCLAMATION_RUN.finditer(text)
                if len(m.group()) > limit
            ]
        if measure == "repeated_emoji":
            return _repeated_emoji(text, limit)
        if measure == "length":
            if len(text) <= limit:
                return []
            return [Hit(int(limit), int(limit) + 1, values={"count": len(text), "max": limit})]
        spans = counter(text)
        if len(spans) <= limit:
            return []
        start, end = spans[int(limit)]
        return [Hit(start, end, values={"count": len(spans), "max": limit})]

    return check


def _by_register(value: Any) -> dict[str, float]:
    if value is None:
        return {}
    if not all(
        key in REGISTERS and isinstance(v, int | float) and not isinstance(v, bool) and v >= 0
        for key, v in value.items()
    ):
        raise KindError(
            "max_by_register",
            "max_by_register maps a register (" + ", ".join(REGISTERS) + ") to a number",
        )
    return dict(value)


def _check_setting(setting: Any, source: str | None) -> None:
    if setting is None:
        return
    values = setting.values() if isinstance(setting, Mapping) else [setting]
    if not all(isinstance(v, int | float) and not isinstance(v, bool) and v >= 0 for v in values):
        raise KindError(
            "max_from",
            f"the policy's {source} must be a number, or a mapping of platform to number",
        )


def _limit_for(setting: Any, platform: str | None, default: Any) -> Any:
    if isinstance(setting, Mapping):
        if platform and platform in setting:
            return setting[platform]
        return setting.get("default", default)
    return default if setting is None else setting


def _regex_spans(pattern: re.Pattern[str]) -> Callable[[str], list[tuple[int, int]]]:
    return lambda text: [m.span() for m in pattern.finditer(text)]


# Where an emoji can be: a run of non-ASCII characters, after the ASCII base of a keycap (#️⃣, 1️⃣).
# No emoji sequence has any other ASCII character in it.
EMOJI_CANDIDATES = re.compile(r"[#*0-9]?[^\x00-\x7f]+")


@lru_cache(maxsize=256)
def emoji_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Emoji as the reader sees them: a flag, a family or a skin-toned hand is one.

    emoji.emoji_list reads character by character in Python, so it reads only the runs where an
    emoji can be. Cached: several rules (emoji, repeated emoji, platform length) count one post.
    """
    if text.isascii():
        return ()
    return tuple(
        (run.start() + start, run.start() + end)
        for run in EMOJI_CANDIDATES.finditer(text)
        for start, end in _emoji_in_run(run.group())
    )


@lru_cache(maxsize=8192)
def _emoji_in_run(run: str) -> tuple[tuple[int, int], ...]:
    """Where the emoji of one run of ``EMOJI_CANDIDATES`` start and end in it: read once per run
    written the same (posts repeat the same few emoji)."""
    import emoji  # imported here: a run answered from the cache never counts emoji

    return tuple((e["match_start"], e["match_end"]) for e in emoji.emoji_list(run))


# stars that give a rating: a run of one to five of them ("⭐⭐⭐⭐⭐ - Omar") is one rating
RATING_STARS = frozenset({"⭐", "🌟"})
RATING_MAX = 5


def _rating(text: str, spans: Sequence[tuple[int, int]], first: int, end: int) -> bool:
    """Whether emoji ``spans[first:end]`` (one run, side by side) are a star rating."""
    return end - first <= RATING_MAX and all(
        text[slice(*spans[i])].replace("\ufe0f", "") in RATING_STARS for i in range(first, end)
    )


def counted_emoji(text: str) -> list[tuple[int, int]]:
    """The emoji a reader counts: a star rating ("⭐⭐⭐⭐⭐") is one, whatever its stars."""
    spans = emoji_spans(text)
    found: list[tuple[int, int]] = []
    i = 0
    while i < len(spans):
        j = i + 1
        while (
            j < len(spans)
            and text[spans[j - 1][1] : spans[j][0]] == ""
            and _rating(text, spans, i, j + 1)
        ):
            j += 1
        found.append((spans[i][0], spans[j - 1][1]))
        i = j
    return found


# what the measures not handled on their own count (capitals, runs, repeats and length are)
_COUNTERS: dict[str, Callable[[str], Sequence[tuple[int, int]]]] = {
    "exclamations": _regex_spans(EXCLAMATION),
    "emoji": counted_emoji,
    "repeated_emoji": emoji_spans,
    "hashtags": _regex_spans(HASHTAG),
    "mentions": _regex_spans(MENTION),
}


def _capitals(text: str, share: float, allowed: set[str], min_words: int) -> list[Hit]:
    """Words in capitals beyond a share of all words.

    Acronyms, tickers and product names (ATM, FDIC, AAPL, NYC) are not English dictionary words;
    only capitalised dictionary words (NOW, FREE, HUGE) count as shouting.
    """
    if len(UPPER_RUN.findall(text)) < max(min_words, 1):
        return []
    links = [m.span() for m in URL.finditer(text)]
    words = [m for m in WORD.finditer(text) if not any(a <= m.start() < b for a, b in links)]
    shouted = [
        m
        for m in words
        if m.group().isupper()
        and len(m.group()) > 1
        and m.group().lower() not in allowed
        and is_dictionary_word(m.group().lower())
    ]
    if len(shouted) < max(min_words, 1) or not words or len(shouted) / len(words) <= share:
        return []
    first, last = shouted[0], shouted[-1]
    return [
        Hit(
            first.start(),
            first.end(),
            values={"count": len(shouted), "max": share, "last": last.end()},
        )
    ]


def _repeated_emoji(text: str, limit: Any) -> list[Hit]:
    hits = []
    spans = emoji_spans(text)
    run_start = 0
    for i in range(1, len(spans) + 1):
        same = (
            i < len(spans)
            and text[slice(*spans[i])] == text[slice(*spans[run_start])]
            and text[spans[i - 1][1] : spans[i][0]].strip() == ""
        )
        if not same:
            count = i - run_start
            if count > limit and not _rating(text, spans, run_start, i):
                hits.append(
                    Hit(spans[run_start][0], spans[i - 1][1], values={"count": count, "max": limit})
                )
            run_start = i
    return hits
