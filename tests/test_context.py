"""Claim context, mechanism by mechanism: negation, disclaimers, refusal, attribution, qualification, word sense."""

from __future__ import annotations

import pytest

from conftest import lint, write
from voicelint.engine import compile_policy
from voicelint.errors import PolicyError
from voicelint.policy import load_policy

RULE = {
    "id": "claims.test.cure",
    "kind": "phrase",
    "category": "claims",
    "summary": "s",
    "why": "w",
    "message": 'No "{match}".',
    "terms": ["cure"],
    "examples": {},
}


def found(text: str, **rule: object) -> list[str]:
    """Matches of one custom rule (RULE with these keys; a key set to None is left out)."""
    spec = {key: value for key, value in {**RULE, **rule}.items() if value is not None}
    policy = {"custom_rules": [spec], "rules": {"tone": "off", "format": "off"}}
    return [f.match for f in lint(text, policy) if f.rule == "claims.test.cure"]


@pytest.mark.parametrize(
    "text",
    [
        "Our tea does not cure colds.",
        "We can't cure anything, and we never claim to.",
        "Nothing can cure a cold.",
        "No supplement can cure a cold.",
    ],
)
def test_a_negated_claim_is_no_claim(text):
    assert found(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Not only does it cure colds, it tastes great.",  # a pseudo-negation
        "No artificial colours, and it cures colds.",  # a new clause with its own subject
        "It isn't cheap, but it cures colds.",  # "but" ends the negation
    ],
)
def test_negation_does_not_reach_past_its_clause(text):
    assert len(found(text)) == 1


def test_negation_can_be_ignored_by_a_rule():
    assert found("Our tea does not cure colds.", negation="ignore") == ["cure"]


def test_in_trigger_mode_only_the_negated_form_is_the_claim():
    rule = {"terms": ["side effects"], "negation": "trigger"}
    # the finding quotes the claim with its cue
    assert found("Zero side effects, all natural.", **rule) == ["Zero side effects"]
    assert found("All of the focus, none of the side effects.", **rule) == [
        "none of the side effects"
    ]
    assert found("Say goodbye to side effects.", **rule) == ["goodbye to side effects"]
    assert found("Ask your doctor about side effects.", **rule) == []
    assert found("It does not cause side effects in most people.", **rule) == []


def test_a_question_answered_no_is_a_denial():
    assert found("Does our tea cure colds? No, and we don't claim it does.") == []
    assert found("Does our tea cure colds? Yes!") == ["cure"]


def test_disclaimers_spare_their_own_words():
    text = "This product is not intended to diagnose, treat, cure, or prevent any disease."
    assert found(text, terms=["cure", "prevent"], negation="ignore") == []
    assert found(text, terms=["cure", "prevent"], negation="ignore", spared_by=[]) == [
        "cure",
        "prevent",
    ]


def test_a_warning_about_others_claims_is_no_claim():
    assert found("Beware of sellers who say their tea will cure colds.") == []
    assert found("Scammers promise a cure for everything.") == []
    assert found("Our new tea will cure colds, beware!") == ["cure"]


def test_people_named_in_a_warning_are_claimants_only_when_they_claim():
    assert found("Watch out: brands that say their tea will cure colds are guessing.") == []
    assert found("Anybody who swears a tea will cure colds is selling something.") == []
    # the firms or people are who the claim is made to, not who makes it
    assert found("People who drink our tea cure colds in a day.") == ["cure"]
    assert found("Companies that stock our tea cure their staff's colds.") == ["cure"]


def test_attribution_needs_a_named_source_and_a_date():
    rule = {"terms": ["best coffee shop"], "spared_by": ["attribution"]}
    assert found("Voted Best Coffee Shop by Portland Monthly readers, 2026.", **rule) == []
    assert found("Named best coffee shop, according to Eater (May 2025).", **rule) == []
    assert found("Voted Best Coffee Shop by our customers!", **rule) == ["Best Coffee Shop"]
    assert found("The best coffee shop in 2026.", **rule) == ["best coffee shop"]


def test_qualification_anywhere_in_the_post_spares_the_claim():
    rule = {"terms": ["eco-friendly"], "spared_by": ["qualification"], "qualifiers": ["recycled"]}
    assert found("Eco-friendly cups, made with 30% recycled fiber.", **rule) == []
    assert found("Eco-friendly cups for everyone.", **rule) == ["Eco-friendly"]


def test_qualification_needs_qualifiers(tmp):
    path = write(
        tmp,
        "p.yaml",
        "custom_rules:\n  - {id: claims.x.y, kind: phrase, category: claims, summary: s, why: w, message: m, terms: [a], spared_by: [qualification], examples: {}}\n",
    )
    with pytest.raises(PolicyError, match="spared_by qualification needs qualifiers"):
        compile_policy(load_policy(path))


def test_neighbours_mark_another_sense():
    rule = {
        "terms": ["#1"],
        "inflect": False,
        "not_after": ["our", "step"],
        "not_before": ["priority"],
    }
    assert found("The #1 coffee in town.", **rule) == ["#1"]
    assert found("Safety is our #1 priority. Step #1: grind.", **rule) == []


def test_word_lists_expand_in_terms_and_patterns():
    assert found("Fights cancer.", terms=["$diseases"]) == ["cancer"]
    patterns = [[{"LEMMA": {"IN": ["$disease_verbs"]}}, {"LEMMA": {"IN": ["$diseases"]}}]]
    assert found("It heals eczema.", kind="pattern", terms=None, patterns=patterns) == [
        "heals eczema"
    ]


def test_unknown_word_list_is_a_policy_error(tmp):
    path = write(
        tmp,
        "p.yaml",
        "custom_rules:\n  - {id: claims.x.y, kind: phrase, category: claims, summary: s, why: w, message: m, terms: [$diseeses], examples: {}}\n",
    )
    with pytest.raises(PolicyError) as caught:
        compile_policy(load_policy(path))
    assert caught.value.message == 'rule claims.x.y: unknown word list "$diseeses"'
    assert caught.value.hint == 'did you mean "diseases"?'


def test_pattern_lemmas_are_lemmatized_like_the_text():
    patterns = [[{"LOWER": "green"}, {"LEMMA": "packaging"}]]
    assert found("Switch to green packaging.", kind="pattern", terms=None, patterns=patterns) == [
        "green packaging"
    ]


def test_a_yaml_boolean_in_a_pattern_is_explained(tmp):
    path = write(
        tmp,
        "p.yaml",
        "custom_rules:\n  - {id: claims.x.y, kind: pattern, category: claims, summary: s, why: w, message: m, patterns: [[{LOWER: {IN: [off, on]}}]], examples: {}}\n",
    )
    with pytest.raises(PolicyError) as caught:
        compile_policy(load_policy(path))
    assert "read by YAML as true/false" in caught.value.message


def test_near_finds_a_term_and_a_trigger_in_either_order_within_a_window():
    near_rule = {
        "kind": "near",
        "terms": ["$condition_phrases"],
        "near": ["$effect_words"],
        "window": 6,
    }
    assert found("Two months on Iron Strong and my anemia was gone.", **near_rule) == [
        "anemia was gone"
    ]
    assert found("Three cups a day cuts your risk of type 2 diabetes.", **near_rule) == [
        "cuts your risk of type 2 diabetes"
    ]
    assert found("It cures colds.", **near_rule) == ["cures colds"]
    # a sentence end separates them; a capitalised trigger mid-sentence is a product name
    assert found("Colds are no fun. Our tea is calming.", **near_rule) == []
    assert found("Try Gut Ease for anemia support.", **near_rule) == []


def test_near_counts_medical_suffixes_as_conditions():
    rule = {
        "kind": "near",
        "terms": ["cancer"],
        "term_patterns": ["$medical_suffix_patterns"],
        "near": ["$effect_words"],
    }
    assert found("Our chews cure hip dysplasia.", **rule) == ["cure hip dysplasia"]
    assert found("Our aroma will calm you.", **rule) == []


def test_a_study_with_its_source_and_year_attributes_the_result():
    rule = {"terms": ["cure"], "spared_by": ["attribution"]}
    assert found("A 2023 Stanford study found our tea may cure colds.", **rule) == []
    assert (
        found(
            "In a 2024 trial published in the Journal of Nutrition, it helped cure colds.", **rule
        )
        == []
    )
    assert found("Our 2024 tea cures colds.", **rule) == ["cures"]  # a year alone is no source


def test_a_no_a_no_b_saying_is_no_elimination_in_trigger_mode():
    rule = {"terms": ["pain"], "negation": "trigger"}
    assert found("No pain, no gain.", **rule) == []
    assert found("No pain no gain!", **rule) == []
    assert found("No more joint pain.", **rule) == ["No more joint pain"]


def test_negation_does_not_reach_past_a_comma_that_opens_a_new_clause():
    assert found("No sugar, it cures colds.") == ["cures"]
    assert found("Nothing, not even tea, can cure a cold.") == []
