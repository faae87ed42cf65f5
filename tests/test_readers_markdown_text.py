"""Markdown (front matter + body) and plain-text posts: the body is the text, mapped exactly."""

from __future__ import annotations

from pathlib import Path

import pytest

from voicelint.errors import InputError
from voicelint.model import Post
from voicelint.readers import read_file, read_text

FIXTURES = Path(__file__).parent / "fixtures" / "posts"


def place_of(post: Post, word: str) -> tuple[int, int, int, int]:
    start = post.text.index(word)
    return post.place(start, start + len(word))


def assert_exact(post: Post) -> None:
    src = post.source.text
    for index, char in enumerate(post.text):
        found = src[post.text_map.source_offset(index)]
        assert found == char or (char == "\n" and found == "\r"), (index, char, found)


def md_error(text: str) -> InputError:
    with pytest.raises(InputError) as info:
        read_text(text, display_path="post.md", fmt="md")
    return info.value


def test_markdown_front_matter_and_body() -> None:
    (post,) = read_file(FIXTURES / "launch.md")
    assert (post.id, post.client, post.platform, post.sponsored, post.line) == (
        "launch",
        "acme-bank",
        "linkedin",
        True,
        1,
    )
    assert post.text == (
        "We're **thrilled** to launch our new savings account.\n\nGuaranteed 5% returns, no risk."
    )
    assert place_of(post, "We're")[:2] == (8, 1)
    assert place_of(post, "thrilled") == (8, 9, 8, 17)
    assert place_of(post, "Guaranteed 5%") == (10, 1, 10, 14)
    assert_exact(post)


def test_markdown_without_front_matter_and_crlf() -> None:
    source = "\r\n\r\nFirst line\r\n  second line  \r\n\r\n"
    (post,) = read_text(source, fmt="md")
    assert (post.id, post.text) == ("1", "First line\n  second line")
    assert place_of(post, "First")[:2] == (3, 1)
    assert place_of(post, "second") == (4, 3, 4, 9)
    newline = post.text.index("\n")
    assert post.source.text[post.text_map.source_offset(newline)] == "\n"  # not the \r
    assert_exact(post)


def test_markdown_front_matter_closed_by_dots_and_empty() -> None:
    (post,) = read_text("---\nplatform: x\n...\nBody\n", fmt="md")
    assert (post.platform, post.text) == ("x", "Body")
    assert place_of(post, "Body")[:2] == (4, 1)
    (post,) = read_text("---\n---\nJust text\n", fmt="md")
    assert (post.platform, post.text) == (None, "Just text")


def test_markdown_unicode_body() -> None:
    text = "Zero\u200bwidth 👩🏽\u200d💻 مرحبا \u200fשלום"
    (post,) = read_text(f"---\nid: u\n---\n{text}\n", fmt="md")
    assert post.text == text
    assert place_of(post, "مرحبا")[:2] == (4, text.index("مرحبا") + 1)


@pytest.mark.parametrize(
    ("source", "line", "message", "hint"),
    [
        (
            "---\nplatform: x\nhello\n",
            1,
            "front matter is not closed",
            'end it with a line "---" before the text',
        ),
        (
            "---\ntext: hi\n---\nbody\n",
            2,
            '"text" cannot be set in front matter',
            "the text is the body after the front matter",
        ),
        ("---\n- a\n---\nbody\n", 2, "front matter must be a mapping of post keys", None),
        (
            "---\nplatform: x\nplatfrom: y\n---\nbody\n",
            3,
            'unknown key "platfrom"',
            'did you mean "platform"?',
        ),
        ("---\nkind: x\n---\nbody\n", 2, 'unknown kind "x"; valid: post, reply', None),
        (
            "---\nplatform: [x\n---\nbody\n",
            2,
            None,
            "close the quote or bracket that is still open",
        ),
        (
            "---\nauthor: !!python/name:os.system\n---\nbody\n",
            2,
            'YAML tag "!!python/name:os.system" is not allowed',
            None,
        ),
    ],
)
def test_invalid_markdown(source: str, line: int, message: str | None, hint: str | None) -> None:
    error = md_error(source)
    assert (error.path, error.line) == ("post.md", line)
    if message is not None:
        assert error.message == message
    if hint is not None:
        assert error.hint == hint


def test_plain_text_file() -> None:
    (post,) = read_file(FIXTURES / "reply.txt")
    assert (post.id, post.index, post.line, post.platform) == ("1", 1, 1, None)
    assert post.text == "Thanks for reaching out! Please DM us your account number."
    assert place_of(post, "DM us") == (1, 33, 1, 38)
    assert post.text_map.runs == ((0, 0),)


def test_stdin_text_keeps_leading_space_and_strips_trailing() -> None:
    (post,) = read_text("  Hello\r\nworld \u200b!\n\n  \n")
    assert post.path == "<stdin>"
    assert post.text == "  Hello\nworld \u200b!"
    assert place_of(post, "Hello")[:2] == (1, 3)
    assert place_of(post, "!")[:2] == (2, 8)
    assert_exact(post)


def test_lone_carriage_returns_become_newlines() -> None:
    (post,) = read_text("one\rtwo")
    assert post.text == "one\ntwo"
    assert post.place(3, 4)[:2] == (1, 4)  # the \r itself
    assert place_of(post, "two")[:2] == (2, 1)  # a lone CR ends a line (issue 12)
