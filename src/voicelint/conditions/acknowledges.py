"""``acknowledges``: the reply acknowledges the customer's matter, somewhere in it.

Care guides ask every public reply to a grievance to acknowledge it, then take it private
("acknowledge publicly, resolve privately"): an apology or concern, a word of thanks, agreement or
welcome ("thanks for flagging", "fair point", "you're right"), the brand at work on the matter
("we're looking into it") or done with it ("we've refunded it"), a hand-off or a contact point (an
email address, a link, a handle, a phone number), or an offer of help (the ``offers_help``
condition). A reply with none of these answers the customer with facts, rules or a joke only.
Read from the whole draft; see ``care.acknowledges`` and ``acknowledgement`` in
``lexicons/routing/replies.yaml``.
"""

from __future__ import annotations

from typing import Any

from voicelint import care
from voicelint.conditions import offers_help

NAME = "acknowledges"
VALUES = ()
POST_WIDE = True  # the same for every hit of a post
AFTER_A_HIT = True  # reads the whole draft: asked once the rule has a hit


def holds(view: Any, value: Any = None) -> bool:
    return care.acknowledges(view.analysis.doc) or offers_help.holds(view)
