"""Kind ``competitor``: a competitor from the policy run down or mocked, or (where the policy asks) named at all.

A factual comparison names a competitor without judging it ("Unlike Southbank, we charge no
monthly fee") and stays clean; a disparaging word near the name ("Southbank's overpriced
accounts") or a mocking comparison around it ("move over, Starbucks", "Dunkin' could never") is a
finding, and so is a contrast that insinuates ("Unlike Allstate, we actually pay our claims",
"unlike Mercy General, we don't leave patients waiting"). With ``mode: mention`` the rule reports every mention, but only for a policy that sets
``voice.competitor_mentions: warn``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from voicelint.analysis import valence_of_word
from voicelint.kinds.base import BuildContext, Check, Hit, KindError, Param, PostContext
from voicelint.kinds.metric import HASHTAG
from voicelint.kinds.tone_context import echoes_customer, lexicon, sentences
from voicelint.nlp import Match, longest_first

NAME = "competitor"
PARAMS = {
    "mode": Param(
        (str,),
        "disparage: flag a competitor run down or mocked; mention: flag every mention, when the "
        "policy sets voice.competitor_mentions: warn",
        required=True,
        choices=("disparage", "mention"),
    ),
    "names_from": Param(
        (str,), "the policy setting with the competitors (default voice.competitors)"
    ),
}
MESSAGE_VARS = frozenset({"match", "competitor", "how"})
PRAISE = 1.5  # VADER valence of a word that praises what follows it ("lovely", "great")
MENTION_SETTING = "voice.competitor_mentions"


def build(params: Mapping[str, Any], ctx: BuildContext) -> Check:
    source = params.get("names_from", "voice.competitors")
    names = ctx.setting(source) or []
    if not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
        raise KindError("names_from", f"the policy's {source} must be a list of names")
    mode = params["mode"]
    if mode == "mention" and ctx.setting(MENTION_SETTING) != "warn":
        return lambda post: []
    variants = set()
    for name in names:
        variants.update({name, name.rstrip("'’"), name.rstrip("'’") + "'s"})
    name_key = ctx.bank.add_phrases(ctx.rule_id + ":name", sorted(variants), "LOWER")
    words = lexicon("competitors")
    window = int(words.get("window", 6))
    long_before = int(words.get("long_before", 3))
    bad_key = ctx.bank.add_phrases(ctx.rule_id + ":bad", words["disparaging"], "LOWER")
    before_key = ctx.bank.add_phrases(ctx.rule_id + ":before", words["before"], "LOWER")
    after_key = ctx.bank.add_phrases(ctx.rule_id + ":after", words["after"], "LOWER")
    simile_key = ctx.bank.add_phrases(ctx.rule_id + ":simile", words.get("simile", []), "LOWER")
    switch_key = ctx.bank.add_phrases(ctx.rule_id + ":switch", words.get("switch", []), "LOWER")
    praise_key = ctx.bank.add_phrases(
        ctx.rule_id + ":praise", words.get("switch_praise", []), "LOWER"
    )

    contrast = _Contrast(
        frozenset(w.lower() for w in words.get("contrast", [])),
        frozenset(w.lower() for w in words.get("insinuating", [])),
        frozenset(w.lower() for w in words.get("misconduct", [])),
    )
    compact = {_compact(n): n.rstrip("'’") for n in names}
    tag_words = tuple(_compact(w) for w in words.get("hashtag_words", []))

    def check(post: PostContext) -> list[Hit]:
        text = post.post.text
        tags = _tags(text, compact, tag_words, mode)
        found = longest_first(post.matches_for(name_key))
        if not found or not names:
            return tags
        doc = post.doc
        bounds = sentences(doc)
        hits = []
        for name in found:
            if echoes_customer(post, name.start, name.end):
                continue
            competitor = text[name.start : name.end]
            if mode == "mention":
                hits.append(
                    Hit(name.start, name.end, values={"competitor": competitor, "how": "named"})
                )
                continue
            first, last = next(
                ((a, b) for a, b in bounds if a <= name.first_token < b), (0, len(doc))
            )
            trigger = _mockery(
                doc, name, post.matches_for(before_key), post.matches_for(after_key), long_before
            )
            how = "a mocking comparison"
            if trigger is None:
                trigger = _snowclone(doc, name, first)
            if trigger is None:
                trigger = _insinuation(doc, name, first, last, contrast)
                how = "an insinuating comparison"
            if trigger is None:
                trigger = _retort(doc, name, last, bounds)
                how = "an insinuating comparison"
            if trigger is None:
                bad = post.matches_for(bad_key)
                for anchor, a, b in _anchors(doc, name, bounds):
                    trigger = trigger or _near(anchor, bad, a, b, window, doc)
                how = "a disparaging word"
            if trigger is None:
                trigger = _simile(doc, name, bounds, post.matches_for(simile_key))
                how = "a mocking comparison"
            if trigger is None:
                trigger = _switch_praise(
                    name, bounds, post.matches_for(switch_key), post.matches_for(praise_key)
                )
                how = "praise for leaving them"
            if trigger is None or echoes_customer(post, trigger.start, trigger.end):
                continue
            start, end = min(name.start, trigger.start), max(name.end, trigger.end)
            hits.append(Hit(start, end, values={"competitor": competitor, "how": how}))
        return sorted(hits + tags, key=lambda h: h.start)

    return check


def _mockery(
    doc: Any, name: Match, before: list[Match], after: list[Match], long_before: int
) -> Match | None:
    """A mocking phrase right before the name ("move over, Starbucks") or right after it."""
    gap_before = name.first_token
    if gap_before > 0 and doc[gap_before - 1].text in (",", "—", "-", ":"):
        gap_before -= 1
    for match in before:
        if match.end_token in (gap_before, name.first_token):
            return match
        long = match.end_token - match.first_token >= long_before
        if long and match.end_token == name.first_token - 1 and doc[match.end_token].is_alpha:
            return match
    start_after = name.end_token
    if start_after < len(doc) and doc[start_after].text in (",", "—", "-", "'", "’", ":"):
        start_after += 1
    for match in after:
        if match.first_token in (name.end_token, start_after):
            return match
    return None


def _snowclone(doc: Any, name: Match, first: int) -> Match | None:
    """ "Friends don't let friends drink Dunkin'": a noun repeated round "don't let", up to two words before the name."""
    for i in range(max(first, name.first_token - 7), name.first_token - 4):
        words = [t.lower_ for t in doc[i : i + 5]]
        if words[1:4] == ["do", "n't", "let"] and words[0] == words[4] and doc[i].is_alpha:
            return _token_match(doc, i, i + 5)
    return None


@dataclass(frozen=True)
class _Contrast:
    words: frozenset[str]  # unlike
    insinuating: frozenset[str]  # actually, really
    misconduct: frozenset[str]  # leave, ignore, hidden: what a brand denies doing


NEGATIONS = frozenset({"not", "n't", "never", "no", "without"})


def _insinuation(doc: Any, name: Match, first: int, last: int, contrast: _Contrast) -> Match | None:
    """ "Unlike Allstate, we actually pay our claims": a contrast that says the competitor does wrong.

    A contrast that compares offers stays clean ("Unlike Southbank, we charge no monthly fee");
    one that says "actually" (they don't) or denies misconduct (they do) insinuates without a fact.
    """
    before = range(max(first, name.first_token - 4), name.first_token)
    word = next((i for i in before if doc[i].lower_ in contrast.words), None)
    if word is None:
        return None
    for i in range(first, last):
        if name.first_token <= i < name.end_token:
            continue
        if doc[i].lower_ in contrast.insinuating:
            return _token_match(doc, min(word, i), max(word, i) + 1)
        if doc[i].lower_ in NEGATIONS:
            for j in range(i + 1, min(last, i + 4)):
                if {doc[j].lemma_.lower(), doc[j].lower_} & contrast.misconduct:
                    return _token_match(doc, min(word, i), max(word, j) + 1)
    return None


RETORT_WORDS = 4  # "We don't.", "Ours never do.", "Not us."
WE = frozenset({"we", "ours", "our", "us"})


def _retort(doc: Any, name: Match, last: int, bounds: Any) -> Match | None:
    """ "Jetwise overbooks every single flight. We don't.": the competitor's act told, then a
    short denial that the brand does it, which says the competitor does wrong without a word of
    blame; not a longer sentence that compares an offer ("We charge no fee to switch")."""
    following = next(((a, b) for a, b in bounds if a >= last), None)
    if following is None:
        return None
    a, b = following
    words = [t.lower_ for t in doc[a:b] if t.is_alpha or "'" in t.text]
    if not words or len(words) > RETORT_WORDS:
        return None
    denies = any(w in NEGATIONS or w == "n't" for w in words)
    if (words[0] in WE and denies) or words[:2] == ["not", "us"]:
        return _token_match(doc, a, b)
    return None


def _token_match(doc: Any, first: int, end: int) -> Match:
    return Match(doc[first].idx, doc[end - 1].idx + len(doc[end - 1].text), first, end)


# Words VADER reads as positive that intensify what follows rather than praise it ("pretty awful").
INTENSIFIERS = frozenset({"pretty", "super", "fine", "well", "real", "truly", "mighty"})


def _praised(doc: Any, match: Match) -> bool:
    """A disparaging noun praised by the word before it: "make lovely toys", "a great joke"."""
    if match.first_token == 0 or match.end_token - match.first_token > 1:
        return False
    before = doc[match.first_token - 1].lower_
    return before not in INTENSIFIERS and valence_of_word(before) >= PRAISE


def _near(
    name: Match, bad: list[Match], first: int, last: int, window: int, doc: Any
) -> Match | None:
    for match in bad:
        if not first <= match.first_token < last:
            continue
        if _praised(doc, match):
            continue
        distance = (
            name.first_token - match.end_token
            if match.end_token <= name.first_token
            else match.first_token - name.end_token
        )
        if 0 <= distance <= window:
            return match
    return None


PRONOUNS = frozenset({"they", "their", "them", "theirs", "its"})


def _anchors(doc: Any, name: Match, bounds: list[tuple[int, int]]) -> list[tuple[Match, int, int]]:
    """The name, and "they"/"their" after it in its sentence or the next: words that stand for it.

    "You tried El Guapo once and now you get why their line is always empty" runs El Guapo down
    through "their"; so does "Switching from Copperline? ... Their app looks like ..."
    """
    here = next((i for i, (a, b) in enumerate(bounds) if a <= name.first_token < b), None)
    if here is None:
        return [(name, 0, len(doc))]
    found = [(name, *bounds[here])]
    for a, b in bounds[here : here + 2]:
        for i in range(max(a, name.end_token), b):
            if doc[i].lower_ in PRONOUNS:
                found.append((_token_match(doc, i, i + 1), a, b))
    return found


def _simile(
    doc: Any, name: Match, bounds: list[tuple[int, int]], similes: list[Match]
) -> Match | None:
    """ "Their app looks like it was built on a flip phone": a simile about the competitor's thing."""
    for anchor, a, b in _anchors(doc, name, bounds):
        for match in similes:
            if not anchor.end_token <= match.first_token < b or match.first_token < a:
                continue
            words = [t for t in doc[anchor.end_token : match.first_token] if not t.is_punct]
            if len(words) <= 3:
                return match
    return None


def _switch_praise(
    name: Match, bounds: list[tuple[int, int]], switches: list[Match], praise: list[Match]
) -> Match | None:
    """ "Switched from PawPantry? Smart move.": the reader praised for leaving the competitor."""
    if not any(s.end_token == name.first_token for s in switches):
        return None
    here = next((i for i, (a, b) in enumerate(bounds) if a <= name.first_token < b), None)
    if here is None:
        return None
    end = bounds[min(here + 1, len(bounds) - 1)][1]
    return next((m for m in praise if name.end_token <= m.first_token < end), None)


def _compact(words: str) -> str:
    return re.sub(r"[\W_]+", "", words.lower())


def _tags(text: str, names: Mapping[str, str], mocking: tuple[str, ...], mode: str) -> list[Hit]:
    """#StarbucksWho, #DunkinSucks: a competitor's name run together with a jeer in a hashtag."""
    hits = []
    for tag in HASHTAG.finditer(text):
        body = _compact(tag.group()[1:])
        for key, name in names.items():
            if not key or key not in body:
                continue
            rest = body.replace(key, "", 1)
            # a bare #Starbucks is the name itself, which the word matcher already reads
            if rest and (mode == "mention" or any(rest.startswith(w) for w in mocking)):
                how = "named" if mode == "mention" else "a mocking hashtag"
                hits.append(Hit(tag.start(), tag.end(), values={"competitor": name, "how": how}))
    return hits
