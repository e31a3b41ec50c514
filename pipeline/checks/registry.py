"""The register of rules: each rule module registers its checks here under a stable id.

Rule modules import this module alone of their package, so the package (which imports every
rule module to fill the register) is never imported back.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from pipeline.findings import Finding
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
