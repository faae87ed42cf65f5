"""Property tests: text written by a YAML, JSON or CSV writer reads back exactly, mapped exactly."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from contextlib import contextmanager
from unittest import mock

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from voicelint.model import Post
from voicelint.readers import csv_posts, json_posts, read_text, yaml_posts, yaml_scalars

LOADERS = [yaml.SafeLoader] + ([yaml.CSafeLoader] if hasattr(yaml, "CSafeLoader") else [])
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=80)
# Characters that stress line folding, quoting and escapes, to reach the corners often.
TRICKY = st.text(st.sampled_from(list("ab \t\n\r'\"\\#:-,é😀\u200b\u2028\x85")), max_size=40)
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assert_mapped(post: Post) -> None:
    """Every character is its source character, unless an escape or a fold produced it."""
    src = post.source.text
    for index, char in enumerate(post.text):
        found = src[post.text_map.source_offset(index)]
        assert found == char or found in "\\\r\n\x85\u2028\u2029", (index, char, found)


@contextmanager
def no_fallback() -> Iterator[None]:
    """Fail if a map had to be approximated by alignment."""

    def refuse(*args: object) -> None:
        raise AssertionError(f"fell back to an aligned map for {args[1]!r}")

    with (
        mock.patch.object(yaml_scalars, "align_map", refuse),
        mock.patch.object(json_posts, "align_map", refuse),
        mock.patch.object(csv_posts, "align_map", refuse),
    ):
        yield


@pytest.mark.parametrize("loader", LOADERS, ids=lambda loader: loader.__name__)
@pytest.mark.parametrize(
    "style", ['"', "'", "|", ">", None], ids=["double", "single", "literal", "folded", "plain"]
)
@SETTINGS
@given(
    value=st.one_of(TEXT, TRICKY),
    unicode=st.booleans(),
    width=st.sampled_from([20, 80]),
    crlf=st.booleans(),
)
def test_yaml_round_trip(
    loader: type, style: str | None, value: str, unicode: bool, width: int, crlf: bool
) -> None:
    document = yaml.dump(
        {"posts": [{"id": "p", "text": value}]},
        default_style=style,
        allow_unicode=unicode,
        width=width,
    )
    if crlf:
        document = document.replace("\n", "\r\n")
    try:
        reference = yaml.load(document, Loader=loader)["posts"][0]["text"]
    except yaml.YAMLError:
        reference = None
    # PyYAML's emitter writes some line-break characters (NEL, LS, PS) raw, and CRLF changes
    # line breaks inside quotes; only documents PyYAML itself reads back unchanged are tested.
    assume(reference == value)
    with mock.patch.object(yaml_posts, "LOADER", loader), no_fallback():
        (post,) = read_text(document, fmt="yaml")
        assert post.text == value
        assert_mapped(post)


@SETTINGS
@given(value=st.one_of(TEXT, TRICKY), ensure_ascii=st.booleans(), indent=st.sampled_from([None, 2]))
def test_json_round_trip(value: str, ensure_ascii: bool, indent: int | None) -> None:
    document = json.dumps({"posts": [{"text": value}]}, ensure_ascii=ensure_ascii, indent=indent)
    with no_fallback():
        (post,) = read_text(document, fmt="json")
    assert post.text == value
    assert_mapped(post)


@SETTINGS
@given(value=st.one_of(TEXT, TRICKY), delimiter=st.sampled_from([",", ";"]))
def test_csv_round_trip(value: str, delimiter: str) -> None:
    expected = value.replace("\r\n", "\n").replace("\r", "\n").strip()
    assume(expected and "\0" not in value)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerows([["id", "text"], ["a", value]])
    with no_fallback():
        (post,) = read_text(buffer.getvalue(), fmt="csv")
    assert post.text == expected
    assert_mapped(post)


WORD = st.text(st.sampled_from(list("ab  \t'\"\\#:-é😀\u200b")), max_size=8)
ESCAPES = [
    "\\n",
    "\\t",
    "\\x41",
    "\\u00e9",
    "\\U0001F600",
    '\\"',
    "\\\\",
    "\\ ",
    "\\/",
    "\\N",
    "\\_",
    "\\L",
    "\\P",
    "\\0",
    "\\e",
    "",
]


@st.composite
def hand_written_yaml(draw: st.DrawFn) -> str:
    """A post file as a person might write it: any scalar style, folds, blank lines, comments."""
    lines = draw(
        st.lists(st.one_of(WORD, st.sampled_from(["", " ", "\t"])), min_size=1, max_size=5)
    )
    prefix, key_column = draw(st.sampled_from([("", 0), ("posts:\n- ", 2), ("posts:\n  - ", 4)]))
    more = " " * (key_column + draw(st.integers(1, 4)))
    style = draw(st.sampled_from(["plain", "single", "double", "block"]))
    if style == "plain":
        body = ("\n" + more).join(lines)
    elif style == "single":
        body = "'" + ("\n" + more).join(line.replace("'", "''") for line in lines) + "'"
    elif style == "double":
        parts = [
            line.replace("\\", "\\\\").replace('"', '\\"')
            + draw(st.sampled_from(ESCAPES))
            + draw(st.sampled_from(["", "\\"]))
            for line in lines
        ]
        body = '"' + ("\n" + more).join(parts) + '"'
    else:
        indicator = draw(st.sampled_from(["|", ">"])) + draw(st.sampled_from(["", "-", "+"]))
        indicator += draw(st.sampled_from(["", "1", "2", "3"]))
        indicator += draw(st.sampled_from(["", "  # note"]))
        extra = " " * draw(st.integers(0, 2))
        body = (
            indicator
            + "\n"
            + "\n".join(more + extra + line if line.strip() else line for line in lines)
        )
    properties = draw(st.sampled_from(["", "!!str ", "&anchor ", "&a !!str "]))
    document = prefix + "text: " + properties + body.replace("\n", "\n" + " " * key_column)
    document += draw(
        st.sampled_from(
            ["", "\n", "\n\n", "  # end\n", "\nid: x\n".replace("\n", "\n" + " " * key_column)]
        )
    )
    return document.replace("\n", "\r\n") if draw(st.booleans()) else document


@pytest.mark.parametrize("loader", LOADERS, ids=lambda loader: loader.__name__)
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document=hand_written_yaml())
def test_hand_written_yaml_maps_exactly(loader: type, document: str) -> None:
    try:
        data = yaml.load(document, Loader=loader)
        value = data["posts"][0]["text"] if "posts" in data else data["text"]
    except (yaml.YAMLError, TypeError, KeyError):
        value = None
    assume(isinstance(value, str))
    with mock.patch.object(yaml_posts, "LOADER", loader), no_fallback():
        (post,) = read_text(document, fmt="yaml")
        assert post.text == value
        assert_mapped(post)
