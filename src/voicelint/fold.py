"""The fold step: what the matchers read of a post, so that spacing and look-alikes hide no word.

A post is parsed as written (every offset, line and column points into it), and the matchers read
two things made from that parse:

- each word's folded form (its NORM, and the lemma made from it): NFKC-normalised (fullwidth,
  mathematical bold, ligatures), without format characters (zero-width, soft hyphen, bidi
  controls) or combining marks, lower-cased, dotted-out letters rejoined ("g.u.a.r.a.n.t.e.e.d"),
  and look-alike letters folded to Latin (Cyrillic "а" in "guаranteed") using Unicode's
  confusables data as shipped by ``confusable-homoglyphs``;
- a word sequence (``WordView``) without what sits between words and must not break a phrase:
  runs of whitespace (spaces, tabs, no-break spaces, line breaks), emoji and lone hyphens, and with
  letters spaced out ("g u a r a n t e e d") joined into the word they spell. Each of its words
  keeps the range of the post's tokens it stands for, which is the offset map back to the source.

Real non-Latin text keeps its letters: a word is folded to Latin only when it mixes Latin letters
with look-alikes, or, when all its letters are look-alikes, in a post that is mostly Latin words.
ASCII words take a fast path that only lower-cases them.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

DOTTED = re.compile(r"(?:[a-z]\.){2,}[a-z]\.?")
HYPHENS = frozenset({"-", "\u2010", "\u2011"})
# Categories of a token that is only an emoji or a pictograph (with its joiners and selectors).
_EMOJI_PARTS = frozenset({"So", "Sk", "Cf", "Mn", "Me"})
_DROPPED = frozenset({"Cf", "Mn", "Me"})


@lru_cache(maxsize=1)
def _confusables() -> dict[str, str]:
    """Each non-ASCII character that Unicode's confusables data says looks like a Latin letter,
    mapped to that letter (lower-case)."""
    data = json.loads(
        resources.files("confusable_homoglyphs").joinpath("confusables.json").read_text("utf-8")
    )
    table: dict[str, str] = {}
    for char, glyphs in data.items():
        if len(char) != 1 or char.isascii():
            continue
        for glyph in glyphs:
            latin = glyph.get("c", "")
            if latin.isascii() and latin.isalpha() and len(latin) <= 2:
                table[char] = latin.lower()
                break
    return table


@lru_cache(maxsize=200_000)
def fold_ascii(lower: str) -> str:
    """The matching form of a lower-cased ASCII word: itself, or the word its dotted-out letters
    spell."""
    return _rejoin_dots(lower)


@lru_cache(maxsize=200_000)
def fold_parts(text: str) -> tuple[str, str | None]:
    """(folded, skeleton): the word's folded form, and for a word whose letters are all
    non-Latin look-alikes, its Latin skeleton (used only in a Latin context)."""
    if text.isascii():
        return _rejoin_dots(text.lower()), None
    text = unicodedata.normalize("NFKC", text)
    text = unicodedata.normalize(
        "NFD", "".join(c for c in text if unicodedata.category(c) not in _DROPPED)
    )
    text = "".join(c for c in text if unicodedata.category(c) not in _DROPPED).lower()
    letters = [c for c in text if c.isalpha() and not c.isascii()]
    if not letters:  # ASCII letters only, with emoji or symbols: no look-alike to fold
        return _rejoin_dots(text) if text.isascii() else text, None
    table = _confusables()
    latin = any("a" <= c <= "z" for c in text)
    if not all(c in table for c in letters):
        return unicodedata.normalize("NFC", text), None  # real non-Latin (or accented) letters
    skeleton = _rejoin_dots("".join(table.get(c, c) if c.isalpha() else c for c in text))
    if latin:
        return skeleton, None
    return unicodedata.normalize("NFC", text), skeleton


def fold_word(text: str, latin_context: bool = True) -> str:
    """The matching form of one word: see the module docstring."""
    folded, skeleton = fold_parts(text)
    return skeleton if skeleton is not None and latin_context else folded


def _rejoin_dots(lower: str) -> str:
    if "." in lower and DOTTED.fullmatch(lower):
        joined = lower.replace(".", "")
        if _is_word(joined):
            return joined
    return lower


def _is_word(lower: str) -> bool:
    from voicelint.nlp import is_dictionary_word

    return len(lower) >= 3 and is_dictionary_word(lower)


@lru_cache(maxsize=20_000)
def is_emoji_token(text: str) -> bool:
    """A token made only of emoji or pictographs (and their joiners, selectors and modifiers)."""
    return all(unicodedata.category(c) in _EMOJI_PARTS for c in text)


def is_gap(text: str) -> bool:
    """A token that sits between words without breaking a phrase: whitespace, emoji, a hyphen."""
    if text.isascii():
        return text in HYPHENS or text.isspace()
    return text.isspace() or text in HYPHENS or is_emoji_token(text)


@dataclass(frozen=True)
class WordView:
    """The words the matchers read, each with the post tokens ``[first, end)`` it stands for."""

    doc: Any
    firsts: list[int]
    ends: list[int]


def view_words(
    texts: list[str], norms: list[str], spaces: list[bool], gaps: list[bool], spelled: bool = True
) -> tuple[list[str], list[str], list[int], list[int]]:
    """(words, norms, firsts, ends) of a token sequence without its gaps, and with spaced-out
    letters joined when ``spelled`` (the caller saw a run of single letters)."""
    kept = [i for i in range(len(texts)) if not gaps[i]]
    if not spelled:
        return [texts[i] for i in kept], [norms[i] for i in kept], kept, [i + 1 for i in kept]
    words: list[str] = []
    folded: list[str] = []
    firsts: list[int] = []
    ends: list[int] = []
    k = 0
    while k < len(kept):
        run = _letter_run(kept, k, norms, texts, spaces)
        if run > k + 2:
            pieces = _segment("".join(norms[kept[j]][0] for j in range(k, run)))
            if pieces:
                j = k
                for piece in pieces:
                    last = kept[j + len(piece) - 1]
                    words.append(
                        "".join(texts[kept[x]].rstrip(".") for x in range(j, j + len(piece)))
                    )
                    folded.append(piece)
                    firsts.append(kept[j])
                    ends.append(last + 1)
                    j += len(piece)
                k = run
                continue
        i = kept[k]
        words.append(texts[i])
        folded.append(norms[i])
        firsts.append(i)
        ends.append(i + 1)
        k += 1
    return words, folded, firsts, ends


def _single_letter(norm: str) -> bool:
    return (len(norm) == 1 and norm.isalpha()) or (
        len(norm) == 2 and norm[1] == "." and norm[0].isalpha()
    )


def _letter_run(
    kept: list[int], k: int, norms: list[str], texts: list[str], spaces: list[bool]
) -> int:
    """The end (in ``kept``) of a run of single letters from ``k``, each set apart from the next
    (by a space, a gap token or a dot), as "g u a r a n t e e d" is."""
    j = k
    while j < len(kept) and _single_letter(norms[kept[j]]):
        if (
            j > k
            and kept[j] == kept[j - 1] + 1
            and not spaces[kept[j - 1]]
            and not texts[kept[j - 1]].endswith(".")
        ):
            break  # letters written together are another token's business
        j += 1
    return j


def _segment(letters: str) -> list[str] | None:
    """The spaced-out letters as the fewest dictionary words of three letters or more, or None."""
    n = len(letters)
    if n > 60:
        return None
    best: list[list[str] | None] = [None] * (n + 1)
    best[0] = []
    for end in range(3, n + 1):
        for start in range(max(0, end - 20), end - 2):
            before = best[start]
            if before is None or not _is_word(letters[start:end]):
                continue
            if best[end] is None or len(before) + 1 < len(best[end] or []):
                best[end] = [*before, letters[start:end]]
    return best[n]
