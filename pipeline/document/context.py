"""The document's content as plain values: what the Word template reads, and nothing else.

`build_context(plan)` turns the typed model into strings, lists and dicts, already in
Indonesian formats, so the template only places text: the renderer knows nothing of cells,
Decimals or rules. Every figure comes from `tables.py`, so the document and the checks agree.
Table rows are flat lists with a `first` flag where the template merges cells vertically
(`{% vmerge r.first %}`) and a `heading` flag for KRO group rows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from decimal import Decimal

from pipeline.findings import Finding
from pipeline.formatting import count_phrase, month_name, number, percent, plain, words
from pipeline.inputs.schema import MONTH_SHORT, revision
from pipeline.plan import tables
from pipeline.plan.model import Indicator, Office, Plan, Ro, Target

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SEVERITY = {"error": "Galat", "warning": "Peringatan"}
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def text(value: object) -> str:
    """Cell text made safe for a document: control characters (invalid in XML) removed."""
    return _CONTROL.sub("", str(value or ""))


def target_text(target: Target | None, nil: str = "") -> str:
    """`0,99`, `97%`, `87`; `nil` when there is no target."""
    if target is None:
        return nil
    return percent(target.value) if target.percent else plain(target.value)


def month_values(values: Sequence[Decimal | None], is_percent: bool = False) -> list[str]:
    """Twelve monthly targets as shown: `0` is a value, an empty month is `-`."""
    return [percent(v) if is_percent and v is not None else plain(v) for v in values]


def edition_title(office: Office) -> str:
    """`RKT AWAL TAHUN 2024` (edition `Awal Tahun`), `RKT REVISI 1 TAHUN 2024` (edition `Revisi 1`)."""
    edition = " ".join(text(office.edition).upper().split())
    joiner = " " if edition.endswith("TAHUN") else " TAHUN "
    return f"RKT {edition}{joiner}{office.year}"


def is_revision(office: Office) -> bool:
    return bool(revision(office.edition))


def sign_date(office: Office) -> str:
    """`Januari 2024` or `2 Januari 2024`; empty when the date could not be read."""
    d = office.sign_date
    if not 1 <= d.month <= 12:
        return ""
    day = f"{d.day} " if d.day else ""
    return f"{day}{month_name(d.month)} {d.year}"


_CLAUSE_STARTS = ("mempunyai", "merupakan", "yang", "adalah", "bertugas", "terdiri")


def unit_sentence(name: str, duty: str) -> str:
    """A unit's line in Struktur Organisasi, however its duty was typed.

    `melakukan koordinasi ...` (a verb) -> `Nama, mempunyai tugas melakukan koordinasi ...`;
    `unit pelayanan ...` (a noun) -> `Nama, merupakan unit pelayanan ...`;
    a duty already phrased as a clause (`mempunyai tugas ...`, `merupakan ...`) is kept as typed.
    """
    duty = text(duty).strip().rstrip(".")
    if not duty:
        return f"{text(name)}."
    first = duty.split(" ", 1)[0].casefold()
    if first not in _CLAUSE_STARTS:
        duty = f"{'mempunyai tugas' if first.startswith(('me', 'ber')) else 'merupakan'} {duty}"
    return f"{text(name)}, {duty}."


def _cover_and_identity(plan: Plan) -> dict:
    o = plan.office
    phone = f"Telp. {text(o.phone)}" if o.phone else ""
    fax = f"Fax. {text(o.fax)}" if o.fax else ""
    return {
        "year": str(o.year),
        "next_year": str(o.year + 1),
        "office": {
            "name": text(o.name),
            "name_upper": text(o.name).upper(),
            "short": text(o.short_name),
            "address": text(o.address),
            "postcode": text(o.postcode),
            "contact": ", ".join(p for p in (phone, fax) if p),
            "ministry": text(o.ministry),
            "ministry_upper": text(o.ministry).upper(),
            "parent_unit": text(o.parent_unit),
            "parent_unit_upper": text(o.parent_unit).upper(),
        },
        "edition": {
            "name": text(o.edition),
            "title": edition_title(o),
            "revision": is_revision(o),
        },
        "sign": {
            "place": text(o.sign_place),
            "date": sign_date(o),
            "title": text(o.head.title),
            "name": text(o.head.name),
            "nip": text(o.head.nip),
        },
    }


def _organisation(plan: Plan) -> dict:
    wilker = sorted(plan.wilker, key=lambda w: w.no)
    units = []
    for u in sorted(plan.units, key=lambda u: u.no):
        units.append({
            "no": str(u.no),
            "sentence": unit_sentence(u.name, u.duty),
            "wilker": u.kind.casefold() == "wilayah kerja" and bool(wilker),
        })
    return {
        "units": units,
        "wilker": [
            {"letter": _LETTERS[i % len(_LETTERS)], "name": text(w.name)} for i, w in enumerate(wilker)
        ],
        "wilker_count": f"{len(wilker)} ({words(len(wilker))})",
    }


_STAFF_UNIT_KINDS = ("subbag", "bagian")


def _bagan(plan: Plan) -> dict:
    """Bagan 1: the head, the staff units drawn beside the trunk (Subbagian), the others below it.

    The Wilayah Kerja unit lists the wilker in its box, lettered as in the text.
    """
    wilker = [f"{w['letter']}. {w['name']}" for w in _organisation(plan)["wilker"]]
    side, below = [], []
    for u in sorted(plan.units, key=lambda u: u.no):
        kind = u.kind.casefold().strip()
        box = {"name": text(u.name), "lines": wilker if kind == "wilayah kerja" else []}
        (side if kind.startswith(_STAFF_UNIT_KINDS) else below).append(box)
    return {"head": text(plan.office.head.title) or "Kepala", "side": side, "units": below}


def _chart(key: str, name: str, kind: str, categories: Sequence[str], series: Sequence[tuple[str, list[int]]]) -> dict:
    return {
        "id": key,
        "name": name,
        "kind": kind,
        "categories": [text(c) for c in categories],
        "series": [{"name": text(n), "values": [int(v) for v in values]} for n, values in series],
    }


def _charts(plan: Plan) -> dict:
    """Grafik 1-4 as categories and series of counts, from the same crosstabs as Tabel 1-3.

    Grafik 1 leaves out position types nobody holds (a 0% slice has nothing to show);
    Grafik 2 adds a series for grades without ruang (PPPK) when any is held; Grafik 3 shows
    the qualifications Tabel 2 shows; Grafik 4 stacks JFU and JFT per work unit, with the
    structural posts as a column of their own, as Tabel 3 does.
    """
    counts = tables.headcount(plan)
    held = [t for t in tables.POSITION_TYPES if counts[t]]
    grade = tables.staff_by_grade(plan)
    pppk = _pppk_ranks(plan)
    labels = [f"{r} (PPPK)" if r in pppk else r for r in grade.rows]
    grade_series = [(f"Ruang {c}", [grade.get(r, c) for r in grade.rows]) for c in ("A", "B", "C", "D")]
    if grade.col_total(""):
        unranked = {r for r in grade.rows if grade.get(r, "")}
        name = "PPPK" if unranked <= pppk else "Tanpa ruang"
        grade_series.append((name, [grade.get(r, "") for r in grade.rows]))
    education = tables.staff_by_education(plan)
    qualifications = [r for r in education.rows if education.row_total(r)]
    units = tables.staff_by_unit(plan)
    codes = [u.code for u in plan.work_units]
    structural = units.col_total("Struktural")
    unit_categories = codes + (["Struktural"] if structural else [])
    unit_series = [(t, [units.col_total(f"{c}|{t}") for c in codes] + ([0] if structural else []))
                   for t in ("JFU", "JFT")]
    if structural:
        unit_series.append(("Struktural", [0] * len(codes) + [structural]))
    return {
        "grafik_1": _chart("grafik_1", "Grafik 1", "pie", held, [("Jumlah pegawai", [counts[t] for t in held])]),
        "grafik_2": _chart("grafik_2", "Grafik 2", "column", labels, grade_series),
        "grafik_3": _chart("grafik_3", "Grafik 3", "bar", qualifications,
                           [("Jumlah pegawai", [education.row_total(r) for r in qualifications])]),
        "grafik_4": _chart("grafik_4", "Grafik 4", "stacked", unit_categories, unit_series),
    }


def _pppk_ranks(plan: Plan) -> set[str]:
    """Grade rows held only by PPPK staff, labelled as such in Tabel 1."""
    statuses: dict[str, set[str]] = {}
    for e in plan.staff:
        statuses.setdefault(tables.split_grade(e.grade)[0], set()).add(e.status)
    return {rank for rank, s in statuses.items() if s == {"PPPK"}}


def _grade_table(plan: Plan) -> dict:
    """Tabel 1; nil shown as `-` as in the published edition."""
    tab = tables.staff_by_grade(plan)
    shown = ("A", "B", "C", "D")
    pppk = _pppk_ranks(plan)
    return {
        "rows": [
            {
                "label": f"{rank} (PPPK)" if rank in pppk else rank,
                "cells": [number(tab.get(rank, c)) for c in shown],
                "total": plain(tab.row_total(rank)),
            }
            for rank in tab.rows
        ],
        "totals": [number(tab.col_total(c)) for c in shown],
        "total": plain(tab.total),
    }


def _education_table(plan: Plan) -> dict:
    """Tabel 2: qualifications with at least one person; nil cells left blank."""
    tab = tables.staff_by_education(plan)
    rows = [r for r in tab.rows if tab.row_total(r)]
    return {
        "rows": [
            {
                "no": f"{i}.",
                "name": text(r),
                "cells": [number(tab.get(r, c), nil="") for c in tab.columns],
                "total": plain(tab.row_total(r)),
            }
            for i, r in enumerate(rows, 1)
        ],
        "totals": [plain(tab.col_total(c)) for c in tab.columns],
        "total": plain(tab.total),
    }


def _unit_table(plan: Plan) -> dict:
    """Tabel 3: three header rows (group, unit, JFU/JFT), then one row per qualification.

    Columns come per work unit as a JFU/JFT pair. A unit without a group has its code
    merged down over the first two header rows (`first` is False on its second-row cell).
    """
    tab = tables.staff_by_unit(plan)
    groups: list[dict] = []
    units: list[dict] = []
    for u in plan.work_units:
        if u.group and groups and groups[-1]["grouped"] and groups[-1]["label"] == text(u.group):
            groups[-1]["span"] += 2
        else:
            groups.append({"label": text(u.group or u.code), "span": 2, "grouped": bool(u.group)})
        units.append({"label": text(u.code) if u.group else "", "span": 2, "first": bool(u.group)})
    codes = [u.code for u in plan.work_units]

    def pairs(value) -> list[dict]:
        return [{"jfu": value(f"{c}|JFU"), "jft": value(f"{c}|JFT")} for c in codes]

    rows = [r for r in tab.rows if tab.row_total(r)]
    return {
        "groups": [{"label": g["label"], "span": g["span"], "first": True} for g in groups],
        "units": units,
        "rows": [
            {
                "no": f"{i}.",
                "name": text(r),
                "cells": pairs(lambda col, r=r: number(tab.get(r, col), nil="")),
                "structural": number(tab.get(r, "Struktural"), nil=""),
                "total": plain(tab.row_total(r)),
            }
            for i, r in enumerate(rows, 1)
        ],
        "totals": pairs(lambda col: number(tab.col_total(col))),
        "structural": number(tab.col_total("Struktural")),
        "total": plain(tab.total),
    }


def _staff(plan: Plan) -> dict:
    counts = tables.headcount(plan)
    statuses = [f"{plain(counts[s])} orang {s}" for s in tables.STATUSES if counts[s]]
    others = sorted({e.status for e in plan.staff} - set(tables.STATUSES))
    statuses += [f"{plain(counts[s])} orang {text(s)}" for s in others]
    return {
        "total_phrase": count_phrase(counts["total"]),
        "status_phrase": " dan ".join(filter(None, [", ".join(statuses[:-1]), statuses[-1]])) if statuses else "",
        "by_position": [
            {"no": f"{i})", "name": tables.POSITION_TYPE_NAMES[t], "count": f"{plain(counts[t])} orang"}
            for i, t in enumerate(tables.POSITION_TYPES, 1)
        ],
        "grade_table": _grade_table(plan),
        "education_table": _education_table(plan),
        "unit_table": _unit_table(plan),
    }


def _grouped(items: Iterable[tuple[str, str]]) -> list[dict]:
    """(name, goal) pairs grouped by name in order of first appearance, both numbered."""
    out: list[dict] = []
    index: dict[str, dict] = {}
    for name, goal in items:
        if name not in index:
            index[name] = {"no": f"{len(out) + 1}.", "name": text(name), "goals": []}
            out.append(index[name])
        goals = index[name]["goals"]
        goals.append({"no": f"{len(goals) + 1}.", "name": text(goal)})
    return out


def _kro_groups(plan: Plan, ros: Sequence[Ro]) -> list[tuple[str, list[Ro]]]:
    """Consecutive ROs of the same KRO under one heading (the KRO name, or its code if unknown)."""
    groups: list[tuple[str, str, list[Ro]]] = []
    for ro in ros:
        if groups and groups[-1][0] == ro.kro:
            groups[-1][2].append(ro)
        else:
            groups.append((ro.kro, text(plan.kro_name(ro.kro) or ro.kro), [ro]))
    return [(name, items) for _, name, items in groups]


def _ikk_rows(plan: Plan, indicator: Indicator, head: dict, ro_row) -> list[dict]:
    """Rows of one IKK in a BAB II or Jadwal table: a heading row per KRO group, a row per RO.

    `head` holds the IKK's own cells (merged down over its rows), `ro_row(ro)` an RO's cells.
    An IKK without RO still gets one row, so it is never silently left out.
    """
    rows: list[dict] = []
    for kro_name, ros in _kro_groups(plan, tables.ros_of(plan, indicator.no)):
        rows.append({"heading": True, "kro": kro_name})
        rows.extend({"heading": False, **ro_row(ro)} for ro in ros)
    if not rows:
        rows.append({"heading": True, "kro": ""})
    for i, row in enumerate(rows):
        row.update(head, first=i == 0)
    return rows


def _ro_name(ro: Ro) -> str:
    return f"- {text(ro.name)}"


def _bab2(plan: Plan) -> dict:
    year = plan.office.year
    indicators = sorted(plan.indicators, key=lambda i: i.no)
    ikk_rows: list[dict] = []
    funding_rows: list[dict] = []
    source_rows: list[dict] = []
    for ind in indicators:
        name = text(ind.name)
        ikk_rows += _ikk_rows(plan, ind, {
            "no": str(ind.no), "ikk": name, "target": target_text(ind.target),
            "amount": number(tables.ikk_allocation(plan, ind.no)),
        }, lambda ro: {"name": _ro_name(ro)})
        funding_rows += _ikk_rows(plan, ind, {"ikk": name}, lambda ro: {
            "name": _ro_name(ro), "volume": plain(ro.volume), "unit": text(ro.unit),
            "amount": number(ro.amount), "next_volume": plain(ro.next_volume),
            "next_amount": number(ro.next_amount),
        })
        source_rows += _ikk_rows(plan, ind, {"ikk": name}, lambda ro: {
            "code": text(ro.code), "name": _ro_name(ro), "rm": number(ro.rm), "pnbp": number(ro.pnbp),
            "phln": number(ro.phln), "amount": number(ro.amount), "location": text(ro.location),
        })
    totals = tables.source_totals(plan)
    return {
        "programs": _grouped((p.program, p.goal) for p in plan.programs),
        "activities": _grouped((a.activity, a.goal) for a in plan.activities),
        "activity_goals": [{"no": f"{i}.", "name": text(a.goal)} for i, a in enumerate(plan.activities, 1)],
        "ikk_table": {"rows": ikk_rows},
        "funding": {
            "rows": funding_rows,
            "years": [str(year), str(year + 1)],
            "total": {"amount": number(totals["amount"]), "next_amount": number(totals["next_amount"])},
        },
        "sources": {
            "rows": source_rows,
            "total": {k: number(totals[k]) for k in ("rm", "pnbp", "phln", "amount")},
        },
        "pagu": number(totals["amount"]),
    }


def _series_row(first: bool, ikk: str, definition: str, target: str, absolute: str, months: list[str]) -> dict:
    return {"first": first, "ikk": ikk, "definition": definition, "target": target,
            "absolute": absolute, "months": months}


def _target_rows(plan: Plan, ind: Indicator) -> list[dict]:
    """An IKK's rows in the annex: its own row, the component-sum row when due, its components.

    The sum of the components is shown on the IKK's own row when the IKK has no series of
    its own and no label for the sum; under its label (`sum_label`) on a row of its own otherwise.
    """
    own, comps = tables.series_of(plan, ind)
    sums = month_values(tables.component_sums(comps)) if comps else ["-"] * 12
    sum_absolute = tables.component_absolute(comps)
    separate_sum = bool(comps) and bool(ind.sum_label)
    if own is not None:
        head_months = month_values(own.months, own.percent)
        head_absolute = target_text(ind.absolute) or target_text(own.absolute)
    elif comps and not separate_sum:
        head_months = sums
        head_absolute = target_text(ind.absolute) or plain(sum_absolute, nil="")
    else:
        head_months = [""] * 12
        head_absolute = target_text(ind.absolute)
    rows = [_series_row(True, f"{ind.no}. {text(ind.name)}", text(ind.definition), target_text(ind.target),
                        head_absolute, head_months)]
    if separate_sum:
        rows.append(_series_row(False, "", text(ind.sum_label), "", plain(sum_absolute, nil=""), sums))
    for comp in comps:
        rows.append(_series_row(False, "", f"{comp.component}. {text(comp.name)}", "",
                                target_text(comp.absolute), month_values(comp.months, comp.percent)))
    return rows


def _annex(plan: Plan) -> dict:
    """Lampiran: one monthly-target table per sasaran, then the Jadwal (numbered after them)."""
    goals = sorted(plan.goals, key=lambda g: g.no)
    known = {g.no for g in goals}
    indicators = sorted(plan.indicators, key=lambda i: i.no)
    groups = [(str(g.no), text(g.name), [i for i in indicators if i.goal == g.no]) for g in goals]
    orphans = [i for i in indicators if i.goal not in known]
    if orphans:
        groups.append(("", "", orphans))
    targets = []
    for goal_no, goal_name, inds in groups:
        rows = [row for ind in inds for row in _target_rows(plan, ind)]
        for i, row in enumerate(rows):
            row["goal_first"] = i == 0
        targets.append({"lampiran": str(len(targets) + 1), "no": goal_no, "name": goal_name, "rows": rows})

    schedule = {s.code: s for s in plan.schedule}

    def jadwal_row(ro: Ro) -> dict:
        row = schedule.get(ro.code)
        months = [number(v) for v in row.months] if row else ["-"] * 12
        return {"code": text(ro.code), "name": _ro_name(ro), "months": months,
                "amount": number(row.total if row else 0), "pj": text(", ".join(ro.pj))}

    rows = []
    for ind in indicators:
        rows += _ikk_rows(plan, ind, {"ikk": text(ind.name), "target": target_text(ind.target)}, jadwal_row)
    month_totals = tables.schedule_totals(plan)
    return {
        "target_annexes": targets,
        "schedule": {
            "lampiran": str(len(targets) + 1),
            "rows": rows,
            "total": {"months": [number(v) for v in month_totals], "amount": number(sum(month_totals))},
        },
    }


def _findings(findings: Iterable[Finding]) -> list[dict]:
    return [
        {
            "no": str(i),
            "severity": _SEVERITY.get(f.severity, f.severity),
            "rule": text(f.rule),
            "message": text(f.message),
            "where": text("; ".join(str(loc) for loc in f.locations)),
        }
        for i, f in enumerate(findings, 1)
    ]


def build_context(plan: Plan, findings: Iterable[Finding] = (), draft: bool = False) -> dict:
    """Everything the template shows, as plain values; `findings` are listed only in a draft."""
    return {
        "draft": bool(draft),
        **_cover_and_identity(plan),
        **_organisation(plan),
        "bagan": _bagan(plan),
        "staff": _staff(plan),
        "charts": _charts(plan),
        **_bab2(plan),
        **_annex(plan),
        "findings": _findings(findings) if draft else [],
        "months_short": list(MONTH_SHORT),
    }
