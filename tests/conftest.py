"""Shared fixtures: a consistent mini office written as real workbooks."""

from __future__ import annotations

import pytest

from tests.builders import mini_data, write_inputs


@pytest.fixture
def data():
    """The mini office's contents, to change before writing."""
    return mini_data()


@pytest.fixture
def mini_inputs(tmp_path):
    """A folder with the five workbooks of the unchanged mini office."""
    return write_inputs(tmp_path / "inputs")
