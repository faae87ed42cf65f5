"""lemminflect's answers to the three questions voicelint asks, read from a table shipped with it.

lemminflect reads its lemma dictionary (70,000 words) and its inflection dictionary from gzipped
text, line by line: about 0.35 s at every start, a quarter of a cold start. voicelint asks it only
three things of a lower-case word: its lemma (``nlp.lemma_of``: verb, then auxiliary, then noun
reading), whether it is a dictionary word (``nlp.is_dictionary_word``), and an adjective's regular
comparative and superlative (``nlp.adjective_forms``). ``wordtable.tsv.gz`` holds those answers
for every word of the dictionary, computed by lemminflect itself (``python -m voicelint.wordtable``
writes it), and is read in about 30 ms. A word the table lacks is no dictionary word, so its
answers are the ones lemminflect gives a word it does not know; only the rules for unknown plurals
("ads") still ask lemminflect. The table names the lemminflect version it was made with: with any
other version installed, every question goes to lemminflect as before.
(tests/test_wordtable.py holds the table to what lemminflect answers.)
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

TABLE = Path(__file__).with_name("wordtable.tsv.gz")
HEADER = "# voicelint word table: word, lemma if not the word, adjective forms; lemminflect "


@dataclass(frozen=True)
class WordTable:
    """Every dictionary word (lower case), its lemma where that differs, its adjective forms."""

    words: frozenset[str]
    lemmas: dict[str, str]
    adjective_forms: dict[str, tuple[str, ...]]


@lru_cache(maxsize=1)
def table() -> WordTable | None:
    """The shipped table, or None when it is missing or made with another lemminflect."""
    from importlib import metadata  # here, not at import: a run the cache answers needs neither

    try:
        with gzip.open(TABLE, "rt", encoding="utf-8") as stream:
            text = stream.read()
        version = metadata.version("lemminflect")
    except (OSError, ValueError, metadata.PackageNotFoundError):
        return None
    header, _, body = text.partition("\n")
    if header != HEADER + version:
        return None
    words: list[str] = []
    lemmas: dict[str, str] = {}
    forms: dict[str, tuple[str, ...]] = {}
    for line in body.splitlines():
        word, lemma, adjective = line.split("\t")
        words.append(word)
        if lemma:
            lemmas[word] = lemma
        if adjective:
            forms[word] = tuple(adjective.split(" "))
    return WordTable(frozenset(words), lemmas, forms)


def build() -> str:
    """The table's text, asked of lemminflect through voicelint's own functions (slow: seconds)."""
    from importlib import metadata

    from voicelint import nlp  # the one module that imports lemminflect

    keys = nlp.dictionary_keys()
    lines = [HEADER + metadata.version("lemminflect")]
    for word in sorted(k for k in keys if k == k.lower()):
        if not nlp.is_dictionary_word_live(word):
            continue
        if "\t" in word or "\n" in word or " " in word:
            continue  # never a token's fold; such a word is asked of lemminflect
        lemma = nlp.lemma_of_live(word)
        forms = nlp.adjective_forms_live(word)
        lines.append(f"{word}\t{lemma if lemma != word else ''}\t{' '.join(forms)}")
    return "\n".join(lines) + "\n"


def main() -> None:
    """Write the table next to this module (after a lemminflect upgrade)."""
    with gzip.GzipFile(TABLE, "wb", mtime=0) as out:  # the same bytes for the same table
        out.write(build().encode("utf-8"))


if __name__ == "__main__":
    main()
