"""The Perjanjian Kinerja's content as plain values: what templates/pk.docx reads, and nothing else.

The PK (PermenPAN-RB 53/2014) is signed by the head of office (first party) and the leader of the
parent unit (second party). It repeats the RKT's sasaran, IKK and targets and names the budget
that funds them; every figure here comes from the same model and the same formatting as the RKT's
(`context.ikk_target`, `tables.source_totals`), so the two documents cannot disagree.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pipeline.document.context import acting_title, identity, ikk_target, joined, signature_title, table_ref, text
from pipeline.formatting import rupiah, rupiah_words
from pipeline.plan import tables
from pipeline.plan.model import Plan
from pipeline.plan.texts import texts

if TYPE_CHECKING:
    from pipeline.document import contract

SOURCES = (("rm", "Rupiah Murni (RM)"), ("pnbp", "Penerimaan Negara Bukan Pajak (PNBP)"),
           ("phln", "Pinjaman dan Hibah Luar Negeri (PHLN)"))
NAME_LINE = "." * 40  # a second party not yet named: a line to write the name on


def _rows(plan: Plan) -> list[contract.PkRow]:
    """One row per IKK, grouped under its sasaran in the order of the Sasaran sheet; sasaran numbered 1, 2, ...

    An IKK whose sasaran is not in the sheet (an error the checks report) follows, under its number.
    """
    by_goal: dict[int, list] = {}
    for ind in sorted(plan.indicators, key=lambda i: i.no):
        by_goal.setdefault(ind.goal, []).append(ind)
    names = {g.no: g.name for g in plan.goals}
    order = [g.no for g in sorted(plan.goals, key=lambda g: g.no) if g.no in by_goal]
    order += [no for no in by_goal if no not in names]
    rows = []
    for n, goal in enumerate(order, start=1):
        for i, ind in enumerate(by_goal[goal]):
            rows.append({"first": i == 0, "no": str(n), "goal": text(names.get(goal, f"Sasaran {goal}")),
                         "ikk": text(ind.name), "target": ikk_target(ind)})
    return rows


def _budget(plan: Plan) -> contract.Budget:
    """The pagu in full rupiah and in words; its sources when more than one funds it."""
    totals = tables.source_totals(plan)
    parts = [f"{label} {rupiah(totals[key])}" for key, label in SOURCES if totals[key]]
    return {
        "figure": rupiah(totals["amount"]),
        "words": rupiah_words(totals["amount"]),
        "sources": f", terdiri atas {joined(parts)}" if len(parts) > 1 else "",
    }


def agreement_context(plan: Plan, draft: bool = False) -> contract.PkContext:
    """Everything the PK template shows, as plain values."""
    base = identity(plan)
    office = plan.office
    edition = base["edition"]
    return {
        **base,
        "draft": bool(draft),
        "tables": {"lampiran_pk": table_ref("lampiran_pk")},
        "pk": {
            "edition": edition["name"].upper() if edition["revision"] else "",
            "first": {"name": text(office.head.name),
                      "title": acting_title(office.head.acting, signature_title(text(office.head.title))),
                      "nip": text(office.head.nip)},
            "second": {"name": text(office.superior_name) or NAME_LINE,
                       "title": acting_title(office.superior_acting, text(texts(plan).superior_title)),
                       "nip": text(office.superior_nip)},
            "rows": _rows(plan),
            "activities": [{"no": f"{i}.", "name": text(a.activity)} for i, a in enumerate(plan.activities, 1)],
            "budget": _budget(plan),
        },
    }
