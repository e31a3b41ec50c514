"""An issued edition is never lost: rkt build --final archives it read-only, a revision is one command."""

from __future__ import annotations

import hashlib
import os
import stat
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from pipeline.archive import issued_documents
from pipeline.cli import cli
from pipeline.files import FileProblem
from tests.builders import mini_data, write_inputs
from tests.test_reproducible import move_1000

STEM = "RKT-2024-BKK-Kelas-II-Contoh"


def rkt(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def digests(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def issued(tmp_path):
    """The mini office's Awal Tahun 2024 issued with --final: (inputs, output, archive folder)."""
    inputs, out = write_inputs(tmp_path / "inputs"), tmp_path / "output"
    result = rkt("build", "--final", "--inputs", inputs, "--output", out)
    assert result.exit_code == 0, result.output
    return inputs, out, out / "terbit" / "2024-Awal-Tahun"


def test_final_keeps_the_document_report_and_workbooks_read_only(issued):
    inputs, out, archive = issued
    names = sorted(p.name for p in archive.iterdir() if not p.name.startswith("."))
    pk = STEM.replace("RKT-", "PK-", 1)
    assert names == [f"{pk}.docx", f"{pk}.md", f"{STEM}-pemeriksaan.md", f"{STEM}.docx", f"{STEM}.md", "input"]
    for name in (f"{STEM}.docx", f"{pk}.docx"):
        assert (archive / name).read_bytes() == (out / name).read_bytes()
    assert digests(archive / "input") == digests(inputs)
    for path in archive.rglob("*"):
        assert not path.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH), path


def test_issuing_the_same_edition_again_from_the_same_workbooks_changes_nothing(issued):
    inputs, out, archive = issued
    before = digests(archive)
    assert rkt("build", "--final", "--inputs", inputs, "--output", out).exit_code == 0
    assert digests(archive) == before


def test_a_signed_edition_is_never_replaced_from_other_workbooks(issued):
    inputs, out, archive = issued
    before, document = digests(archive), (out / f"{STEM}.docx").read_bytes()
    data = mini_data()
    move_1000(data)
    write_inputs(inputs, data)
    result = rkt("build", "--final", "--inputs", inputs, "--output", out)
    assert result.exit_code == 2
    assert "edisi Awal Tahun 2024 sudah terbit" in result.output and "rkt revisi" in result.output
    assert digests(archive) == before and (out / f"{STEM}.docx").read_bytes() == document, "refused before writing"
    assert f"rkt revisi --inputs {inputs}" in result.output, "the message names the folder used"
    ordinary = rkt("build", "--inputs", inputs, "--output", out)
    assert ordinary.exit_code == 2, "the issued name keeps the issued document"
    assert f"rkt build --draft --inputs {inputs} --output {out}" in ordinary.output
    assert (out / f"{STEM}.docx").read_bytes() == document
    assert rkt("build", "--draft", "--inputs", inputs, "--output", out).exit_code == 0, "a draft is free"
    assert digests(archive) == before, "and never touches the archive"


@pytest.mark.parametrize("command", [
    lambda a, t: ("build", "--inputs", t / "inputs", "--output", a),
    lambda a, t: ("revisi", "--inputs", a / "input", "--tanggal", "2 Juli 2024"),
    lambda a, t: ("init", "--year", "2025", "--from", t / "inputs", "--to", a / "input", "--force"),
    lambda a, t: ("blank", a / "input", "--force"),
    lambda a, t: ("diff", t / "inputs", a / "input", "--redline", a / "redline.docx"),
])
def test_no_command_writes_into_an_issued_edition(issued, tmp_path, command):
    _, _, archive = issued
    before = digests(archive)
    result = rkt(*command(archive, tmp_path))
    assert result.exit_code == 2, result.output
    assert digests(archive) == before


def test_an_issued_edition_rebuilds_elsewhere_byte_for_byte(issued, tmp_path):
    _, _, archive = issued
    before = digests(archive)
    assert rkt("build", "--inputs", archive / "input", "--output", tmp_path / "again").exit_code == 0
    assert (tmp_path / "again" / f"{STEM}.docx").read_bytes() == (archive / f"{STEM}.docx").read_bytes()
    assert digests(archive) == before


def test_a_revision_is_one_command_and_issues_beside_the_first(issued):
    inputs, out, archive = issued
    result = rkt("revisi", "--inputs", inputs, "--tanggal", "2 Juli 2024")
    assert result.exit_code == 0, result.output
    assert "Edisi Awal Tahun -> Revisi 1; Tanggal Penandatanganan Januari 2024 -> 2 Juli 2024" in result.output
    form = {r[0].value: r[1].value for r in load_workbook(inputs / "identitas.xlsx")["Identitas"].iter_rows()}
    assert form["Edisi"] == "Revisi 1" and form["Tanggal Penandatanganan"] == "2 Juli 2024"
    data = mini_data()
    move_1000(data)
    write_inputs(inputs, {k: v for k, v in data.items() if k != "identitas"})
    assert rkt("build", "--final", "--inputs", inputs, "--output", out).exit_code == 0
    assert (out / "terbit" / "2024-Revisi-1" / "RKT-2024-Revisi-1-BKK-Kelas-II-Contoh.docx").is_file()
    assert (archive / f"{STEM}.docx").is_file()
    again = rkt("revisi", "--inputs", inputs, "--tanggal", "1 Agustus 2024")
    assert again.exit_code == 0 and "Revisi 1 -> Revisi 2" in again.output


def test_a_revision_date_outside_the_plan_year_is_refused(issued):
    inputs = issued[0]
    result = rkt("revisi", "--inputs", inputs, "--tanggal", "2 Juli 2030")
    assert result.exit_code == 2 and "di luar tahun rencana" in result.output
    assert rkt("revisi", "--inputs", inputs, "--tanggal", "31 Juni 2024").exit_code == 2


def test_diff_against_an_issued_edition_and_a_redline_dated_from_the_new_signing(issued, tmp_path):
    inputs, out, _ = issued
    rkt("revisi", "--inputs", inputs, "--tanggal", "2 Juli 2024")
    data = mini_data()
    move_1000(data)
    write_inputs(inputs, {k: v for k, v in data.items() if k != "identitas"})
    redline = tmp_path / "redline.docx"
    result = rkt("diff", "terbit:2024-Awal-Tahun", inputs, "--output", out, "--redline", redline)
    assert result.exit_code == 1, result.output
    assert "Edisi: Awal Tahun -> Revisi 1" in result.output and "Mei: 10.000 -> 9.000" in result.output
    with zipfile.ZipFile(redline) as zf:
        assert 'w:date="2024-07-02T00:00:00Z"' in zf.read("word/document.xml").decode()
    missing = rkt("diff", "terbit:2023-Awal-Tahun", inputs, "--output", out)
    assert missing.exit_code == 2 and "yang ada: 2024-Awal-Tahun" in missing.output


def test_final_is_not_for_drafts(tmp_path):
    result = rkt("build", "--final", "--draft", "--inputs", write_inputs(tmp_path / "in"), "--output", tmp_path / "o")
    assert result.exit_code == 2 and "draf tidak dapat diterbitkan" in result.output


def test_final_refuses_an_edition_holding_a_default_national_text(tmp_path):
    """A 2025 edition whose Visi Presiden rkt does not know is no fact to sign: nothing is written or issued."""
    data = mini_data()
    data["identitas"]["Identitas"].update(year=2025, sign_date="Januari 2025", renstra_regulation="Permenkes Renstra",
                                          organisation_regulation="Permenkes Organisasi")
    inputs, out = write_inputs(tmp_path / "inputs", data), tmp_path / "output"
    result = rkt("build", "--final", "--inputs", inputs, "--output", out)
    assert result.exit_code != 0 and "Visi Presiden" in result.output and "B24" in result.output
    assert not (out / "terbit").exists() and not list(out.glob("RKT-*.docx"))
    assert rkt("build", "--inputs", inputs, "--output", out).exit_code == 0  # an ordinary build still writes it


def test_without_libreoffice_the_issued_edition_says_it_keeps_no_pdf(issued, tmp_path):
    inputs, out, archive = issued
    assert not list(archive.glob("*.pdf"))
    data = mini_data()
    data["identitas"]["Identitas"]["edition"] = "Revisi 1"
    result = rkt("build", "--final", "--inputs", write_inputs(tmp_path / "rev", data), "--output", out)
    assert result.exit_code == 0 and "PDF tidak disimpan di terbit/" in result.output


@pytest.mark.office
def test_with_libreoffice_the_issued_edition_keeps_each_document_s_pdf(office_tools, tmp_path):
    inputs, out = write_inputs(tmp_path / "inputs"), tmp_path / "output"
    result = rkt("build", "--final", "--inputs", inputs, "--output", out)
    archive = out / "terbit" / "2024-Awal-Tahun"
    assert result.exit_code == 0 and "PDF tidak disimpan" not in result.output
    pdfs = sorted(p.name for p in archive.glob("*.pdf"))
    assert pdfs == ["PK-2024-BKK-Kelas-II-Contoh.pdf", f"{STEM}.pdf"]
    assert all(p.read_bytes().startswith(b"%PDF") for p in archive.glob("*.pdf"))


# --- an edition counts only when it is what its mark records ------------------------------------

def writable(folder: Path) -> None:
    for path in [folder, *folder.rglob("*")]:
        os.chmod(path, 0o755 if path.is_dir() else 0o644)


def modes(folder: Path) -> dict[str, int]:
    return {str(p.relative_to(folder)): p.stat().st_mode for p in sorted(folder.rglob("*"))}


def test_an_edition_folder_that_is_a_symlink_receives_nothing(tmp_path):
    """Linked to the input folder, it would receive the documents, the mark and read-only permissions."""
    inputs, out = write_inputs(tmp_path / "inputs"), tmp_path / "output"
    (out / "terbit").mkdir(parents=True)
    (out / "terbit" / "2024-Awal-Tahun").symlink_to(inputs, target_is_directory=True)
    before, permissions = digests(inputs), modes(inputs)
    result = rkt("build", "--final", "--inputs", inputs, "--output", out)
    assert result.exit_code == 2 and "symlink" in result.output
    assert digests(inputs) == before and modes(inputs) == permissions
    assert rkt("revisi", "--inputs", inputs, "--tanggal", "2 Juli 2024").exit_code == 0, "not taken for an edition"


def test_an_edition_whose_mark_was_lost_is_never_overwritten(issued):
    """A copy tool that drops dot-files loses the mark: the folder is not issued again from other workbooks."""
    inputs, out, archive = issued
    writable(archive)
    (archive / ".rkt-terbit").unlink()
    before = digests(archive)
    data = mini_data()
    move_1000(data)
    write_inputs(inputs, data)
    result = rkt("build", "--final", "--inputs", inputs, "--output", out)
    assert result.exit_code == 2 and "tanda edisi terbit .rkt-terbit tidak ada" in result.output
    assert digests(archive) == before


def test_an_edition_whose_files_changed_is_no_edition_to_compare_with(issued):
    inputs, out, archive = issued
    writable(archive)
    (archive / "input" / "pegawai.xlsx").write_bytes(b"diganti")
    result = rkt("diff", "terbit:2024-Awal-Tahun", inputs, "--output", out)
    assert result.exit_code == 2 and "input/pegawai.xlsx hilang atau berubah sejak terbit" in result.output


def test_an_edition_issued_before_marks_held_digests_still_counts(issued):
    inputs, out, archive = issued
    writable(archive)
    (archive / ".rkt-terbit").write_bytes(b"")
    assert rkt("diff", "terbit:2024-Awal-Tahun", inputs, "--output", out).exit_code == 0
    assert rkt("build", "--final", "--inputs", inputs, "--output", out).exit_code == 0


@pytest.mark.parametrize("name", ["../../inputs", "..", "", "/etc", "2024-Awal-Tahun/../../inputs",
                                  "2024-Awal-Tahun/input", "2024-" + "A" * 5000, "2024-Ä"])
def test_terbit_names_only_an_edition_of_the_archive(issued, name):
    inputs, out, _ = issued
    result = rkt("diff", f"terbit:{name}", inputs, "--output", out)
    assert result.exit_code == 2 and "bukan nama edisi terbit" in result.output
    assert "Traceback" not in result.output and "Tidak ada perubahan" not in result.output


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.text(max_size=80))
def test_no_terbit_name_reads_outside_the_archive(issued, name):
    _, out, _ = issued
    try:
        docs = issued_documents(out, name)
    except FileProblem:
        return
    assert name == "2024-Awal-Tahun" and all(p.parent == out / "terbit" / name for p in docs.values())
