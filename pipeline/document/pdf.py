"""Convert built .docx files to PDF with LibreOffice, table of contents filled in.

    python -m pipeline.document.pdf output/RKT-2024-BKK-Kelas-II-Jambi.docx [...]
    python -m pipeline.document.pdf output          # every RKT-*.docx and PK-*.docx in output/ but drafts

`soffice --convert-to pdf` does not update fields, so the PDF would show the TOC
placeholder. Instead a small LibreOffice Basic macro, installed in a throwaway LibreOffice
profile, opens the document hidden, updates every index (twice: filling the TOC can move
headings to later pages) and exports the PDF. Only LibreOffice itself is needed (no
python3-uno); nothing in the user's own LibreOffice profile is touched. Not part of
`rkt build`, which never needs LibreOffice.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import escape

from pipeline.files import FileProblem, atomic_write
from pipeline.names import KINDS, document_pattern, is_draft

MACRO = """
Sub ExportPdf(src As String, dst As String)
  Dim load(0) As New com.sun.star.beans.PropertyValue
  load(0).Name = "Hidden"
  load(0).Value = True
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(src), "_blank", 0, load())
  indexes = doc.getDocumentIndexes()
  For pass = 1 To 2
    For i = 0 To indexes.getCount() - 1
      indexes.getByIndex(i).update()
    Next i
  Next pass
  doc.getTextFields().refresh()
  Dim out(0) As New com.sun.star.beans.PropertyValue
  out(0).Name = "FilterName"
  out(0).Value = "writer_pdf_Export"
  doc.storeToURL(ConvertToURL(dst), out())
  doc.close(True)
End Sub
"""

def module(macro: str) -> str:
    """A Basic module file (Module1.xba) holding `macro`, as LibreOffice keeps one in a profile."""
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">\n'
            '<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" '
            f'script:language="StarBasic">{escape(macro, {chr(34): "&quot;"})}</script:module>\n')


class PdfError(Exception):
    """LibreOffice is missing or did not produce the PDF."""


def soffice() -> str | None:
    """The LibreOffice executable, or None when it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def _basic_string(text: object) -> str:
    return '"' + str(text).replace('"', '""') + '"'


def run_macro(macro: str, sub: str, args: Sequence[object], timeout: float = 300) -> None:
    """Run `sub` of the Basic `macro` with `args` in a headless LibreOffice with a throwaway profile: only
    LibreOffice itself is needed (no python3-uno), and the user's own profile is never touched."""
    exe = soffice()
    if exe is None:
        raise PdfError("LibreOffice (soffice) tidak ditemukan; pasang libreoffice-writer untuk membuat PDF")
    with tempfile.TemporaryDirectory(prefix="rkt-lo-") as tmp:
        profile = Path(tmp) / "profile"
        base = [exe, "--headless", "--norestore", "--nologo", "--nodefault",
                f"-env:UserInstallation={profile.as_uri()}"]
        _run([*base, "--terminate_after_init"], timeout)
        path = profile / "user" / "basic" / "Standard" / "Module1.xba"
        if not path.parent.is_dir():
            raise PdfError(f"profil LibreOffice tidak terbentuk di {profile}")
        path.write_text(module(macro), encoding="utf-8")
        _run([*base, f"macro:///Standard.Module1.{sub}({','.join(map(_basic_string, args))})"], timeout)


def to_pdf(docx: Path, pdf: Path | None = None, timeout: float = 300) -> Path:
    """Write `docx` as PDF (default: same name, `.pdf`), with every index updated; return its path."""
    docx = Path(docx).resolve()
    pdf = (Path(pdf) if pdf else docx.with_suffix(".pdf")).resolve()
    with atomic_write(pdf) as out:
        out.unlink()
        run_macro(MACRO, "ExportPdf", (docx, out), timeout)
        if not out.exists() or out.stat().st_size == 0:
            raise PdfError(f"LibreOffice tidak menghasilkan PDF dari {docx.name}")
    return pdf


def _run(cmd: list[str], timeout: float) -> None:
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired as exc:
        raise PdfError(f"LibreOffice tidak selesai dalam {timeout:.0f} detik") from exc
    if done.returncode != 0:
        raise PdfError(f"LibreOffice gagal (kode {done.returncode}): {done.stderr.strip()[-300:]}")


def documents(folder: Path) -> list[Path]:
    """The built documents in `folder` (drafts left out: they are not for printing)."""
    return sorted(p for kind in KINDS for p in Path(folder).glob(document_pattern(kind)) if not is_draft(p.name))


def main(argv: list[str] | None = None) -> int:
    """Convert each .docx given, or each built document of each folder given."""
    args = [Path(a) for a in (sys.argv[1:] if argv is None else argv)]
    paths = [doc for a in args for doc in (documents(a) if a.is_dir() else [a])]
    if not paths:
        print("pakai: python -m pipeline.document.pdf (DOKUMEN.docx | FOLDER) ...; tidak ada dokumen "
              + " atau ".join(map(document_pattern, KINDS)), file=sys.stderr)
        return 2
    for path in paths:
        try:
            print(to_pdf(path))
        except (PdfError, FileProblem) as exc:
            print(f"GALAT {path}: {exc}", file=sys.stderr)
            return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
