"""Process-level helpers: stage times as printed, and the collector policies that restore themselves."""

from __future__ import annotations

import gc
import json

import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.clock import Clock, timings_line
from pipeline.gcpause import frozen, paused


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


def test_the_collector_is_paused_inside_and_restored_after_even_on_error():
    assert gc.isenabled()
    with pytest.raises(RuntimeError), paused():
        assert not gc.isenabled()
        raise RuntimeError
    assert gc.isenabled()
    gc.disable()
    try:
        with paused():
            pass
        assert not gc.isenabled()  # it was off before: stays off
    finally:
        gc.enable()


def test_objects_frozen_for_a_build_are_unfrozen_after():
    before = gc.get_freeze_count()
    with pytest.raises(RuntimeError), frozen():
        assert gc.get_freeze_count() > before
        raise RuntimeError
    assert gc.get_freeze_count() == 0
