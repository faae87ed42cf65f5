"""The rule kinds: inflections, whole tokens, case, exceptions, longest match, fixes and counts."""

from __future__ import annotations

import pytest

from conftest import lint, rules_of

WORD_RULE = {
    "id": "claims.test.cure",
    "kind": "phrase",
    "category": "claims",
    "summary": "s",
    "why": "w",
    "message": 'No "{match}".',
    "examples": {},
}


def custom(**params: object) -> dict:
    return {
        "custom_rules": [{**WORD_RULE, **params}],
        "rules": {
            "tone": "off",
            "format": "off",
            "claims.superlative": "off",
            "claims.environmental": "off",  # always on since green claims bind every client
        },
    }


def matches(text: str, policy: dict, **fields: object) -> list[tuple[str, int, int]]:
    return [(f.match, f.start, f.end) for f in lint(text, policy, **fields)]


def test_phrase_matches_every_inflection_on_whole_tokens():
    policy = custom(terms=["cure"])
    assert matches("It cures. It cured. Curing it. A cure.", policy) == [
        ("cures", 3, 8),
        ("cured", 13, 18),
        ("Curing", 20, 26),
        ("cure", 33, 37),
    ]
    assert matches("A secure, curated procurement.", policy) == []


def test_phrase_inflection_can_be_turned_off():
    policy = custom(terms=["cure"], inflect=False)
    assert [m[0] for m in matches("It cures. A CURE.", policy)] == ["CURE"]


def test_a_base_form_matches_every_inflection_and_a_verb_form_only_itself():
    policy = custom(terms=["guarantee return"])
    assert [m[0] for m in matches("Guaranteed returns and a guarantee return.", policy)] == [
        "Guaranteed returns",
        "guarantee return",
    ]
    # "guaranteed" is written as a verb form: it means that form; the plural still inflects
    policy = custom(terms=["guaranteed return"])
    assert [m[0] for m in matches("Guaranteed returns and a guarantee return.", policy)] == [
        "Guaranteed returns"
    ]


def test_banning_lit_does_not_ban_light():
    policy = {"voice": {"banned_terms": ["lit"]}}
    assert [
        f.match
        for f in lint("The party was lit. Lights on, light roast.", policy)
        if f.rule == "tone.banned-term"
    ] == ["lit"]


def test_case_sensitive_phrase_keeps_inflections():
    policy = custom(terms=["Apple"], case="sensitive")
    assert [m[0] for m in matches("Apple and Apples, not apple or apples.", policy)] == [
        "Apple",
        "Apples",
    ]
    policy = custom(terms=["AI"], case="sensitive")
    assert [m[0] for m in matches("AI helps; ai does not; Ai neither.", policy)] == ["AI"]


def test_exceptions_spare_the_larger_phrase():
    policy = custom(terms=["green"], exceptions=["green tea", "green apple"])
    assert [m[0] for m in matches("Green tea, green apples and green packaging.", policy)] == [
        "green"
    ]


def test_longest_match_wins_within_a_rule():
    policy = custom(terms=["gap pad", "thermal gap pad"])
    assert matches("Use a thermal gap pad here.", policy) == [("thermal gap pad", 6, 21)]


def test_substitution_offers_a_fix_in_the_matched_case():
    policy = {"voice": {"preferred_terms": {"sign up": "open an account"}}}
    findings = [
        f
        for f in lint("Sign up today. Or sign up tomorrow.", policy)
        if f.rule == "tone.preferred-term"
    ]
    assert [(f.match, f.fix, f.column) for f in findings] == [
        ("Sign up", "Open an account", 1),
        ("sign up", "open an account", 19),
    ]
    assert findings[0].message == 'Write "open an account" instead of "Sign up".'


def test_substitution_leaves_the_preferred_term_alone_when_it_contains_the_old_one():
    policy = {"voice": {"preferred_terms": {"gap pad": "thermal gap pad"}}}
    assert [
        f.match
        for f in lint("A gap pad or a thermal gap pad.", policy)
        if f.rule == "tone.preferred-term"
    ] == ["gap pad"]


def test_substitution_of_an_inflected_form_has_no_fix():
    policy = {"voice": {"preferred_terms": {"sign up": "open an account"}}}
    findings = [f for f in lint("She signed up.", policy) if f.rule == "tone.preferred-term"]
    assert [(f.match, f.fix) for f in findings] == [("signed up", None)]


def test_banned_terms_from_the_policy_match_inflections():
    policy = {"voice": {"banned_terms": ["hack"]}}
    assert [
        f.match
        for f in lint("Three hacks for a hacked budget.", policy)
        if f.rule == "tone.banned-term"
    ] == ["hacks", "hacked"]


def test_emoji_are_counted_as_the_reader_sees_them():
    policy = {"voice": {"max_emoji": 2}}
    assert "tone.emoji" not in rules_of(lint("Family day 👨‍👩‍👧‍👦 🇺🇸", policy))
    findings = [f for f in lint("Family day 👨‍👩‍👧‍👦 🇺🇸 👍🏽", policy) if f.rule == "tone.emoji"]
    assert [(f.match, f.message) for f in findings] == [
        ("👍🏽", "3 emoji; this client's voice allows 2 here. Keep the ones that carry meaning.")
    ]


def test_limits_can_differ_per_platform():
    policy = {"voice": {"max_emoji": {"default": 3, "linkedin": 0}}}
    assert "tone.emoji" in rules_of(lint("Hello ☕", policy, platform="linkedin"))
    assert "tone.emoji" not in rules_of(lint("Hello ☕", policy, platform="instagram"))


def test_exclamations_point_at_the_first_one_over_the_limit():
    findings = [
        f
        for f in lint("Yes! Yes! Yes!", {"voice": {"max_exclamations": 1}})
        if f.rule == "tone.exclamations"
    ]
    assert [(f.start, f.message) for f in findings] == [
        (8, "3 exclamation marks; this client's voice allows 1. Keep the one that matters.")
    ]


def test_exclamation_runs():
    findings = [f for f in lint("Open now!!! Really!", {}) if f.rule == "tone.exclamation-run"]
    assert [(f.match, f.start) for f in findings] == [("!!!", 8)]


def test_a_casual_voice_may_double_an_exclamation_mark_but_not_triple_it():
    casual = {"voice": {"register": "casual", "max_exclamations": 3}}
    runs = lambda text, policy: [  # noqa: E731
        (f.match, f.start) for f in lint(text, policy) if f.rule == "tone.exclamation-run"
    ]
    assert runs("Tacos are back!!", casual) == []
    assert runs("Tacos are back!!!", casual) == [("!!!", 14)]
    assert runs("Tacos are back!!", {"voice": {"register": "formal"}}) == [("!!", 14)]
    assert runs("Tacos are back!!", {}) == [("!!", 14)]
    on_linkedin = {"voice": {"register": "casual", "register_by_platform": {"linkedin": "formal"}}}
    assert runs("Tacos are back!!", on_linkedin) == []


def test_max_by_register_is_checked_when_the_rule_is_built():
    from voicelint.kinds import metric
    from voicelint.kinds.base import KindError

    with pytest.raises(KindError, match="register"):
        metric._by_register({"shouty": 2})


def test_shouting_counts_dictionary_words_not_acronyms_or_allowed_words():
    assert "tone.shouting" in rules_of(lint("BIG SALE at the NYC store today"))
    assert "tone.shouting" not in rules_of(lint("Find an ATM near NYC with no FDIC fuss"))
    assert "tone.shouting" not in rules_of(
        lint("ACME SAVINGS opens today", {"voice": {"allowed_caps": ["ACME", "SAVINGS"]}})
    )
    assert "tone.shouting" not in rules_of(lint("Read more at HTTPS://EXAMPLE.COM/BIG/SALE today"))


def test_hashtags_and_mentions_ignore_look_alikes():
    policy = {"voice": {"max_hashtags": 1, "max_mentions": 1}}
    assert (
        rules_of(lint("Order #1234 ships; email care@acme.example or @AcmeHelp #coffee", policy))
        == []
    )
    findings = lint("#coffee #tea @a @b", policy)
    assert [(f.rule, f.match) for f in findings] == [
        ("format.hashtags", "#tea"),
        ("format.mentions", "@b"),
    ]


def test_pattern_kind_uses_lemmas():
    policy = custom(
        kind="pattern", patterns=[[{"LEMMA": "cure"}, {"LOWER": {"IN": ["colds", "flu"]}}]]
    )
    assert [m[0] for m in matches("It cured colds and cures flu, not cured ham.", policy)] == [
        "cured colds",
        "cures flu",
    ]
