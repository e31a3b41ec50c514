"""Never race a person: rkt rewrites no workbook a planner has open, and a revision is signed after what it revises.

Excel marks an open workbook with `~$name` beside it, LibreOffice with `.~lock.name#`; the
planner's next save would silently undo what rkt wrote. `rkt revisi`, `rkt init --to` an
existing folder and `rkt blank --force` refuse while either is there, naming it, and write
nothing; once it is gone they succeed.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from pipeline.cli import cli
from tests.builders import mini_data, write_inputs

LOCKS = ("~${}", ".~lock.{}#")


def rkt(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def hashes(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


def form(inputs: Path) -> dict:
    return {r[0].value: r[1].value for r in load_workbook(inputs / "identitas.xlsx")["Identitas"].iter_rows()}


@pytest.mark.parametrize("lock", LOCKS)
def test_revisi_waits_for_the_planner_to_close_the_identity_workbook(tmp_path, lock):
    inputs = write_inputs(tmp_path / "inputs")
    held = inputs / lock.format("identitas.xlsx")
    held.write_bytes(b"planner")
    before = hashes(inputs)
    result = rkt("revisi", "--inputs", inputs, "--tanggal", "2 Juli 2024")
    assert result.exit_code == 2, result.output
    assert held.name in result.output and "sedang dibuka" in result.output
    assert hashes(inputs) == before
    held.unlink()
    assert rkt("revisi", "--inputs", inputs, "--tanggal", "2 Juli 2024").exit_code == 0
    assert form(inputs)["Edisi"] == "Revisi 1"


@pytest.mark.parametrize("command", ["init", "blank"])
@pytest.mark.parametrize("lock", LOCKS)
def test_no_workbook_is_rewritten_while_it_is_open(tmp_path, lock, command):
    src, dst = write_inputs(tmp_path / "src"), write_inputs(tmp_path / "dst")
    held = dst / lock.format("kinerja.xlsx")
    held.write_bytes(b"planner")
    before = hashes(dst)
    args = (["init", "--year", 2025, "--from", src, "--to", dst, "--force"] if command == "init" else
            ["blank", dst, "--force"])
    result = rkt(*args)
    assert result.exit_code == 2 and held.name in result.output, result.output
    assert hashes(dst) == before, "not one of the five written"
    held.unlink()
    assert rkt(*args).exit_code == 0
    assert hashes(dst) != before


@pytest.mark.parametrize(("previous", "date", "ok"), [
    ("Januari 2024", "2 Januari 2024", True),
    ("2 Juli 2024", "2 Juli 2024", True),
    ("2 Juli 2024", "1 Juli 2024", False),
    ("2 Juli 2024", "Juni 2024", False),
    ("Juli 2024", "1 Juli 2024", True),
    ("2 Juli 2024", "31 Desember 2023", False),
    ("15 Maret 2024", "16 Maret 2024", True),
])
def test_revision_dates_only_move_forward(tmp_path, previous, date, ok):
    data = mini_data()
    data["identitas"]["Identitas"]["sign_date"] = previous
    inputs = write_inputs(tmp_path / "inputs", data)
    before = hashes(inputs)
    result = rkt("revisi", "--inputs", inputs, "--tanggal", date)
    assert (result.exit_code == 0) == ok, result.output
    if not ok:
        assert result.exit_code == 2 and "lebih awal" in result.output and previous in result.output
        assert hashes(inputs) == before


@pytest.mark.parametrize("lock", ["~$T-2024-BKK-Kelas-II-Contoh.docx", ".~lock.RKT-2024-BKK-Kelas-II-Contoh.docx#"])
def test_a_build_never_replaces_a_document_open_in_word_or_libreoffice(tmp_path, lock):
    inputs, out = write_inputs(tmp_path / "inputs"), tmp_path / "output"
    assert rkt("build", "--inputs", inputs, "--output", out).exit_code == 0
    (out / lock).write_bytes(b"reader")
    before = hashes(out)
    data = mini_data()
    data["jadwal"]["Jadwal"][0]["m05"] -= 1_000
    data["jadwal"]["Jadwal"][0]["m06"] += 1_000
    data["jadwal"]["Jadwal"][-1]["m05"] -= 1_000
    data["jadwal"]["Jadwal"][-1]["m06"] += 1_000
    write_inputs(inputs, data)
    result = rkt("build", "--inputs", inputs, "--output", out)
    assert result.exit_code == 2 and "sedang dibuka" in result.output and lock in result.output, result.output
    assert hashes(out) == before
