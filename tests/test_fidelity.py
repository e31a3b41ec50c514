"""Fidelity: every figure of every table of the published RKT Awal Tahun 2024 is in the built document,
in the right table and the right row, with the corrections of inputs/CORRECTIONS.md.

The document is built once for the module from the shipped `inputs/`. The expected figures are an
independent oracle, `tests/published_2024_expected.py`, transcribed by hand from the published text
(shared/seed/000_7c2f91032f19896a.txt) with each correction commented by its CORRECTIONS row; none is
read from inputs/ or computed by the pipeline.

How the document is read (tests/docx_reading.py): a table is found by its header row and must be the only
one with that header, and its caption (the paragraph before it) must name it. A cell merged down (the IKK of
an RO row) reads as its text on every row it spans. A row is found by what addresses it in the document:
the golongan, the education, the IKK (the block) and the RO code or RO name, the IKK and the component in
the target annex. Cells are compared column by column (as dicts, so a failure names the column), so a figure
in the wrong row or the wrong column fails. Header rows are asserted as well, because they give the columns
their meaning.

Formatting conventions (the document's, as the build prints them; see the oracle's docstring):
- numbers in Indonesian format, money in thousands: `1.240.458`, `0,99`, `97%`;
- counts grouped like money: the published annex prints "102659" and Perhitungan "3200"; the built
  document prints `102.659` and `3.200` (a formatting difference, not a correction);
- nil: `-` in figure columns (money, months, Tabel 1, the Jumlah rows); empty in Tabel 2 and 3 rows and in
  the target annex's Target PK / Target Absolut of rows that have none. The published Sumber Pendanaan
  leaves nil RM/PNBP/PHLN cells empty where the build prints `-`.

Deliberate differences of the built document, none of them a figure (not CORRECTIONS rows):
- headers: "Alokasi (000)" in Perhitungan (published "(juta)", E22), "(000)" in the Jadwal (published
  "(ooo)", E54), short month names, numbered captions and Lampiran;
- the Prakiraan Maju keeps the published 2024 and 2025 sub-columns, so both are checked (E23);
- rows the published edition does not have: a total row under the BAB II table (the pagu), under
  Perhitungan, Sumber Pendanaan and the Jadwal, and a Jumlah column in the Jadwal. Their values are checked
  against sums of the oracle's own figures (the pagu is CORRECTIONS.md's 14.530.796);
- Tabel 1 labels the PPPK grade "VII (PPPK)" (published "VII"); IKK and KRO names take one spelling and
  capitalisation per IKK/KRO (E14, E19), so the BAB II table's IKK names are compared without case.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.build import build
from tests import published_2024_expected as E
from tests.docx_reading import body_text, find_tables, open_docx, table_rows, text_before

pytestmark = pytest.mark.slow  # builds the whole document (once, for the module)

ROOT = Path(__file__).resolve().parent.parent
CODE = re.compile(r"[A-Z]{3}\.[A-Z0-9]{3}")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")


# ------------------------------------------------------------------------------------------- reading

@pytest.fixture(scope="module")
def doc(tmp_path_factory):
    result = build(ROOT / "inputs", tmp_path_factory.mktemp("fidelity"))
    assert result.written, [f"{f.rule}: {f.message}" for f in result.findings]
    return open_docx(result.path)


def the_table(doc, header: tuple[str, ...], caption: str):
    """The one table whose first row starts with `header`, captioned with `caption`."""
    tables = find_tables(doc, *header)
    assert len(tables) == 1, f"{len(tables)} tables headed {header}"
    assert caption in text_before(doc, tables[0]), (caption, text_before(doc, tables[0]))
    return tables[0]


def value(text: str) -> int:
    """`1.240.458` -> 1240458; nil (`-`, empty) -> 0."""
    return 0 if text in ("-", "") else int(text.replace(".", ""))


def fmt(n: int) -> str:
    """1240458 -> `1.240.458`; 0 -> `-` (the document's money format)."""
    return f"{n:,}".replace(",", ".") if n else "-"


class Blocks:
    """A table of IKK blocks: the rows under its `header_rows`, grouped by the IKK in column `ikk_col`."""

    def __init__(self, table, header_rows: int, ikk_col: int = 0):
        rows = table_rows(table)
        self.header = rows[:header_rows]
        self.blocks: dict[str, list[list[str]]] = {}
        self.other: list[list[str]] = []
        names = set(E.IKK.values())
        for row in rows[header_rows:]:
            if row[ikk_col] in names:
                self.blocks.setdefault(row[ikk_col], []).append(row)
            else:
                self.other.append(row)

    def block(self, ikk: int) -> list[list[str]]:
        name = E.IKK[ikk]
        assert name in self.blocks, f"no block of IKK {ikk} ({name})"
        return self.blocks[name]

    def row(self, ikk: int, col: int, key: str) -> list[str]:
        """The one row of IKK `ikk`'s block whose cell `col` is `key`."""
        found = [r for r in self.block(ikk) if len(r) > col and r[col] == key]
        assert len(found) == 1, f"{len(found)} rows {key!r} in the block of IKK {ikk}"
        return found[0]

    def total(self, label: str) -> list[str]:
        found = [r for r in self.other if r[0].startswith(label)]
        assert len(found) == 1 and len(self.other) == 1, f"rows outside the IKK blocks: {self.other}"
        return found[0]


@pytest.fixture(scope="module")
def bab2(doc):
    t = the_table(doc, ("No", "Rincian Output", "Indikator Kinerja Kegiatan"), "Sasaran Kegiatan, Rincian Output")
    rows = table_rows(t)
    return rows[0], rows[1:]


@pytest.fixture(scope="module")
def perhitungan(doc):
    return Blocks(the_table(doc, ("Indikator", "Rincian Output", "Tahun 2024", "Prakiraan Maju"),
                            "Perhitungan Pendanaan"), header_rows=3)


@pytest.fixture(scope="module")
def sumber(doc):
    return Blocks(the_table(doc, ("Indikator", "Rincian Output", "Alokasi (000)"), "Sumber Pendanaan"),
                  header_rows=2)


@pytest.fixture(scope="module")
def jadwal(doc):
    return Blocks(the_table(doc, ("IKK", "Rincian Output", "Target IKK"), "Jadwal Pelaksanaan Kegiatan"),
                  header_rows=2)


@pytest.fixture(scope="module")
def targets(doc):
    """Sasaran no -> the rows of the target annex table of that sasaran (header rows dropped)."""
    out = {}
    for t in find_tables(doc, "NO", "SASARAN KINERJA"):
        assert "Target Indikator Kinerja" in text_before(doc, t)
        rows = table_rows(t)
        assert rows[1][4:] == ["Target PK 2024", "Target Absolut", *MONTHS], rows[1]
        numbers = {r[0] for r in rows[2:]}
        assert len(numbers) == 1, f"one sasaran per annex table, found {numbers}"
        out[int(numbers.pop())] = rows[2:]
    assert sorted(out) == [1, 2]
    return out


def ro_rows(groups, label) -> list[str]:
    """The Rincian Output column of an IKK block: a KRO heading, then `label(code)` for each of its ROs."""
    return [x for kro, codes in groups for x in [kro, *map(label, codes)]]


# ------------------------------------------------------------------------------------------- BAB I

def test_headcount_in_words_and_figures(doc):
    assert f"sebanyak {E.HEADCOUNT_PHRASE}," in body_text(doc)


@pytest.mark.parametrize("no, name, count", E.BY_POSITION, ids=[p[1] for p in E.BY_POSITION])
def test_headcount_by_position_type(doc, no, name, count):
    lines = {" ".join(p.text.split()) for p in doc.paragraphs}
    assert f"{no} {name} : {count}" in lines


@pytest.fixture(scope="module")
def tabel_1(doc):
    rows = table_rows(the_table(doc, ("Golongan", "Ruang", "Jumlah"), "Tabel 1. Distribusi Pegawai Menurut Golongan"))
    assert rows[1] == ["Golongan", "A", "B", "C", "D", "Jumlah"]
    return rows[2:]


@pytest.mark.parametrize("label", list(E.TABEL_1))
def test_tabel_1_golongan_by_ruang(tabel_1, label):
    found = [r for r in tabel_1 if r[0] == label]
    assert len(found) == 1, f"{len(found)} rows {label!r}"
    columns = ("A", "B", "C", "D", "Jumlah")
    assert dict(zip(columns, found[0][1:], strict=True)) == dict(zip(columns, E.TABEL_1[label], strict=True))


def test_tabel_1_has_the_published_rows_in_order(tabel_1):
    assert [r[0] for r in tabel_1] == list(E.TABEL_1)


@pytest.fixture(scope="module")
def tabel_2(doc):
    t = the_table(doc, ("No", "Kualifikasi Pendidikan", "JFU", "JFT", "Struktural", "Jumlah"),
                  "Tabel 2. Distribusi Pegawai Menurut Tingkat Pendidikan")
    return table_rows(t)[1:]


@pytest.mark.parametrize("expected", E.TABEL_2, ids=[r[1] for r in E.TABEL_2])
def test_tabel_2_education_row(tabel_2, expected):
    found = [r for r in tabel_2 if len(r) > 1 and r[1] == expected[1]]
    assert len(found) == 1, f"{len(found)} rows {expected[1]!r}"
    columns = ("No", "Kualifikasi Pendidikan", "JFU", "JFT", "Struktural", "Jumlah")
    assert dict(zip(columns, found[0], strict=True)) == dict(zip(columns, expected, strict=True))


def test_tabel_2_totals_and_row_order(tabel_2):
    assert [r[1] for r in tabel_2[:-1]] == [r[1] for r in E.TABEL_2]
    assert tabel_2[-1] == ["Jumlah", *E.TABEL_2_TOTAL]


@pytest.fixture(scope="module")
def tabel_3(doc):
    t = the_table(doc, ("No", "Kualifikasi Pendidikan", "TU"), "Tabel 3. Distribusi Pegawai Menurut Unit Kerja")
    rows = table_rows(t)
    # the columns' meaning: TU, PRL and KLW (under "PRL dan KLW"), PKSE, each as JFU, JFT; Struktural; Jumlah
    assert rows[0] == ["No", "Kualifikasi Pendidikan", "TU", "PRL dan KLW", "PKSE", "Struktural", "Jumlah"]
    assert rows[1] == ["No", "Kualifikasi Pendidikan", "TU", "PRL", "KLW", "PKSE", "Struktural", "Jumlah"]
    assert rows[2] == ["No", "Kualifikasi Pendidikan", *["JFU", "JFT"] * 4, "Struktural", "Jumlah"]
    return rows[3:]


@pytest.mark.parametrize("expected", E.TABEL_3, ids=[r[1] for r in E.TABEL_3])
def test_tabel_3_education_by_unit_row(tabel_3, expected):
    found = [r for r in tabel_3 if len(r) > 1 and r[1] == expected[1]]
    assert len(found) == 1, f"{len(found)} rows {expected[1]!r}"
    assert found[0][0] == expected[0]
    assert dict(zip(E.TABEL_3_COLUMNS, found[0][2:], strict=True)) == dict(
        zip(E.TABEL_3_COLUMNS, expected[2:], strict=True))


def test_tabel_3_totals_and_row_order(tabel_3):
    assert [r[1] for r in tabel_3[:-1]] == [r[1] for r in E.TABEL_3]
    assert tabel_3[-1][0] == "Jumlah"
    assert dict(zip(E.TABEL_3_COLUMNS, tabel_3[-1][1:], strict=True)) == dict(
        zip(E.TABEL_3_COLUMNS, E.TABEL_3_TOTAL, strict=True))


# ------------------------------------------------------------------------------------------- BAB II

@pytest.mark.parametrize("ikk", sorted(E.BAB2_IKK), ids=lambda n: f"IKK{n}")
def test_bab2_ikk_table_target_allocation_and_ros(bab2, ikk):
    header, rows = bab2
    assert header == ["No", "Rincian Output", "Indikator Kinerja Kegiatan", "Target Tahun 2024", "Alokasi 2024 (000)"]
    block = [r for r in rows if r[0] == str(ikk)]
    name, target, allocation = E.BAB2_IKK[ikk]
    assert block, f"no rows numbered {ikk}"
    for r in block:  # the IKK's cells are merged down over its ROs
        assert len(r) == 5
        assert r[2].casefold() == name.casefold()  # capitals differ by design (E14)
        assert {"target": r[3], "alokasi": r[4]} == {"target": target, "alokasi": allocation}
    assert [r[1] for r in block] == ro_rows(E.IKK_GROUPS[ikk], lambda c: f"- {E.RO_NAME[c]}")


def test_bab2_ikk_table_ends_with_the_pagu(bab2):
    _, rows = bab2
    assert {r[0] for r in rows[:-1]} == {str(n) for n in E.BAB2_IKK}
    assert rows[-1][0].startswith("Pagu") and rows[-1][-1] == E.PAGU


def test_perhitungan_header(perhitungan):
    assert perhitungan.header[1][2:] == ["Volume", "Satuan", "Alokasi (000)", "Volume", "Alokasi (000)"]
    assert perhitungan.header[2][5:] == ["2024", "2025", "2024", "2025"]


PERHITUNGAN_ROWS = [pytest.param(ikk, code, id=f"IKK{ikk}-{code}")
                    for ikk, ros in E.PERHITUNGAN.items() for code in ros]


@pytest.mark.parametrize("ikk, code", PERHITUNGAN_ROWS)
def test_perhitungan_pendanaan_row(perhitungan, ikk, code):
    # Perhitungan prints no codes: the row is the one carrying the RO's name in the IKK's block.
    row = perhitungan.row(ikk, 1, f"- {E.RO_NAME[code]}")
    assert dict(zip(E.PERHITUNGAN_COLUMNS, row[2:], strict=True)) == dict(
        zip(E.PERHITUNGAN_COLUMNS, E.PERHITUNGAN[ikk][code], strict=True))


@pytest.mark.parametrize("ikk", sorted(E.IKK_GROUPS), ids=lambda n: f"IKK{n}")
def test_perhitungan_block_has_the_published_rows_in_order(perhitungan, ikk):
    assert [r[1] for r in perhitungan.block(ikk)] == ro_rows(E.IKK_GROUPS[ikk], lambda c: f"- {E.RO_NAME[c]}")


def test_perhitungan_total_row(perhitungan):
    # not in the published edition: the sums of the full list (IKK 8), where each RO appears once
    full = E.PERHITUNGAN[8].values()
    total = perhitungan.total("Jumlah")
    assert total[1:] == [fmt(sum(value(r[2]) for r in full)), "", fmt(sum(value(r[5]) for r in full)),
                         fmt(sum(value(r[6]) for r in full))]
    assert total[1] == E.PAGU


def test_sumber_header(sumber):
    assert sumber.header[1][2:] == ["Rupiah Murni", "PNBP", "PHLN", "Jumlah", "Lokasi"]


SUMBER_ROWS = [pytest.param(ikk, code, id=f"IKK{ikk}-{code}") for ikk, ros in E.SUMBER.items() for code in ros]


@pytest.mark.parametrize("ikk, code", SUMBER_ROWS)
def test_sumber_pendanaan_row(sumber, ikk, code):
    row = sumber.row(ikk, 1, code)
    assert row[2] == f"- {E.RO_NAME[code]}"
    assert dict(zip(E.SUMBER_COLUMNS, row[3:], strict=True)) == dict(
        zip(E.SUMBER_COLUMNS, E.SUMBER[ikk][code], strict=True))


@pytest.mark.parametrize("ikk", sorted(E.IKK_GROUPS), ids=lambda n: f"IKK{n}")
def test_sumber_block_has_the_published_rows_in_order(sumber, ikk):
    assert [r[1] for r in sumber.block(ikk)] == ro_rows(E.IKK_GROUPS[ikk], str)


def test_sumber_total_row(sumber):
    # not in the published edition: the sums of the full list (IKK 8), where each RO appears once
    full = E.SUMBER[8].values()
    sums = [fmt(sum(value(r[i]) for r in full)) for i in range(4)]
    assert sumber.total("Jumlah")[1:] == [*sums, ""]
    assert sums[3] == E.PAGU


# ------------------------------------------------------------------------------------------- Lampiran

def _target_id(sasaran: int, ikk_cell: str, label: str) -> str:
    """`S1-IKK3-comp10`, `S1-IKK2-sum` (the labelled component sum), `S1-IKK1-own` (the IKK's own row)."""
    first = next(r[1] for r in E.TARGETS[sasaran] if r[0] == ikk_cell)
    comp = re.match(r"(\d+)\. ", label)
    kind = f"comp{comp.group(1)}" if comp else "own" if label == first else "sum"
    return f"S{sasaran}-IKK{ikk_cell.split('.')[0]}-{kind}"


TARGET_ROWS = [pytest.param(s, r[0], r[1], id=_target_id(s, r[0], r[1])) for s, rows in E.TARGETS.items()
               for r in rows]


@pytest.mark.parametrize("sasaran, ikk_cell, label", TARGET_ROWS)
def test_target_annex_row(targets, sasaran, ikk_cell, label):
    found = [r for r in targets[sasaran] if r[2] == ikk_cell and r[3] == label]
    assert len(found) == 1, f"{len(found)} rows {label[:50]!r} under {ikk_cell!r} in the table of sasaran {sasaran}"
    row = found[0]
    assert row[:2] == [str(sasaran), E.SASARAN[sasaran]]
    expected = next(r for r in E.TARGETS[sasaran] if r[0] == ikk_cell and r[1] == label)
    columns = ("Target PK", "Target Absolut", *MONTHS)
    assert dict(zip(columns, row[4:], strict=True)) == dict(
        zip(columns, (expected[2], expected[3], *expected[4]), strict=True))


@pytest.mark.parametrize("sasaran", sorted(E.TARGETS), ids=lambda s: f"S{s}")
def test_target_annex_has_the_published_rows_in_order(targets, sasaran):
    assert [(r[2], r[3]) for r in targets[sasaran]] == [(r[0], r[1]) for r in E.TARGETS[sasaran]]


def test_jadwal_header(jadwal):
    assert jadwal.header[1][2:] == ["Target IKK", *MONTHS, "Jumlah", "PJ"]


JADWAL_ROWS = [pytest.param(ikk, code, id=f"IKK{ikk}-{code}") for ikk, ros in E.JADWAL.items() for code in ros]


@pytest.mark.parametrize("ikk, code", JADWAL_ROWS)
def test_jadwal_row(jadwal, ikk, code):
    row = jadwal.row(ikk, 1, code)
    months, pj = E.JADWAL[ikk][code]
    assert row[2] == f"- {E.RO_NAME[code]}"
    columns = ("Target IKK", *MONTHS, "Jumlah", "PJ")
    # Jumlah is the build's own column: the RO's allocation, Sumber Pendanaan's Jumlah
    expected = (E.JADWAL_TARGET[ikk], *months, E.SUMBER[ikk][code][3], pj)
    assert dict(zip(columns, row[3:], strict=True)) == dict(zip(columns, expected, strict=True))


@pytest.mark.parametrize("ikk", sorted(E.IKK_GROUPS), ids=lambda n: f"IKK{n}")
def test_jadwal_block_has_the_published_rows_in_order(jadwal, ikk):
    block = jadwal.block(ikk)
    assert [r[1] for r in block] == ro_rows(E.IKK_GROUPS[ikk], str)
    # the Target IKK is merged down over the block, KRO heading rows (whose RO cell spans two columns) too
    assert {r[2] if not CODE.fullmatch(r[1]) else r[3] for r in block} == {E.JADWAL_TARGET[ikk]}


def test_jadwal_total_row(jadwal):
    # not in the published edition: the month sums of the full list (IKK 8), where each RO appears once
    full = [m for m, _ in E.JADWAL[8].values()]
    sums = [sum(value(m[i]) for m in full) for i in range(12)]
    assert jadwal.total("Jumlah")[1:] == [*map(fmt, sums), fmt(sum(sums)), ""]
    assert fmt(sum(sums)) == E.PAGU


# ------------------------------------------------------------------------------------------- the oracle itself

def test_oracle_blocks_list_the_ros_of_each_ikk():
    for ikk, groups in E.IKK_GROUPS.items():
        codes = [c for _, cs in groups for c in cs]
        assert list(E.PERHITUNGAN[ikk]) == list(E.SUMBER[ikk]) == list(E.JADWAL[ikk]) == codes, ikk
    assert set(E.RO_NAME) == set(E.SUMBER[8]) and len(E.SUMBER[8]) == 35


def test_oracle_money_agrees_across_tables():
    """The corrected figures obey the document's money rules: a transcription slip shows up here."""
    for ikk, ros in E.SUMBER.items():
        for code, (rm, pnbp, phln, total, _) in ros.items():
            assert value(rm) + value(pnbp) + value(phln) == value(total), (ikk, code)
            assert ros[code] == E.SUMBER[8][code], (ikk, code)  # one RO, one set of figures
            p = E.PERHITUNGAN[ikk][code]
            assert p == E.PERHITUNGAN[8][code], (ikk, code)
            assert (p[0], p[2]) == (p[3], p[5]) and value(p[2]) == value(total), (ikk, code)
            assert E.JADWAL[ikk][code] == E.JADWAL[8][code], (ikk, code)
            assert sum(value(m) for m in E.JADWAL[ikk][code][0]) == value(total), (ikk, code)
        assert fmt(sum(value(r[3]) for r in ros.values())) == E.BAB2_IKK[ikk][2], ikk


def test_oracle_staff_tables_add_up():
    def total(cells):
        return sum(value(c) for c in cells)

    for label, row in E.TABEL_1.items():
        if label not in ("VII (PPPK)", "Jumlah"):  # PPPK grades have no ruang: 64 by ruang, 68 in all (E06)
            assert total(row[:4]) == value(row[4]), label
    grades = [r for k, r in E.TABEL_1.items() if k != "Jumlah"]
    assert [fmt(total(r[i] for r in grades)) for i in range(5)] == list(E.TABEL_1["Jumlah"])
    for r2, r3 in zip(E.TABEL_2, E.TABEL_3, strict=True):
        assert r2[:2] == r3[:2] and r2[5] == r3[-1] and total(r2[2:5]) == value(r2[5]) == total(r3[2:-1])
        assert total(r3[2:10:2]) == value(r2[2]) and total(r3[3:10:2]) == value(r2[3]) and r3[10] == r2[4]
    assert [fmt(total(r[i] for r in E.TABEL_2)) for i in range(2, 6)] == list(E.TABEL_2_TOTAL)
    assert [fmt(total(r[i] for r in E.TABEL_3)).replace("-", "") for i in range(2, 12)] == list(E.TABEL_3_TOTAL)
    assert E.HEADCOUNT_PHRASE.startswith(f"{E.TABEL_2_TOTAL[3]} ")
    jfu, jft, structural, _ = E.TABEL_2_TOTAL
    assert [p[2] for p in E.BY_POSITION] == [f"{structural} orang", f"{jft} orang", f"{jfu} orang"]


def test_oracle_targets_add_up():
    rows = {(r[0], r[1]): r for r in E.TARGETS[1]}
    for ikk_cell in (f"1. {E.IKK[1]}", f"3. {E.IKK[3]}", f"2. {E.IKK[2]}"):
        mine = [r for (i, _), r in rows.items() if i == ikk_cell]
        comps = [r for r in mine if re.match(r"\d+\. ", r[1])]
        head = mine[0] if ikk_cell[0] != "2" else mine[1]  # IKK 2 sums on its own labelled row
        for m in range(12):
            assert sum(value(c[4][m]) for c in comps) == value(head[4][m]), (ikk_cell, m)
        for r in [head, *comps]:
            series = [value(x) for x in r[4]]
            assert series == sorted(series), r[1]
            assert r[3] in ("", r[4][-1]), r[1]
