"""The architecture holds: one module imports spaCy, one imports click, no module reaches back up the chain."""

from __future__ import annotations

import ast
from pathlib import Path

import voicelint

PACKAGE = Path(voicelint.__file__).parent

# read posts -> load policy -> compile rules -> NLP -> run rules -> findings -> report -> CLI.
# A module may import only modules of its own layer or lower layers.
LAYERS = [
    {"errors", "model", "data", "files", "results"},
    {
        "nlp",
        "wordtable",
        "fold",
        "yamlfile",
        "parsecache",
        "readers",
        "analysis",
        "lexicon",
        "learned",
    },
    {"kinds", "care", "intents", "recognizers", "conditions"},
    {"packs", "config", "context"},
    {"policy", "docs", "process"},
    {"engine", "schedule", "cache", "policycache"},
    {"report", "baseline", "select"},
    {"formats"},
    {"runner", "evaluate", "policy_examples", "workflow", "fix"},
    {"cli", "__main__", "lsp"},  # front ends: the command line, the language server
]


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return parts[0]


def layer_of(name: str) -> int:
    return next(i for i, layer in enumerate(LAYERS) if name in layer)


SOURCES = [p for p in PACKAGE.rglob("*.py") if p.name != "__init__.py" or p.parent != PACKAGE]


def test_only_nlp_imports_spacy_and_lemminflect():
    offenders = [
        str(p.relative_to(PACKAGE))
        for p in SOURCES
        if any(i.split(".")[0] in {"spacy", "lemminflect"} for i in imports_of(p))
        and p.name != "nlp.py"
    ]
    assert offenders == []


def test_only_the_cli_imports_click():
    offenders = [
        str(p.relative_to(PACKAGE))
        for p in SOURCES
        if "click" in {i.split(".")[0] for i in imports_of(p)} and p.name != "cli.py"
    ]
    assert offenders == []


def test_no_module_imports_from_a_later_stage():
    problems = []
    for path in SOURCES:
        own = layer_of(module_name(path))
        for name in imports_of(path):
            if not name.startswith("voicelint.") or name == "voicelint":
                continue
            target = name.split(".")[1]
            if target == module_name(path):
                continue
            if layer_of(target) > own:
                problems.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert problems == []
