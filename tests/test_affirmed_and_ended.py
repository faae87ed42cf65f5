"""Claims made without a certainty word: a yes to "will it work?" (claims.result-affirmed), a
problem asked and declared ended (claims.problem-ended), "zero" before a harm; and the precision
fixes that came with them (a commitment sealed with "Ever.", "should never have", ", so" as a
clause, "totes" the bags, a title that runs on, FCC and USDA certification, general questions
under the hand-off rule)."""

from __future__ import annotations

import pytest

from conftest import lint, rules_of
from voicelint import care
from voicelint.conditions.affirms import asked_result
from voicelint.nlp import parse

AFFIRMED = "claims.result-affirmed"
ENDED = "claims.problem-ended"


def _asked(message: str) -> bool:
    from voicelint.analysis import TextAnalysis

    return asked_result(TextAnalysis(parse(message)))


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("Will these drops help my dog stop scratching?", True),
        ("does the weedkiller really work??", True),
        ("Would the cream work on stretch marks?", True),
        ("Will I pass the written exam if I use the app?", True),
        ("will you even insure me with two points on my licence?", True),
        ("Would my rabbit's dental treatment be covered if I sign up today?", True),
        ("So will your course get me into medical school?", True),
        # services asked of the brand, compatibility, plain facts, wh-questions
        ("Can you help me change my delivery address?", False),
        ("my dad flies on Friday, can you make sure he gets help at the gate?", False),
        ("Does the app work with Android 12?", False),
        ("Does the tracker work on Garmin watches?", False),
        ("Is dental covered on the Silver plan?", False),
        ("How long will the cream last once opened?", False),
        ("Are you open on Sunday?", False),
        ("Will it help me lose weight? Also, is it vegan?", False),  # the last question answered
    ],
)
def test_a_question_that_asks_for_a_result(message, expected):
    assert _asked(message) is expected


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "Yup! Two capsules a day and the itching stops.",
            "Will these help my dog stop scratching?",
        ),
        ("Absolutely, it clears the lot.", "does the weedkiller really work??"),
        (
            "Hi Dan! Yes, you'll be flying through it.",
            "Will I pass the written exam with your app?",
        ),
        ("100%! We'll get you covered.", "will you even insure me with two points on my licence?"),
        ("It sure does 💪", "Would the cream work on stretch marks?"),
    ],
)
def test_an_unqualified_yes_to_a_result_is_a_claim(text, said):
    assert AFFIRMED in rules_of(lint(text, kind="reply", in_reply_to=said))


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # qualified, conditional, a different question, no result asked
        (
            "Yes, it helps many dogs, though every dog is different.",
            "Will these help my dog stop scratching?",
        ),
        (
            "Yes, if it's a broadleaf weed; grass weeds need another product.",
            "does the weedkiller really work??",
        ),
        ("Yes! Version 12 and up.", "Does the app work with Android 12?"),
        ("Yes, 10 till 4.", "Are you open on Sunday?"),
        ("Yes, it's fully vegan.", "Will it help me lose weight? Also, is it vegan?"),
        (
            "Yes, DM us the new address and we'll update it.",
            "Can you help me change my delivery address?",
        ),
        (
            "Sorry, we can't promise that. Most learners need a few tries.",
            "Will I pass the written exam with your app?",
        ),
    ],
)
def test_a_qualified_yes_or_another_question_is_no_claim(text, said):
    assert AFFIRMED not in rules_of(lint(text, kind="reply", in_reply_to=said))


@pytest.mark.parametrize(
    "text",
    [
        "Foggy windows? Not anymore.",
        "Leaky gutters? Gone for good with our guards.",
        "Sore heels after a shift? Ten days in our insoles and it's history.",
        "Frizzy hair? A thing of the past with our mask.",
        "Weekend with our dehumidifier and your condensation is history.",
        "Fit the seals once and those draughts are gone for good.",
        "Pet owners, your muddy carpet days are over.",
    ],
)
def test_a_problem_declared_ended_is_a_claim(text):
    assert ENDED in rules_of(lint(text)) or "claims.certain-outcome" in rules_of(lint(text))


@pytest.mark.parametrize(
    "text",
    [
        "Foggy windows? Our fitters can check the seals.",
        "Leaky gutters? They may not be gone for good, so book a yearly check.",
        "New timetable? Gone are the days of the 40-minute wait.",
        "Paper tickets? Gone, everything is in the app now.",
        "Summer's over? Not at our rooftop bar.",
        "The spring sale is over.",
        "Once your cold is over, book a massage.",
        "Gone for good? Our Elm Street shop closes on Friday.",
    ],
)
def test_no_problem_or_no_riddance_is_no_claim(text):
    assert ENDED not in rules_of(lint(text))


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        ("Our sensors: zero missed alerts, zero glitches.", True),
        ("Streaming on our fibre = zero buffering lag.", True),
        ("Zero fees on your first three transfers.", False),
        ("We have zero tolerance for abuse of our team.", False),
        ("Zero sugar, zero guilt.", False),
    ],
)
def test_zero_before_a_harm_denies_it_outright(text, fires):
    assert ("claims.certain-outcome" in rules_of(lint(text))) is fires


def test_a_commitment_sealed_with_ever_is_no_claim_but_a_failure_denied_is():
    assert "claims.sealed-promise" not in rules_of(lint("We will never share your address. Ever."))
    assert "claims.sealed-promise" in rules_of(lint("We never miss a collection. Ever."))


def test_should_never_have_owns_a_wrong_it_denies_no_loss():
    text = "We're sorry, your photo should never have gone up without asking."
    assert "claims.certain-outcome" not in rules_of(lint(text, kind="reply", in_reply_to="hi"))
    assert "claims.certain-outcome" in rules_of(lint("Your pension will never fall in value."))


def test_a_consequence_after_a_comma_is_its_own_clause():
    text = "The plaster needs two days to dry before we close up the room, so plan for a three-day job."
    assert "claims.certain-outcome" not in rules_of(lint(text))


def test_totes_the_bags_are_no_slang():
    policy = {"voice": {"register": "neutral"}}
    assert "tone.register" not in rules_of(lint("Our canvas totes are $20 at the till.", policy))
    assert "tone.register" in rules_of(lint("totes amazing weekend, see you soon", policy))


def test_a_title_that_runs_on_is_no_customer_name():
    from voicelint.kinds.pii import _full_name
    from voicelint.nlp import tokens

    doc = parse("The National Debt Advice Helpline is free.")
    words = tokens(doc)
    assert _full_name(words.texts, words.lowers, 0, len(doc), set()) is None
    assert _full_name(words.texts, words.lowers, 1, len(doc), set()) is None


def test_fcc_and_usda_certification_is_the_bodys_own_scheme():
    assert "claims.regulator-endorsement" not in rules_of(
        lint("Our baby monitor is FCC certified.")
    )
    assert "claims.regulator-endorsement" not in rules_of(lint("USDA certified organic oat milk."))
    assert "claims.regulator-endorsement" in rules_of(lint("FDA approved pillows."))


@pytest.mark.parametrize(
    ("said", "general"),
    [
        ("what happens when my contract ends? do I get moved to a rolling plan?", True),
        ("can I get a loan with a low credit score?", True),
        ("do I get charged if I cancel in the first week?", True),
        ("WHERE IS MY REFUND??", False),
        ("when will my new card arrive?", False),
        ("why was I charged twice?", False),
        ("Someone logged into my account and spent my points!!", False),
    ],
)
def test_a_general_question_holds_no_matter_to_take_private(said, general):
    from voicelint.analysis import Customer, TextAnalysis
    from voicelint.intents import detect
    from voicelint.kinds.handoff import _general

    customer = Customer(TextAnalysis(parse(said)), detect(said))
    assert _general(customer) is general


def test_a_passive_of_what_may_come_tells_no_event():
    assert care.asks_ahead(parse("will I be charged if I pause my plan?"))
    assert not care.asks_ahead(parse("was I charged for the paused month?"))


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        ("Every tenant we place pays on time. Every one.", True),
        ("You'll wake up rested. Every. Single. Morning.", True),
        ("Kettle on, boiled in under a minute. Every morning.", True),
        ("Guaranteed to calm a teething baby.", True),
        ("Fresh bagels, every day.", False),
        ("We ask for photo ID from every buyer, every time.", False),
        ("Our fixed rates are guaranteed to stay put for two years.", False),
        ("Is it guaranteed to arrive by Friday?", False),
    ],
)
def test_seals_on_every_occasion_and_guaranteed_to(text, fires):
    assert ("claims.sealed-promise" in rules_of(lint(text))) is fires


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        ("Two weeks with our flashcards and your son knows the whole alphabet by Monday.", True),
        ("Ten minutes a night and he'll be reading picture books before kindergarten.", True),
        ("Our app has all 26 letters to trace, with a song for each.", False),
        ("Children learn letters through songs and stories in our app.", False),
    ],
)
def test_a_childs_milestone_by_a_day_or_a_school_year(text, fires):
    assert ("claims.certain-outcome" in rules_of(lint(text))) is fires


def test_a_harm_denied_and_sealed_with_any_seal():
    assert "claims.sealed-promise" in rules_of(lint("Our seals don't leak. Period."))
    assert "claims.sealed-promise" not in rules_of(lint("We don't deliver on Sundays. Period."))


def test_damp_kept_out_for_sure_is_protection_promised():
    said = "Damp patch on the bedroom wall every winter. Will new windows sort it?"
    sure = "New windows will definitely keep the damp out of your home."
    usual = "New windows can usually keep damp out of your home; we'll check on the survey."
    assert "claims.certain-outcome" in rules_of(lint(sure, kind="reply", in_reply_to=said))
    assert "claims.certain-outcome" not in rules_of(lint(usual, kind="reply", in_reply_to=said))


def test_your_thing_guaranteed_to_is_a_promise_our_term_is_not():
    assert "claims.sealed-promise" in rules_of(
        lint("Book today and your sofa is guaranteed to arrive without a mark.")
    )
    assert "claims.sealed-promise" not in rules_of(
        lint("Our prices are guaranteed to stay the same until March.")
    )


@pytest.mark.parametrize(
    "text",
    [
        "Hay fever flare-ups every June? Our purifier filters the air and puts an end to them.",
        "Dog shedding on the sofa? Our brush shuts it down in a week.",
    ],
)
def test_more_problems_and_more_ways_to_end_them(text):
    assert ENDED in rules_of(lint(text))


def test_a_result_for_life():
    assert "claims.certain-outcome" in rules_of(
        lint("One jab makes kittens immune to flu for life.")
    )
    assert "claims.certain-outcome" not in rules_of(
        lint("Free oil changes for life with every car.")
    )
