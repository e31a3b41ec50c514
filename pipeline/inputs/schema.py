"""The input contract: which workbooks, sheets and columns rkt reads, and of what type.

One declaration serves the reader (header matching, typing), the blank-workbook
generator and the planner's documentation, so the three cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.plan.vocabulary import (
    ACTING,
    DIRECTIONS,
    EDITIONS,
    FUNDING_SOURCES,
    GRADES,
    IKK_UNITS,
    MONTH_ALIASES,
    POSITION_TYPES,
    QUARTERS,
    RO_UNITS,
    SCALES,
    STATUSES,
    UNIT_KINDS,
)

# Column types. Each is a name the normaliser knows how to parse.
TEXT = "text"  # trimmed string, internal whitespace collapsed
CODE = "code"  # trimmed, upper-cased, no inner spaces (KRO.RO, NIP)
INT = "int"  # whole number; Indonesian grouping accepted ("1.240.458")
MONEY = "money"  # whole thousands of rupiah, int; "-" or empty is 0
TARGET = "target"  # Decimal, "0,99", "97%" (percent flag kept), "87"
DATE = "date"  # Excel date or Indonesian text ("Januari 2024", "2 Januari 2024")

# Controlled values (pipeline/plan/vocabulary.py) feed the drop-down lists of `rkt blank`, the Petunjuk
# sheets and docs/input-format.md through the column that takes them (`Column.choices`); `open_choices`
# lets Excel accept another value after a warning, as the check does (an unusual RO satuan is a warning,
# any "Revisi N" is an edition).


RO_NAME = "Layanan pemeriksaan orang, barang, alat angkut"
DITJEN = "Direktorat Jenderal Pencegahan dan Pengendalian Penyakit"
ENTRY = "Kekarantinaan di Pintu Masuk Negara dan Wilayah"


@dataclass(frozen=True)
class Column:
    """One column of a sheet: the model key, the header a planner sees, and accepted variants."""

    key: str
    header: str
    type: str = TEXT
    required: bool = True
    aliases: tuple[str, ...] = ()
    example: str = ""
    note: str = ""
    choices: tuple[str, ...] = ()  # the controlled values, if any
    open_choices: bool = False  # another value is accepted (with a warning) rather than refused

    @property
    def names(self) -> tuple[str, ...]:
        return (self.header, *self.aliases)


@dataclass(frozen=True)
class Sheet:
    """A table sheet: a header row, then one record per row; an optional trailing `Jumlah` row."""

    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...] = ()  # columns whose combined value must be unique
    total_row: bool = False  # a trailing "Jumlah" row is recognised and kept for checking
    required: bool = True
    purpose: str = ""

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)


@dataclass(frozen=True)
class Field(Column):
    """One labelled value of a key-value sheet: the label in column A, the value in column B."""

    @property
    def label(self) -> str:
        return self.header


@dataclass(frozen=True)
class FormSheet:
    """A key-value sheet: one labelled value per row."""

    name: str
    fields: tuple[Field, ...]
    purpose: str = ""


@dataclass(frozen=True)
class Workbook:
    """One section's workbook, owned and edited by one section."""

    key: str
    filename: str
    owner: str
    sheets: tuple[Sheet | FormSheet, ...] = field(default_factory=tuple)

    def sheet(self, name: str) -> Sheet | FormSheet:
        return next(s for s in self.sheets if s.name == name)


def _months(type_: str = MONEY, required: bool = True, prefixes: tuple[str, ...] = ()) -> tuple[Column, ...]:
    """The twelve month columns (`Jan` ... `Des`, read under their long names too); `prefixes` adds headers
    such as `Realisasi Jan` that a pasted export may carry."""
    return tuple(
        Column(f"m{i + 1:02d}", short, type_, required, example="-",
               aliases=tuple(dict.fromkeys((*names, *(f"{p} {n}" for p in prefixes for n in (short, *names))))))
        for i, (short, *names) in enumerate(MONTH_ALIASES)
    )


IDENTITAS = Workbook(
    key="identitas",
    filename="identitas.xlsx",
    owner="Subbagian Administrasi Umum (perencanaan)",
    sheets=(
        FormSheet(
            "Identitas",
            (
                Field("office_name", "Nama Kantor", example="Balai Kekarantinaan Kesehatan Kelas II Contoh"),
                Field("office_short", "Nama Singkat", example="BKK Kelas II Contoh"),
                Field("address", "Alamat", example="Jl. Pelabuhan No. 1, Kota Contoh"),
                Field("postcode", "Kode Pos", example="12345"),
                Field("phone", "Telepon", aliases=("Telp",), example="0000-000001"),
                Field("fax", "Faks", aliases=("Fax", "Faksimile"), required=False, example="0000-000002"),
                Field("year", "Tahun", INT, example="2024"),
                Field("edition", "Edisi", example="Awal Tahun", choices=EDITIONS, open_choices=True,
                      note="Awal Tahun, atau Revisi N (Revisi 1, Revisi 2, ...)"),
                Field("ministry", "Kementerian", example="Kementerian Kesehatan"),
                Field("parent_unit", "Unit Organisasi", example=DITJEN),
                Field("head_name", "Nama Kepala", example="Dr. Nama Kepala, SKM, MKM"),
                Field("head_nip", "NIP Kepala", CODE, example="197001152000031002"),
                Field("head_title", "Jabatan Kepala", example="Kepala Balai Kekarantinaan Kesehatan Kelas II Contoh"),
                Field("head_acting", "Plt./Plh. Kepala", required=False, example="Plt.", choices=ACTING,
                      note="kosong bila kepala definitif; Plt. (pelaksana tugas) atau Plh. (pelaksana harian) "
                           "dicetak di depan jabatan pada setiap tanda tangan"),
                Field("sign_place", "Tempat Penandatanganan", aliases=("Tempat Tanda Tangan",), example="Contoh"),
                Field("sign_date", "Tanggal Penandatanganan", DATE, aliases=("Tanggal Tanda Tangan",),
                      example="Januari 2024", note="tanggal Excel, atau teks 'Januari 2024' / '2 Januari 2024'"),
                Field("parent_unit_short", "Singkatan Unit Organisasi", required=False, example="Ditjen P2P",
                      note="kosong: nama lengkap Unit Organisasi"),
                Field("superior_title", "Jabatan Atasan", required=False,
                      example="Direktur Jenderal Pencegahan dan Pengendalian Penyakit",
                      note="pihak kedua Perjanjian Kinerja; kosong: pimpinan Unit Organisasi"),
                Field("superior_name", "Nama Atasan", required=False, example="Dr. Nama Pejabat, MPH",
                      note="pihak kedua Perjanjian Kinerja"),
                Field("superior_nip", "NIP Atasan", CODE, required=False, example="197001012000031001"),
                Field("superior_acting", "Plt./Plh. Atasan", required=False, example="", choices=ACTING,
                      note="kosong bila atasan definitif; Plt. atau Plh. dicetak di depan jabatan pihak kedua"),
                Field("period", "Periode Renstra", required=False, example="2025-2029",
                      note="kosong: periode lima tahunan yang memuat Tahun (2020-2024, 2025-2029, ...)"),
                Field("vision", "Visi Presiden", required=False,
                      example="Terwujudnya Indonesia Maju yang Berdaulat, Mandiri, dan Berkepribadian "
                              "Berlandaskan Gotong-Royong",
                      note="visi RPJMN periode ini; kosong: bawaan periode bila dikenal rkt"),
                Field("renstra_regulation", "Peraturan Renstra", required=False,
                      example="Peraturan Menteri Kesehatan Nomor ... Tahun ... tentang Rencana Strategis "
                              "Kementerian Kesehatan Tahun 2025-2029",
                      note="kosong: bawaan periode bila dikenal rkt"),
                Field("organisation_regulation", "Peraturan Organisasi", required=False,
                      example="Peraturan Menteri Kesehatan Republik Indonesia Nomor 10 Tahun 2023 tentang "
                              "Organisasi dan Tata Kerja Unit Pelaksana Teknis Bidang Kekarantinaan Kesehatan",
                      note="kosong: Permenkes 10/2023 (sejak 2024)"),
            ),
            purpose="Identitas kantor, edisi dokumen dan penandatangan.",
        ),
        Sheet(
            "Unit",
            (
                Column("no", "No", INT, example="1"),
                Column("name", "Nama Unit", example="Subbagian Administrasi Umum"),
                Column("kind", "Jenis", example="Subbagian", choices=UNIT_KINDS, open_choices=True,
                       note="Bagian, Bidang, Subbagian dan Seksi digambar sebagai unit struktural di Bagan 1"),
                Column("duty", "Tugas", required=False, example="melakukan koordinasi penyusunan rencana, ..."),
            ),
            key=("no",),
            purpose="Susunan organisasi di bawah Kepala (Bab I dan Bagan 1).",
        ),
        Sheet(
            "Wilker",
            (
                Column("no", "No", INT, example="1"),
                Column("name", "Wilayah Kerja", aliases=("Nama Wilker", "Wilker"), example="Bandara Contoh"),
            ),
            key=("name",),
            purpose="Wilayah kerja (pelabuhan, bandara, PLBDN).",
        ),
        Sheet(
            "Unit Kerja",
            (
                Column("code", "Kode", CODE, example="PRL"),
                Column("name", "Nama", example="Pengendalian Risiko Lingkungan"),
                Column("group", "Kelompok", required=False, example="PRL dan KLW",
                       note="judul kolom gabungan di Tabel 3; kosong bila tidak digabung"),
            ),
            key=("code",),
            purpose="Unit kerja pegawai (kolom Tabel 3).",
        ),
        Sheet(
            "PJ",
            (
                Column("name", "Penanggung Jawab", aliases=("PJ",), example="Substansi PRL&KLW"),
            ),
            key=("name",),
            purpose="Daftar penanggung jawab (PJ) yang boleh dipakai di Jadwal.",
        ),
        Sheet(
            "Dasar Hukum",
            (
                Column("no", "No", INT, example="1"),
                Column("text", "Peraturan", aliases=("Dasar Hukum",),
                       example="Undang-Undang Nomor 25 Tahun 2004 tentang Sistem Perencanaan Pembangunan Nasional"),
            ),
            key=("no",),
            required=False,
            purpose="Opsional: dasar penyusunan RKT (Bab I). Kosong: daftar bawaan dengan Renstra periode ini.",
        ),
        Sheet(
            "Program",
            (
                Column("program", "Program", example="Pencegahan dan Pengendalian Penyakit"),
                Column("goal", "Sasaran Program", example="Meningkatnya upaya pencegahan penyakit"),
            ),
            purpose="Program dan sasaran program (satu baris per sasaran).",
        ),
        Sheet(
            "Kegiatan",
            (
                Column("activity", "Kegiatan", example="Dukungan Pelayanan " + ENTRY),
                Column("goal", "Sasaran Kegiatan", example="Meningkatnya pelayanan " + ENTRY.lower()),
            ),
            purpose="Kegiatan dan sasaran kegiatan (satu baris per kegiatan).",
        ),
    ),
)

PEGAWAI = Workbook(
    key="pegawai",
    filename="pegawai.xlsx",
    owner="Subbagian Administrasi Umum (kepegawaian)",
    sheets=(
        Sheet(
            "Pegawai",
            (
                Column("nip", "NIP", CODE, aliases=("NIP/NI PPPK", "NI PPPK"), example="197001152000031002"),
                Column("name", "Nama", example="Dr. Nama Kepala, SKM, MKM"),
                Column("status", "Status", example="PNS", choices=STATUSES,
                       note="ASN (isian versi lama) dibaca sebagai PNS: ASN adalah PNS dan PPPK bersama"),
                Column("position_type", "Jenis Jabatan", example="Struktural", choices=POSITION_TYPES,
                       note="JFU dibaca sebagai Pelaksana; dokumen mencetak kata yang dipakai daftar pegawai"),
                Column("position", "Jabatan", example="Kepala Balai"),
                Column("grade", "Golongan", aliases=("Gol", "Golongan/Ruang", "Pangkat/Golongan"), example="IV/b",
                       note="PNS: I/a .. IV/e; PPPK: I .. XVII (golongan PPPK terpisah dari golongan PNS)",
                       choices=GRADES),
                Column("education", "Pendidikan", example="S2 Kesehatan Masyarakat",
                       note="salah satu kualifikasi di sheet Pendidikan"),
                Column("unit", "Unit Kerja", CODE, example="TU", note="kode di sheet Unit Kerja (identitas.xlsx)"),
            ),
            key=("nip",),
            purpose="Daftar pegawai, satu baris per orang. Semua jumlah di Bab I dihitung dari sini.",
        ),
        Sheet(
            "Pendidikan",
            (
                Column("no", "No", INT, example="1"),
                Column("name", "Kualifikasi Pendidikan", aliases=("Pendidikan",), example="S2 Kesehatan Masyarakat"),
            ),
            key=("name",),
            purpose="Urutan baris Tabel 2 dan Tabel 3.",
        ),
    ),
)

KINERJA = Workbook(
    key="kinerja",
    filename="kinerja.xlsx",
    owner="Tim kinerja (perencanaan dan evaluasi)",
    sheets=(
        Sheet(
            "Sasaran",
            (
                Column("no", "No", INT, example="1"),
                Column("name", "Sasaran Kinerja", aliases=("Sasaran",),
                       example="Meningkatnya pelayanan " + ENTRY.lower()),
            ),
            key=("no",),
            purpose="Sasaran kegiatan yang diukur dengan IKK.",
        ),
        Sheet(
            "IKK",
            (
                Column("no", "No", INT, example="1"),
                Column("goal", "No Sasaran", INT, example="1"),
                Column("name", "Indikator Kinerja Kegiatan", aliases=("IKK", "Indikator"),
                       example="Indeks deteksi faktor risiko di pelabuhan/bandara/PLBDN"),
                Column("definition", "Definisi Operasional", required=False, example="Status kinerja deteksi dini ..."),
                Column("target", "Target PK", TARGET, example="0,99"),
                Column("unit", "Satuan", example="Indeks", choices=IKK_UNITS,
                       note="Indeks: 0-1 dan Persen: 0-100 bila Skala kosong; satuan lain (Nilai, Dokumen, ...): "
                            "bilangan"),
                Column("scale", "Skala", required=False, example="0-1", choices=SCALES, open_choices=True,
                       note="rentang nilai IKK, misalnya 1-5 untuk indeks maturitas SPIP; kosong: Indeks 0-1, "
                            "Persen 0-100; bila diisi, dokumen mencetaknya di samping target"),
                Column("absolute", "Target Absolut", TARGET, required=False, example="-"),
                Column("sum_label", "Uraian Jumlah Komponen", required=False,
                       example="Kemungkinan jumlah faktor risiko yang ditemukan pada indikator 1 yang dikendalikan",
                       note="bila diisi, lampiran menampilkan baris jumlah komponen dengan uraian ini"),
                Column("direction", "Arah", required=False, example="Naik", choices=DIRECTIONS,
                       note="Naik: makin tinggi makin baik (bawaan bila kosong); Turun: makin rendah makin baik "
                            "(jumlah kasus, deviasi); dipakai untuk menghitung capaian"),
                Column("renstra", "Target Renstra", TARGET, required=False, example="0,99",
                       note="target IKK pada akhir periode Renstra; LAKIN membandingkan realisasi dengannya "
                            "(tidak tampil di RKT maupun PK)"),
            ),
            key=("no",),
            purpose="Indikator Kinerja Kegiatan (IKK) dan target Perjanjian Kinerja.",
        ),
        Sheet(
            "Target Bulanan",
            (
                Column("ikk", "No IKK", INT, example="1"),
                Column("component", "Komponen", required=False, example="1",
                       note="kosong: target IKK sendiri; 1, 2, ...: komponen; 'Jumlah': jumlah komponen tertulis"),
                Column("name", "Uraian", required=False, example="Persentase orang yang diperiksa sesuai standar"),
                Column("absolute", "Target Absolut", TARGET, required=False, example="1.152.699"),
                *_months(TARGET, required=True),
            ),
            key=("ikk", "component"),
            purpose="Target kumulatif per bulan untuk setiap IKK dan komponennya.",
        ),
    ),
)

PENDANAAN = Workbook(
    key="pendanaan",
    filename="pendanaan.xlsx",
    owner="Subbagian Administrasi Umum (keuangan/anggaran)",
    sheets=(
        Sheet(
            "KRO",
            (
                Column("code", "Kode KRO", CODE, aliases=("KRO", "Kode"), example="QAH"),
                Column("name", "Klasifikasi Rincian Output", aliases=("Nama KRO", "Nama"),
                       example="Pelayanan publik lainnya"),
            ),
            key=("code",),
            purpose="Kelompok output (KRO) yang menjadi judul kelompok RO.",
        ),
        Sheet(
            "RO",
            (
                Column("code", "Kode RO", CODE, aliases=("Kode", "KRO.RO"), example="QAH.017"),
                Column("name", "Rincian Output", aliases=("Nama RO",), example=RO_NAME),
                Column("volume", "Volume", INT, example="8"),
                Column("unit", "Satuan", example="Layanan", choices=RO_UNITS, open_choices=True),
                Column("rm", "RM", MONEY, aliases=("Rupiah Murni",), example="-"),
                Column("pnbp", "PNBP", MONEY, example="169.855"),
                Column("phln", "PHLN", MONEY, example="-"),
                Column("location", "Lokasi", required=False, example="6 wilker"),
                Column("pj", "PJ", aliases=("Penanggung Jawab",), example="Substansi PRL&KLW, PKSE",
                       note="satu atau lebih nama dari sheet PJ (identitas.xlsx), dipisah koma"),
                Column("next_volume", "Volume Maju", INT, aliases=("Volume Prakiraan Maju",), example="8"),
                Column("next_amount", "Alokasi Maju", MONEY, aliases=("Alokasi Prakiraan Maju",), example="196.760"),
            ),
            key=("code",),
            total_row=True,
            purpose="Satu baris per RO: volume, sumber dana (ribu rupiah) dan prakiraan maju tahun berikutnya.",
        ),
        Sheet(
            "IKK-RO",
            (
                Column("ikk", "No IKK", INT, example="1"),
                Column("code", "Kode RO", CODE, aliases=("Kode", "KRO.RO"), example="QAH.017"),
                Column("name", "Rincian Output", required=False, example=RO_NAME,
                       note="boleh kosong; bila diisi harus sama dengan nama di sheet RO"),
            ),
            key=("ikk", "code"),
            purpose="RO yang mendukung setiap IKK (satu RO boleh mendukung beberapa IKK).",
        ),
        Sheet(
            "Alokasi IKK",
            (
                Column("ikk", "No IKK", INT, example="1"),
                Column("amount", "Alokasi", MONEY, example="684.671"),
            ),
            key=("ikk",),
            required=False,
            purpose="Opsional: alokasi per IKK yang tertulis di tempat lain, untuk dicocokkan dengan jumlah RO-nya.",
        ),
    ),
)

JADWAL = Workbook(
    key="jadwal",
    filename="jadwal.xlsx",
    owner="Subbagian Administrasi Umum (keuangan/anggaran)",
    sheets=(
        Sheet(
            "Jadwal",
            (
                Column("code", "Kode RO", CODE, aliases=("Kode", "KRO.RO"), example="QAH.017"),
                Column("name", "Rincian Output", required=False, example=RO_NAME,
                       note="boleh kosong; bila diisi harus sama dengan nama di pendanaan.xlsx"),
                *_months(MONEY),
            ),
            key=("code",),
            total_row=True,
            purpose="Rencana penarikan anggaran per bulan (ribu rupiah) untuk setiap RO.",
        ),
    ),
)

WORKBOOKS: tuple[Workbook, ...] = (IDENTITAS, PEGAWAI, KINERJA, PENDANAAN, JADWAL)


# The sixth workbook, optional: what the office reports during the year against its plan. A folder
# without it checks and builds as before; `rkt build` never reads it (the RKT and the PK are January's
# documents), `rkt check` and `rkt capaian` do.
REALISASI = Workbook(
    key="realisasi",
    filename="realisasi.xlsx",
    owner="Tim kinerja (realisasi IKK, penjelasan) dan keuangan (realisasi anggaran)",
    sheets=(
        FormSheet(
            "Laporan",
            (
                Field("year", "Tahun", INT, example="2024", note="tahun rencana yang direalisasikan"),
                Field("note", "Keterangan", required=False, example="Realisasi s.d. Juni 2024",
                      note="catatan bebas, misalnya sumber data"),
            ),
            purpose="Tahun yang dilaporkan (harus sama dengan Tahun di identitas.xlsx) dan keterangan.",
        ),
        Sheet(
            "Realisasi IKK",
            (
                Column("ikk", "No IKK", INT, example="1"),
                Column("component", "Komponen", required=False, example="1",
                       note="kosong: realisasi IKK sendiri (dalam satuan IKK); 1, 2, ...: komponen, sama dengan "
                            "nomor komponen di sheet Target Bulanan"),
                Column("name", "Uraian", required=False, example="Orang yang diperiksa sesuai standar"),
                *_months(TARGET, required=False),  # a sheet holds the months reported so far
            ),
            key=("ikk", "component"),
            required=False,
            purpose="Realisasi kumulatif per bulan setiap IKK dan komponennya, sebentuk dengan Target Bulanan.",
        ),
        Sheet(
            "Realisasi Anggaran",
            (
                Column("code", "Kode RO", CODE, aliases=("Kode", "KRO.RO", "Kode Output", "Kode Rincian Output",
                                                        "Kd RO"),
                       example="QAH.017", note="KRO.RO; kode anggaran lengkap hasil ekspor (mis. "
                                               "024.05.WA.4249.QAH.017) dibaca KRO.RO di ujungnya"),
                Column("name", "Rincian Output", required=False, aliases=("Uraian", "Nama RO", "Uraian RO"),
                       example=RO_NAME),
                Column("source", "Sumber Dana", required=False, aliases=("Sumber", "SD"), example="PNBP",
                       choices=FUNDING_SOURCES,
                       note="kosong: seluruh sumber RO itu; diisi bila realisasi dirinci per sumber"),
                Column("pagu", "Pagu", MONEY, required=False, aliases=("Pagu DIPA", "Pagu Revisi"),
                       example="169.855", note="opsional (dari ekspor); dicocokkan dengan alokasi di pendanaan.xlsx"),
                *_months(MONEY, required=False, prefixes=("Realisasi",)),
            ),
            key=("code", "source"),
            total_row=True,
            required=False,
            purpose="Realisasi anggaran per bulan (bukan kumulatif, ribu rupiah) setiap RO, sebentuk dengan "
                    "Jadwal; baris ekspor aplikasi keuangan boleh ditempel bila judul kolomnya dikenali.",
        ),
        Sheet(
            "Volume RO",
            (
                Column("code", "Kode RO", CODE, aliases=("Kode", "KRO.RO"), example="QAH.017"),
                Column("name", "Rincian Output", required=False, example=RO_NAME),
                *_months(INT, required=False),
            ),
            key=("code",),
            required=False,
            purpose="Volume keluaran RO yang tercapai, kumulatif per bulan (satuan RO di pendanaan.xlsx).",
        ),
        Sheet(
            "Penjelasan",
            (
                Column("ikk", "No IKK", INT, example="1"),
                Column("quarter", "Triwulan", example="II", choices=QUARTERS),
                Column("problems", "Kendala", required=False, example="Cuaca buruk menunda kedatangan kapal"),
                Column("actions", "Upaya / Tindak Lanjut", required=False,
                       aliases=("Upaya", "Tindak Lanjut", "Rencana Tindak Lanjut", "Upaya dan Tindak Lanjut"),
                       example="Pemeriksaan dialihkan ke pelabuhan terdekat"),
            ),
            key=("ikk", "quarter"),
            required=False,
            purpose="Penjelasan tim kinerja per IKK dan triwulan: kendala dan upaya / tindak lanjut.",
        ),
        Sheet(
            "Tahun Lalu",
            (
                Column("ikk", "No IKK", INT, example="1", note="nomor IKK tahun ini yang dibandingkan"),
                Column("year", "Tahun", INT, example="2023"),
                Column("target", "Target", TARGET, required=False, example="0,98"),
                Column("realisation", "Realisasi", TARGET, example="0,97"),
            ),
            key=("ikk", "year"),
            required=False,
            purpose="Opsional: realisasi IKK tahun-tahun sebelumnya, untuk perbandingan (rkt init mengisinya "
                    "dari realisasi.xlsx tahun sebelumnya).",
        ),
    ),
)

OPTIONAL_WORKBOOKS: tuple[Workbook, ...] = (REALISASI,)
ALL_WORKBOOKS: tuple[Workbook, ...] = (*WORKBOOKS, *OPTIONAL_WORKBOOKS)
