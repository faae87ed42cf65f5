"""``quoted_back``: the hit is the customer's own words quoted back to them in the reply."""

from __future__ import annotations

from typing import Any

from voicelint.analysis import quoted_spans

NAME = "quoted_back"
VALUES = ()


def holds(view: Any, value: Any = None) -> bool:
    said = view.post.post.in_reply_to
    if not said:
        return False
    text = view.post.post.text
    for start, stop in quoted_spans(text):
        if start <= view.start and view.stop <= stop:
            inner = text[start + 1 : stop - 1].strip().lower()
            return bool(inner) and inner in said.lower()
    return False
