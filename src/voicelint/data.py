"""Where the built-in rule packs and example policies live, and what may name a client's policy."""

from __future__ import annotations

from pathlib import Path

from voicelint.errors import PolicyError, VoicelintError

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


def is_client_id(client: str) -> bool:
    """A client id is a name, never a path: it cannot reach a policy outside the policies folder."""
    return bool(
        client.strip()
        and not any(c in client for c in "/\\\0:")
        and ".." not in client
        and not Path(client).is_absolute()
    )


def check_client_id(
    client: str,
    display: str | None,
    line: int | None,
    error: type[VoicelintError] = PolicyError,
) -> None:
    """Refuse a client id that is a path (``../elsewhere/lax``, ``/tmp/x``, ``a\\b``)."""
    if not is_client_id(client):
        shown = client if len(client) <= 60 else client[:59] + "…"
        raise error(
            display,
            line,
            f'client "{shown}" is a path, not a client id',
            "name the client, e.g. acme-bank; its policy is <policies folder>/<client>.yaml",
        )
