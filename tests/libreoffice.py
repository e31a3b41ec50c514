"""A template opened and saved by LibreOffice Writer, as a planner would: optionally one word replaced first.

LibreOffice runs headless with a throwaway profile holding one Basic macro (as
pipeline/document/pdf.py does for PDFs): it opens the .docx hidden, replaces every `old` by `new`
(Edit > Find & Replace), and stores the document as Word 2007-365 .docx, LibreOffice's own writer
rewriting every part of it.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.document.pdf import PdfError, run_macro

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


def saved_by_libreoffice(src: Path, dst: Path, old: str = "", new: str = "", timeout: float = 300) -> Path:
    """`src` opened in LibreOffice Writer, every `old` replaced by `new`, saved as .docx at `dst`."""
    dst = Path(dst).resolve()
    run_macro(MACRO, "SaveAsWord", (Path(src).resolve(), dst, old, new), timeout)
    if not dst.is_file():
        raise PdfError(f"LibreOffice did not save {dst.name}")
    return dst
