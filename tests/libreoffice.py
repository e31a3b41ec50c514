"""A template opened and saved by LibreOffice Writer, as a planner would: optionally one word replaced first.

LibreOffice runs headless with a throwaway profile holding one Basic macro (as
pipeline/document/pdf.py does for PDFs): it opens the .docx hidden, replaces every `old` by `new`
(Edit > Find & Replace), and stores the document as Word 2007-365 .docx, LibreOffice's own writer
rewriting every part of it.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

from pipeline.document.pdf import PdfError, _run, soffice

MACRO = """
Sub SaveAsWord(src As String, dst As String, old As String, repl As String)
  Dim load(0) As New com.sun.star.beans.PropertyValue
  load(0).Name = "Hidden"
  load(0).Value = True
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(src), "_blank", 0, load())
  If old <> "" Then
    search = doc.createReplaceDescriptor()
    search.SearchString = old
    search.ReplaceString = repl
    doc.replaceAll(search)
  End If
  Dim out(0) As New com.sun.star.beans.PropertyValue
  out(0).Name = "FilterName"
  out(0).Value = "MS Word 2007 XML"
  doc.storeToURL(ConvertToURL(dst), out())
  doc.close(True)
End Sub
"""

MODULE = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">\n'
    '<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" '
    f'script:language="StarBasic">{escape(MACRO, {chr(34): "&quot;"})}</script:module>\n'
)


def _quoted(text: str) -> str:
    return '"' + str(text).replace('"', '""') + '"'


def saved_by_libreoffice(src: Path, dst: Path, old: str = "", new: str = "", timeout: float = 300) -> Path:
    """`src` opened in LibreOffice Writer, every `old` replaced by `new`, saved as .docx at `dst`."""
    exe = soffice()
    if exe is None:
        raise PdfError("LibreOffice (soffice) is not installed")
    dst = Path(dst).resolve()
    with tempfile.TemporaryDirectory(prefix="rkt-lo-") as tmp:
        profile = Path(tmp) / "profile"
        base = [exe, "--headless", "--norestore", "--nologo", "--nodefault",
                f"-env:UserInstallation={profile.as_uri()}"]
        _run([*base, "--terminate_after_init"], timeout)
        (profile / "user" / "basic" / "Standard" / "Module1.xba").write_text(MODULE, encoding="utf-8")
        args = ",".join(_quoted(a) for a in (Path(src).resolve(), dst, old, new))
        _run([*base, f"macro:///Standard.Module1.SaveAsWord({args})"], timeout)
    if not dst.is_file():
        raise PdfError(f"LibreOffice did not save {dst.name}")
    return dst
