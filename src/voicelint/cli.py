"""The command line; the only module that parses arguments, prints and exits."""

from __future__ import annotations

import datetime
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import click

from voicelint import __version__
from voicelint.config import FAIL_LEVELS, FORMATS, Config, configured_policies, discover
from voicelint.errors import UsageError, VoicelintError, did_you_mean, nearest
from voicelint.files import write_atomically

EXIT_FINDINGS = 1
EXIT_ERROR = 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report Ctrl-C
# cache.py's name, repeated so that --help does not import the engine
ENV_CACHE_DIR = "VOICELINT_CACHE_DIR"


class Interrupted(Exception):
    """Ctrl-C, carried past click, which would print a blank line of its own for it."""


class VoicelintGroup(click.Group):
    """Turns every failure into one line on stderr and exit code 2, never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            raise Interrupted from None

    def main(self, *args: Any, **kwargs: Any) -> Any:
        kwargs["standalone_mode"] = False
        try:
            code = super().main(*args, **kwargs)
        except click.exceptions.Exit as done:
            code = done.exit_code
        except click.Abort:
            _fail("interrupted", EXIT_INTERRUPTED)
        except click.UsageError as error:
            command = (
                f" {error.ctx.command_path.split(' ', 1)[1]}"
                if error.ctx and " " in error.ctx.command_path
                else ""
            )
            _fail(f"{error.format_message()} (see voicelint{command} --help)")
        except click.ClickException as error:
            _fail(error.format_message())
        except VoicelintError as error:
            _fail(str(error))
        except (KeyboardInterrupt, Interrupted):
            if sys.stderr.isatty():
                click.echo(err=True)  # past the ^C the terminal echoed
            _fail("interrupted", EXIT_INTERRUPTED)
        except BrokenPipeError:
            # the reader left (`| head`): stop quietly, as other command-line tools do
            _silence_stdout()
            sys.exit(EXIT_FINDINGS)
        except Exception as error:  # a bug of ours: still one line, with a way to see more
            if os.environ.get("VOICELINT_DEBUG"):
                raise
            _fail(
                f"internal error: {type(error).__name__}: {error} (please report it; VOICELINT_DEBUG=1 shows the traceback)"
            )
        sys.exit(code or 0)


def _fail(message: str, code: int = EXIT_ERROR) -> None:
    click.echo(f"voicelint: {message}", err=True)
    sys.exit(code)


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so the flush at exit cannot fail a second time."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


@click.group(cls=VoicelintGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="voicelint")
def main() -> None:
    """Lint drafted social-media posts and replies against a client's brand policy."""


@main.command()
@click.argument("paths", nargs=-1)
@click.option(
    "--policy",
    "policy_file",
    type=click.Path(path_type=Path),
    help="One policy file for every post.",
)
@click.option(
    "--policies",
    "policies_dir",
    type=click.Path(path_type=Path),
    help="Directory of client policies (<client>.yaml).",
)
@click.option("--client", help="Check every post as this client's.")
@click.option(
    "--format", "output_format", type=click.Choice(FORMATS), help="Output format (default: text)."
)
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_LEVELS),
    help="Lowest severity that makes the exit code 1 (default: error).",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path),
    help="Write the report to a file instead of stdout (- is stdout); never over an input.",
)
@click.option(
    "--stdin-format",
    type=click.Choice(["txt", "md", "yaml", "json", "csv"]),
    default="txt",
    show_default=True,
    help="Format of the post read from - (stdin).",
)
@click.option(
    "--color/--no-color", default=None, help="Colour the text output (default: only on a terminal)."
)
@click.option(
    "--statistics",
    is_flag=True,
    help="Show counts per rule and category instead of each finding "
    "(text; with another format they go to stderr).",
)
@click.option(
    "--skip-non-posts",
    is_flag=True,
    help="Skip named files that hold no posts (a policy, a CI config), as a directory walk does; "
    "the pre-commit hook uses it.",
)
@click.option(
    "--allow-empty",
    is_flag=True,
    help="Pass when the paths hold no posts (default: exit 2, so a mistyped path fails a gate).",
)
@click.option(
    "--now",
    "now_text",
    metavar="DATETIME",
    help="Check as of this ISO 8601 date-time (default: now): expired exceptions, past publish_at.",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    help="Processes that lint (default: every core, when there are 5,000 posts or more to lint).",
)
@click.option(
    "--no-cache",
    is_flag=True,
    help="Lint every post again instead of reusing the results of unchanged files.",
)
@click.option(
    "--cache-dir",
    type=click.Path(path_type=Path, file_okay=False),
    help=f"Where results are cached (default: ${{{ENV_CACHE_DIR}}}, else voicelint/ in the user's "
    "cache directory, $XDG_CACHE_HOME or ~/.cache).",
)
@click.option(
    "--select",
    multiple=True,
    metavar="RULES",
    help="Report only these rules: ids, dotted prefixes (claims.finance) or categories (tone), "
    "comma-separated or repeated; replaces select: in the configuration.",
)
@click.option("--extend-select", multiple=True, metavar="RULES", help="Report these rules as well.")
@click.option(
    "--ignore", multiple=True, metavar="RULES", help="Do not report these rules (ids, prefixes)."
)
@click.option(
    "--quiet", "-q", is_flag=True, help="Print only the summary line (text and concise formats)."
)
@click.option(
    "--baseline",
    "baseline_path",
    type=click.Path(path_type=Path),
    help="Report only the findings this baseline file does not hold.",
)
@click.option(
    "--write-baseline",
    type=click.Path(path_type=Path),
    help="Write every finding to this baseline file, never over an input; the run then passes "
    "unless a post or file could not be read.",
)
@click.option(
    "--fix", is_flag=True, help="Apply the findings' fixes in place (stdin: print the fixed text)."
)
@click.option("--diff", is_flag=True, help="Print the diff --fix would make; change nothing.")
def check(
    paths: tuple[str, ...],
    policy_file: Path | None,
    policies_dir: Path | None,
    client: str | None,
    output_format: str | None,
    fail_on: str | None,
    output: Path | None,
    stdin_format: str,
    color: bool | None,
    statistics: bool,
    skip_non_posts: bool,
    allow_empty: bool,
    now_text: str | None,
    jobs: int | None,
    no_cache: bool,
    cache_dir: Path | None,
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    quiet: bool,
    baseline_path: Path | None,
    write_baseline: Path | None,
    fix: bool,
    diff: bool,
) -> None:
    """Check post files (YAML, JSON, CSV, Markdown, text; directories are walked; - reads stdin)."""
    from voicelint.baseline import fixed_note
    from voicelint.files import same_file
    from voicelint.report import exit_code, render_human, render_statistics
    from voicelint.runner import CheckOptions, run_check
    from voicelint.workflow import prepare

    config = discover(Path.cwd())
    if policy_file is not None and not policy_file.is_file():
        raise UsageError(str(policy_file), None, "policy file not found", "check the --policy path")
    if policies_dir is not None and not policies_dir.is_dir():
        raise UsageError(
            str(policies_dir), None, "policies directory not found", "check the --policies path"
        )
    stdin_bytes = sys.stdin.buffer.read() if "-" in paths else None
    output_format = output_format or config.format or "text"
    options = CheckOptions(
        paths=paths or (".",),
        policy_file=policy_file,
        policy_dirs=tuple(_policy_dirs(policies_dir, config)),
        client=client,
        default_client=config.client,
        stdin_bytes=stdin_bytes,
        stdin_format=stdin_format,
        path_clients=config.clients,
        root=config.root,
        skip_non_posts=skip_non_posts,
        now=_parse_now(now_text),
        cache_dir=None if no_cache else _usable_cache_dir(_cache_dir(cache_dir)),
        jobs=jobs,
        allow_empty=allow_empty,
        keep_posts=output_format == "html",
    )
    workflow = prepare(
        config, select, extend_select, ignore, baseline_path, policy_file, options.policy_dirs
    )
    report = run_check(options)
    current = workflow.apply(report)
    fixed = None
    if fix or diff:  # only what is selected and not in the baseline is fixed
        fixed = _fix(report, options, diff, fail_on or config.fail_on, workflow)
        report = fixed.report
        current = workflow.apply(report)  # the re-check, selected and baselined again
    if output_format in ("text", "concise"):
        use_color = (
            color
            if color is not None
            else (output is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ)
        )
        style = click.style if use_color else None
        rendered = render_human(report, output_format, style, statistics, quiet)
    else:
        rendered = _render_machine(report, output_format, options)
        if statistics:
            click.echo(render_statistics(report), nl=False, err=True)
    chunks = [rendered] if isinstance(rendered, str) else rendered
    to_file = output is not None and str(output) != "-"
    inputs = (
        [*_inputs(report, paths, policy_file, config), *map(str, filter(None, [baseline_path]))]
        if to_file or write_baseline is not None
        else []
    )
    if to_file:
        _refuse_an_input(output, inputs)
    if write_baseline is not None:
        _refuse_an_input(write_baseline, inputs, "--write-baseline")
        if to_file and same_file(write_baseline, [str(output)]):
            raise UsageError(
                str(output), None, "--output and --write-baseline name the same file", ""
            )
    if to_file:
        _write_report(output, chunks)
    elif fixed is not None and fixed.stdin is not None:  # stdout holds the fixed text
        click.echo("".join(chunks), nl=False, err=True)
    else:
        _print_report(chunks, color)
    if write_baseline is not None:
        _write_baseline(report, current, write_baseline)
    if report.fixed:
        click.echo(f"voicelint: note: {fixed_note(report.fixed)}", err=True)
    if fixed is not None:
        click.echo(fixed.summary(True), err=output_format != "text" or fixed.stdin is not None)
    sys.exit(exit_code(report, fail_on or config.fail_on or "error"))


def _write_baseline(report: Any, findings: list[Any], path: Path) -> None:
    """Write the baseline; the findings it cannot hold (files not read) still decide the exit."""
    from voicelint.baseline import UNBASELINED, baseline_chunks

    chunks, written = baseline_chunks(report, findings, path)
    _write_report(path, chunks)
    click.echo(f"voicelint: wrote {written} findings to {path}", err=True)
    report.findings[:] = [f for f in report.findings if f.rule in UNBASELINED]


def _fix(report: Any, options: Any, diff: bool, fail_on: str | None, workflow: Any) -> Any:
    """--fix writes the fixes and gives the findings that remain; --diff prints them and exits."""
    from voicelint.fix import apply_fixes
    from voicelint.report import exit_code
    from voicelint.runner import run_check

    outcome = apply_fixes(report, options, write=not diff, recheck=run_check)
    for note in outcome.notes:
        click.echo(f"voicelint: {note}", err=True)
    if diff:
        click.echo(outcome.diff(), nl=False)
        click.echo(outcome.summary(False), err=True)
        workflow.apply(outcome.report)
        sys.exit(exit_code(outcome.report, fail_on or "error"))
    if outcome.stdin is not None:
        click.echo(outcome.stdin, nl=False)  # as ruff --fix - does
    return outcome


def _render_machine(report: Any, output_format: str, options: Any) -> Iterable[str]:
    """The report in a machine format; only that format's module is imported (the HTML and SARIF
    ones read the engine's types, which a run answered from the cache does not otherwise need)."""
    if output_format == "json":
        from voicelint.report import json_chunks

        return json_chunks(report)
    if output_format == "sarif":
        from voicelint.formats.sarif import render_sarif

        return render_sarif(report)
    if output_format == "github":
        from voicelint.formats.github import render_github

        return render_github(report)
    if output_format == "junit":
        from voicelint.formats.junit import render_junit

        return render_junit(report)
    from voicelint.formats.html import render_html

    return render_html(report, options.client, options.now)


@main.command()
@click.pass_context
def report(ctx: click.Context, **options: Any) -> None:
    """Write a client report: one self-contained HTML page of the drafts and what was found in
    them, to send or print (exit 0 once written, whatever was found)."""
    ctx.invoke(check, output_format="html", fail_on="never", **options)


# check's options that a report takes, shared so that they cannot drift apart
REPORT_OPTIONS = "paths policy_file policies_dir client output stdin_format now_text allow_empty"
report.params = [p for p in check.params if p.name in REPORT_OPTIONS.split()]


def _parse_now(text: str | None) -> datetime.datetime | None:
    if text is None:
        return None
    written = text.strip()
    if written[-1:] in ("z", "Z"):
        written = written[:-1] + "+00:00"
    try:
        when = datetime.datetime.fromisoformat(written)
    except ValueError:
        raise UsageError(
            None, None, f'--now "{text}" is not an ISO 8601 date-time', "e.g. 2026-11-23T09:00Z"
        ) from None
    return when if when.tzinfo else when.replace(tzinfo=datetime.UTC)


def _cache_dir(option: Path | None) -> Path:
    from voicelint.cache import default_directory

    if option is not None:
        return option
    from_environment = os.environ.get(ENV_CACHE_DIR)
    if from_environment:
        return Path(from_environment)
    return default_directory()


def _usable_cache_dir(directory: Path) -> Path | None:
    """The cache directory, or None (no cache) when git tracks files in it: entries committed
    to a repository could be forged to hide findings from CI."""
    from voicelint.cache import tracked_by_git

    if tracked_by_git(directory):
        click.echo(
            f"voicelint: note: {directory} holds files tracked by git; the cache there is not "
            "used (remove it from the repository, or set --cache-dir outside it)",
            err=True,
        )
        return None
    return directory


def _inputs(
    report: Any, paths: Iterable[str], policy_file: Path | None, config: Config
) -> list[str]:
    """Every file this run read: post files, policies, packs, the configuration."""
    from voicelint.files import inputs_read

    found = {p for p in paths if p != "-" and os.path.isfile(p)}
    found.update(checked.path for checked in report.checked if not checked.path.startswith("<"))
    found.update(inputs_read())
    found.update(str(p) for p in (policy_file, config.path) if p is not None)
    return sorted(found)


def _refuse_an_input(output: Path, inputs: Iterable[str], option: str = "--output") -> None:
    from voicelint.files import same_file

    clash = same_file(output, inputs)
    if clash is not None:
        raise UsageError(
            str(output),
            None,
            f"the {'report' if option == '--output' else 'baseline'} would overwrite {clash}, "
            "which this run reads",
            f"name another {option} file",
        )


def _print_report(chunks: Iterable[str], color: bool | None) -> None:
    try:
        for chunk in chunks:
            click.echo(chunk, nl=False, color=bool(color) if color is not None else None)
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as error:  # a full disk behind `> file`
        _silence_stdout()
        raise UsageError(
            None,
            None,
            f"cannot write the report to stdout: {error.strerror or error}",
            "free some space, or write it elsewhere with -o FILE",
        ) from None


def _write_report(path: Path, chunks: Iterable[str]) -> None:
    """Write the report whole, through a symlink and into a device or FIFO, never replacing one."""
    from voicelint.files import write_report

    if not str(path) or str(path) == "." or path.is_dir():
        raise UsageError(str(path), None, "is a directory, not a file", "name a report file")
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise UsageError(str(path), None, "the output directory does not exist", "create it first")
    try:
        write_report(path, chunks)
    except IsADirectoryError:
        raise UsageError(
            str(path), None, "is a directory, not a file", "name a report file"
        ) from None
    except OSError as error:
        raise UsageError(
            str(path), None, f"cannot write the report: {error.strerror or error}", "check the path"
        ) from None


def _relative(path: Path) -> Path:
    """A path as the user would type it from here, when it is below the current directory."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return path


def _policy_dirs(option: Path | None, config: Config) -> list[Path]:
    if option is not None:
        return [option]
    if configured_policies(config) is not None:
        return [config.policies]
    local = config.root / "policies"
    return [local] if local.is_dir() else []


def _write_atomically(path: Path, chunks: Iterable[str]) -> None:
    """Write the whole report or nothing: a crash never leaves half a file behind."""
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise UsageError(str(path), None, "the output directory does not exist", "create it first")
    write_atomically(path, chunks)


@main.command()
@click.argument("policies", nargs=-1, required=True)
def validate(policies: tuple[str, ...]) -> None:
    """Check policy files (or client ids) without linting anything."""
    from voicelint.engine import compile_policy
    from voicelint.policy_examples import check_rule_examples

    config = discover(Path.cwd())
    for ref in policies:
        path = _policy_path(ref, config)
        compiled = compile_policy(_load(path))
        check_rule_examples(compiled)
        policy = compiled.policy
        packs = ", ".join(policy.packs)
        click.echo(
            f"{path}: ok ({policy.client or 'no client'}: {len(policy.rules)} rules from {packs})"
        )


def _load(path: Path) -> Any:
    from voicelint.policy import load_policy

    return load_policy(path)


def _policy_path(ref: str, config: Config) -> Path:
    from voicelint.policy import find_client_policy, known_clients

    path = Path(ref)
    if path.is_file():
        return path
    if ref.endswith((".yaml", ".yml")) or "/" in ref:
        raise UsageError(ref, None, "no such policy file", "check the path")
    dirs = _policy_dirs(None, config)
    found = find_client_policy(ref, dirs)
    if found is None:
        raise UsageError(
            None, None, f'no policy file or client "{ref}"', did_you_mean(ref, known_clients(dirs))
        )
    return found


@main.command(name="rules")
@click.option(
    "--policy",
    "policy_ref",
    help="List the rules of this policy (a file or client id) instead of every built-in pack.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "markdown"]),
    default="text",
    show_default=True,
)
def rules_command(policy_ref: str | None, output_format: str) -> None:
    """List rules with their category, severity and pack."""
    from voicelint.docs import all_builtin_rules, rules_json, rules_markdown, rules_table
    from voicelint.process import PROCESS_RULES

    if policy_ref:
        rules = list(_load(_policy_path(policy_ref, discover(Path.cwd()))).rules)
    else:
        rules = all_builtin_rules()
    if output_format != "markdown":  # docs/rules.md documents the packs; process rules are in code
        rules += PROCESS_RULES
    render = {"text": rules_table, "json": rules_json, "markdown": rules_markdown}[output_format]
    click.echo(render(rules), nl=False)


@main.command()
@click.argument("rule_id")
@click.option(
    "--policy", "policy_ref", help="Also look in this policy's custom rules (a file or client id)."
)
def explain(rule_id: str, policy_ref: str | None) -> None:
    """Show a rule's summary, why (with citation), message and examples."""
    from voicelint.docs import all_builtin_rules, explain_rule
    from voicelint.process import PROCESS_RULES, SETTINGS

    rules = [*all_builtin_rules(), *PROCESS_RULES]
    if policy_ref:
        rules = list(_load(_policy_path(policy_ref, discover(Path.cwd()))).rules) + rules
    elif rule_id not in {rule.id for rule in rules}:
        rules += _custom_rules(_policy_dirs(None, discover(Path.cwd())))
    by_id = {rule.id: rule for rule in reversed(rules)}
    if rule_id not in by_id:
        raise UsageError(None, None, f'unknown rule "{rule_id}"', did_you_mean(rule_id, by_id))
    text = explain_rule(by_id[rule_id])
    if rule_id in SETTINGS:
        head, _, _ = text.rstrip("\n").rpartition("\n")
        text = f"{head}\nSet in a policy or post:  {SETTINGS[rule_id]}\n"
    click.echo(text, nl=False)


def _custom_rules(dirs: list[Path]) -> list[Any]:
    """The custom rules of every policy in the policies folders; a policy that does not load is
    left for `validate` to report, so explaining one rule never fails on another file."""
    from voicelint.errors import PolicyError

    rules = []
    for path in sorted(p for d in dirs for p in d.glob("*.y*ml")):
        try:
            policy = _load(path)
        except PolicyError:
            continue
        rules += [rule for rule in policy.rules if not rule.origin.startswith("<built-in")]
    return rules


@main.command(name="test")
@click.argument("policies", nargs=-1)
def test_command(policies: tuple[str, ...]) -> None:
    """Run policies' own examples (flag: must be flagged, pass: must not); exit 1 on a failure.

    With no POLICY, every policy in the configured policies directory (else ./policies).
    """
    from voicelint.policy_examples import run_policy_examples

    config = discover(Path.cwd())
    if policies:
        paths = [_relative(_policy_path(ref, config)) for ref in policies]
    else:
        dirs = _policy_dirs(None, config)
        paths = sorted(_relative(p) for d in dirs for p in d.glob("*.y*ml"))
        if not paths:
            raise UsageError(
                None, None, "no policies to test", "name policy files, or run it beside policies/"
            )
    failed = 0
    total = 0
    rules_failed = 0
    for path in paths:
        run = run_policy_examples(_load(path))
        total += run.examples
        failed += len(run.failures)
        rules_failed += len(run.rule_failures)
        for failure in (*run.rule_failures, *run.failures):
            click.echo(f"{failure} FAILED")
        if not run.examples:
            click.echo(f"{path}: no examples")
        elif not run.failures and not run.rule_failures:
            click.echo(f"{path}: {run.examples} examples ok")
    click.echo(
        f"{total - failed} of {total} policy examples passed"
        + (f", {failed} failed." if failed else ".")
    )
    if rules_failed:
        click.echo(f"{rules_failed} custom rule examples failed.")
    sys.exit(EXIT_FINDINGS if failed or rules_failed else 0)


@main.command(name="eval")
@click.argument("corpus", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--min-recall", type=float, help="Exit 1 if any category's recall is below this (0 to 1)."
)
@click.option(
    "--max-false-alarms",
    type=float,
    help="Exit 1 if the share of clean drafts flagged is above this.",
)
@click.option("--verbose", "-v", is_flag=True, help="List every miss and false alarm.")
def eval_command(
    corpus: tuple[Path, ...],
    min_recall: float | None,
    max_false_alarms: float | None,
    verbose: bool,
) -> None:
    """Score the rules on a labelled corpus: recall per category, false alarms on clean drafts."""
    from voicelint.evaluate import evaluate, false_alarm_rate, render

    score = evaluate(list(corpus), _policy_dirs(None, discover(Path.cwd())))
    click.echo(render(score, verbose), nl=False)
    failed = min_recall is not None and any(c / n < min_recall for c, n in score.recall().values())
    failed |= max_false_alarms is not None and false_alarm_rate(score) > max_false_alarms
    sys.exit(EXIT_FINDINGS if failed else 0)


@main.command()
@click.argument("client")
@click.option(
    "--policies",
    "policies_dir",
    type=click.Path(path_type=Path),
    help="Where to write it (default: the configured policies directory, else ./policies).",
)
@click.option(
    "--industry", help="The client's industry (betting, crypto, dental...): the packs that fit."
)
def init(client: str, policies_dir: Path | None, industry: str | None) -> None:
    """Write a commented starter policy for a new client."""
    from voicelint.docs import starter_policy

    packs = _industry_packs(industry) if industry else None
    if not client.replace("-", "").replace("_", "").isalnum() or client.startswith("-"):
        raise UsageError(
            None,
            None,
            f'"{client}" is not a usable client id',
            "use letters, digits and dashes, e.g. acme-bank",
        )
    config = discover(Path.cwd())
    directory = policies_dir or config.policies or (config.root / "policies")
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{client}.yaml"
    if path.exists():
        raise UsageError(str(path), None, "already exists", "edit it, or choose another client id")
    text = starter_policy(client)
    if packs:
        text = text.replace("extends: [customer-care]", f"extends: [{', '.join(packs)}]", 1)
        click.echo(f"{industry}: extends {', '.join(packs)}")
    _write_atomically(path, [text])
    click.echo(f"wrote {path}; edit it, then run: voicelint validate {path}")


def _industry_packs(industry: str) -> list[str]:
    """The built-in packs that fit an industry (``lexicons/industries.yaml``), or a usage error."""
    from voicelint.lexicon import load

    table = load("industries")
    name = industry.strip().lower().replace(" ", "-").replace("_", "-")
    name = table["aliases"].get(name, name)
    if name not in table["industries"]:
        near = nearest(name, [*table["industries"], *table["aliases"]])
        hint = (f'did you mean "{near}"? ' if near else "") + "known: "
        raise UsageError(
            None,
            None,
            f'unknown industry "{industry}"',
            hint + ", ".join(sorted(table["industries"])),
        )
    return list(table["industries"][name])


@main.command()
@click.option("--policy", "policy_file", type=click.Path(path_type=Path), help="One policy file.")
@click.option("--policies", "policies_dir", type=click.Path(path_type=Path), help="Policies dir.")
def lsp(policy_file: Path | None, policies_dir: Path | None) -> None:
    """Run the language server on stdio, for editors (pip install "voicelint[lsp]")."""
    try:
        import pygls  # noqa: F401
    except ImportError:
        raise UsageError(
            None, None, "the language server needs pygls", "install voicelint[lsp]"
        ) from None
    from voicelint.lsp import serve
    from voicelint.runner import CheckOptions

    for path, is_ok, option in (
        (policy_file, Path.is_file, "--policy"),
        (policies_dir, Path.is_dir, "--policies"),
    ):
        if path is not None and not is_ok(path):
            raise UsageError(str(path), None, "not found", f"check the {option} path")
    policy_file = policy_file.resolve() if policy_file else None
    policies_dir = policies_dir.resolve() if policies_dir else None

    def options_for(directory: Path) -> CheckOptions:
        """What `check` runs a file with, its configuration found from the file's directory."""
        config = discover(directory)
        return CheckOptions(
            paths=(),
            policy_file=policy_file,
            policy_dirs=tuple(_policy_dirs(policies_dir, config)),
            default_client=config.client,
            path_clients=config.clients,
            root=config.root,
            jobs=1,
        )

    serve(options_for)
