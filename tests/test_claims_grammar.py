"""The claim grammar (kind claim, rule claims.certain-outcome) and superlatives with any scope.

A certainty marker attached to an outcome class in one clause is a claim whatever the words; a
superlative bounded by a place, a season, a category or "ever" is a claim unless it compares the
brand with itself or is attributed. Each test states the mechanism, not a sentence to match.
"""

from __future__ import annotations

import pytest

from conftest import lint, run_cli, write
from voicelint.engine import compile_policy
from voicelint.errors import PolicyError
from voicelint.policy import load_policy

GRAMMAR = "claims.certain-outcome"
SUPERLATIVE = "claims.superlative"


def matches(text: str, rule: str, policy: dict | None = None, **fields: object) -> list[str]:
    return [f.match for f in lint(text, policy, **fields) if f.rule == rule]


# --- the grammar: marker + outcome, in words no list holds -------------------------------------


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        # savings on a bill, the marker a trailing tag after a comma
        (
            "You'll save at least $600 on your energy bill, guaranteed.",
            "You'll save at least $600 on your energy",
        ),
        # a bet presented as a sure win: the marker is the noun "lock"
        ("This parlay is a lock.", "parlay is a lock"),
        # approval whatever the applicant's history: "whatever" is the marker
        ("Approved whatever your credit history.", "Approved whatever"),
        # a child's development stated for every child
        ("Every kid who uses it reads a grade ahead.", "Every kid who uses it reads a grade"),
        # a health result with "100%"; the outcome is a verb acting on a body word
        ("Lose 15 pounds in a month, guaranteed!", "Lose 15 pounds in a month, guaranteed"),
        # a future auxiliary before a result verb states the result as fact
        ("Your portfolio will double by Christmas.", "portfolio will double"),
        ("With our course you'll pass the bar exam the first time.", "you'll pass the bar"),
        # a social result
        ("Our app guarantees you'll find your soulmate.", "you'll find your soulmate"),
    ],
)
def test_a_marker_attached_to_an_outcome_is_a_claim(text, quoted):
    assert matches(text, GRAMMAR) == [quoted]


def test_a_marker_alone_in_the_next_sentence_tags_the_outcome_before_it():
    assert matches("Tonight's three-leg parlay? Can't lose.", GRAMMAR) == [
        "parlay? Can't lose"  # the outcome and the marker, across the short tag sentence
    ]


def test_the_finding_names_the_outcome_class():
    (finding,) = [f for f in lint("This parlay is a lock.") if f.rule == GRAMMAR]
    assert "a win on a bet" in finding.message


@pytest.mark.parametrize(
    "text",
    [
        "We can't guarantee approval.",  # negated marker
        "No one can guarantee returns on crypto.",  # negated marker
        "Savings depend on your usage.",  # no marker, and a hedge
        "You could save up to $300 a year on your energy bill.",  # hedged clause
        "Results vary.",
        "Is approval guaranteed? It depends on your credit history.",  # a question asks
        "Approval is subject to a credit check, whatever your history.",  # qualified sentence
        "Cured ham and brie, every Friday.",  # no outcome class
        "A sure-footed hike for the whole family.",  # "sure" with no outcome
        "Free returns on every order, always.",  # a parcel return is not an investment return
        "One lucky winner will win a $50 gift card!",  # a giveaway, not a bet
        "Every customer gets a free cookie today.",
        "We always price match.",  # "match" is no dating outcome without a dating word
        "Beware of anyone who promises guaranteed approval.",  # a warning about others
    ],
)
def test_no_claim_without_an_unhedged_marker_on_an_outcome(text):
    assert matches(text, GRAMMAR) == []


def test_a_cited_study_reports_a_result_instead_of_promising_it():
    cited = "A 2024 study in the Journal of Pediatrics found every child who read daily scored a grade ahead."
    assert matches(cited, GRAMMAR) == []
    assert matches("Every child who reads daily scores a grade ahead.", GRAMMAR) != []


def test_a_topic_gates_an_ambiguous_outcome():
    # "approved" is a credit outcome only in a post about credit, a loan, an application...
    assert matches("Every design is approved by our team.", GRAMMAR) == []
    assert matches("Bad credit? Everyone gets approved.", GRAMMAR) == ["Everyone gets approved"]


def test_one_finding_per_claim_when_a_specific_rule_already_reports_it():
    findings = lint("Earn guaranteed returns with our growth fund.", {"extends": ["finance"]})
    claims = [(f.rule, f.match) for f in findings if f.category == "claims"]
    assert claims == [("claims.finance.guaranteed-return", "guaranteed returns")]


def test_an_unknown_outcome_class_is_a_policy_error_with_the_known_classes(tmp):
    path = write(
        tmp,
        "p.yaml",
        "custom_rules:\n  - {id: claims.x.sure, kind: claim, category: claims, summary: s, why: w, message: m, outcomes: [retruns], examples: {}}\n",
    )
    with pytest.raises(PolicyError, match=r'unknown outcome class "retruns".*returns'):
        compile_policy(load_policy(path))


def test_an_unknown_outcome_class_stops_the_run_with_one_line(tmp):
    write(
        tmp,
        "policies/acme.yaml",
        "client: acme\ncustom_rules:\n  - {id: claims.x.sure, kind: claim, category: claims, summary: s, why: w, message: m, outcomes: [retruns], examples: {}}\n",
    )
    write(tmp, "p.txt", "Hello.")
    result = run_cli(["check", "p.txt", "--client", "acme"], tmp)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and 'unknown outcome class "retruns"' in result.stderr


def test_a_client_rule_can_pick_outcome_classes():
    rule = {
        "id": "claims.client.sure-savings",
        "kind": "claim",
        "category": "claims",
        "summary": "s",
        "why": "w",
        "message": '"{match}" promises {outcome}.',
        "outcomes": ["savings"],
        "negation": "ignore",
        "examples": {},
    }
    policy = {"custom_rules": [rule], "rules": {"claims.certain-outcome": "off"}}
    (finding,) = [
        f
        for f in lint("Cut your heating bill in half, guaranteed.", policy)
        if f.rule == rule["id"]
    ]
    assert finding.message.endswith("promises a saving on the reader's bills.")
    assert matches("This parlay is a lock.", rule["id"], policy) == []


# --- superlatives with any scope ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("The creamiest cold brew in the Pacific Northwest.", "creamiest cold brew in the Pacific"),
        ("The best patio this summer.", "best patio this summer"),
        ("Seattle's favourite cold brew is back.", "Seattle's favourite"),
        ("The fastest broadband ever.", "fastest broadband ever"),
        ("Europe’s lowest fares.", "Europe’s lowest"),
        ("The smoothest latte you'll ever taste.", "smoothest latte you'll ever"),
        ("The most comfortable sneakers of 2026.", "most comfortable sneakers of 2026"),
        ("We're number one in Ohio for service.", "number one in"),
        ("Prices? Unbeatable.", "Unbeatable"),
    ],
)
def test_a_superlative_with_a_scope_is_a_claim(text, quoted):
    assert matches(text, SUPERLATIVE) == [quoted]


def test_a_superlative_of_emissions_is_the_environmental_comparison():
    # green claims are always on: the pack's comparison says it for emissions, and the general
    # superlative gives way on the same words
    found = lint("The lowest emissions of any major airline.")
    assert [f.rule for f in found if f.category == "claims"] == ["claims.environmental.comparative"]


@pytest.mark.parametrize(
    "text",
    [
        "Our best pumpkin latte yet.",  # self-comparison
        "The best coffee we've ever roasted.",  # self-comparison
        "Have the best summer ever!",  # an occasion, a wish
        "Best of all, it's free.",
        "Sam's favourite is the mocha.",  # a person, not a place
        "An honest review from a guest in Seattle.",  # "-est" look-alikes
        "The closest store in Brooklyn opens at 7.",
        "Voted Seattle's favourite coffee by Seattle Weekly readers, 2025.",  # attributed
        "Best wishes to everyone in Texas.",
        "Thanks for the warmest welcome in Denver!",  # gratitude
        "Wishing you the merriest Christmas ever!",
        "Portland's rainiest month is here.",  # the weather's superlative
        "Join us for the biggest party in Austin!",
    ],
)
def test_no_superlative_claim_for_self_comparison_occasions_or_attribution(text):
    assert matches(text, SUPERLATIVE) == []


# --- generalised entries that replaced corpus phrases -------------------------------------------


def test_a_no_a_no_b_saying_is_not_an_elimination():
    policy = {"extends": ["health"]}
    assert (
        matches(
            "No pain, no gain: this shake helps muscles recover.",
            "claims.health.disease-claim",
            policy,
        )
        == []
    )
    assert matches("No pain no gain!", "claims.health.implied-disease", policy) == []
    assert matches("No more joint pain!", "claims.health.implied-disease", policy) == [
        "No more joint pain"
    ]


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("Refills that are kinder to the earth.", "kinder to the earth"),
        ("Safe for the planet and your pets.", "Safe for the planet"),
        ("Zero impact on the climate.", "Zero impact on the climate"),
    ],
)
def test_a_benefit_to_the_planet_is_a_green_claim_whatever_the_adjective(text, quoted):
    assert matches(text, "claims.environmental.planet-benefit", {"extends": ["environmental"]}) == [
        quoted
    ]


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("Members earn $500 a month from home.", "earn $500 a month"),
        ("Customers lose 10 pounds in their first month.", "lose 10 pounds"),
        ("Our customers save $600 a year on energy bills.", "save $600 a year on energy"),
    ],
)
def test_a_quantified_result_stated_as_fact_for_the_customers_is_a_claim(text, quoted):
    assert matches(text, GRAMMAR) == [quoted]


@pytest.mark.parametrize(
    "text",
    [
        "Save $600 on your energy bill.",  # an offer: a request, not a result stated as fact
        "Our members made 3 trips a week.",  # a number, but not money nor the outcome's unit
        "Members earn 4% APY on savings.",  # a product's rate, not a result
        "Earn $50 when you refer a friend.",
    ],
)
def test_offers_and_product_terms_are_not_results_stated_as_fact(text):
    assert matches(text, GRAMMAR) == []


def test_another_claim_inside_the_grammar_finding_is_no_echo():
    findings = lint("Every kid who uses it reads a grade ahead.", {"extends": ["alcohol"]})
    assert sorted(f.rule for f in findings if f.category == "claims") == [
        "claims.alcohol.minors",
        "claims.certain-outcome",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "save your energy bill guaranteed " * 3000,  # one sentence, thousands of claims
        "every kid reads a grade ahead. " * 3000,  # thousands of sentences
        "you will save on bills, " * 4000,
    ],
)
def test_a_post_of_thousands_of_markers_and_outcomes_ends_in_bounded_time(text):
    import time

    started = time.monotonic()
    findings = lint(text)
    assert time.monotonic() - started < 10
    assert any(f.rule == GRAMMAR for f in findings)


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("Whiter teeth in one visit, guaranteed.", "Whiter teeth in one visit, guaranteed"),
        ("Your crypto will 10x by next year.", "will 10x"),  # a future before a result word
        ("Our matchmakers guarantee you'll find the one.", "you'll find the one"),
    ],
)
def test_outcomes_of_industries_the_corpus_never_saw(text, quoted):
    assert matches(text, GRAMMAR) == [quoted]


@pytest.mark.parametrize(
    "text",
    [
        "We guarantee a reply within one business day.",  # a service promise, no outcome
        "Guaranteed delivery by Christmas on orders placed by Dec 18.",
        "Your loan application will be reviewed within 24 hours.",
        "Every member earns points on every visit.",
        "Your teeth will thank you for flossing.",
        "We're certain you'll love our new menu.",
        "Staking rewards are variable and not guaranteed.",
    ],
)
def test_service_promises_and_product_terms_are_no_outcome_claims(text):
    assert matches(text, GRAMMAR) == []


# --- claims that generalise to public text: health, earnings, investment, environment -----------
# Each sentence below is written for the mechanism, not taken from a corpus; the rules hold words
# and word classes only (tests/test_no_corpus_sentences.py).

PACKS = {"extends": ["health", "food", "finance", "environmental"]}


def claim_rules(text: str, policy: dict | None = None) -> list[str]:
    return sorted({f.rule for f in lint(text, policy or PACKS) if f.category == "claims"})


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        # a product presented as being for a disease, whatever the verb
        (
            "Hands down the best balm for shingles I have found.",
            "claims.health.product-for-condition",
        ),
        ("Honestly this tincture helped my sinusitis.", "claims.health.product-for-condition"),
        ("Folk healers give it for symptoms of gout.", "claims.health.product-for-condition"),
        # a disease in a hashtag, an efficacy verb before it
        ("Stay protected this winter #covid19season", "claims.health.disease-claim"),
        # a headline capitalises every word: a capital verb is no product name there
        ("Five Teas That Fight Asthma", "claims.health.disease-claim"),
        # a new efficacy verb acting on a pathogen
        ("The spray will neutralize bacteria on contact.", "claims.health.disease-claim"),
        # a testimony of never getting a disease implies prevention
        ("Two years on these drops and I never got the flu once.", "claims.health.implied-disease"),
        # a body function boosted, in words no authorised claim uses
        ("These capsules enhance memory and boost immunity.", "claims.health.function-boost"),
    ],
)
def test_health_claims_in_new_words(text, rule):
    assert rule in claim_rules(text)


def test_sufferers_addressed_then_sold_to_is_a_claim_and_advice_is_not():
    sold = "Battling psoriasis? Try our oat soak tonight."
    advised = "Battling psoriasis? A dermatologist can help you find a plan."
    nothing_sold = "Battling psoriasis this winter is hard."
    assert "claims.health.sufferer-pitch" in claim_rules(sold)
    assert "claims.health.sufferer-pitch" not in claim_rules(advised)
    assert "claims.health.sufferer-pitch" not in claim_rules(nothing_sold)


def test_a_provider_giving_prevention_advice_is_no_product_claim():
    # The health pack is for products (supplements): a clinic's policy does not extend it, so its
    # prevention advice is no claim; the same words from a supplement brand are a disease claim.
    advice = "Flossing daily helps prevent gum disease."
    assert claim_rules(advice, {"extends": ["customer-care"]}) == []
    assert "claims.health.disease-claim" in claim_rules(advice)


@pytest.mark.parametrize(
    "text",
    [
        "Cured ham and brie, every Friday.",
        "We can't guarantee approval, and neither can anyone else.",
        "A warm bath may help you unwind.",
        "In a 2024 randomized trial (Park et al., Journal of Nutrition) fewer colds were reported.",
        "Named Best Bakery in Leeds 2025 by the Leeds Living readers' poll.",
        "Talk to your doctor if you have asthma.",
        "Past performance does not guarantee future results.",
        "Bitcoin is volatile; your capital is at risk.",
        "Don't miss out on our winter sale!",
        "Earn $100 when you open a current account.",
        "Earn $40 cash back in your first month with the card.",
        "Half of our staff cycle to work.",
        "Bottle made from 100% recycled plastic, excluding the cap and label.",
        "Our fleet emits 30% less CO2 per parcel than in 2019, independently verified by SGS.",
        "I have never had a cold brew this smooth.",
        "Be wary of anyone selling financial freedom.",
    ],
)
def test_hard_negatives_are_no_claims(text):
    assert claim_rules(text) == []


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        (
            "Quit the commute and find financial freedom with my team.",
            "claims.finance.earnings-lifestyle",
        ),
        ("Our top sellers earn $4,000 in their first month.", "claims.finance.earnings-figure"),
        ("Picture an extra $700 a month.", "claims.finance.earnings-figure"),
        ("Solana is surging. Time to buy!", "claims.finance.invest-urgency"),
        ("No safer home for your savings than gold.", "claims.finance.safe-asset"),
        ("Silver to top $50 this year!", "claims.finance.performance-prediction"),
        (
            "$1,000 in the index in 2010 would be worth over $5,000 now.",
            "claims.finance.performance-prediction",
        ),
        ("Our trainers are consistently profitable.", "claims.finance.performance-prediction"),
    ],
)
def test_earnings_and_investment_claims_in_new_words(text, rule):
    assert rule in claim_rules(text)


def test_urgency_is_an_investment_claim_only_in_a_post_about_an_investment():
    assert "claims.finance.invest-urgency" in claim_rules("Ethereum again? Time to buy.")
    assert "claims.finance.invest-urgency" not in claim_rules("Pumpkin spice is back. Time to buy.")


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        (
            "Our loafers make a third of the carbon of leather ones.",
            "claims.environmental.comparative",
        ),
        (
            "Trains emit less CO2 than planes on every route we run.",
            "claims.environmental.comparative",
        ),
        ("A fully recyclable tube, at last.", "claims.environmental.absolute-material"),
    ],
)
def test_environmental_comparisons_and_absolutes(text, rule):
    assert rule in claim_rules(text)


@pytest.mark.parametrize(
    "text",
    [
        "Thicker lashes. Within a week.",
        "Our night mask gives you plumper skin. Overnight!",
        "Conversational German by the summer holidays.",
        "Pet insurance with every claim paid out, that's our word.",
        "Pass your driving test with our app. Zero chance of failing.",
    ],
)
def test_a_deadline_tag_odds_denied_and_new_outcomes_are_claims(text):
    assert lint_rules(text) & {"claims.certain-outcome"}


@pytest.mark.parametrize(
    "text",
    [
        "Thicker lashes? In a week, maybe, for some people.",
        "Our policy covers vets' fees. Terms apply.",
        "Every claim is assessed on its own merits.",
        "Fluent speakers run our Thursday meetups.",
    ],
)
def test_tags_and_new_outcomes_leave_plain_statements_alone(text):
    assert "claims.certain-outcome" not in lint_rules(text)


def lint_rules(text: str) -> set[str]:
    return {f.rule for f in lint(text)}
