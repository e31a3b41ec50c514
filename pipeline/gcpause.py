"""Pause Python's cyclic garbage collector while a stage builds many small, acyclic objects.

Reading and normalising allocate a few objects per cell (raw cells, locations, records) and
free almost none, so every automatic collection re-walks a heap that only grows: at 50x the
shipped office that was ~30% of reading and a quarter of normalising, and why both grew faster
than the data. Those objects hold no reference cycles, and the few cycles made meanwhile
(openpyxl's workbook objects) are collected as usual once the collector runs again. Memory
freed by reference counting, nearly all of it, is freed at once either way.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """No automatic cyclic collection inside the block; the previous state is always restored."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@contextlib.contextmanager
def frozen() -> Iterator[None]:
    """Leave every object alive now out of automatic collections until the block ends.

    The typed plan (and every imported module) lives until the end of a build; without this,
    each full collection during checking and rendering walks all of it again, which makes those
    stages grow faster than the data. Unfrozen on the way out, so nothing stays exempt.
    """
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
