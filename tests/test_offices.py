"""Three offices of different shapes and the shipped edition, built whole and read as a person would.

Each builds with no code or template change, its documents (the RKT and the PK) hold no text of another
office or period, and their PDFs (LibreOffice) show no figure or code broken over lines, no word past the margins and no
near-empty page before a table's last row or a signature (tests/layout.py reads the word boxes).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.build import build
from pipeline.checks import run_checks
from pipeline.document.pdf import to_pdf
from tests.builders import plan_of, write_inputs
from tests.layout import layout_problems
from tests.offices import OFFICES

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
    return docs


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
@pytest.mark.parametrize("name", [*sorted(OFFICES), "shipped"])
def test_the_pdf_breaks_no_figure_and_stays_inside_the_page(office_tools, built, name, kind):
    pdf = to_pdf(built[name, kind])
    assert [str(p) for p in layout_problems(pdf)] == []
