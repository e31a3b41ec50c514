"""A planner's edited template: `rkt templat` finds each broken tag in its paragraph; builds use an edited copy.

Templates here are written as Word writes them (runs split where one typed, spelling marks and bookmarks
between the pieces of a tag); each class of broken tag is reported with its rule and the paragraph it is
in (number, heading, neighbouring text), never a line of the Jinja source.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document
from docx.oxml import parse_xml

from pipeline.cli import cli
from pipeline.document import contract, render, tags
from pipeline.document.context import build_context
from pipeline.names import PLAN_KINDS, TEMPLATES
from tests.builders import plan_of
from tests.docx_reading import body_text, open_docx

ROOT = Path(__file__).resolve().parent.parent
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def p(*runs: str, style: str = "") -> str:
    """A paragraph of runs, each `text` typed as Word stores it (`<w:t>`); a run given as XML is kept."""
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    body = "".join(r if r.startswith("<") else f'<w:r><w:t xml:space="preserve">{r}</w:t></w:r>' for r in runs)
    return f"<w:p>{ppr}{body}</w:p>"


def table(*rows: list[str]) -> str:
    """A table whose cells hold the given paragraphs (XML)."""
    cells = "".join("<w:tr>" + "".join(f"<w:tc>{c}</w:tc>" for c in row) + "</w:tr>" for row in rows)
    return f"<w:tbl><w:tblGrid><w:gridCol/></w:tblGrid>{cells}</w:tbl>"


def template(folder: Path, *blocks: str, name: str = "rkt.docx") -> Path:
    """A template (python-docx's default styles, Heading 1 among them) whose body holds `blocks`."""
    doc = Document()
    body = doc.element.body
    for child in list(body):
        if not child.tag.endswith("sectPr"):
            body.remove(child)
    for block in parse_xml(f"<w:body {W}>{''.join(blocks)}</w:body>"):
        body.insert(len(body) - 1, block)
    folder.mkdir(parents=True, exist_ok=True)
    doc.save(folder / name)
    return folder / name


def found(path: Path, root=contract.RktContext) -> list[tuple[str, str, str]]:
    """(rule, where, message) of each finding."""
    return [(f.rule, f.locations[0].place, f.message) for f in tags.check(path, root).findings]


INTRO = p("Kata Pengantar", style="Heading1")
# each template of a build (the RKT's, the PK's) by file name, its context
SHAPES = {TEMPLATES[kind]: shape for kind, shape in tags.SHAPES.items() if kind in PLAN_KINDS}


# ---------------------------------------------------------------- what Word does while one types is no problem

def test_a_tag_split_by_word_is_read_whole(tmp_path):
    """Runs of other rsids, a spelling mark and a bookmark inside a tag: docxtpl joins them, and so does the check."""
    path = template(tmp_path, INTRO, p(
        "Kantor {", '<w:r w:rsidR="00A1"><w:t>{ office.</w:t></w:r>',
        '<w:proofErr w:type="spellStart"/>', '<w:r w:rsidR="00B2"><w:rPr><w:b/></w:rPr><w:t>na</w:t></w:r>',
        '<w:bookmarkStart w:id="0" w:name="_GoBack"/><w:bookmarkEnd w:id="0"/>',
        '<w:r><w:t>me }</w:t></w:r><w:proofErr w:type="spellEnd"/><w:r><w:t>} berdiri.</w:t></w:r>'),
        p("Tahun {", '<w:bookmarkStart w:id="1" w:name="tahun"/><w:proofErr w:type="gramStart"/>',
          '<w:r w:rsidR="00C3"><w:t>{ year }}</w:t></w:r><w:bookmarkEnd w:id="1"/>'))
    report = tags.check(path, contract.RktContext)
    assert report.findings == ()
    assert [t.text for t in report.tags] == ["{{ office.name }}", "{{ year }}"]
    assert list(tags.tag_lines(report)) == ["paragraf 2 di bawah «Kata Pengantar»: Kantor ⟨{{ office.name }}⟩ berdiri.",
                                            "paragraf 3 di bawah «Kata Pengantar»: Tahun ⟨{{ year }}⟩"]
    text = body_text(open_docx(render.render(build_context(plan_of()), path)))
    assert "Kantor Balai Kekarantinaan Kesehatan Kelas II Contoh berdiri.\nTahun 2024" in text


def test_the_shipped_templates_have_no_finding():
    for path, root in ((render.TEMPLATE, contract.RktContext), (render.AGREEMENT, contract.PkContext)):
        report = tags.check(path, root)
        assert report.findings == () and len(report.tags) > 40


# ---------------------------------------------------------------- one test per class of broken tag

def test_braces_parted_by_a_space(tmp_path):
    path = template(tmp_path, INTRO, p("Dipimpin oleh { { sign.name }} sejak lama."))
    (rule, where, message), = found(path)
    assert rule == "templat.tag-rusak"
    assert where == "paragraf 2 di bawah «Kata Pengantar»"
    assert message.startswith("'{ { sign.name }}' bukan tag yang utuh: tag ini tidak diisi dan tercetak apa adanya")
    assert message.endswith("(«Dipimpin oleh { { sign.name }} sejak lama.»)")


def test_a_tag_run_into_the_next_paragraph(tmp_path):
    path = template(tmp_path, INTRO, p("Kantor {{ office."), p("name }} berdiri."))
    (rule, where, message), = found(path)
    assert (rule, where) == ("templat.tag-terbelah", "paragraf 2 di bawah «Kata Pengantar»")
    assert "berlanjut ke paragraf 3" in message
    assert tags.check(path, contract.RktContext).findings[0].severity == "warning"


def test_a_field_the_context_does_not_have(tmp_path):
    path = template(tmp_path, INTRO, p("Kantor {{ office.nama }} berdiri."), p("{{ kantor }}"))
    (rule, where, message), (rule2, where2, message2) = found(path)
    assert (rule, where, rule2, where2) == ("templat.nama", "paragraf 2 di bawah «Kata Pengantar»",
                                            "templat.nama", "paragraf 3 di bawah «Kata Pengantar»")
    assert message.startswith("'office.nama' tidak ada dalam data dokumen (maksudnya 'name'?); 'office' berisi name,")
    assert message.endswith("«Kantor ⟨{{ office.nama }}⟩ berdiri.»")
    assert message2.startswith("'kantor' tidak ada dalam data dokumen")


def test_a_loop_variable_is_known_by_the_type_of_its_items(tmp_path):
    path = template(tmp_path, p("{%p for u in units %}"), p("{{ u.no }}. {{ u.sentense }}"), p("{%p endfor %}"))
    (rule, where, message), = found(path)
    assert (rule, where) == ("templat.nama", "paragraf 2")
    assert message.startswith("'u.sentense' tidak ada dalam data dokumen (maksudnya 'sentence'?)")


def test_a_block_left_open(tmp_path):
    path = template(tmp_path, INTRO, p("{%p for u in units %}"), p("{{ u.sentence }}"))
    (rule, where, message), = found(path)
    assert (rule, where) == ("templat.blok", "paragraf 2 di bawah «Kata Pengantar»")
    assert message.startswith("{% for %} tidak ditutup: tambahkan {% endfor %}")


def test_a_block_closed_that_was_never_opened_or_by_the_wrong_end(tmp_path):
    path = template(tmp_path, INTRO, p("Teks."), p("{%p endif %}"), p("{%p if draft %}"), p("{%p endfor %}"))
    assert [(r, w, m.split(":")[0]) for r, w, m in found(path)] == [
        ("templat.blok", "paragraf 3 di bawah «Kata Pengantar»", "{% endif %} tanpa {% if %} yang membukanya"),
        ("templat.blok", "paragraf 5 di bawah «Kata Pengantar»",
         "{% endfor %} menutup {% if %} yang dibuka di paragraf 4 di bawah «Kata Pengantar» ({%p if draft %}); "
         "tutup dengan {% endif %}"),
        ("templat.blok", "paragraf 4 di bawah «Kata Pengantar»", "{% if %} tidak ditutup")]


def test_a_row_tag_outside_a_table_row(tmp_path):
    path = template(tmp_path, INTRO, p("{%tr for r in ikk_table.rows %}"), p("{{ r.name }}"), p("{%tr endfor %}"))
    assert [(r, w) for r, w, _ in found(path)] == [("templat.tempat", "paragraf 2 di bawah «Kata Pengantar»"),
                                                   ("templat.tempat", "paragraf 4 di bawah «Kata Pengantar»")]
    assert found(path)[0][2].startswith("tag {%tr ... %} hanya berlaku di dalam baris tabel")


def test_a_loop_that_ends_in_another_table(tmp_path):
    """LibreOffice moves rows about: a loop opened in one table and closed in another breaks the XML."""
    path = template(tmp_path, INTRO, table([p("{%p for u in units %}")], [p("{{ u.no }}")]),
                    p("Di antara tabel."), table([p("{%p endfor %}")]))
    (rule, where, message), = found(path)
    assert (rule, where) == ("templat.tempat", "paragraf 5 (tabel 2, baris 1, kolom 1) di bawah «Kata Pengantar»")
    assert message.startswith("blok {%p for u in units %} dibuka di paragraf 2 (tabel 1, baris 1, kolom 1) di bawah "
                              "«Kata Pengantar» (tabel 1, baris 1, kolom 1) tetapi ditutup di sini (tabel 2, baris 1,")


def test_what_jinja_cannot_read(tmp_path):
    """A stray dot, a zero-width space Word kept inside a tag, a field typed into one."""
    path = template(tmp_path, INTRO, p("{{ office.name. }}"), p("{{ office.sh\u200bort }}"),
                    p("{{ office.", '<w:fldSimple w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple>', "name }}"))
    assert [(r, w) for r, w, _ in found(path)] == [("templat.sintaks", "paragraf 2 di bawah «Kata Pengantar»"),
                                                   ("templat.sintaks", "paragraf 3 di bawah «Kata Pengantar»"),
                                                   ("templat.sintaks", "paragraf 4 di bawah «Kata Pengantar»")]
    assert found(path)[0][2].startswith("isi tag tidak terbaca (")


def test_an_unknown_filter(tmp_path):
    path = template(tmp_path, p("Pagu {{ pagu|angka }}."))
    (rule, where, message), = found(path)
    assert (rule, where) == ("templat.filter", "paragraf 1")
    assert message.startswith("filter 'angka' tidak dikenal (yang dikenal: number, plain,")


def test_text_beside_a_paragraph_tag_is_lost(tmp_path):
    path = template(tmp_path, p("Catatan: {%p if draft %}"), p("Draf"), p("{%p endif %}"))
    (rule, where, message), = found(path)
    assert (rule, where) == ("templat.teks-hilang", "paragraf 1")
    assert "teks «Catatan:» berada di paragraf yang sama dengan tag {%p %}" in message


def test_the_retired_vmerge_tag(tmp_path):
    path = template(tmp_path, table([p("{% vmerge r.first %}{{ pagu }}")]))
    (rule, where, message), = found(path)
    assert (rule, where) == ("templat.tag-tak-dikenal", "paragraf 1 (tabel 1, baris 1, kolom 1)")
    assert "{{ tables.tabel_4|table }}" in message


def test_a_file_that_is_no_template(tmp_path):
    bad = tmp_path / "rkt.docx"
    bad.write_text("bukan docx")
    (rule, where, message), = found(bad)
    assert rule == "templat.berkas" and message.startswith("templat tidak dapat dibuka")


def test_a_header_is_a_part_of_its_own(tmp_path):
    """docxtpl fills each header on its own: a block opened there must close there."""
    path = template(tmp_path, p("{{ year }}"))
    doc = Document(path)
    doc.sections[0].header.paragraphs[0].text = "{%p if draft %}"
    doc.save(path)
    (rule, where, message), = found(path)
    assert (rule, where) == ("templat.blok", "paragraf 1 di header 1")


# ---------------------------------------------------------------- rkt templat

def test_rkt_templat_lists_the_tags_and_writes_a_preview(tmp_path, mini_inputs):
    folder = tmp_path / "templat"
    template(folder, INTRO, p("Kantor {{ office.name }} tahun {{ year }}."))
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["templat", "--templat", str(folder), "--inputs", str(mini_inputs),
                                      "--output", str(out)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].endswith("rkt.docx: 2 tag, 0 galat, 0 peringatan")
    assert lines[1] == "  paragraf 2 di bawah «Kata Pengantar»: Kantor ⟨{{ office.name }}⟩ tahun {{ year }}."
    assert sorted(p.name for p in out.iterdir() if p.is_file()) == [
        "pratinjau-PK-2024-BKK-Kelas-II-Contoh.docx", "pratinjau-PK-2024-BKK-Kelas-II-Contoh.md",
        "pratinjau-RKT-2024-BKK-Kelas-II-Contoh.docx", "pratinjau-RKT-2024-BKK-Kelas-II-Contoh.md"]
    assert (out / "pratinjau-RKT-2024-BKK-Kelas-II-Contoh.md").read_text() == (
        "# Kata Pengantar\n\nKantor Balai Kekarantinaan Kesehatan Kelas II Contoh tahun 2024.\n")
    assert "pk.docx" not in result.stdout, "only the templates of the folder are listed"


def test_rkt_templat_with_a_broken_tag_exits_1_naming_the_paragraph(tmp_path, mini_inputs):
    folder = tmp_path / "templat"
    template(folder, INTRO, p("Kantor {{ office.nama }}."))
    result = CliRunner().invoke(cli, ["templat", "--templat", str(folder), "--inputs", str(mini_inputs),
                                      "--output", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 1
    assert "GALAT [templat.nama] " in result.stdout
    assert "rkt.docx, paragraf 2 di bawah «Kata Pengantar»: 'office.nama' tidak ada" in result.stdout
    assert "baris" not in result.output, "never a line of the Jinja source"
    assert not (tmp_path / "out").exists(), "no preview of a broken template"


def test_rkt_templat_of_a_folder_without_templates_exits_2(tmp_path):
    (tmp_path / "kosong").mkdir()
    result = CliRunner().invoke(cli, ["templat", "--templat", str(tmp_path / "kosong")])
    assert result.exit_code == 2 and "tidak berisi rkt.docx maupun pk.docx" in result.output


def test_the_shipped_templates_stay_as_they_are(tmp_path, mini_inputs):
    before = render.TEMPLATE.read_bytes(), render.AGREEMENT.read_bytes()
    folder = tmp_path / "templat"
    folder.mkdir()
    shutil.copy(render.TEMPLATE, folder / "rkt.docx")
    result = CliRunner().invoke(cli, ["templat", "--templat", str(folder), "--inputs", str(mini_inputs),
                                      "--output", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 0, result.output
    assert (render.TEMPLATE.read_bytes(), render.AGREEMENT.read_bytes()) == before


@pytest.mark.parametrize("rule_id", sorted(tags.TEMPLATE_PROBLEMS))
def test_every_template_problem_is_listed_by_rkt_rules(rule_id):
    assert rule_id in CliRunner().invoke(cli, ["rules"]).stdout


# ---------------------------------------------------------------- rkt build --templat, rkt diff --templat

def edited(folder: Path, source: Path, old: bytes, new: bytes) -> Path:
    """A copy of the template `source` in `folder` with the first `old` of its body replaced by `new`."""
    import zipfile

    folder.mkdir(parents=True, exist_ok=True)
    target = folder / source.name
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                assert old in data
                data = data.replace(old, new, 1)
            zout.writestr(item, data)
    return target


def twin_lines(folder: Path, prefix: str) -> list[str]:
    return (folder / f"{prefix}-2024-BKK-Kelas-II-Contoh.md").read_text(encoding="utf-8").splitlines()


def test_a_build_from_an_edited_copy_changes_only_the_edited_word(tmp_path, mini_inputs):
    before = render.TEMPLATE.read_bytes()
    edited(tmp_path / "templat", render.TEMPLATE, b"acuan dan pedoman dalam", b"acuan dan panduan dalam")
    runner = CliRunner()
    assert runner.invoke(cli, ["build", "--inputs", str(mini_inputs), "--output", str(tmp_path / "a")]).exit_code == 0
    result = runner.invoke(cli, ["build", "--inputs", str(mini_inputs), "--output", str(tmp_path / "b"),
                                 "--templat", str(tmp_path / "templat")])
    assert result.exit_code == 0, result.output
    old, new = twin_lines(tmp_path / "a", "RKT"), twin_lines(tmp_path / "b", "RKT")
    changed = [(a, b) for a, b in zip(old, new, strict=True) if a != b]
    assert len(changed) == 1 and changed[0][0].replace("pedoman", "panduan") == changed[0][1]
    assert twin_lines(tmp_path / "a", "PK") == twin_lines(tmp_path / "b", "PK"), "no pk.docx there: the shipped one"
    assert render.TEMPLATE.read_bytes() == before


def test_rkt_diff_shows_the_edited_word(tmp_path, mini_inputs):
    from pipeline.build import build

    shipped = build(mini_inputs, tmp_path / "out").path
    edited(tmp_path / "templat", render.TEMPLATE, b"acuan dan pedoman dalam", b"acuan dan panduan dalam")
    result = CliRunner().invoke(cli, ["diff", str(shipped), str(mini_inputs), "--templat", str(tmp_path / "templat")])
    assert result.exit_code == 1
    assert result.stdout.startswith("Teks dokumen RKT\n  - Dengan disusunnya")
    assert result.stdout.endswith("  kata: pedoman -> panduan\n")


def test_a_build_from_a_broken_copy_names_the_paragraph_and_writes_nothing(tmp_path, mini_inputs):
    edited(tmp_path / "templat", render.AGREEMENT, b"{{ pk.budget.figure }}", b"{{ pk.budget.figur }}")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", "--inputs", str(mini_inputs), "--output", str(out),
                                      "--templat", str(tmp_path / "templat")])
    assert result.exit_code == 2
    assert "GALAT [templat.nama] " in result.output and "pk.docx, paragraf " in result.output
    assert "'pk.budget.figur' tidak ada dalam data dokumen (maksudnya 'figure'?)" in result.output
    assert "baris" not in result.output
    assert not list(out.glob("*.docx")), "neither document is written"


def test_build_refuses_a_template_folder_that_is_none(tmp_path, mini_inputs):
    result = CliRunner().invoke(cli, ["build", "--inputs", str(mini_inputs), "--output", str(tmp_path / "out"),
                                      "--templat", str(tmp_path / "tidak-ada")])
    assert result.exit_code == 2 and "folder templat" in result.output


# ---------------------------------------------------------------- the editors planners use

@pytest.fixture(scope="module")
def plan():
    return plan_of()


@pytest.fixture(scope="module")
def shipped_twins(plan):
    """The text twins of the mini office's documents from the shipped templates."""
    from pipeline.document.documents import documents
    from pipeline.document.twin import docx_to_markdown

    return {kind: docx_to_markdown(docx) for kind, docx in documents(plan).items()}


def twins(plan, folder: Path) -> dict[str, str]:
    from pipeline.document.documents import documents
    from pipeline.document.twin import docx_to_markdown

    return {kind: docx_to_markdown(docx) for kind, docx in documents(plan, templates=folder).items()}


def differing(old: str, new: str) -> list[tuple[str, str]]:
    import difflib

    out = []
    a, b = old.splitlines(), new.splitlines()
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag != "equal":
            out.append(("\n".join(a[i1:i2]), "\n".join(b[j1:j2])))
    return out


def page_breaks(docx: bytes) -> int:
    """The page breaks a reader meets in the body: before a paragraph, or typed into one."""
    import io
    import zipfile

    body = zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml").decode()
    return body.count("<w:pageBreakBefore/>") + body.count('<w:br w:type="page"/>')


@pytest.mark.office
def test_templates_saved_by_libreoffice_build_the_same_text(tmp_path, office_tools, plan, shipped_twins):
    """Opened in LibreOffice Writer and saved as .docx with no edit: the documents read as before, and each
    chapter still starts a page (LibreOffice moves a page break into the paragraph above: a tag's)."""
    from pipeline.document.documents import documents
    from tests.libreoffice import saved_by_libreoffice

    for source in (render.TEMPLATE, render.AGREEMENT):
        saved_by_libreoffice(source, tmp_path / source.name)
    assert all(not tags.check(tmp_path / n, r).findings for n, r in SHAPES.items())
    assert twins(plan, tmp_path) == shipped_twins
    shipped, saved = documents(plan), documents(plan, templates=tmp_path)
    assert {k: page_breaks(d) for k, d in saved.items()} == {k: page_breaks(d) for k, d in shipped.items()}


@pytest.mark.office
def test_a_word_changed_in_libreoffice_is_the_only_change(tmp_path, office_tools, plan, shipped_twins):
    from tests.libreoffice import saved_by_libreoffice

    saved_by_libreoffice(render.TEMPLATE, tmp_path / "rkt.docx", "acuan dan pedoman dalam", "acuan dan panduan dalam")
    new = twins(plan, tmp_path)
    assert new["PK"] == shipped_twins["PK"]
    (old_line, new_line), = differing(shipped_twins["RKT"], new["RKT"])
    assert old_line.startswith("Dengan disusunnya") and old_line.replace("pedoman", "panduan") == new_line


def edit_xml(source: Path, folder: Path, change, part: str = "word/document.xml") -> Path:
    """A copy of `source` in `folder` whose `part` is changed by `change(root)` (lxml), as an editor saves it."""
    import zipfile

    from lxml import etree

    folder.mkdir(parents=True, exist_ok=True)
    target = folder / source.name
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == part:
                root = etree.fromstring(data)
                change(root)
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            zout.writestr(item, data)
    return target


WNS = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
Q = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def paragraph_with(root, text: str):
    return next(p for p in root.iter(f"{Q}p") if text in "".join(t.text or "" for t in p.iter(f"{Q}t")))


def retyped(p, pieces: int = 4, marks: bool = True) -> None:
    """The paragraph's text as Word keeps it after typing: runs of a few characters, each with its rsid,
    spelling marks and a bookmark between them, inside the tags too."""
    from lxml import etree

    text = "".join("\t" if e.tag == f"{Q}tab" else e.text or "" for e in p.iter(f"{Q}t", f"{Q}tab"))
    rpr = p.find(f"{Q}r/{Q}rPr")
    for run in p.findall(f"{Q}r"):
        p.remove(run)
    for i in range(0, len(text), pieces):
        if marks and i % (pieces * 3) == 0:
            etree.SubElement(p, f"{Q}proofErr", {f"{Q}type": "spellStart"})
        if marks and i == pieces * 5:
            etree.SubElement(p, f"{Q}bookmarkStart", {f"{Q}id": "7", f"{Q}name": "_GoBack"})
            etree.SubElement(p, f"{Q}bookmarkEnd", {f"{Q}id": "7"})
        run = etree.SubElement(p, f"{Q}r", {f"{Q}rsidR": f"00{i:06X}", f"{Q}rsidRPr": f"00{i + 1:06X}"})
        if rpr is not None:
            run.append(etree.fromstring(etree.tostring(rpr)))
        for k, piece in enumerate(text[i:i + pieces].split("\t")):
            if k:
                etree.SubElement(run, f"{Q}tab")
            t = etree.SubElement(run, f"{Q}t")
            t.text = piece
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


def every_paragraph_with_a_tag_retyped(root) -> None:
    for p in root.iter(f"{Q}p"):
        if "{{" in "".join(t.text or "" for t in p.iter(f"{Q}t")):
            retyped(p)


def a_paragraph_between_tables(root) -> None:
    from copy import deepcopy

    placeholder = paragraph_with(root, "{{ tables.tabel_5|table }}")
    note = deepcopy(paragraph_with(root, "Penyusunan RKT didasarkan pada"))
    for t in note.iter(f"{Q}t"):
        t.text = ""
    note.find(f".//{Q}t").text = "Catatan baru di antara tabel."
    placeholder.addnext(note)


def taller_rows(root) -> None:
    from lxml import etree

    for tr in root.iter(f"{Q}tr"):
        trpr = tr.find(f"{Q}trPr")
        if trpr is None:
            trpr = etree.Element(f"{Q}trPr")
            tr.insert(0, trpr)
        etree.SubElement(trpr, f"{Q}trHeight", {f"{Q}val": "600"})


def wider_margins(root) -> None:
    for margin in root.iter(f"{Q}pgMar"):
        margin.set(f"{Q}left", "2268")


def bigger_body_text(root) -> None:
    from lxml import etree

    style = next(s for s in root.iter(f"{Q}style") if s.get(f"{Q}styleId") == "Paragraf")
    rpr = style.find(f"{Q}rPr")
    if rpr is None:
        rpr = etree.SubElement(style, f"{Q}rPr")
    etree.SubElement(rpr, f"{Q}sz", {f"{Q}val": "26"})


@pytest.mark.parametrize(("change", "part"), [
    (every_paragraph_with_a_tag_retyped, "word/document.xml"),
    (taller_rows, "word/document.xml"),
    (wider_margins, "word/document.xml"),
    (bigger_body_text, "word/styles.xml"),
], ids=["runs-split-proofErr-bookmark", "row-height", "margins", "style"])
def test_an_edit_in_word_keeps_the_text(tmp_path, plan, shipped_twins, change, part):
    for source in (render.TEMPLATE, render.AGREEMENT):
        edit_xml(source, tmp_path, change, part)
    assert all(not tags.check(tmp_path / n, r).findings for n, r in SHAPES.items())
    assert twins(plan, tmp_path) == shipped_twins


def test_a_retyped_paragraph_with_a_changed_word(tmp_path, plan, shipped_twins):
    def retype(root):
        p = paragraph_with(root, "Dengan disusunnya Rencana Kinerja Tahunan")
        p.find(f".//{Q}t").text = p.find(f".//{Q}t").text.replace("pedoman", "panduan")
        retyped(p, pieces=3)

    edit_xml(render.TEMPLATE, tmp_path, retype)
    new = twins(plan, tmp_path)["RKT"]
    (old_line, new_line), = differing(shipped_twins["RKT"], new)
    assert old_line.replace("pedoman", "panduan") == new_line


def test_a_paragraph_added_between_tables(tmp_path, plan, shipped_twins):
    edit_xml(render.TEMPLATE, tmp_path, a_paragraph_between_tables)
    (old, new), = differing(shipped_twins["RKT"], twins(plan, tmp_path)["RKT"])
    assert (old, new.strip()) == ("", "Catatan baru di antara tabel.")


def test_a_page_break_in_a_paragraph_the_build_removes_moves_to_the_next(tmp_path, plan):
    """Where LibreOffice keeps "page break before" of a heading: in a `{%p %}` tag's paragraph, or a
    placeholder's, both of which the build removes."""
    brk = '<w:r><w:br w:type="page"/></w:r>'
    path = template(tmp_path, p("Awal."), p("{%p for x in [1] %}", brk), p("{%p if true %}"),
                    p("Bab Dua", style="Heading1"), p("{%p endif %}"), p("{%p endfor %}"),
                    p("{{ tables.tabel_1|table }}", brk), p("Bab Tiga", style="Heading1"))
    body = open_docx(render.render(build_context(plan), path)).element.body
    breaks = [("".join(t.text for t in para.iter(f"{Q}t")), para.find(f"{Q}pPr/{Q}pageBreakBefore") is not None)
              for para in body.iter(f"{Q}p") if para.getparent() is body]
    assert breaks == [("Awal.", False), ("Bab Dua", True), ("Bab Tiga", True)]
    assert '<w:br w:type="page"/>' not in render.etree.tostring(body).decode()
