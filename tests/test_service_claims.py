"""Claims of clients no industry pack names (movers, cleaners, repairers, software): sealed promises,
absolute safety, green claims always on, free offers with strings, urgency named by its day, and
the general finding giving way to a pack's (issue 16). Sentences written here, not from a corpus."""

from __future__ import annotations

from conftest import lint, rules_of


def claims(text: str, policy: dict | None = None, **fields: object) -> list[str]:
    return [r for r in rules_of(lint(text, policy, **fields)) if r.startswith("claims.")]


# --- seals: a statement certified by words standing apart from it ---------------------------------


def test_a_seal_sentence_certifies_the_statement_before_it():
    assert "claims.sealed-promise" in claims("Your gutters will stay clear all autumn. Guaranteed.")
    assert "claims.sealed-promise" in claims(
        "Our drivers have never lost a parcel. Not one. Not ever."
    )
    assert "claims.sealed-promise" in claims("The bins get emptied before 7am. Every single time.")


def test_a_seal_closing_a_clause_certifies_it():
    assert "claims.sealed-promise" in claims(
        "Your carpets come out without a single stain, guaranteed 🧼"
    )
    assert "claims.sealed-promise" in claims(
        "100% guaranteed your boiler will pass its next inspection."
    )


def test_guaranteed_before_a_result_noun_is_a_promise():
    assert "claims.sealed-promise" in claims("Guaranteed results on every lawn we treat.")


def test_a_seal_on_a_habit_a_rule_or_a_short_phrase_is_no_claim():
    assert (
        claims("We check tickets for every passenger, every time, because the law says so.") == []
    )
    assert claims("Warm croissants, every time.") == []
    assert claims("We answer every message. Always.") == []


def test_a_guarantee_stated_with_its_remedy_or_denied_is_no_claim():
    assert claims("On time, guaranteed, or your next visit is free.") == []
    assert claims("We can't guarantee a slot today, but we'll try our best.") == []
    assert claims("Spotless windows, guaranteed, or we come back for free.") == []


def test_a_sealed_statement_that_asks_or_hedges_is_no_claim():
    assert claims("Will my sofa arrive without a scratch? Guaranteed?") == []
    assert claims("We usually arrive within the hour. Always worth a call.") == []


# --- absolute safety ------------------------------------------------------------------------------


def test_absolute_safety_is_flagged_for_any_client():
    assert "claims.safety-absolute" in claims("Our rodent bait is totally harmless to dogs.")
    assert "claims.safety-absolute" in claims("Every e-bike we service is 100% safe to ride.")
    assert "claims.safety-absolute" in claims("Zero risk with our gas safety checks.")


def test_safety_stated_with_its_limits_is_no_claim():
    assert claims("No spray is completely safe for fish, so we cover the pond first.") == []
    assert claims("Safe travels to everyone heading home this weekend!") == []


def test_a_pack_rule_on_the_same_words_replaces_the_core_finding():
    found = claims("Totally harmless, even for toddlers.", {"extends": ["children"]})
    assert "claims.safety-absolute" not in found
    assert "claims.children.safety-absolute" in found


# --- green claims are always on -------------------------------------------------------------------


def test_green_claims_are_checked_without_the_environmental_pack():
    assert "claims.environmental.general-benefit" in claims("Eco-friendly removals, every day.")


def test_a_named_ecolabel_a_life_cycle_basis_or_a_single_material_is_a_basis():
    assert claims("Our floor soap carries the EU Ecolabel (licence SE/020/004).") == []
    assert (
        claims("Refills emit 60% less CO2 than our old bottles, by a life-cycle assessment.") == []
    )
    assert claims("Your order ships in a 100% recycled paper mailer.") == []


# --- free offers with strings, urgency, adopted testimony -----------------------------------------


def test_a_free_offer_with_a_fee_or_a_paid_scope_has_strings():
    assert "claims.free-with-strings" in claims(
        "Free wheel alignment, no strings attached. Only with a paid annual service plan."
    )
    assert "claims.free-with-strings" in claims(
        "A free router, no catch! (£20 delivery fee applies)"
    )
    assert "claims.free-with-strings" in claims(
        "Free first lesson, no strings. Just commit to a term of ten lessons."
    )
    assert claims("A free router for every new customer, no catch, no delivery fee.") == []


def test_urgency_named_by_its_day_or_made_final():
    assert "claims.false-urgency" in claims(
        "This price will never be this low again. Order by Sunday."
    )
    assert "claims.false-urgency" in claims("Grants end forever after this week. Apply!")
    assert claims("Our café closes early on Sunday for the staff party.") == []


def test_a_testimony_in_single_quotes_offered_to_the_reader():
    post = "'Our energy bill dropped by £40 a month after the survey' - Priya. Yours could be next."
    assert "claims.testimonial-adopted" in claims(post)


def test_a_result_given_to_the_reader_as_well():
    post = '"They sold our flat for £15,000 over asking" - Omar. You could sell for more too!'
    assert "claims.testimonial-adopted" in claims(post)
    thanks = '"They sold our flat for £15,000 over asking in two weeks" - Omar. We love you too!'
    assert "claims.testimonial-adopted" not in claims(thanks)


def test_what_every_customer_can_expect_adopts_the_testimony():
    post = '"Not one weed in the lawn for three summers" - Tess. Every client can expect the same.'
    assert "claims.testimonial-adopted" in claims(post)


# --- what a competitor does, alleged as fact --------------------------------------------------

RIVALS = {"voice": {"competitors": ["Brackenfield Plumbing"]}}


def test_a_negative_act_alleged_of_a_competitor_is_a_claim():
    found = claims("Brackenfield Plumbing overcharges pensioners and ignores their calls.", RIVALS)
    assert "claims.competitor-allegation" in found
    found = claims("Brackenfield Plumbing loses half its customers' keys.", RIVALS)
    assert "claims.competitor-allegation" in found


def test_an_opinion_a_neutral_fact_or_what_a_plan_covers_is_no_allegation():
    assert "claims.competitor-allegation" not in claims(
        "Brackenfield Plumbing is the worst.", RIVALS
    )
    assert "claims.competitor-allegation" not in claims(
        "Brackenfield Plumbing opened a second van this spring.", RIVALS
    )
    assert "claims.competitor-allegation" not in claims(
        "Brackenfield Plumbing includes flood damage in its basic cover; we sell it separately.",
        RIVALS,
    )
    assert "claims.competitor-allegation" not in claims(
        "Thanks to the Brackenfield Plumbing crew who helped when our van broke down 🤝", RIVALS
    )


def test_a_worry_about_a_loss_denied_for_good_is_a_promise():
    assert "claims.certain-outcome" in claims("Never worry about a leak again with our roof plan.")
    assert claims("Never worry about a thing: we handle the paperwork.") == []


def test_a_free_offer_whose_conditions_hide_behind_a_footnote():
    assert "disclosure.free-terms-hidden" in rules_of(lint("Free boiler service! T&Cs apply."))
    assert "disclosure.free-terms-hidden" in rules_of(
        lint("Your first lawn treatment free!* Sign up now.")
    )
    # the conditions stated, or no footnote promised
    assert "disclosure.free-terms-hidden" not in rules_of(
        lint("Free boiler service with any annual plan, until 1 March. T&Cs apply.")
    )
    assert "disclosure.free-terms-hidden" not in rules_of(lint("Free parking for every guest."))
    assert "disclosure.free-terms-hidden" not in rules_of(lint("Our gluten-free loaf is back!*"))


def test_every_customer_named_with_the_brand_and_all_of_them_by_share():
    brand = {"name": "Drivora Driving School"}
    assert "claims.certain-outcome" in claims(
        "Every Drivora student passes their driving test.", brand
    )
    assert "claims.certain-outcome" in claims("100% of our students pass their theory test.")
    assert claims("100% of the profits go to the food bank.") == []


def test_the_businesses_a_business_sells_to_are_its_customers():
    assert "claims.certain-outcome" in claims("Firms that switch save $9,000 a year on rent.")
    assert "claims.certain-outcome" in claims("Households that switch save $400 a year on energy.")
