"""Process rules: the built-in checks on how a post is approved and scheduled, documented in code.

Also the two format rules (``format.invalid-post``, ``format.unreadable-file``) that the readers
raise for a bad post or file: like the process rules, they are not pack rules, so they are
documented here and listed with them.

They are not ordinary rules (no kind matches words in the text): the engine raises them from a
post's ``voicelint:`` exceptions and the schedule check from its ``publish_at``. They carry the
same documentation as a pack's rules so `voicelint rules`, `explain` and the SARIF output list them.
"""

from __future__ import annotations

from voicelint.model import Finding, Post
from voicelint.packs import Example, RuleSpec, render_message

PROCESS_PACK = "process"
CATEGORY = "process"
ORIGIN = "<built-in process rules>"
NEAR_LINES = 40


def _rule(
    name: str, severity: str, summary: str, why: str, message: str, fire: str, passes: str
) -> RuleSpec:
    return RuleSpec(
        id=f"{CATEGORY}.{name}",
        kind="process",
        category=CATEGORY,
        severity=severity,
        summary=summary,
        why=why,
        message=message,
        params={},
        fire=(Example(fire),),
        passes=(Example(passes),),
        pack=PROCESS_PACK,
        origin=ORIGIN,
        line=None,
    )


EXCEPTION_UNAPPROVED = _rule(
    "exception-unapproved",
    "error",
    "An exception allows a rule the policy lets no one allow without a reason and an approver.",
    "The client's policy (exceptions.require_approval) asks that whoever allows a rule at or above "
    "that severity says why and who signed it off, so the agency can show who approved what.",
    'The exception for "{match}" needs {missing}: the policy requires them for {level}-level rules; the finding stands until they are added.',
    "voicelint: {allow: [claims.finance.risk-free]}   (policy: exceptions: {require_approval: error})",
    'voicelint: {allow: [claims.finance.risk-free], reason: "legal ok 2026-11-20", approved_by: "M. Ortiz"}',
)
EXCEPTION_EXPIRED = _rule(
    "exception-expired",
    "warning",
    "An exception's expires date has passed, so it no longer allows anything.",
    "Approvals are given for a campaign, not for ever; an expired one must be renewed by its "
    "approver or removed.",
    'The exception for "{match}" expired on {expires}; renew it with its approver or remove it.',
    "voicelint: {allow: [claims.superlative], expires: 2020-01-31, ...}",
    "voicelint: {allow: [claims.superlative], expires: 2099-01-31, ...}",
)
EXCEPTION_UNUSED = _rule(
    "exception-unused",
    "warning",
    "An exception allows a rule that does not fire on the post.",
    "An exception that suppresses nothing hides the next real problem of that rule and makes the "
    "approval record wrong (like ruff's unused-noqa, RUF100).",
    'The exception for "{match}" allows nothing in this post; remove it.',
    "text: Open an account today.  voicelint: {allow: [claims.superlative]}",
    "text: The most trusted bank.  voicelint: {allow: [claims.superlative]}",
)
BLACKOUT = _rule(
    "blackout",
    "error",
    "A post is scheduled inside one of the client's blackout windows.",
    "The client's policy (calendar.blackout) stops these posts in a crisis or on a day of "
    "mourning; publishing one then is the kind of mistake a brand apologises for.",
    "Scheduled for {publish_at}, inside the blackout {window}: {reason}; move or hold the post.",
    "publish_at: 2026-11-26T09:00  (calendar: blackout: [{from: 2026-11-26, to: 2026-11-27, ...}])",
    "publish_at: 2026-11-30T09:00  (calendar: blackout: [{from: 2026-11-26, to: 2026-11-27, ...}])",
)
PUBLISH_IN_PAST = _rule(
    "publish-in-past",
    "warning",
    "A post's publish_at is already in the past.",
    "A scheduler either rejects a past date or publishes at once, out of its slot in the calendar "
    "(checked when the policy has a calendar: section).",
    "publish_at {publish_at} is in the past; reschedule the post.",
    "publish_at: 2020-01-01T09:00:00Z",
    "publish_at: 2099-01-01T09:00:00Z",
)


def _format_rule(name: str, summary: str, why: str, fire: str, passes: str) -> RuleSpec:
    return RuleSpec(
        id=f"format.{name}",
        kind="format",
        category="format",
        severity="error",
        summary=summary,
        why=why,
        message="{problem} ({remedy})",  # as the reader words it
        params={},
        fire=(Example(fire),),
        passes=(Example(passes),),
        pack="format",
        origin="<built-in checks of post files>",
        line=None,
    )


# Raised by the readers, not by a rule: one bad post or file is an error finding at its line, and
# every other post and file is still checked (as ruff reports a syntax error and goes on).
INVALID_POST = _format_rule(
    "invalid-post",
    "A post (or a file-level default) has a bad field: an unknown key or platform, a date that is "
    "not ISO 8601, a value of the wrong type, no text.",
    "A post that cannot be read as the team meant it cannot be checked; reporting it as an error "
    "keeps the gate from passing it, while every other post is still checked.",
    "posts: [{text: Our new savings account, platform: reddit}]",
    "posts: [{text: Our new savings account, platform: linkedin}]",
)
UNREADABLE_FILE = _format_rule(
    "unreadable-file",
    "A post file cannot be read or parsed: malformed YAML, JSON or CSV, binary, not UTF-8, too "
    "large, or YAML aliases that expand past the limit.",
    "None of its posts can be checked, so the file fails the check instead of passing unseen; "
    "the other files are still checked.",
    'posts: [{text: "Open an account today}]   (the quote is never closed)',
    'posts: [{text: "Open an account today"}]',
)
FORMAT_RULES: tuple[RuleSpec, ...] = (INVALID_POST, UNREADABLE_FILE)

PROCESS_RULES: tuple[RuleSpec, ...] = (
    EXCEPTION_UNAPPROVED,
    EXCEPTION_EXPIRED,
    EXCEPTION_UNUSED,
    BLACKOUT,
    PUBLISH_IN_PAST,
    *FORMAT_RULES,
)

# what a policy sets for each; `rules:` overrides do not apply to process rules
SETTINGS = {
    EXCEPTION_UNAPPROVED.id: "exceptions: {require_approval: error}   (error | warning | info | never, the default)",
    EXCEPTION_EXPIRED.id: "a post's voicelint: {expires: YYYY-MM-DD}; the exception holds through that day",
    EXCEPTION_UNUSED.id: "remove the rule from the post's voicelint: allow",
    BLACKOUT.id: "calendar: {blackout: [{from, to, reason, applies_to: promotional | all}]}",
    PUBLISH_IN_PAST.id: "calendar: {past: warning}   (error | warning | info | off; needs a calendar: section)",
}


def process_finding(
    post: Post, spec: RuleSpec, client: str | None, values: dict[str, str], near: str = ""
) -> Finding:
    """A finding about the whole post, placed at ``near`` (e.g. the allowed rule id) when the
    source shows it within the post's first lines, else at the post's first line."""
    source = post.source
    starts = source.line_starts
    start = starts[post.line - 1] if post.line <= len(starts) else 0
    # posts carry no source map for their keys, so look a bounded distance past the post's start
    stop = starts[post.line - 1 + NEAR_LINES] if post.line - 1 + NEAR_LINES < len(starts) else None
    offset = source.text.find(near, start, stop) if near else -1
    if offset < 0:
        line, column, end_line, end_column = post.line, 1, post.line, 1
    else:
        line, column = source.line_col(offset)
        end_line, end_column = source.line_col(offset + len(near))
    message = render_message(spec.message, near, values)
    return Finding(
        path=post.path,
        post=post.id,
        client=client,
        rule=spec.id,
        category=spec.category,
        severity=spec.severity,
        message=message,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        start=0,
        end=0,
        match="",
        fix=None,
    )
