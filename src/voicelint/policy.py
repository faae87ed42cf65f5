"""Client policies: load, validate and resolve a policy file into the rules it runs and their settings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from voicelint.data import builtin_packs, example_policies, is_client_id
from voicelint.errors import PolicyError, did_you_mean
from voicelint.model import INTENTS, PLATFORMS, SEVERITIES
from voicelint.packs import (
    ALWAYS_ON,
    CORE_PACK,
    EXAMPLE_KEYS,
    AddedEntry,
    Example,
    RuleSpec,
    as_list,
    load_pack,
    parse_rule,
    placeholders,
    template_problem,
)
from voicelint.yamlfile import (
    QUOTE_WORDS,
    Lines,
    line_of,
    load_yaml,
    read_config_text,
    reject_unknown,
)

POLICY_KEYS = (
    "client",
    "name",
    "description",
    "extends",
    "voice",
    "channels",
    "routing",
    "claims",
    "rules",
    "custom_rules",
    "exceptions",
    "calendar",
    "examples",
)
REGISTERS = ("formal", "neutral", "casual")
# voice key -> what it holds
VOICE_KEYS = {
    "register": "formal, neutral or casual",
    "max_exclamations": "a number, or a mapping of platform to number",
    "max_emoji": "a number, or a mapping of platform to number",
    "max_hashtags": "a number, or a mapping of platform to number",
    "max_mentions": "a number, or a mapping of platform to number",
    "max_length": "a number, or a mapping of platform to number",
    "max_caps_share": "a share of words between 0 and 1",
    "allowed_caps": "a list of words that may be written in capitals",
    "banned_terms": "a list of words or phrases",
    "preferred_terms": "a mapping of term to preferred term",
    "competitors": "a list of names",
    "competitor_mentions": "allow (the default) or warn (flag every mention of a competitor)",
    "register_by_platform": "a mapping of platform to register, e.g. {linkedin: formal}",
    "allowed_terms": "a list of words the register and crude-language checks let through",
    "key_messages": "a list of phrases that must show before the platform cuts the text",
}
COMPETITOR_MENTIONS = ("allow", "warn")
CHANNEL_KEYS = ("support", "phone", "press", "email", "web", "legal", "safety", "dm")
ROUTING_INTENTS = INTENTS
# the kinds that send a customer to the channel routing: names (customer-care's)
ROUTING_KINDS = ("handoff", "escalation")
ROUTING_DESTINATIONS = ("dm", "phone", "support", "email", "web", "legal", "press", "safety")
CLAIMS_KEYS = ("approved",)
EXCEPTIONS_KEYS = ("require_approval",)
APPROVAL_LEVELS = (*SEVERITIES, "never")
CALENDAR_KEYS = ("blackout", "past")
BLACKOUT_KEYS = ("from", "to", "reason", "applies_to")
APPLIES_TO = ("promotional", "all")
POLICY_EXAMPLE_KEYS = (*EXAMPLE_KEYS, "rule")
OFF = "off"


@dataclass(frozen=True)
class Policy:
    """A client's policy, resolved: the rules it runs (overrides applied) and its settings."""

    client: str | None
    name: str
    path: str | None
    packs: tuple[str, ...]
    rules: tuple[RuleSpec, ...]
    settings: Mapping[str, Any] = field(default_factory=dict)
    approved_claims: tuple[str, ...] = ()
    # per rule entry ("tone.hostile-reply/blame-fault"): a severity, or off
    entry_settings: Mapping[str, str] = field(default_factory=dict)

    def rule(self, rule_id: str) -> RuleSpec | None:
        return next((r for r in self.rules if r.id == rule_id), None)


def load_policy(
    path: Path, display: str | None = None, expected_client: str | None = None
) -> Policy:
    """Read and validate a policy file."""
    display = display or str(path)
    data, lines = load_yaml(read_config_text(path, display), display)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise PolicyError(
            display,
            1,
            "a policy must be a mapping of sections (client, extends, voice...)",
            "run `voicelint init CLIENT` for a starter policy",
        )
    return build_policy(data, lines, display, path.parent, expected_client or path.stem)


def default_policy() -> Policy:
    """The policy of a post with no client: voicelint's core checks only."""
    return build_policy({"name": "voicelint defaults"}, {}, "<defaults>", None, None)


def build_policy(
    data: dict[str, Any], lines: Lines, display: str, base: Path | None, expected_client: str | None
) -> Policy:
    for key in data:
        reject_unknown(key, POLICY_KEYS, display, line_of(lines, key), "key")
    client = data.get("client", expected_client)
    if client is not None and not isinstance(client, str):
        raise PolicyError(
            display,
            line_of(lines, "client"),
            "client must be text",
            "use the file's name without .yaml",
        )
    if expected_client and client != expected_client and base is not None:
        raise PolicyError(
            display,
            line_of(lines, "client"),
            f'client "{client}" does not match the file name "{expected_client}"',
            f"rename the file to {client}.yaml or set client: {expected_client}",
        )
    settings = {
        "voice": _voice(data.get("voice"), display, lines),
        "channels": _string_map(data.get("channels"), "channels", CHANNEL_KEYS, display, lines),
        "routing": _routing(data.get("routing"), display, lines),
        "claims": _claims(data.get("claims"), display, lines),
        "exceptions": _exceptions(data.get("exceptions"), display, lines),
        "calendar": _calendar(data.get("calendar"), display, lines),
        "examples": _policy_examples(data.get("examples"), display, lines),
    }
    packs: list[tuple[str, int | None]] = [(name, None) for name in ALWAYS_ON]
    for index, ref in enumerate(as_list(data.get("extends"), display, lines, "extends")):
        line = line_of(lines, "extends", index)
        if not isinstance(ref, str) or not ref.strip():
            raise PolicyError(
                display, line, "extends entries must be pack names or paths", _pack_hint()
            )
        if ref not in ALWAYS_ON:
            packs.append((ref, line))
    rules: list[RuleSpec] = []
    for ref, line in packs:
        try:
            rules.extend(load_pack(ref, base))
        except PolicyError as error:
            if error.path is None:  # an unknown pack name: point at the policy's extends entry
                raise PolicyError(display, line, error.message, error.hint) from None
            raise
    for index, raw in enumerate(as_list(data.get("custom_rules"), display, lines, "custom_rules")):
        rules.append(parse_rule(raw, client or "custom", display, lines, ("custom_rules", index)))
    seen: dict[str, RuleSpec] = {}
    for rule in rules:
        if rule.id in seen:
            first = seen[rule.id]
            if (first.origin, first.line) == (rule.origin, rule.line):
                continue  # one pack reached twice (an always-on pack a custom pack extends too)
            raise PolicyError(
                rule.origin,
                rule.line,
                f"rule {rule.id} is already defined in {first.origin}",
                "give the rule an id of its own",
            )
        seen[rule.id] = rule
    entry_settings = _entry_overrides(list(seen.values()), data.get("rules"), display, lines)
    added, added_settings = _added_entries(list(seen.values()), data.get("rules"), display, lines)
    entry_settings.update(added_settings)
    rules = [
        replace(rule, added=added[rule.id]) if rule.id in added else rule for rule in seen.values()
    ]
    rules = _apply_overrides(rules, data.get("rules"), display, lines)
    # a general rule whose industry pack is in the policy leaves the claim to the pack (after the
    # overrides: "claims.disease-claim: off" stays valid whatever the packs)
    loaded = {rule.pack for rule in rules}
    rules = [rule for rule in rules if not loaded.intersection(rule.gives_way_to)]
    if settings["routing"] and not any(rule.kind in ROUTING_KINDS for rule in rules):
        raise PolicyError(
            display,
            line_of(lines, "routing"),
            "routing: is set but no rule of this policy routes replies, so it never runs",
            "add customer-care to extends, or remove routing:",
        )
    name = data.get("name") or client or "policy"
    # who "we" are, for the checks that read the brand's own name as its voice ("Parlo lands you
    # the job" is the brand speaking of its product)
    settings["brand"] = [str(name)] + ([client] if client else [])
    return Policy(
        client=client,
        name=str(name),
        path=display,
        packs=tuple(ref for ref, _ in packs),
        rules=tuple(rules),
        settings=settings,
        approved_claims=tuple(settings["claims"].get("approved", ())),
        entry_settings=entry_settings,
    )


def _pack_hint() -> str:
    return "built-in packs: " + ", ".join(n for n in builtin_packs() if n != CORE_PACK)


def _mapping(value: Any, section: str, display: str, lines: Lines) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise PolicyError(
            display,
            line_of(lines, section),
            f"{section} must be a mapping",
            "see the README's policy example",
        )
    return value


def _voice(value: Any, display: str, lines: Lines) -> dict[str, Any]:
    voice = _mapping(value, "voice", display, lines)
    for key, item in voice.items():
        line = line_of(lines, "voice", key)
        reject_unknown(key, VOICE_KEYS, display, line, "voice setting")
        expected = VOICE_KEYS[key]
        ok = True
        if key == "register":
            ok = item in REGISTERS
        elif key == "competitor_mentions":
            ok = item in COMPETITOR_MENTIONS
        elif key == "register_by_platform":
            ok = isinstance(item, dict)
            for platform, register in (item or {}).items() if ok else ():
                where = line_of(lines, "voice", key, platform)
                if platform not in PLATFORMS:
                    raise PolicyError(
                        display,
                        where,
                        f'unknown platform "{platform}" in voice.{key}',
                        did_you_mean(str(platform), PLATFORMS),
                    )
                if register not in REGISTERS:
                    raise PolicyError(
                        display,
                        where,
                        f'unknown register "{register}" for {platform}',
                        did_you_mean(str(register), REGISTERS),
                    )
        elif key.startswith("max_") and key != "max_caps_share":
            ok = _is_count(item) or (
                isinstance(item, dict)
                and all(_is_count(v) for v in item.values())
                and all(k == "default" or k in PLATFORMS for k in item)
            )
            if isinstance(item, dict) and not ok:
                bad = next((k for k in item if k != "default" and k not in PLATFORMS), None)
                if bad is not None:
                    raise PolicyError(
                        display,
                        line_of(lines, "voice", key, bad),
                        f'unknown platform "{bad}" in voice.{key}',
                        did_you_mean(str(bad), [*PLATFORMS, "default"]),
                    )
        elif key == "max_caps_share":
            ok = isinstance(item, int | float) and not isinstance(item, bool) and 0 <= item <= 1
        elif key == "preferred_terms":
            ok = isinstance(item, dict) and all(
                isinstance(k, str) and k.strip() and isinstance(v, str) and v.strip()
                for k, v in item.items()
            )
        else:
            ok = isinstance(item, list) and all(isinstance(v, str) and v.strip() for v in item)
        if not ok:
            raise PolicyError(display, line, f"voice.{key} must be {expected}", _got(item))
    return voice


def _got(item: Any) -> str:
    """What a bad value was, and why when YAML made it: unquoted yes, no, on and off are read as
    true and false ("allowed_caps: [FDA, ON]" holds ``True``), so the hint says to quote them."""
    values = item if isinstance(item, list) else [item]
    if any(isinstance(v, bool) for v in values):
        return f"got {item!r}; {QUOTE_WORDS}"
    return f"got {item!r}"


def _is_count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _string_map(
    value: Any, section: str, keys: tuple[str, ...], display: str, lines: Lines
) -> dict[str, str]:
    mapping = _mapping(value, section, display, lines)
    for key, item in mapping.items():
        reject_unknown(key, keys, display, line_of(lines, section, key), f"{section} key")
        if not isinstance(item, str | int) or isinstance(item, bool):
            raise PolicyError(
                display,
                line_of(lines, section, key),
                f"{section}.{key} must be text",
                'quote it, e.g. "@AcmeHelp"',
            )
        mapping[key] = str(item)
    return mapping


def _routing(value: Any, display: str, lines: Lines) -> dict[str, str]:
    routing = _mapping(value, "routing", display, lines)
    for intent, destination in routing.items():
        reject_unknown(
            intent, ROUTING_INTENTS, display, line_of(lines, "routing", intent), "routing intent"
        )
        if destination not in ROUTING_DESTINATIONS:
            raise PolicyError(
                display,
                line_of(lines, "routing", intent),
                f'unknown destination "{destination}" for {intent}',
                did_you_mean(str(destination), ROUTING_DESTINATIONS),
            )
    return routing


def _claims(value: Any, display: str, lines: Lines) -> dict[str, Any]:
    claims = _mapping(value, "claims", display, lines)
    for key, item in claims.items():
        reject_unknown(key, CLAIMS_KEYS, display, line_of(lines, "claims", key), "claims key")
        if not isinstance(item, list) or not all(isinstance(v, str) and v.strip() for v in item):
            raise PolicyError(
                display,
                line_of(lines, "claims", key),
                "claims.approved must be a list of claims as you will write them",
                'e.g. ["Best Regional Bank 2026"]',
            )
    return claims


@dataclass(frozen=True)
class Blackout:
    """A window in which the client publishes nothing promotional (or nothing at all).

    ``start``/``end`` are dates (whole days, ``end`` included) or date-times.
    """

    start: dt.date | dt.datetime
    end: dt.date | dt.datetime
    reason: str
    applies_to: str
    line: int | None


@dataclass(frozen=True)
class PolicyExample:
    """A draft the client insists must be flagged (by ``rule`` when given) or must pass clean."""

    example: Example
    rule: str | None
    line: int | None


def _exceptions(value: Any, display: str, lines: Lines) -> dict[str, str]:
    section = _mapping(value, "exceptions", display, lines)
    for key, item in section.items():
        line = line_of(lines, "exceptions", key)
        reject_unknown(key, EXCEPTIONS_KEYS, display, line, "exceptions key")
        if item not in APPROVAL_LEVELS:
            raise PolicyError(
                display,
                line,
                f'exceptions.require_approval "{item}" is not valid',
                "the lowest severity whose exceptions need reason and approved_by: "
                + ", ".join(APPROVAL_LEVELS),
            )
    return {"require_approval": section.get("require_approval", "never")}


def _calendar(value: Any, display: str, lines: Lines) -> dict[str, Any]:
    if value is None:
        return {}
    section = _mapping(value, "calendar", display, lines)
    for key in section:
        reject_unknown(key, CALENDAR_KEYS, display, line_of(lines, "calendar", key), "calendar key")
    past = section.get("past", "warning")
    if past is False:  # YAML reads a bare `off` as false
        past = OFF
    if past not in (*SEVERITIES, OFF):
        raise PolicyError(
            display,
            line_of(lines, "calendar", "past"),
            f'calendar.past "{past}" is not valid',
            "use error, warning, info or off",
        )
    windows = []
    for index, raw in enumerate(
        as_list(section.get("blackout"), display, lines, "calendar", "blackout")
    ):
        windows.append(_blackout(raw, display, lines, ("calendar", "blackout", index)))
    return {"past": past, "blackout": tuple(windows)}


def _blackout(raw: Any, display: str, lines: Lines, path: tuple[Any, ...]) -> Blackout:
    line = line_of(lines, *path)
    example = "e.g. {from: 2026-11-26, to: 2026-11-27, reason: Day of mourning}"
    if not isinstance(raw, dict):
        raise PolicyError(display, line, "each blackout must be a mapping", example)
    for key in raw:
        reject_unknown(key, BLACKOUT_KEYS, display, line_of(lines, *path, key), "blackout key")
    bounds = []
    for key in ("from", "to"):
        bound = _when(raw.get(key))
        if bound is None:
            raise PolicyError(
                display,
                line_of(lines, *path, key),
                f"a blackout needs {key}: as a date or an ISO 8601 date-time",
                example,
            )
        bounds.append(bound)
    start, end = bounds
    for key, bound in (("from", start), ("to", end)):
        # a date's whole day, a time's offset, must still fall inside what Python can count
        if not dt.date.min < _naive(bound).date() < dt.date.max:
            raise PolicyError(
                display,
                line_of(lines, *path, key),
                f"a blackout's {key}: is at the edge of the calendar (0001-01-01 or 9999-12-31)",
                "give a date in between, e.g. 2026-11-26",
            )
    if _naive(end) < _naive(start):
        raise PolicyError(
            display, line_of(lines, *path, "to"), "a blackout ends before it starts", example
        )
    reason = raw.get("reason")
    if not isinstance(reason, str) or not reason.strip():
        raise PolicyError(
            display,
            line_of(lines, *path, "reason"),
            "a blackout needs a reason",
            "the reason is shown to whoever scheduled the post",
        )
    applies_to = raw.get("applies_to", "promotional")
    if applies_to not in APPLIES_TO:
        raise PolicyError(
            display,
            line_of(lines, *path, "applies_to"),
            f'applies_to "{applies_to}" is not valid',
            "promotional (posts; replies go on) or all",
        )
    return Blackout(start, end, reason.strip(), applies_to, line)


def _when(value: Any) -> dt.date | dt.datetime | None:
    if isinstance(value, dt.date):  # datetime is a date too
        return value
    if not isinstance(value, str):
        return None
    written = value.strip()
    if written[-1:] in ("z", "Z"):
        written = written[:-1] + "+00:00"
    try:
        return (
            dt.date.fromisoformat(written)
            if len(written) == 10
            else dt.datetime.fromisoformat(written)
        )
    except ValueError:
        return None


def _naive(value: dt.date | dt.datetime) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None)
    return dt.datetime.combine(value, dt.time())


def _policy_examples(
    value: Any, display: str, lines: Lines
) -> dict[str, tuple[PolicyExample, ...]]:
    section = _mapping(value, "examples", display, lines)
    result: dict[str, tuple[PolicyExample, ...]] = {"flag": (), "pass": ()}
    for key, items in section.items():
        if key not in result:
            raise PolicyError(
                display,
                line_of(lines, "examples", key),
                f'unknown examples key "{key}"',
                "flag: drafts that must be flagged; pass: drafts that must not be",
            )
        parsed = []
        for index, item in enumerate(as_list(items, display, lines, "examples", key)):
            parsed.append(_policy_example(item, display, lines, ("examples", key, index)))
        result[key] = tuple(parsed)
    return result


def _policy_example(item: Any, display: str, lines: Lines, path: tuple[Any, ...]) -> PolicyExample:
    line = line_of(lines, *path)
    if isinstance(item, str):
        item = {"text": item}
    if (
        not isinstance(item, dict)
        or not isinstance(item.get("text"), str)
        or not item["text"].strip()
    ):
        raise PolicyError(
            display,
            line,
            "an example is a draft's text, or a mapping with text:",
            'e.g. - "Guaranteed returns!" or - {text: "...", rule: claims.finance}',
        )
    for key in item:
        if key not in POLICY_EXAMPLE_KEYS:
            raise PolicyError(
                display,
                line_of(lines, *path, key),
                f'unknown key "{key}" in an example',
                did_you_mean(str(key), POLICY_EXAMPLE_KEYS),
            )
    platform = item.get("platform")
    if platform is not None and platform not in PLATFORMS:
        raise PolicyError(
            display,
            line_of(lines, *path, "platform"),
            f'unknown platform "{platform}"',
            did_you_mean(str(platform), PLATFORMS),
        )
    kind = item.get("kind", "post")
    if kind not in ("post", "reply"):
        raise PolicyError(
            display, line_of(lines, *path, "kind"), f'unknown kind "{kind}"', "post or reply"
        )
    rule = item.get("rule")
    if rule is not None and not isinstance(rule, str):
        raise PolicyError(display, line_of(lines, *path, "rule"), "rule must be a rule id", "")
    example = Example(
        text=item["text"],
        platform=platform,
        kind=kind,
        in_reply_to=item.get("in_reply_to"),
        sponsored=bool(item.get("sponsored", False)),
    )
    return PolicyExample(example, rule, line)


def _apply_overrides(
    rules: list[RuleSpec], value: Any, display: str, lines: Lines
) -> list[RuleSpec]:
    """Per-rule severities or ``off``, by rule id or by dotted prefix (``claims.finance``)."""
    overrides = _mapping(value, "rules", display, lines)
    ids = [rule.id for rule in rules]
    for key, setting in overrides.items():
        if ENTRY_SEPARATOR in str(key):
            continue  # an entry of a rule: see _entry_overrides
        line = line_of(lines, "rules", key)
        setting = overrides[key] = _setting(setting, f"rule setting {{}} for {key}", display, line)
        if not any(rule_id == key or rule_id.startswith(f"{key}.") for rule_id in ids):
            raise PolicyError(display, line, f'unknown rule "{key}"', _rule_hint(str(key), ids))
    result = []
    for rule in rules:
        setting = _override_for(rule.id, overrides)
        if setting == OFF:
            continue
        if setting:
            rule = replace(rule, severity=setting)
        result.append(rule)
    return result


ENTRY_SEPARATOR = "/"


def rule_entries(rule: RuleSpec) -> list[tuple[str, str]]:
    """A rule's entries as ``(full id, summary)``, e.g. ``("tone.hostile-reply/blame-fault",
    "blames the customer: ...")``: its kind's (from the kind's ``entries`` function), then those
    the policy added (``rules: {RULE/NAME: [words]}``)."""
    from voicelint.kinds import KINDS  # not at import: a cached run reads a policy without kinds

    listed = getattr(KINDS.get(rule.kind), "entries", None)  # format rules have no kind module
    found = (
        [(f"{rule.id}{ENTRY_SEPARATOR}{name}", summary) for name, summary in listed(rule.params)]
        if listed is not None
        else []
    )
    return found + [
        (
            f"{rule.id}{ENTRY_SEPARATOR}{entry.name}",
            "the policy's own words: " + _words(entry.words),
        )
        for entry in rule.added
    ]


def _words(words: tuple[str, ...]) -> str:
    shown = ", ".join(f'"{w}"' for w in words[:6])
    return shown + (f" and {len(words) - 6} more" if len(words) > 6 else "")


def _entry_overrides(
    rules: list[RuleSpec], value: Any, display: str, lines: Lines
) -> dict[str, str]:
    """Per-entry severities or ``off``, by the entry's full id (``RULE/ENTRY``), validated."""
    overrides = _mapping(value, "rules", display, lines)
    by_id = {rule.id: rule for rule in rules}
    settings = {}
    for key, setting in overrides.items():
        if ENTRY_SEPARATOR not in str(key) or isinstance(setting, (list, dict)):
            continue  # a rule, or an entry the policy adds (_added_entries)
        line = line_of(lines, "rules", key)
        setting = _setting(setting, f"entry setting {{}} for {key}", display, line)
        rule = _rule_of_entry(str(key), by_id, display, line)
        rule_id = rule.id
        known = [entry for entry, _ in rule_entries(rule)]
        if not known:
            raise PolicyError(
                display,
                line,
                f"rule {rule_id} has no entries to set one by one",
                f"set the whole rule instead: rules: {{{rule_id}: {setting}}}",
            )
        if key not in known:
            raise PolicyError(
                display,
                line,
                f'unknown entry "{key}"',
                _entry_hint(str(key), known, rule_id),
            )
        settings[str(key)] = setting
    return settings


# Kinds whose hits are words in the draft, which a policy's own words can extend. A rule that
# fires on what a draft lacks (a disclosure, a hand-off), on a measure (length, emoji) or on a
# sentence its conditions describe (kind sentence) cannot.
ENTRY_KINDS = frozenset(
    {"phrase", "pattern", "near", "claim", "hostility", "competitor", "profanity", "register"}
)
ADDED_ENTRY_KEYS = ("words", "message", "severity")
MAX_ADDED_WORDS = 500


def _added_entries(
    rules: list[RuleSpec], value: Any, display: str, lines: Lines
) -> tuple[dict[str, tuple[AddedEntry, ...]], dict[str, str]]:
    """Entries a policy adds to a rule: ``rules: {RULE/NAME: [words...]}``, or
    ``{RULE/NAME: {words: [...], message: ..., severity: ...}}``; by rule id, and the severities
    they are given."""
    overrides = _mapping(value, "rules", display, lines)
    by_id = {rule.id: rule for rule in rules}
    added: dict[str, list[AddedEntry]] = {}
    settings: dict[str, str] = {}
    for key, setting in overrides.items():
        if ENTRY_SEPARATOR not in str(key) or not isinstance(setting, (list, dict)):
            continue
        line = line_of(lines, "rules", key)
        rule = _rule_of_entry(str(key), by_id, display, line)
        rule_id, name = str(key).split(ENTRY_SEPARATOR, 1)
        if rule.kind not in ENTRY_KINDS:
            raise PolicyError(
                display,
                line,
                f"rule {rule_id} fires on what a draft lacks or measures, not on words: "
                "it takes no entries of yours",
                "write a custom rule under custom_rules: instead",
            )
        if not name or not all(c.isalnum() or c == "-" for c in name) or name != name.lower():
            raise PolicyError(
                display,
                line,
                f'entry name "{name}" in {key} is not valid',
                "use lowercase letters, digits and hyphens: rules: {RULE/my-words: [...]}",
            )
        if str(key) in {entry for entry, _ in rule_entries(rule)}:
            raise PolicyError(
                display,
                line,
                f"{key} is already an entry of {rule_id}",
                f"give yours another name, or set this one: rules: {{{key}: warning}}",
            )
        fields = setting if isinstance(setting, dict) else {"words": setting}
        for field_key in fields:
            reject_unknown(field_key, ADDED_ENTRY_KEYS, display, line, "key of an added entry")
        words = fields.get("words")
        if (
            not isinstance(words, list)
            or not words
            or len(words) > MAX_ADDED_WORDS
            or not all(isinstance(w, str) and w.strip() and len(w) <= 200 for w in words)
        ):
            raise PolicyError(
                display,
                line,
                f"{key}: words must be a list of words or phrases",
                f'e.g. ["a phrase", "another"], at most {MAX_ADDED_WORDS}',
            )
        message = fields.get("message")
        if message is not None:
            problem = (
                template_problem(message, frozenset({"match"}))
                if isinstance(message, str)
                else "is not text"
            )
            if problem:
                raise PolicyError(
                    display, line, f"{key}: the message {problem}", "only {match} may be filled in"
                )
        elif placeholders(rule.message) - {"match"}:
            raise PolicyError(
                display,
                line,
                f"{key}: {rule_id}'s message needs values your words cannot give",
                "give the entry a message of its own: {words: [...], message: ...}",
            )
        severity = fields.get("severity")
        if severity is not None:
            settings[str(key)] = _setting(severity, f"{key}: severity {{}}", display, line)
        added.setdefault(rule_id, []).append(AddedEntry(name, tuple(words), message))
    return {rule_id: tuple(entries) for rule_id, entries in added.items()}, settings


def _setting(setting: Any, what: str, display: str, line: int | None) -> str:
    """A severity or ``off`` (YAML reads a bare ``off`` as false); ``what`` names it, with ``{}``
    where the bad value goes."""
    if setting is False:
        return OFF
    if setting not in (*SEVERITIES, OFF):
        raise PolicyError(
            display,
            line,
            what.format(f'"{setting}"') + " is not valid",
            "use error, warning, info or off",
        )
    return str(setting)


def _rule_of_entry(
    key: str, by_id: Mapping[str, RuleSpec], display: str, line: int | None
) -> RuleSpec:
    """The rule an entry id (``RULE/ENTRY``) belongs to, or one line naming the nearest."""
    rule_id = key.split(ENTRY_SEPARATOR, 1)[0]
    rule = by_id.get(rule_id)
    if rule is None:
        raise PolicyError(
            display, line, f'unknown rule "{rule_id}" in {key}', _rule_hint(rule_id, list(by_id))
        )
    return rule


def _entry_hint(key: str, known: list[str], rule_id: str) -> str:
    close = did_you_mean(key, known)
    if close.startswith("did you mean"):
        return close
    return f"`voicelint explain {rule_id}` lists its entries"


def _override_for(rule_id: str, overrides: Mapping[str, str]) -> str | None:
    """The most specific override: the rule's own id beats a prefix, a longer prefix a shorter one."""
    best = None
    for key, setting in overrides.items():
        if (rule_id == key or rule_id.startswith(f"{key}.")) and (
            best is None or len(key) > len(best[0])
        ):
            best = (key, setting)
    return best[1] if best else None


def _rule_hint(key: str, ids: list[str]) -> str:
    close = did_you_mean(key, ids)
    if close.startswith("did you mean"):
        return close
    for pack in builtin_packs():
        try:
            pack_ids = [rule.id for rule in load_pack(pack)]
        except PolicyError:
            continue
        if key in pack_ids or any(i.startswith(f"{key}.") for i in pack_ids):
            return f'it is in the "{pack}" pack: add {pack} to extends'
    return "`voicelint rules` lists the rule ids"


def find_client_policy(client: str, policy_dirs: list[Path]) -> Path | None:
    """The policy file of a client: the first directory that has ``<client>.yaml`` wins."""
    if not is_client_id(client):
        return None
    for directory in policy_dirs:
        for suffix in (".yaml", ".yml"):
            candidate = directory / f"{client}{suffix}"
            if candidate.is_file():
                return candidate
    return example_policies().get(client)


def known_clients(policy_dirs: list[Path]) -> list[str]:
    names = set(example_policies())
    for directory in policy_dirs:
        if directory.is_dir():
            names.update(p.stem for p in directory.glob("*.y*ml"))
    return sorted(names)
