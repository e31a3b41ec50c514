"""The `rkt` command: a thin shell over read -> normalise -> check -> render -> write.

Exit codes: 0 no error, 1 the inputs have errors (findings), 2 the inputs are unusable.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from . import __version__
from .findings import Finding, InputError, has_errors

EXIT_OK, EXIT_FINDINGS, EXIT_UNUSABLE = 0, 1, 2


def _emit(findings: list[Finding], fmt: str) -> None:
    if fmt == "json":
        click.echo(json.dumps([f.to_dict() for f in findings], ensure_ascii=False, indent=2))
        return
    for f in findings:
        label = "GALAT" if f.severity == "error" else "PERINGATAN"
        click.echo(f"{label} [{f.rule}] {f}")
    errors = sum(f.severity == "error" for f in findings)
    warnings = len(findings) - errors
    click.echo(f"{errors} galat, {warnings} peringatan", err=True)


def _inputs_option(fn):
    return click.option(
        "--inputs", "inputs", type=click.Path(path_type=Path), default=Path("inputs"), show_default=True,
        help="Folder berisi lima workbook seksi.",
    )(fn)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="rkt")
def cli() -> None:
    """Susun Rencana Kinerja Tahunan (RKT) dari workbook seksi.

    \b
    Contoh:
      rkt check                 periksa workbook di inputs/
      rkt build                 tulis output/RKT-<tahun>-<kantor>.docx
    """


@cli.command()
@_inputs_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Bentuk laporan temuan.")
def check(inputs: Path, fmt: str) -> None:
    """Baca dan periksa silang workbook; laporkan semua temuan.

    Keluar dengan 0 bila tidak ada galat, 1 bila ada galat, 2 bila input tidak dapat dibaca.

    \b
    Contoh:
      rkt check --inputs inputs --format json
    """
    from .checks import run_checks
    from .normalise import load

    try:
        plan = load(inputs)
    except InputError as exc:
        _emit(exc.findings, fmt)
        sys.exit(EXIT_UNUSABLE)
    findings = run_checks(plan)
    _emit(findings, fmt)
    sys.exit(EXIT_FINDINGS if has_errors(findings) else EXIT_OK)


@cli.command()
def rules() -> None:
    """Daftar aturan pemeriksaan dengan id dan uraiannya.

    \b
    Contoh:
      rkt rules
    """
    from .checks import RULES

    for r in RULES.values():
        click.echo(f"{r.id:32} {r.doc}")


@cli.command()
def schema() -> None:
    """Cetak panduan format workbook input (Markdown), dibuat dari skema.

    \b
    Contoh:
      rkt schema > docs/input-format.md
    """
    from .inputdoc import input_format_markdown

    click.echo(input_format_markdown(), nl=False)


@cli.command()
@click.argument("sides", nargs=-1, type=click.Path(path_type=Path))
@click.option("--rev", help="Bandingkan folder input pada revisi git ini dengan isinya sekarang.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def diff(sides: tuple[Path, ...], rev: str | None, fmt: str) -> None:
    """Bandingkan dua edisi per kode RO, IKK, NIP dan sel tabel: rkt diff OLD NEW.

    OLD dan NEW masing-masing folder input atau .docx hasil rkt. Dengan --rev REV cukup satu
    folder (bawaan inputs/): isinya pada revisi REV dibandingkan dengan isinya sekarang.
    Keluar dengan 0 bila sama, 1 bila berbeda, 2 bila salah satu tidak dapat dibaca.

    \b
    Contoh:
      rkt diff output/lama.docx output/RKT-2024-BKK-Kelas-II-Jambi.docx
      rkt diff --rev HEAD~1            (inputs/ di commit sebelumnya vs sekarang)
    """
    if rev is not None and len(sides) <= 1:
        old = new = sides[0] if sides else Path("inputs")
    elif rev is None and len(sides) == 2:
        old, new = sides
    else:
        raise click.UsageError("beri OLD dan NEW, atau --rev REV dengan satu folder input")
    from .diff import diff as compare
    from .diff import format_text, load_side
    from .package import NotAnRktDocument

    try:
        before = load_side(old, rev)
        after = load_side(new)
    except InputError as exc:
        _emit(exc.findings, "text")
        sys.exit(EXIT_UNUSABLE)
    except NotAnRktDocument as exc:
        click.echo(f"GALAT {exc}: bukan dokumen RKT buatan rkt (tidak ada snapshot)", err=True)
        sys.exit(EXIT_UNUSABLE)
    changes = compare(before, after)
    if fmt == "json":
        click.echo(json.dumps([c.to_dict() for c in changes], ensure_ascii=False, indent=2))
    else:
        click.echo(format_text(changes, before, after), nl=False)
    sys.exit(EXIT_FINDINGS if changes else EXIT_OK)


def main() -> None:  # pragma: no cover - console-script entry
    cli()
