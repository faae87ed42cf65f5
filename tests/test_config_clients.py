"""Configuration: client-by-path globs, default format and fail level; command-line options win."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import run_cli, write
from voicelint.config import discover
from voicelint.runner import glob_regex

HYPE_POLICY = """
client: {client}
custom_rules:
  - id: tone.{client}.hype
    kind: phrase
    category: tone
    severity: error
    summary: Hype.
    why: Brand guide.
    message: 'Drop "{{match}}".'
    terms: [game-changer]
    examples: {{fire: ["A game-changer."], pass: ["A blender."]}}
"""


def run(args: list[str], cwd: Path, stdin: str | None = None):
    return run_cli(args, cwd, stdin)


def content_repo(tmp_path: Path, config: str, name: str = "voicelint.yaml") -> Path:
    write(tmp_path, name, config)
    for client in ("acme", "harbor"):
        write(tmp_path, f"brand-policies/{client}.yaml", HYPE_POLICY.format(client=client))
    write(tmp_path, "clients/acme/2026/week48.yaml", "posts:\n  - text: A game-changer.\n")
    write(tmp_path, "clients/harbor/nov.md", "---\nid: h1\n---\nA game-changer.\n")
    write(tmp_path, "common/draft.txt", "A game-changer.\n")
    return tmp_path


YAML_CONFIG = """
policies: brand-policies
client: harbor
format: json
fail_on: never
clients:
  "clients/acme/**": acme
  "clients/harbor/*.md": harbor
"""


def rules_by_path(result) -> dict[str, str]:
    return {f["path"]: f["rule"] for f in json.loads(result.stdout)["findings"]}


def test_globs_give_each_path_its_client_and_the_default_the_rest(tmp_path):
    content_repo(tmp_path, YAML_CONFIG)
    result = run(["check", "clients", "common"], tmp_path)
    assert result.exit_code == 0  # fail_on: never
    assert rules_by_path(result) == {
        "clients/acme/2026/week48.yaml": "tone.acme.hype",
        "clients/harbor/nov.md": "tone.harbor.hype",
        "common/draft.txt": "tone.harbor.hype",
    }


def test_globs_match_from_the_config_root_whatever_the_current_directory(tmp_path):
    content_repo(tmp_path, YAML_CONFIG)
    result = run(["check", "2026/week48.yaml"], tmp_path / "clients" / "acme")
    assert rules_by_path(result) == {"2026/week48.yaml": "tone.acme.hype"}


def test_command_line_options_win_over_the_configuration(tmp_path):
    content_repo(tmp_path, YAML_CONFIG)
    result = run(
        ["check", "clients/acme", "--client", "harbor", "--format", "text", "--fail-on", "error"],
        tmp_path,
    )
    assert result.exit_code == 1
    assert "error tone.harbor.hype" in result.stdout


def test_a_post_naming_its_client_wins_over_the_glob(tmp_path):
    content_repo(tmp_path, YAML_CONFIG)
    write(tmp_path, "clients/acme/x.yaml", "client: harbor\ntext: A game-changer.\n")
    result = run(["check", "clients/acme/x.yaml"], tmp_path)
    assert rules_by_path(result) == {"clients/acme/x.yaml": "tone.harbor.hype"}


def test_pyproject_table_works_the_same(tmp_path):
    config = """
    [tool.voicelint]
    policies = "brand-policies"
    format = "json"

    [tool.voicelint.clients]
    "clients/acme/**" = "acme"
    """
    content_repo(tmp_path, config, "pyproject.toml")
    assert discover(tmp_path).clients == (("clients/acme/**", "acme"),)
    result = run(["check", "clients/acme"], tmp_path)
    assert rules_by_path(result) == {"clients/acme/2026/week48.yaml": "tone.acme.hype"}


def test_clients_must_map_globs_to_client_ids(tmp_path):
    write(tmp_path, "voicelint.yaml", "clients: [acme]\n")
    result = run(["check", "."], tmp_path)
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "voicelint: " + str(tmp_path / "voicelint.yaml") + ":1: clients must map path globs"
    )


def test_a_format_in_the_configuration_may_be_a_ci_format(tmp_path):
    content_repo(tmp_path, YAML_CONFIG.replace("format: json", "format: github"))
    result = run(["check", "clients/acme"], tmp_path)
    assert result.stdout.startswith("::error file=clients/acme/2026/week48.yaml,line=2,")


@pytest.mark.parametrize(
    ("pattern", "path", "matches"),
    [
        ("clients/acme/**", "clients/acme/2026/week48.yaml", True),
        ("clients/acme/**", "clients/acme-old/a.yaml", False),
        ("clients/acme/", "clients/acme/a.yaml", True),
        ("clients/*/x.md", "clients/acme/x.md", True),
        ("clients/*/x.md", "clients/acme/2026/x.md", False),
        ("**/acme/*.csv", "acme/a.csv", True),
        ("**/acme/*.csv", "deep/er/acme/a.csv", True),
        ("posts/week?.yaml", "posts/week1.yaml", True),
        ("posts/week?.yaml", "posts/week12.yaml", False),
    ],
)
def test_glob_semantics(pattern, path, matches):
    assert bool(glob_regex(pattern).fullmatch(path)) is matches
