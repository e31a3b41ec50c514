"""Wall time per stage of a command, printed on stderr as `waktu: baca 0,142 s · ...`.

A planner sees where a slow build spends its time; the benchmark reads the same line to
measure the work of a run apart from starting Python and importing the stack.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field


@dataclass
class Clock:
    """Seconds per named stage, in the order the stages ran."""

    stages: list[tuple[str, float]] = field(default_factory=list)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.stages.append((name, time.perf_counter() - start))


def timings_line(stages: list[tuple[str, float]] | tuple[tuple[str, float], ...]) -> str:
    """`waktu: baca 0,142 s · normalisasi 0,004 s`: milliseconds, Indonesian decimal comma."""
    return "waktu: " + " · ".join(f"{name} {seconds:.3f} s".replace(".", ",") for name, seconds in stages)
