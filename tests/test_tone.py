"""Brand voice: register, swearing (also disguised), hostility by whom the words point at, competitors."""

from __future__ import annotations

import pytest

from conftest import lint, lint_file, write
from voicelint.engine import compile_policy
from voicelint.errors import PolicyError
from voicelint.policy import load_policy

FORMAL = {"voice": {"register": "formal"}}
NEUTRAL = {"voice": {"register": "neutral"}}
CASUAL = {"voice": {"register": "casual", "register_by_platform": {"linkedin": "formal"}}}
COMPLAINT = "My latte was cold and the barista ignored me."


def found(text: str, policy: dict | None, rule: str, **fields: object) -> list[str]:
    return [f.match for f in lint(text, policy, **fields) if f.rule == rule]


def test_register_decides_what_is_off_voice():
    text = "omg u gonna love this, it's awesome"
    assert found(text, FORMAL, "tone.register") == ["omg", "u", "gonna", "awesome"]
    assert found(text, NEUTRAL, "tone.register") == ["omg", "u", "gonna"]
    assert found(text, CASUAL, "tone.register") == []
    assert found(text, CASUAL, "tone.register", platform="linkedin") == [
        "omg",
        "u",
        "gonna",
        "awesome",
    ]


def test_register_message_names_the_register_and_what_to_do():
    [finding] = [f for f in lint("No cap, great rates.", FORMAL) if f.rule == "tone.register"]
    assert (finding.match, finding.start, finding.end) == ("No cap", 0, 6)
    assert finding.message == (
        '"No cap" is slang, which this client\'s formal voice does not use; say it in plain words.'
    )


def test_slang_only_in_its_slang_sense():
    assert found("This deal is lit, no cap", NEUTRAL, "tone.register") == ["is lit", "no cap"]
    assert found("The branch is lit by 500 bulbs every night.", NEUTRAL, "tone.register") == []
    assert found("Sick deal on lattes today.", NEUTRAL, "tone.register") == ["Sick deal"]
    assert found("Feeling sick? Rest up.", NEUTRAL, "tone.register") == []
    assert found("Take a U-turn at the U.S. border.", NEUTRAL, "tone.register") == []


def test_allowed_terms_let_a_word_through():
    policy = {"voice": {"register": "formal", "allowed_terms": ["awesome"]}}
    assert found("An awesome rate, omg.", policy, "tone.register") == ["omg"]


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("What the f*ck", "f*ck"),
        ("sh1t happens", "sh1t"),
        ("Best a$$ coffee", "a$$"),
        ("f u c k Mondays", "f u c k"),
        ("f.u.c.k this", "f.u.c.k"),
        ("fuuuuck yes", "fuuuuck"),
        ("Total bullsh*t.", "bullsh*t"),
        ("SHIT!", "SHIT"),
        ("kick-ass deals", "kick-ass"),
    ],
)
def test_disguised_swearing_is_found(text, match):
    assert found(text, CASUAL, "tone.profanity") == [match]


def test_words_that_contain_a_swear_word_stay_clean():
    text = (
        "Our class will assess Dickens in Scunthorpe over a cocktail; he'll bring shiitake "
        "to the Galaxy A55 launch, as is."
    )
    assert [f.rule for f in lint(text, FORMAL) if f.rule in ("tone.profanity", "tone.crude")] == []


def test_crude_words_follow_the_register():
    assert found("Damn good coffee.", NEUTRAL, "tone.crude") == ["Damn"]
    assert found("Damn good coffee.", CASUAL, "tone.crude") == []
    assert found("Hello, Hell's Kitchen!", NEUTRAL, "tone.crude") == []


def reply(text: str, in_reply_to: str = COMPLAINT) -> list[tuple[str, str, str]]:
    return [
        (f.rule, f.severity, f.match)
        for f in lint(text, CASUAL, kind="reply", in_reply_to=in_reply_to)
        if f.rule.startswith("tone.hostile")
    ]


def test_hostile_replies_are_errors_and_say_what_to_do():
    findings = [
        f
        for f in lint("Did you even read the menu?", CASUAL, kind="reply", in_reply_to=COMPLAINT)
        if f.rule == "tone.hostile-reply"
    ]
    assert [(f.severity, f.match) for f in findings] == [("error", "Did you even")]
    assert findings[0].message == (
        '"Did you even" talks down to the customer; answer the question plainly and kindly.'
    )
    assert reply("Not our fault you can't follow instructions.") == [
        ("tone.hostile-reply", "error", "Not our fault"),
        ("tone.hostile-reply", "error", "you can't follow instructions"),
    ]
    assert reply("Calm down, it's just coffee.") == [
        ("tone.hostile-reply", "error", "Calm down"),
        ("tone.hostile-reply", "error", "it's just coffee"),
    ]


def test_the_same_words_in_a_post_are_a_warning_or_nothing():
    assert [
        (f.rule, f.severity)
        for f in lint("Some people will complain about anything.", CASUAL)
        if f.rule.startswith("tone.hostile")
    ] == [("tone.hostile", "warning")]
    assert found("It's just coffee, done right.", CASUAL, "tone.hostile") == []
    assert found("Relax with a chai, you've earned it.", CASUAL, "tone.hostile") == []


def test_hostility_looks_at_whom_the_words_describe():
    assert reply("You were rude to our staff.") == [("tone.hostile-reply", "error", "rude")]
    assert reply("We're sorry our barista was rude to you. DM us?") == []
    assert reply("Sorry your order was late; your lazy Sunday deserved better.") == []
    assert reply("What a stupid question.") == [("tone.hostile-reply", "error", "stupid")]
    assert reply("We were idiots to close early. Sorry!") == []


def test_negation_condition_and_the_customers_own_words_turn_it_kind():
    assert reply("It's not your fault; we should have told you.") == []
    assert reply("If you can't find the code, DM us.") == []
    assert reply("You should have received an email from us.") == []
    said = "The wait was ridiculous."
    assert reply("Sorry the wait felt 'ridiculous'. We're adding staff.", said) == []
    assert reply("Sorry, the pumpkin loaf sold out. More at 7am!", "Out of loaf AGAIN?") == []


COMPETITORS = {"voice": {"register": "casual", "competitors": ["Starbucks", "Dunkin'"]}}


def test_competitors_run_down_or_mocked_but_not_compared():
    rule = "tone.competitor-disparaged"
    assert found("Move over, Starbucks.", COMPETITORS, rule) == ["Move over, Starbucks"]
    assert found("Dunkin' could never.", COMPETITORS, rule) == ["Dunkin' could never"]
    assert found("Tired of burnt Starbucks coffee?", COMPETITORS, rule) == ["burnt Starbucks"]
    assert found("Like Starbucks, we take mobile orders.", COMPETITORS, rule) == []
    assert found("We're opening next to the Starbucks on 5th.", COMPETITORS, rule) == []


def test_a_neutral_mention_is_flagged_only_where_the_policy_asks():
    text = "Unlike Starbucks, every roast is from Portland."
    assert found(text, COMPETITORS, "tone.competitor-mention") == []
    warn = {"voice": {**COMPETITORS["voice"], "competitor_mentions": "warn"}}
    assert found(text, warn, "tone.competitor-mention") == ["Starbucks"]


def test_x_counts_links_as_23_and_emoji_as_2():
    link = "https://example.com/" + "a" * 200
    text = "x" * 250 + " " + link  # 250 + 1 + 23 = 274 on X, far more in characters
    assert found(text, None, "format.platform-length", platform="x") == []
    [finding] = [
        f for f in lint(text + " 🎉🎉🎉", None, platform="x") if f.rule == "format.platform-length"
    ]
    assert finding.message.startswith("X counts this post as 281 characters and allows 280")
    assert finding.start == len(text) + 3  # the third emoji takes it past 280
    assert found(text + " 🎉🎉🎉", None, "format.platform-length") == []  # no platform, no count


def test_bluesky_counts_a_family_emoji_as_one():
    text = "y" * 299 + "👨‍👩‍👧"
    assert found(text, None, "format.platform-length", platform="bluesky") == []
    assert found(text + "!", None, "format.platform-length", platform="bluesky") == ["!"]


def test_a_key_message_past_the_fold():
    policy = {"voice": {"key_messages": ["member prices"]}}
    late = "a" * 130 + " Member prices apply."
    assert found(late, policy, "format.key-message-fold", platform="instagram") == ["Member prices"]
    assert found(late, policy, "format.key-message-fold", platform="x") == []


def policy_error(tmp, text: str) -> PolicyError:
    with pytest.raises(PolicyError) as caught:
        compile_policy(load_policy(write(tmp, "acme.yaml", text)))
    return caught.value


def test_new_voice_settings_are_validated_with_line_and_nearest_name(tmp):
    error = policy_error(tmp, "voice:\n  register_by_platform:\n    linkdin: formal\n")
    assert (error.line, error.message) == (
        3,
        'unknown platform "linkdin" in voice.register_by_platform',
    )
    assert error.hint == 'did you mean "linkedin"?'
    error = policy_error(tmp, "voice:\n  register_by_platform:\n    linkedin: formall\n")
    assert (error.line, error.hint) == (3, 'did you mean "formal"?')
    error = policy_error(tmp, "voice:\n  competitor_mentions: sometimes\n")
    assert error.line == 2 and "allow" in error.message


def test_laughter_mocks_a_complaint_but_not_a_joke():
    assert reply("First time at a coffee shop? 😂", "What's a cortado?") == [
        ("tone.hostile-reply", "error", "First time at a"),
        ("tone.hostile-reply", "error", "😂"),
    ]
    assert reply("Respect 😂", "Just ordered 6 shots lol") == []


def test_promises_and_wishes_to_the_reader_are_not_jabs():
    assert found("You'll never complain about chalky protein again.", NEUTRAL, "tone.hostile") == []
    assert reply("We'd hate for you to go elsewhere. Let us make this right.") == []
    assert reply("Not a dumb question at all! Yes, decaf is fine.") == []


def test_a_snowclone_one_word_from_the_competitor():
    rule = "tone.competitor-disparaged"
    assert found("Friends don't let friends drink Dunkin'.", COMPETITORS, rule) == [
        "Friends don't let friends drink Dunkin'"
    ]
    assert found("Dunkin' makes great donuts. We make great coffee.", COMPETITORS, rule) == []


def test_a_new_users_formal_and_casual_policies(tmp):
    """Two policies written from the README: the same drafts, each held to its own voice."""
    formal = write(
        tmp,
        "lakeside.yaml",
        """
        client: lakeside
        extends: [finance, customer-care]
        voice:
          register: formal
          max_exclamations: 1
          competitors: [Harbor Bank]
        """,
    )
    casual = write(
        tmp,
        "taco.yaml",
        """
        client: taco
        extends: [food]
        voice:
          register: casual
          max_exclamations: 3
          competitors: [Taco Bell]
        """,
    )

    def rules(path, text, **fields):
        return [(f.rule, f.match) for f in lint_file(path, text, **fields)]

    shouting = "BIG NEWS!!! OUR NEW RATES ARE HERE"
    assert ("tone.shouting", "BIG") in rules(formal, shouting)
    assert ("tone.exclamation-run", "!!!") in rules(formal, shouting)
    complaint = {"kind": "reply", "in_reply_to": "My order was cold."}
    assert rules(casual, "Chill, it's just tacos.", **complaint) == [
        ("tone.hostile-reply", "Chill"),
        ("tone.hostile-reply", "it's just tacos"),
    ]
    assert rules(formal, "Maybe if you paid on time, genius.", **complaint) == [
        ("tone.hostile-reply", "genius")
    ]
    slang = "These deals are killing it, no cap."
    assert rules(formal, slang) == [
        ("tone.register", "killing it"),
        ("tone.register", "no cap"),
    ]
    assert rules(casual, slang) == []


def test_a_competitor_jeered_in_a_hashtag():
    rule = "tone.competitor-disparaged"
    assert found("Pumpkin is back #StarbucksWho", COMPETITORS, rule) == ["#StarbucksWho"]
    assert found("#Starbucks fans are welcome here too", COMPETITORS, rule) == []


def test_a_brush_off_needs_something_to_brush_off():
    assert (
        reply("No big deal at all, happy to help!", "Thanks so much, sorry for the trouble") == []
    )
    assert reply("No big deal, it is only a latte.", "My latte was wrong") == [
        ("tone.hostile-reply", "error", "No big deal"),
        ("tone.hostile-reply", "error", "it is only a latte"),
    ]


def test_words_after_is_describe_its_subject_not_the_reader():
    from conftest import lint as lint_draft

    policy = {"voice": {"register": "neutral"}}

    def hostile(text: str, said: str) -> list[str]:
        found = lint_draft(text, policy, kind="reply", in_reply_to=said)
        return [f.match for f in found if f.rule.startswith("tone.hostile")]

    # agreeing with the customer about a thing is not an insult
    assert (
        hostile(
            "You're right, two clicks to archive is annoying. A fix ships in 4.2.",
            "Two clicks to archive is annoying",
        )
        == []
    )
    assert (
        hostile(
            "Fair, the Inferno is no joke. Sorry it was too much.",
            "The Inferno burger was way too spicy",
        )
        == []
    )
    # the reader, or the reader's own words, as the subject still are
    assert hostile("Honestly, you are annoying.", "Your app is slow") == ["annoying"]
    assert hostile("Your question is stupid.", "Why is it slow?") == ["stupid"]


def test_mock_grief_at_a_complaint_is_sarcasm_unless_the_reply_sympathises():
    said = "Waited 20 minutes on hold to report a claim."
    assert reply("A whole 20 minutes on hold. Truly a tragedy.", said) == [
        ("tone.hostile-reply", "error", "A whole 20"),
        ("tone.hostile-reply", "error", "Truly a tragedy"),
    ]
    assert reply("Oh no, you had to click twice. How will you ever survive.", said) == [
        ("tone.hostile-reply", "error", "How will you ever survive"),
    ]
    assert reply("A whole 20 minutes? We're so sorry, that's too long.", said) == []
    # a playful question about the menu is not mock grief, in a post or a reply
    assert found("Twelve new donuts. How will you ever choose?", CASUAL, "tone.hostile") == []
    assert reply("How will you ever choose? The maple one!", "What's good today?") == []


def test_shutting_the_conversation_down_is_a_brush_off():
    said = "My claim was denied and nobody will tell me why."
    assert reply("As we have already explained, the claim was denied.", said) == [
        ("tone.hostile-reply", "error", "As we have already explained"),
    ]
    assert reply("There is nothing further to discuss.", said) == [
        ("tone.hostile-reply", "error", "nothing further to discuss"),
    ]
    assert reply("Per our previous reply, the decision stands.", said) == [
        ("tone.hostile-reply", "error", "Per our previous reply"),
    ]
    assert reply("As we mentioned in our last post, the store opens at 9.", "When?") == []
    assert reply("Nothing to worry about, the hold drops off tomorrow.", said) == []


def test_comparing_the_reader_with_customers_who_cope_talks_down():
    said = "Why did I pay $1,000 before you paid anything?"
    assert reply("With respect, most of our policyholders manage to understand it.", said) == [
        ("tone.hostile-reply", "error", "most of our policyholders manage to understand"),
    ]
    assert reply("Other customers have no trouble with the app.", said) != []
    assert reply("Most customers pick the annual plan; here is why.", said) == []


def test_telling_the_reader_they_deserve_a_bad_outcome_is_blame():
    rule = "tone.hostile"
    text = "If you still manage projects in spreadsheets, you honestly deserve the chaos."
    assert found(text, CASUAL, rule) == ["you honestly deserve the chaos"]
    assert found("Late again? Serves you right.", CASUAL, rule) == ["Serves you right"]
    assert found("You deserve a break from the chaos.", CASUAL, rule) == []
    assert found("You don't deserve the chaos of spreadsheets.", CASUAL, rule) == []
    assert found("You deserve a stress free Monday.", CASUAL, rule) == []


def test_advice_with_the_brands_own_offer_is_not_blame():
    said = "The Inferno burger was way too spicy, I couldn't finish it."
    text = "Sorry it was too much! Next time ask for it 'mild' and we'll dial the peppers back."
    assert reply(text, said) == []
    assert reply("Next time read the menu. We can't help you now.", said) == [
        ("tone.hostile-reply", "error", "Next time read"),
    ]


def test_an_insinuating_contrast_with_a_competitor():
    rule = "tone.competitor-disparaged"
    assert found("Unlike Starbucks, we actually pay our baristas.", COMPETITORS, rule) == [
        "Unlike Starbucks, we actually"
    ]
    assert found("Unlike Dunkin', we don't ignore your order.", COMPETITORS, rule) == [
        "Unlike Dunkin', we don't ignore"
    ]
    # a comparison of offers stays clean, named or not
    assert found("Unlike Starbucks, we don't charge for oat milk.", COMPETITORS, rule) == []
    assert found("Unlike most chains, we actually roast here.", COMPETITORS, rule) == []
    assert found("Unlike last year, we're open Sunday.", COMPETITORS, rule) == []


def test_letters_spelt_out_up_to_the_full_stop():
    rule = "tone.profanity"
    assert found("Planning was a pain in the a s s. Not now.", NEUTRAL, rule) == ["a s s"]
    assert found("What a s h i t week.", NEUTRAL, rule) == ["a s h i t"]
    assert found("Pick plan A, B or C.", NEUTRAL, rule) == []


def test_a_correction_aimed_at_the_reader_is_blame():
    said = "There's rice in your grain-free food!"
    assert reply("Maybe read the panel before posting next time.", said) == [
        ("tone.hostile-reply", "error", "Maybe read the panel before posting next time"),
    ]
    assert reply("Perhaps try inserting the card the right way round this time.", said) != []
    assert reply("Perhaps a calmer tone on your end would have helped.", said) != []
    # a recommendation or a diagnosis is not a correction
    assert reply("Maybe try the oat milk version — we think you'll love it.", said) == []
    assert reply("Try the beef next time and tell us if we won you back.", said) == []
    assert reply("Something on your end may be blocking it; DM us and we'll look.", said) == []


def test_the_readers_knowledge_or_duty_held_against_them():
    said = "Why was I charged for a six-minute call?"
    assert reply("As anyone who read their engagement letter would know.", said) != []
    assert reply("Keeping up with it is the member's responsibility, not ours.", said) != []
    assert reply("Clients who ignore our advice should not be surprised.", said) != []
    assert reply("Some members mistake a busy afternoon for rudeness.", "Staff were rude!") != []
    assert found("As our members know, the branch closes at 5.", NEUTRAL, "tone.hostile") == []
    text = "Many members confuse APR with APY. Here is the difference."
    assert found(text, NEUTRAL, "tone.hostile") == []


def test_snark_at_a_complaint_unless_the_reply_sympathises():
    said = "Why is the will kit so expensive?"
    assert reply("But by all means, go the DIY route.", said) != []
    assert reply("Well, you would have to attend to find out, wouldn't you?", said) != []
    assert reply("We trust you will survive a few hours without it.", said) != []
    assert reply("We're not a charity.", said) != []
    assert reply("Asking again won't make it faster.", said) != []
    assert reply("By all means, bring your dog!", "Can I bring my dog?") == []
    assert reply("We're not a bank, so we can't hold deposits.", "Can I save with you?") == []
    assert reply("Sorry, we're not a charity, but we'll look at a payment plan.", said) == []


def test_a_non_apology_that_goes_on_to_acknowledge_is_not_a_brush_off():
    said = "You people are vultures."
    assert reply("We are sorry you feel that way.", said) != []
    text = "We are sorry you feel that way, and we understand this is stressful. Our door is open."
    assert reply(text, said) == []


def test_internet_put_downs_on_a_casual_brand():
    rule = "tone.hostile"
    assert found("git gud, scrubs", CASUAL, rule) == ["git gud", "scrubs"]
    assert found("works fine on our end, skill issue tbh", CASUAL, rule) == ["skill issue"]
    assert found("imagine blaming matchmaking lmao", CASUAL, rule) == ["imagine blaming"]
    assert found("We're total noobs at latte art, but the coffee slaps.", CASUAL, rule) == []


def test_a_competitor_run_down_through_their_a_simile_or_praise_for_leaving():
    rule = "tone.competitor-disparaged"
    text = "Switching from Starbucks? Smart move. Their app looks like it was built in 2004."
    assert found(text, COMPETITORS, rule) == ["Starbucks? Smart move"]
    text = "You tried Dunkin' once and now you get why their line is always empty 💀"
    assert found(text, COMPETITORS, rule) != []
    assert found("We will not name Starbucks, but they know who they are.", COMPETITORS, rule)
    assert found("Dunkin': for when you want sawdust with extra steps.", COMPETITORS, rule)
    assert found("Starbucks calls itself a coffeehouse.", COMPETITORS, rule)
    # a plain mention, or a switch without praise for leaving, stays clean
    text = "Switching from Starbucks? Bring your card and the first latte is on us."
    assert found(text, COMPETITORS, rule) == []
    assert found("Congrats to Starbucks on their new roastery.", COMPETITORS, rule) == []


def test_banned_adjectives_match_their_regular_degrees_only():
    policy = {"voice": {"banned_terms": ["cheap", "good"]}}
    rule = "tone.banned-term"
    assert found("Our cheapest bag, and cheaper refills.", policy, rule) == ["cheapest", "cheaper"]
    assert found("Our best bag, and better refills.", policy, rule) == []


def test_pet_names_grown_ups_and_mock_alarm_at_a_complaint():
    said = "Why is the app so confusing? I booked the wrong class twice."
    assert reply("It's three buttons, bestie. Our members manage.", said) != []
    assert reply("Book in the app like an adult.", said) != []
    assert reply("Someone alert the press.", said) != []
    assert reply("It's called the express class for a reason.", said) != []
    assert reply("Try again rather than complaining here.", said) != []
    assert reply("So sorry, love! DM us and we'll fix the booking.", said) == []
    assert reply("It's called sourdough because of the starter.", "Why the name?") == []


def test_an_insult_aimed_at_a_competitor_is_the_competitor_rule_only():
    policy = {"voice": {"register": "casual", "competitors": ["Taco Titan"]}}
    found = [(f.rule, f.match) for f in lint("Way better than the clowns at Taco Titan.", policy)]
    assert found == [("tone.competitor-disparaged", "clowns at Taco Titan")]
    assert [f.rule for f in lint("Way better than you clowns.", policy)] == ["tone.hostile"]
