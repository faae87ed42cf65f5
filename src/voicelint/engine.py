"""Compile a policy's rules once, run them on each post, and stamp every hit into a finding."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from voicelint.conditions import Clause, View, all_hold, any_holds, gate, gate_holds, gate_when
from voicelint.context import ContextRule
from voicelint.context import build as context_rule
from voicelint.errors import InputError, PolicyError, did_you_mean
from voicelint.kinds import KINDS, BuildContext, Check, Hit, KindError, PostContext
from voicelint.kinds.base import needs_of
from voicelint.model import SEVERITY_RANK, Finding, Post, SourceFile, TextMap
from voicelint.nlp import MatcherBank, longest_first, parse
from voicelint.packs import CORE_PACK, Example, RuleSpec, render_message
from voicelint.policy import OFF, Policy, build_policy
from voicelint.process import (
    EXCEPTION_EXPIRED,
    EXCEPTION_UNAPPROVED,
    EXCEPTION_UNUSED,
    INVALID_POST,
    process_finding,
)
from voicelint.results import PostResult, Suppression  # defined apart, re-exported here

SUPPRESSION_KEYS = ("allow", "reason", "approved_by", "expires")


@dataclass(frozen=True)
class CompiledRule:
    spec: RuleSpec
    check: Check
    context: ContextRule
    # the cheap post-wide part of ``when`` and ``unless``, tested before the check (conditions.gate)
    gate: tuple[Clause, Clause] = ((), ())
    # entries the policy added: each one's matcher key, name, and the rule as it reports them
    added: tuple[tuple[str, str, RuleSpec], ...] = ()
    # whether ``when``/``unless`` are tested before the context (see ``conditions_first``)
    conditions_first: bool = False
    # the bank keys the check's hits come from (kinds.base.needing): none matched, no hit;
    # empty for a rule with entries the policy added, whose hits come from their own keys
    needs: frozenset[str] = frozenset()


@dataclass(frozen=True)
class CompiledPolicy:
    """A policy's rules built into checks over one shared matcher bank."""

    policy: Policy
    bank: MatcherBank
    rules: tuple[CompiledRule, ...]
    approved_key: str
    competitor_key: str | None = None
    # ids of the general claims rules (kind claim, and core's claims rules): a pack's rule that
    # reports the same words says it for the industry, and the general finding gives way
    general_rules: frozenset[str] = frozenset()
    # per rule, the rules its finding gives way to on the same words (``gives_way_to`` rule ids)
    yields: Mapping[str, frozenset[str]] = field(default_factory=dict)
    # ids of the fallback rules: reported only when no other rule of their category reports in
    # the post (``fallback: true``)
    fallbacks: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Exceptions:
    """A post's ``voicelint:`` mapping, validated: what it allows, why, who approved, until when."""

    allow: tuple[str, ...] = ()
    reason: str | None = None
    approved_by: str | None = None
    expires: dt.date | None = None


def compile_policy(policy: Policy) -> CompiledPolicy:
    """Build every rule of a policy once; a rule its kind cannot build is a PolicyError at its line."""
    bank = MatcherBank()
    compiled = []
    for spec in policy.rules:
        context = BuildContext(bank, policy.settings, spec.id)
        try:
            check = KINDS[spec.kind].build(spec.params, context)
        except KindError as error:
            hint = (
                KINDS[spec.kind].PARAMS[error.param].doc
                if error.param in KINDS[spec.kind].PARAMS
                else ""
            )
            raise PolicyError(spec.origin, spec.line, f"rule {spec.id}: {error}", hint) from None
        rule_context = context_rule(bank, spec.id, spec.negation, spec.spared_by, spec.qualifiers)
        added = tuple(
            (
                bank.add_phrases(f"{spec.id}/{entry.name}", list(entry.words), "LEMMA"),
                entry.name,
                replace(spec, message=entry.message) if entry.message else spec,
            )
            for entry in spec.added
        )
        compiled.append(
            CompiledRule(
                spec,
                check,
                rule_context,
                (gate_when(spec.when), gate(spec.unless)),
                added,
                conditions_first(spec, rule_context),
                frozenset(needs_of(check)) if not added else frozenset(),
            )
        )
    approved_key = bank.add_phrases("claims.approved", list(policy.approved_claims), attr="LOWER")
    names = (policy.settings.get("voice") or {}).get("competitors") or []
    names = [n for n in names if isinstance(n, str) and n.strip()]
    competitor_key = bank.shared_phrases("voice.competitors", names, "LOWER") if names else None
    general_rules = frozenset(
        r.spec.id
        for r in compiled
        if r.spec.kind == "claim" or (r.spec.pack == CORE_PACK and r.spec.category == "claims")
    )
    yields = {
        r.spec.id: frozenset(p for p in r.spec.gives_way_to if "." in p)
        for r in compiled
        if any("." in p for p in r.spec.gives_way_to)
    }
    fallbacks = frozenset(r.spec.id for r in compiled if r.spec.fallback)
    # the fallbacks run last, so that one is skipped where its category already has a finding
    compiled = [r for r in compiled if not r.spec.fallback] + [
        r for r in compiled if r.spec.fallback
    ]
    return CompiledPolicy(
        policy,
        bank,
        tuple(compiled),
        approved_key,
        competitor_key,
        general_rules,
        yields,
        fallbacks,
    )


def lint_post(compiled: CompiledPolicy, post: Post, now: dt.datetime | None = None) -> PostResult:
    """Every finding of one post, in text order, with the ones the post allowed set aside.

    ``now`` (default: the current time) decides whether an exception has expired.
    """
    result = PostResult()
    try:
        exceptions = suppressions(post, compiled.policy)
    except InputError as error:
        # a bad voicelint: mapping is a bad field of this post: an error finding at its line, and
        # the post is checked with nothing allowed (as ruff reports a bad noqa and goes on)
        exceptions = Exceptions()
        values = {"problem": error.message, "remedy": error.hint or "see the README"}
        result.findings.append(
            process_finding(post, INVALID_POST, compiled.policy.client, values, "voicelint")
        )
    allowed = _audit_exceptions(compiled.policy, post, exceptions, now, result.findings)
    used: set[str] = set()
    doc = parse(post.text)
    matches = compiled.bank.run(doc)
    context = PostContext(post, doc, matches, compiled.competitor_key)
    approved = matches.get(compiled.approved_key, [])
    # what the conditions see of the post and of each hit, made once and shared by every rule
    # (a View keeps what it has read: the hit's sentence, its words)
    views: dict[tuple[int, int], View] = {}
    post_view = View(context, 0, 0)
    gates: dict[tuple[Clause, Clause], bool] = {}  # a gate says the same for every rule of a post
    for rule in compiled.rules:
        if rule.needs and matches.keys().isdisjoint(rule.needs):
            continue  # none of the words or patterns its hits come from is in the post
        when, unless = rule.gate
        if when or unless:
            passed = gates.get(rule.gate)
            if passed is None:
                passed = gates[rule.gate] = gate_holds(context, when, unless, post_view)
            if not passed:
                continue  # "post: reply" on a post, "named: competitor" where none is named
        if rule.spec.fallback and _reported(compiled, result, rule.spec.category):
            continue  # a fallback is read only where its category has no finding (rules run last)
        conditions = rule.spec.when or rule.spec.unless
        for hit in _hits(rule, context) if rule.added else rule.check(context):
            if rule.conditions_first and not _conditions_hold(rule.spec, hit, context, views):
                continue
            hit = rule.context.apply(hit, context)
            if hit is None:
                continue  # negated, in a disclaimer, reported as a warning, attributed or qualified
            if (
                conditions
                and not rule.conditions_first
                and not _conditions_hold(rule.spec, hit, context, views)
            ):
                continue
            if rule.spec.category == "claims" and any(
                a.start <= hit.start and hit.end <= a.end for a in approved
            ):
                continue  # the client's substantiated claim, listed in claims.approved
            spec = rule.spec
            if rule.added and hit.values.get(ADDED) is not None:
                spec = rule.added[hit.values[ADDED]][2]
            finding = _entry_setting(
                compiled.policy, stamp(post, spec, hit, compiled.policy.client)
            )
            if finding is None:
                continue  # the policy switched this entry off
            covering = [pattern for pattern in allowed if _covers(pattern, rule.spec.id)]
            if covering:
                used.update(covering)
                result.suppressed.append(
                    Suppression(
                        post.path,
                        post.id,
                        rule.spec.id,
                        post.line,
                        exceptions.reason,
                        exceptions.approved_by,
                        exceptions.expires,
                        finding,
                    )
                )
                continue
            result.findings.append(finding)
    client = compiled.policy.client
    for pattern in allowed:
        if pattern not in used:
            result.findings.append(process_finding(post, EXCEPTION_UNUSED, client, {}, pattern))
    covered = [s.finding for s in result.suppressed if s.finding is not None]
    result.findings = _without_echoes(compiled, result.findings, covered)
    result.findings.sort(key=lambda f: (f.start, f.end, f.rule))
    return result


ADDED = "added"  # a hit's value: the index of the policy's entry it came from


def conditions_first(spec: RuleSpec, context: ContextRule) -> bool:
    """Whether a rule's ``when`` and ``unless`` may be tested before its context is applied.

    A hit must pass both, and neither changes anything: the order decides only what is read. The
    context changes a hit only in ``negation: trigger`` (the hit widened to its cue, which the
    conditions must then see); otherwise it keeps the hit or drops it, and the conditions go
    first: most hits of a rule with conditions are whole sentences that the conditions turn down,
    and the context reads each one's words for a negation or a report besides."""
    return bool(spec.when or spec.unless) and context.negation != "trigger"


def _hits(rule: CompiledRule, context: PostContext) -> list[Hit]:
    """The rule's hits: its kind's, then those of the entries the policy added, where the kind
    found nothing already."""
    hits = list(rule.check(context))
    for index, (key, name, _) in enumerate(rule.added):
        for match in longest_first(context.matches_for(key)):
            if not any(h.start < match.end and match.start < h.end for h in hits):
                hits.append(Hit(match.start, match.end, values={"entry": name, ADDED: index}))
    return hits


def _reported(compiled: CompiledPolicy, result: PostResult, category: str) -> bool:
    """Whether a rule of ``category`` already reports in the post, or was allowed there, with a
    finding no later step drops (a rule that gives way to another is not counted)."""
    return any(
        f.category == category
        and f.rule not in compiled.fallbacks
        and f.rule not in compiled.yields
        for f in result.findings
    ) or any(s.finding is not None and s.finding.category == category for s in result.suppressed)


def _without_echoes(
    compiled: CompiledPolicy, findings: list[Finding], allowed: list[Finding]
) -> list[Finding]:
    """Drop a general claims finding (kind ``claim``, or a core claims rule) whose first or last
    character a specific claims rule (a pack's, the policy's) already reports, or the post allowed
    for it: "guaranteed returns" is one finding, not two, and "100% safe" in a supplement post is
    the health pack's; "kids" flagged by another rule inside it is another claim. A finding of a
    rule that gives way to another rule (``gives_way_to``) is dropped where that rule reports the
    same words or words inside its own, and a fallback rule's (``fallback``) wherever another rule of its category reports
    in the post (once the echoes are gone)."""
    general = compiled.general_rules
    if general or compiled.yields:
        specific = [
            f for f in findings + allowed if f.category == "claims" and f.rule not in general
        ]
        yields = compiled.yields
        findings = [
            f
            for f in findings
            if (f.rule not in general or not any(_overlap(o, f) for o in specific))
            and not (
                f.rule in yields
                and any(
                    o.rule in yields[f.rule] and (_overlap(o, f) or _inside(o, f)) for o in findings
                )
            )
        ]
    if compiled.fallbacks:
        fallbacks = compiled.fallbacks
        reported = {f.category for f in findings + allowed if f.rule not in fallbacks}
        findings = [f for f in findings if f.rule not in fallbacks or f.category not in reported]
    return findings


def _inside(one: Finding, other: Finding) -> bool:
    """Whether ``one`` reports words inside ``other``: a sentence rule's finding that holds the
    words of the rule it gives way to ("Switch and your bills will halve by spring." holds "bills
    will halve") reports the same claim."""
    return one.post == other.post and other.start <= one.start and one.end <= other.end


def _overlap(one: Finding, other: Finding) -> bool:
    """Whether ``one`` reports the first or the last character of ``other``."""
    return one.post == other.post and (
        one.start <= other.start < one.end or one.start < other.end <= one.end
    )


def _audit_exceptions(
    policy: Policy,
    post: Post,
    exceptions: Exceptions,
    now: dt.datetime | None,
    findings: list[Finding],
) -> list[str]:
    """The allowed rule ids or prefixes that take effect; an expired exception or one without
    the approval the policy requires takes none, and is a finding of its own."""
    if not exceptions.allow:
        return []
    today = (now or dt.datetime.now(dt.UTC)).date()
    if exceptions.expires is not None and exceptions.expires < today:
        values = {"expires": exceptions.expires.isoformat()}
        for pattern in exceptions.allow:
            findings.append(
                process_finding(post, EXCEPTION_EXPIRED, policy.client, values, pattern)
            )
        return []
    level = policy.settings.get("exceptions", {}).get("require_approval", "never")
    missing = [key for key in ("reason", "approved_by") if not getattr(exceptions, key)]
    if level == "never" or not missing:
        return list(exceptions.allow)
    allowed = []
    for pattern in exceptions.allow:
        needs_approval = any(
            _covers(pattern, rule.id) and SEVERITY_RANK[rule.severity] >= SEVERITY_RANK[level]
            for rule in policy.rules
        )
        if needs_approval:
            values = {"missing": " and ".join(missing), "level": level}
            findings.append(
                process_finding(post, EXCEPTION_UNAPPROVED, policy.client, values, pattern)
            )
        else:
            allowed.append(pattern)
    return allowed


def _entry_setting(policy: Policy, finding: Finding) -> Finding | None:
    """A finding as the policy sets its entry: None when the entry is switched off, else with
    the entry's own severity when the policy gives one (``rules: {RULE/ENTRY: warning}``)."""
    setting = policy.entry_settings.get(finding.entry) if finding.entry else None
    if setting is None:
        return finding
    if setting == OFF:
        return None
    return replace(finding, severity=setting)


def entry_id(spec: RuleSpec, hit: Hit) -> str | None:
    """The full id of the rule entry a hit came from: the kind's ``entry`` value, or for the
    claim kind its outcome class, under the rule's id (``claims.certain-outcome/returns``)."""
    entry = hit.values.get("entry")
    if not isinstance(entry, str) or not entry:
        return None
    return entry if "/" in entry else f"{spec.id}/{entry}"


def stamp(post: Post, spec: RuleSpec, hit: Hit, client: str | None) -> Finding:
    """The core, not the kind, gives a finding its rule id, category, severity and message.

    A hit that starts or ends inside a word is widened to the whole word, so that the quoted
    match reads as words ("DON'T", not "DON").
    """
    start, end = whole_words(post.text, hit.start, hit.end)
    matched = post.text[start:end]
    line, column, end_line, end_column = post.place(start, end)
    return Finding(
        path=post.path,
        post=post.id,
        client=client,
        rule=spec.id,
        category=spec.category,
        severity=spec.severity,
        message=render_message(spec.message, matched, hit.values),
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        start=start,
        end=end,
        match=matched,
        fix=hit.fix,
        entry=entry_id(spec, hit),
    )


def _conditions_hold(
    spec: RuleSpec, hit: Hit, context: PostContext, views: dict[tuple[int, int], View]
) -> bool:
    """Whether a hit meets its rule's ``when`` and escapes its ``unless`` (see voicelint.conditions);
    ``views`` keeps the post's views by hit, for the rules that ask about the same stretch."""
    view = views.get((hit.start, hit.end))
    if view is None:
        view = views[hit.start, hit.end] = View(context, hit.start, hit.end)
    return all_hold(view, spec.when) and not any_holds(view, spec.unless)


APOSTROPHES = frozenset("'\u2019")


def whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` widened so that it neither starts nor ends inside a word; a word runs over
    letters and digits, and an apostrophe between two of them (don't)."""
    if start >= end:
        return start, end
    while start > 0 and _joins(text, start):
        start -= 1
    while end < len(text) and _joins(text, end):
        end += 1
    return start, end


def _joins(text: str, index: int) -> bool:
    """Whether the characters on either side of ``index`` belong to one word."""
    before, after = text[index - 1], text[index]
    if _unspaced(before) or _unspaced(after):
        return False  # Chinese, Japanese, Thai...: words are not set apart by spaces
    if before.isalnum() and (after.isalnum() or unicodedata.combining(after)):
        return True
    if after in APOSTROPHES:
        return before.isalnum() and index + 1 < len(text) and text[index + 1].isalnum()
    if before in APOSTROPHES:
        return after.isalnum() and index > 1 and text[index - 2].isalnum()
    return False


def _unspaced(char: str) -> bool:
    """A character of a script written without spaces between words (wide, or Thai to Khmer)."""
    return unicodedata.east_asian_width(char) in ("W", "F") or "\u0e00" <= char <= "\u17ff"


def _covers(pattern: str, rule_id: str) -> bool:
    return rule_id == pattern or rule_id.startswith(pattern + ".")


def suppressions(post: Post, policy: Policy) -> Exceptions:
    """The rule ids or prefixes a post allows in its ``voicelint:`` mapping, validated."""
    raw = post.suppressions
    if raw is None:
        return Exceptions()
    if not isinstance(raw, Mapping):
        raise InputError(
            post.path,
            post.line,
            "voicelint: must be a mapping with allow:",
            "e.g. voicelint: {allow: [claims.superlative], reason: ...}",
        )
    for key in raw:
        if key not in SUPPRESSION_KEYS:
            raise InputError(
                post.path,
                post.line,
                f'unknown key "{key}" in voicelint:',
                did_you_mean(str(key), SUPPRESSION_KEYS),
            )
    allow = raw.get("allow") or []
    if isinstance(allow, str):
        allow = [allow]
    if not isinstance(allow, list) or not all(isinstance(a, str) for a in allow):
        raise InputError(
            post.path,
            post.line,
            "voicelint.allow must be a list of rule ids",
            "e.g. [claims.superlative]",
        )
    ids = [rule.id for rule in policy.rules]
    for pattern in allow:
        if not any(_covers(pattern, rule_id) for rule_id in ids):
            raise InputError(
                post.path,
                post.line,
                f'voicelint.allow names unknown rule "{pattern}"',
                did_you_mean(pattern, ids),
            )
    reason, approved_by = raw.get("reason"), raw.get("approved_by")
    return Exceptions(
        allow=tuple(dict.fromkeys(allow)),
        reason=_text_or_none(reason),
        approved_by=_text_or_none(approved_by),
        expires=_expiry(post, raw.get("expires")),
    )


def _text_or_none(value: Any) -> str | None:
    return None if value is None or not str(value).strip() else str(value).strip()


def _expiry(post: Post, value: Any) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise InputError(
            post.path,
            post.line,
            f'voicelint.expires is not a date: "{value}"',
            "write it as YYYY-MM-DD, e.g. expires: 2026-12-31",
        ) from None


def example_post(example: Example, index: int = 1) -> Post:
    """A rule example as a post of its own, so examples run through the same engine as drafts."""
    return Post(
        source=SourceFile("<example>", example.text),
        index=index,
        id=f"example-{index}",
        text=example.text,
        text_map=TextMap.identity(),
        line=1,
        platform=example.platform,
        kind=example.kind,
        in_reply_to=example.in_reply_to,
        sponsored=example.sponsored,
    )


def example_policy(spec: RuleSpec) -> Policy:
    """The policy a rule's examples run under: its pack, and the settings the rule asks for."""
    data: dict[str, Any] = {key: value for key, value in spec.example_policy.items()}
    if spec.pack != "core" and spec.origin.startswith("<built-in"):
        data["extends"] = [spec.pack]
    return build_policy(data, {}, f"<examples of {spec.id}>", None, None)


def check_examples(spec: RuleSpec, compiled: CompiledPolicy | None = None) -> list[str]:
    """What is wrong with a rule's examples: each fire must give this rule, each pass must not."""
    if compiled is None:
        compiled = compile_policy(example_policy(spec))
    problems = []
    for which, examples in (("fire", spec.fire), ("pass", spec.passes)):
        for index, example in enumerate(examples, 1):
            post = example_post(example, index)
            fired = [f for f in lint_post(compiled, post).findings if f.rule == spec.id]
            if which == "fire" and not fired:
                problems.append(f"{spec.id}: fire example not flagged: {example.text!r}")
            if which == "pass" and fired:
                problems.append(
                    f"{spec.id}: pass example flagged at {fired[0].match!r}: {example.text!r}"
                )
    return problems
