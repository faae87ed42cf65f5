"""``priced``: the draft names a price, an amount of money, somewhere ("$89 a night", "from £49",
"€120", "30 USD").

For rules about how a price is shown: drip pricing is a price shown without its mandatory fees, so
"tickets can't be listed above face value plus fees" in a draft that names no price shows none.
"""

from __future__ import annotations

from typing import Any

from voicelint.analysis import MONEY

NAME = "priced"
VALUES = ()
POST_WIDE = True  # the same for every hit of a post
AFTER_A_HIT = True  # reads the whole draft: asked once the rule has a hit


def holds(view: Any, value: Any = None) -> bool:
    return MONEY.search(view.analysis.text) is not None
