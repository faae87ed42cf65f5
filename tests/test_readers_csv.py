"""CSV post files: header aliases, delimiters, quoted cells mapped exactly, and errors."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from voicelint.errors import InputError
from voicelint.model import Post
from voicelint.readers import read_file, read_text
from voicelint.readers.csv_posts import scan_rows, sniff_delimiter

FIXTURES = Path(__file__).parent / "fixtures" / "posts"


def place_of(post: Post, word: str) -> tuple[int, int, int, int]:
    start = post.text.index(word)
    return post.place(start, start + len(word))


def assert_exact(post: Post) -> None:
    src = post.source.text
    for index, char in enumerate(post.text):
        assert src[post.text_map.source_offset(index)] == char, (index, char)


def read_csv(text: str) -> list[Post]:
    return read_text(text, display_path="posts.csv", fmt="csv")


def csv_error(text: str) -> InputError:
    with pytest.raises(InputError) as info:
        read_csv(text)
    return info.value


def test_scheduler_export_with_aliases_crlf_and_blank_rows() -> None:
    posts = read_file(FIXTURES / "schedule.csv")
    assert [(p.index, p.id, p.line) for p in posts] == [(1, "1", 2), (2, "2", 5), (3, "3", 6)]
    first, second, third = posts
    assert first.text == 'Big news: "zero-fee" transfers,\nstarting today!'
    assert (first.publish_at, first.platform, first.sponsored, first.campaign) == (
        "2025-03-01T09:30:00Z",
        "instagram",
        True,
        "spring",
    )
    assert (second.text, second.platform, second.sponsored, second.publish_at) == (
        "Simple row with guaranteed returns",
        "x",
        False,
        None,
    )
    assert (third.text, third.platform, third.campaign) == ("Padded text", None, None)
    for post in posts:
        assert_exact(post)


def test_quoted_cell_positions() -> None:
    post = read_file(FIXTURES / "schedule.csv")[0]
    assert place_of(post, "Big")[:2] == (2, 2)
    quote = post.text.index('"')
    assert post.place(quote, quote + 1)[:2] == (2, 12)  # the first quote of ""
    assert place_of(post, "zero-fee") == (2, 14, 2, 22)
    assert place_of(post, "transfers")[:2] == (2, 25)
    newline = post.text.index("\n")
    assert post.place(newline, newline + 1)[:2] == (2, 36)  # the \n of the CRLF in the cell
    assert place_of(post, "starting today") == (3, 1, 3, 15)


def test_unquoted_and_trimmed_cell_positions() -> None:
    _, second, third = read_file(FIXTURES / "schedule.csv")
    assert place_of(second, "guaranteed") == (5, 17, 5, 27)
    assert place_of(third, "Padded") == (6, 3, 6, 9)


def test_semicolon_delimiter_and_unicode() -> None:
    first, second = read_file(FIXTURES / "export-semicolon.csv")
    assert (first.id, first.text, first.platform) == ("fr-1", "Économisez; sans risque", "facebook")
    assert place_of(first, "sans") == (2, 19, 2, 23)
    assert (second.id, second.text, second.line) == ("fr-2", "Deuxième message", 3)
    assert place_of(second, "message")[:2] == (3, 15)


def test_tab_delimiter_and_header_case() -> None:
    (post,) = read_csv(' TEXT \tPlatform\tID\n"tab\tinside"\tLinkedIn\tli-1\n')
    assert (post.text, post.platform, post.id) == ("tab\tinside", "linkedin", "li-1")
    assert place_of(post, "inside")[:2] == (2, 6)


@pytest.mark.parametrize(
    ("header", "delimiter"),
    [
        ("text,platform", ","),
        ("text;platform;id", ";"),
        ("text\tplatform", "\t"),
        ("text", ","),
        ('"a;b",c', ","),
    ],
)
def test_sniff_delimiter(header: str, delimiter: str) -> None:
    assert sniff_delimiter(header) == delimiter


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("true", True),
        ("TRUE", True),
        ("Yes", True),
        ("1", True),
        ("false", False),
        ("No", False),
        ("0", False),
        ("", False),
    ],
)
def test_sponsored_cells(cell: str, expected: bool) -> None:
    (post,) = read_csv(f"text,sponsored\nhello,{cell}\n")
    assert post.sponsored is expected


def test_suppressions_cell_is_yaml() -> None:
    (post,) = read_csv('text,voicelint\nhello,"{disable: [claims.guarantee]}"\n')
    assert post.suppressions == {"disable": ["claims.guarantee"]}


def test_scanner_agrees_with_csv_module() -> None:
    rows = [["a", 'say "hi"', "multi\r\nline"], ["", "x,y", ""], [], ["  padded  "]]
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    text = buffer.getvalue()
    scanned = scan_rows(text, ",")
    values = list(csv.reader(io.StringIO(text, newline="")))
    assert [len(cells) for _, cells in scanned] == [len(row) for row in values]
    assert scanned[1][1][1] == (text.index('"x,y"'), text.index('"x,y"') + 5, True)


@pytest.mark.parametrize(
    ("source", "line", "message", "hint"),
    [
        (
            "txt,platform\nhi,x\n",
            1,
            'no "text" column in the CSV header',
            'name the column that holds the drafts "text" or "message"',
        ),
        ("\n\nplatform\nx\n", 3, 'no "text" column in the CSV header', None),
        (
            "text,Message\na,b\n",
            1,
            'duplicate column "Message" (same as "text")',
            "keep one of them",
        ),
        (
            'text,platform\nhi,x\n\n"open,x\nmore\n',
            4,
            "malformed CSV: a quoted cell is never closed",
            None,
        ),
        (
            'text,platform\n"hi"x,x\n',
            2,
            "malformed CSV: text after a closing quote; expected ','",
            None,
        ),
        (
            "text,platform\nhi,x,extra\n",
            2,
            "row has 3 cells but the header names 2 columns",
            'quote cells that contain ","',
        ),
        ("text,platform\nhi,x\n,instagram\n", 3, 'post has no "text"', 'fill in its "text" cell'),
        (
            "text,sponsored\nhi,maybe\n",
            2,
            'sponsored must be true or false, not "maybe"',
            "use true/false, yes/no or 1/0",
        ),
        ("text,date\nhi,soon\n", 2, 'publish_at is not an ISO 8601 date-time: "soon"', None),
        ("text,platform\nhi,orkut\n", 2, None, "use one of the valid platforms"),
        ('text,voicelint\nhi,"{a: ["\n', 2, None, "write it as YAML, e.g. {disable: [rule-id]}"),
        ("", 1, "empty CSV file: no header row", None),
        (" \n\n", 1, "empty CSV file: no header row", None),
    ],
)
def test_invalid_csv(source: str, line: int, message: str | None, hint: str | None) -> None:
    error = csv_error(source)
    assert isinstance(error, InputError)  # or its kinds: Unreadable, NotPosts
    assert (error.path, error.line) == ("posts.csv", line)
    if message is not None:
        assert error.message == message
    if hint is not None:
        assert error.hint == hint
