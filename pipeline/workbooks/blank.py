"""Empty input workbooks a new office can fill: every sheet of the schema, with guide and drop-downs.

The five plan workbooks and the sixth, realisasi.xlsx (optional: filled during the year).
"""

from __future__ import annotations

from pathlib import Path

from pipeline.inputs import schema
from pipeline.outputs import refuse_inside
from pipeline.plan.vocabulary import FIRST_EDITION, MONTHS
from pipeline.workbooks.xlsx import workbook_data, write_workbooks


class WorkbooksExist(FileExistsError):
    """The target folder already holds input workbooks; writing would overwrite a planner's work."""

    def __init__(self, folder: Path, names: list[str]):
        self.folder, self.names = folder, names
        super().__init__(
            f"{folder} sudah berisi {', '.join(names)}; pilih folder lain atau pakai --force untuk menimpa"
        )


def existing_workbooks(folder: Path) -> list[str]:
    """The section workbooks already in `folder` (file names), in schema order; empty if none or no folder."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise NotADirectoryError(f"{folder} adalah file, bukan folder")
    return [spec.filename for spec in schema.ALL_WORKBOOKS if (folder / spec.filename).exists()]


def write_blank(folder: Path, year: int | None = None, *, force: bool = False) -> list[Path]:
    """Write the five empty section workbooks and the empty realisasi.xlsx into `folder`; return their paths.

    With `year`, the identity workbook already holds the year, the edition "Awal Tahun" and
    the signing date "Januari <year>", and the realisation its year; without it every value is
    left for the planner.
    Refuses (WorkbooksExist) when `folder` holds any of them, unless `force`; written all or none,
    and never while a person has one of them open (FileProblem).
    """
    folder = Path(folder)
    refuse_inside(folder, "folder")
    existing = existing_workbooks(folder)
    if existing and not force:
        raise WorkbooksExist(folder, existing)
    identity = {}
    if year:
        identity = {"year": year, "edition": FIRST_EDITION, "sign_date": f"{MONTHS[0]} {year}"}
    data = {"identitas": {"Identitas": identity}, "realisasi": {"Laporan": {"year": year} if year else {}}}
    return write_workbooks(folder, {spec.filename: workbook_data(spec, data.get(spec.key, {}), guide=True, year=year)
                                    for spec in schema.ALL_WORKBOOKS})
