"""The kinds' shortcuts (prefilters, per-Doc caches) find what the full checks find, in long posts too."""

from __future__ import annotations

import pytest

from conftest import lint
from voicelint import care
from voicelint.nlp import MatcherBank, parse

FILLER = " ".join(["Our new oat latte is here, and it tastes great with a slow afternoon."] * 12)
CARE = {"extends": ["customer-care"], "channels": {"support": "@AcmeHelp"}}


def found(text: str, policy: dict | None, rule: str, **fields: object) -> list[str]:
    return [f.match for f in lint(text, policy, **fields) if f.rule == rule]


@pytest.mark.parametrize(
    ("swearing", "match"),
    [
        ("f*ck", "f*ck"),
        ("sh1t", "sh1t"),
        ("f u c k", "f u c k"),
        ("F.U.C.K", "F.U.C.K"),
        ("fuuuuuck", "fuuuuuck"),
        ('"a$$hole"', "a$$hole"),
    ],
)
def test_disguised_swearing_late_in_a_long_post(swearing, match):
    text = f"{FILLER} Honestly, {swearing} Mondays. {FILLER}"
    assert found(text, None, "tone.profanity") == [match]


def test_a_phrase_needs_all_its_words_in_order():
    neutral = {"voice": {"register": "neutral"}}
    assert found(f"{FILLER} What the hell, it's Friday.", neutral, "tone.crude") == [
        "What the hell"
    ]
    assert found(f"{FILLER} What is the best one? The latte.", neutral, "tone.crude") == []


def test_words_that_contain_a_listed_word_stay_clean_in_a_long_post():
    text = f"{FILLER} Class, assess Dickens in Scunthorpe over a cocktail; he'll shell out."
    assert [f.rule for f in lint(text, None) if f.rule in ("tone.profanity", "tone.crude")] == []


def _reference_find(path: tuple[str, ...], doc, first: int, end: int) -> list[care.Span]:
    """A bank holding this one list, run afresh, its matches inside ``[first, end)``: what the
    shared lexicon bank, run once per Doc and cached, promises for each list."""
    value = care.lexicon("replies")
    for part in path:
        value = value[part]
    lemma, exact = (
        (value.get("lemma"), value.get("exact")) if isinstance(value, dict) else (value, [])
    )
    bank = MatcherBank()
    keys = [bank.add_phrases("lemma", lemma or [])]
    if exact:
        keys.append(bank.add_phrases("exact", exact, "LOWER"))
    found = bank.run(doc)
    spans = {
        care.Span(m.first_token, m.end_token)
        for key in keys
        for m in found.get(key, [])
        if first <= m.first_token and m.end_token <= end
    }
    return sorted(spans, key=lambda s: (s.first, -s.end))


@pytest.mark.parametrize(
    "text",
    [
        "Reply with your account number. We charged you twice, so DM us your order number!",
        "Please send us a DM with your email and we'll check your order; never share your PIN.",
        "We've reviewed your account and reversed the fee. Your order shipped Tuesday.",
        "",
    ],
)
def test_phrase_lists_match_token_by_token(text):
    doc = parse(text)
    for path in (("request",), ("data_item",), ("private",), ("handoff",), ("action_done",)):
        phrases = care.phrases("replies", *path)
        for first, end in [(0, len(doc)), *care.sentences(doc), (1, max(1, len(doc) - 2))]:
            assert phrases.find(doc, first, end) == _reference_find(path, doc, first, end)


def test_personal_data_late_in_a_long_reply():
    text = f"{FILLER} Call her at 503-555-0182 or write to jane.doe@gmail.com about it."
    assert found(text, CARE, "routing.customer-care.personal-data", kind="reply") == [
        "503-555-0182",
        "jane.doe@gmail.com",
    ]


def test_links_count_at_their_fixed_length_in_a_short_post():
    # 25 short links are 224 characters, but Mastodon counts each link as 23: 599 in all
    many, fewer = " ".join(["http://a"] * 25), " ".join(["http://a"] * 20)
    assert found(many, None, "format.platform-length", platform="mastodon") != []
    assert found(fewer, None, "format.platform-length", platform="mastodon") == []


def test_wide_characters_count_twice_on_x():
    assert found("咖" * 140, None, "format.platform-length", platform="x") == []
    assert found("咖" * 141, None, "format.platform-length", platform="x") == ["咖"]
