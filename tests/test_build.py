"""rkt build: the document is written whole or not at all; drafts never replace it."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from docx import Document

from pipeline.build import build
from pipeline.cli import cli
from pipeline.document import render
from pipeline.names import document_name
from tests.builders import mini_data, write_inputs
from tests.docx_reading import body_text, find_table, header_text, open_docx, row_with, table_rows
from tests.test_render_context import office

NAME = "RKT-2024-BKK-Kelas-II-Contoh.docx"


def broken(data: dict) -> dict:
    """The mini office with one RO's schedule no longer adding up to its allocation (an error)."""
    data["jadwal"]["Jadwal"][0]["m02"] = 10_001
    return data


@pytest.mark.parametrize("short, edition, draft, name", [
    ("BKK Kelas II Jambi", "Awal Tahun", False, "RKT-2024-BKK-Kelas-II-Jambi.docx"),
    ("BKK Kelas II Jambi", "Revisi 1", False, "RKT-2024-Revisi-1-BKK-Kelas-II-Jambi.docx"),
    ("BKK Kelas I Batam / Tanjung Pinang", "Awal Tahun", True, "RKT-2024-BKK-Kelas-I-Batam-Tanjung-Pinang-DRAF.docx"),
])
def test_document_name(short, edition, draft, name):
    assert document_name(office(short_name=short, edition=edition), draft) == name


def test_build_writes_the_document(mini_inputs, tmp_path):
    result = build(mini_inputs, tmp_path / "out")
    assert result.path == tmp_path / "out" / NAME and result.findings == [] and not result.draft
    doc = Document(str(result.path))
    assert "sebanyak 4 (empat) orang" in body_text(doc)
    assert "DRAF" not in header_text(doc)
    stem, pk = NAME.removesuffix(".docx"), NAME.replace("RKT-", "PK-", 1).removesuffix(".docx")
    assert sorted(p.name for p in (tmp_path / "out").iterdir() if p.name != ".rkt") == [
        f"{pk}.docx", f"{pk}.md", f"{stem}-pemeriksaan.md", NAME, f"{stem}.md"]
    out = tmp_path / "out"
    assert result.written == (result.path, out / f"{stem}.md", out / f"{pk}.docx", out / f"{pk}.md",
                              out / f"{stem}-pemeriksaan.md")
    assert result.agreement == out / f"{pk}.docx"


def test_errors_write_nothing_and_keep_the_previous_document(tmp_path):
    out = tmp_path / "out"
    good = build(write_inputs(tmp_path / "good"), out)
    before = good.path.read_bytes()
    result = build(write_inputs(tmp_path / "bad", broken(mini_data())), out)
    assert result.path is None and result.has_errors
    assert "money.schedule-sum" in {f.rule for f in result.findings}
    assert good.path.read_bytes() == before
    assert sorted(p.name for p in out.glob("*.docx")) == [NAME.replace("RKT-", "PK-", 1), NAME]
    report = (out / NAME.replace(".docx", "-pemeriksaan.md")).read_text()
    assert "money.schedule-sum" in report and "**2 galat, 0 peringatan.**" in report
    assert (out / "pemeriksaan" / NAME.removesuffix(".docx") / "jadwal.xlsx").is_file()


def test_errors_in_a_fresh_folder_create_no_file(tmp_path):
    result = build(write_inputs(tmp_path / "bad", broken(mini_data())), tmp_path / "out")
    assert result.path is None
    assert list((tmp_path / "out").glob("*.docx")) == []
    assert (tmp_path / "out" / NAME.replace(".docx", "-pemeriksaan.md")).is_file()


def test_draft_is_marked_and_lists_the_findings(tmp_path):
    out = tmp_path / "out"
    result = build(write_inputs(tmp_path / "bad", broken(mini_data())), out, draft=True)
    assert result.draft and result.has_errors
    assert result.path == out / NAME.replace(".docx", "-DRAF.docx")
    doc = open_docx(result.path)
    assert all("DRAF" in "\n".join(p.text for p in s.header.paragraphs) for s in doc.sections)
    assert "DAFTAR TEMUAN PEMERIKSAAN (DRAF)" in body_text(doc)
    findings = find_table(doc, "No", "Tingkat", "Aturan", "Uraian", "Lokasi")
    rules = [r[2] for r in table_rows(findings)[1:]]
    assert "money.schedule-sum" in rules
    assert table_rows(findings)[1][1] == "Galat"
    assert row_with(find_table(doc, "IKK", "Rincian Output", "Target IKK"), "QAH.017")[5] == "10.001"
    assert not (out / NAME).exists()


def test_draft_without_findings_says_so(mini_inputs, tmp_path):
    doc = open_docx(build(mini_inputs, tmp_path, draft=True).path)
    assert "tidak menemukan galat maupun peringatan" in body_text(doc)


def test_cli_build(mini_inputs, tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", "--inputs", str(mini_inputs), "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [str(out / NAME), str(out / NAME.replace("RKT-", "PK-", 1))]
    assert (out / NAME).is_file()


def test_cli_build_with_errors_exits_1_and_prints_the_findings(tmp_path):
    inputs = write_inputs(tmp_path / "bad", broken(mini_data()))
    result = CliRunner().invoke(cli, ["build", "--inputs", str(inputs), "--output", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "GALAT [money.schedule-sum]" in result.stdout
    assert not (tmp_path / "out" / NAME).exists()
    draft = CliRunner().invoke(cli, ["build", "--inputs", str(inputs), "--output", str(tmp_path / "out"), "--draft"])
    assert draft.exit_code == 1, "a draft is written, but the errors still fail the command"
    assert [line.rsplit("/", 1)[1] for line in draft.stdout.splitlines()[-2:]] == [
        NAME.replace(".docx", "-DRAF.docx"), NAME.replace("RKT-", "PK-", 1).replace(".docx", "-DRAF.docx")]


def test_cli_build_unreadable_inputs_exit_2(tmp_path):
    result = CliRunner().invoke(cli, ["build", "--inputs", str(tmp_path / "missing"), "--output", str(tmp_path)])
    assert result.exit_code == 2


def test_cli_build_template_error_exit_2_naming_the_variable(mini_inputs, tmp_path, monkeypatch):
    bad = Document()
    bad.add_paragraph("{{ office.name }} {{ nama_yang_tidak_ada }}")
    path = tmp_path / "bad.docx"
    bad.save(path)
    monkeypatch.setattr(render, "TEMPLATE", path)
    result = CliRunner().invoke(cli, ["build", "--inputs", str(mini_inputs), "--output", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "nama_yang_tidak_ada" in result.output
    assert list((tmp_path / "out").glob("*.docx")) == []
