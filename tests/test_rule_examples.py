"""Every built-in rule documents and tests itself: its fire examples are flagged, its pass examples not."""

from __future__ import annotations

import pytest

from voicelint.docs import all_builtin_rules
from voicelint.engine import check_examples

RULES = all_builtin_rules()


def test_every_builtin_pack_named_in_the_design_is_present():
    packs = {rule.pack for rule in RULES}
    assert packs >= {
        "core",
        "finance",
        "health",
        "food",
        "cosmetics",
        "alcohol",
        "environmental",
        "endorsements",
        "customer-care",
    }


def test_rule_ids_are_unique_and_follow_the_naming_scheme():
    ids = [rule.id for rule in RULES]
    assert len(ids) == len(set(ids))
    for rule in RULES:
        assert rule.id.split(".")[0] == rule.category, rule.id
        if rule.pack != "core":
            assert rule.id.split(".")[1] == rule.pack, rule.id


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_has_documentation_and_both_kinds_of_example(rule):
    assert rule.summary and rule.why and rule.message
    assert rule.fire, f"{rule.id} has no fire example"
    assert rule.passes, f"{rule.id} has no pass example"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_examples_behave(rule):
    assert check_examples(rule) == []
