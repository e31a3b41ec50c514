"""Turn raw cells into the typed model: numbers parsed, text trimmed, codes upper-cased.

Pure functions over `read.RawWorkbook`s. A value that cannot be typed (a word in a number
column, an empty key) is collected as a finding with its cell and typed as empty, its cell
recorded in the plan's `unread` so the checks withhold what would rest on it (`typed`); a key
typed twice is a finding the plan carries. `normalise` raises one InputError listing every
problem, for callers that need a plan they can trust.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from pipeline.findings import Finding, InputError, Location
from pipeline.inputs import schema
from pipeline.inputs.cells import TypedCells, extra_cells, locations, records, stated_total
from pipeline.inputs.read import LIMITS, Limits, RawCell, RawForm, RawRow, RawWorkbook, read_inputs, read_workbook
from pipeline.inputs.realisation import realisation_of
from pipeline.plan import model
from pipeline.plan.vocabulary import acting_of, position_type_of, status_of


def _office(raw: RawWorkbook | None, c: TypedCells) -> model.Office:
    form = raw.sheets.get("Identitas") if raw is not None else None
    f = form.fields if isinstance(form, RawForm) else {}
    cells = {key: cell.location for key, cell in f.items()}
    t = lambda key: c.text(f.get(key), required=True)  # noqa: E731
    head = model.Head(t("head_name"), c.code(f.get("head_nip"), required=True), t("head_title"),
                      acting=acting_of(c.text(f.get("head_acting"))),
                      cells={"name": cells.get("head_name"), "nip": cells.get("head_nip"),
                             "title": cells.get("head_title"), "acting": cells.get("head_acting")})
    return model.Office(
        name=t("office_name"), short_name=t("office_short"), address=t("address"), postcode=t("postcode"),
        phone=t("phone"), fax=c.text(f.get("fax")), year=c.whole(f.get("year"), required=True),
        edition=t("edition"), ministry=t("ministry"), parent_unit=t("parent_unit"), head=head,
        sign_place=t("sign_place"), sign_date=c.date(f.get("sign_date")),
        superior_nip=c.code(f.get("superior_nip")), superior_acting=acting_of(c.text(f.get("superior_acting"))),
        **{key: c.text(f.get(key)) for key in ("parent_unit_short", "superior_title", "superior_name", "period",
                                                "vision", "renstra_regulation", "organisation_regulation")},
        cells=cells,
    )


def _month_values(row: RawRow, c: TypedCells, convert: Callable[[RawCell], Any]) -> tuple:
    return tuple(convert(row.cells[f"m{i:02d}"]) for i in range(1, 13))


def _monthly(row: RawRow, c: TypedCells) -> model.MonthlyTarget:
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
        extra=extra_cells(row),
        cells=locations(row),
        row=row.number,
    )


def _ro(row: RawRow, c: TypedCells) -> model.Ro:
    g = row.cells.get
    pj = tuple(p for p in (" ".join(x.split()) for x in c.text(g("pj")).split(",")) if p)
    return model.Ro(
        code=c.code(g("code"), required=True), name=c.text(g("name"), required=True),
        volume=c.whole(g("volume")), unit=c.text(g("unit")),
        rm=c.money(g("rm")), pnbp=c.money(g("pnbp")), phln=c.money(g("phln")),
        location=c.text(g("location")), pj=pj,
        next_volume=c.whole(g("next_volume")), next_amount=c.money(g("next_amount")),
        cells=locations(row), row=row.number,
    )


def _indicator(row: RawRow, c: TypedCells) -> model.Indicator:
    g = row.cells.get
    target = c.number(g("target"))
    if target is None and g("target") is not None:
        c.fail(g("target"), "Target PK wajib diisi", "input.empty")
    return model.Indicator(
        no=c.whole(g("no"), required=True), goal=c.whole(g("goal"), required=True),
        name=c.text(g("name"), required=True), definition=c.text(g("definition")),
        target=target or model.Target(Decimal(0)), unit=c.text(g("unit")),
        absolute=c.number(g("absolute")), sum_label=c.text(g("sum_label")), direction=c.text(g("direction")),
        renstra=c.number(g("renstra")), scale=c.text(g("scale")), cells=locations(row), row=row.number,
    )


def _employee(row: RawRow, c: TypedCells) -> model.Employee:
    """A roster row, its status and position type in their one spelling (`ASN` is PNS, `JFU` Pelaksana)."""
    g = row.cells.get
    typed = c.text(g("position_type"), required=True)
    return model.Employee(
        nip=c.code(g("nip"), required=True), name=c.text(g("name"), required=True),
        status=status_of(c.text(g("status"), required=True)), position_type=position_type_of(typed),
        position=c.text(g("position"), required=True), grade=c.text(g("grade"), required=True),
        education=c.text(g("education"), required=True), unit=c.code(g("unit"), required=True),
        position_typed=typed, cells=locations(row), row=row.number,
    )


def normalise(raw: dict[str, RawWorkbook], problems: list[Finding] | tuple[Finding, ...] = ()) -> model.Plan:
    """The typed Plan of one office, or InputError listing every problem of every workbook at once.

    `raw` may lack workbooks that could not be read (their `problems` given): the others are
    still typed, so the InputError names every problem of every workbook at once. A key typed
    twice is an error finding carried by the plan (`input_findings`), not a reason to stop:
    the first row is kept and every other check still runs.
    """
    plan, found = typed(raw, problems)
    if found:
        raise InputError(found)
    return plan


def typed(raw: dict[str, RawWorkbook],
          problems: list[Finding] | tuple[Finding, ...] = ()) -> tuple[model.Plan, list[Finding]]:
    """The plan of what could be read, and every problem: `problems` (the reader's) and each cell that
    could not be typed.

    A cell that could not be read or typed is typed as empty (0, no target, no text) and named in
    the plan's `unread`, with each sheet whose key cell it is; a plan with problems is for the
    checks alone, never for a document.
    """
    problems = list(problems)
    c = TypedCells(_cells_of(problems))
    idn, peg, kin, fund, sched = (raw.get(k) for k in ("identitas", "pegawai", "kinerja", "pendanaan", "jadwal"))
    realised = None
    if raw.get("realisasi") is not None:
        realised = realisation_of(raw["realisasi"], c)

    def rec(cls, **fields):
        return lambda row, c: cls(**{k: f(row.cells.get(k), c) for k, f in fields.items()},
                                  cells=locations(row), row=row.number)

    text = lambda cell, c: c.text(cell, required=True)  # noqa: E731
    opt_text = lambda cell, c: c.text(cell)  # noqa: E731
    code = lambda cell, c: c.code(cell, required=True)  # noqa: E731
    whole = lambda cell, c: c.whole(cell, required=True)  # noqa: E731

    plan = model.Plan(
        office=_office(idn, c),
        units=records(idn, "Unit", c, rec(model.Unit, no=whole, name=text, kind=text, duty=opt_text)),
        wilker=records(idn, "Wilker", c, rec(model.Wilker, no=whole, name=text)),
        work_units=records(idn, "Unit Kerja", c, rec(model.WorkUnit, code=code, name=text, group=opt_text)),
        pjs=records(idn, "PJ", c, rec(model.Pj, name=text)),
        programs=records(idn, "Program", c, rec(model.ProgramGoal, program=text, goal=text)),
        activities=records(idn, "Kegiatan", c, rec(model.ActivityGoal, activity=text, goal=text)),
        staff=records(peg, "Pegawai", c, _employee),
        educations=records(peg, "Pendidikan", c, rec(model.Education, no=whole, name=text)),
        goals=records(kin, "Sasaran", c, rec(model.Goal, no=whole, name=text)),
        indicators=records(kin, "IKK", c, _indicator),
        monthly=records(kin, "Target Bulanan", c, _monthly),
        kros=records(fund, "KRO", c, rec(model.Kro, code=code, name=text)),
        ros=records(fund, "RO", c, _ro),
        ikk_ros=records(fund, "IKK-RO", c, rec(model.IkkRo, ikk=whole, code=code, name=opt_text)),
        ikk_allocations=records(fund, "Alokasi IKK", c, rec(model.IkkAllocation, ikk=whole,
                                                         amount=lambda cell, c: c.money(cell))),
        schedule=records(sched, "Jadwal", c, lambda row, c: model.ScheduleRow(
            code=c.code(row.cells["code"], required=True), name=c.text(row.cells.get("name")),
            months=_month_values(row, c, c.money), extra=extra_cells(row), cells=locations(row), row=row.number)),
        legal_basis=tuple(sorted(records(idn, "Dasar Hukum", c, rec(model.LegalBasis, no=whole, text=text)),
                                 key=lambda b: b.no)),
        totals=tuple(t for t in (stated_total(fund, "RO", c), stated_total(sched, "Jadwal", c)) if t),
        sources=tuple(model.Source(w.spec.filename, str(w.path), w.sha256) for w in raw.values()
                      if w.spec.key != "realisasi"),
        input_findings=tuple(c.duplicates),
        realisation=realised,
        unread=model.Unread(frozenset(c.unread), frozenset(c.untrusted)),
    )
    return plan, problems + c.problems


def _cells_of(problems: list[Finding]) -> frozenset[Location]:
    """The single cells the reader could not read (a formula never calculated), not rows or sheets."""
    return frozenset(loc for f in problems for loc in f.locations if loc.cell and ":" not in loc.cell)


def load(folder, limits: Limits = LIMITS, realisation: bool = False) -> model.Plan:
    """Read and normalise the five workbooks of `folder` (the first two stages in one call).

    With `realisation`, realisasi.xlsx is read too when the folder has it (`plan.realisation`);
    its problems are reported with the others. The raw grids are dropped on return: the cells
    are in the plan.
    """
    return normalise(*read_all(folder, limits, realisation))


def read_all(folder, limits: Limits = LIMITS,
             realisation: bool = False) -> tuple[dict[str, RawWorkbook], list[Finding]]:
    """The workbooks of `folder` that could be read (realisasi.xlsx too, with `realisation`) and the
    problems of all of them."""
    raw, problems = read_inputs(folder, limits=limits)
    if realisation:
        found, more = read_optional(folder, limits)
        raw.update(found)
        problems = [*problems, *more]
    return raw, problems


def read_optional(folder, limits: Limits = LIMITS) -> tuple[dict[str, RawWorkbook], list[Finding]]:
    """The optional workbooks `folder` has (realisasi.xlsx), read, and the problems of those that cannot be.

    A workbook that is absent is no problem; one saved in another format (`realisasi.xls`) is, so
    that it is never skipped unseen.
    """
    found: dict[str, RawWorkbook] = {}
    problems: list[Finding] = []
    folder = Path(folder)
    for spec in schema.OPTIONAL_WORKBOOKS:
        path = folder / spec.filename
        stem = Path(spec.filename).stem
        if not path.exists() and not path.is_symlink() and not any(
                p.name.casefold().startswith(stem + ".") for p in folder.glob("*") if not p.name.startswith("~$")):
            continue
        try:
            found[spec.key] = read_workbook(path, spec, limits)
        except InputError as exc:
            problems.extend(exc.findings)
            continue
        problems.extend(found[spec.key].problems)
    return found, problems
