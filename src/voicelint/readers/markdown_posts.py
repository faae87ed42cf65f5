"""Read a Markdown file as one post: optional YAML front matter for its keys, the body as text."""

from __future__ import annotations

import re

from voicelint.errors import InputError
from voicelint.model import POST_KEYS, Post, SourceFile
from voicelint.readers.maps import normalized_text
from voicelint.readers.problems import NotPosts, Unreadable, empty_file
from voicelint.readers.records import Field, build_post, index_fields
from voicelint.readers.yaml_posts import MAPPING, NULL, SCALAR, compose, fields, items, resolve
from voicelint.readers.yaml_posts import tag_error as yaml_tag_error

_OPEN = re.compile(r"---[ \t]*(?:\r\n|\n|\r)")
# a line of its own: after a line break (a lone CR too) and before one or the end
_CLOSE = re.compile(r"(?:^|(?<=\r))(?:---|\.\.\.)[ \t]*(?=\r|\n|\Z)", re.MULTILINE)
_BREAK = re.compile(r"\r\n|\n|\r")
_BLANK_LINES = re.compile(r"(?:[ \t]*(?:\r\n|\n|\r))*")
# Keys only a post's front matter has: a page with its own keys (title, layout, tags) and none
# of these is a site's page (Hugo, Jekyll), not a post.
_POST_MARKERS = frozenset(POST_KEYS) - {"id", "author", "text"}
_PAGE_HINT = "a post's front matter has post keys (client, platform, sponsored...)"


def _not_a_post(path: str, names: list[str], line: int) -> None:
    others = [name for name in names if name not in POST_KEYS]
    if others and not _POST_MARKERS.intersection(names):
        shown = ", ".join(others[:3]) + (", ..." if len(others) > 3 else "")
        raise NotPosts(path, line, f"front matter is a page's, not a post's ({shown})", _PAGE_HINT)


def read_markdown(source: SourceFile, *, explicit: bool = True) -> list[Post]:
    """One post; a Markdown file found by walking a directory is a post only with front matter
    that is a post's (a README, a site's page give ``[]``)."""
    try:
        return scan_markdown(source, walked=not explicit)
    except NotPosts:
        if explicit:
            raise
        return []


def scan_markdown(source: SourceFile, *, walked: bool) -> list[Post]:
    """Like ``read_markdown``; a file ``walked`` to that is not a post raises ``NotPosts``."""
    path, src = source.path, source.text
    if not src.strip():
        raise empty_file(path)
    post_fields: list[Field] = []
    body_start = 0
    opening = _OPEN.match(src)
    if opening is None and walked:
        raise NotPosts(path, 1, "Markdown without front matter", _PAGE_HINT)
    if opening:
        closing = _CLOSE.search(src, opening.end())
        if closing is None:
            raise Unreadable(
                path, 1, "front matter is not closed", 'end it with a line "---" before the text'
            )
        # Blank out the opening "---" so that offsets and lines in the YAML are the file's own.
        root, bad_tag = compose("   " + src[3 : closing.start()], path)
        if root is not None and not (root.kind is SCALAR and resolve(root) == NULL):
            if root.kind is not MAPPING:
                raise (NotPosts if walked else InputError)(
                    path,
                    root.line,
                    "front matter must be a mapping of post keys",
                    'write "key: value" lines between the "---" lines',
                )
            names = [key.value for key, _ in root.value if key.kind is SCALAR]
            if walked:
                _not_a_post(path, names, root.line)
            if bad_tag is not None:
                raise yaml_tag_error(path, bad_tag)
            for field in fields(source, items(path, root)):
                if field.key == "text":
                    raise InputError(
                        path,
                        field.key_line,
                        '"text" cannot be set in front matter',
                        "the text is the body after the front matter",
                    )
                post_fields.append(field)
        after = _BREAK.match(src, closing.end())
        body_start = after.end() if after else closing.end()
    start = _BLANK_LINES.match(src, body_start).end()
    end = start + len(src[start:].rstrip())
    text, text_map = normalized_text(src, start, end)
    post_fields.append(Field("text", text, 1, 1, text_map=lambda: text_map))
    return [build_post(source, 1, 1, index_fields(path, post_fields, POST_KEYS), fmt="md")]
