"""Named conditions: what a rule's ``when:`` and ``unless:`` say about a hit, read from the post's analysis.

A condition is one small module with ``NAME``, ``VALUES`` (the values it takes; empty for a
condition that takes none, written as a bare name in ``unless: [negated]``), a docstring that is
its documentation, and ``holds(view, value) -> bool``. A rule fires on a hit only when every
``when`` condition holds and no ``unless`` condition does, whatever its kind::

    when: {post: reply, customer: complaint, about: reader, valence: negative}
    unless: [apology, offers_help, quoted_back]

A value may list alternatives: ``customer: [harm, threat]`` holds when either does.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import ModuleType
from typing import Any

from voicelint.conditions import (
    about,
    acknowledges,
    act,
    adopts,
    affirms,
    alleges,
    apology,
    blame,
    certainty,
    compares,
    compensates,
    contradicts,
    customer,
    dismissal,
    drug_label,
    ends_problem,
    exploits,
    foretells,
    hands_off,
    hedged,
    learned,
    mentions,
    named,
    negated,
    offers_help,
    opening,
    pitch,
    post,
    priced,
    professional,
    quoted,
    quoted_back,
    referred,
    refuses,
    ridicule,
    seals,
    states,
    supposed,
    target,
    valence,
)
from voicelint.conditions.base import ConditionError, View

CONDITIONS: dict[str, ModuleType] = {
    module.NAME: module
    for module in (
        *(post, customer, about, act, valence, certainty),
        *(negated, hedged, supposed, priced, apology, offers_help, acknowledges, quoted_back),
        *(contradicts, compensates, hands_off, refuses),  # routing
        *(states, opening),  # what a draft states, where
        *(target, ridicule, blame, dismissal, named, exploits),
        *(
            pitch,
            professional,
            referred,
            mentions,
            adopts,
            seals,
            alleges,
            affirms,
            compares,
            foretells,
            drug_label,
        ),  # claims
        ends_problem,
        learned,  # the learned draft classifier, read by fallback rules
        quoted,  # mentioned, not used
    )
}

Clause = tuple[tuple[str, tuple[Any, ...]], ...]

__all__ = [
    "CONDITIONS",
    "Clause",
    "ConditionError",
    "View",
    "all_hold",
    "any_holds",
    "gate",
    "gate_holds",
    "parse",
    "post_wide",
]


def parse(raw: Any, key: str) -> Clause:
    """Validate a rule's ``when`` (a mapping) or ``unless`` (a mapping, or a list of bare names)."""
    if raw is None:
        return ()
    if isinstance(raw, list):
        items: list[tuple[Any, Any]] = []
        for entry in raw:
            if isinstance(entry, Mapping):
                items.extend(entry.items())
            else:
                items.append((entry, None))
    elif isinstance(raw, Mapping):
        items = list(raw.items())
    else:
        raise ConditionError(f"{key} must be a mapping of conditions (or, for unless, a list)")
    clause = []
    for name, value in items:
        module = CONDITIONS.get(name)
        if module is None:
            raise ConditionError(
                f'unknown condition "{name}" in {key}', str(name), list(CONDITIONS)
            )
        values = tuple(value) if isinstance(value, list) else (value,)
        for one in values:
            bare = one in (None, True) and getattr(module, "BARE", False)
            if module.VALUES and one not in module.VALUES and not bare:
                raise ConditionError(
                    f'condition {name}: "{one}" is not a value it takes', str(one), module.VALUES
                )
            if not module.VALUES and one not in (None, True):
                raise ConditionError(f"condition {name} takes no value: write it as a bare name")
        clause.append((str(name), values))
    return tuple(clause)


# the conditions that say the same for every hit of a post (``POST_WIDE``)
_POST_WIDE = frozenset(name for name, m in CONDITIONS.items() if getattr(m, "POST_WIDE", False))


def _holds(view: View, name: str, values: tuple[Any, ...]) -> bool:
    module = CONDITIONS[name]
    if name not in _POST_WIDE:
        return any(module.holds(view, value) for value in values)
    # the same for every hit of the post: asked once per post, whichever rule asks
    known = view.analysis.__dict__.setdefault("_post_wide", {})
    key = (name, values)
    if key not in known:
        known[key] = any(module.holds(view, value) for value in values)
    return bool(known[key])


def gate(clause: Clause) -> Clause:
    """A clause's cheap post-wide conditions (``POST_WIDE`` without ``AFTER_A_HIT``: post,
    customer, named), which ``post_wide`` tests once per post before the rule's check. A
    post-wide condition that reads the whole draft (``AFTER_A_HIT``: pitch, mentions, states)
    costs more than most checks, so it is left to the rule's first hit (``all_hold`` tests every
    condition of a hit, and a post-wide answer is kept for the post)."""
    return tuple(
        (name, values)
        for name, values in clause
        if getattr(CONDITIONS[name], "POST_WIDE", False)
        and not getattr(CONDITIONS[name], "AFTER_A_HIT", False)
    )


def gate_when(clause: Clause) -> Clause:
    """``gate`` for a ``when`` clause, with the post-wide part of a per-hit condition besides:
    a condition module with ``post_holds(post, value)`` says what the whole post must satisfy
    for any of its hits to (``learned``: the post's score reaches the threshold), so that a rule
    whose post fails it never runs its check. Not for ``unless``: a necessary part that holds
    does not make the condition hold."""
    cheap = gate(clause)
    return cheap + tuple(
        (name, values)
        for name, values in clause
        if hasattr(CONDITIONS[name], "post_holds") and (name, values) not in cheap
    )


def post_wide(post: Any, when: Clause, unless: Clause) -> bool:
    """Whether a rule's cheap post-wide conditions let it run on this post at all."""
    return gate_holds(post, gate(when), gate(unless))


def gate_holds(post: Any, when: Clause, unless: Clause, view: View | None = None) -> bool:
    """``post_wide`` for clauses already reduced by ``gate`` (the engine does it once a rule);
    ``view``: the post's own (``View(post, 0, 0)``), when the caller keeps one for every rule."""
    if not when and not unless:
        return True
    if view is None:
        view = View(post, 0, 0)
    return all(_gate_holds(view, name, values) for name, values in when) and not any(
        _gate_holds(view, name, values) for name, values in unless
    )


def _gate_holds(view: View, name: str, values: tuple[Any, ...]) -> bool:
    """A gate entry: a per-hit condition's post-wide part (``post_holds``), or a post-wide
    condition itself."""
    if name in _POST_PARTS:
        module = CONDITIONS[name]
        return any(module.post_holds(view.post, value) for value in values)
    return _holds(view, name, values)


# the per-hit conditions with a post-wide part (``post_holds``), which a gate asks instead
_POST_PARTS = frozenset(
    name for name, m in CONDITIONS.items() if hasattr(m, "post_holds") and name not in _POST_WIDE
)


def all_hold(view: View, clause: Clause) -> bool:
    return all(_holds(view, name, values) for name, values in clause)


def any_holds(view: View, clause: Clause) -> bool:
    return any(_holds(view, name, values) for name, values in clause)
