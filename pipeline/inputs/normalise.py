"""Turn raw cells into the typed model: numbers parsed, text trimmed, codes upper-cased.

Pure functions over `read.RawWorkbook`s. A value that cannot be typed (a word in a number
column, an empty key, a duplicate key) is collected as a finding with its cell; when any
exist, `normalise` raises one InputError listing them all, so a planner fixes everything
in one pass.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from pipeline.findings import Finding, InputError, Location, error
from pipeline.inputs import schema
from pipeline.inputs.numbers import MAX_EXACT, NotANumber, TooLarge, is_whole, parse_number
from pipeline.inputs.read import LIMITS, Limits, RawCell, RawForm, RawRow, RawTable, RawWorkbook, read_inputs
from pipeline.plan import model
from pipeline.plan.vocabulary import MONTH_ALIASES, MONTHS

MONTH_NUMBERS = {name.casefold(): i + 1 for i, name in enumerate(MONTHS)} | {
    alias.casefold(): i + 1 for i, names in enumerate(MONTH_ALIASES) for alias in names
}


def _show(value: Any) -> str:
    text = str(value).strip()
    return text if len(text) <= 40 else text[:37] + "..."


class _Cells:
    """Typed access to cells, collecting a finding for every value that cannot be typed."""

    def __init__(self) -> None:
        self.problems: list[Finding] = []
        self.duplicates: list[Finding] = []

    def fail(self, cell: RawCell, message: str, rule: str) -> None:
        self.problems.append(error(rule, message, cell.location))

    def text(self, cell: RawCell | None, required: bool = False) -> str:
        if cell is None or cell.value is None:
            value = ""
        elif isinstance(cell.value, float) and cell.value.is_integer():
            value = str(int(cell.value))
        elif isinstance(cell.value, (dt.datetime, dt.date)):
            value = cell.value.strftime("%Y-%m-%d")
        else:
            value = " ".join(str(cell.value).split())
        if required and not value and cell is not None:
            self.fail(cell, f"'{cell.label}' wajib diisi" if cell.label else "sel ini wajib diisi", "input.empty")
        return value

    def code(self, cell: RawCell | None, required: bool = False) -> str:
        numeric = cell is not None and isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool)
        if numeric and abs(cell.value) >= MAX_EXACT:
            self.fail(cell, f"{_show(cell.value)} diketik sebagai angka sehingga digit terakhirnya hilang; "
                            "ketik sebagai teks (awali dengan tanda ')", "input.number-as-code")
            return ""
        value = re.sub(r"\s+", "", self.text(cell, required)).upper()
        hidden = [ch for ch in value if unicodedata.category(ch) in ("Cf", "Cc", "Co", "Cn", "Zl", "Zp")]
        if hidden and cell is not None:
            shown = "".join(ch for ch in value if ch not in hidden)
            names = ", ".join(dict.fromkeys(f"U+{ord(ch):04X}" for ch in hidden))
            self.fail(cell, f"kode `{_show(shown)}` berisi karakter tak terlihat {names}; hapus isi sel dan "
                            "ketik ulang kodenya", "input.invisible-char")
            return shown
        return value

    def number(self, cell: RawCell | None) -> model.Target | None:
        if cell is None:
            return None
        try:
            parsed = parse_number(cell.value, cell.number_format)
        except TooLarge:
            self.fail(cell, f'"{_show(cell.value)}" terlalu besar untuk sebuah angka rencana '
                            "(paling banyak 15 digit)", "input.not-a-number")
            return None
        except NotANumber:
            self.fail(cell, f'"{_show(cell.value)}" bukan angka', "input.not-a-number")
            return None
        if parsed is None:
            return None
        return model.Target(parsed.value, parsed.percent, parsed.places, cells={"value": cell.location})

    def whole(self, cell: RawCell | None, required: bool = False, what: str = "bilangan bulat") -> int:
        target = self.number(cell)
        if target is None:
            if required and cell is not None and cell.value is None:
                self.fail(cell, f"'{cell.label}' wajib diisi" if cell.label else "sel ini wajib diisi", "input.empty")
            return 0
        if target.percent or not is_whole(target.value):
            self.fail(cell, f'"{_show(cell.value)}" harus {what}', "input.not-whole")
            return 0
        return int(target.value)

    def money(self, cell: RawCell | None) -> int:
        return self.whole(cell, what="bilangan bulat (ribu rupiah)")

    def date(self, cell: RawCell | None) -> model.SignDate:
        if cell is None:
            return model.SignDate(0, 0)
        value = cell.value
        if value is None:
            self.fail(cell, f"'{cell.label}' wajib diisi", "input.empty")
            return model.SignDate(0, 0)
        parsed = sign_date(value)
        if parsed is None:
            self.fail(cell, f'"{_show(value)}" bukan tanggal (contoh: "Januari 2024" atau "2 Januari 2024")',
                      "input.not-a-date")
            return model.SignDate(0, 0)
        return parsed


def sign_date(value: Any) -> model.SignDate | None:
    """An Excel date, `Januari 2024`, `2 Januari 2024` or `2/1/2024` as a signing date; None if it is none."""
    if isinstance(value, (dt.datetime, dt.date)):
        return model.SignDate(value.year, value.month, value.day)
    words = str(value or "").replace(",", " ").split()
    try:
        if len(words) == 2:
            return model.SignDate(int(words[1]), MONTH_NUMBERS[words[0].casefold()])
        if len(words) == 3:
            year, month, day = int(words[2]), MONTH_NUMBERS[words[1].casefold()], int(words[0])
            dt.date(year, month, day)  # "31 Februari 2024" is no date
            return model.SignDate(year, month, day)
        day, month, year = (int(p) for p in re.split(r"[/.-]", str(value).strip()))
        dt.date(year, month, day)
        return model.SignDate(year, month, day)
    except (KeyError, ValueError):
        return None


def _cells(row: RawRow) -> model.Cells:
    return {key: cell.location for key, cell in row.cells.items()}


def _table(
    raw: RawWorkbook | None, sheet: str, c: _Cells, build: Callable[[RawRow, _Cells], Any]
) -> tuple[Any, ...]:
    """Build one record per row of a table sheet; a row repeating another's key is reported and left out."""
    table = raw.sheets.get(sheet) if raw is not None else None
    if table is None:
        return ()
    assert isinstance(table, RawTable)
    records = tuple(build(row, c) for row in table.rows)
    key = table.spec.key
    if not key:
        return records
    seen: dict[tuple, model.Record] = {}
    kept = []
    for rec in records:
        value = tuple(getattr(rec, k) for k in key)
        if value in seen and (key == ("ikk", "component") or not any(v in ("", None, 0) for v in value)):
            first = seen[value]
            shown = " / ".join(str(v) for v in value if v not in (None, ""))
            c.duplicates.append(error(
                "input.duplicate-key",
                f"{', '.join(table.spec.column(k).header for k in key)} {shown} tertulis dua kali; "
                "hanya baris pertama yang dipakai",
                first.loc(key[-1]), rec.loc(key[-1]), subject=shown,
            ))
            continue
        seen.setdefault(value, rec)
        kept.append(rec)
    return tuple(kept)


def _stated_total(raw: RawWorkbook | None, sheet: str, c: _Cells) -> model.StatedTotal | None:
    table = raw.sheets.get(sheet) if raw is not None else None
    if not isinstance(table, RawTable) or table.total is None:
        return None
    numeric = (schema.INT, schema.MONEY, schema.TARGET)
    values: dict[str, Decimal | None] = {}
    for col in table.spec.columns:
        cell = table.total.cells.get(col.key)
        if col.type in numeric and cell is not None:
            number = c.number(cell)
            values[col.key] = number.value if number else None
    return model.StatedTotal(raw.spec.filename, sheet, values, cells=_cells(table.total), row=table.total.number)


def _office(raw: RawWorkbook | None, c: _Cells) -> model.Office:
    form = raw.sheets.get("Identitas") if raw is not None else None
    f = form.fields if isinstance(form, RawForm) else {}
    cells = {key: cell.location for key, cell in f.items()}
    t = lambda key: c.text(f.get(key), required=True)  # noqa: E731
    head = model.Head(t("head_name"), c.code(f.get("head_nip"), required=True), t("head_title"),
                      cells={"name": cells.get("head_name"), "nip": cells.get("head_nip"),
                             "title": cells.get("head_title")})
    return model.Office(
        name=t("office_name"), short_name=t("office_short"), address=t("address"), postcode=t("postcode"),
        phone=t("phone"), fax=c.text(f.get("fax")), year=c.whole(f.get("year"), required=True),
        edition=t("edition"), ministry=t("ministry"), parent_unit=t("parent_unit"), head=head,
        sign_place=t("sign_place"), sign_date=c.date(f.get("sign_date")),
        superior_nip=c.code(f.get("superior_nip")),
        **{key: c.text(f.get(key)) for key in ("parent_unit_short", "superior_title", "superior_name", "period",
                                                "vision", "renstra_regulation", "organisation_regulation")},
        cells=cells,
    )


def _month_values(row: RawRow, c: _Cells, convert: Callable[[RawCell], Any]) -> tuple:
    return tuple(convert(row.cells[f"m{i:02d}"]) for i in range(1, 13))


def _extra(row: RawRow) -> tuple[tuple[Location, str], ...]:
    return tuple((cell.location, _show(cell.value)) for cell in row.extra)


def _monthly(row: RawRow, c: _Cells) -> model.MonthlyTarget:
    comp_cell = row.cells.get("component")
    comp_text = c.text(comp_cell)
    component: int | str | None
    if not comp_text:
        component = None
    elif comp_text.casefold() in ("jumlah", "total"):
        component = "Jumlah"
    else:
        component = c.whole(comp_cell) or None
    targets = _month_values(row, c, c.number)
    return model.MonthlyTarget(
        ikk=c.whole(row.cells["ikk"], required=True),
        component=component,
        name=c.text(row.cells.get("name")),
        absolute=c.number(row.cells.get("absolute")),
        months=tuple(t.value if t else None for t in targets),
        percent=any(t.percent for t in targets if t),
        places=max((t.places or 0 for t in targets if t), default=0) or None,
        extra=_extra(row),
        cells=_cells(row),
        row=row.number,
    )


def _ro(row: RawRow, c: _Cells) -> model.Ro:
    g = row.cells.get
    pj = tuple(p for p in (" ".join(x.split()) for x in c.text(g("pj")).split(",")) if p)
    return model.Ro(
        code=c.code(g("code"), required=True), name=c.text(g("name"), required=True),
        volume=c.whole(g("volume")), unit=c.text(g("unit")),
        rm=c.money(g("rm")), pnbp=c.money(g("pnbp")), phln=c.money(g("phln")),
        location=c.text(g("location")), pj=pj,
        next_volume=c.whole(g("next_volume")), next_amount=c.money(g("next_amount")),
        cells=_cells(row), row=row.number,
    )


def _indicator(row: RawRow, c: _Cells) -> model.Indicator:
    g = row.cells.get
    target = c.number(g("target"))
    if target is None and g("target") is not None:
        c.fail(g("target"), "Target PK wajib diisi", "input.empty")
    return model.Indicator(
        no=c.whole(g("no"), required=True), goal=c.whole(g("goal"), required=True),
        name=c.text(g("name"), required=True), definition=c.text(g("definition")),
        target=target or model.Target(Decimal(0)), unit=c.text(g("unit")),
        absolute=c.number(g("absolute")), sum_label=c.text(g("sum_label")),
        cells=_cells(row), row=row.number,
    )


def normalise(raw: dict[str, RawWorkbook], problems: list[Finding] | tuple[Finding, ...] = ()) -> model.Plan:
    """The typed Plan of one office, or InputError listing every cell that cannot be typed.

    `raw` may lack workbooks that could not be read (their `problems` given): the others are
    still typed, so the InputError names every problem of every workbook at once. A key typed
    twice is an error finding carried by the plan (`input_findings`), not a reason to stop:
    the first row is kept and every other check still runs.
    """
    problems = list(problems)
    c = _Cells()
    idn, peg, kin, fund, sched = (raw.get(k) for k in ("identitas", "pegawai", "kinerja", "pendanaan", "jadwal"))

    def rec(cls, **fields):
        return lambda row, c: cls(**{k: f(row.cells.get(k), c) for k, f in fields.items()},
                                  cells=_cells(row), row=row.number)

    text = lambda cell, c: c.text(cell, required=True)  # noqa: E731
    opt_text = lambda cell, c: c.text(cell)  # noqa: E731
    code = lambda cell, c: c.code(cell, required=True)  # noqa: E731
    whole = lambda cell, c: c.whole(cell, required=True)  # noqa: E731

    plan = model.Plan(
        office=_office(idn, c),
        units=_table(idn, "Unit", c, rec(model.Unit, no=whole, name=text, kind=text, duty=opt_text)),
        wilker=_table(idn, "Wilker", c, rec(model.Wilker, no=whole, name=text)),
        work_units=_table(idn, "Unit Kerja", c, rec(model.WorkUnit, code=code, name=text, group=opt_text)),
        pjs=_table(idn, "PJ", c, rec(model.Pj, name=text)),
        programs=_table(idn, "Program", c, rec(model.ProgramGoal, program=text, goal=text)),
        activities=_table(idn, "Kegiatan", c, rec(model.ActivityGoal, activity=text, goal=text)),
        staff=_table(peg, "Pegawai", c, rec(
            model.Employee, nip=code, name=text, status=text, position_type=text, position=text,
            grade=text, education=text, unit=code)),
        educations=_table(peg, "Pendidikan", c, rec(model.Education, no=whole, name=text)),
        goals=_table(kin, "Sasaran", c, rec(model.Goal, no=whole, name=text)),
        indicators=_table(kin, "IKK", c, _indicator),
        monthly=_table(kin, "Target Bulanan", c, _monthly),
        kros=_table(fund, "KRO", c, rec(model.Kro, code=code, name=text)),
        ros=_table(fund, "RO", c, _ro),
        ikk_ros=_table(fund, "IKK-RO", c, rec(model.IkkRo, ikk=whole, code=code, name=opt_text)),
        ikk_allocations=_table(fund, "Alokasi IKK", c, rec(model.IkkAllocation, ikk=whole,
                                                         amount=lambda cell, c: c.money(cell))),
        schedule=_table(sched, "Jadwal", c, lambda row, c: model.ScheduleRow(
            code=c.code(row.cells["code"], required=True), name=c.text(row.cells.get("name")),
            months=_month_values(row, c, c.money), extra=_extra(row), cells=_cells(row), row=row.number)),
        legal_basis=tuple(sorted(_table(idn, "Dasar Hukum", c, rec(model.LegalBasis, no=whole, text=text)),
                                 key=lambda b: b.no)),
        totals=tuple(t for t in (_stated_total(fund, "RO", c), _stated_total(sched, "Jadwal", c)) if t),
        sources=tuple(model.Source(w.spec.filename, str(w.path), w.sha256) for w in raw.values()),
        input_findings=tuple(c.duplicates),
    )
    if problems or c.problems:
        raise InputError(problems + c.problems)
    return plan


def load(folder, limits: Limits = LIMITS) -> model.Plan:
    """Read and normalise the five workbooks of `folder` (the first two stages in one call).

    The raw grids are dropped on return: the cells are in the plan.
    """
    raw, problems = read_inputs(folder, limits=limits)
    return normalise(raw, problems)
