"""Read a Markdown file as one post: optional YAML front matter for its keys, the body as text."""

from __future__ import annotations

import re

from voicelint.errors import InputError
from voicelint.model import POST_KEYS, Post, SourceFile
from voicelint.readers.maps import normalized_text
from voicelint.readers.records import Field, build_post, index_fields
from voicelint.readers.yaml_posts import MAPPING, NULL, SCALAR, compose, fields, items, resolve
from voicelint.readers.yaml_posts import tag_error as yaml_tag_error

_OPEN = re.compile(r"---[ \t]*(?:\r\n|\n|\r)")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.MULTILINE)
_BREAK = re.compile(r"\r\n|\n|\r")
_BLANK_LINES = re.compile(r"(?:[ \t]*(?:\r\n|\n|\r))*")


def read_markdown(source: SourceFile, *, explicit: bool = True) -> list[Post]:
    """One post; a Markdown file found by walking a directory is a post only with front matter."""
    path, src = source.path, source.text
    post_fields: list[Field] = []
    body_start = 0
    opening = _OPEN.match(src)
    if opening is None and not explicit:
        return []
    if opening:
        closing = _CLOSE.search(src, opening.end())
        if closing is None:
            raise InputError(
                path, 1, "front matter is not closed", 'end it with a line "---" before the text'
            )
        # Blank out the opening "---" so that offsets and lines in the YAML are the file's own.
        root, bad_tag = compose("   " + src[3 : closing.start()], path)
        if root is not None and not (root.kind is SCALAR and resolve(root) == NULL):
            if root.kind is not MAPPING:
                raise InputError(
                    path,
                    root.line,
                    "front matter must be a mapping of post keys",
                    'write "key: value" lines between the "---" lines',
                )
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
