"""Stage times as printed on stderr."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.clock import Clock, timings_line


def test_stage_times_in_milliseconds_with_a_decimal_comma():
    assert timings_line([("baca", 0.1424), ("render", 1.25)]) == "waktu: baca 0,142 s · render 1,250 s"


def test_the_clock_times_a_stage_that_fails():
    clock = Clock()
    with pytest.raises(ValueError), clock.stage("baca"):
        raise ValueError
    assert [name for name, _ in clock.stages] == ["baca"]


def test_rkt_check_prints_its_stage_times_on_stderr_only_as_text(mini_inputs):
    text = CliRunner().invoke(cli, ["check", "--inputs", str(mini_inputs)])
    assert text.exit_code == 0
    assert "waktu: baca " in text.stderr and "periksa" in text.stderr and "waktu" not in text.stdout
    as_json = CliRunner().invoke(cli, ["check", "--inputs", str(mini_inputs), "--format", "json"])
    assert "waktu" not in as_json.stderr
    json.loads(as_json.stdout)

