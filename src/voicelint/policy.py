"""Client policies: load, validate and resolve a policy file into the rules it runs and their settings."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from voicelint.data import builtin_packs, example_policies
from voicelint.errors import PolicyError, did_you_mean
from voicelint.model import PLATFORMS, SEVERITIES
from voicelint.packs import CORE_PACK, RuleSpec, as_list, load_pack, parse_rule
from voicelint.yamlfile import Lines, line_of, load_yaml, read_config_text

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
}
CHANNEL_KEYS = ("support", "phone", "press", "email", "web", "legal", "safety", "dm")
ROUTING_INTENTS = (
    "billing",
    "order_status",
    "account_security",
    "legal_threat",
    "injury",
    "adverse_event",
    "medical_question",
    "press_inquiry",
    "crisis",
)
ROUTING_DESTINATIONS = ("dm", "phone", "support", "email", "web", "legal", "press", "safety")
CLAIMS_KEYS = ("approved",)
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
        if key not in POLICY_KEYS:
            raise PolicyError(
                display,
                line_of(lines, key),
                f'unknown key "{key}"',
                did_you_mean(str(key), POLICY_KEYS),
            )
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
    }
    packs: list[tuple[str, int | None]] = [(CORE_PACK, None)]
    for index, ref in enumerate(as_list(data.get("extends"), display, lines, "extends")):
        line = line_of(lines, "extends", index)
        if not isinstance(ref, str) or not ref.strip():
            raise PolicyError(
                display, line, "extends entries must be pack names or paths", _pack_hint()
            )
        if ref != CORE_PACK:
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
            raise PolicyError(
                rule.origin,
                rule.line,
                f"rule {rule.id} is already defined in {first.origin}",
                "give the rule an id of its own",
            )
        seen[rule.id] = rule
    rules = _apply_overrides(list(seen.values()), data.get("rules"), display, lines)
    name = data.get("name") or client or "policy"
    return Policy(
        client=client,
        name=str(name),
        path=display,
        packs=tuple(ref for ref, _ in packs),
        rules=tuple(rules),
        settings=settings,
        approved_claims=tuple(settings["claims"].get("approved", ())),
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
        if key not in VOICE_KEYS:
            raise PolicyError(
                display, line, f'unknown voice setting "{key}"', did_you_mean(str(key), VOICE_KEYS)
            )
        expected = VOICE_KEYS[key]
        ok = True
        if key == "register":
            ok = item in REGISTERS
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
                isinstance(k, str) and isinstance(v, str) for k, v in item.items()
            )
        else:
            ok = isinstance(item, list) and all(isinstance(v, str) and v.strip() for v in item)
        if not ok:
            raise PolicyError(display, line, f"voice.{key} must be {expected}", f"got {item!r}")
    return voice


def _is_count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _string_map(
    value: Any, section: str, keys: tuple[str, ...], display: str, lines: Lines
) -> dict[str, str]:
    mapping = _mapping(value, section, display, lines)
    for key, item in mapping.items():
        if key not in keys:
            raise PolicyError(
                display,
                line_of(lines, section, key),
                f'unknown {section} key "{key}"',
                did_you_mean(str(key), keys),
            )
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
        if intent not in ROUTING_INTENTS:
            raise PolicyError(
                display,
                line_of(lines, "routing", intent),
                f'unknown routing intent "{intent}"',
                did_you_mean(str(intent), ROUTING_INTENTS),
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
        if key not in CLAIMS_KEYS:
            raise PolicyError(
                display,
                line_of(lines, "claims", key),
                f'unknown claims key "{key}"',
                did_you_mean(str(key), CLAIMS_KEYS),
            )
        if not isinstance(item, list) or not all(isinstance(v, str) and v.strip() for v in item):
            raise PolicyError(
                display,
                line_of(lines, "claims", key),
                "claims.approved must be a list of claims as you will write them",
                'e.g. ["Best Regional Bank 2026"]',
            )
    return claims


def _apply_overrides(
    rules: list[RuleSpec], value: Any, display: str, lines: Lines
) -> list[RuleSpec]:
    """Per-rule severities or ``off``, by rule id or by dotted prefix (``claims.finance``)."""
    overrides = _mapping(value, "rules", display, lines)
    ids = [rule.id for rule in rules]
    for key, setting in overrides.items():
        line = line_of(lines, "rules", key)
        if setting is False:  # YAML reads a bare `off` as false
            setting = OFF
            overrides[key] = OFF
        if setting not in (*SEVERITIES, OFF):
            raise PolicyError(
                display,
                line,
                f'rule setting "{setting}" for {key} is not valid',
                "use error, warning, info or off",
            )
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
    for pack, path in builtin_packs().items():
        try:
            pack_ids = [rule.id for rule in load_pack(str(path))]
        except PolicyError:
            continue
        if key in pack_ids or any(i.startswith(f"{key}.") for i in pack_ids):
            return f'it is in the "{pack}" pack: add {pack} to extends'
    return "`voicelint rules` lists the rule ids"


def find_client_policy(client: str, policy_dirs: list[Path]) -> Path | None:
    """The policy file of a client: the first directory that has ``<client>.yaml`` wins."""
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
