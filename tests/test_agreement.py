"""The Perjanjian Kinerja: built beside the RKT from the same workbooks, read back as its signers read it."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.build import build
from pipeline.cli import cli
from pipeline.document import render
from pipeline.document.agreement import NAME_LINE, agreement_context
from pipeline.formatting import target_text
from pipeline.inputs.normalise import load
from pipeline.names import document_name
from tests.builders import HEAD_NIP, SUPERIOR_NIP, mini_data, plan_of, write_inputs
from tests.docx_reading import body_text, find_table, header_text, open_docx, table_rows
from tests.test_render_context import office

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "inputs"
PAGU_WORDS = "empat belas miliar lima ratus tiga puluh juta tujuh ratus sembilan puluh enam ribu rupiah"


@pytest.fixture(scope="module")
def shipped(tmp_path_factory):
    """The PK of the shipped inputs, built with `rkt build`, and the plan it came from."""
    result = build(SHIPPED, tmp_path_factory.mktemp("out"))
    assert result.agreement is not None and result.agreement.name == "PK-2024-BKK-Kelas-II-Jambi.docx"
    return open_docx(result.agreement), load(SHIPPED)


def lampiran(doc) -> list[list[str]]:
    return table_rows(find_table(doc, "No", "Sasaran", "Indikator Kinerja", "Target"))[1:]


def test_the_lampiran_carries_every_ikk_with_its_target_under_its_sasaran(shipped):
    doc, plan = shipped
    rows = lampiran(doc)
    goals = {g.no: g.name for g in plan.goals}
    expected = [(goals[i.goal], i.name, target_text(i.target)) for i in sorted(plan.indicators, key=lambda i: i.no)]
    assert [(goal, ikk, target) for _, goal, ikk, target in rows] == expected
    assert [r[2:] for r in rows[:2]] == [["Indeks deteksi faktor risiko di pelabuhan/bandara/PLBDN", "0,99"],
                                         ["Persentase faktor risiko penyakit di pintu masuk yang dikendalikan pada "
                                          "orang, alat angkut, barang dan lingkungan", "97%"]]
    assert [r[0] for r in rows] == ["1"] * 3 + ["2"] * 5, "sasaran numbered, merged over their IKK"


def test_the_budget_is_the_pagu_in_full_rupiah_and_in_words(shipped):
    doc, _ = shipped
    text = body_text(doc)
    assert f"Tahun Anggaran 2024 sebesar Rp14.530.796.000 ({PAGU_WORDS})" in text
    assert "terdiri atas Rupiah Murni (RM) Rp13.561.790.000 dan Penerimaan Negara Bukan Pajak (PNBP) " \
           "Rp969.006.000." in text


def test_the_parties_sign_with_name_title_and_nip(shipped):
    doc, _ = shipped
    text = body_text(doc)
    assert "Rosyid Ridlo Prayogo, SE, MKM" in text and "NIP 196901271993031001" in text
    assert "Kepala Balai Kekarantinaan Kesehatan Kelas II Jambi" in text
    assert "Direktur Jenderal Pencegahan dan Pengendalian Penyakit" in text, "the title derived from the parent unit"
    assert text.count(NAME_LINE) == 3, "the unnamed second party: a line to write on, in the parties and 2 signatures"
    assert "Jambi, Januari 2024" in text and "DRAF" not in header_text(doc)


def test_a_named_second_party_signs_with_its_nip(mini_inputs, tmp_path):
    doc = open_docx(build(mini_inputs, tmp_path / "out").agreement)
    text = body_text(doc)
    assert text.count("dr. Andi Wijaya, MPH") == 3 and f"NIP {SUPERIOR_NIP}" in text and f"NIP {HEAD_NIP}" in text
    assert NAME_LINE not in text


def test_a_changed_target_or_head_changes_the_pk_and_the_diff_names_it(tmp_path):
    old = build(write_inputs(tmp_path / "old"), tmp_path / "a").agreement
    data = mini_data()
    data["kinerja"]["IKK"][0]["target"] = "0,95"
    data["identitas"]["Identitas"]["head_name"] = "Dr. Siti Aminah, SKM, MKM"
    data["pegawai"]["Pegawai"][0]["name"] = "Dr. Siti Aminah, SKM, MKM"
    new = build(write_inputs(tmp_path / "new", data), tmp_path / "b").agreement
    assert old.read_bytes() != new.read_bytes()
    rows = lampiran(open_docx(new))
    assert rows[0][3] == "0,95" and "Dr. Siti Aminah, SKM, MKM" in body_text(open_docx(new))
    result = CliRunner().invoke(cli, ["diff", str(old), str(new)])
    assert result.exit_code == 1
    assert "IKK: No 1\n  Target PK: 0,99 -> 0,95" in result.output
    assert "Nama Kepala: Dr. Budi Santoso, SKM, MKM -> Dr. Siti Aminah, SKM, MKM" in result.output


def test_a_value_only_the_pk_shows_is_a_change_of_the_inputs(tmp_path):
    """The second party is not in the RKT; the inputs' diff still names it, because the PK changed."""
    old = write_inputs(tmp_path / "old")
    data = mini_data()
    data["identitas"]["Identitas"]["superior_name"] = "dr. Lain Orang, MPH"
    new = write_inputs(tmp_path / "new", data)
    result = CliRunner().invoke(cli, ["diff", str(old), str(new)])
    assert result.exit_code == 1 and "Nama Atasan: dr. Andi Wijaya, MPH -> dr. Lain Orang, MPH" in result.output
    rkt_old, rkt_new = (build(f, tmp_path / f"out-{f.name}").path for f in (old, new))
    same = CliRunner().invoke(cli, ["diff", str(rkt_old), str(rkt_new)])
    assert same.exit_code == 0, "the two RKTs read alike"


def test_an_rkt_is_not_compared_with_a_pk(mini_inputs, tmp_path):
    built = build(mini_inputs, tmp_path / "out")
    result = CliRunner().invoke(cli, ["diff", str(built.path), str(built.agreement)])
    assert result.exit_code == 2 and "bandingkan dokumen yang sejenis" in result.output


def test_the_pk_is_reproducible_and_marked_in_a_draft(mini_inputs, tmp_path):
    first = build(mini_inputs, tmp_path / "a").agreement.read_bytes()
    assert build(mini_inputs, tmp_path / "b").agreement.read_bytes() == first
    draft = build(mini_inputs, tmp_path / "c", draft=True).agreement
    assert draft.name == "PK-2024-BKK-Kelas-II-Contoh-DRAF.docx"
    assert "DRAF" in header_text(open_docx(draft))


def test_errors_write_no_pk(tmp_path):
    data = mini_data()
    data["jadwal"]["Jadwal"][0]["m02"] = 10_001
    result = build(write_inputs(tmp_path / "in", data), tmp_path / "out")
    assert result.agreement is None and not list((tmp_path / "out").glob("PK-*"))


def test_a_revision_says_so_in_its_title_and_file_name():
    plan = plan_of(_edited(lambda d: d["identitas"]["Identitas"].update(edition="Revisi 1")))
    assert agreement_context(plan)["pk"]["edition"] == "REVISI 1"
    assert document_name(office(short_name="BKK Kelas II Jambi", edition="Revisi 1"), kind="PK") == \
        "PK-2024-Revisi-1-BKK-Kelas-II-Jambi.docx"
    doc = open_docx(render.render(agreement_context(plan), render.AGREEMENT))
    assert "PERJANJIAN KINERJA TAHUN 2024\nBALAI KEKARANTINAAN KESEHATAN KELAS II CONTOH\nREVISI 1" in body_text(doc)


@pytest.mark.parametrize("sources, sentence", [
    ({"rm": 1_000, "pnbp": 0, "phln": 0}, "sebesar Rp1.000.000 (satu juta rupiah)."),
    ({"rm": 1_000, "pnbp": 2_000, "phln": 500},
     "sebesar Rp3.500.000 (tiga juta lima ratus ribu rupiah), terdiri atas Rupiah Murni (RM) Rp1.000.000, "
     "Penerimaan Negara Bukan Pajak (PNBP) Rp2.000.000, dan Pinjaman dan Hibah Luar Negeri (PHLN) Rp500.000."),
])
def test_the_budget_sentence_names_the_sources_only_when_there_are_several(sources, sentence):
    def one_ro(data):
        ros = data["pendanaan"]["RO"]
        ros[0].update(sources)
        del ros[1:]
        data["pendanaan"]["IKK-RO"] = [link for link in data["pendanaan"]["IKK-RO"] if link["code"] == ros[0]["code"]]

    doc = open_docx(render.render(agreement_context(plan_of(_edited(one_ro))), render.AGREEMENT))
    assert sentence in body_text(doc)


def test_the_template_uses_only_what_the_context_provides_and_its_script_rebuilds_it(tmp_path):
    context = agreement_context(plan_of(mini_data()))
    assert render.template_variables(render.AGREEMENT) <= set(context)
    spec = importlib.util.spec_from_file_location("make_template", ROOT / "tools" / "make_template.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    fresh = tmp_path / "pk.docx"
    fresh.write_bytes(module.build_pk())
    assert render.template_variables(fresh) == render.template_variables(render.AGREEMENT)
    assert "Rp" in body_text(open_docx(render.render(context, fresh)))


def _edited(change) -> dict:
    data = mini_data()
    change(data)
    return data
