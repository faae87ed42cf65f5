"""``named: competitor``: the draft names a competitor from ``voice.competitors`` somewhere.

A post-wide test that needs no sentence analysed, so a competitor rule can say it first and leave
drafts that name no competitor at once: ``when: {named: competitor, target: competitor}``.
"""

from __future__ import annotations

from typing import Any

NAME = "named"
VALUES = ("competitor",)
POST_WIDE = True  # the same for every hit of a post


def holds(view: Any, value: str) -> bool:
    return bool(view.analysis.competitor_tokens)
