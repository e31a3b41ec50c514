"""An issued name belongs to the issued document, across every sequence of build, --final, revisi and build.

A hypothesis state machine drives one office through its planning cycle in any order: workbooks
changed, drafts built, ordinary builds, editions issued with --final, revisions started. After
every step, no file in the output folder carries an issued edition's name with other bytes than
the issued document, and the only drafts left are those of the last build, when it was a draft:
the build that supersedes a draft removes it.
"""

from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from pipeline import archive
from pipeline.edition import analyse, compose, publish
from pipeline.files import remove_tree
from pipeline.names import DRAFT, PLAN_KINDS, document_name, edition_name, twin_name
from pipeline.outputs import OutputRefused
from pipeline.workbooks.revision import start_revision
from tests.builders import mini_data, write_inputs

DATES = ("2 Juli 2024", "1 Agustus 2024", "2 September 2024")  # the signing dates of Revisi 1, 2, 3
_COMPOSED: dict[tuple, object] = {}  # compose is pure in the input bytes: made once per inputs and draft


def composed(inputs: Path, draft: bool):
    key = (tuple(hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(inputs.glob("*.xlsx"))), draft)
    if key not in _COMPOSED:
        _COMPOSED[key] = compose(analyse(inputs), draft=draft)
    return _COMPOSED[key]


class PlanningCycle(RuleBasedStateMachine):
    """One office's inputs and output folder; the model knows which drafts may lie in the folder."""

    def __init__(self):
        super().__init__()
        self.drafts: set[str] = set()  # the draft documents the last publish left (those of its edition)
        self.revisions = 0

    @initialize()
    def start(self):
        self.root = Path(tempfile.mkdtemp(prefix="rkt-cycle-"))
        self.inputs, self.output = write_inputs(self.root / "inputs"), self.root / "output"

    def teardown(self):
        if hasattr(self, "root"):
            remove_tree(self.root)

    @rule(shift=st.sampled_from([0, 1_000, 2_000]))
    def change_workbooks(self, shift):
        """A section moves an amount of its schedule (0: back to the first figures); identitas.xlsx is rkt's."""
        data = mini_data()
        for row in (data["jadwal"]["Jadwal"][0], data["jadwal"]["Jadwal"][-1]):
            row["m05"] -= shift
            row["m06"] += shift
        write_inputs(self.inputs, {k: v for k, v in data.items() if k != "identitas"})

    @rule(draft=st.booleans(), final=st.booleans())
    def build(self, draft, final):
        if draft and final:
            return  # refused by the CLI before anything is read (test_archive.test_final_is_not_for_drafts)
        edition = composed(self.inputs, draft)
        office = edition.office
        issued = archive.state(self.output, edition_name(office.year, office.edition))
        same = issued.state == archive.ISSUED and all(
            issued.document(edition.name(kind)) == data for kind, data in edition.documents.items())
        try:
            result = publish(edition, self.output, final=final)
        except OutputRefused as exc:
            assert not draft and issued.state == archive.ISSUED and not same, exc
            assert f"--inputs {self.inputs}" in str(exc) and f"--output {self.output}" in str(exc)
            return
        assert draft or issued.state == archive.ABSENT or same, "a different document under an issued name"
        assert result.path is not None
        self.drafts = {document_name(office, True, kind) for kind in PLAN_KINDS} if draft else set()
        if final:
            assert archive.state(self.output, edition_name(office.year, office.edition)).state == archive.ISSUED

    @rule()
    def revisi(self):
        if self.revisions == len(DATES):
            return
        start_revision(self.inputs, DATES[self.revisions])
        self.revisions += 1

    @invariant()
    def issued_names_hold_the_issued_documents(self):
        if not hasattr(self, "output"):
            return
        top = self.output / "terbit"
        for folder in sorted(top.iterdir()) if top.is_dir() else []:
            issued = archive.state(self.output, folder.name)
            assert issued.state == archive.ISSUED, issued.reason
            for name in sorted(p.name for p in folder.glob("*.docx")):
                for rel in (name, twin_name(name)):
                    here = self.output / rel
                    assert not here.exists() or here.read_bytes() == (folder / rel).read_bytes(), rel

    @invariant()
    def superseded_drafts_are_gone(self):
        if not hasattr(self, "output") or not self.output.exists():
            return
        left = {p.relative_to(self.output).as_posix() for p in self.output.rglob(f"*{DRAFT}*")
                if p.is_file() and p.relative_to(self.output).parts[0] not in ("terbit", ".rkt")}
        expected = {rel for name in self.drafts for rel in (name, twin_name(name))}
        assert {rel for rel in left if rel.endswith((".docx", ".md")) and "/" not in rel
                and not rel.endswith("-pemeriksaan.md")} == expected, left
        stems = {name.removesuffix(".docx").split("-", 1)[1] for name in self.drafts}  # without RKT- or PK-
        assert all(any(stem in rel for stem in stems) for rel in left), left


PlanningCycle.TestCase.settings = settings(max_examples=12, stateful_step_count=8, deadline=None,
                                           suppress_health_check=[HealthCheck.too_slow])
test_the_issued_name_rule_across_every_sequence = PlanningCycle.TestCase
