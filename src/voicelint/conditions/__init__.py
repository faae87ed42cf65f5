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
    act,
    apology,
    blame,
    certainty,
    compensates,
    contradicts,
    customer,
    dismissal,
    exploits,
    hands_off,
    hedged,
    mentions,
    named,
    negated,
    offers_help,
    opening,
    pitch,
    post,
    professional,
    quoted_back,
    refuses,
    ridicule,
    states,
    target,
    valence,
)
from voicelint.conditions.base import ConditionError, View

CONDITIONS: dict[str, ModuleType] = {
    module.NAME: module
    for module in (
        *(post, customer, about, act, valence, certainty),
        *(negated, hedged, apology, offers_help, quoted_back),
        *(contradicts, compensates, hands_off, refuses),  # routing
        *(states, opening),  # what a draft states, where
        *(target, ridicule, blame, dismissal, named, exploits),
        *(pitch, professional, mentions),  # claims
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
            if module.VALUES and one not in module.VALUES:
                raise ConditionError(
                    f'condition {name}: "{one}" is not a value it takes', str(one), module.VALUES
                )
            if not module.VALUES and one not in (None, True):
                raise ConditionError(f"condition {name} takes no value: write it as a bare name")
        clause.append((str(name), values))
    return tuple(clause)


def _holds(view: View, name: str, values: tuple[Any, ...]) -> bool:
    return any(CONDITIONS[name].holds(view, value) for value in values)


def post_wide(post: Any, when: Clause, unless: Clause) -> bool:
    """Whether a rule's post-wide conditions (``POST_WIDE``: post, customer, named) let it run on
    this post at all: the same for every hit, so tested once per post, before the rule's check."""
    view = View(post, 0, 0)
    wide = [(n, v) for n, v in when if getattr(CONDITIONS[n], "POST_WIDE", False)]
    spare = [(n, v) for n, v in unless if getattr(CONDITIONS[n], "POST_WIDE", False)]
    return all_hold(view, tuple(wide)) and not any_holds(view, tuple(spare))


def all_hold(view: View, clause: Clause) -> bool:
    return all(_holds(view, name, values) for name, values in clause)


def any_holds(view: View, clause: Clause) -> bool:
    return any(_holds(view, name, values) for name, values in clause)
