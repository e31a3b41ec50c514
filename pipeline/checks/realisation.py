"""Realisation rules: what realisasi.xlsx reports agrees with the plan it realises.

Every rule yields nothing when the folder has no realisasi.xlsx (or it was not read: `rkt build`
never reads it), so a folder without realisation checks exactly as before. The one rule on the
plan itself is the IKK's Arah, which only the capaian reads.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal

from pipeline.checks.common import month_key
from pipeline.checks.money import typed_beyond
from pipeline.checks.registry import rule
from pipeline.findings import Finding, Location, error, warning
from pipeline.formatting import month_name, number, plain
from pipeline.inputs import schema
from pipeline.plan import realisation as measured
from pipeline.plan import tables
from pipeline.plan.model import BudgetRealisation, IkkRealisation, MonthlyTarget, Plan, VolumeRealisation
from pipeline.plan.vocabulary import DIRECTIONS, QUARTERS

WORKBOOK = schema.REALISASI.filename
SOURCE_FIELDS = {"RM": "rm", "PNBP": "pnbp", "PHLN": "phln"}


def _label(row: IkkRealisation) -> str:
    """`IKK 1`, `IKK 1 komponen 2`: the subject of a realisation series."""
    return f"IKK {row.ikk}" if row.component is None else f"IKK {row.ikk} komponen {row.component}"


def _code(row: BudgetRealisation | VolumeRealisation) -> str:
    typed = getattr(row, "typed", "")
    return f"{row.code} (tertulis {typed})" if typed and typed != row.code else row.code


def _rises(target: MonthlyTarget | None) -> bool:
    """Whether a target series is cumulative: it climbs over the year (a rate held every month does not)."""
    values = [v for v in target.months if v is not None] if target is not None else []
    return len(values) > 1 and values[0] < values[-1]


@rule("realisation.year")
def same_year(plan: Plan) -> Iterator[Finding]:
    """The realisation is of the plan's year (Tahun in realisasi.xlsx equals Tahun in identitas.xlsx)."""
    r = plan.realisation
    if r is not None and r.year and r.year != plan.office.year:
        yield error("realisation.year", f"realisasi.xlsx melaporkan tahun {r.year}, rencananya tahun "
                    f"{plan.office.year}", r.loc("year"), plan.office.loc("year"), subject="Tahun")


@rule("realisation.direction")
def direction_known(plan: Plan) -> Iterator[Finding]:
    """An IKK's Arah, when typed, is Naik (higher is better) or Turun (lower is better)."""
    known = {d.casefold() for d in DIRECTIONS}
    for ikk in plan.indicators:
        if ikk.direction and ikk.direction.casefold() not in known:
            yield error("realisation.direction", f"Arah IKK {ikk.no} '{ikk.direction}'; tulis Naik (makin tinggi "
                        "makin baik) atau Turun (makin rendah makin baik), atau kosongkan (Naik)",
                        ikk.loc("direction"), subject=f"IKK {ikk.no}")


@rule("realisation.unknown-ikk")
def ikk_known(plan: Plan) -> Iterator[Finding]:
    """Every IKK number in Realisasi IKK, Penjelasan and Tahun Lalu is listed in the IKK sheet."""
    r = plan.realisation
    if r is None:
        return
    for records, sheet in ((r.ikk, "Realisasi IKK"), (r.explanations, "Penjelasan"), (r.earlier, "Tahun Lalu")):
        for record in records:
            if plan.indicator(record.ikk) is None:
                yield error("realisation.unknown-ikk", f"IKK nomor {record.ikk} di sheet {sheet} tidak ada di sheet "
                            "IKK (kinerja.xlsx)", record.loc("ikk"), subject=f"IKK {record.ikk}")


@rule("realisation.unknown-component")
def component_known(plan: Plan) -> Iterator[Finding]:
    """A realised component is one of its IKK's components in Target Bulanan (a typed Jumlah row is not used)."""
    r = plan.realisation
    if r is None:
        return
    for row in r.ikk:
        if row.component is None or plan.indicator(row.ikk) is None:
            continue
        known = [m.component for m in plan.monthly_of(row.ikk) if isinstance(m.component, int)]
        if row.component == "Jumlah":
            yield error("realisation.unknown-component", f"baris Jumlah IKK {row.ikk} tidak dipakai: rkt menjumlahkan "
                        "komponen sendiri; hapus baris ini", row.loc("component"), subject=f"IKK {row.ikk} Jumlah")
        elif row.component not in known:
            listed = ", ".join(map(str, known)) or "tidak ada"
            yield error("realisation.unknown-component", f"komponen {row.component} IKK {row.ikk} tidak ada di sheet "
                        f"Target Bulanan (komponennya: {listed})", row.loc("component"), subject=_label(row))


@rule("realisation.unknown-ro")
def ro_known(plan: Plan) -> Iterator[Finding]:
    """Every RO code in Realisasi Anggaran and Volume RO is listed in the RO sheet (pendanaan.xlsx)."""
    r = plan.realisation
    if r is None:
        return
    for rows, sheet in ((r.budget, "Realisasi Anggaran"), (r.volume, "Volume RO")):
        for row in rows:
            if plan.ro(row.code) is None:
                yield error("realisation.unknown-ro", f"kode RO {_code(row)} di sheet {sheet} tidak ada di sheet RO "
                            "(pendanaan.xlsx); baris ekspor selain baris RO (program, kegiatan, komponen, akun) "
                            "dihapus dulu", row.loc("code"), subject=row.code)


@rule("realisation.cumulative")
def never_decreases(plan: Plan) -> Iterator[Finding]:
    """A cumulative realisation (of a series whose target climbs, or an RO's volume) never decreases."""
    r = plan.realisation
    if r is None:
        return
    targets = {(m.ikk, m.component): m for m in plan.monthly}
    series = [(row, _label(row)) for row in r.ikk if _rises(targets.get((row.ikk, row.component)))]
    series += [(row, f"volume RO {row.code}") for row in r.volume]
    for row, label in series:
        last: tuple[int, Decimal | int] | None = None
        for m, value in enumerate(row.months):
            if value is None:
                continue
            if last is not None and value < last[1]:
                yield error("realisation.cumulative", f"realisasi kumulatif {label} turun dari {plain(last[1])} "
                            f"({month_name(last[0] + 1)}) ke {plain(value)} ({month_name(m + 1)})",
                            row.loc(month_key(last[0])), row.loc(month_key(m)), subject=label)
            last = (m, value)


@rule("realisation.after-december")
def nothing_after_december(plan: Plan) -> Iterator[Finding]:
    """No realisation is typed to the right of December (a month beyond the year reported)."""
    r = plan.realisation
    if r is None:
        return
    rows = [(row, _label(row)) for row in r.ikk] + [(row, row.code) for row in (*r.budget, *r.volume)]
    for row, label in rows:
        for loc, value in typed_beyond(row.extra):
            yield error("realisation.after-december", f"realisasi {label} berisi {plain(value)} sesudah Desember "
                        "(bulan di luar tahun yang dilaporkan)", loc, row.loc("m12"), subject=label)


@rule("realisation.negative")
def not_negative(plan: Plan) -> Iterator[Finding]:
    """No realisation (amount, volume, IKK value) is negative."""
    r = plan.realisation
    if r is None:
        return
    rows = [(row, _label(row)) for row in r.ikk] + [(row, row.code) for row in (*r.budget, *r.volume)]
    for row, label in rows:
        bad = [m for m, v in enumerate(row.months) if v is not None and v < 0]
        if bad:
            values = ", ".join(f"{month_name(m + 1)} {plain(row.months[m])}" for m in bad)
            yield error("realisation.negative", f"realisasi {label} negatif: {values}",
                        *(row.loc(month_key(m)) for m in bad), subject=label)


@rule("realisation.percent")
def persen_typed_as_percent(plan: Plan) -> Iterator[Finding]:
    """The realisation of an IKK in Persen is typed as a percentage (95%), as its Target PK is."""
    r = plan.realisation
    if r is None:
        return
    for row in r.ikk:
        ikk = plan.indicator(row.ikk)
        if row.component is not None or ikk is None or ikk.unit != "Persen" or row.percent:
            continue
        typed = [m for m, v in enumerate(row.months) if v is not None and v != 0]
        if typed:
            first = row.months[typed[0]]
            hint = f"; maksudnya {plain(first * 100)}%?" if 0 < first <= 1 else ""
            yield error("realisation.percent", f"IKK {ikk.no} bersatuan Persen, tetapi realisasinya tidak diketik "
                        f"sebagai persen ({month_name(typed[0] + 1)} {plain(first)}){hint}",
                        *(row.loc(month_key(m)) for m in typed), ikk.loc("unit"), subject=f"IKK {ikk.no}")


def _rows_by_code(plan: Plan) -> dict[str, list[BudgetRealisation]]:
    rows: dict[str, list[BudgetRealisation]] = defaultdict(list)
    for row in plan.realisation.budget:
        rows[row.code].append(row)
    return rows


def _total(rows: list[BudgetRealisation]) -> int:
    return sum(v or 0 for row in rows for v in row.months)


def _typed(rows: list[BudgetRealisation]) -> list[Location]:
    return [row.loc(month_key(m)) for row in rows for m, v in enumerate(row.months) if v]


@rule("realisation.over-allocation")
def within_allocation(plan: Plan) -> Iterator[Finding]:
    """An RO's realisation (and each source's, when typed per source) stays within its allocation."""
    if plan.realisation is None:
        return
    for code, rows in _rows_by_code(plan).items():
        ro = plan.ro(code)
        if ro is None:
            continue
        spent = _total(rows)
        if spent > ro.amount:
            yield error("realisation.over-allocation", f"realisasi RO {code} {number(spent)} melebihi alokasinya "
                        f"{number(ro.amount)} (selisih {number(spent - ro.amount)})", *_typed(rows),
                        *ro.locs("rm", "pnbp", "phln"), subject=code)
        for source, key in SOURCE_FIELDS.items():
            mine = [row for row in rows if row.source == source]
            spent = _total(mine)
            if mine and spent > getattr(ro, key) and getattr(ro, key):
                yield error("realisation.over-allocation", f"realisasi {source} RO {code} {number(spent)} melebihi "
                            f"alokasi {source}-nya {number(getattr(ro, key))}", *_typed(mine), ro.loc(key),
                            subject=f"{code} {source}")


@rule("realisation.over-pagu")
def within_pagu(plan: Plan) -> Iterator[Finding]:
    """The office's realisation stays within its pagu (the sum of every RO's allocation)."""
    if plan.realisation is None:
        return

    spent = _total(list(plan.realisation.budget))
    pagu = tables.pagu(plan)
    if spent > pagu:
        yield error("realisation.over-pagu", f"realisasi kantor {number(spent)} melebihi pagu {number(pagu)} "
                    f"(selisih {number(spent - pagu)})", Location(WORKBOOK, "Realisasi Anggaran"),
                    Location("pendanaan.xlsx", "RO"), subject="Pagu")


@rule("realisation.pagu")
def stated_pagu_matches(plan: Plan) -> Iterator[Finding]:
    """A Pagu pasted with the realisation equals the RO's allocation in pendanaan.xlsx (else the DIPA was revised)."""
    if plan.realisation is None:
        return
    for code, rows in _rows_by_code(plan).items():
        ro = plan.ro(code)
        for row in rows:
            if ro is None or row.pagu is None:
                continue
            expected = getattr(ro, SOURCE_FIELDS[row.source]) if row.source in SOURCE_FIELDS else ro.amount
            if row.pagu != expected:
                what = f"{row.source} RO {code}" if row.source in SOURCE_FIELDS else f"RO {code}"
                yield warning("realisation.pagu", f"pagu {what} di realisasi {number(row.pagu)}, di pendanaan.xlsx "
                              f"{number(expected)}: bila DIPA sudah direvisi, perbarui pendanaan.xlsx dan terbitkan "
                              "revisi RKT/PK", row.loc("pagu"), *ro.locs("rm", "pnbp", "phln"), subject=code)


@rule("realisation.source")
def source_of_ro(plan: Plan) -> Iterator[Finding]:
    """A Sumber Dana typed for an RO is one that funds it, and an RO's rows are all per source or none is."""
    if plan.realisation is None:
        return
    for code, rows in _rows_by_code(plan).items():
        ro = plan.ro(code)
        for row in rows:
            if not row.source:
                continue
            if row.source not in SOURCE_FIELDS:
                yield error("realisation.source", f"sumber dana '{row.source}' RO {code}; tulis RM, PNBP atau PHLN",
                            row.loc("source"), subject=code)
            elif ro is not None and not getattr(ro, SOURCE_FIELDS[row.source]):
                yield error("realisation.source", f"RO {code} tidak beralokasi {row.source}, tetapi realisasinya "
                            f"tertulis bersumber {row.source}", row.loc("source"), ro.loc(SOURCE_FIELDS[row.source]),
                            subject=code)
        if len(rows) > 1 and any(not row.source for row in rows):
            yield error("realisation.source", f"RO {code} tertulis {len(rows)} baris, sebagian tanpa Sumber Dana: isi "
                        "Sumber Dana setiap baris, atau satukan menjadi satu baris",
                        *(row.loc("source") for row in rows), subject=code)


@rule("realisation.earlier-year")
def earlier_is_earlier(plan: Plan) -> Iterator[Finding]:
    """A year in Tahun Lalu is before the plan's year."""
    if plan.realisation is None:
        return
    for row in plan.realisation.earlier:
        if row.year >= plan.office.year:
            yield error("realisation.earlier-year", f"tahun {row.year} di sheet Tahun Lalu (IKK {row.ikk}) bukan "
                        f"tahun sebelum {plan.office.year}", row.loc("year"), subject=f"IKK {row.ikk}")


@rule("realisation.unexplained")
def missed_quarters_explained(plan: Plan) -> Iterator[Finding]:
    """A quarter in which an IKK (or a component) misses its target has its Kendala or Upaya in Penjelasan."""
    r = plan.realisation
    if r is None:
        return
    notes = {(e.ikk, e.quarter): e for e in r.explanations}
    for quarter in range(1, 5):
        for ikk in measured.ikk_measures(plan, quarter * 3):
            missed = [m for m in (ikk.own, *ikk.components) if m.capaian is not None and m.capaian < 100]
            note = notes.get((ikk.indicator.no, quarter))
            if not missed or (note is not None and (note.problems or note.actions)):
                continue
            shown = "; ".join(f"{'IKK' if m.component is None else f'komponen {m.component}'} capaian "
                              f"{plain(m.capaian)}%" for m in missed)
            where = note.locs("problems", "actions") if note is not None else (Location(WORKBOOK, "Penjelasan"),)
            yield warning("realisation.unexplained", f"IKK {ikk.indicator.no} triwulan {QUARTERS[quarter - 1]} "
                          f"belum mencapai target ({shown}) tanpa Kendala dan Upaya / Tindak Lanjut di sheet "
                          "Penjelasan", *(m.cells["realised"] for m in missed), *where,
                          subject=f"IKK {ikk.indicator.no} TW {QUARTERS[quarter - 1]}")


@rule("realisation.stated-total")
def stated_total_matches(plan: Plan) -> Iterator[Finding]:
    """A Jumlah row under Realisasi Anggaran equals the sum of the rows above it, month by month."""
    r = plan.realisation
    if r is None or r.total is None:
        return
    for m in range(12):
        key = month_key(m)
        stated = r.total.values.get(key)
        computed = sum(row.months[m] or 0 for row in r.budget)
        if stated is not None and stated != computed:
            yield error("realisation.stated-total", f"Jumlah {month_name(m + 1)} realisasi tertulis {number(stated)}, "
                        f"jumlah barisnya {number(computed)} (selisih {number(stated - computed)})",
                        r.total.loc(key), *(row.loc(key) for row in r.budget if row.months[m]),
                        subject=f"Jumlah {month_name(m + 1)}")
