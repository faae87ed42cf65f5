"""Between a check's run and its report: which rules are reported, and what a baseline holds back.

The command line builds a ``Workflow`` before the run (so an unknown rule selector or a broken
baseline stops it before anything is linted) and applies it to the report after.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from voicelint.baseline import Baseline, apply_baseline, load_baseline
from voicelint.config import Config
from voicelint.errors import UsageError
from voicelint.model import Finding
from voicelint.report import Report
from voicelint.select import Layer, Selection, check_known, known_rules, split_selectors


@dataclass
class Workflow:
    selection: Selection
    baseline: Baseline | None
    rules_url: str | None = None

    def apply(self, report: Report) -> list[Finding]:
        """Drop the findings of rules not selected, then those the baseline holds; return the
        findings before the baseline (what ``--write-baseline`` records)."""
        report.rules_url = self.rules_url
        if self.selection.active:
            report.findings[:] = self.selection.apply(report.findings)
        current = list(report.ordered())
        if self.baseline is not None:
            categories = {rule_id: spec.category for rule_id, spec in report.rules.items()}
            apply_baseline(
                report,
                self.baseline,
                lambda rule: self.selection.keeps(rule, categories.get(rule, "")),
            )
        return current


def prepare(
    config: Config,
    select: Sequence[str],
    extend_select: Sequence[str],
    ignore: Sequence[str],
    baseline: Path | None,
    policy_file: Path | None,
    policy_dirs: Sequence[Path],
) -> Workflow:
    """The configuration's selectors, then the command line's, checked against every rule this
    run may report; the baseline read."""
    places = {key: (config.path, line) for key, line in config.select_lines}
    layers = (
        Layer(config.select, config.extend_select, config.ignore, places),
        Layer(
            split_selectors(select) if select else None,
            split_selectors(extend_select),
            split_selectors(ignore),
        ),
    )
    if layers[1].select == ():
        raise UsageError(
            None, None, "--select names no rule", "name rule ids, prefixes or categories"
        )
    selection = Selection(layers)
    if selection.active:
        check_known(selection, *known_rules(policy_file, policy_dirs))
    return Workflow(
        selection,
        load_baseline(baseline) if baseline is not None else None,
        config.rules_url,
    )
