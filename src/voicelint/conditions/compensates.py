"""``compensates``: the hit's sentence offers something of value (a voucher, a discount, points,
"free", "complimentary", "on us"), not "feel free" and not "that's on us" (an admission).

A word class from ``lexicons/routing/replies.yaml`` (``compensation``), outside a negation's
scope. Combine it with ``customer: harm`` for an offer made in public to someone who reports an
injury, an adverse reaction or distress. See ``care.compensations``.
"""

from __future__ import annotations

from typing import Any

from voicelint import care

NAME = "compensates"
VALUES = ()


def holds(view: Any, value: Any = None) -> bool:
    sentence = view.sentence
    if sentence is None:
        return False
    return any(
        sentence.first <= first < sentence.end for first, _ in care.compensations(view.analysis.doc)
    )
