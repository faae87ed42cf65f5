"""Presidio-style recognizers for personal data: a pattern, a checksum validator, context words, allow-lists.

After presidio-analyzer's PatternRecognizer and LemmaContextAwareEnhancer (MIT): each recognizer
has weak regexes with a base score; a validator promotes a match to certain (1.0) or drops it; a
context word among the few words before a match raises its score; a match that scores under the
threshold is not reported. Written here because Presidio itself costs ~375 MB, 1.3 s of import and
downloads a model at run time. Stdlib only.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache

THRESHOLD = 0.5
CONTEXT_BOOST = 0.35
WORD = re.compile(r"[A-Za-z0-9']+")


@dataclass(frozen=True)
class Pattern:
    name: str
    regex: str
    score: float
    # a regex that every match of ``regex`` contains: a text without it is not searched (most
    # posts have no digit, and a search for one is far quicker than the full pattern)
    needs: str = ""


@dataclass(frozen=True)
class Recognizer:
    """One kind of personal data: its patterns, validator and context words."""

    entity: str
    patterns: tuple[Pattern, ...]
    context: frozenset[str] = frozenset()
    # words before a match that say it is not personal data ("our store at 12 Main St")
    anti_context: frozenset[str] = frozenset()
    # the word right before that says so ("Call 503-555-0100": the reader is told to call it, so it
    # is the business's line; "call her at 503-555-0182" is a person's)
    anti_adjacent: frozenset[str] = frozenset()
    validate: Callable[[str], bool | None] | None = (
        None  # True: certain, False: drop, None: as scored
    )
    window: int = 5
    group: int = 0  # the regex group that holds the item itself
    compiled: tuple[tuple[Pattern, re.Pattern[str]], ...] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(
            self, "compiled", tuple((p, re.compile(p.regex, re.IGNORECASE)) for p in self.patterns)
        )


@dataclass(frozen=True)
class Entity:
    """A stretch ``[start, end)`` of text that a recognizer scored as personal data."""

    entity: str
    start: int
    end: int
    score: float


def luhn(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def valid_card(text: str) -> bool | None:
    digits = re.sub(r"\D", "", text)
    return 13 <= len(digits) <= 19 and luhn(digits)


def valid_aba(text: str) -> bool | None:
    digits = re.sub(r"\D", "", text)
    if len(digits) != 9:
        return False
    weights = (3, 7, 1) * 3
    # a valid checksum still needs a context word: one 9-digit number in ten passes it
    return (
        None if sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 10 == 0 else False
    )


def valid_iban(text: str) -> bool | None:
    compact = re.sub(r"\s", "", text).upper()
    if not 15 <= len(compact) <= 34:
        return False
    moved = compact[4:] + compact[:4]
    number = "".join(str(int(c, 36)) for c in moved)
    return int(number) % 97 == 1


def valid_ssn(text: str) -> bool | None:
    digits = re.sub(r"\D", "", text)
    area, group, serial = digits[:3], digits[3:5], digits[5:]
    if area in ("000", "666") or area.startswith("9") or group == "00" or serial == "0000":
        return False
    return None


# US and Canadian toll-free area codes: a number a business pays for, never a person's own line
TOLL_FREE = frozenset({"800", "833", "844", "855", "866", "877", "888"})


def not_toll_free(text: str) -> bool | None:
    """A toll-free number is an organisation's (a helpline, Poison Control, a brand's care line),
    so it is no one's personal data."""
    digits = re.sub(r"\D", "", text)
    if len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]
    if len(digits) == 10 and digits[:3] in TOLL_FREE:
        return False
    return None


def not_a_year(text: str) -> bool | None:
    """A year ("2026") or a span of years, a season or a fiscal year ("2025-26", "2025-2026"),
    is no one's number."""
    digits = re.sub(r"\D", "", text)
    if len(digits) == 4 and 1900 <= int(digits) <= 2099:
        return False
    span = YEAR_SPAN.fullmatch(text.strip())
    if span and _next_years(span.group(1), span.group(2)):
        return False
    return None


YEAR_SPAN = re.compile(r"((?:19|20)\d\d)[-/–]((?:19|20)?\d\d)")


def _next_years(first: str, last: str) -> bool:
    """Whether ``last`` ("26", "2026") is a later year than ``first`` ("2025"), within a decade."""
    start = int(first)
    end = int(last) if len(last) == 4 else start - start % 100 + int(last)
    return 0 < end - start <= 10


def analyze(
    text: str,
    recognizers: Iterable[Recognizer],
    allow: Iterable[str] = (),
    threshold: float = THRESHOLD,
    sentence_starts: Callable[[], list[int]] | None = None,
) -> list[Entity]:
    """Every recognised item at or above the threshold, overlaps resolved to the higher score.

    ``sentence_starts`` gives the character offsets where the text's sentences start, from the
    analysis's one splitter; without it (a bare text) the text is parsed to find them."""
    allowed = {normal(a) for a in allow if normal(a)}
    words: list[tuple[str, int, int]] | None = None  # read on the first match: most texts have none
    found: list[Entity] = []
    # what a recognizer cleared (a toll-free helpline, an allowed channel): no other recognizer
    # reads a part of it ("(888) 426-4435" holds no account number "426-4435")
    cleared: list[tuple[int, int]] = []
    present: dict[str, bool] = {}
    for recognizer in recognizers:
        for pattern, regex in recognizer.compiled:
            if pattern.needs:
                if pattern.needs not in present:
                    present[pattern.needs] = re.search(pattern.needs, text) is not None
                if not present[pattern.needs]:
                    continue
            weak: list[tuple[int, int]] = []
            for match in regex.finditer(text):
                start, end = match.span(recognizer.group)
                if start < 0:
                    continue
                if normal(match.group(recognizer.group)) in allowed:
                    cleared.append((start, end))
                    continue
                score = pattern.score
                if recognizer.validate is not None:
                    verdict = recognizer.validate(match.group(recognizer.group))
                    if verdict is False:
                        cleared.append((start, end))
                        continue
                    if verdict is True:
                        score = 1.0
                if words is None:
                    words = [(m.group().lower(), m.start(), m.end()) for m in WORD.finditer(text)]
                    word_ends = [end for _, _, end in words]
                    starts = (
                        sentence_starts()
                        if sentence_starts is not None
                        else _parsed_sentence_starts(text)
                    )
                before = _words_before(
                    words,
                    word_ends,
                    match.start(),
                    recognizer.window,
                    _sentence_start(starts, match.start()),
                )
                if recognizer.anti_context and _nearer(
                    before, recognizer.anti_context, recognizer.context
                ):
                    continue
                if before and before[-1] in recognizer.anti_adjacent:
                    continue
                if score < 1.0 and recognizer.context and _mentions(before, recognizer.context):
                    score = max(score + CONTEXT_BOOST, 0.4)
                if score >= threshold:
                    found.append(Entity(recognizer.entity, start, end, min(score, 1.0)))
                else:
                    weak.append((start, end))
            # a list ("orders #448812, #448813") names its context once: an item shaped like one
            # already recognised is recognised too
            shapes = {_shape(text[e.start : e.end]) for e in found if e.entity == recognizer.entity}
            for start, end in weak:
                if _shape(text[start:end]) in shapes:
                    found.append(Entity(recognizer.entity, start, end, threshold))
    if cleared:
        found = [e for e in found if not any(a <= e.start and e.end <= b for a, b in cleared)]
    return _resolve(found)


def _shape(value: str) -> str:
    return re.sub(r"[A-Za-z]", "A", re.sub(r"\d", "9", value))


@lru_cache(maxsize=4096)
def normal(value: str) -> str:
    """The form an allow-list compares: digits of a phone number, else lower-case without spaces."""
    digits = re.sub(r"\D", "", value)
    if len(digits) >= 7 and not re.search(r"[A-Za-z@]", value):
        return digits[-10:]
    return re.sub(r"\s", "", value).lower().rstrip("./")


def _words_before(
    words: list[tuple[str, int, int]],
    word_ends: list[int],
    offset: int,
    window: int,
    since: int = 0,
) -> list[str]:
    """The ``window`` words before ``offset``, within its sentence (context does not cross "! ").

    Found by bisection over the words' ends, so a post of thousands of candidates stays linear."""
    last = bisect.bisect_right(word_ends, offset)
    before = []
    for index in range(last - 1, -1, -1):
        word, start, _ = words[index]
        if start < since or len(before) == window:
            break
        before.append(word)
    return before[::-1]


def _parsed_sentence_starts(text: str) -> list[int]:
    """Sentence starts of a bare text, from the analysis's one splitter."""
    from voicelint.analysis import split_sentences
    from voicelint.nlp import pipeline

    doc = pipeline()(text)
    return [0, *(doc[first].idx for first, _ in split_sentences(doc))]


def _sentence_start(starts: list[int], offset: int) -> int:
    """Where the sentence holding ``offset`` starts, from the sentence starts of the whole text
    ("No. 5588" does not end one: a digit follows)."""
    return starts[bisect.bisect_right(starts, offset) - 1]


OWNS = 2  # an anti-context word this close before a context word owns it: "our routing number"


def _nearer(words: list[str], anti: frozenset[str], context: frozenset[str]) -> bool:
    """An anti-context word closer to the match than any context word: "our since-2019 store
    12345" is ours, "our guest of the year, Ana (booking HX-58213)" is the guest's booking."""
    last_anti, last_context = _last(words, anti), _last(words, context)
    # the anti word nearer the match, or right before the context word it owns ("our routing
    # number is 011000015")
    return last_anti >= 0 and (last_anti > last_context or last_context - last_anti <= OWNS)


def _last(words: list[str], found: frozenset[str]) -> int:
    return max(
        (i for i, word in enumerate(words) if any(word.startswith(c) for c in found)), default=-1
    )


def _mentions(words: list[str], context: frozenset[str]) -> bool:
    # Presidio's substring mode: "tracking" finds "tracking", "orders" finds "order".
    return any(word.startswith(c) for word in words for c in context)


def _resolve(found: list[Entity]) -> list[Entity]:
    """Overlaps resolved to the higher score, then the longer item; kept items are held sorted by
    start, so each candidate is checked against its two neighbours only."""
    starts: list[int] = []
    kept: list[Entity] = []
    for entity in sorted(found, key=lambda e: (-e.score, -(e.end - e.start), e.start)):
        at = bisect.bisect_left(starts, entity.start)
        if at > 0 and kept[at - 1].end > entity.start:
            continue
        if at < len(kept) and kept[at].start < entity.end:
            continue
        starts.insert(at, entity.start)
        kept.insert(at, entity)
    return kept
