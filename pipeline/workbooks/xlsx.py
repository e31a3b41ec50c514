"""Write section workbooks laid out by the schema: styled headers, frozen panes, formats, drop-downs.

Used by `rkt blank`, `rkt init` and the test fixtures, so every workbook rkt writes
looks like the ones a planner fills in. With `guide=True` a workbook also carries what a
planner needs to fill it alone: a Petunjuk sheet first, an input message on every header,
drop-down lists for controlled values and column formats for cells not yet typed.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook as XlWorkbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from pipeline.files import atomic_write, refuse_open, write_all
from pipeline.inputs import schema
from pipeline.inputs.guide import TYPE_NAMES

HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
HEADER_FONT = Font(bold=True)
NUMBER_FORMATS = {schema.INT: "#,##0", schema.MONEY: "#,##0", schema.TARGET: "General", schema.DATE: "d mmmm yyyy"}
WIDTHS = {schema.TEXT: 40, schema.CODE: 14, schema.INT: 10, schema.MONEY: 14, schema.TARGET: 10, schema.DATE: 18}
FIXED_WIDTHS = {"name": 50, "definition": 60, "duty": 60, "goal": 50, "program": 40, "activity": 50}
# Formats of cells a planner has not typed yet (column styles). Codes are text so Excel
# keeps an 18-digit NIP whole and the leading zero of a code.
COLUMN_FORMATS = {schema.INT: "#,##0", schema.MONEY: "#,##0", schema.CODE: "@"}

# Validations cover this many data rows below the header; far more than any office has.
VALIDATION_ROWS = 2000
# Excel refuses a typed-in list ("a,b,c") longer than this; longer lists go on the Daftar sheet.
LIST_LIMIT = 255
PROMPT_LIMIT = 255  # Excel's limit for an input or error message
TITLE_LIMIT = 32  # Excel's limit for the title of an input or error message
LISTS_SHEET = "Daftar"
GUIDE_SHEET = "Petunjuk"



@dataclass(frozen=True)
class Choice:
    """A drop-down of controlled values; an `open` one warns about another value instead of refusing it."""

    values: tuple[str, ...]
    open: bool = False


# (workbook key, sheet, column or field key) -> its drop-down, from the schema (the values' one home)
CHOICES: dict[tuple[str, str, str], Choice] = {
    (wb.key, sheet.name, col.key): Choice(col.choices, col.open_choices)
    for wb in schema.ALL_WORKBOOKS for sheet in wb.sheets
    for col in (sheet.fields if isinstance(sheet, schema.FormSheet) else sheet.columns) if col.choices
}


@dataclass(frozen=True)
class Lookup:
    """A column whose values come from another sheet of the same workbook.

    `kind` is `list` (a drop-down of that sheet's column), `member` (the value must occur
    there) or `prefix` (the part before the first `.` must occur there: KRO of a KRO.RO code).
    Excel cannot point a drop-down into another workbook, so lookups stay inside one.
    """

    sheet: str
    key: str
    kind: str


LOOKUPS: dict[tuple[str, str, str], Lookup] = {
    ("pegawai", "Pegawai", "education"): Lookup("Pendidikan", "name", "list"),
    ("pendanaan", "RO", "code"): Lookup("KRO", "code", "prefix"),
    ("pendanaan", "IKK-RO", "code"): Lookup("RO", "code", "member"),
}

# Columns that name things in another workbook: no drop-down is possible, so the cells
# carry an input message saying where the allowed values are.
REFERENCE_NOTES: dict[tuple[str, str, str], str] = {
    ("pendanaan", "RO", "pj"): "Satu atau lebih nama dari sheet PJ di identitas.xlsx, dipisah koma "
                              "(contoh: Substansi PRL&KLW, PKSE).",
    ("pegawai", "Pegawai", "unit"): "Kode dari sheet Unit Kerja di identitas.xlsx (contoh: TU).",
    ("jadwal", "Jadwal", "code"): "Kode RO dari sheet RO di pendanaan.xlsx (contoh: QAH.017).",
    ("kinerja", "Target Bulanan", "ikk"): "No IKK dari sheet IKK di workbook ini.",
    ("kinerja", "IKK", "goal"): "No dari sheet Sasaran di workbook ini.",
    ("pendanaan", "IKK-RO", "ikk"): "No IKK dari sheet IKK di kinerja.xlsx.",
    ("pendanaan", "Alokasi IKK", "ikk"): "No IKK dari sheet IKK di kinerja.xlsx.",
    **{("realisasi", sheet, "ikk"): "No IKK dari sheet IKK di kinerja.xlsx."
       for sheet in ("Realisasi IKK", "Penjelasan", "Tahun Lalu")},
    ("realisasi", "Realisasi IKK", "component"): "Kosong untuk realisasi IKK sendiri; nomor komponen dari sheet "
                                                 "Target Bulanan di kinerja.xlsx.",
    ("realisasi", "Realisasi Anggaran", "code"): "Kode RO dari sheet RO di pendanaan.xlsx (contoh: QAH.017); kode "
                                                 "anggaran lengkap hasil ekspor dibaca KRO.RO di ujungnya.",
    ("realisasi", "Volume RO", "code"): "Kode RO dari sheet RO di pendanaan.xlsx (contoh: QAH.017).",
}

TYPE_UNITS = {
    schema.MONEY: "ribu rupiah",
    schema.TARGET: "indeks 0-1, persen 0-100 atau nilai",
}
TYPE_HELP = {
    schema.TEXT: "Teks.",
    schema.CODE: "Kode, diketik sebagai teks tanpa spasi.",
    schema.INT: "Bilangan bulat.",
    schema.MONEY: "Ribu rupiah, bilangan bulat (169.855 = Rp169.855.000); '-' atau kosong = nihil.",
    schema.TARGET: "Angka target: 0,99 (indeks), 97% (persen) atau 87 (nilai); '-' atau kosong = tidak ada.",
    schema.DATE: "Tanggal Excel, atau teks 'Januari 2024' / '2 Januari 2024'.",
}

MONTH_KEYS = {f"m{i:02d}" for i in range(1, 13)}

Rows = Iterable[Mapping[str, Any]]


def sheet_text(text: str) -> str:
    """Text a worksheet cell or comment can hold: the control characters XML forbids left out."""
    return ILLEGAL_CHARACTERS_RE.sub("", text)


def append_row(ws, values: Iterable[Any]) -> None:
    """Append a row; text is written as text, so a value like `=HYPERLINK(...)` never becomes a formula.

    openpyxl turns any string that starts with `=` into a formula; every workbook rkt writes
    (blank, init, marked copies' findings sheet) carries text that came from cells or messages.
    Control characters a sheet cannot hold (a decoded `_x0001_`) are left out.
    """
    ws.append([sheet_text(v) if isinstance(v, str) else v for v in values])
    for cell in ws[ws.max_row]:
        if cell.data_type == "f":
            cell.data_type = "s"


def _cell_value(value: Any) -> Any:
    """Decimals go to Excel as numbers; everything else as given."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def build_workbook(
    spec: schema.Workbook,
    data: Mapping[str, Any],
    validations: Mapping[str, Mapping[str, list[str]]] | None = None,
    *,
    guide: bool = False,
    year: int | None = None,
) -> XlWorkbook:
    """An openpyxl workbook for `spec` filled with `data`.

    `data` maps a sheet name to a list of row dicts keyed by column key (table sheets)
    or to a dict keyed by field key (form sheets). A row dict may carry `"_total": True`
    to be written as the trailing `Jumlah` row. Sheets absent from `data` are written
    with headers only (an optional sheet absent from `data` is left out unless `guide`).
    `validations` maps sheet name -> column key -> allowed values. `guide` adds the
    Petunjuk sheet (naming `year` when given), header input messages, the standard
    drop-downs of `CHOICES` and `LOOKUPS`, and column formats for untyped cells.
    """
    wb = XlWorkbook()
    wb.remove(wb.active)
    lists = _Lists(wb)
    if guide:
        write_guide(wb.create_sheet(GUIDE_SHEET), spec, year)
    for sheet in spec.sheets:
        ws = wb.create_sheet(sheet.name)
        content = data.get(sheet.name)
        extra = dict((validations or {}).get(sheet.name, {}))
        if isinstance(sheet, schema.FormSheet):
            _write_form(ws, sheet, content or {}, guide)
            if guide:
                _guide_form(ws, spec, sheet, lists)
        else:
            if content is None and not sheet.required and not guide:
                wb.remove(ws)
                continue
            if guide:
                extra = {**_standard_choices(spec, sheet), **extra}
            made = _write_table(ws, sheet, content or [], extra, lists)
            if guide:
                _guide_table(ws, spec, sheet, made)
    if lists.ws is not None:  # created when first needed; it belongs after the sheets a planner fills
        wb.move_sheet(lists.ws, offset=len(wb.sheetnames) - 1 - wb.index(lists.ws))
    if guide:
        wb.active = 0
    return wb


def write_workbook(path: Path, spec: schema.Workbook, data: Mapping[str, Any], **kwargs: Any) -> Path:
    """Write `spec` filled with `data` to `path` atomically."""
    wb = build_workbook(spec, data, **kwargs)
    with atomic_write(path) as tmp:
        wb.save(tmp)
    return path


def workbook_data(spec: schema.Workbook, data: Mapping[str, Any], **kwargs: Any) -> bytes:
    """The bytes of `spec` filled with `data`, as `write_workbook` would write them."""
    out = io.BytesIO()
    build_workbook(spec, data, **kwargs).save(out)
    return out.getvalue()


def write_workbooks(folder: Path, workbooks: Mapping[str, bytes]) -> list[Path]:
    """Write the workbooks (by file name) into `folder`, all or none (files.write_all).

    Refused (FileProblem) before anything is written while a person has any of them open in
    Excel or LibreOffice: their next save would undo what rkt wrote.
    """
    folder = Path(folder)
    for name in workbooks:
        refuse_open(folder / name)
    return write_all({folder / name: data for name, data in workbooks.items()}, folder)


def _write_form(ws, sheet: schema.FormSheet, values: Mapping[str, Any], guide: bool = False) -> None:
    append_row(ws, ["Isian", "Nilai", "Keterangan"])
    for cell in ws[1]:
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
    for f in sheet.fields:
        value = _cell_value(values.get(f.key))
        append_row(ws, [f.label, value, _form_note(f) if guide else f.note or ("wajib" if f.required else "opsional")])
        if f.type in NUMBER_FORMATS and value is not None and not isinstance(value, str):
            ws.cell(ws.max_row, 2).number_format = NUMBER_FORMATS[f.type]
        elif guide and f.type in (schema.TEXT, schema.CODE):
            ws.cell(ws.max_row, 2).number_format = "@"
    ws.column_dimensions["A"].width = 28
    ws.column_dimensions["B"].width = 70
    ws.column_dimensions["C"].width = 50
    ws.freeze_panes = "A2"


def _form_note(f: schema.Field) -> str:
    parts = ["wajib" if f.required else "opsional"]
    if f.note:
        parts.append(f.note)
    if f.example:
        parts.append(f"contoh: {f.example}")
    return "; ".join(parts)


def _write_table(
    ws, sheet: schema.Sheet, rows: Rows, validations: Mapping[str, Any], lists: _Lists
) -> dict[str, DataValidation]:
    """Write header and rows; return the drop-down validations made, by column key."""
    cols = sheet.columns
    append_row(ws, [c.header for c in cols])
    for cell in ws[1]:
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for row in rows:
        if row.get("_total"):
            values = ["Jumlah", *(_cell_value(row.get(c.key)) for c in cols[1:])]
        else:
            values = [_cell_value(row.get(c.key)) for c in cols]
        append_row(ws, values)
        r = ws.max_row
        for i, col in enumerate(cols, start=1):
            cell = ws.cell(r, i)
            pct = row.get(f"_{col.key}_percent") or col.key in MONTH_KEYS and row.get("_months_percent")
            if col.type in NUMBER_FORMATS and not isinstance(cell.value, str):
                cell.number_format = _percent_format(cell.value) if pct else NUMBER_FORMATS[col.type]
            elif pct and cell.value is None:  # an empty month of a percent series: a pasted 0,97 reads 97%
                cell.number_format = "0%"
            if col.type == schema.TEXT:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        if row.get("_total"):
            for cell in ws[r]:
                cell.font = HEADER_FONT
    for i, col in enumerate(cols, start=1):
        ws.column_dimensions[get_column_letter(i)].width = FIXED_WIDTHS.get(col.key, WIDTHS[col.type])
    ws.freeze_panes = "A2"
    made = {}
    for key, allowed in validations.items():
        idx = next(i for i, c in enumerate(cols, start=1) if c.key == key)
        letter = get_column_letter(idx)
        dv = _list_validation(allowed, lists, f"{letter}2")
        dv.add(f"{letter}2:{letter}{VALIDATION_ROWS}")
        ws.add_data_validation(dv)
        made[key] = dv
    return made


def _percent_format(value: Any) -> str:
    """`0%` for a whole percentage, more places when the percentage has decimals (97,5%)."""
    if isinstance(value, float) and not float(Decimal(repr(value)) * 100).is_integer():
        return "0.0##%"
    return "0%"


def _list_validation(allowed: Any, lists: _Lists, first_cell: str) -> DataValidation:
    """A drop-down of `allowed` (a list of values, or a `Lookup` into the same workbook).

    `first_cell` is the top cell the validation applies to; Excel shifts a custom formula
    written for it to every other cell of the range.
    """
    if isinstance(allowed, Lookup):
        return _lookup_validation(allowed, first_cell)
    choice = allowed if isinstance(allowed, Choice) else Choice(tuple(allowed))
    values = [str(v) for v in choice.values]
    inline = ",".join(values)
    if len(inline) > LIST_LIMIT or any("," in v or '"' in v for v in values):
        formula = lists.add(values)
    else:
        formula = '"' + inline + '"'
    if choice.open:
        return DataValidation(
            type="list", formula1=formula, allow_blank=True, showErrorMessage=True, errorStyle="warning",
            errorTitle="Nilai tidak lazim",
            error=_clip(f"Yang lazim: {', '.join(values)}. Tetap dipakai?", PROMPT_LIMIT),
        )
    return DataValidation(
        type="list",
        formula1=formula,
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Nilai tidak dikenal",
        error=_clip(f"Pilih salah satu: {', '.join(values)}", PROMPT_LIMIT),
    )


def _lookup_validation(lookup: Lookup, cell: str) -> DataValidation:
    """A validation against another sheet; a warning only, since that sheet may be filled later."""
    source = _lookup_range(lookup)
    if lookup.kind == "list":
        kwargs = {"type": "list", "formula1": source}
        message = f"Nilai ini tidak ada di sheet {lookup.sheet}. Tetap dipakai?"
    elif lookup.kind == "member":
        kwargs = {"type": "custom", "formula1": f"COUNTIF({source},{cell})>0"}
        message = f"Kode ini tidak ada di sheet {lookup.sheet}. Tetap dipakai?"
    else:
        kwargs = {"type": "custom", "formula1": f'COUNTIF({source},LEFT({cell},FIND(".",{cell}&".")-1))>0'}
        message = f"Kode KRO (sebelum titik) tidak ada di sheet {lookup.sheet}. Tetap dipakai?"
    return DataValidation(
        **kwargs, allow_blank=True, showErrorMessage=True, errorStyle="warning",
        errorTitle="Periksa nilai", error=message,
    )


def _lookup_range(lookup: Lookup) -> str:
    for sheet in _all_sheets():
        if sheet.name == lookup.sheet and isinstance(sheet, schema.Sheet):
            idx = next(i for i, c in enumerate(sheet.columns, start=1) if c.key == lookup.key)
            letter = get_column_letter(idx)
            return f"{quote_sheetname(sheet.name)}!${letter}$2:${letter}${VALIDATION_ROWS}"
    raise KeyError(lookup.sheet)


def _all_sheets() -> Iterable[schema.Sheet | schema.FormSheet]:
    for wb in schema.ALL_WORKBOOKS:
        yield from wb.sheets


class _Lists:
    """The hidden Daftar sheet: one column per list too long (or too awkward) to type inline."""

    def __init__(self, wb: XlWorkbook):
        self.wb, self.ws, self.columns = wb, None, {}

    def add(self, values: list[str]) -> str:
        """An absolute reference to `values` written in a column of the Daftar sheet."""
        key = tuple(values)
        if key not in self.columns:
            if self.ws is None:
                self.ws = self.wb.create_sheet(LISTS_SHEET)
                self.ws.sheet_state = "hidden"
            col = len(self.columns) + 1
            for r, value in enumerate(values, start=1):
                self.ws.cell(r, col, value).number_format = "@"
            letter = get_column_letter(col)
            self.columns[key] = f"{LISTS_SHEET}!${letter}$1:${letter}${len(values)}"
        return self.columns[key]


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 3].rstrip() + "..."


def _standard_choices(spec: schema.Workbook, sheet: schema.Sheet) -> dict[str, Any]:
    keys = {c.key for c in sheet.columns}
    found: dict[str, Any] = {}
    for (wb, sh, key), values in CHOICES.items():
        if wb == spec.key and sh == sheet.name and key in keys:
            found[key] = values
    for (wb, sh, key), lookup in LOOKUPS.items():
        if wb == spec.key and sh == sheet.name and key in keys:
            found[key] = lookup
    return found


def column_help(spec: schema.Workbook, sheet_name: str, item: schema.Column | schema.Field) -> str:
    """What a planner needs to type a column or field right, in one short paragraph (an input message)."""
    key = (spec.key, sheet_name, item.key)
    parts = []
    if key in CHOICES:
        parts.append("Pilih dari daftar (panah di sel).")
    elif item.type != schema.TEXT:
        parts.append(TYPE_HELP[item.type])
    note = REFERENCE_NOTES.get(key) or item.note
    if note:
        parts.append(note[0].upper() + note[1:] + ("" if note.endswith(".") else "."))
    if item.example:
        parts.append(f"Contoh: {item.example}.")
    parts.append("Wajib diisi." if item.required else "Boleh kosong.")
    return " ".join(parts)


def _prompt(dv: DataValidation, title: str, text: str) -> DataValidation:
    """Give `dv` the input message Excel shows while one of its cells is selected."""
    dv.showInputMessage = True
    dv.promptTitle = _clip(title, TITLE_LIMIT)
    dv.prompt = _clip(text, PROMPT_LIMIT)
    return dv


def _message(ws, cells: str, title: str, text: str) -> None:
    """An input message on `cells` that accepts any value."""
    dv = _prompt(DataValidation(allow_blank=True), title, text)
    dv.add(cells)
    ws.add_data_validation(dv)


def _guide_table(ws, spec: schema.Workbook, sheet: schema.Sheet, made: Mapping[str, DataValidation]) -> None:
    """Header input messages, messages on data cells that are validated or name another workbook,
    and formats for cells not typed yet."""
    for i, col in enumerate(sheet.columns, start=1):
        letter = get_column_letter(i)
        text = column_help(spec, sheet.name, col)
        _message(ws, f"{letter}1", col.header, text)
        if col.key in made:
            _prompt(made[col.key], col.header, text)
        elif (spec.key, sheet.name, col.key) in REFERENCE_NOTES:
            _message(ws, f"{letter}2:{letter}{VALIDATION_ROWS}", col.header, text)
        if col.type in COLUMN_FORMATS:
            ws.column_dimensions[letter].number_format = COLUMN_FORMATS[col.type]


def _guide_form(ws, spec: schema.Workbook, sheet: schema.FormSheet, lists: _Lists) -> None:
    """Input messages on every value cell of a form, and a drop-down where values are controlled."""
    _message(ws, "B1", "Nilai", "Isi kolom ini, satu nilai per baris isian. Lihat kolom Keterangan dan sheet Petunjuk.")
    for r, f in enumerate(sheet.fields, start=2):
        choices = CHOICES.get((spec.key, sheet.name, f.key))
        if choices:
            dv = _list_validation(choices, lists, f"B{r}")
        elif f.type == schema.INT:
            dv = DataValidation(type="whole", operator="between", formula1="1900", formula2="2200",
                                allow_blank=True, showErrorMessage=True, errorTitle="Bukan bilangan bulat",
                                error="Tulis bilangan bulat, misalnya 2025.")
        else:
            dv = DataValidation(allow_blank=True)
        dv.add(f"B{r}")
        ws.add_data_validation(_prompt(dv, f.label, column_help(spec, sheet.name, f)))


def write_guide(ws, spec: schema.Workbook, year: int | None = None) -> None:
    """The Petunjuk sheet: what the workbook is for, who owns it, how to fill each sheet and column."""
    ws.title = GUIDE_SHEET
    bold = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    others = ", ".join(w.filename for w in schema.WORKBOOKS if w.key != spec.key)
    what = f"Rencana Kinerja Tahunan (RKT) {year}" if year else "Rencana Kinerja Tahunan (RKT)"

    def line(*values: Any, font: Font | None = None) -> None:
        append_row(ws, values)
        if not values:
            return
        for cell in ws[ws.max_row]:
            cell.alignment = wrap
            if font is not None:
                cell.font = font

    line(f"Petunjuk pengisian {spec.filename}", font=Font(bold=True, size=14))
    if spec in schema.OPTIONAL_WORKBOOKS:
        line(f"Workbook keenam, opsional: realisasi {what.replace('Rencana Kinerja Tahunan (RKT)', 'RKT')} selama "
             f"tahun berjalan, di samping {others}. rkt check memeriksanya terhadap rencana; rkt capaian mengukur "
             "capaian IKK dan penyerapan anggaran darinya. rkt build tidak membacanya: RKT dan PK tidak berubah "
             "karenanya.")
    else:
        line(f"Salah satu dari lima workbook input {what}; empat lainnya: {others}. "
             "rkt membaca kelimanya, memeriksa silang angkanya, lalu menyusun dokumen RKT (Word).")
    line(f"Pemilik: {spec.owner}. Hanya pemilik yang mengubah workbook ini; seksi lain cukup membacanya.")
    line("Isi workbook ini:", font=bold)
    for sheet in spec.sheets:
        optional = isinstance(sheet, schema.Sheet) and not sheet.required and not sheet.purpose.startswith("Opsional")
        optional = " (opsional)" if optional else ""
        line(f"- Sheet {sheet.name}{optional}: {sheet.purpose}")
    line()
    line("Cara mengisi:", font=bold)
    rules = [
        "Jangan mengubah nama sheet dan teks judul kolom (baris 1). Isi satu baris per data, mulai baris 2.",
        "Tulis '-' atau biarkan sel kosong bila nilainya nihil.",
        "Angka boleh diketik sebagai angka Excel atau teks cara Indonesia: 1.240.458; 0,99; 97%.",
        "Kode (NIP, kode RO) diketik sebagai teks; kolom kode sudah berformat teks.",
        "Jangan mengetik ulang angka turunan (jumlah pegawai, total, alokasi per IKK, pagu): "
        "rkt menghitungnya dari baris data.",
        "Kolom dengan panah di sel hanya menerima nilai dari daftarnya. Pesan yang muncul saat sel "
        "judul dipilih menjelaskan isi kolom itu.",
        f"Sheet {GUIDE_SHEET} dan {LISTS_SHEET} (bila ada) tidak dibaca oleh rkt.",
        "Setelah diisi, periksa dengan: rkt check --inputs <folder berisi kelima workbook>.",
    ]
    if any(c.type == schema.MONEY for s in spec.sheets if isinstance(s, schema.Sheet) for c in s.columns):
        rules.insert(1, "Uang ditulis dalam ribu rupiah, bilangan bulat: 169.855 berarti Rp169.855.000.")
    totals = [s.name for s in spec.sheets if isinstance(s, schema.Sheet) and s.total_row]
    if totals:
        rules.append(f"Baris 'Jumlah' di akhir sheet {', '.join(totals)} tidak perlu diisi; bila diisi, "
                     "rkt mencocokkannya dengan jumlah baris di atasnya.")
    for text in rules:
        line(f"- {text}")
    for sheet in spec.sheets:
        line()
        line(f"Sheet {sheet.name}", font=Font(bold=True, size=12))
        if sheet.purpose:
            line(sheet.purpose)
        if isinstance(sheet, schema.FormSheet):
            line("Satu isian per baris: nama isian di kolom A, nilainya di kolom B.")
            items: tuple[schema.Column | schema.Field, ...] = sheet.fields
            first = "Isian"
        else:
            items = sheet.columns
            first = "Kolom"
        line(first, "Wajib", "Jenis", "Satuan", "Keterangan", "Contoh", font=bold)
        for cell in ws[ws.max_row]:
            cell.fill = HEADER_FILL
        for item in items:
            name = item.label if isinstance(item, schema.Field) else item.header
            line(name, "wajib" if item.required else "opsional", TYPE_NAMES[item.type],
                 _unit(spec, sheet.name, item), _explanation(spec, sheet.name, item), item.example or "")
    for letter, width in zip("ABCDEF", (30, 10, 20, 18, 70, 40), strict=True):
        ws.column_dimensions[letter].width = width


def _unit(spec: schema.Workbook, sheet_name: str, item: schema.Column | schema.Field) -> str:
    if item.type == schema.INT and item.key in ("volume", "next_volume"):
        return "lihat kolom Satuan"
    if item.type == schema.TARGET and item.key in MONTH_KEYS:
        return "kumulatif; satuan IKK"
    return TYPE_UNITS.get(item.type, "")


def _explanation(spec: schema.Workbook, sheet_name: str, item: schema.Column | schema.Field) -> str:
    key = (spec.key, sheet_name, item.key)
    parts = [REFERENCE_NOTES.get(key) or item.note]
    choices = CHOICES[key].values if key in CHOICES else ()
    if choices and not all(c in (parts[0] or "") for c in choices):
        parts.append(f"pilihan: {', '.join(choices)}")
    if item.type == schema.MONEY:
        parts.append("'-' atau kosong = nihil")
    return "; ".join(p[:-1] if p.endswith(".") and not p.endswith("...") else p for p in parts if p)
