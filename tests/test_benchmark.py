"""The benchmark judges what it claims: its parsing, its targets and its synthetic offices."""

from __future__ import annotations

import shutil
from pathlib import Path

from benchmarks.run import BATCH, BIG, DIFF, REDLINE, REKAP, Sample, stage_times, targets
from benchmarks.synthetic import office_data, write_office
from benchmarks.web import BUILD, broken, report
from pipeline.checks import run_checks
from pipeline.edition import analyse
from pipeline.inputs.normalise import load


def test_stage_times_read_the_commands_own_line():
    out = "0 galat, 0 peringatan\nwaktu: baca 0,142 s · render 1,250 s\n"
    assert stage_times(out, 2.0) == {"read": 0.142, "render": 1.25, "other": 2.0 - 0.142 - 1.25}
    assert stage_times("no timings here", 1.0) == {}


def sample(seconds: float, peak: float = 100, cpu: float | None = None) -> Sample:
    return Sample([seconds] * 3, [seconds if cpu is None else cpu] * 3, [peak] * 3, [{}] * 3)


def result(**changes: Sample) -> dict:
    samples = {"floor": sample(0.30), "check shipped": sample(0.40), "build shipped": sample(1.0),
               f"build {BIG}x": sample(2.5, peak=250), f"build batch of {BATCH}": sample(10.0, cpu=18.0),
               f"rekap of {REKAP}": sample(6.0, cpu=11.0), "make rkt, nothing changed": sample(0.01),
               DIFF: sample(1.0), REDLINE: sample(1.25)}
    return {"samples": {**samples, **changes}, "cores": 2}


def passed(res: dict) -> dict[str, bool]:
    return {name.split(" <=")[0].split(" uses")[0]: ok for name, _, _, ok in targets(res)}


def test_every_target_passes_within_its_limit():
    assert all(passed(result()).values())


def test_each_target_fails_past_its_limit():
    assert not passed(result(**{"build shipped": sample(1.3)}))["build shipped"]  # 1,3 s > 4 x 0,3 s
    assert not passed(result(**{"check shipped": sample(0.46)}))["check shipped"]  # > 1,5 x 0,3 s
    assert not passed(result(**{f"build {BIG}x": sample(3.1)}))[f"build {BIG}x"]  # > 3 x 1,0 s
    assert not passed(result(**{f"build {BIG}x": sample(2.0, peak=301)}))[f"peak memory of build {BIG}x"]
    assert not passed(result(**{f"build batch of {BATCH}": sample(10.0, cpu=11.0)}))[f"build batch of {BATCH}"]
    assert not passed(result(**{"make rkt, nothing changed": sample(0.2)}))["make rkt with nothing changed"]
    assert not passed(result(**{f"rekap of {REKAP}": sample(21.0)}))[f"rekap of {REKAP} offices"]
    assert not passed(result(**{REDLINE: sample(1.35)}))[REDLINE]  # > 1,3 x 1,0 s


def test_a_missing_measurement_fails_its_target():
    res = result()
    del res["samples"]["floor"]
    assert not passed(res)["build shipped"]


def test_synthetic_offices_check_clean_and_are_named_apart(tmp_path):
    """Every timing measures the normal path: the generated figures all agree."""
    plan = load(write_office(tmp_path / "office", 2))
    assert len(plan.staff) == 2 * 68 and len(plan.ros) == 2 * 35 and len(plan.indicators) == 2 * 8
    assert run_checks(plan) == []
    names = {office_data(1, seed=i, place=f"Sintetis {i}")["identitas"]["Identitas"]["office_short"] for i in range(3)}
    assert len(names) == 3


def test_the_page_benchmark_judges_every_request_but_the_build():
    fast = {"office page, again": [0.01, 0.02], BUILD: [3.0, 4.0]}
    here = {"date": "today", "commit": "abc1234"}
    assert report({"times": fast, "runs": 2}, here)[1]
    markdown, ok = report({"times": {**fast, "upload the fixed jadwal.xlsx": [0.5, 1.2]}, "runs": 2}, here)
    assert not ok and "| upload the fixed jadwal.xlsx | 0.850 | 1.200 | < 1 s | FAIL |" in markdown


def test_the_page_benchmark_uploads_a_workbook_with_an_error(tmp_path):
    """The upload it times is checked as a planner's broken one: the schedule no longer adds up."""
    office = shutil.copytree(Path(__file__).resolve().parents[1] / "inputs", tmp_path / "jambi")
    (office / "jadwal.xlsx").write_bytes(broken(office / "jadwal.xlsx"))
    assert "money.schedule-sum" in {f.rule for f in analyse(office).findings}
