"""Every value a document shows, as its workbook cells name it, for diffs and for embedding in the .docx.

The snapshot is made from the schema, not from a list of chosen fields: every column of every
sheet that reaches the document is in it, so a diff is complete by construction. Each record is
keyed by what does not move (its sheet's key: RO code, IKK number, NIP, unit number), each value
labelled with its column's header (Indonesian, as the planner reads it) and written as the
document prints it. The derived figures (pagu, totals, headcounts) follow as a summary.
"""

from __future__ import annotations

from typing import Any

from pipeline import __version__
from pipeline.formatting import number, plain, sign_date_text, target_text
from pipeline.inputs import schema
from pipeline.names import LAKIN, RKT
from pipeline.plan import tables
from pipeline.plan.model import IkkRealisation, MonthlyTarget, Plan, Record, Target
from pipeline.plan.vocabulary import MONTHS, POSITION_TYPES, QUARTERS, STATUSES, position_type_of, status_of

SNAPSHOT_VERSION = 3  # 3: staff statuses PNS/PPPK/PPPK Paruh Waktu, position type Pelaksana (JFU)
# Sheets (or columns) that never reach the document: they are cross-checked only.
NOT_SHOWN = {("PJ", None), ("Alokasi IKK", None), ("IKK-RO", "name"), ("IKK", "direction"), ("IKK", "renstra")}
# Where each table sheet's records live in the plan
RECORDS = {
    "Unit": "units", "Wilker": "wilker", "Unit Kerja": "work_units", "PJ": "pjs", "Dasar Hukum": "legal_basis",
    "Program": "programs", "Kegiatan": "activities", "Pegawai": "staff", "Pendidikan": "educations",
    "Sasaran": "goals", "IKK": "indicators", "Target Bulanan": "monthly", "KRO": "kros", "RO": "ros",
    "IKK-RO": "ikk_ros", "Alokasi IKK": "ikk_allocations", "Jadwal": "schedule",
}
MONTH_KEYS = tuple(f"m{i:02d}" for i in range(1, 13))


def shown(value: Any, column: schema.Column, record: Record | None = None) -> str:
    """A value as the document prints it."""
    if isinstance(value, Target):
        return target_text(value)
    if isinstance(value, tuple):
        return ", ".join(str(v) for v in value)
    if value is None or value == "":
        return ""
    if column.type == schema.MONEY:
        return number(value)
    if column.type in (schema.INT, schema.TARGET) and not isinstance(value, str):
        if isinstance(record, MonthlyTarget | IkkRealisation) and record.percent:
            return f"{plain(value, places=record.places)}%"
        return plain(value, places=getattr(record, "places", None)
                     if isinstance(record, MonthlyTarget | IkkRealisation) else None)
    return str(value)


def _value(record: Record, column: schema.Column) -> Any:
    if column.key in MONTH_KEYS:
        return record.months[MONTH_KEYS.index(column.key)]
    return getattr(record, column.key, None)


def _office(plan: Plan) -> dict[str, str]:
    """The Identitas form: every field by its label."""
    office = plan.office
    values = {}
    for f in schema.IDENTITAS.sheet("Identitas").fields:
        if f.key.startswith("head_"):
            value = getattr(office.head, f.key.removeprefix("head_"))
        elif f.key == "sign_date":
            value = sign_date_text(office.sign_date)
        else:
            value = getattr(office, {"office_name": "name", "office_short": "short_name"}.get(f.key, f.key))
        values[f.label] = shown(value, f)
    return values


def _key(sheet: schema.Sheet, record: Record, position: int) -> str:
    """`QAH.017`, `1`, `1 / 2`: the record's key columns as typed; its row order where the sheet has none."""
    if not sheet.key:
        return str(position)
    parts = []
    for key in sheet.key:
        value = getattr(record, key)
        parts.append("" if value is None else str(value))
    return " / ".join(parts)


def _table(plan: Plan, sheet: schema.Sheet) -> dict[str, dict[str, str]]:
    columns = [c for c in sheet.columns if (sheet.name, c.key) not in NOT_SHOWN and c.key not in sheet.key]
    out: dict[str, dict[str, str]] = {}
    for i, record in enumerate(getattr(plan, RECORDS[sheet.name]), start=1):
        out[_key(sheet, record, i)] = {c.header: shown(_value(record, c), c, record) for c in columns}
    return out


def _figures(plan: Plan) -> dict[str, str]:
    """What the tables add up to, as the document prints it."""
    totals = tables.source_totals(plan)
    counts = tables.headcount(plan)
    months = tables.schedule_totals(plan)
    return {
        "Pagu": number(totals["amount"]), "RM": number(totals["rm"]), "PNBP": number(totals["pnbp"]),
        "PHLN": number(totals["phln"]), f"Prakiraan maju {plan.office.year + 1}": number(totals["next_amount"]),
        "Jumlah pegawai": plain(counts["total"]),
        **{f"Pegawai {s}": plain(counts[s]) for s in STATUSES},
        **{f"Pegawai {t}": plain(counts[t]) for t in POSITION_TYPES},
        **{f"Penarikan {MONTHS[m]}": number(v) for m, v in enumerate(months)},
        **{f"Alokasi IKK {i.no}": number(tables.ikk_allocation(plan, i.no))
           for i in sorted(plan.indicators, key=lambda i: i.no)},
    }


def snapshot(plan: Plan, document: str = RKT) -> dict[str, Any]:
    """The plan as nested dicts of printed values: section -> key -> label -> value.

    `document` names the document that carries it (RKT, PK or LAKIN), so a diff compares like with like.
    The LAKIN shows the realisation too: its snapshot holds realisasi.xlsx's sheets and each IKK's Arah.
    """
    office = plan.office
    values: dict[str, dict[str, dict[str, str]]] = {"Identitas": {"": _office(plan)}}
    for wb in schema.WORKBOOKS:
        for sheet in wb.sheets:
            if isinstance(sheet, schema.Sheet) and (sheet.name, None) not in NOT_SHOWN:
                values[sheet.name] = _table(plan, sheet)
    values["Ringkasan"] = {"": _figures(plan)}
    if document == LAKIN:
        realised = realisation_snapshot(plan)
        for key, arah in realised.pop("IKK").items():
            values["IKK"].setdefault(key, {}).update(arah)
        values.update(realised)
    d = office.sign_date
    return {
        "snapshot": SNAPSHOT_VERSION,
        "rkt": __version__,
        "document": document,
        "office": {"name": office.name, "short_name": office.short_name, "year": office.year,
                   "edition": office.edition, "sign_date": [d.year, d.month, d.day or 1]},
        "values": values,
        "sources": {s.workbook: s.sha256 for s in sorted(plan.sources, key=lambda s: s.workbook)},
    }


def upgrade(snap: dict[str, Any]) -> dict[str, Any]:
    """A snapshot of an earlier rkt in today's words, so a diff against it shows what changed, not the words.

    Before snapshot 3 the roster said ASN for PNS and JFU for Pelaksana (`Pegawai ASN` in the summary).
    """
    if snap.get("snapshot", 0) >= 3:
        return snap
    values = snap.get("values", {})
    pegawai = schema.PEGAWAI.sheet("Pegawai")
    status, kind = (pegawai.column(k).header for k in ("status", "position_type"))
    for record in values.get("Pegawai", {}).values():
        if status in record:
            record[status] = status_of(record[status])
        if kind in record:
            record[kind] = position_type_of(record[kind])
    for summary in values.get("Ringkasan", {}).values():
        for key in [k for k in summary if k.startswith("Pegawai ")]:
            word = key.removeprefix("Pegawai ")
            renamed = f"Pegawai {status_of(position_type_of(word))}"
            if renamed != key:
                summary[renamed] = summary.pop(key)
    return snap


# realisasi.xlsx: never in a document's snapshot (the RKT and the PK do not show it), compared by
# `rkt diff` of two inputs folders. Where each sheet's records live in `plan.realisation`:
REALISED = {"Realisasi IKK": "ikk", "Realisasi Anggaran": "budget", "Volume RO": "volume",
            "Penjelasan": "explanations", "Tahun Lalu": "earlier"}


def _realised(record: Any, column: schema.Column) -> str:
    """A realisation value as typed: a quarter as I-IV, a year without grouping (2024, not 2.024)."""
    if column.key == "quarter":
        return QUARTERS[record.quarter - 1] if 1 <= record.quarter <= 4 else ""
    if column.key in ("year", "ikk"):  # numbers that name, never formatted
        return str(getattr(record, column.key) or "")
    return shown(_value(record, column), column, record)


def realisation_snapshot(plan: Plan) -> dict[str, dict[str, dict[str, str]]]:
    """What realisasi.xlsx says (empty without it), and each IKK's Arah and Target Renstra, section -> key ->
    label -> value.

    Kept apart from `snapshot` so the RKT's and the PK's bytes never depend on them; an inputs
    folder's side of `rkt diff` carries it, and so does the LAKIN's snapshot, so a changed
    realisation value is named.
    """
    ikk = schema.KINERJA.sheet("IKK")
    arah, renstra = ikk.column("direction"), ikk.column("renstra")
    values: dict[str, dict[str, dict[str, str]]] = {"IKK": {
        str(i.no): {arah.header: i.direction, renstra.header: shown(i.renstra, renstra)} for i in plan.indicators}}
    r = plan.realisation
    if r is None:
        return values
    form = schema.REALISASI.sheet("Laporan")
    values["Laporan"] = {"": {f.label: _realised(r, f) for f in form.fields}}
    for sheet in schema.REALISASI.sheets:
        if isinstance(sheet, schema.Sheet):
            keys = [sheet.column(k) for k in sheet.key]
            columns = [c for c in sheet.columns if c.key not in sheet.key]
            values[sheet.name] = {
                " / ".join(_realised(record, c) for c in keys): {c.header: _realised(record, c) for c in columns}
                for record in getattr(r, REALISED[sheet.name])}
    return values
