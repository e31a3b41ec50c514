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


#: click's own English: none of it may reach a planner
ENGLISH = ("Usage", "Options", "Commands", "Show this", "Show the", "Error", "Try '", "default:", "required",
           "No such", "Missing", "Invalid", "is not", "Did you mean", "does not", "requires", "Aborted",
           "TEXT", "PATH", "INTEGER", "RANGE", "DIRECTORY", "FILENAME", "[OPTIONS]", "COMMAND", "[ARGS]")


def _english(text: str) -> list[str]:
    return [word for word in ENGLISH if word in text]


@pytest.mark.parametrize("args", [["--help"], ["-h"], *([name, "--help"] for name in sorted(cli.commands))],
                         ids=lambda a: " ".join(a))
def test_help_speaks_indonesian(args):
    result = CliRunner().invoke(cli, args, prog_name="rkt")
    assert result.exit_code == 0
    assert "Pemakaian: rkt" in result.output and "Opsi:" in result.output
    assert "Tampilkan bantuan ini lalu keluar." in result.output
    assert _english(result.output) == []


@pytest.mark.parametrize("args", [
    ["tidak-ada"], ["build", "--tidak-ada"], ["build", "--inpts", "x"], ["check", "--inputs"],
    ["check", "--format", "xml"], ["init", "--to", "x"], ["init", "--year", "x", "--to", "y"],
    ["init", "--year", "3000", "--to", "y"], ["blank"], ["check", "ekstra"], ["rules", "--tidak-ada"],
], ids=lambda a: " ".join(a))
def test_usage_errors_speak_indonesian(args):
    result = CliRunner().invoke(cli, args, prog_name="rkt")
    assert result.exit_code == 2
    assert "GALAT " in result.output
    assert _english(result.output) == []


def test_the_version_speaks_indonesian():
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0 and result.output.startswith("rkt versi ")
    assert "Tampilkan versi" in CliRunner().invoke(cli, ["--help"]).output
