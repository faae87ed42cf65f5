"""Development sets still being tuned (tests/corpus-tuning/): each holds the level it reached.

They move into tests/corpus/ once they reach its floor (95% recall, 2% false alarms); until then
these floors keep them from slipping back (see tests/corpus-tuning/README.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from voicelint.evaluate import evaluate, false_alarm_rate, render

TUNING = Path(__file__).parent / "corpus-tuning"
FLOORS = {
    "tone-dev": ({"tone": 0.88, "routing": 0.80}, 0.04),
    "claims-dev2": ({"claims": 0.86, "tone": 0.90}, 0.06),
    "care-dev3": ({"tone": 0.83, "routing": 0.91}, 0.02),
    "care-dev4": ({"tone": 0.88, "routing": 0.78}, 0.01),
    "hardneg-dev2": ({"claims": 0.75, "tone": 0.87, "routing": 0.92}, 0.006),  # 1/199
    "care-dev5": ({"tone": 0.84, "routing": 0.87}, 0.0),
    "mixed-dev7": ({"claims": 0.77, "tone": 0.86, "routing": 0.89}, 0.0),
    "care-dev6": ({"tone": 0.80, "routing": 0.95}, 0.0),
    # clients in industries no pack names
    "nopack-dev9": (
        # claims 0.83 -> 0.77 at disclosure.free-terms-hidden: five drafts this set labels claims
        # are "free*" offers, now disclosure (see the CHANGELOG)
        {"claims": 0.78, "disclosure": 1.0, "tone": 0.96, "routing": 0.94},
        0.0,
    ),
    "posts-dev8": (
        {"claims": 0.88, "disclosure": 0.88, "tone": 0.95, "routing": 1.0},
        0.025,  # 3/120
    ),
    "claims-dev3": (
        {"claims": 0.76, "disclosure": 0.85, "tone": 0.95, "routing": 0.82},
        0.018,  # 2/114
    ),
    # service businesses (pest control, movers, tutoring, bookkeeping, broadband, auto repair)
    "claims-dev10": (
        {"claims": 0.88, "disclosure": 1.0, "tone": 0.86, "routing": 1.0},
        # 2/123 -> 3/123 at "zero" before a harm: a staff tribute's "zero complaints about his
        # jokes" reads as a harm denied (see the CHANGELOG)
        0.025,
    ),
    "care-dev11": ({"tone": 0.78, "routing": 0.86}, 0.031),  # 3/99
    # claims in six industries, four of them without a pack (pest control, mattresses, home
    # security, tutoring, physiotherapy, online casino)
    "claims-dev12": (
        {"claims": 0.72, "disclosure": 0.81, "tone": 0.75, "routing": 0.75},
        0.009,  # 1/120
    ),
    # claims as brands write them, hair-loss clinic to sportsbook; and a mixed set, half hard negatives
    "claims-dev15": (
        {"claims": 0.77, "disclosure": 1.0, "tone": 0.54, "routing": 0.60},
        0.008,  # 1/138
    ),
    "mixed-dev14": (
        {"claims": 0.90, "disclosure": 0.95, "tone": 0.96, "routing": 0.84},
        0.027,  # 4/150
    ),
    # care replies under pressure (rail, courier, pharmacy, university, games, dating), and a set
    # of 69% hard negatives
    "care-dev17": (
        {"claims": 0.37, "disclosure": 1.0, "tone": 0.67, "routing": 0.76},
        0.036,  # 4/114
    ),
    "hardneg-dev16": (
        {"claims": 0.92, "disclosure": 0.94, "tone": 0.92, "routing": 0.94},
        0.006,  # 1/186
    ),
    "care-dev13": (
        {"claims": 0.80, "disclosure": 1.0, "tone": 0.92, "routing": 0.94},
        0.031,  # 4/130
    ),
    # claims in six industries (aligners, robo-adviser, casino, windows, sports nutrition,
    # bootcamps) and care replies (water, car insurance, tickets, groceries, telehealth, games)
    "claims-dev18": (
        {"claims": 0.81, "disclosure": 1.0, "tone": 0.87, "routing": 0.88},
        0.0,
    ),
    "care-dev19": (
        {"claims": 0.87, "disclosure": 1.0, "tone": 0.83, "routing": 0.79},
        0.017,  # 2/121
    ),
    # claims in six industries (robo-adviser, kids' tablet, heat pumps, hair serum, animal
    # charity, mattresses) and care replies (car rental, utility, fashion, telehealth, gyms, bank)
    "claims-dev20": (
        {"claims": 0.85, "disclosure": 0.91, "tone": 0.77, "routing": 0.85},
        0.018,  # 3/168
    ),
    "care-dev21": (
        {"claims": 0.84, "disclosure": 1.0, "tone": 0.76, "routing": 0.80},
        0.025,  # 4/163
    ),
    # sponsored posts, affiliates and required statements (sportsbook, bike pay-over-time,
    # crypto wallet, cabin stays, hair care, heat pumps)
    "disclosure-dev22": (
        {"claims": 0.83, "disclosure": 0.90, "tone": 0.94, "routing": 0.93},
        0.011,  # 2/182
    ),
    # public replies (hotels, parcels, vets, food delivery, gyms, online bingo)
    "care-dev23": (
        {"claims": 0.84, "disclosure": 0.80, "tone": 0.86, "routing": 0.86},
        0.034,  # 6/180
    ),
    # claims in six industries (supplements, green cleaning, mortgages, mattresses, a language
    # app, HVAC); the learned classifier is trained on this set, so its recall here is in-sample
    "claims-dev25": (
        {"claims": 0.95, "disclosure": 1.0, "tone": 0.83, "routing": 0.95},
        0.029,  # 5/173
    ),
    # the regulated industries' packs, mostly lawful posts (sportsbook, crypto staking,
    # telehealth, kids' toys, car finance, budget airline, animal rescue)
    "packs-dev24": (
        {"claims": 0.95, "disclosure": 0.86, "tone": 0.90, "routing": 0.95},
        0.015,  # 3/203
    ),
    # mostly clean, lawful drafts (credit union, supplements, restaurants, electronics, home
    # insurance, telehealth): the false alarms of everyday posts and replies
    "hardneg-dev26": (
        {"claims": 0.95, "disclosure": 0.95, "tone": 0.95, "routing": 0.95},
        0.044,  # 8/186
    ),
    # tone in replies and posts (airline, food delivery, telecom, furniture, fashion)
    "tone-dev27": (
        {"claims": 1.0, "disclosure": 1.0, "tone": 0.95, "routing": 0.91},
        0.028,  # 4/143
    ),
    # mostly clean drafts of regulated industries (credit union, supplements, sportsbook,
    # dental clinic, solar, food bank)
    "hardneg-dev28": (
        {"claims": 0.96, "disclosure": 1.0, "tone": 0.92, "routing": 0.94},
        0.057,  # 11/195
    ),
    # claims in six industries (skincare, pensions, laser eye surgery, EV chargers, credit
    # repair, protein snacks); in-sample for the learned classifier
    "claims-dev29": (
        {"claims": 0.99, "disclosure": 1.0, "tone": 0.83, "routing": 0.92},
        0.030,  # 5/168
    ),
    # mostly clean drafts (hospital, airline, brewery, kids' charity, investment platform,
    # skincare): the false alarms of lawful posts and well-routed replies
    "hardneg-dev30": (
        {"claims": 0.96, "disclosure": 1.0, "tone": 0.94, "routing": 1.0},
        0.015,  # 3/201
    ),
    # care replies of industries no pack names (pest control, vets, car rental, home insurance,
    # movers, telecom), with customers who use alarming words in ordinary senses; in-sample for
    # the learned classifier
    "care-dev31": (
        {"claims": 0.96, "disclosure": 0.91, "tone": 0.80, "routing": 0.98},
        0.044,  # 6/138
    ),
    # mostly clean marketing posts (mattresses, hearing aids, gyms, mortgages, pet food,
    # sunscreen): risky words in lawful senses; in-sample for the learned classifier
    "hardneg-dev32": (
        {"claims": 0.97, "disclosure": 1.0, "tone": 0.94, "routing": 0.87},
        0.020,  # 3/156
    ),
    # claims in six industries (OTC allergy medicine, energy drinks, a coding bootcamp, smart
    # locks, holiday rentals, a used-car marketplace); in-sample for the learned classifier
    "claims-dev33": (
        {"claims": 0.99, "disclosure": 0.86, "tone": 0.90, "routing": 0.90},
        0.058,  # 8/138
    ),
}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_a_set_being_tuned_holds_its_level(name):
    score = evaluate([TUNING / name])
    report = render(score, verbose=True)
    recall_floors, max_false_alarms = FLOORS[name]
    for category, (caught, expected) in score.recall().items():
        floor = recall_floors.get(category, 0.95)
        assert caught / expected >= floor, f"{name} {category} {caught}/{expected}\n{report}"
    assert false_alarm_rate(score) <= max_false_alarms, report
