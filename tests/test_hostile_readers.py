"""Reading post files cannot be fooled (issue 12): every shape of post file is read, a path with no
posts fails, a bad post or file is an error finding while the rest is still checked, and hostile
files (FIFOs, devices, symlinks out of the tree, alias bombs, odd escapes and names) neither hang
nor crash nor leak what they point to."""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
import time
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
import yaml

import voicelint
from conftest import run_cli, write

REPO = Path(__file__).resolve().parents[1]
POLICY = "client: acme\nextends: [endorsements, finance]\n"
SPONSORED = "Loving my new Glow serum, get yours now!"
CLAIM = "Guaranteed returns on every deposit."
UNREADABLE, INVALID = "format.unreadable-file", "format.invalid-post"
FORMATS = ("text", "json", "sarif", "github", "junit")


def check(tmp: Path, *args: str):
    return run_cli(["check", *args, "--policy", "acme.yaml", "--no-cache"], tmp)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    write(tmp_path, "acme.yaml", POLICY)
    return tmp_path


def rules(result) -> list[tuple[str, int, str]]:
    """(path, line, rule) of each finding, from --format json output."""
    document = json.loads(result.stdout)
    return [(f["path"], f["line"], f["rule"]) for f in document["findings"]]


def in_every_format(tmp: Path, args: list[str], rule: str) -> None:
    """The finding shows in each output format, and each output parses."""
    for output in FORMATS:
        result = check(tmp, *args, "--format", output)
        assert result.exit_code == 1, (output, result.stdout, result.stderr)
        assert rule in result.stdout, output
        if output in ("json", "sarif"):
            json.loads(result.stdout)
        if output == "junit":
            ET.fromstring(result.stdout.encode("utf-8"))


# --- 1. a top-level list of posts is posts --------------------------------------------------


LIST_YAML = f"- text: {SPONSORED}\n  sponsored: true\n- text: {CLAIM}\n"
LIST_JSON = json.dumps([{"text": SPONSORED, "sponsored": True}, {"text": CLAIM}], indent=1)


@pytest.mark.parametrize("how", ["walk", "named"])
@pytest.mark.parametrize(("name", "content"), [("w.yaml", LIST_YAML), ("w.json", LIST_JSON)])
def test_a_top_level_list_of_posts_is_checked(repo, how, name, content):
    write(repo, f"posts/{name}", content)
    target = "posts" if how == "walk" else f"posts/{name}"
    result = check(repo, target, "--format", "json")
    assert result.exit_code == 1
    found = {rule for _, _, rule in rules(result)}
    assert found == {"disclosure.endorsements.missing", "claims.finance.guaranteed-return"}


def hook_entry() -> list[str]:
    """The pre-commit hook's entry (after ``voicelint``), as .pre-commit-hooks.yaml defines it."""
    (hook,) = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    command = shlex.split(hook["entry"])
    assert command[0] == "voicelint"
    return command[1:]


def test_the_hook_checks_a_list_of_posts_and_notes_a_ci_config(repo):
    write(repo, "posts/week.yaml", LIST_YAML)
    write(repo, ".github/ci.yml", "on: push\njobs: {build: {runs-on: ubuntu-latest}}\n")
    files = ["posts/week.yaml", ".github/ci.yml"]
    result = run_cli([*hook_entry(), *files, "--policy", "acme.yaml", "--no-cache"], repo)
    assert result.exit_code == 1
    assert "disclosure.endorsements.missing" in result.stdout
    assert "Skipped 1 file (not post files, or not read):" in result.stdout
    assert "  .github/ci.yml: not a post file" in result.stdout


def test_the_hook_passes_a_commit_that_changes_no_post(repo):
    write(repo, ".github/ci.yml", "on: push\n")
    result = run_cli([*hook_entry(), ".github/ci.yml", "--policy", "acme.yaml"], repo)
    assert result.exit_code == 0
    assert result.stdout.endswith("No findings in 0 posts (0 files). 1 file skipped.\n")


# --- 2. a path given that yields no posts fails ----------------------------------------------


@pytest.mark.parametrize("given", ["empty", "docs", "docs/README.md"])
def test_a_path_with_no_posts_is_exit_2(repo, given):
    (repo / "empty").mkdir()
    write(repo, "docs/README.md", "# Notes\n")
    args = ["--skip-non-posts"] if given.endswith(".md") else []
    result = check(repo, given, *args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        f"voicelint: {given}: no posts found in {given} (name post files or use --allow-empty)\n"
    )


def test_allow_empty_passes_and_says_zero_posts(repo):
    (repo / "empty").mkdir()
    result = check(repo, "empty", "--allow-empty")
    assert result.exit_code == 0
    assert result.stdout == "No findings in 0 posts (0 files).\n"
    result = check(repo, "empty", "--allow-empty", "--format", "json")
    assert json.loads(result.stdout)["summary"]["posts"] == 0


def test_one_empty_path_among_others_still_fails(repo):
    write(repo, "posts/a.txt", "Hello there.")
    (repo / "drafts").mkdir()
    result = check(repo, "posts", "drafts")
    assert result.exit_code == 2
    assert result.stderr.startswith("voicelint: drafts: no posts found in drafts")


# --- 3. files that are not posts are skipped with a note --------------------------------------


def test_files_that_are_not_posts_are_skipped_with_a_note(repo):
    write(repo, "site/ci.yaml", "stages: [build, test]\nimage: python:3.11\n")
    write(repo, "site/content/about.md", "---\ntitle: About us\ndraft: false\n---\nHi.\n")
    write(repo, "site/README.md", "# Site\n")
    write(repo, "site/posts.yaml", f"posts:\n  - text: {CLAIM}\n")
    result = check(repo, "site")
    assert result.exit_code == 1
    assert "claims.finance.guaranteed-return" in result.stdout
    assert "Skipped 3 files (not post files, or not read):" in result.stdout
    assert "  site/ci.yaml: not a post file" in result.stdout
    assert "  site/content/about.md: front matter is a page's, not a post's (title, draft)" in (
        result.stdout
    )
    assert "  site/README.md: Markdown without front matter" in result.stdout
    assert result.stdout.endswith("in 1 post (1 file). 3 files skipped.\n")
    summary = json.loads(check(repo, "site", "--format", "json").stdout)["summary"]
    assert [entry["path"] for entry in summary["skipped"]] == [
        "site/README.md",
        "site/ci.yaml",
        "site/content/about.md",
    ]


def test_a_post_with_front_matter_and_a_typo_is_still_a_post(repo):
    write(repo, "posts/a.md", "---\nplatform: x\nplatfrom: x\n---\nHello.\n")
    result = check(repo, "posts", "--format", "json")
    assert rules(result) == [("posts/a.md", 3, INVALID)]


# --- 4. a bad post or file is an error finding; the rest is still checked ---------------------


BAD_POSTS = f"""\
posts:
  - text: Fine one.
  - text: Hello Reddit.
    platform: reddit
  - text: Launch day.
    publish_at: next tuesday
  - text: [not, a, string]
  - text: Hi.
    colour: blue
  - text: {CLAIM}
"""


def test_each_bad_post_is_a_finding_at_its_line_and_the_others_are_checked(repo):
    write(repo, "posts.yaml", BAD_POSTS)
    result = check(repo, "posts.yaml", "--format", "json")
    assert result.exit_code == 1
    assert rules(result) == [
        ("posts.yaml", 4, INVALID),
        ("posts.yaml", 6, INVALID),
        ("posts.yaml", 7, INVALID),
        ("posts.yaml", 9, INVALID),
        ("posts.yaml", 10, "claims.finance.guaranteed-return"),
    ]
    findings = json.loads(result.stdout)["findings"]
    assert findings[0]["message"].startswith('unknown platform "reddit"')
    assert findings[0]["post"] == "2"
    assert {f["category"] for f in findings[:4]} == {"format"}
    assert {f["severity"] for f in findings[:4]} == {"error"}
    assert json.loads(result.stdout)["summary"]["posts"] == 2


def test_bad_posts_in_json_and_csv_are_findings_too(repo):
    write(
        repo,
        "a.json",
        json.dumps({"posts": [{"text": "a", "platform": "reddit"}, {"text": CLAIM}]}),
    )
    write(repo, "b.csv", f"text,sponsored\nhi,maybe\n{CLAIM},no\n")
    result = check(repo, "a.json", "b.csv", "--format", "json")
    assert result.exit_code == 1
    assert rules(result) == [
        ("a.json", 1, INVALID),
        ("a.json", 1, "claims.finance.guaranteed-return"),
        ("b.csv", 2, INVALID),
        ("b.csv", 3, "claims.finance.guaranteed-return"),
    ]


@pytest.mark.parametrize(
    ("name", "content", "line"),
    [
        ("a.yaml", "posts:\n  - text: ok\n  - text: [unclosed\n", 3),
        ("a.json", '{"posts": [\n{"text": "a",}]}', 2),
        ("a.csv", 'text,platform\nok,x\n"unterminated,x\n', 3),
        ("a.txt", b"\x89PNG\r\n\x1a\n\x00\x00", 1),
        ("a.md", "caf\u00e9\n".encode("latin-1"), 1),
        ("a.yaml", b"\xff\xfet\x00e\x00", 1),
    ],
)
def test_an_unreadable_file_is_a_finding_and_the_other_files_are_checked(repo, name, content, line):
    path = repo / "posts" / name
    path.parent.mkdir()
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    write(repo, "posts/z.txt", CLAIM)
    result = check(repo, "posts", "--format", "json")
    assert result.exit_code == 1
    assert rules(result) == [
        (f"posts/{name}", line, UNREADABLE),
        ("posts/z.txt", 1, "claims.finance.guaranteed-return"),
    ]


def test_a_file_over_the_size_limit_is_a_finding(repo, monkeypatch):
    from voicelint.readers import decode

    monkeypatch.setattr(decode, "MAX_BYTES", 100)
    write(repo, "big.txt", "x" * 200)
    write(repo, "small.txt", CLAIM)
    result = check(repo, "big.txt", "small.txt", "--format", "json")
    assert rules(result) == [
        ("big.txt", 1, UNREADABLE),
        ("small.txt", 1, "claims.finance.guaranteed-return"),
    ]
    assert "file too large" in json.loads(result.stdout)["findings"][0]["message"]


def test_format_findings_show_in_every_output_format(repo):
    write(repo, "bad.yaml", "posts:\n  - text: [unclosed\n")
    write(repo, "post.yaml", "posts:\n  - text: Hi.\n    platform: reddit\n")
    in_every_format(repo, ["bad.yaml"], UNREADABLE)
    in_every_format(repo, ["post.yaml"], INVALID)
    sarif = json.loads(check(repo, "post.yaml", "--format", "sarif").stdout)
    (run,) = sarif["runs"]
    assert INVALID in [rule["id"] for rule in run["tool"]["driver"]["rules"]]


def test_the_format_rules_are_documented(repo):
    for rule in (INVALID, UNREADABLE):
        result = run_cli(["explain", rule], repo)
        assert result.exit_code == 0, result.stderr
        assert result.stdout.startswith(f"{rule}  (format, error,")
        assert f"### `{rule}`" in (REPO / "docs" / "rules.md").read_text(encoding="utf-8")


def test_a_broken_policy_still_stops_the_run(repo):
    write(repo, "broken.yaml", "client: acme\nextends: [financ]\n")
    write(repo, "a.txt", "Hello.")
    result = run_cli(["check", "a.txt", "--policy", "broken.yaml"], repo)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1


def test_a_broken_policy_stops_the_run_even_when_no_post_can_be_read(repo):
    # no post asks for the policy, yet a broken policy is still an error of its own
    write(repo, "broken.yaml", "voice: [unclosed\n")
    write(repo, "posts.yaml", "posts:\n  - text: [unclosed\n")
    result = run_cli(["check", "posts.yaml", "--policy", "broken.yaml"], repo)
    assert result.exit_code == 2
    assert result.stderr.startswith("voicelint: broken.yaml:")
    assert result.stderr.count("\n") == 1


# --- 5. a scheduler export's own columns are ignored ------------------------------------------


def test_a_csv_with_columns_voicelint_does_not_know_is_read(repo):
    write(
        repo,
        "export.csv",
        f'Date,Message,Link,Image URL,Status\n2026-12-01T09:00:00Z,"{CLAIM}",https://x.example,,draft\n',
    )
    result = check(repo, "export.csv", "--format", "json")
    assert result.exit_code == 1
    (finding,) = json.loads(result.stdout)["findings"]
    assert finding["rule"] == "claims.finance.guaranteed-return"
    assert (finding["line"], finding["column"]) == (2, 23)


# --- 6. a lone CR is a line break -------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "line", "column"),
    [
        ("a.yaml", f"posts:\r  - text: Hello.\r  - text: {CLAIM}\r", 3, 11),
        ("a.json", f'{{"posts": [\r{{"text": "Hello."}},\r{{"text": "{CLAIM}"}}]}}', 3, 11),
        ("a.csv", f"text\rHello.\r{CLAIM}\r", 3, 1),
        ("a.md", f"---\rplatform: x\r---\rHello.\r{CLAIM}\r", 5, 1),
        ("a.txt", f"Hello.\r\r{CLAIM}", 3, 1),
    ],
)
def test_a_lone_cr_ends_a_line_in_every_format(repo, name, content, line, column):
    (repo / name).write_bytes(content.encode("utf-8"))
    result = check(repo, name, "--format", "json")
    (finding,) = json.loads(result.stdout)["findings"]
    assert (finding["line"], finding["column"]) == (line, column)


def test_a_lone_cr_places_a_bad_post_on_its_line(repo):
    (repo / "a.yaml").write_bytes(b"posts:\r  - text: ok\r  - text: hi\r    platform: reddit\r")
    assert rules(check(repo, "a.yaml", "--format", "json")) == [("a.yaml", 4, INVALID)]
    (repo / "b.json").write_bytes(b'{"posts": [\r{"text": "ok"},\r{"text": "a",}]}')
    assert rules(check(repo, "b.json", "--format", "json")) == [("b.json", 3, UNREADABLE)]


# --- 7. FIFOs, devices, symlinks out of the tree ----------------------------------------------


def run_process(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    """The CLI in its own process, so a hang fails the test instead of blocking the suite."""
    source = Path(voicelint.__file__).resolve().parents[1]  # the code under test, not another
    return subprocess.run(
        [sys.executable, "-m", "voicelint", "check", *args, "--no-cache"],
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(source)},
        capture_output=True,
        text=True,
        timeout=30,
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_in_a_walk_is_skipped_without_opening_it(repo):
    write(repo, "posts/a.txt", CLAIM)
    os.mkfifo(repo / "posts" / "pipe.yaml")
    started = time.monotonic()
    result = run_process(["posts", "--policy", "acme.yaml"], repo)
    assert time.monotonic() - started < 30
    assert result.returncode == 1
    assert "claims.finance.guaranteed-return" in result.stdout
    assert "  posts/pipe.yaml: a FIFO, not read" in result.stdout


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_walked_txt_linked_to_dev_zero_is_not_read(repo):
    write(repo, "posts/a.txt", CLAIM)
    (repo / "posts" / "zero.txt").symlink_to("/dev/zero")
    result = run_process(["posts", "--policy", "acme.yaml"], repo)
    assert result.returncode == 1
    assert "  posts/zero.txt: symlink to a file outside the checked directory, not read" in (
        result.stdout
    )


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_device_inside_the_tree_is_skipped(repo, tmp_path_factory):
    write(repo, "posts/a.txt", CLAIM)
    (repo / "posts" / "dev").symlink_to("/dev")
    # a link inside the walked directory whose target is a device: allowed by place, not by type
    (repo / "posts" / "zero.txt").symlink_to("dev/zero")
    result = run_process(["posts", "--policy", "acme.yaml"], repo)
    assert result.returncode == 1
    assert "posts/zero.txt: " in result.stdout and "not read" in result.stdout


def test_a_symlink_out_of_the_walked_tree_is_refused_and_never_quoted(repo, tmp_path_factory):
    secret = tmp_path_factory.mktemp("elsewhere") / "secret.yaml"
    secret.write_text("text: SECRET-LINE Guaranteed returns\n", encoding="utf-8")
    write(repo, "posts/a.txt", "Hello.")
    (repo / "posts" / "leak.yaml").symlink_to(secret)
    for output in FORMATS:
        result = check(repo, "posts", "--format", output)
        assert result.exit_code == 0, output
        assert "SECRET" not in result.stdout + result.stderr
    result = check(repo, "posts")
    assert "  posts/leak.yaml: symlink to a file outside the checked directory, not read" in (
        result.stdout
    )


def test_a_symlink_inside_the_walked_tree_is_read(repo):
    write(repo, "posts/common/a.txt", CLAIM)
    (repo / "posts" / "b.txt").symlink_to("common/a.txt")
    result = check(repo, "posts", "--format", "json")
    assert [path for path, _, _ in rules(result)] == ["posts/b.txt", "posts/common/a.txt"]


def test_a_named_symlink_is_read_if_regular_but_refused_in_hook_mode(repo, tmp_path_factory):
    outside = tmp_path_factory.mktemp("elsewhere") / "draft.txt"
    outside.write_text(CLAIM, encoding="utf-8")
    (repo / "draft.txt").symlink_to(outside)
    result = check(repo, "draft.txt", "--format", "json")  # named by the user: read
    assert rules(result) == [("draft.txt", 1, "claims.finance.guaranteed-return")]
    result = check(repo, "draft.txt", "--skip-non-posts", "--allow-empty")  # handed by a commit
    assert result.exit_code == 0
    assert "  draft.txt: symlink to a file outside the checked directory, not read" in result.stdout


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_named_device_is_a_finding_not_a_hang(repo):
    (repo / "zero.txt").symlink_to("/dev/zero")
    write(repo, "a.txt", "Hello.")
    result = run_process(["zero.txt", "a.txt", "--policy", "acme.yaml"], repo)
    assert result.returncode == 1
    assert f"zero.txt:1:1: error {UNREADABLE} a device, not a post file" in result.stdout


# --- 8. alias bombs, huge integers, lone surrogates -------------------------------------------


def test_three_thousand_aliases_of_one_post_finish_fast(repo):
    big = "x" * 300_000
    body = "".join("  - *p\n" for _ in range(3000))
    write(repo, "bomb.yaml", f"posts:\n  - &p\n    text: {big}\n{body}")
    write(repo, "ok.txt", CLAIM)
    started = time.monotonic()
    result = check(repo, "bomb.yaml", "ok.txt", "--format", "json")
    assert time.monotonic() - started < 10
    assert result.exit_code == 1
    (bomb, claim) = rules(result)
    assert bomb[0::2] == ("bomb.yaml", UNREADABLE)
    assert claim == ("ok.txt", 1, "claims.finance.guaranteed-return")


def test_aliases_of_defaults_in_each_post_are_fine(repo):
    posts = "".join(f"  - <<: *d\n    text: Post {n}.\n" for n in range(2000))
    write(repo, "a.yaml", f"x-defaults: &d\n  platform: x\nposts:\n{posts}")
    write(repo, "b.yaml", f"posts:\n  - &d\n    text: {CLAIM}\n  - *d\n")
    result = check(repo, "b.yaml", "--format", "json")
    assert [rule for _, _, rule in rules(result)] == ["claims.finance.guaranteed-return"] * 2


def test_an_integer_past_python_s_digit_limit_is_a_finding(repo):
    write(repo, "a.json", '{"posts": [{"text": "hi", "id": ' + "9" * 5000 + "}]}")
    write(repo, "b.txt", CLAIM)
    for output in FORMATS:
        result = check(repo, "a.json", "b.txt", "--format", output)
        assert result.exit_code == 1, (output, result.stderr)
        assert UNREADABLE in result.stdout
        assert "Traceback" not in result.stdout + result.stderr


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("a.json", '[{"id": "p\\ud800", "text": "Guaranteed returns \\ud800 every day."}]'),
        (
            "b.json",
            '{"posts": [{"id": "\\udfff", "text": "Guaranteed returns.", "campaign": "\\ud800"}]}',
        ),
        ("c.yaml", 'posts:\n  - id: "p\\ud800"\n    text: "Guaranteed returns \\ud800."\n'),
    ],
)
def test_a_lone_surrogate_escape_breaks_no_output_format(repo, name, content):
    write(repo, name, content)
    for output in FORMATS:
        result = check(repo, name, "--format", output)
        assert result.exit_code == 1, (output, result.stdout, result.stderr)
        assert "Traceback" not in result.stdout + result.stderr
        result.stdout.encode("utf-8")
        if output in ("json", "sarif"):
            json.loads(result.stdout)
        if output == "junit":
            ET.fromstring(result.stdout.encode("utf-8"))


def test_a_lone_surrogate_becomes_a_replacement_character_in_place(repo):
    write(repo, "a.json", '[{"id": "p\\ud800", "text": "Hi \\ud800 Guaranteed returns."}]')
    (finding,) = json.loads(check(repo, "a.json", "--format", "json").stdout)["findings"]
    assert (finding["post"], finding["match"], finding["column"]) == (
        "p\ufffd",
        "Guaranteed returns",
        39,
    )


# --- 9. a file name that is not UTF-8 ---------------------------------------------------------


@pytest.mark.skipif(sys.platform in ("darwin", "win32"), reason="needs byte file names")
def test_a_non_utf8_file_name_breaks_no_output_format(repo):
    (repo / "posts").mkdir()
    name = os.path.join(os.fsencode(repo / "posts"), b"caf\xe9.txt")
    with open(name, "wb") as handle:
        handle.write(CLAIM.encode("utf-8"))
    for output in FORMATS:
        result = check(repo, "posts", "--format", output)
        assert result.exit_code == 1, (output, result.stderr)
        assert "Traceback" not in result.stdout + result.stderr
        if output == "json":
            (finding,) = json.loads(result.stdout)["findings"]
            assert finding["path"] == "posts/caf\\xe9.txt"
        if output == "junit":
            ET.fromstring(result.stdout.encode("utf-8"))


def test_a_bad_post_on_stdin_is_a_finding_too(repo):
    draft = f"posts:\n  - text: hi\n    platform: reddit\n  - text: {CLAIM}\n"
    result = run_cli(
        ["check", "-", "--stdin-format", "yaml", "--policy", "acme.yaml", "--format", "json"],
        repo,
        stdin=draft,
    )
    assert result.exit_code == 1
    assert rules(result) == [
        ("<stdin>", 3, INVALID),
        ("<stdin>", 4, "claims.finance.guaranteed-return"),
    ]


def test_junit_names_the_test_case_of_an_unreadable_file(tmp):
    write(tmp, "broken.yaml", 'posts: [{text: "never closed}]\n')
    result = run_cli(["check", "broken.yaml", "--format", "junit"], tmp)
    assert result.exit_code == 1
    import xml.etree.ElementTree as ET

    (case,) = ET.fromstring(result.stdout).iter("testcase")
    assert case.get("name") == "the file"
    assert case.find("failure").get("type") == "format.unreadable-file"
