"""Three offices of different shapes, the shipped edition and its next year, built whole and read as a person would.

Each builds with no code or template change, its documents (the RKT and the PK) hold no text of another
office or period, and their PDFs (LibreOffice) show no figure, code, word or office name broken over lines,
no word past the margins, no near-empty page before a table's last row or a signature and no signature
alone on a page, and every header row whole where a table opens a page (tests/layout.py reads the word
boxes and the rendered pages). The next year is the shipped office after
`rkt init --year 2025`, filled in as a planner would: schedules, monthly targets and the new period's texts.
"""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from pipeline.build import build
from pipeline.checks import run_checks
from pipeline.document.pdf import to_pdf
from pipeline.workbooks.next_year import init_year
from tests.builders import fill_as_planner, plan_of, write_inputs
from tests.layout import layout_problems
from tests.offices import NATIONAL_2025, OFFICES

SHIPPED = Path(__file__).resolve().parent.parent / "inputs"
# What a document of another office or period must never say
FOREIGN = {
    "small": ("Jambi", "2020-2024", "Teluk Permata", "Muara Sentosa", "Rosyid"),
    "balai-besar": ("Jambi", "2020-2024", "Tanjung Harapan", "Muara Sentosa", "Jenderal Pencegahan",
                    "P2P", "Rosyid"),
    "period-2026": ("Jambi", "2020-2024", "Tanjung Harapan", "Teluk Permata", "Rosyid", "2024"),
    "asn-2026": ("Jambi", "2020-2024", "Tanjung Harapan", "Teluk Permata", "Muara Sentosa", "Rosyid", "2024",
                 "Jenderal Pencegahan", "P2P", "JFU", "Fungsional Umum", "orang ASN dan"),
}


def next_year(folder: Path) -> Path:
    """The shipped office's 2025 workbooks from `rkt init`, filled in: each RO's schedule spread evenly over
    the months, the monthly targets of 2024 again, the 2025-2029 national texts typed."""
    init_year(SHIPPED, folder, 2025)
    fill_as_planner(SHIPPED, folder)
    identitas = load_workbook(folder / "identitas.xlsx")
    ws = identitas["Identitas"]
    labels = {"Visi Presiden": "vision", "Peraturan Renstra": "renstra_regulation",
              "Peraturan Organisasi": "organisation_regulation"}
    for row in range(2, ws.max_row + 1):
        key = labels.get(ws.cell(row, 1).value)
        if key:
            ws.cell(row, 2).value = NATIONAL_2025[key]
    identitas.save(folder / "identitas.xlsx")
    return folder


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Each fixture office, and the shipped edition, built into its own folder: (name, RKT or PK) -> document."""
    docs = {}
    for name, office in OFFICES.items():
        folder = tmp_path_factory.mktemp(name)
        result = build(write_inputs(folder / "inputs", office()), folder / "output")
        assert result.path is not None, [str(f) for f in result.findings]
        docs[name, "RKT"], docs[name, "PK"] = result.path, result.agreement
    result = build(SHIPPED, tmp_path_factory.mktemp("shipped"))
    docs["shipped", "RKT"], docs["shipped", "PK"] = result.path, result.agreement
    folder = tmp_path_factory.mktemp("next-year")
    result = build(next_year(folder / "inputs"), folder / "output")
    assert result.path is not None and not result.has_errors, [str(f) for f in result.findings]
    assert not [f for f in result.findings if f.rule == "identity.national-text"]
    docs["next-year", "RKT"], docs["next-year", "PK"] = result.path, result.agreement
    return docs


def test_the_next_year_prints_the_national_texts_typed_for_its_period(built):
    twin = built["next-year", "RKT"].with_suffix(".md").read_text()
    assert NATIONAL_2025["vision"] in twin and "2025-2029" in twin


@pytest.mark.parametrize("name", sorted(OFFICES))
def test_each_fixture_office_checks_clean(name):
    assert run_checks(plan_of(OFFICES[name]())) == []


@pytest.mark.parametrize("kind", ["RKT", "PK"])
@pytest.mark.parametrize("name", sorted(FOREIGN))
def test_a_document_holds_no_text_of_another_office_or_period(built, name, kind):
    twin = built[name, kind].with_suffix(".md").read_text()
    found = [word for word in FOREIGN[name] if word in twin]
    assert found == []


@pytest.mark.office
@pytest.mark.slow
@pytest.mark.parametrize("kind", ["RKT", "PK"])
@pytest.mark.parametrize("name", [*sorted(OFFICES), "shipped", "next-year"])
def test_the_pdf_breaks_no_figure_and_stays_inside_the_page(office_tools, built, name, kind):
    pdf = to_pdf(built[name, kind])
    assert [str(p) for p in layout_problems(pdf)] == []


def _clip_header_rows(docx: Path, broken: Path) -> None:
    """`docx` with every repeated header row set to an exact 9 pt: its cells' text is cut off."""
    with zipfile.ZipFile(docx) as old, zipfile.ZipFile(broken, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            data = old.read(item.filename)
            if item.filename == "word/document.xml":
                def clip(m: re.Match) -> str:
                    props = re.sub(r"<w:trHeight[^>]*/>", "", m.group(0))
                    return props.replace("<w:tblHeader/>", '<w:tblHeader/><w:trHeight w:val="180" w:hRule="exact"/>')
                data = re.sub(r"<w:trPr>.*?</w:trPr>", clip, data.decode(), flags=re.S).encode()
            new.writestr(item, data)


@pytest.mark.office
@pytest.mark.slow
def test_the_layout_check_sees_a_header_row_cut_off(office_tools, built, tmp_path):
    """The check of the test above finds repeated header rows too low for their words (`Kegiatan` cut off)."""
    rkt = built["shipped", "RKT"]
    broken = tmp_path / rkt.name
    _clip_header_rows(rkt, broken)
    shutil.copy(rkt.with_suffix(".md"), broken.with_suffix(".md"))
    clipped = [p for p in layout_problems(to_pdf(broken)) if p.kind == "clipped-header"]
    assert clipped and any("kegiatan" in p.text.split() for p in clipped)
