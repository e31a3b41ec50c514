"""The figures of the published RKT Awal Tahun 2024 of BKK Kelas II Jambi, as the built document must show them.

This is the fidelity test's oracle (tests/test_fidelity.py). Every figure was transcribed by hand, table by
table, from the text of the published document (`shared/seed/000_7c2f91032f19896a.txt`, "seed" below; seed
line numbers are given per table), and each published figure that `inputs/CORRECTIONS.md` corrects is
replaced by the chosen value, with a comment naming the CORRECTIONS row ("CORR: table / subject") and the
published value. Nothing here is read from `inputs/`, `tests/published-2024/` or the pipeline: a build
that drops, moves or changes a figure must disagree with this file.

How the figures are written (the document's conventions, which the build follows):

- Money is whole thousands of rupiah with `.` grouping thousands: `1.240.458`, as the seed prints it.
- Counts are grouped the same way. The seed prints some counts ungrouped ("3200" Orang, "1085" Orang in
  Perhitungan Pendanaan; "102659" ... "1170587" in the target annex) and others grouped; the build prints
  every number in the one Indonesian format (`3.200`, `102.659`, DOMAIN.md: "Output uses the same
  conventions"). Rows below keep the seed's text, and `cells()` groups a bare run of 4+ digits, so
  "3200" is expected as "3.200". This is a formatting difference, not a correction.
- Nil is `-` where the document prints a figure column (money, Tabel 1, the Jumlah rows, the months of the
  Jadwal and of the targets). The published Sumber Pendanaan leaves a nil RM/PNBP/PHLN cell empty; the
  build prints `-` there (DOMAIN.md: "`-` or empty means nil"), so those cells are written `-` here.
  Tabel 2 and 3 leave nil cells empty, as published (`""`).
- Percentages `97%`, indices `0,99`, plain scores `87`, as printed.

Names (RO, KRO, IKK) are row addresses, not figures. They are written as the corrected document prints
them: the full-list names of Sumber Pendanaan / Jadwal, with the spelling corrections of CORRECTIONS.md
("Codes, names and PJ"). Where the published text differs only by a text-extraction artefact ("ban dara",
"kepegaw aian", "6 w ilker"), the artefact is dropped silently.
"""

from __future__ import annotations

import re

_BARE_COUNT = re.compile(r"\d{4,}")


def group(token: str) -> str:
    """`3200` -> `3.200`: a bare count of 4+ digits in the document's format; anything else as is."""
    if _BARE_COUNT.fullmatch(token):
        return f"{int(token):,}".replace(",", ".")
    return token


def cells(text: str) -> tuple[str, ...]:
    """A row's figures as the seed prints them, space-separated, in the document's format."""
    return tuple(group(t) for t in text.split())


def months(text: str) -> tuple[str, ...]:
    """Twelve monthly figures, Januari..Desember."""
    out = cells(text)
    if len(out) != 12:
        raise ValueError(f"{len(out)} months in {text!r}")
    return out


# ------------------------------------------------------------------------------------------- BAB I

# "sebanyak 68 (enam puluh delapan) orang terdiri dari 64 orang ASN dan 4 orang PPPK" (seed 93)
# CORR: ASN is PNS and PPPK together (UU 5/2014, UU 20/2023): the 68 are ASN, 64 of them PNS; same figures
HEADCOUNT_PHRASE = "68 (enam puluh delapan) orang ASN terdiri dari 64 orang PNS dan 4 orang PPPK"

# a. Menurut Jabatan (seed 99-101)
BY_POSITION = [
    ("1)", "Jabatan Struktural", "2 orang"),
    ("2)", "Jabatan Fungsional Tertentu", "55 orang"),
    ("3)", "Jabatan Fungsional Umum", "11 orang"),
]

# Tabel 1 (seed 112-118): golongan -> ruang A, B, C, D, Jumlah.
TABEL_1 = {
    "IV": ("3", "1", "-", "-", "4"),
    "III": ("7", "14", "17", "10", "48"),
    "II": ("-", "-", "8", "4", "12"),
    # Published label "VII"; the build labels a grade held only by PPPK staff "VII (PPPK)" (layout, E06:
    # not a CORRECTIONS row). The figures are the published ones.
    "VII (PPPK)": ("-", "-", "-", "-", "4"),
    "Jumlah": ("10", "15", "25", "14", "68"),
}

# Tabel 2 (seed 129-153): No, Kualifikasi Pendidikan, JFU, JFT, Struktural, Jumlah. Nil cells empty.
TABEL_2 = [
    ("1.", "S2 Kesehatan Masyarakat", "1", "2", "1", "4"),
    ("2.", "S2 Kesehatan Lingkungan", "", "", "1", "1"),
    ("3.", "S2 Epidemiologi", "", "1", "", "1"),
    ("4.", "S2 Entomologi Kesehatan", "", "2", "", "2"),
    ("5.", "S2 Ilmu Lingkungan", "", "1", "", "1"),
    ("6.", "S2 Biomedik", "1", "", "", "1"),
    ("7.", "S2 Administrasi Publik", "", "1", "", "1"),
    ("8.", "S2 Ekonomi", "1", "", "", "1"),
    ("9.", "S2 SIM Kesehatan", "", "1", "", "1"),
    ("10.", "Dokter", "", "3", "", "3"),
    ("11.", "Ners", "1", "", "", "1"),
    ("12.", "S1 Kesehatan Masyarakat", "4", "20", "", "24"),
    ("13.", "S1 Keperawatan", "", "3", "", "3"),
    ("14.", "S1 Sistem Informasi", "", "1", "", "1"),
    ("15.", "S1 Teknik Informatika", "1", "", "", "1"),
    ("16.", "S1 Biologi", "", "1", "", "1"),
    ("17.", "S1 Farmasi", "", "1", "", "1"),
    ("18.", "D III Kesehatan Lingkungan", "1", "2", "", "3"),
    ("19.", "D III Keperawatan", "1", "11", "", "12"),
    ("20.", "D III Farmasi", "", "1", "", "1"),
    ("21.", "D III Analisis Kesehatan", "", "1", "", "1"),
    ("22.", "D III Akuntansi", "", "1", "", "1"),
    ("23.", "D III Manajemen Informatika", "", "2", "", "2"),
]
TABEL_2_TOTAL = ("11", "55", "2", "68")  # JFU, JFT, Struktural, Jumlah

# Tabel 3 (seed 166-192), the corrected layout of CORRECTIONS.md "Staff": one column per cell, in the order
# TU JFU, TU JFT, PRL JFU, PRL JFT, KLW JFU, KLW JFT, PKSE JFU, PKSE JFT, Struktural, Jumlah.
# The published Jumlah column holds one number per row, the JFT count only (E08); CORR: "Tabel 3 / Jumlah
# column ... computed by rkt": the row total, which is Tabel 2's Jumlah.
TABEL_3_COLUMNS = ("TU JFU", "TU JFT", "PRL JFU", "PRL JFT", "KLW JFU", "KLW JFT", "PKSE JFU", "PKSE JFT",
                   "Struktural", "Jumlah")
TABEL_3 = [
    ("1.", "S2 Kesehatan Masyarakat", "", "", "", "", "1", "1", "", "1", "1", "4"),  # published Jumlah 2
    # CORR: Tabel 3 / S2 Kesehatan Lingkungan: published under PKSE JFT, chosen Struktural
    ("2.", "S2 Kesehatan Lingkungan", "", "", "", "", "", "", "", "", "1", "1"),  # published Jumlah empty
    # CORR: Tabel 3 / S2 Epidemiologi, S2 Administrasi Publik, S2 SIM Kesehatan: PKSE JFU -> PKSE JFT
    ("3.", "S2 Epidemiologi", "", "", "", "", "", "", "", "1", "", "1"),
    ("4.", "S2 Entomologi Kesehatan", "", "", "", "2", "", "", "", "", "", "2"),
    ("5.", "S2 Ilmu Lingkungan", "", "", "", "1", "", "", "", "", "", "1"),
    ("6.", "S2 Biomedik", "", "", "", "", "1", "", "", "", "", "1"),
    ("7.", "S2 Administrasi Publik", "", "", "", "", "", "", "", "1", "", "1"),  # CORR: PKSE JFU -> JFT
    ("8.", "S2 Ekonomi", "1", "", "", "", "", "", "", "", "", "1"),
    ("9.", "S2 SIM Kesehatan", "", "", "", "", "", "", "", "1", "", "1"),  # CORR: PKSE JFU -> JFT
    ("10.", "Dokter", "", "", "", "", "", "3", "", "", "", "3"),
    ("11.", "Ners", "", "", "", "", "1", "", "", "", "", "1"),
    ("12.", "S1 Kesehatan Masyarakat", "1", "", "3", "15", "", "", "", "5", "", "24"),  # published Jumlah 20
    ("13.", "S1 Keperawatan", "", "", "", "", "", "2", "", "1", "", "3"),
    ("14.", "S1 Sistem Informasi", "", "1", "", "", "", "", "", "", "", "1"),
    ("15.", "S1 Teknik Informatika", "1", "", "", "", "", "", "", "", "", "1"),
    ("16.", "S1 Biologi", "", "", "", "", "", "1", "", "", "", "1"),
    ("17.", "S1 Farmasi", "", "", "", "", "", "1", "", "", "", "1"),
    ("18.", "D III Kesehatan Lingkungan", "1", "", "", "2", "", "", "", "", "", "3"),  # published Jumlah 2
    ("19.", "D III Keperawatan", "1", "", "", "", "", "7", "", "4", "", "12"),  # published Jumlah 11
    ("20.", "D III Farmasi", "", "", "", "", "", "1", "", "", "", "1"),
    ("21.", "D III Analisis Kesehatan", "", "", "", "", "", "1", "", "", "", "1"),
    ("22.", "D III Akuntansi", "", "1", "", "", "", "", "", "", "", "1"),
    ("23.", "D III Manajemen Informatika", "", "2", "", "", "", "", "", "", "", "2"),
]
# The published Jumlah row (seed 192): 5 4 3 20 3 17 (empty) 14 2 55. The empty PKSE JFU total is left
# blank as published, as the table's body cells are. Jumlah: published 55 (the JFT total, E08);
# CORR: "Tabel 3 / Jumlah column": 68.
TABEL_3_TOTAL = ("5", "4", "3", "20", "3", "17", "", "14", "2", "68")

# ------------------------------------------------------------------------------------------- BAB II

# The IKKs as the target annex names them (the build prints one name per IKK everywhere; E14).
# CORR: Lampiran / IKK 2 name: "dipintu masuk" -> "di pintu masuk".
IKK = {
    1: "Indeks deteksi faktor risiko di pelabuhan/bandara/PLBDN",
    2: "Persentase faktor risiko penyakit di pintu masuk yang dikendalikan pada orang, alat angkut, barang dan "
       "lingkungan",
    3: "Indeks Pengendalian Faktor Risiko di pelabuhan/bandara/PLBDN",
    4: "Nilai kinerja anggaran",
    5: "Nilai Indikator Kinerja Pelaksanaan Anggaran",
    6: "Kinerja implementasi WBK satker",
    7: "Persentase ASN yang ditingkatkan kompetensinya",
    8: "Persentase Realisasi Anggaran",
}

# The BAB II table "Sasaran Kegiatan/KRO/RO dan pendanaan" (seed 210-222): No -> (IKK name as printed there,
# Target Tahun 2024, Alokasi 2024 (000)). The printed IKK names differ from the annex's in capitals only
# (E14); the test compares them without case.
BAB2_IKK = {
    1: ("Indeks Deteksi Faktor Risiko di Pelabuhan/Bandara/PLBDN", "0,99", "684.671"),
    2: ("Persentase faktor risiko penyakit di pintu masuk yang dikendalikan pada orang, alat angkut, barang dan "
        "lingkungan", "97%", "697.873"),
    3: ("Indeks Pengendalian Faktor Risiko di Pelabuhan/Bandara/PLBDN", "0,99", "449.675"),
    4: ("Nilai Kinerja Anggaran", "87", "207.932"),
    5: ("Nilai Indikator Kinerja Pelaksanaan Anggaran", "96", "889.868"),
    6: ("Kinerja Implementasi WBK Satker", "80", "1.240.458"),
    7: ("Persentase ASN yang ditingkatkan kompetensinya", "80%", "262.480"),
    8: ("Persentase Realisasi Anggaran", "96%", "14.530.796"),
}
PAGU = "14.530.796"  # CORRECTIONS.md: "The pagu (all 35 distinct ROs) is 14.530.796"

# Every RO by code, with the name of the full lists of Sumber Pendanaan and Jadwal (seed 376-420, 551-598).
RO_NAME = {
    # CORR: BAB II table, Sumber Pendanaan / PEA.001 name: "Kekearifan" (Sumber) -> "Kekarantinaan" (Jadwal)
    "PEA.001": "Koordinasi Pelayanan Kekarantinaan di Pintu Masuk Negara dan Wilayah",
    # the BAB II table prints "Sosialisasi dan diseminasi"; every coded table "... Diseminasi"
    "PEF.001": "Sosialisasi dan Diseminasi",
    # CORR: Sumber, IKK blocks / QAA.011 name: "Pelayanan Kesehatan Haji" (IKK 1, 2 blocks) -> full lists
    "QAA.011": "Pelayanan kesehatan haji",
    # CORR: Perhitungan, Sumber, Jadwal / QAA.012 name: "pelabuhan/ban daralintas batas" -> BAB II's spelling
    "QAA.012": "Pelayanan kesehatan di pelabuhan/bandara/lintas batas",
    "QAH.016": "Layanan pengendalian faktor risiko lingkungan",
    "QAH.017": "Layanan pemeriksaan orang, barang, alat angkut",
    "QAH.U02": "Layanan pengendalian faktor risiko penyakit di bandar udara",
    "QAH.U04": "Layanan pengendalian faktor risiko penyakit pada situasi khusus",
    "QAH.U07": "Layanan pengendalian faktor risiko penyakit DBD",
    "QAH.U08": "Layanan survei faktor risiko penyakit pes",
    "QAH.U09": "Layanan pengendalian faktor risiko penyakit diare",
    "QAH.U11": "Layanan survei faktor risiko penyakit DBD",
    "QAH.U12": "Layanan survei faktor risiko penyakit malaria",
    "QAH.U13": "Layanan survei faktor risiko penyakit diare",
    # CORR: Sumber full list, BAB II, Perhitungan / QAH.U14 name: "HIV AIDS" -> "HIV/AIDS"
    "QAH.U14": "Layanan survei faktor risiko penyakit HIV/AIDS",
    "QAH.U15": "Layanan survei faktor risiko penyakit TB",
    # CORR: BAB II table, Perhitungan, Sumber / RAB.001 name: "kekarantina" -> "kekarantinaan" (Jadwal)
    "RAB.001": "Pengadaan alat dan bahan kekarantinaan kesehatan di pintu masuk",
    "TBC.001": "Pelatihan kesehatan",
    "AEA.501": "Koordinasi lintas program lintas sektor perencanaan program",
    "AEA.502": "Koordinasi lintas program lintas sektor evaluasi program",
    "AEA.505": "Koordinasi lintas program lintas sektor kepegawaian dan umum",
    "EBA.956": "Layanan BMN",
    # CORR: BAB II table, IKK 8 list / EBA.958 name: "... dan Informasi" -> "Layanan Hubungan Masyarakat"
    "EBA.958": "Layanan Hubungan Masyarakat",
    "EBA.960": "Layanan Organisasi dan Tata Kelola Internal",
    "EBA.962": "Layanan Umum",
    "EBA.963": "Layanan Data dan Informasi",
    "EBA.994": "Layanan Perkantoran",
    "EBB.951": "Layanan Sarana Internal",
    "EBB.971": "Layanan Prasarana Internal",
    "EBC.954": "Layanan Manajemen SDM",
    "EBC.996": "Layanan Pendidikan dan Pelatihan",
    "EBD.952": "Layanan Perencanaan dan Penganggaran",
    "EBD.953": "Layanan Pemantauan dan Evaluasi",
    "EBD.955": "Layanan Manajemen Keuangan",
    "EBD.974": "Layanan Penyelenggaraan Kearsipan",
}

# KRO headings. The published capitals vary between tables ("Pelayanan Publik kepada masyarakat",
# "Pelayanan Publik Lainnya" in the full lists; E19, not a CORRECTIONS row): the build prints one name per
# KRO, the BAB II table's.
PUBLIK = "Pelayanan publik kepada masyarakat"
LAINNYA = "Pelayanan publik lainnya"
KOORDINASI = "Koordinasi"
SOSIALISASI = "Sosialisasi dan Diseminasi"
SARANA_KES = "Sarana Bidang Kesehatan"
SDM = "Layanan Manajemen SDM Internal"
DUKMAN = "Layanan Dukungan Manajemen Internal"
SARPRAS = "Layanan Sarana dan Prasarana Internal"
KINERJA = "Layanan Manajemen Kinerja Internal"

# Each IKK's ROs under their KRO headings, in the order of the BAB II table and of every IKK block of
# Perhitungan, Sumber and Jadwal (seed 211-221, 231-316, 322-420, 497-598).
# IKK 3: the BAB II table and Perhitungan list the ROs by name as below. The Sumber and Jadwal IKK 3 blocks
# print the codes U08, U11, U12, U13, 016, 017 beside these names, mis-paired (E34-E39). CORR: "Sumber
# Pendanaan and Jadwal, IKK 3 blocks / IKK 3 code-to-name pairs": linked by name through the full list,
# so the codes follow the names: 016, 017, U08, U12, U13, U11.
IKK_GROUPS: dict[int, list[tuple[str, list[str]]]] = {
    1: [(PUBLIK, ["QAA.011"]), (LAINNYA, ["QAH.016", "QAH.017", "QAH.U14", "QAH.U15"])],
    2: [(PUBLIK, ["QAA.011"]), (LAINNYA, ["QAH.017", "QAH.U07", "QAH.U09", "QAH.U14", "QAH.U15"])],
    3: [(LAINNYA, ["QAH.016", "QAH.017", "QAH.U08", "QAH.U12", "QAH.U13", "QAH.U11"])],
    4: [(KINERJA, ["EBD.952", "EBD.953", "EBD.955"])],
    5: [(SARPRAS, ["EBB.951", "EBB.971"]), (KINERJA, ["EBD.952", "EBD.953", "EBD.955"])],
    6: [(SDM, ["TBC.001"]), (DUKMAN, ["EBA.958", "EBA.960"]), (SARPRAS, ["EBB.951", "EBB.971"]),
        (SDM, ["EBC.954", "EBC.996"]), (KINERJA, ["EBD.955"])],
    7: [(SDM, ["TBC.001"]), (SDM, ["EBC.996"])],
    8: [(KOORDINASI, ["PEA.001"]), (SOSIALISASI, ["PEF.001"]), (PUBLIK, ["QAA.011", "QAA.012"]),
        (LAINNYA, ["QAH.016", "QAH.017", "QAH.U02", "QAH.U04", "QAH.U07", "QAH.U08", "QAH.U09", "QAH.U11",
                   "QAH.U12", "QAH.U13", "QAH.U14", "QAH.U15"]),
        (SARANA_KES, ["RAB.001"]), (SDM, ["TBC.001"]), (KOORDINASI, ["AEA.501", "AEA.502", "AEA.505"]),
        (DUKMAN, ["EBA.956", "EBA.958", "EBA.960", "EBA.962", "EBA.963", "EBA.994"]),
        (SARPRAS, ["EBB.951", "EBB.971"]), (SDM, ["EBC.954", "EBC.996"]),
        (KINERJA, ["EBD.952", "EBD.953", "EBD.955", "EBD.974"])],
}

# 1. Perhitungan Pendanaan (seed 228-316): per IKK block, per RO:
# Volume, Satuan, Alokasi, Prakiraan Maju Volume 2024, 2025, Alokasi 2024, 2025.
# The published header says "Alokasi (juta)"; the figures are thousands and the build says "(000)" (E22).
PERHITUNGAN_COLUMNS = ("volume", "satuan", "alokasi", "volume 2024", "volume 2025", "alokasi 2024",
                       "alokasi 2025")
PERHITUNGAN: dict[int, dict[str, tuple[str, ...]]] = {
    1: {  # seed 231-237
        "QAA.011": cells("3200 Orang 401.540 3200 2900 401.540 358.610"),
        # CORR: Perhitungan Pendanaan, IKK 1 block / QAH.016 Prakiraan Maju 2025: published 19 / 27.190
        "QAH.016": cells("19 Layanan 27.190 19 102 27.190 171.156"),
        "QAH.017": cells("8 Layanan 169.855 8 8 169.855 196.760"),
        "QAH.U14": cells("24 Layanan 31.536 24 24 31.536 31.536"),
        "QAH.U15": cells("10 Layanan 54.550 10 10 54.550 54.550"),
    },
    2: {  # seed 242-247
        "QAA.011": cells("3200 Orang 401.540 3200 2900 401.540 358.610"),
        "QAH.017": cells("8 Layanan 169.855 8 8 169.855 196.760"),
        "QAH.U07": cells("24 Layanan 28.896 24 24 28.896 28.896"),
        "QAH.U09": cells("24 Layanan 11.496 24 24 11.496 11.496"),
        "QAH.U14": cells("24 Layanan 31.536 24 24 31.536 31.536"),
        "QAH.U15": cells("10 Layanan 54.550 10 10 54.550 54.550"),
    },
    3: {  # seed 248-253
        "QAH.016": cells("19 Layanan 27.190 19 102 27.190 171.156"),
        "QAH.017": cells("8 Layanan 169.855 8 8 169.855 196.760"),
        "QAH.U08": cells("54 Layanan 152.550 54 54 152.550 152.550"),
        "QAH.U12": cells("18 Layanan 30.960 18 24 30.960 41.280"),
        # CORR: Perhitungan Pendanaan, IKK 3 block / QAH.U13 (survei diare) volume / alokasi: published
        # 24 Layanan / 11.496 (Prakiraan 24 48 / 11.496 17.280), which are QAH.U09's figures
        "QAH.U13": cells("48 Layanan 17.280 48 48 17.280 17.280"),
        "QAH.U11": cells("144 Layanan 51.840 144 144 51.840 51.840"),
    },
    4: {  # seed 254-256
        "EBD.952": cells("7 Dokumen 80.788 7 3 80.788 147.700"),
        "EBD.953": cells("3 Dokumen 43.968 3 3 43.968 47.796"),
        "EBD.955": cells("3 Dokumen 83.176 3 3 83.176 119.876"),
    },
    5: {  # seed 257-261
        "EBB.951": cells("45 Unit 500.000 45 189 500.000 4.508.227"),
        "EBB.971": cells("1 Unit 181.936 1 4 181.936 7.252.600"),
        "EBD.952": cells("7 Dokumen 80.788 7 3 80.788 147.700"),
        "EBD.953": cells("3 Dokumen 43.968 3 3 43.968 47.796"),
        "EBD.955": cells("3 Dokumen 83.176 3 3 83.176 119.876"),
    },
    6: {  # seed 262-269 (rows shifted by the extraction)
        # The published IKK 6 block drops TBC.001's 2025 allocation (E29, a layout error, no CORRECTIONS
        # row): 515.774 is the value the same RO prints in the IKK 7 block and the full list.
        "TBC.001": cells("119 Orang 183.480 119 153 183.480 515.774"),
        "EBA.958": cells("5 Layanan 174.474 5 3 174.474 329.990"),
        "EBA.960": cells("2 Layanan 30.726 2 3 30.726 33.962"),
        "EBB.951": cells("45 Unit 500.000 45 189 500.000 4.508.227"),
        "EBB.971": cells("1 Unit 181.936 1 4 181.936 7.252.600"),
        "EBC.954": cells("1 Orang 7.666 1 80 7.666 182.272"),
        "EBC.996": cells("20 Orang 79.000 20 3 79.000 30.140"),
        "EBD.955": cells("3 Dokumen 83.176 3 3 83.176 119.876"),
    },
    7: {  # seed 270-271
        "TBC.001": cells("119 Orang 183.480 119 153 183.480 515.774"),
        "EBC.996": cells("20 Orang 79.000 20 3 79.000 30.140"),
    },
    8: {  # seed 272-316, the full list
        "PEA.001": cells("13 Kegiatan 140.792 13 15 140.792 289.296"),
        "PEF.001": cells("1085 Orang 127.531 1085 875 127.531 102.021"),
        "QAA.011": cells("3200 Orang 401.540 3200 2900 401.540 358.610"),
        "QAA.012": cells("30 Orang 4.080 30 30 4.080 4.080"),
        "QAH.016": cells("19 Layanan 27.190 19 102 27.190 171.156"),
        "QAH.017": cells("8 Layanan 169.855 8 8 169.855 196.760"),
        "QAH.U02": cells("104 Layanan 91.520 104 103 91.520 90.640"),
        "QAH.U04": cells("4 Layanan 6.220 4 24 6.220 37.320"),
        "QAH.U07": cells("24 Layanan 28.896 24 24 28.896 28.896"),
        "QAH.U08": cells("54 Layanan 152.550 54 54 152.550 152.550"),
        "QAH.U09": cells("24 Layanan 11.496 24 24 11.496 11.496"),
        "QAH.U11": cells("144 Layanan 51.840 144 144 51.840 51.840"),
        "QAH.U12": cells("18 Layanan 30.960 18 24 30.960 41.280"),
        "QAH.U13": cells("48 Layanan 17.280 48 48 17.280 17.280"),
        "QAH.U14": cells("24 Layanan 31.536 24 24 31.536 31.536"),
        "QAH.U15": cells("10 Layanan 54.550 10 10 54.550 54.550"),
        "RAB.001": cells("37 Paket 451.098 37 26 451.098 126.291"),
        "TBC.001": cells("119 Orang 183.480 119 153 183.480 515.774"),
        "AEA.501": cells("1 Kegiatan 16.240 1 1 16.240 48.720"),
        "AEA.502": cells("2 Kegiatan 56.022 2 2 56.022 89.904"),
        "AEA.505": cells("1 Kegiatan 18.722 1 1 18.722 15.160"),
        "EBA.956": cells("4 Layanan 37.672 4 3 37.672 71.780"),
        "EBA.958": cells("5 Layanan 174.474 5 3 174.474 329.990"),
        "EBA.960": cells("2 Layanan 30.726 2 3 30.726 33.962"),
        "EBA.962": cells("3 Layanan 30.015 3 4 30.015 135.950"),
        "EBA.963": cells("1 Layanan 5.000 1 1 5.000 5.000"),
        "EBA.994": cells("12 Layanan 11.199.117 12 12 11.199.117 14.106.075"),
        # CORR: Perhitungan Pendanaan / EBB.951 volume: published 12 Unit here (both columns), 45 in the
        # IKK 5 and 6 blocks; chosen 45
        "EBB.951": cells("45 Unit 500.000 45 189 500.000 4.508.227"),
        "EBB.971": cells("1 Unit 181.936 1 4 181.936 7.252.600"),
        "EBC.954": cells("1 Orang 7.666 1 80 7.666 182.272"),
        "EBC.996": cells("20 Orang 79.000 20 3 79.000 30.140"),
        "EBD.952": cells("7 Dokumen 80.788 7 3 80.788 147.700"),
        # CORR: Perhitungan Pendanaan / EBD.953 volume: published 6 Dokumen (Tahun 2024), 3 (Prakiraan 2024)
        "EBD.953": cells("3 Dokumen 43.968 3 3 43.968 47.796"),
        # CORR: Perhitungan Pendanaan / EBD.955 volume: published 4 Dokumen (Tahun 2024), 3 (Prakiraan 2024)
        "EBD.955": cells("3 Dokumen 83.176 3 3 83.176 119.876"),
        "EBD.974": cells("1 Dokumen 3.860 1 1 3.860 60.770"),
    },
}

# 2. Sumber Pendanaan (seed 320-420): per IKK block, per RO code: Rupiah Murni, PNBP, PHLN, Jumlah, and Lokasi.
SUMBER_COLUMNS = ("rm", "pnbp", "phln", "jumlah", "lokasi")
W = "6 wilker"
SUMBER: dict[int, dict[str, tuple[str, ...]]] = {
    1: {  # seed 322-328
        "QAA.011": (*cells("- 401.540 - 401.540"), ""),
        "QAH.016": (*cells("26.170 1.020 - 27.190"), W),
        "QAH.017": (*cells("- 169.855 - 169.855"), W),
        "QAH.U14": (*cells("31.536 - - 31.536"), W),
        "QAH.U15": (*cells("54.550 - - 54.550"), W),
    },
    2: {  # seed 329-336
        "QAA.011": (*cells("- 401.540 - 401.540"), ""),
        "QAH.017": (*cells("- 169.855 - 169.855"), W),
        "QAH.U07": (*cells("28.896 - - 28.896"), W),
        "QAH.U09": (*cells("11.496 - - 11.496"), W),
        "QAH.U14": (*cells("31.536 - - 31.536"), W),
        "QAH.U15": (*cells("54.550 - - 54.550"), W),
    },
    3: {  # seed 337-343; the rows in the order of CORR "IKK 3 code-to-name pairs" (see IKK_GROUPS)
        "QAH.016": (*cells("26.170 1.020 - 27.190"), W),
        "QAH.017": (*cells("- 169.855 - 169.855"), W),
        # CORR: Sumber Pendanaan, IKK 3 block / QAH.U08 amount: published RM 26.170 + PNBP 1.020 = 27.190
        "QAH.U08": (*cells("152.550 - - 152.550"), W),
        # CORR: Sumber Pendanaan, IKK 3 block / QAH.U12 source: published PNBP 30.960
        "QAH.U12": (*cells("30.960 - - 30.960"), W),
        "QAH.U13": (*cells("17.280 - - 17.280"), W),
        # CORR: Sumber Pendanaan, IKK 3 block / QAH.U11 amount: published PNBP 169.855
        "QAH.U11": (*cells("- 51.840 - 51.840"), W),
    },
    4: {  # seed 344-347
        "EBD.952": (*cells("80.788 - - 80.788"), ""),
        "EBD.953": (*cells("43.968 - - 43.968"), ""),
        "EBD.955": (*cells("83.176 - - 83.176"), ""),
    },
    5: {  # seed 348-354
        "EBB.951": (*cells("500.000 - - 500.000"), ""),
        "EBB.971": (*cells("181.936 - - 181.936"), ""),
        "EBD.952": (*cells("80.788 - - 80.788"), ""),
        "EBD.953": (*cells("43.968 - - 43.968"), ""),
        "EBD.955": (*cells("83.176 - - 83.176"), ""),
    },
    6: {  # seed 355-367
        "TBC.001": (*cells("183.480 - - 183.480"), ""),
        "EBA.958": (*cells("174.474 - - 174.474"), ""),
        "EBA.960": (*cells("30.726 - - 30.726"), ""),
        "EBB.951": (*cells("500.000 - - 500.000"), ""),
        "EBB.971": (*cells("181.936 - - 181.936"), ""),
        "EBC.954": (*cells("7.666 - - 7.666"), ""),
        "EBC.996": (*cells("79.000 - - 79.000"), ""),
        "EBD.955": (*cells("83.176 - - 83.176"), ""),
    },
    7: {  # seed 371-374
        "TBC.001": (*cells("183.480 - - 183.480"), ""),
        "EBC.996": (*cells("79.000 - - 79.000"), ""),
    },
    8: {  # seed 375-420, the full list
        "PEA.001": (*cells("140.112 680 - 140.792"), ""),
        "PEF.001": (*cells("- 127.531 - 127.531"), ""),
        "QAA.011": (*cells("- 401.540 - 401.540"), ""),
        "QAA.012": (*cells("- 4.080 - 4.080"), ""),
        "QAH.016": (*cells("26.170 1.020 - 27.190"), W),
        "QAH.017": (*cells("- 169.855 - 169.855"), W),
        "QAH.U02": (*cells("91.520 - - 91.520"), W),
        "QAH.U04": (*cells("- 6.220 - 6.220"), W),
        "QAH.U07": (*cells("28.896 - - 28.896"), W),
        "QAH.U08": (*cells("152.550 - - 152.550"), W),
        "QAH.U09": (*cells("11.496 - - 11.496"), W),
        "QAH.U11": (*cells("- 51.840 - 51.840"), W),
        "QAH.U12": (*cells("30.960 - - 30.960"), W),
        "QAH.U13": (*cells("17.280 - - 17.280"), W),
        "QAH.U14": (*cells("31.536 - - 31.536"), W),
        "QAH.U15": (*cells("54.550 - - 54.550"), W),
        "RAB.001": (*cells("244.858 206.240 - 451.098"), ""),
        "TBC.001": (*cells("183.480 - - 183.480"), ""),
        # CORR: Sumber vs Perhitungan / AEA.501 RM: published 12.152 (Sumber)
        "AEA.501": (*cells("16.240 - - 16.240"), ""),
        # CORR: Sumber vs Perhitungan / AEA.502 RM: published 63.886 (Sumber)
        "AEA.502": (*cells("56.022 - - 56.022"), ""),
        # CORR: Sumber vs Perhitungan / AEA.505 RM: published 14.946 (Sumber)
        "AEA.505": (*cells("18.722 - - 18.722"), ""),
        "EBA.956": (*cells("37.672 - - 37.672"), ""),
        "EBA.958": (*cells("174.474 - - 174.474"), ""),
        "EBA.960": (*cells("30.726 - - 30.726"), ""),
        "EBA.962": (*cells("30.015 - - 30.015"), ""),
        "EBA.963": (*cells("5.000 - - 5.000"), ""),
        # CORR: Sumber Pendanaan vs Perhitungan Pendanaan / EBA.994 RM: published 11.411.117 (Sumber)
        "EBA.994": (*cells("11.199.117 - - 11.199.117"), ""),
        "EBB.951": (*cells("500.000 - - 500.000"), ""),
        "EBB.971": (*cells("181.936 - - 181.936"), ""),
        "EBC.954": (*cells("7.666 - - 7.666"), ""),
        "EBC.996": (*cells("79.000 - - 79.000"), ""),
        "EBD.952": (*cells("80.788 - - 80.788"), ""),
        "EBD.953": (*cells("43.968 - - 43.968"), ""),
        "EBD.955": (*cells("83.176 - - 83.176"), ""),
        "EBD.974": (*cells("3.860 - - 3.860"), ""),
    },
}

# ------------------------------------------------------------------------------------------- Lampiran

# Target Indikator Kinerja (seed 447-483). Per sasaran: its name and its rows; a row is
# (INDIKATOR KINERJA KEGIATAN cell, DEFINISI / component cell, Target PK 2024, Target Absolut, 12 months).
# The IKK cell is merged down over the IKK's rows. Counts are grouped (see the module docstring).
# CORR: Identity and texts / Lampiran Sasaran kinerja 1: "Meningkatnya Pelayanan Kekearifan ..."
SASARAN = {
    1: "Meningkatnya pelayanan kekarantinaan di Pintu Masuk Negara dan Wilayah",
    2: "Meningkatnya dukungan manajemen dan pelaksanaan tugas teknis lainnya pada Program Pencegahan dan "
       "Pengendalian Penyakit",
}
_I1, _I2, _I3 = (f"{n}. {IKK[n]}" for n in (1, 2, 3))
_I4, _I5, _I6, _I7, _I8 = (f"{n}. {IKK[n]}" for n in (4, 5, 6, 7, 8))
TARGETS: dict[int, list[tuple[str, str, str, str, tuple[str, ...]]]] = {
    1: [
        # seed 451-455
        # CORR: Lampiran / IKK 1 Target Absolut: published empty, chosen 1.170.587
        (_I1, "Status kinerja deteksi dini faktor risiko di Pelabuhan/bandara/PLBDN berdasarkan hasil pemeriksaan "
              "orang, alat angkut, barang dan lingkungan yang dilakukan dalam satu tahun", "0,99", "1.170.587",
         months("102659 188289 271751 383062 485983 584356 690805 781243 871588 970288 1066234 1170587")),
        (_I1, "1. Persentase orang yang diperiksa sesuai standar", "", "1.152.699",
         months("100994 185231 266940 376817 478163 575129 680341 769360 858387 955632 1050146 1152699")),
        (_I1, "2. Persentase alat angkut yang diperiksa sesuai standar", "", "16.620",
         months("1596 2912 4592 5890 7395 8709 9785 11099 12286 13645 14946 16620")),
        (_I1, "3. Persentase barang yang diperiksa sesuai standar", "", "50",
         months("3 8 15 19 23 28 34 37 40 43 46 50")),
        (_I1, "4. Persentase lingkungan yang diperiksa sesuai standar", "", "1.218",
         months("66 138 204 336 402 490 645 747 875 968 1096 1218")),
        # seed 456-461 (the rows below the IKK row start one column early in the extraction)
        # CORR: Lampiran, Lampiran 2 / IKK 2 own row: 13 x "97%" published, first 12 kept
        (_I2, "Faktor risiko yang dikendalikan berdasarkan temuan pada pemeriksaan orang, alat angkut, barang dan "
              "lingkungan dalam satu tahun", "97%", "", months(" ".join(["97%"] * 12))),
        # CORR: Lampiran / IKK 2 "Kemungkinan jumlah faktor risiko ..." row: published 523 1463 2134 2714 3078
        # 3298 3780 4388 5332 6780 7706 8293 (97% of the sum); chosen: the sum of the components below
        (_I2, "Kemungkinan jumlah faktor risiko yang ditemukan pada indikator 1 yang dikendalikan", "", "",
         months("539 1508 2200 2798 3173 3400 3897 4524 5497 6990 7944 8549")),
        (_I2, "1. Faktor Risiko yang dikendalikan pada orang", "", "",
         months("498 1433 2091 2664 3017 3221 3685 4284 5226 6689 7611 8183")),
        (_I2, "2. Faktor Risiko yang dikendalikan pada Barang", "", "",
         months("41 72 103 128 149 172 205 233 264 294 325 358")),
        (_I2, "3. Faktor Risiko yang dikendalikan pada Alat Angkut", "", "",
         months("0 0 1 1 1 1 1 1 1 1 1 1")),
        # CORR: Lampiran / IKK 2 component 4 (Lingkungan): published 13 numbers 0 3 5 5 6 6 6 6 6 6 6 7 7
        (_I2, "4. Faktor Risiko yang dikendalikan pada Lingkungan (TTU, TPM)", "", "",
         months("0 3 5 5 6 6 6 6 6 6 7 7")),
        # seed 462-473
        (_I3, "Status faktor risiko di pintu masuk negara berdasarkan penilaian surveilans, karantina dan risiko "
              "lingkungan dalam satu tahun", "0,99", "1.843",
         months("100 208 304 545 660 897 1144 1258 1362 1471 1593 1843")),
        (_I3, "1. Persentase sinyal SKD KLB dan Bencana yang direspon kurang dari 24 jam dengan kelengkapan 80%",
         "", "58", months("2 6 13 18 24 29 32 36 43 50 54 58")),
        (_I3, "2. Persentase bandara/pelabuhan dengan Indeks pinjal ≤ 1", "", "64",
         months("6 12 12 18 24 38 38 46 52 52 58 64")),
        (_I3, "3. Persentase bandara/pelabuhan tidak ditemukan larva Anopheles (<1)", "", "33",
         months("- - 11 11 11 22 22 22 33 33 33 33")),
        (_I3, "4. Persentase bandara/pelabuhan dengan Indeks populasi kecoa <2", "", "130",
         months("7 14 14 45 57 67 84 91 91 98 105 130")),
        (_I3, "5. Persentase bandara/pelabuhan dengan Indeks populasi lalat < 2", "", "122",
         months("7 14 14 45 53 55 72 81 81 90 100 122")),
        (_I3, "6. Persentase bandara/pelabuhan dengan HI perimeter = 0", "", "116",
         months("6 12 18 48 54 54 54 62 70 78 86 116")),
        (_I3, "7. Persentase bandara/pelabuhan dengan HI buffer < 1", "", "102",
         months("6 12 18 24 35 47 63 69 75 81 87 102")),
        (_I3, "8. Persentase lokus TTU memenuhi syarat dengan minimal 3 kali pemeriksaan", "", "604",
         months("30 60 90 144 174 284 402 432 462 492 537 604")),
        (_I3, "9. Persentase lokus TPM laik hygiene dengan minimal 2 kali pemeriksaan", "", "444",
         months("30 60 90 144 174 219 269 299 329 359 389 444")),
        # CORR: Lampiran / IKK 3 components 10, 11: published "10. a. Persentase ...", "11. b. Persentase ..."
        (_I3, "10. Persentase lokus kualitas air bersih memenuhi syarat kesehatan dengan minimal 2 kali pemeriksaan "
              "kimia lengkap", "", "114", months("6 12 18 36 42 56 72 78 84 90 96 114")),
        (_I3, "11. Persentase lokus kualitas air bersih memenuhi syarat kesehatan dengan minimal 6 kali pemeriksaan "
              "mikrobiologi/bakteriologis", "", "56", months("- 6 6 12 12 26 36 42 42 48 48 56")),
    ],
    2: [  # seed 477-483 ("Lampiran 2")
        (_I4, "Besarnya nilai kinerja penganggaran yang diperoleh melalui perhitungan kinerja menggunakan aplikasi "
              "SMART Kementerian Keuangan", "87", "", months("10 15 20 30 40 50 60 65 70 75 80 87")),
        # CORR: Lampiran, Lampiran 2 / IKK 5, 6, 7: a 13th value (96, 80, 80) published; first 12 kept
        (_I5, "Ukuran kualitas kinerja pelaksanaan anggaran belanja Kementerian Negara/Lembaga/satuan kerja dari "
              "sisi kesesuaian terhadap perencanaan, efektivitas pelaksanaan anggaran, efisiensi pelaksanaan "
              "anggaran, dan kepatuhan terhadap regulasi.", "96", "", months(" ".join(["96"] * 12))),
        (_I6, "Perolehan nilai implementasi menuju Wilayah Bebas dari Korupsi (WBK) pada Satuan Kerja melalui "
              "penilaian mandiri (self Assesment) yang dilakukan oleh Satuan Kerja dengan menggunakan Lembar Kerja "
              "Evaluasi (LKE) Zona Integritas menuju WBK/WBBM yang ditetapkan berdasarkan Peraturan Menteri "
              "Pendayagunaan Aparatur Negara dan Reformasi Birokrasi yang berlaku dan kemudian dilakukan evaluasi "
              "oleh Unit Pembina Sekretariat Direktorat Jenderal P2P.", "80", "", months(" ".join(["80"] * 12))),
        # CORR: Lampiran 2 / IKK 7 monthly: published plain 5 10 ... 80 (and a 13th 80); chosen 5% ... 80%
        (_I7, "ASN yang ditingkatkan kompetensinya paling sedikit 20 (dua puluh) jam pelajaran dalam 1 (satu) tahun "
              "dan dapat dilakukan pada tingkat instansi dan nasional", "80%", "",
         months("5% 10% 15% 20% 25% 30% 35% 40% 50% 60% 70% 80%")),
        # CORR: Lampiran 2 / IKK 8 monthly: published plain 5 10 ... 96; chosen 5% ... 96%
        (_I8, "Anggaran yang dapat direalisasikan dari seluruh pagu yang dianggarkan dalam 1 (satu) tahun.", "96%",
         "", months("5% 10% 15% 20% 30% 40% 45% 50% 60% 70% 80% 96%")),
    ],
}

# Jadwal Pelaksanaan Kegiatan (seed 493-598): the IKK's Target IKK, and per IKK block, per RO code, the 12
# months and the PJ. The published header says "(ooo)" for (000) (E54). The build adds a Jumlah column
# (the RO's allocation, checked against SUMBER's Jumlah).
# PJ corrections, CORR "Jadwal / PJ": "FKSE" -> "PKSE", "substansi PRL&KLW" -> "Substansi PRL&KLW";
# CORR "Jadwal / PJ of QAA.011, EBC.996, QAH.U11, QAH.017": the IKK blocks take the full list's PJ.
# A 13th "-" after Desember (QAA.011 in the IKK 1 and 2 blocks; EBB.951, EBB.971, EBC.954 in the IKK 6 block;
# E53) is not a month and is dropped (the fixture has 12 month columns).
JADWAL_TARGET = {1: "0,99", 2: "97%", 3: "0,99", 4: "87", 5: "96", 6: "80", 7: "80%", 8: "96%"}
ADUM = "Subbag Adum"
PRL = "Substansi PRL&KLW"
PRL_PKSE = "Substansi PRL&KLW, PKSE"
ALL_PJ = "Subbag Adum, Substansi PRL&KLW, PKSE"
_QAA011 = months("- - - - 87.926 160.440 35.364 117.810 - - - -")
_QAH016 = months("- 5.440 4.420 3.000 - 4.650 3.000 - - 3.000 680 3.000")
_QAH017 = months("- 9.520 8.840 13.260 10.880 10.540 10.540 15.790 10.540 18.475 37.670 23.800")
_QAHU07 = months("- - 7.224 - - 7.224 - - 7.224 - - 7.224")
_QAHU08 = months("- 15.780 16.050 25.380 13.620 13.620 13.620 - 13.620 13.620 13.620 13.620")
_QAHU09 = months("- 2.874 - - 2.874 - - 2.874 - - 2.874 -")
_QAHU11 = months("- - - - - - - 31.440 4.080 4.080 4.080 8.160")
_QAHU12 = months("- - - - - - - 20.760 - 10.200 - -")
_QAHU13 = months("- 3.000 2.040 - 2.040 2.040 - 2.040 2.040 - 2.040 2.040")
_QAHU14 = months("- 552 22.824 2.040 - 2.040 - 2.040 - 2.040 - -")
_QAHU15 = months("- 300 17.250 3.700 3.700 3.700 3.700 3.700 3.700 3.700 3.700 7.400")
_TBC001 = months("- 250 920 920 59.670 40.350 14.220 1.420 25.590 12.770 26.200 1.170")
_EBA958 = months("- 79.340 9.200 40.650 3.000 2.250 10.584 11.450 - 2.250 10.500 5.250")
_EBA960 = months("- - 1.500 - 6.380 3.680 - 6.350 6.436 2.380 4.000 -")
_EBB951 = months("- - 214.286 285.714 - - - - - - - -")
_EBB971 = months("- - - 181.936 - - - - - - - -")
_EBC954 = months("- - - - - - - - 7.666 - - -")
_EBC996 = months("- - - - - 15.500 8.000 - 7.500 16.000 8.000 24.000")
_EBD952 = months("- 500 21.708 500 - - 28.790 - - 28.790 500 -")
_EBD953 = months("- 14.119 29.849 - - - - - - - - -")
_EBD955 = months("- 10.286 - 15.000 500 - 11.322 15.000 - 500 30.068 500")
JADWAL: dict[int, dict[str, tuple[tuple[str, ...], str]]] = {
    1: {  # seed 497-503
        "QAA.011": (_QAA011, ALL_PJ),  # published "Subbag Adum, substansi PRL&KLW, PKSE"
        "QAH.016": (_QAH016, PRL),
        "QAH.017": (_QAH017, PRL_PKSE),
        "QAH.U14": (_QAHU14, PRL),
        "QAH.U15": (_QAHU15, PRL),
    },
    2: {  # seed 504-511
        "QAA.011": (_QAA011, ALL_PJ),  # CORR PJ of QAA.011: published "Substansi PRL&KLW" in this block (E48)
        "QAH.017": (_QAH017, PRL_PKSE),
        "QAH.U07": (_QAHU07, PRL),
        "QAH.U09": (_QAHU09, PRL),
        "QAH.U14": (_QAHU14, PRL),
        "QAH.U15": (_QAHU15, PRL),
    },
    3: {  # seed 512-518; months per code as printed; rows in the order of CORR "IKK 3 code-to-name pairs"
        "QAH.016": (_QAH016, PRL),
        "QAH.017": (_QAH017, PRL_PKSE),  # CORR PJ of QAH.017: published "Substansi PRL&KLW" in this block (E50)
        "QAH.U08": (_QAHU08, PRL),
        "QAH.U12": (_QAHU12, PRL),
        "QAH.U13": (_QAHU13, PRL),
        "QAH.U11": (_QAHU11, PRL),  # CORR PJ of QAH.U11: published "Substansi PRL&KLW, PKSE" in this block (E50)
    },
    4: {  # seed 519-522
        "EBD.952": (_EBD952, ADUM),
        "EBD.953": (_EBD953, ADUM),
        "EBD.955": (_EBD955, ADUM),
    },
    5: {  # seed 523-529
        "EBB.951": (_EBB951, ADUM),
        "EBB.971": (_EBB971, ADUM),
        "EBD.952": (_EBD952, ADUM),
        "EBD.953": (_EBD953, ADUM),
        "EBD.955": (_EBD955, ADUM),
    },
    6: {  # seed 533-545
        "TBC.001": (_TBC001, ALL_PJ),  # CORR PJ: published "Subbag Adum, substansi PRL&KLW, FKSE"
        "EBA.958": (_EBA958, ADUM),
        "EBA.960": (_EBA960, ADUM),
        "EBB.951": (_EBB951, ADUM),
        "EBB.971": (_EBB971, ADUM),
        "EBC.954": (_EBC954, ADUM),
        "EBC.996": (_EBC996, ADUM),
        "EBD.955": (_EBD955, ADUM),
    },
    7: {  # seed 546-549
        "TBC.001": (_TBC001, ALL_PJ),  # CORR PJ: published "... substansi PRL&KLW, FKSE"
        # CORR PJ of EBC.996: published "Subbag Adum, substansi PRL&KLW, FKSE" in this block (E49)
        "EBC.996": (_EBC996, ADUM),
    },
    8: {  # seed 550-598, the full list; CORR PJ: every "FKSE" -> "PKSE", "substansi" -> "Substansi"
        "PEA.001": (months("- 32.340 19.060 7.210 4.896 10.256 - 5.780 5.190 2.160 37.520 16.380"), ALL_PJ),
        "PEF.001": (months("- - - - - - - - - 79.141 23.170 25.220"), ALL_PJ),
        "QAA.011": (_QAA011, ALL_PJ),
        "QAA.012": (months("- - - - - - - - 2.040 - - 2.040"), ALL_PJ),
        "QAH.016": (_QAH016, PRL),
        "QAH.017": (_QAH017, PRL_PKSE),
        "QAH.U02": (months("- 7.040 7.040 8.800 7.040 7.040 8.800 7.040 7.920 7.920 7.040 15.840"), PRL),
        "QAH.U04": (months("- - - - 20 6.200 - - - - - -"), PRL),
        "QAH.U07": (_QAHU07, PRL),
        "QAH.U08": (_QAHU08, PRL),
        "QAH.U09": (_QAHU09, PRL),
        "QAH.U11": (_QAHU11, PRL),
        "QAH.U12": (_QAHU12, PRL),
        "QAH.U13": (_QAHU13, PRL),
        "QAH.U14": (_QAHU14, PRL),
        "QAH.U15": (_QAHU15, PRL),
        # CORR: Jadwal / RAB.001 Maret: published 299.797 (the months add to 451.099)
        "RAB.001": (months("- 5.300 299.796 22.240 6.028 600 600 1.100 46.654 51.000 17.100 680"), ADUM),
        "TBC.001": (_TBC001, ALL_PJ),
        "AEA.501": (months("- 4.715 11.525 - - - - - - - - -"), ALL_PJ),
        "AEA.502": (months("- - 16.605 7.604 - - 7.604 - 16.605 7.604 - -"), ALL_PJ),
        "AEA.505": (months("- - 12.392 - 6.330 - - - - - - -"), ALL_PJ),
        "EBA.956": (months("- - - - 1.100 - 6.630 - - 7.130 15.736 7.076"), ADUM),
        "EBA.958": (_EBA958, ADUM),
        "EBA.960": (_EBA960, ADUM),
        "EBA.962": (months("- - 12.040 - 10.200 - - 3.000 2.000 2.775 - -"), ADUM),
        "EBA.963": (months("- 5.000 - - - - - - - - - -"), ADUM),
        # CORR: Jadwal / EBA.994 Juni: published 1.609.338 (the months add to 11.199.116)
        "EBA.994": (months("369.966 815.410 787.960 1.461.504 867.284 1.609.339 814.871 841.041 812.627 814.424 "
                           "813.167 1.191.524"), ADUM),
        "EBB.951": (_EBB951, ADUM),
        "EBB.971": (_EBB971, ADUM),
        "EBC.954": (_EBC954, ADUM),
        "EBC.996": (_EBC996, ADUM),
        "EBD.952": (_EBD952, ADUM),
        "EBD.953": (_EBD953, ADUM),
        "EBD.955": (_EBD955, ADUM),
        "EBD.974": (months("- 3.860 - - - - - - - - - -"), ADUM),
    },
}
