"""The `rkt` command: a thin shell over the library (pipeline/edition.py, pipeline/review/, ...).

Each command maps its options to library calls and the library's exceptions to exit codes:
0 no error, 1 the inputs have errors (findings), 2 the inputs are unusable. Each imports what
it runs inside its function, so `rkt --help` (and every other command) loads no more than it needs.
"""

from __future__ import annotations

import gc
import json
import signal
import sys
from pathlib import Path

import click

from pipeline import __version__
from pipeline.cli_text import VERSION_OPTION, Group
from pipeline.findings import Finding, InputError, has_errors

EXIT_OK, EXIT_FINDINGS, EXIT_UNUSABLE = 0, 1, 2


def _emit(findings: list[Finding], fmt: str, quiet: bool = False) -> None:
    if fmt == "json":
        click.echo(json.dumps([f.to_dict() for f in findings], ensure_ascii=False, indent=2))
        return
    for f in findings:
        label = "GALAT" if f.severity == "error" else "PERINGATAN"
        click.echo(f"{label} [{f.rule}] {f}")
    errors = sum(f.severity == "error" for f in findings)
    warnings = len(findings) - errors
    if not quiet:
        click.echo(f"{errors} galat, {warnings} peringatan", err=True)


def _inputs_option(fn):
    return click.option(
        "--inputs", "inputs", type=click.Path(path_type=Path), default=Path("inputs"), show_default=True,
        metavar="FOLDER", help="Folder berisi lima workbook seksi.",
    )(fn)


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="rkt", message="%(prog)s versi %(version)s", help=VERSION_OPTION)
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

    Bila folder berisi realisasi.xlsx, realisasinya ikut diperiksa terhadap rencana. Semua masalah
    dilaporkan sekaligus: sel yang tidak dapat dibaca (teks di kolom angka, rumus tanpa nilai, NIP
    diketik sebagai angka) bersama temuan aturan atas semua sel lainnya. Keluar dengan 0 bila tidak
    ada galat, 1 bila ada galat, 2 bila ada input yang tidak dapat dibaca (galat lainnya tetap
    dicantumkan).

    \b
    Contoh:
      rkt check --inputs inputs --format json
    """
    # start-up: imported when the command runs
    from pipeline.clock import Clock, timings_line
    from pipeline.edition import analyse

    clock = Clock()
    analysis = analyse(inputs, clock=clock, realisation=True)
    _emit(analysis.findings, fmt)
    if fmt == "text":
        click.echo(timings_line(clock.stages), err=True)
    if analysis.plan is None:
        sys.exit(EXIT_UNUSABLE)
    sys.exit(EXIT_FINDINGS if has_errors(analysis.findings) else EXIT_OK)


@cli.command("build")
@click.option("--inputs", "inputs", type=click.Path(path_type=Path), multiple=True, metavar="FOLDER",
              help="Folder berisi lima workbook seksi (bawaan: inputs). Boleh diulang untuk beberapa kantor.")
@click.option("--output", "output", type=click.Path(path_type=Path), default=Path("output"), show_default=True,
              metavar="FOLDER", help="Folder tujuan dokumen.")
@click.option("--draft", is_flag=True,
              help="Tetap tulis dokumen walau ada galat: bertanda DRAF di setiap halaman, dengan lampiran temuan.")
@click.option("--edition", metavar="EDISI",
              help='Edisi yang diharapkan, mis. "Revisi 1"; dicocokkan dengan isian Edisi di identitas.xlsx '
              "(naikkan edisi dengan rkt revisi).")
@click.option("--final", is_flag=True,
              help="Edisi yang akan ditandatangani: simpan juga dokumen, laporan dan workbook-nya di terbit/, "
                   "baca-saja; ditolak bila edisi itu sudah terbit dari workbook lain.")
@click.option("--templat", "templates", type=click.Path(path_type=Path), metavar="FOLDER",
              help="Folder berisi rkt.docx dan/atau pk.docx hasil suntingan; yang tidak ada di sana memakai "
                   "templat bawaan (periksa dulu dengan rkt templat).")
@click.option("-q", "--quiet", is_flag=True, help="Hanya tampilkan galat.")
def build_command(inputs: tuple[Path, ...], output: Path, draft: bool, edition: str | None, final: bool,
                  templates: Path | None, quiet: bool) -> None:
    """Periksa workbook lalu tulis dokumen RKT dan Perjanjian Kinerja (.docx) ke folder output.

    Setiap build menulis RKT-....docx dan PK-....docx, kembaran teks keduanya (RKT-....md,
    PK-....md), laporan pemeriksaan (RKT-...-pemeriksaan.md) dan salinan workbook bertanda di
    pemeriksaan/ bila ada temuan. Bila ada galat, kedua dokumen tidak ditulis dan dokumen lama
    tidak berubah (keluar dengan 1). Dengan --draft dokumen tetap ditulis sebagai RKT-...-DRAF.docx
    dan PK-...-DRAF.docx (keluar dengan 1 bila ada galat).
    Dengan --final edisi ini diterbitkan: salinannya disimpan di terbit/<tahun>-<edisi>/ dan tidak
    pernah ditimpa. Dengan --templat FOLDER dokumen disusun dari salinan templat yang diedit di
    folder itu; templat bawaan tidak berubah. Keluar dengan 2 bila input atau templat tidak dapat
    dipakai (setiap masalah templat disebut dengan paragrafnya).

    \b
    Contoh:
      rkt build --inputs inputs --output output
      rkt build --draft
      rkt build --final                      (edisi yang ditandatangani)
      rkt build --templat templat-2025       (templat yang diedit)
      rkt build --inputs jambi --inputs padang --inputs palembang --output semua
    """
    # start-up: imported when the command runs
    from pipeline.build import build, build_many
    from pipeline.clock import timings_line
    from pipeline.document.documents import template_paths
    from pipeline.document.render import TemplateError
    from pipeline.edition import EditionMismatch
    from pipeline.files import FileProblem

    inputs = inputs or (Path("inputs"),)
    if final and draft:
        raise click.UsageError("--final menerbitkan edisi yang ditandatangani; draf tidak dapat diterbitkan")
    try:
        template_paths(templates)
    except FileProblem as exc:
        _unusable(str(exc))
    if len(inputs) > 1:
        if final:
            raise click.UsageError("terbitkan setiap kantor dengan rkt build --final --inputs <folder> tersendiri")
        _build_offices(build_many(inputs, output, draft=draft, edition=edition, templates=templates), quiet)
    try:
        result = build(inputs[0], output, draft=draft, templates=templates, edition=edition, final=final)
    except InputError as exc:
        _emit(exc.findings, "text")
        if exc.report:
            click.echo(f"Laporan: {exc.report}", err=True)
        sys.exit(EXIT_UNUSABLE)
    except TemplateError as exc:
        _template_unusable(exc)
    except (FileProblem, EditionMismatch) as exc:
        _unusable(str(exc))
    _emit([f for f in result.findings if not quiet or f.severity == "error"], "text", quiet=quiet)
    if not quiet:
        click.echo(timings_line(result.timings), err=True)
    if result.path is None:
        click.echo("Dokumen tidak ditulis: perbaiki galat di atas, atau buat draf dengan --draft.", err=True)
        sys.exit(EXIT_FINDINGS)
    if not quiet:
        click.echo(str(result.path))
        if result.agreement is not None:
            click.echo(str(result.agreement))
    if result.issued is not None:
        click.echo(f"Edisi terbit: {result.issued}", err=True)
        if not any(result.issued.glob("*.pdf")):
            click.echo("PDF tidak disimpan di terbit/: LibreOffice (soffice) tidak ditemukan; pasang "
                       "libreoffice-writer, atau buat PDF-nya dengan python -m pipeline.document.pdf", err=True)
    if result.problem:
        _unusable(result.problem)
    sys.exit(EXIT_FINDINGS if result.has_errors else EXIT_OK)


def _build_offices(results, quiet: bool) -> None:
    """Summary table of a many-office build, then each failed office's first errors and its report.

    Exit 2 when an office could not be read or written, else 1 when any has errors.
    """
    header = ("Input", "Status", "Galat", "Dokumen")
    rows, failures = [], []
    for r in results:
        findings = r.result.findings if r.result else r.findings
        errors = [f for f in findings if f.severity == "error"]
        if r.ok:
            status, where = "OK", r.result.path.name
        else:
            status = "GAGAL"
            where = r.problem or (r.result.problem if r.result and r.result.problem else
                                  "draf ditulis" if r.result and r.result.path else "tidak ditulis")
            report = r.report or (str(r.result.report) if r.result and r.result.report else "")
            failures.append((r.inputs, errors, report))
        rows.append((str(r.inputs), status, str(len(errors)), where))
    if not quiet or failures:
        width = [max(len(row[i]) for row in [header, *rows]) for i in range(4)]
        for row in [header, *rows]:
            click.echo("  ".join(cell.ljust(w) for cell, w in zip(row, width, strict=True)).rstrip())
    for inputs, errors, report in failures:
        for f in errors[:3]:
            click.echo(f"GALAT [{inputs}] [{f.rule}] {f}", err=True)
        if len(errors) > 3:
            click.echo(f"      [{inputs}] ... dan {len(errors) - 3} galat lain", err=True)
        if report:
            click.echo(f"      [{inputs}] laporan: {report}", err=True)
    if any(r.unusable for r in results):
        sys.exit(EXIT_UNUSABLE)
    sys.exit(EXIT_FINDINGS if failures else EXIT_OK)


@cli.command()
def rules() -> None:
    """Daftar aturan pemeriksaan, masalah input dan masalah templat, dengan id dan uraiannya.

    \b
    Contoh:
      rkt rules
    """
    # start-up: imported when the command runs
    from pipeline.checks import RULES
    from pipeline.checks.uraian import URAIAN
    from pipeline.document.tags import TEMPLATE_PROBLEMS
    from pipeline.inputs.problems import INPUT_PROBLEMS

    for r in RULES.values():
        click.echo(f"{r.id:32} {URAIAN[r.id]}")
    for rule_id, doc in {**INPUT_PROBLEMS, **TEMPLATE_PROBLEMS}.items():
        click.echo(f"{rule_id:32} {doc}")


@cli.command()
def schema() -> None:
    """Cetak panduan format workbook input (Markdown), dibuat dari skema.

    \b
    Contoh:
      rkt schema > docs/input-format.md
    """
    # start-up: imported when the command runs
    from pipeline.inputs.guide import input_format_markdown

    click.echo(input_format_markdown(), nl=False)


@cli.command()
@click.argument("sides", nargs=-1, type=click.Path(path_type=Path), metavar="LAMA BARU")
@click.option("--rev", metavar="REV", help="Bandingkan folder input pada revisi git ini dengan isinya sekarang.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Bentuk daftar perubahan.")
@click.option("--redline", "redline_out", type=click.Path(path_type=Path), metavar="JALUR",
              help="Tulis juga BARU dengan lacak perubahan Word (w:ins/w:del) terhadap LAMA: ke FOLDER satu redline "
                   "per dokumen (redline-RKT-....docx, redline-PK-....docx), atau ke FILE.docx redline RKT saja.")
@click.option("--output", "output", type=click.Path(path_type=Path), default=Path("output"), show_default=True,
              metavar="FOLDER", help="Folder output yang memuat arsip terbit/ (untuk sisi terbit:NAMA).")
@click.option("--templat", "templates", type=click.Path(path_type=Path), metavar="FOLDER",
              help="Folder templat yang diedit: sisi berupa folder input disusun dengan templat itu.")
def diff(sides: tuple[Path, ...], rev: str | None, fmt: str, redline_out: Path | None, output: Path,
         templates: Path | None) -> None:
    """Bandingkan dua edisi per sheet, kunci (kode RO, No IKK, NIP, ...) dan kolom: rkt diff LAMA BARU.

    LAMA dan BARU masing-masing folder input, .docx hasil rkt (RKT, PK, LAKIN), atau edisi terbit
    (terbit:2025-Awal-Tahun, terbit:2025-LAKIN); folder input dibandingkan dengan LAKIN lewat LAKIN-nya.
    Setiap nilai workbook yang sampai ke dokumen dibandingkan; teks templat yang berubah ditampilkan
    sebagai teks. Dengan --rev REV cukup satu folder (bawaan inputs/): isinya pada revisi REV
    dibandingkan dengan isinya sekarang. Keluar dengan 0 bila dokumennya sama, 1 bila berbeda, 2 bila
    salah satu tidak dapat dibaca.

    \b
    Contoh:
      rkt diff terbit:2024-Awal-Tahun inputs
      rkt diff output/sebelumnya/RKT-2024-BKK-Kelas-II-Jambi.docx output/RKT-2024-BKK-Kelas-II-Jambi.docx
      rkt diff --rev HEAD~1            (inputs/ di commit sebelumnya vs sekarang)
      rkt diff --rev HEAD inputs --redline output          (redline-RKT-....docx dan redline-PK-....docx)
      rkt diff terbit:2024-Awal-Tahun inputs --redline output/redline.docx   (RKT saja)
      rkt diff output/RKT-2024-BKK-Kelas-II-Jambi.docx inputs --templat templat-2025   (prosa yang diedit)
    """
    if rev is not None and len(sides) <= 1:
        old = new = sides[0] if sides else Path("inputs")
    elif rev is None and len(sides) == 2:
        old, new = sides
    else:
        raise click.UsageError("beri LAMA dan BARU, atau --rev REV dengan satu folder input")
    # start-up: imported when the command runs
    from pipeline.document.package import NotAnRktDocument
    from pipeline.document.render import TemplateError
    from pipeline.files import FileProblem
    from pipeline.review.diff import compared, format_text, load_sides
    from pipeline.review.diff import diff as compare
    from pipeline.review.redline import write_redline, write_redlines

    try:
        before, after = load_sides(old, new, rev, output=output, templates=templates)
    except InputError as exc:
        _emit(exc.findings, "text")
        sys.exit(EXIT_UNUSABLE)
    except NotAnRktDocument as exc:
        _unusable(f"{exc}: bukan dokumen RKT buatan rkt (tidak ada snapshot)")
    except TemplateError as exc:
        _template_unusable(exc)
    except FileProblem as exc:
        _unusable(str(exc))
    if not compared(before, after):
        _unusable(f"{old} adalah dokumen {'/'.join(before.twins)}, {new} dokumen {'/'.join(after.twins)}: "
                  "bandingkan dokumen yang sejenis (RKT dengan RKT, PK dengan PK, LAKIN dengan LAKIN)")
    changes = compare(before, after)
    if fmt == "json":
        click.echo(json.dumps([c.to_dict() for c in changes], ensure_ascii=False, indent=2))
    else:
        click.echo(format_text(changes, before.snapshot, after.snapshot), nl=False)
    if redline_out is not None:
        try:
            if not redline_out.is_dir() and (redline_out.suffix.casefold() == ".docx" or redline_out.exists()):
                click.echo(str(write_redline(before, after, redline_out)), err=True)
                left = compared(before, after)[1:]
                if left:
                    click.echo(f"redline {', '.join(left)} tidak ditulis: beri --redline FOLDER untuk redline setiap "
                               "dokumen", err=True)
            else:
                for path in write_redlines(before, after, redline_out).values():
                    click.echo(str(path), err=True)
        except FileProblem as exc:
            _unusable(f"redline tidak dapat ditulis: {exc}")
    sys.exit(EXIT_FINDINGS if changes else EXIT_OK)


def _template_unusable(exc) -> None:
    """A template that cannot be filled: each problem with the paragraph it is in, then exit code 2."""
    _emit(exc.findings, "text", quiet=True)
    _unusable("templat tidak dapat dipakai: perbaiki templat pada paragraf di atas (periksa dengan rkt templat)"
              if exc.findings else str(exc))


@cli.command("templat")
@click.option("--templat", "templates", type=click.Path(path_type=Path), metavar="FOLDER",
              help="Folder berisi rkt.docx dan/atau pk.docx hasil suntingan (bawaan: templat bawaan rkt).")
@_inputs_option
@click.option("--output", "output", type=click.Path(path_type=Path), default=Path("output"), show_default=True,
              metavar="FOLDER",
              help="Folder tempat pratinjau ditulis.")
@click.option("-q", "--quiet", is_flag=True, help="Hanya tampilkan temuan, tanpa daftar tag.")
def templat_command(templates: Path | None, inputs: Path, output: Path, quiet: bool) -> None:
    """Periksa templat Word, lalu buat pratinjau dokumen dari workbook input.

    Untuk setiap templat (rkt.docx, pk.docx) dicetak setiap tag bersama teks di sekitarnya, lalu
    yang salah: tag yang rusak (kurung kurawal terpisah, tag terpotong ke paragraf lain), nama yang
    tidak ada dalam data dokumen, blok {% for %}/{% if %} yang tidak ditutup atau ditutup di tabel
    lain, tag {%tr %} di luar baris tabel. Setiap temuan menyebut paragrafnya (nomor, judul di
    atasnya, teks di sekitarnya). Bila tidak ada galat, dokumen diisi dari input dan ditulis sebagai
    pratinjau-RKT-....docx dan pratinjau-PK-....docx (dengan kembaran teksnya) di folder output;
    templat bawaan tidak pernah diubah. Keluar dengan 0 bila tidak ada galat, 1 bila ada galat
    templat, 2 bila templat, input atau output tidak dapat dipakai.

    \b
    Contoh:
      rkt templat                                   (templat bawaan)
      rkt templat --templat templat-2025 -q         (salinan yang diedit; hanya temuan)
    """
    # start-up: imported when the command runs
    from pipeline.document import tags
    from pipeline.document.documents import template_paths
    from pipeline.document.render import TemplateError
    from pipeline.edition import analyse, compose, preview
    from pipeline.files import FileProblem
    from pipeline.names import TEMPLATES

    try:
        paths = template_paths(templates)
    except FileProblem as exc:
        _unusable(str(exc))
    findings = []
    for kind, path in paths.items():
        if templates is not None and not (Path(templates) / TEMPLATES[kind]).is_file():
            continue  # the folder holds only the other template: this one is rkt's own
        report = tags.check(path, tags.SHAPES[kind])
        errors = sum(f.severity == "error" for f in report.findings)
        click.echo(f"{report.template}: {len(report.tags)} tag, {errors} galat, "
                   f"{len(report.findings) - errors} peringatan")
        if not quiet:
            for line in tags.tag_lines(report):
                click.echo(f"  {line}")
        findings += report.findings
    _emit(findings, "text", quiet=True)
    if any(f.rule == "templat.berkas" for f in findings):
        sys.exit(EXIT_UNUSABLE)
    if has_errors(findings):
        click.echo("Pratinjau tidak dibuat: perbaiki galat templat di atas.", err=True)
        sys.exit(EXIT_FINDINGS)
    try:
        analysis = analyse(inputs)
        written = preview(compose(analysis, draft=analysis.has_errors, templates=templates), output)
    except InputError as exc:
        _emit(exc.findings, "text")
        _unusable(f"pratinjau tidak dibuat: workbook di {inputs} tidak dapat dibaca")
    except TemplateError as exc:
        _emit(exc.findings, "text", quiet=True)
        click.echo("Pratinjau tidak dibuat: templat tidak dapat diisi dengan data dokumen.", err=True)
        sys.exit(EXIT_FINDINGS)
    except FileProblem as exc:
        _unusable(f"pratinjau tidak ditulis: {exc}")
    for path in written:
        if path.suffix == ".docx":
            click.echo(f"Pratinjau: {path}")
    sys.exit(EXIT_OK)


def _unusable(message: str) -> None:
    """Stop with one line on stderr and exit code 2: the request or its inputs cannot be used."""
    click.echo(f"GALAT {message}", err=True)
    sys.exit(EXIT_UNUSABLE)


@cli.command("revisi")
@_inputs_option
@click.option("--tanggal", metavar="TANGGAL", prompt="Tanggal penandatanganan revisi (mis. 2 Juli 2024)",
              help="Tanggal penandatanganan edisi revisi, mis. '2 Juli 2024' (ditanyakan bila tidak diberi).")
def revisi_command(inputs: Path, tanggal: str) -> None:
    """Mulai revisi: naikkan Edisi di identitas.xlsx (Awal Tahun -> Revisi 1 -> Revisi 2) dan isi tanggalnya.

    Hanya dua sel itu yang diubah, sehingga workbook, sampul dan nama file selalu sama edisinya.
    Edisi sebelumnya yang sudah diterbitkan (rkt build --final) tetap di terbit/. Keluar dengan 2
    bila workbook tidak dapat dibaca atau tanggalnya tidak sah.

    \b
    Contoh:
      rkt revisi --inputs inputs --tanggal "2 Juli 2024"
      rkt build --final --inputs inputs
    """
    # start-up: imported when the command runs
    from pipeline.files import FileProblem
    from pipeline.workbooks.revision import RevisionError, start_revision

    try:
        done = start_revision(inputs, tanggal)
    except InputError as exc:
        for f in exc.findings:
            click.echo(f"GALAT [{f.rule}] {f}", err=True)
        _unusable(f"workbook di {inputs} tidak dapat dibaca: perbaiki masalah di atas, lalu ulangi")
    except (RevisionError, FileProblem) as exc:
        _unusable(str(exc))
    click.echo(f"{done.path}: Edisi {done.old_edition} -> {done.new_edition}; Tanggal Penandatanganan "
               f"{done.old_date} -> {done.new_date}")


@cli.command("init")
@click.option("--year", type=click.IntRange(1900, 2200), required=True, metavar="TAHUN",
              help="Tahun RKT baru (tahun input + 1).")
@click.option("--from", "src", type=click.Path(path_type=Path), default=Path("inputs"), show_default=True,
              metavar="FOLDER", help="Folder workbook tahun ini; hanya dibaca.")
@click.option("--to", "dst", type=click.Path(path_type=Path), required=True, metavar="FOLDER",
              help="Folder workbook tahun baru.")
@click.option("--force", is_flag=True, help="Timpa workbook yang sudah ada di folder tujuan.")
def init_command(year: int, src: Path, dst: Path, force: bool) -> None:
    """Siapkan workbook tahun berikutnya dari workbook tahun ini.

    Prakiraan maju menjadi volume dan alokasi tahun baru, jadwal penarikan dan target bulanan
    dikosongkan, pegawai dan organisasi disalin; realisasi.xlsx tahun baru disiapkan (baris IKK
    dan RO, realisasi tahun ini masuk sheet Tahun Lalu); lalu dicetak daftar yang masih harus diisi.
    Folder sumber tidak diubah. Keluar dengan 2 bila input atau folder tujuan tidak dapat dipakai.

    \b
    Contoh:
      rkt init --year 2025 --from inputs --to inputs-2025
      rkt check --inputs inputs-2025    (galat jadwal dan target bulanan kosong memang diharapkan)
    """
    # start-up: imported when the command runs
    from pipeline.files import FileProblem
    from pipeline.workbooks.next_year import InitError, init_year

    try:
        result = init_year(src, dst, year, force=force)
    except InputError as exc:
        for f in exc.findings:
            click.echo(f"GALAT [{f.rule}] {f}", err=True)
        _unusable(f"workbook di {src} tidak dapat dibaca: perbaiki masalah di atas, lalu ulangi")
    except (InitError, OSError, FileProblem) as exc:
        _unusable(str(exc))
    click.echo(f"Workbook RKT {year} ditulis ke {dst}. Yang masih perlu diisi atau diperiksa:")
    for i, item in enumerate(result.todo, start=1):
        click.echo(f"{i}. {item}")


@cli.command("blank")
@click.argument("folder", type=click.Path(path_type=Path), metavar="FOLDER")
@click.option("--year", type=click.IntRange(1900, 2200), metavar="TAHUN",
              help="Tahun RKT; mengisi Tahun, Edisi dan Tanggal Penandatanganan di identitas.xlsx.")
@click.option("--force", is_flag=True, help="Timpa workbook yang sudah ada di FOLDER.")
def blank_command(folder: Path, year: int | None, force: bool) -> None:
    """Tulis lima workbook input kosong untuk kantor baru, dan realisasi.xlsx, masing-masing dengan sheet Petunjuk.

    Judul kolom, daftar pilihan dan format angka sudah terpasang; setelah diisi, periksa
    dengan rkt check. realisasi.xlsx diisi selama tahun berjalan (rkt capaian). Keluar dengan 2
    bila FOLDER sudah berisi workbook (kecuali --force).

    \b
    Contoh:
      rkt blank kantor-baru --year 2025
      rkt check --inputs kantor-baru    (setelah diisi)
    """
    # start-up: imported when the command runs
    from pipeline.files import FileProblem
    from pipeline.workbooks.blank import write_blank

    try:
        paths = write_blank(folder, year, force=force)
    except (OSError, FileProblem) as exc:
        _unusable(str(exc))
    for path in paths:
        click.echo(str(path))


@cli.command("rekap")
@click.option("--inputs", "inputs", type=click.Path(path_type=Path), multiple=True, required=True, metavar="FOLDER",
              help="Folder berisi lima workbook seksi satu kantor. Ulangi untuk setiap kantor.")
@click.option("--output", "output", type=click.Path(path_type=Path), default=Path("rekap.xlsx"), show_default=True,
              metavar="FILE", help="Workbook rekap yang ditulis (di luar folder input).")
@click.option("--workers", type=click.IntRange(min=1), default=None, metavar="N",
              help="Jumlah proses yang membaca kantor bersamaan (bawaan: jumlah CPU).")
def rekap_command(inputs: tuple[Path, ...], output: Path, workers: int | None) -> None:
    """Rekap beberapa kantor dalam satu workbook Excel untuk tim regional atau nasional.

    Sheet Kantor (pagu, sumber dana, pegawai, jumlah IKK dan RO, galat dan peringatan), IKK,
    RO (dengan subtotal per KRO, kolom Baris), Penarikan (penarikan bulanan) dan Grafik.
    Angka uang dalam ribu rupiah, sama dengan RKT masing-masing kantor; semua angka tersimpan
    sebagai angka (dapat diurutkan dan disaring) dan setiap sheet siap dicetak. Kantor yang tahun
    atau edisinya berbeda dari kantor lain ditandai di kolom Catatan Rekap. Kantor yang inputnya
    tidak dapat dibaca tetap tercantum di sheet Kantor dengan statusnya, dan kantor lain tetap
    direkap. Workbook input hanya dibaca. Keluar dengan 0 bila semua kantor terbaca, 2 bila ada
    kantor yang tidak dapat dibaca atau file rekap tidak dapat ditulis.

    \b
    Contoh:
      rkt rekap --inputs jambi --inputs padang --inputs palembang --output rekap.xlsx
      rkt rekap --inputs jambi --inputs padang --output regional/rekap-2025.xlsx --workers 2
    """
    # start-up: imported when the command runs
    from pipeline.files import FileProblem
    from pipeline.rollup import check_output, displayable, rollup, write_rollup

    try:
        check_output(output, inputs)
        result = rollup(inputs, workers)
        width = max(len(displayable(f)) for f, _ in result.statuses)
        for folder, status in result.statuses:
            click.echo(f"{displayable(folder).ljust(width)}  {displayable(status)}")
        for folder, why in result.flagged:
            click.echo(f"PERINGATAN {displayable(folder)}: {why} (kolom Catatan Rekap)", err=True)
        written = write_rollup(result, output)
    except FileProblem as exc:
        _unusable(str(exc))
    click.echo(str(written))
    sys.exit(EXIT_UNUSABLE if result.unreadable else EXIT_OK)


@cli.command("capaian")
@_inputs_option
@click.option("--sampai", required=True,
              help="Bulan atau triwulan terakhir yang diukur: Juni, Jun, 6, TW II, Triwulan 2.")
@click.option("--output", "output", type=click.Path(path_type=Path), default=Path("output"), show_default=True,
              metavar="FOLDER", help="Folder tujuan workbook capaian.")
def capaian_command(inputs: Path, sampai: str, output: Path) -> None:
    """Ukur capaian setiap IKK dan penyerapan anggaran s.d. bulan atau triwulan, dari realisasi.xlsx.

    Menulis Capaian-<tahun>-<periode>-<kantor>.xlsx dan laporan singkatnya (.docx, dengan grafik
    rencana dan realisasi) dari pengukuran yang sama: Target PK, target periode, realisasi, capaian
    dan kategori setiap IKK dan komponennya (dengan kendala dan upaya triwulan itu); pagu, rencana,
    realisasi, penyerapan dan deviasi rata-rata per RO, per IKK, per sumber dana dan per bulan,
    dengan grafik rencana dan realisasi. Angka disimpan sebagai angka berformat Indonesia, siap
    diurutkan, dicetak dan ditempel ke e-Performance atau e-Monev. Workbook tidak ditulis bila ada
    galat (keluar dengan 1); keluar dengan 2 bila input, realisasi.xlsx atau --sampai tidak dapat
    dipakai.

    \b
    Contoh:
      rkt capaian --inputs inputs --sampai Juni --output output
      rkt capaian --sampai "TW III"
    """
    # start-up: imported when the command runs
    from pipeline.capaian import capaian
    from pipeline.files import FileProblem
    from pipeline.plan.realisation import PeriodError, period

    try:
        at = period(sampai)
    except PeriodError as exc:
        raise click.BadParameter(str(exc), param_hint="--sampai") from None
    try:
        result = capaian(inputs, output, at)
    except InputError as exc:
        _emit(exc.findings, "text")
        sys.exit(EXIT_UNUSABLE)
    except FileProblem as exc:
        _unusable(str(exc))
    _emit(result.findings, "text")
    if result.path is None:
        click.echo("Workbook capaian tidak ditulis: perbaiki galat di atas.", err=True)
        sys.exit(EXIT_FINDINGS)
    for line in result.lagging:
        click.echo(f"PERINGATAN {line} (periode {at.label})", err=True)
    click.echo(str(result.path))
    click.echo(str(result.report))
    sys.exit(EXIT_OK)


@cli.command("lakin")
@_inputs_option
@click.option("--output", "output", type=click.Path(path_type=Path), default=Path("output"), show_default=True,
              metavar="FOLDER", help="Folder tujuan dokumen.")
@click.option("--draft", is_flag=True, help="Tetap tulis LAKIN walau ada galat: bertanda DRAF di setiap halaman.")
@click.option("--final", is_flag=True,
              help="LAKIN yang akan ditandatangani: simpan juga dokumen, laporan dan workbook-nya di "
                   "terbit/<tahun>-LAKIN/, baca-saja.")
@click.option("--templat", "templates", type=click.Path(path_type=Path), metavar="FOLDER",
              help="Folder berisi lakin.docx hasil suntingan (bawaan: templat rkt).")
def lakin_command(inputs: Path, output: Path, draft: bool, final: bool, templates: Path | None) -> None:
    """Tulis Laporan Kinerja (LAKIN) tahun ini dari rencana dan realisasi.xlsx.

    Menulis LAKIN-<tahun>-<kantor>.docx dan kembaran teksnya: Kata Pengantar, Ikhtisar Eksekutif,
    Bab I-IV (Perjanjian Kinerja, capaian setiap IKK terhadap target dan tahun sebelumnya, kendala
    dan upaya, efisiensi, realisasi anggaran) dan lampiran PK setiap edisi yang terbit di terbit/
    (atau PK saat ini). Setiap target sama dengan PK, setiap realisasi sama dengan workbook.
    Periode yang diukur: s.d. bulan terakhir yang dilaporkan. Tidak ditulis bila ada galat (keluar
    dengan 1; --draft menulis LAKIN-...-DRAF.docx); keluar dengan 2 bila input, realisasi.xlsx atau
    templat tidak dapat dipakai.

    \b
    Contoh:
      rkt lakin --inputs inputs --output output
      rkt lakin --final
    """
    # start-up: imported when the command runs
    from pipeline.document.render import TemplateError
    from pipeline.files import FileProblem
    from pipeline.lakin import lakin

    if final and draft:
        raise click.UsageError("--final menerbitkan LAKIN yang ditandatangani; draf tidak dapat diterbitkan")
    try:
        result = lakin(inputs, output, draft=draft, final=final, templates=templates)
    except InputError as exc:
        _emit(exc.findings, "text")
        sys.exit(EXIT_UNUSABLE)
    except TemplateError as exc:
        _template_unusable(exc)
    except FileProblem as exc:
        _unusable(str(exc))
    _emit(result.findings, "text")
    if result.path is None:
        click.echo("LAKIN tidak ditulis: perbaiki galat di atas, atau buat draf dengan --draft.", err=True)
        sys.exit(EXIT_FINDINGS)
    click.echo(str(result.path))
    if result.issued is not None:
        click.echo(f"LAKIN terbit: {result.issued}", err=True)
    if result.problem:
        _unusable(result.problem)
    sys.exit(EXIT_FINDINGS if result.has_errors else EXIT_OK)


@cli.command("serve")
@click.option("--inputs", "inputs", type=click.Path(path_type=Path, file_okay=False), multiple=True, metavar="FOLDER",
              help="Folder workbook satu kantor (bawaan: inputs). Ulangi untuk setiap kantor.")
@click.option("--host", default="127.0.0.1", show_default=True, metavar="HOST",
              help="Alamat yang didengarkan; selain 127.0.0.1 (mis. 0.0.0.0 untuk jaringan kantor) setiap kantor "
                   "perlu kunci akses (rkt kunci).")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, metavar="PORT",
              help="Port halaman (0: port bebas mana pun).")
@click.option("--no-browser", is_flag=True, help="Jangan buka peramban.")
def serve_command(inputs: tuple[Path, ...], host: str, port: int, no_browser: bool) -> None:
    """Buka halaman rkt di peramban: periksa, unggah, build dan unduh tanpa terminal.

    Untuk setiap folder kantor: ringkasan kantor, semua temuan per workbook dan pemiliknya (sheet
    dan sel), salinan bertanda, unggah versi baru workbook (langsung diperiksa; versi lama disimpan
    di versi-lama/), build, draf dan terbitkan (--final), unduh RKT, PK, PDF dan laporan, serta
    diff dan redline terhadap edisi terbit. Hasil build ditulis ke <folder>/output. Halaman hanya
    untuk komputer ini kecuali --host diberi; Ctrl+C menghentikannya.

    \b
    Contoh:
      rkt serve
      rkt serve --inputs jambi --inputs padang --port 8080
      rkt kunci --inputs jambi --acak
      rkt serve --inputs jambi --host 0.0.0.0 --no-browser
    """
    # start-up: Flask and waitress load only for the page
    from pipeline.web.serve import ServeError, serve

    try:
        serve(inputs or (Path("inputs"),), host=host, port=port, browser=not no_browser)
    except ServeError as exc:
        _unusable(str(exc))


@cli.command("kunci")
@_inputs_option
@click.option("--acak", is_flag=True, help="Buat kunci acak dan cetak sekali (tanpa ditanya).")
@click.option("--hapus", is_flag=True, help="Hapus kunci akses kantor ini.")
def kunci_command(inputs: Path, acak: bool, hapus: bool) -> None:
    """Tetapkan kunci akses halaman (rkt serve) untuk satu folder kantor; disimpan hanya sebagai hash.

    Tanpa --acak kunci ditanyakan dua kali (minimal 8 karakter, tidak tampil saat diketik). Kunci
    disimpan sebagai hash scrypt di <folder>/.rkt-kunci; peramban yang memberi kunci hanya melihat
    kantor itu. rkt serve dengan --host selain 127.0.0.1 menolak berjalan sebelum setiap kantor
    punya kunci. Keluar dengan 2 bila folder tidak dapat dipakai.

    \b
    Contoh:
      rkt kunci --inputs jambi --acak
      rkt kunci --inputs padang
      rkt kunci --inputs padang --hapus
    """
    # start-up: imported when the command runs
    from pipeline.files import FileProblem
    from pipeline.web.keys import new_key, remove_key, set_key

    try:
        if hapus:
            click.echo(f"Kunci akses {inputs} dihapus." if remove_key(inputs) else f"{inputs} tidak punya kunci akses.")
            return
        key = new_key() if acak else click.prompt("Kunci akses", hide_input=True, prompt_suffix=": ")
        if not acak and click.prompt("Ulangi kunci akses", hide_input=True, prompt_suffix=": ") != key:
            _unusable("kedua kunci tidak sama; ulangi rkt kunci")
        path = set_key(inputs, key)
    except FileProblem as exc:
        _unusable(str(exc))
    click.echo(f"Kunci akses disimpan (sebagai hash) di {path}.")
    if acak:
        click.echo(f"Kunci akses {inputs}: {key}")
        click.echo("Berikan kunci ini kepada kantornya; rkt tidak dapat menampilkannya lagi.")


def _interrupted(signum, frame) -> None:
    """SIGTERM (timeout, CI, a service manager) unwinds like Ctrl-C: every pending temporary file is removed."""
    raise SystemExit(128 + signum)


def main() -> None:
    """The console script: SIGTERM handled like Ctrl-C, text any terminal can show, and a garbage
    collector set for one short run.

    A build keeps a few hundred thousand objects alive until it ends (the libraries' modules,
    the templates' compiled code, XML trees, workbook cells). Python's default collector looks
    for garbage every 700 new objects and, every so often, walks all of them; at exit it walks
    them once more: a fifth of a build's time, measured (benchmarks/README.md). Young objects
    are looked at every 10 000 new ones instead, so the cycles a build drops are still freed as
    it goes; what is alive at the end is frozen, as the process hands its memory back anyway.
    """
    signal.signal(signal.SIGTERM, _interrupted)
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    gc.set_threshold(10_000)
    try:
        cli()
    finally:
        gc.freeze()
