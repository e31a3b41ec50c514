"""Starting a revision in one step: the identity workbook's edition raised and its signing date set.

So the workbook, the cover and the file name always agree: `Awal Tahun` -> `Revisi 1` ->
`Revisi 2`, each with the date the revision is signed. Only the two cells change; the rest of
identitas.xlsx is saved as it was (atomically: a failure leaves the workbook whole).
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from pathlib import Path

from openpyxl import load_workbook

from pipeline.files import atomic_write, refuse_open
from pipeline.formatting import sign_date_text
from pipeline.inputs.cells import sign_date
from pipeline.inputs.normalise import load
from pipeline.inputs.read import norm_header, transitional, workbook_bytes
from pipeline.outputs import refuse_inside
from pipeline.plan.model import SignDate
from pipeline.plan.vocabulary import FIRST_EDITION, revision


class RevisionError(ValueError):
    """The revision cannot be started as asked (an unknown edition, a date that is none)."""


@dataclass(frozen=True)
class Revision:
    path: Path
    old_edition: str
    new_edition: str
    old_date: str
    new_date: str


def next_edition(edition: str) -> str:
    """`Awal Tahun` -> `Revisi 1`, `Revisi 1` -> `Revisi 2`."""
    n = revision(edition)
    if n is None:
        raise RevisionError(f"edisi '{edition}' tidak dikenal; tulis '{FIRST_EDITION}' atau 'Revisi N' di "
                            "identitas.xlsx lebih dulu")
    return f"Revisi {n + 1}"


def start_revision(inputs: Path, date: str) -> Revision:
    """Raise the edition of `inputs`/identitas.xlsx and set its signing date to `date`.

    Raises InputError when the workbooks cannot be read, RevisionError for a date that is none,
    outside the plan year (or the year before) or earlier than the current edition's (a revision
    is signed after what it revises), FileProblem when the workbook cannot be written or a person
    has it open: Excel would save its copy over the new edition (`files.refuse_open`).
    """
    path = Path(inputs) / "identitas.xlsx"
    refuse_inside(Path(inputs), "folder input")
    refuse_open(path)
    plan = load(inputs)
    office = plan.office
    when = sign_date(date)
    if when is None:
        raise RevisionError(f'"{date}" bukan tanggal (contoh: "2 Juli {office.year}")')
    if when.year not in (office.year, office.year - 1):
        raise RevisionError(f"tanggal {date} di luar tahun rencana {office.year}")
    if _earlier(when, office.sign_date):
        raise RevisionError(f"tanggal {date} lebih awal dari tanggal penandatanganan edisi {office.edition} "
                            f"({sign_date_text(office.sign_date)}); revisi ditandatangani sesudah edisi yang "
                            "direvisinya")
    new = next_edition(office.edition)
    text = sign_date_text(when)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = load_workbook(io.BytesIO(transitional(workbook_bytes(path, path.name))))  # saved as Transitional
    for key, value in (("edition", new), ("sign_date", text)):
        loc = office.loc(key)
        sheet = next(ws for ws in wb.worksheets if norm_header(ws.title) == norm_header(loc.sheet))
        cell = sheet[loc.cell]
        cell.value = value
        cell.data_type = "s"
        cell.number_format = "@"
    refuse_open(path)  # again: opened while it was being read
    with atomic_write(path) as tmp:
        wb.save(tmp)
    return Revision(path, office.edition, new, sign_date_text(office.sign_date), text)


def _earlier(when: SignDate, before: SignDate | None) -> bool:
    """Whether `when` comes before `before`; a date of which only the month is known is in all of its month."""
    if before is None or not 1 <= before.month <= 12:  # the current date could not be read
        return False
    if (when.year, when.month) != (before.year, before.month):
        return (when.year, when.month) < (before.year, before.month)
    return when.day is not None and before.day is not None and when.day < before.day
