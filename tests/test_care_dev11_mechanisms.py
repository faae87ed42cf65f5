"""Care replies that were misread (issue 16): an instruction is no denial of the customer's account,
a brush-off verb after "had to" describes, a short code to forward scams to is no account number,
and a defence that cites the customer's own paperwork. Sentences written here."""

from __future__ import annotations

from conftest import lint, rules_of

POLICY = {
    "extends": ["customer-care"],
    "channels": {"dm": "DM @AcmeHelp", "phone": "0800 555 0100"},
    "routing": {"billing": "dm", "account_security": "phone"},
}


def fired(text: str, said: str | None = None) -> list[str]:
    fields = {"kind": "reply", "in_reply_to": said} if said else {}
    return rules_of(lint(text, POLICY, **fields))


def test_an_instruction_not_to_share_is_no_argument():
    said = "Someone got into my account and changed my password, I never did that!"
    reply = (
        "Please call us on 0800 555 0100 so we can lock it straight away. "
        "Don't post your account details in replies here."
    )
    assert "routing.customer-care.argues-facts" not in fired(reply, said)


def test_an_absence_admitted_is_no_argument():
    said = "Nobody has read my meter in three years, these estimates are nonsense"
    reply = "Three years without a meter reading is our fault. DM us a photo of the meter."
    assert "routing.customer-care.argues-facts" not in fired(reply, said)


def test_a_denial_of_the_customers_account_still_argues():
    said = "I was charged twice for my order, fix it"
    assert "routing.customer-care.argues-facts" in fired(
        "You were not charged twice, that was a hold.", said
    )


def test_a_brush_off_verb_after_had_to_describes_it():
    said = "Your courier shouted at my dad on the doorstep. Appalling."
    reply = "We're so sorry your dad had to deal with it. DM us when it happened and we'll act."
    assert "tone.hostile-reply" not in fired(reply, said)
    assert "tone.hostile-reply" in fired("Deal with it.", said)


def test_a_short_code_to_forward_a_scam_to_is_no_account_number():
    post = "Fake texts are going round. Never reply to them; forward them to 7726 instead."
    assert "routing.customer-care.personal-data" not in fired(post)


def test_the_customers_own_paperwork_cited_back_is_a_defence():
    said = "Waited in all day for the engineer and nobody came. Useless."
    reply = "Visits run from 8am to 6pm, as stated in your booking email."
    assert "tone.defensive-reply" in fired(reply, said)
    reply = "Late fees apply after 14 days, which you accepted when you signed up."
    assert "tone.defensive-reply" in fired(reply, "A £12 late fee?? for one day? ridiculous")


def test_what_customers_report_in_their_own_words():
    from voicelint.intents import detect

    assert "account_security" in detect("Somebody withdrew £300 from my savings overnight")
    assert "account_security" in detect(
        "There's a £89 payment on my card to a shop I don't recognise"
    )
    assert "crisis" in detect("some player keeps sending me death threats and I'm scared")
    assert "privacy" in detect("why can everyone see my real name on the match results page")
    assert "distress" in detect("don't know if I can hold on much longer like this")
    # the same words about ordinary things
    assert detect("not sure I can keep going to spin class on Mondays") == frozenset()
    assert detect("Never been to your Bristol branch, is there parking?") == frozenset()


def test_a_device_a_noun_or_something_handed_over_is_no_data_request():
    said = "your app keeps freezing on the payments screen"
    assert "routing.customer-care.public-data-request" not in fired(
        "Sorry about that! Which tablet are you using? We'll flag it to the app team.", said
    )
    assert "routing.customer-care.public-data-request" not in fired(
        "Worth editing that comment, since your email address is in it. DM us instead."
    )
    assert "routing.customer-care.public-data-request" not in fired(
        "Our engineer will leave the safety certificate details with you after the visit."
    )
    assert "routing.customer-care.public-data-request" in fired(
        "Reply with your email address and we'll look.", said
    )


def test_thanks_that_credits_someone_is_no_matter_to_route():
    said = "Massive shoutout to Priya at the Leeds branch who got my card sorted in 5 min 🙌"
    assert "routing.customer-care.missing-handoff" not in fired("Thanks, we'll tell Priya!", said)
    said = "the paramedic-trained lifeguard was a hero when my daughter cut her foot. thank you!"
    assert "routing.customer-care.missing-handoff" not in fired(
        "So glad she's OK. We'll pass this on to the team.", said
    )


def test_staff_qualifications_are_no_customers_result():
    assert [
        r
        for r in rules_of(
            lint("Every instructor passes a first-aid test before their first class.")
        )
        if r.startswith("claims.")
    ] == []


def test_what_the_reader_should_have_done_blames_them():
    said = "your update wiped my saved game, 40 hours gone"
    assert "tone.reader-blamed" in fired("You should have backed it up to the cloud.", said)
    # what they should have had from the brand is the brand's failing
    assert "tone.reader-blamed" not in fired(
        "You should have received a confirmation email, sorry. DM us and we'll resend it.", said
    )


def test_sarcasm_taken_at_its_word_mocks_the_customer():
    said = "Fourth outage this month. Really enjoying reading by torchlight 🙃"
    assert "tone.reader-ridiculed" in fired("Glad you're enjoying the cosy vibes!", said)
    said = "The queue app logs me out every minute. Totally not infuriating at all."
    assert "tone.reader-ridiculed" in fired("Happy to hear you love the app.", said)
    # a sincere mixed review answered with thanks is no mockery
    said = "Loved the curry but the delivery took ages"
    assert "tone.reader-ridiculed" not in fired("So glad you enjoyed the curry!", said)


def test_more_of_what_customers_report_in_their_own_words():
    from voicelint.intents import detect

    assert "press_inquiry" in detect("Sam Reyes, Valley Courier. Can you say why the plant closed?")
    assert "press_inquiry" in detect("Hi, Ana Cruz from KXRT News. Is it true the depot flooded?")
    assert "press_inquiry" not in detect("Hi, I'm from Bristol, is the Daily Deal still on?")
    assert "safety_hazard" in detect("there's a strong gas smell by the meter since the visit")
    assert "privacy" in detect("you emailed my test results to another patient??")
    assert "privacy" in detect("your newsletter went out with everyone in the cc line")
    assert "distress" in detect("had a panic attack in your store today and nobody helped")
    # grief told with thanks is no distress to route
    assert "distress" not in detect("My dad passed away last month. Thank you for the kind card.")
