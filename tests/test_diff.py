"""Semantic diff between two editions given as inputs folders (built documents: test_reproducible)."""

from __future__ import annotations

import json
import tempfile

from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.review.diff import diff, load_side
from tests.builders import mini_data, write_inputs


def _pairs(tmp_path, change):
    old = write_inputs(tmp_path / "old")
    data = mini_data()
    change(data)
    new = write_inputs(tmp_path / "new", data)
    return old, new


def _flat(old, new):
    return [(c.section, c.key, c.field, c.old, c.new) for c in diff(load_side(old), load_side(new))]


def test_identical_inputs_have_no_changes(tmp_path):
    old, new = _pairs(tmp_path, lambda d: None)
    assert _flat(old, new) == []
    result = CliRunner().invoke(cli, ["diff", str(old), str(new)])
    assert result.exit_code == 0
    assert "Tidak ada perubahan." in result.output


def test_moving_money_between_months_shows_exactly_those_two_cells(tmp_path):
    def move(d):
        row = d["jadwal"]["Jadwal"][0]
        row["m05"] -= 1_000
        row["m06"] += 1_000
        total = d["jadwal"]["Jadwal"][-1]
        total["m05"] -= 1_000
        total["m06"] += 1_000

    old, new = _pairs(tmp_path, move)
    assert _flat(old, new) == [
        ("ro", "QAH.017", "Mei", 10_000, 9_000),
        ("ro", "QAH.017", "Juni", 10_000, 11_000),
    ]
    result = CliRunner().invoke(cli, ["diff", str(old), str(new)])
    assert result.exit_code == 1
    assert "Mei: 10.000 -> 9.000 (selisih -1.000)" in result.output
    assert "Pagu: 1.351.500 -> 1.351.500 (selisih 0)" in result.output


def test_added_and_removed_ro(tmp_path):
    def swap(d):
        ro = d["pendanaan"]["RO"][1]
        ro["code"] = "QAH.U15"
        ro["name"] = "Layanan survei faktor risiko penyakit TB"
        for link in d["pendanaan"]["IKK-RO"]:
            if link["code"] == "QAH.U14":
                link["code"], link["name"] = "QAH.U15", None
        d["jadwal"]["Jadwal"][1]["code"] = "QAH.U15"
        d["jadwal"]["Jadwal"][1]["name"] = None

    old, new = _pairs(tmp_path, swap)
    flat = _flat(old, new)
    assert [(s, k, f) for s, k, f, *_ in flat if s == "ro"] == [("ro", "QAH.U14", ""), ("ro", "QAH.U15", "")]
    assert flat[0][3]["amount"] == 31_500 and flat[0][4] is None
    assert ("ikk", "1", "ros", ["QAH.017", "QAH.U14"], ["QAH.017", "QAH.U15"]) in flat
    text = CliRunner().invoke(cli, ["diff", str(old), str(new)]).output
    assert "dihapus: Layanan survei faktor risiko penyakit HIV AIDS (alokasi 31.500)" in text
    assert "ditambah: Layanan survei faktor risiko penyakit TB (alokasi 31.500)" in text


def test_changed_nip_is_one_change(tmp_path):
    def renumber(d):
        d["pegawai"]["Pegawai"][1]["nip"] = "198503122010012099"

    old, new = _pairs(tmp_path, renumber)
    assert _flat(old, new) == [("nip", "Siti Aminah, SKM", "nip", "198503122010012001", "198503122010012099")]


def test_changed_source_and_target_and_staff_counts(tmp_path):
    def change(d):
        d["pendanaan"]["RO"][0]["pnbp"] = 121_000
        d["jadwal"]["Jadwal"][0]["m12"] = 21_000
        d["kinerja"]["Target Bulanan"][2]["m12"] = 97
        d["pegawai"]["Pegawai"][2]["grade"] = "III/a"

    old, new = _pairs(tmp_path, change)
    flat = _flat(old, new)
    assert ("ro", "QAH.017", "pnbp", 120_000, 121_000) in flat
    assert ("ro", "QAH.017", "amount", 120_000, 121_000) in flat
    assert ("ro", "QAH.017", "Desember", 20_000, 21_000) in flat
    assert ("ikk", "2", "Desember", 96, 97) in flat
    assert ("staff", "tabel1", "II|D", 1, 0) in flat and ("staff", "tabel1", "III|A", 0, 1) in flat
    assert ("totals", "", "amount", 1_351_500, 1_352_500) in flat
    payload = json.loads(CliRunner().invoke(cli, ["diff", str(old), str(new), "--format", "json"]).stdout)
    assert {"section": "ro", "key": "QAH.017", "field": "pnbp", "old": 120_000, "new": 121_000} in payload


def test_unusable_side_exits_2(tmp_path):
    old = write_inputs(tmp_path / "old")
    result = CliRunner().invoke(cli, ["diff", str(old), str(tmp_path / "nothing.docx")])
    assert result.exit_code == 2


def test_rev_compares_committed_inputs_with_working_copy(committed_inputs, tmp_path, monkeypatch):
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    tempfile.tempdir = None  # read TMPDIR afresh
    data = mini_data()
    data["pendanaan"]["RO"][2]["next_volume"] = 13
    write_inputs(committed_inputs, {"pendanaan": data["pendanaan"]})  # the other workbooks keep their bytes
    result = CliRunner().invoke(cli, ["diff", "--rev", "HEAD", "inputs"])
    assert result.exit_code == 1, result.output
    assert "volume prakiraan maju: 12 -> 13 (selisih +1)" in result.output
    assert "Input berbeda: pendanaan.xlsx" in result.output
    result = CliRunner().invoke(cli, ["diff", "--rev", "HEAD", "inputs", "--redline", str(tmp_path / "r.docx")])
    assert result.exit_code == 1 and (tmp_path / "r.docx").is_file()
    tempfile.tempdir = None
    assert list((tmp_path / "tmp").iterdir()) == [], "--rev cleans up after itself"
