"""Issue 12, the writing side: the report never overwrites an input nor replaces what is not a
file, the cache cannot be forged or fooled, workers never hang or spill tracebacks, and every
format survives hostile strings, in file, line and column order."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from xml.etree import ElementTree as ET

import jsonschema
import pytest

from conftest import run_cli, write
from voicelint import cache, runner

SCHEMA = Path(__file__).resolve().parent / "data" / "sarif-schema-2.1.0.json"
POLICY = """
client: acme
voice:
  register: formal
  banned_terms: [cheap, pricey]
rules:
  tone.banned-term: error
"""
POSTS = """
posts:
  - id: p1
    client: acme
    text: "Our cheap coffee is back."
  - id: p2
    client: acme
    text: "Doors open at nine on Saturday."
"""


def project(tmp: Path) -> Path:
    write(tmp, "policies/acme.yaml", POLICY)
    write(tmp, "posts/week.yaml", POSTS)
    return tmp


def one_line(result) -> str:
    """The single stderr line of a run that stopped (exit 2), never a traceback."""
    assert result.exit_code == 2, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("voicelint: "), result.stderr
    assert "internal error" not in lines[0] and "Traceback" not in result.stderr
    return lines[0]


# --- --output never overwrites an input, never replaces what is not a regular file -----------


def test_output_naming_the_post_file_is_refused_and_the_file_kept(tmp):
    project(tmp)
    before = (tmp / "posts/week.yaml").read_text()
    result = run_cli(["check", "posts/week.yaml", "-o", "posts/week.yaml"], tmp)
    assert "overwrite posts/week.yaml" in one_line(result)
    assert (tmp / "posts/week.yaml").read_text() == before


def test_output_naming_a_walked_post_file_by_another_spelling_is_refused(tmp):
    project(tmp)
    before = (tmp / "posts/week.yaml").read_text()
    target = str(tmp / "posts" / ".." / "posts" / "week.yaml")
    result = run_cli(["check", "posts", "--format", "json", "-o", target], tmp)
    one_line(result)
    assert (tmp / "posts/week.yaml").read_text() == before


def test_output_naming_the_policy_is_refused_and_the_policy_kept(tmp):
    project(tmp)
    result = run_cli(["check", "posts", "-o", "policies/acme.yaml"], tmp)
    assert "policies/acme.yaml" in one_line(result)
    assert (tmp / "policies/acme.yaml").read_text() == textwrap.dedent(POLICY).lstrip("\n")


def test_output_naming_a_pack_the_policy_extends_is_refused(tmp):
    pack = """
    pack: house
    rules:
      - id: house.no-saturday
        kind: phrase
        category: tone
        severity: error
        summary: "No Saturday."
        why: "House style."
        message: "Avoid {match}."
        terms: [saturday]
        examples:
          fire: ["A saturday sale."]
          pass: ["A good day."]
    """
    write(tmp, "policies/acme.yaml", "client: acme\nextends: [../house.yaml]\n")
    write(tmp, "house.yaml", pack)
    write(tmp, "posts/week.yaml", POSTS)
    before = (tmp / "house.yaml").read_text()
    one_line(run_cli(["check", "posts", "-o", "house.yaml"], tmp))
    assert (tmp / "house.yaml").read_text() == before


def test_output_naming_the_configuration_is_refused(tmp):
    project(tmp)
    write(tmp, "voicelint.yaml", "policies: policies\n")
    one_line(run_cli(["check", "posts", "-o", "voicelint.yaml"], tmp))
    assert (tmp / "voicelint.yaml").read_text() == "policies: policies\n"


def test_output_that_is_a_hard_link_to_an_input_is_refused(tmp):
    project(tmp)
    os.link(tmp / "posts/week.yaml", tmp / "report.txt")
    one_line(run_cli(["check", "posts", "-o", "report.txt"], tmp))
    assert (tmp / "report.txt").read_text() == (tmp / "posts/week.yaml").read_text()


def test_output_dash_is_stdout(tmp):
    project(tmp)
    result = run_cli(["check", "posts", "--format", "json", "-o", "-"], tmp)
    assert result.exit_code == 1
    assert json.loads(result.stdout)["summary"]["findings"] == 1
    assert not (tmp / "-").exists()


def test_output_into_a_fifo_writes_into_it_and_keeps_it(tmp):
    project(tmp)
    fifo = tmp / "report.fifo"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # a reader waits, as `cat fifo` would
    try:
        result = run_cli(["check", "posts", "--format", "json", "-o", str(fifo)], tmp)
        assert result.exit_code == 1, result.output
        assert stat.S_ISFIFO(os.lstat(fifo).st_mode)  # never replaced by a regular file
        received = b""
        while chunk := os.read(reader, 65536):
            received += chunk
    finally:
        os.close(reader)
    assert json.loads(received)["summary"]["findings"] == 1


def test_output_through_a_symlink_keeps_the_link(tmp):
    project(tmp)
    (tmp / "reports").mkdir()
    (tmp / "reports/latest.json").write_text("old report\n")
    (tmp / "report.json").symlink_to("reports/latest.json")
    result = run_cli(["check", "posts", "--format", "json", "-o", "report.json"], tmp)
    assert result.exit_code == 1, result.output
    assert (tmp / "report.json").is_symlink()
    assert json.loads((tmp / "reports/latest.json").read_text())["summary"]["posts"] == 2


def test_an_existing_report_keeps_its_mode_and_a_new_one_follows_the_umask(tmp):
    project(tmp)
    old = tmp / "old.json"
    old.write_text("previous\n")
    old.chmod(0o640)
    previous_mask = os.umask(0o022)
    try:
        run_cli(["check", "posts", "--format", "json", "-o", "old.json"], tmp)
        run_cli(["check", "posts", "--format", "json", "-o", "new.json"], tmp)
    finally:
        os.umask(previous_mask)
    assert stat.S_IMODE(old.stat().st_mode) == 0o640
    assert stat.S_IMODE((tmp / "new.json").stat().st_mode) == 0o644
    assert json.loads(old.read_text())["summary"]["posts"] == 2


@pytest.mark.parametrize("target", ["", ".", "posts"])
def test_output_naming_a_directory_is_one_line(tmp, target):
    project(tmp)
    assert "is a directory" in one_line(run_cli(["check", "posts", "-o", target], tmp))
    assert sorted(p.name for p in tmp.iterdir()) == ["policies", "posts"]


# --- the cache ----------------------------------------------------------------------------------


def entries(directory: Path) -> list[Path]:
    return sorted(directory.rglob("*.json"))


def findings(tmp: Path, *args: str) -> list[tuple[str, int, int]]:
    result = run_cli(["check", *args, "--format", "json"], tmp)
    assert result.exit_code in (0, 1), result.output
    return [(f["rule"], f["line"], f["column"]) for f in json.loads(result.stdout)["findings"]]


def test_the_default_cache_is_in_the_users_cache_directory(tmp, monkeypatch):
    project(tmp)
    monkeypatch.delenv("VOICELINT_CACHE_DIR")
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp / "home"))
    findings(tmp, "posts")
    assert len(entries(tmp / "home/.cache/voicelint")) == 1
    assert not (tmp / ".voicelint_cache").exists()
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/ignored")  # the XDG rule: absolute only
    assert cache.default_directory() == tmp / "home/.cache/voicelint"


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_a_cache_that_git_tracks_is_not_read(tmp, monkeypatch):
    """A forged entry, committed with `git add -f`, must not make a fresh clone pass."""
    project(tmp)
    directory = tmp / ".voicelint_cache"
    monkeypatch.setenv("VOICELINT_CACHE_DIR", str(directory))
    assert findings(tmp, "posts") == [("tone.banned-term", 4, 16)]
    for entry in entries(directory):
        data = json.loads(entry.read_text())
        for result in data["results"]:
            result["findings"] = []
        entry.write_text(json.dumps(data))
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", "-C", str(tmp)]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-f", "."], check=True)
    subprocess.run([*git, "commit", "-qm", "forged"], check=True)
    result = run_cli(["check", "posts", "--format", "json"], tmp)
    assert result.exit_code == 1
    assert [f["rule"] for f in json.loads(result.stdout)["findings"]] == ["tone.banned-term"]
    assert "tracked by git" in result.stderr and len(result.stderr.splitlines()) == 1


def test_relative_and_absolute_paths_share_one_entry(tmp, private_cache):
    project(tmp)
    relative = findings(tmp, "posts")
    (entry,) = entries(private_cache)
    stamp = entry.stat().st_mtime_ns
    result = run_cli(["check", str(tmp / "posts"), "--format", "json"], tmp)
    assert entries(private_cache) == [entry] and entry.stat().st_mtime_ns == stamp
    (finding,) = json.loads(result.stdout)["findings"]
    assert finding["path"] == str(tmp / "posts" / "week.yaml")  # named as this run names it
    assert [(finding["rule"], finding["line"], finding["column"])] == relative


def test_the_key_changes_with_the_version_of_a_library(monkeypatch):
    before = cache.code_digest.__wrapped__()
    real = cache.metadata.version

    def version(name: str) -> str:
        return "99.0.0" if name.lower() == "spacy" else real(name)

    monkeypatch.setattr(cache.metadata, "version", version)
    assert cache.code_digest.__wrapped__() != before


MALFORMED = {
    "a list": "[]",
    "results not a list": '{"results": 5}',
    "a null result": '{"results": [null, null]}',
    "too few results": '{"results": [{"findings": [], "suppressed": []}]}',
    "a finding missing keys": '{"results": [{"findings": [{"path": "x"}], "suppressed": []},'
    ' {"findings": [], "suppressed": []}]}',
    "a line that is text": None,  # built below from a real entry
    "an unknown severity": None,
    "a bad expiry date": '{"results": [{"findings": [], "suppressed": [{"path": "p", "post": "1",'
    ' "rule": "r", "line": 1, "reason": null, "approved_by": null, "expires": "soon",'
    ' "finding": null}]}, {"findings": [], "suppressed": []}]}',
    "deep nesting": "[" * 100_000,
    "a huge number": '{"results": ' + "9" * 5000 + "}",
}


@pytest.mark.parametrize("name", list(MALFORMED))
def test_a_malformed_entry_is_a_miss(tmp, private_cache, name):
    project(tmp)
    expected = findings(tmp, "posts")
    (entry,) = entries(private_cache)
    text = MALFORMED[name]
    if text is None:
        data = json.loads(entry.read_text())
        finding = data["results"][0]["findings"][0]
        if name == "a line that is text":
            finding["line"] = "4"
        else:
            finding["severity"] = "fatal"
        text = json.dumps(data)
    entry.write_text(text)
    result = run_cli(["check", "posts", "--format", "json"], tmp)
    assert result.exit_code == 1 and result.stderr == "", result.output
    got = [(f["rule"], f["line"], f["column"]) for f in json.loads(result.stdout)["findings"]]
    assert got == expected


# --- worker processes ---------------------------------------------------------------------------


def test_jobs_is_capped_at_the_cores(monkeypatch):
    monkeypatch.setattr(runner.os, "sched_getaffinity", lambda _: {0, 1}, raising=False)
    assert runner._processes(100_000, 1_000_000) == 2
    assert runner._processes(None, 1_000_000) == 2


def many_posts(tmp: Path, count: int = 8) -> None:
    write(tmp, "policies/acme.yaml", POLICY)
    items = [{"id": f"p{i}", "client": "acme", "text": "Cheap coffee."} for i in range(count)]
    write(tmp, "posts/many.json", json.dumps({"posts": items}))


WORKER_SCRIPT = """
import os, signal, sys, time
from voicelint import runner
from voicelint.cli import main

parent = os.getpid()
real = runner.lint_post


def lint_post(compiled, post, now=None):
    if os.getpid() != parent:
        {action}
    return real(compiled, post, now)


runner.lint_post = lint_post
runner._cores = lambda: 2  # two workers even on a one-core machine
signal.signal(signal.SIGINT, signal.default_int_handler)  # as at a terminal
sys.argv = ["voicelint", "check", "posts", "--no-cache", "-j", "2"]
main()
"""


def start_worker_script(tmp: Path, action: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(Path(runner.__file__).parents[1])}
    return subprocess.Popen(
        [sys.executable, "-c", WORKER_SCRIPT.replace("{action}", action)],
        cwd=tmp,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, to signal it as a terminal would
    )


def finish(process: subprocess.Popen, timeout: float = 60) -> tuple[int, str]:
    try:
        _, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        pytest.fail("voicelint hung")
    return process.returncode, stderr


def test_a_killed_worker_fails_the_run_with_one_line(tmp):
    many_posts(tmp)
    process = start_worker_script(tmp, "os.kill(os.getpid(), signal.SIGKILL)")
    code, stderr = finish(process)
    assert code == 2
    assert stderr.startswith("voicelint: a worker process died"), stderr
    assert len(stderr.splitlines()) == 1


def test_ctrl_c_during_jobs_is_one_line_and_exit_130(tmp):
    many_posts(tmp)
    marker = tmp / "started"
    process = start_worker_script(tmp, f"open({str(marker)!r}, 'a').close(); time.sleep(60)")
    deadline = time.monotonic() + 60
    while not marker.exists() and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
    assert marker.exists(), "no worker started"
    os.killpg(process.pid, signal.SIGINT)  # Ctrl-C reaches the whole foreground group
    code, stderr = finish(process)
    assert (code, stderr) == (130, "voicelint: interrupted\n")


# --- stdout that cannot be written ----------------------------------------------------------------


def run_module(tmp: Path, args: list[str], stdout) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(Path(runner.__file__).parents[1])}
    return subprocess.run(
        [sys.executable, "-m", "voicelint", *args],
        cwd=tmp,
        env=env,
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        timeout=60,
    )


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_stdout_on_a_full_disk_is_one_line(tmp):
    project(tmp)
    with open("/dev/full", "w") as full:
        done = run_module(tmp, ["check", "posts"], full)
    assert done.returncode == 2
    assert done.stderr.startswith("voicelint: cannot write the report to stdout: No space left")
    assert len(done.stderr.splitlines()) == 1


def test_stdout_on_a_closed_pipe_ends_quietly_and_not_zero(tmp):
    project(tmp)
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader left, as `| head -1` does
    try:
        done = run_module(tmp, ["check", "posts", "--fail-on", "never"], write_end)
    finally:
        os.close(write_end)
    assert done.returncode != 0
    assert done.stderr == ""


# --- hostile strings in every format --------------------------------------------------------------


def hostile(tmp: Path) -> None:
    """A post id with a lone surrogate and a control character, an author with an escape
    sequence, a campaign that is a lone surrogate, in a file whose name is not UTF-8."""
    write(tmp, "policies/acme.yaml", POLICY)
    posts = (
        '{"posts": [{"id": "a\\ud800\\u0001b", "client": "acme", "author": "\\u001b[31mred",'
        ' "campaign": "\\udc00", "text": "Our cheap coffee is back."}]}'
    )
    (tmp / "posts").mkdir()
    (tmp / os.fsdecode(b"posts/week\xff.json")).write_text(posts, encoding="utf-8")


@pytest.mark.parametrize("output_format", ["json", "sarif", "junit", "github", "text"])
def test_every_format_survives_hostile_strings(tmp, output_format):
    hostile(tmp)
    result = run_cli(["check", "posts", "--format", output_format, "--no-color"], tmp)
    assert result.exit_code == 1, result.output
    assert result.stderr == ""
    out = result.stdout_bytes.decode("utf-8")  # valid UTF-8 throughout
    if output_format == "json":
        (finding,) = json.loads(out)["findings"]
        assert finding["post"] == "a\ufffd\x01b" and finding["author"] == "\x1b[31mred"
    elif output_format == "sarif":
        document = json.loads(out)
        jsonschema.validate(document, json.loads(SCHEMA.read_text(encoding="utf-8")))
        (found,) = document["runs"][0]["results"]
        uri = found["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert uri == "posts/week%FF.json"  # the name's own bytes
    elif output_format == "junit":
        root = ET.fromstring(out.encode("utf-8"))
        (case,) = root.iter("testcase")
        assert case.get("name") == "post a\ufffd\ufffdb"
    elif output_format == "github":
        (line,) = out.splitlines()
        # the readers show a byte that is not UTF-8 as \xNN (readers.display_name)
        assert line.startswith("::error file=posts/week\\xff.json,line=1,")
    else:
        assert "posts/week\\xff.json:1:" in out


# --- JUnit: one failure per failed post ---------------------------------------------------------


def test_junit_has_one_failure_per_post_and_counts_failed_posts(tmp):
    project(tmp)
    write(tmp, "posts/week.yaml", POSTS.replace("Our cheap coffee", "Cheap and pricey coffee"))
    result = run_cli(["check", "posts", "--format", "junit"], tmp)
    root = ET.fromstring(result.stdout)
    cases = root.findall("./testsuite/testcase")
    assert [len(c.findall("failure")) for c in cases] == [1, 0]
    assert root.get("failures") == "1" and root.find("testsuite").get("failures") == "1"
    failure = cases[0].find("failure")
    assert failure.get("type") == "tone.banned-term"
    assert failure.get("message").startswith("2 findings (2 error)")
    assert [line.split(": ")[0] for line in failure.text.splitlines()] == [
        "posts/week.yaml:4:12",
        "posts/week.yaml:4:22",
    ]


# --- order ----------------------------------------------------------------------------------------


def test_findings_are_sorted_by_file_line_and_column_in_every_format(tmp):
    write(tmp, "policies/acme.yaml", POLICY)
    write(
        tmp,
        "b.yaml",
        """
        posts:
          - id: p1
            client: acme
            text: "Our cheap coffee is back."
            voicelint: {allow: [tone.banned-term], reason: "quoted", expires: 2026-12-01}
        """,
    )
    write(tmp, "a.yaml", POSTS)
    expected = [
        ("a.yaml", 4, 16, "tone.banned-term"),
        ("b.yaml", 4, 16, "tone.banned-term"),
        ("b.yaml", 5, 25, "process.exception-expired"),
    ]
    args = ["check", "b.yaml", "a.yaml", "--now", "2026-12-02T09:00Z", "--format"]
    document = json.loads(run_cli([*args, "json"], tmp).stdout)
    got = [(f["path"], f["line"], f["column"], f["rule"]) for f in document["findings"]]
    assert got == expected
    sarif = json.loads(run_cli([*args, "sarif"], tmp).stdout)["runs"][0]["results"]
    places = [r["locations"][0]["physicalLocation"] for r in sarif]
    assert [(p["artifactLocation"]["uri"], p["region"]["startLine"]) for p in places] == [
        (path, line) for path, line, _, _ in expected
    ]
    github = run_cli([*args, "github"], tmp).stdout.splitlines()
    assert [line.split(",")[0].split("file=")[1] for line in github] == [e[0] for e in expected]
    text = run_cli([*args, "text"], tmp).stdout
    heads = re.findall(r"^(\S+):(\d+):(\d+): ", text, flags=re.MULTILINE)
    assert heads == [(path, str(line), str(column)) for path, line, column, _ in expected]


# --- author and campaign ------------------------------------------------------------------------


def test_author_and_campaign_are_reported_in_json_and_sarif(tmp):
    write(tmp, "policies/acme.yaml", POLICY)
    write(
        tmp,
        "posts.yaml",
        """
        posts:
          - id: p1
            client: acme
            author: Dana
            campaign: spring-26
            text: "Our cheap coffee is back."
          - id: p2
            client: acme
            text: "Pricey, we know."
        """,
    )
    document = json.loads(run_cli(["check", "posts.yaml", "--format", "json"], tmp).stdout)
    assert [(f["author"], f["campaign"]) for f in document["findings"]] == [
        ("Dana", "spring-26"),
        (None, None),
    ]
    sarif = json.loads(run_cli(["check", "posts.yaml", "--format", "sarif"], tmp).stdout)
    properties = [r["properties"] for r in sarif["runs"][0]["results"]]
    assert [(p["author"], p["campaign"]) for p in properties] == [
        ("Dana", "spring-26"),
        (None, None),
    ]
