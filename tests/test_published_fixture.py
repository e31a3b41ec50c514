"""The published RKT 2024 as printed is caught; the corrected edition shipped in inputs/ is clean.

Both lack one value the RKT never prints: the name of the Perjanjian Kinerja's second party
(the published edition does not say it), so both carry that one warning.

The expected findings are written out one by one, each with the id of the contradiction it
catches in docs/published-2024-errors.md, so a rule that stops catching one (or starts
reporting something new) fails here.
"""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from pipeline.cli import cli

ROOT = Path(__file__).parent.parent
PUBLISHED = ROOT / "tests" / "published-2024"
SHIPPED = ROOT / "inputs"
FKSE = ("PEA.001", "PEF.001", "QAA.011", "QAA.012", "QAH.017", "TBC.001", "AEA.501", "AEA.502", "AEA.505")

EXPECTED = {
    ("identity.parent-unit", "Unit Organisasi"),  # E10: "Direktorat", elsewhere "Ditjen"
    ("identity.head-in-roster", "196901271993031001"),  # E64: Kata Pengantar vs Lampiran NIP
    ("text.spelling", "Kekejarantinaan"),  # E11 (Unit Organisasi), E12 (Kegiatan)
    ("text.spelling", "kekejarantinaan"),  # E13 (Sasaran Kegiatan)
    ("text.spelling", "Kekeparantinaan"),  # E03 (duty of the Kelompok Jabatan Fungsional)
    ("text.spelling", "Kekearifan"),  # E15 (PEA.001 name), E55 (Sasaran kinerja 1)
    ("text.spelling", "kekarantina"),  # E16 (RAB.001 name)
    ("codes.name-variant", "PEA.001"),  # E15: Jadwal "Kekarantinaan" vs RO "Kekearifan"
    ("codes.name-variant", "RAB.001"),  # E16: Jadwal "kekarantinaan" vs RO "kekarantina"
    ("money.ikk-allocation", "IKK 8"),  # E21, E33: 14.530.796 vs its ROs 14.742.796
    ("money.schedule-sum", "AEA.501"),  # E30
    ("money.schedule-sum", "AEA.502"),  # E31
    ("money.schedule-sum", "AEA.505"),  # E32
    ("money.schedule-sum", "EBA.994"),  # E33, E52
    ("money.schedule-sum", "RAB.001"),  # E51
    ("codes.name", "QAH.U08"),  # E34
    ("codes.name", "QAH.U11"),  # E35
    ("codes.name", "QAH.U12"),  # E36
    ("codes.name", "QAH.U13"),  # E37
    ("codes.name", "QAH.016"),  # E38
    ("codes.name", "QAH.017"),  # E39
    ("codes.name-variant", "QAH.U14"),  # E44: HIV/AIDS vs HIV AIDS
    ("codes.name-variant", "QAA.011"),  # E45: Pelayanan Kesehatan Haji vs Pelayanan kesehatan haji
    *(("codes.unknown-pj", code) for code in FKSE),  # E46: "FKSE"
    *(("codes.pj-variant", code) for code in FKSE if code != "QAH.017"),  # E47: "substansi PRL&KLW"
    ("targets.absolute-missing", "IKK 1"),  # E56: components state 1.170.587, the IKK nothing
    ("targets.stated-sum", "IKK 2 Jumlah"),  # E57: 523 ... 8.293 vs 539 ... 8.549
    ("identity.superior", "Nama Atasan"),  # not in the published RKT: the PK's second party
}


def check(folder: Path):
    result = CliRunner().invoke(cli, ["check", "--inputs", str(folder), "--format", "json"])
    return result.exit_code, json.loads(result.stdout)


def test_published_edition_is_caught():
    code, findings = check(PUBLISHED)
    assert code == 1
    assert {(f["rule"], f["subject"]) for f in findings} == EXPECTED


def test_shipped_inputs_are_clean():
    code, findings = check(SHIPPED)
    assert code == 0
    assert [(f["rule"], f["severity"], f["subject"]) for f in findings] == [
        ("identity.superior", "warning", "Nama Atasan")]
