"""The agency's workflow (issue 15): rule selection, concise and quiet output, baselines, SARIF
fingerprints and help links; each against a small content repo written in a temporary directory."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import run_cli, write
from voicelint.baseline import fingerprint, normalised, sentence_around
from voicelint.config import discover
from voicelint.formats.sarif import rule_anchor

REPO = Path(__file__).resolve().parents[1]

POLICY = """
client: brand
custom_rules:
  - id: claims.brand.guaranteed
    kind: phrase
    category: claims
    severity: error
    summary: Promises a result.
    why: Brand guide, section 1.
    message: 'Do not promise "{match}".'
    terms: [guaranteed results]
    examples: {fire: ["Guaranteed results."], pass: ["Results vary."]}
  - id: tone.brand.hype
    kind: phrase
    category: tone
    severity: warning
    summary: Hype.
    why: Brand guide, section 2.
    message: 'Drop "{match}".'
    terms: [game-changer]
    examples: {fire: ["A game-changer."], pass: ["A blender."]}
  - id: tone.brand.buzz
    kind: phrase
    category: tone
    severity: warning
    summary: Buzzwords.
    why: Brand guide, section 3.
    message: 'Drop "{match}".'
    terms: [synergy]
    examples: {fire: ["Pure synergy."], pass: ["A blender."]}
"""

POSTS = """
posts:
  - id: p1
    text: "Guaranteed results in two weeks. Our blender has five speeds."
  - id: p2
    text: "A game-changer for busy kitchens, with real synergy."
  - id: p3
    text: "Our blender has a glass jar."
"""


def repo(tmp_path: Path, config: str = "", posts: str = POSTS) -> Path:
    write(tmp_path, "voicelint.yaml", "policies: policies\nclient: brand\n" + config)
    write(tmp_path, "policies/brand.yaml", POLICY)
    write(tmp_path, "posts/week.yaml", posts)
    return tmp_path


def put(root: Path, posts: str) -> None:
    """Rewrite the post file, as an editor would."""
    (root / "posts/week.yaml").write_text(posts.lstrip("\n"), encoding="utf-8")


def run(args: list[str], cwd: Path):
    return run_cli(args, cwd)


def rules(result) -> list[str]:
    return [f["rule"] for f in json.loads(result.stdout)["findings"]]


def one_error_line(result, *words: str) -> None:
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("voicelint: "), result.stderr
    assert "Traceback" not in result.output
    for word in words:
        assert word in lines[0], lines[0]


ALL_RULES = ["claims.brand.guaranteed", "tone.brand.hype", "tone.brand.buzz"]


# --- select, ignore, extend-select -------------------------------------------------------------


def test_every_rule_reports_without_a_selection(tmp_path):
    result = run(["check", "posts", "--format", "json"], repo(tmp_path))
    assert rules(result) == ALL_RULES


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--select", "tone"], ["tone.brand.hype", "tone.brand.buzz"]),  # a category or prefix
        (["--select", "tone.brand.hype"], ["tone.brand.hype"]),  # a rule id
        (["--select", "claims.brand"], ["claims.brand.guaranteed"]),  # a dotted prefix
        (["--ignore", "tone.brand"], ["claims.brand.guaranteed"]),
        (["--ignore", "tone,claims.brand"], []),  # comma-separated
        (["--ignore", "tone", "--ignore", "claims"], []),  # repeated
        (["--select", "tone", "--ignore", "tone.brand.buzz"], ["tone.brand.hype"]),
        # the more specific selector wins, whichever option it is in
        (["--select", "tone.brand.buzz", "--ignore", "tone"], ["tone.brand.buzz"]),
        (["--select", "claims", "--extend-select", "tone.brand.hype"], ALL_RULES[:2]),
        (["--select", "ALL", "--ignore", "claims"], ALL_RULES[1:]),
    ],
)
def test_select_and_ignore_by_id_prefix_and_category(tmp_path, args, expected):
    result = run(["check", "posts", "--format", "json", *args], repo(tmp_path))
    assert rules(result) == expected
    assert result.exit_code == (1 if "claims.brand.guaranteed" in expected else 0)


def test_a_prefix_matches_at_a_dot_only(tmp_path):
    result = run(["check", "posts", "--select", "tone.brand.hyp"], repo(tmp_path))
    one_error_line(result, '--select "tone.brand.hyp" matches no rule', '"tone.brand.hype"')


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--select", "tone.profanty"], ['--select "tone.profanty"', '"tone.profanity"']),
        (["--ignore", "claims.finace"], ['--ignore "claims.finace"', '"claims.finance"']),
        (["--extend-select", "tone.brand.hipe"], ["--extend-select", '"tone.brand.hype"']),
        (["--select", ","], ["--select names no rule"]),
    ],
)
def test_an_unknown_selector_is_one_line_naming_the_nearest(tmp_path, args, words):
    one_error_line(run(["check", "posts", *args], repo(tmp_path)), *words)


def test_selectors_name_builtin_rules_a_policy_does_not_run(tmp_path):
    # finance is not in the policy: ignoring it is not a typo
    result = run(
        ["check", "posts", "--format", "json", "--ignore", "claims.finance"], repo(tmp_path)
    )
    assert rules(result) == ALL_RULES


def test_selection_applies_on_top_of_a_rule_switched_off_in_the_policy(tmp_path):
    root = repo(tmp_path)
    policy = root / "policies/brand.yaml"
    policy.write_text(policy.read_text() + "rules: {tone.brand.hype: off}\n")
    result = run(["check", "posts", "--format", "json", "--select", "tone"], root)
    assert rules(result) == ["tone.brand.buzz"]
    # a rule switched off is still a known name
    result = run(["check", "posts", "--format", "json", "--select", "tone.brand.hype"], root)
    assert (result.exit_code, rules(result)) == (0, [])


def test_a_file_that_cannot_be_read_is_reported_whatever_the_selection(tmp_path):
    root = repo(tmp_path)
    write(root, "posts/broken.yaml", "posts: [\n")
    result = run(["check", "posts", "--format", "json", "--select", "tone"], root)
    assert "format.unreadable-file" in rules(result)
    assert result.exit_code == 1


def test_config_keys_select_and_ignore(tmp_path):
    root = repo(tmp_path, "select: [tone]\nignore: [tone.brand.buzz]\n")
    assert rules(run(["check", "posts", "--format", "json"], root)) == ["tone.brand.hype"]
    # the command line is a layer on top: its --select starts again, its --ignore removes more
    result = run(["check", "posts", "--format", "json", "--select", "claims"], root)
    assert rules(result) == ["claims.brand.guaranteed"]
    result = run(["check", "posts", "--format", "json", "--ignore", "tone.brand.hype"], root)
    assert rules(result) == []


def test_config_key_extend_select_and_pyproject(tmp_path):
    root = repo(tmp_path)
    (root / "voicelint.yaml").unlink()
    write(
        root,
        "pyproject.toml",
        """
        [tool.voicelint]
        policies = "policies"
        client = "brand"
        select = ["claims"]
        extend_select = ["tone.brand.buzz"]
        """,
    )
    config = discover(root)
    assert (config.select, config.extend_select, config.ignore) == (
        ("claims",),
        ("tone.brand.buzz",),
        (),
    )
    result = run(["check", "posts", "--format", "json"], root)
    assert rules(result) == ["claims.brand.guaranteed", "tone.brand.buzz"]


@pytest.mark.parametrize(
    ("config", "words"),
    [
        ("ignore: [tone.brand.hipe]\n", ["voicelint.yaml:3:", 'ignore "tone.brand.hipe"', "hype"]),
        ("select: tone\nselct: [x]\n", ["voicelint.yaml:4:", '"selct"', '"select"']),
        ("select: []\n", ["voicelint.yaml:3:", "select must be a list"]),
        ("ignore: [1, 2]\n", ["voicelint.yaml:3:", "ignore must be a list"]),
        ("rules_url: docs/rules.md\n", ["voicelint.yaml:3:", "rules_url must be an absolute"]),
    ],
)
def test_bad_config_keys_are_one_line_at_their_line(tmp_path, config, words):
    one_error_line(run(["check", "posts"], repo(tmp_path, config)), *words)


# --- concise and quiet --------------------------------------------------------------------------

CONCISE = """\
posts/week.yaml:3:12: error claims.brand.guaranteed Do not promise "Guaranteed results".
posts/week.yaml:5:14: warning tone.brand.hype Drop "game-changer".
posts/week.yaml:5:56: warning tone.brand.buzz Drop "synergy".
Found 3 findings (1 error, 2 warnings) in 3 posts (1 file).
"""


def test_concise_is_one_line_a_finding_sorted_then_the_summary(tmp_path):
    result = run(["check", "posts", "--format", "concise", "--no-color"], repo(tmp_path))
    assert result.exit_code == 1
    assert result.stdout == CONCISE


def test_concise_sorts_by_file_line_and_column(tmp_path):
    root = repo(tmp_path)
    write(root, "posts/a.txt", "Pure synergy. A game-changer.\n")
    lines = run(["check", "posts", "--format", "concise"], root).stdout.splitlines()[:-1]
    places = [(p, int(line), int(col)) for p, line, col, _ in (x.split(":", 3) for x in lines)]
    assert places == sorted(places)
    assert [p for p, _, _ in places] == ["posts/a.txt"] * 2 + ["posts/week.yaml"] * 3


def test_concise_from_the_configuration(tmp_path):
    result = run(["check", "posts", "--no-color"], repo(tmp_path, "format: concise\n"))
    assert result.stdout == CONCISE


@pytest.mark.parametrize("fmt", ["text", "concise"])
def test_quiet_prints_only_the_summary_line(tmp_path, fmt):
    result = run(["check", "posts", "--format", fmt, "-q"], repo(tmp_path))
    assert result.stdout == "Found 3 findings (1 error, 2 warnings) in 3 posts (1 file).\n"
    assert result.exit_code == 1


# --- baselines ----------------------------------------------------------------------------------


def test_write_baseline_is_sorted_stable_json_with_a_version(tmp_path):
    root = repo(tmp_path)
    result = run(["check", "posts", "--write-baseline", "baseline.json", "-q"], root)
    assert result.exit_code == 0
    assert "wrote 3 findings to baseline.json" in result.stderr
    written = (root / "baseline.json").read_text()
    data = json.loads(written)
    assert data["version"] == 1
    entries = data["findings"]
    assert [(e["path"], e["post"], e["rule"], e["match"]) for e in entries] == [
        ("posts/week.yaml", "p1", "claims.brand.guaranteed", "Guaranteed results"),
        ("posts/week.yaml", "p2", "tone.brand.buzz", "synergy"),
        ("posts/week.yaml", "p2", "tone.brand.hype", "game-changer"),
    ]
    assert all(len(e["fingerprint"]) == 16 for e in entries)
    run(["check", "posts", "--write-baseline", "baseline.json"], root)
    assert (root / "baseline.json").read_text() == written
    # paths are relative to the baseline file, wherever voicelint runs from
    result = run(["check", ".", "--write-baseline", "../baseline2.json"], root / "posts")
    assert json.loads((root / "baseline2.json").read_text()) == data


def test_a_file_that_cannot_be_read_is_never_baselined(tmp_path):
    root = repo(tmp_path)
    write(root, "posts/broken.yaml", "posts: [\n")
    result = run(["check", "posts", "--write-baseline", "baseline.json", "-q"], root)
    assert result.exit_code == 1
    assert "wrote 3 findings" in result.stderr
    recorded = json.loads((root / "baseline.json").read_text())["findings"]
    assert "format.unreadable-file" not in {e["rule"] for e in recorded}
    result = run(["check", "posts", "--baseline", "baseline.json", "--format", "json"], root)
    assert (result.exit_code, rules(result)) == (1, ["format.unreadable-file"])


def test_baseline_hides_known_findings_and_exits_on_new_ones_only(tmp_path):
    root = repo(tmp_path)
    run(["check", "posts", "--write-baseline", "baseline.json"], root)
    result = run(["check", "posts", "--baseline", "baseline.json", "--format", "json"], root)
    assert (result.exit_code, rules(result)) == (0, [])
    summary = json.loads(result.stdout)["summary"]
    assert summary["baseline"] == {"held_back": 3, "no_longer_occur": 0}
    text = run(["check", "posts", "--baseline", "baseline.json"], root)
    assert "3 findings held back by the baseline." in text.stdout
    assert text.stderr == ""


def test_baseline_survives_lines_shifting_and_another_post_changing(tmp_path):
    root = repo(tmp_path)
    run(["check", "posts", "--write-baseline", "baseline.json"], root)
    edited = POSTS.replace(
        "posts:\n",
        "# a comment\nposts:\n  - id: p0\n    text: |\n      A new draft,\n      on two lines.\n",
    ).replace("Our blender has a glass jar.", "Our blender has a steel jar.")
    edited = edited.replace("Our blender has five speeds.", "Our blender has six speeds.")
    put(root, edited)
    result = run(["check", "posts", "--baseline", "baseline.json", "--format", "json"], root)
    assert (result.exit_code, rules(result)) == (0, [])
    # a new finding is reported, with its place
    put(root, edited.replace("a steel jar", "a game-changer jar"))
    result = run(["check", "posts", "--baseline", "baseline.json", "--format", "json"], root)
    found = json.loads(result.stdout)["findings"]
    assert [(f["post"], f["rule"], f["line"]) for f in found] == [("p3", "tone.brand.hype", 12)]


def test_a_finding_in_a_rewritten_sentence_is_new(tmp_path):
    root = repo(tmp_path)
    run(["check", "posts", "--write-baseline", "baseline.json"], root)
    put(root, POSTS.replace("in two weeks", "in ten days"))
    result = run(["check", "posts", "--baseline", "baseline.json", "--format", "json"], root)
    assert rules(result) == ["claims.brand.guaranteed"]
    assert result.exit_code == 1
    assert "1 baseline finding no longer occurs" in result.stderr


def test_a_fingerprint_recorded_once_suppresses_one_finding(tmp_path):
    root = repo(tmp_path)
    run(["check", "posts", "--write-baseline", "baseline.json"], root)
    twice = POSTS.replace(
        '"A game-changer for busy kitchens, with real synergy."',
        '"A game-changer for busy kitchens, with real synergy.\\nA game-changer for busy kitchens."',
    )
    put(root, twice)
    result = run(["check", "posts", "--baseline", "baseline.json", "--format", "concise"], root)
    # the first is in the baseline, the second is new
    assert (
        result.stdout.splitlines()[0]
        == 'posts/week.yaml:5:68: warning tone.brand.hype Drop "game-changer".'
    )
    assert result.stdout.count("tone.brand.hype") == 1


def test_fixed_findings_are_noted_on_stderr(tmp_path):
    root = repo(tmp_path)
    run(["check", "posts", "--write-baseline", "baseline.json"], root)
    put(root, POSTS.replace("game-changer", "good").replace("real synergy", "care"))
    result = run(["check", "posts", "--baseline", "baseline.json"], root)
    assert result.exit_code == 0
    assert result.stderr == (
        "voicelint: note: 2 baseline findings no longer occur; "
        "rewrite the baseline with --write-baseline\n"
    )


def test_baseline_entries_of_files_or_rules_not_checked_are_not_fixed(tmp_path):
    root = repo(tmp_path)
    write(root, "posts/other.txt", "Pure synergy.\n")
    run(["check", "posts", "--write-baseline", "baseline.json"], root)
    result = run(["check", "posts/week.yaml", "--baseline", "baseline.json"], root)
    assert (result.exit_code, result.stderr) == (0, "")
    result = run(["check", "posts", "--baseline", "baseline.json", "--select", "claims"], root)
    assert (result.exit_code, result.stderr) == (0, "")


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (None, ["missing.json: baseline file not found", "--write-baseline missing.json"]),
        ("{", ["missing.json:1: the baseline is not valid JSON"]),
        ("[]", ["not a voicelint baseline"]),
        ('{"version": 7, "findings": []}', ["baseline version 7 is not supported"]),
        ('{"version": 1, "findings": [{"rule": 1}]}', ["baseline finding 1 lacks"]),
        (b"\xff\xfe", ["not UTF-8"]),
    ],
)
def test_a_missing_or_broken_baseline_is_one_line(tmp_path, content, words):
    root = repo(tmp_path)
    if isinstance(content, bytes):
        (root / "missing.json").write_bytes(content)
    elif content is not None:
        (root / "missing.json").write_text(content)
    result = run(["check", "posts", "--baseline", "missing.json"], root)
    one_error_line(result, *words)
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--write-baseline", "posts/week.yaml"], ["would overwrite posts/week.yaml"]),
        (["--write-baseline", "policies/brand.yaml"], ["would overwrite"]),
        (["--write-baseline", "voicelint.yaml"], ["would overwrite"]),
        (["--baseline", "b.json", "--write-baseline", "b.json"], ["would overwrite b.json"]),
        (["--baseline", "b.json", "-o", "b.json"], ["report would overwrite b.json"]),
        (["--write-baseline", "r.json", "-o", "r.json"], ["name the same file"]),
    ],
)
def test_a_baseline_never_overwrites_an_input(tmp_path, args, words):
    root = repo(tmp_path)
    run(["check", "posts", "--write-baseline", "b.json"], root)
    before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    result = run(["check", "posts", *args], root)
    one_error_line(result, *words)
    assert {p: p.read_bytes() for p in root.rglob("*") if p.is_file()} == before


def test_fingerprint_ignores_case_spacing_and_other_sentences():
    text = "First sentence here. Guaranteed   results, in two weeks! Last one."
    start = text.index("Guaranteed")
    assert sentence_around(text, start, start + 20) == "Guaranteed   results, in two weeks!"
    mark = fingerprint("r", text, start, start + 20, text[start : start + 20])
    other = "Something else entirely.\nGUARANTEED results in two weeks. Other."
    at = other.index("GUARANTEED")
    assert fingerprint("r", other, at, at + 18, other[at : at + 18]) == mark
    assert fingerprint("other.rule", text, start, start + 20, text[start : start + 20]) != mark
    assert normalised("Ｇuaranteed  RESULTS!") == "guaranteed results"


# --- SARIF --------------------------------------------------------------------------------------


def test_sarif_results_carry_partial_fingerprints(tmp_path):
    root = repo(tmp_path)
    first = json.loads(run(["check", "posts", "--format", "sarif"], root).stdout)
    marks = [r["partialFingerprints"]["voicelint/v1"] for r in first["runs"][0]["results"]]
    assert len(set(marks)) == 3 and all(m.endswith(":1") for m in marks)
    put(root, "# moved down\n\n" + POSTS.lstrip("\n"))
    moved = json.loads(run(["check", "posts", "--format", "sarif"], root).stdout)
    results = moved["runs"][0]["results"]
    assert [r["partialFingerprints"]["voicelint/v1"] for r in results] == marks
    assert results[0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 5


def test_sarif_help_uri_points_at_the_rule_in_docs_rules_md(tmp_path):
    url = "https://example.org/voicelint/blob/main/docs/rules.md"
    root = repo(tmp_path, f"rules_url: {url}\n")
    write(root, "posts/bank.txt", "Earn guaranteed returns today.\n")
    document = json.loads(run(["check", "posts", "--format", "sarif"], root).stdout)
    rules = {r["id"]: r for r in document["runs"][0]["tool"]["driver"]["rules"]}
    built_in = [rule for rule in rules.values() if "helpUri" in rule]
    assert built_in, rules.keys()
    headings = (REPO / "docs/rules.md").read_text(encoding="utf-8")
    for rule in built_in:
        assert rule["helpUri"] == f"{url}#{rule_anchor(rule['id'])}"
        assert f"### `{rule['id']}`" in headings
    assert "helpUri" not in rules["tone.brand.hype"]  # a client's own rule has no entry there
    assert rule_anchor("claims.finance.guaranteed-return") == "claimsfinanceguaranteed-return"


def test_sarif_has_no_help_uri_without_a_rules_url(tmp_path):
    root = repo(tmp_path)
    write(root, "posts/bank.txt", "Earn guaranteed returns today.\n")
    document = json.loads(run(["check", "posts", "--format", "sarif"], root).stdout)
    assert all("helpUri" not in r for r in document["runs"][0]["tool"]["driver"]["rules"])
