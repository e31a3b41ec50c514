"""A synthetic office `scale` times the shipped 2024 Jambi edition, written as the five workbooks.

The benchmark needs offices of known size whose figures all agree, so that `rkt check` finds
nothing and every timing measures the normal path (reading, typing, checking, rendering), not
error reporting. Scale 1 is about the shipped edition; the office grows by repeating its
"blocks" with fresh codes, numbers and people:

| per scale unit | count | note |
|---|---|---|
| staff | 68 | 2 Struktural, ~55 JFT, ~11 JFU; 4 PPPK (NIP month digits 21) |
| RO | 35 | over 11 KRO, each with RM/PNBP/PHLN, 12-month schedule, forward estimate |
| IKK | 8 | 2 goals; 3-5 components each (~4), own series for Persen/Nilai, some Jumlah rows |
| IKK-RO links | 70 | the block's last IKK (realisasi anggaran) is served by all 35 ROs |

The office's structure (units, 6 wilker, 4 work units, 3 PJ, 23 qualifications, programs,
activities) stays at its shipped size: it sets the width of tables, not the volume of data.

Deterministic: the same `scale` and `seed` give byte-for-byte the same row dicts.
Run `python -m benchmarks.synthetic OUT --scale 10` to write one office by hand.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from decimal import Decimal
from pathlib import Path

from pipeline.checks.common import loose
from pipeline.inputs import schema
from pipeline.workbooks.xlsx import write_workbook

YEAR = 2024
STAFF, ROS, KROS, IKKS, GOALS = 68, 35, 11, 8, 2
PLACE = "Sintetis"
PJS = ("Subbag Adum", "Substansi PRL&KLW", "PKSE")
WILKER = ("Bandara Utama", "Pelabuhan Utama", "Pelabuhan Timur", "Pelabuhan Barat", "Pelabuhan Selatan",
          "PLBDN Perbatasan")
WORK_UNITS = (("TU", "Tata Usaha", None), ("PRL", "Pengendalian Risiko Lingkungan", "PRL dan KLW"),
              ("KLW", "Kesehatan Lintas Wilayah", "PRL dan KLW"),
              ("PKSE", "Pengendalian Karantina dan Surveilans Epidemiologi", None))
# (qualification, degree after the name, level): level picks plausible grades
EDUCATIONS = (
    ("S2 Kesehatan Masyarakat", "SKM, MKM", 3), ("S2 Kesehatan Lingkungan", "SKM, M.KL", 3),
    ("S2 Epidemiologi", "SKM, M.Epid", 3), ("S2 Entomologi Kesehatan", "S.Si, M.Kes", 3),
    ("S2 Ilmu Lingkungan", "ST, M.Si", 3), ("S2 Biomedik", "dr., M.Biomed", 3),
    ("S2 Administrasi Publik", "S.Sos, M.AP", 3), ("S2 Ekonomi", "SE, M.E", 3), ("S2 SIM Kesehatan", "S.Kom, M.Kes", 3),
    ("Dokter", "dr.", 2), ("Ners", "S.Kep, Ns", 2), ("S1 Kesehatan Masyarakat", "SKM", 2),
    ("S1 Keperawatan", "S.Kep", 2), ("S1 Sistem Informasi", "S.Kom", 2), ("S1 Teknik Informatika", "S.T", 2),
    ("S1 Biologi", "S.Si", 2), ("S1 Farmasi", "S.Farm", 2), ("D III Kesehatan Lingkungan", "AMKL", 1),
    ("D III Keperawatan", "A.Md.Kep", 1), ("D III Farmasi", "A.Md.Farm", 1), ("D III Analisis Kesehatan", "A.Md.AK", 1),
    ("D III Akuntansi", "A.Md.Ak", 1), ("D III Manajemen Informatika", "A.Md.Kom", 1),
)
GRADES = {1: ("II/c", "II/d", "III/a", "III/b"), 2: ("III/a", "III/b", "III/c", "III/d"),
          3: ("III/c", "III/d", "IV/a", "IV/b")}
PPPK_GRADES = {1: "VII", 2: "IX", 3: "IX"}
JFT = ("Epidemiolog Kesehatan", "Sanitarian", "Entomolog Kesehatan", "Perawat", "Dokter", "Pranata Laboratorium",
       "Administrator Kesehatan", "Penyuluh Kesehatan Masyarakat")
JFT_LEVELS = {1: ("Terampil", "Mahir", "Penyelia"), 2: ("Ahli Pertama", "Ahli Muda"), 3: ("Ahli Muda", "Ahli Madya")}
JFU = ("Pengadministrasi Umum", "Pengelola Keuangan", "Penyusun Rencana Kegiatan dan Anggaran",
       "Pengelola Barang Milik Negara", "Analis Kepegawaian", "Pengemudi")
FIRST = ("Andi", "Budi", "Citra", "Dewi", "Eka", "Fajar", "Gita", "Hendra", "Indah", "Joko", "Kurnia", "Lestari",
         "Maya", "Nur", "Oki", "Putri", "Rahmat", "Sari", "Taufik", "Utami", "Vina", "Wahyu", "Yuliana", "Zainal",
         "Agus", "Bayu", "Dian", "Eko", "Fitri", "Hadi", "Irma", "Lina", "Melati", "Nina", "Rina", "Siti", "Tri",
         "Yudi", "Anisa", "Rizki")
MIDDLE = ("Ayu", "Dwi", "Putra", "Sri", "Nurul", "Adi", "Wulan", "Dian", "Eka", "Indra", "Puspa", "Rama", "Surya",
          "Tirta", "Kusuma", "Mega", "Bima", "Candra", "Intan", "Jaya", "Laras", "Mulia", "Permata", "Ratna", "Sekar",
          "Bagus", "Cahya", "Dharma", "Galih", "Harum", "Kartika", "Langit", "Mentari", "Nanda", "Pelangi", "Rembulan",
          "Sinta", "Wira", "Yoga", "Zahra")
LAST = ("Siregar", "Nasution", "Harahap", "Lubis", "Hutapea", "Simanjuntak", "Wijaya", "Santoso", "Gunawan",
        "Kusumawati", "Anggraini", "Susilo", "Fitriani", "Pratama", "Saputra", "Hidayat", "Rahman", "Setiawan",
        "Purnomo", "Handayani", "Wibowo", "Lestari", "Permana", "Nugroho", "Kurniawan", "Syahputra", "Hasibuan",
        "Ramadhan", "Firmansyah", "Maulana", "Sitompul", "Panjaitan", "Tanjung", "Daulay", "Batubara", "Munthe",
        "Sembiring", "Ginting", "Tarigan", "Sinaga")
KRO_NAMES = ("Koordinasi", "Sosialisasi dan Diseminasi", "Pelayanan publik kepada masyarakat",
             "Pelayanan publik lainnya", "Sarana Bidang Kesehatan", "Layanan Manajemen SDM",
             "Layanan Dukungan Manajemen Internal", "Layanan Sarana dan Prasarana Internal",
             "Layanan Manajemen Kinerja Internal", "Layanan Umum", "Layanan Data dan Informasi")
RO_SUBJECTS = ("Layanan pemeriksaan orang, barang, alat angkut", "Layanan pengendalian faktor risiko lingkungan",
               "Layanan survei faktor risiko penyakit", "Pelayanan kesehatan haji",
               "Pelayanan kesehatan di pelabuhan/bandara/lintas batas", "Koordinasi pelayanan kekarantinaan",
               "Sosialisasi kekarantinaan kesehatan", "Pengadaan alat dan bahan kekarantinaan", "Layanan Perkantoran",
               "Layanan Hubungan Masyarakat", "Layanan Pendidikan dan Pelatihan", "Layanan Manajemen Kinerja")
RO_UNITS = ("Orang", "Layanan", "Dokumen", "Unit", "Paket", "Kegiatan")
# The eight IKK kinds of a block, after the shipped edition: (unit, target, percent, own series, absolute)
IKK_KINDS = (
    ("Indeks", Decimal("0.99"), False, False, True),
    ("Persen", Decimal("0.97"), True, True, False),
    ("Indeks", Decimal("0.99"), False, False, True),
    ("Nilai", Decimal(87), False, True, False),
    ("Nilai", Decimal(96), False, True, False),
    ("Nilai", Decimal(80), False, True, False),
    ("Persen", Decimal("0.80"), True, True, False),
    ("Persen", Decimal("0.96"), True, True, False),
)
MONTH_KEYS = tuple(f"m{i:02d}" for i in range(1, 13))


def _months(values, percent: bool = False) -> dict:
    row = dict(zip(MONTH_KEYS, values, strict=True))
    if percent:
        row.update({f"_{k}_percent": True for k in MONTH_KEYS})
    return row


def _cumulative(rng: random.Random, end: int, late_start: bool = False) -> list[int | None]:
    """A non-decreasing monthly series of whole numbers ending exactly at `end`."""
    start = rng.randint(1, 3) if late_start else 0
    cuts = sorted(rng.randint(0, end) for _ in range(11 - start))
    return [None] * start + [*cuts, end]


def _split(rng: random.Random, amount: int) -> list[int]:
    """Twelve whole months adding up to `amount`; some months empty, the largest takes the remainder."""
    weights = [0 if rng.random() < 0.15 else rng.random() for _ in range(12)]
    if not any(weights):
        weights[11] = 1.0
    total = sum(weights)
    months = [int(amount * w / total) for w in weights]
    months[max(range(12), key=lambda m: weights[m])] += amount - sum(months)
    return months


def _nip(rng: random.Random, pppk: bool, used: set[str]) -> str:
    """A well-formed 18-digit NIP: birth date, appointment at 18+ not after YEAR, sex digit, sequence."""
    while True:
        born = dt.date(1965, 1, 1) + dt.timedelta(days=rng.randint(0, 365 * 35))
        if pppk:
            first = max(born.year + 19, 2019)
            if first > YEAR - 1:
                continue
            year, month = rng.randint(first, YEAR - 1), 21
        else:
            year = rng.randint(born.year + 19, min(born.year + 35, YEAR))
            month = rng.randint(1, 12)
        nip = f"{born:%Y%m%d}{year:04d}{month:02d}{rng.choice('12')}{rng.randint(1, 999):03d}"
        if nip not in used:
            used.add(nip)
            return nip


def _name(rng: random.Random, degree: str, used: set[str]) -> str:
    while True:
        name = f"{rng.choice(FIRST)} {rng.choice(MIDDLE)} {rng.choice(LAST)}, {degree}"
        if loose(name) not in used:
            used.add(loose(name))
            return name


def _kro_codes(rng: random.Random, count: int) -> list[str]:
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    codes = [a + b + c for a in letters for b in letters for c in letters]
    return rng.sample(codes, count)


def office_data(scale: int = 1, seed: int = 2024, place: str = PLACE) -> dict:
    """The five workbooks' contents (sheet -> rows) of a consistent office `scale` times the shipped one.

    `place` names the office (`Balai Kekarantinaan Kesehatan Kelas I <place>`): a batch of
    offices needs one name each.
    """
    office, short = f"Balai Kekarantinaan Kesehatan Kelas I {place}", f"BKK Kelas I {place}"
    if scale < 1:
        raise ValueError("scale must be 1 or more")
    rng = random.Random(f"{seed}-{scale}")
    names: set[str] = set()
    nips: set[str] = set()

    # --- staff ---------------------------------------------------------------------------------
    staff = []
    for block in range(scale):
        for i in range(STAFF):
            if i < 2:
                ptype = "Struktural"
            elif i < 2 + 11:
                ptype = "JFU"
            else:
                ptype = "JFT"
            pppk = i in (5, 20, 40, 60)
            education, degree, level = EDUCATIONS[0] if (block, i) == (0, 0) else rng.choice(EDUCATIONS)
            if ptype == "Struktural":
                position = "Kepala Balai" if (block, i) == (0, 0) else "Kepala Subbagian Administrasi Umum"
                unit = "TU"
            elif ptype == "JFU":
                position, unit = rng.choice(JFU), "TU"
            else:
                position = f"{rng.choice(JFT)} {rng.choice(JFT_LEVELS[level])}"
                unit = rng.choice(("PRL", "KLW", "PKSE"))
            pns_grade = "IV/b" if ptype == "Struktural" else rng.choice(GRADES[level])
            grade = PPPK_GRADES[level] if pppk else pns_grade
            staff.append({
                "nip": _nip(rng, pppk, nips), "name": _name(rng, degree, names),
                "status": "PPPK" if pppk else "ASN", "position_type": ptype, "position": position,
                "grade": grade,
                "education": education, "unit": unit,
            })
    head = staff[0]

    # --- funding -------------------------------------------------------------------------------
    kro_codes = _kro_codes(rng, KROS * scale)
    kros = [{"code": code, "name": KRO_NAMES[k % KROS]} for k, code in enumerate(kro_codes)]
    ros, schedule = [], []
    for k in range(ROS * scale):
        kro = kro_codes[k % len(kro_codes)]
        code = f"{kro}.{k // len(kro_codes) + 1:03d}"
        amount = int(rng.lognormvariate(11, 1.5)) + 100  # median ~60.000 (thousand rupiah)
        pattern = rng.random()
        if pattern < 0.5:
            rm, pnbp, phln = amount, 0, 0
        elif pattern < 0.8:
            rm, pnbp, phln = 0, amount, 0
        elif pattern < 0.95:
            rm = rng.randint(1, amount - 1) if amount > 1 else amount
            rm, pnbp, phln = rm, amount - rm, 0
        else:
            rm, pnbp, phln = amount // 2, 0, amount - amount // 2
        name = f"{RO_SUBJECTS[k % len(RO_SUBJECTS)]} paket {k + 1}"
        volume = rng.randint(1, 3000)
        ros.append({
            "code": code, "name": name, "volume": volume, "unit": rng.choice(RO_UNITS),
            "rm": rm, "pnbp": pnbp, "phln": phln,
            "location": f"{len(WILKER)} wilker" if rng.random() < 0.4 else None,
            "pj": ", ".join(rng.sample(PJS, rng.randint(1, 3))),
            "next_volume": max(1, volume + rng.randint(-volume // 4, volume // 4)),
            "next_amount": amount + rng.randint(0, amount // 5),
        })
        schedule.append({"code": code, "name": name if rng.random() < 0.7 else None, **_months(_split(rng, amount))})
    ros.append({"_total": True, **{key: sum(r[key] for r in ros) for key in ("rm", "pnbp", "phln", "next_amount")}})
    schedule.append({"_total": True, **_months([sum(s[k] for s in schedule) for k in MONTH_KEYS])})

    # --- performance -----------------------------------------------------------------------------
    goals = [{"no": g + 1, "name": f"Meningkatnya pelayanan kekarantinaan di pintu masuk, sasaran {g + 1}"}
             for g in range(GOALS * scale)]
    indicators, monthly, links, allocations = [], [], [], []
    amounts = {r["code"]: r["rm"] + r["pnbp"] + r["phln"] for r in ros if not r.get("_total")}
    for block in range(scale):
        block_ros = [r["code"] for r in ros[block * ROS:(block + 1) * ROS]]
        # every RO of the block serves one of the first seven IKKs, and all serve the eighth
        served: list[list[str]] = [[] for _ in range(IKKS)]
        for j, code in enumerate(block_ros):
            served[j % (IKKS - 1) if j < IKKS - 1 else rng.randrange(IKKS - 1)].append(code)
        served[IKKS - 1] = list(block_ros)
        for i, (unit, target, percent, own, absolute) in enumerate(IKK_KINDS):
            no = block * IKKS + i + 1
            comps = [_cumulative(rng, rng.randint(20, 2_000_000) if absolute else rng.randint(5, 9000),
                                 late_start=rng.random() < 0.2)
                     for _ in range(rng.randint(3, 5))]
            stated_sum = i in (1, 2)
            indicators.append({
                "no": no, "goal": block * GOALS + (1 if i < 3 else 2),
                "name": f"Indikator kinerja kegiatan {no}: {RO_SUBJECTS[i].lower()}",
                "definition": f"Definisi operasional indikator {no}", "target": target,
                "_target_percent": percent, "unit": unit,
                "absolute": Decimal(sum(c[-1] for c in comps)) if absolute else None,
                "sum_label": f"Jumlah komponen indikator {no}" if stated_sum else None,
            })
            if own:
                end = target
                start = end * Decimal("0.5") if rng.random() < 0.5 else end
                step = (end - start) / 11
                values = [(start + step * m).quantize(Decimal("0.01")) for m in range(11)] + [end]
                monthly.append({"ikk": no, "component": None, "name": None, **_months(values, percent)})
            for c, series in enumerate(comps, start=1):
                monthly.append({
                    "ikk": no, "component": c, "name": f"Komponen {c} indikator {no}",
                    "absolute": Decimal(series[-1]) if absolute else None,
                    **_months([None if v is None else Decimal(v) for v in series]),
                })
            if stated_sum:
                sums = [Decimal(sum(s[m] or 0 for s in comps)) for m in range(12)]
                monthly.append({
                    "ikk": no, "component": "Jumlah", "name": f"Jumlah komponen indikator {no}",
                    "absolute": Decimal(sum(s[-1] for s in comps)) if absolute else None, **_months(sums),
                })
            for code in served[i]:
                links.append({"ikk": no, "code": code, "name": None})
            allocations.append({"ikk": no, "amount": sum(amounts[code] for code in served[i])})

    head_title = f"Kepala {office}"
    return {
        "identitas": {
            "Identitas": {
                "office_name": office, "office_short": short, "address": "Jl. Pelabuhan Raya No. 1, Kota Sintetis",
                "postcode": "10110", "phone": "021-0000001", "fax": "021-0000002", "year": YEAR,
                "edition": "Awal Tahun", "ministry": "Kementerian Kesehatan", "parent_unit": schema.DITJEN,
                "head_name": head["name"], "head_nip": head["nip"], "head_title": head_title,
                "sign_place": "Sintetis", "sign_date": f"Januari {YEAR}",
                "superior_name": "dr. Pejabat Sintetis, MPH", "superior_nip": "197001012000031001",
            },
            "Unit": [
                {"no": 1, "name": "Subbagian Administrasi Umum", "kind": "Subbagian", "duty": "melakukan koordinasi"},
                {"no": 2, "name": "Instalasi", "kind": "Instalasi", "duty": "unit pelayanan non struktural"},
                {"no": 3, "name": "Wilayah Kerja", "kind": "Wilayah Kerja", "duty": "pelayanan di pintu masuk"},
                {"no": 4, "name": "Kelompok Jabatan Fungsional", "kind": "Kelompok Jabatan Fungsional",
                 "duty": "memberikan pelayanan fungsional"},
            ],
            "Wilker": [{"no": i + 1, "name": name} for i, name in enumerate(WILKER)],
            "Unit Kerja": [{"code": c, "name": n, "group": g} for c, n, g in WORK_UNITS],
            "PJ": [{"name": p} for p in PJS],
            "Program": [
                {"program": "Pencegahan dan Pengendalian Penyakit", "goal": f"Sasaran program {i + 1}"}
                for i in range(4)
            ] + [{"program": "Dukungan Manajemen", "goal": f"Sasaran dukungan {i + 1}"} for i in range(2)],
            "Kegiatan": [
                {"activity": "Dukungan Pelayanan " + schema.ENTRY, "goal": "Meningkatnya pelayanan " + schema.ENTRY},
                {"activity": "Dukungan Manajemen", "goal": "Meningkatnya tata kelola"},
            ],
        },
        "pegawai": {
            "Pegawai": staff,
            "Pendidikan": [{"no": i + 1, "name": e[0]} for i, e in enumerate(EDUCATIONS)],
        },
        "kinerja": {
            "Sasaran": goals,
            "IKK": indicators,
            "Target Bulanan": monthly,
        },
        "pendanaan": {
            "KRO": kros,
            "RO": ros,
            "IKK-RO": links,
            "Alokasi IKK": allocations,
        },
        "jadwal": {"Jadwal": schedule},
    }


def write_office(folder: Path, scale: int = 1, seed: int = 2024, place: str = PLACE) -> Path:
    """Write the five workbooks of a synthetic office `scale` times the shipped edition into `folder`."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    data = office_data(scale, seed, place)
    for spec in schema.WORKBOOKS:
        write_workbook(folder / spec.filename, spec, data[spec.key])
    return folder


def sizes(scale: int) -> dict[str, int]:
    """The row counts of an office of `scale`, for the benchmark's report."""
    data = office_data(scale)
    return {
        "staff": len(data["pegawai"]["Pegawai"]),
        "RO": len(data["pendanaan"]["RO"]) - 1,
        "IKK": len(data["kinerja"]["IKK"]),
        "monthly rows": len(data["kinerja"]["Target Bulanan"]),
        "IKK-RO links": len(data["pendanaan"]["IKK-RO"]),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args()
    write_office(args.folder, args.scale, args.seed)
    print(f"{args.folder}: {sizes(args.scale)}")


if __name__ == "__main__":
    main()
