"""The benchmark judges what it claims: its parsing, its targets and its synthetic offices."""

from __future__ import annotations

from benchmarks.run import Sample, stage_times, targets
from benchmarks.synthetic import write_office
from pipeline.checks import run_checks
from pipeline.inputs.normalise import load


def test_stage_times_read_the_commands_own_line():
    out = "0 galat, 0 peringatan\nwaktu: baca 0,142 s · normalisasi 0,004 s · render 1,250 s\n"
    assert stage_times(out, 2.0) == {"read": 0.142, "normalise": 0.004, "render": 1.25,
                                     "other": 2.0 - 0.142 - 0.004 - 1.25}
    assert stage_times("no timings here", 1.0) == {}


def _sample(seconds: float, work: float, peak: float = 100) -> Sample:
    return Sample([seconds] * 3, [peak] * 3, [{"read": work, "other": seconds - work}] * 3)


def _result(work50: float, build_peak: float = 150) -> dict:
    samples = {("floor", ""): _sample(0.4, 0.0), ("make", ""): _sample(0.005, 0.0)}
    for kind in ("check", "build"):
        samples[(kind, "mini")] = _sample(0.30, 0.10)
        samples[(kind, "shipped")] = _sample(0.45, 0.20)
        samples[(kind, "1x")] = _sample(0.45, 0.20)
        samples[(kind, "50x")] = _sample(0.30 + work50, 0.10 + work50, build_peak if kind == "build" else 90)
    return {"samples": samples}


def test_linearity_is_judged_on_the_work_beyond_the_mini_office():
    ok = {name: passed for name, _, _, passed in targets(_result(work50=4.9), (1, 50))}
    assert ok["rkt build: work beyond the fixed cost linear (50x work <= 50x the 1x work)"]
    slow = {name: passed for name, _, _, passed in targets(_result(work50=5.1), (1, 50))}
    assert not slow["rkt build: work beyond the fixed cost linear (50x work <= 50x the 1x work)"]


def test_speed_and_memory_targets():
    rows = {name: passed for name, _, _, passed in targets(_result(work50=4.0, build_peak=201), (1, 50))}
    slower = _result(work50=4.0)
    slower["samples"][("build", "shipped")] = _sample(0.61, 0.3)
    assert rows["rkt build of the shipped edition <= 1.5x import floor"]  # 0,45 s <= 0,6 s
    assert rows["rkt check of the shipped edition <= 1.2x import floor"]  # 0,45 s <= 0,48 s
    assert not rows["peak memory of rkt build at 50x <= 200 MB"]
    assert rows["peak memory of rkt check at 50x <= 200 MB"]
    assert rows["make rkt with nothing changed <= 0.1 s"]
    assert not {name: passed for name, _, _, passed in targets(slower, (1, 50))}[
        "rkt build of the shipped edition <= 1.5x import floor"]  # 0,61 s > 0,6 s


def test_a_synthetic_office_checks_clean(tmp_path):
    """Every timing measures the normal path: the generated figures all agree."""
    plan = load(write_office(tmp_path / "office", 2))
    assert len(plan.staff) == 2 * 68 and len(plan.ros) == 2 * 35 and len(plan.indicators) == 2 * 8
    assert [f for f in run_checks(plan)] == []
