"""Write the shipped office's example realisation, inputs/realisasi.xlsx: fictional, consistent with its plan.

The realisation of BKK Kelas II Jambi 2024 was never published; this example shows what the sixth
workbook looks like filled through June and lets `rkt capaian --sampai Juni` run on the shipped
inputs. Its figures are generated near the plan (tests/offices.py `realisation`, a fixed seed) and
the workbook says it is fictional in its Keterangan. Re-running gives the same figures; it refuses
to overwrite a realisasi.xlsx that is not this example unless `--force`.

    .venv/bin/python tools/make_example_realisation.py
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.inputs import schema  # noqa: E402
from pipeline.inputs.normalise import load  # noqa: E402
from pipeline.workbooks.xlsx import write_workbook  # noqa: E402
from tests.offices import FICTIONAL, realisation  # noqa: E402

THROUGH = 6  # June: the example is a mid-year report
SEED = "contoh-realisasi-jambi-2024"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=Path, default=ROOT / "inputs")
    parser.add_argument("--force", action="store_true", help="overwrite a realisasi.xlsx that is not the example")
    args = parser.parse_args()
    target = args.inputs / schema.REALISASI.filename
    if target.exists() and not args.force:
        current = load(args.inputs, realisation=True).realisation
        if current is None or current.note != FICTIONAL:
            sys.exit(f"{target} is not the fictional example; refusing to overwrite it (use --force)")
    data = realisation(load(args.inputs), THROUGH, SEED)
    write_workbook(target, schema.REALISASI, data, guide=True, year=data["Laporan"]["year"])
    print(target)


if __name__ == "__main__":
    main()
