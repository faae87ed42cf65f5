"""Run a policy's own examples (`voicelint test`): drafts the client insists must or must not be flagged."""

from __future__ import annotations

from dataclasses import dataclass, replace

from voicelint.engine import (
    CompiledPolicy,
    check_examples,
    compile_policy,
    example_policy,
    example_post,
    lint_post,
)
from voicelint.errors import PolicyError, did_you_mean
from voicelint.packs import RuleSpec
from voicelint.policy import Policy, PolicyExample


@dataclass(frozen=True)
class ExampleFailure:
    """A policy example that did not come out as the policy says it must."""

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        place = f"{self.path}:{self.line}" if self.line else self.path
        return f"{place}: {self.message}"


@dataclass(frozen=True)
class ExampleRun:
    path: str
    examples: int
    failures: tuple[ExampleFailure, ...]
    # the policy's own rules' fire/pass examples that did not behave
    rule_failures: tuple[ExampleFailure, ...] = ()


def run_policy_examples(policy: Policy) -> ExampleRun:
    """Each ``flag`` example must give a finding (of ``rule`` when given, at any severity); each
    ``pass`` example must give none (none of ``rule`` when given)."""
    path = policy.path or "<policy>"
    examples = policy.settings.get("examples") or {"flag": (), "pass": ()}
    ids = [rule.id for rule in policy.rules]
    for example in (*examples["flag"], *examples["pass"]):
        if example.rule and not any(_covers(example.rule, rule_id) for rule_id in ids):
            raise PolicyError(
                path,
                example.line,
                f'example names unknown rule "{example.rule}"',
                did_you_mean(example.rule, ids),
            )
    compiled = compile_policy(policy)
    failures = []
    for which in ("flag", "pass"):
        for index, example in enumerate(examples[which], 1):
            problem = _check(compiled, which, example, index)
            if problem:
                failures.append(ExampleFailure(path, example.line, problem))
    total = len(examples["flag"]) + len(examples["pass"])
    return ExampleRun(path, total, tuple(failures), tuple(rule_example_failures(compiled)))


def rule_example_failures(compiled: CompiledPolicy) -> list[ExampleFailure]:
    """The policy's own rules (custom rules, packs of its folder) whose ``fire`` example gives no
    finding of the rule or whose ``pass`` example gives one; built-in rules are the suite's job.

    A rule runs under the policy it belongs to, or under its ``example_policy`` when it has one.
    """
    failures = []
    for rule in _own_rules(compiled.policy):
        under = compiled if not rule.example_policy else compile_policy(_example_policy(rule))
        for problem in check_examples(rule, under):
            failures.append(ExampleFailure(rule.origin, rule.line, problem))
    return failures


def check_rule_examples(compiled: CompiledPolicy) -> None:
    """`validate`: the first of the policy's own rules whose examples fail is an error."""
    for failure in rule_example_failures(compiled):
        raise PolicyError(
            failure.path,
            failure.line,
            failure.message,
            "fix the rule or its example; `voicelint test` lists every failure",
        )


def _own_rules(policy: Policy) -> list[RuleSpec]:
    return [rule for rule in policy.rules if not rule.origin.startswith("<built-in")]


def _example_policy(rule: RuleSpec) -> Policy:
    policy = example_policy(rule)
    return replace(policy, rules=(*policy.rules, rule))


def _check(compiled: CompiledPolicy, which: str, example: PolicyExample, index: int) -> str | None:
    findings = lint_post(compiled, example_post(example.example, index)).findings
    if example.rule:
        findings = [f for f in findings if _covers(example.rule, f.rule)]
    text = _short(example.example.text)
    by = f" by {example.rule}" if example.rule else ""
    if which == "flag" and not findings:
        return f"flag example not flagged{by}: {text}"
    if which == "pass" and findings:
        first = findings[0]
        return f'pass example flagged by {first.rule} at "{first.match}": {text}'
    return None


def _covers(pattern: str, rule_id: str) -> bool:
    return rule_id == pattern or rule_id.startswith(pattern + ".")


def _short(text: str, limit: int = 70) -> str:
    flat = " ".join(text.split())
    return repr(flat if len(flat) <= limit else flat[: limit - 1] + "…")
