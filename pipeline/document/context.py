"""The document's content as plain values: what the Word template reads, and nothing else.

Its shape is the template contract, `contract.RktContext` (pipeline/document/contract.py).

`build_context(plan)` turns the typed model into strings, lists and dicts, already in
Indonesian formats, so the template only places text: the renderer knows nothing of cells,
Decimals or rules. Every figure comes from `tables.py`, so the document and the checks agree.
Table rows are flat lists with a `first` flag where a table merges cells vertically
(pipeline/document/table.py) and a `heading` flag for KRO group rows; `tables` names each table a
placeholder `{{ tables.tabel_5|table }}` puts in its place.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from pipeline.document import columns, layout
from pipeline.findings import Finding
from pipeline.formatting import count_phrase, number, percent, plain, sign_date_text, target_text, words
from pipeline.plan import tables
from pipeline.plan.model import Indicator, Office, Plan, Ro
from pipeline.plan.texts import texts
from pipeline.plan.vocabulary import (
    FUNCTIONAL,
    MONTH_SHORT,
    PELAKSANA,
    POSITION_TYPE_NAMES,
    POSITION_TYPES,
    PPPK_STATUSES,
    STATUSES,
    STRUCTURAL_KINDS,
    is_revision,
)

if TYPE_CHECKING:
    from pipeline.document import contract

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SEVERITY = {"error": "Galat", "warning": "Peringatan"}
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def text(value: object) -> str:
    """Cell text made safe for a document: control characters (invalid in XML) removed."""
    return _CONTROL.sub("", str(value or ""))


def month_values(values: Sequence[Decimal | None], is_percent: bool = False, places: int | None = None) -> list[str]:
    """Twelve monthly targets as shown: `0` is a value, an empty month is `-`; `places` decimals if typed so."""
    return [percent(v, places=places) if is_percent and v is not None else plain(v, places=places) for v in values]


def edition_title(office: Office) -> str:
    """`RKT AWAL TAHUN 2024` (edition `Awal Tahun`), `RKT REVISI 1 TAHUN 2024` (edition `Revisi 1`)."""
    edition = " ".join(text(office.edition).upper().split())
    joiner = " " if edition.endswith("TAHUN") else " TAHUN "
    return f"RKT {edition}{joiner}{office.year}"


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


def identity(plan: Plan) -> contract.Identity:
    """The office, edition and signatory as the cover and every signature show them (RKT and PK alike)."""
    o = plan.office
    phone = f"Telp. {text(o.phone)}" if o.phone else ""
    fax = f"Fax. {text(o.fax)}" if o.fax else ""
    return {
        "year": str(o.year),
        "next_year": str(o.year + 1),
        "office": {
            "name": _class_bound(text(o.name)),
            "name_upper": _class_bound(text(o.name).upper()),
            "short": _class_bound(text(o.short_name)),
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
            "date": sign_date_text(o.sign_date),
            "title": acting_title(o.head.acting, signature_title(text(o.head.title))),
            "name": text(o.head.name),
            "nip": text(o.head.nip),
        },
    }


def acting_title(acting: str, title: str) -> str:
    """`Plt. Kepala Balai ...` for an acting official, the title (as the signature prints it) alone otherwise: how
    every signature names them."""
    return " ".join(p for p in (text(acting), title) if p)


def ikk_target(ind: Indicator) -> str:
    """An IKK's Target PK as printed: `0,99`, `97%`; with its declared scale, `3,25 (skala 1-5)`, so a reader
    knows what 3,25 is out of."""
    shown = target_text(ind.target)
    return f"{shown} (skala {text(ind.scale)})" if ind.scale else shown


_CLASS = re.compile(r"\b(Kelas|KELAS) (?=[IVX]+\b)")


def _class_bound(name: str) -> str:
    """An office's name with `Kelas II` bound by a non-breaking space: a line never ends at `Kelas`."""
    return _CLASS.sub("\\1\u00a0", name)


_OFFICE_TAIL = re.compile(r"(?<=\bKesehatan )\S.*$|\bKelas \S.*$")


def signature_title(title: str) -> str:
    """A title as a signature prints it, breaking where a person would: what names the office after `Kesehatan`
    (`Kelas II Jambi`, a place of several words) is bound by non-breaking spaces, else its last two words."""
    tail = _OFFICE_TAIL.search(title)
    if tail is None:
        head, _, last = title.rpartition(" ")
        head, _, before = head.rpartition(" ")
        return f"{head} {before}\u00a0{last}".strip() if before else title
    return title[:tail.start()] + tail.group().replace(" ", "\u00a0")


def _lower_first(text_: str) -> str:
    """`Meningkatnya pelayanan` -> `meningkatnya pelayanan` (an acronym such as `BMN` is left as it is)."""
    return text_ if text_[:2].isupper() else text_[:1].lower() + text_[1:]


def joined(items: Sequence[str], last: str = "dan") -> str:
    """`a`, `a dan b`, `a, b, dan c`: a list as a sentence reads it."""
    items = [i for i in items if i]
    if len(items) <= 2:
        return f" {last} ".join(items)
    return ", ".join(items[:-1]) + f", {last} " + items[-1]


def _year_texts(plan: Plan) -> dict:
    """The texts bound to the parent unit and the strategic period (pipeline/plan/texts.py)."""
    t = texts(plan)
    o = plan.office
    short = t.parent_unit_short
    abbreviation = short.split(" ", 1)[1] if short.casefold().startswith("ditjen ") and " " in short else ""
    program = next((p.program for p in plan.programs), "")
    named_after = bool(program) and o.parent_unit.casefold().endswith(program.casefold())
    goals = [_lower_first(text(g.name)) for g in sorted(plan.goals, key=lambda g: g.no)]
    return {
        "texts": {
            "period": text(t.period),
            "vision": text(t.vision),
            "renstra_regulation": text(t.renstra_regulation),
            "organisation_regulation": text(t.organisation_regulation),
            "legal_basis": joined([text(b) for b in t.legal_basis]),
            "parent_unit_short": text(short),
            "superior": text(t.superior_title) + (f" ({abbreviation})" if abbreviation else ""),
            "program": (f"Program {text(program)}" + (f" ({abbreviation})" if abbreviation and named_after else ""))
            if program else "",
            "goals": joined([f"({i}) {g}" for i, g in enumerate(goals, 1)]),
            "previous_year": str(o.year - 1),
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


_STRUCTURAL = tuple(k.casefold() for k in STRUCTURAL_KINDS) + ("subbag",)


def _bagan(plan: Plan) -> contract.Bagan:
    """Bagan 1: the head, the structural units (Bagian, Bidang, Subbagian, Seksi) on the trunk, the others below.

    The Wilayah Kerja unit lists the wilker in its box, lettered as in the text.
    """
    wilker = [f"{w['letter']}. {w['name']}" for w in _organisation(plan)["wilker"]]
    side, below = [], []
    for u in sorted(plan.units, key=lambda u: u.no):
        kind = u.kind.casefold().strip()
        box = {"name": text(u.name), "lines": wilker if kind == "wilayah kerja" else []}
        (side if kind.startswith(_STRUCTURAL) else below).append(box)
    return {"head": text(plan.office.head.title) or "Kepala", "side": side, "units": below}


def _chart(key: str, name: str, kind: str, categories: Sequence[str],
           series: Sequence[tuple[str, list[int]]]) -> contract.Chart:
    return {
        "id": key,
        "name": name,
        "kind": kind,
        "categories": [text(c) for c in categories],
        "series": [{"name": text(n), "values": [int(v) for v in values]} for n, values in series],
    }


def _charts(plan: Plan) -> contract.Charts:
    """Grafik 1-4 as categories and series of counts, from the same crosstabs as Tabel 1-3.

    Grafik 1 leaves out position types nobody holds (a 0% slice has nothing to show);
    Grafik 2 shows the PNS golongan by ruang and the PPPK grades (their own scale) as a series
    of their own, as Tabel 1 has them in rows of their own; Grafik 3 shows
    the qualifications Tabel 2 shows; Grafik 4 stacks JFU and JFT per work unit, with the
    structural posts as a column of their own, as Tabel 3 does.
    """
    counts = tables.headcount(plan)
    word = tables.position_word(plan)
    held = [t for t in POSITION_TYPES if counts[t]]
    grade = tables.staff_by_grade(plan)
    labels = [grade_label(r) for r in grade.rows]
    grade_series = [(f"Ruang {c}", [grade.get(r, c) for r in grade.rows]) for c in ("A", "B", "C", "D")]
    for name, status in ((s, s) for s in PPPK_STATUSES):
        values = [grade.get(r, "") if tables.grade_status(r) == status else 0 for r in grade.rows]
        if any(values):
            grade_series.append((name, values))
    values = [0 if tables.grade_status(r) else grade.get(r, "") for r in grade.rows]
    if any(values):
        grade_series.append(("Tanpa ruang", values))
    education = tables.staff_by_education(plan)
    qualifications = [r for r in education.rows if education.row_total(r)]
    units = tables.staff_by_unit(plan)
    codes = [u.code for u in plan.work_units]
    structural = units.col_total("Struktural")
    unit_categories = codes + (["Struktural"] if structural else [])
    unit_series = [(word if t == PELAKSANA else t,
                    [units.col_total(f"{c}|{t}") for c in codes] + ([0] if structural else []))
                   for t in (PELAKSANA, FUNCTIONAL)]
    if structural:
        unit_series.append(("Struktural", [0] * len(codes) + [structural]))
    return {
        "grafik_1": _chart("grafik_1", "Grafik 1", "pie", [word if t == PELAKSANA else t for t in held],
                           [("Jumlah pegawai", [counts[t] for t in held])]),
        "grafik_2": _chart("grafik_2", "Grafik 2", "column", labels, grade_series),
        "grafik_3": _chart("grafik_3", "Grafik 3", "bar", qualifications,
                           [("Jumlah pegawai", [education.row_total(r) for r in qualifications])]),
        "grafik_4": _chart("grafik_4", "Grafik 4", "stacked", unit_categories, unit_series),
    }


def grade_label(row: str) -> str:
    """A Tabel 1 row as printed: `III`, or a PPPK grade as `VII (PPPK)` or `V (PPPK Paruh Waktu)`."""
    status = tables.grade_status(row)
    return f"{row.removeprefix(status + ' ')} ({status})" if status else row


def _grade_table(plan: Plan) -> contract.GradeTable:
    """Tabel 1; nil shown as `-` as in the published edition."""
    tab = tables.staff_by_grade(plan)
    shown = ("A", "B", "C", "D")
    return {
        "rows": [
            {
                "label": grade_label(rank),
                "cells": [number(tab.get(rank, c)) for c in shown],
                "total": plain(tab.row_total(rank)),
            }
            for rank in tab.rows
        ],
        "totals": [number(tab.col_total(c)) for c in shown],
        "total": plain(tab.total),
    }


def _education_table(plan: Plan) -> contract.EducationTable:
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


def _unit_table(plan: Plan) -> list[contract.UnitTable]:
    """Tabel 3, in as many parts as the page needs: each the qualifications by its work units.

    Each part has three header rows (group, unit, JFU/JFT), then one row per qualification; columns
    come per work unit as a JFU/JFT pair. A unit without a group has its code merged down over the
    first two header rows (`first` is False on its second-row cell). The last part carries the
    Struktural and Jumlah columns. A part takes as many units as fit the page at widths measured
    from its figures and codes; the rows are the same in every part, so a reader can follow them.
    """
    tab = tables.staff_by_unit(plan)
    rows = [r for r in tab.rows if tab.row_total(r)]
    cell = lambda r, col: number(tab.get(r, col), nil="")  # noqa: E731
    total = lambda col: number(tab.col_total(col), nil="")  # noqa: E731  (blank for none, as in the rows)
    names = [text(r) for r in rows]
    word = tables.position_word(plan)

    no, name, jfu, jft, structural, jumlah = columns.UNITS.columns
    size = columns.UNITS.sizes[0]

    def widths(units: Sequence, last: bool) -> list[int] | None:
        cols = [no.fit([f"{i}." for i in range(1, len(rows) + 1)]), name.fit(names)]
        for u in units:
            half = layout.text_width(text(u.code), size, True) / 2 / layout.TWIPS_PER_CM + 0.1  # the code on top
            for kind, column, header in ((PELAKSANA, jfu, word), (FUNCTIONAL, jft, jft.header)):
                figures = [cell(r, f"{u.code}|{kind}") for r in rows] + [total(f"{u.code}|{kind}")]
                cols.append(column.fit(figures, header, minimum=half))
        if last:
            cols.append(structural.fit([cell(r, "Struktural") for r in rows] + [total("Struktural")]))
            cols.append(jumlah.fit([plain(tab.row_total(r)) for r in rows] + [plain(tab.total)]))
        return layout.fit(cols, columns.PORTRAIT_CM, size)

    parts, left = [], list(plan.work_units)
    while left:
        take = len(left)
        while take > 1 and widths(left[:take], take == len(left)) is None:
            take -= 1
        parts.append(left[:take])
        left = left[take:]
    parts = parts or [[]]
    out = []
    for n, part in enumerate(parts):
        last = n == len(parts) - 1
        found = widths(part, last) or layout.fit(
            [layout.Column([""]) for _ in range(2 + 2 * len(part) + 2 * last)], columns.PORTRAIT_CM, size)
        sub = found[2:2 + 2 * len(part)]
        pair_w = [{"jfu": sub[2 * i], "jft": sub[2 * i + 1], "both": sub[2 * i] + sub[2 * i + 1]}
                  for i in range(len(part))]
        groups: list[dict] = []
        units: list[dict] = []
        for u, w in zip(part, pair_w, strict=True):
            if u.group and groups and groups[-1]["grouped"] and groups[-1]["label"] == text(u.group):
                groups[-1]["span"] += 2
                groups[-1]["w"] += w["both"]
            else:
                groups.append({"label": text(u.group or u.code), "span": 2, "grouped": bool(u.group),
                               "first": True, "w": w["both"]})
            units.append({"label": text(u.code) if u.group else "", "span": 2, "first": bool(u.group),
                          "w": w["both"]})
        codes = [u.code for u in part]

        def pairs(value, codes=codes) -> list[dict]:
            return [{"jfu": value(f"{c}|{PELAKSANA}"), "jft": value(f"{c}|{FUNCTIONAL}")} for c in codes]

        out.append({
            "table": table_ref("tabel_3", n),
            "continued": n > 0,
            "last": last,
            "w": {"no": found[0], "name": found[1], "pairs": pair_w,
                  "structural": found[-2] if last else 0, "total": found[-1] if last else 0},
            "groups": [{k: g[k] for k in ("label", "span", "first", "w")} for g in groups],
            "units": units,
            "rows": [
                {"no": f"{i}.", "name": text(r), "cells": pairs(lambda col, r=r: cell(r, col)),
                 "structural": cell(r, "Struktural"), "total": plain(tab.row_total(r))}
                for i, r in enumerate(rows, 1)
            ],
            "totals": pairs(total),
            "structural": total("Struktural"),
            "total": plain(tab.total),
        })
    return out


def _unit_legend(plan: Plan) -> str:
    """`TU = Tata Usaha; PRL = Pengendalian Risiko Lingkungan; ...`: the work units Tabel 3 and Grafik 4 name."""
    return "; ".join(f"{text(u.code)} = {text(u.name)}" for u in plan.work_units if u.name and u.name != u.code)


def _staff(plan: Plan) -> contract.Staff:
    counts = tables.headcount(plan)
    word = tables.position_word(plan)
    statuses = [f"{plain(counts[s])} orang {s}" for s in STATUSES if counts[s]]
    others = sorted({e.status for e in plan.staff} - set(STATUSES))
    statuses += [f"{plain(counts[s])} orang {text(s)}" for s in others]
    return {
        # ASN is PNS and PPPK together (UU 20/2023): the total is called ASN only when everyone is one
        "total_phrase": count_phrase(counts["total"]) + (" ASN" if counts["total"] and not others else ""),
        "status_phrase": joined(statuses),
        "by_position": [
            {"no": f"{i})", "name": POSITION_TYPE_NAMES[word if t == PELAKSANA else t],
             "count": f"{plain(counts[t])} orang"}
            for i, t in enumerate(POSITION_TYPES, 1)
        ],
        "words": {"pelaksana": word},
        "grade_table": _grade_table(plan),
        "education_table": _education_table(plan),
        "unit_tables": _unit_table(plan),
        "unit_legend": _unit_legend(plan),
    }


def _grouped(items: Iterable[tuple[str, str]]) -> list[contract.Grouped]:
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
            "no": str(ind.no), "ikk": name, "target": ikk_target(ind),
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
        head_months = month_values(own.months, own.percent, own.places)
        head_absolute = target_text(ind.absolute) or target_text(own.absolute)
    elif comps and not separate_sum:
        head_months = sums
        head_absolute = target_text(ind.absolute) or plain(sum_absolute, nil="")
    else:
        head_months = [""] * 12
        head_absolute = target_text(ind.absolute)
    rows = [_series_row(True, f"{ind.no}. {text(ind.name)}", text(ind.definition), ikk_target(ind),
                        head_absolute, head_months)]
    if separate_sum:
        rows.append(_series_row(False, "", text(ind.sum_label), "", plain(sum_absolute, nil=""), sums))
    for comp in comps:
        rows.append(_series_row(False, "", f"{comp.component}. {text(comp.name)}", "",
                                target_text(comp.absolute), month_values(comp.months, comp.percent, comp.places)))
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
        title = f"Target Indikator Kinerja Sasaran {goal_no}" if goal_no else "Target Indikator Kinerja Tanpa Sasaran"
        targets.append({"table": table_ref("lampiran_target", len(targets)), "lampiran": str(len(targets) + 1),
                        "no": goal_no, "name": goal_name, "title": title, "rows": rows})

    schedule = {s.code: s for s in plan.schedule}

    def jadwal_row(ro: Ro) -> dict:
        row = schedule.get(ro.code)
        months = [number(v) for v in row.months] if row else ["-"] * 12
        return {"code": text(ro.code), "name": _ro_name(ro), "months": months,
                "amount": number(row.total if row else 0), "pj": text(", ".join(ro.pj))}

    rows = []
    for ind in indicators:
        rows += _ikk_rows(plan, ind, {"ikk": text(ind.name), "target": ikk_target(ind)}, jadwal_row)
    month_totals = tables.schedule_totals(plan)
    return {
        "target_annexes": targets,
        "schedule": {
            "lampiran": str(len(targets) + 1),
            "rows": rows,
            "total": {"months": [number(v) for v in month_totals], "amount": number(sum(month_totals))},
        },
    }


def table_ref(name: str, item: int = 0) -> contract.TableRef:
    """What a placeholder `{{ ...|table }}` hands the renderer: the table's declaration by name, the loop's item."""
    return {"name": name, "item": item}


def _findings(findings: Iterable[Finding]) -> list[contract.FindingRow]:
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


def _fitted(table: columns.Table, ctx: dict) -> contract.Fitted:
    """The widths (twips) of `table` at the largest type size at which its columns fit, and that size's styles."""
    measured = columns.measure(table, ctx)
    for size in table.sizes:
        widths = layout.fit(measured, table.page, size, table.margin)
        if widths is not None:
            break
    else:  # nothing fits: even columns at the smallest size (the layout test names such a document)
        widths = layout.fit([layout.Column([], wrap=True) for _ in measured], table.page, size, table.margin)
    return {"w": widths, "style": columns.STYLES[size], "ro": columns.RO_STYLES[size]}


def _layouts(ctx: dict) -> contract.Layouts:
    """Column widths of BAB II's tables and the annex, measured from what they print (`columns.MEASURED`).

    A column merged down over its rows (the IKK, the sasaran) takes a small share of the spare
    width: its text wraps into lines that cost no height, while a wrapped RO name adds a line
    to its row.
    """
    return {table.name: _fitted(table, ctx) for table in columns.MEASURED}


def build_context(plan: Plan, findings: Iterable[Finding] = (), draft: bool = False) -> contract.RktContext:
    """Everything the template shows, as plain values; `findings` are listed only in a draft."""
    ctx = {
        "draft": bool(draft),
        "tables": {name: table_ref(name) for name in ("tabel_1", "tabel_2", "tabel_4", "tabel_5", "tabel_6",
                                                      "jadwal", "temuan")},
        **identity(plan),
        **_year_texts(plan),
        **_organisation(plan),
        "bagan": _bagan(plan),
        "staff": _staff(plan),
        "charts": _charts(plan),
        **_bab2(plan),
        **_annex(plan),
        "findings": _findings(findings) if draft else [],
        "months_short": list(MONTH_SHORT),
    }
    ctx["layout"] = _layouts(ctx)
    return ctx
