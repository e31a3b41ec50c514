"""The capaian report and `rkt lakin`: documents read back, every target the PK's, every realisation the workbook's."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from pipeline.cli import cli
from pipeline.document import contract, render, tags
from pipeline.document.pdf import soffice, to_pdf
from pipeline.formatting import number, percent, plain
from pipeline.inputs.normalise import load
from pipeline.review.diff import diff, load_side
from tests import offices
from tests.builders import write_inputs
from tests.docx_reading import body_text, find_table, open_docx, table_rows
from tests.layout import layout_problems

SHIPPED = Path(__file__).resolve().parent.parent / "inputs"
LAKIN = "LAKIN-2024-BKK-Kelas-II-Jambi.docx"
REPORT = "Capaian-2024-Juni-BKK-Kelas-II-Jambi.docx"
CAPAIAN_HEADER = ("No", "Indikator Kinerja", "Target PK")
PK_HEADER = ("No", "Sasaran", "Indikator Kinerja", "Target")


def _run(*args: str):
    return CliRunner().invoke(cli, list(args))


def _figure(value, row) -> str:
    """A realisation as typed in realisasi.xlsx, on its row's scale and with its decimals."""
    return percent(value, places=row.places) if row.percent else plain(value, places=row.places)


@pytest.fixture(scope="module")
def shipped(tmp_path_factory):
    """`rkt capaian --sampai Juni` and `rkt lakin` on the shipped office, and its PK, read back."""
    from pipeline.build import build

    out = tmp_path_factory.mktemp("lakin")
    runs = [_run("capaian", "--inputs", str(SHIPPED), "--sampai", "Juni", "--output", str(out)),
            _run("lakin", "--inputs", str(SHIPPED), "--output", str(out))]
    built = build(SHIPPED, tmp_path_factory.mktemp("pk"))
    pk = table_rows(find_table(open_docx(built.agreement), *PK_HEADER))[1:]
    return {"runs": runs, "out": out, "pk": {r[2]: r[3] for r in pk}, "pk_rows": pk,
            "plan": load(SHIPPED, realisation=True)}


def test_both_commands_write_their_documents(shipped):
    for result in shipped["runs"]:
        assert result.exit_code == 0, result.output
    assert (shipped["out"] / REPORT).is_file() and (shipped["out"] / LAKIN).is_file()
    assert (shipped["out"] / LAKIN.replace(".docx", ".md")).is_file()


@pytest.mark.parametrize("name", [REPORT, LAKIN])
def test_every_target_pk_is_the_pks_and_every_realisation_the_workbooks(shipped, name):
    plan = shipped["plan"]
    rows = table_rows(find_table(open_docx(shipped["out"] / name), *CAPAIAN_HEADER))
    assert rows[0][3:5] == ["Target s.d. Juni", "Realisasi s.d. Juni"]
    own = {r[1]: r for r in rows[1:] if not r[1][:1].isdigit()}
    assert set(own) == set(shipped["pk"])
    for ikk_name, row in own.items():
        assert row[2] == shipped["pk"][ikk_name]
    realised = {(r.ikk, r.component): r for r in plan.realisation.ikk}
    seen = 0
    for row in rows[1:]:
        ikk = int(row[0])
        component = int(row[1].split(")")[0]) if row[1][:1].isdigit() else None
        typed = realised[ikk, component]
        assert row[4] == _figure(typed.months[5], typed), row
        seen += 1
    assert seen == len(realised)


def test_the_lakin_budget_is_the_workbooks(shipped):
    book = load_workbook(SHIPPED / "realisasi.xlsx", data_only=True)
    ws = book["Realisasi Anggaran"]
    header = [c.value for c in ws[1]]
    spent: dict[str, int] = {}
    for values in ws.iter_rows(min_row=2, values_only=True):
        row = dict(zip(header, values, strict=True))
        spent[row["Kode RO"]] = spent.get(row["Kode RO"], 0) + sum(row[m] or 0 for m in
                                                                   ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun"))
    table = table_rows(find_table(open_docx(shipped["out"] / LAKIN), "Kode", "Rincian Output", "Pagu (000)"))
    shown = {r[0]: r for r in table[1:-1]}
    assert table[-1][0] == "Jumlah"
    pagu = {ro.code: ro.amount for ro in shipped["plan"].ros}
    assert set(shown) == set(pagu)
    for code, row in shown.items():
        assert row[2] == number(pagu[code]) and row[4] == number(spent.get(code, 0)), row
    assert table[-1][-3] == number(sum(spent.values()))  # the label spans Kode and Rincian Output


def test_bab_ii_and_the_lampiran_are_the_pk(shipped):
    doc = open_docx(shipped["out"] / LAKIN)
    bab_ii, annex = (table_rows(t)[1:] for t in _tables(doc, *PK_HEADER))
    assert bab_ii == annex == shipped["pk_rows"]
    text = body_text(doc)
    for heading in ("KATA PENGANTAR", "IKHTISAR EKSEKUTIF", "BAB I PENDAHULUAN", "BAB II PERENCANAAN KINERJA",
                    "BAB III AKUNTABILITAS KINERJA", "A. Capaian Kinerja", "B. Realisasi Anggaran", "BAB IV PENUTUP",
                    "Lampiran. PERJANJIAN KINERJA TAHUN 2024"):
        assert heading in text
    assert "Kendala: Pengadaan bahan habis pakai mundur." in text  # the Penjelasan sheet


def _tables(doc, *header):
    from tests.docx_reading import find_tables

    return find_tables(doc, *header)


def test_each_ikk_against_earlier_years(shipped):
    doc = open_docx(shipped["out"] / LAKIN)
    years = _tables(doc, "Tahun", "Target", "Realisasi", "Capaian")
    plan = shipped["plan"]
    assert len(years) == len(plan.indicators)
    earlier = {(e.ikk, str(e.year)): e for e in plan.realisation.earlier}
    for indicator, table in zip(plan.indicators, years, strict=True):
        for year, _target, realised, _capaian in table_rows(table)[1:-1]:
            e = earlier[indicator.no, year]
            assert realised == (percent(e.realisation.value, places=e.realisation.places) if e.realisation.percent
                                else plain(e.realisation.value, places=e.realisation.places))


def test_native_charts_and_a_reproducible_build(shipped, tmp_path):
    from zipfile import ZipFile

    for name in (REPORT, LAKIN):
        with ZipFile(shipped["out"] / name) as z:
            assert len([n for n in z.namelist() if n.startswith("word/charts/chart")]) == 2
    again = _run("lakin", "--inputs", str(SHIPPED), "--output", str(tmp_path))
    assert again.exit_code == 0, again.output
    assert (tmp_path / LAKIN).read_bytes() == (shipped["out"] / LAKIN).read_bytes()
    report = _run("capaian", "--inputs", str(SHIPPED), "--sampai", "Juni", "--output", str(tmp_path))
    assert report.exit_code == 0, report.output
    assert (tmp_path / REPORT).read_bytes() == (shipped["out"] / REPORT).read_bytes()


def test_the_shipped_templates_have_no_finding():
    for path, shape in ((render.LAKIN, contract.LakinContext), (render.CAPAIAN, contract.CapaianContext)):
        report = tags.check(path, shape)
        assert report.findings == () and len(report.tags) > 25


def test_a_changed_realisation_changes_the_lakin_and_rkt_diff_names_it(shipped, tmp_path):
    changed = tmp_path / "inputs"
    shutil.copytree(SHIPPED, changed)
    book = load_workbook(changed / "realisasi.xlsx")
    ws = book["Realisasi IKK"]
    header = [c.value for c in ws[1]]
    row = next(r for r in ws.iter_rows(min_row=2) if r[header.index("No IKK")].value == 4
               and r[header.index("Komponen")].value is None)
    row[header.index("Jun")].value = 47
    book.save(changed / "realisasi.xlsx")
    result = _run("lakin", "--inputs", str(changed), "--output", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    new = tmp_path / "out" / LAKIN
    assert new.read_bytes() != (shipped["out"] / LAKIN).read_bytes()
    changes = diff(load_side(shipped["out"] / LAKIN), load_side(new))
    found = [(c.section, c.key, c.field, c.old, c.new) for c in changes]
    assert found == [("Realisasi IKK", "4 / ", "Jun", "49", "47")]
    shown = _run("diff", str(shipped["out"] / LAKIN), str(new))
    assert "Realisasi IKK" in shown.output and "49 -> 47" in shown.output
    against_folder = _run("diff", str(shipped["out"] / LAKIN), str(changed))  # the folder composes its LAKIN
    assert against_folder.exit_code == 1, against_folder.output
    assert "Realisasi IKK: No IKK 4 / Komponen\n  Jun: 49 -> 47 (selisih -2)" in against_folder.output
    assert _run("diff", str(SHIPPED), str(shipped["out"] / LAKIN)).exit_code == 0


def test_no_realisation_no_lakin(tmp_path):
    folder = tmp_path / "inputs"
    shutil.copytree(SHIPPED, folder)
    (folder / "realisasi.xlsx").unlink()
    result = _run("lakin", "--inputs", str(folder), "--output", str(tmp_path / "out"))
    assert result.exit_code == 2 and "realisasi.xlsx" in result.output
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").glob("LAKIN-*"))


def test_final_keeps_the_lakin_in_its_own_archive_folder(tmp_path):
    result = _run("lakin", "--inputs", str(SHIPPED), "--output", str(tmp_path), "--final")
    assert result.exit_code == 0, result.output
    issued = tmp_path / "terbit" / "2024-LAKIN"
    assert (issued / LAKIN).is_file() and (issued / "input" / "realisasi.xlsx").is_file()
    same = _run("diff", "terbit:2024-LAKIN", str(SHIPPED), "--output", str(tmp_path))
    assert same.exit_code == 0, same.output


def test_an_issued_lakins_name_keeps_the_issued_lakin(tmp_path):
    """After lakin --final, a LAKIN of a changed realisation is never written under the issued name."""
    inputs, out = tmp_path / "inputs", tmp_path / "out"
    shutil.copytree(SHIPPED, inputs)
    assert _run("lakin", "--inputs", str(inputs), "--output", str(out), "--final").exit_code == 0
    issued = (out / LAKIN).read_bytes()
    book = load_workbook(inputs / "realisasi.xlsx")
    ws = book["Realisasi IKK"]
    header = [c.value for c in ws[1]]
    row = next(r for r in ws.iter_rows(min_row=2) if r[header.index("No IKK")].value == 4
               and r[header.index("Komponen")].value is None)
    row[header.index("Jun")].value = 47
    book.save(inputs / "realisasi.xlsx")
    refused = _run("lakin", "--inputs", str(inputs), "--output", str(out))
    assert refused.exit_code == 2 and "LAKIN 2024 sudah terbit" in refused.output, refused.output
    assert f"rkt lakin --draft --inputs {inputs} --output {out}" in refused.output and "revisi" not in refused.output
    assert (out / LAKIN).read_bytes() == issued
    draft = _run("lakin", "--inputs", str(inputs), "--output", str(out), "--draft")
    assert draft.exit_code == 0, draft.output
    assert (out / LAKIN.replace(".docx", "-DRAF.docx")).is_file() and (out / LAKIN).read_bytes() == issued


def test_the_lampiran_holds_each_issued_pk(tmp_path):
    """An edition issued with --final, then a revision: the LAKIN annexes the issued PK and the current one."""
    from pipeline.build import build

    inputs = tmp_path / "inputs"
    shutil.copytree(SHIPPED, inputs)
    assert build(inputs, tmp_path / "out", final=True).issued is not None
    assert _run("revisi", "--inputs", str(inputs), "--tanggal", "2 Juli 2024").exit_code == 0
    result = _run("lakin", "--inputs", str(inputs), "--output", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    text = body_text(open_docx(tmp_path / "out" / LAKIN))
    assert "Lampiran. PERJANJIAN KINERJA TAHUN 2024\n" in text + "\n"
    assert "Lampiran. PERJANJIAN KINERJA TAHUN 2024 REVISI 1" in text


def test_a_whole_year_of_the_balai_besar(tmp_path):
    folder = write_inputs(tmp_path / "besar", offices.balai_besar_year())
    result = _run("lakin", "--inputs", str(folder), "--output", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    (doc,) = (tmp_path / "out").glob("LAKIN-2025-*.docx")
    text = body_text(open_docx(doc))
    assert "Januari s.d. Desember 2025" in text and "Belum dilaporkan" not in text
    plan = load(folder)
    rows = table_rows(find_table(open_docx(doc), *CAPAIAN_HEADER))[1:]
    assert len({r[0] for r in rows}) == len(plan.indicators)


@pytest.mark.office
@pytest.mark.slow
@pytest.mark.skipif(soffice() is None, reason="LibreOffice is not installed")
@pytest.mark.parametrize("name", [LAKIN, REPORT])
def test_the_pdf_breaks_no_figure_and_stays_inside_the_page(shipped, name):
    pdf = to_pdf(shipped["out"] / name)
    assert [str(p) for p in layout_problems(pdf)] == []


@pytest.mark.parametrize("name", ["shipped", "balai-besar-year"])
def test_the_contexts_have_the_shape_of_the_contract(name):
    from pipeline.document.performance import capaian_context, lakin_context
    from pipeline.plan.realisation import measure, reported_period
    from tests.builders import plan_of
    from tests.test_contract import problems

    plan = load(SHIPPED, realisation=True) if name == "shipped" else plan_of(offices.balai_besar_year())
    result = measure(plan, reported_period(plan))
    assert problems(lakin_context(plan, result, issued=(plan, plan)), contract.LakinContext, "lakin") == []
    assert problems(capaian_context(plan, result), contract.CapaianContext, "capaian") == []


def test_against_the_renstra_target(tmp_path):
    """A Target Renstra typed in kinerja.xlsx: the LAKIN sets the realisation against it; the RKT does not show it."""
    from pipeline.build import build

    inputs = tmp_path / "inputs"
    shutil.copytree(SHIPPED, inputs)
    book = load_workbook(inputs / "kinerja.xlsx")
    ws = book["IKK"]
    column = ws.max_column + 1
    ws.cell(1, column, "Target Renstra")
    ws.cell(2, column, "0,98")
    book.save(inputs / "kinerja.xlsx")
    result = _run("lakin", "--inputs", str(inputs), "--output", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    text = body_text(open_docx(tmp_path / "out" / LAKIN))
    assert "Terhadap target Renstra 2020-2024 sebesar 0,98, realisasi 0,91 mencapai 92,86%." in text
    assert text.count("Target Renstra 2020-2024 untuk indikator ini belum diisi") == 7
    built, shipped = build(inputs, tmp_path / "rkt"), build(SHIPPED, tmp_path / "rkt-shipped")
    assert built.path.with_suffix(".md").read_text() == shipped.path.with_suffix(".md").read_text()


def test_an_error_stops_the_lakin_and_a_draft_is_marked(tmp_path):
    """A cumulative realisation that falls is an error: no LAKIN; --draft writes one marked DRAF on every page."""
    from tests.docx_reading import header_text

    inputs = tmp_path / "inputs"
    shutil.copytree(SHIPPED, inputs)
    book = load_workbook(inputs / "realisasi.xlsx")
    ws = book["Realisasi IKK"]
    header = [c.value for c in ws[1]]
    row = next(r for r in ws.iter_rows(min_row=2) if r[header.index("No IKK")].value == 4
               and r[header.index("Komponen")].value is None)
    row[header.index("Jun")].value = 1
    book.save(inputs / "realisasi.xlsx")
    stopped = _run("lakin", "--inputs", str(inputs), "--output", str(tmp_path / "out"))
    assert stopped.exit_code == 1 and "GALAT" in stopped.output
    assert not list((tmp_path / "out").glob("LAKIN-*.docx"))
    draft = _run("lakin", "--inputs", str(inputs), "--output", str(tmp_path / "out"), "--draft")
    assert draft.exit_code == 1, draft.output
    doc = open_docx(tmp_path / "out" / "LAKIN-2024-BKK-Kelas-II-Jambi-DRAF.docx")
    assert "DRAF" in header_text(doc)


def test_a_cell_that_cannot_be_read_stops_the_lakin_naming_it(tmp_path):
    inputs = tmp_path / "inputs"
    shutil.copytree(SHIPPED, inputs)
    book = load_workbook(inputs / "realisasi.xlsx")
    ws = book["Realisasi Anggaran"]
    header = [c.value for c in ws[1]]
    ws.cell(2, header.index("Jan") + 1, "seribu")
    book.save(inputs / "realisasi.xlsx")
    result = _run("lakin", "--inputs", str(inputs), "--output", str(tmp_path / "out"))
    assert result.exit_code == 2, result.output
    assert "realisasi.xlsx, sheet Realisasi Anggaran" in result.output and '"seribu" bukan angka' in result.output
    assert not list((tmp_path / "out").glob("LAKIN-*.docx"))
