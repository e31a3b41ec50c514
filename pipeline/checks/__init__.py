"""Cross-checks over the model: small named rules, each yielding findings.

A rule is a function `(plan) -> Iterable[Finding]` registered with `@rule(id)`
(pipeline/checks/registry.py); its docstring states the rule in one line (shown by
`rkt rules`). Importing this package registers every rule; `run_checks` runs them all and
returns the findings sorted, errors first.
"""

from __future__ import annotations

from pipeline.checks import codes, identity, money, realisation, staff, targets, text  # noqa: F401  (registers the rules)
from pipeline.checks.registry import RULES, Check, Rule, rule
from pipeline.findings import Finding, sort_findings
from pipeline.plan.model import Plan

__all__ = ["RULES", "Check", "Rule", "rule", "run_checks"]


def run_checks(plan: Plan) -> list[Finding]:
    """Every finding of every rule, sorted (errors first, then by workbook, sheet, cell).

    Findings that rest on a cell that could not be read (`plan.unread`) are left out: the read
    problem at that cell says what is wrong, a sum or a lookup over its stand-in would not.
    """
    found: list[Finding] = list(plan.input_findings)
    for r in RULES.values():
        found.extend(r.check(plan))
    if plan.unread:
        found = [f for f in found if not plan.unread.hides(f)]
    return sort_findings(found)
