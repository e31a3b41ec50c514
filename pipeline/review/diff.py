"""The diff of two editions: every value that reaches the document, by its sheet, key and column.

Either side is an inputs folder (optionally at a git revision), a built .docx that carries its
snapshot, or an issued edition in the archive (`terbit:2025-Awal-Tahun`). Values come from the
snapshot (pipeline/review/snapshot.py), so nothing a workbook puts in the document can change
unseen. Whether anything changed is decided by the documents themselves: two sides are the same
exactly when the text twins of the documents both have (the RKT, the PK) are; prose of a template
that changed is shown as text. A change is data: where (section, key, field), old, new.
"""

from __future__ import annotations

import contextlib
import difflib
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from pipeline.archive import issued_documents
from pipeline.document.package import read_docx, read_snapshot
from pipeline.document.twin import docx_to_markdown
from pipeline.findings import InputError, Location, error, has_errors
from pipeline.formatting import plain
from pipeline.inputs import schema
from pipeline.inputs.numbers import NotANumber, parse_number
from pipeline.inputs.read import LIMITS, Limits
from pipeline.names import LAKIN, PLAN_KINDS, RKT, is_draft, issued_name
from pipeline.outputs import resolved
from pipeline.review.snapshot import realisation_snapshot, snapshot, upgrade

TEXT = "Teks dokumen"  # the section of changes found only in a document's text


@dataclass(frozen=True)
class Change:
    """One difference. `field` is empty when a whole record was added (old None) or removed (new None)."""

    section: str
    key: str
    field: str
    old: Any
    new: Any

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Side:
    """One side of a diff: its snapshot and the text twin of each of its documents, by kind (RKT, PK).

    `documents` are the .docx bytes of each kind, as read or made once (a redline reuses them);
    `read` the files the side was read from, which nothing rkt writes may replace. `errors`:
    the edition could not be issued as it is (its inputs have errors, or it is a draft).
    """

    snapshot: dict[str, Any]
    twins: dict[str, str]
    documents: dict[str, bytes] = field(default_factory=dict)
    read: frozenset[Path] = frozenset()
    realisation: dict[str, Any] | None = None  # an inputs folder's realisasi.xlsx and Arah; None for a document
    errors: bool = False


def compared(old: Side, new: Side) -> list[str]:
    """The documents both sides have (a built RKT against an inputs folder: the RKT alone)."""
    return [kind for kind in old.twins if kind in new.twins]


def _records(section: str, old: dict, new: dict) -> list[Change]:
    """Changes of one sheet's records; a record whose key alone changed (a corrected NIP) is one change."""
    gone = {k: v for k, v in old.items() if k not in new}
    came = {k: v for k, v in new.items() if k not in old}
    renamed = {}
    for key, values in gone.items():
        match = next((k for k, v in came.items() if v == values and k not in renamed.values()), None)
        if match is not None:
            renamed[key] = match
    out = []
    for key in sorted(set(old) | set(new), key=_natural):
        if key in renamed:
            out.append(Change(section, renamed[key], "kunci", key, renamed[key]))
        elif key in renamed.values():
            continue
        elif key not in new:
            out.append(Change(section, key, "", old[key], None))
        elif key not in old:
            out.append(Change(section, key, "", None, new[key]))
        else:
            a, b = old[key], new[key]
            # a column an earlier rkt did not have reads as empty (`Skala`, `Plt./Plh. Kepala`)
            out += [Change(section, key, f, a.get(f), b.get(f)) for f in _fields(a, b)
                    if (a.get(f) or "") != (b.get(f) or "")]
    return out


def _fields(a: dict, b: dict) -> list[str]:
    """The labels of both records in the order the sheet has them."""
    return list(dict.fromkeys([*a, *b]))


def _natural(key: str) -> tuple:
    parts = key.split(" / ")
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in parts)


def diff(old: Side, new: Side) -> list[Change]:
    """Every change between two sides: the documents' (`document_changes`), then, when both sides are
    inputs folders, every value of realisasi.xlsx and every IKK's Arah that changed (they reach no document)."""
    changes = document_changes(old, new)
    if old.realisation is not None and new.realisation is not None:
        changes += value_changes(old.realisation, new.realisation)
    return changes


def value_changes(old: dict[str, dict], new: dict[str, dict]) -> list[Change]:
    """Every change between two sets of values (section -> key -> label -> value), section by section.

    What two snapshots differ in, whatever their documents say: `rkt serve` shows it for one
    workbook replaced by an upload.
    """
    changes = []
    for section in dict.fromkeys([*old, *new]):
        changes += _records(section, old.get(section, {}), new.get(section, {}))
    return changes


def document_changes(old: Side, new: Side) -> list[Change]:
    """Every change between two sides' documents, in the order of the workbooks; none when they read alike.

    When the values are the same but a document is not (a template's prose changed), the changed
    lines of its text twin are the changes (section `Teks dokumen`, key the document: RKT, PK).
    """
    differing = [kind for kind in compared(old, new) if old.twins[kind] != new.twins[kind]]
    if not differing:
        return []
    changes = value_changes(old.snapshot["values"], new.snapshot["values"])
    return changes or [c for kind in differing for c in _text_changes(old.twins[kind], new.twins[kind], kind)]


def _text_changes(old: str, new: str, kind: str) -> list[Change]:
    """The lines of document `kind` that differ, paired where they were replaced."""
    out = []
    a, b = old.splitlines(), new.splitlines()
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        removed, added = a[i1:i2], b[j1:j2]
        for k in range(max(len(removed), len(added))):
            out.append(Change(TEXT, kind, "baris", removed[k] if k < len(removed) else None,
                              added[k] if k < len(added) else None))
    return out


def provenance_note(old: dict, new: dict) -> list[str]:
    """Which input workbooks differ between the two sides (by SHA-256)."""
    a, b = old.get("sources", {}), new.get("sources", {})
    return [wb for wb in sorted(set(a) | set(b)) if a.get(wb) != b.get(wb)]


def _number(text: Any) -> int | None:
    try:
        parsed = parse_number(text) if isinstance(text, str) and text not in ("", "-") else None
    except NotANumber:
        return None
    return int(parsed.value) if parsed is not None and not parsed.percent and parsed.value == int(parsed.value) \
        else None


def _signed(value: int) -> str:
    return f"+{plain(value)}" if value > 0 else plain(value)


def _record_text(values: Any) -> str:
    if not isinstance(values, dict):
        return str(values)
    return "; ".join(f"{k}: {v}" for k, v in values.items() if v) or "(kosong)"


def heading(section: str, key: str) -> str:
    """`RO QAH.017`, `Target Bulanan: No IKK 1 / Komponen 2`, `Identitas`."""
    if not key or section == TEXT:
        return f"{section} {key}".strip()
    sheet = next((s for wb in schema.ALL_WORKBOOKS for s in wb.sheets if s.name == section), None)
    if isinstance(sheet, schema.Sheet) and sheet.key:
        labels = [sheet.column(k).header for k in sheet.key]
        parts = key.split(" / ")
        return f"{section}: " + " / ".join(f"{label} {part}".strip() for label, part in zip(labels, parts,
                                                                                               strict=False))
    return f"{section}: baris {key}"


def format_text(changes: list[Change], old: dict, new: dict) -> str:
    """The diff for people, in Bahasa Indonesia, grouped by sheet and record."""
    lines: list[str] = []
    differing = provenance_note(old, new)
    if not changes:
        lines.append("Tidak ada perubahan pada dokumen.")
        if differing:
            lines.append("(Workbook berbeda: " + ", ".join(differing) + "; tidak ada yang sampai ke dokumen.)")
        return "\n".join(lines) + "\n"
    if differing:
        lines.append("Input berbeda: " + ", ".join(differing))
    current = None
    for c in changes:
        head = (c.section, c.key)
        if head != current:
            current = head
            lines.append(heading(c.section, c.key))
        if not c.field:
            verb = "ditambah" if c.old is None else "dihapus"
            lines.append(f"  {verb}: {_record_text(c.new if c.old is None else c.old)}")
        elif c.section == TEXT:
            if c.old is not None:
                lines.append(f"  - {c.old}")
            if c.new is not None:
                lines.append(f"  + {c.new}")
            if c.old is not None and c.new is not None:
                lines.append(f"  kata: {_changed_words(c.old, c.new)}")
        else:
            a, b = _number(c.old), _number(c.new)
            delta = f" (selisih {_signed(b - a)})" if a is not None and b is not None else ""
            lines.append(f"  {c.field}: {c.old or '(kosong)'} -> {c.new or '(kosong)'}{delta}")
    return "\n".join(lines) + "\n"


def _changed_words(old: str, new: str) -> str:
    """`pedoman -> panduan`: the words that differ between two versions of a line, each change once."""
    a, b = old.split(), new.split()
    return "; ".join(f"{' '.join(a[i1:i2]) or '(kosong)'} -> {' '.join(b[j1:j2]) or '(kosong)'}"
                     for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
                     if tag != "equal")


def load_sides(old, new, rev: str | None = None, output: Path | None = None,
               templates: Path | None = None) -> tuple[Side, Side]:
    """Both sides of `rkt diff OLD NEW` (`load_side`); an inputs folder set against a LAKIN (a built one, or
    `terbit:2024-LAKIN`) composes its LAKIN, so the two compare like with like."""
    before = load_side(old, rev, output=output, templates=templates)
    after = load_side(new, output=output, templates=templates)
    if compared(before, after):
        return before, after
    if LAKIN in after.twins and before.realisation is not None:
        before = load_side(old, rev, output=output, templates=templates, kinds=(LAKIN,))
    elif LAKIN in before.twins and after.realisation is not None:
        after = load_side(new, output=output, templates=templates, kinds=(LAKIN,))
    return before, after


def load_side(path, rev: str | None = None, limits: Limits = LIMITS, output: Path | None = None,
              templates: Path | None = None, kinds: tuple[str, ...] = PLAN_KINDS) -> Side:
    """One side of a diff: an inputs folder (optionally at git revision `rev`), its documents of `kinds` (the RKT
    and the PK; the LAKIN) composed from the templates in `templates` (pipeline/document/documents.py,
    `template_paths`), a built .docx (the RKT, the PK or the LAKIN), or an issued edition `terbit:NAME` of
    the archive in `output` (its documents).

    Each file is read once and each folder's documents made once, in memory.
    """
    issued_edition = issued_name(str(path))
    if issued_edition is not None:
        sides = [load_side(p) for p in issued_documents(Path(output or "output"), issued_edition).values()]
        return Side(sides[0].snapshot, {kind: twin for side in sides for kind, twin in side.twins.items()},
                    {kind: docx for side in sides for kind, docx in side.documents.items()},
                    frozenset().union(*(side.read for side in sides)), errors=any(side.errors for side in sides))
    path = Path(path)
    if rev is not None:
        with inputs_at_revision(path, rev) as folder:
            return replace(_folder_side(folder, limits, templates, kinds), read=_workbooks(path))
    if path.is_dir():
        return _folder_side(path, limits, templates, kinds)
    data = read_docx(path)
    snap = upgrade(read_snapshot(path, data))
    snap.setdefault("values", {})  # a document of an rkt before snapshot 2: its text alone is compared
    office = snap.setdefault("office", {})
    office.setdefault("sign_date", [int(office.get("year") or 2000), 1, 1])
    kind = snap.get("document", RKT)
    return Side(snap, {kind: docx_to_markdown(data)}, {kind: data}, frozenset({resolved(path)}),
                errors=is_draft(path.name))


def _folder_side(folder: Path, limits: Limits, templates: Path | None = None,
                 kinds: tuple[str, ...] = PLAN_KINDS) -> Side:
    """An inputs folder: its snapshot, and the documents of `kinds` it gives (errors or not, never a draft) with
    their twins, from the templates in `templates` (None: rkt's own); its realisation too, when it has one.

    Its LAKIN's snapshot holds the realisation already: the side then carries no realisation of its own, so
    no change is named twice."""
    # start-up: docxtpl and the checks load only when a folder is compared, not for two .docx
    from pipeline.document.documents import documents
    from pipeline.edition import analyse

    analysis = analyse(folder, limits=limits, realisation=True)
    if analysis.plan is None:
        raise InputError(analysis.findings)
    plan = analysis.plan
    docs = documents(plan, templates=templates, kinds=kinds)
    twins = {kind: docx_to_markdown(docx) for kind, docx in docs.items()}
    if LAKIN in kinds:  # the LAKIN shows the realisation: its errors stop it too
        return Side(snapshot(plan, LAKIN), twins, docs, _workbooks(folder), errors=has_errors(analysis.findings))
    errors = has_errors([f for f in analysis.findings if not f.rule.startswith("realisation.")])  # not in documents
    return Side(snapshot(plan), twins, docs, _workbooks(folder), realisation_snapshot(plan), errors)


def _workbooks(folder: Path) -> frozenset[Path]:
    return frozenset(resolved(Path(folder) / wb.filename) for wb in schema.ALL_WORKBOOKS)


@contextlib.contextmanager
def inputs_at_revision(folder, rev: str) -> Iterator[Path]:
    """The section workbooks of `folder` as committed at git revision `rev`, in a temporary folder
    removed when the block ends."""
    folder = Path(folder).resolve()
    try:
        top = Path(subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=folder, check=True,
                                  capture_output=True, text=True).stdout.strip())
    except (subprocess.CalledProcessError, FileNotFoundError, NotADirectoryError):
        raise InputError([error("input.git", f"{folder} bukan bagian dari repositori git", Location(str(folder)))]) \
            from None
    with tempfile.TemporaryDirectory(prefix="rkt-rev-") as tmp:
        target = Path(tmp)
        for wb in schema.ALL_WORKBOOKS:
            rel = (folder / wb.filename).relative_to(top).as_posix()
            done = subprocess.run(["git", "show", f"{rev}:{rel}"], cwd=top, capture_output=True)
            if done.returncode != 0 and wb in schema.OPTIONAL_WORKBOOKS:
                continue  # realisasi.xlsx not yet at that revision: no realisation then
            if done.returncode != 0:
                raise InputError([error("input.git", f"{rel} tidak ada pada revisi {rev}", Location(wb.filename))])
            (target / wb.filename).write_bytes(done.stdout)
        yield target
