"""The disk cache saves time only: the same bytes with it, without it, and when it cannot be written."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline import cache, charts

SPEC = {"kind": "column", "name": "Grafik 2", "categories": ["IV", "III", "II"],
        "series": [{"name": "PNS", "values": [3, 40, 12]}, {"name": "PPPK", "values": [0, 2, 1]}]}


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    cache.folder.cache_clear()
    yield tmp_path / "cache" / "rkt"
    cache.folder.cache_clear()


def test_a_cached_chart_is_the_chart_drawn_afresh(fresh_cache):
    drawn = charts.chart_part(SPEC)
    first = charts.cached_chart_part(SPEC)
    assert len(list((fresh_cache / "charts").iterdir())) == 2
    second = charts.cached_chart_part(SPEC)
    assert first == second == drawn


def test_other_figures_are_another_entry(fresh_cache):
    charts.cached_chart_part(SPEC)
    changed = {**SPEC, "series": [{"name": "PNS", "values": [3, 41, 12]}, {"name": "PPPK", "values": [0, 2, 1]}]}
    assert charts.cached_chart_part(changed) == charts.chart_part(changed)
    assert len(list((fresh_cache / "charts").iterdir())) == 4


def test_a_spec_the_chart_cannot_draw_is_refused_even_when_cached(fresh_cache):
    charts.cached_chart_part(SPEC)
    with pytest.raises(charts.ChartSpecError):
        charts.cached_chart_part({**SPEC, "series": [{"name": "PNS", "values": [1]}]})


def test_no_cache_when_turned_off_or_unwritable(tmp_path, monkeypatch, fresh_cache):
    monkeypatch.setenv("RKT_NO_CACHE", "1")
    cache.folder.cache_clear()
    assert cache.folder("charts") is None
    assert charts.cached_chart_part(SPEC) == charts.chart_part(SPEC)
    monkeypatch.delenv("RKT_NO_CACHE")
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    cache.folder.cache_clear()
    assert cache.folder("charts") is None
    assert charts.cached_chart_part(SPEC) == charts.chart_part(SPEC)


def test_a_damaged_entry_is_made_afresh(fresh_cache):
    charts.cached_chart_part(SPEC)
    for entry in (fresh_cache / "charts").iterdir():
        entry.write_bytes(entry.read_bytes()[:-40] + b"x" * 40)
    assert charts.cached_chart_part(SPEC) == charts.chart_part(SPEC)
    cache.put("charts", "short", b"")
    (fresh_cache / "charts" / "short").write_bytes(b"abc")
    assert cache.get("charts", "short") is None


def test_keys_separate_their_parts():
    assert cache.key("ab", "c") != cache.key("a", "bc")
    assert cache.key("a", b"b") == cache.key(b"a", "b")


def test_a_rebuild_with_the_same_figures_does_not_load_python_pptx(mini_inputs, tmp_path):
    """The charts come from the cache: a regenerate skips python-pptx's import and drawing."""
    probe = (
        "import sys\n"
        "from pipeline.build import build\n"
        f"build({str(mini_inputs)!r}, {str(tmp_path / 'out')!r})\n"
        "print('pptx' in sys.modules)\n"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    root = Path(__file__).resolve().parent.parent

    def run() -> str:
        return subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                              cwd=root, env=env).stdout.strip()

    assert run() == "True"
    first = (tmp_path / "out").glob("*.docx")
    before = {p.name: p.read_bytes() for p in first}
    assert run() == "False"
    assert {p.name: p.read_bytes() for p in (tmp_path / "out").glob("*.docx")} == before
