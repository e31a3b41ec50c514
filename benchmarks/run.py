"""The rkt benchmark: one run measures what a planner and a regional team wait for, and checks the targets.

    python -m benchmarks.run [--quick] [--runs N] [--record]      (or: make bench)

Every command runs in its own fresh process, N times (default 5, `--quick` 3), interleaved
round by round so that a noisy moment of the machine spreads over all commands; the report
gives medians. rkt's modules are compiled to .pyc first, as pip compiled the libraries', so the
import floor and the commands are measured alike. Peak memory and CPU time are the child's own
(os.wait4, its pool workers included), never mixed with another command's. What is measured:

- the import floor of what a build needs: `python -c "import openpyxl, docx, docxtpl, click"`;
- `rkt check` and `rkt build` of the shipped edition, each build into a fresh folder (a first
  build: rkt keeps nothing between runs);
- `rkt build` of a synthetic office 5 times the shipped one (benchmarks/synthetic.py), the
  largest size an office has;
- `rkt build` of a batch of 20 synthetic offices of the shipped size into one folder;
- `rkt rekap` of 50 synthetic offices of the shipped size (the roll-up of a region or the nation);
- `rkt diff` of the edition as published against the shipped inputs (two folders, each made into
  its RKT and PK), and the same with `--redline` (which reuses the documents the diff made);
- `make rkt` when nothing changed.

Targets (issue 16): build of the shipped edition (its RKT and PK) <= 4x the import floor; check
<= 1,5x; the 5x office within 3x the shipped build and 300 MB; the batch using both cores (CPU
time >= 1,5x its wall time on two cores or more); a no-op `make rkt` <= 0,1 s. Issue 15: the
roll-up of 50 offices well under a minute (<= 20 s). Issue 20: the diff with its redline <= 1,3x the
diff alone. Exits 1 when a target fails.
`--record` writes the report into benchmarks/README.md.
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

FLOOR_IMPORTS = "import openpyxl, docx, docxtpl, click"
BUILD_VS_FLOOR, CHECK_VS_FLOOR = 4.0, 1.5
BIG, BIG_VS_SHIPPED, BIG_MB = 5, 3.0, 300
BATCH, BATCH_CPU = 20, 1.5
REKAP, REKAP_SECONDS = 50, 20.0
MAKE_SECONDS = 0.1
REDLINE_VS_DIFF = 1.3
DIFF, REDLINE = "diff published vs shipped", "diff published vs shipped --redline"
# The commands' own stage names (Indonesian, printed on stderr) and how the report heads them.
STAGES = {"baca": "read", "periksa": "check", "laporan": "report", "render": "render", "tulis": "write"}
TIMINGS = re.compile(r"^waktu: (.*)$", re.M)
README = ROOT / "benchmarks" / "README.md"
START, END = "<!-- bench:start -->", "<!-- bench:end -->"


@dataclass
class Sample:
    """The runs of one command: seconds, CPU seconds, peak resident memory (MB) and stages of each."""

    seconds: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    peak_mb: list[float] = field(default_factory=list)
    stages: list[dict[str, float]] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def peak(self) -> float:
        return max(self.peak_mb)

    @property
    def parallelism(self) -> float:
        """Median CPU time over wall time: 2 means two cores busy the whole run."""
        return statistics.median(c / s for c, s in zip(self.cpu, self.seconds, strict=True))

    def stage(self, name: str) -> float | None:
        values = [s[name] for s in self.stages if name in s]
        return statistics.median(values) if values else None


class CommandFailed(RuntimeError):
    pass


def run_once(cmd: list[str], cwd: Path = ROOT) -> tuple[float, float, float, str]:
    """Seconds, CPU seconds, peak MB and output of one run of `cmd` in its own process; raise when it fails.

    `rkt diff` exits 1 when the editions differ, as they do here: that is its success too.
    """
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        code = os.waitstatus_to_exitcode(status)
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
    if code != 0 and not (code == 1 and cmd[1:2] == ["diff"]):
        raise CommandFailed(f"{' '.join(cmd)} exited with {code}:\n{text[-2000:]}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, text  # ru_maxrss: KiB on Linux


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
        cpu = next((line.split(":", 1)[1].strip() for line in f if line.startswith("model name")), cpu)
    with open("/proc/meminfo", encoding="utf-8") as f:
        mem_kb = next((int(line.split()[1]) for line in f if line.startswith("MemTotal:")), 0)
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    dirty = subprocess.run(["git", "status", "--porcelain", "--", "pipeline", "templates", "inputs"], cwd=ROOT,
                           capture_output=True, text=True).stdout.strip()
    return {
        "CPU": cpu,
        "cores": f"{os.cpu_count()} ({usable_cores()} usable)",
        "memory": f"{mem_kb / 1024 / 1024:.1f} GiB",
        "Python": f"{platform.python_version()} ({platform.python_implementation()})",
        "OS": f"{platform.system()} {platform.release()}",
        ".pyc files": "rkt's compiled before measuring (PYTHONDONTWRITEBYTECODE is set: Python writes none)"
        if os.environ.get("PYTHONDONTWRITEBYTECODE") else "written and reused",
        "commit": (commit.stdout.strip() or "unknown") + (" + uncommitted changes" if dirty else ""),
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
    }


def usable_cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def describe(folder: Path) -> str:
    """`68 staff, 35 RO, 8 IKK` for the office in `folder`."""
    from pipeline.inputs.normalise import load

    plan = load(folder)
    return f"{len(plan.staff)} staff, {len(plan.ros)} RO, {len(plan.indicators)} IKK"


def commands(work: Path) -> tuple[dict[str, list[str]], dict[str, str]]:
    """The commands to measure, by label, and the size of each one's input."""
    python = Path(sys.executable)
    rkt = str(python.parent / "rkt")
    big = write_office(work / f"{BIG}x", BIG)
    batch = [write_office(work / "batch" / f"{i:02d}", 1, seed=i, place=f"Sintetis {i:02d}") for i in range(BATCH)]
    region = batch + [write_office(work / "region" / f"{i:02d}", 1, seed=i, place=f"Sintetis {i:02d}")
                      for i in range(BATCH, REKAP)]
    shipped, published = ROOT / "inputs", ROOT / "tests" / "published-2024"
    cmds = {
        "floor": [str(python), "-c", FLOOR_IMPORTS],
        "check shipped": [rkt, "check", "--inputs", str(shipped)],
        "build shipped": [rkt, "build", "--inputs", str(shipped), "--output", str(work / "out-shipped")],
        f"build {BIG}x": [rkt, "build", "--inputs", str(big), "--output", str(work / "out-big")],
        f"build batch of {BATCH}": [rkt, "build", "-q", "--output", str(work / "out-batch"),
                                    *(a for folder in batch for a in ("--inputs", str(folder)))],
        f"rekap of {REKAP}": [rkt, "rekap", "--output", str(work / "rekap.xlsx"),
                              *(a for folder in region for a in ("--inputs", str(folder)))],
        DIFF: [rkt, "diff", str(published), str(shipped)],
        REDLINE: [rkt, "diff", str(published), str(shipped), "--redline", str(work / "redline.docx")],
    }
    if shutil.which("make"):
        cmds["make rkt, nothing changed"] = [shutil.which("make"), "--no-print-directory", "rkt"]
    sizes = {"check shipped": describe(shipped), "build shipped": describe(shipped), f"build {BIG}x": describe(big),
             f"build batch of {BATCH}": f"{BATCH} offices of {describe(batch[0])}",
             f"rekap of {REKAP}": f"{REKAP} offices of {describe(batch[0])}",
             DIFF: "two folders of the shipped size", REDLINE: "two folders of the shipped size"}
    return cmds, sizes


def fresh_output(cmd: list[str]) -> None:
    """Each build writes into an empty folder: a first build, every run."""
    if "--output" in cmd:
        shutil.rmtree(cmd[cmd.index("--output") + 1], ignore_errors=True)


def benchmark(runs: int, work: Path, log) -> dict:
    """Run every command `runs` times and return the samples, sizes and machine."""
    cmds, sizes = commands(work)
    # The libraries' modules were compiled by pip; rkt's are compiled here, as a planner's Python
    # does on the first run (unless PYTHONDONTWRITEBYTECODE forbids it, as on some machines).
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "pipeline")], check=True)
    log(f"warming up and verifying {len(cmds)} commands (each must exit 0)")
    failed: dict[str, str] = {}
    for label, cmd in list(cmds.items()):
        try:
            fresh_output(cmd)
            run_once(cmd)  # also brings `make rkt` up to date: later runs are the no-op case
            log(f"  ok {label}")
        except CommandFailed as exc:  # measured no further; its targets fail
            failed[label] = str(exc)
            del cmds[label]
            log(f"  FAILED {label}: {exc}")
    samples = {label: Sample() for label in cmds}
    for r in range(runs):
        log(f"round {r + 1}/{runs}")
        for label, cmd in cmds.items():
            fresh_output(cmd)
            seconds, cpu, peak, text = run_once(cmd)
            sample = samples[label]
            sample.seconds.append(seconds)
            sample.cpu.append(cpu)
            sample.peak_mb.append(peak)
            sample.stages.append(stage_times(text, seconds))
    return {"samples": samples, "failed": failed, "sizes": sizes, "runs": runs, "machine": machine(),
            "cores": usable_cores()}


def targets(result: dict) -> list[tuple[str, str, str, bool]]:
    """(target, measured, limit, passed) for every target (issues 15, 16 and 20)."""
    s = result["samples"]
    floor = s.get("floor")
    rows = []

    def ratio(label: str, base: Sample | None, limit: float, base_name: str) -> None:
        name = f"{label} <= {limit:g}x {base_name}"
        sample = s.get(label)
        if sample is None or base is None:
            rows.append((name, "not available", "", False))
            return
        times = sample.median / base.median
        rows.append((name, f"{sample.median:.3f} s = {times:.2f}x {base.median:.3f} s", f"{limit * base.median:.3f} s",
                     times <= limit))

    ratio("build shipped", floor, BUILD_VS_FLOOR, "import floor")
    ratio("check shipped", floor, CHECK_VS_FLOOR, "import floor")
    ratio(f"build {BIG}x", s.get("build shipped"), BIG_VS_SHIPPED, "build shipped")
    big = s.get(f"build {BIG}x")
    rows.append((f"peak memory of build {BIG}x <= {BIG_MB} MB", "not available" if big is None else
                 f"{big.peak:.0f} MB", f"{BIG_MB} MB", big is not None and big.peak <= BIG_MB))
    batch = s.get(f"build batch of {BATCH}")
    wanted = BATCH_CPU if result["cores"] >= 2 else 0.9
    rows.append((f"build batch of {BATCH} uses both cores (CPU time / wall time >= {wanted:g})",
                 "not available" if batch is None else f"{batch.parallelism:.2f} ({batch.median:.2f} s wall)",
                 f"{wanted:g}", batch is not None and batch.parallelism >= wanted))
    rekap = s.get(f"rekap of {REKAP}")
    rows.append((f"rekap of {REKAP} offices <= {REKAP_SECONDS:g} s", "not available" if rekap is None else
                 f"{rekap.median:.2f} s ({rekap.parallelism:.2f} cores busy)", f"{REKAP_SECONDS:g} s",
                 rekap is not None and rekap.median <= REKAP_SECONDS))
    ratio(REDLINE, s.get(DIFF), REDLINE_VS_DIFF, DIFF)
    make = s.get("make rkt, nothing changed")
    rows.append((f"make rkt with nothing changed <= {MAKE_SECONDS} s", "not available" if make is None
                 else f"{make.median:.3f} s", f"{MAKE_SECONDS} s", make is not None and make.median <= MAKE_SECONDS))
    return rows


def _s(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def report(result: dict) -> tuple[str, bool]:
    """The Markdown report and whether every target passed."""
    s, sizes, m = result["samples"], result["sizes"], result["machine"]
    lines = [
        f"Measured {m['date']} at commit {m['commit']}: median of {result['runs']} runs, each command in a "
        "fresh process; peak = largest ru_maxrss of the runs (MB = 2^20 bytes); CPU = user + system time.",
        "",
        "| machine | |",
        "|---|---|",
        *(f"| {k} | {v} |" for k, v in m.items() if k not in ("date", "commit")),
        "",
        "### Commands",
        "",
        "| command | input | wall (s) | CPU (s) | peak (MB) |",
        "|---|---|--:|--:|--:|",
    ]
    for label, sample in s.items():
        shown = f"`{FLOOR_IMPORTS}`" if label == "floor" else label
        lines.append(f"| {shown} | {sizes.get(label, '')} | {sample.median:.3f} | "
                     f"{statistics.median(sample.cpu):.3f} | {sample.peak:.0f} |")
    for label, message in result["failed"].items():
        lines.append(f"| FAILED: {label} | {message.splitlines()[0]} | | | |")
    staged = [label for label, sample in s.items() if any(sample.stages)]
    names = [n for n in (*STAGES.values(), "other") if any(s[label].stage(n) is not None for label in staged)]
    if names:
        lines += ["", "### Stages (median s, as the command times them; other = start, imports, exit)", "",
                  "| command | " + " | ".join(names) + " |", "|---|" + "--:|" * len(names)]
        lines += [f"| {label} | " + " | ".join(_s(s[label].stage(n)) for n in names) + " |" for label in staged]
    rows = targets(result)
    lines += ["", "### Targets", "", "| target | measured | limit | result |", "|---|---|---|---|"]
    lines += [f"| {name} | {measured} | {limit} | {'PASS' if ok else 'FAIL'} |" for name, measured, limit, ok in rows]
    return "\n".join(lines) + "\n", all(ok for *_, ok in rows)


def record(markdown: str, start: str = START, end: str = END, heading: str = "") -> None:
    """Put `markdown` between the markers `start` and `end` of benchmarks/README.md (appending them, under
    `heading` if given, when absent): each benchmark keeps its own section of the one results file."""
    text = README.read_text(encoding="utf-8") if README.exists() else "# rkt benchmark\n\n"
    block = f"{start}\n{markdown}{end}"
    if start in text and end in text:
        text = text[: text.index(start)] + block + text[text.index(end) + len(end):]
    else:
        text = text.rstrip("\n") + "\n\n" + (f"{heading}\n\n" if heading else "") + block + "\n"
    README.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, help="runs per command (default 5; --quick 3)")
    parser.add_argument("--quick", action="store_true", help="3 runs per command")
    parser.add_argument("--record", action="store_true", help="write the report into benchmarks/README.md")
    parser.add_argument("--keep", type=Path, help="write the generated offices and documents here and keep them")
    args = parser.parse_args(argv)
    runs = args.runs or (3 if args.quick else 5)

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    with tempfile.TemporaryDirectory(prefix="rkt-bench-") as tmp:
        result = benchmark(runs, args.keep or Path(tmp), log)
    markdown, passed = report(result)
    print(markdown)
    if args.record:
        record(markdown)
        log(f"recorded in {README.relative_to(ROOT)}")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
