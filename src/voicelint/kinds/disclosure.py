"""Kind ``disclosure``: a sponsored post must disclose the connection where readers will see it.

16 CFR 255.5 asks for a clear and conspicuous disclosure; the FTC's "Disclosures 101" places it at
the start, above the platform's "more" cut, and not inside a cluster of hashtags at the end. The
clear wordings are token patterns in the rule (``clear``); what each platform shows before it cuts
a caption is the rule's ``visible`` mapping. ``report: missing`` flags a sponsored post with no clear
disclosure; ``report: buried`` flags one whose every disclosure is past the cut or in the cluster.
A disclosure denied ("not sponsored, just obsessed", "this isn't an ad") discloses nothing: a post
marked sponsored that says so is reported as missing, at the denial.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from voicelint.care import NEGATORS
from voicelint.kinds.base import BuildContext, Check, Hit, KindError, Param, PostContext
from voicelint.nlp import PatternError, longest_first

NAME = "disclosure"
REPORTS = ("missing", "buried")
PARAMS = {
    "clear": Param(
        (list,),
        "spaCy token patterns of clear disclosures (#ad, Sponsored, Paid partnership with)",
        required=True,
    ),
    "report": Param(
        (str,),
        "missing (no clear disclosure) or buried (past the cut or in the end hashtags)",
        required=True,
        choices=REPORTS,
    ),
    "visible": Param(
        (dict,), "characters each platform shows before it cuts the text, with a 'default'"
    ),
    "cluster": Param(
        (int,), "how many hashtags at the end make a cluster that hides a disclosure (default 3)"
    ),
}
MESSAGE_VARS = frozenset({"match", "visible", "platform"})
HASHTAG = re.compile(r"#\w+")


def build(params: Mapping[str, Any], ctx: BuildContext) -> Check:
    report = params["report"]
    visible = dict(params.get("visible") or {})
    if not all(isinstance(v, int) and not isinstance(v, bool) and v > 0 for v in visible.values()):
        raise KindError(
            "visible", "visible must map platforms (and default) to a number of characters"
        )
    cluster = params.get("cluster", 3)
    try:
        key = ctx.bank.add_patterns(ctx.rule_id + ":clear", params["clear"])
    except PatternError as error:
        raise KindError("clear", f"the pattern is refused: {error}") from None

    def check(post: PostContext) -> list[Hit]:
        if not post.post.sponsored:
            return []
        text = post.post.text
        found = longest_first(post.matches_for(key))
        denials = {d.first_token: _denied_by(post.doc, d.first_token) for d in found}
        disclosures = [d for d in found if denials[d.first_token] is None]
        if report == "missing":
            if disclosures:
                return []
            denial = next((d for d in found if denials[d.first_token] is not None), None)
            if denial is not None:
                cue = post.doc[denials[denial.first_token]]
                start, end = cue.idx, denial.end  # "Not sponsored", "isn't an ad"
            else:
                first_word = re.search(r"\S+", text)  # the finding points at the post's start
                start, end = first_word.span() if first_word else (0, 0)
            return [Hit(start, end, values={"platform": _platform(post), "visible": ""})]
        if not disclosures:
            return []
        limit = visible.get(post.post.platform or "", visible.get("default", len(text)))
        tail = _trailing_cluster(text, cluster)
        seen = [d for d in disclosures if d.end <= limit and not (tail and d.start >= tail)]
        if seen:
            return []
        first = disclosures[0]
        return [Hit(first.start, first.end, values={"platform": _platform(post), "visible": limit})]

    return check


# what may stand between a denial and the disclosure it denies: "not sponsored", "isn't an ad",
# "not a sponsored post", "this is not actually an ad"
DENIED_BETWEEN = frozenset(
    {"a", "an", "is", "was", "this", "it", "'s", "even", "actually", "really"}
)
DENIAL_REACH = 3


def _denied_by(doc: Any, first: int) -> int | None:
    """The token of a denial right before the disclosure at ``first`` ("not sponsored", "isn't an
    ad"), or None. Only words of ``DENIED_BETWEEN`` may stand between: "never leaving home
    without my flask #ad" denies nothing of the #ad."""
    k = first - 1
    for _ in range(DENIAL_REACH):
        while k >= 0 and doc[k].is_space:
            k -= 1
        if k < 0:
            return None
        word = doc[k].lower_
        if word in NEGATORS:
            return k
        if word not in DENIED_BETWEEN:
            return None
        k -= 1
    return None


def _platform(post: PostContext) -> str:
    return post.post.platform or "the platform"


def _trailing_cluster(text: str, size: int) -> int | None:
    """Where a closing run of at least ``size`` hashtags starts, if the post ends with one.

    The run is the hashtags read back from the end while only spaces and . , ! stand between
    them; one pass over the text (a regex searched from every "#" took quadratic time).
    """
    text = text.rstrip()
    tags = [m.span() for m in HASHTAG.finditer(text)]
    end = _before_gap(text, len(text))
    count, start = 0, None
    for tag_start, tag_end in reversed(tags):
        if tag_end != end:
            break
        count, start = count + 1, tag_start
        end = _before_gap(text, tag_start)
    return start if start is not None and count >= size else None


def _before_gap(text: str, index: int) -> int:
    """Where the run of spaces and . , ! that ends at ``index`` starts."""
    while index > 0 and (text[index - 1].isspace() or text[index - 1] in ".,!"):
        index -= 1
    return index
