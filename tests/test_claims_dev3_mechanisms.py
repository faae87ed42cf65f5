"""Claims in the industries where they hide (betting, lending, crypto, solar, clinics, kids'
learning), dares and presumed errors in care replies, and the false alarms fixed with them
(issue 16, issue 13). Sentences of our own; the mechanisms were found on the README-only dev set
tests/corpus-tuning/claims-dev3."""

from __future__ import annotations

import pytest

from conftest import lint


def rules(text: str, packs: list[str], **fields: object) -> list[str]:
    policy = {
        "name": "Tern",
        "extends": [*packs, "customer-care"] if "customer-care" not in packs else packs,
        "voice": {"competitors": ["Gullwing"]},
        "channels": {"support": "@TernHelp", "legal": "legal@tern.example"},
        "routing": {"billing": "dm", "legal_threat": "legal"},
    }
    return [f.rule for f in lint(text, policy, **fields)]


@pytest.mark.parametrize(
    ("text", "packs", "rule"),
    [
        # a result stated with its share: "N% of their body weight"
        (
            "Clients lose 15% of their starting weight on our plan.",
            ["health"],
            "claims.certain-outcome",
        ),
        # a condition wiped out for good
        ("Our laser wipes out rosacea for good.", [], "claims.certain-outcome"),
        # the progressive after "will": "will be reading"
        (
            "With our flashcards your toddler will be reading full sentences by spring.",
            ["children"],
            "claims.certain-outcome",
        ),
        # "it's that simple" tags the sentence before
        (
            "Toddlers who use our blocks talk earlier. It's that simple.",
            ["children"],
            "claims.certain-outcome",
        ),
        # a weather event as an occasion: "through every storm"
        (
            "Our backup battery keeps you warm through every storm this winter, whatever the weather.",
            ["home-energy"],
            "claims.certain-outcome",
        ),
        # the reader as the one approved
        (
            "Bad credit? Missed payments? We'll approve you regardless.",
            ["lending"],
            "claims.certain-outcome",
        ),
        # a holding in crypto slang
        (
            "Stake with us and your bag grows every single week.",
            ["crypto-investing"],
            "claims.certain-outcome",
        ),
        # superiority by denying any rival
        ("Nobody tints brows like our studio.", [], "claims.superlative"),
        ("No one beats our rates this spring.", [], "claims.superlative"),
        # "on the market" whatever stands between
        ("The quietest kids' headphones on the market.", [], "claims.superlative"),
        # no strings, and a condition
        (
            "Claim a free $20 credit, no strings attached. Simply deposit $200 to unlock it.",
            [],
            "claims.free-with-strings",
        ),
        # betting
        ("This accumulator is a sure thing.", ["betting"], "claims.betting.sure-win"),
        ("Tonight's card is the safest money in town.", ["betting"], "claims.betting.sure-win"),
        ("Back our tips and never take an L again.", ["betting"], "claims.betting.sure-win"),
        (
            "Our tipster hasn't lost a week since January. Tail him.",
            ["betting"],
            "claims.betting.sure-win",
        ),
        (
            "Each new player walks away with a prize at the launch party.",
            ["betting"],
            "claims.betting.sure-win",
        ),
        ("No sweat bet this Saturday on the derby.", ["betting"], "claims.betting.risk-free"),
        ("Your first spin is on us, win or lose.", ["betting"], "claims.betting.risk-free"),
        # green as a share
        ("Our shop runs on 100% green power.", ["environmental"], "claims.environmental.eco-word"),
    ],
)
def test_a_claim_in_words_no_list_holds(text, packs, rule):
    assert rule in rules(text, packs)


def test_an_unquoted_result_story_offered_to_the_reader():
    found = rules("Priya's energy bill fell 60% after the install. You're next!", ["home-energy"])
    assert "claims.testimonial-adopted" in found


@pytest.mark.parametrize(
    "text",
    [
        "Get 30% off the spring range. Your turn to treat yourself!",
        "$4 flat whites all week. Your turn to try one.",
        "We planted 2,000 trees this year. Your turn!",
    ],
)
def test_a_price_or_a_count_is_no_result_story(text):
    assert "claims.testimonial-adopted" not in rules(text, [])


@pytest.mark.parametrize(
    ("text", "packs", "rule"),
    [
        (
            "A sure thing this Sunday: the terrace bar opens at noon.",
            ["betting"],
            "claims.betting.sure-win",
        ),
        (
            "It's a sure thing the fries will be hot, come early.",
            ["betting"],
            "claims.betting.sure-win",
        ),
        (
            "One sure thing in markets: our help desk answers around the clock.",
            ["finance"],
            "claims.finance.risk-free",
        ),
        (
            "Boosted price on the favourite: the extra winnings are paid as bonus bets. 21+. T&Cs apply.",
            ["betting"],
            "claims.betting.risk-free",
        ),
        (
            "Double your first deposit up to $200 in bonus, 10x wagering, new customers only. T&Cs apply.",
            ["betting"],
            "claims.certain-outcome",
        ),
        ("Get 25% off installs booked this month.", ["lending"], "disclosure.lending.rate-not-apr"),
        ("Free tote, no strings: no minimum spend and no sign-up.", [], "claims.free-with-strings"),
        (
            "Gullwing makes wonderful games too, pick what suits your family.",
            [],
            "tone.competitor-disparaged",
        ),
        (
            "Gullwing added staking this week as well; compare the lock-up periods before you choose.",
            ["crypto-investing"],
            "disclosure.crypto-investing.risk-warning",
        ),
    ],
)
def test_the_same_words_in_another_sense(text, packs, rule):
    assert rule not in rules(text, packs)


def test_whatever_you_want_is_a_choice_not_a_certainty():
    assert "claims.certain-outcome" not in rules(
        "Bet on whatever you want this weekend, the markets are open.", ["betting"]
    )


COMPLAINT = "Your staff lost my booking and now you're charging me, I'm reporting you!"


@pytest.mark.parametrize(
    "text",
    [
        "Be my guest, the fee was applied correctly.",
        "Do whatever you want, the charge stands.",
        "Go ahead, the terms are on the website.",
        "Good luck.",
    ],
)
def test_a_dare_at_a_complaint_brushes_the_customer_off(text):
    assert "tone.reader-brushed-off" in rules(
        text, ["customer-care"], kind="reply", in_reply_to=COMPLAINT
    )


@pytest.mark.parametrize(
    "text",
    [
        "Go ahead and DM us the booking number, we'll sort the charge today.",
        "Feel free to DM us and we'll look into it.",
        "So sorry about this. Go ahead and send us a DM.",
    ],
)
def test_go_ahead_and_reach_us_is_help(text):
    assert "tone.reader-brushed-off" not in rules(
        text, ["customer-care"], kind="reply", in_reply_to=COMPLAINT
    )


@pytest.mark.parametrize(
    "text",
    [
        "You must have misread the invoice, the fee is the same.",
        "You probably picked the wrong plan at checkout.",
    ],
)
def test_the_readers_error_presumed_is_blame(text):
    assert "tone.reader-blamed" in rules(
        text, ["customer-care"], kind="reply", in_reply_to="Why was I charged twice this month?!"
    )


def test_a_guess_that_is_no_error_is_no_blame():
    assert "tone.reader-blamed" not in rules(
        "You probably have the new version already, it installs itself.",
        ["customer-care"],
        kind="reply",
        in_reply_to="Is there an update for the app?",
    )


def test_a_money_word_used_as_a_noun_is_no_refusal():
    assert "routing.customer-care.refused-in-public" not in rules(
        "No. A soft check does not affect your credit score at all.",
        ["customer-care"],
        kind="reply",
        in_reply_to="Will checking my rate hurt my credit?",
    )


def test_a_wallet_phrase_by_its_word_count_is_a_secret():
    assert "routing.crypto-investing.secret-request" in rules(
        "Reply with your 12-word phrase and we'll restore the wallet.",
        ["crypto-investing"],
        kind="reply",
        in_reply_to="I can't get into my wallet",
    )


def test_a_child_asked_to_tag_their_school():
    assert "routing.children.data-request" in rules(
        "Build a tower and tag your school to win!", ["children"]
    )
