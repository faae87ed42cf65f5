"""Claims a client of any industry may not make, whether or not a pack covers it: a disease acted
on, a government body's approval, a result for ever, an offer that never comes back; and the
general rule giving way to an industry pack that judges the same words."""

from __future__ import annotations

import pytest

from conftest import lint, rules_of, run_cli, write


def claims(text: str, policy: dict | None = None) -> list[str]:
    return [f.rule for f in lint(text, policy) if f.category == "claims"]


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Our standing desk cures back pain in a week.", "claims.disease-claim"),
        ("This air filter prevents asthma attacks at night.", "claims.disease-claim"),
        ("Government-approved alarms for every flat.", "claims.regulator-endorsement"),
        ("Every course is endorsed by the Department of Labor.", "claims.regulator-endorsement"),
        ("Our mesh stops pigeons nesting on your balcony permanently.", "claims.permanent-result"),
        ("Book one clean and your oven is grease-free for good.", "claims.permanent-result"),
        ("Once we seal the loft, bats never come back.", "claims.permanent-result"),
        ("A rate like this won't ever be offered again.", "claims.false-scarcity"),
        ("Enrolment closes forever at the end of May.", "claims.false-scarcity"),
    ],
)
def test_a_claim_no_pack_covers_is_flagged_for_any_client(text, rule):
    assert rule in claims(text)


@pytest.mark.parametrize(
    "text",
    [
        "Our standing desk won't cure back pain; talk to a physio about that.",
        "Our sanitiser is EPA-registered (Reg. No. 777-12).",
        "Licensed by the state insurance department, licence 40021.",
        "We're closing the Oak Street branch for good on Friday.",
        "He never came back for his umbrella, so it's at the front desk.",
        "If the pigeons come back within six months, we refit the mesh for free.",
        "The spring rate ends on Sunday.",
        "Permits in Sonoma are slow this month.",
    ],
)
def test_the_same_words_in_a_denial_a_fact_or_a_story_are_no_claim(text):
    assert claims(text) == []


def test_the_general_rule_gives_way_to_the_industry_pack():
    text = "Our gummies cure colds in a day."
    assert "claims.disease-claim" in claims(text)
    with_pack = claims(text, {"extends": ["health"]})
    assert "claims.health.disease-claim" in with_pack
    assert "claims.disease-claim" not in with_pack


def test_switching_off_a_rule_that_gave_way_stays_valid(tmp_path):
    policy = write(
        tmp_path,
        "policy.yaml",
        """
        extends: [health]
        rules:
          claims.disease-claim: off
        """,
    )
    posts = write(tmp_path, "posts.txt", "Fresh bread every morning.\n")
    result = run_cli(["check", "--policy", str(policy), str(posts)], tmp_path)
    assert result.exit_code == 0, result.output


def test_gives_way_to_names_only_builtin_packs(tmp_path):
    policy = write(
        tmp_path,
        "policy.yaml",
        """
        custom_rules:
          - id: claims.acme.cure
            kind: phrase
            category: claims
            summary: s
            why: w
            message: m
            terms: [cure]
            gives_way_to: [no-such-pack]
            examples: {}
        """,
    )
    posts = write(tmp_path, "posts.txt", "Fresh bread every morning.\n")
    result = run_cli(["check", "--policy", str(policy), str(posts)], tmp_path)
    assert result.exit_code == 2
    assert "gives_way_to" in result.output and "Traceback" not in result.output


def test_a_warning_names_people_only_as_claimants():
    assert claims("Beware of companies that promise a cure for back pain.") == []
    assert "claims.certain-outcome" in claims("Firms that switch to us save $9,000 a year.")
    assert "claims.certain-outcome" in claims("Companies that switch to us save $9,000 a year.")


def test_the_brands_people_sold_with_a_superlative_are_a_claim_and_thanked_are_not():
    assert "claims.superlative" in claims("The friendliest crew in Glasgow, at your door by 8.")
    assert claims("Proud of the best team ever, thank you all!") == []
    assert rules_of(lint("Hello from the happiest staff anywhere!")) == []


def test_conditions_in_a_footnote_do_not_make_free_free():
    def hidden(text: str) -> bool:
        return "disclosure.free-terms-hidden" in rules_of(lint(text))

    assert hidden("FREE gutter check!*\n*with any roof repair")
    assert hidden("Free tote today!* *see terms")
    assert not hidden("Free gutter check with any roof repair this month.")


def test_a_separator_ends_a_sentence_so_a_tag_question_does_not_hide_a_claim():
    text = "Your payout is waiting, guaranteed | Questions? Ask our team"
    assert "claims.certain-outcome" in claims(text)


@pytest.mark.parametrize(
    "text",
    [
        "Quickest boiler repairs in all of Cornwall.",
        "Nobody on the east side fixes laptops faster than our bench team.",
        "Our grads earn more than graduates of any other bootcamp.",
        "Our batteries outlast everyone else's.",
        "The only stroller pediatricians actually recommend.",
        "Clinically proven results for every client.",
    ],
)
def test_superiority_and_proof_in_any_words(text):
    assert claims(text)


@pytest.mark.parametrize(
    "text",
    [
        "Best wishes to everyone in Cornwall this winter!",
        "A 2024 study in the Journal of Applied Physiology found cooler rooms help some sleepers.",
        "Thanks to the best team ever for a great season.",
    ],
)
def test_no_superiority_or_proof_in_a_wish_a_citation_or_thanks(text):
    assert claims(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "If someone promises your heating bill will be zero, ask to see the contract.",
        "Apps selling 'fluent in a week' courses are scams.",
        "Seen ads for gummies that 'cure anxiety overnight'? Talk to your GP instead.",
        "Minoxidil and finasteride are FDA-approved for pattern hair loss.",
        "Our patch kit is FDA-cleared for minor cuts.",
        "We replace missing shingles and clear the gutters.",
        "The hardest word in German is 'Eichhörnchen'.",
        "Her debut is a #1 Sunday Times bestseller (list of 2 March 2026).",
        "Bonus credits expire after 14 days and need 5x playthrough, so read the terms.",
        "If a seal we fit fails within 5 years, we replace it at no charge.",
        "Some of our learners pass first time; most need a second go.",
    ],
)
def test_a_claim_reported_qualified_or_stated_with_its_terms_is_no_claim(text):
    assert claims(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Pass first time with us, book today.",
        "Clients save an average of $900 a year on their energy bills.",
        "Our damp-proofing course keeps basements dry for good.",
    ],
)
def test_results_with_no_object_or_an_unsourced_average_are_claims(text):
    assert claims(text)


def test_the_customers_own_praise_thanked_is_no_superlative():
    said = "Best bakery in the city, no contest!"
    reply = '"Best bakery in the city" just made our whole team smile, thank you!'
    assert [
        f.rule for f in lint(reply, None, kind="reply", in_reply_to=said) if f.category == "claims"
    ] == []


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Our planner beats every other budgeting app for busy parents.", "claims.superlative"),
        ("Members get seen faster than anywhere else in the city.", "claims.superlative"),
        ("The only gym chain endorsed by the county council.", "claims.superlative"),
        ("Our gutter guards make clogged drains a thing of the past.", "claims.permanent-result"),
        (
            "Get our heat pump and you'll never shiver through January again.",
            "claims.permanent-result",
        ),
        ("Switch today and never overpay for broadband again.", "claims.permanent-result"),
        ("Your whole office will speak fluent Italian in one term.", "claims.certain-outcome"),
        (
            "Two sessions and your receding hairline grows back in 60 days.",
            "claims.certain-outcome",
        ),
    ],
)
def test_more_shapes_of_a_promise(text, rule):
    assert rule in claims(text)


@pytest.mark.parametrize(
    "text",
    [
        "Never miss an episode again: turn on notifications.",
        "We'll never ask for your password again after this update.",
        "Our coffee is better than it was last year, honestly.",
    ],
)
def test_the_same_shapes_without_a_promise(text):
    assert claims(text) == []


def test_a_competitors_act_set_against_the_brand_is_an_allegation():
    rivals = {"voice": {"competitors": ["Brightway"]}}
    rule = "claims.competitor-allegation"
    assert rule in claims("Brightway's boilers rust within a year. Ours don't.", rivals)
    assert rule in claims("Brightway charges a callout fee. Come to us instead.", rivals)
    assert rule not in claims("Brightway opened a depot in Leeds. We're opening one too.", rivals)
    assert rule not in claims("Brightway opened a depot in Leeds. Congrats to them!", rivals)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Book the intensive week and you're guaranteed to pass.", True),
        ("You'll 100% pass with our mock tests.", True),
        ("Every student who books with us passes. Every one.", True),
        ("You'll pass the bakery on your left, we're next door.", False),
        ("Grab a free day pass for every kid this weekend.", False),
        ("Just passed my test thanks to Sam!", False),
    ],
)
def test_a_pass_with_no_exam_named_is_a_result_only_with_a_strong_marker(text, found):
    assert ("claims.certain-outcome" in claims(text)) is found
