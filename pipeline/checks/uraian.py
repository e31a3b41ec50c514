"""Bahasa Indonesia descriptions of the rules, as `rkt rules` shows them to planners."""

from __future__ import annotations

URAIAN: dict[str, str] = {
    "codes.duplicate-name": "Tidak ada dua kode RO yang bernama sama di sheet RO.",
    "codes.kro-exists": "KRO setiap RO (tiga huruf pertama kode RO) tercantum di sheet KRO.",
    "codes.kro-format": "Setiap kode KRO terdiri atas tiga huruf kapital (contoh: QAH).",
    "codes.name": (
        "Nama yang ditulis di samping kode RO (sheet IKK-RO dan Jadwal) "
        "adalah nama RO itu di sheet RO, bukan nama layanan lain."
    ),
    "codes.name-variant": (
        "Nama di samping kode RO ditulis persis seperti di sheet RO, termasuk "
        "huruf besar-kecil dan tanda baca (HIV/AIDS tidak sama dengan HIV AIDS)."
    ),
    "codes.no-pj": "Setiap RO mencantumkan sekurang-kurangnya satu PJ (Jadwal mencetak penanggung jawabnya).",
    "codes.pj-variant": "Setiap PJ suatu RO ditulis persis seperti di sheet PJ, termasuk huruf besar-kecil dan spasi.",
    "codes.ro-format": (
        "Setiap kode RO berbentuk KRO.RO: tiga huruf kapital, titik, "
        "lalu tiga huruf kapital atau angka (contoh: QAH.017, QAH.U14)."
    ),
    "codes.ro-unit": (
        "Satuan setiap RO adalah satuan yang lazim: Orang, Layanan, Dokumen, "
        "Laporan, Unit, Paket, Kegiatan, Bulan Layanan atau Sarana."
    ),
    "codes.unknown-goal": "Nomor sasaran setiap IKK tercantum di sheet Sasaran.",
    "codes.unknown-ikk": "Setiap nomor IKK di sheet IKK-RO, Target Bulanan dan Alokasi IKK tercantum di sheet IKK.",
    "codes.unknown-pj": "Setiap PJ yang disebut untuk suatu RO tercantum di sheet PJ.",
    "codes.unknown-ro": "Setiap kode RO di sheet IKK-RO dan Jadwal tercantum di sheet RO.",
    "identity.acting": (
        "Plt./Plh. Kepala dan Plt./Plh. Atasan kosong, Plt. atau Plh.; jabatannya sendiri tidak diawali Plt./Plh."
    ),
    "identity.edition": "Edisi ditulis 'Awal Tahun' atau 'Revisi N' (Revisi 1, Revisi 2, ...).",
    "identity.head-in-roster": (
        "Kepala kantor tercantum di daftar pegawai dengan NIP dan nama yang sama seperti di sheet Identitas."
    ),
    "identity.head-nip": (
        "NIP kepala sah: 18 digit, tanggal lahir yang ada, diangkat pada umur 18 "
        "tahun ke atas, tidak sesudah tahun rencana, digit jenis kelamin 1/2."
    ),
    "identity.head-title": (
        "Jabatan kepala menyebut nama kantor yang berlaku (bukan, misalnya, nama lama Kantor Kesehatan Pelabuhan)."
    ),
    "identity.parent-unit": (
        "Unit Organisasi adalah unit eselon I (Direktorat Jenderal, Sekretariat "
        "Jenderal, Inspektorat Jenderal atau Badan), bukan Direktorat."
    ),
    "identity.national-text": (
        "Visi Presiden, Peraturan Renstra dan Peraturan Organisasi diisi bila rkt tidak mengenal teks resminya "
        "untuk periode itu kata demi kata (bawaan rkt bukan fakta; edisi final ditolak selama masih kosong)."
    ),
    "identity.period": (
        "Periode Renstra, bila diisi, ditulis tahun awal-tahun akhir (contoh: 2025-2029) dan mencakup tahun rencana."
    ),
    "identity.sign-date": "Tanggal penandatanganan jatuh pada tahun rencana atau satu tahun sebelumnya.",
    "identity.superior": (
        "Pihak kedua Perjanjian Kinerja (Nama Atasan) diisi, dan NIP-nya sah bila ditulis."
    ),
    "identity.year": "Tahun rencana adalah tahun yang masuk akal (2000-2099).",
    "money.after-december": (
        "Tidak ada penarikan yang diketik di sebelah kanan kolom Desember (bulan di luar tahun anggaran)."
    ),
    "money.forward-estimate": "Prakiraan maju setiap RO berisi volume dan alokasi sekaligus, atau keduanya kosong.",
    "money.ikk-allocation": (
        "Alokasi IKK yang tertulis di sheet Alokasi IKK sama dengan jumlah alokasi RO yang mendukung IKK itu."
    ),
    "money.ikk-without-ro": "Setiap IKK didukung sekurang-kurangnya satu RO (sheet IKK-RO).",
    "money.negative": (
        "Tidak ada volume, alokasi (RM, PNBP, PHLN, alokasi maju), penarikan jadwal atau alokasi IKK yang negatif."
    ),
    "money.no-forward-estimate": (
        "Prakiraan maju tahun sesudah tahun rencana (Volume Maju, Alokasi Maju) diisi untuk sekurang-kurangnya satu RO."
    ),
    "money.no-schedule": "Setiap RO yang beralokasi mempunyai baris di sheet Jadwal (jadwal.xlsx).",
    "money.ro-without-ikk": "Setiap RO mendukung sekurang-kurangnya satu IKK (sheet IKK-RO).",
    "money.schedule-sum": "Jadwal penarikan 12 bulan setiap RO berjumlah sama dengan alokasinya (RM + PNBP + PHLN).",
    "money.stated-total": (
        "Baris Jumlah yang diketik sama dengan jumlah kolomnya (sheet "
        "RO: RM, PNBP, PHLN, Alokasi Maju; Jadwal: setiap bulan)."
    ),
    "money.unfunded-schedule": "RO tanpa alokasi (RM, PNBP, PHLN kosong) tidak mempunyai penarikan di jadwal.",
    "money.volume-allocation": "RO yang beralokasi mempunyai volume, dan RO yang bervolume mempunyai alokasi.",
    "realisation.after-december": (
        "Tidak ada realisasi yang diketik di sebelah kanan kolom Desember (bulan di luar tahun yang dilaporkan)."
    ),
    "realisation.cumulative": (
        "Realisasi kumulatif (IKK atau komponen yang targetnya naik dari bulan ke bulan, dan volume RO) "
        "tidak pernah turun."
    ),
    "realisation.direction": "Arah IKK, bila diisi, adalah Naik (makin tinggi makin baik) atau Turun (makin rendah "
                             "makin baik).",
    "realisation.earlier-year": "Tahun di sheet Tahun Lalu (realisasi.xlsx) adalah tahun sebelum tahun rencana.",
    "realisation.negative": "Tidak ada realisasi (anggaran, volume, nilai IKK) yang negatif.",
    "realisation.over-allocation": (
        "Realisasi anggaran setiap RO (dan setiap sumber dana, bila dirinci) tidak melebihi alokasinya."
    ),
    "realisation.over-pagu": "Realisasi anggaran kantor tidak melebihi pagu (jumlah alokasi semua RO).",
    "realisation.pagu": (
        "Pagu yang ikut ditempel bersama realisasi sama dengan alokasi RO di pendanaan.xlsx; bila berbeda, "
        "DIPA sudah direvisi dan RKT/PK perlu direvisi."
    ),
    "realisation.percent": "Realisasi IKK bersatuan Persen diketik sebagai persen (95%), seperti Target PK-nya.",
    "realisation.source": (
        "Sumber Dana realisasi adalah RM, PNBP atau PHLN yang memang mendanai RO itu, dan baris-baris satu RO "
        "dirinci per sumber semuanya atau tidak sama sekali."
    ),
    "realisation.stated-total": (
        "Baris Jumlah di sheet Realisasi Anggaran sama dengan jumlah baris di atasnya, setiap bulan."
    ),
    "realisation.unexplained": (
        "Triwulan yang targetnya tidak tercapai (IKK atau komponennya) mempunyai Kendala atau Upaya / Tindak "
        "Lanjut di sheet Penjelasan."
    ),
    "realisation.unknown-component": (
        "Komponen di sheet Realisasi IKK adalah komponen IKK itu di sheet Target Bulanan (baris Jumlah tidak dipakai)."
    ),
    "realisation.unknown-ikk": "Setiap nomor IKK di realisasi.xlsx tercantum di sheet IKK (kinerja.xlsx).",
    "realisation.unknown-ro": (
        "Setiap kode RO di sheet Realisasi Anggaran dan Volume RO tercantum di sheet RO (pendanaan.xlsx)."
    ),
    "realisation.year": "Tahun di realisasi.xlsx sama dengan tahun rencana di identitas.xlsx.",
    "staff.duplicate-name": (
        "Setiap nama tercantum sekali di daftar pegawai (satu orang dengan dua NIP terhitung dua kali)."
    ),
    "staff.education": "Pendidikan setiap pegawai adalah salah satu kualifikasi di sheet Pendidikan.",
    "staff.grade": "Setiap golongan adalah golongan/ruang PNS (I/a s.d. IV/e) atau golongan PPPK (I s.d. XVII).",
    "staff.grade-status": (
        "Pegawai PNS bergolongan/ruang PNS (I/a s.d. IV/e) dan pegawai PPPK (juga PPPK Paruh Waktu) bergolongan "
        "PPPK (I s.d. XVII)."
    ),
    "staff.head-structural": "Baris kepala kantor di daftar pegawai berjenis jabatan Struktural.",
    "staff.nip": (
        "NIP setiap pegawai sah: 18 digit, tanggal lahir yang ada, diangkat pada umur "
        "18 tahun ke atas, tidak sesudah tahun rencana, digit jenis kelamin 1/2."
    ),
    "staff.nip-status": (
        "NIP pegawai PPPK dan PPPK Paruh Waktu ber-digit 13-14 '21' (tanda NI PPPK), sedangkan NIP pegawai PNS tidak."
    ),
    "staff.position-type": "Setiap jenis jabatan adalah Struktural, JFT atau Pelaksana (JFU dibaca Pelaksana).",
    "staff.status": "Setiap status pegawai adalah PNS, PPPK atau PPPK Paruh Waktu (ASN dibaca PNS).",
    "staff.structural": "Daftar pegawai memuat sekurang-kurangnya satu jabatan Struktural (kepala kantor).",
    "staff.unit": "Unit kerja setiap pegawai adalah salah satu kode di sheet Unit Kerja.",
    "targets.absolute-missing": (
        "IKK yang komponennya ber-Target Absolut juga mencantumkan Target "
        "Absolutnya sendiri (jumlahnya), karena Lampiran mencetak keduanya."
    ),
    "targets.absolute-sum": "Target Absolut IKK sama dengan jumlah target bulan Desember komponen-komponennya.",
    "targets.after-december": (
        "Tidak ada target yang diketik di sebelah kanan kolom Desember (bulan di luar tahun rencana)."
    ),
    "targets.component-end": (
        "Target bulan Desember setiap komponen sama dengan Target Absolutnya, bila Target Absolut diisi."
    ),
    "targets.cumulative": "Target bulanan kumulatif tidak pernah turun dari satu bulan ke bulan sesudahnya.",
    "targets.no-plan": "Setiap IKK mempunyai target bulanan (deret sendiri atau komponen) di sheet Target Bulanan.",
    "targets.own-end": (
        "Target bulanan IKK (bukan komponennya) pada bulan Desember sama "
        "dengan Target PK-nya (atau Target Absolut, bila IKK menghitungnya)."
    ),
    "targets.percent-unit": (
        "Target PK dan target bulanan IKK yang diketik sebagai persen (97%) hanya dipakai untuk IKK bersatuan Persen."
    ),
    "targets.percent-unmarked": (
        "Target PK IKK bersatuan Persen diketik sebagai persen (97%), agar dokumen mencetaknya dengan tanda %."
    ),
    "targets.range": (
        "Target PK berada dalam rentangnya (Skala IKK bila diisi, selain itu Persen 0-100, Indeks 0-1), target "
        "bulanan bertanda % paling besar 100, dan tidak ada target negatif."
    ),
    "targets.scale": "Skala IKK, bila diisi, ditulis sebagai rentang dari kecil ke besar (0-1, 1-5, 0-100).",
    "targets.stated-sum": (
        "Baris Jumlah IKK di sheet Target Bulanan sama dengan jumlah "
        "komponennya setiap bulan, demikian pula Target Absolutnya."
    ),
    "targets.unit": (
        "Satuan setiap IKK adalah Indeks, Persen, Nilai, Dokumen, Laporan, Kegiatan, Layanan, Orang, Kali atau Unit."
    ),
    "text.office-name": (
        "Teks yang menyebut kantor kekarantinaan (Balai [Besar] Kekarantinaan "
        "Kesehatan X, BKK/KKP Kelas II X, BBKK X) memakai nama kantor ini."
    ),
    "text.spelling": (
        "Istilah Kekarantinaan dieja benar (bukan Kekejarantinaan, Kekearifan, Kekeparantinaan, kekarantina, ...)."
    ),
    "text.wilker-count": (
        "Lokasi RO yang ditulis 'N wilker' menyebut jumlah wilayah kerja yang sama dengan isi sheet Wilker."
    ),
}
