"""The claim grammar's newer mechanisms: a loss denied outright (class ``losses``), the result of
an order ("ORDER and RESULT"), the brand named as the doer or the means, and "no A, no B, no C"
read as a list rather than a saying. Each test states the mechanism with sentences of our own.
"""

from __future__ import annotations

import pytest

from conftest import lint

GRAMMAR = "claims.certain-outcome"
BRAND = {"name": "Quillmark Learning", "client": "quillmark"}


def matches(text: str, policy: dict | None = None) -> list[str]:
    return [f.match for f in lint(text, policy) if f.rule == GRAMMAR]


def entries(text: str, policy: dict | None = None) -> list[str]:
    return [f.entry or "" for f in lint(text, policy) if f.rule == GRAMMAR]


# --- a loss or a harm denied outright --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        # the loss a listed word, the cue "never"
        ("Put it in our Steady Saver and your deposit is never at risk.", "never at risk"),
        # a modal denial of a loss verb
        ("Our bond ladder cannot drop in value.", "cannot drop"),
        # any word of negative valence (VADER) denied: a harm to the reader's thing
        ("The new firmware won't damage older routers.", "won't damage"),
        # a nominal denial with no subject: "zero chance of" and a harm
        ("Fragrance-free, so zero chance of a rash.", "zero chance of a rash"),
        # a loss the reader never suffers again
        ("With the tag on your keyring you'll never lose your keys again.", "never lose"),
    ],
)
def test_a_loss_denied_outright_is_a_claim(text, quoted):
    assert matches(text) == [quoted]
    assert entries(text) == [f"{GRAMMAR}/losses"]


@pytest.mark.parametrize(
    "text",
    [
        "We never sell your details to third parties.",  # the brand's own conduct
        "Quillmark never charges you to cancel.",  # the brand, by name, on its own conduct
        "My shoulder has never felt this loose after a swim.",  # the writer's own story
        "Never share your one-time code with anyone.",  # an order: advice
        "Keep a budget and never chase a losing streak.",  # advice after another order
        "A helmet can't prevent every head injury.",  # a verb that takes the loss away
        "We can't promise your fund won't fall in value.",  # a promise taken back
        "Could your savings ever fall in value?",  # a question asks
        "Our lasagne never disappoints.",  # puffery
        "A week away that won't break the bank.",  # an idiom of price
        "Shares can fall in value as well as rise.",  # not denied
        "Your deposit may never be at risk, but read the terms.",  # hedged
    ],
)
def test_what_denies_no_loss_of_the_readers_is_no_claim(text):
    assert matches(text, BRAND) == []


def test_the_brand_after_a_preposition_is_no_subject_of_its_own_conduct():
    # "with Quillmark" names where the deposit is; the deposit is the subject, and it is promised
    text = "Your deposit with Quillmark is never at risk."
    assert matches(text, BRAND) == ["never at risk"]


# --- an order and its result ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        # the result's own subject after "and"
        ("Top up with our tyre sealant and your tyres last longer.", "last longer"),
        # a causative between: "and watch your X come down"
        ("Cook from our Lighter range and watch your cholesterol go down.", "cholesterol go down"),
        # no order: the product as the means, then "and" and the result
        ("Two weeks with our scalp tonic and your bald spots are history.", "spots are history"),
    ],
)
def test_the_result_of_an_order_is_promised(text, quoted):
    assert matches(text) == [quoted]


@pytest.mark.parametrize(
    "text",
    [
        "Order by noon and get 15% off your first box.",  # an offer's terms
        "Sign up today and your welcome pack arrives on Friday.",  # no outcome
        "Try the new scrub and your skin may feel smoother.",  # hedged and an appearance
        "Come along on Saturday and meet the team.",  # no outcome
    ],
)
def test_an_order_with_no_promised_result_is_no_claim(text):
    assert matches(text) == []


# --- the brand named as the doer or the means --------------------------------------------------


def test_the_brand_named_as_the_doer_of_a_result_is_the_product_speaking():
    assert matches("Quillmark Pro lands you the job.", BRAND) == ["lands you the job"]
    # without a policy that names the brand, a capitalised name is no agent the grammar knows
    assert matches("Quillmark Pro lands you the job.", {"name": "Other Co"}) == []


def test_a_result_with_the_brand_as_the_means_and_a_first_time_deadline():
    assert matches("Pass your driving theory test first time with Quillmark.", BRAND) == [
        "Pass your driving theory test first time"
    ]


def test_a_dictionary_word_that_opens_a_name_is_not_taken_for_the_brand():
    # "Bright" of "Bright Path Tutors" is an ordinary word: only the full name counts
    assert matches("Bright Path Tutors lands you the job.", {"name": "Bright Path Tutors"}) == [
        "lands you the job"
    ]
    assert matches("Bright kids land the job.", {"name": "Bright Path Tutors"}) == []


# --- context: a list of things denied is not a saying; a report is not a promise ---------------


def test_three_things_denied_in_a_row_are_a_list_not_a_proverb():
    policy = {"extends": ["food"]}
    rule = "claims.food.superfood-health"
    listed = [f.rule for f in lint("No detox, no fads, no crash diets. Just dinner.", policy)]
    assert rule not in listed
    # a member of several words does not hide the one after it
    longer = [f.rule for f in lint("No detox, no crash diets, no fads. Just dinner.", policy)]
    assert rule not in longer
    saying = [f.rule for f in lint("No detox, no glory.", policy)]
    assert rule in saying  # a two-part saying still leaves the claim standing


def test_a_deadline_after_a_past_tense_result_is_a_report():
    text = "The hood kept the rain off, and the app worked first time."
    assert matches(text) == []
