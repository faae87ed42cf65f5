"""One sentence splitter (issue 16): analysis.breaks decides where sentences and clauses end, and
every rule reads it; no module keeps its own list of sentence marks."""

from __future__ import annotations

import re
from pathlib import Path

from voicelint.analysis import breaks, split_clauses, split_sentences
from voicelint.nlp import pipeline

SRC = Path(__file__).resolve().parent.parent / "src" / "voicelint"


def sentences(text: str) -> list[str]:
    doc = pipeline()(text)
    return [doc[a:b].text.strip() for a, b in split_sentences(doc)]


def clauses(text: str) -> list[str]:
    doc = pipeline()(text)
    return [doc[a:b].text.strip() for a, b in split_clauses(doc)]


def test_marks_and_line_breaks_end_sentences():
    assert sentences("Thanks for waiting. Is it fixed?! We hope so\nDM us") == [
        "Thanks for waiting.",
        "Is it fixed?!",
        "We hope so",
        "DM us",
    ]


def test_a_semicolon_ends_a_clause_not_a_sentence():
    assert sentences("Rates may change; returns are guaranteed.") == [
        "Rates may change; returns are guaranteed."
    ]
    assert clauses("Rates may change; returns are guaranteed.") == [
        "Rates may change;",
        "returns are guaranteed.",
    ]


def test_a_wrapped_line_does_not_end_the_sentence():
    assert sentences("our tea cures\ncolds and flu") == ["our tea cures\ncolds and flu"]
    assert sentences("our tea\n\ncures colds") == ["our tea", "cures colds"]


def test_a_run_of_marks_is_a_question_when_it_holds_one():
    doc = pipeline()("Really?! Yes.")
    kinds = [k for k in breaks(doc) if k]
    assert kinds == ["question", "stop"]


# The baseline's fingerprint reads a finding's sentence from the text alone, on purpose: it must
# not change when spaCy's tokenizer does, or an upgrade would bring every baselined finding back.
# It judges nothing; every rule reads the analysis's splitter.
OUTSIDE_THE_RULES = {"analysis.py", "baseline.py"}


def test_no_module_keeps_its_own_sentence_marks():
    own = []
    for path in SRC.rglob("*.py"):
        if path.name in OUTSIDE_THE_RULES:
            continue
        source = path.read_text(encoding="utf-8")
        if re.search(r"SENTENCE_(END|MARKS)\s*=|BOUNDARIES\s*=|def sentence_bounds_?table", source):
            own.append(path.name)
    assert own == []
