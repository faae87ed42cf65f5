"""``hands_off``: the post moves the matter to a private channel.

It names a private channel (DM, inbox, a secure link), asks the reader to make contact (a request
with a contact verb: "give us a call", "please write to us"), has the brand or one of its people as
who makes contact ("we'll be in touch", "a member of our team will reach out"), or names a team by
its role ("our safety team", "media relations"). Read from the whole post; the policy's own
channels are checked by the routing kinds, which know them. See ``care.hands_off_in``.
"""

from __future__ import annotations

from typing import Any

from voicelint import care

NAME = "hands_off"
VALUES = ()


def holds(view: Any, value: Any = None) -> bool:
    return care.hands_off_in(view.analysis.doc)
