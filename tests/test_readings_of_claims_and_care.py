"""Readings added on claims-dev29 and hardneg-dev30 (2026-12-07): each asserts a finding, or its
absence, on a draft written for the test (no corpus sentence), under the core checks or a pack."""

from __future__ import annotations

import pytest

from conftest import lint, rules_of
from test_conditions import view
from voicelint.care import asks_leave, grievance_at_home
from voicelint.conditions import CONDITIONS
from voicelint.nlp import parse


def rules(text: str, packs: list[str] | None = None, **fields) -> set[str]:
    policy = {"extends": packs or [], "voice": {"competitors": ["Northgate", "Quillby"]}}
    return set(rules_of(lint(text, policy, **fields)))


def compares(text: str, competitors: list[str] | None = None) -> bool:
    return CONDITIONS["compares"].holds(view(text, text[:3], competitors or ["Quillby"]), True)


@pytest.mark.parametrize(
    "text",
    [
        "Cheaper premiums than any insurer in Wales.",
        "Our scanner reads barcodes three times faster than Quillby.",
        "Half the price of the big-name brands, same filters inside.",
        "Switch to us and pay less than at the high-street banks.",
        "Better cover than Quillby, for less.",
    ],
)
def test_a_comparison_with_a_rival_is_a_claim(text):
    assert compares(text)


@pytest.mark.parametrize(
    "text",
    [
        "Our croissants are flakier than ever this winter.",
        "The lesson costs less than a takeaway pizza.",
        "More than 300 neighbours came to the open day.",
        "Rest and water matter more than any gadget you can buy.",
        "We stay open later than the other bakeries on the square.",
        "Bigger than we expected, and we loved every minute.",
    ],
)
def test_a_comparison_with_no_rival_or_not_ours_is_none(text):
    assert not compares(text)


def test_a_comparison_with_its_source_is_spared():
    assert "claims.comparison-uncited" in rules("Lower fees than the six biggest UK lenders.")
    cited = "Lower fees than the six biggest UK lenders (Moneyfacts fee survey, June 2026)."
    assert "claims.comparison-uncited" not in rules(cited)


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        ("72% of our members get approved for a card within a week.", True),
        ("8 out of 10 patients saw clearer skin in a month.", True),
        (
            "In our 2026 survey of 900 members, 72% of them said they were approved for a card.",
            False,
        ),
        ("Our scanner works 95% of the time without a signal.", False),
    ],
)
def test_a_share_of_the_customers_with_a_result_is_a_claim(text, fires):
    assert ("claims.certain-outcome" in rules(text)) is fires


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        ("Clients who switch save £3,400 on average.", True),
        ("Save the date: the fair is on Sunday, tickets £5.", False),
    ],
)
def test_a_sum_saved_is_a_saving(text, fires):
    assert ("claims.certain-outcome" in rules(text)) is fires


def test_the_brand_doing_a_service_promises_no_result():
    said = "Can I trade in a car that still has finance on it?"
    service = "Yes. We settle the finance and put any equity toward your next car."
    assert "claims.certain-outcome" not in rules(service, kind="reply", in_reply_to=said)
    assert "claims.certain-outcome" in rules("We slash your heating bills.")


def test_a_question_reported_by_a_verb_of_telling_promises_nothing():
    text = "Message us and we'll explain how your missed classes will be covered by the fee."
    assert "claims.certain-outcome" not in rules(text)


def test_a_persons_record_is_no_promise():
    tribute = "Happy retirement, Maria! 30 years at the front desk and zero lost keys on her watch."
    assert "claims.certain-outcome" not in rules(tribute)
    assert "claims.certain-outcome" in rules("Your savings are never at risk with us.")


def test_a_money_back_guarantee_guarantees_no_back():
    text = "Our 90-day money-back guarantee covers opened tubs as well."
    assert "claims.certain-outcome" not in rules(text)


def test_a_yes_to_a_result_asked_after_its_condition():
    said = "If I switch my savings to you will they definitely be bigger in five years?"
    assert "claims.result-affirmed" in rules("Yes, no question.", kind="reply", in_reply_to=said)


def test_a_number_glued_to_its_unit_is_read_as_two_words():
    assert [t.text for t in parse("drop 12lbs in 3wks")][:3] == ["drop", "12", "lbs"]
    assert "claims.health.weight-loss-figure" in rules("Drop 12lbs this month!", ["health"])


def test_an_eye_condition_declared_gone_is_a_problem_ended():
    assert "claims.problem-ended" in rules("Cataracts? Gone for good after one visit.")


def test_the_readers_own_doing_is_no_disease_claim():
    own = "If you're treating a cold at home, rest and drink fluids."
    assert "claims.health.disease-claim" not in rules(own, ["health"])
    assert "claims.health.disease-claim" in rules(
        "Our drops help you treat colds fast.", ["health"]
    )


def test_curing_food_is_no_health_claim_for_a_drink():
    assert "claims.alcohol.health-benefit" not in rules(
        "The kitchen cures its own pancetta for the stout pairing night.", ["alcohol"]
    )
    assert "claims.alcohol.health-benefit" in rules("Our rum is the cure for a cold.", ["alcohol"])


def test_a_source_given_with_per_spares_a_ranking():
    text = "The #1 best-selling night cream on Boots.com in May 2026 (units sold, per Boots)."
    assert "claims.superlative" not in rules(text)


def test_a_subscription_price_is_no_credit_term():
    assert "disclosure.lending.trigger-terms" not in rules(
        "Coaching is $15 a month, cancel anytime.", ["lending"]
    )
    assert "disclosure.lending.trigger-terms" in rules(
        "Drive it home for $215 a month.", ["lending"]
    )


def test_an_organisations_registration_number_is_no_personal_data():
    care = ["customer-care"]
    assert "routing.customer-care.personal-data" not in rules(
        "We are a registered charity (charity number 1187654) and every gift is receipted.", care
    )
    assert "routing.customer-care.personal-data" not in rules(
        "Offer runs Through Dec 31 while stocks last, one per order.", care
    )
    assert "routing.customer-care.personal-data" in rules(
        "Order #448812 and order #448813 ship today, congrats!", care
    )


def test_a_name_said_with_an_apology_is_the_customers_name():
    said = {"kind": "reply", "in_reply_to": "You billed me twice this month!"}
    kind = "Really sorry about that, Karen, please DM us and we'll fix it."
    assert "tone.hostile-reply" not in rules(kind, **said)
    assert "tone.hostile-reply" in rules("Calm down, Karen.", **said)


def test_credentials_after_a_name_are_no_slang():
    formal = {"voice": {"register": "formal"}}
    assert "tone.register" not in rules_of(
        lint("Welcome Priya Shah, RN, to the ward team.", formal)
    )
    assert "tone.register" in rules_of(lint("we're open rn, come by", formal))


def test_a_question_that_asks_ahead_is_answered_by_a_no():
    said = "Can you promise I won't lose anything in the cash fund?"
    reply = "Nobody can promise that. Cash funds move less than shares, but they can still fall."
    assert "routing.customer-care.argues-facts" not in rules(
        reply, ["customer-care"], kind="reply", in_reply_to=said
    )


def test_asking_leave_for_a_thing_names_it_first():
    assert asks_leave(parse("I'm pregnant, is the magnesium spray ok to use?"))
    assert asks_leave(parse("are the chewables safe for kids under 4?"))
    assert not asks_leave(parse("is your service always this bad?"))


def test_a_grievance_at_home_is_not_with_the_brand():
    assert grievance_at_home(parse("my flatmate keeps eating my granola 😤"))
    assert not grievance_at_home(parse("my son broke your toy on day one 😤"))
    said = {"kind": "reply", "in_reply_to": "my flatmate keeps eating my granola 😤"}
    assert "tone.reader-ridiculed" not in rules("Hide it behind the kale 😂", **said)


def test_a_theft_at_home_is_no_account_matter():
    from voicelint.intents import intents_of_doc

    assert "account_security" not in intents_of_doc(parse("my sister keeps stealing my hoodies"))
    assert "account_security" in intents_of_doc(parse("someone stole my points last night"))


def test_telling_with_feeling_what_some_customers_went_through_mocks_nobody():
    said = {"kind": "reply", "in_reply_to": "Your site crashed at checkout and I lost my basket."}
    reply = (
        "We're sorry. Some customers couldn't check out for twenty minutes this morning, and we "
        "understand how annoying that is. Please DM us your email and we'll restore the basket."
    )
    assert "tone.reader-ridiculed" not in rules(reply, **said)


def test_a_promise_to_investigate_beside_a_hand_off_is_no_statement():
    said = {"kind": "reply", "in_reply_to": "I got another customer's invoice emailed to me."}
    reply = "Thanks for telling us. Please call our privacy team on 0800 555 0199. We'll investigate today."
    assert "routing.customer-care.press-statement" not in rules(reply, ["customer-care"], **said)


def test_a_seal_spelled_out_or_stacked_certifies_any_statement():
    assert "claims.sealed-promise" in rules("our groomers spot the tangle. every. single. time.")
    assert "claims.sealed-promise" in rules(
        "the kettle boils in a flash. every morning. no exceptions"
    )
    assert "claims.sealed-promise" not in rules("We answer the phone ourselves. Every time.")


def test_a_comparative_of_time_or_a_noun_beats_is_no_comparison():
    assert "claims.comparison-uncited" not in rules(
        "Fresh beats from DJ Kofi on the roof, 8 till late."
    )
    assert "claims.comparison-uncited" in rules("Our transfer fee easily beats Quillby.")


@pytest.mark.parametrize(
    "text",
    [
        "Join today and your stammer will fade within weeks.",
        "After ten lessons you'll be reading music at sight by Easter.",
        "Your patio stays moss-free all year round.",
        "Sign up and you will never need a plumber again.",
        "Book now and your boiler will run 20 years without a fault.",
    ],
)
def test_a_result_foretold_to_the_reader_is_a_claim(text):
    # the sentence rule gives way to a rule that reports the same claim inside it
    found = rules(text)
    assert "claims.result-foretold" in found or found & {
        "claims.certain-outcome",
        "claims.permanent-result",
        "claims.sealed-promise",
        "claims.problem-ended",
    }


@pytest.mark.parametrize(
    "text",
    [
        "Your parcel will arrive by Thursday.",
        "You'll receive a confirmation email within 10 minutes.",
        "You'll be charged £8 on the 1st of each month.",
        "You'll be in Lisbon in 2 hours 40 minutes.",
        "Your rate stays fixed for 3 years.",
        "Join by Friday and your price stays at £12 a month for as long as you're a member.",
        "Your guest needs to stay a member for 30 days.",
        "If you book by Friday, you'll get a free upgrade.",
        "Most learners can hold a short chat after 8 weeks; results vary.",
        "You'll love our new winter menu.",
    ],
)
def test_a_services_course_a_term_or_a_hedge_is_not_foretold(text):
    assert "claims.result-foretold" not in rules(text)


def test_a_comparison_with_the_products_own_past_is_none():
    assert not compares("Our new trays weigh 30% less than the ones they replace.")
    assert "disclosure.lending.trigger-terms" not in rules(
        "Members get 2 months free, then $3.99/month unless you cancel.", ["lending"]
    )


def test_a_competitors_act_then_a_short_denial_is_an_insinuation():
    assert "tone.competitor-disparaged" in rules("Quillby loses parcels every week. We don't.")
    assert "tone.competitor-disparaged" not in rules("Quillby opened in Leeds. We did too.")


def test_a_reaction_after_a_treatment_or_a_food_is_an_adverse_event():
    from voicelint.intents import intents_of_doc

    assert "adverse_event" in intents_of_doc(
        parse("ate one of your cookies and my throat feels tight")
    )
    assert "adverse_event" in intents_of_doc(
        parse("had surgery with you last week, vision still blurry")
    )
    assert "adverse_event" not in intents_of_doc(parse("the checkout page is blurry on my phone"))


def test_a_harm_declared_normal_is_a_claim_and_a_harm_taken_seriously_is_not():
    said = {"kind": "reply", "in_reply_to": "had surgery with you last week, vision still blurry"}
    assert "claims.harm-declared-normal" in rules(
        "Perfectly normal, it'll settle down in a week!", **said
    )
    kind = "We're sorry. Please call our aftercare line today so a clinician can check your eye."
    assert "claims.harm-declared-normal" not in rules(kind, **said)


def test_late_as_a_time_of_day_and_a_pets_habit_report_no_problem():
    from voicelint.care import reports_problem

    assert not reports_problem(parse("any late-night deals this week?"))
    assert not reports_problem(parse("can I get a late checkout on Sunday?"))
    assert reports_problem(parse("my parcel is late again"))
    assert not reports_problem(parse("lol my dog keeps stealing the sample sachets"))
    assert reports_problem(parse("my daughter keeps getting logged out of the app"))
    assert reports_problem(parse("the app keeps freezing"))


def test_a_denial_governs_no_word_of_another_predicate():
    said = {"kind": "reply", "in_reply_to": "paid for coins that never arrived, refund me"}
    reply = (
        "Coins that never arrive are the worst, sorry! Open a ticket and the team will refund you."
    )
    assert "claims.certain-outcome" not in rules(reply, **said)
    assert "claims.certain-outcome" in rules("Our gutters never clog.")


def test_a_numbered_bus_is_no_ranking():
    assert "claims.superlative" not in rules("Hop on the number 1 bus to the fair, stop 4.")
    assert "claims.superlative" in rules("The number 1 lender in Leeds.")


def test_informal_words_the_customer_used_first_are_mirrored():
    neutral = {"voice": {"register": "neutral"}}
    said = "lol the hold music slaps"
    assert "tone.register" not in rules_of(
        lint("lol we'll tell the team", neutral, kind="reply", in_reply_to=said)
    )
    assert "tone.register" in rules_of(
        lint("lol we'll tell the team", neutral, kind="reply", in_reply_to="my card was declined")
    )


def test_an_order_joined_to_the_brands_own_clause_is_the_brands_act():
    said = {"kind": "reply", "in_reply_to": "Your courier left my parcel in the rain again"}
    reply = "Sorry! Please DM us the tracking number so we can check the photo and deal with it."
    assert "tone.hostile-reply" not in rules(reply, **said)
    assert "tone.hostile-reply" in rules("Read the delivery notes and deal with it.", **said)


def test_a_standard_owned_argues_no_facts():
    said = {"kind": "reply", "in_reply_to": "Your fitters were careless, they chipped my worktop."}
    reply = "We're sorry. That's not how our fitters should leave a kitchen. Please DM us photos."
    assert "routing.customer-care.argues-facts" not in rules(reply, ["customer-care"], **said)
    argued = "That isn't true. Our fitters left the worktop as they found it."
    assert "routing.customer-care.argues-facts" in rules(argued, ["customer-care"], **said)


def test_an_empty_text_or_markdown_file_holds_no_post(tmp):
    from conftest import run_cli, write

    write(tmp, "policies/acme.yaml", "client: acme\n")
    write(tmp, "drafts/empty.md", "\n\n")
    result = run_cli(["check", "drafts/empty.md", "--policy", "policies/acme.yaml"], tmp)
    assert result.exit_code == 2
    assert "the file is empty" in result.output


def test_a_verb_said_of_a_thing_tells_no_one_to_calm_down():
    said = {"kind": "reply", "in_reply_to": "my hands are stinging after your cleaner"}
    assert "tone.hostile-reply" not in rules("Sorry! The stinging should settle down soon.", **said)
    assert "tone.hostile-reply" in rules("Settle down, it's only a cleaner.", **said)


def test_a_sentence_rule_gives_way_to_the_claim_it_holds():
    found = lint("Switch today and your heating bills will halve by spring.")
    assert "claims.result-foretold" not in rules_of(found)
    assert "claims.certain-outcome" in rules_of(found)
