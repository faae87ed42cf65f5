"""JSON post files: fields, exact positions through escapes, and errors with their lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from voicelint.errors import InputError
from voicelint.model import Post
from voicelint.readers import read_file, read_text
from voicelint.readers.json_posts import string_map

FIXTURES = Path(__file__).parent / "fixtures" / "posts"


def place_of(post: Post, word: str) -> tuple[int, int, int, int]:
    start = post.text.index(word)
    return post.place(start, start + len(word))


def assert_exact(post: Post) -> None:
    src = post.source.text
    for index, char in enumerate(post.text):
        found = src[post.text_map.source_offset(index)]
        assert found == char or found == "\\", (index, char, found)


def read_json(text: str) -> list[Post]:
    return read_text(text, display_path="posts.json", fmt="json")


def json_error(text: str) -> InputError:
    with pytest.raises(InputError) as info:
        read_json(text)
    return info.value


def test_fixture_fields() -> None:
    first, second = read_file(FIXTURES / "replies.json")
    assert (first.id, first.index, first.line, first.kind) == ("r1", 1, 5, "reply")
    assert (first.client, first.platform, first.in_reply_to) == (
        "acme-bank",
        "x",
        "My card was declined!",
    )
    assert first.text == 'So sorry! "We" can fix it/now.\nDM us 😀 café today.'
    assert (second.id, second.line, second.sponsored, second.publish_at) == (
        "2",
        11,
        True,
        "2025-03-01T09:30:00Z",
    )
    assert second.client == "acme-bank"


def test_escape_positions() -> None:
    post = read_file(FIXTURES / "replies.json")[0]
    # Line 9: "text": "So sorry! \"We\" can fix it\/now.\nDM us \ud83d\ude00 caf\u00e9 today."
    assert place_of(post, "So sorry")[:2] == (9, 16)
    quote = post.text.index('"')
    assert post.place(quote, quote + 1)[:2] == (9, 26)  # \"
    assert place_of(post, "We")[:2] == (9, 28)
    assert place_of(post, "can fix it")[:2] == (9, 33)
    slash = post.text.index("/")
    assert post.place(slash, slash + 1)[:2] == (9, 43)  # \/
    assert place_of(post, "now")[:2] == (9, 45)
    newline = post.text.index("\n")
    assert post.place(newline, newline + 1)[:2] == (9, 49)  # \n
    assert place_of(post, "DM us")[:2] == (9, 51)
    emoji = post.text.index("😀")  # one character from a surrogate pair: maps to its first \u
    assert post.place(emoji, emoji + 1) == (9, 57, 9, 58)
    assert place_of(post, "caf")[:2] == (9, 70)
    assert place_of(post, "é")[:2] == (9, 73)
    assert place_of(post, "today") == (9, 80, 9, 85)
    assert_exact(post)


def test_string_without_escapes_is_one_run() -> None:
    post = read_file(FIXTURES / "replies.json")[1]
    assert post.text_map.runs == ((0, post.source.text.index("Plain reply")),)
    assert place_of(post, "escapes")[:2] == (11, 35)


def test_single_post_object_and_unicode_text() -> None:
    text = "Zero\u200bwidth 👨\u200d👩\u200d👧 שלום \u200fمرحبا 👍🏽"
    source = json.dumps({"platform": "twitter", "text": text}, ensure_ascii=False)
    (post,) = read_json(source)
    assert (post.platform, post.text, post.line) == ("x", text, 1)
    assert place_of(post, "שלום")[:2] == (1, source.index("שלום") + 1)
    escaped = json.dumps({"text": text})  # ensure_ascii: every non-ASCII character is escaped
    (post,) = read_json(escaped)
    assert post.text == text
    assert_exact(post)
    assert place_of(post, "width")[:2] == (1, escaped.index("width") + 1)


def test_string_map_exact_for_every_escape() -> None:
    source = r'"a\"b\\c\/d\be\ff\ng\rh\ti\u0041j\ud83d\ude00k"'
    value = json.loads(source)
    text_map, exact = string_map(source, 0, len(source), value)
    assert exact
    offsets = [text_map.source_offset(i) for i in range(len(value))]
    assert [source[o] for o in offsets] == [
        char if char.isalpha() and char.isascii() and char != "A" else "\\" for char in value
    ]


def test_suppressions_and_defaults() -> None:
    source = json.dumps(
        {
            "client": "acme",
            "voicelint": {"disable": ["tone.hype"]},
            "posts": [{"text": "a"}, {"text": "b", "client": "other", "voicelint": None}],
        }
    )
    first, second = read_json(source)
    assert (first.client, first.suppressions) == ("acme", {"disable": ["tone.hype"]})
    assert (second.client, second.suppressions) == ("other", None)


@pytest.mark.parametrize(
    ("source", "line", "message", "hint"),
    [
        (
            '{"posts": [\n  {"text": "a",}\n]}',
            2,
            "invalid JSON: Expecting property name enclosed in double quotes (column 16)",
            "check for a missing comma, quote or bracket near this line",
        ),
        (
            '{"posts": [\n  {"text": "a"}\n  {"text": "b"}\n]}',
            3,
            "invalid JSON: Expecting ',' delimiter (column 3)",
            None,
        ),
        (
            '{"posts": [\n  {"text": "a",\n   "text": "b"}\n]}',
            3,
            'duplicate key "text"',
            "it is already set on line 2; keep one",
        ),
        ('{"posts": [\n  {"txt": "a"}\n]}', 2, 'unknown key "txt"', 'did you mean "text"?'),
        (
            '{"posts": [\n  {"text": 5}\n]}',
            2,
            "text must be a string, not a number",
            'quote it: "text": "5"',
        ),
        (
            '{"posts": [\n  {"text": "a",\n   "platform": "orkut"}\n]}',
            3,
            None,
            "use one of the valid platforms",
        ),
        (
            '{"posts": [\n  {"text": "a", "sponsored": "yes"}\n]}',
            2,
            'sponsored must be true or false, not "yes"',
            None,
        ),
        (
            '{"posts": [\n  {"text": "a", "publish_at": 20250301}\n]}',
            2,
            'publish_at is not an ISO 8601 date-time: "20250301"',
            None,
        ),
        ('{"posts": {"text": "a"}}', 1, '"posts" must be a list of posts, not an object', None),
        ('{"posts": [\n  "hello"\n]}', 2, "post 1 is not an object but a string", None),
        (
            '{"posts": [],\n "campain": "x"}',
            2,
            'unknown top-level key "campain"',
            'did you mean "campaign"?',
        ),
        ('{"posts": [], "posts": []}', 1, 'duplicate key "posts"', None),
        ("[1, 2]", 1, "expected posts, found a list", None),
        ('{"name": "a policy"}', 1, 'not a post file: no "posts" and no "text"', None),
        ("", 1, "invalid JSON: Expecting value (column 1)", None),
    ],
)
def test_invalid_json_posts(source: str, line: int, message: str | None, hint: str | None) -> None:
    error = json_error(source)
    assert isinstance(error, InputError)  # or its kinds: Unreadable, NotPosts
    assert (error.path, error.line) == ("posts.json", line)
    if message is not None:
        assert error.message == message
    if hint is not None:
        assert error.hint == hint


def test_deeply_nested_json_is_one_error() -> None:
    error = json_error('{"text": "a", "voicelint": ' + "[" * 100_000 + "]" * 100_000 + "}")
    assert (error.line, error.message) == (None, "JSON nested too deeply")
