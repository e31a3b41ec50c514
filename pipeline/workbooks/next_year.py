"""Next year's workbooks from this year's: forward estimates become the plan, monthly plans are emptied.

Works from the typed model (`normalise.load`), never from the source files' layout, and
writes through `xlsx.write_workbooks`, so the new workbooks have the standard layout
whatever shape this year's had. The source folder is only read.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.findings import InputError, Location
from pipeline.formatting import number
from pipeline.inputs import schema
from pipeline.inputs.normalise import load
from pipeline.inputs.read import LIMITS, Limits
from pipeline.outputs import refuse_inside
from pipeline.plan.model import Plan, Ro, Target
from pipeline.plan.texts import KNOWN, period_of
from pipeline.plan.vocabulary import FIRST_EDITION, MONTHS
from pipeline.workbooks.blank import WorkbooksExist, existing_workbooks
from pipeline.workbooks.xlsx import workbook_data, write_workbooks

FORWARD_KEYS = ("next_volume", "next_amount")
SOURCE_KEYS = ("rm", "pnbp", "phln")
SOURCE_NAMES = ("RM", "PNBP", "PHLN")


class InitError(ValueError):
    """The request cannot be carried out as given (wrong year, target is the source)."""


@dataclass(frozen=True)
class Todo:
    """Something the planner still has to fill in or verify in the new workbooks.

    `kind` is a stable slug (tests and tools match on it, not on the wording);
    `subjects` names the records concerned (RO codes, IKK numbers), if any.
    """

    kind: str
    location: Location
    message: str
    subjects: tuple[str, ...] = ()

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


@dataclass(frozen=True)
class Split:
    """How one RO's new allocation was divided over its funding sources."""

    code: str
    amount: int
    sources: tuple[int, int, int]  # RM, PNBP, PHLN
    basis: str  # "rm" (was pure RM), "proportional" (old shares), "none" (no old sources: all RM)


@dataclass(frozen=True)
class InitResult:
    """What `init_year` wrote and what is left for the planner."""

    year: int
    files: tuple[Path, ...]
    todo: tuple[Todo, ...]
    splits: tuple[Split, ...]

    @property
    def to_verify(self) -> tuple[Split, ...]:
        """Splits that rest on an assumption (anything but a pure-RM RO)."""
        return tuple(s for s in self.splits if s.basis != "rm")


def split_sources(old: tuple[int, int, int], amount: int) -> tuple[tuple[int, int, int], str]:
    """`amount` divided over (RM, PNBP, PHLN) like `old`, in whole thousands, and the basis used.

    A pure-RM RO (and one with no usable old sources) gets everything in RM. Otherwise
    each source gets its old share rounded half up, and the largest old source takes what
    rounding left over, so the three always add up to `amount` exactly.
    """
    total = sum(old)
    if any(v < 0 for v in old) or total <= 0:
        return (amount, 0, 0), "none"
    if old[1] == 0 and old[2] == 0:
        return (amount, 0, 0), "rm"
    largest = max(range(3), key=lambda i: (old[i], -i))
    shares = [(2 * amount * v + total) // (2 * total) for v in old]
    shares[largest] = amount - sum(s for i, s in enumerate(shares) if i != largest)
    return (shares[0], shares[1], shares[2]), "proportional"


def init_year(src: Path, dst: Path, year: int, *, force: bool = False, limits: Limits = LIMITS) -> InitResult:
    """Write next year's five workbooks from those in `src` into `dst`.

    Raises InputError when `src`'s workbooks cannot be read, WorkbooksExist when `dst`
    already holds workbooks (unless `force`), FileProblem while a person has one of them open
    or they cannot be written (all five are written or none), InitError when `src` is no folder, `dst` is
    `src`, or `year` is not the year after `src`'s (its forward estimates are for that year).
    """
    src, dst = Path(src), Path(dst)
    refuse_inside(dst, "folder tujuan")
    if not src.is_dir():
        raise InitError(f"folder sumber {src} tidak ada")
    if dst.exists() and src.exists() and dst.resolve() == src.resolve():
        raise InitError("folder tujuan sama dengan folder sumber; workbook tahun ini tidak boleh ditimpa")
    existing = existing_workbooks(dst)
    if existing and not force:
        raise WorkbooksExist(dst, existing)
    try:
        plan, realisation_read = load(src, limits, realisation=True), True
    except InputError:  # the plan's own problems are raised by the second reading; realisasi.xlsx's are not
        plan, realisation_read = load(src, limits), False
    if year != plan.office.year + 1:
        raise InitError(
            f"workbook di {src} adalah RKT {plan.office.year}; prakiraan majunya untuk tahun "
            f"{plan.office.year + 1}, bukan {year}"
        )
    data, splits = next_year_data(plan, year)
    files = tuple(write_workbooks(dst, {spec.filename: workbook_data(spec, data[spec.key], guide=True, year=year)
                                        for spec in schema.ALL_WORKBOOKS}))
    todo = todo_list(plan, year, splits)
    if not realisation_read:
        todo += (Todo("realisation-unread", Location(schema.REALISASI.filename), f"{schema.REALISASI.filename} di "
                      f"{src} tidak dapat dibaca (periksa dengan rkt check), sehingga sheet Tahun Lalu tidak diisi "
                      f"dengan realisasi {plan.office.year}"),)
    return InitResult(year, files, todo, splits)


def next_year_data(plan: Plan, year: int) -> tuple[dict[str, Any], tuple[Split, ...]]:
    """The contents of next year's workbooks (as `xlsx.write_workbook` takes them) and the RO splits."""
    o = plan.office
    identity = {
        "office_name": o.name, "office_short": o.short_name, "address": o.address, "postcode": o.postcode,
        "phone": o.phone, "fax": _opt(o.fax), "year": year, "edition": FIRST_EDITION, "ministry": o.ministry,
        "parent_unit": o.parent_unit, "head_name": o.head.name, "head_nip": o.head.nip,
        "head_title": o.head.title, "head_acting": _opt(o.head.acting), "sign_place": o.sign_place,
        "sign_date": f"{MONTHS[0]} {year}", "superior_acting": _opt(o.superior_acting),
        **{key: _opt(getattr(o, key)) for key in ("parent_unit_short", "superior_title", "superior_name",
                                                   "superior_nip", "organisation_regulation")},
    }
    if period_of(year) == period_of(o.year):  # the period's own texts still hold; a new period takes its defaults
        identity.update({key: _opt(getattr(o, key)) for key in ("period", "vision", "renstra_regulation")})
    ros, splits = [], []
    for ro in plan.ros:
        sources, basis = split_sources((ro.rm, ro.pnbp, ro.phln), ro.next_amount)
        splits.append(Split(ro.code, ro.next_amount, sources, basis))
        ros.append(_ro_row(ro, sources))
    ro_total = plan.total("pendanaan.xlsx", "RO")
    if ro_total is not None:
        ros.append(_recomputed_total(ro_total.values, ros))
    data = {
        "identitas": {
            "Identitas": identity,
            "Unit": [{"no": u.no, "name": u.name, "kind": u.kind, "duty": _opt(u.duty)} for u in plan.units],
            "Wilker": [{"no": w.no, "name": w.name} for w in plan.wilker],
            "Unit Kerja": [{"code": w.code, "name": w.name, "group": _opt(w.group)} for w in plan.work_units],
            "PJ": [{"name": p.name} for p in plan.pjs],
            "Dasar Hukum": [{"no": b.no, "text": b.text} for b in plan.legal_basis] or None,
            "Program": [{"program": p.program, "goal": p.goal} for p in plan.programs],
            "Kegiatan": [{"activity": a.activity, "goal": a.goal} for a in plan.activities],
        },
        "pegawai": {
            "Pegawai": [
                # the status in today's word (ASN of earlier versions is PNS), the position type in the office's
                {"nip": e.nip, "name": e.name, "status": e.status, "position_type": e.position_typed or e.position_type,
                 "position": e.position, "grade": e.grade, "education": e.education, "unit": e.unit}
                for e in plan.staff
            ],
            "Pendidikan": [{"no": e.no, "name": e.name} for e in plan.educations],
        },
        "kinerja": {
            "Sasaran": [{"no": g.no, "name": g.name} for g in plan.goals],
            "IKK": [
                {"no": i.no, "goal": i.goal, "name": i.name, "definition": _opt(i.definition),
                 **_target("target", i.target), "unit": i.unit, **_target("absolute", i.absolute),
                 "sum_label": _opt(i.sum_label), "direction": _opt(i.direction), "scale": _opt(i.scale)}
                for i in plan.indicators
            ],
            # Rows stay so the planner sees what to fill; the months are next year's to plan.
            "Target Bulanan": [
                {"ikk": m.ikk, "component": m.component, "name": _opt(m.name), **_target("absolute", m.absolute),
                 "_months_percent": m.percent}
                for m in plan.monthly
            ],
        },
        "pendanaan": {
            "KRO": [{"code": k.code, "name": k.name} for k in plan.kros],
            "RO": ros,
            "IKK-RO": [{"ikk": x.ikk, "code": x.code, "name": _opt(x.name)} for x in plan.ikk_ros],
            # Allocations per IKK stated for this year no longer hold once the ROs' allocations change.
            "Alokasi IKK": [],
        },
        # Rows stay, months are emptied; the stated Jumlah row would only restate empty months.
        "jadwal": {"Jadwal": [{"code": s.code, "name": _opt(s.name)} for s in plan.schedule]},
        "realisasi": next_realisation(plan, year),
    }
    return data, tuple(splits)


def next_realisation(plan: Plan, year: int) -> dict[str, Any]:
    """Next year's realisasi.xlsx: a row to fill for every IKK, component and RO, and this year's results
    (with the earlier years this year's workbook holds) in Tahun Lalu."""
    rows = []
    for m in plan.monthly:
        if m.component is None or isinstance(m.component, int):
            rows.append({"ikk": m.ikk, "component": m.component, "name": _opt(m.name)})
    for ikk in plan.indicators:  # an index built from components is realised in a row of its own
        if not any(r["ikk"] == ikk.no and r["component"] is None for r in rows):
            rows.append({"ikk": ikk.no, "component": None, "name": None})
    rows.sort(key=lambda r: (r["ikk"], r["component"] or 0))
    return {
        "Laporan": {"year": year},
        "Realisasi IKK": rows,
        "Realisasi Anggaran": [{"code": r.code, "name": r.name} for r in plan.ros],
        "Volume RO": [{"code": r.code, "name": r.name} for r in plan.ros],
        "Penjelasan": [],
        "Tahun Lalu": earlier_results(plan),
    }


def earlier_results(plan: Plan) -> list[dict[str, Any]]:
    """This year's result of every IKK (its Target PK, its last realisation reported) after the earlier years
    this year's realisasi.xlsx holds; nothing when it has no realisation."""
    realised = plan.realisation
    if realised is None:
        return []
    rows = [{"ikk": e.ikk, "year": e.year, **_target("target", e.target), **_target("realisation", e.realisation)}
            for e in realised.earlier]
    for ikk in plan.indicators:
        own = next((r for r in realised.ikk if r.ikk == ikk.no and r.component is None), None)
        last = next((v for v in reversed(own.months) if v is not None), None) if own is not None else None
        if last is None:
            continue
        result = Target(last, own.percent, own.places)
        rows.append({"ikk": ikk.no, "year": plan.office.year, **_target("target", ikk.target),
                     **_target("realisation", result)})
    return sorted(rows, key=lambda r: (r["ikk"], r["year"]))


def _opt(text: str) -> str | None:
    """Empty text as an empty cell rather than an empty string."""
    return text or None


def _target(key: str, target: Target | None) -> dict[str, Any]:
    """A target as written to a cell: a percentage goes back as a fraction with a percent format."""
    if target is None:
        return {key: None}
    if target.percent:
        return {key: target.value / 100, f"_{key}_percent": True}
    return {key: target.value}


def _ro_row(ro: Ro, sources: tuple[int, int, int]) -> dict[str, Any]:
    return {
        "code": ro.code, "name": ro.name, "volume": ro.next_volume, "unit": _opt(ro.unit),
        **dict(zip(SOURCE_KEYS, sources, strict=True)), "location": _opt(ro.location),
        "pj": ", ".join(ro.pj) or None, "next_volume": None, "next_amount": None,
    }


def _recomputed_total(stated: dict[str, Any], rows: list[dict[str, Any]]) -> dict[str, Any]:
    """The Jumlah row restated for the new rows: the columns it stated, summed; forward estimates empty."""
    total: dict[str, Any] = {"_total": True}
    for key, value in stated.items():
        if value is None or key in FORWARD_KEYS:
            continue
        total[key] = sum(row.get(key) or 0 for row in rows)
    return total


def todo_list(plan: Plan, year: int, splits: tuple[Split, ...]) -> tuple[Todo, ...]:
    """What the planner still has to fill in, then what to verify, in Bahasa Indonesia."""
    old = plan.office.year
    todo: list[Todo] = []

    def add(kind: str, workbook: str, sheet: str, message: str, subjects: tuple[str, ...] = ()) -> None:
        todo.append(Todo(kind, Location(workbook, sheet), message, subjects))

    amounts = {s.code: s.amount for s in splits}
    scheduled = {s.code for s in plan.schedule}
    missing = tuple(code for code, amount in amounts.items() if amount and code not in scheduled)
    message = (f"isi rencana penarikan 12 bulan untuk {len(plan.schedule)} RO; tiap baris berjumlah "
               f"sama dengan alokasi {year} RO itu di pendanaan.xlsx")
    if missing:
        message += f"; tambahkan baris untuk RO yang belum ada: {', '.join(missing)}"
    add("schedule", "jadwal.xlsx", "Jadwal", message, tuple(s.code for s in plan.schedule) + missing)

    ikks = tuple(dict.fromkeys(m.ikk for m in plan.monthly))
    add("monthly-targets", "kinerja.xlsx", "Target Bulanan",
        f"isi target bulanan {len(ikks)} IKK ({len(plan.monthly)} baris, Jan-Des kumulatif)",
        tuple(str(i) for i in ikks))

    add("forward-estimate", "pendanaan.xlsx", "RO",
        f"isi Prakiraan Maju {year + 1} (Volume Maju, Alokasi Maju) untuk {len(plan.ros)} RO",
        tuple(r.code for r in plan.ros))

    empty = tuple(r.code for r in plan.ros if r.next_amount == 0)
    if empty:
        add("no-forward-estimate", "pendanaan.xlsx", "RO",
            f"RO tanpa prakiraan maju {old + 1}, sehingga volume dan alokasi {year} kosong: "
            f"{', '.join(empty)}; isi atau hapus RO ini (juga di IKK-RO dan Jadwal)", empty)

    split = [s for s in splits if s.basis == "proportional"]
    if split:
        shown = "; ".join(
            f"{s.code} ({', '.join(f'{n} {number(v)}' for n, v in zip(SOURCE_NAMES, s.sources, strict=True) if v)})"
            for s in split
        )
        add("source-split", "pendanaan.xlsx", "RO",
            f"periksa sumber dana {len(split)} RO yang dibagi menurut proporsi RM/PNBP/PHLN {old}: {shown}",
            tuple(s.code for s in split))
    guessed = [s for s in splits if s.basis == "none" and s.amount]
    if guessed:
        add("source-guessed", "pendanaan.xlsx", "RO",
            f"seluruh alokasi {year} dimasukkan ke RM karena tahun {old} tidak punya sumber dana: "
            f"{', '.join(s.code for s in guessed)}; periksa sumbernya", tuple(s.code for s in guessed))
    if plan.ikk_allocations:
        add("ikk-allocation", "pendanaan.xlsx", "Alokasi IKK",
            f"alokasi per IKK tahun {old} dihapus karena alokasi RO berubah; isi lagi bila perlu (opsional)")

    add("realisation", schema.REALISASI.filename, "Realisasi IKK",
        f"isi realisasi {year} setiap bulan (IKK, anggaran, volume RO) dan penjelasan setiap triwulan; ukur dengan "
        f"rkt capaian" + (f"; realisasi {old} sudah masuk sheet Tahun Lalu" if plan.realisation is not None else ""))
    add("pk-target", "kinerja.xlsx", "IKK",
        f"periksa Target PK {len(plan.indicators)} IKK terhadap Perjanjian Kinerja {year} (disalin dari {old})",
        tuple(str(i.no) for i in plan.indicators))
    add("staff", "pegawai.xlsx", "Pegawai",
        f"perbarui {len(plan.staff)} pegawai bila ada mutasi, pensiun atau kenaikan golongan (disalin dari {old})")
    add("identity", "identitas.xlsx", "Identitas",
        f"periksa tanggal penandatanganan (diisi 'Januari {year}') serta nama, NIP dan Plt./Plh. Kepala dan Atasan")
    start, end = period_of(year)
    new_period = period_of(year) != period_of(old)
    add("year-texts", "identitas.xlsx", "Identitas",
        f"periksa teks yang terikat periode {start}-{end}"
        + (f" (periode baru: Periode Renstra, Visi Presiden dan Peraturan Renstra {old} tidak disalin; kosong berarti "
           f"bawaan rkt{'' if start in KNOWN else ', yang hanya menyebut periodenya: isi teks resminya'})"
           if new_period else "") + ", Peraturan Organisasi, Singkatan Unit Organisasi dan Jabatan Atasan")
    if plan.legal_basis:
        add("legal-basis", "identitas.xlsx", "Dasar Hukum",
            f"periksa {len(plan.legal_basis)} dasar hukum (disalin dari {old})"
            + (f", terutama peraturan Renstra periode {start}-{end}" if new_period else ""))
    return tuple(todo)
