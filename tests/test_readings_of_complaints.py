"""How a customer's message reads (a complaint in words VADER scores neutral, thanks, a question
asking leave, a joke about a harm) and the tone conditions that read it: sincere praise at news or
a question, help that undoes a fault only in its own sentence, rhetorical questions."""

from __future__ import annotations

import pytest

from conftest import draft, lint
from test_conditions import holds
from voicelint import care
from voicelint.analysis import TextAnalysis, grievance_marks
from voicelint.intents import intents_of_doc
from voicelint.kinds import PostContext
from voicelint.nlp import parse


def customer(said: str):
    return PostContext(draft("Hi.", kind="reply", in_reply_to=said), parse("Hi."), {}).customer


@pytest.mark.parametrize(
    "said",
    [
        "MY ORDER HAS BEEN STUCK IN YOUR WAREHOUSE ALL WEEK",
        "Why would a refill cost more than the bottle?!",
        "$40 for a phone case??",
        "Paid £60 for this? It fell apart.",
        "The mattress is far too soft for my back.",
        "That's the fourth time the app has logged me out today.",
    ],
)
def test_grievance_marks_read_a_complaint_vader_scores_neutral(said):
    assert grievance_marks(TextAnalysis(parse(said)))
    assert care.complains(customer(said))


@pytest.mark.parametrize(
    "said", ["The box says 20 servings but I get 12.", "Never again, honestly."]
)
def test_grievance_idioms_read_a_complaint(said):
    assert care.complains(customer(said))


@pytest.mark.parametrize(
    "said",
    [
        "Is the jacket too big for a ten year old?",
        "Ordered the blue one, can't wait!",
        "Me too!",
        "It costs $40, right?",
        "WOW THANK YOU",  # shouting needs four words in capitals
    ],
)
def test_no_grievance_marks(said):
    assert not grievance_marks(TextAnalysis(parse(said)))


def test_a_wait_that_goes_on_is_a_problem():
    assert care.reports_problem(parse("Been chasing this refund since March."))
    assert not care.reports_problem(parse("Been loving the new flavours."))


def test_thanks_with_no_problem_is_no_complaint():
    assert care.thanks_brand(
        customer("The nurse was so patient, my daughter wasn't scared 😭 thank you!!")
    )
    assert not care.complains(
        customer("The nurse was so patient, my daughter wasn't scared 😭 thank you!!")
    )
    assert not care.thanks_brand(customer("Thanks for nothing 🙃"))
    assert not care.thanks_brand(customer("thanks for the awful service"))
    assert care.thanks_brand(customer("JUST GOT THE KEYS!!! thank you 😭🏡"))
    assert not care.thanks_brand(customer("Thanks, my parcel still hasn't arrived."))


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        ("Can I use the sauna if I'm on blood thinners?", True),
        ("Is it safe to charge the scooter overnight?", True),
        ("Are these boots ok for wide feet?", True),
        ("Why should I pay for a second bag?", False),
        ("My order is late.", False),
    ],
)
def test_asks_leave(said, expected):
    assert care.asks_leave(parse(said)) is expected


def test_a_question_with_plain_context_asks_ahead():
    assert care.asks_ahead(parse("Does the plan renew by itself? My sister says it does."))
    assert not care.asks_ahead(parse("Does the plan renew by itself? This is a scam."))


def test_a_laughing_message_that_tells_of_nothing_only_jokes_about_harm():
    joke = parse("if I microwave your lasagne twice is that a fire hazard 😂")
    assert not {"injury", "safety_hazard"} & intents_of_doc(joke)
    fall = parse("My son fell off your climbing frame and cut his chin 😂")
    assert "injury" in intents_of_doc(fall)


def test_sarcasm_spares_congratulations_on_news_and_praise_of_a_question():
    assert not holds(
        "ridicule",
        "sarcasm",
        "Congratulations! Our team can talk you through it.",
        "Congratulations!",
        kind="reply",
        in_reply_to="We just got engaged and I'm stressing about the venue deposit, is it refundable?",
    )
    assert not holds(
        "ridicule",
        "sarcasm",
        "Thanks for your message. Our team will reply today.",
        "Thanks for your message.",
        kind="reply",
        in_reply_to="Your driver blocked my drive for an hour, awful.",
    )
    assert not holds(
        "ridicule",
        "sarcasm",
        "Oh no, poor thing. DM us and we'll sort it.",
        "Oh no, poor thing.",
        kind="reply",
        in_reply_to="My son cried all night, his game pass vanished 😢",
    )
    assert holds(
        "ridicule",
        "sarcasm",
        "Thanks for the lovely review.",
        "Thanks for the lovely review.",
        kind="reply",
        in_reply_to="Worst pizza I've had, cold and soggy.",
    )


def test_praise_at_a_problem_is_sarcasm_a_reply_takes_literally():
    assert holds(
        "ridicule",
        "sarcasm",
        "Glad you're loving it!",
        "Glad you're loving it!",
        kind="reply",
        in_reply_to="Been waiting 10 days for my refund. Brilliant service.",
    )


def test_rhetorical_questions_at_a_complaint():
    said = "Why is delivery to the islands $30?!"
    assert holds(
        "ridicule",
        "rhetorical",
        "Did you expect it to fly there?",
        "Did you expect",
        kind="reply",
        in_reply_to=said,
    )
    assert holds(
        "ridicule",
        "rhetorical",
        "What part of 'remote' is hard?",
        "What part",
        kind="reply",
        in_reply_to=said,
    )
    assert not holds(
        "ridicule",
        "rhetorical",
        "Did you think about our pickup points?",
        "Did you think",
        kind="reply",
        in_reply_to=said,
    )


def test_a_risk_or_a_feeling_is_no_put_down():
    said = "I will win it all back tonight, watch."
    assert not holds(
        "target",
        "reader",
        "Please don't chase losses; you could lose more.",
        "you could lose",
        kind="reply",
        in_reply_to=said,
    )
    assert not holds(
        "target",
        "reader",
        "We're sorry you are upset.",
        "upset",
        kind="reply",
        in_reply_to="Your ad misled me.",
    )
    assert holds(
        "target", "reader", "You are rude.", "rude", kind="reply", in_reply_to="Your ad misled me."
    )


def test_advice_to_check_first_answers_a_question_asking_leave():
    assert not holds(
        "blame",
        "hindsight",
        "Always check with a pharmacist before you take anything new.",
        "Always check",
        kind="reply",
        in_reply_to="Can I take antihistamines with my inhaler? Awful hay fever today",
    )


def test_a_non_apology_with_a_hand_off_is_no_brush_off():
    said = "I'm taking this to my solicitor, your advert lied."
    routed = (
        "We're sorry you feel that way. Please ask your solicitor to write to legal@brand.example."
    )
    assert not holds(
        "dismissal",
        "non_apology",
        routed,
        "We're sorry you feel that way.",
        kind="reply",
        in_reply_to=said,
    )
    bare = "We're sorry you feel that way. Our adverts are approved by our lawyers."
    assert holds(
        "dismissal",
        "non_apology",
        bare,
        "We're sorry you feel that way.",
        kind="reply",
        in_reply_to=said,
    )


def test_help_elsewhere_in_a_reply_does_not_undo_blame_in_its_own_sentence():
    said = "Your new checkout is broken, unbelievable."
    text = "Nobody else had a problem with the new checkout. DM us and we'll take a look."
    found = lint(text, kind="reply", in_reply_to=said)
    assert "tone.reader-blamed" in {f.rule for f in found}
    assert holds("offers_help", None, text, "Nobody else")
    assert not holds("offers_help", "here", text, "Nobody else")


def test_the_readers_error_given_as_the_cause_blames():
    said = "Where is my fridge?! Ordered it a month ago."
    text = "It was rebooked because you missed our driver twice."
    assert holds("blame", "failing", text, "because you", kind="reply", in_reply_to=said)
    ours = "It was rebooked because we missed your slot twice."
    assert not holds("blame", "failing", ours, "because we", kind="reply", in_reply_to=said)


def test_a_count_made_much_of_at_a_grievance_mocks():
    said = "The train sat outside the station for 9 minutes, nobody said a word. Ridiculous."
    assert holds(
        "ridicule", "sarcasm", "Nine whole minutes.", "Nine", kind="reply", in_reply_to=said
    )
    glad = "We spent two whole days on it for you!"
    assert not holds("ridicule", "sarcasm", glad, "We", kind="reply", in_reply_to="love the update")


def test_declining_to_discuss_in_public_argues_nothing():
    said = "did my repeat prescription go through? been waiting 4 days"
    text = "For your privacy we don't discuss prescriptions here. DM us and we'll check."
    found = lint(text, {"extends": ["customer-care"]}, kind="reply", in_reply_to=said)
    assert "routing.customer-care.argues-facts" not in {f.rule for f in found}


def test_a_star_rating_is_one_emoji_and_no_repeat():
    policy = {"voice": {"max_emoji": 1}}
    rating = lint('"Lovely staff." - Priya ⭐⭐⭐⭐⭐', policy)
    assert not {"tone.emoji", "tone.repeated-emoji"} & {f.rule for f in rating}
    spam = lint("Sale now on 🔥🔥🔥🔥", policy)
    assert {"tone.emoji", "tone.repeated-emoji"} <= {f.rule for f in spam}


def test_patient_before_a_pronoun_names_nobody():
    pack = {"extends": ["healthcare-providers"]}
    quoted = (
        '"They explained everything first." - a Brightbay patient\n\nEveryone heals differently.'
    )
    assert "routing.healthcare-providers.named-patient" not in {f.rule for f in lint(quoted, pack)}
    named = "Thanks to our patient Dana for letting us share her new smile."
    assert "routing.healthcare-providers.named-patient" in {f.rule for f in lint(named, pack)}


def test_an_outcome_in_an_if_clause_is_supposed_not_promised():
    pack = {"extends": ["betting"]}
    odds = "If it wins, a $20 bet at +200 would pay $40 in profit."
    assert "claims.certain-outcome" not in {f.rule for f in lint(odds, pack)}
    sure = "If you follow our picks, you will win every weekend, guaranteed."
    assert "claims" in {f.category for f in lint(sure, pack)}


def test_a_check_whether_a_message_is_the_brands_is_answered_by_disowning_it():
    policy = {
        "extends": ["customer-care"],
        "channels": {"phone": "1-800-555-0100"},
        "routing": {"account_security": "phone"},
    }
    said = "got an email asking for my bank login to unlock a reward, legit?"
    disowned = "That's not us, and we'll never email for your login. Please delete it."
    found = lint(disowned, policy, kind="reply", in_reply_to=said)
    assert "routing.customer-care.missing-handoff" not in {f.rule for f in found}
    confirmed = "Yes, that's us! Just follow the link and log in."
    found = lint(confirmed, policy, kind="reply", in_reply_to=said)
    assert "routing.customer-care.missing-handoff" in {f.rule for f in found}


def test_what_declines_to_discuss_and_what_waits():
    assert care._declines_to_discuss(*_whole("We can't go into account details here."))
    assert not care._declines_to_discuss(*_whole("We don't get many complaints here."))
    assert not care.reports_problem(parse("Been trying the new menu, love it"))
    assert care.reports_problem(parse("been calling you for days"))


def _whole(text: str):
    doc = parse(text)
    return doc, 0, len(doc)
