"""Per-pack case files (tests/cases/<pack>.yaml): each draft's exact findings of that pack's rules.

A case lists every finding the pack's rules must give, in text order, as [rule, start, match]; an
empty list means the pack leaves the draft alone. One generic runner, as sqlfluff's rule cases.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import draft
from voicelint.engine import compile_policy, lint_post
from voicelint.policy import build_policy

CASES = sorted((Path(__file__).parent / "cases").glob("*.yaml"))


def load(path: Path) -> tuple[dict, list[dict]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data, data["cases"]


PARAMS = [
    pytest.param(path, index, id=f"{path.stem}-{index + 1}")
    for path in CASES
    for index in range(len(load(path)[1]))
]


@pytest.mark.parametrize(("path", "index"), PARAMS)
def test_case(path: Path, index: int):
    data, cases = load(path)
    case = cases[index]
    pack = data["pack"]
    policy = build_policy(
        dict(data.get("policy") or {"extends": [pack]}), {}, str(path), None, None
    )
    compiled = compile_policy(policy)
    fields = {k: case[k] for k in ("platform", "kind", "in_reply_to", "sponsored") if k in case}
    findings = lint_post(compiled, draft(case["text"], **fields)).findings
    prefix = f"{data.get('category', 'claims')}." if pack == "core" else None
    got = [
        [f.rule, f.start, f.match]
        for f in findings
        if (prefix and f.rule.count(".") == 1 and f.rule.startswith(prefix))
        or f".{pack}." in f.rule
    ]
    assert got == case["findings"], case["text"]
