"""`rkt diff` of two inputs folders names a changed realisation value; documents never carry the realisation."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.review.diff import diff, load_side
from tests.builders import mini_data, mini_realisation, write_inputs


def _with_realisation(data=None) -> dict:
    data = data or mini_data()
    data["realisasi"] = mini_realisation()
    return data


def _copy_with(old: Path, new: Path, data: dict, keys: tuple[str, ...]) -> Path:
    """A copy of `old` with the workbooks `keys` of `data` written again (only those: a save changes the bytes)."""
    shutil.copytree(old, new)
    return write_inputs(new, {k: data[k] for k in keys})


def test_a_changed_realisation_value_is_named_by_sheet_key_and_column(tmp_path):
    old = write_inputs(tmp_path / "old", _with_realisation())
    data = _with_realisation()
    data["realisasi"]["Realisasi Anggaran"][0]["m02"] = 9_500
    data["realisasi"]["Penjelasan"][0]["actions"] = "Lelang ulang"
    new = _copy_with(old, tmp_path / "new", data, ("realisasi",))
    changes = [(c.section, c.key, c.field, c.old, c.new) for c in diff(load_side(old), load_side(new))]
    assert changes == [("Realisasi Anggaran", "QAH.017 / ", "Feb", "9.000", "9.500"),
                       ("Penjelasan", "2 / II", "Upaya / Tindak Lanjut",
                        "Jadwal lelang dipercepat; penarikan Juli ditambah", "Lelang ulang")]
    result = CliRunner().invoke(cli, ["diff", str(old), str(new)])
    assert result.exit_code == 1
    assert "Realisasi Anggaran: Kode RO QAH.017 / Sumber Dana\n  Feb: 9.000 -> 9.500 (selisih +500)" in result.output
    assert "Penjelasan: No IKK 2 / Triwulan II" in result.output


def test_a_realisation_added_and_an_arah_changed(tmp_path):
    old = write_inputs(tmp_path / "old")
    data = _with_realisation()
    data["kinerja"]["IKK"][1]["direction"] = "Turun"
    new = _copy_with(old, tmp_path / "new", data, ("realisasi", "kinerja"))
    result = CliRunner().invoke(cli, ["diff", str(old), str(new)])
    assert result.exit_code == 1
    assert "IKK: No 2\n  Arah: (kosong) -> Turun" in result.output
    assert "Realisasi IKK: No IKK 2 / Komponen\n  ditambah: Jan: 4%; Feb: 9%;" in result.output
    assert "Laporan\n  ditambah: Tahun: 2024" in result.output


def test_the_realisation_never_reaches_a_document_side(tmp_path):
    folder = write_inputs(tmp_path / "in", _with_realisation())
    built = CliRunner().invoke(cli, ["build", "--inputs", str(folder), "--output", str(tmp_path / "out"), "-q"])
    assert built.exit_code == 0, built.output
    (document,) = (tmp_path / "out").glob("RKT-*.docx")
    assert load_side(document).realisation is None and load_side(folder).realisation
    result = CliRunner().invoke(cli, ["diff", str(document), str(folder)])
    assert result.exit_code == 0, result.output


def test_a_revision_before_the_realisation_existed(committed_inputs):
    write_inputs(committed_inputs, {"realisasi": mini_realisation()})
    result = CliRunner().invoke(cli, ["diff", "--rev", "HEAD", str(committed_inputs)])
    assert result.exit_code == 1 and "Realisasi Anggaran: Kode RO EBA.994 / Sumber Dana" in result.output
    subprocess.run(["git", "add", "."], cwd=committed_inputs.parent, check=True)
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "realisasi"],
                   cwd=committed_inputs.parent, check=True)
    assert CliRunner().invoke(cli, ["diff", "--rev", "HEAD", str(committed_inputs)]).exit_code == 0
