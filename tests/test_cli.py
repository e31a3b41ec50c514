"""Every command explains itself: help text with an example (the README's walk-through relies on it)."""

import pytest
from click.testing import CliRunner

from pipeline.cli import cli


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_every_command_has_help_with_an_example(name):
    result = CliRunner().invoke(cli, [name, "--help"])
    assert result.exit_code == 0
    assert cli.commands[name].help, f"rkt {name} has no help text"
    assert "Contoh:" in result.output and f"rkt {name}" in result.output.split("Contoh:", 1)[1]


def test_top_level_help_lists_every_command():
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    for name in cli.commands:
        assert name in result.output
