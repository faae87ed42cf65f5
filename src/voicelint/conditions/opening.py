"""``opening``: the hit is in the draft's first sentence.

For rules about what a whole draft lacks, written with ``kind: sentence``: ``when: {opening,
post: reply, customer: distress}`` with ``unless: [{states: player_care}]`` reports a reply that
never points to player care once, at its first sentence, rather than once per sentence.
"""

from __future__ import annotations

from typing import Any

NAME = "opening"
VALUES = ()


def holds(view: Any, value: Any = None) -> bool:
    bounds = view.analysis.bounds
    if not bounds:
        return False
    return view.start < bounds[0][3] or len(bounds) == 1
