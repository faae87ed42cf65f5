"""What can be wrong with an input file, and how one bad post is kept from stopping the others.

A reader raises ``Unreadable`` when the file cannot be read or parsed at all, ``NotPosts`` when it
parses but is not a post file (a CI config, a Hugo page), and a plain ``InputError`` for a post
(or a file-level default) with a bad field. With a ``problems`` list, a reader records a bad post
there and goes on with the next one; without one, it raises as before.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from voicelint.errors import InputError

T = TypeVar("T")
_SURROGATE = re.compile("[\ud800-\udfff]")


class Unreadable(InputError):
    """A file that cannot be read or parsed: missing, binary, too large, not UTF-8, bad syntax."""


class NotPosts(InputError):
    """A file that parses but holds no posts; skipped in a walk, an error when named."""


def empty_file(path: str) -> NotPosts:
    """A text or Markdown file of nothing but blank space: no post (an empty draft must not pass
    a gate as a clean one)."""
    return NotPosts(path, 1, "the file is empty", "write the draft in it, or leave the file out")


@dataclass(frozen=True)
class Problem:
    """A bad post (``post`` is its id or position) or a bad file-level entry (``post`` is "")."""

    error: InputError
    post: str = ""


Problems = list[Problem] | None


def attempt(problems: Problems, post: str, build: Callable[[], T]) -> T | None:
    """``build()``; when it raises a post-level ``InputError`` and ``problems`` is a list, the
    error is recorded there and None returned, so that the caller goes on with the next post."""
    if problems is None:
        return build()
    try:
        return build()
    except (Unreadable, NotPosts):
        raise
    except InputError as error:
        problems.append(Problem(error, post))
        return None


def without_surrogates(value: str) -> str:
    """``value`` with each lone surrogate (from a ``\\ud800`` escape) replaced by U+FFFD, one
    character for one, so offsets hold and no output format fails to encode it."""
    if value.isascii():
        return value
    return _SURROGATE.sub("\ufffd", value)
