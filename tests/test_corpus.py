"""The labelled corpus in tests/corpus/: recall per category and false alarms on clean drafts hold a floor."""

from __future__ import annotations

from pathlib import Path

import pytest

from voicelint.evaluate import evaluate, false_alarm_rate, render

CORPUS = Path(__file__).parent / "corpus"
MIN_RECALL = 0.95
MAX_FALSE_ALARMS = 0.02


@pytest.fixture(scope="module")
def score():
    return evaluate([CORPUS])


def test_recall_per_category_holds_the_floor(score):
    report = render(score, verbose=True)
    for category, (caught, expected) in score.recall().items():
        assert caught / expected >= MIN_RECALL, f"{category} recall {caught}/{expected}\n{report}"


def test_false_alarms_on_clean_drafts_stay_under_the_ceiling(score):
    assert score.clean(), "the corpus needs clean hard negatives"
    assert false_alarm_rate(score) <= MAX_FALSE_ALARMS, render(score, verbose=True)
