"""Which rules a run reports: ``select``, ``extend_select`` and ``ignore``, as ruff has them.

A selector is a rule id (``tone.profanity``), a dotted prefix of rule ids, matched at a dot
(``claims.finance`` selects ``claims.finance.risk-free``, never ``claims.financed``), a category
name (``tone``), a rule entry (``tone.hostile-reply/blame-fault``) or ``ALL``.

The configuration is one layer and the command line another, applied in that order. In a layer,
``select`` starts again from nothing, ``extend_select`` adds and ``ignore`` removes; when several
selectors of a layer match a rule the most specific wins (more dotted parts; an entry over its
rule; a category or a one-part prefix counts one), and on a tie ``ignore`` does. A rule no
selector names keeps what the layer before gave it (everything, to begin with), unless the layer
has a ``select``. Selection works on top of a policy's own ``rules: {ID: off}``: it can hide a
rule's findings, never switch on a rule a policy turned off.

The readers' findings (a post or a file that could not be read) are always reported, as ruff
always reports a syntax error: a gate must not pass over a file it could not check.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from voicelint.errors import PolicyError, UsageError, nearest
from voicelint.model import Finding
from voicelint.packs import RuleSpec

ALL = "ALL"
ENTRY_SEPARATOR = "/"
ALWAYS_REPORTED = frozenset({"format.invalid-post", "format.unreadable-file"})
OPTION_KEYS = ("select", "extend_select", "ignore")


def split_selectors(values: Iterable[str]) -> tuple[str, ...]:
    """Selectors from repeated or comma-separated values (``--ignore tone,claims.finance``)."""
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


@dataclass(frozen=True)
class Layer:
    """One source of selectors (the configuration, or the command line) and where it was set."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    # where each option was set, for the error naming an unknown selector: (path, line) or
    # (None, None) with the option's name
    places: dict[str, tuple[str | None, int | None]] = field(default_factory=dict)

    def selectors(self) -> Iterable[tuple[str, str]]:
        for option in OPTION_KEYS:
            for selector in getattr(self, option) or ():
                yield option, selector

    @property
    def empty(self) -> bool:
        return self.select is None and not self.extend_select and not self.ignore


def _specificity(selector: str, rule: str, category: str, entry: str | None) -> int | None:
    """How closely ``selector`` names a finding of ``rule``; None when it does not name it."""
    if selector == ALL:
        return 0
    if ENTRY_SEPARATOR in selector:
        return selector.count(".") + 2 if entry == selector else None
    if rule == selector or rule.startswith(selector + "."):
        return selector.count(".") + 1
    if category == selector:
        return 1
    return None


@dataclass
class Selection:
    """The layers of a run, with each (rule, category, entry)'s verdict remembered."""

    layers: tuple[Layer, ...] = ()
    _verdicts: dict[tuple[str, str, str | None], bool] = field(default_factory=dict)

    @property
    def active(self) -> bool:
        return any(not layer.empty for layer in self.layers)

    def keeps(self, rule: str, category: str, entry: str | None = None) -> bool:
        if rule in ALWAYS_REPORTED:
            return True
        key = (rule, category, entry)
        verdict = self._verdicts.get(key)
        if verdict is None:
            verdict = self._verdicts[key] = self._decide(rule, category, entry)
        return verdict

    def _decide(self, rule: str, category: str, entry: str | None) -> bool:
        enabled = True
        for layer in self.layers:
            best: tuple[int, bool] | None = None  # (specificity, is an ignore)
            for option, selector in layer.selectors():
                rank = _specificity(selector, rule, category, entry)
                if rank is not None:
                    candidate = (rank, option == "ignore")  # on a tie, ignore wins
                    best = candidate if best is None else max(best, candidate)
            if best is not None:
                enabled = not best[1]
            elif layer.select is not None:
                enabled = False
        return enabled

    def apply(self, findings: list[Finding]) -> list[Finding]:
        return [f for f in findings if self.keeps(f.rule, f.category, f.entry)]


def check_known(
    selection: Selection, rules: Sequence[RuleSpec], other_ids: Iterable[str] = ()
) -> None:
    """Every selector must name some rule, prefix, category or entry of ``rules`` (or one of
    ``other_ids``, rules a policy switched off); an unknown one is an error naming the nearest."""
    if not selection.active:
        return
    from voicelint.policy import rule_entries

    ids = {rule.id for rule in rules} | set(other_ids)
    prefixes = {
        rule_id.rsplit(".", n)[0] for rule_id in ids for n in range(1, rule_id.count(".") + 1)
    }
    categories = {rule.category for rule in rules}
    names = ids | prefixes | categories | {ALL}
    entries: set[str] | None = None
    for layer in selection.layers:
        for option, selector in layer.selectors():
            if ENTRY_SEPARATOR in selector:
                if entries is None:
                    entries = {entry for rule in rules for entry, _ in rule_entries(rule)}
                if selector in entries:
                    continue
                choices: Iterable[str] = entries
            elif selector in names:
                continue
            else:
                choices = names
            close = nearest(selector, choices)
            hint = f'did you mean "{close}"?' if close else "voicelint rules lists them"
            path, line = layer.places.get(option, (None, None))
            shown = option if path else "--" + option.replace("_", "-")
            error = PolicyError if path else UsageError
            raise error(path, line, f'{shown} "{selector}" matches no rule', hint)


def known_rules(
    policy_file: Path | None, policy_dirs: Sequence[Path]
) -> tuple[list[RuleSpec], set[str]]:
    """Every rule a selector may name: the built-in packs and checks, and the rules of the
    policies this run may load (a policy that does not load is left for the run to report);
    then the ids a policy's ``rules:`` switched off (validated when the policy loaded)."""
    from voicelint.docs import all_builtin_rules
    from voicelint.policy import load_policy
    from voicelint.process import PROCESS_RULES
    from voicelint.yamlfile import load_yaml, read_config_text

    rules = [*all_builtin_rules(), *PROCESS_RULES]
    switched_off: set[str] = set()
    paths = (
        [policy_file]
        if policy_file is not None
        else sorted(p for d in policy_dirs if d.is_dir() for p in d.glob("*.y*ml"))
    )
    for path in paths:
        try:
            rules += load_policy(path).rules
            data, _ = load_yaml(read_config_text(path, str(path)), str(path))
        except PolicyError:
            continue
        overrides = data.get("rules") if isinstance(data, dict) else None
        if isinstance(overrides, dict):
            switched_off.update(str(key) for key in overrides if ENTRY_SEPARATOR not in str(key))
    return rules, switched_off
