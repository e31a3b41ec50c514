"""The rule tests' in-memory plans are the plans real workbooks give: same findings, same cells."""

from __future__ import annotations

import pytest

from pipeline.checks import run_checks
from pipeline.inputs.normalise import load
from tests.builders import mini_data, plan_of, write_inputs
from tests.checks_support import flat


def broken_everywhere(data: dict) -> dict:
    """Findings in every workbook: a schedule, a stated total, a percent target, a name, a NIP."""
    data["jadwal"]["Jadwal"][0]["m02"] = 10_001
    data["pendanaan"]["RO"][-1]["rm"] += 1
    data["kinerja"]["IKK"][1]["target"] = data["kinerja"]["IKK"][1]["target"] + 1
    data["pendanaan"]["IKK-RO"][0]["name"] = "Layanan pemeriksaan orang dan barang"
    data["pegawai"]["Pegawai"][1]["nip"] = "198513122010012001"
    data["identitas"]["Identitas"]["head_title"] = "Kepala Kantor Kesehatan Pelabuhan Kelas II Contoh"
    return data


@pytest.mark.parametrize("change", [lambda d: d, broken_everywhere])
def test_in_memory_plan_gives_the_findings_of_the_written_workbooks(tmp_path, change):
    data = change(mini_data())
    on_disk = run_checks(load(write_inputs(tmp_path / "in", data)))
    in_memory = run_checks(plan_of(data))
    assert flat(in_memory) == flat(on_disk)
    assert [f.message for f in in_memory] == [f.message for f in on_disk]
    assert change is not broken_everywhere or len(on_disk) >= 6
