"""Cross-checks over the model: small named rules, each yielding findings.

A rule is a function `(plan) -> Iterable[Finding]` registered with `@rule(id)`; its
docstring states the rule in one line (shown by `rkt rules`). `run_checks` runs every
rule and returns the findings sorted, errors first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from pipeline.findings import Finding, sort_findings
from pipeline.plan.model import Plan

Check = Callable[[Plan], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    id: str
    check: Check

    @property
    def doc(self) -> str:
        return (self.check.__doc__ or "").strip().splitlines()[0]


RULES: dict[str, Rule] = {}


def rule(rule_id: str) -> Callable[[Check], Check]:
    """Register a check under a stable rule id (`family.name`)."""

    def register(fn: Check) -> Check:
        if rule_id in RULES:
            raise ValueError(f"duplicate rule id {rule_id}")
        RULES[rule_id] = Rule(rule_id, fn)
        return fn

    return register


def run_checks(plan: Plan) -> list[Finding]:
    """Every finding of every rule, sorted (errors first, then by workbook, sheet, cell)."""
    found: list[Finding] = list(plan.input_findings)
    for r in RULES.values():
        found.extend(r.check(plan))
    return sort_findings(found)


from . import codes, identity, money, staff, targets, text  # noqa: E402,F401  (registers the rules)
