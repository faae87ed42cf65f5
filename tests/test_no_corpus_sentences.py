"""No rule or lexicon entry of four or more words copies text from tests/: rules are mechanisms,
not sentences from the corpus (issue 16)."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
RULE_FILES = [
    *sorted((ROOT / "rules").rglob("*.yaml")),
    *sorted((ROOT / "src/voicelint/lexicons").rglob("*.yaml")),
]
TEXT_KEYS_SKIPPED = {
    "why",
    "summary",
    "message",
    "examples",
    "note",
    "description",
    "example_policy",
}
# Names and fixed regulatory wording that a rule must quote as they stand: an agency's name and the
# standard disclaimers regulators prescribe are not sentences from the corpus.
FIXED_WORDING = {
    "food and drug administration",  # the agency's name
    # FINRA-style and DSHEA disclaimers (21 U.S.C. 343(r)(6)), quoted so that a post carrying them
    # is recognised as disclaiming, not claiming
    "past performance does not guarantee future results",
    "past performance is no guarantee of future results",
    "diversification does not guarantee a profit or protect against loss",
    "not intended to diagnose, treat, cure, or prevent any disease",
    "this statement has not been evaluated by the food and drug administration",
    "these statements have not been evaluated by the food and drug administration",
    "investing involves risk, including possible loss of principal",
    "investing involves risk, including loss of principal",
    # the EU and UK authorised health claim for vitamin C, D, zinc... (Regulation 432/2012)
    "normal function of the immune system",
}


# Entries that were in the rules before a blind (or development) set was written, which its README-only author then
# happened to write too (everyday phrases). Recorded when b4-care and b5-posts were frozen on
# 2026-12-05; each entry's first commit is 2026-11-23 (4187abd, 4a70a8b), the sets a day after.
# Never add to this for an entry written after the set it meets: that is a copy.
BEFORE_THE_BLIND_SET = {
    # entries older than the README-only sets of 2026-12-07 05:42-05:50 UTC: routing/intents.yaml
    # since 841339d and 88fe9a3 (2026-12-05), routing/replies.yaml since 4187abd (2026-11-23),
    # statements.yaml since df75a7c (2026-12-06)
    ("going to get hurt", "care-dev21"),
    ("better off without me", "care-dev21"),
    ("take a break from", "care-dev21"),
    ("terms and conditions apply", "claims-dev20"),
    ("cold and flu season", "b5-posts"),
    ("so much better than", "b4-care"),
    ("what do you expect", "b4-care"),
    ("we would like to", "b5-posts"),
    ("time to get in", "b4-care"),  # rules/finance.yaml, 02:27 UTC; the set was written at 03:22
    ("link in my bio", "b5-posts"),  # lexicons/claims/topics.yaml, 02:24 UTC; the set at 03:24
    # rules/home-energy.yaml since 02:31 UTC (c182e9a); the pack blind sets were written at 07:38
    ("back in your pocket", "b6-packs"),
    # lexicons/routing/replies.yaml since 2026-11-23 (4187abd); the sets were written 2026-12-06
    ("happens to the best", "care-dev4"),
    ("happens to the best", "hardneg-dev2"),
    ("take a break from", "b10-fresh"),
    ("nobody is forcing you", "care-dev5"),
    ("is there a way", "care-dev5"),
    # rules/finance.yaml since 2026-12-05 02:27 UTC (b9adf94); b10-fresh was written 2026-12-06
    ("before it's too late", "b10-fresh"),
    # the same entry; mixed-dev7 (2026-12-06 16:15 UTC) uses it in its own policy's custom rule
    ("before it's too late", "mixed-dev7"),
    # rules/finance.yaml since 2026-12-05 02:27 UTC (b9adf94); posts-dev8 was written 2026-12-06
    ("before it's too late", "posts-dev8"),
    # rules/finance.yaml since 2026-12-05 02:27 UTC (b9adf94); b16-fresh was written 2026-12-07
    ("before it's too late", "b16-fresh"),
    # lexicons/routing/replies.yaml since 2026-11-23 (4187abd); b17-fresh was written 2026-12-07
    ("take a break from", "b17-fresh"),
    # lexicons/hostility.yaml since 2026-11-23 (4187abd); b12-fresh was written 2026-12-06 18:38 UTC
    ("what did you expect", "b12-fresh"),
    # lexicons/hostility.yaml since 2026-11-23 (4187abd); care-dev11 was written 2026-12-06 21:36 UTC
    ("that is on you", "care-dev11"),
    # lexicons/hostility.yaml since 2026-11-23 (4187abd); b13-fresh was written 2026-12-06 21:37 UTC
    ("what did you expect", "b13-fresh"),
    # the same two entries (hostility.yaml since 4187abd; routing/intents.yaml since 1733658,
    # 2026-12-06 22:22 UTC); care-dev13 was written 2026-12-07 00:15 UTC by a README-only helper
    ("what did you expect", "care-dev13"),
    ("knows where i live", "care-dev13"),
    # hostility.yaml and routing/replies.yaml since 4187abd (2026-11-23); mixed-dev14 and
    # claims-dev15 were written 2026-12-07 01:14 UTC by README-only helpers
    ("what did you expect", "mixed-dev14"),
    ("go away on its own", "claims-dev15"),
    # hostility.yaml since 4187abd and routing/replies.yaml since 8e97abb (2026-12-06 04:16 UTC);
    # hardneg-dev16 and care-dev17 were written 2026-12-07 01:40 UTC by README-only helpers
    ("what did you expect", "hardneg-dev16"),
    # the same entry; hardneg-dev26 was written 2026-12-07 16:00 UTC by a README-only helper
    ("what did you expect", "hardneg-dev26"),
    ("when you log in", "care-dev17"),
    # routing/replies.yaml since 4187abd (2026-11-23); b14-fresh was written 2026-12-07 00:17 UTC
    ("take a break from", "b14-fresh"),
    # lexicons/hostility.yaml since 2026-11-23 (4187abd); b18-fresh was written 2026-12-07 05:42 UTC
    ("everyone else seems to", "b18-fresh"),
    # lexicons/hostility.yaml since 2026-11-23 (4a70a8b) and routing/intents.yaml since 4187abd
    # (2026-11-23); care-dev23 was written 2026-12-07 11:40 UTC by a README-only helper
    ("we would love to", "care-dev23"),
    ("is there a way", "care-dev23"),
    # lexicons/statements.yaml since 2026-12-06 23:01 UTC (df75a7c); b19-fresh was written
    # 2026-12-07 11:45 UTC by a README-only helper
    ("terms and conditions apply", "b19-fresh"),
    # rules/travel.yaml since 2026-12-07 02:00 UTC (c3dadec); hardneg-dev30 was written
    # 2026-12-07 20:35 UTC by a README-only helper
    ("without a change fee", "hardneg-dev30"),
    # the same entry; b20-fresh was written 2026-12-07 14:23 UTC by a README-only helper
    ("terms and conditions apply", "b20-fresh"),
    # rules/finance.yaml since 2026-12-05 (b9adf94) and routing/intents.yaml since 4187abd
    # (2026-11-23); claims-dev25 and packs-dev24 were written 2026-12-07 14:25 UTC by README-only
    # helpers
    ("before it's too late", "claims-dev25"),
    ("before it's too late", "packs-dev24"),
    ("steal of a deal", "packs-dev24"),
    # the same entry; claims-dev33 was written 2026-12-07 23:50 UTC by a README-only helper (in
    # a policy's banned terms)
    ("steal of a deal", "claims-dev33"),
    # rules/finance.yaml since 2026-12-05 (b9adf94); b24-fresh was written 2026-12-08 00:46 UTC by
    # a README-only helper
    ("before it's too late", "b24-fresh"),
    # rules/travel.yaml since 2026-12-07 02:00 UTC (c3dadec), lexicons/hostility.yaml and
    # routing/replies.yaml since 4187abd (2026-11-23); tone-dev27 and hardneg-dev28 were written
    # 2026-12-07 17:20 UTC by README-only helpers
    ("without a change fee", "tone-dev27"),
    ("did you not read", "tone-dev27"),
    ("take a break from", "hardneg-dev28"),
}


def entries(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [e for k, v in value.items() if k not in TEXT_KEYS_SKIPPED for e in entries(v)]
    if isinstance(value, list):
        return [e for v in value for e in entries(v)]
    return []


def test_no_entry_of_four_or_more_words_appears_verbatim_in_the_tests():
    tests = " ".join(
        path.read_text(encoding="utf-8", errors="replace").lower()
        for path in (ROOT / "tests").rglob("*")
        if path.is_file()
        and path.suffix in {".py", ".yaml", ".yml", ".md", ".json", ".csv", ".txt"}
        and path.name != Path(__file__).name
    )
    tests = re.sub(r"\s+", " ", tests)
    blind = {
        folder.name: re.sub(
            r"\s+",
            " ",
            " ".join(
                f.read_text(encoding="utf-8", errors="replace").lower()
                for f in folder.rglob("*")
                if f.is_file()
            ),
        )
        for sets in ("blind", "corpus-tuning")  # blind sets, and dev sets written by others
        for folder in (ROOT / "tests" / sets).iterdir()
        if folder.is_dir()
    }
    folders: dict[str, set[str]] = {}
    for phrase, folder in BEFORE_THE_BLIND_SET:
        folders.setdefault(phrase, set()).add(folder)
    outside = {
        phrase
        for phrase, where in folders.items()
        if any(phrase in blind.get(f, "") for f in where)
        and tests.count(phrase) == sum(blind.get(f, "").count(phrase) for f in where)
    }
    copied = []
    for path in RULE_FILES:
        for entry in entries(yaml.safe_load(path.read_text(encoding="utf-8"))):
            words = " ".join(entry.lower().split())
            if words in outside:
                continue  # met only in the blind set written after it (BEFORE_THE_BLIND_SET)
            if len(words.split()) >= 4 and words not in FIXED_WORDING and words in tests:
                copied.append(f"{path.relative_to(ROOT)}: {entry}")
    assert not copied, "entries copied from tests/:\n" + "\n".join(copied)
