"""rkt as a library: analyse, compose and publish, in memory until publish writes."""

from __future__ import annotations

import io
import os
import re
import sys
import tempfile
import zipfile
from pathlib import Path

from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.document import documents as _render  # noqa: F401  (loaded before the watch: no .pyc written)
from pipeline.edition import analyse, compose, publish
from tests.builders import mini_data, write_inputs

ROOT = Path(__file__).resolve().parent.parent
WRITES = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC
CHANGES = ("os.mkdir", "os.rename", "os.remove", "os.rmdir", "os.symlink", "os.link", "os.truncate", "os.chmod",
           "os.utime", "shutil.copyfile", "shutil.move", "shutil.rmtree")
_watch: list[list[str]] = []


def _audit(event: str, args: tuple) -> None:
    """Every file opened for writing, and every change to a folder, while a test watches."""
    if not _watch:
        return
    if event == "open" and (isinstance(args[1], str) and set(args[1]) & set("wax+") or (args[2] or 0) & WRITES):
        _watch[-1].append(f"open {args[0]} {args[1] or args[2]}")
    elif event in CHANGES:
        _watch[-1].append(f"{event} {args[0]}")


sys.addaudithook(_audit)  # an audit hook stays for the process; it records only inside `_watch`


def _unstamped(xlsx: bytes) -> dict[str, bytes]:
    """A workbook's parts, its time of saving left out."""
    with zipfile.ZipFile(io.BytesIO(xlsx)) as zf:
        return {n: re.sub(rb"<dcterms:modified[^>]*>[^<]*</dcterms:modified>", b"", zf.read(n)) for n in zf.namelist()}


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_compose_writes_nothing_and_makes_the_bytes_rkt_build_writes(tmp_path, monkeypatch):
    """The shipped office composed in memory: not a file opened for writing, not a folder made, and
    every file equal to the one `rkt build` writes (its manifest aside).

    openpyxl saves a workbook (a marked copy) through a temporary file per sheet, removed as it
    goes: the only writes allowed, into a temporary folder that is empty again after. It also
    stamps the workbook with the time it was saved: marked copies are compared without it.
    """
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    inputs = {p.name: p.stat().st_mtime_ns for p in (ROOT / "inputs").iterdir()}
    _watch.append([])
    try:
        plan, findings = analysis = analyse(ROOT / "inputs")
        edition = compose(analysis)
    finally:
        seen = _watch.pop()
    assert [s for s in seen if not s.split()[1].startswith(str(scratch))] == []
    assert list(tmp_path.iterdir()) == [scratch] and list(scratch.iterdir()) == []
    assert {p.name: p.stat().st_mtime_ns for p in (ROOT / "inputs").iterdir()} == inputs
    assert plan.office.year == 2024 and findings == analysis.findings == edition.findings
    assert set(edition.documents) == set(edition.twins) == {"RKT", "PK"} and edition.marked

    result = CliRunner().invoke(cli, ["build", "--inputs", str(ROOT / "inputs"), "--output", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    built = {rel: data for rel, data in _tree(tmp_path / "out").items() if not rel.startswith(".rkt/")}
    assert sorted(built) == sorted(edition.files)
    for rel, data in built.items():
        if rel.endswith(".xlsx"):
            assert _unstamped(edition.files[rel]) == _unstamped(data), rel
        else:
            assert edition.files[rel] == data, rel


def test_the_audit_sees_a_write(tmp_path):
    _watch.append([])
    try:
        (tmp_path / "x.txt").write_text("x")
        (tmp_path / "d").mkdir()
    finally:
        seen = _watch.pop()
    assert [s.split()[0] for s in seen] == ["open", "os.mkdir"]


def test_publish_writes_the_edition_and_returns_what_it_wrote(tmp_path):
    edition = compose(analyse(write_inputs(tmp_path / "in")))
    result = publish(edition, tmp_path / "out")
    out = tmp_path / "out"
    assert result.path == out / edition.name("RKT") and result.agreement == out / edition.name("PK")
    assert result.report is not None and result.report.read_bytes() == edition.report
    assert {rel: data for rel, data in _tree(tmp_path / "out").items() if not rel.startswith(".rkt/")} == edition.files
    assert publish(edition, tmp_path / "out").written == result.written, "published again: the same files"


def test_errors_leave_the_documents_out_unless_a_draft(tmp_path):
    data = mini_data()
    data["jadwal"]["Jadwal"][0]["m05"] -= 1_000
    analysis = analyse(write_inputs(tmp_path / "in", data))
    assert analysis.has_errors
    edition = compose(analysis)
    assert edition.documents == {} and set(edition.files) == {*edition.checks}
    draft = compose(analysis, draft=True)
    assert set(draft.documents) == {"RKT", "PK"} and draft.name().endswith("-DRAF.docx")
    assert publish(edition, tmp_path / "out").path is None


def test_unreadable_inputs_compose_to_their_report_alone(tmp_path):
    folder = write_inputs(tmp_path / "in")
    (folder / "jadwal.xlsx").write_bytes(b"not a workbook")
    analysis = analyse(folder)
    assert analysis.plan is None and [f.rule for f in analysis.problems] == ["input.not-xlsx"]
    edition = compose(analysis)
    assert edition.documents == {} and edition.office is None and edition.snapshot is None
    assert list(edition.files) == ["in-input-pemeriksaan.md"]
    result = publish(edition, tmp_path / "out")
    assert result.report == tmp_path / "out" / "in-input-pemeriksaan.md" and result.path is None


def test_compose_takes_a_template_folder(tmp_path):
    analysis = analyse(write_inputs(tmp_path / "in"))
    templates = tmp_path / "templates"
    templates.mkdir()
    for name in ("rkt.docx", "pk.docx"):
        (templates / name).write_bytes((ROOT / "templates" / name).read_bytes())
    assert compose(analysis, templates=templates).files == compose(analysis).files
