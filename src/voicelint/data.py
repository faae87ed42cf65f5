"""Where the built-in rule packs and example policies live, installed or in a source checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """``rules`` or ``policies``: inside the installed package, else the checkout's top level."""
    installed = _PACKAGE / "data" / name
    if installed.is_dir():
        return installed
    return _PACKAGE.parents[1] / name


def builtin_packs() -> dict[str, Path]:
    """Built-in pack name -> file."""
    return {path.stem: path for path in sorted(data_dir("rules").glob("*.yaml"))}


def example_policies() -> dict[str, Path]:
    """Client id -> shipped example policy file."""
    return {path.stem: path for path in sorted(data_dir("policies").glob("*.yaml"))}


def builtin_lists() -> dict[str, Path]:
    """Named word lists (``$diseases``) that patterns and term lists may use: list file -> path."""
    return {path.stem: path for path in sorted((data_dir("rules") / "lists").glob("*.yaml"))}
