"""`rkt rekap`: three real offices and a broken one rolled up into one workbook, read back with openpyxl.

Every figure is compared with the office's own plan (`pipeline.plan.tables`), so the roll-up
and each office's RKT cannot disagree.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import zipfile
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from pipeline.checks import run_checks
from pipeline.cli import rekap_command
from pipeline.formatting import plain, target_text
from pipeline.inputs.normalise import load
from pipeline.inputs.schema import WORKBOOKS
from pipeline.plan import tables
from pipeline.plan.vocabulary import MONTH_SHORT
from pipeline.rollup import KRO_ROW, MIXED, RO_ROW, UNREADABLE, rollup, write_rollup
from tests import offices
from tests.builders import mini_data, write_inputs

HYPERLINK = '=HYPERLINK("http://contoh.invalid","klik")'


def _mini_with_awkward_text() -> dict:
    """The mini office with an RO name that looks like a formula and one holding a control character."""
    data = mini_data()
    data["pendanaan"]["RO"][0]["name"] = HYPERLINK
    data["pendanaan"]["RO"][2]["name"] = "Layanan_x0001_ Perkantoran"  # decoded by the reader to U+0001
    return data


@pytest.fixture(scope="module")
def rekap(tmp_path_factory):
    """Run `rkt rekap` once over the four folders; the folders, the CLI result and the workbook read back."""
    root = tmp_path_factory.mktemp("rekap")
    folders = [write_inputs(root / "kecil", offices.small_kelas_ii()),
               write_inputs(root / "baru", offices.new_period_2026()),
               write_inputs(root / "mini", _mini_with_awkward_text())]
    broken = write_inputs(root / "rusak")
    (broken / "kinerja.xlsx").write_text("ini bukan workbook", encoding="utf-8")
    out = root / "hasil" / "rekap.xlsx"
    args = [a for f in [*folders, broken] for a in ("--inputs", str(f))] + ["--output", str(out), "--workers", "2"]
    result = CliRunner().invoke(rekap_command, args)
    plans = {str(f): load(f) for f in folders}
    return {"folders": folders, "broken": broken, "result": result, "out": out, "book": load_workbook(out),
            "plans": plans}


def _rows(ws) -> list[dict]:
    """Each row by header; `_fmt` is the Target PK's number format where the sheet has one."""
    header = [c.value for c in ws[1]]
    rows = []
    for row in ws.iter_rows(min_row=2):
        values = dict(zip(header, (c.value for c in row), strict=True))
        if "Target PK" in header:
            values["_fmt"] = row[header.index("Target PK")].number_format
        rows.append(values)
    return rows


def _label(plan) -> str:
    return plan.office.short_name


def test_an_unreadable_office_gives_exit_2_and_the_others_are_still_written(rekap):
    result = rekap["result"]
    assert result.exit_code == 2, result.output
    lines = result.output.splitlines()
    assert lines[-1] == str(rekap["out"])
    status = {line.split()[0]: line.split(None, 1)[1] for line in lines[:-1]}
    assert status[str(rekap["broken"])].startswith(f"{UNREADABLE}: kinerja.xlsx")
    assert all(status[str(f)] in ("OK", "ada galat") for f in rekap["folders"])
    assert rekap["book"].sheetnames == ["Kantor", "IKK", "RO", "Penarikan", "Grafik"]


def test_one_kantor_row_per_office_with_the_figures_of_its_own_plan(rekap):
    rows = {r["Folder"]: r for r in _rows(rekap["book"]["Kantor"])}
    assert list(rows) == [*map(str, rekap["folders"]), str(rekap["broken"])]
    broken = rows[str(rekap["broken"])]
    assert broken["Status"].startswith(f"{UNREADABLE}: kinerja.xlsx") and broken["Pagu (000)"] is None
    for folder, plan in rekap["plans"].items():
        row, sources, staff = rows[folder], tables.source_totals(plan), tables.headcount(plan)
        findings = run_checks(plan)
        errors = sum(f.severity == "error" for f in findings)
        assert (row["Kantor"], row["Nama Kantor"], row["Tahun"], row["Edisi"]) == (
            _label(plan), plan.office.name, plan.office.year, plan.office.edition)
        assert (row["Pagu (000)"], row["RM (000)"], row["PNBP (000)"], row["PHLN (000)"]) == (
            tables.pagu(plan), sources["rm"], sources["pnbp"], sources["phln"])
        keys = ("Pegawai", "PNS", "PPPK", "PPPK Paruh Waktu", "Struktural", "JFT", "Pelaksana")
        assert [row[k] for k in keys] == [staff["total"], *(staff[k] for k in keys[1:])]
        assert (row["IKK"], row["RO"]) == (len(plan.indicators), len(plan.ros))
        assert (row["Galat"], row["Peringatan"]) == (errors, len(findings) - errors)
        assert row["Status"] == ("ada galat" if errors else "OK")


def test_ikk_rows_are_every_ikk_of_every_office(rekap):
    rows = _rows(rekap["book"]["IKK"])
    assert len(rows) == sum(len(p.indicators) for p in rekap["plans"].values())
    by_office = defaultdict(list)
    for r in rows:
        by_office[r["Kantor"]].append(r)
    for plan in rekap["plans"].values():
        assert [(r["No IKK"], r["IKK"], r["Satuan"], r["Alokasi (000)"]) for r in by_office[_label(plan)]] == [
            (i.no, i.name, i.unit, tables.ikk_allocation(plan, i.no)) for i in plan.indicators]
        assert [_target(r) for r in by_office[_label(plan)]] == [target_text(i.target) for i in plan.indicators]


def _target(row) -> str:
    """A Target PK cell as Excel shows it in an Indonesian locale: its number in its percent or decimal format."""
    value, fmt = row["Target PK"], row["_fmt"]
    assert isinstance(value, int | float), "a target is a number: it sorts and filters"
    places = len(fmt.split(".")[1].rstrip("%")) if "." in fmt else None
    shown = Decimal(str(value)) * (100 if fmt.endswith("%") else 1)
    return f"{plain(shown, places=places)}{'%' if fmt.endswith('%') else ''}"


def test_targets_are_numbers_that_sort(rekap):
    ws = rekap["book"]["IKK"]
    column = [c.value for c in ws[1]].index("Target PK")
    cells = [row[column] for row in ws.iter_rows(min_row=2)]
    assert all(isinstance(c.value, int | float) for c in cells)
    assert {c.number_format for c in cells} >= {"0%", "#,##0.00"}  # 97% and 0,99


def test_ro_allocations_add_up_to_the_pagu_and_kro_subtotals_to_their_ros(rekap):
    rows = _rows(rekap["book"]["RO"])
    assert {r["Baris"] for r in rows} == {RO_ROW, KRO_ROW}
    money = ("RM (000)", "PNBP (000)", "PHLN (000)", "Alokasi (000)")
    for plan in rekap["plans"].values():
        mine = [r for r in rows if r["Kantor"] == _label(plan)]
        ros = [r for r in mine if r["Baris"] == RO_ROW]
        subtotals = [r for r in mine if r["Baris"] == KRO_ROW]
        assert mine == ros + subtotals  # each office's ROs, then its KRO subtotals
        assert [r["Kode RO"] for r in ros] == [ro.code for ro in plan.ros]
        assert sum(r["Alokasi (000)"] for r in ros) == tables.pagu(plan) == sum(r["Alokasi (000)"] for r in subtotals)
        kros = list(dict.fromkeys(ro.kro for ro in plan.ros))
        assert [r["Kode RO"] for r in subtotals] == [f"Jumlah KRO {k}" for k in kros]
        for sub in subtotals:
            members = [r for r in ros if r["Kode KRO"] == sub["Kode KRO"]]
            assert [sub[m] for m in money] == [sum(r[m] for r in members) for m in money]
            assert sub["KRO"] == plan.kro_name(sub["Kode KRO"]) and sub["Volume"] is None


def test_penarikan_is_each_offices_schedule_with_a_chart(rekap):
    ws = rekap["book"]["Penarikan"]
    rows = {r["Kantor"]: r for r in _rows(ws)}
    for plan in rekap["plans"].values():
        row = rows.pop(_label(plan))
        assert tuple(row[m] for m in MONTH_SHORT) == tables.schedule_totals(plan)
        assert row["Jumlah (000)"] == sum(tables.schedule_totals(plan))
    assert rows == {}
    chart_sheet = rekap["book"]["Grafik"]
    assert len(chart_sheet._charts) == 1 and not ws._charts
    series = chart_sheet._charts[0].series
    assert len(series) == len(rekap["plans"])
    assert {s.cat.strRef.f for s in series} == {"'Penarikan'!$B$1:$M$1"}  # the month names Jan..Des
    assert not any(s.smooth for s in series), "straight lines between months: no invented amounts"
    assert [c.value for c in ws[1][1:13]] == list(MONTH_SHORT)


def test_every_sheet_has_a_frozen_header_an_autofilter_and_number_formats(rekap):
    for ws in rekap["book"].worksheets[:-1]:
        assert ws.freeze_panes == "A2"
        assert ws.auto_filter.ref == f"A1:{ws.cell(1, ws.max_column).column_letter}{ws.max_row}"
    assert rekap["book"]["Kantor"]["F2"].number_format == "#,##0"  # Pagu
    assert rekap["book"]["Kantor"]["D2"].number_format == "0"  # Tahun: 2025, not 2.025
    assert any("(000)" in c.value for c in rekap["book"]["RO"][1])


def test_text_that_looks_like_a_formula_stays_text_and_control_characters_are_left_out(rekap):
    names = {r["Kode RO"]: c for r, c in zip(_rows(rekap["book"]["RO"]), rekap["book"]["RO"]["E"][1:], strict=True)
             if r["Kantor"] == "BKK Kelas II Contoh"}
    cell = names["QAH.017"]
    assert (cell.value, cell.data_type) == (HYPERLINK, "s")
    assert names["EBA.994"].value == "Layanan Perkantoran"
    with zipfile.ZipFile(rekap["out"]) as z:
        sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/sheet")]
        assert not any(b"<f>" in z.read(n) or b"<f " in z.read(n) for n in sheets)


def test_an_output_inside_an_input_folder_is_refused(rekap, tmp_path):
    folder = rekap["folders"][0]
    before = (folder / "kinerja.xlsx").read_bytes()
    for out in (folder / "rekap.xlsx", folder / "kinerja.xlsx"):
        result = CliRunner().invoke(rekap_command, ["--inputs", str(folder), "--output", str(out)])
        assert result.exit_code == 2
        assert "GALAT file rekap" in result.output and "Traceback" not in result.output
        assert isinstance(result.exception, SystemExit)
    assert not (folder / "rekap.xlsx").exists() and (folder / "kinerja.xlsx").read_bytes() == before


def test_all_offices_readable_exits_0_and_two_offices_of_one_name_stay_apart(tmp_path):
    a, b = write_inputs(tmp_path / "a"), write_inputs(tmp_path / "b")
    out = tmp_path / "rekap.xlsx"
    result = CliRunner().invoke(rekap_command, ["--inputs", str(a), "--inputs", str(b), "--inputs", str(a),
                                                "--output", str(out), "--workers", "1"])
    assert result.exit_code == 0, result.output
    kantor = [r["Kantor"] for r in _rows(load_workbook(out)["Kantor"])]
    assert kantor == [f"BKK Kelas II Contoh [{a}]", f"BKK Kelas II Contoh [{b}]"]  # a folder given twice: once


def test_importing_the_rollup_does_not_import_pandas():
    """Reading or writing one office's documents never pays for pandas; only the roll-up loads it."""
    probe = "import sys, pipeline.rollup; print(sorted(m for m in sys.modules if m.split('.')[0] == 'pandas'))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parent.parent)
    assert out.stdout.strip() == "[]"


def test_the_rollup_of_the_shipped_office_says_what_its_own_documents_say(tmp_path):
    """The figures a team reads in the roll-up are the ones printed in the office's RKT and PK."""
    from pipeline.build import build
    from pipeline.formatting import number, rupiah
    from tests.docx_reading import body_text, find_table, open_docx, table_rows

    shipped = Path(__file__).resolve().parent.parent / "inputs"
    other = write_inputs(tmp_path / "besar", offices.balai_besar())
    out = tmp_path / "rekap.xlsx"
    result = CliRunner().invoke(rekap_command, ["--inputs", str(shipped), "--inputs", str(other), "--output", str(out)])
    assert result.exit_code == 0, result.output
    book = load_workbook(out)
    for folder in (shipped, other):
        built = build(folder, tmp_path / f"docs-{folder.name}")
        rkt, pk = open_docx(built.path), open_docx(built.agreement)
        label = load(folder).office.short_name
        kantor = next(r for r in _rows(book["Kantor"]) if r["Kantor"] == label)
        total = table_rows(find_table(rkt, "Indikator", "Rincian Output", "Alokasi (000)"))[-1]
        assert total[1:5] == [number(kantor[k]) for k in ("RM (000)", "PNBP (000)", "PHLN (000)", "Pagu (000)")]
        assert f"sebesar {rupiah(kantor['Pagu (000)'])} (" in body_text(pk)
        targets = [r[3] for r in table_rows(find_table(pk, "No", "Sasaran", "Indikator Kinerja", "Target"))[1:]]
        assert sorted(targets) == sorted(_target(r) for r in _rows(book["IKK"]) if r["Kantor"] == label)


def test_an_existing_file_that_is_not_a_rollup_is_never_replaced(tmp_path):
    folder = write_inputs(tmp_path / "kantor")
    mine = tmp_path / "anggaran.xlsx"
    mine.write_bytes(b"PK\x03\x04 the team's own workbook")
    result = CliRunner().invoke(rekap_command, ["--inputs", str(folder), "--output", str(mine)])
    assert result.exit_code == 2 and "bukan rekap buatan rkt rekap" in result.output
    assert mine.read_bytes() == b"PK\x03\x04 the team's own workbook"
    out = tmp_path / "rekap.xlsx"
    for _ in range(2):  # an earlier roll-up is replaced by the next
        assert CliRunner().invoke(rekap_command, ["--inputs", str(folder), "--output", str(out)]).exit_code == 0
    assert load_workbook(out).properties.title == "Rekap RKT (rkt rekap)"


def test_every_sheet_prints_a4_landscape_fit_to_width_with_its_header_on_every_page(rekap):
    for ws in rekap["book"].worksheets:
        setup = ws.page_setup
        assert (setup.orientation, setup.paperSize, setup.fitToWidth) == ("landscape", 9, 1)
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert "Halaman &P dari &N" in ws.oddFooter.right.text
    for ws in rekap["book"].worksheets[:-1]:
        assert ws.print_title_rows == "$1:$1" and ws.page_setup.fitToHeight == 0
    assert rekap["book"]["Grafik"].page_setup.fitToHeight == 1  # the chart: one page


def test_offices_of_another_year_or_edition_are_flagged(rekap, tmp_path):
    """The rekap fixture rolls up 2025, 2026 and 2024 offices: most are 2025, so the others are flagged."""
    rows = {r["Folder"]: r for r in _rows(rekap["book"]["Kantor"])}
    small, new, mini = (str(f) for f in rekap["folders"])
    assert rows[small][MIXED] is None
    assert rows[new][MIXED] == "tahun 2026, kantor lain umumnya 2025"
    assert rows[mini][MIXED] == "tahun 2024, kantor lain umumnya 2025"
    assert rows[str(rekap["broken"])][MIXED] is None
    assert "PERINGATAN" in rekap["result"].output and "kolom Catatan Rekap" in rekap["result"].output
    revised = mini_data()
    revised["identitas"]["Identitas"]["edition"] = "Revisi 1"
    folders = [write_inputs(tmp_path / n, d) for n, d in (("a", mini_data()), ("b", mini_data()), ("c", revised))]
    out = tmp_path / "rekap.xlsx"
    args = [a for f in folders for a in ("--inputs", str(f))] + ["--output", str(out)]
    result = CliRunner().invoke(rekap_command, args)
    flags = {r["Folder"]: r[MIXED] for r in _rows(load_workbook(out)["Kantor"])}
    assert flags == {str(folders[0]): None, str(folders[1]): None,
                     str(folders[2]): "edisi Revisi 1, kantor lain umumnya Awal Tahun"}, result.output


@pytest.mark.office
def test_the_rollup_prints_its_chart_whole_on_a_page_of_its_own(rekap, office_tools, tmp_path):
    """Converted by LibreOffice: the chart's title is on one page, and no table is on that page."""
    pdf = tmp_path / "rekap.pdf"
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(rekap["out"])],
                   check=True, capture_output=True, timeout=180)
    pages = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                           text=True).stdout.split("\f")
    with_chart = [p for p in pages if "Rencana penarikan bulanan per kantor" in p]
    assert len(with_chart) == 1 and "Jumlah (000)" not in with_chart[0]
    assert len([p for p in pages if p.strip()]) <= 8


# --- error paths: one office never stops the others, a refused or failed output is a message ----------------

def test_an_office_folder_whose_name_is_not_utf8_is_a_row_like_the_others(tmp_path):
    odd = write_inputs(Path(os.fsdecode(os.fsencode(tmp_path) + b"/kantor-\xff")))
    plain, out = write_inputs(tmp_path / "plain"), tmp_path / "rekap.xlsx"
    result = CliRunner().invoke(rekap_command, ["--inputs", str(plain), "--inputs", str(odd), "--output", str(out)])
    assert result.exit_code == 0, result.output
    folders = [row["Folder"] for row in _rows(load_workbook(out)["Kantor"])]
    assert folders == [str(plain), str(tmp_path / "kantor-\ufffd")]


@pytest.mark.parametrize("name", ["x" * 300, "bukan-folder.xlsx", "tidak-ada", "a\x00b"])
def test_an_office_no_file_system_can_name_or_read_is_a_row(tmp_path, name):
    (tmp_path / "bukan-folder.xlsx").write_bytes(b"x")
    plain = write_inputs(tmp_path / "plain")
    result = rollup([plain, str(tmp_path) + "/" + name], workers=1)
    assert [s.split(":")[0] for _, s in result.statuses] == ["OK", UNREADABLE]
    write_rollup(result, tmp_path / "rekap.xlsx")
    assert len(_rows(load_workbook(tmp_path / "rekap.xlsx")["Kantor"])) == 2


def test_an_output_inside_any_office_folder_is_refused(tmp_path):
    read, other = write_inputs(tmp_path / "read"), write_inputs(tmp_path / "other")
    for out in (other / "rekap.xlsx", other / "sub" / "rekap.xlsx"):
        result = CliRunner().invoke(rekap_command, ["--inputs", str(read), "--output", str(out)])
        assert result.exit_code == 2 and "berisi workbook seksi" in result.output and str(other) in result.output
        assert not out.exists() and not out.parent.exists() or out.parent == other
    assert sorted(p.name for p in other.iterdir()) == sorted(wb.filename for wb in WORKBOOKS)


def test_a_full_disk_at_the_output_is_a_message_and_leaves_nothing(tmp_path, small_disk):
    """A real full disk (a small tmpfs); in a subprocess, so a traceback a destructor prints at exit would show."""
    disk, mount = small_disk
    assert mount(4, remount=True), "a page: room to start the workbook, not to finish it"
    plain, out = write_inputs(tmp_path / "plain"), disk / "hasil" / "rekap.xlsx"
    code = "import sys; from pipeline.cli import main; sys.argv[0] = 'rkt'; main()"
    done = subprocess.run([sys.executable, "-c", code, "rekap", "--inputs", str(plain), "--output", str(out)],
                          capture_output=True, text=True, cwd=Path(__file__).resolve().parent.parent)
    assert done.returncode == 2, done.stderr
    assert "disk penuh" in done.stderr and "Traceback" not in done.stderr and "Exception" not in done.stderr
    assert not out.exists() and (not out.parent.exists() or not list(out.parent.iterdir()))


def test_a_failing_write_at_the_output_is_a_message_and_leaves_nothing(tmp_path, monkeypatch):
    """The same without a tmpfs: the one write of the workbook fails as a full disk does."""
    def full(self, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Path, "write_bytes", full)
    plain, out = write_inputs(tmp_path / "plain"), tmp_path / "hasil" / "rekap.xlsx"
    result = CliRunner().invoke(rekap_command, ["--inputs", str(plain), "--output", str(out)])
    assert result.exit_code == 2 and "disk penuh" in result.output, result.output
    assert not out.exists() and not list(out.parent.iterdir())
