"""A rule's post-wide conditions: the cheap ones skip a post before the check, the costly ones
(``AFTER_A_HIT``: pitch, mentions, states read the whole draft) are asked only once a rule has a
hit, and a post-wide answer is worked out once per post whichever rule asks (issue 14)."""

from __future__ import annotations

import pytest

from conftest import lint
from voicelint.conditions import CONDITIONS, gate, parse
from voicelint.conditions import pitch as pitch_module

HEALTH = {"extends": ["health"]}


def test_costly_post_wide_conditions_are_not_part_of_the_gate():
    when = parse({"post": "reply", "pitch": True}, "when")
    unless = parse([{"states": "apr"}, {"customer": "positive"}, "apology"], "unless")
    assert [name for name, _ in gate(when)] == ["post"]
    assert [name for name, _ in gate(unless)] == ["customer"]
    for name in ("pitch", "mentions", "states"):
        assert CONDITIONS[name].POST_WIDE and CONDITIONS[name].AFTER_A_HIT


@pytest.fixture
def pitch_calls(monkeypatch):
    calls: list[str] = []
    real = pitch_module.holds

    def counted(view, value=None):
        calls.append(view.analysis.text)
        return real(view, value)

    monkeypatch.setattr(pitch_module, "holds", counted)
    return calls


def test_a_costly_condition_is_not_asked_of_a_post_where_its_rule_has_no_hit(pitch_calls):
    assert lint("Fresh sourdough every morning, see you soon.", HEALTH) == []
    assert pitch_calls == []


def test_a_costly_condition_still_decides_once_the_rule_has_a_hit(pitch_calls):
    rules = [f.rule for f in lint("Struggling with eczema? Try our new balm today!", HEALTH)]
    assert "claims.health.sufferer-pitch" in rules
    assert len(pitch_calls) == 1
    assert "claims.health.sufferer-pitch" not in [
        f.rule
        for f in lint("Struggling with eczema? Our nurses answer questions on Fridays.", HEALTH)
    ]


def test_a_post_wide_answer_is_worked_out_once_a_post(pitch_calls):
    text = "Struggling with eczema? Living with psoriasis? Try our new balm today!"
    assert len([f for f in lint(text, HEALTH) if f.rule == "claims.health.sufferer-pitch"]) == 2
    assert len(pitch_calls) == 1


def test_a_problem_declared_ended_gates_its_rule_on_the_post_words():
    """``ends_problem``'s post-wide part: a post holding no riddance's words skips the rule's
    check; where it holds them, the rule decides per sentence as before."""
    from voicelint.conditions import ends_problem, gate_when
    from voicelint.kinds import PostContext
    from voicelint.nlp import parse as parse_text

    def context(text: str) -> PostContext:
        return PostContext(None, parse_text(text), {})

    assert [name for name, _ in gate_when(parse({"ends_problem": True}, "when"))] == [
        "ends_problem"
    ]
    assert not ends_problem.post_holds(context("Fresh sourdough every morning."), True)
    assert ends_problem.post_holds(context("Squeaky floorboards? Not anymore."), True)
    assert "claims.problem-ended" in [f.rule for f in lint("Squeaky floorboards? Not anymore.")]
    assert "claims.problem-ended" not in [f.rule for f in lint("Squeaky floorboards? Call us.")]


def test_word_and_pattern_checks_name_the_matches_their_hits_come_from():
    """The prefilter: a phrase, pattern or near rule is not called in a post where none of its
    bank keys matched (``kinds.base.needing``), and still fires where one did."""
    from voicelint.engine import compile_policy
    from voicelint.policy import build_policy

    compiled = compile_policy(build_policy({}, {}, "<test policy>", None, None))
    word_rules = [r for r in compiled.rules if r.spec.kind in ("phrase", "pattern", "near")]
    assert word_rules and all(r.needs for r in word_rules)
    assert all(not r.needs for r in compiled.rules if r.spec.kind in ("sentence", "metric"))
    assert "claims.superlative" in [f.rule for f in lint("The #1 coffee in America.")]
