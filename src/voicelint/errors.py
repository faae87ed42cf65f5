"""Errors as values with a place: every problem the user must fix names a file, a line and a remedy."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


class VoicelintError(Exception):
    """A problem that stops voicelint from doing its job (exit code 2).

    Rendered as one line: ``<path>:<line>: <message> (<hint>)``.
    """

    def __init__(self, path: str | None, line: int | None, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.path = path
        self.line = line
        self.message = message
        self.hint = hint

    def __reduce__(self) -> tuple:  # type: ignore[type-arg]
        # to come back whole from a worker process
        return (type(self), (self.path, self.line, self.message, self.hint))

    def __str__(self) -> str:
        place = ""
        if self.path:
            place = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        hint = f" ({self.hint})" if self.hint else ""
        return f"{place}{self.message}{hint}"


class InputError(VoicelintError):
    """A post file that cannot be read as posts."""


class PolicyError(VoicelintError):
    """A policy, rule pack or configuration file that is not valid."""


class UsageError(VoicelintError):
    """A command line that cannot be carried out."""


def nearest(name: str, choices: Iterable[str]) -> str | None:
    """The closest valid name to a misspelt one, or None when nothing is close."""
    matches = difflib.get_close_matches(str(name), sorted(set(choices)), n=1, cutoff=0.6)
    return matches[0] if matches else None


def did_you_mean(name: str, choices: Iterable[str]) -> str:
    """A hint naming the nearest valid name, or listing the valid ones."""
    choices = sorted(set(choices))
    close = nearest(name, choices)
    if close:
        return f'did you mean "{close}"?'
    if len(choices) <= 12:
        return "valid: " + ", ".join(choices)
    return "see the README for the valid names"
