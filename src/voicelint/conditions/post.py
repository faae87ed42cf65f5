"""``post: reply | post``: the draft answers a customer (``kind: reply`` or an ``in_reply_to``), or not."""

from __future__ import annotations

from typing import Any

NAME = "post"
VALUES = ("reply", "post")
POST_WIDE = True  # the same for every hit of a post


def holds(view: Any, value: str) -> bool:
    post = view.post.post
    is_reply = post.kind == "reply" or bool(post.in_reply_to)
    return is_reply if value == "reply" else not is_reply
