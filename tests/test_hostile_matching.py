"""Hostile matching: spacing, look-alike letters and spelled-out words do not hide a claim; rules'
regular expressions run in linear time; long posts scan in linear time; quotes are whole words."""

from __future__ import annotations

import csv
import io
import json
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import lint, run_cli, write
from voicelint.engine import compile_policy, lint_post
from voicelint.policy import build_policy
from voicelint.readers import read_file

FINANCE = {"extends": ["finance"]}
HEALTH = {"extends": ["health"]}
GUARANTEED = "claims.finance.guaranteed-return"
DISEASE = "claims.health.disease-claim"


def found(text: str, policy: dict, category: str = "claims") -> list[tuple[str, str, int]]:
    return [(f.rule, f.match, f.start) for f in lint(text, policy) if f.category == category]


# --- whitespace between the words of a phrase ------------------------------------------------


@pytest.mark.parametrize(
    "gap", ["  ", "\t", "\u00a0", "\n", "\r\n", " \n   ", "\u3000", "\u2009", "\n\n"]
)
def test_any_run_of_whitespace_inside_a_phrase_is_one_space(gap):
    disguised = f"Guaranteed{gap}returns"
    text = f"Our {disguised} for every saver."
    assert found(text, FINANCE) == [(GUARANTEED, disguised, 4)]


def test_whitespace_inside_a_banned_term_and_a_health_claim():
    policy = {"voice": {"banned_terms": ["game changer"]}}
    text = "A real game\n\tchanger."
    assert found(text, policy, "tone") == [("tone.banned-term", "game\n\tchanger", 7)]
    assert found("Our tea cures\u00a0\u00a0colds.", HEALTH) == [
        (DISEASE, "cures\u00a0\u00a0colds", 8)
    ]


# --- look-alike letters, marks, ligatures ----------------------------------------------------

LOOK_ALIKES = [
    "Guаrаntееd rеturns",  # Cyrillic а and е
    "Guaranteed returns".translate({ord(c): ord(c) + 0xFEE0 for c in "Guaranteedreturns"}),
    "𝐆𝐮𝐚𝐫𝐚𝐧𝐭𝐞𝐞𝐝 𝐫𝐞𝐭𝐮𝐫𝐧𝐬",  # mathematical bold
    "G\u0332u\u0332a\u0332r\u0332anteed returns",  # combining low line
    "Gúaránteed returns",  # accents
    "GUARANTEED RETURNS",
]


@pytest.mark.parametrize("disguised", LOOK_ALIKES)
def test_look_alike_letters_and_marks_do_not_hide_a_claim(disguised):
    text = f"Our {disguised} for every saver."
    assert found(text, FINANCE) == [(GUARANTEED, disguised, 4)]


def test_a_ligature_does_not_hide_a_banned_word():
    policy = {"voice": {"banned_terms": ["profit"]}}
    assert found("All proﬁt, no risk.", policy, "tone") == [("tone.banned-term", "proﬁt", 4)]


@pytest.mark.parametrize(
    "disguised",
    [
        "g u a r a n t e e d returns",
        "g.u.a.r.a.n.t.e.e.d returns",
        "g. u. a. r. a. n. t. e. e. d. returns",
        "G-U-A-R-A-N-T-E-E-D returns",
        "g u a r a n t e e d r e t u r n s",
        "guaranteed 🚀 returns",
        "guaranteed 🚀🚀 returns",
        "guaranteed-returns",
        "guaranteed - returns",
    ],
)
def test_spelled_out_letters_an_emoji_or_a_hyphen_do_not_hide_a_claim(disguised):
    text = f"Our {disguised} for every saver."
    assert found(text, FINANCE) == [(GUARANTEED, disguised, 4)]


def test_real_greek_and_russian_text_fires_nothing():
    greek = "Καλημέρα σας, ο καφές μας είναι έτοιμος και η τιμή είναι καλή."
    russian = "Это лучший сорт кофе, а сервис очень хороший."
    everything = {"extends": ["finance", "health", "food", "cosmetics", "alcohol"]}
    for text in (greek, russian):
        assert [f.rule for f in lint(text, everything) if f.category == "claims"] == []


def test_a_word_all_of_look_alikes_is_read_as_latin_only_among_latin_words():
    policy = {"voice": {"banned_terms": ["cop"]}}
    # Cyrillic с, о, р: the Russian word for litter, and a disguised "cop" in an English post
    assert found("Убрали весь сор во дворе.", policy, "tone") == []
    assert found("Call the сор now, please.", policy, "tone") == [("tone.banned-term", "сор", 9)]


def test_disguised_claims_point_into_the_source_file(tmp):
    write(tmp, "p.yaml", "client: acme-bank\ntext: |\n  Our guaranteed\n    returns, every time.\n")
    result = run_cli(["check", "p.yaml", "--format", "json"], tmp)
    finding = next(f for f in json.loads(result.stdout)["findings"] if f["rule"] == GUARANTEED)
    assert (finding["line"], finding["column"]) == (3, 7)
    assert (finding["end_line"], finding["end_column"]) == (4, 12)
    assert finding["match"] == "guaranteed\n  returns"


# --- regular expressions in custom rules -----------------------------------------------------


def pattern_policy(regex: str) -> str:
    return f"""
    client: acme
    custom_rules:
      - id: tone.acme.word
        kind: pattern
        category: tone
        summary: s
        why: w
        message: m
        patterns: [[{{LOWER: {{REGEX: '{regex}'}}}}]]
        examples: {{fire: [], pass: []}}
    """


@pytest.mark.parametrize("regex", ["^(a|a)+$", "^(a+){1,16}$", "^(.*a){12}$", "a*a*a*a*$"])
def test_a_regex_that_backtracks_runs_in_linear_time(tmp, regex):
    write(tmp, "acme.yaml", pattern_policy(regex))
    write(tmp, "post.txt", "Hello " + "a" * 5000 + "b and aaaaaaaaaaaa.\n")
    assert run_cli(["validate", "acme.yaml"], tmp).exit_code == 0
    started = time.monotonic()
    result = run_cli(["check", "post.txt", "--policy", "acme.yaml", "--format", "json"], tmp)
    assert time.monotonic() - started < 10
    matches = [f["match"] for f in json.loads(result.stdout)["findings"]]
    assert matches == ["aaaaaaaaaaaa"] or regex == "a*a*a*a*$"


@pytest.mark.parametrize("regex", [r"(eco)\1", "eco(?=safe)", "(?<!x)eco"])
def test_a_regex_a_linear_engine_cannot_run_is_refused_in_one_line(tmp, regex):
    write(tmp, "acme.yaml", pattern_policy(regex))
    result = run_cli(["validate", "acme.yaml"], tmp)
    assert result.exit_code == 2
    assert result.stderr.startswith("voicelint: acme.yaml:3: rule tone.acme.word: ")
    assert "backreferences, lookahead or lookbehind" in result.stderr
    assert result.stderr.count("\n") == 1


def test_a_regex_with_other_predicates_still_matches(tmp):
    # (not "eco...": green words are an always-on claims check of their own)
    write(tmp, "acme.yaml", pattern_policy("^zen"))
    write(tmp, "post.txt", "Our ZENSAFE cups and zen-smart lids.\n")
    result = run_cli(["check", "post.txt", "--policy", "acme.yaml", "--format", "json"], tmp)
    assert [f["match"] for f in json.loads(result.stdout)["findings"]] == ["ZENSAFE", "zen"]


# --- the sponsored-post hashtag scan ---------------------------------------------------------


def test_a_200_kb_sponsored_post_of_hashtags_is_checked_in_linear_time(tmp):
    names = ["coffee", "latte", "morning", "roast", "beans", "brew"]
    tags = " ".join(f"#{names[i % 6]}" if i % 7 else "#ad" for i in range(30_000))
    text = tags[:199_990].rsplit(" ", 1)[0] + " and more"  # a hashtag run that stops short
    write(tmp, "p.json", json.dumps({"client": "harbor-coffee", "sponsored": True, "text": text}))
    started = time.monotonic()
    result = run_cli(["check", "p.json", "--format", "json"], tmp)
    assert time.monotonic() - started < 10
    assert result.exit_code in (0, 1)
    assert "Traceback" not in result.stderr


def test_a_disclosure_in_the_closing_hashtags_is_still_buried():
    from voicelint.kinds.disclosure import _trailing_cluster

    text = "Try our new roast. #coffee, #latte! #ad #morning"
    assert _trailing_cluster(text, 3) == text.index("#coffee")
    assert _trailing_cluster("Try it #ad today", 1) is None
    assert _trailing_cluster("#a " * 50_000 + "x", 3) is None


# --- quoted matches are whole words ----------------------------------------------------------


def test_a_shouted_word_with_an_apostrophe_is_quoted_whole():
    findings = [f for f in lint("DON'T MISS THIS SALE, friends.") if f.rule == "tone.shouting"]
    assert [(f.match, f.start, f.end) for f in findings] == [("DON'T", 0, 5)]


def test_a_length_finding_starts_at_a_whole_word():
    text = "A calm morning with a new technology feature."
    policy = {"voice": {"max_length": 30}}
    findings = [f for f in lint(text, policy) if f.rule == "format.length"]
    assert [(f.match, f.start) for f in findings] == [("technology", text.index("technology"))]
    assert all(text[f.start : f.end] == f.match for f in findings)


# --- property: disguises in every post file format, read through the readers ----------------

CYRILLIC = {"a": "а", "e": "е", "o": "о", "c": "с", "p": "р", "x": "х"}


def disguise(word: str, picks: list[int]) -> str:
    out = []
    for char, pick in zip(word, picks, strict=False):
        if pick == 1 and char in CYRILLIC:
            out.append(CYRILLIC[char])
        elif pick == 2:
            out.append(chr(ord(char) + 0xFEE0))  # fullwidth
        elif pick == 3:
            out.append(chr(0x1D41A + ord(char) - ord("a")))  # mathematical bold
        else:
            out.append(char)
    return "".join(out) + word[len(picks) :]


GAPS = st.sampled_from([" ", "  ", "\t", "\u00a0", "\n", " \n ", "\u2009", " \t "])
PICKS = st.lists(st.integers(0, 3), max_size=10)
CLAIMS = [("guaranteed", "returns", FINANCE, GUARANTEED), ("cures", "colds", HEALTH, DISEASE)]
FORMATS = ["yaml", "json", "csv", "md"]
COMPILED: dict[str, object] = {}


def compiled(policy: dict):
    key = json.dumps(policy, sort_keys=True)
    if key not in COMPILED:
        COMPILED[key] = compile_policy(build_policy(dict(policy), {}, "<test>", None, None))
    return COMPILED[key]


def post_file(fmt: str, text: str) -> str:
    if fmt == "json":
        return json.dumps({"id": "p1", "text": text}, ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows([["id", "text"], ["p1", text]])
        return out.getvalue()
    if fmt == "md":
        return f"---\nid: p1\n---\n\n{text}\n"
    body = "\n".join("  " + line if line else "" for line in text.split("\n"))
    return f"id: p1\ntext: |\n{body}\n"


def line_col(raw: str, offset: int) -> tuple[int, int]:
    line = raw.count("\n", 0, offset) + 1
    return line, offset - (raw.rfind("\n", 0, offset) + 1) + 1


@settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    claim=st.sampled_from(CLAIMS),
    fmt=st.sampled_from(FORMATS),
    gap=GAPS,
    first_picks=PICKS,
    second_picks=PICKS,
    lead=st.sampled_from(["Our ", "Honestly:\nour ", "We say  "]),
)
def test_disguised_claims_are_found_at_their_exact_place_in_every_format(
    tmp_path_factory, claim, fmt, gap, first_picks, second_picks, lead
):
    first_word, second_word, policy, rule = claim
    first, second = disguise(first_word, first_picks), disguise(second_word, second_picks)
    text = f"{lead}{first}{gap}{second} for all."
    path: Path = tmp_path_factory.mktemp("posts") / f"post.{fmt}"
    raw = post_file(fmt, text)
    path.write_text(raw, encoding="utf-8")
    [post] = read_file(path)
    findings = [f for f in lint_post(compiled(policy), post).findings if f.rule == rule]
    assert len(findings) == 1, (fmt, text, findings)
    finding = findings[0]
    assert post.text[finding.start : finding.end] == finding.match
    assert finding.match.startswith(first) and finding.match.endswith(second)
    assert finding.match[len(first) : len(finding.match) - len(second)].strip() == ""
    # the place, found in the file as written: the first word's first character and the second
    # word's last (both appear once in the file)
    assert raw.count(first) == 1 and raw.count(second) == 1
    assert (finding.line, finding.column) == line_col(raw, raw.index(first))
    end = raw.index(second) + len(second) - 1
    assert (finding.end_line, finding.end_column) == line_col(raw, end + 1)
