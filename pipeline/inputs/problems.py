"""Why workbooks cannot be read into a plan: each input problem's stable id and what it means.

These stop `rkt check` and `rkt build` with exit code 2 (a key typed twice excepted: it is an
error among the check findings). When only cells are at fault, the cross-checks still run on
every other cell and their findings are listed with these. `rkt rules` lists them after the
cross-checks.
"""

from __future__ import annotations

INPUT_PROBLEMS: dict[str, str] = {
    "input.folder": "Folder input tidak ada, atau bukan folder.",
    "input.missing-workbook": "Salah satu dari lima workbook tidak ada di folder input.",
    "input.unreadable": "Workbook tidak dapat dibuka: bukan file biasa (folder, pipe, perangkat) atau tanpa izin baca.",
    "input.not-xlsx": "File bukan workbook .xlsx (CSV, .xls lama, dilindungi password, atau zip lain).",
    "input.corrupt": "Workbook rusak atau terpotong.",
    "input.too-large": "Workbook melampaui batas ukuran, isi setelah diekstrak, jumlah baris atau jumlah sel.",
    "input.missing-sheet": "Sheet yang wajib ada tidak ditemukan.",
    "input.missing-column": "Kolom wajib tidak ditemukan di baris judul sheet.",
    "input.missing-field": "Isian wajib (kolom A) tidak ada di sheet isian.",
    "input.formula-without-value": "Sel berisi rumus yang belum pernah dihitung dan disimpan Excel.",
    "input.empty": "Sel wajib kosong.",
    "input.not-a-number": "Sel angka berisi teks yang bukan angka, atau angka terlalu besar.",
    "input.not-whole": "Sel yang harus bilangan bulat (jumlah, ribu rupiah) berisi pecahan atau persen.",
    "input.not-a-date": "Tanggal penandatanganan bukan tanggal yang ada.",
    "input.not-a-quarter": "Triwulan di sheet Penjelasan (realisasi.xlsx) bukan I, II, III atau IV.",
    "input.number-as-code": "Kode panjang (NIP) diketik sebagai angka sehingga digit terakhirnya hilang.",
    "input.invisible-char": "Kode berisi karakter tak terlihat (spasi lebar-nol, BOM, tanda hubung lunak).",
    "input.duplicate-key": "Kunci yang harus unik (kode RO, NIP, nomor IKK) tertulis dua kali.",
    "input.git": "Folder input pada revisi git yang diminta tidak dapat diambil (rkt diff --rev).",
}
