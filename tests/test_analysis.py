"""The post analysis: one splitter, speech acts, who a sentence is about, valence, certainty, negation."""

from __future__ import annotations

import pytest

from voicelint.analysis import TextAnalysis, split_sentences
from voicelint.nlp import parse


def analyse(text: str, competitor: str | None = None) -> TextAnalysis:
    doc = parse(text)
    tokens = frozenset()
    if competitor:
        start = text.index(competitor)
        tokens = frozenset(t.i for t in doc if start <= t.idx < start + len(competitor))
    return TextAnalysis(doc, tokens)


def texts(text: str) -> list[str]:
    return [s.text for s in analyse(text).sentences]


def test_one_splitter_ends_sentences_at_marks_and_line_breaks_not_semicolons():
    assert texts("Sorry!! We'll fix it; promise. Call us?\nThanks") == [
        "Sorry!!",
        "We'll fix it; promise.",
        "Call us?",
        "Thanks",
    ]
    assert split_sentences(parse("")) == []


@pytest.mark.parametrize(
    ("text", "act"),
    [
        ("What time does the branch open?", "question"),
        ("Please send us a DM with the details.", "request"),
        ("Could you share the order details in a DM", "request"),
        ("Hi Sam, check your inbox for the link.", "request"),
        ("Our new branch opens on Monday.", "statement"),
    ],
)
def test_speech_act(text, act):
    assert analyse(text).sentences[0].act == act


@pytest.mark.parametrize(
    ("text", "about"),
    [
        ("You clearly didn't read the label.", {"reader"}),
        ("We are sorry about the wait.", {"brand"}),
        ("Some people will complain about anything.", {"reader", "group"}),
        ("Someone didn't check the size chart.", {"reader", "group"}),
        ("She was lovely at the counter.", {"third_party"}),
    ],
)
def test_about(text, about):
    assert analyse(text).sentences[0].about == about


def test_a_competitor_and_they_after_it_are_about_the_competitor():
    analysis = analyse("Rival Bank charges fees. They are a joke.", competitor="Rival Bank")
    assert [("competitor" in s.about) for s in analysis.sentences] == [True, True]
    assert "competitor" not in analyse("They are a joke.").sentences[0].about


def test_negative_words_come_from_the_valence_lexicon_and_skip_negated_ones():
    analysis = analyse("Your complaint is pathetic. That is not awful at all.")
    first, second = analysis.sentences
    assert [analysis.doc[i].text for i in first.negative_words] == ["pathetic"]
    assert first.negative and first.valence < 0
    assert second.negative_words == ()


def test_certainty_markers_outside_negation_and_hedges():
    analysis = analyse(
        "We guarantee you'll save $500. We can't guarantee approval. Results may vary."
    )
    sure, refused, hedged = analysis.sentences
    assert [analysis.doc[i].text for i in sure.absolute] == ["guarantee"]
    assert refused.absolute == ()
    assert hedged.hedged and not sure.hedged


def test_sentence_around_a_character_range():
    analysis = analyse("Hello there. You are wrong.")
    assert analysis.sentence_around(17, 20).text == "You are wrong."
