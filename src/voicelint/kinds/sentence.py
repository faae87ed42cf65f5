"""Kind ``sentence``: every sentence of the draft is a candidate; the rule's ``when``/``unless`` decide.

The generic kind for rules that are about what a sentence does rather than which words it uses:
"a negative sentence about the reader, in a reply to a complaint, that neither apologises nor offers
help" is ``kind: sentence`` with ``when: {post: reply, customer: complaint, about: reader,
valence: negative}`` and ``unless: [apology, offers_help]``. The finding quotes the sentence.

``needs`` names policy settings the rule holds a draft to (``[channels]``: where care goes); a
policy that leaves them all out gets nothing from the rule, which would have nothing to say.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from voicelint.kinds.base import BuildContext, Check, Hit, KindError, Param, PostContext

NAME = "sentence"
PARAMS: dict[str, Param] = {
    "needs": Param(
        (list,),
        "policy settings the rule holds a draft to (e.g. [channels, routing]); with none of them "
        "in the policy, the rule checks nothing",
    ),
}
MESSAGE_VARS = frozenset({"match"})


def build(params: Mapping[str, Any], ctx: BuildContext) -> Check:
    needs = params.get("needs") or []
    if not isinstance(needs, list) or not all(isinstance(n, str) and n for n in needs):
        raise KindError("needs", "needs must be a list of policy setting names")
    if needs and not any(ctx.setting(name) for name in needs):
        return lambda post: []

    def check(post: PostContext) -> list[Hit]:
        # the sentences' places only: a sentence is analysed when a condition asks about it
        return list(post.sentence_hits)

    return check
