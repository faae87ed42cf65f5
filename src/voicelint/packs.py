"""Rule packs: read rule files (built-in or the user's), validate every rule, resolve ``extends``."""

from __future__ import annotations

import math
import re
import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from voicelint.data import builtin_packs
from voicelint.errors import PolicyError, did_you_mean
from voicelint.lexicon import word_lists
from voicelint.model import CATEGORIES, PLATFORM_ALIASES, PLATFORMS, SEVERITIES
from voicelint.model import KINDS as POST_KINDS
from voicelint.yamlfile import Lines, line_of, load_yaml, read_config_text

if TYPE_CHECKING:  # the kinds and conditions are imported when a rule is parsed, not before: a
    # run answered from the cache reads its policy back without them (voicelint.policycache)
    from voicelint.conditions import Clause

RULE_ID = re.compile(r"^[a-z][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)+$")
COMMON_RULE_KEYS = (
    "id",
    "kind",
    "category",
    "severity",
    "summary",
    "why",
    "message",
    "examples",
    "example_policy",
    "negation",
    "spared_by",
    "qualifiers",
    "when",
    "unless",
    "gives_way_to",
    "fallback",
)
NEGATION_MODES = ("suppress", "ignore", "trigger")
SPARERS = ("disclaimer", "refusal", "attribution", "qualification")
# How context applies when a rule does not say: a claim that is negated, or stands in a disclaimer or
# in a warning about others' claims, is no claim; tone, routing and format words are what they are.
CONTEXT_DEFAULTS = {
    "claims": ("suppress", ("disclaimer", "refusal")),
    "disclosure": ("ignore", ()),
}
PACK_KEYS = ("pack", "summary", "extends", "rules")
EXAMPLE_KEYS = ("text", "platform", "kind", "in_reply_to", "sponsored")
CORE_PACK = "core"
# Packs every policy runs, extended or not: the core checks, and green claims, which the FTC Green
# Guides (16 CFR 260.1(c)) hold every marketer to, whatever its industry.
ALWAYS_ON = (CORE_PACK, "environmental", "endorsements")
MAX_QUOTED = 60


@dataclass(frozen=True)
class Example:
    """A draft a rule must (fire) or must not (pass) flag, with the post fields it needs."""

    text: str
    platform: str | None = None
    kind: str = "post"
    in_reply_to: str | None = None
    sponsored: bool = False


@dataclass(frozen=True)
class AddedEntry:
    """Words a policy adds to a rule as an entry of its own (``rules: {RULE/NAME: [words]}``):
    they fire the rule, through its context and conditions, with the rule's message or the
    entry's own."""

    name: str
    words: tuple[str, ...]
    message: str | None = None


@dataclass(frozen=True)
class RuleSpec:
    """One rule as written in a pack or policy, validated."""

    id: str
    kind: str
    category: str
    severity: str
    summary: str
    why: str
    message: str
    params: Mapping[str, Any]
    fire: tuple[Example, ...]
    passes: tuple[Example, ...]
    pack: str
    origin: str
    line: int | None
    example_policy: Mapping[str, Any] = field(default_factory=dict)
    negation: str = "ignore"
    spared_by: tuple[str, ...] = ()
    qualifiers: tuple[str, ...] = ()
    when: Clause = ()  # named conditions that must all hold for a hit to count
    unless: Clause = ()  # named conditions of which none may hold
    added: tuple[AddedEntry, ...] = ()  # entries the policy adds (``rules: {RULE/NAME: [...]}``)
    # packs that say the same thing in their industry's words: with one of them in the policy,
    # this (general) rule is left out ("FDA approved" is the health pack's to judge); or rules
    # whose finding on the same words is the one kept (one claim, one finding)
    gives_way_to: tuple[str, ...] = ()
    # reported only when no other rule of its category reports anything in the post (a guess
    # about the whole post, such as the learned classifier's, never adds to a rule's finding)
    fallback: bool = False


def expand_lists(value: Any, rule_id: str, fail: Any) -> Any:
    """Replace "$name" references in terms and patterns with the named list's words."""
    if isinstance(value, list):
        expanded: list[Any] = []
        for item in value:
            if isinstance(item, str) and item.startswith("$"):
                name = item[1:]
                if name not in word_lists():
                    raise fail(
                        None,
                        f'rule {rule_id}: unknown word list "{item}"',
                        did_you_mean(name, word_lists()),
                    )
                expanded.extend(word_lists()[name])
            else:
                expanded.append(expand_lists(item, rule_id, fail))
        return expanded
    if isinstance(value, dict):
        return {key: expand_lists(item, rule_id, fail) for key, item in value.items()}
    return value


MAX_EXTENDS_DEPTH = 32
# Packs read in this process, by file, name and version on disk: every client's policy extends
# the same few packs, and one run checks posts of several clients.
_LOADED: dict[tuple[str, str, int, int], list[RuleSpec]] = {}


def loaded_pack_files() -> set[str]:
    """The resolved path of every pack file this process has read."""
    return {version[0] for version in _LOADED}


def load_pack(
    ref: str, base: Path | None = None, _chain: tuple[str, ...] = (), root: Path | None = None
) -> list[RuleSpec]:
    """The rules of a pack named by built-in name or path, with the packs it extends first.

    A pack named by path must lie inside ``root`` (by default ``base``: the policy's folder),
    however it is reached, so a policy cannot read files from elsewhere.
    """
    root = root if root is not None else base
    path, display = resolve_pack(ref, base, root)
    key = str(path.resolve())
    if key in _chain:
        cycle = " -> ".join([*_chain, key])
        raise PolicyError(
            display, None, f"extends cycle: {cycle}", "remove one of the extends entries"
        )
    if len(_chain) >= MAX_EXTENDS_DEPTH:
        raise PolicyError(
            display,
            None,
            f"more than {MAX_EXTENDS_DEPTH} packs extend one another in a chain",
            "extend the packs you need from the policy side by side instead",
        )
    try:
        stat = path.stat()
    except OSError:
        return _read_pack(path, display, key, _chain, root)  # read_config_text says what is wrong
    version = (key, display, stat.st_mtime_ns, stat.st_size, str(root))
    if version not in _LOADED:
        _LOADED[version] = _read_pack(path, display, key, _chain, root)
    return list(_LOADED[version])


def _read_pack(
    path: Path, display: str, key: str, _chain: tuple[str, ...], root: Path | None
) -> list[RuleSpec]:
    data, lines = load_yaml(read_config_text(path, display), display)
    if not isinstance(data, dict) or not any(name in data for name in ("pack", "rules")):
        # said without quoting the file: extends may name a file that is no pack at all
        raise PolicyError(
            display,
            1,
            "not a rule pack: a rule pack is a mapping with pack: and rules:",
            "see rules/ for examples",
        )
    for name in data:
        if name not in PACK_KEYS:
            raise PolicyError(
                display,
                line_of(lines, name),
                f'unknown key "{name}" in a rule pack',
                did_you_mean(name, PACK_KEYS),
            )
    pack_name = str(data.get("pack") or path.stem)
    rules: list[RuleSpec] = []
    for index, parent in enumerate(as_list(data.get("extends"), display, lines, "extends")):
        if not isinstance(parent, str):
            raise PolicyError(
                display,
                line_of(lines, "extends", index),
                "extends entries must be pack names or paths",
                "",
            )
        try:
            rules.extend(load_pack(parent, path.parent, (*_chain, key), root))
        except PolicyError as error:
            if error.path is None:  # an unknown or refused pack: point at this pack's entry
                raise PolicyError(
                    display, line_of(lines, "extends", index), error.message, error.hint
                ) from None
            raise
    for index, raw in enumerate(as_list(data.get("rules"), display, lines, "rules")):
        rules.append(parse_rule(raw, pack_name, display, lines, ("rules", index)))
    return rules


def resolve_pack(ref: str, base: Path | None, root: Path | None = None) -> tuple[Path, str]:
    """A pack reference as a file: a built-in name, or a path relative to the referring file
    that stays inside ``root`` once ``..`` and symlinks are resolved."""
    packs = builtin_packs()
    if ref in packs:
        return packs[ref], f"<built-in pack {ref}>"
    looks_like_path = "/" in ref or "\\" in ref or ref.endswith((".yaml", ".yml"))
    if looks_like_path:
        path = (base / ref) if base is not None and not Path(ref).is_absolute() else Path(ref)
        if not _inside(path, root):
            where = f"the policy's folder {root}" if root is not None else "a policy's folder"
            raise PolicyError(
                None,
                None,
                f'pack "{ref}" is outside {where}',
                "keep your packs in the policy's folder, or name a built-in pack",
            )
        if path.is_file():
            return path, str(path)
        raise PolicyError(str(path), None, "rule pack file not found", "check the path in extends")
    names = [n for n in packs if n != CORE_PACK]
    raise PolicyError(None, None, f'unknown pack "{ref}"', did_you_mean(ref, names))


def _inside(path: Path, root: Path | None) -> bool:
    if root is None:  # a policy built from data with no folder (an eval corpus, --policy-less)
        return False
    try:
        path.resolve().relative_to(root.resolve())
    except (ValueError, OSError, RuntimeError):
        return False
    return True


def as_list(value: Any, display: str, lines: Lines, *path: Any) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise PolicyError(
            display, line_of(lines, *path), f"{path[-1]} must be a list", "write it as a YAML list"
        )
    return value


def parse_rule(raw: Any, pack: str, display: str, lines: Lines, path: tuple[Any, ...]) -> RuleSpec:
    """Validate one rule mapping: common keys, its kind's parameters, message placeholders, examples."""
    from voicelint.kinds import KINDS

    line = line_of(lines, *path)
    if not isinstance(raw, dict):
        raise PolicyError(display, line, "each rule must be a mapping", "see rules/ for examples")

    def fail(key: str | None, message: str, hint: str = "") -> PolicyError:
        where = line_of(lines, *path, key) if key else line
        return PolicyError(display, where, message, hint)

    rule_id = raw.get("id")
    if not isinstance(rule_id, str) or not RULE_ID.match(rule_id):
        raise fail(
            "id",
            f"rule id {rule_id!r} is not valid",
            "use dotted lower-case names like claims.finance.guaranteed-return",
        )
    kind = raw.get("kind")
    if kind not in KINDS:
        raise fail("kind", f'rule {rule_id}: unknown kind "{kind}"', did_you_mean(str(kind), KINDS))
    module = KINDS[kind]
    for key in raw:
        if key not in COMMON_RULE_KEYS and key not in module.PARAMS:
            raise fail(
                key,
                f'rule {rule_id}: unknown key "{key}" for a {kind} rule',
                did_you_mean(str(key), [*COMMON_RULE_KEYS, *module.PARAMS]),
            )
    for key in ("summary", "why", "message"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise fail(
                key if key in raw else None,
                f"rule {rule_id}: {key} is required",
                f"every rule says its {key} in a sentence",
            )
    category = raw.get("category")
    if category not in CATEGORIES:
        raise fail(
            "category",
            f'rule {rule_id}: unknown category "{category}"',
            did_you_mean(str(category), CATEGORIES),
        )
    severity = raw.get("severity", "warning")
    if severity not in SEVERITIES:
        raise fail(
            "severity",
            f'rule {rule_id}: unknown severity "{severity}"',
            did_you_mean(str(severity), SEVERITIES),
        )
    params = {
        key: expand_lists(value, rule_id, fail)
        for key, value in raw.items()
        if key in module.PARAMS
    }
    for name, param in module.PARAMS.items():
        if param.required and name not in params:
            raise fail(None, f"rule {rule_id}: a {kind} rule needs {name}", param.doc)
        if name in params:
            value = params[name]
            if not isinstance(value, param.types) or (
                isinstance(value, bool) and bool not in param.types
            ):
                wanted = " or ".join(_type_name(t) for t in param.types)
                raise fail(name, f"rule {rule_id}: {name} must be {wanted}", param.doc)
            if isinstance(value, float) and not math.isfinite(value):  # YAML's .nan and .inf
                raise fail(name, f"rule {rule_id}: {name} must be a finite number", param.doc)
            if param.choices and value not in param.choices:
                raise fail(
                    name,
                    f'rule {rule_id}: {name} "{value}" is not valid',
                    did_you_mean(str(value), param.choices),
                )
    problem = template_problem(raw["message"], module.MESSAGE_VARS)
    if problem:
        raise fail(
            "message",
            f"rule {rule_id}: message {problem}",
            "placeholders: " + ", ".join(f"{{{v}}}" for v in sorted(module.MESSAGE_VARS)),
        )
    examples = raw.get("examples")
    if not isinstance(examples, dict) or set(examples) - {"fire", "pass"}:
        raise fail(
            "examples",
            f"rule {rule_id}: examples must be a mapping with fire: and pass: lists",
            "every rule shows drafts it flags and drafts it leaves alone",
        )
    fire = _examples(examples.get("fire"), rule_id, "fire", fail)
    passes = _examples(examples.get("pass"), rule_id, "pass", fail)
    negation, spared_by, qualifiers = _context(raw, category, rule_id, fail)
    when, unless = _conditions(raw, rule_id, fail)
    gives_way_to = raw.get("gives_way_to", [])
    if not isinstance(gives_way_to, list) or not all(
        isinstance(p, str) and (p in builtin_packs() or RULE_ID.match(p)) for p in gives_way_to
    ):
        raise fail(
            "gives_way_to",
            f"rule {rule_id}: gives_way_to must list built-in pack names or rule ids",
            "packs: " + ", ".join(sorted(builtin_packs())),
        )
    fallback = raw.get("fallback", False)
    if not isinstance(fallback, bool):
        raise fail(
            "fallback",
            f"rule {rule_id}: fallback must be true or false",
            "true: reported only when no other rule of its category fires on the post",
        )
    example_policy = raw.get("example_policy") or {}
    if not isinstance(example_policy, dict):
        raise fail(
            "example_policy",
            f"rule {rule_id}: example_policy must be a mapping of policy sections",
            "",
        )
    return RuleSpec(
        id=rule_id,
        kind=kind,
        category=category,
        severity=severity,
        summary=raw["summary"].strip(),
        why=raw["why"].strip(),
        message=raw["message"].strip(),
        params=params,
        fire=fire,
        passes=passes,
        pack=pack,
        origin=display,
        line=line,
        example_policy=example_policy,
        negation=negation,
        spared_by=spared_by,
        qualifiers=qualifiers,
        when=when,
        unless=unless,
        gives_way_to=tuple(gives_way_to),
        fallback=fallback,
    )


def _conditions(raw: dict[str, Any], rule_id: str, fail: Any) -> tuple[Clause, Clause]:
    """A rule's ``when`` and ``unless`` clauses, each condition and value checked by name."""
    from voicelint.conditions import ConditionError
    from voicelint.conditions import parse as parse_conditions

    clauses = []
    for key in ("when", "unless"):
        try:
            clauses.append(parse_conditions(raw.get(key), key))
        except ConditionError as error:
            hint = did_you_mean(error.word, error.known) if error.word else ""
            raise fail(key, f"rule {rule_id}: {error}", hint) from None
    return clauses[0], clauses[1]


def _context(
    raw: dict[str, Any], category: str, rule_id: str, fail: Any
) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """A rule's negation mode, the contexts that spare its matches, and its qualifying phrases."""
    default_negation, default_spared = CONTEXT_DEFAULTS.get(category, ("ignore", ()))
    negation = raw.get("negation", default_negation)
    if negation not in NEGATION_MODES:
        raise fail(
            "negation",
            f'rule {rule_id}: negation "{negation}" is not valid',
            did_you_mean(str(negation), NEGATION_MODES),
        )
    spared_by = raw.get("spared_by", list(default_spared))
    if not isinstance(spared_by, list) or not all(isinstance(s, str) for s in spared_by):
        raise fail(
            "spared_by", f"rule {rule_id}: spared_by must be a list", "valid: " + ", ".join(SPARERS)
        )
    for sparer in spared_by:
        if sparer not in SPARERS:
            raise fail(
                "spared_by",
                f'rule {rule_id}: unknown context "{sparer}" in spared_by',
                did_you_mean(sparer, SPARERS),
            )
    qualifiers = raw.get("qualifiers", [])
    if not isinstance(qualifiers, list) or not all(
        isinstance(q, str) and q.strip() for q in qualifiers
    ):
        raise fail("qualifiers", f"rule {rule_id}: qualifiers must be a list of phrases", "")
    if "qualification" in spared_by and not qualifiers:
        raise fail(
            "spared_by",
            f"rule {rule_id}: spared_by qualification needs qualifiers",
            "list the phrases that state the basis",
        )
    return negation, tuple(spared_by), tuple(qualifiers)


def _examples(values: Any, rule_id: str, which: str, fail: Any) -> tuple[Example, ...]:
    if values is None:
        return ()
    if not isinstance(values, list):
        raise fail("examples", f"rule {rule_id}: examples.{which} must be a list", "")
    result = []
    for value in values:
        if isinstance(value, str):
            result.append(Example(value))
            continue
        if not isinstance(value, dict) or not isinstance(value.get("text"), str):
            raise fail(
                "examples", f"rule {rule_id}: each example is a draft, or a mapping with text:", ""
            )
        unknown = set(value) - set(EXAMPLE_KEYS)
        if unknown:
            key = sorted(unknown)[0]
            raise fail(
                "examples",
                f'rule {rule_id}: unknown example key "{key}"',
                did_you_mean(key, EXAMPLE_KEYS),
            )
        platform = value.get("platform")
        if isinstance(platform, str):
            platform = PLATFORM_ALIASES.get(platform, platform)
        if platform is not None and platform not in PLATFORMS:
            raise fail(
                "examples",
                f'rule {rule_id}: unknown platform "{platform}"',
                did_you_mean(str(platform), PLATFORMS),
            )
        kind = value.get("kind", "post")
        if kind not in POST_KINDS:
            raise fail(
                "examples",
                f'rule {rule_id}: unknown kind "{kind}"',
                did_you_mean(str(kind), POST_KINDS),
            )
        sponsored = value.get("sponsored", False)
        if not isinstance(sponsored, bool):
            raise fail(
                "examples", f"rule {rule_id}: sponsored must be true or false", "sponsored: true"
            )
        result.append(
            Example(
                text=value["text"],
                platform=platform,
                kind=kind,
                in_reply_to=value.get("in_reply_to"),
                sponsored=sponsored,
            )
        )
    return tuple(result)


class _Values(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def render_message(template: str, matched: str, values: Mapping[str, Any]) -> str:
    """A rule's message with {match} (quoted, shortened) and the kind's values filled in."""
    quoted = " ".join(matched.split())
    if len(quoted) > MAX_QUOTED:
        quoted = quoted[: MAX_QUOTED - 1] + "…"
    formatted = {key: _format_value(value) for key, value in values.items()}
    return string.Formatter().vformat(template, (), _Values(formatted, match=quoted))


def _format_value(value: Any) -> Any:
    if isinstance(value, float) and 0 < value < 1:
        return f"{value:.0%}"
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def template_problem(template: str, fields: frozenset[str]) -> str | None:
    """What makes a message template unsafe to fill in, or None: only the kind's own fields, bare.

    ``str.format`` would otherwise read attributes (``{match.__class__}``), call ``repr``
    (``{match!r}``) or pad to any width (``{match:>3000000000}``, a MemoryError) at check time.
    """
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError:
        return "has an unmatched { or }: write {{ or }} for a brace"
    for _, name, spec, conversion in parsed:
        if name is None:
            continue
        shown = (
            "{"
            + name
            + (f"!{conversion}" if conversion else "")
            + (f":{spec}" if spec else "")
            + "}"
        )
        shown = shown if len(shown) <= MAX_QUOTED else shown[: MAX_QUOTED - 1] + "…"
        if name not in fields:
            return f"uses {shown}" if name else "uses {}, a placeholder with no name"
        if conversion or spec:
            return f"uses {shown}: conversions and format specs are not allowed"
    return None


def _type_name(kind: type) -> str:
    return {
        list: "a list",
        dict: "a mapping",
        str: "text",
        bool: "true or false",
        int: "a number",
        float: "a number",
    }.get(kind, kind.__name__)
