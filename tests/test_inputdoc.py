"""The planner's input guide is generated from the schema; the committed copy must match."""

from pathlib import Path

from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.inputs import schema

DOC = Path(__file__).parent.parent / "docs" / "input-format.md"


def test_committed_input_guide_is_current():
    result = CliRunner().invoke(cli, ["schema"])
    assert result.exit_code == 0
    assert DOC.read_text(encoding="utf-8") == result.output, "run: rkt schema > docs/input-format.md"


def test_guide_names_every_column():
    text = DOC.read_text(encoding="utf-8")
    for wb in schema.ALL_WORKBOOKS:
        assert f"`{wb.filename}`" in text
        for sheet in wb.sheets:
            names = [f.label for f in sheet.fields] if isinstance(sheet, schema.FormSheet) else [
                c.header for c in sheet.columns]
            for name in names:
                assert f"| {name} |" in text
