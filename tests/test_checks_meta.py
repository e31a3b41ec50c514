"""The rule registry and `rkt check`: every rule documented, identified once and tested; exit codes and JSON."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.checks import RULES, rule
from pipeline.cli import cli
from pipeline.inputs.problems import INPUT_PROBLEMS
from tests.builders import write_inputs

TESTS = Path(__file__).parent
FAMILIES = ("identity", "staff", "codes", "money", "targets", "text", "realisation")


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_rule_is_documented_and_named_by_family(rule_id):
    r = RULES[rule_id]
    doc = (r.check.__doc__ or "").strip()
    assert doc and "\n" not in doc, f"{rule_id}: the docstring must be one line stating the rule"
    family, _, name = rule_id.partition(".")
    assert family in FAMILIES and re.fullmatch(r"[a-z][a-z0-9-]*", name)
    assert r.check.__module__ == f"pipeline.checks.{family}", f"{rule_id} lives in the module of its family"


def test_rkt_rules_describes_every_rule_in_bahasa_indonesia():
    from pipeline.checks.uraian import URAIAN

    assert set(URAIAN) == set(RULES)
    listed = CliRunner().invoke(cli, ["rules"]).stdout
    for rule_id, text in URAIAN.items():
        assert f"{rule_id:32} {text}" in listed
        assert RULES[rule_id].doc not in listed, "the English docstring is for developers"


def test_every_input_problem_raised_is_catalogued_and_listed():
    source = "\n".join(p.read_text(encoding="utf-8") for p in (TESTS.parent / "pipeline").rglob("*.py"))
    raised = set(re.findall(r'"(input\.[a-z-]+)"', source))
    assert raised == set(INPUT_PROBLEMS)
    listed = CliRunner().invoke(cli, ["rules"]).stdout.split()
    assert all(rule_id in listed for rule_id in [*RULES, *INPUT_PROBLEMS])


def test_rule_ids_are_unique():
    with pytest.raises(ValueError, match="duplicate"):
        rule(next(iter(RULES)))(lambda plan: [])


def test_check_exits_0_on_the_mini_office(mini_inputs):
    result = CliRunner().invoke(cli, ["check", "--inputs", str(mini_inputs)])
    assert result.exit_code == 0, result.output


def test_check_exits_1_with_json_findings(data, tmp_path):
    data["pendanaan"]["RO"][0]["pnbp"] += 1
    folder = write_inputs(tmp_path / "in", data)
    result = CliRunner().invoke(cli, ["check", "--inputs", str(folder), "--format", "json"])
    assert result.exit_code == 1
    findings = json.loads(result.stdout)
    assert isinstance(findings, list) and findings
    assert all(set(f) == {"rule", "severity", "message", "subject", "locations"} for f in findings)
    assert {(f["rule"], f["subject"]) for f in findings} == {("money.schedule-sum", "QAH.017"),
                                                             ("money.stated-total", "Jumlah PNBP")}
    schedule = next(f for f in findings if f["rule"] == "money.schedule-sum")
    assert schedule["severity"] == "error"
    assert {"workbook": "pendanaan.xlsx", "sheet": "RO", "cell": "F2"} in schedule["locations"]
