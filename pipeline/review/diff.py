"""Semantic diff of two editions, keyed by RO code, IKK number, NIP and table cell.

Works on snapshots (`snapshot.py`), so either side can be an inputs folder or a built
.docx that carries its snapshot. A change is data: where (section, key, field), old, new.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from pipeline.formatting import plain
from pipeline.inputs.read import LIMITS, Limits
from pipeline.inputs.schema import MONTHS

SECTION_TITLES = {
    "office": "Identitas",
    "ro": "Rincian Output",
    "ikk": "Indikator Kinerja Kegiatan",
    "staff": "Sumber Daya Manusia",
    "nip": "Pegawai",
    "totals": "Total",
}
FIELD_NAMES = {
    "name": "nama", "volume": "volume", "unit": "satuan", "rm": "RM", "pnbp": "PNBP", "phln": "PHLN",
    "amount": "alokasi", "location": "lokasi", "pj": "PJ", "next_volume": "volume prakiraan maju",
    "next_amount": "alokasi prakiraan maju", "kro": "KRO", "target": "target PK", "absolute": "target absolut",
    "goal": "sasaran", "allocation": "alokasi", "ros": "RO", "status": "status", "position_type": "jenis jabatan",
    "position": "jabatan", "grade": "golongan", "education": "pendidikan", "head_nip": "NIP kepala",
    "head_name": "nama kepala", "head_title": "jabatan kepala", "year": "tahun", "edition": "edisi",
    "total": "jumlah pegawai", "rm_total": "RM",
}


@dataclass(frozen=True)
class Change:
    """One difference. `field` is empty when a whole item was added (old None) or removed (new None)."""

    section: str
    key: str
    field: str
    old: Any
    new: Any

    def to_dict(self) -> dict:
        return asdict(self)


def _months(section: str, key: str, prefix: str, old: list | None, new: list | None) -> list[Change]:
    old, new = old or [None] * 12, new or [None] * 12
    return [
        Change(section, key, f"{prefix}{MONTHS[m]}", old[m], new[m])
        for m in range(12) if old[m] != new[m]
    ]


def _fields(section: str, key: str, old: dict, new: dict, skip: tuple[str, ...] = ()) -> list[Change]:
    out = []
    for field in sorted(set(old) | set(new)):
        if field in skip:
            continue
        if old.get(field) != new.get(field):
            out.append(Change(section, key, field, old.get(field), new.get(field)))
    return out


def _keyed(section: str, old: dict, new: dict, compare) -> list[Change]:
    out = []
    for key in sorted(set(old) | set(new), key=_natural):
        if key not in new:
            out.append(Change(section, key, "", old[key], None))
        elif key not in old:
            out.append(Change(section, key, "", None, new[key]))
        else:
            out.extend(compare(key, old[key], new[key]))
    return out


def _natural(key: str) -> tuple:
    return (0, int(key), "") if key.isdigit() else (1, 0, key)


def _series(section, key, label, old, new) -> list[Change]:
    if old is None or new is None:
        return [] if old == new else [Change(section, key, label, old, new)]
    out = _fields(section, key, {k: v for k, v in old.items() if k != "months"},
                  {k: v for k, v in new.items() if k != "months"})
    out = [Change(c.section, c.key, f"{label} {c.field}".strip(), c.old, c.new) for c in out]
    return out + _months(section, key, f"{label} " if label else "", old["months"], new["months"])


def diff(old: dict, new: dict) -> list[Change]:
    """Every change between two snapshots, in a stable order."""
    changes = _fields("office", "", old["office"], new["office"])

    def ro(key, a, b):
        return _fields("ro", key, a, b, skip=("months",)) + _months("ro", key, "", a["months"], b["months"])

    changes += _keyed("ro", old["ro"], new["ro"], ro)

    def ikk(key, a, b):
        out = _fields("ikk", key, a, b, skip=("monthly", "components"))
        out += _series("ikk", key, "", a["monthly"], b["monthly"])
        for comp in sorted(set(a["components"]) | set(b["components"]), key=_natural):
            out += _series("ikk", key, f"komponen {comp}", a["components"].get(comp), b["components"].get(comp))
        return out

    changes += _keyed("ikk", old["ikk"], new["ikk"], ikk)
    for table in ("by_status", "by_position_type", "tabel1", "tabel2", "tabel3"):
        a, b = old["staff"][table], new["staff"][table]
        for cell in sorted(set(a) | set(b)):
            if a.get(cell, 0) != b.get(cell, 0):
                changes.append(Change("staff", table, cell, a.get(cell, 0), b.get(cell, 0)))
    if old["staff"]["total"] != new["staff"]["total"]:
        changes.append(Change("staff", "", "total", old["staff"]["total"], new["staff"]["total"]))
    changes += _nip_changes(old["nip"], new["nip"])
    changes += _fields("totals", "", old["totals"], new["totals"], skip=("months",))
    return changes


def _nip_changes(old: dict, new: dict) -> list[Change]:
    """Staff keyed by NIP; a person whose NIP alone changed shows as one NIP change."""
    gone = {n: old[n] for n in old if n not in new}
    came = {n: new[n] for n in new if n not in old}
    out = []
    for nip_old, person in sorted(gone.items()):
        match = next((n for n, p in sorted(came.items()) if p == person), None)
        if match:
            out.append(Change("nip", person["name"], "nip", nip_old, match))
            del came[match]
        else:
            out.append(Change("nip", nip_old, "", person, None))
    out += [Change("nip", n, "", None, p) for n, p in sorted(came.items())]
    for nip in sorted(set(old) & set(new)):
        out += _fields("nip", nip, old[nip], new[nip])
    return out


def provenance_note(old: dict, new: dict) -> list[str]:
    """Which input workbooks differ between the two sides (by SHA-256)."""
    a, b = old.get("sources", {}), new.get("sources", {})
    return [wb for wb in sorted(set(a) | set(b)) if a.get(wb) != b.get(wb)]


def _show(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return plain(value)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or "-"
    if isinstance(value, dict):
        return value.get("name", "")
    return str(value)


def _signed(value: int) -> str:
    return f"+{plain(value)}" if value > 0 else plain(value)


def format_text(changes: list[Change], old: dict, new: dict) -> str:
    """The diff for people, in Bahasa Indonesia, grouped by section and key."""
    lines: list[str] = []
    differing = provenance_note(old, new)
    if differing:
        lines.append("Input berbeda: " + ", ".join(differing))
    current = None
    for c in changes:
        head = (c.section, c.key)
        if head != current:
            current = head
            title = SECTION_TITLES.get(c.section, c.section)
            label = {"ro": f"RO {c.key}", "ikk": f"IKK {c.key}", "nip": f"NIP {c.key}" if c.key.isdigit()
                     else c.key, "staff": c.key}.get(c.section, "")
            lines.append(f"{title}: {label}".rstrip(": ") if label else title)
        if not c.field:
            verb = "ditambah" if c.old is None else "dihapus"
            item = c.new if c.old is None else c.old
            extra = f" (alokasi {plain(item['amount'])})" if isinstance(item, dict) and "amount" in item else ""
            lines.append(f"  {verb}: {_show(item)}{extra}")
        else:
            name = FIELD_NAMES.get(c.field, c.field)
            delta = ""
            if isinstance(c.old, int) and isinstance(c.new, int) and not isinstance(c.old, bool):
                delta = f" (selisih {_signed(c.new - c.old)})"
            lines.append(f"  {name}: {_show(c.old)} -> {_show(c.new)}{delta}")
    a, b = old["totals"]["amount"], new["totals"]["amount"]
    lines.append(f"Pagu: {plain(a)} -> {plain(b)} (selisih {_signed(b - a)})")
    if not changes:
        lines.insert(0, "Tidak ada perubahan.")
    return "\n".join(lines) + "\n"


def load_side(path, rev: str | None = None, limits: Limits = LIMITS) -> dict:
    """A snapshot from an inputs folder (optionally at a git revision) or from a built .docx."""
    from pipeline.document.package import read_snapshot
    from pipeline.inputs.normalise import load
    from pipeline.review.snapshot import snapshot

    path = Path(path)
    if rev is not None:
        with inputs_at_revision(path, rev) as folder:
            return snapshot(load(folder, limits))
    if path.is_dir():
        return snapshot(load(path, limits))
    return read_snapshot(path)


@contextlib.contextmanager
def inputs_at_revision(folder, rev: str) -> Iterator[Path]:
    """The section workbooks of `folder` as committed at git revision `rev`, in a temporary folder
    removed when the block ends."""
    import subprocess
    import tempfile

    from pipeline.findings import InputError, Location, error
    from pipeline.inputs import schema

    folder = Path(folder).resolve()
    try:
        top = Path(subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=folder, check=True,
                                  capture_output=True, text=True).stdout.strip())
    except (subprocess.CalledProcessError, FileNotFoundError, NotADirectoryError):
        raise InputError([error("input.git", f"{folder} bukan bagian dari repositori git", Location(str(folder)))]) \
            from None
    with tempfile.TemporaryDirectory(prefix="rkt-rev-") as tmp:
        target = Path(tmp)
        for wb in schema.WORKBOOKS:
            rel = (folder / wb.filename).relative_to(top).as_posix()
            done = subprocess.run(["git", "show", f"{rev}:{rel}"], cwd=top, capture_output=True)
            if done.returncode != 0:
                raise InputError([error("input.git", f"{rel} tidak ada pada revisi {rev}", Location(wb.filename))])
            (target / wb.filename).write_bytes(done.stdout)
        yield target
