"""``learned: claims`` (or ``tone``, ``routing``): the learned draft classifier scores the post (its
words and the words of the customer's message it answers) at or above its threshold for that
category, and the hit's sentence is the one it scores highest.

The classifier (``voicelint.learned``) is a bag of words and word pairs trained on the labelled
development drafts, never on the blind sets; it knows the shapes a reviewer flags in words no
list holds ("your back pain is history", "every. single. time."). Being a guess about the whole
post, it is read by fallback rules only (``fallback: true``: reported when no other rule of the
category fires), and points at one sentence, the one it scores highest.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from voicelint import learned

NAME = "learned"
VALUES = learned.LABELS


def post_holds(post: Any, value: str) -> bool:
    """The post-wide part, tested before a rule's check: the post's score reaches the category's
    threshold (most posts do not, and the rule then lists no sentence at all)."""
    return learned.post_scores(post)[value] >= learned.THRESHOLDS[value]


def holds(view: Any, value: str) -> bool:
    top = learned.top_sentence(view.post, value)
    if top is None:
        return False
    index = bisect_right(view.analysis.starts, view.start) - 1
    return index == top
