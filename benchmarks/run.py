"""The rkt benchmark: one run measures every figure of issue 8 and checks its targets.

    python -m benchmarks.run [--quick] [--runs N] [--record]      (or: make bench)

Every command runs in its own fresh process, N times (default 5, `--quick` 3), interleaved
round by round so that a noisy moment of the machine spreads over all commands; the report
gives medians. Peak memory is the child's own ru_maxrss (os.wait4), so one command's peak is
never mixed with another's. What is measured:

- the import floor of the stack: `python -c "import openpyxl, docx, docxtpl, click, pandas"`;
- `rkt check` and `rkt build` on the shipped inputs, the tests' mini office (4 staff, 3 RO,
  2 IKK: the fixed cost of a run, whatever the size) and synthetic offices 1x, 10x and 50x the
  shipped edition (benchmarks/synthetic.py);
- the stages of each check and build (read, normalise, check, report, render, write) as the
  command itself times them (`pipeline.clock`, printed as `waktu: ...` on stderr), plus the rest
  of the process (interpreter start, imports, exit) as wall time minus the stages;
- `make rkt` when nothing changed.

Targets (issue 8): build of the shipped edition <= 1,5x the import floor and check <= 1,2x,
both measured in the same run; work beyond the fixed cost linear in size, (w50 - fixed) <=
50 (w1 - fixed), where w is a command's work as its own stage clock measures it (the sum of
its stages: no interpreter start, imports or exit, which only add noise to a difference of
0,1 s) and fixed is the mini office's; peak memory <= 200 MB at 50x; a no-op `make rkt` <=
0,1 s. Exits 1 when a target fails. `--record` writes the report into benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(ROOT))

from benchmarks.synthetic import write_office  # noqa: E402

FLOOR_IMPORTS = "import openpyxl, docx, docxtpl, click, pandas"
SCALES = (1, 10, 50)
BUILD_VS_FLOOR, CHECK_VS_FLOOR = 1.5, 1.2
MEMORY_MB, MAKE_SECONDS = 200, 0.1
# The build's own stage names (Indonesian, printed by `rkt build`) and how the report heads them.
STAGES = {"baca": "read", "normalisasi": "normalise", "periksa": "check", "laporan": "report",
          "render": "render", "tulis": "write"}
TIMINGS = re.compile(r"^waktu: (.*)$", re.M)
README = ROOT / "benchmarks" / "README.md"
COLD = "shipped, no cache"
START, END = "<!-- bench:start -->", "<!-- bench:end -->"


@dataclass
class Sample:
    """The runs of one command: seconds and peak resident memory (MB) of each."""

    seconds: list[float] = field(default_factory=list)
    peak_mb: list[float] = field(default_factory=list)
    stages: list[dict[str, float]] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def peak(self) -> float:
        return max(self.peak_mb)

    def stage(self, name: str) -> float | None:
        values = [s[name] for s in self.stages if name in s]
        return statistics.median(values) if values else None

    @property
    def work(self) -> float | None:
        """Median of the runs' stage sums: the command's own work, without start-up, imports and exit."""
        sums = [sum(v for k, v in s.items() if k != "other") for s in self.stages if s]
        return statistics.median(sums) if sums else None


class CommandFailed(RuntimeError):
    pass


def run_once(cmd: list[str], cwd: Path = ROOT, env: dict[str, str] | None = None) -> tuple[float, float, str]:
    """Seconds, peak MB and output of one run of `cmd` in its own process; raise when it fails."""
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
    if proc.returncode != 0:
        raise CommandFailed(f"{' '.join(cmd)} exited with {proc.returncode}:\n{text[-2000:]}")
    return seconds, usage.ru_maxrss / 1024, text  # ru_maxrss is in KiB on Linux


def stage_times(output: str, wall: float) -> dict[str, float]:
    """Seconds per stage from the command's `waktu: baca 0,142 s · ...` line, and `other` = wall - stages."""
    found = TIMINGS.search(output)
    if not found:
        return {}
    times = {}
    for part in found.group(1).split("·"):
        name, seconds, _ = part.rsplit(maxsplit=2)
        times[STAGES.get(name.strip(), name.strip())] = float(seconds.replace(",", "."))
    times["other"] = wall - sum(times.values())
    return times


def machine() -> dict[str, str]:
    """Where the figures came from: CPU, cores, memory, Python, OS, commit, date."""
    cpu = "unknown"
    with open("/proc/cpuinfo", encoding="utf-8") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    mem_kb = 0
    with open("/proc/meminfo", encoding="utf-8") as f:
        for line in f:
            if line.startswith("MemTotal:"):
                mem_kb = int(line.split()[1])
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    dirty = subprocess.run(["git", "status", "--porcelain", "--", "pipeline", "templates", "inputs"], cwd=ROOT,
                           capture_output=True, text=True).stdout.strip()
    return {
        "CPU": cpu,
        "cores": f"{os.cpu_count()} ({usable} usable)",
        "memory": f"{mem_kb / 1024 / 1024:.1f} GiB",
        "Python": f"{platform.python_version()} ({platform.python_implementation()})",
        "OS": f"{platform.system()} {platform.release()}",
        "commit": (commit.stdout.strip() or "unknown") + (" + uncommitted changes" if dirty else ""),
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
    }


def describe(folder: Path) -> str:
    """`68 staff, 35 RO, 8 IKK` for the office in `folder`."""
    from pipeline.inputs.normalise import load

    plan = load(folder)
    counts = ((len(plan.staff), "staff"), (len(plan.ros), "RO"), (len(plan.indicators), "IKK"))
    return ", ".join(f"{n} {what}" for n, what in counts)


def prepare(work: Path, scales: tuple[int, ...]) -> dict[str, Path]:
    """The input folders to measure, by label: mini office, shipped inputs, synthetic sizes."""
    sys.path.insert(0, str(ROOT))
    from tests.builders import write_inputs

    folders = {"mini": write_inputs(work / "mini"), "shipped": ROOT / "inputs"}
    for scale in scales:
        folders[f"{scale}x"] = write_office(work / f"{scale}x", scale)
    return folders


def has_build(rkt: Path) -> bool:
    help_text = subprocess.run([str(rkt), "--help"], capture_output=True, text=True).stdout
    return re.search(r"^\s+build\s", help_text, re.M) is not None


def benchmark(runs: int, scales: tuple[int, ...], work: Path, log) -> dict:
    """Run every measurement `runs` times and return the samples, sizes and machine."""
    python = Path(sys.executable)
    rkt = python.parent / "rkt"
    folders = prepare(work, scales)
    build = has_build(rkt)
    commands: dict[tuple[str, str], list[str]] = {
        ("floor", ""): [str(python), "-c", FLOOR_IMPORTS],
    }
    for label, folder in folders.items():
        commands[("check", label)] = [str(rkt), "check", "--inputs", str(folder)]
        if build:
            commands[("build", label)] = [str(rkt), "build", "--inputs", str(folder), "--output",
                                          str(work / "out" / label)]
    if build:  # the first build on a machine: nothing in rkt's cache (pipeline/cache.py)
        commands[("build", COLD)] = [*commands[("build", "shipped")][:-1], str(work / "out" / "cold")]
    # rkt's cache of its own: warmed by the first (verifying) run, as a planner's first build warms theirs
    env = {**os.environ, "XDG_CACHE_HOME": str(work / "cache")}
    env.pop("RKT_NO_CACHE", None)
    envs = {key: env for key in commands}
    envs[("build", COLD)] = {**env, "RKT_NO_CACHE": "1"}
    make = shutil.which("make")
    if make and build:
        commands[("make", "")] = [make, "--no-print-directory", "rkt"]

    log(f"warming up and verifying {len(commands)} commands (each must exit 0)")
    failed: dict[tuple[str, str], str] = {}
    for key, cmd in list(commands.items()):
        try:
            run_once(cmd, env=envs.get(key))  # also brings `make rkt` up to date: later runs are the no-op case
        except CommandFailed as exc:  # measured no further; its targets fail
            failed[key] = str(exc)
            del commands[key]
            log(f"  FAILED {' '.join(key).strip()}: {exc}")
            continue
        log(f"  ok {' '.join(key).strip()}")
    samples = {key: Sample() for key in commands}
    for r in range(runs):
        log(f"round {r + 1}/{runs}")
        for key, cmd in commands.items():
            seconds, peak, text = run_once(cmd, env=envs.get(key))
            samples[key].seconds.append(seconds)
            samples[key].peak_mb.append(peak)
            if key[0] in ("build", "check"):
                samples[key].stages.append(stage_times(text, seconds))
    return {
        "samples": samples,
        "failed": failed,
        "sizes": {**{label: describe(folder) for label, folder in folders.items()},
                  COLD: describe(folders["shipped"])},
        "labels": [*folders, COLD] if build else list(folders),
        "build": build,
        "runs": runs,
        "machine": machine(),
    }


def _s(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _mb(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0f}"


def targets(result: dict, scales: tuple[int, ...]) -> list[tuple[str, str, str, bool]]:
    """(target, measured, limit, passed) for every target of issue 8."""
    s = result["samples"]
    floor = s[("floor", "")].median if ("floor", "") in s else None
    rows = []

    def get(kind: str, label: str) -> Sample | None:
        return s.get((kind, label))

    for kind, limit in (("build", BUILD_VS_FLOOR), ("check", CHECK_VS_FLOOR)):
        sample = get(kind, "shipped")
        if sample is None or floor is None:
            rows.append((f"rkt {kind} of the shipped edition <= {limit}x import floor", "not available", "", False))
            continue
        ratio = sample.median / floor
        rows.append((f"rkt {kind} of the shipped edition <= {limit}x import floor",
                     f"{sample.median:.3f} s = {ratio:.2f}x {floor:.3f} s", f"{limit * floor:.3f} s", ratio <= limit))
    big = max(scales)
    for kind in ("check", "build"):
        fixed, one, top = get(kind, "mini"), get(kind, "1x"), get(kind, f"{big}x")
        name = f"rkt {kind}: work beyond the fixed cost linear ({big}x work <= {big}x the 1x work)"
        if not (fixed and one and top) or 1 not in scales or None in (fixed.work, one.work, top.work):
            rows.append((name, "not available", "", False))
            continue
        work1, work_top = one.work - fixed.work, top.work - fixed.work
        wall1, wall_top = one.median - fixed.median, top.median - fixed.median
        wall = f"; wall clock {wall_top / wall1:.1f}x" if wall1 > 0 else ""
        rows.append((name, f"{work_top:.3f} s = {work_top / work1:.1f}x the 1x work ({work1:.3f} s){wall}"
                     if work1 > 0 else f"{work_top:.3f} s (1x work {work1:.3f} s)",
                     f"{big * work1:.3f} s", work1 > 0 and work_top <= big * work1))
    for kind in ("check", "build"):
        top = get(kind, f"{big}x")
        rows.append((f"peak memory of rkt {kind} at {big}x <= {MEMORY_MB} MB", "not available" if top is None
                     else f"{top.peak:.0f} MB", f"{MEMORY_MB} MB", top is not None and top.peak <= MEMORY_MB))
    make = get("make", "")
    rows.append((f"make rkt with nothing changed <= {MAKE_SECONDS} s", "not available" if make is None
                 else f"{make.median:.3f} s", f"{MAKE_SECONDS} s", make is not None and make.median <= MAKE_SECONDS))
    return rows


def report(result: dict, scales: tuple[int, ...]) -> tuple[str, bool]:
    """The Markdown report and whether every target passed."""
    s, sizes, m = result["samples"], result["sizes"], result["machine"]
    names = {"mini": "mini office (fixed cost)", "shipped": "shipped 2024 Jambi edition",
             COLD: "shipped edition, first build (`RKT_NO_CACHE=1`)"}
    lines = [
        f"Measured {m['date']} at commit {m['commit']}: median of {result['runs']} runs, each command in a "
        "fresh process; peak = largest ru_maxrss of the runs (MB = 2^20 bytes).",
        "",
        "| machine | |",
        "|---|---|",
        *(f"| {k} | {v} |" for k, v in m.items() if k not in ("date", "commit")),
        "",
        "### Commands",
        "",
        "| input | size | rkt check (s) | check peak (MB) | rkt build (s) | build peak (MB) |",
        "|---|---|--:|--:|--:|--:|",
    ]
    floor = s.get(("floor", ""))
    if floor:
        lines.append(f"| import floor: `{FLOOR_IMPORTS}` | | {floor.median:.3f} | {floor.peak:.0f} | | |")
    for label in result["labels"]:
        check, build = s.get(("check", label)), s.get(("build", label))
        lines.append(
            f"| {names.get(label, f'synthetic {label}')} | {sizes[label]} | {_s(check and check.median)} | "
            f"{_mb(check and check.peak)} | {_s(build and build.median)} | {_mb(build and build.peak)} |"
        )
    make = s.get(("make", ""))
    if make:
        lines.append(f"| `make rkt`, nothing changed | | | | {make.median:.3f} | |")
    for key, message in result["failed"].items():
        lines.append(f"| FAILED: `{' '.join(key).strip()}` | {message.splitlines()[0]} | | | | |")
    for kind in ("check", "build"):
        labels = [label for label in result["labels"] if (kind, label) in s]
        names_seen = [n for n in (*STAGES.values(), "other") if any(s[(kind, label)].stage(n) is not None
                                                                    for label in labels)]
        if not names_seen:
            continue
        lines += ["", f"### Stages of rkt {kind} (median s, as the command times them; work = their sum; "
                  "other = start, imports, exit)", "",
                  "| input | " + " | ".join(names_seen) + " | work |", "|---|" + "--:|" * (len(names_seen) + 1)]
        for label in labels:
            sample = s[(kind, label)]
            lines.append(f"| {names.get(label, label)} | " + " | ".join(_s(sample.stage(n)) for n in names_seen)
                         + f" | {_s(sample.work)} |")
    rows = targets(result, scales)
    lines += ["", "### Targets", "", "| target | measured | limit | result |", "|---|---|---|---|"]
    lines += [f"| {name} | {measured} | {limit} | {'PASS' if ok else 'FAIL'} |" for name, measured, limit, ok in rows]
    return "\n".join(lines) + "\n", all(ok for *_, ok in rows)


def record(markdown: str) -> None:
    """Put `markdown` between the markers of benchmarks/README.md (appending them if absent)."""
    text = README.read_text(encoding="utf-8") if README.exists() else "# rkt benchmark\n\n"
    block = f"{START}\n{markdown}{END}"
    if START in text and END in text:
        text = text[: text.index(START)] + block + text[text.index(END) + len(END):]
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    README.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, help="runs per command (default 5; --quick 3)")
    parser.add_argument("--quick", action="store_true", help="3 runs per command")
    parser.add_argument("--scales", default=",".join(map(str, SCALES)), help="synthetic sizes (default 1,10,50)")
    parser.add_argument("--record", action="store_true", help="write the report into benchmarks/README.md")
    parser.add_argument("--keep", type=Path, help="write the generated offices and documents here and keep them")
    args = parser.parse_args(argv)
    runs = args.runs or (3 if args.quick else 5)
    scales = tuple(sorted({int(x) for x in args.scales.split(",") if x.strip()}))

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    with tempfile.TemporaryDirectory(prefix="rkt-bench-") as tmp:
        result = benchmark(runs, scales, args.keep or Path(tmp), log)
    markdown, passed = report(result, scales)
    print(markdown)
    if args.record:
        record(markdown)
        log(f"recorded in {README.relative_to(ROOT)}")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
