"""Staff rules: every roster row is well formed and uses the office's own lists (statuses, grades, units).

Headcounts and the staff tables are computed from the roster (tables.py), so they agree with
each other by construction; what is left to check is each row and its references.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from pipeline.checks.common import loose, nip_problems, parse_nip
from pipeline.checks.registry import rule
from pipeline.findings import Finding, Location, error, warning
from pipeline.plan import vocabulary
from pipeline.plan.model import Employee, Plan
from pipeline.plan.vocabulary import PNS, POSITION_TYPES, PPPK_GRADES, PPPK_STATUSES, STATUSES

# Golongan I-III have ruang a-d, golongan IV a-e; PPPK grades are roman I-XVII.
PNS_GRADES = {g.upper() for g in vocabulary.PNS_GRADES}


def _grade(text: str) -> str:
    return text.replace(" ", "").upper()


def grade_kind(grade: str) -> str | None:
    """`PNS` for I/a..IV/e, `PPPK` for I..XVII, None for anything else."""
    g = _grade(grade)
    if g in PNS_GRADES:
        return "PNS"
    if g in PPPK_GRADES:
        return "PPPK"
    return None


@rule("staff.nip")
def nip_well_formed(plan: Plan) -> Iterator[Finding]:
    """Every roster NIP is well formed: 18 digits, real birth date, appointment at 18+ not after the year, sex 1/2."""
    for e in plan.staff:
        problems = nip_problems(e.nip, plan.office.year)
        if problems:
            yield error("staff.nip", f"NIP {e.nip} ({e.name}) tidak sah: {'; '.join(problems)}",
                        e.loc("nip"), subject=e.nip)


@rule("staff.nip-status")
def nip_matches_status(plan: Plan) -> Iterator[Finding]:
    """A PPPK number (PPPK, PPPK Paruh Waktu) has 21 in the appointment-month digits and a PNS number does not."""
    for e in plan.staff:
        parts = parse_nip(e.nip)
        if parts is None or e.status not in STATUSES:
            continue
        if e.status in PPPK_STATUSES and not parts.pppk:
            yield error("staff.nip-status", f"{e.name} berstatus {e.status}, tetapi digit 13-14 NIP {e.nip} "
                        f"'{e.nip[12:14]}' bukan '21' (tanda NI PPPK)", e.loc("nip"), e.loc("status"), subject=e.nip)
        elif e.status == PNS and parts.pppk:
            yield error("staff.nip-status", f"{e.name} berstatus PNS, tetapi NIP {e.nip} ber-digit 13-14 '21' "
                        "(tanda NI PPPK)", e.loc("nip"), e.loc("status"), subject=e.nip)


@rule("staff.status")
def status_known(plan: Plan) -> Iterator[Finding]:
    """Every status is PNS, PPPK or PPPK Paruh Waktu (ASN, of earlier versions, is read as PNS)."""
    for e in plan.staff:
        if e.status not in STATUSES:
            yield error("staff.status", f"status '{e.status}' ({e.name}) tidak dikenal; tulis "
                        f"{', '.join(STATUSES[:-1])} atau {STATUSES[-1]}",
                        e.loc("status"), subject=e.nip)


@rule("staff.position-type")
def position_type_known(plan: Plan) -> Iterator[Finding]:
    """Every position type is Struktural, JFT or Pelaksana (JFU, the older name, is read as Pelaksana)."""
    for e in plan.staff:
        if e.position_type not in POSITION_TYPES:
            yield error("staff.position-type", f"jenis jabatan '{e.position_type}' ({e.name}) tidak dikenal; "
                        f"tulis {', '.join(POSITION_TYPES[:-1])} atau {POSITION_TYPES[-1]} (JFU dibaca Pelaksana)",
                        e.loc("position_type"), subject=e.nip)


@rule("staff.grade")
def grade_well_formed(plan: Plan) -> Iterator[Finding]:
    """Every grade is a PNS golongan/ruang (I/a .. IV/e) or a PPPK grade (I .. XVII)."""
    for e in plan.staff:
        if grade_kind(e.grade) is None:
            yield error("staff.grade", f"golongan '{e.grade}' ({e.name}) tidak dikenal; PNS: I/a .. IV/e, "
                        "PPPK: I .. XVII", e.loc("grade"), subject=e.nip)


@rule("staff.grade-status")
def grade_matches_status(plan: Plan) -> Iterator[Finding]:
    """A PNS has a golongan/ruang and a PPPK (PPPK Paruh Waktu too) a roman grade."""
    for e in plan.staff:
        kind = grade_kind(e.grade)
        if kind is None or e.status not in STATUSES:
            continue
        pppk = e.status in PPPK_STATUSES
        if pppk != (kind == "PPPK"):
            expected = "golongan PPPK (I .. XVII)" if pppk else "golongan/ruang PNS (I/a .. IV/e)"
            yield error("staff.grade-status", f"{e.name} berstatus {e.status} dengan golongan '{e.grade}'; "
                        f"seharusnya {expected}", e.loc("grade"), e.loc("status"), subject=e.nip)


@rule("staff.education")
def education_listed(plan: Plan) -> Iterator[Finding]:
    """Every employee's education is a qualification of the Pendidikan sheet."""
    names = [q.name for q in plan.educations]
    where = plan.educations[0].loc("name") if plan.educations else Location("pegawai.xlsx", "Pendidikan")
    for e in plan.staff:
        if e.education in names:
            continue
        near = next((n for n in names if loose(n) == loose(e.education)), None)
        hint = f"; maksudnya '{near}'?" if near else ""
        yield error("staff.education", f"pendidikan '{e.education}' ({e.name}) tidak ada di sheet Pendidikan{hint}",
                    e.loc("education"), Location(where.workbook, where.sheet), subject=e.nip)


@rule("staff.unit")
def unit_listed(plan: Plan) -> Iterator[Finding]:
    """Every employee's work unit is a code of the Unit Kerja sheet."""
    codes = {u.code for u in plan.work_units}
    where = plan.work_units[0].loc("code") if plan.work_units else Location("identitas.xlsx", "Unit Kerja")
    for e in plan.staff:
        if e.unit not in codes:
            yield error("staff.unit", f"unit kerja '{e.unit}' ({e.name}) tidak ada di sheet Unit Kerja "
                        f"({', '.join(sorted(codes)) or 'kosong'})", e.loc("unit"),
                        Location(where.workbook, where.sheet), subject=e.nip)


@rule("staff.structural")
def has_structural_post(plan: Plan) -> Iterator[Finding]:
    """The roster has at least one Struktural post (the head of office)."""
    if not any(e.position_type == "Struktural" for e in plan.staff):
        yield error("staff.structural", "tidak ada pegawai dengan jenis jabatan Struktural (sekurang-kurangnya "
                    "kepala kantor)", Location("pegawai.xlsx", "Pegawai"), subject="Struktural")


@rule("staff.head-structural")
def head_is_structural(plan: Plan) -> Iterator[Finding]:
    """The head of office's roster row has position type Struktural."""
    head = next((e for e in plan.staff if e.nip == plan.office.head.nip), None)
    if head is not None and head.position_type != "Struktural":
        yield warning("staff.head-structural", f"kepala kantor {head.name} tercatat '{head.position_type}', "
                      "bukan Struktural", head.loc("position_type"), plan.office.head.loc("nip"), subject=head.nip)


@rule("staff.duplicate-name")
def name_once(plan: Plan) -> Iterator[Finding]:
    """A name appears once in the roster (the same person under two NIPs is counted twice)."""
    groups: dict[str, list[Employee]] = defaultdict(list)
    for e in plan.staff:
        groups[loose(e.name)].append(e)
    for key, same in groups.items():
        if key and len(same) > 1:
            nips = ", ".join(e.nip for e in same)
            yield warning("staff.duplicate-name", f"'{same[0].name}' tertulis {len(same)} kali dengan NIP {nips}; "
                          "satu orang terhitung dua kali?", *(e.loc("nip") for e in same), subject=nips)
