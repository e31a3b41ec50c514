"""Reviewers diff outputs: rebuilds are byte-identical, documents carry provenance and their snapshot."""

from __future__ import annotations

import hashlib
import shutil
import time
import zipfile

from click.testing import CliRunner

from pipeline.build import build
from pipeline.cli import cli
from pipeline.document.package import custom_properties, read_snapshot
from pipeline.inputs.normalise import load
from pipeline.review.snapshot import snapshot
from tests.builders import mini_data, write_inputs

NAME = "RKT-2024-BKK-Kelas-II-Contoh"


def move_1000(data: dict) -> None:
    """Move 1.000 from May to June of QAH.017's schedule (and of the stated Jumlah row)."""
    for row in (data["jadwal"]["Jadwal"][0], data["jadwal"]["Jadwal"][-1]):
        row["m05"] -= 1_000
        row["m06"] += 1_000


def test_rebuilding_unchanged_inputs_gives_identical_bytes(mini_inputs, tmp_path):
    first = build(mini_inputs, tmp_path / "a")
    time.sleep(1.1)  # zip entry times have a two-second resolution; cross one boundary at least
    second = build(mini_inputs, tmp_path / "b")
    for a, b in zip(first.written, second.written, strict=True):
        assert a.name == b.name
        assert a.read_bytes() == b.read_bytes(), a.name


def test_zip_entries_have_fixed_times_and_order(mini_inputs, tmp_path):
    path = build(mini_inputs, tmp_path).path
    with zipfile.ZipFile(path) as zf:
        infos = zf.infolist()
    assert [i.filename for i in infos[:2]] == ["[Content_Types].xml", "_rels/.rels"]
    assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
    assert [i.filename for i in infos[2:]] == sorted(i.filename for i in infos[2:])


def test_document_properties_are_dated_from_the_edition_and_carry_provenance(mini_inputs, tmp_path):
    path = build(mini_inputs, tmp_path).path
    with zipfile.ZipFile(path) as zf:
        core = zf.read("docProps/core.xml").decode()
    assert "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2024-01-01T00:00:00Z</dcterms:created>" in core
    assert "<dc:creator>rkt</dc:creator>" in core
    props = custom_properties(path)
    for workbook in ("identitas.xlsx", "pegawai.xlsx", "kinerja.xlsx", "pendanaan.xlsx", "jadwal.xlsx"):
        assert props[f"sha256 {workbook}"] == hashlib.sha256((mini_inputs / workbook).read_bytes()).hexdigest()
    assert props["rkt_version"]


def test_the_document_carries_the_snapshot_of_its_plan(mini_inputs, tmp_path):
    path = build(mini_inputs, tmp_path).path
    assert read_snapshot(path) == snapshot(load(mini_inputs))


def test_text_twin_reads_as_the_document(mini_inputs, tmp_path):
    twin = (tmp_path / f"{NAME}.md")
    build(mini_inputs, tmp_path)
    text = twin.read_text(encoding="utf-8")
    assert "# BAB I PENDAHULUAN" in text
    assert "sebanyak 4 (empat) orang" in text
    qah = [line for line in text.splitlines() if "QAH.017" in line and "10.000" in line]
    assert qah, "the Jadwal row of QAH.017 is one line of the twin"


def test_twin_diff_shows_only_the_changed_rows(tmp_path):
    data = mini_data()
    old = build(write_inputs(tmp_path / "old"), tmp_path / "a")
    move_1000(data)
    new = build(write_inputs(tmp_path / "new", data), tmp_path / "b")
    a = old.written[1].read_text().splitlines()
    b = new.written[1].read_text().splitlines()
    changed = [line for line in b if line not in a]
    ro_rows = [line for line in changed if "QAH.017" in line]
    assert len(ro_rows) == 2, "QAH.017 serves IKK 1 and IKK 2: one Jadwal row under each"
    assert [line.split(" | ")[0] for line in changed if line not in ro_rows] == [
        "| Jumlah penarikan satker (setiap Rincian Output dihitung satu kali)"]


def test_diff_of_two_built_documents(tmp_path):
    old_inputs = write_inputs(tmp_path / "old")
    old = build(old_inputs, tmp_path / "a").path
    data = mini_data()
    move_1000(data)
    new_inputs = tmp_path / "new"
    shutil.copytree(old_inputs, new_inputs)  # only jadwal.xlsx is rewritten: the others keep their bytes
    write_inputs(new_inputs, {"jadwal": data["jadwal"]})
    new = build(new_inputs, tmp_path / "b").path
    result = CliRunner().invoke(cli, ["diff", str(old), str(new), "--format", "json"])
    assert result.exit_code == 1
    import json

    jadwal = [(c["key"], c["field"], c["old"], c["new"]) for c in json.loads(result.stdout) if c["section"] == "Jadwal"]
    assert jadwal == [("QAH.017", "Mei", "10.000", "9.000"), ("QAH.017", "Jun", "10.000", "11.000")]
    text = CliRunner().invoke(cli, ["diff", str(old), str(new)]).stdout
    assert text.startswith("Input berbeda: jadwal.xlsx")
    same = CliRunner().invoke(cli, ["diff", str(old), str(old)])
    assert same.exit_code == 0 and "Input berbeda" not in same.stdout


def test_diff_refuses_a_document_not_built_by_rkt(tmp_path, mini_inputs):
    from docx import Document

    other = tmp_path / "other.docx"
    Document().save(other)
    result = CliRunner().invoke(cli, ["diff", str(mini_inputs), str(other)])
    assert result.exit_code == 2
    assert "bukan dokumen RKT buatan rkt" in result.output


def test_a_revision_is_named_by_the_workbook_and_the_option_must_agree(mini_inputs, tmp_path):
    mismatch = CliRunner().invoke(cli, ["build", "--inputs", str(mini_inputs), "--output", str(tmp_path),
                                        "--edition", "Revisi 1"])
    assert mismatch.exit_code == 2 and "rkt revisi" in mismatch.output
    assert CliRunner().invoke(cli, ["revisi", "--inputs", str(mini_inputs), "--tanggal", "2 Juli 2024"]).exit_code == 0
    result = CliRunner().invoke(cli, ["build", "--inputs", str(mini_inputs), "--output", str(tmp_path),
                                      "--edition", "Revisi 1", "-q"])
    assert result.exit_code == 0, result.output
    path = tmp_path / "RKT-2024-Revisi-1-BKK-Kelas-II-Contoh.docx"
    assert result.stdout == ""
    twin = (tmp_path / "RKT-2024-Revisi-1-BKK-Kelas-II-Contoh.md").read_text()
    assert "RKT REVISI 1 TAHUN 2024" in twin.upper() and "Contoh, 2 Juli 2024" in twin
    assert path.is_file() and not (tmp_path / f"{NAME}.docx").exists()


def test_many_offices_one_broken(tmp_path):
    offices = []
    for i, city in enumerate(("Jambi", "Padang", "Bengkulu")):
        data = mini_data()
        data["identitas"]["Identitas"]["office_short"] = f"BKK Kelas II {city}"
        data["identitas"]["Identitas"]["office_name"] = f"Balai Kekarantinaan Kesehatan Kelas II {city}"
        data["identitas"]["Identitas"]["head_title"] = f"Kepala Balai Kekarantinaan Kesehatan Kelas II {city}"
        if i == 1:
            data["jadwal"]["Jadwal"][0]["m02"] = "seribu"
        offices.append(write_inputs(tmp_path / city.lower(), data))
    args = ["build", "--output", str(tmp_path / "out")]
    for folder in offices:
        args += ["--inputs", str(folder)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2, "an office whose inputs cannot be read makes the batch unusable"
    assert sorted(p.name for p in (tmp_path / "out").glob("*.docx")) == [
        "PK-2024-BKK-Kelas-II-Bengkulu.docx", "PK-2024-BKK-Kelas-II-Jambi.docx",
        "RKT-2024-BKK-Kelas-II-Bengkulu.docx", "RKT-2024-BKK-Kelas-II-Jambi.docx"]
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["Input", "Status", "Galat", "Dokumen"]
    assert [line.split()[1] for line in lines[1:]] == ["OK", "GAGAL", "OK"]
    assert '"seribu" bukan angka' in result.output
    assert f"laporan: {tmp_path / 'out' / 'padang-input-pemeriksaan.md'}" in result.output
    assert (tmp_path / "out" / "padang-input-pemeriksaan.md").is_file()


def test_a_changed_rebuild_keeps_the_document_it_replaces(tmp_path):
    out = tmp_path / "out"
    inputs = write_inputs(tmp_path / "in")
    first = build(inputs, out).path.read_bytes()
    build(inputs, out)
    assert not (out / "sebelumnya").exists(), "an unchanged rebuild has nothing to keep"
    data = mini_data()
    move_1000(data)
    write_inputs(inputs, {"jadwal": data["jadwal"]})
    second = build(inputs, out).path
    assert (out / "sebelumnya" / second.name).read_bytes() == first
    result = CliRunner().invoke(cli, ["diff", str(out / "sebelumnya" / second.name), str(second)])
    assert result.exit_code == 1 and "Mei: 10.000 -> 9.000" in result.stdout


def test_the_twin_reads_what_a_content_control_holds():
    """LibreOffice saves a table of contents inside a content control (`w:sdt`): its text is the reader's too."""
    import io

    from docx import Document
    from docx.oxml import parse_xml

    from pipeline.document.twin import docx_to_markdown

    doc = Document()
    doc.add_paragraph("Sebelum")
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    sdt = parse_xml(f'<w:sdt {w}><w:sdtPr/><w:sdtContent><w:p><w:r><w:t>Daftar isi</w:t></w:r></w:p>'
                    '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>A</w:t></w:r></w:p></w:tc>'
                    '<w:tc><w:p><w:r><w:t>B</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:sdtContent></w:sdt>')
    doc.element.body.insert(1, sdt)
    doc.add_table(rows=1, cols=1).cell(0, 0).text = "C"
    doc.add_paragraph("Sesudah")
    out = io.BytesIO()
    doc.save(out)
    assert docx_to_markdown(out.getvalue()).splitlines() == [
        "Sebelum", "Daftar isi", "", "| A | B |", "|---|---|", "", "| C |", "|---|", "", "Sesudah"]
