"""The pre-commit hook end to end, as a content repo uses it: a commit with a forbidden claim is
refused with the finding, a clean one goes through.

pre-commit clones the hook's repository at ``rev:``, so the test first copies this working tree
into a throwaway git repository and commits it there. pip in the hook's virtualenv finds the
dependencies already installed for the test run (on PYTHONPATH), so it installs voicelint alone.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
IGNORED = shutil.ignore_patterns(
    ".git", ".venv", "venv", "__pycache__", ".pytest_cache", ".ruff_cache", ".hypothesis",
    ".benchmarks", "*.egg-info", "build", "dist",
)  # fmt: skip
GIT_IDENTITY = ["-c", "user.name=Test", "-c", "user.email=test@example.com"]

pytestmark = pytest.mark.skipif(
    shutil.which("git") is None or shutil.which("pre-commit") is None,
    reason="needs git and pre-commit",
)


def git(cwd: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["git", *GIT_IDENTITY, *args], cwd=cwd, env=env, capture_output=True, text=True
    )


@pytest.fixture(scope="module")
def content_repo(tmp_path_factory):
    """A content repo whose .pre-commit-config.yaml is the README's block, pointing at a commit
    of this project by local path; the hook is installed once for the module."""
    base = tmp_path_factory.mktemp("precommit")
    hook_repo = base / "voicelint"
    shutil.copytree(REPO, hook_repo, ignore=IGNORED)
    assert git(hook_repo, "init", "-q", "-b", "main").returncode == 0
    git(hook_repo, "add", "-A")
    assert git(hook_repo, "commit", "-q", "-m", "voicelint under test").returncode == 0
    rev = git(hook_repo, "rev-parse", "HEAD").stdout.strip()

    repo = base / "content"
    (repo / "policies").mkdir(parents=True)
    shutil.copy(REPO / "policies" / "acme-bank.yaml", repo / "policies")
    (repo / ".pre-commit-config.yaml").write_text(
        f"""repos:
  - repo: {hook_repo}
    rev: {rev}
    hooks:
      - id: voicelint
        args: [--policies, policies]
""",
        encoding="utf-8",
    )
    site_packages = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(base / "cache"),
        "PYTHONPATH": os.pathsep.join(sorted(site_packages)),
        "PRE_COMMIT_COLOR": "never",
    }
    env.pop("VIRTUAL_ENV", None)
    if importlib.util.find_spec("hatchling") is not None:
        # pip reads its "no-" options inverted: 0 turns build isolation off; with the build
        # backend at hand nothing needs an index
        env.update(PIP_NO_BUILD_ISOLATION="0", PIP_NO_INDEX="1")
    assert git(repo, "init", "-q", "-b", "main").returncode == 0
    installed = subprocess.run(
        [sys.executable, "-m", "pre_commit", "install", "--install-hooks"]
        if importlib.util.find_spec("pre_commit") is not None
        else ["pre-commit", "install", "--install-hooks"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
    )
    assert installed.returncode == 0, installed.stdout + installed.stderr
    git(repo, "add", ".pre-commit-config.yaml", "policies")
    first = git(repo, "commit", "-q", "-m", "policies", env=env)
    assert first.returncode == 0, first.stdout + first.stderr  # a policy file is not a post
    return repo, env


def write_post(repo: Path, name: str, text: str) -> None:
    path = repo / "posts" / name
    path.parent.mkdir(exist_ok=True)
    path.write_text(
        f'client: acme-bank\nposts:\n  - id: p1\n    platform: x\n    text: "{text}"\n',
        encoding="utf-8",
    )


def test_a_clean_post_is_committed(content_repo):
    repo, env = content_repo
    write_post(repo, "clean.yaml", "Our branches open at 9am on weekdays.")
    git(repo, "add", "posts/clean.yaml")
    result = git(repo, "commit", "-m", "clean post", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (
        "voicelint" in result.stdout + result.stderr and "Passed" in result.stdout + result.stderr
    )


def test_a_forbidden_claim_refuses_the_commit_with_the_finding(content_repo):
    repo, env = content_repo
    write_post(repo, "claim.yaml", "Earn guaranteed returns with the Acme Growth Fund.")
    git(repo, "add", "posts/claim.yaml")
    result = git(repo, "commit", "-m", "claim", env=env)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert (
        'posts/claim.yaml:5:17: error claims.finance.guaranteed-return "guaranteed returns"'
    ) in output
    # only the changed post file was checked, not posts/clean.yaml from the earlier commit
    assert "in 1 post (1 file)" in output
    assert git(repo, "log", "--format=%s").stdout.split("\n")[0] != "claim"
    git(repo, "reset", "-q", "posts/claim.yaml")
    (repo / "posts" / "claim.yaml").unlink()


def test_the_same_files_in_ci_formats_point_at_the_right_file_and_line(content_repo):
    import json

    from click.testing import CliRunner

    from voicelint.cli import main

    repo, _env = content_repo
    write_post(repo, "ci.yaml", "Earn guaranteed returns with the Acme Growth Fund.")
    old = Path.cwd()
    os.chdir(repo)
    try:
        github = CliRunner().invoke(
            main, ["check", "posts/ci.yaml", "--policies", "policies", "--format", "github"]
        )
        sarif = CliRunner().invoke(
            main, ["check", "posts/ci.yaml", "--policies", "policies", "--format", "sarif"]
        )
    finally:
        os.chdir(old)
        (repo / "posts" / "ci.yaml").unlink()
    assert github.exit_code == sarif.exit_code == 1
    assert github.stdout.startswith(
        "::error file=posts/ci.yaml,line=5,endLine=5,col=17,endColumn=35,"
        "title=voicelint claims.finance.guaranteed-return::"
    )
    (result,) = json.loads(sarif.stdout)["runs"][0]["results"]
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "posts/ci.yaml"
    assert (location["region"]["startLine"], location["region"]["startColumn"]) == (5, 17)
