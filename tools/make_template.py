"""Build templates/rkt.docx, pk.docx, lakin.docx and capaian.docx: the Word templates of the RKT, the
Perjanjian Kinerja, the Laporan Kinerja and the capaian report, with docxtpl (Jinja) tags in their text.

    .venv/bin/python tools/make_template.py        # writes the four templates into templates/

The template holds all prose of the published RKT (Kata Pengantar, Latar Belakang, Struktur
Organisasi, Sumber Daya Manusia, BAB II, BAB III, captions), the page set-up (A4, a landscape
section for the annex), the styles, the table of contents field and the page numbers. Every
number, name and date comes from `pipeline.document.context.build_context` through tags:
`{{ office.name }}`, `{%p if ... %}` and `{%p for ... %}` (whole paragraphs). Where a data table
goes, a paragraph holds only its placeholder, `{{ tables.tabel_5|table }}`: the build writes the
table there from its declaration in pipeline/document/columns.py (pipeline/document/table.py), so
no Jinja tag sits inside a table that an editor could rewrite. Charts and the organisation chart
are placeholders of the same kind (`|chart`, `|orgchart`). What is left as tables here are the
template's own: the signature blocks, the parties of the PK and the BAB II matrix.

The generated .docx is committed. A planner may open a copy in Word or LibreOffice and edit prose,
styles or margins, keeping the tags intact (docs/templates.md; `rkt templat` checks the copy,
`rkt build --templat DIR` uses it). Re-running this script overwrites edits of the committed
templates, so port them here first (this script is the reproducible source; tests/test_contract.py
checks that both use only names of their contracts, pipeline/document/contract.py, and
tests/test_render.py and tests/test_agreement.py that this script rebuilds them).

The Perjanjian Kinerja follows PermenPAN-RB 53/2014: the parties (head of office, and the
superior who leads the parent unit), the two promises, both signatures, and a lampiran with the
sasaran, IKK and targets, the activities and the budget in figures and words. Its values come
from `pipeline.document.agreement.agreement_context`, from the same model as the RKT's.
"""

from __future__ import annotations

import sys
from pathlib import Path
from xml.sax.saxutils import escape

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Cm

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's pipeline, installed or not
from pipeline.document import columns  # noqa: E402

OUT = ROOT / "templates" / "rkt.docx"

NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:w10="urn:schemas-microsoft-com:office:word"'
)
FONT = "Arial"


def tw(cm: float) -> int:
    """Centimetres to twentieths of a point (Word's unit for widths and indents)."""
    return round(cm * 567)


# ---------------------------------------------------------------- paragraphs and runs

def run(text: str, bold: bool = False, italic: bool = False, underline: bool = False, size: float | None = None,
        color: str | None = None, caps: bool = False) -> str:
    props = ""
    if bold:
        props += "<w:b/><w:bCs/>"
    if italic:
        props += "<w:i/><w:iCs/>"
    if caps:
        props += "<w:caps/>"
    if color:
        props += f'<w:color w:val="{color}"/>'
    if size:
        props += f'<w:sz w:val="{round(size * 2)}"/><w:szCs w:val="{round(size * 2)}"/>'
    if underline:
        props += '<w:u w:val="single"/>'
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    parts = text.split("\t")
    body = "<w:tab/>".join(f'<w:t xml:space="preserve">{escape(p)}</w:t>' for p in parts)
    return f"<w:r>{rpr}{body}</w:r>"


def para(content: str | list[str] = "", style: str | None = None, jc: str | None = None, keep_next: bool = False,
         page_break: bool = False, left: float | None = None, hanging: float | None = None,
         first_line: float | None = None, before: float | None = None, after: float | None = None,
         tabs: list[tuple[str, float]] | None = None, bottom_border: bool = False, **run_props) -> str:
    """A paragraph; `content` is text (one run, formatted by `run_props`) or a list of run XML strings."""
    ppr = ""
    if style:
        ppr += f'<w:pStyle w:val="{style}"/>'
    if keep_next:
        ppr += "<w:keepNext/>"
    if page_break:
        ppr += "<w:pageBreakBefore/>"
    if bottom_border:
        ppr += '<w:pBdr><w:bottom w:val="single" w:sz="12" w:space="4" w:color="auto"/></w:pBdr>'
    if tabs:
        ppr += "<w:tabs>" + "".join(f'<w:tab w:val="{k}" w:pos="{tw(p)}"/>' for k, p in tabs) + "</w:tabs>"
    if before is not None or after is not None:
        attrs = ""
        if before is not None:
            attrs += f' w:before="{round(before * 20)}"'
        if after is not None:
            attrs += f' w:after="{round(after * 20)}"'
        ppr += f"<w:spacing{attrs}/>"
    if left is not None or hanging is not None or first_line is not None:
        attrs = f' w:left="{tw(left or 0)}"'
        if hanging is not None:
            attrs += f' w:hanging="{tw(hanging)}"'
        if first_line is not None:
            attrs += f' w:firstLine="{tw(first_line)}"'
        ppr += f"<w:ind{attrs}/>"
    if jc:
        ppr += f'<w:jc w:val="{jc}"/>'
    runs = content if isinstance(content, list) else ([run(content, **run_props)] if content else [])
    return f"<w:p>{'<w:pPr>' + ppr + '</w:pPr>' if ppr else ''}{''.join(runs)}</w:p>"


def tag(text: str, style: str | None = None) -> str:
    """A paragraph holding only a docxtpl tag (`{%p ... %}`); docxtpl removes it when rendering."""
    return para(text, style=style)


def prose(text: str, keep_next: bool = False) -> str:
    """A justified body paragraph with a first-line indent."""
    return para(text, style="Paragraf", keep_next=keep_next)


def item(label: str, text: str, level: int = 1, keep_next: bool = False) -> str:
    """A list item with its label typed (`1.`, `a.`, `1)`): a hanging indent, no Word numbering to break."""
    return para(f"{label}\t{text}", style=f"Daftar{level}", keep_next=keep_next)


def heading(text: str, level: int, page_break: bool = False, jc: str | None = None) -> str:
    return para(text, style=f"Heading{level}", page_break=page_break, jc=jc)


def caption(text: str) -> str:
    return para(text, style="Keterangan")


def placeholder(ref: str) -> str:
    """A data table's place: a paragraph holding only its tag, the table written there by the build from its
    declaration (pipeline/document/table.py), so an editor meets no Jinja inside a table."""
    return para(f"{{{{ {ref}|table }}}}", style="Normal")


def figure(tag_text: str, caption_text: str) -> list[str]:
    """A chart or the organisation chart (drawn by the renderer in place of `tag_text`), captioned below."""
    return [para(tag_text, style="Gambar"), para(caption_text, style="KeteranganGambar")]


def field(instr: str, placeholder: str) -> str:
    """A complex field (PAGE, TOC) with a placeholder result shown until the field is updated."""
    return (
        '<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {escape(instr)} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r><w:t xml:space=\"preserve\">{escape(placeholder)}</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


# ---------------------------------------------------------------- tables

def cell(content: str | list[str], width: float, style: str) -> str:
    """A cell of a template's own table: `content` is text or a list of paragraph XML strings."""
    paras = ("".join(content) or para(style=style)) if isinstance(content, list) else para(content, style=style)
    return f'<w:tc><w:tcPr><w:tcW w:w="{tw(width)}" w:type="dxa"/><w:vAlign w:val="top"/></w:tcPr>{paras}</w:tc>'


def row(cells: list[str], cant_split: bool = True) -> str:
    trpr = "<w:cantSplit/>" if cant_split else ""
    return f"<w:tr>{'<w:trPr>' + trpr + '</w:trPr>' if trpr else ''}{''.join(cells)}</w:tr>"


def table(widths: list, rows: list[str], borders: bool = True, jc: str = "center", margin: float = 0.1) -> str:
    """A fixed-layout table of the template's own (a signature block, the BAB II matrix); `widths` in cm, one per
    grid column. The data tables are written by the build (pipeline/document/table.py)."""
    edges = ("top", "left", "bottom", "right", "insideH", "insideV")
    kind = 'w:val="single" w:sz="4" w:space="0" w:color="000000"' if borders else 'w:val="nil"'
    tblpr = (
        f'<w:tblW w:w="{tw(sum(widths))}" w:type="dxa"/><w:jc w:val="{jc}"/>'
        "<w:tblBorders>" + "".join(f"<w:{e} {kind}/>" for e in edges) + "</w:tblBorders>"
        '<w:tblLayout w:type="fixed"/>'
        f'<w:tblCellMar><w:left w:w="{tw(margin)}" w:type="dxa"/><w:right w:w="{tw(margin)}" w:type="dxa"/>'
        "</w:tblCellMar>"
        '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" '
        'w:noHBand="0" w:noVBand="1"/>'
    )
    grid = "".join(f'<w:gridCol w:w="{tw(w)}"/>' for w in widths)
    return f"<w:tbl><w:tblPr>{tblpr}</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"






# ---------------------------------------------------------------- the signature block (one definition)

def signature_macro(macro: str = "tanda_tangan", date: str = "sign.date",
                    used: str = "di Kata Pengantar dan setiap lampiran") -> list[str]:
    """The head's signature block, defined once as a Jinja macro and called wherever the document is signed
    (the RKT dates it with the edition, the LAKIN with the month after its period)."""
    lines = [
        para("{{ sign.place }}, {{ " + date + " }}", style="TTD"),
        para("{{ sign.title }}", style="TTD"),
        para("", style="TTD"), para("", style="TTD"), para("", style="TTD"),
        para("{{ sign.name }}", style="TTD", bold=True, underline=True),
        para("NIP {{ sign.nip }}", style="TTD"),
    ]
    block = table([8.5], [row([cell(lines, 8.5, style="TTD")])], borders=False, jc="right", margin=0)
    what = "Blok tanda tangan" if macro == "tanda_tangan" else "Blok tanda tangan LAKIN"
    return [
        tag("{#p " + what + ": satu definisi (identitas.xlsx), dipakai " + used + " #}"),
        tag("{%p macro " + macro + "() %}"),
        para("", style="TTD", before=0, after=0),
        block,
        tag("{%p endmacro %}"),
    ]


SIGN = tag("{{p tanda_tangan() }}")


# ---------------------------------------------------------------- the document, part by part

def cover(title: str = "RENCANA KINERJA TAHUNAN", subtitle: str = "{{ edition.title }}") -> list[str]:
    """The cover: the document's title over the office's identity (the RKT's and the LAKIN's alike)."""
    return [
        para("", before=60),
        para(title, jc="center", bold=True, size=22, after=6),
        para(subtitle, jc="center", bold=True, size=16, after=0, bottom_border=True),
        para("", before=150),
        para("{{ office.ministry_upper }}", jc="center", bold=True, size=12, after=0),
        para("{{ office.parent_unit_upper }}", jc="center", bold=True, size=12, after=18),
        para("{{ office.name_upper }}", jc="center", bold=True, size=15, after=12),
        para("{{ office.address }} {{ office.postcode }}", jc="center", size=11, after=0),
        para("{{ office.contact }}", jc="center", size=11, after=0),
    ]


def foreword() -> list[str]:
    return [
        heading("KATA PENGANTAR", 1),
        prose(
            "{% if texts.vision %}Sejalan dengan Visi Presiden Republik Indonesia Tahun {{ texts.period }} yaitu "
            "{{ texts.vision }}{% else %}Sejalan dengan arah pembangunan nasional Tahun {{ texts.period }}{% endif %}, "
            "dimana peningkatan kualitas manusia "
            "Indonesia menjadi prioritas utama dengan dukungan pembangunan kesehatan yang terarah, terukur, merata "
            "dan berkeadilan. Untuk mencapai derajat kesehatan masyarakat setinggi-tingginya, maka dibutuhkan program "
            "kesehatan yang bersifat preventif dan promotif{% if texts.program %} salah satunya adalah "
            "{{ texts.program }}{% endif %}. Berbagai kegiatan dilakukan untuk mendukung pencegahan dan pengendalian "
            "penyakit, diantaranya adalah upaya kekarantinaan yang dilakukan di pintu masuk negara."
        ),
        prose(
            "{{ office.name }} merupakan Unit Pelaksana Teknis (UPT) dari {{ office.ministry }} yang berada di bawah "
            "dan bertanggung jawab kepada {{ texts.superior }}. Tugas pokok "
            "{{ office.name }} adalah melaksanakan pencegahan masuk dan keluarnya penyakit, pengendalian dampak "
            "kesehatan lingkungan, serta pengamanan terhadap penyakit baru dan penyakit yang muncul kembali, "
            "bioterorisme, unsur biologi, kimia dan pengamanan radiasi di wilayah kerja pelabuhan dan bandara. "
            "Pelaksanaan tugas {{ office.name }} merupakan bagian dari program {{ office.parent_unit }} "
            "yang dilaksanakan di lingkungan pelabuhan dan bandara dalam wilayah kerja "
            "{{ office.name }} dilaksanakan oleh seluruh pegawai bekerjasama dengan unit-unit lintas program dan "
            "lintas sektor terkait."
        ),
        prose(
            "Secara umum, tujuan {{ office.name }} adalah mewujudkan pelabuhan dan bandara sehat melalui upaya "
            "pencegahan masuk dan keluarnya penyakit potensial wabah serta pengendalian faktor risiko penyakit dan "
            "pelayanan kesehatan yang disebabkan oleh angkutan dan lingkungan pelabuhan dan bandara."
        ),
        prose(
            "Sasaran strategis {{ office.name }} merupakan turunan dari {{ texts.parent_unit_short }} yaitu "
            "{{ texts.goals }}."
        ),
        prose(
            "Dengan disusunnya Rencana Kinerja Tahunan (RKT) {{ office.name }} Tahun {{ year }}, maka diharapkan "
            "dapat menjadi acuan dan pedoman dalam pelaksanaan program dan kegiatan sesuai TUPOKSI selama satu "
            "tahun anggaran."
        ),
        SIGN,
        para("DAFTAR ISI", style="JudulDaftarIsi", page_break=True),
        para([field('TOC \\o "1-3" \\h \\z \\u',
                    "Daftar isi diperbarui otomatis saat dokumen dibuka di Microsoft Word "
                    "(di LibreOffice: Alat > Perbarui > Perbarui Semua).")], style="Normal"),
    ]


def staff_tables() -> list[str]:
    s = "staff"
    t1, t2 = placeholder("tables.tabel_1"), placeholder("tables.tabel_2")
    legend = [tag("{%p if staff.unit_legend %}"),
              para("Keterangan: {{ staff.unit_legend }}", style="Catatan"), tag("{%p endif %}")]
    return [
        para("a.\tMenurut Jabatan", style="Subjudul"),
        tag(f"{{%p for p in {s}.by_position %}}"),
        para("{{ p.no }}\t{{ p.name }}\t: {{ p.count }}", style="Daftar2", tabs=[("left", 8.5)]),
        tag("{%p endfor %}"),
        *figure("{{ charts.grafik_1|chart }}",
                "Grafik 1. Persentase Sumber Daya Manusia {{ office.name }} Menurut Jabatan Tahun {{ year }}"),
        para("b.\tMenurut Golongan dan Ruang", style="Subjudul"),
        caption("Tabel 1. Distribusi Pegawai Menurut Golongan dan Ruang {{ office.name }} Tahun {{ year }}"),
        t1,
        *figure("{{ charts.grafik_2|chart }}",
                "Grafik 2. Distribusi Pegawai {{ office.name }} Menurut Golongan dan Ruang Tahun {{ year }}"),
        para("c.\tMenurut Tingkat Pendidikan", style="Subjudul"),
        caption("Tabel 2. Distribusi Pegawai Menurut Tingkat Pendidikan {{ office.name }} Tahun {{ year }}"),
        t2,
        *figure("{{ charts.grafik_3|chart }}",
                "Grafik 3. Distribusi Pegawai {{ office.name }} Menurut Tingkat Pendidikan Tahun {{ year }}"),
        para("d.\tMenurut Unit Kerja dan Jabatan", style="Subjudul"),
        para("Tahun {{ year }} ini, distribusi pegawai berdasarkan unit kerja dan jabatan, baik struktural maupun "
             "fungsional, adalah sebagai berikut:", style="Paragraf", keep_next=True),
        # Tabel 3, in as many parts as the page needs (pipeline.document.context._unit_table)
        tag("{%p for t in staff.unit_tables %}"),
        caption("Tabel 3{% if t.continued %} (lanjutan){% endif %}. Distribusi Pegawai Menurut Unit Kerja dan "
                "Jabatan {{ office.short }} Tahun {{ year }}"),
        placeholder("t.table"),
        tag("{%p endfor %}"),
        *legend,
        *figure("{{ charts.grafik_4|chart }}",
                "Grafik 4. Distribusi Pegawai {{ office.short }} Menurut Unit Kerja dan Jabatan Tahun {{ year }}"),
    ]


def chapter_one() -> list[str]:
    return [
        heading("BAB I PENDAHULUAN", 1),
        heading("1. Latar Belakang", 2),
        prose(
            "Rencana Kinerja Tahunan (RKT) merupakan dokumen yang berisi informasi tentang sasaran, indikator kinerja "
            "kegiatan, dan target kinerja berupa output dan atau outcome yang ingin diwujudkan oleh suatu organisasi "
            "pada satu tahun tertentu. Dokumen Rencana Kinerja Tahunan (RKT) merupakan suatu hal yang penting bagi "
            "terselenggaranya tata kelola yang baik. Oleh karenanya, Rencana Kinerja Tahunan (RKT) menjadi suatu hal "
            "yang cukup kritikal yang harus dijadikan fokus perhatian oleh manajemen Rencana Kinerja Tahunan (RKT) "
            "dan juga merupakan tahap penting dalam melaksanakan rencana strategis (Renstra) {{ office.name }}."
        ),
        prose("Penyusunan RKT didasarkan pada {{ texts.legal_basis }}."),
        prose(
            "Rencana Kinerja Tahunan (RKT) ini disusun sebagai pedoman, pengendalian serta pengawasan dalam "
            "pencapaian sasaran dan target indikator kinerja tahun {{ year }}, mewujudkan keterpaduan arah kebijakan "
            "dan strategi serta keselarasan program dan kegiatan sesuai dengan sasaran yang ditetapkan oleh "
            "{{ office.parent_unit }}, terwujudnya pelayanan prima dan kepuasan "
            "stakeholder, sebagai acuan {{ office.name }} dalam perencanaan kerja tahun berikutnya, untuk memberi "
            "kemudahan dalam melakukan evaluasi kinerja di akhir tahun anggaran {{ year }}."
        ),
        prose(
            "Sebagai bagian dari manajemen kinerja yang baik, Rencana Kinerja Tahunan (RKT) memerlukan pemikiran "
            "mendalam untuk menyelaraskan berbagai hal yang telah dituangkan dalam Renstra dan kemungkinan "
            "pelaksanaannya. Rencana Kinerja Tahunan (RKT) yang baik haruslah selaras dan terintegrasi dengan "
            "penataan program di keseluruhan unit organisasi dan perencanaan kegiatan di tingkat unit pelaksana. "
            "Rencana Kinerja Tahunan (RKT) juga harus terintegrasi dengan rencana induk maupun perencanaan "
            "operasional yang lebih rinci sehingga segala sesuatu yang telah disusun dan direncanakan pencapaian "
            "sasaran kinerjanya dapat secara jelas dan realistis untuk dilaksanakan dengan sebaik-baiknya sesuai "
            "yang telah diprogramkan dan menjadi instrumen evaluasi pengukuran kinerja, namun demikian Rencana "
            "Kinerja Tahunan (RKT) juga bukan merupakan suatu dokumen yang tidak mungkin untuk dilakukan revisi, "
            "mengingat terkadang dalam prakteknya, suatu perencanaan dapat berubah sesuai dinamika berbagai hal "
            "yang berkembang setiap saat."
        ),
        heading("2. Struktur Organisasi", 2),
        prose(
            "{% if texts.organisation_regulation %}Berdasarkan {{ texts.organisation_regulation }}, "
            "{% endif %}Struktur Organisasi {{ office.name }} "
            "dipimpin oleh seorang kepala dengan susunan organisasi yang terdiri dari:"
        ),
        tag("{%p for u in units %}"),
        item("{{ u.no }}.", "{{ u.sentence }}"),
        tag("{%p if u.wilker %}"),
        para("Wilayah kerja {{ office.short }} terdiri dari {{ wilker_count }} wilayah kerja, yakni:",
             style="Lanjutan1"),
        tag("{%p for w in wilker %}"),
        item("{{ w.letter }}.", "Wilayah Kerja {{ w.name }}", level=2),
        tag("{%p endfor %}"),
        tag("{%p endif %}"),
        tag("{%p endfor %}"),
        para("Berikut ini adalah bagan dari struktur organisasi {{ office.short }} Tahun {{ year }}:", style="Paragraf",
             keep_next=True),
        *figure("{{ bagan|orgchart }}", "Bagan 1. Struktur Organisasi {{ office.name }} Tahun {{ year }}"),
        heading("3. Sumber Daya Manusia", 2),
        prose(
            "Sumber Daya Manusia dan Sumber Daya Anggaran merupakan elemen yang memegang peran penting untuk mencapai "
            "kinerja dalam suatu organisasi baik dari segi kuantitas maupun kualitas. Tahun {{ year }} ini, jumlah "
            "pegawai {{ office.name }} sebanyak {{ staff.total_phrase }} terdiri dari {{ staff.status_phrase }}, "
            "dengan rincian sebagai berikut:"
        ),
        *staff_tables(),
    ]


def matrix() -> str:
    """BAB II's opening matrix: ministry, unit, programs and activities with their goals."""
    w = [5.0, 0.5, 10.0]

    def line(label: str, values: list[str]) -> str:
        return row([cell(label, w[0], style="Matriks"), cell(":", w[1], style="Matriks"),
                    cell(values, w[2], style="Matriks")], cant_split=False)

    def listed(loop: str, label: str, value: str) -> list[str]:
        return [tag(loop, "Matriks"), para(f"{label}\t{value}", style="MatriksDaftar"), tag("{%p endfor %}", "Matriks")]

    programs_goals = [
        tag("{%p for p in programs %}", "Matriks"),
        para("Program {{ p.name }}", style="Matriks", bold=True),
        *listed("{%p for g in p.goals %}", "{{ g.no }}", "{{ g.name }}"),
        tag("{%p endfor %}", "Matriks"),
    ]
    return table(w, [
        line("Kementerian Negara/Lembaga", [para("{{ office.ministry }}", style="Matriks")]),
        line("Unit Organisasi/Satker", [para("{{ office.parent_unit }} / {{ office.name }}", style="Matriks")]),
        line("Program", listed("{%p for p in programs %}", "{{ p.no }}", "{{ p.name }}")),
        line("Sasaran Program", programs_goals),
        line("Kegiatan", listed("{%p for a in activities %}", "{{ a.no }}", "{{ a.name }}")),
        line("Sasaran Kegiatan", listed("{%p for g in activity_goals %}", "{{ g.no }}", "{{ g.name }}")),
    ], borders=False, jc="left", margin=0.05)


def chapter_two() -> list[str]:
    return [
        heading("BAB II INDIKATOR DAN TARGET KINERJA TAHUNAN", 1, page_break=True),
        matrix(),
        caption("Tabel 4. Sasaran Kegiatan, Rincian Output dan Pendanaan Tahun {{ year }}"),
        placeholder("tables.tabel_4"),
        heading("1. Perhitungan Pendanaan (Tahun Berjalan dan Prakiraan Maju)", 2),
        caption("Tabel 5. Perhitungan Pendanaan Tahun {{ year }} dan Prakiraan Maju"),
        placeholder("tables.tabel_5"),
        heading("2. Sumber Pendanaan", 2),
        caption("Tabel 6. Sumber Pendanaan Tahun {{ year }}"),
        placeholder("tables.tabel_6"),
    ]


def chapter_three() -> list[str]:
    return [
        heading("BAB III PENUTUP", 1, page_break=True),
        heading("1. Pemanfaatan RKT", 2),
        prose(
            "Penyusunan Rencana Kinerja Tahunan (RKT) {{ office.name }} Tahun {{ year }} ini bertujuan untuk "
            "memberi acuan bagi pelaksana kegiatan di {{ office.name }} dalam melaksanakan tugas dan fungsinya. "
            "Rencana Kinerja Tahunan (RKT) akan menjadi pedoman bagi {{ office.name }} dalam menyusun rencana kerja "
            "guna mencapai kinerja yang telah ditetapkan dan sebagai dasar penilaian keberhasilan/kegagalan dalam "
            "pencapaian Sasaran Strategis dan Indikator Kinerja serta menjadikan tolok ukur kinerja sebagai dasar "
            "evaluasi kinerja {{ office.name }}, juga diharapkan dapat menjamin keselarasan kegiatan pada tahun "
            "{{ year }}."
        ),
        prose(
            "Rencana Kinerja Tahunan (RKT) tahun {{ year }} merupakan penjabaran Renstra {{ office.name }} periode "
            "{{ texts.period }}, sehingga Rencana Kinerja Tahunan (RKT) tahun {{ year }} memuat langkah-langkah awal "
            "untuk mendukung pencapaian sasaran-sasaran strategis sebagaimana telah ditetapkan dalam Renstra "
            "{{ office.name }}. Sasaran strategis tersebut dijabarkan secara lebih tajam dalam Rencana Kinerja "
            "Tahunan (RKT), sehingga dapat terlihat sasaran tahunan yang akan dicapai oleh {{ office.name }}. "
            "Disamping sebagai penjabaran Renstra {{ office.name }} periode {{ texts.period }}, Rencana Kinerja "
            "Tahunan (RKT) {{ year }} juga disusun dengan mempertimbangkan hasil telaahan pelaksanaan program dan "
            "kegiatan selama tahun {{ texts.previous_year }} serta permasalahan dan tantangan yang diperkirakan "
            "terjadi pada tahun {{ year }}."
        ),
        prose(
            "Rencana Kinerja Tahunan (RKT) juga diharapkan dapat mewujudkan keterpaduan arah kebijakan dan strategi "
            "serta keselarasan program dan kegiatan sesuai dengan sasaran yang ditetapkan oleh "
            "{{ office.parent_unit }}, "
            "meningkatkan kompetensi profesionalisme dan disiplin pegawai di lingkungan {{ office.name }}, "
            "mewujudkan pelayanan prima dan kepuasan stakeholder, dan sebagai acuan {{ office.name }} dalam "
            "perencanaan kerja tahun berikutnya."
        ),
        # The section is kept on one page (each paragraph with the next): a chapter never ends with the last
        # lines of a list alone on a page.
        heading("2. Pemantauan Pelaksanaan RKT", 2),
        prose(
            "Dalam rangka untuk mengetahui pelaksanaan dan capaian dari seluruh kegiatan yang telah direncanakan "
            "maka perlu dilakukan monitoring dan evaluasi secara bertahap. Dengan adanya evaluasi secara bertahap "
            "ini dimaksudkan:", keep_next=True,
        ),
        item("1.", "Mengetahui lebih dini terhadap permasalahan dan kendala yang dihadapi.", keep_next=True),
        item("2.", "Dapat segera melakukan treatment terhadap permasalahan dan kendala yang muncul.", keep_next=True),
        item("3.", "Dapat segera mengubah strategi yang lebih baik agar target dapat tercapai.", keep_next=True),
        item("4.", "Sebagai dasar penyusunan perencanaan kedepan yang lebih baik.", keep_next=True),
        prose("Diantara bentuk monitoring dan evaluasi yang dilakukan adalah:", keep_next=True),
        item("1.", "Adanya rapat evaluasi dan monitoring yang diselenggarakan secara rutin.", keep_next=True),
        para([run("2.\tMemantau pencapaian target setiap bulannya melalui aplikasi "),
              run("e-performance", italic=True), run(".")], style="Daftar1", keep_next=True),
        item("3.", "Memantau laporan e-Monev DJA dan e-Monev Bappenas."),
    ]


def annex() -> list[str]:
    return [
        para([run("LAMPIRAN", size=24)], style="Heading1", before=190),
        tag(f"{{%p for {columns.TARGETS.within} %}}"),
        heading("Lampiran {{ g.lampiran }}. {{ g.title }} Tahun {{ year }}", 2, page_break=True, jc="center"),
        placeholder("g.table"),
        SIGN,
        tag("{%p endfor %}"),
        heading("Lampiran {{ schedule.lampiran }}. Jadwal Pelaksanaan Kegiatan Tahun {{ year }}", 2, page_break=True,
                jc="center"),
        placeholder("tables.jadwal"),
        SIGN,
        tag("{%p if draft %}"),
        heading("DAFTAR TEMUAN PEMERIKSAAN (DRAF)", 1, page_break=True),
        tag("{%p if findings %}"),
        prose("Dokumen ini adalah draf: pemeriksaan silang workbook seksi menemukan hal berikut. Perbaiki workbook "
              "pada sel yang disebut, lalu susun ulang dokumen dengan perintah rkt build."),
        placeholder("tables.temuan"),
        tag("{%p else %}"),
        prose("Dokumen ini adalah draf. Pemeriksaan silang workbook seksi tidak menemukan galat maupun peringatan."),
        tag("{%p endif %}"),
        tag("{%p endif %}"),
    ]


# ---------------------------------------------------------------- styles, sections, header and footer

BUILT_IN = {"Normal", "heading 1", "heading 2", "heading 3", "toc 1", "toc 2", "header", "footer"}


def style_xml(style_id: str, name: str, kind: str = "paragraph", based_on: str | None = "Normal",
              ppr: str = "", rpr: str = "", next_style: str | None = None, outline: int | None = None) -> str:
    custom = "" if name in BUILT_IN else ' w:customStyle="1"'
    parts = [f'<w:style {NS} w:type="{kind}"{custom} w:styleId="{style_id}"><w:name w:val="{name}"/>']
    if based_on:
        parts.append(f'<w:basedOn w:val="{based_on}"/>')
    if next_style:
        parts.append(f'<w:next w:val="{next_style}"/>')
    parts.append('<w:qFormat/>')
    if outline is not None:
        ppr += f'<w:outlineLvl w:val="{outline}"/>'
    if ppr:
        parts.append(f"<w:pPr>{ppr}</w:pPr>")
    if rpr:
        parts.append(f"<w:rPr>{rpr}</w:rPr>")
    parts.append("</w:style>")
    return "".join(parts)


def sz(pt: float) -> str:
    return f'<w:sz w:val="{round(pt * 2)}"/><w:szCs w:val="{round(pt * 2)}"/>'


def fonts() -> str:
    return f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/>'


TABLE_SIZES = ((columns.BODY_PT, "", 20), (columns.SMALL_PT, " Kecil", 10), (columns.MINI_PT, " Mini", 0))
STYLES = [
    # (id, name, pPr, rPr, extra)
    ("Normal", "Normal", '<w:spacing w:after="100" w:line="288" w:lineRule="auto"/>', fonts() + sz(11), {}),
    ("Heading1", "heading 1",
     '<w:keepNext/><w:keepLines/><w:spacing w:before="0" w:after="360"/><w:jc w:val="center"/>',
     "<w:b/><w:bCs/><w:caps/>" + sz(13), {"outline": 0, "next_style": "Normal"}),
    ("Heading2", "heading 2", '<w:keepNext/><w:keepLines/><w:spacing w:before="240" w:after="120"/>',
     "<w:b/><w:bCs/>" + sz(11), {"outline": 1, "next_style": "Normal"}),
    ("Heading3", "heading 3", '<w:keepNext/><w:keepLines/><w:spacing w:before="180" w:after="120"/>',
     "<w:b/><w:bCs/>" + sz(11), {"outline": 2, "next_style": "Normal"}),
    ("Paragraf", "Paragraf RKT", f'<w:ind w:firstLine="{tw(1)}"/><w:jc w:val="both"/>', "", {}),
    ("Daftar1", "Daftar RKT 1", f'<w:ind w:left="{tw(0.75)}" w:hanging="{tw(0.75)}"/><w:jc w:val="both"/>', "", {}),
    ("Daftar2", "Daftar RKT 2", '<w:spacing w:after="40"/>'
     f'<w:ind w:left="{tw(1.5)}" w:hanging="{tw(0.75)}"/><w:jc w:val="both"/>', "", {}),
    ("Lanjutan1", "Lanjutan Daftar RKT 1", f'<w:ind w:left="{tw(0.75)}"/><w:jc w:val="both"/>', "", {}),
    ("Subjudul", "Subjudul RKT", f'<w:keepNext/><w:spacing w:before="180" w:after="80"/>'
     f'<w:ind w:left="{tw(0.75)}" w:hanging="{tw(0.75)}"/>', "<w:b/><w:bCs/>", {}),
    ("Keterangan", "Keterangan Tabel", '<w:keepNext/><w:spacing w:before="200" w:after="120" w:line="240" '
     'w:lineRule="auto"/><w:jc w:val="center"/>', "<w:b/><w:bCs/>" + sz(10), {}),
    ("Catatan", "Catatan Tabel", '<w:spacing w:before="60" w:after="120" w:line="240" w:lineRule="auto"/>'
     '<w:jc w:val="both"/>', sz(8.5), {}),
    ("Gambar", "Gambar RKT", '<w:keepNext/><w:spacing w:before="160" w:after="0" w:line="240" w:lineRule="auto"/>'
     '<w:jc w:val="center"/>', "", {}),
    ("KeteranganGambar", "Keterangan Gambar", '<w:keepNext w:val="0"/><w:spacing w:before="80" w:after="240"/>', "",
     {"based_on": "Keterangan"}),
    # the tables' type sizes (pipeline/document/columns.py), each with the style of its RO list items
    *((columns.STYLES[pt], f"Isi Tabel{name}",
       f'<w:spacing w:before="{gap}" w:after="{gap}" w:line="240" w:lineRule="auto"/>', sz(pt), {})
      for pt, name, gap in TABLE_SIZES),
    *((columns.RO_STYLES[pt], f"Isi Tabel Rincian Output{name}",
       f'<w:ind w:left="{tw(columns.ITEM_INDENT)}" w:hanging="{tw(columns.ITEM_HANGING)}"/>', "",
       {"based_on": columns.STYLES[pt]})
      for pt, name, _ in TABLE_SIZES),
    ("Matriks", "Matriks BAB II", '<w:spacing w:before="20" w:after="40" w:line="260" w:lineRule="auto"/>', "", {}),
    ("MatriksDaftar", "Matriks BAB II Daftar", f'<w:ind w:left="{tw(0.6)}" w:hanging="{tw(0.6)}"/>', "",
     {"based_on": "Matriks"}),
    ("TTD", "Tanda Tangan", '<w:keepNext/><w:keepLines/><w:spacing w:after="0" w:line="252" w:lineRule="auto"/>',
     sz(10.5), {}),
    ("JudulDaftarIsi", "Judul Daftar Isi", '<w:keepNext/><w:spacing w:after="360"/><w:jc w:val="center"/>',
     "<w:b/><w:bCs/>" + sz(13), {}),
    ("TOC1", "toc 1", f'<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{tw(columns.PORTRAIT_CM)}"/></w:tabs>'
     '<w:spacing w:before="120" w:after="40"/>', "<w:b/><w:bCs/>", {"next_style": "Normal"}),
    ("TOC2", "toc 2", f'<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{tw(columns.PORTRAIT_CM)}"/></w:tabs>'
     f'<w:spacing w:after="40"/><w:ind w:left="{tw(0.6)}"/>', "", {"next_style": "Normal"}),
    ("Footer", "footer", '<w:spacing w:after="0"/><w:jc w:val="center"/>', sz(10), {}),
    ("Header", "header", '<w:spacing w:after="0"/><w:jc w:val="right"/>', sz(9), {}),
]


def set_styles(doc, table: list | None = None) -> None:
    """The styles of `table` (default STYLES): Arial everywhere (Liberation Sans in LibreOffice: same
    metrics), Indonesian language, black headings."""
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    styles.remove(defaults)
    styles.insert(0, parse_xml(
        f"<w:docDefaults {NS}><w:rPrDefault><w:rPr>{fonts()}{sz(11)}"
        '<w:lang w:val="id-ID" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
        '<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="300" w:lineRule="auto"/></w:pPr></w:pPrDefault>'
        "</w:docDefaults>"
    ))
    for style_id, name, ppr, rpr, extra in STYLES if table is None else table:
        for old in styles.findall(qn("w:style")):
            if old.get(qn("w:styleId")) == style_id:
                styles.remove(old)
        based_on = extra.get("based_on", None if style_id == "Normal" else "Normal")
        el = parse_xml(style_xml(style_id, name, based_on=based_on, ppr=ppr, rpr=rpr,
                                 next_style=extra.get("next_style"), outline=extra.get("outline")))
        if style_id == "Normal":
            el.set(qn("w:default"), "1")
            el.remove(el.find(qn("w:qFormat")))
        styles.append(el)


def append(doc, blocks: list[str]) -> None:
    """Append body XML blocks before the document's final section properties."""
    body = doc.element.body
    for block in blocks:
        body.insert(len(body) - 1, parse_xml(_ns(block)))


def _ns(block: str) -> str:
    """Declare the namespaces on a block's root element so it parses on its own."""
    name_end = block.index(">")
    head = block[:name_end]
    if "xmlns:w=" in head:
        return block
    if head.endswith("/"):
        return f"{head[:-1]} {NS}/>{block[name_end + 1:]}"
    return f"{head} {NS}>{block[name_end + 1:]}"


WATERMARK = (
    '<w:r><w:rPr><w:noProof/></w:rPr><w:pict>'
    '<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" '
    'path="m@7,l@8,m@5,21600l@6,21600e"><v:formulas><v:f eqn="sum #0 0 10800"/><v:f eqn="prod #0 2 1"/>'
    '<v:f eqn="sum 21600 0 @1"/><v:f eqn="sum 0 0 @2"/><v:f eqn="sum 21600 0 @3"/><v:f eqn="if @0 @3 0"/>'
    '<v:f eqn="if @0 21600 @1"/><v:f eqn="if @0 0 @2"/><v:f eqn="if @0 @4 21600"/><v:f eqn="mid @5 @6"/>'
    '<v:f eqn="mid @8 @5"/><v:f eqn="mid @7 @8"/><v:f eqn="mid @6 @7"/><v:f eqn="sum @6 0 @5"/></v:formulas>'
    '<v:path textpathok="t" o:connecttype="custom" o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800" '
    'o:connectangles="270,180,90,0"/><v:textpath on="t" fitshape="t"/>'
    '<v:handles><v:h position="#0,bottomRight" xrange="6629,14971"/></v:handles>'
    '<o:lock v:ext="edit" text="t" shapetype="t"/></v:shapetype>'
    '<v:shape id="RktDraftWatermark" o:spid="_x0000_s1025" type="#_x0000_t136" '
    'style="position:absolute;margin-left:0;margin-top:0;width:420pt;height:140pt;rotation:315;'
    "z-index:-251657216;mso-position-horizontal:center;mso-position-horizontal-relative:margin;"
    'mso-position-vertical:center;mso-position-vertical-relative:margin" o:allowincell="f" '
    'fillcolor="#c0c0c0" stroked="f"><v:fill opacity=".5"/>'
    '<v:textpath style="font-family:&quot;Arial&quot;;font-size:1pt" string="DRAF"/></v:shape>'
    "</w:pict></w:r>"
)


def draft_header(section) -> None:
    """The section's header: in a draft, the DRAF line and watermark (RKT and PK alike); else empty."""
    header = section.header._element
    for p in list(header):
        header.remove(p)
    for block in (
        tag("{%p if draft %}", style="Header"),
        para([WATERMARK, run("DRAF \u2013 belum final, tidak untuk ditandatangani", bold=True, color="C00000")],
             style="Header"),
        tag("{%p endif %}", style="Header"),
        para(style="Header"),
    ):
        header.append(parse_xml(_ns(block)))


def set_header_footer(doc) -> None:
    """One header for all sections (the draft mark); page numbers on every page but the cover."""
    cover, front, body, annex = doc.sections
    draft_header(cover)
    cover.footer.is_linked_to_previous = False
    front.footer.is_linked_to_previous = False
    footer = front.footer._element
    for p in list(footer):
        footer.remove(p)
    footer.append(parse_xml(_ns(para([field("PAGE", "1")], style="Footer"))))
    for section in (front, body, annex):
        section.header.is_linked_to_previous = True
    body.footer.is_linked_to_previous = True
    annex.footer.is_linked_to_previous = True


def page_numbers(section, fmt: str, start: int | None) -> None:
    sect = section._sectPr
    for old in sect.findall(qn("w:pgNumType")):
        sect.remove(old)
    el = parse_xml(f'<w:pgNumType {NS} w:fmt="{fmt}"' + (f' w:start="{start}"' if start else "") + "/>")
    # schema order: ... pgSz, pgMar, ..., pgNumType after pgMar/lnNumType
    anchor = sect.find(qn("w:pgMar"))
    anchor.addnext(el)


def set_page(section, landscape: bool) -> None:
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (Cm(29.7), Cm(21.0)) if landscape else (Cm(21.0), Cm(29.7))
    if landscape:
        section.left_margin = section.right_margin = Cm(2)
        section.top_margin, section.bottom_margin = Cm(2), Cm(1.8)
    else:
        section.left_margin, section.right_margin = Cm(3), Cm(2.5)
        section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.5)
    section.header_distance = Cm(1.0)
    section.footer_distance = Cm(1.0)


def set_settings(doc) -> None:
    """No `updateFields`: Word asked to update fields at every opening of a signed document. The build fills
    the table of contents (pipeline/document/contents.py); its field, marked dirty, gets its page numbers."""
    settings = doc.settings.element
    for old in settings.findall(qn("w:updateFields")):
        settings.remove(old)
    set_language(doc)


def set_language(doc) -> None:
    """Indonesian as the theme's language, so Word checks spelling in Bahasa Indonesia."""
    lang = doc.settings.element.find(qn("w:themeFontLang"))
    if lang is not None:
        lang.set(qn("w:val"), "id-ID")


def empty_document():
    """A python-docx document with nothing in its body but the final section properties."""
    doc = Document()
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    return doc


def saved(doc, title: str, keywords: str) -> bytes:
    """The template's bytes, its core properties saying what it is and who made it."""
    import io

    props = doc.core_properties
    props.title = title
    props.subject = f"Templat {title} (docxtpl)"
    props.author = "rkt"
    props.keywords = keywords
    props.comments = "Dibuat oleh tools/make_template.py; tag Jinja diisi oleh rkt build."
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def build() -> bytes:
    doc = empty_document()
    set_styles(doc)
    set_settings(doc)
    append(doc, signature_macro() + cover())
    doc.add_section(WD_SECTION.NEW_PAGE)
    append(doc, foreword())
    doc.add_section(WD_SECTION.NEW_PAGE)
    append(doc, chapter_one() + chapter_two() + chapter_three())
    doc.add_section(WD_SECTION.NEW_PAGE)
    append(doc, annex())
    # add_section leaves a paragraph holding the section break; drop empty ones python-docx adds
    cover_s, front, main, annex_s = doc.sections
    for section, landscape in ((cover_s, False), (front, False), (main, False), (annex_s, True)):
        set_page(section, landscape)
    page_numbers(front, "lowerRoman", 1)
    page_numbers(main, "decimal", 1)
    page_numbers(annex_s, "decimal", None)
    set_header_footer(doc)
    return saved(doc, "Rencana Kinerja Tahunan", "RKT")


# ---------------------------------------------------------------- the Perjanjian Kinerja (templates/pk.docx)

PK_OUT = ROOT / "templates" / "pk.docx"


def pk_signatures() -> list[str]:
    """Both parties' signature blocks side by side, defined once: the agreement and its lampiran are both signed.

    One table row per line, so the names stay level however the two titles wrap.
    """
    half = columns.PORTRAIT_CM / 2

    def line(left: str, right: str, **run_props) -> str:
        return row([cell([para(text, style="TTD", jc="center", **run_props)], half, style="TTD")
                    for text in (left, right)])

    nip = "{{% if pk.{0}.nip %}}NIP {{{{ pk.{0}.nip }}}}{{% endif %}}"
    rows = [
        line("", "{{ sign.place }}, {{ sign.date }}"),
        line("Pihak Kedua,", "Pihak Pertama,"),
        line("{{ pk.second.title }}", "{{ pk.first.title }}"),
        row([cell([para(style="TTD")] * 4, half, style="TTD"), cell([para(style="TTD")] * 4, half, style="TTD")]),
        line("{{ pk.second.name }}", "{{ pk.first.name }}", bold=True, underline=True),
        line(nip.format("second"), nip.format("first")),
    ]
    return [
        tag("{#p Tanda tangan kedua pihak: satu definisi (identitas.xlsx), di perjanjian dan lampirannya #}"),
        tag("{%p macro tanda_tangan_pk() %}"),
        para("", style="TTD", before=12, after=0),
        table([half, half], rows, borders=False, margin=0),
        tag("{%p endmacro %}"),
    ]


def pk_party(party: str) -> str:
    """Nama and Jabatan of one party, label : value, without borders."""
    widths = [2.5, 0.5, columns.PORTRAIT_CM - 3.0]
    return table(widths, [
        row([cell(label, widths[0], style="IsiPK"), cell(":", widths[1], style="IsiPK"),
             cell(f"{{{{ pk.{party}.{key} }}}}", widths[2], style="IsiPK")])
        for label, key in (("Nama", "name"), ("Jabatan", "title"))
    ], borders=False, jc="left", margin=0)


def pk_title(first: str) -> list[str]:
    return [
        para(first, jc="center", bold=True, size=12, after=0),
        para("{{ office.name_upper }}", jc="center", bold=True, size=12, after=0),
        tag("{%p if pk.edition %}"),
        para("{{ pk.edition }}", jc="center", bold=True, size=12, after=0),
        tag("{%p endif %}"),
        para("", after=12),
    ]


def pk_agreement() -> list[str]:
    """The agreement itself (PermenPAN-RB 53/2014, lampiran I): parties, promises, signatures."""
    return [
        *pk_title("PERJANJIAN KINERJA TAHUN {{ year }}"),
        para("Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan, dan akuntabel serta "
             "berorientasi pada hasil, kami yang bertanda tangan di bawah ini:", style="PasalPK"),
        pk_party("first"),
        para("selanjutnya disebut pihak pertama", style="PasalPK", before=6),
        pk_party("second"),
        para("selaku atasan pihak pertama, selanjutnya disebut pihak kedua", style="PasalPK", before=6),
        para("Pihak pertama berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran perjanjian "
             "ini, dalam rangka mencapai target kinerja jangka menengah seperti yang telah ditetapkan dalam "
             "dokumen perencanaan. Keberhasilan dan kegagalan pencapaian target kinerja tersebut menjadi tanggung "
             "jawab kami.", style="PasalPK"),
        para("Pihak kedua akan melakukan supervisi yang diperlukan serta akan melakukan evaluasi terhadap "
             "capaian kinerja dari perjanjian ini dan mengambil tindakan yang diperlukan dalam rangka pemberian "
             "penghargaan dan sanksi.", style="PasalPK"),
        tag("{{p tanda_tangan_pk() }}"),
    ]


def pk_annex() -> list[str]:
    """Lampiran: the targets, the activities and the budget that funds them, signed again."""
    return [
        para("", page_break=True, after=0),
        *pk_title("PERJANJIAN KINERJA TAHUN {{ year }}"),
        placeholder("tables.lampiran_pk"),
        para("", after=6),
        tag("{%p if pk.activities %}"),
        para("Kegiatan:", style="PasalPK", after=2),
        tag("{%p for a in pk.activities %}"),
        para("{{ a.no }}\t{{ a.name }}", style="DaftarPK"),
        tag("{%p endfor %}"),
        tag("{%p endif %}"),
        para("Jumlah anggaran untuk mencapai target kinerja tersebut pada Tahun Anggaran {{ year }} sebesar "
             "{{ pk.budget.figure }} ({{ pk.budget.words }}){{ pk.budget.sources }}.", style="PasalPK", before=6),
        tag("{{p tanda_tangan_pk() }}"),
    ]


PK_STYLES = [
    ("PasalPK", "Paragraf PK", '<w:spacing w:before="0" w:after="120" w:line="300" w:lineRule="auto"/>'
     '<w:jc w:val="both"/>', sz(11), {}),
    ("DaftarPK", "Daftar PK", f'<w:spacing w:after="40"/><w:ind w:left="{tw(0.6)}" w:hanging="{tw(0.6)}"/>'
     '<w:jc w:val="both"/>', sz(11), {}),
    ("IsiPK", "Isi Tabel PK", '<w:spacing w:before="40" w:after="40" w:line="252" w:lineRule="auto"/>', sz(10.5),
     {}),
]


def build_pk() -> bytes:
    """templates/pk.docx: the Perjanjian Kinerja, one portrait section, its lampiran on the second page."""
    doc = empty_document()
    set_styles(doc, STYLES + PK_STYLES)
    set_language(doc)
    append(doc, pk_signatures() + pk_agreement() + pk_annex())
    set_page(doc.sections[0], landscape=False)
    draft_header(doc.sections[0])
    return saved(doc, "Perjanjian Kinerja", "PK")


# ---------------------------------------------------------------- the year measured: the LAKIN and the capaian report

LAKIN_OUT = ROOT / "templates" / "lakin.docx"
CAPAIAN_OUT = ROOT / "templates" / "capaian.docx"


LAKIN_SIGN = tag("{{p tanda_tangan_lakin() }}")


def lakin_front() -> list[str]:
    return [
        heading("KATA PENGANTAR", 1),
        prose("Laporan Kinerja (LAKIN) {{ office.name }} Tahun {{ year }} disusun sebagai wujud pertanggungjawaban "
              "atas pelaksanaan tugas dan fungsi serta pencapaian sasaran yang telah ditetapkan dalam Perjanjian "
              "Kinerja Tahun {{ year }}, sesuai Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi "
              "Birokrasi Nomor 53 Tahun 2014."),
        prose("Laporan ini menyajikan rencana kinerja, capaian setiap indikator kinerja kegiatan terhadap "
              "targetnya, perbandingan dengan tahun sebelumnya, kendala dan upaya yang dilakukan, serta realisasi "
              "anggaran. Semoga laporan ini bermanfaat sebagai bahan evaluasi dan perbaikan kinerja pada tahun "
              "berikutnya."),
        LAKIN_SIGN,
        heading("IKHTISAR EKSEKUTIF", 1, page_break=True),
        prose("{{ office.name }} pada Tahun {{ year }} menetapkan {{ capaian.counts.total }} Indikator Kinerja "
              "Kegiatan (IKK) dalam Perjanjian Kinerja dengan anggaran {{ pk.budget.figure }}. Pengukuran kinerja "
              "periode {{ capaian.months }} menunjukkan {{ lakin.achieved_share }} tercapai, "
              "{{ capaian.counts.nearly }} hampir tercapai, {{ capaian.counts.missed }} tidak tercapai dan "
              "{{ capaian.counts.not_reported }} belum dilaporkan."),
        prose("Realisasi anggaran periode {{ capaian.months }} sebesar {{ capaian.total.realised }} ribu rupiah dari "
              "pagu {{ capaian.total.allocation }} ribu rupiah ({{ capaian.total.absorption }}), dengan rata-rata "
              "deviasi bulanan terhadap rencana penarikan {{ capaian.total.deviation }}."),
        tag("{%p if not capaian.complete %}"),
        para("Catatan: realisasi baru dilaporkan s.d. {{ capaian.through }}; laporan ini mengukur periode "
             "{{ capaian.months }}, bukan tahun penuh.", style="Catatan"),
        tag("{%p endif %}"),
        tag("{%p if capaian.reported %}"),
        para("Catatan: {{ capaian.reported }}.", style="Catatan"),
        tag("{%p endif %}"),
        heading("DAFTAR ISI", 1, page_break=True),
        para([field('TOC \\o "1-2" \\h \\z \\u', "Daftar isi diperbarui saat dokumen dibuka.")]),
    ]


def lakin_chapter_one() -> list[str]:
    return [
        heading("BAB I PENDAHULUAN", 1),
        heading("A. Latar Belakang", 2),
        prose("Instruksi Presiden Nomor 7 Tahun 1999 dan Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem "
              "Akuntabilitas Kinerja Instansi Pemerintah mewajibkan setiap instansi pemerintah "
              "mempertanggungjawabkan pelaksanaan tugas dan fungsinya dalam bentuk Laporan Kinerja. "
              "{{ office.name }} sebagai Unit Pelaksana Teknis {{ office.ministry }} di bawah "
              "{{ office.parent_unit }} menyusun Laporan Kinerja Tahun {{ year }} ini berdasarkan Perjanjian "
              "Kinerja Tahun {{ year }}."),
        heading("B. Tugas dan Fungsi", 2),
        prose("{{ office.name }} melaksanakan pencegahan masuk dan keluarnya penyakit, pengendalian dampak kesehatan "
              "lingkungan, serta pengamanan terhadap penyakit baru dan penyakit yang muncul kembali di wilayah "
              "kerja pelabuhan, bandar udara dan pos lintas batas darat negara."),
        heading("C. Sistematika Penulisan", 2),
        item("1.", "Bab I Pendahuluan: latar belakang, tugas dan fungsi, sistematika penulisan."),
        item("2.", "Bab II Perencanaan Kinerja: rencana strategis dan Perjanjian Kinerja Tahun {{ year }}."),
        item("3.", "Bab III Akuntabilitas Kinerja: capaian kinerja dan realisasi anggaran."),
        item("4.", "Bab IV Penutup."),
        item("5.", "Lampiran: Perjanjian Kinerja Tahun {{ year }} dan setiap revisinya."),
    ]


def lakin_chapter_two() -> list[str]:
    return [
        heading("BAB II PERENCANAAN KINERJA", 1, page_break=True),
        heading("A. Rencana Strategis", 2),
        prose("Perencanaan kinerja {{ office.name }} mengacu pada Rencana Strategis periode {{ lakin.period }}"
              "{% if lakin.renstra %} ({{ lakin.renstra }}){% endif %}, dengan sasaran {{ lakin.goals }}."),
        heading("B. Perjanjian Kinerja Tahun {{ year }}", 2),
        prose("Perjanjian Kinerja Tahun {{ year }} antara Kepala {{ office.name }} dan {{ pk.second.title }} "
              "menetapkan sasaran, indikator dan target berikut."),
        caption("Tabel 1. Perjanjian Kinerja Tahun {{ year }}"),
        placeholder("tables.lampiran_pk"),
        prose("Jumlah anggaran untuk mencapai target kinerja tersebut sebesar {{ pk.budget.figure }} "
              "({{ pk.budget.words }}){{ pk.budget.sources }}."),
    ]


def lakin_chapter_three() -> list[str]:
    return [
        heading("BAB III AKUNTABILITAS KINERJA", 1, page_break=True),
        heading("A. Capaian Kinerja", 2),
        prose("Pengukuran kinerja membandingkan realisasi setiap indikator dengan targetnya. Capaian dihitung sebagai "
              "realisasi dibagi target kali 100%, dibalik untuk indikator yang makin baik bila makin rendah. "
              "Periode yang diukur: {{ capaian.months }}. Kategori: Tercapai (capaian paling sedikit 100%), Hampir "
              "tercapai (paling sedikit 80%), Tidak tercapai (di bawah 80%)."),
        caption("Tabel 2. Capaian Indikator Kinerja Kegiatan {{ capaian.months }}"),
        placeholder("tables.capaian"),
        *figure("{{ charts.capaian|chart }}", "Grafik 1. Capaian IKK {{ capaian.months }}"),
        tag("{%p for i in capaian.ikks %}"),
        heading("IKK {{ i.no }}. {{ i.name }}", 3),
        prose("Indikator ini mendukung sasaran {{ i.goal }}. Target PK Tahun {{ year }} {{ i.target }}; target "
              "s.d. {{ capaian.through }} {{ i.period_target }}; realisasi {{ i.realised }}, capaian {{ i.capaian }} "
              "({{ i.category }})."),
        tag("{%p if i.direction %}"),
        prose("{{ i.direction }}"),
        tag("{%p endif %}"),
        para("Perbandingan dengan tahun sebelumnya", style="Subjudul"),
        placeholder("i.table"),
        tag("{%p if i.earlier %}"),
        prose("{{ i.earlier }}"),
        tag("{%p endif %}"),
        tag("{%p if i.renstra %}"),
        prose("Terhadap target Renstra {{ lakin.period }} sebesar {{ i.renstra }}, realisasi {{ i.realised }} "
              "mencapai {{ i.renstra_capaian }}."),
        tag("{%p else %}"),
        prose("Target Renstra {{ lakin.period }} untuk indikator ini belum diisi (kolom Target Renstra di "
              "kinerja.xlsx)."),
        tag("{%p endif %}"),
        para("Efisiensi penggunaan sumber daya", style="Subjudul"),
        prose("Anggaran Rincian Output yang mendukung indikator ini {{ i.allocation }} ribu rupiah, terealisasi "
              "{{ i.spent }} ribu rupiah ({{ i.absorption }}). {{ i.efficiency }}"),
        tag("{%p if i.programmes %}"),
        para("Program dan kegiatan yang mendukung", style="Subjudul"),
        tag("{%p for r in i.programmes %}"),
        para("-\t{{ r }}", style="Daftar1"),
        tag("{%p endfor %}"),
        tag("{%p endif %}"),
        para("Kendala dan upaya", style="Subjudul"),
        prose("Kendala: {% if i.problems %}{{ i.problems }}{% else %}tidak ada kendala yang dilaporkan{% endif %}."),
        prose("Upaya dan tindak lanjut: {% if i.actions %}{{ i.actions }}{% else %}-{% endif %}"),
        tag("{%p endfor %}"),
        heading("B. Realisasi Anggaran", 2, page_break=True),
        prose("Pagu {{ office.name }} Tahun {{ year }} sebesar {{ capaian.total.allocation }} ribu rupiah. Realisasi "
              "periode {{ capaian.months }} sebesar {{ capaian.total.realised }} ribu rupiah "
              "({{ capaian.total.absorption }}) terhadap rencana penarikan {{ capaian.total.planned }} ribu rupiah; "
              "rata-rata deviasi bulanan terhadap rencana (Deviasi Halaman III DIPA) {{ capaian.total.deviation }}."),
        caption("Tabel 3. Realisasi Anggaran per Rincian Output {{ capaian.months }}"),
        placeholder("tables.anggaran"),
        *figure("{{ charts.anggaran|chart }}", "Grafik 2. Rencana Penarikan dan Realisasi Anggaran Kumulatif"),
        caption("Tabel 4. Realisasi Anggaran per Sumber Dana {{ capaian.months }}"),
        placeholder("tables.sumber_dana"),
        tag("{%p if capaian.unattributed %}"),
        para("{{ capaian.unattributed }}", style="Catatan"),
        tag("{%p endif %}"),
    ]


def lakin_chapter_four() -> list[str]:
    return [
        heading("BAB IV PENUTUP", 1, page_break=True),
        prose("Laporan Kinerja {{ office.name }} Tahun {{ year }} menunjukkan {{ lakin.achieved_share }} tercapai "
              "pada periode {{ capaian.months }}, dengan penyerapan anggaran {{ capaian.total.absorption }}. "
              "Indikator yang belum tercapai dan kendala yang dilaporkan menjadi dasar perbaikan perencanaan dan "
              "pelaksanaan kegiatan tahun {{ next_year }}."),
        tag("{%p if capaian.reported %}"),
        para("Catatan: {{ capaian.reported }}.", style="Catatan"),
        tag("{%p endif %}"),
        LAKIN_SIGN,
    ]


def lakin_annex() -> list[str]:
    return [
        para([run("LAMPIRAN", size=24)], style="Heading1", before=190),
        tag("{%p for a in lampiran %}"),
        heading("Lampiran. {{ a.title }}", 2, page_break=True, jc="center"),
        para("{{ office.name_upper }}", jc="center", bold=True, after=12),
        placeholder("a.table"),
        para("Jumlah anggaran: {{ a.budget.figure }} ({{ a.budget.words }}){{ a.budget.sources }}. Ditandatangani "
             "{{ a.date }}.", style="PasalPK", before=6),
        tag("{%p endfor %}"),
    ]


def build_lakin() -> bytes:
    """templates/lakin.docx: the Laporan Kinerja (PermenPAN-RB 53/2014), four portrait sections like the RKT's."""
    doc = empty_document()
    set_styles(doc, STYLES + PK_STYLES)
    set_settings(doc)
    append(doc, signature_macro("tanda_tangan_lakin", "lakin.date", "di Kata Pengantar dan Penutup")
           + cover("LAPORAN KINERJA", "(LAKIN) TAHUN {{ year }}"))
    doc.add_section(WD_SECTION.NEW_PAGE)
    append(doc, lakin_front())
    doc.add_section(WD_SECTION.NEW_PAGE)
    append(doc, lakin_chapter_one() + lakin_chapter_two() + lakin_chapter_three() + lakin_chapter_four())
    doc.add_section(WD_SECTION.NEW_PAGE)
    append(doc, lakin_annex())
    cover_s, front, main, annex_s = doc.sections
    for section in (cover_s, front, main, annex_s):
        set_page(section, landscape=False)
    page_numbers(front, "lowerRoman", 1)
    page_numbers(main, "decimal", 1)
    page_numbers(annex_s, "decimal", None)
    set_header_footer(doc)
    return saved(doc, "Laporan Kinerja", "LAKIN")


def build_capaian() -> bytes:
    """templates/capaian.docx: the short report of a period measured (`rkt capaian`), one portrait section."""
    doc = empty_document()
    set_styles(doc)
    set_language(doc)
    append(doc, [
        para("LAPORAN CAPAIAN KINERJA", jc="center", bold=True, size=13, after=0),
        para("{{ office.name_upper }}", jc="center", bold=True, size=12, after=0),
        para("Tahun {{ year }}, {{ capaian.label }}", jc="center", bold=True, size=12, after=12),
        prose("Pengukuran {{ capaian.counts.total }} Indikator Kinerja Kegiatan periode {{ capaian.months }}: "
              "{{ capaian.counts.achieved }} tercapai, {{ capaian.counts.nearly }} hampir tercapai, "
              "{{ capaian.counts.missed }} tidak tercapai, {{ capaian.counts.not_reported }} belum dilaporkan. "
              "Realisasi anggaran {{ capaian.total.realised }} ribu rupiah dari pagu {{ capaian.total.allocation }} "
              "ribu rupiah ({{ capaian.total.absorption }}); rencana penarikan s.d. {{ capaian.through }} "
              "{{ capaian.total.planned }} ribu rupiah, rata-rata deviasi bulanan {{ capaian.total.deviation }}."),
        tag("{%p if capaian.reported %}"),
        para("Catatan: {{ capaian.reported }}.", style="Catatan"),
        tag("{%p endif %}"),
        heading("1. Capaian Indikator Kinerja Kegiatan", 2),
        placeholder("tables.capaian"),
        *figure("{{ charts.capaian|chart }}", "Grafik 1. Capaian IKK {{ capaian.months }}"),
        heading("2. Penyerapan Anggaran", 2, page_break=True),
        placeholder("tables.anggaran"),
        *figure("{{ charts.anggaran|chart }}", "Grafik 2. Rencana Penarikan dan Realisasi Anggaran Kumulatif"),
        placeholder("tables.sumber_dana"),
        tag("{%p if capaian.unattributed %}"),
        para("{{ capaian.unattributed }}", style="Catatan"),
        tag("{%p endif %}"),
        para("Disusun {{ made }} oleh rkt capaian dari workbook kantor; angka yang sama ada di workbook "
             "capaiannya.", style="Catatan", before=12),
    ])
    set_page(doc.sections[0], landscape=False)
    draft_header(doc.sections[0])
    return saved(doc, "Laporan Capaian Kinerja", "Capaian")


def main(argv: list[str]) -> int:
    """Write every template into the folder `argv[1]` (default templates/)."""
    folder = Path(argv[1]) if len(argv) > 1 else OUT.parent
    sys.path.insert(0, str(ROOT))
    from pipeline.files import write_bytes
    from pipeline.ooxml import read_zip, write_zip

    for name, data in ((OUT.name, build()), (PK_OUT.name, build_pk()), (LAKIN_OUT.name, build_lakin()),
                       (CAPAIAN_OUT.name, build_capaian())):
        write_bytes(folder / name, write_zip(read_zip(data)))  # fixed zip times: a rerun changes no byte
        print(folder / name)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
