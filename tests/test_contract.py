"""The template contract (pipeline/document/contract.py) holds: templates use its names, contexts have its shape.

The typed dictionaries cost nothing while building; these tests are what keeps them true, for the
shipped edition, the figures as published (a draft, with its findings listed) and every test office,
and for the table declarations (pipeline/document/columns.py) the templates and the layout read.
"""

from __future__ import annotations

import re
import typing
from pathlib import Path

import pytest

from pipeline.checks import run_checks
from pipeline.document import columns, contract, render
from pipeline.document.agreement import agreement_context
from pipeline.document.context import build_context
from pipeline.inputs.normalise import load
from tests.builders import mini_data, plan_of
from tests.offices import OFFICES

ROOT = Path(__file__).resolve().parent.parent


def problems(value, hint, where: str = "") -> list[str]:
    """Where `value` differs from the type `hint`: a missing or unknown key, or a value of another type."""
    if typing.is_typeddict(hint):
        if not isinstance(value, dict):
            return [f"{where}: {type(value).__name__}, not {hint.__name__}"]
        hints = typing.get_type_hints(hint)
        found = [f"{where}.{k}: missing" for k in sorted(hint.__required_keys__ - value.keys())]
        found += [f"{where}.{k}: not in {hint.__name__}" for k in sorted(value.keys() - hints.keys())]
        for key in value.keys() & hints.keys():
            found += problems(value[key], hints[key], f"{where}.{key}")
        return found
    if typing.get_origin(hint) is list:
        if not isinstance(value, list):
            return [f"{where}: {type(value).__name__}, not a list"]
        (item,) = typing.get_args(hint)
        return [p for i, v in enumerate(value) for p in problems(v, item, f"{where}[{i}]")]
    if isinstance(hint, type):
        return [] if type(value) is hint else [f"{where}: {type(value).__name__}, not {hint.__name__}"]
    raise TypeError(f"{where}: the contract uses a type this check does not know: {hint}")


OFFICE_NAMES = ("shipped", "published", "mini", *OFFICES)


def office(name: str):
    """(plan, findings, draft) of an office the contract must hold for; the published figures as a draft."""
    if name == "shipped":
        return load(ROOT / "inputs"), (), False
    if name == "published":
        plan = load(ROOT / "tests" / "published-2024")
        return plan, run_checks(plan), True
    return plan_of(mini_data() if name == "mini" else OFFICES[name]()), (), False


@pytest.mark.parametrize("name", OFFICE_NAMES)
def test_every_context_has_the_shape_of_the_contract(name):
    plan, findings, draft = office(name)
    rkt = build_context(plan, findings, draft=draft)
    assert problems(rkt, contract.RktContext, "rkt") == []
    assert problems(agreement_context(plan, draft=draft), contract.PkContext, "pk") == []
    if draft:
        assert rkt["findings"], "the published figures have findings: a draft lists them"


@pytest.mark.parametrize(("template", "shape"), [(render.TEMPLATE, contract.RktContext),
                                                 (render.AGREEMENT, contract.PkContext),
                                                 (render.LAKIN, contract.LakinContext),
                                                 (render.CAPAIAN, contract.CapaianContext)])
def test_each_template_uses_only_names_of_its_contract(template, shape):
    used = render.template_variables(template)
    assert used, "the template declares no variables: not a template?"
    assert used <= typing.get_type_hints(shape).keys()


@pytest.mark.parametrize(("value", "hint", "found"), [
    ({"w": [1], "style": "s", "ro": "r"}, contract.Fitted, []),
    ({"w": [1], "style": "s"}, contract.Fitted, [".ro: missing"]),
    ({"w": [1], "style": "s", "ro": "r", "x": 1}, contract.Fitted, [".x: not in Fitted"]),
    ({"w": ["1"], "style": "s", "ro": "r"}, contract.Fitted, [".w[0]: str, not int"]),
    ({"w": 1, "style": True, "ro": "r"}, contract.Fitted, [".style: bool, not str", ".w: int, not a list"]),
    ({"heading": True, "first": True, "ikk": "", "target": "", "kro": "K"}, contract.ScheduleRow, []),
])
def test_the_shape_check_finds_what_differs(value, hint, found):
    assert sorted(problems(value, hint)) == sorted(found)


def test_the_contract_uses_only_types_the_check_knows():
    def walk(hint):
        if typing.is_typeddict(hint):
            for h in typing.get_type_hints(hint).values():
                walk(h)
        elif typing.get_origin(hint) is list:
            walk(typing.get_args(hint)[0])
        else:
            assert hint in (str, int, bool), hint

    for shape in (contract.RktContext, contract.PkContext, contract.LakinContext, contract.CapaianContext):
        walk(shape)


# --- the table declarations (pipeline/document/columns.py) print values of the contract -------------------

SCOPES = {  # each table's loop names and the contract type of each
    columns.GRADES: {"r": contract.GradeRow},
    columns.EDUCATION: {"r": contract.EducationRow},
    columns.UNITS: {"r": contract.UnitRow, "c": contract.Pair, "t": contract.UnitTable},
    columns.IKK: {"r": contract.IkkRow},
    columns.FUNDING: {"r": contract.FundingRow},
    columns.SOURCES: {"r": contract.SourceRow},
    columns.TARGETS: {"r": contract.TargetRow, "g": contract.TargetAnnex},
    columns.SCHEDULE: {"r": contract.ScheduleRow},
    columns.FINDINGS: {"f": contract.FindingRow},
    columns.AGREEMENT: {"r": contract.PkRow},
    columns.CAPAIAN: {"r": contract.MeasureRow},
    columns.YEARS: {"y": contract.YearRow, "i": contract.IkkReport},
    columns.SPENDING: {"r": contract.BudgetRow},
    columns.FUNDS: {"r": contract.FundRow},
    columns.ISSUED_PK: {"r": contract.PkRow, "a": contract.IssuedPk},
}
# the context each table is printed from: the RKT's, else the one named here
ROOTS = {columns.AGREEMENT: contract.PkContext, columns.ISSUED_PK: contract.LakinContext,
         **dict.fromkeys((columns.CAPAIAN, columns.YEARS, columns.SPENDING, columns.FUNDS), contract.LakinContext)}


def type_of(expr: str, scope: dict, root) -> object:
    """The contract type an expression of a table's template reads: a loop name's, else the context's."""
    first, *path = columns.steps(expr)
    hint = scope[first] if first in scope else typing.get_type_hints(root)[first]
    for step in path:
        if isinstance(step, int):
            assert typing.get_origin(hint) is list, (expr, step)
            hint = typing.get_args(hint)[0]
        else:
            assert typing.is_typeddict(hint) and step in typing.get_type_hints(hint), (expr, step)
            hint = typing.get_type_hints(hint)[step]
    return hint


def test_every_table_is_declared_with_the_types_of_its_rows():
    assert set(SCOPES) == set(columns.TABLES)


@pytest.mark.parametrize("table", columns.TABLES, ids=lambda t: t.rows)
def test_a_table_prints_only_texts_of_the_contract(table):
    scope = SCOPES[table]
    root = ROOTS.get(table, contract.RktContext)
    texts = [c.value for c in table.columns] + [c.total for c in table.columns if c.total]
    tags = [c.header for c in table.columns] + [g.text for groups in table.groups for g in groups] + [table.total]
    texts += [m.group(1) for text in tags for m in re.finditer(r"\{\{ (.+?) \}\}", text)]
    assert {expr: type_of(expr, scope, root) for expr in texts} == dict.fromkeys(texts, str)
    assert {c.merged: type_of(c.merged, scope, root) for c in table.columns if c.merged} == {
        c.merged: bool for c in table.columns if c.merged}
    assert type_of(table.rows, scope, root) == list[scope[table.var]]


def test_the_measured_tables_are_the_layouts_of_the_contract():
    assert [t.name for t in columns.MEASURED] == list(typing.get_type_hints(contract.Layouts))
