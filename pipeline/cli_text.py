"""click in Bahasa Indonesia: the words click itself prints (usage, headings, the help option, errors).

click writes its own strings in English (through gettext, with no catalogue for Indonesian, and
one chosen by environment variables a Windows machine does not set). rkt's commands speak through
click's public extension points instead: a `HelpFormatter` for the usage line, the section
headings and the `[bawaan: ...]` notes, a `Command` whose help option says what it does in
Indonesian, and a `Group` that shows click's errors itself, its messages translated by
`translate` (click's message forms, by pattern; an unknown one is shown as it is).
"""

from __future__ import annotations

import re
import sys
from typing import Any

import click

USAGE = "Pemakaian: "
HEADINGS = {"Options": "Opsi", "Commands": "Perintah", "Positional arguments": "Argumen", "Arguments": "Argumen"}
HELP_OPTION = "Tampilkan bantuan ini lalu keluar."
VERSION_OPTION = "Tampilkan versi rkt lalu keluar."
OPTIONS_METAVAR = "[OPSI]"
SUBCOMMAND_METAVAR = "PERINTAH [ARG]..."

_Q = r"'(?P<q>[^']*)'"  # a name click quotes: '--year'
#: click's messages (click/exceptions.py, core.py, parser.py, types.py) and their Indonesian; first match wins
MESSAGES: tuple[tuple[re.Pattern, str], ...] = tuple((re.compile(p), r) for p, r in (
    (r"^No such option:? '?(?P<name>[^' ]+)'?\.?", r"opsi \g<name> tidak dikenal."),
    (r"^No such command:? '?(?P<name>[^']+)'?\.?", r"perintah \g<name> tidak dikenal."),
    (r"Did you mean (?P<x>.+)\?", r"Maksud Anda \g<x>?"),
    (r"\(Did you mean one of: (?P<x>.+)\?\)", r"(Maksud Anda salah satu dari: \g<x>?)"),
    (r"^Missing option (?P<x>.+?)\.?$", r"opsi \g<x> wajib diisi."),
    (r"^Missing argument (?P<x>.+?)\.?$", r"argumen \g<x> wajib diisi."),
    (r"^Missing parameter:? (?P<x>.+?)\.?$", r"isian \g<x> wajib diisi."),
    (r"^Missing command\.", "perintah belum diberikan."),
    (r"^Invalid value for (?P<x>.+?): ", r"nilai \g<x> tidak sah: "),
    (r"^Invalid value: ", "nilai tidak sah: "),
    (r"^Got unexpected extra arguments? \((?P<x>.*)\)", r"argumen berlebih: \g<x>"),
    (rf"^Option {_Q} requires an argument\.", r"opsi \g<q> memerlukan nilai."),
    (rf"^Option {_Q} requires (?P<n>\d+) arguments\.", r"opsi \g<q> memerlukan \g<n> nilai."),
    (rf"^Option {_Q} does not take a value\.", r"opsi \g<q> tidak menerima nilai."),
    (rf"^Argument {_Q} takes (?P<n>\d+) values\.", r"argumen \g<q> memerlukan \g<n> nilai."),
    (r"(?P<v>'[^']*'|\S+) is not a valid integer range\.", r"\g<v> bukan bilangan bulat yang sah."),
    (r"(?P<v>'[^']*'|\S+) is not a valid (?:integer|float|boolean)\.", r"\g<v> bukan angka yang sah."),
    (r"(?P<v>.+?) is not in the range (?P<r>.+?)\.$", r"\g<v> di luar rentang \g<r>."),
    (r"(?P<v>'[^']*') is not one of (?P<c>.+?)\.$", r"\g<v> bukan salah satu dari \g<c>."),
    (r"(?P<v>'[^']*') is not (?P<c>'[^']*')\.$", r"\g<v> bukan \g<c>."),
    (r"(?:File|Directory|Path) (?P<f>'[^']*') does not exist\.", r"\g<f> tidak ada."),
    (r"(?:File|Directory|Path) (?P<f>'[^']*') is a file\.", r"\g<f> adalah file, bukan folder."),
    (r"(?:File|Directory|Path) (?P<f>'[^']*') is a directory\.", r"\g<f> adalah folder, bukan file."),
    (r"(?:File|Directory|Path) (?P<f>'[^']*') is not (?:readable|writable|executable)\.",
     r"\g<f> tidak dapat dipakai (periksa hak akses)."),
    (r"^Aborted!", "Dibatalkan."),
))
_EXTRA = re.compile(r"\[(?P<items>[^\[\]]*(?:default: |required|env var: )[^\[\]]*)\]$")
_EXTRA_WORDS = (("default: ", "bawaan: "), ("env var: ", "variabel lingkungan: "), ("required", "wajib"))


def translate(message: str) -> str:
    """One of click's messages in Indonesian: each form it knows replaced where it occurs."""
    for pattern, replacement in MESSAGES:
        message = pattern.sub(replacement, message, count=1)
    return message


def _help_extra(text: str) -> str:
    """`Folder output.  [default: output]` -> `Folder output.  [bawaan: output]`."""
    match = _EXTRA.search(text)
    if match is None:
        return text
    items = match.group("items")
    for english, indonesian in _EXTRA_WORDS:
        items = items.replace(english, indonesian)
    return f"{text[:match.start()]}[{items}]"


class HelpFormatter(click.HelpFormatter):
    """click's help layout with Indonesian usage prefix, headings and notes."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, USAGE if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        super().write_heading(HEADINGS.get(heading, heading))

    def write_dl(self, rows, col_max: int = 30, col_spacing: int = 2) -> None:
        super().write_dl([(term, _help_extra(text)) for term, text in rows], col_max, col_spacing)


def metavar(param: click.Parameter) -> str | None:
    """The Indonesian name of the value a parameter takes, for one declared without (None: click's own is fine)."""
    kind = param.type
    if isinstance(param, click.Option) and param.is_flag or isinstance(kind, click.Choice):
        return None
    if isinstance(kind, click.Path):
        name = "FOLDER" if not kind.file_okay else "FILE" if not kind.dir_okay else "JALUR"
    elif isinstance(kind, click.types.IntParamType):
        name = "N"
    elif isinstance(kind, click.types.FloatParamType):
        name = "ANGKA"
    else:
        name = "TEKS"
    if isinstance(param, click.Argument):
        name = param.name.upper() if param.name and kind is click.STRING else name
        return f"[{name}]..." if param.nargs == -1 else name
    return name


def _described(option: click.Option | None) -> click.Option | None:
    """The help option, saying what it does in Indonesian."""
    if option is not None:
        option.help = HELP_OPTION
    return option


class Context(click.Context):
    formatter_class = HelpFormatter


class Command(click.Command):
    """A command whose usage line and help option speak Indonesian."""

    context_class = Context

    def __init__(self, *args: Any, options_metavar: str | None = OPTIONS_METAVAR, **kwargs: Any):
        super().__init__(*args, options_metavar=options_metavar, **kwargs)
        for param in self.params:
            if param.metavar is None:
                param.metavar = metavar(param)

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        return _described(super().get_help_option(ctx))


class Group(click.Group):
    """rkt's command group: its commands are `Command`s, and click's errors are shown in Indonesian."""

    context_class = Context
    command_class = Command

    def __init__(self, *args: Any, options_metavar: str | None = OPTIONS_METAVAR,
                 subcommand_metavar: str | None = SUBCOMMAND_METAVAR, **kwargs: Any):
        super().__init__(*args, options_metavar=options_metavar, subcommand_metavar=subcommand_metavar, **kwargs)

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        return _described(super().get_help_option(ctx))

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode: bool = True, **extra: Any):
        """As click's, but a usage error or an abort is shown here, in Indonesian, before the exit."""
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.ClickException as exc:
            show(exc)
            sys.exit(exc.exit_code)
        except click.Abort:
            click.echo(translate("Aborted!"), err=True)
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)


def show(exc: click.ClickException) -> None:
    """An error as click shows it (usage and a hint for a usage error), in Indonesian."""
    ctx = getattr(exc, "ctx", None)
    if isinstance(exc, click.UsageError) and ctx is not None:
        names = ctx.command.get_help_option_names(ctx)
        hint = f"Coba '{ctx.command_path} {max(names, key=len)}' untuk bantuan.\n" if names else ""
        click.echo(f"{ctx.get_usage()}\n{hint}", err=True, color=ctx.color)
    click.echo(f"GALAT {translate(exc.format_message())}", err=True)
