"""Hostile input: invisible characters, bidi controls, emoji sequences, RTL text, alias bombs, any Unicode."""

from __future__ import annotations

import json
import time

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conftest import lint, run_cli, write
from voicelint.engine import compile_policy, lint_post
from voicelint.model import Post, SourceFile, TextMap
from voicelint.policy import build_policy
from voicelint.readers import read_file

ALL_PACKS = {
    "extends": [
        "finance",
        "health",
        "food",
        "cosmetics",
        "alcohol",
        "environmental",
        "endorsements",
        "customer-care",
    ]
}


def claims(text: str) -> list[tuple[str, str, int]]:
    return [(f.rule, f.match, f.start) for f in lint(text, ALL_PACKS) if f.category == "claims"]


def test_zero_width_characters_do_not_hide_a_forbidden_word():
    health = {"extends": ["health"]}
    for invisible in ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"):
        text = f"Our tea cu{invisible}res colds."
        found = [(f.rule, f.match, f.start) for f in lint(text, health) if f.category == "claims"]
        assert found == [("claims.health.disease-claim", f"cu{invisible}res colds", 8)], repr(
            invisible
        )


def test_bidi_controls_do_not_hide_a_forbidden_word():
    text = "Guaran\u202eteed returns for every saver."
    assert claims(text) == [("claims.finance.guaranteed-return", "Guaran\u202eteed returns", 0)]


def test_places_of_hidden_words_point_into_the_source_file(tmp):
    write(tmp, "p.yaml", 'client: vitality-labs\ntext: "Our tea cu\u200bres colds."\n')
    result = run_cli(["check", "p.yaml", "--format", "json"], tmp)
    import json

    finding = json.loads(result.stdout)["findings"][0]
    assert (finding["line"], finding["column"], finding["match"]) == (2, 16, "cu\u200bres colds")
    line = (tmp / "p.yaml").read_text(encoding="utf-8").splitlines()[1]
    assert line[finding["column"] - 1 : finding["end_column"] - 1] == finding["match"]


def test_right_to_left_text_and_combining_marks_are_read_without_harm():
    assert claims("مرحبا بكم في متجرنا الجديد. Guaranteed returns!") == [
        ("claims.finance.guaranteed-return", "Guaranteed returns", 28)
    ]
    assert claims("Cafe\u0301 latte, cure\u0301d salmon and a green tea.") == []


def test_emoji_sequences_flags_and_skin_tones_count_once():
    policy = {"voice": {"max_emoji": 3}}
    text = "Team day 👨‍👩‍👧‍👦 🇺🇸 👍🏽 🏳️‍🌈"
    assert [f.rule for f in lint(text, policy) if f.rule == "tone.emoji"] == ["tone.emoji"]
    assert [
        f.rule for f in lint("Team day 👨‍👩‍👧‍👦 🇺🇸 👍🏽", policy) if f.rule == "tone.emoji"
    ] == []


def test_a_yaml_alias_bomb_ends_at_once_with_one_line(tmp):
    levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for name, previous in zip("bcdefgh", "abcdefg", strict=True):
        levels.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    write(tmp, "bomb.yaml", "\n".join(levels) + "\nposts:\n  - text: *h\n")
    started = time.monotonic()
    result = run_cli(["check", "bomb.yaml"], tmp)
    assert time.monotonic() - started < 10
    # issue 12: an unreadable post file is an error finding (exit 1), no longer exit 2
    assert result.exit_code == 1
    assert result.stdout.startswith("bomb.yaml:6:1: error format.unreadable-file YAML aliases")
    assert "Traceback" not in result.stdout + result.stderr


def test_a_post_of_a_megabyte_is_linted_in_bounded_time():
    text = ("Fresh coffee every morning at our Main Street cafe. " * 20_000) + "It cures colds."
    started = time.monotonic()
    found = claims(text)
    assert time.monotonic() - started < 60
    assert found[-1][:2] == ("claims.health.disease-claim", "cures colds")


COMPILED = compile_policy(build_policy(dict(ALL_PACKS), {}, "<all packs>", None, None))
TEXTS = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)),
    max_size=300,
) | st.builds(
    lambda a, b: (
        a + " cures colds, guaranteed returns, #1 in town, reply with your card number " + b
    ),
    st.text(max_size=60),
    st.text(max_size=60),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS, reply=st.booleans())
@example(text="0, 0,?", reply=True)  # a reply whose words end on a comma: no tag question
def test_any_unicode_gives_findings_whose_match_and_place_agree(text, reply):
    source = SourceFile("<draft>", text)
    post = Post(
        source=source,
        index=1,
        id="1",
        text=text,
        text_map=TextMap.identity(),
        line=1,
        kind="reply" if reply else "post",
        in_reply_to="I was charged twice and my card number leaked" if reply else None,
        sponsored=reply,
        platform="instagram",
    )
    for finding in lint_post(COMPILED, post).findings:
        assert finding.match == text[finding.start : finding.end]
        assert (finding.line, finding.column) == source.line_col(finding.start)
        assert 0 <= finding.start <= finding.end <= len(text)


def custom_pattern_policy(regex: str) -> str:
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


def test_a_pattern_that_would_backtrack_catastrophically_is_refused(tmp):
    write(tmp, "acme.yaml", custom_pattern_policy("^(a+)+$"))
    write(tmp, "post.txt", "a" * 40 + "b\n")
    started = time.monotonic()
    result = run_cli(["check", "post.txt", "--policy", "acme.yaml"], tmp)
    assert time.monotonic() - started < 10
    assert result.exit_code == 2
    assert result.stderr.startswith(
        'voicelint: acme.yaml:3: rule tone.acme.word: the pattern is refused: REGEX "^(a+)+$" '
        "repeats a group that itself repeats"
    )
    assert result.stderr.count("\n") == 1


def test_a_plain_regex_in_a_pattern_still_works(tmp):
    # (not "eco...": green words are an always-on claims check of their own)
    write(tmp, "acme.yaml", custom_pattern_policy("^zen(safe|smart)$"))
    write(tmp, "post.txt", "Our zensafe cups are here.\n")
    result = run_cli(["check", "post.txt", "--policy", "acme.yaml", "--format", "json"], tmp)
    assert [(f["rule"], f["match"]) for f in json.loads(result.stdout)["findings"]] == [
        ("tone.acme.word", "zensafe")
    ]


def test_a_policy_nested_thousands_deep_is_one_line(tmp):
    write(tmp, "deep.yaml", "client: deep\nvoice:\n  banned_terms: " + "[" * 50_000 + "]" * 50_000)
    result = run_cli(["validate", "deep.yaml"], tmp)
    assert result.exit_code == 2
    assert result.stderr == (
        "voicelint: deep.yaml:3: YAML nested more than 64 levels deep (flatten the structure)\n"
    )


def test_a_chain_of_packs_thousands_long_is_one_line(tmp):
    write(tmp, "policy.yaml", "client: policy\nextends: [p0.yaml]\n")
    for index in range(200):
        write(tmp, f"p{index}.yaml", f"pack: p{index}\nextends: [p{index + 1}.yaml]\nrules: []\n")
    result = run_cli(["validate", "policy.yaml"], tmp)
    assert result.exit_code == 2
    assert result.stderr.startswith("voicelint: p32.yaml: more than 32 packs extend one another")
    assert result.stderr.count("\n") == 1


def test_a_policy_that_extends_itself_is_one_line(tmp):
    write(tmp, "me.yaml", "client: me\nextends: [me.yaml]\n")
    result = run_cli(["validate", "me.yaml"], tmp)
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert result.stderr.startswith("voicelint: me.yaml:1: ")


def test_a_hundred_thousand_posts_in_one_file_are_read_in_order(tmp):
    posts = [{"id": f"p{i}", "text": f"Post number {i} 🎉"} for i in range(100_000)]
    posts[-1]["text"] = "The #1 coffee in America."
    path = write(tmp, "many.json", json.dumps({"posts": posts}, ensure_ascii=False))
    read = read_file(path)
    assert len(read) == 100_000
    assert (read[0].id, read[-1].id, read[-1].text) == ("p0", "p99999", "The #1 coffee in America.")


def test_a_post_of_thousands_of_numbered_hashtags_is_checked_in_linear_time(tmp):
    # every "#tag123" is a candidate order number: the personal-data check once looked back
    # through the whole post for each, which took a minute on 240 KB
    write(tmp, "acme.yaml", "client: acme\nextends: [customer-care]\n")
    write(tmp, "post.txt", " ".join(f"#tag{i}" for i in range(25_000)) + "\n")
    started = time.monotonic()
    result = run_cli(["check", "post.txt", "--policy", "acme.yaml", "--format", "json"], tmp)
    assert time.monotonic() - started < 10
    assert result.exit_code in (0, 1) and result.stderr == ""
    assert json.loads(result.stdout)["summary"]["posts"] == 1
