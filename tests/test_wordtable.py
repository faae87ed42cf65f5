"""The shipped word table gives lemminflect's own answers (issue 14: lemminflect's dictionaries are
not read at start-up)."""

from __future__ import annotations

import gzip

import pytest

from voicelint import nlp, wordtable

WORDS = [
    "cures", "cured", "guaranteed", "lit", "best", "good", "ads", "effects", "packaging", "cheap",
    "cheapest", "kids", "xyzzys", "returns", "is", "was", "e-mail", "classes", "glass", "happier",
    "cafés", "naïve", "ümlauts", "blockchains", "dogecoins", "hodl",
]  # fmt: skip


def test_the_table_is_what_lemminflect_answers_today():
    assert wordtable.table() is not None, "the table names another lemminflect: rebuild it"
    with gzip.open(wordtable.TABLE, "rt", encoding="utf-8") as stream:
        shipped = stream.read()
    assert shipped == wordtable.build(), "rebuild: python -m voicelint.wordtable"


@pytest.mark.parametrize("word", WORDS)
def test_each_answer_is_lemminflects(word):
    assert nlp.lemma_of(word) == nlp.lemma_of_live(word)
    assert nlp.is_dictionary_word(word) == nlp.is_dictionary_word_live(word)
    assert nlp.adjective_forms(word) == nlp.adjective_forms_live(word)


def test_words_the_table_cannot_answer_go_to_lemminflect():
    for word in ["Cures", "two words", "CHEAP"]:
        assert nlp.lemma_of(word) == nlp.lemma_of_live(word)
        assert nlp.is_dictionary_word(word) == nlp.is_dictionary_word_live(word)
        assert nlp.adjective_forms(word) == nlp.adjective_forms_live(word)
