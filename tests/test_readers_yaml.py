"""YAML post files: fields and defaults, exact source positions for every scalar style, errors."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from voicelint.errors import InputError
from voicelint.model import Post
from voicelint.readers import read_file, read_text
from voicelint.readers.yaml_scalars import scalar_map

FIXTURES = Path(__file__).parent / "fixtures" / "posts"


def place_of(post: Post, word: str, occurrence: int = 0) -> tuple[int, int, int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = post.text.index(word, start + 1)
    return post.place(start, start + len(word))


def locate(source: str, needle: str) -> tuple[int, int]:
    """Line and column of ``needle`` in the raw file, found without any source map."""
    for number, line in enumerate(source.split("\n"), 1):
        column = line.find(needle)
        if column != -1:
            return number, column + 1
    raise AssertionError(f"{needle!r} not in source")


def assert_exact(post: Post) -> None:
    """Each character is the source's, or was produced by an escape (\\) or a fold (a break)."""
    src = post.source.text
    for index, char in enumerate(post.text):
        found = src[post.text_map.source_offset(index)]
        assert found == char or found in "\\\r\n\x85\u2028\u2029", (index, char, found)


def read_yaml(text: str) -> list[Post]:
    return read_text(text, display_path="posts.yaml", fmt="yaml")


def yaml_error(text: str) -> InputError:
    with pytest.raises(InputError) as info:
        read_yaml(text)
    return info.value


@pytest.fixture(scope="module")
def campaign() -> dict[str, Post]:
    return {post.id: post for post in read_file(FIXTURES / "campaign.yaml")}


# --- fields -------------------------------------------------------------------------------


def test_fixture_fields_and_file_level_defaults(campaign: dict[str, Post]) -> None:
    assert list(campaign) == [
        "plain-1",
        "plain-multi",
        "single",
        "double",
        "literal",
        "folded",
        "indicator",
    ]
    first = campaign["plain-1"]
    assert (first.index, first.line, first.path) == (1, 6, str(FIXTURES / "campaign.yaml"))
    assert (first.client, first.platform, first.campaign) == ("acme-bank", "x", "spring-savings")
    assert (first.kind, first.sponsored, first.publish_at) == ("post", False, None)
    assert campaign["plain-multi"].platform == "linkedin"  # a post's own value wins, any case
    reply = campaign["double"]
    assert (reply.kind, reply.in_reply_to) == ("reply", "Why was I charged twice?")
    literal = campaign["literal"]
    assert (literal.sponsored, literal.publish_at) == (True, "2025-03-01T09:30:00+00:00")
    assert literal.line == 21


def test_fixture_texts(campaign: dict[str, Post]) -> None:
    assert campaign["plain-multi"].text == "Our new app makes budgeting easy.\nTry it risk-free."
    assert campaign["single"].text == "It's the best   rate in town"
    assert campaign["double"].text == 'Sorry about that! é We’ll refund you "today".\nDM us ASAP'
    assert campaign["literal"].text == (
        "Line one of a literal.\n  Indented line.\n\nLast line, no risk.\n"
    )
    assert campaign["folded"].text == "Folded lines join with spaces.\nA new paragraph stays."
    assert campaign["indicator"].text == "   Starts with spaces.\n Free money for everyone."
    for post in campaign.values():
        assert_exact(post)


def test_default_id_is_position_and_ids_stay_as_written() -> None:
    posts = read_yaml("posts:\n  - text: a\n  - id: 007\n    text: b\n  - id: 12\n    text: c\n")
    assert [post.id for post in posts] == ["1", "007", "12"]
    assert [post.index for post in posts] == [1, 2, 3]


def test_single_post_mapping() -> None:
    (post,) = read_yaml(
        "platform: Twitter\nkind: REPLY\nin_reply_to: where is my card?\ntext: On its way!\n"
    )
    assert (post.platform, post.kind, post.in_reply_to, post.text) == (
        "x",
        "reply",
        "where is my card?",
        "On its way!",
    )
    assert (post.id, post.line) == ("1", 1)


def test_publish_at_and_sponsored_forms() -> None:
    posts = read_yaml(
        "posts:\n"
        "  - {text: a, publish_at: 2025-03-01}\n"
        "  - {text: b, publish_at: '2025-03-01T09:30:00Z'}\n"
        "  - {text: c, publish_at: 2025-03-01 09:30:00+02:00, sponsored: yes}\n"
        "  - {text: d, sponsored: false}\n"
    )
    assert [post.publish_at for post in posts] == [
        "2025-03-01",
        "2025-03-01T09:30:00Z",
        "2025-03-01T09:30:00+02:00",
        None,
    ]
    assert [post.sponsored for post in posts] == [False, False, True, False]


def test_suppressions_are_stored_raw_and_default_from_the_file() -> None:
    posts = read_yaml(
        "voicelint: {disable: [tone.hype]}\n"
        "posts:\n"
        "  - text: a\n"
        "  - text: b\n"
        "    voicelint:\n"
        "      disable: [claims.guarantee]\n"
        "      reason: approved by legal\n"
    )
    assert posts[0].suppressions == {"disable": ["tone.hype"]}
    assert posts[1].suppressions == {"disable": ["claims.guarantee"], "reason": "approved by legal"}


def test_merge_keys_and_aliases() -> None:
    source = (
        "posts:\n"
        "  - &base\n"
        "    platform: instagram\n"
        "    text: &hello Hello from the base post\n"
        "  - <<: *base\n"
        "    id: copy\n"
        "  - text: *hello\n"
        "    platform: x\n"
    )
    posts = read_yaml(source)
    assert [(post.id, post.platform, post.text) for post in posts] == [
        ("1", "instagram", "Hello from the base post"),
        ("copy", "instagram", "Hello from the base post"),
        ("3", "x", "Hello from the base post"),
    ]
    # An alias's text maps to where the anchored scalar was written.
    for post in posts:
        assert place_of(post, "base")[:2] == (4, 33) == locate(source, "base post")


# --- positions ----------------------------------------------------------------------------


def test_plain_scalar_positions(campaign: dict[str, Post]) -> None:
    post = campaign["plain-1"]
    assert place_of(post, "guaranteed") == (7, 49, 7, 59)
    assert place_of(post, "Open")[:2] == locate(post.source.text, "Open a savings")


def test_multi_line_plain_scalar_positions(campaign: dict[str, Post]) -> None:
    post = campaign["plain-multi"]
    src = post.source.text
    assert place_of(post, "budgeting")[:2] == (11, 7)
    assert place_of(post, "Try it")[:2] == (13, 7)
    # The space made by folding maps to the line break it replaced (end of line 10).
    fold = post.text.index(" budgeting")
    assert post.place(fold, fold + 1) == (10, 28, 11, 1)
    # The newline made by the blank line maps to that blank line's break.
    newline = post.text.index("\n")
    assert src[post.text_map.source_offset(newline)] == "\n"
    assert post.place(newline, newline + 1)[:2] == (12, 1)


def test_single_quoted_positions(campaign: dict[str, Post]) -> None:
    post = campaign["single"]
    assert place_of(post, "It")[:2] == (15, 12)
    apostrophe = post.text.index("'")
    assert post.place(apostrophe, apostrophe + 1)[:2] == (15, 14)  # the first quote of ''
    assert place_of(post, "s the")[:2] == (15, 16)
    assert place_of(post, "best") == (15, 22, 15, 26)
    assert place_of(post, "rate") == (15, 29, 15, 33)


def test_double_quoted_escape_positions(campaign: dict[str, Post]) -> None:
    post = campaign["double"]
    src = post.source.text
    assert place_of(post, "Sorry")[:2] == (19, 12)
    # Characters made by escapes map to the escape's backslash.
    for char, column in [("é", 30), ("’", 39), ('"', 59)]:
        index = post.text.index(char)
        assert post.place(index, index + 1)[:2] == (19, column)
        assert src[post.text_map.source_offset(index)] == "\\"
    assert place_of(post, "We")[:2] == (19, 37)
    assert place_of(post, "ll refund")[:2] == (19, 45)
    assert place_of(post, "today")[:2] == (19, 61) == locate(src, 'today\\"')
    newline = post.text.index("\n")
    assert post.place(newline, newline + 1)[:2] == (19, 69)  # the \n escape
    # After an escaped line break the next line's indentation is dropped.
    assert place_of(post, "DM us")[:2] == (20, 7)
    assert place_of(post, "A")[:2] == (20, 13)  # \x41
    assert place_of(post, "SAP") == (20, 17, 20, 20)


def test_literal_block_positions(campaign: dict[str, Post]) -> None:
    post = campaign["literal"]
    assert place_of(post, "Line one")[:2] == (25, 7)
    assert place_of(post, "  Indented")[:2] == (26, 7)
    assert place_of(post, "Indented")[:2] == (26, 9)
    assert place_of(post, "no risk") == (28, 18, 28, 25)
    last = len(post.text) - 1  # the clipped final newline is line 28's break
    assert post.place(last, last + 1)[:2] == (28, 26)


def test_folded_block_positions(campaign: dict[str, Post]) -> None:
    post = campaign["folded"]
    assert place_of(post, "join")[:2] == (32, 7)
    fold = post.text.index(" join")
    assert post.place(fold, fold + 1)[:2] == (31, 19)
    assert place_of(post, "A new paragraph")[:2] == (34, 7)


def test_block_indentation_indicator_positions(campaign: dict[str, Post]) -> None:
    post = campaign["indicator"]
    assert place_of(post, "   Starts")[:2] == (37, 7)
    assert place_of(post, "Starts")[:2] == (37, 10)
    assert place_of(post, "Free money") == (38, 8, 38, 18)


@pytest.mark.parametrize(
    ("header", "value"),
    [
        ("|", "a\n  b\n\nc\n"),
        ("|-", "a\n  b\n\nc"),
        ("|+", "a\n  b\n\nc\n\n"),
        (">", "a\n  b\n\nc\n"),
        (">-", "a\n  b\n\nc"),
        (">+", "a\n  b\n\nc\n\n"),
        ("|1", "a\n  b\n\nc\n"),
        ("|-1", "a\n  b\n\nc"),
        (">+1", "a\n  b\n\nc\n\n"),
    ],
)
def test_block_chomping_and_indicators(header: str, value: str) -> None:
    source = f"posts:\n  - text: {header}\n     a\n       b\n\n     c\n\n  - text: next\n"
    post = read_yaml(source)[0]
    assert post.text == yaml.safe_load(source)["posts"][0]["text"] == value
    assert place_of(post, "a")[:2] == (3, 6)
    assert place_of(post, "b")[:2] == (4, 8)
    assert place_of(post, "c")[:2] == (6, 6)
    assert_exact(post)


def test_crlf_line_endings_keep_columns() -> None:
    source = (FIXTURES / "campaign.yaml").read_text(encoding="utf-8").replace("\n", "\r\n")
    posts = {post.id: post for post in read_yaml(source)}
    assert posts["plain-multi"].text == "Our new app makes budgeting easy.\nTry it risk-free."
    assert (
        posts["literal"].text == "Line one of a literal.\n  Indented line.\n\nLast line, no risk.\n"
    )
    assert place_of(posts["plain-1"], "guaranteed") == (7, 49, 7, 59)
    assert place_of(posts["plain-multi"], "budgeting")[:2] == (11, 7)
    assert place_of(posts["double"], "DM us")[:2] == (20, 7)
    assert place_of(posts["literal"], "Indented")[:2] == (26, 9)
    assert place_of(posts["folded"], "A new paragraph")[:2] == (34, 7)
    assert place_of(posts["indicator"], "Free money")[:2] == (38, 8)
    for post in posts.values():
        assert_exact(post)
        for index, char in enumerate(post.text):
            if char == "\n":  # a newline maps to the \n of a CRLF pair, never the \r
                assert post.source.text[post.text_map.source_offset(index)] != "\r"


def test_tabs_are_text() -> None:
    source = 'posts:\n  - text: "a\\tb\tc"\n  - text: x\ty\n  - text: |\n      in\tdented\n'
    posts = read_yaml(source)
    assert [post.text for post in posts] == ["a\tb\tc", "x\ty", "in\tdented\n"]
    assert place_of(posts[0], "c")[:2] == (2, 17)
    tab = posts[0].text.index("\t")
    assert posts[0].place(tab, tab + 1)[:2] == (2, 13)  # the \t escape
    assert place_of(posts[1], "y")[:2] == (3, 13)
    assert place_of(posts[2], "dented")[:2] == (5, 10)


def test_invisible_rtl_and_emoji_text_is_read_exactly() -> None:
    family = "👨\u200d👩\u200d👧"
    flag = "🇫🇷"
    text = f"Zero\u200bwidth {family} {flag} שלום \u200fمرحبا\u200e ok 👍🏽"
    for style in ["plain", "'", '"', "|"]:
        if style == "plain":
            source = f"text: {text}\n"
        elif style == "|":
            source = f"text: |-\n  {text}\n"
        else:
            source = f"text: {style}{text}{style}\n"
        (post,) = read_yaml(source)
        assert post.text == text
        assert_exact(post)
        line, column = locate(source, "ok 👍")
        assert place_of(post, "ok")[:2] == (line, column)
        assert place_of(post, family)[2:] == (line, locate(source, family)[1] + len(family))


def test_fallback_map_for_a_block_scalar_whose_indentation_cannot_be_inferred() -> None:
    # The mapping's tag stands on the line above its explicit "? text" key, so neither the key's
    # column nor the mapping's start tells the walker that the mapping is indented by 2. With an
    # indentation indicator the walk disagrees with the parser, and the greedy alignment is used.
    source = "posts:\n-   !!map\n  ? text\n  : |1\n    x y\n"
    (post,) = read_yaml(source)
    assert post.text == " x y\n"
    root = yaml.compose(source)
    node = root.value[0][1].value[0].value[0][1]
    text_map, exact = scalar_map(
        source, post.text, node.start_mark.index, node.end_mark.index, "|", (4, 4, -1)
    )
    assert not exact
    assert text_map == post.text_map
    assert place_of(post, "x y") == (5, 5, 5, 8)  # the words still land on their characters
    assert post.place(0, 1)[:2] == (5, 1)  # but the leading space is only near its place


def test_exact_map_when_the_key_is_explicit() -> None:
    (post,) = read_yaml("? text\n: |\n  explicit key\n")
    assert post.text == "explicit key\n"
    assert place_of(post, "key")[:2] == (3, 12)


# --- errors -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "line", "message"),
    [
        (
            "posts:\n  - text: a\n    platform: x\n   bad: 1\n",
            4,
            "invalid YAML: did not find expected '-' indicator",
        ),
        (
            "text: hi\nplatform: [x\n",
            2,
            "invalid YAML: did not find expected ',' or ']' while parsing a flow sequence",
        ),
        (
            'posts:\n  - text: "unclosed\n  - text: ok\n',
            2,
            "invalid YAML: found unexpected end of stream while scanning a quoted scalar",
        ),
        (
            "text: hi\n\tplatform: x\n",
            2,
            "invalid YAML: found a tab character that violates indentation",
        ),
        ("text: a\x01b\n", 1, "invalid YAML: control character U+0001 is not allowed"),
    ],
)
def test_malformed_yaml(source: str, line: int, message: str) -> None:
    error = yaml_error(source)
    assert isinstance(error, InputError)  # or its kinds: Unreadable, NotPosts
    assert (error.path, error.line, error.message) == ("posts.yaml", line, message)
    assert error.hint


@pytest.mark.parametrize(
    ("source", "line", "tag"),
    [
        ("posts:\n  - text: !!python/object:os.system ls\n", 2, "!!python/object:os.system"),
        ("text: hi\nauthor: !!python/name:os.system\n", 2, "!!python/name:os.system"),
        (
            "posts:\n  - !!python/object/apply:os.system\n    args: [ls]\n",
            2,
            "!!python/object/apply:os.system",
        ),
        ("text: !custom hi\n", 1, "!custom"),
    ],
)
def test_python_and_custom_tags_are_refused(source: str, line: int, tag: str) -> None:
    error = yaml_error(source)
    assert (error.line, error.message) == (line, f'YAML tag "{tag}" is not allowed')
    hint = "post files hold plain data; remove the tag"
    assert str(error) == f'posts.yaml:{line}: YAML tag "{tag}" is not allowed ({hint})'


@pytest.mark.parametrize(
    ("source", "line", "message", "hint"),
    [
        (
            "posts:\n  - text: hi\n    platform: x\n    text: again\n",
            4,
            'duplicate key "text"',
            "it is already set on line 2; keep one",
        ),
        ("posts:\n  - txt: hi\n", 2, 'unknown key "txt"', 'did you mean "text"?'),
        (
            "posts:\n  - text: hi\n    client: a\n    clients: b\n",
            4,
            'unknown key "clients"',
            'did you mean "client"?',
        ),
        (
            "posts:\n  - text: hi\n    platform: myspace\n",
            3,
            'unknown platform "myspace"; valid: x (or twitter), instagram, facebook, linkedin, '
            "tiktok, threads, youtube, bluesky, mastodon, pinterest",
            "use one of the valid platforms",
        ),
        ("posts:\n  - text: hi\n    platform: tiktk\n", 3, None, 'did you mean "tiktok"?'),
        (
            "posts:\n  - text: hi\n    kind: answer\n",
            3,
            'unknown kind "answer"; valid: post, reply',
            'use "post" or "reply"',
        ),
        (
            "posts:\n  - id: a\n    platform: x\n",
            2,
            'post has no "text"',
            "add the draft under a text key",
        ),
        (
            "posts:\n  - text: 42\n",
            2,
            "text must be a string, not a number",
            'quote it: text: "42"',
        ),
        (
            "posts:\n  - text: yes\n",
            2,
            "text must be a string, not a boolean",
            'quote it: text: "yes"',
        ),
        ("posts:\n  - text: [a, b]\n", 2, "text must be a string, not a list", None),
        ("posts:\n  - text:\n", 2, 'post has an empty "text"', 'write the draft after "text:"'),
        (
            "posts:\n  - text: hi\n    publish_at: next tuesday\n",
            3,
            'publish_at is not an ISO 8601 date-time: "next tuesday"',
            "write it like 2025-03-01T09:30:00+01:00",
        ),
        (
            "posts:\n  - text: hi\n    publish_at: 2025-02-30\n",
            3,
            'invalid date "2025-02-30": day is out of range for month',
            None,
        ),
        (
            "posts:\n  - text: hi\n    sponsored: maybe\n",
            3,
            'sponsored must be true or false, not "maybe"',
            "write sponsored: true or sponsored: false",
        ),
        (
            "posts:\n  - text: hi\n    sponsored: 'true'\n",
            3,
            'sponsored must be true or false, not "true"',
            None,
        ),
        (
            "posts:\n  text: hi\n",
            2,
            '"posts" must be a list of posts, not a mapping',
            'start each post with "- "',
        ),
        ("posts: hello\n", 1, '"posts" must be a list of posts, not a string', None),
        (
            "posts:\n  - text: a\n  - just a string\n",
            3,
            "post 2 is not a mapping but a string",
            None,
        ),
        ("clinet: a\nposts: []\n", 1, 'unknown top-level key "clinet"', 'did you mean "client"?'),
        (
            "posts: []\ntext: hi\n",
            2,
            '"text" cannot be set for the whole file',
            "set it in each post under posts:",
        ),
        ("text: a\n---\ntext: b\n", 2, 'more than one YAML document ("---") in the file', None),
        ("text: *nope\n", 1, 'undefined YAML alias "*nope"', None),
        ("posts: &p\n  - text: a\n  - *p\n", 3, 'recursive YAML alias "*p"', None),
        ("", 1, "no posts in the file", None),
        ("# only a comment\n", 1, "no posts in the file", None),
        ("- a\n", 1, "expected posts, found a list", None),  # a list of posts is posts (issue 12)
        ("title: A policy, maybe\n", 1, 'not a post file: no "posts:" list and no "text:"', None),
    ],
)
def test_invalid_posts(source: str, line: int, message: str | None, hint: str | None) -> None:
    error = yaml_error(source)
    assert isinstance(error, InputError)  # or its kinds: Unreadable, NotPosts
    assert error.line == line
    if message is not None:
        assert error.message == message
    if hint is not None:
        assert error.hint == hint


def test_error_renders_as_one_line() -> None:
    error = yaml_error("posts:\n  - txt: hi\n")
    assert str(error) == 'posts.yaml:2: unknown key "txt" (did you mean "text"?)'


def test_pure_python_loader_reads_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    from voicelint.readers import yaml_posts

    path = FIXTURES / "campaign.yaml"
    fast = read_file(path)
    monkeypatch.setattr(yaml_posts, "LOADER", yaml.SafeLoader)
    slow = read_file(path)
    assert [(p.id, p.text, p.line, p.platform, p.text_map.runs) for p in slow] == [
        (p.id, p.text, p.line, p.platform, p.text_map.runs) for p in fast
    ]
    error = yaml_error("text: ok\nauthor: é\x01\n")
    assert (error.line, error.message) == (
        2,
        "invalid YAML: control character U+0001 is not allowed",
    )
