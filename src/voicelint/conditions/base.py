"""What a condition sees of one hit: the post's analysis, the customer's, and the hit's sentence."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from voicelint.analysis import Sentence, TextAnalysis
from voicelint.nlp import tokens


class ConditionError(ValueError):
    """A ``when``/``unless`` the loader refuses; ``word`` and ``known`` feed "did you mean"."""

    def __init__(self, message: str, word: str | None = None, known: Any = ()) -> None:
        super().__init__(message)
        self.word = word
        self.known = tuple(known)


@dataclass
class View:
    """One hit ``[start, stop)`` (characters of the post's text) seen through the analysis."""

    post: Any  # kinds.PostContext
    start: int
    stop: int

    @property
    def analysis(self) -> TextAnalysis:
        return self.post.analysis

    @cached_property
    def sentence(self) -> Sentence | None:
        return self.analysis.sentence_around(self.start, self.stop)

    @cached_property
    def words(self) -> list[str]:
        """The norms of the hit's sentence, spaces left out, read without analysing the sentence:
        a condition tests its cheap word cues on these before it asks for ``sentence``."""
        return self._sentence_column("norms")

    @cached_property
    def straight_words(self) -> list[str]:
        """``words`` with typographic apostrophes made straight ("we’ve" reads "we've"), as word
        cues compare them: made once per hit, however many values a condition tries."""
        return [w.replace("’", "'") for w in self.words]

    @cached_property
    def lemmas(self) -> list[str]:
        """The lemmas of the hit's sentence, spaces left out (one for each of ``words``)."""
        return self._sentence_column("lemmas")

    def _sentence_column(self, column: str) -> list[str]:
        analysis = self.analysis
        index = bisect_right(analysis.starts, self.start) - 1
        if index < 0:
            return []
        cache = analysis.__dict__.setdefault("_" + column, {})  # shared by every rule's view
        if index not in cache:
            first, end, _, _ = analysis.bounds[index]
            table = tokens(analysis.doc)
            values = getattr(table, column)[first:end]
            cache[index] = [
                v for v, n in zip(values, table.norms[first:end], strict=True) if n.strip()
            ]
        return cache[index]

    @cached_property
    def tokens(self) -> range:
        """Token indexes of the hit, found by bisection over the Doc's token offsets (read once
        per Doc): a post of many hits stays linear."""
        starts, ends = _offsets(self.analysis.doc)
        first = bisect_right(ends, self.start)  # the first token that ends after the hit starts
        end = bisect_left(starts, self.stop, lo=first)  # the first that starts at its stop
        return range(first, max(end, first + 1))


OFFSETS_KEY = "voicelint.offsets"


def _offsets(doc: Any) -> tuple[list[int], list[int]]:
    """Where each token of a Doc starts and ends, in characters."""
    offsets = doc.user_data.get(OFFSETS_KEY)
    if offsets is None:
        starts = [t.idx for t in doc]
        ends = [t.idx + len(t.text) for t in doc]
        offsets = doc.user_data[OFFSETS_KEY] = (starts, ends)
    return offsets
