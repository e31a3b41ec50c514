"""How findings name their cells for a planner."""

import pytest

from pipeline.findings import Location, error, format_locations

J = "jadwal.xlsx"


@pytest.mark.parametrize(
    ("cells", "shown"),
    [
        (["F12"], "jadwal.xlsx, sheet Jadwal, sel F12"),
        (["C18", "D18", "E18"], "jadwal.xlsx, sheet Jadwal, sel C18:E18"),
        (["B37", "B38", "B39"], "jadwal.xlsx, sheet Jadwal, sel B37:B39"),
        (["E2", "F2", "E3", "F3"], "jadwal.xlsx, sheet Jadwal, sel E2:F3"),
        (["A2", "C2"], "jadwal.xlsx, sheet Jadwal, sel A2, C2"),
        (["Z9", "AA9"], "jadwal.xlsx, sheet Jadwal, sel Z9:AA9"),
        (["3:3"], "jadwal.xlsx, sheet Jadwal, baris 3"),
    ],
)
def test_cells_collapse_into_ranges(cells, shown):
    assert format_locations(tuple(Location(J, "Jadwal", c) for c in cells)) == shown


def test_groups_by_workbook_and_sheet():
    locs = (Location(J, "Jadwal", "C5"), Location("pendanaan.xlsx", "RO", "E5"), Location(J, "Jadwal", "D5"))
    assert format_locations(locs) == "jadwal.xlsx, sheet Jadwal, sel C5:D5; pendanaan.xlsx, sheet RO, sel E5"


def test_finding_reads_as_location_then_message():
    f = error("input.not-a-number", '"seribu" bukan angka', Location(J, "Jadwal", "F12"))
    assert str(f) == 'jadwal.xlsx, sheet Jadwal, sel F12: "seribu" bukan angka'
    assert str(error("x.y", "pesan", Location(J))) == "jadwal.xlsx: pesan"
