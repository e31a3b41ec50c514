"""One-off record of how the published RKT Awal Tahun 2024 of BKK Kelas II Jambi was transcribed.

The source was the published .docx (its text is kept as `shared/seed/000_7c2f91032f19896a.txt`).
This script holds that transcription as plain Python literals and writes two sets of the five
section workbooks:

* ``inputs/`` - the CORRECTED edition, every figure consistent (what the office should have
  published). The corrections are listed in ``inputs/CORRECTIONS.md``.
* ``tests/published-2024/`` - the AS-PUBLISHED fixture: the figures exactly as the document
  prints them, errors included, as far as the input design (one cell per fact) allows. The
  inventory of every published contradiction, and how rkt handles each, is
  ``docs/published-2024-errors.md``.

It was run once. From now on the workbooks in ``inputs/`` are the source and planners edit them;
do not re-run this script over edited inputs (it would overwrite them).

    .venv/bin/python tools/transcribe_2024.py            # writes both sets
    .venv/bin/python tools/transcribe_2024.py --only fixture

Conventions: money in thousands of rupiah as printed ("401.540" -> 401540); "-" -> None;
targets as Decimal; a percent ("97%") is Decimal("0.97") with the row flag ``_<key>_percent``.
"""

from __future__ import annotations

import argparse
import sys
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.inputs import schema  # noqa: E402
from pipeline.workbooks.xlsx import write_workbook  # noqa: E402

D = Decimal
N = None  # "-" or an empty cell in the document

INPUTS_DIR = ROOT / "inputs"
FIXTURE_DIR = ROOT / "tests" / "published-2024"

MONTH_KEYS = tuple(f"m{i:02d}" for i in range(1, 13))


def months(values, percent: bool = False) -> dict:
    """Row fields m01..m12 from 12 values; with `percent`, every month is flagged as a percentage."""
    values = list(values)
    assert len(values) == 12, values
    row = dict(zip(MONTH_KEYS, values, strict=True))
    if percent:
        row.update({f"_{k}_percent": True for k in MONTH_KEYS})
    return row


# ---------------------------------------------------------------------------------------------
# identitas.xlsx
# ---------------------------------------------------------------------------------------------

OFFICE = "Balai Kekarantinaan Kesehatan Kelas II Jambi"
HEAD_NAME = "Rosyid Ridlo Prayogo, SE, MKM"
HEAD_NIP = "196901271993031001"  # Kata Pengantar (Lampiran signatures print 196901271992031001, 196704221988031002)

IDENTITAS = {
    "office_name": OFFICE,
    "office_short": "BKK Kelas II Jambi",
    "address": "Jl. Raya MTQ No.2 Kel.Talang Bakung Kec.Paal Merah, Kota Jambi",
    "postcode": "36139",
    "phone": "0741-573432",
    "fax": "0741-571525",
    "year": 2024,
    "edition": "Awal Tahun",
    "ministry": "Kementerian Kesehatan",
    "parent_unit": "Direktorat Jenderal Pencegahan dan Pengendalian Penyakit",
    "parent_unit_short": "Ditjen P2P",
    "head_name": HEAD_NAME,
    "head_nip": HEAD_NIP,
    "head_title": "Kepala Balai Kekarantinaan Kesehatan Kelas II Jambi",
    "sign_place": "Jambi",
    "sign_date": "Januari 2024",
}
# BAB II, "Unit Organisasi/Satker" as printed (wrong unit name and misspelt office name).
PUB_PARENT_UNIT = "Direktorat Pencegahan dan Pengendalian Penyakit / Balai Kekejarantinaan Kesehatan Kelas II Jambi"

DUTY_ADUM = (
    "melakukan koordinasi penyusunan rencana, program, dan anggaran, pengelolaan keuangan dan barang milik "
    "negara, urusan kepegawaian, organisasi dan tata laksana, dan hubungan masyarakat, pemantauan, evaluasi, "
    "dan pelaporan, kearsipan, persuratan, dan kerumahtanggaan."
)
PUB_DUTY_JF = (
    "memberikan pelayanan fungsional dalam pelaksanaan tugas dan fungsi kepala BKK sesuai dengan bidang "
    "keahlian dan keterampilan. Kelompok Jabatan Fungsional dapat bekerja secara individu dan/atau dalam tim "
    "kerja untuk mendukung pencapaian tujuan dan kinerja organisasi. Dalam hal pelaksanaan tugas dikerjakan "
    "secara kelompok, Kepala UPT Bidang Kekeparantinaan Kesehatan dapat mengangkat ketua tim kerja dan anggota."
)
DUTY_JF = PUB_DUTY_JF.replace("Kekeparantinaan", "Kekarantinaan")


DUTY_INSTALASI = "merupakan unit pelayanan non struktural."
PUB_DUTY_WILKER = (
    "merupakan unit pelayanan non struktural untuk mendukung tugas dan fungsi KKP, yang berada di bawah dan "
    "bertanggung jawab kepada kepala dan dipimpin oleh koordinator."
)
DUTY_WILKER = PUB_DUTY_WILKER.replace("KKP", "BKK")


def units(duty_jf: str, duty_wilker: str) -> list[dict]:
    return [
        {"no": 1, "name": "Subbagian Administrasi Umum", "kind": "Subbagian", "duty": DUTY_ADUM},
        {"no": 2, "name": "Instalasi", "kind": "Instalasi", "duty": DUTY_INSTALASI},
        {"no": 3, "name": "Wilayah Kerja", "kind": "Wilayah Kerja", "duty": duty_wilker},
        {"no": 4, "name": "Kelompok Jabatan Fungsional", "kind": "Kelompok Jabatan Fungsional", "duty": duty_jf},
    ]


WILKER = [
    "Bandara Sultan Thaha",
    "Pelabuhan Jambi",
    "Pelabuhan Talang Duku",
    "Pelabuhan Muara Sabak",
    "Pelabuhan Kuala Tungkal",
    "Pelabuhan Nipah Panjang",
]

UNIT_KERJA = [
    {"code": "TU", "name": "Tata Usaha", "group": None},
    {"code": "PRL", "name": "Pengendalian Risiko Lingkungan", "group": "PRL dan KLW"},
    {"code": "KLW", "name": "Kesehatan Lintas Wilayah", "group": "PRL dan KLW"},
    {"code": "PKSE", "name": "Pengendalian Karantina dan Surveilans Epidemiologi", "group": None},
]

PJ = ["Subbag Adum", "Substansi PRL&KLW", "PKSE"]

PROGRAM = [
    ("Pencegahan dan Pengendalian Penyakit", "Meningkatnya upaya pencegahan penyakit"),
    ("Pencegahan dan Pengendalian Penyakit", "Menurunnya Infeksi penyakit HIV"),
    ("Pencegahan dan Pengendalian Penyakit", "Menurunnya Insiden TBC"),
    ("Pencegahan dan Pengendalian Penyakit", "Meningkatnya kabupaten/kota yang mencapai eliminasi malaria"),
    ("Pencegahan dan Pengendalian Penyakit", "Meningkatnya pencegahan dan pengendalian penyakit menular"),
    ("Dukungan Manajemen",
     "Meningkatnya koordinasi pelaksanaan tugas, pembinaan dan pemberian dukungan manajemen Kementerian Kesehatan"),
]

# BAB II header, as printed ("Kekejarantinaan" in Kegiatan 1 and Sasaran Kegiatan 1).
PUB_KEGIATAN = [
    ("Dukungan Pelayanan Kekejarantinaan di Pintu Masuk Negara dan Wilayah",
     "Meningkatnya pelayanan kekejarantinaan di Pintu Masuk Negara dan Wilayah"),
    ("Dukungan Manajemen Pelaksanaan Program di Ditjen Pencegahan dan Pengendalian Penyakit",
     "Meningkatnya dukungan manajemen dan pelaksanaan tugas teknis lainnya pada Program Pencegahan dan "
     "Pengendalian Penyakit"),
]
KEGIATAN = [(a.replace("Kekejarantinaan", "Kekarantinaan"), g.replace("kekejarantinaan", "kekarantinaan"))
            for a, g in PUB_KEGIATAN]


def identitas_data(published: bool) -> dict:
    form = dict(IDENTITAS)
    if published:
        form["parent_unit"] = PUB_PARENT_UNIT
    kegiatan = PUB_KEGIATAN if published else KEGIATAN
    return {
        "Identitas": form,
        "Unit": units(PUB_DUTY_JF if published else DUTY_JF, PUB_DUTY_WILKER if published else DUTY_WILKER),
        "Wilker": [{"no": i, "name": n} for i, n in enumerate(WILKER, start=1)],
        "Unit Kerja": [dict(u) for u in UNIT_KERJA],
        "PJ": [{"name": n} for n in PJ],
        "Program": [{"program": p, "goal": g} for p, g in PROGRAM],
        "Kegiatan": [{"activity": a, "goal": g} for a, g in kegiatan],
    }


# ---------------------------------------------------------------------------------------------
# pegawai.xlsx
# ---------------------------------------------------------------------------------------------
# The published document gives only counts (BAB I: 68 = 64 ASN + 4 PPPK; Struktural 2, JFT 55,
# JFU 11; Tabel 1 golongan x ruang; Tabel 2 education x position type; Tabel 3 education x work
# unit x position type). The roster below is made up (names and NIPs are fictitious, except the
# head of office) so that every published count is reproduced; Tabel 3 follows the published
# cells except where its columns are visibly shifted (see docs/published-2024-errors.md).

PENDIDIKAN = [
    "S2 Kesehatan Masyarakat",
    "S2 Kesehatan Lingkungan",
    "S2 Epidemiologi",
    "S2 Entomologi Kesehatan",
    "S2 Ilmu Lingkungan",
    "S2 Biomedik",
    "S2 Administrasi Publik",
    "S2 Ekonomi",
    "S2 SIM Kesehatan",
    "Dokter",
    "Ners",
    "S1 Kesehatan Masyarakat",
    "S1 Keperawatan",
    "S1 Sistem Informasi",
    "S1 Teknik Informatika",
    "S1 Biologi",
    "S1 Farmasi",
    "D III Kesehatan Lingkungan",
    "D III Keperawatan",
    "D III Farmasi",
    "D III Analisis Kesehatan",
    "D III Akuntansi",
    "D III Manajemen Informatika",
]

# NIP / NI PPPK, name, status, position type, position, golongan, education, unit kerja
PEGAWAI = [
    # --- TU: Struktural 2, JFU 5, JFT 4
    (HEAD_NIP, HEAD_NAME, "ASN", "Struktural", "Kepala Balai", "IV/b", "S2 Kesehatan Masyarakat", "TU"),
    ("197507142000122002", "Yuliana Siregar, SKM, M.KL", "ASN", "Struktural", "Kepala Subbagian Administrasi Umum",
     "IV/a", "S2 Kesehatan Lingkungan", "TU"),
    ("197909032005011004", "Hendra Gunawan, SE, M.E", "ASN", "JFU", "Penyusun Rencana Kegiatan dan Anggaran",
     "III/d", "S2 Ekonomi", "TU"),
    ("198405212010032003", "Rina Marlina, SKM", "ASN", "JFU", "Pengelola Kepegawaian", "III/c",
     "S1 Kesehatan Masyarakat", "TU"),
    ("199602112022011001", "Rizky Pratama, S.Kom", "ASN", "JFU", "Pengelola Data dan Informasi", "III/a",
     "S1 Teknik Informatika", "TU"),
    ("199008172014032001", "Nurul Hidayah, A.Md.KL", "ASN", "JFU", "Pengelola Barang Milik Negara", "II/d",
     "D III Kesehatan Lingkungan", "TU"),
    ("199411052019031002", "Dedi Kurniawan, A.Md.Kep", "ASN", "JFU", "Pengadministrasi Perkantoran", "II/c",
     "D III Keperawatan", "TU"),
    ("199104092018032001", "Fitri Handayani, S.Kom", "ASN", "JFT", "Pranata Komputer Ahli Pertama", "III/b",
     "S1 Sistem Informasi", "TU"),
    ("198912302014031003", "Yusuf Hamdani, A.Md.Ak", "ASN", "JFT", "Pranata Keuangan APBN Terampil", "II/d",
     "D III Akuntansi", "TU"),
    ("199507222020021001", "Andi Saputra, A.Md.Kom", "ASN", "JFT", "Pranata Komputer Terampil", "II/c",
     "D III Manajemen Informatika", "TU"),
    ("199303152023212001", "Melati Anggraini, A.Md.Kom", "PPPK", "JFT", "Pranata Komputer Terampil", "VII",
     "D III Manajemen Informatika", "TU"),
    # --- PRL: JFU 3, JFT 20
    ("198306122009011002", "Syafrudin, SKM", "ASN", "JFU", "Pengelola Program dan Kegiatan", "III/c",
     "S1 Kesehatan Masyarakat", "PRL"),
    ("199010022015032002", "Desi Ratnasari, SKM", "ASN", "JFU", "Analis Data dan Informasi", "III/b",
     "S1 Kesehatan Masyarakat", "PRL"),
    ("199701192022011003", "Muhammad Ilham, SKM", "ASN", "JFU", "Pengolah Data", "III/a",
     "S1 Kesehatan Masyarakat", "PRL"),
    ("197208081998031003", "Agus Salim, SKM, M.Si", "ASN", "JFT", "Entomolog Kesehatan Ahli Madya", "IV/a",
     "S2 Entomologi Kesehatan", "PRL"),
    ("198203272006012004", "Wulan Sari, S.Si, M.Si", "ASN", "JFT", "Entomolog Kesehatan Ahli Muda", "III/d",
     "S2 Entomologi Kesehatan", "PRL"),
    ("198011142005031002", "Budi Hartono, SKM, M.Si", "ASN", "JFT", "Sanitarian Ahli Muda", "III/d",
     "S2 Ilmu Lingkungan", "PRL"),
    ("197804022003122001", "Sri Mulyani, SKM", "ASN", "JFT", "Sanitarian Ahli Muda", "III/d",
     "S1 Kesehatan Masyarakat", "PRL"),
    ("197907192006031005", "Zulkifli, SKM", "ASN", "JFT", "Entomolog Kesehatan Ahli Muda", "III/d",
     "S1 Kesehatan Masyarakat", "PRL"),
    ("198401252009032002", "Ratna Dewi, SKM", "ASN", "JFT", "Sanitarian Ahli Muda", "III/c",
     "S1 Kesehatan Masyarakat", "PRL"),
    ("198509092010121003", "Eko Prasetyo, SKM", "ASN", "JFT", "Sanitarian Ahli Muda", "III/c",
     "S1 Kesehatan Masyarakat", "PRL"),
    ("198610302011032004", "Lina Oktaviani, SKM", "ASN", "JFT", "Entomolog Kesehatan Ahli Muda", "III/c",
     "S1 Kesehatan Masyarakat", "PRL"),
    ("198512202011031006", "Fajar Ramadhan, SKM", "ASN", "JFT", "Sanitarian Ahli Muda", "III/c",
     "S1 Kesehatan Masyarakat", "PRL"),
    ("198706062012012002", "Yeni Kartika, SKM", "ASN", "JFT", "Sanitarian Ahli Muda", "III/c",
     "S1 Kesehatan Masyarakat", "PRL"),
    ("198603032012011004", "Hafiz Maulana, SKM", "ASN", "JFT", "Entomolog Kesehatan Ahli Muda", "III/c",
     "S1 Kesehatan Masyarakat", "PRL"),
    ("199005182015032005", "Putri Wulandari, SKM", "ASN", "JFT", "Sanitarian Ahli Pertama", "III/b",
     "S1 Kesehatan Masyarakat", "PRL"),
    ("199102262018031004", "Arif Rahman Hakim, SKM", "ASN", "JFT", "Entomolog Kesehatan Ahli Pertama", "III/b",
     "S1 Kesehatan Masyarakat", "PRL"),
    ("199209142018032006", "Mega Puspitasari, SKM", "ASN", "JFT", "Sanitarian Ahli Pertama", "III/b",
     "S1 Kesehatan Masyarakat", "PRL"),
    ("199012012015031007", "Rahmat Hidayat, SKM", "ASN", "JFT", "Sanitarian Ahli Pertama", "III/b",
     "S1 Kesehatan Masyarakat", "PRL"),
    ("199307072019022003", "Indah Permatasari, SKM", "ASN", "JFT", "Entomolog Kesehatan Ahli Pertama", "III/b",
     "S1 Kesehatan Masyarakat", "PRL"),
    ("199608212022011005", "Dimas Aditya, SKM", "ASN", "JFT", "Sanitarian Ahli Pertama", "III/a",
     "S1 Kesehatan Masyarakat", "PRL"),
    ("199704122022012004", "Anisa Rahmadani, SKM", "ASN", "JFT", "Entomolog Kesehatan Ahli Pertama", "III/a",
     "S1 Kesehatan Masyarakat", "PRL"),
    ("197810102002031002", "Suparman, A.Md.KL", "ASN", "JFT", "Sanitarian Mahir", "III/b",
     "D III Kesehatan Lingkungan", "PRL"),
    ("198905052014031006", "Wahyu Nugroho, A.Md.KL", "ASN", "JFT", "Sanitarian Terampil", "II/d",
     "D III Kesehatan Lingkungan", "PRL"),
    # --- KLW: JFU 3, JFT 17
    ("197702172002032001", "Maryani, SKM, M.Kes", "ASN", "JFU", "Penyusun Program Anggaran dan Pelaporan", "III/d",
     "S2 Kesehatan Masyarakat", "KLW"),
    ("198409282010031005", "Rudi Hermawan, S.Si, M.Biomed", "ASN", "JFU", "Analis Laboratorium", "III/c",
     "S2 Biomedik", "KLW"),
    ("198611112011032007", "Novita Sari, S.Kep, Ns", "ASN", "JFU", "Pengelola Layanan Kesehatan", "III/c",
     "Ners", "KLW"),
    ("197905302005011003", "Hasanuddin, SKM, M.Kes", "ASN", "JFT", "Administrator Kesehatan Ahli Muda", "III/d",
     "S2 Kesehatan Masyarakat", "KLW"),
    ("198006152009031004", "dr. Ahmad Fauzan", "ASN", "JFT", "Dokter Ahli Muda", "III/d", "Dokter", "KLW"),
    ("198702082014032003", "dr. Nadia Safitri", "ASN", "JFT", "Dokter Ahli Muda", "III/c", "Dokter", "KLW"),
    ("199310242020031002", "dr. Reza Firmansyah", "ASN", "JFT", "Dokter Ahli Pertama", "III/b", "Dokter", "KLW"),
    ("198508162009122002", "Ermawati, S.Kep", "ASN", "JFT", "Perawat Ahli Muda", "III/c", "S1 Keperawatan", "KLW"),
    ("199103302018031008", "Ari Wibowo, S.Kep", "ASN", "JFT", "Perawat Ahli Pertama", "III/b", "S1 Keperawatan",
     "KLW"),
    ("199206232019022005", "Siti Aisyah, S.Si", "ASN", "JFT", "Pranata Laboratorium Kesehatan Ahli Pertama", "III/b",
     "S1 Biologi", "KLW"),
    ("199612032022012006", "Tri Wahyuningsih, S.Farm", "ASN", "JFT", "Administrator Kesehatan Ahli Pertama", "III/a",
     "S1 Farmasi", "KLW"),
    ("198001142005032001", "Rosmawati, A.Md.Kep", "ASN", "JFT", "Perawat Mahir", "III/b", "D III Keperawatan", "KLW"),
    ("199004042014031008", "Hendri Saputra, A.Md.Kep", "ASN", "JFT", "Perawat Terampil", "II/d", "D III Keperawatan",
     "KLW"),
    ("199509192019032004", "Dewi Lestari, A.Md.Kep", "ASN", "JFT", "Perawat Terampil", "II/c", "D III Keperawatan",
     "KLW"),
    ("199601272020031003", "Yogi Pranata, A.Md.Kep", "ASN", "JFT", "Perawat Terampil", "II/c", "D III Keperawatan",
     "KLW"),
    ("199705092022012007", "Sinta Amelia, A.Md.Kep", "ASN", "JFT", "Perawat Terampil", "II/c", "D III Keperawatan",
     "KLW"),
    ("199107312023212002", "Linda Kusumawati, A.Md.Kep", "PPPK", "JFT", "Perawat Terampil", "VII",
     "D III Keperawatan", "KLW"),
    ("199010122023211001", "Joko Susilo, A.Md.Kep", "PPPK", "JFT", "Perawat Terampil", "VII", "D III Keperawatan",
     "KLW"),
    ("199503212020032005", "Ayu Lestari, A.Md.Farm", "ASN", "JFT", "Asisten Apoteker Terampil", "II/c",
     "D III Farmasi", "KLW"),
    ("198507082009031006", "Nurdin, A.Md.AK", "ASN", "JFT", "Pranata Laboratorium Kesehatan Mahir", "III/a",
     "D III Analisis Kesehatan", "KLW"),
    # --- PKSE: JFT 14
    ("197412121999031002", "Irwan Syahputra, SKM, M.Epid", "ASN", "JFT", "Epidemiolog Kesehatan Ahli Madya", "IV/a",
     "S2 Epidemiologi", "PKSE"),
    ("198504262010032006", "Yuni Astuti, SKM, M.AP", "ASN", "JFT", "Administrator Kesehatan Ahli Muda", "III/c",
     "S2 Administrasi Publik", "PKSE"),
    ("198608022011031007", "Ferdi Setiawan, SKM, M.Kes", "ASN", "JFT", "Epidemiolog Kesehatan Ahli Muda", "III/c",
     "S2 SIM Kesehatan", "PKSE"),
    ("197809252003122003", "Elvi Susanti, SKM, M.Kes", "ASN", "JFT", "Epidemiolog Kesehatan Ahli Muda", "III/d",
     "S2 Kesehatan Masyarakat", "PKSE"),
    ("197711112003121004", "Darmawan, SKM", "ASN", "JFT", "Epidemiolog Kesehatan Ahli Muda", "III/d",
     "S1 Kesehatan Masyarakat", "PKSE"),
    ("198302142008032002", "Evi Yanti, SKM", "ASN", "JFT", "Epidemiolog Kesehatan Ahli Muda", "III/c",
     "S1 Kesehatan Masyarakat", "PKSE"),
    ("198707172012011008", "Teguh Santoso, SKM", "ASN", "JFT", "Epidemiolog Kesehatan Ahli Muda", "III/c",
     "S1 Kesehatan Masyarakat", "PKSE"),
    ("199211292019022008", "Ririn Andriani, SKM", "ASN", "JFT", "Epidemiolog Kesehatan Ahli Pertama", "III/b",
     "S1 Kesehatan Masyarakat", "PKSE"),
    ("199106032018031009", "Bayu Setiadi, SKM", "ASN", "JFT", "Epidemiolog Kesehatan Ahli Pertama", "III/b",
     "S1 Kesehatan Masyarakat", "PKSE"),
    ("198412182010032009", "Maria Ulfa, S.Kep", "ASN", "JFT", "Perawat Ahli Muda", "III/c", "S1 Keperawatan", "PKSE"),
    ("198303112008031005", "Samsul Bahri, A.Md.Kep", "ASN", "JFT", "Perawat Mahir", "III/a", "D III Keperawatan",
     "PKSE"),
    ("199402282019032006", "Rika Febriani, A.Md.Kep", "ASN", "JFT", "Perawat Terampil", "II/c", "D III Keperawatan",
     "PKSE"),
    ("199512242020031004", "Agung Wicaksono, A.Md.Kep", "ASN", "JFT", "Perawat Terampil", "II/c",
     "D III Keperawatan", "PKSE"),
    ("199205132023212003", "Yulia Fitriani, A.Md.Kep", "PPPK", "JFT", "Perawat Terampil", "VII", "D III Keperawatan",
     "PKSE"),
]

PEGAWAI_KEYS = ("nip", "name", "status", "position_type", "position", "grade", "education", "unit")


PUB_ROSTER_HEAD_NIP = "196901271992031001"  # the NIP under the Lampiran 1 signature


def pegawai_data(published: bool) -> dict:
    # The published staff tables agree with each other except for the layout of Tabel 3, which
    # the roster cannot carry; both sets therefore use the same roster. The published document
    # prints the head's NIP three ways; the fixture's roster carries the Lampiran 1 one, so the
    # two cells that can state it (identitas and the roster) disagree as the document does.
    roster = [dict(zip(PEGAWAI_KEYS, p, strict=True)) for p in PEGAWAI]
    if published:
        roster[0] = {**roster[0], "nip": PUB_ROSTER_HEAD_NIP}
    return {
        "Pegawai": roster,
        "Pendidikan": [{"no": i, "name": n} for i, n in enumerate(PENDIDIKAN, start=1)],
    }


# ---------------------------------------------------------------------------------------------
# kinerja.xlsx  (Lampiran: TARGET INDIKATOR KINERJA TAHUN 2024 and Lampiran 2)
# ---------------------------------------------------------------------------------------------

PUB_SASARAN = [
    (1, "Meningkatnya Pelayanan Kekearifan di Pintu Masuk Negara dan Wilayah"),
    (2, "Meningkatnya dukungan manajemen dan pelaksanaan tugas teknis lainnya pada Program Pencegahan dan "
        "Pengendalian Penyakit"),
]
SASARAN = [(1, "Meningkatnya pelayanan kekarantinaan di Pintu Masuk Negara dan Wilayah"), PUB_SASARAN[1]]

SUM_LABEL_IKK2 = "Kemungkinan jumlah faktor risiko yang ditemukan pada indikator 1 yang dikendalikan"

# no, sasaran, name (Lampiran), definition (Lampiran), Target PK, percent?, Satuan, Target Absolut (as printed)
PUB_IKK = [
    (1, 1, "Indeks deteksi faktor risiko di pelabuhan/bandara/PLBDN",
     "Status kinerja deteksi dini faktor risiko di Pelabuhan/bandara/PLBDN berdasarkan hasil pemeriksaan orang, "
     "alat angkut, barang dan lingkungan yang dilakukan dalam satu tahun",
     D("0.99"), False, "Indeks", None),
    (2, 1, "Persentase faktor risiko penyakit dipintu masuk yang dikendalikan pada orang, alat angkut, barang dan "
           "lingkungan",
     "Faktor risiko yang dikendalikan berdasarkan temuan pada pemeriksaan orang, alat angkut, barang dan lingkungan "
     "dalam satu tahun",
     D("0.97"), True, "Persen", None),
    (3, 1, "Indeks Pengendalian Faktor Risiko di pelabuhan/bandara/PLBDN",
     "Status faktor risiko di pintu masuk negara berdasarkan penilaian surveilans, karantina dan risiko lingkungan "
     "dalam satu tahun",
     D("0.99"), False, "Indeks", D(1843)),
    (4, 2, "Nilai kinerja anggaran",
     "Besarnya nilai kinerja penganggaran yang diperoleh melalui perhitungan kinerja menggunakan aplikasi SMART "
     "Kementerian Keuangan",
     D(87), False, "Nilai", None),
    (5, 2, "Nilai Indikator Kinerja Pelaksanaan Anggaran",
     "Ukuran kualitas kinerja pelaksanaan anggaran belanja Kementerian Negara/Lembaga/satuan kerja dari sisi "
     "kesesuaian terhadap perencanaan, efektivitas pelaksanaan anggaran, efisiensi pelaksanaan anggaran, dan "
     "kepatuhan terhadap regulasi.",
     D(96), False, "Nilai", None),
    (6, 2, "Kinerja implementasi WBK satker",
     "Perolehan nilai implementasi menuju Wilayah Bebas dari Korupsi (WBK) pada Satuan Kerja melalui penilaian "
     "mandiri (self Assesment) yang dilakukan oleh Satuan Kerja dengan menggunakan Lembar Kerja Evaluasi (LKE) Zona "
     "Integritas menuju WBK/WBBM yang ditetapkan berdasarkan Peraturan Menteri Pendayagunaan Aparatur Negara dan "
     "Reformasi Birokrasi yang berlaku dan kemudian dilakukan evaluasi oleh Unit Pembina Sekretariat Direktorat "
     "Jenderal P2P.",
     D(80), False, "Nilai", None),
    (7, 2, "Persentase ASN yang ditingkatkan kompetensinya",
     "ASN yang ditingkatkan kompetensinya paling sedikit 20 (dua puluh) jam pelajaran dalam 1 (satu) tahun dan "
     "dapat dilakukan pada tingkat instansi dan nasional",
     D("0.80"), True, "Persen", None),
    (8, 2, "Persentase Realisasi Anggaran",
     "Anggaran yang dapat direalisasikan dari seluruh pagu yang dianggarkan dalam 1 (satu) tahun.",
     D("0.96"), True, "Persen", None),
]


def _d(values):
    return [None if v is None else D(v) for v in values]


# The count row printed on the IKK 1 and IKK 3 lines (each month exactly the sum of the
# components), and IKK 2's "Kemungkinan jumlah ..." row, which is not the sum of its components
# but round(97% x that sum) (the 97% target applied): 0.97 x 539 = 522,83 -> 523, ...,
# 0.97 x 8.549 = 8.292,53 -> 8.293. Fixture only; in inputs/ rkt computes the row.
PUB_COUNT_ROWS = {
    1: (None, None, [102659, 188289, 271751, 383062, 485983, 584356, 690805, 781243, 871588, 970288, 1066234,
                     1170587]),
    2: (SUM_LABEL_IKK2, None, [523, 1463, 2134, 2714, 3078, 3298, 3780, 4388, 5332, 6780, 7706, 8293]),
    3: (None, 1843, [100, 208, 304, 545, 660, 897, 1144, 1258, 1362, 1471, 1593, 1843]),
}

# ikk -> [(component no, uraian, Target Absolut, 12 months)]
COMPONENTS = {
    1: [
        (1, "Persentase orang yang diperiksa sesuai standar", 1152699,
         [100994, 185231, 266940, 376817, 478163, 575129, 680341, 769360, 858387, 955632, 1050146, 1152699]),
        (2, "Persentase alat angkut yang diperiksa sesuai standar", 16620,
         [1596, 2912, 4592, 5890, 7395, 8709, 9785, 11099, 12286, 13645, 14946, 16620]),
        (3, "Persentase barang yang diperiksa sesuai standar", 50,
         [3, 8, 15, 19, 23, 28, 34, 37, 40, 43, 46, 50]),
        (4, "Persentase lingkungan yang diperiksa sesuai standar", 1218,
         [66, 138, 204, 336, 402, 490, 645, 747, 875, 968, 1096, 1218]),
    ],
    2: [
        (1, "Faktor Risiko yang dikendalikan pada orang", None,
         [498, 1433, 2091, 2664, 3017, 3221, 3685, 4284, 5226, 6689, 7611, 8183]),
        (2, "Faktor Risiko yang dikendalikan pada Barang", None,
         [41, 72, 103, 128, 149, 172, 205, 233, 264, 294, 325, 358]),
        (3, "Faktor Risiko yang dikendalikan pada Alat Angkut", None,
         [0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]),
        # Printed with 13 numbers: 0 3 5 5 6 6 6 6 6 6 6 7 7 (seven 6s). The printed "Kemungkinan
        # jumlah" row is round(97% x the sum of the four components) in every month only if one 6
        # is the extra value (November = 7): 0.97 x 7.944 = 7.705,68 -> 7.706 as printed. Dropping
        # the trailing 7 instead leaves November at 7.705; dropping the leading 0 breaks Jan, Feb, Apr.
        (4, "Faktor Risiko yang dikendalikan pada Lingkungan (TTU, TPM)", None,
         [0, 3, 5, 5, 6, 6, 6, 6, 6, 6, 7, 7]),
    ],
    3: [
        (1, "Persentase sinyal SKD KLB dan Bencana yang direspon kurang dari 24 jam dengan kelengkapan 80%", 58,
         [2, 6, 13, 18, 24, 29, 32, 36, 43, 50, 54, 58]),
        (2, "Persentase bandara/pelabuhan dengan Indeks pinjal ≤ 1", 64,
         [6, 12, 12, 18, 24, 38, 38, 46, 52, 52, 58, 64]),
        (3, "Persentase bandara/pelabuhan tidak ditemukan larva Anopheles (<1)", 33,
         [N, N, 11, 11, 11, 22, 22, 22, 33, 33, 33, 33]),
        (4, "Persentase bandara/pelabuhan dengan Indeks populasi kecoa <2", 130,
         [7, 14, 14, 45, 57, 67, 84, 91, 91, 98, 105, 130]),
        (5, "Persentase bandara/pelabuhan dengan Indeks populasi lalat < 2", 122,
         [7, 14, 14, 45, 53, 55, 72, 81, 81, 90, 100, 122]),
        (6, "Persentase bandara/pelabuhan dengan HI perimeter = 0", 116,
         [6, 12, 18, 48, 54, 54, 54, 62, 70, 78, 86, 116]),
        (7, "Persentase bandara/pelabuhan dengan HI buffer < 1", 102,
         [6, 12, 18, 24, 35, 47, 63, 69, 75, 81, 87, 102]),
        (8, "Persentase lokus TTU memenuhi syarat dengan minimal 3 kali pemeriksaan", 604,
         [30, 60, 90, 144, 174, 284, 402, 432, 462, 492, 537, 604]),
        (9, "Persentase lokus TPM laik hygiene dengan minimal 2 kali pemeriksaan", 444,
         [30, 60, 90, 144, 174, 219, 269, 299, 329, 359, 389, 444]),
        (10, "a. Persentase lokus kualitas air bersih memenuhi syarat kesehatan dengan minimal 2 kali pemeriksaan "
             "kimia lengkap", 114,
         [6, 12, 18, 36, 42, 56, 72, 78, 84, 90, 96, 114]),
        (11, "b. Persentase lokus kualitas air bersih memenuhi syarat kesehatan dengan minimal 6 kali pemeriksaan "
             "mikrobiologi/bakteriologis", 56,
         [N, 6, 6, 12, 12, 26, 36, 42, 42, 48, 48, 56]),
    ],
}

# The IKK's own monthly series as printed (IKK 2: 97% x 12 (+ a 13th 97% dropped); IKK 5, 6, 7:
# a 13th value (96, 80, 80) in an extra column, dropped). IKK 7 and 8 print plain numbers under
# a percent Target PK.
PUB_OWN_SERIES = {
    2: ([D("0.97")] * 12, True),
    4: (_d([10, 15, 20, 30, 40, 50, 60, 65, 70, 75, 80, 87]), False),
    5: (_d([96] * 12), False),
    6: (_d([80] * 12), False),
    7: (_d([5, 10, 15, 20, 25, 30, 35, 40, 50, 60, 70, 80]), False),
    8: (_d([5, 10, 15, 20, 30, 40, 45, 50, 60, 70, 80, 96]), False),
}


def _pct(values):
    return [None if v is None else v / 100 for v in values]


OWN_SERIES = dict(PUB_OWN_SERIES)
OWN_SERIES[7] = (_pct(PUB_OWN_SERIES[7][0]), True)  # 5 .. 80  ->  5% .. 80% (Target PK 80%)
OWN_SERIES[8] = (_pct(PUB_OWN_SERIES[8][0]), True)  # 5 .. 96  ->  5% .. 96% (Target PK 96%)


def kinerja_data(published: bool) -> dict:
    sasaran = PUB_SASARAN if published else SASARAN
    ikk_rows = []
    for no, goal, name, definition, target, pct, unit, absolute in PUB_IKK:
        if not published:
            name = name.replace("dipintu", "di pintu")
            if no == 1:
                absolute = D(1170587)  # the components' Target Absolut sum, where the count row ends
        row = {"no": no, "goal": goal, "name": name, "definition": definition, "target": target, "unit": unit,
               "absolute": absolute, "sum_label": SUM_LABEL_IKK2 if no == 2 else None}
        if pct:
            row["_target_percent"] = True
        ikk_rows.append(row)

    series = PUB_OWN_SERIES if published else OWN_SERIES
    monthly = []
    for no in range(1, 9):
        if no in series:
            values, pct = series[no]
            monthly.append({"ikk": no, "component": None, "name": None, "absolute": None, **months(values, pct)})
        if published and no in PUB_COUNT_ROWS:
            label, absolute, values = PUB_COUNT_ROWS[no]
            monthly.append({"ikk": no, "component": "Jumlah", "name": label,
                            "absolute": None if absolute is None else D(absolute), **months(_d(values))})
        for comp, name, absolute, values in COMPONENTS.get(no, []):
            if not published and no == 3 and comp in (10, 11):
                name = name[3:]  # "a. " / "b. ": the component number already identifies the row
            monthly.append({"ikk": no, "component": comp, "name": name,
                            "absolute": None if absolute is None else D(absolute), **months(_d(values))})
    return {
        "Sasaran": [{"no": n, "name": s} for n, s in sasaran],
        "IKK": ikk_rows,
        "Target Bulanan": monthly,
    }


# ---------------------------------------------------------------------------------------------
# pendanaan.xlsx
# ---------------------------------------------------------------------------------------------

KRO = [
    ("PEA", "Koordinasi"),
    ("PEF", "Sosialisasi dan Diseminasi"),
    ("QAA", "Pelayanan publik kepada masyarakat"),
    ("QAH", "Pelayanan publik lainnya"),
    ("RAB", "Sarana Bidang Kesehatan"),
    ("TBC", "Layanan Manajemen SDM Internal"),
    ("AEA", "Koordinasi"),
    ("EBA", "Layanan Dukungan Manajemen Internal"),
    ("EBB", "Layanan Sarana dan Prasarana Internal"),
    ("EBC", "Layanan Manajemen SDM Internal"),
    ("EBD", "Layanan Manajemen Kinerja Internal"),
]

W6 = "6 wilker"
PJ_ALL = "Subbag Adum, substansi PRL&KLW, FKSE"  # as printed in the full Jadwal list
ADUM = "Subbag Adum"
PRLKLW = "Substansi PRL&KLW"

# The full lists of BAB II (the "Persentase Realisasi Anggaran" block, which lists every RO):
# code, name, RM, PNBP, lokasi (2. Sumber Pendanaan); volume, satuan, volume 2025, alokasi 2025
# (1. Perhitungan Pendanaan); PJ (Jadwal Pelaksanaan Kegiatan). PHLN is empty everywhere.
PUB_RO = [
    # code, name, volume, satuan, RM, PNBP, lokasi, PJ, volume 2025, alokasi 2025
    ("PEA.001", "Koordinasi Pelayanan Kekearifan di Pintu Masuk Negara dan Wilayah", 13, "Kegiatan", 140112, 680,
     None, PJ_ALL, 15, 289296),
    ("PEF.001", "Sosialisasi dan Diseminasi", 1085, "Orang", None, 127531, None, PJ_ALL, 875, 102021),
    ("QAA.011", "Pelayanan kesehatan haji", 3200, "Orang", None, 401540, None, PJ_ALL, 2900, 358610),
    ("QAA.012", "Pelayanan kesehatan di pelabuhan/bandaralintas batas", 30, "Orang", None, 4080, None, PJ_ALL,
     30, 4080),
    ("QAH.016", "Layanan pengendalian faktor risiko lingkungan", 19, "Layanan", 26170, 1020, W6, PRLKLW, 102, 171156),
    ("QAH.017", "Layanan pemeriksaan orang, barang, alat angkut", 8, "Layanan", None, 169855, W6,
     "Substansi PRL&KLW, FKSE", 8, 196760),
    ("QAH.U02", "Layanan pengendalian faktor risiko penyakit di bandar udara", 104, "Layanan", 91520, None, W6,
     PRLKLW, 103, 90640),
    ("QAH.U04", "Layanan pengendalian faktor risiko penyakit pada situasi khusus", 4, "Layanan", None, 6220, W6,
     PRLKLW, 24, 37320),
    ("QAH.U07", "Layanan pengendalian faktor risiko penyakit DBD", 24, "Layanan", 28896, None, W6, PRLKLW, 24, 28896),
    ("QAH.U08", "Layanan survei faktor risiko penyakit pes", 54, "Layanan", 152550, None, W6, PRLKLW, 54, 152550),
    ("QAH.U09", "Layanan pengendalian faktor risiko penyakit diare", 24, "Layanan", 11496, None, W6, PRLKLW,
     24, 11496),
    ("QAH.U11", "Layanan survei faktor risiko penyakit DBD", 144, "Layanan", None, 51840, W6, PRLKLW, 144, 51840),
    ("QAH.U12", "Layanan survei faktor risiko penyakit malaria", 18, "Layanan", 30960, None, W6, PRLKLW, 24, 41280),
    ("QAH.U13", "Layanan survei faktor risiko penyakit diare", 48, "Layanan", 17280, None, W6, PRLKLW, 48, 17280),
    ("QAH.U14", "Layanan survei faktor risiko penyakit HIV AIDS", 24, "Layanan", 31536, None, W6, PRLKLW, 24, 31536),
    ("QAH.U15", "Layanan survei faktor risiko penyakit TB", 10, "Layanan", 54550, None, W6, PRLKLW, 10, 54550),
    ("RAB.001", "Pengadaan alat dan bahan kekarantina kesehatan di pintu masuk", 37, "Paket", 244858, 206240, None,
     ADUM, 26, 126291),
    ("TBC.001", "Pelatihan kesehatan", 119, "Orang", 183480, None, None, PJ_ALL, 153, 515774),
    ("AEA.501", "Koordinasi lintas program lintas sektor perencanaan program", 1, "Kegiatan", 12152, None, None,
     PJ_ALL, 1, 48720),
    ("AEA.502", "Koordinasi lintas program lintas sektor evaluasi program", 2, "Kegiatan", 63886, None, None,
     PJ_ALL, 2, 89904),
    ("AEA.505", "Koordinasi lintas program lintas sektor kepegawaian dan umum", 1, "Kegiatan", 14946, None, None,
     PJ_ALL, 1, 15160),
    ("EBA.956", "Layanan BMN", 4, "Layanan", 37672, None, None, ADUM, 3, 71780),
    ("EBA.958", "Layanan Hubungan Masyarakat", 5, "Layanan", 174474, None, None, ADUM, 3, 329990),
    ("EBA.960", "Layanan Organisasi dan Tata Kelola Internal", 2, "Layanan", 30726, None, None, ADUM, 3, 33962),
    ("EBA.962", "Layanan Umum", 3, "Layanan", 30015, None, None, ADUM, 4, 135950),
    ("EBA.963", "Layanan Data dan Informasi", 1, "Layanan", 5000, None, None, ADUM, 1, 5000),
    ("EBA.994", "Layanan Perkantoran", 12, "Layanan", 11411117, None, None, ADUM, 12, 14106075),
    ("EBB.951", "Layanan Sarana Internal", 12, "Unit", 500000, None, None, ADUM, 189, 4508227),
    ("EBB.971", "Layanan Prasarana Internal", 1, "Unit", 181936, None, None, ADUM, 4, 7252600),
    ("EBC.954", "Layanan Manajemen SDM", 1, "Orang", 7666, None, None, ADUM, 80, 182272),
    ("EBC.996", "Layanan Pendidikan dan Pelatihan", 20, "Orang", 79000, None, None, ADUM, 3, 30140),
    ("EBD.952", "Layanan Perencanaan dan Penganggaran", 7, "Dokumen", 80788, None, None, ADUM, 3, 147700),
    ("EBD.953", "Layanan Pemantauan dan Evaluasi", 6, "Dokumen", 43968, None, None, ADUM, 3, 47796),
    ("EBD.955", "Layanan Manajemen Keuangan", 4, "Dokumen", 83176, None, None, ADUM, 3, 119876),
    ("EBD.974", "Layanan Penyelenggaraan Kearsipan", 1, "Dokumen", 3860, None, None, ADUM, 1, 60770),
]
RO_KEYS = ("code", "name", "volume", "unit", "rm", "pnbp", "location", "pj", "next_volume", "next_amount")

# Corrections for inputs/ (each one is a row of inputs/CORRECTIONS.md).
RO_CORRECTIONS = {
    "PEA.001": {"name": "Koordinasi Pelayanan Kekarantinaan di Pintu Masuk Negara dan Wilayah"},
    "QAA.012": {"name": "Pelayanan kesehatan di pelabuhan/bandara/lintas batas"},
    "QAH.U14": {"name": "Layanan survei faktor risiko penyakit HIV/AIDS"},
    "RAB.001": {"name": "Pengadaan alat dan bahan kekarantinaan kesehatan di pintu masuk"},
    # Sumber Pendanaan vs Perhitungan Pendanaan: the Jadwal months sum to the Perhitungan figure.
    "AEA.501": {"rm": 16240},
    "AEA.502": {"rm": 56022},
    "AEA.505": {"rm": 18722},
    # Sumber Pendanaan 11.411.117 vs Perhitungan 11.199.117: IKK 8 (14.530.796) and the Jadwal
    # (11.199.116, rounding) support 11.199.117.
    "EBA.994": {"rm": 11199117},
    # Volume printed twice, in the per-IKK blocks and in the full list.
    "EBB.951": {"volume": 45},
    "EBD.953": {"volume": 3},
    "EBD.955": {"volume": 3},
}


def _fix_pj(pj: str) -> str:
    return pj.replace("FKSE", "PKSE").replace("substansi ", "Substansi ")


def ro_rows(published: bool) -> list[dict]:
    rows = []
    for values in PUB_RO:
        row = dict(zip(RO_KEYS, values, strict=True))
        row["phln"] = None
        if not published:
            row.update(RO_CORRECTIONS.get(row["code"], {}))
            row["pj"] = _fix_pj(row["pj"])
        rows.append(row)
    return rows


def ro_names(published: bool) -> dict[str, str]:
    return {r["code"]: r["name"] for r in ro_rows(published)}


# IKK -> [(code, name printed beside the code in its 2. Sumber Pendanaan block)], in the order of
# the IKK table of BAB II ("Sasaran Kegiatan/KRO/RO dan pendanaan", which prints names only).
# The IKK 3 block attaches six codes to the wrong names (the set of codes is right).
PUB_IKK_RO = {
    1: [("QAA.011", "Pelayanan Kesehatan Haji"),
        ("QAH.016", "Layanan pengendalian faktor risiko lingkungan"),
        ("QAH.017", "Layanan pemeriksaan orang, barang, alat angkut"),
        ("QAH.U14", "Layanan survei faktor risiko penyakit HIV/AIDS"),
        ("QAH.U15", "Layanan survei faktor risiko penyakit TB")],
    2: [("QAA.011", "Pelayanan Kesehatan Haji"),
        ("QAH.017", "Layanan pemeriksaan orang, barang, alat angkut"),
        ("QAH.U07", "Layanan pengendalian faktor risiko penyakit DBD"),
        ("QAH.U09", "Layanan pengendalian faktor risiko penyakit diare"),
        ("QAH.U14", "Layanan survei faktor risiko penyakit HIV/AIDS"),
        ("QAH.U15", "Layanan survei faktor risiko penyakit TB")],
    3: [("QAH.U08", "Layanan pengendalian faktor risiko lingkungan"),
        ("QAH.U11", "Layanan pemeriksaan orang, barang, alat angkut"),
        ("QAH.U12", "Layanan survei faktor risiko penyakit pes"),
        ("QAH.U13", "Layanan survei faktor risiko penyakit malaria"),
        ("QAH.016", "Layanan survei faktor risiko penyakit diare"),
        ("QAH.017", "Layanan survei faktor risiko penyakit DBD")],
    4: [("EBD.952", "Layanan Perencanaan dan Penganggaran"),
        ("EBD.953", "Layanan Pemantauan dan Evaluasi"),
        ("EBD.955", "Layanan Manajemen Keuangan")],
    5: [("EBB.951", "Layanan Sarana Internal"),
        ("EBB.971", "Layanan Prasarana Internal"),
        ("EBD.952", "Layanan Perencanaan dan Penganggaran"),
        ("EBD.953", "Layanan Pemantauan dan Evaluasi"),
        ("EBD.955", "Layanan Manajemen Keuangan")],
    6: [("TBC.001", "Pelatihan kesehatan"),
        ("EBA.958", "Layanan Hubungan Masyarakat"),
        ("EBA.960", "Layanan Organisasi dan Tata Kelola Internal"),
        ("EBB.951", "Layanan Sarana Internal"),
        ("EBB.971", "Layanan Prasarana Internal"),
        ("EBC.954", "Layanan Manajemen SDM"),
        ("EBC.996", "Layanan Pendidikan dan Pelatihan"),
        ("EBD.955", "Layanan Manajemen Keuangan")],
    7: [("TBC.001", "Pelatihan kesehatan"),
        ("EBC.996", "Layanan Pendidikan dan Pelatihan")],
    # IKK 8 (Persentase Realisasi Anggaran) is served by every RO; its block is the full list.
    8: [(code, name) for code, name, *_ in PUB_RO],
}

# The same links resolved by RO name through the full list (what the BAB II table means).
IKK_RO = {ikk: [code for code, _ in pairs] for ikk, pairs in PUB_IKK_RO.items()}
IKK_RO[3] = ["QAH.016", "QAH.017", "QAH.U08", "QAH.U12", "QAH.U13", "QAH.U11"]

# Alokasi 2024 per IKK, table "Sasaran Kegiatan/KRO/RO dan pendanaan" (fixture only; rkt computes it).
PUB_ALOKASI_IKK = {1: 684671, 2: 697873, 3: 449675, 4: 207932, 5: 889868, 6: 1240458, 7: 262480, 8: 14530796}


def pendanaan_data(published: bool) -> dict:
    ros = ro_rows(published)
    total = {"_total": True}
    for key in ("rm", "pnbp", "phln", "next_amount"):
        total[key] = sum(r[key] or 0 for r in ros)
    if published:
        ikk_ro = [{"ikk": ikk, "code": code, "name": name}
                  for ikk, pairs in PUB_IKK_RO.items() for code, name in pairs]
    else:
        ikk_ro = [{"ikk": ikk, "code": code, "name": None} for ikk, codes in IKK_RO.items() for code in codes]
    data = {
        "KRO": [{"code": c, "name": n} for c, n in KRO],
        "RO": [*ros, total] if published else ros,  # rkt computes the totals; only the published edition typed one
        "IKK-RO": ikk_ro,
    }
    if published:
        data["Alokasi IKK"] = [{"ikk": k, "amount": v} for k, v in PUB_ALOKASI_IKK.items()]
    return data


# ---------------------------------------------------------------------------------------------
# jadwal.xlsx  (JADWAL PELAKSANAAN KEGIATAN TAHUN 2024, the full list in the last IKK block)
# ---------------------------------------------------------------------------------------------

PUB_JADWAL = [
    ("PEA.001", "Koordinasi Pelayanan Kekarantinaan di Pintu Masuk Negara dan Wilayah",
     [N, 32340, 19060, 7210, 4896, 10256, N, 5780, 5190, 2160, 37520, 16380]),
    ("PEF.001", "Sosialisasi dan Diseminasi", [N, N, N, N, N, N, N, N, N, 79141, 23170, 25220]),
    ("QAA.011", "Pelayanan kesehatan haji", [N, N, N, N, 87926, 160440, 35364, 117810, N, N, N, N]),
    ("QAA.012", "Pelayanan kesehatan di pelabuhan/bandaralintas batas", [N, N, N, N, N, N, N, N, 2040, N, N, 2040]),
    ("QAH.016", "Layanan pengendalian faktor risiko lingkungan",
     [N, 5440, 4420, 3000, N, 4650, 3000, N, N, 3000, 680, 3000]),
    ("QAH.017", "Layanan pemeriksaan orang, barang, alat angkut",
     [N, 9520, 8840, 13260, 10880, 10540, 10540, 15790, 10540, 18475, 37670, 23800]),
    ("QAH.U02", "Layanan pengendalian faktor risiko penyakit di bandar udara",
     [N, 7040, 7040, 8800, 7040, 7040, 8800, 7040, 7920, 7920, 7040, 15840]),
    ("QAH.U04", "Layanan pengendalian faktor risiko penyakit pada situasi khusus",
     [N, N, N, N, 20, 6200, N, N, N, N, N, N]),
    ("QAH.U07", "Layanan pengendalian faktor risiko penyakit DBD", [N, N, 7224, N, N, 7224, N, N, 7224, N, N, 7224]),
    ("QAH.U08", "Layanan survei faktor risiko penyakit pes",
     [N, 15780, 16050, 25380, 13620, 13620, 13620, N, 13620, 13620, 13620, 13620]),
    ("QAH.U09", "Layanan pengendalian faktor risiko penyakit diare", [N, 2874, N, N, 2874, N, N, 2874, N, N, 2874, N]),
    ("QAH.U11", "Layanan survei faktor risiko penyakit DBD", [N, N, N, N, N, N, N, 31440, 4080, 4080, 4080, 8160]),
    ("QAH.U12", "Layanan survei faktor risiko penyakit malaria", [N, N, N, N, N, N, N, 20760, N, 10200, N, N]),
    ("QAH.U13", "Layanan survei faktor risiko penyakit diare",
     [N, 3000, 2040, N, 2040, 2040, N, 2040, 2040, N, 2040, 2040]),
    ("QAH.U14", "Layanan survei faktor risiko penyakit HIV/AIDS",
     [N, 552, 22824, 2040, N, 2040, N, 2040, N, 2040, N, N]),
    ("QAH.U15", "Layanan survei faktor risiko penyakit TB",
     [N, 300, 17250, 3700, 3700, 3700, 3700, 3700, 3700, 3700, 3700, 7400]),
    ("RAB.001", "Pengadaan alat dan bahan kekarantinaan kesehatan di pintu masuk",
     [N, 5300, 299797, 22240, 6028, 600, 600, 1100, 46654, 51000, 17100, 680]),
    ("TBC.001", "Pelatihan kesehatan", [N, 250, 920, 920, 59670, 40350, 14220, 1420, 25590, 12770, 26200, 1170]),
    ("AEA.501", "Koordinasi lintas program lintas sektor perencanaan program",
     [N, 4715, 11525, N, N, N, N, N, N, N, N, N]),
    ("AEA.502", "Koordinasi lintas program lintas sektor evaluasi program",
     [N, N, 16605, 7604, N, N, 7604, N, 16605, 7604, N, N]),
    ("AEA.505", "Koordinasi lintas program lintas sektor kepegawaian dan umum",
     [N, N, 12392, N, 6330, N, N, N, N, N, N, N]),
    ("EBA.956", "Layanan BMN", [N, N, N, N, 1100, N, 6630, N, N, 7130, 15736, 7076]),
    ("EBA.958", "Layanan Hubungan Masyarakat", [N, 79340, 9200, 40650, 3000, 2250, 10584, 11450, N, 2250, 10500, 5250]),
    ("EBA.960", "Layanan Organisasi dan Tata Kelola Internal",
     [N, N, 1500, N, 6380, 3680, N, 6350, 6436, 2380, 4000, N]),
    ("EBA.962", "Layanan Umum", [N, N, 12040, N, 10200, N, N, 3000, 2000, 2775, N, N]),
    ("EBA.963", "Layanan Data dan Informasi", [N, 5000, N, N, N, N, N, N, N, N, N, N]),
    ("EBA.994", "Layanan Perkantoran",
     [369966, 815410, 787960, 1461504, 867284, 1609338, 814871, 841041, 812627, 814424, 813167, 1191524]),
    ("EBB.951", "Layanan Sarana Internal", [N, N, 214286, 285714, N, N, N, N, N, N, N, N]),
    ("EBB.971", "Layanan Prasarana Internal", [N, N, N, 181936, N, N, N, N, N, N, N, N]),
    ("EBC.954", "Layanan Manajemen SDM", [N, N, N, N, N, N, N, N, 7666, N, N, N]),
    ("EBC.996", "Layanan Pendidikan dan Pelatihan", [N, N, N, N, N, 15500, 8000, N, 7500, 16000, 8000, 24000]),
    ("EBD.952", "Layanan Perencanaan dan Penganggaran", [N, 500, 21708, 500, N, N, 28790, N, N, 28790, 500, N]),
    ("EBD.953", "Layanan Pemantauan dan Evaluasi", [N, 14119, 29849, N, N, N, N, N, N, N, N, N]),
    ("EBD.955", "Layanan Manajemen Keuangan", [N, 10286, N, 15000, 500, N, 11322, 15000, N, 500, 30068, 500]),
    ("EBD.974", "Layanan Penyelenggaraan Kearsipan", [N, 3860, N, N, N, N, N, N, N, N, N, N]),
]

# Rounding: the printed months sum to 1 more / 1 less than the allocation; the largest month
# (month number -> corrected value) absorbs the difference.
JADWAL_CORRECTIONS = {
    "RAB.001": {3: 299796},  # 451.099 -> 451.098
    "EBA.994": {6: 1609339},  # 11.199.116 -> 11.199.117
}


def jadwal_data(published: bool) -> dict:
    names = ro_names(published=False)
    rows = []
    for code, name, values in PUB_JADWAL:
        values = list(values)
        if not published:
            for month, value in JADWAL_CORRECTIONS.get(code, {}).items():
                values[month - 1] = value
            name = names[code]
        rows.append({"code": code, "name": name, **months(values)})
    total = {"_total": True, **{k: sum(r[k] or 0 for r in rows) for k in MONTH_KEYS}}
    return {"Jadwal": [*rows, total] if published else rows}


# ---------------------------------------------------------------------------------------------

BUILDERS = {
    "identitas": identitas_data,
    "pegawai": pegawai_data,
    "kinerja": kinerja_data,
    "pendanaan": pendanaan_data,
    "jadwal": jadwal_data,
}


def write_set(folder: Path, published: bool) -> list[Path]:
    written = []
    for spec in schema.WORKBOOKS:
        data = BUILDERS[spec.key](published)
        written.append(write_workbook(folder / spec.filename, spec, data))
    return written


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=("inputs", "fixture"), help="write one set only")
    args = parser.parse_args(argv)
    if args.only in (None, "inputs"):
        for path in write_set(INPUTS_DIR, published=False):
            print(path.relative_to(ROOT))
    if args.only in (None, "fixture"):
        for path in write_set(FIXTURE_DIR, published=True):
            print(path.relative_to(ROOT))


if __name__ == "__main__":
    main()
