"""Code rules: every KRO/RO code, IKK number, goal and PJ used anywhere exists in its master list.

A code has one name and a name one code: a name typed beside a code must be the master's name,
which is how a code attached to the wrong service is caught.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from pipeline.checks.common import loose, same_text
from pipeline.checks.registry import rule
from pipeline.findings import Finding, Location, error, warning
from pipeline.plan.model import Plan, Ro
from pipeline.plan.vocabulary import RO_UNITS

RO_CODE = re.compile(r"^[A-Z]{3}\.[A-Z0-9]{3}$")
KRO_CODE = re.compile(r"^[A-Z]{3}$")


def _typed_names(plan: Plan):
    """(record, sheet label) of every row that types a name beside an RO code."""
    for link in plan.ikk_ros:
        yield link, f"IKK-RO (IKK {link.ikk})"
    for row in plan.schedule:
        yield row, "Jadwal"


@rule("codes.ro-format")
def ro_code_format(plan: Plan) -> Iterator[Finding]:
    """Every RO code is KRO.RO: three capital letters, a dot, three letters or digits (e.g. QAH.017)."""
    for ro in plan.ros:
        if not RO_CODE.match(ro.code):
            yield error("codes.ro-format", f"kode RO '{ro.code}' tidak berbentuk KRO.RO (contoh: QAH.017, QAH.U14)",
                        ro.loc("code"), subject=ro.code)


@rule("codes.kro-format")
def kro_code_format(plan: Plan) -> Iterator[Finding]:
    """Every KRO code is three capital letters (e.g. QAH)."""
    for kro in plan.kros:
        if not KRO_CODE.match(kro.code):
            yield error("codes.kro-format", f"kode KRO '{kro.code}' harus tiga huruf (contoh: QAH)",
                        kro.loc("code"), subject=kro.code)


@rule("codes.kro-exists")
def kro_exists(plan: Plan) -> Iterator[Finding]:
    """The KRO of every RO is listed in the KRO sheet."""
    kros = {k.code for k in plan.kros}
    for ro in plan.ros:
        if RO_CODE.match(ro.code) and ro.kro not in kros:
            yield error("codes.kro-exists", f"KRO {ro.kro} dari RO {ro.code} tidak ada di sheet KRO",
                        ro.loc("code"), Location("pendanaan.xlsx", "KRO"), subject=ro.code)


@rule("codes.unknown-ro")
def ro_exists(plan: Plan) -> Iterator[Finding]:
    """Every RO code in IKK-RO and Jadwal is listed in the RO sheet."""
    codes = {r.code for r in plan.ros}
    for record, where in _typed_names(plan):
        if record.code not in codes:
            yield error("codes.unknown-ro", f"kode RO {record.code} di {where} tidak ada di sheet RO",
                        record.loc("code"), Location("pendanaan.xlsx", "RO"), subject=record.code)


@rule("codes.name")
def name_matches_master(plan: Plan) -> Iterator[Finding]:
    """A name typed beside an RO code is that RO's name in the RO sheet (not another service)."""
    ros = {r.code: r for r in plan.ros}
    for record, where in _typed_names(plan):
        ro = ros.get(record.code)
        if ro is None or not record.name or loose(record.name) == loose(ro.name):
            continue
        yield error("codes.name", f"{record.code} di {where} bernama '{record.name}', di sheet RO '{ro.name}'",
                    record.loc("name"), ro.loc("name"), subject=record.code)


@rule("codes.name-variant")
def name_spelled_as_master(plan: Plan) -> Iterator[Finding]:
    """A name typed beside an RO code is written exactly as in the RO sheet (case, punctuation: HIV/AIDS, HIV AIDS)."""
    ros = {r.code: r for r in plan.ros}
    for record, where in _typed_names(plan):
        ro = ros.get(record.code)
        if ro is None or not record.name or record.name == ro.name or loose(record.name) != loose(ro.name):
            continue
        yield warning("codes.name-variant", f"{record.code} di {where} ditulis '{record.name}', di sheet RO "
                      f"'{ro.name}'", record.loc("name"), ro.loc("name"), subject=record.code)


@rule("codes.duplicate-name")
def one_code_per_name(plan: Plan) -> Iterator[Finding]:
    """No two RO codes carry the same name."""
    groups: dict[str, list[Ro]] = defaultdict(list)
    for ro in plan.ros:
        groups[loose(ro.name)].append(ro)
    for key, same in groups.items():
        if key and len(same) > 1:
            codes = ", ".join(r.code for r in same)
            yield error("codes.duplicate-name", f"RO {codes} bernama sama: '{same[0].name}'",
                        *(r.loc("name") for r in same), subject=codes)


@rule("codes.unknown-ikk")
def ikk_exists(plan: Plan) -> Iterator[Finding]:
    """Every IKK number in IKK-RO, Target Bulanan and Alokasi IKK is listed in the IKK sheet."""
    known = {i.no for i in plan.indicators}
    used = [(link, "IKK-RO") for link in plan.ikk_ros] + [(m, "Target Bulanan") for m in plan.monthly] + [
        (a, "Alokasi IKK") for a in plan.ikk_allocations]
    for record, sheet in used:
        if record.ikk not in known:
            yield error("codes.unknown-ikk", f"IKK nomor {record.ikk} di sheet {sheet} tidak ada di sheet IKK",
                        record.loc("ikk"), Location("kinerja.xlsx", "IKK"), subject=f"IKK {record.ikk}")


@rule("codes.unknown-goal")
def goal_exists(plan: Plan) -> Iterator[Finding]:
    """Every IKK's goal number is listed in the Sasaran sheet."""
    known = {g.no for g in plan.goals}
    for ikk in plan.indicators:
        if ikk.goal not in known:
            yield error("codes.unknown-goal", f"IKK {ikk.no} mengukur sasaran nomor {ikk.goal}, yang tidak ada di "
                        "sheet Sasaran", ikk.loc("goal"), Location("kinerja.xlsx", "Sasaran"), subject=f"IKK {ikk.no}")


@rule("codes.unknown-pj")
def pj_exists(plan: Plan) -> Iterator[Finding]:
    """Every PJ named for an RO is listed in the PJ sheet."""
    names = [p.name for p in plan.pjs]
    for ro in plan.ros:
        for pj in ro.pj:
            if not any(same_text(pj, n) for n in names):
                yield error("codes.unknown-pj", f"PJ '{pj}' dari RO {ro.code} tidak ada di sheet PJ "
                            f"({', '.join(names) or 'kosong'})", ro.loc("pj"), Location("identitas.xlsx", "PJ"),
                            subject=ro.code)


@rule("codes.pj-variant")
def pj_spelled_as_listed(plan: Plan) -> Iterator[Finding]:
    """Every PJ named for an RO is spelled exactly as in the PJ sheet (case included)."""
    for ro in plan.ros:
        for pj in ro.pj:
            listed = next((p for p in plan.pjs if same_text(pj, p.name)), None)
            if listed is not None and listed.name != pj:
                yield warning("codes.pj-variant", f"PJ '{pj}' dari RO {ro.code} ditulis '{listed.name}' di sheet PJ",
                              ro.loc("pj"), listed.loc("name"), subject=ro.code)


@rule("codes.no-pj")
def pj_given(plan: Plan) -> Iterator[Finding]:
    """Every RO names at least one PJ (the Jadwal prints who is in charge)."""
    for ro in plan.ros:
        if not ro.pj:
            yield warning("codes.no-pj", f"RO {ro.code} tidak punya PJ", ro.loc("pj"), subject=ro.code)


@rule("codes.ro-unit")
def ro_unit_known(plan: Plan) -> Iterator[Finding]:
    """Every RO's unit of measure is one the schema lists (Orang, Layanan, Dokumen, Laporan, ...); others warn."""
    for ro in plan.ros:
        if ro.unit not in RO_UNITS:
            near = next((u for u in RO_UNITS if same_text(u, ro.unit)), None)
            hint = f"; maksudnya '{near}'?" if near else f" (yang lazim: {', '.join(RO_UNITS)})"
            what = f"satuan '{ro.unit}'" if ro.unit else "satuan kosong"
            yield warning("codes.ro-unit", f"{what} dari RO {ro.code} tidak lazim{hint}",
                          ro.loc("unit"), subject=ro.code)
