"""Industry packs (issue 13): each pack's mechanisms, its framing, and ``init --industry``."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import lint, run_cli
from voicelint.conditions import CONDITIONS
from voicelint.data import builtin_packs
from voicelint.engine import compile_policy
from voicelint.policy import build_policy

REPO = Path(__file__).resolve().parent.parent
NEW_PACKS = [
    "betting",
    "lending",
    "charity",
    "healthcare-providers",
    "crypto-investing",
    "home-energy",
    "travel",
    "prescription-drugs",
    "children",
]
INDUSTRIES = yaml.safe_load(
    (REPO / "src/voicelint/lexicons/industries.yaml").read_text(encoding="utf-8")
)


def found(text: str, packs: list[str], **fields: object) -> list[tuple[str, str]]:
    return [(f.rule, f.match) for f in lint(text, {"extends": packs}, **fields)]


def rules(text: str, packs: list[str], **fields: object) -> set[str]:
    return {rule for rule, _ in found(text, packs, **fields)}


def messages(packs: list[str]) -> list[str]:
    compiled = compile_policy(build_policy({"extends": packs}, {}, "<test>", None, None))
    return [rule.spec.message for rule in compiled.rules]


@pytest.mark.parametrize("pack", NEW_PACKS)
def test_every_new_pack_ships_documents_itself_and_has_a_dev_corpus(pack):
    assert pack in builtin_packs()
    assert f"| `{pack}` |" in (REPO / "README.md").read_text(encoding="utf-8")
    assert f"`{pack}`" in (REPO / "docs/rules.md").read_text(encoding="utf-8")
    corpus = yaml.safe_load((REPO / f"tests/corpus/packs-{pack}.yaml").read_text(encoding="utf-8"))
    clean = [d for d in corpus["drafts"] if not d["expect"]]
    assert len(clean) / len(corpus["drafts"]) >= 0.4, "a dev corpus is at least 40% hard negatives"


def test_new_conditions_are_registered():
    assert {"states", "opening"} <= set(CONDITIONS)


# --- framing: no pack tells a client to write what may not be true for it -----------------------


def test_no_pack_a_crypto_app_runs_suggests_member_fdic():
    packs = INDUSTRIES["industries"]["crypto"]
    assert "finance" not in packs
    assert not [m for m in messages(packs) if "Member FDIC" in m]
    # nor does the finance pack any longer tell every client to write it
    assert not [m for m in messages(["finance"]) if "Member FDIC" in m]


def test_a_dental_clinic_gets_provider_wording_and_its_prevention_advice_passes():
    packs = INDUSTRIES["industries"][INDUSTRIES["aliases"]["dental"]]
    assert "health" not in packs and "healthcare-providers" in packs
    assert not [m for m in messages(packs) if "supplement" in m.lower()]
    assert found("Regular cleanings help prevent gum disease.", packs) == []
    assert rules("Our laser therapy cures gum disease.", packs) == {
        "claims.healthcare-providers.cure-claim"
    }


def test_crypto_insured_claim_is_flagged_and_its_lawful_denial_is_not():
    assert ("claims.crypto-investing.insured") in rules(
        "Your ETH is FDIC-insured with us.", ["crypto-investing"]
    )
    assert rules("Crypto is not FDIC insured and can lose value.", ["crypto-investing"]) == set()


# --- betting: a reply to someone who cannot stop --------------------------------------------


CANNOT_STOP = "I can't stop betting and I've lost my rent money."


def test_a_bonus_offered_to_someone_who_cannot_stop_is_flagged_at_the_offer():
    text = "So sorry to hear that. Here's a free bet to cheer you up!"
    hits = found(text, ["betting"], kind="reply", in_reply_to=CANNOT_STOP)
    offer = [m for r, m in hits if r == "routing.betting.inducement-to-harmed"]
    assert offer == ["Here's a free bet to cheer you up!"]
    assert "routing.betting.no-player-care" in {r for r, _ in hits}


def test_a_reply_routing_to_player_care_passes_and_a_free_helpline_is_no_bonus():
    text = (
        "We're so sorry. Please DM us and our safer gambling team will set deposit limits or a "
        "time-out with you; GamCare's helpline is free and open 24/7."
    )
    assert found(text, ["betting"], kind="reply", in_reply_to=CANNOT_STOP) == []


def test_the_missing_player_care_is_reported_once_per_reply():
    text = "Thanks for your message. Good luck next time. See you soon!"
    hits = found(text, ["betting"], kind="reply", in_reply_to=CANNOT_STOP)
    assert [m for r, m in hits if r == "routing.betting.no-player-care"] == [
        "Thanks for your message."
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Odds are 5/1 — please gamble responsibly.",
        "We can't guarantee a winner. 18+ BeGambleAware.org",
        "Chelsea 11/8, Arsenal 2/1. 21+. Gambling problem? Call 1-800-GAMBLER.",
    ],
)
def test_betting_hard_negatives(text):
    assert found(text, ["betting"]) == []


def test_a_sure_win_and_a_youth_reference_in_another_sentence_are_flagged():
    assert "claims.betting.sure-win" in rules("This acca can't lose. 18+", ["betting"])
    assert "claims.betting.appeals-to-young" in rules(
        "Exams over? Celebrate with a parlay. 21+", ["betting"]
    )


# --- disclosure rules read what the whole draft states --------------------------------------


def test_a_credit_trigger_term_needs_the_apr_somewhere_in_the_post():
    hits = found("New trucks for $399/mo. See dealer.", ["lending"])
    assert ("disclosure.lending.trigger-terms", "$399/mo") in hits
    complete = "New trucks for $399/mo for 72 months at 6.9% APR, $2,500 down."
    assert "disclosure.lending.trigger-terms" not in rules(complete, ["lending"])
    assert rules("Easy monthly payments available.", ["lending"]) == set()


def test_charity_deductibility_with_a_benefit_and_its_lawful_forms():
    flagged = "Tickets include dinner. Every ticket is tax-deductible!"
    assert "claims.charity.deductible-with-benefit" in rules(flagged, ["charity"])
    for text in (
        "Your gift is tax-deductible to the extent allowed by law.",
        "Tickets include dinner valued at $70; the rest of the $200 is tax-deductible.",
    ):
        assert rules(text, ["charity"]) == set(), text


def test_a_drug_benefit_needs_its_risks_and_a_cited_basis_is_not_a_claim():
    assert "disclosure.prescription-drugs.fair-balance" in rules(
        "Wegovy helps adults lose weight.", ["prescription-drugs"]
    )
    balanced = "Wegovy may help adults lose weight. Serious side effects may occur; see the ISI."
    assert rules(balanced, ["prescription-drugs"]) == set()
    cited = "A 2023 study in the Journal of Pediatrics (Ortiz et al.) found shared reading builds vocabulary."
    assert rules(cited, ["children"]) == set()


# --- init --industry ---------------------------------------------------------------------------


def test_every_industry_names_existing_packs_and_every_alias_an_industry():
    packs = set(builtin_packs())
    for industry, names in INDUSTRIES["industries"].items():
        assert set(names) <= packs, industry
    assert set(INDUSTRIES["aliases"].values()) <= set(INDUSTRIES["industries"])


def test_init_with_an_industry_writes_a_policy_extending_its_packs(tmp):
    result = run_cli(["init", "coin-harbor", "--industry", "crypto"], cwd=tmp)
    assert result.exit_code == 0
    assert "crypto-investing" in result.stdout
    path = tmp / "policies" / "coin-harbor.yaml"
    policy = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert policy["extends"] == ["crypto-investing", "customer-care", "endorsements"]
    assert run_cli(["validate", str(path)], cwd=tmp).exit_code == 0


def test_init_with_an_unknown_industry_is_one_line_and_exit_2_and_writes_nothing(tmp):
    result = run_cli(["init", "acme", "--industry", "casnio"], cwd=tmp)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and 'unknown industry "casnio"' in lines[0]
    assert '"casino"' in lines[0] and "betting" in lines[0]
    assert not (tmp / "policies" / "acme.yaml").exists()
