"""Find the project configuration (voicelint.yaml or [tool.voicelint] in pyproject.toml) and read it."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from voicelint.data import check_client_id
from voicelint.errors import PolicyError, did_you_mean
from voicelint.yamlfile import line_of, load_yaml, read_config_text, reject_unknown

CONFIG_FILES = ("voicelint.yaml", ".voicelint.yaml")
CONFIG_KEYS = (
    "policies",
    "client",
    "clients",
    "format",
    "fail_on",
    "select",
    "extend_select",
    "ignore",
    "rules_url",
)
SELECT_KEYS = ("select", "extend_select", "ignore")
FORMATS = ("text", "concise", "json", "sarif", "github", "junit", "html")
FAIL_LEVELS = ("error", "warning", "info", "never")


@dataclass(frozen=True)
class Config:
    """Settings from the config root; command-line options win over them."""

    root: Path
    path: str | None = None
    policies: Path | None = None
    client: str | None = None
    format: str | None = None
    fail_on: str | None = None
    # (glob, client) pairs: a post file whose path from ``root`` matches belongs to that client
    clients: tuple[tuple[str, str], ...] = ()
    policies_line: int | None = None  # where ``policies`` is set, for the error when it is missing
    # rule selectors (voicelint.select); select None: not set, so every rule
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    select_lines: tuple[tuple[str, int | None], ...] = ()  # (key, line) of each one set
    # the absolute address of docs/rules.md, for SARIF's helpUri (rules_url#<rule's anchor>)
    rules_url: str | None = None


def configured_policies(config: Config) -> Path | None:
    """The configured policies folder, checked only when used: ``--policies`` wins over it."""
    if config.policies is not None and not config.policies.is_dir():
        raise PolicyError(
            config.path,
            config.policies_line,
            f"policies directory {os.path.relpath(config.policies, config.root)} not found",
            "create it, fix the path, or give --policies",
        )
    return config.policies


def discover(start: Path) -> Config:
    """The nearest configuration at or above ``start``; none means the defaults, rooted at ``start``."""
    start = start.resolve()
    for directory in (start, *start.parents):
        for name in CONFIG_FILES:
            candidate = directory / name
            if candidate.is_file():
                return _from_yaml(candidate)
        pyproject = directory / "pyproject.toml"
        if pyproject.is_file():
            config = _from_pyproject(pyproject)
            if config is not None:
                return config
    return Config(root=start)


def _from_yaml(path: Path) -> Config:
    display = str(path)
    data, lines = load_yaml(read_config_text(path, display), display)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise PolicyError(display, 1, "voicelint.yaml must be a mapping", "e.g. policies: policies")
    return _build(data, path, lambda key: line_of(lines, key))


def _from_pyproject(path: Path) -> Config | None:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise PolicyError(str(path), None, f"invalid TOML: {error}", "fix pyproject.toml") from None
    section = data.get("tool", {}).get("voicelint")
    if section is None:
        return None
    if not isinstance(section, dict):
        raise PolicyError(str(path), None, "[tool.voicelint] must be a table", "")
    text = path.read_text(encoding="utf-8").splitlines()

    def line(key: str) -> int | None:
        inside = False
        for number, content in enumerate(text, 1):
            stripped = content.strip()
            if stripped.startswith("["):
                inside = stripped == "[tool.voicelint]"
            elif inside and stripped.split("=")[0].strip() == key:
                return number
        return None

    return _build(section, path, line)


def _build(data: dict[str, Any], path: Path, line: Any) -> Config:
    display = str(path)
    for key in data:
        reject_unknown(key, CONFIG_KEYS, display, line(key), "configuration key")
    for key, choices in (("format", FORMATS), ("fail_on", FAIL_LEVELS)):
        if key in data and data[key] not in choices:
            raise PolicyError(
                display,
                line(key),
                f'{key} "{data[key]}" is not valid',
                did_you_mean(str(data[key]), choices),
            )
    for key in ("policies", "client"):
        if key in data and not isinstance(data[key], str):
            raise PolicyError(display, line(key), f"{key} must be text", "")
    clients = data.get("clients") or {}
    if not isinstance(clients, dict) or not all(
        isinstance(k, str) and k.strip() and isinstance(v, str) and v.strip()
        for k, v in clients.items()
    ):
        raise PolicyError(
            display,
            line("clients"),
            "clients must map path globs to client ids",
            'e.g. clients: {"clients/acme/**": acme-bank}',
        )
    named = [("client", data["client"])] if "client" in data else []
    for key, client in [*named, *(("clients", value) for value in clients.values())]:
        check_client_id(client.strip(), display, line(key))
    selectors = {
        key: _selectors(data[key], key, display, line(key)) for key in SELECT_KEYS if key in data
    }
    rules_url = data.get("rules_url")
    if rules_url is not None and not (
        isinstance(rules_url, str) and rules_url.startswith(("https://", "http://"))
    ):
        raise PolicyError(
            display,
            line("rules_url"),
            "rules_url must be an absolute http(s) address",
            "e.g. https://github.com/your-org/voicelint/blob/main/docs/rules.md",
        )
    root = path.parent
    policies = root / data["policies"] if "policies" in data else None
    return Config(
        policies_line=line("policies"),
        root=root,
        path=display,
        policies=policies,
        client=data.get("client"),
        format=data.get("format"),
        fail_on=data.get("fail_on"),
        clients=tuple((str(k).strip(), str(v).strip()) for k, v in clients.items()),
        select=selectors.get("select"),
        extend_select=selectors.get("extend_select", ()),
        ignore=selectors.get("ignore", ()),
        select_lines=tuple((key, line(key)) for key in selectors),
        rules_url=rules_url,
    )


def _selectors(value: Any, key: str, display: str, line: int | None) -> tuple[str, ...]:
    """A list of rule ids, prefixes or categories (a comma-separated string is accepted too)."""
    if isinstance(value, str):
        value = value.split(",")
    if (
        not isinstance(value, list)
        or not all(isinstance(v, str) and v.strip() for v in value)
        or (key == "select" and not value)  # selecting nothing would pass every gate
    ):
        raise PolicyError(
            display, line, f"{key} must be a list of rule ids or prefixes", f"e.g. {key}: [tone]"
        )
    return tuple(v.strip() for v in value)
