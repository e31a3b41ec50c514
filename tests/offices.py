"""Four fixture offices of different shapes, for testing the document's layout and prose across office shapes.

Each function returns the five workbooks' contents in exactly the format of `tests.builders.MINI`
(workbook key -> sheet name -> a dict or a list of row dicts), ready for `write_inputs(folder, data)`.
Every figure agrees with every other: `run_checks(plan_of(office()))` is empty, no error and no
warning. The rows are generated with a fixed seed, so each call gives the same data.

- `small_kelas_ii()`: a small Balai Kelas II (2025, Awal Tahun): 2 wilker, 30 staff, 3 work units,
  2 IKK, 8 RO funded by RM and PNBP only. Short tables, few pages, the narrowest Tabel 3.
- `balai_besar()`: a Balai Besar (2025, Revisi 2, another Direktorat Jenderal): 10 units of six kinds
  (Bagian, Bidang, Seksi, Instalasi, Wilayah Kerja, Kelompok Jabatan Fungsional), 8 wilker, 400 staff
  with PPPK grades I..IX, 9 work units in groups (Tabel 3 at its widest), 6 IKK with components and
  a typed Jumlah row, 21 RO over 7 KRO (one partly PHLN), figures up to 125.400.000 thousand rupiah:
  long tables and the widest numbers.
- `new_period_2026()`: a Balai Kelas I in a new planning period (2026, Awal Tahun, signed
  2 Januari 2026): 3 wilker, 61 staff, 5 work units, a new set of 4 IKK including a count in
  Dokumen, 12 RO.

- `civil_service_2026()`: a Balai Kelas I of 2026 under the Direktorat Jenderal Penanggulangan Penyakit,
  in the civil service's words of today: 12 wilker, 262 staff of whom PPPK and PPPK Paruh Waktu, positions
  typed Pelaksana, a maturity index on a 1-5 scale (3,25), a Plt. head of office and a Plh. superior.
  The three offices above keep the words of earlier versions (ASN, JFU), as old workbooks do.

`OFFICES` names them for parametrised tests. The place names are invented; no real office or head
of office is used. `realisation(plan, through, seed)` writes any of them (or the shipped office) a
fictional realisasi.xlsx near its plan; `balai_besar_year()` is the Balai Besar with a whole year.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from pipeline.checks.common import loose
from pipeline.plan.texts import ORGANISATION_2023

D = Decimal
MONTH_KEYS = tuple(f"m{i:02d}" for i in range(1, 13))
MINISTRY = "Kementerian Kesehatan"
DITJEN_P2P = "Direktorat Jenderal Pencegahan dan Pengendalian Penyakit"
ENTRY = "Kekarantinaan di Pintu Masuk Negara dan Wilayah"

# --- people ----------------------------------------------------------------------------------------

FIRST = ("Andi", "Budi", "Citra", "Dewi", "Eka", "Fajar", "Gita", "Hendra", "Indah", "Joko", "Kurnia", "Lestari",
         "Maya", "Nur", "Oki", "Putri", "Rahmat", "Sari", "Taufik", "Utami", "Vina", "Wahyu", "Yuliana", "Zainal",
         "Agus", "Bayu", "Dian", "Eko", "Fitri", "Hadi", "Irma", "Lina", "Melati", "Nina", "Rina", "Siti", "Tri",
         "Yudi", "Anisa", "Rizki")
MIDDLE = ("Ayu", "Dwi", "Putra", "Sri", "Nurul", "Adi", "Wulan", "Indra", "Puspa", "Rama", "Surya", "Tirta",
          "Kusuma", "Mega", "Bima", "Candra", "Intan", "Jaya", "Laras", "Mulia", "Permata", "Ratna", "Sekar", "Bagus",
          "Cahya", "Dharma", "Galih", "Harum", "Kartika", "Langit", "Mentari", "Nanda", "Pelangi", "Wira", "Yoga")
LAST = ("Siregar", "Nasution", "Harahap", "Lubis", "Hutapea", "Simanjuntak", "Wijaya", "Santoso", "Gunawan",
        "Kusumawati", "Anggraini", "Susilo", "Fitriani", "Pratama", "Saputra", "Hidayat", "Rahman", "Setiawan",
        "Purnomo", "Handayani", "Wibowo", "Permana", "Nugroho", "Kurniawan", "Syahputra", "Hasibuan", "Ramadhan",
        "Firmansyah", "Maulana", "Sitompul", "Panjaitan", "Daulay", "Batubara", "Munthe", "Sembiring", "Ginting",
        "Tarigan", "Sinaga", "Manurung", "Pohan")

# (qualification, degree after the name, level): the level picks plausible grades and positions.
EDUCATIONS = (
    ("S2 Kesehatan Masyarakat", "SKM, MKM", 3), ("S2 Epidemiologi", "SKM, M.Epid", 3),
    ("S2 Kesehatan Lingkungan", "SKM, M.KL", 3), ("S2 Administrasi Publik", "S.Sos, M.AP", 3),
    ("S2 Biomedik", "dr., M.Biomed", 3), ("Dokter", "dr.", 2), ("Ners", "S.Kep, Ns", 2),
    ("S1 Kesehatan Masyarakat", "SKM", 2), ("S1 Keperawatan", "S.Kep", 2), ("S1 Farmasi", "S.Farm", 2),
    ("S1 Biologi", "S.Si", 2), ("S1 Akuntansi", "S.Ak", 2), ("S1 Teknik Informatika", "S.T", 2),
    ("S1 Hukum", "S.H", 2), ("D III Kesehatan Lingkungan", "AMKL", 1), ("D III Keperawatan", "A.Md.Kep", 1),
    ("D III Analis Kesehatan", "A.Md.AK", 1), ("D III Farmasi", "A.Md.Farm", 1),
    ("D III Akuntansi", "A.Md.Ak", 1), ("D III Manajemen Informatika", "A.Md.Kom", 1),
    ("SMA/SMK", "", 0), ("SMP", "", 0),
)
PNS_GRADES = {0: ("II/a", "II/b", "II/c"), 1: ("II/c", "II/d", "III/a", "III/b"),
              2: ("III/a", "III/b", "III/c", "III/d"), 3: ("III/c", "III/d", "IV/a", "IV/b")}
PPPK_LEVEL = {"I": 0, "II": 0, "III": 0, "IV": 0, "V": 1, "VI": 1, "VII": 2, "VIII": 2, "IX": 3}
PPPK_DEFAULT = {0: "IV", 1: "V", 2: "VII", 3: "IX"}
JFT = ("Epidemiolog Kesehatan", "Sanitarian", "Entomolog Kesehatan", "Perawat", "Dokter", "Pranata Laboratorium "
       "Kesehatan", "Administrator Kesehatan", "Penyuluh Kesehatan Masyarakat", "Pranata Komputer", "Apoteker")
JFT_LEVELS = {1: ("Terampil", "Mahir", "Penyelia"), 2: ("Ahli Pertama", "Ahli Muda"), 3: ("Ahli Muda", "Ahli Madya")}
JFU = {0: ("Pengemudi", "Pramu Bakti", "Petugas Keamanan"),
       1: ("Pengadministrasi Umum", "Pengelola Keuangan", "Pengelola Barang Milik Negara"),
       2: ("Analis Kepegawaian", "Penyusun Rencana Kegiatan dan Anggaran", "Analis Keuangan"),
       3: ("Analis Kebijakan", "Penyusun Rencana Kegiatan dan Anggaran")}


def _nip(rng: random.Random, year: int, pppk: bool, used: set[str], born: dt.date | None = None) -> str:
    """A well-formed 18-digit NIP: real birth date, appointed at 19+ and not after `year`, sex 1/2, a sequence.

    PPPK numbers carry 21 in the month digits (13-14) and were appointed from 2019 on.
    """
    while True:
        birth = born or dt.date(1966, 1, 1) + dt.timedelta(days=rng.randint(0, 365 * 33))
        if pppk:
            first = max(birth.year + 19, 2019)
            if first > year - 1:
                continue
            appointed, month = rng.randint(first, year - 1), 21
        else:
            appointed = rng.randint(birth.year + 19, min(birth.year + 32, year))
            month = rng.randint(1, 12)
        nip = f"{birth:%Y%m%d}{appointed:04d}{month:02d}{rng.choice('12')}{rng.randint(1, 999):03d}"
        if nip not in used:
            used.add(nip)
            return nip


def _name(rng: random.Random, degree: str, used: set[str]) -> str:
    while True:
        name = f"{rng.choice(FIRST)} {rng.choice(MIDDLE)} {rng.choice(LAST)}"
        name = f"{name}, {degree}" if degree else name
        if loose(name) not in used:
            used.add(loose(name))
            return name


@dataclass(frozen=True)
class Head:
    name: str
    born: dt.date
    education: str
    grade: str = "IV/b"
    position: str = "Kepala Balai"


@dataclass(frozen=True)
class Roster:
    """Who works in an office: the head, the other structural posts, JFU and JFT staff per work unit."""

    head: Head
    head_unit: str
    structural: tuple[tuple[str, str], ...]  # (position, work unit code)
    jfu: int
    jft: int
    pppk: int
    jfu_units: tuple[str, ...]
    jft_units: tuple[str, ...]
    educations: tuple[tuple[str, str, int], ...]
    pppk_grades: tuple[str, ...] = ("V", "VII", "IX")
    part_time: int = 0  # of the `pppk`, how many are PPPK Paruh Waktu
    pns: str = "ASN"  # the word the roster uses for a PNS: ASN in workbooks of earlier versions
    pelaksana: str = "JFU"  # the word the roster uses for a Pelaksana position: JFU in earlier versions


def _staff(rng: random.Random, year: int, roster: Roster) -> list[dict]:
    names: set[str] = set()
    nips: set[str] = set()
    head = roster.head
    degree = next(d for e, d, _ in roster.educations if e == head.education)
    head_name = f"{head.name}, {degree}" if degree and "," not in head.name else head.name
    names.add(loose(head_name))
    staff = [{"nip": _nip(rng, year, False, nips, head.born), "name": head_name, "status": roster.pns,
              "position_type": "Struktural", "position": head.position, "grade": head.grade,
              "education": head.education, "unit": roster.head_unit}]
    senior = [e for e in roster.educations if e[2] >= 2]
    for position, unit in roster.structural:
        education, degree, level = rng.choice(senior)
        staff.append({"nip": _nip(rng, year, False, nips), "name": _name(rng, degree, names), "status": roster.pns,
                      "position_type": "Struktural", "position": position,
                      "grade": rng.choice(("III/d", "IV/a", "IV/b")), "education": education, "unit": unit})
    # PPPK staff are spread over the JFU and JFT rows; their grades cycle through `pppk_grades`.
    # The lowest grades (I-IV, no diploma) go to JFU rows, the others to any row.
    total = roster.jfu + roster.jft
    grades = [roster.pppk_grades[i % len(roster.pppk_grades)] for i in range(roster.pppk)]
    low = [g for g in grades if PPPK_LEVEL[g] == 0]
    low_rows = rng.sample(range(roster.jfu), len(low))
    other_rows = rng.sample([i for i in range(total) if i not in low_rows], len(grades) - len(low))
    pppk_grade = dict(zip(low_rows, low, strict=True)) | dict(
        zip(other_rows, [g for g in grades if PPPK_LEVEL[g] > 0], strict=True))
    part_time = set(rng.sample(sorted(pppk_grade), roster.part_time)) if roster.part_time else set()
    by_level = {lv: [e for e in roster.educations if e[2] == lv] for lv in range(4)}
    for i in range(total):
        jft = i >= roster.jfu
        pppk = i in pppk_grade
        if pppk:
            grade = pppk_grade[i]
            level = PPPK_LEVEL[grade]
        else:
            level = rng.choice((1, 2, 2, 3) if jft else (0, 1, 1, 2))
            grade = rng.choice(PNS_GRADES[level])
        pool = by_level[level] or by_level[min(lv for lv in by_level if by_level[lv] and lv >= level)]
        education, degree, _ = rng.choice(pool)
        if jft:
            position = f"{rng.choice(JFT)} {rng.choice(JFT_LEVELS[max(level, 1)])}"
            unit = rng.choice(roster.jft_units)
        else:
            position, unit = rng.choice(JFU[level]), rng.choice(roster.jfu_units)
        staff.append({"nip": _nip(rng, year, pppk, nips), "name": _name(rng, degree, names),
                      "status": ("PPPK Paruh Waktu" if i in part_time else "PPPK") if pppk else roster.pns,
                      "position_type": "JFT" if jft else roster.pelaksana,
                      "position": position, "grade": grade, "education": education, "unit": unit})
    return staff


# --- money -----------------------------------------------------------------------------------------

KROS = {
    "QAH": "Pelayanan publik lainnya",
    "PEA": "Koordinasi",
    "PBD": "Sosialisasi dan Diseminasi",
    "RAB": "Sarana Bidang Kesehatan",
    "EBA": "Layanan Dukungan Manajemen Internal",
    "EBB": "Layanan Sarana dan Prasarana Internal",
    "EBD": "Layanan Manajemen Kinerja Internal",
}
# code -> (name, unit of measure)
RO_CATALOGUE = {
    "QAH.017": ("Layanan pemeriksaan orang, barang, alat angkut", "Layanan"),
    "QAH.U07": ("Layanan pengendalian faktor risiko lingkungan di pintu masuk", "Layanan"),
    "QAH.U14": ("Layanan survei faktor risiko penyakit HIV AIDS", "Layanan"),
    "QAH.U15": ("Layanan survei faktor risiko penyakit malaria", "Layanan"),
    "QAH.U16": ("Layanan survei faktor risiko penyakit TB", "Layanan"),
    "QAH.U18": ("Layanan survei vektor dan binatang pembawa penyakit", "Layanan"),
    "QAH.U20": ("Layanan vaksinasi internasional dan penerbitan sertifikat", "Orang"),
    "QAH.U21": ("Layanan penerbitan dokumen kesehatan alat angkut", "Dokumen"),
    "QAH.951": ("Pelayanan kesehatan haji di embarkasi dan debarkasi", "Orang"),
    "QAH.953": ("Layanan laboratorium kesehatan masyarakat pintu masuk", "Layanan"),
    "PEA.001": ("Koordinasi lintas sektor kekarantinaan kesehatan", "Kegiatan"),
    "PEA.U02": ("Koordinasi kesiapsiagaan penanggulangan kejadian luar biasa", "Kegiatan"),
    "PBD.001": ("Sosialisasi kekarantinaan kesehatan kepada masyarakat pelabuhan", "Kegiatan"),
    "RAB.001": ("Alat kesehatan untuk pemeriksaan di pintu masuk", "Unit"),
    "RAB.U03": ("Kendaraan pelayanan kesehatan pintu masuk", "Unit"),
    "EBA.956": ("Layanan BMN", "Layanan"),
    "EBA.958": ("Layanan Hubungan Masyarakat", "Layanan"),
    "EBA.960": ("Layanan Organisasi dan Tata Kelola Internal", "Layanan"),
    "EBA.962": ("Layanan Umum", "Layanan"),
    "EBA.994": ("Layanan Perkantoran", "Layanan"),
    "EBB.951": ("Layanan Sarana Internal", "Unit"),
    "EBB.971": ("Layanan Prasarana Internal", "Paket"),
    "EBD.952": ("Layanan Perencanaan dan Penganggaran", "Dokumen"),
    "EBD.953": ("Layanan Pemantauan dan Evaluasi", "Dokumen"),
    "EBD.955": ("Layanan Manajemen Keuangan", "Dokumen"),
}


@dataclass(frozen=True)
class Funding:
    """One RO: its code, sources (thousand rupiah), PJ and the IKKs it serves."""

    code: str
    rm: int
    pnbp: int = 0
    phln: int = 0
    pj: tuple[str, ...] = ()
    ikks: tuple[int, ...] = ()
    wide: bool = False  # located in every wilker ("N wilker")


def _split(rng: random.Random, amount: int, quiet_months: float = 0.15) -> list[int]:
    """Twelve whole months adding up to `amount`; some months empty, the largest takes the remainder."""
    weights = [0.0 if rng.random() < quiet_months else rng.uniform(0.3, 1.0) for _ in range(12)]
    if not any(weights):
        weights[11] = 1.0
    months = [int(amount * w / sum(weights)) for w in weights]
    months[max(range(12), key=lambda m: weights[m])] += amount - sum(months)
    return months


def _funding(rng: random.Random, plan: Sequence[Funding], wilker: int) -> tuple[list, list, list, list]:
    """The KRO, RO, IKK-RO and Jadwal rows of `plan` (no typed Jumlah rows)."""
    ros, links, schedule = [], [], []
    for f in plan:
        name, unit = RO_CATALOGUE[f.code]
        amount = f.rm + f.pnbp + f.phln
        volume = {"Layanan": 12, "Dokumen": rng.randint(2, 6), "Unit": rng.randint(1, 8),
                  "Paket": 1, "Kegiatan": rng.randint(2, 10)}.get(unit) or rng.randint(150, 4000)
        ros.append({"code": f.code, "name": name, "volume": volume, "unit": unit, "rm": f.rm, "pnbp": f.pnbp,
                    "phln": f.phln, "location": f"{wilker} wilker" if f.wide else None, "pj": ", ".join(f.pj),
                    "next_volume": max(1, volume + rng.randint(0, volume // 5)),
                    "next_amount": amount + amount * rng.randint(0, 12) // 100})
        for ikk in f.ikks:
            links.append({"ikk": ikk, "code": f.code, "name": name if rng.random() < 0.3 else None})
        schedule.append({"code": f.code, "name": name if rng.random() < 0.6 else None,
                         **dict(zip(MONTH_KEYS, _split(rng, amount), strict=True))})
    kros = [{"code": code, "name": name} for code, name in KROS.items() if any(f.code[:3] == code for f in plan)]
    links.sort(key=lambda link: link["ikk"])
    return kros, ros, links, schedule


# --- targets ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Ikk:
    """One IKK: its own monthly series (`own`), its components (name, December value or None), the rest."""

    name: str
    unit: str
    target: Decimal  # Persen on the 0-1 scale (typed as a percentage)
    goal: int = 1
    definition: str = ""
    own: bool = True
    components: tuple[tuple[str, int], ...] = ()
    absolute: bool = False  # components carry a Target Absolut; the IKK's is their sum
    sum_label: str | None = None  # adds a typed Jumlah row of the components
    scale: str | None = None  # Skala, when declared (an index of 1-5)

    @property
    def percent(self) -> bool:
        return self.unit == "Persen"


def _cumulative(rng: random.Random, end: int, late: bool = False) -> list[int | None]:
    """A non-decreasing monthly series of whole numbers ending exactly at `end` (empty months first if `late`)."""
    start = rng.randint(1, 3) if late else 0
    cuts = sorted(rng.randint(end // 20, end) for _ in range(11 - start))
    return [None] * start + [*cuts, end]


def _ramp(rng: random.Random, end: Decimal, step: Decimal) -> list[Decimal]:
    """A non-decreasing series from about a fifth (or all) of `end` up to `end` in December, rounded to `step`."""
    start = end if rng.random() < 0.2 else end * D(rng.randint(15, 60)) / 100
    values = [(start + (end - start) * m / 11).quantize(step) for m in range(11)]
    return [min(v, end) for v in values] + [end]


def _targets(rng: random.Random, indicators: Sequence[Ikk]) -> tuple[list, list]:
    rows, monthly = [], []
    for no, ikk in enumerate(indicators, start=1):
        comps = [(name, _cumulative(rng, end, late=rng.random() < 0.25)) for name, end in ikk.components]
        absolute = D(sum(s[-1] for _, s in comps)) if ikk.absolute else None
        rows.append({"no": no, "goal": ikk.goal, "name": ikk.name, "definition": ikk.definition,
                     "target": ikk.target, **({"_target_percent": True} if ikk.percent else {}), "unit": ikk.unit,
                     "absolute": absolute, "sum_label": ikk.sum_label, **({"scale": ikk.scale} if ikk.scale else {})})
        if ikk.own:
            if ikk.percent:
                values = [v / 100 for v in _ramp(rng, ikk.target * 100, D(1))]
                marks = {f"_{k}_percent": True for k in MONTH_KEYS}
            else:
                step = D(1) if ikk.target == ikk.target.to_integral_value() else D("0.01")
                values, marks = _ramp(rng, ikk.target, step), {}
            monthly.append({"ikk": no, "component": None, "name": None,
                            **dict(zip(MONTH_KEYS, values, strict=True)), **marks})
        for c, (name, series) in enumerate(comps, start=1):
            monthly.append({"ikk": no, "component": c, "name": name,
                            "absolute": D(series[-1]) if ikk.absolute else None,
                            **{k: None if v is None else D(v) for k, v in zip(MONTH_KEYS, series, strict=True)}})
        if ikk.sum_label and comps:
            sums = [D(sum(s[m] or 0 for _, s in comps)) for m in range(12)]
            monthly.append({"ikk": no, "component": "Jumlah", "name": ikk.sum_label, "absolute": absolute,
                            **dict(zip(MONTH_KEYS, sums, strict=True))})
    return rows, monthly


# --- the office ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Office:
    """What differs between fixture offices; `_assemble` turns it into the five workbooks."""

    seed: str
    name: str
    short: str
    place: str
    address: str
    postcode: str
    phone: str
    fax: str
    year: int
    edition: str
    sign_date: str
    units: tuple[tuple[str, str, str], ...]  # (name, kind, duty)
    wilker: tuple[str, ...]
    work_units: tuple[tuple[str, str, str | None], ...]  # (code, name, group)
    pjs: tuple[str, ...]
    roster: Roster
    funding: tuple[Funding, ...]
    goals: tuple[str, ...]
    indicators: tuple[Ikk, ...]
    parent_unit: str = DITJEN_P2P
    superior: tuple[str, str] = ("dr. Rina Kartika, MKM", "197203152000032001")  # the PK's second party
    acting: tuple[str, str] = ("", "")  # Plt./Plh. of the head and of the superior
    programs: tuple[tuple[str, str], ...] = (
        ("Pencegahan dan Pengendalian Penyakit", "Meningkatnya upaya pencegahan dan pengendalian penyakit"),
        ("Dukungan Manajemen", "Meningkatnya koordinasi pelaksanaan tugas dan dukungan manajemen"),
    )
    activities: tuple[tuple[str, str], ...] = (
        ("Dukungan Pelayanan " + ENTRY, "Meningkatnya pelayanan " + ENTRY.lower()),
    )


# The national texts of 2025-2029 as a planner types them: rkt knows no wording for that period.
NATIONAL_2025 = {
    "vision": "Bersama Indonesia Maju Menuju Indonesia Emas 2045",
    "renstra_regulation": "Peraturan Menteri Kesehatan tentang Rencana Strategis Kementerian Kesehatan Tahun 2025-2029",
    "organisation_regulation": ORGANISATION_2023,
}


def _assemble(o: Office) -> dict:
    rng = random.Random(o.seed)
    staff = _staff(rng, o.year, o.roster)
    head = staff[0]
    kros, ros, links, schedule = _funding(rng, o.funding, len(o.wilker))
    indicators, monthly = _targets(rng, o.indicators)
    used = {e["education"] for e in staff}
    educations = [e for e, _, _ in o.roster.educations if e in used]
    return {
        "identitas": {
            "Identitas": {
                "office_name": o.name, "office_short": o.short, "address": o.address, "postcode": o.postcode,
                "phone": o.phone, "fax": o.fax, "year": o.year, "edition": o.edition, "ministry": MINISTRY,
                "parent_unit": o.parent_unit, "head_name": head["name"], "head_nip": head["nip"],
                "head_title": f"Kepala {o.name}", "sign_place": o.place, "sign_date": o.sign_date,
                "superior_name": o.superior[0], "superior_nip": o.superior[1], **NATIONAL_2025,
                **({"head_acting": o.acting[0]} if o.acting[0] else {}),
                **({"superior_acting": o.acting[1]} if o.acting[1] else {}),
            },
            "Unit": [{"no": i, "name": n, "kind": k, "duty": d} for i, (n, k, d) in enumerate(o.units, start=1)],
            "Wilker": [{"no": i, "name": w} for i, w in enumerate(o.wilker, start=1)],
            "Unit Kerja": [{"code": c, "name": n, "group": g} for c, n, g in o.work_units],
            "PJ": [{"name": p} for p in o.pjs],
            "Program": [{"program": p, "goal": g} for p, g in o.programs],
            "Kegiatan": [{"activity": a, "goal": g} for a, g in o.activities],
        },
        "pegawai": {
            "Pegawai": staff,
            "Pendidikan": [{"no": i, "name": e} for i, e in enumerate(educations, start=1)],
        },
        "kinerja": {
            "Sasaran": [{"no": i, "name": g} for i, g in enumerate(o.goals, start=1)],
            "IKK": indicators,
            "Target Bulanan": monthly,
        },
        "pendanaan": {"KRO": kros, "RO": ros, "IKK-RO": links},
        "jadwal": {"Jadwal": schedule},
    }


SUBBAG = ("Subbagian Administrasi Umum", "Subbagian",
          "melakukan koordinasi penyusunan rencana, program, anggaran, urusan kepegawaian, keuangan, tata usaha "
          "dan rumah tangga")
INSTALASI = ("Instalasi", "Instalasi", "unit pelayanan non struktural yang menyediakan fasilitas pelayanan")
WILKER = ("Wilayah Kerja", "Wilayah Kerja", "unit pelayanan di pintu masuk negara dan wilayah")
KJF = ("Kelompok Jabatan Fungsional", "Kelompok Jabatan Fungsional",
       "memberikan pelayanan fungsional sesuai dengan bidang keahlian dan keterampilannya")
GOAL = "Meningkatnya pelayanan " + ENTRY.lower()
DETEKSI = "Indeks deteksi faktor risiko di pelabuhan/bandara/PLBDN"
REALISASI = "Persentase realisasi anggaran"


def small_kelas_ii() -> dict:
    """A small Balai Kelas II: 2 wilker, 30 staff, 3 work units, 2 IKK, 8 RO funded by RM and PNBP."""
    place = "Tanjung Harapan"
    both = (1, 2)
    return _assemble(Office(
        seed="small-kelas-ii-2025", name=f"Balai Kekarantinaan Kesehatan Kelas II {place}",
        short=f"BKK Kelas II {place}", place=place,
        address=f"Jl. Dermaga Lama No. 7, Kota {place}", postcode="97712", phone="0921-311204", fax="0921-311205",
        year=2025, edition="Awal Tahun", sign_date="Januari 2025",
        units=(SUBBAG, INSTALASI, WILKER, KJF),
        wilker=(f"Pelabuhan Laut {place}", "Bandara Pulau Seribu Bintang"),
        work_units=(("TU", "Tata Usaha", None), ("KSE", "Karantina dan Surveilans Epidemiologi", None),
                    ("PRL", "Pengendalian Risiko Lingkungan", None)),
        pjs=("Subbag Adum", "Substansi KSE", "Substansi PRL"),
        roster=Roster(
            head=Head("Hendra Kusuma Wardhana", dt.date(1974, 3, 9), "S2 Kesehatan Masyarakat"),
            head_unit="TU", structural=(("Kepala Subbagian Administrasi Umum", "TU"),),
            jfu=9, jft=19, pppk=3, jfu_units=("TU",), jft_units=("KSE", "PRL"),
            educations=tuple(e for e in EDUCATIONS if e[0] in (
                "S2 Kesehatan Masyarakat", "S2 Epidemiologi", "Dokter", "S1 Kesehatan Masyarakat", "S1 Keperawatan",
                "S1 Akuntansi", "D III Kesehatan Lingkungan", "D III Keperawatan", "D III Akuntansi", "SMA/SMK")),
            pppk_grades=("IV", "V", "VII")),
        funding=(
            Funding("QAH.017", 0, 486_250, pj=("Substansi KSE", "Substansi PRL"), ikks=both, wide=True),
            Funding("QAH.U07", 118_400, 12_600, pj=("Substansi PRL",), ikks=both, wide=True),
            Funding("QAH.U14", 36_900, 0, pj=("Substansi KSE",), ikks=both),
            Funding("QAH.U18", 54_280, 3_720, pj=("Substansi PRL",), ikks=both, wide=True),
            Funding("QAH.U21", 0, 97_450, pj=("Substansi KSE",), ikks=both),
            Funding("EBA.994", 2_412_660, 0, pj=("Subbag Adum",), ikks=(2,)),
            Funding("EBA.956", 64_300, 0, pj=("Subbag Adum",), ikks=(2,)),
            Funding("EBD.952", 42_180, 0, pj=("Subbag Adum",), ikks=(2,)),
        ),
        goals=(GOAL,),
        indicators=(
            Ikk(DETEKSI, "Indeks", D("0.99"), definition="Status kinerja deteksi dini faktor risiko penyakit",
                own=False, absolute=True,
                components=(("Orang yang diperiksa sesuai standar", 38_420), ("Alat angkut yang diperiksa", 2_150),
                            ("Barang yang diperiksa", 640))),
            Ikk(REALISASI, "Persen", D("0.96"), definition="Anggaran yang direalisasikan dibanding pagu"),
        ),
    ))


def balai_besar() -> dict:
    """A Balai Besar: 10 units of six kinds, 8 wilker, ~400 staff, 9 work units, 6 IKK, 21 RO, wide figures."""
    place = "Teluk Permata"
    seksi = "melakukan penyiapan bahan perencanaan, pelaksanaan, pemantauan dan evaluasi di bidang "
    adm = ("Bagian Umum",)
    kar, prl = ("Bidang Kekarantinaan",), ("Bidang PRL dan KLW",)
    educations = EDUCATIONS
    return _assemble(Office(
        seed="balai-besar-2025-r2", name=f"Balai Besar Kekarantinaan Kesehatan {place}", short=f"BBKK {place}",
        place=place, address=f"Jl. Laksamana Samudra No. 118, Kelurahan Pasar Ikan, Kota {place}",
        postcode="20111", phone="061-4150112", fax="061-4150113",
        year=2025, edition="Revisi 2", sign_date="14 Agustus 2025",
        parent_unit="Direktorat Jenderal Penanggulangan Penyakit",
        units=(
            ("Bagian Umum", "Bagian", "melakukan koordinasi penyusunan rencana, program, anggaran, kepegawaian, "
             "keuangan, hukum, organisasi, tata usaha dan rumah tangga"),
            ("Bidang Kekarantinaan dan Surveilans Epidemiologi", "Bidang",
             "melaksanakan kekarantinaan dan surveilans epidemiologi di pintu masuk"),
            ("Bidang Pengendalian Risiko Lingkungan dan Kesehatan Lintas Wilayah", "Bidang",
             "melaksanakan pengendalian risiko lingkungan dan kesehatan lintas wilayah"),
            ("Seksi Kekarantinaan", "Seksi", seksi + "kekarantinaan"),
            ("Seksi Surveilans Epidemiologi", "Seksi", seksi + "surveilans epidemiologi"),
            ("Seksi Pengendalian Risiko Lingkungan", "Seksi", seksi + "pengendalian risiko lingkungan"),
            ("Seksi Kesehatan Lintas Wilayah", "Seksi", seksi + "kesehatan lintas wilayah"),
            INSTALASI, WILKER, KJF,
        ),
        wilker=("Pelabuhan Utama Teluk Permata", "Bandara Internasional Cakrawala", "Pelabuhan Tanjung Kelapa",
                "Pelabuhan Sungai Lebar", "Pelabuhan Pulau Rindang", "Bandara Tanah Tinggi",
                "PLBDN Batu Tegak", "Pelabuhan Perikanan Samudra"),
        work_units=(
            ("ADM", "Administrasi Umum dan Kepegawaian", "Bagian Umum"),
            ("KEU", "Keuangan dan Barang Milik Negara", "Bagian Umum"),
            ("KAR", "Kekarantinaan", "Bidang Kekarantinaan"),
            ("SE", "Surveilans Epidemiologi", "Bidang Kekarantinaan"),
            ("PRL", "Pengendalian Risiko Lingkungan", "Bidang PRL dan KLW"),
            ("KLW", "Kesehatan Lintas Wilayah", "Bidang PRL dan KLW"),
            ("UKP", "Upaya Kesehatan Pelabuhan", None),
            ("LAB", "Laboratorium Kesehatan Masyarakat", None),
            ("TI", "Teknologi Informasi", None),
        ),
        pjs=(*adm, *kar, *prl, "Instalasi Laboratorium"),
        roster=Roster(
            head=Head("Wiratama Surya Adiguna", dt.date(1970, 11, 23), "S2 Epidemiologi", grade="IV/c",
                      position="Kepala Balai Besar"),
            head_unit="ADM",
            structural=(("Kepala Bagian Umum", "ADM"),
                        ("Kepala Bidang Kekarantinaan dan Surveilans Epidemiologi", "KAR"),
                        ("Kepala Bidang Pengendalian Risiko Lingkungan dan Kesehatan Lintas Wilayah", "PRL"),
                        ("Kepala Seksi Kekarantinaan", "KAR"), ("Kepala Seksi Surveilans Epidemiologi", "SE"),
                        ("Kepala Seksi Pengendalian Risiko Lingkungan", "PRL"),
                        ("Kepala Seksi Kesehatan Lintas Wilayah", "KLW")),
            jfu=96, jft=296, pppk=54, jfu_units=("ADM", "ADM", "KEU", "TI"),
            jft_units=("KAR", "KAR", "SE", "PRL", "PRL", "KLW", "UKP", "LAB", "TI"),
            educations=educations,
            pppk_grades=("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX")),
        funding=(
            Funding("QAH.017", 0, 18_694_320, pj=(*kar, *prl), ikks=(1, 2, 6), wide=True),
            Funding("QAH.U07", 4_218_600, 1_905_250, pj=prl, ikks=(2, 6), wide=True),
            Funding("QAH.U14", 412_880, 0, pj=kar, ikks=(1, 6)),
            Funding("QAH.U15", 388_140, 0, pj=kar, ikks=(1, 6)),
            Funding("QAH.U16", 402_775, 0, pj=kar, ikks=(1, 6)),
            Funding("QAH.U18", 2_960_400, 1_120_000, pj=prl, ikks=(2, 6), wide=True),
            Funding("QAH.U20", 0, 10_420_435, pj=kar, ikks=(1, 3, 6), wide=True),
            Funding("QAH.U21", 0, 7_846_090, pj=kar, ikks=(1, 6)),
            Funding("QAH.951", 24_870_000, 0, pj=kar, ikks=(3, 6)),
            Funding("QAH.953", 6_125_300, 2_450_000, 3_200_000, pj=("Instalasi Laboratorium",), ikks=(1, 3, 6)),
            Funding("PEA.001", 1_240_458, 0, pj=adm, ikks=(3, 6)),
            Funding("PEA.U02", 962_500, 0, pj=kar, ikks=(3, 6)),
            Funding("PBD.001", 845_200, 0, pj=prl, ikks=(2, 6)),
            Funding("RAB.001", 15_600_000, 0, pj=("Instalasi Laboratorium",), ikks=(1, 6)),
            Funding("RAB.U03", 8_450_000, 0, pj=adm, ikks=(3, 6)),
            Funding("EBA.994", 125_400_000, 0, pj=adm, ikks=(4, 5, 6)),
            Funding("EBA.956", 2_145_900, 0, pj=adm, ikks=(4, 6)),
            Funding("EBA.962", 3_984_120, 0, pj=adm, ikks=(4, 6)),
            Funding("EBB.951", 12_750_000, 0, pj=adm, ikks=(4, 6)),
            Funding("EBD.952", 845_310, 0, pj=adm, ikks=(5, 6)),
            Funding("EBD.955", 1_108_640, 0, pj=adm, ikks=(5, 6)),
        ),
        goals=(GOAL, "Meningkatnya tata kelola dan dukungan manajemen balai besar"),
        indicators=(
            Ikk(DETEKSI, "Indeks", D("0.99"), definition="Status kinerja deteksi dini faktor risiko penyakit di "
                "pintu masuk negara", own=False, absolute=True,
                sum_label="Jumlah faktor risiko yang dideteksi pada seluruh komponen",
                components=(("Orang yang diperiksa sesuai standar", 1_152_699),
                            ("Alat angkut yang diperiksa sesuai standar", 48_230),
                            ("Barang dan bahan berbahaya yang diperiksa", 12_845),
                            ("Sampel lingkungan yang diperiksa laboratorium", 3_620))),
            Ikk("Indeks pengendalian faktor risiko di pelabuhan/bandara/PLBDN", "Indeks", D("0.95"),
                definition="Faktor risiko yang dikendalikan dibanding yang ditemukan", own=False, absolute=True,
                components=(("Faktor risiko lingkungan yang dikendalikan", 8_450),
                            ("Vektor dan binatang pembawa penyakit yang dikendalikan", 2_315),
                            ("Tempat dan fasilitas umum yang memenuhi syarat", 1_240))),
            Ikk("Persentase respon sinyal kewaspadaan dini penyakit kurang dari 24 jam", "Persen", D("0.97"),
                definition="Sinyal kewaspadaan dini yang direspon kurang dari 24 jam"),
            Ikk("Nilai kinerja anggaran", "Nilai", D("87.5"), goal=2,
                definition="Nilai kinerja pelaksanaan anggaran menurut aplikasi SMART DJA",
                components=(("Capaian output", 95), ("Efisiensi", 80))),
            Ikk(REALISASI, "Persen", D("0.96"), goal=2, definition="Anggaran yang direalisasikan dibanding pagu"),
            Ikk("Nilai indeks kepuasan pengguna layanan", "Nilai", D("85.25"), goal=2,
                definition="Nilai survei kepuasan masyarakat atas layanan kekarantinaan"),
        ),
    ))


def new_period_2026() -> dict:
    """A Balai Kelas I in a new planning period: 2026, 3 wilker, ~60 staff, a new set of 4 IKK, 12 RO."""
    place = "Muara Sentosa"
    pj_kar, pj_prl, pj_adm = "Substansi PKSE", "Substansi PRL dan KLW", "Subbag Adum"
    return _assemble(Office(
        seed="kelas-i-2026", name=f"Balai Kekarantinaan Kesehatan Kelas I {place}", short=f"BKK Kelas I {place}",
        place=place, address=f"Jl. Pelabuhan Baru No. 3, Kecamatan Muara, Kabupaten {place}", postcode="65231",
        phone="0341-702126", fax="0341-702127", year=2026, edition="Awal Tahun", sign_date="2 Januari 2026",
        units=(SUBBAG, INSTALASI, WILKER, KJF),
        wilker=(f"Pelabuhan {place}", "Bandara Angin Timur", "PLBDN Sungai Jernih"),
        work_units=(("TU", "Tata Usaha", None),
                    ("PKSE", "Pengendalian Karantina dan Surveilans Epidemiologi", None),
                    ("PRL", "Pengendalian Risiko Lingkungan", "PRL dan KLW"),
                    ("KLW", "Kesehatan Lintas Wilayah", "PRL dan KLW"),
                    ("UKP", "Upaya Kesehatan Pelabuhan", None)),
        pjs=(pj_adm, pj_kar, pj_prl),
        roster=Roster(
            head=Head("Ratna Sekar Kinanti", dt.date(1976, 6, 2), "S2 Kesehatan Lingkungan", grade="IV/b"),
            head_unit="TU", structural=(("Kepala Subbagian Administrasi Umum", "TU"),),
            jfu=14, jft=45, pppk=8, jfu_units=("TU",), jft_units=("PKSE", "PKSE", "PRL", "KLW", "UKP"),
            educations=tuple(e for e in EDUCATIONS if e[2] > 0 or e[0] == "SMA/SMK"),
            pppk_grades=("V", "VII", "IX", "VI")),
        funding=(
            Funding("QAH.017", 0, 2_745_300, pj=(pj_kar, pj_prl), ikks=(1, 2), wide=True),
            Funding("QAH.U07", 642_800, 215_000, pj=(pj_prl,), ikks=(1,), wide=True),
            Funding("QAH.U15", 184_620, 0, pj=(pj_kar,), ikks=(1,)),
            Funding("QAH.U20", 0, 1_318_450, pj=(pj_kar,), ikks=(2, 3)),
            Funding("QAH.U21", 0, 906_275, pj=(pj_kar,), ikks=(3,), wide=True),
            Funding("QAH.951", 1_520_000, 0, pj=(pj_kar,), ikks=(2,)),
            Funding("PEA.U02", 248_900, 0, pj=(pj_kar, pj_adm), ikks=(1,)),
            Funding("PBD.001", 175_400, 0, pj=(pj_prl,), ikks=(1, 2)),
            Funding("EBA.994", 6_184_500, 0, pj=(pj_adm,), ikks=(4,)),
            Funding("EBA.962", 412_360, 0, pj=(pj_adm,), ikks=(4,)),
            Funding("EBB.971", 2_450_000, 0, pj=(pj_adm,), ikks=(4,)),
            Funding("EBD.953", 96_480, 0, pj=(pj_adm,), ikks=(4,)),
        ),
        goals=("Meningkatnya kapasitas kekarantinaan kesehatan di pintu masuk negara",
               "Meningkatnya tata kelola kantor yang akuntabel"),
        indicators=(
            Ikk("Indeks kapasitas inti kekarantinaan kesehatan di pintu masuk", "Indeks", D("0.92"),
                definition="Kapasitas inti pintu masuk menurut penilaian mandiri", own=False, absolute=True,
                components=(("Pintu masuk yang dinilai kapasitas intinya", 3),
                            ("Sarana pemeriksaan yang memenuhi standar", 46),
                            ("Petugas yang terlatih kesiapsiagaan", 128))),
            Ikk("Persentase pelaku perjalanan yang diskrining sesuai standar", "Persen", D("0.98"),
                definition="Pelaku perjalanan yang diskrining dibanding yang datang"),
            Ikk("Jumlah dokumen kesehatan alat angkut yang diterbitkan", "Dokumen", D(12_500),
                definition="Dokumen kesehatan kapal dan pesawat yang diterbitkan"),
            Ikk("Nilai kinerja organisasi", "Nilai", D(90), goal=2,
                definition="Nilai reformasi birokrasi dan kinerja anggaran kantor"),
        ),
    ))


DITJEN_P2 = "Direktorat Jenderal Penanggulangan Penyakit"  # the parent unit after the 2024-2025 reorganisation


def civil_service_2026() -> dict:
    """A Balai Kelas I of 2026 in today's words: 12 wilker, 262 staff (PNS, PPPK and PPPK Paruh Waktu, typed
    Pelaksana, not JFU), a maturity index on a 1-5 scale (3,25), a Plt. head and a Plh. Director General."""
    place = "Selat Biru"
    pj_kar, pj_prl, pj_adm = "Substansi PKSE", "Substansi PRL dan KLW", "Subbag Adum"
    return _assemble(Office(
        seed="kelas-i-2026-asn", name=f"Balai Kekarantinaan Kesehatan Kelas I {place}", short=f"BKK Kelas I {place}",
        place=place, address=f"Jl. Dermaga Utama No. 12, Kota {place}", postcode="29411",
        phone="0771-330126", fax="0771-330127", year=2026, edition="Awal Tahun", sign_date="5 Januari 2026",
        units=(SUBBAG, INSTALASI, WILKER, KJF),
        wilker=(f"Pelabuhan {place}", "Bandara Raja Samudra", "Pelabuhan Tanjung Karang Laut", "Pelabuhan Pulau Sirih",
                "Pelabuhan Teluk Damar", "PLBN Batas Utara", "Pelabuhan Sungai Emas", "Bandara Awan Putih",
                "Pelabuhan Kuala Rindu", "Pelabuhan Pasir Panjang", "Pelabuhan Tanjung Lada", "Pelabuhan Karang Asri"),
        work_units=(("TU", "Tata Usaha", None),
                    ("PKSE", "Pengendalian Karantina dan Surveilans Epidemiologi", None),
                    ("PRL", "Pengendalian Risiko Lingkungan", "PRL dan KLW"),
                    ("KLW", "Kesehatan Lintas Wilayah", "PRL dan KLW"),
                    ("UKP", "Upaya Kesehatan Pelabuhan", None),
                    ("LAB", "Laboratorium Kesehatan", None)),
        pjs=(pj_adm, pj_kar, pj_prl),
        roster=Roster(
            head=Head("Dewi Laras Nasution", dt.date(1978, 3, 14), "S2 Kesehatan Masyarakat", grade="IV/a",
                      position="Kepala Subbagian Administrasi Umum"),
            head_unit="TU", structural=(("Koordinator Substansi Pelayanan", "TU"),),
            jfu=70, jft=190, pppk=82, part_time=18, jfu_units=("TU", "TU", "UKP"),
            jft_units=("PKSE", "PKSE", "PRL", "KLW", "UKP", "LAB"),
            educations=EDUCATIONS, pppk_grades=("V", "VII", "IX", "IV", "VI"), pns="PNS", pelaksana="Pelaksana"),
        funding=(
            Funding("QAH.017", 0, 3_845_300, pj=(pj_kar, pj_prl), ikks=(1, 2), wide=True),
            Funding("QAH.U07", 842_800, 315_000, pj=(pj_prl,), ikks=(1,), wide=True),
            Funding("QAH.U20", 0, 1_918_450, pj=(pj_kar,), ikks=(2,)),
            Funding("QAH.951", 2_120_000, 0, pj=(pj_kar,), ikks=(2,)),
            Funding("EBA.994", 9_184_500, 0, pj=(pj_adm,), ikks=(3,)),
            Funding("EBA.962", 512_360, 0, pj=(pj_adm,), ikks=(3,)),
            Funding("EBB.971", 3_450_000, 0, pj=(pj_adm,), ikks=(3,)),
        ),
        goals=("Meningkatnya kapasitas kekarantinaan kesehatan di pintu masuk negara",
               "Meningkatnya tata kelola kantor yang akuntabel"),
        indicators=(
            Ikk("Persentase pelaku perjalanan yang diskrining sesuai standar", "Persen", D("0.97"),
                definition="Pelaku perjalanan yang diskrining dibanding yang datang"),
            Ikk("Jumlah dokumen kesehatan alat angkut yang diterbitkan", "Dokumen", D(21_400),
                definition="Dokumen kesehatan kapal dan pesawat yang diterbitkan"),
            Ikk("Indeks maturitas Sistem Pengendalian Intern Pemerintah (SPIP)", "Indeks", D("3.25"), goal=2,
                scale="1-5", definition="Tingkat maturitas SPIP kantor menurut penilaian BPKP"),
        ),
        parent_unit=DITJEN_P2,
        superior=("dr. Bayu Permana, MPH", "197105102000121001"),
        acting=("Plt.", "Plh."),
    ))


def balai_besar_year() -> dict:
    """The Balai Besar with a whole year of realisation (realisasi.xlsx, January to December, fixed seed)."""
    from tests.builders import plan_of

    data = balai_besar()
    data["realisasi"] = realisation(plan_of(data), 12, "balai-besar-2025-realisasi")
    return data


OFFICES: dict[str, Callable[[], dict]] = {
    "small": small_kelas_ii,
    "balai-besar": balai_besar,
    "period-2026": new_period_2026,
    "asn-2026": civil_service_2026,
}


# --- realisation -----------------------------------------------------------------------------------

FICTIONAL = ("CONTOH FIKTIF: angka realisasi ini dibuat acak (benih tetap) oleh rkt agar sesuai dengan "
             "rencananya; bukan data kantor mana pun.")
PROBLEMS = ("Kedatangan kapal dan pesawat di bawah perkiraan", "Pengadaan bahan habis pakai mundur",
            "Petugas terbatas pada wilayah kerja terpencil", "Cuaca buruk menunda kegiatan lapangan",
            "Revisi anggaran menunda pelaksanaan kegiatan")
ACTIONS = ("Jadwal kegiatan triwulan berikutnya dipadatkan", "Koordinasi dengan otoritas pelabuhan dan bandara",
           "Petugas dirotasi dari wilayah kerja lain", "Pengadaan dipercepat melalui e-katalog",
           "Rencana penarikan dana dimutakhirkan")


def _realised_series(rng: random.Random, target, cumulative: bool, ceiling, step) -> list:
    """A realisation near `target` month by month: never decreasing where the target is cumulative,
    never above `ceiling` (1 for an index, 100 for a percentage), rounded to `step`."""
    out, last = [], None
    for value in target:
        if value is None:
            out.append(None)
            continue
        realised = (D(value) * D(rng.randint(90, 106)) / 100).quantize(step)
        if ceiling is not None:
            realised = min(realised, ceiling)
        if cumulative and last is not None:
            realised = max(realised, last)
        out.append(realised)
        last = realised
    return out


def realisation(plan, through: int = 12, seed: str = "realisasi") -> dict:
    """realisasi.xlsx for `plan` (a typed Plan), months 1..`through`, near its plan and passing every rule.

    Fictional and labelled so in its Keterangan. IKK realisation lies within 90-106% of each month's
    target (a cumulative one never falls); budget realisation follows the Jadwal within 85-105% and
    stays inside each RO's (and source's) allocation, an RO of several sources split per source;
    output volume follows the plan's share spent; every quarter in which an IKK falls short has a
    Kendala and an Upaya; the two years before hold earlier results.
    """
    from pipeline.plan import tables

    rng = random.Random(seed)
    year = plan.office.year

    def keep(values):
        return dict(zip(MONTH_KEYS, [*values[:through], *[None] * (12 - through)], strict=True))

    ikk_rows, short = [], set()
    for ikk in plan.indicators:
        own, comps = tables.series_of(plan, ikk)
        percent = ikk.target.percent
        ceiling = D(1) if ikk.unit == "Indeks" else D(100) if ikk.unit == "Persen" else None
        step = D("0.01") if not percent and ikk.target.value != ikk.target.value.to_integral_value() else D(1)
        target = list(own.months) if own is not None else [ikk.target.value] * 12
        values = _realised_series(rng, target, own is not None and _rising(own.months), ceiling, step)
        row = {"ikk": ikk.no, "component": None, "name": None, **keep(values)}
        if percent:
            row.update({k: v / 100 if v is not None else None for k, v in keep(values).items()}, _months_percent=True)
        ikk_rows.append(row)
        short |= {(ikk.no, (m // 3) + 1) for m in range(2, through, 3) if values[m] is not None and target[m]
                  and values[m] < target[m]}
        for comp in comps:
            series = _realised_series(rng, comp.months, _rising(comp.months), None, D(1))
            ikk_rows.append({"ikk": ikk.no, "component": comp.component, "name": comp.name, **keep(series)})
            short |= {(ikk.no, (m // 3) + 1) for m in range(2, through, 3)
                      if series[m] is not None and comp.months[m] and series[m] < comp.months[m]}
    budget, volume = [], []
    schedule = {s.code: s.months for s in plan.schedule}
    for ro in plan.ros:
        planned = schedule.get(ro.code, (0,) * 12)
        spent = [int(p * rng.randint(85, 105) / 100) for p in planned]
        ceiling = ro.amount * 98 // 100  # within the allocation, with room for splitting per source
        while sum(spent) > ceiling:
            spent[max(range(12), key=lambda m: spent[m])] -= sum(spent) - ceiling
        sources = [(name, getattr(ro, key)) for name, key in (("RM", "rm"), ("PNBP", "pnbp"), ("PHLN", "phln"))
                   if getattr(ro, key)]
        if len(sources) == 1:
            budget.append({"code": ro.code, "name": ro.name, "pagu": ro.amount, **keep(spent)})
        else:
            for i, (name, amount) in enumerate(sources):
                share = [v * amount // ro.amount for v in spent] if i else None
                if i == 0:  # the first source takes what the others' shares leave
                    others = [sum(v * a // ro.amount for _, a in sources[1:]) for v in spent]
                    share = [v - o for v, o in zip(spent, others, strict=True)]
                budget.append({"code": ro.code, "name": None, "source": name, "pagu": amount, **keep(share)})
        done, cumulative = [], 0
        for m in range(12):
            cumulative += planned[m]
            done.append(ro.volume * cumulative // ro.amount if ro.amount else 0)
        volume.append({"code": ro.code, **keep(done)})
    notes = [{"ikk": ikk, "quarter": ("I", "II", "III", "IV")[q - 1], "problems": rng.choice(PROBLEMS),
              "actions": rng.choice(ACTIONS)} for ikk, q in sorted(short)]
    earlier = []
    for ikk in plan.indicators:
        for back in (2, 1):
            target = ikk.target.value
            result = (target * D(rng.randint(92, 104)) / 100).quantize(D("0.01") if target < 10 else D("0.1"))
            if ikk.unit == "Indeks":
                result = min(result, D(1))
            scale = 100 if ikk.target.percent else 1
            earlier.append({"ikk": ikk.no, "year": year - back, "target": target / scale, "realisation": result / scale,
                            "_target_percent": ikk.target.percent, "_realisation_percent": ikk.target.percent})
    return {"Laporan": {"year": year, "note": FICTIONAL}, "Realisasi IKK": ikk_rows, "Realisasi Anggaran": budget,
            "Volume RO": volume, "Penjelasan": notes, "Tahun Lalu": earlier}


def _rising(values) -> bool:
    shown = [v for v in values if v is not None]
    return len(shown) > 1 and shown[0] < shown[-1]
