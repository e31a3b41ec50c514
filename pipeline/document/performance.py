"""The year measured as plain values: what templates/capaian.docx and templates/lakin.docx read, and nothing else.

Every figure comes from one `realisation.Capaian` (pipeline/plan/realisation.py measures it once)
and the PK's own context (`agreement.agreement_context`), formatted as the RKT and the PK format
them: a target printed in the LAKIN is the PK's text for it, a realisation the workbook's value on
the scale and with the decimals it was typed with. The capaian report and the LAKIN share the
measured period (`measured`), so the two cannot disagree either.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from pipeline.document.agreement import agreement_context
from pipeline.document.context import identity, ikk_target, joined, table_ref, text
from pipeline.formatting import number, percent, plain, sign_date_text, target_text
from pipeline.plan import tables
from pipeline.plan.model import Plan, SignDate
from pipeline.plan.realisation import (
    ACHIEVED,
    MISSED,
    NEARLY,
    NOT_REPORTED,
    Capaian,
    IkkMeasure,
    Measure,
    Spending,
    capaian,
)
from pipeline.plan.texts import texts
from pipeline.plan.vocabulary import MONTHS

if TYPE_CHECKING:
    from pipeline.document import contract

NIL = "-"
SHORT_MONTHS = tuple(m[:3] for m in MONTHS)


def _figure(value: Decimal | None, m: Measure) -> str:
    """A target or realisation on its series' scale, with the decimals the planner typed."""
    if value is None:
        return NIL
    return percent(value, places=m.places) if m.percent else plain(value, places=m.places)


def _pk_target(m: Measure, own: IkkMeasure) -> str:
    """The Target PK as the PK prints it (the IKK's own), a component's on its own scale."""
    if m.component is None:
        return ikk_target(own.indicator)
    return _figure(m.pk_target, m)


def _capaian(value: Decimal | None) -> str:
    return percent(value, places=2) if value is not None else NIL


def _pct(value: Decimal | None) -> str:
    return percent(value, places=2) if value is not None else NIL


def _rows(result: Capaian) -> list[contract.MeasureRow]:
    rows: list[contract.MeasureRow] = []
    for ikk in result.indicators:
        for i, m in enumerate((ikk.own, *ikk.components)):
            name = text(m.name) if m.component is None else f"{m.component}) {text(m.name)}"
            rows.append({"first": i == 0, "no": str(ikk.indicator.no), "name": name,
                         "target": _pk_target(m, ikk), "period_target": _figure(m.period_target, m),
                         "realised": _figure(m.realised, m), "capaian": _capaian(m.capaian),
                         "category": m.category})
    return rows


def _earlier(plan: Plan, ikk: IkkMeasure, month: int) -> list[contract.YearRow]:
    """Earlier years from the Tahun Lalu sheet, oldest first, then this year as measured through `month`."""
    rows: list[contract.YearRow] = []
    earlier = plan.realisation.earlier if plan.realisation is not None else ()
    lower = ikk.lower_is_better
    for e in sorted((e for e in earlier if e.ikk == ikk.indicator.no), key=lambda e: e.year):
        value = capaian(e.target.value if e.target else None, e.realisation.value if e.realisation else None, lower)
        rows.append({"year": str(e.year), "target": target_text(e.target, NIL),
                     "realised": target_text(e.realisation, NIL), "capaian": _capaian(value)})
    m = ikk.own
    year = str(plan.office.year) if month == 12 else f"{plan.office.year} (s.d. {MONTHS[month - 1]})"
    rows.append({"year": year, "target": ikk_target(ikk.indicator),
                 "realised": _figure(m.realised, m), "capaian": _capaian(m.capaian)})
    return rows


def _earlier_sentence(plan: Plan, ikk: IkkMeasure) -> str:
    """How this year's realisation stands against the latest earlier year's."""
    earlier = [e for e in (plan.realisation.earlier if plan.realisation is not None else ())
               if e.ikk == ikk.indicator.no and e.realisation is not None]
    m = ikk.own
    if not earlier or m.realised is None:
        return ""
    last = max(earlier, key=lambda e: e.year)
    before = last.realisation.value
    better = m.realised < before if ikk.lower_is_better else m.realised > before
    same = m.realised == before
    verdict = "sama dengan" if same else "lebih baik daripada" if better else "lebih rendah daripada"
    return (f"Realisasi tahun {plan.office.year} ({_figure(m.realised, m)}) {verdict} realisasi tahun {last.year} "
            f"({target_text(last.realisation)}).")


def _efficiency(ikk: IkkMeasure, spent: Spending) -> str:
    """Capaian of the IKK set against the absorption of the budget of its ROs."""
    absorbed, done = spent.absorption, ikk.own.capaian
    if absorbed is None or done is None:
        return ""
    if done >= absorbed:
        return (f"Capaian kinerja {_capaian(done)} dicapai dengan penyerapan anggaran {_pct(absorbed)}: sumber daya "
                "digunakan secara efisien.")
    return (f"Capaian kinerja {_capaian(done)} masih di bawah penyerapan anggaran {_pct(absorbed)}: efisiensi "
            "penggunaan sumber daya perlu ditingkatkan.")


def _ikks(plan: Plan, result: Capaian) -> list[contract.IkkReport]:
    spent = {s.key: s for s in result.ikks}
    out: list[contract.IkkReport] = []
    for i, ikk in enumerate(result.indicators):
        m, no = ikk.own, ikk.indicator.no
        money = spent[f"IKK {no}"]
        out.append({
            "table": table_ref("tahun", i),
            "no": str(no), "name": text(ikk.indicator.name), "goal": text(ikk.goal),
            "target": ikk_target(ikk.indicator), "period_target": _figure(m.period_target, m),
            "realised": _figure(m.realised, m), "capaian": _capaian(m.capaian), "category": m.category,
            "direction": ("Indikator ini makin baik bila makin rendah (Arah Turun): capaian dihitung "
                          "(2 x target - realisasi) / target x 100%.") if ikk.lower_is_better else "",
            "years": _earlier(plan, ikk, result.period.month), "earlier": _earlier_sentence(plan, ikk),
            "renstra": target_text(ikk.indicator.renstra),
            "renstra_capaian": _capaian(capaian(ikk.indicator.renstra.value, m.realised, ikk.lower_is_better)
                                        if ikk.indicator.renstra is not None else None),
            "allocation": number(money.allocation), "spent": number(money.realised_to_date),
            "absorption": _pct(money.absorption), "efficiency": _efficiency(ikk, money),
            "programmes": [f"{ro.code} {text(ro.name)}" for ro in tables.ros_of(plan, no)],
            "problems": text(ikk.problems), "actions": text(ikk.actions),
        })
    return out


def _budget_row(line: Spending) -> contract.BudgetRow:
    return {"code": text(line.key), "name": text(line.name), "allocation": number(line.allocation),
            "planned": number(line.planned_to_date), "realised": number(line.realised_to_date),
            "absorption": _pct(line.absorption), "deviation": _pct(line.mean_deviation)}


def _counts(result: Capaian) -> contract.Counts:
    found = [ikk.own.category for ikk in result.indicators]
    return {"total": str(len(found)), "achieved": str(found.count(ACHIEVED)), "nearly": str(found.count(NEARLY)),
            "missed": str(found.count(MISSED)), "not_reported": str(found.count(NOT_REPORTED))}


def _lagging(result: Capaian) -> str:
    month, out = result.period.month, []
    for what, last in (("realisasi anggaran", result.budget_reported), ("realisasi IKK", result.ikk_reported)):
        if last < month:
            out.append(f"{what} baru dilaporkan s.d. {MONTHS[last - 1]}" if last else f"{what} belum diisi")
    return "; ".join(out)


def measured(plan: Plan, result: Capaian) -> contract.Measured:
    """The period as both documents print it."""
    month = result.period.month
    sources = result.sources
    loose = sources.unattributed
    return {
        "label": result.period.label,
        "through": MONTHS[month - 1],
        "months": f"{MONTHS[0]} s.d. {MONTHS[month - 1]} {plan.office.year}" if month > 1
        else f"{MONTHS[0]} {plan.office.year}",
        "complete": month == 12,
        "reported": _lagging(result),
        "counts": _counts(result),
        "rows": _rows(result),
        "ikks": _ikks(plan, result),
        "budget": [_budget_row(line) for line in result.ros],
        "total": {**_budget_row(result.total), "code": "", "name": "Jumlah"},
        "sources": [{"name": line.name, "allocation": number(line.allocation),
                     "realised": number(line.realised_to_date), "absorption": _pct(line.absorption)}
                    for line in sources.lines if line.allocation or line.realised_to_date],
        "unattributed": (f"Realisasi {number(loose)} (000) dari RO {joined(list(sources.unattributed_codes))} tidak "
                         "menyebut sumber dananya.") if loose else "",
    }


def _whole(value: Decimal | None) -> int:
    return int((value or Decimal(0)).quantize(Decimal(1), ROUND_HALF_UP))


def _millions(thousands: int) -> int:
    """Thousands of rupiah as whole millions: a chart's labels stay short enough not to run into each other."""
    return int((Decimal(thousands) / 1000).quantize(Decimal(1), ROUND_HALF_UP))


def charts(result: Capaian) -> contract.MeasuredCharts:
    """Capaian per IKK, and the office's cumulative plan against its cumulative realisation month by month
    (millions of rupiah; the tables give the thousands)."""
    month = result.period.month
    total = result.total
    plan_cum, real_cum, p, r = [], [], 0, 0
    for m in range(month):
        p += (total.planned or (0,) * 12)[m]
        r += total.realised[m]
        plan_cum.append(_millions(p))
        real_cum.append(_millions(r))
    return {
        "capaian": {"id": "capaian", "name": "Grafik Capaian IKK", "kind": "bar",
                    "categories": [f"IKK {ikk.indicator.no}" for ikk in result.indicators],
                    "series": [{"name": "Capaian (%)", "values": [_whole(ikk.own.capaian)
                                                                 for ikk in result.indicators]}]},
        "anggaran": {"id": "anggaran", "name": "Grafik Rencana dan Realisasi Anggaran", "kind": "column",
                     "categories": list(SHORT_MONTHS[:month]),
                     "series": [{"name": "Rencana penarikan kumulatif (juta rupiah)", "values": plan_cum},
                                {"name": "Realisasi kumulatif (juta rupiah)", "values": real_cum}]},
    }


def _month_after(plan: Plan, month: int) -> SignDate:
    year = plan.office.year
    return SignDate(year + 1, 1) if month == 12 else SignDate(year, month + 1)


def capaian_context(plan: Plan, result: Capaian, draft: bool = False) -> contract.CapaianContext:
    """Everything the capaian report shows, as plain values."""
    return {
        **identity(plan),
        "draft": bool(draft),
        "tables": {"capaian": table_ref("capaian"), "anggaran": table_ref("anggaran"),
                   "sumber_dana": table_ref("sumber_dana")},
        "charts": charts(result),
        "capaian": measured(plan, result),
        "made": sign_date_text(_month_after(plan, result.period.month)),
    }


def _issued(plans: Sequence[Plan]) -> list[contract.IssuedPk]:
    """Each PK in the lampiran, in the order given (the editions as issued, the current one last)."""
    out: list[contract.IssuedPk] = []
    for i, plan in enumerate(plans):
        pk = agreement_context(plan)
        title = f"PERJANJIAN KINERJA TAHUN {plan.office.year}" + (f" {pk['pk']['edition']}" if pk["pk"]["edition"]
                                                                  else "")
        out.append({"table": table_ref("lampiran_pk_terbit", i), "title": title, "date": pk["sign"]["date"],
                    "rows": pk["pk"]["rows"], "budget": pk["pk"]["budget"]})
    return out


def lakin_context(plan: Plan, result: Capaian, draft: bool = False,
                  issued: Sequence[Plan] = ()) -> contract.LakinContext:
    """Everything the LAKIN shows, as plain values: the PK's own context for BAB II, the period measured for
    BAB III, and the PK of each issued edition (`issued`, from terbit/; none: the current PK) as lampiran."""
    pk = agreement_context(plan, draft=draft)
    year_texts = texts(plan)
    counts = _counts(result)
    ctx: contract.LakinContext = {
        **identity(plan),
        "draft": bool(draft),
        "tables": {"capaian": table_ref("capaian"), "anggaran": table_ref("anggaran"),
                   "sumber_dana": table_ref("sumber_dana"), "lampiran_pk": table_ref("lampiran_pk")},
        "charts": charts(result),
        "capaian": measured(plan, result),
        "pk": pk["pk"],
        "lakin": {
            "date": sign_date_text(_month_after(plan, result.period.month)),
            "period": text(year_texts.period),
            "vision": text(year_texts.vision),
            "goals": joined([text(g.name) for g in plan.goals]),
            "achieved_share": f"{counts['achieved']} dari {counts['total']} IKK",
            "renstra": text(year_texts.renstra_regulation),
        },
        "lampiran": _issued(issued or (plan,)),
    }
    return ctx

