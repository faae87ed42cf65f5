"""The shipped word lists hold words: no list item that YAML read as true/false/null ("no", "on")."""

from __future__ import annotations

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
