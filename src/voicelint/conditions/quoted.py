"""``quoted``: the hit reaches into quotation marks in the draft: words mentioned, not used.

A post that quotes a promise to warn against it or to answer it ("accounts DMing you 'guaranteed
win' systems are scams", "myths: 'compounded is the same as the brand'... nope") reports what
others say; a rule about the brand's own claims writes ``unless: [quoted]``. A hit that spans
two words (``near``: a drug and "microdose") is mentioned when either end stands in the quotation. Quotation marks are
read as ``analysis.quoted_spans`` reads them: a straight single quote opens only after a space, so
apostrophes (it's, don't) never open a quotation.
"""

from __future__ import annotations

from typing import Any

from voicelint.analysis import quoted_spans

NAME = "quoted"
VALUES = ()


def holds(view: Any, value: Any = None) -> bool:
    analysis = view.analysis
    spans = analysis.__dict__.get("_quoted_spans")
    if spans is None:
        spans = analysis.__dict__["_quoted_spans"] = quoted_spans(analysis.text)
    return any(start < view.stop and view.start < stop for start, stop in spans)
