"""The planner's guide to the input workbooks, generated from the schema so it cannot drift."""

from __future__ import annotations

from pipeline.inputs import schema

TYPE_NAMES = {
    schema.TEXT: "teks",
    schema.CODE: "kode (teks, tanpa spasi)",
    schema.INT: "bilangan bulat",
    schema.MONEY: "ribu rupiah, bilangan bulat",
    schema.TARGET: "angka (0,99 / 97% / 87)",
    schema.DATE: "tanggal",
}

INTRO = """\
# Format workbook input rkt

Dokumen ini dibuat otomatis dari `pipeline/inputs/schema.py` (`rkt schema`); jangan disunting dengan tangan.

Setiap seksi mengisi satu workbook `.xlsx` di folder `inputs/`. rkt hanya membaca sheet dan kolom
di bawah ini; sheet lain (misalnya catatan) dibiarkan. Aturan umum:

- **Baris judul** boleh didahului baris judul tabel; huruf besar/kecil, spasi dan tanda baca di judul
  kolom tidak berpengaruh (`No. IKK` = `no ikk`). Judul kolom boleh berupa sel gabungan (merge).
- **Angka** boleh diketik sebagai angka Excel atau teks Indonesia: `1.240.458`, `0,99`, `97%`.
  `-` atau sel kosong berarti nihil. Uang selalu **ribu rupiah**, bilangan bulat.
- **NIP** diketik sebagai teks (awali dengan `'`), karena Excel hanya menyimpan 15 digit angka.
- **Baris `Jumlah`** di akhir sheet yang ditandai di bawah dikenali sebagai total tertulis: tidak dibaca
  sebagai data, tetapi dicocokkan dengan jumlah hasil hitung.
- **Jangan mengetik ulang angka turunan**: jumlah pegawai, Tabel 1-3, alokasi per IKK, pagu, dan total
  dihitung rkt dari baris-baris data.
- Rumus Excel boleh dipakai selama file disimpan dari Excel (nilai hasil rumus ikut tersimpan).
"""


OPTIONAL_NOTE = (
    "Workbook keenam, opsional: realisasi selama tahun berjalan. Folder tanpa workbook ini diperiksa dan "
    "dibangun seperti biasa. `rkt build` tidak membacanya (RKT dan PK tidak berubah karenanya); `rkt check` "
    "memeriksanya terhadap rencana dan `rkt capaian` mengukur capaian darinya. Sheet tabelnya boleh tidak ada. "
    "Di sheet Realisasi Anggaran boleh ditempel baris ekspor aplikasi keuangan bila judul kolomnya termasuk "
    "yang dikenali di bawah (kode RO, uraian, sumber dana, pagu, bulan); kode anggaran lengkap "
    "(`024.05.WA.4249.QAH.017`) dibaca sebagai KRO.RO di ujungnya, baris selain RO (program, kegiatan, "
    "komponen, akun) dilaporkan selnya untuk dihapus. Judul lain tidak ditebak."
)


def input_format_markdown() -> str:
    """Markdown describing every workbook, sheet and column, with an example row."""
    out = [INTRO]
    for wb in schema.ALL_WORKBOOKS:
        optional = wb in schema.OPTIONAL_WORKBOOKS
        out.append(f"\n## `{wb.filename}`{' (opsional)' if optional else ''}\n\nPemilik: {wb.owner}.\n")
        if optional:
            out.append(f"\n{OPTIONAL_NOTE}\n")
        for sheet in wb.sheets:
            optional = "" if getattr(sheet, "required", True) else " (opsional)"
            out.append(f"\n### Sheet `{sheet.name}`{optional}\n\n{sheet.purpose}\n")
            if isinstance(sheet, schema.FormSheet):
                out.append("\nKolom A berisi nama isian, kolom B nilainya.\n")
                out.append("\n| Isian | Jenis | Wajib | Contoh | Keterangan |\n|---|---|---|---|---|\n")
                for f in sheet.fields:
                    out.append(f"| {f.label} | {TYPE_NAMES[f.type]} | {'ya' if f.required else 'tidak'} "
                               f"| {f.example} | {_note(f.note, f.aliases)} |\n")
                continue
            if sheet.total_row:
                out.append("\nBaris `Jumlah` di akhir sheet dikenali dan dicocokkan.\n")
            if sheet.key:
                keys = " + ".join(sheet.column(k).header for k in sheet.key)
                out.append(f"\nSetiap baris unik menurut: {keys}.\n")
            out.append("\n| Kolom | Jenis | Wajib | Contoh | Keterangan |\n|---|---|---|---|---|\n")
            for c in sheet.columns:
                out.append(f"| {c.header} | {TYPE_NAMES[c.type]} | {'ya' if c.required else 'tidak'} "
                           f"| {c.example} | {_note(c.note, c.aliases)} |\n")
            out.append("\nContoh baris:\n\n| " + " | ".join(c.header for c in sheet.columns) + " |\n|"
                       + "---|" * len(sheet.columns) + "\n| " + " | ".join(c.example for c in sheet.columns) + " |\n")
    return "".join(out)


def _note(note: str, aliases: tuple[str, ...]) -> str:
    parts = [note] if note else []
    if aliases:
        parts.append("judul lain yang diterima: " + ", ".join(f"`{a}`" for a in aliases))
    return "; ".join(parts).replace("|", "/")
