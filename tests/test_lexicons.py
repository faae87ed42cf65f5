"""The shipped word lists hold words: no list item that YAML read as true/false/null ("no", "on")."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted(
    [*(ROOT / "rules").rglob("*.yaml"), *(ROOT / "src/voicelint/lexicons").rglob("*.yaml")]
)


def list_items(value: object, path: str = ""):
    if isinstance(value, dict):
        for key, item in value.items():
            yield from list_items(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, dict | list):
                yield from list_items(item, f"{path}[{index}]")
            else:
                yield f"{path}[{index}]", item


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_word_in_a_list_was_read_as_a_boolean(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    booleans = [where for where, item in list_items(data) if isinstance(item, bool) or item is None]
    assert not booleans, f"quote these words (YAML read them as true/false/null): {booleans}"


# One loader (issue 16): every shipped lexicon is read by voicelint.lexicon.load, which refuses what
# policies refuse (duplicate keys, aliases, tags) and list items YAML did not read as words.


def shipped():
    from voicelint.lexicon import LEXICONS

    return sorted(str(p.relative_to(LEXICONS).with_suffix("")) for p in LEXICONS.rglob("*.yaml"))


@pytest.mark.parametrize("name", shipped())
def test_every_shipped_lexicon_loads_through_the_one_loader(name):
    from voicelint.lexicon import load

    assert load(name)


@pytest.fixture
def lexicon_dir(tmp_path, monkeypatch):
    from voicelint import lexicon

    monkeypatch.setattr(lexicon, "LEXICONS", tmp_path)
    lexicon.load.cache_clear()
    yield tmp_path
    lexicon.load.cache_clear()


def test_a_duplicate_key_is_an_error_at_its_line(lexicon_dir):
    from voicelint.errors import PolicyError
    from voicelint.lexicon import load

    (lexicon_dir / "x.yaml").write_text("a:\n  patterns: []\n  terms: [b]\n  patterns: [c]\n")
    with pytest.raises(PolicyError) as caught:
        load("x")
    assert caught.value.line == 4 and "duplicate key" in str(caught.value)


def test_a_word_read_as_a_boolean_or_a_date_is_an_error(lexicon_dir):
    from voicelint.errors import PolicyError
    from voicelint.lexicon import load

    (lexicon_dir / "x.yaml").write_text("words:\n  - yes\n  - fine\n")
    with pytest.raises(PolicyError) as caught:
        load("x")
    assert caught.value.line == 2 and "quote it" in str(caught.value)
    (lexicon_dir / "y.yaml").write_text("days: [2024-01-01]\nlimits: [280, 0.5]\n")
    with pytest.raises(PolicyError):
        load("y")
    (lexicon_dir / "z.yaml").write_text("limits: [280, 0.5]\n")
    assert load("z") == {"limits": [280, 0.5]}


def test_an_unknown_section_is_an_error_with_the_nearest_name(lexicon_dir):
    from voicelint.errors import PolicyError
    from voicelint.lexicon import load

    (lexicon_dir / "x.yaml").write_text("hedges: [may]\nhedgse: [might]\n")
    with pytest.raises(PolicyError) as caught:
        load("x", ("hedges", "absolute"))
    assert caught.value.line == 2 and "hedges" in str(caught.value)


def test_an_alias_is_refused(lexicon_dir):
    from voicelint.errors import PolicyError
    from voicelint.lexicon import load

    (lexicon_dir / "x.yaml").write_text("a: &w [x]\nb: *w\n")
    with pytest.raises(PolicyError):
        load("x")


@functools.cache
def _condition_values() -> frozenset[str]:
    """Every value a shipped rule gives a named condition in ``when:`` or ``unless:``."""
    import yaml

    from voicelint.conditions import CONDITIONS

    found: set[str] = set()

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key in CONDITIONS:
                    values = value if isinstance(value, list) else [value]
                    found.update(str(v) for v in values if isinstance(v, str))
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    for path in (ROOT / "rules").rglob("*.yaml"):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    return frozenset(found)


@pytest.mark.parametrize("name", shipped())
def test_every_section_of_a_lexicon_is_read_by_the_code(name):
    """A section no code names is a misspelling or dead words: either way it matches nothing."""
    import re

    from voicelint.lexicon import load

    data = load(name)
    if not isinstance(data, dict):
        return
    code = " ".join(
        p.read_text(encoding="utf-8")
        for p in [*(ROOT / "src/voicelint").rglob("*.py"), *(ROOT / "rules").rglob("*.yaml")]
    )
    # A key is read when code names it as a string, or a rule names it as a condition's value
    # (``unless: [{states: [apr, lease_terms]}]``).
    unread = [
        k
        for k in data
        if not re.search("[\"']" + re.escape(str(k)) + "[\"']", code)
        and str(k) not in _condition_values()
    ]
    assert not unread, f"lexicons/{name}.yaml: no code reads {unread}"
